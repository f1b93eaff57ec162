//! The bulletin: what the parser recovers and the exporter writes.

use serde::{Deserialize, Serialize};

use crate::{CalendarDate, Diagnostic, SourceFormat};

/// One converted bulletin. Field order is the JSON order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Bulletin {
    /// Layout version of this document; see `tongbao_model::SCHEMA_VERSION`.
    pub schema_version: String,
    pub source: Source,
    /// The bulletin's title (`“三助三红”重点攻坚任务“销号”情况通报`), or for a
    /// sheet, the list title above the table.
    pub title: Option<String>,
    pub as_of: AsOf,
    /// The year the bulletin's month-day expressions belong to.
    pub year: Option<i32>,
    /// Lines above the title: the issuing body and issue number
    /// (`督查通报`, `2019年第9期`).
    #[serde(default)]
    pub masthead: Vec<String>,
    /// Body paragraphs of the covering letter, in order.
    pub preamble: Vec<String>,
    /// The attachment's title (`附件：…` in the covering letter).
    pub attachment_title: Option<String>,
    /// Recipients after `报：`.
    pub report_to: Option<String>,
    /// Recipients after `发：`.
    pub distribute_to: Option<String>,
    /// Name after `编辑：`.
    pub editor: Option<String>,
    /// Name after `签发：`.
    pub issuer: Option<String>,
    /// Counts the letter states in prose (`等7项工作予以销号` → closed 7).
    pub stated_counts: StatedCounts,
    pub areas: Vec<Area>,
    pub tasks: Vec<Task>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where the bulletin came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Source {
    /// File name as given (no directories), e.g. `bulletin-2019-08.docx`.
    pub file: String,
    /// Container format detected from the bytes.
    pub format: SourceFormat,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// Sheet holding the task table, for a workbook.
    pub sheet: Option<String>,
    /// Package creation date as written in its properties (W3CDTF).
    pub created: Option<String>,
    /// Package modification date as written in its properties (W3CDTF).
    pub modified: Option<String>,
}

/// The date the bulletin reports up to (`（截至8月底）`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AsOf {
    /// The text without brackets: `截至8月底`.
    pub text: Option<String>,
    /// The day it means: `2019-08-31`.
    pub date: Option<CalendarDate>,
}

/// Counts the bulletin states, per status: in the covering letter's prose,
/// or else in a summary table's 合计 (total) row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StatedCounts {
    /// Tasks in all (`全县32项重点工作任务中`, `重点任务共45项`, a 任务数 total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Tasks the letter says are closed or stage-closed (`等7项工作予以销号`,
    /// `已销号12项，阶段性销号8项`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<u32>,
    /// Tasks the letter says are warned (`予以预警`, `预警3项`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<u32>,
}

/// A 攻坚领域 (area of work) grouping tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Area {
    /// 1-based order of first appearance.
    pub seq: u32,
    /// The Chinese ordinal the label starts with (`一`), when it has one.
    pub numeral: Option<String>,
    /// The label without its ordinal: `推进抗灾救灾和灾后重建`.
    pub title: String,
}

/// One numbered key task (重点工作任务).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Task {
    /// The task number as printed (`1．` → 1) or auto-numbered.
    pub no: u32,
    /// `seq` of the task's area, when the table has areas.
    pub area_seq: Option<u32>,
    /// Title of the task's area.
    pub area: Option<String>,
    /// The task text without its number prefix.
    pub text: String,
    /// Responsible units, one per name; lead units first.
    pub units: Vec<String>,
    /// The same units split by role, when the table has separate
    /// 牵头单位/配合单位 columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units_by_role: Option<UnitsByRole>,
    /// Leaders in charge (责任领导), when the table has such a column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaders: Option<Vec<String>>,
    /// Deadline column text (完成时限/时间节点), when the table has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_text: Option<String>,
    /// The deadlines `deadline_text` sets (`2021年12月底` → by 2021-12-31);
    /// spans index into `deadline_text`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadline_dates: Vec<DateExpr>,
    /// Remarks column text (备注), when the table has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// The task's text in columns of no known role (存在问题, 完成率) and in
    /// progress columns other than the one read (8月进展 beside 9月进展), in
    /// column order; columns empty for this task are left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_columns: Vec<ExtraColumn>,
    /// Progress items (完成情况), one per paragraph.
    pub progress: Vec<Progress>,
    pub status: Status,
    /// Time expressions found in `text`.
    pub dates: Vec<DateExpr>,
    /// Figures found in `text`.
    pub figures: Vec<Figure>,
    pub location: Location,
}

/// A column the parser reads no meaning into, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ExtraColumn {
    /// The column's header label (top and sub label joined by `/`).
    pub label: String,
    /// The cell's text.
    pub text: String,
}

/// Units split by the role the table gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitsByRole {
    /// 牵头单位.
    pub lead: Vec<String>,
    /// 配合单位.
    pub support: Vec<String>,
}

/// One progress item (a paragraph of 完成情况).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Progress {
    /// The item's list label without punctuation: `1` for `1.`, `（1）` or `①`.
    pub label: Option<String>,
    /// The item text without its label.
    pub text: String,
    /// The day the item reports up to (`截止8月23日` → 2019-08-23).
    pub as_of: Option<CalendarDate>,
    /// Time expressions found in `text`.
    pub dates: Vec<DateExpr>,
    /// Figures found in `text`.
    pub figures: Vec<Figure>,
}

/// A task's 销号 status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Status {
    /// The status text as written, paragraphs joined without separator
    /// (`阶段性“销号”`); empty when the cell is empty.
    pub raw: String,
    pub code: StatusCode,
    /// Where the status was read from.
    pub source: StatusSource,
}

/// The meaning of a status text.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum StatusCode {
    /// No status given, or a plain "not yet" (否, 未销号).
    None,
    /// “销号”, 已销号, 已完成, 办结.
    Closed,
    /// 阶段性“销号”, 阶段性完成.
    StageClosed,
    /// 预警, 红灯.
    Warning,
    /// 序时推进 and the like: on schedule.
    OnTrack,
    /// 滞后 and the like: behind schedule.
    Behind,
    /// 未启动, 未开工.
    NotStarted,
    /// 超期未完成.
    Overdue,
    /// A status word tongbao does not know; see `raw`.
    Other,
}

impl StatusCode {
    /// The snake_case name, as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusCode::None => "none",
            StatusCode::Closed => "closed",
            StatusCode::StageClosed => "stage_closed",
            StatusCode::Warning => "warning",
            StatusCode::OnTrack => "on_track",
            StatusCode::Behind => "behind",
            StatusCode::NotStarted => "not_started",
            StatusCode::Overdue => "overdue",
            StatusCode::Other => "other",
        }
    }
}

/// Where a status was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusSource {
    /// The table's status column.
    Column,
    /// A section heading over the task that names a status (`二、预警任务`),
    /// when the table has no status column.
    Section,
    /// A status word inside the progress text (`80%(严重滞后)`).
    Progress,
    /// A remarks column holding nothing but a status word (`备注: 已完成`),
    /// when the table has no status column.
    Remarks,
    /// No status anywhere.
    Absent,
}

/// Where a task's row sits in the source document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Location {
    /// 0-based index of the table among the document's tables (sheets, for a workbook).
    pub table: usize,
    /// 0-based row index within that table.
    pub row: usize,
}

/// A time expression found in text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DateExpr {
    /// The matched text, e.g. `9月底前`.
    pub text: String,
    pub kind: DateKind,
    /// First day the expression covers; `None` when open at the start (`9月底前`).
    pub start: Option<CalendarDate>,
    /// Last day the expression covers; `None` when open at the end (`2018年以来`).
    pub end: Option<CalendarDate>,
    /// For a deadline: whether `end` is before the bulletin's reference date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// True for `截至/截止 X`: the day a statement reports up to.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub as_of: bool,
    /// `[start, end)` in Unicode scalar values (chars) into the owning text.
    pub span: [usize; 2],
}

/// What a time expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// Something must happen by `end` (`9月底前`, `年内`, `春节前`).
    Deadline,
    /// One day (`8月31日`, `12月底`); `start == end`.
    Date,
    /// A stretch of time (`三季度`, `1-7月`, `下旬`).
    Period,
}

/// A figure found in text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Figure {
    /// The matched text, e.g. `4.08亿元`.
    pub text: String,
    pub kind: FigureKind,
    /// The value in base units: 4.08亿元 → 408000000; 93.23% → 0.9323 (a fraction).
    #[serde(serialize_with = "serialize_number")]
    #[schemars(with = "f64")]
    pub value: f64,
    /// Base unit: `元`, `美元`, `亩`, `平方米`, `家`, `个`; `None` for a percentage.
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// The metric a percentage measures (`完成率`), when written before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// `[start, end)` in Unicode scalar values (chars) into the owning text.
    pub span: [usize; 2],
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// An amount of money (`4.08亿元`).
    Money,
    /// A percentage, as a fraction (`93.23%` → 0.9323).
    Percent,
    /// A measure or a count with its measure word (`37.86万亩`, `474家`).
    Quantity,
}

/// A bound written next to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 以上, 不低于, 超过.
    AtLeast,
    /// 以下, 不超过.
    AtMost,
    /// 近, 约, 左右.
    About,
}

/// Writes whole numbers as JSON integers (408000000, not 408000000.0) so BI
/// tools infer an integer column; fractions stay floats.
fn serialize_number<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.fract() == 0.0 && value.abs() < EXACT_INTEGER_LIMIT {
        #[allow(clippy::cast_possible_truncation)]
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

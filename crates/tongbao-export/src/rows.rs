//! Flat rows for BI tools: one per task, and one per date or figure.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use tongbao_model::{Bulletin, CalendarDate, DateExpr, DateKind, Figure, Task};

/// One task, flattened with its bulletin's context (an NDJSON line, a CSV row).
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TaskRow {
    /// The bulletin's file name.
    pub source_file: String,
    /// The bulletin's title.
    pub title: Option<String>,
    /// The day the bulletin reports up to, `YYYY-MM-DD`.
    pub as_of_date: Option<CalendarDate>,
    /// The as-of text as written (`截至8月底`).
    pub as_of_text: Option<String>,
    pub area_seq: Option<u32>,
    pub area: Option<String>,
    pub task_no: u32,
    /// The task text without its number.
    pub text: String,
    /// Responsible units, lead units first (joined with `、` in CSV).
    pub units: Vec<String>,
    /// Lead units (牵头), when the table tells roles apart; else empty.
    pub lead_units: Vec<String>,
    /// Supporting units (配合), when the table tells roles apart; else empty.
    pub support_units: Vec<String>,
    /// The latest deadline the task text or its deadline column sets, `YYYY-MM-DD`.
    pub latest_deadline: Option<CalendarDate>,
    /// Progress items with their labels, as printed (joined with line breaks in CSV).
    pub progress: Vec<String>,
    /// Status code: none, closed, stage_closed, warning, on_track, behind, not_started, overdue, other.
    pub status: String,
    /// The status text as written.
    pub status_raw: String,
    pub deadline_text: Option<String>,
    pub remarks: Option<String>,
    /// Columns the parser reads no meaning into, by header label (in CSV,
    /// one `label：text` line each).
    pub extra_columns: BTreeMap<String, String>,
}

impl TaskRow {
    /// CSV column names, in order.
    pub const COLUMNS: [&'static str; 18] = [
        "source_file",
        "title",
        "as_of_date",
        "as_of_text",
        "area_seq",
        "area",
        "task_no",
        "text",
        "units",
        "lead_units",
        "support_units",
        "latest_deadline",
        "progress",
        "status",
        "status_raw",
        "deadline_text",
        "remarks",
        "extra_columns",
    ];

    /// The row as CSV fields, in [`TaskRow::COLUMNS`] order.
    pub fn csv_record(&self) -> [String; 18] {
        let optional = |value: &Option<String>| value.clone().unwrap_or_default();
        let number = |value: Option<u32>| value.map(|n| n.to_string()).unwrap_or_default();
        let date = |value: Option<CalendarDate>| value.map(|d| d.to_string()).unwrap_or_default();
        [
            self.source_file.clone(),
            optional(&self.title),
            date(self.as_of_date),
            optional(&self.as_of_text),
            number(self.area_seq),
            optional(&self.area),
            self.task_no.to_string(),
            self.text.clone(),
            self.units.join("、"),
            self.lead_units.join("、"),
            self.support_units.join("、"),
            date(self.latest_deadline),
            self.progress.join("\n"),
            self.status.clone(),
            self.status_raw.clone(),
            optional(&self.deadline_text),
            optional(&self.remarks),
            self.extra_columns
                .iter()
                .map(|(label, text)| format!("{label}：{text}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ]
    }
}

/// One date or figure found in a task's text or progress (the long table BI
/// tools chart).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FigureRow {
    pub source_file: String,
    pub as_of_date: Option<CalendarDate>,
    pub task_no: u32,
    pub area_seq: Option<u32>,
    /// `task` for the task text, `progress` for a progress item.
    pub field: String,
    /// 1-based position of the progress item; `None` for the task text.
    pub progress_item: Option<usize>,
    /// Kind: money, percent, quantity (figures); deadline, date, period (dates).
    pub kind: String,
    /// The matched text.
    pub text: String,
    /// A figure's value in base units (percent as a fraction).
    pub value: Option<Value>,
    pub unit: Option<String>,
    /// at_least, at_most or about.
    pub qualifier: Option<String>,
    /// The metric a percentage measures (`完成率`).
    pub label: Option<String>,
    /// A date's first day, `YYYY-MM-DD`.
    pub start: Option<CalendarDate>,
    /// A date's last day, `YYYY-MM-DD`.
    pub end: Option<CalendarDate>,
    /// For a deadline: passed at the bulletin's as-of date.
    pub passed: Option<bool>,
    /// `[start, end)` in chars into the owning text.
    pub span: [usize; 2],
}

/// One row per task.
pub fn task_rows(bulletin: &Bulletin) -> Vec<TaskRow> {
    bulletin
        .tasks
        .iter()
        .map(|task| TaskRow {
            source_file: bulletin.source.file.clone(),
            title: bulletin.title.clone(),
            as_of_date: bulletin.as_of.date,
            as_of_text: bulletin.as_of.text.clone(),
            area_seq: task.area_seq,
            area: task.area.clone(),
            task_no: task.no,
            text: task.text.clone(),
            units: task.units.clone(),
            lead_units: task
                .units_by_role
                .as_ref()
                .map(|roles| roles.lead.clone())
                .unwrap_or_default(),
            support_units: task
                .units_by_role
                .as_ref()
                .map(|roles| roles.support.clone())
                .unwrap_or_default(),
            latest_deadline: latest_deadline(task),
            progress: task
                .progress
                .iter()
                .map(|item| match &item.label {
                    Some(label) => format!("{label}. {}", item.text),
                    None => item.text.clone(),
                })
                .collect(),
            status: task.status.code.as_str().to_owned(),
            status_raw: task.status.raw.clone(),
            deadline_text: task.deadline_text.clone(),
            remarks: task.remarks.clone(),
            extra_columns: extra_columns(task),
        })
        .collect()
}

/// A task's extra columns by label; two columns under one label (rare)
/// keep both texts, one per line.
fn extra_columns(task: &Task) -> BTreeMap<String, String> {
    let mut by_label: BTreeMap<String, String> = BTreeMap::new();
    for column in &task.extra_columns {
        by_label
            .entry(column.label.clone())
            .and_modify(|text| {
                text.push('\n');
                text.push_str(&column.text);
            })
            .or_insert_with(|| column.text.clone());
    }
    by_label
}

/// The latest deadline the task text or its deadline column sets.
fn latest_deadline(task: &Task) -> Option<CalendarDate> {
    task.dates
        .iter()
        .chain(&task.deadline_dates)
        .filter(|date| date.kind == DateKind::Deadline)
        .filter_map(|date| date.end)
        .max()
}

/// One row per date and figure, task text first, then each progress item.
pub fn figure_rows(bulletin: &Bulletin) -> Vec<FigureRow> {
    let mut rows = Vec::new();
    for task in &bulletin.tasks {
        let base = |field: &str, progress_item: Option<usize>| FigureRow {
            source_file: bulletin.source.file.clone(),
            as_of_date: bulletin.as_of.date,
            task_no: task.no,
            area_seq: task.area_seq,
            field: field.to_owned(),
            progress_item,
            kind: String::new(),
            text: String::new(),
            value: None,
            unit: None,
            qualifier: None,
            label: None,
            start: None,
            end: None,
            passed: None,
            span: [0, 0],
        };
        push_found(&mut rows, base("task", None), &task.dates, &task.figures);
        for (index, item) in task.progress.iter().enumerate() {
            push_found(
                &mut rows,
                base("progress", Some(index + 1)),
                &item.dates,
                &item.figures,
            );
        }
    }
    rows
}

fn push_found(rows: &mut Vec<FigureRow>, base: FigureRow, dates: &[DateExpr], figures: &[Figure]) {
    for date in dates {
        rows.push(FigureRow {
            kind: enum_name(&date.kind),
            text: date.text.clone(),
            start: date.start,
            end: date.end,
            passed: date.passed,
            span: date.span,
            ..base.clone()
        });
    }
    for figure in figures {
        rows.push(FigureRow {
            kind: enum_name(&figure.kind),
            text: figure.text.clone(),
            // Through the model's own serializer, so whole numbers stay integers.
            value: serde_json::to_value(figure)
                .ok()
                .and_then(|value| value.get("value").cloned()),
            unit: figure.unit.clone(),
            qualifier: figure.qualifier.as_ref().map(enum_name),
            label: figure.label.clone(),
            span: figure.span,
            ..base.clone()
        });
    }
}

/// The snake_case name serde gives a unit enum variant.
fn enum_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        _ => String::new(),
    }
}

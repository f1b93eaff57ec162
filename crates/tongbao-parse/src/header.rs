//! Finding a task table's header row(s) and what each column holds.
//!
//! Header cells are matched on meaning: each column label is scored against
//! keyword lists (longer, more specific keywords score higher, an exact
//! match highest) and takes the best-scoring role.

use std::collections::{BTreeMap, BTreeSet};

use tongbao_model::{Cell, Row, StatusCode, Table};

use crate::status::classify_status;
use crate::text::{compact, kept_by_compact, leading_label, month_named};

/// Whether a unit column names lead or supporting units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitRole {
    /// 责任单位: units without a stated role, listed as lead.
    Unspecified,
    Lead,
    Support,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Number,
    Area,
    Task,
    Units(UnitRole),
    Progress,
    Status,
    Remarks,
    Deadline,
    Leaders,
}

const ROLE_KEYWORDS: &[(Role, &[&str])] = &[
    (Role::Number, &["序号", "编号", "序"]),
    (
        Role::Area,
        &["攻坚领域", "工作重点", "重点领域", "领域", "板块", "类别"],
    ),
    (
        Role::Task,
        &[
            "重点工作任务",
            "主要工作任务",
            "工作任务",
            "目标任务",
            "重点任务",
            "任务",
            "项目内容",
            "工作内容",
            "重点工作",
            "内容",
            "事项",
            "项目名称",
            "工作目标",
            "工作要点",
            "目标要求",
            "年度目标",
        ],
    ),
    (
        Role::Units(UnitRole::Unspecified),
        &[
            "责任单位",
            "责任部门",
            "责任主体",
            "责任科室",
            "责任处室",
            "承办单位",
            "单位",
            "部门",
            "科室",
            "处室",
        ],
    ),
    (
        Role::Units(UnitRole::Lead),
        &["牵头单位", "牵头部门", "主办单位", "主责单位", "牵头"],
    ),
    (
        Role::Units(UnitRole::Support),
        &[
            "配合单位",
            "配合部门",
            "协办单位",
            "协同单位",
            "协助单位",
            "参与单位",
            "配合",
            "协办",
        ],
    ),
    (
        Role::Progress,
        &[
            "落实进展情况",
            "完成情况",
            "进展情况",
            "推进情况",
            "落实情况",
            "工作进展",
            "实施情况",
            "执行情况",
            "进展",
            "进度",
        ],
    ),
    (
        Role::Status,
        &[
            "销号状态",
            "状态",
            "销号",
            "是否完成",
            "进度评价",
            "督查评价",
            "评价",
            "亮灯情况",
            "亮灯",
        ],
    ),
    (Role::Remarks, &["备注"]),
    (
        Role::Deadline,
        &[
            "完成时限",
            "时间节点",
            "完成时间",
            "截止时间",
            "时间要求",
            "完成期限",
            "期限",
            "时限",
            "节点",
        ],
    ),
    (
        Role::Leaders,
        &[
            "责任领导",
            "牵头领导",
            "分管领导",
            "联系领导",
            // `牵头县领导` names people, not the lead unit.
            "县领导",
            "市领导",
            "区领导",
            "领导",
            "责任人",
        ],
    ),
];

/// Words that make a label a count or a total (`任务数量`, `合计`).
const COUNT_WORDS: &[&str] = &["数量", "总数", "个数", "项数", "合计", "小计"];

/// Header labels longer than this are data, not headers.
const MAX_HEADER_LABEL_CHARS: usize = 24;

/// The role a header label names, if any.
pub(crate) fn classify(label: &str) -> Option<Role> {
    let label = compact(label);
    if label.is_empty() || label.chars().count() > MAX_HEADER_LABEL_CHARS {
        return None;
    }
    // 任务数, 已销号数, 任务总数: a count in a summary table, not the column.
    if label.ends_with('数') || COUNT_WORDS.iter().any(|word| label.contains(word)) {
        return None;
    }
    // 销号时间, 更新日期: a date column is a deadline column or nothing.
    let names_a_time = ["时间", "日期"].iter().any(|word| label.contains(word));
    let mut best: Option<(usize, Role)> = None;
    for (role, keywords) in ROLE_KEYWORDS {
        for keyword in *keywords {
            let score = if label == *keyword {
                100 + keyword.chars().count()
            } else if label.contains(keyword) {
                keyword.chars().count()
            } else {
                continue;
            };
            // `序` alone is too short to trust inside a longer label.
            if score == 1 {
                continue;
            }
            if best.is_none_or(|(best_score, _)| score > best_score) {
                best = Some((score, *role));
            }
        }
    }
    match best? {
        (_, role) if names_a_time && role != Role::Deadline => None,
        (_, Role::Units(UnitRole::Unspecified)) => Some(Role::Units(unit_role_marked(&label))),
        (_, role) => Some(role),
    }
}

/// Words that give a unit column its role inside a longer label:
/// `牵头责任单位` is a lead column, `配合责任单位` a supporting one.
const LEAD_MARKERS: &[&str] = &["牵头", "主办", "主责"];
const SUPPORT_MARKERS: &[&str] = &["配合", "协办", "协同", "协助", "参与"];

fn unit_role_marked(label: &str) -> UnitRole {
    let has = |markers: &[&str]| markers.iter().any(|marker| label.contains(marker));
    if has(SUPPORT_MARKERS) {
        UnitRole::Support
    } else if has(LEAD_MARKERS) {
        UnitRole::Lead
    } else {
        UnitRole::Unspecified
    }
}

/// Which grid column holds what, for one task table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ColumnMap {
    pub number: Option<usize>,
    pub area: Option<usize>,
    pub task: usize,
    pub units: Vec<(usize, UnitRole)>,
    pub progress: Option<usize>,
    pub status: Option<usize>,
    pub remarks: Option<usize>,
    pub deadline: Option<usize>,
    pub leaders: Option<usize>,
    /// Columns of no known role (存在问题, 完成率) and progress columns not
    /// read as the progress (上月进展): their header labels by column.
    pub others: BTreeMap<usize, String>,
    /// A status given by marking one of several columns (`推进状态` over
    /// `已销号 | 序时推进 | 预警`, a √ in one): each column and the status
    /// word labelling it, by column. Empty when the table has none.
    pub status_marks: BTreeMap<usize, String>,
    /// Grid columns the header covers; a headerless table continuing this
    /// one has the same width.
    pub width: usize,
}

impl ColumnMap {
    /// Whether a column other than `column` starts at grid column `start`:
    /// a cell starting there and spanning into `column` (progress merged
    /// across the status column) belongs to that other column.
    pub(crate) fn other_column_starts_at(&self, start: usize, column: usize) -> bool {
        start != column
            && (self.task == start
                || [
                    self.number,
                    self.area,
                    self.progress,
                    self.status,
                    self.remarks,
                    self.deadline,
                    self.leaders,
                ]
                .contains(&Some(start))
                || self
                    .units
                    .iter()
                    .any(|(unit_column, _)| *unit_column == start)
                || self.others.contains_key(&start)
                || self.status_marks.contains_key(&start))
    }

    /// Whether units are split into lead and supporting columns.
    pub(crate) fn has_unit_roles(&self) -> bool {
        self.units
            .iter()
            .any(|(_, role)| *role == UnitRole::Support)
    }
}

/// Where a table's header sits and what it maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    pub map: ColumnMap,
    /// [`row_signature`] of each header row.
    pub signatures: Vec<Vec<String>>,
    /// First row after the header (after a second header row, if any).
    pub data_start: usize,
}

impl Header {
    /// Whether `row` of `table` repeats one of the header rows (same compact
    /// text cell by cell), as a header repeated after a page break does.
    pub(crate) fn is_header_row(&self, table: &Table, row: &Row) -> bool {
        self.signatures.iter().any(|signature| {
            signature.len() == row.cells.len()
                && row
                    .cells
                    .iter()
                    .zip(signature)
                    .all(|(cell, label)| resolved_compact_chars(table, cell).eq(label.chars()))
        })
    }
}

/// What a table's header search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HeaderSearch {
    Found(Header),
    /// A row that names several known columns but no task column.
    Unmapped {
        row: usize,
        labels: Vec<String>,
    },
    NotFound,
}

/// A header must name the task column and at least one other known column.
const MIN_HEADER_ROLES: usize = 2;

/// Finds the first header row of `table`.
pub(crate) fn find_header(table: &Table) -> HeaderSearch {
    let mut unmapped = None;
    for (index, row) in table.rows.iter().enumerate() {
        if !all_cells_short(table, row) {
            continue;
        }
        let roles = row_roles(table, row);
        let distinct = distinct_roles(&roles);
        if distinct < MIN_HEADER_ROLES {
            continue;
        }
        if roles.iter().any(|(_, role)| *role == Role::Task) {
            return HeaderSearch::Found(build_header(table, index));
        }
        if unmapped.is_none() {
            unmapped = Some(HeaderSearch::Unmapped {
                row: index,
                labels: row_labels(table, row),
            });
        }
    }
    unmapped.unwrap_or(HeaderSearch::NotFound)
}

/// A header row holds labels only; any long cell makes it a data row.
fn all_cells_short(table: &Table, row: &Row) -> bool {
    row.cells.iter().all(|cell| {
        resolved_compact_chars(table, cell)
            .nth(MAX_HEADER_LABEL_CHARS)
            .is_none()
    })
}

/// The compact text of each cell of `row`, to recognise a header row repeated
/// inside a table.
fn row_signature(table: &Table, row: &Row) -> Vec<String> {
    row.cells
        .iter()
        .map(|cell| resolved_compact_chars(table, cell).collect())
        .collect()
}

/// The chars of [`compact`] applied to a cell's resolved text, without
/// building the text: data rows are compared with header rows and measured
/// against label length, and stop at the first char that settles it.
fn resolved_compact_chars<'t>(table: &'t Table, cell: &'t Cell) -> impl Iterator<Item = char> + 't {
    // `Cell::text` joins paragraphs with `\n`, which `compact` drops anyway.
    resolve(table, cell)
        .into_iter()
        .flat_map(|cell| &cell.paragraphs)
        .flat_map(|paragraph| {
            let label = paragraph.list_label.as_deref().unwrap_or_default();
            label.chars().chain(paragraph.text.chars())
        })
        .filter(|c| kept_by_compact(*c))
}

/// Each grid column of `row` with the role its own text names.
fn row_roles(table: &Table, row: &Row) -> Vec<(usize, Role)> {
    row.cells
        .iter()
        .filter_map(|cell| {
            let role = classify(&resolved_text(table, cell))?;
            Some((cell.grid_col, role))
        })
        .collect()
}

fn distinct_roles(roles: &[(usize, Role)]) -> usize {
    let mut seen: Vec<Role> = Vec::new();
    for (_, role) in roles {
        if !seen.contains(role) {
            seen.push(*role);
        }
    }
    seen.len()
}

fn row_labels(table: &Table, row: &Row) -> Vec<String> {
    row.cells
        .iter()
        .map(|cell| resolved_text(table, cell).trim().to_owned())
        .filter(|label| !label.is_empty())
        .collect()
}

/// A cell's text, read from the merge origin for a continued cell.
pub(crate) fn resolved_text(table: &Table, cell: &Cell) -> String {
    resolve(table, cell).map_or_else(String::new, Cell::text)
}

/// The cell holding `cell`'s content: itself, or the origin of the vertical
/// merge it continues (one hop: origins never continue another merge).
pub(crate) fn resolve<'t>(table: &'t Table, cell: &'t Cell) -> Option<&'t Cell> {
    match cell.merged_from {
        None => Some(cell),
        Some(origin) => cell_at(table.rows.get(origin.row)?, origin.grid_col)
            .filter(|origin_cell| origin_cell.merged_from.is_none()),
    }
}

fn build_header(table: &Table, header_row: usize) -> Header {
    let top = table.rows.get(header_row);
    let sub = table
        .rows
        .get(header_row + 1)
        .filter(|row| top.is_some_and(|top| is_sub_header(table, top, row)));
    let header_rows = || [top, sub].into_iter().flatten();
    let width = header_rows()
        .flat_map(|row| row.cells.iter().map(cell_end))
        .max()
        .unwrap_or(0);
    // Visit the columns where a header cell starts, not 0..width: a hostile
    // span must not turn into a long loop.
    let columns: BTreeSet<usize> = header_rows()
        .flat_map(|row| row.cells.iter().map(|cell| cell.grid_col))
        .collect();
    let mut map = ColumnMap {
        number: None,
        area: None,
        task: 0,
        units: Vec::new(),
        progress: None,
        status: None,
        remarks: None,
        deadline: None,
        leaders: None,
        others: BTreeMap::new(),
        status_marks: BTreeMap::new(),
        width,
    };
    let mut task = None;
    let mut progress_columns = Vec::new();
    let mut progress_labels = BTreeMap::new();
    for column in columns {
        let top_label = top
            .and_then(|row| cell_at(row, column))
            .map(|cell| resolved_text(table, cell))
            .unwrap_or_default();
        let sub_label = sub
            .and_then(|row| cell_at(row, column))
            .filter(|cell| cell.merged_from.is_none())
            .map(Cell::text)
            .unwrap_or_default();
        let role = column_role(&top_label, &sub_label);
        let label = column_label(&top_label, &sub_label);
        let Some(role) = role else {
            if !label.is_empty() {
                map.others.insert(column, label);
            }
            continue;
        };
        match role {
            Role::Task => {
                task.get_or_insert(column);
            }
            Role::Units(unit_role) => map.units.push((column, unit_role)),
            Role::Number => set_once(&mut map.number, column),
            Role::Area => set_once(&mut map.area, column),
            Role::Progress => {
                progress_columns.push((column, names_a_month(&top_label, &sub_label)));
                progress_labels.insert(column, label);
            }
            Role::Status => set_once(&mut map.status, column),
            Role::Remarks => set_once(&mut map.remarks, column),
            Role::Deadline => set_once(&mut map.deadline, column),
            Role::Leaders => set_once(&mut map.leaders, column),
        }
    }
    // The caller only builds a header for a row that names a task column.
    map.task = task.unwrap_or(0);
    if let (Some(top), Some(sub)) = (top, sub)
        && let Some(marks) = status_mark_columns(table, top, sub)
    {
        // A mark column labelled 已完成 reads as progress, and its √ as a
        // status word: it is neither.
        let is_mark = |column: usize| marks.contains_key(&column);
        map.others.retain(|column, _| !is_mark(*column));
        progress_columns.retain(|(column, _)| !is_mark(*column));
        if map.status.is_some_and(is_mark) {
            map.status = None;
        }
        map.status_marks = marks;
    }
    let data_start = header_row + 1 + usize::from(sub.is_some());
    // `工作进展 | 完成情况`: both labels name progress, and the one whose
    // cells are status words (已完成, 序时推进) is the status column.
    if map.status.is_none()
        && progress_columns.len() > 1
        && let Some(position) = progress_columns
            .iter()
            .position(|&(column, _)| holds_status_words(table, data_start, column))
    {
        map.status = Some(progress_columns.remove(position).0);
    }
    // `8月进展情况 | 9月进展情况`: months run left to right, so the last
    // column naming one is this month's progress. Otherwise the column
    // with the most text (`进展情况` beside a `完成进度` of percentages).
    map.progress = match progress_columns.as_slice() {
        [] => None,
        [(column, _)] => Some(*column),
        several => several
            .iter()
            .rev()
            .find(|(_, month)| *month)
            .or_else(|| {
                several
                    .iter()
                    .rev()
                    .max_by_key(|(column, _)| text_chars(table, data_start, *column))
            })
            .map(|(column, _)| *column),
    };
    for (column, _) in progress_columns {
        if Some(column) != map.progress
            && let Some(label) = progress_labels.remove(&column)
        {
            map.others.insert(column, label);
        }
    }
    Header {
        map,
        signatures: [top, sub]
            .into_iter()
            .flatten()
            .map(|row| row_signature(table, row))
            .collect(),
        data_start,
    }
}

/// Grid columns a table covers.
pub(crate) fn table_width(table: &Table) -> usize {
    table
        .rows
        .iter()
        .flat_map(|row| row.cells.iter().map(cell_end))
        .max()
        .unwrap_or(0)
}

/// The cell covering grid column `column`: [`Row::cell_at`] by binary search
/// (cells are in grid order), so that hostile wide rows stay cheap.
pub(crate) fn cell_at(row: &Row, column: usize) -> Option<&Cell> {
    let after = row.cells.partition_point(|cell| cell.grid_col <= column);
    let cell = row.cells.get(after.checked_sub(1)?)?;
    (column < cell_end(cell)).then_some(cell)
}

/// The grid column after the last one `cell` covers.
fn cell_end(cell: &Cell) -> usize {
    cell.grid_col.saturating_add(cell.col_span)
}

/// How many chars the cells of `column` below the header hold.
fn text_chars(table: &Table, data_start: usize, column: usize) -> usize {
    table
        .rows
        .iter()
        .skip(data_start)
        .filter_map(|row| cell_at(row, column))
        .filter(|cell| cell.merged_from.is_none())
        .flat_map(|cell| &cell.paragraphs)
        .map(|paragraph| paragraph.text.chars().count())
        .sum()
}

/// Whether a column's labels name a month (`9月进展情况`, `本月进展`).
fn names_a_month(top: &str, sub: &str) -> bool {
    [top, sub].iter().any(|label| {
        label.contains("本月") || label.contains("上月") || month_named(label).is_some()
    })
}

/// Status words are short; progress text that happens to hold one is not.
const MAX_STATUS_WORD_CHARS: usize = 12;

/// Whether most filled cells of `column` below the header are status words.
fn holds_status_words(table: &Table, data_start: usize, column: usize) -> bool {
    let (mut filled, mut status_words) = (0usize, 0usize);
    let cells = table
        .rows
        .iter()
        .skip(data_start)
        .filter_map(|row| cell_at(row, column))
        .filter(|cell| cell.merged_from.is_none());
    for cell in cells {
        let text = compact(&cell.text());
        if text.is_empty() {
            continue;
        }
        filled += 1;
        let short = text.chars().nth(MAX_STATUS_WORD_CHARS).is_none();
        if short && classify_status(&text) != StatusCode::Other {
            status_words += 1;
        }
    }
    filled > 0 && status_words * 2 > filled
}

fn set_once(slot: &mut Option<usize>, column: usize) {
    slot.get_or_insert(column);
}

/// A column's header label as written: the top label, or top and sub
/// label joined (`投资情况/完成投资`).
fn column_label(top: &str, sub: &str) -> String {
    match (top.trim(), sub.trim()) {
        (top, "") => top.to_owned(),
        ("", sub) => sub.to_owned(),
        (top, sub) if top == sub => top.to_owned(),
        (top, sub) => format!("{top}/{sub}"),
    }
}

/// A column's role from its header label and, in a two-row header, the label
/// below it: `责任单位` over `配合单位` is a supporting-unit column.
fn column_role(top: &str, sub: &str) -> Option<Role> {
    let top_role = classify(top);
    if sub.trim().is_empty() {
        return top_role;
    }
    match (top_role, classify(sub)) {
        (_, Some(sub_role @ Role::Units(role))) if role != UnitRole::Unspecified => Some(sub_role),
        (Some(Role::Units(_)), _) => Some(Role::Units(UnitRole::Unspecified)),
        (_, Some(sub_role)) => Some(sub_role),
        (top_role, None) => top_role,
    }
}

/// Whether `row` is the second line of a two-row header under `top`: it
/// holds only short known labels, none numbered like data, and at least one
/// of them sits under a header cell spanning several columns.
fn is_sub_header(table: &Table, top: &Row, row: &Row) -> bool {
    let own_labels: Vec<(&Cell, String)> = row
        .cells
        .iter()
        .filter(|cell| cell.merged_from.is_none())
        .map(|cell| (cell, resolved_text(table, cell)))
        .filter(|(_, text)| !text.trim().is_empty())
        .collect();
    let under_spanning_cell = own_labels
        .iter()
        .any(|(cell, _)| cell_at(top, cell.grid_col).is_some_and(|above| above.col_span > 1));
    under_spanning_cell
        && own_labels.iter().all(|(_, label)| {
            (classify(label).is_some() || is_month_label(label) || is_status_word(label))
                && leading_label(label).is_none()
        })
}

/// Columns under one header cell that are each labelled with a status word
/// (`推进状态` over `已销号 | 序时推进 | 预警`): a row marks its status in one
/// of them. At least two, and every label under that cell a status word.
fn status_mark_columns(table: &Table, top: &Row, sub: &Row) -> Option<BTreeMap<usize, String>> {
    top.cells
        .iter()
        .filter(|cell| cell.col_span > 1)
        .find_map(|spanning| {
            let end = cell_end(spanning);
            // The cells under it, found by binary search: a hostile top row
            // may hold many spanning cells over a long sub row.
            let first = sub
                .cells
                .partition_point(|cell| cell.grid_col < spanning.grid_col);
            let marks: BTreeMap<usize, String> = sub
                .cells
                .iter()
                .skip(first)
                .take_while(|cell| cell.grid_col < end)
                .map(|cell| (cell.grid_col, resolved_text(table, cell).trim().to_owned()))
                .collect();
            (marks.len() >= 2 && marks.iter().all(|(_, label)| is_status_word(label)))
                .then_some(marks)
        })
}

/// Whether `label` is a status word (`已销号`, `预警`, `否`).
fn is_status_word(label: &str) -> bool {
    !label.trim().is_empty() && classify_status(label) != StatusCode::Other
}

/// A short label that only names a month, as under `推进情况`: `8月`, `9月份`, `本月`.
fn is_month_label(label: &str) -> bool {
    const MAX_MONTH_LABEL_CHARS: usize = 4;
    let label = compact(label);
    label.chars().count() <= MAX_MONTH_LABEL_CHARS && names_a_month(&label, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_header_synonyms() {
        assert_eq!(classify("攻坚领域"), Some(Role::Area));
        assert_eq!(classify("工作重点"), Some(Role::Area));
        assert_eq!(classify("重点工作任务"), Some(Role::Task));
        assert_eq!(classify("项目内容"), Some(Role::Task));
        assert_eq!(
            classify("责任单位"),
            Some(Role::Units(UnitRole::Unspecified))
        );
        assert_eq!(classify("牵头单位"), Some(Role::Units(UnitRole::Lead)));
        assert_eq!(classify("配合单位"), Some(Role::Units(UnitRole::Support)));
        assert_eq!(classify("落实进展情况"), Some(Role::Progress));
        assert_eq!(classify("“销号”\n状态"), Some(Role::Status));
        assert_eq!(classify("序号"), Some(Role::Number));
        assert_eq!(classify("备注"), Some(Role::Remarks));
        assert_eq!(classify("完成时限"), Some(Role::Deadline));
        assert_eq!(classify("责任领导"), Some(Role::Leaders));
        assert_eq!(classify("牵头县领导"), Some(Role::Leaders));
        assert_eq!(
            classify("责任主体"),
            Some(Role::Units(UnitRole::Unspecified))
        );
        assert_eq!(classify("牵头责任单位"), Some(Role::Units(UnitRole::Lead)));
        assert_eq!(
            classify("配合责任单位"),
            Some(Role::Units(UnitRole::Support))
        );
        assert_eq!(classify("协助单位"), Some(Role::Units(UnitRole::Support)));
        assert_eq!(classify("工作目标"), Some(Role::Task));
        assert_eq!(classify("是否销号"), Some(Role::Status));
        assert_eq!(classify("是否完成"), Some(Role::Status));
        assert_eq!(classify("任务数"), None);
        assert_eq!(classify("销号时间"), None);
        assert_eq!(classify("完成时间"), Some(Role::Deadline));
        assert_eq!(classify("已销号数"), None);
        assert_eq!(classify("任务数量"), None);
        assert_eq!(classify("进度评价"), Some(Role::Status));
        assert_eq!(classify("亮灯情况"), Some(Role::Status));
        assert_eq!(classify("完成状态"), Some(Role::Status));
        assert_eq!(classify("计划完成时间"), Some(Role::Deadline));
        assert_eq!(classify("时间要求"), Some(Role::Deadline));
        assert_eq!(classify("工作要点"), Some(Role::Task));
        assert_eq!(classify("年度目标"), Some(Role::Task));
        assert_eq!(classify("实施情况"), Some(Role::Progress));
        assert_eq!(classify("目前进展"), Some(Role::Progress));
        assert_eq!(
            classify("承办单位"),
            Some(Role::Units(UnitRole::Unspecified))
        );
        assert_eq!(
            classify("责任科室"),
            Some(Role::Units(UnitRole::Unspecified))
        );
        assert_eq!(classify("市经信局"), None);
        assert_eq!(
            classify("8月25日前，确保受损工业企业全面复产，农业田间作物加快抢救"),
            None
        );
    }
}

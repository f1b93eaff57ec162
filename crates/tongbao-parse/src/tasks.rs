//! Turning the data rows of task tables into areas and tasks.

use std::collections::{BTreeMap, BTreeSet};

use tongbao_model::{
    Area, Cell, Diagnostic, ExtraColumn, Location, Row, StatedCounts, Status, StatusCode,
    StatusSource, Table, Task, UnitsByRole,
};
use tongbao_normalize::numeral::{is_chinese_numeral_char, parse_integer};

use crate::header::{ColumnMap, Header, UnitRole, cell_at, resolve};
use crate::progress::{Line, progress_items};
use crate::status::{classify_status, status_in_text, status_of_remark, status_of_section};
use crate::text::{
    LabelKind, bracketed_task_count, compact, is_section_heading, kept_by_compact, leading_label,
    split_area_label,
};
use crate::units::{UnitLists, split_names, split_units_note};

/// Builds areas and tasks across every task table of a document, keeping
/// the current area and the numbering going from one table to the next.
#[derive(Debug, Default)]
pub(crate) struct TaskCollector {
    pub areas: Vec<Area>,
    pub tasks: Vec<Task>,
    pub diagnostics: Vec<Diagnostic>,
    /// Index into `areas` by compacted title, so a repeated label finds its area.
    area_index_by_key: BTreeMap<String, usize>,
    /// The area label in force for the next task, not yet registered.
    current_area: Option<AreaLabel>,
    /// The status a section heading gave the tasks after it (`二、预警任务`):
    /// its title and code.
    section_status: Option<(String, StatusCode)>,
    /// What status section headings state (`一、已销号任务（12项）`).
    pub section_counts: SectionCounts,
    /// The label `set_area` read last.
    last_section_label: Option<String>,
    /// Index into `areas` of the last task's area.
    last_task_area: Option<usize>,
    last_number: Option<u32>,
    /// Numbers used since numbering last (re)started, to spot duplicates.
    numbers_seen: BTreeSet<u32>,
    /// The table and row the last task started at.
    last_task_row: Option<(usize, usize)>,
}

/// Counts stated by status section headings: closed (and stage-closed)
/// and warned tasks, and all of them when every section states a count.
#[derive(Debug, Default)]
pub(crate) struct SectionCounts {
    closed: Option<u32>,
    warning: Option<u32>,
    total: Option<u32>,
    /// A status section without a count was seen: no total is stated.
    uncounted: bool,
}

impl SectionCounts {
    fn add(&mut self, code: StatusCode, count: Option<u32>) {
        let Some(count) = count else {
            self.uncounted = true;
            return;
        };
        let sum = |slot: &mut Option<u32>| *slot = Some(slot.unwrap_or(0).saturating_add(count));
        match code {
            StatusCode::Closed | StatusCode::StageClosed => sum(&mut self.closed),
            StatusCode::Warning => sum(&mut self.warning),
            _ => {}
        }
        sum(&mut self.total);
    }

    /// The counts as stated: `total` only when every section gave one.
    pub(crate) fn stated(&self) -> StatedCounts {
        StatedCounts {
            total: self.total.filter(|_| !self.uncounted),
            closed: self.closed,
            warning: self.warning,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct AreaLabel {
    numeral: Option<String>,
    title: String,
}

/// What a row opening with `cell` is, by that cell's compacted text: a
/// total (`合计`, `总计`…), a note on the table (`注：`, `备注：`, `说明：`,
/// `填报说明`), or anything else. Read char by char, as every row of every
/// table is asked and most answer at the first char.
fn kind_of_row(cell: &Cell) -> TableRow {
    const TOTAL_LABELS: &[&str] = &["合计", "总计", "小计", "共计"];
    const NOTE_MARKERS: &[&str] = &[
        "注：",
        "注:",
        "备注：",
        "备注:",
        "说明：",
        "说明:",
        "填报说明",
    ];
    let chars = || {
        cell.paragraphs
            .iter()
            .flat_map(|paragraph| paragraph.text.chars())
            .filter(|c| kept_by_compact(*c))
    };
    let opens_with = |word: &str| {
        let mut text = chars();
        word.chars().all(|c| text.next() == Some(c))
    };
    if TOTAL_LABELS.iter().any(|label| chars().eq(label.chars())) {
        TableRow::Total
    } else if NOTE_MARKERS.iter().any(|marker| opens_with(marker)) {
        TableRow::Note
    } else {
        TableRow::Other
    }
}

/// See [`kind_of_row`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableRow {
    Total,
    Note,
    Other,
}

/// One line of each paragraph in a cell, with its auto-number; blank lines dropped.
fn cell_lines(cell: &Cell) -> Vec<Line<'_>> {
    cell.paragraphs
        .iter()
        .flat_map(|paragraph| {
            paragraph
                .text
                .split('\n')
                .enumerate()
                .map(move |(index, text)| Line {
                    list_label: paragraph.list_label.as_deref().filter(|_| index == 0),
                    text,
                })
        })
        .filter(|line| !line.text.trim().is_empty())
        .collect()
}

/// A section row whose ordinal sits in the 序号 column: `一 | 扩大有效投资`,
/// the title in the task column (usually merged across the columns after
/// it). Returns the label as `一、扩大有效投资`. A task row never qualifies:
/// it has units, progress or status besides its text, and an Arabic number.
fn numbered_section_label(row: &Row, own: &[&Cell], map: &ColumnMap) -> Option<String> {
    let [number, title] = own else {
        return None;
    };
    let title_is_task_cell = cell_at(row, map.task).is_some_and(|cell| std::ptr::eq(cell, *title));
    if map.number != Some(number.grid_col) || !title_is_task_cell {
        return None;
    }
    let ordinal = number.text();
    let ordinal = ordinal.trim();
    let digits = ordinal.trim_matches(|c: char| !is_chinese_numeral_char(c));
    let chinese_ordinal = !digits.is_empty() && digits.chars().all(is_chinese_numeral_char);
    if !(chinese_ordinal || title.col_span > 1) {
        return None;
    }
    let separator = if ordinal.ends_with(|c: char| c.is_ascii_punctuation() || !c.is_alphanumeric())
    {
        ""
    } else {
        "、"
    };
    Some(format!("{ordinal}{separator}{}", title.text().trim()))
}

fn has_own_text(cell: &Cell) -> bool {
    cell.merged_from.is_none() && cell.paragraphs.iter().any(|p| !p.text.trim().is_empty())
}

impl TaskCollector {
    /// Takes a section label for the tasks that follow: a status section
    /// (`二、预警任务`) sets their status, any other (`一、推进…`) their area.
    pub(crate) fn set_area(&mut self, label: &str) {
        // A merged area cell gives every task row its label again, and a
        // section row may be repeated after a page break: read it once.
        if self.last_section_label.as_deref() == Some(label) {
            return;
        }
        self.last_section_label = Some(label.to_owned());
        let (numeral, title) = split_area_label(label);
        if let Some(code) = status_of_section(&title) {
            self.section_counts.add(code, bracketed_task_count(label));
            self.section_status = Some((title, code));
        } else if !title.is_empty() {
            self.current_area = Some(AreaLabel { numeral, title });
        }
    }

    /// Reads the data rows of `table` (the document's `table_index`-th table).
    pub(crate) fn read_table(&mut self, table: &Table, table_index: usize, header: &Header) {
        for (row_index, row) in table.rows.iter().enumerate().skip(header.data_start) {
            self.read_row(table, table_index, row_index, row, header);
        }
    }

    fn read_row(
        &mut self,
        table: &Table,
        table_index: usize,
        row_index: usize,
        row: &Row,
        header: &Header,
    ) {
        let map = &header.map;
        let own: Vec<&Cell> = row.cells.iter().filter(|cell| has_own_text(cell)).collect();
        if own.is_empty() {
            return;
        }
        if header.is_header_row(table, row) {
            return;
        }
        // 合计 | 2项 | … sums the list up; 注：… explains it. Neither is a
        // task, nor an area for the rows after it.
        let opening = own
            .first()
            .map_or(TableRow::Other, |cell| kind_of_row(cell));
        if opening != TableRow::Other {
            let code = if opening == TableRow::Note {
                "table-note"
            } else {
                "total-row"
            };
            let text: String = own
                .iter()
                .map(|cell| cell.text())
                .collect::<Vec<_>>()
                .join(" | ");
            self.diagnostics.push(Diagnostic::info(
                code,
                format!("table {table_index} row {row_index} is no task: {text:?}"),
            ));
            return;
        }
        if let [single] = own.as_slice() {
            let text = single.text();
            // A section row: one cell across the table, a label in the area
            // column alone, or a lone `一、…` heading.
            let spans_columns = single.col_span > 1;
            let in_area_column = map.area == Some(single.grid_col);
            if spans_columns || in_area_column || is_section_heading(&text) {
                self.set_area(&text);
                return;
            }
        }
        if let Some(label) = numbered_section_label(row, &own, map) {
            self.set_area(&label);
            return;
        }
        let task_cell = cell_at(row, map.task);
        match task_cell {
            Some(cell) if has_own_text(cell) => {
                self.start_task(table, table_index, row_index, row, cell, map);
            }
            Some(cell) if self.continues_last_task(table_index, cell) => {
                self.extend_last_task(row, map);
            }
            _ => {
                let preview: String = own
                    .iter()
                    .map(|cell| cell.text())
                    .collect::<Vec<_>>()
                    .join(" | ")
                    .chars()
                    .take(40)
                    .collect();
                self.diagnostics.push(Diagnostic::warning(
                    "row-not-placed",
                    format!(
                        "table {table_index} row {row_index} has text but no task: {preview:?}"
                    ),
                ));
            }
        }
    }

    /// Whether `cell` continues a vertical merge that started at the last task's row.
    fn continues_last_task(&self, table_index: usize, cell: &Cell) -> bool {
        match (cell.merged_from, self.last_task_row) {
            (Some(origin), Some((last_table, last_row))) => {
                last_table == table_index && origin.row == last_row
            }
            _ => false,
        }
    }

    fn start_task(
        &mut self,
        table: &Table,
        table_index: usize,
        row_index: usize,
        row: &Row,
        task_cell: &Cell,
        map: &ColumnMap,
    ) {
        if let Some(label) = map
            .area
            .and_then(|column| resolved_cell(table, row, column))
            .map(Cell::text)
            .filter(|label| !label.trim().is_empty())
        {
            self.set_area(&label);
        }
        let area_index = self.current_area_index();
        let restarted_area = area_index != self.last_task_area;

        let lines = cell_lines(task_cell);
        let number_cell = map.number.and_then(|column| cell_at(row, column));
        let number_text = number_cell
            .and_then(|cell| resolve(table, cell))
            .map(Cell::text);
        // Under a 序号 merged down from an earlier row, a `（2）` opening the
        // text numbers a part of that task, not the task.
        let number_is_own = number_cell.is_some_and(|cell| cell.merged_from.is_none());
        let expected = self.last_number.map_or(1, |last| last.saturating_add(1));
        let (number, first_line) = task_number(
            number_text.as_deref(),
            number_is_own,
            lines.first(),
            expected,
        );
        let text = first_line
            .into_iter()
            .chain(lines.iter().skip(1).map(|line| line.text.trim()))
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        // Without a units column, the units may close the task text.
        let (text, units_note) = match split_units_note(&text).filter(|_| map.units.is_empty()) {
            Some((stripped, note)) => (stripped, Some(note.to_owned())),
            None => (text, None),
        };
        let no = match number {
            Some(no) => no,
            None => {
                let printed = number_text
                    .as_deref()
                    .map(str::trim)
                    .filter(|text| !text.is_empty());
                let why = match printed {
                    Some(printed) => format!("task number {printed:?} is not a whole number"),
                    None => "task has no number".to_owned(),
                };
                self.diagnostics.push(
                    Diagnostic::info(
                        "task-number-inferred",
                        format!(
                            "table {table_index} row {row_index}: {why}; numbered {expected} after the previous task"
                        ),
                    )
                    .for_task(expected),
                );
                expected
            }
        };
        self.check_numbering(no, restarted_area);

        let mut units = UnitLists::default();
        for (column, role) in &map.units {
            if let Some(cell) = resolved_cell(table, row, *column) {
                units.add_cell(cell_lines(cell).iter().map(|line| line.text), *role);
            }
        }
        if let Some(note) = &units_note {
            units.add_cell([note.as_str()], UnitRole::Unspecified);
        }
        let units_by_role = (map.has_unit_roles() || units.role_marked).then(|| UnitsByRole {
            lead: units.lead_first().collect(),
            support: units.support.clone(),
        });

        let progress = map
            .progress
            .and_then(|column| resolved_cell(table, row, column))
            .map(|cell| progress_items(&cell_lines(cell)))
            .unwrap_or_default();
        let column_text = |column: Option<usize>| {
            let column = column?;
            resolved_cell(table, row, column)
                .filter(|cell| !map.other_column_starts_at(cell.grid_col, column))
                .map(|cell| cell.text().trim().to_owned())
                .filter(|text| !text.is_empty())
        };
        let remarks = column_text(map.remarks);
        // By the row's cells, not the header's columns: a hostile header may
        // label a hundred thousand columns above rows of two cells.
        let extra_columns = row
            .cells
            .iter()
            .filter_map(|cell| {
                let label = map.others.get(&cell.grid_col)?;
                Some(ExtraColumn {
                    label: label.clone(),
                    text: column_text(Some(cell.grid_col))?,
                })
            })
            .collect();
        let status = match map.status {
            None if !map.status_marks.is_empty() => {
                // The label of the column this row marks (√), found by the
                // row's cells: a hostile header may hold many mark columns.
                let raw = row
                    .cells
                    .iter()
                    .find_map(|cell| {
                        let label = map.status_marks.get(&cell.grid_col)?;
                        column_text(Some(cell.grid_col)).map(|_| label.clone())
                    })
                    .unwrap_or_default();
                Status {
                    code: classify_status(&raw),
                    raw,
                    source: StatusSource::Column,
                }
            }
            Some(column) => {
                let raw = resolved_cell(table, row, column)
                    .filter(|cell| !map.other_column_starts_at(cell.grid_col, column))
                    .map(status_raw)
                    .unwrap_or_default();
                Status {
                    code: classify_status(&raw),
                    raw,
                    source: StatusSource::Column,
                }
            }
            None => self
                .section_status
                .as_ref()
                .map(|(raw, code)| Status {
                    raw: raw.clone(),
                    code: *code,
                    source: StatusSource::Section,
                })
                .or_else(|| {
                    let (raw, code) = progress
                        .iter()
                        .rev()
                        .find_map(|item| status_in_text(&item.text))?;
                    Some(Status {
                        raw,
                        code,
                        source: StatusSource::Progress,
                    })
                })
                .or_else(|| {
                    let remark = remarks.as_deref()?;
                    Some(Status {
                        code: status_of_remark(remark)?,
                        raw: remark.to_owned(),
                        source: StatusSource::Remarks,
                    })
                })
                .unwrap_or(Status {
                    raw: String::new(),
                    code: StatusCode::None,
                    source: StatusSource::Absent,
                }),
        };
        if status.code == StatusCode::Other {
            self.diagnostics.push(
                Diagnostic::warning(
                    "unknown-status",
                    format!("status {:?} is not a known status word", status.raw),
                )
                .for_task(no),
            );
        }

        let leaders = map
            .leaders
            .and_then(|column| resolved_cell(table, row, column))
            .map(|cell| {
                cell_lines(cell)
                    .iter()
                    .flat_map(|line| split_names(line.text))
                    .collect::<Vec<_>>()
            })
            .filter(|names| !names.is_empty());

        let area = area_index.and_then(|index| self.areas.get(index));
        self.tasks.push(Task {
            no,
            area_seq: area.map(|area| area.seq),
            area: area.map(|area| area.title.clone()),
            text,
            units: units.all(),
            units_by_role,
            leaders,
            deadline_text: column_text(map.deadline),
            deadline_dates: Vec::new(),
            remarks,
            extra_columns,
            progress,
            status,
            dates: Vec::new(),
            figures: Vec::new(),
            location: Location {
                table: table_index,
                row: row_index,
            },
        });
        self.last_task_area = area_index;
        self.last_task_row = Some((table_index, row_index));
    }

    /// Adds a row whose task cell continues the last task's merged cell: its
    /// own units and progress belong to that task.
    fn extend_last_task(&mut self, row: &Row, map: &ColumnMap) {
        let Some(task) = self.tasks.last_mut() else {
            return;
        };
        let own_cell = |column: usize| cell_at(row, column).filter(|cell| has_own_text(cell));
        let mut units = UnitLists::default();
        for (column, role) in &map.units {
            if let Some(cell) = own_cell(*column) {
                units.add_cell(cell_lines(cell).iter().map(|line| line.text), *role);
            }
        }
        task.units.extend(units.all());
        if let Some(by_role) = task.units_by_role.as_mut() {
            by_role.lead.extend(units.lead_first());
            by_role.support.extend(units.support.iter().cloned());
        }
        if let Some(cell) = map.progress.and_then(own_cell) {
            task.progress.extend(progress_items(&cell_lines(cell)));
        }
        if task.status.raw.is_empty()
            && let Some(column) = map.status
            && let Some(cell) = own_cell(column)
            && !map.other_column_starts_at(cell.grid_col, column)
        {
            let raw = status_raw(cell);
            task.status.code = classify_status(&raw);
            task.status.raw = raw;
        }
    }

    /// The index in `areas` of the current area, registering it on first use
    /// so that areas are numbered by first appearance and a label repeated
    /// after a page break is the same area.
    fn current_area_index(&mut self) -> Option<usize> {
        let label = self.current_area.as_ref()?;
        let key = compact(&label.title);
        if let Some(index) = self.area_index_by_key.get(&key) {
            return Some(*index);
        }
        let index = self.areas.len();
        self.areas.push(Area {
            seq: u32::try_from(index + 1).unwrap_or(u32::MAX),
            numeral: label.numeral.clone(),
            title: label.title.clone(),
        });
        self.area_index_by_key.insert(key, index);
        Some(index)
    }

    /// Reports gaps, duplicates and backwards steps in task numbering. Numbering
    /// that restarts at 1 in a new area is a per-area scheme, not an error.
    fn check_numbering(&mut self, no: u32, restarted_area: bool) {
        if no == 1 && restarted_area {
            self.numbers_seen.clear();
        }
        let expected = self.last_number.map_or(1, |last| last.saturating_add(1));
        if self.numbers_seen.contains(&no) {
            self.diagnostics.push(
                Diagnostic::warning(
                    "task-number-duplicate",
                    format!("task number {no} appears again"),
                )
                .for_task(no),
            );
        } else if no > expected {
            self.diagnostics.push(
                Diagnostic::warning(
                    "task-number-gap",
                    format!("task numbers jump from {} to {no}", expected - 1),
                )
                .for_task(no),
            );
        } else if no < expected && !(no == 1 && restarted_area) {
            self.diagnostics.push(
                Diagnostic::warning(
                    "task-number-out-of-order",
                    format!("task number {no} follows {}", expected - 1),
                )
                .for_task(no),
            );
        }
        self.numbers_seen.insert(no);
        self.last_number = Some(no);
    }
}

/// The cell with the content for `column` of `row` (a merge origin for a continued cell).
fn resolved_cell<'t>(table: &'t Table, row: &'t Row, column: usize) -> Option<&'t Cell> {
    resolve(table, cell_at(row, column)?)
}

/// A status cell's paragraphs joined without separator: `阶段性` + `“销号”`.
fn status_raw(cell: &Cell) -> String {
    cell.paragraphs
        .iter()
        .flat_map(|paragraph| paragraph.text.split('\n'))
        .map(str::trim)
        .collect::<String>()
}

/// The task number and the first line of task text without its number.
///
/// Sources in order: the 序号 column, Word's auto-number, a number prefix
/// (`1．`, `1、`, `（1）`). `1.` before a digit could be a decimal and counts
/// only when it is the expected next number (or 1).
fn task_number<'a>(
    number_text: Option<&str>,
    number_is_own: bool,
    first: Option<&Line<'a>>,
    expected: u32,
) -> (Option<u32>, Option<&'a str>) {
    let first_text = first.map(|line| line.text.trim());
    let prefix = first_text
        .and_then(leading_label)
        .filter(|label| label.kind != LabelKind::Chinese);
    if let Some(column_number) = number_text.and_then(parse_number_cell) {
        let text = match &prefix {
            Some(label) if number_is_own && label.number == column_number => Some(label.rest),
            _ => first_text,
        };
        return (Some(column_number), text);
    }
    if let Some(list_label) = first.and_then(|line| line.list_label) {
        let number = leading_label(list_label).map(|label| label.number);
        if number.is_some() {
            return (number, first_text);
        }
    }
    match prefix {
        Some(label)
            if label.kind == LabelKind::Arabic || label.number == expected || label.number == 1 =>
        {
            (Some(label.number), Some(label.rest))
        }
        _ => (None, first_text),
    }
}

/// `7`, `７`, `7.`, `（7）`, `七` in a 序号 cell. `1.1` or `1-2` (a part of
/// a numbered group) is no task number: its digits run together would
/// number the task 11.
fn parse_number_cell(text: &str) -> Option<u32> {
    let key = compact(text);
    let key = key
        .trim_start_matches(['（', '('])
        .trim_end_matches(['.', '．', '、', '）', ')']);
    u32::try_from(parse_integer(key)?).ok()
}

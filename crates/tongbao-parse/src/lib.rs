//! Neutral document → [`Bulletin`]: finds the task table, recovers areas,
//! numbered tasks, responsible units, progress items and statuses, and reads
//! the covering letter around the table (title, as-of text, body, recipients,
//! editor, issuer, the counts the prose states).
//!
//! The parser works on the neutral model only, so a Word table and an Excel
//! sheet with the same content give the same bulletin. It leaves the
//! normalizer's fields empty (`year`, `as_of.date`, every `dates`/`figures`,
//! `Progress::as_of`).
//!
//! What it handles: the header row found by meaning anywhere in a table
//! (title rows above it are captions), one- or two-row headers
//! (`责任单位` over `牵头单位 | 配合单位`), areas as a merged first column, as
//! full-width section rows or as `一、…` paragraphs between tables, task
//! numbers from a `序号` column, a `1．` prefix or Word's auto-numbering,
//! tables split over pages (with or without a repeated header), and status
//! words in a status column or in brackets inside the progress text. Of
//! several progress-labelled columns the one holding status words is the
//! status, the latest month's (`9月进展情况`) or else the wordiest is the
//! progress. Tables of counts (`任务数 | 已销号 | 预警`, a `合计` row) hold no
//! tasks but state counts; a workbook keeping a sheet per month is read
//! from the latest month's sheet.
//! Anything odd becomes a [`Diagnostic`](tongbao_model::Diagnostic), not a guess.
//!
//! ```
//! use tongbao_model::{Block, Cell, Document, Paragraph, Row, SourceFormat, Source, Table};
//!
//! let row = |texts: &[&str]| Row {
//!     cells: texts
//!         .iter()
//!         .enumerate()
//!         .map(|(col, text)| Cell::new(col, vec![Paragraph::new(*text)]))
//!         .collect(),
//!     repeats_as_header: false,
//! };
//! let table = Table {
//!     name: None,
//!     rows: vec![
//!         row(&["重点工作任务", "责任单位", "完成情况", "销号状态"]),
//!         row(&["1．9月底前完成签约。", "市发改委、市经信局", "已签约。", "已销号"]),
//!     ],
//! };
//! let document = Document {
//!     format: SourceFormat::Docx,
//!     blocks: vec![Block::Table(table)],
//!     properties: Default::default(),
//!     diagnostics: Vec::new(),
//! };
//! let source = Source {
//!     file: "a.docx".into(),
//!     format: SourceFormat::Docx,
//!     sha256: String::new(),
//!     sheet: None,
//!     created: None,
//!     modified: None,
//! };
//! let bulletin = tongbao_parse::parse(&document, source)?;
//! let task = &bulletin.tasks[0];
//! assert_eq!((task.no, task.text.as_str()), (1, "9月底前完成签约。"));
//! assert_eq!(task.units, ["市发改委", "市经信局"]);
//! assert_eq!(task.status.code.as_str(), "closed");
//! # Ok::<(), tongbao_parse::ParseError>(())
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod header;
mod letter;
mod progress;
mod status;
mod summary;
mod tasks;
mod text;
mod units;

use std::collections::{BTreeMap, BTreeSet};

use tongbao_model::{
    AsOf, Block, Bulletin, Diagnostic, Document, SCHEMA_VERSION, Source, StatedCounts, StatusCode,
    Table,
};

use crate::header::{Header, HeaderSearch, cell_at, find_header, table_width};
use crate::letter::{LetterLines, read_letter};
use crate::summary::summary_counts;
use crate::tasks::TaskCollector;
use crate::text::{compact, is_numeral, is_section_heading, month_named};

/// Why a document holds no bulletin the parser can recover.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// No table has a row naming a task column and another known column.
    #[error("no task table found ({seen})")]
    NoTaskTable {
        /// What was seen: each table with its first rows, or that there was none.
        seen: String,
    },
    /// A table has a header-like row, but no column of it names the tasks.
    #[error("table {table} row {row} looks like a task table header but no column names the tasks (headers: {})", headers.join(" | "))]
    UnmappedHeader {
        /// 0-based index of the table among the document's tables.
        table: usize,
        /// 0-based row index of the header-like row.
        row: usize,
        /// The header texts seen, in column order.
        headers: Vec<String>,
    },
}

/// Parses `document` into a bulletin; `source` is copied into it (its
/// `sheet` filled from the task table's name when not given).
pub fn parse(document: &Document, source: Source) -> Result<Bulletin, ParseError> {
    let tables: Vec<&Table> = document.tables().collect();
    let mut plans = plan_tables(&tables)?;
    let earlier_months = drop_earlier_month_sheets(&tables, &mut plans);

    let sheet_areas = sheet_areas(&tables, &plans);
    let mut collector = TaskCollector::default();
    let mut lines = LetterLines::default();
    let mut first_task_table: Option<&Table> = None;
    let mut table_index = 0;
    // Counts a table of counts states (合计 row), for when the letter does not.
    let mut summary = StatedCounts::default();
    for block in &document.blocks {
        match block {
            Block::Paragraph(paragraph) => {
                let text = paragraph.display_text();
                if first_task_table.is_none() {
                    lines.before_table.push(text);
                } else if is_section_heading(&text) {
                    collector.set_area(&text);
                } else {
                    lines.elsewhere.push(text);
                }
            }
            Block::Table(table) => {
                match plans.get(table_index).and_then(Option::as_ref) {
                    Some(header) => {
                        if first_task_table.is_none() {
                            first_task_table = Some(table);
                            take_heading_before_table(&mut lines.before_table, &mut collector);
                            lines.captions = caption_lines(table, header);
                            lines.header_labels = header_labels(table, header);
                        }
                        if let Some(area) = sheet_areas.get(&table_index) {
                            collector.set_area(area);
                        }
                        collector.read_table(table, table_index, header);
                    }
                    None => {
                        let counts = summary_counts(table);
                        summary.total = summary.total.or(counts.total);
                        summary.closed = summary.closed.or(counts.closed);
                        summary.warning = summary.warning.or(counts.warning);
                        lines.elsewhere.extend(table_lines(table));
                    }
                }
                table_index += 1;
            }
        }
    }

    let letter = read_letter(&lines);
    let mut diagnostics = document.diagnostics.clone();
    diagnostics.extend(earlier_months);
    diagnostics.append(&mut collector.diagnostics);
    if collector.tasks.is_empty() {
        diagnostics.push(Diagnostic::warning(
            "no-tasks",
            "the task table has a header but no task rows",
        ));
    }
    let closed_in_table = count_tasks(&collector, &[StatusCode::Closed, StatusCode::StageClosed]);
    let warned_in_table = count_tasks(&collector, &[StatusCode::Warning]);
    let sections = collector.section_counts.stated();
    let stated = |in_letter: Option<u32>, in_summary: Option<u32>, in_sections: Option<u32>| {
        in_letter
            .map(|count| (count, "the letter"))
            .or(in_summary.map(|count| (count, "the summary table")))
            .or(in_sections.map(|count| (count, "the section headings")))
    };
    let total = stated(letter.stated_counts.total, summary.total, sections.total);
    let closed = stated(letter.stated_counts.closed, summary.closed, sections.closed);
    let warned = stated(
        letter.stated_counts.warning,
        summary.warning,
        sections.warning,
    );
    for (stated, counted, what, table_says) in [
        (total, collector.tasks.len(), "in all", "lists"),
        (closed, closed_in_table, "closed (or stage-closed)", "marks"),
        (warned, warned_in_table, "warned", "marks"),
    ] {
        if let Some((stated, by)) = stated.filter(|(stated, _)| *stated as usize != counted) {
            diagnostics.push(Diagnostic::warning(
                "stated-count-mismatch",
                format!("{by} states {stated} tasks {what} but the table {table_says} {counted}"),
            ));
        }
    }

    let mut source = source;
    if source.sheet.is_none() {
        source.sheet = first_task_table.and_then(|table| table.name.clone());
    }
    Ok(Bulletin {
        schema_version: SCHEMA_VERSION.to_owned(),
        source,
        title: letter.title,
        as_of: AsOf {
            text: letter.as_of_text,
            date: None,
        },
        year: None,
        masthead: letter.masthead,
        preamble: letter.preamble,
        attachment_title: letter.attachment_title,
        report_to: letter.report_to,
        distribute_to: letter.distribute_to,
        editor: letter.editor,
        issuer: letter.issuer,
        stated_counts: StatedCounts {
            total: total.map(|(count, _)| count),
            closed: closed.map(|(count, _)| count),
            warning: warned.map(|(count, _)| count),
        },
        areas: collector.areas,
        tasks: collector.tasks,
        diagnostics,
    })
}

fn count_tasks(collector: &TaskCollector, codes: &[StatusCode]) -> usize {
    collector
        .tasks
        .iter()
        .filter(|task| codes.contains(&task.status.code))
        .count()
}

/// The header of each table that holds tasks, `None` for other tables. A
/// table without a header continues the task table right before it when it
/// has the same number of columns and its task column holds words (a table
/// split at page breaks); a table with a header of its own that names no
/// task column (a summary: 攻坚领域 | 任务数 | 已销号) continues nothing.
fn plan_tables(tables: &[&Table]) -> Result<Vec<Option<Header>>, ParseError> {
    let mut plans: Vec<Option<Header>> = Vec::with_capacity(tables.len());
    let mut unmapped = None;
    for (index, table) in tables.iter().enumerate() {
        let plan = match find_header(table) {
            HeaderSearch::Found(header) => Some(header),
            HeaderSearch::Unmapped { row, labels } => {
                unmapped.get_or_insert(ParseError::UnmappedHeader {
                    table: index,
                    row,
                    headers: labels,
                });
                None
            }
            HeaderSearch::NotFound => plans
                .last()
                .and_then(Option::as_ref)
                .filter(|previous| {
                    previous.map.width == table_width(table)
                        && column_holds_words(table, previous.map.task)
                })
                .map(|previous| Header {
                    data_start: 0,
                    ..previous.clone()
                }),
        };
        plans.push(plan);
    }
    if plans.iter().all(Option::is_none) {
        return Err(unmapped.unwrap_or_else(|| ParseError::NoTaskTable {
            seen: describe_tables(tables),
        }));
    }
    Ok(plans)
}

/// The sheet name of each list, by table index, when a workbook keeps one
/// list per sheet under names that tell them apart (项目建设 | 民生实事):
/// those name the lists' areas, until a row of the list names one. None
/// for a single list, or for sheets named by number or month only
/// (清单（一） | 清单（二）, 8月 | 9月, Sheet1 | Sheet2).
fn sheet_areas(tables: &[&Table], plans: &[Option<Header>]) -> BTreeMap<usize, String> {
    // Each list's table, sheet name, and what is left of that name without
    // numbers, brackets and punctuation.
    let lists: Vec<(usize, &str, String)> = plans
        .iter()
        .enumerate()
        .filter(|(_, plan)| plan.as_ref().is_some_and(|header| header.data_start > 0))
        .filter_map(|(index, _)| {
            let name = tables.get(index)?.name.as_deref()?.trim();
            let skeleton = name
                .chars()
                .filter(|c| c.is_alphabetic() && !is_numeral(*c))
                .collect();
            Some((index, name, skeleton))
        })
        .collect();
    let skeletons: BTreeSet<&str> = lists
        .iter()
        .map(|(.., skeleton)| skeleton.as_str())
        .collect();
    let telling = lists.len() >= 2
        // Distinct skeletons: also distinct names.
        && skeletons.len() == lists.len()
        && lists.iter().all(|(_, name, skeleton)| {
            !skeleton.is_empty() && !skeleton.is_ascii() && month_named(name).is_none()
        });
    if !telling {
        return BTreeMap::new();
    }
    lists
        .into_iter()
        .map(|(index, name, _)| (index, name.to_owned()))
        .collect()
}

/// Whether most filled cells of `column` hold more than numbers and
/// punctuation: task texts do, a table of counts does not.
fn column_holds_words(table: &Table, column: usize) -> bool {
    let (mut filled, mut worded) = (0usize, 0usize);
    for row in &table.rows {
        let Some(cell) = cell_at(row, column) else {
            continue;
        };
        let text = cell.text();
        if text.trim().is_empty() {
            continue;
        }
        filled += 1;
        if text.chars().any(char::is_alphabetic) {
            worded += 1;
        }
    }
    worded * 2 > filled
}

/// A workbook keeping one sheet per month (`8月`, `9月`), each with its own
/// copy of the list: only the latest month's sheet is this bulletin.
/// Applies when every sheet that starts a list (has its own header) is
/// named by a month and they differ; an earlier month's sheet is left out
/// (with the sheets continuing it, and a note) when it repeats at least
/// half of the latest sheet's tasks, so that lists of different tasks per
/// month (`7月任务 | 8月任务`) are all read.
fn drop_earlier_month_sheets(tables: &[&Table], plans: &mut [Option<Header>]) -> Vec<Diagnostic> {
    // Each list's first table and the month its sheet names.
    let starts: Vec<(usize, Option<(u32, u32)>)> = plans
        .iter()
        .enumerate()
        .filter(|(_, plan)| plan.as_ref().is_some_and(|header| header.data_start > 0))
        .map(|(index, _)| {
            let month = tables
                .get(index)
                .and_then(|table| table.name.as_deref())
                .and_then(month_named);
            (index, month)
        })
        .collect();
    let months: Option<Vec<(u32, u32)>> = starts.iter().map(|(_, month)| *month).collect();
    let Some(latest) = months
        .filter(|months| months.iter().any(|month| Some(month) != months.first()))
        .and_then(|months| months.into_iter().max())
    else {
        return Vec::new();
    };
    let task_texts = |index: usize| -> BTreeSet<String> {
        let (Some(table), Some(Some(header))) = (tables.get(index), plans.get(index)) else {
            return BTreeSet::new();
        };
        table
            .rows
            .iter()
            .skip(header.data_start)
            .filter_map(|row| cell_at(row, header.map.task))
            .map(|cell| compact(&cell.text()))
            .filter(|text| !text.is_empty())
            .collect()
    };
    let Some(latest_texts) = starts
        .iter()
        .find(|(_, month)| *month == Some(latest))
        .map(|(index, _)| task_texts(*index))
    else {
        return Vec::new();
    };
    let repeats_latest = |index: usize| {
        let shared = task_texts(index).intersection(&latest_texts).count();
        shared * 2 >= latest_texts.len() && shared > 0
    };
    let earlier: BTreeSet<usize> = starts
        .iter()
        .filter(|(index, month)| *month != Some(latest) && repeats_latest(*index))
        .map(|(index, _)| *index)
        .collect();
    let start_indexes: BTreeSet<usize> = starts.iter().map(|(index, _)| *index).collect();
    let mut notes = Vec::new();
    let mut reading = true;
    for (index, plan) in plans.iter_mut().enumerate() {
        if start_indexes.contains(&index) {
            reading = !earlier.contains(&index);
            if !reading {
                let name = tables
                    .get(index)
                    .and_then(|table| table.name.clone())
                    .unwrap_or_default();
                notes.push(Diagnostic::info(
                    "earlier-month-skipped",
                    format!("sheet {name:?} holds an earlier month's list and was not read"),
                ));
            }
        }
        if !reading {
            *plan = None;
        }
    }
    notes
}

/// A `一、…` heading right before the first task table names its first area.
fn take_heading_before_table(before_table: &mut Vec<String>, collector: &mut TaskCollector) {
    while before_table
        .last()
        .is_some_and(|line| line.trim().is_empty())
    {
        before_table.pop();
    }
    if before_table
        .last()
        .is_some_and(|line| is_section_heading(line))
        && let Some(heading) = before_table.pop()
    {
        collector.set_area(&heading);
    }
}

/// Title rows above the header inside a table (a sheet's list title).
fn caption_lines(table: &Table, header: &Header) -> Vec<String> {
    table
        .rows
        .iter()
        .take(header.data_start)
        .filter(|row| !header.is_header_row(table, row))
        .flat_map(|row| row.cells.iter().map(tongbao_model::Cell::text))
        .collect()
}

/// The header rows' cell texts.
fn header_labels(table: &Table, header: &Header) -> Vec<String> {
    table
        .rows
        .iter()
        .take(header.data_start)
        .filter(|row| header.is_header_row(table, row))
        .flat_map(|row| row.cells.iter().map(tongbao_model::Cell::text))
        .collect()
}

fn table_lines(table: &Table) -> Vec<String> {
    table
        .rows
        .iter()
        .flat_map(|row| &row.cells)
        .flat_map(|cell| cell.paragraphs.iter().map(|p| p.display_text()))
        .collect()
}

/// What the tables look like, for the error message: each table's first rows.
fn describe_tables(tables: &[&Table]) -> String {
    const TABLES_SHOWN: usize = 5;
    const ROWS_SHOWN: usize = 3;
    const CHARS_PER_CELL: usize = 12;
    if tables.is_empty() {
        return "the document has no tables".to_owned();
    }
    let mut parts = Vec::new();
    for (index, table) in tables.iter().enumerate().take(TABLES_SHOWN) {
        let rows: Vec<String> = table
            .rows
            .iter()
            .map(|row| {
                row.cells
                    .iter()
                    .map(|cell| {
                        let text = cell.text().replace('\n', " ");
                        text.trim().chars().take(CHARS_PER_CELL).collect::<String>()
                    })
                    .filter(|text| !text.is_empty())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .filter(|row| !row.is_empty())
            .take(ROWS_SHOWN)
            .map(|row| format!("[{row}]"))
            .collect();
        let name = table
            .name
            .as_ref()
            .map_or_else(String::new, |name| format!(" {name:?}"));
        let content = if rows.is_empty() {
            "empty".to_owned()
        } else {
            rows.join(" ")
        };
        parts.push(format!("table {index}{name}: {content}"));
    }
    if tables.len() > TABLES_SHOWN {
        parts.push(format!("{} more tables", tables.len() - TABLES_SHOWN));
    }
    parts.join("; ")
}

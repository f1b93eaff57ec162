//! Differential test against docx-rs 0.4.22: for every docx fixture both
//! readers must see the same cell texts, horizontal spans and vertical merges.
//!
//! docx-rs keeps its model in private fields, so it is compared through its
//! serde serialization. Left out: quirks 11, 18, 19 and 23–27, on which
//! docx-rs panics, loops or drops merges (see fixtures/quirks/README.md);
//! 20 and 22, which tongbao refuses on purpose (undefined entity, bomb);
//! and 17, whose `ns0:` prefix docx-rs matches by name and so reads as empty;
//! and the layouts in [`FRAMED`].

mod common;

use common::{fixture, read};
use serde_json::Value;
use tongbao_model::{Block, Cell, Table};

const FIXTURES: &[&str] = &[
    "bulletin-2019-08.docx",
    "quirks/01_tracked_changes.docx",
    "quirks/02_smarttag_customxml.docx",
    "quirks/03_hyperlink.docx",
    "quirks/04_fields.docx",
    "quirks/05_proof_bookmark.docx",
    "quirks/06_br_tab.docx",
    "quirks/07_sdt_variants.docx",
    "quirks/08_textbox.docx",
    "quirks/09_nested_table.docx",
    "quirks/10_movefrom_moveto.docx",
    "quirks/12_grid_before_after.docx",
    "quirks/13_numpr_direct.docx",
    "quirks/14_br_clear_first_attr.docx",
    "quirks/15_altchunk.docx",
    "quirks/16_symbols_noBreakHyphen.docx",
    "quirks/21_strict_ns.docx",
];

/// Text tongbao reads and docx-rs does not, though Word shows it: docx-rs
/// skips text boxes inside `mc:AlternateContent`, `w:noBreakHyphen` and
/// `w:sym`. Removed from tongbao's side (with the line break before it).
const ONLY_TONGBAO_READS: &[(&str, &str)] = &[
    ("quirks/08_textbox.docx", "文本框内容"),
    ("quirks/16_symbols_noBreakHyphen.docx", "\u{2011}"),
    ("quirks/16_symbols_noBreakHyphen.docx", "✓"),
];

/// Text docx-rs keeps and Word hides: docx-rs reads moved-away text
/// (`w:moveFrom`) as ordinary runs. Removed from docx-rs's side.
const ONLY_DOCX_RS_READS: &[(&str, &str)] = &[("quirks/10_movefrom_moveto.docx", "移走")];

/// Documents laid out in a table that only frames the page: tongbao reads
/// the tables inside as the document's, docx-rs keeps the one frame cell.
const FRAMED: &[&str] = &["layouts/frame-table.docx"];

/// One cell as both readers can describe it.
#[derive(Debug, PartialEq)]
struct ComparedCell {
    grid_col: usize,
    col_span: usize,
    /// Continues a vertical merge from the cell above.
    continues_above: bool,
    text: String,
}

/// tongbao's view. Labels are left out: docx-rs does not render list numbers.
fn ours(table: &Table, name: &str) -> Vec<Vec<ComparedCell>> {
    let without_extras = |mut text: String| {
        for (fixture, extra) in ONLY_TONGBAO_READS {
            if *fixture == name {
                text = text.replace(&format!("\n{extra}"), "").replace(extra, "");
            }
        }
        text
    };
    table
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .map(|cell: &Cell| ComparedCell {
                    grid_col: cell.grid_col,
                    col_span: cell.col_span,
                    continues_above: cell.merged_from.is_some(),
                    text: without_extras(
                        cell.paragraphs
                            .iter()
                            .map(|paragraph| paragraph.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                })
                .collect()
        })
        .collect()
}

/// docx-rs's view, from its serialized top-level tables.
fn reference(bytes: &[u8], name: &str) -> Vec<Vec<Vec<ComparedCell>>> {
    let docx = docx_rs::read_docx(bytes).unwrap();
    let document = serde_json::to_value(&docx.document).unwrap();
    document["children"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|child| child["type"] == "table")
        .map(|table| {
            let mut rows = reference_table(&table["data"]);
            for (fixture, hidden) in ONLY_DOCX_RS_READS {
                if *fixture == name {
                    for cell in rows.iter_mut().flatten() {
                        cell.text = cell.text.replace(hidden, "");
                    }
                }
            }
            rows
        })
        .collect()
}

fn reference_table(table: &Value) -> Vec<Vec<ComparedCell>> {
    let mut rows: Vec<Vec<ComparedCell>> = Vec::new();
    // The raw vMerge marks of the previous row, by grid column and span.
    let mut above: Vec<(usize, usize)> = Vec::new();
    for row in table["rows"].as_array().unwrap() {
        let row = &row["data"];
        let mut grid_col = row["property"]["gridBefore"].as_u64().unwrap_or(0) as usize;
        let mut cells = Vec::new();
        let mut placed = Vec::new();
        for cell in row["cells"].as_array().unwrap() {
            let cell = &cell["data"];
            let col_span = cell["property"]["gridSpan"].as_u64().unwrap_or(1) as usize;
            // A continuation joins the cell above only when one covers the
            // same grid columns; otherwise it stands alone (as in tongbao).
            let continues_above = cell["property"]["verticalMerge"] == "continue"
                && above.contains(&(grid_col, col_span));
            let mut paragraphs = Vec::new();
            collect_paragraphs(&cell["children"], &mut paragraphs);
            // A covered cell's empty paragraph is dropped by tongbao.
            let text = if continues_above && paragraphs.iter().all(String::is_empty) {
                String::new()
            } else {
                paragraphs.join("\n")
            };
            cells.push(ComparedCell {
                grid_col,
                col_span,
                continues_above,
                text,
            });
            placed.push((grid_col, col_span));
            grid_col += col_span;
        }
        above = placed;
        rows.push(cells);
    }
    rows
}

/// Paragraph texts in reading order, nested tables and content controls flattened.
fn collect_paragraphs(children: &Value, out: &mut Vec<String>) {
    for child in children.as_array().into_iter().flatten() {
        match child["type"].as_str() {
            Some("paragraph") => {
                let mut text = String::new();
                let mut anchored = Vec::new();
                collect_text(&child["data"]["children"], &mut text, &mut anchored);
                out.push(text);
                out.extend(anchored);
            }
            Some("table") => {
                for row in child["data"]["rows"].as_array().into_iter().flatten() {
                    for cell in row["data"]["cells"].as_array().into_iter().flatten() {
                        collect_paragraphs(&cell["data"]["children"], out);
                    }
                }
            }
            _ => collect_paragraphs(&child["data"]["children"], out),
        }
    }
}

/// The visible text of a paragraph's content. Text-box paragraphs go to
/// `anchored`, read after the paragraph as tongbao does.
fn collect_text(children: &Value, text: &mut String, anchored: &mut Vec<String>) {
    for child in children.as_array().into_iter().flatten() {
        match child["type"].as_str() {
            Some("text") => text.push_str(child["data"]["text"].as_str().unwrap_or_default()),
            Some("tab") => text.push('\t'),
            Some("break") | Some("carriageReturn") => text.push('\n'),
            // Deleted text and field instructions are not shown by Word.
            Some("delete" | "deleteText" | "instrText" | "fieldChar") => {}
            Some("paragraph") => {
                let mut nested = String::new();
                collect_text(&child["data"]["children"], &mut nested, anchored);
                anchored.push(nested);
            }
            _ => collect_text(&child["data"]["children"], text, anchored),
        }
    }
}

/// The fixed list, then every Word file in `fixtures/layouts` and
/// `fixtures/errors` (written by docx-rs's own builder, so it must read them).
fn all_fixtures() -> Vec<String> {
    let mut names: Vec<String> = FIXTURES.iter().map(|name| (*name).to_owned()).collect();
    for folder in ["layouts", "errors"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures")
            .join(folder);
        let mut found: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".docx"))
            .map(|name| format!("{folder}/{name}"))
            .filter(|name| !FRAMED.contains(&name.as_str()))
            .collect();
        found.sort();
        names.extend(found);
    }
    names
}

#[test]
fn tongbao_and_docx_rs_agree_on_cells_and_merges() {
    let names = all_fixtures();
    assert!(names.len() > FIXTURES.len() + 10, "{names:?}");
    for name in &names {
        let name = name.as_str();
        let bytes = fixture(name);
        let document = read(&bytes);
        let tables: Vec<Vec<Vec<ComparedCell>>> = document
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Table(table) => Some(ours(table, name)),
                Block::Paragraph(_) => None,
            })
            .collect();
        assert_eq!(tables, reference(&bytes, name), "{name}");
    }
}

#[test]
fn merge_origins_span_exactly_the_rows_that_continue_them() {
    for name in FIXTURES {
        let document = read(&fixture(name));
        for table in document.tables() {
            for (row_index, row) in table.rows.iter().enumerate() {
                for cell in &row.cells {
                    let covered = table
                        .rows
                        .iter()
                        .flat_map(|row| &row.cells)
                        .filter(|other| {
                            other.merged_from.is_some_and(|origin| {
                                origin.row == row_index && origin.grid_col == cell.grid_col
                            })
                        })
                        .count();
                    assert_eq!(
                        cell.row_span,
                        covered + 1,
                        "{name} row {row_index} col {}",
                        cell.grid_col
                    );
                }
            }
        }
    }
}

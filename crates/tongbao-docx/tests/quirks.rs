//! The 27 shared Word quirk files (fixtures/quirks/README.md), each against
//! what the README says a reader must make of it.

mod common;

use std::time::{Duration, Instant};

use common::{cell_texts, fixture, only_table, read_fixture};
use tongbao_docx::{DocxError, read_docx};
use tongbao_model::{CellPos, ReadLimits};
use tongbao_package::{PackageError, XmlErrorKind};

const HEADER: [&str; 3] = ["攻坚领域", "重点工作任务", "完成情况"];

/// Most quirk tables: a header, a row with the quirk in its middle cell under
/// a merge-starting area cell, and a row continuing that merge.
fn assert_standard_table(name: &str, quirk_cell: &str) {
    let document = read_fixture(&format!("quirks/{name}.docx"));
    let table = only_table(&document);
    assert_eq!(
        cell_texts(table),
        vec![
            HEADER.map(str::to_owned).to_vec(),
            vec![
                "优化营商环境攻坚".to_owned(),
                quirk_cell.to_owned(),
                "完成".to_owned()
            ],
            vec![String::new(), "第二行".to_owned(), "预警".to_owned()],
        ],
        "{name}"
    );
    let area = &table.rows[1].cells[0];
    assert_eq!(area.row_span, 2, "{name}");
    let continued = &table.rows[2].cells[0];
    assert_eq!(
        continued.merged_from,
        Some(CellPos {
            row: 1,
            grid_col: 0
        }),
        "{name}"
    );
    assert!(continued.paragraphs.is_empty(), "{name}");
    assert!(
        document.diagnostics.is_empty(),
        "{name}: {:?}",
        document.diagnostics
    );
}

/// Quirks 21 and 23–27: one row, the area cell and `内容`-like content.
fn assert_single_row(name: &str, content: &str) {
    let document = read_fixture(&format!("quirks/{name}.docx"));
    let table = only_table(&document);
    assert_eq!(
        cell_texts(table),
        vec![vec!["优化营商环境攻坚".to_owned(), content.to_owned()]],
        "{name}"
    );
    // `restart` with nothing continuing below spans only its own row.
    assert_eq!(table.rows[0].cells[0].row_span, 1, "{name}");
}

fn read_error(name: &str) -> DocxError {
    read_docx(
        &fixture(&format!("quirks/{name}.docx")),
        &ReadLimits::default(),
    )
    .unwrap_err()
}

#[test]
fn q01_tracked_changes_keep_insertions_and_drop_deletions() {
    assert_standard_table("01_tracked_changes", "原有新增");
}

#[test]
fn q02_smart_tags_and_custom_xml_are_transparent() {
    assert_standard_table("02_smarttag_customxml", "北京市");
}

#[test]
fn q03_hyperlink_text_counts() {
    assert_standard_table("03_hyperlink", "见附件1");
}

#[test]
fn q04_fields_give_results_never_instructions() {
    assert_standard_table("04_fields", "第3页，2024年6月30日");
}

#[test]
fn q05_proofing_marks_and_bookmarks_are_ignored() {
    assert_standard_table("05_proof_bookmark", "推进一网通办改革");
}

#[test]
fn q06_tab_br_and_cr_become_tab_and_newlines() {
    assert_standard_table("06_br_tab", "甲\t乙\n丙\n丁");
}

#[test]
fn q07_every_kind_of_content_control_is_read() {
    let document = read_fixture("quirks/07_sdt_variants.docx");
    let table = only_table(&document);
    let texts = cell_texts(table);
    assert_eq!(
        texts[1],
        [
            "优化营商环境攻坚",
            "块级SDT内文本\n前行内SDT后",
            "SDT包裹的单元格"
        ]
    );
    // The cell wrapped in a content control keeps its grid column.
    assert_eq!(table.rows[1].cells[2].grid_col, 2);
}

#[test]
fn q08_text_box_is_read_once_after_its_anchor() {
    let document = read_fixture("quirks/08_textbox.docx");
    let cell = &only_table(&document).rows[1].cells[1];
    let texts: Vec<&str> = cell
        .paragraphs
        .iter()
        .map(|paragraph| paragraph.text.as_str())
        .collect();
    assert_eq!(texts, ["正文", "文本框内容"]);
}

#[test]
fn q09_nested_table_is_flattened_into_its_cell() {
    let document = read_fixture("quirks/09_nested_table.docx");
    let table = only_table(&document);
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.rows[1].cells.len(), 3);
    let texts: Vec<&str> = table.rows[1].cells[1]
        .paragraphs
        .iter()
        .map(|paragraph| paragraph.text.as_str())
        .collect();
    assert_eq!(texts, ["外层", "内1", "内2", "之后"]);
    assert_eq!(
        table.rows[2].cells[0].merged_from,
        Some(CellPos {
            row: 1,
            grid_col: 0
        })
    );
}

#[test]
fn q10_moved_away_text_is_dropped_moved_here_kept() {
    assert_standard_table("10_movefrom_moveto", "保留移来");
}

#[test]
fn q11_percent_cell_width_does_not_stop_merges() {
    assert_standard_table("11_tcW_percent", "任务");
}

#[test]
fn q12_grid_span_with_grid_after() {
    let document = read_fixture("quirks/12_grid_before_after.docx");
    let table = only_table(&document);
    let row = &table.rows[1];
    assert_eq!(row.cells.len(), 1);
    assert_eq!((row.cells[0].grid_col, row.cells[0].col_span), (0, 2));
    assert_eq!(row.cells[0].text(), "只有两格");
    assert!(row.cell_at(2).is_none(), "gridAfter columns have no cell");
    // The next row's vMerge continuation sits under a two-column cell, so it
    // cannot join it and stays a cell of its own.
    let below = &table.rows[2].cells[0];
    assert_eq!(
        (below.grid_col, below.col_span, below.merged_from),
        (0, 1, None)
    );
    assert_eq!(row.cells[0].row_span, 1);
    assert_eq!(cell_texts(table)[2], ["", "第二行", "预警"]);
}

#[test]
fn q13_direct_numbering_renders_labels_outside_the_text() {
    let document = read_fixture("quirks/13_numpr_direct.docx");
    let cell = &only_table(&document).rows[1].cells[1];
    let labelled: Vec<(Option<&str>, &str)> = cell
        .paragraphs
        .iter()
        .map(|paragraph| (paragraph.list_label.as_deref(), paragraph.text.as_str()))
        .collect();
    // numId 1 → abstractNum 8: a Symbol-font bullet, U+F0B7, which is •.
    assert_eq!(
        labelled,
        [(Some("•"), "自动编号段落一"), (Some("•"), "自动编号段落二")]
    );
}

#[test]
fn q14_br_with_attributes_is_a_line_break() {
    assert_standard_table("14_br_clear_first_attr", "上\n下");
}

#[test]
fn q15_alt_chunk_is_skipped_with_a_diagnostic() {
    let document = read_fixture("quirks/15_altchunk.docx");
    assert_eq!(only_table(&document).rows[1].cells[1].text(), "正文");
    let codes: Vec<&str> = document
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code.as_str())
        .collect();
    assert_eq!(codes, ["embedded-content-skipped"]);
}

#[test]
fn q16_symbols_and_hyphens() {
    // Non-breaking hyphen U+2011, soft hyphen invisible, Wingdings F0FC → ✓.
    assert_standard_table("16_symbols_noBreakHyphen", "A\u{2011}BC✓");
}

#[test]
fn q17_namespace_is_resolved_by_uri_not_prefix() {
    let document = read_fixture("quirks/17_prefix_ns0.docx");
    let table = only_table(&document);
    assert_eq!(
        cell_texts(table),
        [["攻坚领域", "任务"], ["优化营商环境攻坚", "内容"]]
    );
}

#[test]
fn q18_truncated_xml_is_a_quick_clear_error() {
    let start = Instant::now();
    match read_error("18_truncated_xml") {
        DocxError::Xml(error) => {
            assert_eq!(error.part, "word/document.xml");
            assert_eq!(error.kind, XmlErrorKind::Truncated);
            assert!(error.position > 1000, "{error}");
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn q19_corrupt_crc_is_an_error() {
    match read_error("19_corrupt_crc") {
        DocxError::Package(PackageError::Corrupt { part, .. }) => {
            assert_eq!(part, "word/document.xml")
        }
        other => panic!("expected a corrupt part, got {other:?}"),
    }
}

#[test]
fn q20_undefined_entity_is_an_error_naming_it() {
    match read_error("20_undefined_entity") {
        DocxError::Xml(error) => {
            assert_eq!(error.kind, XmlErrorKind::UndefinedEntity("nbsp".to_owned()));
            assert_eq!(error.part, "word/document.xml");
            assert!(error.to_string().contains("&nbsp;"), "{error}");
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
}

#[test]
fn q21_strict_namespace_is_read() {
    assert_single_row("21_strict_ns", "严格模式");
}

#[test]
fn q22_bomb_is_refused_by_size_without_inflating() {
    let start = Instant::now();
    match read_error("22_bomb_300MB") {
        DocxError::Package(PackageError::PartTooLarge { part, .. }) => {
            assert_eq!(part, "word/document.xml")
        }
        other => panic!("expected a size-limit error, got {other:?}"),
    }
    assert!(
        start.elapsed() < Duration::from_millis(200),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn q23_auto_table_width() {
    assert_single_row("23_tblW_auto", "内容");
}

#[test]
fn q24_float_cell_width_does_not_stop_merges() {
    let document = read_fixture("quirks/24_tcW_float.docx");
    let table = only_table(&document);
    assert_eq!(
        cell_texts(table),
        [
            ["攻坚领域", "任务"],
            ["优化营商环境攻坚", "内容"],
            ["", "第二行"]
        ]
    );
    assert_eq!(table.rows[1].cells[0].row_span, 2);
    assert_eq!(
        table.rows[2].cells[0].merged_from,
        Some(CellPos {
            row: 1,
            grid_col: 0
        })
    );
}

#[test]
fn q25_empty_grid_column_width() {
    assert_single_row("25_gridCol_empty", "内容");
}

#[test]
fn q26_bookmark_without_a_name() {
    assert_single_row("26_bookmark_no_name", "内容");
}

#[test]
fn q27_numbering_start_without_a_value() {
    assert_single_row("27_numbering_start_noattr", "内容");
}

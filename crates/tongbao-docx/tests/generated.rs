//! Quirks the shared set lacks, built at test time: with docx-rs where it
//! can write the markup, by hand where it cannot (or should not: hostile XML).

mod common;

use common::{
    W_NS, body_paragraphs, cell_texts, docx_with_body, only_table, pack, package, placement, read,
};
use docx_rs::{
    AbstractNumbering, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, Start, Style, StyleType, Table, TableCell, TableRow,
    VMergeType,
};
use tongbao_docx::{DocxError, read_docx};
use tongbao_model::{CellPos, ReadLimits};
use tongbao_package::XmlErrorKind;

fn text(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn cell(paragraph: Paragraph) -> TableCell {
    TableCell::new().add_paragraph(paragraph)
}

fn labels_and_texts(paragraphs: &[tongbao_model::Paragraph]) -> Vec<(Option<String>, String)> {
    paragraphs
        .iter()
        .map(|paragraph| (paragraph.list_label.clone(), paragraph.text.clone()))
        .collect()
}

#[test]
fn runs_split_mid_word_are_joined() {
    let paragraph = Paragraph::new()
        .add_run(Run::new().add_text("推"))
        .add_run(Run::new().add_text("进一网").bold())
        .add_run(Run::new().add_text("通办"));
    let bytes = pack(Docx::new().add_table(Table::new(vec![TableRow::new(vec![cell(paragraph)])])));
    assert_eq!(cell_texts(only_table(&read(&bytes))), [["推进一网通办"]]);
}

#[test]
fn a_merge_restarting_with_the_same_label_is_a_new_origin() {
    let area = |label: &str, merge: VMergeType| cell(text(label)).vertical_merge(merge);
    let continued = || {
        TableCell::new()
            .add_paragraph(Paragraph::new())
            .vertical_merge(VMergeType::Continue)
    };
    let rows = vec![
        TableRow::new(vec![area("一、甲", VMergeType::Restart), cell(text("1"))]),
        TableRow::new(vec![continued(), cell(text("2"))]),
        // The table breaks across pages here and the label is written again.
        TableRow::new(vec![area("一、甲", VMergeType::Restart), cell(text("3"))]),
        TableRow::new(vec![continued(), cell(text("4"))]),
        TableRow::new(vec![continued(), cell(text("5"))]),
        TableRow::new(vec![area("二、乙", VMergeType::Restart), cell(text("6"))]),
    ];
    let bytes = pack(Docx::new().add_table(Table::new(rows)));
    let document = read(&bytes);
    let table = only_table(&document);
    let merges: Vec<(usize, Option<CellPos>)> = table
        .rows
        .iter()
        .map(|row| (row.cells[0].row_span, row.cells[0].merged_from))
        .collect();
    let from = |row| Some(CellPos { row, grid_col: 0 });
    assert_eq!(
        merges,
        [
            (2, None),
            (1, from(0)),
            (3, None),
            (1, from(2)),
            (1, from(2)),
            (1, None)
        ]
    );
    assert_eq!(table.rows[2].cells[0].text(), "一、甲");
}

#[test]
fn grid_span_places_cells_on_the_grid() {
    let rows = vec![
        TableRow::new(vec![cell(text("跨两列")).grid_span(2), cell(text("C"))]),
        TableRow::new(vec![cell(text("A")), cell(text("B")).grid_span(2)]),
        TableRow::new(vec![cell(text("A")), cell(text("B")), cell(text("C"))]),
    ];
    let bytes = pack(Docx::new().add_table(Table::new(rows).set_grid(vec![1000, 1000, 1000])));
    let document = read(&bytes);
    let table = only_table(&document);
    let placement = placement(table);
    assert_eq!(
        placement,
        [
            vec![(0, 2), (2, 1)],
            vec![(0, 1), (1, 2)],
            vec![(0, 1), (1, 1), (2, 1)]
        ]
    );
    assert_eq!(table.rows[0].cell_at(1).unwrap().text(), "跨两列");
    assert_eq!(table.rows[1].cell_at(2).unwrap().text(), "B");
}

/// docx-rs does not write `w:gridBefore`, so this table is written by hand.
#[test]
fn grid_before_shifts_cells_and_has_no_cell_of_its_own() {
    let body = r#"<w:tbl><w:tblGrid><w:gridCol w:w="auto"/><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="1.0"/></w:trPr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"#;
    let document = read(&docx_with_body(body));
    let table = only_table(&document);
    let placement = placement(table);
    assert_eq!(placement, [vec![(1, 1)], vec![(1, 1), (2, 1)]]);
    assert!(table.rows[0].cell_at(0).is_none());
    assert_eq!(
        table.rows[1].cells[0].merged_from,
        Some(CellPos {
            row: 0,
            grid_col: 1
        })
    );
    assert_eq!(table.rows[0].cells[0].row_span, 2);
}

#[test]
fn a_line_break_inside_a_cell_stays_in_its_paragraph() {
    let paragraph = Paragraph::new().add_run(
        Run::new()
            .add_text("市经信局")
            .add_break(BreakType::TextWrapping)
            .add_text("市水利局"),
    );
    let bytes = pack(Docx::new().add_table(Table::new(vec![TableRow::new(vec![cell(paragraph)])])));
    let document = read(&bytes);
    let paragraphs = &only_table(&document).rows[0].cells[0].paragraphs;
    assert_eq!(paragraphs.len(), 1);
    assert_eq!(paragraphs[0].text, "市经信局\n市水利局");
}

/// A two-level list: `一、` then `（1）`.
fn outline_numbering(docx: Docx) -> Docx {
    docx.add_abstract_numbering(
        AbstractNumbering::new(10)
            .add_level(Level::new(
                0,
                Start::new(1),
                NumberFormat::new("chineseCounting"),
                LevelText::new("%1、"),
                LevelJc::new("left"),
            ))
            .add_level(Level::new(
                1,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new("（%2）"),
                LevelJc::new("left"),
            )),
    )
    .add_numbering(Numbering::new(20, 10))
}

#[test]
fn numbering_continues_across_tables_and_restarts_lower_levels() {
    let numbered = |level: usize, label: &str| {
        text(label).numbering(NumberingId::new(20), IndentLevel::new(level))
    };
    let first = Table::new(vec![TableRow::new(vec![
        TableCell::new()
            .add_paragraph(numbered(0, "领域"))
            .add_paragraph(numbered(1, "任务"))
            .add_paragraph(numbered(1, "任务")),
    ])]);
    let second = Table::new(vec![TableRow::new(vec![
        TableCell::new()
            .add_paragraph(numbered(0, "领域"))
            .add_paragraph(numbered(1, "任务")),
    ])]);
    let docx = outline_numbering(Docx::new())
        .add_table(first)
        .add_paragraph(text("表间段落"))
        .add_table(second);
    let document = read(&pack(docx));
    let tables: Vec<_> = document.tables().collect();
    let label = |label: &str, text: &str| (Some(label.to_owned()), text.to_owned());
    assert_eq!(
        labels_and_texts(&tables[0].rows[0].cells[0].paragraphs),
        [
            label("一、", "领域"),
            label("（1）", "任务"),
            label("（2）", "任务")
        ]
    );
    assert_eq!(
        labels_and_texts(&tables[1].rows[0].cells[0].paragraphs),
        [label("二、", "领域"), label("（1）", "任务")]
    );
    assert_eq!(body_paragraphs(&document), ["表间段落"]);
}

#[test]
fn numbering_through_a_paragraph_style() {
    let mut style = Style::new("TaskList", StyleType::Paragraph).name("Task List");
    style.paragraph_property = style
        .paragraph_property
        .numbering(NumberingId::new(20), IndentLevel::new(1));
    let docx = outline_numbering(Docx::new())
        .add_style(style)
        .add_paragraph(text("甲").style("TaskList"))
        .add_paragraph(text("乙").style("TaskList"))
        // Direct numId 0 removes the numbering the style gives.
        .add_paragraph(
            text("丙")
                .style("TaskList")
                .numbering(NumberingId::new(0), IndentLevel::new(0)),
        );
    let document = read(&pack(docx));
    let paragraphs: Vec<_> = document
        .blocks
        .iter()
        .filter_map(|block| match block {
            tongbao_model::Block::Paragraph(paragraph) => Some(paragraph.clone()),
            tongbao_model::Block::Table(_) => None,
        })
        .collect();
    let label = |label: Option<&str>, text: &str| (label.map(str::to_owned), text.to_owned());
    assert_eq!(
        labels_and_texts(&paragraphs),
        [
            label(Some("（1）"), "甲"),
            label(Some("（2）"), "乙"),
            label(None, "丙")
        ]
    );
}

#[test]
fn a_field_nested_in_an_instruction_shows_only_the_outer_result() {
    let field = |kind: &str| format!(r#"<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>"#);
    let body = format!(
        "<w:p><w:r><w:t>见</w:t></w:r>{}<w:r><w:instrText>IF </w:instrText></w:r>{}<w:r><w:instrText>PAGE</w:instrText></w:r>{}<w:r><w:t>2</w:t></w:r>{}{}<w:r><w:t>第2页</w:t></w:r>{}<w:r><w:t>。</w:t></w:r></w:p>",
        field("begin"),
        field("begin"),
        field("separate"),
        field("end"),
        field("separate"),
        field("end"),
    );
    assert_eq!(
        body_paragraphs(&read(&docx_with_body(&body))),
        ["见第2页。"]
    );
}

#[test]
fn legacy_horizontal_merge_widens_the_first_cell() {
    let body = r#"<w:tbl><w:tr>
        <w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc>
        <w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>
        <w:tc><w:p><w:r><w:t>右</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let document = read(&docx_with_body(body));
    let row = &only_table(&document).rows[0];
    let placement: Vec<(usize, usize, String)> = row
        .cells
        .iter()
        .map(|cell| (cell.grid_col, cell.col_span, cell.text()))
        .collect();
    assert_eq!(
        placement,
        [(0, 2, "合并".to_owned()), (2, 1, "右".to_owned())]
    );
}

#[test]
fn a_row_deleted_with_tracked_changes_is_not_read() {
    // The middle row is a tracked deletion (w:trPr/w:del); its area cell
    // continues a merge that the row below still continues.
    let row = |properties: &str, area: &str, task: &str| {
        format!(
            r#"<w:tr>{properties}<w:tc><w:tcPr><w:vMerge{area}/></w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{task}</w:t></w:r></w:p></w:tc></w:tr>"#,
            if area.is_empty() { "" } else { "一、甲" }
        )
    };
    let body = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        row("", r#" w:val="restart""#, "1"),
        row(
            r#"<w:trPr><w:del w:id="7" w:author="审核" w:date="2019-09-01T00:00:00Z"/></w:trPr>"#,
            "",
            "删去"
        ),
        row(
            r#"<w:trPr><w:ins w:id="8" w:author="审核"/></w:trPr>"#,
            "",
            "2"
        ),
    );
    let table = only_table(&read(&docx_with_body(&body))).clone();
    assert_eq!(cell_texts(&table), [["一、甲", "1"], ["", "2"]]);
    assert_eq!(
        table.rows[1].cells[0].merged_from,
        Some(CellPos {
            row: 0,
            grid_col: 0
        })
    );
}

/// The blocks in order: `P:text` or `T:` and each row's cell texts.
fn outline(document: &tongbao_model::Document) -> Vec<String> {
    document
        .blocks
        .iter()
        .map(|block| match block {
            tongbao_model::Block::Paragraph(paragraph) => format!("P:{}", paragraph.text),
            tongbao_model::Block::Table(table) => format!("T:{:?}", cell_texts(table)),
        })
        .collect()
}

#[test]
fn a_table_that_only_frames_the_page_gives_up_its_content() {
    let p = |text: &str| format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>");
    let tc = |content: &str, properties: &str| format!("<w:tc>{properties}{content}</w:tc>");
    let nested = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        tc(&p("甲"), r#"<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>"#),
        tc(&p("1"), ""),
        tc("<w:p/>", "<w:tcPr><w:vMerge/></w:tcPr>"),
        tc(&p("2"), ""),
    );
    // One cell per row: a heading row, then the list between two lines.
    let body = format!(
        "{}<w:tbl><w:tr>{}</w:tr><w:tr>{}</w:tr></w:tbl>{}",
        p("通报"),
        tc(&p("（截至9月底）"), ""),
        tc(&format!("{}{nested}{}", p("附件"), p("注：无")), ""),
        p("印发"),
    );
    let document = read(&docx_with_body(&body));
    assert_eq!(
        outline(&document),
        [
            "P:通报",
            "P:（截至9月底）",
            "P:附件",
            r#"T:[["甲", "1"], ["", "2"]]"#,
            "P:注：无",
            "P:印发",
        ]
    );
    let tables: Vec<_> = document.tables().collect();
    assert_eq!(
        tables[0].rows[1].cells[0].merged_from,
        Some(CellPos {
            row: 0,
            grid_col: 0
        })
    );

    // A table with several cells keeps its nested table flattened.
    let body = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        tc(&p("任务"), ""),
        tc(&nested, ""),
    );
    assert_eq!(
        outline(&read(&docx_with_body(&body))),
        [r#"T:[["任务", "甲\n1\n\n2"]]"#]
    );
}

#[test]
fn placeholder_text_of_an_empty_content_control_is_not_read() {
    let control = |showing: &str, text: &str| {
        format!(
            r#"<w:sdt><w:sdtPr><w:alias w:val="状态"/>{showing}</w:sdtPr><w:sdtContent><w:r><w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>"#
        )
    };
    let body = format!(
        "<w:p><w:r><w:t>甲</w:t></w:r>{}</w:p><w:p>{}</w:p>",
        control("<w:showingPlcHdr/>", "单击或点击此处输入文字。"),
        control(r#"<w:showingPlcHdr w:val="0"/>"#, "已完成"),
    );
    assert_eq!(
        body_paragraphs(&read(&docx_with_body(&body))),
        ["甲", "已完成"]
    );
    // A content control around a cell keeps the cell, whatever it says.
    let wrapped = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>左</w:t></w:r></w:p></w:tc><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:tc><w:p><w:r><w:t>右</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>";
    assert_eq!(
        cell_texts(only_table(&read(&docx_with_body(wrapped)))),
        [["左", "右"]]
    );
}

#[test]
fn hidden_text_is_not_read() {
    // `vanish` on a run hides it (unless switched off); on the paragraph
    // mark (pPr/rPr) it hides only the mark, not the paragraph's text.
    let body = r#"<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>
        <w:r><w:t>可见</w:t></w:r>
        <w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t>隐藏</w:t><w:tab/></w:r>
        <w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>又见</w:t></w:r>
        <w:r><w:rPr><w:vanish w:val="false"/><w:b/></w:rPr><w:t>。</w:t></w:r></w:p>"#;
    assert_eq!(
        body_paragraphs(&read(&docx_with_body(body))),
        ["可见又见。"]
    );
}

#[test]
fn tabs_inside_paragraph_properties_are_not_text() {
    let body = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 正文 </w:t></w:r></w:p>"#;
    assert_eq!(body_paragraphs(&read(&docx_with_body(body))), [" 正文 "]);
}

#[test]
fn doctype_and_entity_declarations_are_refused() {
    let bytes = package(&[(
        "word/document.xml",
        &format!(
            r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY big "x">]><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&big;</w:t></w:r></w:p></w:body></w:document>"#
        ),
    )]);
    match read_docx(&bytes, &ReadLimits::default()).unwrap_err() {
        DocxError::Xml(error) => {
            assert_eq!(error.kind, XmlErrorKind::DoctypeRefused);
            assert_eq!(error.part, "word/document.xml");
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
}

#[test]
fn nesting_deeper_than_the_limit_is_refused() {
    let depth = 300;
    let body = format!(
        "<w:p>{}{}</w:p>",
        "<w:customXml>".repeat(depth),
        "</w:customXml>".repeat(depth)
    );
    match read_docx(&docx_with_body(&body), &ReadLimits::default()).unwrap_err() {
        DocxError::Xml(error) => assert_eq!(error.kind, XmlErrorKind::TooDeep(256)),
        other => panic!("expected an XML error, got {other:?}"),
    }
}

#[test]
fn rows_and_cells_beyond_the_limits_are_refused() {
    // Cells without paragraphs, so that only the cell count grows.
    let row = "<w:tr><w:tc/><w:tc/></w:tr>";
    let bytes = docx_with_body(&format!("<w:tbl>{}</w:tbl>", row.repeat(4)));
    let rows_limited = ReadLimits {
        max_rows: 3,
        ..ReadLimits::default()
    };
    assert!(matches!(
        read_docx(&bytes, &rows_limited),
        Err(DocxError::TooManyRows { limit: 3, .. })
    ));
    let cells_limited = ReadLimits {
        max_cells: 7,
        ..ReadLimits::default()
    };
    assert!(matches!(
        read_docx(&bytes, &cells_limited),
        Err(DocxError::TooManyCells { limit: 7, .. })
    ));
    assert_eq!(only_table(&read(&bytes)).rows.len(), 4);
    // Paragraphs are bounded by the cell limit too.
    let paragraphs = docx_with_body(&"<w:p/>".repeat(8));
    assert!(matches!(
        read_docx(&paragraphs, &cells_limited),
        Err(DocxError::TooManyParagraphs { limit: 7, .. })
    ));
}

#[test]
fn a_package_without_the_main_part_is_an_error_naming_it() {
    let bytes = package(&[("xl/workbook.xml", "<workbook/>")]);
    let error = read_docx(&bytes, &ReadLimits::default()).unwrap_err();
    assert!(
        matches!(
            error,
            DocxError::MissingPart {
                part: "word/document.xml"
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("word/document.xml"));
}

#[test]
fn unreadable_properties_become_a_diagnostic() {
    let bytes = package(&[
        (
            "word/document.xml",
            &format!(
                r#"<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"#
            ),
        ),
        ("docProps/core.xml", "<cp:coreProperties><dc:title>未闭合"),
    ]);
    let document = read(&bytes);
    assert_eq!(body_paragraphs(&document), ["正文"]);
    assert_eq!(document.diagnostics.len(), 1);
    assert_eq!(document.diagnostics[0].code, "properties-unreadable");
}

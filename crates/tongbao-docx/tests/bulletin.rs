//! The real August 2019 bulletin (fixtures/bulletin-2019-08.docx).

mod common;

use std::time::Instant;

use common::{body_paragraphs, cell_texts, fixture, only_table, read_fixture};
use tongbao_model::{Block, CellPos, ReadLimits, SourceFormat};

#[test]
fn reads_the_preamble_before_the_table() {
    let document = read_fixture("bulletin-2019-08.docx");
    assert_eq!(document.format, SourceFormat::Docx);
    let table_at = document
        .blocks
        .iter()
        .position(|block| matches!(block, Block::Table(_)))
        .unwrap();
    assert_eq!(
        table_at, 13,
        "13 paragraphs, empty ones included, precede the table"
    );
    let paragraphs = body_paragraphs(&document);
    assert_eq!(paragraphs[0], "“三助三红”重点攻坚任务“销号”情况通报");
    assert_eq!(paragraphs[1], "（截至8月底）");
    assert_eq!(paragraphs[6], "附件：“三助三红”重点攻坚任务“销号”管理清单");
    assert_eq!(paragraphs[12], "“三助三红”重点攻坚任务“销号”管理清单");
    assert_eq!(
        document.properties.title.as_deref(),
        Some("“三助三红”重点攻坚任务“销号”情况通报")
    );
    assert_eq!(
        document.properties.created.as_deref(),
        Some("2019-09-04T09:30:00Z")
    );
    assert!(document.diagnostics.is_empty());
}

#[test]
fn reads_the_task_table() {
    let document = read_fixture("bulletin-2019-08.docx");
    let table = only_table(&document);
    assert_eq!(table.rows.len(), 60, "header + 59 tasks");
    assert!(table.rows[0].repeats_as_header);
    assert!(table.rows[1..].iter().all(|row| !row.repeats_as_header));
    let texts = cell_texts(table);
    assert_eq!(
        texts[0],
        [
            "攻坚领域",
            "重点工作任务",
            "责任单位",
            "完成情况",
            "“销号”\n状态"
        ]
    );
    assert_eq!(texts[1][0], "一、推进抗灾救灾和灾后重建");
    assert_eq!(
        texts[1][1],
        "1．8月25日前，确保受损工业企业全面复产，农业田间作物加快抢救，河道杂物清理完毕。"
    );
    assert_eq!(texts[1][2], "市经信局\n市农业农村局\n市水利局");
    assert!(
        texts[1][3].starts_with("1.截止8月23日，全市受灾的474家工业企业已全部恢复"),
        "{}",
        texts[1][3]
    );
    for (index, row) in table.rows.iter().enumerate() {
        assert_eq!(row.cells.len(), 5, "row {index}");
        let grid: Vec<usize> = row.cells.iter().map(|cell| cell.grid_col).collect();
        assert_eq!(grid, [0, 1, 2, 3, 4], "row {index}");
    }
    // Task cells carry their printed number; no auto-numbering is involved.
    for (task, row) in table.rows[1..].iter().enumerate() {
        assert!(
            row.cells[1].text().starts_with(&format!("{}．", task + 1)),
            "task {}",
            task + 1
        );
    }
}

#[test]
fn the_area_column_restarts_at_page_breaks_and_areas() {
    let document = read_fixture("bulletin-2019-08.docx");
    let table = only_table(&document);
    let starts: Vec<(usize, usize)> = table.rows[1..]
        .iter()
        .enumerate()
        .filter(|(_, row)| row.cells[0].merged_from.is_none())
        .map(|(task, row)| (task + 1, row.cells[0].row_span))
        .collect();
    // Areas begin at tasks 1, 4, 15, 24, 49 and 58; the label starts again
    // at 8, 39 and 52, where the printed table breaks across pages.
    assert_eq!(
        starts,
        [
            (1, 3),
            (4, 4),
            (8, 7),
            (15, 9),
            (24, 15),
            (39, 10),
            (49, 3),
            (52, 6),
            (58, 2)
        ]
    );
    for (task, row) in table.rows[1..].iter().enumerate() {
        if let Some(origin) = row.cells[0].merged_from {
            let origin_cell = &table.rows[origin.row].cells[0];
            assert!(origin.row < task + 1 && origin.row + origin_cell.row_span > task + 1);
            assert_eq!(origin.grid_col, 0);
        }
    }
    // Task 8 repeats the label of the merge that task 7 continues.
    let origin = table.rows[7].cells[0].merged_from.unwrap();
    assert_eq!(
        origin,
        CellPos {
            row: 4,
            grid_col: 0
        }
    );
    assert_eq!(table.rows[8].cells[0].text(), table.rows[4].cells[0].text());
}

#[test]
fn reads_in_well_under_a_second() {
    let bytes = fixture("bulletin-2019-08.docx");
    let start = Instant::now();
    for _ in 0..5 {
        tongbao_docx::read_docx(&bytes, &ReadLimits::default()).unwrap();
    }
    assert!(
        start.elapsed().as_secs_f64() / 5.0 < 1.0,
        "{:?}",
        start.elapsed()
    );
}

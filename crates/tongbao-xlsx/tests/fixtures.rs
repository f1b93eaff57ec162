//! The August 2019 bulletin as .xlsx (openpyxl) and .xls (LibreOffice),
//! checked cell by cell against its ground truth.

use serde_json::Value;
use tongbao_model::{CellPos, Document, ReadLimits, SourceFormat, Table};
use tongbao_xlsx::{WorkbookKind, read_workbook};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

/// Tasks where the 攻坚领域 cell starts again although the area goes on,
/// because the original table breaks across pages there.
const AREA_RESTARTS_AT_TASKS: [u64; 3] = [8, 39, 52];

fn read_fixture(extension: &str, kind: WorkbookKind) -> Document {
    let bytes = std::fs::read(format!("{FIXTURES}/bulletin-2019-08.{extension}")).unwrap();
    read_workbook(&bytes, kind, &ReadLimits::default()).unwrap()
}

fn truth_tasks() -> Vec<Value> {
    let text = std::fs::read_to_string(format!("{FIXTURES}/bulletin-2019-08.truth.json")).unwrap();
    let truth: Value = serde_json::from_str(&text).unwrap();
    truth["tasks"].as_array().unwrap().clone()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item.as_str().unwrap().to_owned())
        .collect()
}

fn paragraph_texts(table: &Table, row: usize, grid_col: usize) -> Vec<String> {
    let cell = table.rows[row].cell_at(grid_col).unwrap();
    cell.paragraphs.iter().map(|p| p.text.clone()).collect()
}

fn check_bulletin_sheet(document: &Document) {
    assert!(
        document.diagnostics.is_empty(),
        "{:?}",
        document.diagnostics
    );
    let tables: Vec<&Table> = document.tables().collect();
    assert_eq!(tables.len(), 1);
    let table = tables[0];
    assert_eq!(table.name.as_deref(), Some("Sheet1"));
    let tasks = truth_tasks();
    assert_eq!(tasks.len(), 59);
    assert_eq!(table.rows.len(), 2 + tasks.len());

    let title = &table.rows[0].cells;
    assert_eq!(title.len(), 1);
    assert_eq!(
        (title[0].grid_col, title[0].col_span, title[0].row_span),
        (0, 5, 1)
    );
    assert_eq!(title[0].text(), "“三助三红”重点攻坚任务“销号”管理清单");

    let header = &table.rows[1].cells;
    let header_texts: Vec<String> = header.iter().map(|cell| cell.text()).collect();
    assert_eq!(
        header_texts,
        [
            "攻坚领域",
            "重点工作任务",
            "责任单位",
            "完成情况",
            "“销号”\n状态"
        ]
    );
    assert_eq!(paragraph_texts(table, 1, 4), ["“销号”", "状态"]);
    assert!(
        header
            .iter()
            .enumerate()
            .all(|(col, cell)| cell.grid_col == col && cell.col_span == 1)
    );

    let mut area_origin_row = 0;
    let mut previous_area = None;
    for (index, task) in tasks.iter().enumerate() {
        let row = 2 + index;
        let no = task["no"].as_u64().unwrap();
        let area = task["area_seq"].as_u64().unwrap();
        let area_cell = &table.rows[row].cells[0];
        if previous_area != Some(area) || AREA_RESTARTS_AT_TASKS.contains(&no) {
            area_origin_row = row;
            let group_len = tasks[index..]
                .iter()
                .enumerate()
                .take_while(|(offset, next)| {
                    let next_no = next["no"].as_u64().unwrap();
                    next["area_seq"].as_u64() == Some(area)
                        && (*offset == 0 || !AREA_RESTARTS_AT_TASKS.contains(&next_no))
                })
                .count();
            assert_eq!(area_cell.row_span, group_len, "area cell of task {no}");
            assert_eq!(area_cell.merged_from, None);
            assert!(
                area_cell.text().ends_with(task["area"].as_str().unwrap()),
                "task {no}"
            );
        } else {
            assert_eq!(
                area_cell.merged_from,
                Some(CellPos {
                    row: area_origin_row,
                    grid_col: 0
                }),
                "area cell of task {no}"
            );
            assert!(area_cell.paragraphs.is_empty());
        }
        previous_area = Some(area);

        let task_text = table.rows[row].cell_at(1).unwrap().text();
        assert_eq!(
            task_text,
            format!("{no}．{}", task["text"].as_str().unwrap())
        );
        assert_eq!(
            paragraph_texts(table, row, 2),
            strings(&task["units"]),
            "units of task {no}"
        );
        assert_eq!(
            paragraph_texts(table, row, 3),
            strings(&task["progress"]),
            "progress of task {no}"
        );
        let status = paragraph_texts(table, row, 4).concat();
        assert_eq!(
            status,
            task["status_raw"].as_str().unwrap(),
            "status of task {no}"
        );
    }
    assert_eq!(
        paragraph_texts(table, 2, 2),
        ["市经信局", "市农业农村局", "市水利局"]
    );
}

#[test]
fn xlsx_fixture_matches_the_truth() {
    let document = read_fixture("xlsx", WorkbookKind::Xlsx);
    assert_eq!(document.format, SourceFormat::Xlsx);
    check_bulletin_sheet(&document);
    assert_eq!(
        document.properties.created.as_deref(),
        Some("2019-09-04T09:30:00Z")
    );
}

#[test]
fn xls_fixture_matches_the_truth() {
    let document = read_fixture("xls", WorkbookKind::Xls);
    assert_eq!(document.format, SourceFormat::Xls);
    check_bulletin_sheet(&document);
    assert_eq!(
        document.properties.created.as_deref(),
        Some("2019-09-04T09:30:00Z")
    );
}

//! Edge cases on small workbooks generated in the test with rust_xlsxwriter.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use tongbao_model::{CellPos, Document, ReadLimits, Row};
use tongbao_xlsx::{WorkbookKind, XlsxError, read_workbook};

fn workbook_bytes(build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    build(&mut workbook);
    workbook.save_to_buffer().unwrap()
}

fn sheet_bytes(build: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    workbook_bytes(|workbook| build(workbook.add_worksheet()))
}

fn read(bytes: &[u8]) -> Document {
    read_workbook(bytes, WorkbookKind::Xlsx, &ReadLimits::default()).unwrap()
}

fn row_texts(row: &Row) -> Vec<(usize, String)> {
    row.cells
        .iter()
        .map(|cell| (cell.grid_col, cell.text()))
        .collect()
}

#[test]
fn merged_region_spanning_rows_and_columns() {
    let bytes = sheet_bytes(|sheet| {
        sheet
            .merge_range(0, 0, 2, 1, "区域", &Format::new())
            .unwrap();
        sheet.write_string(0, 2, "c1").unwrap();
        sheet.write_string(1, 2, "c2").unwrap();
        sheet.write_string(2, 2, "c3").unwrap();
        sheet.write_string(3, 0, "after").unwrap();
    });
    let document = read(&bytes);
    let table = document.tables().next().unwrap();
    assert_eq!(table.rows.len(), 4);

    let origin = &table.rows[0].cells[0];
    assert_eq!(
        (origin.grid_col, origin.col_span, origin.row_span),
        (0, 2, 3)
    );
    assert_eq!(origin.text(), "区域");
    for row in 1..3 {
        let cells = &table.rows[row].cells;
        assert_eq!(
            cells.len(),
            2,
            "row {row}: the region covers columns A and B"
        );
        assert_eq!(
            (cells[0].grid_col, cells[0].col_span, cells[0].row_span),
            (0, 2, 1)
        );
        assert_eq!(
            cells[0].merged_from,
            Some(CellPos {
                row: 0,
                grid_col: 0
            })
        );
        assert!(cells[0].paragraphs.is_empty());
        assert_eq!(cells[1].text(), format!("c{}", row + 1));
    }
    assert_eq!(
        row_texts(&table.rows[3]),
        [
            (0, "after".to_owned()),
            (1, String::new()),
            (2, String::new())
        ]
    );
}

#[test]
fn line_breaks_split_paragraphs() {
    let bytes = sheet_bytes(|sheet| {
        sheet
            .write_string(0, 0, "市经信局\r\n市农业农村局\n市水利局\n")
            .unwrap();
        sheet.write_string(1, 0, "阶段性_x000D_“销号”").unwrap();
        sheet.write_string(2, 0, "a\rb").unwrap();
    });
    let document = read(&bytes);
    let table = document.tables().next().unwrap();
    let paragraphs = |row: usize| -> Vec<String> {
        table.rows[row].cells[0]
            .paragraphs
            .iter()
            .map(|p| p.text.clone())
            .collect()
    };
    assert_eq!(paragraphs(0), ["市经信局", "市农业农村局", "市水利局"]);
    assert_eq!(paragraphs(1), ["阶段性", "“销号”"]);
    assert_eq!(paragraphs(2), ["a", "b"]);
}

#[test]
fn numbers_booleans_and_dates_read_as_excel_shows_them() {
    let bytes = sheet_bytes(|sheet| {
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let day = ExcelDateTime::from_ymd(2019, 8, 31).unwrap();
        sheet.write_number(0, 0, 1.0).unwrap();
        sheet.write_number(0, 1, 93.23).unwrap();
        sheet.write_number(0, 2, -0.25).unwrap();
        sheet.write_boolean(0, 3, true).unwrap();
        sheet.write_datetime_with_format(0, 4, &day, &date).unwrap();
    });
    let document = read(&bytes);
    let table = document.tables().next().unwrap();
    let texts: Vec<String> = table.rows[0].cells.iter().map(|cell| cell.text()).collect();
    assert_eq!(texts, ["1", "93.23", "-0.25", "TRUE", "2019-08-31"]);
}

#[test]
fn blank_leading_rows_and_columns_keep_sheet_columns() {
    let bytes = sheet_bytes(|sheet| {
        sheet.write_string(3, 2, "标题").unwrap();
        sheet.write_string(5, 2, "a").unwrap();
        sheet.write_string(5, 3, "b").unwrap();
    });
    let document = read(&bytes);
    let table = document.tables().next().unwrap();
    // Rows 1-3 and 5 hold nothing: left out. Columns A and B hold nothing:
    // no cells there, but grid columns stay sheet columns (C = 2).
    assert_eq!(table.rows.len(), 2);
    assert_eq!(
        row_texts(&table.rows[0]),
        [(2, "标题".to_owned()), (3, String::new())]
    );
    assert_eq!(
        row_texts(&table.rows[1]),
        [(2, "a".to_owned()), (3, "b".to_owned())]
    );
}

#[test]
fn sheets_in_workbook_order_and_empty_sheets_skipped() {
    let bytes = workbook_bytes(|workbook| {
        let first = workbook.add_worksheet().set_name("清单").unwrap();
        first.write_string(0, 0, "one").unwrap();
        workbook.add_worksheet().set_name("空白").unwrap();
        let third = workbook.add_worksheet().set_name("附表").unwrap();
        third.write_string(0, 0, "three").unwrap();
    });
    let document = read(&bytes);
    assert!(
        document
            .blocks
            .iter()
            .all(|block| matches!(block, tongbao_model::Block::Table(_)))
    );
    let names: Vec<&str> = document
        .tables()
        .map(|t| t.name.as_deref().unwrap())
        .collect();
    assert_eq!(names, ["清单", "附表"]);
    let last = document.tables().last().unwrap();
    assert_eq!(last.rows[0].cells[0].text(), "three");
}

#[test]
fn row_limit_is_an_error() {
    let bytes = sheet_bytes(|sheet| {
        for row in 0..10 {
            sheet.write_string(row, 0, "x").unwrap();
        }
    });
    let limits = ReadLimits {
        max_rows: 9,
        ..ReadLimits::default()
    };
    let error = read_workbook(&bytes, WorkbookKind::Xlsx, &limits).unwrap_err();
    assert!(
        matches!(error, XlsxError::TooManyRows { limit: 9 }),
        "{error:?}"
    );
    assert_eq!(error.to_string(), "more than 9 table rows");
}

#[test]
fn cell_limit_is_an_error_before_all_values_are_held() {
    let bytes = sheet_bytes(|sheet| {
        for col in 0..50 {
            sheet.write_number(0, col, f64::from(col)).unwrap();
        }
    });
    let limits = ReadLimits {
        max_cells: 20,
        ..ReadLimits::default()
    };
    let error = read_workbook(&bytes, WorkbookKind::Xlsx, &limits).unwrap_err();
    assert!(
        matches!(error, XlsxError::TooManyCells { limit: 20 }),
        "{error:?}"
    );
}

#[test]
fn garbage_workbook_part_is_malformed() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(b"<workbook><sheets><sheet name=").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let error = read_workbook(&bytes, WorkbookKind::Xlsx, &ReadLimits::default()).unwrap_err();
    assert!(matches!(error, XlsxError::Malformed(_)), "{error:?}");
}

#[test]
fn bytes_that_are_not_a_zip_fail_in_the_package_check() {
    let error = read_workbook(
        b"not a workbook",
        WorkbookKind::Xlsx,
        &ReadLimits::default(),
    )
    .unwrap_err();
    assert!(matches!(error, XlsxError::Package(_)), "{error:?}");
}

#[test]
fn bytes_that_are_not_a_legacy_workbook_are_malformed() {
    let error =
        read_workbook(b"not a workbook", WorkbookKind::Xls, &ReadLimits::default()).unwrap_err();
    assert!(matches!(error, XlsxError::Malformed(_)), "{error:?}");
}

#[test]
fn hidden_sheets_are_left_out_with_a_note() {
    let bytes = workbook_bytes(|workbook| {
        let list = workbook.add_worksheet();
        list.set_name("清单").unwrap();
        list.write_string(0, 0, "本月").unwrap();
        let old = workbook.add_worksheet();
        old.set_name("上月").unwrap();
        old.write_string(0, 0, "上月").unwrap();
        old.set_hidden(true);
    });
    let document = read(&bytes);
    let names: Vec<_> = document
        .tables()
        .map(|table| table.name.clone().unwrap_or_default())
        .collect();
    assert_eq!(names, ["清单"]);
    let notes: Vec<_> = document
        .diagnostics
        .iter()
        .map(|diagnostic| (diagnostic.code.as_str(), diagnostic.message.as_str()))
        .collect();
    assert_eq!(
        notes,
        [(
            "hidden-sheet-skipped",
            r#"sheet "上月" is hidden and was not read"#
        )]
    );
}

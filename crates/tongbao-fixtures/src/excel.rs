//! Renders fixture tables as an .xlsx workbook with rust_xlsxwriter.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

use crate::spec::{Merge, TableSpec};

/// One worksheet: its name and rows (an empty row stays blank).
pub struct SheetSpec {
    pub name: String,
    pub rows: TableSpec,
}

pub fn render(sheets: &[SheetSpec]) -> anyhow::Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    // A fixed creation date keeps the bytes stable between runs.
    let created = ExcelDateTime::from_ymd(2020, 10, 9)?.and_hms(9, 0, 0)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let wrap = Format::new().set_text_wrap();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name)?;
        write_rows(worksheet, &sheet.rows, &wrap)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn write_rows(worksheet: &mut Worksheet, rows: &TableSpec, wrap: &Format) -> anyhow::Result<()> {
    for (row_index, row) in rows.iter().enumerate() {
        let mut column = 0;
        for cell in row {
            let first_col = u16::try_from(column)?;
            column += cell.span;
            if cell.merge == Merge::Continue {
                continue;
            }
            let text = cell.paragraphs.join("\n");
            let first_row = u32::try_from(row_index)?;
            let last_row =
                first_row + u32::try_from(merged_rows_below(rows, row_index, first_col))?;
            let last_col = u16::try_from(column - 1)?;
            if last_row > first_row || last_col > first_col {
                worksheet.merge_range(first_row, first_col, last_row, last_col, &text, wrap)?;
            } else if !text.is_empty() {
                worksheet.write_string_with_format(first_row, first_col, &text, wrap)?;
            }
        }
    }
    for column in 0..8 {
        worksheet.set_column_width(column, 24)?;
    }
    Ok(())
}

/// How many rows below `row_index` continue the merge starting at `column`.
fn merged_rows_below(rows: &TableSpec, row_index: usize, column: u16) -> usize {
    rows.iter()
        .skip(row_index + 1)
        .take_while(|row| {
            let mut start = 0;
            row.iter().any(|cell| {
                let here = start == usize::from(column) && cell.merge == Merge::Continue;
                start += cell.span;
                here
            })
        })
        .count()
}

//! A pre-flight walk over an OpenDocument spreadsheet's `content.xml`.
//!
//! OpenDocument compresses runs of equal rows and cells into one element
//! with a repeat count (`table:number-rows-repeated`,
//! `table:number-columns-repeated`), and calamine expands them into cells:
//! a one-kilobyte file can ask for a hundred million cells (calamine's own
//! cap), which took 25 s and 8 GB here before its error. So the box the
//! filled cells span is measured here first, from the repeat counts,
//! against the cell limit. Empty cells and rows, however often repeated (as
//! LibreOffice writes the unused rest of a sheet), span nothing. Markup
//! this walk cannot read is left for calamine to report.

use tongbao_model::ReadLimits;
use tongbao_package::xml::{XmlEvent, XmlReader};

use crate::XlsxError;

/// The OpenDocument namespaces whose elements and attributes are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Table,
    Office,
}

const NAMESPACES: &[(&[u8], Ns)] = &[
    (
        b"urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        Ns::Table,
    ),
    (
        b"urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        Ns::Office,
    ),
];

/// What the walk is inside of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Table,
    /// A row repeated this many times.
    Row(u64),
    /// A cell repeated this many times, and whether it holds anything.
    Cell {
        repeat: u64,
        filled: bool,
    },
    Other,
}

/// Fails when a sheet's filled cells span more positions than `max_cells`,
/// counting repeats.
pub(crate) fn check_sheet_extents(content: &[u8], limits: &ReadLimits) -> Result<(), XlsxError> {
    let mut reader = XmlReader::new(content, "content.xml", NAMESPACES, limits.max_xml_depth);
    let mut open: Vec<Open> = Vec::new();
    let mut sheet = Span::default();
    loop {
        let Ok(event) = reader.next_event() else {
            return Ok(());
        };
        match event {
            XmlEvent::Start(element) => {
                let repeat = |name: &[u8]| -> u64 {
                    reader
                        .attribute(&element, name)
                        .ok()
                        .flatten()
                        .and_then(|value| value.trim().parse().ok())
                        .filter(|count| *count > 0)
                        .unwrap_or(1)
                };
                let in_table = open.contains(&Open::Table);
                // A table nested in a cell is that cell's content.
                let in_cell = open.iter().any(|kind| matches!(kind, Open::Cell { .. }));
                let kind = match (element.namespace, element.local_name()) {
                    (Some(Ns::Table), b"table") if !in_table => {
                        sheet = Span::default();
                        Open::Table
                    }
                    (Some(Ns::Table), b"table-row") if in_table && !in_cell => {
                        Open::Row(repeat(b"number-rows-repeated"))
                    }
                    (Some(Ns::Table), b"table-cell" | b"covered-table-cell")
                        if matches!(open.last(), Some(Open::Row(_))) =>
                    {
                        let typed = reader.attribute(&element, b"value-type").ok().flatten();
                        Open::Cell {
                            repeat: repeat(b"number-columns-repeated"),
                            filled: typed.is_some(),
                        }
                    }
                    _ => {
                        // Any content inside a cell fills it (`text:p`).
                        if let Some(Open::Cell { filled, .. }) = open.last_mut() {
                            *filled = true;
                        }
                        Open::Other
                    }
                };
                open.push(kind);
            }
            XmlEvent::Text(text) if !text.trim().is_empty() => {
                if let Some(Open::Cell { filled, .. }) = open.last_mut() {
                    *filled = true;
                }
            }
            XmlEvent::Text(_) => {}
            XmlEvent::End => match open.pop() {
                Some(Open::Cell { repeat, filled }) => {
                    sheet.cell(repeat, filled);
                }
                Some(Open::Row(repeat)) => sheet.end_row(repeat),
                _ => {}
            },
            XmlEvent::Eof => return Ok(()),
        }
        if sheet.area() > limits.max_cells as u64 {
            return Err(XlsxError::TooManyCells {
                limit: limits.max_cells,
            });
        }
    }
}

/// The box one sheet's filled cells span so far.
#[derive(Debug, Default)]
struct Span {
    /// Rows read before the current one (repeats counted).
    row: u64,
    /// Cells read in the current row (repeats counted).
    column: u64,
    /// Whether the current row holds a filled cell.
    row_filled: bool,
    /// One past the last filled row and column.
    rows: u64,
    columns: u64,
}

impl Span {
    fn cell(&mut self, repeat: u64, filled: bool) {
        self.column = self.column.saturating_add(repeat);
        if filled {
            self.row_filled = true;
            self.columns = self.columns.max(self.column);
        }
    }

    fn end_row(&mut self, repeat: u64) {
        self.row = self.row.saturating_add(repeat);
        if std::mem::take(&mut self.row_filled) {
            self.rows = self.rows.max(self.row);
        }
        self.column = 0;
    }

    fn area(&self) -> u64 {
        // The row being read counts as soon as a filled cell is in it.
        let rows = if self.row_filled {
            self.rows.max(self.row.saturating_add(1))
        } else {
            self.rows
        };
        rows.saturating_mul(self.columns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(rows: &str) -> String {
        format!(
            r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn check(rows: &str, max_cells: usize) -> Result<(), XlsxError> {
        let limits = ReadLimits {
            max_cells,
            ..ReadLimits::default()
        };
        check_sheet_extents(content(rows).as_bytes(), &limits)
    }

    #[test]
    fn repeated_filled_cells_count_every_repeat() {
        let bomb = r#"<table:table-row table:number-rows-repeated="9000"><table:table-cell table:number-columns-repeated="11000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
        assert!(matches!(
            check(bomb, 2_000_000),
            Err(XlsxError::TooManyCells { limit: 2_000_000 })
        ));
        // A filled cell far along a row spans the row up to it.
        let far = r#"<table:table-row><table:table-cell table:number-columns-repeated="9999"/><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>"#;
        assert!(check(far, 10_000).is_ok());
        assert!(check(far, 9_999).is_err());
    }

    #[test]
    fn a_table_nested_in_a_cell_is_that_cell_s_content() {
        let nested = r#"<table:table-row><table:table-cell><table:table><table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-repeated="100"><text:p>x</text:p></table:table-cell></table:table-row></table:table></table:table-cell></table:table-row>"#;
        assert!(check(nested, 1).is_ok());
    }

    #[test]
    fn empty_repeats_span_nothing() {
        // LibreOffice's unused rest of a sheet, after two filled rows.
        let sheet = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>序号</text:p></table:table-cell><table:table-cell><text:p>任务</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1022"/></table:table-row>
            <table:table-row><table:table-cell office:value-type="float"/><table:table-cell><text:p>甲</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
        assert!(check(sheet, 4).is_ok());
        assert!(check(sheet, 3).is_err());
    }
}

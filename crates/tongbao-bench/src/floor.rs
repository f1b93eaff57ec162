//! The floor: the least work any reader of these files must do. Unzip the
//! main part (`word/document.xml`, or a workbook's first sheet) and stream it
//! once with quick-xml into one string per table cell. No structure, no
//! styles, no normalization, no output.

use std::io::Cursor;

use quick_xml::Reader;
use quick_xml::events::Event;
use zip::ZipArchive;

use crate::BenchError;
use crate::corpus::{DOCX_MAIN_PART, XLSX_FIRST_SHEET};
use crate::package::read_part;

/// The element that holds one cell and the element that holds its text.
struct CellMarkup {
    cell: &'static [u8],
    text: &'static [u8],
}

const WORD: CellMarkup = CellMarkup {
    cell: b"tc",
    text: b"t",
};
const SHEET: CellMarkup = CellMarkup {
    cell: b"c",
    text: b"t",
};

/// The text of every table cell in the package's main part, in order.
pub fn cell_texts(package: &[u8]) -> Result<Vec<String>, BenchError> {
    let archive = ZipArchive::new(Cursor::new(package))?;
    let has = |name: &str| archive.index_for_name(name).is_some();
    let (part, markup) = if has(DOCX_MAIN_PART) {
        (DOCX_MAIN_PART, WORD)
    } else if has(XLSX_FIRST_SHEET) {
        (XLSX_FIRST_SHEET, SHEET)
    } else {
        return Err(BenchError::MissingPart {
            part: format!("{DOCX_MAIN_PART} or {XLSX_FIRST_SHEET}"),
        });
    };
    let xml = read_part(package, part)?;
    stream_cells(&xml, &markup, part)
}

fn stream_cells(xml: &[u8], markup: &CellMarkup, part: &str) -> Result<Vec<String>, BenchError> {
    let error = |message: String| BenchError::Xml {
        part: part.to_owned(),
        message,
    };
    let mut reader = Reader::from_reader(xml);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(|e| error(e.to_string()))? {
            Event::Start(start) if start.local_name().as_ref() == markup.text => in_text = true,
            Event::End(end) if end.local_name().as_ref() == markup.text => in_text = false,
            Event::End(end) if end.local_name().as_ref() == markup.cell => {
                cells.push(std::mem::take(&mut cell));
            }
            Event::Empty(empty) if empty.local_name().as_ref() == markup.cell => {
                cells.push(String::new());
            }
            Event::Text(text) if in_text => {
                cell.push_str(&text.xml10_content().map_err(|e| error(e.to_string()))?);
            }
            Event::GeneralRef(reference) if in_text => {
                let resolved = reference
                    .resolve_char_ref()
                    .map_err(|e| error(e.to_string()))?;
                let named = match &*reference {
                    b"lt" => Some('<'),
                    b"gt" => Some('>'),
                    b"amp" => Some('&'),
                    b"apos" => Some('\''),
                    b"quot" => Some('"'),
                    _ => None,
                };
                cell.extend(resolved.or(named));
            }
            Event::Eof => return Ok(cells),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixture as fixture;

    #[test]
    fn reads_word_cells() {
        let cells = cell_texts(&fixture("bulletin-2019-08.docx")).unwrap();
        assert!(cells.len() >= 60 * 4, "{}", cells.len());
        assert!(cells.iter().any(|cell| cell.contains("市经信局")));
    }

    #[test]
    fn reads_sheet_cells_with_character_references() {
        let cells = cell_texts(&fixture("bulletin-2019-08.xlsx")).unwrap();
        assert_eq!(cells.len(), 61 * 5);
        assert_eq!(cells[5], "攻坚领域");
    }

    #[test]
    fn rejects_a_non_office_zip() {
        assert!(cell_texts(b"not a zip").is_err());
    }
}

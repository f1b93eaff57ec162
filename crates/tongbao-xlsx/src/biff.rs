//! A pre-flight walk over a legacy `.xls` workbook stream.
//!
//! calamine parses every sheet of an `.xls` when it opens the file, reserving
//! room for each sheet's declared dimensions and allocating the full bounding
//! box of its cells. A tiny hostile file can declare or scatter cells over
//! 65536 × 256 positions per sheet; an allocation that size can abort the
//! process, which `catch_unwind` cannot stop. So the boxes are measured here
//! first, from the raw BIFF records, against the cell limit.

use std::io::{Cursor, Read};

use tongbao_model::ReadLimits;

use crate::XlsxError;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const DIMENSIONS: u16 = 0x0200;
const MULRK: u16 = 0x00BD;
/// Records that start with the row and column of one cell.
const SINGLE_CELL_RECORDS: [u16; 8] = [
    0x0006, // FORMULA
    0x0203, // NUMBER
    0x0204, // LABEL
    0x00D6, // RSTRING
    0x0205, // BOOLERR
    0x027E, // RK
    0x00FD, // LABELSST
    0x0201, // BLANK
];

/// Fails when the sheets' declared or used bounding boxes, together, cover
/// more positions than `max_cells`. Streams it cannot find or walk are left
/// for calamine to report.
pub(crate) fn check_sheet_extents(bytes: &[u8], limits: &ReadLimits) -> Result<(), XlsxError> {
    let Some(stream) = workbook_stream(bytes, limits) else {
        return Ok(());
    };
    let too_many = || XlsxError::TooManyCells {
        limit: limits.max_cells,
    };
    let mut total: u64 = 0;
    let mut depth = 0usize;
    let mut extent = Extent::default();
    let mut rest = stream.as_slice();
    while let Some((kind, data, next)) = next_record(rest) {
        rest = next;
        match kind {
            BOF => {
                depth += 1;
            }
            EOF => {
                if depth == 1 {
                    total = total.saturating_add(extent.area());
                    extent = Extent::default();
                }
                depth = depth.saturating_sub(1);
            }
            DIMENSIONS if declared_area(data) > limits.max_cells as u64 => {
                return Err(too_many());
            }
            MULRK => {
                if let (Some(row), Some(first), Some(last)) = (
                    read_u16(data, 0),
                    read_u16(data, 2),
                    data.len().checked_sub(2).and_then(|at| read_u16(data, at)),
                ) {
                    extent.include(row, first);
                    extent.include(row, last);
                }
            }
            _ if SINGLE_CELL_RECORDS.contains(&kind) => {
                if let (Some(row), Some(col)) = (read_u16(data, 0), read_u16(data, 2)) {
                    extent.include(row, col);
                }
            }
            _ => {}
        }
        if total.saturating_add(extent.area()) > limits.max_cells as u64 {
            return Err(too_many());
        }
    }
    Ok(())
}

/// The `Workbook` (BIFF8) or `Book` (BIFF5) stream, read within the file limit.
fn workbook_stream(bytes: &[u8], limits: &ReadLimits) -> Option<Vec<u8>> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let name = ["Workbook", "Book"]
        .into_iter()
        .find(|name| file.is_stream(name))?;
    let mut stream = Vec::new();
    file.open_stream(name)
        .ok()?
        .take(limits.max_file_bytes)
        .read_to_end(&mut stream)
        .ok()?;
    Some(stream)
}

/// The bounding box of one sheet's cells.
#[derive(Default)]
struct Extent {
    rows: Option<(u16, u16)>,
    cols: Option<(u16, u16)>,
}

impl Extent {
    fn include(&mut self, row: u16, col: u16) {
        let widen = |range: Option<(u16, u16)>, at: u16| match range {
            Some((low, high)) => Some((low.min(at), high.max(at))),
            None => Some((at, at)),
        };
        self.rows = widen(self.rows, row);
        self.cols = widen(self.cols, col);
    }

    fn area(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((top, bottom)), Some((left, right))) => {
                (u64::from(bottom - top) + 1) * (u64::from(right - left) + 1)
            }
            _ => 0,
        }
    }
}

/// Positions a DIMENSIONS record makes calamine reserve room for (BIFF8:
/// 32-bit rows; BIFF5: 16-bit), worked out as calamine does: its row and
/// column counts are `last - first + 1` in wrapping 32-bit arithmetic, so a
/// first row after the last one declares some four billion rows. Lengths
/// calamine refuses reserve nothing.
fn declared_area(data: &[u8]) -> u64 {
    let fields = match data.len() {
        10 => (
            read_u16(data, 0).map(u32::from),
            read_u16(data, 2).map(u32::from),
            read_u16(data, 4).map(u32::from),
            read_u16(data, 6).map(u32::from),
        ),
        14 | 16 => (
            read_u32(data, 0),
            read_u32(data, 4),
            read_u16(data, 8).map(u32::from),
            read_u16(data, 10).map(u32::from),
        ),
        _ => return 0,
    };
    let (Some(first_row), Some(row_end), Some(first_col), Some(col_end)) = fields else {
        return 0;
    };
    // calamine's reading: a first column past 255 or past the end starts at 0,
    // and the ends are exclusive unless zero.
    let first_col = if first_col > 0xFF || col_end < first_col {
        0
    } else {
        first_col
    };
    let (last_row, last_col) = if row_end >= 1 && col_end >= 1 {
        (row_end - 1, col_end - 1)
    } else {
        (first_row, first_col)
    };
    let count = |first: u32, last: u32| u64::from(last.wrapping_sub(first).wrapping_add(1));
    count(first_row, last_row).saturating_mul(count(first_col, last_col))
}

/// Splits off one record: its type, its data and what follows.
fn next_record(bytes: &[u8]) -> Option<(u16, &[u8], &[u8])> {
    let kind = read_u16(bytes, 0)?;
    let len = usize::from(read_u16(bytes, 2)?);
    let data = bytes.get(4..4 + len)?;
    let rest = bytes.get(4 + len..)?;
    Some((kind, data, rest))
}

fn read_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let pair = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes(pair.try_into().ok()?))
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let quad = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(quad.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    fn number_at(row: u16, col: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend_from_slice(&col.to_le_bytes());
        data.extend_from_slice(&[0; 10]); // format index and the value
        record(0x0203, &data)
    }

    fn workbook(records: &[Vec<u8>]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        file.create_stream("Workbook")
            .unwrap()
            .write_all(&records.concat())
            .unwrap();
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    fn limits(max_cells: usize) -> ReadLimits {
        ReadLimits {
            max_cells,
            ..ReadLimits::default()
        }
    }

    #[test]
    fn far_apart_cells_exceed_the_cell_limit() {
        let bytes = workbook(&[
            record(BOF, &[0; 16]),
            number_at(0, 0),
            number_at(65_535, 255),
            record(EOF, &[]),
        ]);
        let error = check_sheet_extents(&bytes, &limits(2_000_000)).unwrap_err();
        assert!(
            matches!(error, XlsxError::TooManyCells { limit: 2_000_000 }),
            "{error:?}"
        );
    }

    #[test]
    fn huge_declared_dimensions_exceed_the_cell_limit() {
        let mut dimensions = 0u32.to_le_bytes().to_vec();
        dimensions.extend_from_slice(&1_000_000u32.to_le_bytes());
        dimensions.extend_from_slice(&[0, 0, 0, 1, 0, 0]); // columns 0..256
        let bytes = workbook(&[record(BOF, &[0; 16]), record(DIMENSIONS, &dimensions)]);
        assert!(check_sheet_extents(&bytes, &limits(2_000_000)).is_err());
    }

    #[test]
    fn dimensions_running_backwards_exceed_the_cell_limit() {
        // First row 5, end row 3: calamine counts 3 - 1 - 5 + 1 rows in
        // wrapping arithmetic, some four billion, and reserves for them.
        let mut dimensions = 5u32.to_le_bytes().to_vec();
        dimensions.extend_from_slice(&3u32.to_le_bytes());
        dimensions.extend_from_slice(&[0, 0, 5, 0, 0, 0]); // columns 0..5
        let bytes = workbook(&[record(BOF, &[0; 16]), record(DIMENSIONS, &dimensions)]);
        assert!(check_sheet_extents(&bytes, &limits(2_000_000)).is_err());
        // The same sheet declared forwards is small.
        let mut forwards = 3u32.to_le_bytes().to_vec();
        forwards.extend_from_slice(&5u32.to_le_bytes());
        forwards.extend_from_slice(&[0, 0, 5, 0, 0, 0]);
        let bytes = workbook(&[record(BOF, &[0; 16]), record(DIMENSIONS, &forwards)]);
        assert!(check_sheet_extents(&bytes, &limits(2_000_000)).is_ok());
    }

    #[test]
    fn boxes_add_up_across_sheets() {
        let sheet = [
            record(BOF, &[0; 16]),
            number_at(0, 0),
            number_at(9, 9),
            record(EOF, &[]),
        ];
        let bytes = workbook(&[sheet.concat(), sheet.concat()]);
        assert!(check_sheet_extents(&bytes, &limits(200)).is_ok());
        assert!(check_sheet_extents(&bytes, &limits(199)).is_err());
    }

    #[test]
    fn the_real_fixture_passes() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/bulletin-2019-08.xls"
        );
        let bytes = std::fs::read(path).unwrap();
        assert!(check_sheet_extents(&bytes, &limits(61 * 5)).is_ok());
        assert!(check_sheet_extents(&bytes, &limits(61 * 5 - 1)).is_err());
    }
}

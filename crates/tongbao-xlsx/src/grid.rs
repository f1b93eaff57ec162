//! A sheet's scattered cells and merged regions laid out as a neutral table.

use std::collections::{BTreeMap, BTreeSet};

use tongbao_model::{Cell, CellPos, Diagnostic, Paragraph, ReadLimits, Row, Table};

use crate::XlsxError;

/// A rectangle of merged cells, inclusive, in sheet coordinates (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct MergedRegion {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

impl MergedRegion {
    fn height(&self) -> usize {
        ((self.last_row - self.first_row) as usize).saturating_add(1)
    }

    fn width(&self) -> usize {
        ((self.last_col - self.first_col) as usize).saturating_add(1)
    }
}

/// One worksheet as read: non-empty values by `(row, col)` and its merges.
#[derive(Debug, Default)]
pub(crate) struct SheetCells {
    pub name: String,
    pub values: BTreeMap<(u32, u32), Vec<Paragraph>>,
    pub merges: Vec<MergedRegion>,
}

/// Rows and cells still allowed for the rest of the document.
pub(crate) struct Budget {
    limits: ReadLimits,
    rows: usize,
    cells: usize,
}

impl Budget {
    pub fn new(limits: &ReadLimits) -> Budget {
        Budget {
            limits: *limits,
            rows: 0,
            cells: 0,
        }
    }

    /// Counts `count` more cells; fails past `max_cells`.
    fn take_cells(&mut self, count: usize) -> Result<(), XlsxError> {
        self.cells = self.cells.saturating_add(count);
        if self.cells > self.limits.max_cells {
            return Err(XlsxError::TooManyCells {
                limit: self.limits.max_cells,
            });
        }
        Ok(())
    }

    fn take_rows(&mut self, count: usize) -> Result<(), XlsxError> {
        self.rows = self.rows.saturating_add(count);
        if self.rows > self.limits.max_rows {
            return Err(XlsxError::TooManyRows {
                limit: self.limits.max_rows,
            });
        }
        Ok(())
    }

    pub fn limits(&self) -> &ReadLimits {
        &self.limits
    }

    /// Fails when `pending` more cells would not fit in what is left; lets
    /// callers stop collecting before they hold more than the limit.
    pub fn ensure_room(&self, pending: usize) -> Result<(), XlsxError> {
        if self.cells.saturating_add(pending) > self.limits.max_cells {
            return Err(XlsxError::TooManyCells {
                limit: self.limits.max_cells,
            });
        }
        Ok(())
    }
}

/// Lays out a sheet: `None` when it holds no value and no merge.
///
/// Grid column 0 is column A. Rows holding nothing (no value, no merge) are
/// left out; every other row gets one cell per column from the sheet's first
/// used column to its last, except columns a merge covers horizontally.
pub(crate) fn layout(
    sheet: SheetCells,
    budget: &mut Budget,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<Table>, XlsxError> {
    let SheetCells {
        name,
        mut values,
        merges,
    } = sheet;
    let regions_by_row = place_merges(&name, merges, budget, diagnostics)?;

    let sheet_rows: BTreeSet<u32> = values
        .keys()
        .map(|&(row, _)| row)
        .chain(regions_by_row.keys().copied())
        .collect();
    let first_col = values
        .keys()
        .map(|&(_, col)| col)
        .chain(regions_by_row.values().flat_map(|row| row.keys().copied()))
        .min();
    let last_col = values
        .keys()
        .map(|&(_, col)| col)
        .chain(
            regions_by_row
                .values()
                .flat_map(|row| row.values().map(|region| region.last_col)),
        )
        .max();
    let (Some(first_col), Some(last_col)) = (first_col, last_col) else {
        return Ok(None);
    };
    budget.take_rows(sheet_rows.len())?;

    let row_index: BTreeMap<u32, usize> = sheet_rows
        .iter()
        .enumerate()
        .map(|(index, &row)| (row, index))
        .collect();
    let no_regions = BTreeMap::new();
    let mut rows = Vec::with_capacity(sheet_rows.len());
    for &sheet_row in &sheet_rows {
        let regions = regions_by_row.get(&sheet_row).unwrap_or(&no_regions);
        let mut cells = Vec::new();
        // u64 so that a column at u32::MAX cannot overflow the step.
        let mut col = u64::from(first_col);
        while col <= u64::from(last_col) {
            budget.take_cells(1)?;
            #[allow(clippy::cast_possible_truncation)] // col <= last_col: u32
            let col32 = col as u32;
            let grid_col = col32 as usize;
            match regions.get(&col32) {
                Some(region) if region.first_row == sheet_row => {
                    cells.push(Cell {
                        grid_col,
                        col_span: region.width(),
                        row_span: region.height(),
                        merged_from: None,
                        paragraphs: values.remove(&(sheet_row, col32)).unwrap_or_default(),
                    });
                    col = u64::from(region.last_col) + 1;
                }
                Some(region) => {
                    let origin_row = row_index.get(&region.first_row).copied().unwrap_or(0);
                    cells.push(Cell {
                        grid_col,
                        col_span: region.width(),
                        row_span: 1,
                        merged_from: Some(CellPos {
                            row: origin_row,
                            grid_col,
                        }),
                        paragraphs: Vec::new(),
                    });
                    col = u64::from(region.last_col) + 1;
                }
                None => {
                    let paragraphs = values.remove(&(sheet_row, col32)).unwrap_or_default();
                    cells.push(Cell::new(grid_col, paragraphs));
                    col += 1;
                }
            }
        }
        rows.push(Row {
            cells,
            repeats_as_header: false,
        });
    }
    Ok(Some(Table {
        name: Some(name),
        rows,
    }))
}

/// Merged regions by sheet row, then by first column. Single-cell and
/// inverted regions are ignored; a region overlapping one already placed is
/// dropped with a warning, since Excel itself refuses such files.
fn place_merges(
    sheet_name: &str,
    mut merges: Vec<MergedRegion>,
    budget: &Budget,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<BTreeMap<u32, BTreeMap<u32, MergedRegion>>, XlsxError> {
    merges.sort_unstable();
    merges.dedup();
    let mut regions_by_row: BTreeMap<u32, BTreeMap<u32, MergedRegion>> = BTreeMap::new();
    // Each row a region covers becomes a cell, so the rows covered bound the
    // work and memory here by the cell limit.
    let mut covered_rows = 0usize;
    for region in merges {
        let inverted = region.first_row > region.last_row || region.first_col > region.last_col;
        let single_cell =
            region.first_row == region.last_row && region.first_col == region.last_col;
        if inverted || single_cell {
            continue;
        }
        covered_rows = covered_rows.saturating_add(region.height());
        budget.ensure_room(covered_rows)?;
        let overlaps = (region.first_row..=region.last_row).any(|row| {
            regions_by_row
                .get(&row)
                .is_some_and(|placed| overlaps_any(placed, &region))
        });
        if overlaps {
            diagnostics.push(Diagnostic::warning(
                "overlapping-merge",
                format!(
                    "sheet {sheet_name:?}: merged region at row {} column {} overlaps another and was ignored",
                    u64::from(region.first_row) + 1,
                    u64::from(region.first_col) + 1
                ),
            ));
            continue;
        }
        for row in region.first_row..=region.last_row {
            regions_by_row
                .entry(row)
                .or_default()
                .insert(region.first_col, region);
        }
    }
    Ok(regions_by_row)
}

/// Whether `region` shares a column with any of a row's disjoint regions:
/// only the placed region starting last at or before `region`'s end can.
fn overlaps_any(placed: &BTreeMap<u32, MergedRegion>, region: &MergedRegion) -> bool {
    placed
        .range(..=region.last_col)
        .next_back()
        .is_some_and(|(_, other)| other.last_col >= region.first_col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(first_row: u32, first_col: u32, last_row: u32, last_col: u32) -> MergedRegion {
        MergedRegion {
            first_row,
            first_col,
            last_row,
            last_col,
        }
    }

    fn sheet(values: &[((u32, u32), &str)], merges: Vec<MergedRegion>) -> SheetCells {
        SheetCells {
            name: "S".into(),
            values: values
                .iter()
                .map(|&(pos, text)| (pos, vec![Paragraph::new(text)]))
                .collect(),
            merges,
        }
    }

    fn lay(
        sheet: SheetCells,
        limits: &ReadLimits,
    ) -> (Result<Option<Table>, XlsxError>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let result = layout(sheet, &mut Budget::new(limits), &mut diagnostics);
        (result, diagnostics)
    }

    #[test]
    fn blank_rows_are_left_out_and_columns_keep_their_letter() {
        let input = sheet(&[((2, 1), "B3"), ((5, 2), "C6")], Vec::new());
        let table = lay(input, &ReadLimits::default()).0.unwrap().unwrap();
        assert_eq!(table.rows.len(), 2);
        let first: Vec<(usize, String)> = table.rows[0]
            .cells
            .iter()
            .map(|c| (c.grid_col, c.text()))
            .collect();
        assert_eq!(first, [(1, "B3".to_owned()), (2, String::new())]);
        assert_eq!(table.rows[1].cells[1].text(), "C6");
    }

    #[test]
    fn region_spanning_rows_and_columns() {
        let input = sheet(
            &[((0, 0), "top"), ((0, 2), "right"), ((1, 2), "r2")],
            vec![region(0, 0, 1, 1)],
        );
        let table = lay(input, &ReadLimits::default()).0.unwrap().unwrap();
        let origin = &table.rows[0].cells[0];
        assert_eq!(
            (origin.grid_col, origin.col_span, origin.row_span),
            (0, 2, 2)
        );
        assert_eq!(origin.text(), "top");
        assert_eq!(table.rows[0].cells[1].grid_col, 2);
        let below = &table.rows[1].cells[0];
        assert_eq!((below.col_span, below.row_span), (2, 1));
        assert_eq!(
            below.merged_from,
            Some(CellPos {
                row: 0,
                grid_col: 0
            })
        );
        assert!(below.paragraphs.is_empty());
        assert_eq!(table.rows[1].cells[1].text(), "r2");
    }

    #[test]
    fn overlapping_region_is_dropped_with_a_warning() {
        let input = sheet(
            &[((0, 0), "a")],
            vec![region(0, 0, 2, 0), region(1, 0, 3, 1)],
        );
        let (result, diagnostics) = lay(input, &ReadLimits::default());
        let table = result.unwrap().unwrap();
        assert_eq!(table.rows[0].cells[0].row_span, 3);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "overlapping-merge");
    }

    #[test]
    fn sheet_without_values_or_merges_is_no_table() {
        assert!(
            lay(SheetCells::default(), &ReadLimits::default())
                .0
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn huge_merge_hits_the_cell_limit_before_any_work() {
        let limits = ReadLimits {
            max_cells: 1000,
            ..ReadLimits::default()
        };
        let input = sheet(&[], vec![region(0, 0, u32::MAX, 0)]);
        let error = lay(input, &limits).0.unwrap_err();
        assert!(
            matches!(error, XlsxError::TooManyCells { limit: 1000 }),
            "{error:?}"
        );
    }

    #[test]
    fn far_apart_values_hit_the_cell_limit() {
        let limits = ReadLimits {
            max_cells: 1000,
            ..ReadLimits::default()
        };
        let input = sheet(&[((0, 0), "a"), ((0, u32::MAX), "z")], Vec::new());
        let error = lay(input, &limits).0.unwrap_err();
        assert!(
            matches!(error, XlsxError::TooManyCells { limit: 1000 }),
            "{error:?}"
        );
    }

    #[test]
    fn row_limit() {
        let limits = ReadLimits {
            max_rows: 2,
            ..ReadLimits::default()
        };
        let input = sheet(&[((0, 0), "a"), ((1, 0), "b"), ((9, 0), "c")], Vec::new());
        let error = lay(input, &limits).0.unwrap_err();
        assert!(
            matches!(error, XlsxError::TooManyRows { limit: 2 }),
            "{error:?}"
        );
    }
}

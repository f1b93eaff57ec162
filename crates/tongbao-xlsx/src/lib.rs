//! Reads Excel and OpenDocument workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`)
//! into tongbao's neutral [`Document`]: one [`Table`](tongbao_model::Table)
//! per non-empty visible worksheet, in workbook order, named after the sheet
//! (hidden sheets are left out with a `hidden-sheet-skipped` note, unless
//! no sheet is visible).
//!
//! Layout rules, shared with the Word reader so the parser sees one shape:
//! - grid column 0 is column A; cells start at the sheet's first used column;
//! - rows with no value and no merged region are left out;
//! - a merged region's value sits in its top-left cell, which gets the
//!   region's `col_span` and `row_span`; each row below gets a cell at the
//!   same column with `merged_from` pointing back at it and no paragraphs;
//! - a cell's text is split into one paragraph per line (`\n`, `\r\n`, `\r`,
//!   `_x000D_`); numbers read as Excel shows them (`1`, `0.25`), dates as
//!   `YYYY-MM-DD`, error values as empty.
//!
//! OpenDocument merges are not exposed by calamine, so `.ods` cells never
//! span. Zip-based workbooks are checked against the [`ReadLimits`] by
//! `tongbao-package` before anything is inflated.
//!
//! ```no_run
//! use tongbao_model::ReadLimits;
//! use tongbao_xlsx::{WorkbookKind, read_workbook};
//!
//! let bytes = std::fs::read("bulletin.xlsx")?;
//! let document = read_workbook(&bytes, WorkbookKind::Xlsx, &ReadLimits::default())?;
//! for table in document.tables() {
//!     println!("{:?}: {} rows", table.name, table.rows.len());
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod biff;
mod grid;
mod merges;
mod ods;
mod sheets;
mod values;

use std::panic::{AssertUnwindSafe, catch_unwind};

use tongbao_model::{Block, Diagnostic, Document, Properties, ReadLimits, SourceFormat};
use tongbao_package::{Package, PackageError};

use crate::grid::{Budget, layout};

/// The workbook container to read the bytes as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkbookKind {
    /// Office Open XML workbook.
    Xlsx,
    /// Office Open XML workbook with macros (read like `Xlsx`).
    Xlsm,
    /// Legacy Excel 97-2003 (BIFF8) workbook.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
}

impl WorkbookKind {
    /// The [`SourceFormat`] a document of this kind reports.
    pub fn source_format(self) -> SourceFormat {
        match self {
            WorkbookKind::Xlsx => SourceFormat::Xlsx,
            WorkbookKind::Xlsm => SourceFormat::Xlsm,
            WorkbookKind::Xls => SourceFormat::Xls,
            WorkbookKind::Ods => SourceFormat::Ods,
        }
    }

    fn is_zip(self) -> bool {
        !matches!(self, WorkbookKind::Xls)
    }
}

/// Why a workbook could not be read.
#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    /// The zip package failed its checks (corrupt, over a size limit).
    #[error(transparent)]
    Package(#[from] PackageError),
    /// The workbook is encrypted or protected by a password.
    #[error("encrypted or password-protected workbook")]
    Encrypted,
    /// The workbook's structure could not be read.
    #[error("malformed workbook ({0})")]
    Malformed(String),
    /// The sheets hold more rows than `ReadLimits::max_rows`.
    #[error("more than {limit} table rows")]
    TooManyRows { limit: usize },
    /// The sheets hold more cells than `ReadLimits::max_cells`.
    #[error("more than {limit} table cells")]
    TooManyCells { limit: usize },
}

/// Reads a workbook's worksheets as tables. See the crate docs for the layout.
pub fn read_workbook(
    bytes: &[u8],
    kind: WorkbookKind,
    limits: &ReadLimits,
) -> Result<Document, XlsxError> {
    let mut diagnostics = Vec::new();
    let (mut properties, stored_copy) = if kind.is_zip() {
        let (properties, copy) = verified_package(bytes, limits, &mut diagnostics)?;
        (properties, Some(copy))
    } else {
        (Properties::default(), None)
    };
    let workbook_bytes = stored_copy.as_deref().unwrap_or(bytes);
    let mut budget = Budget::new(limits);
    // calamine is not hardened against hostile input; a panic inside it must
    // end as an error for this file, not take the caller down.
    let workbook = catch_unwind(AssertUnwindSafe(|| {
        sheets::read_sheets(workbook_bytes, kind, &budget)
    }))
    .map_err(|_| XlsxError::Malformed("the workbook reader failed on this input".into()))??;
    if let Some(legacy_properties) = workbook.properties {
        properties = legacy_properties;
    }
    for name in &workbook.hidden_sheets {
        diagnostics.push(Diagnostic::info(
            "hidden-sheet-skipped",
            format!("sheet {name:?} is hidden and was not read"),
        ));
    }

    let mut blocks = Vec::new();
    for sheet in workbook.sheets {
        if let Some(table) = layout(sheet, &mut budget, &mut diagnostics)? {
            blocks.push(Block::Table(table));
        }
    }
    Ok(Document {
        format: kind.source_format(),
        blocks,
        properties,
        diagnostics,
    })
}

/// Verifies the whole zip package within the limits before calamine sees
/// it, then reads its core properties. Returns the package re-written with
/// stored entries, inflated here once under the limits, so calamine only
/// copies. Properties are decoration: an unreadable `docProps/core.xml`
/// costs a warning, not the tables.
fn verified_package(
    bytes: &[u8],
    limits: &ReadLimits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(Properties, Vec<u8>), XlsxError> {
    let mut package = Package::open(bytes, limits)?;
    let stored_copy = package.verified_stored_copy()?;
    let properties = package.core_properties().unwrap_or_else(|error| {
        diagnostics.push(Diagnostic::warning(
            "unreadable-properties",
            format!("document properties not read: {error}"),
        ));
        Properties::default()
    });
    Ok((properties, stored_copy))
}

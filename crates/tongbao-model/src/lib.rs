//! The types every tongbao stage shares.
//!
//! Data flows one way: a file is read by a format reader into the **neutral
//! document model** ([`Document`], [`Table`], [`Cell`]); the parser turns that
//! into a [`Bulletin`]; the normalizer fills the typed [`DateExpr`] and
//! [`Figure`] fields; the exporter writes it out. Word and Excel meet at
//! [`Document`]: nothing after the reader knows which format a bulletin came
//! from, except the informational [`Source::format`].
//!
//! ```
//! use tongbao_model::{Cell, Paragraph, Row, Table};
//!
//! let table = Table {
//!     name: None,
//!     rows: vec![Row {
//!         cells: vec![Cell::new(0, vec![Paragraph::new("攻坚领域")])],
//!         repeats_as_header: true,
//!     }],
//! };
//! assert_eq!(table.rows[0].cells[0].text(), "攻坚领域");
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod bulletin;
mod date;
mod diagnostic;
mod document;
mod limits;

pub use bulletin::*;
pub use date::{CalendarDate, DateParseError, days_in_month};
pub use diagnostic::{Diagnostic, Severity};
pub use document::*;
pub use limits::ReadLimits;

/// Version of the JSON document layout written by the exporter.
pub const SCHEMA_VERSION: &str = "1";

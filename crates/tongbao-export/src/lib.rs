//! Writes bulletins out: one JSON document per bulletin, flat rows for BI
//! tools (NDJSON and CSV, one row per task), a long table of every date and
//! figure, and the JSON Schemas describing each.
//!
//! The output is deterministic: the same bulletin always gives the same bytes.
//!
//! ```
//! use tongbao_export::{Exporter, Format};
//! # fn bulletin() -> tongbao_model::Bulletin { serde_json::from_str(include_str!("../tests/minimal.json")).unwrap() }
//! let mut out = Vec::new();
//! let mut exporter = Exporter::new(Format::Ndjson, &mut out);
//! exporter.write(&bulletin())?;
//! exporter.finish()?;
//! let line = String::from_utf8(out).unwrap();
//! assert!(line.starts_with(r#"{"source_file":"minimal.docx""#));
//! # Ok::<(), tongbao_export::ExportError>(())
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod pretty;
mod rows;
mod schema;

use std::io::Write;

use serde::Serialize;
use tongbao_model::Bulletin;

pub use rows::{FigureRow, TaskRow, figure_rows, task_rows};
pub use schema::{SchemaFile, schema_files};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One pretty-printed JSON document per bulletin.
    Json,
    /// One JSON object per task, per line.
    Ndjson,
    /// The NDJSON rows as CSV: UTF-8 with BOM, lists joined.
    Csv,
    /// One JSON object per date or figure, per line.
    Figures,
}

impl Format {
    /// The file extension for outputs in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
            Format::Figures => "figures.ndjson",
        }
    }
}

/// Writing failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot serialize output: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// Writes one or more bulletins to one output in one format. Flat formats
/// write their header (CSV) once, however many bulletins follow.
pub struct Exporter<W: Write> {
    format: Format,
    out: W,
    csv_header_written: bool,
}

impl<W: Write> Exporter<W> {
    pub fn new(format: Format, out: W) -> Exporter<W> {
        Exporter {
            format,
            out,
            csv_header_written: false,
        }
    }

    /// Appends one bulletin.
    pub fn write(&mut self, bulletin: &Bulletin) -> Result<(), ExportError> {
        match self.format {
            Format::Json => {
                pretty::to_writer(&mut self.out, bulletin)?;
                self.out.write_all(b"\n")?;
            }
            Format::Ndjson => write_lines(&mut self.out, &task_rows(bulletin))?,
            Format::Figures => write_lines(&mut self.out, &figure_rows(bulletin))?,
            Format::Csv => {
                let rows = task_rows(bulletin);
                self.write_csv(&rows)?;
            }
        }
        Ok(())
    }

    /// Flushes and returns the writer.
    pub fn finish(mut self) -> Result<W, ExportError> {
        if self.format == Format::Csv && !self.csv_header_written {
            // An empty batch still gives a CSV with its header.
            self.write_csv(&[])?;
        }
        self.out.flush()?;
        Ok(self.out)
    }

    fn write_csv(&mut self, rows: &[TaskRow]) -> Result<(), ExportError> {
        if !self.csv_header_written {
            // The BOM makes Excel and WPS open the file as UTF-8.
            self.out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(&mut self.out);
        if !self.csv_header_written {
            writer.write_record(TaskRow::COLUMNS)?;
            self.csv_header_written = true;
        }
        for row in rows {
            writer.write_record(row.csv_record())?;
        }
        writer.flush()?;
        Ok(())
    }
}

/// Serializes a bulletin as the pretty JSON `convert` writes.
pub fn to_json(bulletin: &Bulletin) -> Result<String, ExportError> {
    let mut bytes = Vec::new();
    pretty::to_writer(&mut bytes, bulletin)?;
    bytes.push(b'\n');
    // serde_json writes only valid UTF-8.
    String::from_utf8(bytes).map_err(|error| ExportError::Io(std::io::Error::other(error)))
}

fn write_lines<T: Serialize>(out: &mut impl Write, rows: &[T]) -> Result<(), ExportError> {
    for row in rows {
        serde_json::to_writer(&mut *out, row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

//! Benchmark support for tongbao: a deterministic corpus generator, the
//! "floor" (the least any reader must do: unzip the main part and stream it
//! once into cell texts), and the per-stage timer the `stages` binary uses.
//!
//! The binaries `corpus`, `floor` and `stages` are driven by
//! `scripts/bench.sh` (`make bench`); the criterion benches in `benches/`
//! time the reader, parser, normalizer and exporter on the fixture.
//!
//! ```no_run
//! use tongbao_bench::{corpus::Variant, floor};
//!
//! let fixture = std::fs::read("fixtures/bulletin-2019-08.docx")?;
//! let variant = Variant { seed: 7, shuffle_rows: true, extra_rows: 20, lengthen: 2 };
//! let bytes = tongbao_bench::corpus::docx_variant(&fixture, &variant)?;
//! let cells = floor::cell_texts(&bytes)?;
//! assert!(cells.len() > 300);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod corpus;
pub mod floor;
pub mod package;
pub mod stages;

/// A file from the repository's fixtures folder, for the unit tests.
#[cfg(test)]
fn test_fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Why a benchmark input could not be made or read.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("zip package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    #[error("{part} is not UTF-8")]
    NotUtf8 { part: String },
    #[error("the package has no {part}")]
    MissingPart { part: String },
    #[error("{part} has no table rows to rewrite")]
    NoRows { part: String },
    #[error("malformed XML in {part}: {message}")]
    Xml { part: String, message: String },
}

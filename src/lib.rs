//! tongbao turns 销号 bulletins (督查通报) from Word or Excel into typed data.
//!
//! This crate is the pipeline's front door: it wires the stages together in
//! the one direction data flows,
//!
//! ```text
//! file → tongbao-read (docx | xlsx | xls | ods) → neutral Document
//!      → tongbao-parse → Bulletin → tongbao-normalize → Bulletin with dates and figures
//! ```
//!
//! and names the file in every error. Writing the result out is
//! `tongbao-export`'s job.
//!
//! ```no_run
//! let bulletin = tongbao::convert_path(
//!     std::path::Path::new("fixtures/bulletin-2019-08.docx"),
//!     &tongbao::Options::default(),
//! )?;
//! assert_eq!(bulletin.tasks.len(), 59);
//! # Ok::<(), tongbao::Error>(())
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

pub use tongbao_model as model;
use tongbao_model::{Bulletin, ReadLimits, Source};
use tongbao_read::{ReadError, ReadOutput};

/// How to convert.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Resource limits for reading untrusted files.
    pub limits: ReadLimits,
    /// The year month-day expressions belong to, when the document does not say.
    pub year: Option<i32>,
}

/// Why a file could not be converted. `Display` names the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read as an Office document.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The document was read but holds no bulletin tongbao can recover.
    #[error("{file}: {source}")]
    Parse {
        file: String,
        #[source]
        source: tongbao_parse::ParseError,
    },
}

/// Reads, parses and normalizes one bulletin file.
pub fn convert_path(path: &Path, options: &Options) -> Result<Bulletin, Error> {
    let output = tongbao_read::read_path(path, &options.limits)?;
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    finish(file_name, output, options)
}

/// Like [`convert_path`], for bytes already in memory. `file_name` is used in
/// messages and in `source.file`.
pub fn convert_bytes(file_name: &str, bytes: &[u8], options: &Options) -> Result<Bulletin, Error> {
    let output = tongbao_read::read_bytes(file_name, bytes, &options.limits)?;
    finish(file_name.to_owned(), output, options)
}

fn finish(file: String, output: ReadOutput, options: &Options) -> Result<Bulletin, Error> {
    let ReadOutput {
        document,
        sha256,
        format,
    } = output;
    let source = Source {
        file: file.clone(),
        format,
        sha256,
        sheet: None,
        created: document.properties.created.clone(),
        modified: document.properties.modified.clone(),
    };
    let mut bulletin =
        tongbao_parse::parse(&document, source).map_err(|source| Error::Parse { file, source })?;
    tongbao_normalize::normalize(
        &mut bulletin,
        &tongbao_normalize::Options { year: options.year },
    );
    Ok(bulletin)
}

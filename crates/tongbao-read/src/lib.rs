//! One entry point for every supported file: bytes (or a path) in, a neutral
//! [`Document`] out, with the container format told from the bytes rather
//! than the file name.
//!
//! - zip packages: `word/document.xml` → Word (`tongbao-docx`);
//!   `xl/workbook.xml` → Excel (`.xlsm` when it carries macros);
//!   an OpenDocument spreadsheet `mimetype` → `.ods` (`tongbao-xlsx`);
//! - OLE2 compound files: a `Workbook`/`Book` stream → `.xls`; encrypted
//!   packages, legacy Word `.doc` and WPS `.wps` are refused with a reason;
//! - anything else is refused as not an Office document.
//!
//! A name whose extension disagrees with the content (a workbook saved as
//! `.docx`) is read as what it is, with an `extension-mismatch` warning.
//!
//! ```no_run
//! use std::path::Path;
//! use tongbao_model::ReadLimits;
//!
//! match tongbao_read::read_path(Path::new("bulletin.docx"), &ReadLimits::default()) {
//!     Ok(output) => println!("{} {} tables", output.format, output.document.tables().count()),
//!     Err(error) => eprintln!("{error}"), // e.g. "bulletin.docx: not an Office document"
//! }
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod detect;

use std::fmt;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};
use tongbao_docx::DocxError;
use tongbao_model::{Diagnostic, Document, ReadLimits, SourceFormat};
use tongbao_package::PackageError;
use tongbao_xlsx::{WorkbookKind, XlsxError};

/// A document read from a file, with what identifies the file.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOutput {
    pub document: Document,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// The container format detected from the bytes.
    pub format: SourceFormat,
}

/// A file that could not be read: which file, and why.
#[derive(Debug)]
pub struct ReadError {
    /// The file name as given (no directories for [`read_path`]).
    pub file: String,
    pub kind: ReadErrorKind,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.kind)?;
        if let ReadErrorKind::Unsupported(format) = &self.kind {
            write!(
                f,
                "; convert it with: soffice --headless --convert-to {} {}",
                format.convert_to(),
                shell_quoted(&self.file)
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ReadErrorKind::Io(error) => Some(error),
            _ => None,
        }
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    #[error("file is empty")]
    Empty,
    #[error("cannot read file ({0})")]
    Io(#[from] std::io::Error),
    /// Over a [`ReadLimits`] bound: file size, entries, inflated bytes, rows, cells.
    #[error("size limit exceeded ({0})")]
    LimitExceeded(String),
    #[error("not an Office document")]
    NotOffice,
    /// The package says it is Word or Excel but its main part is missing.
    #[error("{application} package has no {part}")]
    MissingPart {
        application: &'static str,
        part: &'static str,
    },
    #[error("encrypted or password-protected document")]
    Encrypted,
    /// A format recognised but not read; the message says how to convert it.
    #[error("{} is not supported", .0.description())]
    Unsupported(LegacyFormat),
    /// The container is damaged: bad zip structure, CRC mismatch, cut short.
    #[error("truncated or corrupt package ({0})")]
    Corrupt(String),
    /// The container is sound but its content could not be understood.
    #[error("malformed document ({0})")]
    Malformed(String),
}

/// Formats recognised only to be refused with a conversion hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyFormat {
    /// Word 97-2003 binary `.doc`.
    Doc,
    /// Kingsoft WPS Writer `.wps`.
    Wps,
}

impl LegacyFormat {
    fn description(self) -> &'static str {
        match self {
            LegacyFormat::Doc => "legacy Word .doc",
            LegacyFormat::Wps => "WPS .wps",
        }
    }

    /// The LibreOffice target format that tongbao reads.
    fn convert_to(self) -> &'static str {
        "docx"
    }
}

/// Reads a file, refusing it before loading when it exceeds `max_file_bytes`.
pub fn read_path(path: &Path, limits: &ReadLimits) -> Result<ReadOutput, ReadError> {
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let fail = |kind| ReadError {
        file: file_name.clone(),
        kind,
    };
    let file = std::fs::File::open(path).map_err(|error| fail(error.into()))?;
    let size = file.metadata().map_err(|error| fail(error.into()))?.len();
    check_size(size, limits).map_err(fail)?;
    let mut bytes = Vec::new();
    // The file may grow after the metadata check: never read past the limit.
    file.take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| fail(error.into()))?;
    read_bytes(&file_name, &bytes, limits)
}

/// Reads a file's bytes; `file_name` names it in errors and decides only
/// whether an extension mismatch is reported.
pub fn read_bytes(
    file_name: &str,
    bytes: &[u8],
    limits: &ReadLimits,
) -> Result<ReadOutput, ReadError> {
    read_checked(file_name, bytes, limits).map_err(|kind| ReadError {
        file: file_name.to_owned(),
        kind,
    })
}

fn read_checked(
    file_name: &str,
    bytes: &[u8],
    limits: &ReadLimits,
) -> Result<ReadOutput, ReadErrorKind> {
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX), limits)?;
    let extension = extension_of(file_name);
    let format = detect::detect(bytes, &extension, limits)?;
    let mut document = match format {
        SourceFormat::Docx => read_word(bytes, limits)?,
        SourceFormat::Xlsx => read_excel(bytes, WorkbookKind::Xlsx, limits)?,
        SourceFormat::Xlsm => read_excel(bytes, WorkbookKind::Xlsm, limits)?,
        SourceFormat::Xls => read_excel(bytes, WorkbookKind::Xls, limits)?,
        SourceFormat::Ods => read_excel(bytes, WorkbookKind::Ods, limits)?,
    };
    if !extension_fits(format, &extension) {
        document.diagnostics.push(Diagnostic::warning(
            "extension-mismatch",
            format!(
                "the file name ends in .{extension} but the content is {}; read as {format}",
                format_description(format)
            ),
        ));
    }
    Ok(ReadOutput {
        document,
        sha256: sha256_hex(bytes),
        format,
    })
}

fn check_size(size: u64, limits: &ReadLimits) -> Result<(), ReadErrorKind> {
    if size == 0 {
        return Err(ReadErrorKind::Empty);
    }
    if size > limits.max_file_bytes {
        return Err(ReadErrorKind::LimitExceeded(format!(
            "file is {size} bytes, limit {}",
            limits.max_file_bytes
        )));
    }
    Ok(())
}

fn read_word(bytes: &[u8], limits: &ReadLimits) -> Result<Document, ReadErrorKind> {
    // The Word reader inflates only the parts it needs, each under the
    // package limits; its package errors read like a workbook's.
    tongbao_docx::read_docx(bytes, limits).map_err(|error| match error {
        DocxError::Package(error) => package_error(error),
        limit @ (DocxError::TooManyRows { .. }
        | DocxError::TooManyCells { .. }
        | DocxError::TooManyParagraphs { .. }) => ReadErrorKind::LimitExceeded(limit.to_string()),
        other => ReadErrorKind::Malformed(other.to_string()),
    })
}

fn read_excel(
    bytes: &[u8],
    kind: WorkbookKind,
    limits: &ReadLimits,
) -> Result<Document, ReadErrorKind> {
    tongbao_xlsx::read_workbook(bytes, kind, limits).map_err(|error| match error {
        XlsxError::Package(error) => package_error(error),
        XlsxError::Encrypted => ReadErrorKind::Encrypted,
        XlsxError::Malformed(detail) => ReadErrorKind::Malformed(detail),
        limit @ (XlsxError::TooManyRows { .. } | XlsxError::TooManyCells { .. }) => {
            ReadErrorKind::LimitExceeded(limit.to_string())
        }
    })
}

/// Sorts package failures into limit, corruption and content errors.
pub(crate) fn package_error(error: PackageError) -> ReadErrorKind {
    match error {
        PackageError::FileTooLarge { .. }
        | PackageError::TooManyEntries { .. }
        | PackageError::PartTooLarge { .. }
        | PackageError::TotalTooLarge { .. }
        | PackageError::CompressionRatio { .. } => ReadErrorKind::LimitExceeded(error.to_string()),
        PackageError::NotZip { detail } => ReadErrorKind::Corrupt(detail),
        PackageError::Corrupt { part, detail } => {
            // The zip crate words a CRC failure as an "invalid checksum".
            let detail = if detail.to_ascii_lowercase().contains("checksum") {
                "CRC mismatch".to_owned()
            } else {
                detail
            };
            ReadErrorKind::Corrupt(format!("{part}: {detail}"))
        }
        PackageError::Unsupported { .. } | PackageError::Rewrite { .. } | PackageError::Xml(_) => {
            ReadErrorKind::Malformed(error.to_string())
        }
    }
}

/// The lowercase extension without its dot; empty when there is none.
fn extension_of(file_name: &str) -> String {
    Path::new(file_name)
        .extension()
        .map(|extension| extension.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Whether a name's extension is one a file of `format` is saved under. No
/// extension is no claim, so it fits anything.
fn extension_fits(format: SourceFormat, extension: &str) -> bool {
    let usual: &[&str] = match format {
        // WPS saves Word-format documents and BIFF8 workbooks as .wps/.et too.
        SourceFormat::Docx => &["docx", "docm", "dotx", "dotm", "wps"],
        SourceFormat::Xlsx | SourceFormat::Xlsm => &["xlsx", "xlsm", "xltx", "xltm", "et"],
        SourceFormat::Xls => &["xls", "xlt", "et", "ett"],
        SourceFormat::Ods => &["ods", "ots"],
    };
    extension.is_empty() || usual.contains(&extension)
}

fn format_description(format: SourceFormat) -> &'static str {
    match format {
        SourceFormat::Docx => "a Word document",
        SourceFormat::Xlsx => "an Excel workbook",
        SourceFormat::Xlsm => "a macro-enabled Excel workbook",
        SourceFormat::Xls => "a legacy Excel workbook",
        SourceFormat::Ods => "an OpenDocument spreadsheet",
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The name as a POSIX shell word: bare when it is plainly safe.
fn shell_quoted(name: &str) -> String {
    let plain = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | '+'));
    if plain && !name.is_empty() {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', r"'\''"))
    }
}

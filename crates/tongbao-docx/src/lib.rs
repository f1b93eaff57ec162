//! Reads Word `.docx` bulletins into tongbao's neutral [`Document`].
//!
//! One streaming pass over `word/document.xml` (no DOM), with
//! `word/styles.xml` and `word/numbering.xml` read first so that
//! auto-numbered paragraphs get the label Word shows. Tables keep their grid:
//! horizontal spans, `gridBefore` offsets and vertical merges resolved to
//! `row_span`/`merged_from`. Text is what Word displays: inserted revisions
//! and field results count, deleted text, rows deleted as tracked changes,
//! hidden text (`w:vanish` on a run), the placeholder of an empty content
//! control and field instructions do not.
//! Nested tables are flattened into their cell, unless the outer table only
//! frames the page (one cell per row, holding tables): then its paragraphs
//! and tables are the document's. Text boxes follow the paragraph that
//! anchors them. Every size is bounded by [`ReadLimits`].
//!
//! ```no_run
//! use tongbao_model::ReadLimits;
//!
//! let bytes = std::fs::read("fixtures/bulletin-2019-08.docx").unwrap();
//! let document = tongbao_docx::read_docx(&bytes, &ReadLimits::default()).unwrap();
//! for table in document.tables() {
//!     for row in &table.rows {
//!         let texts: Vec<String> = row.cells.iter().map(|cell| cell.text()).collect();
//!         println!("{}", texts.join(" | "));
//!     }
//! }
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod body;
mod markup;
mod number_format;
mod numbering;
mod styles;
mod symbols;
mod values;

use tongbao_model::{Diagnostic, Document, Properties, ReadLimits, SourceFormat};
use tongbao_package::{Package, PackageError, XmlError};

use crate::numbering::{ListCounters, Numbering};
use crate::styles::{Styles, StylesUsed};

const DOCUMENT_PART: &str = "word/document.xml";
const STYLES_PART: &str = "word/styles.xml";
const NUMBERING_PART: &str = "word/numbering.xml";

/// Why a Word document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error(transparent)]
    Package(#[from] PackageError),
    #[error("the package has no {part}; it is not a Word document")]
    MissingPart { part: &'static str },
    #[error(transparent)]
    Xml(#[from] XmlError),
    #[error("{part} has more than {limit} table rows")]
    TooManyRows { part: &'static str, limit: usize },
    #[error("{part} has more than {limit} table cells")]
    TooManyCells { part: &'static str, limit: usize },
    /// Paragraphs are bounded by the cell limit, `max_cells`.
    #[error("{part} has more than {limit} paragraphs")]
    TooManyParagraphs { part: &'static str, limit: usize },
}

/// Reads a `.docx` file's bytes into a [`Document`] (`format` = `Docx`).
pub fn read_docx(bytes: &[u8], limits: &ReadLimits) -> Result<Document, DocxError> {
    let mut package = Package::open(bytes, limits)?;
    let document_xml = package
        .read_part(DOCUMENT_PART)?
        .ok_or(DocxError::MissingPart {
            part: DOCUMENT_PART,
        })?;
    // The element's local name is written out in any prefix: without these
    // bytes no paragraph names a style.
    let styles_used = if memchr::memmem::find(&document_xml, b"pStyle").is_some() {
        StylesUsed::Named
    } else {
        StylesUsed::DefaultOnly
    };
    let styles = match package.read_part(STYLES_PART)? {
        Some(xml) => Styles::parse(&xml, STYLES_PART, limits, styles_used)?,
        None => Styles::default(),
    };
    let numbering = match package.read_part(NUMBERING_PART)? {
        Some(xml) => Numbering::parse(&xml, NUMBERING_PART, limits)?,
        None => Numbering::default(),
    };
    let mut diagnostics = Vec::new();
    // Unreadable metadata should not cost the bulletin itself.
    let properties = match package.core_properties() {
        Ok(properties) => properties,
        Err(PackageError::Xml(error)) => {
            diagnostics.push(Diagnostic::warning(
                "properties-unreadable",
                format!("document properties were not read: {error}"),
            ));
            Properties::default()
        }
        Err(other) => return Err(other.into()),
    };
    let body = body::read_body(
        &document_xml,
        DOCUMENT_PART,
        limits,
        &styles,
        ListCounters::new(&numbering),
    )?;
    if body.skipped_alt_chunks > 0 {
        diagnostics.push(Diagnostic::warning(
            "embedded-content-skipped",
            format!(
                "{} embedded document chunk(s) (w:altChunk) were not read",
                body.skipped_alt_chunks
            ),
        ));
    }
    Ok(Document {
        format: SourceFormat::Docx,
        blocks: body.blocks,
        properties,
        diagnostics,
    })
}

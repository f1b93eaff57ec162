//! What a file is, told from its bytes.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use tongbao_model::{ReadLimits, SourceFormat};
use tongbao_package::Package;

use crate::{LegacyFormat, ReadErrorKind, package_error};

const ZIP_LOCAL_HEADER: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY_ARCHIVE: &[u8] = b"PK\x05\x06";
const CFB_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

const WORD_MAIN_PART: &str = "word/document.xml";
const WORKBOOK_PART: &str = "xl/workbook.xml";
const CONTENT_TYPES_PART: &str = "[Content_Types].xml";
const PACKAGE_RELATIONSHIPS_PART: &str = "_rels/.rels";

/// Detects the container format. `extension` (lowercase, no dot) only
/// chooses how an unsupported legacy format is named in the error.
pub(crate) fn detect(
    bytes: &[u8],
    extension: &str,
    limits: &ReadLimits,
) -> Result<SourceFormat, ReadErrorKind> {
    if bytes.starts_with(ZIP_LOCAL_HEADER) || bytes.starts_with(ZIP_EMPTY_ARCHIVE) {
        detect_zip(bytes, limits)
    } else if bytes.starts_with(CFB_SIGNATURE) {
        detect_compound_file(bytes, extension)
    } else {
        Err(ReadErrorKind::NotOffice)
    }
}

/// Names the package by its parts, listing the central directory only.
fn detect_zip(bytes: &[u8], limits: &ReadLimits) -> Result<SourceFormat, ReadErrorKind> {
    let mut package = Package::open(bytes, limits).map_err(package_error)?;
    if package.has_part(WORD_MAIN_PART) {
        return Ok(SourceFormat::Docx);
    }
    if package.has_part(WORKBOOK_PART) {
        let macros = package.has_part("xl/vbaProject.bin")
            || part_mentions(&mut package, CONTENT_TYPES_PART, "macroenabled")?;
        return Ok(if macros {
            SourceFormat::Xlsm
        } else {
            SourceFormat::Xlsx
        });
    }
    if part_mentions(&mut package, "mimetype", "opendocument.spreadsheet")? {
        return Ok(SourceFormat::Ods);
    }
    // A package that declares itself Word or Excel but lacks its main part
    // was damaged (or hand-made); say what is missing rather than shrug.
    for part in [CONTENT_TYPES_PART, PACKAGE_RELATIONSHIPS_PART] {
        if part_mentions(&mut package, part, "wordprocessingml")? {
            return Err(ReadErrorKind::MissingPart {
                application: "Word",
                part: WORD_MAIN_PART,
            });
        }
        if part_mentions(&mut package, part, "spreadsheetml")? {
            return Err(ReadErrorKind::MissingPart {
                application: "Excel",
                part: WORKBOOK_PART,
            });
        }
    }
    Err(ReadErrorKind::NotOffice)
}

/// Whether a (small, limit-checked) part contains `needle`, ignoring ASCII case.
fn part_mentions(
    package: &mut Package<'_>,
    part: &str,
    needle: &str,
) -> Result<bool, ReadErrorKind> {
    let Some(content) = package.read_part(part).map_err(package_error)? else {
        return Ok(false);
    };
    let needle = needle.as_bytes();
    Ok(content
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle)))
}

/// Names an OLE2 compound file by its root streams.
fn detect_compound_file(bytes: &[u8], extension: &str) -> Result<SourceFormat, ReadErrorKind> {
    // The cfb crate is not hardened against hostile input: a panic there
    // must end as an error for this file.
    let streams = catch_unwind(AssertUnwindSafe(|| root_stream_names(bytes)))
        .map_err(|_| ReadErrorKind::Corrupt("compound file structure".into()))?
        .map_err(|error| ReadErrorKind::Corrupt(format!("compound file: {error}")))?;
    let has = |name: &str| {
        streams
            .iter()
            .any(|stream| stream.eq_ignore_ascii_case(name))
    };
    if has("EncryptionInfo") || has("EncryptedPackage") {
        Err(ReadErrorKind::Encrypted)
    } else if has("WordDocument") {
        let format = if extension == "wps" {
            LegacyFormat::Wps
        } else {
            LegacyFormat::Doc
        };
        Err(ReadErrorKind::Unsupported(format))
    } else if has("Workbook") || has("Book") {
        Ok(SourceFormat::Xls)
    } else {
        Err(ReadErrorKind::NotOffice)
    }
}

fn root_stream_names(bytes: &[u8]) -> std::io::Result<Vec<String>> {
    let file = cfb::CompoundFile::open(Cursor::new(bytes))?;
    Ok(file
        .read_root_storage()
        .map(|entry| entry.name().to_owned())
        .collect())
}

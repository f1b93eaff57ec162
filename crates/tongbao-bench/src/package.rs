//! Reading one part of a zip package and re-zipping a package with one
//! part replaced.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::BenchError;

/// The bytes of part `name`.
pub fn read_part(package: &[u8], name: &str) -> Result<Vec<u8>, BenchError> {
    let mut archive = ZipArchive::new(Cursor::new(package))?;
    let mut entry = archive.by_name(name).map_err(|error| match error {
        zip::result::ZipError::FileNotFound => BenchError::MissingPart {
            part: name.to_owned(),
        },
        other => BenchError::Zip(other),
    })?;
    let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
    entry.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Part `name` as text.
pub fn read_text_part(package: &[u8], name: &str) -> Result<String, BenchError> {
    String::from_utf8(read_part(package, name)?).map_err(|_| BenchError::NotUtf8 {
        part: name.to_owned(),
    })
}

/// A copy of `package` with part `name` replaced by `content`, deflated as
/// Office does.
pub fn replace_part(package: &[u8], name: &str, content: &[u8]) -> Result<Vec<u8>, BenchError> {
    let mut archive = ZipArchive::new(Cursor::new(package))?;
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6));
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index)?;
        if entry.name() == name {
            writer.start_file(name, options)?;
            writer.write_all(content)?;
        } else {
            // Unchanged parts keep their compressed bytes: no re-deflate.
            writer.raw_copy_file(entry)?;
        }
    }
    Ok(writer.finish()?.into_inner())
}

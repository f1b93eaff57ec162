//! Bounded access to zip (OPC) packages such as `.docx` and `.xlsx`, and a
//! guarded XML reader for the parts inside them.
//!
//! Every size a hostile file could inflate is capped by [`ReadLimits`]:
//! the number of entries is checked before the central directory is parsed,
//! a part's *declared* size and compression ratio are checked before it is
//! inflated, and inflating stops at the cap when the declared size lies.
//!
//! ```
//! use std::io::Write;
//! use tongbao_model::ReadLimits;
//! use tongbao_package::Package;
//!
//! let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
//! zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
//! zip.write_all(b"<w:document/>").unwrap();
//! let bytes = zip.finish().unwrap().into_inner();
//!
//! let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
//! assert!(package.has_part("/word/document.xml"));
//! assert_eq!(package.read_part("word/document.xml").unwrap().unwrap(), b"<w:document/>");
//! assert_eq!(package.read_part("word/numbering.xml").unwrap(), None);
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod core_properties;
mod directory;
pub mod xml;

use std::io::{Cursor, Write};

use flate2::{Decompress, FlushDecompress, Status};

use tongbao_model::{Properties, ReadLimits};
use zip::result::ZipError;
use zip::{CompressionMethod, ZipArchive};

pub use xml::{XmlError, XmlErrorKind};

/// Where core properties live in a package written by Word, Excel, WPS or LibreOffice.
const CORE_PROPERTIES_PART: &str = "docProps/core.xml";

/// Parts smaller than this are never judged by their compression ratio:
/// short runs of repeated markup legitimately compress very well, and a
/// part this small cannot exhaust memory anyway.
const RATIO_CHECK_MIN_BYTES: u64 = 1024 * 1024;

/// Inflated bytes handled per step while checking the caps.
const INFLATE_CHUNK_BYTES: usize = 64 * 1024;

/// Why a package could not be opened or a part read.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("not a zip package: {detail}")]
    NotZip { detail: String },
    #[error("file is {size} bytes, over the limit of {limit}")]
    FileTooLarge { size: u64, limit: u64 },
    #[error("zip package lists {count} entries, over the limit of {limit}")]
    TooManyEntries { count: u64, limit: usize },
    #[error("part {part} inflates to more than {limit} bytes")]
    PartTooLarge { part: String, limit: u64 },
    #[error("parts read from this package inflate to more than {limit} bytes in total")]
    TotalTooLarge { limit: u64 },
    #[error("part {part} inflates more than {limit} times its compressed size")]
    CompressionRatio { part: String, limit: u64 },
    #[error("part {part} is corrupt: {detail}")]
    Corrupt { part: String, detail: String },
    #[error("part {part} uses unsupported zip features: {detail}")]
    Unsupported { part: String, detail: String },
    /// Only from [`Package::verified_stored_copy`]: the verified part could
    /// not be written into the copy (a duplicate name, say).
    #[error("part {part} could not be re-written: {detail}")]
    Rewrite { part: String, detail: String },
    #[error(transparent)]
    Xml(#[from] XmlError),
}

/// A zip package held in memory, read part by part under [`ReadLimits`].
pub struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// The package itself: parts are inflated straight from these bytes.
    bytes: &'a [u8],
    limits: ReadLimits,
    /// Bytes inflated by `read_part` so far, counted against `max_total_bytes`.
    inflated_total: u64,
}

impl<'a> Package<'a> {
    /// Opens the package, refusing oversized files and archives with too many entries.
    pub fn open(bytes: &'a [u8], limits: &ReadLimits) -> Result<Package<'a>, PackageError> {
        let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if size > limits.max_file_bytes {
            return Err(PackageError::FileTooLarge {
                size,
                limit: limits.max_file_bytes,
            });
        }
        // Count entries from the end record before the zip crate builds its
        // in-memory directory, whose size grows with the entry count.
        let declared_entries = directory::declared_entry_count(bytes)?;
        check_entry_count(declared_entries, limits)?;
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|error| match error {
            ZipError::InvalidArchive(detail) => PackageError::NotZip {
                detail: detail.into_owned(),
            },
            other => PackageError::Corrupt {
                part: "central directory".to_owned(),
                detail: other.to_string(),
            },
        })?;
        check_entry_count(u64::try_from(archive.len()).unwrap_or(u64::MAX), limits)?;
        Ok(Package {
            archive,
            bytes,
            limits: *limits,
            inflated_total: 0,
        })
    }

    /// Entry names in archive order.
    pub fn part_names(&self) -> impl Iterator<Item = &str> {
        (0..self.archive.len()).filter_map(|index| self.archive.name_for_index(index))
    }

    /// Whether the part exists. A leading `/` (OPC part-name style) is
    /// tolerated, and names compare without ASCII case as OPC requires.
    pub fn has_part(&self, name: &str) -> bool {
        self.index_of(name).is_some()
    }

    /// The inflated bytes of a part, or `None` when the package has no such part.
    pub fn read_part(&mut self, name: &str) -> Result<Option<Vec<u8>>, PackageError> {
        let Some(index) = self.index_of(name) else {
            return Ok(None);
        };
        let remaining = self
            .limits
            .max_total_bytes
            .saturating_sub(self.inflated_total);
        // The declared size may lie; it only sizes the first allocation, and
        // never beyond what the ratio limit lets the compressed bytes become.
        let declared = self
            .archive
            .by_index_raw(index)
            .map_or(0, |entry| {
                entry.size().min(
                    entry
                        .compressed_size()
                        .saturating_mul(self.limits.max_compression_ratio),
                )
            })
            .min(self.limits.max_part_bytes)
            .min(remaining);
        let mut bytes = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
        let inflated = self.inflate(index, remaining, &mut bytes, |_| {})?;
        self.inflated_total = self.inflated_total.saturating_add(inflated);
        Ok(Some(bytes))
    }

    /// Inflates every entry, checking each against the limits and CRC, refuses
    /// any XML part that carries a `DOCTYPE` or entity declaration (parts
    /// verified here are parsed later by code that does not guard against
    /// them), and returns the package re-written with every entry stored
    /// uncompressed, so a reader that inflates it again (such as calamine)
    /// only copies bytes. The total is checked against `max_total_bytes` on
    /// its own: verifying does not use up the budget of later
    /// [`Package::read_part`] calls.
    pub fn verified_stored_copy(&mut self) -> Result<Vec<u8>, PackageError> {
        let mut total: u64 = 0;
        let mut part_bytes = Vec::new();
        let mut copy = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(false);
        for index in 0..self.archive.len() {
            let remaining = self.limits.max_total_bytes.saturating_sub(total);
            let part = self.part_name(index);
            part_bytes.clear();
            let inflated = self.inflate(index, remaining, &mut part_bytes, |_| {})?;
            if is_xml_part(&part) {
                let mut scanner = DeclarationScanner::default();
                scanner.scan(&part_bytes);
                refuse_declaration(part.clone(), Some(&scanner))?;
            }
            total = total.saturating_add(inflated);
            let rewrite_error = |error: &dyn std::fmt::Display| PackageError::Rewrite {
                part: part.clone(),
                detail: error.to_string(),
            };
            copy.start_file(part.as_str(), stored)
                .map_err(|error| rewrite_error(&error))?;
            copy.write_all(&part_bytes)
                .map_err(|error| rewrite_error(&error))?;
        }
        let copy = copy.finish().map_err(|error| PackageError::Rewrite {
            part: "central directory".to_owned(),
            detail: error.to_string(),
        })?;
        Ok(copy.into_inner())
    }

    /// Title and dates from `docProps/core.xml`; defaults when the part is absent.
    pub fn core_properties(&mut self) -> Result<Properties, PackageError> {
        match self.read_part(CORE_PROPERTIES_PART)? {
            Some(bytes) => Ok(core_properties::parse(
                &bytes,
                CORE_PROPERTIES_PART,
                &self.limits,
            )?),
            None => Ok(Properties::default()),
        }
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        let wanted = name.strip_prefix('/').unwrap_or(name);
        self.archive.index_for_name(wanted).or_else(|| {
            (0..self.archive.len()).find(|&index| {
                self.archive
                    .name_for_index(index)
                    .is_some_and(|candidate| candidate.eq_ignore_ascii_case(wanted))
            })
        })
    }

    fn part_name(&self, index: usize) -> String {
        self.archive
            .name_for_index(index)
            .unwrap_or_default()
            .to_owned()
    }

    /// Inflates entry `index`, appending to `out` straight from the
    /// decompressor and calling `after_chunk` with `out` after every chunk;
    /// stops with an error as soon as the part cap, the compression-ratio cap
    /// or `total_budget` is crossed, and checks the CRC at the end; returns
    /// how many bytes it inflated.
    fn inflate(
        &mut self,
        index: usize,
        total_budget: u64,
        out: &mut Vec<u8>,
        mut after_chunk: impl FnMut(&mut Vec<u8>),
    ) -> Result<u64, PackageError> {
        let limits = self.limits;
        let name = self.part_name(index);
        // Opened through the zip crate for its checks of the local header,
        // encryption and compression method; the data is inflated below.
        let entry = self
            .archive
            .by_index(index)
            .map_err(|error| entry_error(name, error))?;
        let part = entry.name().to_owned();
        let method = entry.compression();
        let expected_crc = entry.crc32();
        let declared = entry.size();
        let compressed_size = entry.compressed_size();
        let data_start = entry.data_start();
        drop(entry);

        // Refuse on what the directory declares, before inflating anything.
        if declared > limits.max_part_bytes {
            return Err(PackageError::PartTooLarge {
                part,
                limit: limits.max_part_bytes,
            });
        }
        if declared > ratio_cap(compressed_size, limits.max_compression_ratio) {
            return Err(PackageError::CompressionRatio {
                part,
                limit: limits.max_compression_ratio,
            });
        }
        if declared > total_budget {
            return Err(PackageError::TotalTooLarge {
                limit: limits.max_total_bytes,
            });
        }
        let data = usize::try_from(data_start)
            .ok()
            .zip(usize::try_from(compressed_size).ok())
            .and_then(|(start, size)| self.bytes.get(start..start.checked_add(size)?))
            .ok_or_else(|| PackageError::Corrupt {
                part: part.clone(),
                detail: "the compressed data runs past the end of the file".to_owned(),
            })?;
        let mut inflater = match method {
            CompressionMethod::Stored => Inflater::Stored { consumed: 0 },
            CompressionMethod::Deflated => Inflater::Deflated(Decompress::new(false)),
            other => {
                return Err(PackageError::Unsupported {
                    part,
                    detail: format!("compression method {other}"),
                });
            }
        };

        // The declared size may lie, so the caps are checked again on what
        // actually comes out, the ratio against the compressed bytes consumed
        // so far: a bomb is stopped after a few megabytes, not at the cap.
        let mut inflated: u64 = 0;
        let mut crc = crc32fast::Hasher::new();
        loop {
            if out.len() == out.capacity() {
                out.reserve(INFLATE_CHUNK_BYTES);
            }
            let before = out.len();
            let progress =
                inflater
                    .inflate_into(data, out)
                    .map_err(|detail| PackageError::Corrupt {
                        part: part.clone(),
                        detail,
                    })?;
            let new_bytes = out.get(before..).unwrap_or_default();
            crc.update(new_bytes);
            inflated = inflated.saturating_add(u64::try_from(new_bytes.len()).unwrap_or(u64::MAX));
            // Nothing new with room to write means the data ran out early;
            // the checksum then tells a truncated part from a complete one.
            let finished = progress.finished || new_bytes.is_empty();
            if inflated > limits.max_part_bytes {
                return Err(PackageError::PartTooLarge {
                    part,
                    limit: limits.max_part_bytes,
                });
            }
            if inflated > ratio_cap(progress.consumed, limits.max_compression_ratio) {
                return Err(PackageError::CompressionRatio {
                    part,
                    limit: limits.max_compression_ratio,
                });
            }
            if inflated > total_budget {
                return Err(PackageError::TotalTooLarge {
                    limit: limits.max_total_bytes,
                });
            }
            after_chunk(out);
            if finished {
                if crc.finalize() != expected_crc {
                    return Err(PackageError::Corrupt {
                        part,
                        detail: "invalid checksum".to_owned(),
                    });
                }
                return Ok(inflated);
            }
        }
    }
}

/// How far an [`Inflater`] has got.
struct Progress {
    /// Compressed bytes consumed in all.
    consumed: u64,
    /// The content is complete.
    finished: bool,
}

/// Turns a part's compressed bytes into its content, a piece at a time.
enum Inflater {
    /// Stored entries are copied; `consumed` bytes of them so far.
    Stored {
        consumed: usize,
    },
    Deflated(Decompress),
}

impl Inflater {
    /// Appends the next piece of content to `out`, at most its spare
    /// capacity.
    fn inflate_into(&mut self, data: &[u8], out: &mut Vec<u8>) -> Result<Progress, String> {
        match self {
            Inflater::Stored { consumed } => {
                let rest = data.get(*consumed..).unwrap_or_default();
                let piece = rest.len().min(out.capacity().saturating_sub(out.len()));
                out.extend_from_slice(rest.get(..piece).unwrap_or_default());
                *consumed += piece;
                Ok(Progress {
                    consumed: u64::try_from(*consumed).unwrap_or(u64::MAX),
                    finished: *consumed == data.len(),
                })
            }
            Inflater::Deflated(decompress) => {
                let consumed = usize::try_from(decompress.total_in()).unwrap_or(usize::MAX);
                let rest = data.get(consumed..).unwrap_or_default();
                let status = decompress
                    .decompress_vec(rest, out, FlushDecompress::None)
                    .map_err(|error| format!("corrupt deflate stream: {error}"))?;
                Ok(Progress {
                    consumed: decompress.total_in(),
                    finished: status == Status::StreamEnd,
                })
            }
        }
    }
}

/// Whether a part name is one that XML readers parse (`.xml`, `.rels`, `.vml`).
fn is_xml_part(name: &str) -> bool {
    let extension = name.rsplit('.').next().unwrap_or_default();
    ["xml", "rels", "vml"]
        .iter()
        .any(|known| extension.eq_ignore_ascii_case(known))
}

/// Markup that declares a DTD or entities; XML keywords are case-sensitive.
const DECLARATIONS: [&[u8]; 2] = [b"<!DOCTYPE", b"<!ENTITY"];
/// Bytes kept from one chunk to find a declaration split across two.
const DECLARATION_OVERLAP: usize = 8;

/// A sink that remembers where the first `DOCTYPE` or `ENTITY` declaration starts.
#[derive(Default)]
struct DeclarationScanner {
    /// Bytes written so far.
    offset: u64,
    /// The end of the previous chunk, shorter than any declaration keyword.
    tail: Vec<u8>,
    found_at: Option<u64>,
}

impl DeclarationScanner {
    /// Looks at the next inflated bytes of the part.
    fn scan(&mut self, chunk: &[u8]) {
        if self.found_at.is_none() {
            let tail_len = u64::try_from(self.tail.len()).unwrap_or(u64::MAX);
            let mut window = std::mem::take(&mut self.tail);
            window.extend_from_slice(chunk);
            // Every declaration starts with `<!`, which is rare outside them.
            let start = memchr::memmem::find_iter(&window, b"<!").find(|&at| {
                let rest = window.get(at..).unwrap_or_default();
                DECLARATIONS.iter().any(|keyword| rest.starts_with(keyword))
            });
            if let Some(start) = start {
                let start = u64::try_from(start).unwrap_or(u64::MAX);
                self.found_at = Some(self.offset.saturating_add(start).saturating_sub(tail_len));
            }
            let keep_from = window.len().saturating_sub(DECLARATION_OVERLAP);
            self.tail = window.split_off(keep_from);
        }
        self.offset = self
            .offset
            .saturating_add(u64::try_from(chunk.len()).unwrap_or(u64::MAX));
    }
}

/// The refusal of an XML part whose scan found a declaration.
fn refuse_declaration(
    part: String,
    scanner: Option<&DeclarationScanner>,
) -> Result<(), PackageError> {
    match scanner.and_then(|scanner| scanner.found_at) {
        Some(position) => Err(PackageError::Xml(XmlError {
            part,
            position,
            kind: XmlErrorKind::DoctypeRefused,
        })),
        None => Ok(()),
    }
}

/// Largest inflated size the ratio limit allows for a part of `compressed` bytes.
fn ratio_cap(compressed: u64, max_ratio: u64) -> u64 {
    compressed
        .saturating_mul(max_ratio)
        .max(RATIO_CHECK_MIN_BYTES)
}

fn check_entry_count(count: u64, limits: &ReadLimits) -> Result<(), PackageError> {
    if count > u64::try_from(limits.max_zip_entries).unwrap_or(u64::MAX) {
        return Err(PackageError::TooManyEntries {
            count,
            limit: limits.max_zip_entries,
        });
    }
    Ok(())
}

fn entry_error(part: String, error: ZipError) -> PackageError {
    match error {
        ZipError::UnsupportedArchive(detail) => PackageError::Unsupported {
            part,
            detail: detail.to_owned(),
        },
        other => PackageError::Corrupt {
            part,
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(chunks: &[&[u8]]) -> Option<u64> {
        let mut scanner = DeclarationScanner::default();
        for chunk in chunks {
            scanner.scan(chunk);
        }
        scanner.found_at
    }

    #[test]
    fn finds_a_declaration_split_across_chunks() {
        assert_eq!(scan(&[b"<?xml?><!DOC", b"TYPE a>"]), Some(7));
        assert_eq!(scan(&[b"0123456789", b"<", b"!ENT", b"ITY"]), Some(10));
        assert_eq!(scan(&[b"<a><!-- <!doctype --></a>", b"<!DOCTYP"]), None);
    }

    #[test]
    fn xml_parts_are_told_by_extension() {
        assert!(is_xml_part("xl/worksheets/sheet1.xml"));
        assert!(is_xml_part("_rels/.rels"));
        assert!(is_xml_part("xl/drawings/vmlDrawing1.VML"));
        assert!(!is_xml_part("docProps/thumbnail.jpeg"));
    }
}

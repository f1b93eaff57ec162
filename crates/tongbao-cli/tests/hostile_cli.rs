//! Zip bombs through the real `tongbao` binary: each is refused quickly
//! and the process's peak memory stays small. Peak resident memory is read
//! with `getrusage(RUSAGE_CHILDREN)`, the largest of every child waited for,
//! so every test in this file spawns only bombs.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};

const MIB: usize = 1 << 20;
/// The bombs inflate to more than 2 GiB.
const BOMB_MIB: usize = 2100;
const PEAK_RSS_LIMIT_KIB: i64 = 256 * 1024;
const TIME_LIMIT: Duration = Duration::from_secs(1);

/// A raw deflate stream of `mib` MiB of zeros: one sync-flushed 1 MiB block
/// repeated, about 1 KB of output per MiB, built in milliseconds.
fn deflated_zeros(mib: usize) -> Vec<u8> {
    let mut compressor = flate2::Compress::new(flate2::Compression::best(), false);
    let mut block = Vec::with_capacity(64 * 1024);
    compressor
        .compress_vec(&vec![0u8; MIB], &mut block, flate2::FlushCompress::Sync)
        .unwrap();
    let mut stream = block.repeat(mib);
    stream.extend_from_slice(&[0x03, 0x00]); // final empty block
    stream
}

/// One zip entry, its data as stored in the archive.
struct Part<'a> {
    name: &'a str,
    deflated: bool,
    /// Zero for a bomb: it must be stopped before any CRC is checked.
    crc: u32,
    declared_size: u32,
    data: &'a [u8],
}

impl<'a> Part<'a> {
    fn stored(name: &'a str, data: &'a [u8]) -> Part<'a> {
        let mut crc = flate2::Crc::new();
        crc.update(data);
        Part {
            name,
            deflated: false,
            crc: crc.sum(),
            declared_size: u32::try_from(data.len()).unwrap(),
            data,
        }
    }
}

/// A zip written by hand so that a part may declare any size.
fn zip(parts: &[Part]) -> Vec<u8> {
    let header = |part: &Part, out: &mut Vec<u8>| {
        out.extend_from_slice(&0u16.to_le_bytes()); // flags
        out.extend_from_slice(&(if part.deflated { 8u16 } else { 0 }).to_le_bytes());
        out.extend_from_slice(&[0, 0, 0x21, 0]); // time, date
        out.extend_from_slice(&part.crc.to_le_bytes());
        out.extend_from_slice(&u32::try_from(part.data.len()).unwrap().to_le_bytes());
        out.extend_from_slice(&part.declared_size.to_le_bytes());
        out.extend_from_slice(&u16::try_from(part.name.len()).unwrap().to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra length
    };
    let mut bytes = Vec::new();
    let mut offsets = Vec::new();
    for part in parts {
        offsets.push(u32::try_from(bytes.len()).unwrap());
        bytes.extend_from_slice(b"PK\x03\x04\x14\x00");
        header(part, &mut bytes);
        bytes.extend_from_slice(part.name.as_bytes());
        bytes.extend_from_slice(part.data);
    }
    let directory_at = u32::try_from(bytes.len()).unwrap();
    for (part, offset) in parts.iter().zip(offsets) {
        bytes.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00");
        header(part, &mut bytes);
        bytes.extend_from_slice(&[0; 10]); // comment length, disk, attributes
        bytes.extend_from_slice(&offset.to_le_bytes());
        bytes.extend_from_slice(part.name.as_bytes());
    }
    let directory_len = u32::try_from(bytes.len()).unwrap() - directory_at;
    let count = u16::try_from(parts.len()).unwrap().to_le_bytes();
    bytes.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00");
    bytes.extend_from_slice(&count);
    bytes.extend_from_slice(&count);
    bytes.extend_from_slice(&directory_len.to_le_bytes());
    bytes.extend_from_slice(&directory_at.to_le_bytes());
    bytes.extend_from_slice(&0u16.to_le_bytes());
    bytes
}

fn bomb_part<'a>(name: &'a str, stream: &'a [u8], declared_size: u32) -> Part<'a> {
    Part {
        name,
        deflated: true,
        crc: 0,
        declared_size,
        data: stream,
    }
}

/// Converts `file` with the CLI; returns its stderr after checking that it
/// failed within the time limit and under the memory limit.
fn refused(file: &Path) -> String {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_tongbao"))
        .args(["convert", "--jobs", "1", "-o", "-"])
        .arg(file)
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let peak_kib = getrusage(UsageWho::RUSAGE_CHILDREN).unwrap().max_rss();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    eprintln!(
        "{}: {elapsed:?}, peak resident {peak_kib} KiB",
        file.display()
    );
    assert!(!output.status.success(), "{} was converted", file.display());
    assert!(output.stdout.is_empty(), "{} wrote output", file.display());
    assert!(elapsed < TIME_LIMIT, "{} took {elapsed:?}", file.display());
    assert!(
        peak_kib < PEAK_RSS_LIMIT_KIB,
        "{}: peak resident memory {peak_kib} KiB",
        file.display()
    );
    stderr
}

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const BOMB_DECLARED_SIZE: u32 = (BOMB_MIB * MIB) as u32;

#[test]
fn word_bomb_over_2_gib_is_refused_quickly_in_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    let stream = deflated_zeros(BOMB_MIB);
    let content_types: &[u8] =
        br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;
    for (name, declared, reason) in [
        (
            "honest.docx",
            BOMB_DECLARED_SIZE,
            "part word/document.xml inflates to more than 134217728 bytes",
        ),
        (
            "lying.docx",
            1000,
            "part word/document.xml inflates more than 200 times its compressed size",
        ),
    ] {
        let bytes = zip(&[
            Part::stored("[Content_Types].xml", content_types),
            bomb_part("word/document.xml", &stream, declared),
        ]);
        assert!(bytes.len() < 4 * MIB);
        let stderr = refused(&write_temp(dir.path(), name, &bytes));
        assert!(
            stderr.contains(&format!("{name}: size limit exceeded ({reason})")),
            "{stderr}"
        );
    }
}

#[test]
fn workbook_bomb_over_2_gib_is_refused_before_the_workbook_reader_runs() {
    let dir = tempfile::tempdir().unwrap();
    let stream = deflated_zeros(BOMB_MIB);
    let workbook: &[u8] = br#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let workbook_rels: &[u8] = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    for (name, declared, reason) in [
        (
            "honest.xlsx",
            BOMB_DECLARED_SIZE,
            "part xl/worksheets/sheet1.xml inflates to more than 134217728 bytes",
        ),
        (
            "lying.xlsx",
            1000,
            "part xl/worksheets/sheet1.xml inflates more than 200 times its compressed size",
        ),
    ] {
        let bytes = zip(&[
            Part::stored("xl/workbook.xml", workbook),
            Part::stored("xl/_rels/workbook.xml.rels", workbook_rels),
            bomb_part("xl/worksheets/sheet1.xml", &stream, declared),
        ]);
        let stderr = refused(&write_temp(dir.path(), name, &bytes));
        assert!(
            stderr.contains(&format!("{name}: size limit exceeded ({reason})")),
            "{stderr}"
        );
    }
}

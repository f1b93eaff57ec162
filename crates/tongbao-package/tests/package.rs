//! Package access under limits: real fixtures, shared hostile quirks and
//! zips crafted here to lie about their sizes.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tongbao_model::{Properties, ReadLimits};
use tongbao_package::{Package, PackageError};

fn fixture(path: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(path);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// A zip written by the zip crate, entries deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// One deflated entry whose headers declare `declared_size` whatever the
/// data really inflates to, written by hand because no zip writer lies.
fn lying_zip(name: &str, deflated: &[u8], declared_size: u32) -> Vec<u8> {
    let name = name.as_bytes();
    let compressed = u32::try_from(deflated.len()).unwrap();
    let sizes_and_name = |out: &mut Vec<u8>| {
        out.extend_from_slice(&0u32.to_le_bytes()); // CRC-32, never reached
        out.extend_from_slice(&compressed.to_le_bytes());
        out.extend_from_slice(&declared_size.to_le_bytes());
        out.extend_from_slice(&u16::try_from(name.len()).unwrap().to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
    };
    let mut zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00".to_vec();
    sizes_and_name(&mut zip);
    zip.extend_from_slice(name);
    zip.extend_from_slice(deflated);
    let directory_at = u32::try_from(zip.len()).unwrap();
    zip.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00");
    sizes_and_name(&mut zip);
    zip.extend_from_slice(&[0; 10]); // comment length, disk, attributes
    zip.extend_from_slice(&0u32.to_le_bytes()); // local header offset
    zip.extend_from_slice(name);
    let directory_len = u32::try_from(zip.len()).unwrap() - directory_at;
    zip.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00");
    zip.extend_from_slice(&directory_len.to_le_bytes());
    zip.extend_from_slice(&directory_at.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip
}

/// A raw deflate stream of `mib` MiB of zeros, built by repeating one
/// sync-flushed block of 1 MiB: about 1 KB of output per MiB, in milliseconds.
fn deflated_zeros(mib: usize) -> Vec<u8> {
    let mut compressor = flate2::Compress::new(flate2::Compression::best(), false);
    let mut block = Vec::with_capacity(64 * 1024);
    compressor
        .compress_vec(&vec![0u8; 1 << 20], &mut block, flate2::FlushCompress::Sync)
        .unwrap();
    let mut stream = Vec::with_capacity(block.len() * mib + 2);
    for _ in 0..mib {
        stream.extend_from_slice(&block);
    }
    stream.extend_from_slice(&[0x03, 0x00]); // final empty block
    stream
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let result = work();
    (result, start.elapsed())
}

#[test]
fn refuses_the_shared_300mb_bomb_by_its_declared_size() {
    let bytes = fixture("quirks/22_bomb_300MB.docx");
    let (result, elapsed) = timed(|| {
        let mut package = Package::open(&bytes, &ReadLimits::default())?;
        package.read_part("word/document.xml")
    });
    match result {
        Err(PackageError::PartTooLarge { part, limit }) => {
            assert_eq!(part, "word/document.xml");
            assert_eq!(limit, ReadLimits::default().max_part_bytes);
        }
        other => panic!("expected PartTooLarge, got {other:?}"),
    }
    assert!(elapsed < Duration::from_millis(200), "took {elapsed:?}");
}

#[test]
fn stops_a_bomb_over_2_gib_that_lies_about_its_size() {
    let stream = deflated_zeros(2100);
    let bytes = lying_zip("word/document.xml", &stream, 1000);
    let (result, elapsed) = timed(|| {
        let mut package = Package::open(&bytes, &ReadLimits::default())?;
        package.read_part("word/document.xml")
    });
    assert!(
        matches!(&result, Err(PackageError::CompressionRatio { part, limit: 200 }) if part == "word/document.xml"),
        "{result:?}"
    );
    assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
}

#[test]
fn stops_at_the_part_cap_when_the_ratio_is_allowed() {
    let bytes = lying_zip("big.xml", &deflated_zeros(20), 1000);
    let limits = ReadLimits {
        max_compression_ratio: 100_000,
        max_part_bytes: 4 << 20,
        ..ReadLimits::default()
    };
    let mut package = Package::open(&bytes, &limits).unwrap();
    let error = package.read_part("big.xml").unwrap_err();
    assert!(
        matches!(&error, PackageError::PartTooLarge { part, limit } if part == "big.xml" && *limit == 4 << 20),
        "{error:?}"
    );
}

#[test]
fn refuses_a_huge_declared_size_before_inflating() {
    let bytes = lying_zip("word/document.xml", &deflated_zeros(1), u32::MAX);
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    let error = package.read_part("word/document.xml").unwrap_err();
    assert!(
        matches!(error, PackageError::PartTooLarge { .. }),
        "{error:?}"
    );
    let error = package.verified_stored_copy().unwrap_err();
    assert!(
        matches!(error, PackageError::PartTooLarge { .. }),
        "{error:?}"
    );
}

#[test]
fn reports_a_crc_mismatch_as_corruption() {
    let bytes = fixture("quirks/19_corrupt_crc.docx");
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    match package.read_part("word/document.xml") {
        Err(PackageError::Corrupt { part, detail }) => {
            assert_eq!(part, "word/document.xml");
            assert!(!detail.is_empty());
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert!(matches!(
        package.verified_stored_copy().map(|_| ()),
        Err(PackageError::Corrupt { .. })
    ));
}

#[test]
fn counts_every_part_read_against_the_total() {
    let part = vec![b'x'; 600 * 1024];
    let bytes = zip_of(&[("a.xml", &part), ("b.xml", &part)]);
    let limits = ReadLimits {
        max_total_bytes: 1024 * 1024,
        ..ReadLimits::default()
    };
    let mut package = Package::open(&bytes, &limits).unwrap();
    assert_eq!(
        package.read_part("a.xml").unwrap().unwrap().len(),
        600 * 1024
    );
    let error = package.read_part("b.xml").unwrap_err();
    assert!(
        matches!(error, PackageError::TotalTooLarge { limit: 1_048_576 }),
        "{error:?}"
    );
}

#[test]
fn refuses_more_entries_than_the_limit() {
    let bytes = zip_of(&[("1", b"1"), ("2", b"2"), ("3", b"3")]);
    let limits = ReadLimits {
        max_zip_entries: 2,
        ..ReadLimits::default()
    };
    let error = Package::open(&bytes, &limits).err().unwrap();
    assert!(
        matches!(error, PackageError::TooManyEntries { count: 3, limit: 2 }),
        "{error:?}"
    );
    assert!(Package::open(&bytes, &ReadLimits::default()).is_ok());
}

#[test]
fn refuses_files_that_are_not_zips_or_too_large() {
    for bytes in [&b""[..], b"plain text", b"PK\x03\x04 cut short"] {
        let error = Package::open(bytes, &ReadLimits::default()).err().unwrap();
        assert!(matches!(error, PackageError::NotZip { .. }), "{error:?}");
    }
    let bytes = zip_of(&[("a", b"a")]);
    let limits = ReadLimits {
        max_file_bytes: 10,
        ..ReadLimits::default()
    };
    let error = Package::open(&bytes, &limits).err().unwrap();
    assert!(
        matches!(error, PackageError::FileTooLarge { limit: 10, .. }),
        "{error:?}"
    );
}

#[test]
fn a_truncated_package_is_an_error_not_a_panic() {
    let bytes = fixture("bulletin-2019-08.docx");
    for cut in [bytes.len() / 2, bytes.len() - 30, 100] {
        let result = Package::open(&bytes[..cut], &ReadLimits::default())
            .and_then(|mut package| package.verified_stored_copy());
        assert!(result.is_err(), "cut at {cut}");
    }
}

#[test]
fn finds_parts_by_opc_name() {
    let bytes = fixture("bulletin-2019-08.docx");
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    let names: Vec<&str> = package.part_names().collect();
    assert_eq!(names.len(), 17);
    assert_eq!(names[0], "[Content_Types].xml");
    assert_eq!(names[4], "word/document.xml");
    assert!(package.has_part("word/document.xml"));
    assert!(package.has_part("/word/document.xml"));
    assert!(package.has_part("/Word/Document.XML"));
    assert!(!package.has_part("word/footnotes.xml"));
    assert_eq!(package.read_part("word/footnotes.xml").unwrap(), None);
    let document = package.read_part("/word/document.xml").unwrap().unwrap();
    assert_eq!(document.len(), 199_485);
    package.verified_stored_copy().unwrap();
}

#[test]
fn reads_core_properties() {
    let bytes = fixture("bulletin-2019-08.docx");
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    assert_eq!(
        package.core_properties().unwrap(),
        Properties {
            title: Some("“三助三红”重点攻坚任务“销号”情况通报".to_owned()),
            created: Some("2019-09-04T09:30:00Z".to_owned()),
            modified: Some("2019-09-04T09:30:00Z".to_owned()),
        }
    );
    let bytes = zip_of(&[("word/document.xml", b"<w:document/>")]);
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    assert_eq!(package.core_properties().unwrap(), Properties::default());
}

#[test]
fn verifying_refuses_a_doctype_in_any_xml_part() {
    let doctype = b"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>";
    let bytes = zip_of(&[
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/sharedStrings.xml", doctype),
    ]);
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    let error = package.verified_stored_copy().unwrap_err();
    assert_eq!(
        error.to_string(),
        "xl/sharedStrings.xml at byte 21: DOCTYPE and entity declarations are not accepted"
    );
    // Binary parts are not XML: the same bytes there are harmless.
    let bytes = zip_of(&[("xl/media/image1.png", doctype)]);
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    package.verified_stored_copy().unwrap();
}

#[test]
fn the_stored_copy_holds_every_part_uncompressed_and_unchanged() {
    let bytes = fixture("bulletin-2019-08.xlsx");
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    let copy = package.verified_stored_copy().unwrap();
    let names: Vec<String> = package.part_names().map(str::to_owned).collect();
    let mut copied = zip::ZipArchive::new(std::io::Cursor::new(&copy)).unwrap();
    assert_eq!(copied.len(), names.len());
    for (index, name) in names.iter().enumerate() {
        let mut entry = copied.by_index(index).unwrap();
        assert_eq!(entry.name(), name);
        assert_eq!(entry.compression(), zip::CompressionMethod::Stored);
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).unwrap();
        assert_eq!(Some(content), package.read_part(name).unwrap(), "{name}");
    }
    // The copy is itself a package that reads the same.
    let mut reopened = Package::open(&copy, &ReadLimits::default()).unwrap();
    assert_eq!(
        reopened.read_part("xl/workbook.xml").unwrap(),
        package.read_part("xl/workbook.xml").unwrap()
    );
}

#[test]
fn the_stored_copy_refuses_what_verifying_refuses() {
    let doctype = b"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>";
    let bytes = zip_of(&[
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/sharedStrings.xml", doctype),
    ]);
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    assert_eq!(
        package.verified_stored_copy().unwrap_err().to_string(),
        "xl/sharedStrings.xml at byte 21: DOCTYPE and entity declarations are not accepted"
    );
    let bomb = lying_zip("xl/worksheets/sheet1.xml", &deflated_zeros(300), 1000);
    let mut package = Package::open(&bomb, &ReadLimits::default()).unwrap();
    let (result, elapsed) = timed(|| package.verified_stored_copy());
    assert!(
        matches!(result, Err(PackageError::CompressionRatio { .. })),
        "{result:?}"
    );
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[test]
fn reads_stored_entries_and_refuses_a_cut_deflate_stream() {
    let text = "销号 progress paragraph ".repeat(500);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    writer.start_file("word/document.xml", stored).unwrap();
    writer.write_all(text.as_bytes()).unwrap();
    let bytes = writer.finish().unwrap().into_inner();
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    assert_eq!(
        package.read_part("word/document.xml").unwrap().unwrap(),
        text.as_bytes()
    );

    let mut compressor = flate2::Compress::new(flate2::Compression::best(), false);
    let mut deflated = Vec::with_capacity(text.len());
    compressor
        .compress_vec(
            text.as_bytes(),
            &mut deflated,
            flate2::FlushCompress::Finish,
        )
        .unwrap();
    deflated.truncate(deflated.len() / 2);
    let declared = u32::try_from(text.len()).unwrap();
    let bytes = lying_zip("word/document.xml", &deflated, declared);
    let mut package = Package::open(&bytes, &ReadLimits::default()).unwrap();
    let error = package.read_part("word/document.xml").unwrap_err();
    assert!(
        matches!(&error, PackageError::Corrupt { part, .. } if part == "word/document.xml"),
        "{error:?}"
    );
}

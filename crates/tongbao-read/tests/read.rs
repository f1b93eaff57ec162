//! Detection, dispatch and one test per error class, each with its own input.

use std::io::{Cursor, Read, Write};

use tongbao_model::{ReadLimits, Severity, SourceFormat};
use tongbao_read::{LegacyFormat, ReadErrorKind, ReadOutput, read_bytes, read_path};
use zip::write::SimpleFileOptions;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

fn fixture(extension: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/bulletin-2019-08.{extension}")).unwrap()
}

fn read(file_name: &str, bytes: &[u8]) -> Result<ReadOutput, tongbao_read::ReadError> {
    read_bytes(file_name, bytes, &ReadLimits::default())
}

fn error_message(file_name: &str, bytes: &[u8]) -> String {
    read(file_name, bytes).unwrap_err().to_string()
}

/// An OLE2 compound file holding the named (empty-ish) root streams.
fn compound_file(streams: &[&str]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for name in streams {
        file.create_stream(name)
            .unwrap()
            .write_all(b"\x01\x02\x03\x04")
            .unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

fn zip_of(parts: &[(&str, &[u8])], options: SimpleFileOptions) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The parts of a fixture package, in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).unwrap();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            (entry.name().to_owned(), content)
        })
        .collect()
}

#[test]
fn real_fixtures_are_read_as_what_they_are() {
    let cases = [
        (
            "docx",
            SourceFormat::Docx,
            "1d5f97f7aabfc53836c04691f47b855b60f5fbaa9787b184047cc159733488bb",
        ),
        (
            "xlsx",
            SourceFormat::Xlsx,
            "35fd987bd8fd388720f1c65a827e7d91c9209f8ae9e5f22f21096709bf63b044",
        ),
        (
            "xls",
            SourceFormat::Xls,
            "444fdc32d6619e0eb6beb9dd746ee52db5e4987a71fa735b5d964ccd1b6d0ee7",
        ),
    ];
    for (extension, format, sha256) in cases {
        let path = format!("{FIXTURES}/bulletin-2019-08.{extension}");
        let output = read_path(std::path::Path::new(&path), &ReadLimits::default()).unwrap();
        assert_eq!(output.format, format);
        assert_eq!(output.document.format, format);
        assert_eq!(output.sha256, sha256);
        assert!(
            output.document.diagnostics.is_empty(),
            "{:?}",
            output.document.diagnostics
        );
    }
}

#[test]
fn workbooks_hold_the_bulletin_table() {
    for extension in ["xlsx", "xls"] {
        let output = read(&format!("a.{extension}"), &fixture(extension)).unwrap();
        let table = output.document.tables().next().unwrap();
        assert_eq!(table.rows.len(), 61, "{extension}");
        assert_eq!(table.rows[1].cells[0].text(), "攻坚领域");
    }
}

#[test]
fn workbook_named_docx_is_read_as_workbook_with_a_warning() {
    let output = read("a.docx", &fixture("xlsx")).unwrap();
    assert_eq!(output.format, SourceFormat::Xlsx);
    let diagnostics = &output.document.diagnostics;
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].severity, Severity::Warning);
    assert_eq!(diagnostics[0].code, "extension-mismatch");
    assert_eq!(
        diagnostics[0].message,
        "the file name ends in .docx but the content is an Excel workbook; read as xlsx"
    );
}

#[test]
fn workbook_with_a_macro_project_is_xlsm() {
    let mut parts = unzip(&fixture("xlsx"));
    parts.push(("xl/vbaProject.bin".to_owned(), b"not really vba".to_vec()));
    let borrowed: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    let bytes = zip_of(&borrowed, SimpleFileOptions::default());
    let output = read("a.xlsm", &bytes).unwrap();
    assert_eq!(output.format, SourceFormat::Xlsm);
    assert!(output.document.diagnostics.is_empty());
    assert_eq!(output.document.tables().count(), 1);
}

/// An OpenDocument spreadsheet whose one sheet, 清单, holds `rows`.
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="清单">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest: &[u8] = br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let parts: [(&str, &[u8]); 3] = [
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_bytes()),
    ];
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip_of(&parts, stored)
}

#[test]
fn opendocument_spreadsheet_is_detected_and_read() {
    let bytes = ods(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>攻坚领域</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell></table:table-row>"#,
    );
    let output = read("a.ods", &bytes).unwrap();
    assert_eq!(output.format, SourceFormat::Ods);
    let table = output.document.tables().next().unwrap();
    assert_eq!(table.name.as_deref(), Some("清单"));
    let texts: Vec<String> = table.rows[0].cells.iter().map(|cell| cell.text()).collect();
    assert_eq!(texts, ["攻坚领域", "3"]);
}

#[test]
fn opendocument_repeats_past_the_cell_limit_are_refused_before_expansion() {
    // 9,000 rows of 11,000 filled cells in under a kilobyte: calamine would
    // expand them (25 s and 8 GB before its own cap said no).
    let bytes = ods(
        r#"<table:table-row table:number-rows-repeated="9000"><table:table-cell table:number-columns-repeated="11000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
    );
    let error = read("bomb.ods", &bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        "bomb.ods: size limit exceeded (more than 2000000 table cells)"
    );
}

#[test]
fn encrypted_package_is_refused() {
    let bytes = compound_file(&["EncryptionInfo", "EncryptedPackage"]);
    let error = read("a.xlsx", &bytes).unwrap_err();
    assert!(matches!(error.kind, ReadErrorKind::Encrypted));
    assert_eq!(
        error.to_string(),
        "a.xlsx: encrypted or password-protected document"
    );
}

#[test]
fn legacy_doc_is_refused_with_a_conversion_hint() {
    let bytes = compound_file(&["WordDocument", "1Table"]);
    let error = read("a.doc", &bytes).unwrap_err();
    assert!(matches!(
        error.kind,
        ReadErrorKind::Unsupported(LegacyFormat::Doc)
    ));
    assert_eq!(
        error.to_string(),
        "a.doc: legacy Word .doc is not supported; convert it with: soffice --headless --convert-to docx a.doc"
    );
}

#[test]
fn wps_is_refused_with_a_conversion_hint_and_odd_names_are_quoted() {
    let bytes = compound_file(&["WordDocument"]);
    assert_eq!(
        error_message("a.wps", &bytes),
        "a.wps: WPS .wps is not supported; convert it with: soffice --headless --convert-to docx a.wps"
    );
    assert_eq!(
        error_message("8月 通报.doc", &bytes),
        "8月 通报.doc: legacy Word .doc is not supported; convert it with: soffice --headless --convert-to docx '8月 通报.doc'"
    );
}

#[test]
fn compound_file_without_known_streams_is_not_office() {
    let bytes = compound_file(&["Contents"]);
    assert_eq!(
        error_message("a.xls", &bytes),
        "a.xls: not an Office document"
    );
}

#[test]
fn word_package_without_its_document_part() {
    let content_types: &[u8] = br#"<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let bytes = zip_of(
        &[("[Content_Types].xml", content_types)],
        SimpleFileOptions::default(),
    );
    let error = read("a.docx", &bytes).unwrap_err();
    assert!(matches!(error.kind, ReadErrorKind::MissingPart { .. }));
    assert_eq!(
        error.to_string(),
        "a.docx: Word package has no word/document.xml"
    );
}

#[test]
fn zip_of_other_files_is_not_office() {
    let bytes = zip_of(&[("readme.txt", b"hello")], SimpleFileOptions::default());
    assert_eq!(
        error_message("a.docx", &bytes),
        "a.docx: not an Office document"
    );
    let empty_zip = zip_of(&[], SimpleFileOptions::default());
    assert_eq!(
        error_message("a.docx", &empty_zip),
        "a.docx: not an Office document"
    );
}

#[test]
fn random_bytes_are_not_office() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let error = read("a.docx", &bytes).unwrap_err();
    assert!(matches!(error.kind, ReadErrorKind::NotOffice));
    assert_eq!(error.to_string(), "a.docx: not an Office document");
}

#[test]
fn empty_file() {
    assert_eq!(error_message("a.docx", b""), "a.docx: file is empty");
}

#[test]
fn truncated_fixture_is_corrupt() {
    let bytes = fixture("docx");
    let error = read("a.docx", &bytes[..bytes.len() / 2]).unwrap_err();
    assert!(matches!(error.kind, ReadErrorKind::Corrupt(_)), "{error}");
    assert_eq!(
        error.to_string(),
        "a.docx: truncated or corrupt package (no end-of-central-directory record)"
    );
}

#[test]
fn crc_mismatch_is_corrupt() {
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut bytes = zip_of(
        &[("word/document.xml", b"<w:document>original</w:document>")],
        stored,
    );
    let at = bytes.windows(8).position(|w| w == b"original").unwrap();
    bytes[at] = b'O';
    let error = read("a.docx", &bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a.docx: truncated or corrupt package (word/document.xml: CRC mismatch)"
    );
}

#[test]
fn file_over_the_size_limit_is_refused_before_reading() {
    let limits = ReadLimits {
        max_file_bytes: 1000,
        ..ReadLimits::default()
    };
    let path = format!("{FIXTURES}/bulletin-2019-08.xlsx");
    let error = read_path(std::path::Path::new(&path), &limits).unwrap_err();
    assert!(matches!(error.kind, ReadErrorKind::LimitExceeded(_)));
    assert_eq!(
        error.to_string(),
        "bulletin-2019-08.xlsx: size limit exceeded (file is 15636 bytes, limit 1000)"
    );
    let error = read_bytes("a.docx", &fixture("docx"), &limits).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a.docx: size limit exceeded (file is 58612 bytes, limit 1000)"
    );
}

#[test]
fn row_limit_in_a_workbook_is_a_size_limit() {
    let limits = ReadLimits {
        max_rows: 10,
        ..ReadLimits::default()
    };
    let error = read_bytes("a.xls", &fixture("xls"), &limits).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a.xls: size limit exceeded (more than 10 table rows)"
    );
}

#[test]
fn missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let error = read_path(&dir.path().join("gone.docx"), &ReadLimits::default()).unwrap_err();
    assert!(matches!(error.kind, ReadErrorKind::Io(_)));
    assert!(
        error
            .to_string()
            .starts_with("gone.docx: cannot read file ("),
        "{error}"
    );
}

//! Hostile and broken input, end to end through `tongbao::convert_bytes`:
//! one test per error class, each asserting the message a user sees.

mod support;

use std::time::{Duration, Instant};

use support::{Entry, offsets};
use tongbao::Options;
use tongbao::model::{Bulletin, ReadLimits};

fn convert(file_name: &str, bytes: &[u8]) -> Result<Bulletin, String> {
    tongbao::convert_bytes(file_name, bytes, &Options::default()).map_err(|error| error.to_string())
}

fn convert_with(file_name: &str, bytes: &[u8], limits: ReadLimits) -> Result<Bulletin, String> {
    let options = Options { limits, year: None };
    tongbao::convert_bytes(file_name, bytes, &options).map_err(|error| error.to_string())
}

fn error_of(file_name: &str, bytes: &[u8]) -> String {
    match convert(file_name, bytes) {
        Ok(bulletin) => panic!("{file_name} converted to {} tasks", bulletin.tasks.len()),
        Err(message) => message,
    }
}

fn error_with(file_name: &str, bytes: &[u8], limits: ReadLimits) -> String {
    match convert_with(file_name, bytes, limits) {
        Ok(bulletin) => panic!("{file_name} converted to {} tasks", bulletin.tasks.len()),
        Err(message) => message,
    }
}

#[test]
fn generated_bulletins_convert() {
    for (name, bytes) in [
        ("ok.docx", support::bulletin_docx()),
        ("ok.xlsx", support::bulletin_xlsx()),
    ] {
        let bulletin = convert(name, &bytes).unwrap();
        assert_eq!(bulletin.tasks.len(), 4, "{name}");
        let task = &bulletin.tasks[0];
        assert_eq!(task.units, ["市甲局", "市乙局"], "{name}");
        let labels: Vec<_> = task
            .progress
            .iter()
            .map(|item| item.label.as_deref())
            .collect();
        assert_eq!(labels, [Some("1"), Some("2")], "{name}");
        assert_eq!(task.progress[1].text, "已投资1.5亿元。", "{name}");
        assert!(
            bulletin
                .diagnostics
                .iter()
                .all(|d| d.code != "extension-mismatch")
        );
    }
}

#[test]
fn bytes_that_are_not_a_zip_are_not_office() {
    assert_eq!(
        error_of("report.docx", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3 not a bulletin"),
        "report.docx: not an Office document"
    );
    assert_eq!(error_of("empty.xlsx", b""), "empty.xlsx: file is empty");
}

#[test]
fn zip_without_office_parts_is_not_office() {
    let bytes = support::stored_zip(&[("notes/readme.txt", b"hello")]);
    assert_eq!(
        error_of("archive.docx", &bytes),
        "archive.docx: not an Office document"
    );
}

#[test]
fn truncated_package_is_corrupt() {
    let bytes = support::bulletin_docx();
    let message = error_of("cut.docx", &bytes[..bytes.len() / 2]);
    assert_eq!(
        message,
        "cut.docx: truncated or corrupt package (no end-of-central-directory record)"
    );
}

#[test]
fn crc_mismatch_is_corrupt() {
    let mut built = support::build(&[
        Entry::stored(
            "[Content_Types].xml",
            support::DOCX_CONTENT_TYPES.as_bytes(),
        ),
        Entry::stored(
            "word/document.xml",
            support::document_xml(&support::sample_rows()).as_bytes(),
        ),
    ]);
    // Change one byte of the stored document text, keeping the recorded CRC.
    let data_at = built.local_at[1] + offsets::LOCAL_HEADER_LEN + "word/document.xml".len();
    built.bytes[data_at + 100] ^= 0x20;
    assert_eq!(
        error_of("flipped.docx", &built.bytes),
        "flipped.docx: truncated or corrupt package (word/document.xml: CRC mismatch)"
    );
}

#[test]
fn corrupt_deflate_stream_is_corrupt() {
    let original = std::fs::read(support::fixture_path("bulletin-2019-08.docx")).unwrap();
    let mut entries = support::entries(&original);
    let document = entries
        .iter_mut()
        .find(|entry| entry.name == "word/document.xml")
        .unwrap();
    // A deflate block header of type 3 is reserved: inflating must fail.
    document.data[0] |= 0b110;
    let message = error_of("deflate.docx", &support::zip(&entries));
    assert!(
        message.starts_with("deflate.docx: truncated or corrupt package (word/document.xml: "),
        "{message}"
    );
}

#[test]
fn word_package_without_its_document_names_the_missing_part() {
    let bytes = support::stored_zip(&[
        (
            "[Content_Types].xml",
            support::DOCX_CONTENT_TYPES.as_bytes(),
        ),
        ("word/styles.xml", b"<w:styles/>"),
    ]);
    assert_eq!(
        error_of("gutted.docx", &bytes),
        "gutted.docx: Word package has no word/document.xml"
    );
}

#[test]
fn workbook_renamed_docx_is_read_as_a_workbook_with_a_warning() {
    let bulletin = convert("清单.docx", &support::bulletin_xlsx()).unwrap();
    assert_eq!(bulletin.source.format.as_str(), "xlsx");
    assert_eq!(bulletin.tasks.len(), 4);
    let mismatch = bulletin
        .diagnostics
        .iter()
        .find(|diagnostic| diagnostic.code == "extension-mismatch")
        .expect("an extension-mismatch diagnostic");
    assert_eq!(
        mismatch.message,
        "the file name ends in .docx but the content is an Excel workbook; read as xlsx"
    );
}

#[test]
fn encrypted_ooxml_is_refused_as_encrypted() {
    let bytes = support::compound_file(&["EncryptionInfo", "EncryptedPackage"]);
    for name in ["secret.docx", "secret.xlsx"] {
        assert_eq!(
            error_of(name, &bytes),
            format!("{name}: encrypted or password-protected document")
        );
    }
}

#[test]
fn legacy_doc_and_wps_are_refused_with_the_conversion_command() {
    let bytes = support::compound_file(&["WordDocument", "1Table"]);
    assert_eq!(
        error_of("通报.doc", &bytes),
        "通报.doc: legacy Word .doc is not supported; \
         convert it with: soffice --headless --convert-to docx 通报.doc"
    );
    assert_eq!(
        error_of("my report.wps", &bytes),
        "my report.wps: WPS .wps is not supported; \
         convert it with: soffice --headless --convert-to docx 'my report.wps'"
    );
}

#[test]
fn document_without_a_task_table_says_so() {
    let bytes = support::docx_with(&support::document_xml(&[]));
    let message = error_of("letter.docx", &bytes);
    assert!(
        message.starts_with("letter.docx: no task table found ("),
        "{message}"
    );
}

#[test]
fn file_over_the_size_limit_is_refused() {
    let limits = ReadLimits {
        max_file_bytes: 1000,
        ..ReadLimits::default()
    };
    let bytes = support::bulletin_docx();
    assert_eq!(
        error_with("big.docx", &bytes, limits),
        format!(
            "big.docx: size limit exceeded (file is {} bytes, limit 1000)",
            bytes.len()
        )
    );
}

#[test]
fn part_over_the_size_limit_is_refused_on_its_declared_size() {
    let limits = ReadLimits {
        max_part_bytes: 1000,
        ..ReadLimits::default()
    };
    assert_eq!(
        error_with("big.docx", &support::bulletin_docx(), limits),
        "big.docx: size limit exceeded (part word/document.xml inflates to more than 1000 bytes)"
    );
}

#[test]
fn too_many_zip_entries_are_refused_before_listing_them() {
    let limits = ReadLimits {
        max_zip_entries: 2,
        ..ReadLimits::default()
    };
    assert_eq!(
        error_with("many.docx", &support::bulletin_docx(), limits),
        "many.docx: size limit exceeded (zip package lists 5 entries, over the limit of 2)"
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_refused() {
    let deep = "<w:sdt><w:sdtContent>".repeat(200) + &"</w:sdtContent></w:sdt>".repeat(200);
    let xml = support::document_xml(&support::sample_rows())
        .replace("<w:sectPr/>", &format!("{deep}<w:sectPr/>"));
    let message = error_of("deep.docx", &support::docx_with(&xml));
    assert!(
        message.starts_with("deep.docx: malformed document (word/document.xml at byte "),
        "{message}"
    );
    assert!(
        message.ends_with(": elements nested deeper than 256)"),
        "{message}"
    );
}

#[test]
fn rows_and_cells_over_the_limits_are_refused() {
    for (limits, file, expected) in [
        (
            ReadLimits {
                max_rows: 3,
                ..ReadLimits::default()
            },
            "rows.docx",
            "rows.docx: size limit exceeded (word/document.xml has more than 3 table rows)",
        ),
        (
            ReadLimits {
                max_cells: 10,
                ..ReadLimits::default()
            },
            "cells.docx",
            // Paragraphs are bounded by the cell limit too, and there are more of them.
            "cells.docx: size limit exceeded (word/document.xml has more than 10 paragraphs)",
        ),
    ] {
        assert_eq!(
            error_with(file, &support::bulletin_docx(), limits),
            expected
        );
    }
    for (limits, file, expected) in [
        (
            ReadLimits {
                max_rows: 3,
                ..ReadLimits::default()
            },
            "rows.xlsx",
            "rows.xlsx: size limit exceeded (more than 3 table rows)",
        ),
        (
            ReadLimits {
                max_cells: 10,
                ..ReadLimits::default()
            },
            "cells.xlsx",
            "cells.xlsx: size limit exceeded (more than 10 table cells)",
        ),
    ] {
        assert_eq!(
            error_with(file, &support::bulletin_xlsx(), limits),
            expected
        );
    }
}

#[test]
fn doctype_and_entity_declarations_are_refused_in_any_part() {
    let doctype = r#"<!DOCTYPE w:document [<!ENTITY x "y">]>"#;
    let document =
        support::document_xml(&support::sample_rows()).replacen("?>", &format!("?>{doctype}"), 1);
    let message = error_of("dtd.docx", &support::docx_with(&document));
    assert!(
        message.starts_with("dtd.docx: malformed document (word/document.xml at byte "),
        "{message}"
    );
    assert!(
        message.ends_with(": DOCTYPE and entity declarations are not accepted)"),
        "{message}"
    );
    let sheet =
        support::sheet_xml(&support::sample_rows()).replacen("?>", &format!("?>{doctype}"), 1);
    let message = error_of("dtd.xlsx", &support::xlsx_with(&sheet));
    assert_eq!(
        message,
        "dtd.xlsx: malformed document (xl/worksheets/sheet1.xml at byte 55: \
         DOCTYPE and entity declarations are not accepted)"
    );
}

/// The classic billion laughs: ten levels of ten references each.
fn billion_laughs() -> String {
    let mut declarations = String::from(r#"<!ENTITY lol0 "lol">"#);
    for level in 1..10 {
        let previous = format!("&lol{};", level - 1).repeat(10);
        declarations.push_str(&format!(r#"<!ENTITY lol{level} "{previous}">"#));
    }
    format!(
        r#"<?xml version="1.0"?><!DOCTYPE lolz [{declarations}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#
    )
}

#[test]
fn billion_laughs_is_refused_without_expansion() {
    let started = Instant::now();
    let message = error_of("lol.docx", &support::docx_with(&billion_laughs()));
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        message.ends_with("DOCTYPE and entity declarations are not accepted)"),
        "{message}"
    );
    // Without the declarations the reference is just undefined, never expanded.
    let body_only = billion_laughs().replace(
        &billion_laughs()[billion_laughs().find("<!DOCTYPE").unwrap()
            ..billion_laughs().find("<w:document").unwrap()],
        "",
    );
    let message = error_of("lol.docx", &support::docx_with(&body_only));
    assert!(message.ends_with("undefined entity &lol9;)"), "{message}");
}

//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

use std::io::Write;
use std::path::PathBuf;

use tongbao_model::{Block, Document, ReadLimits, Table};

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub fn fixture(path: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(path);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

pub fn read(bytes: &[u8]) -> Document {
    tongbao_docx::read_docx(bytes, &ReadLimits::default()).unwrap()
}

pub fn read_fixture(path: &str) -> Document {
    read(&fixture(path))
}

pub fn only_table(document: &Document) -> &Table {
    let tables: Vec<&Table> = document.tables().collect();
    assert_eq!(tables.len(), 1, "expected exactly one table");
    tables[0]
}

/// Each row's cell texts (labels included, paragraphs joined by `\n`).
pub fn cell_texts(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|cell| cell.text()).collect())
        .collect()
}

/// The texts of the paragraphs outside tables.
pub fn body_paragraphs(document: &Document) -> Vec<String> {
    document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(paragraph) => Some(paragraph.display_text()),
            Block::Table(_) => None,
        })
        .collect()
}

/// A package holding the given parts, deflated.
pub fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in parts {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(content.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A package whose `word/document.xml` has `body` inside `w:body`.
pub fn docx_with_body(body: &str) -> Vec<u8> {
    package(&[(
        "word/document.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>"#
        ),
    )])
}

/// A document built with docx-rs, packed.
pub fn pack(docx: docx_rs::Docx) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).unwrap();
    out.into_inner()
}

/// Each row's cells as (grid column, column span).
pub fn placement(table: &Table) -> Vec<Vec<(usize, usize)>> {
    table
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .map(|cell| (cell.grid_col, cell.col_span))
                .collect()
        })
        .collect()
}

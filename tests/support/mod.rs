//! Builders for hostile-input tests: zip packages written by hand (so a test
//! controls every header field), raw re-zipping of existing packages, a
//! minimal OLE2 compound file, and small generated bulletins.
//!
//! Each test binary uses only some of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Compression method "stored" (no compression).
pub const STORED: u16 = 0;

/// Field offsets inside a local file header and a central directory header.
pub mod offsets {
    pub const LOCAL_METHOD: usize = 8;
    pub const LOCAL_CRC: usize = 14;
    pub const LOCAL_COMPRESSED_SIZE: usize = 18;
    pub const LOCAL_SIZE: usize = 22;
    pub const LOCAL_NAME_LEN: usize = 26;
    pub const LOCAL_HEADER_LEN: usize = 30;
    pub const CENTRAL_METHOD: usize = 10;
    pub const CENTRAL_CRC: usize = 16;
    pub const CENTRAL_COMPRESSED_SIZE: usize = 20;
    pub const CENTRAL_SIZE: usize = 24;
    pub const CENTRAL_LOCAL_OFFSET: usize = 42;
}

/// CRC-32 (IEEE), bit by bit: test data is small.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// One zip entry as it sits in the archive: `data` is the compressed bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    pub method: u16,
    pub crc: u32,
    /// Declared uncompressed size.
    pub size: u32,
    pub data: Vec<u8>,
}

impl Entry {
    /// An uncompressed entry with a correct CRC and size.
    pub fn stored(name: &str, content: &[u8]) -> Entry {
        Entry {
            name: name.to_owned(),
            method: STORED,
            crc: crc32(content),
            size: u32::try_from(content.len()).unwrap(),
            data: content.to_vec(),
        }
    }
}

/// A zip written by [`build`], with where each entry's headers start.
pub struct Built {
    pub bytes: Vec<u8>,
    pub local_at: Vec<usize>,
    pub central_at: Vec<usize>,
}

impl Built {
    /// Overwrites a little-endian u32 at `at`.
    pub fn patch_u32(&mut self, at: usize, value: u32) {
        self.bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
    }
}

fn push_u16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn push_u32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// Writes entries as a zip: local headers and data, central directory, end record.
pub fn build(entries: &[Entry]) -> Built {
    let mut bytes = Vec::new();
    let mut local_at = Vec::new();
    for entry in entries {
        local_at.push(bytes.len());
        push_u32(&mut bytes, 0x0403_4b50);
        push_u16(&mut bytes, 20); // version needed
        push_u16(&mut bytes, 0); // flags
        push_u16(&mut bytes, entry.method);
        push_u16(&mut bytes, 0); // time
        push_u16(&mut bytes, 0x21); // date 1980-01-01
        push_u32(&mut bytes, entry.crc);
        push_u32(&mut bytes, u32::try_from(entry.data.len()).unwrap());
        push_u32(&mut bytes, entry.size);
        push_u16(&mut bytes, u16::try_from(entry.name.len()).unwrap());
        push_u16(&mut bytes, 0); // extra length
        bytes.extend_from_slice(entry.name.as_bytes());
        bytes.extend_from_slice(&entry.data);
    }
    let directory_at = bytes.len();
    let mut central_at = Vec::new();
    for (entry, &local) in entries.iter().zip(&local_at) {
        central_at.push(bytes.len());
        push_u32(&mut bytes, 0x0201_4b50);
        push_u16(&mut bytes, 20); // made by
        push_u16(&mut bytes, 20); // version needed
        push_u16(&mut bytes, 0); // flags
        push_u16(&mut bytes, entry.method);
        push_u16(&mut bytes, 0);
        push_u16(&mut bytes, 0x21);
        push_u32(&mut bytes, entry.crc);
        push_u32(&mut bytes, u32::try_from(entry.data.len()).unwrap());
        push_u32(&mut bytes, entry.size);
        push_u16(&mut bytes, u16::try_from(entry.name.len()).unwrap());
        push_u16(&mut bytes, 0); // extra
        push_u16(&mut bytes, 0); // comment
        push_u16(&mut bytes, 0); // disk
        push_u16(&mut bytes, 0); // internal attributes
        push_u32(&mut bytes, 0); // external attributes
        push_u32(&mut bytes, u32::try_from(local).unwrap());
        bytes.extend_from_slice(entry.name.as_bytes());
    }
    let directory_len = bytes.len() - directory_at;
    let count = u16::try_from(entries.len()).unwrap();
    push_u32(&mut bytes, 0x0605_4b50);
    push_u16(&mut bytes, 0);
    push_u16(&mut bytes, 0);
    push_u16(&mut bytes, count);
    push_u16(&mut bytes, count);
    push_u32(&mut bytes, u32::try_from(directory_len).unwrap());
    push_u32(&mut bytes, u32::try_from(directory_at).unwrap());
    push_u16(&mut bytes, 0); // comment
    Built {
        bytes,
        local_at,
        central_at,
    }
}

/// The zip of `entries`.
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    build(entries).bytes
}

/// A zip of uncompressed parts.
pub fn stored_zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let entries: Vec<Entry> = parts
        .iter()
        .map(|(name, content)| Entry::stored(name, content))
        .collect();
    zip(&entries)
}

fn read_u16(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes(bytes[at..at + 2].try_into().unwrap())
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

/// The entries of a well-formed zip, compressed bytes as they are, read
/// through its central directory.
pub fn entries(bytes: &[u8]) -> Vec<Entry> {
    let end = bytes
        .windows(4)
        .rposition(|window| window == b"PK\x05\x06")
        .expect("an end-of-central-directory record");
    let count = usize::from(read_u16(bytes, end + 10));
    let mut at = read_u32(bytes, end + 16) as usize;
    let mut found = Vec::new();
    for _ in 0..count {
        assert_eq!(read_u32(bytes, at), 0x0201_4b50, "central header");
        let method = read_u16(bytes, at + offsets::CENTRAL_METHOD);
        let crc = read_u32(bytes, at + offsets::CENTRAL_CRC);
        let compressed = read_u32(bytes, at + offsets::CENTRAL_COMPRESSED_SIZE) as usize;
        let size = read_u32(bytes, at + offsets::CENTRAL_SIZE);
        let name_len = usize::from(read_u16(bytes, at + 28));
        let extra_len = usize::from(read_u16(bytes, at + 30));
        let comment_len = usize::from(read_u16(bytes, at + 32));
        let local = read_u32(bytes, at + offsets::CENTRAL_LOCAL_OFFSET) as usize;
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let local_name_len = usize::from(read_u16(bytes, local + offsets::LOCAL_NAME_LEN));
        let local_extra_len = usize::from(read_u16(bytes, local + 28));
        let data_at = local + offsets::LOCAL_HEADER_LEN + local_name_len + local_extra_len;
        found.push(Entry {
            name,
            method,
            crc,
            size,
            data: bytes[data_at..data_at + compressed].to_vec(),
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    found
}

/// A minimal OLE2 compound file (version 3) whose root storage holds empty
/// streams with these names, such as Office writes around an encrypted
/// package (`EncryptionInfo`, `EncryptedPackage`) or a Word 97 document
/// (`WordDocument`). At most three streams.
pub fn compound_file(streams: &[&str]) -> Vec<u8> {
    const FREE: u32 = 0xFFFF_FFFF;
    const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
    const FAT_SECTOR: u32 = 0xFFFF_FFFD;
    const NO_STREAM: u32 = 0xFFFF_FFFF;
    assert!(
        streams.len() <= 3,
        "one directory sector holds four entries"
    );
    // Siblings are ordered by name length, then by upper-case name.
    let mut streams = streams.to_vec();
    streams.sort_by_key(|name| (name.encode_utf16().count(), name.to_uppercase()));

    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    header[24..26].copy_from_slice(&0x003Eu16.to_le_bytes()); // minor version
    header[26..28].copy_from_slice(&3u16.to_le_bytes()); // major version
    header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes()); // byte order
    header[30..32].copy_from_slice(&9u16.to_le_bytes()); // 512-byte sectors
    header[32..34].copy_from_slice(&6u16.to_le_bytes()); // 64-byte mini sectors
    header[44..48].copy_from_slice(&1u32.to_le_bytes()); // FAT sectors
    header[48..52].copy_from_slice(&1u32.to_le_bytes()); // first directory sector
    header[56..60].copy_from_slice(&4096u32.to_le_bytes()); // mini stream cutoff
    header[60..64].copy_from_slice(&END_OF_CHAIN.to_le_bytes()); // mini FAT
    header[68..72].copy_from_slice(&END_OF_CHAIN.to_le_bytes()); // DIFAT
    for slot in 0..109 {
        let value = if slot == 0 { 0 } else { FREE };
        header[76 + slot * 4..80 + slot * 4].copy_from_slice(&value.to_le_bytes());
    }

    let mut fat = vec![0u8; 512];
    for slot in 0..128 {
        let value = match slot {
            0 => FAT_SECTOR,
            1 => END_OF_CHAIN,
            _ => FREE,
        };
        fat[slot * 4..slot * 4 + 4].copy_from_slice(&value.to_le_bytes());
    }

    let entry = |name: &str, kind: u8, right: u32, child: u32| {
        let mut entry = vec![0u8; 128];
        let utf16: Vec<u16> = name.encode_utf16().collect();
        for (index, unit) in utf16.iter().enumerate() {
            entry[index * 2..index * 2 + 2].copy_from_slice(&unit.to_le_bytes());
        }
        let name_len = u16::try_from((utf16.len() + 1) * 2).unwrap();
        entry[64..66].copy_from_slice(&name_len.to_le_bytes());
        entry[66] = kind;
        entry[67] = 1; // black
        entry[68..72].copy_from_slice(&NO_STREAM.to_le_bytes()); // left
        entry[72..76].copy_from_slice(&right.to_le_bytes());
        entry[76..80].copy_from_slice(&child.to_le_bytes());
        entry[116..120].copy_from_slice(&END_OF_CHAIN.to_le_bytes()); // start sector
        entry
    };
    let mut directory = Vec::new();
    let first_child = if streams.is_empty() { NO_STREAM } else { 1 };
    directory.extend(entry("Root Entry", 5, NO_STREAM, first_child));
    for (index, name) in streams.iter().enumerate() {
        let id = u32::try_from(index + 1).unwrap();
        let right = if index + 1 < streams.len() {
            id + 1
        } else {
            NO_STREAM
        };
        directory.extend(entry(name, 2, right, NO_STREAM));
    }
    while directory.len() < 512 {
        let mut unused = vec![0u8; 128];
        unused[68..80].fill(0xFF);
        directory.extend(unused);
    }
    [header, fat, directory].concat()
}

/// XML-escapes text for element content.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The header of the generated bulletin tables.
pub const HEADER: [&str; 5] = [
    "攻坚领域",
    "重点工作任务",
    "责任单位",
    "完成情况",
    "“销号”状态",
];

/// A few task rows (area, task, units, progress, status) for generated bulletins.
pub fn sample_rows() -> Vec<[String; 5]> {
    (1..=4)
        .map(|no| {
            [
                format!("{}、测试领域", ["一", "二"][(no - 1) / 2]),
                format!("{no}．9月底前完成第{no}项工作。"),
                "市甲局\n市乙局".to_owned(),
                format!("#截至8月底完成{}0%。\n#已投资1.5亿元。", no + 4),
                if no % 2 == 0 {
                    "“销号”"
                } else {
                    "序时推进"
                }
                .to_owned(),
            ]
        })
        .collect()
}

/// `word/document.xml` with a title paragraph and, when `rows` is not
/// empty, a table of `HEADER` and the rows; `\n` in a cell starts a paragraph.
pub fn document_xml(rows: &[[String; 5]]) -> String {
    // A paragraph starting with `#` is auto-numbered through the `Item` style.
    let paragraph = |text: &str| match text.strip_prefix('#') {
        Some(item) => format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Item"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
            escape(item)
        ),
        None => format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", escape(text)),
    };
    let cell = |text: &str| {
        let paragraphs: String = text.split('\n').map(paragraph).collect();
        format!("<w:tc>{paragraphs}</w:tc>")
    };
    let row = |cells: &[String]| {
        let cells: String = cells.iter().map(|text| cell(text)).collect();
        format!("<w:tr>{cells}</w:tr>")
    };
    let mut body = paragraph("重点攻坚任务“销号”情况通报") + &paragraph("（截至8月底）");
    if !rows.is_empty() {
        let header: Vec<String> = HEADER.iter().map(|name| (*name).to_owned()).collect();
        body.push_str("<w:tbl>");
        body.push_str(&row(&header));
        for cells in rows {
            body.push_str(&row(cells));
        }
        body.push_str("</w:tbl>");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{WORD_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

pub const DOCX_CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const DOCX_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A paragraph style that numbers its paragraphs through list 1.
const DOCX_STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Item"><w:name w:val="Item"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#;

/// List 1: `1.` then `（1）`, restarting below.
const DOCX_NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

/// A stored (uncompressed) `.docx` whose main part is `document_xml`, with
/// small styles and numbering parts.
pub fn docx_with(document_xml: &str) -> Vec<u8> {
    stored_zip(&[
        ("[Content_Types].xml", DOCX_CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", DOCX_RELS.as_bytes()),
        ("word/document.xml", document_xml.as_bytes()),
        ("word/styles.xml", DOCX_STYLES.as_bytes()),
        ("word/numbering.xml", DOCX_NUMBERING.as_bytes()),
    ])
}

/// A stored `.docx` bulletin with the sample rows.
pub fn bulletin_docx() -> Vec<u8> {
    docx_with(&document_xml(&sample_rows()))
}

/// `xl/worksheets/sheet1.xml` holding `HEADER` and the rows as inline strings.
pub fn sheet_xml(rows: &[[String; 5]]) -> String {
    let columns = ["A", "B", "C", "D", "E"];
    let mut data = String::new();
    let header: Vec<String> = HEADER.iter().map(|name| (*name).to_owned()).collect();
    for (index, cells) in std::iter::once(&header[..])
        .chain(rows.iter().map(|row| &row[..]))
        .enumerate()
    {
        let number = index + 1;
        data.push_str(&format!(r#"<row r="{number}">"#));
        for (column, text) in columns.iter().zip(cells) {
            // Excel has no auto-numbering: items carry their number as text.
            let lines: Vec<String> = text
                .split('\n')
                .enumerate()
                .map(|(index, line)| match line.strip_prefix('#') {
                    Some(item) => format!("{}.{item}", index + 1),
                    None => line.to_owned(),
                })
                .collect();
            data.push_str(&format!(
                r#"<c r="{column}{number}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                escape(&lines.join("\n"))
            ));
        }
        data.push_str("</row>");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#
    )
}

/// A stored `.xlsx` bulletin whose one worksheet is `sheet_xml`.
pub fn xlsx_with(sheet_xml: &str) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let workbook_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    stored_zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet_xml.as_bytes()),
    ])
}

/// A stored `.xlsx` bulletin with the sample rows.
pub fn bulletin_xlsx() -> Vec<u8> {
    xlsx_with(&sheet_xml(&sample_rows()))
}

/// `fixtures/<relative>` in this repository.
pub fn fixture_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(relative)
}

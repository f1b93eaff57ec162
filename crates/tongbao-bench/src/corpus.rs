//! Deterministic bulletin variants made by rewriting a fixture's XML:
//! table rows shuffled and duplicated (more tasks), long texts lengthened.
//! Copied texts get their ASCII digits changed so that repeated rows do
//! not compress to nothing (which would trip the reader's zip-bomb limit
//! and flatter the inflater).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::BenchError;
use crate::package::{read_text_part, replace_part};
use fastrand::Rng;

pub const DOCX_MAIN_PART: &str = "word/document.xml";
pub const XLSX_FIRST_SHEET: &str = "xl/worksheets/sheet1.xml";

/// Texts (one `w:t` run or sheet string) of at least this many characters
/// count as prose worth lengthening; shorter ones are headers, numbers and
/// unit names. Word splits paragraphs into short runs, hence a low bar.
const LONG_TEXT_CHARS: usize = 20;

static DOCX_TEXT: LazyLock<Regex> = LazyLock::new(|| text_pattern("w:t"));
static XLSX_TEXT: LazyLock<Regex> = LazyLock::new(|| text_pattern("t"));
static XLSX_ROW_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<row r="\d+""#).unwrap_or_else(|_| unreachable!("constant pattern"))
});
static XLSX_CELL_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<c r="([A-Z]+)\d+""#).unwrap_or_else(|_| unreachable!("constant pattern"))
});
static XLSX_DIMENSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"/>"#)
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});

fn text_pattern(tag: &str) -> Regex {
    Regex::new(&format!(
        r"(<{tag}(?: [^>]*)?>)([^<]{{{LONG_TEXT_CHARS},}})(</{tag}>)"
    ))
    .unwrap_or_else(|_| unreachable!("constant pattern"))
}

/// How one variant differs from its fixture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    pub seed: u64,
    /// Shuffle the body rows (Word only: a sheet's merged ranges name rows).
    pub shuffle_rows: bool,
    /// Copies of random body rows appended to the table.
    pub extra_rows: usize,
    /// Each long text is written this many times (1 keeps it).
    pub lengthen: usize,
}

/// A table's XML cut into what comes before its rows, the rows, and the rest.
struct SplitTable<'a> {
    before: &'a str,
    rows: Vec<&'a str>,
    after: &'a str,
}

impl SplitTable<'_> {
    fn join(&self, rows: &[String]) -> String {
        let mut xml = String::with_capacity(
            self.before.len() + self.after.len() + rows.iter().map(String::len).sum::<usize>(),
        );
        xml.push_str(self.before);
        rows.iter().for_each(|row| xml.push_str(row));
        xml.push_str(self.after);
        xml
    }
}

/// Whether `xml` at `at` opens element `name` (`<name>` or `<name ...`).
fn opens(xml: &str, at: usize, name: &str) -> bool {
    let Some(rest) = xml.get(at + 1..) else {
        return false;
    };
    rest.strip_prefix(name)
        .is_some_and(|rest| rest.starts_with([' ', '>', '/']))
}

fn closes(xml: &str, at: usize, name: &str) -> bool {
    xml.get(at..)
        .and_then(|rest| rest.strip_prefix("</"))
        .and_then(|rest| rest.strip_prefix(name))
        .is_some_and(|rest| rest.starts_with('>'))
}

/// The rows (`row` elements directly in the first top-level `table`) of `xml`.
fn split_rows<'a>(
    xml: &'a str,
    table: &str,
    row: &str,
    part: &str,
) -> Result<SplitTable<'a>, BenchError> {
    let mut table_depth = 0usize;
    let mut row_start = None;
    let mut rows = Vec::new();
    let mut first = None;
    let mut last = None;
    for (at, _) in xml.match_indices('<') {
        if opens(xml, at, table) {
            table_depth += 1;
        } else if closes(xml, at, table) {
            table_depth = table_depth.saturating_sub(1);
            if table_depth == 0 && !rows.is_empty() {
                break;
            }
        } else if table_depth == 1 && opens(xml, at, row) {
            row_start = Some(at);
            first = first.or(Some(at));
        } else if table_depth == 1 && closes(xml, at, row) {
            let end = at + row.len() + 3;
            if let Some(start) = row_start.take() {
                rows.push(xml.get(start..end).unwrap_or_default());
                last = Some(end);
            }
        }
    }
    let (Some(first), Some(last)) = (first, last) else {
        return Err(BenchError::NoRows {
            part: part.to_owned(),
        });
    };
    Ok(SplitTable {
        before: xml.get(..first).unwrap_or_default(),
        rows,
        after: xml.get(last..).unwrap_or_default(),
    })
}

/// Replaces ASCII digits in character data with random ones, so a copy
/// differs from its original; digits in markup (`<c r="B7" s="3">`) and in
/// character references (`&#8220;`) are kept so the XML stays the same shape.
fn perturb_digits(xml: &str, rng: &mut Rng) -> String {
    let mut in_markup = false;
    xml.chars()
        .map(|c| {
            match c {
                '<' | '&' => in_markup = true,
                '>' | ';' => in_markup = false,
                '0'..='9' if !in_markup => {
                    let digit = rng.u32(..10);
                    return char::from_digit(digit, 10).unwrap_or(c);
                }
                _ => {}
            }
            c
        })
        .collect()
}

/// `xml` with every long text matched by `pattern` written `times` times.
fn lengthen_texts(xml: &str, pattern: &Regex, times: usize, rng: &mut Rng) -> String {
    if times <= 1 {
        return xml.to_owned();
    }
    pattern
        .replace_all(xml, |captures: &Captures<'_>| {
            let text = captures.get(2).map_or("", |m| m.as_str());
            let mut out = captures.get(1).map_or("", |m| m.as_str()).to_owned();
            out.push_str(text);
            for _ in 1..times {
                out.push_str(&perturb_digits(text, rng));
            }
            out.push_str(captures.get(3).map_or("", |m| m.as_str()));
            out
        })
        .into_owned()
}

/// Word header rows (`w:tblHeader`) stay on top; without any, the first row does.
fn docx_header_rows(rows: &[&str]) -> usize {
    let marked = rows
        .iter()
        .take_while(|row| row.contains("<w:tblHeader"))
        .count();
    marked.max(1).min(rows.len())
}

/// Body rows for a table of `body_len` rows: `source` in a shuffled or
/// original order, then random extra copies, copies' digits perturbed.
fn body_rows(source: &[&str], body_len: usize, shuffle: bool, rng: &mut Rng) -> Vec<String> {
    let mut order: Vec<usize> = (0..source.len()).collect();
    if shuffle {
        rng.shuffle(&mut order);
    }
    let mut rows: Vec<String> = order
        .iter()
        .filter_map(|&index| source.get(index))
        .map(|row| (*row).to_owned())
        .collect();
    rows.truncate(body_len);
    while rows.len() < body_len {
        let Some(row) = source.get(rng.usize(..source.len().max(1))) else {
            break;
        };
        rows.push(perturb_digits(row, rng));
    }
    rows
}

fn docx_rewrite(
    package: &[u8],
    variant: &Variant,
    body_len: impl FnOnce(usize) -> usize,
) -> Result<Vec<u8>, BenchError> {
    let mut rng = Rng::with_seed(variant.seed);
    let xml = read_text_part(package, DOCX_MAIN_PART)?;
    let table = split_rows(&xml, "w:tbl", "w:tr", DOCX_MAIN_PART)?;
    let header_len = docx_header_rows(&table.rows);
    let (header, body) = table.rows.split_at(header_len);
    let mut rows: Vec<String> = header.iter().map(|row| (*row).to_owned()).collect();
    rows.extend(body_rows(
        body,
        body_len(body.len()),
        variant.shuffle_rows,
        &mut rng,
    ));
    let rewritten = lengthen_texts(&table.join(&rows), &DOCX_TEXT, variant.lengthen, &mut rng);
    replace_part(package, DOCX_MAIN_PART, rewritten.as_bytes())
}

/// A variant of a `.docx` bulletin whose main table is the first table.
pub fn docx_variant(package: &[u8], variant: &Variant) -> Result<Vec<u8>, BenchError> {
    docx_rewrite(package, variant, |len| len + variant.extra_rows)
}

/// A `.docx` whose main table has `body_rows` rows below its header, made of
/// shuffled copies of the fixture's rows; for the scaling curve.
pub fn docx_with_rows(
    package: &[u8],
    body_rows: usize,
    lengthen: usize,
    seed: u64,
) -> Result<Vec<u8>, BenchError> {
    let variant = Variant {
        seed,
        shuffle_rows: true,
        extra_rows: 0,
        lengthen,
    };
    docx_rewrite(package, &variant, |_| body_rows)
}

/// A variant of an `.xlsx` bulletin: long texts lengthened and copies of
/// random rows appended below the table, numbered on. Rows are not shuffled
/// because merged ranges name them.
pub fn xlsx_variant(package: &[u8], variant: &Variant) -> Result<Vec<u8>, BenchError> {
    let mut rng = Rng::with_seed(variant.seed);
    let xml = read_text_part(package, XLSX_FIRST_SHEET)?;
    let table = split_rows(&xml, "sheetData", "row", XLSX_FIRST_SHEET)?;
    let mut rows: Vec<String> = table.rows.iter().map(|row| (*row).to_owned()).collect();
    // Only rows below the first two (title and header) are copied.
    let body = table.rows.get(2..).unwrap_or_default();
    for _ in 0..variant.extra_rows {
        let Some(row) = body.get(rng.usize(..body.len().max(1))) else {
            break;
        };
        let number = rows.len() + 1;
        let renumbered = XLSX_ROW_NUMBER.replace(row, format!(r#"<row r="{number}""#));
        let renumbered = XLSX_CELL_REF.replace_all(&renumbered, |captures: &Captures<'_>| {
            let column = captures.get(1).map_or("", |m| m.as_str());
            format!(r#"<c r="{column}{number}""#)
        });
        rows.push(perturb_digits(&renumbered, &mut rng));
    }
    let last_row = rows.len();
    let joined = table.join(&rows);
    let joined = XLSX_DIMENSION.replace(&joined, |captures: &Captures<'_>| {
        let start = captures.get(1).map_or("A1", |m| m.as_str());
        let column = captures.get(2).map_or("A", |m| m.as_str());
        format!(r#"<dimension ref="{start}:{column}{last_row}"/>"#)
    });
    let rewritten = lengthen_texts(&joined, &XLSX_TEXT, variant.lengthen, &mut rng);
    replace_part(package, XLSX_FIRST_SHEET, rewritten.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::read_text_part;
    use crate::test_fixture as fixture;

    const TABLE: &str = "<w:body><w:p/><w:tbl><w:tblPr/><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>H</w:tc></w:tr>\
        <w:tr><w:tc><w:tbl><w:tr><w:tc>nested</w:tc></w:tr></w:tbl></w:tc></w:tr>\
        <w:tr><w:tc>B</w:tc></w:tr></w:tbl><w:tbl><w:tr/></w:tbl></w:body>";

    #[test]
    fn splits_top_level_rows_of_the_first_table() {
        let split = split_rows(TABLE, "w:tbl", "w:tr", "test").unwrap();
        assert_eq!(split.rows.len(), 3);
        assert!(split.rows[1].contains("nested"));
        assert_eq!(split.rows[2], "<w:tr><w:tc>B</w:tc></w:tr>");
        assert_eq!(split.before, "<w:body><w:p/><w:tbl><w:tblPr/>");
        assert_eq!(split.after, "</w:tbl><w:tbl><w:tr/></w:tbl></w:body>");
        assert_eq!(docx_header_rows(&split.rows), 1);
        let rows: Vec<String> = split.rows.iter().map(|row| (*row).to_owned()).collect();
        assert_eq!(split.join(&rows), TABLE);
    }

    #[test]
    fn perturbs_digits_but_not_character_references() {
        let xml = r#"<c r="B7" s="3"><t>截止8月23日&#8220;x&#8221;完成93%</t></c>"#;
        let changed = perturb_digits(xml, &mut Rng::with_seed(3));
        assert_eq!(changed.chars().count(), xml.chars().count());
        assert!(changed.starts_with(r#"<c r="B7" s="3"><t>截止"#));
        assert!(changed.contains("&#8220;x&#8221;"));
        assert!(changed.ends_with("%</t></c>"));
        assert_ne!(changed, xml);
    }

    #[test]
    fn lengthens_only_long_texts() {
        let long = "甲".repeat(LONG_TEXT_CHARS);
        let short = "短".repeat(LONG_TEXT_CHARS - 1);
        let xml = format!("<w:t>{short}</w:t><w:t xml:space=\"preserve\">{long}</w:t>");
        let out = lengthen_texts(&xml, &DOCX_TEXT, 3, &mut Rng::with_seed(1));
        assert_eq!(
            out,
            format!("<w:t>{short}</w:t><w:t xml:space=\"preserve\">{long}{long}{long}</w:t>")
        );
    }

    #[test]
    fn docx_variant_has_more_rows_and_is_deterministic() {
        let original = fixture("bulletin-2019-08.docx");
        let variant = Variant {
            seed: 9,
            shuffle_rows: true,
            extra_rows: 25,
            lengthen: 2,
        };
        let bytes = docx_variant(&original, &variant).unwrap();
        assert_eq!(bytes, docx_variant(&original, &variant).unwrap());
        let xml = read_text_part(&bytes, DOCX_MAIN_PART).unwrap();
        let before = read_text_part(&original, DOCX_MAIN_PART).unwrap();
        let rows = |xml: &str| split_rows(xml, "w:tbl", "w:tr", "t").unwrap().rows.len();
        assert_eq!(rows(&xml), rows(&before) + 25);
        assert!(xml.len() > before.len() * 3 / 2);
        let bulletin =
            tongbao::convert_bytes("v.docx", &bytes, &tongbao::Options::default()).unwrap();
        assert!(bulletin.tasks.len() >= 59 + 25, "{}", bulletin.tasks.len());
    }

    #[test]
    fn xlsx_variant_appends_renumbered_rows() {
        let original = fixture("bulletin-2019-08.xlsx");
        let variant = Variant {
            seed: 2,
            shuffle_rows: false,
            extra_rows: 10,
            lengthen: 2,
        };
        let bytes = xlsx_variant(&original, &variant).unwrap();
        let xml = read_text_part(&bytes, XLSX_FIRST_SHEET).unwrap();
        assert!(xml.contains(r#"<row r="71""#));
        assert!(xml.contains(r#"<c r="E71""#));
        assert!(xml.contains(r#"<dimension ref="A1:E71"/>"#));
        let bulletin =
            tongbao::convert_bytes("v.xlsx", &bytes, &tongbao::Options::default()).unwrap();
        assert!(bulletin.tasks.len() >= 59 + 10, "{}", bulletin.tasks.len());
    }

    #[test]
    fn docx_with_rows_sets_the_row_count() {
        let original = fixture("bulletin-2019-08.docx");
        let bytes = docx_with_rows(&original, 300, 1, 5).unwrap();
        let xml = read_text_part(&bytes, DOCX_MAIN_PART).unwrap();
        assert_eq!(
            split_rows(&xml, "w:tbl", "w:tr", "t").unwrap().rows.len(),
            301
        );
    }
}

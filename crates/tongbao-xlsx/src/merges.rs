//! Merged regions of `.xlsx` worksheets read straight from each sheet part.
//!
//! calamine's `merge_cells_by_sheet_name` parses a whole sheet a second time
//! to reach its `<mergeCells>`, which Excel writes after the cells. Here the
//! sheet part is found the way calamine finds it (`_rels/.rels` names the
//! workbook part, its relationships name each sheet's part), the element is
//! located with `memmem`, and only it is parsed. Anything this fast path does
//! not understand exactly (a missing part, markup that could hide the element
//! from a search, an unusual reference) returns `None`, and the caller asks
//! calamine, so results and errors stay calamine's.

use std::collections::BTreeMap;

use calamine::Dimensions;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use tongbao_package::Package;

const PACKAGE_RELATIONSHIPS: &str = "_rels/.rels";
const OFFICE_DOCUMENT_TYPE_SUFFIX: &str = "/relationships/officeDocument";
const DEFAULT_WORKBOOK_NAME: &str = "workbook.xml";

/// Each worksheet's part, by sheet name, in a zip-based workbook.
pub(crate) struct SheetParts<'a> {
    package: Package<'a>,
    part_by_sheet: BTreeMap<String, String>,
}

impl<'a> SheetParts<'a> {
    /// Maps sheet names to parts; `None` when the workbook's structure is
    /// not the plain one this reader follows.
    pub fn find(mut package: Package<'a>) -> Option<SheetParts<'a>> {
        let root_relationships = package.read_part(PACKAGE_RELATIONSHIPS).ok()??;
        // calamine keeps the last office-document relationship.
        let workbook_target = relationships(&root_relationships)?
            .into_iter()
            .filter(|relationship| relationship.kind.ends_with(OFFICE_DOCUMENT_TYPE_SUFFIX))
            .map(|relationship| relationship.target)
            .next_back()?;
        let (folder, name) = match workbook_target.rfind('/') {
            Some(at) => workbook_target.split_at(at.saturating_add(1)),
            None => ("", workbook_target.as_str()),
        };
        let folder = folder.strip_prefix('/').unwrap_or(folder);
        let name = if name.is_empty() {
            DEFAULT_WORKBOOK_NAME
        } else {
            name
        };
        let workbook = package.read_part(&format!("{folder}{name}")).ok()??;
        let workbook_relationships = package
            .read_part(&format!("{folder}_rels/{name}.rels"))
            .ok()??;
        // A repeated id keeps the last, as in calamine's map.
        let targets: BTreeMap<String, String> = relationships(&workbook_relationships)?
            .into_iter()
            .map(|relationship| (relationship.id, relationship.target))
            .collect();
        let mut part_by_sheet = BTreeMap::new();
        for (sheet, relationship) in sheet_relationships(&workbook)? {
            let target = targets.get(&relationship)?;
            let part = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_owned(),
                None => format!("{folder}{target}"),
            };
            // calamine looks sheets up by name and takes the first.
            part_by_sheet.entry(sheet).or_insert(part);
        }
        Some(SheetParts {
            package,
            part_by_sheet,
        })
    }

    /// The sheet's merged regions in document order, or `None` when the
    /// fast path cannot vouch for the answer.
    pub fn merges(&mut self, sheet: &str) -> Option<Vec<Dimensions>> {
        let part = self.part_by_sheet.get(sheet)?;
        let xml = self.package.read_part(part).ok()??;
        merge_cells(&xml)
    }
}

struct Relationship {
    id: String,
    target: String,
    kind: String,
}

/// The relationships of a `.rels` part in document order.
fn relationships(xml: &[u8]) -> Option<Vec<Relationship>> {
    let mut found = Vec::new();
    for_each_element(xml, b"Relationship", |element| {
        if let Some(id) = attribute(element, b"Id")? {
            found.push(Relationship {
                id,
                target: attribute(element, b"Target")?.unwrap_or_default(),
                kind: attribute(element, b"Type")?.unwrap_or_default(),
            });
        }
        Some(())
    })?;
    Some(found)
}

/// `(sheet name, relationship id)` of every `<sheet>` in workbook order.
fn sheet_relationships(workbook: &[u8]) -> Option<Vec<(String, String)>> {
    let mut sheets = Vec::new();
    for_each_element(workbook, b"sheet", |element| {
        let mut name = String::new();
        let mut relationship = String::new();
        for attribute in element.attributes() {
            let attribute = attribute.ok()?;
            let value = plain_value(&attribute.value)?;
            if attribute.key.as_ref() == b"name" {
                name = value;
            } else if attribute.key.local_name().as_ref() == b"id" {
                relationship = value;
            }
        }
        sheets.push((name, relationship));
        Some(())
    })?;
    Some(sheets)
}

/// Calls `visit` on every element named `local_name`, in any prefix.
fn for_each_element(
    xml: &[u8],
    local_name: &[u8],
    mut visit: impl FnMut(&BytesStart<'_>) -> Option<()>,
) -> Option<()> {
    let mut reader = Reader::from_reader(xml);
    loop {
        match reader.read_event().ok()? {
            Event::Start(element) | Event::Empty(element)
                if element.local_name().as_ref() == local_name =>
            {
                visit(&element)?;
            }
            Event::Eof => return Some(()),
            _ => {}
        }
    }
}

fn attribute(element: &BytesStart<'_>, key: &[u8]) -> Option<Option<String>> {
    match element.try_get_attribute(key).ok()? {
        Some(found) => Some(Some(plain_value(&found.value)?)),
        None => Some(None),
    }
}

/// An attribute value without character references: calamine reads some
/// values raw and some decoded, which agree only on such values.
fn plain_value(value: &[u8]) -> Option<String> {
    if value.contains(&b'&') {
        return None;
    }
    String::from_utf8(value.to_vec()).ok()
}

/// The regions of the sheet's first `<mergeCells>` element; empty without one.
fn merge_cells(sheet: &[u8]) -> Option<Vec<Dimensions>> {
    let Some(start) = first_merge_cells_tag(sheet)? else {
        return Some(Vec::new());
    };
    let mut reader = Reader::from_reader(sheet.get(start..)?);
    reader.config_mut().expand_empty_elements = true;
    reader.config_mut().check_end_names = false;
    let mut regions = Vec::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(element) if element.local_name().as_ref() == b"mergeCell" => {
                if let Some(reference) = element.try_get_attribute("ref").ok()? {
                    regions.push(dimensions(&reference.value)?);
                }
            }
            Event::End(element) if element.local_name().as_ref() == b"mergeCells" => {
                return Some(regions);
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Where the first `<mergeCells` (or `<prefix:mergeCells`) start tag begins:
/// `Some(None)` when there is none, `None` when comments, CDATA or
/// processing instructions could hide one from a plain search.
fn first_merge_cells_tag(sheet: &[u8]) -> Option<Option<usize>> {
    for found in memchr::memmem::find_iter(sheet, b"mergeCells") {
        let before = sheet.get(..found)?;
        let Some(open) = memchr::memrchr(b'<', before) else {
            continue;
        };
        let prefix = before.get(open.saturating_add(1)..)?;
        let is_start_tag = prefix.is_empty()
            || (prefix.ends_with(b":")
                && prefix
                    .iter()
                    .all(|&byte| byte.is_ascii_alphanumeric() || b"_-.:".contains(&byte)));
        let after = sheet.get(found.saturating_add(b"mergeCells".len())..)?;
        let name_ends = after
            .first()
            .is_some_and(|&byte| byte == b'>' || byte == b'/' || byte.is_ascii_whitespace());
        if is_start_tag && name_ends {
            return if memchr::memmem::find(before, b"<!").is_some()
                || memchr::memmem::find_iter(before, b"<?").any(|at| at > 0)
            {
                None
            } else {
                Some(Some(open))
            };
        }
    }
    Some(None)
}

/// `A1` or `A1:C3` as 0-based rows and columns; `None` for anything else,
/// including inverted ranges, which calamine is left to judge.
fn dimensions(reference: &[u8]) -> Option<Dimensions> {
    let mut corners = reference.split(|&byte| byte == b':');
    let start = cell_position(corners.next()?)?;
    let end = match corners.next() {
        Some(corner) => cell_position(corner)?,
        None => start,
    };
    if corners.next().is_some() || end.0 < start.0 || end.1 < start.1 {
        return None;
    }
    Some(Dimensions { start, end })
}

/// `B3` → `(2, 1)`: letters then digits, both present.
fn cell_position(reference: &[u8]) -> Option<(u32, u32)> {
    let letters = reference
        .iter()
        .take_while(|byte| byte.is_ascii_alphabetic())
        .count();
    let (column, row) = reference.split_at(letters);
    if column.is_empty() || row.is_empty() {
        return None;
    }
    let column = column.iter().try_fold(0u32, |sum, &letter| {
        let digit = u32::from(letter.to_ascii_uppercase() - b'A') + 1;
        sum.checked_mul(26)?.checked_add(digit)
    })?;
    let row = row.iter().try_fold(0u32, |sum, &digit| {
        if !digit.is_ascii_digit() {
            return None;
        }
        sum.checked_mul(10)?.checked_add(u32::from(digit - b'0'))
    })?;
    Some((row.checked_sub(1)?, column.checked_sub(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(start: (u32, u32), end: (u32, u32)) -> Dimensions {
        Dimensions { start, end }
    }

    #[test]
    fn references_parse_like_excel_shows_them() {
        assert_eq!(dimensions(b"B3:C4"), Some(region((2, 1), (3, 2))));
        assert_eq!(dimensions(b"aa10"), Some(region((9, 26), (9, 26))));
        assert_eq!(dimensions(b"C4:B3"), None);
        assert_eq!(dimensions(b"A0:B2"), None);
        assert_eq!(dimensions(b"A1:B2:C3"), None);
        assert_eq!(dimensions(b"ZZZZZZZZ1"), None);
        assert_eq!(dimensions(b"A1:99999999999"), None);
    }

    #[test]
    fn only_the_first_merge_cells_element_is_read() {
        let sheet = br#"<worksheet><sheetData><row><c r="A1"><is><t>mergeCells &lt;mergeCells</t></is></c></row></sheetData>
            <x:mergeCells count="2"><x:mergeCell ref="A1:B1"/><mergeCell ref="A2:A4"></mergeCell><mergeCell/></x:mergeCells>
            <mergeCells><mergeCell ref="C1:D1"/></mergeCells></worksheet>"#;
        assert_eq!(
            merge_cells(sheet),
            Some(vec![region((0, 0), (0, 1)), region((1, 0), (3, 0))])
        );
        assert_eq!(
            merge_cells(b"<worksheet><mergeCells/></worksheet>"),
            Some(Vec::new())
        );
        assert_eq!(merge_cells(b"<worksheet/>"), Some(Vec::new()));
    }

    #[test]
    fn doubtful_sheets_are_left_to_calamine() {
        let commented = b"<worksheet><!-- <mergeCells> --><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";
        assert_eq!(merge_cells(commented), None);
        assert_eq!(
            merge_cells(b"<worksheet><mergeCells><mergeCell ref=\"A1:B1\"/>"),
            None
        );
        assert_eq!(
            merge_cells(b"<worksheet><mergeCells><mergeCell ref=\"B1:A1\"/></mergeCells>"),
            None
        );
    }

    #[test]
    fn fixture_merges_come_from_the_fast_path_and_match_calamine() {
        use calamine::{Reader, Xlsx};
        use tongbao_model::ReadLimits;

        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/bulletin-2019-08.xlsx"
        ))
        .unwrap();
        let limits = ReadLimits::default();
        let mut parts = SheetParts::find(Package::open(&bytes, &limits).unwrap()).unwrap();
        let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(&bytes)).unwrap();
        let names = workbook.sheet_names();
        assert!(!names.is_empty());
        for name in names {
            let fast = parts.merges(&name).unwrap();
            let calamine = workbook.merge_cells_by_sheet_name(&name).unwrap();
            assert!(!calamine.is_empty(), "sheet {name:?} has merges");
            assert_eq!(fast, calamine, "sheet {name:?}");
        }
    }
}

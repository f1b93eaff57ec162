//! Paragraph styles from `word/styles.xml`, read only for the numbering
//! they give their paragraphs (`w:pPr/w:numPr`, inherited through `w:basedOn`).
//!
//! A styles part is mostly run formatting and latent-style tables (350 KB in
//! Word's default template) that numbering never needs, so this reader does
//! not walk it event by event: a part without `numPr` is not parsed at all,
//! and every subtree other than a paragraph style's `w:basedOn` and
//! `w:pPr/w:numPr` is skipped raw (see `XmlReader::skip_element`), without
//! namespace resolution or attribute parsing; past its `w:basedOn`, a
//! paragraph style whose remaining bytes hold no `numPr` is skipped whole. Skipping keeps no stack, so
//! nesting depth costs nothing here; `mc:AlternateContent` around a style is
//! skipped with everything else.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use tongbao_model::ReadLimits;
use tongbao_package::XmlError;
use tongbao_package::xml::{Element, XmlEvent, XmlReader};

use crate::values::{lenient_count, on_off};

static NUMBERING: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"numPr"));
static DEFAULT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"default"));

/// Longest `w:basedOn` chain followed; deeper chains (or cycles) stop there.
const MAX_BASED_ON_HOPS: usize = 32;

/// WordprocessingML, transitional and Strict: the only namespace read here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word;

const WORD_NAMESPACES: &[(&[u8], Word)] = &[
    (
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        Word,
    ),
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", Word),
];

#[derive(Debug, Clone, Default)]
struct StyleNumbering {
    based_on: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
}

/// The numbering a style gives: the list, the level when the style names
/// one, and the style that named the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct InheritedNumbering {
    pub(crate) num_id: Option<u32>,
    pub(crate) ilvl: Option<u8>,
    pub(crate) list_style: Option<String>,
}

/// Which paragraph styles a body can ask [`Styles::numbering`] about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StylesUsed {
    /// Paragraphs name their styles (`w:pStyle`): every style may matter.
    Named,
    /// No paragraph names a style, so only the default paragraph style
    /// and its `w:basedOn` chain can number them.
    DefaultOnly,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Styles {
    paragraph_styles: BTreeMap<String, StyleNumbering>,
    default_paragraph_style: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    ParagraphStyle,
    /// A paragraph style's `basedOn`, skipped like `Other` once read.
    BasedOn,
    ParagraphProperties,
    NumberingProperties,
    Other,
}

impl Styles {
    /// Reads the styles `used` can ask about. For [`StylesUsed::DefaultOnly`]
    /// reading stops once the default paragraph style's `w:basedOn` chain is
    /// complete and no later style can be declared default (the last one
    /// declared wins, and its attribute would be written out after this
    /// point): Word writes the defaults first, so the rest of a large part
    /// (hundreds of styles in some templates) is never looked at.
    pub(crate) fn parse(
        bytes: &[u8],
        part: &str,
        limits: &ReadLimits,
        used: StylesUsed,
    ) -> Result<Styles, XmlError> {
        // The element's local name is written out in any prefix, so without
        // these bytes no style carries numbering.
        if memchr::memmem::find(bytes, b"numPr").is_none() {
            return Ok(Styles::default());
        }
        // Where `default` is next written out, past the last check: a later
        // style declared default would win over the one read.
        let mut next_default: Option<usize> = Some(0);
        let mut reader = XmlReader::new(bytes, part, WORD_NAMESPACES, limits.max_xml_depth);
        let mut styles = Styles::default();
        let mut path: Vec<Tag> = Vec::new();
        let mut current: Option<(String, StyleNumbering)> = None;
        loop {
            match reader.next_event()? {
                XmlEvent::Start(element) => {
                    let is_root = path.is_empty();
                    let tag = open(&reader, &element, &path, &mut current, &mut styles)?;
                    if matches!(tag, Tag::Other | Tag::BasedOn) && !is_root {
                        reader.skip_element()?;
                        // Past its `basedOn`, a paragraph style matters only
                        // for numbering: skip the rest when it holds none.
                        if tag == Tag::BasedOn && reader.skip_element_unless_it_holds(&NUMBERING)? {
                            close(path.pop(), &mut current, &mut styles);
                        }
                    } else {
                        path.push(tag);
                    }
                }
                XmlEvent::End => {
                    let closed = path.pop();
                    close(closed, &mut current, &mut styles);
                    if closed == Some(Tag::ParagraphStyle)
                        && used == StylesUsed::DefaultOnly
                        && styles.default_chain_is_complete()
                    {
                        let position = reader.position();
                        if next_default.is_some_and(|at| at < position) {
                            next_default = bytes
                                .get(position..)
                                .and_then(|rest| DEFAULT.find(rest))
                                .map(|at| position + at);
                        }
                        if next_default.is_none() {
                            return Ok(styles);
                        }
                    }
                }
                XmlEvent::Text(_) => {}
                XmlEvent::Eof => return Ok(styles),
            }
        }
    }

    /// Whether the default paragraph style and every style it is based on
    /// have been read (a chain that loops is as complete as it gets).
    fn default_chain_is_complete(&self) -> bool {
        let Some(mut next) = self.default_paragraph_style.as_deref().map(Some) else {
            return false;
        };
        for _ in 0..MAX_BASED_ON_HOPS {
            let Some(id) = next else { return true };
            let Some(style) = self.paragraph_styles.get(id) else {
                return false;
            };
            next = style.based_on.as_deref();
        }
        true
    }

    /// The numbering paragraph style `style_id` gives (the default paragraph
    /// style when `None`), each of list and level from the nearest style in
    /// the `w:basedOn` chain that sets it.
    pub(crate) fn numbering(&self, style_id: Option<&str>) -> InheritedNumbering {
        let mut inherited = InheritedNumbering::default();
        let mut next = style_id.or(self.default_paragraph_style.as_deref());
        for _ in 0..MAX_BASED_ON_HOPS {
            let Some(id) = next else { break };
            let Some(style) = self.paragraph_styles.get(id) else {
                break;
            };
            if inherited.num_id.is_none() && style.num_id.is_some() {
                inherited.num_id = style.num_id;
                inherited.list_style = Some(id.to_owned());
            }
            inherited.ilvl = inherited.ilvl.or(style.ilvl);
            next = style.based_on.as_deref();
        }
        inherited
    }
}

fn close(tag: Option<Tag>, current: &mut Option<(String, StyleNumbering)>, styles: &mut Styles) {
    if tag == Some(Tag::ParagraphStyle)
        && let Some((id, style)) = current.take()
    {
        styles.paragraph_styles.insert(id, style);
    }
}

fn open(
    reader: &XmlReader<'_, Word>,
    element: &Element<'_, Word>,
    path: &[Tag],
    current: &mut Option<(String, StyleNumbering)>,
    styles: &mut Styles,
) -> Result<Tag, XmlError> {
    if element.namespace.is_none() {
        return Ok(Tag::Other);
    }
    let value = |name: &[u8]| reader.attribute(element, name);
    let tag = match (path.last(), element.local_name()) {
        (Some(Tag::Other), b"style") if path.len() == 1 => {
            if value(b"type")?.as_deref() != Some("paragraph") {
                return Ok(Tag::Other);
            }
            let Some(id) = value(b"styleId")? else {
                return Ok(Tag::Other);
            };
            if value(b"default")?.is_some_and(|default| on_off(Some(&default))) {
                styles.default_paragraph_style = Some(id.clone());
            }
            *current = Some((id, StyleNumbering::default()));
            Tag::ParagraphStyle
        }
        (Some(Tag::ParagraphStyle), b"basedOn") => {
            if let Some((_, style)) = current.as_mut() {
                style.based_on = value(b"val")?;
            }
            Tag::BasedOn
        }
        (Some(Tag::ParagraphStyle), b"pPr") => Tag::ParagraphProperties,
        (Some(Tag::ParagraphProperties), b"numPr") => Tag::NumberingProperties,
        (Some(Tag::NumberingProperties), name @ (b"numId" | b"ilvl")) => {
            let number = value(b"val")?.as_deref().and_then(lenient_count);
            if let Some((_, style)) = current.as_mut() {
                if name == b"numId" {
                    style.num_id = number;
                } else {
                    style.ilvl = number.and_then(|ilvl| u8::try_from(ilvl).ok());
                }
            }
            Tag::Other
        }
        _ => Tag::Other,
    };
    Ok(tag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tongbao_package::XmlErrorKind;

    #[test]
    fn inherits_numbering_through_based_on() {
        let xml = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
          <w:style w:type="paragraph" w:styleId="List"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="List2"><w:basedOn w:val="List"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
          <w:style w:type="paragraph" w:styleId="Quote"><w:basedOn w:val="List"/><w:rPr><w:i/></w:rPr><w:pPr><w:ind w:left="2"/></w:pPr></w:style>
          <w:style w:type="table" w:styleId="Grid"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>
        </w:styles>"#;
        let styles = parse(xml, StylesUsed::Named).unwrap();
        assert_eq!(
            styles.numbering(Some("List2")),
            InheritedNumbering {
                num_id: Some(7),
                ilvl: Some(1),
                list_style: Some("List".to_owned())
            }
        );
        // Skipped whole past its basedOn, yet numbered through it.
        assert_eq!(
            styles.numbering(Some("Quote")),
            InheritedNumbering {
                num_id: Some(7),
                ilvl: None,
                list_style: Some("List".to_owned())
            }
        );
        assert_eq!(styles.numbering(None), InheritedNumbering::default());
        assert_eq!(
            styles.numbering(Some("Loop")),
            InheritedNumbering::default()
        );
        assert_eq!(
            styles.numbering(Some("Grid")),
            InheritedNumbering::default()
        );
    }

    fn parse(xml: &str, used: StylesUsed) -> Result<Styles, XmlError> {
        Styles::parse(
            xml.as_bytes(),
            "word/styles.xml",
            &ReadLimits::default(),
            used,
        )
    }

    fn parse_default_only(xml: &str) -> Result<Styles, XmlError> {
        parse(xml, StylesUsed::DefaultOnly)
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn skipped_subtrees_hide_nothing_that_follows() {
        let xml = format!(
            r#"<w:styles {W}><w:latentStyles><w:lsdException w:name="x"><w:style w:type="paragraph" w:styleId="Fake"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:lsdException></w:latentStyles>
            <w:style w:type="paragraph" w:default="1" w:styleId="Body"><w:rPr><w:rFonts w:ascii="A"><w:b/></w:rFonts></w:rPr><w:pPr><w:ind w:left="2"><w:x/></w:ind><w:numPr><w:ilvl w:val="2"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
            <x:style xmlns:x="urn:other" x:type="paragraph" x:styleId="Foreign"><x:pPr><x:numPr><x:numId x:val="5"/></x:numPr></x:pPr></x:style></w:styles>"#
        );
        let styles = parse(&xml, StylesUsed::Named).unwrap();
        assert_eq!(
            styles.numbering(None),
            InheritedNumbering {
                num_id: Some(4),
                ilvl: Some(2),
                list_style: Some("Body".to_owned())
            }
        );
        assert_eq!(styles.paragraph_styles.keys().collect::<Vec<_>>(), ["Body"]);
    }

    #[test]
    fn a_part_without_numbering_is_not_parsed() {
        // Malformed, but without `numPr` nothing in it can matter.
        let xml =
            format!(r#"<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="N">"#);
        let styles = parse(&xml, StylesUsed::Named).unwrap();
        assert!(styles.paragraph_styles.is_empty());
        assert_eq!(styles.numbering(Some("N")), InheritedNumbering::default());
    }

    #[test]
    fn default_only_reading_stops_after_the_default_chain() {
        // Everything after the default style is unread: the malformed tail
        // (an unclosed element) is no error, and `Item` is not kept.
        let early = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style><w:unclosed>"#
        );
        let styles = parse_default_only(&early).unwrap();
        assert_eq!(styles.numbering(None).num_id, Some(2));
        assert_eq!(
            styles.paragraph_styles.keys().collect::<Vec<_>>(),
            ["Normal"]
        );
        assert!(parse(&early, StylesUsed::Named).is_err());
    }

    #[test]
    fn default_only_reading_goes_on_while_the_default_may_change() {
        // The default is based on a style written after it, and a later style
        // is declared default too (the last declared wins): both are read.
        let based_on_later = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="Body"><w:basedOn w:val="Base"/></w:style>
            <w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>"#
        );
        let numbering = parse_default_only(&based_on_later).unwrap().numbering(None);
        assert_eq!(
            (numbering.num_id, numbering.list_style.as_deref()),
            (Some(5), Some("Base"))
        );
        let redeclared = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="First"/>
            <w:style w:type="paragraph" w:default="1" w:styleId="Last"><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style></w:styles>"#
        );
        assert_eq!(
            parse_default_only(&redeclared)
                .unwrap()
                .numbering(None)
                .num_id,
            Some(6)
        );
    }

    #[test]
    fn truncated_and_doctype_parts_are_errors() {
        let truncated =
            format!(r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="N"><w:pPr><w:numPr>"#);
        let error = parse(&truncated, StylesUsed::Named).unwrap_err();
        assert_eq!(error.part, "word/styles.xml");
        let skipped_truncated = format!(r#"<w:styles {W}><w:numPr/><w:docDefaults><w:rPr>"#);
        assert!(parse(&skipped_truncated, StylesUsed::Named).is_err());
        let doctype =
            format!(r#"<!DOCTYPE x [<!ENTITY a "b">]><w:styles {W}><w:numPr/></w:styles>"#);
        let error = parse(&doctype, StylesUsed::Named).unwrap_err();
        assert_eq!(error.kind, XmlErrorKind::DoctypeRefused);
    }
}

//! Paragraph styles from `word/styles.xml`, read only for the numbering
//! they give their paragraphs (`w:pPr/w:numPr`, inherited through `w:basedOn`).

use std::collections::BTreeMap;

use tongbao_model::ReadLimits;
use tongbao_package::XmlError;
use tongbao_package::xml::Element;

use crate::markup::{Ns, WordEvent, WordReader};
use crate::values::{lenient_count, on_off};

/// Longest `w:basedOn` chain followed; deeper chains (or cycles) stop there.
const MAX_BASED_ON_HOPS: usize = 32;

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

#[derive(Debug, Clone, Default)]
pub(crate) struct Styles {
    paragraph_styles: BTreeMap<String, StyleNumbering>,
    default_paragraph_style: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    ParagraphStyle,
    ParagraphProperties,
    NumberingProperties,
    Other,
}

impl Styles {
    pub(crate) fn parse(bytes: &[u8], part: &str, limits: &ReadLimits) -> Result<Styles, XmlError> {
        let mut reader = WordReader::new(bytes, part, limits.max_xml_depth);
        let mut styles = Styles::default();
        let mut path: Vec<Tag> = Vec::new();
        let mut current: Option<(String, StyleNumbering)> = None;
        loop {
            match reader.next_event()? {
                WordEvent::Start(element) => {
                    let tag = open(&reader, &element, &path, &mut current, &mut styles)?;
                    path.push(tag);
                }
                WordEvent::End => {
                    if path.pop() == Some(Tag::ParagraphStyle)
                        && let Some((id, style)) = current.take()
                    {
                        styles.paragraph_styles.insert(id, style);
                    }
                }
                WordEvent::Text(_) => {}
                WordEvent::Eof => return Ok(styles),
            }
        }
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

fn open(
    reader: &WordReader<'_>,
    element: &Element<'_, Ns>,
    path: &[Tag],
    current: &mut Option<(String, StyleNumbering)>,
    styles: &mut Styles,
) -> Result<Tag, XmlError> {
    if element.namespace != Some(Ns::Word) {
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
            Tag::Other
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

    #[test]
    fn inherits_numbering_through_based_on() {
        let xml = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
          <w:style w:type="paragraph" w:styleId="List"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="List2"><w:basedOn w:val="List"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
          <w:style w:type="table" w:styleId="Grid"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>
        </w:styles>"#;
        let styles =
            Styles::parse(xml.as_bytes(), "word/styles.xml", &ReadLimits::default()).unwrap();
        assert_eq!(
            styles.numbering(Some("List2")),
            InheritedNumbering {
                num_id: Some(7),
                ilvl: Some(1),
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
}

//! `docProps/core.xml`: the package's title and W3CDTF dates.

use tongbao_model::{Properties, ReadLimits};

use crate::xml::{XmlError, XmlEvent, XmlReader};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    DublinCore,
    DublinCoreTerms,
}

const NAMESPACES: &[(&[u8], Ns)] = &[
    (b"http://purl.org/dc/elements/1.1/", Ns::DublinCore),
    (b"http://purl.org/dc/terms/", Ns::DublinCoreTerms),
];

#[derive(Debug, Clone, Copy)]
enum Field {
    Title,
    Created,
    Modified,
}

/// Reads the title and dates; other properties are ignored. Values are
/// trimmed, and an empty value counts as absent.
pub(crate) fn parse(bytes: &[u8], part: &str, limits: &ReadLimits) -> Result<Properties, XmlError> {
    let mut reader = XmlReader::new(bytes, part, NAMESPACES, limits.max_xml_depth);
    let mut properties = Properties::default();
    // The field being read and its text so far; fields do not nest.
    let mut current: Option<(Field, String)> = None;
    let mut depth_in_field = 0usize;
    loop {
        match reader.next_event()? {
            XmlEvent::Start(element) => {
                if current.is_some() {
                    depth_in_field += 1;
                    continue;
                }
                let field = match (element.namespace, element.local_name()) {
                    (Some(Ns::DublinCore), b"title") => Some(Field::Title),
                    (Some(Ns::DublinCoreTerms), b"created") => Some(Field::Created),
                    (Some(Ns::DublinCoreTerms), b"modified") => Some(Field::Modified),
                    _ => None,
                };
                current = field.map(|field| (field, String::new()));
            }
            XmlEvent::Text(text) => {
                if let Some((_, value)) = current.as_mut() {
                    value.push_str(&text);
                }
            }
            XmlEvent::End if depth_in_field > 0 => depth_in_field -= 1,
            XmlEvent::End => {
                if let Some((field, value)) = current.take() {
                    let value = Some(value.trim().to_owned()).filter(|value| !value.is_empty());
                    match field {
                        Field::Title => properties.title = value,
                        Field::Created => properties.created = value,
                        Field::Modified => properties.modified = value,
                    }
                }
            }
            XmlEvent::Eof => return Ok(properties),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_and_dates_by_namespace() {
        let xml = r#"<?xml version="1.0"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
  xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:t="http://purl.org/dc/terms/"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <d:title> 情况通报 </d:title><d:creator>x</d:creator>
  <t:created xsi:type="t:W3CDTF">2019-09-04T09:30:00Z</t:created>
  <t:modified xsi:type="t:W3CDTF"></t:modified>
</cp:coreProperties>"#;
        let properties =
            parse(xml.as_bytes(), "docProps/core.xml", &ReadLimits::default()).unwrap();
        assert_eq!(
            properties,
            Properties {
                title: Some("情况通报".to_owned()),
                created: Some("2019-09-04T09:30:00Z".to_owned()),
                modified: None,
            }
        );
    }
}

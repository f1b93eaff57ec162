//! WordprocessingML events with markup compatibility applied: of each
//! `mc:AlternateContent` only the first `mc:Choice` is reported (or the
//! `mc:Fallback` when there is no choice), and the `mc:` elements themselves
//! are never reported. Callers may skip any element's whole content.

use std::borrow::Cow;

use memchr::memmem::Finder;
use tongbao_package::xml::{Element, XmlError, XmlEvent, XmlReader};

/// The namespaces tongbao reads, by URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML, transitional or Strict.
    Word,
    MarkupCompatibility,
}

const NAMESPACES: &[(&[u8], Ns)] = &[
    (
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        Ns::Word,
    ),
    (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        Ns::Word,
    ),
    (
        b"http://schemas.openxmlformats.org/markup-compatibility/2006",
        Ns::MarkupCompatibility,
    ),
];

pub(crate) enum WordEvent<'a> {
    Start(Element<'a, Ns>),
    End,
    Text(Cow<'a, str>),
    Eof,
}

/// What an open element is, so its end is reported or hidden to match its start.
enum Open {
    Reported,
    Hidden,
    AlternateContent { chosen: bool },
}

pub(crate) struct WordReader<'a> {
    xml: XmlReader<'a, Ns>,
    open: Vec<Open>,
}

impl<'a> WordReader<'a> {
    pub(crate) fn new(bytes: &'a [u8], part: &'a str, max_depth: usize) -> WordReader<'a> {
        WordReader {
            xml: XmlReader::new(bytes, part, NAMESPACES, max_depth),
            open: Vec::new(),
        }
    }

    pub(crate) fn next_event(&mut self) -> Result<WordEvent<'a>, XmlError> {
        loop {
            match self.xml.next_event()? {
                XmlEvent::Start(element) => {
                    if element.namespace != Some(Ns::MarkupCompatibility) {
                        self.open.push(Open::Reported);
                        return Ok(WordEvent::Start(element));
                    }
                    self.open_compatibility_element(element.local_name())?;
                }
                XmlEvent::End => {
                    if let Some(Open::Reported) = self.open.pop() {
                        return Ok(WordEvent::End);
                    }
                }
                XmlEvent::Text(text) => return Ok(WordEvent::Text(text)),
                XmlEvent::Eof => return Ok(WordEvent::Eof),
            }
        }
    }

    /// Skips the content of the element whose start was just reported; its
    /// end is not reported either.
    pub(crate) fn skip_element(&mut self) -> Result<(), XmlError> {
        self.open.pop();
        self.xml.skip_element()
    }

    /// [`skip_element`](Self::skip_element) unless the content holds
    /// `needle`; `false` when it does, and nothing was skipped.
    pub(crate) fn skip_element_unless_it_holds(
        &mut self,
        needle: &Finder<'_>,
    ) -> Result<bool, XmlError> {
        let skipped = self.xml.skip_element_unless_it_holds(needle)?;
        if skipped {
            self.open.pop();
        }
        Ok(skipped)
    }

    /// Attribute `local_name` of `element` (unprefixed or in a known namespace).
    pub(crate) fn attribute(
        &self,
        element: &Element<'a, Ns>,
        local_name: &[u8],
    ) -> Result<Option<String>, XmlError> {
        self.xml.attribute(element, local_name)
    }

    fn open_compatibility_element(&mut self, local_name: &[u8]) -> Result<(), XmlError> {
        if local_name == b"AlternateContent" {
            self.open.push(Open::AlternateContent { chosen: false });
            return Ok(());
        }
        let read = match (local_name, self.open.last_mut()) {
            (b"Choice", Some(Open::AlternateContent { chosen })) => {
                !std::mem::replace(chosen, true)
            }
            (b"Fallback", Some(Open::AlternateContent { chosen })) => !*chosen,
            // A stray Choice or Fallback is read as plain content.
            _ => true,
        };
        if read {
            self.open.push(Open::Hidden);
            Ok(())
        } else {
            self.xml.skip_element()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> String {
        let mut reader = WordReader::new(xml.as_bytes(), "test.xml", 32);
        let mut out = String::new();
        loop {
            match reader.next_event().unwrap() {
                WordEvent::Start(element) => {
                    if element.local_name() == b"skip" {
                        reader.skip_element().unwrap();
                    } else {
                        out.push('<');
                    }
                }
                WordEvent::End => out.push('>'),
                WordEvent::Text(text) => out.push_str(&text),
                WordEvent::Eof => return out,
            }
        }
    }

    const MC: &str = r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    #[test]
    fn reads_the_first_choice_only() {
        let xml = format!(
            "<r {MC}><mc:AlternateContent><mc:Choice Requires=\"a\">A</mc:Choice>\
             <mc:Choice Requires=\"b\">B</mc:Choice><mc:Fallback>F</mc:Fallback></mc:AlternateContent></r>"
        );
        assert_eq!(texts(&xml), "<A>");
    }

    #[test]
    fn reads_the_fallback_without_a_choice() {
        let xml = format!(
            "<r {MC}><mc:AlternateContent><mc:Fallback><x>F</x></mc:Fallback></mc:AlternateContent></r>"
        );
        assert_eq!(texts(&xml), "<<F>>");
    }

    #[test]
    fn skipped_elements_hide_their_content_and_end() {
        assert_eq!(texts("<a>1<skip><b>2</b></skip>3</a>"), "<13>");
    }
}

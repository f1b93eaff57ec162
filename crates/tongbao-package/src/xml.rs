//! A guarded, namespace-resolving XML pull reader for package parts.
//!
//! It wraps quick-xml's pull reader and adds what hostile input needs:
//! `DOCTYPE` (and with it every entity declaration) is refused, references
//! other than the five predefined entities and character references are an
//! error, nesting deeper than a limit is an error, and input that ends inside
//! an element is an error instead of a silent end. Elements are reported by
//! namespace URI, never by prefix, and `<a/>` is reported as a start followed
//! by an end so callers handle one shape.
//!
//! ```
//! use tongbao_package::xml::{XmlEvent, XmlReader};
//!
//! #[derive(Clone, Copy, PartialEq, Debug)]
//! enum Ns { Word }
//! const KNOWN: &[(&[u8], Ns)] =
//!     &[(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", Ns::Word)];
//!
//! let xml = br#"<x:t xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">a&amp;b</x:t>"#;
//! let mut reader = XmlReader::new(xml, "word/document.xml", KNOWN, 16);
//! let mut text = String::new();
//! loop {
//!     match reader.next_event().unwrap() {
//!         XmlEvent::Start(element) => assert_eq!((element.namespace, element.local_name()), (Some(Ns::Word), &b"t"[..])),
//!         XmlEvent::Text(piece) => text.push_str(&piece),
//!         XmlEvent::End => {}
//!         XmlEvent::Eof => break,
//!     }
//! }
//! assert_eq!(text, "a&b");
//! ```

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::PrefixDeclaration;
use quick_xml::reader::Reader;

/// An XML part that could not be read, with the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{part} at byte {position}: {kind}")]
pub struct XmlError {
    pub part: String,
    pub position: u64,
    pub kind: XmlErrorKind,
}

/// What was wrong with an XML part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XmlErrorKind {
    #[error("malformed XML: {0}")]
    Malformed(String),
    #[error("DOCTYPE and entity declarations are not accepted")]
    DoctypeRefused,
    #[error("undefined entity &{0};")]
    UndefinedEntity(String),
    #[error("elements nested deeper than {0}")]
    TooDeep(usize),
    #[error("the XML ends before its elements are closed")]
    Truncated,
}

/// One step of a document, in order.
#[derive(Debug)]
pub enum XmlEvent<'a, N> {
    /// An element opened.
    Start(Element<'a, N>),
    /// The most recently opened element closed.
    End,
    /// A piece of character data, references already resolved. One text
    /// node may arrive in several pieces.
    Text(Cow<'a, str>),
    /// The document ended with every element closed.
    Eof,
}

/// An opened element: its namespace (when it is one the caller knows) and name.
#[derive(Debug)]
pub struct Element<'a, N> {
    pub namespace: Option<N>,
    start: BytesStart<'a>,
}

impl<N> Element<'_, N> {
    /// The name without its prefix.
    pub fn local_name(&self) -> &[u8] {
        self.start.local_name().into_inner()
    }
}

/// A namespace declaration in scope: `prefix` (empty for the default
/// namespace) bound by the element at `depth`.
struct Binding<N> {
    prefix: Vec<u8>,
    /// `None` for a namespace the caller does not know (or an undeclaration).
    namespace: Option<N>,
    depth: usize,
}

/// See the [module documentation](self).
///
/// Namespaces are resolved without quick-xml's per-element resolver: a
/// start tag's attributes are only walked for declarations when its raw
/// bytes contain `xmlns`, and the prefix seen last is remembered, since
/// real parts bind their few prefixes once at the root and then use one of
/// them for nearly every element.
pub struct XmlReader<'a, N: 'static> {
    /// The whole part, byte-order mark removed.
    bytes: &'a [u8],
    /// Where in `bytes` the slice `reader` reads starts: after a raw skip the
    /// reader is restarted at the skipped element's end tag.
    base: usize,
    reader: Reader<&'a [u8]>,
    /// Names of the open elements, concatenated, and where each one starts:
    /// end tags are checked here because a restarted reader knows no starts.
    open_names: Vec<u8>,
    open_name_starts: Vec<usize>,
    part: &'a str,
    namespaces: &'static [(&'static [u8], N)],
    /// Declarations in scope, outermost first.
    bindings: Vec<Binding<N>>,
    /// The element prefix resolved last and its namespace; cleared whenever
    /// `bindings` changes.
    last_prefix: Option<(Vec<u8>, Option<N>)>,
    depth: usize,
    max_depth: usize,
    /// The last event was a self-closing element whose end is still to report.
    pending_end: bool,
    /// Finds `xmlns` in a start tag; built once, as building costs more
    /// than searching a short tag.
    namespace_declaration: memchr::memmem::Finder<'static>,
}

impl<'a, N: Copy + 'static> XmlReader<'a, N> {
    /// A reader over `bytes` (UTF-8, a leading byte-order mark is skipped),
    /// naming `part` in errors, mapping the namespace URIs in `namespaces`
    /// to the caller's values.
    pub fn new(
        bytes: &'a [u8],
        part: &'a str,
        namespaces: &'static [(&'static [u8], N)],
        max_depth: usize,
    ) -> XmlReader<'a, N> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        XmlReader {
            bytes,
            base: 0,
            reader: reader_at(bytes),
            open_names: Vec::new(),
            open_name_starts: Vec::new(),
            part,
            namespaces,
            bindings: Vec::new(),
            last_prefix: None,
            depth: 0,
            max_depth,
            pending_end: false,
            namespace_declaration: memchr::memmem::Finder::new(b"xmlns"),
        }
    }

    /// The next event.
    pub fn next_event(&mut self) -> Result<XmlEvent<'a, N>, XmlError> {
        if self.pending_end {
            self.pending_end = false;
            self.close();
            return Ok(XmlEvent::End);
        }
        loop {
            let event = self
                .reader
                .read_event()
                .map_err(|error| self.error_at_error_position(&error))?;
            match event {
                Event::Start(start) => {
                    self.open_name_starts.push(self.open_names.len());
                    self.open_names.extend_from_slice(start.name().into_inner());
                    return self.open(start);
                }
                Event::Empty(start) => {
                    self.pending_end = true;
                    return self.open(start);
                }
                Event::End(end) => {
                    self.check_end_name(end.name().into_inner())?;
                    self.close();
                    return Ok(XmlEvent::End);
                }
                Event::Text(text) => {
                    let text = text
                        .xml10_content()
                        .map_err(|error| self.error(XmlErrorKind::Malformed(error.to_string())))?;
                    return Ok(XmlEvent::Text(text));
                }
                Event::CData(data) => {
                    let text = data
                        .xml10_content()
                        .map_err(|error| self.error(XmlErrorKind::Malformed(error.to_string())))?;
                    return Ok(XmlEvent::Text(text));
                }
                Event::GeneralRef(reference) => {
                    return Ok(XmlEvent::Text(Cow::Owned(
                        self.resolve_reference(&reference)?,
                    )));
                }
                Event::DocType(_) => return Err(self.error(XmlErrorKind::DoctypeRefused)),
                Event::Eof if self.depth > 0 => return Err(self.error(XmlErrorKind::Truncated)),
                Event::Eof => return Ok(XmlEvent::Eof),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            }
        }
    }

    /// Skips the content and the end of the element whose start was just
    /// reported, without events: names inside are not resolved or matched
    /// and text is not decoded, so nothing skipped reaches the caller.
    ///
    /// The element's end tag is searched for first. When the content before
    /// it holds no comment, CDATA section, processing instruction or element
    /// of the same name (the only things that could hide or move the real
    /// end, since `<` cannot occur in text or attribute values), the reader
    /// jumps there: nothing else inside is looked at, so malformed markup
    /// or deep nesting in skipped content goes unnoticed, and costs nothing,
    /// as none of it is kept. Otherwise the content is scanned tag by tag:
    /// markup boundaries are found (comments, CDATA, processing
    /// instructions and quoted attribute values cannot fake them), nesting
    /// is counted against the depth limit and `DOCTYPE` is refused. Either
    /// way, running out of input is [`XmlErrorKind::Truncated`].
    ///
    /// Called while an element's content is being read (after its last
    /// child ended), it skips the rest of that element the same way.
    pub fn skip_element(&mut self) -> Result<(), XmlError> {
        if std::mem::take(&mut self.pending_end) {
            self.close();
            return Ok(());
        }
        let end_tag = self.end_of_open_element()?;
        self.jump_to_end_tag(end_tag)
    }

    /// [`skip_element`](Self::skip_element), unless the content it would
    /// skip contains `needle` (raw bytes, markup included): then nothing is
    /// skipped and `false` is returned, for the caller to read on. The
    /// needle comes as a built [`Finder`]: callers ask this of every run's
    /// properties, where building one each time costs more than the search.
    pub fn skip_element_unless_it_holds(&mut self, needle: &Finder<'_>) -> Result<bool, XmlError> {
        if self.pending_end {
            self.skip_element()?;
            return Ok(true);
        }
        let content_start = self.position();
        let end_tag = self.end_of_open_element()?;
        let content = self.bytes.get(content_start..end_tag).unwrap_or_default();
        if needle.find(content).is_some() {
            return Ok(false);
        }
        self.jump_to_end_tag(end_tag)?;
        Ok(true)
    }

    /// Where the end tag of the innermost open element starts, searched
    /// from the current position: see [`skip_element`](Self::skip_element).
    fn end_of_open_element(&self) -> Result<usize, XmlError> {
        let content_start = self.position();
        let name = self
            .open_name_starts
            .last()
            .and_then(|&start| self.open_names.get(start..))
            .unwrap_or_default();
        if let Some(end_tag) = end_of_plain_content(self.bytes, content_start, name) {
            return Ok(end_tag);
        }
        let depth_left = self.max_depth.saturating_sub(self.depth);
        skip_content(self.bytes, content_start, depth_left).map_err(|(kind, position)| match kind {
            XmlErrorKind::TooDeep(_) => {
                self.error_at(XmlErrorKind::TooDeep(self.max_depth), position)
            }
            other => self.error_at(other, position),
        })
    }

    /// Restarts reading at `end_tag` and consumes that end tag.
    fn jump_to_end_tag(&mut self, end_tag: usize) -> Result<(), XmlError> {
        self.base = end_tag;
        self.reader = reader_at(self.bytes.get(end_tag..).unwrap_or_default());
        match self.next_event()? {
            XmlEvent::End => Ok(()),
            _ => Err(self.error(XmlErrorKind::Malformed("expected an end tag".to_owned()))),
        }
    }

    /// The value of attribute `local_name` of `element`, when it is unprefixed
    /// or in one of the caller's namespaces.
    pub fn attribute(
        &self,
        element: &Element<'a, N>,
        local_name: &[u8],
    ) -> Result<Option<String>, XmlError> {
        for attribute in element.start.attributes() {
            let attribute = attribute
                .map_err(|error| self.error(XmlErrorKind::Malformed(error.to_string())))?;
            if attribute.key.local_name().into_inner() != local_name {
                continue;
            }
            // Unprefixed attributes are in no namespace, not the default one.
            let in_scope = match attribute.key.prefix() {
                None => true,
                Some(prefix) => self.resolve(prefix.into_inner()).is_some(),
            };
            if in_scope {
                let value = attribute
                    .unescape_value()
                    .map_err(|error| self.error(escape_error_kind(&error)))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// An error of `kind` at the current position in this part.
    pub fn error(&self, kind: XmlErrorKind) -> XmlError {
        self.error_at(kind, self.position())
    }

    fn error_at(&self, kind: XmlErrorKind, position: usize) -> XmlError {
        XmlError {
            part: self.part.to_owned(),
            position: u64::try_from(position).unwrap_or(u64::MAX),
            kind,
        }
    }

    fn error_at_error_position(&self, error: &quick_xml::Error) -> XmlError {
        let position = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
        self.error_at(escape_error_kind(error), self.base.saturating_add(position))
    }

    /// The offset in the part just after the last event read.
    pub fn position(&self) -> usize {
        let read = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        self.base.saturating_add(read)
    }

    /// Refuses an end tag that does not close the innermost open element.
    fn check_end_name(&mut self, name: &[u8]) -> Result<(), XmlError> {
        let start = self.open_name_starts.pop();
        let expected = start.and_then(|start| self.open_names.get(start..));
        if expected != Some(name) {
            let expected = String::from_utf8_lossy(expected.unwrap_or_default()).into_owned();
            return Err(self.error(XmlErrorKind::Malformed(format!(
                "end tag </{}> does not match the open element <{expected}>",
                String::from_utf8_lossy(name)
            ))));
        }
        if let Some(start) = start {
            self.open_names.truncate(start);
        }
        Ok(())
    }

    fn open(&mut self, start: BytesStart<'a>) -> Result<XmlEvent<'a, N>, XmlError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.error(XmlErrorKind::TooDeep(self.max_depth)));
        }
        if self
            .namespace_declaration
            .find(start.attributes_raw())
            .is_some()
        {
            self.declare(&start)?;
        }
        let prefix = start
            .name()
            .prefix()
            .map_or(&b""[..], |prefix| prefix.into_inner());
        let namespace = match &self.last_prefix {
            Some((last, namespace)) if last.as_slice() == prefix => *namespace,
            _ => {
                let namespace = self.resolve(prefix);
                self.last_prefix = Some((prefix.to_vec(), namespace));
                namespace
            }
        };
        Ok(XmlEvent::Start(Element { namespace, start }))
    }

    /// Ends the innermost open element and the declarations it made.
    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        let in_scope = self
            .bindings
            .iter()
            .rposition(|binding| binding.depth <= self.depth)
            .map_or(0, |last| last + 1);
        if in_scope < self.bindings.len() {
            self.bindings.truncate(in_scope);
            self.last_prefix = None;
        }
    }

    /// Records the namespace declarations of `start`, just opened at `self.depth`.
    fn declare(&mut self, start: &BytesStart<'a>) -> Result<(), XmlError> {
        for attribute in start.attributes() {
            let attribute = attribute
                .map_err(|error| self.error(XmlErrorKind::Malformed(error.to_string())))?;
            let prefix = match attribute.key.as_namespace_binding() {
                Some(PrefixDeclaration::Default) => &b""[..],
                Some(PrefixDeclaration::Named(prefix)) => prefix,
                None => continue,
            };
            self.bindings.push(Binding {
                prefix: prefix.to_vec(),
                namespace: known(self.namespaces, &attribute.value),
                depth: self.depth,
            });
            self.last_prefix = None;
        }
        Ok(())
    }

    /// The caller's namespace for `prefix` (empty: the default namespace).
    fn resolve(&self, prefix: &[u8]) -> Option<N> {
        self.bindings
            .iter()
            .rev()
            .find(|binding| binding.prefix == prefix)
            .and_then(|binding| binding.namespace)
    }

    fn resolve_reference(&self, reference: &BytesRef<'_>) -> Result<String, XmlError> {
        if reference.is_char_ref() {
            return match reference.resolve_char_ref() {
                Ok(Some(character)) => Ok(character.to_string()),
                Ok(None) | Err(_) => Err(self.error(XmlErrorKind::Malformed(
                    "invalid character reference".to_owned(),
                ))),
            };
        }
        let name = reference
            .decode()
            .map_err(|error| self.error(XmlErrorKind::Malformed(error.to_string())))?;
        match predefined_entity(&name) {
            Some(character) => Ok(character.to_owned()),
            None => Err(self.error(XmlErrorKind::UndefinedEntity(name.into_owned()))),
        }
    }
}

/// A reader over `bytes` that leaves end tags to [`XmlReader::check_end_name`].
fn reader_at(bytes: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(bytes);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    reader
}

/// Where the end tag `</name>` of the element whose content starts at `from`
/// begins, when the content before it cannot hide or move that end tag: no
/// `<!` (comment, CDATA, declaration), no `<?` and no nested `<name`.
/// `None` sends the caller to [`skip_content`].
///
/// Most skipped elements hold a few tags (run properties): those are read
/// from `<` to `<`. Past [`TAGS_HOPPED`] tags, each condition is one
/// vectorised search over the rest (table styles run to kilobytes).
fn end_of_plain_content(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let names_this_element = |at: usize| {
        rest.get(at..)
            .and_then(|after| after.strip_prefix(name))
            .is_some_and(|tail| {
                tail.first()
                    .is_none_or(|byte| matches!(byte, b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n'))
            })
    };
    let mut hopped_to = 0;
    for at in memchr::memchr_iter(b'<', rest).take(TAGS_HOPPED) {
        match rest.get(at + 1) {
            Some(b'/') if names_this_element(at + 2) => return Some(from + at),
            Some(b'/') => {}
            Some(b'!' | b'?') | None => return None,
            Some(_) if names_this_element(at + 1) => return None,
            Some(_) => {}
        }
        hopped_to = at + 1;
    }
    let unread = rest.get(hopped_to..)?;
    let mut end_tag = Vec::with_capacity(name.len() + 2);
    end_tag.extend_from_slice(b"</");
    end_tag.extend_from_slice(name);
    let found = memchr::memmem::find_iter(unread, &end_tag)
        .map(|at| hopped_to + at)
        .find(|&at| names_this_element(at + 2))?;
    let content = rest.get(hopped_to..found)?;
    static DECLARATION: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"<!"));
    static INSTRUCTION: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"<?"));
    if DECLARATION.find(content).is_some() || INSTRUCTION.find(content).is_some() {
        return None;
    }
    // `</name` without its slash opens a nested element of the same name.
    end_tag.remove(1);
    let nests = memchr::memmem::find_iter(content, &end_tag)
        .any(|at| names_this_element(hopped_to + at + 1));
    (!nests).then_some(from + found)
}

/// How many tags [`end_of_plain_content`] reads one by one before it
/// searches the rest in bulk.
const TAGS_HOPPED: usize = 16;

/// Scans the content of an element that opened just before `from` and
/// returns where its end tag starts. `depth_left` more elements may open
/// inside it. Errors carry the offset where scanning stopped.
fn skip_content(
    bytes: &[u8],
    from: usize,
    depth_left: usize,
) -> Result<usize, (XmlErrorKind, usize)> {
    let truncated = (XmlErrorKind::Truncated, bytes.len());
    // Finds `needle` at or after `at` and returns the offset just past it.
    let past = |needle: &[u8], at: usize| {
        let rest = bytes.get(at..).unwrap_or_default();
        memchr::memmem::find(rest, needle)
            .map(|found| at + found + needle.len())
            .ok_or(truncated.clone())
    };
    let mut open_inside: usize = 0;
    let mut at = from;
    loop {
        let rest = bytes.get(at..).unwrap_or_default();
        // Skipped markup is mostly tags back to back: look before searching.
        let tag = if rest.first() == Some(&b'<') {
            at
        } else {
            at + memchr::memchr(b'<', rest).ok_or(truncated.clone())?
        };
        let markup = bytes.get(tag + 1..).unwrap_or_default();
        at = match markup.first() {
            None => return Err(truncated),
            Some(b'/') if open_inside == 0 => return Ok(tag),
            Some(b'/') => {
                open_inside -= 1;
                let rest = bytes.get(tag..).unwrap_or_default();
                tag + rest
                    .iter()
                    .position(|&byte| byte == b'>')
                    .ok_or(truncated.clone())?
                    + 1
            }
            Some(b'?') => past(b"?>", tag)?,
            Some(b'!') if markup.starts_with(b"!--") => past(b"-->", tag + 4)?,
            Some(b'!') if markup.starts_with(b"![CDATA[") => past(b"]]>", tag + 9)?,
            Some(b'!') if markup.starts_with(b"!DOCTYPE") || markup.starts_with(b"!ENTITY") => {
                return Err((XmlErrorKind::DoctypeRefused, tag));
            }
            Some(b'!') => {
                return Err((
                    XmlErrorKind::Malformed("unknown markup declaration".to_owned()),
                    tag,
                ));
            }
            Some(_) => {
                let end = start_tag_end(bytes, tag + 1).ok_or(truncated.clone())?;
                let self_closing =
                    end.checked_sub(1).and_then(|slash| bytes.get(slash)) == Some(&b'/');
                if !self_closing {
                    open_inside += 1;
                    if open_inside > depth_left {
                        // The caller knows the limit; it replaces this kind.
                        return Err((XmlErrorKind::TooDeep(depth_left), tag));
                    }
                }
                end + 1
            }
        };
    }
}

/// The offset of the `>` that ends the start tag whose name begins at
/// `from`; a `>` inside a quoted attribute value does not count.
fn start_tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let rest = bytes.get(at..)?;
        // Names and values in a tag are a few bytes long: a plain scan
        // costs less than setting up a vectorised search for each.
        let found = at
            + rest
                .iter()
                .position(|&byte| matches!(byte, b'>' | b'"' | b'\''))?;
        match bytes.get(found)? {
            b'>' => return Some(found),
            quote => {
                let value = bytes.get(found + 1..)?;
                at = found + 1 + value.iter().position(|byte| byte == quote)? + 1;
            }
        }
    }
}

/// The caller's value for namespace `uri`, when it is one the caller knows.
fn known<N: Copy>(namespaces: &[(&[u8], N)], uri: &[u8]) -> Option<N> {
    namespaces
        .iter()
        .find(|(known, _)| *known == uri)
        .map(|(_, value)| *value)
}

fn predefined_entity(name: &str) -> Option<&'static str> {
    match name {
        "lt" => Some("<"),
        "gt" => Some(">"),
        "amp" => Some("&"),
        "apos" => Some("'"),
        "quot" => Some("\""),
        _ => None,
    }
}

fn escape_error_kind(error: &quick_xml::Error) -> XmlErrorKind {
    match error {
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) => {
            XmlErrorKind::UndefinedEntity(name.clone())
        }
        other => XmlErrorKind::Malformed(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &[(&[u8], ())] = &[(b"urn:test", ())];

    fn read_all(xml: &str, max_depth: usize) -> Result<String, XmlError> {
        let mut reader = XmlReader::new(xml.as_bytes(), "test.xml", NS, max_depth);
        let mut out = String::new();
        loop {
            match reader.next_event()? {
                XmlEvent::Start(element) => {
                    out.push('<');
                    out.push_str(std::str::from_utf8(element.local_name()).unwrap());
                    if element.namespace.is_some() {
                        out.push('*');
                    }
                    out.push('>');
                }
                XmlEvent::End => out.push_str("</>"),
                XmlEvent::Text(text) => out.push_str(&text),
                XmlEvent::Eof => return Ok(out),
            }
        }
    }

    #[test]
    fn resolves_namespaces_by_uri_and_expands_empty_elements() {
        let xml = r#"<a xmlns:p="urn:test"><p:b/><c>x</c></a>"#;
        assert_eq!(read_all(xml, 8).unwrap(), "<a><b*></><c>x</></>");
    }

    #[test]
    fn resolves_predefined_and_character_references() {
        assert_eq!(
            read_all("<a>&lt;&#x4E2D;&#25991;&quot;</a>", 8).unwrap(),
            "<a><中文\"</>"
        );
    }

    #[test]
    fn refuses_doctype() {
        let error = read_all("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", 8).unwrap_err();
        assert_eq!(error.kind, XmlErrorKind::DoctypeRefused);
    }

    #[test]
    fn names_an_undefined_entity_with_its_position() {
        let error = read_all("<a>A&nbsp;B</a>", 8).unwrap_err();
        assert_eq!(error.kind, XmlErrorKind::UndefinedEntity("nbsp".to_owned()));
        assert_eq!(error.part, "test.xml");
        assert!(error.position >= 4, "{error}");
    }

    #[test]
    fn refuses_nesting_deeper_than_the_limit() {
        let xml = "<a>".repeat(5) + &"</a>".repeat(5);
        assert!(read_all(&xml, 5).is_ok());
        let error = read_all(&xml, 4).unwrap_err();
        assert_eq!(error.kind, XmlErrorKind::TooDeep(4));
    }

    #[test]
    fn reports_truncated_input() {
        let error = read_all("<a><b>text", 8).unwrap_err();
        assert_eq!(error.kind, XmlErrorKind::Truncated);
        let error = read_all("<a><b attr=\"x", 8).unwrap_err();
        assert!(matches!(error.kind, XmlErrorKind::Malformed(_)), "{error}");
    }

    #[test]
    fn reads_attributes_in_known_namespaces_or_unprefixed() {
        let xml = br#"<a xmlns:p="urn:test" xmlns:q="urn:other" p:val="1" q:w="2" w="3"/>"#;
        let mut reader = XmlReader::new(xml, "test.xml", NS, 8);
        let XmlEvent::Start(element) = reader.next_event().unwrap() else {
            panic!("expected a start");
        };
        assert_eq!(
            reader.attribute(&element, b"val").unwrap().as_deref(),
            Some("1")
        );
        assert_eq!(
            reader.attribute(&element, b"w").unwrap().as_deref(),
            Some("3")
        );
        assert_eq!(reader.attribute(&element, b"missing").unwrap(), None);
    }

    /// Reads `<a>` … `</a>` skipping the content of every `s` element.
    fn read_skipping(xml: &str, max_depth: usize) -> Result<String, XmlError> {
        let mut reader = XmlReader::new(xml.as_bytes(), "test.xml", NS, max_depth);
        let mut out = String::new();
        loop {
            match reader.next_event()? {
                XmlEvent::Start(element) if element.local_name() == b"s" => {
                    reader.skip_element()?
                }
                XmlEvent::Start(element) => {
                    out.push_str(std::str::from_utf8(element.local_name()).unwrap());
                }
                XmlEvent::End => out.push('/'),
                XmlEvent::Text(text) => out.push_str(&text),
                XmlEvent::Eof => return Ok(out),
            }
        }
    }

    #[test]
    fn skips_subtrees_whatever_markup_they_hold() {
        let xml = r#"<a>1<s x=">" y='</s>'><s/><!-- </s> --><![CDATA[</s>]]><?p </s>?><b>&amp;</b></s>2<s/><c/></a>"#;
        assert_eq!(read_skipping(xml, 8).unwrap(), "a12c//");
    }

    #[test]
    fn skipping_keeps_limits_and_refusals() {
        // Nested elements of the skipped one's name are scanned tag by tag.
        let deep = format!("<a><s>{}{}</s></a>", "<s>".repeat(4), "</s>".repeat(4));
        assert_eq!(read_skipping(&deep, 6).unwrap(), "a/");
        assert_eq!(
            read_skipping(&deep, 5).unwrap_err().kind,
            XmlErrorKind::TooDeep(5)
        );
        // Other content is jumped over to the end tag: its depth costs nothing.
        let jumped = format!("<a><s>{}{}</s></a>", "<b>".repeat(40), "</b>".repeat(40));
        assert_eq!(read_skipping(&jumped, 5).unwrap(), "a/");
        let truncated = read_skipping("<a><s><b>", 8).unwrap_err();
        assert_eq!(truncated.kind, XmlErrorKind::Truncated);
        let doctype = read_skipping("<a><s><!DOCTYPE x></s></a>", 8).unwrap_err();
        assert_eq!(
            (doctype.kind, doctype.position),
            (XmlErrorKind::DoctypeRefused, 6)
        );
    }

    #[test]
    fn a_jump_needs_a_whole_end_tag_and_plain_content() {
        // `</ss>` is not the end of `s`; `<s >` nests; a comment may hide `</s>`.
        let xml = "<a><s><ss>1</ss><s >2</s ></s><s><!-- </s> --></s>3<s><b/>\n</s\n></a>";
        assert_eq!(read_skipping(xml, 8).unwrap(), "a3/");
        let truncated = read_skipping("<a><s><b></b>", 8).unwrap_err();
        assert_eq!(truncated.kind, XmlErrorKind::Truncated);
    }

    #[test]
    fn the_rest_of_an_element_is_skipped_unless_it_holds_a_needle() {
        let xml = "<a><s><b/><c>1</c></s><s><b/><n>2</n></s><s><b></b></s></a>";
        let mut reader = XmlReader::new(xml.as_bytes(), "test.xml", NS, 8);
        let mut out = String::new();
        loop {
            match reader.next_event().unwrap() {
                XmlEvent::Start(element) => {
                    out.push_str(std::str::from_utf8(element.local_name()).unwrap());
                    if element.local_name() == b"b" {
                        assert!(matches!(reader.next_event().unwrap(), XmlEvent::End));
                        let skipped = reader
                            .skip_element_unless_it_holds(&Finder::new(b"<n"))
                            .unwrap();
                        out.push_str(if skipped { "|" } else { "+" });
                    }
                }
                XmlEvent::End => out.push('/'),
                XmlEvent::Text(text) => out.push_str(&text),
                XmlEvent::Eof => break,
            }
        }
        // Skipping the rest of `s` reports no end for it: the next event is
        // the following sibling (or the parent's end).
        assert_eq!(out, "asb|sb+n2//sb|/");
    }

    #[test]
    fn end_tags_must_match_after_a_skip() {
        let error = read_skipping("<a><s><b></s></b></a>", 8).unwrap_err();
        assert!(matches!(error.kind, XmlErrorKind::Malformed(_)), "{error}");
        assert!(read_skipping("<a><b></a></b>", 8).is_err());
        // Positions count from the start of the part, not of the restarted reader.
        let error = read_skipping("<a><s>xxxx</s>&bad;</a>", 8).unwrap_err();
        assert_eq!(error.kind, XmlErrorKind::UndefinedEntity("bad".to_owned()));
        assert!(error.position >= 14, "{error}");
    }

    #[test]
    fn namespaces_follow_declaration_scope() {
        let xml = r#"<a xmlns:p="urn:test"><p:b/><p:c xmlns:p="urn:other"><p:d/></p:c><p:e/><f xmlns="urn:test"/><g/></a>"#;
        assert_eq!(
            read_all(xml, 8).unwrap(),
            "<a><b*></><c><d></></><e*></><f*></><g></></>"
        );
    }
}

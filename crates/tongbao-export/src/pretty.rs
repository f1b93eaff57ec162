//! Pretty JSON exactly as `serde_json::to_writer_pretty` writes it (two-space
//! indent), with each line break and its indent written in one call instead
//! of one call per level: the exporter writes hundreds of thousands of lines.

use std::io::{self, Write};

use serde_json::ser::Formatter;

/// A comma, a line break and enough indent for [`DIRECT_LEVELS`] levels;
/// deeper levels write the rest in further chunks.
const BREAK: &[u8] = b",\n                                                                ";
const INDENT: &[u8] = b"  ";
const DIRECT_LEVELS: usize = (BREAK.len() - 2) / INDENT.len();

/// The formatter behind [`to_writer`].
#[derive(Debug, Default)]
pub(crate) struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    /// Writes `,` (unless `first`), a line break and the current indent.
    fn line_break<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        let start = usize::from(first);
        let direct = self.level.min(DIRECT_LEVELS);
        writer.write_all(
            BREAK
                .get(start..2 + direct * INDENT.len())
                .unwrap_or_default(),
        )?;
        for _ in direct..self.level {
            writer.write_all(INDENT)?;
        }
        Ok(())
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level = self.level.saturating_sub(1);
        if self.has_value {
            self.line_break(writer, true)?;
        }
        writer.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Serializes `value` as pretty JSON into `writer`.
pub(crate) fn to_writer<W: Write, T: ?Sized + serde::Serialize>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        writer,
        Pretty::default(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn both(value: &serde_json::Value) -> (String, String) {
        let mut ours = Vec::new();
        to_writer(&mut ours, value).unwrap();
        let theirs = serde_json::to_string_pretty(value).unwrap();
        (String::from_utf8(ours).unwrap(), theirs)
    }

    #[test]
    fn writes_what_serde_json_pretty_writes() {
        let value = json!({
            "a": [],
            "b": {},
            "c": [1, [2, []], {"d": {"e": [null, true, "“销号”\n"]}}],
            "f": 0.5
        });
        let (ours, theirs) = both(&value);
        assert_eq!(ours, theirs);
        assert!(ours.contains("\n      \"d\": {\n"), "{ours}");
    }

    #[test]
    fn indents_past_the_direct_levels() {
        let mut value = json!("deep");
        for _ in 0..DIRECT_LEVELS + 5 {
            value = json!([value]);
        }
        let (ours, theirs) = both(&value);
        assert_eq!(ours, theirs);
        let deepest = " ".repeat((DIRECT_LEVELS + 5) * 2);
        assert!(ours.contains(&format!("\n{deepest}\"deep\"")));
    }
}

//! Automatic list numbers: `word/numbering.xml` definitions and the running
//! counters that turn a paragraph's `(numId, ilvl)` into the label Word shows.

use std::collections::{BTreeMap, BTreeSet};

use tongbao_model::ReadLimits;
use tongbao_package::XmlError;

use crate::markup::{Ns, WordEvent, WordReader};
use crate::number_format::NumberFormat;
use crate::symbols::map_symbol_text;
use crate::values::{lenient_count, on_off};

/// Word has nine list levels, `ilvl` 0 to 8.
pub(crate) const LEVELS: usize = 9;

/// One list level (`w:lvl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Level {
    start: u32,
    format: NumberFormat,
    /// `w:lvlText`, e.g. `%1．` or `（%1）`; `%n` stands for level n's counter.
    text: String,
    /// `w:isLgl`: show every level's counter as a decimal number.
    legal: bool,
    /// The paragraph style linked to this level (`w:pStyle`).
    style: Option<String>,
    /// The font of the label, which gives symbol-font bullets their meaning.
    font: Option<String>,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            format: NumberFormat::Decimal,
            text: String::new(),
            legal: false,
            style: None,
            font: None,
        }
    }
}

/// A list instance (`w:num`): an abstract definition plus overrides.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: u32,
    start_overrides: BTreeMap<u8, u32>,
    level_overrides: BTreeMap<u8, Level>,
}

/// The definitions in `word/numbering.xml`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Numbering {
    abstracts: BTreeMap<u32, BTreeMap<u8, Level>>,
    nums: BTreeMap<u32, Num>,
}

impl Numbering {
    pub(crate) fn parse(
        bytes: &[u8],
        part: &str,
        limits: &ReadLimits,
    ) -> Result<Numbering, XmlError> {
        let mut reader = WordReader::new(bytes, part, limits.max_xml_depth);
        let mut numbering = Numbering::default();
        let mut parser = NumberingParser::default();
        loop {
            match reader.next_event()? {
                WordEvent::Start(element) => {
                    if element.namespace != Some(Ns::Word) {
                        parser.path.push(Tag::Other);
                        continue;
                    }
                    let tag = parser.open(&reader, &element)?;
                    parser.path.push(tag);
                }
                WordEvent::End => {
                    if let Some(tag) = parser.path.pop() {
                        parser.close(tag, &mut numbering);
                    }
                }
                WordEvent::Text(_) => {}
                WordEvent::Eof => {
                    numbering.follow_style_links(&parser);
                    return Ok(numbering);
                }
            }
        }
    }

    /// Points each list whose definition only names a list style
    /// (`w:numStyleLink`, as Word writes multilevel lists made from a list
    /// style) at the definition that style links to (`w:styleLink`): its
    /// levels, and its counters, which lists of one style share.
    fn follow_style_links(&mut self, parser: &NumberingParser) {
        for num in self.nums.values_mut() {
            let linked = parser
                .style_users
                .get(&num.abstract_id)
                .and_then(|style| parser.style_definitions.get(style));
            if let Some(&definition) = linked {
                num.abstract_id = definition;
            }
        }
    }

    fn level<'a>(&'a self, num: &'a Num, ilvl: u8) -> Option<&'a Level> {
        num.level_overrides
            .get(&ilvl)
            .or_else(|| self.abstracts.get(&num.abstract_id)?.get(&ilvl))
    }

    /// The level of list `num_id` linked to paragraph style `style_id`.
    pub(crate) fn level_for_style(&self, num_id: u32, style_id: &str) -> Option<u8> {
        let num = self.nums.get(&num_id)?;
        (0..LEVELS as u8).find(|&ilvl| {
            self.level(num, ilvl)
                .is_some_and(|level| level.style.as_deref() == Some(style_id))
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    AbstractNum,
    Num,
    LevelOverride,
    Level,
    RunProperties,
    Other,
}

/// The definition being read; numbering.xml does not nest definitions.
#[derive(Default)]
struct NumberingParser {
    path: Vec<Tag>,
    /// Abstract definitions that only name a list style (`w:numStyleLink`).
    style_users: BTreeMap<u32, String>,
    /// The abstract definition each list style links to (`w:styleLink`).
    style_definitions: BTreeMap<String, u32>,
    abstract_num: Option<(u32, BTreeMap<u8, Level>)>,
    num: Option<(u32, Num)>,
    override_level: Option<u8>,
    level: Option<(u8, Level)>,
}

impl NumberingParser {
    fn open(
        &mut self,
        reader: &WordReader<'_>,
        element: &tongbao_package::xml::Element<'_, Ns>,
    ) -> Result<Tag, XmlError> {
        let value = |name: &[u8]| reader.attribute(element, name);
        let parent = self.path.last().copied();
        let tag = match (parent, element.local_name()) {
            (None, b"numbering") => Tag::Other,
            (Some(Tag::Other), b"abstractNum") if self.path.len() == 1 => {
                let id = value(b"abstractNumId")?.as_deref().and_then(lenient_count);
                self.abstract_num = id.map(|id| (id, BTreeMap::new()));
                Tag::AbstractNum
            }
            (Some(Tag::Other), b"num") if self.path.len() == 1 => {
                let id = value(b"numId")?.as_deref().and_then(lenient_count);
                self.num = id.map(|id| (id, Num::default()));
                Tag::Num
            }
            (Some(Tag::Num), b"abstractNumId") => {
                if let (Some((_, num)), Some(id)) = (
                    self.num.as_mut(),
                    value(b"val")?.as_deref().and_then(lenient_count),
                ) {
                    num.abstract_id = id;
                }
                Tag::Other
            }
            (Some(Tag::AbstractNum), link @ (b"numStyleLink" | b"styleLink")) => {
                if let (Some((id, _)), Some(style)) = (&self.abstract_num, value(b"val")?) {
                    if link == b"numStyleLink" {
                        self.style_users.insert(*id, style);
                    } else {
                        self.style_definitions.insert(style, *id);
                    }
                }
                Tag::Other
            }
            (Some(Tag::Num), b"lvlOverride") => {
                self.override_level = value(b"ilvl")?.as_deref().and_then(level_index);
                Tag::LevelOverride
            }
            (Some(Tag::LevelOverride), b"startOverride") => {
                let start = value(b"val")?
                    .as_deref()
                    .and_then(lenient_count)
                    .unwrap_or(1);
                if let (Some((_, num)), Some(ilvl)) = (self.num.as_mut(), self.override_level) {
                    num.start_overrides.insert(ilvl, start);
                }
                Tag::Other
            }
            (Some(Tag::AbstractNum | Tag::LevelOverride), b"lvl") => {
                self.level = value(b"ilvl")?
                    .as_deref()
                    .and_then(level_index)
                    .map(|ilvl| (ilvl, Level::default()));
                Tag::Level
            }
            (Some(Tag::Level), name) => {
                if let Some((_, level)) = self.level.as_mut() {
                    let text = value(b"val")?;
                    match name {
                        // `<w:start/>` without a value keeps the default start of 1.
                        b"start" => {
                            level.start = text.as_deref().and_then(lenient_count).unwrap_or(1)
                        }
                        b"numFmt" => {
                            level.format =
                                NumberFormat::from_name(text.as_deref().unwrap_or_default())
                        }
                        b"lvlText" => level.text = text.unwrap_or_default(),
                        b"isLgl" => level.legal = on_off(text.as_deref()),
                        b"pStyle" => level.style = text,
                        _ => {}
                    }
                }
                if name == b"rPr" {
                    Tag::RunProperties
                } else {
                    Tag::Other
                }
            }
            (Some(Tag::RunProperties), b"rFonts") => {
                let font = match value(b"ascii")? {
                    Some(font) => Some(font),
                    None => value(b"hAnsi")?,
                };
                if let Some((_, level)) = self.level.as_mut() {
                    level.font = font;
                }
                Tag::Other
            }
            _ => Tag::Other,
        };
        Ok(tag)
    }

    fn close(&mut self, tag: Tag, numbering: &mut Numbering) {
        match tag {
            Tag::Level => {
                let Some((ilvl, level)) = self.level.take() else {
                    return;
                };
                if let Some((_, levels)) = self.abstract_num.as_mut() {
                    levels.insert(ilvl, level);
                } else if let (Some((_, num)), Some(_)) = (self.num.as_mut(), self.override_level) {
                    num.level_overrides.insert(ilvl, level);
                }
            }
            Tag::LevelOverride => self.override_level = None,
            Tag::AbstractNum => {
                if let Some((id, levels)) = self.abstract_num.take() {
                    numbering.abstracts.insert(id, levels);
                }
            }
            Tag::Num => {
                if let Some((id, num)) = self.num.take() {
                    numbering.nums.insert(id, num);
                }
            }
            Tag::RunProperties | Tag::Other => {}
        }
    }
}

fn level_index(value: &str) -> Option<u8> {
    lenient_count(value)
        .and_then(|ilvl| u8::try_from(ilvl).ok())
        .filter(|ilvl| usize::from(*ilvl) < LEVELS)
}

/// Running list counters for one document, in reading order.
///
/// Counters belong to the abstract definition, so lists that share one
/// continue each other, as in Word; a `w:startOverride` restarts its list
/// the first time that list is used at that level. Numbering a level resets
/// every deeper level.
pub(crate) struct ListCounters<'n> {
    numbering: &'n Numbering,
    counters: BTreeMap<u32, [Option<u32>; LEVELS]>,
    applied_overrides: BTreeSet<(u32, u8)>,
}

impl<'n> ListCounters<'n> {
    pub(crate) fn new(numbering: &'n Numbering) -> ListCounters<'n> {
        ListCounters {
            numbering,
            counters: BTreeMap::new(),
            applied_overrides: BTreeSet::new(),
        }
    }

    pub(crate) fn numbering(&self) -> &'n Numbering {
        self.numbering
    }

    /// Counts a paragraph of list `num_id` at level `ilvl` and returns its
    /// label; `None` for list 0 (numbering removed), an undefined list, or an
    /// empty label.
    pub(crate) fn next_label(&mut self, num_id: u32, ilvl: u8) -> Option<String> {
        let numbering = self.numbering;
        let num = numbering.nums.get(&num_id).filter(|_| num_id != 0)?;
        let ilvl = ilvl.min(LEVELS as u8 - 1);
        let level = numbering.level(num, ilvl)?;
        let counters = self
            .counters
            .entry(num.abstract_id)
            .or_insert([None; LEVELS]);
        let override_start = num
            .start_overrides
            .get(&ilvl)
            .copied()
            .filter(|_| self.applied_overrides.insert((num_id, ilvl)));
        if let Some(counter) = counters.get_mut(usize::from(ilvl)) {
            *counter = Some(match (override_start, *counter) {
                (Some(start), _) => start,
                (None, Some(previous)) => previous.saturating_add(1),
                (None, None) => level.start,
            });
        }
        for deeper in counters.iter_mut().skip(usize::from(ilvl) + 1) {
            *deeper = None;
        }

        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(character) = chars.next() {
            let placeholder = chars
                .peek()
                .and_then(|next| next.to_digit(10))
                .filter(|digit| character == '%' && (1..=LEVELS as u32).contains(digit));
            let Some(digit) = placeholder else {
                label.push(character);
                continue;
            };
            chars.next();
            let shown = u8::try_from(digit - 1).unwrap_or_default();
            let shown_level = numbering.level(num, shown);
            let value = counters
                .get(usize::from(shown))
                .copied()
                .flatten()
                .or(shown_level.map(|shown_level| shown_level.start))
                .unwrap_or(1);
            let format = match shown_level {
                Some(_) if level.legal && shown < ilvl => NumberFormat::Decimal,
                Some(shown_level) => shown_level.format,
                None => NumberFormat::Decimal,
            };
            label.push_str(&format.render(value));
        }
        let label = map_symbol_text(level.font.as_deref(), &label);
        Some(label).filter(|label| !label.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn numbering(body: &str) -> Numbering {
        let xml = format!("<w:numbering {W}>{body}</w:numbering>");
        Numbering::parse(xml.as_bytes(), "word/numbering.xml", &ReadLimits::default()).unwrap()
    }

    fn level(ilvl: u8, format: &str, text: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl>"#
        )
    }

    #[test]
    fn renders_multi_level_labels_and_restarts_deeper_levels() {
        let definitions = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            level(0, "chineseCounting", "%1、"),
            level(1, "decimal", "%1.%2"),
        ));
        let mut counters = ListCounters::new(&definitions);
        let labels: Vec<_> = [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1)]
            .iter()
            .map(|&(num, ilvl)| counters.next_label(num, ilvl))
            .collect();
        assert_eq!(
            labels,
            [
                Some("一、"),
                Some("一.1"),
                Some("一.2"),
                Some("二、"),
                Some("二.1")
            ]
            .map(|label| label.map(str::to_owned))
        );
    }

    #[test]
    fn lists_sharing_a_definition_continue_unless_overridden() {
        let definitions = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="3">{}</w:abstractNum>
               <w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>
               <w:num w:numId="2"><w:abstractNumId w:val="3"/></w:num>
               <w:num w:numId="3"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#,
            level(0, "decimalFullWidth", "%1．"),
        ));
        let mut counters = ListCounters::new(&definitions);
        let labels: Vec<_> = [1, 2, 3, 3, 0, 9]
            .iter()
            .map(|&num| counters.next_label(num, 0))
            .collect();
        assert_eq!(
            labels,
            [
                Some("１．"),
                Some("２．"),
                Some("５．"),
                Some("６．"),
                None,
                None
            ]
            .map(|label| label.map(str::to_owned))
        );
    }

    #[test]
    fn a_missing_start_value_counts_from_one_and_bullets_keep_their_text() {
        let definitions = numbering(
            r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%1）"/></w:lvl>
               <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/><w:pStyle w:val="ListBullet"/><w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr></w:lvl></w:abstractNum>
               <w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>"#,
        );
        let mut counters = ListCounters::new(&definitions);
        assert_eq!(counters.next_label(4, 0).as_deref(), Some("（1）"));
        assert_eq!(counters.next_label(4, 1).as_deref(), Some("•"));
        assert_eq!(definitions.level_for_style(4, "ListBullet"), Some(1));
    }

    #[test]
    fn a_definition_naming_a_list_style_numbers_with_the_style_s_definition() {
        // Word's multilevel lists made from a list style: the list's own
        // definition holds no levels, only the style's name.
        let definitions = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Outline"/></w:abstractNum>
               <w:abstractNum w:abstractNumId="2"><w:styleLink w:val="Outline"/>{}</w:abstractNum>
               <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
               <w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>"#,
            level(0, "decimal", "%1、"),
        ));
        let mut counters = ListCounters::new(&definitions);
        let labels: Vec<_> = [5, 5, 6]
            .iter()
            .map(|&num| counters.next_label(num, 0))
            .collect();
        // Lists of one style share its counters.
        assert_eq!(
            labels,
            [Some("1、"), Some("2、"), Some("3、")].map(|label| label.map(str::to_owned))
        );
    }

    #[test]
    fn level_overrides_replace_the_definition() {
        let definitions = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum>
               <w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">{}</w:lvlOverride></w:num>"#,
            level(0, "decimal", "%1."),
            level(0, "ideographTraditional", "%1、"),
        ));
        let mut counters = ListCounters::new(&definitions);
        assert_eq!(counters.next_label(1, 0).as_deref(), Some("甲、"));
        assert_eq!(counters.next_label(1, 0).as_deref(), Some("乙、"));
    }
}

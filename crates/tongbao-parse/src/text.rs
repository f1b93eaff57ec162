//! Text helpers shared by every part of the parser: comparing labels on
//! meaning and reading the list labels that start task, progress and area text.

use tongbao_normalize::numeral::{ascii_digit, is_chinese_numeral_char, parse_integer};

/// The text with quotes and all whitespace removed, so that `“销号”\n状态`
/// and `销号状态` compare equal.
pub(crate) fn compact(text: &str) -> String {
    text.chars().filter(|c| kept_by_compact(*c)).collect()
}

/// Whether [`compact`] keeps `c`; lets callers compare or count compact text
/// without building it.
pub(crate) fn kept_by_compact(c: char) -> bool {
    !c.is_whitespace() && !is_quote(c)
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」' | '『' | '』' | '〝' | '〞'
    )
}

pub(crate) fn is_open_bracket(c: char) -> bool {
    matches!(c, '（' | '(' | '［' | '[' | '【' | '〔' | '《' | '<' | '〈')
}

pub(crate) fn is_close_bracket(c: char) -> bool {
    matches!(c, '）' | ')' | '］' | ']' | '】' | '〕' | '》' | '>' | '〉')
}

/// How a leading list label was written; decides how much to trust it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    /// `1.` or `1．` followed by a digit: could be a decimal (`1.5亿元`).
    ArabicDotBeforeDigit,
    /// `1.`, `1．`, `1、`, `（1）`, `1）`, `①`: unmistakably a label.
    Arabic,
    /// `一、`, `（一）`, `一．`: the style of area headings.
    Chinese,
}

/// A list label read from the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LeadingLabel<'a> {
    pub number: u32,
    /// The label without punctuation: Arabic numbers in ASCII digits
    /// (`①` → `1`), Chinese numerals as written.
    pub label: String,
    pub kind: LabelKind,
    /// The text after the label and any spaces.
    pub rest: &'a str,
}

/// Reads a list label at the start of `text` (after leading spaces).
pub(crate) fn leading_label(text: &str) -> Option<LeadingLabel<'_>> {
    let text = text.trim_start();
    let first = text.chars().next()?;
    if let Some(number) = enclosed_number(first) {
        return Some(LeadingLabel {
            number,
            label: number.to_string(),
            kind: LabelKind::Arabic,
            rest: text.get(first.len_utf8()..)?.trim_start(),
        });
    }
    if is_open_bracket(first) {
        return bracketed_label(text, first);
    }
    let digits_end = text
        .char_indices()
        .find(|(_, c)| ascii_digit(*c).is_none())
        .map_or(text.len(), |(i, _)| i);
    if digits_end > 0 {
        return arabic_label(text, digits_end);
    }
    let numeral_end = text
        .char_indices()
        .find(|(_, c)| !is_chinese_numeral_char(*c))
        .map_or(text.len(), |(i, _)| i);
    if numeral_end > 0 {
        let numeral = text.get(..numeral_end)?;
        let after = text.get(numeral_end..)?;
        let separator = after.chars().next()?;
        if matches!(separator, '、' | '．' | '.') {
            return Some(LeadingLabel {
                number: to_u32(parse_integer(numeral)?)?,
                label: numeral.to_owned(),
                kind: LabelKind::Chinese,
                rest: after.get(separator.len_utf8()..)?.trim_start(),
            });
        }
    }
    None
}

/// `（1）`, `(1)`, `（一）`.
fn bracketed_label(text: &str, open: char) -> Option<LeadingLabel<'_>> {
    let inner_start = open.len_utf8();
    let close_at = text
        .char_indices()
        .skip(1)
        .take(6)
        .find(|(_, c)| is_close_bracket(*c))
        .map(|(i, _)| i)?;
    let inner = text.get(inner_start..close_at)?.trim();
    let close_len = text.get(close_at..)?.chars().next()?.len_utf8();
    let rest = text.get(close_at + close_len..)?.trim_start();
    let number = to_u32(parse_integer(inner)?)?;
    let arabic = inner.chars().all(|c| ascii_digit(c).is_some());
    Some(LeadingLabel {
        number,
        label: if arabic {
            number.to_string()
        } else {
            inner.to_owned()
        },
        kind: if arabic {
            LabelKind::Arabic
        } else {
            LabelKind::Chinese
        },
        rest,
    })
}

/// `1.`, `1．`, `1、`, `1）`: digits then one separator. Numbers of more than
/// three digits are years or amounts, not labels.
fn arabic_label(text: &str, digits_end: usize) -> Option<LeadingLabel<'_>> {
    let digits = text.get(..digits_end)?;
    if digits.chars().count() > 3 {
        return None;
    }
    let after = text.get(digits_end..)?.trim_start_matches(' ');
    let separator = after.chars().next()?;
    if !matches!(separator, '.' | '．' | '、' | '）' | ')') {
        return None;
    }
    let rest = after.get(separator.len_utf8()..)?;
    let next = rest.chars().next();
    let dot = matches!(separator, '.' | '．');
    let kind = if dot && next.is_some_and(|c| ascii_digit(c).is_some()) {
        LabelKind::ArabicDotBeforeDigit
    } else {
        LabelKind::Arabic
    };
    let number = to_u32(parse_integer(digits)?)?;
    Some(LeadingLabel {
        number,
        label: number.to_string(),
        kind,
        rest: rest.trim_start(),
    })
}

/// `①`…`⑳`, `⑴`…`⒇`, `⒈`…`⒛`.
fn enclosed_number(c: char) -> Option<u32> {
    let code = u32::from(c);
    [0x2460, 0x2474, 0x2488]
        .into_iter()
        .find(|base| (*base..*base + 20).contains(&code))
        .map(|base| code - base + 1)
}

fn to_u32(value: u64) -> Option<u32> {
    u32::try_from(value).ok()
}

/// A digit (ASCII or full-width) or a Chinese numeral character.
pub(crate) fn is_numeral(c: char) -> bool {
    ascii_digit(c).is_some() || is_chinese_numeral_char(c)
}

/// The number written at the end of `text` (`全县32` → 32, `共十二` → 12).
pub(crate) fn trailing_number(text: &str) -> Option<u32> {
    let digits = text.get(text.trim_end_matches(is_numeral).len()..)?;
    u32::try_from(parse_integer(digits)?).ok()
}

/// The (year, month) a label names: `9月` → (0, 9), `2019年9月份` →
/// (2019, 9), `九月进展` → (0, 9); `None` without a month 1–12.
pub(crate) fn month_named(text: &str) -> Option<(u32, u32)> {
    let (before, _) = text.split_once('月')?;
    let month = trailing_number(before).filter(|month| (1..=12).contains(month))?;
    let year = before
        .trim_end_matches(is_numeral)
        .strip_suffix('年')
        .and_then(trailing_number)
        .unwrap_or(0);
    Some((year, month))
}

/// An area label split into its ordinal and title: `一、推进…` → (`一`, `推进…`).
/// Line breaks inside the label are dropped: a Chinese label wrapped over
/// two lines reads as one.
pub(crate) fn split_area_label(label: &str) -> (Option<String>, String) {
    let joined: String = label.lines().map(str::trim).collect();
    let (numeral, title) = match leading_label(&joined) {
        Some(parsed) if !parsed.rest.is_empty() => (Some(parsed.label), parsed.rest),
        _ => (None, joined.as_str()),
    };
    (numeral, without_task_count(title).to_owned())
}

/// The count a label states in trailing brackets: `预警任务（3项）` → 3,
/// `（共十二项）` → 12; `None` when the brackets hold anything else.
pub(crate) fn bracketed_task_count(label: &str) -> Option<u32> {
    let (_, inner) = trailing_bracket(label)?;
    let count = inner.trim_start_matches('共').strip_suffix('项')?;
    u32::try_from(parse_integer(count.trim())?).ok()
}

/// A text ending in brackets split into what comes before them and what
/// they hold (the last opening bracket's content), both trimmed:
/// `预警任务（3项）` → (`预警任务`, `3项`).
pub(crate) fn trailing_bracket(text: &str) -> Option<(&str, &str)> {
    let inner_and_close = text.trim_end().strip_suffix(is_close_bracket)?;
    let open_at = inner_and_close.rfind(is_open_bracket)?;
    let (before, bracket) = inner_and_close.split_at(open_at);
    let inner = bracket.trim_start_matches(is_open_bracket).trim();
    Some((before.trim_end(), inner))
}

/// `扩大有效投资（共10项）` → `扩大有效投资`: a count of the area's tasks in
/// trailing brackets is not part of its name.
fn without_task_count(title: &str) -> &str {
    let Some((name, inner)) = trailing_bracket(title) else {
        return title;
    };
    let counts_tasks = inner
        .chars()
        .any(|c| c.is_ascii_digit() || is_chinese_numeral_char(c))
        && inner.contains('项');
    if counts_tasks && !name.trim().is_empty() {
        name
    } else {
        title
    }
}

/// Whether a line reads like a section heading `一、…` / `（一）…`: a Chinese
/// ordinal label, short, not a sentence.
pub(crate) fn is_section_heading(text: &str) -> bool {
    let text = text.trim();
    let short = text.chars().count() <= 60;
    let sentence = text.ends_with(['。', '；', ';']);
    short
        && !sentence
        && leading_label(text)
            .is_some_and(|label| label.kind == LabelKind::Chinese && !label.rest.is_empty())
}

/// Trims the punctuation that ends a list entry: `市四套班子领导；` → `市四套班子领导`.
pub(crate) fn trim_entry_punctuation(text: &str) -> &str {
    text.trim()
        .trim_end_matches(['；', ';', '。', '，', ',', '、'])
        .trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_removes_quotes_and_breaks() {
        assert_eq!(compact("“销号”\n状态"), "销号状态");
        assert_eq!(compact(" 责任 单位 "), "责任单位");
    }

    #[test]
    fn reads_arabic_labels() {
        let label = leading_label("1．8月25日前，确保").unwrap();
        assert_eq!(
            (label.number, label.kind),
            (1, LabelKind::ArabicDotBeforeDigit)
        );
        assert_eq!(label.rest, "8月25日前，确保");
        let label = leading_label("12、推进").unwrap();
        assert_eq!(
            (label.number, label.kind, label.rest),
            (12, LabelKind::Arabic, "推进")
        );
        let label = leading_label("（3）已完成").unwrap();
        assert_eq!((label.label.as_str(), label.rest), ("3", "已完成"));
        let label = leading_label("②已完成").unwrap();
        assert_eq!((label.label.as_str(), label.rest), ("2", "已完成"));
        let label = leading_label("１２．推进").unwrap();
        assert_eq!(label.number, 12);
    }

    #[test]
    fn rejects_numbers_that_are_not_labels() {
        assert_eq!(leading_label("2018年签约"), None);
        assert_eq!(leading_label("1-7月累计"), None);
        assert_eq!(leading_label("2019.8.31完成"), None);
        assert_eq!(leading_label("一体化推进"), None);
        assert_eq!(leading_label(""), None);
    }

    #[test]
    fn reads_chinese_labels_and_area_titles() {
        let label = leading_label("十一、推进公共安全").unwrap();
        assert_eq!((label.number, label.label.as_str()), (11, "十一"));
        assert_eq!(label.kind, LabelKind::Chinese);
        assert_eq!(
            split_area_label("二、推进战略争取、\n谋大招强"),
            (Some("二".to_owned()), "推进战略争取、谋大招强".to_owned())
        );
        assert_eq!(split_area_label("民生实事"), (None, "民生实事".to_owned()));
        assert_eq!(month_named("9月"), Some((0, 9)));
        assert_eq!(month_named("2019年10月份"), Some((2019, 10)));
        assert_eq!(month_named("十二月进展"), Some((0, 12)));
        assert_eq!(month_named("清单（一）"), None);
        assert_eq!(month_named("13月"), None);
        assert_eq!(trailing_number("全县32"), Some(32));
        assert_eq!(trailing_number("共十二"), Some(12));
        assert_eq!(
            split_area_label("一、扩大有效投资（共10项）"),
            (Some("一".to_owned()), "扩大有效投资".to_owned())
        );
        assert_eq!(
            split_area_label("民生实事(8项，已销号3项)"),
            (None, "民生实事".to_owned())
        );
        // Brackets that are part of the name stay.
        assert_eq!(
            split_area_label("二、龙湾区（浙南科技城）"),
            (Some("二".to_owned()), "龙湾区（浙南科技城）".to_owned())
        );
        assert!(is_section_heading("（三）推进战略性新兴产业培育"));
        assert!(!is_section_heading("一、总体情况良好，各项工作有序推进。"));
        assert!(!is_section_heading("1．推进"));
    }
}

//! Progress items: one per non-empty line of the progress cell (or per
//! item numbered within a line), with the item's list label kept apart from
//! its text.

use tongbao_model::Progress;

use tongbao_normalize::numeral::{is_chinese_numeral_char, parse_integer};

use crate::text::{LabelKind, leading_label};

/// One line of a cell, with the auto-number Word renders before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub list_label: Option<&'a str>,
    pub text: &'a str,
}

/// A candidate label at the start of a line.
struct Candidate<'a> {
    number: u32,
    label: String,
    ambiguous: bool,
    rest: &'a str,
}

/// Splits `lines` into progress items.
///
/// A label is always taken from Word's auto-numbering, and from `1、`,
/// `（1）`, `①` or `1.` before a non-digit. `1.` before a digit (`1.8月8日`
/// or `1.5亿元`) is a label only when the siblings are numbered in sequence
/// around it.
pub(crate) fn progress_items(lines: &[Line<'_>]) -> Vec<Progress> {
    let lines: Vec<Line<'_>> = lines.iter().flat_map(|line| inline_items(*line)).collect();
    let lines = lines.as_slice();
    let candidates: Vec<Option<Candidate<'_>>> = lines.iter().map(candidate).collect();
    let mut previous_label: Option<u32> = None;
    let mut items = Vec::with_capacity(lines.len());
    for (index, (line, found)) in lines.iter().zip(&candidates).enumerate() {
        let accepted = found.as_ref().filter(|found| {
            if !found.ambiguous {
                return true;
            }
            let follows_previous = previous_label.is_some_and(|prev| found.number == prev + 1);
            let next_follows = candidates
                .get(index + 1)
                .and_then(Option::as_ref)
                .is_some_and(|next| next.number == found.number + 1);
            follows_previous || (previous_label.is_none() && found.number == 1 && next_follows)
        });
        let (label, text) = match accepted {
            Some(found) => {
                previous_label = Some(found.number);
                (Some(found.label.clone()), found.rest)
            }
            None => (None, line.text.trim()),
        };
        items.push(Progress {
            label,
            text: text.to_owned(),
            as_of: None,
            dates: Vec::new(),
            figures: Vec::new(),
        });
    }
    items
}

/// Items numbered in one line (`1.甲；2.乙；3.丙`, as in a spreadsheet cell,
/// or `（一）甲。（二）乙。`): the line is cut before each next label of the
/// same style in sequence that follows `；`, `。` or a space. Only
/// unmistakable labels count (`2.5亿元` is a number). Points written
/// `一是…；二是…` are items too, labelled by their numeral.
fn inline_items(line: Line<'_>) -> Vec<Line<'_>> {
    if line.list_label.is_some() {
        return vec![line];
    }
    if let Some(points) = enumerated_points(line.text) {
        return points;
    }
    let first = match leading_label(line.text.trim_start()) {
        Some(label) if label.kind != LabelKind::ArabicDotBeforeDigit => label,
        _ => return vec![line],
    };
    let cuts = cuts_before_labels(
        line.text,
        &['；', ';', '。', ' ', '\u{3000}'],
        |next, expected| {
            leading_label(next)
                .is_some_and(|label| label.kind == first.kind && label.number == expected)
        },
        first.number,
    );
    if cuts.is_empty() {
        return vec![line];
    }
    cuts.into_iter()
        .map(|text| Line {
            list_label: None,
            text,
        })
        .collect()
}

/// `一是完成投资；二是主体完工。` → `一` 完成投资, `二` 主体完工。: points
/// counted with `N是`, at least two of them in sequence from 一是.
fn enumerated_points(text: &str) -> Option<Vec<Line<'_>>> {
    let text = text.trim_start();
    if point_label(text)?.0 != 1 {
        return None;
    }
    let cuts = cuts_before_labels(
        text,
        &['；', ';', '。', '，', ',', ' ', '\u{3000}'],
        |next, expected| point_label(next).is_some_and(|(number, ..)| number == expected),
        1,
    );
    if cuts.is_empty() {
        return None;
    }
    // Each piece opens with its point's label; the numeral labels the item.
    cuts.into_iter()
        .map(|piece| {
            let (_, numeral, rest) = point_label(piece)?;
            Some(Line {
                list_label: Some(numeral),
                text: rest.trim_start(),
            })
        })
        .collect()
}

/// `二是…` at the start of `text`: the number, the numeral and the text
/// after `是`.
fn point_label(text: &str) -> Option<(u32, &str, &str)> {
    let numeral_end = text
        .char_indices()
        .take(3)
        .find(|(_, c)| !is_chinese_numeral_char(*c))
        .map(|(at, _)| at)?;
    let (numeral, after) = text.split_at(numeral_end);
    let rest = after.strip_prefix('是')?;
    let number = u32::try_from(parse_integer(numeral)?).ok()?;
    Some((number, numeral, rest))
}

/// Cuts `text` before each next label in sequence from `first_number + 1`
/// that follows one of `separators`; `is_label(next, expected)` says
/// whether the text `next` opens with the label numbered `expected`.
/// Each piece but the first starts at its label; no pieces when nothing
/// was cut.
fn cuts_before_labels<'a>(
    text: &'a str,
    separators: &[char],
    is_label: impl Fn(&str, u32) -> bool,
    first_number: u32,
) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut expected = first_number.saturating_add(1);
    let mut piece_start = 0;
    for (at, separator) in text.char_indices() {
        if !separators.contains(&separator) {
            continue;
        }
        let next_start = at + separator.len_utf8();
        let rest = text.get(next_start..).unwrap_or_default();
        let next = rest.trim_start();
        if !is_label(next, expected) {
            continue;
        }
        // A full stop ends its sentence and stays; other separators go.
        let kept_end = if separator == '。' { next_start } else { at };
        if let Some(piece) = text.get(piece_start..kept_end) {
            pieces.push(piece.trim());
        }
        piece_start = next_start + (rest.len() - next.len());
        expected = expected.saturating_add(1);
    }
    if pieces.is_empty() {
        return pieces;
    }
    pieces.push(text.get(piece_start..).unwrap_or_default().trim());
    pieces
}

fn candidate<'a>(line: &Line<'a>) -> Option<Candidate<'a>> {
    if let Some(list_label) = line.list_label {
        let parsed = leading_label(list_label);
        return Some(Candidate {
            number: parsed.as_ref().map_or(0, |parsed| parsed.number),
            label: parsed.map_or_else(|| list_label.trim().to_owned(), |parsed| parsed.label),
            ambiguous: false,
            rest: line.text.trim(),
        });
    }
    let parsed = leading_label(line.text)?;
    Some(Candidate {
        number: parsed.number,
        label: parsed.label,
        ambiguous: parsed.kind == LabelKind::ArabicDotBeforeDigit,
        rest: parsed.rest.trim_end(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
        texts
            .iter()
            .map(|text| Line {
                list_label: None,
                text,
            })
            .collect()
    }

    fn pairs(items: &[Progress]) -> Vec<(Option<&str>, &str)> {
        items
            .iter()
            .map(|item| (item.label.as_deref(), item.text.as_str()))
            .collect()
    }

    #[test]
    fn numbered_siblings_make_dot_before_digit_a_label() {
        let items = progress_items(&lines(&["1.8月8日，启用。", "2.8月29日，明确。"]));
        assert_eq!(
            pairs(&items),
            [
                (Some("1"), "8月8日，启用。"),
                (Some("2"), "8月29日，明确。")
            ]
        );
    }

    #[test]
    fn lone_decimal_is_not_a_label() {
        let items = progress_items(&lines(&["1.5亿元资金已到位。"]));
        assert_eq!(pairs(&items), [(None, "1.5亿元资金已到位。")]);
        let items = progress_items(&lines(&["已完成。", "2.5亿元已拨付。"]));
        assert_eq!(
            pairs(&items),
            [(None, "已完成。"), (None, "2.5亿元已拨付。")]
        );
    }

    #[test]
    fn reads_every_label_style() {
        let items = progress_items(&lines(&[
            "（1）甲。",
            "②乙。",
            "3、丙。",
            "4.丁。",
            "1-7月完成。",
        ]));
        assert_eq!(
            pairs(&items),
            [
                (Some("1"), "甲。"),
                (Some("2"), "乙。"),
                (Some("3"), "丙。"),
                (Some("4"), "丁。"),
                (None, "1-7月完成。")
            ]
        );
    }

    #[test]
    fn splits_items_numbered_in_one_line() {
        let items = progress_items(&lines(&[
            "1.截至9月底，完成投资2亿元；2.已完成征地100亩。3.正在办理施工许可。",
        ]));
        assert_eq!(
            pairs(&items),
            [
                (Some("1"), "截至9月底，完成投资2亿元"),
                (Some("2"), "已完成征地100亩。"),
                (Some("3"), "正在办理施工许可。")
            ]
        );
        let items = progress_items(&lines(&[
            "（1）已开工；（2）完成主体30%。",
            "①已签约；②已开工。",
        ]));
        assert_eq!(
            pairs(&items),
            [
                (Some("1"), "已开工"),
                (Some("2"), "完成主体30%。"),
                (Some("1"), "已签约"),
                (Some("2"), "已开工。")
            ]
        );
        // Numbers after a separator that do not continue the list stay text.
        let items = progress_items(&lines(&[
            "1.完成投资2亿元；2.5亿元资金已到位；3个项目开工。",
        ]));
        assert_eq!(
            pairs(&items),
            [(Some("1"), "完成投资2亿元；2.5亿元资金已到位；3个项目开工。")]
        );
    }

    #[test]
    fn splits_chinese_labels_and_points_in_one_line() {
        let items = progress_items(&lines(&[
            "（一）完成招标。（二）完成设计。",
            "一是完成投资1.2亿元；二是主体工程完工，三是9月20日通过验收。",
        ]));
        assert_eq!(
            pairs(&items),
            [
                (Some("一"), "完成招标。"),
                (Some("二"), "完成设计。"),
                (Some("一"), "完成投资1.2亿元"),
                (Some("二"), "主体工程完工"),
                (Some("三"), "9月20日通过验收。")
            ]
        );
        // One point alone, or points out of sequence, stay one item.
        let items = progress_items(&lines(&[
            "一是完成投资；另外正在招标。",
            "统一是前提；二是关键。",
        ]));
        assert_eq!(
            pairs(&items),
            [
                (None, "一是完成投资；另外正在招标。"),
                (None, "统一是前提；二是关键。")
            ]
        );
    }

    #[test]
    fn takes_word_auto_numbers() {
        let items = progress_items(&[
            Line {
                list_label: Some("1．"),
                text: "8月8日启用。",
            },
            Line {
                list_label: Some("（2）"),
                text: "已签约。",
            },
        ]);
        assert_eq!(
            pairs(&items),
            [(Some("1"), "8月8日启用。"), (Some("2"), "已签约。")]
        );
    }
}

//! Text to data: time expressions and figures with their units.
//!
//! [`extract`] finds every time expression (deadline, day, period) and every
//! figure (money, percentage, quantity) in one text, each with its place in
//! the text as a `[start, end)` span in chars. [`normalize`] runs it over a
//! whole [`Bulletin`](tongbao_model::Bulletin) after working out the
//! bulletin's year and as-of date.
//!
//! ```
//! use tongbao_model::{CalendarDate, DateKind, FigureKind};
//! use tongbao_normalize::{Context, extract};
//!
//! let context = Context { year: 2019, reference: CalendarDate::new(2019, 8, 31) };
//! let found = extract("9月底前完成投资4.08亿元，完成率93.23%。", &context);
//!
//! let deadline = &found.dates[0];
//! assert_eq!((deadline.text.as_str(), deadline.kind), ("9月底前", DateKind::Deadline));
//! assert_eq!(deadline.end, CalendarDate::new(2019, 9, 30));
//! assert_eq!(deadline.passed, Some(false));
//!
//! let money = &found.figures[0];
//! assert_eq!((money.kind, money.value, money.unit.as_deref()), (FigureKind::Money, 408_000_000.0, Some("元")));
//! assert_eq!(money.span, [8, 14]);
//! assert_eq!(found.figures[1].value, 0.9323);
//! assert_eq!(found.figures[1].label.as_deref(), Some("完成率"));
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod calendar;
mod dates;
mod figures;
mod normalize;
pub mod numeral;
mod text;

use tongbao_model::{CalendarDate, DateExpr, Figure};

pub use normalize::{Options, normalize};

use crate::dates::DateContext;
use crate::numeral::{chinese_run_end, is_chinese_numeral_char, scan_arabic};
use crate::text::is_number_char;

/// What a text's expressions are read against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// The year of a month written without one (`9月底前`).
    pub year: i32,
    /// The bulletin's as-of date: whether a deadline has `passed`, which
    /// 春节 `春节前` means. `None` leaves `passed` unset.
    pub reference: Option<CalendarDate>,
}

/// Everything [`extract`] found in one text, each list in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub dates: Vec<DateExpr>,
    pub figures: Vec<Figure>,
}

/// Finds the time expressions and figures in `text`. Pure and linear in
/// the text's length; never panics.
pub fn extract(text: &str, context: &Context) -> Extraction {
    scan(text, Some(context.year), context.reference)
}

/// The day an as-of text means: `截至8月底` → 2019-08-31 for `year` 2019.
/// Takes the first `截至`/`截止` expression, else the first time expression.
pub fn parse_as_of(text: &str, year: i32) -> Option<CalendarDate> {
    normalize::as_of_day(text, Some(year), false)
}

/// The scan behind [`extract`]; `year` is `None` when unknown, which leaves
/// out the expressions that need it (`9月底前`) but keeps `2019年8月`.
fn scan(text: &str, year: Option<i32>, reference: Option<CalendarDate>) -> Extraction {
    // Sized up front: collecting alone would grow the Vec several times.
    let mut chars = Vec::with_capacity(text.chars().count());
    chars.extend(text.chars());
    let mut context = DateContext {
        year,
        reference,
        last_month: None,
    };
    let mut found = Extraction::default();
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        // Most chars are prose that starts nothing: pass them by without
        // trying every matcher on them.
        if !may_start(c) {
            at = if c.is_ascii_alphabetic() {
                token_end(&chars, at)
            } else {
                at + 1
            };
            continue;
        }
        if let Some(after_label) = list_label_end(&chars, at, &context) {
            at = after_label;
            continue;
        }
        if let Some(date) = dates::match_at(&chars, at, &context) {
            context.last_month = date.month.or(context.last_month);
            let end = date.end.max(at + 1);
            found.dates.push(DateExpr {
                text: span_text(&chars, at, end),
                kind: date.kind,
                start: date.first,
                end: date.last,
                passed: date.passed,
                as_of: date.as_of,
                span: [at, end],
            });
            at = end;
            continue;
        }
        if let Some(range) = figures::match_range_at(&chars, at) {
            for (start, figure) in range {
                let figure = to_figure(&chars, start, figure);
                at = figure.span[1];
                found.figures.push(figure);
            }
            continue;
        }
        if let Some(figure) = figures::match_at(&chars, at) {
            let figure = to_figure(&chars, at, figure);
            at = figure.span[1];
            found.figures.push(figure);
            continue;
        }
        at = token_end(&chars, at);
    }
    found
}

/// Whether an expression can start with `c`: a digit, a Chinese numeral,
/// or the first char of a word that starts a date (`截至`, `今年`, `本月`,
/// `上半年`, `全年`, `年底`, `下旬`, `中旬`, `前三季度`, `第三季度`, `春节`,
/// `元旦`, `国庆`) or a figure's qualifier (`不低于`, `超过`, `大约`,
/// `将近`, `接近`, `约`, `近`, `逾`). The word lists' tests check that
/// every word starts with one of these.
fn may_start(c: char) -> bool {
    is_number_char(c)
        || matches!(
            c,
            '截' | '今'
                | '本'
                | '当'
                | '明'
                | '去'
                | '上'
                | '下'
                | '中'
                | '全'
                | '年'
                | '前'
                | '第'
                | '春'
                | '元'
                | '国'
                | '不'
                | '超'
                | '大'
                | '将'
                | '接'
                | '约'
                | '近'
                | '逾'
        )
}

/// The figure found at `start`, spanning to its end (at least one char).
fn to_figure(chars: &[char], start: usize, figure: figures::FoundFigure) -> Figure {
    let end = figure.end.max(start + 1);
    Figure {
        text: span_text(chars, start, end),
        kind: figure.kind,
        value: figure.value,
        unit: figure.unit.map(str::to_owned),
        qualifier: figure.qualifier,
        label: figure.label,
        span: [start, end],
    }
}

fn span_text(chars: &[char], start: usize, end: usize) -> String {
    chars
        .get(start..end)
        .map(|run| run.iter().collect())
        .unwrap_or_default()
}

/// A list label glued to a date: `1.8月8日` is item 1 and `8月8日`, and
/// `16．2019年` is item 16 and `2019年`, since neither decimal is a figure.
/// Returns the index after the label's dot.
fn list_label_end(chars: &[char], at: usize, context: &DateContext) -> Option<usize> {
    let number = scan_arabic(chars, at)?;
    if !number.has_fraction || number.integer_digits > 2 {
        return None;
    }
    let after_dot = at + number.integer_digits + 1;
    let glued = dates::match_at(chars, after_dot, context).is_some()
        && figures::match_at(chars, at).is_none();
    glued.then_some(after_dot)
}

/// Where scanning goes on after a place where nothing starts: past the
/// whole number, code or numeral run, so nothing is found inside one
/// (`G4012`, `18.1998`, the `4` of `6:4`, the `五` of `一区五园`).
fn token_end(chars: &[char], at: usize) -> usize {
    let Some(&c) = chars.get(at) else {
        return at + 1;
    };
    if c.is_ascii_alphabetic() {
        let mut end = at + 1;
        while chars.get(end).is_some_and(char::is_ascii_alphanumeric) {
            end += 1;
        }
        return end;
    }
    if let Some(number) = scan_arabic(chars, at) {
        // A ratio or a time of day goes on after the colon: 6:4, 14:30.
        let mut end = number.end;
        while matches!(chars.get(end), Some(':' | '：'))
            && let Some(next) = scan_arabic(chars, end + 1)
        {
            end = next.end;
        }
        return end;
    }
    if is_chinese_numeral_char(c) {
        return chinese_run_end(chars, at);
    }
    at + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The skip in `scan` loses nothing: no char outside `may_start`
    /// begins an expression, whatever tail of a trigger word follows it.
    #[test]
    fn nothing_starts_where_may_start_says_no() {
        const TAILS: &[&str] = &[
            "至8月底",
            "止8月底",
            "年8月",
            "月8日",
            "月底前",
            "半年",
            "年内",
            "旬",
            "个月",
            "三季度",
            "季度",
            "节前",
            "旦前",
            "庆前",
            "低于5个",
            "过5个",
            "约5个",
            "近5个",
            "于5个",
            "5个",
            "个",
            "分之三十",
            "-5个",
            "大",
        ];
        let context = DateContext {
            year: Some(2019),
            reference: CalendarDate::new(2019, 8, 31),
            last_month: Some((2019, 8)),
        };
        let mut checked = 0;
        for c in (0..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|c| !may_start(*c))
        {
            for tail in TAILS {
                let chars: Vec<char> = std::iter::once(c).chain(tail.chars()).collect();
                assert!(dates::match_at(&chars, 0, &context).is_none(), "{c}{tail}");
                assert!(figures::match_at(&chars, 0).is_none(), "{c}{tail}");
                assert!(figures::match_range_at(&chars, 0).is_none(), "{c}{tail}");
                assert!(list_label_end(&chars, 0, &context).is_none(), "{c}{tail}");
            }
            checked += 1;
        }
        assert!(checked > 60_000, "{checked}");
        for c in ['截', '今', '下', '春', '逾', '7', '７', '两', '亿', '〇'] {
            assert!(may_start(c), "{c}");
        }
    }
}

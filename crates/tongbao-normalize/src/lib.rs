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
    let chars: Vec<char> = text.chars().collect();
    let mut context = DateContext {
        year,
        reference,
        last_month: None,
    };
    let mut found = Extraction::default();
    let mut at = 0;
    while at < chars.len() {
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

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

use std::cell::RefCell;
use std::sync::LazyLock;

use tongbao_model::{CalendarDate, DateExpr, Figure};

pub use normalize::{Options, normalize};

use crate::dates::DateContext;
use crate::numeral::{ArabicNumber, chinese_run_end, is_chinese_numeral_char, scan_arabic};
use crate::text::{WordIndex, is_number_char};

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
    normalize::as_of_day(text, Some(year))
}

/// The scan behind [`extract`]; `year` is `None` when unknown, which leaves
/// out the expressions that need it (`9月底前`) but keeps `2019年8月`.
fn scan(text: &str, year: Option<i32>, reference: Option<CalendarDate>) -> Extraction {
    thread_local! {
        // One buffer per thread for every text of a bulletin: a fresh Vec
        // per text cost an allocation and a counting pass each time.
        static CHARS: RefCell<Vec<char>> = const { RefCell::new(Vec::new()) };
    }
    CHARS.with_borrow_mut(|chars| {
        chars.clear();
        chars.extend(text.chars());
        let found = scan_chars(text, chars, year, reference);
        if chars.capacity() > KEPT_BUFFER_CHARS {
            // An outsized text should not pin its memory for the thread's life.
            *chars = Vec::new();
        }
        found
    })
}

/// The most chars the per-thread buffer keeps between texts.
const KEPT_BUFFER_CHARS: usize = 1 << 16;

fn scan_chars(
    text: &str,
    chars: &[char],
    year: Option<i32>,
    reference: Option<CalendarDate>,
) -> Extraction {
    let mut context = DateContext {
        year,
        reference,
        last_month: None,
    };
    let mut texts = SpanTexts::new(text, chars);
    let starts = &*START_CHARS;
    let mut found = Extraction::default();
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        // Most chars are prose that starts nothing: pass them by without
        // trying every matcher on them.
        if !starts.contains(c) || !opens_expression(chars, at) {
            at = if c.is_ascii_alphabetic() {
                token_end(chars, at, None)
            } else {
                at + 1
            };
            continue;
        }
        // Every matcher below reads the number here, if there is one.
        let arabic = scan_arabic(chars, at);
        if let Some(after_label) = list_label_end(chars, at, arabic, &context) {
            at = after_label;
            continue;
        }
        if let Some(date) = dates::match_at(chars, at, &context) {
            context.last_month = date.month.or(context.last_month);
            let end = date.end.max(at + 1);
            found.dates.push(DateExpr {
                text: texts.get(at, end),
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
        if let Some(range) = figures::match_range_at(chars, at, arabic) {
            for (start, figure) in range {
                let figure = to_figure(&mut texts, start, figure);
                at = figure.span[1];
                found.figures.push(figure);
            }
            continue;
        }
        if let Some(figure) = figures::match_at(chars, at, arabic) {
            let figure = to_figure(&mut texts, at, figure);
            at = figure.span[1];
            found.figures.push(figure);
            continue;
        }
        at = token_end(chars, at, arabic);
    }
    found
}

/// The text of a span of chars, cut from the original string: one copy,
/// rather than a String grown char by char. Spans come in text order, so
/// the byte offset of a char index is found by walking on from the last.
struct SpanTexts<'a> {
    text: &'a str,
    chars: &'a [char],
    /// A char index and the byte offset where that char starts.
    cursor: (usize, usize),
}

impl<'a> SpanTexts<'a> {
    fn new(text: &'a str, chars: &'a [char]) -> SpanTexts<'a> {
        SpanTexts {
            text,
            chars,
            cursor: (0, 0),
        }
    }

    fn get(&mut self, start: usize, end: usize) -> String {
        if start > end || end > self.chars.len() {
            return String::new();
        }
        let from = self.byte_offset(start);
        let to = self.byte_offset(end);
        self.text.get(from..to).unwrap_or_default().to_owned()
    }

    fn byte_offset(&mut self, index: usize) -> usize {
        if index < self.cursor.0 {
            self.cursor = (0, 0);
        }
        let (from, byte) = self.cursor;
        let skipped = self.chars.get(from..index).unwrap_or_default();
        let byte = byte + skipped.iter().map(|&c| utf8_len(c)).sum::<usize>();
        self.cursor = (index, byte);
        byte
    }
}

/// [`char::len_utf8`] without branches: the walk between spans covers
/// most of a text, and its chars are mixed ASCII and ideographs.
fn utf8_len(c: char) -> usize {
    let code = c as u32;
    1 + usize::from(code >= 0x80) + usize::from(code >= 0x800) + usize::from(code >= 0x1_0000)
}

/// Whether an expression can start with `c`: a digit, a Chinese numeral,
/// or the first char of a word that starts a date (`截至`, `今年`, `本月`,
/// `上半年`, `全年`, `年底`, `下旬`, `中旬`, `前三季度`, `第三季度`, `春节`,
/// `元旦`, `国庆`) or a figure's qualifier (`不低于`, `超过`, `超`, `突破`,
/// `大约`, `将近`, `接近`, `约`, `近`, `逾`). The word lists' tests check that
/// every word starts with one of these.
fn may_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
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
                | '突'
                | '大'
                | '将'
                | '接'
                | '约'
                | '近'
                | '逾'
        )
}

/// Whether the expression words that start with the char at `at` can
/// start there, judged by their first two chars: `上` starts `上旬` and
/// `上半年` but nothing in `上级`. A number char always may. Most chars
/// [`may_start`] lets by are common prose (`中`, `不`, `大`, `上`), and
/// this turns them away before every matcher is tried on them.
fn opens_expression(chars: &[char], at: usize) -> bool {
    static OPENINGS: LazyLock<WordIndex<()>> = LazyLock::new(|| {
        let openings = [
            "截至", "截止", "今年", "本年", "本月", "当年", "当月", "明年", "去年", "上半", "上旬",
            "上月", "上个", "下半", "下旬", "下月", "下个", "中旬", "中下", "上中", "突破", "全年",
            "年内", "年底", "年末", "年初", "年中", "春节", "元旦", "国庆", "不低", "不少", "不超",
            "不高", "不多", "超过", "大约", "将近", "接近", "约", "近", "逾",
        ];
        WordIndex::new(openings.map(|word| (word, ())))
    });
    let Some(&c) = chars.get(at) else {
        return false;
    };
    if is_number_char(c) {
        return true;
    }
    // 前三季度, 第三季度, 超1亿元.
    if matches!(c, '前' | '第' | '超') && chars.get(at + 1).copied().is_some_and(is_number_char)
    {
        return true;
    }
    OPENINGS.find(chars, at).is_some()
}

/// [`may_start`] as a bit table over the CJK ideographs, where most chars
/// of a bulletin fall: one lookup per char instead of some forty compares.
struct StartChars {
    ideographs: Vec<u64>,
}

/// The ideographs the table covers, U+4E00..=U+9FFF.
const IDEOGRAPHS: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

static START_CHARS: LazyLock<StartChars> = LazyLock::new(|| {
    let mut ideographs = vec![0u64; IDEOGRAPHS.count().div_ceil(64)];
    let starting = IDEOGRAPHS
        .filter_map(char::from_u32)
        .filter(|c| may_start(*c));
    for c in starting {
        let offset = c as u32 - IDEOGRAPHS.start();
        if let Some(word) = ideographs.get_mut((offset / 64) as usize) {
            *word |= 1 << (offset % 64);
        }
    }
    StartChars { ideographs }
});

impl StartChars {
    fn contains(&self, c: char) -> bool {
        let code = c as u32;
        if !IDEOGRAPHS.contains(&code) {
            return may_start(c);
        }
        let offset = code - IDEOGRAPHS.start();
        self.ideographs
            .get((offset / 64) as usize)
            .is_some_and(|word| word >> (offset % 64) & 1 == 1)
    }
}

/// The figure found at `start`, spanning to its end (at least one char).
fn to_figure(texts: &mut SpanTexts, start: usize, figure: figures::FoundFigure) -> Figure {
    let end = figure.end.max(start + 1);
    Figure {
        text: texts.get(start, end),
        kind: figure.kind,
        value: figure.value,
        unit: figure.unit.map(str::to_owned),
        qualifier: figure.qualifier,
        label: figure.label,
        span: [start, end],
    }
}

/// A list label glued to a date: `1.8月8日` is item 1 and `8月8日`, and
/// `16．2019年` is item 16 and `2019年`, since neither decimal is a figure.
/// Returns the index after the label's dot. `arabic` is
/// `scan_arabic(chars, at)`.
fn list_label_end(
    chars: &[char],
    at: usize,
    arabic: Option<ArabicNumber>,
    context: &DateContext,
) -> Option<usize> {
    let number = arabic?;
    if !number.has_fraction || number.integer_digits > 2 {
        return None;
    }
    let after_dot = at + number.integer_digits + 1;
    let glued = dates::match_at(chars, after_dot, context).is_some()
        && figures::match_at(chars, at, arabic).is_none();
    glued.then_some(after_dot)
}

/// Where scanning goes on after a place where nothing starts: past the
/// whole number, code or numeral run, so nothing is found inside one
/// (`G4012`, `18.1998`, the `4` of `6:4`, the `五` of `一区五园`).
/// `arabic` is `scan_arabic(chars, at)`.
fn token_end(chars: &[char], at: usize, arabic: Option<ArabicNumber>) -> usize {
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
    if let Some(number) = arabic {
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
    /// The two-char test in `scan` loses nothing: where a word char that
    /// [`may_start`] lets by is not followed by an opening's second char,
    /// no matcher finds anything, whatever follows.
    #[test]
    fn nothing_starts_where_opens_expression_says_no() {
        const TAILS: &[&str] = &["", "年8月底前", "月底前", "三季度", "5个", "节前"];
        let context = DateContext {
            year: Some(2019),
            reference: CalendarDate::new(2019, 8, 31),
            last_month: Some((2019, 8)),
        };
        let word_chars: Vec<char> = IDEOGRAPHS
            .filter_map(char::from_u32)
            .filter(|c| may_start(*c) && !is_number_char(*c))
            .collect();
        assert_eq!(word_chars.len(), 25, "{word_chars:?}");
        let seconds: Vec<char> = IDEOGRAPHS
            .chain(0x20..0x7F)
            .chain(0xFF10..=0xFF19)
            .chain(0x3000..0x3040)
            .filter_map(char::from_u32)
            .collect();
        let mut checked = 0;
        for &first in &word_chars {
            for &second in &seconds {
                if opens_expression(&[first, second], 0) {
                    continue;
                }
                for tail in TAILS {
                    let chars: Vec<char> =
                        [first, second].into_iter().chain(tail.chars()).collect();
                    let text: String = chars.iter().collect();
                    assert!(dates::match_at(&chars, 0, &context).is_none(), "{text}");
                    let arabic = scan_arabic(&chars, 0);
                    assert!(figures::match_at(&chars, 0, arabic).is_none(), "{text}");
                }
                checked += 1;
            }
        }
        assert!(checked > 400_000, "{checked}");
        for text in [
            "上旬",
            "上半年",
            "前三季度",
            "第3季度",
            "约5个",
            "国庆节前",
            "三季度",
        ] {
            let chars: Vec<char> = text.chars().collect();
            assert!(opens_expression(&chars, 0), "{text}");
        }
        for text in ["上级", "前期", "中心", "不断", "大力", "第一"] {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(opens_expression(&chars, 0), text == "第一", "{text}");
        }
    }

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
                let arabic = scan_arabic(&chars, 0);
                assert!(figures::match_at(&chars, 0, arabic).is_none(), "{c}{tail}");
                assert!(
                    figures::match_range_at(&chars, 0, arabic).is_none(),
                    "{c}{tail}"
                );
                let label = list_label_end(&chars, 0, arabic, &context);
                assert!(label.is_none(), "{c}{tail}");
            }
            checked += 1;
        }
        assert!(checked > 60_000, "{checked}");
        let disagreeing: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| START_CHARS.contains(*c) != may_start(*c))
            .collect();
        assert_eq!(disagreeing, []);
        for c in ['截', '今', '下', '春', '逾', '7', '７', '两', '亿', '〇'] {
            assert!(START_CHARS.contains(c), "{c}");
            assert!(may_start(c), "{c}");
        }
    }
}

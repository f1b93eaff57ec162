//! Time expressions: deadlines (`9月底前`), days (`8月31日`) and periods
//! (`1-7月`, `三季度`).
//!
//! An expression is a *base* (a year, month, day, 旬, quarter, festival…)
//! naming a range of days, then an optional *marker*: `前` makes it a
//! deadline by the range's last day, `以来`/`起`/`至今` a period open at the
//! end. A base naming one day is a date; any other base is a period.

use std::sync::LazyLock;

use tongbao_model::{CalendarDate, DateKind};

use crate::calendar::{DayRange, Festival};
use crate::numeral::{ascii_digit, chinese_digit, chinese_run_end, parse_chinese, scan_arabic};
use crate::text::{
    WordIndex, is_ideograph, is_number_char, previous, range_separator, starts_with,
};

/// What the scan knows when it meets a time expression.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateContext {
    /// The year of a month written without one; `None` when unknown.
    pub year: Option<i32>,
    /// The bulletin's as-of date: decides `passed` and the next 春节.
    pub reference: Option<CalendarDate>,
    /// The month the text named last, for a bare `中旬`/`下旬`.
    pub last_month: Option<(i32, u8)>,
}

/// A time expression found at some start index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// Index just past the expression.
    pub end: usize,
    pub kind: DateKind,
    pub first: Option<CalendarDate>,
    pub last: Option<CalendarDate>,
    pub passed: Option<bool>,
    pub as_of: bool,
    /// The month the expression names, as context for later ones.
    pub month: Option<(i32, u8)>,
}

/// How a base turns into an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Ordinary,
    /// `年内`: a deadline by itself.
    Within,
    /// `春节`: only meaningful with `前`.
    Festival,
}

#[derive(Debug, Clone, Copy)]
struct Base {
    end: usize,
    range: DayRange,
    /// Names a single day (`8月31日`, `8月底`), as opposed to a stretch.
    point: bool,
    month: Option<(i32, u8)>,
    form: Form,
}

impl Base {
    fn span(end: usize, range: DayRange) -> Base {
        Base {
            end,
            range,
            point: false,
            month: None,
            form: Form::Ordinary,
        }
    }

    fn day(end: usize, day: CalendarDate) -> Base {
        Base {
            point: true,
            ..Base::span(end, DayRange::day(day))
        }
    }

    fn in_month(self, year: i32, month: u8) -> Base {
        Base {
            month: Some((year, month)),
            ..self
        }
    }
}

/// The time expression starting at `chars[start]`, if one does.
pub(crate) fn match_at(chars: &[char], start: usize, context: &DateContext) -> Option<FoundDate> {
    if let Some(prefix) = as_of_prefix(chars, start) {
        // 截至8月底: the day a statement reports up to.
        let base = match_base(chars, start + prefix, context)?;
        let day = base.range.last;
        return Some(FoundDate {
            end: base.end,
            kind: DateKind::Date,
            first: Some(day),
            last: Some(day),
            passed: None,
            as_of: true,
            month: base.month,
        });
    }
    let base = match_base(chars, start, context)?;
    finish(chars, base, context)
}

/// `截至`, `截止`: tried at every place a date may start, hence indexed.
static AS_OF_WORDS: LazyLock<WordIndex<()>> =
    LazyLock::new(|| WordIndex::new([("截至", ()), ("截止", ())]));

fn as_of_prefix(chars: &[char], at: usize) -> Option<usize> {
    static LINKS: LazyLock<WordIndex<()>> =
        LazyLock::new(|| WordIndex::new([("到", ()), ("至", ()), ("于", ())]));
    let (_, prefix) = AS_OF_WORDS.find(chars, at)?;
    Some(prefix + LINKS.find(chars, at + prefix).map_or(0, |(_, len)| len))
}

/// Applies the marker after a base: `前`, `以来`, or none.
fn finish(chars: &[char], base: Base, context: &DateContext) -> Option<FoundDate> {
    let found = |end, kind, first, last| FoundDate {
        end,
        kind,
        first,
        last,
        passed: None,
        as_of: false,
        month: base.month,
    };
    let deadline = |end| {
        let last = base.range.last;
        FoundDate {
            passed: context.reference.map(|reference| last < reference),
            ..found(end, DateKind::Deadline, None, Some(last))
        }
    };
    if base.form == Form::Within {
        return Some(deadline(base.end));
    }
    // 春节前后, 10月左右: about then, not a deadline.
    if let Some((_, marker)) = AROUND_MARKERS.find(chars, base.end) {
        let kind = if base.point {
            DateKind::Date
        } else {
            DateKind::Period
        };
        return Some(found(
            base.end + marker,
            kind,
            Some(base.range.first),
            Some(base.range.last),
        ));
    }
    if let Some(marker) = before_marker(chars, base.end) {
        return Some(deadline(base.end + marker));
    }
    if base.form == Form::Festival {
        return None;
    }
    let first = Some(base.range.first);
    if let Some(marker) = since_marker(chars, base.end) {
        return Some(found(base.end + marker, DateKind::Period, first, None));
    }
    let kind = if base.point {
        DateKind::Date
    } else {
        DateKind::Period
    };
    Some(found(base.end, kind, first, Some(base.range.last)))
}

static AROUND_MARKERS: LazyLock<WordIndex<()>> =
    LazyLock::new(|| WordIndex::new([("前后", ()), ("左右", ())]));

/// `前`, `以前`, `之前` — but not the 前 of `前期`, `前景`…
fn before_marker(chars: &[char], at: usize) -> Option<usize> {
    const NOT_BEFORE: &[char] = &['期', '景', '提', '沿', '列', '述', '置', '言', '身', '端'];
    static MARKERS: LazyLock<WordIndex<()>> =
        LazyLock::new(|| WordIndex::new([("以前", ()), ("之前", ()), ("前", ())]));
    let (_, marker) = MARKERS.find(chars, at)?;
    let next = chars.get(at + marker);
    (!next.is_some_and(|c| NOT_BEFORE.contains(c))).then_some(marker)
}

/// `以来`, `以后`, `至今`, `起` — but not the 起 of `起草`, `起步`…
fn since_marker(chars: &[char], at: usize) -> Option<usize> {
    const NOT_SINCE: &[char] = &['草', '步', '点', '诉', '因', '飞', '来', '重', '降'];
    static MARKERS: LazyLock<WordIndex<()>> =
        LazyLock::new(|| WordIndex::new([("以来", ()), ("以后", ()), ("至今", ()), ("起", ())]));
    let (_, marker) = MARKERS.find(chars, at)?;
    let next = chars.get(at + marker);
    (!next.is_some_and(|c| NOT_SINCE.contains(c))).then_some(marker)
}

/// A base, possibly a range of two (`7月至9月`, `8月1日-15日`).
fn match_base(chars: &[char], start: usize, context: &DateContext) -> Option<Base> {
    let first = match_single(chars, start, context)?;
    if first.form != Form::Ordinary {
        return Some(first);
    }
    let ranged = range_separator(chars, first.end).and_then(|separator| {
        let at = first.end + separator;
        let year = first.range.last.year();
        let second = match first.month {
            Some((_, month)) if first.point => day_of_month(chars, at, year, month),
            _ => None,
        };
        let same_year = DateContext {
            year: Some(year),
            ..*context
        };
        let second = second.or_else(|| match_single(chars, at, &same_year))?;
        (second.form == Form::Ordinary && second.range.first > first.range.last).then_some(Base {
            range: DayRange {
                first: first.range.first,
                last: second.range.last,
            },
            point: false,
            ..second
        })
    });
    Some(ranged.unwrap_or(first))
}

fn match_single(chars: &[char], start: usize, context: &DateContext) -> Option<Base> {
    if !number_may_start_date(chars, start) {
        return None;
    }
    if let Some(base) = numeric_date(chars, start).or_else(|| year_range(chars, start)) {
        return Some(base);
    }
    if let Some(year) = context.year
        && let Some((month, day, end)) = dotted_month_day(chars, start)
    {
        return Some(Base::day(end, CalendarDate::new(year, month, day)?).in_month(year, month));
    }
    if let Some((year, end)) = year_atom(chars, start, context) {
        return after_year(chars, end, year);
    }
    if let Some(year) = context.year
        && let Some(base) = month_part(chars, start, year)
    {
        return Some(base);
    }
    if let Some((year, month, at)) = relative_month(chars, start, context) {
        return month_tail(chars, at, year, month);
    }
    standalone_word(chars, start, context)
}

/// What follows `2019年`: a month, a part of the year, or nothing.
fn after_year(chars: &[char], at: usize, year: i32) -> Option<Base> {
    let whole_year = DayRange::months(year, 1, 12)?;
    static ATOM_SUFFIXES: LazyLock<WordIndex<Option<Form>>> = LazyLock::new(|| {
        WordIndex::new([
            ("内", Some(Form::Within)),
            ("度", Some(Form::Ordinary)),
            ("底", None),
            ("末", None),
        ])
    });
    if let Some(base) = month_part(chars, at, year)
        .or_else(|| part_of_year(chars, at, year))
        .or_else(|| mid_year(chars, at, year))
    {
        return Some(base);
    }
    if early(chars, at) {
        return Some(Base::span(at + 1, DayRange::months(year, 1, 1)?));
    }
    Some(match ATOM_SUFFIXES.find(chars, at) {
        Some((Some(form), len)) => Base {
            form,
            ..Base::span(at + len, whole_year)
        },
        Some((None, len)) => Base::day(at + len, whole_year.last),
        None => Base::span(at, whole_year),
    })
}

/// `2019.8.31`, `2019-08-31`, `2019/8/31`.
fn numeric_date(chars: &[char], start: usize) -> Option<Base> {
    let (year, at) = digits(chars, start, 4, 4)?;
    let separator = *chars.get(at)?;
    if !matches!(separator, '.' | '．' | '-' | '/') {
        return None;
    }
    let (month, at) = digits(chars, at + 1, 1, 2)?;
    if chars.get(at) != Some(&separator) {
        return None;
    }
    let (day, end) = digits(chars, at + 1, 1, 2)?;
    let day = CalendarDate::new(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )?;
    Some(Base::day(end, day).in_month(day.year(), day.month()))
}

/// `2021-2050年`.
fn year_range(chars: &[char], start: usize) -> Option<Base> {
    let (first, at) = arabic_year(chars, start)?;
    let at = at + range_separator(chars, at)?;
    let (last, at) = arabic_year(chars, at)?;
    if chars.get(at) != Some(&'年') || last <= first {
        return None;
    }
    let range = DayRange {
        first: DayRange::months(first, 1, 12)?.first,
        last: DayRange::months(last, 1, 12)?.last,
    };
    Some(Base::span(at + 1, range))
}

/// `2019年`, `二〇一九年`, `今年`: the year and the index after `年`.
fn year_atom(chars: &[char], start: usize, context: &DateContext) -> Option<(i32, usize)> {
    static RELATIVE: LazyLock<WordIndex<i32>> = LazyLock::new(|| {
        WordIndex::new([
            ("今年", 0),
            ("本年", 0),
            ("当年", 0),
            ("明年", 1),
            ("去年", -1),
        ])
    });
    if let Some((offset, len)) = RELATIVE.find(chars, start) {
        return Some((context.year?.checked_add(offset)?, start + len));
    }
    let (year, at) = arabic_year(chars, start).or_else(|| chinese_year(chars, start))?;
    (chars.get(at) == Some(&'年')).then_some((year, at + 1))
}

/// Four Arabic digits making a year 1900–2100, not part of a longer number.
fn arabic_year(chars: &[char], start: usize) -> Option<(i32, usize)> {
    let (year, end) = digits(chars, start, 4, 4)?;
    let year = i32::try_from(year).ok()?;
    (1900..=2100).contains(&year).then_some((year, end))
}

/// Four Chinese digits read one by one: `二〇一九`.
fn chinese_year(chars: &[char], start: usize) -> Option<(i32, usize)> {
    let end = chinese_run_end(chars, start);
    let run = chars.get(start..end)?;
    if run.len() != 4 || !run.iter().all(|c| chinese_digit(*c).is_some()) {
        return None;
    }
    let year = i32::try_from(parse_chinese(run.iter().copied())?).ok()?;
    (1900..=2100).contains(&year).then_some((year, end))
}

/// Whether a number at `start`, if one is there, can begin a date: only
/// as a year (four digits, followed by `年` or a date separator) or a
/// month or quarter (one or two digits, followed by `月` or `季`), or
/// either followed by a range, or a dotted month and day (`9.30前`). Numbers in prose (474家, 一批, 12345, 4.08亿)
/// start none, and are turned away here before every form is tried on
/// them. A text not starting with a number may start a date.
fn number_may_start_date(chars: &[char], start: usize) -> bool {
    let Some(&first) = chars.get(start) else {
        return false;
    };
    let (end, follows): (usize, fn(char) -> bool) = if ascii_digit(first).is_some() {
        let run = chars
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take(5)
            .take_while(|c| ascii_digit(**c).is_some())
            .count();
        match run {
            1 | 2 if dotted_month_day(chars, start).is_some() => return true,
            // 8、9月份: two months listed.
            1 | 2 => (start + run, |c| matches!(c, '月' | '季' | '、')),
            4 => (start + run, |c| matches!(c, '年' | '.' | '．' | '/')),
            _ => return false,
        }
    } else if is_number_char(first) {
        // 九、十月份 lists two months as 8、9月份 does.
        (chinese_run_end(chars, start), |c| {
            matches!(c, '年' | '月' | '季' | '、')
        })
    } else {
        return true;
    };
    chars.get(end).copied().is_some_and(follows) || range_separator(chars, end).is_some()
}

/// A run of `min..=max` digits at `start` and not followed by another digit.
pub(crate) fn digits(chars: &[char], start: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut at = start;
    while let Some(digit) = chars.get(at).copied().and_then(ascii_digit) {
        if at - start == max {
            return None;
        }
        value = value * 10 + digit;
        at += 1;
    }
    (at - start >= min).then_some((value, at))
}

/// A month (`9月`, `十二月`), its day or part, or a month range (`1-7月`).
fn month_part(chars: &[char], start: usize, year: i32) -> Option<Base> {
    let (month, at) = small_number(chars, start, 12)?;
    if let Some(range) = month_range(chars, at, year, month) {
        return Some(range);
    }
    if chars.get(at) != Some(&'月') {
        return None;
    }
    month_tail(chars, at + 1, year, month)
}

/// What follows `月`: a day, a part of the month, or nothing.
fn month_tail(chars: &[char], at: usize, year: i32, month: u8) -> Option<Base> {
    if let Some(day) = day_of_month(chars, at, year, month) {
        return Some(day);
    }
    static PARTS: LazyLock<WordIndex<Part>> = LazyLock::new(|| {
        WordIndex::new([
            ("上中旬", Part::Days(1, 20)),
            ("中下旬", Part::Days(11, 31)),
            ("上旬", Part::Days(1, 10)),
            ("中旬", Part::Days(11, 20)),
            ("下旬", Part::Days(21, 31)),
            ("底", Part::LastDay),
            ("末", Part::LastDay),
            ("份", Part::Whole),
        ])
    });
    let part = PARTS
        .find(chars, at)
        .or_else(|| early(chars, at).then_some((Part::Days(1, 10), 1)));
    let (part, len) = part.unwrap_or((Part::Whole, 0));
    Some(part.of_month(at + len, year, month)?.in_month(year, month))
}

/// Whether `初` (early in a month or year) is at `at`, not starting a
/// word (初步, 初稿…).
fn early(chars: &[char], at: usize) -> bool {
    const NOT_EARLY: &[char] = &['步', '审', '设', '稿', '次', '心', '期', '级', '衷', '始'];
    chars.get(at) == Some(&'初') && !chars.get(at + 1).is_some_and(|c| NOT_EARLY.contains(c))
}

/// `本月`, `当月`, `上月`, `下月`: the reference month or the one before or
/// after it, and the index after `月`.
fn relative_month(chars: &[char], start: usize, context: &DateContext) -> Option<(i32, u8, usize)> {
    static RELATIVE: LazyLock<WordIndex<i8>> = LazyLock::new(|| {
        WordIndex::new([
            ("本月", 0),
            ("当月", 0),
            ("上个月", -1),
            ("上月", -1),
            ("下个月", 1),
            ("下月", 1),
        ])
    });
    let (offset, len) = RELATIVE.find(chars, start)?;
    // 马上月底前: 马上 (at once) before 月底, not 上月.
    if start.checked_sub(1).and_then(|before| chars.get(before)) == Some(&'马') {
        return None;
    }
    let reference = context.reference?;
    let (year, month) = match i16::from(reference.month()) + i16::from(offset) {
        0 => (reference.year().checked_sub(1)?, 12),
        13 => (reference.year().checked_add(1)?, 1),
        month => (reference.year(), u8::try_from(month).ok()?),
    };
    Some((year, month, start + len))
}

/// A part of a month.
#[derive(Debug, Clone, Copy)]
enum Part {
    Whole,
    Days(u8, u8),
    LastDay,
}

impl Part {
    fn of_month(self, end: usize, year: i32, month: u8) -> Option<Base> {
        Some(match self {
            Part::Whole => Base::span(end, DayRange::months(year, month, month)?),
            Part::Days(first, last) => {
                Base::span(end, DayRange::days_of_month(year, month, first, last)?)
            }
            Part::LastDay => Base::day(end, CalendarDate::last_of_month(year, month)?),
        })
    }
}

/// `1-7月`, `1至8月份` after the first month's number; also two months in a
/// row listed with `、` (`8、9月份`), but not a list of others (`3、6、9月`).
fn month_range(chars: &[char], at: usize, year: i32, first: u8) -> Option<Base> {
    let listed = chars.get(at) == Some(&'、');
    let at = at
        + if listed {
            1
        } else {
            range_separator(chars, at)?
        };
    let (last, at) = small_number(chars, at, 12)?;
    if chars.get(at) != Some(&'月') || last <= first || (listed && last != first + 1) {
        return None;
    }
    let end = at + 1 + usize::from(chars.get(at + 1) == Some(&'份'));
    Some(Base::span(end, DayRange::months(year, first, last)?).in_month(year, last))
}

/// `31日`, `8号` in a known month; the day alone when a deadline marker
/// follows (`9月30前`).
fn day_of_month(chars: &[char], at: usize, year: i32, month: u8) -> Option<Base> {
    let (day, at) = small_number(chars, at, 31)?;
    let end = day_end(chars, at)?;
    Some(Base::day(end, CalendarDate::new(year, month, day)?).in_month(year, month))
}

/// Where a date ends whose day's number ends at `at`: after `日` or `号`,
/// or right there when a deadline marker (`前`, `之前`) follows.
fn day_end(chars: &[char], at: usize) -> Option<usize> {
    match chars.get(at) {
        Some('日' | '号') => Some(at + 1),
        _ => before_marker(chars, at).map(|_| at),
    }
}

/// `9.30前`, `10.1日前`: month and day written with a dot. Without `日` or a
/// deadline marker after it, `9.30` is a decimal, and no date.
fn dotted_month_day(chars: &[char], start: usize) -> Option<(u8, u8, usize)> {
    let (month, at) = digits(chars, start, 1, 2)?;
    if !matches!(chars.get(at), Some('.' | '．')) {
        return None;
    }
    let (day, at) = digits(chars, at + 1, 1, 2)?;
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    Some((month, day, day_end(chars, at)?))
}

/// A whole number 1..=`max` in Arabic digits (at most two) or plain Chinese
/// numerals (`十二`, `三十一`; not `两`, which counts but never names).
fn small_number(chars: &[char], start: usize, max: u8) -> Option<(u8, usize)> {
    let (value, end) = if let Some(number) = scan_arabic(chars, start) {
        if number.has_fraction || number.integer_digits > 2 {
            return None;
        }
        (number.value?.to_integer()?, number.end)
    } else {
        let end = chinese_run_end(chars, start);
        let run = chars.get(start..end)?;
        let plain =
            |c: &char| *c == '十' || (chinese_digit(*c).is_some_and(|d| d > 0) && *c != '两');
        if run.is_empty() || run.len() > 3 || !run.iter().all(plain) {
            return None;
        }
        (parse_chinese(run.iter().copied())?, end)
    };
    let value = u8::try_from(value).ok().filter(|v| (1..=max).contains(v))?;
    Some((value, end))
}

/// Parts of a year, alone or after `2019年`: `年内`, `全年`, `上半年`, `三季度`…
fn part_of_year(chars: &[char], start: usize, year: i32) -> Option<Base> {
    static WORDS: LazyLock<WordIndex<(u8, u8, Form)>> = LazyLock::new(|| {
        WordIndex::new([
            ("年内", (1, 12, Form::Within)),
            ("全年", (1, 12, Form::Ordinary)),
            ("上半年", (1, 6, Form::Ordinary)),
            ("下半年", (7, 12, Form::Ordinary)),
        ])
    });
    static YEAR_END: LazyLock<WordIndex<()>> =
        LazyLock::new(|| WordIndex::new([("年底", ()), ("年末", ())]));
    if let Some(((first, last, form), len)) = WORDS.find(chars, start) {
        let base = Base {
            form,
            ..Base::span(start + len, DayRange::months(year, first, last)?)
        };
        return Some(with_end_marker(chars, base));
    }
    // 年初: January, as 月初 is a month's first stretch.
    if chars.get(start) == Some(&'年') && early(chars, start + 1) {
        return Some(Base::span(start + 2, DayRange::months(year, 1, 1)?));
    }
    if let Some((_, len)) = YEAR_END.find(chars, start) {
        return Some(Base::day(
            start + len,
            CalendarDate::last_of_month(year, 12)?,
        ));
    }
    if chars.get(start) == Some(&'年')
        && let Some(base) = mid_year(chars, start + 1, year)
    {
        return Some(base);
    }
    if let Some(base) = first_months(chars, start, year) {
        return Some(base);
    }
    let ((first, last), len) = quarters(chars, start)?;
    let range = DayRange {
        first: DayRange::quarter(year, first)?.first,
        last: DayRange::quarter(year, last)?.last,
    };
    Some(with_end_marker(chars, Base::span(start + len, range)))
}

/// `中` after `年` (`年中前`, `2019年中`): mid-year, the end of June. Only
/// where the words end there (a marker, punctuation or the text's end
/// follows), since `年中` also starts `年中央…` and `年中小学…`.
fn mid_year(chars: &[char], at: usize, year: i32) -> Option<Base> {
    if chars.get(at) != Some(&'中') {
        return None;
    }
    let ends_here = chars.get(at + 1).is_none_or(|&next| {
        matches!(next, '前' | '后' | '左' | '以' | '之') || !is_ideograph(next)
    });
    ends_here.then_some(Base::day(at + 1, CalendarDate::last_of_month(year, 6)?))
}

/// `前8个月`, `前三个月`: January to the named month, as `前三季度` is the
/// first three quarters. `提前8个月` is eight months early, not this.
fn first_months(chars: &[char], start: usize, year: i32) -> Option<Base> {
    if chars.get(start) != Some(&'前') || previous(chars, start) == Some('提') {
        return None;
    }
    // 两 counts months here (前两个月), though it never names one.
    let (months, at) = match chars.get(start + 1) {
        Some('两') => (2, start + 2),
        _ => small_number(chars, start + 1, 12)?,
    };
    let at = at + usize::from(chars.get(at) == Some(&'个'));
    if chars.get(at) != Some(&'月') {
        return None;
    }
    Some(Base::span(at + 1, DayRange::months(year, 1, months)?).in_month(year, months))
}

/// `三季度末`, `上半年底`: the stretch's last day.
fn with_end_marker(chars: &[char], base: Base) -> Base {
    if base.form == Form::Ordinary && matches!(chars.get(base.end), Some('末' | '底')) {
        Base::day(base.end + 1, base.range.last)
    } else {
        base
    }
}

/// `三季度`, `第三季度`, `3季度`, and runs of quarters: `前三季度` (the
/// first three), `1-2季度`, `二至三季度`. The first and last quarter and
/// the words' length.
fn quarters(chars: &[char], start: usize) -> Option<((u8, u8), usize)> {
    // 提前三季度: three quarters early, not the first three.
    let first_ones = chars.get(start) == Some(&'前') && previous(chars, start) != Some('提');
    let prefix = usize::from(first_ones || chars.get(start) == Some(&'第'));
    let (first, at) = quarter_number(chars, start + prefix)?;
    let (quarters, at) = match range_separator(chars, at) {
        Some(separator) if !first_ones => {
            let (last, at) = quarter_number(chars, at + separator)?;
            ((first < last).then_some((first, last))?, at)
        }
        _ if first_ones => ((1, first), at),
        _ => ((first, first), at),
    };
    starts_with(chars, at, "季度").then_some((quarters, at + 2 - start))
}

/// A quarter's number 1–4, one digit or Chinese numeral, and the index after it.
fn quarter_number(chars: &[char], at: usize) -> Option<(u8, usize)> {
    let c = *chars.get(at)?;
    let number = ascii_digit(c)
        .map(u64::from)
        .or_else(|| chinese_digit(c).filter(|_| c != '两'))?;
    let number = u8::try_from(number).ok().filter(|n| (1..=4).contains(n))?;
    Some((number, at + 1))
}

/// Words that name a time without digits of their own.
fn standalone_word(chars: &[char], start: usize, context: &DateContext) -> Option<Base> {
    // 3年内, 两年底: a duration, not this year.
    let after_number = previous(chars, start).is_some_and(is_number_char);
    if let Some(year) = context.year
        && !after_number
        && let Some(base) = part_of_year(chars, start, year)
    {
        return Some(base);
    }
    if let Some(base) = bare_ten_days(chars, start, context) {
        return Some(base);
    }
    static FESTIVALS: LazyLock<WordIndex<Festival>> = LazyLock::new(|| {
        WordIndex::new([
            ("春节", Festival::LunarNewYear),
            ("元旦", Festival::NewYear),
            ("国庆节", Festival::NationalDay),
            ("国庆", Festival::NationalDay),
        ])
    });
    let (festival, len) = FESTIVALS.find(chars, start)?;
    let anchor = match context.reference {
        Some(reference) => reference,
        None => CalendarDate::new(context.year?, 1, 1)?,
    };
    Some(Base {
        form: Form::Festival,
        ..Base::day(start + len, festival.next_after(anchor)?)
    })
}

/// `下旬` alone: the month named last in the text, else the reference month.
fn bare_ten_days(chars: &[char], start: usize, context: &DateContext) -> Option<Base> {
    static TEN_DAYS: LazyLock<WordIndex<(u8, u8)>> = LazyLock::new(|| {
        WordIndex::new([
            ("上中旬", (1, 20)),
            ("中下旬", (11, 31)),
            ("上旬", (1, 10)),
            ("中旬", (11, 20)),
            ("下旬", (21, 31)),
        ])
    });
    let ((first, last), len) = TEN_DAYS.find(chars, start)?;
    let (year, month) = context
        .last_month
        .or_else(|| context.reference.map(|day| (day.year(), day.month())))?;
    let base = Base::span(
        start + len,
        DayRange::days_of_month(year, month, first, last)?,
    );
    Some(base.in_month(year, month))
}

#[cfg(test)]
mod tests {
    use super::number_may_start_date;

    #[test]
    fn only_numbers_followed_by_a_date_word_may_start_a_date() {
        for (text, may) in [
            ("2019年", true),
            ("2019.8.31", true),
            ("1-7月", true),
            ("三季度", true),
            ("十二月", true),
            ("474家", false),
            ("12345年", false),
            ("一批", false),
            ("5个", false),
            ("截至", true),
        ] {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(number_may_start_date(&chars, 0), may, "{text}");
        }
    }
}

//! Figures: money (`4.08亿元`), percentages (`93.23%`) and quantities
//! (`37.86万亩`, `474家`, `两个`).
//!
//! A figure is an optional qualifier (`超过`, `约`), a number (Arabic or
//! Chinese, with scale characters 十百千万亿), an optional `多`/`余`, a unit
//! from the lists below, and an optional trailing qualifier (`以上`). A
//! number without a unit is not a figure: that keeps codes (`104国道`),
//! ratios (`6:4`) and names (`一区五园`) out. The one exception is the
//! lower bound of a range (`3-5个`), which takes the upper bound's unit.
//! Percentage points (`3个百分点`) are a quantity in `百分点`: a difference
//! between two percentages is no fraction of anything.

use std::sync::LazyLock;

use tongbao_model::{FigureKind, Qualifier};

use crate::numeral::{
    ArabicNumber, Decimal, ascii_digit, chinese_digit, chinese_place, chinese_run_end,
    parse_chinese, scan_arabic,
};
use crate::text::{WordIndex, is_ideograph, previous, range_separator, starts_with};

/// A figure found at some start index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FoundFigure {
    /// Index just past the figure.
    pub end: usize,
    pub kind: FigureKind,
    pub value: f64,
    pub unit: Option<&'static str>,
    pub qualifier: Option<Qualifier>,
    pub label: Option<String>,
}

/// Qualifiers written before the number, longest first.
const LEADING_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("不低于", Qualifier::AtLeast),
    ("不少于", Qualifier::AtLeast),
    ("不超过", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("不多于", Qualifier::AtMost),
    ("超过", Qualifier::AtLeast),
    ("突破", Qualifier::AtLeast),
    ("超", Qualifier::AtLeast),
    ("大约", Qualifier::About),
    ("将近", Qualifier::About),
    ("接近", Qualifier::About),
    ("约", Qualifier::About),
    ("近", Qualifier::About),
    ("逾", Qualifier::AtLeast),
];

/// Chars that make a word with a following 约 or 近 (`签约`, `最近`), so
/// the 约/近 is no qualifier there.
const BOUND_BEFORE_QUALIFIER: &[char] = &[
    '签', '预', '合', '节', '制', '契', '公', '条', '履', '违', '邀', '赴', '相', '简', '婉', '隐',
    '集', '最', '接', '靠', '附', '邻', '就', '亲', '将', '新', '远', '贴', '逼', '走', '临', '大',
];

const TRAILING_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("左右", Qualifier::About),
];

const CURRENCIES: &[&str] = &["美元", "欧元", "港元", "港币", "日元", "英镑", "元"];

/// Units of measure, longest first; those starting with a scale character
/// (`千米`) are tried before the scale is read.
const MEASURES: &[&str] = &[
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "千瓦时",
    "千瓦",
    "兆瓦",
    "千伏",
    "千米",
    "千克",
    "公顷",
    "公里",
    "公斤",
    "延米",
    "平米",
    "标箱",
    "人次",
    "家次",
    "户次",
    "场次",
    "批次",
    "车次",
    "架次",
    "个月",
    "小时",
    "分钟",
    "米",
    "亩",
    "吨",
    "天",
    "倍",
];

/// Measure words counting things (`474家`, `18座`).
const COUNTERS: &[&str] = &[
    "个", "家", "项", "座", "处", "所", "人", "名", "位", "套", "户", "间", "栋", "幢", "条", "件",
    "台", "辆", "艘", "架", "张", "次", "批", "场", "宗", "块", "片", "段", "类", "种", "支", "只",
    "头", "口", "棵", "株", "盏", "根", "部", "篇", "份", "册", "本", "起", "轮", "村",
];

/// Fixed political and administrative phrases that contain a numeral and
/// a measure word but count nothing.
const SET_PHRASES: &[&str] = &[
    "四套班子",
    "两个维护",
    "两个确立",
    "四个意识",
    "四个自信",
    "一件事",
    "一次性",
    "一张图",
    "一盘棋",
    "一站式",
];

static LEADING_QUALIFIER_WORDS: LazyLock<WordIndex<Qualifier>> =
    LazyLock::new(|| WordIndex::new(LEADING_QUALIFIERS.iter().copied()));

static TRAILING_QUALIFIER_WORDS: LazyLock<WordIndex<Qualifier>> =
    LazyLock::new(|| WordIndex::new(TRAILING_QUALIFIERS.iter().copied()));

static SET_PHRASE_WORDS: LazyLock<WordIndex<()>> =
    LazyLock::new(|| WordIndex::new(SET_PHRASES.iter().map(|phrase| (*phrase, ()))));

static MEASURE_WORDS: LazyLock<WordIndex<()>> =
    LazyLock::new(|| WordIndex::new(MEASURES.iter().map(|word| (*word, ()))));

/// Every unit word, in the order they are tried: percentage points,
/// currencies, measures, then counters (`个百分点` before `个月` before `个`).
static UNIT_WORDS: LazyLock<WordIndex<Unit>> = LazyLock::new(|| {
    let points = ["个百分点", "百分点"].map(|word| (word, Unit::Measure(PERCENTAGE_POINT)));
    let currencies = CURRENCIES.iter().map(|word| (*word, Unit::Currency(word)));
    let measures = MEASURES
        .iter()
        .chain(COUNTERS)
        .map(|word| (*word, Unit::Measure(word)));
    WordIndex::new(points.into_iter().chain(currencies).chain(measures))
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numerals {
    Arabic,
    /// Chinese numerals; `liang` for 两 alone, `scale_only` for a bare
    /// 万/亿 (`亿元以上`).
    Chinese {
        liang: bool,
        scale_only: bool,
    },
}

#[derive(Debug, Clone, Copy)]
struct Number {
    value: Decimal,
    end: usize,
    numerals: Numerals,
}

#[derive(Debug, Clone, Copy)]
enum Unit {
    Percent,
    Currency(&'static str),
    Measure(&'static str),
    /// `十大` (ten major …): a count without a measure word.
    Major,
}

/// The figure starting at `chars[start]`, if one does. `arabic` is
/// `scan_arabic(chars, start)`: the scan reads the number at a place once
/// for all the matchers tried there.
pub(crate) fn match_at(
    chars: &[char],
    start: usize,
    arabic: Option<ArabicNumber>,
) -> Option<FoundFigure> {
    let (leading, number_start) = match leading_qualifier(chars, start) {
        Some((qualifier, len)) => (Some(qualifier), start + len),
        None => (None, start),
    };
    if let Some(percent) = spelled_percent(chars, start, number_start, leading) {
        return Some(percent);
    }
    if SET_PHRASE_WORDS.find(chars, number_start).is_some() {
        return None;
    }
    let number = if number_start == start {
        number_from(chars, start, arabic)
    } else {
        read_number(chars, number_start)
    }?;
    figure_after(chars, start, number, leading).map(|(figure, _)| figure)
}

/// A range of two figures sharing the upper one's scale and unit (`3-5个`,
/// `20%-30%`, `1.5-2亿元`, or with its own scale `2.5亿—3亿元`): the lower
/// bound `at_least`, the upper `at_most`.
/// Two figures, since a figure holds one value; each with its start.
/// `arabic` is `scan_arabic(chars, start)`, as for [`match_at`].
pub(crate) fn match_range_at(
    chars: &[char],
    start: usize,
    arabic: Option<ArabicNumber>,
) -> Option<[(usize, FoundFigure); 2]> {
    let lower = number_from(chars, start, arabic)?;
    let percent_len = usize::from(matches!(chars.get(lower.end), Some('%' | '％')));
    // 2.5亿—3亿元: the lower bound may write its own scale.
    let (lower_power, lower_scale_len) = match (percent_len, lower.numerals) {
        (0, Numerals::Arabic) => scale(chars, lower.end),
        _ => (0, 0),
    };
    let separator_at = lower.end + percent_len + lower_scale_len;
    let upper_start = separator_at + range_separator(chars, separator_at)?;
    let upper_number = read_number(chars, upper_start)?;
    if (lower.numerals == Numerals::Arabic) != (upper_number.numerals == Numerals::Arabic) {
        return None;
    }
    let (mut upper, power) = figure_after(chars, upper_start, upper_number, None)?;
    if percent_len == 1 && upper.kind != FigureKind::Percent {
        return None;
    }
    let lower_power = if lower_scale_len > 0 {
        lower_power
    } else {
        power
    };
    let lower_value = lower.value.scaled(lower_power).to_f64();
    // 8-3, 10-1: a code or a fixture, not a range.
    if lower_value >= upper.value {
        return None;
    }
    upper.qualifier = upper.qualifier.or(Some(Qualifier::AtMost));
    let label = measured_by(upper.kind, upper.unit).then(|| metric_before(chars, start));
    upper.label = label.clone().flatten();
    let lower = FoundFigure {
        end: separator_at,
        value: lower_value,
        qualifier: Some(Qualifier::AtLeast),
        label: label.flatten(),
        ..upper.clone()
    };
    Some([(start, lower), (upper_start, upper)])
}

/// Whether a figure of this kind and unit takes the metric written before
/// it as its label: percentages, and percentage points (`同比下降3个百分点`).
fn measured_by(kind: FigureKind, unit: Option<&str>) -> bool {
    kind == FigureKind::Percent || unit == Some(PERCENTAGE_POINT)
}

/// The unit of a difference between percentages (`3个百分点`): counted in
/// points, not a fraction, so it never reads as a percentage of something.
const PERCENTAGE_POINT: &str = "百分点";

/// The scale, unit and trailing qualifier after `number`; the figure and
/// the power of ten its number was multiplied by.
fn figure_after(
    chars: &[char],
    start: usize,
    number: Number,
    leading: Option<Qualifier>,
) -> Option<(FoundFigure, i32)> {
    let mut at = number.end;
    let mut power = 0;
    let mut more = more_than(chars, at);
    at += usize::from(more);
    let mut unit = unit_at(chars, at, number.numerals);
    if unit.is_none() && number.numerals == Numerals::Arabic {
        let (scale_power, len) = scale(chars, at);
        power = scale_power;
        at += len;
        if !more && more_than(chars, at) {
            more = true;
            at += 1;
        }
        unit = unit_at(chars, at, number.numerals);
    }
    let (unit, len) = unit?;
    let bounded = leading.is_some() || more;
    if matches!(
        number.numerals,
        Numerals::Chinese {
            scale_only: true,
            ..
        }
    ) && !bounded
        && !matches!(unit, Unit::Currency(_))
    {
        // 千家万户, 百万亩…: a bare scale word is a figure only as money
        // (亿元项目) or with a bound (近千家, 千余人).
        return None;
    }
    at += len;
    let trailing = TRAILING_QUALIFIER_WORDS.find(chars, at);
    at += trailing.map_or(0, |(_, len)| len);
    let qualifier = leading
        .or(trailing.map(|(q, _)| q))
        .or(more.then_some(Qualifier::AtLeast));
    let (kind, unit) = match unit {
        Unit::Percent => {
            power -= 2;
            (FigureKind::Percent, None)
        }
        Unit::Currency(currency) => (FigureKind::Money, Some(currency)),
        Unit::Measure(measure) => (FigureKind::Quantity, Some(measure)),
        Unit::Major => (FigureKind::Quantity, None),
    };
    let label = measured_by(kind, unit)
        .then(|| metric_before(chars, start))
        .flatten();
    let figure = FoundFigure {
        end: at,
        kind,
        value: number.value.scaled(power).to_f64(),
        unit,
        qualifier,
        label,
    };
    Some((figure, power))
}

fn leading_qualifier(chars: &[char], start: usize) -> Option<(Qualifier, usize)> {
    let (qualifier, len) = LEADING_QUALIFIER_WORDS.find(chars, start)?;
    let bound =
        len == 1 && previous(chars, start).is_some_and(|c| BOUND_BEFORE_QUALIFIER.contains(&c));
    (!bound).then_some((qualifier, len))
}

/// `百分之三十` → 0.3.
fn spelled_percent(
    chars: &[char],
    start: usize,
    at: usize,
    qualifier: Option<Qualifier>,
) -> Option<FoundFigure> {
    if !starts_with(chars, at, "百分之") {
        return None;
    }
    let number = read_number(chars, at + 3)?;
    Some(FoundFigure {
        end: number.end,
        kind: FigureKind::Percent,
        value: number.value.scaled(-2).to_f64(),
        unit: None,
        qualifier,
        label: metric_before(chars, start),
    })
}

/// The number at `start`: Arabic digits, or a run of Chinese numerals.
fn read_number(chars: &[char], start: usize) -> Option<Number> {
    number_from(chars, start, scan_arabic(chars, start))
}

/// [`read_number`] given `arabic`, the result of `scan_arabic(chars, start)`.
fn number_from(chars: &[char], start: usize, arabic: Option<ArabicNumber>) -> Option<Number> {
    if previous(chars, start) == Some('第') {
        return None; // an ordinal: 第21届, 第三
    }
    if let Some(number) = arabic {
        // 5G, 3D: a code, not a count.
        if chars
            .get(number.end)
            .is_some_and(char::is_ascii_alphanumeric)
        {
            return None;
        }
        return Some(Number {
            value: number.value?,
            end: number.end,
            numerals: Numerals::Arabic,
        });
    }
    let end = chinese_run_end(chars, start);
    let run = chars.get(start..end)?;
    let scale_only = run
        .iter()
        .all(|c| chinese_place(*c).is_some_and(|p| p > 10));
    // 数十家, 几百个, 上千人: a vague number, not a figure.
    let vague = match previous(chars, start) {
        Some('数' | '几') => true,
        Some('上') => scale_only,
        _ => false,
    };
    if vague {
        return None;
    }
    // A lone 一 is the article "a" far more often than a count (一批, 一次).
    if run.is_empty() || run == ['一'] {
        return None;
    }
    Some(Number {
        value: Decimal::integer(parse_chinese(run.iter().copied())?),
        end,
        numerals: Numerals::Chinese {
            liang: run == ['两'],
            scale_only,
        },
    })
}

/// `多`/`余` between a number and its unit: "more than".
fn more_than(chars: &[char], at: usize) -> bool {
    matches!(chars.get(at), Some('多' | '余'))
}

/// Scale characters after Arabic digits (`万`, `亿`, `百万`): the power of
/// ten and their length.
fn scale(chars: &[char], at: usize) -> (i32, usize) {
    let mut power = 0;
    let mut len = 0;
    while let Some(place) = chars.get(at + len).copied().and_then(chinese_place) {
        // 5万千瓦: the 千 starts the unit.
        if len == 3 || MEASURE_WORDS.find(chars, at + len).is_some() {
            break;
        }
        power += place.ilog10() as i32;
        len += 1;
    }
    (power, len)
}

fn unit_at(chars: &[char], at: usize, numerals: Numerals) -> Option<(Unit, usize)> {
    if matches!(chars.get(at), Some('%' | '％')) {
        return Some((Unit::Percent, 1));
    }
    if let Some(unit) = UNIT_WORDS.find(chars, at) {
        return Some(unit);
    }
    match (numerals, chars.get(at)) {
        // 两级 (two levels); 一级/二级 name a grade instead.
        (Numerals::Chinese { liang: true, .. }, Some('级')) => Some((Unit::Measure("级"), 1)),
        // 2期, 两期 (issues, rounds); 一期/二期 name a project phase instead.
        (Numerals::Arabic | Numerals::Chinese { liang: true, .. }, Some('期')) => {
            Some((Unit::Measure("期"), 1))
        }
        // 十大, 三大: "the N major …"
        (
            Numerals::Chinese {
                scale_only: false, ..
            },
            Some('大'),
        ) => Some((Unit::Major, 1)),
        _ => None,
    }
}

/// The metric a percentage measures, written just before it: `完成率`,
/// `恢复率为`, `失业率控制在`, `占比`, `同比下降`, `增幅`.
fn metric_before(chars: &[char], start: usize) -> Option<String> {
    // Longest first: 控制在 before 在-less links.
    const LINKS: &[&str] = &[
        "控制在",
        "保持在",
        "稳定在",
        "提高到",
        "提高至",
        "提升到",
        "提升至",
        "达到",
        "为",
        "达",
        "是",
        "了",
    ];
    /// Two-character metrics and changes; a change may follow 同比/环比.
    const NAMED: &[&str] = &[
        "占比", "比重", "比例", "增幅", "降幅", "涨幅", "增速", "增长", "下降", "减少", "增加",
        "提高", "降低", "上升", "下滑", "回落",
    ];
    const COMPARED: &[&str] = &["同比", "环比"];
    static NAMED_WORDS: LazyLock<WordIndex<()>> =
        LazyLock::new(|| WordIndex::new(NAMED.iter().map(|word| (*word, ()))));
    static COMPARED_WORDS: LazyLock<WordIndex<()>> =
        LazyLock::new(|| WordIndex::new(COMPARED.iter().map(|word| (*word, ()))));
    let link = LINKS
        .iter()
        .find(|link| {
            let len = link.chars().count();
            start
                .checked_sub(len)
                .is_some_and(|at| starts_with(chars, at, link))
        })
        .map_or(0, |link| link.chars().count());
    let end = start.checked_sub(link)?;
    let last = previous(chars, end)?;
    // Every word in these lists is two chars long.
    let written_at = |len: usize, words: &WordIndex<()>| {
        end.checked_sub(len)
            .is_some_and(|at| words.find(chars, at).is_some())
    };
    let len = if last == '率' {
        // The rate's name: up to two characters before 率.
        let mut len = 1;
        while len < 3 && end > len && chars.get(end - len - 1).is_some_and(|c| is_metric_char(*c)) {
            len += 1;
        }
        len
    } else if written_at(2, &NAMED_WORDS) {
        if written_at(4, &COMPARED_WORDS) { 4 } else { 2 }
    } else {
        return None;
    };
    (len > 1).then(|| chars.get(end - len..end).map(|run| run.iter().collect()))?
}

fn is_metric_char(c: char) -> bool {
    is_ideograph(c)
        && chinese_digit(c).is_none()
        && chinese_place(c).is_none()
        && ascii_digit(c).is_none()
}

//! Rendering a list counter in one of Word's number formats (`w:numFmt`).

/// The `w:numFmt` values tongbao renders; anything else renders as decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum NumberFormat {
    #[default]
    Decimal,
    DecimalZero,
    DecimalFullWidth,
    ChineseCounting,
    ChineseLegalSimplified,
    IdeographTraditional,
    IdeographZodiac,
    IdeographDigital,
    DecimalEnclosedCircle,
    DecimalEnclosedFullstop,
    DecimalEnclosedParen,
    UpperLetter,
    LowerLetter,
    UpperRoman,
    LowerRoman,
    /// The level text is shown as written, with no counter.
    Bullet,
    /// The counter is not shown.
    None,
}

impl NumberFormat {
    pub(crate) fn from_name(name: &str) -> NumberFormat {
        match name {
            "decimalZero" => NumberFormat::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => NumberFormat::DecimalFullWidth,
            "chineseCounting"
            | "chineseCountingThousand"
            | "japaneseCounting"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand" => NumberFormat::ChineseCounting,
            "chineseLegalSimplified" => NumberFormat::ChineseLegalSimplified,
            "ideographTraditional" => NumberFormat::IdeographTraditional,
            "ideographZodiac" => NumberFormat::IdeographZodiac,
            "ideographDigital" | "taiwaneseDigital" => NumberFormat::IdeographDigital,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
                NumberFormat::DecimalEnclosedCircle
            }
            "decimalEnclosedFullstop" => NumberFormat::DecimalEnclosedFullstop,
            "decimalEnclosedParen" => NumberFormat::DecimalEnclosedParen,
            "upperLetter" => NumberFormat::UpperLetter,
            "lowerLetter" => NumberFormat::LowerLetter,
            "upperRoman" => NumberFormat::UpperRoman,
            "lowerRoman" => NumberFormat::LowerRoman,
            "bullet" => NumberFormat::Bullet,
            "none" => NumberFormat::None,
            _ => NumberFormat::Decimal,
        }
    }

    /// `value` written in this format. Values a format cannot show (zero
    /// letters, enclosed numbers past the Unicode set) fall back to decimal.
    pub(crate) fn render(self, value: u32) -> String {
        let rendered = match self {
            NumberFormat::Decimal => None,
            NumberFormat::DecimalZero => Some(format!("{value:02}")),
            NumberFormat::DecimalFullWidth => Some(
                value
                    .to_string()
                    .chars()
                    .filter_map(|digit| char::from_u32(u32::from(digit) - 0x30 + 0xFF10))
                    .collect(),
            ),
            NumberFormat::ChineseCounting => {
                chinese(value, &COUNTING_DIGITS, &COUNTING_UNITS, true)
            }
            NumberFormat::ChineseLegalSimplified => {
                chinese(value, &LEGAL_DIGITS, &LEGAL_UNITS, false)
            }
            NumberFormat::IdeographTraditional => cycle(value, &HEAVENLY_STEMS),
            NumberFormat::IdeographZodiac => cycle(value, &EARTHLY_BRANCHES),
            NumberFormat::IdeographDigital => Some(
                value
                    .to_string()
                    .chars()
                    .filter_map(|digit| digit.to_digit(10))
                    .filter_map(|digit| IDEOGRAPH_DIGITS.get(digit as usize))
                    .collect(),
            ),
            NumberFormat::DecimalEnclosedCircle => enclosed_circle(value),
            NumberFormat::DecimalEnclosedFullstop => enclosed(value, 0x2488),
            NumberFormat::DecimalEnclosedParen => enclosed(value, 0x2474),
            NumberFormat::UpperLetter => letters(value, b'A'),
            NumberFormat::LowerLetter => letters(value, b'a'),
            NumberFormat::UpperRoman => roman(value),
            NumberFormat::LowerRoman => roman(value).map(|text| text.to_lowercase()),
            NumberFormat::Bullet | NumberFormat::None => Some(String::new()),
        };
        rendered.unwrap_or_else(|| value.to_string())
    }
}

const COUNTING_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const COUNTING_UNITS: [&str; 4] = ["", "十", "百", "千"];
const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_UNITS: [&str; 4] = ["", "拾", "佰", "仟"];
const IDEOGRAPH_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEAVENLY_STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

/// Chinese counting: 十一, 二十, 一百零五, 一万零一. `drop_leading_one`
/// writes 10–19 as 十… rather than 一十… (counting style; legal style keeps 壹拾).
fn chinese(
    value: u32,
    digits: &[char; 10],
    units: &[&str; 4],
    drop_leading_one: bool,
) -> Option<String> {
    const WAN: u32 = 10_000;
    if value >= WAN * WAN {
        return None;
    }
    let zero = *digits.first()?;
    if value == 0 {
        // Zero alone is written 〇 in counting style, 零 in legal style.
        return Some(if drop_leading_one { '〇' } else { zero }.to_string());
    }
    let mut out = String::new();
    if value >= WAN {
        out.push_str(&chinese_below_wan(value / WAN, digits, units)?);
        out.push('万');
        let rest = value % WAN;
        if rest > 0 {
            if rest < 1000 {
                out.push(zero);
            }
            out.push_str(&chinese_below_wan(rest, digits, units)?);
        }
    } else {
        out = chinese_below_wan(value, digits, units)?;
        let one = *digits.get(1)?;
        if drop_leading_one && (10..20).contains(&value) {
            out = out.strip_prefix(one).unwrap_or(&out).to_owned();
        }
    }
    Some(out)
}

fn chinese_below_wan(value: u32, digits: &[char; 10], units: &[&str; 4]) -> Option<String> {
    let zero = *digits.first()?;
    let mut out = String::new();
    let mut pending_zero = false;
    for position in (0..4usize).rev() {
        let digit = (value / 10u32.pow(u32::try_from(position).ok()?)) % 10;
        if digit == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push(zero);
            pending_zero = false;
        }
        out.push(*digits.get(digit as usize)?);
        out.push_str(units.get(position)?);
    }
    Some(out)
}

fn cycle(value: u32, symbols: &[char]) -> Option<String> {
    let index = usize::try_from(value.checked_sub(1)?).ok()? % symbols.len();
    symbols.get(index).map(char::to_string)
}

/// ① to ⑳, ㉑ to ㉟, ㊱ to ㊿.
fn enclosed_circle(value: u32) -> Option<String> {
    let code = match value {
        1..=20 => 0x2460 + value - 1,
        21..=35 => 0x3251 + value - 21,
        36..=50 => 0x32B1 + value - 36,
        _ => return None,
    };
    char::from_u32(code).map(String::from)
}

/// The twenty enclosed numbers starting at `first` (⒈… or ⑴…).
fn enclosed(value: u32, first: u32) -> Option<String> {
    if !(1..=20).contains(&value) {
        return None;
    }
    char::from_u32(first + value - 1).map(String::from)
}

/// A, B, …, Z, AA, BB, … as Word writes them.
fn letters(value: u32, first: u8) -> Option<String> {
    let index = value.checked_sub(1)?;
    let letter = char::from(first + u8::try_from(index % 26).ok()?);
    let repeat = usize::try_from(index / 26 + 1).ok()?.min(64);
    Some(letter.to_string().repeat(repeat))
}

fn roman(value: u32) -> Option<String> {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if !(1..4000).contains(&value) {
        return None;
    }
    let mut rest = value;
    let mut out = String::new();
    for (amount, numeral) in NUMERALS {
        while rest >= amount {
            out.push_str(numeral);
            rest -= amount;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::NumberFormat::{self, *};

    fn render_all(format: NumberFormat, values: &[u32]) -> Vec<String> {
        values.iter().map(|&value| format.render(value)).collect()
    }

    #[test]
    fn chinese_counting_follows_spoken_forms() {
        assert_eq!(
            render_all(
                ChineseCounting,
                &[
                    1, 9, 10, 11, 20, 21, 100, 105, 110, 1000, 1001, 10_000, 10_001, 0
                ]
            ),
            [
                "一",
                "九",
                "十",
                "十一",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十",
                "一千",
                "一千零一",
                "一万",
                "一万零一",
                "〇"
            ]
        );
        assert_eq!(
            NumberFormat::from_name("chineseCountingThousand"),
            ChineseCounting
        );
        assert_eq!(
            render_all(ChineseLegalSimplified, &[3, 12]),
            ["叁", "壹拾贰"]
        );
    }

    #[test]
    fn ideographs_cycle() {
        assert_eq!(
            render_all(IdeographTraditional, &[1, 2, 3, 10, 11]),
            ["甲", "乙", "丙", "癸", "甲"]
        );
        assert_eq!(
            render_all(IdeographZodiac, &[1, 12, 13]),
            ["子", "亥", "子"]
        );
        assert_eq!(render_all(IdeographDigital, &[105]), ["一〇五"]);
    }

    #[test]
    fn enclosed_and_width_forms() {
        assert_eq!(
            render_all(DecimalEnclosedCircle, &[1, 10, 20, 21, 50, 51]),
            ["①", "⑩", "⑳", "㉑", "㊿", "51"]
        );
        assert_eq!(render_all(DecimalEnclosedFullstop, &[2]), ["⒉"]);
        assert_eq!(render_all(DecimalEnclosedParen, &[3]), ["⑶"]);
        assert_eq!(render_all(DecimalFullWidth, &[1, 12]), ["１", "１２"]);
        assert_eq!(render_all(DecimalZero, &[7, 12]), ["07", "12"]);
    }

    #[test]
    fn letters_and_roman_numerals() {
        assert_eq!(
            render_all(UpperLetter, &[1, 26, 27, 28]),
            ["A", "Z", "AA", "BB"]
        );
        assert_eq!(render_all(LowerLetter, &[3, 0]), ["c", "0"]);
        assert_eq!(
            render_all(UpperRoman, &[4, 9, 14, 1994]),
            ["IV", "IX", "XIV", "MCMXCIV"]
        );
        assert_eq!(render_all(LowerRoman, &[3, 0]), ["iii", "0"]);
    }

    #[test]
    fn unknown_formats_render_decimal() {
        assert_eq!(NumberFormat::from_name("custom").render(12), "12");
        assert_eq!(Bullet.render(3), "");
    }
}

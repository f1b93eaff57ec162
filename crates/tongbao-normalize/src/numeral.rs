//! Numbers written in Arabic, full-width or Chinese digits.
//!
//! ```
//! use tongbao_normalize::numeral::parse_integer;
//!
//! assert_eq!(parse_integer("七"), Some(7));
//! assert_eq!(parse_integer("二十三"), Some(23));
//! assert_eq!(parse_integer("十一"), Some(11));
//! assert_eq!(parse_integer("两"), Some(2));
//! assert_eq!(parse_integer("一万"), Some(10_000));
//! assert_eq!(parse_integer("１２"), Some(12));
//! assert_eq!(parse_integer("12"), Some(12));
//! assert_eq!(parse_integer("十五万"), Some(150_000));
//! assert_eq!(parse_integer("项"), None);
//! ```

/// Value of one Chinese digit character (零〇一二两…九), if it is one.
pub fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Multiplier of a Chinese place-value character (十百千万亿).
pub fn chinese_place(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1_000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// An ASCII digit from an ASCII or full-width digit character.
pub fn ascii_digit(c: char) -> Option<u32> {
    // One subtraction and compare per script: this runs on every char a
    // number could start at, and on every digit of every number.
    let ascii = (c as u32).wrapping_sub('0' as u32);
    if ascii < 10 {
        return Some(ascii);
    }
    let full_width = (c as u32).wrapping_sub('０' as u32);
    (full_width < 10).then_some(full_width)
}

/// Whether `c` can be part of a Chinese integer.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_place(c).is_some()
}

/// The integer a whole string spells, in Arabic/full-width digits or in
/// Chinese numerals (`二十三`, `一百零五`, `十`, `两万`); `None` otherwise or
/// on overflow.
pub fn parse_integer(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    if text.chars().all(|c| ascii_digit(c).is_some()) {
        return text.chars().try_fold(0u64, |acc, c| {
            acc.checked_mul(10)?.checked_add(u64::from(ascii_digit(c)?))
        });
    }
    parse_chinese(text.chars())
}

/// The integer a run of Chinese numeral characters spells (see [`parse_integer`]).
pub fn parse_chinese(numerals: impl IntoIterator<Item = char>) -> Option<u64> {
    // total: completed 万/亿 groups; section: current group below 万; digit: pending digit.
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut used_place = false;
    for c in numerals {
        if used_place && chinese_digit(c) == Some(0) {
            // 一百零五: 零 only marks a skipped place.
            continue;
        }
        if let Some(d) = chinese_digit(c) {
            // A digit string without places (二〇一九) reads digit by digit.
            if let Some(previous) = digit {
                section = section.checked_add(previous)?.checked_mul(10)?;
            }
            digit = Some(d);
        } else if let Some(place) = chinese_place(c) {
            used_place = true;
            if place >= 10_000 {
                let group = section.checked_add(digit.take().unwrap_or(0))?;
                let group = if group == 0 { 1 } else { group };
                total = if place > 10_000 {
                    // 亿 scales everything before it: 一万亿, 三亿.
                    total.checked_add(group)?.checked_mul(place)?
                } else {
                    // 万 scales only its own group: 一亿二千万.
                    total.checked_add(group.checked_mul(place)?)?
                };
                section = 0;
            } else {
                // 十 alone means 1×10.
                let d = digit.take().unwrap_or(1);
                section = section.checked_add(d.checked_mul(place)?)?;
            }
        } else {
            return None;
        }
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// An exact decimal number: `mantissa × 10^exponent`.
///
/// Figures are computed in this form and converted to `f64` once, so that
/// `93.23%` becomes exactly `0.9323` and `4.08亿` exactly `408000000`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: u128,
    pub exponent: i32,
}

impl Decimal {
    /// The decimal `value × 10^0`.
    pub fn integer(value: u64) -> Decimal {
        Decimal {
            mantissa: u128::from(value),
            exponent: 0,
        }
    }

    /// The same number multiplied by `10^power`.
    pub fn scaled(self, power: i32) -> Decimal {
        Decimal {
            mantissa: self.mantissa,
            exponent: self.exponent.saturating_add(power),
        }
    }

    /// The nearest `f64`, rounded once.
    pub fn to_f64(self) -> f64 {
        // Powers of ten that f64 holds exactly.
        const EXACT_POWERS: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        // Clinger's fast path: a mantissa below 2^53 and such a power are
        // both exact, so one multiplication or division rounds once.
        let power = EXACT_POWERS.get(self.exponent.unsigned_abs() as usize);
        if let Some(&power) = power
            && let Ok(mantissa) = u64::try_from(self.mantissa)
            && mantissa <= 1 << 53
        {
            // From u64: converting a u128 is a library call.
            let mantissa = mantissa as f64;
            return if self.exponent < 0 {
                mantissa / power
            } else {
                mantissa * power
            };
        }
        // Anything else goes through the standard library's decimal
        // parser, which rounds correctly.
        format!("{}e{}", self.mantissa, self.exponent)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// The value as a whole number, when it is one and fits in `u64`.
    pub fn to_integer(self) -> Option<u64> {
        if self.exponent == 0 {
            // The common case, a whole number as written, needs no scaling.
            return u64::try_from(self.mantissa).ok();
        }
        let mut mantissa = self.mantissa;
        let mut exponent = self.exponent;
        while exponent < 0 {
            if !mantissa.is_multiple_of(10) {
                return None;
            }
            mantissa /= 10;
            exponent += 1;
        }
        let power = 10u128.checked_pow(u32::try_from(exponent).ok()?)?;
        u64::try_from(mantissa.checked_mul(power)?).ok()
    }
}

/// A number written in Arabic or full-width digits, as found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArabicNumber {
    /// `None` when the digits are too many to be a quantity.
    pub value: Option<Decimal>,
    /// Index just past the number's last character.
    pub end: usize,
    /// Whether it has a decimal point (`.` or `．`) with digits after it.
    pub has_fraction: bool,
    /// Digits before the decimal point, separators not counted.
    pub integer_digits: usize,
}

/// More significant digits than this are no quantity (and would overflow).
const MAX_DIGITS: usize = 30;

/// Reads the number starting at `chars[start]`: digits, `,` thousands
/// groups (`1,200`), and a fraction after `.` or `．`. `None` when
/// `chars[start]` is not a digit.
pub fn scan_arabic(chars: &[char], start: usize) -> Option<ArabicNumber> {
    let rest = chars.get(start..)?;
    let digit_at = |i: usize| rest.get(i).copied().and_then(ascii_digit);
    // Past MAX_DIGITS the value is dropped, so the mantissa may wrap there.
    let mut mantissa = u128::from(digit_at(0)?);
    let mut digits = 1usize;
    let mut i = 1;
    loop {
        if let Some(d) = digit_at(i) {
            mantissa = mantissa.wrapping_mul(10).wrapping_add(u128::from(d));
            digits += 1;
            i += 1;
            continue;
        }
        // A thousands group: a comma followed by exactly three digits.
        let group = rest.get(i) == Some(&',')
            && (1..=3).all(|k| digit_at(i + k).is_some())
            && digit_at(i + 4).is_none();
        if !group {
            break;
        }
        i += 1;
    }
    let integer_digits = digits;
    let mut exponent = 0i32;
    let has_fraction = matches!(rest.get(i), Some('.' | '．')) && digit_at(i + 1).is_some();
    if has_fraction {
        i += 1;
        while let Some(d) = digit_at(i) {
            mantissa = mantissa.wrapping_mul(10).wrapping_add(u128::from(d));
            digits += 1;
            exponent -= 1;
            i += 1;
        }
    }
    let value = (digits <= MAX_DIGITS).then_some(Decimal { mantissa, exponent });
    Some(ArabicNumber {
        value,
        end: start + i,
        has_fraction,
        integer_digits,
    })
}

/// Index just past the run of Chinese numeral characters starting at `start`
/// (`start` itself when there is none).
pub fn chinese_run_end(chars: &[char], start: usize) -> usize {
    let mut end = start;
    while chars.get(end).copied().is_some_and(is_chinese_numeral_char) {
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::{Decimal, parse_integer, scan_arabic};

    #[test]
    fn reads_chinese_numerals() {
        for (text, value) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("一百零五", 105),
            ("三千二百", 3200),
            ("两万", 20_000),
            ("一亿二千万", 120_000_000),
            ("二〇一九", 2019),
        ] {
            assert_eq!(parse_integer(text), Some(value), "{text}");
        }
    }

    #[test]
    fn rejects_non_numbers() {
        for text in ["", "十a", "万一x", "abc"] {
            assert_eq!(parse_integer(text), None, "{text}");
        }
    }

    #[test]
    fn decimals_convert_exactly() {
        let chars: Vec<char> = "93.23".chars().collect();
        let number = scan_arabic(&chars, 0).unwrap();
        assert_eq!(number.end, 5);
        assert!(number.has_fraction);
        let value = number.value.unwrap();
        assert_eq!(value.scaled(-2).to_f64(), 0.9323);
        let chars: Vec<char> = "4．08".chars().collect();
        let value = scan_arabic(&chars, 0).unwrap().value.unwrap();
        assert_eq!(value.scaled(8).to_f64(), 408_000_000.0);
        assert_eq!(value.scaled(8).to_integer(), Some(408_000_000));
        assert_eq!(value.to_integer(), None);
    }

    #[test]
    fn reads_thousands_groups_and_full_width_digits() {
        let chars: Vec<char> = "1,200，３４".chars().collect();
        let number = scan_arabic(&chars, 0).unwrap();
        assert_eq!(number.end, 5);
        assert_eq!(number.value, Some(Decimal::integer(1200)));
        let number = scan_arabic(&chars, 6).unwrap();
        assert_eq!(number.value, Some(Decimal::integer(34)));
        assert_eq!(scan_arabic(&chars, 5), None);
    }
}

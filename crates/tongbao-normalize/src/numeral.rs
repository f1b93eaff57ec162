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
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
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
    parse_chinese(text)
}

fn parse_chinese(text: &str) -> Option<u64> {
    // total: completed 万/亿 groups; section: current group below 万; digit: pending digit.
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut used_place = false;
    for c in text.chars() {
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
    total
        .checked_add(section)?
        .checked_add(digit.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::parse_integer;

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
}

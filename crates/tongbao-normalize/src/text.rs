//! Small helpers for matching words in a slice of chars.

use crate::numeral::{ascii_digit, is_chinese_numeral_char};

/// Whether `word` is written at `chars[at..]`.
pub(crate) fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(index, expected)| chars.get(index) == Some(&expected))
}

/// The value of the first entry of `table` whose word is written at `at`,
/// and the word's length in chars. List longer words before their prefixes.
pub(crate) fn lookup<T: Copy>(
    chars: &[char],
    at: usize,
    table: &[(&str, T)],
) -> Option<(T, usize)> {
    table
        .iter()
        .find(|(word, _)| starts_with(chars, at, word))
        .map(|(word, value)| (*value, word.chars().count()))
}

/// The length of the first of `words` written at `at`.
pub(crate) fn word_at(chars: &[char], at: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .find(|word| starts_with(chars, at, word))
        .map(|word| word.chars().count())
}

/// The char before `at`, if any.
pub(crate) fn previous(chars: &[char], at: usize) -> Option<char> {
    chars.get(at.checked_sub(1)?).copied()
}

/// Whether `c` is a CJK ideograph (a Chinese character, not punctuation).
pub(crate) fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `c` is a digit in any script, or a Chinese numeral character.
pub(crate) fn is_number_char(c: char) -> bool {
    ascii_digit(c).is_some() || is_chinese_numeral_char(c)
}

/// Length of a range separator (`-`, `至`, `～`…) at `at`.
pub(crate) fn range_separator(chars: &[char], at: usize) -> Option<usize> {
    word_at(
        chars,
        at,
        &["——", "-", "－", "—", "–", "~", "～", "至", "到"],
    )
}

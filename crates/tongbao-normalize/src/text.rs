//! Small helpers for matching words in a slice of chars.

use std::sync::LazyLock;

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

/// A word list indexed by first char: finding the word written at some
/// place compares only the few words that start with the char there,
/// rather than every word in the list. For long lists on hot paths.
pub(crate) struct WordIndex<T> {
    /// Sorted by first char, stably: words sharing a first char keep the
    /// list's order, so the first listed match still wins.
    entries: Vec<IndexedWord<T>>,
}

struct IndexedWord<T> {
    first: char,
    chars: Box<[char]>,
    value: T,
}

impl<T: Copy> WordIndex<T> {
    /// Indexes `words` in priority order: where two could match at one
    /// place, the earlier one wins (list longer words before their prefixes).
    pub(crate) fn new(words: impl IntoIterator<Item = (&'static str, T)>) -> WordIndex<T> {
        let mut entries: Vec<IndexedWord<T>> = words
            .into_iter()
            .filter_map(|(word, value)| {
                Some(IndexedWord {
                    first: word.chars().next()?,
                    chars: word.chars().collect(),
                    value,
                })
            })
            .collect();
        entries.sort_by_key(|entry| entry.first);
        WordIndex { entries }
    }

    /// The value of the first word written at `at`, and its length in chars.
    pub(crate) fn find(&self, chars: &[char], at: usize) -> Option<(T, usize)> {
        let first = *chars.get(at)?;
        let from = self.entries.partition_point(|entry| entry.first < first);
        let rest = chars.get(at..)?;
        self.entries
            .get(from..)?
            .iter()
            .take_while(|entry| entry.first == first)
            .find(|entry| rest.starts_with(&entry.chars))
            .map(|entry| (entry.value, entry.chars.len()))
    }
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
    static SEPARATORS: LazyLock<WordIndex<()>> = LazyLock::new(|| {
        let words = ["——", "-", "－", "—", "–", "~", "～", "至", "到"];
        WordIndex::new(words.map(|word| (word, ())))
    });
    SEPARATORS.find(chars, at).map(|(_, len)| len)
}

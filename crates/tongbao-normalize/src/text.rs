//! Small helpers for matching words in a slice of chars.

use std::sync::LazyLock;

use crate::numeral::{ascii_digit, is_chinese_numeral_char};

/// Whether `word` is written at `chars[at..]`.
pub(crate) fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(index, expected)| chars.get(index) == Some(&expected))
}

/// A word list indexed by first char: finding the word written at some
/// place compares only the few words whose first char falls in the same
/// bucket as the char there, rather than every word in the list. Most
/// places a word is looked for start none, and land in an empty bucket.
pub(crate) struct WordIndex<T> {
    /// Sorted by bucket, stably: words sharing a first char keep the
    /// list's order, so the first listed match still wins.
    entries: Vec<IndexedWord<T>>,
    /// Where each bucket's entries start in `entries`, and past the last
    /// bucket, where they end.
    bucket_starts: [usize; BUCKETS + 1],
}

struct IndexedWord<T> {
    first: char,
    chars: Box<[char]>,
    value: T,
}

/// Buckets in a [`WordIndex`]: a char's bucket is its code modulo this.
const BUCKETS: usize = 128;

fn bucket(c: char) -> usize {
    c as usize % BUCKETS
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
        entries.sort_by_key(|entry| bucket(entry.first));
        let mut bucket_starts = [0; BUCKETS + 1];
        for (index, start) in bucket_starts.iter_mut().enumerate() {
            *start = entries.partition_point(|entry| bucket(entry.first) < index);
        }
        WordIndex {
            entries,
            bucket_starts,
        }
    }

    /// The value of the first word written at `at`, and its length in chars.
    pub(crate) fn find(&self, chars: &[char], at: usize) -> Option<(T, usize)> {
        let rest = chars.get(at..)?;
        let first = *rest.first()?;
        let from = *self.bucket_starts.get(bucket(first))?;
        let to = *self.bucket_starts.get(bucket(first) + 1)?;
        // Compared char by char: the words are a few chars long, shorter
        // than what a call to memcmp (slice equality) costs.
        let written =
            |word: &[char]| word.len() <= rest.len() && word.iter().zip(rest).all(|(a, b)| a == b);
        self.entries
            .get(from..to)?
            .iter()
            .find(|entry| entry.first == first && written(&entry.chars))
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

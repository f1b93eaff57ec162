//! The annotated tables: every expression form, and every expression in the
//! August 2019 bulletin, with the look-alikes that must not match.

mod common;

use std::collections::BTreeMap;

use common::{Case, KINDS, kind_of, load, render};
use tongbao_normalize::{Extraction, extract};

/// Checks each case; returns one message per mismatch.
fn check(name: &str, cases: &[Case]) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let found = extract(&case.text, &case.context);
        let where_ = format!("{name}:{} {}", case.line, case.text);
        let actual = render(&found);
        if actual != case.expected {
            failures.push(format!(
                "{where_}\n  expected:\n    {}\n  found:\n    {}",
                case.expected.join("\n    "),
                actual.join("\n    ")
            ));
        }
        for (start, end, text) in spans(&found) {
            let chars: Vec<char> = case.text.chars().collect();
            let spanned: String = chars[start..end].iter().collect();
            if spanned != text {
                failures.push(format!(
                    "{where_}: span [{start}, {end}) is {spanned:?}, not {text:?}"
                ));
            }
            for forbidden in &case.forbidden {
                for (byte, _) in case.text.match_indices(forbidden.as_str()) {
                    let first = case.text[..byte].chars().count();
                    let last = first + forbidden.chars().count();
                    if start < last && first < end {
                        failures.push(format!(
                            "{where_}: {text:?} touches look-alike {forbidden:?}"
                        ));
                    }
                }
            }
        }
        for forbidden in &case.forbidden {
            if !case.text.contains(forbidden.as_str()) {
                failures.push(format!(
                    "{where_}: look-alike {forbidden:?} is not in the text"
                ));
            }
        }
    }
    failures
}

fn spans(found: &Extraction) -> Vec<(usize, usize, &str)> {
    let dates = found
        .dates
        .iter()
        .map(|d| (d.span[0], d.span[1], d.text.as_str()));
    let figures = found
        .figures
        .iter()
        .map(|f| (f.span[0], f.span[1], f.text.as_str()));
    dates.chain(figures).collect()
}

fn assert_table(name: &str) {
    let cases = load(name);
    assert!(cases.len() > 20, "{name} has only {} cases", cases.len());
    let failures = check(name, &cases);
    assert!(
        failures.is_empty(),
        "{} of {} cases wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_form_reads_as_annotated() {
    assert_table("forms.txt");
}

#[test]
fn every_seed_line_reads_as_annotated() {
    assert_table("seed.txt");
}

fn count_by_kind<'a>(lines: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, usize> {
    let mut counts: BTreeMap<&str, usize> = KINDS.iter().map(|kind| (*kind, 0)).collect();
    for line in lines {
        *counts.get_mut(kind_of(line)).unwrap() += 1;
    }
    counts
}

/// Runs `extract` on every line of the seed text, annotated or not, and
/// checks the totals per kind against the annotation.
#[test]
fn seed_totals_match_the_annotation() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/bulletin-2019-08.txt"
    );
    let seed = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let context = common::default_context();
    let found: Vec<String> = seed
        .lines()
        .flat_map(|line| render(&extract(line.trim(), &context)))
        .collect();
    let annotation = load("seed.txt");
    let annotated = annotation.iter().flat_map(|case| case.expected.iter());
    let found_counts = count_by_kind(found.iter().map(String::as_str));
    let annotated_counts = count_by_kind(annotated.map(String::as_str));
    assert_eq!(found_counts, annotated_counts);
    // The hand count, covering letter included (1 deadline, 2 dates, 1 quantity).
    let expected = [
        ("date", 40),
        ("deadline", 62),
        ("money", 23),
        ("percent", 33),
        ("period", 44),
        ("quantity", 108),
    ];
    assert_eq!(annotated_counts, BTreeMap::from(expected));
}

#[test]
fn every_audit_line_reads_as_annotated() {
    assert_table("audit.txt");
}

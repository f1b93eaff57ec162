//! The annotated test tables in `tests/annotations/*.txt`, and how an
//! extraction is written in them.
//!
//! A table is a list of cases. `> text` starts a case; each following
//! line is one expected expression, tab-separated, in text order:
//!
//! ```text
//! deadline  9月底前    ..2019-09-30            pending      (start..end, passed)
//! date      截至8月底  2019-08-31              as_of
//! period    1-7月      2019-01-01..2019-07-31
//! money     10亿元以上 1000000000   元         at_least
//! percent   93.23%     0.9323       -          label=恢复率
//! quantity  两个       2            个
//! not       S1线       (no expression may touch this text)
//! ```
//!
//! `@ year=2020 reference=2020-03-31` (or `reference=none`) sets the
//! context for the cases after it; the default is 2019 as of 2019-08-31.
//! Lines starting with `#` are comments.

#![allow(dead_code)] // each test binary uses part of this module

use tongbao_model::{CalendarDate, DateKind, FigureKind, Qualifier};
use tongbao_normalize::{Context, Extraction};

pub struct Case {
    pub line: usize,
    pub context: Context,
    pub text: String,
    /// Expected expressions, rendered as in the table.
    pub expected: Vec<String>,
    /// Substrings no expression may overlap.
    pub forbidden: Vec<String>,
}

pub fn default_context() -> Context {
    Context {
        year: 2019,
        reference: CalendarDate::new(2019, 8, 31),
    }
}

pub fn load(name: &str) -> Vec<Case> {
    let path = format!("{}/tests/annotations/{name}", env!("CARGO_MANIFEST_DIR"));
    let table = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut context = default_context();
    let mut cases: Vec<Case> = Vec::new();
    for (index, line) in table.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(settings) = line.strip_prefix("@ ") {
            context = parse_context(settings);
        } else if let Some(text) = line.strip_prefix("> ") {
            cases.push(Case {
                line: line_no,
                context,
                text: text.to_owned(),
                expected: Vec::new(),
                forbidden: Vec::new(),
            });
        } else {
            let case = cases
                .last_mut()
                .unwrap_or_else(|| panic!("{name}:{line_no}: no case yet"));
            match line.strip_prefix("not\t") {
                Some(forbidden) => case.forbidden.push(forbidden.to_owned()),
                None => case.expected.push(line.trim_end().to_owned()),
            }
        }
    }
    cases
}

fn parse_context(settings: &str) -> Context {
    let mut context = default_context();
    for setting in settings.split_whitespace() {
        match setting.split_once('=') {
            Some(("year", year)) => context.year = year.parse().unwrap(),
            Some(("reference", "none")) => context.reference = None,
            Some(("reference", day)) => context.reference = Some(day.parse().unwrap()),
            _ => panic!("unknown setting {setting}"),
        }
    }
    context
}

/// Each expression of `found` as a table line, in text order.
pub fn render(found: &Extraction) -> Vec<String> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for date in &found.dates {
        let day = |d: Option<CalendarDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let (kind, when) = match date.kind {
            DateKind::Date if date.start == date.end => ("date", day(date.start)),
            DateKind::Date => ("date", format!("{}..{}", day(date.start), day(date.end))),
            DateKind::Deadline => (
                "deadline",
                format!("{}..{}", day(date.start), day(date.end)),
            ),
            DateKind::Period => ("period", format!("{}..{}", day(date.start), day(date.end))),
        };
        let mut fields = vec![kind.to_owned(), date.text.clone(), when];
        if date.as_of {
            fields.push("as_of".to_owned());
        }
        match date.passed {
            Some(true) => fields.push("passed".to_owned()),
            Some(false) => fields.push("pending".to_owned()),
            None => {}
        }
        lines.push((date.span[0], fields.join("\t")));
    }
    for figure in &found.figures {
        let kind = match figure.kind {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Quantity => "quantity",
        };
        let mut fields = vec![
            kind.to_owned(),
            figure.text.clone(),
            figure.value.to_string(),
            figure.unit.clone().unwrap_or_else(|| "-".to_owned()),
        ];
        let mut flags = Vec::new();
        if let Some(qualifier) = figure.qualifier {
            flags.push(
                match qualifier {
                    Qualifier::AtLeast => "at_least",
                    Qualifier::AtMost => "at_most",
                    Qualifier::About => "about",
                }
                .to_owned(),
            );
        }
        if let Some(label) = &figure.label {
            flags.push(format!("label={label}"));
        }
        if !flags.is_empty() {
            fields.push(flags.join(" "));
        }
        lines.push((figure.span[0], fields.join("\t")));
    }
    lines.sort_by_key(|(start, _)| *start);
    lines.into_iter().map(|(_, line)| line).collect()
}

/// The six kinds the counts are kept by.
pub const KINDS: [&str; 6] = ["deadline", "date", "period", "money", "percent", "quantity"];

/// The kind of a rendered line.
pub fn kind_of(line: &str) -> &str {
    line.split('\t').next().unwrap_or_default()
}

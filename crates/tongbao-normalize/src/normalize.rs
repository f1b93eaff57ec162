//! The whole bulletin: its year, its as-of date, and the expressions in
//! every task and progress item.

use tongbao_model::{Bulletin, CalendarDate, DateExpr, DateKind, Diagnostic};

use crate::dates::digits;
use crate::numeral::ascii_digit;
use crate::scan;

/// Choices made outside the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The year to read month-day expressions in (`--year`), overriding
    /// what the document says.
    pub year: Option<i32>,
}

/// Fills the bulletin's `year`, `as_of.date`, every task's and progress
/// item's `dates` and `figures`, and each progress item's `as_of` (from its
/// `截至`/`截止` date). Says where the year came from in an info diagnostic
/// `year-source`, or warns `year-unknown`. Running it twice gives the same
/// bulletin.
pub fn normalize(bulletin: &mut Bulletin, options: &Options) {
    bulletin
        .diagnostics
        .retain(|diagnostic| !matches!(diagnostic.code.as_str(), "year-source" | "year-unknown"));
    let year = match resolve_year(bulletin, options) {
        Some((year, source)) => {
            bulletin.diagnostics.push(Diagnostic::info(
                "year-source",
                format!("year {year} {source}"),
            ));
            Some(year)
        }
        None => {
            bulletin.diagnostics.push(Diagnostic::warning(
                "year-unknown",
                "no year in the text or the file dates; month-day expressions are left out",
            ));
            None
        }
    };
    bulletin.year = year;
    if bulletin.as_of.date.is_none() {
        match &bulletin.as_of.text {
            Some(text) => bulletin.as_of.date = as_of_day(text, year),
            // No as-of line: a 截至 expression in the title or the letter
            // will do, and is the as-of text.
            None => {
                let stated = std::iter::once(bulletin.title.as_deref().unwrap_or_default())
                    .chain(bulletin.preamble.iter().map(String::as_str))
                    .find_map(|text| marked_as_of(text, year));
                if let Some((text, date)) = stated {
                    bulletin.as_of.text = Some(text);
                    bulletin.as_of.date = Some(date);
                }
            }
        }
    }
    if bulletin.as_of.date.is_none()
        && let Some(day) = month_end_in_file_name(&bulletin.source.file, year)
    {
        // A workbook has no covering letter: 2019-08.xlsx, 8月份销号情况.xlsx
        // name the month the list reports on.
        bulletin.as_of.date = Some(day);
        bulletin.diagnostics.push(Diagnostic::info(
            "as-of-source",
            format!(
                "as-of date {day} from the file name {:?} (the end of the month it names)",
                bulletin.source.file
            ),
        ));
    }
    // Without an as-of date, the day the file was written is the next best
    // "now" for 春节前 and for whether a deadline has passed.
    let reference = bulletin.as_of.date.or_else(|| {
        [&bulletin.source.modified, &bulletin.source.created]
            .into_iter()
            .find_map(|stamp| file_day(stamp.as_deref()?))
    });
    for task in &mut bulletin.tasks {
        let found = scan(&task.text, year, reference);
        task.dates = found.dates;
        task.figures = found.figures;
        task.deadline_dates = task
            .deadline_text
            .as_deref()
            .map(|text| column_deadlines(text, year, reference))
            .unwrap_or_default();
        for progress in &mut task.progress {
            let found = scan(&progress.text, year, reference);
            progress.as_of = found
                .dates
                .iter()
                .find(|date| date.as_of)
                .and_then(|date| date.end);
            progress.dates = found.dates;
            progress.figures = found.figures;
        }
    }
}

/// A deadline column's time expressions, each read as "by its last day"
/// (`12月底` in a 完成时限 column is a deadline, not just a date).
fn column_deadlines(
    text: &str,
    year: Option<i32>,
    reference: Option<CalendarDate>,
) -> Vec<DateExpr> {
    scan(text, year, reference)
        .dates
        .into_iter()
        .filter(|date| date.end.is_some())
        .map(|date| DateExpr {
            kind: DateKind::Deadline,
            start: None,
            passed: date.end.zip(reference).map(|(end, now)| end < now),
            as_of: false,
            ..date
        })
        .collect()
}

/// The first `截至` expression in `text`, as written, and its day.
fn marked_as_of(text: &str, year: Option<i32>) -> Option<(String, CalendarDate)> {
    let found = scan(text, year, None).dates;
    let marked = found.into_iter().find(|date| date.as_of)?;
    let day = marked.end.or(marked.start)?;
    Some((marked.text, day))
}

/// The day an as-of text means: its first `截至` expression, or its first
/// time expression.
pub(crate) fn as_of_day(text: &str, year: Option<i32>) -> Option<CalendarDate> {
    let found = scan(text, year, None).dates;
    let chosen = found.iter().find(|date| date.as_of).or(found.first())?;
    chosen.end.or(chosen.start)
}

/// The last day of the one month a file name names (`2019-08`, `2019.8`,
/// `2019年8月`, or `8月份` in `year`): not a year, a quarter or a run of
/// months, and not a date with its day (likelier the issue date).
fn month_end_in_file_name(file: &str, year: Option<i32>) -> Option<CalendarDate> {
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let chars: Vec<char> = stem.chars().collect();
    // ASCII: four digits, a separator, one or two digits, no day after.
    for at in 0..chars.len() {
        let Some((year, month, end)) = ascii_year_month(&chars, at) else {
            continue;
        };
        let day_follows = matches!(chars.get(end), Some('-' | '.' | '_'))
            && chars.get(end + 1).copied().and_then(ascii_digit).is_some();
        if !day_follows {
            return CalendarDate::last_of_month(year, month);
        }
    }
    let found = scan(stem, year, None).dates;
    let month = found.first().filter(|date| {
        date.kind == DateKind::Period
            && date.start.zip(date.end).is_some_and(|(start, end)| {
                (start.year(), start.month()) == (end.year(), end.month())
            })
    })?;
    let end = month.end?;
    CalendarDate::last_of_month(end.year(), end.month())
}

/// `2019-08` at `at`, not inside a longer number: year, month and the
/// index after the month.
fn ascii_year_month(chars: &[char], at: usize) -> Option<(i32, u8, usize)> {
    let before = at.checked_sub(1).and_then(|before| chars.get(before));
    if before.copied().and_then(ascii_digit).is_some() {
        return None;
    }
    let (year, after_year) = digits(chars, at, 4, 4)?;
    if !(1900..=2099).contains(&year) || !matches!(chars.get(after_year), Some('-' | '.' | '_')) {
        return None;
    }
    let (month, end) = digits(chars, after_year + 1, 1, 2)?;
    let month = u8::try_from(month)
        .ok()
        .filter(|month| (1..=12).contains(month))?;
    Some((i32::try_from(year).ok()?, month, end))
}

/// The bulletin's year and a phrase saying where it came from.
fn resolve_year(bulletin: &Bulletin, options: &Options) -> Option<(i32, String)> {
    if let Some(year) = options.year {
        return Some((year, "given by the caller".to_owned()));
    }
    let texts = [
        (bulletin.title.as_deref(), "the title"),
        (bulletin.as_of.text.as_deref(), "the as-of text"),
        (bulletin.attachment_title.as_deref(), "the attachment title"),
        (bulletin.source.sheet.as_deref(), "the sheet name"),
    ];
    let masthead = bulletin
        .masthead
        .iter()
        .map(|line| (Some(line.as_str()), "the masthead"));
    for (text, place) in texts.into_iter().chain(masthead) {
        if let Some(year) = text.and_then(year_in_text) {
            return Some((year, format!("from {place}")));
        }
    }
    year_from_file_dates(bulletin).or_else(|| {
        // Last resort: the letter's prose also names other years (2018年以来).
        let year = bulletin
            .preamble
            .iter()
            .find_map(|text| year_in_text(text))?;
        Some((year, "from the preamble".to_owned()))
    })
}

/// The year of the file's modification (else creation) date, stepped back
/// when the as-of month lies after the month the file was written in.
fn year_from_file_dates(bulletin: &Bulletin) -> Option<(i32, String)> {
    let dates = [
        // Last saved first: a bulletin copied from last month's file keeps
        // that file's creation date.
        (bulletin.source.modified.as_deref(), "modification"),
        (bulletin.source.created.as_deref(), "creation"),
    ];
    let (stamp, which, (year, month)) = dates
        .into_iter()
        .find_map(|(stamp, which)| Some((stamp?, which, file_year_month(stamp?)?)))?;
    // 截至12月底 written in January reports on the year before.
    let as_of_month = bulletin
        .as_of
        .text
        .as_deref()
        .and_then(|text| as_of_day(text, Some(year)))
        .map(CalendarDate::month);
    if as_of_month.is_some_and(|as_of| as_of > month) {
        let previous = year.checked_sub(1)?;
        return Some((
            previous,
            format!(
                "from the file's {which} date {stamp}, the year before it as the as-of month is later"
            ),
        ));
    }
    Some((year, format!("from the file's {which} date {stamp}")))
}

/// The first 19xx/20xx year written as four digits on its own.
fn year_in_text(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        let run = chars.get(at..).map_or(0, |rest| {
            rest.iter()
                .take_while(|c| ascii_digit(**c).is_some())
                .count()
        });
        if run == 4 {
            let year = chars.get(at..at + 4)?.iter().try_fold(0i32, |acc, c| {
                Some(acc * 10 + i32::try_from(ascii_digit(*c)?).ok()?)
            })?;
            if (1900..=2099).contains(&year) {
                return Some(year);
            }
        }
        at += run.max(1);
    }
    None
}

/// The day of a W3CDTF stamp (`2019-09-02T08:00:00Z` → 2019-09-02).
fn file_day(stamp: &str) -> Option<CalendarDate> {
    let (year, month) = file_year_month(stamp)?;
    let day = stamp.get(8..10)?.parse().ok()?;
    CalendarDate::new(year, month, day)
}

/// Year and month of a W3CDTF stamp (`2019-09-02T08:00:00Z`).
fn file_year_month(stamp: &str) -> Option<(i32, u8)> {
    let year = stamp.get(0..4)?.parse().ok()?;
    let month = stamp
        .get(5..7)?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    (stamp.get(4..5) == Some("-")).then_some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_naming_one_month_gives_its_last_day() {
        let end = |file: &str, year| month_end_in_file_name(file, year).map(|d| d.to_string());
        assert_eq!(
            end("bulletin-2019-08.xlsx", None).as_deref(),
            Some("2019-08-31")
        );
        assert_eq!(end("通报2019.9.xls", None).as_deref(), Some("2019-09-30"));
        assert_eq!(
            end("2020年2月销号情况.xlsx", None).as_deref(),
            Some("2020-02-29")
        );
        assert_eq!(
            end("8月份销号情况.xlsx", Some(2019)).as_deref(),
            Some("2019-08-31")
        );
        // A day (an issue date), a year, a quarter, months or no year: none.
        assert_eq!(end("通报2019-09-05.xlsx", None), None);
        assert_eq!(end("2019年重点任务清单.xlsx", None), None);
        assert_eq!(end("三季度销号情况.xlsx", Some(2019)), None);
        assert_eq!(end("1-8月销号情况.xlsx", Some(2019)), None);
        assert_eq!(end("8月份销号情况.xlsx", None), None);
        assert_eq!(end("编号20190801.xlsx", None), None);
    }

    #[test]
    fn finds_a_year_standing_alone() {
        assert_eq!(year_in_text("2019年8月“三助三红”通报"), Some(2019));
        assert_eq!(year_in_text("温政办〔２０１８〕12号"), Some(2018));
        assert_eq!(year_in_text("编号20190801；1730亩"), None);
        assert_eq!(year_in_text("截至8月底"), None);
    }

    #[test]
    fn reads_file_stamps() {
        assert_eq!(file_year_month("2019-09-02T08:00:00Z"), Some((2019, 9)));
        assert_eq!(file_year_month("2019"), None);
        assert_eq!(file_year_month("2019-13-01"), None);
        assert_eq!(file_year_month("这不是日期"), None);
        assert_eq!(
            file_day("2019-09-04T09:30:00Z"),
            CalendarDate::new(2019, 9, 4)
        );
        assert_eq!(file_day("2019-09"), None);
    }
}

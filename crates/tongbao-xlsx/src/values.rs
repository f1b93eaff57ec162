//! Cell values as the text Excel shows, split into paragraphs at line breaks.

use calamine::{Data, ExcelDateTime};
use tongbao_model::Paragraph;

/// The paragraphs of one cell value; empty for an empty or error cell.
pub(crate) fn paragraphs(value: &Data) -> Vec<Paragraph> {
    match value {
        Data::String(text) => split_lines(text),
        Data::Int(number) => vec![Paragraph::new(number.to_string())],
        Data::Float(number) => vec![Paragraph::new(number_text(*number))],
        Data::Bool(true) => vec![Paragraph::new("TRUE")],
        Data::Bool(false) => vec![Paragraph::new("FALSE")],
        Data::DateTime(datetime) => vec![Paragraph::new(datetime_text(datetime))],
        Data::DateTimeIso(text) => vec![Paragraph::new(iso_datetime_text(text))],
        Data::DurationIso(text) => split_lines(text),
        // Error values (#N/A, #REF!) carry no content a bulletin reader wants.
        Data::Error(_) | Data::Empty => Vec::new(),
    }
}

/// One paragraph per line. Excel stores in-cell breaks as `\n`, `\r\n`, `\r`
/// or the OOXML escape `_x000D_` (openpyxl writes `\r\n` as `_x000D_\n`).
fn split_lines(text: &str) -> Vec<Paragraph> {
    let normalized = text
        .replace("_x000D_", "\r")
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut lines: Vec<&str> = normalized.split('\n').collect();
    while lines.last().is_some_and(|line| line.is_empty()) {
        lines.pop();
    }
    lines.into_iter().map(Paragraph::new).collect()
}

/// Whole numbers without a fraction (`1`, not `1.0`); others in the shortest
/// form that reads back to the same value.
fn number_text(number: f64) -> String {
    // Beyond 2^53 not every integer is representable; keep Rust's own form.
    const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;
    if number.fract() == 0.0 && number.abs() < EXACT_INTEGER_LIMIT {
        #[allow(clippy::cast_possible_truncation)]
        let whole = number as i64;
        whole.to_string()
    } else {
        number.to_string()
    }
}

/// `YYYY-MM-DD` for a date, with ` HH:MM:SS` when it has a time of day;
/// `HH:MM:SS` for a time alone; `[h]:mm:ss` for a duration.
fn datetime_text(datetime: &ExcelDateTime) -> String {
    const SECONDS_PER_DAY: f64 = 86_400.0;
    let serial = datetime.as_f64();
    if datetime.is_duration() {
        #[allow(clippy::cast_possible_truncation)]
        let seconds = (serial * SECONDS_PER_DAY).round() as i64;
        let sign = if seconds < 0 { "-" } else { "" };
        let seconds = seconds.unsigned_abs();
        return format!(
            "{sign}{}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
    }
    let (year, month, day, hour, minute, second, _) = datetime.to_ymd_hms_milli();
    let time = format!("{hour:02}:{minute:02}:{second:02}");
    if (0.0..1.0).contains(&serial) {
        return time;
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    if (hour, minute, second) == (0, 0, 0) {
        date
    } else {
        format!("{date} {time}")
    }
}

/// OpenDocument writes dates as ISO 8601; a midnight time adds nothing.
fn iso_datetime_text(text: &str) -> String {
    text.strip_suffix("T00:00:00")
        .unwrap_or(text)
        .replacen('T', " ", 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    fn texts(value: Data) -> Vec<String> {
        paragraphs(&value).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn line_breaks_of_every_kind_split_paragraphs() {
        let value = Data::String("a\r\nb\nc\rd_x000D_e_x000D_\nf\n".into());
        assert_eq!(texts(value), ["a", "b", "c", "d", "e", "f"]);
    }

    #[test]
    fn inner_empty_lines_stay_and_trailing_ones_go() {
        assert_eq!(texts(Data::String("a\n\nb\n\n".into())), ["a", "", "b"]);
        assert!(texts(Data::String(String::new())).is_empty());
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(texts(Data::Float(1.0)), ["1"]);
        assert_eq!(texts(Data::Float(-42.0)), ["-42"]);
        assert_eq!(texts(Data::Float(0.1)), ["0.1"]);
        assert_eq!(texts(Data::Float(93.23)), ["93.23"]);
        assert_eq!(texts(Data::Int(7)), ["7"]);
        assert_eq!(texts(Data::Bool(true)), ["TRUE"]);
    }

    #[test]
    fn dates_times_and_durations() {
        let at = |serial, kind| Data::DateTime(ExcelDateTime::new(serial, kind, false));
        // 43708 is 2019-08-31 in the 1900 date system.
        assert_eq!(
            texts(at(43708.0, ExcelDateTimeType::DateTime)),
            ["2019-08-31"]
        );
        assert_eq!(
            texts(at(43708.5, ExcelDateTimeType::DateTime)),
            ["2019-08-31 12:00:00"]
        );
        assert_eq!(texts(at(0.75, ExcelDateTimeType::DateTime)), ["18:00:00"]);
        assert_eq!(texts(at(1.5, ExcelDateTimeType::TimeDelta)), ["36:00:00"]);
        assert_eq!(
            texts(Data::DateTimeIso("2019-08-31T00:00:00".into())),
            ["2019-08-31"]
        );
    }

    #[test]
    fn errors_and_empty_cells_have_no_paragraphs() {
        assert!(texts(Data::Error(calamine::CellErrorType::NA)).is_empty());
        assert!(texts(Data::Empty).is_empty());
    }
}

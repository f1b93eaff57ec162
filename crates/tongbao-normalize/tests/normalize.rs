//! `normalize` on whole bulletins: the year, the as-of date, and the
//! expressions of every task and progress item.

use tongbao_model::{
    AsOf, Bulletin, CalendarDate, DateKind, FigureKind, Location, Progress, Severity, Source,
    SourceFormat, StatedCounts, Status, StatusCode, StatusSource, Task,
};
use tongbao_normalize::{Options, normalize, parse_as_of};

fn day(text: &str) -> CalendarDate {
    text.parse().unwrap()
}

fn progress(text: &str) -> Progress {
    Progress {
        label: None,
        text: text.to_owned(),
        as_of: None,
        dates: Vec::new(),
        figures: Vec::new(),
    }
}

fn bulletin(title: &str, as_of: &str, created: Option<&str>) -> Bulletin {
    Bulletin {
        schema_version: "1".to_owned(),
        source: Source {
            file: "bulletin.docx".to_owned(),
            format: SourceFormat::Docx,
            sha256: String::new(),
            sheet: None,
            created: created.map(str::to_owned),
            modified: None,
        },
        title: Some(title.to_owned()),
        as_of: AsOf {
            text: Some(as_of.to_owned()),
            date: None,
        },
        year: None,
        masthead: Vec::new(),
        preamble: Vec::new(),
        attachment_title: None,
        report_to: None,
        distribute_to: None,
        editor: None,
        issuer: None,
        stated_counts: StatedCounts::default(),
        areas: Vec::new(),
        tasks: vec![Task {
            no: 1,
            area_seq: None,
            area: None,
            text: "9月底前完成投资4.08亿元，春节前完工。".to_owned(),
            units: Vec::new(),
            units_by_role: None,
            leaders: None,
            deadline_text: None,
            deadline_dates: Vec::new(),
            remarks: None,
            extra_columns: Vec::new(),
            progress: vec![
                progress("截止8月23日，474家企业已复产，恢复率93.23%。"),
                progress("已完成组件，正安排上报。"),
            ],
            status: Status {
                raw: String::new(),
                code: StatusCode::None,
                source: StatusSource::Absent,
            },
            dates: Vec::new(),
            figures: Vec::new(),
            location: Location { table: 0, row: 1 },
        }],
        diagnostics: Vec::new(),
    }
}

fn year_diagnostics(bulletin: &Bulletin) -> Vec<(Severity, &str, &str)> {
    bulletin
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("year-"))
        .map(|d| (d.severity, d.code.as_str(), d.message.as_str()))
        .collect()
}

#[test]
fn fills_year_as_of_and_every_expression() {
    let mut bulletin = bulletin(
        "2019年“三助三红”重点攻坚任务“销号”情况通报",
        "截至8月底",
        None,
    );
    normalize(&mut bulletin, &Options::default());
    assert_eq!(bulletin.year, Some(2019));
    assert_eq!(bulletin.as_of.date, Some(day("2019-08-31")));
    assert_eq!(
        year_diagnostics(&bulletin),
        [(Severity::Info, "year-source", "year 2019 from the title")]
    );
    let task = &bulletin.tasks[0];
    let kinds: Vec<_> = task
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.kind, d.end, d.passed))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                "9月底前",
                DateKind::Deadline,
                Some(day("2019-09-30")),
                Some(false)
            ),
            (
                "春节前",
                DateKind::Deadline,
                Some(day("2020-01-25")),
                Some(false)
            ),
        ]
    );
    assert_eq!(task.figures[0].value, 408_000_000.0);
    let first = &task.progress[0];
    assert_eq!(first.as_of, Some(day("2019-08-23")));
    assert_eq!(
        first.figures.iter().map(|f| f.kind).collect::<Vec<_>>(),
        [FigureKind::Quantity, FigureKind::Percent]
    );
    assert_eq!(task.progress[1].as_of, None);
    assert!(task.progress[1].dates.is_empty() && task.progress[1].figures.is_empty());
}

#[test]
fn the_callers_year_wins_and_running_twice_changes_nothing() {
    let mut bulletin = bulletin("2019年通报", "截至8月底", None);
    let options = Options { year: Some(2020) };
    normalize(&mut bulletin, &options);
    let once = bulletin.clone();
    normalize(&mut bulletin, &options);
    assert_eq!(bulletin, once);
    assert_eq!(bulletin.year, Some(2020));
    assert_eq!(bulletin.as_of.date, Some(day("2020-08-31")));
    assert_eq!(
        year_diagnostics(&bulletin),
        [(
            Severity::Info,
            "year-source",
            "year 2020 given by the caller"
        )]
    );
}

#[test]
fn year_from_the_file_date_steps_back_over_new_year() {
    let mut december = bulletin(
        "重点攻坚任务通报",
        "截至12月底",
        Some("2020-01-06T09:00:00Z"),
    );
    normalize(&mut december, &Options::default());
    assert_eq!(december.year, Some(2019));
    assert_eq!(december.as_of.date, Some(day("2019-12-31")));
    assert!(
        year_diagnostics(&december)[0]
            .2
            .starts_with("year 2019 from the file's creation date 2020-01-06")
    );

    let mut august = bulletin(
        "重点攻坚任务通报",
        "截至8月底",
        Some("2019-09-02T09:00:00Z"),
    );
    normalize(&mut august, &Options::default());
    assert_eq!(august.year, Some(2019));
    assert_eq!(august.tasks[0].dates[0].end, Some(day("2019-09-30")));
}

#[test]
fn an_unknown_year_warns_and_keeps_what_needs_no_year() {
    let mut bulletin = bulletin("重点攻坚任务通报", "截至8月底", None);
    bulletin.tasks[0].text = "2018年12月5日召开，9月底前完成投资4.08亿元".to_owned();
    normalize(&mut bulletin, &Options::default());
    assert_eq!(bulletin.year, None);
    assert_eq!(bulletin.as_of.date, None);
    assert_eq!(year_diagnostics(&bulletin)[0].0, Severity::Warning);
    assert_eq!(year_diagnostics(&bulletin)[0].1, "year-unknown");
    let task = &bulletin.tasks[0];
    assert_eq!(
        task.dates
            .iter()
            .map(|d| d.text.as_str())
            .collect::<Vec<_>>(),
        ["2018年12月5日"]
    );
    assert_eq!(task.figures.len(), 1);
}

#[test]
fn year_and_as_of_come_from_the_preamble_when_nothing_else_says() {
    let mut bulletin = bulletin("重点攻坚任务通报", "", None);
    bulletin.as_of.text = None;
    bulletin.preamble = vec!["根据2019年工作要点，现将截至7月底的工作进展予以通报。".to_owned()];
    normalize(&mut bulletin, &Options::default());
    assert_eq!(bulletin.year, Some(2019));
    assert_eq!(bulletin.as_of.date, Some(day("2019-07-31")));
    // The expression found is the as-of text, as written.
    assert_eq!(bulletin.as_of.text.as_deref(), Some("截至7月底"));
    assert_eq!(
        year_diagnostics(&bulletin)[0].2,
        "year 2019 from the preamble"
    );
}

#[test]
fn parses_as_of_texts() {
    assert_eq!(parse_as_of("截至8月底", 2019), Some(day("2019-08-31")));
    assert_eq!(
        parse_as_of("截止2019年9月30日", 2020),
        Some(day("2019-09-30"))
    );
    assert_eq!(parse_as_of("8月25日", 2019), Some(day("2019-08-25")));
    assert_eq!(parse_as_of("截至目前", 2019), None);
}

#[test]
fn without_an_as_of_date_the_file_date_is_the_reference() {
    let mut sheet = bulletin("管理清单", "", Some("2019-09-04T09:30:00Z"));
    sheet.as_of.text = None;
    normalize(&mut sheet, &Options::default());
    assert_eq!(sheet.as_of.date, None);
    let dates = &sheet.tasks[0].dates;
    let spring = dates.iter().find(|d| d.text == "春节前").unwrap();
    // The next Spring Festival after 2019-09-04, not the one before it.
    assert_eq!(spring.end, Some(day("2020-01-25")));
    assert_eq!(spring.passed, Some(false));
    let september = dates.iter().find(|d| d.text == "9月底前").unwrap();
    assert_eq!(september.passed, Some(false));
}

#[test]
fn prose_years_in_the_letter_lose_to_the_file_date() {
    let mut letter = bulletin("重点任务通报", "截至8月底", Some("2019-09-04T09:30:00Z"));
    letter.preamble = vec!["2018年以来，全市推进重点项目。".to_owned()];
    normalize(&mut letter, &Options::default());
    assert_eq!(letter.year, Some(2019));
}

#[test]
fn the_masthead_year_beats_the_file_dates() {
    let mut issue = bulletin("重点任务通报", "截至9月底", Some("2013-12-23T23:15:00Z"));
    issue.masthead = vec!["督查通报".to_owned(), "2019年第9期".to_owned()];
    normalize(&mut issue, &Options::default());
    assert_eq!(issue.year, Some(2019));
    assert_eq!(issue.as_of.date, Some(day("2019-09-30")));
}

#[test]
fn the_last_save_dates_a_file_copied_from_an_old_one() {
    let mut copied = bulletin("重点任务通报", "截至9月底", Some("2018-01-05T08:00:00Z"));
    copied.source.modified = Some("2019-10-08T10:00:00Z".to_owned());
    normalize(&mut copied, &Options::default());
    assert_eq!(copied.year, Some(2019));
}

#[test]
fn a_deadline_column_reads_as_deadlines() {
    let mut list = bulletin("重点任务通报", "截至9月底", Some("2019-10-08T10:00:00Z"));
    list.tasks[0].deadline_text = Some("2019年12月底；9月中旬".to_owned());
    normalize(&mut list, &Options::default());
    type Seen<'a> = (
        &'a str,
        DateKind,
        Option<CalendarDate>,
        Option<CalendarDate>,
        Option<bool>,
    );
    let deadlines: Vec<Seen> = list.tasks[0]
        .deadline_dates
        .iter()
        .map(|d| (d.text.as_str(), d.kind, d.start, d.end, d.passed))
        .collect();
    assert_eq!(
        deadlines,
        [
            (
                "2019年12月底",
                DateKind::Deadline,
                None,
                Some(day("2019-12-31")),
                Some(false)
            ),
            (
                "9月中旬",
                DateKind::Deadline,
                None,
                Some(day("2019-09-20")),
                Some(true)
            ),
        ]
    );
}

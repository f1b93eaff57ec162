//! The August 2019 bulletin, converted from each format, matches the
//! hand-checked ground truth (fixtures/bulletin-2019-08.truth.json, a copy of
//! ../shared/seed), field by field.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tongbao::model::{Bulletin, SourceFormat};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn truth() -> Value {
    let text = std::fs::read_to_string(fixture("bulletin-2019-08.truth.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn convert(name: &str) -> Bulletin {
    tongbao::convert_path(&fixture(name), &tongbao::Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Every task field the truth records, compared one by one so a failure
/// names the task and the field.
fn assert_tasks_match(bulletin: &Bulletin, truth: &Value) {
    let expected = truth["tasks"].as_array().unwrap();
    assert_eq!(bulletin.tasks.len(), expected.len(), "task count");
    for (task, want) in bulletin.tasks.iter().zip(expected) {
        let no = task.no;
        assert_eq!(u64::from(no), want["no"].as_u64().unwrap(), "task number");
        assert_eq!(
            task.area_seq.map(u64::from),
            want["area_seq"].as_u64(),
            "task {no} area_seq"
        );
        assert_eq!(
            task.area.as_deref(),
            want["area"].as_str(),
            "task {no} area"
        );
        assert_eq!(task.text, want["text"].as_str().unwrap(), "task {no} text");
        let units: Vec<&str> = want["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u.as_str().unwrap())
            .collect();
        assert_eq!(task.units, units, "task {no} units");
        let progress: Vec<String> = task
            .progress
            .iter()
            .map(|item| match &item.label {
                Some(label) => format!("{label}.{}", item.text),
                None => item.text.clone(),
            })
            .collect();
        let want_progress: Vec<&str> = want["progress"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(progress, want_progress, "task {no} progress");
        assert_eq!(
            task.status.raw,
            want["status_raw"].as_str().unwrap(),
            "task {no} status raw"
        );
        assert_eq!(
            task.status.code.as_str(),
            want["status"].as_str().unwrap(),
            "task {no} status"
        );
    }
}

fn assert_areas_match(bulletin: &Bulletin, truth: &Value) {
    let areas: Vec<(u64, Option<&str>, &str)> = bulletin
        .areas
        .iter()
        .map(|a| (u64::from(a.seq), a.numeral.as_deref(), a.title.as_str()))
        .collect();
    let want: Vec<(u64, Option<&str>, &str)> = truth["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["seq"].as_u64().unwrap(),
                a["numeral"].as_str(),
                a["title"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(areas, want);
}

#[test]
fn word_bulletin_matches_the_truth() {
    let bulletin = convert("bulletin-2019-08.docx");
    let truth = truth();
    assert_eq!(bulletin.source.format, SourceFormat::Docx);
    assert_eq!(bulletin.title.as_deref(), truth["title"].as_str());
    assert_eq!(bulletin.as_of.text.as_deref(), truth["as_of_text"].as_str());
    assert_eq!(
        bulletin.as_of.date.map(|d| d.to_string()).as_deref(),
        truth["as_of"].as_str()
    );
    assert_eq!(bulletin.year.map(i64::from), truth["year"].as_i64());
    assert_eq!(bulletin.editor.as_deref(), truth["editor"].as_str());
    assert_eq!(bulletin.issuer.as_deref(), truth["issuer"].as_str());
    assert_eq!(
        bulletin.stated_counts.closed.map(u64::from),
        truth["stated_closed_count"].as_u64()
    );
    assert_eq!(
        bulletin.attachment_title.as_deref(),
        Some("“三助三红”重点攻坚任务“销号”管理清单")
    );
    assert_eq!(bulletin.report_to.as_deref(), Some("市四套班子领导"));
    assert_eq!(
        bulletin.distribute_to.as_deref(),
        Some("各县（市、区）委、政府，省级产业集聚区管委会，市直有关单位")
    );
    assert_eq!(bulletin.preamble.len(), 3, "{:#?}", bulletin.preamble);
    assert!(bulletin.preamble[0].starts_with("为确保“三助三红”专项活动"));
    assert_areas_match(&bulletin, &truth);
    assert_tasks_match(&bulletin, &truth);
    // The letter says 7 closed; the table marks 8 阶段性“销号”: flagged, not hidden.
    assert!(
        bulletin
            .diagnostics
            .iter()
            .any(|d| d.code == "stated-count-mismatch"),
        "{:#?}",
        bulletin.diagnostics
    );
}

#[test]
fn excel_bulletins_match_the_truth() {
    let truth = truth();
    for (name, format) in [
        ("bulletin-2019-08.xlsx", SourceFormat::Xlsx),
        ("bulletin-2019-08.xls", SourceFormat::Xls),
    ] {
        let bulletin = convert(name);
        assert_eq!(bulletin.source.format, format, "{name}");
        assert_eq!(bulletin.source.sheet.as_deref(), Some("Sheet1"), "{name}");
        // A sheet has no covering letter: its metadata stays empty.
        assert_eq!(bulletin.editor, None, "{name}");
        assert_eq!(bulletin.issuer, None, "{name}");
        assert!(bulletin.preamble.is_empty(), "{name}");
        assert_eq!(bulletin.attachment_title, None, "{name}");
        assert_eq!(
            bulletin.title.as_deref(),
            Some("“三助三红”重点攻坚任务“销号”管理清单"),
            "{name}: the list title above the table"
        );
        assert_eq!(
            bulletin.year,
            Some(2019),
            "{name}: from the workbook's properties"
        );
        assert_areas_match(&bulletin, &truth);
        assert_tasks_match(&bulletin, &truth);
    }
}

#[test]
fn the_three_formats_agree_on_every_task() {
    let word = convert("bulletin-2019-08.docx");
    for name in ["bulletin-2019-08.xlsx", "bulletin-2019-08.xls"] {
        let sheet = convert(name);
        for (a, b) in word.tasks.iter().zip(&sheet.tasks) {
            assert_eq!(
                (a.no, &a.text, &a.units, &a.status),
                (b.no, &b.text, &b.units, &b.status)
            );
            assert_eq!(a.progress, b.progress, "task {} progress in {name}", a.no);
            // `passed` needs the as-of date, which only the Word letter states.
            let without_passed = |dates: &[tongbao::model::DateExpr]| {
                dates
                    .iter()
                    .map(|d| (d.text.clone(), d.kind, d.start, d.end, d.span))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                without_passed(&a.dates),
                without_passed(&b.dates),
                "task {} dates in {name}",
                a.no
            );
            assert_eq!(a.figures, b.figures, "task {} figures in {name}", a.no);
        }
    }
}

#[test]
fn progress_labels_are_split_from_text() {
    let bulletin = convert("bulletin-2019-08.docx");
    let task4 = bulletin.tasks.iter().find(|t| t.no == 4).unwrap();
    // `1.8月8日`: the 1. is a label, not the number 1.8.
    assert_eq!(task4.progress[0].label.as_deref(), Some("1"));
    assert!(
        task4.progress[0]
            .text
            .starts_with("8月8日，阿里巴巴浙南中心")
    );
}

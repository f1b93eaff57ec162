//! The real August 2019 bulletin, read by the format readers and parsed,
//! against its ground truth, field by field.

use serde_json::Value;
use tongbao_model::{Bulletin, Document, ReadLimits, Source, SourceFormat, StatusCode};
use tongbao_xlsx::WorkbookKind;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
const TRUTH: &str = "/work/shared/seed/bulletin-2019-08.truth.json";

fn truth() -> Value {
    let text = std::fs::read_to_string(TRUTH)
        .or_else(|_| std::fs::read_to_string(format!("{FIXTURES}/bulletin-2019-08.truth.json")))
        .expect("truth file");
    serde_json::from_str(&text).expect("truth JSON")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("fixture file")
}

fn parse(document: &Document, file: &str) -> Bulletin {
    let source = Source {
        file: file.to_owned(),
        format: document.format,
        sha256: String::new(),
        sheet: None,
        created: None,
        modified: None,
    };
    tongbao_parse::parse(document, source).expect("parses")
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|item| item.as_str().expect("string").to_owned())
        .collect()
}

/// Compares every task and area with the truth.
fn assert_tasks_match(bulletin: &Bulletin, truth: &Value) {
    let areas = truth["areas"].as_array().unwrap();
    assert_eq!(bulletin.areas.len(), areas.len());
    for (area, expected) in bulletin.areas.iter().zip(areas) {
        assert_eq!(u64::from(area.seq), expected["seq"].as_u64().unwrap());
        assert_eq!(area.numeral.as_deref(), expected["numeral"].as_str());
        assert_eq!(area.title, expected["title"].as_str().unwrap());
    }

    let tasks = truth["tasks"].as_array().unwrap();
    assert_eq!(bulletin.tasks.len(), tasks.len());
    assert_eq!(bulletin.tasks.len(), 59);
    for (task, expected) in bulletin.tasks.iter().zip(tasks) {
        let no = task.no;
        assert_eq!(u64::from(no), expected["no"].as_u64().unwrap());
        assert_eq!(
            task.area_seq.map(u64::from),
            expected["area_seq"].as_u64(),
            "task {no} area_seq"
        );
        assert_eq!(
            task.area.as_deref(),
            expected["area"].as_str(),
            "task {no} area"
        );
        assert_eq!(
            task.text,
            expected["text"].as_str().unwrap(),
            "task {no} text"
        );
        assert_eq!(task.units, strings(&expected["units"]), "task {no} units");
        let progress: Vec<String> = task
            .progress
            .iter()
            .map(|item| match &item.label {
                Some(label) => format!("{label}.{}", item.text),
                None => item.text.clone(),
            })
            .collect();
        assert_eq!(
            progress,
            strings(&expected["progress"]),
            "task {no} progress"
        );
        assert_eq!(
            task.status.raw,
            expected["status_raw"].as_str().unwrap(),
            "task {no} status raw"
        );
        assert_eq!(
            task.status.code.as_str(),
            expected["status"].as_str().unwrap(),
            "task {no} status"
        );
    }
}

#[test]
fn docx_bulletin_matches_the_truth() {
    let document =
        tongbao_docx::read_docx(&fixture("bulletin-2019-08.docx"), &ReadLimits::default())
            .expect("reads docx");
    let bulletin = parse(&document, "bulletin-2019-08.docx");
    let truth = truth();
    assert_tasks_match(&bulletin, &truth);

    assert_eq!(bulletin.title.as_deref(), truth["title"].as_str());
    assert_eq!(bulletin.as_of.text.as_deref(), truth["as_of_text"].as_str());
    assert_eq!(bulletin.editor.as_deref(), truth["editor"].as_str());
    assert_eq!(bulletin.issuer.as_deref(), truth["issuer"].as_str());
    assert_eq!(
        bulletin.stated_counts.closed.map(u64::from),
        truth["stated_closed_count"].as_u64()
    );
    assert_eq!(bulletin.stated_counts.warning, None);
    assert_eq!(
        bulletin.attachment_title.as_deref(),
        Some("“三助三红”重点攻坚任务“销号”管理清单")
    );
    assert_eq!(bulletin.report_to.as_deref(), Some("市四套班子领导"));
    assert_eq!(
        bulletin.distribute_to.as_deref(),
        Some("各县（市、区）委、政府，省级产业集聚区管委会，市直有关单位")
    );
    assert_eq!(bulletin.preamble.len(), 3);
    assert!(bulletin.preamble[0].starts_with("为确保“三助三红”专项活动"));
    assert!(bulletin.preamble[2].starts_with("各责任单位要对标节点"));

    // The letter closes 7 tasks; the table marks 8 阶段性“销号”.
    let stage_closed = bulletin
        .tasks
        .iter()
        .filter(|task| task.status.code == StatusCode::StageClosed)
        .count();
    assert_eq!(stage_closed, 8);
    let codes: Vec<&str> = bulletin
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["stated-count-mismatch"]);
    let message = &bulletin.diagnostics[0].message;
    assert!(message.contains('7') && message.contains('8'), "{message}");
}

#[test]
fn workbooks_give_the_same_tasks_as_the_docx() {
    let truth = truth();
    for (name, kind, format) in [
        (
            "bulletin-2019-08.xlsx",
            WorkbookKind::Xlsx,
            SourceFormat::Xlsx,
        ),
        ("bulletin-2019-08.xls", WorkbookKind::Xls, SourceFormat::Xls),
    ] {
        let document = tongbao_xlsx::read_workbook(&fixture(name), kind, &ReadLimits::default())
            .expect("reads workbook");
        assert_eq!(document.format, format);
        let bulletin = parse(&document, name);
        assert_tasks_match(&bulletin, &truth);
        // A sheet has only the list title above the header.
        assert_eq!(
            bulletin.title.as_deref(),
            Some("“三助三红”重点攻坚任务“销号”管理清单"),
            "{name}"
        );
        assert_eq!(bulletin.source.sheet.as_deref(), Some("Sheet1"), "{name}");
        assert_eq!(bulletin.editor, None);
        assert_eq!(bulletin.stated_counts.closed, None);
    }
}

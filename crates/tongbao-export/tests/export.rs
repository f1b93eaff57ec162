use tongbao_export::{Exporter, Format, TaskRow, figure_rows, task_rows, to_json};
use tongbao_model::{Bulletin, ExtraColumn, UnitsByRole};

fn minimal() -> Bulletin {
    serde_json::from_str(include_str!("minimal.json")).unwrap()
}

fn export(format: Format, bulletins: &[Bulletin]) -> String {
    let mut exporter = Exporter::new(format, Vec::new());
    for bulletin in bulletins {
        exporter.write(bulletin).unwrap();
    }
    String::from_utf8(exporter.finish().unwrap()).unwrap()
}

#[test]
fn csv_columns_follow_the_row_fields() {
    let row = serde_json::to_value(TaskRow::default()).unwrap();
    let keys: Vec<&str> = row
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, TaskRow::COLUMNS);
}

#[test]
fn json_round_trips_and_keeps_integers_whole() {
    let bulletin = minimal();
    let text = to_json(&bulletin).unwrap();
    assert!(text.contains(r#""value": 408000000,"#), "{text}");
    assert!(text.contains(r#""value": 0.9323,"#), "{text}");
    assert!(text.ends_with("}\n"));
    let back: Bulletin = serde_json::from_str(&text).unwrap();
    assert_eq!(back, bulletin);
}

#[test]
fn csv_has_bom_one_header_and_joined_lists() {
    let bulletin = minimal();
    let text = export(Format::Csv, &[bulletin.clone(), bulletin]);
    assert!(text.starts_with("\u{feff}source_file,title,"));
    assert_eq!(text.matches("source_file").count(), 1, "header once");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 2);
    let units = TaskRow::COLUMNS.iter().position(|c| *c == "units").unwrap();
    let progress = TaskRow::COLUMNS
        .iter()
        .position(|c| *c == "progress")
        .unwrap();
    let deadline = TaskRow::COLUMNS
        .iter()
        .position(|c| *c == "latest_deadline")
        .unwrap();
    assert_eq!(&records[0][units], "市甲局、市乙局");
    assert_eq!(&records[0][progress], "1. 截至8月底，完成率93.23%。");
    assert_eq!(&records[0][deadline], "2019-09-30");
}

#[test]
fn extra_columns_are_an_object_in_ndjson_and_lines_in_csv() {
    let mut bulletin = minimal();
    bulletin.tasks[0].extra_columns = vec![
        ExtraColumn {
            label: "存在问题".to_owned(),
            text: "资金未到位。".to_owned(),
        },
        ExtraColumn {
            label: "完成进度".to_owned(),
            text: "60%".to_owned(),
        },
    ];
    let line = export(Format::Ndjson, std::slice::from_ref(&bulletin));
    let row: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(
        row["extra_columns"],
        serde_json::json!({"存在问题": "资金未到位。", "完成进度": "60%"})
    );
    let text = export(Format::Csv, &[bulletin]);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    let extra = TaskRow::COLUMNS
        .iter()
        .position(|c| *c == "extra_columns")
        .unwrap();
    assert_eq!(&record[extra], "存在问题：资金未到位。\n完成进度：60%");
}

#[test]
fn unit_roles_are_columns_of_their_own() {
    let mut bulletin = minimal();
    bulletin.tasks[0].units_by_role = Some(UnitsByRole {
        lead: vec!["市甲局".to_owned()],
        support: vec!["市乙局".to_owned(), "市丙局".to_owned()],
    });
    let line = export(Format::Ndjson, std::slice::from_ref(&bulletin));
    let row: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(row["lead_units"], serde_json::json!(["市甲局"]));
    assert_eq!(
        row["support_units"],
        serde_json::json!(["市乙局", "市丙局"])
    );
    let text = export(Format::Csv, &[bulletin]);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    let column = |name: &str| TaskRow::COLUMNS.iter().position(|c| *c == name).unwrap();
    assert_eq!(&record[column("lead_units")], "市甲局");
    assert_eq!(&record[column("support_units")], "市乙局、市丙局");
    // Without roles both stay empty.
    let line = export(Format::Ndjson, &[minimal()]);
    let row: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(row["lead_units"], serde_json::json!([]));
}

#[test]
fn empty_csv_still_has_its_header() {
    let text = export(Format::Csv, &[]);
    assert_eq!(text, format!("\u{feff}{}\n", TaskRow::COLUMNS.join(",")));
}

#[test]
fn ndjson_is_one_task_per_line_with_context() {
    let text = export(Format::Ndjson, &[minimal()]);
    assert_eq!(text.lines().count(), 1);
    let row: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
    assert_eq!(row["as_of_date"], "2019-08-31");
    assert_eq!(row["area"], "推进示例");
    assert_eq!(row["units"], serde_json::json!(["市甲局", "市乙局"]));
    assert_eq!(row["status"], "stage_closed");
    assert_eq!(task_rows(&minimal())[0].task_no, 1);
}

#[test]
fn figure_rows_cover_task_text_then_progress() {
    let rows = figure_rows(&minimal());
    let summary: Vec<(String, Option<usize>, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r.field.clone(),
                r.progress_item,
                r.kind.clone(),
                r.text.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("task".into(), None, "deadline".into(), "9月底前".into()),
            ("task".into(), None, "money".into(), "4.08亿元".into()),
            (
                "progress".into(),
                Some(1),
                "date".into(),
                "截至8月底".into()
            ),
            (
                "progress".into(),
                Some(1),
                "percent".into(),
                "93.23%".into()
            ),
        ]
    );
    assert_eq!(rows[1].value, Some(serde_json::json!(408000000)));
    assert_eq!(rows[3].label.as_deref(), Some("完成率"));
    let text = export(Format::Figures, &[minimal()]);
    assert_eq!(text.lines().count(), 4);
}

#[test]
fn same_input_same_bytes() {
    for format in [Format::Json, Format::Ndjson, Format::Csv, Format::Figures] {
        assert_eq!(export(format, &[minimal()]), export(format, &[minimal()]));
    }
}

use tongbao_compare::{field_changes, month_over_month};
use tongbao_model::{Bulletin, StatusCode};

fn minimal() -> Bulletin {
    serde_json::from_str(include_str!("../../tongbao-export/tests/minimal.json")).unwrap()
}

#[test]
fn identical_bulletins_have_no_changes() {
    assert!(field_changes(&minimal(), &minimal()).is_empty());
}

#[test]
fn nested_progress_change_names_task_and_path() {
    let old = minimal();
    let mut new = old.clone();
    new.tasks[0].progress[0].text = "截至8月底，完成率95%。".into();
    new.title = Some("新标题".into());
    let lines: Vec<String> = field_changes(&old, &new)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            r#"title: "示例通报" → "新标题""#,
            r#"task 1: progress[0].text: "截至8月底，完成率93.23%。" → "截至8月底，完成率95%。""#,
        ]
    );
}

#[test]
fn added_and_removed_tasks_are_reported_once() {
    let old = minimal();
    let mut new = old.clone();
    new.tasks[0].no = 2;
    let lines: Vec<String> = field_changes(&old, &new)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            r#"task 1: "(task)" → (absent)"#,
            r#"task 2: (absent) → "(task)""#
        ]
    );
}

#[test]
fn month_over_month_reports_transitions_counts_and_membership() {
    let old = minimal();
    let mut new = old.clone();
    new.tasks[0].status.code = StatusCode::Closed;
    new.tasks[0].status.raw = "已销号".into();
    new.tasks[0].units.push("市丙局".into());
    let mut extra = new.tasks[0].clone();
    extra.no = 2;
    new.tasks.push(extra);

    let diff = month_over_month(&old, &new);
    assert_eq!(diff.status_changes.len(), 1);
    assert_eq!(
        (
            diff.status_changes[0].old.as_str(),
            diff.status_changes[0].new.as_str()
        ),
        ("stage_closed", "closed")
    );
    assert_eq!(diff.added.iter().map(|t| t.no).collect::<Vec<_>>(), [2]);
    assert!(diff.removed.is_empty());
    assert_eq!(diff.units_changed[0].new, "市甲局、市乙局、市丙局");
    assert!(diff.progress_changed.is_empty());
    let counts: Vec<(StatusCode, usize, usize)> = diff
        .status_counts
        .iter()
        .map(|c| (c.status, c.old, c.new))
        .collect();
    assert_eq!(
        counts,
        [(StatusCode::Closed, 0, 2), (StatusCode::StageClosed, 1, 0)]
    );

    let report = diff.to_string();
    assert!(
        report.contains("status changes (1)\n  task 1   stage_closed → closed"),
        "{report}"
    );
    let json = serde_json::to_value(&diff).unwrap();
    assert_eq!(json["status_changes"][0]["new"], "closed");
}

#[test]
fn month_over_month_pairs_repeated_numbers_by_occurrence() {
    let mut old = minimal();
    let mut part = old.tasks[0].clone();
    part.text = "（2）第二部分".into();
    old.tasks.push(part);
    let mut new = old.clone();
    new.tasks[1].status.code = StatusCode::Closed;
    let diff = month_over_month(&old, &new);
    let changes: Vec<(u32, &str, &str, &str)> = diff
        .status_changes
        .iter()
        .map(|change| {
            (
                change.no,
                change.text.as_str(),
                change.old.as_str(),
                change.new.as_str(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [(
            old.tasks[1].no,
            "（2）第二部分",
            old.tasks[1].status.code.as_str(),
            "closed"
        )]
    );
    assert!(diff.added.is_empty() && diff.removed.is_empty());
}

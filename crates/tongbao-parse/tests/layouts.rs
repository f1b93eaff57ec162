//! One test per table layout real offices use, on hand-built documents.

mod support;

use support::{
    LEFT, UP, diagnostic_codes, document, para, parse_blocks, parse_table, progress_strings,
    source, table,
};
use tongbao_model::{
    Area, Block, Cell, Diagnostic, Paragraph, Row, StatusCode, StatusSource, UnitsByRole,
};
use tongbao_parse::{ParseError, parse};

const HEADER: &[&str] = &[
    "攻坚领域",
    "重点工作任务",
    "责任单位",
    "完成情况",
    "“销号”\n状态",
];

fn area(seq: u32, numeral: &str, title: &str) -> Area {
    Area {
        seq,
        numeral: Some(numeral.to_owned()),
        title: title.to_owned(),
    }
}

fn codes(bulletin: &tongbao_model::Bulletin) -> Vec<StatusCode> {
    bulletin.tasks.iter().map(|task| task.status.code).collect()
}

#[test]
fn merged_area_column_restarting_after_a_page_break_is_one_area() {
    let bulletin = parse_table(&[
        HEADER,
        &[
            "一、推进抗灾救灾",
            "1．8月25日前，确保复产。",
            "市经信局\n市农业农村局\n\n市水利局",
            "1.截止8月23日，已恢复生产。\n\n2.截止8月25日，已恢复37.86万亩。",
            "阶段性\n“销号”\n",
        ],
        &[
            UP,
            "2．8月底前完成修复。\n春节前完成重建。",
            "市住建局",
            "已开工。",
            "",
        ],
        &[
            "二、推进项目落地",
            "3．年内落地。",
            "龙湾区（浙南科技城）",
            "1.8月8日，启用。\n2.8月29日，明确。",
            "预警",
        ],
        // The real table breaks across pages: the label starts again.
        &[
            "二、推进项目落地",
            "4．9月底前签约。",
            "各县（市、区）、产业集聚区",
            "已签约。",
            "“销号”",
        ],
        &[UP, "5．9月底前获批。", "市财政局", "已报送。", ""],
    ]);
    assert_eq!(
        bulletin.areas,
        [area(1, "一", "推进抗灾救灾"), area(2, "二", "推进项目落地")]
    );
    let tasks = &bulletin.tasks;
    assert_eq!(
        tasks.iter().map(|t| t.no).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert_eq!(
        tasks.iter().map(|t| t.area_seq).collect::<Vec<_>>(),
        [Some(1), Some(1), Some(2), Some(2), Some(2)]
    );
    assert_eq!(tasks[3].area.as_deref(), Some("推进项目落地"));
    assert_eq!(tasks[0].text, "8月25日前，确保复产。");
    assert_eq!(tasks[1].text, "8月底前完成修复。\n春节前完成重建。");
    assert_eq!(tasks[0].units, ["市经信局", "市农业农村局", "市水利局"]);
    assert_eq!(tasks[2].units, ["龙湾区（浙南科技城）"]);
    assert_eq!(tasks[3].units, ["各县（市、区）、产业集聚区"]);
    assert_eq!(tasks[0].units_by_role, None);
    assert_eq!(
        progress_strings(&bulletin, 0),
        [
            "1|截止8月23日，已恢复生产。",
            "2|截止8月25日，已恢复37.86万亩。"
        ]
    );
    assert_eq!(
        progress_strings(&bulletin, 2),
        ["1|8月8日，启用。", "2|8月29日，明确。"]
    );
    assert_eq!(tasks[0].status.raw, "阶段性“销号”");
    assert_eq!(tasks[0].status.source, StatusSource::Column);
    assert_eq!(tasks[1].status.raw, "");
    assert_eq!(
        codes(&bulletin),
        [
            StatusCode::StageClosed,
            StatusCode::None,
            StatusCode::Warning,
            StatusCode::Closed,
            StatusCode::None
        ]
    );
    assert_eq!((tasks[4].location.table, tasks[4].location.row), (0, 5));
    assert!(tasks[0].dates.is_empty() && tasks[0].progress[0].as_of.is_none());
    assert_eq!(bulletin.diagnostics, Vec::<Diagnostic>::new());
}

#[test]
fn covering_letter_is_read_and_stated_count_checked() {
    let bulletin = parse_blocks(vec![
        para("“三助三红”重点攻坚任务“销号”情况通报"),
        para("（截至8月底）"),
        para("为确保重点攻坚任务落实到位，建立工作进展定期通报制度。"),
        para(""),
        para("对灾后重建和消防安全整治工作等2项工作予以销号。港区工程未能开工，予以预警。"),
        para("附件：重点攻坚任务“销号”管理清单"),
        para("报：市四套班子领导；"),
        para("发：各县（市、区）委、政府，市直有关单位"),
        para("编辑：叶玲俐                    签发：木力"),
        para("附件"),
        para("重点攻坚任务“销号”管理清单"),
        Block::Table(table(&[
            HEADER,
            &[
                "一、推进抗灾救灾",
                "1．确保复产。",
                "市经信局",
                "已复产。",
                "阶段性\n“销号”",
            ],
            &[UP, "2．完成修复。", "市住建局", "已修复。", "阶段性“销号”"],
            &[UP, "3．完成重建。", "市住建局", "已开工。", "“销号”"],
        ])),
    ]);
    assert_eq!(
        bulletin.title.as_deref(),
        Some("“三助三红”重点攻坚任务“销号”情况通报")
    );
    assert_eq!(bulletin.as_of.text.as_deref(), Some("截至8月底"));
    assert_eq!(bulletin.as_of.date, None);
    assert_eq!(bulletin.year, None);
    assert_eq!(bulletin.preamble.len(), 2);
    assert!(bulletin.preamble[1].starts_with("对灾后重建"));
    assert_eq!(
        bulletin.attachment_title.as_deref(),
        Some("重点攻坚任务“销号”管理清单")
    );
    assert_eq!(bulletin.report_to.as_deref(), Some("市四套班子领导"));
    assert_eq!(
        bulletin.distribute_to.as_deref(),
        Some("各县（市、区）委、政府，市直有关单位")
    );
    assert_eq!(bulletin.editor.as_deref(), Some("叶玲俐"));
    assert_eq!(bulletin.issuer.as_deref(), Some("木力"));
    assert_eq!(bulletin.stated_counts.closed, Some(2));
    assert_eq!(bulletin.stated_counts.warning, None);
    let mismatch: Vec<&Diagnostic> = bulletin
        .diagnostics
        .iter()
        .filter(|d| d.code == "stated-count-mismatch")
        .collect();
    assert_eq!(mismatch.len(), 1);
    assert!(mismatch[0].message.contains('2') && mismatch[0].message.contains('3'));
    assert_eq!(bulletin.tasks.len(), 3);
}

#[test]
fn full_width_section_rows_give_areas() {
    let bulletin = parse_table(&[
        &["重点工作任务", "责任单位", "完成情况", "销号状态"],
        &["一、推进抗灾救灾", LEFT, LEFT, LEFT],
        &["1．确保复产。", "市经信局", "已复产。", ""],
        &["2．完成修复。", "市住建局", "已修复。", ""],
        &["二、推进项目落地", LEFT, LEFT, LEFT],
        &["3．年内落地。", "市府办", "已落地。", "已销号"],
    ]);
    assert_eq!(
        bulletin.areas,
        [area(1, "一", "推进抗灾救灾"), area(2, "二", "推进项目落地")]
    );
    assert_eq!(
        bulletin
            .tasks
            .iter()
            .map(|t| (t.no, t.area_seq))
            .collect::<Vec<_>>(),
        [(1, Some(1)), (2, Some(1)), (3, Some(2))]
    );
    assert_eq!(bulletin.tasks[2].location.row, 5);
}

#[test]
fn section_rows_with_their_ordinal_in_the_number_column() {
    let bulletin = parse_table(&[
        &["序号", "工作任务", "责任单位", "进展情况", "状态"],
        // Merged across the rest of the row, as most offices draw it…
        &["一", "扩大有效投资", LEFT, LEFT, LEFT],
        &[
            "1",
            "年底前开工项目30个。",
            "市发改委",
            "已开工18个。",
            "序时推进",
        ],
        &[
            "2",
            "6月底前完成用地报批。",
            "市自然资源局",
            "已完成。",
            "已完成",
        ],
        // …or only the task column filled, with a bracketed ordinal.
        &["（二）", "优化营商环境", "", "", ""],
        &["3", "9月底前上线平台。", "市大数据局", "测试中。", "滞后"],
    ]);
    assert_eq!(
        bulletin.areas,
        [area(1, "一", "扩大有效投资"), area(2, "二", "优化营商环境")]
    );
    assert_eq!(
        bulletin
            .tasks
            .iter()
            .map(|t| (t.no, t.area_seq, t.text.as_str()))
            .collect::<Vec<_>>(),
        [
            (1, Some(1), "年底前开工项目30个。"),
            (2, Some(1), "6月底前完成用地报批。"),
            (3, Some(2), "9月底前上线平台。")
        ]
    );
    assert!(
        bulletin.diagnostics.is_empty(),
        "{:?}",
        diagnostic_codes(&bulletin)
    );
}

#[test]
fn a_remarks_column_holding_a_status_word_gives_the_status() {
    let bulletin = parse_table(&[
        &["序号", "工作任务", "责任单位", "推进情况", "备注"],
        &[
            "1",
            "一季度完成春耕备耕。",
            "县农业农村局（牵头）、各乡镇",
            "已完成。",
            "已完成",
        ],
        &[
            "2",
            "上半年开工农村公路。",
            "县交通运输局",
            "已开工8.6公里。",
            "序时推进",
        ],
        &[
            "3",
            "年内建成冷链中心。",
            "县商务局",
            "完成选址。",
            "资金已到位",
        ],
    ]);
    let statuses: Vec<(StatusCode, StatusSource)> = bulletin
        .tasks
        .iter()
        .map(|t| (t.status.code, t.status.source))
        .collect();
    assert_eq!(
        statuses,
        [
            (StatusCode::Closed, StatusSource::Remarks),
            (StatusCode::OnTrack, StatusSource::Remarks),
            (StatusCode::None, StatusSource::Absent),
        ]
    );
    assert_eq!(bulletin.tasks[2].remarks.as_deref(), Some("资金已到位"));
    assert_eq!(
        bulletin.tasks[0].units_by_role,
        Some(UnitsByRole {
            lead: vec!["县农业农村局".to_owned()],
            support: vec!["各乡镇".to_owned()],
        })
    );
}

#[test]
fn area_paragraphs_between_split_tables_with_repeated_headers() {
    let header: &[&str] = &["重点工作任务", "责任单位", "完成情况", "销号状态"];
    let bulletin = parse_blocks(vec![
        para("重点工作任务清单"),
        para("一、推进抗灾救灾"),
        Block::Table(table(&[
            header,
            &["1．确保复产。", "市经信局", "已复产。", ""],
        ])),
        para("二、推进项目落地"),
        Block::Table(table(&[
            header,
            &["2．年内落地。", "市府办", "已落地。", ""],
            &["3．签约。", "市商务局", "已签约。", ""],
        ])),
    ]);
    assert_eq!(
        bulletin.areas,
        [area(1, "一", "推进抗灾救灾"), area(2, "二", "推进项目落地")]
    );
    assert_eq!(
        bulletin
            .tasks
            .iter()
            .map(|t| (t.no, t.area_seq, t.location.table, t.location.row))
            .collect::<Vec<_>>(),
        [(1, Some(1), 0, 1), (2, Some(2), 1, 1), (3, Some(2), 1, 2)]
    );
    assert_eq!(bulletin.title.as_deref(), Some("重点工作任务清单"));
    assert!(bulletin.preamble.is_empty());
    assert_eq!(bulletin.diagnostics, Vec::<Diagnostic>::new());
}

#[test]
fn split_table_without_repeated_header_continues_numbering_and_area() {
    let bulletin = parse_blocks(vec![
        Block::Table(table(&[
            HEADER,
            &[
                "一、推进抗灾救灾",
                "1．确保复产。",
                "市经信局",
                "已复产。",
                "",
            ],
            &[UP, "2．完成修复。", "市住建局", "已修复。", ""],
        ])),
        Block::Table(table(&[
            &["", "3．完成重建。", "市住建局", "已开工。", ""],
            &[
                "二、推进项目落地",
                "4．年内落地。",
                "市府办",
                "已落地。",
                "",
            ],
        ])),
    ]);
    assert_eq!(
        bulletin
            .tasks
            .iter()
            .map(|t| (t.no, t.area_seq, t.location.table))
            .collect::<Vec<_>>(),
        [
            (1, Some(1), 0),
            (2, Some(1), 0),
            (3, Some(1), 1),
            (4, Some(2), 1)
        ]
    );
}

#[test]
fn number_column_holds_the_task_number() {
    let bulletin = parse_table(&[
        &["序号", "工作任务", "牵头单位", "进展情况"],
        &["1", "完成签约。", "市发改委", "已签约。"],
        &["2.", "3．年内开工。", "市住建局", "已开工。"],
        &["３", "3．年内开工。", "市住建局", "已开工。"],
    ]);
    assert_eq!(
        bulletin
            .tasks
            .iter()
            .map(|t| (t.no, t.text.as_str()))
            .collect::<Vec<_>>(),
        [(1, "完成签约。"), (2, "3．年内开工。"), (3, "年内开工。")]
    );
    assert_eq!(bulletin.tasks[0].status.source, StatusSource::Absent);
}

#[test]
fn units_note_closing_the_task_text_gives_the_units_without_a_units_column() {
    let bulletin = parse_table(&[
        &["序号", "重点工作任务", "推进情况", "销号情况"],
        &[
            "1",
            "完成A项目签约（牵头单位：县发改局；配合单位：县财政局、县住建局）。",
            "已签约。",
            "已销号",
        ],
        &["2", "年内建成B项目（含2个县）", "已开工。", "序时推进"],
        &[
            "3",
            "完成C项目验收（责任单位：县水利局）",
            "已验收。",
            "已销号",
        ],
    ]);
    let tasks: Vec<_> = bulletin
        .tasks
        .iter()
        .map(|t| (t.text.as_str(), t.units.clone()))
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "完成A项目签约。",
                vec![
                    "县发改局".to_owned(),
                    "县财政局".to_owned(),
                    "县住建局".to_owned()
                ]
            ),
            // Not a units note: stays text.
            ("年内建成B项目（含2个县）", vec![]),
            ("完成C项目验收", vec!["县水利局".to_owned()]),
        ]
    );
    let roles = bulletin.tasks[0].units_by_role.as_ref().unwrap();
    assert_eq!((roles.lead.len(), roles.support.len()), (1, 2));
}

#[test]
fn total_and_note_rows_are_no_tasks_and_no_areas() {
    let bulletin = parse_table(&[
        &["序号", "重点工作任务", "责任单位", "进展情况", "状态"],
        &["1", "完成A项目。", "县发改局", "已完成。", "已完成"],
        &["注：状态分为已完成、序时推进两类。", LEFT, LEFT, LEFT, LEFT],
        &["2", "完成B项目。", "县财政局", "推进中。", "序时推进"],
        &["合计", "2项", "", "已完成1项", "已销号1项"],
    ]);
    assert_eq!(
        bulletin
            .tasks
            .iter()
            .map(|t| (t.no, t.text.as_str(), t.area.as_deref()))
            .collect::<Vec<_>>(),
        [(1, "完成A项目。", None), (2, "完成B项目。", None)]
    );
    assert!(bulletin.areas.is_empty());
    assert_eq!(
        diagnostic_codes(&bulletin),
        [
            ("table-note".to_owned(), None),
            ("total-row".to_owned(), None)
        ]
    );
}

#[test]
fn mark_columns_labelled_like_progress_are_marks() {
    // 进度正常 alone would read as a progress column (进度), and its √ as a
    // status word; 未完成 is a status too (not done).
    let bulletin = parse_table(&[
        &[
            "序号",
            "工作任务",
            "责任单位",
            "进展情况",
            "推进状态",
            LEFT,
            LEFT,
        ],
        &[UP, UP, UP, UP, "进度正常", "进度滞后", "未完成"],
        &["1", "完成签约。", "市发改委", "9月5日已签约。", "√", "", ""],
        &[
            "2",
            "年内开工。",
            "市住建局",
            "正在办理施工许可。",
            "",
            "√",
            "",
        ],
        &["3", "年内竣工。", "市住建局", "主体施工中。", "", "", "√"],
    ]);
    let tasks: Vec<_> = bulletin
        .tasks
        .iter()
        .map(|t| {
            (
                t.progress[0].text.as_str(),
                t.status.raw.as_str(),
                t.status.code,
                t.extra_columns.len(),
            )
        })
        .collect();
    assert_eq!(
        tasks,
        [
            ("9月5日已签约。", "进度正常", StatusCode::OnTrack, 0),
            ("正在办理施工许可。", "进度滞后", StatusCode::Behind, 0),
            ("主体施工中。", "未完成", StatusCode::None, 0),
        ]
    );
}

#[test]
fn compound_numbers_are_no_task_numbers() {
    // 1.1 / 2.1 number parts of groups: read together they were 11 and 21.
    let bulletin = parse_table(&[
        &["序号", "工作任务", "牵头单位", "进展情况"],
        &["1.1", "完成签约。", "市发改委", "已签约。"],
        &["1.2", "年内开工。", "市住建局", "已开工。"],
        &["2-1", "完成验收。", "市住建局", "已验收。"],
    ]);
    assert_eq!(
        bulletin.tasks.iter().map(|t| t.no).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(
        diagnostic_codes(&bulletin),
        [
            ("task-number-inferred".to_owned(), Some(1)),
            ("task-number-inferred".to_owned(), Some(2)),
            ("task-number-inferred".to_owned(), Some(3)),
        ]
    );
    assert!(
        bulletin.diagnostics[0]
            .message
            .contains(r#"task number "1.1" is not a whole number"#)
    );
}

#[test]
fn two_row_header_splits_units_by_role() {
    let bulletin = parse_table(&[
        &["序号", "主要工作任务", "责任单位", LEFT, "推进情况"],
        &[UP, UP, "牵头单位", "配合单位", UP],
        &[
            "1",
            "完成签约。",
            "市发改委",
            "市经信局、各县（市、区）\n市财政局",
            "已签约。",
        ],
        &["2", "年内开工。", "市住建局", "", "已开工。"],
    ]);
    let task = &bulletin.tasks[0];
    assert_eq!(
        task.units,
        ["市发改委", "市经信局", "各县（市、区）", "市财政局"]
    );
    assert_eq!(
        task.units_by_role,
        Some(UnitsByRole {
            lead: vec!["市发改委".to_owned()],
            support: vec![
                "市经信局".to_owned(),
                "各县（市、区）".to_owned(),
                "市财政局".to_owned()
            ],
        })
    );
    assert_eq!(
        bulletin.tasks[1].units_by_role,
        Some(UnitsByRole {
            lead: vec!["市住建局".to_owned()],
            support: Vec::new(),
        })
    );
    assert_eq!(progress_strings(&bulletin, 0), ["|已签约。"]);
    assert_eq!(bulletin.tasks.len(), 2);
}

#[test]
fn extra_columns_are_kept() {
    let bulletin = parse_table(&[
        &[
            "序号",
            "项目内容",
            "责任领导",
            "责任单位",
            "完成时限",
            "落实进展情况",
            "状态",
            "备注",
        ],
        &[
            "1",
            "完成签约。",
            "张三、李四",
            "市发改委",
            "9月底前",
            "已签约。",
            "序时推进",
            "省重点",
        ],
        &["2", "年内开工。", "", "市住建局", "", "已开工。", "", ""],
    ]);
    let task = &bulletin.tasks[0];
    assert_eq!(
        task.leaders,
        Some(vec!["张三".to_owned(), "李四".to_owned()])
    );
    assert_eq!(task.deadline_text.as_deref(), Some("9月底前"));
    assert_eq!(task.remarks.as_deref(), Some("省重点"));
    assert_eq!(task.status.code, StatusCode::OnTrack);
    let empty = &bulletin.tasks[1];
    assert_eq!(
        (&empty.leaders, &empty.deadline_text, &empty.remarks),
        (&None, &None, &None)
    );
}

#[test]
fn status_words_map_to_codes_and_unknown_words_are_reported() {
    let words = [
        ("已销号", StatusCode::Closed),
        ("办结", StatusCode::Closed),
        ("阶段性完成", StatusCode::StageClosed),
        ("亮红灯", StatusCode::Warning),
        ("达到序时进度", StatusCode::OnTrack),
        ("进度滞后", StatusCode::Behind),
        ("欠进度", StatusCode::Behind),
        ("未开工", StatusCode::NotStarted),
        ("超期未完成", StatusCode::Overdue),
        ("待评估", StatusCode::Other),
    ];
    let tasks: Vec<[String; 4]> = words
        .iter()
        .enumerate()
        .map(|(i, (word, _))| {
            [
                format!("{}．任务。", i + 1),
                "市发改委".to_owned(),
                "进展。".to_owned(),
                (*word).to_owned(),
            ]
        })
        .collect();
    let mut grid: Vec<Vec<&str>> = vec![vec!["工作任务", "责任单位", "完成情况", "销号状态"]];
    grid.extend(
        tasks
            .iter()
            .map(|row| row.iter().map(String::as_str).collect()),
    );
    let grid: Vec<&[&str]> = grid.iter().map(Vec::as_slice).collect();
    let bulletin = parse_table(&grid);
    assert_eq!(codes(&bulletin), words.map(|(_, code)| code));
    assert_eq!(bulletin.tasks[9].status.raw, "待评估");
    assert_eq!(
        diagnostic_codes(&bulletin),
        [("unknown-status".to_owned(), Some(10))]
    );
}

#[test]
fn status_inside_progress_text_when_there_is_no_status_column() {
    let bulletin = parse_table(&[
        &["工作任务", "责任单位", "进展情况"],
        &[
            "1．完成投资10亿元。",
            "市发改委",
            "1.完成投资8亿元，完成率80%(严重滞后)。",
        ],
        &["2．年内开工。", "市住建局", "已开工（含乐清、永嘉）。"],
    ]);
    assert_eq!(bulletin.tasks[0].status.code, StatusCode::Behind);
    assert_eq!(bulletin.tasks[0].status.raw, "严重滞后");
    assert_eq!(bulletin.tasks[0].status.source, StatusSource::Progress);
    assert_eq!(bulletin.tasks[1].status.code, StatusCode::None);
    assert_eq!(bulletin.tasks[1].status.source, StatusSource::Absent);
}

#[test]
fn sheet_title_rows_above_the_header_are_captions() {
    let mut sheet = table(&[
        &["“三助三红”重点攻坚任务“销号”管理清单", LEFT, LEFT],
        &["（截至9月底）", LEFT, LEFT],
        &["", "", ""],
        &["重点工作任务", "责任单位", "完成情况"],
        &["1．完成签约。", "市发改委", "已签约。"],
    ]);
    sheet.name = Some("9月".to_owned());
    let bulletin = parse(&document(vec![Block::Table(sheet)]), source()).unwrap();
    assert_eq!(
        bulletin.title.as_deref(),
        Some("“三助三红”重点攻坚任务“销号”管理清单")
    );
    assert_eq!(bulletin.attachment_title, None);
    assert_eq!(bulletin.as_of.text.as_deref(), Some("截至9月底"));
    assert_eq!(bulletin.source.sheet.as_deref(), Some("9月"));
    assert_eq!(bulletin.tasks[0].location.row, 4);
    assert!(bulletin.areas.is_empty() && bulletin.tasks[0].area_seq.is_none());
}

#[test]
fn numbering_problems_are_diagnosed() {
    let bulletin = parse_table(&[
        &["工作任务", "责任单位", "完成情况"],
        &["1．甲。", "市发改委", "进展。"],
        &["2．乙。", "市发改委", "进展。"],
        &["4．丙。", "市发改委", "进展。"],
        &["4．丁。", "市发改委", "进展。"],
        &["戊。", "市发改委", "进展。"],
    ]);
    assert_eq!(
        bulletin.tasks.iter().map(|t| t.no).collect::<Vec<_>>(),
        [1, 2, 4, 4, 5]
    );
    assert_eq!(
        diagnostic_codes(&bulletin),
        [
            ("task-number-gap".to_owned(), Some(4)),
            ("task-number-duplicate".to_owned(), Some(4)),
            ("task-number-inferred".to_owned(), Some(5)),
        ]
    );
}

#[test]
fn numbering_restarting_in_each_area_is_not_a_problem() {
    let bulletin = parse_table(&[
        &["工作任务", "责任单位", "完成情况"],
        &["一、甲领域", LEFT, LEFT],
        &["1．甲。", "市发改委", "进展。"],
        &["2．乙。", "市发改委", "进展。"],
        &["二、乙领域", LEFT, LEFT],
        &["1．丙。", "市发改委", "进展。"],
    ]);
    assert_eq!(
        bulletin
            .tasks
            .iter()
            .map(|t| (t.no, t.area_seq))
            .collect::<Vec<_>>(),
        [(1, Some(1)), (2, Some(1)), (1, Some(2))]
    );
    assert!(
        bulletin.diagnostics.is_empty(),
        "{:?}",
        bulletin.diagnostics
    );
}

#[test]
fn word_auto_numbering_gives_task_and_progress_labels() {
    let labelled = |label: &str, text: &str| Paragraph {
        text: text.to_owned(),
        list_label: Some(label.to_owned()),
    };
    let mut grid = table(&[
        &["重点工作任务", "责任单位", "完成情况"],
        &["", "市发改委", ""],
    ]);
    grid.rows[1].cells[0].paragraphs = vec![labelled("7．", "完成签约。")];
    grid.rows[1].cells[2].paragraphs = vec![
        labelled("（1）", "8月8日启用。"),
        labelled("（2）", "1.5亿元已到位。"),
    ];
    let bulletin = parse(&document(vec![Block::Table(grid)]), source()).unwrap();
    assert_eq!(
        (bulletin.tasks[0].no, bulletin.tasks[0].text.as_str()),
        (7, "完成签约。")
    );
    assert_eq!(
        progress_strings(&bulletin, 0),
        ["1|8月8日启用。", "2|1.5亿元已到位。"]
    );
}

#[test]
fn rows_that_cannot_be_placed_are_reported() {
    let bulletin = parse_table(&[
        &["工作任务", "责任单位", "完成情况"],
        &["1．甲。", "市发改委", "进展。"],
        &["", "市经信局", "补充说明。"],
    ]);
    assert_eq!(bulletin.tasks.len(), 1);
    assert_eq!(
        diagnostic_codes(&bulletin),
        [("row-not-placed".to_owned(), None)]
    );
    assert!(bulletin.diagnostics[0].message.contains("row 2"));
}

#[test]
fn task_cell_merged_over_two_rows_collects_both_rows() {
    let bulletin = parse_table(&[
        &["工作任务", "责任单位", "完成情况", "状态"],
        &["1．甲。", "市发改委", "1.已签约。", ""],
        &[UP, "市经信局", "2.已开工。", "序时推进"],
        &["2．乙。", "市住建局", "已完成。", "已完成"],
    ]);
    assert_eq!(bulletin.tasks.len(), 2);
    assert_eq!(bulletin.tasks[0].units, ["市发改委", "市经信局"]);
    assert_eq!(progress_strings(&bulletin, 0), ["1|已签约。", "2|已开工。"]);
    assert_eq!(bulletin.tasks[0].status.code, StatusCode::OnTrack);
}

#[test]
fn header_repeated_inside_a_table_is_skipped() {
    let header: &[&str] = &["工作任务", "责任单位", "完成情况"];
    let bulletin = parse_table(&[
        header,
        &["1．甲。", "市发改委", "进展。"],
        header,
        &["2．乙。", "市发改委", "进展。"],
    ]);
    assert_eq!(
        bulletin.tasks.iter().map(|t| t.no).collect::<Vec<_>>(),
        [1, 2]
    );
    assert!(bulletin.diagnostics.is_empty());
}

#[test]
fn reader_diagnostics_are_kept() {
    let mut doc = document(vec![Block::Table(table(&[
        &["工作任务", "责任单位"],
        &["1．甲。", "市发改委"],
    ]))]);
    doc.diagnostics.push(Diagnostic::warning(
        "embedded-content-skipped",
        "altChunk skipped",
    ));
    let bulletin = parse(&doc, source()).unwrap();
    assert_eq!(
        diagnostic_codes(&bulletin),
        [("embedded-content-skipped".to_owned(), None)]
    );
}

#[test]
fn documents_without_a_task_table_are_errors() {
    let no_tables = parse(&document(vec![para("通报")]), source()).unwrap_err();
    assert_eq!(
        no_tables.to_string(),
        "no task table found (the document has no tables)"
    );

    let other_table = parse(
        &document(vec![
            Block::Table(table(&[&["姓名", "电话"], &["张三", "123"]])),
            Block::Table(tongbao_model::Table::default()),
        ]),
        source(),
    )
    .unwrap_err();
    assert_eq!(
        other_table.to_string(),
        "no task table found (table 0: [姓名 | 电话] [张三 | 123]; table 1: empty)"
    );
    assert!(matches!(other_table, ParseError::NoTaskTable { .. }));

    let unmapped = parse(
        &document(vec![Block::Table(table(&[
            &["序号", "具体举措", "责任单位", "完成情况"],
            &["1", "推进。", "市发改委", "已完成。"],
        ]))]),
        source(),
    )
    .unwrap_err();
    assert_eq!(
        unmapped,
        ParseError::UnmappedHeader {
            table: 0,
            row: 0,
            headers: ["序号", "具体举措", "责任单位", "完成情况"]
                .map(String::from)
                .to_vec(),
        }
    );
    assert!(
        unmapped
            .to_string()
            .contains("序号 | 具体举措 | 责任单位 | 完成情况")
    );
}

#[test]
fn header_without_rows_gives_an_empty_bulletin_with_a_warning() {
    let bulletin = parse_table(&[&["工作任务", "责任单位", "完成情况"]]);
    assert!(bulletin.tasks.is_empty());
    assert_eq!(diagnostic_codes(&bulletin), [("no-tasks".to_owned(), None)]);
}

#[test]
fn hostile_merge_pointers_do_not_panic() {
    let mut grid = table(&[
        &["工作任务", "责任单位", "完成情况"],
        &["1．甲。", "市发改委", "进展。"],
    ]);
    grid.rows[1].cells.push(Cell {
        grid_col: 1,
        col_span: usize::MAX / 2,
        row_span: 1,
        merged_from: Some(tongbao_model::CellPos {
            row: 99,
            grid_col: 7,
        }),
        paragraphs: Vec::new(),
    });
    grid.rows.push(Row {
        cells: vec![Cell {
            grid_col: 0,
            col_span: 1,
            row_span: 1,
            merged_from: Some(tongbao_model::CellPos {
                row: 2,
                grid_col: 0,
            }),
            paragraphs: Vec::new(),
        }],
        repeats_as_header: false,
    });
    let bulletin = parse(&document(vec![Block::Table(grid)]), source()).unwrap();
    assert_eq!(bulletin.tasks.len(), 1);
}

#[test]
fn wide_rows_and_merges_into_them_stay_linear() {
    const WIDTH: usize = 100_000;
    const ROWS: usize = 20_000;
    let mut header: Vec<Cell> = (0..WIDTH)
        .map(|col| Cell::new(col, vec![Paragraph::new("x")]))
        .collect();
    header[0].paragraphs = vec![Paragraph::new("工作任务")];
    header[1].paragraphs = vec![Paragraph::new("责任单位")];
    let mut rows = vec![Row {
        cells: header,
        repeats_as_header: false,
    }];
    for row in 1..ROWS {
        rows.push(Row {
            cells: vec![
                Cell::new(0, vec![Paragraph::new(format!("第{row}项任务。"))]),
                Cell {
                    grid_col: 1,
                    col_span: 1,
                    row_span: 1,
                    merged_from: Some(tongbao_model::CellPos {
                        row: 0,
                        grid_col: WIDTH - 1,
                    }),
                    paragraphs: Vec::new(),
                },
            ],
            repeats_as_header: false,
        });
    }
    let grid = tongbao_model::Table { name: None, rows };
    let bulletin = parse(&document(vec![Block::Table(grid)]), source()).unwrap();
    assert_eq!(bulletin.tasks.len(), ROWS - 1);
    assert_eq!(bulletin.tasks[5].no, 6);
    assert_eq!(bulletin.tasks[5].units, ["x"]);
}

#[test]
fn a_wide_header_of_mark_columns_stays_linear() {
    // 推进状态 spanning 100,000 status-word columns over 20,000 rows of two
    // cells: each row's mark is found from its own cells.
    const WIDTH: usize = 100_000;
    const ROWS: usize = 20_000;
    let mut status = Cell::new(1, vec![Paragraph::new("推进状态")]);
    status.col_span = WIDTH;
    let marks: Vec<Cell> = (1..=WIDTH)
        .map(|col| Cell::new(col, vec![Paragraph::new("预警")]))
        .collect();
    let mut rows = vec![
        Row {
            cells: vec![Cell::new(0, vec![Paragraph::new("工作任务")]), status],
            repeats_as_header: false,
        },
        Row {
            cells: marks,
            repeats_as_header: false,
        },
    ];
    for row in 2..ROWS {
        rows.push(Row {
            cells: vec![
                Cell::new(0, vec![Paragraph::new(format!("第{row}项任务。"))]),
                Cell::new(WIDTH, vec![Paragraph::new("√")]),
            ],
            repeats_as_header: false,
        });
    }
    let grid = tongbao_model::Table { name: None, rows };
    let bulletin = parse(&document(vec![Block::Table(grid)]), source()).unwrap();
    assert_eq!(bulletin.tasks.len(), ROWS - 2);
    assert_eq!(bulletin.tasks[5].status.raw, "预警");
    assert_eq!(bulletin.tasks[5].status.code, StatusCode::Warning);
}

#[test]
fn the_progress_is_the_wordier_of_two_unnamed_progress_columns_and_a_closing_date_is_no_status() {
    let bulletin = parse_table(&[
        &[
            "序号",
            "重点工作任务",
            "责任单位",
            "完成进度",
            "进展情况",
            "销号时间",
            "状态",
        ],
        &[
            "1",
            "新建污水管网20公里。",
            "县住建局",
            "85%",
            "已建成17公里，剩余3公里正在铺设。",
            "",
            "序时推进",
        ],
        &[
            "2",
            "完成河道清淤5条。",
            "县水利局",
            "100%",
            "5条河道清淤全部完成。",
            "2020年9月20日",
            "已销号",
        ],
    ]);
    let progress: Vec<&str> = bulletin
        .tasks
        .iter()
        .map(|task| task.progress[0].text.as_str())
        .collect();
    assert_eq!(
        progress,
        ["已建成17公里，剩余3公里正在铺设。", "5条河道清淤全部完成。"]
    );
    assert_eq!(codes(&bulletin), [StatusCode::OnTrack, StatusCode::Closed]);
}

#[test]
fn months_under_a_spanning_progress_label_form_a_second_header_row() {
    let bulletin = parse_table(&[
        &["序号", "重点工作任务", "责任单位", "推进情况", LEFT, "状态"],
        &[UP, UP, UP, "8月", "9月份", UP],
        &[
            "1",
            "建成5G基站500个。",
            "市经信局",
            "已建成420个。",
            "已建成520个。",
            "已完成",
        ],
        &[
            "2",
            "新增绿道50公里。",
            "市自然资源局",
            "已建成35公里。",
            "已建成42公里。",
            "序时推进",
        ],
    ]);
    assert_eq!(progress_strings(&bulletin, 0), ["|已建成520个。"]);
    assert_eq!(progress_strings(&bulletin, 1), ["|已建成42公里。"]);
    assert_eq!(codes(&bulletin), [StatusCode::Closed, StatusCode::OnTrack]);
    assert_eq!(diagnostic_codes(&bulletin), []);
}

#[test]
fn parts_under_a_merged_number_keep_their_own_labels() {
    let bulletin = parse_table(&[
        &["序号", "重点工作任务", "责任单位", "进展情况", "状态"],
        &["1", "推进城东综合体项目建设：", "市住建局", "", ""],
        &[
            UP,
            "（1）9月底前完成征地",
            "市自然资源局",
            "已完成征地120亩。",
            "已完成",
        ],
        &[
            UP,
            "（2）年底前开工建设",
            "市住建局",
            "正在办理施工许可。",
            "序时推进",
        ],
        &[
            "2",
            "新增绿道50公里",
            "市自然资源局",
            "已建成42公里。",
            "序时推进",
        ],
    ]);
    let outline: Vec<(u32, &str)> = bulletin
        .tasks
        .iter()
        .map(|task| (task.no, task.text.as_str()))
        .collect();
    assert_eq!(
        outline,
        [
            (1, "推进城东综合体项目建设："),
            (1, "（1）9月底前完成征地"),
            (1, "（2）年底前开工建设"),
            (2, "新增绿道50公里"),
        ]
    );
}

#[test]
fn a_summary_table_states_counts_the_list_is_checked_against() {
    let summary = table(&[
        &["攻坚领域", "任务数", "已销号", "阶段性销号", "预警"],
        &["产业发展", "2", "1", "1", "0"],
        &["合计", "2", "1", "1", "0"],
    ]);
    let list = table(&[
        &["序号", "重点工作任务", "责任单位", "完成情况", "销号状态"],
        &[
            "1",
            "新增规上企业12家。",
            "县经信局",
            "已新增12家。",
            "已销号",
        ],
        &[
            "2",
            "完成技改投资6亿元。",
            "县经信局",
            "完成4.1亿元。",
            "序时推进",
        ],
    ]);
    let bulletin = parse_blocks(vec![Block::Table(summary), Block::Table(list)]);
    assert_eq!(
        (
            bulletin.stated_counts.closed,
            bulletin.stated_counts.warning
        ),
        (Some(2), Some(0))
    );
    let mismatch: Vec<&str> = bulletin
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code == "stated-count-mismatch")
        .map(|diagnostic| diagnostic.message.as_str())
        .collect();
    assert_eq!(
        mismatch,
        ["the summary table states 2 tasks closed (or stage-closed) but the table marks 1"]
    );
}

#[test]
fn a_workbook_with_a_sheet_per_month_is_read_from_the_latest_month() {
    let month = |name: &str, status: &str| {
        let mut sheet = table(&[
            &["序号", "重点工作任务", "责任单位", "完成情况", "销号状态"],
            &["1", "新增规上企业12家。", "县经信局", "进展。", status],
        ]);
        sheet.name = Some(name.to_owned());
        sheet
    };
    // Newest first, as some offices keep them.
    let bulletin = parse_blocks(vec![
        Block::Table(month("2019年9月", "已销号")),
        Block::Table(month("2019年8月", "序时推进")),
        Block::Table(month("7月份", "序时推进")),
    ]);
    assert_eq!(codes(&bulletin), [StatusCode::Closed]);
    assert_eq!(bulletin.source.sheet.as_deref(), Some("2019年9月"));
    let notes: Vec<&str> = bulletin
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code == "earlier-month-skipped")
        .map(|diagnostic| diagnostic.message.as_str())
        .collect();
    assert_eq!(
        notes,
        [
            r#"sheet "2019年8月" holds an earlier month's list and was not read"#,
            r#"sheet "7月份" holds an earlier month's list and was not read"#,
        ]
    );
}

#[test]
fn sheets_per_month_listing_different_tasks_are_all_read() {
    let month = |name: &str, task: &str| {
        let mut sheet = table(&[
            &["序号", "重点工作任务", "责任单位", "完成情况", "销号状态"],
            &["1", task, "县经信局", "进展。", "序时推进"],
        ]);
        sheet.name = Some(name.to_owned());
        sheet
    };
    let bulletin = parse_blocks(vec![
        Block::Table(month("7月", "7月底前完成厂房竣工验收。")),
        Block::Table(month("8月", "8月底前完成设备安装调试。")),
    ]);
    let texts: Vec<&str> = bulletin
        .tasks
        .iter()
        .map(|task| task.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["7月底前完成厂房竣工验收。", "8月底前完成设备安装调试。"]
    );
    assert!(
        bulletin
            .diagnostics
            .iter()
            .all(|diagnostic| diagnostic.code != "earlier-month-skipped")
    );
}

//! Issue 3's layout variants (fixtures/layouts, written by `make-fixtures`
//! from crates/tongbao-fixtures): each converts to the areas, task numbers,
//! units, statuses and extra fields its table states, in Word and in Excel.
//! The full JSON of each is pinned by the goldens under tests/golden/layouts.

use std::path::{Path, PathBuf};

use tongbao::model::{Bulletin, StatusSource};

const TITLE: &str = "石桥县2020年第三季度重点工作任务推进情况管理清单";

fn fixture(folder: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(folder)
        .join(name)
}

fn convert(name: &str) -> Bulletin {
    tongbao::convert_path(&fixture("layouts", name), &tongbao::Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// `numeral、title` of each area, in order.
fn areas(bulletin: &Bulletin) -> Vec<String> {
    bulletin
        .areas
        .iter()
        .map(|area| format!("{}、{}", area.numeral.as_deref().unwrap_or("?"), area.title))
        .collect()
}

/// `no area status-code` of each task, in order.
fn outline(bulletin: &Bulletin) -> Vec<String> {
    bulletin
        .tasks
        .iter()
        .map(|task| {
            format!(
                "{} {} {}",
                task.no,
                task.area.as_deref().unwrap_or("-"),
                task.status.code.as_str()
            )
        })
        .collect()
}

/// `(no, raw status, status code)` of each task, in order.
fn statuses(bulletin: &Bulletin) -> Vec<(u32, &str, &str)> {
    bulletin
        .tasks
        .iter()
        .map(|task| (task.no, task.status.raw.as_str(), task.status.code.as_str()))
        .collect()
}

/// Whether every task's status comes from `source`.
fn all_statuses_from(bulletin: &Bulletin, source: StatusSource) -> bool {
    bulletin
        .tasks
        .iter()
        .all(|task| task.status.source == source)
}

fn units(bulletin: &Bulletin) -> Vec<Vec<&str>> {
    bulletin
        .tasks
        .iter()
        .map(|task| task.units.iter().map(String::as_str).collect())
        .collect()
}

fn diagnostic_codes(bulletin: &Bulletin) -> Vec<&str> {
    bulletin
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code.as_str())
        .collect()
}

fn assert_title(bulletin: &Bulletin) {
    assert_eq!(bulletin.title.as_deref(), Some(TITLE));
    assert_eq!(bulletin.as_of.text.as_deref(), Some("截至9月底"));
    assert_eq!(
        bulletin.as_of.date.map(|d| d.to_string()).as_deref(),
        Some("2020-09-30")
    );
    assert_eq!(bulletin.year, Some(2020));
}

fn check_section_rows(name: &str) -> Bulletin {
    let bulletin = convert(name);
    assert_title(&bulletin);
    assert_eq!(areas(&bulletin), ["一、稳投资扩内需", "二、补齐民生短板"]);
    assert_eq!(
        outline(&bulletin),
        [
            "1 稳投资扩内需 on_track",
            "2 稳投资扩内需 closed",
            "3 稳投资扩内需 behind",
            "4 补齐民生短板 closed",
            "5 补齐民生短板 on_track",
        ]
    );
    // The number lives in the 序号 column; the task text has no prefix.
    assert_eq!(bulletin.tasks[2].text, "年内新增规模以上工业企业10家以上。");
    assert_eq!(units(&bulletin)[4], ["县卫健局", "各乡（镇）人民政府"]);
    let labels: Vec<_> = bulletin.tasks[0]
        .progress
        .iter()
        .map(|item| item.label.as_deref())
        .collect();
    assert_eq!(labels, [Some("1"), Some("2")]);
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
    bulletin
}

#[test]
fn section_rows_docx() {
    let bulletin = check_section_rows("section-rows.docx");
    assert_eq!(bulletin.source.sheet, None);
    assert_eq!(bulletin.tasks[3].location.row, 6);
}

#[test]
fn section_rows_xlsx_with_title_row_and_blank_rows() {
    let bulletin = check_section_rows("section-rows.xlsx");
    assert_eq!(bulletin.source.sheet.as_deref(), Some("清单"));
    // Title row, blank row, header, section row, three tasks, blank row, section row.
    assert_eq!(bulletin.tasks[3].location.row, 7);
}

fn check_status_words(name: &str) {
    let bulletin = convert(name);
    assert_title(&bulletin);
    assert_eq!(areas(&bulletin), ["一、优化营商环境", "二、污染防治攻坚"]);
    assert_eq!(
        statuses(&bulletin),
        [
            (1, "已完成", "closed"),
            (2, "阶段性完成", "stage_closed"),
            (3, "亮红灯", "warning"),
            (4, "达到序时进度", "on_track"),
            (5, "严重滞后", "behind"),
            (6, "尚未启动", "not_started"),
            (7, "超期未完成", "overdue"),
            (8, "暂缓实施", "other"),
        ]
    );
    assert!(all_statuses_from(&bulletin, StatusSource::Column));
    // `5、` prefixes are stripped like `1．`.
    assert_eq!(
        bulletin.tasks[4].text,
        "10月底前完成县城建成区12家餐饮油烟治理。"
    );
    // Header `责 任 单 位` with odd spacing still names the units column.
    assert_eq!(units(&bulletin)[5], ["县城管局", "县生态环境分局"]);
    let unknown: Vec<_> = bulletin
        .diagnostics
        .iter()
        .filter(|d| d.code == "unknown-status")
        .map(|d| d.task_no)
        .collect();
    assert_eq!(unknown, [Some(8)]);
}

#[test]
fn status_words_docx() {
    check_status_words("status-words.docx");
}

#[test]
fn status_words_xlsx() {
    check_status_words("status-words.xlsx");
}

fn check_two_row_header(name: &str) {
    let bulletin = convert(name);
    assert_eq!(areas(&bulletin), ["一、新型基础设施建设", "二、乡村振兴"]);
    assert_eq!(
        outline(&bulletin),
        [
            "1 新型基础设施建设 on_track",
            "2 新型基础设施建设 behind",
            "3 乡村振兴 closed",
            "4 乡村振兴 closed",
        ]
    );
    let roles: Vec<_> = bulletin
        .tasks
        .iter()
        .map(|task| task.units_by_role.clone().unwrap_or_default())
        .collect();
    assert_eq!(roles[0].lead, ["县工信局"]);
    // `、` inside brackets does not split a name.
    assert_eq!(
        roles[0].support,
        ["县自然资源局", "县住建局", "各乡（镇）人民政府"]
    );
    assert_eq!(roles[1].lead, ["县行政审批局", "县大数据中心"]);
    assert_eq!(roles[1].support, ["各县直有关部门"]);
    assert_eq!(
        roles[3].support,
        ["县财政局", "县水利局", "县（市、区）农业综合开发办"]
    );
    // Lead units first, then support.
    assert_eq!(
        units(&bulletin)[2],
        ["县农业农村局", "县生态环境分局", "县卫健局"]
    );
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

#[test]
fn two_row_header_docx() {
    check_two_row_header("two-row-header.docx");
}

#[test]
fn two_row_header_xlsx() {
    check_two_row_header("two-row-header.xlsx");
}

fn check_unit_roles_in_cell(name: &str) {
    let bulletin = convert(name);
    assert_eq!(
        outline(&bulletin),
        ["1 城乡建设 none", "2 城乡建设 closed", "3 民生保障 none"]
    );
    assert_eq!(bulletin.tasks[0].status.raw, "未销号");
    let roles: Vec<_> = bulletin
        .tasks
        .iter()
        .map(|task| task.units_by_role.clone().unwrap_or_default())
        .collect();
    // `牵头单位：…；配合单位：…` on one line.
    assert_eq!(roles[0].lead, ["县住建局"]);
    assert_eq!(roles[0].support, ["县财政局", "城东街道办事处"]);
    // `牵头：… 配合：…`, separated by a space.
    assert_eq!(roles[1].lead, ["县交通运输局"]);
    assert_eq!(roles[1].support, ["县自然资源局"]);
    // `甲（牵头），乙`.
    assert_eq!(roles[2].lead, ["县人社局"]);
    assert_eq!(roles[2].support, ["各乡（镇）人民政府"]);
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

#[test]
fn unit_roles_in_cell_docx() {
    check_unit_roles_in_cell("unit-roles-in-cell.docx");
}

#[test]
fn unit_roles_in_cell_xlsx() {
    check_unit_roles_in_cell("unit-roles-in-cell.xlsx");
}

fn check_status_in_completion_column(name: &str) {
    let bulletin = convert(name);
    assert_eq!(areas(&bulletin), ["?、产业发展", "?、生态环境"]);
    assert_eq!(
        outline(&bulletin),
        [
            "1 产业发展 on_track",
            "2 产业发展 closed",
            "3 生态环境 behind"
        ]
    );
    // 工作进展 stays the progress; 完成情况 gave the status.
    assert_eq!(
        bulletin.tasks[1].progress[0].text,
        "1-9月完成技改投资6.3亿元。"
    );
    assert_eq!(bulletin.tasks[1].status.source, StatusSource::Column);
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

#[test]
fn status_in_completion_column_docx() {
    check_status_in_completion_column("status-in-completion-column.docx");
}

#[test]
fn status_in_completion_column_xlsx() {
    check_status_in_completion_column("status-in-completion-column.xlsx");
}

fn check_progress_across_status(name: &str) {
    let bulletin = convert(name);
    assert_eq!(
        outline(&bulletin),
        [
            "1 城市更新 closed",
            "2 城市更新 none",
            "3 城市更新 on_track"
        ]
    );
    let merged = &bulletin.tasks[1];
    assert_eq!(
        merged.progress[0].text,
        "该任务经县政府常务会议研究调整至2021年实施，本年度不再考核。"
    );
    assert_eq!(
        (merged.status.raw.as_str(), merged.remarks.as_deref()),
        ("", None)
    );
    assert_eq!(bulletin.tasks[2].remarks.as_deref(), Some("需加快进度"));
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

#[test]
fn progress_across_status_docx() {
    check_progress_across_status("progress-across-status.docx");
}

#[test]
fn progress_across_status_xlsx() {
    check_progress_across_status("progress-across-status.xlsx");
}

fn check_monthly_progress_columns(name: &str) {
    let bulletin = convert(name);
    assert_eq!(
        outline(&bulletin),
        ["1 数字经济 closed", "2 数字经济 on_track"]
    );
    let progress: Vec<&str> = bulletin
        .tasks
        .iter()
        .map(|task| task.progress[0].text.as_str())
        .collect();
    assert_eq!(
        progress,
        ["已建成306个。", "新增上云企业119家，完成率79.3%。"]
    );
}

#[test]
fn monthly_progress_columns_docx() {
    check_monthly_progress_columns("monthly-progress-columns.docx");
}

#[test]
fn monthly_progress_columns_xlsx() {
    check_monthly_progress_columns("monthly-progress-columns.xlsx");
}

#[test]
fn a_bulletin_inside_a_frame_table_is_read_from_the_table_within() {
    let bulletin = convert("frame-table.docx");
    assert_eq!(bulletin.title.as_deref(), Some(TITLE));
    assert_eq!(bulletin.as_of.text.as_deref(), Some("截至9月底"));
    assert_eq!(areas(&bulletin), ["一、农业农村"]);
    assert_eq!(
        outline(&bulletin),
        ["1 农业农村 closed", "2 农业农村 on_track"]
    );
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

#[test]
fn summary_tables_of_counts_hold_no_tasks() {
    let bulletin = convert("summary-tables.docx");
    assert_eq!(areas(&bulletin), ["一、城乡建设", "二、民生保障"]);
    assert_eq!(
        outline(&bulletin),
        [
            "1 城乡建设 closed",
            "2 城乡建设 on_track",
            "3 民生保障 warning"
        ]
    );
    // The first table's 合计 row states the counts; the list agrees.
    let stated = &bulletin.stated_counts;
    assert_eq!(
        (stated.total, stated.closed, stated.warning),
        (Some(3), Some(1), Some(1))
    );
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

fn check_extra_columns(name: &str) {
    let bulletin = convert(name);
    assert_eq!(areas(&bulletin), ["一、重大项目建设", "二、社会事业"]);
    let extras: Vec<_> = bulletin
        .tasks
        .iter()
        .map(|task| {
            (
                task.no,
                task.leaders.clone().unwrap_or_default(),
                task.deadline_text.as_deref(),
                task.remarks.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        extras,
        [
            (
                1,
                vec!["张建国".to_owned(), "李红梅".to_owned()],
                Some("2020年12月底前"),
                Some("需县财政追加资金300万元"),
            ),
            (2, vec!["刘志强".to_owned()], Some("9月底前"), None),
            (3, vec!["李红梅".to_owned()], Some("10月底前"), None),
            (
                4,
                vec!["张建国".to_owned(), "王平".to_owned()],
                Some("11月30日前"),
                Some("已约谈施工单位"),
            ),
        ]
    );
    // The leaders column is not a units column.
    assert_eq!(units(&bulletin)[0], ["县卫健局", "县人民医院"]);
    assert_eq!(bulletin.tasks[3].status.code.as_str(), "warning");
}

#[test]
fn extra_columns_docx() {
    check_extra_columns("extra-columns.docx");
}

#[test]
fn extra_columns_xlsx() {
    check_extra_columns("extra-columns.xlsx");
}

fn check_status_in_progress(name: &str) {
    let bulletin = convert(name);
    assert_eq!(areas(&bulletin), ["一、产业发展", "二、安全生产"]);
    assert_eq!(
        statuses(&bulletin),
        [
            (1, "序时推进", "on_track"),
            (2, "严重滞后", "behind"),
            (3, "已完成", "closed"),
            (4, "预警", "warning"),
        ]
    );
    assert!(all_statuses_from(&bulletin, StatusSource::Progress));
    assert_eq!(
        bulletin.tasks[1].progress[0].text,
        "完成年度计划的80%(严重滞后)"
    );
    // `1.` before a digit is the expected number, not a decimal.
    assert_eq!(bulletin.tasks[2].text, "9月底前完成全县62座危桥改造。");
}

#[test]
fn status_in_progress_docx() {
    check_status_in_progress("status-in-progress.docx");
}

#[test]
fn status_in_progress_xlsx() {
    check_status_in_progress("status-in-progress.xlsx");
}

fn check_status_mark_columns(name: &str) {
    let bulletin = convert(name);
    assert_eq!(
        statuses(&bulletin),
        [
            (1, "已销号", "closed"),
            (2, "序时推进", "on_track"),
            (3, "预警", "warning"),
        ]
    );
    assert!(
        bulletin
            .tasks
            .iter()
            .all(|task| task.extra_columns.is_empty())
    );
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

#[test]
fn status_mark_columns_docx() {
    check_status_mark_columns("status-mark-columns.docx");
}

#[test]
fn status_mark_columns_xlsx() {
    check_status_mark_columns("status-mark-columns.xlsx");
}

#[test]
fn sheets_named_after_areas_name_the_areas_of_their_lists() {
    let bulletin = convert("sheet-per-area.xlsx");
    assert_eq!(areas(&bulletin), ["?、项目建设", "?、民生实事"]);
    assert_eq!(
        outline(&bulletin),
        [
            "1 项目建设 closed",
            "2 项目建设 on_track",
            "3 民生实事 on_track"
        ]
    );
    // Sheets numbered rather than named (清单（一）…) name no areas.
    let split = convert("split-sheets.xlsx");
    assert!(
        split
            .areas
            .iter()
            .all(|area| !area.title.starts_with("清单"))
    );
}

fn check_unknown_columns(name: &str) {
    let bulletin = convert(name);
    let extras: Vec<Vec<(&str, &str)>> = bulletin
        .tasks
        .iter()
        .map(|task| {
            task.extra_columns
                .iter()
                .map(|column| (column.label.as_str(), column.text.as_str()))
                .collect()
        })
        .collect();
    assert_eq!(
        extras,
        [
            vec![
                ("完成进度", "60%"),
                ("存在问题", "部分居民对加装电梯意见不一。"),
                ("下步计划", "10月底前完成意见征求。"),
            ],
            vec![("完成进度", "100%")],
        ]
    );
    // The wordier progress column is the progress.
    assert_eq!(bulletin.tasks[1].progress[0].text, "9月25日通过竣工验收。");
    assert_eq!(outline(&bulletin), ["1 - on_track", "2 - closed"]);
}

#[test]
fn unknown_columns_docx() {
    check_unknown_columns("unknown-columns.docx");
}

#[test]
fn unknown_columns_xlsx() {
    check_unknown_columns("unknown-columns.xlsx");
}

fn check_status_sections(name: &str) {
    let bulletin = convert(name);
    // Status sections are no areas; each gives its tasks their status.
    assert!(bulletin.areas.is_empty());
    assert_eq!(
        statuses(&bulletin),
        [
            (1, "已销号任务", "closed"),
            (2, "已销号任务", "closed"),
            (3, "预警任务", "warning"),
            (4, "序时推进任务", "on_track"),
        ]
    );
    assert!(all_statuses_from(&bulletin, StatusSource::Section));
    // The headings' （2项） are stated counts, and the list agrees with them.
    let stated = &bulletin.stated_counts;
    assert_eq!(
        (stated.total, stated.closed, stated.warning),
        (Some(4), Some(2), Some(1))
    );
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

#[test]
fn status_sections_docx() {
    check_status_sections("status-sections.docx");
}

#[test]
fn status_sections_xlsx() {
    check_status_sections("status-sections.xlsx");
}

#[test]
fn status_section_headings_between_tables() {
    let bulletin = convert("status-section-headings.docx");
    assert!(bulletin.areas.is_empty());
    assert_eq!(outline(&bulletin), ["1 - closed", "2 - warning"]);
    assert_eq!(bulletin.tasks[1].status.raw, "预警事项");
    // Headings without counts state none.
    let stated = &bulletin.stated_counts;
    assert_eq!(
        (stated.total, stated.closed, stated.warning),
        (None, None, None)
    );
}

fn check_header_synonyms(name: &str) {
    let bulletin = convert(name);
    // 工作重点 is the area column.
    assert_eq!(areas(&bulletin), ["一、民生实事", "二、平安建设"]);
    assert_eq!(
        outline(&bulletin),
        [
            "1 民生实事 on_track",
            "2 民生实事 closed",
            "3 平安建设 behind",
        ]
    );
    assert_eq!(units(&bulletin)[1], ["县医保局", "县财政局"]);
    // 落实进展情况 is the progress column.
    assert_eq!(
        bulletin.tasks[1].progress[0].text,
        "补助资金已全额拨付到位。"
    );
}

#[test]
fn header_synonyms_docx() {
    check_header_synonyms("header-synonyms.docx");
}

#[test]
fn header_synonyms_xlsx() {
    check_header_synonyms("header-synonyms.xlsx");
}

const SPLIT_OUTLINE: [&str; 6] = [
    "1 交通基础设施 closed",
    "2 交通基础设施 on_track",
    "3 交通基础设施 on_track",
    "4 生态保护 behind",
    "5 生态保护 closed",
    "6 生态保护 not_started",
];

/// (table, row) of each task.
fn locations(bulletin: &Bulletin) -> Vec<(usize, usize)> {
    bulletin
        .tasks
        .iter()
        .map(|task| (task.location.table, task.location.row))
        .collect()
}

#[test]
fn split_tables_docx_continues_numbers_and_area_over_three_tables() {
    let bulletin = convert("split-tables.docx");
    assert_title(&bulletin);
    assert_eq!(areas(&bulletin), ["一、交通基础设施", "二、生态保护"]);
    assert_eq!(outline(&bulletin), SPLIT_OUTLINE);
    assert_eq!(
        locations(&bulletin),
        [(0, 1), (0, 2), (1, 1), (1, 2), (2, 1), (2, 2)]
    );
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

#[test]
fn split_tables_xlsx_skips_the_header_repeated_mid_sheet() {
    let bulletin = convert("split-tables.xlsx");
    assert_title(&bulletin);
    assert_eq!(outline(&bulletin), SPLIT_OUTLINE);
    assert_eq!(
        locations(&bulletin),
        [(0, 2), (0, 3), (0, 5), (0, 6), (0, 8), (0, 9)]
    );
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

#[test]
fn split_sheets_xlsx_continues_on_the_next_sheets() {
    let bulletin = convert("split-sheets.xlsx");
    assert_title(&bulletin);
    assert_eq!(bulletin.source.sheet.as_deref(), Some("清单（一）"));
    assert_eq!(outline(&bulletin), SPLIT_OUTLINE);
    assert_eq!(
        locations(&bulletin),
        [(0, 2), (0, 3), (1, 1), (1, 2), (2, 1), (2, 2)]
    );
}

#[test]
fn heading_paragraphs_docx_name_the_areas_between_tables() {
    let bulletin = convert("heading-paragraphs.docx");
    assert_title(&bulletin);
    assert_eq!(areas(&bulletin), ["一、文化旅游", "二、教育卫生"]);
    assert_eq!(
        outline(&bulletin),
        [
            "1 文化旅游 closed",
            "2 文化旅游 behind",
            "3 教育卫生 closed"
        ]
    );
    // The heading paragraphs are areas, not preamble.
    assert!(bulletin.preamble.is_empty(), "{:?}", bulletin.preamble);
}

#[test]
fn auto_numbering_docx_numbers_tasks_from_word_lists() {
    let bulletin = convert("auto-numbering.docx");
    assert_eq!(
        outline(&bulletin),
        [
            "1 金融服务 on_track",
            "2 金融服务 closed",
            "3 财税收入 behind"
        ]
    );
    assert_eq!(
        bulletin.tasks[1].text,
        "9月底前完成县农商行不良贷款清收1.8亿元。"
    );
    // Numbers came from the list, so none was inferred.
    assert_eq!(diagnostic_codes(&bulletin), ["year-source"]);
}

fn conversion_error(name: &str) -> String {
    match tongbao::convert_path(&fixture("errors", name), &tongbao::Options::default()) {
        Ok(bulletin) => panic!("{name} converted to {} tasks", bulletin.tasks.len()),
        Err(error) => error.to_string(),
    }
}

#[test]
fn word_file_without_a_table_is_no_task_table() {
    assert_eq!(
        conversion_error("no-table.docx"),
        "no-table.docx: no task table found (the document has no tables)"
    );
}

#[test]
fn word_table_that_is_not_a_task_table_is_named_in_the_error() {
    assert_eq!(
        conversion_error("not-task-table.docx"),
        "not-task-table.docx: no task table found (table 0: [姓名 | 单位 | 职务 | 联系电话] \
         [王晓东 | 县发改局 | 办公室主任 | 0738-5123456] [陈丽 | 县住建局 | 综合股股长 | 0738-5234567])"
    );
}

#[test]
fn empty_workbook_sheet_is_no_task_table() {
    assert_eq!(
        conversion_error("empty-sheet.xlsx"),
        "empty-sheet.xlsx: no task table found (the document has no tables)"
    );
}

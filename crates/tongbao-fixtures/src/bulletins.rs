//! The fixtures' content: a county government office's third-quarter 2020
//! task lists, one layout variant per fixture.

use crate::Layout;
use crate::spec::{Part, RowSpec, TableSpec, c, cont, numbered, restart, row, span};

const TITLE: &str = "石桥县2020年第三季度重点工作任务推进情况管理清单";
const AS_OF: &str = "（截至9月底）";

/// Fixtures written as both `.docx` and `.xlsx`, by file stem.
pub fn in_both_formats() -> Vec<(&'static str, Layout)> {
    vec![
        ("section-rows", section_rows()),
        ("status-words", status_words()),
        ("two-row-header", two_row_header()),
        ("extra-columns", extra_columns()),
        ("status-in-progress", status_in_progress()),
        ("header-synonyms", header_synonyms()),
        ("split-tables", split_tables()),
        ("unit-roles-in-cell", unit_roles_in_cell()),
        ("status-in-completion-column", status_in_completion_column()),
        ("progress-across-status", progress_across_status()),
        ("monthly-progress-columns", monthly_progress_columns()),
        ("status-sections", status_sections()),
        ("unknown-columns", unknown_columns()),
        ("status-mark-columns", status_mark_columns()),
    ]
}

/// Word-only fixtures, by file name.
pub fn word_only() -> Vec<(&'static str, Vec<Part>)> {
    vec![
        ("heading-paragraphs.docx", heading_paragraphs()),
        ("auto-numbering.docx", auto_numbering()),
        ("summary-tables.docx", summary_tables()),
        ("frame-table.docx", frame_table()),
        ("status-section-headings.docx", status_section_headings()),
    ]
}

/// Word files that hold no task table, by file name.
pub fn word_errors() -> Vec<(&'static str, Vec<Part>)> {
    vec![
        (
            "no-table.docx",
            vec![
                Part::Paragraph("关于报送第三季度重点工作推进情况的通知".to_owned()),
                Part::Paragraph(
                    "各乡（镇）人民政府，县直各单位：请于10月10日前报送第三季度重点工作推进情况。"
                        .to_owned(),
                ),
            ],
        ),
        (
            "not-task-table.docx",
            vec![
                Part::Paragraph("县重点工作联络员名单".to_owned()),
                Part::Table(vec![
                    row(&["姓名", "单位", "职务", "联系电话"]),
                    row(&["王晓东", "县发改局", "办公室主任", "0738-5123456"]),
                    row(&["陈丽", "县住建局", "综合股股长", "0738-5234567"]),
                ]),
            ],
        ),
    ]
}

fn layout(tables: Vec<TableSpec>) -> Layout {
    Layout {
        title: TITLE,
        as_of: AS_OF,
        tables,
    }
}

/// Areas as rows whose single cell spans every column; numbers in a 序号
/// column; blank rows between the areas (Excel).
fn section_rows() -> Layout {
    layout(vec![vec![
        row(&["序号", "重点工作任务", "责任单位", "完成情况", "销号状态"]),
        vec![span("一、稳投资扩内需", 5)],
        row(&[
            "1",
            "9月底前完成G351线石桥段改扩建工程路基施工，全年完成投资2.6亿元。",
            "县交通运输局\n县自然资源局",
            "1.路基施工已于9月20日全部完成。\n2.1-9月累计完成投资2.15亿元，占年度计划的82.7%。",
            "序时推进",
        ]),
        row(&[
            "2",
            "三季度开工建设县城污水处理厂二期，新增日处理能力2万吨。",
            "县住建局",
            "项目已于8月28日开工建设，完成桩基工程。",
            "已销号",
        ]),
        row(&[
            "3",
            "年内新增规模以上工业企业10家以上。",
            "县工信局",
            "截至9月25日，新增规上企业6家，完成年度目标的60%。",
            "进度滞后",
        ]),
        Vec::new(),
        vec![span("二、补齐民生短板", 5)],
        row(&[
            "4",
            "秋季开学前建成城东小学并投入使用，新增学位1800个。",
            "县教育局\n城东新区管委会",
            "学校已于8月30日竣工验收，9月1日正式开学。",
            "办结",
        ]),
        row(&[
            "5",
            "10月底前完成12个村卫生室标准化改造。",
            "县卫健局\n各乡（镇）人民政府",
            "已完成改造7个，其余5个正在施工。",
            "正常推进",
        ]),
    ]])
}

/// One task per status family, a merged first area column, a header with
/// odd spacing and line breaks, and task numbers typed in several styles.
fn status_words() -> Layout {
    let task =
        |area: RowSpec, cells: &[&str]| -> RowSpec { area.into_iter().chain(row(cells)).collect() };
    let area = |text: &str| vec![restart(text)];
    let more = || vec![cont()];
    layout(vec![vec![
        row(&[
            "攻坚领域",
            "重点任务",
            "责 任 单 位",
            "完成\n情况",
            "销号\n状态",
        ]),
        task(
            area("一、优化营商环境"),
            &[
                "1．8月底前企业开办时间压缩至1个工作日以内。",
                "县市场监管局",
                "自8月15日起企业开办实现“一日办结”。",
                "已完成",
            ],
        ),
        task(
            more(),
            &[
                "2．年内工程建设项目审批时间压减至80个工作日。",
                "县行政审批局",
                "一般社会投资项目审批时间已压减至95个工作日。",
                "阶段性完成",
            ],
        ),
        task(
            more(),
            &[
                "3．9月底前清偿拖欠民营企业账款3500万元。",
                "县财政局\n县工信局",
                "已清偿2100万元，清偿率60%。",
                "亮红灯",
            ],
        ),
        task(
            more(),
            &[
                "4．三季度新增市场主体1200户。",
                "县市场监管局",
                "7-9月新增市场主体1264户。",
                "达到序时进度",
            ],
        ),
        task(
            area("二、污染防治攻坚"),
            &[
                "5、10月底前完成县城建成区12家餐饮油烟治理。",
                "县城管局",
                "已完成4家，完成率33.3%。",
                "严重滞后",
            ],
        ),
        task(
            more(),
            &[
                "6、年内完成城北垃圾填埋场封场治理。",
                "县城管局\n县生态环境分局",
                "方案正在编制，尚未招标。",
                "尚未启动",
            ],
        ),
        task(
            more(),
            &[
                "7、6月底前完成沙河流域3个入河排污口整治。",
                "县生态环境分局",
                "已完成2个，1个因征地问题未完成。",
                "超期未完成",
            ],
        ),
        task(
            more(),
            &[
                "8、年内建成乡镇空气质量自动监测站5个。",
                "县生态环境分局",
                "因上级调整建设标准，暂缓实施。",
                "暂缓实施",
            ],
        ),
    ]])
}

/// 责任单位 over 牵头单位 | 配合单位; supporting units joined by `、`, one
/// of them with `、` inside brackets; areas as `（一）` section rows.
fn two_row_header() -> Layout {
    layout(vec![vec![
        vec![
            restart("序号"),
            restart("重点工作任务"),
            span("责任单位", 2),
            restart("进展情况"),
            restart("销号状态"),
        ],
        vec![cont(), cont(), c("牵头单位"), c("配合单位"), cont(), cont()],
        vec![span("（一）新型基础设施建设", 6)],
        row(&[
            "1",
            "年底前完成全县5G基站建设120个。",
            "县工信局",
            "县自然资源局、县住建局、各乡（镇）人民政府",
            "已建成5G基站86个，完成年度任务的71.7%。",
            "序时推进",
        ]),
        row(&[
            "2",
            "推进“一网通办”，年内政务服务事项网上可办率达到90%以上。",
            "县行政审批局\n县大数据中心",
            "各县直有关部门",
            "网上可办率达到86.5%。",
            "滞后",
        ]),
        vec![span("（二）乡村振兴", 6)],
        row(&[
            "3",
            "9月底前完成农村人居环境整治“百日攻坚”行动。",
            "县农业农村局",
            "县生态环境分局、县卫健局",
            "已完成全部43个行政村整治任务。",
            "已销号",
        ]),
        row(&[
            "4",
            "8月底前完成2020年高标准农田建设1.2万亩。",
            "县农业农村局",
            "县财政局、县水利局、县（市、区）农业综合开发办",
            "8月26日完成建设1.2万亩，9月10日通过县级验收。",
            "销号",
        ]),
    ]])
}

/// Extra columns kept as fields: 责任领导, 时间节点, 备注.
fn extra_columns() -> Layout {
    layout(vec![vec![
        row(&[
            "序号",
            "重点工作任务",
            "责任领导",
            "责任单位",
            "时间节点",
            "完成情况",
            "销号状态",
            "备注",
        ]),
        vec![span("一、重大项目建设", 8)],
        row(&[
            "1",
            "加快县人民医院新院区建设，年内主体封顶。",
            "张建国、李红梅",
            "县卫健局\n县人民医院",
            "2020年12月底前",
            "已完成主体结构第9层，共12层。",
            "序时推进",
            "需县财政追加资金300万元",
        ]),
        row(&[
            "2",
            "完成石桥工业园标准化厂房二期建设5万平方米。",
            "刘志强",
            "县工业园管委会",
            "9月底前",
            "5万平方米厂房已竣工，3家企业已签约入驻。",
            "已销号",
            "",
        ]),
        vec![span("二、社会事业", 8)],
        row(&[
            "3",
            "新建城区公办幼儿园2所，新增学位540个。",
            "李红梅",
            "县教育局",
            "10月底前",
            "1所已完工，1所正在装修。",
            "序时推进",
            "",
        ]),
        row(&[
            "4",
            "完成城区老旧小区改造8个，惠及居民1260户。",
            "张建国\n王平",
            "县住建局",
            "11月30日前",
            "已开工5个，3个尚在设计。",
            "预警",
            "已约谈施工单位",
        ]),
    ]])
}

/// One units column whose cells name the roles themselves, on one line
/// (`牵头单位：…；配合单位：…`) or as `（牵头）` after a name; a 销号情况
/// column answering 已销号 / 未销号.
fn unit_roles_in_cell() -> Layout {
    layout(vec![vec![
        row(&["序号", "重点工作任务", "责任单位", "工作进展", "销号情况"]),
        vec![span("一、城乡建设", 5)],
        row(&[
            "1",
            "完成城东片区棚户区改造征收320户。",
            "牵头单位：县住建局；配合单位：县财政局、城东街道办事处",
            "已签约298户，签约率93.1%。",
            "未销号",
        ]),
        row(&[
            "2",
            "9月底前建成农村公路“四好”示范路15公里。",
            "牵头：县交通运输局 配合：县自然资源局",
            "15公里示范路已全部完工并通过验收。",
            "已销号",
        ]),
        vec![span("二、民生保障", 5)],
        row(&[
            "3",
            "新增城镇就业1800人。",
            "县人社局（牵头），各乡（镇）人民政府",
            "1-9月新增城镇就业1425人，完成率79.2%。",
            "未销号",
        ]),
    ]])
}

/// `工作进展` holds the progress and `完成情况` the status words: both labels
/// name progress, and the cells tell which is which.
fn status_in_completion_column() -> Layout {
    layout(vec![vec![
        row(&[
            "序号",
            "攻坚领域",
            "重点工作任务",
            "责任单位",
            "工作进展",
            "完成情况",
        ]),
        vec![
            c("1"),
            restart("产业发展"),
            c("新增规模以上工业企业12家。"),
            c("县经信局"),
            c("1-9月新增规上企业9家，完成率75%。"),
            c("序时推进"),
        ],
        vec![
            c("2"),
            cont(),
            c("完成技改投资6亿元。"),
            c("县经信局"),
            c("1-9月完成技改投资6.3亿元。"),
            c("已完成"),
        ],
        vec![
            c("3"),
            restart("生态环境"),
            c("完成农村生活污水治理提标改造村40个。"),
            c("县生态环境分局\n县农业农村局"),
            c("已完工18个，在建12个，10个未开工。"),
            c("滞后"),
        ],
    ]])
}

/// A progress cell merged across the status (and remarks) columns: its
/// text is progress only, and the task has no status.
fn progress_across_status() -> Layout {
    layout(vec![vec![
        row(&[
            "序号",
            "重点工作任务",
            "责任单位",
            "完成情况",
            "销号状态",
            "备注",
        ]),
        vec![span("一、城市更新", 6)],
        row(&[
            "1",
            "完成城中村改造3个。",
            "县住建局",
            "3个城中村已全部完成征收。",
            "已销号",
            "",
        ]),
        vec![
            c("2"),
            c("年内建成智慧停车场2处。"),
            c("县城投公司"),
            span(
                "该任务经县政府常务会议研究调整至2021年实施，本年度不再考核。",
                3,
            ),
        ],
        row(&[
            "3",
            "新增城市停车泊位800个。",
            "县城管局",
            "已新增泊位520个。",
            "序时推进",
            "需加快进度",
        ]),
    ]])
}

/// Last month's and this month's progress side by side (`8月进展情况 |
/// 9月进展情况`): the later month is the progress.
fn monthly_progress_columns() -> Layout {
    layout(vec![vec![
        row(&[
            "序号",
            "重点工作任务",
            "责任单位",
            "8月进展情况",
            "9月进展情况",
            "销号状态",
        ]),
        vec![span("一、数字经济", 6)],
        row(&[
            "1",
            "建成5G基站300个。",
            "县经信局",
            "已建成210个。",
            "已建成306个。",
            "已销号",
        ]),
        row(&[
            "2",
            "新增上云企业150家。",
            "县经信局",
            "新增上云企业88家。",
            "新增上云企业119家，完成率79.3%。",
            "序时推进",
        ]),
    ]])
}

/// No status column: the status is written in brackets in the progress text.
fn status_in_progress() -> Layout {
    let task =
        |area: RowSpec, cells: &[&str]| -> RowSpec { area.into_iter().chain(row(cells)).collect() };
    layout(vec![vec![
        row(&["攻坚领域", "工作任务", "责任单位", "工作进展"]),
        task(
            vec![restart("一、产业发展")],
            &[
                "1.年内新引进亿元以上项目8个。",
                "县商务局",
                "已引进亿元以上项目7个，完成年度计划的87.5%（序时推进）",
            ],
        ),
        task(
            vec![cont()],
            &[
                "2.三季度完成茶叶种植基地提质改造3000亩。",
                "县农业农村局",
                "完成年度计划的80%(严重滞后)",
            ],
        ),
        task(
            vec![restart("二、安全生产")],
            &[
                "3.9月底前完成全县62座危桥改造。",
                "县交通运输局",
                "1.已完成危桥改造62座。\n2.9月28日通过市级验收（已完成）",
            ],
        ),
        task(
            vec![cont()],
            &[
                "4.年内完成城区燃气管道老化更新改造15公里。",
                "县住建局\n县燃气公司",
                "已完成4公里，不足计划的三成（预警）",
            ],
        ),
    ]])
}

/// Header synonyms: 工作重点 (area column), 主要工作任务, 牵头单位,
/// 落实进展情况, 状态.
fn header_synonyms() -> Layout {
    layout(vec![vec![
        row(&[
            "工作重点",
            "主要工作任务",
            "牵头单位",
            "落实进展情况",
            "状态",
        ]),
        vec![
            restart("一、民生实事"),
            c("1、年内城镇新增就业2800人。"),
            c("县人社局"),
            c("1-9月城镇新增就业2315人，完成年度目标的82.7%。"),
            c("进展较快"),
        ],
        vec![
            cont(),
            c("2、9月底前发放城乡居民医保财政补助资金1.36亿元。"),
            c("县医保局\n县财政局"),
            c("补助资金已全额拨付到位。"),
            c("销号"),
        ],
        vec![
            restart("二、平安建设"),
            c("3、年内完成县城主要路口“雪亮工程”视频监控点位建设320个。"),
            c("县公安局"),
            c("已建成186个，受设备供货影响进度偏慢。"),
            c("推进缓慢"),
        ],
    ]])
}

const SPLIT_HEADER: [&str; 5] = [
    "攻坚领域",
    "重点工作任务",
    "责任单位",
    "完成情况",
    "销号状态",
];

/// A table split over three pages (Word: three tables; Excel: the header
/// repeated mid-sheet, or one sheet per part). Numbering and the area
/// continue: the second part's first row leaves the area cell empty, the
/// third part repeats the area label.
pub fn split_tables() -> Layout {
    layout(vec![
        vec![
            row(&SPLIT_HEADER),
            vec![
                restart("一、交通基础设施"),
                c("1．9月底前建成通村公路硬化路面45公里。"),
                c("县交通运输局"),
                c("已建成47.3公里，超额完成任务。"),
                c("已销号"),
            ],
            vec![
                cont(),
                c("2．年内完成县客运中心站主体工程。"),
                c("县交通运输局\n县城投公司"),
                c("完成主体工程的65%。"),
                c("序时推进"),
            ],
        ],
        vec![
            row(&SPLIT_HEADER),
            row(&[
                "",
                "3．10月底前开通城乡公交线路6条。",
                "县交通运输局",
                "已开通4条，2条正在试运行。",
                "正常推进",
            ]),
            vec![
                restart("二、生态保护"),
                c("4．三季度完成植树造林1.5万亩。"),
                c("县林业局"),
                c("完成1.12万亩，完成率74.7%。"),
                c("未达序时进度"),
            ],
        ],
        vec![
            row(&SPLIT_HEADER),
            row(&[
                "二、生态保护",
                "5．9月底前关停取缔河道非法采砂点11处。",
                "县水利局\n县公安局",
                "11处非法采砂点已全部关停取缔。",
                "已销号",
            ]),
            row(&[
                "二、生态保护",
                "6．年内完成县城饮用水水源地规范化建设。",
                "县生态环境分局",
                "项目尚未开工。",
                "未开工",
            ]),
        ],
    ])
}

/// Word: the whole bulletin laid out inside a one-cell border table, the
/// task list nested in it.
fn frame_table() -> Vec<Part> {
    vec![Part::Frame(vec![
        Part::Paragraph(TITLE.to_owned()),
        Part::Paragraph(AS_OF.to_owned()),
        Part::Table(vec![
            row(&["序号", "重点工作任务", "责任单位", "完成情况", "销号状态"]),
            vec![span("一、农业农村", 5)],
            row(&[
                "1",
                "完成高标准农田建设1.2万亩。",
                "县农业农村局",
                "已完成1.26万亩。",
                "已销号",
            ]),
            row(&[
                "2",
                "新建农村公路30公里。",
                "县交通运输局",
                "已建成21公里，完成率70%。",
                "序时推进",
            ]),
        ]),
        Part::Paragraph("石桥县人民政府督查室".to_owned()),
    ])]
}

/// The status marked with √ in one of the columns a spanning 推进状态
/// header splits into (已销号 | 序时推进 | 预警).
fn status_mark_columns() -> Layout {
    layout(vec![vec![
        vec![
            restart("序号"),
            restart("重点工作任务"),
            restart("责任单位"),
            restart("进展情况"),
            span("推进状态", 3),
        ],
        vec![
            cont(),
            cont(),
            cont(),
            cont(),
            c("已销号"),
            c("序时推进"),
            c("预警"),
        ],
        row(&[
            "1",
            "9月底前完成县城区智慧停车系统建设。",
            "县城管局",
            "系统9月28日上线运行。",
            "√",
            "",
            "",
        ]),
        row(&[
            "2",
            "年内完成农村生活污水治理设施提标改造50处。",
            "县生态环境分局",
            "已完成32处。",
            "",
            "√",
            "",
        ]),
        row(&[
            "3",
            "三季度完成县第二中学迁建工程主体结顶。",
            "县教育局",
            "因征地问题，主体完成60%。",
            "",
            "",
            "√",
        ]),
    ]])
}

/// Columns the parser reads no meaning into (存在问题, 下步计划) and a
/// percentage column beside the progress (完成进度): kept per task as
/// labelled text, left out where empty.
fn unknown_columns() -> Layout {
    layout(vec![vec![
        row(&[
            "序号",
            "重点工作任务",
            "责任单位",
            "完成进度",
            "进展情况",
            "存在问题",
            "下步计划",
            "销号状态",
        ]),
        row(&[
            "1",
            "年内完成县城老旧小区改造15个。",
            "县住建局",
            "60%",
            "已完成改造9个，其余6个正在施工。",
            "部分居民对加装电梯意见不一。",
            "10月底前完成意见征求。",
            "序时推进",
        ]),
        row(&[
            "2",
            "9月底前建成县级应急物资储备库。",
            "县应急管理局",
            "100%",
            "9月25日通过竣工验收。",
            "",
            "",
            "已销号",
        ]),
    ]])
}

/// Excel: one list per sheet, the sheets named after the areas (项目建设,
/// 民生实事) and the lists holding no area of their own; numbering runs on.
pub fn sheet_per_area() -> Layout {
    let header = || row(&["序号", "重点工作任务", "责任单位", "完成情况", "销号状态"]);
    layout(vec![
        vec![
            header(),
            row(&[
                "1",
                "年内开工建设石桥大道东延工程。",
                "县交通运输局",
                "9月20日举行开工仪式。",
                "已销号",
            ]),
            row(&[
                "2",
                "三季度完成工业园区标准厂房10万平方米。",
                "县工业园区管委会",
                "已完成8.2万平方米。",
                "序时推进",
            ]),
        ],
        vec![
            header(),
            row(&[
                "3",
                "新建城区公办幼儿园2所。",
                "县教育局",
                "1所已竣工，1所主体结顶。",
                "序时推进",
            ]),
        ],
    ])
}

/// Tasks sorted by status into sections (`一、已销号任务（2项）`) instead of a
/// status column; a bracketed word in the progress does not outrank the
/// section.
fn status_sections() -> Layout {
    layout(vec![vec![
        row(&["序号", "重点工作任务", "责任单位", "完成情况"]),
        vec![span("一、已销号任务（2项）", 4)],
        row(&[
            "1",
            "9月底前完成县城至石桥镇公交线路开通。",
            "县交通运输局",
            "9月26日正式开通运营。",
        ]),
        row(&[
            "2",
            "年内完成农村危房改造120户。",
            "县住建局",
            "已完成改造126户。",
        ]),
        vec![span("二、预警任务（1项）", 4)],
        row(&[
            "3",
            "三季度完成城东污水处理厂提标改造。",
            "县水利局",
            "设备安装完成50%（进度滞后）。",
        ]),
        vec![span("三、序时推进任务（1项）", 4)],
        row(&[
            "4",
            "年内建成县人民医院门诊综合楼。",
            "县卫健局",
            "主体结顶，累计完成投资1.8亿元。",
        ]),
    ]])
}

/// Word: the status sections as headings between separate tables.
fn status_section_headings() -> Vec<Part> {
    let header = || row(&["序号", "重点工作任务", "责任单位", "完成情况"]);
    vec![
        Part::Paragraph(TITLE.to_owned()),
        Part::Paragraph(AS_OF.to_owned()),
        Part::Paragraph("一、已销号事项".to_owned()),
        Part::Table(vec![
            header(),
            row(&[
                "1",
                "9月底前完成县城至石桥镇公交线路开通。",
                "县交通运输局",
                "9月26日正式开通运营。",
            ]),
        ]),
        Part::Paragraph("二、预警事项".to_owned()),
        Part::Table(vec![
            header(),
            row(&[
                "2",
                "三季度完成城东污水处理厂提标改造。",
                "县水利局",
                "设备安装完成50%。",
            ]),
        ]),
    ]
}

/// Word: a summary table of counts before the task list and another after
/// it, both as wide as the list; neither holds tasks.
fn summary_tables() -> Vec<Part> {
    let counts = |title: &str| {
        vec![
            row(&[title, "任务数", "已销号", "序时推进", "预警"]),
            row(&["城乡建设", "2", "1", "1", "0"]),
            row(&["民生保障", "1", "0", "0", "1"]),
            row(&["合计", "3", "1", "1", "1"]),
        ]
    };
    vec![
        Part::Paragraph(TITLE.to_owned()),
        Part::Paragraph(AS_OF.to_owned()),
        Part::Paragraph("一、总体情况".to_owned()),
        Part::Table(counts("攻坚领域")),
        Part::Paragraph("二、任务清单".to_owned()),
        Part::Table(vec![
            row(&["序号", "重点工作任务", "责任单位", "完成情况", "销号状态"]),
            vec![span("一、城乡建设", 5)],
            row(&[
                "1",
                "完成城区雨污分流改造管网12公里。",
                "县住建局",
                "已完成12.4公里。",
                "已销号",
            ]),
            row(&[
                "2",
                "年内建成县城第二水厂。",
                "县水利局",
                "主体工程完成70%。",
                "序时推进",
            ]),
            vec![span("二、民生保障", 5)],
            row(&[
                "3",
                "新增城镇就业1800人。",
                "县人社局",
                "1-9月新增就业1190人，完成率66.1%。",
                "预警",
            ]),
        ]),
        Part::Paragraph("附：分领域销号情况".to_owned()),
        // Same width as the list, a header of counts, numbers below it.
        Part::Table(counts("领域")),
    ]
}

/// Word: areas given only as `一、…` paragraphs before each table.
fn heading_paragraphs() -> Vec<Part> {
    let header = || row(&["序号", "工作任务", "责任单位", "推进情况", "销号状态"]);
    vec![
        Part::Paragraph(TITLE.to_owned()),
        Part::Paragraph(AS_OF.to_owned()),
        Part::Paragraph("一、文化旅游".to_owned()),
        Part::Table(vec![
            header(),
            row(&[
                "1",
                "国庆节前完成石桥古镇4A级景区创建验收。",
                "县文旅广体局",
                "9月18日通过省级景观质量评审。",
                "已销号",
            ]),
            row(&[
                "2",
                "年内接待游客突破300万人次。",
                "县文旅广体局",
                "1-9月接待游客196万人次。",
                "滞后",
            ]),
        ]),
        Part::Paragraph("二、教育卫生".to_owned()),
        Part::Table(vec![
            header(),
            row(&[
                "3",
                "9月底前完成义务教育阶段学校“大班额”化解。",
                "县教育局",
                "全县56人以上大班额已全部消除。",
                "已完成",
            ]),
        ]),
    ]
}

/// Word: task numbers from auto-numbering on the task paragraphs.
fn auto_numbering() -> Vec<Part> {
    vec![
        Part::Paragraph(TITLE.to_owned()),
        Part::Paragraph(AS_OF.to_owned()),
        Part::Table(vec![
            row(&SPLIT_HEADER),
            vec![
                restart("一、金融服务"),
                numbered("年内新增普惠小微贷款5亿元。"),
                c("县金融办\n人行石桥支行"),
                c("新增普惠小微贷款4.2亿元。"),
                c("序时推进"),
            ],
            vec![
                cont(),
                numbered("9月底前完成县农商行不良贷款清收1.8亿元。"),
                c("县农商行"),
                c("已清收1.8亿元。"),
                c("已销号"),
            ],
            vec![
                restart("二、财税收入"),
                numbered("三季度一般公共预算收入完成全年的75%。"),
                c("县财政局\n县税务局"),
                c("完成全年的68.4%。"),
                c("滞后"),
            ],
        ]),
    ]
}

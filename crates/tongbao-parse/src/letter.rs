//! The covering letter around the task table: title, as-of date, body,
//! attachment title, recipients, editor and issuer, and the counts the
//! prose states.

use tongbao_model::StatedCounts;
use tongbao_normalize::numeral::{ascii_digit, parse_integer};

use crate::text::{
    compact, is_close_bracket, is_numeral, is_open_bracket, trailing_number, trim_entry_punctuation,
};

/// What the lines around the table say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Letter {
    pub masthead: Vec<String>,
    pub title: Option<String>,
    pub as_of_text: Option<String>,
    pub preamble: Vec<String>,
    pub attachment_title: Option<String>,
    pub report_to: Option<String>,
    pub distribute_to: Option<String>,
    pub editor: Option<String>,
    pub issuer: Option<String>,
    pub stated_counts: StatedCounts,
}

/// The text lines the parser found outside the task rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LetterLines {
    /// Paragraphs before the first task table.
    pub before_table: Vec<String>,
    /// Rows above the header inside the first task table (a sheet's title
    /// rows); the first plain one is the title when no paragraph gives one.
    pub captions: Vec<String>,
    /// Every other line outside the task rows (paragraphs after the table,
    /// other tables), searched for recipients and signatures only.
    pub elsewhere: Vec<String>,
    /// The task table's header labels: `完成情况（截至8月底）` dates the
    /// list when nothing else does.
    pub header_labels: Vec<String>,
}

/// Phrases that close a number of tasks, and that warn about them.
const CLOSING_PHRASES: &[&str] = &["予以销号", "予以阶段性销号", "同意销号", "给予销号"];
const WARNING_PHRASES: &[&str] = &["予以预警", "给予预警", "予以亮红灯"];

/// Status words a count follows in a summary sentence (`已销号12项，阶段性
/// 销号8项，预警3项`), longer words first.
const CLOSED_WORDS: &[&str] = &["阶段性销号", "已销号", "销号"];
const WARNED_WORDS: &[&str] = &["亮红灯", "预警"];

/// Title lines end with one of these words (after any bracketed as-of).
const TITLE_ENDINGS: &[&str] = &[
    "通报",
    "情况",
    "清单",
    "报告",
    "通知",
    "一览表",
    "台账",
    "表",
];
/// Shorter lines ending like a title are mastheads (`督查通报`), not titles.
const MIN_TITLE_CHARS: usize = 8;

pub(crate) fn read_letter(lines: &LetterLines) -> Letter {
    let before: Vec<&str> = non_empty(&lines.before_table);
    let captions: Vec<&str> = non_empty(&lines.captions);
    let mut letter = Letter::default();

    let title_at = before
        .iter()
        .position(|line| is_title_like(line))
        .or_else(|| before.iter().position(|line| is_plain_line(line)));
    let mut body_start = 0;
    if let Some(at) = title_at {
        let (title, as_of) = split_trailing_as_of(before.get(at).copied().unwrap_or_default());
        letter.title = Some(title.to_owned());
        letter.as_of_text = as_of;
        letter.masthead = before
            .iter()
            .take(at)
            .map(|line| (*line).to_owned())
            .collect();
        body_start = at + 1;
    }
    if letter.as_of_text.is_none() {
        letter.as_of_text = before
            .iter()
            .skip(body_start)
            .chain(&captions)
            .find_map(|line| as_of_line(line));
    }

    let mut list_title = None;
    let mut body_ended = false;
    for line in before.iter().skip(body_start) {
        if as_of_line(line).is_some() {
            continue;
        }
        if is_closing_line(line) {
            body_ended = true;
            continue;
        }
        if body_ended {
            list_title.get_or_insert(*line);
        } else {
            letter.preamble.push((*line).to_owned());
        }
    }
    let caption_title = captions.iter().find(|line| is_plain_line(line)).copied();
    let (list_title, list_as_of) = match caption_title.or(list_title) {
        Some(line) => {
            let (title, as_of) = split_trailing_as_of(line);
            (Some(title), as_of)
        }
        None => (None, None),
    };
    if letter.as_of_text.is_none() {
        letter.as_of_text = list_as_of.or_else(|| {
            lines
                .header_labels
                .iter()
                .find_map(|label| split_trailing_as_of(label).1)
        });
    }

    let everything = before
        .iter()
        .chain(&captions)
        .copied()
        .chain(non_empty(&lines.elsewhere));
    for line in everything {
        read_signature_line(line, &mut letter);
    }
    if letter.title.is_none() {
        letter.title = list_title.map(str::to_owned);
    }
    letter.stated_counts = StatedCounts {
        total: stated_total(&letter.preamble),
        closed: stated_count(&letter.preamble, CLOSING_PHRASES)
            .or_else(|| counted_after(&letter.preamble, CLOSED_WORDS)),
        warning: stated_count(&letter.preamble, WARNING_PHRASES)
            .or_else(|| counted_after(&letter.preamble, WARNED_WORDS)),
    };
    letter
}

fn non_empty(lines: &[String]) -> Vec<&str> {
    lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .collect()
}

fn is_title_like(line: &str) -> bool {
    let (title, _) = split_trailing_as_of(line);
    let key = compact(title);
    key.chars().count() >= MIN_TITLE_CHARS
        && TITLE_ENDINGS.iter().any(|ending| key.ends_with(ending))
        && !is_closing_line(line)
}

/// Neither a marker, an as-of line nor a recipients/signature line.
fn is_plain_line(line: &str) -> bool {
    as_of_line(line).is_none() && !is_closing_line(line)
}

/// Lines that end the letter's body: `附件…`, `报：`, `发：`, `抄送：`,
/// `编辑：`, `签发：`, `印发`.
fn is_closing_line(line: &str) -> bool {
    let key = compact(line);
    [
        "附件",
        "报：",
        "报:",
        "报送：",
        "发：",
        "发:",
        "抄送",
        "抄报",
        "编辑",
        "签发",
        "印发",
    ]
    .iter()
    .any(|prefix| key.starts_with(prefix))
}

/// `…情况通报（截至8月底）` → (`…情况通报`, `截至8月底`).
fn split_trailing_as_of(line: &str) -> (&str, Option<String>) {
    let trimmed = line.trim();
    if let Some(open_at) = trimmed.rfind(is_open_bracket)
        && let (Some(head), Some(bracket)) = (trimmed.get(..open_at), trimmed.get(open_at..))
        && !head.trim().is_empty()
        && let Some(as_of) = as_of_line(bracket)
    {
        return (head.trim_end(), Some(as_of));
    }
    (trimmed, None)
}

/// `（截至8月底）` or a short `截止2019年8月31日` line → its text without brackets.
fn as_of_line(line: &str) -> Option<String> {
    const MAX_AS_OF_CHARS: usize = 24;
    let trimmed = line.trim();
    let inner = match trimmed.chars().next() {
        Some(open) if is_open_bracket(open) => trimmed
            .get(open.len_utf8()..)?
            .trim_end_matches(is_close_bracket),
        _ => trimmed,
    }
    .trim();
    let dated = inner.starts_with("截至") || inner.starts_with("截止");
    (dated && inner.chars().count() <= MAX_AS_OF_CHARS && !inner.ends_with('。'))
        .then(|| inner.to_owned())
}

/// Fills attachment title, recipients, editor and issuer from one line.
fn read_signature_line(line: &str, letter: &mut Letter) {
    if let Some(rest) = strip_key(line, &["附件"]) {
        let rest = rest.trim_start_matches(|c: char| ascii_digit(c).is_some());
        if let Some(title) = rest.strip_prefix(['：', ':']) {
            let title = title.trim();
            if !title.is_empty() && letter.attachment_title.is_none() {
                letter.attachment_title = Some(title.to_owned());
            }
        }
        return;
    }
    if let Some(rest) = strip_key(line, &["报：", "报:", "报送：", "报送:", "抄报：", "抄报:"])
    {
        letter
            .report_to
            .get_or_insert_with(|| trim_entry_punctuation(rest).to_owned());
        return;
    }
    if let Some(rest) = strip_key(line, &["发：", "发:", "分送：", "分送:", "抄送：", "抄送:"])
    {
        letter
            .distribute_to
            .get_or_insert_with(|| trim_entry_punctuation(rest).to_owned());
        return;
    }
    if let Some(editor) = value_after(line, &["编辑：", "编辑:"]) {
        letter.editor.get_or_insert(editor);
    }
    if let Some(issuer) = value_after(line, &["签发人：", "签发人:", "签发：", "签发:"])
    {
        letter.issuer.get_or_insert(issuer);
    }
}

fn strip_key<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
    let line = line.trim_start();
    keys.iter().find_map(|key| line.strip_prefix(key))
}

/// The name after `key` in `编辑：叶玲俐    签发：木力`: up to the next space.
fn value_after(line: &str, keys: &[&str]) -> Option<String> {
    let (at, key) = keys
        .iter()
        .find_map(|key| line.find(key).map(|at| (at, *key)))?;
    let rest = line.get(at + key.len()..)?.trim_start();
    let value = rest.split(char::is_whitespace).next()?;
    let value = trim_entry_punctuation(value);
    (!value.is_empty()).then(|| value.to_owned())
}

/// The count the body states before one of `phrases` (`等7项工作予以销号`
/// → 7), summed over every such statement; `None` when none states a count.
fn stated_count(body: &[String], phrases: &[&str]) -> Option<u32> {
    let mut total: Option<u32> = None;
    for sentence in body.iter().flat_map(|line| line.split(['。', '；', ';'])) {
        let key = compact(sentence);
        let mut searched_from = 0;
        while let Some((at, phrase)) = phrases
            .iter()
            .filter_map(|phrase| {
                key.get(searched_from..)?
                    .find(phrase)
                    .map(|at| (searched_from + at, *phrase))
            })
            .min_by_key(|(at, _)| *at)
        {
            if let Some(count) = key.get(searched_from..at).and_then(last_item_count) {
                total = Some(total.unwrap_or(0).saturating_add(count));
            }
            searched_from = at + phrase.len();
        }
    }
    total
}

/// The counts written right after one of `words` (`已销号12项` → 12), summed
/// over the body; a clause with `其中` counts a part already counted, and is
/// left out. `None` when no such count is written.
fn counted_after(body: &[String], words: &[&str]) -> Option<u32> {
    let mut total: Option<u32> = None;
    let clauses = body
        .iter()
        .flat_map(|line| line.split(['。', '；', ';', '，', ',', '、']))
        .filter(|clause| clause.contains('项'))
        .map(compact)
        .filter(|clause| !clause.contains("其中"));
    for clause in clauses {
        let count = words.iter().find_map(|word| {
            let (_, after) = clause.split_once(word)?;
            leading_item_count(after)
        });
        if let Some(count) = count {
            total = Some(total.unwrap_or(0).saturating_add(count));
        }
    }
    total
}

/// The number of tasks in all the body states: `全县32项重点工作任务中`,
/// `重点任务共45项`. A clause naming a status (`对5项工作任务予以销号`) counts
/// part of the tasks, not all of them, and is left out.
fn stated_total(body: &[String]) -> Option<u32> {
    const STATUS_WORDS: &[&str] = &["销号", "预警", "完成", "推进", "滞后", "灯", "启动"];
    body.iter()
        .flat_map(|line| line.split(['。', '；', ';', '，', ',']))
        .filter(|clause| clause.contains('项') && clause.contains("任务"))
        .map(compact)
        .filter(|clause| !STATUS_WORDS.iter().any(|word| clause.contains(word)))
        .find_map(|clause| {
            let (before, after) = clause.split_once("任务")?;
            // N项…任务: the count, then a few words naming the tasks.
            let named_after = before
                .rsplit_once('项')
                .filter(|(_, words)| words.chars().count() <= 6)
                .and_then(|(count, _)| trailing_number(count));
            // 任务…N项: the words, then the count.
            let named_before = || {
                let after = after.trim_start_matches(['共', '有', '计']);
                leading_item_count(after)
            };
            named_after.or_else(named_before)
        })
}

/// `N项` at the start of `text` (`12项` → 12, `八项` → 8).
fn leading_item_count(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(|c| is_numeral(*c)).collect();
    let rest = text.get(digits.len()..)?;
    if digits.is_empty() || !rest.starts_with('项') {
        return None;
    }
    u32::try_from(parse_integer(&digits)?).ok()
}

/// The last `N项` in `text` (`等7项工作` → 7, `十一项` → 11).
fn last_item_count(text: &str) -> Option<u32> {
    text.match_indices('项')
        .rev()
        .find_map(|(at, _)| trailing_number(text.get(..at)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn reads_a_covering_letter() {
        let letter = read_letter(&LetterLines {
            before_table: lines(&[
                "督 查 通 报",
                "第5期",
                "“三助三红”重点攻坚任务“销号”情况通报",
                "（截至8月底）",
                "为确保任务落实到位，建立通报制度。",
                "",
                "对灾后重建和消防安全整治工作等7项工作予以销号。乐清湾港区C区一期工程未能开工，予以预警。",
                "附件：“三助三红”重点攻坚任务“销号”管理清单",
                "报：市四套班子领导；",
                "发：各县（市、区）委、政府，市直有关单位",
                "编辑：叶玲俐                                    签发：木力",
                "附件",
                "“三助三红”重点攻坚任务“销号”管理清单",
            ]),
            ..LetterLines::default()
        });
        assert_eq!(
            letter.title.as_deref(),
            Some("“三助三红”重点攻坚任务“销号”情况通报")
        );
        assert_eq!(letter.masthead, ["督 查 通 报", "第5期"]);
        assert_eq!(letter.as_of_text.as_deref(), Some("截至8月底"));
        assert_eq!(letter.preamble.len(), 2);
        assert!(letter.preamble[1].starts_with("对灾后重建"));
        assert_eq!(
            letter.attachment_title.as_deref(),
            Some("“三助三红”重点攻坚任务“销号”管理清单")
        );
        assert_eq!(letter.report_to.as_deref(), Some("市四套班子领导"));
        assert_eq!(
            letter.distribute_to.as_deref(),
            Some("各县（市、区）委、政府，市直有关单位")
        );
        assert_eq!(letter.editor.as_deref(), Some("叶玲俐"));
        assert_eq!(letter.issuer.as_deref(), Some("木力"));
        assert_eq!(letter.stated_counts.closed, Some(7));
        assert_eq!(letter.stated_counts.warning, None);
    }

    #[test]
    fn sheet_title_rows_give_title_and_attachment() {
        let letter = read_letter(&LetterLines {
            before_table: Vec::new(),
            captions: lines(&["重点任务销号管理清单（截至9月底）", "附件2"]),
            elsewhere: lines(&["编辑：张三", "签发：李四"]),
            ..LetterLines::default()
        });
        assert_eq!(letter.title.as_deref(), Some("重点任务销号管理清单"));
        assert_eq!(letter.attachment_title, None);
        assert_eq!(letter.as_of_text.as_deref(), Some("截至9月底"));
        assert_eq!(letter.editor.as_deref(), Some("张三"));
        assert_eq!(letter.issuer.as_deref(), Some("李四"));
    }

    #[test]
    fn title_keeps_text_before_inline_as_of() {
        let letter = read_letter(&LetterLines {
            before_table: lines(&["重点工作任务推进情况通报（截止2019年10月31日）"]),
            ..LetterLines::default()
        });
        assert_eq!(letter.title.as_deref(), Some("重点工作任务推进情况通报"));
        assert_eq!(letter.as_of_text.as_deref(), Some("截止2019年10月31日"));
    }

    #[test]
    fn a_header_label_dates_an_undated_list() {
        let letter = read_letter(&LetterLines {
            captions: lines(&["重点工作任务清单"]),
            header_labels: lines(&["序号", "重点任务", "完成情况\n（截至2020年6月底）"]),
            ..LetterLines::default()
        });
        assert_eq!(letter.title.as_deref(), Some("重点工作任务清单"));
        assert_eq!(letter.as_of_text.as_deref(), Some("截至2020年6月底"));
    }

    #[test]
    fn copy_lines_fill_the_recipients() {
        let letter = read_letter(&LetterLines {
            before_table: lines(&[
                "关于全县重点工作任务推进情况的通报",
                "各单位要抓紧推进。",
                "抄报：县委、县人大、县政协",
                "抄送：县直各单位。",
            ]),
            ..LetterLines::default()
        });
        assert_eq!(letter.preamble, ["各单位要抓紧推进。"]);
        assert_eq!(letter.report_to.as_deref(), Some("县委、县人大、县政协"));
        assert_eq!(letter.distribute_to.as_deref(), Some("县直各单位"));
    }

    #[test]
    fn reads_the_stated_total() {
        let total = |text: &str| stated_total(&lines(&[text]));
        assert_eq!(
            total("截至9月30日，全县32项重点工作任务中，已销号12项，预警3项。"),
            Some(32)
        );
        assert_eq!(total("今年共梳理重点任务共45项，现通报如下。"), Some(45));
        assert_eq!(total("对已完成的5项工作任务予以销号。"), None);
        assert_eq!(total("确保各项工作任务按时销号。"), None);
    }

    #[test]
    fn counts_written_after_status_words() {
        let body = lines(&[
            "截至9月30日，全县32项重点工作任务中，已销号12项，阶段性销号8项，序时推进9项，预警3项。",
        ]);
        assert_eq!(counted_after(&body, CLOSED_WORDS), Some(20));
        assert_eq!(counted_after(&body, WARNED_WORDS), Some(3));
        // A part of a count already made is not added again.
        let part = lines(&["已销号十二项，其中阶段性销号8项。"]);
        assert_eq!(counted_after(&part, CLOSED_WORDS), Some(12));
        assert_eq!(
            counted_after(&lines(&["实行销号管理。"]), CLOSED_WORDS),
            None
        );
    }

    #[test]
    fn counts_stated_in_prose() {
        let body = lines(&[
            "对甲、乙等十一项工作予以“销号”，对丙等2项工作予以阶段性销号；对丁等3项予以预警。",
        ]);
        assert_eq!(stated_count(&body, CLOSING_PHRASES), Some(13));
        assert_eq!(stated_count(&body, WARNING_PHRASES), Some(3));
        assert_eq!(
            stated_count(
                &lines(&["全市完成600个避灾点，予以预警。"]),
                WARNING_PHRASES
            ),
            None
        );
    }
}

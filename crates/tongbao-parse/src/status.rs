//! What a 销号 status word means.

use tongbao_model::StatusCode;

use crate::text::{compact, is_close_bracket, is_open_bracket};

/// Status words matched against the whole compacted status text, most
/// specific first (`超期未完成` before `完成`, `未达序时进度` before `序时`).
const EXACT_WORDS: &[(&str, StatusCode)] = &[
    ("已销号", StatusCode::Closed),
    ("销号", StatusCode::Closed),
    ("予以销号", StatusCode::Closed),
    ("已完成", StatusCode::Closed),
    ("完成", StatusCode::Closed),
    ("办结", StatusCode::Closed),
    ("已办结", StatusCode::Closed),
    ("阶段性销号", StatusCode::StageClosed),
    ("阶段性完成", StatusCode::StageClosed),
    ("阶段销号", StatusCode::StageClosed),
    ("预警", StatusCode::Warning),
    ("红灯", StatusCode::Warning),
    ("亮红灯", StatusCode::Warning),
    // Traffic-light boards: red and yellow warn, green is on schedule.
    ("黄灯", StatusCode::Warning),
    ("亮黄灯", StatusCode::Warning),
    ("绿灯", StatusCode::OnTrack),
    ("亮绿灯", StatusCode::OnTrack),
    // Boards that write the light's colour alone.
    ("红", StatusCode::Warning),
    ("红色", StatusCode::Warning),
    ("黄", StatusCode::Warning),
    ("黄色", StatusCode::Warning),
    ("绿", StatusCode::OnTrack),
    ("绿色", StatusCode::OnTrack),
    ("按期推进", StatusCode::OnTrack),
    ("提前完成", StatusCode::Closed),
    ("序时推进", StatusCode::OnTrack),
    ("正常推进", StatusCode::OnTrack),
    ("按序时推进", StatusCode::OnTrack),
    ("达到序时进度", StatusCode::OnTrack),
    ("进展较快", StatusCode::OnTrack),
    ("超序时进度", StatusCode::OnTrack),
    ("进度正常", StatusCode::OnTrack),
    ("按计划推进", StatusCode::OnTrack),
    ("进展顺利", StatusCode::OnTrack),
    ("推进中", StatusCode::OnTrack),
    ("正在推进", StatusCode::OnTrack),
    ("进行中", StatusCode::OnTrack),
    ("有序推进", StatusCode::OnTrack),
    ("稳步推进", StatusCode::OnTrack),
    ("顺利推进", StatusCode::OnTrack),
    ("已完工", StatusCode::Closed),
    ("已竣工", StatusCode::Closed),
    ("按期完成", StatusCode::Closed),
    ("按时完成", StatusCode::Closed),
    ("停滞", StatusCode::Behind),
    ("黄牌", StatusCode::Warning),
    ("红牌", StatusCode::Warning),
    ("滞后", StatusCode::Behind),
    ("进度滞后", StatusCode::Behind),
    ("严重滞后", StatusCode::Behind),
    ("推进缓慢", StatusCode::Behind),
    ("进度偏慢", StatusCode::Behind),
    ("未达序时进度", StatusCode::Behind),
    ("欠进度", StatusCode::Behind),
    ("未启动", StatusCode::NotStarted),
    ("尚未启动", StatusCode::NotStarted),
    ("未开工", StatusCode::NotStarted),
    ("超期未完成", StatusCode::Overdue),
    ("逾期未完成", StatusCode::Overdue),
    ("未按期完成", StatusCode::Overdue),
    // Answers in a yes/no column (是否销号, 是否完成).
    ("是", StatusCode::Closed),
    ("√", StatusCode::Closed),
    ("✓", StatusCode::Closed),
    ("✔", StatusCode::Closed),
    ("否", StatusCode::None),
    ("未销号", StatusCode::None),
    ("未完成", StatusCode::None),
    ("暂不销号", StatusCode::None),
    ("不予销号", StatusCode::None),
    ("×", StatusCode::None),
];

/// Words distinctive enough to classify a longer status text that contains
/// them (`已预警`, `滞后（3个月）`), in order of precedence.
const CONTAINED_WORDS: &[(&str, StatusCode)] = &[
    ("超期未完成", StatusCode::Overdue),
    ("逾期未完成", StatusCode::Overdue),
    ("未按期完成", StatusCode::Overdue),
    ("阶段性", StatusCode::StageClosed),
    ("未达序时", StatusCode::Behind),
    ("欠进度", StatusCode::Behind),
    ("滞后", StatusCode::Behind),
    ("缓慢", StatusCode::Behind),
    ("偏慢", StatusCode::Behind),
    ("未启动", StatusCode::NotStarted),
    ("未开工", StatusCode::NotStarted),
    ("预警", StatusCode::Warning),
    ("红灯", StatusCode::Warning),
    ("黄灯", StatusCode::Warning),
    ("绿灯", StatusCode::OnTrack),
    ("序时", StatusCode::OnTrack),
    ("推进中", StatusCode::OnTrack),
    ("正在推进", StatusCode::OnTrack),
    ("已销号", StatusCode::Closed),
];

/// The code of a status cell's text; `None` for an empty cell, `Other` for
/// a word not known.
pub(crate) fn classify_status(raw: &str) -> StatusCode {
    let key = compact(raw);
    if key.is_empty() {
        return StatusCode::None;
    }
    if let Some(code) = exact_status(&key) {
        return code;
    }
    if let Some((_, code)) = CONTAINED_WORDS.iter().find(|(word, _)| key.contains(word)) {
        return *code;
    }
    // 已于9月20日完成, 已全面完工: done, with the when or how in between.
    let done = key.starts_with('已')
        && ["完成", "完工", "办结", "销号"]
            .iter()
            .any(|end| key.ends_with(end));
    if done {
        StatusCode::Closed
    } else {
        StatusCode::Other
    }
}

fn exact_status(key: &str) -> Option<StatusCode> {
    EXACT_WORDS
        .iter()
        .find(|(word, _)| *word == key)
        .map(|(_, code)| *code)
}

/// The status a remark states, when the remark is a status word and
/// nothing else (`已完成`, `序时推进`); ordinary remarks give `None`.
pub(crate) fn status_of_remark(remark: &str) -> Option<StatusCode> {
    exact_status(&compact(remark)).filter(|code| *code != StatusCode::None)
}

/// The status a section heading gives the tasks under it, when the heading
/// names a status and a word for tasks and nothing else (`预警任务`,
/// `已销号事项`): bulletins that sort their tasks by status into separate
/// lists write no status column. Area titles (`项目建设`) give `None`.
pub(crate) fn status_of_section(title: &str) -> Option<StatusCode> {
    const TASK_WORDS: &[&str] = &[
        "重点工作任务",
        "重点任务",
        "工作任务",
        "任务",
        "事项",
        "项目",
        "工作",
    ];
    let key = compact(title);
    let status = TASK_WORDS.iter().find_map(|word| key.strip_suffix(word))?;
    exact_status(status)
}

/// A status written inside progress text: in brackets (`80%(严重滞后)` →
/// `严重滞后`), or closing it after a label (`…。状态：预警`). Only the exact
/// status words count, so that ordinary bracketed remarks are not taken
/// for a status.
pub(crate) fn status_in_text(text: &str) -> Option<(String, StatusCode)> {
    labelled_status(text).or_else(|| bracketed_status(text))
}

/// `状态：预警`, `销号情况：已销号` ending a text.
fn labelled_status(text: &str) -> Option<(String, StatusCode)> {
    let (label, word) = text.rsplit_once(['：', ':'])?;
    let label = label.trim_end();
    if !label.ends_with("状态") && !label.ends_with("销号情况") {
        return None;
    }
    let word = word.trim().trim_end_matches(['。', '；', ';']).trim();
    let code = exact_status(&compact(word))?;
    Some((word.to_owned(), code))
}

fn bracketed_status(text: &str) -> Option<(String, StatusCode)> {
    let mut rest = text;
    let mut found = None;
    while let Some(open_at) = rest.find(is_open_bracket) {
        let after_open = rest.get(open_at..)?;
        let open_len = after_open.chars().next()?.len_utf8();
        let inner_and_rest = after_open.get(open_len..)?;
        let Some(close_at) = inner_and_rest.find(is_close_bracket) else {
            break;
        };
        let inner = inner_and_rest.get(..close_at)?.trim();
        if let Some(code) = exact_status(&compact(inner)) {
            // The last bracketed status wins: it is the latest assessment.
            found = Some((inner.to_owned(), code));
        }
        rest = inner_and_rest.get(close_at..)?;
        rest = rest.get(rest.chars().next()?.len_utf8()..)?;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_status_words() {
        for (raw, code) in [
            ("", StatusCode::None),
            ("阶段性\n“销号”", StatusCode::StageClosed),
            ("“销号”", StatusCode::Closed),
            ("已完成", StatusCode::Closed),
            ("办结", StatusCode::Closed),
            ("预警", StatusCode::Warning),
            ("亮红灯", StatusCode::Warning),
            ("按序时推进", StatusCode::OnTrack),
            ("超序时进度", StatusCode::OnTrack),
            ("未达序时进度", StatusCode::Behind),
            ("严重滞后", StatusCode::Behind),
            ("尚未启动", StatusCode::NotStarted),
            ("超期未完成", StatusCode::Overdue),
            ("逾期未完成", StatusCode::Overdue),
            ("未按期完成（征地未到位）", StatusCode::Overdue),
            ("进度正常", StatusCode::OnTrack),
            ("按计划推进", StatusCode::OnTrack),
            ("黄灯", StatusCode::Warning),
            ("亮绿灯", StatusCode::OnTrack),
            ("绿灯（正常）", StatusCode::OnTrack),
            ("提前完成", StatusCode::Closed),
            ("是", StatusCode::Closed),
            ("√", StatusCode::Closed),
            ("否", StatusCode::None),
            ("未销号", StatusCode::None),
            ("推进中", StatusCode::OnTrack),
            ("红色", StatusCode::Warning),
            ("绿", StatusCode::OnTrack),
            ("正在推进（已开工）", StatusCode::OnTrack),
            ("已竣工", StatusCode::Closed),
            ("停滞", StatusCode::Behind),
            ("黄牌", StatusCode::Warning),
            ("已于9月20日完成", StatusCode::Closed),
            ("已全面完工", StatusCode::Closed),
            ("已于8月底前阶段性销号", StatusCode::StageClosed),
            ("待定", StatusCode::Other),
            // Not done, like 未销号 and 否: no status (a 是否完成 answer).
            ("未完成", StatusCode::None),
        ] {
            assert_eq!(classify_status(raw), code, "{raw:?}");
        }
    }

    #[test]
    fn finds_bracketed_status_in_progress() {
        assert_eq!(
            status_in_text("完成投资80%(严重滞后)"),
            Some(("严重滞后".to_owned(), StatusCode::Behind))
        );
        assert_eq!(
            status_in_text("已完成（含乐清、永嘉）。（序时推进）"),
            Some(("序时推进".to_owned(), StatusCode::OnTrack))
        );
        assert_eq!(
            status_in_text("进展情况：完成投资30%。状态：预警"),
            Some(("预警".to_owned(), StatusCode::Warning))
        );
        assert_eq!(
            status_in_text("完成投资30%（滞后）。销号情况：已销号。"),
            Some(("已销号".to_owned(), StatusCode::Closed))
        );
        // A label that is no status label, or a word that is no status.
        assert_eq!(status_in_text("存在问题：资金未到位"), None);
        assert_eq!(status_in_text("状态：待研究"), None);
        assert_eq!(status_in_text("已恢复（乐清、永嘉）"), None);
        assert_eq!(status_in_text("未闭合（滞后"), None);
    }
}

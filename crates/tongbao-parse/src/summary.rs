//! Counts a summary table states: `攻坚领域 | 任务数 | 已销号 | 阶段性销号 | 预警`
//! with a `合计` row.

use tongbao_model::{StatedCounts, StatusCode, Table};

use crate::header::cell_at;
use crate::status::classify_status;
use crate::text::compact;

/// The total, closed (with stage-closed) and warned counts in `table`'s
/// total row, under columns labelled `任务数` and with status words; none
/// when the table has no status labels or no total row.
pub(crate) fn summary_counts(table: &Table) -> StatedCounts {
    let mut rows = table.rows.iter();
    let Some((header, columns)) = rows.by_ref().find_map(|row| {
        let columns: Vec<(usize, StatusCode)> = row
            .cells
            .iter()
            .filter_map(|cell| Some((cell.grid_col, counted_status(&cell.text())?)))
            .collect();
        (!columns.is_empty()).then_some((row, columns))
    }) else {
        return StatedCounts::default();
    };
    let total_column = header
        .cells
        .iter()
        .find(|cell| counts_all_tasks(&cell.text()))
        .map(|cell| cell.grid_col);
    let Some(total) = rows.find(|row| {
        row.cells
            .iter()
            .map(|cell| compact(&cell.text()))
            .find(|text| !text.is_empty())
            .is_some_and(|text| matches!(text.as_str(), "合计" | "总计"))
    }) else {
        return StatedCounts::default();
    };
    // By binary search: a hostile table may be very wide.
    let number_at = |column: usize| {
        let cell = cell_at(total, column)?;
        compact(&cell.text()).parse::<u32>().ok()
    };
    let count = |wanted: &[StatusCode]| {
        columns
            .iter()
            .filter(|(_, code)| wanted.contains(code))
            .filter_map(|(column, _)| number_at(*column))
            .reduce(u32::saturating_add)
    };
    StatedCounts {
        total: total_column.and_then(number_at),
        closed: count(&[StatusCode::Closed, StatusCode::StageClosed]),
        warning: count(&[StatusCode::Warning]),
    }
}

/// A column of all tasks: `任务数`, `任务总数`, `总数`.
fn counts_all_tasks(label: &str) -> bool {
    let label = compact(label);
    label.contains("任务数") || label.contains("任务总数") || label == "总数" || label == "项数"
}

/// The status a count column's label names: `已销号`, `阶段性销号（项）`,
/// `预警数`.
fn counted_status(label: &str) -> Option<StatusCode> {
    let label = compact(label);
    let word = ["（项）", "(项)", "项数", "数", "项"]
        .iter()
        .find_map(|unit| label.strip_suffix(unit))
        .unwrap_or(&label);
    let code = classify_status(word);
    matches!(
        code,
        StatusCode::Closed | StatusCode::StageClosed | StatusCode::Warning
    )
    .then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tongbao_model::{Cell, Paragraph, Row};

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            name: None,
            rows: rows
                .iter()
                .map(|texts| Row {
                    cells: texts
                        .iter()
                        .enumerate()
                        .map(|(col, text)| Cell::new(col, vec![Paragraph::new(*text)]))
                        .collect(),
                    repeats_as_header: false,
                })
                .collect(),
        }
    }

    #[test]
    fn reads_the_total_row_under_status_labels() {
        let counts = summary_counts(&table(&[
            &[
                "攻坚领域",
                "任务数",
                "已销号",
                "阶段性销号（项）",
                "序时推进",
                "预警数",
            ],
            &["城乡建设", "5", "2", "1", "2", "0"],
            &["合 计", "9", "3", "2", "3", "1"],
        ]));
        assert_eq!(counts.total, Some(9));
        assert_eq!(counts.closed, Some(5));
        assert_eq!(counts.warning, Some(1));
    }

    #[test]
    fn needs_status_labels_and_a_total_row() {
        let without_total = table(&[&["领域", "已销号"], &["城乡建设", "2"]]);
        assert_eq!(summary_counts(&without_total), StatedCounts::default());
        let tasks = table(&[&["序号", "重点工作任务"], &["合计", "完成"]]);
        assert_eq!(summary_counts(&tasks), StatedCounts::default());
    }
}

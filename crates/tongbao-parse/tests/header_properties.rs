//! Property tests for header matching, driven by a small deterministic PRNG
//! (splitmix64): the task table is found whatever the column order and the
//! spelling of its header labels, and random grids never panic the parser.

#[allow(dead_code)] // helpers shared with the other parser tests
mod support;

use std::panic::{AssertUnwindSafe, catch_unwind};

use support::{document, source, table};
use tongbao_model::{Block, StatusCode};

const CASES: u64 = 400;

/// Seeded picks on fastrand's generator: every run tests the same cases.
struct Rng(fastrand::Rng);

impl Rng {
    fn below(&mut self, bound: usize) -> usize {
        self.0.usize(..bound.max(1))
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        self.0.shuffle(items);
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Column {
    Task,
    Units,
    Progress,
    Status,
}

/// A header label as offices write it: a synonym, maybe padded with
/// spaces (ASCII or ideographic) or broken over two lines.
fn label(column: Column, rng: &mut Rng) -> String {
    let synonyms: &[&str] = match column {
        Column::Task => &["重点工作任务", "工作任务", "主要工作任务", "目标任务"],
        Column::Units => &["责任单位", "责任部门", "责任主体"],
        Column::Progress => &["完成情况", "进展情况", "落实进展情况", "推进情况"],
        Column::Status => &["“销号”\n状态", "销号状态", "状态", "“销号”状态"],
    };
    let word = rng.pick(synonyms);
    match rng.below(4) {
        0 => format!(" {word} "),
        1 => format!("\u{3000}{word}"),
        _ => word.to_owned(),
    }
}

fn cell_text(column: Column, no: usize) -> String {
    match column {
        Column::Task => format!("{no}．完成第{no}项工作。"),
        Column::Units => format!("单位{no}甲\n单位{no}乙"),
        Column::Progress => format!("已完成{no}0%。"),
        Column::Status => if no.is_multiple_of(2) {
            "“销号”"
        } else {
            "预警"
        }
        .to_owned(),
    }
}

#[test]
fn task_table_is_found_in_any_column_order_and_label_spelling() {
    let mut rng = Rng(fastrand::Rng::with_seed(0x4845_4144_4552));
    for case in 0..CASES {
        let mut columns = [
            Column::Task,
            Column::Units,
            Column::Progress,
            Column::Status,
        ];
        rng.shuffle(&mut columns);
        let header: Vec<String> = columns
            .iter()
            .map(|&column| label(column, &mut rng))
            .collect();
        let rows = 1 + rng.below(5);
        let mut grid: Vec<Vec<String>> = vec![header.clone()];
        for no in 1..=rows {
            grid.push(
                columns
                    .iter()
                    .map(|&column| cell_text(column, no))
                    .collect(),
            );
        }
        let grid_refs: Vec<Vec<&str>> = grid
            .iter()
            .map(|row| row.iter().map(String::as_str).collect())
            .collect();
        let slices: Vec<&[&str]> = grid_refs.iter().map(Vec::as_slice).collect();
        let bulletin =
            tongbao_parse::parse(&document(vec![Block::Table(table(&slices))]), source())
                .unwrap_or_else(|error| panic!("case {case}, header {header:?}: {error}"));
        assert_eq!(bulletin.tasks.len(), rows, "case {case}, header {header:?}");
        for (index, task) in bulletin.tasks.iter().enumerate() {
            let no = index + 1;
            assert_eq!(task.no as usize, no, "case {case}");
            assert_eq!(
                task.text,
                format!("完成第{no}项工作。"),
                "case {case}, {header:?}"
            );
            assert_eq!(
                task.units,
                [format!("单位{no}甲"), format!("单位{no}乙")],
                "case {case}"
            );
            let expected = if no.is_multiple_of(2) {
                StatusCode::Closed
            } else {
                StatusCode::Warning
            };
            assert_eq!(task.status.code, expected, "case {case}, header {header:?}");
        }
    }
}

/// Words that look like headers, numbers and statuses, so that random grids
/// reach deep into the parser rather than failing at the first look.
const VOCABULARY: &[&str] = &[
    "",
    " ",
    "序号",
    "任务",
    "责任单位",
    "牵头单位",
    "配合单位",
    "完成情况",
    "状态",
    "销号",
    "备注",
    "时限",
    "责任领导",
    "一、",
    "1．",
    "1.",
    "（1）",
    "①",
    "市某局",
    "预警",
    "“销号”",
    "阶段性“销号”",
    "9月底前",
    "截至8月底",
    "1.5亿元",
    "93.23%",
    "\n",
    "、",
    "；",
    "^",
    "<",
];

#[test]
fn random_grids_end_in_ok_or_an_error_without_panic() {
    let mut rng = Rng(fastrand::Rng::with_seed(0x6772_6964));
    for case in 0..CASES {
        let width = 1 + rng.below(7);
        let height = 1 + rng.below(8);
        let mut grid: Vec<Vec<String>> = Vec::new();
        for row in 0..height {
            let mut cells = Vec::new();
            for col in 0..width {
                let mut text: String = (0..rng.below(3)).map(|_| rng.pick(VOCABULARY)).collect();
                // The grid builder's merge markers need a cell to merge with.
                let marker = text == support::UP || text == support::LEFT;
                if marker && (row == 0 || col == 0) {
                    text.clear();
                }
                cells.push(text);
            }
            grid.push(cells);
        }
        let grid_refs: Vec<Vec<&str>> = grid
            .iter()
            .map(|row| row.iter().map(String::as_str).collect())
            .collect();
        let slices: Vec<&[&str]> = grid_refs.iter().map(Vec::as_slice).collect();
        let Ok(built) = catch_unwind(|| table(&slices)) else {
            continue; // a grid the test builder cannot express
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            tongbao_parse::parse(&document(vec![Block::Table(built)]), source())
        }));
        assert!(outcome.is_ok(), "case {case} panicked on {grid:?}");
    }
}

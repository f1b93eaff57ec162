//! Builders for hand-made neutral documents.

use tongbao_model::{
    Block, Bulletin, Cell, CellPos, Document, Paragraph, Properties, Row, Source, SourceFormat,
    Table,
};

/// Marks a cell continuing the vertical merge of the cell above.
pub const UP: &str = "^";
/// Marks a grid column covered by the cell to its left (a horizontal span).
pub const LEFT: &str = "<";

/// A table from a grid of strings. Each string is a cell whose paragraphs
/// are its `\n`-separated lines; [`UP`] continues the merge from above,
/// [`LEFT`] widens the cell on the left.
pub fn table(grid: &[&[&str]]) -> Table {
    let mut rows: Vec<Row> = Vec::new();
    for (row_index, texts) in grid.iter().enumerate() {
        let mut cells: Vec<Cell> = Vec::new();
        for (col, text) in texts.iter().enumerate() {
            match *text {
                LEFT => {
                    cells
                        .last_mut()
                        .expect("LEFT needs a cell on its left")
                        .col_span += 1
                }
                UP => {
                    let origin_row = (0..row_index)
                        .rev()
                        .find(|r| grid[*r][col] != UP)
                        .expect("UP needs a cell above");
                    let origin = rows[origin_row]
                        .cells
                        .iter_mut()
                        .find(|cell| cell.grid_col == col)
                        .expect("origin cell");
                    origin.row_span += 1;
                    cells.push(Cell {
                        grid_col: col,
                        col_span: origin.col_span,
                        row_span: 1,
                        merged_from: Some(CellPos {
                            row: origin_row,
                            grid_col: col,
                        }),
                        paragraphs: Vec::new(),
                    });
                }
                _ => cells.push(Cell::new(col, paragraphs(text))),
            }
        }
        rows.push(Row {
            cells,
            repeats_as_header: false,
        });
    }
    Table { name: None, rows }
}

/// `\n`-separated paragraphs; an empty string is one empty paragraph.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    text.split('\n').map(Paragraph::new).collect()
}

pub fn para(text: &str) -> Block {
    Block::Paragraph(Paragraph::new(text))
}

pub fn document(blocks: Vec<Block>) -> Document {
    Document {
        format: SourceFormat::Docx,
        blocks,
        properties: Properties::default(),
        diagnostics: Vec::new(),
    }
}

pub fn source() -> Source {
    Source {
        file: "test.docx".to_owned(),
        format: SourceFormat::Docx,
        sha256: String::new(),
        sheet: None,
        created: None,
        modified: None,
    }
}

pub fn parse_blocks(blocks: Vec<Block>) -> Bulletin {
    tongbao_parse::parse(&document(blocks), source()).expect("parses")
}

pub fn parse_table(grid: &[&[&str]]) -> Bulletin {
    parse_blocks(vec![Block::Table(table(grid))])
}

/// Each diagnostic as `code` (task number) for compact assertions.
pub fn diagnostic_codes(bulletin: &Bulletin) -> Vec<(String, Option<u32>)> {
    bulletin
        .diagnostics
        .iter()
        .map(|d| (d.code.clone(), d.task_no))
        .collect()
}

/// Each progress item as `label|text`.
pub fn progress_strings(bulletin: &Bulletin, task: usize) -> Vec<String> {
    bulletin.tasks[task]
        .progress
        .iter()
        .map(|item| format!("{}|{}", item.label.as_deref().unwrap_or(""), item.text))
        .collect()
}

//! Renders a fixture description as a .docx with docx-rs.

use docx_rs::{
    AbstractNumbering, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, Start, Table, TableCell, TableRow, VMergeType,
};

use crate::spec::{CellSpec, Merge, Part, TableSpec, width};

/// The numbering instance task cells use: `1．`, `2．`, … continuing over the document.
const TASK_NUMBERING: usize = 2;
/// Fixed package dates keep the bytes stable between runs.
const PACKAGE_DATE: &str = "2020-10-09T09:00:00Z";
/// Column width in twips (~3 cm); Word recomputes the layout anyway.
const COLUMN_TWIPS: usize = 1700;

pub fn render(parts: &[Part]) -> anyhow::Result<Vec<u8>> {
    let mut docx = Docx::new()
        .created_at(PACKAGE_DATE)
        .updated_at(PACKAGE_DATE)
        .add_abstract_numbering(AbstractNumbering::new(TASK_NUMBERING).add_level(Level::new(
            0,
            Start::new(1),
            NumberFormat::new("decimal"),
            LevelText::new("%1．"),
            LevelJc::new("left"),
        )))
        .add_numbering(Numbering::new(TASK_NUMBERING, TASK_NUMBERING));
    for part in parts {
        docx = match part {
            Part::Paragraph(text) => docx.add_paragraph(text_paragraph(text)),
            Part::PageBreak => {
                docx.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
            }
            Part::Table(table) => docx.add_table(word_table(table)),
            Part::Frame(parts) => docx.add_table(frame_table(parts)),
        };
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut bytes)?;
    Ok(bytes.into_inner())
}

/// A one-cell table holding `parts` (paragraphs and tables; page breaks
/// and frames inside a frame are not drawn).
fn frame_table(parts: &[Part]) -> Table {
    let mut cell = TableCell::new();
    for part in parts {
        cell = match part {
            Part::Paragraph(text) => cell.add_paragraph(text_paragraph(text)),
            Part::Table(table) => cell.add_table(word_table(table)),
            Part::PageBreak | Part::Frame(_) => cell,
        };
    }
    // Word requires a cell to end with a paragraph.
    cell = cell.add_paragraph(Paragraph::new());
    Table::new(vec![TableRow::new(vec![cell])]).set_grid(vec![COLUMN_TWIPS * 6])
}

fn text_paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn word_table(table: &TableSpec) -> Table {
    let rows = table
        .iter()
        .filter(|row| !row.is_empty())
        .map(|row| TableRow::new(row.iter().map(word_cell).collect()))
        .collect();
    Table::new(rows).set_grid(vec![COLUMN_TWIPS; width(table)])
}

fn word_cell(spec: &CellSpec) -> TableCell {
    let mut cell = TableCell::new();
    for (index, text) in spec.paragraphs.iter().enumerate() {
        let mut paragraph = text_paragraph(text);
        if spec.auto_number && index == 0 {
            paragraph = paragraph.numbering(NumberingId::new(TASK_NUMBERING), IndentLevel::new(0));
        }
        cell = cell.add_paragraph(paragraph);
    }
    if spec.paragraphs.is_empty() {
        // Word requires a paragraph in every cell.
        cell = cell.add_paragraph(Paragraph::new());
    }
    if spec.span > 1 {
        cell = cell.grid_span(spec.span);
    }
    match spec.merge {
        Merge::None => cell,
        Merge::Restart => cell.vertical_merge(VMergeType::Restart),
        Merge::Continue => cell.vertical_merge(VMergeType::Continue),
    }
}

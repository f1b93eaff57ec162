//! The neutral document model: what every format reader produces.

use serde::{Deserialize, Serialize};

use crate::Diagnostic;

/// The container a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Office Open XML word-processing document.
    Docx,
    /// Office Open XML workbook.
    Xlsx,
    /// Office Open XML workbook with macros.
    Xlsm,
    /// Legacy Excel 97-2003 (BIFF8) workbook.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
}

impl SourceFormat {
    /// The lowercase name, as written in JSON (`"docx"`).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Docx => "docx",
            SourceFormat::Xlsx => "xlsx",
            SourceFormat::Xlsm => "xlsm",
            SourceFormat::Xls => "xls",
            SourceFormat::Ods => "ods",
        }
    }
}

impl std::fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A document as a reader sees it: blocks in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The container format the reader detected (from the bytes, not the name).
    pub format: SourceFormat,
    /// Paragraphs and tables in document order. A workbook yields one table
    /// per non-empty sheet and no paragraphs.
    pub blocks: Vec<Block>,
    /// Package properties (`docProps/core.xml` and the like).
    pub properties: Properties,
    /// What the reader tolerated or skipped (embedded content, unknown markup).
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// The tables, in document order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Table(table) => Some(table),
            Block::Paragraph(_) => None,
        })
    }
}

/// Package-level metadata. Dates are kept as written (W3CDTF, e.g.
/// `2019-09-04T09:30:00Z`); the normalizer decides what they mean.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Properties {
    pub title: Option<String>,
    pub created: Option<String>,
    pub modified: Option<String>,
}

/// One top-level element of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A paragraph of text. Runs are already joined; tabs are `\t`, manual line
/// breaks `\n`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's own text, without any automatic list number.
    pub text: String,
    /// The number Word would render in front of the text for an
    /// auto-numbered paragraph (`"1．"`, `"一、"`), when there is one.
    pub list_label: Option<String>,
}

impl Paragraph {
    /// A paragraph with text and no list label.
    pub fn new(text: impl Into<String>) -> Paragraph {
        Paragraph {
            text: text.into(),
            list_label: None,
        }
    }

    /// The text as a reader of the printed page sees it: list label, then text.
    pub fn display_text(&self) -> String {
        match &self.list_label {
            Some(label) => format!("{label}{}", self.text),
            None => self.text.clone(),
        }
    }
}

/// A table: rows of cells placed on a column grid.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The sheet name for a workbook; `None` for a Word table.
    pub name: Option<String>,
    pub rows: Vec<Row>,
}

/// One table row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// Cells in grid order. Grid columns covered by `gridBefore`/`gridAfter`
    /// or by a horizontal span have no cell of their own.
    pub cells: Vec<Cell>,
    /// Word's `w:tblHeader`: the row repeats at the top of every page.
    pub repeats_as_header: bool,
}

impl Row {
    /// The cell covering grid column `grid_col`, if any.
    pub fn cell_at(&self, grid_col: usize) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|cell| cell.grid_col <= grid_col && grid_col < cell.grid_col + cell.col_span)
    }
}

/// Where a cell sits: row index within its table and first grid column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellPos {
    pub row: usize,
    pub grid_col: usize,
}

/// One table cell.
///
/// Merges are resolved the same way for every format: the first cell of a
/// vertical merge has `row_span > 1`; each cell it covers below has
/// `merged_from` pointing back at it (and usually no paragraphs).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// First grid column the cell covers (0-based).
    pub grid_col: usize,
    /// Number of grid columns covered (`w:gridSpan`, or a merged region's width).
    pub col_span: usize,
    /// Number of rows covered when this cell starts a vertical merge; 1 otherwise.
    pub row_span: usize,
    /// For a cell continuing a vertical merge: the cell that started it.
    pub merged_from: Option<CellPos>,
    pub paragraphs: Vec<Paragraph>,
}

impl Cell {
    /// A plain one-by-one cell.
    pub fn new(grid_col: usize, paragraphs: Vec<Paragraph>) -> Cell {
        Cell {
            grid_col,
            col_span: 1,
            row_span: 1,
            merged_from: None,
            paragraphs,
        }
    }

    /// All paragraphs' display text joined with `\n`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if let Some(label) = &paragraph.list_label {
                out.push_str(label);
            }
            out.push_str(&paragraph.text);
        }
        out
    }
}

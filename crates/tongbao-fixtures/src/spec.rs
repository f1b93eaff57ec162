//! A format-neutral description of a fixture: paragraphs and tables of
//! cells with spans and vertical merges, rendered to Word and Excel alike.

/// How a cell takes part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    None,
    /// First cell of a vertical merge.
    Restart,
    /// Covered by the cell above (no text of its own).
    Continue,
}

#[derive(Debug, Clone)]
pub struct CellSpec {
    /// One entry per paragraph (Word) or line (Excel).
    pub paragraphs: Vec<String>,
    pub span: usize,
    pub merge: Merge,
    /// Word only: the first paragraph carries the task auto-numbering.
    pub auto_number: bool,
}

/// A row of cells in grid order; an empty row is a blank spreadsheet row.
pub type RowSpec = Vec<CellSpec>;
pub type TableSpec = Vec<RowSpec>;

/// One top-level element of a Word fixture.
#[derive(Debug, Clone)]
pub enum Part {
    Paragraph(String),
    PageBreak,
    Table(TableSpec),
    /// A one-cell table framing the page, holding these paragraphs and tables.
    Frame(Vec<Part>),
}

/// A plain cell; `\n` separates paragraphs.
pub fn c(text: &str) -> CellSpec {
    CellSpec {
        paragraphs: text.split('\n').map(str::to_owned).collect(),
        span: 1,
        merge: Merge::None,
        auto_number: false,
    }
}

/// A cell spanning `span` grid columns.
pub fn span(text: &str, span: usize) -> CellSpec {
    CellSpec { span, ..c(text) }
}

/// The first cell of a vertical merge.
pub fn restart(text: &str) -> CellSpec {
    CellSpec {
        merge: Merge::Restart,
        ..c(text)
    }
}

/// A cell continuing the vertical merge above it.
pub fn cont() -> CellSpec {
    CellSpec {
        paragraphs: Vec::new(),
        span: 1,
        merge: Merge::Continue,
        auto_number: false,
    }
}

/// A task cell whose number comes from Word's auto-numbering.
pub fn numbered(text: &str) -> CellSpec {
    CellSpec {
        auto_number: true,
        ..c(text)
    }
}

/// A row of plain cells.
pub fn row(texts: &[&str]) -> RowSpec {
    texts.iter().map(|text| c(text)).collect()
}

/// Grid columns a table covers.
pub fn width(table: &TableSpec) -> usize {
    table
        .iter()
        .map(|row| row.iter().map(|cell| cell.span).sum::<usize>())
        .max()
        .unwrap_or(0)
}

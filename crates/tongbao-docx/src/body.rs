//! One streaming pass over `word/document.xml`: paragraphs and tables in
//! reading order, with the text Word would show.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use tongbao_model::{Block, Cell, CellPos, Paragraph, ReadLimits, Row, Table};
use tongbao_package::xml::Element;

use crate::DocxError;
use crate::markup::{Ns, WordEvent, WordReader};
use crate::numbering::ListCounters;
use crate::styles::Styles;
use crate::symbols::symbol_char;
use crate::values::{lenient_count, on_off};

/// Widest horizontal span or grid offset believed; Word allows 63 columns.
const MAX_GRID_SPAN: usize = 1000;
/// Deepest nesting of complex fields tracked; deeper `begin`s are ignored.
const MAX_FIELD_NESTING: usize = 64;

/// Word elements whose whole content is not part of the visible text:
/// formatting, deleted or moved-away revisions, field instructions, old
/// property versions, content-control settings and ruby guide text.
const SKIPPED: &[&[u8]] = &[
    b"rPr",
    b"sectPr",
    b"tblPr",
    b"tblGrid",
    b"tblPrEx",
    b"sdtEndPr",
    b"del",
    b"delText",
    b"delInstrText",
    b"moveFrom",
    b"instrText",
    b"pPrChange",
    b"rPrChange",
    b"tcPrChange",
    b"trPrChange",
    b"tblPrChange",
    b"tblGridChange",
    b"sectPrChange",
    b"numberingChange",
    b"smartTagPr",
    b"customXmlPr",
    b"rt",
    b"fldData",
];

static VANISH: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"vanish"));
static SHOWING_PLACEHOLDER: LazyLock<Finder<'static>> =
    LazyLock::new(|| Finder::new(b"showingPlcHdr"));

/// What the reader found besides the blocks.
pub(crate) struct Body {
    pub(crate) blocks: Vec<Block>,
    /// How many `w:altChunk` (embedded foreign documents) were skipped.
    pub(crate) skipped_alt_chunks: usize,
}

/// An open element that matters for the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Table(TableLevel),
    Row,
    RowProperties,
    Cell,
    CellProperties,
    Paragraph,
    ParagraphProperties,
    NumberingProperties,
    Run,
    /// A run's `rPr` that holds `vanish` (hidden text); any other is skipped.
    RunProperties,
    /// A content control (`w:sdt`), whose content may be placeholder text.
    ContentControl,
    /// A content control's `sdtPr` that holds `showingPlcHdr`.
    ContentControlProperties,
    Text,
    /// Any other element: its content is read as if it were not there.
    Transparent,
}

/// Where a table sits, which decides what becomes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableLevel {
    /// In the body: a table of the document.
    Top,
    /// Directly in a top-level table's cell: flattened into that cell, and
    /// kept whole too, in case the outer table only frames the page.
    Captured,
    /// Deeper, or inside a paragraph (a text box): flattened into the cell.
    Flattened,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum MergeMark {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldPart {
    Instruction,
    Result,
}

#[derive(Default)]
struct ParagraphBuilder {
    text: String,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    /// Finished paragraphs of text boxes anchored in this one; they follow it.
    anchored: Vec<Paragraph>,
}

struct CellBuilder {
    paragraphs: Vec<Paragraph>,
    /// Tables captured in this cell, with the paragraphs of `paragraphs`
    /// they were flattened into.
    captured: Vec<CapturedTable>,
    col_span: usize,
    vertical_merge: MergeMark,
    /// Legacy `w:hMerge` continuation: this cell widens the one before it.
    continues_horizontally: bool,
}

impl Default for CellBuilder {
    fn default() -> CellBuilder {
        CellBuilder {
            paragraphs: Vec::new(),
            captured: Vec::new(),
            col_span: 1,
            vertical_merge: MergeMark::None,
            continues_horizontally: false,
        }
    }
}

#[derive(Default)]
struct RowBuilder {
    cells: Vec<Cell>,
    /// The vertical-merge mark of each cell in `cells`.
    vertical_merges: Vec<MergeMark>,
    next_grid_col: usize,
    repeats_as_header: bool,
    /// `w:trPr/w:del`: the row is a tracked deletion, gone from what Word
    /// shows once changes are accepted, as deleted text is.
    deleted: bool,
    cell: Option<CellBuilder>,
    /// Each finished cell's captured tables, by index in `cells`.
    captured: Vec<(usize, Vec<CapturedTable>)>,
}

#[derive(Default)]
struct TableBuilder {
    rows: Vec<Row>,
    row: Option<RowBuilder>,
    /// Captured tables by row index in `rows` and cell index in the row.
    captured: Vec<(usize, usize, Vec<CapturedTable>)>,
    /// A finished row has other than one cell: the table frames nothing,
    /// so tables nested in it need not be kept whole.
    has_wide_row: bool,
}

/// A table nested directly in a top-level cell, kept whole.
struct CapturedTable {
    /// The cell paragraphs it was flattened into.
    paragraphs: std::ops::Range<usize>,
    table: Table,
}

/// A table being captured, and where its paragraphs start in the outer cell.
struct Capture {
    builder: TableBuilder,
    first_paragraph: usize,
}

struct BodyReader<'s, 'n> {
    part: &'static str,
    limits: ReadLimits,
    styles: &'s Styles,
    counters: ListCounters<'n>,
    blocks: Vec<Block>,
    /// The table nested in the open top-level cell, while it is read.
    capture: Option<Capture>,
    frames: Vec<Frame>,
    paragraphs: Vec<ParagraphBuilder>,
    /// Open tables, flattened ones included.
    table_depth: usize,
    /// The open top-level table.
    table: Option<TableBuilder>,
    fields: Vec<FieldPart>,
    skipped_alt_chunks: usize,
    rows_read: usize,
    cells_read: usize,
    paragraphs_read: usize,
    /// The open run is hidden text (`w:rPr/w:vanish`): Word does not show it.
    hidden_run: bool,
    /// For each open content control, whether it shows its placeholder
    /// (`单击或点击此处输入文字。`) instead of content; `None` for one that
    /// wraps rows or cells, whose structure is always read.
    content_controls: Vec<Option<bool>>,
}

pub(crate) fn read_body(
    xml: &[u8],
    part: &'static str,
    limits: &ReadLimits,
    styles: &Styles,
    counters: ListCounters<'_>,
) -> Result<Body, DocxError> {
    let mut reader = WordReader::new(xml, part, limits.max_xml_depth);
    let mut body = BodyReader {
        part,
        limits: *limits,
        styles,
        counters,
        blocks: Vec::new(),
        capture: None,
        frames: Vec::new(),
        paragraphs: Vec::new(),
        table_depth: 0,
        table: None,
        fields: Vec::new(),
        skipped_alt_chunks: 0,
        rows_read: 0,
        cells_read: 0,
        paragraphs_read: 0,
        hidden_run: false,
        content_controls: Vec::new(),
    };
    loop {
        match reader.next_event()? {
            WordEvent::Start(element) => match body.open(&reader, &element)? {
                // Run properties are formatting but for `vanish`: only those
                // holding the word are read.
                Some(Frame::RunProperties) => {
                    if !reader.skip_element_unless_it_holds(&VANISH)? {
                        body.frames.push(Frame::RunProperties);
                    }
                }
                // So are a content control's, but for `showingPlcHdr`.
                Some(Frame::ContentControlProperties) => {
                    if !reader.skip_element_unless_it_holds(&SHOWING_PLACEHOLDER)? {
                        body.frames.push(Frame::ContentControlProperties);
                    }
                }
                Some(frame) => body.frames.push(frame),
                None => reader.skip_element()?,
            },
            WordEvent::End => {
                if let Some(frame) = body.frames.pop() {
                    body.close(frame)?;
                }
            }
            WordEvent::Text(text) => {
                if body.frames.last() == Some(&Frame::Text) {
                    body.push_text(&text);
                }
            }
            WordEvent::Eof => {
                return Ok(Body {
                    blocks: body.blocks,
                    skipped_alt_chunks: body.skipped_alt_chunks,
                });
            }
        }
    }
}

impl BodyReader<'_, '_> {
    /// The frame for an opened element, or `None` to skip its content.
    fn open(
        &mut self,
        reader: &WordReader<'_>,
        element: &Element<'_, Ns>,
    ) -> Result<Option<Frame>, DocxError> {
        if element.namespace != Some(Ns::Word) {
            return Ok(Some(Frame::Transparent));
        }
        let parent = self.frames.last().copied();
        let value = || reader.attribute(element, b"val");
        let frame = match (parent, element.local_name()) {
            (_, b"tbl") => {
                let level = if self.table_depth == 0 && self.paragraphs.is_empty() {
                    self.table = Some(TableBuilder::default());
                    TableLevel::Top
                } else if let Some(first_paragraph) = self.capture_point() {
                    self.capture = Some(Capture {
                        builder: TableBuilder::default(),
                        first_paragraph,
                    });
                    TableLevel::Captured
                } else {
                    TableLevel::Flattened
                };
                self.table_depth += 1;
                Frame::Table(level)
            }
            (_, b"tr") if self.building().is_some() => {
                if let Some(table) = self.building() {
                    table.row = Some(RowBuilder::default());
                }
                Frame::Row
            }
            (Some(Frame::Row), b"trPr") => Frame::RowProperties,
            (Some(Frame::RowProperties), b"tblHeader") => {
                let repeats = on_off(value()?.as_deref());
                if let Some(row) = self.row_mut() {
                    row.repeats_as_header = repeats;
                }
                Frame::Transparent
            }
            (Some(Frame::RowProperties), b"del") => {
                if let Some(row) = self.row_mut() {
                    row.deleted = true;
                }
                return Ok(None);
            }
            (Some(Frame::RowProperties), b"gridBefore") => {
                let skipped = grid_count(value()?.as_deref()).unwrap_or(0);
                if let Some(row) = self.row_mut() {
                    row.next_grid_col = skipped;
                }
                Frame::Transparent
            }
            (_, b"tc") if self.has_open_row() => {
                if let Some(row) = self.row_mut() {
                    row.cell = Some(CellBuilder::default());
                }
                Frame::Cell
            }
            (Some(Frame::Cell), b"tcPr") => Frame::CellProperties,
            (Some(Frame::CellProperties), name @ (b"gridSpan" | b"vMerge" | b"hMerge")) => {
                let value = value()?;
                if let Some(cell) = self.row_mut().and_then(|row| row.cell.as_mut()) {
                    match name {
                        b"gridSpan" => {
                            cell.col_span = grid_count(value.as_deref()).unwrap_or(1).max(1)
                        }
                        b"vMerge" => cell.vertical_merge = merge_mark(value.as_deref()),
                        _ => {
                            cell.continues_horizontally =
                                merge_mark(value.as_deref()) == MergeMark::Continue
                        }
                    }
                }
                Frame::Transparent
            }
            (_, b"p") => {
                self.paragraphs.push(ParagraphBuilder::default());
                Frame::Paragraph
            }
            (Some(Frame::Paragraph), b"pPr") => Frame::ParagraphProperties,
            (Some(Frame::ParagraphProperties), b"pStyle") => {
                let style = value()?;
                if let Some(paragraph) = self.paragraphs.last_mut() {
                    paragraph.style = style;
                }
                Frame::Transparent
            }
            (Some(Frame::ParagraphProperties), b"numPr") => Frame::NumberingProperties,
            (Some(Frame::NumberingProperties), name @ (b"numId" | b"ilvl")) => {
                let number = value()?.as_deref().and_then(lenient_count);
                if let Some(paragraph) = self.paragraphs.last_mut() {
                    if name == b"numId" {
                        paragraph.num_id = number;
                    } else {
                        paragraph.ilvl = number.and_then(|ilvl| u8::try_from(ilvl).ok());
                    }
                }
                Frame::Transparent
            }
            (_, b"sdt") => {
                let wraps_structure = matches!(parent, Some(Frame::Row | Frame::Table(_)));
                self.content_controls
                    .push((!wraps_structure).then_some(false));
                Frame::ContentControl
            }
            (Some(Frame::ContentControl), b"sdtPr") => Frame::ContentControlProperties,
            (Some(Frame::ContentControlProperties), b"showingPlcHdr") => {
                let showing = on_off(value()?.as_deref());
                if let Some(Some(placeholder)) = self.content_controls.last_mut() {
                    *placeholder = showing;
                }
                Frame::Transparent
            }
            (Some(Frame::ContentControlProperties), _) => return Ok(None),
            // Placeholder text is a prompt to fill in, not content.
            (Some(Frame::ContentControl), b"sdtContent")
                if self.content_controls.last() == Some(&Some(true)) =>
            {
                return Ok(None);
            }
            (_, b"r") => {
                self.hidden_run = false;
                Frame::Run
            }
            (Some(Frame::Run), b"rPr") => Frame::RunProperties,
            (Some(Frame::RunProperties), b"vanish") => {
                self.hidden_run = on_off(value()?.as_deref());
                Frame::Transparent
            }
            (Some(Frame::RunProperties), _) => return Ok(None),
            (Some(Frame::Run), b"t") => Frame::Text,
            (Some(Frame::Run), b"tab" | b"ptab") => {
                self.push_text("\t");
                Frame::Transparent
            }
            (Some(Frame::Run), b"br" | b"cr") => {
                self.push_text("\n");
                Frame::Transparent
            }
            (Some(Frame::Run), b"noBreakHyphen") => {
                self.push_text("\u{2011}");
                Frame::Transparent
            }
            (Some(Frame::Run), b"sym") => {
                let font = reader.attribute(element, b"font")?;
                let code = reader.attribute(element, b"char")?;
                let character = code
                    .and_then(|code| u32::from_str_radix(code.trim(), 16).ok())
                    .and_then(|code| symbol_char(font.as_deref(), code));
                if let Some(character) = character {
                    self.push_text(character.encode_utf8(&mut [0; 4]));
                }
                Frame::Transparent
            }
            (Some(Frame::Run), b"fldChar") => {
                self.field_char(reader.attribute(element, b"fldCharType")?.as_deref());
                Frame::Transparent
            }
            (_, b"altChunk") => {
                self.skipped_alt_chunks += 1;
                return Ok(None);
            }
            (_, name) if SKIPPED.contains(&name) => return Ok(None),
            _ => Frame::Transparent,
        };
        Ok(Some(frame))
    }

    fn close(&mut self, frame: Frame) -> Result<(), DocxError> {
        match frame {
            Frame::Table(level) => {
                self.table_depth = self.table_depth.saturating_sub(1);
                match level {
                    TableLevel::Top => {
                        if let Some(table) = self.table.take() {
                            self.finish_top_table(table);
                        }
                    }
                    TableLevel::Captured => self.finish_captured_table(),
                    TableLevel::Flattened => {}
                }
            }
            Frame::Row => self.finish_row()?,
            Frame::Cell => self.finish_cell()?,
            Frame::Paragraph => self.finish_paragraph()?,
            Frame::Run => self.hidden_run = false,
            Frame::ContentControl => {
                self.content_controls.pop();
            }
            Frame::RowProperties
            | Frame::CellProperties
            | Frame::ParagraphProperties
            | Frame::NumberingProperties
            | Frame::RunProperties
            | Frame::ContentControlProperties
            | Frame::Text
            | Frame::Transparent => {}
        }
        Ok(())
    }

    /// The table whose rows and cells are being built: the top-level one,
    /// or the one captured inside its cell.
    fn building(&mut self) -> Option<&mut TableBuilder> {
        match self.table_depth {
            1 => self.table.as_mut(),
            2 => self.capture.as_mut().map(|capture| &mut capture.builder),
            _ => None,
        }
    }

    fn has_open_row(&mut self) -> bool {
        self.building().is_some_and(|table| table.row.is_some())
    }

    fn row_mut(&mut self) -> Option<&mut RowBuilder> {
        self.building()?.row.as_mut()
    }

    /// The open cell of the top-level table, whatever is nested in it.
    fn top_cell_mut(&mut self) -> Option<&mut CellBuilder> {
        self.table.as_mut()?.row.as_mut()?.cell.as_mut()
    }

    /// Where a table opening now starts in the top-level cell, when it is
    /// to be captured: directly in that cell, not in a paragraph, while the
    /// table can still be a frame (every row so far one cell).
    fn capture_point(&mut self) -> Option<usize> {
        if self.table_depth != 1 || self.capture.is_some() || !self.paragraphs.is_empty() {
            return None;
        }
        let table = self.table.as_ref()?;
        let row = table.row.as_ref()?;
        if table.has_wide_row || !row.cells.is_empty() {
            return None;
        }
        Some(row.cell.as_ref()?.paragraphs.len())
    }

    /// Records the captured table in the top-level cell it sits in.
    fn finish_captured_table(&mut self) {
        let Some(capture) = self.capture.take() else {
            return;
        };
        let table = Table {
            name: None,
            rows: capture.builder.rows,
        };
        if let Some(cell) = self.top_cell_mut() {
            let paragraphs = capture.first_paragraph..cell.paragraphs.len();
            cell.captured.push(CapturedTable { paragraphs, table });
        }
    }

    /// A top-level table becomes a block, unless it only frames the page:
    /// one cell per row, holding a table. Then its content becomes the
    /// body's, paragraphs and tables in order.
    fn finish_top_table(&mut self, table: TableBuilder) {
        let frames = !table.captured.is_empty() && !table.has_wide_row;
        if !frames {
            self.blocks.push(Block::Table(Table {
                name: None,
                rows: table.rows,
            }));
            return;
        }
        let mut captured = table.captured.into_iter().peekable();
        for (row_index, row) in table.rows.into_iter().enumerate() {
            for (cell_index, cell) in row.cells.into_iter().enumerate() {
                let mut tables = Vec::new();
                while let Some((_, _, found)) =
                    captured.next_if(|(row, cell, _)| (*row, *cell) == (row_index, cell_index))
                {
                    tables.extend(found);
                }
                self.unwrap_cell(cell.paragraphs, tables);
            }
        }
    }

    /// A framing cell's content as body blocks: its paragraphs, each
    /// captured table in place of the paragraphs it was flattened into.
    fn unwrap_cell(&mut self, paragraphs: Vec<Paragraph>, tables: Vec<CapturedTable>) {
        let mut tables = tables.into_iter().peekable();
        let mut paragraphs = paragraphs.into_iter().enumerate().peekable();
        loop {
            let table_starts = match (paragraphs.peek(), tables.peek()) {
                (Some((index, _)), Some(table)) => *index >= table.paragraphs.start,
                (None, Some(_)) => true,
                (Some(_), None) => false,
                (None, None) => return,
            };
            if table_starts {
                if let Some(table) = tables.next() {
                    while paragraphs
                        .next_if(|(index, _)| table.paragraphs.contains(index))
                        .is_some()
                    {}
                    self.blocks.push(Block::Table(table.table));
                }
            } else if let Some((_, paragraph)) = paragraphs.next() {
                self.blocks.push(Block::Paragraph(paragraph));
            }
        }
    }

    /// Appends visible text to the innermost open paragraph.
    fn push_text(&mut self, text: &str) {
        if self.hidden_run || self.fields.contains(&FieldPart::Instruction) {
            return;
        }
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.text.push_str(text);
        }
    }

    /// Tracks complex fields: text between `begin` and `separate` is the
    /// field's instruction, text between `separate` and `end` its result.
    fn field_char(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") if self.fields.len() < MAX_FIELD_NESTING => {
                self.fields.push(FieldPart::Instruction);
            }
            Some("separate") => {
                if let Some(part) = self.fields.last_mut() {
                    *part = FieldPart::Result;
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    fn finish_paragraph(&mut self) -> Result<(), DocxError> {
        let Some(builder) = self.paragraphs.pop() else {
            return Ok(());
        };
        let list_label = self.list_label(&builder);
        self.emit(Paragraph {
            text: builder.text,
            list_label,
        })?;
        for anchored in builder.anchored {
            self.emit(anchored)?;
        }
        Ok(())
    }

    /// The label of an auto-numbered paragraph: direct `w:numPr` first,
    /// then what its paragraph style (or the default style) gives.
    fn list_label(&mut self, paragraph: &ParagraphBuilder) -> Option<String> {
        let inherited = self.styles.numbering(paragraph.style.as_deref());
        let num_id = paragraph.num_id.or(inherited.num_id)?;
        let ilvl = paragraph
            .ilvl
            .or(inherited.ilvl)
            .or_else(|| {
                let style = inherited.list_style.as_deref()?;
                self.counters.numbering().level_for_style(num_id, style)
            })
            .unwrap_or(0);
        self.counters.next_label(num_id, ilvl)
    }

    /// Sends a finished paragraph where it belongs: into the paragraph that
    /// anchors its text box, the open top-level cell, or the body.
    fn emit(&mut self, paragraph: Paragraph) -> Result<(), DocxError> {
        self.paragraphs_read += 1;
        if self.paragraphs_read > self.limits.max_cells {
            return Err(DocxError::TooManyParagraphs {
                part: self.part,
                limit: self.limits.max_cells,
            });
        }
        if let Some(anchor) = self.paragraphs.last_mut() {
            anchor.anchored.push(paragraph);
            return Ok(());
        }
        // In a captured table's cell the paragraph is kept there, and
        // flattened into the top-level cell as every nested one is.
        if let Some(cell) = self
            .capture
            .as_mut()
            .and_then(|capture| capture.builder.row.as_mut()?.cell.as_mut())
        {
            cell.paragraphs.push(paragraph.clone());
        }
        if let Some(cell) = self.top_cell_mut() {
            cell.paragraphs.push(paragraph);
        } else {
            self.blocks.push(Block::Paragraph(paragraph));
        }
        Ok(())
    }

    fn finish_cell(&mut self) -> Result<(), DocxError> {
        let Some(row) = self.row_mut() else {
            return Ok(());
        };
        let Some(builder) = row.cell.take() else {
            return Ok(());
        };
        let col_span = builder.col_span.min(MAX_GRID_SPAN);
        if builder.continues_horizontally
            && let Some(previous) = row.cells.last_mut()
        {
            previous.col_span = previous.col_span.saturating_add(col_span);
            previous.paragraphs.extend(
                builder
                    .paragraphs
                    .into_iter()
                    .filter(|paragraph| !is_blank(paragraph)),
            );
            row.next_grid_col = row.next_grid_col.saturating_add(col_span);
            return Ok(());
        }
        let grid_col = row.next_grid_col;
        row.next_grid_col = grid_col.saturating_add(col_span);
        if !builder.captured.is_empty() {
            row.captured.push((row.cells.len(), builder.captured));
        }
        row.cells.push(Cell {
            grid_col,
            col_span,
            row_span: 1,
            merged_from: None,
            paragraphs: builder.paragraphs,
        });
        row.vertical_merges.push(builder.vertical_merge);
        self.cells_read += 1;
        if self.cells_read > self.limits.max_cells {
            return Err(DocxError::TooManyCells {
                part: self.part,
                limit: self.limits.max_cells,
            });
        }
        Ok(())
    }

    fn finish_row(&mut self) -> Result<(), DocxError> {
        let Some(table) = self.building() else {
            return Ok(());
        };
        let Some(builder) = table.row.take() else {
            return Ok(());
        };
        if builder.deleted {
            return Ok(());
        }
        let mut row = Row {
            cells: builder.cells,
            repeats_as_header: builder.repeats_as_header,
        };
        for (cell, merge) in row.cells.iter_mut().zip(builder.vertical_merges) {
            if merge == MergeMark::Continue {
                continue_merge(&mut table.rows, cell);
            }
        }
        table.has_wide_row |= row.cells.len() != 1;
        let row_index = table.rows.len();
        table.captured.extend(
            builder
                .captured
                .into_iter()
                .map(|(cell, captured)| (row_index, cell, captured)),
        );
        table.rows.push(row);
        self.rows_read += 1;
        if self.rows_read > self.limits.max_rows {
            return Err(DocxError::TooManyRows {
                part: self.part,
                limit: self.limits.max_rows,
            });
        }
        Ok(())
    }
}

/// Joins `cell` to the merge of the cell above it in the same grid columns
/// (which starts a merge when it was not in one). A continuation with no
/// such cell above stays a cell of its own.
fn continue_merge(rows: &mut [Row], cell: &mut Cell) {
    let Some(above_index) = rows.len().checked_sub(1) else {
        return;
    };
    let Some(above) = rows.get(above_index).and_then(|row| {
        row.cells
            .iter()
            .find(|above| above.grid_col == cell.grid_col && above.col_span == cell.col_span)
    }) else {
        return;
    };
    let origin = above.merged_from.unwrap_or(CellPos {
        row: above_index,
        grid_col: cell.grid_col,
    });
    let Some(origin_cell) = rows.get_mut(origin.row).and_then(|row| {
        row.cells
            .iter_mut()
            .find(|candidate| candidate.grid_col == origin.grid_col)
    }) else {
        return;
    };
    origin_cell.row_span += 1;
    cell.merged_from = Some(origin);
    // A covered cell holds Word's mandatory empty paragraph; it shows nothing.
    if cell.paragraphs.iter().all(is_blank) {
        cell.paragraphs.clear();
    }
}

fn is_blank(paragraph: &Paragraph) -> bool {
    paragraph.text.is_empty() && paragraph.list_label.is_none()
}

/// `w:vMerge`/`w:hMerge`: `restart` starts a merge; `continue`, a missing
/// value or anything else continues one.
fn merge_mark(value: Option<&str>) -> MergeMark {
    match value.map(str::trim) {
        Some("restart") => MergeMark::Restart,
        _ => MergeMark::Continue,
    }
}

fn grid_count(value: Option<&str>) -> Option<usize> {
    let count = lenient_count(value?)?;
    Some(
        usize::try_from(count)
            .unwrap_or(MAX_GRID_SPAN)
            .min(MAX_GRID_SPAN),
    )
}

//! The calamine side: each worksheet's values, and merged regions where
//! `merges` cannot read them faster.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::io::{Cursor, Read, Seek};

use calamine::{
    Data, Dimensions, Ods, OdsError, Range, Reader, Sheet, SheetType, SheetVisible, Xls, XlsError,
    Xlsx,
};
use tongbao_model::{Paragraph, Properties};
use tongbao_package::Package;

use crate::grid::{Budget, MergedRegion, SheetCells};
use crate::merges::SheetParts;
use crate::{WorkbookKind, XlsxError, values};

/// Every visible worksheet of a workbook, in workbook order.
pub(crate) struct Workbook {
    pub sheets: Vec<SheetCells>,
    /// Hidden worksheets, not read: what the workbook shows does not hold
    /// them (templates, lookup lists, last month's copy).
    pub hidden_sheets: Vec<String>,
    /// Properties from the legacy summary stream (`.xls` only; zip packages
    /// have theirs read by `tongbao-package`).
    pub properties: Option<Properties>,
}

/// Reads every worksheet; chart and dialog sheets are skipped.
pub(crate) fn read_sheets(
    bytes: &[u8],
    kind: WorkbookKind,
    budget: &Budget,
) -> Result<Workbook, XlsxError> {
    let mut collector = Collector {
        budget,
        held_values: 0,
    };
    match kind {
        WorkbookKind::Xlsx | WorkbookKind::Xlsm => read_xlsx(bytes, &mut collector),
        WorkbookKind::Xls => read_xls(bytes, &mut collector),
        WorkbookKind::Ods => read_ods(bytes, &mut collector),
    }
}

fn read_xlsx(bytes: &[u8], collector: &mut Collector) -> Result<Workbook, XlsxError> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|error| match error {
        calamine::XlsxError::Password => XlsxError::Encrypted,
        other => malformed(other),
    })?;
    // The package was verified within the limits before; opening it again
    // only reads the central directory.
    let mut sheet_parts = Package::open(bytes, collector.budget.limits())
        .ok()
        .and_then(SheetParts::find);
    let choice = choose_worksheets(&workbook);
    let mut sheets = Vec::new();
    for name in choice.read {
        let mut values = BTreeMap::new();
        // Streamed cell by cell: calamine's own `worksheet_range` allocates
        // the whole bounding box, which a hostile sheet can make huge.
        {
            let mut cells = workbook
                .worksheet_cells_reader(&name)
                .map_err(|error| sheet_malformed(&name, error))?;
            while let Some(cell) = cells
                .next_cell()
                .map_err(|error| sheet_malformed(&name, error))?
            {
                let value = Data::from(cell.get_value().clone());
                collector.hold(&mut values, cell.get_position(), &value)?;
            }
        }
        let merges = match sheet_parts.as_mut().and_then(|parts| parts.merges(&name)) {
            Some(merges) => merges,
            None => workbook
                .merge_cells_by_sheet_name(&name)
                .map_err(|error| sheet_malformed(&name, error))?,
        };
        sheets.push(sheet_cells(name, values, &merges));
    }
    Ok(Workbook {
        sheets,
        hidden_sheets: choice.hidden,
        properties: None,
    })
}

fn read_xls(bytes: &[u8], collector: &mut Collector) -> Result<Workbook, XlsxError> {
    crate::biff::check_sheet_extents(bytes, collector.budget.limits())?;
    let mut workbook: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(|error| match error {
        XlsError::Password => XlsxError::Encrypted,
        other => malformed(other),
    })?;
    // The summary stream is optional decoration: a broken one costs the
    // title and dates, not the tables.
    let properties = workbook.workbook_properties().ok().map(|found| Properties {
        title: found.title,
        created: found.created,
        modified: found.modified,
    });
    let (sheets, hidden_sheets) = read_worksheets(&mut workbook, collector, |workbook, name| {
        workbook
            .merge_cells_by_sheet_name(name)
            .map_err(|error| sheet_malformed(name, error))
    })?;
    Ok(Workbook {
        sheets,
        hidden_sheets,
        properties,
    })
}

fn read_ods(bytes: &[u8], collector: &mut Collector) -> Result<Workbook, XlsxError> {
    let limits = collector.budget.limits();
    // A content part that cannot be read is left for calamine to report.
    if let Ok(Some(content)) =
        Package::open(bytes, limits).and_then(|mut package| package.read_part("content.xml"))
    {
        crate::ods::check_sheet_extents(&content, limits)?;
    }
    let mut workbook: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|error| match error {
        OdsError::Password => XlsxError::Encrypted,
        other => malformed(other),
    })?;
    // calamine does not expose OpenDocument's covered cells: no merges.
    let (sheets, hidden_sheets) = read_worksheets(&mut workbook, collector, |_, _| Ok(Vec::new()))?;
    Ok(Workbook {
        sheets,
        hidden_sheets,
        properties: None,
    })
}

/// The cells of the worksheets [`choose_worksheets`] picks, each with the
/// merged regions `merges` finds for it, and the hidden sheets left out:
/// the one loop of the legacy and OpenDocument readers, whose calamine
/// types differ.
fn read_worksheets<RS, R>(
    workbook: &mut R,
    collector: &mut Collector,
    merges: impl Fn(&R, &str) -> Result<Vec<Dimensions>, XlsxError>,
) -> Result<(Vec<SheetCells>, Vec<String>), XlsxError>
where
    RS: Read + Seek,
    R: Reader<RS>,
    R::Error: Display,
{
    let choice = choose_worksheets(workbook);
    let mut sheets = Vec::new();
    for name in choice.read {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|error| sheet_malformed(&name, error))?;
        let values = collector.hold_range(&range)?;
        let merged = merges(workbook, &name)?;
        sheets.push(sheet_cells(name, values, &merged));
    }
    Ok((sheets, choice.hidden))
}

/// Which worksheets (not charts, dialogs or macros) to read.
struct WorksheetChoice {
    read: Vec<String>,
    hidden: Vec<String>,
}

/// The visible worksheets, and the hidden ones left out; every worksheet
/// when none is visible, as then nothing else could hold the list.
fn choose_worksheets<RS, R: Reader<RS>>(workbook: &R) -> WorksheetChoice
where
    RS: std::io::Read + std::io::Seek,
{
    let (visible, hidden): (Vec<&Sheet>, Vec<&Sheet>) = workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.typ == SheetType::WorkSheet)
        .partition(|sheet| sheet.visible == SheetVisible::Visible);
    let names = |sheets: Vec<&Sheet>| sheets.iter().map(|sheet| sheet.name.clone()).collect();
    if visible.is_empty() {
        return WorksheetChoice {
            read: names(hidden),
            hidden: Vec::new(),
        };
    }
    WorksheetChoice {
        read: names(visible),
        hidden: names(hidden),
    }
}

/// Keeps non-empty values while counting them against the cell limit, so a
/// workbook cannot make us hold more than the limit allows.
struct Collector<'a> {
    budget: &'a Budget,
    held_values: usize,
}

type Values = BTreeMap<(u32, u32), Vec<Paragraph>>;

impl Collector<'_> {
    fn hold(
        &mut self,
        values: &mut Values,
        position: (u32, u32),
        value: &Data,
    ) -> Result<(), XlsxError> {
        let paragraphs = values::paragraphs(value);
        if paragraphs.is_empty() {
            return Ok(());
        }
        self.held_values = self.held_values.saturating_add(1);
        self.budget.ensure_room(self.held_values)?;
        values.insert(position, paragraphs);
        Ok(())
    }

    fn hold_range(&mut self, range: &Range<Data>) -> Result<Values, XlsxError> {
        let mut values = BTreeMap::new();
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        for (row, col, value) in range.used_cells() {
            let position = (
                first_row.saturating_add(u32::try_from(row).unwrap_or(u32::MAX)),
                first_col.saturating_add(u32::try_from(col).unwrap_or(u32::MAX)),
            );
            self.hold(&mut values, position, value)?;
        }
        Ok(values)
    }
}

fn sheet_cells(name: String, values: Values, merges: &[Dimensions]) -> SheetCells {
    let merges = merges
        .iter()
        .map(|merge| MergedRegion {
            first_row: merge.start.0,
            first_col: merge.start.1,
            last_row: merge.end.0,
            last_col: merge.end.1,
        })
        .collect();
    SheetCells {
        name,
        values,
        merges,
    }
}

fn malformed(error: impl Display) -> XlsxError {
    XlsxError::Malformed(error.to_string())
}

fn sheet_malformed(sheet: &str, error: impl Display) -> XlsxError {
    XlsxError::Malformed(format!("sheet {sheet:?}: {error}"))
}

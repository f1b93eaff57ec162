//! `make-fixtures [REPO_ROOT]`: writes the layout-variant fixtures to
//! `fixtures/layouts/` and the error-case files to `fixtures/errors/`.
//!
//! Each fixture is described once, format-neutrally (see [`spec`]), and
//! rendered as Word and/or Excel, so the two formats hold the same content.
//! The output is deterministic: the same bytes on every run.

mod bulletins;
mod excel;
mod spec;
mod word;

use std::path::{Path, PathBuf};

use crate::excel::SheetSpec;
use crate::spec::{Part, TableSpec, span, width};

/// A bulletin list: a title with its as-of text, then its tables.
pub struct Layout {
    pub title: &'static str,
    pub as_of: &'static str,
    pub tables: Vec<TableSpec>,
}

impl Layout {
    /// Word: title and as-of paragraphs, the tables separated by page breaks.
    fn word_parts(&self) -> Vec<Part> {
        let mut parts = vec![
            Part::Paragraph(self.title.to_owned()),
            Part::Paragraph(self.as_of.to_owned()),
        ];
        for (index, table) in self.tables.iter().enumerate() {
            if index > 0 {
                parts.push(Part::PageBreak);
            }
            parts.push(Part::Table(table.clone()));
        }
        parts
    }

    /// Excel: one sheet, a merged title row, a blank row, then every table's rows.
    fn one_sheet(&self, name: &str) -> Vec<SheetSpec> {
        let mut rows = self.title_rows();
        rows.extend(self.tables.iter().flatten().cloned());
        vec![SheetSpec {
            name: name.to_owned(),
            rows,
        }]
    }

    /// Excel: one sheet per table, the title above the first.
    fn sheet_per_table(&self, names: &[&str]) -> Vec<SheetSpec> {
        self.tables
            .iter()
            .zip(names)
            .enumerate()
            .map(|(index, (table, name))| {
                let mut rows = if index == 0 {
                    self.title_rows()
                } else {
                    Vec::new()
                };
                rows.extend(table.iter().cloned());
                SheetSpec {
                    name: (*name).to_owned(),
                    rows,
                }
            })
            .collect()
    }

    fn title_rows(&self) -> TableSpec {
        let columns = self.tables.first().map_or(1, width);
        vec![
            vec![span(&format!("{}{}", self.title, self.as_of), columns)],
            Vec::new(),
        ]
    }
}

fn main() -> anyhow::Result<()> {
    let root = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    let layouts = root.join("fixtures/layouts");
    let errors = root.join("fixtures/errors");
    std::fs::create_dir_all(&layouts)?;
    std::fs::create_dir_all(&errors)?;

    for (stem, layout) in bulletins::in_both_formats() {
        write(
            &layouts,
            &format!("{stem}.docx"),
            &word::render(&layout.word_parts())?,
        )?;
        write(
            &layouts,
            &format!("{stem}.xlsx"),
            &excel::render(&layout.one_sheet("清单"))?,
        )?;
    }
    let split = bulletins::split_tables();
    write(
        &layouts,
        "split-sheets.xlsx",
        &excel::render(&split.sheet_per_table(&["清单（一）", "清单（二）", "清单（三）"]))?,
    )?;
    write(
        &layouts,
        "sheet-per-area.xlsx",
        &excel::render(&bulletins::sheet_per_area().sheet_per_table(&["项目建设", "民生实事"]))?,
    )?;
    for (name, parts) in bulletins::word_only() {
        write(&layouts, name, &word::render(&parts)?)?;
    }
    for (name, parts) in bulletins::word_errors() {
        write(&errors, name, &word::render(&parts)?)?;
    }
    write(
        &errors,
        "empty-sheet.xlsx",
        &excel::render(&[SheetSpec {
            name: "Sheet1".to_owned(),
            rows: Vec::new(),
        }])?,
    )?;
    Ok(())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let path = dir.join(name);
    std::fs::write(&path, bytes)?;
    println!("wrote {}", path.display());
    Ok(())
}

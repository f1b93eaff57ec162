//! JSON Schemas generated from the Rust types, so they cannot drift from
//! what the exporter writes.

use tongbao_model::Bulletin;

use crate::{FigureRow, TaskRow};

/// A schema and the file name it is kept under in `schemas/`.
pub struct SchemaFile {
    pub file_name: &'static str,
    /// Pretty JSON with a trailing newline.
    pub text: String,
}

/// Every schema tongbao publishes: the bulletin document, the task row
/// (NDJSON/CSV) and the figure row.
pub fn schema_files() -> Vec<SchemaFile> {
    vec![
        file("bulletin.schema.json", schemars::schema_for!(Bulletin)),
        file("task-row.schema.json", schemars::schema_for!(TaskRow)),
        file("figure-row.schema.json", schemars::schema_for!(FigureRow)),
    ]
}

fn file(file_name: &'static str, schema: schemars::Schema) -> SchemaFile {
    // A Schema is a JSON value already; printing it cannot fail.
    let mut text = serde_json::to_string_pretty(schema.as_value()).unwrap_or_default();
    text.push('\n');
    SchemaFile { file_name, text }
}

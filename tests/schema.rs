//! The JSON Schemas in schemas/ are the ones the Rust types generate, and
//! every fixture's output validates against them.

use std::path::{Path, PathBuf};

use tongbao_export::{Exporter, Format, schema_files};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn checked_in_schemas_are_current() {
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    for schema in schema_files() {
        let path = root().join("schemas").join(schema.file_name);
        if update {
            std::fs::write(&path, &schema.text).unwrap();
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == schema.text,
            "{} is out of date: run `make schemas` and commit the result",
            path.display()
        );
    }
}

fn validator(file_name: &str) -> jsonschema::Validator {
    let schema = schema_files()
        .into_iter()
        .find(|s| s.file_name == file_name)
        .unwrap();
    let value: serde_json::Value = serde_json::from_str(&schema.text).unwrap();
    jsonschema::validator_for(&value).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, instance: &serde_json::Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

fn bulletin_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [
        "bulletin-2019-08.docx",
        "bulletin-2019-08.xlsx",
        "bulletin-2019-08.xls",
    ]
    .iter()
    .map(|name| root().join("fixtures").join(name))
    .collect();
    if let Ok(entries) = std::fs::read_dir(root().join("fixtures/layouts")) {
        let mut layouts: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|path| path.extension().is_some_and(|ext| ext != "md"))
            .collect();
        layouts.sort();
        files.extend(layouts);
    }
    files
}

#[test]
fn every_fixture_output_validates() {
    let bulletin_schema = validator("bulletin.schema.json");
    let task_row_schema = validator("task-row.schema.json");
    let figure_row_schema = validator("figure-row.schema.json");
    for path in bulletin_fixtures() {
        let what = path.display().to_string();
        let bulletin = tongbao::convert_path(&path, &tongbao::Options::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_valid(
            &bulletin_schema,
            &serde_json::to_value(&bulletin).unwrap(),
            &what,
        );
        for (format, schema) in [
            (Format::Ndjson, &task_row_schema),
            (Format::Figures, &figure_row_schema),
        ] {
            let mut exporter = Exporter::new(format, Vec::new());
            exporter.write(&bulletin).unwrap();
            let text = String::from_utf8(exporter.finish().unwrap()).unwrap();
            for line in text.lines() {
                assert_valid(schema, &serde_json::from_str(line).unwrap(), &what);
            }
        }
    }
}

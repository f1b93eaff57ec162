//! The `tongbao` command as users run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> PathBuf {
    repo().join("fixtures").join(name)
}

fn tongbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tongbao"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_below(&path));
        } else {
            found.push(path.strip_prefix(dir).unwrap().to_path_buf());
        }
    }
    found.sort();
    found
}

#[test]
fn converts_a_word_bulletin_into_the_output_folder() {
    let out = tempfile::tempdir().unwrap();
    let docx = fixture("bulletin-2019-08.docx");
    let run = tongbao(&[
        "convert",
        docx.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        text(&run.stderr).starts_with("converted 1, failed 0, warnings "),
        "{}",
        text(&run.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("bulletin-2019-08.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["tasks"].as_array().unwrap().len(), 59);
    assert_eq!(json["areas"].as_array().unwrap().len(), 6);
    assert_eq!(json["source"]["file"], "bulletin-2019-08.docx");
    assert_eq!(json["schema_version"], "1");
}

#[test]
fn one_bad_file_fails_alone_and_leaves_nothing_behind() {
    let inputs = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let good = std::fs::read(fixture("bulletin-2019-08.docx")).unwrap();
    std::fs::write(inputs.path().join("good.docx"), &good).unwrap();
    std::fs::write(
        inputs.path().join("truncated.docx"),
        &good[..good.len() / 2],
    )
    .unwrap();
    std::fs::write(inputs.path().join("notes.docx"), "just text, renamed").unwrap();
    std::fs::copy(
        fixture("bulletin-2019-08.xlsx"),
        inputs.path().join("sheet.xlsx"),
    )
    .unwrap();

    let run = tongbao(&[
        "convert",
        inputs.path().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
        "-j",
        "2",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("truncated.docx: "), "{stderr}");
    assert!(
        stderr.contains("notes.docx: not an Office document"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("converted 2, failed 2, warnings 1\n")
            || stderr.contains("converted 2, failed 2,"),
        "{stderr}"
    );
    assert_eq!(
        files_below(out.path()),
        [PathBuf::from("good.json"), PathBuf::from("sheet.json")]
    );
}

#[test]
fn folders_yield_wps_workbooks_and_legacy_documents_too() {
    let inputs = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    // A WPS .et workbook is BIFF8 inside, as .xls is.
    std::fs::copy(
        fixture("bulletin-2019-08.xls"),
        inputs.path().join("九月.et"),
    )
    .unwrap();
    std::fs::write(inputs.path().join("旧稿.doc"), "not a document").unwrap();
    let run = tongbao(&[
        "convert",
        inputs.path().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("旧稿.doc: "), "{stderr}");
    // The content is what .et files hold: no extension-mismatch warning.
    assert!(
        stderr.contains("converted 1, failed 1, warnings 0"),
        "{stderr}"
    );
    assert_eq!(files_below(out.path()), [PathBuf::from("九月.json")]);
}

#[test]
fn a_reader_panic_is_one_error_line_not_a_panic_report() {
    let file = fixture("hostile/xls-reader-panic.xls");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_tongbao"))
        .args(["convert", file.to_str().unwrap(), "-o", "-"])
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.starts_with(
            "error: xls-reader-panic.xls: malformed document (the workbook reader failed on this input)"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("backtrace"), "{stderr}");
}

#[test]
fn a_workbook_declaring_dimensions_backwards_is_refused_not_an_abort() {
    // calamine would reserve room for billions of cells and abort the process.
    let file = fixture("hostile/xls-dimensions-backwards.xls");
    let run = tongbao(&["convert", file.to_str().unwrap(), "-o", "-"]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.starts_with(
            "error: xls-dimensions-backwards.xls: size limit exceeded (more than 2000000 table cells)"
        ),
        "{stderr}"
    );
}

#[test]
fn named_inputs_that_are_not_regular_files_are_refused_without_reading() {
    let out = tempfile::tempdir().unwrap();
    let docx = fixture("bulletin-2019-08.docx");
    // A device never ends and a FIFO would block: neither is opened.
    let run = tongbao(&[
        "convert",
        "/dev/zero",
        docx.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("error: /dev/zero: not a regular file"),
        "{stderr}"
    );
    assert!(stderr.contains("converted 1, failed 1"), "{stderr}");
}

#[test]
fn every_format_is_byte_identical_across_runs() {
    for format in ["json", "ndjson", "csv", "figures"] {
        let runs: Vec<Vec<u8>> = (0..2)
            .map(|_| {
                let run = tongbao(&[
                    "convert",
                    fixture("bulletin-2019-08.docx").to_str().unwrap(),
                    fixture("bulletin-2019-08.xlsx").to_str().unwrap(),
                    "--format",
                    format,
                    "-o",
                    "-",
                ]);
                assert!(run.status.success(), "{format}: {}", text(&run.stderr));
                run.stdout
            })
            .collect();
        assert!(!runs[0].is_empty(), "{format}");
        assert_eq!(runs[0], runs[1], "{format}");
    }
}

#[test]
fn csv_to_stdout_has_one_bom_and_one_header_for_many_files() {
    let run = tongbao(&[
        "convert",
        fixture("bulletin-2019-08.docx").to_str().unwrap(),
        fixture("bulletin-2019-08.xls").to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let csv = text(&run.stdout);
    assert!(csv.starts_with("\u{feff}source_file,"));
    assert_eq!(csv.matches('\u{feff}').count(), 1);
    assert_eq!(csv.matches("source_file,title").count(), 1);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 118, "59 tasks from each file");
    assert_eq!(&rows[0][8], "市经信局、市农业农村局、市水利局");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(tongbao(&["convert"]).status.code(), Some(2));
    assert_eq!(
        tongbao(&["convert", "x.docx", "--format", "pdf"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn check_passes_when_unchanged_and_names_each_changed_field() {
    let golden = tempfile::tempdir().unwrap();
    let docx = fixture("bulletin-2019-08.docx");
    let (docx, golden_dir) = (docx.to_str().unwrap(), golden.path().to_str().unwrap());
    let update = || tongbao(&["check", docx, "--expected", golden_dir, "--update"]);
    let run = update();
    assert!(run.status.success());
    assert!(text(&run.stdout).starts_with("created "));
    // Nothing to rewrite the second time.
    let run = update();
    assert!(text(&run.stdout).starts_with("ok "));
    assert!(
        text(&run.stderr).contains("unchanged 1, updated 0, failing 0"),
        "{}",
        text(&run.stderr)
    );
    let run = tongbao(&["check", docx, "--expected", golden_dir]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stdout).starts_with("ok "));

    let stored_path = golden.path().join("bulletin-2019-08.json");
    let mut stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stored_path).unwrap()).unwrap();
    stored["tasks"][2]["status"]["code"] = "warning".into();
    std::fs::write(&stored_path, serde_json::to_string_pretty(&stored).unwrap()).unwrap();
    let run = tongbao(&["check", docx, "--expected", golden_dir]);
    assert_eq!(run.status.code(), Some(1));
    let stdout = text(&run.stdout);
    assert!(stdout.contains("(1 fields)"), "{stdout}");
    assert!(
        stdout.contains(r#"task 3: status.code: "warning" → "none""#),
        "{stdout}"
    );
    let run = update();
    assert!(text(&run.stdout).starts_with("updated "));
    assert!(
        tongbao(&["check", docx, "--expected", golden_dir])
            .status
            .success()
    );
}

#[test]
fn diff_reports_status_transitions_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let docx = fixture("bulletin-2019-08.docx");
    let run = tongbao(&[
        "convert",
        docx.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(run.status.success());
    let old_path = dir.path().join("bulletin-2019-08.json");
    let mut next: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&old_path).unwrap()).unwrap();
    next["tasks"][2]["status"] =
        serde_json::json!({"raw": "“销号”", "code": "closed", "source": "column"});
    let new_path = dir.path().join("next.json");
    std::fs::write(&new_path, next.to_string()).unwrap();

    let run = tongbao(&[
        "diff",
        old_path.to_str().unwrap(),
        new_path.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let report = text(&run.stdout);
    assert!(
        report.contains("status changes (1)\n  task 3   none → closed"),
        "{report}"
    );
    let run = tongbao(&[
        "diff",
        docx.to_str().unwrap(),
        new_path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["status_changes"][0]["no"], 3);
    assert_eq!(json["status_counts"].as_array().unwrap().len(), 4);
}

#[test]
fn schema_command_prints_the_checked_in_schema() {
    let run = tongbao(&["schema"]);
    assert!(run.status.success());
    let stored = std::fs::read_to_string(repo().join("schemas/bulletin.schema.json")).unwrap();
    assert_eq!(text(&run.stdout), stored);
}

fn assert_golden(inputs: &[PathBuf], expected: &Path) {
    let mut args: Vec<String> = vec!["check".to_owned()];
    args.extend(
        inputs
            .iter()
            .map(|path| path.to_string_lossy().into_owned()),
    );
    args.extend([
        "--expected".to_owned(),
        expected.to_string_lossy().into_owned(),
    ]);
    let run = Command::new(env!("CARGO_BIN_EXE_tongbao"))
        .args(&args)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}\n{}\nIf the change is intended, run `make golden` and review the diff.",
        text(&run.stdout),
        text(&run.stderr)
    );
}

#[test]
fn golden_conversions_are_unchanged() {
    let seed: Vec<PathBuf> = [
        "bulletin-2019-08.docx",
        "bulletin-2019-08.xlsx",
        "bulletin-2019-08.xls",
    ]
    .iter()
    .map(|name| fixture(name))
    .collect();
    assert_golden(&seed, &repo().join("tests/golden"));
    assert_golden(&[fixture("layouts")], &repo().join("tests/golden/layouts"));
}

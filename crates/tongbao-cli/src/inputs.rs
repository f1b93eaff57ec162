//! Finding bulletin files and naming their outputs.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// Extensions searched for inside folders. Files named explicitly are read
/// whatever their extension: the format is detected from the bytes.
/// Found in folders: what tongbao reads (WPS `.et` workbooks are `.xls`
/// inside), and the legacy `.doc` / `.wps`, so that the batch says why each
/// was not converted instead of passing over it.
const BULLETIN_EXTENSIONS: [&str; 8] = ["docx", "xlsx", "xlsm", "xls", "et", "ods", "doc", "wps"];

/// One bulletin to convert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// Output name below the output directory, without extension. Only normal
    /// path components: it never escapes the output directory.
    pub output_stem: PathBuf,
}

/// The inputs named by `args` (files, and folders searched recursively), in a
/// stable order, and the arguments that name nothing readable.
pub fn collect(args: &[PathBuf]) -> (Vec<Input>, Vec<String>) {
    let mut found: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut problems = Vec::new();
    for arg in args {
        match std::fs::metadata(arg) {
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                walk(arg, &mut files, &mut problems);
                files.sort();
                for file in files {
                    let relative = file
                        .strip_prefix(arg)
                        .map(normal_components)
                        .unwrap_or_default();
                    found.push((file, relative));
                }
            }
            Ok(meta) if meta.is_file() => {
                let name = arg.file_name().map(PathBuf::from).unwrap_or_default();
                found.push((arg.clone(), name));
            }
            // A FIFO would block the read and a device never end it.
            Ok(_) => problems.push(format!("{}: not a regular file", arg.display())),
            Err(error) => problems.push(format!("{}: {}", arg.display(), short_io(&error))),
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    found.retain(|(path, _)| seen.insert(path.clone()));
    (name_outputs(found), problems)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            problems.push(format!("{}: {}", dir.display(), short_io(&error)));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // Hidden files and Office lock files (~$name.docx) are never bulletins.
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        // file_type does not follow symlinks, so a link loop cannot trap the walk.
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => walk(&path, files, problems),
            Ok(kind) if kind.is_file() && has_bulletin_extension(&path) => files.push(path),
            _ => {}
        }
    }
}

fn has_bulletin_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            BULLETIN_EXTENSIONS
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

/// Output stems: `<relative path>` without extension. Inputs that would
/// collide keep their extension (a.docx beside a.xlsx → `a.docx`, `a.xlsx`);
/// those that still collide (two a.docx named from different folders) keep
/// their whole path as given.
fn name_outputs(found: Vec<(PathBuf, PathBuf)>) -> Vec<Input> {
    let stems: Vec<PathBuf> = found
        .iter()
        .map(|(_, relative)| relative.with_extension(""))
        .collect();
    let stem_uses = uses(&stems);
    let relative_uses = uses(found.iter().map(|(_, relative)| relative));
    found
        .iter()
        .zip(&stems)
        .map(|((path, relative), stem)| {
            let output_stem = if stem_uses.get(stem) == Some(&1) {
                stem.clone()
            } else if relative_uses.get(relative) == Some(&1) {
                relative.clone()
            } else {
                normal_components(path)
            };
            Input {
                path: path.clone(),
                output_stem,
            }
        })
        .collect()
}

/// How often each name occurs: counted once, as a year's batch holds
/// thousands of files and comparing each with all others is quadratic.
fn uses<'p>(names: impl IntoIterator<Item = &'p PathBuf>) -> HashMap<&'p PathBuf, usize> {
    let mut uses = HashMap::new();
    for name in names {
        *uses.entry(name).or_insert(0) += 1;
    }
    uses
}

/// The path with only its normal components (no root, `.` or `..`).
fn normal_components(path: &Path) -> PathBuf {
    path.components()
        .filter_map(|component| match component {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect()
}

/// The output file for `input` in `dir` with extension `ext` (which may hold dots).
pub fn output_path(dir: &Path, input: &Input, ext: &str) -> PathBuf {
    let mut name = input.output_stem.clone().into_os_string();
    name.push(".");
    name.push(ext);
    dir.join(name)
}

/// An I/O error in a few words, without the OS error number.
pub fn short_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_searched_and_lock_and_hidden_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub/.hidden")).unwrap();
        for name in [
            "a.docx",
            "~$a.docx",
            ".b.docx",
            "notes.txt",
            "sub/c.XLSX",
            "sub/.hidden/d.docx",
        ] {
            std::fs::write(root.join(name), b"x").unwrap();
        }
        let (inputs, problems) = collect(&[root.to_path_buf()]);
        assert!(problems.is_empty());
        let stems: Vec<PathBuf> = inputs
            .iter()
            .map(|input| input.output_stem.clone())
            .collect();
        assert_eq!(stems, [PathBuf::from("a"), PathBuf::from("sub/c")]);
    }

    #[test]
    fn colliding_stems_keep_their_extension_then_their_path() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("x")).unwrap();
        std::fs::create_dir_all(root.join("y")).unwrap();
        for name in ["x/a.docx", "y/a.docx", "x/b.docx", "x/b.xlsx", "x/c.docx"] {
            std::fs::write(root.join(name), b"x").unwrap();
        }
        let args = [root.join("x/a.docx"), root.join("y/a.docx"), root.join("x")];
        let (inputs, _) = collect(&args);
        let out = Path::new("/out");
        let outputs: Vec<PathBuf> = inputs.iter().map(|i| output_path(out, i, "json")).collect();
        let full = |name: &str| out.join(normal_components(root)).join(name);
        // x/a.docx came twice (as a file and through its folder): converted once.
        assert_eq!(
            outputs,
            [
                full("x/a.docx.json"),
                full("y/a.docx.json"),
                out.join("b.docx.json"),
                out.join("b.xlsx.json"),
                out.join("c.json"),
            ]
        );
    }

    #[test]
    fn missing_arguments_are_reported() {
        let (inputs, problems) = collect(&[PathBuf::from("/no/such/file.docx")]);
        assert!(inputs.is_empty());
        assert_eq!(problems, ["/no/such/file.docx: no such file or folder"]);
    }
}

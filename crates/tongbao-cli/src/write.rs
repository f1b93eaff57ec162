//! Writing outputs so that a reader never sees half a file.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

/// Writes what `write` writes to `path` through a temporary file in the same
/// folder, renamed into place once `write` succeeds: an interrupted or failed
/// run leaves the old file or none, never a partial one. `write` gets the
/// file unbuffered.
pub fn atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".tongbao-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    // No fsync per file: the rename already keeps an interrupted run from
    // leaving a partial file, and syncing each output doubled batch time.
    write(temp.as_file_mut()).with_context(|| format!("cannot write {}", path.display()))?;
    temp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

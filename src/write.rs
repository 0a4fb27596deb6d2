//! [`Document`](crate::model::Document) → files: JSON, flat tables, official workbooks.
//!
//! Every output is written atomically (a temporary file beside the target, then a rename), so
//! an interrupted run never leaves a half-written file.

pub mod flat;
pub mod json;

use crate::diag::{Error, Result};
use std::path::{Path, PathBuf};

/// Writes `path` through a temporary file in the same directory and renames it into place.
///
/// # Errors
/// [`Error::Write`] when the directory is not writable or `write` fails.
pub fn atomically(path: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let shown = path.display().to_string();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = write(&tmp).and_then(|()| {
        std::fs::rename(&tmp, path).map_err(|e| Error::Write {
            path: shown.clone(),
            message: format!("cannot move the finished file into place: {e}"),
        })
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes bytes atomically.
///
/// # Errors
/// [`Error::Write`] when the file cannot be written.
pub fn bytes_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    atomically(path, |tmp| {
        std::fs::write(tmp, bytes).map_err(|e| Error::Write {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    })
}

//! The model as JSON: pretty, UTF-8, `schema_version` first.

use crate::diag::Result;
use crate::model::Document;
use std::path::Path;

/// The JSON text of a document, ending in a newline.
pub fn to_string(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc)
        .unwrap_or_else(|e| unreachable!("the model always serialises: {e}"));
    s.push('\n');
    s
}

/// Writes the document as JSON, atomically.
///
/// # Errors
/// [`Error::Write`] when the file cannot be written.
pub fn write(doc: &Document, path: &Path) -> Result<()> {
    super::bytes_atomically(path, to_string(doc).as_bytes())
}

//! The model as JSON: pretty, UTF-8, `schema_version` first.

use crate::model::Document;

/// The JSON text of a document, ending in a newline.
pub fn to_string(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc)
        .unwrap_or_else(|e| unreachable!("the model always serialises: {e}"));
    s.push('\n');
    s
}

#[cfg(not(target_family = "wasm"))]
/// Writes the document as JSON, atomically.
///
/// # Errors
/// [`Error::Write`] when the file cannot be written.
pub fn write(doc: &Document, path: &std::path::Path) -> crate::diag::Result<()> {
    super::bytes_atomically(path, to_string(doc).as_bytes())
}

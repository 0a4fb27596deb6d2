//! The model as JSON: pretty, UTF-8, `schema_version` first.
//!
//! [`Stream`] writes the document a form at a time, so a batch of any size is written without
//! holding it; [`to_string`] is the stream into memory. The bytes are serde_json's pretty
//! printing of the whole [`Document`] (a test holds them to it).

use crate::model::{Document, Form, SCHEMA_VERSION};
use std::io::{self, Write};

/// The JSON text of a document, ending in a newline.
pub fn to_string(doc: &Document) -> String {
    let mut stream = Stream::with_version(Vec::new(), doc.schema_version);
    // Writing to memory cannot fail.
    let _ = stream.write(&doc.forms);
    let bytes = stream.finish().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_else(|e| unreachable!("serde_json writes UTF-8: {e}"))
}

/// A JSON document written a form at a time into `W`.
#[derive(Debug)]
pub struct Stream<W: Write> {
    out: W,
    forms: usize,
    /// The first write error, returned by [`Stream::finish`] too.
    failed: bool,
}

impl<W: Write> Stream<W> {
    /// A document of the current [`SCHEMA_VERSION`].
    pub fn new(out: W) -> Self {
        Stream::with_version(out, SCHEMA_VERSION)
    }

    fn with_version(out: W, version: u32) -> Self {
        let mut s = Stream {
            out,
            forms: 0,
            failed: false,
        };
        let head = format!("{{\n  \"schema_version\": {version},\n  \"forms\": [");
        s.put(head.as_bytes()).ok();
        s
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        let r = self.out.write_all(bytes);
        self.failed |= r.is_err();
        r
    }

    /// Appends forms to the document's `forms`.
    ///
    /// # Errors
    /// The writer's.
    pub fn write(&mut self, forms: &[Form]) -> io::Result<()> {
        use serde::Serialize as _;
        use serde_json::ser::{Formatter as _, PrettyFormatter};
        for form in forms {
            self.put(if self.forms == 0 {
                b"\n    "
            } else {
                b",\n    "
            })?;
            // Straight into the writer, nested two levels deep (in the document's object, in
            // its `forms` array): the printer is told it stands there before it starts.
            let mut nested = PrettyFormatter::new();
            nested.begin_object(&mut io::sink())?;
            nested.begin_array(&mut io::sink())?;
            let mut ser = serde_json::Serializer::with_formatter(&mut self.out, nested);
            if let Err(e) = form.serialize(&mut ser) {
                self.failed = true;
                return Err(match e.io_error_kind() {
                    Some(kind) => io::Error::new(kind, e),
                    None => unreachable!("the model always serialises: {e}"),
                });
            }
            self.forms += 1;
        }
        Ok(())
    }

    /// Closes the document and returns the writer.
    ///
    /// # Errors
    /// The writer's, or the first error met while writing.
    pub fn finish(mut self) -> io::Result<W> {
        let tail: &[u8] = if self.forms == 0 {
            b"]\n}\n"
        } else {
            b"\n  ]\n}\n"
        };
        self.put(tail)?;
        self.out.flush()?;
        if self.failed {
            return Err(io::Error::other("an earlier write failed"));
        }
        Ok(self.out)
    }
}

#[cfg(not(target_family = "wasm"))]
/// Writes the document as JSON, atomically.
///
/// # Errors
/// [`crate::diag::Error::Write`] when the file cannot be written.
pub fn write(doc: &Document, path: &std::path::Path) -> crate::diag::Result<()> {
    super::bytes_atomically(path, to_string(doc).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stream's bytes are serde_json's pretty printing of the whole document, for no form,
    /// one, and the forms of every kind the samples hold.
    #[test]
    fn the_stream_writes_what_serde_writes_of_the_whole_document() {
        let mut forms = Vec::new();
        for name in [
            "samples/xinjiang-2023-self-evaluations.xlsx",
            "samples/xinjiang-2026-declarations.6col.xlsx",
            "../shared/fixtures/xining-2020-legacy.xlsx",
        ] {
            let bytes = std::fs::read(name).unwrap();
            forms.extend(crate::read::read_bytes(&bytes, name).unwrap().value);
        }
        assert!(forms.len() > 5, "{}", forms.len());
        assert!(forms.iter().any(|f| matches!(f, Form::Legacy2020(_))));
        for n in [0, 1, forms.len()] {
            let doc = Document::new(forms[..n].to_vec());
            let whole = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            assert_eq!(to_string(&doc), whole, "{n} forms");
            // Fed in pieces of any size, the same.
            let mut s = Stream::new(Vec::new());
            for chunk in doc.forms.chunks(2) {
                s.write(chunk).unwrap();
            }
            assert_eq!(String::from_utf8(s.finish().unwrap()).unwrap(), whole);
        }
    }
}

//! Forms written as they come, in any [`OutputFormat`]: what lets `convert` write a batch of any
//! size while holding one workbook's forms.
//!
//! JSON ([`json::Stream`]) and the flat CSV tables ([`flat::CsvStream`]) are written a few
//! forms at a time. The workbook formats are gathered and made whole at the end: rust_xlsxwriter
//! holds a workbook in memory until it saves it, and its constant-memory mode does not fit these
//! forms (see the README, "Memory"). [`super::to_bytes`] is this stream into memory.

use super::{LayoutChoice, flat, json};
use crate::diag::{Diagnostic, Error, Result};
use crate::formats::OutputFormat;
use crate::model::{Document, Form};
use std::io::Write;

/// A document being written in `format`. `open(name)` makes each file's writer: for the
/// single-file formats it is called once with the output's name, for CSV once per table with the
/// table's file name (`declarations.csv`, …).
pub struct FormStream<W: Write, O> {
    name: String,
    kind: Kind<W, O>,
    layout: LayoutChoice,
}

enum Kind<W: Write, O> {
    Json(json::Stream<W>),
    Csv(flat::CsvStream<W, O>),
    /// A workbook format: the forms so far, and the opener for the one file.
    Gather(OutputFormat, Vec<Form>, O),
}

impl<W: Write, O: FnMut(&str) -> std::io::Result<W>> FormStream<W, O> {
    /// Starts the output `name` (a directory for CSV: it names the errors).
    ///
    /// # Errors
    /// [`Error::Write`] when the JSON file cannot be opened.
    pub fn new(format: OutputFormat, name: &str, mut open: O) -> Result<Self> {
        let kind = match format {
            OutputFormat::Json => {
                Kind::Json(json::Stream::new(open(name).map_err(|e| fail(name, e))?))
            }
            OutputFormat::Csv => Kind::Csv(flat::CsvStream::new(open)),
            OutputFormat::Xlsx | OutputFormat::XlsxFlat => Kind::Gather(format, Vec::new(), open),
        };
        Ok(FormStream {
            name: name.to_string(),
            kind,
            layout: LayoutChoice::Official,
        })
    }

    /// Writes official workbooks in the layout `choice` gives each form (the official one by
    /// default).
    pub fn in_layout(mut self, choice: LayoutChoice) -> Self {
        self.layout = choice;
        self
    }

    /// Writes (or for a workbook, gathers) `forms`; returns what the format cannot carry of
    /// them ([`flat::not_carried`]).
    ///
    /// # Errors
    /// [`Error::Write`] when a file cannot be written.
    pub fn write(&mut self, forms: &[Form]) -> Result<Vec<Diagnostic>> {
        let flat = || flat::not_carried(&Document::new(forms.to_vec()));
        match &mut self.kind {
            Kind::Json(s) => s.write(forms).map_err(|e| fail(&self.name, e))?,
            Kind::Csv(s) => {
                s.write(forms).map_err(|e| fail(&self.name, e))?;
                return Ok(flat());
            }
            Kind::Gather(format, gathered, _) => {
                gathered.extend_from_slice(forms);
                if *format == OutputFormat::XlsxFlat {
                    return Ok(flat());
                }
            }
        }
        Ok(Vec::new())
    }

    /// Ends the output: returns each file's name (see [`FormStream`]) and writer, flushed, and
    /// the workbook writer's warnings (a form the official workbook has no layout for).
    ///
    /// # Errors
    /// [`Error::Write`] when a file cannot be written, or the forms do not fit the workbook.
    pub fn finish(self) -> Result<Finished<W>> {
        let name = self.name;
        let failed = |e| fail(&name, e);
        match self.kind {
            Kind::Json(s) => Ok(Finished {
                files: vec![(name.clone(), s.finish().map_err(failed)?)],
                diagnostics: Vec::new(),
            }),
            Kind::Csv(s) => Ok(Finished {
                files: s.finish().map_err(failed)?,
                diagnostics: Vec::new(),
            }),
            Kind::Gather(format, forms, mut open) => {
                let doc = Document::new(forms);
                let (bytes, diagnostics) = if format == OutputFormat::Xlsx {
                    let (bytes, written) =
                        super::xlsx_bytes_in(&doc, self.layout).map_err(|e| e.for_name(&name))?;
                    (bytes, super::placed(written, &name).diagnostics)
                } else {
                    let bytes = flat::xlsx_bytes(&doc).map_err(|e| e.for_name(&name))?;
                    (bytes, Vec::new())
                };
                let mut out = open(&name).map_err(failed)?;
                out.write_all(&bytes)
                    .and_then(|()| out.flush())
                    .map_err(failed)?;
                Ok(Finished {
                    files: vec![(name.clone(), out)],
                    diagnostics,
                })
            }
        }
    }
}

/// What [`FormStream::finish`] gives back.
pub struct Finished<W> {
    /// Each file's name and its writer, flushed.
    pub files: Vec<(String, W)>,
    /// The workbook writer's warnings.
    pub diagnostics: Vec<Diagnostic>,
}

fn fail(name: &str, e: std::io::Error) -> Error {
    Error::write(
        name,
        crate::msg::write::cannot_write(name, crate::msg::io(&e)),
    )
    .because(e)
}

//! Inputs → forms by format: a workbook's, a JSON model's or a flat table's bytes, files and
//! directories walked for them, and many inputs read at once into [`Inputs`].

use super::{flat, read_grid};
use crate::diag::{Diagnosed, Diagnostic, Error, Location, Result, Severity};
use crate::formats::InputFormat;
use crate::grid::{self, Grid};
use crate::model::{Document, Form};
use crate::msg::review as msg;
#[cfg(not(target_family = "wasm"))]
use std::path::{Path, PathBuf};

/// Reads every form of a workbook file (xlsx, xlsm, xls, ods): [`read_workbook_bytes`] on its
/// bytes.
///
/// # Errors
/// As [`read_workbook_bytes`]; [`Error::Unreadable`] when the file cannot be read.
#[cfg(not(target_family = "wasm"))]
pub fn read_workbook(path: &Path) -> Result<Diagnosed<Vec<Form>>> {
    let shown = path.display().to_string();
    read_workbook_bytes(&load(path)?, &shown)
}

/// Reads every form of a workbook held in memory (xlsx, xlsm, xls, ods, or a flat-table
/// workbook). `name` is the file name the user knows it by: it names the forms' source and the
/// messages.
///
/// # Errors
/// [`Error::Unreadable`] when the bytes are not a workbook, or hold no form at all.
pub fn read_workbook_bytes(bytes: &[u8], name: &str) -> Result<Diagnosed<Vec<Form>>> {
    forms_of_grids(grid::open_bytes(bytes, name)?, name)
}

fn forms_of_grids(grids: Vec<Grid>, name: &str) -> Result<Diagnosed<Vec<Form>>> {
    // What opening noticed (hidden sheets, comments, error values, …) comes first.
    let notes: Vec<Diagnostic> = grids.iter().flat_map(|g| g.notes.clone()).collect();
    if flat::is_flat_workbook(&grids) {
        let mut read = flat::read_grids(&grids);
        read.diagnostics.splice(0..0, notes);
        return Ok(read);
    }
    let mut forms = Vec::new();
    let mut diagnostics = notes;
    let mut titles_only = Vec::new();
    for g in &grids {
        let read = read_grid(g);
        for form in read.value {
            match form.source().filter(|s| is_title_only(s)) {
                Some(s) => titles_only.push(Location::cell(&s.file, &s.sheet, &s.range)),
                None => forms.push(form),
            }
        }
        diagnostics.extend(read.diagnostics);
    }
    // A title with nothing of the form under it is not a form: never "checked, no errors".
    let title_only = |at: Location| Error::at(at, msg::title_only(), msg::title_only_hint());
    if forms.is_empty()
        && let Some(at) = titles_only.first()
    {
        return Err(title_only(at.clone()));
    }
    for at in titles_only {
        diagnostics.push(
            Diagnostic::of(crate::msg::rules::READ_TITLE_ONLY, msg::title_only())
                .at(at)
                .hint(msg::title_only_hint()),
        );
    }
    if forms.is_empty() {
        return Err(Error::unreadable(name, crate::msg::read::no_form_found())
            .with_hint(crate::msg::read::no_form_found_hint()));
    }
    Ok(Diagnosed::new(forms, diagnostics))
}

/// The sheets of a workbook that hold no form, such as a 汇总 the office keeps beside its
/// forms: what `score` writes again beside the forms it fills. Empty for anything but a workbook
/// of forms (JSON, CSV, a flat-table workbook, bytes that do not open).
pub fn sheets_without_forms(bytes: &[u8], name: &str) -> Vec<Grid> {
    let Ok(format) = InputFormat::detect(name, bytes) else {
        return Vec::new();
    };
    if !format.is_workbook() {
        return Vec::new();
    }
    let Ok(grids) = grid::open_as(bytes, name, format) else {
        return Vec::new();
    };
    if flat::is_flat_workbook(&grids) {
        return Vec::new();
    }
    grids
        .into_iter()
        .filter(|g| !g.cells().is_empty() && read_grid(g).value.is_empty())
        .collect()
}

/// A form of which only the title (and the year) was found: no field label at all.
fn is_title_only(source: &crate::model::Source) -> bool {
    source.cells.keys().all(|k| k == crate::model::field::YEAR)
}

/// Reads a JSON model file written by `jixiao convert -o x.json` (or edited by hand).
///
/// # Errors
/// As [`read_json_bytes`]; [`Error::Unreadable`] when the file cannot be read.
#[cfg(not(target_family = "wasm"))]
pub fn read_json(path: &Path) -> Result<Document> {
    let shown = path.display().to_string();
    read_json_bytes(&load(path)?, &shown)
}

/// Reads a JSON model held in memory; `name` names it in errors.
///
/// # Errors
/// [`Error::Unreadable`] with the line and column serde_json reports, or when the model is
/// newer than this jixiao.
pub fn read_json_bytes(bytes: &[u8], name: &str) -> Result<Document> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| Error::unreadable(name, crate::msg::read::json_not_utf8(e)).because(e))?;
    let doc: Document = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| Error::unreadable(name, crate::msg::read::not_json_model(&e)).because(e))?;
    if doc.schema_version > crate::model::SCHEMA_VERSION {
        return Err(Error::unreadable(
            name,
            crate::msg::read::newer_schema(doc.schema_version, crate::model::SCHEMA_VERSION),
        )
        .with_hint(crate::msg::read::newer_schema_hint()));
    }
    Ok(doc)
}

/// Reads one input file, choosing the reader from the file's content and extension: a JSON
/// model, a workbook of forms, a flat-table workbook, or a directory of flat CSV tables.
///
/// # Errors
/// See [`read_bytes`] and [`flat::read_dir`].
#[cfg(not(target_family = "wasm"))]
pub fn read_path(path: &Path) -> Result<Diagnosed<Vec<Form>>> {
    read_input(&Input::load(path)?)
}

/// Reads one file held in memory, choosing the reader by [`InputFormat::detect`]: a JSON model,
/// a workbook of forms (xlsx, xls, ods), a flat-table workbook or one flat CSV table.
///
/// ```
/// let name = "samples/xinjiang-2023-self-evaluations.xlsx";
/// let bytes = std::fs::read(name).unwrap();
/// let read = jixiao::read::read_bytes(&bytes, name).unwrap();
/// assert_eq!(read.value[0].project_name(), "机关服务费");
/// ```
///
/// # Errors
/// [`Error::Unreadable`] when the bytes are none of these, or hold no form.
pub fn read_bytes(bytes: &[u8], name: &str) -> Result<Diagnosed<Vec<Form>>> {
    let wps = |e| wps_et(name, e);
    let format = InputFormat::detect(name, bytes).map_err(wps)?;
    if format.is_workbook() {
        let grids = grid::open_as(bytes, name, format).map_err(wps)?;
        return forms_of_grids(grids, name);
    }
    read_bytes_as(bytes, name, format)
}

/// A WPS 表格 `.et` file that is not a workbook jixiao reads (WPS's own binary format rather
/// than the OLE2 workbook it often is): say so, and how to get one (issue 15: `.et` files were
/// skipped without a word). Other files keep their error.
fn wps_et(name: &str, e: Error) -> Error {
    let is_et = name
        .rsplit('.')
        .next()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("et"));
    if !is_et {
        return e;
    }
    let cause = match &e {
        Error::Unreadable { message, .. } => message.clone(),
        other => other.to_string(),
    };
    Error::unreadable(name, crate::msg::review::wps_et(cause))
        .with_hint(crate::msg::review::wps_et_hint())
        .because(e)
}

/// [`read_bytes`] with the format given rather than detected.
///
/// # Errors
/// As [`read_bytes`].
pub fn read_bytes_as(
    bytes: &[u8],
    name: &str,
    format: InputFormat,
) -> Result<Diagnosed<Vec<Form>>> {
    match format {
        InputFormat::Json => {
            read_json_bytes(bytes, name).map(|d| Diagnosed::new(d.forms, Vec::new()))
        }
        InputFormat::Csv => {
            let (set, file) = split_name(name);
            flat::read_tables(set, &[(file.to_string(), bytes.to_vec())])
        }
        _ => forms_of_grids(grid::open_as(bytes, name, format)?, name),
    }
}

/// `dir/declarations.csv` → (`dir`, `declarations.csv`).
fn split_name(name: &str) -> (&str, &str) {
    match name.rfind(['/', '\\']) {
        Some(i) => (&name[..i], &name[i + 1..]),
        None => ("", name),
    }
}

/// One input held in memory: a file's bytes under the name the user knows it by, or a set of
/// flat CSV tables (what a directory written by `convert --to csv` holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A workbook, CSV or JSON file.
    File {
        /// The name the user knows the file by: it names the input in every message, and its
        /// extension tells formats apart with the content.
        name: String,
        /// The file's content.
        bytes: Vec<u8>,
    },
    /// Flat tables: the set's name (the directory) and each table's file name and bytes.
    Tables {
        /// The name of the set (the directory), as it names the input in messages.
        name: String,
        /// Each table's file name (`forms.csv`, `indicators.csv`, …) and its bytes.
        tables: Vec<(String, Vec<u8>)>,
    },
}

impl Input {
    /// A file's bytes under its name.
    pub fn file(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Input {
        Input::File {
            name: name.into(),
            bytes: bytes.into(),
        }
    }

    /// The name the input is known by.
    pub fn name(&self) -> &str {
        match self {
            Input::File { name, .. } | Input::Tables { name, .. } => name,
        }
    }

    /// Loads a file, or the tables of a directory of flat tables, into memory.
    ///
    /// # Errors
    /// [`Error::Unreadable`] when the file cannot be read.
    #[cfg(not(target_family = "wasm"))]
    pub fn load(path: &Path) -> Result<Input> {
        let shown = path.display().to_string();
        if flat::is_flat_dir(path) {
            let mut tables = Vec::new();
            for t in crate::layout::flat::TABLE_FILES {
                let file = path.join(t);
                if file.is_file() {
                    tables.push((t.to_string(), load(&file)?));
                }
            }
            return Ok(Input::Tables {
                name: shown,
                tables,
            });
        }
        Ok(Input::file(shown, load(path)?))
    }
}

#[cfg(not(target_family = "wasm"))]
fn load(path: &Path) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(Error::unreadable(
            shown,
            crate::msg::read::empty_directory(),
        ));
    }
    // A FIFO or a device would block or never end: only regular files are read.
    let meta = std::fs::metadata(path).map_err(|e| {
        Error::unreadable(&shown, crate::msg::read::cannot_open(crate::msg::io(&e))).because(e)
    })?;
    if !meta.is_file() {
        return Err(Error::unreadable(
            shown,
            crate::msg::read::not_a_regular_file(),
        ));
    }
    let limit = grid::Limits::current().max_file_bytes;
    if meta.len() > limit {
        return Err(
            Error::unreadable(shown, crate::msg::read::file_too_large(meta.len(), limit))
                .with_hint(crate::msg::read::file_too_large_hint()),
        );
    }
    std::fs::read(path).map_err(|e| {
        Error::unreadable(&shown, crate::msg::read::cannot_open(crate::msg::io(&e))).because(e)
    })
}

/// Reads one input held in memory: [`read_bytes`] for a file, [`flat::read_tables`] for a set
/// of flat tables.
///
/// # Errors
/// As [`read_bytes`] and [`flat::read_tables`].
pub fn read_input(input: &Input) -> Result<Diagnosed<Vec<Form>>> {
    match input {
        Input::File { name, bytes } => read_bytes(bytes, name),
        Input::Tables { name, tables } => flat::read_tables(name, tables),
    }
}

/// Expands directories (recursively, sorted) into the input files jixiao reads
/// ([`InputFormat::is_input_name`]). A directory of flat CSV tables stays one input.
/// See [`expand_inputs_noting`] for what is left out and why.
#[cfg(not(target_family = "wasm"))]
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<PathBuf> {
    expand_inputs_noting(paths).0
}

/// [`expand_inputs`], with a note for everything found in a directory and not read: files of
/// other kinds (`.docx`, a loose `.csv`), and what is no regular file (a FIFO, a
/// socket, a device). Each real file and directory is visited once, however many symbolic
/// links lead to it, so a link loop ends. Office lock files (`~$…`) and hidden files are left
/// out without a note.
#[cfg(not(target_family = "wasm"))]
pub fn expand_inputs_noting(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut notes = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in paths {
        expand_one(p, true, &mut seen, &mut files, &mut notes);
    }
    (files, notes)
}

#[cfg(not(target_family = "wasm"))]
fn expand_one(
    p: &Path,
    given: bool,
    seen: &mut std::collections::HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    notes: &mut Vec<Diagnostic>,
) {
    let shown = p.display().to_string();
    // What the user named is read as named (and its errors reported by the reader).
    let Ok(meta) = std::fs::metadata(p) else {
        if given {
            files.push(p.to_path_buf());
        } else {
            notes.push(
                Diagnostic::warning(
                    crate::msg::rules::READ_SKIPPED,
                    crate::msg::read::skipped_unreachable(),
                )
                .at(Location::file(&shown)),
            );
        }
        return;
    };
    if let Ok(real) = p.canonicalize()
        && !seen.insert(real)
    {
        return; // reached again through a link: read once
    }
    if meta.is_dir() && !flat::is_flat_dir(p) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            let name = e
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with("~$") || name.starts_with('.') {
                continue;
            }
            let Ok(m) = std::fs::metadata(&e) else {
                expand_one(&e, false, seen, files, notes);
                continue;
            };
            if m.is_dir() {
                expand_one(&e, false, seen, files, notes);
            } else if !m.is_file() {
                notes.push(
                    Diagnostic::warning(
                        crate::msg::rules::READ_SKIPPED,
                        crate::msg::read::skipped_not_regular(),
                    )
                    .at(Location::file(e.display().to_string())),
                );
            } else if InputFormat::is_input_name(&name) {
                expand_one(&e, false, seen, files, notes);
            } else {
                let lower = name.to_lowercase();
                let hint = if lower.ends_with(".csv") {
                    crate::msg::read::loose_csv_hint()
                } else {
                    crate::msg::read::readable_kinds_hint()
                };
                notes.push(
                    Diagnostic::warning(
                        crate::msg::rules::READ_SKIPPED,
                        crate::msg::read::skipped_unsupported(),
                    )
                    .at(Location::file(e.display().to_string()))
                    .hint(hint),
                );
            }
        }
    } else {
        files.push(p.to_path_buf());
    }
}

/// Everything read from a batch of inputs: the forms, the warnings, and the inputs that could
/// not be read at all (the batch goes on without them).
#[derive(Debug, Default)]
pub struct Inputs {
    /// Every form read, in input order.
    pub document: Document,
    /// Warnings and findings met while reading (a cell left unmapped, a value read with a guess).
    pub diagnostics: Vec<Diagnostic>,
    /// The inputs that could not be read at all, one error each.
    pub errors: Vec<Error>,
    /// The name of every input, read or not.
    pub files: Vec<String>,
    /// For each form of `document`, in order: the input it came from and its index there.
    pub origins: Vec<(String, usize)>,
    /// The inputs whose reading met errors (a cell that is not a number, …), with how many.
    pub read_errors: Vec<(String, usize)>,
}

impl Inputs {
    /// Where form `i` came from: its source sheet, or for a JSON form without one the input file
    /// and `forms[k]`, so a finding always names a place.
    pub fn origin(&self, i: usize) -> Location {
        let form = self.document.forms.get(i);
        if let Some(src) = form.and_then(Form::source) {
            return Location {
                file: src.file.clone(),
                sheet: Some(src.sheet.clone()),
                cell: None,
            };
        }
        let (file, k) = self.origins.get(i).cloned().unwrap_or_default();
        Location {
            file,
            sheet: Some(format!("forms[{k}]")),
            cell: None,
        }
    }

    /// The forms of every input whose reading met no error, the diagnostics without those
    /// errors, and the inputs left out with their error counts. The writers (`convert`,
    /// `score`) use it so that one broken file costs its own forms only: the other files are
    /// written and the broken one is named (README, "Broken inputs").
    pub fn without_files_with_errors(&self) -> (Document, Vec<Diagnostic>, Vec<(String, usize)>) {
        Inputs {
            document: self.document.clone(),
            diagnostics: self.diagnostics.clone(),
            errors: Vec::new(),
            files: Vec::new(),
            origins: self.origins.clone(),
            read_errors: self.read_errors.clone(),
        }
        .into_without_files_with_errors()
    }

    /// [`Inputs::without_files_with_errors`] without copying the forms: a batch converted input
    /// by input gives each input's away once it is reported.
    pub fn into_without_files_with_errors(
        self,
    ) -> (Document, Vec<Diagnostic>, Vec<(String, usize)>) {
        let Inputs {
            mut document,
            diagnostics,
            origins,
            read_errors,
            ..
        } = self;
        let bad: std::collections::HashSet<&str> =
            read_errors.iter().map(|(f, _)| f.as_str()).collect();
        document.forms = std::mem::take(&mut document.forms)
            .into_iter()
            .zip(&origins)
            .filter(|(_, origin)| !bad.contains(origin.0.as_str()))
            .map(|(form, _)| form)
            .collect();
        let diagnostics = diagnostics
            .into_iter()
            .filter(|d| d.severity != Severity::Error)
            .collect();
        (document, diagnostics, read_errors)
    }

    /// Adds what one input gave: its forms and warnings, or the error that stopped it.
    pub fn add(&mut self, name: &str, read: Result<Diagnosed<Vec<Form>>>) {
        match read {
            Ok(read) => {
                let errors = read
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                if errors > 0 {
                    self.read_errors.push((name.to_string(), errors));
                }
                self.origins
                    .extend((0..read.value.len()).map(|k| (name.to_string(), k)));
                self.document.forms.extend(read.value);
                self.diagnostics.extend(read.diagnostics);
            }
            Err(e) => self.errors.push(e),
        }
        self.files.push(name.to_string());
    }

    /// Adds one item of a streamed batch ([`super::stream::Plan::read_each`]).
    #[cfg(not(target_family = "wasm"))]
    pub fn add_item(&mut self, item: super::stream::Item) {
        match item {
            super::stream::Item::Read { name, read } => self.add(&name, read),
            super::stream::Item::Empty(e) => self.errors.push(e),
        }
    }

    /// Whether any reader error (a diagnostic of severity error) was met.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Reads inputs held in memory into one [`Document`]: the library's batch reader.
///
/// ```
/// use jixiao::read::{Input, read_all};
/// let name = "samples/xinjiang-2023-self-evaluations.xlsx";
/// let inputs = read_all(&[Input::file(name, std::fs::read(name).unwrap())]);
/// assert_eq!(inputs.document.forms.len(), 5);
/// assert!(inputs.errors.is_empty());
/// ```
pub fn read_all(inputs: &[Input]) -> Inputs {
    let mut out = Inputs::default();
    for input in inputs {
        out.add(input.name(), read_input(input));
    }
    out
}

/// Reads workbooks, JSON models and directories into one [`Document`]: [`read_all`] on the
/// files [`expand_inputs`] finds, loaded one at a time.
#[cfg(not(target_family = "wasm"))]
pub fn read_inputs(paths: &[PathBuf]) -> Inputs {
    read_inputs_jobs(paths, 1)
}

/// [`read_inputs`] on `jobs` threads ([`super::stream::Plan::read_each`]): the [`Inputs`] are
/// the same for any `jobs`.
#[cfg(not(target_family = "wasm"))]
pub fn read_inputs_jobs(paths: &[PathBuf], jobs: usize) -> Inputs {
    let plan = super::stream::Plan::of(paths);
    let mut inputs = Inputs {
        // What the directories held and jixiao does not read, named before the forms.
        diagnostics: plan.skipped.clone(),
        ..Inputs::default()
    };
    let _ = plan.read_each(jobs, |item| {
        inputs.add_item(item);
        Ok::<(), std::convert::Infallible>(())
    });
    inputs
}

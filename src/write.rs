//! [`Document`] → files: JSON, flat tables, official workbooks.
//!
//! Every writer makes bytes ([`to_bytes`], [`xlsx_bytes`], [`json::to_string`],
//! [`flat::csv_files`], [`flat::xlsx_bytes`]); the `write_*` functions save them to a file,
//! atomically (a temporary file beside the target, then a rename), so
//! an interrupted run never leaves a half-written file.
//!
//! Official workbooks: rust_xlsxwriter cannot open an existing workbook, so each layout is
//! rebuilt in code from [`crate::layout`]: the crate's `declaration` module paints a 申报表
//! (DOMAIN §1c), `self_eval` a 自评表 (§1e), both through the formats of `styles`; `derived`
//! paints a form printed in none of the described layouts in its own grid (`--layout source`,
//! DOMAIN §1a); [`write_xlsx`] puts one form on each sheet. The same document always gives the
//! same bytes.

pub(crate) mod declaration;
mod derived;
pub mod flat;
pub mod json;
mod kept;
pub(crate) mod legacy_2020;
pub mod report;
pub(crate) mod self_eval;
mod sheet;
pub mod stream;
pub(crate) mod styles;
pub(crate) mod summary;

use crate::diag::{Diagnostic, Error, Location, Result};
use crate::formats::OutputFormat;
use crate::model::{Document, Form};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};
use std::collections::HashSet;
#[cfg(not(target_family = "wasm"))]
use std::ffi::OsString;
#[cfg(not(target_family = "wasm"))]
use std::path::{Path, PathBuf};
#[cfg(not(target_family = "wasm"))]
use std::sync::atomic::{AtomicU64, Ordering};
use styles::Styles;

/// Which layout the xlsx writer prints each form in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LayoutChoice {
    /// The official Shanghai 8-column 申报表 and 自评表, with the official labels (the default
    /// of `-o x.xlsx`); a 2020 目标表 is not written.
    #[default]
    Official,
    /// Each form in the layout it was read from, with the labels it printed
    /// ([`crate::model::PrintedLayout`]), a provincial grid in its own
    /// ([`crate::model::DerivedLayout`]), the 2020 目标表 included; a form made here in the
    /// official layout: `--layout source`, to give corrections back in the office's own layout.
    Source,
}

impl LayoutChoice {
    /// `official` or `source`, as on the command line.
    pub fn from_name(name: &str) -> Option<LayoutChoice> {
        match name {
            "official" => Some(LayoutChoice::Official),
            "source" => Some(LayoutChoice::Source),
            _ => None,
        }
    }
}

/// Paints one form on an empty worksheet in the layout `choice` gives it.
pub(crate) fn paint(
    sheet: &mut rust_xlsxwriter::Worksheet,
    form: &Form,
    styles: &Styles,
    choice: LayoutChoice,
) -> std::result::Result<FieldCells, XlsxError> {
    use crate::layout::sheets;
    use crate::model::LayoutId;
    // The form's own layout, when it is one of its kind's; a form that has none (made here,
    // or from flat tables) is printed in the official layout.
    let own = |grids: &[LayoutId]| {
        form.source()
            .and_then(|s| s.layout.clone())
            .filter(|p| grids.contains(&p.id))
    };
    if choice == LayoutChoice::Source
        && let Some((source, own)) = own_grid(form)
    {
        return derived::write(sheet, form, source, own, styles);
    }
    match (form, choice) {
        (Form::Declaration(d), _) => {
            let printed = match choice {
                LayoutChoice::Official => None,
                LayoutChoice::Source => own(&sheets::DECLARATIONS.map(|g| g.id)),
            };
            // A form read from a layout jixiao does not describe goes into the nearest one by
            // what it holds (an 88号 form's 中期 side into the 88号 layout), with the official
            // labels; a form made here without a layout, into the official one.
            let grid = match (&printed, choice) {
                (Some(p), _) => sheets::declaration(p.id),
                (None, LayoutChoice::Source) if printed_elsewhere(form) => {
                    sheets::nearest_declaration(d)
                }
                (None, _) => &sheets::DECLARATION_8,
            };
            declaration::write(sheet, d, styles, grid, printed.as_ref())
        }
        (Form::SelfEvaluation(s), _) => {
            let printed = match choice {
                LayoutChoice::Official => None,
                LayoutChoice::Source => own(&sheets::SELF_EVALUATIONS.map(|g| g.id)),
            };
            let grid = printed.as_ref().map_or(&sheets::SELF_EVALUATION_8, |p| {
                sheets::self_evaluation(p.id)
            });
            self_eval::write(sheet, s, styles, grid, printed.as_ref())
        }
        (Form::Legacy2020(l), LayoutChoice::Source) => legacy_2020::write(sheet, l, styles),
        (Form::Legacy2020(_), LayoutChoice::Official) => Ok(FieldCells::default()),
    }
}

/// Excel's limit on the length of a sheet name, in UTF-16 code units.
const SHEET_NAME_LIMIT: usize = 31;

/// What [`write_xlsx`] wrote.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Written {
    /// The sheet name of each written form, in document order.
    pub sheets: Vec<String>,
    /// Forms that were not written, one warning each: the official layout has no 2020 目标表.
    pub diagnostics: Vec<Diagnostic>,
}

/// Writes the forms of `doc` to the xlsx workbook `path`, one form per sheet: [`xlsx_bytes`],
/// saved atomically (see [`atomically`]).
///
/// # Errors
/// As [`xlsx_bytes`], naming `path`; [`Error::Write`] when the file cannot be saved.
#[cfg(not(target_family = "wasm"))]
pub fn write_xlsx(doc: &Document, path: &Path) -> Result<Written> {
    let (bytes, written) = xlsx_bytes(doc).map_err(|e| e.for_file(path))?;
    bytes_atomically(path, &bytes)?;
    Ok(placed(written, &path.display().to_string()))
}

/// [`write_xlsx`] with a first sheet 汇总 headed `title`: one row per form
/// with its amounts, linked to the form's cells, and a total (`jixiao template`).
///
/// # Errors
/// As [`write_xlsx`].
#[cfg(not(target_family = "wasm"))]
pub fn write_xlsx_with_summary(doc: &Document, path: &Path, title: &str) -> Result<Written> {
    let (bytes, written) = xlsx_with_summary_bytes(doc, title).map_err(|e| e.for_file(path))?;
    bytes_atomically(path, &bytes)?;
    Ok(placed(written, &path.display().to_string()))
}

/// The xlsx workbook of the forms of `doc`, one form per sheet, as bytes.
///
/// 申报表 and 自评表 are written in their official 8-column layouts, each sheet named after
/// its project (see [`sheet_names`]; a form without a project name after its title, as the
/// official blank forms are). 2020 目标表 (`Form::Legacy2020`) forms are skipped and
/// reported in [`Written::diagnostics`], so the caller decides whether that is an error
/// (`--strict`). The bytes depend on `doc` only: the creation date is pinned.
///
/// ```
/// let name = "samples/xinjiang-2023-self-evaluations.xlsx";
/// let read = jixiao::read::read_bytes(&std::fs::read(name).unwrap(), name).unwrap();
/// let doc = jixiao::model::Document::new(read.value);
/// let (bytes, written) = jixiao::write::xlsx_bytes(&doc).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// assert_eq!(written.sheets.len(), doc.forms.len());
/// ```
///
/// # Errors
/// [`Error::Write`] when the document holds no form that can be written, or when a form does
/// not fit the xlsx format (a text over 32,767 characters).
pub fn xlsx_bytes(doc: &Document) -> Result<(Vec<u8>, Written)> {
    workbook_bytes(doc, None, LayoutChoice::Official, Extras::default())
}

/// [`xlsx_bytes`] in the layout `choice` gives each form: with [`LayoutChoice::Source`], each
/// form as it was read (the 2020 目标表 included).
///
/// # Errors
/// As [`xlsx_bytes`].
pub fn xlsx_bytes_in(doc: &Document, choice: LayoutChoice) -> Result<(Vec<u8>, Written)> {
    workbook_bytes(doc, None, choice, Extras::default())
}

/// [`xlsx_bytes`] with a first sheet 汇总 headed `title` (see [`write_xlsx_with_summary`]).
///
/// # Errors
/// As [`xlsx_bytes`].
pub fn xlsx_with_summary_bytes(doc: &Document, title: &str) -> Result<(Vec<u8>, Written)> {
    workbook_bytes(doc, Some(title), LayoutChoice::Source, Extras::default())
}

/// What [`to_bytes`] made: the files to save, and the writer's warnings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Output {
    /// The files, in the order to save them (one workbook or JSON file; one CSV per table).
    pub files: Vec<OutputFile>,
    /// What the writer noticed (a form the format cannot carry, a field left out), each at its
    /// form's place in the input.
    pub diagnostics: Vec<Diagnostic>,
    /// For flat CSV tables: the directory the files make up, to be saved as one unit
    /// ([`directory_atomically`]) so that no stale table is left beside new ones.
    pub directory: Option<String>,
}

/// One file to save: its name (the output's, or for CSV the output directory joined with the
/// table's file name) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Where to save it: the output's name, or `dir/table.csv` for a flat table.
    pub name: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Writes `doc` in `format`: the one place that maps each [`OutputFormat`] to its writer.
/// `name` is the output's name (for CSV, the directory): it names the files and the errors.
///
/// ```
/// use jixiao::formats::OutputFormat;
/// let name = "samples/xinjiang-2023-self-evaluations.xlsx";
/// let read = jixiao::read::read_bytes(&std::fs::read(name).unwrap(), name).unwrap();
/// let doc = jixiao::model::Document::new(read.value);
/// let out = jixiao::write::to_bytes(&doc, OutputFormat::Csv, "flat").unwrap();
/// let names: Vec<&str> = out.files.iter().map(|f| f.name.as_str()).collect();
/// assert_eq!(names, ["flat/declarations.csv", "flat/self_evaluations.csv", "flat/indicators.csv"]);
/// ```
///
/// # Errors
/// [`Error::Write`] when the forms do not fit the format (see [`xlsx_bytes`]).
pub fn to_bytes(doc: &Document, format: OutputFormat, name: &str) -> Result<Output> {
    to_bytes_in(doc, format, name, LayoutChoice::Official)
}

/// [`to_bytes`] with workbooks (`OutputFormat::Xlsx`) in the layout `choice` gives each form.
///
/// # Errors
/// As [`to_bytes`].
pub fn to_bytes_in(
    doc: &Document,
    format: OutputFormat,
    name: &str,
    choice: LayoutChoice,
) -> Result<Output> {
    let mut stream = stream::FormStream::new(format, name, |_| Ok(Vec::new()))?.in_layout(choice);
    let mut diagnostics = stream.write(&doc.forms)?;
    let finished = stream.finish()?;
    diagnostics.extend(finished.diagnostics);
    let csv = format == OutputFormat::Csv;
    Ok(Output {
        files: finished
            .files
            .into_iter()
            .map(|(file, bytes)| OutputFile {
                name: if csv {
                    std::path::Path::new(name).join(file).display().to_string()
                } else {
                    file
                },
                bytes,
            })
            .collect(),
        diagnostics,
        directory: csv.then(|| name.to_string()),
    })
}

/// A cell note to put on a field of a written form: `score` says there why 总分 stays blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNote {
    /// The form's index in the document.
    pub form: usize,
    /// The field, as in [`crate::model::Source::cells`]: `total_score`, `grade`.
    pub path: String,
    /// The note's text, in the current language.
    pub text: String,
}

/// What an official workbook carries besides the forms (`score`'s output).
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    /// Notes at fields' cells.
    pub notes: &'a [FieldNote],
    /// Sheets of the input that hold no form (a 汇总), written first, in their order, with their
    /// formulas pointing where the forms' fields now stand (see `write/kept.rs`).
    pub kept: &'a [crate::grid::Grid],
}

/// [`to_bytes`], with `extras` in an official workbook (other formats have no cells to note or
/// sheets to keep: the caller prints the notes).
///
/// # Errors
/// As [`to_bytes`].
pub fn to_bytes_with(
    doc: &Document,
    format: OutputFormat,
    name: &str,
    extras: Extras,
) -> Result<Output> {
    if (extras.notes.is_empty() && extras.kept.is_empty()) || format != OutputFormat::Xlsx {
        return to_bytes(doc, format, name);
    }
    let (bytes, written) =
        workbook_bytes(doc, None, LayoutChoice::Official, extras).map_err(|e| e.for_name(name))?;
    let written = placed(written, name);
    Ok(Output {
        files: vec![OutputFile {
            name: name.to_string(),
            bytes,
        }],
        diagnostics: written.diagnostics,
        directory: None,
    })
}

/// A skipped form without a source is located at the output.
fn placed(mut written: Written, name: &str) -> Written {
    for d in written.diagnostics.iter_mut().filter(|d| d.at.is_none()) {
        d.at = Some(Location::file(name));
    }
    written
}

fn workbook_bytes(
    doc: &Document,
    summary_title: Option<&str>,
    choice: LayoutChoice,
    extras: Extras,
) -> Result<(Vec<u8>, Written)> {
    let fail = |message: String| Error::write(String::new(), message);
    let mut written = Written::default();
    let mut forms = Vec::new();
    let mut indices = Vec::new();
    for (index, form) in doc.forms.iter().enumerate() {
        match form {
            Form::Legacy2020(_) if choice == LayoutChoice::Official => {
                written.diagnostics.push(skipped(index, form))
            }
            Form::Declaration(d) if choice == LayoutChoice::Source && printed_elsewhere(form) => {
                written.diagnostics.push(nearest(index, d));
                forms.push(form);
                indices.push(index);
            }
            _ => {
                forms.push(form);
                indices.push(index);
            }
        }
    }
    if forms.is_empty() {
        return Err(fail(crate::msg::write::nothing_to_write()));
    }
    // A batch (forms from more than one file) gets a 汇总 sheet first, listing every form with
    // the file and sheet it came from, and each sheet's name starts with the form's 序号 there:
    // the same project of many offices is told apart, and found from the list.
    let files: HashSet<&str> = forms
        .iter()
        .filter_map(|f| f.source())
        .map(|s| s.file.as_str())
        .collect();
    let batch = summary_title.is_none() && files.len() > 1;
    let batch_title = batch.then(|| summary::batch_title(&forms, files.len()));
    let summary_title = summary_title.or(batch_title.as_deref());
    // A form without a project name (a blank form) is named after its title, as the official
    // blank forms are.
    let projects: Vec<String> = forms
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let name = match f.project_name().trim() {
                "" => title(f),
                name => name,
            };
            match batch {
                true => format!("{} {name}", i + 1),
                false => name.to_string(),
            }
        })
        .collect();
    // The summary's name goes first, so that no project sheet takes it.
    let summary_name = summary_title.map(|_| summary::SHEET);
    let kept_names = extras.kept.iter().map(|g| g.sheet.as_str());
    let mut names = sheet_names(
        summary_name
            .into_iter()
            .chain(kept_names)
            .chain(projects.iter().map(String::as_str)),
    );
    if summary_name.is_some() {
        names.remove(0);
    }
    let kept_sheets: Vec<String> = names.drain(..extras.kept.len()).collect();
    written.sheets = names;

    let mut workbook = new_workbook()
        .map_err(|e| fail(crate::msg::write::cannot_build_workbook(&e)).because(e))?;
    let mut styles = Styles::new();
    if choice == LayoutChoice::Source {
        styles.money_decimals = 0;
    }
    if let Some(title) = summary_title {
        let sheet = workbook.add_worksheet();
        summary::write(sheet, title, &forms, &written.sheets, batch, &styles)
            .map_err(|e| fail(crate::msg::write::in_sheet(summary::SHEET, &e)).because(e))?;
    }
    if !extras.kept.is_empty() {
        let mut places = kept::Places::new(&forms, &written.sheets, &styles, choice);
        for (grid, name) in extras.kept.iter().zip(&kept_sheets) {
            let sheet = workbook.add_worksheet();
            kept::write(sheet, name, grid, &mut places, &styles)
                .map_err(|e| fail(crate::msg::write::in_sheet(name, &e)).because(e))?;
        }
    }
    for ((form, name), index) in forms.iter().zip(&written.sheets).zip(indices) {
        let in_sheet = |e: XlsxError| fail(crate::msg::write::in_sheet(name, &e)).because(e);
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).map_err(in_sheet)?;
        let cells = paint(sheet, form, &styles, choice).map_err(in_sheet)?;
        for note in extras.notes.iter().filter(|n| n.form == index) {
            let (row, col) = cells.position(Some(&note.path));
            let col = u16::try_from(col)
                .map_err(|_| fail(crate::msg::write::column_out_of_range(name)))?;
            sheet
                .insert_note(row, col, &field_note(&note.text))
                .map_err(in_sheet)?;
        }
    }
    let bytes = workbook
        .save_to_buffer()
        .map_err(|e| fail(crate::msg::write::cannot_save(&e)).because(e))?;
    Ok((bytes, written))
}

/// Where each field of a form lands in the layout it is written in: field path → area. The
/// writers record it as they paint (`FormSheet::place`), from the layout descriptions
/// of `layout::sheets` they paint by: no second description of the cells, and no
/// reading back of what was written.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FieldCells {
    cells: std::collections::BTreeMap<String, crate::a1::Area>,
}

impl FieldCells {
    /// Where the fields of `form` land, painted on a worksheet that is then dropped.
    pub(crate) fn of(
        form: &Form,
        styles: &Styles,
        choice: LayoutChoice,
    ) -> std::result::Result<FieldCells, XlsxError> {
        paint(&mut rust_xlsxwriter::Worksheet::new(), form, styles, choice)
    }

    pub(crate) fn insert(&mut self, path: String, at: crate::a1::Area) {
        self.cells.insert(path, at);
    }

    /// The top-left cell of a field, or of the row or form holding it; the title (A1) when the
    /// layout has no cell for it (or no field is named).
    pub fn position(&self, path: Option<&str>) -> crate::a1::Pos {
        path.and_then(|p| crate::model::path_and_parents(p).find_map(|p| self.cells.get(p)))
            .map_or((0, 0), |a| a.first)
    }

    /// Every field placed, with its area in A1 notation.
    #[cfg(test)]
    pub(crate) fn a1(&self) -> std::collections::BTreeMap<String, String> {
        self.cells
            .iter()
            .map(|(path, at)| (path.clone(), at.to_string()))
            .collect()
    }
}

/// A cell note (批注): jixiao's own word, not the clerk's data. The cell itself stays blank, so
/// the form reads back as it was and `score` fills it once it can; the note is hidden (shown on
/// hover, marked by the red corner) so that the printed form stays the official one — a shown
/// note prints over the neighbouring cells.
fn field_note(text: &str) -> rust_xlsxwriter::Note {
    let lines: usize = text.lines().map(|l| l.chars().count() / 18 + 1).sum();
    rust_xlsxwriter::Note::new(text)
        .add_author_prefix(false)
        .set_author("jixiao")
        .set_width(260)
        .set_height((lines as u32 * 17 + 12).min(400))
        .set_font_name(styles::FONT)
}

/// A workbook whose bytes depend on its content only: the creation date is pinned (so no
/// clock is read when saving, in a browser neither).
pub(crate) fn new_workbook() -> std::result::Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    Ok(workbook)
}

pub(crate) fn title(form: &Form) -> &'static str {
    match form {
        Form::Declaration(_) => crate::layout::declaration::TITLE.text,
        Form::SelfEvaluation(_) => crate::layout::self_eval::TITLE.text,
        Form::Legacy2020(_) => form.kind_label(),
    }
}

/// The form's own grid, when it was printed in none of the layouts jixiao describes and the
/// grid holds it as it is now (see [`derived::holds`]).
fn own_grid(form: &Form) -> Option<(&crate::model::Source, &crate::model::DerivedLayout)> {
    let source = form.source()?;
    let own = source.derived.as_ref()?;
    derived::holds(form, source, own).then_some((source, own))
}

/// Whether the form was read from a file whose layout is none jixiao describes, and has no
/// grid of its own to be written in (a form read before the reader recorded one, or one whose
/// grid no longer holds it).
fn printed_elsewhere(form: &Form) -> bool {
    form.source().is_some_and(|s| s.layout.is_none()) && own_grid(form).is_none()
}

/// `--layout source` of a 申报表 printed in no layout jixiao describes: which layout it is written
/// in instead, and how many of its values go under 备注 (see [`paint`]).
fn nearest(index: usize, form: &crate::model::Declaration) -> Diagnostic {
    let grid = crate::layout::sheets::nearest_declaration(form);
    let message = crate::msg::write::nearest_layout(
        index + 1,
        &form.project_name,
        grid.id.name(),
        grid.distance(form).without_cell,
    );
    let d = Diagnostic::info(crate::msg::rules::WRITE_NEAREST_LAYOUT, message);
    match &form.source {
        Some(s) => d.at(Location::cell(&s.file, &s.sheet, &s.range)),
        None => d,
    }
}

fn skipped(index: usize, form: &Form) -> Diagnostic {
    let message = crate::msg::write::legacy_not_written(index + 1, form.project_name());
    let d = Diagnostic::warning(crate::msg::rules::WRITE_SKIPPED_FORM, message);
    match form.source() {
        Some(s) => d.at(Location::cell(&s.file, &s.sheet, &s.range)),
        None => d,
    }
    .hint(crate::msg::write::legacy_not_written_hint())
}

/// Sheet names for forms with these project names, in order: valid in Excel and unique.
///
/// Excel refuses names over 31 characters (UTF-16 units), names with `[]:*?/\`, names that
/// start or end with `'`, and two names that differ only in case. So: control characters become
/// spaces, the forbidden characters their full-width forms (`/` → `／`), apostrophes at the
/// ends and surrounding spaces are dropped, the name is cut to 31; an empty name becomes
/// `Sheet N` (N counting from 1 in `project_names`); a repeated one gets ` (2)`, ` (3)`, …
/// within the 31.
pub fn sheet_names<'a>(project_names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    // Excel reserves "History" for its change tracking.
    let mut taken: HashSet<String> = HashSet::from(["history".to_string()]);
    let mut names = Vec::new();
    for (index, project) in project_names.into_iter().enumerate() {
        let cleaned: String = project
            .chars()
            .map(|c| match c {
                '[' => '［',
                ']' => '］',
                ':' => '：',
                '*' => '＊',
                '?' => '？',
                '/' => '／',
                '\\' => '＼',
                c if c.is_control() => ' ',
                c => c,
            })
            .collect();
        let mut base = fit(&cleaned, SHEET_NAME_LIMIT);
        if base.is_empty() {
            base = format!("Sheet {}", index + 1);
        }
        let mut name = base.clone();
        let mut n = 1;
        while taken.contains(&name.to_lowercase()) {
            n += 1;
            let suffix = format!(" ({n})");
            name = format!("{}{suffix}", fit(&base, SHEET_NAME_LIMIT - suffix.len()));
        }
        taken.insert(name.to_lowercase());
        names.push(name);
    }
    names
}

/// `text` trimmed of spaces and apostrophes at the ends, cut to `limit` UTF-16 units.
fn fit(text: &str, limit: usize) -> String {
    let trim = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || c == '\'')
            .to_string()
    };
    let mut used = 0;
    let cut: String = trim(text)
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= limit
        })
        .collect();
    trim(&cut)
}

#[cfg(not(target_family = "wasm"))]
/// Creates or replaces `path` all at once: `write` fills a temporary file next to it, which is
/// flushed to disk and renamed over `path` only when `write` succeeded ([`PendingFile`]).
///
/// Why: a crash, a full disk or a failing writer must never leave a half-written file where
/// the user expects their output, nor destroy the previous one.
///
/// # Errors
/// The error of `write`; [`Error::Write`] when `path` has no file name or the temporary file
/// cannot be flushed or renamed.
pub fn atomically<T>(path: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let pending = PendingFile::new(path)?;
    let value = step(|| write(pending.tmp()))?;
    pending.commit()?;
    Ok(value)
}

#[cfg(not(target_family = "wasm"))]
static COUNTER: AtomicU64 = AtomicU64::new(0);

#[cfg(not(target_family = "wasm"))]
/// A file being written: a temporary file beside `path` that [`PendingFile::commit`] flushes
/// and renames over `path`; dropped without a commit, it is removed and `path` is as it was.
///
/// The temporary file sits in the same directory (a rename does not cross file systems), is
/// named `.<name>.<pid>-<n>.tmp`, and while it exists it is listed by [`temporaries`], so that a
/// program stopped by a signal can remove it (the CLI does). A replaced file keeps its
/// permissions (a 0600 file stays 0600); a new one gets the default.
#[derive(Debug)]
pub struct PendingFile {
    path: PathBuf,
    tmp: PathBuf,
    _listed: Listed,
}

#[cfg(not(target_family = "wasm"))]
impl PendingFile {
    /// Chooses the temporary name (the file itself is the writer's to create); makes `path`'s
    /// directory if it is missing (`-o out/forms.xlsx` in a fresh checkout).
    ///
    /// # Errors
    /// [`Error::Write`] when `path` has no file name or its directory cannot be made.
    pub fn new(path: &Path) -> Result<PendingFile> {
        let fail = |message: String| Error::write(path.display().to_string(), message);
        let name = path
            .file_name()
            .ok_or_else(|| fail(crate::msg::write::not_a_file_name()))?;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(|e| {
            fail(crate::msg::write::cannot_create_directory(crate::msg::io(
                &e,
            )))
            .because(e)
        })?;
        let mut tmp_name = OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(
            ".{}-{}.tmp",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let tmp = dir.join(tmp_name);
        Ok(PendingFile {
            path: path.to_path_buf(),
            _listed: Listed::new(&tmp),
            tmp,
        })
    }

    /// The temporary file to write.
    pub fn tmp(&self) -> &Path {
        &self.tmp
    }

    /// Flushes the temporary file to disk and renames it over the target.
    ///
    /// # Errors
    /// [`Error::Write`] when it cannot be flushed or renamed (it is then removed).
    pub fn commit(self) -> Result<()> {
        let fail = |message: String| Error::write(self.path.display().to_string(), message);
        step(|| {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&self.tmp)
                .and_then(|f| f.sync_all())
                .map_err(|e| {
                    fail(crate::msg::write::cannot_flush(
                        self.tmp.display(),
                        crate::msg::io(&e),
                    ))
                    .because(e)
                })?;
            if let Ok(old) = std::fs::metadata(&self.path) {
                std::fs::set_permissions(&self.tmp, old.permissions()).map_err(|e| {
                    fail(crate::msg::write::cannot_keep_mode(crate::msg::io(&e))).because(e)
                })?;
            }
            std::fs::rename(&self.tmp, &self.path)
                .map_err(|e| fail(crate::msg::write::cannot_replace(crate::msg::io(&e))).because(e))
        })
    }
}

#[cfg(not(target_family = "wasm"))]
impl Drop for PendingFile {
    fn drop(&mut self) {
        // Best effort: after a commit, or before the writer made it, there is none.
        let _ = std::fs::remove_file(&self.tmp);
    }
}

#[cfg(not(target_family = "wasm"))]
/// The temporary files and directories being written right now (see [`atomically`]).
static TEMPORARIES: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

#[cfg(not(target_family = "wasm"))]
/// The temporary files and directories jixiao is writing at this moment: what a signal handler
/// removes before the program ends.
pub fn temporaries() -> Vec<PathBuf> {
    TEMPORARIES.lock().map(|t| t.clone()).unwrap_or_default()
}

#[cfg(not(target_family = "wasm"))]
/// Held by each [`step`] of writing, and for good by [`remove_temporaries`].
static STEP: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[cfg(not(target_family = "wasm"))]
/// Set by [`remove_temporaries`]: no step of writing starts any more.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(not(target_family = "wasm"))]
/// Runs one step that makes, fills at once or moves a temporary: creating the temporary file
/// or directory (or a file in it), writing bytes made in memory into it, putting it in place.
/// Steps never overlap [`remove_temporaries`]: it waits for the step under way, and once it
/// has begun no step starts (the thread waits for the program's end). So a signal never leaves
/// a temporary made just after the removal, nor an output half put in place. (Bytes streamed
/// later into a temporary already open need no step: once it is removed they go nowhere.)
fn step<T>(f: impl FnOnce() -> T) -> T {
    let guard = STEP.lock();
    if STOPPING.load(Ordering::SeqCst) {
        drop(guard);
        loop {
            std::thread::park();
        }
    }
    f()
}

#[cfg(not(target_family = "wasm"))]
/// Creates (or truncates) the temporary file `path` of a [`PendingFile`] or inside a
/// [`PendingDir`], as one `step`, for a writer that streams into it.
///
/// # Errors
/// The error of [`std::fs::File::create`].
pub fn create_temporary(path: &Path) -> std::io::Result<std::fs::File> {
    step(|| std::fs::File::create(path))
}

#[cfg(not(target_family = "wasm"))]
/// Removes every temporary file and directory being written, after the step of writing under
/// way, and stops all writing for good: call it only to end the program (the CLI does on
/// SIGINT and SIGTERM). The previous outputs stay as they were.
pub fn remove_temporaries() {
    STOPPING.store(true, Ordering::SeqCst);
    // Held until the program ends: no step starts after this.
    std::mem::forget(STEP.lock());
    for p in temporaries() {
        if p.is_dir() {
            let _ = std::fs::remove_dir_all(&p);
        } else {
            let _ = std::fs::remove_file(&p);
        }
    }
}

#[cfg(not(target_family = "wasm"))]
/// Lists a temporary path in [`temporaries`] for as long as it lives.
#[derive(Debug)]
struct Listed(PathBuf);

#[cfg(not(target_family = "wasm"))]
impl Listed {
    fn new(path: &Path) -> Listed {
        if let Ok(mut t) = TEMPORARIES.lock() {
            t.push(path.to_path_buf());
        }
        Listed(path.to_path_buf())
    }
}

#[cfg(not(target_family = "wasm"))]
impl Drop for Listed {
    fn drop(&mut self) {
        if let Ok(mut t) = TEMPORARIES.lock() {
            t.retain(|p| p != &self.0);
        }
    }
}

#[cfg(not(target_family = "wasm"))]
/// Writes a set of files into the directory `dir` as one unit ([`PendingDir`]).
///
/// # Errors
/// As [`PendingDir::new`] and [`PendingDir::commit`]; [`Error::Write`] when a file cannot be
/// written.
pub fn directory_atomically(dir: &Path, files: &[(String, Vec<u8>)], ours: &[&str]) -> Result<()> {
    let pending = PendingDir::new(dir, ours)?;
    step(|| {
        for (file, bytes) in files {
            let path = pending.tmp().join(file);
            // One handle that writes and flushes: Windows refuses to flush a read-only one.
            std::fs::File::create(&path)
                .and_then(|mut f| {
                    std::io::Write::write_all(&mut f, bytes)?;
                    f.sync_all()
                })
                .map_err(|e| {
                    Error::write(
                        dir.display().to_string(),
                        crate::msg::write::cannot_write(file, crate::msg::io(&e)),
                    )
                    .because(e)
                })?;
        }
        Ok(())
    })?;
    pending.commit()
}

#[cfg(not(target_family = "wasm"))]
/// A directory being written as one unit: its files go into a temporary directory beside it,
/// which [`PendingDir::commit`] puts in the place of `dir` (the previous `dir`, if any, is
/// removed only after). A reader never sees new tables beside stale ones, and a stopped run
/// (or a pending directory dropped without a commit) leaves the previous directory as it was.
/// The writer flushes each file (`sync_all`) before the commit.
#[derive(Debug)]
pub struct PendingDir {
    dir: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    _listed: (Listed, Listed),
}

#[cfg(not(target_family = "wasm"))]
impl PendingDir {
    /// Makes the temporary directory. `dir` must be absent, empty, or hold only files named in
    /// `ours` (the tables an earlier run wrote): jixiao never deletes anything else.
    ///
    /// # Errors
    /// [`Error::Write`] when `dir` holds other files or the temporary directory cannot be made.
    pub fn new(dir: &Path, ours: &[&str]) -> Result<PendingDir> {
        let shown = dir.display().to_string();
        let fail = |message: String| Error::write(shown.clone(), message);
        if dir.exists() {
            let entries = std::fs::read_dir(dir)
                .map_err(|e| fail(crate::msg::write::cannot_list(crate::msg::io(&e))).because(e))?;
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if !ours.contains(&name.as_str()) {
                    return Err(fail(crate::msg::write::foreign_file(name)));
                }
            }
        }
        let name = dir
            .file_name()
            .ok_or_else(|| fail(crate::msg::write::not_a_directory_name()))?
            .to_string_lossy()
            .into_owned();
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(parent).map_err(|e| {
            fail(crate::msg::write::cannot_create_directory(crate::msg::io(
                &e,
            )))
            .because(e)
        })?;
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = parent.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        let old = parent.join(format!(".{name}.{}-{n}.old", std::process::id()));
        let pending = PendingDir {
            dir: dir.to_path_buf(),
            _listed: (Listed::new(&tmp), Listed::new(&old)),
            tmp,
            old,
        };
        step(|| std::fs::create_dir(&pending.tmp)).map_err(|e| {
            fail(crate::msg::write::cannot_create(pending.tmp.display(), &e)).because(e)
        })?;
        Ok(pending)
    }

    /// The temporary directory to write the files into.
    pub fn tmp(&self) -> &Path {
        &self.tmp
    }

    /// Puts the temporary directory in the place of the target.
    ///
    /// # Errors
    /// [`Error::Write`] when the renames fail (the previous directory is then put back).
    pub fn commit(self) -> Result<()> {
        let fail = |message: String| Error::write(self.dir.display().to_string(), message);
        step(|| {
            let had_old = self.dir.exists();
            if had_old {
                std::fs::rename(&self.dir, &self.old)
                    .map_err(|e| fail(crate::msg::write::cannot_move_old(&e)).because(e))?;
            }
            if let Err(e) = std::fs::rename(&self.tmp, &self.dir) {
                if had_old {
                    let _ = std::fs::rename(&self.old, &self.dir);
                }
                return Err(fail(crate::msg::write::cannot_put_new(&e)).because(e));
            }
            if had_old {
                let _ = std::fs::remove_dir_all(&self.old);
            }
            Ok(())
        })
    }
}

#[cfg(not(target_family = "wasm"))]
impl Drop for PendingDir {
    fn drop(&mut self) {
        // After a commit there is none.
        let _ = std::fs::remove_dir_all(&self.tmp);
    }
}

#[cfg(not(target_family = "wasm"))]
/// Writes bytes atomically.
///
/// # Errors
/// [`Error::Write`] when the file cannot be written.
pub fn bytes_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    atomically(path, |tmp| {
        std::fs::write(tmp, bytes).map_err(|e| {
            let file = path.display().to_string();
            Error::write(
                &file,
                crate::msg::write::cannot_write(&file, crate::msg::io(&e)),
            )
            .because(e)
        })
    })
}

#[cfg(test)]
mod tests;

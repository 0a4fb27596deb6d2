//! Inputs → [`Document`]: workbooks are opened as [`Grid`]s, forms are found by their title
//! anchor (so a sheet may hold one form or several stacked ones, anywhere), and each form kind's
//! reader maps labels to fields. JSON models are read as they are.

pub mod declaration;
pub mod flat;
pub mod legacy_2020;
pub mod scope;
pub mod self_eval;
pub mod text;

use crate::a1::{self, Pos};
use crate::diag::{Diagnostic, Error, Location, Read, Result, Severity};
use crate::formats::InputFormat;
use crate::grid::{self, Cell, Grid};
use crate::layout::{self, Label};
use crate::model::{Document, ExtraCell, Form, Indicator, IndicatorValue, Note};
use crate::msg::review as msg;
use scope::{Scope, Value};
#[cfg(not(target_family = "wasm"))]
use std::path::{Path, PathBuf};

/// The form kinds a title can announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Declaration,
    SelfEvaluation,
    Legacy2020,
}

impl FormKind {
    /// The kind a title cell announces, if it is a title: see [`title`].
    pub fn of_title(text: &str) -> Option<FormKind> {
        title(text).map(|t| t.kind)
    }
}

/// What a title cell says: the form kind, and whether it is a bare 目标表 title, which both the
/// Shanghai 2020 form and the provincial 88号 copies print (the form's content decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    pub kind: FormKind,
    pub target_table: bool,
}

/// Core titles, matched at the end of a title cell: `(core, kind, is a 目标表)`.
const TITLE_CORES: [(&str, FormKind, bool); 4] = [
    ("绩效自评表", FormKind::SelfEvaluation, false),
    ("绩效目标申报表", FormKind::Declaration, false),
    ("绩效目标批复表", FormKind::Declaration, false),
    ("绩效目标表", FormKind::Declaration, true),
];

/// Reads a title by pattern, as offices print them (issue 11): a core title
/// (`项目支出绩效目标申报表`, `绩效目标表`, `项目支出绩效自评表`, …) with anything in front of it — a
/// year (`2023年`), a unit's name, a programme (`部门预算`, `兵团本级财政…补助资金`) — and
/// parentheticals after it: a category (`(基础设施建设类)`) or the year (`(2023年度)`). A cell
/// that reads like a sentence (commas, colons, full stops) or is longer than a title is none.
pub fn title(text: &str) -> Option<Title> {
    title_key(&layout::normalize_label(text))
}

/// [`title`] of a text already normalised ([`crate::grid::Grid::label_key`]).
pub fn title_key(key: &str) -> Option<Title> {
    let t = key.trim_start_matches('#');
    if t.chars().count() > 60 || t.contains([',', ':', '。', ';', '；']) {
        return None;
    }
    let mut core = t;
    while let Some(open) = core.strip_suffix(')').and_then(|c| c.rfind('(')) {
        core = &core[..open];
    }
    TITLE_CORES
        .iter()
        .find(|(c, _, _)| core.ends_with(c))
        .map(|&(_, kind, target_table)| Title { kind, target_table })
}

/// Whether every non-empty cell of `row` is a header note (`报表编号:…`), and there is one.
fn is_header_note_row(grid: &Grid, row: u32) -> bool {
    let labels = [
        layout::declaration::HEADER_NOTES,
        layout::self_eval::HEADER_NOTES,
    ]
    .concat();
    let texts: Vec<String> = (0..grid.cols)
        .map(|c| grid.text((row, c)))
        .filter(|t| !t.is_empty())
        .collect();
    !texts.is_empty()
        && texts
            .iter()
            .all(|t| !layout::split_pairs(t, &labels).is_empty())
}

/// Whether the form in `rows` is the Shanghai 2020 目标表 rather than an 88号 目标表: it prints
/// labels only that form has (申报单位名称, 项目概况, 一级目标, …).
fn is_legacy_2020(grid: &Grid, rows: (u32, u32)) -> bool {
    use layout::legacy_2020 as l;
    let markers = [
        l::APPLICANT,
        l::LEVEL1,
        l::GOVERNMENT_PURCHASE,
        l::PERFORMANCE_TYPE,
        l::PRIOR_YEAR,
        l::NARRATIVE[0].1,
    ];
    (rows.0..=rows.1).any(|r| {
        (0..grid.cols).any(|c| {
            let text = grid.text((r, c));
            !text.is_empty()
                && markers.iter().any(|m| {
                    m.matches(&text)
                        || !layout::split_pairs(&text, std::slice::from_ref(m)).is_empty()
                })
        })
    })
}

/// Reads every form on a sheet. Cells outside any form are reported, never dropped silently.
pub fn read_grid(grid: &Grid) -> Read<Vec<Form>> {
    let mut titles: Vec<(Pos, Title)> = grid
        .cells()
        .into_iter()
        .filter_map(|(pos, cell)| match cell {
            Cell::Text(_) => title_key(grid.own_label_key(pos)?).map(|k| (pos, k)),
            _ => None,
        })
        .collect();
    titles.sort_by_key(|(p, _)| *p);
    // A title repeated into every cell of its merged area (or across a row) is one title.
    titles.dedup_by_key(|((row, _), _)| *row);
    let mut forms = Vec::new();
    let mut diagnostics = Vec::new();
    let filled = grid.cells().len();
    if titles.is_empty() && filled > 0 {
        diagnostics.push(
            Diagnostic::warning(
                "read.no-form-on-sheet",
                format!("工作表中没有找到表单标题，其中 {filled} 个非空单元格未读取"),
            )
            .at(Location {
                file: grid.file.clone(),
                sheet: Some(grid.sheet.clone()),
                cell: None,
            })
            .hint("表单以标题开头，如 财政项目支出绩效目标申报表 或 财政项目支出绩效自评表"),
        );
    }
    let first_start = titles.first().map(|((row, _), _)| {
        let mut start = *row;
        while start > 0 && is_header_note_row(grid, start - 1) {
            start -= 1;
        }
        start
    });
    if let Some(first_row) = first_start {
        for (pos, cell) in grid.cells() {
            if pos.0 < first_row {
                diagnostics.push(
                    Diagnostic::info(
                        "read.outside-form",
                        format!(
                            "cell above the first form, not part of any form: 「{}」",
                            cell.text()
                        ),
                    )
                    .at(Location::cell(
                        &grid.file,
                        &grid.sheet,
                        a1::cell_name(pos),
                    )),
                );
            }
        }
    }
    // A form starts at its title, or above it where the rows over the title hold only header
    // notes such as `报表编号:510000_0013zp` (四川 一体化).
    let starts: Vec<u32> = titles
        .iter()
        .enumerate()
        .map(|(i, ((row, _), _))| {
            let floor = if i == 0 { 0 } else { titles[i - 1].0.0 + 1 };
            let mut start = *row;
            while start > floor && is_header_note_row(grid, start - 1) {
                start -= 1;
            }
            start
        })
        .collect();
    for (i, &(title, found)) in titles.iter().enumerate() {
        let row = starts[i];
        let last = starts
            .get(i + 1)
            .map(|r| r - 1)
            .unwrap_or(grid.rows.saturating_sub(1));
        let kind = if found.target_table && is_legacy_2020(grid, (row, last)) {
            FormKind::Legacy2020
        } else {
            found.kind
        };
        let scope = |labels| {
            let mut s = Scope::new(grid, (row, last), labels);
            s.mark_used(title);
            s
        };
        let (form, diags) = match kind {
            FormKind::Declaration => {
                let (f, d) = declaration::read(scope(declaration::LABELS));
                (Some(Form::Declaration(f)), d)
            }
            FormKind::SelfEvaluation => {
                let (f, d) = self_eval::read(scope(self_eval::LABELS));
                (Some(Form::SelfEvaluation(f)), d)
            }
            FormKind::Legacy2020 => {
                let (f, d) = legacy_2020::read(scope(legacy_2020::LABELS));
                (Some(Form::Legacy2020(f)), d)
            }
        };
        forms.extend(form);
        diagnostics.extend(diags);
    }
    Read::new(forms, diagnostics)
}

/// Reads every form of a workbook file (xlsx, xlsm, xls, ods): [`read_workbook_bytes`] on its
/// bytes.
///
/// # Errors
/// As [`read_workbook_bytes`]; [`Error::Unreadable`] when the file cannot be read.
#[cfg(not(target_family = "wasm"))]
pub fn read_workbook(path: &Path) -> Result<Read<Vec<Form>>> {
    let shown = path.display().to_string();
    read_workbook_bytes(&load(path)?, &shown)
}

/// Reads every form of a workbook held in memory (xlsx, xlsm, xls, ods, or a flat-table
/// workbook). `name` is the file name the user knows it by: it names the forms' source and the
/// messages.
///
/// # Errors
/// [`Error::Unreadable`] when the bytes are not a workbook, or hold no form at all.
pub fn read_workbook_bytes(bytes: &[u8], name: &str) -> Result<Read<Vec<Form>>> {
    forms_of_grids(grid::open_bytes(bytes, name)?, name)
}

fn forms_of_grids(grids: Vec<Grid>, name: &str) -> Result<Read<Vec<Form>>> {
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
    let title_only = |at: Location| Error::At {
        at,
        message: msg::title_only(),
        hint: Some(msg::title_only_hint()),
    };
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
        return Err(Error::unreadable(
            name,
            "no performance form found in any sheet",
        )
        .with_hint(
            "jixiao looks for a title such as 财政项目支出绩效目标申报表 or 财政项目支出绩效自评表",
        ));
    }
    Ok(Read::new(forms, diagnostics))
}

/// A form of which only the title (and the year) was found: no field label at all.
fn is_title_only(source: &crate::model::Source) -> bool {
    source.cells.keys().all(|k| k == "year")
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
        .map_err(|e| Error::unreadable(name, format!("not a jixiao JSON model: not UTF-8: {e}")))?;
    let doc: Document = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| Error::unreadable(name, format!("not a jixiao JSON model: {e}")))?;
    if doc.schema_version > crate::model::SCHEMA_VERSION {
        return Err(Error::unreadable(
            name,
            format!(
                "schema_version {} is newer than this jixiao understands ({})",
                doc.schema_version,
                crate::model::SCHEMA_VERSION
            ),
        )
        .with_hint("upgrade jixiao"));
    }
    Ok(doc)
}

/// Reads one input file, choosing the reader from the file's content and extension: a JSON
/// model, a workbook of forms, a flat-table workbook, or a directory of flat CSV tables.
///
/// # Errors
/// See [`read_bytes`] and [`flat::read_dir`].
#[cfg(not(target_family = "wasm"))]
pub fn read_path(path: &Path) -> Result<Read<Vec<Form>>> {
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
pub fn read_bytes(bytes: &[u8], name: &str) -> Result<Read<Vec<Form>>> {
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
    let cause = match e {
        Error::Unreadable { message, .. } => message,
        other => other.to_string(),
    };
    Error::unreadable(name, crate::msg::review::wps_et(cause))
        .with_hint(crate::msg::review::wps_et_hint())
}

/// [`read_bytes`] with the format given rather than detected.
///
/// # Errors
/// As [`read_bytes`].
pub fn read_bytes_as(bytes: &[u8], name: &str, format: InputFormat) -> Result<Read<Vec<Form>>> {
    match format {
        InputFormat::Json => read_json_bytes(bytes, name).map(|d| Read::new(d.forms, Vec::new())),
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
    File {
        name: String,
        bytes: Vec<u8>,
    },
    /// Flat tables: the set's name (the directory) and each table's file name and bytes.
    Tables {
        name: String,
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
            for t in flat::TABLE_FILES {
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
            "a directory with no workbook, JSON model or flat tables in it",
        ));
    }
    // A FIFO or a device would block or never end: only regular files are read.
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::unreadable(&shown, format!("cannot open: {e}")))?;
    if !meta.is_file() {
        return Err(Error::unreadable(
            shown,
            "不是普通文件（管道、设备等），未读取",
        ));
    }
    let limit = grid::Limits::current().max_file_bytes;
    if meta.len() > limit {
        return Err(Error::unreadable(
            shown,
            format!("文件大小 {} 字节超出上限 {limit}：未读取", meta.len()),
        )
        .with_hint("确需读取时设置环境变量 JIXIAO_MAX_FILE_BYTES=更大的值"));
    }
    std::fs::read(path).map_err(|e| Error::unreadable(&shown, format!("cannot open: {e}")))
}

/// Reads one input held in memory: [`read_bytes`] for a file, [`flat::read_tables`] for a set
/// of flat tables.
///
/// # Errors
/// As [`read_bytes`] and [`flat::read_tables`].
pub fn read_input(input: &Input) -> Result<Read<Vec<Form>>> {
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
                Diagnostic::warning("read.skipped", "无法访问（断开的链接？），已跳过")
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
                    Diagnostic::warning("read.skipped", "不是普通文件（管道、设备等），已跳过")
                        .at(Location::file(e.display().to_string())),
                );
            } else if InputFormat::is_input_name(&name) {
                expand_one(&e, false, seen, files, notes);
            } else {
                let lower = name.to_lowercase();
                let hint = if lower.ends_with(".csv") {
                    "单独的 CSV 不是表单；平表请与 indicators.csv 等一起放在一个目录中"
                } else {
                    "jixiao 读取 .xlsx .xlsm .xls .ods 工作簿、JSON 模型和平表目录"
                };
                notes.push(
                    Diagnostic::warning("read.skipped", "不是 jixiao 能读的文件类型，已跳过")
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
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
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
        let bad: std::collections::HashSet<&str> =
            self.read_errors.iter().map(|(f, _)| f.as_str()).collect();
        let mut document = self.document.clone();
        document.forms = self
            .document
            .forms
            .iter()
            .zip(&self.origins)
            .filter(|(_, origin)| !bad.contains(origin.0.as_str()))
            .map(|(form, _)| form.clone())
            .collect();
        let diagnostics = self
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Error)
            .cloned()
            .collect();
        (document, diagnostics, self.read_errors.clone())
    }

    /// Adds what one input gave: its forms and warnings, or the error that stopped it.
    pub fn add(&mut self, name: &str, read: Result<Read<Vec<Form>>>) {
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

/// [`read_inputs`] on `jobs` threads: each file is read by whichever thread is free, and the
/// results are gathered in input order, so the [`Inputs`] are the same for any `jobs`.
#[cfg(not(target_family = "wasm"))]
pub fn read_inputs_jobs(paths: &[PathBuf], jobs: usize) -> Inputs {
    // Each input's files in order; an input without any (an empty folder, or one without any
    // workbook) is `Err` and is said so rather than checking nothing.
    let mut work: Vec<std::result::Result<PathBuf, &PathBuf>> = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let (files, notes) = expand_inputs_noting(std::slice::from_ref(path));
        skipped.extend(notes);
        if files.is_empty() {
            work.push(Err(path));
        }
        work.extend(files.into_iter().map(Ok));
    }
    let read_one = |item: &std::result::Result<PathBuf, &PathBuf>| {
        item.as_ref()
            .ok()
            .map(|file| Input::load(file).and_then(|i| read_input(&i)))
    };
    let mut inputs = Inputs::default();
    // What the directories held and jixiao does not read, named before the forms.
    inputs.diagnostics.extend(skipped);
    let add = |inputs: &mut Inputs, item: &std::result::Result<PathBuf, &PathBuf>, read| match (
        item, read,
    ) {
        (Ok(file), Some(read)) => inputs.add(&file.display().to_string(), read),
        (Ok(_), None) => {}
        (Err(path), _) => inputs.errors.push(
            Error::unreadable(path.display().to_string(), msg::no_input_file())
                .with_hint(msg::no_input_file_hint()),
        ),
    };
    let jobs = jobs.clamp(1, work.len().max(1));
    if jobs == 1 {
        for item in &work {
            add(&mut inputs, item, read_one(item));
        }
        return inputs;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::scope(|s| {
        for _ in 0..jobs {
            let sender = sender.clone();
            let (next, work, read_one) = (&next, &work, &read_one);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = work.get(i) else { break };
                    if sender.send((i, read_one(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // Results arrive in any order; each is added as soon as all before it are.
        let mut waiting = std::collections::BTreeMap::new();
        let mut due = 0;
        for (i, read) in receiver {
            waiting.insert(i, read);
            while let Some(read) = waiting.remove(&due) {
                add(&mut inputs, &work[due], read);
                due += 1;
            }
        }
    });
    inputs
}

/// The `（2026年度）` caption in the form's first rows.
fn read_year(scope: &mut Scope) -> Option<i32> {
    let (first, last) = scope.rows;
    for r in first..=(first + 3).min(last) {
        for c in 0..scope.grid.cols {
            let text = scope.grid.text((r, c));
            if scope.grid.area((r, c)).first != (r, c)
                || !text.contains("年度")
                || scope.is_label((r, c))
            {
                continue;
            }
            let compact: String = text.chars().filter(|ch| !ch.is_whitespace()).collect();
            let before = compact.split("年度").next().unwrap_or("");
            // The digits right before 年度: `（2026年度）`, `( 2024 年度)`.
            let digits = &before[before
                .trim_end_matches(|ch: char| ch.is_ascii_digit())
                .len()..];
            let inner = before.trim_start_matches(['（', '(']);
            if digits.len() == 4 {
                scope.mark("year", (r, c));
                return digits.parse().ok();
            }
            if inner.is_empty() {
                scope.mark("year", (r, c));
                return None;
            }
        }
    }
    None
}

/// A date field: date cells, Excel serial numbers and `2026-01-01`, `2026/1/1`, `2026年1月1日`,
/// `2026.1.1` become `YYYY-MM-DD`; other text is kept as printed, with a warning. The value may
/// share its label's cell (`计划开始日期：2020-01-01`).
fn read_date_value(scope: &mut Scope, path: &str, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let pos = value.pos();
    scope.mark(path, pos);
    let cell = match value {
        Value::Cell(p) => match scope.grid.get(*p) {
            Some(c) => c.clone(),
            None => return String::new(),
        },
        Value::Inline { text, .. } => Cell::Text(text.clone()),
    };
    let parsed = match &cell {
        Cell::Date(d) => Some(d.clone()),
        Cell::Number { value, .. } if (1.0..2958466.0).contains(value) && value.fract() == 0.0 => {
            Some(date_from_serial(*value as i64))
        }
        Cell::Text(t) => parse_date_text(t),
        _ => None,
    };
    parsed.unwrap_or_else(|| {
        let text = cell.text();
        if looks_like_date(&text) {
            scope.diagnostics.push(
                Diagnostic::error("read.impossible-date", "日期不存在")
                    .at(scope.location(pos))
                    .found(format!("{text:?}"))
                    .hint("检查月份和日期，如 2 月只有 28 或 29 天"),
            );
            return text;
        }
        scope.diagnostics.push(
            Diagnostic::warning("read.date", "not a date; kept as printed")
                .at(scope.location(pos))
                .found(format!("{text:?}"))
                .hint("write dates as 2026-01-01"),
        );
        text
    })
}

/// Text shaped like a date (`2026-02-30`, `2026年13月1日`): three runs of digits in a date's
/// separators, whether or not the day exists.
fn looks_like_date(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches('日');
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
}

/// `2026-01-01`, `2026/1/1`, `2026.1.1`, `2026年1月1日` → `2026-01-01`.
pub fn parse_date_text(text: &str) -> Option<String> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches('日');
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (
        parts[0].parse().ok()?,
        parts[1].parse().ok()?,
        parts[2].parse().ok()?,
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1000..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days[(m - 1) as usize]
    {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Excel's 1900 date system: serial 1 is 1900-01-01 (with its phantom 1900-02-29).
fn date_from_serial(serial: i64) -> String {
    // Days from 1970-01-01; Excel's day 25569 is 1970-01-01 (serials after 1900-02-28).
    let z = serial - 25569 + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// One row of an indicator table, with 一级/二级 carried down merged or blank cells.
pub struct TableRow {
    pub row: u32,
    pub level1: String,
    pub level2: String,
    /// Texts of the columns after 一级 and 二级, in the order asked for.
    pub texts: Vec<String>,
    /// Where those texts stood.
    pub cells: Vec<Option<Pos>>,
}

impl TableRow {
    /// The row of a 申报表 or 目标表 table, read with the columns 一级, 二级, 三级, 指标值.
    pub fn into_indicator(self) -> Indicator {
        let mut texts = self.texts.into_iter();
        Indicator {
            level1: self.level1,
            level2: self.level2,
            name: texts.next().unwrap_or_default(),
            target: IndicatorValue::new(texts.next().unwrap_or_default()),
            ..Indicator::default()
        }
    }
}

/// Reads indicator rows below `header_row`. `named` are the field names and columns of 一级, 二级
/// and then the others, the first of them the 三级 (each cell is recorded as `<path>[i].<name>`,
/// `path` being `indicators` or `medium_term.indicators`). The table ends at a row with nothing
/// in any of these columns nor in the `beside` ones (the other side of a two-sided table), or at
/// a `stop` label.
///
/// Rows that hold nothing of their own — only 一级/二级 merged down from above, or a 三级
/// placeholder such as `指标2:` (DOMAIN §1b, see [`layout::is_placeholder`]) — are no indicator
/// and are skipped; a placeholder's cell counts as read, with an info note. A row whose 一级 or
/// 二级 starts on it is kept even when empty: that is the skeleton of a 二级 with no 三级.
pub fn table_rows(
    scope: &mut Scope,
    path: &str,
    header_row: u32,
    named: &[(&str, Option<u32>)],
    beside: &[u32],
    stop: &[Label],
) -> Vec<TableRow> {
    let grid = scope.grid;
    let cols: Vec<Option<u32>> = named.iter().map(|(_, c)| *c).collect();
    let mut rows = Vec::new();
    let (mut level1, mut level2) = (String::new(), String::new());
    for r in header_row + 1..=scope.rows.1 {
        let first_key = (0..grid.cols)
            .map(|c| grid.label_key((r, c)))
            .find(|t| !t.is_empty());
        if first_key
            .is_some_and(|t| stop.iter().any(|l| l.matches_key(t)) || layout::is_footer_key(t))
        {
            break;
        }
        // A column counts when its cell (or the merged area it continues) starts below the header.
        let live = |c: u32, continues: bool| {
            let area = grid.area((r, c));
            let starts_here = area.first.0 == r;
            (starts_here || (continues && area.first.0 > header_row))
                && !grid.text_str((r, c)).is_empty()
        };
        let has_content = cols
            .iter()
            .enumerate()
            .any(|(i, c)| c.is_some_and(|c| live(c, i < 2)))
            || beside.iter().any(|&c| live(c, false));
        if !has_content {
            break;
        }
        let i = rows.len();
        // What the row maps, applied only if the row is kept: (field, cell, has text).
        let mut fields: Vec<(String, Pos, bool)> = Vec::new();
        let mut own_level = false;
        if let Some(c) = cols[0] {
            let area = grid.area((r, c));
            if live(c, true) {
                let text = grid.text((r, c));
                if area.first.0 == r && text != level1 {
                    level2.clear();
                }
                level1 = text;
                own_level |= area.first.0 == r;
                fields.push((format!("{path}[{i}].level1"), area.first, true));
            }
        }
        if let Some(c) = cols.get(1).copied().flatten() {
            let area = grid.area((r, c));
            if live(c, true) {
                level2 = grid.text((r, c));
                own_level |= area.first.0 == r;
                fields.push((format!("{path}[{i}].level2"), area.first, true));
            } else if area.first.0 == r {
                // A blank 二级 under a new 一级 block starts blank, not carried.
                if cols[0].is_some_and(|c1| grid.area((r, c1)).first.0 == r && live(c1, true)) {
                    level2.clear();
                }
            }
        }
        let mut texts = Vec::new();
        let mut cells = Vec::new();
        for (k, (name, c)) in named.iter().skip(2).enumerate() {
            match c {
                Some(c) if grid.area((r, *c)).first.0 == r => {
                    let pos = grid.area((r, *c)).first;
                    let mut text = grid.text(pos);
                    if k == 0 && layout::is_placeholder(&text) {
                        scope.mark_used(pos);
                        scope.diagnostics.push(
                            Diagnostic::info(
                                "read.placeholder",
                                format!(
                                    "placeholder 三级 {text:?} from the blank form; read as blank"
                                ),
                            )
                            .at(scope.location(pos)),
                        );
                        text.clear();
                    }
                    fields.push((format!("{path}[{i}].{name}"), pos, !text.is_empty()));
                    texts.push(text);
                    cells.push(Some(pos));
                }
                _ => {
                    texts.push(String::new());
                    cells.push(None);
                }
            }
        }
        if !own_level && texts.iter().all(String::is_empty) {
            for (_, pos, _) in fields {
                scope.mark_used(pos);
            }
            continue;
        }
        scope.record(
            &format!("{path}[{i}]"),
            a1::Area::new((r, 0), (r, grid.cols.saturating_sub(1))),
        );
        for (field, pos, has_text) in fields {
            if has_text {
                scope.mark(&field, pos);
            } else {
                scope.record(&field, grid.area(pos));
            }
        }
        rows.push(TableRow {
            row: r,
            level1: level1.clone(),
            level2: level2.clone(),
            texts,
            cells,
        });
    }
    rows
}

/// The columns of an indicator table's header row that no known column took: `(column, head)`,
/// left to right from `first_col` (绩效标准, 指标性质, 度量单位). Each is kept per row as an
/// [`ExtraCell`].
pub fn extra_columns(scope: &mut Scope, header_row: u32, first_col: u32) -> Vec<(u32, String)> {
    scope
        .unused_in_row(header_row)
        .into_iter()
        .filter(|p| p.1 > first_col)
        .map(|p| {
            scope.mark_used(p);
            (p.1, scope.grid.text(p))
        })
        .collect()
}

/// The extra cells of one row, non-empty ones only, under their column heads.
pub fn extra_cells(columns: &[(u32, String)], texts: &[String]) -> Vec<ExtraCell> {
    columns
        .iter()
        .zip(texts)
        .filter(|(_, t)| !t.is_empty())
        .map(|((_, head), text)| ExtraCell {
            column: head.clone(),
            text: text.clone(),
        })
        .collect()
}

/// Header labels the model has no field for (`labels`: 项目来源, 报表编号, …) found above row
/// `before`: a note each when filled in, with the label as printed.
pub fn read_header_notes(scope: &mut Scope, labels: &[Label], before: u32, notes: &mut Vec<Note>) {
    let from = scope.rows.0;
    for label in labels {
        let Some(found) = scope
            .labelled(label, scope::Direction::Right, from)
            .filter(|f| f.at.0 < before)
        else {
            continue;
        };
        let path = format!("notes[{}].text", notes.len());
        let text = scope.take_value_text(&path, found.value.as_ref());
        if !text.is_empty() {
            notes.push(Note {
                label: found.written.trim_end_matches([':', '：']).to_string(),
                text,
            });
        }
    }
}

/// The lines under a form from row `from` on that no field took (issue 11): notes (`注：…`),
/// signatures and dates (`填报人：`, `单位负责人`), the 自评表's closing remarks (`评价结论 | text`).
/// A label cell (one of [`layout::FOOTER_LABELS`], or any text ending in a colon) with a value on
/// its right gives a note of that label and value; a label with nothing after it is read as
/// blank; any other cell is a note of its own text.
pub fn read_footer(scope: &mut Scope, from: u32, notes: &mut Vec<Note>) {
    let grid = scope.grid;
    for r in from..=scope.rows.1 {
        let anchors: Vec<Pos> = (0..grid.cols)
            .map(|c| (r, c))
            .filter(|&p| grid.area(p).first == p && !grid.text(p).is_empty() && !scope.is_used(p))
            .collect();
        let mut k = 0;
        while k < anchors.len() {
            let pos = anchors[k];
            let text = grid.text(pos);
            let is_label = (layout::is_footer(&text) && !text.trim_start().starts_with('注'))
                || text.trim_end().ends_with([':', '：']);
            let i = notes.len();
            if is_label {
                let next = anchors
                    .get(k + 1)
                    .filter(|&&p| !layout::is_footer(&grid.text(p)));
                scope.mark(&format!("notes[{i}].label"), pos);
                if let Some(&value) = next {
                    notes.push(Note {
                        label: text.trim_end_matches([':', '：', ' ']).to_string(),
                        text: scope.take_text(&format!("notes[{i}].text"), Some(value)),
                    });
                    k += 2;
                    continue;
                }
            } else {
                notes.push(Note {
                    label: String::new(),
                    text: scope.take_text(&format!("notes[{i}].text"), Some(pos)),
                });
            }
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_11_titles_by_pattern() {
        let kind = |t: &str| title(t).map(|t| (t.kind, t.target_table));
        use FormKind::*;
        for t in [
            "财政项目支出绩效目标申报表",
            "2023年项目支出绩效目标申报表",
            "绩效目标申报表(基础设施建设类)",
            "上海市宝山区人民政府办公室财政项目支出绩效目标申报表",
            "兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表",
            "东莞市财政项目支出绩效目标批复表",
        ] {
            assert_eq!(kind(t), Some((Declaration, false)), "{t}");
        }
        for t in ["项目支出绩效目标表", "绩效目标表", "财政项目支出绩效目标表"]
        {
            assert_eq!(kind(t), Some((Declaration, true)), "{t}");
        }
        for t in [
            "财政项目支出绩效自评表",
            "部门预算项目支出绩效自评表(2023年度)",
            "# 项目支出绩效自评表",
        ] {
            assert_eq!(kind(t), Some((SelfEvaluation, false)), "{t}");
        }
        // Sentences and notes that mention a form are no title.
        for t in [
            "注:请按项目支出绩效目标申报表填写",
            "各单位填报绩效目标表,报财政局。",
            "附件1:项目支出绩效目标表",
            "项目支出绩效目标申报表填报说明",
            "",
        ] {
            assert_eq!(kind(t), None, "{t}");
        }
    }

    #[test]
    fn dates_in_the_forms_people_type() {
        assert_eq!(parse_date_text("2026-01-01").as_deref(), Some("2026-01-01"));
        assert_eq!(parse_date_text("2026/1/1").as_deref(), Some("2026-01-01"));
        assert_eq!(
            parse_date_text("2026年1月1日").as_deref(),
            Some("2026-01-01")
        );
        assert_eq!(parse_date_text("2026.12.31").as_deref(), Some("2026-12-31"));
        assert_eq!(parse_date_text("2026-02-30"), None);
        assert_eq!(parse_date_text("全年"), None);
        assert_eq!(date_from_serial(46023), "2026-01-01");
        assert_eq!(date_from_serial(45657), "2024-12-31");
    }
}

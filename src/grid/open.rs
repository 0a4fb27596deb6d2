//! Opening a workbook's bytes as [`Grid`]s: the [`Limits`] checked before anything is
//! allocated, the zip pre-scan, and calamine (the only caller of it).

use super::xlsx_cells;
use super::xlsx_parts::XlsxParts;
use super::{Cell, Grid, NumberShape, ods_guard, xls_guard};
use crate::a1::{Area, Pos, cell_name};
use crate::diag::{Diagnostic, Error, Location, Result};
use crate::formats::{InputFormat, password_protected};
use crate::msg;
use calamine::{Data, Reader};
use std::io::Read as _;
#[cfg(not(target_family = "wasm"))]
use std::path::Path;

/// Bounds on what one input may make jixiao hold, checked *before* anything that size is
/// allocated, so that a hostile or broken file gives a located error instead of an abort or a
/// hang. The defaults (README, "Limits") hold the largest real forms many times over;
/// [`Limits::from_vars`] lets a user raise them (the CLI reads `JIXIAO_MAX_…` from the
/// environment; the library itself never does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Size of an input file, in bytes.
    pub max_file_bytes: u64,
    /// Size of one part of an xlsx or ods archive once unzipped, in bytes (zip bombs).
    pub max_part_bytes: u64,
    /// Rows × columns of the box that holds a sheet's non-empty cells (a stray cell at
    /// XFD1048576 makes that box 17 billion cells).
    pub max_sheet_cells: u64,
    /// Cells covered by the merged areas of one sheet.
    pub max_merged_cells: u64,
    /// Characters in one cell (Excel itself holds at most 32,767).
    pub max_text_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 << 20,
            max_part_bytes: 256 << 20,
            max_sheet_cells: 5_000_000,
            max_merged_cells: 1_000_000,
            max_text_chars: 32_767,
        }
    }
}

impl Limits {
    /// The defaults, each overridden by its variable when `var` gives it as a number:
    /// `JIXIAO_MAX_FILE_BYTES`, `JIXIAO_MAX_PART_BYTES`, `JIXIAO_MAX_SHEET_CELLS`,
    /// `JIXIAO_MAX_MERGED_CELLS`, `JIXIAO_MAX_TEXT_CHARS`.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Limits {
        let get = |name: &str| var(name).and_then(|v| v.trim().parse::<u64>().ok());
        let d = Limits::default();
        Limits {
            max_file_bytes: get("JIXIAO_MAX_FILE_BYTES").unwrap_or(d.max_file_bytes),
            max_part_bytes: get("JIXIAO_MAX_PART_BYTES").unwrap_or(d.max_part_bytes),
            max_sheet_cells: get("JIXIAO_MAX_SHEET_CELLS").unwrap_or(d.max_sheet_cells),
            max_merged_cells: get("JIXIAO_MAX_MERGED_CELLS").unwrap_or(d.max_merged_cells),
            max_text_chars: get("JIXIAO_MAX_TEXT_CHARS")
                .map(|v| usize::try_from(v).unwrap_or(usize::MAX))
                .unwrap_or(d.max_text_chars),
        }
    }

    /// The limits in force: set once by the program (see [`Limits::install`]), else the defaults.
    pub fn current() -> Limits {
        LIMITS.get().copied().unwrap_or_default()
    }

    /// Makes these the limits of every later read in this process (the CLI installs
    /// [`Limits::from_vars`] of its environment); only the first call counts.
    pub fn install(self) {
        let _ = LIMITS.set(self);
    }
}

static LIMITS: std::sync::OnceLock<Limits> = std::sync::OnceLock::new();

/// `file: 超出限制` with the limit's name and value, and how to raise it.
pub(super) fn over_limit(at: Location, what: &str, found: u64, limit: u64, var: &str) -> Error {
    Error::at(
        at,
        msg::workbook::over_limit(what, found, limit),
        msg::workbook::over_limit_hint(var),
    )
}

/// Opens every sheet of a workbook file as a [`Grid`]: [`open_bytes`] on the file's bytes,
/// after checking that it is a regular file within [`Limits::max_file_bytes`].
///
/// # Errors
/// As [`open_bytes`]; [`Error::Unreadable`] when the file cannot be read.
#[cfg(not(target_family = "wasm"))]
pub fn open(path: &Path) -> Result<Vec<Grid>> {
    let shown = path.display().to_string();
    let limits = Limits::current();
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::unreadable(&shown, msg::read::cannot_open(msg::io(&e))).because(e))?;
    if !meta.is_file() {
        return Err(Error::unreadable(
            &shown,
            msg::workbook::not_a_regular_file(),
        ));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(over_limit(
            Location::file(&shown),
            &msg::workbook::limit_file_bytes(),
            meta.len(),
            limits.max_file_bytes,
            "JIXIAO_MAX_FILE_BYTES",
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Error::unreadable(&shown, msg::read::cannot_open(msg::io(&e))).because(e))?;
    open_bytes(&bytes, &shown)
}

/// Opens every sheet of a workbook held in memory as a [`Grid`]. `name` is the file name as the
/// user gave it: it names the grids' file and the errors, and its extension helps tell `.xlsb`.
///
/// # Errors
/// [`Error::Unreadable`] when the bytes are not a workbook, are password-protected or corrupt;
/// [`Error::At`] when they exceed one of the [`Limits`].
pub fn open_bytes(bytes: &[u8], name: &str) -> Result<Vec<Grid>> {
    let format = InputFormat::detect(name, bytes)?;
    open_as(bytes, name, format)
}

/// Opens an xlsx workbook held in memory (one jixiao has just written, to read it back).
///
/// # Errors
/// [`Error::Unreadable`] when the bytes are not an xlsx workbook.
pub fn open_xlsx_bytes(bytes: &[u8], shown: &str) -> Result<Vec<Grid>> {
    open_as(bytes, shown, InputFormat::Xlsx)
}

/// [`open_bytes`] with the format given (the override of detection), within
/// [`Limits::current`].
///
/// A panic inside the workbook parser (calamine's .xls reader has several on damaged files) is
/// contained here and becomes an [`Error::Unreadable`] for this file alone.
///
/// # Errors
/// As [`open_bytes`]; also when `format` is no workbook format.
pub fn open_as(bytes: &[u8], name: &str, format: InputFormat) -> Result<Vec<Grid>> {
    let shown = name;
    let limits = Limits::current();
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(over_limit(
            Location::file(shown),
            &msg::workbook::limit_file_bytes(),
            bytes.len() as u64,
            limits.max_file_bytes,
            "JIXIAO_MAX_FILE_BYTES",
        ));
    }
    let notes = if matches!(
        format,
        InputFormat::Xlsx | InputFormat::Xlsb | InputFormat::Ods
    ) {
        check_zip(bytes, shown, format == InputFormat::Ods, &limits)?
    } else {
        Vec::new()
    };
    match contain(|| parse(bytes, shown, format, &limits)) {
        Ok(Ok(mut grids)) => {
            if let Some(first) = grids.first_mut() {
                first.notes.extend(notes);
            }
            Ok(grids)
        }
        Ok(Err(e)) => Err(e),
        Err(panic) => Err(
            Error::unreadable(shown, msg::workbook::parser_panicked(panic))
                .with_hint(msg::workbook::save_again_hint()),
        ),
    }
}

/// Runs `f`, turning a panic into its message (with the place it happened) instead of
/// unwinding further. The panic is not printed: the caller reports it as an error.
fn contain<T>(f: impl FnOnce() -> T) -> std::result::Result<T, String> {
    use std::cell::RefCell;
    thread_local! {
        static CAUGHT: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
    }
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let containing = CAUGHT.with(|c| {
                let mut c = c.borrow_mut();
                match c.as_mut() {
                    Some(slot) => {
                        let what = info
                            .payload()
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| info.payload().downcast_ref::<String>().cloned())
                            .unwrap_or_default();
                        let place = info
                            .location()
                            .map(|l| {
                                let file = l.file().rsplit("/src/").next().unwrap_or(l.file());
                                format!("{file}:{}", l.line())
                            })
                            .unwrap_or_default();
                        *slot = Some(format!("panic at {place}: {what}"));
                        true
                    }
                    None => false,
                }
            });
            if !containing {
                previous(info);
            }
        }));
    });
    CAUGHT.with(|c| *c.borrow_mut() = Some(None));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    let message = CAUGHT.with(|c| c.borrow_mut().take().flatten());
    result.map_err(|_| message.unwrap_or_else(|| "panic".to_string()))
}

/// Bounds every part of a zip archive once unzipped by the size the archive declares for it,
/// read from its directory without unzipping anything: the zip reader (calamine's and
/// [`xlsx_parts`]'s) stops with an error where a part holds more than it declares, so no part
/// is ever inflated past that size (zip's `Crc32Reader` size limit).
/// Returns a note for each part of comments (批注), which no reader maps.
///
/// An ODS workbook's content.xml must pass [`ods_guard::check`] too.
fn check_zip(bytes: &[u8], shown: &str, ods: bool, limits: &Limits) -> Result<Vec<Diagnostic>> {
    let mut notes = Vec::new();
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(notes); // not readable as zip: calamine says what is wrong
    };
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else {
            continue;
        };
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let size = part.size();
        drop(part);
        if size > limits.max_part_bytes {
            return Err(over_limit(
                Location::file(format!("{shown} ({name})")),
                &msg::workbook::limit_part_bytes(),
                size,
                limits.max_part_bytes,
                "JIXIAO_MAX_PART_BYTES",
            ));
        }
        let is_comments = name.to_ascii_lowercase().contains("comments") && name.ends_with(".xml");
        let is_ods_content = ods && name == "content.xml";
        if !(is_comments || is_ods_content) {
            continue;
        }
        let mut kept = Vec::new();
        if let Ok(mut part) = zip.by_index(i) {
            let _ = part.read_to_end(&mut kept);
        }
        // The cells that carry a comment (批注): listed by an xlsx comments part, or seen by
        // the walk of an ODS content.xml (`office:annotation`).
        let refs: Vec<String> = if is_ods_content {
            ods_guard::check(&kept, shown, &name, limits)?
        } else {
            String::from_utf8_lossy(&kept)
                .split(" ref=\"")
                .skip(1)
                .filter_map(|t| t.split('"').next())
                .map(str::to_string)
                .collect()
        };
        if !refs.is_empty() {
            let shown_refs = refs.iter().take(20).cloned().collect::<Vec<_>>().join(", ");
            notes.push(
                Diagnostic::warning(
                    crate::msg::rules::READ_COMMENTS,
                    msg::workbook::comments(
                        refs.len(),
                        format!("{shown_refs}{}", if refs.len() > 20 { "…" } else { "" }),
                    ),
                )
                .at(Location::file(format!("{shown} ({name})")))
                .hint(msg::workbook::comments_hint()),
            );
        }
    }
    Ok(notes)
}

/// calamine's errors, told apart by their variants, never by their text.
trait CalamineError: std::error::Error {
    /// The workbook is password-protected.
    fn locked(&self) -> bool;
}

impl CalamineError for calamine::XlsxError {
    fn locked(&self) -> bool {
        matches!(self, calamine::XlsxError::Password)
    }
}

impl CalamineError for calamine::XlsError {
    fn locked(&self) -> bool {
        matches!(self, calamine::XlsError::Password)
    }
}

impl CalamineError for calamine::XlsbError {
    fn locked(&self) -> bool {
        matches!(self, calamine::XlsbError::Password)
    }
}

impl CalamineError for calamine::OdsError {
    fn locked(&self) -> bool {
        matches!(self, calamine::OdsError::Password)
    }
}

impl CalamineError for calamine::Error {
    fn locked(&self) -> bool {
        match self {
            calamine::Error::Xlsx(e) => e.locked(),
            calamine::Error::Xls(e) => e.locked(),
            calamine::Error::Xlsb(e) => e.locked(),
            calamine::Error::Ods(e) => e.locked(),
            _ => false,
        }
    }
}

/// The error for a workbook calamine cannot read, keeping calamine's error as its source.
fn unreadable_workbook<E: CalamineError + Send + Sync + 'static>(shown: &str, e: E) -> Error {
    let error = if e.locked() {
        password_protected(shown)
    } else {
        let text = e
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Error::unreadable(shown, msg::workbook::cannot_read_workbook(text))
            .with_hint(msg::workbook::save_again_hint())
    };
    error.because(e)
}

fn parse(bytes: &[u8], shown: &str, format: InputFormat, limits: &Limits) -> Result<Vec<Grid>> {
    let reader = std::io::Cursor::new(bytes);
    match format {
        InputFormat::Xlsx => match xlsx_cells::read(bytes) {
            Some(sheets) => xlsx_grids(sheets, shown, limits),
            None => xlsx_by_calamine(bytes, shown, limits),
        },
        InputFormat::Xls => {
            // calamine reserves what the file declares before any cell is read: check first.
            if let Some(why) = xls_guard::damage(bytes) {
                return Err(Error::unreadable(shown, msg::workbook::damaged(why))
                    .with_hint(msg::workbook::save_again_hint()));
            }
            if let Some(((rows, cols), at)) = xls_guard::largest_box(bytes)
                && rows.saturating_mul(cols) > limits.max_sheet_cells
            {
                return Err(over_limit(
                    Location {
                        file: shown.to_string(),
                        sheet: None,
                        cell: Some(cell_name(at)),
                    },
                    &msg::workbook::limit_declared_box(cell_name(at)),
                    rows.saturating_mul(cols),
                    limits.max_sheet_cells,
                    "JIXIAO_MAX_SHEET_CELLS",
                ));
            }
            let mut wb: calamine::Xls<_> =
                calamine::Xls::new(reader).map_err(|e| unreadable_workbook(shown, e))?;
            let sheets = wb.sheets_metadata().to_vec();
            let mut grids = Vec::new();
            for sheet in sheets {
                let range = wb
                    .worksheet_range(&sheet.name)
                    .map_err(|e| unreadable_workbook(shown, e))?;
                let merges = wb
                    .merge_cells_by_sheet_name(&sheet.name)
                    .unwrap_or_default();
                let mut grid = build(shown, &sheet.name, &range, &merges, limits)?;
                grid.hidden = sheet.visible != calamine::SheetVisible::Visible;
                note_hidden(&mut grid);
                grids.push(grid);
            }
            Ok(grids)
        }
        InputFormat::Xlsb | InputFormat::Ods => {
            // By the sniffed format, not the name: an .ods saved as `.xls` still opens.
            let mut wb = match format {
                InputFormat::Ods => calamine::Ods::new(reader)
                    .map(calamine::Sheets::Ods)
                    .map_err(|e| unreadable_workbook(shown, e))?,
                _ => calamine::Xlsb::new(reader)
                    .map(calamine::Sheets::Xlsb)
                    .map_err(|e| unreadable_workbook(shown, e))?,
            };
            let sheets = wb.sheets_metadata().to_vec();
            let mut grids = Vec::new();
            for sheet in sheets {
                let range = wb
                    .worksheet_range(&sheet.name)
                    .map_err(|e| unreadable_workbook(shown, e))?;
                let mut grid = build(shown, &sheet.name, &range, &[], limits)?;
                grid.hidden = sheet.visible != calamine::SheetVisible::Visible;
                note_hidden(&mut grid);
                grids.push(grid);
            }
            Ok(grids)
        }
        InputFormat::Pdf => crate::pdf::grids_from_pdf(bytes, shown),
        InputFormat::Json | InputFormat::Csv => Err(Error::unreadable(
            shown,
            msg::workbook::not_a_workbook(format.describe()),
        )),
    }
}

/// The grids of workbook sheets read by [`xlsx_cells`], within the limits: what
/// [`xlsx_by_calamine`] makes of the same workbook.
fn xlsx_grids(sheets: Vec<xlsx_cells::Sheet>, shown: &str, limits: &Limits) -> Result<Vec<Grid>> {
    let mut grids = Vec::with_capacity(sheets.len());
    for sheet in sheets {
        let mut grid = Grid::new(shown, &sheet.name);
        let mut seen = (0, 0);
        for (pos, data, _) in &sheet.cells {
            check_cell(&grid, *pos, data, &mut seen, limits)?;
        }
        fill(&mut grid, sheet.cells, &sheet.merges, limits)?;
        grid.hidden = sheet.hidden;
        note_hidden(&mut grid);
        grids.push(grid);
    }
    Ok(grids)
}

/// An xlsx workbook's grids read with calamine: any workbook [`xlsx_cells`] leaves alone.
fn xlsx_by_calamine(bytes: &[u8], shown: &str, limits: &Limits) -> Result<Vec<Grid>> {
    let reader = std::io::Cursor::new(bytes);
    let mut wb: calamine::Xlsx<_> =
        calamine::Xlsx::new(reader).map_err(|e| unreadable_workbook(shown, e))?;
    let sheets = wb.sheets_metadata().to_vec();
    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    let mut parts = XlsxParts::new(bytes, &names);
    let mut grids = Vec::new();
    for sheet in sheets {
        if sheet.typ != calamine::SheetType::WorkSheet {
            continue;
        }
        let name = sheet.name;
        // Merges and whether there is any formula, from one search of the sheet's XML;
        // calamine's own passes where the search cannot answer.
        let scan = parts.as_mut().and_then(|p| p.scan(&name));
        let mut grid = Grid::new(shown, &name);
        let mut cells = Vec::new();
        let mut seen = (0, 0);
        {
            let mut cr = wb
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable_workbook(shown, e))?;
            let shapes: Vec<NumberShape> = cr
                .styles()
                .iter()
                .map(|st| {
                    st.number_format
                        .as_ref()
                        .map(|nf| NumberShape::from_format_code(&nf.format_code))
                        .unwrap_or_default()
                })
                .collect();
            while let Some((cell, style)) = cr
                .next_cell_with_style_id()
                .map_err(|e| unreadable_workbook(shown, e))?
            {
                let pos = cell.get_position();
                let data: Data = cell.get_value().clone().into();
                if data == Data::Empty {
                    continue;
                }
                check_cell(&grid, pos, &data, &mut seen, limits)?;
                let shape = shapes.get(style).copied().unwrap_or_default();
                cells.push((pos, data, shape));
            }
        }
        // Formulas without a cached value (a workbook written by a program and never
        // opened in Excel): their cells would read blank; they are kept as formulas.
        if scan.as_ref().is_none_or(|s| s.formulas) {
            let mut cr = wb
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable_workbook(shown, e))?;
            while let Some(rec) = cr
                .next_cell_with_formula_metadata()
                .map_err(|e| unreadable_workbook(shown, e))?
            {
                if rec.value != calamine::DataRef::Empty
                    && let Some(
                        calamine::XlsxFormulaMetadata::Normal { formula }
                        | calamine::XlsxFormulaMetadata::Shared { formula, .. },
                    ) = &rec.formula
                {
                    grid.set_formula(rec.pos, format!("={formula}"));
                } else if rec.value == calamine::DataRef::Empty
                    && let Some(f) = rec.formula
                {
                    let marker = Data::String(String::new());
                    check_cell(&grid, rec.pos, &marker, &mut seen, limits)?;
                    let text = match f {
                        calamine::XlsxFormulaMetadata::Normal { formula }
                        | calamine::XlsxFormulaMetadata::Shared { formula, .. } => formula,
                        _ => String::new(),
                    };
                    grid.notes.push(
                        Diagnostic::warning(
                            crate::msg::rules::READ_UNCACHED_FORMULA,
                            msg::workbook::uncached_formula(&text),
                        )
                        .at(Location::cell(&grid.file, &grid.sheet, cell_name(rec.pos)))
                        .hint(msg::workbook::uncached_formula_hint()),
                    );
                    grid.set(rec.pos, Cell::Formula(format!("={text}")));
                }
            }
        }
        let merges = match scan.and_then(|s| s.merges) {
            Some(merges) => merges,
            None => wb
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| unreadable_workbook(shown, e))?,
        };
        fill(&mut grid, cells, &merges, limits)?;
        grid.hidden = sheet.visible != calamine::SheetVisible::Visible;
        note_hidden(&mut grid);
        grids.push(grid);
    }
    Ok(grids)
}

/// The limits one more cell of a sheet must keep: its text, and the box from A1 to the
/// farthest cell so far (`seen`, rows and columns), which every reader loop walks.
fn check_cell(
    grid: &Grid,
    pos: Pos,
    data: &Data,
    seen: &mut (u64, u64),
    limits: &Limits,
) -> Result<()> {
    let at = || Location::cell(&grid.file, &grid.sheet, cell_name(pos));
    if let Data::String(s) = data
        && s.len() > limits.max_text_chars
        && s.chars().count() > limits.max_text_chars
    {
        return Err(over_limit(
            at(),
            &msg::workbook::limit_text_chars(),
            s.chars().count() as u64,
            limits.max_text_chars as u64,
            "JIXIAO_MAX_TEXT_CHARS",
        ));
    }
    seen.0 = seen.0.max(u64::from(pos.0) + 1);
    seen.1 = seen.1.max(u64::from(pos.1) + 1);
    let size = seen.0.saturating_mul(seen.1);
    if size > limits.max_sheet_cells {
        return Err(over_limit(
            at(),
            &msg::workbook::limit_sheet_box(cell_name(pos)),
            size,
            limits.max_sheet_cells,
            "JIXIAO_MAX_SHEET_CELLS",
        ));
    }
    Ok(())
}

/// Puts `cells` and `merges` into `grid`, within the limits.
fn fill(
    grid: &mut Grid,
    cells: Vec<(Pos, Data, NumberShape)>,
    merges: &[calamine::Dimensions],
    limits: &Limits,
) -> Result<()> {
    // Within the limits: the merged cells are counted below, before any is stored.
    let merged = merges.iter().fold(0u64, |n, m| {
        n.saturating_add(
            (u64::from(m.end.0.saturating_sub(m.start.0)) + 1)
                * (u64::from(m.end.1.saturating_sub(m.start.1)) + 1),
        )
    });
    grid.reserve(
        cells.len(),
        usize::try_from(merged.min(limits.max_merged_cells)).unwrap_or(0),
    );
    for (pos, data, shape) in cells {
        if let Some(cell) = cell_of(data, shape) {
            if let Cell::Error(e) = &cell {
                grid.notes.push(
                    Diagnostic::warning(
                        crate::msg::rules::READ_ERROR_VALUE,
                        msg::workbook::error_value(e),
                    )
                    .at(Location::cell(&grid.file, &grid.sheet, cell_name(pos)))
                    .hint(msg::workbook::error_value_hint()),
                );
            }
            // An uncached formula already stands there: keep it, the value is empty.
            if grid.get_own(pos).is_none() {
                grid.set(pos, cell);
            }
        }
    }
    let mut merged: u64 = 0;
    for m in merges {
        let area = Area::new(m.start, m.end);
        let size = (u64::from(m.end.0.saturating_sub(m.start.0)) + 1)
            * (u64::from(m.end.1.saturating_sub(m.start.1)) + 1);
        merged = merged.saturating_add(size);
        if merged > limits.max_merged_cells || m.end.0 < m.start.0 || m.end.1 < m.start.1 {
            return Err(over_limit(
                Location::cell(&grid.file, &grid.sheet, area.to_string()),
                &msg::workbook::limit_merged_cells(),
                merged,
                limits.max_merged_cells,
                "JIXIAO_MAX_MERGED_CELLS",
            ));
        }
        grid.merge(area);
    }
    let size = u64::from(grid.rows) * u64::from(grid.cols);
    if size > limits.max_sheet_cells {
        return Err(over_limit(
            Location::cell(
                &grid.file,
                &grid.sheet,
                cell_name((grid.rows - 1, grid.cols - 1)),
            ),
            &msg::workbook::limit_merged_box(),
            size,
            limits.max_sheet_cells,
            "JIXIAO_MAX_SHEET_CELLS",
        ));
    }
    Ok(())
}

fn note_hidden(grid: &mut Grid) {
    if grid.hidden {
        let note = Diagnostic::warning(
            crate::msg::rules::READ_HIDDEN_SHEET,
            msg::workbook::hidden_sheet(),
        )
        .at(Location {
            file: grid.file.clone(),
            sheet: Some(grid.sheet.clone()),
            cell: None,
        })
        .hint(msg::workbook::hidden_sheet_hint());
        grid.notes.push(note);
    }
}

fn cell_of(data: Data, shape: NumberShape) -> Option<Cell> {
    Some(match data {
        Data::Empty => return None,
        Data::String(s) => Cell::Text(s),
        Data::Int(i) => Cell::Number {
            value: i as f64,
            shape,
        },
        Data::Float(f) => Cell::Number { value: f, shape },
        Data::Bool(b) => Cell::Bool(b),
        Data::DateTime(dt) => {
            if dt.is_datetime() {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                Cell::Date(format!("{y:04}-{m:02}-{d:02}"))
            } else {
                Cell::Number {
                    value: dt.as_f64(),
                    shape,
                }
            }
        }
        Data::DateTimeIso(s) => Cell::Date(s.get(..10).unwrap_or(&s).to_string()),
        Data::DurationIso(s) => Cell::Text(s),
        Data::Error(e) => Cell::Error(format!("{e}")),
    })
}

fn build(
    file: &str,
    sheet: &str,
    range: &calamine::Range<Data>,
    merges: &[calamine::Dimensions],
    limits: &Limits,
) -> Result<Grid> {
    let mut grid = Grid::new(file, sheet);
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    let mut seen = (0, 0);
    for (r, c, data) in range.used_cells() {
        // used_cells yields positions relative to the range start.
        let pos = (r0 + r as u32, c0 + c as u32);
        check_cell(&grid, pos, data, &mut seen, limits)?;
        cells.push((pos, data.clone(), NumberShape::default()));
    }
    fill(&mut grid, cells, merges, limits)?;
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything a grid holds, in a fixed order.
    fn dump(g: &Grid) -> String {
        let mut formulas: Vec<_> = g.formulas().collect();
        formulas.sort_unstable();
        format!(
            "{} {} hidden={} {}x{}\ncells {:?}\nmerges {:?}\nnotes {:?}\nformulas {:?}",
            g.file,
            g.sheet,
            g.hidden,
            g.rows,
            g.cols,
            g.cells(),
            g.merges(),
            g.notes,
            formulas
        )
    }

    /// On every real workbook of the fixtures, jixiao's own reading of the cells and merges
    /// gives the grids calamine's gives, and it does read them (none left to calamine).
    #[test]
    fn own_xlsx_reading_is_calamines() {
        let limits = Limits::default();
        let mut files = Vec::new();
        for dir in ["../shared/fixtures", "../shared/fixtures/other-layouts"] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "xlsx") {
                    files.push(path);
                }
            }
        }
        files.sort();
        let mut sheets = 0;
        for path in &files {
            let bytes = std::fs::read(path).unwrap();
            let shown = path.display().to_string();
            let own =
                xlsx_cells::read(&bytes).unwrap_or_else(|| panic!("{shown}: left to calamine"));
            let own = xlsx_grids(own, &shown, &limits).unwrap();
            let theirs = xlsx_by_calamine(&bytes, &shown, &limits).unwrap();
            assert_eq!(own.len(), theirs.len(), "{shown}");
            for (a, b) in own.iter().zip(&theirs) {
                assert_eq!(dump(a), dump(b), "{shown}");
                sheets += 1;
            }
        }
        assert!(
            files.len() >= 10 && sheets > 20,
            "{} files, {sheets} sheets",
            files.len()
        );
    }

    /// `bytes` with the part `name` rewritten by `edit`, every part stored.
    fn rezip(bytes: &[u8], name: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).unwrap();
            let part_name = part.name().unwrap().to_string();
            let mut data = Vec::new();
            part.read_to_end(&mut data).unwrap();
            if part_name == name {
                data = edit(String::from_utf8(data).unwrap()).into_bytes();
            }
            out.start_file(part_name, stored).unwrap();
            std::io::Write::write_all(&mut out, &data).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    /// The grids of `bytes` read both ways are the same; `own` says whether jixiao's reading
    /// takes the workbook or leaves it to calamine.
    fn same_both_ways(bytes: &[u8], own: bool) -> Vec<Grid> {
        let limits = Limits::default();
        let theirs = xlsx_by_calamine(bytes, "t.xlsx", &limits).unwrap();
        match xlsx_cells::read(bytes) {
            Some(sheets) => {
                assert!(own, "read by jixiao, expected to be left to calamine");
                let mine = xlsx_grids(sheets, "t.xlsx", &limits).unwrap();
                assert_eq!(mine.len(), theirs.len());
                for (a, b) in mine.iter().zip(&theirs) {
                    assert_eq!(dump(a), dump(b));
                }
            }
            None => assert!(!own, "left to calamine"),
        }
        theirs
    }

    /// Every kind of value a cell holds, as Excel and rust_xlsxwriter write it and as other
    /// writers do (inline strings, phonetic guides, entities, a kept space), read both ways.
    #[test]
    fn own_xlsx_reading_is_calamines_for_every_kind_of_value() {
        use rust_xlsxwriter::{Format, Workbook};
        let mut wb = Workbook::new();
        let bold = Format::new().set_bold();
        let ws = wb.add_worksheet().set_name("值").unwrap();
        ws.write_string(0, 0, "  前后有空格  ").unwrap();
        ws.write_string(1, 0, "A & B < C > \"D\" 'E'").unwrap();
        ws.write_string(2, 0, "第一行\n第二行").unwrap();
        ws.write_number(3, 0, 1234.5).unwrap();
        let percent = Format::new().set_num_format("0.00%");
        ws.write_number_with_format(4, 0, 0.8935, &percent).unwrap();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        ws.write_number_with_format(5, 0, 45678.0, &date).unwrap();
        let hours = Format::new().set_num_format("[h]:mm:ss");
        ws.write_number_with_format(6, 0, 1.5, &hours).unwrap();
        let builtin_date = Format::new().set_num_format_index(22);
        ws.write_number_with_format(7, 0, 45678.25, &builtin_date)
            .unwrap();
        ws.write_boolean(8, 0, true).unwrap();
        ws.write_rich_string(9, 0, &[(&bold, "加粗"), (&Format::default(), " 常规")])
            .unwrap();
        let money = Format::new().set_num_format("#,##0.00");
        ws.write_number_with_format(10, 0, -0.000012, &money)
            .unwrap();
        ws.merge_range(11, 0, 11, 3, "合并", &Format::default())
            .unwrap();
        ws.write_string(12, 5, "远处").unwrap();
        let hidden = wb.add_worksheet().set_name("隐藏").unwrap();
        hidden.write_string(0, 0, "x").unwrap();
        hidden.set_hidden(true);
        let bytes = wb.save_to_buffer().unwrap();
        let grids = same_both_ways(&bytes, true);
        assert_eq!(grids[0].text((5, 0)), "2025-01-21");
        assert_eq!(grids[0].text((4, 0)), "89.35%");
        assert_eq!(grids[0].text((9, 0)), "加粗 常规");
        assert!(grids[1].hidden);

        // Cells other writers write: an inline string keeping its spaces, a formula's cached
        // text with an entity, an error, a false, a phonetic guide left out.
        let cells = concat!(
            r#"<c r="B1" t="inlineStr"><is><t xml:space="preserve"> 内联 </t></is></c>"#,
            r#"<c r="C1" t="str"><v>甲 &amp; 乙</v></c>"#,
            r#"<c r="D1" t="e"><v>#N/A</v></c>"#,
            r#"<c r="E1" t="b"><v>0</v></c>"#,
        );
        let sheet = "xl/worksheets/sheet1.xml";
        let edited = rezip(&bytes, sheet, |xml| {
            xml.replacen("</row>", &format!("{cells}</row>"), 1)
        });
        let grids = same_both_ways(&edited, true);
        assert_eq!(grids[0].text((0, 1)), " 内联 ".trim());
        assert_eq!(grids[0].text((0, 2)), "甲 & 乙");
        let phonetic = rezip(&bytes, "xl/sharedStrings.xml", |xml| {
            xml.replacen(
                "</t></si>",
                r#"</t><rPh sb="0" eb="1"><t>ピン</t></rPh></si>"#,
                1,
            )
        });
        assert_eq!(
            same_both_ways(&phonetic, true)[0].text((0, 0)),
            "前后有空格"
        );
        assert_eq!(grids[0].text((2, 0)), "第一行\n第二行");

        // An extension block of a newer Excel in the styles, passed over as calamine passes
        // over it; a prefixed cell format, refused.
        let styles = "xl/styles.xml";
        let ext = r#"<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>"#;
        let extended = rezip(&bytes, styles, |xml| xml.replacen("</styleSheet>", ext, 1));
        same_both_ways(&extended, true);
        let prefixed_xf = rezip(&bytes, styles, |xml| {
            xml.replacen("</cellXfs>", r#"<x:xf numFmtId="14"/></cellXfs>"#, 1)
        });
        assert!(xlsx_cells::read(&prefixed_xf).is_none());

        // Left to calamine, and read the same: a formula, an escape calamine expands, a
        // comment, a prefixed element.
        let formula = rezip(&bytes, sheet, |xml| {
            xml.replacen("</row>", r#"<c r="B1"><f>1+1</f><v>2</v></c></row>"#, 1)
        });
        same_both_ways(&formula, false);
        let escaped = rezip(&bytes, sheet, |xml| {
            xml.replacen(
                "</row>",
                r#"<c r="B1" t="str"><v>a_x000D_b</v></c></row>"#,
                1,
            )
        });
        same_both_ways(&escaped, false);
        let comment = rezip(&bytes, sheet, |xml| {
            xml.replacen("<sheetData>", "<sheetData><!-- x -->", 1)
        });
        same_both_ways(&comment, false);
        let prefixed = rezip(&bytes, sheet, |xml| {
            xml.replacen("</row>", r#"<x:c r="B1" t="b"><x:v>1</x:v></x:c></row>"#, 1)
        });
        assert!(xlsx_cells::read(&prefixed).is_none());
    }

    /// Tokens the own reading treats specially, spliced into the parts by
    /// [`own_xlsx_reading_matches_calamine_on_mutated_parts`].
    const SPLICES: &[&str] = &[
        r#"<c r="B2" t="s"><v>0</v></c>"#,
        r#"<c r="C3"><v>1e308</v></c>"#,
        r#"<c r="D4" t="n"><v>-0</v></c>"#,
        r#"<c r="A1" t="inlineStr"><is><t>x</t></is></c>"#,
        r#"<c r="E5" t="b"><v>1</v></c>"#,
        r#"<c r="F6" t="e"><v>#N/A</v></c>"#,
        r#"<c r="G7" s="1"><v>45000.5</v></c>"#,
        r#"<c r="H8" t="d"><v>2024-01-01</v></c>"#,
        r#"<c r="I9" t="str"><v>a&amp;b</v></c>"#,
        r#"<c r="J10" s="9999"><v>3</v></c>"#,
        r#"<mergeCell ref="A1:B2"/>"#,
        r#"<mergeCell ref="Z9:A1"/>"#,
        r#"<mergeCell ref="XFD1048576"/>"#,
        r#"<numFmt numFmtId="200" formatCode="yyyy-mm-dd"/>"#,
        r#"<xf numFmtId="22"/>"#,
        r#"<xf numFmtId="200" applyNumberFormat="1"/>"#,
        r#"<si><t>新</t></si>"#,
        r#"<si><r><t>富</t></r><rPh><t>ふ</t></rPh></si>"#,
        r#"<t xml:space="preserve"> a </t>"#,
        "&amp;",
        "&#20320;",
        "&#x0;",
        "&bogus;",
        "_x000D_",
        "<row r=\"3\">",
        "</row>",
        "<v>",
        "</v>",
        "\"",
        "<",
        ">",
        "/>",
        " s=\"1\"",
        " t=\"s\"",
        " r=\"A0\"",
        "9",
        "\u{3000}",
    ];

    /// `xml` cut, repeated or spliced once, at char boundaries, as `seed` picks.
    fn mutate_xml(xml: &str, seed: u64) -> String {
        let bounds: Vec<usize> = xml.char_indices().map(|(i, _)| i).collect();
        if bounds.is_empty() {
            return xml.to_string();
        }
        let pick = |salt: u64| bounds[((seed >> salt) % bounds.len() as u64) as usize];
        let (a, b) = (pick(3), pick(23));
        let (lo, hi) = (a.min(b), a.max(b).min(a.min(b) + 200));
        let hi = bounds
            .iter()
            .copied()
            .find(|&i| i >= hi)
            .unwrap_or(xml.len());
        let mut out = xml.to_string();
        match seed % 3 {
            0 => out.replace_range(lo..hi, ""),
            1 => out.insert_str(a, &xml[lo..hi]),
            _ => out.insert_str(a, SPLICES[((seed >> 43) % SPLICES.len() as u64) as usize]),
        }
        out
    }

    /// Differential fuzzing, bounded: the worksheet, shared strings and styles of two real
    /// workbooks (a fixture with inline strings; the same forms as rust_xlsxwriter writes them,
    /// with shared strings and number formats) cut, repeated and spliced with the tokens the own
    /// reading treats specially. Wherever the own reading takes the result, calamine reads it the
    /// same (cells, numbers, dates, merges) or refuses it too: a difference would be a silently
    /// wrong value. `JIXIAO_DIFF_ROUNDS` sets the rounds per workbook (default 400).
    #[test]
    fn own_xlsx_reading_matches_calamine_on_mutated_parts() {
        let limits = Limits::default();
        let rounds: u64 = std::env::var("JIXIAO_DIFF_ROUNDS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(400);
        let fixture = std::fs::read("../shared/fixtures/blank-declaration.xlsx").unwrap();
        let forms = crate::read::read_workbook_bytes(&fixture, "blank-declaration.xlsx")
            .unwrap()
            .value;
        let (written, _) = crate::write::xlsx_bytes(&crate::model::Document::new(forms)).unwrap();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let (mut taken, mut compared, mut tolerated) = (0u64, 0u64, 0u64);
        for (name, bytes) in [("fixture", &fixture), ("written", &written)] {
            let parts: Vec<String> = {
                let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).unwrap();
                zip.file_names()
                    .filter_map(|n| n.ok().map(|n| n.to_string()))
                    .filter(|n| {
                        n.starts_with("xl/worksheets/")
                            || n == "xl/sharedStrings.xml"
                            || n == "xl/styles.xml"
                    })
                    .collect()
            };
            for round in 0..rounds {
                // xorshift64*
                state ^= state >> 12;
                state ^= state << 25;
                state ^= state >> 27;
                let seed = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
                let part = &parts[(seed >> 53) as usize % parts.len()];
                let mutated = rezip(bytes, part, |xml| mutate_xml(&xml, seed));
                let Some(sheets) = xlsx_cells::read(&mutated) else {
                    continue;
                };
                taken += 1;
                let mine = xlsx_grids(sheets, "t.xlsx", &limits);
                let theirs = xlsx_by_calamine(&mutated, "t.xlsx", &limits);
                let at = format!("{name} round {round} ({part}, seed {seed:#x})");
                match (mine, theirs) {
                    (Ok(mine), Ok(theirs)) => {
                        compared += 1;
                        assert_eq!(mine.len(), theirs.len(), "{at}");
                        for (a, b) in mine.iter().zip(&theirs) {
                            assert_eq!(dump(a), dump(b), "{at}");
                        }
                    }
                    // calamine refuses a part that is not well-formed XML as a whole (a broken
                    // tag before the cells, a border of styles.xml); the own reading, which
                    // looks only at what it needs, may still read it: tolerated, counted.
                    (Ok(_), Err(_)) => tolerated += 1,
                    (Err(e), Ok(_)) => panic!("{at}: refused by jixiao, read by calamine: {e}"),
                    (Err(_), Err(_)) => {}
                }
            }
        }
        eprintln!(
            "{} rounds: {taken} read by jixiao, {compared} compared, {tolerated} refused by calamine only",
            2 * rounds
        );
        // The mutations reach the own reading, not only calamine's.
        assert!(
            compared * 4 > rounds,
            "{taken} mutated workbooks read by jixiao, {compared} compared, {tolerated} refused by \
             calamine only, of {} rounds",
            2 * rounds
        );
    }
}

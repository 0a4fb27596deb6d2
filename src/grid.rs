//! Workbook → [`Grid`]: a sheet's cell values and merged areas, resolved once.
//!
//! This is the only module that talks to calamine. Coordinates are `(row, col)`, 0-based and
//! absolute; A1 notation appears only through [`cell_name`] and [`Area`]'s `Display`.

use crate::diag::{Error, Result};
use crate::formats::{InputFormat, password_protected};
use calamine::{Data, Reader};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Cursor;
#[cfg(not(target_family = "wasm"))]
use std::path::Path;

/// A cell position, `(row, col)`, 0-based.
pub type Pos = (u32, u32);

/// `C7` for `(6, 2)`.
pub fn cell_name((row, col): Pos) -> String {
    format!("{}{}", column_name(col), row + 1)
}

/// `A`, …, `Z`, `AA`, … for 0, …
pub fn column_name(col: u32) -> String {
    let mut n = col + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        name.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII")
}

/// A rectangle of cells, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Area {
    pub first: Pos,
    pub last: Pos,
}

impl Area {
    pub fn new(first: Pos, last: Pos) -> Self {
        Area { first, last }
    }

    pub fn cell(pos: Pos) -> Self {
        Area::new(pos, pos)
    }

    pub fn contains(&self, (r, c): Pos) -> bool {
        (self.first.0..=self.last.0).contains(&r) && (self.first.1..=self.last.1).contains(&c)
    }

    pub fn is_single(&self) -> bool {
        self.first == self.last
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_single() {
            f.write_str(&cell_name(self.first))
        } else {
            write!(f, "{}:{}", cell_name(self.first), cell_name(self.last))
        }
    }
}

/// How a number cell is shown, as far as the file says (only xlsx carries number formats).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumberShape {
    /// Decimals the format shows (`0.00` → 2); `None` for General or unknown.
    pub decimals: Option<u8>,
    /// The format ends in `%`: the stored value is a fraction.
    pub percent: bool,
}

impl NumberShape {
    /// Reads decimals and percent from an Excel format code such as `#,##0.00` or `0.00%`.
    pub fn from_format_code(code: &str) -> NumberShape {
        let section = code.split(';').next().unwrap_or("");
        if section.eq_ignore_ascii_case("general") || section.is_empty() {
            return NumberShape::default();
        }
        let mut in_quotes = false;
        let mut decimals: Option<u8> = None;
        let mut after_point = false;
        let mut percent = false;
        let mut seen_digit = false;
        for ch in section.chars() {
            match ch {
                '"' => in_quotes = !in_quotes,
                _ if in_quotes => {}
                '.' if seen_digit || !after_point => after_point = true,
                '0' | '#' | '?' => {
                    seen_digit = true;
                    if after_point {
                        decimals = Some(decimals.unwrap_or(0) + 1);
                    }
                }
                '%' => percent = true,
                _ => {}
            }
        }
        if !seen_digit {
            return NumberShape::default();
        }
        NumberShape {
            decimals: Some(decimals.unwrap_or(0)),
            percent,
        }
    }
}

/// A non-empty cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number {
        value: f64,
        shape: NumberShape,
    },
    Bool(bool),
    /// A date cell, as `YYYY-MM-DD`.
    Date(String),
    /// An error value such as `#REF!`.
    Error(String),
}

impl Cell {
    /// The text a person sees, trimmed: numbers with the decimals of their format.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => clean_text(s),
            Cell::Number { value, shape } => {
                let v = if shape.percent { value * 100.0 } else { *value };
                let body = match shape.decimals {
                    Some(d) => format!("{v:.*}", d as usize),
                    None => shortest(v),
                };
                if shape.percent {
                    format!("{body}%")
                } else {
                    body
                }
            }
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => d.clone(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// Cell text as a person reads it: the HTML paragraph and line-break tags some web systems
/// export (`<p>机关服务费</p>`) removed or made line breaks, then trimmed (full-width and
/// non-breaking spaces included).
fn clean_text(s: &str) -> String {
    if !s.contains('<') {
        return s.trim().to_string();
    }
    let mut out = s.to_string();
    for (tag, by) in [
        ("</p><p>", "\n"),
        ("<br/>", "\n"),
        ("<br />", "\n"),
        ("<br>", "\n"),
        ("<p>", ""),
        ("</p>", ""),
        ("<P>", ""),
        ("</P>", ""),
        ("&nbsp;", " "),
    ] {
        out = out.replace(tag, by);
    }
    out.trim().to_string()
}

/// The shortest decimal text that reads back as `v` (`12.51`, never `12.509999…`).
pub fn shortest(v: f64) -> String {
    if v == v.trunc() && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The multiply-rotate hash of rustc (FxHash): positions are trusted small integers, so the
/// DoS-resistant default SipHash only costs time here (it was a tenth of all reading).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type PosMap<V> = HashMap<Pos, V, BuildHasherDefault<FxHasher>>;

/// A cell as stored: its value, and the texts every reader asks for, made once.
#[derive(Debug, Clone)]
struct Stored {
    cell: Cell,
    /// [`Cell::text`].
    text: Box<str>,
    /// [`crate::layout::normalize_label`] of the text: what labels are compared with.
    key: Box<str>,
}

/// One sheet: values at the top-left of each merged area, and the areas.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// The input path as given.
    pub file: String,
    pub sheet: String,
    cells: PosMap<Stored>,
    merges: Vec<Area>,
    merge_at: PosMap<usize>,
    /// One past the last used row and column.
    pub rows: u32,
    pub cols: u32,
}

impl Grid {
    /// An empty grid, to be filled with [`Grid::set`] and [`Grid::merge`] (tests, CSV input).
    pub fn new(file: impl Into<String>, sheet: impl Into<String>) -> Self {
        Grid {
            file: file.into(),
            sheet: sheet.into(),
            ..Grid::default()
        }
    }

    pub fn set(&mut self, pos: Pos, cell: Cell) {
        if let Cell::Text(t) = &cell
            && t.trim().is_empty()
        {
            self.cells.remove(&pos);
            return;
        }
        self.rows = self.rows.max(pos.0 + 1);
        self.cols = self.cols.max(pos.1 + 1);
        let text = cell.text();
        let key = crate::layout::normalize_label(&text).into_boxed_str();
        self.cells.insert(
            pos,
            Stored {
                cell,
                text: text.into_boxed_str(),
                key,
            },
        );
    }

    /// Declares a merged area. Values inside it other than the top-left one are kept too
    /// (some tools repeat the value into every cell), but [`Grid::get`] answers with the top-left.
    pub fn merge(&mut self, area: Area) {
        if area.is_single() {
            return;
        }
        let index = self.merges.len();
        for r in area.first.0..=area.last.0 {
            for c in area.first.1..=area.last.1 {
                self.merge_at.entry((r, c)).or_insert(index);
            }
        }
        self.rows = self.rows.max(area.last.0 + 1);
        self.cols = self.cols.max(area.last.1 + 1);
        self.merges.push(area);
    }

    pub fn merges(&self) -> &[Area] {
        &self.merges
    }

    /// The merged area that holds `pos`, or the cell alone.
    pub fn area(&self, pos: Pos) -> Area {
        self.merge_at
            .get(&pos)
            .map(|&i| self.merges[i])
            .unwrap_or(Area::cell(pos))
    }

    /// The stored cell shown at `pos`: the top-left one of its merged area, or its own.
    fn shown(&self, pos: Pos) -> Option<&Stored> {
        let top_left = self.area(pos).first;
        self.cells.get(&top_left).or_else(|| self.cells.get(&pos))
    }

    /// The value shown at `pos`: the value of the top-left cell of its merged area.
    pub fn get(&self, pos: Pos) -> Option<&Cell> {
        self.shown(pos).map(|s| &s.cell)
    }

    /// The raw value stored at `pos` itself, without merge resolution.
    pub fn get_own(&self, pos: Pos) -> Option<&Cell> {
        self.cells.get(&pos).map(|s| &s.cell)
    }

    /// [`Cell::text`] of the value stored at `pos` itself, without merge resolution.
    pub fn own_text(&self, pos: Pos) -> Option<&str> {
        self.cells.get(&pos).map(|s| &*s.text)
    }

    /// [`Grid::label_key`] of the value stored at `pos` itself, without merge resolution.
    pub fn own_label_key(&self, pos: Pos) -> Option<&str> {
        self.cells.get(&pos).map(|s| &*s.key)
    }

    /// Trimmed text at `pos` (merge-resolved), `""` when blank.
    pub fn text(&self, pos: Pos) -> String {
        self.text_str(pos).to_string()
    }

    /// [`Grid::text`] without a copy.
    pub fn text_str(&self, pos: Pos) -> &str {
        self.shown(pos).map(|s| &*s.text).unwrap_or("")
    }

    /// The text at `pos` (merge-resolved) as labels are compared:
    /// [`crate::layout::normalize_label`] of [`Grid::text`], made once when the cell was set.
    pub fn label_key(&self, pos: Pos) -> &str {
        self.shown(pos).map(|s| &*s.key).unwrap_or("")
    }

    /// All non-empty cells, in row-major order.
    pub fn cells(&self) -> Vec<(Pos, &Cell)> {
        let mut v: Vec<_> = self.cells.iter().map(|(p, s)| (*p, &s.cell)).collect();
        v.sort_by_key(|(p, _)| *p);
        v
    }
}

/// Opens every sheet of a workbook file as a [`Grid`]: [`open_bytes`] on the file's bytes.
///
/// # Errors
/// As [`open_bytes`]; [`Error::Unreadable`] when the file cannot be read.
#[cfg(not(target_family = "wasm"))]
pub fn open(path: &Path) -> Result<Vec<Grid>> {
    let shown = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| Error::unreadable(&shown, format!("cannot open: {e}")))?;
    open_bytes(&bytes, &shown)
}

/// Opens every sheet of a workbook held in memory as a [`Grid`]. `name` is the file name as the
/// user gave it: it names the grids' file and the errors, and its extension helps tell `.xlsb`.
///
/// # Errors
/// [`Error::Unreadable`] when the bytes are not a workbook, are password-protected or corrupt.
pub fn open_bytes(bytes: &[u8], name: &str) -> Result<Vec<Grid>> {
    let format = InputFormat::detect(name, bytes)?;
    open_as(bytes, name, format)
}

/// [`open_bytes`] with the format given (the override of detection).
///
/// # Errors
/// As [`open_bytes`]; also when `format` is no workbook format.
pub fn open_as(bytes: &[u8], name: &str, format: InputFormat) -> Result<Vec<Grid>> {
    let shown = name;
    let reader = Cursor::new(bytes);
    let fail = |e: String| {
        let lower = e.to_lowercase();
        if lower.contains("password") || lower.contains("encrypt") {
            password_protected(shown)
        } else {
            let e = e.split_whitespace().collect::<Vec<_>>().join(" ");
            Error::unreadable(shown, format!("cannot read the workbook: {e}")).with_hint(
                "the file may be damaged; open it in Excel, WPS or LibreOffice and save it again",
            )
        }
    };
    match format {
        InputFormat::Xlsx => xlsx_grids(reader, shown, fail),
        InputFormat::Xls => {
            let mut wb: calamine::Xls<_> =
                calamine::Xls::new(reader).map_err(|e| fail(e.to_string()))?;
            let names = wb.sheet_names();
            let mut grids = Vec::new();
            for name in names {
                let range = wb.worksheet_range(&name).map_err(|e| fail(e.to_string()))?;
                let merges = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
                grids.push(build(shown, &name, &range, &merges, |_| {
                    NumberShape::default()
                }));
            }
            Ok(grids)
        }
        InputFormat::Xlsb | InputFormat::Ods => {
            // By the sniffed format, not the name: an .ods saved as `.xls` still opens.
            let mut wb = match format {
                InputFormat::Ods => calamine::Ods::new(reader)
                    .map(calamine::Sheets::Ods)
                    .map_err(|e| fail(e.to_string()))?,
                _ => calamine::Xlsb::new(reader)
                    .map(calamine::Sheets::Xlsb)
                    .map_err(|e| fail(e.to_string()))?,
            };
            let names = wb.sheet_names();
            let mut grids = Vec::new();
            for name in names {
                let range = wb.worksheet_range(&name).map_err(|e| fail(e.to_string()))?;
                grids.push(build(shown, &name, &range, &[], |_| NumberShape::default()));
            }
            Ok(grids)
        }
        InputFormat::Json | InputFormat::Csv => Err(Error::unreadable(
            shown,
            format!("{} is not a workbook", format.describe()),
        )),
    }
}

/// Opens an xlsx workbook held in memory (one jixiao has just written, to read it back).
///
/// # Errors
/// [`Error::Unreadable`] when the bytes are not an xlsx workbook.
pub fn open_xlsx_bytes(bytes: &[u8], shown: &str) -> Result<Vec<Grid>> {
    let fail = |e: String| Error::unreadable(shown, format!("cannot read the workbook: {e}"));
    xlsx_grids(std::io::Cursor::new(bytes), shown, fail)
}

/// Every sheet of an xlsx workbook as a grid, with merges and number shapes.
fn xlsx_grids<R: std::io::Read + std::io::Seek>(
    reader: R,
    shown: &str,
    fail: impl Fn(String) -> Error,
) -> Result<Vec<Grid>> {
    let mut wb: calamine::Xlsx<_> = calamine::Xlsx::new(reader).map_err(|e| fail(e.to_string()))?;
    let names = wb.sheet_names();
    let mut grids = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| fail(e.to_string()))?;
        let merges = wb
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| fail(e.to_string()))?;
        let styles = wb.worksheet_style(&name).ok();
        let shape = |pos: Pos| -> NumberShape {
            styles
                .as_ref()
                .and_then(|s| s.get(pos))
                .and_then(|st| st.number_format.as_ref())
                .map(|nf| NumberShape::from_format_code(&nf.format_code))
                .unwrap_or_default()
        };
        grids.push(build(shown, &name, &range, &merges, shape));
    }
    Ok(grids)
}

fn build(
    file: &str,
    sheet: &str,
    range: &calamine::Range<Data>,
    merges: &[calamine::Dimensions],
    shape: impl Fn(Pos) -> NumberShape,
) -> Grid {
    let mut grid = Grid::new(file, sheet);
    for (r, c, data) in range.used_cells() {
        // used_cells yields positions relative to the range start.
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let pos = (r0 + r as u32, c0 + c as u32);
        let cell = match data {
            Data::Empty => continue,
            Data::String(s) => Cell::Text(s.clone()),
            Data::Int(i) => Cell::Number {
                value: *i as f64,
                shape: shape(pos),
            },
            Data::Float(f) => Cell::Number {
                value: *f,
                shape: shape(pos),
            },
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(dt) => {
                if dt.is_datetime() {
                    let (y, m, d, ..) = dt.to_ymd_hms_milli();
                    Cell::Date(format!("{y:04}-{m:02}-{d:02}"))
                } else {
                    Cell::Number {
                        value: dt.as_f64(),
                        shape: shape(pos),
                    }
                }
            }
            Data::DateTimeIso(s) => Cell::Date(s.get(..10).unwrap_or(s).to_string()),
            Data::DurationIso(s) => Cell::Text(s.clone()),
            Data::Error(e) => Cell::Error(format!("{e}")),
        };
        grid.set(pos, cell);
    }
    for m in merges {
        grid.merge(Area::new(m.start, m.end));
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells() {
        assert_eq!(cell_name((6, 2)), "C7");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(Area::new((0, 0), (0, 7)).to_string(), "A1:H1");
    }

    #[test]
    fn reads_number_formats() {
        let s = NumberShape::from_format_code("#,##0.00");
        assert_eq!((s.decimals, s.percent), (Some(2), false));
        let s = NumberShape::from_format_code("0.00%");
        assert_eq!((s.decimals, s.percent), (Some(2), true));
        assert_eq!(NumberShape::from_format_code("0").decimals, Some(0));
        assert_eq!(NumberShape::from_format_code("General").decimals, None);
        assert_eq!(NumberShape::from_format_code("@").decimals, None);
    }

    #[test]
    fn merged_cells_answer_with_their_top_left_value() {
        let mut g = Grid::new("f.xlsx", "s");
        g.set((0, 0), Cell::Text("标题".into()));
        g.merge(Area::new((0, 0), (0, 7)));
        assert_eq!(g.text((0, 5)), "标题");
        assert_eq!(g.area((0, 3)), Area::new((0, 0), (0, 7)));
        assert_eq!(g.text((1, 0)), "");
    }

    #[test]
    fn cell_text_drops_html_paragraphs_and_stray_spaces() {
        let text = |s: &str| Cell::Text(s.into()).text();
        assert_eq!(text("<p>机关服务费</p>"), "机关服务费");
        assert_eq!(text("<p>甲</p><p>乙</p>"), "甲\n乙");
        assert_eq!(text("\u{3000}经常性专项业务费\u{a0} "), "经常性专项业务费");
        assert_eq!(text("≥ 55.00 (人)"), "≥ 55.00 (人)");
    }
}

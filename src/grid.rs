//! Workbook → [`Grid`]: a sheet's cell values and merged areas, resolved once.
//!
//! This is the only module that talks to calamine. Coordinates are [`crate::a1`]'s.

use crate::a1::{Area, Pos};
use crate::diag::Diagnostic;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

mod ods_guard;
mod open;
mod xls_guard;
mod xlsx_cells;
mod xlsx_parts;

#[cfg(not(target_family = "wasm"))]
pub use open::open;
pub use open::{Limits, open_as, open_bytes, open_xlsx_bytes};

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
    /// Text, as stored.
    Text(String),
    /// A number: the stored binary value and the number format it is shown with.
    Number {
        /// The value as the file stores it (a percentage cell holds the fraction: `0.8935`).
        value: f64,
        /// How the cell's number format shows it (decimals, `%`).
        shape: NumberShape,
    },
    /// `TRUE` / `FALSE`.
    Bool(bool),
    /// A date cell, as `YYYY-MM-DD`.
    Date(String),
    /// An error value such as `#REF!`.
    Error(String),
    /// A formula without a cached value (`=SUM(D7:D9)`): the file never was recalculated, so
    /// the cell has no value to read.
    Formula(String),
}

impl Cell {
    /// The text a person sees, trimmed: numbers with the decimals of their format.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => clean_text(s).into_owned(),
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
            Cell::Error(e) | Cell::Formula(e) => e.clone(),
        }
    }
}

/// Cell text as a person reads it: the HTML paragraph and line-break tags some web systems
/// export (`<p>机关服务费</p>`) removed or made line breaks, then trimmed (full-width and
/// non-breaking spaces included).
fn clean_text(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('<') {
        return std::borrow::Cow::Borrowed(s.trim());
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
    std::borrow::Cow::Owned(out.trim().to_string())
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

/// Builds [`FxHasher`]s: for maps whose keys are trusted (positions, static labels).
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// A map keyed by cell position, hashed with [`FxHasher`].
pub type PosMap<V> = HashMap<Pos, V, FxBuild>;

/// A cell as stored: its value, and the texts every reader asks for, made once (and kept only
/// where they differ: most cells' text is their value, and most texts are their own key).
#[derive(Debug, Clone)]
struct Stored {
    cell: Cell,
    /// [`Cell::text`], when it is not the cell's own text.
    text: Option<Box<str>>,
    /// [`crate::layout::normalize_label`] of the text, when it is not the text itself: what
    /// labels are compared with.
    key: Option<Box<str>>,
}

impl Stored {
    fn new(cell: Cell) -> Self {
        let text = match &cell {
            Cell::Text(s) => match clean_text(s) {
                std::borrow::Cow::Borrowed(t) if t.len() == s.len() => None,
                t => Some(t.into_owned().into_boxed_str()),
            },
            other => Some(other.text().into_boxed_str()),
        };
        let mut stored = Stored {
            cell,
            text,
            key: None,
        };
        let key = match crate::layout::normalized_label(stored.text()) {
            std::borrow::Cow::Owned(key) if key != stored.text() => Some(key),
            _ => None,
        };
        stored.key = key.map(String::into_boxed_str);
        stored
    }

    fn text(&self) -> &str {
        match (&self.text, &self.cell) {
            (Some(t), _) => t,
            (None, Cell::Text(s)) => s,
            (None, _) => "",
        }
    }

    fn key(&self) -> &str {
        self.key.as_deref().unwrap_or_else(|| self.text())
    }
}

/// One sheet: values at the top-left of each merged area, and the areas.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// The input path as given.
    pub file: String,
    /// The worksheet's name, as the workbook spells it.
    pub sheet: String,
    cells: PosMap<Stored>,
    /// The positions of `cells`, row by row, sorted once when first asked (every form reader
    /// walks them); cleared by every change.
    order: std::cell::OnceCell<Vec<Pos>>,
    merges: Vec<Area>,
    merge_at: PosMap<usize>,
    /// One past the last used row and column.
    pub rows: u32,
    /// One past the last used column (0-based), like `rows`.
    pub cols: u32,
    /// The sheet is hidden in the workbook (it is read all the same, and reported).
    pub hidden: bool,
    /// What opening the sheet noticed that no reader maps: a hidden sheet, comments, error
    /// values and formulas without a value, each at its place.
    pub notes: Vec<Diagnostic>,
    /// The formula (`=A1*2`) of each xlsx cell that has one, cached value or not: the official
    /// forms read the value, the flat tables refuse a formula.
    formulas: HashMap<Pos, String>,
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

    /// Stores `cell` at `pos`, replacing what was there; blank text removes the cell.
    pub fn set(&mut self, pos: Pos, cell: Cell) {
        self.order.take();
        if let Cell::Text(t) = &cell
            && t.trim().is_empty()
        {
            self.cells.remove(&pos);
            return;
        }
        self.rows = self.rows.max(pos.0 + 1);
        self.cols = self.cols.max(pos.1 + 1);
        self.cells.insert(pos, Stored::new(cell));
    }

    /// Makes room for `cells` more cells and `merged` more cells inside merged areas, so that
    /// filling a sheet does not rehash its maps as they grow.
    pub fn reserve(&mut self, cells: usize, merged: usize) {
        self.cells.reserve(cells);
        self.merge_at.reserve(merged);
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

    /// The merged areas, in the order they were declared.
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

    /// The formula of the cell at `pos` (`=A1*2`), when the workbook stores one there.
    pub fn formula_at(&self, pos: Pos) -> Option<&str> {
        self.formulas.get(&pos).map(String::as_str)
    }

    /// Every formula of the sheet with its cell, in no particular order.
    pub fn formulas(&self) -> impl Iterator<Item = (Pos, &str)> {
        self.formulas.iter().map(|(p, f)| (*p, f.as_str()))
    }

    /// Records the formula of the cell at `pos`.
    pub fn set_formula(&mut self, pos: Pos, formula: impl Into<String>) {
        self.formulas.insert(pos, formula.into());
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
        self.cells.get(&pos).map(Stored::text)
    }

    /// [`Grid::label_key`] of the value stored at `pos` itself, without merge resolution.
    pub fn own_label_key(&self, pos: Pos) -> Option<&str> {
        self.cells.get(&pos).map(Stored::key)
    }

    /// Trimmed text at `pos` (merge-resolved), `""` when blank.
    pub fn text(&self, pos: Pos) -> String {
        self.text_str(pos).to_string()
    }

    /// [`Grid::text`] without a copy.
    pub fn text_str(&self, pos: Pos) -> &str {
        self.shown(pos).map(Stored::text).unwrap_or("")
    }

    /// The text at `pos` (merge-resolved) as labels are compared:
    /// [`crate::layout::normalize_label`] of [`Grid::text`], made once when the cell was set.
    pub fn label_key(&self, pos: Pos) -> &str {
        self.shown(pos).map(Stored::key).unwrap_or("")
    }

    /// All non-empty cells, in row-major order.
    pub fn cells(&self) -> Vec<(Pos, &Cell)> {
        self.positions()
            .iter()
            .map(|p| (*p, &self.cells[p].cell))
            .collect()
    }

    /// The positions of all non-empty cells, in row-major order.
    pub fn positions(&self) -> &[Pos] {
        self.order.get_or_init(|| {
            let mut v: Vec<Pos> = self.cells.keys().copied().collect();
            v.sort_unstable();
            v
        })
    }

    /// [`Grid::positions`] on rows `first..=last`.
    pub fn positions_in_rows(&self, (first, last): (u32, u32)) -> &[Pos] {
        let all = self.positions();
        let from = all.partition_point(|p| p.0 < first);
        let to = all.partition_point(|p| p.0 <= last);
        &all[from..to.max(from)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

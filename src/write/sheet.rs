//! What the two form writers share: placing text and numbers by area (merging where the area
//! spans several cells), the vertical merges of 一级/二级, row heights estimated from the text,
//! and the page setup.
//!
//! Both writers paint through [`FormSheet`], so every cell of a form gets a border and every
//! text is remembered for [`FormSheet::finish`], which sizes the rows so wrapped Chinese text is
//! never cut off.

use super::FieldCells;
use super::styles::Styles;
use crate::a1::{Area, cell_name};
use crate::layout::{self, sheets};
use crate::model::Figure;
use crate::model::field::{self, IndicatorPart};
use crate::model::{ExtraCell, PrintedLayout};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet, XlsxError};
use std::ops::Range;

/// Width of a column the layout does not have, in Excel character units.
const EXTRA_COLUMN_WIDTH: f64 = 16.0;
/// Height of the title row, in points.
const TITLE_HEIGHT: f64 = 36.0;
/// The lowest row height of the form, in points.
const MIN_HEIGHT: f64 = 20.0;
/// Excel's highest row height, in points: a longer text is shown cut, whatever the file says.
const MAX_HEIGHT: f64 = 409.0;
/// The lowest height of a long text's area (the goals), so a blank form leaves room to write.
const LONG_TEXT_MIN_HEIGHT: f64 = 60.0;
/// One line of 宋体 10, in points, and the padding above and below the lines.
const LINE_HEIGHT: f64 = 13.5;
const ROW_PADDING: f64 = 4.0;
/// Width units a cell loses to its margins.
const CELL_PADDING: f64 = 1.0;
/// Width of a character in Excel width units at 宋体 10: CJK and other wide characters take two.
const WIDE_CHAR: f64 = 2.0;
const NARROW_CHAR: f64 = 1.1;

/// A worksheet being painted with one form.
pub(super) struct FormSheet<'a> {
    sheet: &'a mut Worksheet,
    pub styles: &'a Styles,
    widths: Vec<f64>,
    /// Every text placed below the title, with its area, for the row heights.
    texts: Vec<(Area, String)>,
    /// Areas that need a height whatever their text.
    minimums: Vec<(Area, f64)>,
    last_row: u32,
    /// Where each field was placed, by its path in the model.
    cells: FieldCells,
    /// The form's own labels (`--layout source`), and its year for `{year}` in them.
    printed: PrintedLayout,
    /// Whether the form is written as it printed it (`--layout source` of a form read from a
    /// file; not a profile's layout, [`PrintedLayout::from_profile`]): every label exactly as
    /// the form printed it, never re-broken; otherwise the official labels (and a profile's
    /// own), broken as printed.
    as_printed: bool,
    year: Option<i32>,
    /// The heads of the indicator columns the layout does not have (绩效标准), after its last.
    extra: Vec<String>,
}

impl<'a> FormSheet<'a> {
    /// Sets the layout's column widths, with a column after them for each indicator column the
    /// layout does not have (绩效标准, in the order first met in `indicators`), and writes title
    /// and year caption over all of them: the form's own where `printed` records them.
    pub fn new<'i>(
        sheet: &'a mut Worksheet,
        styles: &'a Styles,
        (widths, indicators): (&[f64], impl IntoIterator<Item = &'i [ExtraCell]>),
        (title, year): (&str, Option<i32>),
        printed: Option<&PrintedLayout>,
    ) -> Result<Self, XlsxError> {
        let extra = extra_columns(indicators.into_iter().flatten());
        let mut widths = widths.to_vec();
        widths.extend(std::iter::repeat_n(EXTRA_COLUMN_WIDTH, extra.len()));
        let caption = layout::year_caption(year);
        let (title, caption) = match printed {
            Some(p) => (
                p.label(sheets::slot::TITLE, title, year),
                p.label(sheets::slot::YEAR, &caption, year),
            ),
            None => (title.to_string(), caption),
        };
        let mut form = FormSheet::plain(sheet, styles, widths)?;
        form.printed = printed.cloned().unwrap_or_default();
        form.as_printed = printed.is_some_and(|p| !p.from_profile);
        form.year = year;
        form.extra = extra;
        let columns = form.widths.len();
        form.put(sheets::title_at(columns), &title, &styles.title)?;
        form.put(sheets::year_at(columns), &caption, &styles.caption)?;
        form.place(field::YEAR, sheets::year_at(columns));
        Ok(form)
    }

    /// A sheet with these column widths and nothing on it yet: a form's own grid paints its
    /// title where it printed it (see `super::derived`).
    pub fn plain(
        sheet: &'a mut Worksheet,
        styles: &'a Styles,
        widths: Vec<f64>,
    ) -> Result<Self, XlsxError> {
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(col_num(col as u32)?, *width)?;
        }
        Ok(FormSheet {
            sheet,
            styles,
            widths,
            texts: Vec::new(),
            minimums: Vec::new(),
            last_row: 0,
            cells: FieldCells::default(),
            printed: PrintedLayout::default(),
            as_printed: true,
            year: None,
            extra: Vec::new(),
        })
    }

    /// The label of `slot` as the form printed it (`--layout source`), else `official`.
    pub fn own(&self, slot: &str, official: &str) -> String {
        self.printed.label(slot, official, self.year)
    }

    /// The indicator table's placeholder rows the form printed (`--layout source`; none in the
    /// official layout).
    pub fn placeholders(&self) -> Vec<crate::model::PlaceholderRow> {
        self.printed.placeholders.clone()
    }

    /// Whether the form printed `slot` (a row some layouts have, such as 评分等级).
    pub fn prints(&self, slot: &str) -> bool {
        self.printed.prints(slot)
    }

    /// [`FormSheet::label`] with the form's own words for `slot` ([`FormSheet::own`]).
    pub fn own_label(&mut self, at: Area, slot: &str, official: &str) -> Result<(), XlsxError> {
        let text = self.own(slot, official);
        self.label(at, &text)
    }

    /// A header field: its label (the form's own words for it) at `label_at`, its text at
    /// `value_at`, placed as the field's `path`.
    pub fn field(
        &mut self,
        path: &str,
        (label_at, official): (Area, &str),
        value_at: Area,
        value: &str,
    ) -> Result<(), XlsxError> {
        self.own_label(label_at, path, official)?;
        let format = self.styles.text.clone();
        self.text(value_at, value, &format)?;
        self.place(path, value_at);
        Ok(())
    }

    /// The column this layout does not have that come after its last: their heads in `row`.
    pub fn extra_heads(&mut self, row: u32) -> Result<(), XlsxError> {
        let first = self.widths.len() - self.extra.len();
        for (col, name) in (first..).zip(self.extra.clone()) {
            self.label(Area::cell((row, col as u32)), &name)?;
        }
        Ok(())
    }

    /// An indicator row's cells in the columns the layout does not have; blank where the row
    /// has none (the other side of an 88号 row).
    pub fn extra_cells(&mut self, row: u32, cells: &[ExtraCell]) -> Result<(), XlsxError> {
        let first = self.widths.len() - self.extra.len();
        let format = self.styles.text.clone();
        for (col, name) in (first..).zip(self.extra.clone()) {
            let text = cells
                .iter()
                .find(|e| e.column == name)
                .map_or("", |e| e.text.as_str());
            self.text(Area::cell((row, col as u32)), text, &format)?;
        }
        Ok(())
    }

    /// Records that the field at `path` (as the model names it: `funds.annual_total`,
    /// `indicators[2].target`) stands in `at`: [`FormSheet::finish`] gives them all back.
    pub fn place(&mut self, path: impl Into<String>, at: Area) {
        self.cells.insert(path.into(), at);
    }

    /// The last column of the form, the columns it adds to its layout's included.
    pub fn last_col(&self) -> u32 {
        self.widths.len().saturating_sub(1) as u32
    }

    /// Text (always a string, never a formula) over an area, remembered for the row heights.
    pub fn text(&mut self, at: Area, text: &str, format: &Format) -> Result<(), XlsxError> {
        self.put(at, text, format)?;
        if !text.is_empty() {
            self.texts.push((at, text.to_string()));
        }
        Ok(())
    }

    /// A long text (a goal) over an area: left and top, with room for a few lines when empty.
    pub fn long_text(&mut self, at: Area, text: &str) -> Result<(), XlsxError> {
        self.minimums.push((at, LONG_TEXT_MIN_HEIGHT));
        self.note(at, text)
    }

    /// A text left and top, as tall as it needs and no taller (a 备注 line).
    pub fn note(&mut self, at: Area, text: &str) -> Result<(), XlsxError> {
        let format = self.styles.text_left_top.clone();
        self.text(at, text, &format)
    }

    /// A constant label over an area. It is broken into lines as the printed forms break it
    /// when it does not fit (see [`break_as_printed`]: `项目绩效目标` → `项目\n绩效\n目标`,
    /// never `项目绩效目/标`), except in a form written as it printed it (`--layout source` of a
    /// form read from a file), which gets its labels exactly as printed, on one line or broken
    /// (issue 11).
    pub fn label(&mut self, at: Area, text: &str) -> Result<(), XlsxError> {
        let format = self.styles.label.clone();
        if self.as_printed {
            return self.text(at, text, &format);
        }
        let text = break_as_printed(text, self.width(&at));
        self.text(at, &text, &format)
    }

    /// A 备注 label (`同名项目上年预算额（元）`): the readers keep it on one line, so it is broken as
    /// printed when it does not fit (see [`break_as_printed`]) in every layout, the form's own
    /// included.
    pub fn note_label(&mut self, at: Area, text: &str) -> Result<(), XlsxError> {
        let format = self.styles.label.clone();
        let text = break_as_printed(text, self.width(&at));
        self.text(at, &text, &format)
    }

    /// A 一级 or 二级 cell: styled as a label, but the form's data, so never re-broken.
    fn level(&mut self, at: Area, text: &str) -> Result<(), XlsxError> {
        let format = self.styles.label.clone();
        self.text(at, text, &format)
    }

    /// Width units available for text in `at`.
    fn width(&self, at: &Area) -> f64 {
        (at.first.1..=at.last.1)
            .filter_map(|c| self.widths.get(c as usize))
            .sum::<f64>()
            - CELL_PADDING
    }

    /// A 申报表 amount; `None` is an empty bordered cell.
    pub fn amount(&mut self, at: Area, amount: Option<Decimal>) -> Result<(), XlsxError> {
        match amount {
            Some(a) => {
                let format = self.styles.amount(a, self.money_decimals());
                self.number(at, a, &format)
            }
            None => {
                let format = self.styles.text.clone();
                self.put(at, "", &format)
            }
        }
    }

    /// The fewest decimals a money amount or rate is printed with ([`Styles::money_decimals`]).
    fn money_decimals(&self) -> u32 {
        self.styles.money_decimals
    }

    /// A 自评表 money figure or rate (年初预算数 … 执行率): as [`FormSheet::figure`], with two
    /// decimals at least in the official layout.
    pub fn money_figure(&mut self, at: Area, figure: &Figure) -> Result<(), XlsxError> {
        self.figure_with(at, figure, self.money_decimals())
    }

    /// Whether the form printed the figure at `path` as a percentage (`--layout source`).
    pub fn printed_percent(&self, path: &str) -> bool {
        self.printed.percent.iter().any(|p| p == path)
    }

    /// A 自评表 figure the form printed as a percentage: the fraction, shown `95.50%` with the
    /// figure's decimals; other figures as [`FormSheet::figure`].
    pub fn percent_figure(&mut self, at: Area, figure: &Figure) -> Result<(), XlsxError> {
        match figure {
            Figure::Number(n) => match n.checked_div(Decimal::ONE_HUNDRED) {
                Some(fraction) => {
                    let format = self.styles.percent(*n);
                    self.number(at, fraction, &format)
                }
                None => self.figure(at, figure),
            },
            _ => self.figure(at, figure),
        }
    }

    /// A 自评表 figure: a number with its own decimals, the text `-`, or an empty bordered cell.
    pub fn figure(&mut self, at: Area, figure: &Figure) -> Result<(), XlsxError> {
        self.figure_with(at, figure, 0)
    }

    fn figure_with(&mut self, at: Area, figure: &Figure, at_least: u32) -> Result<(), XlsxError> {
        match figure {
            Figure::Number(n) => {
                let format = self.styles.figure(*n, at_least);
                self.number(at, *n, &format)
            }
            Figure::Dash | Figure::Mark(_) => {
                let format = self.styles.dash.clone();
                self.put(at, &figure.to_string(), &format)
            }
            Figure::Blank => {
                let format = self.styles.dash.clone();
                self.put(at, "", &format)
            }
        }
    }

    /// The 一级/二级 columns of an indicator table: each run of equal 一级 merged vertically in
    /// `level1_col`, each run of equal (一级, 二级) in `level2_col`. `lines[k]` is the row
    /// `first_row + k`: the indicator it prints, if any (a placeholder row prints none, see
    /// [`table_lines`]), whose row and 一级/二级 it places, and its 一级 and 二级.
    pub fn levels(
        &mut self,
        first_row: u32,
        lines: &[(Option<usize>, &str, &str)],
        level1_col: u16,
        level2_col: u16,
    ) -> Result<(), XlsxError> {
        let level1: Vec<_> = lines.iter().map(|l| Some((l.1, l.1))).collect();
        let level1 = self.merged_runs(first_row, level1_col, &level1)?;
        let level2: Vec<_> = lines.iter().map(|l| Some((l.1, l.2))).collect();
        let level2 = self.merged_runs(first_row, level2_col, &level2)?;
        let last_col = self.last_col();
        for (row, ((line, l1), l2)) in (first_row..).zip(lines.iter().zip(level1).zip(level2)) {
            if let Some(i) = line.0 {
                self.place(IndicatorPart::Level1.of(i), l1);
                self.place(IndicatorPart::Level2.of(i), l2);
                self.place(field::indicator(i), Area::new((row, 0), (row, last_col)));
            }
        }
        Ok(())
    }

    /// One column of an indicator table from `first_row` down: each run of equal `(key, text)`
    /// merged vertically and printed `text`; `None` is an empty bordered cell that joins no run
    /// (the side of an 88号 row that has no indicator). Gives back each row's area.
    pub fn merged_runs(
        &mut self,
        first_row: u32,
        col: u16,
        items: &[Option<(&str, &str)>],
    ) -> Result<Vec<Area>, XlsxError> {
        let mut areas = Vec::with_capacity(items.len());
        for rows in runs(items) {
            let at = Area::new(
                (first_row + rows.start as u32, u32::from(col)),
                (first_row + rows.end as u32 - 1, u32::from(col)),
            );
            match items[rows.start] {
                Some((_, text)) => {
                    self.level(at, text)?;
                    areas.extend(std::iter::repeat_n(at, rows.len()));
                }
                None => {
                    let format = self.styles.text.clone();
                    for row in at.first.0..=at.last.0 {
                        let cell = Area::cell((row, at.first.1));
                        self.put(cell, "", &format)?;
                        areas.push(cell);
                    }
                }
            }
        }
        Ok(areas)
    }

    /// Sets the row heights from the text placed, and the page: A4 portrait, one page a form (a long 备注 shrinks to fit, issue 11),
    /// centred, the form as print area. Gives back where each field was placed.
    pub fn finish(self) -> Result<FieldCells, XlsxError> {
        let last_col = col_num(self.widths.len().saturating_sub(1) as u32)?;
        let mut heights = vec![MIN_HEIGHT; self.last_row as usize + 1];
        heights[0] = TITLE_HEIGHT;
        // What each area needs, below the title (whose height is fixed).
        let needs = self
            .texts
            .iter()
            .map(|(at, text)| (*at, self.text_height(at, text)))
            .chain(self.minimums.iter().copied())
            .filter(|(at, _)| at.first.0 > 0);
        let (single, multi): (Vec<_>, Vec<_>) = needs.partition(|(at, _)| at.first.0 == at.last.0);
        for (at, need) in single {
            let row = at.first.0 as usize;
            heights[row] = heights[row].max(need);
        }
        // An area over several rows needs their sum; spread what is missing evenly.
        for (at, need) in multi {
            let rows = at.first.0 as usize..at.last.0 as usize + 1;
            let have: f64 = heights[rows.clone()].iter().sum();
            let missing = need - have;
            if missing > 0.0 {
                let share = missing / rows.len() as f64;
                heights[rows].iter_mut().for_each(|h| *h += share);
            }
        }
        for (row, height) in heights.iter().enumerate() {
            // Whole half points keep the file free of float noise.
            let height = ((height * 2.0).ceil() / 2.0).min(MAX_HEIGHT);
            self.sheet.set_row_height(row as RowNum, height)?;
        }
        self.sheet
            .set_paper_size(9)
            .set_portrait()
            .set_print_fit_to_pages(1, 1)
            .set_print_center_horizontally(true)
            .set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3)
            .set_print_area(0, 0, self.last_row, last_col)?;
        Ok(self.cells)
    }

    /// Points needed to show `text` wrapped in `at`.
    fn text_height(&self, at: &Area, text: &str) -> f64 {
        let width = self.width(at);
        let lines: f64 = text
            .split('\n')
            .map(|line| (text_width(line) / width.max(1.0)).ceil().max(1.0))
            .sum();
        lines * LINE_HEIGHT + ROW_PADDING
    }

    fn number(&mut self, at: Area, value: Decimal, format: &Format) -> Result<(), XlsxError> {
        // merge_range writes a string; overwrite its top-left cell with the number.
        self.put(at, "", format)?;
        let (row, col) = top_left(at)?;
        let format = self.styles.at(at.first, format);
        self.sheet.write_with_format(row, col, value, &format)?;
        Ok(())
    }

    /// Writes `text` over `at` with `format` on every cell, merging when it spans several.
    fn put(&mut self, at: Area, text: &str, format: &Format) -> Result<(), XlsxError> {
        let (row, col) = top_left(at)?;
        let format = &self.styles.at(at.first, format);
        if at.is_single() {
            self.sheet
                .write_string_with_format(row, col, text, format)?;
        } else {
            let last_col = col_num(at.last.1)?;
            self.sheet
                .merge_range(row, col, at.last.0, last_col, text, format)?;
        }
        self.last_row = self.last_row.max(at.last.0);
        Ok(())
    }
}

/// The area of an A1 range from [`crate::layout`].
///
/// # Errors
/// [`XlsxError::ParameterError`] when the layout holds a malformed range (a bug, caught by the
/// layout's tests).
pub(super) fn area(a1: &str) -> Result<Area, XlsxError> {
    crate::a1::parse_area(a1)
        .ok_or_else(|| XlsxError::ParameterError(format!("layout range {a1:?} is not A1 notation")))
}

/// The heads of the columns indicator rows carry beyond the layout's (`绩效标准`), each once,
/// in the order first met.
fn extra_columns<'a>(cells: impl IntoIterator<Item = &'a ExtraCell>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for cell in cells {
        if !names.contains(&cell.column) {
            names.push(cell.column.clone());
        }
    }
    names
}

/// One row, columns `cols.0..=cols.1`.
pub(super) fn row_area(row: u32, cols: (u16, u16)) -> Area {
    Area::new((row, u32::from(cols.0)), (row, u32::from(cols.1)))
}

/// One row of an indicator table as a form printed it: the indicator it prints (`None`: a row
/// holding only a placeholder), the indicator whose 一级/二级 it stands under, and the
/// placeholder it prints in its 三级 cell (`指标2:`, `……`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct TableLine<'a> {
    pub indicator: Option<usize>,
    pub under: usize,
    pub placeholder: Option<&'a str>,
}

/// The rows of an indicator table: one per indicator, with the form's placeholder rows
/// ([`PrintedLayout::placeholders`]) put back among the rows of their 二级 as printed. `keys`
/// are each indicator's 一级 and 二级 (as the model names them) and whether it has no 三级; a
/// placeholder on the row of such an indicator is printed in its 三级 cell. A placeholder whose
/// 一级/二级 no indicator has is left out (its row had nothing else).
pub(super) fn table_lines<'a>(
    keys: &[(&str, &str, bool)],
    placeholders: &'a [crate::model::PlaceholderRow],
) -> Vec<TableLine<'a>> {
    let pairs: Vec<(&str, &str)> = keys.iter().map(|k| (k.0, k.1)).collect();
    let mut taken = vec![false; placeholders.len()];
    let mut lines = Vec::with_capacity(keys.len());
    for run in runs(&pairs) {
        let (level1, level2) = pairs[run.start];
        let mut own: Vec<usize> = (0..placeholders.len())
            .filter(|&p| !taken[p])
            .filter(|&p| placeholders[p].level1 == level1 && placeholders[p].level2 == level2)
            .collect();
        own.sort_by_key(|&p| placeholders[p].row);
        own.iter().for_each(|&p| taken[p] = true);
        let mut own = own.into_iter().map(|p| &placeholders[p]).peekable();
        let mut indicators = run.clone().peekable();
        let mut row = 0;
        loop {
            let placeholder = own.next_if(|p| p.row <= row || indicators.peek().is_none());
            let indicator = match (placeholder, indicators.peek()) {
                (Some(_), Some(&i)) if !keys[i].2 => None,
                _ => indicators.next(),
            };
            if placeholder.is_none() && indicator.is_none() {
                break;
            }
            lines.push(TableLine {
                indicator,
                under: indicator.unwrap_or(run.start),
                placeholder: placeholder.map(|p| p.text.as_str()),
            });
            row += 1;
        }
    }
    lines
}

/// Ranges of consecutive equal items: `[a, a, b, a]` → `0..2, 2..3, 3..4`.
pub(super) fn runs<T: PartialEq>(items: &[T]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if items[run.start] == *item => run.end = i + 1,
            _ => runs.push(i..i + 1),
        }
    }
    runs
}

/// Estimated width of a line of text in Excel width units at 宋体 10.
/// A label that does not fit `width` on one line, broken where the printed forms break it
/// rather than wherever the cell runs out (`项目绩效目/标`, `项目资金（万元/）`, issue 11):
/// - a trailing bracket goes on a line of its own: `项目资金\n（万元）`;
/// - a short label in a narrow column stands vertically, two characters a line, as the forms
///   print `项目\n绩效\n目标`, `年度\n总体\n目标`, `绩效\n指标`.
///
/// A label that fits, or that already has its own line breaks, is left as it is.
pub(super) fn break_as_printed(text: &str, width: f64) -> String {
    if text.contains('\n') || text_width(text) <= width {
        return text.to_string();
    }
    if let Some(open) = text.rfind(['（', '('])
        && open > 0
        && text.ends_with(['）', ')'])
    {
        let (head, bracket) = text.split_at(open);
        return format!("{}\n{bracket}", break_as_printed(head, width));
    }
    let chars: Vec<char> = text.chars().collect();
    // Only a narrow column (fewer than five characters a line) stands a label vertically; a wider
    // one lets it wrap (`项目设立的必要性` under 备注).
    if chars.len() <= 8
        && !chars.iter().any(char::is_ascii)
        && (2.0 * WIDE_CHAR..5.0 * WIDE_CHAR).contains(&width)
    {
        return chars
            .chunks(2)
            .map(|pair| pair.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");
    }
    text.to_string()
}

pub(super) fn text_width(line: &str) -> f64 {
    line.chars()
        .map(|c| if c.is_ascii() { NARROW_CHAR } else { WIDE_CHAR })
        .sum()
}

fn top_left(at: Area) -> Result<(RowNum, ColNum), XlsxError> {
    Ok((at.first.0, col_num(at.first.1)?))
}

fn col_num(col: u32) -> Result<ColNum, XlsxError> {
    ColNum::try_from(col).map_err(|_| {
        XlsxError::ParameterError(format!("column of {} out of range", cell_name((0, col))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_consecutive_runs() {
        assert_eq!(runs(&["a", "a", "b", "a"]), vec![0..2, 2..3, 3..4]);
        assert_eq!(runs::<&str>(&[]), Vec::<Range<usize>>::new());
    }

    #[test]
    fn heights_count_wrapped_and_explicit_lines() {
        let styles = Styles::new();
        let mut sheet = Worksheet::new();
        let form = FormSheet::new(
            &mut sheet,
            &styles,
            (&[13.0, 13.0], []),
            ("标题", None),
            None,
        )
        .expect("new form sheet");
        let both = Area::new((2, 0), (2, 1));
        // 60 wide characters = 120 units over 26 - 1 = 25 units: 5 lines.
        assert_eq!(form.text_height(&both, &"字".repeat(60)), 5.0 * 13.5 + 4.0);
        assert_eq!(form.text_height(&both, "一\n二\n三"), 3.0 * 13.5 + 4.0);
        assert_eq!(form.text_height(&Area::cell((2, 0)), ""), 13.5 + 4.0);
    }

    #[test]
    fn issue_11_labels_break_as_printed() {
        // Column A of the 申报表 is 7 wide (6 for text), of the 自评表 10 (9 for text).
        assert_eq!(break_as_printed("项目绩效目标", 6.0), "项目\n绩效\n目标");
        assert_eq!(break_as_printed("绩效指标", 6.0), "绩效\n指标");
        assert_eq!(break_as_printed("年度总体目标", 9.0), "年度\n总体\n目标");
        assert_eq!(
            break_as_printed("项目资金（万元）", 9.0),
            "项目资金\n（万元）"
        );
        assert_eq!(
            break_as_printed("同名项目上年预算额（元）", 15.0),
            "同名项目上年预算额\n（元）"
        );
        // What fits stays on one line; a label with its own breaks is kept.
        assert_eq!(break_as_printed("项目资金（元）", 15.0), "项目资金（元）");
        assert_eq!(break_as_printed("项目\n名称", 2.0), "项目\n名称");
        assert_eq!(
            break_as_printed("项目设立的必要性", 15.0),
            "项目设立的必要性"
        );
    }

    #[test]
    fn placeholder_rows_go_back_among_their_level2_rows() {
        use crate::model::PlaceholderRow;
        let p = |level2: &str, row: usize, text: &str| PlaceholderRow {
            level1: "产出指标".into(),
            level2: level2.into(),
            row,
            text: text.into(),
        };
        // 数量: two indicators then `指标3:`; 生态 has no 三级, its `指标1:` in its row, then
        // `……` under it; a placeholder of a 二级 no indicator has is left out.
        let keys = [
            ("产出指标", "数量指标", false),
            ("产出指标", "数量指标", false),
            ("产出指标", "生态效益指标", true),
            ("产出指标", "时效指标", false),
        ];
        let placeholders = [
            p("生态效益指标", 1, "……"),
            p("数量指标", 2, "指标3:"),
            p("生态效益指标", 0, "指标1:"),
            p("质量指标", 1, "指标2:"),
        ];
        let line = |indicator, under, placeholder| TableLine {
            indicator,
            under,
            placeholder,
        };
        assert_eq!(
            table_lines(&keys, &placeholders),
            [
                line(Some(0), 0, None),
                line(Some(1), 1, None),
                line(None, 0, Some("指标3:")),
                line(Some(2), 2, Some("指标1:")),
                line(None, 2, Some("……")),
                line(Some(3), 3, None),
            ]
        );
        assert_eq!(table_lines(&keys, &[]).len(), 4);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(text_width("项目"), 4.0);
        assert!((text_width("ab") - 2.2).abs() < 1e-9);
    }
}

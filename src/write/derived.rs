//! `--layout source` of a form printed in none of the layouts jixiao describes (a provincial
//! grid, issue 11): its own grid ([`DerivedLayout`], recorded by the reader) painted back cell
//! for cell — the labels and merges as printed, each field's value from the form at the cell
//! it was read from (so corrections show), numbers with their own decimals.
//!
//! The indicator table is written from the form: each row in the columns its parts were read
//! from, the rows the form printed besides its indicators (`指标2`, `……` placeholders) where
//! they stood, 一级/二级 merged down runs of equal values where the form merged them. A row the
//! form gained is written after the table in the shape of the list's last row, a row it lost is
//! left out, and the rows under the table move by the difference.

use super::FieldCells;
use super::sheet::{FormSheet, text_width};
use super::styles::Styles;
use crate::a1::{Area, Pos, parse_area};
use crate::layout::derived::{self as d, LISTS, Shown, Values};
use crate::layout::flat;
use crate::model::field::{self, IndicatorPart, NotePart};
use crate::model::{DerivedLayout, ExtraCell, Figure, Form, Source};
use rust_xlsxwriter::{Worksheet, XlsxError};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Width of a column that holds no text of its own, and the narrowest and widest a column is
/// made, in Excel character units.
const DEFAULT_WIDTH: f64 = 10.0;
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 30.0;
/// The width of an A4 portrait page between its margins, in Excel character units.
const PAGE_WIDTH: f64 = 95.0;
/// The most rows and columns a form's own grid is written with: forms have tens.
const MAX_ROWS: u32 = 5_000;
const MAX_COLUMNS: u32 = 256;
/// A value longer than this many characters is set left and top, as the goals are.
const LONG_TEXT: usize = 40;

/// What a cell of the written form holds.
enum Content {
    /// A label, a title or a line of the form as printed.
    Label(String),
    /// A field's value.
    Value(Shown),
}

/// One indicator list of the table, as the form printed it.
#[derive(Default)]
struct List {
    /// Each row read: index → input row.
    rows: BTreeMap<usize, u32>,
    /// Each part (`target`, `extra[0]`) → its first and last column.
    parts: BTreeMap<String, (u32, u32)>,
}

/// The indicator table: rows `first..=last` of the input.
struct Table {
    lists: [List; 2],
    first: u32,
    last: u32,
    /// 一级/二级 columns the form merged down: column → whether it is the 二级.
    merged: BTreeMap<u32, bool>,
}

impl Table {
    /// The table as the form's cells give it; `None` when it has no indicator rows.
    fn of(source: &Source) -> Option<Table> {
        let mut lists: [List; 2] = Default::default();
        let mut merged = BTreeMap::new();
        for (path, at) in &source.cells {
            let (Some((l, i, part)), Some(area)) = (d::indicator_path(path), parse_area(at)) else {
                continue;
            };
            let list = &mut lists[l];
            list.rows.entry(i).or_insert(area.first.0);
            if part.is_empty() {
                continue;
            }
            list.parts
                .entry(part.to_string())
                .or_insert((area.first.1, area.last.1));
            let level2 = part == IndicatorPart::Level2.name();
            if (level2 || part == IndicatorPart::Level1.name()) && area.last.0 > area.first.0 {
                merged.insert(area.first.1, level2);
            }
        }
        let rows = lists.iter().flat_map(|l| l.rows.values().copied());
        let first = rows.clone().min()?;
        let last = rows.max()?;
        Some(Table {
            lists,
            first,
            last,
            merged,
        })
    }
}

/// A row of the written table: the input row it comes from (`None` for a row the form gained,
/// shaped as `template`), and the indicator of each list it holds.
struct PlanRow {
    from: Option<u32>,
    template: u32,
    indicators: [Option<usize>; 2],
}

/// The rows of the written table: the input's, less those whose indicators the form no
/// longer holds, then one per indicator gained.
fn plan(table: &Table, lens: [usize; 2]) -> Vec<PlanRow> {
    let mut plan = Vec::new();
    for r in table.first..=table.last {
        let held = [0, 1].map(|l| {
            let list = &table.lists[l];
            list.rows
                .iter()
                .find(|(_, row)| **row == r)
                .map(|(i, _)| *i)
        });
        let kept = [0, 1].map(|l| held[l].filter(|i| *i < lens[l]));
        if held.iter().any(Option::is_some) && kept.iter().all(Option::is_none) {
            continue;
        }
        plan.push(PlanRow {
            from: Some(r),
            template: r,
            indicators: kept,
        });
    }
    for (l, list) in table.lists.iter().enumerate() {
        let (Some(read), Some(&template)) = (list.rows.keys().max(), list.rows.values().max())
        else {
            continue;
        };
        for i in read + 1..lens[l] {
            let mut indicators = [None, None];
            indicators[l] = Some(i);
            plan.push(PlanRow {
                from: None,
                template,
                indicators,
            });
        }
    }
    plan
}

/// Whether the form's own grid `layout` holds `form` as it is now: not when the grid is larger
/// than a form's ([`MAX_ROWS`], [`MAX_COLUMNS`]: a JSON edited by hand, or made to hurt), nor
/// when the two sides of an 88号 table that share their 一级 column hold different 一级 in one
/// row (a correction gave one side a 一级 the other lacks), which the described 88号 layout
/// writes in rows of their own.
pub(super) fn holds(form: &Form, source: &Source, layout: &DerivedLayout) -> bool {
    let Some((top, _)) = d::rows_of(source) else {
        return false;
    };
    let inside = |at: &String| {
        parse_area(at).is_none_or(|a| {
            a.first.0 >= top && a.last.0 < top.saturating_add(MAX_ROWS) && a.last.1 < MAX_COLUMNS
        })
    };
    let areas = (layout.merges.iter())
        .chain(layout.labels.keys())
        .chain(source.cells.values());
    if layout.columns > MAX_COLUMNS || !areas.into_iter().all(inside) {
        return false;
    }
    // Merges that overlap are left out one cell at a time (see [`Areas::add`]): a grid's merges
    // cover at most the grid, or the JSON was made to make that take hours.
    let merged_cells = (layout.merges.iter())
        .filter_map(|m| parse_area(m))
        .map(|a| (u64::from(a.last.0 - a.first.0) + 1) * (u64::from(a.last.1 - a.first.1) + 1))
        .fold(0u64, u64::saturating_add);
    if merged_cells > u64::from(MAX_ROWS) * u64::from(MAX_COLUMNS) {
        return false;
    }
    let (Form::Declaration(d), Some(t)) = (form, Table::of(source)) else {
        return true;
    };
    let Some(medium) = &d.medium_term else {
        return true;
    };
    let level1 = IndicatorPart::Level1.name();
    if t.lists[0].parts.get(level1) != t.lists[1].parts.get(level1) {
        return true;
    }
    let lens = [d.indicators.len(), medium.indicators.len()];
    plan(&t, lens).iter().all(|p| match p.indicators {
        [Some(i), Some(j)] => d.indicators[i].level1 == medium.indicators[j].level1,
        _ => true,
    })
}

/// The merged areas of the written form, by top-left cell; an area that would overlap one
/// already taken is left out (xlsx refuses overlapping merges).
#[derive(Default)]
struct Areas {
    by_anchor: HashMap<Pos, Area>,
    covered: HashSet<Pos>,
}

impl Areas {
    fn add(&mut self, area: Area) {
        let cells: Vec<Pos> = (area.first.0..=area.last.0)
            .flat_map(|r| (area.first.1..=area.last.1).map(move |c| (r, c)))
            .collect();
        if area.is_single() || cells.iter().any(|p| self.covered.contains(p)) {
            return;
        }
        self.covered.extend(cells);
        self.by_anchor.insert(area.first, area);
    }

    fn add_some(&mut self, area: Option<Area>) {
        if let Some(a) = area {
            self.add(a);
        }
    }

    /// The area starting at `pos`; `None` for a cell inside another's.
    fn at(&self, pos: Pos) -> Option<Area> {
        match self.by_anchor.get(&pos) {
            Some(a) => Some(*a),
            None if self.covered.contains(&pos) => None,
            None => Some(Area::cell(pos)),
        }
    }
}

/// The extra cells (`指标性质`) of indicator `i` of list `l` (0: 年度, 1: 中期); `None` past the
/// list's end.
fn extras(form: &Form, (l, i): (usize, usize)) -> Option<&[ExtraCell]> {
    match (form, l) {
        (Form::Declaration(d), 0) => d.indicators.get(i).map(|r| r.extra.as_slice()),
        (Form::Declaration(d), _) => d
            .medium_term
            .as_ref()?
            .indicators
            .get(i)
            .map(|r| r.extra.as_slice()),
        (Form::SelfEvaluation(s), 0) => s.indicators.get(i).map(|r| r.extra.as_slice()),
        _ => None,
    }
}

/// How many indicators the form holds in each list (年度, 中期).
fn lens(form: &Form) -> [usize; 2] {
    match form {
        Form::Declaration(d) => [
            d.indicators.len(),
            d.medium_term.as_ref().map_or(0, |m| m.indicators.len()),
        ],
        Form::SelfEvaluation(s) => [s.indicators.len(), 0],
        Form::Legacy2020(_) => [0, 0],
    }
}

/// The value of the field at `path` as the cell shows it: as printed while it is the value
/// read (see [`crate::model::PrintedValue::text_for`]).
fn value(values: &Values, layout: &DerivedLayout, path: &str) -> Option<Shown> {
    let now = values.shown(path)?;
    Some(match layout.printed.get(path) {
        Some(p) => {
            let text = p.text_for(&now.text());
            if text == now.text() {
                now
            } else {
                Shown::Text(text)
            }
        }
        None => now,
    })
}

/// Paints `form` in its own grid `layout`, read from `source`.
pub(super) fn write(
    sheet: &mut Worksheet,
    form: &Form,
    source: &Source,
    layout: &DerivedLayout,
    styles: &Styles,
) -> Result<FieldCells, XlsxError> {
    let values = Values::new(form);
    let top = d::rows_of(source).map_or(0, |r| r.0);
    let table = Table::of(source);
    let lens = lens(form);
    let plan = table.as_ref().map_or_else(Vec::new, |t| plan(t, lens));
    let table_rows = table.as_ref().map_or(0, |t| t.last - t.first + 1);
    let delta = plan.len() as i64 - i64::from(table_rows);
    let table_at: HashMap<u32, u32> = (plan.iter().enumerate())
        .filter_map(|(k, p)| Some((p.from?, k as u32)))
        .collect();
    // Where an input row is written, counted from the form's first row; `None` for a row left out.
    let row = |r: u32| -> Option<u32> {
        let out = match &table {
            Some(t) if r > t.last => u32::try_from(i64::from(r) + delta).ok()?,
            Some(t) if r >= t.first => t.first + table_at.get(&r)?,
            _ => r,
        };
        out.checked_sub(top)
    };
    let merges: Vec<Area> = layout.merges.iter().filter_map(|m| parse_area(m)).collect();

    let mut contents: Vec<(Pos, Content, Vec<String>)> = Vec::new();
    // Each indicator's row, placed whole.
    let mut rows: Vec<(String, u32)> = Vec::new();
    let mut areas = Areas::default();
    if let Some(t) = &table {
        level_runs(t, &plan, &values, layout, &merges, top)
            .into_iter()
            .for_each(|(area, text, paths)| {
                areas.add(area);
                contents.push((area.first, Content::Label(text), paths));
            });
    }
    for m in &merges {
        let (r0, r1) = (m.first.0, m.last.0);
        let cols = (m.first.1, m.last.1);
        let span = |a: Option<u32>, b: Option<u32>| match (a, b) {
            (Some(a), Some(b)) if a <= b => Some(Area::new((a, cols.0), (b, cols.1))),
            _ => None,
        };
        let mapped = match &table {
            Some(t) if t.first <= r0 && r1 <= t.last => {
                if r0 == r1 {
                    // A row's own merges, and those of the rows made in its shape.
                    for (k, p) in plan.iter().enumerate() {
                        if p.from == Some(r0) || (p.from.is_none() && p.template == r0) {
                            let out = (t.first + k as u32).checked_sub(top);
                            areas.add_some(span(out, out));
                        }
                    }
                    continue;
                }
                if t.merged.contains_key(&m.first.1) {
                    // Replaced by the runs of the written rows.
                    continue;
                }
                span(row(r0), row(r1))
            }
            // Over the table's last row (`绩效指标` down the side): to the written last row.
            Some(t) if r0 < t.first && r1 == t.last => {
                let end = (t.first + plan.len() as u32).checked_sub(1 + top);
                span(row(r0), end)
            }
            _ => span(row(r0), row(r1)),
        };
        areas.add_some(mapped);
    }
    for (at, text) in &layout.labels {
        let Some(pos) = parse_area(at).map(|a| a.first) else {
            continue;
        };
        if let Some(r) = row(pos.0) {
            contents.push(((r, pos.1), Content::Label(text.clone()), Vec::new()));
        }
    }
    for (path, at) in &source.cells {
        if d::indicator_path(path).is_some() {
            continue;
        }
        let (Some(area), Some(shown)) = (parse_area(at), value(&values, layout, path)) else {
            continue;
        };
        if let Some(r) = row(area.first.0) {
            contents.push(((r, area.first.1), Content::Value(shown), vec![path.clone()]));
        }
    }
    if let Some(t) = &table {
        for (k, p) in plan.iter().enumerate() {
            let Some(r) = (t.first + k as u32).checked_sub(top) else {
                continue;
            };
            for (l, i) in (0..2).filter_map(|l| Some((l, p.indicators[l]?))) {
                let indicator = format!("{}[{i}]", LISTS[l]);
                rows.push((indicator.clone(), r));
                for (part, cols) in &t.lists[l].parts {
                    if t.merged.contains_key(&cols.0) && is_level(part) {
                        continue;
                    }
                    let path = format!("{indicator}.{part}");
                    let shown = match d::extra_index(part) {
                        Some(_) => Shown::Text(extra_text(form, layout, (l, i), cols.0, t.first)),
                        None => value(&values, layout, &path).unwrap_or(Shown::Text(String::new())),
                    };
                    contents.push(((r, cols.0), Content::Value(shown), vec![path]));
                }
            }
        }
    }
    // What the grid has no cell for, in rows of its own under the form.
    let bottom = contents
        .iter()
        .map(|(p, _, _)| p.0 + 1)
        .chain(areas.by_anchor.values().map(|a| a.last.0 + 1))
        .max()
        .unwrap_or(0);
    let last_col = layout.columns.saturating_sub(1);
    for (r, (label, text)) in (bottom..).zip(unplaced(form, (source, layout), &values)) {
        let first = match label.is_empty() {
            true => 0,
            false => {
                contents.push(((r, 0), Content::Label(format!("{label}：")), Vec::new()));
                1
            }
        };
        areas.add(Area::new((r, first.min(last_col)), (r, last_col)));
        contents.push(((r, first), Content::Value(Shown::Text(text)), Vec::new()));
    }
    // The title's cell as written; none when the form names none.
    let title = parse_area(&layout.title).and_then(|a| Some((row(a.first.0)?, a.first.1)));
    let title = title.unwrap_or((u32::MAX, u32::MAX));
    let mut cells = paint(sheet, styles, layout.columns, &areas, contents, title)?;
    for (path, r) in rows {
        cells.insert(path, Area::new((r, 0), (r, last_col)));
    }
    Ok(cells)
}

/// The head of an extra column of the indicator table: the nearest label above `first_row` in
/// `col` (the column heads are labels of the form).
fn extra_head(labels: &BTreeMap<String, String>, col: u32, first_row: u32) -> Option<&str> {
    labels
        .iter()
        .filter_map(|(at, text)| Some((parse_area(at)?.first, text.as_str())))
        .filter(|((r, c), _)| *c == col && *r < first_row)
        .max_by_key(|((r, _), _)| *r)
        .map(|(_, text)| text)
}

/// The form's values its own grid has no cell for (a field or a note a correction added), as
/// `(label, text)`: written in rows of their own under the form, `label：` beside the text,
/// so that they read back as notes and nothing is lost.
fn unplaced(
    form: &Form,
    (source, layout): (&Source, &DerivedLayout),
    values: &Values,
) -> Vec<(String, String)> {
    let placed = |path: &str| source.cells.contains_key(path);
    // What an amount's cell printed besides the amount (`854万(高标准农田建设400万元,…)`) is a
    // note the cell shows as printed.
    let aside = |text: &str| layout.printed.values().any(|p| p.text.contains(text));
    let (fields, notes): (Vec<(&str, &str)>, _) = match form {
        Form::Declaration(d) => (
            flat::DECLARATION_COLUMNS
                .iter()
                .filter_map(|c| Some((c.name, c.path?)))
                .collect(),
            &d.notes,
        ),
        Form::SelfEvaluation(s) => (
            flat::SELF_EVALUATION_LEAD
                .iter()
                .chain(flat::SELF_EVALUATION_TAIL)
                .filter_map(|c| Some((c.name, c.path?)))
                .collect(),
            &s.notes,
        ),
        Form::Legacy2020(_) => return Vec::new(),
    };
    let mut out: Vec<(String, String)> = fields
        .into_iter()
        .filter(|(_, path)| !placed(path))
        .filter_map(|(name, path)| {
            let text = values.shown(path)?.text();
            (!text.is_empty()).then(|| (name.to_string(), text))
        })
        .collect();
    out.extend(
        notes
            .iter()
            .enumerate()
            .filter(|(i, n)| {
                let shown = placed(&NotePart::Text.of(*i))
                    || placed(&NotePart::Label.of(*i))
                    || aside(&n.text);
                let blank = n.label.is_empty() && n.text.is_empty();
                !(shown || blank)
            })
            .map(|(_, n)| (n.label.clone(), n.text.clone())),
    );
    out
}

/// Whether a part is 一级 or 二级.
fn is_level(part: &str) -> bool {
    part == IndicatorPart::Level1.name() || part == IndicatorPart::Level2.name()
}

/// The text of an extra column (`指标性质`) of indicator `i` of list `l`: its cell under the
/// column's head.
fn extra_text(
    form: &Form,
    layout: &DerivedLayout,
    indicator: (usize, usize),
    col: u32,
    first_row: u32,
) -> String {
    let head = extra_head(&layout.labels, col, first_row).unwrap_or_default();
    extras(form, indicator)
        .unwrap_or_default()
        .iter()
        .find(|c| c.column == head)
        .map(|c| c.text.clone())
        .unwrap_or_default()
}

/// What a row of a merged 一级/二级 column holds: an indicator's value (with the 一级 it
/// belongs to, so that an 二级 run ends with its 一级), a continuation of the run above (a
/// placeholder row printed inside the merge), or a cell of its own.
#[derive(Clone, PartialEq)]
enum Level {
    /// `starts`: the row's cell began an area of its own in the input (a run the form broke
    /// though the text is the same, as `效益指标` printed twice).
    Value {
        key: (String, String),
        path: String,
        starts: bool,
    },
    Continues,
    Own,
}

/// The 一级/二级 columns the form merged, as runs over the written rows: each run's area, text
/// and the paths of the indicators it holds.
fn level_runs(
    t: &Table,
    plan: &[PlanRow],
    values: &Values,
    layout: &DerivedLayout,
    merges: &[Area],
    top: u32,
) -> Vec<(Area, String, Vec<String>)> {
    let mut out = Vec::new();
    for (&col, &level2) in &t.merged {
        let level = match level2 {
            true => IndicatorPart::Level2.name(),
            false => IndicatorPart::Level1.name(),
        };
        let cells: Vec<Level> = plan
            .iter()
            .map(|p| {
                let held = (0..2).find_map(|l| {
                    let i = p.indicators[l]?;
                    let list = &t.lists[l];
                    (list.parts.get(level)?.0 == col).then_some((l, i))
                });
                // Whether the input's cell here continues an area from the row above.
                let continues =
                    |r: u32| merges.iter().any(|m| m.contains((r, col)) && m.first.0 < r);
                if let Some((l, i)) = held {
                    let path = |part: &str| format!("{}[{i}].{part}", LISTS[l]);
                    let text = |part: &str| {
                        value(values, layout, &path(part)).map_or_else(String::new, |s| s.text())
                    };
                    let level1 = text(IndicatorPart::Level1.name());
                    let key = match level2 {
                        true => (level1, text(level)),
                        false => (level1, String::new()),
                    };
                    return Level::Value {
                        key,
                        path: path(level),
                        starts: p.from.is_some_and(|r| !continues(r)),
                    };
                }
                match p.from {
                    Some(r) if continues(r) => Level::Continues,
                    _ => Level::Own,
                }
            })
            .collect();
        let cols = (0..2)
            .filter_map(|l| t.lists[l].parts.get(level))
            .find(|c| c.0 == col)
            .copied()
            .unwrap_or((col, col));
        let mut k = 0;
        while k < cells.len() {
            let Level::Value { key, path, .. } = &cells[k] else {
                k += 1;
                continue;
            };
            let mut paths = vec![path.clone()];
            let mut end = k + 1;
            while end < cells.len() {
                match &cells[end] {
                    Level::Continues => {}
                    Level::Value {
                        key: next,
                        path,
                        starts: false,
                    } if next == key => paths.push(path.clone()),
                    _ => break,
                }
                end += 1;
            }
            let text = if level2 { &key.1 } else { &key.0 };
            let first = (t.first + k as u32).saturating_sub(top);
            let last = (t.first + end as u32 - 1).saturating_sub(top);
            out.push((
                Area::new((first, cols.0), (last, cols.1)),
                text.clone(),
                paths,
            ));
            k = end;
        }
    }
    out
}

/// An indicator's 指标值 or 实际完成值 (`indicators[3].target`).
fn is_value_part(path: &str) -> bool {
    d::indicator_path(path).is_some_and(|(_, _, part)| {
        part == IndicatorPart::Target.name() || part == IndicatorPart::Actual.name()
    })
}

/// A short text that a form prints as a figure: `86%`, `95.50%`, `—`, `/`, `≥90%`.
fn looks_like_figure(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .any(|c| c.is_ascii_digit() || "-—–/／".contains(c))
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || ".,%％-—–/／≥≤<>=＜＞ ".contains(c))
}

/// Paints the contents over their areas, every other cell of the form blank with its border;
/// column widths from the texts of single-column cells. The title is large and bold, the year
/// caption centred.
fn paint(
    sheet: &mut Worksheet,
    styles: &Styles,
    columns: u32,
    areas: &Areas,
    contents: Vec<(Pos, Content, Vec<String>)>,
    title: Pos,
) -> Result<FieldCells, XlsxError> {
    let mut widths = vec![0.0_f64; columns as usize];
    for (pos, content, _) in &contents {
        let text = match content {
            Content::Label(t) => t.clone(),
            Content::Value(s) => s.text(),
        };
        if areas
            .by_anchor
            .get(pos)
            .is_some_and(|a| a.first.1 != a.last.1)
        {
            continue;
        }
        if let Some(w) = widths.get_mut(pos.1 as usize) {
            let need = text.lines().map(text_width).fold(0.0, f64::max);
            *w = w.max(need + 2.0);
        }
    }
    let widths: Vec<f64> = widths
        .into_iter()
        .map(|w| match w {
            0.0 => DEFAULT_WIDTH,
            w => w.clamp(MIN_WIDTH, MAX_WIDTH),
        })
        .collect();
    // Narrowed to a portrait page's width, so that the print is not shrunk to fit.
    let total: f64 = widths.iter().sum();
    let scale = (PAGE_WIDTH / total).min(1.0);
    let widths = widths
        .into_iter()
        .map(|w| (w * scale).max(MIN_WIDTH))
        .collect();
    let mut form = FormSheet::plain(sheet, styles, widths)?;
    let mut written: HashSet<Pos> = HashSet::new();
    let mut last_row = 0;
    for (pos, content, paths) in contents {
        let Some(area) = areas.at(pos) else {
            continue;
        };
        for path in &paths {
            form.place(path.clone(), area);
        }
        if !written.insert(pos) {
            continue;
        }
        last_row = last_row.max(area.last.0);
        match content {
            Content::Label(text) => {
                let format = if pos == title {
                    &styles.title
                } else {
                    &styles.label
                };
                form.text(area, &text, format)?;
            }
            // As printed: its own decimals, no thousands separator the form did not print.
            Content::Value(Shown::Number(n)) => form.figure(area, &Figure::Number(n))?,
            Content::Value(Shown::Text(text)) => {
                let format = if pos == title {
                    // The year printed in the title (`…自评表(2023年度)`).
                    &styles.title
                } else if paths.iter().any(|p| p == field::YEAR) {
                    &styles.caption
                } else if text.chars().count() > LONG_TEXT {
                    &styles.text_left_top
                } else if paths.iter().any(|p| is_value_part(p)) || looks_like_figure(&text) {
                    // Centred and kept as text, as the described layouts print indicator
                    // values: `86%` no longer runs into the right-aligned number on its left
                    // (`1086%`), and `=100%` stays text when a clerk edits it.
                    &styles.value
                } else {
                    &styles.text
                };
                form.text(area, &text, format)?;
            }
        }
    }
    for area in areas.by_anchor.values() {
        last_row = last_row.max(area.last.0);
    }
    let mut blank: Vec<Area> = areas
        .by_anchor
        .values()
        .filter(|a| !written.contains(&a.first))
        .copied()
        .collect();
    // Rows over the title (a report number) stand outside the form's border.
    let first_row = if title.0 <= last_row { title.0 } else { 0 };
    for r in first_row..=last_row {
        for c in 0..columns {
            if !areas.covered.contains(&(r, c)) && !written.contains(&(r, c)) {
                blank.push(Area::cell((r, c)));
            }
        }
    }
    blank.sort_by_key(|a| a.first);
    for area in blank {
        form.text(area, "", &styles.text)?;
    }
    form.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_printed_as_text_are_told_from_words() {
        // 廊坊's 执行率 `86%`, 青神's `100.00%`, a dash, a comparison.
        for figure in ["86%", "100.00%", "—", "/", "≥90%", "1,125"] {
            assert!(looks_like_figure(figure), "{figure}");
        }
        for words in ["", "达成指标", "指标1", "≥90%以上", "持续改善", "%"] {
            assert!(!looks_like_figure(words), "{words}");
        }
        assert!(is_value_part("indicators[3].target"));
        assert!(is_value_part("indicators[0].actual"));
        assert!(!is_value_part("indicators[0].name"));
        assert!(!is_value_part("funds.annual_total"));
    }
}

//! 财政项目支出绩效目标申报表 → worksheet, in one of the layouts of `layout::sheets`:
//! the official 8 columns (DOMAIN §1c) by default, or the layout the form was read from (the
//! 88号 form's two sides, DOMAIN §1a, included).
//!
//! Title and year; the header fields; 项目资金; the goals; the indicator table, `绩效指标` in its
//! column over all of it, with the columns the layout does not have (绩效标准 …) after it; then
//! 备注, when the form has 申报单位名称 or narrative blocks (项目概况 …), notes, or values the
//! layout has no cell for: an 88号 form's 中期 side in a layout without one (项目期, the 中期
//! amounts and 中期目标 as labelled rows, the 中期 indicators as a table headed `中期指标`), or
//! 项目类别, 项目资金总额 … in the 88号 layout, each under its own label, where the readers find
//! it again. Without 项目性质
//! (`project_nature == None`, the 宝山 form) the project name takes its place.

use super::FieldCells;
use super::sheet::{FormSheet, area, row_area, table_lines};
use super::styles::Styles;
use crate::a1::Area;
use crate::layout::sheets::{DeclarationSheet, slot};
use crate::layout::{self, declaration as at};
use crate::model::field::{
    self, DeclarationAmount, DeclarationText, IndicatorPart, MediumAmount, MediumText, NotePart,
};
use crate::model::{Declaration, Indicator, MediumTerm, PrintedLayout};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};
use std::ops::Range;

/// Paints `form` onto an empty worksheet in the layout `grid`, with the labels of `printed`
/// where the form printed its own (`None`: the official labels, broken as printed).
///
/// Values are written as strings (never formulas), amounts as numbers shown `#,##0.00`.
///
/// Gives back where each field was placed.
///
/// # Errors
/// Any [`XlsxError`] of rust_xlsxwriter, e.g. a text longer than Excel's 32,767 characters.
pub fn write(
    sheet: &mut Worksheet,
    form: &Declaration,
    styles: &Styles,
    grid: &DeclarationSheet,
    printed: Option<&PrintedLayout>,
) -> Result<FieldCells, XlsxError> {
    // Columns the layout does not have (绩效标准), after its last, in the order first read.
    let widths = (
        grid.widths,
        form.indicators.iter().map(|i| i.extra.as_slice()),
    );
    let title = (grid.title.text, form.year);
    let mut out = FormSheet::new(sheet, styles, widths, title, printed)?;
    for (slot, label, at) in grid.fixed {
        if out.prints(slot) {
            out.own_label(area(at)?, slot, label.text)?;
        }
    }

    for field in grid.header {
        let Some(value) = form.text(field.id) else {
            continue; // no 项目性质 (the 宝山 form)
        };
        let value_at = match field.id {
            DeclarationText::ProjectName if form.project_nature.is_none() => {
                grid.name_without_nature_at
            }
            _ => field.value_at,
        };
        let label = (area(field.label_at)?, field.label.text);
        out.field(field.id.path(), label, area(value_at)?, value)?;
    }

    let funds_label = layout::funds_label(form.funds.unit);
    out.own_label(area(grid.funds_at)?, slot::FUNDS, &funds_label)?;
    let funds = &form.funds;
    for field in grid.funds {
        out.own_label(area(field.label_at)?, field.id.path(), field.label.text)?;
        out.amount(area(field.value_at)?, *field.id.get(funds))?;
        out.place(field.id.path(), area(field.value_at)?);
    }
    for blank in grid.funds_blank {
        out.amount(area(blank)?, None)?;
    }

    let medium = form.medium_term.clone().unwrap_or_default();
    if let Some(m) = &grid.medium {
        for field in m.funds {
            out.own_label(area(field.label_at)?, field.id.path(), field.label.text)?;
            out.amount(area(field.value_at)?, *field.id.get(&medium))?;
            out.place(field.id.path(), area(field.value_at)?);
        }
        for field in m.texts {
            let official = match (field.id, medium.years.as_str()) {
                (MediumText::Goal, years) if !years.is_empty() => {
                    format!("{}（{years}）", field.label.text)
                }
                _ => field.label.text.to_string(),
            };
            out.own_label(area(field.label_at)?, field.id.path(), &official)?;
            let text = field.id.get(&medium);
            match field.id {
                MediumText::Goal => out.long_text(area(field.value_at)?, text)?,
                MediumText::Period => out.text(area(field.value_at)?, text, &styles.text)?,
            }
            out.place(field.id.path(), area(field.value_at)?);
        }
    }

    out.own_label(area(grid.goals_at)?, slot::GOALS, grid.goals_label.text)?;
    for field in grid.goals {
        let text = form.text(field.id).unwrap_or_default();
        out.own_label(area(field.label_at)?, field.id.path(), field.label.text)?;
        out.long_text(area(field.value_at)?, text)?;
        out.place(field.id.path(), area(field.value_at)?);
    }

    let header = grid.table_header_row;
    // One row per indicator, with the form's placeholder rows among them (`--layout source`);
    // in the 88号 layout, a 中期 and a 年度 indicator side by side.
    let keys: Vec<(&str, &str, bool)> = (form.indicators.iter())
        .map(|i| (i.level1.as_str(), i.level2.as_str(), i.name.is_empty()))
        .collect();
    let placeholders = out.placeholders();
    let lines = match grid.medium {
        Some(_) => Vec::new(),
        None => table_lines(&keys, &placeholders),
    };
    let rows: Vec<(Option<usize>, Option<usize>)> = match grid.medium {
        Some(_) => side_by_side(&form.indicators, &medium.indicators),
        None => lines.iter().map(|l| (l.indicator, None)).collect(),
    };
    // The 年度 indicator a row stands under (a placeholder row's 一级/二级), and its placeholder.
    let under = |k: usize| lines.get(k).map(|l| &form.indicators[l.under]);
    let placeholder = |k: usize| lines.get(k).and_then(|l| l.placeholder);
    let last = header + rows.len() as u32;
    let indicators_col = u32::from(grid.indicators_col);
    let indicators_at = Area::new((header, indicators_col), (last, indicators_col));
    out.own_label(indicators_at, slot::INDICATORS, at::INDICATORS.text)?;
    for (slot, label, cols) in grid.table_columns() {
        out.own_label(row_area(header, cols), slot, label.text)?;
    }
    out.extra_heads(header)?;

    let first = header + 1;
    let indicator = |side: usize, i: Option<usize>| match side {
        0 => i.map(|i| &form.indicators[i]),
        _ => i.map(|i| &medium.indicators[i]),
    };
    let level1: Vec<Option<(&str, &str)>> = (rows.iter().enumerate())
        .map(|(k, &(a, m))| indicator(0, a).or(indicator(1, m)).or(under(k)))
        .map(|i| i.map(|i| (i.level1.as_str(), i.level1.as_str())))
        .collect();
    let level1 = out.merged_runs(first, grid.level1.0, &level1)?;
    let mut sides = vec![(field::INDICATORS, grid.level2, grid.name, grid.target)];
    if let Some(m) = &grid.medium {
        sides.push((field::MEDIUM_INDICATORS, m.level2, m.name, m.target));
    }
    let last_col = out.last_col();
    for (side, (path, level2, name, target)) in sides.into_iter().enumerate() {
        let at: Vec<Option<usize>> = rows.iter().map(|r| [r.0, r.1][side]).collect();
        let level2s: Vec<Option<(&str, &str)>> = (at.iter().enumerate())
            .map(|(k, &i)| indicator(side, i).or(under(k).filter(|_| side == 0)))
            .map(|i| i.map(|i| (i.level1.as_str(), i.level2.as_str())))
            .collect();
        let level2s = out.merged_runs(first, level2.0, &level2s)?;
        for (k, (row, i)) in (first..).zip(&at).enumerate() {
            let (mut text, value) = indicator(side, *i)
                .map_or((String::new(), String::new()), |i| {
                    (i.name.clone(), i.target.to_text())
                });
            if let Some(p) = placeholder(k).filter(|_| side == 0) {
                text = p.to_string();
            }
            out.text(row_area(row, name), &text, &styles.text)?;
            out.text(row_area(row, target), &value, &styles.value)?;
            if let Some(i) = i {
                let row_path = format!("{path}[{i}]");
                out.place(IndicatorPart::Level1.at(&row_path), level1[k]);
                out.place(IndicatorPart::Level2.at(&row_path), level2s[k]);
                out.place(IndicatorPart::Name.at(&row_path), row_area(row, name));
                out.place(IndicatorPart::Target.at(&row_path), row_area(row, target));
                out.place(row_path, Area::new((row, 0), (row, last_col)));
            }
        }
    }
    for (row, (i, _)) in (first..).zip(&rows) {
        let cells = indicator(0, *i).map_or(&[][..], |i| i.extra.as_slice());
        out.extra_cells(row, cells)?;
    }
    // Under 备注, after the form's own notes: the 88号 form's 中期 side in a layout without one
    // (项目期, amounts, 中期目标, then its indicators as a table of their own); then the fields
    // the layout leaves out (申报单位名称 and the district form's narrative blocks in every
    // layout), each under its own label with the unit of its amount, where the reader finds it
    // again.
    let notes = &form.notes;
    let unit = form.funds.unit.label();
    let medium_side = form.medium_term.as_ref().filter(|_| grid.medium.is_none());
    let medium_rows = medium_side.map_or_else(Vec::new, |m| medium_rows(m, unit));
    let unplaced_texts = DeclarationText::ALL
        .iter()
        .filter(|&&id| !grid.places_text(id))
        .filter_map(|&id| Some((id.path(), at::text_label(id), form.text(id)?)))
        .filter(|(_, _, text)| !text.is_empty())
        .map(|(path, label, text)| (path, label.to_string(), Unplaced::Text(text)));
    let unplaced_amounts = at::FUND_FIELDS
        .iter()
        .filter(|f| !grid.places_amount(f.id))
        .filter_map(|f| Some((f, (*f.id.get(&form.funds))?)))
        .map(|(f, amount)| {
            let label = amount_note_label(f.id, f.label.text, unit);
            (f.id.path(), label, Unplaced::Amount(amount))
        });
    let unplaced: Vec<(&str, String, Unplaced)> = medium_rows
        .into_iter()
        .chain(unplaced_texts)
        .chain(unplaced_amounts)
        .collect();
    let medium_indicators = medium_side.map_or(&[][..], |m| m.indicators.as_slice());
    if !notes.is_empty() || !unplaced.is_empty() || !medium_indicators.is_empty() {
        let heading = last + 1;
        out.label(row_area(heading, grid.notes), at::NOTES.text)?;
        for (i, (row, note)) in (heading + 1..).zip(notes).enumerate() {
            out.note_label(row_area(row, grid.note_label), &note.label)?;
            out.note(row_area(row, grid.note_text), &note.text)?;
            out.place(NotePart::Label.of(i), row_area(row, grid.note_label));
            out.place(NotePart::Text.of(i), row_area(row, grid.note_text));
        }
        let after = heading + 1 + notes.len() as u32;
        for (row, (path, label, value)) in (after..).zip(&unplaced) {
            out.note_label(row_area(row, grid.note_label), label)?;
            let at = row_area(row, grid.note_text);
            match value {
                Unplaced::Amount(a) => out.amount(at, Some(*a))?,
                Unplaced::Text(t) => out.note(at, t)?,
            }
            out.place(*path, at);
        }
        if !medium_indicators.is_empty() {
            let header = after + unplaced.len() as u32;
            medium_table(&mut out, grid, header, medium_indicators)?;
        }
    }
    out.finish()
}

/// A value the layout has no cell for, printed under 备注.
enum Unplaced<'a> {
    Text(&'a str),
    Amount(Decimal),
}

/// The 中期 side's 项目期, amounts (`中期资金总额（万元）`) and 中期目标 (`中期目标（2024年—2026年）`)
/// as 备注 rows, for a layout without 中期 cells; blank ones print nothing.
fn medium_rows<'a>(m: &'a MediumTerm, unit: &str) -> Vec<(&'static str, String, Unplaced<'a>)> {
    let goal = match m.years.as_str() {
        "" => at::MEDIUM_GOAL.text.to_string(),
        years => format!("{}（{years}）", at::MEDIUM_GOAL.text),
    };
    let amount = |id: MediumAmount, label: &str| {
        let value = (*id.get(m)).map(Unplaced::Amount);
        value.map(|v| (id.path(), format!("{label}（{unit}）"), v))
    };
    let text = |id: MediumText, label: String| {
        let value = id.get(m).as_str();
        (!value.is_empty()).then(|| (id.path(), label, Unplaced::Text(value)))
    };
    [
        text(MediumText::Period, at::PROJECT_PERIOD.text.to_string()),
        amount(MediumAmount::Total, at::MEDIUM_TOTAL.text),
        amount(MediumAmount::Fiscal, at::MEDIUM_FISCAL.text),
        amount(MediumAmount::Other, at::MEDIUM_OTHER.text),
        text(MediumText::Goal, goal),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The 中期 indicators under 备注, for a layout without 中期 columns: a table in the indicator
/// table's columns from `header` down, `中期指标` in its first column over it, the heads
/// 一级指标 … 指标值, then one row per indicator, 一级 and 二级 merged over their runs.
fn medium_table(
    out: &mut FormSheet,
    grid: &DeclarationSheet,
    header: u32,
    indicators: &[Indicator],
) -> Result<(), XlsxError> {
    let first = header + 1;
    let last = header + indicators.len() as u32;
    let col = u32::from(grid.indicators_col);
    let label = Area::new((header, col), (last, col));
    out.label(label, at::MEDIUM_INDICATORS.text)?;
    let heads = [
        (at::LEVEL1, grid.level1),
        (at::LEVEL2, grid.level2),
        (at::LEVEL3, grid.name),
        (at::TARGET_88, grid.target),
    ];
    for (head, cols) in heads {
        out.label(row_area(header, cols), head.text)?;
    }
    let level1: Vec<Option<(&str, &str)>> = (indicators.iter())
        .map(|i| Some((i.level1.as_str(), i.level1.as_str())))
        .collect();
    let level1 = out.merged_runs(first, grid.level1.0, &level1)?;
    let level2: Vec<Option<(&str, &str)>> = (indicators.iter())
        .map(|i| Some((i.level1.as_str(), i.level2.as_str())))
        .collect();
    let level2 = out.merged_runs(first, grid.level2.0, &level2)?;
    let styles = out.styles;
    for (k, (row, i)) in (first..).zip(indicators).enumerate() {
        let path = format!("{}[{k}]", field::MEDIUM_INDICATORS);
        out.text(row_area(row, grid.name), &i.name, &styles.text)?;
        out.text(
            row_area(row, grid.target),
            &i.target.to_text(),
            &styles.value,
        )?;
        out.place(IndicatorPart::Level1.at(&path), level1[k]);
        out.place(IndicatorPart::Level2.at(&path), level2[k]);
        out.place(IndicatorPart::Name.at(&path), row_area(row, grid.name));
        out.place(IndicatorPart::Target.at(&path), row_area(row, grid.target));
    }
    Ok(())
}

/// The 备注 label of an amount the layout has no cell for: its own label with the unit,
/// `项目资金总额（万元）`; the project side's 其他资金 says which side it is on.
fn amount_note_label(id: DeclarationAmount, label: &str, unit: &str) -> String {
    match id {
        DeclarationAmount::ProjectOther => format!("项目{label}（{unit}）"),
        _ => format!("{label}（{unit}）"),
    }
}

/// The 年度 and 中期 indicators of an 88号 form side by side, one pair a row, so that each row
/// has one 一级 (the column the sides share): the runs of equal 一级 of both sides are paired
/// where they name the same 一级, and within them the runs of equal 二级 as the printed forms
/// align them (see [`by_level2`]), the longer run padding the shorter with empty cells; a run
/// only one side has stands alone.
fn side_by_side(annual: &[Indicator], medium: &[Indicator]) -> Vec<(Option<usize>, Option<usize>)> {
    let level1_runs = |list: &[Indicator]| {
        let names: Vec<&str> = list.iter().map(|i| i.level1.as_str()).collect();
        super::sheet::runs(&names)
    };
    let (a, m) = (level1_runs(annual), level1_runs(medium));
    let name = |list: &[Indicator], run: &Range<usize>| list[run.start].level1.clone();
    let (mut i, mut j) = (0, 0);
    let mut rows = Vec::new();
    let mut pair =
        |x: Range<usize>, y: Range<usize>| by_level2((annual, x), (medium, y), &mut rows);
    while i < a.len() || j < m.len() {
        match (a.get(i), m.get(j)) {
            (Some(x), Some(y)) if name(annual, x) == name(medium, y) => {
                pair(x.clone(), y.clone());
                (i, j) = (i + 1, j + 1);
            }
            // The 中期 run's 一级 comes later on the 年度 side: the 年度 run goes first.
            (Some(x), Some(y)) if a[i..].iter().any(|r| name(annual, r) == name(medium, y)) => {
                pair(x.clone(), 0..0);
                i += 1;
            }
            (_, Some(y)) => {
                pair(0..0, y.clone());
                j += 1;
            }
            (Some(x), None) => {
                pair(x.clone(), 0..0);
                i += 1;
            }
            (None, None) => break,
        }
    }
    rows
}

/// The rows of one pair of 一级 runs (`x` of the 年度 side, `y` of the 中期 side) into `rows`:
/// their runs of equal 二级 are matched by name where both sides print it, in order (the longest
/// common sequence of names: 质量指标 beside 质量指标, the shorter side padded); the runs
/// between two matches are paired in order (`时效指标(工期指标)` beside
/// `时效指标(工期指标、形象进度指标)`); each pair of runs row by row.
fn by_level2(
    (annual, x): (&[Indicator], Range<usize>),
    (medium, y): (&[Indicator], Range<usize>),
    rows: &mut Vec<(Option<usize>, Option<usize>)>,
) {
    let level2_runs = |list: &[Indicator], range: Range<usize>| -> Vec<Range<usize>> {
        let names: Vec<&str> = list[range.clone()]
            .iter()
            .map(|i| i.level2.as_str())
            .collect();
        let start = range.start;
        let runs = super::sheet::runs(&names);
        runs.into_iter()
            .map(|r| r.start + start..r.end + start)
            .collect()
    };
    let (a, m) = (level2_runs(annual, x), level2_runs(medium, y));
    let same = |i: usize, j: usize| annual[a[i].start].level2 == medium[m[j].start].level2;
    // lcs[i][j]: how many names a[i..] and m[j..] have in common, in order.
    let mut lcs = vec![vec![0usize; m.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..m.len()).rev() {
            lcs[i][j] = match same(i, j) {
                true => lcs[i + 1][j + 1] + 1,
                false => lcs[i + 1][j].max(lcs[i][j + 1]),
            };
        }
    }
    // The runs of each side since the last match, paired in order at the next.
    let mut gap: (Vec<Range<usize>>, Vec<Range<usize>>) = Default::default();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < m.len() {
        if i < a.len() && j < m.len() && same(i, j) && lcs[i][j] == lcs[i + 1][j + 1] + 1 {
            flush(&mut gap, rows);
            pair_rows(&a[i], &m[j], rows);
            (i, j) = (i + 1, j + 1);
        } else if j == m.len() || (i < a.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            gap.0.push(a[i].clone());
            i += 1;
        } else {
            gap.1.push(m[j].clone());
            j += 1;
        }
    }
    flush(&mut gap, rows);
}

/// The runs gathered on each side since the last matched 二级, paired in order.
fn flush(
    gap: &mut (Vec<Range<usize>>, Vec<Range<usize>>),
    rows: &mut Vec<(Option<usize>, Option<usize>)>,
) {
    for k in 0..gap.0.len().max(gap.1.len()) {
        let (x, y) = (gap.0.get(k).cloned(), gap.1.get(k).cloned());
        pair_rows(&x.unwrap_or(0..0), &y.unwrap_or(0..0), rows);
    }
    gap.0.clear();
    gap.1.clear();
}

/// Rows `x` of the 年度 side beside rows `y` of the 中期 side, by index, the shorter padded.
fn pair_rows(x: &Range<usize>, y: &Range<usize>, rows: &mut Vec<(Option<usize>, Option<usize>)>) {
    for k in 0..x.len().max(y.len()) {
        let at = |r: &Range<usize>| (k < r.len()).then_some(r.start + k);
        rows.push((at(x), at(y)));
    }
}

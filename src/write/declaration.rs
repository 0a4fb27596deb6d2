//! 财政项目支出绩效目标申报表 → worksheet, in one of the layouts of `layout::sheets`:
//! the official 8 columns (DOMAIN §1c) by default, or the layout the form was read from (the
//! 88号 form's two sides, DOMAIN §1a, included).
//!
//! Title and year; the header fields; 项目资金; the goals; the indicator table, `绩效指标` in its
//! column over all of it, with the columns the layout does not have (绩效标准 …) after it; then
//! 备注, when the form has 申报单位名称 or narrative blocks (项目概况 …), notes, or values the
//! layout has no cell for: a 中期 side in a layout without one (an 88号 form's, see
//! [`crate::model::MediumTerm::notes`]), or 项目类别, 项目资金总额 … in the 88号 layout, each
//! under its own label, where the readers find it again. Without 项目性质
//! (`project_nature == None`, the 宝山 form) the project name takes its place.

use super::FieldCells;
use super::sheet::{FormSheet, area, row_area};
use super::styles::Styles;
use crate::a1::Area;
use crate::layout::sheets::{DeclarationSheet, slot};
use crate::layout::{self, declaration as at};
use crate::model::field::{
    self, DeclarationAmount, DeclarationText, IndicatorPart, MediumText, NotePart,
};
use crate::model::{Declaration, Indicator, Note, PrintedLayout};
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
    // One row per indicator; in the 88号 layout, a 中期 and a 年度 indicator side by side.
    let rows: Vec<(Option<usize>, Option<usize>)> = match grid.medium {
        Some(_) => side_by_side(&form.indicators, &medium.indicators),
        None => (0..form.indicators.len())
            .map(|i| (Some(i), None))
            .collect(),
    };
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
    let level1: Vec<Option<(&str, &str)>> = rows
        .iter()
        .map(|&(a, m)| indicator(0, a).or(indicator(1, m)))
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
        let level2s: Vec<Option<(&str, &str)>> = at
            .iter()
            .map(|&i| indicator(side, i).map(|i| (i.level1.as_str(), i.level2.as_str())))
            .collect();
        let level2s = out.merged_runs(first, level2.0, &level2s)?;
        for (k, (row, i)) in (first..).zip(&at).enumerate() {
            let (text, value) = indicator(side, *i).map_or((String::new(), String::new()), |i| {
                (i.name.clone(), i.target.to_text())
            });
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
    // The 88号 form's 中期 side, in a layout without one, comes under 备注 after the form's own
    // notes, rather than dropped; then the fields the layout leaves out (申报单位名称 and the
    // district form's narrative blocks in every layout), each under its own label with the unit
    // of its amount, where the reader finds it again.
    let mut notes: Vec<Note> = form.notes.clone();
    if let (Some(medium), None) = (&form.medium_term, &grid.medium) {
        notes.extend(medium.notes(form.funds.unit));
    }
    let unplaced_texts = DeclarationText::ALL
        .iter()
        .filter(|&&id| !grid.places_text(id))
        .filter_map(|&id| Some((id.path(), at::text_label(id), form.text(id)?)))
        .filter(|(_, _, text)| !text.is_empty())
        .map(|(path, label, text)| (path, label.to_string(), Unplaced::Text(text)));
    let unit = form.funds.unit.label();
    let unplaced_amounts = at::FUND_FIELDS
        .iter()
        .filter(|f| !grid.places_amount(f.id))
        .filter_map(|f| Some((f, (*f.id.get(&form.funds))?)))
        .map(|(f, amount)| {
            let label = amount_note_label(f.id, f.label.text, unit);
            (f.id.path(), label, Unplaced::Amount(amount))
        });
    let unplaced: Vec<(&str, String, Unplaced)> = unplaced_texts.chain(unplaced_amounts).collect();
    if !notes.is_empty() || !unplaced.is_empty() {
        let heading = last + 1;
        out.label(row_area(heading, grid.notes), at::NOTES.text)?;
        for (i, (row, note)) in (heading + 1..).zip(&notes).enumerate() {
            out.note_label(row_area(row, grid.note_label), &note.label)?;
            out.note(row_area(row, grid.note_text), &note.text)?;
            out.place(NotePart::Label.of(i), row_area(row, grid.note_label));
            out.place(NotePart::Text.of(i), row_area(row, grid.note_text));
        }
        let after = heading + 1 + notes.len() as u32;
        for (row, (path, label, value)) in (after..).zip(unplaced) {
            out.note_label(row_area(row, grid.note_label), &label)?;
            let at = row_area(row, grid.note_text);
            match value {
                Unplaced::Amount(a) => out.amount(at, Some(a))?,
                Unplaced::Text(t) => out.note(at, t)?,
            }
            out.place(path, at);
        }
    }
    out.finish()
}

/// A value the layout has no cell for, printed under 备注.
enum Unplaced<'a> {
    Text(&'a str),
    Amount(Decimal),
}

/// The 备注 label of an amount the layout has no cell for: its own label with the unit,
/// `项目资金总额（万元）`; the project side's 其他资金 says which side it is on.
fn amount_note_label(id: DeclarationAmount, label: &str, unit: &str) -> String {
    match id {
        DeclarationAmount::ProjectOther => format!("项目{label}（{unit}）"),
        _ => format!("{label}（{unit}）"),
    }
}

/// The 年度 and 中期 indicators of an 88号 form side by side, by index, one pair a row, so that
/// each row has one 一级 (the column the sides share): the runs of equal 一级 of both sides are
/// paired where they name the same 一级, the longer run padding the shorter with empty cells; a
/// run only one side has stands alone.
fn side_by_side(annual: &[Indicator], medium: &[Indicator]) -> Vec<(Option<usize>, Option<usize>)> {
    let level1_runs = |list: &[Indicator]| {
        let names: Vec<&str> = list.iter().map(|i| i.level1.as_str()).collect();
        super::sheet::runs(&names)
    };
    let (a, m) = (level1_runs(annual), level1_runs(medium));
    let name = |list: &[Indicator], run: &Range<usize>| list[run.start].level1.clone();
    let (mut i, mut j) = (0, 0);
    let mut rows = Vec::new();
    let mut pair = |x: Range<usize>, y: Range<usize>| {
        for k in 0..x.len().max(y.len()) {
            let at = |r: &Range<usize>| (k < r.len()).then_some(r.start + k);
            rows.push((at(&x), at(&y)));
        }
    };
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

//! 财政项目支出绩效目标申报表 → worksheet, in one of the layouts of `layout::sheets`:
//! the official 8 columns (DOMAIN §1c) by default, or the layout the form was read from.
//!
//! Title and year; the header fields; 项目资金; the goals; the indicator table, `绩效指标` in its
//! column over all of it, with the columns the layout does not have (绩效标准 …) after it; then
//! 备注, when the form has 申报单位名称 or narrative blocks (项目概况 …), notes or a 中期 side (an 88号 form's, see
//! [`crate::model::MediumTerm::notes`]). Without 项目性质 (`project_nature == None`, the 宝山
//! form) the project name takes its place.

use super::FieldCells;
use super::sheet::{FormSheet, area, row_area};
use super::styles::Styles;
use crate::a1::Area;
use crate::layout::sheets::DeclarationSheet;
use crate::layout::{self, declaration as at};
use crate::model::field::DeclarationText;
use crate::model::{Declaration, ExtraCell, Note, PrintedLayout};
use rust_xlsxwriter::{Worksheet, XlsxError};

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
    let own = printed.cloned().unwrap_or_default();
    let lab = |slot: &str, official: &str| own.label(slot, official, form.year);
    // Columns the layout does not have (绩效标准), after its last, in the order first read.
    let extra = extra_columns(form.indicators.iter().flat_map(|i| &i.extra));
    let widths = (grid.widths, extra.len());
    let title = (at::TITLE.text, form.year);
    let mut out = FormSheet::new(sheet, styles, widths, title, printed)?;

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
        out.label(
            area(field.label_at)?,
            &lab(field.id.path(), field.label.text),
        )?;
        out.text(area(value_at)?, value, &styles.text)?;
        out.place(field.id.path(), area(value_at)?);
    }

    let funds_label = layout::funds_label(form.funds.unit);
    out.label(area(grid.funds_at)?, &lab("funds", &funds_label))?;
    let funds = &form.funds;
    for field in grid.funds {
        out.label(
            area(field.label_at)?,
            &lab(field.id.path(), field.label.text),
        )?;
        out.amount(area(field.value_at)?, *field.id.get(funds))?;
        out.place(field.id.path(), area(field.value_at)?);
    }
    for blank in grid.funds_blank {
        out.amount(area(blank)?, None)?;
    }

    out.label(area(grid.goals_at)?, &lab("goals", at::GOALS.text))?;
    for field in grid.goals {
        let text = form.text(field.id).unwrap_or_default();
        out.label(
            area(field.label_at)?,
            &lab(field.id.path(), field.label.text),
        )?;
        out.long_text(area(field.value_at)?, text)?;
        out.place(field.id.path(), area(field.value_at)?);
    }

    let header = grid.table_header_row;
    let last = header + form.indicators.len() as u32;
    let indicators_col = u32::from(grid.indicators_col);
    let indicators_at = Area::new((header, indicators_col), (last, indicators_col));
    out.label(indicators_at, &lab("indicators", at::INDICATORS.text))?;
    for (slot, label, cols) in [
        ("table.level1", at::LEVEL1, grid.level1),
        ("table.level2", at::LEVEL2, grid.level2),
        ("table.name", at::LEVEL3, grid.name),
        ("table.target", at::TARGET, grid.target),
    ] {
        out.label(row_area(header, cols), &lab(slot, label.text))?;
    }
    let first_extra = grid.widths.len() as u16;
    for (col, name) in (first_extra..).zip(&extra) {
        out.label(row_area(header, (col, col)), name)?;
    }

    let first = header + 1;
    let levels: Vec<(&str, &str)> = form
        .indicators
        .iter()
        .map(|i| (i.level1.as_str(), i.level2.as_str()))
        .collect();
    out.levels(first, &levels, grid.level1.0, grid.level2.0)?;
    for (i, (row, indicator)) in (first..).zip(&form.indicators).enumerate() {
        out.text(row_area(row, grid.name), &indicator.name, &styles.text)?;
        let target = indicator.target.to_text();
        out.text(row_area(row, grid.target), &target, &styles.value)?;
        out.place(format!("indicators[{i}].name"), row_area(row, grid.name));
        out.place(
            format!("indicators[{i}].target"),
            row_area(row, grid.target),
        );
        for (col, name) in (first_extra..).zip(&extra) {
            let text = indicator
                .extra
                .iter()
                .find(|e| &e.column == name)
                .map_or("", |e| e.text.as_str());
            out.text(row_area(row, (col, col)), text, &styles.text)?;
        }
    }
    // 申报单位名称 and the narrative blocks have no place of their own in these layouts: they
    // are printed first under 备注, label beside text as the district form prints them, each
    // placed as its field. The 88号 form's 中期 side neither: it comes after the form's own
    // notes, rather than dropped.
    let narrative = at::NARRATIVE.iter().filter_map(|(id, label)| {
        let text = form.text(*id).filter(|t| !t.is_empty())?;
        let note = Note {
            label: lab(id.path(), label.text),
            text: text.to_string(),
        };
        Some((note, Some(id.path())))
    });
    let medium = form
        .medium_term
        .iter()
        .flat_map(|m| m.notes(form.funds.unit));
    let notes: Vec<(Note, Option<&str>)> = narrative
        .chain(form.notes.iter().cloned().chain(medium).map(|n| (n, None)))
        .collect();
    if !notes.is_empty() {
        let heading = last + 1;
        out.label(row_area(heading, grid.notes), at::NOTES.text)?;
        let mut i = 0;
        for (row, (note, field)) in (heading + 1..).zip(&notes) {
            out.label(row_area(row, grid.note_label), &note.label)?;
            out.note(row_area(row, grid.note_text), &note.text)?;
            if let Some(path) = field {
                out.place(*path, row_area(row, grid.note_text));
                continue;
            }
            out.place(format!("notes[{i}].label"), row_area(row, grid.note_label));
            out.place(format!("notes[{i}].text"), row_area(row, grid.note_text));
            i += 1;
        }
    }
    out.finish()
}

/// The heads of the columns indicator rows carry beyond the layout's (`绩效标准`), each once,
/// in the order first met.
pub(super) fn extra_columns<'a>(cells: impl IntoIterator<Item = &'a ExtraCell>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for cell in cells {
        if !names.contains(&cell.column) {
            names.push(cell.column.clone());
        }
    }
    names
}

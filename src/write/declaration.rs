//! 财政项目支出绩效目标申报表 → worksheet, in the official 8-column layout (DOMAIN §1c).
//!
//! Rows 1–2 title and year; rows 3–5 the header fields; rows 6–9 项目资金; rows 10–11 the goals;
//! from row 12 the indicator table, `绩效指标` in column A over all of it; then 备注, when the
//! form has notes or a 中期 side (an 88号 form's, see [`crate::model::MediumTerm::notes`]).
//! Without 项目性质
//! (`project_nature == None`, the 宝山 layout) the project name spans C3:F3.

use super::sheet::{FormSheet, area, row_area};
use super::styles::Styles;
use crate::a1::Area;
use crate::layout::{self, declaration as at};
use crate::model::Declaration;
use crate::model::field::DeclarationText;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Paints `form` onto an empty worksheet.
///
/// The positions and labels come from [`crate::layout::declaration`]; values are written as
/// strings (never formulas), amounts as numbers shown `#,##0.00`.
///
/// # Errors
/// Any [`XlsxError`] of rust_xlsxwriter, e.g. a text longer than Excel's 32,767 characters.
pub fn write(sheet: &mut Worksheet, form: &Declaration, styles: &Styles) -> Result<(), XlsxError> {
    let mut out = FormSheet::new(sheet, styles, &at::COLUMN_WIDTHS, at::TITLE.text, form.year)?;

    for field in at::HEADER {
        let Some(value) = form.text(field.id) else {
            continue; // no 项目性质 (the 宝山 layout)
        };
        let value_at = match field.id {
            DeclarationText::ProjectName if form.project_nature.is_none() => {
                at::PROJECT_NAME_WITHOUT_NATURE_AT
            }
            _ => field.value_at,
        };
        out.label(area(field.label_at)?, field.label.text)?;
        out.text(area(value_at)?, value, &styles.text)?;
    }

    out.label(area(at::FUNDS_AT)?, &layout::funds_label(form.funds.unit))?;
    let funds = &form.funds;
    for field in at::FUND_FIELDS {
        out.label(area(field.label_at)?, field.label.text)?;
        out.amount(area(field.value_at)?, *field.id.get(funds))?;
    }

    out.label(area(at::GOALS_AT)?, at::GOALS.text)?;
    for field in at::GOAL_FIELDS {
        let text = form.text(field.id).unwrap_or_default();
        out.label(area(field.label_at)?, field.label.text)?;
        out.long_text(area(field.value_at)?, text)?;
    }

    let header = at::TABLE_HEADER_ROW;
    let last = header + form.indicators.len() as u32;
    let indicators_at = Area::new(
        (header, u32::from(at::INDICATORS_COL)),
        (last, u32::from(at::INDICATORS_COL)),
    );
    out.label(indicators_at, at::INDICATORS.text)?;
    out.label(row_area(header, at::LEVEL1_COLS), at::LEVEL1.text)?;
    out.label(row_area(header, at::LEVEL2_COLS), at::LEVEL2.text)?;
    out.label(row_area(header, at::NAME_COLS), at::LEVEL3.text)?;
    out.label(row_area(header, at::TARGET_COLS), at::TARGET.text)?;

    let first = header + 1;
    let levels: Vec<(&str, &str)> = form
        .indicators
        .iter()
        .map(|i| (i.level1.as_str(), i.level2.as_str()))
        .collect();
    out.levels(first, &levels, at::LEVEL1_COLS.0, at::LEVEL2_COLS.0)?;
    for (row, indicator) in (first..).zip(&form.indicators) {
        out.text(row_area(row, at::NAME_COLS), &indicator.name, &styles.text)?;
        let target = indicator.target.to_text();
        out.text(row_area(row, at::TARGET_COLS), &target, &styles.value)?;
    }
    // The 88号 form's 中期 side has no place in this layout: it is printed under 备注, after
    // the form's own notes, rather than dropped.
    let mut notes = form.notes.clone();
    if let Some(medium) = &form.medium_term {
        notes.extend(medium.notes(form.funds.unit));
    }
    if !notes.is_empty() {
        let heading = last + 1;
        out.label(row_area(heading, at::NOTES_COLS), at::NOTES.text)?;
        for (row, note) in (heading + 1..).zip(&notes) {
            out.label(row_area(row, at::NOTE_LABEL_COLS), &note.label)?;
            out.note(row_area(row, at::NOTE_TEXT_COLS), &note.text)?;
        }
    }
    out.finish()
}

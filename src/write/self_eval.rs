//! 财政项目支出绩效自评表 → worksheet, in the official 8-column layout (DOMAIN §1e).
//!
//! Rows 1–2 title and year; rows 3–4 the header fields; rows 5–9 the 项目资金 grid; rows 10–11
//! the goals; from row 12 the indicator table (no 绩效指标 column), closed by the `总分` and
//! `评分等级` rows.

use super::sheet::{FormSheet, area, row_area};
use super::styles::Styles;
use crate::a1::Area;
use crate::layout::{self, self_eval as at};
use crate::model::{EvaluatedIndicator, SelfEvaluation};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Paints `form` onto an empty worksheet.
///
/// The positions and labels come from [`crate::layout::self_eval`]; figures are numbers that
/// show the decimals they carry, `-` stays text, indicator values are strings (never formulas).
///
/// # Errors
/// Any [`XlsxError`] of rust_xlsxwriter, e.g. a text longer than Excel's 32,767 characters.
pub fn write(
    sheet: &mut Worksheet,
    form: &SelfEvaluation,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let mut out = FormSheet::new(sheet, styles, &at::COLUMN_WIDTHS, at::TITLE.text, form.year)?;

    for field in at::HEADER {
        out.label(area(field.label_at)?, field.label.text)?;
        out.text(area(field.value_at)?, field.id.get(form), &styles.text)?;
    }

    // The funds grid: label block, column heads (with an empty corner), row heads, figures.
    out.label(area(at::FUNDS_AT)?, &layout::funds_label(form.funds.unit))?;
    let head = at::FUNDS_HEADER_ROW;
    let cell = |row: u32, col: u16| Area::cell((row, u32::from(col)));
    out.label(cell(head, at::FUNDS_ROW_LABEL_COL), "")?;
    for (col, column) in (at::FUNDS_FIRST_COL..).zip(&at::FUND_COLUMNS) {
        out.label(cell(head, col), column.text)?;
    }
    for ((row, label), (_, figures)) in (head + 1..).zip(&at::FUND_ROWS).zip(form.funds.rows()) {
        out.label(cell(row, at::FUNDS_ROW_LABEL_COL), label.text)?;
        for (col, (_, figure)) in (at::FUNDS_FIRST_COL..).zip(figures.columns()) {
            out.figure(cell(row, col), &figure)?;
        }
    }

    out.label(area(at::GOALS_AT)?, at::GOALS.text)?;
    for field in at::GOAL_FIELDS {
        out.label(area(field.label_at)?, field.label.text)?;
        out.long_text(area(field.value_at)?, field.id.get(form))?;
    }

    let header = at::TABLE_HEADER_ROW;
    for (col, column) in (0..).zip(&at::TABLE_COLUMNS) {
        out.label(cell(header, col), column.text)?;
    }
    let first = header + 1;
    let level1: Vec<String> = form
        .indicators
        .iter()
        .map(EvaluatedIndicator::level1_label)
        .collect();
    let levels: Vec<(&str, &str)> = level1
        .iter()
        .zip(&form.indicators)
        .map(|(l1, i)| (l1.as_str(), i.level2.as_str()))
        .collect();
    out.levels(first, &levels, at::LEVEL1_COL, at::LEVEL2_COL)?;
    for (row, indicator) in (first..).zip(&form.indicators) {
        out.text(cell(row, at::NAME_COL), &indicator.name, &styles.text)?;
        out.text(
            cell(row, at::TARGET_COL),
            &indicator.target.to_text(),
            &styles.value,
        )?;
        out.text(
            cell(row, at::ACTUAL_COL),
            &indicator.actual.to_text(),
            &styles.value,
        )?;
        out.figure(cell(row, at::WEIGHT_COL), &indicator.weight)?;
        out.figure(cell(row, at::SCORE_COL), &indicator.score)?;
        out.text(
            cell(row, at::REASON_COL),
            &indicator.deviation_reason,
            &styles.text,
        )?;
    }

    let total = first + form.indicators.len() as u32;
    out.label(row_area(total, at::SUMMARY_LABEL_COLS), at::TOTAL.text)?;
    out.figure(cell(total, at::WEIGHT_COL), &form.total_weight)?;
    out.figure(cell(total, at::SCORE_COL), &form.total_score)?;
    out.text(cell(total, at::REASON_COL), "", &styles.text)?;
    let grade = total + 1;
    out.label(row_area(grade, at::SUMMARY_LABEL_COLS), at::GRADE.text)?;
    out.text(row_area(grade, at::GRADE_COLS), &form.grade, &styles.value)?;
    out.finish()
}

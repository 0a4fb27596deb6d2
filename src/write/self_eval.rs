//! 财政项目支出绩效自评表 → worksheet, in one of the layouts of `layout::sheets`: the
//! official 8 columns (DOMAIN §1e) by default, or the layout the form was read from.
//!
//! Title and year; the header fields; the 项目资金 grid (with the rows the official grid does not
//! have under its four); the goals; the indicator table (`绩效指标` in front in the 9-column
//! layout), closed by the `总分` and `评分等级` rows; then 备注, when the form has notes.

use super::FieldCells;
use super::sheet::{FormSheet, area, row_area, table_lines};
use super::styles::Styles;
use crate::a1::Area;
use crate::layout::sheets::{self, SelfEvaluationSheet, slot};
use crate::layout::{self, declaration as decl, self_eval as at};
use crate::model::field::{IndicatorPart, NotePart, SelfEvaluationFigure, SelfEvaluationText};
use crate::model::{EvaluatedIndicator, FundsRow, PrintedLayout, SelfEvaluation};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// The 评分等级 row's slot in a printed layout.
const GRADE: &str = SelfEvaluationText::Grade.path();

/// Paints `form` onto an empty worksheet in the layout `grid`, with the labels of `printed`
/// where the form printed its own (`None`: the official labels, broken as printed).
///
/// Figures are numbers that show the decimals they carry, `-` stays text, indicator values are
/// strings (never formulas).
///
/// Gives back where each field was placed.
///
/// # Errors
/// Any [`XlsxError`] of rust_xlsxwriter, e.g. a text longer than Excel's 32,767 characters.
pub fn write(
    sheet: &mut Worksheet,
    form: &SelfEvaluation,
    styles: &Styles,
    grid: &SelfEvaluationSheet,
    printed: Option<&PrintedLayout>,
) -> Result<FieldCells, XlsxError> {
    let widths = (
        grid.widths,
        form.indicators.iter().map(|i| i.extra.as_slice()),
    );
    let title = (at::TITLE.text, form.year);
    let mut out = FormSheet::new(sheet, styles, widths, title, printed)?;

    for field in grid.header {
        let label = (area(field.label_at)?, field.label.text);
        out.field(
            field.id.path(),
            label,
            area(field.value_at)?,
            field.id.get(form),
        )?;
    }

    // The funds grid: label block, column heads (with an empty corner), row heads, figures; the
    // rows the official grid does not have (四川: 财政专户管理资金) under its four.
    let funds_label = layout::funds_label(form.funds.unit);
    let funds_at = area(grid.funds_at)?;
    let head = grid.funds_header_row;
    let extra_rows = form.funds.extra_rows.len() as u32;
    let funds_at = Area::new(
        funds_at.first,
        (funds_at.last.0 + extra_rows, funds_at.last.1),
    );
    out.own_label(funds_at, slot::FUNDS, &funds_label)?;
    let cell = |row: u32, col: u16| Area::cell((row, u32::from(col)));
    out.label(row_area(head, grid.funds_row_label), "")?;
    for (i, (col, column)) in (grid.funds_first_col..).zip(&at::FUND_COLUMNS).enumerate() {
        let slot = sheets::funds_column_slot(i);
        out.own_label(cell(head, col), &slot, column.text)?;
    }
    let rows = at::FUND_ROWS.iter().enumerate().zip(form.funds.rows());
    let rows: Vec<_> = rows
        .map(|((i, label), (name, figures))| {
            let slot = sheets::funds_row_slot(i);
            (out.own(&slot, label.text), format!("funds.{name}"), figures)
        })
        .collect();
    let extra_funds = (form.funds.extra_rows.iter().enumerate())
        .map(|(i, r)| (r.label.clone(), format!("funds.extra_rows[{i}]"), &r.row));
    for (row, (label, path, figures)) in (head + 1..).zip(rows.into_iter().chain(extra_funds)) {
        out.label(row_area(row, grid.funds_row_label), &label)?;
        funds_row(&mut out, row, grid.funds_first_col, &path, figures)?;
    }
    let shift = extra_rows;

    let goals_at = area(grid.goals_at)?;
    out.own_label(down(goals_at, shift), slot::GOALS, at::GOALS.text)?;
    for field in grid.goals {
        let text = field.id.get(form);
        let label = &out.own(field.id.path(), field.label.text);
        out.label(down(area(field.label_at)?, shift), label)?;
        out.long_text(down(area(field.value_at)?, shift), text)?;
        out.place(field.id.path(), down(area(field.value_at)?, shift));
    }

    let header = grid.table_header_row + shift;
    let first = header + 1;
    // One row per indicator, and the form's placeholder rows among them (`--layout source`).
    let keys: Vec<(&str, &str, bool)> = (form.indicators.iter())
        .map(|i| (i.level1.as_str(), i.level2.as_str(), i.name.is_empty()))
        .collect();
    let placeholders = out.placeholders();
    let lines = table_lines(&keys, &placeholders);
    let total = first + lines.len() as u32;
    if let Some(col) = grid.indicators_col {
        let col = u32::from(col);
        let at = Area::new((header, col), (total - 1, col));
        out.own_label(at, slot::INDICATORS, decl::INDICATORS.text)?;
    }
    let c0 = grid.table_first_col;
    for (i, column) in at::TABLE_COLUMNS.iter().enumerate() {
        let slot = sheets::table_slot(i);
        out.own_label(cell(header, c0 + i as u16), &slot, column.text)?;
    }
    out.extra_heads(header)?;
    // The 一级 as the form printed it, where jixiao would write it otherwise (`--layout source`).
    let level1: Vec<String> = (form.indicators.iter())
        .map(|i| {
            let label = i.level1_label();
            out.own(&sheets::level1_slot(&label), &label)
        })
        .collect();
    let levels: Vec<(Option<usize>, &str, &str)> = (lines.iter())
        .map(|l| {
            (
                l.indicator,
                level1[l.under].as_str(),
                form.indicators[l.under].level2.as_str(),
            )
        })
        .collect();
    out.levels(first, &levels, c0 + at::LEVEL1_COL, c0 + at::LEVEL2_COL)?;
    // A placeholder stands in its row's 三级 cell; a row with only a placeholder is otherwise blank.
    let blank = EvaluatedIndicator::default();
    for (row, line) in (first..).zip(&lines) {
        let indicator = line.indicator.map_or(&blank, |i| &form.indicators[i]);
        let name = line.placeholder.unwrap_or(&indicator.name);
        indicator_row(&mut out, (row, c0), indicator, name, line.indicator)?;
    }

    out.own_label(
        row_area(total, grid.summary_label),
        slot::TOTAL,
        at::TOTAL.text,
    )?;
    out.figure(cell(total, c0 + at::WEIGHT_COL), &form.total_weight)?;
    out.figure(cell(total, c0 + at::SCORE_COL), &form.total_score)?;
    out.place(
        SelfEvaluationFigure::TotalWeight.path(),
        cell(total, c0 + at::WEIGHT_COL),
    );
    out.place(
        SelfEvaluationFigure::TotalScore.path(),
        cell(total, c0 + at::SCORE_COL),
    );
    out.text(cell(total, c0 + at::REASON_COL), "", &styles.text)?;
    let mut next = total + 1;
    if out.prints(GRADE) {
        out.own_label(row_area(next, grid.summary_label), GRADE, at::GRADE.text)?;
        out.text(row_area(next, grid.grade), &form.grade, &styles.value)?;
        out.place(GRADE, row_area(next, grid.grade));
        next += 1;
    }
    if !form.notes.is_empty() {
        let last = out.last_col() as u16;
        out.label(row_area(next, (0, last)), decl::NOTES.text)?;
        for (i, (row, note)) in (next + 1..).zip(&form.notes).enumerate() {
            out.note_label(row_area(row, (0, 1)), &note.label)?;
            out.note(row_area(row, (2, last)), &note.text)?;
            out.place(NotePart::Label.of(i), row_area(row, (0, 1)));
            out.place(NotePart::Text.of(i), row_area(row, (2, last)));
        }
    }
    out.finish()
}

/// The cells of one indicator row after 一级/二级 (`at`: the row and the table's first column),
/// its 三级 printed `name`: placed as indicator `i`'s, or (`None`) a placeholder row's, whose
/// cells are no field's.
fn indicator_row(
    out: &mut FormSheet,
    (row, c0): (u32, u16),
    indicator: &EvaluatedIndicator,
    name: &str,
    i: Option<usize>,
) -> Result<(), XlsxError> {
    let cell = |col: u16| Area::cell((row, u32::from(c0 + col)));
    let styles = out.styles;
    let texts = [
        (at::NAME_COL, name.to_string(), &styles.text),
        (at::TARGET_COL, indicator.target.to_text(), &styles.value),
        (at::ACTUAL_COL, indicator.actual.to_text(), &styles.value),
        (
            at::REASON_COL,
            indicator.deviation_reason.clone(),
            &styles.text,
        ),
    ];
    for (col, text, format) in texts {
        out.text(cell(col), &text, format)?;
    }
    out.figure(cell(at::WEIGHT_COL), &indicator.weight)?;
    out.figure(cell(at::SCORE_COL), &indicator.score)?;
    if let Some(i) = i {
        let parts = [
            (IndicatorPart::Name, at::NAME_COL),
            (IndicatorPart::Target, at::TARGET_COL),
            (IndicatorPart::Actual, at::ACTUAL_COL),
            (IndicatorPart::DeviationReason, at::REASON_COL),
            (IndicatorPart::Weight, at::WEIGHT_COL),
            (IndicatorPart::Score, at::SCORE_COL),
        ];
        for (part, col) in parts {
            out.place(part.of(i), cell(col));
        }
    }
    out.extra_cells(row, &indicator.extra)
}

/// The six figures of one funds row, from `first_col`; `path` is the row's (`funds.total`).
fn funds_row(
    out: &mut FormSheet,
    row: u32,
    first_col: u16,
    path: &str,
    figures: &FundsRow,
) -> Result<(), XlsxError> {
    for (col, (name, figure)) in (first_col..).zip(figures.columns()) {
        let at = Area::cell((row, u32::from(col)));
        let path = format!("{path}.{name}");
        match name {
            _ if out.printed_percent(&path) => out.percent_figure(at, &figure)?,
            FundsRow::WEIGHT | FundsRow::SCORE => out.figure(at, &figure)?,
            _ => out.money_figure(at, &figure)?,
        }
        out.place(path, at);
    }
    Ok(())
}

/// `at` moved down by `rows`.
fn down(at: Area, rows: u32) -> Area {
    Area::new(
        (at.first.0 + rows, at.first.1),
        (at.last.0 + rows, at.last.1),
    )
}

//! 财政项目支出绩效自评表 → [`SelfEvaluation`].
//!
//! Coverage (DOMAIN §1e, §1b, and the 9-column national variant):
//! - [x] title, `（2023年度）` caption → `year`
//! - [x] 项目名称, 主管部门, 实施单位
//! - [x] 项目资金（万元）: unit from the label; the 4×6 grid found by its column heads (年初预算数 …
//!   得分, 分数/分值) and row heads (年度资金总额 …), dashes kept, 执行率 fractions with a percent
//!   format read as percentages
//! - [x] 预期目标 / 实际完成情况
//! - [x] indicator table: 一级 / 二级 carried, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因
//! - [x] 总分 (分值 and 得分 columns), 评分等级 (absent from the national form: left blank)
//! - [x] national 9-column form (§1b): `全年预算数(A)`, `执行率(B/A)` and the like match their
//!   labels; the weight printed in a 一级 cell (`产出指标(50分)`) → `level1_weight`, the 一级
//!   kept canonical; placeholder 三级 (`指标1:`, `……`) read as blank, and a row with nothing
//!   else no indicator (an info note each; an empty 二级 stays as a skeleton row); both kept as
//!   the printed layout's placeholder rows, for `--layout source`
//! - [ ] the footnote under the national form (`注:1.一级指标分值统一设置为…`): reported unmapped

use super::scope::{Direction, Scope};
use super::{
    extra_cells, extra_columns, read_footer, read_header_notes, read_notes, read_year, table_rows,
    take_table_notes,
};
use crate::a1::Pos;
use crate::diag::Diagnostic;
use crate::layout::self_eval::*;
use crate::layout::{Label, sheets};
use crate::model::field::{
    self, IndicatorPart, NotePart, SelfEvaluationFigure, SelfEvaluationText,
};
use crate::model::{
    EvaluatedIndicator, ExtraFundsRow, FundsRow, IndicatorValue, MoneyUnit, Note, PlaceholderRow,
    PrintedLayout, SelfEvaluation, SelfEvaluationFunds,
};
use crate::taxonomy;

/// Every label of the form: a value search stops at any of them.
pub const LABELS: &[Label] = &[
    TITLE,
    PROJECT_NAME,
    DEPARTMENT,
    IMPLEMENTING_UNIT,
    FUNDS,
    FUND_COLUMNS[0],
    FUND_COLUMNS[1],
    FUND_COLUMNS[2],
    FUND_COLUMNS[3],
    FUND_COLUMNS[4],
    FUND_COLUMNS[5],
    FUND_ROWS[0],
    FUND_ROWS[1],
    FUND_ROWS[2],
    FUND_ROWS[3],
    GOALS,
    GOAL_FIELDS[0].label,
    GOAL_FIELDS[1].label,
    INDICATORS,
    TABLE_COLUMNS[0],
    TABLE_COLUMNS[1],
    TABLE_COLUMNS[2],
    TABLE_COLUMNS[3],
    TABLE_COLUMNS[4],
    TABLE_COLUMNS[5],
    TABLE_COLUMNS[6],
    TABLE_COLUMNS[7],
    TOTAL,
    GRADE,
    HEADER_NOTES[0],
    HEADER_NOTES[1],
    HEADINGS[0],
    HEADINGS[1],
    HEADINGS[2],
];

/// Reads the self-evaluation whose area is `scope`.
pub fn read(mut scope: Scope) -> (SelfEvaluation, Vec<Diagnostic>) {
    let mut form = SelfEvaluation {
        year: read_year(&mut scope),
        ..SelfEvaluation::default()
    };
    let from = scope.rows.0;
    for field in HEADER {
        let found = scope.labelled(&field.label, Direction::Right, from);
        let value = found.and_then(|f| f.value);
        *field.id.get_mut(&mut form) = scope.take_value_text(field.id.path(), value.as_ref());
    }
    for heading in HEADINGS {
        scope.find(heading);
    }
    let end = scope.rows.1.saturating_add(1);
    read_header_notes(&mut scope, HEADER_NOTES, end, &mut form.notes);
    let goals = scope.texts_below(&GOALS, GOAL_FIELDS);
    for (field, text) in GOAL_FIELDS.iter().zip(goals) {
        *field.id.get_mut(&mut form) = text;
    }
    form.funds = read_funds(&mut scope, &mut form.notes);
    let mut level1_printed = Vec::new();
    let end = read_indicators(&mut scope, &mut form, &mut level1_printed);
    take_table_notes(&mut scope, &mut form.notes);
    if let Some(end) = end {
        // 备注 as the writers print it, then what else stands under the table.
        if let Some(heading) = scope.find_from(&crate::layout::declaration::NOTES, end) {
            read_notes(&mut scope, heading, &mut form.notes);
        }
        read_footer(&mut scope, end, &mut form.notes);
    }
    let mut layout = printed_layout(&scope, &form);
    if let Some(layout) = &mut layout {
        layout.placeholders = std::mem::take(&mut scope.placeholders)
            .into_iter()
            .map(|p| PlaceholderRow {
                level1: split_level1(&p.level1).0,
                ..p
            })
            .collect();
        layout.percent = std::mem::take(&mut scope.percent);
        for (label, printed) in level1_printed {
            layout.labels.insert(sheets::level1_slot(&label), printed);
        }
    }
    let (mut source, diagnostics) = scope.finish(u32::from(COLUMNS) - 1);
    source.layout = layout;
    form.source = Some(source);
    (form, diagnostics)
}

/// The layout the form is printed in, with the closing rows: `总分` under the indicator rows,
/// and `评分等级` under it or absent (the national form prints none). The table may print more
/// rows than it has indicators (the national form's placeholders `指标2:`, `……`, kept as
/// placeholder rows, not indicators): `总分` is looked for under the table, wherever it stands.
fn printed_layout(scope: &Scope, form: &SelfEvaluation) -> Option<PrintedLayout> {
    let (grid, top) = (scope.grid, scope.rows.0);
    let layouts = sheets::self_evaluation_probes();
    let mut printed = sheets::identify(grid, top, layouts, form.year)?;
    let sheet = sheets::self_evaluation(printed.id);
    let first_row = top + sheet.table_header_row + 1 + form.indicators.len() as u32;
    let total = scope.peek_from(&TOTAL, first_row)?.0;
    let closing = [
        (sheets::slot::TOTAL, &TOTAL, total),
        (SelfEvaluationText::Grade.path(), &GRADE, total + 1),
    ];
    for (slot, label, row) in closing {
        let at = sheets::row_area(row, sheet.summary_label);
        let text = grid.text(at.first);
        if grid.area(at.first) != at || !label.matches(&text) {
            if slot == sheets::slot::TOTAL {
                return None;
            }
            printed.absent.push(slot.to_string());
        } else if let Some(own) = sheets::own_words(&text, label.text) {
            let text = sheets::with_year_slot(&own, form.year);
            printed.labels.insert(slot.to_string(), text);
        }
    }
    Some(printed)
}

fn read_funds(scope: &mut Scope, notes: &mut Vec<Note>) -> SelfEvaluationFunds {
    let unit = scope.money_unit(&FUNDS, MoneyUnit::WanYuan);
    let mut funds = SelfEvaluationFunds {
        unit,
        ..SelfEvaluationFunds::default()
    };
    let Some(head) = scope.find(&FUND_COLUMNS[0]) else {
        return funds;
    };
    let cols: Vec<Option<u32>> = std::iter::once(Some(head.1))
        .chain(
            FUND_COLUMNS[1..]
                .iter()
                .map(|l| scope.find_in_row(l, head.0).map(|p| p.1)),
        )
        .collect();
    // Heads the official grid does not have (四川: `原因`): their cells become notes.
    let extra_cols: Vec<(u32, String)> = scope
        .unused_in_row(head.0)
        .into_iter()
        .filter(|p| p.1 > head.1)
        .map(|p| {
            scope.mark_used(p);
            (p.1, scope.grid.text(p))
        })
        .collect();
    let found: Vec<Option<Pos>> = FUND_ROWS
        .iter()
        .map(|l| scope.find_from(l, head.0 + 1))
        .collect();
    let label_col = found.iter().flatten().map(|p| p.1).min();
    // The grid ends at the goals or the indicator table, whichever comes first below it.
    let end = [
        &GOALS,
        &GOAL_FIELDS[0].label,
        &TABLE_COLUMNS[0],
        &INDICATORS,
    ]
    .into_iter()
    .filter_map(|l| scope.peek_from(l, head.0 + 1).map(|p| p.0))
    .min()
    .unwrap_or(scope.rows.1 + 1);
    let read_row = |scope: &mut Scope, row: &mut FundsRow, r: u32, prefix: &str| {
        for ((col_name, slot), c) in row.columns_mut().into_iter().zip(&cols) {
            let Some(c) = *c else { continue };
            let pos = scope.grid.area((r, c)).first;
            let path = format!("{prefix}.{col_name}");
            // Every figure keeps the decimals the form printed (the official layout prints money
            // and rates with two at least).
            let cell = (!scope.grid.text(pos).is_empty()).then_some(pos);
            scope.record(&path, scope.grid.area(pos));
            *slot = scope.take_figure(&path, cell, 0);
        }
    };
    for ((row_name, row), at) in funds.rows_mut().into_iter().zip(&found) {
        let Some(at) = at else { continue };
        read_row(scope, row, at.0, &format!("funds.{row_name}"));
    }
    // Rows the official grid does not have (四川: 财政专户管理资金, 单位资金).
    if let Some(lc) = label_col {
        for r in head.0 + 1..end {
            let at = (r, lc);
            let text = scope.grid.text(at);
            if scope.grid.area(at).first != at || text.is_empty() || scope.is_used(at) {
                continue;
            }
            let i = funds.extra_rows.len();
            scope.mark(&format!("funds.extra_rows[{i}].label"), at);
            let mut row = FundsRow::default();
            read_row(scope, &mut row, r, &format!("funds.extra_rows[{i}]"));
            funds.extra_rows.push(ExtraFundsRow { label: text, row });
        }
    }
    for (c, label) in extra_cols {
        for r in head.0 + 1..end {
            let pos = (r, c);
            if scope.grid.area(pos).first != pos || scope.grid.text(pos).is_empty() {
                continue;
            }
            let path = NotePart::Text.of(notes.len());
            notes.push(Note {
                label: label.clone(),
                text: scope.take_text(&path, Some(pos)),
            });
        }
    }
    funds
}

/// The indicator table, 总分 and 评分等级 into `form`; returns the row after the last one read.
/// Each 一级 printed otherwise than jixiao writes it (`效益指标（30分）`, jixiao's
/// `效益指标(30分)`) goes into `level1_printed`, with jixiao's text first.
fn read_indicators(
    scope: &mut Scope,
    form: &mut SelfEvaluation,
    level1_printed: &mut Vec<(String, String)>,
) -> Option<u32> {
    scope.find(&INDICATORS);
    let head = scope.find_from(&TABLE_COLUMNS[0], scope.rows.0)?;
    let row = head.0;
    let mut cols: Vec<(&str, Option<u32>)> =
        std::iter::once((IndicatorPart::Level1.name(), Some(head.1)))
            .chain(
                crate::layout::flat::INDICATOR_FIELDS[1..]
                    .iter()
                    .zip(&TABLE_COLUMNS[1..])
                    .map(|(n, l)| (n.name(), scope.find_in_row(l, row).map(|p| p.1))),
            )
            .collect();
    let extra = extra_columns(scope, row, head.1);
    let names: Vec<String> = (0..extra.len()).map(|k| format!("extra[{k}]")).collect();
    cols.extend(
        names
            .iter()
            .map(String::as_str)
            .zip(extra.iter().map(|e| Some(e.0))),
    );
    let rows = table_rows(scope, field::INDICATORS, row, &cols, &[], &[TOTAL, GRADE]);
    let mut end = rows.last().map(|r| r.row + 1).unwrap_or(row + 1);
    for (i, r) in rows.iter().enumerate() {
        let weight = scope.take_figure(
            &IndicatorPart::Weight.of(i),
            non_blank(scope, r.cells[3]),
            0,
        );
        let score = scope.take_figure(&IndicatorPart::Score.of(i), non_blank(scope, r.cells[4]), 0);
        let (level1, level1_weight) = split_level1(&r.level1);
        let indicator = EvaluatedIndicator {
            level1,
            level1_weight,
            level2: r.level2.clone(),
            name: r.texts[0].clone(),
            target: IndicatorValue::new(r.texts[1].clone()),
            actual: IndicatorValue::new(r.texts[2].clone()),
            weight,
            score,
            deviation_reason: r.texts[5].clone(),
            extra: extra_cells(&extra, &r.texts[6..]),
            ..EvaluatedIndicator::default()
        };
        let label = indicator.level1_label();
        if label != r.level1 && !level1_printed.iter().any(|(l, _)| *l == label) {
            level1_printed.push((label, r.level1.clone()));
        }
        form.indicators.push(indicator);
    }
    let after = rows.last().map(|r| r.row + 1).unwrap_or(row + 1);
    let weight_col = cols[5].1;
    let score_col = cols[6].1;
    if let Some(total) = scope.find_from(&TOTAL, after) {
        let figures = [
            (SelfEvaluationFigure::TotalWeight, weight_col),
            (SelfEvaluationFigure::TotalScore, score_col),
        ];
        for (field, col) in figures {
            let Some(c) = col else { continue };
            let pos = scope.grid.area((total.0, c)).first;
            scope.record(field.path(), scope.grid.area(pos));
            *field.get_mut(form) = scope.take_figure(field.path(), non_blank(scope, Some(pos)), 0);
        }
        end = end.max(total.0 + 1);
    }
    if let Some(grade) = scope.find_from(&GRADE, after) {
        let value = scope.right_of(grade);
        if value.is_none() {
            let area = scope.grid.area(grade);
            scope.record(
                SelfEvaluationText::Grade.path(),
                crate::a1::Area::cell((area.first.0, area.last.1 + 1)),
            );
        }
        form.grade = scope.take_text(SelfEvaluationText::Grade.path(), value);
        end = end.max(grade.0 + 1);
    }
    Some(end)
}

/// `产出指标(50分)` → (`产出指标`, 50); a 一级 without a weight, or with one that is not a
/// number, is kept whole.
fn split_level1(text: &str) -> (String, Option<rust_decimal::Decimal>) {
    taxonomy::split_weight(text)
        .and_then(|(stem, w)| Some((stem.to_string(), Some(w.parse().ok()?))))
        .unwrap_or_else(|| (text.to_string(), None))
}

fn non_blank(scope: &Scope, pos: Option<(u32, u32)>) -> Option<(u32, u32)> {
    pos.filter(|p| !scope.grid.text(*p).is_empty())
}

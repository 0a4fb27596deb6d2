//! 财政项目支出绩效目标申报表 → [`Declaration`].
//!
//! Coverage (DOMAIN §1c and the 6-column and 宝山 variants):
//! - [x] title, `（2026年度）` caption → `year`
//! - [x] 项目名称, 项目性质 (absent in the 宝山 layout → `None`), 项目类别, 主管部门, 实施单位
//! - [x] 计划开始日期 / 计划完成日期 (text, date cells or serial numbers → `YYYY-MM-DD`)
//! - [x] 项目资金（元）: unit from the label; 项目资金总额 / 其中：财政资金 / 其他资金 (whole-project
//!   side) and 年度资金申请总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金 (annual side)
//! - [x] 项目总目标 / 年度总体目标 texts (label variants with periods, 年度总目标)
//! - [x] 绩效指标 table: 一级 / 二级 carried over merged or blank cells, 三级, 指标值; skeleton
//!   rows (an 二级 with no 三级) kept
//! - [x] 申报单位名称 and the narrative blocks (项目概况, 立项依据, 项目设立的必要性,
//!   保证项目实施的制度、措施, 项目实施计划), label beside text, wherever printed (the district
//!   form between 项目资金 and the goals; the written official form under 备注)
//! - [x] 备注 below the table (label | text rows) → `notes`, as the writer prints a converted
//!   2020 目标表's narrative sections and prior-year amounts
//! - [x] 88号 national form (§1a), same reader: `项目支出绩效目标申报表`, `( 2024 年度)`,
//!   主管部门及代码, 项目属性 → `project_nature`; 项目期 → `medium_term.period`; `项目资金 (万元)`
//!   with 中期资金总额 / 其中:财政拨款 / 其他资金 on the left → `medium_term` and 年度资金总额 /
//!   其中:财政拨款 / 其他资金 on the right → `funds.annual_*`; 总体目标 with
//!   `中期目标(2024年—2026年)` → `medium_term.goal` (+ `years`) and 年度目标 → `annual_goal`;
//!   the two-sided table `一级 | 二级 三级 指标值 (中期) | 二级 三级 指标值 (年度)` →
//!   `medium_term.indicators` and `indicators`, sharing the 一级; the signature line
//!   `项目责任人(签字): … 单位(盖章): …` → `notes` when filled in
//! - [x] placeholder 三级 (`指标1:`, `……`) read as blank (see [`super::table_rows`])

use super::scope::{Direction, Scope};
use super::{
    TableRow, extra_cells, extra_columns, read_date_value, read_footer, read_header_notes,
    read_notes, read_year, table_rows, take_table_notes,
};
use crate::a1::Pos;
use crate::diag::Diagnostic;
use crate::layout::declaration::*;
use crate::layout::{Label, normalize_label, sheets};
use crate::model::field::{
    self, DeclarationAmount, DeclarationText, IndicatorPart, MediumAmount, MediumText, NotePart,
};
use crate::model::{Declaration, DeclarationFunds, Indicator, MediumTerm, MoneyUnit, Note};

/// Every label of the form: a value search stops at any of them.
pub const LABELS: &[Label] = &[
    TITLE,
    PROJECT_NAME,
    PROJECT_NATURE,
    PROJECT_CATEGORY,
    DEPARTMENT,
    IMPLEMENTING_UNIT,
    PLANNED_START,
    PLANNED_END,
    FUNDS,
    PROJECT_TOTAL,
    PROJECT_FISCAL,
    OTHER,
    ANNUAL_TOTAL,
    ANNUAL_FISCAL,
    ANNUAL_CARRYOVER,
    GOALS,
    OVERALL_GOAL,
    ANNUAL_GOAL,
    INDICATORS,
    LEVEL1,
    LEVEL2,
    LEVEL3,
    TARGET,
    NOTES,
    PROJECT_PERIOD,
    MEDIUM_TOTAL,
    MEDIUM_GOAL,
    MEDIUM_FISCAL,
    MEDIUM_OTHER,
    MEDIUM_INDICATORS,
    SIGNATURES[0],
    SIGNATURES[1],
    HEADER_NOTES[0],
    HEADER_NOTES[1],
    HEADER_NOTES[2],
    HEADER_NOTES[3],
    HEADER_NOTES[4],
    HEADER_NOTES[5],
    HEADER_NOTES[6],
    HEADER_NOTES[7],
    APPLICANT,
    OVERVIEW,
    BASIS,
    NECESSITY,
    MEASURES,
    PLAN,
];

/// Reads the declaration whose area is `scope`.
pub fn read(mut scope: Scope) -> (Declaration, Vec<Diagnostic>) {
    let mut form = Declaration {
        year: read_year(&mut scope),
        ..Declaration::default()
    };

    let from = scope.rows.0;
    for field in HEADER {
        // A label cell with its value on the right, or `label：value` in one cell (东莞:
        // `预算单位:东莞市交通运输局`).
        let found = scope.labelled(&field.label, Direction::Right, from);
        let label = found.as_ref().map(|f| f.at);
        let value = found.and_then(|f| f.value);
        // A blank value is still somewhere: the cell right of its label, so that `check` can
        // point at the 主管部门 or 项目类别 nobody filled in.
        if let (Some(l), None) = (label, &value) {
            let area = scope.grid.area(l);
            let next = (area.first.0, area.last.1 + 1);
            if next.1 < scope.grid.cols {
                scope.record(field.id.path(), scope.grid.area(next));
            }
        }
        let text = if field.id.is_date() {
            read_date_value(&mut scope, field.id.path(), value.as_ref())
        } else {
            scope.take_value_text(field.id.path(), value.as_ref())
        };
        // A form without a 项目性质 label has no such field (the 宝山 layout).
        if field.id != DeclarationText::ProjectNature || label.is_some() {
            form.set_text(field.id, text);
        }
    }

    // 申报单位名称 and the narrative blocks: where the district form prints them, or in 备注
    // where the official layout does (before 备注 is read, which skips the rows taken here).
    for (id, label) in NARRATIVE {
        if let Some(found) = scope.labelled(label, Direction::Right, from) {
            let text = scope.take_value_text(id.path(), found.value.as_ref());
            form.set_text(*id, text);
        }
    }

    // The 88号 form: any of the labels only its 中期 side prints, or a two-sided table. Its
    // amounts and goal count above 备注 only: a layout without a 中期 side prints them there,
    // as notes.
    let notes_row = scope.find(&NOTES).map(|p| p.0);
    // 项目期 counts anywhere: a layout without a cell for it prints it under 备注.
    let period = scope.find(&PROJECT_PERIOD);
    let mut above_notes = |label: &Label| {
        scope
            .find(label)
            .filter(|p| notes_row.is_none_or(|n| p.0 < n))
    };
    let medium_goal = above_notes(&MEDIUM_GOAL);
    let medium_total = above_notes(&MEDIUM_TOTAL);
    let mut national = period.is_some() || medium_goal.is_some() || medium_total.is_some();
    let mut medium = MediumTerm::default();
    form.notes = read_signatures(&mut scope, notes_row);
    let table = scope.find(&LEVEL1).map(|p| p.0).unwrap_or(scope.rows.1);
    read_header_notes(&mut scope, HEADER_NOTES, table, &mut form.notes);
    let value = period.and_then(|l| scope.right_of(l));
    medium.period = scope.take_text(MediumText::Period.path(), value);
    form.funds = read_funds(&mut scope, medium_total, &mut medium);
    for (label, text) in std::mem::take(&mut scope.asides) {
        form.notes.push(Note { label, text });
    }

    let goals = scope.texts_below(&GOALS, GOAL_FIELDS);
    for (field, text) in GOAL_FIELDS.iter().zip(goals) {
        form.set_text(field.id, text);
    }
    if let Some(label) = medium_goal {
        medium.years = years_of(&scope.grid.text(label));
        let value = scope.below(label);
        medium.goal = scope.take_text(MediumText::Goal.path(), value);
    }

    let (indicators, medium_indicators, table_end) = read_indicators(&mut scope);
    form.indicators = indicators;
    if let Some(rows) = medium_indicators {
        national = true;
        medium.indicators = rows;
    }
    take_table_notes(&mut scope, &mut form.notes);
    if let Some(heading) = scope.find(&NOTES) {
        national |= read_medium_notes(&mut scope, heading.0, &mut medium);
        read_notes(&mut scope, heading, &mut form.notes);
    }
    if let Some(end) = table_end {
        read_footer(&mut scope, end, &mut form.notes);
    }
    if national {
        form.medium_term = Some(medium);
    }
    let layouts = sheets::declaration_probes();
    let mut printed = sheets::identify(scope.grid, scope.rows.0, layouts, form.year);
    // The placeholder rows of a one-sided table (`指标2:`, `……`), printed back by `--layout source`.
    if let Some(p) = &mut printed
        && form.medium_term.is_none()
    {
        p.placeholders = std::mem::take(&mut scope.placeholders);
    }
    let (mut source, diagnostics) = scope.finish(u32::from(COLUMNS) - 1);
    source.layout = printed;
    form.source = Some(source);
    (form, diagnostics)
}

/// The 中期 side a layout without 中期 cells prints under 备注 (from row `from`, see
/// `crate::write::declaration`): the amounts and 中期目标 right of their labels
/// (`中期资金总额（万元）`, `中期目标（2024年—2026年）`), the indicators in the table headed
/// `中期指标`. 项目期 is read wherever it stands. Whether any of it was there.
fn read_medium_notes(scope: &mut Scope, from: u32, medium: &mut MediumTerm) -> bool {
    let mut found = false;
    let amounts = [
        (MediumAmount::Total, &MEDIUM_TOTAL),
        (MediumAmount::Fiscal, &MEDIUM_FISCAL),
        (MediumAmount::Other, &MEDIUM_OTHER),
    ];
    for (id, label) in amounts {
        if let Some(at) = scope.find_from(label, from) {
            let value = scope.right_of(at);
            *id.get_mut(medium) = scope.take_amount(id.path(), value, 0);
            found = true;
        }
    }
    if let Some(at) = scope.find_from(&MEDIUM_GOAL, from) {
        medium.years = years_of(&scope.grid.text(at));
        let value = scope.right_of(at);
        medium.goal = scope.take_text(MediumText::Goal.path(), value);
        found = true;
    }
    if let Some(at) = scope.find_from(&MEDIUM_INDICATORS, from) {
        let row = at.0;
        let cols: Vec<(&str, Option<u32>)> = [
            (IndicatorPart::Level1, &LEVEL1),
            (IndicatorPart::Level2, &LEVEL2),
            (IndicatorPart::Name, &LEVEL3),
            (IndicatorPart::Target, &TARGET),
        ]
        .into_iter()
        .map(|(part, label)| (part.name(), scope.find_in_row(label, row).map(|p| p.1)))
        .collect();
        let rows = table_rows(scope, field::MEDIUM_INDICATORS, row, &cols, &[], &[NOTES]);
        medium.indicators = rows.into_iter().map(TableRow::into_indicator).collect();
        found = true;
    }
    found
}

/// `项目责任人(签字):` and `单位(盖章):` (88号): a note each when something is written after them.
fn read_signatures(scope: &mut Scope, notes_row: Option<u32>) -> Vec<Note> {
    let from = scope.rows.0;
    let mut notes = Vec::new();
    for label in &SIGNATURES {
        let Some(found) = scope
            .labelled(label, Direction::Right, from)
            .filter(|f| notes_row.is_none_or(|n| f.at.0 < n))
        else {
            continue;
        };
        let path = NotePart::Text.of(notes.len());
        let text = scope.take_value_text(&path, found.value.as_ref());
        if !text.is_empty() {
            notes.push(Note {
                label: label.text.to_string(),
                text,
            });
        }
    }
    notes
}

/// `2024年—2026年` of `中期目标(2024年—2026年)`; empty when the label has no parenthetical.
fn years_of(label: &str) -> String {
    let label = normalize_label(label);
    label
        .split_once('(')
        .map(|(_, rest)| rest.trim_end_matches(')').to_string())
        .unwrap_or_default()
}

/// 项目资金; the 中期 side into `medium` when the form has a `中期资金总额` label.
fn read_funds(
    scope: &mut Scope,
    medium_total: Option<Pos>,
    medium: &mut MediumTerm,
) -> DeclarationFunds {
    let unit = scope.money_unit(&FUNDS, MoneyUnit::Yuan);
    let annual_col = scope.find(&ANNUAL_TOTAL).map(|p| p.1);
    // 其他资金 (and, in the 88号 form, 其中:财政拨款) stands on both sides; the side of
    // 年度资金申请总额 decides which one it is.
    let mut sides = |label: &Label| {
        let (mut left, mut annual) = (None, None);
        for (i, pos) in scope.find_all(label).into_iter().enumerate() {
            let annual_side = match annual_col {
                Some(col) => pos.1 >= col,
                None => i > 0,
            };
            if annual_side {
                annual = Some(pos)
            } else {
                left = Some(pos)
            }
        }
        (left, annual)
    };
    let (left_other, annual_other) = sides(&OTHER);
    let (left_fiscal, right_fiscal) = sides(&ANNUAL_FISCAL);
    // The 88号 form's left side is its 中期 funds, the Shanghai form's the whole project's.
    let (project_other, annual_fiscal) = match medium_total {
        Some(_) => (None, right_fiscal),
        None => (left_other, right_fiscal.or(left_fiscal)),
    };
    // `其中:财政拨款` on the whole-project side (湖北: `资金总额 | 其中:财政拨款`) when the form
    // prints no `其中：财政资金` there.
    let left_fiscal_as_project = match (medium_total, right_fiscal) {
        (None, Some(_)) => left_fiscal,
        _ => None,
    };
    if medium_total.is_some() {
        for (path, label, slot) in [
            (MediumAmount::Total.path(), medium_total, &mut medium.total),
            (MediumAmount::Fiscal.path(), left_fiscal, &mut medium.fiscal),
            (MediumAmount::Other.path(), left_other, &mut medium.other),
        ] {
            let value = label.and_then(|l| scope.right_of(l));
            *slot = scope.take_amount(path, value, 0);
        }
    }
    let mut funds = DeclarationFunds {
        unit,
        ..DeclarationFunds::default()
    };
    for field in FUND_FIELDS {
        let label = match field.id {
            DeclarationAmount::ProjectFiscal => scope.find(&field.label).or(left_fiscal_as_project),
            DeclarationAmount::ProjectOther => project_other,
            DeclarationAmount::AnnualOther => annual_other,
            DeclarationAmount::AnnualFiscal => annual_fiscal,
            _ => scope.find(&field.label),
        };
        let value = label.and_then(|l| scope.right_of(l));
        if let (Some(l), None) = (label, value) {
            let area = scope.grid.area(l);
            scope.record(
                field.id.path(),
                crate::a1::Area::cell((area.first.0, area.last.1 + 1)),
            );
        }
        // As printed: `880` stays 880, `880.00` keeps its two decimals (the Decimal's scale is
        // the printed one; the official layout prints at least two).
        *field.id.get_mut(&mut funds) = scope.take_amount(field.id.path(), value, 0);
    }
    funds
}

/// The indicator table: `(年度, 中期)` rows. A header that names 二级/三级/指标值 twice is the
/// 88号 table, 中期 left and 年度 right of one shared 一级 column; otherwise there is no 中期.
fn read_indicators(scope: &mut Scope) -> (Vec<Indicator>, Option<Vec<Indicator>>, Option<u32>) {
    scope.find(&INDICATORS);
    let Some(head) = scope.find(&LEVEL1) else {
        return (Vec::new(), None, None);
    };
    let row = head.0;
    let level2 = scope.find_all_in_row(&LEVEL2, row);
    let level3 = scope.find_all_in_row(&LEVEL3, row);
    let target = scope.find_all_in_row(&TARGET, row);
    let side = |k: usize| {
        [
            (IndicatorPart::Level1.name(), Some(head.1)),
            (IndicatorPart::Level2.name(), level2.get(k).map(|p| p.1)),
            (IndicatorPart::Name.name(), level3.get(k).map(|p| p.1)),
            (IndicatorPart::Target.name(), target.get(k).map(|p| p.1)),
        ]
    };
    let columns = |cols: &[(&str, Option<u32>)]| -> Vec<u32> {
        cols[1..].iter().filter_map(|(_, c)| *c).collect()
    };
    let mut end = row + 1;
    let mut rows = |scope: &mut Scope, path: &str, cols: &[(&str, Option<u32>)], beside: &[u32]| {
        let rows = table_rows(scope, path, row, cols, beside, &[NOTES]);
        end = rows.iter().map(|r| r.row + 1).fold(end, u32::max);
        rows.into_iter()
            .map(TableRow::into_indicator)
            .collect::<Vec<_>>()
    };
    if level2.len() < 2 {
        // Columns the official form does not have (绩效标准 beside each indicator): kept per row.
        let extra = extra_columns(scope, row, head.1);
        let names: Vec<String> = (0..extra.len()).map(|k| format!("extra[{k}]")).collect();
        let mut cols = side(0).to_vec();
        cols.extend(
            names
                .iter()
                .map(String::as_str)
                .zip(extra.iter().map(|e| Some(e.0))),
        );
        let annual = table_rows(scope, field::INDICATORS, row, &cols, &[], &[NOTES])
            .into_iter()
            .map(|r| {
                end = end.max(r.row + 1);
                let extra = extra_cells(&extra, r.texts.get(2..).unwrap_or_default());
                Indicator {
                    extra,
                    ..r.into_indicator()
                }
            })
            .collect();
        return (annual, None, Some(end));
    }
    let (medium, annual) = (side(0), side(1));
    let annual_rows = rows(scope, field::INDICATORS, &annual, &columns(&medium));
    let medium_rows = rows(scope, field::MEDIUM_INDICATORS, &medium, &columns(&annual));
    (annual_rows, Some(medium_rows), Some(end))
}

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
//! - [x] 备注 below the table (label | text rows) → `notes`, as the writer prints a converted
//!   2020 目标表's narrative sections and prior-year amounts
//! - [ ] 88号 national form with 中期 and 年度 targets side by side

use super::scope::Scope;
use super::{read_date, read_year, table_rows};
use crate::diag::Diagnostic;
use crate::layout::Label;
use crate::layout::declaration::*;
use crate::model::{Declaration, DeclarationFunds, Indicator, IndicatorValue, MoneyUnit, Note};

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
];

/// Reads the declaration whose area is `scope`.
pub fn read(mut scope: Scope) -> (Declaration, Vec<Diagnostic>) {
    let mut form = Declaration {
        year: read_year(&mut scope),
        ..Declaration::default()
    };

    for field in HEADER {
        let label = scope.find(&field.label);
        let value = label.and_then(|l| scope.right_of(l));
        let text = match field.path {
            "planned_start" | "planned_end" => read_date(&mut scope, field.path, value),
            _ => scope.take_text(field.path, value),
        };
        match field.path {
            "project_name" => form.project_name = text,
            "project_nature" => form.project_nature = label.map(|_| text),
            "project_category" => form.project_category = text,
            "department" => form.department = text,
            "implementing_unit" => form.implementing_unit = text,
            "planned_start" => form.planned_start = text,
            "planned_end" => form.planned_end = text,
            _ => unreachable!("HEADER lists only the fields above"),
        }
    }

    form.funds = read_funds(&mut scope);

    scope.find(&GOALS);
    for field in GOAL_FIELDS {
        let value = scope.find(&field.label).and_then(|l| scope.below(l));
        let text = scope.take_text(field.path, value);
        match field.path {
            "overall_goal" => form.overall_goal = text,
            _ => form.annual_goal = text,
        }
    }

    form.indicators = read_indicators(&mut scope);
    form.notes = read_notes(&mut scope);
    let (source, diagnostics) = scope.finish(u32::from(COLUMNS) - 1);
    form.source = Some(source);
    (form, diagnostics)
}

fn read_funds(scope: &mut Scope) -> DeclarationFunds {
    let unit = scope.money_unit(&FUNDS, MoneyUnit::Yuan);
    let annual_col = scope.find(&ANNUAL_TOTAL).map(|p| p.1);
    // 其他资金 stands on both sides; the side of 年度资金申请总额 decides which one it is.
    let others = scope.find_all(&OTHER);
    let (mut project_other, mut annual_other) = (None, None);
    for (i, pos) in others.iter().enumerate() {
        let annual_side = match annual_col {
            Some(col) => pos.1 >= col,
            None => i > 0,
        };
        if annual_side {
            annual_other = Some(*pos)
        } else {
            project_other = Some(*pos)
        }
    }
    let mut funds = DeclarationFunds {
        unit,
        ..DeclarationFunds::default()
    };
    for field in FUND_FIELDS {
        let label = match field.path {
            "funds.project_other" => project_other,
            "funds.annual_other" => annual_other,
            _ => scope.find(&field.label),
        };
        let value = label.and_then(|l| scope.right_of(l));
        if let (Some(l), None) = (label, value) {
            let area = scope.grid.area(l);
            scope.record(
                field.path,
                crate::grid::Area::cell((area.first.0, area.last.1 + 1)),
            );
        }
        let amount = scope.take_amount(field.path, value, 2);
        let slot = match field.path {
            "funds.project_total" => &mut funds.project_total,
            "funds.project_fiscal" => &mut funds.project_fiscal,
            "funds.project_other" => &mut funds.project_other,
            "funds.annual_total" => &mut funds.annual_total,
            "funds.annual_fiscal" => &mut funds.annual_fiscal,
            "funds.annual_carryover" => &mut funds.annual_carryover,
            _ => &mut funds.annual_other,
        };
        *slot = amount;
    }
    funds
}

fn read_indicators(scope: &mut Scope) -> Vec<Indicator> {
    scope.find(&INDICATORS);
    let Some(head) = scope.find(&LEVEL1) else {
        return Vec::new();
    };
    let row = head.0;
    let cols = [
        ("level1", Some(head.1)),
        ("level2", scope.find_in_row(&LEVEL2, row).map(|p| p.1)),
        ("name", scope.find_in_row(&LEVEL3, row).map(|p| p.1)),
        ("target", scope.find_in_row(&TARGET, row).map(|p| p.1)),
    ];
    table_rows(scope, row, &cols, &[NOTES])
        .into_iter()
        .map(|r| Indicator {
            level1: r.level1,
            level2: r.level2,
            name: r.texts[0].clone(),
            target: IndicatorValue::new(r.texts[1].clone()),
            ..Indicator::default()
        })
        .collect()
}

/// 备注 rows: each row's first cell is the note's label, the next its text.
fn read_notes(scope: &mut Scope) -> Vec<Note> {
    let Some(heading) = scope.find(&NOTES) else {
        return Vec::new();
    };
    let grid = scope.grid;
    let mut notes = Vec::new();
    for r in grid.area(heading).last.0 + 1..=scope.rows.1 {
        let mut anchors = (0..grid.cols)
            .map(|c| (r, c))
            .filter(|&p| grid.area(p).first == p && !grid.text(p).is_empty());
        let Some(label) = anchors.next() else { break };
        let text = anchors.next();
        let i = notes.len();
        notes.push(Note {
            label: scope.take_text(&format!("notes[{i}].label"), Some(label)),
            text: scope.take_text(&format!("notes[{i}].text"), text),
        });
    }
    notes
}

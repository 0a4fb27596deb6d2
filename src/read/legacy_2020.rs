//! 财政项目支出绩效目标表 (Shanghai, 2020) → [`Legacy2020`].
//!
//! Coverage (DOMAIN §1d, seed 003):
//! - [x] title, `（2020年度）` caption → `year` (else the year of `2020年绩效目标`)
//! - [x] 申报单位名称, 项目名称, 项目类别, 计划开始日期, 计划完成日期, 是否含有政府购买服务, 绩效类型:
//!   `label：value` in one cell (one or two pairs a cell), or label and value in neighbouring cells
//! - [x] the six narrative sections (项目概况 … 总目标及阶段性目标): label row, then the text
//!   below (several rows are joined with line breaks), or `label：text` in one cell
//! - [x] 本项目上年度市级财政资金使用情况: 项目总预算, 项目当年预算, 同名项目上年预算额,
//!   同名项目上年预算执行数, unit from the label (`（元）`), thousands separators
//! - [x] `2020年绩效目标` table: 一级目标 / 二级目标 carried over merged or blank cells, 三级目标,
//!   指标目标值 (text, may be a sentence)
//! - [ ] other 绩效类型 values than 其他类 (none seen; read as printed)

use super::scope::{Direction, Scope, Value};
use super::{TableRow, read_date_value, read_year, table_rows};
use crate::diag::Diagnostic;
use crate::layout::Label;
use crate::layout::legacy_2020::*;
use crate::model::field::{self, IndicatorPart};
use crate::model::{Indicator, Legacy2020, MoneyUnit};

/// Every label of the form: a value search stops at any of them.
pub const LABELS: &[Label] = &[
    TITLE,
    APPLICANT,
    PROJECT_NAME,
    PROJECT_CATEGORY,
    PLANNED_START,
    PLANNED_END,
    GOVERNMENT_PURCHASE,
    PERFORMANCE_TYPE,
    NARRATIVE[0].1,
    NARRATIVE[1].1,
    NARRATIVE[2].1,
    NARRATIVE[3].1,
    NARRATIVE[4].1,
    NARRATIVE[5].1,
    PRIOR_YEAR,
    AMOUNTS[0].1,
    AMOUNTS[1].1,
    AMOUNTS[2].1,
    AMOUNTS[3].1,
    TARGETS,
    LEVEL1,
    LEVEL2,
    LEVEL3,
    TARGET,
];

/// Reads the 2020 目标表 whose area is `scope`.
pub fn read(mut scope: Scope) -> (Legacy2020, Vec<Diagnostic>) {
    let mut form = Legacy2020 {
        year: read_year(&mut scope),
        ..Legacy2020::default()
    };
    let from = scope.rows.0;

    for &(field, ref label) in HEADER {
        let found = scope.labelled(label, Direction::Right, from);
        let value = found.and_then(|f| f.value);
        *field.get_mut(&mut form) = if field.is_date() {
            read_date_value(&mut scope, field.path(), value.as_ref())
        } else {
            scope.take_value_text(field.path(), value.as_ref())
        };
    }

    for &(field, ref label) in NARRATIVE {
        *field.get_mut(&mut form) = read_narrative(&mut scope, field.path(), label);
    }

    scope.find(&PRIOR_YEAR);
    let mut unit = None;
    for &(field, ref label) in AMOUNTS {
        let Some(found) = scope.labelled(label, Direction::Right, from) else {
            continue;
        };
        if unit.is_none() {
            unit = MoneyUnit::from_label(&found.written);
        }
        *field.get_mut(&mut form) = scope.take_value_amount(field.path(), found.value.as_ref(), 0);
    }
    form.unit = unit.unwrap_or_default();

    let heading_year = read_targets_heading(&mut scope);
    if form.year.is_none() {
        form.year = heading_year;
    }
    form.indicators = read_indicators(&mut scope);
    let (source, diagnostics) = scope.finish(u32::from(COLUMNS) - 1);
    form.source = Some(source);
    (form, diagnostics)
}

/// A narrative section: the text below its label (consecutive rows joined with line breaks) or
/// after the label in the same cell.
fn read_narrative(scope: &mut Scope, path: &str, label: &Label) -> String {
    let Some(found) = scope.labelled(label, Direction::Below, scope.rows.0) else {
        return String::new();
    };
    let Some(Value::Cell(first)) = found.value else {
        return scope.take_value_text(path, found.value.as_ref());
    };
    let mut parts = vec![scope.take_text(path, Some(first))];
    let mut at = first;
    loop {
        let area = scope.grid.area(at);
        let next = (area.last.0 + 1, at.1);
        if next.0 > scope.rows.1
            || scope.grid.area(next).first != next
            || scope.grid.text(next).is_empty()
            || scope.is_label(next)
            || is_targets_heading(&scope.grid.text(next))
        {
            break;
        }
        scope.mark_used(next);
        parts.push(scope.grid.text(next));
        at = next;
    }
    parts.join("\n")
}

/// Marks `2020年绩效目标` as read and returns its year.
fn read_targets_heading(scope: &mut Scope) -> Option<i32> {
    let grid = scope.grid;
    let pos = (scope.rows.0..=scope.rows.1)
        .flat_map(|r| (0..grid.cols).map(move |c| (r, c)))
        .find(|&p| grid.area(p).first == p && is_targets_heading(&grid.text(p)))?;
    scope.mark_used(pos);
    let digits: String = grid
        .text(pos)
        .chars()
        .skip_while(|c| c.is_whitespace())
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

fn read_indicators(scope: &mut Scope) -> Vec<Indicator> {
    let Some(head) = scope.find(&LEVEL1) else {
        return Vec::new();
    };
    let row = head.0;
    let cols = [
        (IndicatorPart::Level1.name(), Some(head.1)),
        (
            IndicatorPart::Level2.name(),
            scope.find_in_row(&LEVEL2, row).map(|p| p.1),
        ),
        (
            IndicatorPart::Name.name(),
            scope.find_in_row(&LEVEL3, row).map(|p| p.1),
        ),
        (
            IndicatorPart::Target.name(),
            scope.find_in_row(&TARGET, row).map(|p| p.1),
        ),
    ];
    table_rows(scope, field::INDICATORS, row, &cols, &[], &[])
        .into_iter()
        .map(TableRow::into_indicator)
        .collect()
}

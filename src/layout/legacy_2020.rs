//! 财政项目支出绩效目标表, the Shanghai 2020 form (DOMAIN §1d): `label：value` pairs (one or two
//! in a cell, or label and value in neighbouring cells), narrative sections as a label row and a
//! text row, the prior-year amounts, then the 一级目标 … 指标目标值 table.

use super::declaration as d;
use super::{Label, label, normalize_label};
use crate::model::field::{Legacy2020Amount, Legacy2020Text};

pub const TITLE: Label = Label {
    text: "财政项目支出绩效目标表",
    variants: &["项目支出绩效目标表"],
};
pub const COLUMNS: u16 = 4;
pub const APPLICANT: Label = d::APPLICANT;
pub const PROJECT_NAME: Label = label("项目名称");
pub const PROJECT_CATEGORY: Label = label("项目类别");
pub const PLANNED_START: Label = label("计划开始日期");
pub const PLANNED_END: Label = label("计划完成日期");
pub const GOVERNMENT_PURCHASE: Label = label("是否含有政府购买服务");
pub const PERFORMANCE_TYPE: Label = label("绩效类型");

/// Header fields: `(field, label)`, in form order.
pub const HEADER: &[(Legacy2020Text, Label)] = &[
    (Legacy2020Text::Applicant, APPLICANT),
    (Legacy2020Text::ProjectName, PROJECT_NAME),
    (Legacy2020Text::ProjectCategory, PROJECT_CATEGORY),
    (Legacy2020Text::PlannedStart, PLANNED_START),
    (Legacy2020Text::PlannedEnd, PLANNED_END),
    (Legacy2020Text::GovernmentPurchase, GOVERNMENT_PURCHASE),
    (Legacy2020Text::PerformanceType, PERFORMANCE_TYPE),
];

/// The header rows of the form: indexes into [`HEADER`], the pairs printed in one cell
/// (`项目名称：… 项目类别：…`), separated by [`PAIR_GAP`].
pub const HEADER_ROWS: &[&[usize]] = &[&[0], &[1, 2], &[3, 4], &[5, 6]];
/// What separates two pairs in one cell.
pub const PAIR_GAP: &str = "    ";

/// The six narrative sections: `(field, label)`; each label row is followed by its text.
pub const NARRATIVE: &[(Legacy2020Text, Label)] = &[
    (Legacy2020Text::Overview, d::OVERVIEW),
    (Legacy2020Text::Basis, d::BASIS),
    (Legacy2020Text::Necessity, d::NECESSITY),
    (Legacy2020Text::Measures, d::MEASURES),
    (Legacy2020Text::Plan, d::PLAN),
    (Legacy2020Text::Goals, label("总目标及阶段性目标")),
];

/// `本项目上年度市级财政资金使用情况`, the heading of the amounts.
pub const PRIOR_YEAR: Label = label("本项目上年度市级财政资金使用情况");
/// The four amounts: `(field, label)`; the unit is in the label (`项目总预算（元）`).
pub const AMOUNTS: &[(Legacy2020Amount, Label)] = &[
    (Legacy2020Amount::TotalBudget, label("项目总预算")),
    (Legacy2020Amount::CurrentBudget, label("项目当年预算")),
    (Legacy2020Amount::PriorBudget, label("同名项目上年预算额")),
    (
        Legacy2020Amount::PriorExecuted,
        label("同名项目上年预算执行数"),
    ),
];

/// The rows of the amounts: indexes into [`AMOUNTS`], two pairs a row.
pub const AMOUNT_ROWS: &[&[usize]] = &[&[0, 1], &[2, 3]];

/// `2020年绩效目标`, the heading of the indicator table.
pub const TARGETS: Label = label("绩效目标");
pub const LEVEL1: Label = label("一级目标");
pub const LEVEL2: Label = label("二级目标");
pub const LEVEL3: Label = label("三级目标");
pub const TARGET: Label = Label {
    text: "指标目标值",
    variants: &["目标值", "指标值"],
};

/// Whether `text` is the table heading, `2020年绩效目标` (any year) or `绩效目标`.
pub fn is_targets_heading(text: &str) -> bool {
    let t = normalize_label(text);
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = if rest.len() < t.len() {
        rest.strip_prefix('年').unwrap_or(rest)
    } else {
        rest
    };
    TARGETS.matches(rest)
}

/// Column widths of the form, in Excel character units.
pub const COLUMN_WIDTHS: [f64; 4] = [16.0, 16.0, 32.0, 40.0];

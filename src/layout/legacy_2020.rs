//! 财政项目支出绩效目标表, the Shanghai 2020 form (DOMAIN §1d): `label：value` pairs (one or two
//! in a cell, or label and value in neighbouring cells), narrative sections as a label row and a
//! text row, the prior-year amounts, then the 一级目标 … 指标目标值 table.

use super::{Label, label, normalize_label};

pub const TITLE: Label = Label {
    text: "财政项目支出绩效目标表",
    variants: &["项目支出绩效目标表"],
};
pub const COLUMNS: u16 = 4;
pub const APPLICANT: Label = Label {
    text: "申报单位名称",
    variants: &["申报单位"],
};
pub const PROJECT_NAME: Label = label("项目名称");
pub const PROJECT_CATEGORY: Label = label("项目类别");
pub const PLANNED_START: Label = label("计划开始日期");
pub const PLANNED_END: Label = label("计划完成日期");
pub const GOVERNMENT_PURCHASE: Label = label("是否含有政府购买服务");
pub const PERFORMANCE_TYPE: Label = label("绩效类型");

/// Header fields: `(path, label)`, in form order.
pub const HEADER: &[(&str, Label)] = &[
    ("applicant", APPLICANT),
    ("project_name", PROJECT_NAME),
    ("project_category", PROJECT_CATEGORY),
    ("planned_start", PLANNED_START),
    ("planned_end", PLANNED_END),
    ("government_purchase", GOVERNMENT_PURCHASE),
    ("performance_type", PERFORMANCE_TYPE),
];

/// The header rows of the form: indexes into [`HEADER`], the pairs printed in one cell
/// (`项目名称：… 项目类别：…`), separated by [`PAIR_GAP`].
pub const HEADER_ROWS: &[&[usize]] = &[&[0], &[1, 2], &[3, 4], &[5, 6]];
/// What separates two pairs in one cell.
pub const PAIR_GAP: &str = "    ";

/// The six narrative sections: `(path, label)`; each label row is followed by its text.
pub const NARRATIVE: &[(&str, Label)] = &[
    ("overview", label("项目概况")),
    ("basis", label("立项依据")),
    ("necessity", label("项目设立的必要性")),
    (
        "measures",
        Label {
            text: "保证项目实施的制度、措施",
            variants: &["保证项目实施的制度,措施", "保证项目实施的制度和措施"],
        },
    ),
    ("plan", label("项目实施计划")),
    ("goals", label("总目标及阶段性目标")),
];

/// `本项目上年度市级财政资金使用情况`, the heading of the amounts.
pub const PRIOR_YEAR: Label = label("本项目上年度市级财政资金使用情况");
/// The four amounts: `(path, label)`; the unit is in the label (`项目总预算（元）`).
pub const AMOUNTS: &[(&str, Label)] = &[
    ("total_budget", label("项目总预算")),
    ("current_budget", label("项目当年预算")),
    ("prior_budget", label("同名项目上年预算额")),
    ("prior_executed", label("同名项目上年预算执行数")),
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

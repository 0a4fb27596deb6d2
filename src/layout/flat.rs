//! The flat tables (`convert --to csv`, `--to xlsx-flat`): file or sheet names and columns, in
//! order. Readers of flat tables use the same lists.

pub const DECLARATIONS: &str = "declarations";
pub const SELF_EVALUATIONS: &str = "self_evaluations";
pub const INDICATORS: &str = "indicators";
pub const LEGACY_2020: &str = "legacy_2020";

/// The file names of the flat tables, as `convert --to csv` writes them.
pub const TABLE_FILES: [&str; 4] = [
    "declarations.csv",
    "self_evaluations.csv",
    "indicators.csv",
    "legacy_2020.csv",
];

/// The text in 项目性质 that says the form has no such field.
pub const NO_NATURE: &str = "-";

pub const DECLARATION_COLUMNS: &[&str] = &[
    "来源文件",
    "工作表",
    "年度",
    "项目名称",
    "项目性质",
    "项目类别",
    "主管部门",
    "实施单位",
    "计划开始日期",
    "计划完成日期",
    "项目资金总额",
    "财政资金",
    "其他资金",
    "年度资金申请总额",
    "当年财政拨款",
    "上年结转资金",
    "年度其他资金",
    "项目总目标",
    "年度总体目标",
];
pub const LEGACY_2020_COLUMNS: &[&str] = &[
    "来源文件",
    "工作表",
    "年度",
    "申报单位名称",
    "项目名称",
    "项目类别",
    "计划开始日期",
    "计划完成日期",
    "是否含有政府购买服务",
    "绩效类型",
    "项目概况",
    "立项依据",
    "项目设立的必要性",
    "保证项目实施的制度、措施",
    "项目实施计划",
    "总目标及阶段性目标",
    "项目总预算",
    "项目当年预算",
    "同名项目上年预算额",
    "同名项目上年预算执行数",
];
/// Row names of the 自评表 funds grid, in [`crate::model::SelfEvaluationFunds::rows`] order.
pub const FUND_ROWS: [&str; 4] = ["年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"];
/// Column names, in [`crate::model::FundsRow::columns`] order.
pub const FUND_COLUMNS: [&str; 6] = [
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
];
pub const SELF_EVALUATION_LEAD: &[&str] = &[
    "来源文件",
    "工作表",
    "年度",
    "项目名称",
    "主管部门",
    "实施单位",
    "资金单位",
];
pub const SELF_EVALUATION_TAIL: &[&str] = &["预期目标", "实际完成情况", "总分", "评分等级"];
pub const INDICATOR_COLUMNS: &[&str] = &[
    "来源文件",
    "工作表",
    "表种",
    "项目名称",
    "序号",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
];

/// How a CSV cell keeps its text through Excel, WPS and LibreOffice: a value starting with
/// `=`, `+`, `-` or `@` would be taken for a formula or a number (`=100.00(%)` becomes
/// `Err:509`, `+5` becomes `5`), so the CSV writer puts an apostrophe `'` before it — and
/// before a value that starts with an apostrophe itself, so that the mark is reversible.
/// Office programs keep `'=100.00(%)` as text (LibreOffice and Excel show the apostrophe;
/// either way the cell reads back exactly), and [`unprotect`] takes the mark off.
/// A lone `-` or `+` (a dash for "none") stays as it is: no office program changes it.
pub fn protect(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\'']) && !matches!(text, "-" | "+") {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// The text of a CSV cell that [`protect`] may have marked: one leading apostrophe before
/// `=`, `+`, `-`, `@` or `'` is taken off; any other text is kept as it is.
pub fn unprotect(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\'']) => rest,
        _ => text,
    }
}

/// Whether a cell's text is an error value a spreadsheet wrote in place of a formula's
/// result (`#VALUE!`, `#DIV/0!`, LibreOffice's `Err:509`): a value that was lost.
pub fn is_error_value(text: &str) -> bool {
    const EXCEL: &[&str] = &[
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#GETTING_DATA",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#NAME!",
    ];
    let t = text.trim();
    EXCEL.iter().any(|e| t.eq_ignore_ascii_case(e))
        || t.strip_prefix("Err:")
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Whether the first line of a text table holds a column name of any flat table (how the
/// encoding of a CSV file is told when it is not UTF-8).
pub fn is_header_line(line: &str) -> bool {
    [DECLARATION_COLUMNS, INDICATOR_COLUMNS, SELF_EVALUATION_LEAD]
        .iter()
        .flat_map(|c| c.iter())
        .any(|c| line.contains(c))
}

/// The model's field names of the indicator columns from 一级指标 on
/// (`INDICATOR_COLUMNS[5..]`, and [`super::self_eval::TABLE_COLUMNS`] in the same order).
pub const INDICATOR_FIELDS: [&str; 8] = [
    "level1",
    "level2",
    "name",
    "target",
    "actual",
    "weight",
    "score",
    "deviation_reason",
];

/// The printed label of an indicator field (`target` → `指标值`).
pub fn indicator_label(field: &str) -> Option<&'static str> {
    let i = INDICATOR_FIELDS.iter().position(|f| *f == field)?;
    INDICATOR_COLUMNS
        .get(INDICATOR_COLUMNS.len() - INDICATOR_FIELDS.len() + i)
        .copied()
}

/// All columns of `self_evaluations`: the lead, `R.C` for each funds cell, the tail.
pub fn self_evaluation_columns() -> Vec<String> {
    let grid = FUND_ROWS
        .iter()
        .flat_map(|r| FUND_COLUMNS.iter().map(move |c| format!("{r}.{c}")));
    SELF_EVALUATION_LEAD
        .iter()
        .map(|s| s.to_string())
        .chain(grid)
        .chain(SELF_EVALUATION_TAIL.iter().map(|s| s.to_string()))
        .collect()
}

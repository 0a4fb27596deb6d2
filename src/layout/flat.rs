//! The flat tables (`convert --to csv`, `--to xlsx-flat`): file or sheet names and columns, in
//! order. One [`Column`] list per form table drives the writer (rows, number columns,
//! drop-downs) and the reader alike.

use crate::model::field::{self, DeclarationText, IndicatorPart, SelfEvaluationFigure};
use crate::model::{Declaration, Figure, Legacy2020, MoneyUnit, SelfEvaluation};
use rust_decimal::Decimal;

/// The table of 申报表, one row per form.
pub const DECLARATIONS: &str = "declarations";
/// The table of 自评表, one row per form.
pub const SELF_EVALUATIONS: &str = "self_evaluations";
/// The table of indicators, one row per indicator of any form.
pub const INDICATORS: &str = crate::model::field::INDICATORS;
/// The table of 2020 目标表, one row per form.
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

/// The tables that hold one row per form, in [`crate::model::Form::KIND_LABELS`] order: any of
/// them makes a directory or workbook flat.
pub const FORM_TABLES: [&str; 3] = [DECLARATIONS, SELF_EVALUATIONS, LEGACY_2020];

/// 来源文件: the file a form was read from.
pub const SOURCE_FILE: &str = "来源文件";
/// 工作表: the sheet a form was read from.
pub const SOURCE_SHEET: &str = "工作表";
/// 年度
pub const YEAR: &str = "年度";
/// 项目名称: with 来源文件, 工作表 and 表种 it joins an indicator to its form.
pub const PROJECT_NAME: &str = "项目名称";
/// 表种: 申报表, 自评表 or 目标表 ([`crate::model::Form::kind_label`]).
pub const KIND: &str = "表种";
/// 序号: an indicator's place in its form.
pub const ORDER: &str = "序号";
/// 一级指标
pub const LEVEL1: &str = "一级指标";
/// 二级指标
pub const LEVEL2: &str = "二级指标";
/// 三级指标
pub const NAME: &str = "三级指标";
/// 指标值
pub const TARGET: &str = "指标值";
/// 实际完成值 (自评表)
pub const ACTUAL: &str = "实际完成值";
/// 偏差原因分析及改进措施 (自评表)
pub const DEVIATION: &str = "偏差原因分析及改进措施";
/// 分值
pub const WEIGHT: &str = "分值";
/// 得分
pub const SCORE: &str = "得分";

/// How a flat-table column reads from and writes into a form of type `F`, by kind of value.
#[derive(Clone, Copy)]
pub enum Access<F> {
    /// Text as in the cell, trimmed at the ends.
    Text(fn(&F) -> &str, fn(&mut F, String)),
    /// A year (`2026`), a number in the flat workbook.
    Year(fn(&F) -> Option<i32>, fn(&mut F, Option<i32>)),
    /// An amount: a decimal, blank when `None` (no dash).
    Amount(fn(&F) -> Option<Decimal>, fn(&mut F, Option<Decimal>)),
    /// A figure: a decimal, `-` or blank.
    Figure(fn(&F) -> &Figure, fn(&mut F, Figure)),
    /// The unit of the form's amounts: `元` or `万元`.
    Unit(fn(&F) -> MoneyUnit, fn(&mut F, MoneyUnit)),
}

/// One column of a flat table: its name (the header), how its value is read from and written
/// into a form, and the values its drop-down list offers in the flat workbook.
#[derive(Clone, Copy)]
pub struct Column<F> {
    /// The header: the column's name in CSV files and sheets.
    pub name: &'static str,
    /// The model field the column fills, as in [`crate::model::Source::cells`]
    /// (`funds.annual_total`); `None` for 来源文件, 工作表 and 资金单位, which say where and how.
    pub path: Option<&'static str>,
    /// How the value is read from and written into the form.
    pub access: Access<F>,
    /// Drop-down values, and whether the list refuses any other value.
    pub choices: Option<(&'static [&'static str], bool)>,
}

impl<F> Column<F> {
    /// Whether the flat workbook writes the column as numbers (years, amounts, figures).
    pub fn is_number(&self) -> bool {
        matches!(
            self.access,
            Access::Year(..) | Access::Amount(..) | Access::Figure(..)
        )
    }

    /// The column's cell text for `form`: amounts as plain decimals, `-` stays `-`, blank
    /// stays blank.
    pub fn text(&self, form: &F) -> String {
        match self.access {
            Access::Text(get, _) => get(form).to_string(),
            Access::Year(get, _) => get(form).map(|y| y.to_string()).unwrap_or_default(),
            Access::Amount(get, _) => get(form).map(|d| d.to_string()).unwrap_or_default(),
            Access::Figure(get, _) => get(form).to_string(),
            Access::Unit(get, _) => get(form).label().to_string(),
        }
    }
}

/// A column reading and writing a text field of the form, or of a part of it.
macro_rules! text {
    ($name:expr, $($field:ident).+) => {
        Column {
            name: $name,
            path: Some(stringify!($($field).+)),
            access: Access::Text(|f| &f.$($field).+, |f, v| f.$($field).+ = v),
            choices: None,
        }
    };
}

/// A column reading and writing an amount of the form.
macro_rules! amount {
    ($name:expr, $($field:ident).+) => {
        Column {
            name: $name,
            path: Some(stringify!($($field).+)),
            access: Access::Amount(|f| f.$($field).+, |f, v| f.$($field).+ = v),
            choices: None,
        }
    };
}

/// 来源文件, 工作表 and 年度, the first columns of every form table.
macro_rules! lead {
    () => {
        [
            Column {
                name: SOURCE_FILE,
                path: None,
                access: Access::Text(
                    |f| f.source.as_ref().map_or("", |s| s.file.as_str()),
                    |f, v| {
                        if !v.is_empty() {
                            f.source.get_or_insert_default().file = v;
                        }
                    },
                ),
                choices: None,
            },
            Column {
                name: SOURCE_SHEET,
                path: None,
                access: Access::Text(
                    |f| f.source.as_ref().map_or("", |s| s.sheet.as_str()),
                    |f, v| {
                        if !v.is_empty() {
                            f.source.get_or_insert_default().sheet = v;
                        }
                    },
                ),
                choices: None,
            },
            Column {
                name: YEAR,
                path: Some(field::YEAR),
                access: Access::Year(|f| f.year, |f, v| f.year = v),
                choices: None,
            },
        ]
    };
}

/// 项目性质 on a form that has none prints [`NO_NATURE`].
const NATURE: Column<Declaration> = Column {
    name: "项目性质",
    path: Some(DeclarationText::ProjectNature.path()),
    access: Access::Text(
        |f| f.project_nature.as_deref().unwrap_or(NO_NATURE),
        |f, v| f.project_nature = (v != NO_NATURE).then_some(v),
    ),
    choices: Some((
        &[
            "经常性专项业务费",
            "其他经常性项目",
            "其他一次性项目",
            "一次性项目",
            "阶段性项目",
            NO_NATURE,
        ],
        false,
    )),
};

/// 项目类别, with the four categories of the Shanghai forms offered (others stay possible).
const CATEGORY: Column<Declaration> = Column {
    choices: Some((&["人员类", "公用经费", "其他运转类", "特定目标类"], false)),
    ..text!("项目类别", project_category)
};

/// The `declarations` table; amounts in 元.
pub const DECLARATION_COLUMNS: &[Column<Declaration>] = &{
    let [file, sheet, year]: [Column<Declaration>; 3] = lead!();
    [
        file,
        sheet,
        year,
        text!(PROJECT_NAME, project_name),
        NATURE,
        CATEGORY,
        text!("主管部门", department),
        text!("实施单位", implementing_unit),
        text!("计划开始日期", planned_start),
        text!("计划完成日期", planned_end),
        amount!("项目资金总额", funds.project_total),
        amount!("财政资金", funds.project_fiscal),
        amount!("其他资金", funds.project_other),
        amount!("年度资金申请总额", funds.annual_total),
        amount!("当年财政拨款", funds.annual_fiscal),
        amount!("上年结转资金", funds.annual_carryover),
        amount!("年度其他资金", funds.annual_other),
        text!("项目总目标", overall_goal),
        text!("年度总体目标", annual_goal),
        text!("申报单位名称", applicant),
        text!("项目概况", overview),
        text!("立项依据", basis),
        text!("项目设立的必要性", necessity),
        text!("保证项目实施的制度、措施", measures),
        text!("项目实施计划", plan),
    ]
};

/// The `legacy_2020` table; amounts in 元.
pub const LEGACY_2020_COLUMNS: &[Column<Legacy2020>] = &{
    let [file, sheet, year]: [Column<Legacy2020>; 3] = lead!();
    [
        file,
        sheet,
        year,
        text!("申报单位名称", applicant),
        text!(PROJECT_NAME, project_name),
        text!("项目类别", project_category),
        text!("计划开始日期", planned_start),
        text!("计划完成日期", planned_end),
        text!("是否含有政府购买服务", government_purchase),
        text!("绩效类型", performance_type),
        text!("项目概况", overview),
        text!("立项依据", basis),
        text!("项目设立的必要性", necessity),
        text!("保证项目实施的制度、措施", measures),
        text!("项目实施计划", plan),
        text!("总目标及阶段性目标", goals),
        amount!("项目总预算", total_budget),
        amount!("项目当年预算", current_budget),
        amount!("同名项目上年预算额", prior_budget),
        amount!("同名项目上年预算执行数", prior_executed),
    ]
};

/// The `self_evaluations` columns before the funds grid.
pub const SELF_EVALUATION_LEAD: &[Column<SelfEvaluation>] = &{
    let [file, sheet, year]: [Column<SelfEvaluation>; 3] = lead!();
    [
        file,
        sheet,
        year,
        text!(PROJECT_NAME, project_name),
        text!("主管部门", department),
        text!("实施单位", implementing_unit),
        Column {
            name: "资金单位",
            path: None,
            access: Access::Unit(|f| f.funds.unit, |f, v| f.funds.unit = v),
            choices: Some((&["元", "万元"], true)),
        },
    ]
};

/// The `self_evaluations` columns after the funds grid.
pub const SELF_EVALUATION_TAIL: &[Column<SelfEvaluation>] = &[
    text!("预期目标", expected_goal),
    text!("实际完成情况", actual_result),
    Column {
        name: "总分",
        path: Some(SelfEvaluationFigure::TotalScore.path()),
        access: Access::Figure(|f| &f.total_score, |f, v| f.total_score = v),
        choices: None,
    },
    text!("评分等级", grade),
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
/// The `indicators` table: the join keys (来源文件, 工作表, 表种, 项目名称), 序号, then the
/// indicator's own columns.
pub const INDICATOR_COLUMNS: &[&str] = &[
    SOURCE_FILE,
    SOURCE_SHEET,
    KIND,
    PROJECT_NAME,
    ORDER,
    LEVEL1,
    LEVEL2,
    NAME,
    TARGET,
    ACTUAL,
    WEIGHT,
    SCORE,
    DEVIATION,
];
/// Columns of the `indicators` table written as numbers.
pub const INDICATOR_NUMBERS: [&str; 3] = [ORDER, WEIGHT, SCORE];

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
    DECLARATION_COLUMNS
        .iter()
        .map(|c| c.name)
        .chain(SELF_EVALUATION_LEAD.iter().map(|c| c.name))
        .chain(INDICATOR_COLUMNS.iter().copied())
        .any(|c| line.contains(c))
}

/// The model's field names of the indicator columns from 一级指标 on
/// (`INDICATOR_COLUMNS[5..]`, and the 自评表 layout's `TABLE_COLUMNS` in the same order).
pub const INDICATOR_FIELDS: [IndicatorPart; 8] = IndicatorPart::ALL;

/// The printed label of an indicator field (`target` → `指标值`).
pub fn indicator_label(field: &str) -> Option<&'static str> {
    let i = INDICATOR_FIELDS.iter().position(|f| f.name() == field)?;
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
        .map(|c| c.name.to_string())
        .chain(grid)
        .chain(SELF_EVALUATION_TAIL.iter().map(|c| c.name.to_string()))
        .collect()
}

/// The model field a form table's column fills ([`Column::path`]), by the column's name.
pub fn form_column_path(column: &str) -> Option<Option<&'static str>> {
    fn find<F>(columns: &[Column<F>], column: &str) -> Option<Option<&'static str>> {
        Some(columns.iter().find(|c| c.name == column)?.path)
    }
    find(DECLARATION_COLUMNS, column)
        .or_else(|| find(SELF_EVALUATION_LEAD, column))
        .or_else(|| find(SELF_EVALUATION_TAIL, column))
        .or_else(|| find(LEGACY_2020_COLUMNS, column))
}

/// Whether a column of a flat table is written as numbers: years, amounts and figures of the
/// form tables, the `R.C` cells of the 自评表 funds grid, 序号, 分值 and 得分 of `indicators`.
pub fn is_number(table: &str, column: &str) -> bool {
    fn find<F>(columns: &[Column<F>], column: &str) -> bool {
        columns.iter().any(|c| c.name == column && c.is_number())
    }
    match table {
        DECLARATIONS => find(DECLARATION_COLUMNS, column),
        LEGACY_2020 => find(LEGACY_2020_COLUMNS, column),
        SELF_EVALUATIONS => {
            column.contains('.')
                || find(SELF_EVALUATION_LEAD, column)
                || find(SELF_EVALUATION_TAIL, column)
        }
        _ => INDICATOR_NUMBERS.contains(&column),
    }
}

/// The drop-down list of a column of a form table, and whether it refuses other values.
pub fn choices(table: &str, column: &str) -> Option<(&'static [&'static str], bool)> {
    fn find<F>(columns: &[Column<F>], column: &str) -> Option<(&'static [&'static str], bool)> {
        columns.iter().find(|c| c.name == column)?.choices
    }
    match table {
        DECLARATIONS => find(DECLARATION_COLUMNS, column),
        LEGACY_2020 => find(LEGACY_2020_COLUMNS, column),
        SELF_EVALUATIONS => find(SELF_EVALUATION_LEAD, column),
        _ => None,
    }
}

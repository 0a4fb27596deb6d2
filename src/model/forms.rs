//! The three form kinds and their money blocks.

use super::{EvaluatedIndicator, Figure, Indicator, MoneyUnit, Source};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// 财政项目支出绩效目标申报表 — declaration of performance targets (DOMAIN §1c).
///
/// Text fields hold the cell text trimmed at the ends; an empty string is a blank cell.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Declaration {
    /// Where the form was read from; `None` for a form made in code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// From the `（2026年度）` caption.
    pub year: Option<i32>,
    /// 项目名称
    pub project_name: String,
    /// 项目性质; `None` when the form has no such field (the 宝山 layout).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_nature: Option<String>,
    /// 项目类别
    #[serde(default)]
    pub project_category: String,
    /// 主管部门
    #[serde(default)]
    pub department: String,
    /// 实施单位
    #[serde(default)]
    pub implementing_unit: String,
    /// 计划开始日期, `YYYY-MM-DD` when it was a date, else the text as printed.
    #[serde(default)]
    pub planned_start: String,
    /// 计划完成日期
    #[serde(default)]
    pub planned_end: String,
    /// 项目资金
    #[serde(default)]
    pub funds: DeclarationFunds,
    /// 项目总目标 (项目总体目标)
    #[serde(default)]
    pub overall_goal: String,
    /// 年度总体目标 (年度总目标)
    #[serde(default)]
    pub annual_goal: String,
    /// 申报单位名称, printed above 项目名称 by the district forms; empty when the form has none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub applicant: String,
    /// The district form's narrative blocks, each a label row beside its text (the 2020 目标表
    /// prints the same ones): 项目概况.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub overview: String,
    /// 立项依据
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
    /// 项目设立的必要性
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub necessity: String,
    /// 保证项目实施的制度、措施
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measures: String,
    /// 项目实施计划
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan: String,
    /// 绩效指标, in form order.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// 备注 — what the input said that this form has no field for (the
    /// prior-year amounts of a converted 2020 目标表, the signatures of the 88号 form): carried
    /// along, never dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The 中期 side of the national 88号 申报表 (DOMAIN §1a); `None` for the Shanghai forms.
    /// The rest of the form is its 年度 side: 年度资金总额 → `funds.annual_*`, 年度目标 →
    /// `annual_goal`, the 年度 indicator columns → `indicators`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium_term: Option<MediumTerm>,
}

impl Declaration {
    /// Whether the form is the national 88号 layout, which has no 项目类别 and no
    /// 计划开始/完成日期 fields (its 项目期 stands for both).
    pub fn is_national(&self) -> bool {
        self.medium_term.is_some()
    }
}

/// 中期 — the medium-term side of the national 88号 申报表 (DOMAIN §1a), printed left of the
/// 年度 side: its funds, goal and indicators, and the 项目期 they span.
///
/// Kept whole so that JSON round-trips the form. The `declaration-88` layout prints it in its
/// own cells; the official Shanghai 申报表 has no place for it, so there the xlsx writer prints
/// it under 备注, where the reader finds every value of it again.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct MediumTerm {
    /// 项目期, as printed (`3年`).
    #[serde(default)]
    pub period: String,
    /// The years in the 中期目标 label: `2024年—2026年` of `中期目标(2024年—2026年)`.
    #[serde(default)]
    pub years: String,
    /// 中期资金总额, in the unit of the form's `funds`.
    pub total: Option<Decimal>,
    /// 其中：财政拨款 (中期 side)
    pub fiscal: Option<Decimal>,
    /// 其他资金 (中期 side)
    pub other: Option<Decimal>,
    /// 中期目标
    #[serde(default)]
    pub goal: String,
    /// 中期 二级 / 三级 / 指标值, each with the 一级 the two sides share.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// 备注 — one labelled text a form carries beside its fields, e.g. `项目概况` and its paragraph,
/// or `同名项目上年预算额（元）` and `760000`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Note {
    /// The label as the input printed it.
    pub label: String,
    /// The text beside the label, as printed (paragraphs keep their line breaks).
    pub text: String,
}

/// 项目资金 of a 申报表: the whole-project side (left) and the annual side (right).
/// Amounts are in `unit` (元 in the Shanghai forms), `None` where the cell is blank.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct DeclarationFunds {
    /// The unit every amount of the block is in, from the block's `（元）`/`（万元）` label (DOMAIN §5).
    pub unit: MoneyUnit,
    /// 项目资金总额
    pub project_total: Option<Decimal>,
    /// 其中：财政资金
    pub project_fiscal: Option<Decimal>,
    /// 其他资金 (项目资金总额 side)
    pub project_other: Option<Decimal>,
    /// 年度资金申请总额
    pub annual_total: Option<Decimal>,
    /// 其中：当年财政拨款
    pub annual_fiscal: Option<Decimal>,
    /// 上年结转资金
    pub annual_carryover: Option<Decimal>,
    /// 其他资金 (年度 side)
    pub annual_other: Option<Decimal>,
}

/// 财政项目支出绩效自评表 — self-evaluation with scores and a grade (DOMAIN §1e).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct SelfEvaluation {
    /// Where the form was read from; `None` for a form made in code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The evaluated year, from the title's `（2023年度）`.
    pub year: Option<i32>,
    /// 项目名称
    pub project_name: String,
    /// 主管部门
    #[serde(default)]
    pub department: String,
    /// 实施单位
    #[serde(default)]
    pub implementing_unit: String,
    /// 项目资金: the 4×6 grid.
    #[serde(default)]
    pub funds: SelfEvaluationFunds,
    /// 预期目标
    #[serde(default)]
    pub expected_goal: String,
    /// 实际完成情况
    #[serde(default)]
    pub actual_result: String,
    /// 绩效指标 with their 分值, 实际完成值, 得分 and 偏差原因, in form order.
    #[serde(default)]
    pub indicators: Vec<EvaluatedIndicator>,
    /// 总分 row, 分值 column (100).
    #[serde(default)]
    pub total_weight: Figure,
    /// 总分 row, 得分 column.
    #[serde(default)]
    pub total_score: Figure,
    /// 评分等级 (优 / 良 / 中 / 差).
    #[serde(default)]
    pub grade: String,
    /// 备注 — what the form prints that has no field: the 四川 form's 评价结论 / 存在问题 /
    /// 改进措施, signature lines, notes under the table (`注：…`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// 项目资金 of a 自评表, in `unit` (万元 in the 市级 form, 元 in some district ones).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct SelfEvaluationFunds {
    /// The unit of the 年初预算数, 全年预算数 and 全年执行数 columns (DOMAIN §5).
    pub unit: MoneyUnit,
    /// 年度资金总额
    pub total: FundsRow,
    /// 其中：当年财政拨款
    pub fiscal: FundsRow,
    /// 上年结转资金
    pub carryover: FundsRow,
    /// 其他资金
    pub other: FundsRow,
    /// Rows the official grid does not have (四川: `财政专户管理资金`, `单位资金`), with their
    /// printed heads.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_rows: Vec<ExtraFundsRow>,
}

/// A row of the 自评表 funds grid that the official form does not print.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct ExtraFundsRow {
    /// The row head as printed.
    pub label: String,
    /// The row's figures, in the six columns of the official rows.
    pub row: FundsRow,
}

impl SelfEvaluationFunds {
    /// 年度资金总额's row.
    pub const TOTAL: &'static str = "total";
    /// The rows' field names, in form order (`funds.<row>.<column>` paths use them).
    pub const ROWS: [&'static str; 4] = [Self::TOTAL, "fiscal", "carryover", "other"];

    /// The path of the figure in `column` of `row` (a name of [`Self::ROWS`], or
    /// `extra_rows[i]`): `funds.total.score`.
    pub fn path(row: &str, column: &str) -> String {
        format!("funds.{row}.{column}")
    }

    /// The four official rows with their names from [`Self::ROWS`], in form order.
    pub fn rows(&self) -> [(&'static str, &FundsRow); 4] {
        let [a, b, c, d] = Self::ROWS;
        [
            (a, &self.total),
            (b, &self.fiscal),
            (c, &self.carryover),
            (d, &self.other),
        ]
    }

    /// [`Self::rows`], mutable: what a reader fills and the scorer writes 得分 into.
    pub fn rows_mut(&mut self) -> [(&'static str, &mut FundsRow); 4] {
        let [a, b, c, d] = Self::ROWS;
        [
            (a, &mut self.total),
            (b, &mut self.fiscal),
            (c, &mut self.carryover),
            (d, &mut self.other),
        ]
    }
}

/// One row of the 自评表 funds grid.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct FundsRow {
    /// 年初预算数
    pub initial_budget: Figure,
    /// 全年预算数 (A)
    pub annual_budget: Figure,
    /// 全年执行数 (B)
    pub executed: Figure,
    /// 分值 (分数)
    pub weight: Figure,
    /// 执行率(%), as a percentage (89.35, not 0.8935)
    pub rate: Figure,
    /// 得分
    pub score: Figure,
}

impl FundsRow {
    /// 年初预算数
    pub const INITIAL_BUDGET: &'static str = "initial_budget";
    /// 全年预算数
    pub const ANNUAL_BUDGET: &'static str = "annual_budget";
    /// 全年执行数
    pub const EXECUTED: &'static str = "executed";
    /// 分值
    pub const WEIGHT: &'static str = "weight";
    /// 执行率
    pub const RATE: &'static str = "rate";
    /// 得分
    pub const SCORE: &'static str = "score";
    /// The columns' field names, in form order.
    pub const COLUMNS: [&'static str; 6] = [
        Self::INITIAL_BUDGET,
        Self::ANNUAL_BUDGET,
        Self::EXECUTED,
        Self::WEIGHT,
        Self::RATE,
        Self::SCORE,
    ];
    /// The money columns, which add up down the grid (the others are 分值, 执行率, 得分).
    pub const AMOUNTS: [&'static str; 3] =
        [Self::INITIAL_BUDGET, Self::ANNUAL_BUDGET, Self::EXECUTED];

    /// The six figures with their names from [`Self::COLUMNS`], in form order.
    pub fn columns(&self) -> [(&'static str, Figure); 6] {
        let [a, b, c, d, e, f] = Self::COLUMNS;
        [
            (a, self.initial_budget),
            (b, self.annual_budget),
            (c, self.executed),
            (d, self.weight),
            (e, self.rate),
            (f, self.score),
        ]
    }

    /// [`Self::columns`], mutable: what a reader fills and the scorer writes 执行率 and 得分 into.
    pub fn columns_mut(&mut self) -> [(&'static str, &mut Figure); 6] {
        let [a, b, c, d, e, f] = Self::COLUMNS;
        [
            (a, &mut self.initial_budget),
            (b, &mut self.annual_budget),
            (c, &mut self.executed),
            (d, &mut self.weight),
            (e, &mut self.rate),
            (f, &mut self.score),
        ]
    }
}

/// 财政项目支出绩效目标表 — the Shanghai 2020 form (DOMAIN §1d).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Legacy2020 {
    /// Where the form was read from; `None` for a form made in code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The budget year, from the title's `（2020年度）`.
    pub year: Option<i32>,
    /// 申报单位名称
    #[serde(default)]
    pub applicant: String,
    /// 项目名称
    pub project_name: String,
    /// 项目类别 (holds what later forms call 项目性质)
    #[serde(default)]
    pub project_category: String,
    /// 计划开始日期, `YYYY-MM-DD` when it was a date, else the text as printed.
    #[serde(default)]
    pub planned_start: String,
    /// 计划完成日期, as [`Legacy2020::planned_start`].
    #[serde(default)]
    pub planned_end: String,
    /// 是否含有政府购买服务 (是/否)
    #[serde(default)]
    pub government_purchase: String,
    /// 绩效类型
    #[serde(default)]
    pub performance_type: String,
    /// 项目概况
    #[serde(default)]
    pub overview: String,
    /// 立项依据
    #[serde(default)]
    pub basis: String,
    /// 项目设立的必要性
    #[serde(default)]
    pub necessity: String,
    /// 保证项目实施的制度、措施
    #[serde(default)]
    pub measures: String,
    /// 项目实施计划
    #[serde(default)]
    pub plan: String,
    /// 总目标及阶段性目标
    #[serde(default)]
    pub goals: String,
    /// Amounts in `unit` (元, integers in the seed).
    #[serde(default)]
    pub unit: MoneyUnit,
    /// 项目总预算
    pub total_budget: Option<Decimal>,
    /// 项目当年预算
    pub current_budget: Option<Decimal>,
    /// 同名项目上年预算额
    pub prior_budget: Option<Decimal>,
    /// 同名项目上年预算执行数
    pub prior_executed: Option<Decimal>,
    /// 一级目标 / 二级目标 / 三级目标 / 指标目标值
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

//! Typed names of the forms' fields: one enum per form kind and value type, each variant with
//! its path (the name it has in JSON, in [`super::Source::cells`] and in `diff`), and the
//! getter and setter on the form. Layouts, readers, writers, the flat tables and `diff` name a
//! field by its variant; the path string is written here only.

use super::{Declaration, DeclarationFunds, Figure, Legacy2020, MediumTerm, SelfEvaluation};
use rust_decimal::Decimal;

/// A typed field name: one of the enums below.
pub trait FieldId: Copy + Eq + std::fmt::Debug + 'static {
    /// The field's path in the model (`funds.annual_total`).
    fn path(self) -> &'static str;
}

/// The paths that several forms share (each form's field of that name is its own variant).
mod shared {
    pub const PROJECT_NAME: &str = "project_name";
    pub const PROJECT_CATEGORY: &str = "project_category";
    pub const PLANNED_START: &str = "planned_start";
    pub const PLANNED_END: &str = "planned_end";
    pub const DEPARTMENT: &str = "department";
    pub const IMPLEMENTING_UNIT: &str = "implementing_unit";
    pub const APPLICANT: &str = "applicant";
    pub const OVERVIEW: &str = "overview";
    pub const BASIS: &str = "basis";
    pub const NECESSITY: &str = "necessity";
    pub const MEASURES: &str = "measures";
    pub const PLAN: &str = "plan";
}

/// Declares a field enum: its variants with their paths, `ALL`, [`FieldId::path`] and `from_path`; given
/// the form type, the value type and each variant's struct field, also `get` and `get_mut`.
macro_rules! fields {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $path:expr,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every field, in form order.
            pub const ALL: &[$name] = &[$($name::$variant,)*];

            /// The field's path in the model (`funds.annual_total`).
            pub const fn path(self) -> &'static str {
                match self {
                    $($name::$variant => $path,)*
                }
            }

            /// The field whose path is `path`.
            pub fn from_path(path: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|f| f.path() == path)
            }
        }

        impl FieldId for $name {
            fn path(self) -> &'static str {
                $name::path(self)
            }
        }
    };
    ($(#[$meta:meta])* $name:ident of $form:ty: $value:ty {
        $($(#[$vmeta:meta])* $variant:ident = $path:expr => $field:ident,)*
    }) => {
        fields! { $(#[$meta])* $name { $($(#[$vmeta])* $variant = $path,)* } }

        impl $name {
            /// The field's value in `form`.
            pub fn get(self, form: &$form) -> &$value {
                match self {
                    $($name::$variant => &form.$field,)*
                }
            }

            /// The field's value in `form`, to set.
            pub fn get_mut(self, form: &mut $form) -> &mut $value {
                match self {
                    $($name::$variant => &mut form.$field,)*
                }
            }
        }
    };
}

fields! {
    /// A text field of a 申报表.
    DeclarationText {
        /// 项目名称
        ProjectName = shared::PROJECT_NAME,
        /// 项目性质 (absent from the 宝山 layout)
        ProjectNature = "project_nature",
        /// 项目类别
        ProjectCategory = shared::PROJECT_CATEGORY,
        /// 主管部门
        Department = shared::DEPARTMENT,
        /// 实施单位
        ImplementingUnit = shared::IMPLEMENTING_UNIT,
        /// 计划开始日期
        PlannedStart = shared::PLANNED_START,
        /// 计划完成日期
        PlannedEnd = shared::PLANNED_END,
        /// 项目总目标
        OverallGoal = "overall_goal",
        /// 年度总体目标
        AnnualGoal = "annual_goal",
        /// 申报单位名称 (the district form)
        Applicant = shared::APPLICANT,
        /// 项目概况 (the district form's narrative blocks, as the 2020 目标表's)
        Overview = shared::OVERVIEW,
        /// 立项依据
        Basis = shared::BASIS,
        /// 项目设立的必要性
        Necessity = shared::NECESSITY,
        /// 保证项目实施的制度、措施
        Measures = shared::MEASURES,
        /// 项目实施计划
        Plan = shared::PLAN,
    }
}

fields! {
    /// An amount of the 申报表 funds block.
    DeclarationAmount of DeclarationFunds: Option<Decimal> {
        /// 项目资金总额
        ProjectTotal = "funds.project_total" => project_total,
        /// 其中：财政资金
        ProjectFiscal = "funds.project_fiscal" => project_fiscal,
        /// 其他资金 (项目 side)
        ProjectOther = "funds.project_other" => project_other,
        /// 年度资金申请总额
        AnnualTotal = "funds.annual_total" => annual_total,
        /// 其中：当年财政拨款
        AnnualFiscal = "funds.annual_fiscal" => annual_fiscal,
        /// 上年结转资金
        AnnualCarryover = "funds.annual_carryover" => annual_carryover,
        /// 其他资金 (年度 side)
        AnnualOther = "funds.annual_other" => annual_other,
    }
}

fields! {
    /// A text field of the 中期 side of the 88号 申报表 (DOMAIN §1a).
    MediumText of MediumTerm: String {
        /// 项目期
        Period = "medium_term.period" => period,
        /// 中期目标
        Goal = "medium_term.goal" => goal,
    }
}

fields! {
    /// An amount of the 中期 side of the 88号 申报表's funds block.
    MediumAmount of MediumTerm: Option<Decimal> {
        /// 中期资金总额
        Total = "medium_term.total" => total,
        /// 其中：财政拨款 (中期 side)
        Fiscal = "medium_term.fiscal" => fiscal,
        /// 其他资金 (中期 side)
        Other = "medium_term.other" => other,
    }
}

fields! {
    /// A text field of a 自评表.
    SelfEvaluationText of SelfEvaluation: String {
        /// 项目名称
        ProjectName = shared::PROJECT_NAME => project_name,
        /// 主管部门
        Department = shared::DEPARTMENT => department,
        /// 实施单位
        ImplementingUnit = shared::IMPLEMENTING_UNIT => implementing_unit,
        /// 预期目标
        ExpectedGoal = "expected_goal" => expected_goal,
        /// 实际完成情况
        ActualResult = "actual_result" => actual_result,
        /// 评分等级
        Grade = "grade" => grade,
    }
}

fields! {
    /// A text field of the 2020 目标表: the header pairs, then the six narrative sections.
    Legacy2020Text of Legacy2020: String {
        /// 申报单位名称
        Applicant = shared::APPLICANT => applicant,
        /// 项目名称
        ProjectName = shared::PROJECT_NAME => project_name,
        /// 项目类别
        ProjectCategory = shared::PROJECT_CATEGORY => project_category,
        /// 计划开始日期
        PlannedStart = shared::PLANNED_START => planned_start,
        /// 计划完成日期
        PlannedEnd = shared::PLANNED_END => planned_end,
        /// 是否含有政府购买服务
        GovernmentPurchase = "government_purchase" => government_purchase,
        /// 绩效类型
        PerformanceType = "performance_type" => performance_type,
        /// 项目概况
        Overview = shared::OVERVIEW => overview,
        /// 立项依据
        Basis = shared::BASIS => basis,
        /// 项目设立的必要性
        Necessity = shared::NECESSITY => necessity,
        /// 保证项目实施的制度、措施
        Measures = shared::MEASURES => measures,
        /// 项目实施计划
        Plan = shared::PLAN => plan,
        /// 总目标及阶段性目标
        Goals = "goals" => goals,
    }
}

fields! {
    /// An amount of the 2020 目标表.
    Legacy2020Amount of Legacy2020: Option<Decimal> {
        /// 项目总预算
        TotalBudget = "total_budget" => total_budget,
        /// 项目当年预算
        CurrentBudget = "current_budget" => current_budget,
        /// 同名项目上年预算额
        PriorBudget = "prior_budget" => prior_budget,
        /// 同名项目上年预算执行数
        PriorExecuted = "prior_executed" => prior_executed,
    }
}

fields! {
    /// A figure of the 自评表's 总分 row.
    SelfEvaluationFigure of SelfEvaluation: Figure {
        /// 总分's 分值 (100)
        TotalWeight = "total_weight" => total_weight,
        /// 总分's 得分
        TotalScore = "total_score" => total_score,
    }
}

/// A part of an indicator row, as its path names it: `indicators[2].target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndicatorPart {
    /// 一级指标
    Level1,
    /// 二级指标
    Level2,
    /// 三级指标
    Name,
    /// 指标值
    Target,
    /// 实际完成值 (自评表)
    Actual,
    /// 分值 (自评表)
    Weight,
    /// 得分 (自评表)
    Score,
    /// 偏差原因分析及改进措施 (自评表)
    DeviationReason,
}

impl IndicatorPart {
    /// Every part, in the order of the indicator table's columns (一级 … 偏差原因).
    pub const ALL: [IndicatorPart; 8] = [
        IndicatorPart::Level1,
        IndicatorPart::Level2,
        IndicatorPart::Name,
        IndicatorPart::Target,
        IndicatorPart::Actual,
        IndicatorPart::Weight,
        IndicatorPart::Score,
        IndicatorPart::DeviationReason,
    ];

    /// The part's name in the model (`target`).
    pub const fn name(self) -> &'static str {
        match self {
            IndicatorPart::Level1 => "level1",
            IndicatorPart::Level2 => "level2",
            IndicatorPart::Name => "name",
            IndicatorPart::Target => "target",
            IndicatorPart::Actual => "actual",
            IndicatorPart::Weight => "weight",
            IndicatorPart::Score => "score",
            IndicatorPart::DeviationReason => "deviation_reason",
        }
    }

    /// The path of this part of indicator `i`: `indicators[i].target`.
    pub fn of(self, i: usize) -> String {
        self.at(&indicator(i))
    }

    /// The path of this part of the indicator row at `row` (`medium_term.indicators[0]`).
    pub fn at(self, row: &str) -> String {
        format!("{row}.{}", self.name())
    }
}

/// The path of a form's year (`（2024年度）` under the title).
pub const YEAR: &str = "year";
/// The path of a form's indicator table (the 申报表's annual side).
pub const INDICATORS: &str = "indicators";
/// The path of the 88号 申报表's 中期 indicator table.
pub const MEDIUM_INDICATORS: &str = "medium_term.indicators";

/// The path of indicator row `i` as a whole: `indicators[i]`.
pub fn indicator(i: usize) -> String {
    format!("{INDICATORS}[{i}]")
}

/// A part of a 备注 line, as its path names it: `notes[0].text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotePart {
    /// What the line says it is (`项目概况`, `注`).
    Label,
    /// The note itself.
    Text,
}

impl NotePart {
    /// The path of this part of note `i`: `notes[i].text`.
    pub fn of(self, i: usize) -> String {
        match self {
            NotePart::Label => format!("notes[{i}].label"),
            NotePart::Text => format!("notes[{i}].text"),
        }
    }
}

impl DeclarationText {
    /// Whether the field holds a date (`YYYY-MM-DD` when the cell was one).
    pub fn is_date(self) -> bool {
        matches!(
            self,
            DeclarationText::PlannedStart | DeclarationText::PlannedEnd
        )
    }
}

impl Legacy2020Text {
    /// Whether the field holds a date (`YYYY-MM-DD` when the cell was one).
    pub fn is_date(self) -> bool {
        matches!(
            self,
            Legacy2020Text::PlannedStart | Legacy2020Text::PlannedEnd
        )
    }
}

impl Declaration {
    /// The text of `field`; `None` for 项目性质 on a form that has no such field.
    pub fn text(&self, field: DeclarationText) -> Option<&str> {
        use DeclarationText::*;
        Some(match field {
            ProjectName => &self.project_name,
            ProjectNature => return self.project_nature.as_deref(),
            ProjectCategory => &self.project_category,
            Department => &self.department,
            ImplementingUnit => &self.implementing_unit,
            PlannedStart => &self.planned_start,
            PlannedEnd => &self.planned_end,
            OverallGoal => &self.overall_goal,
            AnnualGoal => &self.annual_goal,
            Applicant => &self.applicant,
            Overview => &self.overview,
            Basis => &self.basis,
            Necessity => &self.necessity,
            Measures => &self.measures,
            Plan => &self.plan,
        })
    }

    /// Sets the text of `field` (for 项目性质: the form has one, holding `text`).
    pub fn set_text(&mut self, field: DeclarationText, text: String) {
        use DeclarationText::*;
        let slot = match field {
            ProjectName => &mut self.project_name,
            ProjectNature => {
                self.project_nature = Some(text);
                return;
            }
            ProjectCategory => &mut self.project_category,
            Department => &mut self.department,
            ImplementingUnit => &mut self.implementing_unit,
            PlannedStart => &mut self.planned_start,
            PlannedEnd => &mut self.planned_end,
            OverallGoal => &mut self.overall_goal,
            AnnualGoal => &mut self.annual_goal,
            Applicant => &mut self.applicant,
            Overview => &mut self.overview,
            Basis => &mut self.basis,
            Necessity => &mut self.necessity,
            Measures => &mut self.measures,
            Plan => &mut self.plan,
        };
        *slot = text;
    }
}

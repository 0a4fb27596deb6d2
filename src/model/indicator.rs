//! Indicator rows: 一级 / 二级 / 三级 and their values.

use super::{Figure, IndicatorValue};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// 三级指标 — one row of the indicator table of a 申报表 (or of a 2020 目标表).
///
/// `level1` and `level2` are repeated on every row (the forms print them vertically merged).
/// A row with an empty `name` is a skeleton row (an empty 二级 the form lists anyway).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Indicator {
    /// 一级指标 (一级目标 in the 2020 form).
    pub level1: String,
    /// 二级指标 (二级目标).
    pub level2: String,
    /// 三级指标 (三级目标).
    pub name: String,
    /// 指标值 / 年度（/项目）指标值 (指标目标值).
    pub target: IndicatorValue,
    /// The 一级/二级 the row had before it was mapped to another taxonomy (DOMAIN §3.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_level1: Option<String>,
    /// The 二级 the row had before it was mapped, beside [`Indicator::source_level1`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_level2: Option<String>,
    /// Why a person should look at this row again, e.g. its 一级/二级 had no true equivalent in
    /// the taxonomy it was mapped to (DOMAIN §3.4, 投入与管理).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<String>,
    /// The row's cells in columns the official form does not have (绩效标准, 指标性质, 度量单位).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraCell>,
}

/// A cell of an indicator row in a column the official form does not have (`绩效标准`,
/// `指标性质`, `度量单位`), kept with its row under the column's printed head.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct ExtraCell {
    /// The column head as printed.
    pub column: String,
    /// The cell's text, as printed.
    pub text: String,
}

impl EvaluatedIndicator {
    /// The 一级 cell as the form prints it: `产出指标(50分)` when the row carries a weight.
    pub fn level1_label(&self) -> String {
        match self.level1_weight {
            Some(w) => format!("{}({w}分)", self.level1),
            None => self.level1.clone(),
        }
    }
}

impl Indicator {
    /// A row from its printed 一级, 二级, 三级 and 指标值 text; the value is parsed as
    /// [`IndicatorValue::new`] does (DOMAIN §4).
    pub fn new(
        level1: impl Into<String>,
        level2: impl Into<String>,
        name: impl Into<String>,
        target: &str,
    ) -> Self {
        Indicator {
            level1: level1.into(),
            level2: level2.into(),
            name: name.into(),
            target: IndicatorValue::new(target),
            ..Indicator::default()
        }
    }
}

/// 三级指标 of a 自评表: the declared row plus what was achieved and how it scored.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct EvaluatedIndicator {
    /// 一级指标, without the weight the national form prints in the cell (`产出指标(50分)`).
    pub level1: String,
    /// The weight printed in the 一级 cell (`产出指标(50分)` → 50, DOMAIN §1b), on every row of
    /// that 一级 like `level1`; `None` when the cell prints none (the Shanghai forms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level1_weight: Option<Decimal>,
    /// 二级指标.
    pub level2: String,
    /// 三级指标.
    pub name: String,
    /// 年度指标值
    pub target: IndicatorValue,
    /// 实际完成值
    pub actual: IndicatorValue,
    /// 分值
    pub weight: Figure,
    /// 得分
    pub score: Figure,
    /// 偏差原因分析及改进措施
    #[serde(default)]
    pub deviation_reason: String,
    /// The 一级/二级 the row had before it was mapped to another taxonomy (DOMAIN §3.4), as on
    /// [`Indicator`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_level1: Option<String>,
    /// The 二级 before the mapping, as on [`Indicator`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_level2: Option<String>,
    /// Why a person should look at this row again (a mapping with no true equivalent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<String>,
    /// Cells in columns the official form does not have, as on [`Indicator`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraCell>,
}

//! The blank official forms as model values: what `templates/*.xlsx` are written from.
//!
//! A blank form is the empty frame an office fills in: no project, no amounts, but the standard
//! 一级/二级 skeleton of indicator rows (one row per 二级) and, on the 自评表, the fixed weights
//! (预算执行率 10, 总分 100) and the dashes of the funds sub-rows.

use crate::model::{Declaration, EvaluatedIndicator, Figure, Indicator, MoneyUnit, SelfEvaluation};
use rust_decimal::Decimal;

/// The 申报表 skeleton, current taxonomy (DOMAIN §3.2): (一级, 二级) per row.
const DECLARATION_SKELETON: [(&str, &str); 8] = [
    ("成本指标", "经济成本指标"),
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("效益指标", "经济效益指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "生态效益指标"),
    ("满意度指标", "服务对象满意度指标"),
];

/// The 自评表 skeleton, the old taxonomy the 2023 市级 form uses (DOMAIN §3.1).
const SELF_EVALUATION_SKELETON: [(&str, &str); 8] = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("效益指标", "经济效益指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
];

/// A blank 财政项目支出绩效目标申报表 for `year`, as the official form prints it.
///
/// Why: the writer rebuilds the official layout from the model, so the blank form is a model
/// value; `templates/declaration.xlsx` is this form written (year 2026). The 项目性质 field is
/// present but empty, amounts are blank and the indicator table lists the standard skeleton.
pub fn declaration(year: Option<i32>) -> Declaration {
    Declaration {
        year,
        project_nature: Some(String::new()),
        indicators: DECLARATION_SKELETON
            .iter()
            .map(|(level1, level2)| Indicator::new(*level1, *level2, "", ""))
            .collect(),
        ..Declaration::default()
    }
}

/// A blank 财政项目支出绩效自评表 for `year`, as the official form prints it.
///
/// Why: see [`declaration`]; `templates/self-evaluation.xlsx` is this form written
/// (year 2025). Amounts are in 万元; the 年度资金总额 row carries the weight `10.00`, its sub-rows
/// print `-` under 分值 and 得分, and 总分 carries `100`.
pub fn self_evaluation(year: Option<i32>) -> SelfEvaluation {
    let mut form = SelfEvaluation {
        year,
        indicators: SELF_EVALUATION_SKELETON
            .iter()
            .map(|(level1, level2)| EvaluatedIndicator {
                level1: level1.to_string(),
                level2: level2.to_string(),
                ..EvaluatedIndicator::default()
            })
            .collect(),
        total_weight: Figure::Number(Decimal::ONE_HUNDRED),
        ..SelfEvaluation::default()
    };
    form.funds.unit = MoneyUnit::WanYuan;
    form.funds.total.weight = Figure::Number(Decimal::new(1000, 2));
    for row in [
        &mut form.funds.fiscal,
        &mut form.funds.carryover,
        &mut form.funds.other,
    ] {
        row.weight = Figure::Dash;
        row.score = Figure::Dash;
    }
    form
}

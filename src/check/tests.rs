//! One test per rule: a clean form (seed 000 机关服务费, seed 001 合作交流工作业务费) with exactly
//! one thing broken, asserting the rule id and the cell of the finding.

use super::*;
use crate::model::{
    Declaration, DeclarationFunds, EvaluatedIndicator, Figure, FundsRow, Indicator, IndicatorValue,
    Legacy2020, MoneyUnit, SelfEvaluation, SelfEvaluationFunds,
};
use crate::score::{QualBands, QuantFormula, Rounding};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn fig(s: &str) -> Figure {
    match s {
        "" => Figure::Blank,
        "-" => Figure::Dash,
        _ => Figure::Number(d(s)),
    }
}

/// The cells of the official 8-column 申报表, as the reader records them.
fn declaration_source(rows: usize) -> Source {
    let mut cells: BTreeMap<String, String> = [
        ("project_name", "C3"),
        ("project_nature", "F3"),
        ("project_category", "H3"),
        ("department", "C4"),
        ("implementing_unit", "F4"),
        ("planned_start", "C5"),
        ("planned_end", "F5"),
        ("funds.project_total", "E6"),
        ("funds.project_fiscal", "E7"),
        ("funds.project_other", "E9"),
        ("funds.annual_total", "H6"),
        ("funds.annual_fiscal", "H7"),
        ("funds.annual_carryover", "H8"),
        ("funds.annual_other", "H9"),
        ("overall_goal", "B11"),
        ("annual_goal", "F11"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for i in 0..rows {
        let r = 13 + i;
        for (field, col) in [
            ("level1", "B"),
            ("level2", "C"),
            ("name", "D"),
            ("target", "G"),
        ] {
            cells.insert(format!("indicators[{i}].{field}"), format!("{col}{r}"));
        }
    }
    Source {
        file: "t.xlsx".into(),
        sheet: "机关服务费".into(),
        range: "A1:H20".into(),
        cells,
        ..Source::default()
    }
}

/// Seed 000 机关服务费, with the two oddities of the seed repaired, so that it is clean.
fn declaration() -> Declaration {
    let indicators = vec![
        Indicator::new(
            "成本指标",
            "经济成本指标",
            "车队服务成本控制额",
            "≤14.00(万元)",
        ),
        Indicator::new("产出指标", "数量指标", "车队服务提供率", "=100.00(%)"),
        Indicator::new("产出指标", "数量指标", "服务保障天数", "≥300.00(天)"),
        Indicator::new("产出指标", "质量指标", "安全出车率", "=100.00(%)"),
        Indicator::new("产出指标", "时效指标", "公务用车准点率", "=100.00(%)"),
        Indicator::new(
            "效益指标",
            "社会效益指标",
            "安全行车重大事故发生数",
            "=0.00(次)",
        ),
        Indicator::new(
            "满意度指标",
            "服务对象满意度指标",
            "工作人员满意度",
            "≥90.00(%)",
        ),
    ];
    Declaration {
        source: Some(declaration_source(indicators.len())),
        year: Some(2026),
        project_name: "机关服务费".into(),
        project_nature: Some("经常性专项业务费".into()),
        project_category: "其他运转类".into(),
        department: "上海市人民政府合作交流办公室".into(),
        implementing_unit: "上海市人民政府驻新疆办事处".into(),
        planned_start: "2026-01-01".into(),
        planned_end: "2026-12-31".into(),
        funds: DeclarationFunds {
            unit: MoneyUnit::Yuan,
            annual_total: Some(d("140000.00")),
            annual_fiscal: Some(d("140000.00")),
            annual_carryover: Some(d("0.00")),
            annual_other: Some(d("0.00")),
            ..DeclarationFunds::default()
        },
        overall_goal: String::new(),
        annual_goal: "通过设立机关服务费项目，保障了办事处日常公务活动……".into(),
        indicators,
        ..Declaration::default()
    }
}

/// The cells of the official 8-column 自评表 for `rows` indicators.
fn self_eval_source(rows: usize) -> Source {
    let mut cells = BTreeMap::new();
    for (r, key) in SelfEvaluationFunds::ROWS.iter().enumerate() {
        for (c, col) in FundsRow::COLUMNS.iter().enumerate() {
            let letter = (b'C' + c as u8) as char;
            cells.insert(format!("funds.{key}.{col}"), format!("{letter}{}", 6 + r));
        }
    }
    for (k, v) in [
        ("project_name", "B3"),
        ("department", "B4"),
        ("implementing_unit", "F4"),
        ("expected_goal", "B11"),
        ("actual_result", "F11"),
    ] {
        cells.insert(k.into(), v.into());
    }
    for i in 0..rows {
        let r = 13 + i;
        for (field, col) in [
            ("level1", "A"),
            ("level2", "B"),
            ("name", "C"),
            ("target", "D"),
            ("actual", "E"),
            ("weight", "F"),
            ("score", "G"),
            ("deviation_reason", "H"),
        ] {
            cells.insert(format!("indicators[{i}].{field}"), format!("{col}{r}"));
        }
    }
    let total = 13 + rows;
    cells.insert("total_weight".into(), format!("F{total}"));
    cells.insert("total_score".into(), format!("G{total}"));
    cells.insert("grade".into(), format!("F{}", total + 1));
    Source {
        file: "t.xlsx".into(),
        sheet: "合作交流工作业务费".into(),
        range: "A1:H24".into(),
        cells,
        ..Source::default()
    }
}

fn row(cols: [&str; 6]) -> FundsRow {
    FundsRow {
        initial_budget: fig(cols[0]),
        annual_budget: fig(cols[1]),
        executed: fig(cols[2]),
        weight: fig(cols[3]),
        rate: fig(cols[4]),
        score: fig(cols[5]),
    }
}

fn evaluated(
    level1: &str,
    level2: &str,
    name: &str,
    target: &str,
    actual: &str,
    weight: &str,
    score: &str,
) -> EvaluatedIndicator {
    EvaluatedIndicator {
        level1: level1.into(),
        level2: level2.into(),
        name: name.into(),
        target: IndicatorValue::new(target),
        actual: IndicatorValue::new(actual),
        weight: fig(weight),
        score: fig(score),
        deviation_reason: String::new(),
        ..EvaluatedIndicator::default()
    }
}

/// Seed 001 合作交流工作业务费: the 2023 市级 自评表 as printed (it is clean).
fn self_eval() -> SelfEvaluation {
    let indicators = vec![
        evaluated(
            "产出指标",
            "数量指标",
            "赴对口支援地区工作次数",
            "≥20(次)",
            "32.00(次)",
            "10.00",
            "10.00",
        ),
        evaluated(
            "产出指标",
            "数量指标",
            "开展服务企业工作的次数",
            "≥20(次)",
            "45.00(次)",
            "10.00",
            "10.00",
        ),
        evaluated(
            "产出指标",
            "数量指标",
            "课题研究报告完成",
            "≥1(篇)",
            "1.00(篇)",
            "10.00",
            "10.00",
        ),
        evaluated(
            "产出指标",
            "质量指标",
            "完成对口支援工作质量",
            "完成工作要点",
            "达成指标",
            "10.00",
            "10.00",
        ),
        evaluated(
            "产出指标",
            "时效指标",
            "项目计划完成及时率",
            "=100.00(%)",
            "100.00(%)",
            "5.00",
            "5.00",
        ),
        evaluated(
            "产出指标",
            "成本指标",
            "成本控制",
            "成本控制在预算内",
            "达成指标",
            "5.00",
            "5.00",
        ),
        evaluated(
            "效益指标",
            "社会效益指标",
            "对口支援与合作交流工作的支撑作用",
            "支撑作用明显",
            "达成指标",
            "10.00",
            "10.00",
        ),
        evaluated(
            "效益指标",
            "社会效益指标",
            "课题对工作的借签作用",
            "借签作用明显",
            "达成指标",
            "10.00",
            "10.00",
        ),
        evaluated(
            "效益指标",
            "可持续影响指标",
            "长效机制建立情况",
            "长效机制健全",
            "达成指标",
            "10.00",
            "10.00",
        ),
        evaluated(
            "满意度指标",
            "服务对象满意度指标",
            "服务对象满意度",
            "≥90(%)",
            "90.00(%)",
            "10.00",
            "10.00",
        ),
    ];
    SelfEvaluation {
        source: Some(self_eval_source(indicators.len())),
        year: Some(2023),
        project_name: "合作交流工作业务费".into(),
        department: "上海市人民政府合作交流办公室".into(),
        implementing_unit: "上海市人民政府驻新疆办事处".into(),
        funds: SelfEvaluationFunds {
            unit: MoneyUnit::WanYuan,
            total: row(["28.88", "28.88", "17.73", "10.00", "61.39", "6.13"]),
            fiscal: row(["28.88", "28.88", "17.73", "-", "61.39", "-"]),
            carryover: row(["0.00", "0.00", "0.00", "-", "0.00", "-"]),
            other: row(["0.00", "0.00", "0.00", "-", "0.00", "-"]),
            extra_rows: Vec::new(),
        },
        expected_goal: "切实做好援喀什服务保障工作……".into(),
        actual_result: "该项目的实施……".into(),
        indicators,
        total_weight: fig("100"),
        total_score: fig("96.13"),
        grade: "优".into(),
        notes: Vec::new(),
    }
}

fn run(form: Form, opts: &Options) -> Vec<(String, Option<String>)> {
    check(&form, opts)
        .into_iter()
        .map(|d| (d.rule, d.at.and_then(|a| a.cell)))
        .collect()
}

fn decl_findings(d: Declaration) -> Vec<(String, Option<String>)> {
    run(Form::Declaration(d), &Options::default())
}

fn self_findings(s: SelfEvaluation) -> Vec<(String, Option<String>)> {
    run(Form::SelfEvaluation(s), &Options::default())
}

fn one(rule: &str, cell: &str) -> Vec<(String, Option<String>)> {
    vec![(rule.to_string(), Some(cell.to_string()))]
}

fn has(found: &[(String, Option<String>)], rule: &str, cell: &str) -> bool {
    found
        .iter()
        .any(|(r, c)| r == rule && c.as_deref() == Some(cell))
}

#[test]
fn clean_forms_have_no_findings() {
    assert_eq!(decl_findings(declaration()), vec![]);
    assert_eq!(self_findings(self_eval()), vec![]);
}

#[test]
fn rule_form_blank_skips_templates() {
    assert_eq!(
        run(
            Form::Declaration(Declaration::default()),
            &Options::default()
        ),
        vec![("form.blank".to_string(), None)]
    );
    assert_eq!(
        run(
            Form::SelfEvaluation(SelfEvaluation::default()),
            &Options::default()
        ),
        vec![("form.blank".to_string(), None)]
    );
}

#[test]
fn rule_decl_required_points_at_the_blank_field() {
    let mut f = declaration();
    f.implementing_unit = " ".into();
    assert_eq!(decl_findings(f), one("decl.required", "F4"));
    let mut f = declaration();
    f.project_nature = Some(String::new());
    assert_eq!(decl_findings(f), one("decl.required", "F3"));
    let mut f = declaration();
    f.project_nature = None; // the 宝山 layout has no 项目性质: not required
    assert_eq!(decl_findings(f), vec![]);
}

#[test]
fn rule_decl_annual_total_sum() {
    let mut f = declaration();
    f.funds.annual_fiscal = Some(d("150000.00"));
    let found = check(&Form::Declaration(f.clone()), &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, "decl.annual-total-sum");
    assert_eq!(
        found[0].at.as_ref().and_then(|a| a.cell.as_deref()),
        Some("H6")
    );
    assert_eq!(
        found[0].expected.as_deref(),
        Some("150,000.00 + 0.00 + 0.00 = 150,000.00")
    );
    assert_eq!(found[0].found.as_deref(), Some("140,000.00"));
    assert_eq!(
        found[0].to_string(),
        "t.xlsx: 机关服务费!H6: 错误[decl.annual-total-sum]: 年度资金申请总额不等于当年财政拨款 + 上年结转资金 + 其他资金（应为 150,000.00 + 0.00 + 0.00 = 150,000.00，实为 140,000.00）"
    );
    let found = crate::msg::with_lang(crate::msg::Lang::En, || {
        check(&Form::Declaration(f.clone()), &Options::default())
    });
    assert_eq!(
        crate::msg::with_lang(crate::msg::Lang::En, || found[0].to_string()),
        "t.xlsx: 机关服务费!H6: error[decl.annual-total-sum]: 年度资金申请总额 is not 当年财政拨款 + 上年结转资金 + 其他资金 (expected 150,000.00 + 0.00 + 0.00 = 150,000.00, found 140,000.00)"
    );
}

#[test]
fn rule_decl_project_total_sum() {
    let mut f = declaration();
    f.funds.project_total = Some(d("140000.00"));
    f.funds.project_fiscal = Some(d("140000.00"));
    assert_eq!(decl_findings(f.clone()), vec![]);
    f.funds.project_fiscal = Some(d("130000.00"));
    assert_eq!(decl_findings(f), one("decl.project-total-sum", "E6"));
}

#[test]
fn rule_decl_annual_exceeds_project() {
    let mut f = declaration();
    f.funds.project_total = Some(d("100000.00"));
    f.funds.project_fiscal = Some(d("100000.00"));
    assert_eq!(decl_findings(f), one("decl.annual-exceeds-project", "H6"));
}

#[test]
fn rule_decl_project_total_one_year_spares_phased_projects() {
    let mut f = declaration();
    f.funds.project_total = Some(d("280000.00"));
    f.funds.project_fiscal = Some(d("280000.00"));
    assert_eq!(
        decl_findings(f.clone()),
        one("decl.project-total-one-year", "E6")
    );
    // 城管 2026 (SRC-PT-CG): a 阶段性项目 over three years, 10,308,000 against 3,498,000 this year.
    f.project_nature = Some("阶段性项目".into());
    f.planned_start = "2024-01-01".into();
    f.planned_end = "2026-12-31".into();
    f.funds.project_total = Some(d("10308000.00"));
    f.funds.project_fiscal = Some(d("10308000.00"));
    f.funds.annual_total = Some(d("3498000.00"));
    f.funds.annual_fiscal = Some(d("3498000.00"));
    f.indicators[0].target = IndicatorValue::new("≤349.80(万元)");
    assert_eq!(decl_findings(f), vec![]);
}

#[test]
fn rule_decl_date_order() {
    let mut f = declaration();
    f.planned_start = "2026-12-31".into();
    f.planned_end = "2026-01-01".into();
    assert_eq!(decl_findings(f), one("decl.date-order", "F5"));
}

#[test]
fn rule_decl_date_year() {
    let mut f = declaration();
    f.planned_end = "2027-12-31".into();
    assert_eq!(decl_findings(f), one("decl.date-year", "F5"));
}

#[test]
fn rule_decl_date_format() {
    let mut f = declaration();
    f.planned_start = "年初".into();
    assert_eq!(decl_findings(f), one("decl.date-format", "C5"));
}

#[test]
fn rule_decl_cost_control() {
    let mut f = declaration();
    f.indicators[0].target = IndicatorValue::new("≤15.00(万元)");
    assert_eq!(decl_findings(f), one("decl.cost-control", "G13"));
    // 288,820.00 元 is shown as ≤28.88(万元) in seed 000: within the cent shown.
    let mut f = declaration();
    f.funds.annual_total = Some(d("288820.00"));
    f.funds.annual_fiscal = Some(d("288820.00"));
    f.indicators[0].target = IndicatorValue::new("≤28.88(万元)");
    assert_eq!(decl_findings(f), vec![]);
}

#[test]
fn rule_indicator_required() {
    let mut f = declaration();
    f.indicators[1].target = IndicatorValue::new("");
    assert_eq!(decl_findings(f), one("indicator.required", "G14"));
}

#[test]
fn rule_indicator_taxonomy_swapped_level2() {
    let mut f = declaration();
    f.indicators[2].level2 = "社会效益指标".into();
    let found = check(&Form::Declaration(f), &Options::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "indicator.taxonomy");
    assert_eq!(
        found[0].at.as_ref().and_then(|a| a.cell.as_deref()),
        Some("C15")
    );
    assert_eq!(
        found[0].hint.as_deref(),
        Some("社会效益指标应归在效益指标之下")
    );
}

#[test]
fn rule_indicator_taxonomy_mixed() {
    let mut f = declaration();
    f.indicators[2].level2 = "成本指标".into();
    let found = check(&Form::Declaration(f), &Options::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "indicator.taxonomy-mixed");
    assert_eq!(
        found[0].at.as_ref().and_then(|a| a.cell.as_deref()),
        Some("C15")
    );
    assert_eq!(
        found[0].hint.as_deref(),
        Some("现行体系中 产出指标/成本指标 对应 成本指标/经济成本指标")
    );
}

#[test]
fn rule_indicator_level1_missing() {
    let mut f = declaration();
    f.indicators.pop();
    assert_eq!(
        decl_findings(f),
        vec![("indicator.level1-missing".to_string(), None)]
    );
}

#[test]
fn rule_indicator_unit_missing() {
    let mut f = declaration();
    f.indicators[2].target = IndicatorValue::new("≥300.00");
    assert_eq!(decl_findings(f), one("indicator.unit-missing", "G15"));
}

#[test]
fn rule_indicator_unit_unknown() {
    let mut f = declaration();
    f.indicators[2].target = IndicatorValue::new("≥300.00(日子)");
    assert_eq!(decl_findings(f), one("indicator.unit-unknown", "G15"));
}

#[test]
fn rule_indicator_rate_unit() {
    let mut f = declaration();
    f.indicators[1].target = IndicatorValue::new("=100.00(次)");
    assert_eq!(decl_findings(f), one("indicator.rate-unit", "G14"));
}

#[test]
fn rule_indicator_no_comparator() {
    let mut f = declaration();
    f.indicators[2].target = IndicatorValue::new("300天");
    assert_eq!(decl_findings(f), one("indicator.no-comparator", "G15"));
}

#[test]
fn rule_self_required() {
    let mut s = self_eval();
    s.department = String::new();
    assert_eq!(self_findings(s), one("self.required", "B4"));
    let mut s = self_eval();
    s.funds.total.executed = Figure::Blank;
    assert!(has(&self_findings(s), "self.required", "E6"));
}

#[test]
fn rule_self_funds_sum() {
    let mut s = self_eval();
    s.funds.carryover.initial_budget = fig("1.00");
    assert_eq!(self_findings(s), one("self.funds-sum", "C6"));
}

#[test]
fn rule_self_execution_rate() {
    let mut s = self_eval();
    s.funds.fiscal.rate = fig("61.40");
    assert_eq!(self_findings(s), one("self.execution-rate", "G7"));
}

#[test]
fn rule_self_execution_rate_names_the_other_rounding() {
    // Seed 001 机关服务费 under --rounding half-up: 89.3571 would print 89.36, and 8.94.
    let mut s = self_eval();
    s.funds.total = row(["14.00", "14.00", "12.51", "10.00", "89.35", "8.93"]);
    s.funds.fiscal = row(["14.00", "14.00", "12.51", "-", "89.35", "-"]);
    s.total_score = fig("98.93");
    assert_eq!(self_findings(s.clone()), vec![]);
    let opts = Options {
        scoring: ScoringOptions {
            rounding: Rounding::HalfUp,
            ..ScoringOptions::default()
        },
    };
    let found = check(&Form::SelfEvaluation(s), &opts);
    let rate = found
        .iter()
        .find(|d| d.at.as_ref().and_then(|a| a.cell.as_deref()) == Some("G6"))
        .unwrap();
    assert_eq!(rate.rule, "self.execution-rate");
    assert_eq!(
        rate.hint.as_deref(),
        Some("表中数字是截位所得：请加 --rounding truncate")
    );
    assert!(found.iter().any(|d| d.rule == "self.execution-score"));
}

#[test]
fn rule_self_execution_score() {
    let mut s = self_eval();
    s.funds.total.score = fig("6.14");
    s.total_score = fig("96.14");
    assert_eq!(self_findings(s), one("self.execution-score", "H6"));
}

#[test]
fn rule_self_execution_weight() {
    let mut s = self_eval();
    s.funds.total.weight = fig("20.00");
    let found = self_findings(s.clone());
    assert!(has(&found, "self.execution-weight", "F6"), "{found:?}");
    let opts = Options {
        scoring: ScoringOptions {
            execution_weight: d("20"),
            ..ScoringOptions::default()
        },
    };
    let found = run(Form::SelfEvaluation(s), &opts);
    assert!(!found.iter().any(|(r, _)| r == "self.execution-weight"));
}

#[test]
fn rule_self_score_cap() {
    let mut s = self_eval();
    s.indicators[3].score = fig("11.00");
    s.total_score = fig("97.13");
    assert_eq!(self_findings(s), one("self.score-cap", "G16"));
}

#[test]
fn rule_self_quantitative_score() {
    let mut s = self_eval();
    s.indicators[0].actual = IndicatorValue::new("15.00(次)");
    let found = check(&Form::SelfEvaluation(s), &Options::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "self.quantitative-score");
    assert_eq!(
        found[0].at.as_ref().and_then(|a| a.cell.as_deref()),
        Some("G13")
    );
    assert_eq!(
        found[0].expected.as_deref(),
        Some("正向指标（指标值 ≥20）：15.00 / 20 × 10.00 = 7.50（截位）")
    );
}

#[test]
fn rule_self_quantitative_score_provincial_reverse() {
    let mut s = self_eval();
    s.indicators[0].target = IndicatorValue::new("≤20(次)");
    s.indicators[0].actual = IndicatorValue::new("25.00(次)");
    s.indicators[0].score = fig("7.50"); // fasp2: (1 − 5/20) × 10
    s.indicators[0].deviation_reason = "超出计划".into();
    s.total_score = fig("93.63");
    assert_eq!(self_findings(s.clone()), vec![]);
    let opts = Options {
        scoring: ScoringOptions {
            quant_formula: QuantFormula::Provincial,
            ..ScoringOptions::default()
        },
    };
    assert_eq!(
        run(Form::SelfEvaluation(s), &opts),
        one("self.quantitative-score", "G13") // provincial: 10 × 20/25 = 8.00
    );
}

#[test]
fn rule_self_actual_unit() {
    let mut s = self_eval();
    s.indicators[0].actual = IndicatorValue::new("32.00(个)");
    assert_eq!(self_findings(s), one("self.actual-unit", "E13"));
}

#[test]
fn rule_self_qualitative_band() {
    let mut s = self_eval();
    s.indicators[3].score = fig("7.00");
    s.indicators[3].deviation_reason = "部分要点未完成".into();
    s.total_score = fig("93.13");
    assert_eq!(
        self_findings(s.clone()),
        one("self.qualitative-band", "G16")
    );
    // 部分达成 with 7 of 10 is inside [6, 8); with bands 80/50 so is 5.
    s.indicators[3].actual = IndicatorValue::new("部分达成指标");
    assert_eq!(self_findings(s.clone()), vec![]);
    s.indicators[3].score = fig("5.00");
    s.total_score = fig("91.13");
    assert_eq!(
        self_findings(s.clone()),
        one("self.qualitative-band", "G16")
    );
    let opts = Options {
        scoring: ScoringOptions {
            qual_bands: QualBands::B80_50,
            ..ScoringOptions::default()
        },
    };
    assert_eq!(run(Form::SelfEvaluation(s), &opts), vec![]);
}

#[test]
fn rule_self_deviation_reason() {
    let mut s = self_eval();
    s.indicators[0].actual = IndicatorValue::new("15.00(次)");
    s.indicators[0].score = fig("7.50");
    s.total_score = fig("93.63");
    assert_eq!(self_findings(s), one("self.deviation-reason", "H13"));
}

#[test]
fn rule_self_weight_sum() {
    let mut s = self_eval();
    s.indicators[4].weight = fig("6.00");
    s.indicators[4].score = fig("6.00");
    s.total_score = fig("97.13");
    assert_eq!(self_findings(s), one("self.weight-sum", "F23"));
}

#[test]
fn rule_self_total_weight() {
    let mut s = self_eval();
    s.total_weight = fig("90");
    assert_eq!(self_findings(s), one("self.total-weight", "F23"));
}

#[test]
fn rule_self_total_score() {
    let mut s = self_eval();
    s.total_score = fig("96.31");
    assert_eq!(self_findings(s), one("self.total-score", "G23"));
}

#[test]
fn rule_self_grade() {
    let mut s = self_eval();
    s.grade = "良".into();
    assert_eq!(self_findings(s), one("self.grade", "F24"));
    // 89.99 is 良, not 优: the bands are half-open.
    let mut s = self_eval();
    s.funds.total = row(["28.88", "28.88", "28.88", "10.00", "100.00", "10.00"]);
    s.funds.fiscal = row(["28.88", "28.88", "28.88", "-", "100.00", "-"]);
    s.indicators[4].actual = IndicatorValue::new("99.98(%)");
    s.indicators[4].score = fig("4.99");
    s.indicators[4].deviation_reason = "个别延误".into();
    s.total_score = fig("99.99");
    assert_eq!(self_findings(s.clone()), vec![]);
    s.indicators[0].actual = IndicatorValue::new("2.00(次)");
    s.indicators[0].score = fig("1.00");
    s.indicators[0].deviation_reason = "疫情".into();
    s.total_score = fig("90.99");
    assert_eq!(self_findings(s.clone()), vec![]);
    s.indicators[1].actual = IndicatorValue::new("18.00(次)");
    s.indicators[1].score = fig("9.00");
    s.indicators[1].deviation_reason = "疫情".into();
    s.total_score = fig("89.99");
    s.grade = "优".into();
    assert_eq!(self_findings(s), one("self.grade", "F24"));
}

#[test]
fn rule_legacy_taxonomy() {
    let l = Legacy2020 {
        project_name: "合作交流工作业务费".into(),
        indicators: vec![
            Indicator::new("产出目标", "数量", "预算执行率", ">=90%"),
            Indicator::new(
                "产出目标",
                "社会效益",
                "合作交流工作支撑作用",
                "支撑作用明显",
            ),
        ],
        ..Legacy2020::default()
    };
    let found = check(&Form::Legacy2020(l), &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, "legacy.taxonomy");
}

#[test]
fn locations_fall_back_to_file_and_sheet() {
    let mut f = declaration();
    f.source.as_mut().unwrap().cells.clear();
    f.funds.annual_fiscal = Some(d("1.00"));
    let found = check(&Form::Declaration(f.clone()), &Options::default());
    let at = found[0].at.as_ref().unwrap();
    assert_eq!(
        (at.file.as_str(), at.sheet.as_deref(), at.cell.as_deref()),
        ("t.xlsx", Some("机关服务费"), None)
    );
    f.source = None;
    assert_eq!(
        check(&Form::Declaration(f), &Options::default())[0].at,
        None
    );
}

#[test]
fn every_rule_is_in_the_module_table() {
    let doc = include_str!("../check.rs");
    for rule in RULES {
        let row = format!("| `{}` | {} | {} |", rule.id, rule.severity, rule.domain);
        assert!(doc.contains(&row), "module table lacks {row}");
    }
    let rows = doc.lines().filter(|l| l.starts_with("//! | `")).count();
    assert_eq!(rows, RULES.len());
}

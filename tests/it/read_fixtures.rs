//! Every shared fixture reads into the model with the values the seed texts print.
//! Expected values below are copied from `../shared/seeds/*.txt`, not from jixiao's output.

use crate::common::{FIXTURES, golden, golden_json, read, without_source};
use jixiao::model::{Declaration, Figure, Form, MoneyUnit, SelfEvaluation};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn declarations(name: &str) -> Vec<Declaration> {
    read(name)
        .into_iter()
        .map(|f| match f {
            Form::Declaration(d) => d,
            other => panic!(
                "{name}: expected declarations, found {}",
                other.kind_label()
            ),
        })
        .collect()
}

fn self_evaluations(name: &str) -> Vec<SelfEvaluation> {
    read(name)
        .into_iter()
        .map(|f| match f {
            Form::SelfEvaluation(s) => s,
            other => panic!(
                "{name}: expected self-evaluations, found {}",
                other.kind_label()
            ),
        })
        .collect()
}

/// (项目名称, 项目性质, 项目类别, 年度资金申请总额 = 当年财政拨款, indicator rows) for seed 000.
const SEED_000: &[(&str, &str, &str, &str, usize)] = &[
    (
        "机关服务费",
        "经常性专项业务费",
        "其他运转类",
        "140000.00",
        9,
    ),
    (
        "驻外办驻外工作经费",
        "其他经常性项目",
        "其他运转类",
        "381000.00",
        10,
    ),
    (
        "合作交流工作业务费",
        "经常性专项业务费",
        "特定目标类",
        "288820.00",
        12,
    ),
    (
        "合作交流专项工作经费",
        "经常性专项业务费",
        "特定目标类",
        "300000.00",
        9,
    ),
];

/// Seed 002, same columns.
const SEED_002: &[(&str, &str, &str, &str, usize)] = &[
    (
        "国有资产出租出借发生直接成本",
        "其他经常性项目",
        "特定目标类",
        "180000.00",
        10,
    ),
    (
        "办公用房修缮及装修经费",
        "其他一次性项目",
        "特定目标类",
        "6300000.00",
        10,
    ),
    (
        "驻外办驻外工作经费",
        "其他经常性项目",
        "其他运转类",
        "310250.00",
        10,
    ),
    (
        "机关服务费",
        "经常性专项业务费",
        "其他运转类",
        "175000.00",
        10,
    ),
    (
        "合作交流专项工作经费",
        "经常性专项业务费",
        "特定目标类",
        "630000.00",
        10,
    ),
    (
        "合作交流工作业务费",
        "经常性专项业务费",
        "特定目标类",
        "234250.00",
        12,
    ),
    ("开办经费", "其他一次性项目", "特定目标类", "336800.00", 10),
];

fn assert_shanghai_office_declarations(
    file: &str,
    seed: &[(&str, &str, &str, &str, usize)],
    year: i32,
    office: &str,
) {
    let forms = declarations(file);
    assert_eq!(forms.len(), seed.len(), "{file}");
    for (form, (name, nature, category, annual, rows)) in forms.iter().zip(seed) {
        assert_eq!(form.year, Some(year));
        assert_eq!(form.project_name, *name);
        assert_eq!(form.project_nature.as_deref(), Some(*nature), "{name}");
        assert_eq!(form.project_category, *category, "{name}");
        assert_eq!(form.department, "上海市人民政府合作交流办公室");
        assert_eq!(form.implementing_unit, office);
        assert_eq!(form.planned_start, format!("{year}-01-01"));
        assert_eq!(form.planned_end, format!("{year}-12-31"));
        let f = &form.funds;
        assert_eq!(f.unit, MoneyUnit::Yuan);
        assert_eq!(
            (f.annual_total, f.annual_fiscal),
            (Some(d(annual)), Some(d(annual))),
            "{name}"
        );
        assert_eq!(
            (f.annual_carryover, f.annual_other),
            (Some(d("0.00")), Some(d("0.00"))),
            "{name}"
        );
        // The 驻外办 forms leave the whole-project column and 项目总目标 blank.
        assert_eq!(
            (f.project_total, f.project_fiscal, f.project_other),
            (None, None, None),
            "{name}"
        );
        assert_eq!(form.overall_goal, "");
        assert!(!form.annual_goal.is_empty(), "{name}");
        assert_eq!(form.indicators.len(), *rows, "{name}");
        assert_eq!(form.indicators[0].level1, "成本指标", "{name}");
        assert_eq!(form.indicators[0].level2, "经济成本指标", "{name}");
    }
}

#[test]
fn reads_seed_000_declarations() {
    assert_shanghai_office_declarations(
        "xinjiang-2026-declarations.xlsx",
        SEED_000,
        2026,
        "上海市人民政府驻新疆办事处",
    );
    let forms = declarations("xinjiang-2026-declarations.xlsx");
    let rows: Vec<(&str, &str, &str, &str)> = forms[0]
        .indicators
        .iter()
        .map(|i| {
            (
                i.level1.as_str(),
                i.level2.as_str(),
                i.name.as_str(),
                i.target.raw.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "成本指标",
                "经济成本指标",
                "车队服务成本控制额",
                "≤14.00(万元)"
            ),
            ("产出指标", "数量指标", "车队服务提供率", ""),
            ("产出指标", "数量指标", "服务保障天数", "≥300.00(天)"),
            ("产出指标", "质量指标", "安全出车率", "=100.00(%)"),
            ("产出指标", "质量指标", "车辆维护达标率", "=100.00(%)"),
            ("产出指标", "时效指标", "公务用车准点率", "=100.00(%)"),
            (
                "效益指标",
                "社会效益指标",
                "安全行车重大事故发生数",
                "=0.00(次)"
            ),
            (
                "效益指标",
                "社会效益指标",
                "公务用车需求满足率",
                "=100.00(次)"
            ),
            (
                "满意度指标",
                "服务对象满意度指标",
                "工作人员满意度",
                "≥90.00(%)"
            ),
        ]
    );
    let cost = &forms[0].indicators[0].target.quantity.as_ref().unwrap();
    assert_eq!(
        (cost.number, cost.unit.as_deref()),
        (d("14.00"), Some("万元"))
    );
    assert!(
        forms[0]
            .annual_goal
            .starts_with("通过设立机关服务费项目, 保障了办事处日常公务活动")
    );
    let last = forms[1].indicators.last().unwrap();
    assert_eq!(
        (
            last.level1.as_str(),
            last.name.as_str(),
            last.target.raw.as_str()
        ),
        ("满意度指标", "驻外办干部职工满意度", "≥90(%)")
    );
    assert_eq!(forms[2].indicators[11].target.raw, "支撑作用明显");
    assert_eq!(forms[3].indicators[1].name, "调研考察保障任务完成率");
    assert_eq!(forms[3].indicators[2].target.raw, "≥60(批)");
}

#[test]
fn reads_seed_002_declarations() {
    assert_shanghai_office_declarations(
        "xizang-2024-declarations.xlsx",
        SEED_002,
        2024,
        "上海市人民政府驻西藏办事处",
    );
    let forms = declarations("xizang-2024-declarations.xlsx");
    let i = &forms[1].indicators[1];
    assert_eq!(
        (i.level2.as_str(), i.name.as_str(), i.target.raw.as_str()),
        ("数量指标", "房屋建设工程量", "=1203.00(平方米)")
    );
    assert_eq!(
        forms[0].indicators[0].target.raw,
        "业务经费按照定额标准执行"
    );
    assert!(forms[0].indicators[0].target.quantity.is_none(), "定性");
}

/// Seed 004 (宝山): (项目名称, 项目类别, amount in every filled money cell, indicator rows incl. empty 二级).
const SEED_004: &[(&str, &str, &str, usize)] = &[
    (
        "政府购买服务人员专项经费（行政中心55人）",
        "其他运转类",
        "8778982.00",
        7,
    ),
    ("因公出国经费", "特定目标类", "9900000.00", 10),
    (
        "“一网通办”第三方评估及宣传培训经费",
        "特定目标类",
        "165000.00",
        10,
    ),
    (
        "专项工作宣传培训、会务会议经费",
        "特定目标类",
        "150000.00",
        9,
    ),
    ("区政府目标管理专项经费", "特定目标类", "150000.00", 9),
    ("宣传、调研、协调经费", "特定目标类", "300000.00", 10),
    ("政府信息公开经费", "特定目标类", "827000.00", 9),
    (
        "总值班室工作经费、值班补贴经费",
        "特定目标类",
        "100000.00",
        8,
    ),
    ("走访慰问专项经费", "特定目标类", "50000.00", 9),
    ("专项办帮困经费", "特定目标类", "950000.00", 10),
    ("合作交流工作经费", "特定目标类", "400000.00", 9),
    ("合作交流办公务接待经费", "特定目标类", "161000.00", 10),
    (
        "政府购买服务人员专项经费(合作交流科3人)",
        "其他运转类",
        "453877.00",
        10,
    ),
    (
        "宝山区对口支援“自选动作”项目专项经费",
        "特定目标类",
        "24850000.00",
        10,
    ),
    ("对口支援工作经费", "特定目标类", "939000.00", 9),
    ("市管干部保健金", "特定目标类", "48000.00", 10),
    (
        "政府购买服务人员专项经费(城运中心45人)",
        "其他运转类",
        "6213973.00",
        10,
    ),
];

fn assert_baoshan(file: &str) {
    let forms = declarations(file);
    assert_eq!(forms.len(), SEED_004.len());
    for (form, (name, category, amount, rows)) in forms.iter().zip(SEED_004) {
        assert_eq!((form.year, form.project_name.as_str()), (Some(2024), *name));
        assert_eq!(form.project_nature, None, "the 宝山 layout has no 项目性质");
        assert_eq!(form.project_category, *category);
        assert_eq!(form.department, "上海市宝山区人民政府办公室");
        assert_eq!(form.implementing_unit, "上海市宝山区人民政府办公室");
        let f = &form.funds;
        let a = Some(d(amount));
        assert_eq!(
            (f.project_total, f.annual_total, f.annual_fiscal),
            (a, a, a),
            "{name}"
        );
        assert_eq!(
            (f.annual_carryover, f.annual_other, f.project_other),
            (None, None, None),
            "{name}"
        );
        assert_eq!(
            form.overall_goal, form.annual_goal,
            "{name}: both goals print the same text"
        );
        assert_eq!(form.indicators.len(), *rows, "{name}");
    }
    // Skeleton rows: every 二级 of the older set is printed, empty ones too.
    let rows: Vec<(&str, &str, &str)> = forms[0]
        .indicators
        .iter()
        .map(|i| (i.level1.as_str(), i.level2.as_str(), i.name.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("产出指标", "数量指标", "政府购买服务人员数量"),
            ("产出指标", "质量指标", "工作考核达标率"),
            ("效益指标", "经济效益指标", ""),
            ("效益指标", "社会效益指标", "对优化营商环境持续发挥作用"),
            ("效益指标", "生态效益指标", ""),
            ("效益指标", "可持续影响指标", "人员管理机制健全"),
            ("满意度指标", "服务对象满意度指标", "企业满意度"),
        ]
    );
    assert_eq!(forms[0].indicators[0].target.raw, "≤55.00(人)");
    assert!(
        forms[0]
            .annual_goal
            .starts_with("以服务我区经济社会发展为主线")
    );
    // 成本指标 printed as a 二级 under 产出 (seed 004's older-set habit).
    assert_eq!(
        (
            forms[1].indicators[4].level1.as_str(),
            forms[1].indicators[4].level2.as_str()
        ),
        ("产出指标", "成本指标")
    );
}

#[test]
fn reads_seed_004_baoshan_declarations_without_project_nature() {
    assert_baoshan("baoshan-2024-declarations.xlsx");
}

#[test]
fn reads_other_layouts_into_the_same_model() {
    for (main, other) in [
        (
            "xinjiang-2026-declarations.xlsx",
            "other-layouts/xinjiang-2026-declarations.6col.xlsx",
        ),
        (
            "xizang-2024-declarations.xlsx",
            "other-layouts/xizang-2024-declarations.6col.xlsx",
        ),
        (
            "baoshan-2024-declarations.xlsx",
            "other-layouts/baoshan-2024-declarations.6col.xlsx",
        ),
        (
            "xinjiang-2023-self-evaluations.xlsx",
            "other-layouts/xinjiang-2023-self-evaluations.9col.xlsx",
        ),
    ] {
        assert_eq!(
            without_source(&read(main)),
            without_source(&read(other)),
            "{other}"
        );
    }
}

/// Seed 001: (项目名称, 年初 = 全年预算数, 全年执行数, 执行率, 得分, 总分, indicator rows).
const SEED_001: &[(&str, &str, &str, &str, &str, &str, usize)] = &[
    ("机关服务费", "14.00", "12.51", "89.35", "8.93", "98.93", 10),
    ("开办经费", "228.00", "228.00", "100.00", "10.00", "100", 11),
    (
        "合作交流专项工作经费",
        "30.00",
        "13.33",
        "44.43",
        "4.44",
        "94.44",
        10,
    ),
    (
        "驻外办驻外工作经费",
        "33.40",
        "30.50",
        "91.31",
        "9.13",
        "99.13",
        11,
    ),
    (
        "合作交流工作业务费",
        "28.88",
        "17.73",
        "61.39",
        "6.13",
        "96.13",
        10,
    ),
];

#[test]
fn reads_seed_001_self_evaluations() {
    let forms = self_evaluations("xinjiang-2023-self-evaluations.xlsx");
    assert_eq!(forms.len(), 5);
    let n = |s: &str| Figure::Number(d(s));
    let zero = n("0.00");
    for (form, (name, budget, executed, rate, score, total, rows)) in forms.iter().zip(SEED_001) {
        assert_eq!((form.year, form.project_name.as_str()), (Some(2023), *name));
        assert_eq!(form.department, "上海市人民政府合作交流办公室");
        assert_eq!(form.implementing_unit, "上海市人民政府驻新疆办事处");
        let f = &form.funds;
        assert_eq!(f.unit, MoneyUnit::WanYuan);
        assert_eq!(
            [
                f.total.initial_budget,
                f.total.annual_budget,
                f.total.executed,
                f.total.weight,
                f.total.rate,
                f.total.score
            ],
            [
                n(budget),
                n(budget),
                n(executed),
                n("10.00"),
                n(rate),
                n(score)
            ],
            "{name}"
        );
        assert_eq!(
            [
                f.fiscal.executed,
                f.fiscal.weight,
                f.fiscal.rate,
                f.fiscal.score
            ],
            [n(executed), Figure::Dash, n(rate), Figure::Dash],
            "{name}"
        );
        for row in [&f.carryover, &f.other] {
            assert_eq!(
                [
                    row.annual_budget,
                    row.executed,
                    row.weight,
                    row.rate,
                    row.score
                ],
                [zero, zero, Figure::Dash, zero, Figure::Dash]
            );
        }
        assert_eq!(
            (form.total_weight, form.total_score, form.grade.as_str()),
            (n("100"), n(total), "优"),
            "{name}"
        );
        assert_eq!(form.indicators.len(), *rows, "{name}");
        let weights: Decimal = form
            .indicators
            .iter()
            .filter_map(|i| i.weight.number())
            .sum();
        assert_eq!(weights, d("90"), "{name}: indicator weights add up to 90");
        assert!(!form.expected_goal.is_empty() && !form.actual_result.is_empty());
    }
    let first = &forms[0].indicators[0];
    assert_eq!(
        (
            first.level1.as_str(),
            first.level2.as_str(),
            first.name.as_str(),
            first.target.raw.as_str(),
            first.actual.raw.as_str()
        ),
        ("产出指标", "数量指标", "公务用车保障率", "100%", "达成指标")
    );
    let trips = &forms[4].indicators[0];
    assert_eq!(
        (
            trips.name.as_str(),
            trips.target.raw.as_str(),
            trips.actual.raw.as_str(),
            trips.weight,
            trips.score
        ),
        (
            "赴对口支援地区工作次数",
            "≥20(次)",
            "32.00(次)",
            n("10.00"),
            n("10.00")
        )
    );
    // 开办经费 prints plain weights (10, 2, 3): the decimals as printed are kept.
    let plain: Vec<String> = forms[1]
        .indicators
        .iter()
        .map(|i| i.weight.to_string())
        .collect();
    assert_eq!(
        plain,
        [
            "10", "10", "10", "10", "10", "10", "10", "2", "3", "5", "10"
        ]
    );
    assert_eq!(forms[1].indicators[7].level2, "可持续影响指标");
}

#[test]
fn reads_the_blank_forms() {
    let blank = declarations("blank-declaration.xlsx");
    assert_eq!(blank.len(), 1);
    assert_eq!(blank[0].year, Some(2026));
    assert_eq!(blank[0].project_name, "");
    assert_eq!(
        blank[0].project_nature.as_deref(),
        Some(""),
        "the label is there, the value blank"
    );
    let skeleton: Vec<(&str, &str)> = blank[0]
        .indicators
        .iter()
        .map(|i| (i.level1.as_str(), i.level2.as_str()))
        .collect();
    assert_eq!(
        skeleton,
        [
            ("成本指标", "经济成本指标"),
            ("产出指标", "数量指标"),
            ("产出指标", "质量指标"),
            ("产出指标", "时效指标"),
            ("效益指标", "经济效益指标"),
            ("效益指标", "社会效益指标"),
            ("效益指标", "生态效益指标"),
            ("满意度指标", "服务对象满意度指标"),
        ]
    );
    let blank = self_evaluations("blank-self-evaluation.xlsx");
    assert_eq!(blank[0].year, Some(2025));
    assert_eq!(blank[0].funds.total.weight, Figure::Number(d("10.00")));
    assert_eq!(blank[0].funds.fiscal.weight, Figure::Dash);
    assert_eq!(blank[0].indicators.len(), 8);
    assert_eq!(blank[0].total_weight, Figure::Number(d("100")));
}

#[test]
fn every_fixture_cell_is_mapped() {
    for name in FIXTURES {
        for form in read(name) {
            let src = form.source().unwrap();
            assert!(src.cells_read > 0);
            assert_eq!(src.unmapped, [], "{name}: {}", src.sheet);
        }
    }
}

#[test]
fn reads_fixtures_as_the_reviewed_golden_json() {
    for name in FIXTURES {
        let forms = read(name);
        golden(
            &format!("read/{}.json", name.trim_end_matches(".xlsx")),
            &golden_json(name, &forms),
        );
    }
}

#[test]
fn json_round_trip_is_lossless() {
    for name in FIXTURES {
        let doc = jixiao::model::Document::new(read(name));
        let json = jixiao::write::json::to_string(&doc);
        let back: jixiao::model::Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc, "{name}");
        assert_eq!(
            jixiao::write::json::to_string(&back),
            json,
            "{name}: same text again"
        );
    }
}

#[test]
fn records_the_cell_of_each_field() {
    let cell = |name: &str, form: usize, path: &str| {
        let forms = read(name);
        forms[form].source().unwrap().cell(path).map(str::to_string)
    };
    let main = "xinjiang-2026-declarations.xlsx";
    let six = "other-layouts/xinjiang-2026-declarations.6col.xlsx";
    assert_eq!(cell(main, 0, "funds.annual_total").as_deref(), Some("H6"));
    assert_eq!(cell(six, 0, "funds.annual_total").as_deref(), Some("E6:F6"));
    assert_eq!(cell(main, 0, "project_name").as_deref(), Some("C3:D3"));
    assert_eq!(cell(six, 0, "project_name").as_deref(), Some("B3"));
    assert_eq!(
        cell(main, 0, "indicators[3].target").as_deref(),
        Some("G16:H16")
    );
    assert_eq!(
        cell(main, 0, "indicators[3].level2").as_deref(),
        Some("C16:C17")
    );
    // A blank amount still has a place to point at.
    assert_eq!(cell(main, 0, "funds.project_total").as_deref(), Some("E6"));
    let se = "xinjiang-2023-self-evaluations.xlsx";
    let nine = "other-layouts/xinjiang-2023-self-evaluations.9col.xlsx";
    assert_eq!(cell(se, 0, "funds.total.score").as_deref(), Some("H6"));
    assert_eq!(cell(nine, 0, "funds.total.score").as_deref(), Some("I6"));
    assert_eq!(cell(se, 0, "total_score").as_deref(), Some("G23"));
    assert_eq!(cell(nine, 0, "total_score").as_deref(), Some("H23"));
    assert_eq!(cell(se, 0, "grade").as_deref(), Some("F24:H24"));
    assert_eq!(cell(se, 0, "indicators[0].weight").as_deref(), Some("F13"));
    assert_eq!(
        cell(nine, 0, "indicators[0].weight").as_deref(),
        Some("G13")
    );
}

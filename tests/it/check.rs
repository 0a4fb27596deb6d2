//! `check` and `score` on the shared fixtures: what the seed forms really contain is reported
//! (and pinned below, each finding judged), each rule fires on a real form broken in exactly
//! the place it guards, and seed 001's scores are recomputed.

use crate::common::{FIXTURES, fixture, jixiao, jixiao_in, read, temp_dir};
use jixiao::check::{self, Options};
use jixiao::model::{Declaration, Figure, Form, IndicatorValue, SelfEvaluation};
use jixiao::score::{self, Action, Rounding, ScoringOptions};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// `(rule, cell)` of every finding.
fn findings(form: &Form, opts: &Options) -> Vec<(String, Option<String>)> {
    check::check(form, opts)
        .into_iter()
        .map(|d| (d.rule, d.at.and_then(|a| a.cell)))
        .collect()
}

/// The findings a mutation adds to a fixture form: after minus before.
fn added(
    name: &str,
    index: usize,
    opts: &Options,
    mutate: impl FnOnce(&mut Form),
) -> Vec<(String, Option<String>)> {
    let forms = read(name);
    let mut form = forms[index].clone();
    let before = findings(&form, opts);
    mutate(&mut form);
    let mut after = findings(&form, opts);
    for b in &before {
        if let Some(i) = after.iter().position(|a| a == b) {
            after.remove(i);
        }
    }
    after
}

fn one(rule: &str, cell: &str) -> Vec<(String, Option<String>)> {
    vec![(rule.to_string(), Some(cell.to_string()))]
}

fn has(found: &[(String, Option<String>)], rule: &str, cell: &str) -> bool {
    found
        .iter()
        .any(|(r, c)| r == rule && c.as_deref() == Some(cell))
}

fn decl(f: &mut Form) -> &mut Declaration {
    match f {
        Form::Declaration(d) => d,
        _ => panic!("not a declaration"),
    }
}

fn se(f: &mut Form) -> &mut SelfEvaluation {
    match f {
        Form::SelfEvaluation(s) => s,
        _ => panic!("not a self-evaluation"),
    }
}

const XJ26: &str = "xinjiang-2026-declarations.xlsx";
const XJ23: &str = "xinjiang-2023-self-evaluations.xlsx";
const BAOSHAN: &str = "baoshan-2024-declarations.xlsx";

fn check_declaration(
    name: &str,
    index: usize,
    mutate: impl FnOnce(&mut Declaration),
) -> Vec<(String, Option<String>)> {
    added(name, index, &Options::default(), |f| mutate(decl(f)))
}

fn check_self_eval(
    index: usize,
    mutate: impl FnOnce(&mut SelfEvaluation),
) -> Vec<(String, Option<String>)> {
    added(XJ23, index, &Options::default(), |f| mutate(se(f)))
}

// ---- what the fixtures really contain -------------------------------------------------------

/// Every error and warning on the main-layout fixtures, judged against the seed texts: each is
/// an oddity the seed form really has (see the comments), none is a false positive.
const JUDGED: &[(&str, &str, &str, &str)] = &[
    // The official blank forms: reported as blank, never as clean (issue 15); the 申报表 at its
    // blank 项目名称 value cell, which the reader records (issue 11).
    (
        "blank-declaration.xlsx",
        "财政项目支出绩效目标申报表",
        "form.blank",
        "C3:D3",
    ),
    (
        "blank-self-evaluation.xlsx",
        "财政项目支出绩效自评表",
        "form.blank",
        "",
    ),
    // Seed 004 prints 社会效益 as a 三级 under 经济效益指标 with no value beside it.
    (
        "baoshan-2024-declarations.xlsx",
        "专项工作宣传培训、会务会议经费",
        "indicator.required",
        "G17:H17",
    ),
    // Seed 004: 群众满意率 has no 指标值.
    (
        "baoshan-2024-declarations.xlsx",
        "区政府目标管理专项经费",
        "indicator.required",
        "G21:H21",
    ),
    // Seed 004: 管理机制健全性 has no 指标值.
    (
        "baoshan-2024-declarations.xlsx",
        "政府购买服务人员专项经费(合作交流科3人)",
        "indicator.required",
        "G21:H21",
    ),
    // Seed 004: the 服务对象满意度指标 row is printed but empty in these three.
    (
        "baoshan-2024-declarations.xlsx",
        "宝山区对口支援“自选动作”项目专项经费",
        "indicator.level1-missing",
        "B22",
    ),
    (
        "baoshan-2024-declarations.xlsx",
        "市管干部保健金",
        "indicator.level1-missing",
        "B22",
    ),
    (
        "baoshan-2024-declarations.xlsx",
        "政府购买服务人员专项经费(城运中心45人)",
        "indicator.level1-missing",
        "B22",
    ),
    // Seed 001 机关服务费: 服务对象满意度 target printed as a bare `100`.
    (
        "xinjiang-2023-self-evaluations.xlsx",
        "机关服务费",
        "indicator.unit-missing",
        "D22",
    ),
    // Seed 001 开办经费: 安全无事故 target printed as a bare `0`.
    (
        "xinjiang-2023-self-evaluations.xlsx",
        "开办经费",
        "indicator.unit-missing",
        "D18",
    ),
    // Seed 000: 车队服务提供率 has no 指标值 (the next value belongs to 服务保障天数).
    (
        "xinjiang-2026-declarations.xlsx",
        "机关服务费",
        "indicator.required",
        "G14:H14",
    ),
    // Seed 000: 公务用车需求满足率 =100.00(次) — a rate in 次 (DOMAIN §4 calls it a wrong unit).
    (
        "xinjiang-2026-declarations.xlsx",
        "机关服务费",
        "indicator.rate-unit",
        "G20:H20",
    ),
    // Seed 000 合作交流工作业务费: no 满意度指标 row at all.
    (
        "xinjiang-2026-declarations.xlsx",
        "合作交流工作业务费",
        "indicator.level1-missing",
        "",
    ),
    // Seed 000: 调研考察保障任务完成率 has no 指标值.
    (
        "xinjiang-2026-declarations.xlsx",
        "合作交流专项工作经费",
        "indicator.required",
        "G14:H14",
    ),
    // Seed 002: none of the seven 驻西藏办 forms has a 满意度指标.
    (
        "xizang-2024-declarations.xlsx",
        "国有资产出租出借发生直接成本",
        "indicator.level1-missing",
        "",
    ),
    (
        "xizang-2024-declarations.xlsx",
        "办公用房修缮及装修经费",
        "indicator.level1-missing",
        "",
    ),
    (
        "xizang-2024-declarations.xlsx",
        "驻外办驻外工作经费",
        "indicator.level1-missing",
        "",
    ),
    (
        "xizang-2024-declarations.xlsx",
        "机关服务费",
        "indicator.level1-missing",
        "",
    ),
    (
        "xizang-2024-declarations.xlsx",
        "合作交流专项工作经费",
        "indicator.level1-missing",
        "",
    ),
    (
        "xizang-2024-declarations.xlsx",
        "合作交流工作业务费",
        "indicator.level1-missing",
        "",
    ),
    (
        "xizang-2024-declarations.xlsx",
        "开办经费",
        "indicator.level1-missing",
        "",
    ),
];

/// Errors and warnings of one fixture as `(file, sheet, rule, cell)`, sorted.
fn reported(name: &str) -> Vec<(String, String, String, String)> {
    let mut out: Vec<_> = read(name)
        .iter()
        .flat_map(|f| check::check(f, &Options::default()))
        .filter(|x| x.severity != jixiao::diag::Severity::Info)
        .map(|d| {
            let at = d.at.unwrap_or_default();
            (
                name.to_string(),
                at.sheet.unwrap_or_default(),
                d.rule,
                at.cell.unwrap_or_default(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn fixtures_report_only_the_judged_seed_oddities() {
    let mut all = Vec::new();
    for name in FIXTURES.iter().filter(|n| !n.starts_with("other-layouts/")) {
        all.extend(reported(name));
    }
    let mut judged: Vec<_> = JUDGED
        .iter()
        .map(|(f, s, r, c)| (f.to_string(), s.to_string(), r.to_string(), c.to_string()))
        .collect();
    judged.sort();
    all.sort();
    let extra: Vec<_> = all.iter().filter(|f| !judged.contains(f)).collect();
    let missing: Vec<_> = judged.iter().filter(|f| !all.contains(f)).collect();
    assert_eq!(
        all, judged,
        "not judged: {extra:#?}\nno longer reported: {missing:#?}"
    );
}

#[test]
fn other_layouts_report_the_same_rules_per_form() {
    for name in FIXTURES.iter().filter(|n| n.starts_with("other-layouts/")) {
        let main = name
            .trim_start_matches("other-layouts/")
            .replace(".6col", "")
            .replace(".9col", "");
        let strip = |v: Vec<(String, String, String, String)>| {
            let mut v: Vec<(String, String)> = v.into_iter().map(|(_, s, r, _)| (s, r)).collect();
            v.sort();
            v
        };
        assert_eq!(strip(reported(name)), strip(reported(&main)), "{name}");
    }
}

#[test]
fn blank_templates_are_recognised() {
    for name in ["blank-declaration.xlsx", "blank-self-evaluation.xlsx"] {
        let found: Vec<String> = read(name)
            .iter()
            .flat_map(|f| check::check(f, &Options::default()))
            .map(|x| x.rule)
            .collect();
        assert_eq!(found, ["form.blank"], "{name}");
    }
}

// ---- each rule on a real form, broken where it guards ---------------------------------------

#[test]
fn rule_decl_required() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.implementing_unit.clear()),
        one("decl.required", "F4:H4")
    );
}

#[test]
fn rule_decl_annual_total_sum() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.funds.annual_fiscal = Some(d("150000.00"))),
        one("decl.annual-total-sum", "H6")
    );
}

#[test]
fn rule_decl_project_total_sum() {
    assert_eq!(
        check_declaration(BAOSHAN, 0, |x| x.funds.project_fiscal =
            Some(d("8000000.00"))),
        one("decl.project-total-sum", "E6")
    );
}

#[test]
fn rule_decl_annual_exceeds_project() {
    assert_eq!(
        check_declaration(BAOSHAN, 0, |x| x.funds.project_total =
            Some(d("8000000.00"))),
        vec![
            ("decl.project-total-sum".to_string(), Some("E6".to_string())),
            (
                "decl.annual-exceeds-project".to_string(),
                Some("H6".to_string())
            ),
        ]
    );
}

#[test]
fn rule_decl_project_total_one_year() {
    let found = check_declaration(BAOSHAN, 0, |x| {
        x.funds.project_total = Some(d("9000000.00"));
        x.funds.project_fiscal = Some(d("9000000.00"));
    });
    assert_eq!(found, one("decl.project-total-one-year", "E6"));
}

#[test]
fn rule_decl_date_order() {
    let found = check_declaration(XJ26, 0, |x| {
        std::mem::swap(&mut x.planned_start, &mut x.planned_end);
    });
    assert_eq!(found, one("decl.date-order", "F5:H5"));
}

#[test]
fn rule_decl_date_year() {
    assert_eq!(
        check_declaration(XJ26, 1, |x| x.planned_end = "2027-06-30".into()),
        one("decl.date-year", "F5:H5")
    );
}

#[test]
fn rule_decl_date_format() {
    assert_eq!(
        check_declaration(XJ26, 1, |x| x.planned_start = "年初".into()),
        one("decl.date-format", "C5:D5")
    );
}

#[test]
fn rule_decl_cost_control() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.indicators[0].target =
            IndicatorValue::new("≤15.00(万元)")),
        one("decl.cost-control", "G13:H13")
    );
}

#[test]
fn rule_indicator_required() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.indicators[2].target =
            IndicatorValue::new("")),
        one("indicator.required", "G15:H15")
    );
}

#[test]
fn rule_indicator_taxonomy() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.indicators[3].level2 = "社会效益指标".into()),
        one("indicator.taxonomy", "C16:C17")
    );
}

#[test]
fn rule_indicator_taxonomy_mixed() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.indicators[5].level2 = "成本指标".into()),
        one("indicator.taxonomy-mixed", "C18")
    );
}

#[test]
fn rule_indicator_level1_missing() {
    let found = check_declaration(XJ26, 0, |x| {
        x.indicators.retain(|i| i.level1 != "效益指标");
    });
    assert_eq!(found, vec![("indicator.level1-missing".to_string(), None)]);
}

#[test]
fn rule_indicator_unit_missing() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.indicators[2].target =
            IndicatorValue::new("≥300.00")),
        one("indicator.unit-missing", "G15:H15")
    );
}

#[test]
fn rule_indicator_unit_unknown() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.indicators[2].target =
            IndicatorValue::new("≥300.00(日子)")),
        one("indicator.unit-unknown", "G15:H15")
    );
}

#[test]
fn rule_indicator_rate_unit() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.indicators[3].target =
            IndicatorValue::new("=100.00(次)")),
        one("indicator.rate-unit", "G16:H16")
    );
}

#[test]
fn rule_indicator_no_comparator() {
    assert_eq!(
        check_declaration(XJ26, 0, |x| x.indicators[2].target =
            IndicatorValue::new("300天")),
        one("indicator.no-comparator", "G15:H15")
    );
}

#[test]
fn rule_self_required() {
    assert_eq!(
        check_self_eval(4, |s| s.department.clear()),
        one("self.required", "B4:D4")
    );
}

#[test]
fn rule_self_funds_sum() {
    assert_eq!(
        check_self_eval(4, |s| s.funds.carryover.initial_budget =
            Figure::Number(d("1.00"))),
        one("self.funds-sum", "C6")
    );
}

#[test]
fn rule_self_execution_rate() {
    assert_eq!(
        check_self_eval(0, |s| s.funds.total.rate = Figure::Number(d("89.36"))),
        one("self.execution-rate", "G6")
    );
}

#[test]
fn rule_self_execution_weight() {
    let found = check_self_eval(0, |s| s.funds.total.weight = Figure::Number(d("20.00")));
    assert!(has(&found, "self.execution-weight", "F6"), "{found:?}");
}

#[test]
fn rule_self_execution_score() {
    let found = check_self_eval(0, |s| s.funds.total.score = Figure::Number(d("8.94")));
    assert!(has(&found, "self.execution-score", "H6"), "{found:?}");
    assert!(has(&found, "self.total-score", "G23"), "{found:?}");
    assert_eq!(found.len(), 2);
}

#[test]
fn rule_self_score_cap() {
    let found = check_self_eval(0, |s| s.indicators[0].score = Figure::Number(d("11.00")));
    assert!(has(&found, "self.score-cap", "G13"), "{found:?}");
}

#[test]
fn rule_self_quantitative_score() {
    assert_eq!(
        check_self_eval(4, |s| s.indicators[0].actual =
            IndicatorValue::new("15.00(次)")),
        one("self.quantitative-score", "G13")
    );
}

#[test]
fn rule_self_actual_unit() {
    assert_eq!(
        check_self_eval(4, |s| s.indicators[0].actual =
            IndicatorValue::new("32.00(个)")),
        one("self.actual-unit", "E13")
    );
}

#[test]
fn rule_self_qualitative_band() {
    let found = check_self_eval(0, |s| {
        s.indicators[0].score = Figure::Number(d("7.00"));
        s.indicators[0].deviation_reason = "部分车辆维修".into();
        s.total_score = Figure::Number(d("95.93"));
    });
    assert_eq!(found, one("self.qualitative-band", "G13"));
}

#[test]
fn rule_self_deviation_reason() {
    let found = check_self_eval(4, |s| {
        s.indicators[0].actual = IndicatorValue::new("15.00(次)");
        s.indicators[0].score = Figure::Number(d("7.50"));
        s.total_score = Figure::Number(d("93.63"));
    });
    assert_eq!(found, one("self.deviation-reason", "H13"));
}

#[test]
fn rule_self_weight_sum() {
    let found = check_self_eval(0, |s| {
        s.indicators[0].weight = Figure::Number(d("11.00"));
        s.indicators[0].score = Figure::Number(d("11.00"));
        s.total_score = Figure::Number(d("99.93"));
    });
    assert_eq!(found, one("self.weight-sum", "F23"));
}

#[test]
fn rule_self_total_weight() {
    assert_eq!(
        check_self_eval(0, |s| s.total_weight = Figure::Number(d("90"))),
        one("self.total-weight", "F23")
    );
}

#[test]
fn rule_self_total_score() {
    assert_eq!(
        check_self_eval(0, |s| s.total_score = Figure::Number(d("98.39"))),
        one("self.total-score", "G23")
    );
}

#[test]
fn rule_self_grade() {
    assert_eq!(
        check_self_eval(0, |s| s.grade = "良".into()),
        one("self.grade", "F24:H24")
    );
}

// ---- seed 001 scoring --------------------------------------------------------------------------

/// 执行率, 预算执行得分, 总分 of seed 001's five forms, in form order.
const SEED_001: [(&str, &str, &str, &str); 5] = [
    ("机关服务费", "89.35", "8.93", "98.93"),
    ("开办经费", "100.00", "10.00", "100.00"),
    ("合作交流专项工作经费", "44.43", "4.44", "94.44"),
    ("驻外办驻外工作经费", "91.31", "9.13", "99.13"),
    ("合作交流工作业务费", "61.39", "6.13", "96.13"),
];

/// The self-evaluation with every computable figure blanked.
fn blanked(mut s: SelfEvaluation) -> SelfEvaluation {
    for (_, row) in s.funds.rows_mut() {
        row.rate = Figure::Blank;
    }
    s.funds.total.score = Figure::Blank;
    for i in &mut s.indicators {
        if i.target.quantity.is_some() && i.actual.quantity.is_some() {
            i.score = Figure::Blank;
        }
    }
    s.total_score = Figure::Blank;
    s.grade.clear();
    s
}

fn seed_001(layout: &str) -> Vec<SelfEvaluation> {
    read(layout)
        .into_iter()
        .map(|f| match f {
            Form::SelfEvaluation(s) => s,
            _ => panic!("{layout}: not a self-evaluation"),
        })
        .collect()
}

#[test]
fn score_recomputes_seed_001() {
    for layout in [
        XJ23,
        "other-layouts/xinjiang-2023-self-evaluations.9col.xlsx",
    ] {
        let forms = seed_001(layout);
        assert_eq!(forms.len(), 5);
        for (printed, (name, rate, exec, total)) in forms.into_iter().zip(SEED_001) {
            assert_eq!(printed.project_name, name);
            let mut s = blanked(printed.clone());
            score::fill(&mut s, &ScoringOptions::default(), false);
            assert_eq!(s.funds.total.rate.to_string(), rate, "{name}");
            assert_eq!(s.funds.fiscal.rate.to_string(), rate, "{name}");
            assert_eq!(s.funds.carryover.rate.to_string(), "0.00", "{name}");
            assert_eq!(s.funds.total.score.to_string(), exec, "{name}");
            assert_eq!(s.total_score.to_string(), total, "{name}");
            assert_eq!(s.grade, "优", "{name}");
            for (a, b) in s.indicators.iter().zip(&printed.indicators) {
                assert_eq!(a.score.number(), b.score.number(), "{name}: {}", a.name);
            }
            // On the form as printed every computed figure matches: nothing is kept or changed.
            let mut untouched = printed.clone();
            let explained = score::fill(&mut untouched, &ScoringOptions::default(), false);
            assert!(
                explained
                    .iter()
                    .all(|e| matches!(e.action, Action::Confirmed | Action::NotComputed)),
                "{name}: {explained:#?}"
            );
            assert_eq!(untouched, printed);
        }
    }
}

#[test]
fn score_half_up_changes_the_first_seed_001_form() {
    let opts = ScoringOptions {
        rounding: Rounding::HalfUp,
        ..ScoringOptions::default()
    };
    let mut s = blanked(seed_001(XJ23).remove(0));
    score::fill(&mut s, &opts, false);
    assert_eq!(s.funds.total.rate.to_string(), "89.36");
    assert_eq!(s.funds.total.score.to_string(), "8.94");
    assert_eq!(s.total_score.to_string(), "98.94");
    // Without --overwrite the printed figures stay; with it they are replaced.
    let printed = seed_001(XJ23).remove(0);
    let mut kept = printed.clone();
    let explained = score::fill(&mut kept, &opts, false);
    assert_eq!(kept, printed);
    assert!(
        explained
            .iter()
            .any(|e| e.action == Action::Kept && e.path == "funds.total.rate")
    );
    let mut over = printed;
    score::fill(&mut over, &opts, true);
    assert_eq!(over.funds.total.rate.to_string(), "89.36");
    assert_eq!(over.total_score.to_string(), "98.94");
}

#[test]
fn check_names_half_up_on_seed_001() {
    let opts = Options {
        scoring: ScoringOptions {
            rounding: Rounding::HalfUp,
            ..ScoringOptions::default()
        },
    };
    let form = read(XJ23).remove(0);
    let rate = |lang| {
        jixiao::msg::with_lang(lang, || {
            check::check(&form, &opts)
                .into_iter()
                .find(|x| x.rule == "self.execution-rate")
                .unwrap()
                .to_string()
        })
    };
    assert_eq!(
        rate(jixiao::msg::Lang::Zh),
        format!(
            "{}: 机关服务费!G6: 错误[self.execution-rate]: 年度资金总额执行率不等于全年执行数 / 全年预算数（应为 12.51 / 14.00 × 100 = 89.36（四舍五入），实为 89.35）\n  提示: 表中数字是截位所得：请加 --rounding truncate",
            fixture(XJ23).display()
        )
    );
    assert_eq!(
        rate(jixiao::msg::Lang::En),
        format!(
            "{}: 机关服务费!G6: error[self.execution-rate]: 年度资金总额 执行率 is not 全年执行数 / 全年预算数 (expected 12.51 / 14.00 × 100 = 89.36 (rounded half-up), found 89.35)\n  hint: the form's figure is truncated: run with --rounding truncate",
            fixture(XJ23).display()
        )
    );
}

#[test]
fn check_exit_codes() {
    let se = fixture(XJ23);
    let se = se.to_str().unwrap();
    let (code, out, _) = jixiao_in(None, &["check", se]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("机关服务费!D22: 警告[indicator.unit-missing]: 第 10 行指标「服务对象满意度」的定量指标值没有计量单位（实为 「100」）\n  提示: 在数字后的括号里写单位，如 ≥90.00(%) 或 =0.00(次)\n"),
        "{out}"
    );
    assert!(
        out.ends_with("共检查 1 个文件中的 5 张表：错误 0 个，警告 2 个，提醒 12 个（提醒未列出：--show-info 可列出）\n"),
        "{out}"
    );
    let (_, out, _) = jixiao(&["check", se]);
    assert!(
        out.contains("机关服务费!D22: warning[indicator.unit-missing]: 定量 指标值 of indicator 10 \"服务对象满意度\" has no unit (found \"100\")\n  hint: write the unit in brackets after the number, e.g. ≥90.00(%) or =0.00(次)\n"),
        "{out}"
    );
    assert!(
        out.ends_with("checked 5 form(s) in 1 file(s): 0 error(s), 2 warning(s), 12 info(s) (infos hidden: --show-info lists them)\n"),
        "{out}"
    );
    let (code, _, _) = jixiao(&["check", "--strict", se]);
    assert_eq!(code, 1);
    let decl = fixture(XJ26);
    let (code, out, _) = jixiao(&["check", decl.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("机关服务费!G14:H14: error[indicator.required]: indicator 2 \"车队服务提供率\" has no 指标值"), "{out}");
    let (_, out, _) = jixiao_in(None, &["check", decl.to_str().unwrap()]);
    assert!(out.contains("机关服务费!G14:H14: 错误[indicator.required]: 第 2 行指标「车队服务提供率」没有指标值\n  提示: 填写指标值，如 ≥90.00(%) 或一句简短的定性描述\n"), "{out}");
    let (code, _, err) = jixiao(&["check", "no-such-file.xlsx", se]);
    assert_eq!(code, 2, "{err}");
    // A file that cannot be read is said on stderr, in Chinese, and counted in the closing
    // line: "错误 0 个" alone would read as a clean batch.
    let (code, out, err) = jixiao_in(None, &["check", "no-such-file.xlsx", se]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "jixiao: no-such-file.xlsx: 无法打开：找不到该文件或文件夹\n"
    );
    assert!(
        out.ends_with("共检查 2 个文件中的 5 张表：错误 0 个，警告 2 个，提醒 12 个（提醒未列出：--show-info 可列出）；1 个文件无法读取（原因见上）\n"),
        "{out}"
    );
}

#[test]
fn check_json_report() {
    let decl = fixture(XJ26);
    let (code, out, _) = jixiao(&["check", "--format", "json", decl.to_str().unwrap()]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["forms"], 4);
    assert_eq!(v["counts"]["errors"], 2);
    let first = &v["findings"][0];
    assert_eq!(first["rule"], "indicator.required");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["at"]["sheet"], "机关服务费");
    assert_eq!(first["at"]["cell"], "G14:H14");
}

#[test]
fn score_writes_json_and_explains() {
    let dir = temp_dir("score");
    let out = dir.join("scored.json");
    let input = fixture(XJ23);
    let args = [
        "score",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--explain",
    ];
    // Chinese by default: the form's labels, the indicator's row and name, sheet!cell.
    let (code, stdout, err) = jixiao_in(None, &args);
    assert_eq!(code, 0, "{err}");
    let form = |name: &str| -> Vec<&str> {
        stdout
            .lines()
            .skip_while(|l| !l.starts_with(name))
            .take_while(|l| l.starts_with(name) || l.starts_with("  "))
            .collect()
    };
    let lines = form("合作交流工作业务费");
    assert_eq!(
        lines[0],
        format!(
            "合作交流工作业务费（{}: 合作交流工作业务费）：",
            input.display()
        )
    );
    assert_eq!(
        lines[1],
        "  年度资金总额的执行率：17.73 / 28.88 × 100 = 61.39（截位）；与表中一致  位置：合作交流工作业务费!G6"
    );
    assert!(
        lines.contains(&"  第 1 行指标「赴对口支援地区工作次数」的得分：正向指标（指标值 ≥20）：实际完成值 32.00 ≥ 20，得满分 10.00；与表中一致  位置：合作交流工作业务费!G13"),
        "{lines:#?}"
    );
    let lines = form("机关服务费");
    assert_eq!(
        &lines[4..],
        [
            "  其他资金的执行率：全年预算数为 0，执行率记为 0.00；与表中一致  位置：机关服务费!G9",
            "  年度资金总额的得分：10.00 × 89.35% = 8.93（截位，最高 10.00）；与表中一致  位置：机关服务费!H6",
            "  第 1 行指标「公务用车保障率」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [8, 10] 内评分  位置：机关服务费!G13",
            "  第 2 行指标「公务车事故次数」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [8, 10] 内评分  位置：机关服务费!G14",
            "  第 3 行指标「任务完成及时率」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [8, 10] 内评分  位置：机关服务费!G15",
            "  第 4 行指标「成本控制」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [8, 10] 内评分  位置：机关服务费!G16",
            "  第 5 行指标「费用标准」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [8, 10] 内评分  位置：机关服务费!G17",
            "  第 6 行指标「两地经济合作往来促进作用」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [8, 10] 内评分  位置：机关服务费!G18",
            "  第 7 行指标「对单位职能工作的支撑作用」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [8, 10] 内评分  位置：机关服务费!G19",
            "  第 8 行指标「人员配置情况」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [4, 5] 内评分  位置：机关服务费!G20",
            "  第 9 行指标「长效机制建立情况」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [4, 5] 内评分  位置：机关服务费!G21",
            "  第 10 行指标「服务对象满意度」的得分：定性指标，实际完成值「达成指标」属达成档：请在 [8, 10] 内评分  位置：机关服务费!G22",
            "  总分：各指标得分合计 90.00 + 预算执行得分 8.93 = 98.93；与表中一致  位置：机关服务费!G23",
            "  评分等级：优（总分 98.93，≥ 90）；与表中一致  位置：机关服务费!F24:H24",
        ]
    );
    assert!(
        !stdout.contains("indicators[") && !stdout.contains("funds."),
        "{stdout}"
    );

    let (code, stdout, err) = jixiao(&args);
    assert_eq!(code, 0, "{err}");
    for line in [
        "  得分 of 年度资金总额: 10.00 × 89.35% = 8.93 (truncated, capped at 10.00) [matches the form]  (at 机关服务费!H6)",
        "  得分 of indicator 1 \"赴对口支援地区工作次数\": 正向 (≥20): 实际完成值 32.00 ≥ 20, full marks 10.00 [matches the form]  (at 合作交流工作业务费!G13)",
        "  评分等级: 优 (总分 96.13 ≥ 90) [matches the form]  (at 合作交流工作业务费!F24:H24)",
    ] {
        assert!(stdout.lines().any(|l| l == line), "{line}\n{stdout}");
    }
    let (code, check_out, _) = jixiao(&["check", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{check_out}");
}

#[test]
fn score_fills_a_blanked_model_and_writes_xlsx() {
    let dir = temp_dir("score-xlsx");
    let forms: Vec<Form> = read(XJ23)
        .into_iter()
        .map(|f| match f {
            Form::SelfEvaluation(s) => Form::SelfEvaluation(blanked(s)),
            other => other,
        })
        .collect();
    let input = dir.join("blanked.json");
    jixiao::write::json::write(&jixiao::model::Document::new(forms), &input).unwrap();
    let out = dir.join("scored.xlsx");
    let (code, _, err) = jixiao(&[
        "score",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let scored = jixiao::read::read_workbook(&out).unwrap().value;
    for (form, (name, rate, exec, total)) in scored.iter().zip(SEED_001) {
        let Form::SelfEvaluation(s) = form else {
            panic!("{name}: not a self-evaluation")
        };
        assert_eq!(s.project_name, name);
        assert_eq!(s.funds.total.rate.number(), Some(d(rate)), "{name}");
        assert_eq!(s.funds.total.score.number(), Some(d(exec)), "{name}");
        assert_eq!(s.total_score.number(), Some(d(total)), "{name}");
        assert_eq!(s.grade, "优", "{name}");
    }
    let (code, check_out, _) = jixiao(&["check", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{check_out}");
}

//! Issue 4: the 2020 财政项目支出绩效目标表 (seed 003) and its conversion to today's 申报表.
//! Expected values are copied from `../shared/seeds/003_*.txt`, not from jixiao's output.

use crate::common::{fixture, jixiao, read};
use jixiao::model::{Form, Legacy2020, MoneyUnit};
use rust_decimal::Decimal;
use std::path::Path;

const FILE: &str = "xining-2020-legacy.xlsx";

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn legacy_forms() -> Vec<Legacy2020> {
    read(FILE)
        .into_iter()
        .map(|f| match f {
            Form::Legacy2020(l) => l,
            other => panic!("expected 目标表, found {}", other.kind_label()),
        })
        .collect()
}

/// The seed text, split into its two forms.
fn seed_forms() -> Vec<String> {
    let dir = fixture("../seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("003_"))
        .unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    text.split("财政项目支出绩效目标表")
        .skip(1)
        .map(str::to_string)
        .collect()
}

/// The seed's text between `label：` and the next of `next`, without the line breaks of the dump.
fn seed_section(form: &str, label: &str, next: &str) -> String {
    let start = form.find(label).unwrap() + label.len();
    let end = start + form[start..].find(next).unwrap();
    form[start..end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// (一级, 二级, 三级, 指标目标值) of the two forms, as seed 003 prints them.
const SEED_003_ROWS: [[(&str, &str, &str, &str); 12]; 2] = [
    [
        ("投入与管理", "投入管理", "预算资金到位率", ">=90%"),
        (
            "投入与管理",
            "财务管理",
            "预算编制合理性",
            "任务相关性、政策相符性及经济合理性强",
        ),
        (
            "投入与管理",
            "实施管理",
            "实施流程规范性",
            "申报流程完整、过程材料完整齐全",
        ),
        ("产出目标", "数量", "预算执行率", ">=90%"),
        (
            "产出目标",
            "质量",
            "完成项目预期规模及要点要求",
            "按照课题研究、服务保障工作年度总体要求和计划安排，完成任务达到总体目标要求",
        ),
        (
            "产出目标",
            "时效",
            "项目启动及时性",
            "考核项目发挥影响作用的时间早晚及合适程度",
        ),
        ("效果目标", "经济效益", "课题转化成果率", "=100%"),
        (
            "效果目标",
            "社会效益",
            "合作交流工作支撑作用",
            "支撑作用明显",
        ),
        ("效果目标", "满意度", "服务对象满意度", ">=90%"),
        (
            "影响力目标",
            "长效管理",
            "长效机制建立情况",
            "与相关地区（单位）建立长效交流机制",
        ),
        (
            "影响力目标",
            "人力资源",
            "人员配置情况",
            "项目单位有人员分工机制，人员配置能有效完成项目",
        ),
        (
            "影响力目标",
            "部门协助",
            "部门协同有效性",
            "项目实施过程中，项目单位内部机构分工合理、配合有效",
        ),
    ],
    [
        ("投入与管理", "投入管理", "预算资金到位率", ">=90%"),
        (
            "投入与管理",
            "财务管理",
            "资金使用合规性",
            "是否符合国家财经法规和财务管理制度以及有关专项资金管理办法的规定",
        ),
        (
            "投入与管理",
            "实施管理",
            "实施流程规范性",
            "申报流程完整、过程材料完整齐全",
        ),
        ("产出目标", "数量", "接待团组数量", ">=60个"),
        ("产出目标", "质量", "公务用车保障率", ">=90%"),
        ("产出目标", "时效", "接待工作完成率", ">=90%"),
        (
            "效果目标",
            "经济效益",
            "沪青两地经济合作往来",
            "两地经济合作交流成果显著",
        ),
        (
            "效果目标",
            "社会效益",
            "合作交流工作支撑作用",
            "支撑作用明显",
        ),
        ("效果目标", "满意度", "服务对象满意度", ">=90%"),
        ("影响力目标", "长效管理", "长效管理制度健全性", "健全"),
        (
            "影响力目标",
            "人力资源",
            "人员配置情况",
            "项目单位有人员分工机制，人员配置能有效完成项目",
        ),
        (
            "影响力目标",
            "部门协助",
            "部门协同有效性",
            "项目实施过程中，项目单位内部机构分工合理、配合有效",
        ),
    ],
];

/// (项目名称, 项目总预算, 项目当年预算, 同名项目上年预算额, 同名项目上年预算执行数).
const SEED_003: [(&str, &str, &str, &str, &str); 2] = [
    ("合作交流工作业务费", "500000", "500000", "760000", "760000"),
    (
        "合作交流专项工作经费",
        "630000",
        "630000",
        "630000",
        "630000",
    ),
];

#[test]
fn reads_seed_003_legacy_2020() {
    let forms = legacy_forms();
    assert_eq!(forms.len(), 2);
    let seeds = seed_forms();
    for (i, form) in forms.iter().enumerate() {
        let (name, total, current, prior, executed) = SEED_003[i];
        assert_eq!(form.year, Some(2020));
        assert_eq!(form.applicant, "上海市人民政府驻西宁办事处");
        assert_eq!(form.project_name, name);
        assert_eq!(form.project_category, "经常性专项业务费");
        assert_eq!(
            (form.planned_start.as_str(), form.planned_end.as_str()),
            ("2020-01-01", "2020-12-31")
        );
        assert_eq!(form.government_purchase, "否");
        assert_eq!(form.performance_type, "其他类");
        assert_eq!(form.unit, MoneyUnit::Yuan);
        assert_eq!(
            [
                form.total_budget,
                form.current_budget,
                form.prior_budget,
                form.prior_executed
            ],
            [
                Some(d(total)),
                Some(d(current)),
                Some(d(prior)),
                Some(d(executed))
            ],
            "{name}"
        );
        let seed = &seeds[i];
        let sections = [
            (&form.overview, "项目概况：", "立项依据："),
            (&form.basis, "立项依据：", "项目设立的必要性："),
            (
                &form.necessity,
                "项目设立的必要性：",
                "保证项目实施的制度、措施：",
            ),
            (
                &form.measures,
                "保证项目实施的制度、措施：",
                "项目实施计划：",
            ),
            (&form.plan, "项目实施计划：", "总目标及阶段性目标："),
            (&form.goals, "总目标及阶段性目标：", "本项目上年度"),
        ];
        for (field, label, next) in sections {
            assert!(!field.is_empty(), "{name}: {label}");
            assert_eq!(
                squash(field),
                seed_section(seed, label, next),
                "{name}: {label}"
            );
        }
        let rows: Vec<(&str, &str, &str, &str)> = form
            .indicators
            .iter()
            .map(|r| {
                (
                    r.level1.as_str(),
                    r.level2.as_str(),
                    r.name.as_str(),
                    r.target.raw.as_str(),
                )
            })
            .collect();
        assert_eq!(rows, SEED_003_ROWS[i], "{name}");
        let src = form.source.as_ref().unwrap();
        assert_eq!(src.unmapped, [], "{name}");
        assert_eq!(src.cells_read, 66, "{name}");
        assert_eq!(src.cell("project_category"), Some("A4:D4"));
        assert_eq!(src.cell("indicators[11].target"), Some("D35"));
    }
    let q = forms[1].indicators[3].target.quantity.as_ref().unwrap();
    assert_eq!((q.number, q.unit.as_deref()), (d("60"), Some("个")));
}

#[test]
fn legacy_2020_flat_rows() {
    let doc = jixiao::model::Document::new(read(FILE));
    let tables = jixiao::write::flat::tables(&doc);
    let legacy = tables.iter().find(|t| t.name == "legacy_2020").unwrap();
    assert_eq!(legacy.rows.len(), 2);
    assert_eq!(legacy.rows[0][4], "合作交流工作业务费");
    assert_eq!(legacy.rows[0][18], "760000");
    let indicators = tables.iter().find(|t| t.name == "indicators").unwrap();
    assert_eq!(indicators.rows.len(), 24);
    assert!(indicators.rows.iter().all(|r| r[2] == "目标表"));
}

/// `jixiao convert INPUT [--taxonomy SET] -o OUTPUT [more args]`.
fn convert_to(input: &Path, taxonomy: Option<&str>, output: &Path, more: &[&str]) -> (i32, String) {
    let mut args = vec!["convert", input.to_str().unwrap()];
    if let Some(set) = taxonomy {
        args.extend(["--taxonomy", set]);
    }
    args.extend(["-o", output.to_str().unwrap()]);
    args.extend(more);
    let (code, _, err) = jixiao(&args);
    (code, err)
}

#[test]
fn legacy_2020_json_round_trip_keeps_the_narrative() {
    let dir = crate::common::temp_dir("legacy-json");
    let out = dir.join("legacy.json");
    let input = fixture(FILE);
    let (code, err) = convert_to(&input, None, &out, &["-v"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read 目标表 \"合作交流工作业务费\""), "{err}");
    assert!(err.contains("(66 of 66 cells mapped)"), "{err}");
    let back = jixiao::read::read_json(&out).unwrap();
    assert_eq!(
        back.forms,
        read(FILE),
        "the JSON model reads back equal, narrative included"
    );
}

#[test]
fn converts_legacy_2020_to_a_current_declaration() {
    let dir = crate::common::temp_dir("legacy-migrate");
    let out = dir.join("current.json");
    let input = fixture(FILE);
    let (code, err) = convert_to(&input, Some("current"), &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("合作交流工作业务费!B24: warning[migrate.review]: 投入与管理/投入管理 → 成本指标/经济成本指标"), "{err}");
    let doc = jixiao::read::read_json(&out).unwrap();
    let legacy = legacy_forms();
    assert_eq!(doc.forms.len(), 2);
    for (form, old) in doc.forms.iter().zip(&legacy) {
        let Form::Declaration(d) = form else {
            panic!("expected a 申报表")
        };
        assert_eq!(d.project_name, old.project_name);
        assert_eq!(d.project_nature.as_deref(), Some("经常性专项业务费"));
        assert_eq!(d.implementing_unit, "上海市人民政府驻西宁办事处");
        assert_eq!(
            (d.funds.project_total, d.funds.annual_total),
            (old.total_budget, old.current_budget)
        );
        assert_eq!(d.annual_goal, old.goals);
        // Every row of the 2020 form is there, with the labels it had.
        assert_eq!(d.indicators.len(), old.indicators.len());
        for i in &d.indicators {
            let from = old.indicators.iter().find(|o| o.name == i.name).unwrap();
            assert_eq!(i.source_level1.as_deref(), Some(from.level1.as_str()));
            assert_eq!(i.source_level2.as_deref(), Some(from.level2.as_str()));
            assert_eq!(i.target, from.target);
            assert_eq!(
                i.review.is_some(),
                from.level1 == "投入与管理" || i.name == "预算执行率",
                "{}",
                i.name
            );
        }
        let levels: Vec<(&str, &str)> = d
            .indicators
            .iter()
            .map(|i| (i.level1.as_str(), i.level2.as_str()))
            .collect();
        let mut firsts: Vec<&str> = levels.iter().map(|l| l.0).collect();
        firsts.dedup();
        assert_eq!(
            firsts,
            ["成本指标", "产出指标", "效益指标", "满意度指标"],
            "blocks in the current order"
        );
        assert!(levels.contains(&("效益指标", "可持续影响指标")));
        // The narrative sections are the 申报表's fields too (issue 11); the prior-year amounts
        // and the rest travel as notes.
        assert_eq!(d.overview, old.overview);
        assert_eq!(d.basis, old.basis);
        assert_eq!(d.plan, old.plan);
        assert!(!d.overview.is_empty());
        let note = |label: &str| {
            d.notes
                .iter()
                .find(|n| n.label == label)
                .map(|n| n.text.clone())
        };
        assert_eq!(note("项目概况"), None);
        assert_eq!(
            note("同名项目上年预算执行数（元）"),
            old.prior_executed.map(jixiao::msg::amount)
        );
        assert_eq!(note("绩效类型").as_deref(), Some("其他类"));
    }
    let (code, _) = convert_to(&input, Some("old"), &dir.join("old.json"), &["-q"]);
    assert_eq!(code, 0);
    let doc = jixiao::read::read_json(&dir.join("old.json")).unwrap();
    let Form::Declaration(d) = &doc.forms[0] else {
        panic!()
    };
    assert!(d.indicators.iter().all(|i| i.level1 != "成本指标"));
    assert!(
        d.indicators
            .iter()
            .any(|i| (i.level1.as_str(), i.level2.as_str()) == ("产出指标", "成本指标"))
    );
}

#[test]
fn converts_legacy_2020_to_a_current_workbook_that_reads_back() {
    let dir = crate::common::temp_dir("legacy-xlsx");
    let input = fixture(FILE);
    let (json, xlsx) = (dir.join("current.json"), dir.join("current.xlsx"));
    let (code, err) = convert_to(&input, Some("current"), &json, &["-q"]);
    assert_eq!(code, 0, "{err}");
    // Workbooks are written in the current set without being asked.
    let (code, err) = convert_to(&input, None, &xlsx, &["-q"]);
    assert_eq!(code, 0, "{err}");
    let expected = crate::common::without_source(&jixiao::read::read_json(&json).unwrap().forms);
    let back = jixiao::read::read_workbook(&xlsx).unwrap();
    for form in &back.value {
        assert_eq!(
            form.source().unwrap().unmapped,
            [],
            "the 备注 section is read back too"
        );
    }
    let back = crate::common::without_source(&back.value);
    assert_eq!(back.len(), 2);
    for (b, e) in back.iter().zip(&expected) {
        let (Form::Declaration(b), Form::Declaration(e)) = (b, e) else {
            panic!("expected 申报表")
        };
        assert_eq!(b.project_name, e.project_name);
        assert_eq!(b.funds, e.funds);
        assert_eq!(
            b.notes, e.notes,
            "narrative sections and prior-year amounts"
        );
        let levels = |d: &jixiao::model::Declaration| -> Vec<(String, String, String, String)> {
            d.indicators
                .iter()
                .map(|i| {
                    (
                        i.level1.clone(),
                        i.level2.clone(),
                        i.name.clone(),
                        i.target.raw.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(levels(b), levels(e), "the mapped taxonomy");
    }
}

/// Issue 4: `--taxonomy current` moves 自评表 rows too. Seed 001 is on the old set: its
/// 产出指标/成本指标 rows become 成本指标/经济成本指标 (first, as the current set prints them),
/// remember what they were, keep their figures, and the JSON reads back as written.
#[test]
fn converts_self_evaluations_to_the_current_set_and_back() {
    use jixiao::migrate::{Forms, migrate_document};
    use jixiao::model::{Document, EvaluatedIndicator, SelfEvaluation};
    use jixiao::taxonomy::TaxonomySet;
    const SELF_EVALS: &str = "xinjiang-2023-self-evaluations.xlsx";
    let dir = crate::common::temp_dir("self-eval-taxonomy");
    let (current, old) = (dir.join("current.json"), dir.join("old.json"));
    let input = fixture(SELF_EVALS);
    let (code, err) = convert_to(&input, Some("current"), &current, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !err.contains("migrate."),
        "an exact mapping warns of nothing: {err}"
    );
    let as_read = read(SELF_EVALS);
    let back = jixiao::read::read_json(&current).unwrap();
    let in_memory = migrate_document(
        &Document::new(as_read.clone()),
        TaxonomySet::Current,
        Forms::All,
    );
    assert_eq!(back.forms, in_memory.value.forms, "the JSON round trip");

    let self_eval = |f: &Form| -> SelfEvaluation {
        match f {
            Form::SelfEvaluation(s) => s.clone(),
            other => panic!("expected 自评表, found {}", other.kind_label()),
        }
    };
    let mut moved_rows = 0;
    for (migrated, original) in back.forms.iter().zip(&as_read) {
        let (m, o) = (self_eval(migrated), self_eval(original));
        let is_old_cost = |i: &EvaluatedIndicator| {
            (i.level1.as_str(), i.level2.as_str()) == ("产出指标", "成本指标")
        };
        // The current set prints 成本指标 first; every other row keeps its place and labels.
        let expected: Vec<EvaluatedIndicator> = o
            .indicators
            .iter()
            .filter(|i| is_old_cost(i))
            .map(|i| EvaluatedIndicator {
                level1: "成本指标".into(),
                level2: "经济成本指标".into(),
                source_level1: Some("产出指标".into()),
                source_level2: Some("成本指标".into()),
                ..i.clone()
            })
            .chain(o.indicators.iter().filter(|i| !is_old_cost(i)).cloned())
            .collect();
        assert_eq!(m.indicators, expected, "{}", o.project_name);
        moved_rows += o.indicators.iter().filter(|i| is_old_cost(i)).count();
        // The recorded cells follow their rows.
        let (ms, os) = (m.source.unwrap(), o.source.unwrap());
        for (i, row) in m.indicators.iter().enumerate() {
            let j = o
                .indicators
                .iter()
                .position(|r| r.name == row.name && r.target == row.target)
                .unwrap();
            assert_eq!(
                ms.cell(&format!("indicators[{i}].name")),
                os.cell(&format!("indicators[{j}].name")),
                "{}",
                row.name
            );
        }
        assert_eq!(
            (m.total_weight, m.total_score),
            (o.total_weight, o.total_score)
        );
    }
    assert!(
        moved_rows >= 5,
        "seed 001 has cost rows in every form: {moved_rows}"
    );

    // Back to the old set: the rows are where seed 001 printed them, and still say where they came from.
    let (code, err) = convert_to(&current, Some("old"), &old, &["-q"]);
    assert_eq!(code, 0, "{err}");
    let back = jixiao::read::read_json(&old).unwrap();
    for (migrated, original) in back.forms.iter().zip(&as_read) {
        let (m, o) = (self_eval(migrated), self_eval(original));
        let levels = |s: &SelfEvaluation| -> Vec<(String, String, String)> {
            s.indicators
                .iter()
                .map(|i| (i.level1.clone(), i.level2.clone(), i.name.clone()))
                .collect()
        };
        assert_eq!(levels(&m), levels(&o), "{}", o.project_name);
        assert!(
            m.indicators
                .iter()
                .filter(|i| i.level2 == "成本指标")
                .all(|i| i.source_level1.as_deref() == Some("产出指标"))
        );
    }

    // A workbook without --taxonomy keeps a 自评表 on the set it was read in.
    let xlsx = dir.join("as-read.xlsx");
    let (code, err) = convert_to(&input, None, &xlsx, &["-q"]);
    assert_eq!(code, 0, "{err}");
    let written = jixiao::read::read_workbook(&xlsx).unwrap().value;
    assert_eq!(
        crate::common::without_source(&written),
        crate::common::without_source(&as_read)
    );
}

/// Issue 11: the 2020 目标表 written in its own layout (`--layout source`) is styled as the
/// shared 2020 fixture prints it, cell for cell: bold, size and alignment of every non-empty
/// cell (the `2020年绩效目标` heading bold and centred, section labels bold and left, texts left
/// and vertically centred, 三级 and 指标目标值 left).
#[test]
fn issue_11_legacy_2020_in_its_own_layout_is_styled_as_the_fixture() {
    let dir = crate::common::temp_dir("legacy-styles");
    let name = "xining-2020-legacy.xlsx";
    let doc = jixiao::model::Document::new(read(name));
    let (bytes, _) =
        jixiao::write::xlsx_bytes_in(&doc, jixiao::write::LayoutChoice::Source).unwrap();
    let out = dir.join("legacy.xlsx");
    std::fs::write(&out, bytes).unwrap();
    let written = crate::common::cell_styles(&out);
    let expected = crate::common::cell_styles(&fixture(name));
    assert_eq!(expected.len(), 66);
    let style = |bold, h: &str| (bold, "10".to_string(), h.to_string(), "center".to_string());
    assert_eq!(expected["A22"], style(true, "center"));
    assert_eq!(expected["A7"], style(true, "left"));
    assert_eq!(expected["D24"], style(false, "left"));
    assert_eq!(written, expected);
}

/// Issue 11: a 2020 目标表 converted to the official 申报表 prints its 备注 labels with room
/// (A:C): `同名项目上年预算额（元）` and the other long labels stand on one line, never wrapped
/// mid-word as A:B (15 wide) did (`同名项目上年预/算额`).
#[test]
fn issue_11_long_notes_labels_have_room_in_the_official_layout() {
    let dir = crate::common::temp_dir("legacy-note-labels");
    let out = dir.join("declaration.xlsx");
    let (code, err) = convert_to(&fixture("xining-2020-legacy.xlsx"), None, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let grid = &jixiao::grid::open(&out).unwrap()[0];
    let label = |text: &str| {
        let at = grid
            .cells()
            .into_iter()
            .find(|(_, c)| c.text() == text)
            .unwrap_or_else(|| panic!("{text} not printed"))
            .0;
        grid.area(at).to_string()
    };
    for text in [
        "同名项目上年预算额（元）",
        "同名项目上年预算执行数（元）",
        "保证项目实施的制度、措施",
    ] {
        assert!(label(text).starts_with('A'), "{text}");
        assert!(label(text).contains(":C"), "{text}: {}", label(text));
    }
}

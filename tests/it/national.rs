//! Issue 4, point 3: the national forms — the 88号 申报表 with its 中期 and 年度 sides (DOMAIN
//! §1a) and the 9-column 自评表 with weights in the 一级 cells and placeholder rows (§1b). Both
//! workbooks are made here with rust_xlsxwriter, laid out as the DOMAIN tables give them, with
//! figures in the style of SRC-LUAN (a 常年项目 over 3 years, in 万元) and SRC-TC.

use crate::common::{TempFile, d, fig, temp_dir, without_source};
use jixiao::a1::parse_area;
use jixiao::check::{self, Options};
use jixiao::diag::Severity;
use jixiao::model::{
    Declaration, Document, EvaluatedIndicator, Figure, Form, Indicator, MediumTerm, MoneyUnit,
};
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

/// A cell: text, or a number shown with two decimals (a percentage when `%`).
enum V {
    T(&'static str),
    N(f64),
    P(f64),
}
use V::{N, P, T};

/// Writes `cells` (A1 area, value) on one sheet, merging multi-cell areas.
fn workbook(name: &str, cells: &[(&str, V)]) -> TempFile {
    let path = temp_dir(&format!("national-{name}")).file(&format!("{name}.xlsx"));
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let (plain, money, percent) = (
        Format::new(),
        Format::new().set_num_format("0.00"),
        Format::new().set_num_format("0.00%"),
    );
    for (a1, value) in cells {
        let at = parse_area(a1).unwrap();
        let ((r0, c0), (r1, c1)) = (at.first, at.last);
        let (c0, c1) = (c0 as u16, c1 as u16);
        if at.first != at.last {
            sheet.merge_range(r0, c0, r1, c1, "", &plain).unwrap();
        }
        match value {
            T(s) => sheet.write_string(r0, c0, *s).map(|_| ()),
            N(v) => sheet
                .write_number_with_format(r0, c0, *v, &money)
                .map(|_| ()),
            P(v) => sheet
                .write_number_with_format(r0, c0, *v, &percent)
                .map(|_| ()),
        }
        .unwrap();
    }
    wb.save(&path).unwrap();
    path
}

const MEDIUM_GOAL: &str = "到2026年，完成项目区60万亩高标准农田管护任务，管护设施完好率保持在90%以上，建立健全建后管护长效机制。";
const ANNUAL_GOAL: &str =
    "2024年完成20万亩高标准农田管护任务，维修管护设施100处，管护设施完好率达到90%以上。";

/// The 88号 申报表, DOMAIN §1a: 8 columns, 中期 left and 年度 right.
fn national_declaration() -> Vec<(&'static str, V)> {
    vec![
        ("A1:H1", T("项目支出绩效目标申报表")),
        ("A2:H2", T("( 2024 年度)")),
        ("A3:D3", T("项目责任人(签字):")),
        ("E3:H3", T("单位(盖章):")),
        ("A4", T("项目名称")),
        ("B4:H4", T("高标准农田建后管护项目")),
        ("A5", T("主管部门及代码")),
        ("B5:D5", T("六安市农业农村局 412001")),
        ("E5", T("实施单位")),
        ("F5:H5", T("六安市农田建设管理服务中心")),
        ("A6", T("项目属性")),
        ("B6:D6", T("常年项目")),
        ("E6", T("项目期")),
        ("F6:H6", T("3年")),
        ("A7:A9", T("项目资金 (万元)")),
        ("B7:C7", T("中期资金总额:")),
        ("D7", N(900.0)),
        ("E7:F7", T("年度资金总额:")),
        ("G7:H7", N(300.0)),
        ("B8:C8", T("其中:财政拨款")),
        ("D8", N(860.0)),
        ("E8:F8", T("其中:财政拨款")),
        ("G8:H8", N(280.0)),
        ("B9:C9", T("其他资金")),
        ("D9", N(40.0)),
        ("E9:F9", T("其他资金")),
        ("G9:H9", N(20.0)),
        ("A10:A11", T("总体目标")),
        ("B10:E10", T("中期目标(2024年—2026年)")),
        ("F10:H10", T("年度目标")),
        ("B11:E11", T(MEDIUM_GOAL)),
        ("F11:H11", T(ANNUAL_GOAL)),
        ("A12:A22", T("绩效指标")),
        ("B12", T("一级指标")),
        ("C12", T("二级指标")),
        ("D12", T("三级指标")),
        ("E12", T("指标值")),
        ("F12", T("二级指标")),
        ("G12", T("三级指标")),
        ("H12", T("指标值")),
        ("B13:B18", T("产出指标")),
        // 数量: two rows on both sides.
        ("C13:C14", T("数量指标")),
        ("D13", T("高标准农田管护面积")),
        ("E13", T("≥60万亩")),
        ("D14", T("管护设施维修数量")),
        ("E14", T("≥300处")),
        ("F13:F14", T("数量指标")),
        ("G13", T("高标准农田管护面积")),
        ("H13", T("≥20万亩")),
        ("G14", T("管护设施维修数量")),
        ("H14", T("≥100处")),
        // 质量: two 中期 rows, one 年度 row (F16:H16 left blank, unmerged).
        ("C15:C16", T("质量指标")),
        ("D15", T("管护设施完好率")),
        ("E15", T("≥90%")),
        ("D16", T("工程验收合格率")),
        ("E16", T("=100%")),
        ("F15", T("质量指标")),
        ("G15", T("管护设施完好率")),
        ("H15", T("≥90%")),
        ("C17", T("时效指标")),
        ("D17", T("管护任务完成及时率")),
        ("E17", T("≥95%")),
        ("F17", T("时效指标")),
        ("G17", T("管护任务完成及时率")),
        ("H17", T("≥95%")),
        ("C18", T("成本指标")),
        ("D18", T("中期管护资金")),
        ("E18", T("≤900万元")),
        ("F18", T("成本指标")),
        ("G18", T("年度管护资金")),
        ("H18", T("≤300万元")),
        ("B19:B21", T("效益指标")),
        ("C19", T("经济效益指标")),
        ("D19", T("项目区粮食产能提升")),
        ("E19", T("≥5%")),
        ("F19", T("经济效益指标")),
        ("G19", T("项目区粮食产能提升")),
        ("H19", T("≥2%")),
        ("C20", T("社会效益指标")),
        ("D20", T("受益农户数")),
        ("E20", T("≥30000户")),
        ("F20", T("社会效益指标")),
        ("G20", T("受益农户数")),
        ("H20", T("≥10000户")),
        ("C21", T("可持续影响指标")),
        ("D21", T("建后管护长效机制")),
        ("E21", T("建立健全")),
        ("F21", T("可持续影响指标")),
        ("G21", T("建后管护长效机制")),
        ("H21", T("逐步健全")),
        ("B22", T("满意度指标")),
        ("C22", T("服务对象满意度指标")),
        ("D22", T("受益农户满意度")),
        ("E22", T("≥90%")),
        ("F22", T("服务对象满意度指标")),
        ("G22", T("受益农户满意度")),
        ("H22", T("≥90%")),
    ]
}

fn rows(list: &[(&str, &str, &str, &str)]) -> Vec<Indicator> {
    list.iter()
        .map(|(l1, l2, name, target)| Indicator::new(*l1, *l2, *name, target))
        .collect()
}

fn expected_declaration() -> Declaration {
    Declaration {
        year: Some(2024),
        project_name: "高标准农田建后管护项目".into(),
        project_nature: Some("常年项目".into()),
        department: "六安市农业农村局 412001".into(),
        implementing_unit: "六安市农田建设管理服务中心".into(),
        funds: jixiao::model::DeclarationFunds {
            unit: MoneyUnit::WanYuan,
            annual_total: Some(d("300.00")),
            annual_fiscal: Some(d("280.00")),
            annual_other: Some(d("20.00")),
            ..Default::default()
        },
        annual_goal: ANNUAL_GOAL.into(),
        indicators: rows(&[
            ("产出指标", "数量指标", "高标准农田管护面积", "≥20万亩"),
            ("产出指标", "数量指标", "管护设施维修数量", "≥100处"),
            ("产出指标", "质量指标", "管护设施完好率", "≥90%"),
            ("产出指标", "时效指标", "管护任务完成及时率", "≥95%"),
            ("产出指标", "成本指标", "年度管护资金", "≤300万元"),
            ("效益指标", "经济效益指标", "项目区粮食产能提升", "≥2%"),
            ("效益指标", "社会效益指标", "受益农户数", "≥10000户"),
            ("效益指标", "可持续影响指标", "建后管护长效机制", "逐步健全"),
            ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%"),
        ]),
        medium_term: Some(MediumTerm {
            period: "3年".into(),
            years: "2024年—2026年".into(),
            total: Some(d("900.00")),
            fiscal: Some(d("860.00")),
            other: Some(d("40.00")),
            goal: MEDIUM_GOAL.into(),
            indicators: rows(&[
                ("产出指标", "数量指标", "高标准农田管护面积", "≥60万亩"),
                ("产出指标", "数量指标", "管护设施维修数量", "≥300处"),
                ("产出指标", "质量指标", "管护设施完好率", "≥90%"),
                ("产出指标", "质量指标", "工程验收合格率", "=100%"),
                ("产出指标", "时效指标", "管护任务完成及时率", "≥95%"),
                ("产出指标", "成本指标", "中期管护资金", "≤900万元"),
                ("效益指标", "经济效益指标", "项目区粮食产能提升", "≥5%"),
                ("效益指标", "社会效益指标", "受益农户数", "≥30000户"),
                ("效益指标", "可持续影响指标", "建后管护长效机制", "建立健全"),
                ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%"),
            ]),
        }),
        ..Declaration::default()
    }
}

/// Reads a workbook that must hold exactly one form, with no error and every cell mapped.
fn read_one(path: &Path) -> (Form, Vec<jixiao::diag::Diagnostic>) {
    let read = jixiao::read::read_workbook(path).unwrap();
    assert_eq!(read.value.len(), 1);
    let form = read.value.into_iter().next().unwrap();
    let src = form.source().unwrap();
    assert_eq!(src.unmapped, [], "100 % of the cells mapped");
    assert!(
        read.diagnostics
            .iter()
            .all(|d| d.severity == Severity::Info),
        "{:#?}",
        read.diagnostics
    );
    (form, read.diagnostics)
}

fn check_errors(form: &Form) -> Vec<String> {
    check::check_document(&Document::new(vec![form.clone()]), &Options::default())
        .into_iter()
        .filter(|d| d.severity <= Severity::Warning)
        .map(|d| format!("{}: {}", d.rule, d.message))
        .collect()
}

#[test]
fn reads_the_national_88_declaration_with_both_sides() {
    let path = workbook("declaration-88", &national_declaration());
    let (form, _) = read_one(&path);
    let Form::Declaration(got) = &form else {
        panic!("expected 申报表, found {}", form.kind_label())
    };
    assert_eq!(
        Declaration {
            source: None,
            ..got.clone()
        },
        expected_declaration()
    );
    let src = got.source.as_ref().unwrap();
    assert_eq!(src.cells_read, national_declaration().len() as u32);
    assert_eq!(src.cell("medium_term.total"), Some("D7"));
    assert_eq!(src.cell("funds.annual_fiscal"), Some("G8:H8"));
    assert_eq!(src.cell("medium_term.indicators[3].name"), Some("D16"));
    assert_eq!(src.cell("indicators[3].name"), Some("G17"));
    assert_eq!(src.cell("medium_term.goal"), Some("B11:E11"));
    // Old taxonomy and 万元: the checks find nothing to say.
    assert_eq!(check_errors(&form), Vec::<String>::new());
}

#[test]
fn national_88_declaration_keeps_a_filled_in_signature_as_a_note() {
    let mut cells = national_declaration();
    cells[2] = ("A3:D3", T("项目责任人(签字)：王明"));
    let (form, _) = read_one(&workbook("declaration-88-signed", &cells));
    let Form::Declaration(got) = form else {
        panic!()
    };
    assert_eq!(
        got.notes,
        [jixiao::model::Note {
            label: "项目责任人（签字）".into(),
            text: "王明".into()
        }]
    );
    assert_eq!(got.source.unwrap().cell("notes[0].text"), Some("A3:D3"));
}

#[test]
fn national_88_declaration_survives_json_and_reads_its_medium_term_side_back_from_notes() {
    let path = workbook("declaration-88-write", &national_declaration());
    let dir = path.parent().unwrap().to_path_buf();
    let (form, _) = read_one(&path);
    let doc = Document::new(vec![form]);
    let json = dir.join("out.json");
    jixiao::write::json::write(&doc, &json).unwrap();
    assert_eq!(jixiao::read::read_json(&json).unwrap(), doc);

    // The official Shanghai layout prints the 年度 side; the 中期 side goes under 备注.
    let xlsx = dir.join("out.xlsx");
    jixiao::write::write_xlsx(&doc, &xlsx).unwrap();
    let (back, _) = read_one(&xlsx);
    let Form::Declaration(back) = back else {
        panic!()
    };
    let expected = expected_declaration();
    assert_eq!(back.indicators, expected.indicators);
    assert_eq!(back.funds, expected.funds);
    assert_eq!(back.annual_goal, expected.annual_goal);
    // The 中期 side reads back whole from 备注, where the official layout prints it: 项目期,
    // the amounts and 中期目标 beside their labels, the indicators from the `中期指标` table.
    assert_eq!(back.medium_term, expected.medium_term);
    assert_eq!(back.notes, expected.notes);
    let grid = &jixiao::grid::open(&xlsx).unwrap()[0];
    let source = back.source.as_ref().unwrap();
    let at = |path: &str| {
        grid.text(
            jixiao::a1::parse_area(source.cell(path).unwrap())
                .unwrap()
                .first,
        )
    };
    assert_eq!(at("medium_term.total"), "900.00");
    assert_eq!(at("medium_term.goal"), MEDIUM_GOAL);
    let medium = back.medium_term.as_ref().unwrap();
    assert_eq!(medium.indicators.len(), 10);
    assert_eq!(medium.years, "2024年—2026年");
}

#[test]
fn national_88_declaration_moves_both_sides_to_the_current_set() {
    use jixiao::migrate::{Forms, migrate_document};
    use jixiao::taxonomy::TaxonomySet;
    let path = workbook("declaration-88-taxonomy", &national_declaration());
    let (form, _) = read_one(&path);
    let migrated = migrate_document(&Document::new(vec![form]), TaxonomySet::Current, Forms::All);
    // Each side's 产出指标/成本指标 row moves, reported at its 二级 cell (issue 11).
    let moved: Vec<(&str, Option<&str>)> = migrated
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.as_str(),
                d.at.as_ref().and_then(|l| l.cell.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        moved,
        [
            ("migrate.moved", Some("F18")),
            ("migrate.moved", Some("C18"))
        ],
        "{:#?}",
        migrated.diagnostics
    );
    let Form::Declaration(d) = &migrated.value.forms[0] else {
        panic!()
    };
    let medium = d.medium_term.as_ref().unwrap();
    for rows in [&d.indicators, &medium.indicators] {
        assert_eq!(
            (rows[0].level1.as_str(), rows[0].level2.as_str()),
            ("成本指标", "经济成本指标")
        );
        assert_eq!(rows[0].source_level2.as_deref(), Some("成本指标"));
    }
    let src = d.source.as_ref().unwrap();
    assert_eq!(src.cell("indicators[0].name"), Some("G18"));
    assert_eq!(src.cell("medium_term.indicators[0].name"), Some("D18"));
}

/// The national 自评表, DOMAIN §1b: 9 columns, `(A)`/`(B)` heads, weights in the 一级 cells,
/// placeholder rows left from the blank form.
fn national_self_evaluation() -> Vec<(&'static str, V)> {
    vec![
        ("A1:I1", T("项目支出绩效自评表")),
        ("A2:I2", T("（2023年度）")),
        ("A3", T("项目名称")),
        ("B3:I3", T("水旱灾害防御能力提升项目")),
        ("A4", T("主管部门")),
        ("B4:E4", T("天长市水利局")),
        ("F4", T("实施单位")),
        ("G4:I4", T("天长市水利局水旱灾害防御股")),
        ("A5:A9", T("项目资金(万元)")),
        ("D5", T("年初预算数")),
        ("E5", T("全年预算数(A)")),
        ("F5", T("全年执行数(B)")),
        ("G5", T("分值")),
        ("H5", T("执行率(B/A)")),
        ("I5", T("得分")),
        ("B6:C6", T("年度资金总额:")),
        ("D6", N(120.0)),
        ("E6", N(120.0)),
        ("F6", N(114.6)),
        ("G6", T("10")),
        ("H6", P(0.955)),
        ("I6", T("9.55")),
        ("B7:C7", T("其中：当年财政拨款")),
        ("D7", N(120.0)),
        ("E7", N(120.0)),
        ("F7", N(114.6)),
        ("G7", T("—")),
        ("H7", P(0.955)),
        ("I7", T("—")),
        ("B8:C8", T("上年结转资金")),
        ("D8", N(0.0)),
        ("E8", N(0.0)),
        ("F8", N(0.0)),
        ("G8", T("—")),
        ("I8", T("—")),
        ("B9:C9", T("其他资金")),
        ("D9", N(0.0)),
        ("E9", N(0.0)),
        ("F9", N(0.0)),
        ("G9", T("—")),
        ("I9", T("—")),
        ("A10:A11", T("年度总体目标")),
        ("B10:E10", T("预期目标")),
        ("F10:I10", T("实际完成情况")),
        (
            "B11:E11",
            T("储备防汛物资，开展防汛演练和汛前检查，提升水旱灾害防御能力，确保安全度汛。"),
        ),
        (
            "F11:I11",
            T("储备防汛物资3批，开展演练2次，汛前检查全部按时完成，全年无因灾死亡。"),
        ),
        ("A12:A27", T("绩效指标")),
        ("B12", T("一级指标")),
        ("C12", T("二级指标")),
        ("D12", T("三级指标")),
        ("E12", T("年度指标值")),
        ("F12", T("实际完成值")),
        ("G12", T("分值")),
        ("H12", T("得分")),
        ("I12", T("偏差原因分析及改进措施")),
        ("B13:B21", T("产出指标(50分)")),
        ("C13:C15", T("数量指标")),
        ("D13", T("防汛物资储备批次")),
        ("E13", T("≥3批")),
        ("F13", T("3批")),
        ("G13", T("10")),
        ("H13", T("10")),
        ("D14", T("防汛演练次数")),
        ("E14", T("≥2次")),
        ("F14", T("2次")),
        ("G14", T("10")),
        ("H14", T("10")),
        ("D15", T("指标3:")),
        ("C16:C17", T("质量指标")),
        ("D16", T("防汛设备完好率")),
        ("E16", T("≥95%")),
        ("F16", T("96%")),
        ("G16", T("10")),
        ("H16", T("10")),
        ("D17", T("……")),
        ("C18:C19", T("时效指标")),
        ("D18", T("汛前检查完成及时率")),
        ("E18", T("=100%")),
        ("F18", T("100%")),
        ("G18", T("10")),
        ("H18", T("10")),
        ("D19", T("指标2：")),
        ("C20:C21", T("成本指标")),
        ("D20", T("防汛物资采购成本")),
        ("E20", T("≤120万元")),
        ("F20", T("114.6万元")),
        ("G20", T("10")),
        ("H20", T("10")),
        ("D21", T("指标2:")),
        ("B22:B26", T("效益指标（30分）")),
        ("C22:C23", T("社会效益指标")),
        ("D22", T("因灾死亡人数")),
        ("E22", T("=0人")),
        ("F22", T("0人")),
        ("G22", T("10")),
        ("H22", T("10")),
        ("D23", T("指标2:")),
        ("C24", T("生态效益指标")),
        ("D24", T("指标1:")),
        ("C25:C26", T("可持续影响指标")),
        ("D25", T("防汛应急机制健全性")),
        ("E25", T("健全")),
        ("F25", T("部分达成年度指标并具有一定效果")),
        ("G25", T("10")),
        ("H25", T("7")),
        ("I25", T("个别乡镇应急预案更新滞后，下年度督促按期修订")),
        ("D26", T("河道堤防巡查长效机制")),
        ("E26", T("建立")),
        ("F26", T("达成年度指标")),
        ("G26", T("10")),
        ("H26", T("10")),
        ("B27", T("满意度指标(10分)")),
        ("C27", T("服务对象满意度指标")),
        ("D27", T("受益群众满意度")),
        ("E27", T("≥90%")),
        ("F27", T("93%")),
        ("G27", T("10")),
        ("H27", T("10")),
        ("A28:F28", T("总分")),
        ("G28", T("100")),
        ("H28", T("96.55")),
    ]
}

fn evaluated(level1: &str, weight: &str, level2: &str, cells: [&str; 6]) -> EvaluatedIndicator {
    EvaluatedIndicator {
        level1: level1.into(),
        level1_weight: Some(d(weight)),
        level2: level2.into(),
        name: cells[0].into(),
        target: jixiao::model::IndicatorValue::new(cells[1]),
        actual: jixiao::model::IndicatorValue::new(cells[2]),
        weight: fig(cells[3]),
        score: fig(cells[4]),
        deviation_reason: cells[5].into(),
        ..EvaluatedIndicator::default()
    }
}

#[test]
fn reads_the_national_9_column_self_evaluation() {
    let path = workbook("self-eval-9col", &national_self_evaluation());
    let (form, diagnostics) = read_one(&path);
    let Form::SelfEvaluation(got) = &form else {
        panic!("expected 自评表, found {}", form.kind_label())
    };
    let out = |l2, c| evaluated("产出指标", "50", l2, c);
    let effect = |l2, c| evaluated("效益指标", "30", l2, c);
    let expected_rows = vec![
        out(
            "数量指标",
            ["防汛物资储备批次", "≥3批", "3批", "10", "10", ""],
        ),
        out("数量指标", ["防汛演练次数", "≥2次", "2次", "10", "10", ""]),
        out(
            "质量指标",
            ["防汛设备完好率", "≥95%", "96%", "10", "10", ""],
        ),
        out(
            "时效指标",
            ["汛前检查完成及时率", "=100%", "100%", "10", "10", ""],
        ),
        out(
            "成本指标",
            ["防汛物资采购成本", "≤120万元", "114.6万元", "10", "10", ""],
        ),
        effect(
            "社会效益指标",
            ["因灾死亡人数", "=0人", "0人", "10", "10", ""],
        ),
        // A 二级 with nothing but a placeholder stays, as the skeleton row of an empty 二级.
        effect("生态效益指标", ["", "", "", "", "", ""]),
        effect(
            "可持续影响指标",
            [
                "防汛应急机制健全性",
                "健全",
                "部分达成年度指标并具有一定效果",
                "10",
                "7",
                "个别乡镇应急预案更新滞后，下年度督促按期修订",
            ],
        ),
        effect(
            "可持续影响指标",
            [
                "河道堤防巡查长效机制",
                "建立",
                "达成年度指标",
                "10",
                "10",
                "",
            ],
        ),
        evaluated(
            "满意度指标",
            "10",
            "服务对象满意度指标",
            ["受益群众满意度", "≥90%", "93%", "10", "10", ""],
        ),
    ];
    assert_eq!(got.indicators, expected_rows);
    assert_eq!(got.year, Some(2023));
    assert_eq!(got.project_name, "水旱灾害防御能力提升项目");
    assert_eq!(got.department, "天长市水利局");
    assert_eq!(got.implementing_unit, "天长市水利局水旱灾害防御股");
    assert_eq!(got.funds.unit, MoneyUnit::WanYuan);
    let total = &got.funds.total;
    assert_eq!(
        [
            total.initial_budget,
            total.annual_budget,
            total.executed,
            total.weight,
            total.rate,
            total.score
        ],
        [
            fig("120.00"),
            fig("120.00"),
            fig("114.60"),
            fig("10"),
            fig("95.50"),
            fig("9.55")
        ]
    );
    let fiscal = &got.funds.fiscal;
    assert_eq!(
        [fiscal.executed, fiscal.weight, fiscal.rate, fiscal.score],
        // The form prints `—` under 分值/得分: kept as printed (issue 11).
        [fig("114.60"), fig("—"), fig("95.50"), fig("—")]
    );
    assert_eq!(
        [got.funds.carryover.annual_budget, got.funds.carryover.rate],
        [fig("0.00"), Figure::Blank]
    );
    assert!(got.expected_goal.starts_with("储备防汛物资"));
    assert!(got.actual_result.ends_with("全年无因灾死亡。"));
    assert_eq!(
        (got.total_weight, got.total_score),
        (fig("100"), fig("96.55"))
    );
    assert_eq!(got.grade, "");
    let src = got.source.as_ref().unwrap();
    assert_eq!(src.cells_read, national_self_evaluation().len() as u32);
    assert_eq!(src.cell("indicators[6].level2"), Some("C24"));
    assert_eq!(src.cell("indicators[7].name"), Some("D25"));
    // Each placeholder is named once, as an info note at its cell.
    let placeholders: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.rule == "read.placeholder")
        .map(|d| d.at.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(placeholders.len(), 6, "{placeholders:?}");
    assert!(placeholders[0].ends_with("!D15"), "{placeholders:?}");
    // 万元 and the national wording of the qualitative bands: nothing to report.
    assert_eq!(check_errors(&form), Vec::<String>::new());
}

#[test]
fn national_self_evaluation_keeps_the_level1_weights_through_xlsx_and_json() {
    let path = workbook("self-eval-9col-write", &national_self_evaluation());
    let dir = path.parent().unwrap().to_path_buf();
    let (form, _) = read_one(&path);
    let doc = Document::new(vec![form]);
    let json = dir.join("out.json");
    jixiao::write::json::write(&doc, &json).unwrap();
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.contains("\"level1_weight\": \"50\""), "{text}");
    assert_eq!(jixiao::read::read_json(&json).unwrap(), doc);

    let xlsx = dir.join("out.xlsx");
    jixiao::write::write_xlsx(&doc, &xlsx).unwrap();
    let grid = &jixiao::grid::open(&xlsx).unwrap()[0];
    assert_eq!(grid.text((12, 0)), "产出指标(50分)");
    let (back, _) = read_one(&xlsx);
    assert_eq!(without_source(&[back]), without_source(&doc.forms));
}

#[test]
fn level1_label_prints_the_weight() {
    let mut row = EvaluatedIndicator {
        level1: "产出指标".into(),
        level1_weight: Some(d("50")),
        ..EvaluatedIndicator::default()
    };
    assert_eq!(row.level1_label(), "产出指标(50分)");
    row.level1_weight = None;
    assert_eq!(row.level1_label(), "产出指标");
}

/// Issue 11: the national 9-column 自评表 fits the `self-evaluation-9` layout although its table
/// prints placeholder rows (`指标3:`, `……`) that are no indicators, and records that it has no
/// 评分等级 row; `--layout source` writes it so, its placeholder rows back in their cells, and
/// xlsx → JSON → xlsx → JSON is identical.
#[test]
fn national_self_evaluation_is_written_back_in_its_own_9_column_layout() {
    let path = workbook("self-eval-9col-source", &national_self_evaluation());
    let dir = path.parent().unwrap().to_path_buf();
    let (form, _) = read_one(&path);
    let layout = form.source().unwrap().layout.clone().unwrap();
    assert_eq!(layout.id, jixiao::model::LayoutId::SelfEvaluation9);
    assert_eq!(layout.absent, ["grade"]);
    // The placeholder rows, each under its 二级 at its row among the 二级's rows (D24's
    // `指标1:` stands in the row of 生态效益指标, which has no 三级).
    let placeholders: Vec<(&str, &str, usize, &str)> = (layout.placeholders.iter())
        .map(|p| (p.level1.as_str(), p.level2.as_str(), p.row, p.text.as_str()))
        .collect();
    assert_eq!(
        placeholders,
        [
            ("产出指标", "数量指标", 2, "指标3:"),
            ("产出指标", "质量指标", 1, "……"),
            ("产出指标", "时效指标", 1, "指标2："),
            ("产出指标", "成本指标", 1, "指标2:"),
            ("效益指标", "社会效益指标", 1, "指标2:"),
            ("效益指标", "生态效益指标", 0, "指标1:"),
        ]
    );
    let doc = Document::new(vec![form]);
    let (bytes, _) =
        jixiao::write::xlsx_bytes_in(&doc, jixiao::write::LayoutChoice::Source).unwrap();
    let out = dir.join("source.xlsx");
    std::fs::write(&out, bytes).unwrap();
    let grid = &jixiao::grid::open(&out).unwrap()[0];
    // 9 columns, `绩效指标` in A, 总分 last, no 评分等级.
    assert_eq!(grid.cols, 9);
    assert_eq!(grid.text((0, 0)), "项目支出绩效自评表");
    assert_eq!(grid.text((12, 1)), "产出指标(50分)");
    assert_eq!(grid.text((27, 0)), "总分");
    assert_eq!(grid.text((27, 7)), "96.55");
    assert!((0..9).all(|c| grid.text((28, c)).is_empty()));
    // The placeholder rows are back where the form printed them, under their 二级, with the
    // same cells and merges as the input's.
    let mut cells = crate::write_xlsx::exact(std::slice::from_ref(grid)).remove(0);
    let input = crate::write_xlsx::exact(&jixiao::grid::open(&path).unwrap()).remove(0);
    // The empty corner over the funds row heads is merged B5:C5 by the layout (as the
    // 9-column fixture prints it); this workbook leaves it unmerged.
    cells.2.retain(|m| m != "B5:C5");
    assert_eq!(cells.2, input.2, "merged ranges");
    assert_eq!(cells.1, input.1);
    // 执行率 printed as a percentage stays one; a 一级 printed otherwise than jixiao writes it
    // (`（30分）`) keeps its own words.
    assert_eq!(cells.1["H6"], "95.50%");
    assert_eq!(cells.1["B22"], "效益指标（30分）");
    assert_eq!(cells.1["D15"], "指标3:");
    assert_eq!(cells.1["D24"], "指标1:");
    let (back, _) = read_one(&out);
    assert_eq!(back.source().unwrap().layout, Some(layout));
    let json =
        |forms: &[Form]| jixiao::write::json::to_string(&Document::new(without_source(forms)));
    assert_eq!(json(&[back]), json(&doc.forms));
}

/// Issue 11: the national 88号 申报表 written back with `--layout source` has every cell and
/// merge of the input: its two sides aligned as printed, 二级 beside the same 二级 (the 中期
/// side's second 质量指标 row beside an empty 年度 row, 时效指标 beside 时效指标).
#[test]
fn national_88_declaration_is_written_back_cell_for_cell() {
    let path = workbook("declaration-88-source", &national_declaration());
    let dir = path.parent().unwrap().to_path_buf();
    let (form, _) = read_one(&path);
    assert_eq!(
        form.source().unwrap().layout.as_ref().unwrap().id,
        jixiao::model::LayoutId::Declaration88
    );
    let doc = Document::new(vec![form]);
    let (bytes, _) =
        jixiao::write::xlsx_bytes_in(&doc, jixiao::write::LayoutChoice::Source).unwrap();
    let out = dir.join("source.xlsx");
    std::fs::write(&out, bytes).unwrap();
    let written = crate::write_xlsx::exact(&jixiao::grid::open(&out).unwrap());
    let input = crate::write_xlsx::exact(&jixiao::grid::open(&path).unwrap());
    assert_eq!(written[0].1, input[0].1, "text of the cells");
    assert_eq!(written[0].2, input[0].2, "merged ranges");
    assert_eq!(written[0].1.get("F16"), None);
    assert_eq!(written[0].1["F17"], "时效指标");
}

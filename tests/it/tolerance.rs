//! Issue 4, tolerance: workbooks laid out the untidy ways real offices lay them out read into
//! the same model as the tidy form, with every cell mapped. Each workbook is made here with
//! rust_xlsxwriter; each test changes one thing against the tidy form.

use crate::common::{TempFile, temp_dir, without_source};
use jixiao::a1::Pos;
use jixiao::model::{Declaration, Figure, Form, SelfEvaluation};
use jixiao::write::LayoutChoice;
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use std::path::Path;

/// A cell value as the workbook stores it.
#[derive(Clone, Debug)]
enum V {
    Text(String),
    /// A number with its Excel number format.
    Number(f64, &'static str),
}

fn t(s: &str) -> Option<V> {
    Some(V::Text(s.to_string()))
}

fn n(v: f64) -> Option<V> {
    Some(V::Number(v, "#,##0.00"))
}

/// A form as (area in A1 notation, value) pairs; `None` is a blank (merged) area.
#[derive(Clone)]
struct Layout(Vec<(&'static str, Option<V>)>);

impl Layout {
    /// Replaces the value of the area `at`.
    fn set(mut self, at: &str, value: Option<V>) -> Self {
        let slot = self
            .0
            .iter_mut()
            .find(|(a, _)| *a == at)
            .unwrap_or_else(|| panic!("no area {at}"));
        slot.1 = value;
        self
    }
}

fn pos(a1: &str) -> Pos {
    let col: String = a1.chars().take_while(char::is_ascii_alphabetic).collect();
    let row: u32 = a1[col.len()..].parse().unwrap();
    let col = col
        .bytes()
        .fold(0u32, |c, b| c * 26 + u32::from(b - b'A' + 1))
        - 1;
    (row - 1, col)
}

fn area(a1: &str) -> (Pos, Pos) {
    match a1.split_once(':') {
        Some((a, b)) => (pos(a), pos(b)),
        None => (pos(a1), pos(a1)),
    }
}

/// How a layout is put on a sheet.
#[derive(Clone, Copy, Default)]
struct Placing {
    /// Where the form's A1 goes.
    origin: Pos,
    /// Write the value into every cell of a merged area, as some tools do.
    repeat: bool,
    /// Leave merges out, as a copy-paste of values does.
    no_merges: bool,
}

fn put(sheet: &mut Worksheet, layout: &Layout, placing: Placing) {
    let plain = Format::new();
    for (a1, value) in &layout.0 {
        let ((r0, c0), (r1, c1)) = area(a1);
        let (r0, c0, r1, c1) = (
            r0 + placing.origin.0,
            c0 + placing.origin.1,
            r1 + placing.origin.0,
            c1 + placing.origin.1,
        );
        let merged = (r0, c0) != (r1, c1) && !placing.no_merges;
        if merged {
            sheet
                .merge_range(r0, c0 as u16, r1, c1 as u16, "", &plain)
                .unwrap();
        }
        let cells: Vec<(u32, u32)> = if placing.repeat {
            (r0..=r1)
                .flat_map(|r| (c0..=c1).map(move |c| (r, c)))
                .collect()
        } else {
            vec![(r0, c0)]
        };
        for (r, c) in cells {
            match value {
                Some(V::Text(s)) => {
                    sheet.write_string(r, c as u16, s).unwrap();
                }
                Some(V::Number(v, code)) => {
                    sheet
                        .write_number_with_format(
                            r,
                            c as u16,
                            *v,
                            &Format::new().set_num_format(*code),
                        )
                        .unwrap();
                }
                None => {}
            }
        }
    }
}

/// Writes one sheet holding `forms` (each with its placing) and any extra cells.
fn workbook(name: &str, forms: &[(Layout, Placing)], extra: &[(Pos, &str)]) -> TempFile {
    let path = temp_dir(&format!("tolerance-{name}")).file(&format!("{name}.xlsx"));
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("表").unwrap();
    for (layout, placing) in forms {
        put(sheet, layout, *placing);
    }
    for ((r, c), text) in extra {
        sheet.write_string(*r, *c as u16, *text).unwrap();
    }
    wb.save(&path).unwrap();
    path
}

/// The tidy 申报表, 8 columns, as the fixtures lay it out.
fn declaration() -> Layout {
    Layout(vec![
        ("A1:H1", t("财政项目支出绩效目标申报表")),
        ("A2:H2", t("（2026年度）")),
        ("A3:B3", t("项目名称")),
        ("C3:D3", t("机关服务费")),
        ("E3", t("项目性质")),
        ("F3", t("经常性专项业务费")),
        ("G3", t("项目类别")),
        ("H3", t("其他运转类")),
        ("A4:B4", t("主管部门")),
        ("C4:D4", t("上海市人民政府合作交流办公室")),
        ("E4", t("实施单位")),
        ("F4:H4", t("上海市人民政府驻新疆办事处")),
        ("A5:B5", t("计划开始日期")),
        ("C5:D5", t("2026-01-01")),
        ("E5", t("计划完成日期")),
        ("F5:H5", t("2026-12-31")),
        ("A6:B9", t("项目资金（元）")),
        ("C6:D6", t("项目资金总额")),
        ("E6", n(1400000.0)),
        ("F6:G6", t("年度资金申请总额")),
        ("H6", n(140000.0)),
        ("C7:D8", t("其中：财政资金")),
        ("E7:E8", n(1400000.0)),
        ("F7:G7", t("其中：当年财政拨款")),
        ("H7", n(140000.0)),
        ("F8:G8", t("上年结转资金")),
        ("H8", n(0.0)),
        ("C9:D9", t("其他资金")),
        ("E9", n(0.0)),
        ("F9:G9", t("其他资金")),
        ("H9", n(0.0)),
        ("A10:A11", t("项目绩效目标")),
        ("B10:E10", t("项目总目标")),
        ("F10:H10", t("年度总体目标")),
        ("B11:E11", t("保障办事处日常公务活动。")),
        ("F11:H11", t("保障车辆服务。")),
        ("A12:A15", t("绩效指标")),
        ("B12", t("一级指标")),
        ("C12", t("二级指标")),
        ("D12:F12", t("三级指标")),
        ("G12:H12", t("年度（/项目）指标值")),
        ("B13", t("成本指标")),
        ("C13", t("经济成本指标")),
        ("D13:F13", t("车队服务成本控制额")),
        ("G13:H13", t("≤14.00(万元)")),
        ("B14:B15", t("产出指标")),
        ("C14", t("数量指标")),
        ("D14:F14", t("服务保障天数")),
        ("G14:H14", t("≥300.00(天)")),
        ("C15", t("质量指标")),
        ("D15:F15", t("安全出车率")),
        ("G15:H15", t("=100.00(%)")),
    ])
}

/// The tidy 自评表, 8 columns.
fn self_evaluation() -> Layout {
    let two = |v: f64| Some(V::Number(v, "0.00"));
    Layout(vec![
        ("A1:H1", t("财政项目支出绩效自评表")),
        ("A2:H2", t("（2023年度）")),
        ("A3", t("项目名称")),
        ("B3:H3", t("机关服务费")),
        ("A4", t("主管部门")),
        ("B4:D4", t("上海市人民政府合作交流办公室")),
        ("E4", t("实施单位")),
        ("F4:H4", t("上海市人民政府驻新疆办事处")),
        ("A5:A9", t("项目资金（万元）")),
        ("C5", t("年初预算数")),
        ("D5", t("全年预算数")),
        ("E5", t("全年执行数")),
        ("F5", t("分值")),
        ("G5", t("执行率(%)")),
        ("H5", t("得分")),
        ("B6", t("年度资金总额")),
        ("C6", two(14.0)),
        ("D6", two(14.0)),
        ("E6", two(12.51)),
        ("F6", two(10.0)),
        ("G6", two(89.35)),
        ("H6", two(8.93)),
        ("B7", t("其中：当年财政拨款")),
        ("C7", two(14.0)),
        ("D7", two(14.0)),
        ("E7", two(12.51)),
        ("F7", t("-")),
        ("G7", two(89.35)),
        ("H7", t("-")),
        ("B8", t("上年结转资金")),
        ("C8", two(0.0)),
        ("D8", two(0.0)),
        ("E8", two(0.0)),
        ("F8", t("-")),
        ("G8", two(0.0)),
        ("H8", t("-")),
        ("B9", t("其他资金")),
        ("C9", two(0.0)),
        ("D9", two(0.0)),
        ("E9", two(0.0)),
        ("F9", t("-")),
        ("G9", two(0.0)),
        ("H9", t("-")),
        ("A10:A11", t("年度总体目标")),
        ("B10:E10", t("预期目标")),
        ("F10:H10", t("实际完成情况")),
        ("B11:E11", t("保障车辆服务。")),
        ("F11:H11", t("全年保障到位。")),
        ("A12", t("一级指标")),
        ("B12", t("二级指标")),
        ("C12", t("三级指标")),
        ("D12", t("年度指标值")),
        ("E12", t("实际完成值")),
        ("F12", t("分值")),
        ("G12", t("得分")),
        ("H12", t("偏差原因分析及改进措施")),
        ("A13:A14", t("产出指标")),
        ("B13", t("数量指标")),
        ("C13", t("公务用车保障率")),
        ("D13", t("100%")),
        ("E13", t("达成指标")),
        ("F13", two(45.0)),
        ("G13", two(45.0)),
        ("H13", None),
        ("B14", t("质量指标")),
        ("C14", t("安全出车率")),
        ("D14", t("=100(%)")),
        ("E14", t("100(%)")),
        ("F14", two(45.0)),
        ("G14", two(45.0)),
        ("A15:E15", t("总分")),
        ("F15", Some(V::Number(100.0, "0"))),
        ("G15", two(98.93)),
        ("A16:E16", t("评分等级")),
        ("F16:H16", t("优")),
    ])
}

/// Reads `path`, asserting no errors and every cell mapped; returns the forms.
fn read_all(path: &Path) -> Vec<Form> {
    let read = jixiao::read::read_workbook(path).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<_> = read
        .diagnostics
        .iter()
        .filter(|d| d.severity == jixiao::diag::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for f in &read.value {
        let s = f.source().unwrap();
        assert_eq!(s.unmapped, [], "{}", s.range);
    }
    read.value
}

fn tidy(layout: Layout, name: &str) -> Vec<Form> {
    without_source(&read_all(&workbook(
        name,
        &[(layout, Placing::default())],
        &[],
    )))
}

/// Reads the messy layout and compares it with the tidy one.
fn same_as_tidy(tidy_layout: Layout, messy: Layout, placing: Placing, name: &str) -> Vec<Form> {
    let expected = tidy(tidy_layout, &format!("{name}-tidy"));
    let forms = read_all(&workbook(name, &[(messy, placing)], &[]));
    assert_eq!(without_source(&forms), expected, "{name}");
    forms
}

fn declaration_of(forms: &[Form]) -> &Declaration {
    match &forms[0] {
        Form::Declaration(d) => d,
        other => panic!("expected a 申报表, found {}", other.kind_label()),
    }
}

fn self_evaluation_of(forms: &[Form]) -> &SelfEvaluation {
    match &forms[0] {
        Form::SelfEvaluation(s) => s,
        other => panic!("expected a 自评表, found {}", other.kind_label()),
    }
}

#[test]
fn reads_the_tidy_forms() {
    let forms = tidy(declaration(), "tidy-declaration");
    let d = declaration_of(&forms);
    assert_eq!(d.project_name, "机关服务费");
    assert_eq!(d.funds.annual_total, Some("140000.00".parse().unwrap()));
    assert_eq!(d.indicators.len(), 3);
    assert_eq!(d.indicators[2].level1, "产出指标");
    let forms = tidy(self_evaluation(), "tidy-self-evaluation");
    let s = self_evaluation_of(&forms);
    assert_eq!(s.funds.total.rate, Figure::Number("89.35".parse().unwrap()));
    assert_eq!(s.indicators.len(), 2);
}

#[test]
fn reads_forms_stacked_under_a_summary_heading() {
    let path = workbook(
        "stacked",
        &[
            (
                declaration(),
                Placing {
                    origin: (2, 0),
                    ..Placing::default()
                },
            ),
            (
                declaration().set("C3:D3", t("驻外办驻外工作经费")),
                Placing {
                    origin: (19, 0),
                    ..Placing::default()
                },
            ),
            (
                self_evaluation(),
                Placing {
                    origin: (36, 0),
                    ..Placing::default()
                },
            ),
        ],
        &[((0, 0), "2026年项目绩效目标汇总表")],
    );
    let read = jixiao::read::read_workbook(&path).unwrap();
    let names: Vec<(&str, &str)> = read
        .value
        .iter()
        .map(|f| (f.kind_label(), f.project_name()))
        .collect();
    assert_eq!(
        names,
        [
            ("申报表", "机关服务费"),
            ("申报表", "驻外办驻外工作经费"),
            ("自评表", "机关服务费")
        ]
    );
    let expected = tidy(declaration(), "stacked-tidy");
    assert_eq!(without_source(&read.value[..1]), expected);
    assert_eq!(read.value[1].source().unwrap().range, "A20:H34");
    for f in &read.value {
        assert_eq!(f.source().unwrap().unmapped, []);
    }
    // The heading is reported, not silently dropped.
    assert!(
        read.diagnostics
            .iter()
            .any(|d| d.rule == "read.outside-form" && d.message.contains("汇总表"))
    );
}

#[test]
fn reads_forms_that_do_not_start_at_a1() {
    let placing = Placing {
        origin: (4, 3),
        ..Placing::default()
    };
    let forms = same_as_tidy(declaration(), declaration(), placing, "offset-declaration");
    assert_eq!(
        forms[0].source().unwrap().cell("funds.annual_total"),
        Some("K10")
    );
    same_as_tidy(
        self_evaluation(),
        self_evaluation(),
        placing,
        "offset-self-evaluation",
    );
}

#[test]
fn reads_labels_with_inner_spaces_line_breaks_and_half_width_punctuation() {
    let messy = declaration()
        .set("A3:B3", t("项 目 名 称"))
        .set("A6:B9", t("项目资金\n(元)"))
        .set("C6:D6", t("项目资金总额:"))
        .set("C7:D8", t("其中:财政资金"))
        .set("F7:G7", t("其中: 当年财政拨款"))
        .set("A10:A11", t("项目\n绩效\n目标"))
        .set("A12:A15", t("绩效\n指标"))
        .set("G12:H12", t("年度(/项目)指标值"));
    same_as_tidy(declaration(), messy, Placing::default(), "labels");
}

#[test]
fn reads_header_synonyms() {
    let messy = declaration()
        .set("B10:E10", t("项目总目标 (2024年-2024年)"))
        .set("F10:H10", t("年度总目标"))
        .set("G12:H12", t("年度指标值"));
    same_as_tidy(
        declaration(),
        messy,
        Placing::default(),
        "synonyms-declaration",
    );
    let messy = self_evaluation()
        .set("F5", t("分数"))
        .set("D12", t("年度（/项目）指标值"));
    same_as_tidy(
        self_evaluation(),
        messy,
        Placing::default(),
        "synonyms-self-evaluation",
    );
}

#[test]
fn reads_values_repeated_into_every_cell_of_a_merged_range() {
    let placing = Placing {
        repeat: true,
        ..Placing::default()
    };
    let forms = same_as_tidy(
        declaration(),
        declaration(),
        placing,
        "repeated-declaration",
    );
    assert!(
        forms[0].source().unwrap().cells_read > 52,
        "the repeats were seen, and mapped"
    );
    same_as_tidy(
        self_evaluation(),
        self_evaluation(),
        placing,
        "repeated-self-evaluation",
    );
}

#[test]
fn reads_forms_without_merges() {
    let placing = Placing {
        no_merges: true,
        ..Placing::default()
    };
    same_as_tidy(
        declaration(),
        declaration(),
        placing,
        "unmerged-declaration",
    );
    same_as_tidy(
        self_evaluation(),
        self_evaluation(),
        placing,
        "unmerged-self-evaluation",
    );
}

#[test]
fn reads_amounts_stored_as_text_with_thousands_separators() {
    let messy = declaration()
        .set("E6", t("1,400,000.00"))
        .set("E7:E8", t(" 1,400,000.00 "))
        .set("H6", t("140,000.00"))
        .set("H7", t("140，000.00"));
    let forms = same_as_tidy(declaration(), messy, Placing::default(), "text-amounts");
    assert_eq!(
        declaration_of(&forms).funds.project_total,
        Some("1400000.00".parse().unwrap())
    );
}

#[test]
fn reads_execution_rate_stored_as_a_fraction_with_a_percent_format() {
    let pct = |v: f64| Some(V::Number(v, "0.00%"));
    let messy = self_evaluation()
        .set("G6", pct(0.8935))
        .set("G7", pct(0.8935))
        .set("G8", pct(0.0))
        .set("G9", pct(0.0));
    let forms = same_as_tidy(self_evaluation(), messy, Placing::default(), "percent-rate");
    assert_eq!(
        self_evaluation_of(&forms).funds.total.rate.to_string(),
        "89.35"
    );
}

#[test]
fn reads_dates_as_serial_numbers_or_text() {
    for (i, (start, end)) in [
        (
            Some(V::Number(46023.0, "yyyy-mm-dd")),
            Some(V::Number(46387.0, "yyyy/m/d")),
        ),
        (
            Some(V::Number(46023.0, "General")),
            Some(V::Number(46387.0, "0")),
        ),
        (t("2026/1/1"), t("2026/12/31")),
        (t("2026年1月1日"), t("2026年12月31日")),
        (t(" 2026-01-01 "), t("2026.12.31")),
    ]
    .into_iter()
    .enumerate()
    {
        let messy = declaration().set("C5:D5", start).set("F5:H5", end);
        let forms = same_as_tidy(
            declaration(),
            messy,
            Placing::default(),
            &format!("dates-{i}"),
        );
        let d = declaration_of(&forms);
        assert_eq!(
            (d.planned_start.as_str(), d.planned_end.as_str()),
            ("2026-01-01", "2026-12-31"),
            "case {i}"
        );
    }
}

#[test]
fn reads_cells_with_p_tags_and_stray_spaces() {
    let messy = declaration()
        .set("C3:D3", t("<p>机关服务费</p>"))
        .set("F3", t("\u{3000}经常性专项业务费 "))
        .set("G3", t("<p>项目类别</p>"))
        .set("F11:H11", t("<p>保障车辆服务。</p>"))
        .set("D14:F14", t(" 服务保障天数\u{a0}"))
        .set("G14:H14", t("<p>≥300.00(天)</p>"));
    same_as_tidy(declaration(), messy, Placing::default(), "tags");
}

#[test]
fn reads_legacy_2020_pairs_in_separate_cells() {
    // DOMAIN §1d's drawing: label and value in their own cells, two pairs a row.
    let split = Layout(vec![
        ("A1:D1", t("财政项目支出绩效目标表")),
        ("A2:D2", t("（2020年度）")),
        ("A3:D3", t("申报单位名称：上海市人民政府驻西宁办事处")),
        ("A4", t("项目名称：")),
        ("B4", t("合作交流工作业务费")),
        ("C4", t("项目类别：")),
        ("D4", t("经常性专项业务费")),
        ("A5", t("计划开始日期：")),
        ("B5", Some(V::Number(43831.0, "yyyy-mm-dd"))),
        ("C5", t("计划完成日期：")),
        ("D5", t("2020年12月31日")),
        ("A6", t("是否含有政府购买服务：")),
        ("B6", t("否")),
        ("C6", t("绩效类型：")),
        ("D6", t("其他类")),
        ("A7:D7", t("项目概况：")),
        ("A8:D8", t("第一段。")),
        ("A9:D9", t("第二段。")),
        ("A10:D10", t("立项依据：依据工作职能。")),
        ("A11:D11", t("本项目上年度市级财政资金使用情况")),
        ("A12", t("项目总预算（元）：")),
        ("B12", Some(V::Number(500000.0, "#,##0"))),
        ("C12", t("项目当年预算（元）：")),
        ("D12", t("500,000")),
        ("A13", t("同名项目上年预算额（元）：")),
        ("B13", t("760,000")),
        ("C13", t("同名项目上年预算执行数（元）：")),
        ("D13", None),
        ("A14:D14", t("2020年绩效目标")),
        ("A15", t("一级目标")),
        ("B15", t("二级目标")),
        ("C15", t("三级目标")),
        ("D15", t("指标目标值")),
        ("A16:A17", t("产出目标")),
        ("B16", t("数量")),
        ("C16", t("预算执行率")),
        ("D16", t(">=90%")),
        ("B17", t("质量")),
        ("C17", t("完成项目预期规模及要点要求")),
        ("D17", t("完成任务")),
    ]);
    let forms = read_all(&workbook(
        "legacy-split",
        &[(split, Placing::default())],
        &[],
    ));
    let Form::Legacy2020(l) = &forms[0] else {
        panic!("expected a 目标表")
    };
    assert_eq!(l.applicant, "上海市人民政府驻西宁办事处");
    assert_eq!(
        (l.project_name.as_str(), l.project_category.as_str()),
        ("合作交流工作业务费", "经常性专项业务费")
    );
    assert_eq!(
        (l.planned_start.as_str(), l.planned_end.as_str()),
        ("2020-01-01", "2020-12-31")
    );
    assert_eq!(
        (l.government_purchase.as_str(), l.performance_type.as_str()),
        ("否", "其他类")
    );
    assert_eq!(l.overview, "第一段。\n第二段。");
    assert_eq!(l.basis, "依据工作职能。");
    let d = |s: &str| Some(s.parse::<rust_decimal::Decimal>().unwrap());
    assert_eq!(
        [
            l.total_budget,
            l.current_budget,
            l.prior_budget,
            l.prior_executed
        ],
        [d("500000"), d("500000"), d("760000"), None]
    );
    assert_eq!(l.indicators.len(), 2);
    assert_eq!(
        (
            l.indicators[1].level1.as_str(),
            l.indicators[1].level2.as_str()
        ),
        ("产出目标", "质量")
    );
}

/// Issue 11: numbers keep the decimals they were printed with. The Decimal's scale is the printed
/// one (JSON keeps it); `--layout source` prints it so (`880` stays `880`, `12.5` stays `12.5`),
/// the official layout with two decimals at least (`880.00`).
#[test]
fn amounts_keep_their_printed_decimals_in_json_and_in_the_source_layout() {
    let general = |v: f64| Some(V::Number(v, "General"));
    let form = declaration()
        .set("H6", general(880.0))
        .set("H7", Some(V::Number(867.5, "#,##0.0")))
        .set("H8", t("12.5"))
        .set("H9", n(0.0));
    let path = workbook("printed-decimals", &[(form, Placing::default())], &[]);
    let forms = jixiao::read::read_workbook(&path).unwrap().value;
    let funds = &declaration_of(&forms).funds;
    let shown = |d: Option<rust_decimal::Decimal>| d.unwrap().to_string();
    assert_eq!(
        [
            funds.annual_total,
            funds.annual_fiscal,
            funds.annual_carryover,
            funds.annual_other
        ]
        .map(shown),
        ["880", "867.5", "12.5", "0.00"]
    );
    let doc = jixiao::model::Document::new(forms.clone());
    let json = jixiao::write::json::to_string(&doc);
    assert!(json.contains("\"annual_total\": \"880\""), "{json}");
    let back: jixiao::model::Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);

    let dir = path.parent().unwrap();
    for (choice, expected) in [
        (LayoutChoice::Source, ["880", "867.5", "12.5", "0.00"]),
        (
            LayoutChoice::Official,
            ["880.00", "867.50", "12.50", "0.00"],
        ),
    ] {
        let (bytes, _) = jixiao::write::xlsx_bytes_in(&back, choice).unwrap();
        let out = dir.join("written.xlsx");
        std::fs::write(&out, bytes).unwrap();
        let grid = &jixiao::grid::open(&out).unwrap()[0];
        let texts = [(5, 7), (6, 7), (7, 7), (8, 7)].map(|p| grid.text(p));
        assert_eq!(texts, expected, "{choice:?}");
    }
}

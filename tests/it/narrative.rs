//! Issue 11: the district 申报表's 申报单位名称 and narrative blocks (项目概况, 立项依据,
//! 项目设立的必要性, 保证项目实施的制度、措施, 项目实施计划) are fields of the form: read, kept in JSON
//! and the flat tables, and written back (under 备注 in the official layout), never reported as
//! unmapped nor dropped.

use crate::common::{jixiao, read_clean, temp_dir, without_source};
use jixiao::model::{Declaration, Form};
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

const APPLICANT: &str = "上海市人民政府驻新疆办事处";
const OVERVIEW: &str = "保障办事处日常公务活动和对口支援工作的车辆服务。";
const MEASURES: &str = "做好大厦消防、电梯检测及消防演练，确保各类合作交流工作顺利开展。";
const PLAN: &str = "1-12月按月保障，年底开展满意度调查，服务对象满意度不低于90%。";

/// The district 申报表 as the benchmark corpus prints it (`bench/gen_corpus.py`, 7 columns): a
/// summary title, 申报单位名称 under the caption, and the narrative blocks between 项目资金 and
/// the goals, each label in A beside its text over B:G.
fn district_form(path: &Path) {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("机关服务费").unwrap();
    let plain = Format::new();
    let mut merge = |r0: u32, c0: u16, r1: u32, c1: u16, text: &str| {
        if (r0, c0) == (r1, c1) {
            sheet.write_string(r0, c0, text).unwrap();
        } else {
            sheet.merge_range(r0, c0, r1, c1, text, &plain).unwrap();
        }
    };
    merge(
        0,
        0,
        0,
        6,
        "上海市人民政府驻新疆办事处 2026 年度项目绩效目标汇总表",
    );
    merge(1, 0, 1, 6, "财政项目支出绩效目标申报表");
    merge(2, 0, 2, 6, "(2026 年度)");
    merge(3, 0, 3, 0, "申报单位名称");
    merge(3, 1, 3, 6, APPLICANT);
    for (c, text) in [
        "项目名称",
        "机关服务费",
        "项目性质",
        "经常性专项业务费",
        "项目类别",
    ]
    .iter()
    .enumerate()
    {
        merge(4, c as u16, 4, c as u16, text);
    }
    merge(4, 5, 4, 6, "其他运转类");
    merge(5, 0, 5, 0, "主管部门");
    merge(5, 1, 5, 2, "上海市人民政府合作交流办公室");
    merge(5, 3, 5, 3, "实施单位");
    merge(5, 4, 5, 6, APPLICANT);
    merge(6, 0, 6, 0, "计划开始日期");
    merge(6, 1, 6, 2, "2026-01-01");
    merge(6, 3, 6, 3, "计划完成日期");
    merge(6, 4, 6, 6, "2026-12-31");
    merge(7, 0, 10, 0, "项目资金\n(元)");
    merge(7, 1, 7, 1, "项目资金总额:");
    merge(7, 2, 7, 2, "140,000.00");
    merge(7, 3, 7, 3, "年度资金申请总额:");
    merge(7, 4, 7, 6, "140,000.00");
    merge(8, 1, 9, 1, "其中: 财政资金");
    merge(8, 2, 9, 2, "140,000.00");
    merge(8, 3, 8, 3, "其中: 当年财政拨款");
    merge(8, 4, 8, 6, "140,000.00");
    merge(9, 3, 9, 3, "上年结转资金");
    merge(9, 4, 9, 6, "0.00");
    merge(10, 1, 10, 1, "其他资金");
    merge(10, 2, 10, 2, "0.00");
    merge(10, 3, 10, 3, "其他资金");
    merge(10, 4, 10, 6, "0.00");
    let blocks = [
        ("项目概况", OVERVIEW),
        ("保证项目实施的制度、措施", MEASURES),
        ("项目实施计划", PLAN),
    ];
    for (i, (label, text)) in blocks.iter().enumerate() {
        let r = 11 + i as u32;
        merge(r, 0, r, 0, label);
        merge(r, 1, r, 6, text);
    }
    merge(14, 0, 15, 0, "项目\n绩效\n目标");
    merge(14, 1, 14, 2, "项目总目标");
    merge(14, 3, 14, 6, "年度总体目标");
    merge(15, 3, 15, 6, "保障办事处日常公务活动。");
    merge(16, 0, 17, 0, "绩效\n指标");
    for (c, text) in ["一级指标", "二级指标", "三级指标"].iter().enumerate() {
        merge(16, c as u16 + 1, 16, c as u16 + 1, text);
    }
    merge(16, 4, 16, 6, "年度(/项目)指标值");
    merge(17, 1, 17, 1, "成本指标");
    merge(17, 2, 17, 2, "经济成本指标");
    merge(17, 3, 17, 3, "车队服务成本控制额");
    merge(17, 4, 17, 6, "≤14.00(万元)");
    wb.save(path).unwrap();
}

fn declaration(forms: &[Form]) -> &Declaration {
    match forms {
        [Form::Declaration(d)] => d,
        other => panic!("one 申报表 expected, got {other:#?}"),
    }
}

#[test]
fn issue_11_narrative_blocks_are_fields_kept_through_json_flat_tables_and_xlsx() {
    let dir = temp_dir("narrative");
    let input = dir.join("district.xlsx");
    district_form(&input);
    let p = |name: &str| dir.join(name).display().to_string();

    let read = jixiao::read::read_path(&input).unwrap();
    let unmapped: Vec<String> = read
        .diagnostics
        .iter()
        .filter(|d| d.rule == "read.unmapped-cell")
        .map(|d| d.to_string())
        .collect();
    assert!(unmapped.is_empty(), "{unmapped:#?}");
    let form = declaration(&read.value);
    assert_eq!(form.applicant, APPLICANT);
    assert_eq!(form.overview, OVERVIEW);
    assert_eq!(form.measures, MEASURES);
    assert_eq!(form.plan, PLAN);
    assert_eq!((form.basis.as_str(), form.necessity.as_str()), ("", ""));
    assert!(form.notes.is_empty(), "{:#?}", form.notes);
    let cells = &form.source.as_ref().unwrap().cells;
    assert_eq!(cells["applicant"], "B4:G4");
    assert_eq!(cells["plan"], "B14:G14");

    // JSON, the flat tables and the official workbook each give the same form back.
    for (out, back) in [
        ("form.json", "form.json"),
        ("tables", "tables"),
        ("official.xlsx", "official.xlsx"),
    ] {
        let to = if out == "tables" { "csv" } else { "auto" };
        let mut args = vec!["convert", input.to_str().unwrap(), "-o"];
        let target = p(out);
        args.push(&target);
        if to == "csv" {
            args.extend(["--to", "csv"]);
        }
        let (code, _, err) = jixiao(&args);
        assert_eq!(code, 0, "{out}: {err}");
        let again = read_clean(&dir.join(back));
        assert_eq!(without_source(&again), without_source(&read.value), "{out}");
    }
    // The official layout prints them under 备注, label beside text.
    let written = jixiao::read::read_path(&dir.join("official.xlsx")).unwrap();
    let cells = &declaration(&written.value).source.as_ref().unwrap().cells;
    assert_eq!(cells["applicant"], "D15:H15");
    assert_eq!(cells["plan"], "D18:H18");
    assert!(
        written
            .diagnostics
            .iter()
            .all(|d| d.rule != "read.unmapped-cell")
    );

    // A 2020 目标表 converted to a 申报表 carries its blocks into the same fields.
    let legacy = read_clean(&crate::common::fixture("xining-2020-legacy.xlsx"));
    let Form::Legacy2020(l) = &legacy[0] else {
        panic!("2020 目标表 expected")
    };
    let converted =
        jixiao::migrate::legacy_to_declaration(l, jixiao::taxonomy::TaxonomySet::Current).value;
    assert_eq!(converted.overview, l.overview);
    assert_eq!(converted.plan, l.plan);
    assert_eq!(converted.applicant, l.applicant);
    assert!(!converted.overview.is_empty());
    assert!(converted.notes.iter().all(|n| n.label != "项目概况"));
}

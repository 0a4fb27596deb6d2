//! Issue 15's everyday frictions, one regression test each (`issue_15_<slug>`).

use crate::common::{fixture, jixiao, jixiao_in, temp_dir};
use jixiao::model::Form;

#[test]
fn issue_15_temp_dirs_are_removed_after_the_test() {
    let dir = temp_dir("cleanup");
    let path = dir.to_path_buf();
    std::fs::write(dir.join("a.xlsx"), b"x").unwrap();
    std::fs::create_dir(dir.join("nested")).unwrap();
    assert!(path.is_dir());
    drop(dir);
    assert!(!path.exists(), "{} left behind", path.display());
}

#[test]
fn issue_15_check_of_an_empty_directory_is_exit_2() {
    let dir = temp_dir("empty");
    let (code, stdout, stderr) = jixiao_in(None, &["check", dir.to_str().unwrap()]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("文件夹中没有可读的表格文件"), "{stderr}");
    let (_, _, stderr) = jixiao(&["check", dir.to_str().unwrap()]);
    assert!(
        stderr.contains("no workbook or JSON model in this folder"),
        "{stderr}"
    );
}

#[test]
fn issue_15_check_of_a_form_that_is_only_a_title_is_exit_2() {
    let dir = temp_dir("title-only");
    let path = dir.join("title.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet()
        .write_string(0, 0, "财政项目支出绩效目标申报表")
        .unwrap();
    wb.save(&path).unwrap();
    let (code, stdout, stderr) = jixiao_in(None, &["check", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("Sheet1!A1:H1: 只有表名，表中没有任何栏目"),
        "{stderr}"
    );
    assert!(stdout.contains("0 张表"), "{stdout}");
}

#[test]
fn issue_15_a_blank_form_is_reported_as_blank_not_clean() {
    let blank = fixture("blank-declaration.xlsx");
    let (code, stdout, _) = jixiao(&["check", blank.to_str().unwrap()]);
    assert!(
        stdout.contains("warning[form.blank]: blank form: not filled in, nothing checked"),
        "{stdout}"
    );
    assert!(stdout.contains("1 blank form(s), not checked"), "{stdout}");
    let (_, stdout, _) = jixiao_in(None, &["check", blank.to_str().unwrap()]);
    assert!(
        stdout.contains("[form.blank]: 空白表：尚未填写，未作检查"),
        "{stdout}"
    );
    assert!(stdout.contains("；空白表 1 张，未作检查"), "{stdout}");
    assert_eq!(code, 0);
    let (code, _, _) = jixiao(&["check", "--strict", blank.to_str().unwrap()]);
    assert_eq!(code, 1, "--strict fails a blank form");
}

#[test]
fn issue_15_infos_are_hidden_unless_asked_for() {
    // The 2023 自评表 print 指标值 as `100%`: infos (read as =100%), not problems.
    let input = fixture("xinjiang-2023-self-evaluations.xlsx");
    let input = input.to_str().unwrap();
    let (_, quiet, _) = jixiao(&["check", input]);
    assert!(!quiet.contains("info["), "{quiet}");
    assert!(
        quiet.contains("12 info(s) (infos hidden: --show-info lists them)"),
        "{quiet}"
    );
    let (_, shown, _) = jixiao(&["check", input, "--show-info"]);
    assert_eq!(shown.matches("info[indicator.no-comparator]").count(), 12);
    let (_, json, _) = jixiao(&["check", input, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["counts"]["infos"], 12);
    assert_eq!(json["infos_hidden"], true);
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["severity"] != "info")
    );
}

#[test]
fn issue_15_template_year_must_be_four_digits() {
    let dir = temp_dir("year");
    let list =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/projects/xinjiang-2026.csv");
    let out = dir.join("t.xlsx");
    for year in ["27", "20266", "1899", "两千"] {
        let (code, _, stderr) = jixiao_in(
            None,
            &[
                "template",
                "--profile",
                "xinjiang",
                "--year",
                year,
                "--projects",
                list.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(code, 2, "{year}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "年度应为 2000–2100 之间的四位数年份，如 2026；实为 {year}"
            )),
            "{stderr}"
        );
        assert!(!out.exists(), "{year}");
    }
}

#[test]
fn issue_15_built_in_profiles_by_name_from_any_folder() {
    // Run where no templates/ folder is: the profile comes from inside the binary.
    let dir = temp_dir("profile-by-name");
    let list =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/projects/xinjiang-2026.csv");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(args)
            .current_dir(&*dir)
            .env_remove("JIXIAO_LANG")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stdout, _) = run(&["template", "--list-profiles"]);
    assert_eq!(code, Some(0));
    let names: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(names, ["baoshan", "xining", "xinjiang", "xizang"]);
    assert!(
        stdout.contains("xinjiang   上海市人民政府驻新疆办事处"),
        "{stdout}"
    );
    let (code, _, stderr) = run(&[
        "template",
        "--profile",
        "xinjiang",
        "--year",
        "2026",
        "--projects",
        list.to_str().unwrap(),
        "-o",
        "2026.json",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("2026.json")).unwrap()).unwrap();
    assert_eq!(
        doc["forms"][0]["implementing_unit"],
        "上海市人民政府驻新疆办事处"
    );
    let (code, _, stderr) = run(&[
        "template",
        "--profile",
        "shanghai",
        "--year",
        "2026",
        "--projects",
        list.to_str().unwrap(),
        "-o",
        "x.json",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("可选 baoshan, xining, xinjiang, xizang"),
        "{stderr}"
    );
}

#[test]
fn issue_15_template_help_states_the_weight_rule() {
    let (code, stdout, _) = jixiao(&["template", "--help"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("whole points, the points left over one each on the last rows"),
        "{stdout}"
    );
}

#[test]
fn issue_15_wps_et_is_read_where_it_is_an_ole2_workbook() {
    let dir = temp_dir("wps-et");
    // An OLE2 .et (what WPS writes when it keeps Excel compatibility) is an .xls inside.
    if let Some(converted) = crate::formats::converted_dir() {
        let et = dir.join("自评表.et");
        std::fs::copy(converted.join("xinjiang-2023-self-evaluations.xls"), &et).unwrap();
        let direct = jixiao::read::read_path(&et).unwrap();
        assert_eq!(direct.value.len(), 5);
        assert_eq!(direct.value[0].project_name(), "机关服务费");
        // In a folder too: .et files are inputs, not skipped.
        let (code, stdout, _) = jixiao(&["check", dir.to_str().unwrap()]);
        assert_eq!(code, 0, "{stdout}");
        assert!(
            stdout.contains("checked 5 form(s) in 1 file(s)"),
            "{stdout}"
        );
        std::fs::remove_file(&et).unwrap();
    }
    // Anything else saved as .et: say so, and how to get a workbook.
    let bad = dir.join("预算.et");
    std::fs::write(&bad, [0x57u8, 0x50, 0x53, 0x00].repeat(200)).unwrap();
    let (code, _, stderr) = jixiao_in(None, &["check", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("预算.et: WPS 表格文件（.et）无法读取"),
        "{stderr}"
    );
    assert!(
        stderr.contains("在 WPS 中打开，文件 → 另存为 → Excel 工作簿（*.xlsx）"),
        "{stderr}"
    );
}

/// Seed 001's first 自评表 as JSON, changed by `edit`, in a temp folder.
fn self_evaluation_json(
    dir: &std::path::Path,
    edit: impl FnOnce(&mut serde_json::Value),
) -> String {
    let json = dir.join("se.json");
    let input = fixture("xinjiang-2023-self-evaluations.xlsx");
    let (code, _, err) = jixiao(&[
        "convert",
        input.to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    doc["forms"] = serde_json::Value::Array(vec![doc["forms"][0].clone()]);
    edit(&mut doc["forms"][0]);
    std::fs::write(&json, serde_json::to_vec(&doc).unwrap()).unwrap();
    json.to_str().unwrap().to_string()
}

#[test]
fn issue_15_score_says_why_total_and_grade_stay_blank() {
    let dir = temp_dir("score-why");
    // A pre-filled 自评表 with one empty 指标值: that indicator cannot be scored, so neither can
    // 总分 and 评分等级.
    let json = self_evaluation_json(&dir, |f| {
        f["indicators"][5]["target"] = serde_json::json!({"raw": ""});
        f["indicators"][5]["score"] = serde_json::Value::Null;
        f["total_score"] = serde_json::Value::Null;
        f["grade"] = "".into();
    });
    let out = dir.join("out.xlsx");
    let (code, _, stderr) = jixiao_in(None, &["score", &json, "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let why = "未计算：第 6 行指标「两地经济合作往来促进作用」的指标值为空";
    assert!(
        stderr.contains(&format!("机关服务费: 总分{why}")),
        "{stderr}"
    );
    assert!(
        stderr.contains("机关服务费: 评分等级未计算：总分为空"),
        "{stderr}"
    );
    // The same words in a note at each cell of the output 自评表, which stay blank so that the
    // form reads back as it was, and `score` fills them once the 指标值 is given.
    let back = crate::common::read_clean(&out);
    let Form::SelfEvaluation(se) = &back[0] else {
        panic!("a 自评表")
    };
    assert!(se.total_score.is_blank() && se.grade.is_empty(), "{se:?}");
    let src = se.source.as_ref().unwrap();
    let first = |path: &str| {
        src.cell(path)
            .unwrap()
            .split(':')
            .next()
            .unwrap()
            .to_string()
    };
    let notes = &crate::report::notes(&out)[0];
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[&first("total_score")], why);
    assert_eq!(notes[&first("grade")], "未计算：总分为空");
}

#[test]
fn issue_15_score_names_the_real_reason_an_indicator_is_not_computed() {
    use jixiao::model::Figure;
    let mut forms = crate::common::read("xinjiang-2023-self-evaluations.xlsx");
    let Form::SelfEvaluation(se) = &mut forms[0] else {
        panic!("a 自评表")
    };
    // 100% achieved against a qualitative 指标值: the number is a number.
    se.indicators[0].target = jixiao::model::IndicatorValue::new("达成年度目标");
    se.indicators[0].actual = jixiao::model::IndicatorValue::new("100%");
    se.indicators[0].score = Figure::Blank;
    // 100% against ≥300天: different units.
    se.indicators[1].target = jixiao::model::IndicatorValue::new("≥300天");
    se.indicators[1].actual = jixiao::model::IndicatorValue::new("100%");
    se.indicators[1].score = Figure::Blank;
    let explained = jixiao::msg::with_lang(jixiao::msg::Lang::Zh, || {
        jixiao::score::fill(se, &Default::default(), false)
    });
    let of = |path: &str| {
        explained
            .iter()
            .find(|e| e.path == path)
            .map(|e| e.formula.clone())
            .unwrap()
    };
    assert_eq!(
        of("indicators[0].score"),
        "指标值「达成年度目标」不是数值，实际完成值「100%」无法按公式计分：请在 [0, 10] 内评分"
    );
    assert_eq!(
        of("indicators[1].score"),
        "实际完成值「100%」（%）与指标值「≥300天」（天）单位不同，无法计算：请在 [0, 10] 内评分"
    );
    assert!(
        explained
            .iter()
            .all(|e| !e.formula.contains("is not a number"))
    );
}

/// The 9-column 自评表 fixture with 机关服务费's 总分 (H23) cleared and a 汇总 sheet added, as an
/// office keeps one: its formulas point at each form's 总分 and 评分等级 cells of that layout.
fn self_evaluations_with_summary() -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let input = fixture("other-layouts/xinjiang-2023-self-evaluations.9col.xlsx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(input).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let text = |s: &str| format!("<is><t>{s}</t></is>");
    let summary = format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr">{}</c><c r="B1" t="inlineStr">{}</c><c r="C1" t="inlineStr">{}</c></row><row r="2"><c r="A2" t="inlineStr">{}</c><c r="B2"><f>'机关服务费'!H23</f></c><c r="C2" t="str"><f>机关服务费!G24</f><v>优</v></c></row><row r="3"><c r="A3" t="inlineStr">{}</c><c r="B3"><f>SUM(B2:B2)</f></c></row></sheetData></worksheet>"#,
        text("项目"),
        text("总分"),
        text("评分等级"),
        text("机关服务费"),
        text("合计")
    );
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut body = String::new();
        file.read_to_string(&mut body).unwrap();
        let body = match name.as_str() {
            "xl/workbook.xml" => body.replace(
                "<sheets>",
                r#"<sheets><sheet name="汇总" sheetId="9" r:id="rId99" />"#,
            ),
            "xl/_rels/workbook.xml.rels" => body.replace(
                "</Relationships>",
                r#"<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet99.xml" Id="rId99" /></Relationships>"#,
            ),
            "[Content_Types].xml" => body.replace(
                "</Types>",
                r#"<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" /></Types>"#,
            ),
            "xl/worksheets/sheet1.xml" => {
                let total = r#"<c r="H23" s="6" t="n"><v>98.93000000000001</v></c>"#;
                assert!(body.contains(total));
                body.replace(total, "")
            }
            _ => body,
        };
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(body.as_bytes()).unwrap();
    }
    out.start_file(
        "xl/worksheets/sheet99.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    out.write_all(summary.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}

#[test]
fn issue_15_score_keeps_the_summary_sheet_with_its_formulas_up_to_date() {
    let dir = temp_dir("score-summary");
    let input = dir.join("自评表.xlsx");
    std::fs::write(&input, self_evaluations_with_summary()).unwrap();
    let out = dir.join("out.xlsx");
    let (code, _, stderr) = jixiao_in(
        None,
        &[
            "score",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    // The 汇总 sheet comes first, as it stood; the forms follow in the official 8 columns.
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    use calamine::Reader as _;
    assert_eq!(wb.sheet_names()[0], "汇总");
    let texts = wb.worksheet_range("汇总").unwrap();
    assert_eq!(
        texts.get_value((1, 0)),
        Some(&calamine::Data::String("机关服务费".into()))
    );
    // Its references follow each field to where it now stands: 总分 and 评分等级 of the
    // official layout, read from the output itself.
    let back = crate::common::read_clean(&out);
    let Form::SelfEvaluation(se) = &back[0] else {
        panic!("a 自评表")
    };
    // score filled the cleared 总分.
    assert_eq!(se.total_score, crate::common::fig("98.93"));
    let src = se.source.as_ref().unwrap();
    let first = |path: &str| {
        src.cell(path)
            .unwrap()
            .split(':')
            .next()
            .unwrap()
            .to_string()
    };
    assert_ne!(first("total_score"), "H23");
    let formulas = wb.worksheet_formula("汇总").unwrap();
    let formula = |r: u32, c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
    assert_eq!(
        formula(1, 1),
        format!("'机关服务费'!{}", first("total_score"))
    );
    assert_eq!(formula(1, 2), format!("'机关服务费'!{}", first("grade")));
    assert_eq!(formula(2, 1), "SUM(B2:B2)");
    // No stale number is cached: LibreOffice computes the formulas on opening (an empty
    // result), Excel and WPS on the workbook's full-calculation flag.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut part = |name: &str| {
        use std::io::Read as _;
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    assert!(part("xl/workbook.xml").contains(r#"fullCalcOnLoad="1""#));
    let sheet = part("xl/worksheets/sheet1.xml");
    for f in [
        format!("'机关服务费'!{}", first("total_score")),
        "SUM(B2:B2)".to_string(),
    ] {
        assert!(sheet.contains(&format!("<f>{f}</f><v></v>")), "{sheet}");
    }
}

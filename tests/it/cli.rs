//! The `jixiao` binary: exit codes, messages that name the place, outputs.

use crate::common::{fixture, jixiao, jixiao_in, temp_dir};

#[test]
fn convert_writes_json_and_reports_coverage() {
    let dir = temp_dir("cli-json");
    let out = dir.join("x.json");
    let input = fixture("xinjiang-2026-declarations.xlsx");
    let (code, _, err) = jixiao(&[
        "convert",
        "-v",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read 申报表 \"机关服务费\""), "{err}");
    assert!(err.contains("(64 of 64 cells mapped)"), "{err}");
    // The batch in one closing line; without -v no line per form.
    assert!(err.contains("100.0% of cells mapped, 0 error(s)"), "{err}");
    let (_, _, err) = jixiao(&[
        "convert",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!err.contains("cells mapped)"), "{err}");
    assert!(
        err.contains("read 4 form(s) from 1 file(s), 100.0% of cells mapped"),
        "{err}"
    );
    let doc: jixiao::model::Document =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc.schema_version, 1);
    assert_eq!(doc.forms.len(), 4);
}

#[test]
fn convert_writes_the_flat_tables_with_bom_and_exact_columns() {
    let dir = temp_dir("cli-csv");
    let input = fixture("xinjiang-2023-self-evaluations.xlsx");
    let (code, _, err) = jixiao(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "csv",
        "-o",
        dir.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(dir.join("self_evaluations.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header.len(), 7 + 24 + 4);
    assert_eq!(
        &header[..8],
        [
            "来源文件",
            "工作表",
            "年度",
            "项目名称",
            "主管部门",
            "实施单位",
            "资金单位",
            "年度资金总额.年初预算数"
        ]
    );
    assert_eq!(header.last(), Some(&"评分等级"));
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&first[2..4], ["2023", "机关服务费"]);
    assert_eq!(first[6], "万元");
    assert_eq!(
        &first[7..13],
        ["14.00", "14.00", "12.51", "10.00", "89.35", "8.93"]
    );
    assert_eq!(
        &first[13..19],
        ["14.00", "14.00", "12.51", "-", "89.35", "-"]
    );
    assert_eq!(&first[first.len() - 2..], ["98.93", "优"]);
    let indicators = std::fs::read_to_string(dir.join("indicators.csv")).unwrap();
    let row = indicators.lines().nth(1).unwrap();
    assert!(
        row.ends_with(
            ",自评表,机关服务费,1,产出指标,数量指标,公务用车保障率,100%,达成指标,10.00,10.00,"
        ),
        "{row}"
    );
    let decl_dir = temp_dir("cli-csv-decl");
    let input = fixture("xinjiang-2026-declarations.xlsx");
    let (code, _, _) = jixiao(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "csv",
        "-o",
        decl_dir.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(code, 0);
    let decl = std::fs::read_to_string(decl_dir.join("declarations.csv")).unwrap();
    let row = decl.lines().nth(1).unwrap();
    assert!(row.contains(",2026,机关服务费,经常性专项业务费,其他运转类,上海市人民政府合作交流办公室,上海市人民政府驻新疆办事处,2026-01-01,2026-12-31,,,,140000.00,140000.00,0.00,0.00,,\"通过设立"), "{row}");
}

#[test]
fn convert_refuses_to_overwrite_its_input() {
    let dir = temp_dir("cli-overwrite");
    let copy = dir.join("in.json");
    let input = fixture("xinjiang-2026-declarations.xlsx");
    assert_eq!(
        jixiao(&[
            "convert",
            input.to_str().unwrap(),
            "-o",
            copy.to_str().unwrap(),
            "-q"
        ])
        .0,
        0
    );
    let before = std::fs::read(&copy).unwrap();
    let (code, _, err) = jixiao(&[
        "convert",
        copy.to_str().unwrap(),
        "-o",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("refusing to overwrite an input file"), "{err}");
    assert!(err.contains("hint: choose another output name"), "{err}");
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn convert_names_the_file_it_cannot_read_and_goes_on() {
    let dir = temp_dir("cli-bad");
    let bad = dir.join("download.xls");
    std::fs::write(
        &bad,
        "<html><body><table><tr><td>项目名称</td></tr></table></body></html>",
    )
    .unwrap();
    let good = fixture("xinjiang-2026-declarations.xlsx");
    let out = dir.join("out.json");
    let (code, _, err) = jixiao(&[
        "convert",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("download.xls: this is a web page (HTML)"),
        "{err}"
    );
    assert!(
        err.contains("hint: open it in Excel, WPS or LibreOffice and save it as .xlsx"),
        "{err}"
    );
    let doc: jixiao::model::Document =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc.forms.len(), 4, "the good file is still converted");
}

#[test]
fn convert_reports_bad_usage_with_exit_2() {
    let (code, _, err) = jixiao(&["convert", "a.xlsx", "-o", "out.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot tell the output format"), "{err}");
}

/// A mistyped option is refused by the binary in Chinese by default, in English on request,
/// with exit 2 and nothing on stdout.
#[test]
fn a_command_line_mistake_is_refused_in_the_users_language() {
    let (code, out, err) = jixiao_in(None, &["check", "--stict", "a.xlsx"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "错误：无法识别的参数「--stict」\n  提示: 是否想用 --strict？\n\n用法: jixiao check [选项] <输入>...\n\n更多信息请加 --help 查看\n"
    );
    let (code, _, err) = jixiao_in(None, &["--lang", "en", "check", "--stict", "a.xlsx"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "error: unexpected argument '--stict' found\n  hint: a similar one exists: '--strict'\n"
        ),
        "{err}"
    );
    let (code, out, _) = jixiao_in(None, &["score", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("用法: jixiao score [选项] --output <输出> <输入>..."),
        "{out}"
    );
    assert!(
        out.contains("  -h, --help") && out.contains("显示帮助"),
        "{out}"
    );
    // Value placeholders and defaults in Chinese too: no `<N>`, no `[default: …]`.
    assert!(out.contains("-j, --jobs <个数>"), "{out}");
    assert!(
        out.contains("例：--rounding half-up（默认：truncate）"),
        "{out}"
    );
    assert!(!out.contains("[default:"), "{out}");
    let (_, out, _) = jixiao_in(None, &["--lang", "en", "score", "--help"]);
    assert!(
        out.contains("--rounding half-up [default: truncate]"),
        "{out}"
    );
}

#[test]
fn check_names_the_json_form_when_it_has_no_source() {
    let dir = temp_dir("cli-json-origin");
    let model = dir.join("typed.json");
    std::fs::write(
        &model,
        r#"{"schema_version":1,"forms":[{"kind":"declaration","project_name":"机关服务费","year":2026,"funds":{"unit":"元","annual_total":"100.00","annual_fiscal":"90.00","annual_carryover":"0.00","annual_other":"0.00"}}]}"#,
    )
    .unwrap();
    let (code, out, _) = jixiao(&["check", model.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("typed.json: forms[0]: error[decl.annual-total-sum]"),
        "{out}"
    );
}

//! Flat tables: model → CSV (or flat workbook) → model gives the same forms, and every problem
//! in a corrected table is reported at its cell.

use crate::common::read_clean;
use crate::common::{FIXTURES, fixture, read, temp_dir, without_source};
use jixiao::diag::Severity;
use jixiao::migrate::legacy_to_declaration;
use jixiao::model::{Document, Form, Source};
use jixiao::taxonomy::TaxonomySet;
use std::path::Path;

/// What the flat tables carry of a form: everything but where each field stood in its workbook.
pub fn comparable(forms: &[Form]) -> Vec<Form> {
    forms
        .iter()
        .cloned()
        .map(|mut f| {
            if let Some(s) = f.source_mut() {
                *s = Source {
                    file: s.file.clone(),
                    sheet: s.sheet.clone(),
                    ..Source::default()
                };
            }
            f
        })
        .collect()
}

#[test]
fn csv_round_trip_keeps_every_fixture() {
    for name in FIXTURES {
        let forms = read(name);
        let dir = temp_dir(&format!("flat-csv-{}", name.replace('/', "-")));
        jixiao::write::flat::write_csv_dir(&Document::new(forms.clone()), &dir).unwrap();
        let back = read_clean(&dir);
        assert_eq!(comparable(&back), comparable(&forms), "{name}");
    }
}

#[test]
fn flat_workbook_round_trip_keeps_every_fixture() {
    let dir = temp_dir("flat-xlsx");
    for name in FIXTURES {
        let forms = read(name);
        let path = dir.join(format!("{}.xlsx", name.replace('/', "-")));
        jixiao::write::flat::write_xlsx(&Document::new(forms.clone()), &path).unwrap();
        let back = read_clean(&path);
        assert_eq!(comparable(&back), comparable(&forms), "{name}");
    }
}

/// The correction loop of issue 5: workbook → flat tables (workbook or CSV) → official
/// workbook gives the forms of the original, compared through the model. A 2020 目标表 becomes a
/// 申报表 on its way to the official workbook (as `convert -o x.xlsx` does): there the flat
/// tables must give the same 申报表 as the original would.
#[test]
fn issue_5_workbook_through_flat_tables_back_to_official_forms() {
    let dir = temp_dir("flat-official");
    let official = |forms: Vec<Form>, path: &Path| {
        // Only 2020 forms change: they have no official layout of their own.
        let forms = forms
            .into_iter()
            .map(|f| match f {
                Form::Legacy2020(l) => {
                    Form::Declaration(legacy_to_declaration(&l, TaxonomySet::Current).value)
                }
                other => other,
            })
            .collect();
        let doc = Document::new(forms);
        jixiao::write::write_xlsx(&doc, path).unwrap();
        without_source(&jixiao::read::read_workbook(path).unwrap().value)
    };
    for name in FIXTURES {
        let forms = read(name);
        let stem = name.replace('/', "-");
        let direct = official(forms.clone(), &dir.join(format!("{stem}.direct.xlsx")));
        if !forms.iter().any(|f| matches!(f, Form::Legacy2020(_))) {
            assert_eq!(direct, without_source(&forms), "{name}");
        }
        let flat_xlsx = dir.join(format!("{stem}.flat.xlsx"));
        jixiao::write::flat::write_xlsx(&Document::new(forms.clone()), &flat_xlsx).unwrap();
        let csv = dir.join(format!("{stem}.csv"));
        jixiao::write::flat::write_csv_dir(&Document::new(forms.clone()), &csv).unwrap();
        for (via, flat) in [("flat-xlsx", &flat_xlsx), ("csv", &csv)] {
            let back = official(
                read_clean(flat),
                &dir.join(format!("{stem}.via-{via}.xlsx")),
            );
            assert_eq!(back, direct, "{name} via {via}");
        }
    }
}

/// Writes the flat tables of `name` as CSV and returns the directory.
fn csv_of(name: &str, tag: &str) -> crate::common::TempDir {
    let dir = temp_dir(tag);
    jixiao::write::flat::write_csv_dir(&Document::new(read(name)), &dir).unwrap();
    dir
}

fn errors_of(path: &Path) -> Vec<String> {
    jixiao::msg::with_lang(jixiao::msg::Lang::En, || {
        let read = jixiao::read::read_path(path).unwrap_or_else(|e| panic!("{e}"));
        read.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.to_string())
            .collect()
    })
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn issue_5_unknown_column_is_an_error_at_its_header_cell() {
    let dir = csv_of("xinjiang-2026-declarations.xlsx", "flat-unknown-column");
    edit(&dir.join("declarations.csv"), "项目类别", "项目分类");
    let errors = errors_of(&dir);
    let shown = dir.join("declarations.csv").display().to_string();
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("{shown}: row 1, column 项目分类: error[flat.unknown-column]: unknown column \"项目分类\""))),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.contains(
            "error[flat.missing-column]: the declarations table has no column \"项目类别\""
        )),
        "{errors:#?}"
    );
}

#[test]
fn issue_5_indicator_of_no_form_is_an_error_at_its_row() {
    let dir = csv_of("xinjiang-2026-declarations.xlsx", "flat-unmatched");
    // Rename the project in the indicators table only: its rows now belong to no form.
    let path = dir.join("indicators.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(",申报表,机关服务费,", ",申报表,机关服务费用,"),
    )
    .unwrap();
    let errors = errors_of(&dir);
    let shown = path.display().to_string();
    assert_eq!(errors.len(), 9, "{errors:#?}");
    assert_eq!(
        errors[0],
        format!(
            "{shown}: row 2, column 项目名称: error[flat.unmatched-indicator]: column 项目名称: no 申报表 in the declarations table has 项目名称 \"机关服务费用\" (with this 来源文件 and 工作表)\n  hint: correct the name in both tables alike, or delete the indicator row"
        )
    );
}

#[test]
fn issue_5_amount_that_is_not_a_number_is_an_error_at_its_cell() {
    let dir = csv_of("xinjiang-2026-declarations.xlsx", "flat-not-a-number");
    edit(
        &dir.join("declarations.csv"),
        "140000.00,140000.00",
        "十四万,140000.00",
    );
    let errors = errors_of(&dir);
    let shown = dir.join("declarations.csv").display().to_string();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!("{shown}: row 2, column 年度资金申请总额: error[flat.not-a-number]: column 年度资金申请总额: expected a number (found \"十四万\")")),
        "{errors:#?}"
    );
}

#[test]
fn baoshan_forms_without_project_nature_keep_it_absent() {
    let dir = csv_of("baoshan-2024-declarations.xlsx", "flat-baoshan");
    let text = std::fs::read_to_string(dir.join("declarations.csv")).unwrap();
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .contains(",2024,政府购买服务人员专项经费（行政中心55人）,-,其他运转类,"),
        "{text}"
    );
    let back = read_clean(&dir);
    assert!(
        back.iter()
            .all(|f| matches!(f, Form::Declaration(d) if d.project_nature.is_none()))
    );
    let blank = csv_of("blank-declaration.xlsx", "flat-blank");
    match &read_clean(&blank)[0] {
        Form::Declaration(d) => assert_eq!(d.project_nature.as_deref(), Some("")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn flat_directory_is_one_input() {
    let dir = csv_of("xizang-2024-declarations.xlsx", "flat-input");
    let inputs = jixiao::read::read_inputs(&[
        dir.to_path_buf(),
        fixture("xinjiang-2026-declarations.xlsx"),
    ]);
    assert!(inputs.errors.is_empty());
    assert_eq!(inputs.files[0], dir.to_path_buf());
    assert_eq!(inputs.document.forms.len(), 7 + 4);
}

/// The 申报表 fixture as CSV tables with two values broken as a clerk might: 机关服务费's
/// 年度资金申请总额 no longer the sum of its parts (declarations.csv row 2), and its first
/// indicator's 指标值 cleared (indicators.csv row 2).
pub fn broken_csv(tag: &str) -> crate::common::TempDir {
    let dir = csv_of("xinjiang-2026-declarations.xlsx", tag);
    edit(
        &dir.join("declarations.csv"),
        "140000.00,140000.00,0.00,0.00",
        "150000.00,140000.00,0.00,0.00",
    );
    edit(
        &dir.join("indicators.csv"),
        "车队服务成本控制额,≤14.00(万元)",
        "车队服务成本控制额,",
    );
    dir
}

/// The findings of `jixiao check --format json` on `input`, as (rule, at) pairs.
fn check_json(input: &Path) -> Vec<(String, serde_json::Value)> {
    let (code, out, err) = crate::common::jixiao_in(
        None,
        &["check", input.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(code, 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["at"].clone()))
        .collect()
}

#[test]
fn issue_15_check_of_csv_tables_points_at_the_edited_row_and_column() {
    let dir = broken_csv("flat-check-csv");
    let findings = check_json(&dir);
    let at = |rule: &str| {
        findings
            .iter()
            .find(|(r, _)| r == rule)
            .map(|(_, at)| at.clone())
            .unwrap_or_else(|| panic!("no {rule} in {findings:#?}"))
    };
    let declarations = dir.join("declarations.csv").display().to_string();
    let indicators = dir.join("indicators.csv").display().to_string();
    assert_eq!(
        at("decl.annual-total-sum"),
        serde_json::json!({"file": declarations, "cell": "第 2 行「年度资金申请总额」列"})
    );
    assert_eq!(
        at("indicator.required"),
        serde_json::json!({"file": indicators, "cell": "第 2 行「指标值」列"})
    );
    // No finding points at the workbook the tables were first made from.
    assert!(
        findings
            .iter()
            .all(|(_, at)| !at["file"].as_str().unwrap().ends_with(".xlsx")),
        "{findings:#?}"
    );
    // The terminal line names the file, row and column the clerk edits.
    let (_, human, _) = crate::common::jixiao_in(None, &["check", dir.to_str().unwrap()]);
    assert!(
        human.contains(&format!(
            "{declarations}: 第 2 行「年度资金申请总额」列: 错误[decl.annual-total-sum]"
        )),
        "{human}"
    );
}

#[test]
fn issue_15_check_of_a_flat_workbook_points_at_the_edited_cell() {
    use jixiao::model::IndicatorValue;
    let dir = temp_dir("flat-check-xlsx");
    let mut forms = read("xinjiang-2026-declarations.xlsx");
    let Form::Declaration(d) = &mut forms[0] else {
        panic!("a 申报表")
    };
    d.funds.annual_total = Some(crate::common::d("150000.00"));
    d.indicators[0].target = IndicatorValue::new("");
    let path = dir.join("flat.xlsx");
    jixiao::write::flat::write_xlsx(&Document::new(forms), &path).unwrap();
    let findings = check_json(&path);
    let file = path.display().to_string();
    let at = |rule: &str| {
        findings
            .iter()
            .find(|(r, _)| r == rule)
            .map(|(_, at)| at.clone())
            .unwrap_or_else(|| panic!("no {rule} in {findings:#?}"))
    };
    // 年度资金申请总额 is the 14th column (N) of declarations, 指标值 the 9th (I) of indicators;
    // row 1 is the header.
    assert_eq!(
        at("decl.annual-total-sum"),
        serde_json::json!({"file": file, "sheet": "declarations", "cell": "N2"})
    );
    assert_eq!(
        at("indicator.required"),
        serde_json::json!({"file": file, "sheet": "indicators", "cell": "I2"})
    );
}

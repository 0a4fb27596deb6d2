//! Issue 11: a conversion keeps what was read. `convert -o x.xlsx` writes each form with the
//! indicator set it was read with; `--taxonomy current|old` moves rows only when asked, and
//! reports every moved row at its cell.

use crate::common::{FIXTURES, fixture, without_source};
use jixiao::formats::OutputFormat;
use jixiao::jobs::{ConvertOptions, convert};
use jixiao::model::{Document, Form};
use jixiao::read::{Input, Inputs, read_all};
use jixiao::taxonomy::TaxonomySet;

fn inputs(name: &str, bytes: Vec<u8>) -> Inputs {
    read_all(&[Input::file(name, bytes)])
}

fn json(forms: &[Form]) -> String {
    jixiao::write::json::to_string(&Document::new(without_source(forms)))
}

/// xlsx → JSON → xlsx (the convert job, default options) → JSON is identical, for every shared
/// fixture but the 2020 目标表 (which becomes a 申报表 by design), 宝山 included.
#[test]
fn issue_11_xlsx_json_xlsx_json_through_convert_is_identical() {
    for name in FIXTURES.iter().filter(|n| !n.contains("2020")) {
        let read = inputs(name, std::fs::read(fixture(name)).unwrap());
        let json1 = json(&read.document.forms);
        let from_json = inputs("forms.json", json1.clone().into_bytes());
        let done = convert(
            &from_json,
            &ConvertOptions::to(OutputFormat::Xlsx),
            "out.xlsx",
        )
        .unwrap();
        let moved: Vec<_> = done
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("migrate."))
            .collect();
        assert!(moved.is_empty(), "{name}: {moved:#?}");
        let out = done.output.unwrap();
        let again = inputs("out.xlsx", out.files[0].bytes.clone());
        assert_eq!(json1, json(&again.document.forms), "{name}");
    }
}

/// Asked for, the current set moves 宝山's 产出指标/成本指标 rows and says so, one line per row
/// with the row's own cell in the input.
#[test]
fn issue_11_taxonomy_on_request_reports_every_moved_row() {
    let name = "baoshan-2024-declarations.xlsx";
    let read = inputs(name, std::fs::read(fixture(name)).unwrap());
    let opts = ConvertOptions {
        taxonomy: Some(TaxonomySet::Current),
        ..ConvertOptions::to(OutputFormat::Json)
    };
    let done = convert(&read, &opts, "out.json").unwrap();
    let moved: Vec<_> = done
        .diagnostics
        .iter()
        .filter(|d| d.rule == "migrate.moved")
        .collect();
    // Every row whose 一级/二级 changed is reported, and nothing else.
    let changed: usize = read
        .document
        .forms
        .iter()
        .zip(&done.document.forms)
        .map(|(before, after)| match (before, after) {
            (Form::Declaration(b), Form::Declaration(a)) => a
                .indicators
                .iter()
                .filter(|r| r.source_level1.is_some() || r.source_level2.is_some())
                .filter(|r| b.indicators.iter().any(|o| o.name == r.name))
                .count(),
            _ => 0,
        })
        .sum();
    assert!(changed > 0);
    assert_eq!(moved.len(), changed);
    for d in &moved {
        let at = d.at.as_ref().expect("a moved row names its cell");
        assert!(at.sheet.is_some() && at.cell.is_some(), "{d}");
    }
    assert!(
        moved[0].message.contains("产出指标/成本指标"),
        "{}",
        moved[0].message
    );
}

/// A 2020 目标表 converted to a 申报表 passes `check` but for what the 2020 form does not have,
/// flagged at the cells it belongs in (主管部门 C4:D4, 项目类别 H3); with the office profile the
/// 主管部门 is filled and only 项目类别 (given per project) remains.
#[test]
fn issue_11_converted_2020_form_is_flagged_only_where_its_data_is_missing() {
    let name = "xining-2020-legacy.xlsx";
    let read = inputs(name, std::fs::read(fixture(name)).unwrap());
    let done = convert(&read, &ConvertOptions::to(OutputFormat::Xlsx), "out.xlsx").unwrap();
    let written = inputs("out.xlsx", done.output.unwrap().files[0].bytes.clone());
    let findings = |inputs: &Inputs| -> Vec<(String, String)> {
        jixiao::jobs::check(inputs, &jixiao::check::Options::default())
            .findings
            .iter()
            .filter(|d| d.severity == jixiao::diag::Severity::Error)
            .map(|d| {
                let cell =
                    d.at.as_ref()
                        .and_then(|l| l.cell.clone())
                        .unwrap_or_default();
                (d.rule.clone(), cell)
            })
            .collect()
    };
    let required = |cell: &str| ("decl.required".to_string(), cell.to_string());
    assert_eq!(
        findings(&written),
        [
            required("H3"),
            required("C4:D4"),
            required("H3"),
            required("C4:D4")
        ]
    );
    let profile = jixiao::profile::Profile::read(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/offices/xining.toml"
    )))
    .unwrap();
    let mut document = written.document.clone();
    let filled = jixiao::profile::fill_blanks(&mut document, &profile);
    assert_eq!(filled.len(), 2, "{filled:#?}");
    assert_eq!(
        filled[0].at.as_ref().unwrap().cell.as_deref(),
        Some("C4:D4")
    );
    let mut with_profile = written;
    with_profile.document = document;
    assert_eq!(findings(&with_profile), [required("H3"), required("H3")]);
}

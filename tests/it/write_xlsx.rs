//! Written workbooks, checked through jixiao's own reader and Grid, never by bytes:
//! the official layout cell for cell, the round trip, and that LibreOffice opens them.

use crate::common::{FIXTURES, fixture, read, render, soffice_available, temp_dir, without_source};

/// The fixtures in today's layouts (the 2020 form is written only after migration: tests/it/legacy.rs).
fn current_fixtures() -> impl Iterator<Item = &'static str> {
    FIXTURES.iter().copied().filter(|n| !n.contains("2020"))
}
use jixiao::grid::{self, Grid};
use jixiao::model::Document;
use std::collections::BTreeMap;
use std::path::Path;

/// The official 8-column fixture each fixture's forms must come out as.
fn official(name: &str) -> String {
    name.replace("other-layouts/", "")
        .replace(".6col", "")
        .replace(".9col", "")
}

fn write(name: &str, dir: &Path) -> std::path::PathBuf {
    let out = dir.join(format!("{}.xlsx", official(name).trim_end_matches(".xlsx")));
    jixiao::write::write_xlsx(&Document::new(read(name)), &out).unwrap();
    out
}

/// Every non-empty cell as text, and every merged area, of each sheet. Line breaks are left
/// out: the writer breaks labels where the printed forms do (`项目\n绩效\n目标`, issue 11),
/// the openpyxl fixtures print them on one line.
fn layout(grids: &[Grid]) -> Vec<(String, BTreeMap<String, String>, Vec<String>)> {
    grids
        .iter()
        .map(|g| {
            let cells = g
                .cells()
                .into_iter()
                .map(|(p, c)| (jixiao::a1::cell_name(p), c.text().replace('\n', "")))
                .collect();
            let mut merges: Vec<String> = g.merges().iter().map(|a| a.to_string()).collect();
            merges.sort();
            (g.sheet.clone(), cells, merges)
        })
        .collect()
}

#[test]
fn writes_every_fixture_as_the_official_form_cell_for_cell() {
    let dir = temp_dir("write-official");
    for name in current_fixtures() {
        let written = grid::open(&write(name, &dir)).unwrap();
        let expected = grid::open(&fixture(&official(name))).unwrap();
        let (written, expected) = (layout(&written), layout(&expected));
        assert_eq!(written.len(), expected.len(), "{name}: sheets");
        for ((ws, wc, wm), (es, ec, em)) in written.iter().zip(&expected) {
            assert_eq!(ws, es, "{name}: sheet name");
            assert_eq!(wc, ec, "{name}: {ws}: text of the cells");
            assert_eq!(wm, em, "{name}: {ws}: merged ranges");
        }
    }
}

/// The checked-in `templates/` are the official blank forms: same text in the same cells and the
/// same merged ranges as the shared blank fixtures (the writer's byte-for-byte match with them is
/// a unit test in src/write/tests.rs).
#[test]
fn templates_are_the_official_blank_forms() {
    for (template, blank) in [
        ("declaration.xlsx", "blank-declaration.xlsx"),
        ("self-evaluation.xlsx", "blank-self-evaluation.xlsx"),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates")
            .join(template);
        assert_eq!(
            layout(&grid::open(&path).unwrap()),
            layout(&grid::open(&fixture(blank)).unwrap()),
            "templates/{template}"
        );
    }
}

#[test]
fn xlsx_json_xlsx_json_is_identical() {
    let dir = temp_dir("write-roundtrip");
    for name in current_fixtures() {
        let first = Document::new(without_source(&read(name)));
        let json1 = jixiao::write::json::to_string(&first);
        let from_json: Document = serde_json::from_str(&json1).unwrap();
        let out = dir.join("round.xlsx");
        jixiao::write::write_xlsx(&from_json, &out).unwrap();
        let again = jixiao::read::read_workbook(&out).unwrap();
        assert!(
            again.diagnostics.is_empty(),
            "{name}: {:#?}",
            again.diagnostics
        );
        let json2 = jixiao::write::json::to_string(&Document::new(without_source(&again.value)));
        assert_eq!(json1, json2, "{name}");
    }
}

#[test]
fn writes_the_same_bytes_for_the_same_input() {
    let dir = temp_dir("write-deterministic");
    let doc = Document::new(read("xinjiang-2023-self-evaluations.xlsx"));
    let (a, b) = (dir.join("a.xlsx"), dir.join("b.xlsx"));
    jixiao::write::write_xlsx(&doc, &a).unwrap();
    jixiao::write::write_xlsx(&doc, &b).unwrap();
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

/// LibreOffice must open what jixiao writes (see [`soffice_available`] for when it is missing).
#[test]
fn libreoffice_opens_written_workbooks() {
    if !soffice_available("libreoffice_opens_written_workbooks") {
        return;
    }
    let dir = temp_dir("write-soffice");
    let mut doc = Document::new(read("xinjiang-2026-declarations.xlsx"));
    doc.forms
        .extend(read("xinjiang-2023-self-evaluations.xlsx"));
    doc.forms
        .extend(read("baoshan-2024-declarations.xlsx").into_iter().take(2));
    let book = dir.join("forms.xlsx");
    jixiao::write::write_xlsx(&doc, &book).unwrap();
    let pages = render(&dir.join("render"), &[book]);
    let pdf = std::fs::read(dir.join("render/forms.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // One page per form: each form fits one page wide and is printed on its own page.
    assert_eq!(pages, doc.forms.len());
}

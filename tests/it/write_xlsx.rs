//! Written workbooks, checked through jixiao's own reader and Grid, never by bytes:
//! the official layout cell for cell, the round trip, and that LibreOffice opens them.

use crate::common::{FIXTURES, fixture, read, render, soffice_available, temp_dir, without_source};

/// The fixtures in today's layouts (the 2020 form is written only after migration: tests/it/legacy.rs).
fn current_fixtures() -> impl Iterator<Item = &'static str> {
    FIXTURES.iter().copied().filter(|n| !n.contains("2020"))
}
use jixiao::grid::{self, Grid};
use jixiao::model::{Document, Form, LayoutId, PrintedLayout, Source};
use jixiao::write::LayoutChoice;
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

/// Issue 11, done when: every shared fixture written with `--layout source` has the same cell
/// text in the same cells and the same merged ranges as the input, sheet by sheet, read back
/// with calamine: the text exactly, line breaks included (the fixtures print `项目绩效目标` on
/// one line, and so does the source layout; only the official layout breaks it).
#[test]
fn issue_11_writes_every_fixture_in_its_own_layout_cell_for_cell() {
    let dir = temp_dir("write-source");
    for name in FIXTURES {
        let doc = Document::new(read(name));
        let (bytes, written) = jixiao::write::xlsx_bytes_in(&doc, LayoutChoice::Source).unwrap();
        assert!(
            written.diagnostics.is_empty(),
            "{name}: {:#?}",
            written.diagnostics
        );
        let out = dir.join("source.xlsx");
        std::fs::write(&out, bytes).unwrap();
        let written = exact(&grid::open(&out).unwrap());
        let expected = exact(&grid::open(&fixture(name)).unwrap());
        assert_eq!(written.len(), expected.len(), "{name}: sheets");
        for ((ws, wc, wm), (es, ec, em)) in written.iter().zip(&expected) {
            assert_eq!(ws, es, "{name}: sheet name");
            assert_eq!(wc, ec, "{name}: {ws}: text of the cells");
            assert_eq!(wm, em, "{name}: {ws}: merged ranges");
        }
    }
}

/// Issue 11: jixiao's own official output is a form like any other: written back with
/// `--layout source` it has the same cells, text (its broken labels) and merges.
#[test]
fn issue_11_official_output_written_in_its_own_layout_is_unchanged() {
    let dir = temp_dir("write-official-source");
    for name in current_fixtures() {
        let official = write(name, &dir);
        let again = jixiao::read::read_workbook(&official).unwrap().value;
        let (bytes, _) =
            jixiao::write::xlsx_bytes_in(&Document::new(again), LayoutChoice::Source).unwrap();
        let out = dir.join("source.xlsx");
        std::fs::write(&out, bytes).unwrap();
        let written = exact(&grid::open(&out).unwrap());
        let expected = exact(&grid::open(&official).unwrap());
        for ((ws, wc, wm), (es, ec, em)) in written.iter().zip(&expected) {
            assert_eq!(ws, es, "{name}: sheet name");
            assert_eq!(wc, ec, "{name}: {ws}: text of the cells");
            assert_eq!(wm, em, "{name}: {ws}: merged ranges");
        }
        assert_eq!(written.len(), expected.len(), "{name}: sheets");
    }
}

/// [`FIXTURES`], which the tests above go through, is every xlsx under `../shared/fixtures`: a
/// fixture added there is not left out of them.
#[test]
fn issue_11_fixtures_lists_every_shared_workbook() {
    fn xlsx_under(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                xlsx_under(&path, &format!("{prefix}{name}/"), out);
            } else if name.ends_with(".xlsx") {
                out.push(format!("{prefix}{name}"));
            }
        }
    }
    let mut found = Vec::new();
    xlsx_under(&fixture(""), "", &mut found);
    found.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(listed, found);
}

/// Every non-empty cell's text as it is, line breaks included, and every merged area, of each
/// sheet.
pub(crate) fn exact(grids: &[Grid]) -> Vec<(String, BTreeMap<String, String>, Vec<String>)> {
    grids
        .iter()
        .map(|g| {
            let cells = g
                .cells()
                .into_iter()
                .map(|(p, c)| (jixiao::a1::cell_name(p), c.text()))
                .collect();
            let mut merges: Vec<String> = g.merges().iter().map(|a| a.to_string()).collect();
            merges.sort();
            (g.sheet.clone(), cells, merges)
        })
        .collect()
}

/// Issue 11: xlsx → JSON → xlsx (`--layout source`) → JSON is identical for every fixture, the
/// 6- and 9-column forms, 宝山 and the 2020 目标表 included: the layout a form was read from
/// travels in the model.
#[test]
fn issue_11_xlsx_json_xlsx_json_in_the_source_layout_is_identical() {
    let dir = temp_dir("write-source-roundtrip");
    for name in FIXTURES {
        let first = Document::new(only_layout(&read(name)));
        let json1 = jixiao::write::json::to_string(&first);
        let from_json: Document = serde_json::from_str(&json1).unwrap();
        let (bytes, _) = jixiao::write::xlsx_bytes_in(&from_json, LayoutChoice::Source).unwrap();
        let out = dir.join("round.xlsx");
        std::fs::write(&out, bytes).unwrap();
        let again = jixiao::read::read_workbook(&out).unwrap();
        assert!(
            again.diagnostics.is_empty(),
            "{name}: {:#?}",
            again.diagnostics
        );
        let json2 = jixiao::write::json::to_string(&Document::new(only_layout(&again.value)));
        assert_eq!(json1, json2, "{name}");
    }
}

/// The forms with only the layout of where they came from.
fn only_layout(forms: &[Form]) -> Vec<Form> {
    forms
        .iter()
        .cloned()
        .map(|mut f| {
            let layout = f.source().and_then(|s| s.layout.clone());
            *f.source_mut() = Some(Source {
                layout,
                ..Source::default()
            });
            f
        })
        .collect()
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
    // One page per form: each form fits one page wide and is printed on its own page; the
    // forms of three files are a batch, listed first on one page of 汇总.
    assert_eq!(pages, doc.forms.len() + 1);
}

/// The layout each fixture is read as: the 6- and 9-column files are told apart from the
/// official ones by where their labels stand, the 9-column 自评表 keeps its own `分值` over the
/// funds (the official form says `分数`), and 宝山 prints no 项目性质.
#[test]
fn issue_11_fixtures_are_read_as_their_own_layouts() {
    for name in FIXTURES {
        let forms = read(name);
        let layouts: Vec<Option<PrintedLayout>> = forms
            .iter()
            .map(|f| f.source().and_then(|s| s.layout.clone()))
            .collect();
        let id = match (name.contains(".6col"), name.contains(".9col")) {
            _ if name.contains("2020") => None,
            (true, _) => Some(LayoutId::Declaration6),
            (_, true) => Some(LayoutId::SelfEvaluation9),
            _ if name.contains("self-evaluation") => Some(LayoutId::SelfEvaluation8),
            _ => Some(LayoutId::Declaration8),
        };
        let expected = id.map(|id| PrintedLayout {
            id,
            labels: match id {
                LayoutId::SelfEvaluation9 => [("funds.weight".into(), "分值".into())].into(),
                _ => Default::default(),
            },
            absent: match name.contains("baoshan") {
                true => vec!["project_nature".to_string()],
                false => vec![],
            },
            ..PrintedLayout::default()
        });
        assert_eq!(layouts, vec![expected; forms.len()], "{name}");
    }
}

/// Issue 11: vertical labels are broken as the printed forms break them in the official layout
/// (`项目\n绩效\n目标`, `项目资金\n（万元）`, never mid-word); `--layout source` gives the
/// form's own text back: the fixtures' labels on one line, and a label the form broke (as the
/// official output does) broken the same way.
#[test]
fn issue_11_vertical_labels_break_as_printed_in_the_official_layout_only() {
    let dir = temp_dir("write-breaks");
    let write = |forms: &[Form], choice: LayoutChoice, file: &str| {
        let (bytes, _) =
            jixiao::write::xlsx_bytes_in(&Document::new(forms.to_vec()), choice).unwrap();
        let out = dir.join(file);
        std::fs::write(&out, bytes).unwrap();
        out
    };
    for (name, cell, broken, unbroken) in [
        (
            "baoshan-2024-declarations.xlsx",
            (9, 0),
            "项目\n绩效\n目标",
            "项目绩效目标",
        ),
        (
            "xinjiang-2023-self-evaluations.xlsx",
            (4, 0),
            "项目资金\n（万元）",
            "项目资金（万元）",
        ),
        (
            "other-layouts/xinjiang-2023-self-evaluations.9col.xlsx",
            (9, 0),
            "年度\n总体\n目标",
            "年度总体目标",
        ),
    ] {
        let forms = read(name);
        assert_eq!(grid::open(&fixture(name)).unwrap()[0].text(cell), unbroken);
        let official = write(&forms, LayoutChoice::Official, "official.xlsx");
        assert_eq!(
            grid::open(&official).unwrap()[0].text(cell),
            broken,
            "{name}"
        );
        let source = write(&forms, LayoutChoice::Source, "source.xlsx");
        assert_eq!(
            grid::open(&source).unwrap()[0].text(cell),
            unbroken,
            "{name}"
        );
        // The official output, read back and written as printed, keeps its breaks.
        let again = jixiao::read::read_workbook(&official).unwrap().value;
        let source = write(&again, LayoutChoice::Source, "again.xlsx");
        assert_eq!(grid::open(&source).unwrap()[0].text(cell), broken, "{name}");
    }
}

/// Issue 11: a 申报表's placeholder rows (`指标3:` left from the blank form) are kept with its
/// layout like the national 自评表's, and `--layout source` prints them back under their 二级,
/// merged with it; read back, the form has the same indicators and the same placeholder rows.
#[test]
fn issue_11_declaration_placeholder_rows_are_written_back_in_their_own_layout() {
    let dir = temp_dir("write-declaration-placeholders");
    let mut forms = read("xinjiang-2026-declarations.xlsx");
    forms.truncate(1);
    let placeholder = jixiao::model::PlaceholderRow {
        level1: "产出指标".into(),
        level2: "数量指标".into(),
        row: 2,
        text: "指标3:".into(),
    };
    let layout = forms[0]
        .source_mut()
        .as_mut()
        .unwrap()
        .layout
        .as_mut()
        .unwrap();
    layout.placeholders.push(placeholder.clone());
    let doc = Document::new(forms.clone());
    let (bytes, _) = jixiao::write::xlsx_bytes_in(&doc, LayoutChoice::Source).unwrap();
    let out = dir.join("placeholders.xlsx");
    std::fs::write(&out, bytes).unwrap();
    let grid = &grid::open(&out).unwrap()[0];
    // 数量指标's two indicators in D14:D15, the placeholder under them, merged into C14:C16.
    assert_eq!(grid.text((13, 3)), "车队服务提供率");
    assert_eq!(grid.text((15, 3)), "指标3:");
    assert_eq!(grid.area((13, 2)).to_string(), "C14:C16");
    assert_eq!(grid.text((16, 2)), "质量指标");
    let back = jixiao::read::read_workbook(&out).unwrap().value;
    let layout = back[0].source().unwrap().layout.clone().unwrap();
    assert_eq!(layout.placeholders, [placeholder]);
    assert_eq!(without_source(&back), without_source(&forms));
}

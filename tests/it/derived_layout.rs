//! Issue 11: a form printed in none of the layouts jixiao describes (the real provincial forms
//! of tests/real) is written back by `--layout source` in its own grid, as the reader recorded
//! it (`Source::derived`): the same cell text and the same merges as the input, the values from
//! the form (a correction shows at its cell), through JSON too.

use crate::common::{temp_dir, without_source};
use crate::real_forms::{Transcription, all, build_xlsx};
use jixiao::a1::{Area, cell_name};
use jixiao::grid::Grid;
use jixiao::model::{Document, Form, Indicator};
use jixiao::write::{LayoutChoice, json, xlsx_bytes_in};
use std::collections::{BTreeMap, BTreeSet};

/// Every non-empty cell's text (`B3` → text) and every merge of `grid` in rows
/// `first..=last`, counted from `first`.
fn cells_and_merges(
    grid: &Grid,
    (first, last): (u32, u32),
) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let shift = |p: (u32, u32)| (p.0 - first, p.1);
    let cells = grid
        .positions()
        .iter()
        .filter(|p| (first..=last).contains(&p.0))
        .filter_map(|&p| {
            let text = grid.own_text(p)?;
            (!text.is_empty()).then(|| (cell_name(shift(p)), grid.text(p)))
        })
        .collect();
    let merges = grid
        .merges()
        .iter()
        .filter(|m| (first..=last).contains(&m.first.0))
        .map(|m| Area::new(shift(m.first), shift(m.last)).name())
        .collect();
    (cells, merges)
}

/// The transcription built into an xlsx and read: its grid and its one form.
fn read(t: &Transcription, dir: &std::path::Path) -> (Grid, Form) {
    let path = dir.join(format!("{}.xlsx", t.name));
    build_xlsx(t, &path);
    let grid = jixiao::grid::open(&path).unwrap().remove(0);
    let form = jixiao::read::read_workbook(&path).unwrap().value.remove(0);
    (grid, form)
}

/// The rows of a form's area.
fn rows(form: &Form) -> (u32, u32) {
    let range = &form.source().unwrap().range;
    let area = jixiao::a1::parse_area(range).unwrap();
    (area.first.0, area.last.0)
}

/// `forms` written with `--layout source`: the workbook's first sheet, read back. Written twice,
/// the bytes are the same.
fn written(forms: Vec<Form>) -> (Grid, Form) {
    let doc = Document::new(forms);
    let (bytes, _) = xlsx_bytes_in(&doc, LayoutChoice::Source).unwrap();
    assert_eq!(xlsx_bytes_in(&doc, LayoutChoice::Source).unwrap().0, bytes);
    let grid = jixiao::grid::open_bytes(&bytes, "written.xlsx")
        .unwrap()
        .remove(0);
    let form = jixiao::read::read_bytes(&bytes, "written.xlsx")
        .unwrap()
        .value
        .remove(0);
    (grid, form)
}

#[test]
fn issue_11_provincial_forms_come_back_cell_for_cell() {
    let dir = temp_dir("derived-layout");
    let mut derived = 0;
    let mut differ = Vec::new();
    for t in &all() {
        let (grid, form) = read(t, &dir);
        let source = form.source().unwrap();
        if source.layout.is_some() {
            continue;
        }
        assert!(source.derived.is_some(), "{}: no grid recorded", t.name);
        derived += 1;
        let expected = cells_and_merges(&grid, rows(&form));
        let (out, again) = written(vec![form.clone()]);
        let actual = cells_and_merges(&out, (0, out.rows.saturating_sub(1)));
        if actual != expected {
            let cells: Vec<_> = expected
                .0
                .iter()
                .filter(|(k, v)| actual.0.get(*k) != Some(v))
                .map(|(k, v)| format!("{k}: {v:?} → {:?}", actual.0.get(k)))
                .chain(
                    actual
                        .0
                        .iter()
                        .filter(|(k, _)| !expected.0.contains_key(*k))
                        .map(|(k, v)| format!("{k}: (none) → {v:?}")),
                )
                .collect();
            let merges: Vec<_> = expected.1.symmetric_difference(&actual.1).collect();
            differ.push(format!("{}: cells {cells:?} merges {merges:?}", t.name));
        }
        // And it reads back as the same form, in the same grid.
        assert_eq!(
            without_source(std::slice::from_ref(&again)),
            without_source(std::slice::from_ref(&form)),
            "{}",
            t.name
        );
        assert_eq!(
            again.source().unwrap().derived,
            source.derived,
            "{}",
            t.name
        );
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    // Every real form is a provincial grid: none of them is in a described layout.
    assert_eq!(derived, 15);
}

#[test]
fn issue_11_provincial_forms_survive_json_and_back() {
    let dir = temp_dir("derived-layout-json");
    for t in &all() {
        let (_, form) = read(t, &dir);
        let first = json::to_string(&Document::new(vec![form]));
        let doc = jixiao::read::read_json_bytes(first.as_bytes(), "form.json").unwrap();
        let (_, again) = written(doc.forms.clone());
        // The written form's source names the written workbook; all else is the same.
        let mut again = again;
        let source = again.source_mut().as_mut().unwrap();
        let read = doc.forms[0].source().unwrap();
        (source.file, source.sheet) = (read.file.clone(), read.sheet.clone());
        let second = json::to_string(&Document::new(vec![again]));
        assert_eq!(second, first, "{}", t.name);
    }
}

#[test]
fn issue_11_a_corrected_provincial_form_shows_its_corrections_in_place() {
    let dir = temp_dir("derived-layout-correction");
    let t = all()
        .into_iter()
        .find(|t| t.name == "anhui-jinzhai-devzone-2021")
        .unwrap();
    let (grid, mut form) = read(&t, &dir);
    let Form::Declaration(d) = &mut form else {
        panic!("a 申报表");
    };
    // As printed: 时效指标's value in E12, the table's last row 18, the 注 lines 19 and 20.
    assert_eq!(grid.text((11, 4)), "2021年全年");
    assert_eq!(grid.text((17, 3)), "指标1:小区居民满意度(≥**%)");
    assert!(grid.text((18, 0)).starts_with("注: 1.“其他资金”"));
    assert_eq!(
        grid.text((19, 0)),
        "2.各单位可根据项目特点自行增加或减少二级指标,并细化"
    );
    assert_eq!(d.indicators.len(), 9);
    d.indicators[2].target = jixiao::model::IndicatorValue::new("2021年11月底前");
    d.indicators.push(Indicator::new(
        "满意度指标",
        "服务对象满意度指标",
        "企业满意度",
        "≥85%",
    ));
    // A date the form has no cell for: in a row of its own under the form.
    d.planned_start = "2021-01-01".into();
    let notes = d.notes.clone();
    let (out, again) = written(vec![form]);
    assert_eq!(out.text((11, 4)), "2021年11月底前");
    assert_eq!(out.text((11, 3)), grid.text((11, 3)));
    // The new row under the last, its 一级 merged on with the row above (the form merges 一级,
    // not 二级), and the 注 lines one row lower.
    assert_eq!(out.text((18, 3)), "企业满意度");
    assert_eq!(out.text((18, 4)), "≥85%");
    assert_eq!(out.area((18, 1)), Area::new((17, 1), (18, 1)));
    assert_eq!(out.area((18, 2)), Area::cell((18, 2)));
    assert_eq!(out.text((18, 2)), "服务对象满意度指标");
    assert_eq!(out.area((8, 0)), Area::new((8, 0), (18, 0)));
    assert_eq!(out.text((19, 0)), grid.text((18, 0)));
    assert_eq!(out.text((20, 0)), grid.text((19, 0)));
    assert_eq!(out.area((19, 0)), Area::new((19, 0), (19, 4)));
    assert_eq!(out.text((21, 0)), "计划开始日期：");
    assert_eq!(out.text((21, 1)), "2021-01-01");
    assert_eq!(out.area((21, 1)), Area::new((21, 1), (21, 4)));
    let Form::Declaration(back) = again else {
        panic!("a 申报表");
    };
    assert_eq!(back.indicators.len(), 10);
    assert_eq!(back.indicators[2].target.raw, "2021年11月底前");
    assert_eq!(back.indicators[9].name, "企业满意度");
    assert_eq!(back.notes, notes);
    assert_eq!(back.planned_start, "2021-01-01");
}

#[test]
fn issue_11_stacked_provincial_forms_come_back_each_from_its_own_first_row() {
    // Two real forms one under the other on one sheet: the second starts on row 21.
    let dir = temp_dir("derived-layout-stacked");
    let forms = all();
    let pick = |name: &str| forms.iter().find(|t| t.name == name).unwrap();
    let (a, b) = (
        pick("anhui-jinzhai-devzone-2021"),
        pick("hunan-yueyang-agri-2022"),
    );
    let both = Transcription {
        name: "stacked".into(),
        meta: Vec::new(),
        rows: a.rows.iter().chain(&b.rows).cloned().collect(),
        expect: Vec::new(),
    };
    let (grid, _) = read(&both, &dir);
    let path = dir.join("stacked.xlsx");
    let read_forms = jixiao::read::read_workbook(&path).unwrap().value;
    assert_eq!(read_forms.len(), 2);
    assert_eq!(rows(&read_forms[1]).0, a.rows.len() as u32);
    for form in read_forms {
        let expected = cells_and_merges(&grid, rows(&form));
        let (out, again) = written(vec![form.clone()]);
        let actual = cells_and_merges(&out, (0, out.rows.saturating_sub(1)));
        assert_eq!(actual, expected, "{}", form.project_name());
        assert_eq!(
            without_source(std::slice::from_ref(&again)),
            without_source(std::slice::from_ref(&form))
        );
    }
}

/// 淮北's form with `merges` added to its own grid (as a hand-edited or hostile JSON would),
/// written with `--layout source`: the rules of what writing it said, and the first sheet.
fn written_with_merges(merges: impl Fn(u32) -> Vec<String>) -> (Vec<String>, Grid) {
    let dir = temp_dir("derived-layout-merges");
    let t = all()
        .into_iter()
        .find(|t| t.name == "anhui-huaibei-culture-2025")
        .unwrap();
    let (_, mut form) = read(&t, &dir);
    let top = rows(&form).0 + 1;
    let source = form.source_mut().as_mut().unwrap();
    (source.derived.as_mut().unwrap().merges).extend(merges(top));
    let doc = Document::new(vec![form]);
    let (bytes, written) = xlsx_bytes_in(&doc, LayoutChoice::Source).unwrap();
    let rules = written.diagnostics.iter().map(|d| d.rule.clone()).collect();
    let grid = jixiao::grid::open_bytes(&bytes, "merges.xlsx")
        .unwrap()
        .remove(0);
    (rules, grid)
}

#[test]
fn issue_11_a_grid_larger_than_a_form_goes_to_the_nearest_layout() {
    // A JSON edited to hold a merge over 900,000 rows: no hang, no giant sheet; the form is
    // written in the nearest described layout, and says so.
    let (rules, grid) = written_with_merges(|_| vec!["A30:ZZ900000".into()]);
    assert_eq!(rules, ["write.nearest-layout"]);
    assert!(grid.rows < 40, "{} rows", grid.rows);
}

#[test]
fn issue_11_a_grid_whose_merges_cover_it_many_times_goes_to_the_nearest_layout() {
    // 2,000 merges each inside the bounds of a form (5,000 × 256) but overlapping one another:
    // leaving out the overlapping ones one cell at a time took a minute (hours for more). The
    // form is written in the nearest described layout instead, at once.
    let (rules, grid) =
        written_with_merges(|top| vec![format!("A{}:IV{}", top + 40, top + 4_000); 2_000]);
    assert_eq!(rules, ["write.nearest-layout"]);
    assert!(grid.rows < 40, "{} rows", grid.rows);
}

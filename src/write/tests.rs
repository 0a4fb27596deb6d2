mod fixture_forms;

use super::*;
use crate::blank;
use crate::grid::{self, Grid};
use crate::model::{Declaration, IndicatorValue, Legacy2020, SelfEvaluation};
use fixture_forms::*;

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("jixiao-write-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .expect("read temp dir")
            .map(|e| {
                e.expect("dir entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn doc(forms: Vec<Form>) -> Document {
    Document::new(forms)
}

/// Writes `forms` and reads every sheet back as a Grid.
fn write_and_read(dir: &TempDir, forms: Vec<Form>) -> Vec<Grid> {
    let path = dir.join("out.xlsx");
    write_xlsx(&doc(forms), &path).expect("write");
    grid::open(&path).expect("read back")
}

/// Every non-empty cell as `A1=text`, one a line, row by row.
fn cells(grid: &Grid) -> String {
    let lines: Vec<String> = grid
        .cells()
        .iter()
        .map(|(pos, cell)| format!("{}={}", crate::a1::cell_name(*pos), cell.text()))
        .collect();
    lines.join("\n") + "\n"
}

/// The merged ranges, sorted as text and separated by spaces.
fn merges(grid: &Grid) -> String {
    let mut merges: Vec<String> = grid.merges().iter().map(|m| m.to_string()).collect();
    merges.sort();
    merges.join(" ")
}

fn assert_form(grid: &Grid, expected_cells: &str, expected_merges: &str) {
    assert_eq!(cells(grid), expected_cells, "cells of {}", grid.sheet);
    assert_eq!(merges(grid), expected_merges, "merges of {}", grid.sheet);
}

#[test]
fn writes_declarations_like_the_fixtures() {
    let dir = TempDir::new("declarations");
    let grids = write_and_read(
        &dir,
        vec![
            Form::Declaration(xinjiang_2026_vehicle_services()),
            Form::Declaration(baoshan_2024_travel_abroad()),
        ],
    );
    assert_eq!(grids.len(), 2);
    assert_eq!(grids[0].sheet, "机关服务费");
    assert_form(
        &grids[0],
        XINJIANG_2026_VEHICLE_SERVICES_CELLS,
        XINJIANG_2026_VEHICLE_SERVICES_MERGES,
    );
    // Without 项目性质 the name spans C3:F3.
    assert_form(
        &grids[1],
        BAOSHAN_2024_TRAVEL_ABROAD_CELLS,
        BAOSHAN_2024_TRAVEL_ABROAD_MERGES,
    );
}

#[test]
fn writes_self_evaluations_like_the_fixtures() {
    let dir = TempDir::new("self-evaluations");
    let grids = write_and_read(
        &dir,
        vec![Form::SelfEvaluation(xinjiang_2023_vehicle_services())],
    );
    assert_form(
        &grids[0],
        XINJIANG_2023_VEHICLE_SERVICES_CELLS,
        XINJIANG_2023_VEHICLE_SERVICES_MERGES,
    );
}

#[test]
fn numbers_keep_their_decimals_and_dashes_stay_text() {
    let dir = TempDir::new("figures");
    let grids = write_and_read(
        &dir,
        vec![Form::SelfEvaluation(xinjiang_2023_vehicle_services())],
    );
    let g = &grids[0];
    // 全年执行数 12.51 as a number shown with two decimals; the sub-row 分值 a text dash.
    assert_eq!(
        g.get((5, 4)),
        Some(&grid::Cell::Number {
            value: 12.51,
            shape: grid::NumberShape {
                decimals: Some(2),
                percent: false
            }
        })
    );
    assert_eq!(g.get((6, 5)), Some(&grid::Cell::Text("-".into())));
    // 总分 100 written without decimals, as it was given.
    assert_eq!(g.text((22, 5)), "100");
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let dir = TempDir::new("formula");
    let mut form = xinjiang_2026_vehicle_services();
    form.project_name = "=SUM(A1:A2)".into();
    form.indicators[0].name = "+1".into();
    form.indicators[0].target = IndicatorValue::new("-5(%)");
    form.indicators[1].name = "@home".into();
    let path = dir.join("out.xlsx");
    write_xlsx(&doc(vec![Form::Declaration(form)]), &path).expect("write");
    let g = &grid::open(&path).expect("read back")[0];
    for (pos, text) in [
        ((2, 2), "=SUM(A1:A2)"),
        ((12, 3), "+1"),
        ((12, 6), "-5(%)"),
        ((13, 3), "@home"),
        ((15, 6), "=100.00(%)"),
    ] {
        assert_eq!(g.get(pos), Some(&grid::Cell::Text(text.into())), "{pos:?}");
    }
    let bytes = std::fs::read(&path).expect("read");
    assert!(
        !String::from_utf8_lossy(&bytes).contains("<f>"),
        "no formula in the file"
    );
}

#[test]
fn writes_the_same_bytes_twice() {
    let dir = TempDir::new("deterministic");
    let forms = doc(vec![
        Form::Declaration(xinjiang_2026_vehicle_services()),
        Form::SelfEvaluation(xinjiang_2023_vehicle_services()),
    ]);
    let (a, b) = (dir.join("a.xlsx"), dir.join("b.xlsx"));
    write_xlsx(&forms, &a).expect("write a");
    write_xlsx(&forms, &b).expect("write b");
    assert_eq!(std::fs::read(a).expect("a"), std::fs::read(b).expect("b"));
}

/// `templates/*.xlsx` are what the writer makes of the blank forms, byte for byte.
/// `UPDATE_TEMPLATES=1 cargo test` writes them anew.
#[test]
fn templates_are_the_written_blank_forms() {
    let dir = TempDir::new("templates");
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let update = std::env::var_os("UPDATE_TEMPLATES").is_some_and(|v| v == "1");
    for (file, form) in [
        (
            "declaration.xlsx",
            Form::Declaration(blank::declaration(Some(2026))),
        ),
        (
            "self-evaluation.xlsx",
            Form::SelfEvaluation(blank::self_evaluation(Some(2025))),
        ),
    ] {
        let written = dir.join(file);
        write_xlsx(&doc(vec![form]), &written).expect("write template");
        let checked_in = templates.join(file);
        if update {
            std::fs::copy(&written, &checked_in).expect("update template");
        }
        let expected = std::fs::read(&checked_in).unwrap_or_default();
        assert!(
            std::fs::read(&written).expect("read") == expected,
            "templates/{file} is not what the writer produces; run UPDATE_TEMPLATES=1 cargo test"
        );
    }
}

#[test]
fn blank_forms_are_named_after_their_title() {
    let dir = TempDir::new("blank-names");
    let grids = write_and_read(
        &dir,
        vec![
            Form::Declaration(blank::declaration(None)),
            Form::SelfEvaluation(blank::self_evaluation(None)),
            Form::Declaration(blank::declaration(None)),
        ],
    );
    let names: Vec<&str> = grids.iter().map(|g| g.sheet.as_str()).collect();
    assert_eq!(
        names,
        [
            "财政项目支出绩效目标申报表",
            "财政项目支出绩效自评表",
            "财政项目支出绩效目标申报表 (2)"
        ]
    );
    assert_eq!(grids[0].text((1, 0)), "（    年度）");
}

#[test]
fn an_empty_indicator_table_still_has_its_header() {
    let dir = TempDir::new("empty-table");
    let grids = write_and_read(
        &dir,
        vec![
            Form::Declaration(Declaration::default()),
            Form::SelfEvaluation(SelfEvaluation::default()),
        ],
    );
    assert_eq!(grids[0].text((11, 0)), "绩效\n指标");
    assert_eq!(grids[0].area((11, 0)), crate::a1::Area::cell((11, 0)));
    assert_eq!(grids[1].text((12, 0)), "总分");
    assert_eq!(grids[1].text((13, 0)), "评分等级");
}

#[test]
fn legacy_forms_are_skipped_with_a_warning() {
    let dir = TempDir::new("legacy");
    let legacy = Legacy2020 {
        project_name: "2020年项目".into(),
        ..Legacy2020::default()
    };
    let path = dir.join("out.xlsx");
    let both = doc(vec![
        Form::Legacy2020(legacy.clone()),
        Form::Declaration(blank::declaration(Some(2026))),
    ]);
    let written = write_xlsx(&both, &path).expect("write");
    assert_eq!(written.sheets, ["财政项目支出绩效目标申报表"]);
    assert_eq!(written.diagnostics.len(), 1);
    assert_eq!(
        written.diagnostics[0].to_string(),
        format!(
            "{}: 警告[write-skipped-form]: 第 1 张表（2020年项目）是 2020 年目标表，正式表样中没有它：未写出\n  提示: 加 --layout source 按原样写出目标表，或写成 JSON（-o out.json）保留它",
            path.display()
        )
    );
    let english = crate::msg::with_lang(crate::msg::Lang::En, || {
        write_xlsx(&both, &path).expect("write").diagnostics[0].to_string()
    });
    assert_eq!(
        english,
        format!(
            "{}: warning[write-skipped-form]: form 1 (2020年项目) is a 2020 目标表, which the official layout has no place for; it was not written\n  hint: add --layout source to write it as a 目标表, or write it as JSON (-o out.json) to keep it",
            path.display()
        )
    );

    let only_legacy = write_xlsx(&doc(vec![Form::Legacy2020(legacy)]), &dir.join("none.xlsx"));
    let message = only_legacy.expect_err("nothing to write").to_string();
    assert!(
        message.ends_with("没有可写出的表：文件中没有申报表或自评表"),
        "{message}"
    );
    assert!(!dir.join("none.xlsx").exists());
}

#[test]
fn sheet_names_are_valid_and_unique() {
    let long = "上海市人民政府驻新疆办事处合作交流工作业务费及对口支援专项经费项目";
    assert!(long.chars().count() > 31);
    let names = sheet_names([
        long,
        long,
        "a/b\\c:d*e?f[g]h",
        "'引号'",
        "   ",
        "'''",
        "机关服务费",
        "机关服务费",
        "ABC",
        "abc",
        "History",
        "换行\n名称",
    ]);
    assert_eq!(names[0], long.chars().take(31).collect::<String>());
    assert_eq!(
        names[1],
        format!("{} (2)", long.chars().take(27).collect::<String>())
    );
    assert_eq!(names[2], "a／b＼c：d＊e？f［g］h");
    assert_eq!(names[3], "引号");
    assert_eq!(names[4], "Sheet 5");
    assert_eq!(names[5], "Sheet 6");
    assert_eq!(names[6..8], ["机关服务费", "机关服务费 (2)"]);
    assert_eq!(names[8..10], ["ABC", "abc (2)"]);
    assert_eq!(names[10], "History (2)");
    assert_eq!(names[11], "换行 名称");
    for name in &names {
        assert!(name.encode_utf16().count() <= 31, "{name}");
    }
}

#[test]
fn sheet_names_count_utf16_units_and_number_past_nine() {
    // An emoji takes two UTF-16 units of Excel's 31.
    let names = sheet_names(["😀".repeat(20).as_str()]);
    assert_eq!(names[0], "😀".repeat(15));
    let names = sheet_names(std::iter::repeat_n("项目", 11));
    assert_eq!(names[10], "项目 (11)");
}

#[test]
fn atomically_replaces_the_file_only_on_success() {
    let dir = TempDir::new("atomic");
    let path = dir.join("out.txt");
    std::fs::write(&path, "old").expect("seed");

    let failed: Result<()> = atomically(&path, |tmp| {
        std::fs::write(tmp, "half").expect("write tmp");
        Err(Error::write("out.txt", "boom"))
    });
    assert!(failed.is_err());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "old");
    assert_eq!(dir.entries(), ["out.txt"], "no temporary file left behind");

    let value = atomically(&path, |tmp| {
        assert_eq!(
            tmp.parent(),
            path.parent(),
            "temporary file in the same directory"
        );
        std::fs::write(tmp, "new")
            .map_err(|e| Error::write(tmp.display().to_string(), "").because(e))?;
        Ok(7)
    })
    .expect("replace");
    assert_eq!(value, 7);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
    assert_eq!(dir.entries(), ["out.txt"]);
}

#[test]
fn atomically_fails_cleanly_when_nothing_was_written() {
    let dir = TempDir::new("atomic-nothing");
    let result = atomically(&dir.join("out.txt"), |_| Ok(()));
    assert!(
        result.is_err(),
        "flushing a file that was never created fails"
    );
    assert!(dir.entries().is_empty());
}

/// Where the writers say they placed each field is where the reader finds it, for every shared
/// fixture in both layouts (issue 14: the cells used to be learned by reading the form back).
#[test]
fn issue_14_the_cells_the_writers_place_are_those_read_back() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let mut files: Vec<PathBuf> = ["", "other-layouts"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("fixtures"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    files.sort();
    let styles = Styles::new();
    let mut compared = 0;
    for file in &files {
        let forms = crate::read::read_path(file).expect("fixture").value;
        for choice in [LayoutChoice::Official, LayoutChoice::Source] {
            for form in &forms {
                let placed = FieldCells::of(form, &styles, choice).expect("paint");
                if matches!(
                    (form, choice),
                    (Form::Legacy2020(_), LayoutChoice::Official)
                ) {
                    assert_eq!(placed, FieldCells::default()); // not written
                    continue;
                }
                let (bytes, _) = xlsx_bytes_in(&doc(vec![form.clone()]), choice).expect("write");
                let back = crate::read::read_bytes(&bytes, "out.xlsx").expect("read back");
                let Some(source) = back.value.first().and_then(Form::source) else {
                    assert_eq!(placed, FieldCells::default(), "{}", file.display());
                    continue;
                };
                // Every cell the reader names, by its top-left cell (the writer also places
                // blank fields, which the reader does not name).
                let top_left = |a1: &str| crate::a1::parse_area(a1).map(|a| a.first);
                let placed = placed.a1();
                let read: Vec<_> = source
                    .cells
                    .iter()
                    .map(|(p, a1)| (p, top_left(a1)))
                    .collect();
                let wrote: Vec<_> = (source.cells.keys())
                    .map(|p| (p, placed.get(p).and_then(|a1| top_left(a1))))
                    .collect();
                assert_eq!(wrote, read, "{} {choice:?}", file.display());
                compared += 1;
            }
        }
    }
    assert!(compared >= 40, "{compared} forms compared");
}

/// The writers paint from the layout descriptions and never call the readers (issue 14): no
/// module of `write` nor `generate` names `crate::read` outside its tests and doc comments.
#[test]
fn issue_14_writers_do_not_import_readers() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("write.rs"), src.join("generate.rs")];
    for entry in std::fs::read_dir(src.join("write")).expect("src/write") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|x| x == "rs") && !path.ends_with("tests.rs") {
            files.push(path);
        }
    }
    let mut edges = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source");
        let code = text
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if !line.starts_with("//") && line.contains("crate::read") {
                edges.push(format!("{}:{}: {line}", file.display(), n + 1));
            }
        }
    }
    assert!(files.len() > 10, "{files:?}");
    assert_eq!(edges, Vec::<String>::new());
}

//! Issue 9: the flat tables survive the office programs clerks use — CSV saved by Excel or WPS
//! in GBK, a CSV opened and saved by LibreOffice with its default import, and a formula typed
//! into the flat workbook.

use crate::common::read_clean;
use crate::common::{FIXTURES, TempDir, jixiao_in, read, soffice_available, temp_dir};
use crate::flat::comparable;
use jixiao::diag::Severity;
use jixiao::model::{Document, Form, IndicatorValue};
use std::path::{Path, PathBuf};

/// Writes the flat CSV tables of `forms` into a new directory.
fn csv_dir(forms: &[Form], tag: &str) -> TempDir {
    let dir = temp_dir(tag);
    jixiao::write::flat::write_csv_dir(&Document::new(forms.to_vec()), &dir).unwrap();
    dir
}

fn csv_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    files
}

#[test]
fn issue_9_csv_saved_as_gbk_converts_back_to_the_same_forms() {
    for name in FIXTURES {
        let forms = read(name);
        let dir = csv_dir(&forms, &format!("gbk-{}", name.replace('/', "-")));
        for file in csv_files(&dir) {
            let text = std::fs::read_to_string(&file).unwrap();
            let text = text.trim_start_matches('\u{feff}');
            let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
            assert!(!unmappable, "{name}: {} has text GBK lacks", file.display());
            std::fs::write(&file, &gbk).unwrap();
        }
        assert_eq!(comparable(&read_clean(&dir)), comparable(&forms), "{name}");
    }
}

/// A form whose texts an office program would take for formulas or numbers.
fn hostile() -> Vec<Form> {
    let mut forms = read("xinjiang-2026-declarations.xlsx");
    let Form::Declaration(d) = &mut forms[0] else {
        panic!("a 申报表 first")
    };
    d.project_name = "=HYPERLINK(\"http://example.com\",\"点我\")".into();
    d.annual_goal = "+5 个服务点；-2 次投诉；@全体职工；'引号".into();
    d.indicators[1].target = IndicatorValue::new("=1+1");
    d.indicators[2].target = IndicatorValue::new("-");
    d.indicators[3].target = IndicatorValue::new("@100");
    forms
}

/// LibreOffice opens each CSV of `dirs` with its default import and saves it as CSV again, in
/// place: what a clerk does who corrects the tables in LibreOffice Calc. One LibreOffice run
/// for all (it takes seconds to start).
fn through_libreoffice(dirs: &[&Path]) {
    let profile = temp_dir("lo-profile");
    let staging = temp_dir("lo-staging");
    let out = staging.join("saved");
    let mut names = Vec::new();
    for (i, dir) in dirs.iter().enumerate() {
        for file in csv_files(dir) {
            let staged = staging.join(format!(
                "{i}-{}",
                file.file_name().unwrap().to_str().unwrap()
            ));
            std::fs::copy(&file, &staged).unwrap();
            names.push((staged, file));
        }
    }
    let run = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "csv",
            "--outdir",
        ])
        .arg(&out)
        .args(names.iter().map(|(s, _)| s))
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    for (staged, file) in &names {
        std::fs::rename(out.join(staged.file_name().unwrap()), file).unwrap();
    }
}

#[test]
fn issue_9_csv_through_libreoffice_converts_back_and_formulas_stay_text() {
    if !soffice_available("issue_9_csv_through_libreoffice") {
        return;
    }
    let mut cases: Vec<(String, Vec<Form>)> =
        FIXTURES.iter().map(|n| (n.to_string(), read(n))).collect();
    cases.push(("hostile".into(), hostile()));
    let dirs: Vec<TempDir> = cases
        .iter()
        .map(|(name, forms)| csv_dir(forms, &format!("lo-{}", name.replace('/', "-"))))
        .collect();
    let before: Vec<Vec<u8>> = dirs
        .iter()
        .map(|d| std::fs::read(d.join("indicators.csv")).unwrap())
        .collect();
    through_libreoffice(&dirs.iter().map(|d| &**d).collect::<Vec<&Path>>());
    for (((name, forms), dir), before) in cases.iter().zip(&dirs).zip(before) {
        let after = std::fs::read(dir.join("indicators.csv")).unwrap();
        assert_ne!(
            before, after,
            "{name}: LibreOffice saved the file unchanged"
        );
        let back = read_clean(dir);
        assert_eq!(comparable(&back), comparable(forms), "{name}");
    }
}

#[test]
fn issue_9_libreoffice_without_the_mark_gives_err_509_which_is_refused_at_its_cell() {
    if !soffice_available("issue_9_err_509") {
        return;
    }
    let dir = csv_dir(&read("xinjiang-2026-declarations.xlsx"), "lo-unmarked");
    // What the CSV held before issue 9: `=100.00(%)` without the apostrophe.
    let path = dir.join("indicators.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("'=100.00(%)", "=100.00(%)")).unwrap();
    through_libreoffice(&[&dir]);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("Err:509"), "{saved}");
    let read = jixiao::read::read_path(&dir).unwrap();
    let errors: Vec<String> = read
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| jixiao::msg::with_lang(jixiao::msg::Lang::Zh, || d.to_string()))
        .collect();
    assert!(!errors.is_empty());
    let shown = path.display().to_string();
    assert!(
        errors.iter().all(|e| e.starts_with(&shown)
            && e.contains("错误[flat.formula]: 单元格是错误值「Err:509」")),
        "{errors:#?}"
    );
    assert!(
        errors[0].starts_with(&format!("{shown}: 第 5 行「指标值」列: 错误[flat.formula]")),
        "{errors:#?}"
    );
}

/// The flat workbook of `forms` rebuilt by hand from its CSV tables, with a formula typed into
/// the indicators sheet at `cell` (row, column): what a clerk's Excel saves.
fn flat_workbook_with_formula(forms: &[Form], path: &Path, at: (u32, u16)) {
    let dir = csv_dir(forms, "flat-formula");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for file in csv_files(&dir) {
        let sheet = wb.add_worksheet();
        sheet
            .set_name(file.file_stem().unwrap().to_str().unwrap())
            .unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for (i, rec) in r.records().enumerate() {
            for (c, v) in rec.unwrap().iter().enumerate() {
                let v = jixiao::layout::flat::unprotect(v);
                sheet.write_string(i as u32, c as u16, v).unwrap();
            }
        }
        if sheet.name() == "indicators" {
            let formula = rust_xlsxwriter::Formula::new("=100*1").set_result("100");
            sheet.write_formula(at.0, at.1, formula).unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn issue_9_a_formula_typed_into_the_flat_workbook_is_refused_at_its_cell() {
    let forms = read("xinjiang-2026-declarations.xlsx");
    let dir = temp_dir("flat-formula-xlsx");
    let path = dir.join("flat.xlsx");
    // Row 5 of the indicators sheet, column I (指标值): 安全出车率's =100.00(%).
    flat_workbook_with_formula(&forms, &path, (4, 8));
    let p = path.to_str().unwrap();
    let (code, out, err) = jixiao_in(
        None,
        &["convert", p, "-o", dir.join("o.xlsx").to_str().unwrap()],
    );
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains(&format!("{p}: indicators!I5: 错误[flat.formula]: 单元格是公式「=100*1」：平表只收录入的文字和数字\n  提示: 把公式改成它要表示的值")),
        "{err}"
    );
    let (_, _, err) = jixiao_in(
        Some("en"),
        &["convert", p, "-o", dir.join("o.xlsx").to_str().unwrap()],
    );
    assert!(
        err.contains(&format!(
            "{p}: indicators!I5: error[flat.formula]: the cell holds the formula \"=100*1\""
        )),
        "{err}"
    );
    assert!(!dir.join("o.xlsx").exists());
}

#[test]
fn issue_9_the_flat_workbook_formats_text_columns_as_text() {
    let dir = temp_dir("flat-text-format");
    let path = dir.join("flat.xlsx");
    let forms = read("xinjiang-2026-declarations.xlsx");
    jixiao::write::flat::write_xlsx(&Document::new(forms), &path).unwrap();
    let file = std::fs::File::open(&path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("formatCode=\"@\""), "{styles}");
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet2.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains("<col "), "{sheet}");
}

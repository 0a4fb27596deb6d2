//! PDF input (issue 13): forms printed to PDF read into the same model as their workbooks.
//!
//! The LibreOffice PDFs are made at test time from the shared fixtures (one soffice run, a few
//! seconds) in a temp dir that is removed afterwards; the other PDFs are small files committed
//! under `tests/pdf/` (see `tests/pdf/README.md` for how each was made).

use crate::common::{FIXTURES, fixture, read, soffice_available, temp_dir};
use jixiao::model::{Document, Form};
use jixiao::write::flat::Table;
use std::path::{Path, PathBuf};

/// Prints workbooks to PDF with LibreOffice into `out` (one soffice run per directory of
/// inputs: starting LibreOffice is the slow part). Returns the PDF of each workbook, in order.
pub fn print_to_pdf(out: &Path, workbooks: &[PathBuf]) -> Vec<PathBuf> {
    let profile = temp_dir("pdf-soffice-profile");
    let mut by_dir: Vec<(PathBuf, Vec<&PathBuf>)> = Vec::new();
    for w in workbooks {
        let dir = w.parent().unwrap().to_path_buf();
        match by_dir.iter_mut().find(|(d, _)| *d == dir) {
            Some((_, ws)) => ws.push(w),
            None => by_dir.push((dir, vec![w])),
        }
    }
    for (_, ws) in &by_dir {
        let run = std::process::Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(out)
            .args(ws.iter())
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    std::fs::remove_dir_all(&profile).ok();
    workbooks
        .iter()
        .map(|w| {
            let pdf = out.join(w.with_extension("pdf").file_name().unwrap());
            assert!(pdf.is_file(), "soffice made no PDF of {}", w.display());
            pdf
        })
        .collect()
}

/// The flat tables of forms without their provenance columns (来源文件, 工作表: a file name and a
/// sheet name in a workbook, a file name and `第3页` in a PDF).
fn flat_without_provenance(forms: &[Form]) -> Vec<Table> {
    jixiao::write::flat::tables(&Document::new(forms.to_vec()))
        .into_iter()
        .map(|t| {
            let keep: Vec<usize> = (0..t.header.len())
                .filter(|&i| !matches!(t.header[i].as_str(), "来源文件" | "工作表"))
                .collect();
            let pick = |row: &Vec<String>| keep.iter().map(|&i| row[i].clone()).collect();
            Table {
                name: t.name,
                header: pick(&t.header),
                rows: t.rows.iter().map(pick).collect(),
            }
        })
        .collect()
}

/// Every differing cell of two sets of flat tables, as `table row N column: workbook → pdf`.
fn differences(expected: &[Table], actual: &[Table]) -> Vec<String> {
    let mut out = Vec::new();
    for (e, a) in expected.iter().zip(actual) {
        if e.rows.len() != a.rows.len() {
            out.push(format!(
                "{}: {} rows → {} rows",
                e.name,
                e.rows.len(),
                a.rows.len()
            ));
        }
        for (i, (er, ar)) in e.rows.iter().zip(&a.rows).enumerate() {
            for (k, (ev, av)) in er.iter().zip(ar).enumerate() {
                if ev != av {
                    out.push(format!(
                        "{} row {} {}: {ev:?} → {av:?}",
                        e.name,
                        i + 1,
                        e.header[k]
                    ));
                }
            }
        }
    }
    if expected.len() != actual.len() {
        out.push(format!(
            "{} tables → {} tables",
            expected.len(),
            actual.len()
        ));
    }
    out
}

#[test]
fn every_shared_fixtures_libreoffice_pdf_converts_to_flat_tables_identical_to_the_workbooks() {
    if !soffice_available("pdf") {
        return;
    }
    let dir = temp_dir("pdf-fixtures");
    let workbooks: Vec<PathBuf> = FIXTURES.iter().map(|n| fixture(n)).collect();
    let pdfs = print_to_pdf(&dir, &workbooks);
    let mut report = Vec::new();
    for (name, pdf) in FIXTURES.iter().zip(&pdfs) {
        let expected = flat_without_provenance(&read(name));
        let actual = flat_without_provenance(&crate::common::read_clean(pdf));
        let diffs = differences(&expected, &actual);
        if !diffs.is_empty() {
            report.push(format!("{name}:\n  {}", diffs.join("\n  ")));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// `tests/pdf/<name>`.
fn committed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pdf")
        .join(name)
}

/// The LibreOffice HTML export of `xinjiang-2026-declarations.xlsx`, its forms 3 and 4 kept,
/// printed by headless Chromium on A5 so that both forms break across pages, one of them in the
/// middle of a merged 一级 cell (see `tests/pdf/README.md`).
const CHROMIUM: &str = "chromium-xinjiang-2026-forms-3-4.pdf";

#[test]
fn a_chromium_pdf_of_an_html_rendering_reads_like_the_workbook() {
    let pdf = crate::common::read_clean(&committed(CHROMIUM));
    let workbook = read("xinjiang-2026-declarations.xlsx");
    let diffs = differences(
        &flat_without_provenance(&workbook[2..4]),
        &flat_without_provenance(&pdf),
    );
    // The one difference: Chromium draws no space where it wraps a line, so the space that
    // stood at a wrap is gone (`不少于 20 次, 赴` → `次,赴`): the cell is read, one space is lost.
    let Form::Declaration(d) = &workbook[2] else {
        panic!("a 申报表")
    };
    let lost = d.annual_goal.replacen("次, 赴", "次,赴", 1);
    assert_ne!(lost, d.annual_goal);
    assert_eq!(
        diffs,
        [format!(
            "declarations row 1 年度总体目标: {:?} → {lost:?}",
            d.annual_goal
        )],
        "{}",
        diffs.join("\n")
    );
}

#[test]
fn a_form_split_across_pages_is_one_form_and_says_its_pages() {
    let pdf = crate::common::read_clean(&committed(CHROMIUM));
    let pages: Vec<&str> = pdf
        .iter()
        .map(|f| f.source().unwrap().sheet.as_str())
        .collect();
    assert_eq!(pages, ["第1–2页", "第2–3页"]);
    // The page break cut the 一级 cell 产出指标 and the row of 援外保障工作达标率 in two: still one
    // 一级 over seven rows, and one row.
    let Form::Declaration(d) = &pdf[0] else {
        panic!("a 申报表")
    };
    let output: Vec<&str> = d
        .indicators
        .iter()
        .filter(|i| i.level1 == "产出指标")
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(output.len(), 7, "{output:?}");
    assert!(output.contains(&"援外保障工作达标率"), "{output:?}");
}

#[test]
fn chromiums_radical_lookalikes_are_read_as_the_ideographs() {
    let bytes = std::fs::read(committed(CHROMIUM)).unwrap();
    let pdf = pdfplumber::Pdf::open_bytes(&bytes, None).unwrap();
    let page = pdf.page(0).unwrap();
    let raw: String = page.chars().iter().map(|c| c.text.as_str()).collect();
    // What the fonts' ToUnicode maps say: ⽬ U+2F6C for 目, ⻔ U+2ED4 for 门.
    assert!(
        raw.contains('\u{2F6C}') && raw.contains('\u{2ED4}'),
        "{raw}"
    );
    let forms = crate::common::read_clean(&committed(CHROMIUM));
    let json = jixiao::write::json::to_string(&Document::new(forms));
    assert!(
        !json.chars().any(|c| ('\u{2E80}'..='\u{2FDF}').contains(&c)),
        "a radical lookalike was kept"
    );
    assert!(json.contains("上海市人民政府合作交流办公室"));
}

/// A page of the blank 申报表 printed by LibreOffice, rasterised (pdftoppm -r 40) and printed
/// again as an image by Chromium: a scan with no text layer.
#[test]
fn a_scanned_pdf_is_refused_as_a_scan() {
    let e = jixiao::read::read_workbook(&committed("scanned-blank-declaration.pdf")).unwrap_err();
    let shown = e.to_string();
    assert!(
        shown.contains("scanned-blank-declaration.pdf: 图片扫描件，没有文字层"),
        "{shown}"
    );
    assert!(shown.contains("OCR"), "{shown}");
}

/// A form laid out without borders (LibreOffice prints a workbook that has none): refused, not
/// guessed from text positions.
#[test]
fn a_pdf_without_ruling_lines_is_refused() {
    if !soffice_available("pdf") {
        return;
    }
    let dir = temp_dir("pdf-unruled");
    let xlsx = dir.join("unruled.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in [
        ["财政项目支出绩效目标申报表", "", "", ""],
        ["（2026年度）", "", "", ""],
        ["项目名称", "机关服务费", "项目类别", "其他运转类"],
        [
            "主管部门",
            "上海市人民政府合作交流办公室",
            "实施单位",
            "驻新疆办事处",
        ],
        ["年度资金申请总额", "140,000.00", "", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    wb.save(&xlsx).unwrap();
    let pdf = print_to_pdf(&dir, &[xlsx]);
    let e = jixiao::read::read_workbook(&pdf[0])
        .unwrap_err()
        .to_string();
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        e.contains(
            "unruled.pdf: PDF 中没有带框线的表格；jixiao 只读带框线的表格，不按文字位置猜测表格"
        ),
        "{e}"
    );
}

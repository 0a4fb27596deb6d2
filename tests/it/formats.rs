//! Issue 4, formats: every shared fixture, converted by LibreOffice to .xls and .ods, reads into
//! the same model as the .xlsx original (compared by value: xls and ods carry no number formats,
//! and `Decimal` equality is numeric, 10 == 10.00).
//!
//! The copies come from `scripts/convert-fixtures.sh`: from `$JIXIAO_CONVERTED_FIXTURES` when set,
//! else made here once into the target directory when `soffice` is installed, else the test is
//! skipped — or fails when `JIXIAO_REQUIRE_SOFFICE=1` (CI).

use crate::common::{FIXTURES, read, soffice_available, without_source};
use jixiao::model::Form;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn converted_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("JIXIAO_CONVERTED_FIXTURES") {
        return Some(PathBuf::from(dir));
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("converted-fixtures");
    let complete = FIXTURES.iter().all(|f| {
        ["xls", "ods"]
            .iter()
            .all(|ext| dir.join(Path::new(f).with_extension(ext)).exists())
    });
    if complete {
        return Some(dir);
    }
    if !soffice_available("xls/ods copies of the fixtures") {
        return None;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/convert-fixtures.sh");
    let out = Command::new(script).arg(&dir).output().unwrap();
    assert!(
        out.status.success(),
        "convert-fixtures.sh: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(dir)
}

/// Forms as read, with what xls/ods cannot carry taken out: where they came from.
fn comparable(forms: Vec<Form>) -> Vec<Form> {
    without_source(&forms)
}

#[test]
fn fixtures_read_the_same_as_xls_and_ods() {
    let Some(dir) = converted_dir() else { return };
    for name in FIXTURES {
        let original = comparable(read(name));
        for ext in ["xls", "ods"] {
            let path = dir.join(Path::new(name).with_extension(ext));
            let read = jixiao::read::read_workbook(&path).unwrap_or_else(|e| panic!("{e}"));
            let errors: Vec<_> = read
                .diagnostics
                .iter()
                .filter(|d| d.severity == jixiao::diag::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            for form in &read.value {
                let src = form.source().unwrap();
                assert_eq!(src.unmapped, [], "{}: {}", path.display(), src.sheet);
            }
            let copy = comparable(read.value);
            assert_eq!(copy.len(), original.len(), "{}", path.display());
            for (a, b) in original.iter().zip(&copy) {
                assert_eq!(a, b, "{}: {}", path.display(), a.project_name());
            }
        }
    }
}

/// The one error a bad input gives, as `convert` prints it (first line, then the hint).
fn error_of(path: &Path) -> String {
    jixiao::msg::with_lang(
        jixiao::msg::Lang::En,
        || match jixiao::read::read_workbook(path) {
            Ok(_) => panic!("{}: read without error", path.display()),
            Err(e) => e.to_string(),
        },
    )
}

/// The bad inputs government downloads really are, each with its expected message.
fn bad_inputs(dir: &Path) -> Vec<(PathBuf, &'static str, &'static str)> {
    let html = dir.join("download.xls");
    std::fs::write(&html, "\u{feff}<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>项目名称</td></tr></table></body></html>").unwrap();
    let xml = dir.join("export.xls");
    std::fs::write(
        &xml,
        "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"Sheet1\"/></Workbook>",
    )
    .unwrap();
    // What Office writes for a password: an OLE compound file with an EncryptedPackage stream.
    let locked = dir.join("locked.xlsx");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(1024, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(2048, 0);
    std::fs::write(&locked, ole).unwrap();
    let corrupt = dir.join("corrupt.xlsx");
    let bytes = std::fs::read(crate::common::fixture("xining-2020-legacy.xlsx")).unwrap();
    std::fs::write(&corrupt, &bytes[..bytes.len() / 2]).unwrap();
    let empty = dir.join("no-form.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write(0, 0, "会议记录").unwrap();
    wb.save(&empty).unwrap();
    vec![
        (
            html,
            "this is a web page (HTML) saved with a spreadsheet name",
            "save it as .xlsx",
        ),
        (
            xml,
            "this is an Excel 2003 XML spreadsheet (SpreadsheetML)",
            "save it as .xlsx",
        ),
        (
            locked,
            "the workbook is password-protected",
            "remove the password",
        ),
        (
            corrupt,
            "cannot read the workbook:",
            "save it as .xlsx and try again",
        ),
        (
            empty,
            "no performance form found in any sheet",
            "jixiao looks for a title",
        ),
    ]
}

#[test]
fn bad_inputs_get_one_clear_error_naming_the_file() {
    let dir = crate::common::temp_dir("bad-inputs");
    for (path, message, hint) in bad_inputs(&dir) {
        let err = error_of(&path);
        let mut lines = err.lines();
        let first = lines.next().unwrap();
        assert_eq!(
            first,
            format!("{}: {}", path.display(), first.split_once(": ").unwrap().1)
        );
        assert!(first.contains(message), "{err}");
        let hint_line = lines.next().unwrap_or_default();
        assert!(
            hint_line.starts_with("  hint: ") && hint_line.contains(hint),
            "{err}"
        );
        assert_eq!(lines.next(), None, "{err}");
    }
}

#[test]
fn convert_goes_on_past_bad_inputs() {
    let dir = crate::common::temp_dir("bad-batch");
    let bad = bad_inputs(&dir);
    let good = crate::common::fixture("xining-2020-legacy.xlsx");
    let out = dir.join("out.json");
    let mut args: Vec<String> = vec!["convert".into()];
    args.extend(bad.iter().map(|(p, ..)| p.display().to_string()));
    args.push(good.display().to_string());
    args.extend(["-o".into(), out.display().to_string(), "-q".into()]);
    let run = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("JIXIAO_LANG", "en")
        .args(&args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{err}");
    for (path, message, _) in &bad {
        assert!(
            err.contains(&format!("jixiao: {}: {message}", path.display())),
            "{err}"
        );
    }
    let doc = jixiao::read::read_json(&out).unwrap();
    assert_eq!(doc.forms.len(), 2, "the good file is still converted");
}

#[test]
fn reads_workbooks_by_content_not_name() {
    let Some(dir) = converted_dir() else { return };
    let tmp = crate::common::temp_dir("by-content");
    let expected = without_source(&read("xining-2020-legacy.xlsx"));
    // .xlsm is an xlsx with macros allowed; an .ods renamed .xls is still an ods.
    let xlsm = tmp.join("legacy.xlsm");
    std::fs::copy(crate::common::fixture("xining-2020-legacy.xlsx"), &xlsm).unwrap();
    let ods_as_xls = tmp.join("legacy.xls");
    std::fs::copy(dir.join("xining-2020-legacy.ods"), &ods_as_xls).unwrap();
    for path in [xlsm, ods_as_xls] {
        let forms = jixiao::read::read_workbook(&path).unwrap().value;
        assert_eq!(without_source(&forms), expected, "{}", path.display());
    }
}

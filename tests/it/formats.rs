//! Issue 4, formats: every shared fixture, converted by LibreOffice to .xls and .ods, reads into
//! the same model as the .xlsx original (compared by value: xls and ods carry no number formats,
//! and `Decimal` equality is numeric, 10 == 10.00).
//!
//! The copies come from `scripts/convert-fixtures.sh`: from `$JIXIAO_CONVERTED_FIXTURES` when set,
//! else made here once into the target directory when `soffice` is installed, else the test is
//! skipped — or fails when `JIXIAO_REQUIRE_SOFFICE=1` (CI).

use crate::common::{FIXTURES, read, without_source};
use jixiao::model::Form;
use std::path::{Path, PathBuf};
use std::process::Command;

fn converted_dir() -> Option<PathBuf> {
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
    let has_soffice = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_soffice {
        assert!(
            std::env::var_os("JIXIAO_REQUIRE_SOFFICE").is_none(),
            "JIXIAO_REQUIRE_SOFFICE is set but soffice is not installed"
        );
        eprintln!(
            "skipped: no soffice to make .xls/.ods copies (set JIXIAO_CONVERTED_FIXTURES or install LibreOffice)"
        );
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

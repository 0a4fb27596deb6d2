//! Shared test helpers: fixture paths, reading, golden files.

use jixiao::model::{Document, Figure, Form};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// `../shared/fixtures/<name>` beside the checkout (CI has it there too).
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures")
        .join(name)
}

/// Every shared fixture workbook: current forms in both layouts and the 2020 目标表.
pub const FIXTURES: &[&str] = &[
    "xinjiang-2026-declarations.xlsx",
    "xinjiang-2023-self-evaluations.xlsx",
    "xizang-2024-declarations.xlsx",
    "baoshan-2024-declarations.xlsx",
    "blank-declaration.xlsx",
    "blank-self-evaluation.xlsx",
    "xining-2020-legacy.xlsx",
    "other-layouts/xinjiang-2026-declarations.6col.xlsx",
    "other-layouts/xinjiang-2023-self-evaluations.9col.xlsx",
    "other-layouts/xizang-2024-declarations.6col.xlsx",
    "other-layouts/baoshan-2024-declarations.6col.xlsx",
];

/// Reads a fixture, failing the test on any reader error.
pub fn read(name: &str) -> Vec<Form> {
    let read =
        jixiao::read::read_workbook(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let errors: Vec<_> = read
        .diagnostics
        .iter()
        .filter(|d| d.severity == jixiao::diag::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    read.value
}

/// The forms without where they came from: what must survive a round trip.
pub fn without_source(forms: &[Form]) -> Vec<Form> {
    forms
        .iter()
        .cloned()
        .map(|mut f| {
            *f.source_mut() = None;
            f
        })
        .collect()
}

/// Compares `actual` with the golden file, or rewrites it when `UPDATE_GOLDEN=1`.
pub fn golden(relative: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(relative);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{} differs from the golden file at line {}:\n  golden: {}\n  actual: {}\n(UPDATE_GOLDEN=1 rewrites it; review the diff)",
            path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or(""),
            actual.lines().nth(first).unwrap_or("")
        );
    }
}

/// The JSON of forms read from a fixture, with the machine-dependent path made relative and
/// the per-field cell map left out (it is pinned by `read_fixtures::records_the_cell_of_each_field`),
/// so that a golden reads like the form.
pub fn golden_json(name: &str, forms: &[Form]) -> String {
    let mut forms = forms.to_vec();
    for f in &mut forms {
        if let Some(s) = f.source_mut() {
            s.file = format!("fixtures/{name}");
            s.cells.clear();
        }
    }
    jixiao::write::json::to_string(&Document::new(forms))
}

/// A fresh empty directory under the system temp dir, unique per call (tests run in parallel
/// and two of them may ask for the same name: a shared name once raced and failed a test), and
/// removed with everything in it when the test is done, pass or fail (issue 15: runs used to
/// leave about a hundred `jixiao-test-*` folders behind).
pub fn temp_dir(name: &str) -> TempDir {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("jixiao-test-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

/// A directory removed when dropped; use it as a `&Path`.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    /// A file in this directory that keeps the directory alive as long as it lives: for
    /// helpers that make a file and hand back its path.
    pub fn file(self, name: &str) -> TempFile {
        let path = self.0.join(name);
        TempFile { path, _dir: self }
    }
}

/// A file in a [`TempDir`], removed with it; use it as a `&Path`.
#[derive(Debug)]
pub struct TempFile {
    path: PathBuf,
    _dir: TempDir,
}

impl std::ops::Deref for TempFile {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<Path> for TempFile {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Best effort: a file still open on some systems must not fail the test.
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the `jixiao` binary with English messages (`JIXIAO_LANG=en`): exit code, stdout, stderr.
/// [`jixiao_in`] runs it in the language given, `None` for the default (Chinese).
pub fn jixiao(args: &[&str]) -> (i32, String, String) {
    jixiao_in(Some("en"), args)
}

/// Runs the `jixiao` binary with `JIXIAO_LANG` set to `lang` (unset for `None`).
pub fn jixiao_in(lang: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"));
    cmd.args(args).env_remove("JIXIAO_LANG");
    if let Some(lang) = lang {
        cmd.env("JIXIAO_LANG", lang);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether LibreOffice is here to open workbooks. Where it is not, the calling test says so and
/// passes, unless `JIXIAO_REQUIRE_SOFFICE=1` (set by `.ci/run`) makes that a failure.
pub fn soffice_available(test: &str) -> bool {
    let found = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("JIXIAO_REQUIRE_SOFFICE").is_none(),
            "{test}: JIXIAO_REQUIRE_SOFFICE is set but soffice is not installed"
        );
        eprintln!("{test}: soffice not installed, not checked");
    }
    found
}

/// A decimal written in a test.
pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A figure as the JSON model writes it: `""` blank, `"-"` (or `—`) a dash, else a number.
pub fn fig(s: &str) -> Figure {
    serde_json::from_value(serde_json::Value::String(s.into())).unwrap()
}

/// Renders workbooks as a reader sees them (scripts/render.sh: LibreOffice → PDF → one PNG a
/// page) into `out`, failing the test when LibreOffice reports an error or makes no PDF.
/// Returns the number of pages.
pub fn render(out: &Path, workbooks: &[PathBuf]) -> usize {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/render.sh");
    let run = std::process::Command::new("bash")
        .arg(&script)
        .arg(out)
        .args(workbooks)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read_dir(out)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "png")
        })
        .count()
}

/// Reads any input (workbook, PDF, JSON, flat tables) through `read_path`, failing the test on
/// any reader error.
pub fn read_clean(path: &Path) -> Vec<jixiao::model::Form> {
    let read = jixiao::read::read_path(path).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = read
        .diagnostics
        .iter()
        .filter(|d| d.severity == jixiao::diag::Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    read.value
}

/// How each non-empty cell of the first sheet of the xlsx at `path` is styled: A1 name →
/// (bold, size in points, horizontal alignment, vertical alignment), read from
/// `xl/styles.xml` and `xl/worksheets/sheet1.xml` (`general` where no alignment is set).
pub fn cell_styles(
    path: &Path,
) -> std::collections::BTreeMap<String, (bool, String, String, String)> {
    use quick_xml::events::Event;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let (styles, sheet) = (part("xl/styles.xml"), part("xl/worksheets/sheet1.xml"));
    let attr = |e: &quick_xml::events::BytesStart, key: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .map(|a| a.value.to_string())
    };
    // Fonts: (bold, size); cell formats: (font, horizontal, vertical).
    let (mut fonts, mut xfs) = (
        Vec::<(bool, String)>::new(),
        Vec::<(usize, String, String)>::new(),
    );
    let (mut in_fonts, mut in_xfs) = (false, false);
    let mut reader = quick_xml::Reader::from_str(&styles);
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "fonts" => in_fonts = true,
                "cellXfs" => in_xfs = true,
                "font" if in_fonts => fonts.push((false, String::new())),
                "b" if in_fonts => {
                    let on = attr(&e, "val").is_none_or(|v| v != "0" && v != "false");
                    fonts.last_mut().unwrap().0 = on;
                }
                "sz" if in_fonts => fonts.last_mut().unwrap().1 = attr(&e, "val").unwrap(),
                "xf" if in_xfs => {
                    let font = attr(&e, "fontId").map_or(0, |f| f.parse().unwrap());
                    xfs.push((font, "general".into(), "bottom".into()));
                }
                "alignment" if in_xfs => {
                    let xf = xfs.last_mut().unwrap();
                    xf.1 = attr(&e, "horizontal").unwrap_or_else(|| "general".into());
                    xf.2 = attr(&e, "vertical").unwrap_or_else(|| "bottom".into());
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "fonts" => in_fonts = false,
                "cellXfs" => in_xfs = false,
                _ => {}
            },
            _ => {}
        }
    }
    let mut out = std::collections::BTreeMap::new();
    let mut reader = quick_xml::Reader::from_str(&sheet);
    let mut cell: Option<(String, usize)> = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == "c" => {
                let s = attr(&e, "s").map_or(0, |s| s.parse().unwrap());
                cell = Some((attr(&e, "r").unwrap(), s));
            }
            Event::Text(t) => {
                if let Some((name, s)) = &cell
                    && !t.as_ref().is_empty()
                {
                    let (font, h, v) = &xfs[*s];
                    let (bold, size) = &fonts[*font];
                    out.insert(name.clone(), (*bold, size.clone(), h.clone(), v.clone()));
                }
            }
            Event::End(e) if e.name().as_ref() == "c" => cell = None,
            _ => {}
        }
    }
    out
}

/// The row heights the first sheet of the xlsx at `path` sets, in points, by 1-based row.
pub fn row_heights(path: &Path) -> std::collections::BTreeMap<u32, f64> {
    use quick_xml::events::Event;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    let mut out = std::collections::BTreeMap::new();
    let mut reader = quick_xml::Reader::from_str(&sheet);
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "row" => {
                let attr = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| a.value.to_string())
                };
                if let (Some(r), Some(ht)) = (attr("r"), attr("ht")) {
                    out.insert(r.parse().unwrap(), ht.parse().unwrap());
                }
            }
            _ => {}
        }
    }
    out
}

//! Broken and hostile inputs (issue 10): each case builds its files in a temp dir, runs the
//! binary, and asserts the exit code and a message naming the file (and the cell where there
//! is one). Never a panic (exit 101), an abort or a hang. Time and memory of these cases are
//! measured by `scripts/hostile-bench.sh`, not here.

use crate::common::{fixture, jixiao, temp_dir};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A workbook fixture read into a JSON model, as a value to break.
fn json_of(name: &str) -> Value {
    let read = jixiao::read::read_workbook(&fixture(name)).unwrap();
    let mut forms = read.value;
    for f in &mut forms {
        *f.source_mut() = None;
    }
    let doc = jixiao::model::Document::new(forms);
    serde_json::from_str(&jixiao::write::json::to_string(&doc)).unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs jixiao with `{dir}` in the arguments replaced by the case's directory.
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let d = dir.to_str().unwrap();
    let args: Vec<String> = args.iter().map(|a| a.replace("{dir}", d)).collect();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = jixiao(&refs);
    assert_ne!(code, 101, "panic on {args:?}:\n{err}");
    assert_ne!(code, -1, "killed by a signal on {args:?}:\n{err}");
    (code, format!("{out}{err}"))
}

fn expect(dir: &Path, args: &[&str], code: i32, needles: &[&str]) -> String {
    let (got, text) = run(dir, args);
    assert_eq!(got, code, "{args:?}:\n{text}");
    for n in needles {
        assert!(text.contains(n), "{args:?}: no {n:?} in:\n{text}");
    }
    text
}

/// The largest decimal, as a JSON model figure.
const HUGE: &str = "79228162514264337593543950335";
const TINY: &str = "0.0000000000000000000000000001";

/// A 自评表 model whose figures overflow every computation, through check, score and convert.
#[test]
fn overflowing_figures_are_findings_not_panics() {
    let dir = temp_dir("hostile-overflow");
    let mut doc = json_of("xinjiang-2023-self-evaluations.xlsx");
    let form = &mut doc["forms"][0];
    form["funds"]["total"]["annual_budget"] = TINY.into();
    form["funds"]["total"]["executed"] = HUGE.into();
    form["funds"]["total"]["rate"] = "1".into();
    form["funds"]["fiscal"]["annual_budget"] = HUGE.into();
    form["funds"]["carryover"]["annual_budget"] = HUGE.into();
    form["funds"]["total"]["weight"] = HUGE.into();
    form["total_score"] = "1".into();
    form["indicators"][0]["weight"] = HUGE.into();
    form["indicators"][1]["weight"] = HUGE.into();
    form["indicators"][1]["score"] = HUGE.into();
    form["indicators"][2]["target"] = serde_json::json!({"raw": "≥0.0000000000000000000000000001", "kind": "定量", "op": "≥", "number": TINY});
    form["indicators"][2]["actual"] = serde_json::json!({"raw": "0", "kind": "定量", "number": "0.00000000000000000000000000005"});
    form["indicators"][2]["weight"] = HUGE.into();
    form["indicators"][2]["score"] = "1".into();
    let mut decl = json_of("xinjiang-2026-declarations.xlsx");
    let d = &mut decl["forms"][0];
    d["funds"]["unit"] = "万元".into();
    d["funds"]["annual_total"] = HUGE.into();
    d["funds"]["annual_fiscal"] = HUGE.into();
    d["funds"]["annual_carryover"] = HUGE.into();
    d["funds"]["project_total"] = HUGE.into();
    d["funds"]["project_fiscal"] = HUGE.into();
    d["funds"]["project_other"] = HUGE.into();
    write(&dir, "self.json", doc.to_string());
    write(&dir, "decl.json", decl.to_string());
    let text = expect(
        &dir,
        &["check", "{dir}/self.json", "{dir}/decl.json"],
        1,
        &["number.too-large", "数值过大", "self.json", "decl.json"],
    );
    assert!(text.contains("总分"), "{text}");
    expect(
        &dir,
        &["score", "{dir}/self.json", "-o", "{dir}/scored.json"],
        0,
        &[],
    );
    expect(
        &dir,
        &[
            "convert",
            "{dir}/decl.json",
            "--to",
            "csv",
            "-o",
            "{dir}/csv",
        ],
        0,
        &["无法换算为元"],
    );
    let _ = std::fs::remove_dir_all(&dir);
}

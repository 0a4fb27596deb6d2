//! Broken and hostile inputs (issue 10): each case builds its files in a temp dir, runs the
//! binary, and asserts the exit code and a message naming the file (and the cell where there
//! is one). Never a panic (exit 101), an abort or a hang. Time and memory of these cases are
//! measured by `scripts/hostile-bench.sh`, not here.

use crate::common::{fixture, jixiao_in, temp_dir};
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
    let (code, out, err) = jixiao_in(None, &refs);
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

/// The parts of a fixture workbook, by name, in order.
fn parts(name: &str) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let bytes = std::fs::read(fixture(name)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (f.name().unwrap().to_string(), v)
        })
        .collect()
}

fn zip_of(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The 申报表 fixture with `edit` applied to the text of its first sheet.
fn decl_with(edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut p = parts("xinjiang-2026-declarations.xlsx");
    for (name, bytes) in &mut p {
        if name == "xl/worksheets/sheet1.xml" {
            *bytes = edit(std::str::from_utf8(bytes).unwrap()).into_bytes();
        }
    }
    zip_of(&p)
}

/// Replaces the value of cell `cell` (an inline string or a number) by `xml`, the inside of `<c>`.
fn set_cell(sheet: &str, cell: &str, attrs: &str, inner: &str) -> String {
    let open = format!("<c r=\"{cell}\"");
    let start = sheet.find(&open).unwrap_or_else(|| panic!("no {cell}"));
    let rest = &sheet[start..];
    let end = if let Some(i) = rest.find("/>").filter(|&i| !rest[..i].contains('>')) {
        start + i + 2
    } else {
        start + rest.find("</c>").unwrap() + 4
    };
    format!(
        "{}<c r=\"{cell}\" {attrs}>{inner}</c>{}",
        &sheet[..start],
        &sheet[end..]
    )
}

fn text_cell(sheet: &str, cell: &str, text: &str) -> String {
    set_cell(
        sheet,
        cell,
        "t=\"inlineStr\"",
        &format!("<is><t>{text}</t></is>"),
    )
}

/// A broken-input case: files to write, the command line, the exit code and what the
/// messages must say (the file's name and, where there is one, the cell).
struct Case {
    name: &'static str,
    files: Vec<(&'static str, Vec<u8>)>,
    args: Vec<&'static str>,
    env: Vec<(&'static str, &'static str)>,
    code: i32,
    says: Vec<&'static str>,
}

fn case(
    name: &'static str,
    files: Vec<(&'static str, Vec<u8>)>,
    args: &[&'static str],
    code: i32,
    says: &[&'static str],
) -> Case {
    Case {
        name,
        files,
        args: args.to_vec(),
        env: Vec::new(),
        code,
        says: says.to_vec(),
    }
}

fn run_case(c: &Case) -> String {
    let dir = temp_dir(&format!("corpus-{}", c.name));
    for (name, bytes) in &c.files {
        if let Some(parent) = Path::new(name).parent() {
            std::fs::create_dir_all(dir.join(parent)).unwrap();
        }
        write(&dir, name, bytes);
    }
    let d = dir.to_str().unwrap();
    let args: Vec<String> = c.args.iter().map(|a| a.replace("{dir}", d)).collect();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(&args)
        .envs(c.env.iter().copied())
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    let mut problems = Vec::new();
    if code != c.code {
        problems.push(format!("exit {code}, expected {}", c.code));
    }
    for s in &c.says {
        if !text.contains(s) {
            problems.push(format!("no {s:?}"));
        }
    }
    if problems.is_empty() {
        String::new()
    } else {
        format!("case {}: {}\n{text}\n", c.name, problems.join("; "))
    }
}

/// The workbook-level cases, each run through `convert` and through `check`.
/// Each: name, file, bytes, exit code of `convert` and of `check` (a cell-level read error is
/// a finding for `check`: 1; a file that cannot be read at all is 2 for both), and what the
/// messages say.
#[allow(clippy::type_complexity)]
fn workbook_cases() -> Vec<(
    &'static str,
    &'static str,
    Vec<u8>,
    (i32, i32),
    Vec<&'static str>,
)> {
    let good = std::fs::read(fixture("xinjiang-2026-declarations.xlsx")).unwrap();
    let half = good[..good.len() / 2].to_vec();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(std::iter::repeat_n(0u8, 600));
    let no_workbook: Vec<(String, Vec<u8>)> = parts("xinjiang-2026-declarations.xlsx")
        .into_iter()
        .filter(|(n, _)| n != "xl/workbook.xml")
        .collect();
    let mut ods_broken = Vec::new();
    {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut ods_broken));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file("mimetype", o).unwrap();
        w.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        w.start_file("content.xml", o).unwrap();
        w.write_all(b"<office:document-content><table:table")
            .unwrap();
        w.finish().unwrap();
    }
    vec![
        ("empty", "x.xlsx", Vec::new(), (2, 2), vec!["x.xlsx", "empty"]),
        ("random", "x.xlsx", b"hello, this is not a workbook".to_vec(), (2, 2), vec!["x.xlsx", "not a spreadsheet"]),
        ("html", "x.xls", b"<html><body><table><tr><td>1</td></tr></table></body></html>".to_vec(), (2, 2), vec!["x.xls", "HTML"]),
        ("spreadsheetml", "x.xls", b"<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>".to_vec(), (2, 2), vec!["x.xls", "SpreadsheetML"]),
        ("truncated-zip", "x.xlsx", half, (2, 2), vec!["x.xlsx"]),
        ("zip-without-workbook", "x.xlsx", zip_of(&no_workbook), (2, 2), vec!["x.xlsx"]),
        ("ole-zeros", "x.xls", ole, (2, 2), vec!["x.xls"]),
        ("ods-broken", "x.ods", ods_broken, (2, 2), vec!["x.ods"]),
        ("stray-cell-xfd1048576", "x.xlsx", decl_with(|s| s.replace("</sheetData>", "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")), (2, 2), vec!["x.xlsx", "XFD1048576", "JIXIAO_MAX_SHEET_CELLS"]),
        ("merge-to-xfd1048576", "x.xlsx", decl_with(|s| s.replace("<mergeCell ref=\"G21:H21\" />", "<mergeCell ref=\"A30:XFD1048576\" />")), (2, 2), vec!["x.xlsx", "A30:XFD1048576", "JIXIAO_MAX_MERGED_CELLS"]),
        ("long-text", "x.xlsx", decl_with(|s| text_cell(s, "C3", &"长".repeat(40_000))), (2, 2), vec!["x.xlsx", "C3", "JIXIAO_MAX_TEXT_CHARS"]),
        ("uncached-formula-amount", "x.xlsx", decl_with(|s| set_cell(s, "H6", "", "<f>SUM(H7:H9)</f>")), (2, 1), vec!["x.xlsx", "H6", "=SUM(H7:H9)"]),
        ("error-value-amount", "x.xlsx", decl_with(|s| set_cell(s, "H6", "t=\"e\"", "<v>#DIV/0!</v>")), (2, 1), vec!["x.xlsx", "H6", "#DIV/0!"]),
        ("ambiguous-commas", "x.xlsx", decl_with(|s| text_cell(s, "H6", "1,2,3")), (2, 1), vec!["x.xlsx", "H6", "1,2,3"]),
        ("text-amount", "x.xlsx", decl_with(|s| text_cell(s, "H6", "十四万")), (2, 1), vec!["x.xlsx", "H6", "十四万"]),
        ("huge-amount", "x.xlsx", decl_with(|s| set_cell(s, "H6", "", "<v>1e300</v>")), (2, 1), vec!["x.xlsx", "H6"]),
        ("nan-amount", "x.xlsx", decl_with(|s| set_cell(s, "H6", "", "<v>NaN</v>")), (2, 1), vec!["x.xlsx"]),
        ("bad-xml", "x.xlsx", decl_with(|s| s.replace("</sheetData>", "<row><c r=\"A1\"><v>1</c></sheetData>")), (2, 2), vec!["x.xlsx"]),
        ("bad-cell-ref", "x.xlsx", decl_with(|s| s.replace("<c r=\"H6\"", "<c r=\"ZZZZZZ99999999999\"")), (2, 2), vec!["x.xlsx"]),
        ("no-form", "x.xlsx", decl_with(|s| text_cell(s, "A1", "随便什么")), (0, 1), vec!["x.xlsx: 机关服务费", "没有找到表单标题"]),
    ]
}

#[test]
fn broken_workbooks_are_named_never_a_crash() {
    let mut cases = Vec::new();
    for (name, file, bytes, (code, check_code), says) in workbook_cases() {
        let leaked: &'static str = Box::leak(format!("{name}-convert").into_boxed_str());
        let input: &'static str = Box::leak(format!("{{dir}}/{file}").into_boxed_str());
        cases.push(case(
            leaked,
            vec![(file, bytes.clone())],
            &["convert", input, "-o", "{dir}/out.json"],
            code,
            &says,
        ));
        let leaked: &'static str = Box::leak(format!("{name}-check").into_boxed_str());
        let says_check: Vec<&'static str> = says.clone();
        cases.push(case(
            leaked,
            vec![(file, bytes)],
            &["check", input],
            check_code,
            &says_check,
        ));
    }
    let failures: String = cases.iter().map(run_case).collect();
    assert!(failures.is_empty(), "{failures}");
}

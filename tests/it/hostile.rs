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

/// `zip` with the unzipped size of `part` declared as `size` in its local header and in the
/// central directory (a lying archive).
fn declare_size(mut zip: Vec<u8>, part: &str, size: u32) -> Vec<u8> {
    let name = part.as_bytes();
    let mut patched = 0;
    for (signature, name_at, size_at) in [
        (b"PK\x03\x04", 30, 22), // local file header
        (b"PK\x01\x02", 46, 24), // central directory header
    ] {
        let at = (0..zip.len().saturating_sub(name_at + name.len()))
            .find(|&i| zip[i..].starts_with(signature) && zip[i + name_at..].starts_with(name))
            .unwrap();
        zip[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
        patched += 1;
    }
    assert_eq!(patched, 2);
    zip
}

/// The 申报表 fixture with `edit` applied to the text of its first sheet.
fn decl_with(edit: impl Fn(&str) -> String) -> Vec<u8> {
    fixture_with("xinjiang-2026-declarations.xlsx", edit)
}

/// The fixture `name` with `edit` applied to the text of its first sheet.
fn fixture_with(name: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut p = parts(name);
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
    // A sheet that inflates to 40 MB while the archive declares 2,000 bytes for it: a reader
    // trusting the declared size must still stop at it.
    let mut lying = parts("xinjiang-2026-declarations.xlsx");
    for (name, bytes) in &mut lying {
        if name == "xl/worksheets/sheet1.xml" {
            let sheet = std::str::from_utf8(bytes).unwrap();
            let huge = text_cell(sheet, "C3", &"长".repeat(13_000_000));
            *bytes = huge.into_bytes();
        }
    }
    let lying = declare_size(zip_of(&lying), "xl/worksheets/sheet1.xml", 2_000);
    vec![
        ("empty", "x.xlsx", Vec::new(), (2, 2), vec!["x.xlsx", "empty"]),
        ("part-larger-than-declared", "x.xlsx", lying, (2, 2), vec!["x.xlsx"]),
        ("random", "x.xlsx", b"hello, this is not a workbook".to_vec(), (2, 2), vec!["x.xlsx", "不是表格文件（应为 .xlsx、.xlsm、.xls、.ods 或 .pdf）"]),
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
        ("impossible-date", "x.xlsx", decl_with(|s| text_cell(s, "C5", "2026-02-30")), (2, 1), vec!["x.xlsx", "C5", "日期不存在", "2026-02-30"]),
        ("hidden-sheet", "x.xlsx", {
            let mut p = parts("xinjiang-2026-declarations.xlsx");
            for (n, b) in &mut p {
                if n == "xl/workbook.xml" {
                    *b = String::from_utf8(b.clone()).unwrap().replacen("state=\"visible\"", "state=\"hidden\"", 1).into_bytes();
                }
            }
            zip_of(&p)
        }, (0, 1), vec!["x.xlsx: 机关服务费", "隐藏的工作表"]),
        ("comments", "x.xlsx", {
            let mut p = parts("xinjiang-2026-declarations.xlsx");
            p.push(("xl/comments1.xml".into(), b"<comments><commentList><comment ref=\"C7\" authorId=\"0\"><text><t>note</t></text></comment></commentList></comments>".to_vec()));
            zip_of(&p)
        }, (0, 1), vec!["x.xlsx", "批注", "C7"]),
        ("error-value-in-text", "x.xlsx", decl_with(|s| set_cell(s, "C3", "t=\"e\"", "<v>#VALUE!</v>")), (0, 1), vec!["x.xlsx: 机关服务费!C3", "#VALUE!"]),
        ("uncached-formula-in-text", "x.xlsx", decl_with(|s| set_cell(s, "C3", "t=\"str\"", "<f>A1&amp;B1</f>")), (0, 1), vec!["x.xlsx: 机关服务费!C3", "没有保存计算结果"]),
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

/// Every part of an archive is bounded by the size its directory declares, read without
/// unzipping: over the limit is refused by name; a part that holds more than it declares is
/// refused when read, never inflated past its declaration (a zip bomb that lies).
#[test]
fn zip_parts_are_bounded_by_what_they_declare() {
    let good = std::fs::read(crate::common::fixture("xinjiang-2026-declarations.xlsx")).unwrap();
    let mut lying = zip_of(&parts("xinjiang-2026-declarations.xlsx"));
    let name = b"xl/worksheets/sheet1.xml";
    let mut patched = 0;
    let at: Vec<usize> = (0..lying.len() - name.len())
        .filter(|&i| &lying[i..i + name.len()] == name)
        .collect();
    for i in at {
        // The uncompressed size: at 22 in a local header (name at 30), at 24 in the central
        // directory's (name at 46).
        for (sig, name_at, size_at) in [(0x04034b50u32, 30, 22), (0x02014b50, 46, 24)] {
            if i >= name_at && lying[i - name_at..i - name_at + 4] == sig.to_le_bytes() {
                lying[i - name_at + size_at..i - name_at + size_at + 4]
                    .copy_from_slice(&100u32.to_le_bytes());
                patched += 1;
            }
        }
    }
    assert_eq!(patched, 2);
    let mut over = case(
        "part-over-the-limit",
        vec![("x.xlsx", good)],
        &["check", "{dir}/x.xlsx"],
        2,
        &["x.xlsx (", "JIXIAO_MAX_PART_BYTES"],
    );
    over.env = vec![("JIXIAO_MAX_PART_BYTES", "1000")];
    let cases = [
        over,
        case(
            "part-larger-than-declared",
            vec![("x.xlsx", lying)],
            &["convert", "{dir}/x.xlsx", "-o", "{dir}/out.json"],
            2,
            &["x.xlsx"],
        ),
    ];
    let failures: String = cases.iter().map(run_case).collect();
    assert!(failures.is_empty(), "{failures}");
}

/// Targets that start like 定量 ones but do not parse are warnings at their cell.
#[test]
fn unparseable_targets_are_warnings_at_their_cell() {
    let dir = temp_dir("hostile-targets");
    write(
        &dir,
        "x.xlsx",
        decl_with(|s| text_cell(&text_cell(s, "G15", "≥300.00(天"), "G16", "≥abc(%)")),
    );
    let text = expect(
        &dir,
        &["check", "{dir}/x.xlsx"],
        1,
        &[
            "x.xlsx: 机关服务费!G15",
            "x.xlsx: 机关服务费!G16",
            "indicator.unparsed-target",
        ],
    );
    assert!(text.contains("≥300.00(天"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A note typed into the indicator table (DOMAIN §1g) is kept as a note at its cell and
/// reported, not read as an indicator; the rows around it read as before. Row 15 of the 申报表
/// fixture (`服务保障天数 | ≥300.00(天)`, its 一级 and 二级 merged down from row 14) is emptied
/// and a note typed into it three ways: begun with `注：`, a sentence, and a text merged over the
/// 三级 and 指标值 columns.
#[test]
fn a_note_in_the_indicator_table_is_a_note() {
    use jixiao::model::Form;
    let declaration = |bytes: &[u8]| {
        let read = jixiao::read::read_bytes(bytes, "x.xlsx").unwrap();
        let Form::Declaration(d) = read.value.into_iter().next().unwrap() else {
            panic!("not a 申报表")
        };
        (d, read.diagnostics)
    };
    let (before, _) =
        declaration(&std::fs::read(fixture("xinjiang-2026-declarations.xlsx")).unwrap());
    assert_eq!(before.indicators.len(), 9);
    assert_eq!(before.indicators[2].name, "服务保障天数");
    let note = "注：按月统计出车天数";
    let sentence = "以上指标参照上年度实际完成情况测算，并经主管部门审核";
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        (
            note,
            "D15:F15",
            decl_with(|s| set_cell(&text_cell(s, "D15", note), "G15", "", "")),
        ),
        (
            sentence,
            "D15:F15",
            decl_with(|s| set_cell(&text_cell(s, "D15", sentence), "G15", "", "")),
        ),
        (
            "本项目绩效指标由财务科统一填报",
            "D15:H15",
            decl_with(|s| {
                set_cell(
                    &text_cell(s, "D15", "本项目绩效指标由财务科统一填报"),
                    "G15",
                    "",
                    "",
                )
                .replace(
                    "<mergeCell ref=\"D15:F15\" />",
                    "<mergeCell ref=\"D15:H15\" />",
                )
                .replace("<mergeCell ref=\"G15:H15\" />", "")
            }),
        ),
    ];
    for (text, area, bytes) in cases {
        let (after, diagnostics) = declaration(&bytes);
        let names: Vec<&str> = after.indicators.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(after.indicators.len(), 8, "{text}: {names:?}");
        assert!(!names.contains(&text), "{text}: {names:?}");
        // The rows around it are the fixture's, their 一级 and 二级 carried as before.
        assert_eq!(after.indicators[1], before.indicators[1], "{text}");
        assert_eq!(after.indicators[2], before.indicators[3], "{text}");
        let kept: Vec<&str> = after.notes.iter().map(|n| n.text.as_str()).collect();
        assert!(kept.contains(&text), "{text}: notes {kept:?}");
        let source = after.source.as_ref().unwrap();
        let i = kept.iter().position(|k| *k == text).unwrap();
        assert_eq!(
            source.cell(&format!("notes[{i}].text")),
            Some(area),
            "{text}"
        );
        assert!(source.unmapped.is_empty(), "{text}: {:?}", source.unmapped);
        let warned: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.rule == "read.note-in-table")
            .map(|d| d.to_string())
            .collect();
        assert_eq!(warned.len(), 1, "{text}: {diagnostics:?}");
        assert!(
            warned[0].starts_with("x.xlsx: 机关服务费!D15: "),
            "{}",
            warned[0]
        );
    }
    // In a 自评表: row 17 (`费用标准`, under 成本指标 merged down from row 16) emptied, a note
    // typed into its 三级 cell.
    let typed = "说明：费用标准按市财政局规定执行";
    let self_eval = fixture_with("xinjiang-2023-self-evaluations.xlsx", |s| {
        ["D17", "E17", "F17", "G17"]
            .iter()
            .fold(text_cell(s, "C17", typed), |s, c| set_cell(&s, c, "", ""))
    });
    let read = jixiao::read::read_bytes(&self_eval, "y.xlsx").unwrap();
    let Some(Form::SelfEvaluation(e)) = read.value.first() else {
        panic!("not a 自评表")
    };
    let names: Vec<&str> = e.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names[3..5], ["成本控制", "两地经济合作往来促进作用"]);
    assert_eq!(e.indicators[4].level1, "效益指标");
    assert!(e.notes.iter().any(|n| n.text == typed), "{:?}", e.notes);
    assert!(
        read.diagnostics
            .iter()
            .any(|d| d.rule == "read.note-in-table"
                && d.to_string().starts_with("y.xlsx: 机关服务费!C17: ")),
        "{:?}",
        read.diagnostics
    );
    // A real indicator whose name is a sentence keeps its place when it has its 指标值.
    let long = "打造金安国际网球公开赛等系列品牌赛事，提升城市的知名度和美誉度";
    let (kept, _) = declaration(&decl_with(|s| text_cell(s, "D15", long)));
    assert_eq!(kept.indicators.len(), 9);
    assert_eq!(kept.indicators[2].name, long);
}

/// The inputs the fuzzer found aborting or running away (tests/corpus/fuzz-*) and those made by
/// hand in their image (tests/corpus/ods-*): each is now a located error for its file alone,
/// exit 2.
#[test]
fn fuzz_findings_stay_fixed() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    let mut failures = String::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let c = case(
            Box::leak(name.clone().into_boxed_str()),
            vec![(
                Box::leak(name.clone().into_boxed_str()),
                std::fs::read(f).unwrap(),
            )],
            &[
                "convert",
                Box::leak(format!("{{dir}}/{name}").into_boxed_str()),
                "-o",
                "{dir}/o.json",
            ],
            2,
            &[Box::leak(name.clone().into_boxed_str())],
        );
        failures.push_str(&run_case(&c));
    }
    assert!(failures.is_empty(), "{failures}");
}

/// An .ods whose content.xml is not well formed is refused before calamine reads it (calamine
/// spins forever on each of these), at the sheet and cell being read, with the line, column and
/// elements in the part. The first two were made by hand from the 申报表 fixture: the table's end
/// tag moved into a cell's text (the tag counts still balance), an annotation left open.
#[test]
fn malformed_ods_is_refused_at_its_place() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let dir = temp_dir("hostile-ods");
    for (file, says) in [
        (
            "ods-table-end-in-cell.ods",
            &[
                "机关服务费!A1: 工作簿已损坏：content.xml 第 2 行第 14914 列的结束标记 </table:table> 与开始标记 <table:table-cell> 不配对",
            ][..],
        ),
        (
            "ods-annotation-unclosed.ods",
            &["机关服务费!A1", "第 2 行第 14952 列", "<office:annotation>"],
        ),
        (
            "fuzz-ods-unclosed-table-1.ods",
            &[
                "财政项目支出绩效目标申报表: ",
                "<table:table> 到文件末尾也没有结束",
            ],
        ),
    ] {
        let path = corpus.join(file);
        let mut needles = vec![file];
        needles.extend_from_slice(says);
        needles.push("另存为");
        expect(
            &dir,
            &["convert", path.to_str().unwrap(), "-o", "{dir}/o.json"],
            2,
            &needles,
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Comments (批注) of an .ods workbook, which calamine drops, are reported with their cells,
/// as an xlsx workbook's are. The file is LibreOffice's .ods of the 申报表 fixture with a
/// comment added to C3 (项目名称's value), which still reads as typed.
#[test]
fn ods_comments_are_reported_at_their_cells() {
    let ods = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ods/declarations-with-comment.ods");
    let dir = temp_dir("hostile-ods-comments");
    let text = expect(
        &dir,
        &["convert", ods.to_str().unwrap(), "-o", "{dir}/o.json"],
        0,
        &[
            "declarations-with-comment.ods (content.xml): 警告[read.comments]: 工作簿含 1 条批注（机关服务费!C3）",
        ],
    );
    let forms = jixiao::read::read_path(&dir.join("o.json")).unwrap().value;
    assert_eq!(forms.len(), 4, "{text}");
    let jixiao::model::Form::Declaration(d) = &forms[0] else {
        panic!("{text}")
    };
    assert_eq!(d.project_name, "机关服务费");
}

/// JSON models and flat tables that are broken: each names its file.
#[test]
fn broken_models_and_tables_are_named() {
    let good_json = jixiao::write::json::to_string(&jixiao::model::Document::new(
        jixiao::read::read_workbook(&fixture("xinjiang-2026-declarations.xlsx"))
            .unwrap()
            .value,
    ));
    let mut tables = Vec::new();
    {
        let doc = jixiao::model::Document::new(
            jixiao::read::read_workbook(&fixture("xinjiang-2026-declarations.xlsx"))
                .unwrap()
                .value,
        );
        for (name, bytes) in jixiao::write::flat::csv_files(&doc) {
            tables.push((name, bytes));
        }
    }
    let table = |name: &str| {
        tables
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.clone())
            .unwrap()
    };
    let decl = table("declarations.csv");
    let ind = table("indicators.csv");
    let decl_text = String::from_utf8(decl.clone()).unwrap();
    let j = |s: &str| s.as_bytes().to_vec();
    let cases = vec![
        case(
            "json-syntax",
            vec![("m.json", j("{\"schema_version\": 1, \"forms\": ["))],
            &["convert", "{dir}/m.json", "-o", "{dir}/o.json"],
            2,
            &["m.json", "不是 jixiao 的 JSON 模型"],
        ),
        case(
            "json-empty",
            vec![("m.json", Vec::new())],
            &["check", "{dir}/m.json"],
            2,
            &["m.json"],
        ),
        case(
            "json-newer",
            vec![("m.json", j("{\"schema_version\": 99, \"forms\": []}"))],
            &["check", "{dir}/m.json"],
            2,
            &["m.json", "99"],
        ),
        case(
            "json-wrong-type",
            vec![("m.json", j("{\"schema_version\": 1, \"forms\": 5}"))],
            &["check", "{dir}/m.json"],
            2,
            &["m.json"],
        ),
        case(
            "json-array",
            vec![("m.json", j("[1,2,3]"))],
            &["convert", "{dir}/m.json", "-o", "{dir}/o.xlsx"],
            2,
            &["m.json"],
        ),
        case(
            "json-binary",
            vec![("m.json", vec![0xff, 0xfe, 0x00, 0x01, 0x80])],
            &["check", "{dir}/m.json"],
            2,
            &["m.json"],
        ),
        case(
            "json-bad-decimal",
            vec![(
                "m.json",
                j(&good_json.replacen("\"140000.00\"", "\"1e400\"", 1)),
            )],
            &["check", "{dir}/m.json"],
            2,
            &["m.json"],
        ),
        case(
            "json-deep",
            vec![(
                "m.json",
                j(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
            )],
            &["check", "{dir}/m.json"],
            2,
            &["m.json"],
        ),
        case(
            "json-bom-ok",
            vec![("m.json", j(&format!("\u{feff}{good_json}")))],
            &["convert", "{dir}/m.json", "-o", "{dir}/o.json", "-q"],
            0,
            &[],
        ),
        case(
            "csv-no-indicators",
            vec![("t/declarations.csv", decl.clone())],
            &["convert", "{dir}/t", "-o", "{dir}/o.json"],
            2,
            &["indicators.csv"],
        ),
        case(
            "csv-bad-quote",
            vec![
                ("t/declarations.csv", j(&decl_text.replacen(',', ",\"", 3))),
                ("t/indicators.csv", ind.clone()),
            ],
            &["convert", "{dir}/t", "-o", "{dir}/o.json"],
            2,
            &["declarations.csv"],
        ),
        case(
            "csv-not-utf8",
            vec![
                (
                    "t/declarations.csv",
                    vec![0xd5, 0xe2, 0xca, 0xc7, b',', b'\n'],
                ),
                ("t/indicators.csv", ind.clone()),
            ],
            &["convert", "{dir}/t", "-o", "{dir}/o.json"],
            2,
            &["declarations.csv"],
        ),
        case(
            "csv-empty-tables",
            vec![
                ("t/declarations.csv", Vec::new()),
                ("t/indicators.csv", Vec::new()),
            ],
            &["convert", "{dir}/t", "-o", "{dir}/o.json"],
            2,
            &["t"],
        ),
        case(
            "csv-huge-amount",
            vec![
                (
                    "t/declarations.csv",
                    j(&decl_text.replacen("140000.00", "99999999999999999999999999999999999", 1)),
                ),
                ("t/indicators.csv", ind.clone()),
            ],
            &["convert", "{dir}/t", "-o", "{dir}/o.json"],
            2,
            &["declarations.csv"],
        ),
        case(
            "csv-commas-amount",
            vec![
                (
                    "t/declarations.csv",
                    j(&decl_text.replacen("140000.00", "\"1,2,3\"", 1)),
                ),
                ("t/indicators.csv", ind.clone()),
            ],
            &["convert", "{dir}/t", "-o", "{dir}/o.json"],
            2,
            &["declarations.csv"],
        ),
    ];
    let failures: String = cases.iter().map(run_case).collect();
    assert!(failures.is_empty(), "{failures}");
}

/// A batch of a broken file and a good one writes the good one's forms and names the broken
/// one; exit 2 at the end. Holds for a file that cannot be read at all, for one with a located
/// read error, and for one over a limit.
#[test]
fn a_batch_goes_on_past_a_broken_file() {
    let good = std::fs::read(fixture("xinjiang-2023-self-evaluations.xlsx")).unwrap();
    let broken: Vec<(&str, Vec<u8>, &str)> = vec![
        ("bad.xlsx", b"not a workbook".to_vec(), "bad.xlsx"),
        (
            "bad.xlsx",
            decl_with(|s| set_cell(s, "H6", "t=\"e\"", "<v>#DIV/0!</v>")),
            "bad.xlsx: 读取时有",
        ),
        (
            "bad.xlsx",
            decl_with(|s| {
                s.replace(
                    "</sheetData>",
                    "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>",
                )
            }),
            "XFD1048576",
        ),
        (
            "bad.xls",
            std::fs::read(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/corpus/fuzz-xls-directory-loop.xls"),
            )
            .unwrap(),
            "bad.xls",
        ),
    ];
    for (name, bytes, says) in broken {
        let dir = temp_dir("hostile-batch");
        write(&dir, name, &bytes);
        write(&dir, "good.xlsx", &good);
        for (to, out) in [("json", "out.json"), ("csv", "csv")] {
            let out = dir.join(out);
            let (code, text) = run(
                &dir,
                &[
                    "convert",
                    &format!("{{dir}}/{name}"),
                    "{dir}/good.xlsx",
                    "--to",
                    to,
                    "-o",
                    out.to_str().unwrap(),
                ],
            );
            assert_eq!(code, 2, "{name} {to}:\n{text}");
            assert!(text.contains(says), "{name} {to}: no {says:?}:\n{text}");
            let doc = jixiao::read::read_path(&out)
                .unwrap_or_else(|e| panic!("{name} {to}: {e}\n{text}"));
            assert_eq!(
                doc.value.len(),
                5,
                "{name} {to}: the good file's five 自评表"
            );
        }
        let (code, text) = run(
            &dir,
            &[
                "score",
                &format!("{{dir}}/{name}"),
                "{dir}/good.xlsx",
                "-o",
                "{dir}/scored.json",
            ],
        );
        assert_eq!(code, 2, "{name} score:\n{text}");
        assert!(
            dir.join("scored.json").is_file(),
            "{name}: score wrote the good file's forms"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Directories: each real file once whatever the links, FIFOs and other kinds noted and
/// skipped, never a hang.
#[cfg(unix)]
#[test]
fn directories_with_links_fifos_and_other_files() {
    use std::os::unix::fs::symlink;
    let dir = temp_dir("hostile-dirs");
    let forms = dir.join("forms");
    std::fs::create_dir_all(forms.join("sub")).unwrap();
    std::fs::copy(
        fixture("xinjiang-2023-self-evaluations.xlsx"),
        forms.join("a.xlsx"),
    )
    .unwrap();
    symlink(&forms, forms.join("sub/loop")).unwrap();
    symlink(&forms, forms.join("loop2")).unwrap();
    symlink(forms.join("a.xlsx"), forms.join("sub/same.xlsx")).unwrap();
    let fifo = forms.join("pipe.xlsx");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    std::fs::write(forms.join("说明.docx"), b"PK").unwrap();
    std::fs::write(forms.join("loose.csv"), b"a,b\n").unwrap();
    let (code, text) = run(&dir, &["convert", "{dir}/forms", "-o", "{dir}/out.json"]);
    assert_eq!(code, 0, "{text}");
    let doc = jixiao::read::read_path(&dir.join("out.json")).unwrap();
    assert_eq!(doc.value.len(), 5, "a.xlsx read once:\n{text}");
    for s in ["说明.docx", "loose.csv", "单独的 CSV"] {
        assert!(text.contains(s), "no {s:?}:\n{text}");
    }
    if made.is_ok_and(|s| s.success()) {
        assert!(
            text.contains("pipe.xlsx") && text.contains("不是普通文件"),
            "{text}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Outputs: never into an input directory; a CSV directory replaced as a whole (a stale table
/// from an earlier export is gone); a directory with files jixiao did not write is left alone;
/// a replaced file keeps its mode.
#[test]
fn outputs_are_written_as_units_and_never_into_inputs() {
    let dir = temp_dir("hostile-outputs");
    let forms = dir.join("forms");
    std::fs::create_dir_all(&forms).unwrap();
    std::fs::copy(
        fixture("xinjiang-2023-self-evaluations.xlsx"),
        forms.join("a.xlsx"),
    )
    .unwrap();
    expect(
        &dir,
        &["convert", "{dir}/forms", "--to", "csv", "-o", "{dir}/forms"],
        2,
        &["输入目录"],
    );
    expect(
        &dir,
        &["convert", "{dir}/forms", "-o", "{dir}/forms/out.json"],
        2,
        &["输入目录"],
    );
    assert!(!forms.join("out.json").exists());
    // A stale table from an earlier export.
    let csv = dir.join("csv");
    std::fs::create_dir_all(&csv).unwrap();
    std::fs::write(csv.join("legacy_2020.csv"), "stale").unwrap();
    expect(
        &dir,
        &[
            "convert",
            "{dir}/forms",
            "--to",
            "csv",
            "-o",
            "{dir}/csv",
            "-q",
        ],
        0,
        &[],
    );
    assert!(!csv.join("legacy_2020.csv").exists(), "stale table removed");
    assert!(csv.join("self_evaluations.csv").is_file());
    let doc = jixiao::read::read_path(&csv).unwrap();
    assert_eq!(doc.value.len(), 5);
    // A directory holding someone else's file.
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    expect(
        &dir,
        &["convert", "{dir}/forms", "--to", "csv", "-o", "{dir}/other"],
        2,
        &["notes.txt"],
    );
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).unwrap(),
        "mine"
    );
    // No temporary file or directory is left anywhere.
    let leftovers: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let out = dir.join("private.json");
        std::fs::write(&out, "{}").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
        expect(
            &dir,
            &["convert", "{dir}/forms", "-o", "{dir}/private.json", "-q"],
            0,
            &[],
        );
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

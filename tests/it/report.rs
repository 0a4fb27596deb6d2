//! `check --report`: the reviewer's workbook, read back as the office will open it.

use crate::common::{fixture, jixiao_in, temp_dir};

/// Runs jixiao in its default language, Chinese, as the office reads the report.
fn jixiao(args: &[&str]) -> (i32, String, String) {
    jixiao_in(None, args)
}
use calamine::{Data, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

/// One row of 问题清单.
#[derive(Debug)]
struct Row {
    file: String,
    sheet: String,
    cell: String,
    rule: String,
    severity: String,
    text: String,
    link: String,
}

fn list_rows(wb: &mut Xlsx<std::io::BufReader<std::fs::File>>) -> Vec<Row> {
    let range = wb.worksheet_range("问题清单").unwrap();
    let text = |r: u32, c: u32| match range.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let header = (0..range.end().unwrap().0)
        .find(|&r| text(r, 0) == "文件")
        .expect("a header row 文件");
    let headers: Vec<String> = (0..7).map(|c| text(header, c)).collect();
    assert_eq!(
        headers,
        [
            "文件",
            "工作表",
            "单元格",
            "规则",
            "严重程度",
            "说明",
            "在本工作簿中"
        ]
    );
    (header + 1..=range.end().unwrap().0)
        .map(|r| Row {
            file: text(r, 0),
            sheet: text(r, 1),
            cell: text(r, 2),
            rule: text(r, 3),
            severity: text(r, 4),
            text: text(r, 5),
            link: text(r, 6),
        })
        .collect()
}

/// The cell notes of each sheet (by its position in the workbook): cell → text.
pub fn notes(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut part = |name: &str| -> Option<String> {
        let mut f = zip.by_name(name).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        Some(s)
    };
    let mut all = Vec::new();
    for n in 1.. {
        if part(&format!("xl/worksheets/sheet{n}.xml")).is_none() {
            break;
        }
        let rels = part(&format!("xl/worksheets/_rels/sheet{n}.xml.rels")).unwrap_or_default();
        let comments = rels
            .split("<Relationship ")
            .find(|r| r.contains("/comments\""))
            .and_then(|r| r.split("Target=\"../").nth(1))
            .and_then(|t| t.split('"').next())
            .and_then(|t| part(&format!("xl/{t}")))
            .unwrap_or_default();
        let mut map = BTreeMap::new();
        for c in comments.split("<comment ref=\"").skip(1) {
            let cell = c.split('"').next().unwrap().to_string();
            let text: String = c
                .split("<t")
                .skip(1)
                .filter(|t| t.starts_with('>') || t.starts_with(' '))
                .filter_map(|t| t.split_once('>').and_then(|(_, r)| r.split("</t>").next()))
                .collect();
            let text = text
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            map.insert(cell, text);
        }
        all.push(map);
    }
    all
}

#[test]
fn issue_15_report_marks_every_finding_in_a_copy_of_its_form() {
    let dir = temp_dir("report");
    let input = fixture("xinjiang-2026-declarations.xlsx");
    let input = input.to_str().unwrap();
    let report = dir.join("r.xlsx");
    let (code, _, stderr) = jixiao(&["check", input, "--report", report.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    let (_, json, _) = jixiao(&["check", input, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 4);

    let mut wb: Xlsx<_> = calamine::open_workbook(&report).unwrap();
    let sheets = wb.sheet_names();
    assert_eq!(
        sheets,
        [
            "问题清单",
            "机关服务费",
            "驻外办驻外工作经费",
            "合作交流工作业务费",
            "合作交流专项工作经费"
        ]
    );
    let rows = list_rows(&mut wb);
    assert_eq!(rows.len(), findings.len());
    let notes = notes(&report);
    for (row, f) in rows.iter().zip(findings) {
        let at = &f["at"];
        assert_eq!(row.file, "xinjiang-2026-declarations.xlsx");
        assert_eq!(row.sheet, at["sheet"].as_str().unwrap());
        assert_eq!(row.cell, at["cell"].as_str().unwrap_or(""));
        assert_eq!(row.rule, f["rule"].as_str().unwrap());
        let (severity, color) = match f["severity"].as_str().unwrap() {
            "error" => ("错误", (0xFF, 0xC7, 0xCE)),
            "warning" => ("警告", (0xFF, 0xEB, 0x9C)),
            other => panic!("unexpected severity {other}"),
        };
        assert_eq!(row.severity, severity);
        let message = f["message"].as_str().unwrap();
        assert!(row.text.starts_with(message), "{row:?}");

        // The link names the copy's sheet and cell; the cell there is filled and noted.
        let (sheet, cell) = row.link.split_once('!').expect("a link sheet!cell");
        assert_eq!(sheet, row.sheet, "the copy keeps the sheet's name");
        // The copy is in the official layout, which these fixtures use: the same cell, or the
        // title (A1) for a finding about the whole form.
        let first = row.cell.split(':').next().unwrap();
        assert_eq!(cell, if first.is_empty() { "A1" } else { first });
        let index = sheets.iter().position(|s| s == sheet).unwrap();
        let pos = a1(cell);
        let styles = wb.worksheet_style(sheet).unwrap();
        let fill = styles
            .get(pos)
            .and_then(|s| s.fill.as_ref())
            .and_then(|f| f.foreground_color)
            .map(|c| (c.red, c.green, c.blue));
        assert_eq!(fill, Some(color), "{sheet}!{cell} fill");
        let note = &notes[index][cell];
        assert!(note.contains(message), "{sheet}!{cell}: {note}");
        assert!(note.contains(&row.rule), "{note}");
        assert!(note.starts_with(severity), "{note}");
        assert!(note.contains(&format!("原表位置：{}", at["sheet"].as_str().unwrap())));
    }
    // A cell without a finding is neither filled nor noted.
    let styles = wb.worksheet_style("驻外办驻外工作经费").unwrap();
    assert!(
        styles
            .get(a1("G14"))
            .and_then(|s| s.fill.as_ref())
            .and_then(|f| f.foreground_color)
            .is_none()
    );
    assert!(notes[2].is_empty());
}

#[test]
fn issue_15_report_is_deterministic() {
    let dir = temp_dir("report-twice");
    let input = fixture("xinjiang-2023-self-evaluations.xlsx");
    let input = input.to_str().unwrap();
    let a = dir.join("a.xlsx");
    let b = dir.join("b.xlsx");
    jixiao(&["check", input, "--report", a.to_str().unwrap()]);
    jixiao(&["check", input, "--report", b.to_str().unwrap()]);
    let a = std::fs::read(a).unwrap();
    assert!(a.len() > 1000);
    assert_eq!(a, std::fs::read(b).unwrap());
}

#[test]
fn issue_15_report_opens_in_libreoffice() {
    if !crate::common::soffice_available("issue_15_report_opens_in_libreoffice") {
        return;
    }
    let dir = temp_dir("report-render");
    let input = fixture("xinjiang-2026-declarations.xlsx");
    let report = dir.join("r.xlsx");
    jixiao(&[
        "check",
        input.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    // The list and the four forms, a page each.
    assert_eq!(crate::common::render(&dir.join("png"), &[report]), 5);
}

/// `G14` → (13, 6).
fn a1(cell: &str) -> (u32, u32) {
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let row: u32 = cell[letters.len()..].parse().unwrap();
    let col = letters
        .bytes()
        .fold(0, |acc, b| acc * 26 + u32::from(b - b'A' + 1));
    (row - 1, col - 1)
}

#[test]
fn issue_15_report_of_csv_tables_names_the_table_cell_and_marks_the_copy() {
    let dir = crate::flat::broken_csv("report-flat");
    let report = dir.join("r.xlsx");
    let (code, _, stderr) = jixiao(&[
        "check",
        dir.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let mut wb: Xlsx<_> = calamine::open_workbook(&report).unwrap();
    let rows = list_rows(&mut wb);
    let row = rows
        .iter()
        .find(|r| r.rule == "decl.annual-total-sum")
        .expect("the broken sum is listed");
    assert_eq!(
        (row.file.as_str(), row.sheet.as_str(), row.cell.as_str()),
        ("declarations.csv", "", "第 2 行「年度资金申请总额」列")
    );
    // The copy is in the official layout, where the fixture stood: the link and the mark go to
    // the cell of 年度资金申请总额 there.
    let original = crate::common::read("xinjiang-2026-declarations.xlsx");
    let src = original[0].source().unwrap();
    let cell = src
        .cell("funds.annual_total")
        .unwrap()
        .split(':')
        .next()
        .unwrap();
    assert_eq!(row.link, format!("机关服务费!{cell}"));
    let note = &notes(&report)[1][cell];
    assert!(
        note.contains("原表位置：declarations.csv 第 2 行「年度资金申请总额」列"),
        "{note}"
    );
    let row = rows
        .iter()
        .find(|r| r.rule == "indicator.required" && r.file == "indicators.csv")
        .expect("the cleared 指标值 is listed");
    assert_eq!(row.cell, "第 2 行「指标值」列");
    let cell = src
        .cell("indicators[0].target")
        .unwrap()
        .split(':')
        .next()
        .unwrap();
    assert_eq!(row.link, format!("机关服务费!{cell}"));
    // Every finding of a copied form links to it.
    assert!(rows.iter().all(|r| r.link.contains('!')), "{rows:#?}");
}

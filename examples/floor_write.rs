//! The export floor for `scripts/bench.sh`: a bare rust_xlsxwriter program that writes the forms
//! of a corpus made by `../shared/bench/gen_corpus.py`, from its `layout.json` (the laid-out
//! cells, merges, widths and heights of every sheet), into one workbook, one form a sheet, with
//! the same kinds of formats as the official forms. jixiao's export is measured against it.
//!
//! `cargo run --release --example floor_write -- CORPUS/layout.json OUT.xlsx`

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

fn format(style: &str) -> Format {
    let base = Format::new()
        .set_font_name("宋体")
        .set_font_size(11)
        .set_align(FormatAlign::VerticalCenter);
    let boxed = |f: Format| f.set_border(FormatBorder::Thin);
    match style {
        "sumtitle" => base
            .set_font_size(14)
            .set_bold()
            .set_align(FormatAlign::Center),
        "title" => base
            .set_font_name("黑体")
            .set_font_size(18)
            .set_bold()
            .set_align(FormatAlign::Center),
        "sub" => base.set_align(FormatAlign::Center),
        "label" | "center" => boxed(base.set_align(FormatAlign::Center).set_text_wrap()),
        "text" => boxed(base.set_align(FormatAlign::Left).set_text_wrap()),
        "text_r" => boxed(base.set_align(FormatAlign::Right)),
        "num" => boxed(
            base.set_align(FormatAlign::Right)
                .set_num_format("#,##0.00"),
        ),
        "date" => boxed(
            base.set_align(FormatAlign::Center)
                .set_num_format("yyyy-mm-dd"),
        ),
        _ => base.set_align(FormatAlign::Left),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [layout, out] = args.as_slice() else {
        return Err("usage: floor_write LAYOUT.json OUT.xlsx".into());
    };
    let files: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(layout)?)?;
    let formats: HashMap<&str, Format> = [
        "sumtitle", "title", "sub", "label", "center", "text", "text_r", "num", "date", "foot",
    ]
    .into_iter()
    .map(|s| (s, format(s)))
    .collect();
    let foot = format("foot");
    let mut names: HashSet<String> = HashSet::new();
    let mut wb = Workbook::new();
    let mut sheets = 0;
    for file in &files {
        for sheet in file["sheets"].as_array().into_iter().flatten() {
            let base: String = sheet["name"]
                .as_str()
                .unwrap_or("表")
                .chars()
                .take(25)
                .collect();
            let mut name = base.clone();
            let mut n = 1;
            while !names.insert(name.clone()) {
                n += 1;
                name = format!("{base} ({n})");
            }
            let ws = wb.add_worksheet();
            ws.set_name(&name)?;
            for (i, w) in sheet["widths"].as_array().into_iter().flatten().enumerate() {
                ws.set_column_width(i as u16, w.as_f64().unwrap_or(10.0))?;
            }
            for rh in sheet["heights"].as_array().into_iter().flatten() {
                ws.set_row_height(
                    rh[0].as_u64().unwrap_or(0) as u32,
                    rh[1].as_f64().unwrap_or(15.0),
                )?;
            }
            let put = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, v: &Value, s: &str| {
                let f = formats.get(s).unwrap_or(&foot);
                match v {
                    Value::String(t) if s == "date" => match ExcelDateTime::parse_from_str(t) {
                        Ok(d) => ws.write_datetime_with_format(r, c, &d, f).map(|_| ()),
                        Err(_) => ws.write_string_with_format(r, c, t, f).map(|_| ()),
                    },
                    Value::String(t) => ws.write_string_with_format(r, c, t, f).map(|_| ()),
                    Value::Number(x) => ws
                        .write_number_with_format(r, c, x.as_f64().unwrap_or(0.0), f)
                        .map(|_| ()),
                    _ => Ok(()),
                }
            };
            for cell in sheet["cells"].as_array().into_iter().flatten() {
                let (r, c) = (
                    cell[0].as_u64().unwrap_or(0) as u32,
                    cell[1].as_u64().unwrap_or(0) as u16,
                );
                put(ws, r, c, &cell[2], cell[3].as_str().unwrap_or(""))?;
            }
            for m in sheet["merges"].as_array().into_iter().flatten() {
                let at = |i: usize| m[i].as_u64().unwrap_or(0);
                let s = m[5].as_str().unwrap_or("");
                let f = formats.get(s).unwrap_or(&foot);
                ws.merge_range(
                    at(0) as u32,
                    at(1) as u16,
                    at(2) as u32,
                    at(3) as u16,
                    "",
                    f,
                )?;
                put(ws, at(0) as u32, at(1) as u16, &m[4], s)?;
            }
            sheets += 1;
        }
    }
    wb.save(out)?;
    println!("{sheets} sheets written to {out}");
    Ok(())
}

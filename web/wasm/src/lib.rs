//! jixiao in the browser: the library's byte-level front door ([`jixiao::read::read_all`],
//! [`jixiao::jobs`], [`jixiao::write::to_bytes`]) behind wasm-bindgen, for `web/`'s Web Worker.
//!
//! Everything is computed from bytes the page was given; nothing here touches a file system,
//! a clock, a thread or the network. Results cross to JavaScript as JSON text or bytes.

#![deny(missing_docs)]

use jixiao::a1::{self, Area};
use jixiao::check::Options;
use jixiao::formats::{InputFormat, OutputFormat};
use jixiao::grid::{self, Grid};
use jixiao::jobs::{self, ConvertOptions, TemplateSource};
use jixiao::model::{Document, Form};
use jixiao::profile::Profile;
use jixiao::read::{Input, Inputs, read_input};
use serde::Serialize;
use serde_json::json;
use std::collections::HashMap;
use std::fmt::Write as _;
use wasm_bindgen::prelude::*;

/// The office profiles shipped in `templates/offices/`: id, TOML.
const OFFICES: &[(&str, &str)] = &[
    (
        "xinjiang",
        include_str!("../../../templates/offices/xinjiang.toml"),
    ),
    (
        "xizang",
        include_str!("../../../templates/offices/xizang.toml"),
    ),
    (
        "baoshan",
        include_str!("../../../templates/offices/baoshan.toml"),
    ),
    (
        "xining",
        include_str!("../../../templates/offices/xining.toml"),
    ),
];

/// One form as the page lists it.
#[derive(Serialize)]
struct FormRow {
    index: usize,
    kind: &'static str,
    project: String,
    year: Option<i32>,
    file: String,
    sheet: String,
    range: String,
    /// Cells mapped to a field, of `cells` non-empty cells in the form's area.
    mapped: u32,
    cells: u32,
}

fn row(index: usize, form: &Form) -> FormRow {
    let src = form.source();
    let cells = src.map_or(0, |s| s.cells_read);
    FormRow {
        index,
        kind: form.kind_label(),
        project: form.project_name().to_string(),
        year: form.year(),
        file: src.map(|s| s.file.clone()).unwrap_or_default(),
        sheet: src.map(|s| s.sheet.clone()).unwrap_or_default(),
        range: src.map(|s| s.range.clone()).unwrap_or_default(),
        mapped: src.map_or(0, |s| s.cells_read.saturating_sub(s.unmapped.len() as u32)),
        cells,
    }
}

/// Everything dropped on the page so far: the forms read, and each file's bytes (to show a
/// form as it stands in its workbook).
#[wasm_bindgen]
#[derive(Default)]
pub struct Session {
    inputs: Inputs,
    files: HashMap<String, Vec<u8>>,
    /// CSV files wait here until [`Session::finish_tables`] reads them as one set of tables.
    tables: Vec<(String, Vec<u8>)>,
}

#[wasm_bindgen]
impl Session {
    /// An empty session: `new Session()` in JavaScript.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Session {
        Session::default()
    }

    /// Reads one file; returns `{name, error, forms: [...]}` as JSON. CSV tables are kept until
    /// [`Session::finish_tables`] (they are read together).
    pub fn add(&mut self, name: String, bytes: Vec<u8>) -> String {
        if InputFormat::from_file_name(&name) == Some(InputFormat::Csv) {
            self.tables.push((name.clone(), bytes));
            return json!({"name": name, "pending": true}).to_string();
        }
        let input = Input::file(name.clone(), bytes);
        let read = read_input(&input);
        let result = self.take(&name, read);
        if let Input::File { name, bytes } = input {
            self.files.insert(name, bytes);
        }
        result
    }

    /// Reads the CSV tables added so far as one set of flat tables.
    pub fn finish_tables(&mut self) -> Option<String> {
        if self.tables.is_empty() {
            return None;
        }
        let tables = std::mem::take(&mut self.tables);
        let input = Input::Tables {
            name: String::new(),
            tables,
        };
        let name = "平表 CSV".to_string();
        let read = read_input(&input);
        Some(self.take(&name, read))
    }

    fn take(
        &mut self,
        name: &str,
        read: jixiao::diag::Result<jixiao::diag::Diagnosed<Vec<Form>>>,
    ) -> String {
        let first = self.inputs.document.forms.len();
        let errors_before = self.inputs.errors.len();
        self.inputs.add(name, read);
        let error = self.inputs.errors.get(errors_before).map(|e| e.to_string());
        let forms: Vec<FormRow> = self.inputs.document.forms[first..]
            .iter()
            .enumerate()
            .map(|(i, f)| row(first + i, f))
            .collect();
        json!({"name": name, "error": error, "forms": forms}).to_string()
    }

    /// How many forms have been read.
    pub fn count(&self) -> usize {
        self.inputs.document.forms.len()
    }

    /// The findings, as `jixiao check --format json` prints them for the same files.
    pub fn check(&self) -> String {
        jobs::check(&self.inputs, &Options::default()).to_json()
    }

    /// The forms written in `to` (`xlsx`, `xlsx-flat`, `json`), as `jixiao convert` writes them.
    pub fn convert(&self, to: &str) -> Result<Vec<u8>, JsError> {
        let to = output_format(to)?;
        let done = jobs::convert(&self.inputs, &ConvertOptions::to(to), "out")
            .map_err(|e| JsError::new(&e.to_string()))?;
        first_file(done.output)
    }

    /// The forms with their 自评表 scored, as `jixiao score` writes them.
    pub fn score(&self, to: &str) -> Result<Vec<u8>, JsError> {
        let to = output_format(to)?;
        let opts = Default::default();
        let (done, _) = jobs::score(&self.inputs, &opts, false, to, "out")
            .map_err(|e| JsError::new(&e.to_string()))?;
        first_file(done.output)
    }

    /// One 自评表 per 申报表 read, pre-filled, in one workbook after a 汇总 sheet (as
    /// `jixiao template --kind self-evaluation --from …`).
    pub fn self_evaluations(&self) -> Result<Vec<u8>, JsError> {
        if self.inputs.has_errors() {
            return Err(JsError::new("读入的表格有错误，请先改正再生成自评表"));
        }
        let weights = jixiao::generate::Weights::standard();
        let source = TemplateSource::SelfEvaluations {
            forms: &self.inputs.document.forms,
            weights: &weights,
            year: None,
        };
        made_workbook(&source, None)
    }

    /// Form `index` as an HTML table: its cells as in its workbook (merged areas as rowspan /
    /// colspan), the cells of `highlight` (`C7` or `A13:H13`, may be empty) marked `class="hit"`,
    /// cells no field took marked `class="unmapped"`.
    pub fn form_html(&self, index: usize, highlight: &str) -> String {
        let Some(form) = self.inputs.document.forms.get(index) else {
            return String::new();
        };
        let grid = self.grid_of(form);
        let Some((grid, area)) = grid else {
            return "<p class=\"note\">此表来自 JSON 或平表，没有原工作表可显示。</p>".to_string();
        };
        let unmapped: Vec<Area> = form
            .source()
            .map(|s| {
                s.unmapped
                    .iter()
                    .filter_map(|u| a1::parse_area(&u.cell))
                    .collect()
            })
            .unwrap_or_default();
        let hit = a1::parse_area(highlight.trim());
        render(&grid, area, hit, &unmapped)
    }

    fn grid_of(&self, form: &Form) -> Option<(Grid, Area)> {
        let src = form.source()?;
        let bytes = self.files.get(&src.file)?;
        let grids = grid::open_bytes(bytes, &src.file).ok()?;
        let grid = grids.into_iter().find(|g| g.sheet == src.sheet)?;
        let area = a1::parse_area(&src.range)?;
        Some((grid, area))
    }
}

fn output_format(to: &str) -> Result<OutputFormat, JsError> {
    OutputFormat::from_name(to).ok_or_else(|| JsError::new(&format!("不认识的输出格式：{to}")))
}

fn first_file(output: Result<jixiao::write::Output, jobs::Refusal>) -> Result<Vec<u8>, JsError> {
    match output {
        Ok(mut out) if !out.files.is_empty() => Ok(out.files.swap_remove(0).bytes),
        Ok(_) => Err(JsError::new("没有可写出的内容")),
        Err(jobs::Refusal::NoForm) => Err(JsError::new("没有读到任何表，未生成文件")),
        Err(jobs::Refusal::Errors { errors, .. }) => Err(JsError::new(&format!(
            "读入的表格有 {errors} 处错误，未生成文件：请先按“检查结果”改正"
        ))),
    }
}

fn made_workbook(source: &TemplateSource, profile: Option<&Profile>) -> Result<Vec<u8>, JsError> {
    let made = jobs::template(source, profile).map_err(|e| JsError::new(&e.to_string()))?;
    if made.has_errors() {
        let text: Vec<String> = made.diagnostics.iter().map(ToString::to_string).collect();
        return Err(JsError::new(&text.join("\n")));
    }
    if made.value.forms.is_empty() {
        return Err(JsError::new("没有可生成的表"));
    }
    let out = jobs::template_output(&made.value, profile, OutputFormat::Xlsx, "out.xlsx")
        .map_err(|e| JsError::new(&e.to_string()))?;
    first_file(Ok(out))
}

/// The office profiles the page offers: `[{id, department, unit}]`.
#[wasm_bindgen]
pub fn offices() -> String {
    let list: Vec<_> = OFFICES
        .iter()
        .filter_map(|(id, toml)| {
            let p = Profile::from_toml(toml, id).ok()?;
            Some(json!({"id": id, "department": p.department, "unit": p.implementing_unit}))
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_default()
}

/// Blank 申报表 for a project list (CSV or workbook) and an office, as `jixiao template
/// --profile … --projects … --year …` writes them.
#[wasm_bindgen]
pub fn template_from_list(
    office: &str,
    list_name: &str,
    list: &[u8],
    year: i32,
) -> Result<Vec<u8>, JsError> {
    let (id, toml) = OFFICES
        .iter()
        .find(|(id, _)| *id == office)
        .ok_or_else(|| JsError::new(&format!("没有这个单位配置：{office}")))?;
    let profile = Profile::from_toml(toml, id).map_err(|e| JsError::new(&e.to_string()))?;
    let source = TemplateSource::Projects {
        name: list_name,
        bytes: list,
        year,
    };
    made_workbook(&source, Some(&profile))
}

/// What changed between two versions of a workbook (or JSON, or flat workbook): one line per
/// change, as `jixiao diff` prints them; `""` when nothing changed.
#[wasm_bindgen]
pub fn diff(
    old_name: String,
    old: Vec<u8>,
    new_name: String,
    new: Vec<u8>,
) -> Result<String, JsError> {
    let old = jobs::read_one(&Input::file(old_name.clone(), old));
    let new = jobs::read_one(&Input::file(new_name.clone(), new));
    match jobs::diff(&old, &new) {
        Ok(diffs) => {
            let mut out = String::new();
            for d in diffs {
                let _ = writeln!(out, "{d}");
            }
            Ok(out)
        }
        Err(side) => {
            let (name, inputs) = match side {
                jobs::DiffSide::Old => (old_name, &old),
                jobs::DiffSide::New => (new_name, &new),
            };
            let mut why: Vec<String> = inputs.errors.iter().map(ToString::to_string).collect();
            why.extend(inputs.diagnostics.iter().map(ToString::to_string));
            Err(JsError::new(&format!(
                "{name} 未能无误读入，不作比较：\n{}",
                why.join("\n")
            )))
        }
    }
}

/// Every rule a finding can carry: `{id: 中文 summary}`, for the page's 规则 column.
#[wasm_bindgen]
pub fn rules() -> String {
    let map: serde_json::Map<String, serde_json::Value> = jixiao::msg::rules::ALL
        .iter()
        .flat_map(|g| g.iter())
        .map(|r| (r.id.to_string(), r.zh.into()))
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// The version of the library, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

fn overlaps(a: Area, b: Area) -> bool {
    a.first.0 <= b.last.0 && b.first.0 <= a.last.0 && a.first.1 <= b.last.1 && b.first.1 <= a.last.1
}

/// The cells of `area` as an HTML table, merged areas as rowspan/colspan (clipped to `area`).
fn render(grid: &Grid, area: Area, hit: Option<Area>, unmapped: &[Area]) -> String {
    let mut html = String::from("<table class=\"sheet\">");
    let _ = write!(html, "<caption>{}!{}</caption>", escape(&grid.sheet), area);
    for r in area.first.0..=area.last.0 {
        let _ = write!(html, "<tr><th class=\"rn\">{}</th>", r + 1);
        for c in area.first.1..=area.last.1 {
            let cell = grid.area((r, c));
            // A merged area shows once, at its first cell inside the form.
            let shown_at = (
                cell.first.0.max(area.first.0),
                cell.first.1.max(area.first.1),
            );
            if shown_at != (r, c) {
                continue;
            }
            let last = (cell.last.0.min(area.last.0), cell.last.1.min(area.last.1));
            let rows = last.0 - r + 1;
            let cols = last.1 - c + 1;
            let mut classes = Vec::new();
            if hit.is_some_and(|h| overlaps(h, cell)) {
                classes.push("hit");
            }
            if unmapped.iter().any(|u| overlaps(*u, cell)) {
                classes.push("unmapped");
            }
            let _ = write!(html, "<td data-cell=\"{}\"", a1::cell_name(cell.first));
            if rows > 1 {
                let _ = write!(html, " rowspan=\"{rows}\"");
            }
            if cols > 1 {
                let _ = write!(html, " colspan=\"{cols}\"");
            }
            if !classes.is_empty() {
                let _ = write!(html, " class=\"{}\"", classes.join(" "));
            }
            let _ = write!(html, ">{}</td>", escape(&grid.text(cell.first)));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
    html
}

/// The forms of a document, as the page lists them (for tests and the JSON of `add`).
pub fn rows(doc: &Document) -> String {
    let rows: Vec<FormRow> = doc
        .forms
        .iter()
        .enumerate()
        .map(|(i, f)| row(i, f))
        .collect();
    serde_json::to_string(&rows).unwrap_or_default()
}

//! The reviewer's workbook (`jixiao check --report`): every form as read, each finding's cell
//! filled and annotated, and a first sheet [`LIST_SHEET`] (问题清单) listing every finding with
//! a link to its cell.
//!
//! A reviewer at the 财政局 sends this back to the office: the clerk sees, in a copy of each form,
//! which cells are wrong and why (a cell note), without retyping anything.
//!
//! How a finding finds its cell in the copy: the finding points at a cell of the input; the
//! form's [`Source::cells`](crate::model::Source) says which field was read there
//! (`indicators[3].target`); the copy is written, read back, and its own cell map says where that
//! field now stands. One mechanism for every layout the writer knows. A finding about the whole
//! form (or a cell no field took) is noted at the copy's title.

use super::styles::{FONT, FONT_SIZE, Styles};
use super::{FieldCells, LayoutChoice, paint, sheet_names};
use crate::a1::{self, Area, Pos};
use crate::diag::{Diagnostic, Error, Location, Result, Severity};
use crate::model::{Document, Form};
use crate::msg;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, FormatPattern, Note,
    Url, Workbook, Worksheet, XlsxError,
};
use std::collections::BTreeMap;

/// The name of the first sheet, the list of findings.
pub const LIST_SHEET: &str = "问题清单";

/// Width of each column of the list, in Excel units.
const WIDTHS: [f64; 7] = [28.0, 18.0, 10.0, 26.0, 9.0, 60.0, 24.0];

/// Fill colours: Excel's own "bad", "neutral" and a pale blue.
const ERROR_FILL: Color = Color::RGB(0xFFC7CE);
const WARNING_FILL: Color = Color::RGB(0xFFEB9C);
const INFO_FILL: Color = Color::RGB(0xDDEBF7);

/// 错误, 警告, 提醒 (the diagnostic line's words).
pub fn severity_label(severity: Severity) -> String {
    match severity {
        Severity::Error => msg::diag::error_word(),
        Severity::Warning => msg::diag::warning_word(),
        Severity::Info => msg::diag::info_word(),
    }
}

fn fill(severity: Severity) -> Color {
    match severity {
        Severity::Error => ERROR_FILL,
        Severity::Warning => WARNING_FILL,
        Severity::Info => INFO_FILL,
    }
}

/// Where a finding stands in the report: its sheet and top-left cell in the copy.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placed {
    sheet: String,
    at: Pos,
}

/// The reviewer's workbook as xlsx bytes.
///
/// `origins[i]` is where form `i` of `doc` came from (file and sheet, as
/// [`crate::read::Inputs::origin`] gives it); a form with a [`Source`](crate::model::Source) may
/// be left out (`origins` shorter than the forms). Each finding belongs to the form whose origin
/// holds its location; findings of no form (an unreadable file) are listed without a link.
/// 申报表 and 自评表 are copied in the official layout; a 2020 目标表 has no layout yet and is
/// listed only. The bytes depend on the arguments only.
///
/// # Errors
/// [`Error::Write`] when a form does not fit the xlsx format (a text over 32,767 characters).
pub fn report_xlsx(
    doc: &Document,
    origins: &[Location],
    findings: &[Diagnostic],
) -> Result<Vec<u8>> {
    let fail = |message: String| Error::write(LIST_SHEET.to_string(), message);
    let copied: Vec<usize> = (0..doc.forms.len())
        .filter(|&i| !matches!(doc.forms[i], Form::Legacy2020(_)))
        .collect();
    let mut names = sheet_names(
        std::iter::once(LIST_SHEET).chain(copied.iter().map(|&i| sheet_title(&doc.forms[i]))),
    );
    names.remove(0);
    let sheet_of: BTreeMap<usize, &str> = copied
        .iter()
        .copied()
        .zip(names.iter().map(String::as_str))
        .collect();
    let styles = Styles::new();

    // Where each finding goes in the copy, and what each marked cell says.
    let mut copies: BTreeMap<usize, FieldCells> = BTreeMap::new();
    for &i in sheet_of.keys() {
        let cells = FieldCells::of(&doc.forms[i], &styles, LayoutChoice::Official)
            .map_err(|e| fail(crate::msg::write::cannot_build_workbook(&e)).because(e))?;
        copies.insert(i, cells);
    }
    let mut placed: Vec<Option<Placed>> = Vec::new();
    let mut marks: BTreeMap<usize, BTreeMap<Pos, Vec<&Diagnostic>>> = BTreeMap::new();
    for d in findings {
        let field = d.at.as_ref().and_then(|at| field_of(doc, origins, at));
        let spot = field.and_then(|(i, path)| {
            let copy = copies.get(&i)?;
            let at = copy.position(path.as_deref());
            marks.entry(i).or_default().entry(at).or_default().push(d);
            Some(Placed {
                sheet: sheet_of[&i].to_string(),
                at,
            })
        });
        placed.push(spot);
    }

    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 1, 1)
        .map_err(|e| fail(crate::msg::write::cannot_build_workbook(&e)).because(e))?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let list = workbook.add_worksheet();
    write_list(list, findings, &placed)
        .map_err(|e| fail(crate::msg::write::in_sheet(LIST_SHEET, &e)).because(e))?;
    for (&i, name) in &sheet_of {
        let in_sheet = |e: XlsxError| fail(crate::msg::write::in_sheet(name, &e)).because(e);
        let cell_marks = marks.remove(&i).unwrap_or_default();
        let fills = cell_marks
            .iter()
            .map(|(pos, ds)| (*pos, fill(worst(ds))))
            .collect();
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).map_err(in_sheet)?;
        paint(
            sheet,
            &doc.forms[i],
            &styles.with_marks(fills),
            LayoutChoice::Official,
        )
        .map_err(in_sheet)?;
        sheet.set_default_note_author("jixiao");
        for (pos, ds) in &cell_marks {
            let text = ds
                .iter()
                .map(|d| note_text(d))
                .collect::<Vec<_>>()
                .join("\n\n");
            let lines: usize = text.lines().map(|l| l.chars().count() / 22 + 1).sum();
            let note = Note::new(text)
                .add_author_prefix(false)
                .set_width(320)
                .set_height((lines as u32 * 17 + 12).min(600))
                .set_font_name(FONT);
            let col = u16::try_from(pos.1)
                .map_err(|_| fail(crate::msg::write::column_out_of_range(name)))?;
            sheet.insert_note(pos.0, col, &note).map_err(in_sheet)?;
        }
    }
    workbook
        .save_to_buffer()
        .map_err(|e| fail(crate::msg::write::cannot_build_workbook(&e)).because(e))
}

/// The most severe of a cell's findings.
fn worst(ds: &[&Diagnostic]) -> Severity {
    ds.iter()
        .map(|d| d.severity)
        .min()
        .unwrap_or(Severity::Info)
}

/// The sheet title of a form: its project, or its form title when blank.
fn sheet_title(form: &Form) -> &str {
    match form.project_name().trim() {
        "" => super::title(form),
        name => name,
    }
}

fn grid_area(a1: &str) -> Option<Area> {
    crate::a1::parse_area(a1)
}

/// The form a location belongs to: same file and sheet as its origin, and inside its area when
/// the form records one (several forms may share a sheet).
fn form_of(doc: &Document, origins: &[Location], at: &Location) -> Option<usize> {
    let inside = |i: usize| {
        let src = doc.forms[i].source();
        let origin_file = origins.get(i).map(|o| o.file.as_str());
        let origin_sheet = origins.get(i).and_then(|o| o.sheet.as_deref());
        let file = origin_file.or(src.map(|s| s.file.as_str()));
        let sheet = origin_sheet.or(src.map(|s| s.sheet.as_str()));
        if file != Some(at.file.as_str()) || sheet != at.sheet.as_deref() {
            return false;
        }
        let area = src.and_then(|s| grid_area(&s.range));
        let cell = at.cell.as_deref().and_then(grid_area);
        match (area, cell) {
            (Some(area), Some(cell)) => area.contains(cell.first),
            _ => true,
        }
    };
    (0..doc.forms.len()).find(|&i| inside(i))
}

/// The form a finding is about, and the field read at its location: the form whose flat-table
/// cell it is, else the form whose sheet holds it ([`form_of`]) with the field its
/// [`Source::cells`](crate::model::Source) records at that cell.
fn field_of(
    doc: &Document,
    origins: &[Location],
    at: &Location,
) -> Option<(usize, Option<String>)> {
    let from_table = doc.forms.iter().enumerate().find_map(|(i, form)| {
        let cells = &form.source()?.table_cells;
        let (path, _) = cells.iter().find(|(_, c)| Location::from(*c) == *at)?;
        Some((i, Some(path.clone())))
    });
    if from_table.is_some() {
        return from_table;
    }
    let i = form_of(doc, origins, at)?;
    let path = at.cell.as_deref().and_then(|cell| {
        let (path, _) = doc.forms[i]
            .source()?
            .cells
            .iter()
            .find(|(_, c)| c.as_str() == cell)?;
        Some(path.clone())
    });
    Some((i, path))
}

/// The cell note of one finding: severity and rule, message, expected/found, hint, original cell.
fn note_text(d: &Diagnostic) -> String {
    let summary = msg::rules::rule(&d.rule).map_or("", |r| r.summary());
    let mut text = format!(
        "{}\n{}",
        msg::review::report_rule(severity_label(d.severity), &d.rule, summary),
        d.message
    );
    let detail = detail(d);
    if !detail.is_empty() {
        text.push('\n');
        text.push_str(&detail);
    }
    if let Some(at) = &d.at {
        let place = match (&at.sheet, &at.cell) {
            (Some(s), Some(c)) => format!("{s}!{c}"),
            (Some(s), None) => s.clone(),
            // A CSV table's row and column: its file says which table.
            (None, Some(c)) => format!("{} {c}", file_name(&at.file)),
            (None, None) => at.file.clone(),
        };
        text.push('\n');
        text.push_str(&msg::review::report_original_at(place));
    }
    text
}

/// `应为 …；实为 …` and `建议：…`, each on its line.
fn detail(d: &Diagnostic) -> String {
    let mut lines = Vec::new();
    let found = match (&d.expected, &d.found) {
        (Some(e), Some(f)) => msg::diag::expected_found(e, f),
        (Some(e), None) => msg::diag::expected_only(e),
        (None, Some(f)) => msg::diag::found_only(f),
        (None, None) => String::new(),
    };
    if !found.is_empty() {
        lines.push(found.trim().to_string());
    }
    if let Some(h) = &d.hint {
        lines.push(msg::review::report_hint(h));
    }
    lines.join("\n")
}

/// The first sheet: title, counts, colour legend, then one row per finding under a filter.
fn write_list(
    sheet: &mut Worksheet,
    findings: &[Diagnostic],
    placed: &[Option<Placed>],
) -> std::result::Result<(), XlsxError> {
    sheet.set_name(LIST_SHEET)?;
    let base = Format::new()
        .set_font_name(FONT)
        .set_font_size(FONT_SIZE)
        .set_align(FormatAlign::VerticalCenter);
    let title = base.clone().set_font_size(14.0).set_bold();
    let cell = base
        .clone()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let header = cell
        .clone()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(0xD9D9D9))
        .set_pattern(FormatPattern::Solid);
    let filled = |color: Color| {
        cell.clone()
            .set_align(FormatAlign::Center)
            .set_background_color(color)
            .set_pattern(FormatPattern::Solid)
    };
    let link = cell
        .clone()
        .set_font_color(Color::RGB(0x0563C1))
        .set_underline(rust_xlsxwriter::FormatUnderline::Single);

    // 文件, 工作表 and 单元格 as wide as their longest entry (up to 40): a CSV place such as
    // `第 12 行「年度资金申请总额」列` or a long file name would wrap in the default width.
    let places: Vec<[String; 3]> = findings
        .iter()
        .map(|d| {
            let at = d.at.clone().unwrap_or_default();
            [
                file_name(&at.file),
                at.sheet.unwrap_or_default(),
                at.cell.unwrap_or_default(),
            ]
        })
        .collect();
    for (col, width) in (0..).zip(WIDTHS) {
        let widest = places
            .iter()
            .filter_map(|p| p.get(col as usize))
            .map(|t| text_width(t) as f64 + 2.0)
            .fold(width, f64::max);
        sheet.set_column_width(col, widest.min(40.0_f64.max(width)))?;
    }
    let headers = msg::review::report_headers();
    let headers: Vec<&str> = headers.split('|').collect();
    sheet.write_string_with_format(0, 0, msg::review::report_title(), &title)?;
    sheet.set_row_height(0, 24.0)?;
    let count = |s: Severity| findings.iter().filter(|d| d.severity == s).count();
    let summary = msg::review::report_summary(
        findings.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        headers.last().copied().unwrap_or(""),
    );
    sheet.write_string_with_format(1, 0, &summary, &base)?;
    sheet.write_string_with_format(
        2,
        0,
        msg::review::report_legend(),
        &base.clone().set_align(FormatAlign::Right),
    )?;
    for (col, s) in (1..).zip([Severity::Error, Severity::Warning, Severity::Info]) {
        sheet.write_string_with_format(2, col, severity_label(s), &filled(fill(s)))?;
    }

    const HEADER_ROW: u32 = 4;
    for (col, h) in (0..).zip(&headers) {
        sheet.write_string_with_format(HEADER_ROW, col, *h, &header)?;
    }
    for (row, (d, spot)) in (HEADER_ROW + 1..).zip(findings.iter().zip(placed)) {
        let at = d.at.clone().unwrap_or_default();
        sheet.write_string_with_format(row, 0, file_name(&at.file), &cell)?;
        sheet.write_string_with_format(row, 1, at.sheet.as_deref().unwrap_or(""), &cell)?;
        sheet.write_string_with_format(row, 2, at.cell.as_deref().unwrap_or(""), &cell)?;
        sheet.write_string_with_format(row, 3, &d.rule, &cell)?;
        sheet.write_string_with_format(
            row,
            4,
            severity_label(d.severity),
            &filled(fill(d.severity)),
        )?;
        let mut text = d.message.clone();
        let detail = detail(d);
        if !detail.is_empty() {
            text.push('\n');
            text.push_str(&detail);
        }
        sheet.write_string_with_format(row, 5, &text, &cell)?;
        let lines: usize = text
            .lines()
            .map(|l| text_width(l).div_ceil(WIDTHS[5] as usize - 2).max(1))
            .sum();
        sheet.set_row_height(row, (lines as f64 * 13.5 + 4.0).max(18.0))?;
        match spot {
            Some(p) => {
                let cell_name = a1::cell_name(p.at);
                let target = format!("'{}'!{cell_name}", p.sheet.replace('\'', "''"));
                let url = Url::new(format!("internal:{target}"))
                    .set_text(format!("{}!{cell_name}", p.sheet));
                sheet.write_url_with_format(row, 6, url, &link)?;
            }
            None => {
                sheet.write_string_with_format(row, 6, msg::review::report_not_copied(), &cell)?;
            }
        }
    }
    let last = HEADER_ROW + findings.len() as u32;
    sheet.autofilter(HEADER_ROW, 0, last, WIDTHS.len() as u16 - 1)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    Ok(())
}

/// A file's name without its folders: the reviewer's folders mean nothing to the office.
fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or(path.to_string(), |n| n.to_string_lossy().into_owned())
}

/// Width of a line in Excel units at 宋体 10: wide characters count two.
fn text_width(line: &str) -> usize {
    line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

//! An `.ods` workbook's `content.xml`, walked once before calamine reads it.
//!
//! calamine 0.38 reads content.xml with end-name checks off, and some of its loops never look
//! for the end of the file: `read_table` takes `Event::Eof` in its `Ok(_) => ()` arm, and so
//! does the loop that skips an `office:annotation` (ods.rs). A table whose end tag was cut off,
//! or swallowed by a cell read as text, spins forever; the tag counts can balance while the
//! nesting is broken. It also expands `<text:s text:c="N"/>` into N spaces and every repeated
//! cell into memory before any limit of ours could be checked.
//!
//! [`check`] walks the part with quick_xml, end names checked, to its end, and refuses:
//! - XML that is not well formed, or an element still open at the end. In well-formed XML each
//!   of calamine's loops meets the end tag it waits for, so none of them can spin;
//! - a table whose box from A1 to its farthest non-empty cell (repeats expanded, as calamine
//!   expands them) holds more than [`Limits::max_sheet_cells`] cells;
//! - a run of spaces (`text:c`) longer than [`Limits::max_text_chars`].
//!
//! It returns the cells that carry a comment (`office:annotation`, which calamine drops), for
//! the reader to report. The walk keeps no more than a few numbers per open element and per table; nesting deeper
//! than [`MAX_DEPTH`] (real content.xml is a dozen levels deep) is refused too.

use super::open::{Limits, over_limit};
use crate::a1::cell_name;
use crate::diag::{Error, Location, Result};
use crate::msg;
use quick_xml::Reader;
use quick_xml::errors::{Error as XmlError, IllFormedError};
use quick_xml::events::{BytesStart, Event};

/// Deeper nesting is refused (LibreOffice writes about 12 levels).
pub(super) const MAX_DEPTH: usize = 1000;
/// calamine's caps on a sheet (ods.rs `MAX_ROWS`, `MAX_COLUMNS`), which repeats are cut to.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// One table being walked: its name, the expanded rows so far and the farthest non-empty cell.
struct Table {
    name: String,
    rows: u64,
    /// The last row and column (0-based) holding a non-empty cell.
    far: Option<(u64, u64)>,
}

/// The row being walked: where it starts, how often it repeats, the next column and its
/// farthest non-empty column.
struct Row {
    start: u64,
    repeats: u64,
    col: u64,
    far_col: Option<u64>,
}

/// Checks `xml`, the part `part` of the workbook `shown`, as the module says; returns the
/// commented cells (`sheet!A1`).
///
/// # Errors
/// [`Error::At`] at the sheet and cell being read, naming the part, the line and column and the
/// element, when the XML is malformed; the error of [`over_limit`] at the sheet and cell when a limit is exceeded.
pub(super) fn check(xml: &[u8], shown: &str, part: &str, limits: &Limits) -> Result<Vec<String>> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    // Start offsets of the open elements, for the place of one left open.
    let mut open: Vec<u64> = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut row: Option<Row> = None;
    let mut cell_at = (0u64, 0u64);
    let mut commented = Vec::new();
    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at = place(shown, &tables, row.as_ref().map(|_| cell_at));
                return Err(malformed(xml, at, part, reader.error_position(), &e));
            }
        };
        let (start, empty) = match &event {
            Event::Start(s) => (Some(s), false),
            Event::Empty(s) => (Some(s), true),
            Event::End(_) => {
                open.pop();
                (None, false)
            }
            Event::Eof => {
                return match open.last() {
                    None => Ok(commented),
                    Some(&offset) => {
                        let (line, column) = line_column(xml, offset);
                        let element = name_at(xml, offset);
                        Err(Error::at(
                            place(shown, &tables, row.as_ref().map(|_| cell_at)),
                            msg::read::xml_unclosed(part, line, column, element),
                            msg::read::xml_damaged_hint(),
                        ))
                    }
                };
            }
            _ => (None, false),
        };
        let name = match &event {
            Event::Start(s) | Event::Empty(s) => s.name().as_ref().to_string(),
            Event::End(e) => e.name().as_ref().to_string(),
            _ => continue,
        };
        if let Some(s) = start {
            if !empty {
                open.push(before);
                if open.len() > MAX_DEPTH {
                    let (line, column) = line_column(xml, before);
                    return Err(Error::at(
                        place(shown, &tables, None),
                        msg::read::xml_too_deep(part, line, column, MAX_DEPTH),
                        msg::read::xml_damaged_hint(),
                    ));
                }
            }
            match name.as_str() {
                "table:table" => {
                    let name = attr(s, "table:name").unwrap_or_default();
                    tables.push(Table {
                        name,
                        rows: 0,
                        far: None,
                    });
                    if empty {
                        tables.pop();
                    }
                }
                "table:table-row" => {
                    if let Some(t) = tables.last_mut() {
                        let repeats = number(s, "table:number-rows-repeated")
                            .min(MAX_ROWS.saturating_sub(t.rows));
                        cell_at = (t.rows, 0);
                        row = Some(Row {
                            start: t.rows,
                            repeats,
                            col: 0,
                            far_col: None,
                        });
                        t.rows = t.rows.saturating_add(repeats);
                        if empty {
                            end_row(&mut tables, &mut row, shown, limits)?;
                        }
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some(r) = row.as_mut() {
                        let repeats = number(s, "table:number-columns-repeated")
                            .min(MAX_COLUMNS.saturating_sub(r.col));
                        cell_at = (r.start, r.col);
                        if repeats > 0 && holds_value(s) {
                            r.far_col = Some(r.col + repeats - 1);
                        }
                        r.col = r.col.saturating_add(repeats);
                    }
                }
                "office:annotation" if row.is_some() => {
                    let sheet = tables.last().map_or("", |t| t.name.as_str());
                    commented.push(format!("{sheet}!{}", cell_name(pos(cell_at))));
                }
                "text:s" => {
                    let spaces = number(s, "text:c");
                    if spaces > limits.max_text_chars as u64 {
                        let sheet = tables.last().map(|t| t.name.clone()).unwrap_or_default();
                        return Err(over_limit(
                            Location::cell(shown, sheet, cell_name(pos(cell_at))),
                            "单元格中连续空格的个数（text:c）",
                            spaces,
                            limits.max_text_chars as u64,
                            "JIXIAO_MAX_TEXT_CHARS",
                        ));
                    }
                }
                _ => {}
            }
        } else {
            match name.as_str() {
                "table:table-row" => end_row(&mut tables, &mut row, shown, limits)?,
                "table:table" => {
                    tables.pop();
                    row = None;
                }
                _ => {}
            }
        }
    }
}

/// Ends the row being walked: its non-empty cells, repeated, widen its table's box, which must
/// stay within [`Limits::max_sheet_cells`].
fn end_row(
    tables: &mut [Table],
    row: &mut Option<Row>,
    shown: &str,
    limits: &Limits,
) -> Result<()> {
    let (Some(r), Some(t)) = (row.take(), tables.last_mut()) else {
        return Ok(());
    };
    let Some(far_col) = r.far_col else {
        return Ok(());
    };
    if r.repeats == 0 {
        return Ok(());
    }
    let last_row = r.start + r.repeats - 1;
    let far = match t.far {
        Some((row, col)) => (row.max(last_row), col.max(far_col)),
        None => (last_row, far_col),
    };
    t.far = Some(far);
    let size = (far.0 + 1).saturating_mul(far.1 + 1);
    if size > limits.max_sheet_cells {
        let cell = cell_name(pos(far));
        return Err(over_limit(
            Location::cell(shown, t.name.clone(), cell.clone()),
            &format!("工作表范围（A1:{cell}，行×列）"),
            size,
            limits.max_sheet_cells,
            "JIXIAO_MAX_SHEET_CELLS",
        ));
    }
    Ok(())
}

/// A 0-based (row, column) within calamine's caps, as a cell position.
fn pos((row, col): (u64, u64)) -> (u32, u32) {
    (
        u32::try_from(row).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

/// Whether calamine keeps the cell as non-empty: it has a value, a formula, or text content.
fn holds_value(s: &BytesStart<'_>) -> bool {
    s.attributes().flatten().any(|a| {
        matches!(
            a.key.as_ref(),
            "office:value"
                | "office:string-value"
                | "office:date-value"
                | "office:time-value"
                | "office:boolean-value"
                | "table:formula"
                | "office:value-type"
                | "calcext:value-type"
        )
    })
}

fn attr(s: &BytesStart<'_>, key: &str) -> Option<String> {
    s.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// A count attribute; 1 when absent. One that does not parse is left to calamine, which
/// refuses it.
fn number(s: &BytesStart<'_>, key: &str) -> u64 {
    attr(s, key)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
}

/// The 1-based line and column (in characters) of byte `offset`.
fn line_column(xml: &[u8], offset: u64) -> (usize, usize) {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX).min(xml.len());
    let before = &xml[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// The name of the element whose start tag begins at `offset`.
fn name_at(xml: &[u8], offset: u64) -> String {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX).min(xml.len());
    let rest = xml[offset..].strip_prefix(b"<").unwrap_or(&xml[offset..]);
    let end = rest
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        .unwrap_or(rest.len())
        .min(200);
    String::from_utf8_lossy(&rest[..end]).into_owned()
}

/// Where the walk is, for an error: the file, the sheet being read and the cell last begun.
fn place(shown: &str, tables: &[Table], cell: Option<(u64, u64)>) -> Location {
    Location {
        file: shown.to_string(),
        sheet: tables.last().map(|t| t.name.clone()),
        cell: cell.map(|c| cell_name(pos(c))),
    }
}

/// The error at `at` for XML that quick_xml cannot read at `offset`.
fn malformed(xml: &[u8], at: Location, part: &str, offset: u64, e: &XmlError) -> Error {
    let (line, column) = line_column(xml, offset);
    let message = match e {
        XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            msg::read::xml_mismatched(part, line, column, expected, found)
        }
        XmlError::IllFormed(IllFormedError::UnmatchedEndTag(found)) => {
            msg::read::xml_unmatched(part, line, column, found)
        }
        other => msg::read::xml_syntax(part, line, column, other),
    };
    Error::at(at, message, msg::read::xml_damaged_hint()).because(e.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="表1">"#;
    const TAIL: &str =
        "</table:table></office:spreadsheet></office:body></office:document-content>";

    fn run(xml: &str) -> Result<Vec<String>> {
        msg::with_lang(msg::Lang::Zh, || {
            check(xml.as_bytes(), "x.ods", "content.xml", &Limits::default())
        })
    }

    fn row(cells: &str) -> String {
        format!("<table:table-row>{cells}</table:table-row>")
    }

    const TEXT: &str = r#"<table:table-cell office:value-type="string"><text:p>项目名称</text:p></table:table-cell>"#;

    #[test]
    fn a_well_formed_table_passes() {
        run(&format!("{HEAD}{}{TAIL}", row(TEXT))).unwrap();
    }

    /// The shape calamine spins on: the table's end tag inside a cell read as text, so the tag
    /// counts balance but the table never ends for calamine.
    #[test]
    fn a_table_end_inside_a_cell_is_refused_at_its_place() {
        let swallowed = r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table></table:table-cell>"#;
        let xml = format!(
            "{HEAD}{}{}</table:table-row></office:spreadsheet></office:body></office:document-content>",
            row(TEXT),
            &format!("<table:table-row>{swallowed}")
        );
        let e = run(&xml).unwrap_err().to_string();
        assert!(e.starts_with("x.ods: 表1!A2: "), "{e}");
        assert!(e.contains("content.xml 第 1 行第 "), "{e}");
        assert!(e.contains("</table:table>"), "{e}");
        assert!(e.contains("<table:table-cell>"), "{e}");
    }

    #[test]
    fn a_cut_off_table_names_the_element_left_open() {
        let xml = format!("{HEAD}\n{}<table:table-row>{TEXT}", row(TEXT));
        let e = run(&xml).unwrap_err().to_string();
        assert!(e.contains("第 2 行第 "), "{e}");
        assert!(e.contains("<table:table-row>"), "{e}");
        assert!(e.contains("没有结束"), "{e}");
    }

    #[test]
    fn an_annotation_left_open_is_refused() {
        let cell = r#"<table:table-cell office:value-type="string"><office:annotation><text:p>批注</text:p></table:table-cell>"#;
        let e = run(&format!("{HEAD}{}{TAIL}", row(cell)))
            .unwrap_err()
            .to_string();
        assert!(e.contains("<office:annotation>"), "{e}");
    }

    #[test]
    fn repeated_cells_are_counted_as_calamine_expands_them() {
        let wide = r#"<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>"#;
        let tall = format!(
            r#"<table:table-row table:number-rows-repeated="1000">{wide}</table:table-row>"#
        );
        let e = run(&format!("{HEAD}{tall}{TAIL}")).unwrap_err().to_string();
        assert!(e.contains("x.ods: 表1!XFD1000"), "{e}");
        assert!(e.contains("JIXIAO_MAX_SHEET_CELLS"), "{e}");
        // Empty repeated cells and rows (LibreOffice writes them to the sheet's end) are free.
        let blank = r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;
        run(&format!("{HEAD}{}{blank}{TAIL}", row(TEXT))).unwrap();
    }

    #[test]
    fn a_long_run_of_spaces_is_refused_at_its_cell() {
        let cell = r#"<table:table-cell/><table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"/>b</text:p></table:table-cell>"#;
        let e = run(&format!("{HEAD}{}{}{TAIL}", row(TEXT), row(cell)))
            .unwrap_err()
            .to_string();
        assert!(e.contains("x.ods: 表1!B2"), "{e}");
        assert!(e.contains("JIXIAO_MAX_TEXT_CHARS"), "{e}");
    }

    #[test]
    fn commented_cells_are_listed() {
        let cell = r#"<table:table-cell/><table:table-cell office:value-type="string"><office:annotation><text:p>批注</text:p></office:annotation><text:p>x</text:p></table:table-cell>"#;
        let found = run(&format!("{HEAD}{}{}{TAIL}", row(TEXT), row(cell))).unwrap();
        assert_eq!(found, ["表1!B2"]);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let xml = "<a>".repeat(MAX_DEPTH + 1);
        let e = run(&xml).unwrap_err().to_string();
        assert!(e.contains("1000"), "{e}");
    }
}

//! Sheets of the input that hold no form (a 汇总 of the office's own making), written again
//! beside the forms `score` fills: texts and numbers as they were, merged areas kept, and
//! formulas kept as formulas, their references to a form's cell pointing where that field now
//! stands in the official layout (`='机关服务费'!H23` of a 9-column 自评表 becomes
//! `='机关服务费'!G23`).
//!
//! Cached results: a formula is written with an empty result, so that LibreOffice computes it
//! on opening (it keeps a cached number as it is), and rust_xlsxwriter flags the workbook for a
//! full calculation on load, which Excel and WPS follow: every program shows current values.
//! Cell styles and column widths of the original are not carried (the reader keeps none).

use super::{FieldCells, LayoutChoice, styles::Styles};
use crate::a1::{self, Pos};
use crate::grid::{Cell, Grid};
use crate::model::Form;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError};
use std::collections::HashMap;

/// Where the forms' fields stand in the written workbook, found once per form.
pub(crate) struct Places<'a> {
    forms: &'a [&'a Form],
    sheets: &'a [String],
    styles: &'a Styles,
    choice: LayoutChoice,
    cells: HashMap<usize, Option<FieldCells>>,
}

impl<'a> Places<'a> {
    pub(crate) fn new(
        forms: &'a [&'a Form],
        sheets: &'a [String],
        styles: &'a Styles,
        choice: LayoutChoice,
    ) -> Self {
        Places {
            forms,
            sheets,
            styles,
            choice,
            cells: HashMap::new(),
        }
    }

    /// The written sheet and cell of `cell` on the input sheet `sheet` of `file`: the field read
    /// there (the smallest area holding it), where it now stands; the same cell when no field
    /// was read there. `None` when no form was read from that sheet.
    fn map(&mut self, file: &str, sheet: &str, cell: &str) -> Option<(String, String)> {
        let k = self.forms.iter().position(|f| {
            f.source()
                .is_some_and(|s| s.file == file && s.sheet == sheet)
        })?;
        let out_sheet = self.sheets.get(k)?.clone();
        let pos = a1::parse_area(cell)?.first;
        let src = self.forms[k].source()?;
        let path = src
            .cells
            .iter()
            .filter_map(|(path, a)| Some((path, a1::parse_area(a)?)))
            .filter(|(_, area)| area.contains(pos))
            .min_by_key(|(_, area)| {
                (area.last.0 - area.first.0 + 1) * (area.last.1 - area.first.1 + 1)
            })
            .map(|(path, _)| path.clone());
        let Some(path) = path else {
            return Some((out_sheet, cell.to_string()));
        };
        let (forms, styles, choice) = (self.forms, self.styles, self.choice);
        let cells = self
            .cells
            .entry(k)
            .or_insert_with(|| FieldCells::of(forms[k], styles, choice).ok());
        let at = cells.as_ref()?.position(Some(&path));
        Some((out_sheet, a1::cell_name(at)))
    }
}

/// Writes `grid` as the sheet `name`.
pub(crate) fn write(
    sheet: &mut Worksheet,
    name: &str,
    grid: &Grid,
    places: &mut Places,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    // An empty cached result makes LibreOffice compute the formula on opening (a `0` it keeps).
    sheet.set_formula_result_default("");
    for area in grid.merges() {
        let (r0, c0, r1, c1) = (
            area.first.0,
            col(area.first.1)?,
            area.last.0,
            col(area.last.1)?,
        );
        if (r0, c0) != (r1, c1) {
            sheet.merge_range(r0, c0, r1, c1, "", &styles.text)?;
        }
    }
    let mut widths: HashMap<u16, f64> = HashMap::new();
    // Formulas with a cached value are the grid's formulas; one without stands as its cell.
    let mut formulas: Vec<(Pos, &str)> = grid.formulas().collect();
    for (pos, cell) in grid.cells() {
        if let Cell::Formula(f) = cell {
            formulas.push((pos, f));
            continue;
        }
        if grid.formula_at(pos).is_some() {
            continue;
        }
        let (r, c) = (pos.0, col(pos.1)?);
        match cell {
            Cell::Number { value, .. } => {
                sheet.write_number_with_format(r, c, *value, &styles.text)?;
            }
            other => {
                let text = other.text();
                let width = text
                    .chars()
                    .map(|ch| if ch.is_ascii() { 1.1 } else { 2.1 })
                    .sum::<f64>();
                let w = widths.entry(c).or_insert(8.0);
                *w = w.max(width + 2.0).min(40.0);
                sheet.write_string_with_format(r, c, &text, &styles.text)?;
            }
        }
    }
    formulas.sort();
    for (pos, formula) in formulas {
        let text = rewrite(formula, |s, c| places.map(&grid.file, s, c));
        let text = if text.starts_with('=') {
            text
        } else {
            format!("={text}")
        };
        let w = widths.entry(col(pos.1)?).or_insert(8.0);
        *w = w.max(12.0);
        sheet.write_formula_with_format(pos.0, col(pos.1)?, Formula::new(text), &styles.text)?;
    }
    for (c, w) in widths {
        sheet.set_column_width(c, w)?;
    }
    Ok(())
}

fn col(c: u32) -> Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::ParameterError(format!("column {c}")))
}

/// `formula` with every reference `Sheet!A1` (or `'Sheet name'!A1:B2`) that `map` knows
/// replaced by the sheet and cells it gives; text in double quotes is left alone.
pub(crate) fn rewrite(
    formula: &str,
    mut map: impl FnMut(&str, &str) -> Option<(String, String)>,
) -> String {
    let chars: Vec<char> = formula.chars().collect();
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            let start = i;
            i += 1;
            while i < chars.len() {
                if chars[i] == '"' {
                    if chars.get(i + 1) == Some(&'"') {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
            out.extend(&chars[start..i]);
            continue;
        }
        let (name, after) = if c == '\'' {
            let mut j = i + 1;
            let mut name = String::new();
            while let Some(&ch) = chars.get(j) {
                j += 1;
                if ch == '\'' {
                    if chars.get(j) == Some(&'\'') {
                        name.push('\'');
                        j += 1;
                        continue;
                    }
                    break;
                }
                name.push(ch);
            }
            (name, j)
        } else if is_name(c) && (i == 0 || !is_name(chars[i - 1])) {
            let mut j = i;
            while j < chars.len() && is_name(chars[j]) {
                j += 1;
            }
            (chars[i..j].iter().collect(), j)
        } else {
            out.push(c);
            i += 1;
            continue;
        };
        if chars.get(after) != Some(&'!') {
            out.extend(&chars[i..after]);
            i = after;
            continue;
        }
        let mut j = after + 1;
        while j < chars.len()
            && (chars[j].is_ascii_alphanumeric() || chars[j] == '$' || chars[j] == ':')
        {
            j += 1;
        }
        let reference: String = chars[after + 1..j].iter().collect();
        let mapped: Option<Vec<(String, String)>> = reference
            .split(':')
            .map(|part| map(&name, &part.replace('$', "")))
            .collect();
        match mapped {
            Some(m) if !m.is_empty() => {
                out.push_str(&format!("'{}'!", m[0].0.replace('\'', "''")));
                let cells: Vec<&str> = m.iter().map(|(_, c)| c.as_str()).collect();
                out.push_str(&cells.join(":"));
            }
            _ => out.extend(&chars[i..j]),
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn rewrites_references_to_known_sheets_only() {
        let map = |s: &str, c: &str| {
            (s == "机关服务费").then(|| ("机关服务费".to_string(), format!("{c}x")))
        };
        assert_eq!(
            rewrite("='机关服务费'!H23+机关服务费!$A$1+其他!B2", map),
            "='机关服务费'!H23x+'机关服务费'!A1x+其他!B2"
        );
        assert_eq!(
            rewrite("=SUM(B2:B6)&\"机关服务费!A1\"", map),
            "=SUM(B2:B6)&\"机关服务费!A1\""
        );
    }
}

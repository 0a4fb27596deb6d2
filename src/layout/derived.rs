//! A layout derived from a form's own grid, for a form printed in none of the layouts of
//! [`super::sheets`] (a provincial grid, issue 11): the reader records the grid it found
//! ([`derive`]: labels, merges, and the fields' cells printed otherwise than their values), and
//! `--layout source` paints it back cell for cell (`crate::write::derived`), each field's value
//! taken from the form at the cell it was read from ([`crate::model::Source::cells`]).
//!
//! Fields are named by their paths; [`Values::shown`] gives a field's value as a cell shows
//! it, the same for the reader (which records where the printed text differs) and the writer.

use crate::a1::{self, Area, Pos};
use crate::grid::Grid;
use crate::model::field::{
    self, DeclarationAmount, DeclarationText, MediumAmount, MediumText, SelfEvaluationFigure,
    SelfEvaluationText,
};
use crate::model::{DerivedLayout, Form, FundsRow, PrintedValue, Source};
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// The indicator lists an indicator table prints: the 年度 side, then the 88号 中期 side.
pub const LISTS: [&str; 2] = [field::INDICATORS, field::MEDIUM_INDICATORS];

/// A field's value as a cell shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// Text, as held.
    Text(String),
    /// An amount or figure, printed with its own decimals.
    Number(Decimal),
}

impl Shown {
    /// The text the cell shows (`5.00` for the amount 5.00).
    pub fn text(&self) -> String {
        match self {
            Shown::Text(t) => t.clone(),
            Shown::Number(d) => d.to_string(),
        }
    }
}

/// `(list, index, part)` of a path in an indicator list: `indicators[3].target` →
/// `("indicators", 3, "target")`; the part is empty for the row itself (`indicators[3]`).
pub fn indicator_path(path: &str) -> Option<(usize, usize, &str)> {
    LISTS.iter().enumerate().find_map(|(l, list)| {
        let rest = path.strip_prefix(list)?.strip_prefix('[')?;
        let (index, rest) = rest.split_once(']')?;
        let part = match rest {
            "" => "",
            _ => rest.strip_prefix('.')?,
        };
        Some((l, index.parse().ok()?, part))
    })
}

/// The column a part names when it is an extra column of the table (`extra[1]` → 1).
pub fn extra_index(part: &str) -> Option<usize> {
    part.strip_prefix("extra[")?.strip_suffix(']')?.parse().ok()
}

/// Whether the field at `path`, one the typed names do not cover, holds a figure: a column of
/// the 自评表 funds grid (`funds.extra_rows[0].rate`).
fn holds_number(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    path.starts_with("funds.") && FundsRow::COLUMNS.contains(&last)
}

/// A form's values by path, as cells show them ([`Values::shown`]).
pub struct Values<'f> {
    form: &'f Form,
    /// The form as JSON, made the first time a path is not one of the common ones.
    json: std::cell::OnceCell<Value>,
}

impl<'f> Values<'f> {
    pub fn new(form: &'f Form) -> Self {
        Values {
            form,
            json: std::cell::OnceCell::new(),
        }
    }

    /// The value at `path` as a cell shows it; `None` when the form has no such field (a note
    /// it no longer holds). An indicator's value shows its text as printed (`≥90%`), a 自评表
    /// 一级 its weight (`产出指标(50分)`). The common fields are looked up by their typed names
    /// (every form read asks for each of its cells), the others in the form's JSON ([`shown`]).
    pub fn shown(&self, path: &str) -> Option<Shown> {
        match typed(self.form, path) {
            Some(found) => found,
            None => {
                let json = self
                    .json
                    .get_or_init(|| serde_json::to_value(self.form).unwrap_or_default());
                shown(json, path)
            }
        }
    }
}

/// [`Values::shown`] by typed names: `None` for a path it does not know, `Some(None)` for a
/// known kind of field the form does not hold (an indicator or note past its last).
fn typed(form: &Form, path: &str) -> Option<Option<Shown>> {
    let text = |t: &str| Some(Some(Shown::Text(t.to_string())));
    let amount = |a: Option<Decimal>| {
        Some(Some(match a {
            Some(d) => Shown::Number(d),
            None => Shown::Text(String::new()),
        }))
    };
    let figure = |f: &crate::model::Figure| {
        Some(Some(match f {
            crate::model::Figure::Number(d) => Shown::Number(*d),
            other => Shown::Text(other.to_string()),
        }))
    };
    if path == field::YEAR {
        return text(&form.year().map(|y| y.to_string()).unwrap_or_default());
    }
    if let Some(rest) = path.strip_prefix("notes[") {
        let (i, part) = rest.split_once("].")?;
        let notes = match form {
            Form::Declaration(d) => &d.notes,
            Form::SelfEvaluation(s) => &s.notes,
            Form::Legacy2020(_) => return None,
        };
        let Some(note) = notes.get(i.parse::<usize>().ok()?) else {
            return Some(None);
        };
        return match part {
            "label" => text(&note.label),
            "text" => text(&note.text),
            _ => None,
        };
    }
    if let Some((l, i, part)) = indicator_path(path) {
        if part.is_empty() || extra_index(part).is_some() {
            return None;
        }
        return match form {
            Form::Declaration(d) => {
                let list = match l {
                    0 => &d.indicators,
                    _ => &d.medium_term.as_ref()?.indicators,
                };
                let Some(row) = list.get(i) else {
                    return Some(None);
                };
                match part {
                    "level1" => text(&row.level1),
                    "level2" => text(&row.level2),
                    "name" => text(&row.name),
                    "target" => text(&row.target.raw),
                    _ => None,
                }
            }
            Form::SelfEvaluation(s) if l == 0 => {
                let Some(row) = s.indicators.get(i) else {
                    return Some(None);
                };
                match part {
                    "level1" => text(&row.level1_label()),
                    "level2" => text(&row.level2),
                    "name" => text(&row.name),
                    "target" => text(&row.target.raw),
                    "actual" => text(&row.actual.raw),
                    "weight" => figure(&row.weight),
                    "score" => figure(&row.score),
                    "deviation_reason" => text(&row.deviation_reason),
                    _ => None,
                }
            }
            _ => None,
        };
    }
    match form {
        Form::Declaration(d) => {
            if let Some(id) = DeclarationText::from_path(path) {
                return text(d.text(id).unwrap_or_default());
            }
            if let Some(id) = DeclarationAmount::from_path(path) {
                return amount(*id.get(&d.funds));
            }
            let medium = d.medium_term.as_ref();
            if let Some(id) = MediumText::from_path(path) {
                return text(medium.map_or("", |m| id.get(m)));
            }
            if let Some(id) = MediumAmount::from_path(path) {
                return amount(medium.and_then(|m| *id.get(m)));
            }
            None
        }
        Form::SelfEvaluation(s) => {
            if let Some(id) = SelfEvaluationText::from_path(path) {
                return text(id.get(s));
            }
            if let Some(id) = SelfEvaluationFigure::from_path(path) {
                return figure(id.get(s));
            }
            let (row, column) = path.strip_prefix("funds.")?.split_once('.')?;
            let (_, figures) = s.funds.rows().into_iter().find(|(name, _)| *name == row)?;
            let (_, value) = figures.columns().into_iter().find(|(c, _)| *c == column)?;
            figure(&value)
        }
        Form::Legacy2020(_) => None,
    }
}

/// The value at `path` of a form (as its JSON, `form`) as a cell shows it: for the paths
/// [`Values::shown`] has no typed name for. The figures of an extra 自评表 funds row stand
/// under its `row`.
pub fn shown(form: &Value, path: &str) -> Option<Shown> {
    let mut value = form;
    for segment in path.split('.') {
        let (key, index) = match segment.split_once('[') {
            Some((key, rest)) => (key, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
            None => (segment, None),
        };
        value = match value.get(key) {
            Some(v) => v,
            None => value.get("row")?.get(key)?,
        };
        if let Some(i) = index {
            value = value.get(i)?;
        }
    }
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Object(o) => o
            .get("raw")
            .or_else(|| o.get("text"))?
            .as_str()?
            .to_string(),
        Value::Array(_) => return None,
    };
    match text.parse::<Decimal>() {
        Ok(d) if holds_number(path) => Some(Shown::Number(d)),
        _ => Some(Shown::Text(text)),
    }
}

/// The rows `(first, last)` of a form's area (`A3:H20`).
pub fn rows_of(source: &Source) -> Option<(u32, u32)> {
    a1::parse_area(&source.range).map(|a| (a.first.0, a.last.0))
}

/// The layout of the form `form` as `grid` prints it, in the rows of its `source`, its title at
/// `title`: every non-empty cell that is no field's is a label; the merges in those rows; and
/// each field whose cell shows more or other than its value, with the cell's text.
pub fn derive(grid: &Grid, form: &Form, source: &Source, title: Pos) -> DerivedLayout {
    let Some(rows) = rows_of(source) else {
        return DerivedLayout::default();
    };
    let values = Values::new(form);
    let mut fields: HashSet<Pos, crate::grid::FxBuild> = HashSet::default();
    let mut printed = BTreeMap::new();
    for (path, at) in &source.cells {
        let part = indicator_path(path).map(|(_, _, part)| part);
        if part == Some("") {
            // The row of an indicator: its cells are its parts'.
            continue;
        }
        // The field's top-left cell.
        let first = at.split_once(':').map_or(at.as_str(), |(first, _)| first);
        let Some(Area { first, .. }) = a1::parse_area(first) else {
            continue;
        };
        let text = grid.text_str(first);
        if part.is_some_and(|p| extra_index(p).is_some()) {
            // An extra cell holds its text as printed.
            fields.insert(first);
            continue;
        }
        let Some(value) = values.shown(path) else {
            continue;
        };
        fields.insert(first);
        let read = value.text();
        if read != text {
            let text = text.to_string();
            printed.insert(path.clone(), PrintedValue { text, read });
        }
    }
    let labels = grid
        .positions_in_rows(rows)
        .iter()
        .filter(|&&p| !fields.contains(&p) && !grid.text_str(p).is_empty())
        .filter(|&&p| grid.area(p).first == p)
        .map(|&p| (a1::cell_name(p), grid.text(p)))
        .collect();
    let mut merges: Vec<Area> = grid
        .merges()
        .iter()
        .filter(|m| m.first.0 >= rows.0 && m.last.0 <= rows.1)
        .copied()
        .collect();
    // In reading order, whatever order the file listed them in.
    merges.sort_by_key(|m| m.first);
    let columns = grid
        .positions_in_rows(rows)
        .iter()
        .map(|p| p.1)
        .chain(merges.iter().map(|m| m.last.1))
        .max()
        .map_or(0, |c| c + 1);
    DerivedLayout {
        columns,
        title: a1::cell_name(title),
        labels,
        merges: merges.iter().map(Area::name).collect(),
        printed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_indicator_paths() {
        assert_eq!(
            indicator_path("indicators[3].target"),
            Some((0, 3, "target"))
        );
        assert_eq!(indicator_path("indicators[12]"), Some((0, 12, "")));
        assert_eq!(
            indicator_path("medium_term.indicators[0].extra[1]"),
            Some((1, 0, "extra[1]"))
        );
        assert_eq!(indicator_path("notes[0].text"), None);
        assert_eq!(indicator_path("indicators"), None);
        assert_eq!(extra_index("extra[1]"), Some(1));
    }

    #[test]
    fn shows_values_as_cells_do() {
        let form = serde_json::json!({
            "year": 2025,
            "funds": {"annual_total": "5.00", "extra_rows": [{"label": "单位资金", "row": {"rate": "0.00"}}]},
            "indicators": [{"level1": "产出指标", "level1_weight": "50", "target": {"raw": "≥70村"}}],
            "notes": [{"label": "", "text": "注"}],
        });
        let shown = |p| shown(&form, p);
        assert_eq!(shown("year"), Some(Shown::Text("2025".into())));
        assert_eq!(shown("funds.annual_total").unwrap().text(), "5.00");
        assert_eq!(
            shown("funds.extra_rows[0].rate"),
            Some(Shown::Number(Decimal::new(0, 2)))
        );
        assert_eq!(
            shown("funds.extra_rows[0].label"),
            Some(Shown::Text("单位资金".into()))
        );
        assert_eq!(
            shown("indicators[0].target"),
            Some(Shown::Text("≥70村".into()))
        );
        assert_eq!(shown("notes[1].text"), None);
        assert_eq!(shown("notes[0].text"), Some(Shown::Text("注".into())));
    }

    #[test]
    fn typed_names_show_values_as_cells_do() {
        use crate::model::{EvaluatedIndicator, Figure, SelfEvaluation};
        let mut s = SelfEvaluation {
            year: Some(2023),
            ..SelfEvaluation::default()
        };
        s.indicators.push(EvaluatedIndicator {
            level1: "产出指标".into(),
            level1_weight: Some(Decimal::new(50, 0)),
            weight: Figure::Number(Decimal::new(800, 2)),
            ..EvaluatedIndicator::default()
        });
        s.funds.total.rate = Figure::Number(Decimal::new(8935, 2));
        let form = Form::SelfEvaluation(s);
        let v = Values::new(&form);
        let text = |p| v.shown(p).map(|s| s.text());
        assert_eq!(
            text("indicators[0].level1").as_deref(),
            Some("产出指标(50分)")
        );
        assert_eq!(
            v.shown("indicators[0].weight"),
            Some(Shown::Number(Decimal::new(800, 2)))
        );
        assert_eq!(text("funds.total.rate").as_deref(), Some("89.35"));
        assert_eq!(text("funds.total.score").as_deref(), Some(""));
        assert_eq!(text("year").as_deref(), Some("2023"));
        // A row or note the form does not hold; a path through the JSON.
        assert_eq!(v.shown("indicators[1].name"), None);
        assert_eq!(v.shown("notes[0].text"), None);
        assert_eq!(v.shown("funds.extra_rows[0].label"), None);
    }
}

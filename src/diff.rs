//! What changed between two sets of forms: form by form, the fields and indicator cells that
//! differ, so a reviewer sees what a correction round did.
//!
//! Forms are matched by (表种, 年度, 项目名称), in order when a key repeats. Fields are compared
//! through the model's JSON form, so a field added to the model is compared without a change
//! here; numbers compare by value (`14` equals `14.00`), text exactly. Indicator rows are
//! aligned by (一级, 二级, 三级) like lines in a text diff: rows that match are compared cell by
//! cell, and unmatched rows between two matches are paired in order as edited rows, the rest
//! reported as added or removed. Where the NEW form records the cell a field came from
//! ([`Source::cells`]), the change points at it.

use crate::diag::Location;
use crate::layout::{self, Field};
use crate::model::field::{FieldId, SelfEvaluationText};
use crate::model::{Document, Form, FundsRow, SelfEvaluationFunds, Source};
use rust_decimal::Decimal;
use serde_json::Value;
use std::fmt;

/// The differences of one form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormDiff {
    /// 表种: 申报表, 自评表, 目标表.
    pub kind: &'static str,
    pub year: Option<i32>,
    pub project: String,
    pub status: FormStatus,
    pub changes: Vec<Change>,
}

/// Whether the form is on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormStatus {
    /// Only in NEW.
    Added,
    /// Only in OLD.
    Removed,
    /// On both sides, with `changes`.
    Changed,
}

/// One field or indicator row that differs.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The field's path in the model (`funds.annual_total`, `indicators[3].target`); indicator
    /// paths use the NEW row's index (the OLD one for a removed row).
    pub path: String,
    /// The label the form prints for the field, when it has one.
    pub label: Option<String>,
    pub what: ChangeKind,
    /// The NEW side's cell, where its reader recorded one.
    pub at: Option<Location>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    Changed {
        old: String,
        new: String,
    },
    /// An indicator row only in NEW, shown as `一级 / 二级 / 三级 = 指标值`.
    Added(String),
    /// An indicator row only in OLD.
    Removed(String),
}

/// Compares two documents form by form; forms without differences are left out.
pub fn diff(old: &Document, new: &Document) -> Vec<FormDiff> {
    let mut out = Vec::new();
    let mut taken = vec![false; new.forms.len()];
    for o in &old.forms {
        let partner = new
            .forms
            .iter()
            .enumerate()
            .position(|(i, n)| !taken[i] && key(n) == key(o));
        match partner {
            Some(i) => {
                taken[i] = true;
                let changes = form_changes(o, &new.forms[i]);
                if !changes.is_empty() {
                    out.push(form_diff(o, FormStatus::Changed, changes));
                }
            }
            None => out.push(form_diff(o, FormStatus::Removed, Vec::new())),
        }
    }
    for (n, taken) in new.forms.iter().zip(taken) {
        if !taken {
            out.push(form_diff(n, FormStatus::Added, Vec::new()));
        }
    }
    out
}

fn key(form: &Form) -> (&'static str, Option<i32>, &str) {
    (form.kind_label(), form.year(), form.project_name())
}

fn form_diff(form: &Form, status: FormStatus, changes: Vec<Change>) -> FormDiff {
    FormDiff {
        kind: form.kind_label(),
        year: form.year(),
        project: form.project_name().to_string(),
        status,
        changes,
    }
}

/// The form as JSON fields, without where it came from.
fn fields(form: &Form) -> serde_json::Map<String, Value> {
    let mut form = form.clone();
    *form.source_mut() = None;
    match serde_json::to_value(&form) {
        Ok(Value::Object(map)) => map,
        _ => unreachable!("a form always serialises to an object"),
    }
}

fn form_changes(old: &Form, new: &Form) -> Vec<Change> {
    let source = new.source();
    let at = |path: &str| -> Option<Location> {
        let s = source?;
        let cell = s.cell(path)?;
        Some(Location::cell(&s.file, &s.sheet, cell))
    };
    let (o, n) = (fields(old), fields(new));
    let mut changes = Vec::new();
    let names: Vec<&String> = o
        .keys()
        .chain(n.keys().filter(|k| !o.contains_key(*k)))
        .collect();
    for name in names {
        let (ov, nv) = (
            o.get(name).unwrap_or(&Value::Null),
            n.get(name).unwrap_or(&Value::Null),
        );
        if name == "indicators" {
            indicator_changes(ov, nv, source, &mut changes);
        } else {
            value_changes(name, ov, nv, &mut changes);
        }
    }
    for c in &mut changes {
        if c.at.is_none() {
            c.at = at(&c.path);
        }
        c.label = label(&c.path);
    }
    changes
}

/// Compares two JSON values below `path`, recursing into objects; an indicator value
/// (an object with `raw`) is compared as one cell.
fn value_changes(path: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b))
            if !a.contains_key("raw") && !b.contains_key("raw") =>
        {
            for k in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                let (x, y) = (
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                );
                value_changes(&format!("{path}.{k}"), x, y, out);
            }
        }
        _ if same(old, new) => {}
        _ => out.push(Change {
            path: path.to_string(),
            label: None,
            what: ChangeKind::Changed {
                old: show(old),
                new: show(new),
            },
            at: None,
        }),
    }
}

/// Equal as printed: text exactly, numbers by value, indicator values by their whole record.
fn same(a: &Value, b: &Value) -> bool {
    if a == b {
        return true;
    }
    match (a, b) {
        (Value::String(x), Value::String(y)) => {
            match (x.parse::<Decimal>(), y.parse::<Decimal>()) {
                (Ok(x), Ok(y)) => x == y,
                _ => false,
            }
        }
        (Value::Number(x), Value::String(y)) | (Value::String(y), Value::Number(x)) => {
            x.to_string().parse::<Decimal>().ok() == y.parse::<Decimal>().ok()
        }
        _ => false,
    }
}

/// A value as a reviewer reads it: text as is, `(none)` for an absent value, the printed text
/// of an indicator value.
fn show(v: &Value) -> String {
    match v {
        Value::Null => "(none)".to_string(),
        Value::String(s) if s.is_empty() => "\"\"".to_string(),
        Value::String(s) => s.clone(),
        Value::Object(m) if m.contains_key("raw") => {
            // Edited quantities print as the writer would print them.
            serde_json::from_value::<crate::model::IndicatorValue>(v.clone())
                .map(|iv| iv.to_text())
                .unwrap_or_default()
        }
        other => other.to_string(),
    }
}

/// The (一级, 二级, 三级) of an indicator row: what aligns rows.
fn row_key(v: &Value) -> (String, String, String) {
    let get = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    (get("level1"), get("level2"), get("name"))
}

fn row_text(v: &Value) -> String {
    let (l1, l2, name) = row_key(v);
    let target = v.get("target").map(show).unwrap_or_default();
    format!("{l1} / {l2} / {name} = {target}")
}

fn indicator_changes(old: &Value, new: &Value, source: Option<&Source>, out: &mut Vec<Change>) {
    let empty = Vec::new();
    let a = old.as_array().unwrap_or(&empty);
    let b = new.as_array().unwrap_or(&empty);
    let ka: Vec<_> = a.iter().map(row_key).collect();
    let kb: Vec<_> = b.iter().map(row_key).collect();
    let row_at = |i: usize| {
        let s = source?;
        let cell = s.cell(&format!("indicators[{i}]"))?;
        Some(Location::cell(&s.file, &s.sheet, cell))
    };
    let pair = |i: Option<usize>, j: Option<usize>, out: &mut Vec<Change>| match (i, j) {
        (Some(i), Some(j)) => {
            let mut fields = Vec::new();
            value_changes(&format!("indicators[{j}]"), &a[i], &b[j], &mut fields);
            out.extend(fields);
        }
        (None, Some(j)) => out.push(Change {
            path: format!("indicators[{j}]"),
            label: None,
            what: ChangeKind::Added(row_text(&b[j])),
            at: row_at(j),
        }),
        (Some(i), None) => out.push(Change {
            path: format!("indicators[{i}]"),
            label: None,
            what: ChangeKind::Removed(row_text(&a[i])),
            at: None,
        }),
        (None, None) => {}
    };
    let matches = lcs(&ka, &kb);
    let (mut i, mut j) = (0, 0);
    for (mi, mj) in matches
        .into_iter()
        .chain(std::iter::once((a.len(), b.len())))
    {
        // The gap before this match: pair rows in order as edits, the rest added or removed.
        while i < mi || j < mj {
            let oi = (i < mi).then_some(i);
            let nj = (j < mj).then_some(j);
            pair(oi, nj, out);
            i += usize::from(oi.is_some());
            j += usize::from(nj.is_some());
        }
        if mi < a.len() {
            pair(Some(mi), Some(mj), out);
        }
        (i, j) = (mi + 1, mj + 1);
    }
}

/// Index pairs of a longest common subsequence of `a` and `b`.
fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut len = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i][j] = if a[i] == b[j] {
                len[i + 1][j + 1] + 1
            } else {
                len[i + 1][j].max(len[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if len[i + 1][j] >= len[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The printed label of a field path, from the layouts.
fn label(path: &str) -> Option<String> {
    fn find<I: FieldId>(fields: &[Field<I>], path: &str) -> Option<String> {
        let f = fields.iter().find(|f| f.id.path() == path)?;
        Some(f.label.text.to_string())
    }
    use layout::{declaration as d, self_eval as s};
    let found = find(d::HEADER, path)
        .or_else(|| find(d::FUND_FIELDS, path))
        .or_else(|| find(d::GOAL_FIELDS, path))
        .or_else(|| find(s::HEADER, path))
        .or_else(|| find(s::GOAL_FIELDS, path));
    if found.is_some() {
        return found;
    }
    if path.starts_with("indicators[") {
        let last = path.rsplit('.').next().unwrap_or(path);
        return layout::flat::indicator_label(last).map(str::to_string);
    }
    if let Some(rest) = path.strip_prefix("funds.") {
        // `row·column`, as the flat tables name the 自评表 funds grid.
        let (row, col) = rest.split_once('.')?;
        let r = SelfEvaluationFunds::ROWS.iter().position(|x| *x == row)?;
        let c = FundsRow::COLUMNS.iter().position(|x| *x == col)?;
        return Some(format!(
            "{}·{}",
            layout::flat::FUND_ROWS[r],
            layout::flat::FUND_COLUMNS[c]
        ));
    }
    let label = match path {
        "year" => "年度",
        "total_weight" => "总分·分值",
        "total_score" => "总分·得分",
        p if p == SelfEvaluationText::Grade.path() => s::GRADE.text,
        _ => return None,
    };
    Some(label.to_string())
}

/// `申报表 2026 机关服务费`, then one indented line per change.
impl fmt::Display for FormDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = self
            .year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "-".into());
        let mark = match self.status {
            FormStatus::Added => "+ ",
            FormStatus::Removed => "- ",
            FormStatus::Changed => "",
        };
        write!(f, "{mark}{} {year} {}", self.kind, self.project)?;
        match self.status {
            FormStatus::Added => write!(f, " (only in NEW)")?,
            FormStatus::Removed => write!(f, " (only in OLD)")?,
            FormStatus::Changed => {}
        }
        for c in &self.changes {
            write!(f, "\n  {c}")?;
        }
        Ok(())
    }
}

/// `funds.annual_total 年度资金申请总额: 140000.00 → 150000.00  (at new.xlsx: 机关服务费!H6)`.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match &self.label {
            Some(l) => format!("{} {l}", self.path),
            None => self.path.clone(),
        };
        match &self.what {
            ChangeKind::Changed { old, new } => write!(f, "{name}: {old} → {new}")?,
            ChangeKind::Added(row) => write!(f, "+ {name}: {row}")?,
            ChangeKind::Removed(row) => write!(f, "- {name}: {row}")?,
        }
        if let Some(at) = &self.at {
            write!(f, "  (at {at})")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Declaration, Indicator};

    #[test]
    fn labels_come_from_the_layouts() {
        assert_eq!(
            label("funds.annual_total").as_deref(),
            Some("年度资金申请总额")
        );
        assert_eq!(
            label("funds.fiscal.executed").as_deref(),
            Some("当年财政拨款·全年执行数")
        );
        assert_eq!(label("funds.other.score").as_deref(), Some("其他资金·得分"));
        assert_eq!(label("indicators[3].target").as_deref(), Some("指标值"));
        assert_eq!(
            label("indicators[0].deviation_reason").as_deref(),
            Some("偏差原因分析及改进措施")
        );
        assert_eq!(label("funds.total.nonsense"), None);
    }

    fn decl(indicators: &[(&str, &str)]) -> Document {
        Document::new(vec![Form::Declaration(Declaration {
            year: Some(2026),
            project_name: "机关服务费".into(),
            indicators: indicators
                .iter()
                .map(|(n, t)| Indicator::new("产出指标", "数量指标", *n, t))
                .collect(),
            ..Declaration::default()
        })])
    }

    fn lines(old: &Document, new: &Document) -> Vec<String> {
        diff(old, new)
            .iter()
            .flat_map(|d| d.to_string().lines().map(String::from).collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn equal_documents_have_no_diff() {
        let d = decl(&[("a", "≥1(次)")]);
        assert!(diff(&d, &d).is_empty());
    }

    #[test]
    fn numbers_compare_by_value_text_exactly() {
        let mut a = decl(&[]);
        let mut b = decl(&[]);
        if let (Form::Declaration(x), Form::Declaration(y)) = (&mut a.forms[0], &mut b.forms[0]) {
            x.funds.annual_total = Some("14".parse().unwrap());
            y.funds.annual_total = Some("14.00".parse().unwrap());
        }
        assert!(diff(&a, &b).is_empty());
        assert_eq!(
            lines(&decl(&[("a", "=100(%)")]), &decl(&[("a", "=100.00(%)")])),
            [
                "申报表 2026 机关服务费",
                "  indicators[0].target 指标值: =100(%) → =100.00(%)"
            ]
        );
    }

    #[test]
    fn inserted_and_edited_rows_are_told_apart() {
        let old = decl(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let new = decl(&[("a", "1"), ("x", "9"), ("b", "2"), ("c2", "3")]);
        assert_eq!(
            lines(&old, &new),
            [
                "申报表 2026 机关服务费",
                "  + indicators[1]: 产出指标 / 数量指标 / x = 9",
                "  indicators[3].name 三级指标: c → c2",
            ]
        );
    }

    #[test]
    fn forms_on_one_side_only() {
        let old = decl(&[]);
        let new = Document::default();
        assert_eq!(
            lines(&old, &new),
            ["- 申报表 2026 机关服务费 (only in OLD)"]
        );
        assert_eq!(
            lines(&new, &old),
            ["+ 申报表 2026 机关服务费 (only in NEW)"]
        );
    }
}

//! What changed between two sets of forms, as a correction list: form by form, the fields and
//! indicator cells that differ, named as the form names them (年度资金申请总额;
//! 第 6 行指标「公务用车需求满足率」的指标值), with values as the form prints them (amounts
//! `#,##0.00`, 指标值 as written) and the cell to look at.
//!
//! Forms are matched by (表种, 年度, 项目名称), in order when a key repeats. Fields are compared
//! through the model's JSON form, so a field added to the model is compared without a change
//! here; numbers compare by value (`14` equals `14.00`), text exactly, and a blank equals a
//! blank. Indicator rows are aligned by (一级, 二级, 三级) like lines in a text diff
//! (`align`): rows that match are compared cell by cell, and unmatched rows between two matches
//! are paired in order as edited rows, the rest reported as added (numbered and located in NEW)
//! or removed (numbered and located in OLD). A changed field points at its cell in NEW, or in
//! OLD when NEW does not record one (a JSON model or flat table), through [`Source::cells`].

use crate::diag::Location;
use crate::layout::{self, Field, Label};
use crate::model::field::{
    self, DeclarationAmount, FieldId, IndicatorPart, Legacy2020Amount, MediumAmount, MediumText,
    SelfEvaluationFigure, SelfEvaluationText,
};
use crate::model::{Document, Form, FundsRow, IndicatorValue, SelfEvaluationFunds, Source};
use crate::msg;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::hash::Hash;

/// The differences of one form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormDiff {
    /// 表种: 申报表, 自评表, 目标表.
    pub kind: &'static str,
    /// The form's 年度.
    pub year: Option<i32>,
    /// 项目名称: with the kind and year, what pairs forms across the two sides.
    pub project: String,
    /// Added, removed, or on both sides.
    pub status: FormStatus,
    /// The sheet of the form on the side it is on (NEW for a form on both sides).
    pub at: Option<Location>,
    /// The fields and indicator rows that differ, in form order; empty for an added or removed
    /// form.
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
    /// The field's path in the model (`funds.annual_total`, `indicators[3].target`), for
    /// programs; indicator paths use the NEW row's index (the OLD one for a removed row).
    pub path: String,
    /// The field as the form names it: `年度资金申请总额`, `第 4 行指标「安全出车率」的指标值`;
    /// for a whole row, the row (`第 2 行指标「出车次数」`).
    pub field: String,
    /// How it differs.
    pub what: ChangeKind,
    /// The cell to look at: NEW's, or OLD's where NEW records none; OLD's for a removed row.
    pub at: Option<Location>,
}

/// How a field or indicator row differs.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    /// Both values as the form prints them (`140,000.00`, `=100.00(%)`, `(空)` for a blank).
    Changed {
        /// OLD's value.
        old: String,
        /// NEW's value.
        new: String,
    },
    /// An indicator row only in NEW.
    Added(Row),
    /// An indicator row only in OLD.
    Removed(Row),
}

/// An added or removed indicator row: its 一级, 二级 and 指标值 as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 一级指标.
    pub level1: String,
    /// 二级指标.
    pub level2: String,
    /// 指标值, as printed.
    pub target: String,
}

/// Compares two documents form by form; forms without differences are left out.
pub fn diff(old: &Document, new: &Document) -> Vec<FormDiff> {
    let mut partners: HashMap<_, VecDeque<usize>> = HashMap::new();
    for (i, n) in new.forms.iter().enumerate() {
        partners.entry(key(n)).or_default().push_back(i);
    }
    let mut taken = vec![false; new.forms.len()];
    let mut out = Vec::new();
    for o in &old.forms {
        match partners.get_mut(&key(o)).and_then(VecDeque::pop_front) {
            Some(i) => {
                taken[i] = true;
                let n = &new.forms[i];
                let changes = form_changes(o, n);
                if !changes.is_empty() {
                    out.push(form_diff(n, FormStatus::Changed, changes));
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
        at: form.source().map(|s| Location {
            sheet: Some(s.sheet.clone()),
            ..Location::file(&s.file)
        }),
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
    let mut walk = Walk {
        old: old.source(),
        new: new.source(),
        out: Vec::new(),
    };
    walk.object(&Paths::same(""), None, &fields(old), &fields(new));
    walk.out
}

/// A field's path on each side: they differ below an indicator row that moved.
struct Paths {
    old: String,
    new: String,
}

impl Paths {
    fn same(path: &str) -> Self {
        Paths {
            old: path.to_string(),
            new: path.to_string(),
        }
    }

    fn child(&self, key: &str) -> Self {
        let join = |p: &str| {
            if p.is_empty() {
                key.to_string()
            } else {
                format!("{p}.{key}")
            }
        };
        Paths {
            old: join(&self.old),
            new: join(&self.new),
        }
    }
}

/// Walks two forms' fields, collecting the changes with the cells they came from.
struct Walk<'a> {
    old: Option<&'a Source>,
    new: Option<&'a Source>,
    out: Vec<Change>,
}

impl Walk<'_> {
    /// Compares two objects key by key; `row` names the indicator row they belong to.
    fn object(
        &mut self,
        at: &Paths,
        row: Option<&str>,
        old: &serde_json::Map<String, Value>,
        new: &serde_json::Map<String, Value>,
    ) {
        for k in old
            .keys()
            .chain(new.keys().filter(|k| !old.contains_key(*k)))
        {
            let (o, n) = (
                old.get(k).unwrap_or(&Value::Null),
                new.get(k).unwrap_or(&Value::Null),
            );
            self.value(&at.child(k), row, o, n);
        }
    }

    /// Compares two values; an indicator value (an object with `raw`) is one cell, a list of
    /// indicator rows is aligned row by row.
    fn value(&mut self, at: &Paths, row: Option<&str>, old: &Value, new: &Value) {
        match (old, new) {
            (Value::Object(a), Value::Object(b))
                if !a.contains_key(IndicatorValue::RAW_KEY)
                    && !b.contains_key(IndicatorValue::RAW_KEY) =>
            {
                self.object(at, row, a, b)
            }
            (Value::Array(a), Value::Array(b)) if at.new.ends_with(field::INDICATORS) => {
                self.rows(at, a, b)
            }
            _ if same(old, new) => {}
            _ => {
                let field = field_label(&at.new);
                let field = match row {
                    Some(row) => msg::diff::indicator_field(row, field),
                    None => field,
                };
                self.out.push(Change {
                    path: at.new.clone(),
                    field,
                    what: ChangeKind::Changed {
                        old: show(&at.old, old),
                        new: show(&at.new, new),
                    },
                    at: cell(self.new, &at.new).or_else(|| cell(self.old, &at.old)),
                });
            }
        }
    }

    /// Aligns two lists of indicator rows and compares the rows paired.
    fn rows(&mut self, at: &Paths, a: &[Value], b: &[Value]) {
        let ka: Vec<_> = a.iter().map(row_key).collect();
        let kb: Vec<_> = b.iter().map(row_key).collect();
        let medium = at.new.starts_with("medium_term");
        let name = |v: &Value, i: usize| {
            let (_, _, name) = row_key(v);
            if medium {
                msg::diff::medium_indicator(i + 1, name)
            } else {
                msg::check::indicator(i + 1, name)
            }
        };
        let row = |v: &Value| Row {
            level1: text(v, IndicatorPart::Level1.name()),
            level2: text(v, IndicatorPart::Level2.name()),
            target: v
                .get(IndicatorPart::Target.name())
                .map_or_else(msg::check::blank, |t| show("", t)),
        };
        let mut pair = |i: Option<usize>, j: Option<usize>| match (i, j) {
            (Some(i), Some(j)) => {
                let paths = Paths {
                    old: format!("{}[{i}]", at.old),
                    new: format!("{}[{j}]", at.new),
                };
                // Named as the clerk knew the row: its 三级 before the correction.
                let named = name(&a[i], j);
                self.value(&paths, Some(&named), &a[i], &b[j]);
            }
            (None, Some(j)) => {
                let path = format!("{}[{j}]", at.new);
                self.out.push(Change {
                    at: cell(self.new, &path),
                    path,
                    field: name(&b[j], j),
                    what: ChangeKind::Added(row(&b[j])),
                });
            }
            (Some(i), None) => {
                let path = format!("{}[{i}]", at.old);
                self.out.push(Change {
                    at: cell(self.old, &path),
                    path,
                    field: name(&a[i], i),
                    what: ChangeKind::Removed(row(&a[i])),
                });
            }
            (None, None) => {}
        };
        let (mut i, mut j) = (0, 0);
        for (mi, mj) in align(&ka, &kb)
            .into_iter()
            .chain(std::iter::once((a.len(), b.len())))
        {
            // The gap before this match: pair rows in order as edits, the rest added or removed.
            while i < mi || j < mj {
                let oi = (i < mi).then_some(i);
                let nj = (j < mj).then_some(j);
                pair(oi, nj);
                i += usize::from(oi.is_some());
                j += usize::from(nj.is_some());
            }
            if mi < a.len() {
                pair(Some(mi), Some(mj));
            }
            (i, j) = (mi + 1, mj + 1);
        }
    }
}

/// The cell a side's reader recorded for a field.
fn cell(source: Option<&Source>, path: &str) -> Option<Location> {
    let s = source?;
    Some(Location::cell(&s.file, &s.sheet, s.cell(path)?))
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Equal as printed: text exactly, numbers by value, a blank as a blank, indicator values by
/// their whole record.
fn same(a: &Value, b: &Value) -> bool {
    if a == b || (is_blank(a) && is_blank(b)) {
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

/// A value as the form prints it: an amount as `#,##0.00`, an indicator value as written (an
/// edited quantity as the writer would print it), text as is, `(空)` for a blank.
fn show(path: &str, v: &Value) -> String {
    match v {
        _ if is_blank(v) => msg::check::blank(),
        Value::String(s) => match s.parse::<Decimal>() {
            Ok(d) if is_amount(path) => msg::amount(d),
            _ => s.clone(),
        },
        Value::Object(m) if m.contains_key(IndicatorValue::RAW_KEY) => {
            match serde_json::from_value::<IndicatorValue>(v.clone()).map(|iv| iv.to_text()) {
                Ok(text) if !text.trim().is_empty() => text,
                _ => msg::check::blank(),
            }
        }
        Value::Object(m) => m
            .values()
            .filter(|v| !is_blank(v))
            .map(|v| show(path, v))
            .collect::<Vec<_>>()
            .join(" "),
        Value::Array(items) => items
            .iter()
            .map(|v| show(path, v))
            .collect::<Vec<_>>()
            .join("；"),
        other => other.to_string(),
    }
}

/// Whether a field holds money (元 or 万元), printed `#,##0.00`: the 申报表's and the 2020
/// form's amounts, the 中期 amounts, and the budget and execution columns of the 自评表.
fn is_amount(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    DeclarationAmount::from_path(path).is_some()
        || Legacy2020Amount::from_path(path).is_some()
        || MediumAmount::from_path(path).is_some()
        || (path.starts_with("funds.") && FundsRow::AMOUNTS.contains(&last))
}

fn text(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}

/// The (一级, 二级, 三级) of an indicator row: what aligns rows.
fn row_key(v: &Value) -> (String, String, String) {
    (
        text(v, IndicatorPart::Level1.name()),
        text(v, IndicatorPart::Level2.name()),
        text(v, IndicatorPart::Name.name()),
    )
}

/// The form's label of a field path: from the layouts where they print it, else the form's
/// word for it. An unknown path (a field added to the model without a label) shows as is.
fn field_label(path: &str) -> String {
    label(path).unwrap_or_else(|| path.to_string())
}

fn label(path: &str) -> Option<String> {
    fn find<I: FieldId>(fields: &[Field<I>], path: &str) -> Option<String> {
        let f = fields.iter().find(|f| f.id.path() == path)?;
        Some(f.label.text.to_string())
    }
    fn find_pair<I: FieldId>(fields: &[(I, Label)], path: &str) -> Option<String> {
        let (_, label) = fields.iter().find(|(id, _)| id.path() == path)?;
        Some(label.text.to_string())
    }
    use layout::{declaration as d, legacy_2020 as l, self_eval as s};
    let found = find(d::HEADER, path)
        .or_else(|| find(d::FUND_FIELDS, path))
        .or_else(|| find(d::GOAL_FIELDS, path))
        .or_else(|| find(s::HEADER, path))
        .or_else(|| find(s::GOAL_FIELDS, path))
        .or_else(|| find_pair(l::HEADER, path))
        .or_else(|| find_pair(l::NARRATIVE, path))
        .or_else(|| find_pair(l::AMOUNTS, path));
    if found.is_some() {
        return found;
    }
    if let Some((_, rest)) = path.split_once("indicators[") {
        let last = rest.rsplit_once("].").map_or("", |(_, f)| f);
        let label = match last {
            "level1_weight" => "一级指标分值",
            "source_level1" => "原一级指标",
            "source_level2" => "原二级指标",
            "review" => "复核提示",
            "extra" => "其他列",
            _ => return layout::flat::indicator_label(last).map(str::to_string),
        };
        return Some(label.to_string());
    }
    if let Some(rest) = path.strip_prefix("funds.") {
        // `row·column`, as the flat tables name the 自评表 funds grid.
        if let Some((row, col)) = rest.split_once('.')
            && let Some(r) = SelfEvaluationFunds::ROWS.iter().position(|x| *x == row)
            && let Some(c) = FundsRow::COLUMNS.iter().position(|x| *x == col)
        {
            return Some(format!(
                "{}·{}",
                layout::flat::FUND_ROWS[r],
                layout::flat::FUND_COLUMNS[c]
            ));
        }
    }
    let label = match path {
        p if p == field::YEAR => "年度",
        "unit" | "funds.unit" => "金额单位",
        "funds.extra_rows" => "项目资金其他行",
        p if p == SelfEvaluationFigure::TotalWeight.path() => "总分·分值",
        p if p == SelfEvaluationFigure::TotalScore.path() => "总分·得分",
        p if p == SelfEvaluationText::Grade.path() => s::GRADE.text,
        "notes" => "备注",
        p if p == MediumText::Period.path() => layout::declaration::PROJECT_PERIOD.text,
        "medium_term.years" => "中期目标年度",
        p if p == MediumAmount::Total.path() => layout::declaration::MEDIUM_TOTAL.text,
        p if p == MediumAmount::Fiscal.path() => "中期财政拨款",
        p if p == MediumAmount::Other.path() => "中期其他资金",
        p if p == MediumText::Goal.path() => layout::declaration::MEDIUM_GOAL.text,
        _ => return None,
    };
    Some(label.to_string())
}

/// Index pairs of a longest common subsequence of `a` and `b`, in memory linear in their
/// lengths (issue 10: two 40,000-row forms once needed a 6.4 GB table).
///
/// A pair of regions small enough ([`EXACT_CELLS`]) is aligned exactly by the classic table,
/// which every real form is; the table's choice among equally long alignments is what the
/// correction list has always shown. A larger region is first cut by its common first and last
/// rows, then at rows whose key is unique on both sides, kept in order (the longest increasing
/// run, as patience diff does), and each piece between them is aligned again. A large region
/// with no such row is left unaligned: its rows are paired in order as edits.
fn align<T: Eq + Hash>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    align_with(a, b, EXACT_CELLS, &mut out);
    out
}

/// [`align`] with the exact table limited to `exact` cells.
fn align_with<T: Eq + Hash>(a: &[T], b: &[T], exact: usize, out: &mut Vec<(usize, usize)>) {
    let mut todo = vec![(0, a.len(), 0, b.len())];
    while let Some((a0, a1, b0, b1)) = todo.pop() {
        let (n, m) = (a1 - a0, b1 - b0);
        if n == 0 || m == 0 {
            continue;
        }
        if n.saturating_mul(m) <= exact {
            let pairs = lcs(&a[a0..a1], &b[b0..b1]);
            out.extend(pairs.into_iter().map(|(i, j)| (a0 + i, b0 + j)));
            continue;
        }
        let mut p = 0;
        while p < n.min(m) && a[a0 + p] == b[b0 + p] {
            out.push((a0 + p, b0 + p));
            p += 1;
        }
        let mut s = 0;
        while s < (n - p).min(m - p) && a[a1 - 1 - s] == b[b1 - 1 - s] {
            out.push((a1 - 1 - s, b1 - 1 - s));
            s += 1;
        }
        if p + s > 0 {
            todo.push((a0 + p, a1 - s, b0 + p, b1 - s));
            continue;
        }
        let (mut i, mut j) = (a0, b0);
        for (ai, bj) in unique_anchors(&a[a0..a1], &b[b0..b1]) {
            let (ai, bj) = (a0 + ai, b0 + bj);
            todo.push((i, ai, j, bj));
            out.push((ai, bj));
            (i, j) = (ai + 1, bj + 1);
        }
        if i > a0 {
            todo.push((i, a1, j, b1));
        }
    }
    out.sort_unstable();
}

/// The largest region [`align`] gives to the exact table: 2²⁰ cells of 4 bytes, 4 MiB.
const EXACT_CELLS: usize = 1 << 20;

/// Pairs of rows whose key occurs once in `a` and once in `b`, the longest run of them that is
/// in the same order on both sides.
fn unique_anchors<T: Eq + Hash>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    // Per key: its count and position in `a`, then in `b`.
    let mut seen: HashMap<&T, (u32, usize, u32, usize)> = HashMap::new();
    for (i, k) in a.iter().enumerate() {
        let e = seen.entry(k).or_insert((0, i, 0, 0));
        e.0 += 1;
    }
    for (j, k) in b.iter().enumerate() {
        if let Some(e) = seen.get_mut(k) {
            e.2 += 1;
            e.3 = j;
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|e| e.0 == 1 && e.2 == 1)
        .map(|e| (e.1, e.3))
        .collect();
    pairs.sort_unstable();
    // Longest increasing run of the `b` positions (patience sorting, with back links).
    let mut tails: Vec<usize> = Vec::new();
    let mut back = vec![usize::MAX; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < j);
        if at > 0 {
            back[k] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        run.push(pairs[k]);
        k = back[k];
    }
    run.reverse();
    run
}

/// Index pairs of a longest common subsequence of `a` and `b`, by the full table: for regions
/// of at most [`EXACT_CELLS`] cells.
fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    let mut len = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i * width + j] = if a[i] == b[j] {
                len[(i + 1) * width + j + 1] + 1
            } else {
                len[(i + 1) * width + j].max(len[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if len[(i + 1) * width + j] >= len[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// `申报表 2026 机关服务费`, then one indented line per change.
impl fmt::Display for FormDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = self.year.map_or_else(msg::diff::no_year, |y| y.to_string());
        let (mark, side) = match self.status {
            FormStatus::Added => ("+ ", msg::diff::only_in_new()),
            FormStatus::Removed => ("- ", msg::diff::only_in_old()),
            FormStatus::Changed => ("", String::new()),
        };
        write!(f, "{mark}{} {year} {}{side}", self.kind, self.project)?;
        if self.status != FormStatus::Changed
            && let Some(at) = &self.at
        {
            f.write_str(&msg::diag::at(at))?;
        }
        for c in &self.changes {
            write!(f, "\n  {c}")?;
        }
        Ok(())
    }
}

/// `年度资金申请总额：140,000.00 → 150,000.00  位置：new.xlsx: 机关服务费!H6`.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = match &self.what {
            ChangeKind::Changed { old, new } => msg::diff::changed(&self.field, old, new),
            ChangeKind::Added(r) => {
                msg::diff::row_added(&self.field, &r.level1, &r.level2, &r.target)
            }
            ChangeKind::Removed(r) => {
                msg::diff::row_removed(&self.field, &r.level1, &r.level2, &r.target)
            }
        };
        f.write_str(&line)?;
        if let Some(at) = &self.at {
            f.write_str(&msg::diag::at(at))?;
        }
        Ok(())
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Declaration, Indicator};
    use crate::msg::{Lang, with_lang};

    #[test]
    fn labels_come_from_the_layouts() {
        assert_eq!(field_label("funds.annual_total"), "年度资金申请总额");
        assert_eq!(
            field_label("funds.fiscal.executed"),
            "当年财政拨款·全年执行数"
        );
        assert_eq!(field_label("funds.other.score"), "其他资金·得分");
        assert_eq!(field_label("indicators[3].target"), "指标值");
        assert_eq!(
            field_label("indicators[0].deviation_reason"),
            "偏差原因分析及改进措施"
        );
        assert_eq!(field_label("prior_budget"), "同名项目上年预算额");
        assert_eq!(field_label("medium_term.total"), "中期资金总额");
        assert_eq!(label("funds.total.nonsense"), None);
    }

    /// Every field of every form in the shared fixtures has a label a clerk knows, so no
    /// change is ever named by its model path.
    #[test]
    fn every_field_of_the_fixtures_has_a_label() {
        fn leaves(path: &str, v: &Value, out: &mut Vec<String>) {
            match v {
                Value::Object(m) if !m.contains_key(IndicatorValue::RAW_KEY) => {
                    for (k, v) in m {
                        let p = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        leaves(&p, v, out);
                    }
                }
                Value::Array(items) if path.ends_with(field::INDICATORS) => {
                    for (i, v) in items.iter().enumerate() {
                        leaves(&format!("{path}[{i}]"), v, out);
                    }
                }
                _ => out.push(path.to_string()),
            }
        }
        let mut paths = Vec::new();
        for name in [
            "xinjiang-2026-declarations.xlsx",
            "xinjiang-2023-self-evaluations.xlsx",
            "xining-2020-legacy.xlsx",
            "baoshan-2024-declarations.xlsx",
        ] {
            let path = format!("{}/../shared/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(&path).unwrap();
            for form in crate::read::read_bytes(&bytes, name).unwrap().value {
                leaves("", &Value::Object(fields(&form)), &mut paths);
            }
        }
        paths.retain(|p| p != "kind");
        assert!(paths.len() > 100, "{}", paths.len());
        let unlabelled: Vec<_> = paths.iter().filter(|p| label(p).is_none()).collect();
        assert!(unlabelled.is_empty(), "{unlabelled:?}");
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
    fn numbers_compare_by_value_text_exactly_amounts_print_grouped() {
        let with_total = |total: &str| {
            let mut d = decl(&[]);
            if let Form::Declaration(x) = &mut d.forms[0] {
                x.funds.annual_total = Some(total.parse().unwrap());
            }
            d
        };
        assert!(diff(&with_total("14"), &with_total("14.00")).is_empty());
        assert_eq!(
            lines(&with_total("1400000"), &with_total("1500000.5")),
            [
                "申报表 2026 机关服务费",
                "  年度资金申请总额：1,400,000.00 → 1,500,000.50"
            ]
        );
        assert_eq!(
            lines(&decl(&[("a", "=100(%)")]), &decl(&[("a", "=100.00(%)")])),
            [
                "申报表 2026 机关服务费",
                "  第 1 行指标「a」的指标值：=100(%) → =100.00(%)"
            ]
        );
    }

    #[test]
    fn inserted_and_edited_rows_are_told_apart() {
        let old = decl(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let new = decl(&[("a", "1"), ("x", "=9(次)"), ("b", "2"), ("c2", "3")]);
        assert_eq!(
            lines(&old, &new),
            [
                "申报表 2026 机关服务费",
                "  新增第 2 行指标「x」（产出指标 / 数量指标），指标值 =9(次)",
                "  第 4 行指标「c」的三级指标：c → c2",
            ]
        );
        assert_eq!(
            with_lang(Lang::En, || lines(&new, &old)),
            [
                "申报表 2026 机关服务费",
                "  removed indicator 2 \"x\" (产出指标 / 数量指标), 指标值 =9(次)",
                "  三级指标 of indicator 3 \"c2\": c2 → c",
            ]
        );
    }

    #[test]
    fn forms_on_one_side_only() {
        let old = decl(&[]);
        let new = Document::default();
        assert_eq!(
            lines(&old, &new),
            ["- 申报表 2026 机关服务费（仅修改前的表中有）"]
        );
        assert_eq!(
            with_lang(Lang::En, || lines(&new, &old)),
            ["+ 申报表 2026 机关服务费 (only in NEW)"]
        );
    }

    /// Whether `pairs` is a common subsequence of `a` and `b`: strictly increasing on both
    /// sides, equal keys.
    fn is_common<T: PartialEq>(pairs: &[(usize, usize)], a: &[T], b: &[T]) -> bool {
        pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1)
            && pairs.iter().all(|&(i, j)| a[i] == b[j])
    }

    /// A small deterministic generator, so the test needs no crate and always sees the same
    /// cases.
    fn next(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    /// Forms fit the exact table, so their alignment is the table's; on sequences of unique
    /// keys the cutting path finds an alignment as long as the table's.
    #[test]
    fn alignment_is_exact_on_forms_and_as_long_on_unique_keys() {
        let mut seed = 7;
        for case in 0..300 {
            let n = (next(&mut seed) % 40) as usize;
            let a: Vec<u64> = (0..n as u64).collect();
            let mut b = Vec::new();
            for &k in &a {
                match next(&mut seed) % 8 {
                    0 | 1 => {}
                    2 => b.push(k + 1000),
                    _ => b.push(k),
                }
            }
            if case % 3 == 0 && b.len() > 2 {
                let last = b.len() - 1;
                b.swap(0, last);
            }
            let exact = lcs(&a, &b);
            assert_eq!(align(&a, &b), exact, "{a:?} {b:?}");
            let mut cut = Vec::new();
            align_with(&a, &b, 0, &mut cut);
            assert!(is_common(&cut, &a, &b), "{a:?} {b:?} {cut:?}");
            assert_eq!(cut.len(), exact.len(), "{a:?} {b:?}");
            // Repeated keys: still a common subsequence.
            let a2: Vec<u64> = a.iter().map(|k| k % 5).collect();
            let b2: Vec<u64> = b.iter().map(|k| k % 5).collect();
            let mut cut = Vec::new();
            align_with(&a2, &b2, 0, &mut cut);
            assert!(is_common(&cut, &a2, &b2), "{a2:?} {b2:?} {cut:?}");
        }
    }

    /// Issue 10: two 40,000-indicator forms once needed a 6.4 GB table. Now the diff completes
    /// in linear memory and finds exactly the edits made.
    #[test]
    fn issue_10_diff_of_two_40k_indicator_forms() {
        let names: Vec<String> = (0..40_000).map(|k| format!("指标{k}")).collect();
        let old_rows: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "≥1(次)")).collect();
        let mut new_rows = old_rows.clone();
        new_rows.remove(30_000); // 指标30000
        new_rows[20_000].1 = "≥2(次)"; // 指标20000
        new_rows.insert(10_000, ("新指标", "=5(个)"));
        new_rows.remove(5); // 指标5
        let (old, new) = (decl(&old_rows), decl(&new_rows));
        assert_eq!(
            lines(&old, &new),
            [
                "申报表 2026 机关服务费",
                "  删除第 6 行指标「指标5」（产出指标 / 数量指标），指标值 ≥1(次)",
                "  新增第 10000 行指标「新指标」（产出指标 / 数量指标），指标值 =5(个)",
                "  第 20001 行指标「指标20000」的指标值：≥1(次) → ≥2(次)",
                "  删除第 30001 行指标「指标30000」（产出指标 / 数量指标），指标值 ≥1(次)",
            ]
        );
    }
}

//! [`Scope`]: one form's area of a [`Grid`], with the bookkeeping every form reader shares —
//! finding labels, taking the value a layout implies, remembering which cell each field came
//! from, and listing the cells nothing took.

use crate::a1::{Area, Pos, cell_name};
use crate::diag::{Diagnostic, Location};
use crate::grid::{Cell, Grid, PosMap};
use crate::layout::{
    Field, Label, Pair, PairKeys, label_bases, normalize_label, split_pairs_keyed,
};
use crate::model::field::FieldId;
use crate::model::{Figure, MoneyUnit, Source, UnmappedCell};
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Where a field's value stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A cell of its own (right of or below the label).
    Cell(Pos),
    /// After the label inside the label's own cell: `项目名称：合作交流工作业务费`.
    Inline { at: Pos, text: String },
}

impl Value {
    /// The cell the value was read from.
    pub fn pos(&self) -> Pos {
        match self {
            Value::Cell(p) | Value::Inline { at: p, .. } => *p,
        }
    }
}

/// A label found in the form and the value it announces.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    /// The label's cell.
    pub at: Pos,
    /// The label as written (`项目总预算（元）`), without a value that shares its cell.
    pub written: String,
    /// `None` when the value is blank.
    pub value: Option<Value>,
}

/// Where a label's value is when it has a cell of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Right,
    Below,
}

pub struct Scope<'g> {
    pub grid: &'g Grid,
    /// First and last row of the form (inclusive).
    pub rows: (u32, u32),
    /// Every label of this form kind: a value search stops at one of them.
    labels: &'static [Label],
    /// The keys of `labels`, for [`split_pairs_keyed`].
    label_keys: std::rc::Rc<PairKeys>,
    /// Top-left cells of the form's non-empty areas, row by row (found once).
    anchors: Vec<Pos>,
    /// Each anchor under every text a label may equal for it to be read as that label
    /// ([`label_bases`] of its label key), with the text's [`key_hash`], sorted by hash, text,
    /// then position: a label is found by a binary search instead of a pass over the whole
    /// form (issue 10: per label, that pass made reading quadratic in the form's size), and
    /// the search compares hashes, seldom texts.
    by_key: Vec<(u64, &'g str, Pos)>,
    /// The anchors that are one of `labels` (see [`Scope::is_label`]), sorted.
    label_anchors: Vec<Pos>,
    /// The anchors whose text holds a colon: only these can hold `label：value` pairs.
    colon_anchors: Vec<Pos>,
    /// [`split_pairs`] of each top-left cell with a colon, each pair with the label key of its
    /// label as written, made once: every label search asks.
    pairs: RefCell<PosMap<Vec<(Pair, String)>>>,
    /// The cells a field or label took (asked of every cell when reading ends).
    used: std::collections::HashSet<Pos, crate::grid::FxBuild>,
    /// Each field's area as [`Scope::mark`] and [`Scope::record`] gave it, in order: the
    /// source's `cells` once reading ends ([`cell_areas`]).
    cells: Vec<(String, Area, Taken)>,
    pub diagnostics: Vec<Diagnostic>,
    /// The unit the form's amounts are read in, once [`Scope::money_unit`] has found it; an
    /// amount printed with its own unit (`854万`, `140,000元`) is converted into it.
    unit: Option<MoneyUnit>,
    /// What an amount cell printed besides its amount (`854万(高标准农田建设400万元,…)`): the
    /// reader keeps these as notes, `(field label, cell text)`.
    pub asides: Vec<(String, String)>,
    /// Cells of the indicator table that hold a note, not an indicator (`read::table_rows`):
    /// the reader keeps them as notes.
    pub table_notes: Vec<Pos>,
    /// Rows of the indicator table whose 三级 holds a blank form's placeholder (`指标2:`,
    /// `……`, `read::table_rows`), as printed: the reader keeps them in its printed layout.
    /// Their 一级 is the text printed (with its weight, `产出指标(50分)`).
    pub placeholders: Vec<crate::model::PlaceholderRow>,
    /// The fields whose figure was printed as a percentage (`0.8935` shown `89.35%`, or the
    /// text `86.19%`): the reader keeps them in its printed layout.
    pub percent: Vec<String>,
}

impl<'g> Scope<'g> {
    pub fn new(grid: &'g Grid, rows: (u32, u32), labels: &'static [Label]) -> Self {
        let anchors: Vec<Pos> = (grid.positions_in_rows(rows).iter().copied())
            .filter(|&p| grid.area(p).first == p)
            .collect();
        let mut by_key: Vec<(u64, &str, Pos)> = anchors
            .iter()
            .flat_map(|&p| {
                label_bases(grid.own_label_key(p).unwrap_or("")).map(move |b| (key_hash(b), b, p))
            })
            .collect();
        by_key.sort_unstable();
        // The anchors that are one of `labels`: those with a text among the labels' keys.
        let all_keys = keys_of(labels);
        let mut label_anchors: Vec<Pos> = by_key
            .iter()
            .filter(|(h, b, _)| {
                all_keys
                    .binary_search_by(|(kh, k)| (*kh, &**k).cmp(&(*h, *b)))
                    .is_ok()
            })
            .map(|&(_, _, p)| p)
            .collect();
        label_anchors.sort_unstable();
        label_anchors.dedup();
        let colon_anchors = anchors
            .iter()
            .copied()
            .filter(|&p| grid.own_text(p).is_some_and(|t| t.contains([':', '：'])))
            .collect();
        Scope {
            grid,
            rows,
            labels,
            label_keys: PairKeys::of(labels),
            anchors,
            by_key,
            label_anchors,
            colon_anchors,
            pairs: RefCell::default(),
            used: Default::default(),
            cells: Vec::new(),
            diagnostics: Vec::new(),
            unit: None,
            asides: Vec::new(),
            table_notes: Vec::new(),
            placeholders: Vec::new(),
            percent: Vec::new(),
        }
    }

    /// Every anchor carrying `label` ([`Label::matches_key`] of its label key), row by row.
    fn all_of(&self, label: &Label) -> Vec<Pos> {
        self.all_with(&label.keys())
    }

    /// [`Scope::all_of`] the label of these [`Label::keys`].
    fn all_with(&self, keys: &[Box<str>]) -> Vec<Pos> {
        let mut found: Vec<Pos> = Vec::new();
        for key in keys {
            let key = (key_hash(key), &**key);
            let from = self.by_key.partition_point(|(h, b, _)| (*h, *b) < key);
            found.extend(
                self.by_key[from..]
                    .iter()
                    .take_while(|(h, b, _)| (*h, *b) == key)
                    .map(|&(_, _, p)| p),
            );
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The first anchor carrying `label` at or below row `from`.
    fn first_of(&self, label: &Label, from: u32) -> Option<Pos> {
        self.all_of(label).into_iter().find(|p| p.0 >= from)
    }

    pub fn location(&self, pos: Pos) -> Location {
        Location::cell(&self.grid.file, &self.grid.sheet, cell_name(pos))
    }

    /// Top-left cells of the form's non-empty areas, row by row.
    fn anchors(&self) -> impl Iterator<Item = Pos> + '_ {
        self.anchors.iter().copied()
    }

    /// Whether the text at `pos` is one of this form's labels, alone or starting a
    /// `label：value` cell.
    pub fn is_label(&self, pos: Pos) -> bool {
        let key = self.grid.label_key(pos);
        if key.is_empty() {
            return false;
        }
        let at = self.grid.area(pos).first;
        let anchor = (self.rows.0..=self.rows.1).contains(&at.0)
            && self.grid.area(at).first == at
            && self.grid.get_own(at).is_some();
        let label = if anchor {
            self.label_anchors.binary_search(&at).is_ok()
        } else {
            self.labels.iter().any(|l| l.matches_key(key))
        };
        label || self.with_pairs(pos, |pairs| !pairs.is_empty())
    }

    /// Calls `f` with [`split_pairs`] of the text at `pos` on the form's labels (each with the
    /// label key of its label as written), split once.
    fn with_pairs<R>(&self, pos: Pos, f: impl FnOnce(&[(Pair, String)]) -> R) -> R {
        let text = self.grid.text_str(pos);
        if !text.contains([':', '：']) {
            return f(&[]);
        }
        let at = self.grid.area(pos).first;
        if let Some(pairs) = self.pairs.borrow().get(&at) {
            return f(pairs);
        }
        let pairs: Vec<_> = split_pairs_keyed(text, &self.label_keys)
            .into_iter()
            .map(|p| {
                let key = normalize_label(&p.written);
                (p, key)
            })
            .collect();
        let r = f(&pairs);
        self.pairs.borrow_mut().insert(at, pairs);
        r
    }

    /// Finds `label` (at or below row `from`) and its value, wherever the form puts them: a label
    /// cell with the value to its right or below (`direction`), or `label：value` inside one cell,
    /// possibly with other pairs (`项目名称：… 项目类别：…`). The label's cell is marked as used.
    pub fn labelled(&mut self, label: &Label, direction: Direction, from: u32) -> Option<Labelled> {
        // The first cell that is the label, unless a `label：value` cell comes before it.
        let whole = self.first_of(label, from);
        let found = self
            .colon_anchors
            .iter()
            .copied()
            .filter(|&p| p.0 >= from && whole.is_none_or(|w| p < w))
            .find_map(|p| {
                // Split on all of the form's labels, so that the longest label at a place wins.
                let pair = self.with_pairs(p, |pairs| {
                    pairs
                        .iter()
                        .find(|(_, key)| label.matches_key(key))
                        .map(|(pair, _)| pair.clone())
                })?;
                Some((p, pair.written, Some(pair.value)))
            })
            .or_else(|| whole.map(|p| (p, self.grid.text(p), None)))?;
        let (at, written, inline) = found;
        self.used.insert(at);
        let value = match inline {
            Some(text) if text.is_empty() => None,
            Some(text) => Some(Value::Inline { at, text }),
            None => match direction {
                Direction::Right => self.right_of(at),
                Direction::Below => self.below(at),
            }
            .map(Value::Cell),
        };
        Some(Labelled { at, written, value })
    }

    /// Marks the value's cell as taken by `path` and returns its text.
    pub fn take_value_text(&mut self, path: &str, value: Option<&Value>) -> String {
        match value {
            Some(Value::Cell(p)) => self.take_text(path, Some(*p)),
            Some(Value::Inline { at, text }) => {
                self.mark(path, *at);
                text.clone()
            }
            None => String::new(),
        }
    }

    /// An amount from a cell or an inline value: `None` when blank.
    pub fn take_value_amount(
        &mut self,
        path: &str,
        value: Option<&Value>,
        min_scale: u32,
    ) -> Option<Decimal> {
        match value {
            Some(Value::Cell(p)) => self.take_amount(path, Some(*p), min_scale),
            Some(Value::Inline { at, text }) => {
                self.mark(path, *at);
                match figure_of(&Cell::Text(text.clone()), min_scale) {
                    Ok(Figure::Number(d)) => Some(d),
                    Ok(_) => None,
                    Err(found) => {
                        let d = Diagnostic::error(
                            crate::msg::rules::READ_NOT_A_NUMBER,
                            crate::msg::read::expected_number(),
                        )
                        .at(self.location(*at))
                        .found(crate::msg::check::quoted(found))
                        .hint(crate::msg::read::expected_number_hint());
                        self.diagnostics.push(d);
                        None
                    }
                }
            }
            None => None,
        }
    }

    /// The first cell carrying `label` at or below row `from`, marked as used.
    pub fn find_from(&mut self, label: &Label, from: u32) -> Option<Pos> {
        let pos = self.first_of(label, from)?;
        self.used.insert(pos);
        Some(pos)
    }

    /// The first cell carrying `label` at or below row `from`, without marking it.
    pub fn peek_from(&self, label: &Label, from: u32) -> Option<Pos> {
        self.first_of(label, from)
    }

    /// The non-empty cells of row `row` (top-left cells of their areas) that nothing took yet.
    pub fn unused_in_row(&self, row: u32) -> Vec<Pos> {
        (0..self.grid.cols)
            .map(|c| (row, c))
            .filter(|&p| {
                self.grid.area(p).first == p
                    && !self.grid.text(p).is_empty()
                    && !self.used.contains(&p)
            })
            .collect()
    }

    pub fn find(&mut self, label: &Label) -> Option<Pos> {
        self.find_from(label, self.rows.0)
    }

    /// Every cell carrying `label`, marked as used.
    pub fn find_all(&mut self, label: &Label) -> Vec<Pos> {
        let found = self.all_of(label);
        self.used.extend(found.iter().copied());
        found
    }

    /// The first cell carrying `label` on row `row`.
    pub fn find_in_row(&mut self, label: &Label, row: u32) -> Option<Pos> {
        let pos = self.all_in_row(label, row).next()?;
        self.used.insert(pos);
        Some(pos)
    }

    /// Every cell carrying `label` on row `row`, left to right (the two sides of the 88号
    /// indicator header), marked as used.
    pub fn find_all_in_row(&mut self, label: &Label, row: u32) -> Vec<Pos> {
        let found: Vec<Pos> = self.all_in_row(label, row).collect();
        self.used.extend(found.iter().copied());
        found
    }

    fn all_in_row<'a>(&'a self, label: &'a Label, row: u32) -> impl Iterator<Item = Pos> + 'a {
        (0..self.grid.cols)
            .map(move |c| (row, c))
            .filter(|&p| self.grid.area(p).first == p && label.matches_key(self.grid.label_key(p)))
    }

    /// The value a label implies on its right: the first non-empty cell after the label's area on
    /// the label's row, or `None` when the next thing there is another label (the value is blank).
    pub fn right_of(&self, label: Pos) -> Option<Pos> {
        let area = self.grid.area(label);
        let row = area.first.0;
        let mut c = area.last.1 + 1;
        while c < self.grid.cols {
            let pos = (row, c);
            let a = self.grid.area(pos);
            if !self.grid.text_str(pos).is_empty() {
                return (!self.is_label(pos)).then_some(a.first);
            }
            c = a.last.1 + 1;
        }
        None
    }

    /// The value under a label (goal texts): the cell right below the label's area, unless it
    /// is blank or another label.
    pub fn below(&self, label: Pos) -> Option<Pos> {
        let area = self.grid.area(label);
        let pos = (area.last.0 + 1, area.first.1);
        if pos.0 > self.rows.1 || self.grid.text_str(pos).is_empty() || self.is_label(pos) {
            return None;
        }
        Some(self.grid.area(pos).first)
    }

    /// The text under each field's label (the goal boxes), in field order, after the label of
    /// the whole block (`项目绩效目标`, `年度总体目标`) is marked as read.
    pub fn texts_below<I: FieldId>(&mut self, block: &Label, fields: &[Field<I>]) -> Vec<String> {
        self.find(block);
        fields
            .iter()
            .map(|field| {
                // Below the label (the official forms), or beside it where the label stands at
                // the left of its box (`年度目标 | text`, the 安徽 and 湖北 copies of the 88号 form).
                let value = self
                    .find(&field.label)
                    .and_then(|l| self.below(l).or_else(|| self.right_of(l)));
                self.take_text(field.id.path(), value)
            })
            .collect()
    }

    /// Marks `pos` as taken by the field `path` and returns its trimmed text.
    pub fn take_text(&mut self, path: &str, pos: Option<Pos>) -> String {
        match pos {
            Some(p) => {
                self.mark(path, p);
                self.grid.text(p)
            }
            None => String::new(),
        }
    }

    pub fn mark(&mut self, path: &str, pos: Pos) {
        self.used.insert(pos);
        self.cells
            .push((path.to_string(), self.grid.area(pos), Taken::Marked));
    }

    /// Records where a field would be even when its cell is blank, so checks can point there.
    pub fn record(&mut self, path: &str, area: Area) {
        self.cells.push((path.to_string(), area, Taken::Recorded));
    }

    pub fn mark_used(&mut self, pos: Pos) {
        self.used.insert(pos);
    }

    /// Whether a field or label took the cell at `pos` (or the merged area it starts).
    pub fn is_used(&self, pos: Pos) -> bool {
        self.used.contains(&pos)
    }

    /// The money unit stated in the label of the funds block (`项目资金（元）`). Where the label or
    /// its unit is missing, `assumed` is used and a warning says so: amounts are never read in a
    /// unit nobody stated without telling.
    pub fn money_unit(&mut self, label: &Label, assumed: MoneyUnit) -> MoneyUnit {
        let unit = self.find_money_unit(label, assumed);
        self.unit = Some(unit);
        unit
    }

    fn find_money_unit(&mut self, label: &Label, assumed: MoneyUnit) -> MoneyUnit {
        let at = self.find(label);
        if let Some(unit) = at.and_then(|p| MoneyUnit::from_label(&self.grid.text(p))) {
            return unit;
        }
        // The unit stated elsewhere in the header: `单位：万元` above or beside the table, or a
        // money label with its own parenthetical (`中期市财政预算（万元）`, `年度预算数（万元）`).
        let header_end = [
            &crate::layout::declaration::LEVEL1,
            &crate::layout::self_eval::TABLE_COLUMNS[0],
        ]
        .into_iter()
        .filter_map(|l| self.first_of(l, self.rows.0))
        .min()
        .map(|p| p.0)
        .unwrap_or(self.rows.1);
        let stated = self
            .anchors()
            .filter(|p| p.0 <= header_end)
            .find_map(|p| unit_statement(&self.grid.text(p)).map(|u| (p, u)));
        if let Some((_, unit)) = stated {
            return unit;
        }
        // The amounts' own units (`10000万元`): the first one decides.
        let own =
            self.anchors()
                .filter(|p| p.0 <= header_end)
                .find_map(|p| match self.grid.get(p) {
                    Some(Cell::Text(t)) => amount_with_unit(t).map(|(_, u, _)| u),
                    _ => None,
                });
        if let Some(unit) = own {
            return unit;
        }
        let mut d = Diagnostic::warning(
            crate::msg::rules::READ_MONEY_UNIT,
            crate::msg::read::no_money_unit(assumed),
        )
        .hint(crate::msg::read::no_money_unit_hint(assumed));
        d.at = at.map(|p| self.location(p));
        self.diagnostics.push(d);
        assumed
    }

    /// An amount: `None` when blank; numbers keep at least `min_scale` decimals.
    pub fn take_amount(&mut self, path: &str, pos: Option<Pos>, min_scale: u32) -> Option<Decimal> {
        if let Some(p) = pos
            && let Some(Cell::Text(text)) = self.grid.get(p)
            && let Some((number, own, aside)) = amount_with_unit(text)
        {
            let text = text.clone();
            self.mark(path, p);
            return self.convert_own_unit(p, number, own, aside, &text, min_scale);
        }
        match self.take_figure(path, pos, min_scale) {
            Figure::Number(d) => Some(d),
            Figure::Blank => None,
            Figure::Dash | Figure::Mark(_) => {
                let at = pos.map(|p| self.location(p));
                let mut d = Diagnostic::warning(
                    crate::msg::rules::READ_DASH_AMOUNT,
                    crate::msg::read::dash_amount(),
                );
                d.at = at;
                self.diagnostics.push(d);
                None
            }
        }
    }

    /// An amount printed with its own unit, in the form's unit: `854万` in a 万元 form is 854;
    /// `140,000元` in a 万元 form is 14.0000. A remainder after the unit is kept as an aside.
    fn convert_own_unit(
        &mut self,
        at: Pos,
        number: Decimal,
        own: MoneyUnit,
        aside: String,
        text: &str,
        min_scale: u32,
    ) -> Option<Decimal> {
        let unit = self.unit.unwrap_or(own);
        let converted = match (own, unit) {
            (a, b) if a == b => Some(number),
            (MoneyUnit::WanYuan, MoneyUnit::Yuan) => number.checked_mul(Decimal::from(10_000)),
            (MoneyUnit::Yuan, MoneyUnit::WanYuan) => number.checked_div(Decimal::from(10_000)),
            _ => Some(number),
        };
        let Some(mut amount) = converted else {
            self.diagnostics.push(
                Diagnostic::error(
                    crate::msg::rules::NUMBER_TOO_LARGE,
                    crate::msg::read::amount_too_large(text),
                )
                .at(self.location(at)),
            );
            return None;
        };
        if amount.scale() < min_scale {
            amount.rescale(min_scale);
        }
        if !aside.is_empty() {
            let label = self.label_left_of(at).unwrap_or_default();
            self.asides.push((label, text.to_string()));
        }
        Some(amount)
    }

    /// The text of the label cell on the left of `at`, if there is one.
    fn label_left_of(&self, at: Pos) -> Option<String> {
        let area = self.grid.area(at);
        (0..area.first.1).rev().find_map(|c| {
            let t = self.grid.text((area.first.0, c));
            (!t.is_empty()).then_some(t)
        })
    }

    /// A figure: blank, a printed dash, or a number (with at least `min_scale` decimals).
    /// Anything else is reported as an error at its cell and read as blank.
    pub fn take_figure(&mut self, path: &str, pos: Option<Pos>, min_scale: u32) -> Figure {
        let Some(pos) = pos else { return Figure::Blank };
        self.mark(path, pos);
        let Some(cell) = self.grid.get(pos) else {
            return Figure::Blank;
        };
        let percent = match cell {
            Cell::Number { shape, .. } => shape.percent,
            Cell::Text(t) => t.trim_end().ends_with('%'),
            _ => false,
        };
        if percent {
            self.percent.push(path.to_string());
        }
        match figure_of(cell, min_scale) {
            Ok(f) => f,
            Err(found) => {
                let d = Diagnostic::error(
                    crate::msg::rules::READ_NOT_A_NUMBER,
                    crate::msg::read::expected_number(),
                )
                .at(self.location(pos))
                .found(crate::msg::check::quoted(found))
                .hint(crate::msg::read::expected_number_hint());
                self.diagnostics.push(d);
                Figure::Blank
            }
        }
    }

    /// Ends reading: the source record, with every non-empty cell nothing took listed.
    pub fn finish(mut self, last_col: u32) -> (Source, Vec<Diagnostic>) {
        let mut unmapped = Vec::new();
        let mut cells_read = 0;
        let mut last_row = self.rows.0;
        let positions = self.grid.positions_in_rows(self.rows);
        for &pos in positions {
            let Some(text) = self.grid.own_text(pos) else {
                continue;
            };
            cells_read += 1;
            last_row = pos.0;
            let top_left = self.grid.area(pos).first;
            let taken = self.used.contains(&pos)
                || (top_left != pos
                    && self.used.contains(&top_left)
                    && self.grid.own_text(top_left) == Some(text));
            if !taken {
                unmapped.push(UnmappedCell {
                    cell: cell_name(pos),
                    text: text.to_string(),
                });
            }
        }
        for u in &unmapped {
            self.diagnostics.push(
                Diagnostic::warning(
                    crate::msg::rules::READ_UNMAPPED_CELL,
                    crate::msg::read::unmapped_cell(&u.text),
                )
                .at(Location::cell(&self.grid.file, &self.grid.sheet, &u.cell))
                .hint(crate::msg::read::unmapped_cell_hint()),
            );
        }
        let last_col = positions
            .iter()
            .map(|p| p.1)
            .max()
            .unwrap_or(0)
            .max(last_col);
        let source = Source {
            file: self.grid.file.clone(),
            sheet: self.grid.sheet.clone(),
            range: Area::new((self.rows.0, 0), (last_row, last_col)).name(),
            cells: cell_areas(self.cells),
            unmapped,
            cells_read,
            table_cells: Default::default(),
            layout: None,
            derived: None,
        };
        (source, self.diagnostics)
    }
}

/// How a field's area was given: a marked cell replaces what came before; a recorded place
/// only stands where nothing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Taken {
    Marked,
    Recorded,
}

/// Field path → area name: each field's last marked area, or else its first recorded one. Kept
/// as a list while reading and named once at the end (a map of names, updated per field, cost
/// more than the fields' reading).
fn cell_areas(mut cells: Vec<(String, Area, Taken)>) -> BTreeMap<String, String> {
    // Stable: each field's entries stay in the order they were given.
    cells.sort_by(|a, b| a.0.cmp(&b.0));
    let mut named = Vec::with_capacity(cells.len());
    let mut cells = cells.into_iter().peekable();
    while let Some((path, mut area, _)) = cells.next() {
        while let Some((_, later, taken)) = cells.next_if(|next| next.0 == path) {
            if taken == Taken::Marked {
                area = later;
            }
        }
        named.push((path, area.name()));
    }
    named.into_iter().collect()
}

/// A hash of a label key, for [`Scope`]'s sorted indexes: FxHash over eight bytes at a time.
fn key_hash(key: &str) -> u64 {
    use std::hash::Hasher as _;
    let mut h = crate::grid::FxHasher::default();
    let mut chunks = key.as_bytes().chunks_exact(8);
    for c in chunks.by_ref() {
        h.write_u64(u64::from_le_bytes(c.try_into().unwrap_or_default()));
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h.write_u64(u64::from_le_bytes(last) ^ ((key.len() as u64) << 56));
    h.finish()
}

/// Every [`Label::keys`] of `labels`, with its [`key_hash`], sorted: made once per list of
/// labels and thread (every form read asks which of its cells are labels).
fn keys_of(labels: &'static [Label]) -> std::rc::Rc<[(u64, Box<str>)]> {
    use std::collections::HashMap;
    type Sorted = std::rc::Rc<[(u64, Box<str>)]>;
    thread_local! {
        static SORTED: RefCell<HashMap<(usize, usize), Sorted, crate::grid::FxBuild>> =
            RefCell::default();
    }
    // The lists are static data: the address and length of one name it.
    let id = (labels.as_ptr() as usize, labels.len());
    SORTED.with_borrow_mut(|sorted| {
        sorted
            .entry(id)
            .or_insert_with(|| {
                let mut keys: Vec<(u64, Box<str>)> = labels
                    .iter()
                    .flat_map(|l| l.keys().to_vec())
                    .map(|k| (key_hash(&k), k))
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keys.into()
            })
            .clone()
    })
}

/// `单位：万元`, `金额单位：元`, or a money label with its unit in brackets (`资金情况（万元）`,
/// `年度预算数（万元）`): the unit the text states for the form's amounts.
pub fn unit_statement(text: &str) -> Option<MoneyUnit> {
    let t = crate::layout::normalize_label(text);
    if t.chars().count() > 30 {
        return None;
    }
    if let Some(rest) = t
        .strip_prefix("金额单位:")
        .or_else(|| t.strip_prefix("单位:"))
        .or_else(|| t.strip_prefix("资金单位:"))
    {
        return match rest {
            "万元" => Some(MoneyUnit::WanYuan),
            "元" => Some(MoneyUnit::Yuan),
            _ => None,
        };
    }
    let inner = t.strip_suffix(')')?.rsplit_once('(')?.1;
    match inner {
        "万元" => Some(MoneyUnit::WanYuan),
        "元" => Some(MoneyUnit::Yuan),
        _ => None,
    }
}

/// An amount printed with its unit: `10000万元`, `854万`, `140,000元`, `854万(高标准农田建设400万元,…)`
/// → (number, unit, what follows the unit). `None` for a bare number or any other text.
pub fn amount_with_unit(text: &str) -> Option<(Decimal, MoneyUnit, String)> {
    let t = text.trim();
    let end = t
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '，'))
        .map(|(i, _)| i)?;
    let (digits, rest) = t.split_at(end);
    let digits: String = digits.chars().filter(|c| *c != ',' && *c != '，').collect();
    if digits.is_empty() {
        return None;
    }
    let number: Decimal = digits.parse().ok()?;
    let rest = rest.trim_start();
    let (unit, after) = if let Some(a) = rest.strip_prefix("万元") {
        (MoneyUnit::WanYuan, a)
    } else if let Some(a) = rest.strip_prefix('万') {
        (MoneyUnit::WanYuan, a)
    } else if let Some(a) = rest.strip_prefix('元') {
        (MoneyUnit::Yuan, a)
    } else {
        return None;
    };
    let after = after.trim();
    // Only a parenthetical may follow: a breakdown of the amount. `854万854万(…)` is no amount.
    let parenthetical = after.starts_with(['(', '（']) && after.ends_with([')', '）']);
    if !(after.is_empty() || parenthetical) {
        return None;
    }
    Some((number, unit, after.to_string()))
}

/// Reads a cell as a [`Figure`]; `Err` carries the text that is not a number.
pub fn figure_of(cell: &Cell, min_scale: u32) -> Result<Figure, String> {
    let number = match cell {
        Cell::Number { value, shape } => {
            let mut d = decimal_from_f64(*value).ok_or_else(|| cell.text())?;
            if shape.percent {
                d = d
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .ok_or_else(|| cell.text())?
                    .normalize();
            }
            if let Some(dec) = shape.decimals
                && d.scale() < u32::from(dec)
            {
                d.rescale(u32::from(dec));
            }
            d
        }
        Cell::Text(t) => {
            let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            // Commas only as thousands separators (`1,234.50`); `1,2,3` is no number.
            let t = without_thousands(&t).ok_or_else(|| cell.text())?;
            if let Some(f) = Figure::from_mark_text(&t) {
                return Ok(f);
            }
            let (body, percent) = match t.strip_suffix('%') {
                Some(b) => (b, true),
                None => (t.as_str(), false),
            };
            let _ = percent; // a percent sign on a rate is decoration: 86.19% is 86.19
            body.parse::<Decimal>().map_err(|_| cell.text())?
        }
        other => return Err(other.text()),
    };
    let mut number = number;
    if number.scale() < min_scale {
        number.rescale(min_scale);
    }
    Ok(Figure::Number(number))
}

/// `1,234,567.50` → `1234567.50`; `None` when a comma is not a thousands separator (`1,2,3`).
fn without_thousands(text: &str) -> Option<String> {
    if !text.contains([',', '，']) {
        return Some(text.to_string());
    }
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let digits = int.trim_start_matches(['-', '+']);
    let groups: Vec<&str> = digits.split([',', '，']).collect();
    let ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && frac.is_none_or(|f| !f.contains([',', '，']));
    ok.then(|| {
        let sign = &int[..int.len() - digits.len()];
        let mut out = format!("{sign}{}", groups.concat());
        if let Some(f) = frac {
            out.push('.');
            out.push_str(f);
        }
        out
    })
}

/// The decimal a person typed: the shortest text that reads back as `v`, never binary noise.
pub fn decimal_from_f64(v: f64) -> Option<Decimal> {
    if !v.is_finite() {
        return None;
    }
    crate::grid::shortest(v)
        .parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::try_from(v).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::NumberShape;

    fn num(value: f64, decimals: Option<u8>, percent: bool) -> Cell {
        Cell::Number {
            value,
            shape: NumberShape { decimals, percent },
        }
    }

    /// The label index answers as a scan of every cell with [`Label::matches_key`] would, on
    /// every sheet of the real forms, for every label the readers know.
    #[test]
    fn label_index_finds_what_a_scan_finds() {
        let labels = [
            crate::read::declaration::LABELS,
            crate::read::self_eval::LABELS,
            crate::read::legacy_2020::LABELS,
        ];
        let mut found = 0;
        for file in [
            "baoshan-2024-declarations.xlsx",
            "xinjiang-2023-self-evaluations.xlsx",
            "xining-2020-legacy.xlsx",
            "other-layouts/xizang-2024-declarations.6col.xlsx",
        ] {
            let bytes = std::fs::read(format!("../shared/fixtures/{file}")).unwrap();
            for grid in crate::grid::open_bytes(&bytes, file).unwrap() {
                let rows = (0, grid.rows.saturating_sub(1));
                for list in labels {
                    let scope = Scope::new(&grid, rows, list);
                    for label in labels.iter().flat_map(|l| l.iter()) {
                        let scanned: Vec<Pos> = scope
                            .anchors()
                            .filter(|&p| label.matches_key(grid.label_key(p)))
                            .collect();
                        assert_eq!(scope.all_of(label), scanned, "{file} {}", label.text);
                        found += scanned.len();
                    }
                    for &p in &scope.anchors {
                        let scanned = list.iter().any(|l| l.matches_key(grid.label_key(p)));
                        assert_eq!(scope.label_anchors.binary_search(&p).is_ok(), scanned);
                    }
                }
            }
        }
        assert!(found > 500, "{found}");
    }

    #[test]
    fn issue_11_amounts_with_their_own_unit() {
        let a = |t: &str| amount_with_unit(t).map(|(n, u, rest)| (n.to_string(), u, rest));
        assert_eq!(
            a("10000万元"),
            Some(("10000".into(), MoneyUnit::WanYuan, String::new()))
        );
        assert_eq!(
            a("140,000元"),
            Some(("140000".into(), MoneyUnit::Yuan, String::new()))
        );
        assert_eq!(
            a("854万(高标准农田建设400万元)"),
            Some((
                "854".into(),
                MoneyUnit::WanYuan,
                "(高标准农田建设400万元)".into()
            ))
        );
        for t in [
            "854万854万(…)",
            "1000",
            "≤1000万元",
            "3年",
            "万元",
            "2025年年底前",
        ] {
            assert_eq!(a(t), None, "{t}");
        }
    }

    #[test]
    fn issue_11_unit_statements_anywhere_in_the_header() {
        assert_eq!(unit_statement("单位：万元"), Some(MoneyUnit::WanYuan));
        assert_eq!(unit_statement("金额单位: 元"), Some(MoneyUnit::Yuan));
        assert_eq!(unit_statement("资金情况（万元）"), Some(MoneyUnit::WanYuan));
        assert_eq!(
            unit_statement("中期市财政预算(万元)"),
            Some(MoneyUnit::WanYuan)
        );
        assert_eq!(unit_statement("项目名称"), None);
        assert_eq!(unit_statement("单位：个"), None);
    }

    #[test]
    fn issue_11_not_applicable_marks_kept_as_printed() {
        for m in ["/", "——", "无", "—", "--", "－"] {
            let f = figure_of(&Cell::Text(m.into()), 0).unwrap();
            assert!(matches!(f, Figure::Mark(_)), "{m}");
            assert_eq!(f.to_string(), m);
        }
        assert_eq!(
            figure_of(&Cell::Text("／".into()), 0).unwrap().to_string(),
            "/"
        );
    }

    #[test]
    fn figures_keep_printed_decimals_and_never_float_noise() {
        assert_eq!(
            figure_of(&num(14.0, Some(2), false), 0),
            Ok(Figure::Number("14.00".parse().unwrap()))
        );
        assert_eq!(
            figure_of(&num(12.51, None, false), 0).unwrap().to_string(),
            "12.51"
        );
        assert_eq!(
            figure_of(&num(10.0, Some(0), false), 0)
                .unwrap()
                .to_string(),
            "10"
        );
        assert_eq!(
            figure_of(&num(0.8935, Some(2), true), 0)
                .unwrap()
                .to_string(),
            "89.35"
        );
        assert_eq!(
            figure_of(&num(28.882, Some(2), false), 0)
                .unwrap()
                .to_string(),
            "28.882"
        );
        assert_eq!(
            figure_of(&Cell::Text("6,300,000.00".into()), 2)
                .unwrap()
                .to_string(),
            "6300000.00"
        );
        assert_eq!(
            figure_of(&Cell::Text("86.19%".into()), 0)
                .unwrap()
                .to_string(),
            "86.19"
        );
        assert_eq!(figure_of(&Cell::Text("-".into()), 0), Ok(Figure::Dash));
        assert_eq!(figure_of(&Cell::Text("十万".into()), 0), Err("十万".into()));
        assert_eq!(
            figure_of(&num(140000.0, None, false), 2)
                .unwrap()
                .to_string(),
            "140000.00"
        );
    }
}

//! The indicator table of the official forms (一级/二级/三级 指标 rows) as rows of cells, and the
//! columns a form adds to it.

use super::scope::Scope;
use crate::a1::{self, Pos};
use crate::diag::Diagnostic;
use crate::grid::Grid;
use crate::layout::{self, Label};
use crate::model::field::NotePart;
use crate::model::{ExtraCell, Indicator, IndicatorValue, Note};

/// One row of an indicator table, with 一级/二级 carried down merged or blank cells.
pub struct TableRow {
    pub row: u32,
    pub level1: String,
    pub level2: String,
    /// Texts of the columns after 一级 and 二级, in the order asked for.
    pub texts: Vec<String>,
    /// Where those texts stood.
    pub cells: Vec<Option<Pos>>,
}

impl TableRow {
    /// The row of a 申报表 or 目标表 table, read with the columns 一级, 二级, 三级, 指标值.
    pub fn into_indicator(self) -> Indicator {
        let mut texts = self.texts.into_iter();
        Indicator {
            level1: self.level1,
            level2: self.level2,
            name: texts.next().unwrap_or_default(),
            target: IndicatorValue::new(texts.next().unwrap_or_default()),
            ..Indicator::default()
        }
    }
}

/// Reads indicator rows below `header_row`. `named` are the field names and columns of 一级, 二级
/// and then the others, the first of them the 三级 (each cell is recorded as `<path>[i].<name>`,
/// `path` being `indicators` or `medium_term.indicators`). The table ends at a row with nothing
/// in any of these columns nor in the `beside` ones (the other side of a two-sided table), or at
/// a `stop` label.
///
/// Rows that hold nothing of their own — only 一级/二级 merged down from above, or a 三级
/// placeholder such as `指标2:` (DOMAIN §1b, see [`layout::is_placeholder`]) — are no indicator
/// and are skipped; a placeholder's cell counts as read, with an info note, and is kept in
/// `scope.placeholders` with its row among its 二级's rows. A row whose 一级 or
/// 二级 starts on it is kept even when empty: that is the skeleton of a 二级 with no 三级. In a
/// two-sided table the 一级 column is shared, and only the side's own 二级 counts.
pub fn table_rows(
    scope: &mut Scope,
    path: &str,
    header_row: u32,
    named: &[(&str, Option<u32>)],
    beside: &[u32],
    stop: &[Label],
) -> Vec<TableRow> {
    let grid = scope.grid;
    let cols: Vec<Option<u32>> = named.iter().map(|(_, c)| *c).collect();
    let mut rows = Vec::new();
    let (mut level1, mut level2) = (String::new(), String::new());
    // The (一级, 二级) of the last row taken, indicator or placeholder, and how many rows of it
    // were taken: a placeholder's row among its 二级's rows.
    let mut group: (String, String, usize) = Default::default();
    for r in header_row + 1..=scope.rows.1 {
        let first_key = (0..grid.cols)
            .map(|c| grid.label_key((r, c)))
            .find(|t| !t.is_empty());
        if first_key
            .is_some_and(|t| stop.iter().any(|l| l.matches_key(t)) || layout::is_footer_key(t))
        {
            break;
        }
        // A column counts when its cell (or the merged area it continues) starts below the header.
        let live = |c: u32, continues: bool| {
            let area = grid.area((r, c));
            let starts_here = area.first.0 == r;
            (starts_here || (continues && area.first.0 > header_row))
                && !grid.text_str((r, c)).is_empty()
        };
        let has_content = cols
            .iter()
            .enumerate()
            .any(|(i, c)| c.is_some_and(|c| live(c, i < 2)))
            || beside.iter().any(|&c| live(c, false));
        if !has_content {
            break;
        }
        if let Some(pos) = note_in_row(grid, r, &cols, beside) {
            scope.table_notes.push(pos);
            continue;
        }
        let i = rows.len();
        // What the row maps, applied only if the row is kept: (field, cell, has text).
        let mut fields: Vec<(String, Pos, bool)> = Vec::new();
        let mut own_level = false;
        if let Some(c) = cols[0] {
            let area = grid.area((r, c));
            if live(c, true) {
                let text = grid.text((r, c));
                if area.first.0 == r && text != level1 {
                    level2.clear();
                }
                level1 = text;
                // In a two-sided table (`beside` given) the 一级 is both sides': a side's row
                // needs its own 二级, 三级 or 指标值.
                own_level |= area.first.0 == r && beside.is_empty();
                fields.push((field_path(path, i, "level1"), area.first, true));
            }
        }
        if let Some(c) = cols.get(1).copied().flatten() {
            let area = grid.area((r, c));
            if live(c, true) {
                level2 = grid.text((r, c));
                own_level |= area.first.0 == r;
                fields.push((field_path(path, i, "level2"), area.first, true));
            } else if area.first.0 == r {
                // A blank 二级 under a new 一级 block starts blank, not carried.
                if cols[0].is_some_and(|c1| grid.area((r, c1)).first.0 == r && live(c1, true)) {
                    level2.clear();
                }
            }
        }
        let mut texts = Vec::new();
        let mut cells = Vec::new();
        let mut placeholder = None;
        for (k, (name, c)) in named.iter().skip(2).enumerate() {
            match c {
                Some(c) if grid.area((r, *c)).first.0 == r => {
                    let pos = grid.area((r, *c)).first;
                    let mut text = grid.text(pos);
                    if k == 0 && layout::is_placeholder(&text) {
                        scope.mark_used(pos);
                        scope.diagnostics.push(
                            Diagnostic::info(
                                crate::msg::rules::READ_PLACEHOLDER,
                                crate::msg::write::placeholder_name(&text),
                            )
                            .at(scope.location(pos)),
                        );
                        placeholder = Some(std::mem::take(&mut text));
                    }
                    fields.push((field_path(path, i, name), pos, !text.is_empty()));
                    texts.push(text);
                    cells.push(Some(pos));
                }
                _ => {
                    texts.push(String::new());
                    cells.push(None);
                }
            }
        }
        let kept = own_level || texts.iter().any(|t| !t.is_empty());
        if kept || placeholder.is_some() {
            if (group.0.as_str(), group.1.as_str()) == (level1.as_str(), level2.as_str()) {
                group.2 += 1;
            } else {
                group = (level1.clone(), level2.clone(), 0);
            }
        }
        if let Some(text) = placeholder {
            scope.placeholders.push(crate::model::PlaceholderRow {
                level1: level1.clone(),
                level2: level2.clone(),
                row: group.2,
                text,
            });
        }
        if !kept {
            for (_, pos, _) in fields {
                scope.mark_used(pos);
            }
            continue;
        }
        scope.record(
            &field_path(path, i, ""),
            a1::Area::new((r, 0), (r, grid.cols.saturating_sub(1))),
        );
        for (field, pos, has_text) in fields {
            if has_text {
                scope.mark(&field, pos);
            } else {
                scope.record(&field, grid.area(pos));
            }
        }
        rows.push(TableRow {
            row: r,
            level1: level1.clone(),
            level2: level2.clone(),
            texts,
            cells,
        });
    }
    rows
}

/// `indicators[3].name` (`name` empty: `indicators[3]`), allocated once at its size: every
/// cell of every indicator row names its field so (`format!` grew each name several times).
fn field_path(path: &str, i: usize, name: &str) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(path.len() + name.len() + 24);
    s.push_str(path);
    let _ = write!(s, "[{i}]");
    if !name.is_empty() {
        s.push('.');
        s.push_str(name);
    }
    s
}

/// The cell of row `r` of an indicator table when the row holds a note and no indicator
/// (DOMAIN §1g): all it holds of its own (areas starting on the row, in the table's columns
/// `cols` — 一级, 二级, 三级, 指标值, … — and `beside`) is one text, and that text begins like a
/// note (`注：`, `说明：`, `备注：`), or spans both the 三级 and the 指标值 column, or is a
/// sentence in one of them.
fn note_in_row(grid: &Grid, r: u32, cols: &[Option<u32>], beside: &[u32]) -> Option<Pos> {
    let mut own: Vec<a1::Area> = Vec::new();
    for &c in cols.iter().flatten().chain(beside) {
        let area = grid.area((r, c));
        if area.first.0 == r && !grid.text_str(area.first).is_empty() && !own.contains(&area) {
            own.push(area);
        }
    }
    let [area] = own[..] else { return None };
    let covers = |k: usize| {
        cols.get(k)
            .copied()
            .flatten()
            .is_some_and(|c| area.first.1 <= c && c <= area.last.1)
    };
    let text = grid.text_str(area.first);
    let note = layout::is_note_key(grid.label_key(area.first))
        || (covers(2) && covers(3))
        || ((covers(2) || covers(3)) && is_sentence(text));
    note.then_some(area.first)
}

/// A sentence rather than an indicator's name or value: 15 characters or more with a mark that
/// ends or joins clauses (`，。；！？`, or `,` `;` not inside a number such as `1,000`).
fn is_sentence(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.len() >= 15
        && chars.iter().enumerate().any(|(i, ch)| match ch {
            '，' | '。' | '；' | '！' | '？' => true,
            ',' | ';' => !chars.get(i + 1).is_some_and(char::is_ascii_digit),
            _ => false,
        })
}

/// The notes [`table_rows`] found inside an indicator table, appended to `notes` at their
/// cells, each reported as a warning (DOMAIN §1g).
pub fn take_table_notes(scope: &mut Scope, notes: &mut Vec<Note>) {
    for pos in std::mem::take(&mut scope.table_notes) {
        let i = notes.len();
        let text = scope.take_text(&NotePart::Text.of(i), Some(pos));
        let shown: String = if text.chars().count() > 30 {
            text.chars().take(30).chain(['…']).collect()
        } else {
            text.clone()
        };
        scope.diagnostics.push(
            Diagnostic::warning(
                crate::msg::rules::READ_NOTE_IN_TABLE,
                crate::msg::read::note_in_table(shown),
            )
            .at(scope.location(pos))
            .hint(crate::msg::read::note_in_table_hint()),
        );
        notes.push(Note {
            label: String::new(),
            text,
        });
    }
}

/// The columns of an indicator table's header row that no known column took: `(column, head)`,
/// left to right from `first_col` (绩效标准, 指标性质, 度量单位). Each is kept per row as an
/// [`ExtraCell`].
pub fn extra_columns(scope: &mut Scope, header_row: u32, first_col: u32) -> Vec<(u32, String)> {
    scope
        .unused_in_row(header_row)
        .into_iter()
        .filter(|p| p.1 > first_col)
        .map(|p| {
            scope.mark_used(p);
            (p.1, scope.grid.text(p))
        })
        .collect()
}

/// The extra cells of one row, non-empty ones only, under their column heads.
pub fn extra_cells(columns: &[(u32, String)], texts: &[String]) -> Vec<ExtraCell> {
    columns
        .iter()
        .zip(texts)
        .filter(|(_, t)| !t.is_empty())
        .map(|((_, head), text)| ExtraCell {
            column: head.clone(),
            text: text.clone(),
        })
        .collect()
}

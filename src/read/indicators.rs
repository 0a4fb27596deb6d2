//! The indicator table of the official forms (一级/二级/三级 指标 rows) as rows of cells, and the
//! columns a form adds to it.

use super::scope::Scope;
use crate::a1::{self, Pos};
use crate::diag::Diagnostic;
use crate::layout::{self, Label};
use crate::model::{ExtraCell, Indicator, IndicatorValue};

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
/// and are skipped; a placeholder's cell counts as read, with an info note. A row whose 一级 or
/// 二级 starts on it is kept even when empty: that is the skeleton of a 二级 with no 三级.
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
                own_level |= area.first.0 == r;
                fields.push((format!("{path}[{i}].level1"), area.first, true));
            }
        }
        if let Some(c) = cols.get(1).copied().flatten() {
            let area = grid.area((r, c));
            if live(c, true) {
                level2 = grid.text((r, c));
                own_level |= area.first.0 == r;
                fields.push((format!("{path}[{i}].level2"), area.first, true));
            } else if area.first.0 == r {
                // A blank 二级 under a new 一级 block starts blank, not carried.
                if cols[0].is_some_and(|c1| grid.area((r, c1)).first.0 == r && live(c1, true)) {
                    level2.clear();
                }
            }
        }
        let mut texts = Vec::new();
        let mut cells = Vec::new();
        for (k, (name, c)) in named.iter().skip(2).enumerate() {
            match c {
                Some(c) if grid.area((r, *c)).first.0 == r => {
                    let pos = grid.area((r, *c)).first;
                    let mut text = grid.text(pos);
                    if k == 0 && layout::is_placeholder(&text) {
                        scope.mark_used(pos);
                        scope.diagnostics.push(
                            Diagnostic::info(
                                "read.placeholder",
                                crate::msg::write::placeholder_name(&text),
                            )
                            .at(scope.location(pos)),
                        );
                        text.clear();
                    }
                    fields.push((format!("{path}[{i}].{name}"), pos, !text.is_empty()));
                    texts.push(text);
                    cells.push(Some(pos));
                }
                _ => {
                    texts.push(String::new());
                    cells.push(None);
                }
            }
        }
        if !own_level && texts.iter().all(String::is_empty) {
            for (_, pos, _) in fields {
                scope.mark_used(pos);
            }
            continue;
        }
        scope.record(
            &format!("{path}[{i}]"),
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

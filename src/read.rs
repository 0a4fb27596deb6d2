//! Inputs → [`crate::model::Document`]: workbooks are opened as [`Grid`]s, forms are found by their title
//! anchor (so a sheet may hold one form or several stacked ones, anywhere), and each form kind's
//! reader maps labels to fields. JSON models are read as they are.

pub(crate) mod declaration;
pub mod flat;
mod indicators;
mod inputs;
pub(crate) mod legacy_2020;
pub(crate) mod scope;
pub(crate) mod self_eval;
#[cfg(not(target_family = "wasm"))]
pub mod stream;
pub(crate) mod text;

pub(crate) use indicators::{TableRow, extra_cells, extra_columns, table_rows, take_table_notes};
pub use inputs::{
    Input, Inputs, read_all, read_bytes, read_bytes_as, read_input, read_json_bytes,
    read_workbook_bytes, sheets_without_forms,
};
#[cfg(not(target_family = "wasm"))]
pub use inputs::{
    expand_inputs, expand_inputs_noting, read_inputs, read_inputs_jobs, read_json, read_path,
    read_workbook,
};

use crate::a1::{self, Pos};
use crate::diag::{Diagnosed, Diagnostic, Location};
use crate::grid::{Cell, Grid};
use crate::layout::{self, Label};
use crate::model::field::{self, NotePart};
use crate::model::{Form, Note};
use scope::{Scope, Value};

/// The form kinds a title can announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// 财政项目支出绩效目标申报表, national (88号) or Shanghai (DOMAIN §1a, §1c).
    Declaration,
    /// 财政项目支出绩效自评表 (DOMAIN §1b, §1e).
    SelfEvaluation,
    /// The Shanghai 2020 财政项目支出绩效目标表 (DOMAIN §1d).
    Legacy2020,
}

impl FormKind {
    /// The kind a title cell announces, if it is a title: see [`title`].
    pub fn of_title(text: &str) -> Option<FormKind> {
        title(text).map(|t| t.kind)
    }
}

/// What a title cell says: the form kind, and whether it is a bare 目标表 title, which both the
/// Shanghai 2020 form and the provincial 88号 copies print (the form's content decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    /// The kind the title announces (a bare 目标表 title says [`FormKind::Declaration`]).
    pub kind: FormKind,
    /// The title is a bare `…绩效目标表`, not `…申报表`: a 2020 目标表 or an 88号 copy.
    pub target_table: bool,
}

/// Core titles, matched at the end of a title cell: `(core, kind, is a 目标表)`.
const TITLE_CORES: [(&str, FormKind, bool); 4] = [
    ("绩效自评表", FormKind::SelfEvaluation, false),
    ("绩效目标申报表", FormKind::Declaration, false),
    ("绩效目标批复表", FormKind::Declaration, false),
    ("绩效目标表", FormKind::Declaration, true),
];

/// Reads a title by pattern, as offices print them (issue 11): a core title
/// (`项目支出绩效目标申报表`, `绩效目标表`, `项目支出绩效自评表`, …) with anything in front of it — a
/// year (`2023年`), a unit's name, a programme (`部门预算`, `兵团本级财政…补助资金`) — and
/// parentheticals after it: a category (`(基础设施建设类)`) or the year (`(2023年度)`). A cell
/// that reads like a sentence (commas, colons, full stops) or is longer than a title is none.
pub fn title(text: &str) -> Option<Title> {
    title_key(&layout::normalized_label(text))
}

/// [`title`] of a text already normalised ([`crate::grid::Grid::label_key`]).
pub fn title_key(key: &str) -> Option<Title> {
    let t = key.trim_start_matches('#');
    if t.chars().count() > 60 || t.contains([',', ':', '。', ';', '；']) {
        return None;
    }
    let mut core = t;
    while let Some(open) = core.strip_suffix(')').and_then(|c| c.rfind('(')) {
        core = &core[..open];
    }
    TITLE_CORES
        .iter()
        .find(|(c, _, _)| core.ends_with(c))
        .map(|&(_, kind, target_table)| Title { kind, target_table })
}

/// Whether every non-empty cell of `row` is a header note (`报表编号:…`), and there is one.
fn is_header_note_row(grid: &Grid, row: u32) -> bool {
    let labels = [
        layout::declaration::HEADER_NOTES,
        layout::self_eval::HEADER_NOTES,
    ]
    .concat();
    let texts: Vec<String> = (0..grid.cols)
        .map(|c| grid.text((row, c)))
        .filter(|t| !t.is_empty())
        .collect();
    !texts.is_empty()
        && texts
            .iter()
            .all(|t| !layout::split_pairs(t, &labels).is_empty())
}

/// Whether the form in `rows` is the Shanghai 2020 目标表 rather than an 88号 目标表: it prints
/// labels only that form has (申报单位名称, 项目概况, 一级目标, …).
fn is_legacy_2020(grid: &Grid, rows: (u32, u32)) -> bool {
    use layout::legacy_2020 as l;
    let markers = [
        l::APPLICANT,
        l::LEVEL1,
        l::GOVERNMENT_PURCHASE,
        l::PERFORMANCE_TYPE,
        l::PRIOR_YEAR,
        l::NARRATIVE[0].1,
    ];
    (rows.0..=rows.1).any(|r| {
        (0..grid.cols).any(|c| {
            let text = grid.text((r, c));
            !text.is_empty()
                && markers.iter().any(|m| {
                    m.matches(&text)
                        || !layout::split_pairs(&text, std::slice::from_ref(m)).is_empty()
                })
        })
    })
}

/// Reads every form on a sheet. Cells outside any form are reported, never dropped silently.
pub fn read_grid(grid: &Grid) -> Diagnosed<Vec<Form>> {
    let mut titles: Vec<(Pos, Title)> = (grid.positions().iter())
        .filter_map(|&pos| match grid.get_own(pos)? {
            Cell::Text(_) => title_key(grid.own_label_key(pos)?).map(|k| (pos, k)),
            _ => None,
        })
        .collect();
    titles.sort_by_key(|(p, _)| *p);
    // A title repeated into every cell of its merged area (or across a row) is one title.
    titles.dedup_by_key(|((row, _), _)| *row);
    let mut forms = Vec::new();
    let mut diagnostics = Vec::new();
    let filled = grid.positions().len();
    if titles.is_empty() && filled > 0 {
        diagnostics.push(
            Diagnostic::warning(
                crate::msg::rules::READ_NO_FORM_ON_SHEET,
                crate::msg::read::no_title_on_sheet(filled),
            )
            .at(Location {
                file: grid.file.clone(),
                sheet: Some(grid.sheet.clone()),
                cell: None,
            })
            .hint(crate::msg::read::no_title_on_sheet_hint()),
        );
    }
    let first_start = titles.first().map(|((row, _), _)| {
        let mut start = *row;
        while start > 0 && is_header_note_row(grid, start - 1) {
            start -= 1;
        }
        start
    });
    if let Some(first_row) = first_start.filter(|&r| r > 0) {
        for &pos in grid.positions_in_rows((0, first_row - 1)) {
            if let Some(cell) = grid.get_own(pos) {
                diagnostics.push(
                    Diagnostic::info(
                        crate::msg::rules::READ_OUTSIDE_FORM,
                        crate::msg::read::above_first_form(cell.text()),
                    )
                    .at(Location::cell(
                        &grid.file,
                        &grid.sheet,
                        a1::cell_name(pos),
                    )),
                );
            }
        }
    }
    // A form starts at its title, or above it where the rows over the title hold only header
    // notes such as `报表编号:510000_0013zp` (四川 一体化).
    let starts: Vec<u32> = titles
        .iter()
        .enumerate()
        .map(|(i, ((row, _), _))| {
            let floor = if i == 0 { 0 } else { titles[i - 1].0.0 + 1 };
            let mut start = *row;
            while start > floor && is_header_note_row(grid, start - 1) {
                start -= 1;
            }
            start
        })
        .collect();
    for (i, &(title, found)) in titles.iter().enumerate() {
        let row = starts[i];
        let last = starts
            .get(i + 1)
            .map(|r| r - 1)
            .unwrap_or(grid.rows.saturating_sub(1));
        let kind = if found.target_table && is_legacy_2020(grid, (row, last)) {
            FormKind::Legacy2020
        } else {
            found.kind
        };
        let scope = |labels| {
            let mut s = Scope::new(grid, (row, last), labels);
            s.mark_used(title);
            s
        };
        let (form, diags) = match kind {
            FormKind::Declaration => {
                let (f, d) = declaration::read(scope(declaration::LABELS));
                (Some(Form::Declaration(f)), d)
            }
            FormKind::SelfEvaluation => {
                let (f, d) = self_eval::read(scope(self_eval::LABELS));
                (Some(Form::SelfEvaluation(f)), d)
            }
            FormKind::Legacy2020 => {
                let (f, d) = legacy_2020::read(scope(legacy_2020::LABELS));
                (Some(Form::Legacy2020(f)), d)
            }
        };
        forms.extend(form.map(|f| with_derived_layout(grid, f, title)));
        diagnostics.extend(diags);
    }
    Diagnosed::new(forms, diagnostics)
}

/// `form` with its own grid recorded ([`layout::derived::derive`]) when it is a 申报表 or 自评表
/// printed in none of the layouts jixiao describes, so that `--layout source` writes it back
/// cell for cell (issue 11). The 2020 目标表 has one layout of its own.
fn with_derived_layout(grid: &Grid, mut form: Form, title: Pos) -> Form {
    if matches!(form, Form::Legacy2020(_)) {
        return form;
    }
    let derived = match form.source() {
        Some(s) if s.layout.is_none() => layout::derived::derive(grid, &form, s, title),
        _ => return form,
    };
    if let Some(s) = form.source_mut() {
        s.derived = Some(derived);
    }
    form
}

/// The `（2026年度）` caption in the form's first rows.
fn read_year(scope: &mut Scope) -> Option<i32> {
    let (first, last) = scope.rows;
    for r in first..=(first + 3).min(last) {
        for c in 0..scope.grid.cols {
            let text = scope.grid.text((r, c));
            if scope.grid.area((r, c)).first != (r, c)
                || !text.contains("年度")
                || scope.is_label((r, c))
            {
                continue;
            }
            let compact: String = text.chars().filter(|ch| !ch.is_whitespace()).collect();
            let before = compact.split("年度").next().unwrap_or("");
            // The digits right before 年度: `（2026年度）`, `( 2024 年度)`.
            let digits = &before[before
                .trim_end_matches(|ch: char| ch.is_ascii_digit())
                .len()..];
            let inner = before.trim_start_matches(['（', '(']);
            if digits.len() == 4 {
                scope.mark(field::YEAR, (r, c));
                return digits.parse().ok();
            }
            if inner.is_empty() {
                scope.mark(field::YEAR, (r, c));
                return None;
            }
        }
    }
    None
}

/// A date field: date cells, Excel serial numbers and `2026-01-01`, `2026/1/1`, `2026年1月1日`,
/// `2026.1.1` become `YYYY-MM-DD`; other text is kept as printed, with a warning. The value may
/// share its label's cell (`计划开始日期：2020-01-01`).
fn read_date_value(scope: &mut Scope, path: &str, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let pos = value.pos();
    scope.mark(path, pos);
    let cell = match value {
        Value::Cell(p) => match scope.grid.get(*p) {
            Some(c) => c.clone(),
            None => return String::new(),
        },
        Value::Inline { text, .. } => Cell::Text(text.clone()),
    };
    let parsed = match &cell {
        Cell::Date(d) => Some(d.clone()),
        Cell::Number { value, .. } if (1.0..2958466.0).contains(value) && value.fract() == 0.0 => {
            Some(crate::model::date::from_serial(*value as i64))
        }
        Cell::Text(t) => crate::model::date::parse(t),
        _ => None,
    };
    parsed.unwrap_or_else(|| {
        let text = cell.text();
        if crate::model::date::looks_like(&text) {
            scope.diagnostics.push(
                Diagnostic::error(
                    crate::msg::rules::READ_IMPOSSIBLE_DATE,
                    crate::msg::read::impossible_date(),
                )
                .at(scope.location(pos))
                .found(crate::msg::check::quoted(&text))
                .hint(crate::msg::read::impossible_date_hint()),
            );
            return text;
        }
        scope.diagnostics.push(
            Diagnostic::warning(crate::msg::rules::READ_DATE, crate::msg::read::not_a_date())
                .at(scope.location(pos))
                .found(crate::msg::check::quoted(&text))
                .hint(crate::msg::read::not_a_date_hint()),
        );
        text
    })
}

/// Header labels the model has no field for (`labels`: 项目来源, 报表编号, …) found above row
/// `before`: a note each when filled in, with the label as printed.
pub fn read_header_notes(scope: &mut Scope, labels: &[Label], before: u32, notes: &mut Vec<Note>) {
    let from = scope.rows.0;
    for label in labels {
        let Some(found) = scope
            .labelled(label, scope::Direction::Right, from)
            .filter(|f| f.at.0 < before)
        else {
            continue;
        };
        let path = NotePart::Text.of(notes.len());
        let text = scope.take_value_text(&path, found.value.as_ref());
        if !text.is_empty() {
            notes.push(Note {
                label: found.written.trim_end_matches([':', '：']).to_string(),
                text,
            });
        }
    }
}

/// 备注 under a form, the block the writers print (issue 11): after its `heading`, one row per
/// note, its label in the heading's first column and its text in the next cell; a row with
/// nothing in that column is a note without a label (`注：…`).
pub fn read_notes(scope: &mut Scope, heading: Pos, notes: &mut Vec<Note>) {
    let grid = scope.grid;
    let first_col = grid.area(heading).first.1;
    for r in grid.area(heading).last.0 + 1..=scope.rows.1 {
        let cells = |p: &Pos| grid.area(*p).first == *p && !grid.text(*p).is_empty();
        if (0..grid.cols)
            .map(|c| (r, c))
            .filter(cells)
            .all(|p| scope.is_used(p))
        {
            // Taken already: a header note read by its label (`项目实施内容及过程概述`).
            if (0..grid.cols).map(|c| (r, c)).any(|p| cells(&p)) {
                continue;
            }
            break;
        }
        let mut anchors = (0..grid.cols).map(|c| (r, c)).filter(cells);
        let Some(first) = anchors.next() else { break };
        let (label, text) = match first.1 == first_col {
            true => (Some(first), anchors.next()),
            false => (None, Some(first)),
        };
        let i = notes.len();
        notes.push(Note {
            // The writer breaks a long label where the forms do (`…预算额\n（元）`): one line.
            label: scope
                .take_text(&NotePart::Label.of(i), label)
                .replace('\n', ""),
            text: scope.take_text(&NotePart::Text.of(i), text),
        });
    }
}

/// The lines under a form from row `from` on that no field took (issue 11): notes (`注：…`),
/// signatures and dates (`填报人：`, `单位负责人`), the 自评表's closing remarks (`评价结论 | text`).
/// A label cell (one of [`layout::FOOTER_LABELS`], or any text ending in a colon) with a value on
/// its right gives a note of that label and value; a label with nothing after it is read as
/// blank; any other cell is a note of its own text.
pub fn read_footer(scope: &mut Scope, from: u32, notes: &mut Vec<Note>) {
    let grid = scope.grid;
    for r in from..=scope.rows.1 {
        let anchors: Vec<Pos> = (0..grid.cols)
            .map(|c| (r, c))
            .filter(|&p| grid.area(p).first == p && !grid.text(p).is_empty() && !scope.is_used(p))
            .collect();
        let mut k = 0;
        while k < anchors.len() {
            let pos = anchors[k];
            let text = grid.text(pos);
            let is_label = (layout::is_footer(&text) && !text.trim_start().starts_with('注'))
                || text.trim_end().ends_with([':', '：']);
            let i = notes.len();
            if is_label {
                let next = anchors
                    .get(k + 1)
                    .filter(|&&p| !layout::is_footer(&grid.text(p)));
                scope.mark(&NotePart::Label.of(i), pos);
                if let Some(&value) = next {
                    notes.push(Note {
                        label: text.trim_end_matches([':', '：', ' ']).to_string(),
                        text: scope.take_text(&NotePart::Text.of(i), Some(value)),
                    });
                    k += 2;
                    continue;
                }
            } else {
                notes.push(Note {
                    label: String::new(),
                    text: scope.take_text(&NotePart::Text.of(i), Some(pos)),
                });
            }
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_11_titles_by_pattern() {
        let kind = |t: &str| title(t).map(|t| (t.kind, t.target_table));
        use FormKind::*;
        for t in [
            "财政项目支出绩效目标申报表",
            "2023年项目支出绩效目标申报表",
            "绩效目标申报表(基础设施建设类)",
            "上海市宝山区人民政府办公室财政项目支出绩效目标申报表",
            "兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表",
            "东莞市财政项目支出绩效目标批复表",
        ] {
            assert_eq!(kind(t), Some((Declaration, false)), "{t}");
        }
        for t in ["项目支出绩效目标表", "绩效目标表", "财政项目支出绩效目标表"]
        {
            assert_eq!(kind(t), Some((Declaration, true)), "{t}");
        }
        for t in [
            "财政项目支出绩效自评表",
            "部门预算项目支出绩效自评表(2023年度)",
            "# 项目支出绩效自评表",
        ] {
            assert_eq!(kind(t), Some((SelfEvaluation, false)), "{t}");
        }
        // Sentences and notes that mention a form are no title.
        for t in [
            "注:请按项目支出绩效目标申报表填写",
            "各单位填报绩效目标表,报财政局。",
            "附件1:项目支出绩效目标表",
            "项目支出绩效目标申报表填报说明",
            "",
        ] {
            assert_eq!(kind(t), None, "{t}");
        }
    }
}

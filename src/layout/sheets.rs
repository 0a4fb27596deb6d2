//! The grids of every layout jixiao writes, described once: where each layout prints each label
//! and value. The writers paint a form from one of these descriptions; the readers, which find
//! labels anywhere, use the same descriptions to tell which layout a form was printed in
//! ([`identify`]) and which of its labels it printed in its own words, so that
//! `--layout source` writes it back as it came (issue 11).
//!
//! The labels are those of [`super::declaration`] and [`super::self_eval`]: a layout only says
//! where they go. Positions are A1 ranges of a form whose title is on row 1.

use super::{Field, Label, declaration as d, self_eval as s};
use crate::a1::Area;
use crate::grid::Grid;
use crate::model::field::{
    DeclarationAmount, DeclarationText, MediumAmount, MediumText, SelfEvaluationText,
};
use crate::model::{LayoutId, PrintedLayout};

/// The slots of a printed layout that are labels, not fields (a field's slot is its path): a
/// form's own words for them are kept in [`PrintedLayout::labels`] under these names.
pub(crate) mod slot {
    /// The title over the form.
    pub const TITLE: &str = "title";
    /// The year caption under the title.
    pub const YEAR: &str = crate::model::field::YEAR;
    /// The 项目资金 block's label.
    pub const FUNDS: &str = "funds";
    /// The 项目绩效目标 block's label.
    pub const GOALS: &str = "goals";
    /// 绩效指标, the label over the indicator table.
    pub const INDICATORS: &str = crate::model::field::INDICATORS;
    /// The 自评表's 总分 row label.
    pub const TOTAL: &str = "total";
    /// The 申报表 indicator table's column heads: 一级, 二级, 三级, 指标值.
    pub const TABLE_LEVEL1: &str = "table.level1";
    /// 二级指标
    pub const TABLE_LEVEL2: &str = "table.level2";
    /// 三级指标
    pub const TABLE_NAME: &str = "table.name";
    /// 指标值 (宝山 prints 年度指标值)
    pub const TABLE_TARGET: &str = "table.target";
}

/// A 申报表 grid: rows 1–2 title and year, the header fields, 项目资金, the goals, then the
/// indicator table from `table_header_row` down and 备注 under it.
#[derive(Debug, Clone, Copy)]
pub struct DeclarationSheet {
    pub id: LayoutId,
    /// Column widths, in Excel character units; their number is the form's width.
    pub widths: &'static [f64],
    pub title: Label,
    /// Labels printed with no value cell of their own (the 88号 signature line), each with its
    /// slot and area; a form may leave them out.
    pub fixed: &'static [(&'static str, Label, &'static str)],
    pub header: &'static [Field<DeclarationText>],
    /// Where 项目名称's value goes when the form has no 项目性质 (the 宝山 form).
    pub name_without_nature_at: &'static str,
    pub funds_at: &'static str,
    pub funds: &'static [Field<DeclarationAmount>],
    /// Cells of the funds block no field takes, printed empty with their borders.
    pub funds_blank: &'static [&'static str],
    pub goals_at: &'static str,
    pub goals_label: Label,
    pub goals: &'static [Field<DeclarationText>],
    /// The 中期 side, in the layouts that print one (the 88号 form).
    pub medium: Option<MediumSheet>,
    /// 0-based row of the table's header; `绩效指标` spans `indicators_col` from it down.
    pub table_header_row: u32,
    pub indicators_col: u16,
    /// Columns (0-based first, last) of 一级, 二级, 三级, 指标值.
    pub level1: (u16, u16),
    pub level2: (u16, u16),
    pub name: (u16, u16),
    pub target: (u16, u16),
    pub target_label: Label,
    /// 备注 under the table: the heading over `notes`, each note's label and text.
    pub notes: (u16, u16),
    pub note_label: (u16, u16),
    pub note_text: (u16, u16),
}

/// The 中期 side of a 申报表 grid (the 88号 form, DOMAIN §1a): 项目期 and 中期目标, the 中期
/// amounts, and the 二级 / 三级 / 指标值 columns of its indicators, which share the 一级 column
/// with the 年度 side.
#[derive(Debug, Clone, Copy)]
pub struct MediumSheet {
    pub texts: &'static [Field<MediumText>],
    pub funds: &'static [Field<MediumAmount>],
    pub level2: (u16, u16),
    pub name: (u16, u16),
    pub target: (u16, u16),
}

/// The official Shanghai 申报表, 8 columns A–H (DOMAIN §1c): the default of `-o x.xlsx`.
pub const DECLARATION_8: DeclarationSheet = DeclarationSheet {
    id: LayoutId::Declaration8,
    widths: &d::COLUMN_WIDTHS,
    title: d::TITLE,
    fixed: &[],
    header: d::HEADER,
    name_without_nature_at: d::PROJECT_NAME_WITHOUT_NATURE_AT,
    funds_at: d::FUNDS_AT,
    funds: d::FUND_FIELDS,
    funds_blank: &[],
    goals_at: d::GOALS_AT,
    goals_label: d::GOALS,
    goals: d::GOAL_FIELDS,
    medium: None,
    table_header_row: d::TABLE_HEADER_ROW,
    indicators_col: d::INDICATORS_COL,
    level1: d::LEVEL1_COLS,
    level2: d::LEVEL2_COLS,
    name: d::NAME_COLS,
    target: d::TARGET_COLS,
    target_label: d::TARGET,
    notes: d::NOTES_COLS,
    note_label: d::NOTE_LABEL_COLS,
    note_text: d::NOTE_TEXT_COLS,
};

const fn field<I>(id: I, label: Label, label_at: &'static str, value_at: &'static str) -> Field<I> {
    Field {
        id,
        label,
        label_at,
        value_at,
    }
}

/// The 申报表 in 6 columns A–F (`other-layouts/*.6col.xlsx`): labels in A, 项目资金 A6:A9 with the
/// whole-project side in B | C and the annual side in D | E:F, 指标值 in E:F.
pub const DECLARATION_6: DeclarationSheet = DeclarationSheet {
    id: LayoutId::Declaration6,
    widths: &[12.0, 16.0, 16.0, 22.0, 12.0, 14.0],
    title: d::TITLE,
    fixed: &[],
    header: &[
        field(DeclarationText::ProjectName, d::PROJECT_NAME, "A3", "B3"),
        field(
            DeclarationText::ProjectNature,
            d::PROJECT_NATURE,
            "C3",
            "D3",
        ),
        field(
            DeclarationText::ProjectCategory,
            d::PROJECT_CATEGORY,
            "E3",
            "F3",
        ),
        field(DeclarationText::Department, d::DEPARTMENT, "A4", "B4:C4"),
        field(
            DeclarationText::ImplementingUnit,
            d::IMPLEMENTING_UNIT,
            "D4",
            "E4:F4",
        ),
        field(
            DeclarationText::PlannedStart,
            d::PLANNED_START,
            "A5",
            "B5:C5",
        ),
        field(DeclarationText::PlannedEnd, d::PLANNED_END, "D5", "E5:F5"),
    ],
    name_without_nature_at: "B3:D3",
    funds_at: "A6:A9",
    funds: &[
        field(
            DeclarationAmount::ProjectTotal,
            d::PROJECT_TOTAL,
            "B6",
            "C6",
        ),
        field(
            DeclarationAmount::ProjectFiscal,
            d::PROJECT_FISCAL,
            "B7",
            "C7",
        ),
        field(DeclarationAmount::ProjectOther, d::OTHER, "B9", "C9"),
        field(
            DeclarationAmount::AnnualTotal,
            d::ANNUAL_TOTAL,
            "D6",
            "E6:F6",
        ),
        field(
            DeclarationAmount::AnnualFiscal,
            d::ANNUAL_FISCAL,
            "D7",
            "E7:F7",
        ),
        field(
            DeclarationAmount::AnnualCarryover,
            d::ANNUAL_CARRYOVER,
            "D8",
            "E8:F8",
        ),
        field(DeclarationAmount::AnnualOther, d::OTHER, "D9", "E9:F9"),
    ],
    funds_blank: &["B8", "C8"],
    goals_at: "A10:A11",
    goals_label: d::GOALS,
    goals: &[
        field(
            DeclarationText::OverallGoal,
            d::OVERALL_GOAL,
            "B10:C10",
            "B11:C11",
        ),
        field(
            DeclarationText::AnnualGoal,
            d::ANNUAL_GOAL,
            "D10:F10",
            "D11:F11",
        ),
    ],
    medium: None,
    table_header_row: 11,
    indicators_col: 0,
    level1: (1, 1),
    level2: (2, 2),
    name: (3, 3),
    target: (4, 5),
    target_label: d::TARGET,
    notes: (0, 5),
    note_label: (0, 1),
    note_text: (2, 5),
};

/// The national 申报表 of 财预〔2015〕88号, 8 columns A–H (DOMAIN §1a), as the 2024 六安 form
/// prints it: the signature line under the caption; 项目名称 over the row; 主管部门及代码 |
/// 实施单位; 项目属性 | 项目期; `项目资金（万元）` with 中期资金总额, 其中：财政拨款, 其他资金
/// (B:C, amount D) beside 年度资金总额 and its two rows (E:F, amount G:H); 总体目标 with
/// 中期目标 (B:E) beside 年度目标 (F:H); then `绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
/// 二级指标 | 三级指标 | 指标值`, the 中期 side left of the 年度 side. It has no 项目类别, no
/// planned dates, no 项目资金总额 side and no 上年结转资金: a form holding them gets them under
/// 备注 (see `crate::write::declaration`).
pub const DECLARATION_88: DeclarationSheet = DeclarationSheet {
    id: LayoutId::Declaration88,
    widths: &[15.0, 10.0, 14.0, 16.0, 10.0, 14.0, 16.0, 10.0],
    title: d::TITLE_88,
    fixed: &[
        ("signatures[0]", d::SIGNATURES[0], "A3:D3"),
        ("signatures[1]", d::SIGNATURES[1], "E3:H3"),
    ],
    header: &[
        field(DeclarationText::ProjectName, d::PROJECT_NAME, "A4", "B4:H4"),
        field(DeclarationText::Department, d::DEPARTMENT_88, "A5", "B5:D5"),
        field(
            DeclarationText::ImplementingUnit,
            d::IMPLEMENTING_UNIT,
            "E5",
            "F5:H5",
        ),
        field(DeclarationText::ProjectNature, d::NATURE_88, "A6", "B6:D6"),
    ],
    name_without_nature_at: "B4:H4",
    funds_at: "A7:A9",
    funds: &[
        field(
            DeclarationAmount::AnnualTotal,
            d::ANNUAL_TOTAL_88,
            "E7:F7",
            "G7:H7",
        ),
        field(
            DeclarationAmount::AnnualFiscal,
            d::FISCAL_88,
            "E8:F8",
            "G8:H8",
        ),
        field(DeclarationAmount::AnnualOther, d::OTHER, "E9:F9", "G9:H9"),
    ],
    funds_blank: &[],
    goals_at: "A10:A11",
    goals_label: d::GOALS_88,
    goals: &[field(
        DeclarationText::AnnualGoal,
        d::ANNUAL_GOAL_88,
        "F10:H10",
        "F11:H11",
    )],
    medium: Some(MediumSheet {
        texts: &[
            field(MediumText::Period, d::PROJECT_PERIOD, "E6", "F6:H6"),
            field(MediumText::Goal, d::MEDIUM_GOAL, "B10:E10", "B11:E11"),
        ],
        funds: &[
            field(MediumAmount::Total, d::MEDIUM_TOTAL, "B7:C7", "D7"),
            field(MediumAmount::Fiscal, d::FISCAL_88, "B8:C8", "D8"),
            field(MediumAmount::Other, d::OTHER, "B9:C9", "D9"),
        ],
        level2: (2, 2),
        name: (3, 3),
        target: (4, 4),
    }),
    table_header_row: 11,
    indicators_col: 0,
    level1: (1, 1),
    level2: (5, 5),
    name: (6, 6),
    target: (7, 7),
    target_label: d::TARGET_88,
    notes: (0, 7),
    note_label: (0, 1),
    note_text: (2, 7),
};

/// Where a layout has no cell for something a form holds, or leaves one of its cells blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Distance {
    /// Values of the form the layout has no cell for (each 中期 indicator row counts one), and
    /// one for a 中期 side the layout would add to a form that has none.
    pub without_cell: usize,
    /// Value cells of the layout the form leaves blank.
    pub blank: usize,
}

impl DeclarationSheet {
    /// Whether the layout has a cell for the text field `id`.
    pub fn places_text(&self, id: DeclarationText) -> bool {
        self.header.iter().chain(self.goals).any(|f| f.id == id)
    }

    /// Whether the layout has a cell for the amount `id`.
    pub fn places_amount(&self, id: DeclarationAmount) -> bool {
        self.funds.iter().any(|f| f.id == id)
    }

    /// How far `form` is from this layout: what it holds that the layout has no cell for, then
    /// the layout's cells it leaves blank (see [`nearest_declaration`]).
    pub fn distance(&self, form: &crate::model::Declaration) -> Distance {
        let mut d = Distance {
            without_cell: 0,
            blank: 0,
        };
        let mut count = |placed: bool, held: bool| match (placed, held) {
            (false, true) => d.without_cell += 1,
            (true, false) => d.blank += 1,
            _ => {}
        };
        for &id in DeclarationText::ALL {
            let held = form.text(id).is_some_and(|t| !t.is_empty());
            count(self.places_text(id), held);
        }
        for &id in DeclarationAmount::ALL {
            count(self.places_amount(id), id.get(&form.funds).is_some());
        }
        let medium = form.medium_term.clone().unwrap_or_default();
        let m = self.medium.as_ref();
        for &id in MediumText::ALL {
            let placed = m.is_some_and(|m| m.texts.iter().any(|f| f.id == id));
            count(placed, !id.get(&medium).is_empty());
        }
        for &id in MediumAmount::ALL {
            let placed = m.is_some_and(|m| m.funds.iter().any(|f| f.id == id));
            count(placed, id.get(&medium).is_some());
        }
        match (m, &form.medium_term) {
            (None, _) => d.without_cell += medium.indicators.len(),
            (Some(_), None) => d.without_cell += 1,
            (Some(_), Some(_)) => {}
        }
        d
    }
}

/// The 申报表 layout nearest to what `form` holds, for a form printed in none of them
/// (`--layout source` of a provincial grid): the fewest of its values without a cell (those go
/// under 备注), then the fewest blank cells; the official layout on a tie. A form with an
/// 88号 中期 side gets the 88号 layout unless that would leave more of it without a cell.
pub fn nearest_declaration(form: &crate::model::Declaration) -> &'static DeclarationSheet {
    DECLARATIONS
        .iter()
        .min_by_key(|l| l.distance(form))
        .unwrap_or(&DECLARATIONS[0])
}

/// A 自评表 grid: title and year, the header fields, the 项目资金 grid, the goals, the indicator
/// table (with or without a `绩效指标` column in front), 总分 and 评分等级.
#[derive(Debug, Clone, Copy)]
pub struct SelfEvaluationSheet {
    pub id: LayoutId,
    pub widths: &'static [f64],
    pub header: &'static [Field<SelfEvaluationText>],
    pub funds_at: &'static str,
    /// 0-based row of the funds column heads; the four rows follow.
    pub funds_header_row: u32,
    /// Columns of the row heads (年度资金总额 …), 0-based first and last.
    pub funds_row_label: (u16, u16),
    /// Column of 年初预算数; the other five follow.
    pub funds_first_col: u16,
    pub goals_at: &'static str,
    pub goals: &'static [Field<SelfEvaluationText>],
    pub table_header_row: u32,
    /// `绩效指标` in this column over the table, when the layout prints it.
    pub indicators_col: Option<u16>,
    /// Column of 一级指标; the table's eight columns follow.
    pub table_first_col: u16,
    /// The closing rows: label `总分` / `评分等级` over these columns, the grade over `grade`.
    pub summary_label: (u16, u16),
    pub grade: (u16, u16),
}

/// The official Shanghai 自评表, 8 columns A–H (DOMAIN §1e).
pub const SELF_EVALUATION_8: SelfEvaluationSheet = SelfEvaluationSheet {
    id: LayoutId::SelfEvaluation8,
    widths: &s::COLUMN_WIDTHS,
    header: s::HEADER,
    funds_at: s::FUNDS_AT,
    funds_header_row: s::FUNDS_HEADER_ROW,
    funds_row_label: (s::FUNDS_ROW_LABEL_COL, s::FUNDS_ROW_LABEL_COL),
    funds_first_col: s::FUNDS_FIRST_COL,
    goals_at: s::GOALS_AT,
    goals: s::GOAL_FIELDS,
    table_header_row: s::TABLE_HEADER_ROW,
    indicators_col: None,
    table_first_col: s::LEVEL1_COL,
    summary_label: s::SUMMARY_LABEL_COLS,
    grade: s::GRADE_COLS,
};

/// The 自评表 in 9 columns A–I (`other-layouts/*.9col.xlsx`, and the national form of DOMAIN
/// §1b): `绩效指标` in A, the funds row heads in B:C.
pub const SELF_EVALUATION_9: SelfEvaluationSheet = SelfEvaluationSheet {
    id: LayoutId::SelfEvaluation9,
    widths: &[10.0, 10.0, 14.0, 22.0, 14.0, 14.0, 8.0, 9.0, 18.0],
    header: &[
        field(
            SelfEvaluationText::ProjectName,
            s::PROJECT_NAME,
            "A3",
            "B3:I3",
        ),
        field(SelfEvaluationText::Department, s::DEPARTMENT, "A4", "B4:E4"),
        field(
            SelfEvaluationText::ImplementingUnit,
            s::IMPLEMENTING_UNIT,
            "F4",
            "G4:I4",
        ),
    ],
    funds_at: "A5:A9",
    funds_header_row: 4,
    funds_row_label: (1, 2),
    funds_first_col: 3,
    goals_at: "A10:A11",
    goals: &[
        field(
            SelfEvaluationText::ExpectedGoal,
            s::GOAL_FIELDS[0].label,
            "B10:E10",
            "B11:E11",
        ),
        field(
            SelfEvaluationText::ActualResult,
            s::GOAL_FIELDS[1].label,
            "F10:I10",
            "F11:I11",
        ),
    ],
    table_header_row: 11,
    indicators_col: Some(0),
    table_first_col: 1,
    summary_label: (0, 5),
    grade: (6, 8),
};

pub const DECLARATIONS: [DeclarationSheet; 3] = [DECLARATION_8, DECLARATION_6, DECLARATION_88];
pub const SELF_EVALUATIONS: [SelfEvaluationSheet; 2] = [SELF_EVALUATION_8, SELF_EVALUATION_9];

/// [`DeclarationSheet::probes`] of each of [`DECLARATIONS`], made once: every form read asks.
pub fn declaration_probes() -> &'static [(LayoutId, Vec<Probe>)] {
    static PROBES: std::sync::LazyLock<Vec<(LayoutId, Vec<Probe>)>> =
        std::sync::LazyLock::new(|| DECLARATIONS.iter().map(|l| (l.id, l.probes())).collect());
    &PROBES
}

/// [`SelfEvaluationSheet::probes`] of each of [`SELF_EVALUATIONS`], made once.
pub fn self_evaluation_probes() -> &'static [(LayoutId, Vec<Probe>)] {
    static PROBES: std::sync::LazyLock<Vec<(LayoutId, Vec<Probe>)>> =
        std::sync::LazyLock::new(|| {
            SELF_EVALUATIONS
                .iter()
                .map(|l| (l.id, l.probes()))
                .collect()
        });
    &PROBES
}

/// The 申报表 grid of a layout id; the official one for an id of another kind.
pub fn declaration(id: LayoutId) -> &'static DeclarationSheet {
    DECLARATIONS
        .iter()
        .find(|l| l.id == id)
        .unwrap_or(&DECLARATIONS[0])
}

/// The 自评表 grid of a layout id; the official one for an id of another kind.
pub fn self_evaluation(id: LayoutId) -> &'static SelfEvaluationSheet {
    SELF_EVALUATIONS
        .iter()
        .find(|l| l.id == id)
        .unwrap_or(&SELF_EVALUATIONS[0])
}

/// The title over all columns, the year caption under it.
pub fn title_at(columns: usize) -> Area {
    Area::new((0, 0), (0, columns.saturating_sub(1) as u32))
}

pub fn year_at(columns: usize) -> Area {
    Area::new((1, 0), (1, columns.saturating_sub(1) as u32))
}

/// One row, columns `cols.0..=cols.1`.
pub fn row_area(row: u32, cols: (u16, u16)) -> Area {
    Area::new((row, u32::from(cols.0)), (row, u32::from(cols.1)))
}

/// Where a layout prints a label: the slot it fills (a field path, or `funds`, `goals`,
/// `table.target` …), the label, and its area.
#[derive(Debug, Clone)]
pub struct Probe {
    pub slot: String,
    pub label: Label,
    pub at: Area,
    /// A label the form may leave out (项目性质 in the 宝山 form).
    pub optional: bool,
    /// A label that runs down beside the indicator rows, however many (`绩效指标`): `at` is its
    /// first row, and the area may go further down.
    pub runs_down: bool,
}

fn probe(slot: impl Into<String>, label: Label, at: Area) -> Probe {
    Probe {
        slot: slot.into(),
        label,
        at,
        optional: false,
        runs_down: false,
    }
}

/// `绩效指标` in `col` from the table's header `row` down, beside the indicator rows.
fn indicators_probe(row: u32, col: u16) -> Probe {
    Probe {
        runs_down: true,
        ..probe(slot::INDICATORS, d::INDICATORS, row_area(row, (col, col)))
    }
}

fn a1(text: &str) -> Area {
    crate::a1::parse_area(text).unwrap_or_else(|| unreachable!("layout range {text:?} (tested)"))
}

impl DeclarationSheet {
    /// Every label of the layout above the indicator rows, with its area.
    pub fn probes(&self) -> Vec<Probe> {
        let mut out = vec![probe(slot::TITLE, self.title, title_at(self.widths.len()))];
        for (slot, label, at) in self.fixed {
            out.push(Probe {
                optional: true,
                ..probe(*slot, *label, a1(at))
            });
        }
        for f in self.header.iter().chain(self.goals) {
            out.push(Probe {
                optional: f.id == DeclarationText::ProjectNature,
                ..probe(f.id.path(), f.label, a1(f.label_at))
            });
        }
        for f in self.funds {
            out.push(probe(f.id.path(), f.label, a1(f.label_at)));
        }
        out.push(probe(slot::FUNDS, d::FUNDS, a1(self.funds_at)));
        out.push(probe(slot::GOALS, self.goals_label, a1(self.goals_at)));
        let row = self.table_header_row;
        out.push(indicators_probe(row, self.indicators_col));
        for (slot, label, cols) in self.table_columns() {
            out.push(probe(slot, label, row_area(row, cols)));
        }
        if let Some(m) = &self.medium {
            for f in m.texts {
                out.push(probe(f.id.path(), f.label, a1(f.label_at)));
            }
            for f in m.funds {
                out.push(probe(f.id.path(), f.label, a1(f.label_at)));
            }
        }
        out
    }

    /// The indicator table's column heads: slot, label and columns, the 中期 side's (slots
    /// `medium_term.level2` …) after the 年度 side's.
    pub fn table_columns(&self) -> Vec<(&'static str, Label, (u16, u16))> {
        let mut out = vec![
            (slot::TABLE_LEVEL1, d::LEVEL1, self.level1),
            (slot::TABLE_LEVEL2, d::LEVEL2, self.level2),
            (slot::TABLE_NAME, d::LEVEL3, self.name),
            (slot::TABLE_TARGET, self.target_label, self.target),
        ];
        if let Some(m) = &self.medium {
            out.extend([
                ("medium_term.level2", d::LEVEL2, m.level2),
                ("medium_term.name", d::LEVEL3, m.name),
                ("medium_term.target", self.target_label, m.target),
            ]);
        }
        out
    }
}

/// The slots of a 自评表's funds grid: `funds.<column>` for the heads, `funds.<row>` for the
/// row heads (the model's field names, [`crate::model::FundsRow::COLUMNS`] and
/// [`crate::model::SelfEvaluationFunds::ROWS`]).
pub fn funds_column_slot(i: usize) -> String {
    format!("funds.{}", crate::model::FundsRow::COLUMNS[i])
}

pub fn funds_row_slot(i: usize) -> String {
    format!("funds.{}", crate::model::SelfEvaluationFunds::ROWS[i])
}

/// The slot of a 一级 printed otherwise than jixiao writes it (`level1.效益指标(30分)` for the
/// national form's `效益指标（30分）`): by the text jixiao would print.
pub fn level1_slot(label: &str) -> String {
    format!("level1.{label}")
}

/// The slot of the indicator table's column `i` (`table.target`), in
/// [`super::self_eval::TABLE_COLUMNS`] order.
pub fn table_slot(i: usize) -> String {
    format!("table.{}", super::flat::INDICATOR_FIELDS[i].name())
}

impl SelfEvaluationSheet {
    /// Every label of the layout above the indicator rows, with its area.
    pub fn probes(&self) -> Vec<Probe> {
        let mut out = vec![probe(slot::TITLE, s::TITLE, title_at(self.widths.len()))];
        for f in self.header.iter().chain(self.goals) {
            out.push(probe(f.id.path(), f.label, a1(f.label_at)));
        }
        out.push(probe(slot::FUNDS, s::FUNDS, a1(self.funds_at)));
        let head = self.funds_header_row;
        for (i, label) in s::FUND_COLUMNS.iter().enumerate() {
            let col = u32::from(self.funds_first_col) + i as u32;
            out.push(probe(funds_column_slot(i), *label, Area::cell((head, col))));
        }
        for (i, label) in s::FUND_ROWS.iter().enumerate() {
            let at = row_area(head + 1 + i as u32, self.funds_row_label);
            out.push(probe(funds_row_slot(i), *label, at));
        }
        out.push(probe(slot::GOALS, s::GOALS, a1(self.goals_at)));
        if let Some(col) = self.indicators_col {
            out.push(indicators_probe(self.table_header_row, col));
        }
        for (i, label) in s::TABLE_COLUMNS.iter().enumerate() {
            let col = u32::from(self.table_first_col) + i as u32;
            out.push(probe(
                table_slot(i),
                *label,
                Area::cell((self.table_header_row, col)),
            ));
        }
        out
    }
}

/// What a form printed in a layout's places: `None` when a label the layout requires is not
/// where the layout puts it (the form is in another layout); otherwise the labels printed
/// otherwise than the layout's own text (line breaks included, see [`own_words`]), by slot,
/// with the form's year written `{year}` (see [`with_year_slot`]), and the optional slots left
/// out.
///
/// `top` is the grid row of the form's title; the layout's areas are shifted down by it. A
/// label matches when the cell there starts a merged area of exactly the layout's extent and
/// its text is the label or one of its variants.
pub fn fit(grid: &Grid, top: u32, probes: &[Probe], year: Option<i32>) -> Option<PrintedLayout> {
    let mut printed = PrintedLayout::default();
    for p in probes {
        let at = Area::new(
            (p.at.first.0 + top, p.at.first.1),
            (p.at.last.0 + top, p.at.last.1),
        );
        let text = grid.text(at.first);
        let printed_at = grid.area(at.first);
        let extent = match p.runs_down {
            true => printed_at.first == at.first && printed_at.last.1 == at.last.1,
            false => printed_at == at,
        };
        let fits = extent && p.label.matches(&text);
        if !fits {
            if p.optional {
                printed.absent.push(p.slot.clone());
                continue;
            }
            return None;
        }
        if let Some(own) = own_words(&text, p.label.text) {
            printed
                .labels
                .insert(p.slot.clone(), with_year_slot(&own, year));
        }
    }
    Some(printed)
}

/// A printed label as the form printed it, when that is not `official`'s text exactly: `None`
/// for the official label on one line. Line breaks count (`项目\n绩效\n目标` is recorded), so
/// that `--layout source` gives every label back as printed, broken or not; only the official
/// layout breaks its labels itself (see `crate::write`).
pub fn own_words(printed: &str, official: &str) -> Option<String> {
    (printed != official).then(|| printed.to_string())
}

/// A printed label with the form's year as `{year}` (`项目总目标 (2024年-2024年)` of a 2024 form →
/// `项目总目标 ({year}年-{year}年)`), so that a form carried into another year prints its own.
pub fn with_year_slot(text: &str, year: Option<i32>) -> String {
    match year {
        Some(y) => text.replace(&y.to_string(), "{year}"),
        None => text.to_string(),
    }
}

/// The caption under the title, when the form printed it otherwise than `（2026年度）`
/// (`( 2024 年度)`); recorded under the slot `year`.
pub fn caption_variant(grid: &Grid, top: u32, year: Option<i32>) -> Option<String> {
    let text = grid.text((top + 1, 0));
    (!text.is_empty() && text != super::year_caption(year)).then(|| with_year_slot(&text, year))
}

/// The first layout among `layouts` whose labels are all where it puts them, as the form's
/// [`PrintedLayout`] (with the caption under the title when it is printed otherwise); `None`
/// when no layout fits.
pub fn identify(
    grid: &Grid,
    top: u32,
    layouts: &[(LayoutId, Vec<Probe>)],
    year: Option<i32>,
) -> Option<PrintedLayout> {
    let (id, mut printed) = layouts
        .iter()
        .find_map(|(id, probes)| fit(grid, top, probes, year).map(|p| (*id, p)))?;
    printed.id = id;
    if let Some(caption) = caption_variant(grid, top, year) {
        printed.labels.insert(slot::YEAR.to_string(), caption);
    }
    Some(printed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_of_every_layout_parses_and_fits_its_width() {
        for l in DECLARATIONS {
            let width = l.widths.len() as u32;
            for p in l.probes() {
                assert!(p.at.last.1 < width, "{:?} {}", l.id, p.slot);
            }
            let places = l
                .header
                .iter()
                .chain(l.goals)
                .map(|f| (f.value_at, f.id.path()));
            let funds = l.funds.iter().map(|f| (f.value_at, f.id.path()));
            for (at, path) in places.chain(funds) {
                assert!(a1(at).last.1 < width, "{:?} {path}", l.id);
            }
            assert!(a1(l.name_without_nature_at).last.1 < width);
            if let Some(m) = &l.medium {
                let texts = m.texts.iter().map(|f| (f.value_at, f.id.path()));
                let funds = m.funds.iter().map(|f| (f.value_at, f.id.path()));
                for (at, path) in texts.chain(funds) {
                    assert!(a1(at).last.1 < width, "{:?} {path}", l.id);
                }
            }
        }
        for l in SELF_EVALUATIONS {
            let width = l.widths.len() as u32;
            for p in l.probes() {
                assert!(p.at.last.1 < width, "{:?} {}", l.id, p.slot);
            }
            assert_eq!(u32::from(l.table_first_col) + 8, width, "{:?}", l.id);
            assert_eq!(u32::from(l.funds_first_col) + 6, width, "{:?}", l.id);
        }
    }
}

//! The domain model: one workbook-independent description of the performance forms.
//!
//! This module imports only `serde` and `rust_decimal`: readers fill it, writers and checks
//! consume it, and the JSON written by `jixiao convert -o x.json` is its serde form.
//!
//! | 中文 | type / field |
//! |---|---|
//! | 财政项目支出绩效目标申报表 | [`Declaration`] |
//! | 财政项目支出绩效自评表 | [`SelfEvaluation`] |
//! | 财政项目支出绩效目标表 (2020) | [`Legacy2020`] |
//! | 一级/二级/三级指标, 指标值 | [`Indicator`], [`IndicatorValue`] |
//! | 实际完成值, 分值, 得分, 偏差原因分析及改进措施 | [`EvaluatedIndicator`] |
//! | 项目资金 | [`DeclarationFunds`], [`SelfEvaluationFunds`] |
//! | 元 / 万元 | [`MoneyUnit`] |
//! | 备注 | [`Note`] |
//! | 版式 (the layout a form was printed in) | [`PrintedLayout`], [`LayoutId`], [`DerivedLayout`] |
//! | 中期资金 / 中期目标 / 中期指标, 项目期 (88号 申报表) | [`MediumTerm`] |

pub mod date;
pub mod field;
mod figure;
mod forms;
mod indicator;
mod printed;
mod value;

pub use figure::Figure;
pub use forms::*;
pub use indicator::*;
pub use printed::*;
pub use value::*;

use serde::{Deserialize, Serialize};

/// Version of the JSON model; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// A set of forms, as read from one or more workbooks: the unit `convert` writes as JSON.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Document {
    /// The [`SCHEMA_VERSION`] the document was written with; a reader refuses a newer one.
    pub schema_version: u32,
    /// The forms, in the order they were read, input by input.
    pub forms: Vec<Form>,
}

impl Document {
    /// A document of the current [`SCHEMA_VERSION`] holding `forms`.
    pub fn new(forms: Vec<Form>) -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            forms,
        }
    }
}

impl Default for Document {
    fn default() -> Self {
        Document::new(Vec::new())
    }
}

/// One form of any kind.
// A document holds tens of forms, not millions: boxing the variants would cost every match in
// readers, writers and checks a dereference for no measurable gain.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Form {
    /// 财政项目支出绩效目标申报表
    Declaration(Declaration),
    /// 财政项目支出绩效自评表
    SelfEvaluation(SelfEvaluation),
    /// 财政项目支出绩效目标表 (2020 style)
    Legacy2020(Legacy2020),
}

impl Form {
    /// 项目名称 as printed on the form (trimmed; empty on a blank form).
    pub fn project_name(&self) -> &str {
        match self {
            Form::Declaration(d) => &d.project_name,
            Form::SelfEvaluation(s) => &s.project_name,
            Form::Legacy2020(l) => &l.project_name,
        }
    }

    /// The budget year (年度) the form is for, from the caption under its title (`（2026年度）`);
    /// `None` when the form does not say.
    pub fn year(&self) -> Option<i32> {
        match self {
            Form::Declaration(d) => d.year,
            Form::SelfEvaluation(s) => s.year,
            Form::Legacy2020(l) => l.year,
        }
    }

    /// Where the form was read from; `None` for a form made in code (`template`, a test).
    pub fn source(&self) -> Option<&Source> {
        match self {
            Form::Declaration(d) => d.source.as_ref(),
            Form::SelfEvaluation(s) => s.source.as_ref(),
            Form::Legacy2020(l) => l.source.as_ref(),
        }
    }

    /// The form's [`Source`], to set or clear it (e.g. after reading a flat table).
    pub fn source_mut(&mut self) -> &mut Option<Source> {
        match self {
            Form::Declaration(d) => &mut d.source,
            Form::SelfEvaluation(s) => &mut s.source,
            Form::Legacy2020(l) => &mut l.source,
        }
    }

    /// 表种 as printed in the flat tables.
    pub fn kind_label(&self) -> &'static str {
        let [declaration, self_evaluation, legacy] = Form::KIND_LABELS;
        match self {
            Form::Declaration(_) => declaration,
            Form::SelfEvaluation(_) => self_evaluation,
            Form::Legacy2020(_) => legacy,
        }
    }

    /// The short names of the three kinds ([`Form::kind_label`]), in the order
    /// 申报表, 自评表, 目标表.
    pub const KIND_LABELS: [&'static str; 3] = ["申报表", "自评表", "目标表"];
}

/// Where a form was read from, and where each of its fields stood.
///
/// `cells` maps a field path (`funds.annual_total`, `indicators[3].target`) to the A1 reference
/// of the cell it was read from, so checks can point at the cell of the input, whatever its layout.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Source {
    /// The input path as given.
    pub file: String,
    /// The worksheet the form is on, as named in the workbook.
    pub sheet: String,
    /// The form's area, e.g. `A1:H21`.
    pub range: String,
    /// Field path → the A1 reference of the cell on [`Source::sheet`] it was read from.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub cells: std::collections::BTreeMap<String, String>,
    /// Non-empty cells inside the form's area that no field took: nothing is dropped silently.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmapped: Vec<UnmappedCell>,
    /// How many non-empty cells the form's area held (mapped + unmapped).
    #[serde(default)]
    pub cells_read: u32,
    /// For a form read from flat tables (a CSV directory or a flat workbook): field path → the
    /// table cell it was read from, so that findings point at the row and column the clerk
    /// edits, not at the workbook named in 来源文件. `""` is the form's own row; an indicator's
    /// row is `indicators[3]`. Empty for a form read from its own layout (see `cells`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub table_cells: std::collections::BTreeMap<String, TableCell>,
    /// The layout the form was printed in, when it is not the official one with the official
    /// labels: what `--layout source` writes it back in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<PrintedLayout>,
    /// The form's own grid, when it was printed in none of the layouts jixiao describes
    /// (`layout` is then `None`): what `--layout source` writes it back in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<DerivedLayout>,
}

impl Source {
    /// The cell a field was read from, as `A1`.
    pub fn cell(&self, path: &str) -> Option<&str> {
        self.cells.get(path).map(String::as_str)
    }

    /// The flat-table cell of a field, or of the nearest part holding it (`indicators[3].target`
    /// → `indicators[3]` → the form's row): a field the tables carry no column for (总分's
    /// 分值) is at the row of its form or indicator. `None` for forms not read from tables.
    pub fn table_cell(&self, path: &str) -> Option<&TableCell> {
        path_and_parents(path).find_map(|p| self.table_cells.get(p))
    }
}

/// A field path, then each part holding it, down to the whole form `""`:
/// `indicators[3].target`, `indicators[3]`, `indicators`, `""`.
pub fn path_and_parents(path: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(path), |p| {
        (!p.is_empty()).then(|| &p[..p.rfind(['.', '[']).unwrap_or(0)])
    })
}

/// A cell of a flat table: the CSV file (or flat workbook and sheet), its 1-based row, and its
/// column by position (0-based) and by name.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct TableCell {
    /// The CSV file or flat workbook, as given.
    pub file: String,
    /// The sheet, for a flat workbook; `None` for a CSV file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The row, 1-based as a spreadsheet shows it (the header is row 1).
    pub row: u32,
    /// The column's position, 0-based.
    pub col: u32,
    /// The column's header text (e.g. `年度资金总额`).
    pub column: String,
}

/// A non-empty input cell that was not mapped into the model.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct UnmappedCell {
    /// The cell, as `A1`, on the form's [`Source::sheet`].
    pub cell: String,
    /// The cell's text as read.
    pub text: String,
}

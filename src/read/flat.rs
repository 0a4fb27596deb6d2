//! Flat tables → [`Form`]s: the CSV directory `convert --to csv` writes, or the workbook
//! `convert --to xlsx-flat` writes (one sheet per table), read back so that corrections made in
//! one table reach every official form.
//!
//! Table names and columns are those of [`crate::layout::flat`], the one description the flat
//! writer shares. Columns may come in any order; a column the layout does not know, a missing
//! column, a value that is not a number where one belongs, or an indicator row whose
//! (来源文件, 工作表, 表种, 项目名称) matches no form is an error at its cell — never a silent skip.
//!
//! Coverage:
//! - [x] `declarations`, `self_evaluations`, `legacy_2020`: one form per row, in table order
//!   (all declarations first, then self-evaluations, then 2020 forms)
//! - [x] `indicators`: joined to their form by (来源文件, 工作表, 表种, 项目名称), ordered by 序号
//!   (any number, so a row typed at the bottom with 序号 3.5 lands between 3 and 4)
//! - [x] 来源文件 / 工作表 → [`crate::model::Source`] `file` / `sheet` (no source when both are blank)
//! - [x] the table cell of every field, each form's row and each indicator's row →
//!   [`crate::model::Source::table_cells`], so that findings point at the row and column the clerk edits
//!
//! What the columns cannot say, and the rule used instead:
//! - 项目性质 `-` means the form has no 项目性质 field (the 宝山 layout, `None`); blank means
//!   the field is printed and empty. A blank cell in a table reads as "to be filled in", which is
//!   what the blank official form holds, so the rarer case gets the mark.
//! - Declaration amounts are in 元 (the writer converts 万元 forms).
//! - 自评表 总分 分值 (`total_weight`) is not a column: it is 100, the total the form prints for
//!   every split of the weights (DOMAIN §2.1).
//! - 2020 forms' amounts are in 元.
//! - Where each field stood in the original workbook (`Source::cells`, `unmapped`, `range`) is
//!   not carried by the tables.
//! - 备注 (`notes`) and an indicator's pre-migration 一级/二级 and review note have no column;
//!   the writer warns when it leaves them out ([`crate::write::flat::not_carried`]).

use super::scope::figure_of;
use crate::diag::{Diagnosed, Diagnostic, Error, Location, Result, Rule};
use crate::formats::InputFormat;
use crate::grid::{self, Cell, Grid};
use crate::layout::flat::{self as cols, Access, Column};
use crate::model::field::{self};
use crate::model::{
    Declaration, DeclarationFunds, EvaluatedIndicator, Figure, Form, FundsRow, Indicator,
    IndicatorValue, Legacy2020, MoneyUnit, SelfEvaluation, SelfEvaluationFunds, TableCell,
};
use crate::msg;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

#[cfg(not(target_family = "wasm"))]
/// Whether `dir` is a directory of flat tables (holds `declarations.csv`, `self_evaluations.csv`
/// or `legacy_2020.csv`).
pub fn is_flat_dir(dir: &Path) -> bool {
    dir.is_dir()
        && cols::FORM_TABLES
            .iter()
            .any(|t| dir.join(format!("{t}.csv")).is_file())
}

/// Whether a workbook's sheets are flat tables: every sheet is named as one, and one of them
/// holds forms.
pub fn is_flat_workbook(grids: &[Grid]) -> bool {
    grids
        .iter()
        .any(|g| cols::FORM_TABLES.contains(&g.sheet.as_str()))
        && grids.iter().all(|g| table_name(&g.sheet).is_some())
}

fn table_name(name: &str) -> Option<&'static str> {
    [
        cols::DECLARATIONS,
        cols::SELF_EVALUATIONS,
        cols::INDICATORS,
        cols::LEGACY_2020,
    ]
    .into_iter()
    .find(|t| *t == name)
}

/// Where a table came from: its cells are located as `file.csv: row 7, column 项目名称` or
/// `file.xlsx: declarations!D7`.
#[derive(Debug, Clone)]
enum Origin {
    Csv(String),
    Sheet { file: String, sheet: String },
}

/// One table as read: its header, and its non-empty rows with their 1-based row numbers.
#[derive(Debug, Clone)]
struct Table {
    name: &'static str,
    origin: Origin,
    header: Vec<String>,
    rows: Vec<(u32, Vec<Option<Cell>>)>,
}

impl Table {
    /// The cell at `row` (1-based) and `col` (0-based), named by its column.
    fn cell_at(&self, row: u32, col: usize) -> TableCell {
        let column = self.header.get(col).cloned().unwrap_or_default();
        let (file, sheet) = match &self.origin {
            Origin::Csv(file) => (file.clone(), None),
            Origin::Sheet { file, sheet } => (file.clone(), Some(sheet.clone())),
        };
        TableCell {
            file,
            sheet,
            row,
            col: col as u32,
            column,
        }
    }

    fn location(&self, row: u32, col: usize) -> Location {
        Location::from(&self.cell_at(row, col))
    }

    fn whole(&self) -> Location {
        match &self.origin {
            Origin::Csv(file) => Location::file(file),
            Origin::Sheet { file, sheet } => Location {
                file: file.clone(),
                sheet: Some(sheet.clone()),
                cell: None,
            },
        }
    }
}

/// Reads the flat tables in `dir` (`declarations.csv`, `self_evaluations.csv`, `indicators.csv`,
/// `legacy_2020.csv`): [`read_tables`] on their bytes.
///
/// # Errors
/// As [`read_tables`]; [`Error::Unreadable`] when a file cannot be read.
#[cfg(not(target_family = "wasm"))]
pub fn read_dir(dir: &Path) -> Result<Diagnosed<Vec<Form>>> {
    let mut tables = Vec::new();
    for name in cols::TABLE_FILES {
        let path = dir.join(name);
        if path.is_file() {
            let shown = path.display().to_string();
            let bytes = std::fs::read(&path).map_err(|e| {
                Error::unreadable(&shown, msg::flat::cannot_read(msg::io(&e))).because(e)
            })?;
            tables.push((name.to_string(), bytes));
        }
    }
    read_tables(&dir.display().to_string(), &tables)
}

/// Reads a set of flat CSV tables held in memory: `set` is what they are known by together (a
/// directory name, may be empty), `tables` each table's file name (`declarations.csv`, …) and
/// bytes. Files whose name is no table are ignored.
///
/// # Errors
/// [`Error::Unreadable`] when a table is not CSV, when no table holds forms, or when
/// `indicators.csv` is missing. Problems inside the tables are error diagnostics in the result.
pub fn read_tables(set: &str, tables: &[(String, Vec<u8>)]) -> Result<Diagnosed<Vec<Form>>> {
    let shown = |file: &str| {
        if set.is_empty() {
            file.to_string()
        } else {
            Path::new(set).join(file).display().to_string()
        }
    };
    let mut read = Vec::new();
    for name in [
        cols::DECLARATIONS,
        cols::SELF_EVALUATIONS,
        cols::INDICATORS,
        cols::LEGACY_2020,
    ] {
        let file = format!("{name}.csv");
        if let Some((f, bytes)) = tables
            .iter()
            .find(|(f, _)| f.rsplit(['/', '\\']).next() == Some(file.as_str()))
        {
            read.push(read_csv_bytes(bytes, &shown(f), name)?);
        }
    }
    let set_name = if set.is_empty() {
        tables.first().map(|(f, _)| f.as_str()).unwrap_or("")
    } else {
        set
    };
    if !read.iter().any(|t| cols::FORM_TABLES.contains(&t.name)) {
        return Err(Error::unreadable(set_name, msg::flat::no_form_table())
            .with_hint(msg::flat::no_form_table_hint()));
    }
    if !read.iter().any(|t| t.name == cols::INDICATORS) {
        return Err(Error::unreadable(set_name, msg::flat::no_indicators_csv())
            .with_hint(msg::flat::no_indicators_csv_hint()));
    }
    Ok(from_tables(&read))
}

/// Reads a CSV table as Excel, WPS or jixiao saved it: in UTF-8, GBK/GB18030 or UTF-16 (see
/// [`super::text`]), comma- or tab-separated; the apostrophe of [`cols::protect`] is taken off,
/// and an error value (`#VALUE!`, `Err:509`) is kept as [`Cell::Error`] for
/// [`formula_findings`] to report.
fn read_csv_bytes(bytes: &[u8], shown: &str, name: &'static str) -> Result<Table> {
    let decoded = super::text::decode(bytes, shown, cols::is_header_line)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(decoded.separator)
        .from_reader(decoded.text.as_bytes());
    let mut header = Vec::new();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            Error::unreadable(shown, msg::flat::not_csv(&e))
                .with_hint(msg::flat::not_csv_hint())
                .because(e)
        })?;
        let cells: Vec<String> = record
            .iter()
            .map(|s| cols::unprotect(s.trim()).to_string())
            .collect();
        if i == 0 {
            header = cells;
            continue;
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let cells = cells
            .into_iter()
            .map(|s| {
                (!s.is_empty()).then(|| {
                    if cols::is_error_value(&s) {
                        Cell::Error(s)
                    } else {
                        Cell::Text(s)
                    }
                })
            })
            .collect();
        rows.push((i as u32 + 1, cells));
    }
    Ok(Table {
        name,
        origin: Origin::Csv(shown.to_string()),
        header,
        rows,
    })
}

/// Reads the sheets of a flat workbook (see [`is_flat_workbook`]); row 1 of each is its header.
pub fn read_grids(grids: &[Grid]) -> Diagnosed<Vec<Form>> {
    let tables: Vec<Table> = grids
        .iter()
        .filter_map(|g| Some(sheet_table(g, table_name(&g.sheet)?)))
        .collect();
    let mut read = from_tables(&tables);
    if !tables.iter().any(|t| t.name == cols::INDICATORS)
        && let Some(g) = grids.first()
    {
        read.diagnostics.push(
            Diagnostic::error(
                crate::msg::rules::FLAT_MISSING_TABLE,
                msg::flat::no_indicators_sheet(),
            )
            .at(Location::file(&g.file))
            .hint(msg::flat::no_indicators_sheet_hint()),
        );
    }
    read
}

/// A sheet as a table: row 1 is the header, empty rows are left out.
fn sheet_table(g: &Grid, name: &'static str) -> Table {
    let header: Vec<String> = (0..g.cols).map(|c| g.text((0, c))).collect();
    let width = header
        .iter()
        .rposition(|h| !h.is_empty())
        .map_or(0, |i| i + 1);
    let header = header[..width].to_vec();
    let rows = (1..g.rows)
        .filter_map(|r| {
            // A formula typed into the flat workbook is kept as one, for [`formula_findings`].
            let cells: Vec<Option<Cell>> = (0..g.cols)
                .map(|c| match g.formula_at((r, c)) {
                    Some(f) => Some(Cell::Formula(f.to_string())),
                    None => g.get_own((r, c)).cloned(),
                })
                .collect();
            cells.iter().any(Option::is_some).then_some((r + 1, cells))
        })
        .collect();
    Table {
        name,
        origin: Origin::Sheet {
            file: g.file.clone(),
            sheet: g.sheet.clone(),
        },
        header,
        rows,
    }
}

/// The text a person sees in a flat cell; numbers as the decimal they hold (never rounded to
/// the format's decimals).
fn cell_text(cell: &Option<Cell>) -> String {
    match cell {
        None => String::new(),
        Some(c @ Cell::Number { .. }) => figure_of(c, 0)
            .map(|f| f.to_string())
            .unwrap_or_else(|_| c.text()),
        Some(c) => c.text(),
    }
}

/// Column name → index for one table, after checking the header against the layout.
struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    /// Checks the header: every name must be in `expected`, and each of `required` present
    /// (`None`: all of `expected`).
    fn check(
        table: &Table,
        expected: &[String],
        required: Option<&[&str]>,
        diags: &mut Vec<Diagnostic>,
    ) -> Columns {
        let mut index = HashMap::new();
        for (i, name) in table.header.iter().enumerate() {
            if name.is_empty() {
                if table.rows.iter().any(|(_, cells)| cell_is_set(cells, i)) {
                    diags.push(
                        Diagnostic::error(
                            crate::msg::rules::FLAT_UNKNOWN_COLUMN,
                            msg::flat::unnamed_column(),
                        )
                        .at(table.location(1, i))
                        .hint(msg::flat::unnamed_column_hint()),
                    );
                }
                continue;
            }
            if !expected.iter().any(|e| e == name) {
                diags.push(
                    Diagnostic::error(
                        crate::msg::rules::FLAT_UNKNOWN_COLUMN,
                        msg::flat::unknown_column(name, table.name),
                    )
                    .at(table.location(1, i))
                    .expected(expected.join(", "))
                    .hint(msg::flat::unknown_column_hint()),
                );
            } else if index.insert(name.clone(), i).is_some() {
                diags.push(
                    Diagnostic::error(
                        crate::msg::rules::FLAT_DUPLICATE_COLUMN,
                        msg::flat::duplicate_column(name),
                    )
                    .at(table.location(1, i)),
                );
            }
        }
        let required: Vec<&str> = match required {
            Some(r) => r.to_vec(),
            None => expected.iter().map(String::as_str).collect(),
        };
        for name in required {
            if !index.contains_key(name) {
                diags.push(
                    Diagnostic::error(
                        crate::msg::rules::FLAT_MISSING_COLUMN,
                        msg::flat::missing_column(name, table.name),
                    )
                    .at(table.whole())
                    .hint(msg::flat::missing_column_hint()),
                );
            }
        }
        // Cells to the right of the header are values nobody would read.
        let width = table.header.len();
        for (row, cells) in &table.rows {
            if let Some(i) = (width..cells.len()).find(|&i| cell_is_set(cells, i)) {
                diags.push(
                    Diagnostic::error(
                        crate::msg::rules::FLAT_UNKNOWN_COLUMN,
                        msg::flat::right_of_last_column(),
                    )
                    .at(table.location(*row, i))
                    .found(msg::check::quoted(cell_text(&cells[i]))),
                );
            }
        }
        Columns { index }
    }
}

fn cell_is_set(cells: &[Option<Cell>], i: usize) -> bool {
    cells
        .get(i)
        .is_some_and(|c| c.as_ref().is_some_and(|c| !c.text().is_empty()))
}

/// One row of a table, with typed accessors that report bad values at their cell.
struct Row<'a> {
    table: &'a Table,
    columns: &'a Columns,
    row: u32,
    cells: &'a [Option<Cell>],
}

impl Row<'_> {
    fn col(&self, name: &str) -> Option<usize> {
        self.columns.index.get(name).copied()
    }

    fn cell(&self, name: &str) -> &Option<Cell> {
        const NONE: &Option<Cell> = &None;
        self.col(name)
            .and_then(|i| self.cells.get(i))
            .unwrap_or(NONE)
    }

    fn text(&self, name: &str) -> String {
        cell_text(self.cell(name))
    }

    fn error(&self, name: &str, rule: Rule, message: String) -> Diagnostic {
        let col = self.col(name).unwrap_or(0);
        Diagnostic::error(rule, msg::flat::in_column(name, message))
            .at(self.table.location(self.row, col))
    }

    fn figure(&self, name: &str, diags: &mut Vec<Diagnostic>) -> Figure {
        let Some(cell) = self.cell(name) else {
            return Figure::Blank;
        };
        match figure_of(cell, 0) {
            Ok(f) => f,
            Err(found) => {
                diags.push(
                    self.error(
                        name,
                        msg::rules::FLAT_NOT_A_NUMBER,
                        msg::flat::not_a_number(),
                    )
                    .found(msg::check::quoted(found))
                    .hint(msg::flat::not_a_number_hint()),
                );
                Figure::Blank
            }
        }
    }

    fn amount(&self, name: &str, diags: &mut Vec<Diagnostic>) -> Option<Decimal> {
        match self.figure(name, diags) {
            Figure::Number(d) => Some(d),
            Figure::Blank => None,
            Figure::Dash | Figure::Mark(_) => {
                diags.push(
                    self.error(
                        name,
                        msg::rules::FLAT_NOT_A_NUMBER,
                        msg::flat::dash_for_amount(),
                    )
                    .hint(msg::flat::dash_for_amount_hint()),
                );
                None
            }
        }
    }

    fn year(&self, name: &str, diags: &mut Vec<Diagnostic>) -> Option<i32> {
        let text = self.text(name);
        if text.is_empty() {
            return None;
        }
        match text.parse::<i32>() {
            Ok(y) if (1000..=9999).contains(&y) => Some(y),
            _ => {
                diags.push(
                    self.error(name, msg::rules::FLAT_YEAR, msg::flat::not_a_year())
                        .found(msg::check::quoted(text)),
                );
                None
            }
        }
    }

    /// 资金单位: `元` or `万元`; anything else is reported, and read as 万元.
    fn unit(&self, name: &str, diags: &mut Vec<Diagnostic>) -> MoneyUnit {
        let text = self.text(name);
        [MoneyUnit::Yuan, MoneyUnit::WanYuan]
            .into_iter()
            .find(|u| u.label() == text)
            .unwrap_or_else(|| {
                diags.push(
                    self.error(
                        name,
                        msg::rules::FLAT_MONEY_UNIT,
                        msg::flat::not_a_money_unit(),
                    )
                    .found(msg::check::quoted(&text)),
                );
                MoneyUnit::WanYuan
            })
    }
}

/// The model field a form table's column fills, as in [`Source::cells`]: `项目名称` →
/// `project_name`, `年度资金总额.全年预算数` → `funds.total.annual_budget`. `None` for 来源文件,
/// 工作表 and 资金单位, which say where and how rather than hold a field.
fn form_field(column: &str) -> Option<String> {
    if let Some(path) = cols::form_column_path(column) {
        return path.map(str::to_string);
    }
    // The 自评表 funds grid: `R.C`, in the model's row and column order.
    let (row, col) = column.split_once('.')?;
    let row = cols::FUND_ROWS.iter().position(|r| *r == row)?;
    let col = cols::FUND_COLUMNS.iter().position(|c| *c == col)?;
    Some(SelfEvaluationFunds::path(
        SelfEvaluationFunds::ROWS[row],
        FundsRow::COLUMNS[col],
    ))
}

/// The model field an indicator column fills (`指标值` → `target`), after `indicators[i].`.
fn indicator_field(column: &str) -> Option<&'static str> {
    let first = cols::INDICATOR_COLUMNS.len() - cols::INDICATOR_FIELDS.len();
    let i = cols::INDICATOR_COLUMNS[first..]
        .iter()
        .position(|c| *c == column)?;
    Some(cols::INDICATOR_FIELDS[i].name())
}

/// Records where each field of `form` stood: every column of its row, and the row itself
/// (`""`) at 项目名称.
fn record_form_cells(form: &mut Form, r: &Row) {
    let Some(source) = form.source_mut() else {
        return;
    };
    for (name, &col) in &r.columns.index {
        if let Some(path) = form_field(name) {
            source.table_cells.insert(path, r.table.cell_at(r.row, col));
        }
    }
    let name_col = r.col(cols::PROJECT_NAME).unwrap_or(0);
    source
        .table_cells
        .insert(String::new(), r.table.cell_at(r.row, name_col));
}

/// Records where indicator `i` of `form` stood: its row (at 三级指标) and each of its columns.
fn record_indicator_cells(form: &mut Form, i: usize, r: &Row) {
    let Some(source) = form.source_mut() else {
        return;
    };
    for (name, &col) in &r.columns.index {
        if let Some(field) = indicator_field(name) {
            source.table_cells.insert(
                format!("indicators[{i}].{field}"),
                r.table.cell_at(r.row, col),
            );
        }
    }
    let name_col = r.col(cols::NAME).unwrap_or(0);
    source
        .table_cells
        .insert(field::indicator(i), r.table.cell_at(r.row, name_col));
}

/// The key an indicator row is joined on: 来源文件, 工作表, 表种, 项目名称.
type FormKey = (String, String, &'static str, String);

fn form_key(form: &Form) -> FormKey {
    let (file, sheet) = form
        .source()
        .map(|s| (s.file.clone(), s.sheet.clone()))
        .unwrap_or_default();
    (
        file,
        sheet,
        form.kind_label(),
        form.project_name().to_string(),
    )
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn names<F>(columns: &[Column<F>]) -> Vec<String> {
    columns.iter().map(|c| c.name.to_string()).collect()
}

/// Builds the forms from the tables read.
/// `flat.formula`: a formula or an error value in a flat table is an error at its cell. The
/// flat tables carry values; a formula's result would be a silent value (or, after an office
/// program took `=100.00(%)` for a formula, `Err:509`), never what the clerk typed.
fn formula_findings(table: &Table, diags: &mut Vec<Diagnostic>) {
    for (row, cells) in &table.rows {
        for (col, cell) in cells.iter().enumerate() {
            let (message, hint) = match cell {
                Some(Cell::Formula(f)) => (
                    crate::msg::read::flat_formula(f),
                    crate::msg::read::flat_formula_hint(),
                ),
                Some(Cell::Error(e)) => (
                    crate::msg::read::flat_error_value(e),
                    crate::msg::read::flat_error_value_hint(),
                ),
                _ => continue,
            };
            diags.push(
                Diagnostic::of(crate::msg::rules::FLAT_FORMULA, message)
                    .at(table.location(*row, col))
                    .hint(hint),
            );
        }
    }
}

fn from_tables(tables: &[Table]) -> Diagnosed<Vec<Form>> {
    let mut diags = Vec::new();
    for table in tables {
        formula_findings(table, &mut diags);
    }
    let mut forms: Vec<Form> = Vec::new();
    // Where each form's row stood, to point at it when its key repeats.
    let mut keys: HashMap<FormKey, usize> = HashMap::new();
    for name in cols::FORM_TABLES {
        let Some(table) = tables.iter().find(|t| t.name == name) else {
            continue;
        };
        let expected = match name {
            cols::DECLARATIONS => names(cols::DECLARATION_COLUMNS),
            cols::SELF_EVALUATIONS => cols::self_evaluation_columns(),
            _ => names(cols::LEGACY_2020_COLUMNS),
        };
        // 申报单位名称 and the narrative blocks came later: a table without them still reads.
        let required: Vec<&str> = match name {
            cols::DECLARATIONS => cols::DECLARATION_COLUMNS
                .iter()
                .filter(|c| {
                    let narrative = crate::layout::declaration::NARRATIVE.iter();
                    !narrative.map(|f| Some(f.0.path())).any(|p| p == c.path)
                })
                .map(|c| c.name)
                .collect(),
            _ => expected.iter().map(String::as_str).collect(),
        };
        let columns = Columns::check(table, &expected, Some(&required), &mut diags);
        for (row, cells) in &table.rows {
            let r = Row {
                table,
                columns: &columns,
                row: *row,
                cells,
            };
            let mut form = match name {
                cols::DECLARATIONS => Form::Declaration(declaration(&r, &mut diags)),
                cols::SELF_EVALUATIONS => Form::SelfEvaluation(self_evaluation(&r, &mut diags)),
                _ => Form::Legacy2020(legacy(&r, &mut diags)),
            };
            record_form_cells(&mut form, &r);
            let key = form_key(&form);
            if keys.insert(key, forms.len()).is_some() {
                diags.push(
                    r.error(
                        cols::PROJECT_NAME,
                        msg::rules::FLAT_DUPLICATE_FORM,
                        msg::flat::duplicate_form(),
                    )
                    .hint(msg::flat::duplicate_form_hint()),
                );
            }
            forms.push(form);
        }
    }
    if let Some(table) = tables.iter().find(|t| t.name == cols::INDICATORS) {
        join_indicators(table, &mut forms, &keys, &mut diags);
    }
    Diagnosed::new(forms, diags)
}

/// A form of a form table's row: `form` with each column's value set, bad values reported
/// at their cell.
fn fill<F>(columns: &[Column<F>], r: &Row, mut form: F, diags: &mut Vec<Diagnostic>) -> F {
    for c in columns {
        match c.access {
            Access::Text(_, set) => set(&mut form, r.text(c.name)),
            Access::Year(_, set) => set(&mut form, r.year(c.name, diags)),
            Access::Amount(_, set) => set(&mut form, r.amount(c.name, diags)),
            Access::Figure(_, set) => set(&mut form, r.figure(c.name, diags)),
            Access::Unit(_, set) => set(&mut form, r.unit(c.name, diags)),
        }
    }
    form
}

fn declaration(r: &Row, diags: &mut Vec<Diagnostic>) -> Declaration {
    let yuan = Declaration {
        funds: DeclarationFunds {
            unit: MoneyUnit::Yuan,
            ..DeclarationFunds::default()
        },
        ..Declaration::default()
    };
    fill(cols::DECLARATION_COLUMNS, r, yuan, diags)
}

fn self_evaluation(r: &Row, diags: &mut Vec<Diagnostic>) -> SelfEvaluation {
    let mut form = fill(
        cols::SELF_EVALUATION_LEAD,
        r,
        SelfEvaluation::default(),
        diags,
    );
    for ((_, row), row_name) in form.funds.rows_mut().into_iter().zip(cols::FUND_ROWS) {
        for ((_, slot), col_name) in row.columns_mut().into_iter().zip(cols::FUND_COLUMNS) {
            *slot = r.figure(&format!("{row_name}.{col_name}"), diags);
        }
    }
    let form = SelfEvaluation {
        total_weight: Figure::Number(Decimal::ONE_HUNDRED),
        ..form
    };
    fill(cols::SELF_EVALUATION_TAIL, r, form, diags)
}

fn legacy(r: &Row, diags: &mut Vec<Diagnostic>) -> Legacy2020 {
    let yuan = Legacy2020 {
        unit: MoneyUnit::Yuan,
        ..Legacy2020::default()
    };
    fill(cols::LEGACY_2020_COLUMNS, r, yuan, diags)
}

/// Puts every indicator row under its form, ordered by 序号 (then by table order).
fn join_indicators(
    table: &Table,
    forms: &mut [Form],
    keys: &HashMap<FormKey, usize>,
    diags: &mut Vec<Diagnostic>,
) {
    let columns = Columns::check(table, &strings(cols::INDICATOR_COLUMNS), None, diags);
    // (form index, 序号, row) for every row that found its form.
    let mut placed: Vec<(usize, Decimal, Row)> = Vec::new();
    for (row, cells) in &table.rows {
        let r = Row {
            table,
            columns: &columns,
            row: *row,
            cells,
        };
        let kind_text = r.text(cols::KIND);
        let Some(i) = Form::KIND_LABELS.iter().position(|k| *k == kind_text) else {
            diags.push(
                r.error(cols::KIND, msg::rules::FLAT_KIND, msg::flat::not_a_kind())
                    .found(msg::check::quoted(&kind_text)),
            );
            continue;
        };
        let (kind, table_name) = (Form::KIND_LABELS[i], cols::FORM_TABLES[i]);
        let key = (
            r.text(cols::SOURCE_FILE),
            r.text(cols::SOURCE_SHEET),
            kind,
            r.text(cols::PROJECT_NAME),
        );
        let Some(&form) = keys.get(&key) else {
            diags.push(
                r.error(
                    cols::PROJECT_NAME,
                    msg::rules::FLAT_UNMATCHED_INDICATOR,
                    msg::flat::unmatched_indicator(kind, table_name, &key.3),
                )
                .hint(msg::flat::unmatched_indicator_hint()),
            );
            continue;
        };
        let number = match r.figure(cols::ORDER, diags) {
            Figure::Number(n) => n,
            _ => {
                diags.push(
                    r.error(
                        cols::ORDER,
                        msg::rules::FLAT_ORDER,
                        msg::flat::not_an_order(),
                    )
                    .hint(msg::flat::not_an_order_hint()),
                );
                continue;
            }
        };
        placed.push((form, number, r));
    }
    placed.sort_by_key(|(form, number, _)| (*form, *number));
    for (form, _, r) in placed {
        let i = match &forms[form] {
            Form::Declaration(d) => d.indicators.len(),
            Form::SelfEvaluation(s) => s.indicators.len(),
            Form::Legacy2020(l) => l.indicators.len(),
        };
        record_indicator_cells(&mut forms[form], i, &r);
        match &mut forms[form] {
            Form::SelfEvaluation(s) => s.indicators.push(EvaluatedIndicator {
                level1: r.text(cols::LEVEL1),
                level2: r.text(cols::LEVEL2),
                name: r.text(cols::NAME),
                target: IndicatorValue::new(r.text(cols::TARGET)),
                actual: IndicatorValue::new(r.text(cols::ACTUAL)),
                weight: r.figure(cols::WEIGHT, diags),
                score: r.figure(cols::SCORE, diags),
                deviation_reason: r.text(cols::DEVIATION),
                ..EvaluatedIndicator::default()
            }),
            other => {
                for name in [cols::ACTUAL, cols::WEIGHT, cols::SCORE, cols::DEVIATION] {
                    let text = r.text(name);
                    if !text.is_empty() {
                        diags.push(
                            r.error(
                                name,
                                msg::rules::FLAT_NOT_ON_FORM,
                                msg::flat::not_on_form(other.kind_label(), name),
                            )
                            .found(msg::check::quoted(&text))
                            .hint(msg::flat::not_on_form_hint()),
                        );
                    }
                }
                let indicator = Indicator {
                    level1: r.text(cols::LEVEL1),
                    level2: r.text(cols::LEVEL2),
                    name: r.text(cols::NAME),
                    target: IndicatorValue::new(r.text(cols::TARGET)),
                    ..Indicator::default()
                };
                match other {
                    Form::Declaration(d) => d.indicators.push(indicator),
                    Form::Legacy2020(l) => l.indicators.push(indicator),
                    Form::SelfEvaluation(_) => unreachable!("matched above"),
                }
            }
        }
    }
}

/// Reads a project list file for `jixiao template`: [`read_project_list_bytes`] on its bytes.
///
/// # Errors
/// As [`read_project_list_bytes`]; [`Error::Unreadable`] when the file cannot be read.
#[cfg(not(target_family = "wasm"))]
pub fn read_project_list(path: &Path) -> Result<Diagnosed<Vec<Declaration>>> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| Error::unreadable(&shown, msg::read::cannot_open(msg::io(&e))).because(e))?;
    read_project_list_bytes(&bytes, &shown)
}

/// Reads a project list for `jixiao template`: CSV, or the first sheet of a workbook, whose
/// columns are any of the `declarations` table's (项目名称 required; 项目性质, 项目类别,
/// 年度资金申请总额, 当年财政拨款, … optional), one project per row. Blank cells stay blank: the
/// caller fills them from an office profile. `name` tells CSV by its extension and names the
/// cells in messages.
///
/// # Errors
/// [`Error::Unreadable`] when the bytes are neither CSV nor a workbook. Unknown columns, a missing
/// 项目名称 column and non-numbers are error diagnostics at their cell.
pub fn read_project_list_bytes(bytes: &[u8], name: &str) -> Result<Diagnosed<Vec<Declaration>>> {
    let table = if InputFormat::from_file_name(name) == Some(InputFormat::Csv) {
        read_csv_bytes(bytes, name, cols::DECLARATIONS)?
    } else {
        let grids = grid::open_bytes(bytes, name)?;
        let Some(g) = grids.first() else {
            return Err(Error::unreadable(name, msg::flat::no_sheet()));
        };
        sheet_table(g, cols::DECLARATIONS)
    };
    let mut diags = Vec::new();
    let columns = Columns::check(
        &table,
        &names(cols::DECLARATION_COLUMNS),
        Some(&[cols::PROJECT_NAME]),
        &mut diags,
    );
    let mut projects = Vec::new();
    for (row, cells) in &table.rows {
        let r = Row {
            table: &table,
            columns: &columns,
            row: *row,
            cells,
        };
        let d = declaration(&r, &mut diags);
        if d.project_name.is_empty() {
            diags.push(r.error(
                cols::PROJECT_NAME,
                msg::rules::FLAT_NO_NAME,
                "a project without a name".into(),
            ));
        }
        projects.push(d);
    }
    Ok(Diagnosed::new(projects, diags))
}

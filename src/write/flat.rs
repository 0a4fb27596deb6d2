//! The flat tables: one row per form (`declarations`, `self_evaluations`, `legacy_2020`) and one
//! row per indicator (`indicators`), with the columns of [`crate::layout::flat`].
//!
//! Amounts are plain decimals in the form's unit (`140000.00`), a printed `-` stays `-`, blank
//! stays blank, and text is as in the cell, trimmed at the ends. CSV files are UTF-8 with a BOM
//! (so Excel shows the Chinese), RFC 4180 quoted, one header row.

use crate::diag::{Error, Result};
use crate::layout::flat as cols;
use crate::model::{Document, Figure, Form};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// One table: its name (file stem / sheet name), header and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: &'static str,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn amount(d: &Option<Decimal>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn figure(f: &Figure) -> String {
    f.to_string()
}

fn year(y: Option<i32>) -> String {
    y.map(|y| y.to_string()).unwrap_or_default()
}

/// The flat tables of a document. `legacy_2020` is present only when the document has such forms.
pub fn tables(doc: &Document) -> Vec<Table> {
    let mut declarations = Vec::new();
    let mut self_evaluations = Vec::new();
    let mut legacy = Vec::new();
    let mut indicators = Vec::new();
    for form in &doc.forms {
        let (file, sheet) = form
            .source()
            .map(|s| (s.file.clone(), s.sheet.clone()))
            .unwrap_or_default();
        let lead = |kind: &str| {
            vec![
                file.clone(),
                sheet.clone(),
                kind.to_string(),
                form.project_name().to_string(),
            ]
        };
        match form {
            Form::Declaration(d) => {
                let f = &d.funds;
                declarations.push(vec![
                    file.clone(),
                    sheet.clone(),
                    year(d.year),
                    d.project_name.clone(),
                    d.project_nature.clone().unwrap_or_default(),
                    d.project_category.clone(),
                    d.department.clone(),
                    d.implementing_unit.clone(),
                    d.planned_start.clone(),
                    d.planned_end.clone(),
                    amount(&f.project_total),
                    amount(&f.project_fiscal),
                    amount(&f.project_other),
                    amount(&f.annual_total),
                    amount(&f.annual_fiscal),
                    amount(&f.annual_carryover),
                    amount(&f.annual_other),
                    d.overall_goal.clone(),
                    d.annual_goal.clone(),
                ]);
                for (i, ind) in d.indicators.iter().enumerate() {
                    let mut row = lead(form.kind_label());
                    row.extend([
                        (i + 1).to_string(),
                        ind.level1.clone(),
                        ind.level2.clone(),
                        ind.name.clone(),
                        ind.target.to_text(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]);
                    indicators.push(row);
                }
            }
            Form::SelfEvaluation(s) => {
                let mut row = vec![
                    file.clone(),
                    sheet.clone(),
                    year(s.year),
                    s.project_name.clone(),
                    s.department.clone(),
                    s.implementing_unit.clone(),
                    s.funds.unit.label().to_string(),
                ];
                for (_, r) in s.funds.rows() {
                    row.extend(r.columns().iter().map(|(_, f)| figure(f)));
                }
                row.extend([
                    s.expected_goal.clone(),
                    s.actual_result.clone(),
                    figure(&s.total_score),
                    s.grade.clone(),
                ]);
                self_evaluations.push(row);
                for (i, ind) in s.indicators.iter().enumerate() {
                    let mut row = lead(form.kind_label());
                    row.extend([
                        (i + 1).to_string(),
                        ind.level1.clone(),
                        ind.level2.clone(),
                        ind.name.clone(),
                        ind.target.to_text(),
                        ind.actual.to_text(),
                        figure(&ind.weight),
                        figure(&ind.score),
                        ind.deviation_reason.clone(),
                    ]);
                    indicators.push(row);
                }
            }
            Form::Legacy2020(l) => {
                legacy.push(vec![
                    file.clone(),
                    sheet.clone(),
                    year(l.year),
                    l.applicant.clone(),
                    l.project_name.clone(),
                    l.project_category.clone(),
                    l.planned_start.clone(),
                    l.planned_end.clone(),
                    l.government_purchase.clone(),
                    l.performance_type.clone(),
                    l.overview.clone(),
                    l.basis.clone(),
                    l.necessity.clone(),
                    l.measures.clone(),
                    l.plan.clone(),
                    l.goals.clone(),
                    amount(&l.total_budget),
                    amount(&l.current_budget),
                    amount(&l.prior_budget),
                    amount(&l.prior_executed),
                ]);
                for (i, ind) in l.indicators.iter().enumerate() {
                    let mut row = lead(form.kind_label());
                    row.extend([
                        (i + 1).to_string(),
                        ind.level1.clone(),
                        ind.level2.clone(),
                        ind.name.clone(),
                        ind.target.to_text(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]);
                    indicators.push(row);
                }
            }
        }
    }
    let header = |c: &[&str]| c.iter().map(|s| s.to_string()).collect();
    let mut out = vec![
        Table {
            name: cols::DECLARATIONS,
            header: header(cols::DECLARATION_COLUMNS),
            rows: declarations,
        },
        Table {
            name: cols::SELF_EVALUATIONS,
            header: cols::self_evaluation_columns(),
            rows: self_evaluations,
        },
        Table {
            name: cols::INDICATORS,
            header: header(cols::INDICATOR_COLUMNS),
            rows: indicators,
        },
    ];
    if !legacy.is_empty() {
        out.push(Table {
            name: cols::LEGACY_2020,
            header: header(cols::LEGACY_2020_COLUMNS),
            rows: legacy,
        });
    }
    out
}

/// The CSV bytes of one table: BOM, header, rows, CRLF line ends, quotes only where needed.
pub fn csv_bytes(table: &Table) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&table.header);
        for row in &table.rows {
            let _ = w.write_record(row);
        }
        let _ = w.flush();
    }
    out
}

/// Writes `<dir>/<table>.csv` for every table, creating `dir`. Returns the files written.
///
/// # Errors
/// [`Error::Write`] when the directory or a file cannot be written.
pub fn write_csv_dir(doc: &Document, dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Write {
        path: dir.display().to_string(),
        message: format!("cannot create the directory: {e}"),
    })?;
    let mut written = Vec::new();
    for table in tables(doc) {
        let path = dir.join(format!("{}.csv", table.name));
        super::bytes_atomically(&path, &csv_bytes(&table))?;
        written.push(path);
    }
    Ok(written)
}

/// The files [`write_csv_dir`] would write into `dir`.
pub fn csv_paths(doc: &Document, dir: &Path) -> Vec<PathBuf> {
    tables(doc)
        .iter()
        .map(|t| dir.join(format!("{}.csv", t.name)))
        .collect()
}

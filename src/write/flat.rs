//! The flat tables: one row per form (`declarations`, `self_evaluations`, `legacy_2020`) and one
//! row per indicator (`indicators`), with the columns of [`crate::layout::flat`].
//!
//! Amounts are plain decimals (`140000.00`): declaration amounts in 元 (万元 forms are
//! converted), 自评表 figures in the unit of their 资金单位 column. A printed `-` stays `-`, blank
//! stays blank, and text is as in the cell, trimmed at the ends. 项目性质 is `-` on a form that
//! has no such field (the 宝山 layout). [`crate::read::flat`] reads the tables back. CSV files are UTF-8 with a BOM
//! (so Excel shows the Chinese), RFC 4180 quoted, one header row.

use crate::diag::{Error, Result};
use crate::layout::flat as cols;
use crate::model::field::DeclarationAmount;
use crate::model::{Declaration, DeclarationFunds, Document, Figure, Form, Indicator, MoneyUnit};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatBorder, Worksheet, XlsxError,
};
#[cfg(not(target_family = "wasm"))]
use std::path::{Path, PathBuf};

/// One table: its name (file stem / sheet name), header and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The table's name: `declarations`, `self_evaluations`, `indicators` or `legacy_2020`
    /// (the CSV file stem and the sheet name of a flat workbook).
    pub name: &'static str,
    /// The column heads, in the forms' words (`项目名称`, `年度资金申请总额`).
    pub header: Vec<String>,
    /// One row per form (or per indicator), each cell's text in header order.
    pub rows: Vec<Vec<String>>,
}

/// A form's row of a form table: each column's text.
fn row<F>(columns: &[cols::Column<F>], form: &F) -> Vec<String> {
    columns.iter().map(|c| c.text(form)).collect()
}

/// Declaration amounts in 元, whatever unit the form printed: the table has no unit column.
/// 万元 → 元 is exact in decimal arithmetic.
fn in_yuan(funds: &DeclarationFunds) -> DeclarationFunds {
    let factor = match funds.unit {
        MoneyUnit::Yuan => return funds.clone(),
        MoneyUnit::WanYuan => Decimal::from(10_000),
    };
    // An amount too large to convert is left out (and reported by `not_carried`).
    let mut yuan = DeclarationFunds {
        unit: MoneyUnit::Yuan,
        ..funds.clone()
    };
    for &id in DeclarationAmount::ALL {
        *id.get_mut(&mut yuan) = id.get(funds).and_then(|d| d.checked_mul(factor));
    }
    yuan
}

/// An `indicators` row of a form without scores (申报表, 目标表): the 自评表 columns stay blank.
fn declared_row(mut row: Vec<String>, i: usize, ind: &Indicator) -> Vec<String> {
    row.extend([
        (i + 1).to_string(),
        ind.level1.clone(),
        ind.level2.clone(),
        ind.name.clone(),
        ind.target.to_text(),
    ]);
    row.resize(cols::INDICATOR_COLUMNS.len(), String::new());
    row
}

fn figure(f: &Figure) -> String {
    f.to_string()
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
                let in_yuan = Declaration {
                    funds: in_yuan(&d.funds),
                    indicators: Vec::new(),
                    notes: Vec::new(),
                    medium_term: None,
                    ..d.clone()
                };
                declarations.push(row(cols::DECLARATION_COLUMNS, &in_yuan));
                indicators.extend(
                    d.indicators
                        .iter()
                        .enumerate()
                        .map(|(i, ind)| declared_row(lead(form.kind_label()), i, ind)),
                );
            }
            Form::SelfEvaluation(s) => {
                let mut cells = row(cols::SELF_EVALUATION_LEAD, s);
                for (_, r) in s.funds.rows() {
                    cells.extend(r.columns().iter().map(|(_, f)| figure(f)));
                }
                cells.extend(row(cols::SELF_EVALUATION_TAIL, s));
                self_evaluations.push(cells);
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
                legacy.push(row(cols::LEGACY_2020_COLUMNS, l));
                indicators.extend(
                    l.indicators
                        .iter()
                        .enumerate()
                        .map(|(i, ind)| declared_row(lead(form.kind_label()), i, ind)),
                );
            }
        }
    }
    fn header<F>(columns: &[cols::Column<F>]) -> Vec<String> {
        columns.iter().map(|c| c.name.to_string()).collect()
    }
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
            header: cols::INDICATOR_COLUMNS
                .iter()
                .map(|s| s.to_string())
                .collect(),
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

/// What the flat tables cannot carry, one warning per form: 备注 (`notes`, e.g. the narrative
/// sections of a migrated 2020 form) and the 一级/二级 an indicator had before migration
/// (`source_level1/2`, `review`). The columns are fixed (the flat layout is shared with the
/// readers and people's own sheets), so these are reported rather than dropped silently; keep
/// the JSON model when they matter.
pub fn not_carried(doc: &Document) -> Vec<crate::diag::Diagnostic> {
    let mut out = Vec::new();
    for form in &doc.forms {
        let (notes, migrated) = match form {
            Form::Declaration(d) => (
                d.notes.len(),
                d.indicators
                    .iter()
                    .filter(|i| {
                        i.source_level1.is_some() || i.source_level2.is_some() || i.review.is_some()
                    })
                    .count(),
            ),
            Form::Legacy2020(l) => (
                0,
                l.indicators
                    .iter()
                    .filter(|i| i.source_level1.is_some() || i.review.is_some())
                    .count(),
            ),
            Form::SelfEvaluation(_) => (0, 0),
        };
        if let Form::Declaration(d) = form
            && overflows_in_yuan(&d.funds)
        {
            let mut diag = crate::diag::Diagnostic::warning(
                crate::msg::rules::FLAT_NOT_CARRIED,
                crate::msg::write::too_large_for_yuan(crate::msg::write::form(
                    form.kind_label(),
                    form.project_name(),
                )),
            )
            .hint(crate::msg::write::too_large_for_yuan_hint());
            if let Some(s) = form.source() {
                diag = diag.at(crate::diag::Location {
                    file: s.file.clone(),
                    sheet: Some(s.sheet.clone()),
                    cell: None,
                });
            }
            out.push(diag);
        }
        if notes + migrated == 0 {
            continue;
        }
        let mut d = crate::diag::Diagnostic::warning(
            crate::msg::rules::FLAT_NOT_CARRIED,
            crate::msg::write::not_carried(
                crate::msg::write::form(form.kind_label(), form.project_name()),
                notes,
                migrated,
            ),
        )
        .hint(crate::msg::write::not_carried_hint());
        if let Some(s) = form.source() {
            d = d.at(crate::diag::Location {
                file: s.file.clone(),
                sheet: Some(s.sheet.clone()),
                cell: None,
            });
        }
        out.push(d);
    }
    out
}

/// Whether some amount of a 万元 form does not fit a decimal once converted to 元.
fn overflows_in_yuan(funds: &DeclarationFunds) -> bool {
    let converted = in_yuan(funds);
    DeclarationAmount::ALL
        .iter()
        .any(|id| id.get(funds).is_some() && id.get(&converted).is_none())
}

/// The CSV bytes of one table: UTF-8 with a BOM (Excel and WPS then read the Chinese right),
/// header, rows, CRLF line ends, quotes only where needed, and an apostrophe before a value that
/// an office program would take for a formula or a number ([`crate::layout::flat::protect`]).
pub fn csv_bytes(table: &Table) -> Vec<u8> {
    let mut w = csv_writer(Vec::new(), &table.header);
    // Writing to a Vec cannot fail.
    let _ = write_rows(&mut w, &table.rows);
    w.into_inner().unwrap_or_default()
}

fn csv_writer<W: std::io::Write>(mut out: W, header: &[String]) -> csv::Writer<W> {
    let _ = out.write_all("\u{feff}".as_bytes());
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let _ = w.write_record(header);
    w
}

fn write_rows<W: std::io::Write>(w: &mut csv::Writer<W>, rows: &[Vec<String>]) -> csv::Result<()> {
    for row in rows {
        w.write_record(
            row.iter()
                .map(|v| crate::layout::flat::protect(v).into_owned()),
        )?;
    }
    Ok(())
}

/// The CSV file of every table: its file name (`declarations.csv`, …) and bytes.
pub fn csv_files(doc: &Document) -> Vec<(String, Vec<u8>)> {
    let mut stream = CsvStream::new(|_| Ok(Vec::new()));
    // Writing to memory cannot fail.
    let _ = stream.write(&doc.forms);
    stream.finish().unwrap_or_default()
}

/// The flat CSV tables written a few forms at a time: each table's rows are appended to its
/// own writer, opened by `open(file name)` when the table is first needed (the `legacy_2020`
/// table only when a 2020 目标表 comes). [`csv_files`] is this stream into memory.
pub struct CsvStream<W: std::io::Write, O> {
    open: O,
    tables: Vec<(String, csv::Writer<W>)>,
}

impl<W: std::io::Write, O: FnMut(&str) -> std::io::Result<W>> CsvStream<W, O> {
    /// A stream that calls `open` with a table's file name (`declarations.csv`) the first time
    /// a form of that table comes.
    pub fn new(open: O) -> Self {
        CsvStream {
            open,
            tables: Vec::new(),
        }
    }

    /// Appends the rows of `forms` to the tables.
    ///
    /// # Errors
    /// When a table cannot be opened or written.
    pub fn write(&mut self, forms: &[crate::model::Form]) -> std::io::Result<()> {
        // The document's tables without the forms before (tables() numbers nothing across
        // forms, so the rows are those of the whole document).
        let doc = Document::new(forms.to_vec());
        for table in tables(&doc) {
            let file = format!("{}.csv", table.name);
            let at = match self.tables.iter().position(|(f, _)| *f == file) {
                Some(at) => at,
                None => {
                    let out = (self.open)(&file)?;
                    self.tables.push((file, csv_writer(out, &table.header)));
                    self.tables.len() - 1
                }
            };
            write_rows(&mut self.tables[at].1, &table.rows)?;
        }
        Ok(())
    }

    /// Flushes every table; returns each file name with its writer, in the order of
    /// [`tables`].
    ///
    /// # Errors
    /// When a table cannot be opened or flushed.
    pub fn finish(mut self) -> std::io::Result<Vec<(String, W)>> {
        if self.tables.is_empty() {
            self.write(&[])?;
        }
        self.tables
            .into_iter()
            .map(|(file, w)| Ok((file, w.into_inner().map_err(|e| e.into_error())?)))
            .collect()
    }
}

/// Writes `<dir>/<table>.csv` for every table, the directory as one unit
/// ([`super::directory_atomically`]). Returns the files written.
///
/// # Errors
/// [`Error::Write`] when the directory or a file cannot be written.
#[cfg(not(target_family = "wasm"))]
pub fn write_csv_dir(doc: &Document, dir: &Path) -> Result<Vec<PathBuf>> {
    let files = csv_files(doc);
    super::directory_atomically(dir, &files, &cols::TABLE_FILES)?;
    Ok(files.iter().map(|(name, _)| dir.join(name)).collect())
}

/// The files [`write_csv_dir`] would write into `dir`.
#[cfg(not(target_family = "wasm"))]
pub fn csv_paths(doc: &Document, dir: &Path) -> Vec<PathBuf> {
    tables(doc)
        .iter()
        .map(|t| dir.join(format!("{}.csv", t.name)))
        .collect()
}

/// Drop-down lists of the `indicators` table (those of the form tables are in their
/// [`cols::Column`] lists): (table, column, values, strict). A strict list refuses other values
/// (表种: the reader knows no others); the rest only warn, since real forms print variants
/// (`环境效益指标`, `其他运转类项目`) that must stay possible.
fn drop_downs() -> Vec<(&'static str, &'static str, Vec<&'static str>, bool)> {
    use crate::taxonomy::TaxonomySet;
    let mut level1 = Vec::new();
    let mut level2 = Vec::new();
    for set in [TaxonomySet::Current, TaxonomySet::Old] {
        for l1 in set.table() {
            if !level1.contains(&l1.name) {
                level1.push(l1.name);
            }
            for l2 in l1.level2 {
                if !level2.contains(l2) {
                    level2.push(*l2);
                }
            }
        }
    }
    vec![
        (cols::INDICATORS, cols::LEVEL1, level1, false),
        (cols::INDICATORS, cols::LEVEL2, level2, false),
        (
            cols::INDICATORS,
            cols::KIND,
            Form::KIND_LABELS.to_vec(),
            true,
        ),
    ]
}

/// The last row that drop-down lists cover: well below the data, so rows typed at the bottom
/// get them too.
const VALIDATED_ROWS: u32 = 10_000;

/// Display width of a text in Excel column units: CJK characters count double, which
/// `autofit()` gets wrong.
fn text_width(text: &str) -> f64 {
    text.lines()
        .map(|l| {
            l.chars()
                .map(|c| if c.is_ascii() { 1.1 } else { 2.1 })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

/// Writes the flat tables as sheets of one workbook (`convert --to xlsx-flat`): one sheet per
/// table, named as in [`crate::layout::flat`], with a frozen header row, an autofilter, widths
/// that fit the Chinese text, numbers as numbers and drop-down lists for 一级/二级, 项目类别,
/// 项目性质, 表种 and 资金单位. [`crate::read::flat`] reads it back.
///
/// # Errors
/// [`Error::Write`] when a value does not fit a sheet or the file cannot be saved.
#[cfg(not(target_family = "wasm"))]
pub fn write_xlsx(doc: &Document, path: &Path) -> Result<()> {
    let bytes = xlsx_bytes(doc).map_err(|e| e.for_file(path))?;
    super::bytes_atomically(path, &bytes)
}

/// The flat workbook of [`write_xlsx`], as bytes.
///
/// # Errors
/// [`Error::Write`] when a value does not fit a sheet.
pub fn xlsx_bytes(doc: &Document) -> Result<Vec<u8>> {
    let fail =
        |e: XlsxError| Error::write("", crate::msg::write::cannot_build_workbook(&e)).because(e);
    let mut workbook = super::new_workbook().map_err(fail)?;
    for table in tables(doc) {
        let sheet = workbook.add_worksheet();
        write_table(sheet, &table).map_err(fail)?;
    }
    workbook
        .save_to_buffer()
        .map_err(|e| Error::write("", crate::msg::write::cannot_save(&e)).because(e))
}

fn write_table(sheet: &mut Worksheet, table: &Table) -> std::result::Result<(), XlsxError> {
    let font = |f: Format| f.set_font_name("宋体").set_font_size(10);
    let header = font(Format::new())
        .set_bold()
        .set_background_color("#D9E1F2")
        .set_border(FormatBorder::Thin);
    // Text columns are formatted as text (`@`), so that a typed `=100(%)` or `≥90` stays text
    // in Excel, WPS and LibreOffice instead of becoming a formula.
    let text = font(Format::new()).set_num_format("@");
    sheet.set_name(table.name)?;
    for (c, name) in table.header.iter().enumerate() {
        if !cols::is_number(table.name, name) {
            sheet.set_column_format(c as u16, &text)?;
        }
    }
    let mut widths: Vec<f64> = table.header.iter().map(|h| text_width(h) + 4.0).collect();
    for (c, name) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, value) in row.iter().enumerate() {
            widths[c] = widths[c].max(text_width(value) + 2.0);
            if value.is_empty() {
                continue;
            }
            let number = cols::is_number(table.name, &table.header[c])
                .then(|| value.parse::<Decimal>().ok())
                .flatten();
            match number {
                Some(d) => {
                    let decimals = d.scale() as usize;
                    let code = if decimals == 0 {
                        "0".to_string()
                    } else {
                        format!("0.{}", "0".repeat(decimals))
                    };
                    let value: f64 = d.to_string().parse().unwrap_or_default();
                    sheet.write_number_with_format(
                        r,
                        c as u16,
                        value,
                        &font(Format::new()).set_num_format(&code),
                    )?;
                }
                None => {
                    sheet.write_string_with_format(r, c as u16, value, &text)?;
                }
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, w.min(60.0))?;
    }
    let last_col = table.header.len().saturating_sub(1) as u16;
    sheet.set_freeze_panes(1, 0)?;
    // Printed, the header repeats on every page of a table that is wide and long.
    sheet.set_landscape();
    sheet.set_repeat_rows(0, 0)?;
    sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    let form_lists = table.header.iter().filter_map(|h| {
        let (values, strict) = cols::choices(table.name, h)?;
        Some((table.name, h.as_str(), values.to_vec(), strict))
    });
    let lists: Vec<_> = drop_downs().into_iter().chain(form_lists).collect();
    for (name, column, values, strict) in lists {
        let Some(c) = (name == table.name)
            .then(|| table.header.iter().position(|h| h == column))
            .flatten()
        else {
            continue;
        };
        let style = if strict {
            DataValidationErrorStyle::Stop
        } else {
            DataValidationErrorStyle::Warning
        };
        let list = DataValidation::new()
            .allow_list_strings(&values)?
            .set_error_style(style);
        sheet.add_data_validation(1, c as u16, VALIDATED_ROWS, c as u16, &list)?;
    }
    Ok(())
}

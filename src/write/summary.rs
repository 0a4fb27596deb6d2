//! The 汇总 sheet `jixiao template` puts first: one row per form with its amounts, and a total.
//!
//! Amounts are formulas that point at the form's own cells (`='机关服务费'!H6`, positions from
//! [`crate::layout`]), with today's value cached: when an amount is typed into a form, the
//! summary follows, in Excel, WPS and LibreOffice alike. The total row sums the column.

use super::styles::Styles;
use crate::layout;
use crate::model::Form;
use crate::model::field::DeclarationAmount;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Formula, Url, Worksheet, XlsxError};

/// The sheet name of the summary.
pub const SHEET: &str = "汇总";

/// A form's cell (A1) and its value now; `None` when the form has no such cell.
type Linked = Option<(String, Option<Decimal>)>;

/// One column of the summary: its header and, per form, the cell it shows.
struct Column {
    header: String,
    cell: Box<dyn Fn(&Form) -> Linked>,
}

/// The first cell of a 申报表 amount's value in the layout the form is written in.
fn value_cell(form: &Form, id: DeclarationAmount) -> String {
    let printed = form.source().and_then(|s| s.layout.as_ref()).map(|l| l.id);
    let fields = printed.map_or(layout::declaration::FUND_FIELDS, |printed| {
        layout::sheets::declaration(printed).funds
    });
    let at = fields
        .iter()
        .find(|f| f.id == id)
        .map_or("", |f| f.value_at);
    first_cell(at).to_string()
}

fn first_cell(a1: &str) -> &str {
    a1.split(':').next().unwrap_or(a1)
}

/// The 申报表's annual amounts, headed by their labels.
fn declaration_columns() -> Vec<Column> {
    use DeclarationAmount::*;
    layout::declaration::FUND_FIELDS
        .iter()
        .filter(|f| {
            matches!(
                f.id,
                AnnualTotal | AnnualFiscal | AnnualCarryover | AnnualOther
            )
        })
        .map(|field| {
            let id = field.id;
            Column {
                header: match id {
                    AnnualTotal => format!("{}（元）", field.label.text),
                    _ => field.label.text.to_string(),
                },
                cell: Box::new(move |f| match f {
                    Form::Declaration(d) => Some((value_cell(f, id), *id.get(&d.funds))),
                    _ => None,
                }),
            }
        })
        .collect()
}

/// The 年度资金总额 row's cell in column `col` of the 自评表 funds grid (0 = 年初预算数), in the
/// layout the form is written in.
fn grid_cell(form: &Form, col: u16) -> String {
    let id = form.source().and_then(|s| s.layout.as_ref()).map(|l| l.id);
    let grid = id.map_or(
        &layout::sheets::SELF_EVALUATION_8,
        layout::sheets::self_evaluation,
    );
    crate::a1::cell_name((
        grid.funds_header_row + 1,
        u32::from(grid.funds_first_col + col),
    ))
}

fn self_evaluation_columns() -> Vec<Column> {
    vec![
        Column {
            header: "年初预算数（万元）".to_string(),
            cell: Box::new(|f| match f {
                Form::SelfEvaluation(s) => {
                    Some((grid_cell(f, 0), s.funds.total.initial_budget.number()))
                }
                _ => None,
            }),
        },
        Column {
            header: "全年预算数（万元）".to_string(),
            cell: Box::new(|f| match f {
                Form::SelfEvaluation(s) => {
                    Some((grid_cell(f, 1), s.funds.total.annual_budget.number()))
                }
                _ => None,
            }),
        },
    ]
}

/// `'机关服务费'!H6`, quoting the sheet name as formulas need.
fn reference(sheet: &str, cell: &str) -> String {
    format!("{}!{cell}", reference_sheet(sheet))
}

/// `'机关服务费'`: a sheet name quoted for a formula or a link.
fn reference_sheet(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// The title of a batch's summary: `项目绩效目标汇总表（3 个文件，13 张表）`, or the 自评
/// equivalent (after the first form, as [`write()`]'s columns).
pub fn batch_title(forms: &[&Form], files: usize) -> String {
    let what = match forms.first() {
        Some(Form::SelfEvaluation(_)) => "项目支出绩效自评汇总表",
        _ => "项目绩效目标汇总表",
    };
    format!("{what}（{files} 个文件，{} 张表）", forms.len())
}

/// `form_00001.xlsx · 机关服务费`: the file (without its folders) and sheet a form came from.
fn source(form: &Form) -> String {
    form.source()
        .map(|s| {
            let file = s.file.rsplit(['/', '\\']).next().unwrap_or(&s.file);
            format!("{file} · {}", s.sheet)
        })
        .unwrap_or_default()
}

/// Paints the summary of `forms` (written on the sheets `sheets`) onto `out`. With `sources`
/// (a batch of many files) a 来源 column names each form's file and sheet, and the project
/// name links to the form's sheet.
///
/// # Errors
/// Any [`XlsxError`] of rust_xlsxwriter.
pub fn write(
    out: &mut Worksheet,
    title: &str,
    forms: &[&Form],
    sheets: &[String],
    sources: bool,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let columns = match forms.first() {
        Some(Form::SelfEvaluation(_)) => self_evaluation_columns(),
        _ => declaration_columns(),
    };
    let with_nature = forms
        .iter()
        .any(|f| matches!(f, Form::Declaration(d) if d.project_nature.is_some()));
    let mut heads = vec!["序号".to_string(), "项目名称".to_string()];
    if sources {
        heads.push("来源".to_string());
    }
    if with_nature {
        heads.push("项目性质".to_string());
    }
    if matches!(forms.first(), Some(Form::Declaration(_))) {
        heads.push("项目类别".to_string());
    }
    let texts = heads.len();
    heads.extend(columns.iter().map(|c| c.header.clone()));
    let last = (heads.len() - 1) as u16;
    out.set_name(SHEET)?;
    out.merge_range(0, 0, 0, last, title, &styles.title)?;
    out.set_row_height(0, 32)?;
    for (c, h) in heads.iter().enumerate() {
        out.write_string_with_format(1, c as u16, h, &styles.label)?;
    }
    // `None` once a total overflows: Excel computes the SUM itself; only the cached result is left out.
    let mut totals = vec![Some(Decimal::ZERO); columns.len()];
    for (i, (form, sheet)) in forms.iter().zip(sheets).enumerate() {
        let r = i as u32 + 2;
        out.write_number_with_format(r, 0, (i + 1) as f64, &styles.label)?;
        if sources {
            let link = Url::new(format!("internal:{}!A1", reference_sheet(sheet)))
                .set_text(form.project_name());
            out.write_url_with_format(r, 1, link, &styles.text)?;
            out.write_string_with_format(r, 2, source(form), &styles.text)?;
        } else {
            out.write_string_with_format(r, 1, form.project_name(), &styles.text)?;
        }
        if let Form::Declaration(d) = form {
            let mut c = if sources { 3 } else { 2 };
            if with_nature {
                let nature = d.project_nature.as_deref().unwrap_or("");
                out.write_string_with_format(r, c, nature, &styles.text)?;
                c += 1;
            }
            out.write_string_with_format(r, c, &d.project_category, &styles.text)?;
        }
        for (j, column) in columns.iter().enumerate() {
            let c = (texts + j) as u16;
            match (column.cell)(form) {
                Some((cell, value)) => {
                    let value = value.unwrap_or_default();
                    totals[j] = totals[j].and_then(|t| t.checked_add(value));
                    let formula = Formula::new(format!("={}", reference(sheet, &cell)))
                        .set_result(value.to_string());
                    out.write_formula_with_format(r, c, formula, &styles.amount(value, 2))?;
                }
                None => {
                    out.write_blank(r, c, &styles.text)?;
                }
            }
        }
    }
    let total_row = forms.len() as u32 + 2;
    out.merge_range(
        total_row,
        0,
        total_row,
        texts as u16 - 1,
        "合计",
        &styles.label,
    )?;
    for (j, total) in totals.iter().enumerate() {
        let c = (texts + j) as u16;
        let column = rust_xlsxwriter::utility::column_number_to_name(c);
        let formula = Formula::new(format!("=SUM({column}3:{column}{total_row})"));
        let formula = match total {
            Some(t) => formula.set_result(t.to_string()),
            None => formula,
        };
        let shown = total.unwrap_or_default();
        out.write_formula_with_format(total_row, c, formula, &styles.amount(shown, 2))?;
    }
    out.set_column_width(0, 6)?;
    out.set_column_width(1, 30)?;
    let first_amount = if sources {
        out.set_column_width(2, 46)?;
        3
    } else {
        2
    };
    for c in first_amount..=last {
        out.set_column_width(c, 16)?;
    }
    // One page wide, however many projects: the summary is printed for the office's file.
    out.set_landscape();
    out.set_print_fit_to_pages(1, 0);
    out.set_repeat_rows(1, 1)?;
    Ok(())
}

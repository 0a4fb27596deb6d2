//! 财政项目支出绩效目标表 (2020) → worksheet, in its own 4-column layout (DOMAIN §1d), for
//! `--layout source`: header rows of `label：value` pairs, the narrative sections as a label row
//! and a text row, the prior-year amounts, then the 一级目标 … 指标目标值 table. Styled as the
//! form prints it (the shared 2020 fixture): texts left and vertically centred, section labels
//! left and bold, the `2020年绩效目标` heading centred and bold, 三级 and 指标目标值 left.

use super::FieldCells;
use super::sheet::{FormSheet, row_area};
use super::styles::Styles;
use crate::layout::legacy_2020 as at;
use crate::model::field::IndicatorPart;
use crate::model::{LayoutId, Legacy2020, PrintedLayout};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Paints `form` onto an empty worksheet.
///
/// Gives back where each field was placed.
///
/// # Errors
/// Any [`XlsxError`] of rust_xlsxwriter, e.g. a text longer than Excel's 32,767 characters.
pub fn write(
    sheet: &mut Worksheet,
    form: &Legacy2020,
    styles: &Styles,
) -> Result<FieldCells, XlsxError> {
    let widths = at::COLUMN_WIDTHS;
    // The one layout of the 2020 form, its labels printed as given.
    let printed = PrintedLayout {
        id: LayoutId::Legacy2020,
        ..PrintedLayout::default()
    };
    let title = (at::TITLE.text, form.year);
    let mut out = FormSheet::new(sheet, styles, (&widths, []), title, Some(&printed))?;
    let all = (0, widths.len() as u16 - 1);
    let mut row = 2;
    for line in at::HEADER_ROWS {
        let pairs = line.iter().map(|&i| {
            let (field, label) = at::HEADER[i];
            format!("{}：{}", label.text, field.get(form))
        });
        let text = pairs.collect::<Vec<_>>().join(at::PAIR_GAP);
        out.text(row_area(row, all), &text, &styles.text)?;
        for &i in *line {
            out.place(at::HEADER[i].0.path(), row_area(row, all));
        }
        row += 1;
    }
    // The section labels stand left and bold over the width, as the form prints them.
    for (field, label) in at::NARRATIVE {
        out.text(
            row_area(row, all),
            &format!("{}：", label.text),
            &styles.section,
        )?;
        out.text(row_area(row + 1, all), field.get(form), &styles.text)?;
        out.place(field.path(), row_area(row + 1, all));
        row += 2;
    }
    out.text(row_area(row, all), at::PRIOR_YEAR.text, &styles.section)?;
    row += 1;
    let unit = form.unit.label();
    for line in at::AMOUNT_ROWS {
        let pairs = line.iter().map(|&i| {
            let (field, label) = at::AMOUNTS[i];
            let amount = field.get(form).map(grouped).unwrap_or_default();
            format!("{}（{unit}）：{amount}", label.text)
        });
        let text = pairs.collect::<Vec<_>>().join(at::PAIR_GAP);
        out.text(row_area(row, all), &text, &styles.text)?;
        for &i in *line {
            out.place(at::AMOUNTS[i].0.path(), row_area(row, all));
        }
        row += 1;
    }
    let heading = match form.year {
        Some(y) => format!("{y}年{}", at::TARGETS.text),
        None => at::TARGETS.text.to_string(),
    };
    out.text(row_area(row, all), &heading, &styles.heading)?;
    row += 1;
    for (col, label) in (0..).zip([at::LEVEL1, at::LEVEL2, at::LEVEL3, at::TARGET]) {
        out.label(row_area(row, (col, col)), label.text)?;
    }
    let first = row + 1;
    let levels: Vec<(Option<usize>, &str, &str)> = (form.indicators.iter().enumerate())
        .map(|(k, i)| (Some(k), i.level1.as_str(), i.level2.as_str()))
        .collect();
    out.levels(first, &levels, 0, 1)?;
    for (i, (row, indicator)) in (first..).zip(&form.indicators).enumerate() {
        out.text(row_area(row, (2, 2)), &indicator.name, &styles.text)?;
        let target = indicator.target.to_text();
        out.text(row_area(row, (3, 3)), &target, &styles.value_left)?;
        out.place(IndicatorPart::Name.of(i), row_area(row, (2, 2)));
        out.place(IndicatorPart::Target.of(i), row_area(row, (3, 3)));
    }
    out.finish()
}

/// An amount as the 2020 form prints it: thousands separated, with the decimals it was read
/// with (`500000` → `500,000`, `1234.5` → `1,234.5`).
fn grouped(amount: Decimal) -> String {
    let text = amount.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits: Vec<char> = whole.chars().collect();
    let mut out = String::new();
    if amount.is_sign_negative() {
        out.push('-');
    }
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*c);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_by_thousands_with_their_own_decimals() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(grouped(d("500000")), "500,000");
        assert_eq!(grouped(d("760000")), "760,000");
        assert_eq!(grouped(d("999")), "999");
        assert_eq!(grouped(d("1234.50")), "1,234.50");
        assert_eq!(grouped(d("-1234567")), "-1,234,567");
    }
}

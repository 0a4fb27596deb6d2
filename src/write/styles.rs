//! Every cell format of the written forms, in one place and named by role (DOMAIN §1f).
//!
//! 宋体 throughout: 16 pt bold for the title, 11 pt for the year caption, 10 pt elsewhere. Every
//! cell of the form from row 3 down has a thin border and wraps its text. Number formats follow
//! the decimals a `Decimal` carries, so `10` prints `10` and `10.00` prints `10.00`.

use crate::a1::Pos;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, FormatPattern};
use std::collections::BTreeMap;

/// The font of every cell.
pub const FONT: &str = "宋体";
/// Body font size in points; the row-height estimate of the form sheets assumes it.
pub const FONT_SIZE: f64 = 10.0;
const TITLE_SIZE: f64 = 16.0;
const CAPTION_SIZE: f64 = 11.0;
/// Excel's limit on decimals in a number format, and more than an f64 can show anyway.
const MAX_DECIMALS: u32 = 15;

/// The formats of one workbook, named by the role of the cell.
#[derive(Debug, Clone)]
pub struct Styles {
    /// `财政项目支出绩效目标申报表`: 16 pt bold, centred, no border.
    pub title: Format,
    /// `（2026年度）`: centred, no border.
    pub caption: Format,
    /// Constant labels (`项目名称`, `一级指标`, …): centred horizontally and vertically.
    pub label: Format,
    /// A section heading over a form's whole width (the 2020 目标表's `项目概况：`,
    /// `本项目上年度市级财政资金使用情况`): bold, left, as the form prints them.
    pub section: Format,
    /// A table's heading over the form's width (the 2020 目标表's `2020年绩效目标`): bold,
    /// centred.
    pub heading: Format,
    /// Short values (`项目名称`'s value, 三级指标 names): left, vertically centred.
    pub text: Format,
    /// Long texts (项目总目标, 年度总体目标, 实际完成情况): left and top.
    pub text_left_top: Format,
    /// Indicator values (`=100.00(%)`, `达成指标`) and grades: centred and stored as text (`@`),
    /// so that Excel never takes `=100.00(%)` for a formula when the cell is edited.
    pub value: Format,
    /// Indicator values as the 2020 目标表 prints them: left, stored as text like [`Styles::value`].
    pub value_left: Format,
    /// A printed dash (`-`) in a figure column: centred.
    pub dash: Format,
    /// The fewest decimals of a money amount or rate: 2 in the official layout (`880` →
    /// `880.00`), 0 under `--layout source`, which prints numbers with the decimals the input
    /// printed (the Decimal's own scale, kept by the readers and in JSON).
    pub money_decimals: u32,
    base: Format,
    /// Cells to fill whatever their role, by top-left position: the findings of a
    /// `check --report` copy (see [`super::report`]). Empty for an ordinary form.
    marks: BTreeMap<Pos, Color>,
}

impl Styles {
    /// Builds the formats once per workbook.
    pub fn new() -> Self {
        let font = Format::new().set_font_name(FONT).set_text_wrap();
        let base = font
            .clone()
            .set_font_size(FONT_SIZE)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let centred = base.clone().set_align(FormatAlign::Center);
        Styles {
            title: font
                .clone()
                .set_font_size(TITLE_SIZE)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            caption: font
                .set_font_size(CAPTION_SIZE)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            label: centred.clone(),
            section: base.clone().set_bold().set_align(FormatAlign::Left),
            heading: centred.clone().set_bold(),
            text: base.clone().set_align(FormatAlign::Left),
            text_left_top: base
                .clone()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top),
            value: centred.clone().set_num_format("@"),
            value_left: base
                .clone()
                .set_align(FormatAlign::Left)
                .set_num_format("@"),
            dash: centred,
            money_decimals: 2,
            base,
            marks: BTreeMap::new(),
        }
    }

    /// These formats, with the cells at `marks` (top-left positions) filled in their colour.
    pub fn with_marks(&self, marks: BTreeMap<Pos, Color>) -> Styles {
        Styles {
            marks,
            ..self.clone()
        }
    }

    /// `format` as the cell whose top-left is `at` gets it: filled when it is marked.
    pub(super) fn at(&self, at: Pos, format: &Format) -> Format {
        match self.marks.get(&at) {
            Some(color) => format
                .clone()
                .set_background_color(*color)
                .set_pattern(FormatPattern::Solid),
            None => format.clone(),
        }
    }

    /// A money amount: `#,##0` with the decimals the amount carries, `at_least` of them (the
    /// official layout prints two: `#,##0.00`; `--layout source` none more than printed).
    pub fn amount(&self, amount: Decimal, at_least: u32) -> Format {
        match amount.scale().max(at_least).min(MAX_DECIMALS) {
            0 => self.number("#,##0".to_string()),
            d => self.number(format!("#,##0.{}", "0".repeat(d as usize))),
        }
    }

    /// A 自评表 figure with the decimals it was printed with, `at_least` of them: `10` → `0`,
    /// `10.00` → `0.00`.
    pub fn figure(&self, figure: Decimal, at_least: u32) -> Format {
        match figure.scale().max(at_least).min(MAX_DECIMALS) {
            0 => self.number("0".to_string()),
            d => self.number(format!("0.{}", "0".repeat(d as usize))),
        }
    }

    /// A figure printed as a percentage (`95.50%`) with the decimals it carries: `0.00%`.
    pub fn percent(&self, figure: Decimal) -> Format {
        match figure.scale().min(MAX_DECIMALS) {
            0 => self.number("0%".to_string()),
            d => self.number(format!("0.{}%", "0".repeat(d as usize))),
        }
    }

    fn number(&self, num_format: String) -> Format {
        self.base
            .clone()
            .set_align(FormatAlign::Right)
            .set_num_format(num_format)
    }
}

impl Default for Styles {
    fn default() -> Self {
        Styles::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal literal")
    }

    #[test]
    fn number_formats_follow_the_decimals() {
        let s = Styles::new();
        assert_eq!(s.figure(d("10"), 0), s.number("0".into()));
        assert_eq!(s.figure(d("10.00"), 0), s.number("0.00".into()));
        assert_eq!(s.figure(d("8.935"), 0), s.number("0.000".into()));
        assert_eq!(s.figure(d("43.2"), 2), s.number("0.00".into()));
        assert_eq!(s.amount(d("140000"), 2), s.number("#,##0.00".into()));
        assert_eq!(s.amount(d("28.882"), 2), s.number("#,##0.000".into()));
        // As printed (`--layout source`): 880 stays 880.
        assert_eq!(s.amount(d("880"), 0), s.number("#,##0".into()));
        assert_eq!(s.amount(d("880.5"), 0), s.number("#,##0.0".into()));
    }
}

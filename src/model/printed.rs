//! How a form was printed: which layout, and the labels it printed in its own words, so that a
//! corrected form can be written back as the office printed it (`--layout source`, issue 11).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The layouts jixiao reads and writes (their cells are described in `crate::layout::sheets`).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LayoutId {
    /// 申报表, the official Shanghai 8 columns A–H (DOMAIN §1c); without 项目性质 the 宝山 form.
    #[default]
    #[serde(rename = "declaration-8")]
    Declaration8,
    /// 申报表, 6 columns A–F: labels in A, the funds block `项目资金（元）` A6:A9.
    #[serde(rename = "declaration-6")]
    Declaration6,
    /// 申报表, the national form of 财预〔2015〕88号, 8 columns A–H (DOMAIN §1a): 中期 and 年度
    /// side by side in 项目资金, the goals and the indicator table.
    #[serde(rename = "declaration-88")]
    Declaration88,
    /// 自评表, the official Shanghai 8 columns A–H (DOMAIN §1e).
    #[serde(rename = "self-evaluation-8")]
    SelfEvaluation8,
    /// 自评表, 9 columns A–I: the 8-column form with `绩效指标` in front of the table, the funds
    /// row heads in B:C; the national edition (DOMAIN §1b) has no 评分等级 row.
    #[serde(rename = "self-evaluation-9")]
    SelfEvaluation9,
    /// 财政项目支出绩效目标表 (2020), 4 columns A–D (DOMAIN §1d).
    #[serde(rename = "legacy-2020")]
    Legacy2020,
}

impl LayoutId {
    /// The name used on the command line and in office profiles (`declaration-6`).
    pub fn name(self) -> &'static str {
        match self {
            LayoutId::Declaration8 => "declaration-8",
            LayoutId::Declaration6 => "declaration-6",
            LayoutId::Declaration88 => "declaration-88",
            LayoutId::SelfEvaluation8 => "self-evaluation-8",
            LayoutId::SelfEvaluation9 => "self-evaluation-9",
            LayoutId::Legacy2020 => "legacy-2020",
        }
    }
}

/// The layout a form was read from: the layout's id, the labels printed otherwise (by the field
/// or block they head), and the rows of the layout the form did not print.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct PrintedLayout {
    /// Which layout: the official one or one of the variants it was read in (DOMAIN §1).
    pub id: LayoutId,
    /// Whether the layout is an office profile's, given to a form made here (`template
    /// --profile baoshan`), rather than the one a form was read in: the labels not in `labels`
    /// are then the official ones, broken as the printed forms break them (`项目\n绩效\n目标`);
    /// a form read from a file printed them as the layout's own text, on one line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_profile: bool,
    /// Label slot (`overall_goal`, `funds`, `table.target`) → the label as printed, where it
    /// differs from the layout's own text, the form's year written `{year}`
    /// (`项目总目标 ({year}年-{year}年)`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Slots of the layout the form does not print (`grade`: the national 自评表 has no
    /// 评分等级 row).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    /// The indicator table's rows that hold a blank form's placeholder (`指标3:`, `……`, the
    /// national 自评表, DOMAIN §1b): rows of the printed form, not indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placeholders: Vec<PlaceholderRow>,
    /// Figures the form printed as percentages (`95.50%`: a fraction shown with a percent
    /// format, or a text with `%`), by field path (`funds.total.rate`); the model holds them as
    /// the percentage (95.50).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub percent: Vec<String>,
}

/// 指标占位行 — a row of an indicator table where the blank form's placeholder (`指标2:`, `……`)
/// was left in the 三级 cell: printed back by `--layout source`, never read as an indicator.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct PlaceholderRow {
    /// The 一级 it stands under (the model's 一级, without a printed weight).
    pub level1: String,
    /// The 二级 it stands under.
    pub level2: String,
    /// Which row of its 二级 it is, counting from 0: the rows of its indicators and of its
    /// other placeholders above it. On the row of an indicator with no 三级 (an empty 二级's
    /// row), the placeholder stands in that indicator's 三级 cell.
    pub row: usize,
    /// The placeholder as printed.
    pub text: String,
}

impl PrintedLayout {
    /// The label printed for `slot` in a form of `year`: the form's own words (its `{year}`
    /// the year, blank on a blank form), or `official`.
    pub fn label(&self, slot: &str, official: &str, year: Option<i32>) -> String {
        match self.labels.get(slot) {
            Some(own) => {
                let year = year.map_or_else(|| "    ".to_string(), |y| y.to_string());
                own.replace("{year}", &year)
            }
            None => official.to_string(),
        }
    }

    /// Whether the form prints `slot`.
    pub fn prints(&self, slot: &str) -> bool {
        !self.absent.iter().any(|a| a == slot)
    }
}

/// 版式 of a form printed in none of the layouts jixiao describes (a provincial grid, issue 11):
/// the grid as the reader found it, so that `--layout source` writes the form back cell for
/// cell. Positions are cells of the input sheet, as in [`super::Source::cells`] (the form's
/// first row is that of [`super::Source::range`]); the fields' own cells are those of
/// `Source::cells`, and their values come from the form, so corrections show.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct DerivedLayout {
    /// The form's width in columns.
    pub columns: u32,
    /// The title's cell (`A1`), printed large and bold.
    #[serde(default)]
    pub title: String,
    /// The cells no field takes (titles, labels, column heads, placeholders such as `指标2`,
    /// lines under the table), by their top-left cell (`A1`), with their text as printed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// The form's merged areas (`A1:E1`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<String>,
    /// Fields whose cell printed more or other than the value read from it (`(2025年度)` for
    /// the year 2025, `预算单位:东莞市交通运输局`, `10000万元`, `86%`), by field path.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub printed: BTreeMap<String, PrintedValue>,
}

/// A field's cell as printed beside the value read from it (see [`DerivedLayout::printed`]).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct PrintedValue {
    /// The cell's text.
    pub text: String,
    /// The value as the form held it when read, shown as the writer shows it.
    pub read: String,
}

impl PrintedValue {
    /// The cell's text for the value now shown as `now`: as printed while the value is the one
    /// read; after a correction, the printed text with the old value replaced by the new one
    /// when it held it (`预算单位:X`), else the new value alone.
    pub fn text_for(&self, now: &str) -> String {
        if now == self.read {
            self.text.clone()
        } else if !self.read.is_empty() && self.text.contains(&self.read) {
            self.text.replacen(&self.read, now, 1)
        } else {
            now.to_string()
        }
    }
}

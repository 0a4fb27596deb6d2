//! Self-evaluation scoring (DOMAIN §2): execution rate and score, quantitative indicator
//! scores, total and grade — pure functions on [`Decimal`], used by `check` (to compare with
//! what a form prints) and by `score` (to fill in what is blank, [`fill`]).
//!
//! Nothing here touches `f64`: amounts, rates and scores stay decimal from cell to output.
//!
//! # Rounding (DOMAIN §2.2, §6.1)
//!
//! Every computed rate and score is rounded to 2 decimals by [`Rounding`], once, at the end of
//! its own formula; the execution score is computed from the *rounded* rate, the figure the form
//! prints next to it. The default is truncation, the only policy that reproduces the Shanghai
//! 市级 2023 self-evaluations (seed 001) from their printed 万元 amounts:
//!
//! | seed 001 row | B/A | exact rate | printed | score from rate | printed | needs |
//! |---|---|---|---|---|---|---|
//! | 机关服务费 | 12.51/14.00 | 89.3571 | 89.35 | 10 × 89.35 % = 8.935 | 8.93 | truncation (half-up gives 89.36 / 8.94) |
//! | 驻外办驻外工作经费 | 30.50/33.40 | 91.3174 | 91.31 | 9.131 | 9.13 | either |
//! | 合作交流工作业务费 | 17.73/28.88 | 61.3920 | 61.39 | 6.139 | 6.13 | truncation (half-up gives 6.14) |
//! | 合作交流专项工作经费 | 13.33/30.00 | 44.4333 | 44.43 | 4.443 | 4.44 | either |
//! | 开办经费 | 228.00/228.00 | 100 | 100.00 | 10 | 10.00 | either |
//!
//! [`Rounding::HalfUp`] is for the systems that round: the 普陀 district 2022 form (4.517 → 4.52)
//! and the MoF 一体化 system (`ROUND(x, 2)`, SRC-FASP-SQL).

use crate::diag::Location;
use crate::layout::flat::FUND_ROWS;
use crate::model::field::{IndicatorPart, SelfEvaluationFigure, SelfEvaluationText};
use crate::model::{Comparator, Figure, FundsRow, Quantity, SelfEvaluation, SelfEvaluationFunds};
use crate::msg;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::fmt;

/// How a computed rate or score is brought to 2 decimals (DOMAIN §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum Rounding {
    /// Cut after 2 decimals (8.9357 → 8.93): Shanghai 市级, seed 001.
    #[default]
    Truncate,
    /// Round half away from zero (8.935 → 8.94): 普陀 district, MoF fasp2.
    HalfUp,
}

impl Rounding {
    /// `x` at 2 decimals, always printed with two (`10` → `10.00`).
    pub fn apply(self, x: Decimal) -> Decimal {
        let strategy = match self {
            Rounding::Truncate => RoundingStrategy::ToZero,
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
        };
        let mut r = x.round_dp_with_strategy(2, strategy);
        r.rescale(2);
        r
    }

    /// The rule in words for `--explain` (截位 / 四舍五入), in the current language.
    pub fn label(self) -> String {
        match self {
            Rounding::Truncate => crate::msg::score::truncated(),
            Rounding::HalfUp => crate::msg::score::rounded_half_up(),
        }
    }
}

/// Which formulas score a quantitative indicator below its target (DOMAIN §2.3, §6.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum QuantFormula {
    /// The MoF 一体化 system (SRC-FASP-SQL): 正向 `B/A × w`; 反向 linear to 0 at twice the target.
    #[default]
    Mof,
    /// Provincial notes (SRC-LOCAL-Q): 正向 `w × B/A`, 反向 `w × A/B`, both capped at w.
    Provincial,
}

/// The score bands of qualitative indicators (DOMAIN §2.4, §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum QualBands {
    /// 达成 [80 %, 100 %], 部分达成 [60 %, 80 %), 未达成 [0, 60 %) — national, fasp2.
    #[default]
    #[cfg_attr(feature = "cli", value(name = "80-60"))]
    #[serde(rename = "80-60")]
    B80_60,
    /// 达成 [80 %, 100 %], 部分达成 [50 %, 80 %), 未达成 [0, 50 %) — Hubei, several cities.
    #[cfg_attr(feature = "cli", value(name = "80-50"))]
    #[serde(rename = "80-50")]
    B80_50,
}

/// The choices where sources disagree (DOMAIN §6), with the defaults DOMAIN names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScoringOptions {
    /// How rates and scores are brought to 2 decimals (DOMAIN §2.2; default: truncate).
    pub rounding: Rounding,
    /// The formulas for 定量 indicators short of their target (DOMAIN §2.3, §6.3).
    pub quant_formula: QuantFormula,
    /// The bands for 定性 indicators (DOMAIN §2.4, §6.2).
    pub qual_bands: QualBands,
    /// 预算执行率 分值 when the form prints none: 10 (national, Shanghai; 20 in Hubei), §2.1.
    pub execution_weight: Decimal,
}

impl Default for ScoringOptions {
    fn default() -> Self {
        ScoringOptions {
            rounding: Rounding::default(),
            quant_formula: QuantFormula::default(),
            qual_bands: QualBands::default(),
            execution_weight: Decimal::TEN,
        }
    }
}

/// 100: the total of all 分值 (DOMAIN §2.1).
pub const FULL_MARKS: Decimal = Decimal::ONE_HUNDRED;

/// 执行率 = 全年执行数 / 全年预算数 × 100, in percent, rounded (DOMAIN §2.2). A zero budget
/// gives 0.00, as the seed 001 sub-rows print.
/// `None` when the figures are too large to divide (an overflow is reported, never a panic).
pub fn execution_rate(
    annual_budget: Decimal,
    executed: Decimal,
    rounding: Rounding,
) -> Option<Decimal> {
    if annual_budget.is_zero() {
        return Some(rounding.apply(Decimal::ZERO));
    }
    let rate = executed
        .checked_div(annual_budget)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    Some(rounding.apply(rate))
}

/// 预算执行得分 = 分值 × 执行率 / 100 from the rounded rate, capped at 分值 (DOMAIN §2.2).
/// `None` on overflow.
pub fn execution_score(
    weight: Decimal,
    rate_percent: Decimal,
    rounding: Rounding,
) -> Option<Decimal> {
    let exact = weight
        .checked_mul(rate_percent)?
        .checked_div(Decimal::ONE_HUNDRED)?;
    Some(
        rounding
            .apply(exact)
            .min(rounding.apply(weight))
            .max(rounding.apply(Decimal::ZERO)),
    )
}

/// 正向 / 反向 / 等于 (DOMAIN §2.3, §4; SRC-FASP-SX).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Direction {
    /// 正向: `≥`, `>` — more is better.
    Forward,
    /// 反向: `≤`, `<` — less is better.
    Reverse,
    /// 等于: `=`, or no comparator (`100%`, `0次`); scored as 正向 unless the target is 0.
    Equal,
}

impl Direction {
    /// The direction of a target: its comparator decides.
    pub fn of(target: &Quantity) -> Direction {
        match target.op {
            Some(Comparator::Ge | Comparator::Gt) => Direction::Forward,
            Some(Comparator::Le | Comparator::Lt) => Direction::Reverse,
            Some(Comparator::Eq) | None => Direction::Equal,
        }
    }

    /// 正向, 反向 or 等于, as `--explain` prints it.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Forward => "正向",
            Direction::Reverse => "反向",
            Direction::Equal => "等于",
        }
    }
}

/// A computed score and the formula with its numbers, for `--explain` and for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scored {
    /// The score, at 2 decimals, between 0 and the weight.
    pub score: Decimal,
    /// How the score came: direction, 指标值, the expression with its numbers and the rounding,
    /// as `--explain` prints it.
    pub formula: String,
}

/// Scores a quantitative indicator from its target, the numeric 实际完成值 and its 分值
/// (DOMAIN §2.3). Scores never exceed the weight nor go below 0.
///
/// | | [`QuantFormula::Mof`] | [`QuantFormula::Provincial`] |
/// |---|---|---|
/// | 正向 | B ≥ A ⇒ w, else B/A × w | w × B/A, capped |
/// | 等于, A = 0 | B ≤ 0 ⇒ w, else 0 | same |
/// | 等于, A > 0 | as 正向 | as 正向 |
/// | 反向 | B ≤ A ⇒ w; A < B < 2A ⇒ (1 − (B−A)/A) × w; else 0 | w × A/B, capped (B ≤ A ⇒ w) |
///
/// A is the target number, B the actual one, w the weight; the result is rounded once.
pub fn quantitative_score(
    target: &Quantity,
    actual: Decimal,
    weight: Decimal,
    opts: &ScoringOptions,
) -> Option<Scored> {
    let a = target.number;
    let b = actual;
    let w = weight;
    let r = opts.rounding;
    let dir = Direction::of(target);
    let head = msg::score::quant_head(
        dir.label(),
        format!("{}{a}", target.op.map(Comparator::symbol).unwrap_or("")),
    );
    let full = |why: String| {
        Some(Scored {
            score: r.apply(w),
            formula: msg::score::quant_full(&head, why, r.apply(w)),
        })
    };
    let zero = |why: String| {
        Some(Scored {
            score: r.apply(Decimal::ZERO),
            formula: msg::score::quant_zero(&head, why),
        })
    };
    // `exact` is `None` when the figures overflow: then there is no score to give.
    let computed = |expr: String, exact: Option<Decimal>| {
        let score = r.apply(exact?.max(Decimal::ZERO)).min(r.apply(w));
        Some(Scored {
            score,
            formula: msg::score::quant_computed(&head, expr, score, r.label()),
        })
    };
    let forward = || {
        if b >= a {
            full(format!("{b} ≥ {a}"))
        } else if a.is_zero() {
            zero(format!("{b} < 0"))
        } else {
            computed(
                format!("{b} / {a} × {w}"),
                b.checked_div(a).and_then(|q| q.checked_mul(w)),
            )
        }
    };
    match dir {
        Direction::Equal if a.is_zero() => {
            if b <= Decimal::ZERO {
                full(format!("{b} ≤ 0"))
            } else {
                zero(format!("{b} > 0"))
            }
        }
        Direction::Forward | Direction::Equal => forward(),
        Direction::Reverse => {
            if b <= a {
                full(format!("{b} ≤ {a}"))
            } else if a.is_zero() {
                zero(format!("{b} > 0"))
            } else {
                match opts.quant_formula {
                    QuantFormula::Mof if a.checked_add(a).is_none_or(|a2| b >= a2) => {
                        zero(format!("{b} ≥ 2 × {a}"))
                    }
                    QuantFormula::Mof => computed(
                        format!("(1 − ({b} − {a}) / {a}) × {w}"),
                        b.checked_sub(a)
                            .and_then(|d| d.checked_div(a))
                            .and_then(|q| Decimal::ONE.checked_sub(q))
                            .and_then(|f| f.checked_mul(w)),
                    ),
                    QuantFormula::Provincial => computed(
                        format!("{w} × {a} / {b}"),
                        w.checked_mul(a).and_then(|p| p.checked_div(b)),
                    ),
                }
            }
        }
    }
}

/// How far a qualitative indicator was achieved, read from its 实际完成值 (DOMAIN §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Band {
    /// 达成年度指标 / 达成预期指标 / 达成指标
    Achieved,
    /// 部分达成年度指标并具有一定效果 / 部分达成预期指标
    Partial,
    /// 未达成年度指标且效果较差 / 未达成预期指标
    NotAchieved,
}

impl Band {
    /// The band a 实际完成值 text names, if it is one of the national wordings (or 完成 for 达成).
    pub fn of(actual: &str) -> Option<Band> {
        let t: String = actual.chars().filter(|c| !c.is_whitespace()).collect();
        if t.starts_with("未达成") || t.starts_with("未完成") {
            Some(Band::NotAchieved)
        } else if t.starts_with("部分达成") || t.starts_with("部分完成") {
            Some(Band::Partial)
        } else if t.starts_with("达成") || t == "完成" || t == "已完成" {
            Some(Band::Achieved)
        } else {
            None
        }
    }

    /// The band's name as the national wording starts: 达成, 部分达成, 未达成.
    pub fn label(self) -> &'static str {
        match self {
            Band::Achieved => "达成",
            Band::Partial => "部分达成",
            Band::NotAchieved => "未达成",
        }
    }
}

/// The scores a band allows: `[low, high]` or `[low, high)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BandRange {
    /// The lowest score of the band, in points (the weight × the band's lower percentage).
    pub low: Decimal,
    /// The highest score, in points.
    pub high: Decimal,
    /// Whether `high` itself is in the band (only for 达成, whose top is the full weight).
    pub high_inclusive: bool,
}

impl BandRange {
    /// The range of `band` for an indicator of `weight` (DOMAIN §2.4): 达成 `[0.8w, w]`,
    /// 部分达成 `[0.6w, 0.8w)` (or `[0.5w, 0.8w)`), 未达成 `[0, 0.6w)` (or `[0, 0.5w)`).
    pub fn of(band: Band, weight: Decimal, bands: QualBands) -> BandRange {
        let pct = |p: i64| weight * Decimal::new(p, 2);
        let mid = match bands {
            QualBands::B80_60 => pct(60),
            QualBands::B80_50 => pct(50),
        };
        let (low, high, high_inclusive) = match band {
            Band::Achieved => (pct(80), weight, true),
            Band::Partial => (mid, pct(80), false),
            Band::NotAchieved => (Decimal::ZERO, mid, false),
        };
        BandRange {
            low,
            high,
            high_inclusive,
        }
    }

    /// Whether `score` falls in the band.
    pub fn contains(&self, score: Decimal) -> bool {
        score >= self.low && (score < self.high || (self.high_inclusive && score == self.high))
    }
}

impl fmt::Display for BandRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let close = if self.high_inclusive { ']' } else { ')' };
        write!(
            f,
            "[{}, {}{close}",
            self.low.normalize(),
            self.high.normalize()
        )
    }
}

/// 评分等级 (DOMAIN §2.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Grade {
    /// 优: 90 ≤ s
    Excellent,
    /// 良: 80 ≤ s < 90
    Good,
    /// 中: 60 ≤ s < 80
    Fair,
    /// 差: s < 60
    Poor,
}

impl Grade {
    /// The grade of a total, with half-open bands: 89.99 is 良, 90 is 优.
    pub fn of(total: Decimal) -> Grade {
        if total >= Decimal::from(90) {
            Grade::Excellent
        } else if total >= Decimal::from(80) {
            Grade::Good
        } else if total >= Decimal::from(60) {
            Grade::Fair
        } else {
            Grade::Poor
        }
    }

    /// 优, 良, 中 or 差, as the 评分等级 cell prints it.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Fair => "中",
            Grade::Poor => "差",
        }
    }

    /// Reads a printed grade (`优`, ` 良 `).
    pub fn from_label(text: &str) -> Option<Grade> {
        match text.trim() {
            "优" | "优秀" => Some(Grade::Excellent),
            "良" | "良好" => Some(Grade::Good),
            "中" | "中等" => Some(Grade::Fair),
            "差" | "较差" => Some(Grade::Poor),
            _ => None,
        }
    }

    /// The band as text, for messages.
    pub fn range(self) -> &'static str {
        match self {
            Grade::Excellent => "≥ 90",
            Grade::Good => "80 ≤ 总分 < 90",
            Grade::Fair => "60 ≤ 总分 < 80",
            Grade::Poor => "< 60",
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// 预算执行率 分值 of a form: the printed weight of the 年度资金总额 row, else the option.
pub fn execution_weight(form: &SelfEvaluation, opts: &ScoringOptions) -> Decimal {
    form.funds
        .total
        .weight
        .number()
        .unwrap_or(opts.execution_weight)
}

/// The execution rate of one funds row from its amounts, when both are numbers.
pub fn row_rate(row: &crate::model::FundsRow, rounding: Rounding) -> Option<Decimal> {
    execution_rate(
        row.annual_budget.number()?,
        row.executed.number()?,
        rounding,
    )
}

/// 预算执行得分 of a form: from the computed rate of the total row (the printed rate when the
/// amounts are missing), with [`execution_weight`].
pub fn form_execution_score(form: &SelfEvaluation, opts: &ScoringOptions) -> Option<Decimal> {
    let rate = row_rate(&form.funds.total, opts.rounding).or(form.funds.total.rate.number())?;
    execution_score(execution_weight(form, opts), rate, opts.rounding)
}

/// A figure that could not be computed because its inputs overflow a decimal.
fn too_large(path: String, subject: String, at: Option<Location>) -> Explanation {
    Explanation {
        path,
        subject,
        formula: msg::score::too_large(),
        value: None,
        printed: None,
        action: Action::NotComputed,
        at,
    }
}

/// What `score` did with one computed figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The cell was blank and now holds the value.
    Filled,
    /// The cell held another value and `--overwrite` replaced it.
    Overwritten,
    /// The cell already held this value.
    Confirmed,
    /// The cell holds another value, kept because `--overwrite` was not given.
    Kept,
    /// Nothing to write: the value is a judgement (qualitative indicators) or the inputs are missing.
    NotComputed,
}

/// One computed figure with the formula that gave it: what `--explain` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The model field, as in [`crate::model::Source::cells`]: `funds.total.rate`, `indicators[3].score`.
    pub path: String,
    /// What it is, in the form's words: `年度资金总额的执行率`, `第 1 行指标「公务用车保障率」的得分`.
    pub subject: String,
    /// The formula with its numbers.
    pub formula: String,
    /// The computed value (`None` when nothing could be computed).
    pub value: Option<String>,
    /// What the form printed before.
    pub printed: Option<String>,
    /// What `score` did with the form's cell.
    pub action: Action,
    /// The figure's cell, where the form was read from a workbook.
    pub at: Option<Location>,
}

impl Explanation {
    /// Whether this says why 总分 or 评分等级 stays blank: `score` prints it and notes it at
    /// the cell (issue 15).
    pub fn leaves_total_blank(&self) -> bool {
        self.action == Action::NotComputed
            && (self.path == SelfEvaluationFigure::TotalScore.path()
                || self.path == SelfEvaluationText::Grade.path())
    }
}

/// `年度资金总额的执行率：12.51 / 14.00 × 100 = 89.35（截位）；与表中一致  位置：机关服务费!G6`.
impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&msg::score::explain_line(&self.subject, &self.formula))?;
        let action = match (self.action, &self.printed) {
            (Action::Filled, _) => msg::score::filled(),
            (Action::Overwritten, Some(p)) => msg::score::overwritten(p),
            (Action::Confirmed, _) => msg::score::confirmed(),
            (Action::Kept, Some(p)) => msg::score::kept(p),
            _ => String::new(),
        };
        f.write_str(&action)?;
        // The file and sheet head the form's lines (`jobs::Scored::at`): the cell is enough.
        if let Some(Location {
            sheet: Some(sheet),
            cell: Some(cell),
            ..
        }) = &self.at
        {
            f.write_str(&msg::diag::at(format!("{sheet}!{cell}")))?;
        }
        Ok(())
    }
}

/// Puts `value` into a figure cell unless the user typed something there (or `overwrite`).
fn put(cell: &mut Figure, value: Decimal, overwrite: bool) -> (Action, Option<String>) {
    let printed = (!cell.is_blank()).then(|| cell.to_string());
    let action = match *cell {
        Figure::Blank => Action::Filled,
        Figure::Number(n) if n == value => Action::Confirmed,
        _ if overwrite => Action::Overwritten,
        _ => Action::Kept,
    };
    if matches!(action, Action::Filled | Action::Overwritten) {
        *cell = Figure::Number(value);
    }
    (action, printed)
}

/// Fills in what can be computed in a self-evaluation: 执行率 per funds row, 预算执行得分,
/// the scores of quantitative indicators whose 实际完成值 is a number, 总分 and 评分等级.
///
/// Cells the user filled are kept unless `overwrite`; every computed figure is explained,
/// qualitative indicators too (with the band their 实际完成值 allows). Each step uses the
/// figures as they stand after the previous ones, so a blank form fills through to its grade.
pub fn fill(form: &mut SelfEvaluation, opts: &ScoringOptions, overwrite: bool) -> Vec<Explanation> {
    use crate::msg::review;
    let r = opts.rounding;
    let mut out = Vec::new();
    let source = form.source.clone();
    let at = |path: &str| {
        let s = source.as_ref()?;
        Some(Location::cell(&s.file, &s.sheet, s.cell(path)?))
    };
    let rate_label = "执行率";
    for ((key, row), name) in form.funds.rows_mut().into_iter().zip(FUND_ROWS) {
        let (Some(a), Some(b)) = (row.annual_budget.number(), row.executed.number()) else {
            continue;
        };
        let path = SelfEvaluationFunds::path(key, FundsRow::RATE);
        let subject = msg::score::of(name, rate_label);
        let Some(rate) = execution_rate(a, b, r) else {
            out.push(too_large(path.clone(), subject, at(&path)));
            continue;
        };
        let (action, printed) = put(&mut row.rate, rate, overwrite);
        out.push(Explanation {
            at: at(&path),
            path,
            subject,
            formula: if a.is_zero() {
                msg::score::rate_zero_budget()
            } else {
                msg::check::execution_rate_formula(b, a, rate, r.label())
            },
            value: Some(rate.to_string()),
            printed,
            action,
        });
    }
    let weight = execution_weight(form, opts);
    let rate = row_rate(&form.funds.total, r).or(form.funds.total.rate.number());
    if let Some(rate) = rate {
        let score = execution_score(weight, rate, r);
        let path = &SelfEvaluationFunds::path(SelfEvaluationFunds::TOTAL, FundsRow::SCORE);
        let subject = msg::score::of(FUND_ROWS[0], "得分");
        let Some(score) = score else {
            out.push(too_large(path.into(), subject, at(path)));
            return out;
        };
        let (action, printed) = put(&mut form.funds.total.score, score, overwrite);
        out.push(Explanation {
            path: path.into(),
            subject,
            formula: msg::check::execution_score_formula(weight, rate, score, r.label()),
            value: Some(score.to_string()),
            printed,
            action,
            at: at(path),
        });
    }
    // Why each indicator left without a 得分 has none, for the reason of a blank 总分.
    let mut unscored: std::collections::BTreeMap<usize, String> = Default::default();
    for (i, ind) in form.indicators.iter_mut().enumerate() {
        if ind.name.trim().is_empty() && ind.target.is_blank() {
            continue;
        }
        let path = IndicatorPart::Score.of(i);
        let subject = msg::score::of(msg::check::indicator(i + 1, ind.name.trim()), "得分");
        let cell = at(&path);
        // Scored only when both are numbers in the same unit (or one states none).
        let quant = ind
            .target
            .quantity
            .as_ref()
            .zip(ind.actual.quantity.as_ref())
            .filter(|(t, a)| t.unit.is_none() || a.unit.is_none() || t.unit == a.unit);
        match (quant, ind.weight.number()) {
            (Some((target, actual)), Some(w)) => {
                let Some(s) = quantitative_score(target, actual.number, w, opts) else {
                    unscored.insert(i, review::unscored_too_large());
                    out.push(too_large(path, subject, cell));
                    continue;
                };
                let (action, printed) = put(&mut ind.score, s.score, overwrite);
                out.push(Explanation {
                    path,
                    subject,
                    formula: s.formula,
                    value: Some(s.score.to_string()),
                    printed,
                    action,
                    at: cell,
                });
            }
            (_, Some(w)) => {
                let actual = ind.actual.raw.trim();
                let target = ind.target.raw.trim();
                // The real reason it is not computed (issue 15: `"100%" is not a number` was
                // printed for a number whose 指标值 had none).
                let (formula, why) = match (
                    Band::of(&ind.actual.raw),
                    ind.target.quantity.as_ref(),
                    ind.actual.quantity.as_ref(),
                ) {
                    // A blank 指标值 first: there is nothing to judge the result against.
                    _ if ind.target.is_blank() && ind.actual.quantity.is_none() => {
                        (review::unscored_no_target(), review::unscored_no_target())
                    }
                    (Some(b), _, _) => (
                        msg::score::qualitative(
                            actual,
                            b.label(),
                            BandRange::of(b, w, opts.qual_bands),
                        ),
                        review::unscored_judgement(),
                    ),
                    _ if ind.actual.is_blank() => {
                        (msg::score::no_actual(), review::unscored_no_actual())
                    }
                    (None, Some(t), Some(a)) => (
                        review::units_differ(
                            actual,
                            a.unit.as_deref().unwrap_or(""),
                            target,
                            t.unit.as_deref().unwrap_or(""),
                            w.normalize(),
                        ),
                        review::unscored_units(),
                    ),
                    (None, None, Some(_)) if ind.target.is_blank() => (
                        review::no_target(actual, w.normalize()),
                        review::unscored_no_target(),
                    ),
                    (None, None, Some(_)) => (
                        review::target_not_a_number(target, actual, w.normalize()),
                        review::unscored_target_text(),
                    ),
                    (None, _, None) => (
                        review::actual_not_a_number(actual, w.normalize()),
                        review::unscored_actual_text(),
                    ),
                };
                unscored.insert(i, why);
                out.push(Explanation {
                    path,
                    subject,
                    formula,
                    value: None,
                    printed: (!ind.score.is_blank()).then(|| ind.score.to_string()),
                    action: Action::NotComputed,
                    at: cell,
                });
            }
            (_, None) => {
                unscored.insert(i, review::unscored_no_weight());
                out.push(Explanation {
                    path,
                    subject,
                    formula: msg::score::no_weight(),
                    value: None,
                    printed: (!ind.score.is_blank()).then(|| ind.score.to_string()),
                    action: Action::NotComputed,
                    at: cell,
                })
            }
        }
    }
    let scored: Option<Vec<Decimal>> = form
        .indicators
        .iter()
        .filter(|i| !i.weight.is_blank() || !i.score.is_blank() || !i.name.trim().is_empty())
        .map(|i| i.score.number())
        .collect();
    let total = scored
        .filter(|s| !s.is_empty())
        .zip(form.funds.total.score.number())
        .map(|(s, e)| {
            let sum = s
                .iter()
                .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(*x));
            (sum, e)
        });
    if total.is_none() {
        // Say why (printed, and noted at the cell): a blank 总分 with no word was a friction of
        // issue 15, and the reason is the indicator's own (its 指标值 is blank, …).
        let missing: Vec<String> = form
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| {
                (!i.weight.is_blank() || !i.name.trim().is_empty()) && i.score.number().is_none()
            })
            .map(|(n, i)| {
                let why = unscored
                    .get(&n)
                    .cloned()
                    .unwrap_or_else(review::unscored_blank);
                format!("{}{why}", msg::check::indicator(n + 1, i.name.trim()))
            })
            .collect();
        let reason = review::not_computed(if !missing.is_empty() {
            missing.join("；")
        } else if form.funds.total.score.number().is_none() {
            review::total_missing_execution()
        } else {
            review::total_no_indicators()
        });
        if form.total_score.number().is_none() {
            out.push(Explanation {
                path: SelfEvaluationFigure::TotalScore.path().into(),
                subject: "总分".into(),
                formula: reason,
                value: None,
                printed: None,
                action: Action::NotComputed,
                at: at(SelfEvaluationFigure::TotalScore.path()),
            });
        }
    }
    if let Some((sum, exec)) = total {
        let Some((sum, mut total)) = sum.and_then(|s| Some((s, s.checked_add(exec)?))) else {
            out.push(too_large(
                SelfEvaluationFigure::TotalScore.path().into(),
                "总分".into(),
                at(SelfEvaluationFigure::TotalScore.path()),
            ));
            return out;
        };
        total.rescale(2);
        let (action, printed) = put(&mut form.total_score, total, overwrite);
        out.push(Explanation {
            path: SelfEvaluationFigure::TotalScore.path().into(),
            subject: "总分".into(),
            formula: msg::score::total_formula(sum, exec, total),
            value: Some(total.to_string()),
            printed,
            action,
            at: at(SelfEvaluationFigure::TotalScore.path()),
        });
    }
    if form.total_score.number().is_none() && form.grade.trim().is_empty() {
        out.push(Explanation {
            path: SelfEvaluationText::Grade.path().into(),
            subject: "评分等级".into(),
            formula: review::not_computed(review::grade_needs_total()),
            value: None,
            printed: None,
            action: Action::NotComputed,
            at: at(SelfEvaluationText::Grade.path()),
        });
    }
    if let Some(total) = form.total_score.number() {
        let grade = Grade::of(total);
        let printed = (!form.grade.trim().is_empty()).then(|| form.grade.trim().to_string());
        let action = match &printed {
            None => Action::Filled,
            Some(p) if Grade::from_label(p) == Some(grade) => Action::Confirmed,
            Some(_) if overwrite => Action::Overwritten,
            Some(_) => Action::Kept,
        };
        if matches!(action, Action::Filled | Action::Overwritten) {
            form.grade = grade.label().to_string();
        }
        out.push(Explanation {
            path: SelfEvaluationText::Grade.path().into(),
            subject: "评分等级".into(),
            formula: msg::check::grade_expected(grade, total, grade.range()),
            value: Some(grade.label().to_string()),
            printed,
            action,
            at: at(SelfEvaluationText::Grade.path()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn q(text: &str) -> Quantity {
        Quantity::parse(text).unwrap()
    }

    #[test]
    fn seed_001_rates_and_scores_truncate() {
        let cases = [
            ("14.00", "12.51", "89.35", "8.93"),
            ("228.00", "228.00", "100.00", "10.00"),
            ("30.00", "13.33", "44.43", "4.44"),
            ("33.40", "30.50", "91.31", "9.13"),
            ("28.88", "17.73", "61.39", "6.13"),
        ];
        for (a, b, rate, score) in cases {
            let r = execution_rate(d(a), d(b), Rounding::Truncate).unwrap();
            assert_eq!(r.to_string(), rate);
            assert_eq!(
                execution_score(Decimal::TEN, r, Rounding::Truncate)
                    .unwrap()
                    .to_string(),
                score
            );
        }
    }

    #[test]
    fn half_up_changes_the_first_seed_row() {
        let r = execution_rate(d("14.00"), d("12.51"), Rounding::HalfUp).unwrap();
        assert_eq!(r.to_string(), "89.36");
        assert_eq!(
            execution_score(Decimal::TEN, r, Rounding::HalfUp)
                .unwrap()
                .to_string(),
            "8.94"
        );
        // 普陀 2022 援滇: 4.517 → 4.52.
        let r = execution_rate(d("20000"), d("9034"), Rounding::HalfUp).unwrap();
        assert_eq!(
            execution_score(Decimal::TEN, r, Rounding::HalfUp)
                .unwrap()
                .to_string(),
            "4.52"
        );
    }

    #[test]
    fn execution_score_is_capped_and_zero_budget_gives_zero() {
        let r = execution_rate(d("10"), d("12"), Rounding::Truncate).unwrap();
        assert_eq!(r.to_string(), "120.00");
        assert_eq!(
            execution_score(Decimal::TEN, r, Rounding::Truncate)
                .unwrap()
                .to_string(),
            "10.00"
        );
        assert_eq!(
            execution_rate(d("0.00"), d("0.00"), Rounding::Truncate)
                .unwrap()
                .to_string(),
            "0.00"
        );
    }

    #[test]
    fn quantitative_scores_follow_the_mof_formulas() {
        let o = ScoringOptions::default();
        let s = |t: &str, a: &str| {
            quantitative_score(&q(t), d(a), Decimal::TEN, &o)
                .unwrap()
                .score
                .to_string()
        };
        assert_eq!(s("≥20(次)", "32.00"), "10.00");
        assert_eq!(s("≥20(次)", "15"), "7.50");
        assert_eq!(s("≥90(%)", "89.99"), "9.99");
        assert_eq!(s("=0.00(次)", "0"), "10.00");
        assert_eq!(s("=0(%)", "1"), "0.00");
        assert_eq!(s("≤14.00(万元)", "14"), "10.00");
        assert_eq!(s("≤10(天)", "15"), "5.00");
        assert_eq!(s("≤10(天)", "20"), "0.00");
        assert_eq!(s("=100(%)", "95"), "9.50");
        assert_eq!(s("0次", "0"), "10.00");
    }

    #[test]
    fn provincial_reverse_formula_is_a_over_b() {
        let o = ScoringOptions {
            quant_formula: QuantFormula::Provincial,
            ..ScoringOptions::default()
        };
        let s = quantitative_score(&q("≤10(天)"), d("20"), Decimal::TEN, &o).unwrap();
        assert_eq!(s.score.to_string(), "5.00");
        assert_eq!(
            s.formula,
            "反向指标（指标值 ≤10）：10 × 10 / 20 = 5.00（截位）"
        );
        let en = crate::msg::with_lang(crate::msg::Lang::En, || {
            quantitative_score(&q("≤10(天)"), d("20"), Decimal::TEN, &o).unwrap()
        });
        assert_eq!(en.formula, "反向 (≤10): 10 × 10 / 20 = 5.00 (truncated)");
        let s = quantitative_score(&q("≥3(份)"), d("2"), Decimal::TEN, &o).unwrap();
        assert_eq!(s.score.to_string(), "6.66");
    }

    #[test]
    fn overflowing_figures_give_none() {
        let o = ScoringOptions::default();
        let huge = Decimal::MAX;
        let tiny = Decimal::new(1, 28);
        assert_eq!(execution_rate(tiny, huge, Rounding::Truncate), None);
        assert_eq!(execution_score(huge, huge, Rounding::Truncate), None);
        assert!(quantitative_score(&q("≥1(次)"), d("0.5"), huge, &o).is_some());
        let below_negative = Quantity {
            number: -tiny,
            ..q("≥1(次)")
        };
        assert!(quantitative_score(&below_negative, -huge, Decimal::TEN, &o).is_none());
    }

    #[test]
    fn bands_are_half_open_below_full() {
        let w = Decimal::TEN;
        let a = BandRange::of(Band::Achieved, w, QualBands::B80_60);
        assert!(a.contains(d("8")) && a.contains(d("10")) && !a.contains(d("7.99")));
        let p = BandRange::of(Band::Partial, w, QualBands::B80_60);
        assert!(p.contains(d("6")) && !p.contains(d("8")) && !p.contains(d("5.99")));
        let p = BandRange::of(Band::Partial, w, QualBands::B80_50);
        assert!(p.contains(d("5")));
        assert_eq!(p.to_string(), "[5, 8)");
        assert_eq!(Band::of("达成指标"), Some(Band::Achieved));
        assert_eq!(Band::of("部分达成预期指标"), Some(Band::Partial));
        assert_eq!(
            Band::of("未达成年度指标且效果较差"),
            Some(Band::NotAchieved)
        );
        assert_eq!(Band::of("满意"), None);
    }

    #[test]
    fn grades_use_half_open_bands() {
        assert_eq!(Grade::of(d("90")), Grade::Excellent);
        assert_eq!(Grade::of(d("89.99")), Grade::Good);
        assert_eq!(Grade::of(d("80")), Grade::Good);
        assert_eq!(Grade::of(d("79.99")), Grade::Fair);
        assert_eq!(Grade::of(d("60")), Grade::Fair);
        assert_eq!(Grade::of(d("59.99")), Grade::Poor);
    }
}

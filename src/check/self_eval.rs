//! Rules of the 自评表 (DOMAIN §1e, §2, §5.4–5.6).
//!
//! Each scoring rule compares one printed figure with what [`crate::score`] computes from the
//! figures it depends on, and uses the *printed* value of anything upstream that has its own
//! rule: a wrong 执行率 is reported once, by `self.execution-rate`, not again by every rule
//! downstream of it.

use super::indicators::{self, Row};
use super::{
    Detail, FORM_BLANK, Findings, Options, SELF_ACTUAL_UNIT, SELF_DEVIATION_REASON,
    SELF_EXECUTION_RATE, SELF_EXECUTION_SCORE, SELF_EXECUTION_WEIGHT, SELF_FUNDS_SUM, SELF_GRADE,
    SELF_QUALITATIVE_BAND, SELF_QUANTITATIVE_SCORE, SELF_REQUIRED, SELF_SCORE_CAP,
    SELF_TOTAL_SCORE, SELF_TOTAL_WEIGHT, SELF_WEIGHT_SUM, too_large,
};
use crate::model::field::{IndicatorPart, SelfEvaluationFigure, SelfEvaluationText};
use crate::model::{EvaluatedIndicator, Figure, FundsRow, SelfEvaluation, SelfEvaluationFunds};
use crate::msg::check as msg;
use crate::score::{
    self, Band, BandRange, FULL_MARKS, Grade, execution_rate, execution_score, quantitative_score,
};
use rust_decimal::Decimal;

const ROW_NAMES: [&str; 4] = ["年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"];

/// Runs every 自评表 rule.
pub(super) fn check(s: &SelfEvaluation, opts: &Options, out: &mut Findings) {
    if is_blank(s) {
        out.add(
            FORM_BLANK,
            SelfEvaluationText::ProjectName.path(),
            msg::form_blank(),
        )
        .hint(crate::msg::review::blank_form_hint());
        return;
    }
    required(s, out);
    funds_sum(s, out);
    execution_rates(s, opts, out);
    execution_weight(s, opts, out);
    execution_score_rule(s, opts, out);
    for (i, ind) in s.indicators.iter().enumerate() {
        if is_skeleton(ind) {
            continue;
        }
        score_cap(i, ind, out);
        quantitative(i, ind, opts, out);
        qualitative_band(i, ind, opts, out);
        deviation_reason(i, ind, out);
    }
    weight_sum(s, opts, out);
    total_weight(s, out);
    total_score(s, out);
    grade(s, out);
    let rows: Vec<Row> = s.indicators.iter().map(Row::from).collect();
    indicators::check(&rows, out);
}

fn is_skeleton(i: &EvaluatedIndicator) -> bool {
    i.name.trim().is_empty()
        && i.target.is_blank()
        && i.actual.is_blank()
        && i.weight.is_blank()
        && i.score.is_blank()
}

/// A template with nothing typed in: no name, no amount, no 三级. The printed weights
/// (`10.00`, `100`) and dashes of the template do not count.
fn is_blank(s: &SelfEvaluation) -> bool {
    s.project_name.trim().is_empty()
        && s.funds.rows().iter().all(|(_, r)| {
            [r.initial_budget, r.annual_budget, r.executed, r.rate]
                .iter()
                .all(|f| f.number().is_none())
        })
        && s.indicators
            .iter()
            .all(|i| i.name.trim().is_empty() && i.target.is_blank() && i.actual.is_blank())
}

/// `self.required` (DOMAIN §1e): the fields a 自评表 cannot do without.
fn required(s: &SelfEvaluation, out: &mut Findings) {
    for field in crate::layout::self_eval::HEADER {
        if field.id.get(s).trim().is_empty() {
            out.add(
                SELF_REQUIRED,
                field.id.path(),
                msg::field_blank(field.label.text),
            );
        }
    }
    for (path, name, fig) in [
        (
            FundsRow::ANNUAL_BUDGET,
            "全年预算数",
            s.funds.total.annual_budget,
        ),
        (FundsRow::EXECUTED, "全年执行数", s.funds.total.executed),
    ] {
        if fig.number().is_none() {
            let path = SelfEvaluationFunds::path(SelfEvaluationFunds::TOTAL, path);
            out.add(SELF_REQUIRED, &path, msg::funds_not_number(name))
                .found(msg::quoted(fig));
        }
    }
    for (i, ind) in s.indicators.iter().enumerate() {
        if !is_skeleton(ind) && ind.weight.number().is_none() {
            out.add(
                SELF_REQUIRED,
                &IndicatorPart::Weight.of(i),
                msg::no_weight(msg::indicator(i + 1, ind.name.trim())),
            );
        }
    }
}

/// `self.funds-sum` (DOMAIN §5.4, a warning: real forms break it, SRC-TX): per amount column,
/// 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金.
fn funds_sum(s: &SelfEvaluation, out: &mut Findings) {
    let f = &s.funds;
    for (col, name) in FundsRow::AMOUNTS
        .into_iter()
        .zip(["年初预算数", "全年预算数", "全年执行数"])
    {
        let pick = |r: &crate::model::FundsRow| {
            r.columns()
                .into_iter()
                .find(|(c, _)| *c == col)
                .map(|(_, fig)| fig)
                .unwrap_or_default()
        };
        let Some(total) = pick(&f.total).number() else {
            continue;
        };
        let parts = [pick(&f.fiscal), pick(&f.carryover), pick(&f.other)];
        if parts.iter().all(Figure::is_blank) {
            continue;
        }
        let Some(sum) = super::checked_sum(parts.iter().filter_map(Figure::number)) else {
            let path = SelfEvaluationFunds::path(SelfEvaluationFunds::TOTAL, col);
            too_large(out, &path, &msg::total_of(name));
            continue;
        };
        if sum != total {
            out.add(
                SELF_FUNDS_SUM,
                &SelfEvaluationFunds::path(SelfEvaluationFunds::TOTAL, col),
                msg::funds_sum(name),
            )
            .expected(format!(
                "{} + {} + {} = {sum}",
                parts[0], parts[1], parts[2]
            ))
            .found(total.to_string());
        }
    }
}

/// `self.execution-rate` (DOMAIN §2.2): every printed 执行率 is 全年执行数 / 全年预算数 × 100
/// under the rounding policy (truncation by default; a zero budget gives 0.00).
fn execution_rates(s: &SelfEvaluation, opts: &Options, out: &mut Findings) {
    let r = opts.scoring.rounding;
    for ((key, row), name) in s.funds.rows().into_iter().zip(ROW_NAMES) {
        let (Some(a), Some(b), Some(printed)) = (
            row.annual_budget.number(),
            row.executed.number(),
            row.rate.number(),
        ) else {
            continue;
        };
        let Some(rate) = execution_rate(a, b, r) else {
            let path = SelfEvaluationFunds::path(key, FundsRow::EXECUTED);
            too_large(out, &path, &msg::rate_of(name));
            continue;
        };
        if printed != rate {
            let d = out.add(
                SELF_EXECUTION_RATE,
                &SelfEvaluationFunds::path(key, FundsRow::RATE),
                msg::execution_rate(name),
            );
            d.expected(msg::execution_rate_formula(b, a, rate, r.label()))
                .found(printed.to_string());
            let other = match r {
                score::Rounding::Truncate => score::Rounding::HalfUp,
                score::Rounding::HalfUp => score::Rounding::Truncate,
            };
            if execution_rate(a, b, other) == Some(printed) {
                d.hint(msg::rounding_hint(
                    other.label(),
                    if other == score::Rounding::HalfUp {
                        "half-up"
                    } else {
                        "truncate"
                    },
                ));
            }
        }
    }
}

/// `self.execution-weight` (DOMAIN §2.1): the printed 分值 of the budget-execution item is the
/// expected weight (10 unless `--execution-weight` says otherwise).
fn execution_weight(s: &SelfEvaluation, opts: &Options, out: &mut Findings) {
    let Some(w) = s.funds.total.weight.number() else {
        return;
    };
    if w != opts.scoring.execution_weight {
        out.add(
            SELF_EXECUTION_WEIGHT,
            &SelfEvaluationFunds::path(SelfEvaluationFunds::TOTAL, FundsRow::WEIGHT),
            msg::execution_weight(),
        )
        .expected(opts.scoring.execution_weight.to_string())
        .found(w.to_string())
        .hint(msg::execution_weight_hint(w));
    }
}

/// `self.execution-score` (DOMAIN §2.2): 预算执行得分 = 分值 × 执行率 / 100, capped at 分值,
/// from the printed 执行率 (its own rule checks that).
fn execution_score_rule(s: &SelfEvaluation, opts: &Options, out: &mut Findings) {
    let t = &s.funds.total;
    let Some(printed) = t.score.number() else {
        return;
    };
    let Some(rate) = t
        .rate
        .number()
        .or_else(|| score::row_rate(t, opts.scoring.rounding))
    else {
        return;
    };
    let w = score::execution_weight(s, &opts.scoring);
    let Some(expected) = execution_score(w, rate, opts.scoring.rounding) else {
        let path = SelfEvaluationFunds::path(SelfEvaluationFunds::TOTAL, FundsRow::SCORE);
        too_large(out, &path, "预算执行得分");
        return;
    };
    if printed != expected {
        out.add(
            SELF_EXECUTION_SCORE,
            &SelfEvaluationFunds::path(SelfEvaluationFunds::TOTAL, FundsRow::SCORE),
            msg::execution_score(),
        )
        .expected(msg::execution_score_formula(
            w,
            rate,
            expected,
            opts.scoring.rounding.label(),
        ))
        .found(printed.to_string());
    }
}

/// `self.score-cap` (DOMAIN §2.3, §2.4): no indicator scores above its 分值 (or below 0).
fn score_cap(i: usize, ind: &EvaluatedIndicator, out: &mut Findings) {
    let (Some(w), Some(sc)) = (ind.weight.number(), ind.score.number()) else {
        return;
    };
    if sc > w || sc < Decimal::ZERO {
        out.add(
            SELF_SCORE_CAP,
            &IndicatorPart::Score.of(i),
            msg::score_cap(msg::indicator(i + 1, ind.name.trim())),
        )
        .expected(msg::score_range(w))
        .found(sc.to_string());
    }
}

/// `self.quantitative-score` and `self.actual-unit` (DOMAIN §2.3): a 定量 indicator whose
/// 实际完成值 is a number is scored by 正向 / 反向 / 等于, and the printed 得分 agrees.
fn quantitative(i: usize, ind: &EvaluatedIndicator, opts: &Options, out: &mut Findings) {
    let (Some(target), Some(actual), Some(w), Some(printed)) = (
        ind.target.quantity.as_ref(),
        ind.actual.quantity.as_ref(),
        ind.weight.number(),
        ind.score.number(),
    ) else {
        return;
    };
    if let (Some(tu), Some(au)) = (&target.unit, &actual.unit)
        && tu != au
    {
        out.add(
            SELF_ACTUAL_UNIT,
            &IndicatorPart::Actual.of(i),
            msg::actual_unit(msg::indicator(i + 1, ind.name.trim())),
        )
        .expected(msg::value_in(tu))
        .found(ind.actual.raw.trim().to_string());
        return;
    }
    if printed > w {
        return; // self.score-cap reports it.
    }
    let Some(s) = quantitative_score(target, actual.number, w, &opts.scoring) else {
        too_large(out, &IndicatorPart::Score.of(i), "得分");
        return;
    };
    if s.score != printed {
        out.add(
            SELF_QUANTITATIVE_SCORE,
            &IndicatorPart::Score.of(i),
            msg::quantitative_score(
                msg::indicator(i + 1, ind.name.trim()),
                ind.actual.raw.trim(),
            ),
        )
        .expected(s.formula)
        .found(printed.to_string())
        .hint(msg::quantitative_score_hint());
    }
}

/// `self.qualitative-band` (DOMAIN §2.4): when the 实际完成值 is not a number but names a band
/// (达成 / 部分达成 / 未达成), the 得分 lies in that band (80/60 by default, 80/50 as option).
fn qualitative_band(i: usize, ind: &EvaluatedIndicator, opts: &Options, out: &mut Findings) {
    if ind.actual.quantity.is_some() {
        return;
    }
    let (Some(band), Some(w), Some(sc)) = (
        Band::of(&ind.actual.raw),
        ind.weight.number(),
        ind.score.number(),
    ) else {
        return;
    };
    if sc > w {
        return; // self.score-cap reports it.
    }
    let range = BandRange::of(band, w, opts.scoring.qual_bands);
    if !range.contains(sc) {
        out.add(
            SELF_QUALITATIVE_BAND,
            &IndicatorPart::Score.of(i),
            msg::qualitative_band(
                msg::indicator(i + 1, ind.name.trim()),
                ind.actual.raw.trim(),
            ),
        )
        .expected(msg::band_range(range, band.label()))
        .found(sc.to_string())
        .hint(msg::qualitative_band_hint());
    }
}

/// `self.deviation-reason` (DOMAIN §1b, §2.3): an indicator below full marks explains why in
/// 偏差原因分析及改进措施.
fn deviation_reason(i: usize, ind: &EvaluatedIndicator, out: &mut Findings) {
    let (Some(w), Some(sc)) = (ind.weight.number(), ind.score.number()) else {
        return;
    };
    if sc < w && ind.deviation_reason.trim().is_empty() {
        out.add(
            SELF_DEVIATION_REASON,
            &IndicatorPart::DeviationReason.of(i),
            msg::deviation_reason(msg::indicator(i + 1, ind.name.trim())),
        )
        .found(msg::score_of_weight(sc, w))
        .hint(msg::deviation_reason_hint());
    }
}

/// `self.weight-sum` (DOMAIN §2.1, §5.6): the indicator 分值 add up to 100 minus the
/// budget-execution weight (90 with the default 10).
fn weight_sum(s: &SelfEvaluation, opts: &Options, out: &mut Findings) {
    let weights: Vec<Decimal> = s
        .indicators
        .iter()
        .filter_map(|i| i.weight.number())
        .collect();
    if weights.is_empty() {
        return;
    }
    let Some(sum) = super::checked_sum(weights.iter().copied()) else {
        too_large(
            out,
            SelfEvaluationFigure::TotalWeight.path(),
            &msg::total_of("分值"),
        );
        return;
    };
    let exec = score::execution_weight(s, &opts.scoring);
    let Some(expected) = FULL_MARKS.checked_sub(exec) else {
        let path = SelfEvaluationFunds::path(SelfEvaluationFunds::TOTAL, FundsRow::WEIGHT);
        too_large(out, &path, "预算执行率分值");
        return;
    };
    if sum != expected {
        out.add(
            SELF_WEIGHT_SUM,
            SelfEvaluationFigure::TotalWeight.path(),
            msg::weight_sum(),
        )
        .expected(format!("100 − {exec} = {expected}"))
        .found(sum.to_string());
    }
}

/// `self.total-weight` (DOMAIN §2.1): the 总分 row prints 100 under 分值.
fn total_weight(s: &SelfEvaluation, out: &mut Findings) {
    if let Some(w) = s.total_weight.number()
        && w != FULL_MARKS
    {
        out.add(
            SELF_TOTAL_WEIGHT,
            SelfEvaluationFigure::TotalWeight.path(),
            msg::total_weight(),
        )
        .expected("100")
        .found(w.to_string());
    }
}

/// `self.total-score` (DOMAIN §2.1, §5.6): 总分 = Σ indicator 得分 + 预算执行得分, from the
/// printed figures.
fn total_score(s: &SelfEvaluation, out: &mut Findings) {
    let Some(printed) = s.total_score.number() else {
        return;
    };
    let exec = s.funds.total.score.number().unwrap_or_default();
    let Some(total) = super::checked_sum(
        s.indicators
            .iter()
            .filter_map(|i| i.score.number())
            .chain([exec]),
    ) else {
        too_large(out, SelfEvaluationFigure::TotalScore.path(), "总分");
        return;
    };
    let sum = total - exec;
    if total != printed {
        out.add(
            SELF_TOTAL_SCORE,
            SelfEvaluationFigure::TotalScore.path(),
            msg::total_score(),
        )
        .expected(format!("{sum} + {exec} = {total}"))
        .found(printed.to_string());
    }
}

/// `self.grade` (DOMAIN §2.5): 评分等级 follows from the printed 总分 with half-open bands.
fn grade(s: &SelfEvaluation, out: &mut Findings) {
    let Some(total) = s.total_score.number() else {
        return;
    };
    let expected = Grade::of(total);
    let printed = s.grade.trim();
    // A blank grade is not a finding: some editions print no 评分等级 row (普陀 2022), and
    // `jixiao score` fills it in.
    if !printed.is_empty() && Grade::from_label(printed) != Some(expected) {
        out.add(SELF_GRADE, SelfEvaluationText::Grade.path(), msg::grade())
            .expected(msg::grade_expected(expected, total, expected.range()))
            .found(printed.to_string());
    }
}

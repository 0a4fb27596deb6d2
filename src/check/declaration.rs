//! Rules of the 申报表 (DOMAIN §1c, §5).

use super::indicators::{self, Row};
use super::{
    DECL_ANNUAL_EXCEEDS_PROJECT, DECL_ANNUAL_TOTAL_SUM, DECL_COST_CONTROL, DECL_DATE_FORMAT,
    DECL_DATE_ORDER, DECL_DATE_YEAR, DECL_PROJECT_TOTAL_ONE_YEAR, DECL_PROJECT_TOTAL_SUM,
    DECL_REQUIRED, Detail, FORM_BLANK, Findings, Options, checked_sum, too_large,
};
use crate::layout::declaration as layout;
use crate::model::field::IndicatorPart;
use crate::model::field::{DeclarationAmount, DeclarationText};
use crate::model::{Comparator, Declaration, MoneyUnit};
use crate::msg::check as msg;
use crate::taxonomy;
use rust_decimal::Decimal;

/// Runs every 申报表 rule.
pub(super) fn check(d: &Declaration, _opts: &Options, out: &mut Findings) {
    if is_blank(d) {
        out.add(
            FORM_BLANK,
            DeclarationText::ProjectName.path(),
            msg::form_blank(),
        )
        .hint(crate::msg::review::blank_form_hint());
        return;
    }
    required(d, out);
    annual_total_sum(d, out);
    project_total_sum(d, out);
    annual_within_project(d, out);
    dates(d, out);
    cost_control(d, out);
    let rows: Vec<Row> = d.indicators.iter().map(Row::from).collect();
    indicators::check(&rows, out);
}

/// A template with nothing typed in: no name, no amount, no 三级.
fn is_blank(d: &Declaration) -> bool {
    let f = &d.funds;
    d.project_name.trim().is_empty()
        && [
            f.project_total,
            f.project_fiscal,
            f.project_other,
            f.annual_total,
            f.annual_fiscal,
            f.annual_carryover,
            f.annual_other,
        ]
        .iter()
        .all(Option::is_none)
        && d.indicators
            .iter()
            .all(|i| i.name.trim().is_empty() && i.target.is_blank())
}

/// `decl.required` (DOMAIN §1c): the fields every 申报表 fills. 项目总目标 is optional (seeds
/// 000/002 leave it blank), and 项目性质 is required only where the layout has it; the national
/// 88号 layout (§1a) has no 项目类别 and no dates.
fn required(d: &Declaration, out: &mut Findings) {
    use DeclarationText::*;
    for field in layout::HEADER.iter().chain(layout::GOAL_FIELDS) {
        let optional = match field.id {
            // Not in the header or goals (the district form's narrative blocks): never required.
            OverallGoal | Applicant | Overview | Basis | Necessity | Measures | Plan => true,
            ProjectCategory | PlannedStart | PlannedEnd => d.is_national(),
            ProjectName | ProjectNature | Department | ImplementingUnit | AnnualGoal => false,
        };
        // `None`: a form without 项目性质.
        if let Some(value) = d.text(field.id)
            && !optional
            && value.trim().is_empty()
        {
            out.add(
                DECL_REQUIRED,
                field.id.path(),
                msg::field_blank(field.label.text),
            );
        }
    }
    if d.funds.annual_total.is_none() {
        out.add(
            DECL_REQUIRED,
            DeclarationAmount::AnnualTotal.path(),
            msg::field_blank(layout::ANNUAL_TOTAL.text),
        );
    }
    if d.indicators.iter().all(|i| i.name.trim().is_empty()) {
        out.add(
            DECL_REQUIRED,
            crate::model::field::INDICATORS,
            msg::no_indicators(),
        );
    }
}

/// Blank amounts count as 0 in a sum; `None` when it overflows.
fn sum(parts: &[Option<Decimal>]) -> Option<Decimal> {
    checked_sum(parts.iter().flatten().copied())
}

/// `decl.annual-total-sum` (DOMAIN §5.1): 年度资金申请总额 = 当年财政拨款 + 上年结转资金 +
/// 其他资金, blank parts counting as 0.
fn annual_total_sum(d: &Declaration, out: &mut Findings) {
    let f = &d.funds;
    let parts = [f.annual_fiscal, f.annual_carryover, f.annual_other];
    let Some(total) = f.annual_total else { return };
    if parts.iter().all(Option::is_none) {
        return;
    }
    let Some(expected) = sum(&parts) else {
        too_large(
            out,
            DeclarationAmount::AnnualTotal.path(),
            "年度资金申请总额合计",
        );
        return;
    };
    if total != expected {
        out.add(
            DECL_ANNUAL_TOTAL_SUM,
            DeclarationAmount::AnnualTotal.path(),
            msg::annual_total_sum(),
        )
        .expected(format!(
            "{} + {} + {} = {}",
            show(f.annual_fiscal),
            show(f.annual_carryover),
            show(f.annual_other),
            money(expected)
        ))
        .found(money(total));
    }
}

/// `decl.project-total-sum` (DOMAIN §5.2): 项目资金总额 = 其中：财政资金 + 其他资金 when
/// 项目资金总额 is filled (seeds 000/002 leave the whole column blank).
fn project_total_sum(d: &Declaration, out: &mut Findings) {
    let f = &d.funds;
    let parts = [f.project_fiscal, f.project_other];
    let Some(total) = f.project_total else { return };
    let Some(expected) = sum(&parts) else {
        too_large(
            out,
            DeclarationAmount::ProjectTotal.path(),
            "项目资金总额合计",
        );
        return;
    };
    if total != expected {
        out.add(
            DECL_PROJECT_TOTAL_SUM,
            DeclarationAmount::ProjectTotal.path(),
            msg::project_total_sum(),
        )
        .expected(format!(
            "{} + {} = {}",
            show(f.project_fiscal),
            show(f.project_other),
            money(expected)
        ))
        .found(money(total));
    }
}

/// Whether a 申报表 is for a multi-year 阶段性项目, whose 项目资金总额 covers several years.
fn is_phased(d: &Declaration) -> bool {
    d.project_nature
        .as_deref()
        .is_some_and(|n| n.contains("阶段性"))
}

/// `decl.annual-exceeds-project` and `decl.project-total-one-year` (DOMAIN §5.3): the annual
/// request is at most the project total; for a one-year project the two are equal, while a
/// 阶段性项目's total is multi-year and never compared as equal.
fn annual_within_project(d: &Declaration, out: &mut Findings) {
    let (Some(project), Some(annual)) = (d.funds.project_total, d.funds.annual_total) else {
        return;
    };
    if annual > project {
        out.add(
            DECL_ANNUAL_EXCEEDS_PROJECT,
            DeclarationAmount::AnnualTotal.path(),
            msg::annual_exceeds_project(),
        )
        .expected(msg::at_most(money(project)))
        .found(money(annual));
    } else if annual < project && !is_phased(d) && spans_one_year(d) {
        out.add(
            DECL_PROJECT_TOTAL_ONE_YEAR,
            DeclarationAmount::ProjectTotal.path(),
            msg::one_year_total_differs(),
        )
        .expected(money(annual))
        .found(money(project))
        .hint(msg::multi_year_hint());
    }
}

/// Start and end in the same calendar year (or not readable: then assume so).
fn spans_one_year(d: &Declaration) -> bool {
    match (date(&d.planned_start), date(&d.planned_end)) {
        (Some(s), Some(e)) => s.0 == e.0,
        _ => true,
    }
}

/// `YYYY-MM-DD` (what the reader makes of every date) → `(y, m, d)`.
fn date(text: &str) -> Option<(i32, u32, u32)> {
    let t = text.trim();
    let mut parts = t.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    if parts.next().is_some() || t.len() != 10 {
        return None;
    }
    Some((y, m, day))
}

/// A date field's path, printed label and text.
fn date_field(id: DeclarationText, text: &str) -> (&'static str, &'static str, &str) {
    (id.path(), layout::text_label(id), text)
}

/// `decl.date-format`, `decl.date-order` and `decl.date-year` (DOMAIN §5.8).
fn dates(d: &Declaration, out: &mut Findings) {
    let mut parsed = Vec::new();
    for (path, name, text) in [
        date_field(DeclarationText::PlannedStart, &d.planned_start),
        date_field(DeclarationText::PlannedEnd, &d.planned_end),
    ] {
        if text.trim().is_empty() {
            parsed.push(None);
            continue;
        }
        let p = date(text);
        if p.is_none() {
            out.add(DECL_DATE_FORMAT, path, msg::not_a_date(name))
                .expected(msg::date_pattern())
                .found(msg::quoted(text.trim()));
        }
        parsed.push(p);
    }
    let (start, end) = (parsed[0], parsed[1]);
    if let (Some(s), Some(e)) = (start, end)
        && s > e
    {
        out.add(
            DECL_DATE_ORDER,
            DeclarationText::PlannedEnd.path(),
            msg::end_before_start(),
        )
        .expected(msg::on_or_after(d.planned_start.trim()))
        .found(d.planned_end.trim().to_string());
    }
    let Some(year) = d.year else { return };
    if is_phased(d) {
        return;
    }
    for ((path, name, text), p) in [
        date_field(DeclarationText::PlannedStart, &d.planned_start),
        date_field(DeclarationText::PlannedEnd, &d.planned_end),
    ]
    .into_iter()
    .zip([start, end])
    {
        if let Some((y, ..)) = p
            && y != year
        {
            out.add(DECL_DATE_YEAR, path, msg::date_outside_year(name, year))
                .expected(msg::date_in_year(year))
                .found(text.trim().to_string())
                .hint(msg::date_year_hint());
        }
    }
}

/// `decl.cost-control` (DOMAIN §5.7, soft): the 成本控制额 target of a 成本指标 — a money
/// amount with `≤` or `<` — equals 年度资金申请总额 converted to the target's unit, to the
/// cent shown (`≤28.88(万元)` ↔ 288,820.00 元).
fn cost_control(d: &Declaration, out: &mut Findings) {
    let Some(annual) = d.funds.annual_total else {
        return;
    };
    let in_yuan = match d.funds.unit {
        MoneyUnit::Yuan => annual,
        MoneyUnit::WanYuan => match annual.checked_mul(Decimal::from(10_000)) {
            Some(y) => y,
            None => {
                return too_large(
                    out,
                    DeclarationAmount::AnnualTotal.path(),
                    "年度资金申请总额（元）",
                );
            }
        },
    };
    for (i, ind) in d.indicators.iter().enumerate() {
        let is_cost = taxonomy::canonical(&ind.level1) == "成本指标"
            || taxonomy::canonical(&ind.level2).ends_with("成本指标");
        let Some(q) = &ind.target.quantity else {
            continue;
        };
        if !is_cost || !matches!(q.op, Some(Comparator::Le | Comparator::Lt)) {
            continue;
        }
        let per_yuan = match q.unit.as_deref() {
            Some("元") => Decimal::ONE,
            Some("万元" | "万") => Decimal::from(10_000),
            Some("亿元") => Decimal::from(100_000_000),
            _ => continue,
        };
        let expected = in_yuan / per_yuan; // per_yuan ≥ 1: no overflow
        let step = Decimal::new(1, q.number.scale().min(4));
        let Some(gap) = q.number.checked_sub(expected) else {
            too_large(out, &IndicatorPart::Target.of(i), "成本控制额");
            continue;
        };
        if gap.abs() >= step {
            let mut shown = expected.round_dp(q.number.scale().max(2));
            shown.rescale(q.number.scale().max(2));
            out.add(
                DECL_COST_CONTROL,
                &IndicatorPart::Target.of(i),
                msg::cost_control(
                    msg::indicator(i + 1, ind.name.trim()),
                    ind.target.raw.trim(),
                ),
            )
            .expected(format!(
                "{}{shown}({})",
                q.op.map(Comparator::symbol).unwrap_or(""),
                q.unit.as_deref().unwrap_or("")
            ))
            .found(ind.target.raw.trim().to_string())
            .hint(msg::cost_control_hint());
        }
    }
}

/// An amount for messages, as the form prints it: `140,000.00`.
fn money(d: Decimal) -> String {
    crate::msg::amount(d)
}

fn show(d: Option<Decimal>) -> String {
    d.map(money).unwrap_or_else(msg::blank)
}

//! New forms for known projects: what `jixiao template` writes.
//!
//! Three ways in, one model out:
//! - [`declarations_from_list`]: an office [`Profile`], a year and a project list → one blank
//!   申报表 per project: header filled, amounts as listed (the rest from the profile's rules),
//!   the indicator table the skeleton of the office's set (one empty row per 二级).
//! - [`carry_forward`]: last year's 申报表 → this year's, dates moved, amounts, targets and
//!   goals kept or cleared.
//! - [`self_evaluations_from`]: 申报表 → 自评表 with the declared targets, the annual funds in
//!   万元 and 分值 spread by [`Weights`].
//!
//! Everything here is model → model; writing the workbook is [`crate::write`]'s job.

use crate::diag::{Diagnosed, Diagnostic, Location};
use crate::migrate;
use crate::model::{
    Declaration, DeclarationFunds, EvaluatedIndicator, Figure, Form, FundsRow, Indicator,
    IndicatorValue, MediumTerm, MoneyUnit, SelfEvaluation, SelfEvaluationFunds,
};
use crate::profile::{LayoutVariant, Profile, ProjectSide, WhenAbsent};
use crate::taxonomy::{TaxonomySet, canonical};
use rust_decimal::Decimal;
use std::fmt;

/// The empty indicator table of a set: one row per 二级, in the set's order, no 三级.
pub fn skeleton(set: TaxonomySet) -> Vec<Indicator> {
    set.table()
        .iter()
        .flat_map(|l1| {
            l1.level2
                .iter()
                .map(move |l2| Indicator::new(l1.name, *l2, "", ""))
        })
        .collect()
}

/// The rows of `indicators` with an empty row added for every 二级 of `set` that has none, in
/// the set's order (the 宝山 layout). Rows whose 一级/二级 the set does not know keep their
/// order after the set's rows.
pub fn with_every_level2(indicators: &[Indicator], set: TaxonomySet) -> Vec<Indicator> {
    let mut taken = vec![false; indicators.len()];
    let mut out = Vec::new();
    for empty in skeleton(set) {
        let (l1, l2) = (canonical(&empty.level1), canonical(&empty.level2));
        let mut found = false;
        for (i, ind) in indicators.iter().enumerate() {
            if !taken[i] && canonical(&ind.level1) == l1 && canonical(&ind.level2) == l2 {
                taken[i] = true;
                found = true;
                out.push(ind.clone());
            }
        }
        if !found {
            out.push(empty);
        }
    }
    out.extend(
        indicators
            .iter()
            .zip(taken)
            .filter(|(_, t)| !t)
            .map(|(ind, _)| ind.clone()),
    );
    out
}

/// Whether a row is a skeleton row: an 二级 printed with nothing under it.
pub fn is_skeleton_row(ind: &Indicator) -> bool {
    ind.name.trim().is_empty() && ind.target.is_blank()
}

/// The years a new form may be made for: four digits, and not absurdly far from today's forms.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// `year` when it is a four-digit year in [`YEARS`]; else the message to show (`--year 27` once
/// printed `（27年度）` and the date `27-01-01`).
///
/// # Errors
/// The message, in the current language, naming the range and the year given.
pub fn check_year(year: i32) -> Result<i32, String> {
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(crate::msg::review::bad_year(
            year,
            YEARS.start(),
            YEARS.end(),
        ))
    }
}

/// One 申报表 per listed project for `year`: the profile fills what the list leaves blank.
///
/// Rules: 主管部门 / 实施单位 from the list, else the profile; 项目性质 from the list, else the
/// profile's default, else blank — and absent when the layout has no such field (a listed
/// 项目性质 is then reported, not printed); 项目类别 and dates likewise; 其中：当年财政拨款 =
/// 年度资金申请总额 when not given; 上年结转资金 / 其他资金 and the whole-project amounts per
/// the profile's `[funds]`.
pub fn declarations_from_list(
    profile: &Profile,
    year: i32,
    projects: Vec<Declaration>,
    list: &str,
) -> Diagnosed<Vec<Declaration>> {
    let set = profile.indicator_set;
    let mut diags = Vec::new();
    let forms = projects
        .into_iter()
        .map(|p| {
            let or = |given: String, default: Option<&String>| {
                if given.trim().is_empty() {
                    default.cloned().unwrap_or_default()
                } else {
                    given
                }
            };
            let nature = p.project_nature.clone().unwrap_or_default();
            let project_nature = if profile.layout.has_project_nature() {
                Some(or(nature, profile.defaults.project_nature.as_ref()))
            } else {
                if !nature.is_empty() {
                    diags.push(
                        Diagnostic::warning(
                            crate::msg::rules::TEMPLATE_NO_NATURE_FIELD,
                            crate::msg::write::no_nature_field(&p.project_name, &nature),
                        )
                        .at(Location::file(list)),
                    );
                }
                None
            };
            Declaration {
                source: profile.layout.source(),
                year: Some(year),
                project_nature,
                project_category: or(
                    p.project_category,
                    profile.defaults.project_category.as_ref(),
                ),
                department: or(p.department, Some(&profile.department)),
                implementing_unit: or(p.implementing_unit, Some(&profile.implementing_unit)),
                planned_start: or(p.planned_start, Some(&profile.defaults.planned_start(year))),
                planned_end: or(p.planned_end, Some(&profile.defaults.planned_end(year))),
                funds: filled_funds(p.funds, profile),
                overall_goal: p.overall_goal,
                annual_goal: p.annual_goal,
                indicators: skeleton(set),
                notes: p.notes,
                project_name: p.project_name,
                medium_term: profile.layout.has_medium_term().then(MediumTerm::default),
                ..Declaration::default()
            }
        })
        .collect();
    Diagnosed::new(forms, diags)
}

/// The amounts a project list gave, completed by the profile's rules (all in 元).
fn filled_funds(mut f: DeclarationFunds, profile: &Profile) -> DeclarationFunds {
    f.unit = MoneyUnit::Yuan;
    if f.annual_fiscal.is_none() {
        f.annual_fiscal = f.annual_total;
    }
    if f.annual_total.is_some() && profile.funds.carryover_and_other == WhenAbsent::Zero {
        let zero = Some(Decimal::new(0, 2));
        f.annual_carryover = f.annual_carryover.or(zero);
        f.annual_other = f.annual_other.or(zero);
    }
    if profile.funds.project_side == ProjectSide::Annual {
        f.project_total = f.project_total.or(f.annual_total);
        f.project_fiscal = f.project_fiscal.or(f.project_total);
    }
    f
}

/// What [`carry_forward`] keeps of last year's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keep {
    /// 项目资金: all seven amounts.
    pub amounts: bool,
    /// 指标值 of every indicator (the 三级 names are always kept).
    pub targets: bool,
    /// 项目总目标 and 年度总体目标.
    pub goals: bool,
}

impl Default for Keep {
    fn default() -> Self {
        Keep {
            amounts: true,
            targets: true,
            goals: true,
        }
    }
}

/// Last year's 申报表 as this year's: `year` (default: each form's year + 1), dates moved by
/// the same number of years, and what `keep` says kept. 2020 目标表 become 申报表 first
/// ([`migrate::legacy_to_declaration`]). With a profile, rows move into its indicator set
/// ([`migrate::map_declaration`]), its layout applies (项目性质 dropped or added blank; every
/// 二级 printed in the 宝山 layout) and its 主管部门 / 实施单位 replace blank ones. 自评表 are
/// reported and left out.
pub fn carry_forward(
    forms: &[Form],
    year: Option<i32>,
    keep: Keep,
    profile: Option<&Profile>,
) -> Diagnosed<Vec<Declaration>> {
    let mut diags = Vec::new();
    let mut out = Vec::new();
    let set = profile.map(|p| p.indicator_set).unwrap_or_default();
    let migration = set;
    for form in forms {
        let mut d = match form {
            Form::Declaration(d) => {
                let mut d = d.clone();
                // The office's set decides where old 产出/成本 rows (or current 成本 rows) go.
                if profile.is_some() {
                    diags.extend(migrate::map_declaration(&mut d, migration));
                }
                d
            }
            Form::Legacy2020(l) => {
                let read = migrate::legacy_to_declaration(l, migration);
                diags.extend(read.diagnostics);
                read.value
            }
            Form::SelfEvaluation(_) => {
                diags.push(left_out(
                    form,
                    &crate::msg::write::only_declarations_carried(),
                ));
                continue;
            }
        };
        let from_year = d.year;
        let to_year = year.or(from_year.map(|y| y + 1));
        if let (Some(from), Some(to)) = (from_year, to_year) {
            for date in [&mut d.planned_start, &mut d.planned_end] {
                match shift_date(date, to - from) {
                    Some(moved) => *date = moved,
                    None if date.is_empty() => {}
                    None => diags.push(
                        Diagnostic::warning(
                            crate::msg::rules::TEMPLATE_DATE,
                            crate::msg::write::date_kept(&d.project_name, &date),
                        )
                        .at(form_location(form)),
                    ),
                }
            }
        }
        d.year = to_year;
        // The form keeps the layout it was printed in (its labels' years are `{year}`), and
        // nothing else of where it came from.
        let layout = d.source.take().and_then(|s| s.layout);
        d.source = layout.map(|layout| crate::model::Source {
            layout: Some(layout),
            ..crate::model::Source::default()
        });
        // The 中期 side of an 88号 form is cleared with the 年度 side.
        let mut medium = d.medium_term.take();
        if !keep.amounts {
            d.funds = DeclarationFunds {
                unit: d.funds.unit,
                ..DeclarationFunds::default()
            };
            if let Some(m) = &mut medium {
                (m.total, m.fiscal, m.other) = (None, None, None);
            }
        }
        if !keep.targets {
            let medium_rows = medium.iter_mut().flat_map(|m| &mut m.indicators);
            for ind in d.indicators.iter_mut().chain(medium_rows) {
                ind.target = IndicatorValue::default();
            }
        }
        if !keep.goals {
            d.overall_goal.clear();
            d.annual_goal.clear();
            if let Some(m) = &mut medium {
                m.goal.clear();
            }
        }
        d.medium_term = medium;
        if let Some(p) = profile {
            if d.department.is_empty() {
                d.department = p.department.clone();
            }
            if d.implementing_unit.is_empty() {
                d.implementing_unit = p.implementing_unit.clone();
            }
            in_layout(&mut d, p.layout, p.indicator_set);
        }
        out.push(d);
    }
    Diagnosed::new(out, diags)
}

/// Gives a 申报表 what its office's layout prints (`template --layout`, a profile's `layout`):
/// 项目性质 or none, every 二级 of `set` (宝山), a 中期 side (88号), and the layout itself.
pub fn in_layout(d: &mut Declaration, layout: LayoutVariant, set: TaxonomySet) {
    d.project_nature = if layout.has_project_nature() {
        Some(d.project_nature.take().unwrap_or_default())
    } else {
        None
    };
    if layout.prints_every_level2() {
        d.indicators = with_every_level2(&d.indicators, set);
    }
    if layout.has_medium_term() {
        d.medium_term.get_or_insert_default();
    }
    if let Some(source) = layout.source() {
        d.source = Some(source);
    }
}

fn form_location(form: &Form) -> Location {
    match form.source() {
        Some(s) => Location {
            file: s.file.clone(),
            sheet: Some(s.sheet.clone()),
            cell: None,
        },
        None => Location::file("(input)"),
    }
}

fn left_out(form: &Form, why: &str) -> Diagnostic {
    Diagnostic::warning(
        crate::msg::rules::TEMPLATE_LEFT_OUT,
        crate::msg::write::left_out(
            crate::msg::write::form(form.kind_label(), form.project_name()),
            why,
        ),
    )
    .at(form_location(form))
}

/// `2025-01-01` moved by `years` (29 February becomes 28 February in a common year).
pub fn shift_date(date: &str, years: i32) -> Option<String> {
    let iso = crate::model::date::parse(date)?;
    let (y, rest) = iso.split_once('-')?;
    let y = y.parse::<i32>().ok()? + years;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let rest = if rest == "02-29" && !leap {
        "02-28"
    } else {
        rest
    };
    Some(format!("{y:04}-{rest}"))
}

/// How the 100 points of a 自评表 are split (DOMAIN §2.1): groups of 一级 sharing a weight,
/// and the 预算执行 weight of the funds row.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// The indicator weights, one per group of 一级; with `execution` they make 100.
    pub groups: Vec<WeightGroup>,
    /// 预算执行率 (the 年度资金总额 row's 分值).
    pub execution: Decimal,
}

/// One weight shared by the indicators under the listed 一级.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightGroup {
    /// The 一级 labels (canonical) whose indicators share `weight`.
    pub level1: Vec<String>,
    /// The 分值 the group's indicators share, in points.
    pub weight: Decimal,
}

impl Weights {
    /// 产出 50 (with 成本指标, a 二级 of 产出 before 2021, DOMAIN §3.4), 效益 30, 满意度 10,
    /// 预算执行 10: the national rule (财预〔2020〕10号, seed 001).
    pub fn standard() -> Weights {
        Weights::parse("产出=50,效益=30,满意度=10,预算执行=10")
            .unwrap_or_else(|e| unreachable!("the standard weights parse: {e}"))
    }

    /// Parses `产出=40,成本=10,效益=30,满意度=10,预算执行=10`: a name is a 一级 without its
    /// `指标` (产出, 成本, 效益, 满意度) or 预算执行; the weights must add up to 100. 成本指标
    /// shares 产出's weight unless 成本 is given.
    ///
    /// # Errors
    /// The message names the part that is wrong.
    pub fn parse(spec: &str) -> Result<Weights, String> {
        let mut groups: Vec<WeightGroup> = Vec::new();
        let mut execution = None;
        for part in spec.split([',', '，']).filter(|p| !p.trim().is_empty()) {
            let (name, value) = part
                .split_once(['=', '＝'])
                .ok_or_else(|| crate::msg::write::weight_not_pair(part))?;
            let (name, value) = (name.trim(), value.trim());
            let weight: Decimal = value
                .parse()
                .map_err(|_| crate::msg::write::weight_not_number(part, value))?;
            if weight.is_sign_negative() {
                return Err(crate::msg::write::weight_negative(part));
            }
            // Bounded, so that sums and shares of the weights cannot overflow.
            if weight > Decimal::ONE_HUNDRED {
                return Err(crate::msg::write::weight_too_large(part));
            }
            match name.trim_end_matches("率") {
                "预算执行" | "执行" => execution = Some(weight),
                "产出" | "成本" | "效益" | "满意度" => {
                    let level1 = format!("{}指标", name.trim_end_matches("指标"));
                    if groups.iter().any(|g| g.level1.contains(&level1)) {
                        return Err(crate::msg::write::weight_twice(name));
                    }
                    groups.push(WeightGroup {
                        level1: vec![level1],
                        weight,
                    });
                }
                other => {
                    return Err(crate::msg::write::weight_unknown(other));
                }
            }
        }
        let execution = execution.ok_or_else(crate::msg::write::weight_no_execution)?;
        let has = |l: &str| groups.iter().any(|g| g.level1.iter().any(|x| x == l));
        if !has("成本指标")
            && let Some(g) = groups
                .iter_mut()
                .find(|g| g.level1.iter().any(|x| x == "产出指标"))
        {
            g.level1.push("成本指标".to_string());
        }
        let total: Decimal = groups.iter().map(|g| g.weight).sum::<Decimal>() + execution;
        if total != Decimal::ONE_HUNDRED {
            return Err(crate::msg::write::weight_total(total));
        }
        Ok(Weights { groups, execution })
    }

    fn group_of(&self, level1: &str) -> Option<usize> {
        let l1 = canonical(level1);
        self.groups.iter().position(|g| g.level1.contains(&l1))
    }
}

impl fmt::Display for Weights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for g in &self.groups {
            write!(f, "{}={}, ", g.level1.join("+"), g.weight)?;
        }
        write!(f, "预算执行={}", self.execution)
    }
}

/// `total` over `n` rows as real forms split it (DOMAIN §2.1, seed 001): whole points, the
/// points left over one each on the last rows (50 over 3 → 16, 17, 17; 30 over 7 → 4 × 5, 5,
/// 5). Half points when there are fewer points than rows (5 over 8 → 0.5 × 6, 1, 1), cents only
/// when even halves are too coarse or `total` itself has cents. The shares add up exactly and
/// carry two decimals (`17.00`), as the forms print them.
pub fn distribute(total: Decimal, n: usize) -> Vec<Decimal> {
    if n == 0 {
        return Vec::new();
    }
    let rows = Decimal::from(n);
    let half = Decimal::new(5, 1);
    let cent = Decimal::new(1, 2);
    let unit = [Decimal::ONE, half]
        .into_iter()
        .find(|u| total >= rows * *u && (total % *u).is_zero())
        .unwrap_or(cent);
    // Whole units per row, and the units left over for the last rows.
    let base = (total / rows / unit).floor() * unit;
    let left = ((total - base * rows) / unit).trunc();
    let extra = usize::try_from(left.mantissa()).unwrap_or(0).min(n);
    let mut shares = vec![base; n];
    for share in shares.iter_mut().skip(n - extra) {
        *share += unit;
    }
    // What units cannot carry (a total with more than two decimals) goes on the last row.
    let rest = total - shares.iter().copied().sum::<Decimal>();
    if let Some(last) = shares.last_mut() {
        *last += rest;
    }
    shares
        .into_iter()
        .map(|mut share| {
            share.rescale(share.scale().max(2));
            share
        })
        .collect()
}

/// `total` split in proportion to `parts`, in two decimals that add up exactly: each share
/// rounded down to the cent, and the cents left over given one each to the shares that lost
/// most in rounding (the earlier one on a tie) — the largest-remainder method.
pub fn apportion(total: Decimal, parts: &[Decimal]) -> Vec<Decimal> {
    apportion_in(total, parts, Decimal::new(1, 2))
}

/// [`apportion`] in whole `unit`s (1 for whole points) where `total` is a multiple of it, else
/// in cents: the groups of a 自评表 get whole points, as real forms give them (DOMAIN §2.1).
pub fn apportion_in(total: Decimal, parts: &[Decimal], unit: Decimal) -> Vec<Decimal> {
    let sum: Decimal = parts.iter().copied().sum();
    if parts.is_empty() || sum.is_zero() {
        return vec![Decimal::new(0, 2); parts.len()];
    }
    let unit = if !unit.is_zero() && (total % unit).is_zero() {
        unit
    } else {
        Decimal::new(1, 2)
    };
    let cents = (total / unit).trunc();
    let exact: Vec<Decimal> = parts.iter().map(|p| cents * *p / sum).collect();
    let mut shares: Vec<Decimal> = exact.iter().map(|e| e.trunc()).collect();
    let mut left = cents - shares.iter().copied().sum::<Decimal>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - shares[b]).cmp(&(exact[a] - shares[a])));
    for i in order {
        if left <= Decimal::ZERO {
            break;
        }
        shares[i] += Decimal::ONE;
        left -= Decimal::ONE;
    }
    shares
        .into_iter()
        .map(|c| {
            let mut share = c * unit;
            share.rescale(share.scale().max(2));
            share
        })
        .collect()
}

/// 元 → 万元, exactly: the decimal point moves four places; trailing zeros beyond the second
/// decimal are dropped (140000.00 → 14.00, 288820.00 → 28.882).
pub fn yuan_to_wan(amount: Decimal) -> Decimal {
    let mut wan = amount / Decimal::from(10_000);
    wan = wan.normalize();
    if wan.scale() < 2 {
        wan.rescale(2);
    }
    wan
}

/// One 自评表 per 申报表: header copied, 预期目标 = 年度总体目标, every declared indicator
/// (skeleton rows left out) with its 年度指标值 and a 分值 from `weights`, the annual funds in
/// 万元 as 年初预算数 and 全年预算数, everything to be evaluated left blank.
pub fn self_evaluations_from(
    declarations: &[Form],
    weights: &Weights,
) -> Diagnosed<Vec<SelfEvaluation>> {
    let mut diags = Vec::new();
    let mut out = Vec::new();
    for form in declarations {
        let Form::Declaration(d) = form else {
            diags.push(left_out(
                form,
                &crate::msg::write::self_evaluations_from_declarations(),
            ));
            continue;
        };
        let indicators: Vec<&Indicator> = d
            .indicators
            .iter()
            .filter(|i| !is_skeleton_row(i))
            .collect();
        // Indicator weights by group, then handed out in form order.
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); weights.groups.len()];
        let mut weight_of: Vec<Figure> = vec![Figure::Blank; indicators.len()];
        for (i, ind) in indicators.iter().enumerate() {
            match weights.group_of(&ind.level1) {
                Some(g) => members[g].push(i),
                None => diags.push(
                    Diagnostic::warning(
                        crate::msg::rules::TEMPLATE_WEIGHT,
                        crate::msg::write::no_weight_for(&d.project_name, &ind.level1),
                    )
                    .at(form_location(form)),
                ),
            }
        }
        // A group without indicators gives its points to the others, in proportion, so that
        // the indicators always carry 100 − 预算执行 (DOMAIN §2.1: weights 可做适当调整).
        let indicator_points: Decimal = weights.groups.iter().map(|g| g.weight).sum();
        let present: Vec<Decimal> = weights
            .groups
            .iter()
            .zip(&members)
            .map(|(g, rows)| {
                if rows.is_empty() {
                    Decimal::ZERO
                } else {
                    g.weight
                }
            })
            .collect();
        let group_points = apportion_in(indicator_points, &present, Decimal::ONE);
        for ((group, rows), points) in weights.groups.iter().zip(&members).zip(&group_points) {
            if rows.is_empty() && !group.weight.is_zero() {
                diags.push(
                    Diagnostic::info(
                        crate::msg::rules::TEMPLATE_WEIGHT,
                        crate::msg::write::group_shared(
                            &d.project_name,
                            group.level1.join("/"),
                            group.weight,
                        ),
                    )
                    .at(form_location(form)),
                );
            }
            for (&i, share) in rows.iter().zip(distribute(*points, rows.len())) {
                weight_of[i] = Figure::Number(share);
            }
        }
        out.push(SelfEvaluation {
            source: None,
            year: d.year,
            project_name: d.project_name.clone(),
            department: d.department.clone(),
            implementing_unit: d.implementing_unit.clone(),
            funds: self_evaluation_funds(&d.funds, weights.execution),
            expected_goal: d.annual_goal.clone(),
            actual_result: String::new(),
            indicators: indicators
                .iter()
                .zip(weight_of)
                .map(|(ind, weight)| EvaluatedIndicator {
                    level1: ind.level1.clone(),
                    level2: ind.level2.clone(),
                    name: ind.name.clone(),
                    target: ind.target.clone(),
                    actual: IndicatorValue::default(),
                    weight,
                    score: Figure::Blank,
                    deviation_reason: String::new(),
                    ..EvaluatedIndicator::default()
                })
                .collect(),
            total_weight: Figure::Number(Decimal::ONE_HUNDRED),
            total_score: Figure::Blank,
            grade: String::new(),
            notes: Vec::new(),
        });
    }
    Diagnosed::new(out, diags)
}

/// The 自评表 funds grid from a 申报表's annual side, in 万元: 年初预算数 = 全年预算数 = the
/// declared amount; the 年度资金总额 row carries the 预算执行 weight, the sub-rows `-` under
/// 分值 and 得分 as the form prints them.
fn self_evaluation_funds(f: &DeclarationFunds, execution: Decimal) -> SelfEvaluationFunds {
    let wan = |d: Option<Decimal>| match (d, f.unit) {
        (None, _) => Figure::Blank,
        (Some(d), MoneyUnit::Yuan) => Figure::Number(yuan_to_wan(d)),
        (Some(d), MoneyUnit::WanYuan) => Figure::Number(d),
    };
    let row = |d: Option<Decimal>, first: bool| {
        let mut weight = execution;
        weight.rescale(2);
        FundsRow {
            initial_budget: wan(d),
            annual_budget: wan(d),
            executed: Figure::Blank,
            weight: if first {
                Figure::Number(weight)
            } else {
                Figure::Dash
            },
            rate: Figure::Blank,
            score: if first { Figure::Blank } else { Figure::Dash },
        }
    };
    SelfEvaluationFunds {
        unit: MoneyUnit::WanYuan,
        total: row(f.annual_total, true),
        fiscal: row(f.annual_fiscal, false),
        carryover: row(f.annual_carryover, false),
        other: row(f.annual_other, false),
        extra_rows: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn texts(v: Vec<Decimal>) -> Vec<String> {
        v.iter().map(Decimal::to_string).collect()
    }

    #[test]
    fn shares_are_two_decimals_that_add_up_exactly() {
        // Whole points, the remainder one each on the last rows (issue 15: not 16.67 …).
        assert_eq!(texts(distribute(d("50"), 3)), ["16.00", "17.00", "17.00"]);
        assert_eq!(texts(distribute(d("30"), 1)), ["30.00"]);
        assert_eq!(
            texts(distribute(d("30"), 7)),
            ["4.00", "4.00", "4.00", "4.00", "4.00", "5.00", "5.00"]
        );
        assert_eq!(
            texts(distribute(d("10"), 4)),
            ["2.00", "2.00", "3.00", "3.00"]
        );
        // Half points when the points are fewer than the rows; cents only below that.
        assert_eq!(
            texts(distribute(d("5"), 8)),
            [
                "0.50", "0.50", "0.50", "0.50", "0.50", "0.50", "1.00", "1.00"
            ]
        );
        assert_eq!(texts(distribute(d("1"), 3)), ["0.33", "0.33", "0.34"]);
        assert_eq!(texts(distribute(d("10.25"), 2)), ["5.12", "5.13"]);
        assert!(distribute(d("10"), 0).is_empty());
        assert_eq!(
            texts(apportion(d("90"), &[d("50"), d("30"), d("0")])),
            ["56.25", "33.75", "0.00"]
        );
        assert_eq!(
            texts(apportion_in(d("90"), &[d("50"), d("30"), d("0")], d("1"))),
            ["56.00", "34.00", "0.00"]
        );
        assert_eq!(
            texts(apportion(d("1"), &[d("1"), d("1"), d("1")])),
            ["0.34", "0.33", "0.33"]
        );
        for n in 1..40 {
            for total in ["50", "30", "10", "0", "7.5", "33.33"] {
                let shares = distribute(d(total), n);
                let sum: Decimal = shares.iter().copied().sum();
                assert_eq!(sum, d(total), "{total} over {n}");
                assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{total} over {n}");
            }
        }
    }

    #[test]
    fn yuan_become_wan_yuan_exactly() {
        assert_eq!(yuan_to_wan(d("140000.00")).to_string(), "14.00");
        assert_eq!(yuan_to_wan(d("288820.00")).to_string(), "28.882");
        assert_eq!(yuan_to_wan(d("0.00")).to_string(), "0.00");
        assert_eq!(yuan_to_wan(d("8778982.00")).to_string(), "877.8982");
    }

    #[test]
    fn weights_parse_and_must_add_up_to_100() {
        let w = Weights::standard();
        assert_eq!(
            w.to_string(),
            "产出指标+成本指标=50, 效益指标=30, 满意度指标=10, 预算执行=10"
        );
        let w = Weights::parse("产出=40,成本=10,效益=30,满意度=10,预算执行=10").unwrap();
        assert_eq!(w.groups.len(), 4);
        assert_eq!(
            Weights::parse("产出=40,效益=40,满意度=0,预算执行=20")
                .unwrap()
                .execution,
            d("20")
        );
        assert_eq!(
            Weights::parse("产出=50,效益=30,满意度=10,预算执行=20").unwrap_err(),
            "各项分值合计为 110，不是 100"
        );
        assert_eq!(
            crate::msg::with_lang(crate::msg::Lang::En, || {
                Weights::parse("产出=50,效益=30,满意度=10,预算执行=20").unwrap_err()
            }),
            "the weights add up to 110, not 100"
        );
        assert!(Weights::parse("产出=50,效益=30,满意度=10").is_err());
        assert!(Weights::parse("投入=50,预算执行=50").is_err());
    }

    #[test]
    fn dates_move_by_whole_years() {
        assert_eq!(shift_date("2025-01-01", 1).as_deref(), Some("2026-01-01"));
        assert_eq!(shift_date("2024-02-29", 1).as_deref(), Some("2025-02-28"));
        assert_eq!(shift_date("2025/12/31", 1).as_deref(), Some("2026-12-31"));
        assert_eq!(shift_date("全年", 1), None);
    }

    #[test]
    fn every_level2_is_printed_in_the_baoshan_layout() {
        let declared = vec![
            Indicator::new("产出指标", "数量指标", "a", "1"),
            Indicator::new("满意度指标", "服务对象满意度指标", "b", "2"),
        ];
        let rows = with_every_level2(&declared, TaxonomySet::Old);
        assert_eq!(rows.len(), 9);
        assert_eq!(rows[0].name, "a");
        assert_eq!(
            (rows[3].level2.as_str(), rows[3].name.as_str()),
            ("成本指标", "")
        );
        assert_eq!(rows[8].name, "b");
    }
}

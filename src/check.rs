//! `check`: the consistency rules of the forms, one small function per rule, every finding a
//! [`Diagnostic`] with a stable rule id and the cell it is about.
//!
//! Rules never stop at the first problem: every rule runs on every form and reports all it
//! finds. Locations come from the form's [`Source`] (`cells` maps a field path such as
//! `funds.annual_total` or `indicators[3].target` to the cell it was read from; for a form read
//! from flat tables, `table_cells` gives the table's file, row and column); a form typed by
//! hand in JSON, without those paths, gets file and sheet only.
//!
//! | rule | severity | DOMAIN | what it guards |
//! |---|---|---|---|
//! | `form.blank` | warning | — | a blank template: reported as blank (not clean), nothing else is checked |
//! | `decl.required` | error | §1c | 项目名称, 项目性质 (when the layout has it), 项目类别, 主管部门, 实施单位, dates, 年度总体目标, 年度资金申请总额 filled |
//! | `decl.annual-total-sum` | error | §5.1 | 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 |
//! | `decl.project-total-sum` | error | §5.2 | 项目资金总额 = 财政资金 + 其他资金, when 项目资金总额 is filled |
//! | `decl.annual-exceeds-project` | error | §5.3 | 年度资金申请总额 ≤ 项目资金总额 when both are filled |
//! | `decl.project-total-one-year` | warning | §5.3 | one-year project: 项目资金总额 = 年度资金申请总额 (阶段性项目 exempt) |
//! | `decl.date-format` | error | §5.8 | 计划开始/完成日期 are dates |
//! | `decl.date-order` | error | §5.8 | 计划开始日期 ≤ 计划完成日期 |
//! | `decl.date-year` | warning | §5.8 | one-year project: both dates inside the form's year |
//! | `decl.cost-control` | warning | §5.7 | a 成本指标 money target equals 年度资金申请总额 in its unit (soft) |
//! | `indicator.required` | error | §1c, §1e | a 三级 has its 指标值 (and a value has its 三级) |
//! | `indicator.taxonomy` | error | §3.1, §3.2 | (一级, 二级) is a pair of the current or the old set |
//! | `indicator.taxonomy-mixed` | warning | §3, §6.6 | one form uses pairs only the old and pairs only the current set has |
//! | `indicator.level1-missing` | warning | §2.1, §3 | 产出指标, 效益指标 and 满意度指标 each have an indicator |
//! | `indicator.unit-missing` | warning | §4 | a 定量 指标值 has a unit |
//! | `indicator.unit-unknown` | warning | §4 | the unit is one seen in real forms |
//! | `indicator.rate-unit` | warning | §4 | a rate (…率) is in %, not `次` or a count |
//! | `indicator.no-comparator` | info | §4 | a 定量 指标值 states ≥ ≤ = > < |
//! | `indicator.unparsed-target` | warning | §4 | a 指标值 that starts like a 定量 one (`≥…`) parses as number and unit |
//! | `self.required` | error | §1e | 项目名称, 主管部门, 实施单位, 全年预算数, 全年执行数, indicator 分值 filled |
//! | `self.funds-sum` | warning | §5.4 | per column, 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金 |
//! | `self.execution-rate` | error | §2.2 | 执行率 = 全年执行数 / 全年预算数, rounded by policy |
//! | `self.execution-weight` | warning | §2.1 | the 预算执行率 分值 is the expected weight (10) |
//! | `self.execution-score` | error | §2.2 | 预算执行得分 = 分值 × 执行率, capped at 分值 |
//! | `self.score-cap` | error | §2.3, §2.4 | 得分 ≤ 分值 |
//! | `self.quantitative-score` | error | §2.3 | a 定量 indicator's 得分 follows 正向/反向/等于 |
//! | `self.actual-unit` | warning | §4 | 实际完成值 is in the unit of the target |
//! | `self.qualitative-band` | error | §2.4 | a 定性 indicator's 得分 lies in the band its 实际完成值 names |
//! | `self.deviation-reason` | error | §1b, §2.3 | an indicator below full marks has its 偏差原因 |
//! | `self.weight-sum` | error | §2.1, §5.6 | Σ indicator 分值 = 100 − execution weight |
//! | `self.total-weight` | error | §2.1 | 总分 row 分值 = 100 |
//! | `self.total-score` | error | §2.1, §5.6 | 总分 = Σ 得分 + 预算执行得分 |
//! | `self.grade` | error | §2.5 | 评分等级 matches 总分 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差) |
//! | `legacy.taxonomy` | error | §3.3 | 2020 目标表 (一级目标, 二级目标) is a pair of the 2020 set |
//! | `number.too-large` | error | — | the figures a rule computes with fit a decimal (no overflow) |
//!
//! The table is [`RULES`] in code; a test keeps both in step.

mod declaration;
mod indicators;
mod self_eval;

use crate::diag::{Diagnostic, Location, Severity};
use crate::model::{Document, Form, Source};
use crate::msg::check as msg;
use crate::score::ScoringOptions;
use serde::Serialize;

/// What a check run may be told: the scoring policy where sources disagree (DOMAIN §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Options {
    /// How 得分 are recomputed when the check compares them with the form's.
    pub scoring: ScoringOptions,
}

pub use crate::diag::Rule;
/// Every `check` rule, in the order of the module table; declared in [`crate::msg::rules`],
/// the registry of every diagnostic id.
pub use crate::msg::rules::CHECK_RULES as RULES;
pub use crate::msg::rules::{
    DECL_ANNUAL_EXCEEDS_PROJECT, DECL_ANNUAL_TOTAL_SUM, DECL_COST_CONTROL, DECL_DATE_FORMAT,
    DECL_DATE_ORDER, DECL_DATE_YEAR, DECL_PROJECT_TOTAL_ONE_YEAR, DECL_PROJECT_TOTAL_SUM,
    DECL_REQUIRED, FORM_BLANK, INDICATOR_LEVEL1_MISSING, INDICATOR_NO_COMPARATOR,
    INDICATOR_RATE_UNIT, INDICATOR_REQUIRED, INDICATOR_TAXONOMY, INDICATOR_TAXONOMY_MIXED,
    INDICATOR_UNIT_MISSING, INDICATOR_UNIT_UNKNOWN, INDICATOR_UNPARSED_TARGET, LEGACY_TAXONOMY,
    NUMBER_TOO_LARGE, SELF_ACTUAL_UNIT, SELF_DEVIATION_REASON, SELF_EXECUTION_RATE,
    SELF_EXECUTION_SCORE, SELF_EXECUTION_WEIGHT, SELF_FUNDS_SUM, SELF_GRADE, SELF_QUALITATIVE_BAND,
    SELF_QUANTITATIVE_SCORE, SELF_REQUIRED, SELF_SCORE_CAP, SELF_TOTAL_SCORE, SELF_TOTAL_WEIGHT,
    SELF_WEIGHT_SUM,
};

/// Checks every form of a document.
pub fn check_document(doc: &Document, opts: &Options) -> Vec<Diagnostic> {
    doc.forms.iter().flat_map(|f| check(f, opts)).collect()
}

/// Checks one form: every rule of its kind, every finding.
pub fn check(form: &Form, opts: &Options) -> Vec<Diagnostic> {
    let mut out = Findings::new(form.source());
    match form {
        Form::Declaration(d) => declaration::check(d, opts, &mut out),
        Form::SelfEvaluation(s) => self_eval::check(s, opts, &mut out),
        Form::Legacy2020(l) => indicators::check_legacy(l, &mut out),
    }
    out.list
}

/// The findings of one form, and where its fields stood.
struct Findings<'a> {
    source: Option<&'a Source>,
    list: Vec<Diagnostic>,
}

impl<'a> Findings<'a> {
    fn new(source: Option<&'a Source>) -> Self {
        Findings {
            source,
            list: Vec::new(),
        }
    }

    /// The location of a field: its flat-table cell for a form read from flat tables, its
    /// cell when the reader recorded it, else file and sheet.
    fn at(&self, path: &str) -> Option<Location> {
        let src = self.source?;
        if let Some(at) = src.table_cell(path) {
            return Some(Location::from(at));
        }
        Some(Location {
            file: src.file.clone(),
            sheet: Some(src.sheet.clone()),
            cell: src.cell(path).map(str::to_string),
        })
    }

    /// Records a finding of `rule` about the field at `path`.
    fn add(&mut self, rule: Rule, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        let mut d = Diagnostic::of(rule, message);
        d.at = self.at(path);
        self.list.push(d);
        let last = self.list.len() - 1;
        &mut self.list[last]
    }
}

/// The sum of input figures, `None` when it overflows (a finding, never a panic).
fn checked_sum(
    figures: impl IntoIterator<Item = rust_decimal::Decimal>,
) -> Option<rust_decimal::Decimal> {
    figures
        .into_iter()
        .try_fold(rust_decimal::Decimal::ZERO, |acc, x| acc.checked_add(x))
}

/// `number.too-large`: a rule could not compute `what` because the figures overflow.
fn too_large(out: &mut Findings, path: &str, what: &str) {
    out.add(NUMBER_TOO_LARGE, path, msg::too_large(what))
        .hint(msg::too_large_hint());
}

/// Builder-style setters on a recorded finding.
trait Detail {
    fn expected(&mut self, e: impl Into<String>) -> &mut Self;
    fn found(&mut self, f: impl Into<String>) -> &mut Self;
    fn hint(&mut self, h: impl Into<String>) -> &mut Self;
}

impl Detail for Diagnostic {
    fn expected(&mut self, e: impl Into<String>) -> &mut Self {
        self.expected = Some(e.into());
        self
    }
    fn found(&mut self, f: impl Into<String>) -> &mut Self {
        self.found = Some(f.into());
        self
    }
    fn hint(&mut self, h: impl Into<String>) -> &mut Self {
        self.hint = Some(h.into());
        self
    }
}

/// Counts by severity, for summaries and exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// How many [`Severity::Error`] findings.
    pub errors: usize,
    /// How many [`Severity::Warning`] findings.
    pub warnings: usize,
    /// How many [`Severity::Info`] findings.
    pub infos: usize,
}

impl Counts {
    /// The counts of a list of findings.
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut c = Counts::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }
}

#[cfg(test)]
mod tests;

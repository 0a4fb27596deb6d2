//! Rules on indicator tables, shared by 申报表 and 自评表 (DOMAIN §3, §4).

use super::{
    Detail, Findings, INDICATOR_LEVEL1_MISSING, INDICATOR_NO_COMPARATOR, INDICATOR_RATE_UNIT,
    INDICATOR_REQUIRED, INDICATOR_TAXONOMY, INDICATOR_TAXONOMY_MIXED, INDICATOR_UNIT_MISSING,
    INDICATOR_UNIT_UNKNOWN, INDICATOR_UNPARSED_TARGET, LEGACY_TAXONOMY,
};
use crate::model::field::{self, IndicatorPart};
use crate::model::{EvaluatedIndicator, Indicator, IndicatorValue, KNOWN_UNITS, Legacy2020};
use crate::msg::check as msg;
use crate::taxonomy::{self, TaxonomySet};

/// One indicator row as the shared rules see it.
pub(super) struct Row<'a> {
    pub level1: &'a str,
    pub level2: &'a str,
    pub name: &'a str,
    pub target: &'a IndicatorValue,
}

impl Row<'_> {
    /// A skeleton row: an empty 二级 the template lists anyway (宝山 2024, blank forms).
    pub fn is_skeleton(&self) -> bool {
        self.name.trim().is_empty() && self.target.is_blank()
    }
}

impl<'a> From<&'a Indicator> for Row<'a> {
    fn from(i: &'a Indicator) -> Self {
        Row {
            level1: &i.level1,
            level2: &i.level2,
            name: &i.name,
            target: &i.target,
        }
    }
}

impl<'a> From<&'a EvaluatedIndicator> for Row<'a> {
    fn from(i: &'a EvaluatedIndicator) -> Self {
        Row {
            level1: &i.level1,
            level2: &i.level2,
            name: &i.name,
            target: &i.target,
        }
    }
}

/// Runs every shared indicator rule.
pub(super) fn check(rows: &[Row], out: &mut Findings) {
    required(rows, out);
    taxonomy_pairs(rows, out);
    taxonomy_mixed(rows, out);
    level1_present(rows, out);
    for (i, row) in rows.iter().enumerate() {
        notation(i, row, out);
    }
}

/// `indicator.required` (DOMAIN §1c, §1e): a 三级 without its 指标值, or a value without its 三级.
fn required(rows: &[Row], out: &mut Findings) {
    for (i, row) in rows.iter().enumerate() {
        let named = !row.name.trim().is_empty();
        if named && row.target.is_blank() {
            out.add(
                INDICATOR_REQUIRED,
                &IndicatorPart::Target.of(i),
                msg::no_target(msg::indicator(i + 1, row.name.trim())),
            )
            .hint(msg::no_target_hint());
        } else if !named && !row.target.is_blank() {
            out.add(
                INDICATOR_REQUIRED,
                &IndicatorPart::Name.of(i),
                msg::target_without_name(i + 1, row.target.raw.trim()),
            );
        }
    }
}

/// `indicator.taxonomy` (DOMAIN §3.1, §3.2): every (一级, 二级) pair is one of the current or
/// the old set. A pair merged over several rows is reported once.
fn taxonomy_pairs(rows: &[Row], out: &mut Findings) {
    let mut seen: Vec<(String, String, Option<String>)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.level1.trim().is_empty() && row.level2.trim().is_empty() && row.is_skeleton() {
            continue;
        }
        if taxonomy::classify(row.level1, row.level2).is_none() {
            let path = IndicatorPart::Level2.of(i);
            let key = (
                row.level1.to_string(),
                row.level2.to_string(),
                out.at(&path).and_then(|l| l.cell),
            );
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let under = taxonomy::level1_of(TaxonomySet::Current, row.level2)
                .or_else(|| taxonomy::level1_of(TaxonomySet::Old, row.level2));
            let d = out.add(
                INDICATOR_TAXONOMY,
                &path,
                msg::taxonomy_pair(label(row.level1), label(row.level2)),
            );
            d.found(format!("{}/{}", label(row.level1), label(row.level2)));
            match under {
                Some(l1) => {
                    d.expected(format!("{l1}/{}", taxonomy::canonical(row.level2)))
                        .hint(msg::belongs_under(taxonomy::canonical(row.level2), l1));
                }
                None => {
                    let l2s = TaxonomySet::Current
                        .table()
                        .iter()
                        .chain(TaxonomySet::Old.table())
                        .find(|e| e.name == taxonomy::canonical(row.level1))
                        .map(|e| e.level2.join("、"));
                    if let Some(l2s) = l2s {
                        d.hint(msg::use_one_of(label(row.level1), l2s));
                    }
                }
            }
        }
    }
}

/// `indicator.taxonomy-mixed` (DOMAIN §3, §6.6): a form uses pairs only the old set has
/// (产出指标/成本指标) and pairs only the current set has (成本指标/经济成本指标).
fn taxonomy_mixed(rows: &[Row], out: &mut Findings) {
    let first = |set: TaxonomySet| {
        rows.iter().enumerate().find(|(_, r)| {
            taxonomy::classify(r.level1, r.level2).and_then(|s| s.only()) == Some(set)
        })
    };
    if let (Some((_, cur)), Some((i, old))) = (first(TaxonomySet::Current), first(TaxonomySet::Old))
    {
        let mapped = taxonomy::map_to_current(TaxonomySet::Old, old.level1, old.level2);
        let d = out.add(
            INDICATOR_TAXONOMY_MIXED,
            &IndicatorPart::Level2.of(i),
            msg::taxonomy_mixed(
                format!("{}/{}", label(old.level1), label(old.level2)),
                format!("{}/{}", label(cur.level1), label(cur.level2)),
            ),
        );
        if let Some(m) = mapped {
            d.hint(msg::in_current_set(
                format!("{}/{}", label(old.level1), label(old.level2)),
                format!("{}/{}", m.level1, m.level2),
            ));
        }
    }
}

/// `indicator.level1-missing` (DOMAIN §2.1, §3): 产出指标, 效益指标 and 满意度指标 each have at
/// least one 三级 (skeleton rows do not count).
fn level1_present(rows: &[Row], out: &mut Findings) {
    for level1 in ["产出指标", "效益指标", "满意度指标"] {
        let has = rows
            .iter()
            .any(|r| taxonomy::canonical(r.level1) == level1 && !r.name.trim().is_empty());
        if !has {
            let skeleton = rows
                .iter()
                .position(|r| taxonomy::canonical(r.level1) == level1);
            let path = skeleton
                .map(|i| IndicatorPart::Level1.of(i))
                .unwrap_or_else(|| field::INDICATORS.into());
            out.add(INDICATOR_LEVEL1_MISSING, &path, msg::level1_missing(level1))
                .hint(msg::level1_missing_hint(level1));
        }
    }
}

/// `indicator.unit-missing`, `indicator.unit-unknown`, `indicator.rate-unit` and
/// `indicator.no-comparator` (DOMAIN §4): the notation of a 定量 指标值.
fn notation(i: usize, row: &Row, out: &mut Findings) {
    let Some(q) = &row.target.quantity else {
        if row.target.looks_quantitative() {
            out.add(
                INDICATOR_UNPARSED_TARGET,
                &IndicatorPart::Target.of(i),
                msg::unparsed_target(msg::indicator(i + 1, row.name.trim())),
            )
            .found(msg::quoted(row.target.raw.trim()))
            .hint(msg::unparsed_target_hint());
        }
        return;
    };
    let path = IndicatorPart::Target.of(i);
    let raw = row.target.raw.trim();
    let indicator = msg::indicator(i + 1, row.name.trim());
    match q.unit.as_deref() {
        None => {
            out.add(INDICATOR_UNIT_MISSING, &path, msg::unit_missing(&indicator))
                .found(msg::quoted(raw))
                .hint(msg::unit_missing_hint());
        }
        Some(u) if !KNOWN_UNITS.contains(&u) => {
            out.add(
                INDICATOR_UNIT_UNKNOWN,
                &path,
                msg::unit_unknown(&indicator, u),
            )
            .found(msg::quoted(raw))
            .hint(msg::unit_unknown_hint());
        }
        Some(u) if is_rate(row.name) && !matches!(u, "%" | "‰" | "百分比") => {
            out.add(INDICATOR_RATE_UNIT, &path, msg::rate_unit(&indicator, u))
                .expected(msg::percentage())
                .found(msg::quoted(raw));
        }
        Some(_) => {}
    }
    if q.op.is_none() {
        out.add(
            INDICATOR_NO_COMPARATOR,
            &path,
            msg::no_comparator(&indicator, q.number),
        )
        .found(msg::quoted(raw))
        .hint(msg::no_comparator_hint(
            crate::model::Quantity {
                op: Some(crate::model::Comparator::Eq),
                ..q.clone()
            }
            .to_text(),
        ));
    }
}

/// A 三级 named as a rate: `…率` (完成率, 满足率, 覆盖率).
fn is_rate(name: &str) -> bool {
    name.trim().ends_with('率')
}

/// A label for messages: trimmed, whitespace removed, `(空)` when blank.
fn label(s: &str) -> String {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() { msg::blank() } else { t }
}

/// `legacy.taxonomy` (DOMAIN §3.3): the pairs of a 2020 目标表 are of the 2020 set.
pub(super) fn check_legacy(form: &Legacy2020, out: &mut Findings) {
    for (i, ind) in form.indicators.iter().enumerate() {
        if ind.level1.trim().is_empty() && ind.level2.trim().is_empty() {
            continue;
        }
        if !TaxonomySet::Legacy2020.contains(&ind.level1, &ind.level2) {
            out.add(
                LEGACY_TAXONOMY,
                &IndicatorPart::Level2.of(i),
                msg::legacy_pair(label(&ind.level1), label(&ind.level2)),
            );
        }
    }
}

//! Forms of past years → today's forms: the 2020 目标表 becomes a 申报表 (DOMAIN §3.4), and
//! indicator rows move between the older national set (§3.1) and the current one (§3.2).
//!
//! The sets and the §3.4 mapping are [`crate::taxonomy`]'s: a pair is moved only when that
//! module knows it, so `check` and `convert --taxonomy` agree on what belongs to which set (a
//! retyped 2020 label such as `产出/数量` is kept as printed and flagged, as `check` flags it).
//!
//! Pure functions on the model. Every row that moves keeps the 一级/二级 it was read with in
//! `source_level1/2`; rows with no true equivalent get a `review` note and a warning that points
//! at their cell; whatever the target form has no field for goes into its `notes`.

use crate::diag::{Diagnosed, Diagnostic, Location};
use crate::model::field::{DeclarationAmount, DeclarationText, Legacy2020Amount, Legacy2020Text};
use crate::model::{
    Declaration, DeclarationFunds, Document, EvaluatedIndicator, Form, Indicator, Legacy2020, Note,
    SelfEvaluation, Source,
};
use crate::taxonomy::{self, Mapping, TaxonomySet};
use std::collections::BTreeMap;

/// Where a row of a national form goes in `set` (DOMAIN §3.4): old 产出指标/成本指标 ⇄
/// 成本指标/经济成本指标 and the §3.1 variants. `None` when the pair is in neither national set,
/// or the set is no target (the 2020 set).
fn map(set: TaxonomySet, level1: &str, level2: &str) -> Option<Mapping> {
    match set {
        TaxonomySet::Current => taxonomy::map_to_current(TaxonomySet::Old, level1, level2),
        TaxonomySet::Old => taxonomy::map_to_old(level1, level2),
        TaxonomySet::Legacy2020 => None,
    }
}

const NO_EQUIVALENT: &str =
    "投入与管理 has no true equivalent in today's indicator sets (no 投入/过程 targets); review";
const DUPLICATES_EXECUTION: &str =
    "a 预算执行率 row duplicates the separate 10-point budget-execution item; review";

/// Converts a 2020 目标表 into a 申报表 with indicators in `taxonomy`.
///
/// 项目类别 (which held today's 项目性质) becomes `project_nature`, 申报单位名称 the
/// `implementing_unit`, 总目标及阶段性目标 both goals, 项目总预算 the project total and its
/// 其中：财政资金, 项目当年预算 the annual total and its 当年财政拨款 (the 2020 amounts are
/// 市级财政资金). 申报单位名称 and the narrative sections it shares with the district 申报表 are
/// its fields; 项目类别, 是否含有政府购买服务, 绩效类型, 总目标及阶段性目标 and all four amounts
/// go into `notes` as printed.
pub fn legacy_to_declaration(form: &Legacy2020, taxonomy: TaxonomySet) -> Diagnosed<Declaration> {
    let unit = form.unit.label();
    // As the forms print amounts (`500,000.00`), not the bare decimal (issue 11).
    let amount = |d: &Option<rust_decimal::Decimal>| d.map(crate::msg::amount).unwrap_or_default();
    use crate::layout::legacy_2020 as layout;
    use Legacy2020Text::*;
    // The fields the 申报表 has too (申报单位名称, 项目概况 … 项目实施计划) are its fields.
    let narrative = [Applicant, Overview, Basis, Necessity, Measures, Plan];
    let mut notes: Vec<Note> = layout::HEADER
        .iter()
        .chain(layout::NARRATIVE)
        .filter(|(id, _)| !matches!(id, ProjectName | PlannedStart | PlannedEnd))
        .filter(|(id, _)| !narrative.contains(id))
        .map(|(id, label)| Note {
            label: label.text.to_string(),
            text: id.get(form).clone(),
        })
        .collect();
    for (id, label) in layout::AMOUNTS {
        notes.push(Note {
            label: format!("{}（{unit}）", label.text),
            text: amount(id.get(form)),
        });
    }
    notes.retain(|n| !n.text.is_empty());

    let mut source = form.source.clone();
    if let Some(s) = &mut source {
        use DeclarationAmount as A;
        use DeclarationText as T;
        use Legacy2020Amount as LA;
        for (to, from) in [
            (T::ProjectNature.path(), ProjectCategory.path()),
            (T::ImplementingUnit.path(), Applicant.path()),
            (T::Applicant.path(), Applicant.path()),
            (T::OverallGoal.path(), Goals.path()),
            (T::AnnualGoal.path(), Goals.path()),
            (A::ProjectTotal.path(), LA::TotalBudget.path()),
            (A::ProjectFiscal.path(), LA::TotalBudget.path()),
            (A::AnnualTotal.path(), LA::CurrentBudget.path()),
            (A::AnnualFiscal.path(), LA::CurrentBudget.path()),
        ] {
            if let Some(cell) = s.cells.get(from).cloned() {
                s.cells.insert(to.to_string(), cell);
            }
        }
    }
    let mut declaration = Declaration {
        source,
        year: form.year,
        project_name: form.project_name.clone(),
        project_nature: Some(form.project_category.clone()),
        project_category: String::new(),
        department: String::new(),
        implementing_unit: form.applicant.clone(),
        planned_start: form.planned_start.clone(),
        planned_end: form.planned_end.clone(),
        funds: DeclarationFunds {
            unit: form.unit,
            project_total: form.total_budget,
            // The 2020 amounts are all 市级财政资金: 其中：财政资金 is the whole total, as
            // 其中：当年财政拨款 is the annual one.
            project_fiscal: form.total_budget,
            annual_total: form.current_budget,
            annual_fiscal: form.current_budget,
            ..DeclarationFunds::default()
        },
        overall_goal: form.goals.clone(),
        annual_goal: form.goals.clone(),
        applicant: form.applicant.clone(),
        overview: form.overview.clone(),
        basis: form.basis.clone(),
        necessity: form.necessity.clone(),
        measures: form.measures.clone(),
        plan: form.plan.clone(),
        indicators: form.indicators.clone(),
        notes,
        medium_term: None,
    };
    let mut diagnostics = Vec::new();
    for (i, row) in declaration.indicators.iter_mut().enumerate() {
        let at = row_location(declaration.source.as_ref(), INDICATORS, i);
        let (level1, level2) = (row.level1.clone(), row.level2.clone());
        let Some(Mapping {
            level1: l1,
            level2: l2,
            review,
        }) = taxonomy::map_to_current(TaxonomySet::Legacy2020, &level1, &level2)
        else {
            let mut d = Diagnostic::warning(
                crate::msg::rules::MIGRATE_UNKNOWN_LEVEL,
                crate::msg::migrate::unknown_level(&level1, &level2),
            )
            .hint(crate::msg::migrate::unknown_level_hint());
            d.at = at;
            diagnostics.push(d);
            row.review = Some(format!(
                "{level1}/{level2}: not in the 2020 set; kept as printed"
            ));
            continue;
        };
        set_levels(row.parts(), l1, l2);
        if review {
            row.review = Some(NO_EQUIVALENT.to_string());
        } else if row.name.contains("预算执行率") {
            row.review = Some(DUPLICATES_EXECUTION.to_string());
        }
        if let Some(why) = &row.review {
            let mut d = Diagnostic::warning(
                crate::msg::rules::MIGRATE_REVIEW,
                crate::msg::migrate::review(
                    format!("{level1}/{level2}"),
                    format!("{l1}/{l2}"),
                    &row.name,
                    why,
                ),
            );
            d.at = at.clone();
            diagnostics.push(d);
        }
    }
    if taxonomy == TaxonomySet::Old {
        diagnostics.extend(map_declaration(&mut declaration, TaxonomySet::Old));
    } else {
        sort_by_set(
            &mut declaration.indicators,
            &mut declaration.source,
            INDICATORS,
            taxonomy,
        );
    }
    if declaration.department.is_empty() {
        let mut d = Diagnostic::info(
            crate::msg::rules::MIGRATE_NO_DEPARTMENT,
            crate::msg::migrate::no_department(),
        )
        .hint(crate::msg::migrate::no_department_hint());
        d.at = declaration
            .source
            .as_ref()
            .map(|s| Location::file(s.file.clone()));
        diagnostics.push(d);
    }
    Diagnosed::new(declaration, diagnostics)
}

/// Moves a 申报表's indicator rows (both sides of an 88号 form) into `taxonomy` (old 产出指标/成本指标 ⇄ 成本指标/经济成本指标 and
/// the §3.1 variants) and orders them as that set prints them. Returns the warnings.
pub fn map_declaration(form: &mut Declaration, taxonomy: TaxonomySet) -> Vec<Diagnostic> {
    let mut diagnostics = map_rows(&mut form.indicators, &mut form.source, INDICATORS, taxonomy);
    if let Some(medium) = &mut form.medium_term {
        diagnostics.extend(map_rows(
            &mut medium.indicators,
            &mut form.source,
            MEDIUM_INDICATORS,
            taxonomy,
        ));
    }
    diagnostics
}

/// Moves a 自评表's indicator rows into `taxonomy` as [`map_declaration`] does a 申报表's: the
/// 2023 市级 自评表 is on the old set (成本指标 under 产出指标), today's 申报表 on the current one.
pub fn map_self_evaluation(form: &mut SelfEvaluation, taxonomy: TaxonomySet) -> Vec<Diagnostic> {
    map_rows(&mut form.indicators, &mut form.source, INDICATORS, taxonomy)
}

/// Which forms [`migrate_document`] moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forms {
    /// 目标表, 申报表 and 自评表: what `--taxonomy` asks for.
    All,
    /// 2020 目标表 only: a workbook's default. A 申报表 or 自评表 keeps the indicator set it was
    /// read with (宝山 2024 prints the old set, the 市级 forms the current one; issue 11): rows
    /// move only when a set is asked for. The 目标表 becomes a 申报表, whose rows are mapped.
    Legacy,
}

/// Converts the forms of a document in `scope` to `taxonomy`: 2020 目标表 become 申报表, and for
/// [`Forms::All`] the rows of 申报表 and 自评表 move between the sets. Every row that moves is
/// reported at its cell (`migrate.moved`).
pub fn migrate_document(
    doc: &Document,
    taxonomy: TaxonomySet,
    scope: Forms,
) -> Diagnosed<Document> {
    let mut diagnostics = Vec::new();
    let forms = doc
        .forms
        .iter()
        .map(|form| match form {
            Form::Legacy2020(l) => {
                let read = legacy_to_declaration(l, taxonomy);
                diagnostics.extend(read.diagnostics);
                Form::Declaration(read.value)
            }
            Form::Declaration(d) if scope == Forms::All => {
                let mut d = d.clone();
                diagnostics.extend(map_declaration(&mut d, taxonomy));
                Form::Declaration(d)
            }
            Form::SelfEvaluation(s) if scope == Forms::All => {
                let mut s = s.clone();
                diagnostics.extend(map_self_evaluation(&mut s, taxonomy));
                Form::SelfEvaluation(s)
            }
            other => other.clone(),
        })
        .collect();
    Diagnosed::new(
        Document {
            forms,
            ..doc.clone()
        },
        diagnostics,
    )
}

/// The field paths of a form's indicator rows in [`Source::cells`].
use crate::model::field::{INDICATORS, MEDIUM_INDICATORS};

/// An indicator row of either kind, as the mapping sees it.
trait Row: Clone {
    fn parts(&mut self) -> RowParts<'_>;
}

/// The fields a mapping reads and changes.
struct RowParts<'a> {
    name: &'a str,
    level1: &'a mut String,
    level2: &'a mut String,
    source_level1: &'a mut Option<String>,
    source_level2: &'a mut Option<String>,
    review: &'a mut Option<String>,
    /// The weight printed in the 一级 cell (自评表 only): it belongs to the 一级 the row leaves.
    level1_weight: Option<&'a mut Option<rust_decimal::Decimal>>,
}

/// [`Row`] for a model type with the mapped fields of [`Indicator`]; `$weight` gives its
/// `level1_weight` (the row bound to `$row`), if it has one.
macro_rules! impl_row {
    ($t:ty, |$row:ident| $weight:expr) => {
        impl Row for $t {
            fn parts(&mut self) -> RowParts<'_> {
                let $row = self;
                RowParts {
                    name: &$row.name,
                    level1: &mut $row.level1,
                    level2: &mut $row.level2,
                    source_level1: &mut $row.source_level1,
                    source_level2: &mut $row.source_level2,
                    review: &mut $row.review,
                    level1_weight: $weight,
                }
            }
        }
    };
}
impl_row!(Indicator, |row| None);
impl_row!(EvaluatedIndicator, |row| Some(&mut row.level1_weight));

/// Moves rows (recorded under `path` in the source) into `taxonomy`, then orders them.
fn map_rows<R: Row>(
    rows: &mut Vec<R>,
    source: &mut Option<Source>,
    path: &str,
    taxonomy: TaxonomySet,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for (i, row) in rows.iter_mut().enumerate() {
        let row = row.parts();
        let (level1, level2) = (row.level1.clone(), row.level2.clone());
        let Some(Mapping {
            level1: l1,
            level2: l2,
            review,
        }) = map(taxonomy, &level1, &level2)
        else {
            continue;
        };
        // A row already in the set keeps the text it was read with (line breaks and all).
        if taxonomy::normalize(&level1) == l1 && taxonomy::normalize(&level2) == l2 {
            continue;
        }
        let mut moved = Diagnostic::info(
            crate::msg::rules::MIGRATE_MOVED,
            crate::msg::migrate::moved(
                row.name,
                format!("{level1}/{level2}"),
                format!("{l1}/{l2}"),
            ),
        );
        moved.at = row_location(source.as_ref(), path, i);
        diagnostics.push(moved);
        if review {
            let why = format!(
                "{level2} has no place of its own in the older set; mapped to {l1}/{l2}; review"
            );
            let mut d = Diagnostic::warning(
                crate::msg::rules::MIGRATE_REVIEW,
                format!("{}: {why}", row.name),
            );
            d.at = row_location(source.as_ref(), path, i);
            diagnostics.push(d);
            *row.review = Some(why);
        }
        set_levels(row, l1, l2);
    }
    sort_by_set(rows, source, path, taxonomy);
    diagnostics
}

fn set_levels(p: RowParts, level1: &str, level2: &str) {
    if *p.level1 == level1 && *p.level2 == level2 {
        return;
    }
    p.source_level1.get_or_insert_with(|| p.level1.clone());
    p.source_level2.get_or_insert_with(|| p.level2.clone());
    if *p.level1 != level1
        && let Some(weight) = p.level1_weight
    {
        *weight = None;
    }
    *p.level1 = level1.to_string();
    *p.level2 = level2.to_string();
}

fn row_location(source: Option<&Source>, path: &str, i: usize) -> Option<Location> {
    let s = source?;
    let cell = s
        .cell(&format!("{path}[{i}].level2"))
        .or_else(|| s.cell(&format!("{path}[{i}]")))?;
    Some(Location::cell(s.file.clone(), s.sheet.clone(), cell))
}

/// Orders rows as the set prints its 一级 and 二级 (stable: rows of one 二级 keep their order;
/// rows outside the set go last), and renumbers the rows' recorded cells to match.
fn sort_by_set<R: Row>(
    rows: &mut Vec<R>,
    source: &mut Option<Source>,
    path: &str,
    taxonomy: TaxonomySet,
) {
    let set = taxonomy.table();
    let keys: Vec<(usize, usize)> = rows
        .iter_mut()
        .map(|row| {
            let row = row.parts();
            let (l1, l2) = (
                taxonomy::canonical(row.level1),
                taxonomy::canonical(row.level2),
            );
            let i1 = set.iter().position(|e| e.name == l1);
            let i2 = i1.and_then(|i| set[i].level2.iter().position(|x| *x == l2));
            (i1.unwrap_or(usize::MAX), i2.unwrap_or(usize::MAX))
        })
        .collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    if order.iter().enumerate().all(|(new, &old)| new == old) {
        return;
    }
    let old_rows = std::mem::take(rows);
    *rows = order.iter().map(|&i| old_rows[i].clone()).collect();
    if let Some(source) = source {
        let renumber: BTreeMap<usize, usize> = order
            .iter()
            .enumerate()
            .map(|(new, &old)| (old, new))
            .collect();
        let cells = std::mem::take(&mut source.cells);
        source.cells = cells
            .into_iter()
            .map(|(p, cell)| (renumber_path(&p, path, &renumber), cell))
            .collect();
    }
}

/// `indicators[3].target` → `indicators[0].target` when row 3 of `indicators` became row 0.
fn renumber_path(path: &str, rows: &str, renumber: &BTreeMap<usize, usize>) -> String {
    let Some(rest) = path
        .strip_prefix(rows)
        .and_then(|rest| rest.strip_prefix('['))
    else {
        return path.to_string();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return path.to_string();
    };
    match index.parse::<usize>().ok().and_then(|i| renumber.get(&i)) {
        Some(new) => format!("{rows}[{new}]{tail}"),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legacy() -> Legacy2020 {
        Legacy2020 {
            year: Some(2020),
            project_name: "合作交流工作业务费".into(),
            project_category: "经常性专项业务费".into(),
            overview: "概况".into(),
            prior_budget: Some("760000".parse().unwrap()),
            indicators: vec![
                Indicator::new("投入与管理", "投入管理", "预算资金到位率", ">=90%"),
                Indicator::new("投入与管理", "实施管理", "实施流程规范性", "完整"),
                Indicator::new("产出目标", "数量", "预算执行率", ">=90%"),
                Indicator::new("产出目标", "时效", "项目启动及时性", "及时"),
                Indicator::new("效果目标", "满意度", "服务对象满意度", ">=90%"),
                Indicator::new("影响力目标", "长效管理", "长效机制建立情况", "建立"),
            ],
            ..Legacy2020::default()
        }
    }

    fn levels(d: &Declaration) -> Vec<(&str, &str, &str, bool)> {
        d.indicators
            .iter()
            .map(|i| {
                (
                    i.level1.as_str(),
                    i.level2.as_str(),
                    i.name.as_str(),
                    i.review.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn maps_the_2020_set_onto_the_current_one() {
        let read = legacy_to_declaration(&legacy(), TaxonomySet::Current);
        let d = &read.value;
        assert_eq!(
            levels(d),
            [
                ("成本指标", "经济成本指标", "预算资金到位率", true),
                ("产出指标", "数量指标", "预算执行率", true),
                ("产出指标", "质量指标", "实施流程规范性", true),
                ("产出指标", "时效指标", "项目启动及时性", false),
                ("效益指标", "可持续影响指标", "长效机制建立情况", false),
                ("满意度指标", "服务对象满意度指标", "服务对象满意度", false),
            ]
        );
        assert_eq!(d.indicators[0].source_level1.as_deref(), Some("投入与管理"));
        assert_eq!(d.indicators[0].source_level2.as_deref(), Some("投入管理"));
        assert_eq!(d.project_nature.as_deref(), Some("经常性专项业务费"));
        assert!(d.notes.contains(&Note {
            label: "同名项目上年预算额（元）".into(),
            // As the forms print amounts (issue 11).
            text: "760,000.00".into()
        }));
        // A block the 申报表 has too is its field, not a note.
        assert_eq!(d.overview, "概况");
        assert!(d.notes.iter().all(|n| n.label != "项目概况"));
        let reviews = read
            .diagnostics
            .iter()
            .filter(|d| d.rule == "migrate.review")
            .count();
        assert_eq!(reviews, 3);
    }

    #[test]
    fn maps_the_2020_set_onto_the_old_national_one() {
        let d = legacy_to_declaration(&legacy(), TaxonomySet::Old).value;
        assert_eq!(
            levels(&d)[..4],
            [
                ("产出指标", "数量指标", "预算执行率", true),
                ("产出指标", "质量指标", "实施流程规范性", true),
                ("产出指标", "时效指标", "项目启动及时性", false),
                ("产出指标", "成本指标", "预算资金到位率", true),
            ]
        );
        // The row remembers what the 2020 form printed, not the intermediate set.
        assert_eq!(d.indicators[3].source_level1.as_deref(), Some("投入与管理"));
    }

    #[test]
    fn moves_old_national_cost_rows_under_the_current_cost_heading() {
        let mut d = Declaration {
            indicators: vec![
                Indicator::new("产出指标", "数量指标", "a", ""),
                Indicator::new("产出指标", "成本指标", "b", ""),
                Indicator::new("效益指标", "环境效益指标", "c", ""),
            ],
            ..Declaration::default()
        };
        // Every moved row is reported (issue 11): b to 成本指标, c to 生态效益指标.
        let moved: Vec<String> = map_declaration(&mut d, TaxonomySet::Current)
            .iter()
            .map(|d| format!("{}: {}", d.rule, d.message))
            .collect();
        assert_eq!(
            moved,
            [
                "migrate.moved: 指标「b」由 产出指标/成本指标 移至 成本指标/经济成本指标",
                "migrate.moved: 指标「c」由 效益指标/环境效益指标 移至 效益指标/生态效益指标",
            ]
        );
        assert_eq!(
            levels(&d),
            [
                ("成本指标", "经济成本指标", "b", false),
                ("产出指标", "数量指标", "a", false),
                ("效益指标", "生态效益指标", "c", false),
            ]
        );
        assert_eq!(d.indicators[0].source_level2.as_deref(), Some("成本指标"));
        let diags = map_declaration(&mut d, TaxonomySet::Old);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].rule, "migrate.moved");
        assert_eq!(d.indicators[1].level2, "成本指标");
        assert_eq!(d.indicators[1].source_level2.as_deref(), Some("成本指标"));
    }

    #[test]
    fn moves_self_evaluation_rows_with_a_review_where_the_old_set_has_no_place() {
        let row = |l1: &str, l2: &str, name: &str| EvaluatedIndicator {
            level1: l1.into(),
            level2: l2.into(),
            name: name.into(),
            ..EvaluatedIndicator::default()
        };
        let mut s = SelfEvaluation {
            indicators: vec![
                row("产出指标", "数量指标", "a"),
                row("成本指标", "社会成本指标", "b"),
            ],
            ..SelfEvaluation::default()
        };
        let diags = map_self_evaluation(&mut s, TaxonomySet::Old);
        let rules: Vec<&str> = diags.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(rules, ["migrate.moved", "migrate.review"]);
        let b = &s.indicators[1];
        assert_eq!(
            (b.level1.as_str(), b.level2.as_str()),
            ("产出指标", "成本指标")
        );
        assert_eq!(b.source_level2.as_deref(), Some("社会成本指标"));
        assert!(b.review.is_some());
    }

    #[test]
    fn renumbers_recorded_cells() {
        let map = BTreeMap::from([(3, 0)]);
        assert_eq!(
            renumber_path("indicators[3].target", "indicators", &map),
            "indicators[0].target"
        );
        assert_eq!(
            renumber_path("indicators[3]", "indicators", &map),
            "indicators[0]"
        );
        assert_eq!(
            renumber_path("project_name", "indicators", &map),
            "project_name"
        );
    }
}

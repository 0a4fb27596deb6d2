//! Office profiles: what every form of one office shares, in a small TOML file
//! (`templates/offices/*.toml`), so `jixiao template` can fill the header of new forms.
//!
//! TOML because a profile is written and read by people: comments say what each key means, and
//! the Chinese values need no escaping. Keys are English (each also accepted under its Chinese
//! label, quoted as TOML wants: `"主管部门" = "…"`).
//!
//! ```toml
//! department = "上海市人民政府合作交流办公室"      # 主管部门
//! implementing_unit = "上海市人民政府驻新疆办事处"  # 实施单位
//! layout = "official"        # official | baoshan | declaration-88
//! indicator_set = "current"  # current | old ("older" is read as old)
//!
//! [defaults]
//! project_nature = "经常性专项业务费"  # 项目性质, when the project list leaves it blank
//! project_category = "特定目标类"      # 项目类别
//! planned_start = "{year}-01-01"       # 计划开始日期; {year} is the form's year
//! planned_end = "{year}-12-31"         # 计划完成日期
//!
//! [funds]
//! carryover_and_other = "zero"  # zero | blank: 上年结转资金 and 其他资金 when not given
//! project_side = "blank"        # blank | annual: 项目资金总额 and 其中：财政资金
//! ```

use crate::diag::{Error, Result};
use crate::model::{LayoutId, PrintedLayout, Source};
use crate::taxonomy::TaxonomySet;
use serde::{Deserialize, Serialize};
#[cfg(not(target_family = "wasm"))]
use std::path::Path;

/// One office's profile.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// 主管部门
    #[serde(alias = "主管部门")]
    pub department: String,
    /// 实施单位
    #[serde(alias = "实施单位")]
    pub implementing_unit: String,
    /// `layout` (版式): which 申报表 layout the office prints; default the official one.
    #[serde(default, alias = "版式")]
    pub layout: LayoutVariant,
    /// `indicator_set` (指标体系): the indicator set new forms use (DOMAIN §3); default the
    /// current one.
    #[serde(default, alias = "指标体系")]
    pub indicator_set: TaxonomySet,
    /// `[defaults]` (默认值): the text fields a project list may leave blank.
    #[serde(default, alias = "默认值")]
    pub defaults: Defaults,
    /// `[funds]` (资金): how the amounts a project list does not give are filled.
    #[serde(default, alias = "资金")]
    pub funds: FundsDefaults,
}

/// Which 申报表 layout the office prints.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum LayoutVariant {
    /// The official 8-column Shanghai form (DOMAIN §1c): 项目性质 printed; the indicator table
    /// lists the 二级 a form uses.
    #[default]
    Official,
    /// The 宝山 district form (seed 004): no 项目性质, and every 二级 of the indicator set is
    /// printed, with an empty row where the form has no 三级 under it.
    Baoshan,
    /// The national 88号 form (DOMAIN §1a): 中期 and 年度 side by side, 项目属性 and 项目期.
    #[serde(rename = "declaration-88", alias = "declaration_88")]
    Declaration88,
}

impl LayoutVariant {
    /// Whether the form prints the 项目性质 field.
    pub fn has_project_nature(self) -> bool {
        matches!(self, LayoutVariant::Official | LayoutVariant::Declaration88)
    }

    /// Whether the form prints a 中期 side (the 88号 form): its forms carry one, blank or not.
    pub fn has_medium_term(self) -> bool {
        matches!(self, LayoutVariant::Declaration88)
    }

    /// The variant of a layout name (`official`, `baoshan`, `declaration-88`), as in a profile.
    pub fn from_name(name: &str) -> Option<LayoutVariant> {
        let quoted = format!("{:?}", name.trim());
        serde_json::from_str(&quoted).ok()
    }

    /// Whether every 二级 of the set is printed, with an empty row when nothing is under it.
    pub fn prints_every_level2(self) -> bool {
        matches!(self, LayoutVariant::Baoshan)
    }

    /// The layout the office's 申报表 are printed in: `None` for the official form; for 宝山
    /// the official grid without 项目性质 and with its own labels (seed 004):
    /// `项目总目标 (2024年-2024年)`, `年度总目标`, `年度指标值`.
    pub fn printed(self) -> Option<PrintedLayout> {
        use crate::model::field::DeclarationText::{AnnualGoal, OverallGoal, ProjectNature};
        match self {
            LayoutVariant::Official => None,
            LayoutVariant::Baoshan => Some(PrintedLayout {
                id: LayoutId::Declaration8,
                labels: [
                    (OverallGoal.path(), "项目总目标 ({year}年-{year}年)"),
                    (AnnualGoal.path(), "年度总目标"),
                    (crate::layout::sheets::slot::TABLE_TARGET, "年度指标值"),
                ]
                .into_iter()
                .map(|(slot, label)| (slot.to_string(), label.to_string()))
                .collect(),
                absent: vec![ProjectNature.path().to_string()],
                from_profile: true,
                ..PrintedLayout::default()
            }),
            LayoutVariant::Declaration88 => Some(PrintedLayout {
                id: LayoutId::Declaration88,
                from_profile: true,
                ..PrintedLayout::default()
            }),
        }
    }

    /// A form's source that says only the layout it is printed in (a new form of the office).
    pub fn source(self) -> Option<Source> {
        self.printed().map(|layout| Source {
            layout: Some(layout),
            ..Source::default()
        })
    }
}

/// Values for fields a project list leaves blank.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// 项目性质
    #[serde(default, alias = "项目性质")]
    pub project_nature: Option<String>,
    /// 项目类别
    #[serde(default, alias = "项目类别")]
    pub project_category: Option<String>,
    /// 计划开始日期; `{year}` stands for the form's year. Default `{year}-01-01`.
    #[serde(default, alias = "计划开始日期")]
    pub planned_start: Option<String>,
    /// 计划完成日期. Default `{year}-12-31`.
    #[serde(default, alias = "计划完成日期")]
    pub planned_end: Option<String>,
}

impl Defaults {
    /// 计划开始日期 for `year`.
    pub fn planned_start(&self, year: i32) -> String {
        with_year(
            self.planned_start.as_deref().unwrap_or("{year}-01-01"),
            year,
        )
    }

    /// 计划完成日期 for `year`.
    pub fn planned_end(&self, year: i32) -> String {
        with_year(self.planned_end.as_deref().unwrap_or("{year}-12-31"), year)
    }
}

fn with_year(pattern: &str, year: i32) -> String {
    pattern.replace("{year}", &year.to_string())
}

/// How the amounts a project list does not give are filled from 年度资金申请总额.
/// 其中：当年财政拨款 always defaults to 年度资金申请总额.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct FundsDefaults {
    /// `carryover_and_other`: 上年结转资金 and 其他资金 when not given.
    #[serde(default)]
    pub carryover_and_other: WhenAbsent,
    /// `project_side`: 项目资金总额 and 其中：财政资金 when not given.
    #[serde(default)]
    pub project_side: ProjectSide,
}

/// 上年结转资金 and 其他资金 when not given: `0.00` (the 驻外办 forms) or blank (宝山).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum WhenAbsent {
    /// `zero`: `0.00` in both.
    #[default]
    Zero,
    /// `blank`: both left blank.
    Blank,
}

/// 项目资金总额 and 其中：财政资金 when not given: blank (the 驻外办 forms leave the
/// whole-project column empty) or the annual amounts (宝山, one-year projects).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum ProjectSide {
    /// `blank`: both left blank.
    #[default]
    Blank,
    /// `annual`: 项目资金总额 = 年度资金申请总额, and 其中：财政资金 = 项目资金总额 (a one-year
    /// project all from the budget).
    Annual,
}

impl Profile {
    /// Parses a profile from TOML text; `shown` names it in errors.
    ///
    /// # Errors
    /// [`Error::Unreadable`] with the line and column of the problem (unknown keys included, so
    /// a misspelt key is not silently ignored).
    pub fn from_toml(text: &str, shown: &str) -> Result<Profile> {
        toml::from_str(text).map_err(|e| {
            let place = e
                .span()
                .map(|s| {
                    let line = text[..s.start].matches('\n').count() + 1;
                    crate::msg::migrate::profile_line(line)
                })
                .unwrap_or_default();
            Error::unreadable(
                shown,
                crate::msg::migrate::not_a_profile(place, e.message()),
            )
            .with_hint(crate::msg::migrate::not_a_profile_hint())
            .because(e)
        })
    }

    /// Reads a profile file.
    #[cfg(not(target_family = "wasm"))]
    ///
    /// # Errors
    /// [`Error::Unreadable`] when the file cannot be read or is not a profile.
    pub fn read(path: &Path) -> Result<Profile> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::unreadable(&shown, crate::msg::flat::cannot_read(crate::msg::io(&e))).because(e)
        })?;
        Profile::from_toml(&text, &shown)
    }
}

/// Fills what a form left blank from an office profile (`convert --profile`, issue 11): the
/// 主管部门 (`department`) and, where the profile gives one, the 项目类别
/// (`[defaults] project_category`) of every 申报表 — a converted 2020 目标表 has neither. Each
/// filled field is reported (`profile.filled`), at its cell where the form records one.
pub fn fill_blanks(
    doc: &mut crate::model::Document,
    profile: &Profile,
) -> Vec<crate::diag::Diagnostic> {
    use crate::diag::{Diagnostic, Location};
    use crate::layout::declaration::text_label;
    use crate::model::Form;
    use crate::model::field::DeclarationText::{Department, ProjectCategory};
    let mut out = Vec::new();
    for form in &mut doc.forms {
        let Form::Declaration(d) = form else { continue };
        let fills = [
            (Department, Some(profile.department.as_str())),
            (
                ProjectCategory,
                profile.defaults.project_category.as_deref(),
            ),
        ];
        for (field, value) in fills {
            let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
                continue;
            };
            if !d.text(field).unwrap_or_default().trim().is_empty() {
                continue;
            }
            d.set_text(field, value.to_string());
            let (path, label) = (field.path(), text_label(field));
            let mut diag = Diagnostic::info(
                crate::msg::rules::PROFILE_FILLED,
                crate::msg::migrate::filled_from_profile(label, value),
            );
            diag.at = d.source.as_ref().map(|s| Location {
                file: s.file.clone(),
                sheet: Some(s.sheet.clone()),
                cell: s.cell(path).map(str::to_string),
            });
            out.push(diag);
        }
    }
    out
}

/// The office profiles shipped inside the binary (`templates/offices/*.toml`), by name: a clerk
/// writes `--profile xinjiang` without a checkout of the source tree.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("baoshan", include_str!("../templates/offices/baoshan.toml")),
    ("xining", include_str!("../templates/offices/xining.toml")),
    (
        "xinjiang",
        include_str!("../templates/offices/xinjiang.toml"),
    ),
    ("xizang", include_str!("../templates/offices/xizang.toml")),
];

impl Profile {
    /// A built-in profile by name (`xinjiang`), case-insensitive.
    ///
    /// # Errors
    /// [`Error::Unreadable`] naming the built-in profiles when `name` is none of them.
    pub fn built_in(name: &str) -> Result<Profile> {
        let wanted = name.trim().to_lowercase();
        match BUILT_IN.iter().find(|(n, _)| *n == wanted) {
            Some((n, text)) => Profile::from_toml(text, &format!("{n} (built-in)")),
            None => Err(Error::unreadable(
                name,
                crate::msg::review::unknown_profile(built_in_names()),
            )
            .with_hint(crate::msg::review::unknown_profile_hint())),
        }
    }

    /// The first line of a built-in profile's comment: who the office is.
    pub fn describe_built_in(text: &str) -> &str {
        text.lines()
            .next()
            .map(|l| l.trim_start_matches('#').trim())
            .unwrap_or("")
    }
}

/// `baoshan, xining, xinjiang, xizang`.
pub fn built_in_names() -> String {
    BUILT_IN
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_15_built_in_profiles_parse_and_are_named() {
        for (name, text) in BUILT_IN {
            let p = Profile::built_in(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!p.department.is_empty(), "{name}");
            assert!(!Profile::describe_built_in(text).is_empty(), "{name}");
        }
        let x = Profile::built_in("XinJiang").unwrap();
        assert_eq!(x.implementing_unit, "上海市人民政府驻新疆办事处");
        let e = crate::msg::with_lang(crate::msg::Lang::Zh, || {
            Profile::built_in("shanghai").unwrap_err().to_string()
        });
        assert!(
            e.contains("没有名为该名称的内置配置：可选 baoshan, xining, xinjiang, xizang"),
            "{e}"
        );
    }

    #[test]
    fn reads_a_profile_with_defaults_for_what_it_leaves_out() {
        let p = Profile::from_toml(
            "department = \"上海市人民政府合作交流办公室\"\nimplementing_unit = \"上海市人民政府驻新疆办事处\"\n",
            "p.toml",
        )
        .unwrap();
        assert_eq!(p.layout, LayoutVariant::Official);
        assert_eq!(p.indicator_set, TaxonomySet::Current);
        assert_eq!(p.defaults.planned_start(2026), "2026-01-01");
        assert_eq!(p.defaults.planned_end(2026), "2026-12-31");
        assert_eq!(p.funds.carryover_and_other, WhenAbsent::Zero);
    }

    #[test]
    fn takes_chinese_keys_and_refuses_unknown_ones() {
        let p = Profile::from_toml(
            "\"主管部门\" = \"上海市宝山区人民政府办公室\"\n\"实施单位\" = \"上海市宝山区人民政府办公室\"\nlayout = \"baoshan\"\nindicator_set = \"older\"\n",
            "p.toml",
        )
        .unwrap();
        assert!(!p.layout.has_project_nature());
        assert!(p.layout.prints_every_level2());
        // `older`, the spelling of earlier profiles, and `old`, the command line's, are one set.
        assert_eq!(p.indicator_set, TaxonomySet::Old);
        let now = Profile::from_toml(
            "department = \"a\"\nimplementing_unit = \"b\"\nindicator_set = \"old\"\n",
            "p.toml",
        )
        .unwrap();
        assert_eq!(now.indicator_set, TaxonomySet::Old);
        let legacy =
            "department = \"a\"\nimplementing_unit = \"b\"\nindicator_set = \"legacy_2020\"\n";
        assert!(Profile::from_toml(legacy, "p.toml").is_err());
        let bad = "department = \"a\"\nimplementing_unit = \"b\"\nlayuot = \"official\"\n";
        let e = Profile::from_toml(bad, "p.toml").unwrap_err().to_string();
        assert!(
            e.starts_with("p.toml: 第 3 行：不是单位配置文件：unknown field `layuot`"),
            "{e}"
        );
        let e = crate::msg::with_lang(crate::msg::Lang::En, || {
            Profile::from_toml(bad, "p.toml").unwrap_err().to_string()
        });
        assert!(
            e.starts_with("p.toml: line 3: not an office profile: unknown field `layuot`"),
            "{e}"
        );
    }

    #[test]
    fn every_shipped_office_profile_reads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/offices");
        let mut read = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                Profile::read(&path).unwrap_or_else(|e| panic!("{e}"));
                read += 1;
            }
        }
        assert_eq!(read, 4);
    }
}

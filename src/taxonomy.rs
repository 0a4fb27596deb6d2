//! The indicator taxonomies: which 一级/二级 pairs a form may use (DOMAIN §3).
//!
//! Three sets are in use, and real forms carry all of them:
//!
//! | set | where | 一级 |
//! |---|---|---|
//! | [`TaxonomySet::Old`] (§3.1) | 财预〔2015〕88号; 宝山 2024, 市级 2023 自评表 | 产出 (incl. 成本指标), 效益, 满意度 |
//! | [`TaxonomySet::Current`] (§3.2) | 财预〔2021〕101号; 市级 申报表 from 2024 | 成本, 产出, 效益, 满意度 |
//! | [`TaxonomySet::Legacy2020`] (§3.3) | Shanghai 2020 目标表 | 投入与管理, 产出目标, 效果目标, 影响力目标 |
//!
//! Labels are compared after [`normalize`]: all whitespace (including the line breaks of
//! wrapped cells, `经济效益\n指标`) is dropped, and a trailing weight such as `(50分)` or
//! `（30分）` is cut off (`产出指标(50分)`, DOMAIN §1b). Known variants
//! (`环境效益指标` = 生态效益指标, `社会公众或服务对象满意度指标` = 服务对象满意度指标) are
//! accepted wherever their canonical label is.
//!
//! [`map_to_current`] carries a pair of the old or the legacy set over to the current set
//! (DOMAIN §3.4), saying when the mapping is only an approximation that a person should review.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the indicator sets of DOMAIN §3: the one name of a set in the library, in office
/// profiles (`indicator_set = "old"`, formerly `"older"`, still accepted) and on the command
/// line (`--taxonomy old`). Forms are converted to `Old` or `Current`; `Legacy2020` is read only.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum TaxonomySet {
    /// 财预〔2015〕88号 (DOMAIN §3.1): 成本指标 is a 二级 under 产出指标.
    #[serde(alias = "older")]
    #[cfg_attr(feature = "cli", value(alias = "older"))]
    Old,
    /// 财预〔2021〕101号 (DOMAIN §3.2): 成本指标 is a 一级 (Shanghai 申报表 from 2024).
    #[default]
    Current,
    /// The Shanghai 2020 目标表 set, DOMAIN §3.3 (一级目标 / 二级目标); never a target.
    #[serde(skip)]
    #[cfg_attr(feature = "cli", value(skip))]
    Legacy2020,
}

impl TaxonomySet {
    /// The 一级 → 二级 table of the set.
    pub fn table(self) -> &'static [Level1] {
        match self {
            TaxonomySet::Old => OLD,
            TaxonomySet::Current => CURRENT,
            TaxonomySet::Legacy2020 => LEGACY_2020,
        }
    }

    /// A short name for messages.
    pub fn label(self) -> &'static str {
        match self {
            TaxonomySet::Old => "old set (财预〔2015〕88号)",
            TaxonomySet::Current => "current set (财预〔2021〕101号)",
            TaxonomySet::Legacy2020 => "2020 目标表 set",
        }
    }

    /// Whether the set holds the pair (after [`normalize`] and the variants).
    pub fn contains(self, level1: &str, level2: &str) -> bool {
        let (l1, l2) = (canonical(level1), canonical(level2));
        self.table()
            .iter()
            .any(|e| e.name == l1 && e.level2.contains(&l2.as_str()))
    }

    /// Whether the set has this 一级.
    pub fn has_level1(self, level1: &str) -> bool {
        let l1 = canonical(level1);
        self.table().iter().any(|e| e.name == l1)
    }
}

impl fmt::Display for TaxonomySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A 一级 and the 二级 it admits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level1 {
    /// The 一级 as the set spells it (`产出指标`).
    pub name: &'static str,
    /// Its 二级, in the set's order (`数量指标`, `质量指标`, …).
    pub level2: &'static [&'static str],
}

/// DOMAIN §3.1, the old national set (SRC-FASP-LIB, SRC-LUAN, SRC-XT, seed 004).
pub const OLD: &[Level1] = &[
    Level1 {
        name: "产出指标",
        level2: &["数量指标", "质量指标", "时效指标", "成本指标"],
    },
    Level1 {
        name: "效益指标",
        level2: &[
            "经济效益指标",
            "社会效益指标",
            "生态效益指标",
            "可持续影响指标",
        ],
    },
    Level1 {
        name: "满意度指标",
        level2: &["服务对象满意度指标"],
    },
];

/// DOMAIN §3.2, the current set (财预〔2021〕101号; seeds 000, 002).
pub const CURRENT: &[Level1] = &[
    Level1 {
        name: "成本指标",
        level2: &["经济成本指标", "社会成本指标", "生态环境成本指标"],
    },
    Level1 {
        name: "产出指标",
        level2: &["数量指标", "质量指标", "时效指标"],
    },
    Level1 {
        name: "效益指标",
        level2: &[
            "经济效益指标",
            "社会效益指标",
            "生态效益指标",
            "可持续影响指标",
        ],
    },
    Level1 {
        name: "满意度指标",
        level2: &["服务对象满意度指标"],
    },
];

/// DOMAIN §3.3, the Shanghai 2020 set (seed 003), including the 二级 marked "possible".
pub const LEGACY_2020: &[Level1] = &[
    Level1 {
        name: "投入与管理",
        level2: &["投入管理", "财务管理", "实施管理"],
    },
    Level1 {
        name: "产出目标",
        level2: &["数量", "质量", "时效", "成本"],
    },
    Level1 {
        name: "效果目标",
        level2: &["经济效益", "社会效益", "满意度", "生态效益"],
    },
    Level1 {
        name: "影响力目标",
        level2: &["长效管理", "人力资源", "部门协助", "信息共享"],
    },
];

/// Labels printed instead of a canonical one (DOMAIN §3.1 variants): `(variant, canonical)`.
pub const VARIANTS: &[(&str, &str)] = &[
    ("环境效益指标", "生态效益指标"),
    ("社会公众或服务对象满意度指标", "服务对象满意度指标"),
];

/// A 一级/二级 label as the sets are compared with: the labels' own normaliser
/// ([`crate::layout::normalized_label`]: no whitespace, half-width colon, brackets, slash and
/// comma, no tags or trailing colon), then without a trailing weight in brackets
/// (`产出指标（50分）` → `产出指标`).
pub fn normalize(label: &str) -> String {
    let s = crate::layout::normalized_label(label);
    match split_weight(&s) {
        Some((stem, _)) => stem.to_string(),
        None => s.into_owned(),
    }
}

/// Splits the weight the national 自评表 prints inside a 一级 cell (DOMAIN §1b):
/// `产出指标(50分)` → (`产出指标`, `50`), full-width brackets too. `None` when the label ends in
/// no such weight. Whitespace is left as it is: the caller decides (see [`normalize`]).
pub fn split_weight(label: &str) -> Option<(&str, &str)> {
    let s = label.trim_end();
    for open in ['(', '（'] {
        if let Some(i) = s.rfind(open) {
            let tail = &s[i + open.len_utf8()..];
            let Some(inner) = tail.strip_suffix([')', '）']) else {
                continue;
            };
            if let Some(number) = inner.trim().strip_suffix('分').map(str::trim_end)
                && !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit() || c == '.')
            {
                return Some((s[..i].trim_end(), number));
            }
        }
    }
    None
}

/// [`normalize`], then the canonical label for a known variant.
pub fn canonical(label: &str) -> String {
    let n = normalize(label);
    VARIANTS
        .iter()
        .find(|(v, _)| *v == n)
        .map(|(_, c)| (*c).to_string())
        .unwrap_or(n)
}

/// The sets a (一级, 二级) pair belongs to. A pair can be in several: `产出指标/数量指标` is in
/// both the old and the current set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sets {
    /// In the older national set (DOMAIN §3.1).
    pub old: bool,
    /// In the current set (DOMAIN §3.2).
    pub current: bool,
    /// In the Shanghai 2020 set (DOMAIN §3.3).
    pub legacy2020: bool,
}

impl Sets {
    /// Whether the pair belongs to `set`.
    pub fn contains(self, set: TaxonomySet) -> bool {
        match set {
            TaxonomySet::Old => self.old,
            TaxonomySet::Current => self.current,
            TaxonomySet::Legacy2020 => self.legacy2020,
        }
    }

    /// Whether the pair is in no known set (a 一级/二级 the forms' sets do not have).
    pub fn is_empty(self) -> bool {
        !(self.old || self.current || self.legacy2020)
    }

    /// The one set that tells the pair apart, when it belongs to exactly one:
    /// `产出指标/成本指标` → `Old`, `成本指标/经济成本指标` → `Current`, `产出指标/数量指标` → `None`.
    pub fn only(self) -> Option<TaxonomySet> {
        match (self.old, self.current, self.legacy2020) {
            (true, false, false) => Some(TaxonomySet::Old),
            (false, true, false) => Some(TaxonomySet::Current),
            (false, false, true) => Some(TaxonomySet::Legacy2020),
            _ => None,
        }
    }
}

/// The sets that hold the pair, or `None` when no set does (a swapped or misspelt 二级).
pub fn classify(level1: &str, level2: &str) -> Option<Sets> {
    let sets = Sets {
        old: TaxonomySet::Old.contains(level1, level2),
        current: TaxonomySet::Current.contains(level1, level2),
        legacy2020: TaxonomySet::Legacy2020.contains(level1, level2),
    };
    (!sets.is_empty()).then_some(sets)
}

/// The 一级 a 二级 belongs under in `set`, when the 二级 is in the set at all; used to say
/// what a swapped pair should have been.
pub fn level1_of(set: TaxonomySet, level2: &str) -> Option<&'static str> {
    let l2 = canonical(level2);
    set.table()
        .iter()
        .find(|e| e.level2.contains(&l2.as_str()))
        .map(|e| e.name)
}

/// A pair carried over to the current set (DOMAIN §3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mapping {
    /// The 一级 in the current set.
    pub level1: &'static str,
    /// The 二级 in the current set.
    pub level2: &'static str,
    /// The mapping is an approximation (no true equivalent): have a person look at it.
    pub review: bool,
}

/// DOMAIN §3.4: `(from 一级, from 二级, to 一级, to 二级, review)`, legacy 2020 and old rows.
const MAPPINGS: &[(TaxonomySet, &str, &str, &str, &str, bool)] = &[
    (
        TaxonomySet::Legacy2020,
        "产出目标",
        "数量",
        "产出指标",
        "数量指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "产出目标",
        "质量",
        "产出指标",
        "质量指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "产出目标",
        "时效",
        "产出指标",
        "时效指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "产出目标",
        "成本",
        "成本指标",
        "经济成本指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "效果目标",
        "经济效益",
        "效益指标",
        "经济效益指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "效果目标",
        "社会效益",
        "效益指标",
        "社会效益指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "效果目标",
        "生态效益",
        "效益指标",
        "生态效益指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "效果目标",
        "满意度",
        "满意度指标",
        "服务对象满意度指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "影响力目标",
        "长效管理",
        "效益指标",
        "可持续影响指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "影响力目标",
        "人力资源",
        "效益指标",
        "可持续影响指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "影响力目标",
        "部门协助",
        "效益指标",
        "可持续影响指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "影响力目标",
        "信息共享",
        "效益指标",
        "可持续影响指标",
        false,
    ),
    (
        TaxonomySet::Legacy2020,
        "投入与管理",
        "投入管理",
        "成本指标",
        "经济成本指标",
        true,
    ),
    (
        TaxonomySet::Legacy2020,
        "投入与管理",
        "财务管理",
        "成本指标",
        "经济成本指标",
        true,
    ),
    (
        TaxonomySet::Legacy2020,
        "投入与管理",
        "实施管理",
        "产出指标",
        "质量指标",
        true,
    ),
    (
        TaxonomySet::Old,
        "产出指标",
        "成本指标",
        "成本指标",
        "经济成本指标",
        false,
    ),
];

/// Carries a pair of `from` (old or legacy set) over to the current set, DOMAIN §3.4.
///
/// Pairs that are already current map to themselves (old pairs other than 产出指标/成本指标 are
/// unchanged). `None` when the pair is not in `from` at all.
pub fn map_to_current(from: TaxonomySet, level1: &str, level2: &str) -> Option<Mapping> {
    let (l1, l2) = (canonical(level1), canonical(level2));
    if let Some(&(_, _, _, to1, to2, review)) = MAPPINGS
        .iter()
        .find(|(set, f1, f2, ..)| *set == from && *f1 == l1 && *f2 == l2)
    {
        return Some(Mapping {
            level1: to1,
            level2: to2,
            review,
        });
    }
    if from == TaxonomySet::Legacy2020 || !from.contains(&l1, &l2) {
        return None;
    }
    CURRENT.iter().find(|e| e.name == l1).and_then(|e| {
        e.level2.iter().find(|x| **x == l2).map(|x| Mapping {
            level1: e.name,
            level2: x,
            review: false,
        })
    })
}

/// Carries a pair of the current set back to the old national set (DOMAIN §3.4 read
/// backwards), for forms that must be filed on the 88号 set.
///
/// Every 成本指标 row becomes 产出指标/成本指标: exact for 经济成本指标, an approximation to
/// review for 社会成本指标 and 生态环境成本指标, which the old set has no place for. Other
/// current pairs map to themselves. `None` when the pair is not in the current set.
pub fn map_to_old(level1: &str, level2: &str) -> Option<Mapping> {
    let (l1, l2) = (canonical(level1), canonical(level2));
    if !TaxonomySet::Current.contains(&l1, &l2) {
        return None;
    }
    // The one old → current move of §3.4, read backwards.
    if let Some(&(_, old1, old2, cost1, cost2, _)) =
        MAPPINGS.iter().find(|(set, ..)| *set == TaxonomySet::Old)
        && l1 == cost1
    {
        return Some(Mapping {
            level1: old1,
            level2: old2,
            review: l2 != cost2,
        });
    }
    OLD.iter().find(|e| e.name == l1).and_then(|e| {
        e.level2.iter().find(|x| **x == l2).map(|x| Mapping {
            level1: e.name,
            level2: x,
            review: false,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_pairs_into_their_sets() {
        let both = classify("产出指标", "数量指标").unwrap();
        assert!(both.old && both.current && both.only().is_none());
        assert_eq!(
            classify("产出指标", "成本指标").and_then(Sets::only),
            Some(TaxonomySet::Old)
        );
        assert_eq!(
            classify("成本指标", "经济成本指标").and_then(Sets::only),
            Some(TaxonomySet::Current)
        );
        assert_eq!(
            classify("影响力目标", "长效管理").and_then(Sets::only),
            Some(TaxonomySet::Legacy2020)
        );
        assert_eq!(classify("效益指标", "数量指标"), None);
        assert_eq!(classify("产出指标", ""), None);
    }

    #[test]
    fn accepts_wrapped_labels_weights_and_variants() {
        assert!(classify("效益\n指标", "经济效益\n指标").is_some());
        assert!(classify("产出指标(50分)", "数量指标").is_some());
        assert!(classify("效益指标（30分）", "环境效益指标").is_some());
        assert!(classify("满意度指标", "社会公众或服务对象满意度指标").is_some());
        assert_eq!(normalize("产出指标（50分）"), "产出指标");
        assert_eq!(normalize("项目总目标(2024年)"), "项目总目标(2024年)");
        // One normaliser with the labels' (issue 14): full-width brackets and colon, a trailing
        // colon, tags and line breaks read as the label.
        assert_eq!(normalize(" 产出\n指标（ 50 分 ）："), "产出指标");
        assert_eq!(normalize("满意度指标："), "满意度指标");
        assert_eq!(normalize("<p>效益指标</p>"), "效益指标");
        assert_eq!(normalize("项目总目标（2024年）"), "项目总目标(2024年)");
        assert_eq!(canonical("环境效益指标："), "生态效益指标");
    }

    #[test]
    fn maps_old_and_legacy_pairs_to_the_current_set() {
        let m = map_to_current(TaxonomySet::Old, "产出指标", "成本指标").unwrap();
        assert_eq!(
            (m.level1, m.level2, m.review),
            ("成本指标", "经济成本指标", false)
        );
        let m = map_to_current(TaxonomySet::Old, "效益指标", "环境效益指标").unwrap();
        assert_eq!((m.level1, m.level2), ("效益指标", "生态效益指标"));
        let m = map_to_current(TaxonomySet::Legacy2020, "影响力目标", "部门协助").unwrap();
        assert_eq!((m.level1, m.level2), ("效益指标", "可持续影响指标"));
        let m = map_to_current(TaxonomySet::Legacy2020, "投入与管理", "实施管理").unwrap();
        assert_eq!(
            (m.level1, m.level2, m.review),
            ("产出指标", "质量指标", true)
        );
        assert_eq!(
            map_to_current(TaxonomySet::Old, "成本指标", "经济成本指标"),
            None
        );
        assert_eq!(
            map_to_current(TaxonomySet::Legacy2020, "产出指标", "数量指标"),
            None
        );
    }

    #[test]
    fn maps_current_pairs_back_to_the_old_set() {
        let m = map_to_old("成本指标", "经济成本指标").unwrap();
        assert_eq!(
            (m.level1, m.level2, m.review),
            ("产出指标", "成本指标", false)
        );
        let m = map_to_old("成本指标", "生态环境成本指标").unwrap();
        assert_eq!(
            (m.level1, m.level2, m.review),
            ("产出指标", "成本指标", true)
        );
        let m = map_to_old("效益\n指标", "可持续影响指标").unwrap();
        assert_eq!((m.level1, m.level2), ("效益指标", "可持续影响指标"));
        assert_eq!(map_to_old("产出指标", "成本指标"), None);
    }

    #[test]
    fn splits_the_weight_printed_in_a_level1_cell() {
        assert_eq!(split_weight("产出指标(50分)"), Some(("产出指标", "50")));
        assert_eq!(split_weight("效益指标（30 分）"), Some(("效益指标", "30")));
        assert_eq!(
            split_weight("满意度指标 (7.5分)"),
            Some(("满意度指标", "7.5"))
        );
        assert_eq!(split_weight("产出指标"), None);
        assert_eq!(split_weight("产出指标(分)"), None);
        assert_eq!(split_weight("项目总目标(2024年)"), None);
    }

    #[test]
    fn finds_the_level1_a_level2_belongs_under() {
        assert_eq!(
            level1_of(TaxonomySet::Current, "社会效益指标"),
            Some("效益指标")
        );
        assert_eq!(level1_of(TaxonomySet::Current, "成本指标"), None);
        assert_eq!(level1_of(TaxonomySet::Old, "成本指标"), Some("产出指标"));
    }
}

//! `diff`: the correction list. Fields are named by the form's labels, indicator cells by the
//! row and the 三级 name ([`super::check::indicator`]), values as the form prints them.

use super::messages;

messages! {
    /// A form on one side only: the form's line ends with this.
    only_in_old("diff.only-in-old") {
        zh: "（仅修改前的表中有）",
        en: " (only in OLD)",
    }
    only_in_new("diff.only-in-new") {
        zh: "（仅修改后的表中有）",
        en: " (only in NEW)",
    }
    /// A year that is not filled in, in the form's line.
    no_year("diff.no-year") {
        zh: "年度未填",
        en: "no year",
    }
    /// A field or cell whose value changed.
    changed("diff.changed", field, old, new) {
        zh: "{field}：{old} → {new}",
        en: "{field}: {old} → {new}",
    }
    /// A cell of an indicator row: 第 6 行指标「公务用车需求满足率」的指标值.
    indicator_field("diff.indicator-field", indicator, field) {
        zh: "{indicator}的{field}",
        en: "{field} of {indicator}",
    }
    /// An indicator of the 中期 side of the national 申报表.
    medium_indicator("diff.medium-indicator", row, name) {
        zh: "中期第 {row} 行指标「{name}」",
        en: "medium-term indicator {row} \"{name}\"",
    }
    /// An indicator row only in NEW, numbered as in NEW.
    row_added("diff.row-added", indicator, level1, level2, target) {
        zh: "新增{indicator}（{level1} / {level2}），指标值 {target}",
        en: "added {indicator} ({level1} / {level2}), 指标值 {target}",
    }
    /// An indicator row only in OLD, numbered as in OLD.
    row_removed("diff.row-removed", indicator, level1, level2, target) {
        zh: "删除{indicator}（{level1} / {level2}），指标值 {target}",
        en: "removed {indicator} ({level1} / {level2}), 指标值 {target}",
    }
}

//! What a conversion between indicator sets says (`convert --taxonomy`).

use super::messages;

messages! {
    /// An indicator row moved to the set asked for, from its 一级/二级 to the new ones.
    moved("migrate.moved-row", name, from, to) {
        zh: "指标「{name}」由 {from} 移至 {to}",
        en: "indicator \"{name}\" moved from {from} to {to}",
    }
    /// A blank field filled from the office profile (`convert --profile`).
    filled_from_profile("profile.filled-field", field, value) {
        zh: "{field}未填写，按单位配置填为「{value}」",
        en: "{field} was blank; filled from the office profile as \"{value}\"",
    }
    unknown_level("migrate.unknown-level", level1, level2) {
        zh: "{level1}/{level2} 不在 2020 年的指标体系中：按原样保留",
        en: "{level1}/{level2} is not in the 2020 indicator set; kept as printed",
    }
    unknown_level_hint("migrate.unknown-level-hint") {
        zh: "请手工把一级/二级改为现行指标体系中的一项",
        en: "set 一级/二级 by hand to one of today's indicator set",
    }
    /// A row mapped to another 一级/二级 that a person should look at again.
    review("migrate.review", from, to, name, why) {
        zh: "{from} → {to}（{name}）：{why}",
        en: "{from} → {to} ({name}): {why}",
    }
    no_department("migrate.no-department") {
        zh: "2020 年目标表没有主管部门：留空",
        en: "the 2020 form has no 主管部门; left blank",
    }
    no_department_hint("migrate.no-department-hint") {
        zh: "请在转换后的申报表中填写主管部门",
        en: "fill in 主管部门 in the converted 申报表",
    }
    not_a_profile("profile.not-a-profile", place, error) {
        zh: "{place}不是单位配置文件：{error}",
        en: "{place}not an office profile: {error}",
    }
    not_a_profile_hint("profile.not-a-profile-hint") {
        zh: "配置项见 templates/offices/*.toml",
        en: "see templates/offices/*.toml for the keys a profile takes",
    }
    profile_line("profile.line", line) {
        zh: "第 {line} 行：",
        en: "line {line}: ",
    }
}

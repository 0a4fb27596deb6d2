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
}

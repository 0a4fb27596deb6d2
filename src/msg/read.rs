//! What the readers say about their inputs: files that cannot be opened, cells that are not
//! what their label asks for, text files in an encoding that cannot be told.

use super::messages;

messages! {
    cannot_open("read.cannot-open", error) {
        zh: "无法打开：{error}",
        en: "cannot open: {error}",
    }
    /// An amount printed with its own unit (`854万`) is too large to convert into the form's unit.
    amount_too_large("read.amount-too-large", text) {
        zh: "金额「{text}」过大，无法换算为本表的金额单位",
        en: "the amount \"{text}\" is too large to convert into the form's money unit",
    }
}

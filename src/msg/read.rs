//! What the readers say about a form's cells.

use super::messages;

messages! {
    /// An amount printed with its own unit (`854万`) is too large to convert into the form's unit.
    amount_too_large("read.amount-too-large", text) {
        zh: "金额「{text}」过大，无法换算为本表的金额单位",
        en: "the amount \"{text}\" is too large to convert into the form's money unit",
    }
}

//! The diagnostic line and its words, in both languages:
//!
//! ```text
//! 文件: 工作表!单元格: 错误[rule.id]: 说明（应为 …，实为 …）
//!   提示: …
//! file: sheet!cell: error[rule.id]: message (expected …, found …)
//!   hint: …
//! ```

use super::messages;

messages! {
    /// Severity word of an error.
    error_word("diag.error") {
        zh: "错误",
        en: "error",
    }
    /// Severity word of a warning.
    warning_word("diag.warning") {
        zh: "警告",
        en: "warning",
    }
    /// Severity word of an info.
    info_word("diag.info") {
        zh: "提醒",
        en: "info",
    }
    /// What a rule expected and what the form holds.
    expected_found("diag.expected-found", expected, found) {
        zh: "（应为 {expected}，实为 {found}）",
        en: " (expected {expected}, found {found})",
    }
    /// What a rule expected.
    expected_only("diag.expected", expected) {
        zh: "（应为 {expected}）",
        en: " (expected {expected})",
    }
    /// What the form holds.
    found_only("diag.found", found) {
        zh: "（实为 {found}）",
        en: " (found {found})",
    }
    /// The hint line under a message, indented.
    hint_line("diag.hint", hint) {
        zh: "\n  提示: {hint}",
        en: "\n  hint: {hint}",
    }
    /// A place in a table without sheets (a CSV file): its line and column.
    row_column("diag.row-column", row, column) {
        zh: "第 {row} 行「{column}」列",
        en: "row {row}, column {column}",
    }
    /// Where a line of `diff` or `score --explain` points: the cell to look at.
    at("diag.at", at) {
        zh: "  位置：{at}",
        en: "  (at {at})",
    }
}

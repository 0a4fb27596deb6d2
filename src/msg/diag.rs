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
    /// The system's "not found" (see [`super::io`]).
    io_not_found("io.not-found") {
        zh: "找不到该文件或文件夹",
        en: "no such file or directory",
    }
    /// The system's "permission denied" (see [`super::io`]).
    io_permission_denied("io.permission-denied") {
        zh: "没有权限（文件可能是只读的，或正被 Excel、WPS 打开）",
        en: "permission denied (the file may be read-only, or open in Excel or WPS)",
    }
    /// Windows' sharing or lock violation: another program holds the file (see [`super::io`]).
    io_in_use("io.in-use") {
        zh: "文件正被其他程序（如 Excel、WPS）占用：请关闭后再试",
        en: "the file is in use by another program (such as Excel or WPS): close it and try again",
    }
    /// Something of that name is already there (a file where a directory is to be made; see
    /// [`super::io`]).
    io_exists("io.exists") {
        zh: "已有同名的文件或文件夹",
        en: "a file or directory of that name already exists",
    }
    /// A part of the path is a file, not a directory (see [`super::io`]).
    io_not_a_directory("io.not-a-directory") {
        zh: "路径中有一段是文件，不是文件夹",
        en: "a part of the path is a file, not a directory",
    }
    /// A directory where a file was asked for (see [`super::io`]).
    io_is_directory("io.is-directory") {
        zh: "这是一个文件夹，不是文件",
        en: "this is a directory, not a file",
    }
    /// Bytes that are not what was to be read: most often a text file that is not UTF-8 (see
    /// [`super::io`]).
    io_invalid_data("io.invalid-data") {
        zh: "内容无法识别（不是 UTF-8 文本，或已损坏）",
        en: "the content is not valid (not UTF-8 text, or damaged)",
    }
    /// The disk is full (see [`super::io`]).
    io_storage_full("io.storage-full") {
        zh: "磁盘空间已满",
        en: "the disk is full",
    }
    /// Any other I/O error: the system's own words (see [`super::io`]).
    io_other("io.other", error) {
        zh: "系统错误：{error}",
        en: "{error}",
    }
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

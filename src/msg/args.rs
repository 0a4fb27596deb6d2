//! clap's own errors, in the user's language: what was wrong on the command line, the usage
//! line and where to read more. [`crate::cli::usage_error`] builds them from clap's error kinds.

use super::messages;

messages! {
    /// The first line of a command-line error.
    error_line("args.error", message) {
        zh: "错误：{message}",
        en: "error: {message}",
    }
    unknown_argument("args.unknown-argument", arg) {
        zh: "无法识别的参数「{arg}」",
        en: "unexpected argument '{arg}' found",
    }
    /// An argument that looks like an option but is meant as a value (a file named `-x`).
    dash_value_tip("args.dash-value-tip", arg) {
        zh: "若「{arg}」是要给出的值（如以 - 开头的文件名），请写成 -- {arg}",
        en: "to pass '{arg}' as a value, use '-- {arg}'",
    }
    did_you_mean("args.did-you-mean", suggestion) {
        zh: "是否想用 {suggestion}？",
        en: "a similar one exists: '{suggestion}'",
    }
    unknown_command("args.unknown-command", command) {
        zh: "没有「{command}」这个命令",
        en: "unrecognized subcommand '{command}'",
    }
    missing_value("args.missing-value", arg) {
        zh: "{arg} 后面缺少值",
        en: "a value is required for '{arg}' but none was supplied",
    }
    invalid_value("args.invalid-value", value, arg) {
        zh: "{arg} 的值「{value}」无效",
        en: "invalid value '{value}' for '{arg}'",
    }
    invalid_value_because("args.invalid-value-because", value, arg, reason) {
        zh: "{arg} 的值「{value}」无效：{reason}",
        en: "invalid value '{value}' for '{arg}': {reason}",
    }
    possible_values("args.possible-values", values) {
        zh: "可选值：{values}",
        en: "possible values: {values}",
    }
    not_a_number("args.not-a-number") {
        zh: "不是整数",
        en: "not a whole number",
    }
    missing_required("args.missing-required", args) {
        zh: "缺少必需的参数：{args}",
        en: "the following required arguments were not provided: {args}",
    }
    conflict("args.conflict", arg, other) {
        zh: "{arg} 不能与 {other} 同时使用",
        en: "the argument '{arg}' cannot be used with '{other}'",
    }
    given_twice("args.given-twice", arg) {
        zh: "{arg} 只能给出一次",
        en: "the argument '{arg}' cannot be used multiple times",
    }
    wrong_number_of_values("args.wrong-number-of-values", arg) {
        zh: "{arg} 的值个数不对",
        en: "wrong number of values for '{arg}'",
    }
    missing_command("args.missing-command", commands) {
        zh: "请给出一个命令：{commands}",
        en: "a command is required: {commands}",
    }
    not_utf8("args.not-utf8") {
        zh: "命令行中有无效的 UTF-8 文本",
        en: "invalid UTF-8 was found on the command line",
    }
    /// Any other mistake clap reports, with its own (English) words.
    other("args.other", detail) {
        zh: "命令行有误：{detail}",
        en: "{detail}",
    }
    more_info("args.more-info") {
        zh: "更多信息请加 --help 查看",
        en: "For more information, try '--help'.",
    }
    /// The usage line's `[OPTIONS]`.
    options_placeholder("args.options-placeholder") {
        zh: "[选项]",
        en: "[OPTIONS]",
    }
    /// The usage line's `<COMMAND>`.
    command_placeholder("args.command-placeholder") {
        zh: "命令",
        en: "COMMAND",
    }
}

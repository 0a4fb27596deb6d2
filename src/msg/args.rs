//! clap's own errors, in the user's language: what was wrong on the command line, the usage
//! line and where to read more. `cli::usage_error` (the `cli` feature) builds them from clap's
//! error kinds.

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
    /// The help line's default value, after the argument's help: `（默认：truncate）`.
    default_value("args.default-value", value) {
        zh: "（默认：{value}）",
        en: " [default: {value}]",
    }
    value_inputs("args.value.INPUTS") {
        zh: "输入",
        en: "INPUTS",
    }
    value_output("args.value.OUTPUT") {
        zh: "输出",
        en: "OUTPUT",
    }
    value_lang("args.value.LANG") {
        zh: "语言",
        en: "LANG",
    }
    value_n("args.value.N") {
        zh: "个数",
        en: "N",
    }
    value_to("args.value.TO") {
        zh: "格式",
        en: "TO",
    }
    value_taxonomy("args.value.TAXONOMY") {
        zh: "指标体系",
        en: "TAXONOMY",
    }
    value_profile("args.value.PROFILE") {
        zh: "配置",
        en: "PROFILE",
    }
    value_layout("args.value.LAYOUT") {
        zh: "版式",
        en: "LAYOUT",
    }
    value_format("args.value.FORMAT") {
        zh: "格式",
        en: "FORMAT",
    }
    value_report_xlsx("args.value.REPORT.xlsx") {
        zh: "问题清单.xlsx",
        en: "REPORT.xlsx",
    }
    value_points("args.value.POINTS") {
        zh: "分值",
        en: "POINTS",
    }
    value_name_or_file("args.value.NAME|FILE") {
        zh: "名称|文件",
        en: "NAME|FILE",
    }
    value_year("args.value.YEAR") {
        zh: "年度",
        en: "YEAR",
    }
    value_projects("args.value.PROJECTS") {
        zh: "项目清单",
        en: "PROJECTS",
    }
    value_from("args.value.FROM") {
        zh: "原表",
        en: "FROM",
    }
    value_kind("args.value.KIND") {
        zh: "表种",
        en: "KIND",
    }
    value_clear("args.value.CLEAR") {
        zh: "内容",
        en: "CLEAR",
    }
    value_weights("args.value.WEIGHTS") {
        zh: "分值",
        en: "WEIGHTS",
    }
    value_old("args.value.OLD") {
        zh: "旧版",
        en: "OLD",
    }
    value_new("args.value.NEW") {
        zh: "新版",
        en: "NEW",
    }
    value_rounding("args.value.ROUNDING") {
        zh: "方法",
        en: "ROUNDING",
    }
    value_quant_formula("args.value.QUANT_FORMULA") {
        zh: "公式",
        en: "QUANT_FORMULA",
    }
    value_qual_bands("args.value.QUAL_BANDS") {
        zh: "分档",
        en: "QUAL_BANDS",
    }
}

/// The placeholder clap prints for an argument's value (`<OUTPUT>`) in the user's language:
/// `<输出>`. `None` for a placeholder the catalogue does not know (it is then left as clap
/// writes it).
pub fn value_name(placeholder: &str) -> Option<String> {
    super::entry(&format!("args.value.{placeholder}")).map(|e| e.text().to_string())
}

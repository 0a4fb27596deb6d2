//! The command line's own lines: what it read and wrote, summaries, refusals, and the headings
//! of `--help`.

use super::messages;

messages! {
    /// Prefix of a line that ends the run or reports an unreadable input.
    program_prefix("cli.prefix") {
        zh: "jixiao: ",
        en: "jixiao: ",
    }
    /// `--lang` was given a language we do not have.
    unknown_lang("cli.unknown-lang", value) {
        zh: "不支持的语言「{value}」：可选 zh（中文）或 en（英文）",
        en: "unknown language \"{value}\": choose zh (Chinese) or en (English)",
    }
}

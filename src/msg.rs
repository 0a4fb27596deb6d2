//! The message catalogue: every text a user reads, written once in Chinese and once in English.
//!
//! Users read Chinese: [`Lang::Zh`] is the default. The program that embeds the library chooses
//! the language once with [`set_lang`] (the command line does it from `--lang en` or
//! `JIXIAO_LANG=en`); the library itself never reads the environment, so it behaves the same in a
//! web page (wasm), a server or a test.
//!
//! The catalogue has one file per area under `msg/`: [`diag`] (the diagnostic line and its
//! words), [`rules`] (the one registry of every diagnostic id, with its severity and a summary in
//! both languages) and one file of messages per area of the program.
//!
//! # Adding a message
//! 1. Pick the area file under `src/msg/` (or add one and list it in [`CATALOGUE`]).
//! 2. Add an entry to its `messages!` block: a function name, a stable id (`area.what`, never
//!    reused for another meaning), the argument names, and the two texts:
//!    ```ignore
//!    /// A required field of the form is blank.
//!    field_blank("decl.field-blank", field) {
//!        zh: "{field}未填写",
//!        en: "{field} is blank",
//!    }
//!    ```
//!    Each text must use every argument (the compiler refuses a text that misses one or names one
//!    that is not there), so the two languages cannot drift apart.
//! 3. Call it where the message is made: `msg::check::field_blank("年度资金申请总额")`. It returns
//!    a `String` in the language set with [`set_lang`].
//! 4. Pin it in a test in both languages (see `msg/tests.rs` and [`with_lang`]).
//!
//! Write as a clerk reads the form: the form's own labels (年度资金申请总额), sheet!cell and
//! the indicator's row and name (第 6 行指标「公务用车需求满足率」的指标值), never internal field
//! paths (`funds.annual_total`) or source codes. A new diagnostic id goes into [`rules`] first.
//! Quoted values (what the user typed) are shown as typed, in either language, inside 「」 in
//! Chinese and "" in English.

use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU8, Ordering};

pub mod args;
pub mod check;
pub mod cli;
pub mod diag;
pub mod diff;
pub mod flat;
pub mod help;
pub mod migrate;
pub mod pdf;
pub mod read;
pub mod review;
pub mod rules;
pub mod score;
pub mod workbook;
pub mod write;

/// The language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Reads a language code: `zh`, `zh-CN`, `zh_CN.UTF-8`, `中文` → Chinese; `en`, `en-US`,
    /// `English` → English. `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        let base = c.split(['-', '_', '.']).next().unwrap_or("");
        match base {
            "zh" | "cn" | "chinese" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ if c == "中文" || c == "简体中文" => Some(Lang::Zh),
            _ if c == "英文" || c == "英语" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code `from_code` reads back: `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message made from now on, process-wide.
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::Zh => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

thread_local! {
    /// A language set for this thread only, by [`with_lang`].
    static THREAD_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language messages are made in: this thread's [`with_lang`], else [`set_lang`]'s.
pub fn lang() -> Lang {
    if let Some(l) = THREAD_LANG.with(std::cell::Cell::get) {
        return l;
    }
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Zh,
    }
}

/// Runs `f` with messages in `lang` on this thread only, then restores what was before. For
/// tests that pin a message in both languages (tests run in parallel threads, so they must not
/// change the process-wide setting) and for a caller that serves several languages at once.
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = THREAD_LANG.with(|t| t.replace(Some(lang)));
    let out = f();
    THREAD_LANG.with(|t| t.set(before));
    out
}

/// One entry of the catalogue, for listing, lookup by id and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The message's stable id (`score.truncated`): what tests pin and translators key on.
    pub id: &'static str,
    /// The Chinese text, with `{placeholders}` unfilled.
    pub zh: &'static str,
    /// The English text, with the same placeholders.
    pub en: &'static str,
}

impl Entry {
    /// The text in the current language, placeholders unfilled.
    pub fn text(&self) -> &'static str {
        match lang() {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Declares messages: one function per message returning the text in the current language,
/// and `ENTRIES`, the area's list. See the module documentation for the form of an entry.
macro_rules! messages {
    ($(
        $(#[$doc:meta])*
        $name:ident($id:literal $(, $arg:ident)* $(,)?) {
            zh: $zh:literal,
            en: $en:literal $(,)?
        }
    )*) => {
        $(
            $(#[$doc])*
            #[doc = concat!("\n\n`", $id, "`: `", $zh, "`")]
            #[allow(clippy::too_many_arguments)]
            pub fn $name($($arg: impl std::fmt::Display),*) -> String {
                match $crate::msg::lang() {
                    $crate::msg::Lang::Zh => format!($zh $(, $arg = $arg)*),
                    $crate::msg::Lang::En => format!($en $(, $arg = $arg)*),
                }
            }
        )*
        /// Every message of this area, in the order written.
        pub const ENTRIES: &[$crate::msg::Entry] = &[
            $($crate::msg::Entry { id: $id, zh: $zh, en: $en }),*
        ];
    };
}
pub(crate) use messages;

/// An I/O error in the user's language: what the system says most often (not found, no
/// permission, the file in use by Excel or WPS, already there, a directory, not UTF-8, a full
/// disk), else its own words after a Chinese lead. The `io::Error` itself stays the error's source for programs.
pub fn io(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    // Windows' ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33): a workbook open in
    // Excel or WPS.
    if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) {
        return diag::io_in_use();
    }
    match e.kind() {
        ErrorKind::NotFound => diag::io_not_found(),
        ErrorKind::PermissionDenied => diag::io_permission_denied(),
        ErrorKind::AlreadyExists => diag::io_exists(),
        ErrorKind::NotADirectory => diag::io_not_a_directory(),
        ErrorKind::IsADirectory => diag::io_is_directory(),
        ErrorKind::StorageFull => diag::io_storage_full(),
        ErrorKind::InvalidData => diag::io_invalid_data(),
        _ => diag::io_other(e),
    }
}

/// Every area's messages.
pub const CATALOGUE: &[&[Entry]] = &[
    diag::ENTRIES,
    check::ENTRIES,
    score::ENTRIES,
    read::ENTRIES,
    pdf::ENTRIES,
    migrate::ENTRIES,
    cli::ENTRIES,
    review::ENTRIES,
    help::ENTRIES,
    diff::ENTRIES,
    args::ENTRIES,
    flat::ENTRIES,
    workbook::ENTRIES,
    write::ENTRIES,
];

/// Looks a message up by its id.
pub fn entry(id: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().flat_map(|a| a.iter()).find(|e| e.id == id)
}

/// An amount as the forms print it, `#,##0.00`: `1,234,567.80`, `-0.50`; more decimals when
/// it has them (`28.882` → `28.882`).
pub fn amount(d: rust_decimal::Decimal) -> String {
    let mut d = d;
    if d.scale() < 2 {
        d.rescale(2);
    }
    let text = d.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

#[cfg(test)]
mod tests;

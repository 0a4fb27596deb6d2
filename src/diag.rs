//! Diagnostics: findings and warnings as values, each pointing at file, sheet and cell.
//!
//! Their words and line format are in the catalogue ([`crate::msg::diag`]); every rule id is in
//! [`crate::msg::rules`].

use crate::msg;
use serde::Serialize;
use std::fmt;

/// How bad a finding is. Ordered from worst: sorting puts errors first.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 错误: the form breaks a rule of its layout or its arithmetic; `check` exits non-zero.
    Error,
    /// 警告: probably wrong (a soft rule, a value read with a guess); worth a look.
    Warning,
    /// 提醒: a note on what was done (a mapping, a value carried to 备注), not a fault.
    Info,
}

/// The stable code (`error`, `warning`, `info`), as in JSON; [`Severity::word`] is what users read.
impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

impl Severity {
    /// The word users read in the current language: 错误 / 警告 / 提醒.
    pub fn word(self) -> String {
        match self {
            Severity::Error => msg::diag::error_word(),
            Severity::Warning => msg::diag::warning_word(),
            Severity::Info => msg::diag::info_word(),
        }
    }
}

/// A kind of finding: its stable id, severity, the `docs/domain.md` section it follows and a
/// summary in both languages. Every rule is declared once, in [`crate::msg::rules`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The stable id users filter on and tests pin (`decl.annual-total-sum`).
    pub id: &'static str,
    /// The severity every finding of this rule has.
    pub severity: Severity,
    /// The `docs/domain.md` section the rule follows (`§5.1`).
    pub domain: &'static str,
    /// The summary in Chinese, as `jixiao check --rules` lists it.
    pub zh: &'static str,
    /// The summary in English.
    pub en: &'static str,
}

impl Rule {
    /// The summary in the current language.
    pub fn summary(&self) -> &'static str {
        match msg::lang() {
            msg::Lang::Zh => self.zh,
            msg::Lang::En => self.en,
        }
    }
}

/// A place in an input: `file: sheet!C7` (or a range, `sheet!A13:H13`).
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The input file, as given (a path, or the name bytes came with).
    pub file: String,
    /// The worksheet; `None` for a CSV file or a finding about the whole file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The cell or range on the sheet (`C7`, `A13:H13`), or for a CSV file its row and column
    /// in words; `None` for the whole sheet or file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Location {
    /// The whole of a file.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            ..Location::default()
        }
    }

    /// A cell or range (`C7`, `A13:H13`) on a sheet of a file.
    pub fn cell(
        file: impl Into<String>,
        sheet: impl Into<String>,
        cell: impl Into<String>,
    ) -> Self {
        Location {
            file: file.into(),
            sheet: Some(sheet.into()),
            cell: Some(cell.into()),
        }
    }
}

/// A flat table's cell as a place: `indicators.csv: 第 7 行「指标值」列` for a CSV file,
/// `flat.xlsx: indicators!I7` for a sheet of a flat workbook.
impl From<&crate::model::TableCell> for Location {
    fn from(at: &crate::model::TableCell) -> Self {
        match &at.sheet {
            None => Location {
                file: at.file.clone(),
                sheet: None,
                cell: Some(msg::diag::row_column(at.row, &at.column)),
            },
            Some(sheet) => Location::cell(
                &at.file,
                sheet,
                format!("{}{}", crate::a1::column_name(at.col), at.row),
            ),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        match (&self.sheet, &self.cell) {
            (Some(s), Some(c)) => write!(f, ": {s}!{c}"),
            (Some(s), None) => write!(f, ": {s}"),
            // A place without a sheet, such as a CSV line: `table.csv: row 7, column 项目名称`.
            (None, Some(c)) => write!(f, ": {c}"),
            (None, None) => Ok(()),
        }
    }
}

/// One finding: what rule, how bad, where, what was expected and found, and what to do.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's id ([`Rule::id`]), one of [`crate::msg::rules`].
    pub rule: String,
    /// How bad it is: normally its rule's [`Rule::severity`].
    pub severity: Severity,
    /// Where in the input; `None` for a finding about no one place (a whole document).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Location>,
    /// What is wrong, in the current language, in the forms' terms.
    pub message: String,
    /// The value the rule expects (`1,400,000.00`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// The value the input holds, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// What to do about it, when the fix is not obvious from the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A finding of `rule` with the given severity, at no place yet. Rules are declared in
    /// [`crate::msg::rules`], so every id a finding carries is registered there.
    pub fn new(severity: Severity, rule: Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: rule.id.to_string(),
            severity,
            at: None,
            message: message.into(),
            expected: None,
            found: None,
            hint: None,
        }
    }

    /// A finding of `rule`, with the rule's severity.
    pub fn of(rule: Rule, message: impl Into<String>) -> Self {
        Self::new(rule.severity, rule, message)
    }

    /// [`Diagnostic::new`] with [`Severity::Error`].
    pub fn error(rule: Rule, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, rule, message)
    }

    /// [`Diagnostic::new`] with [`Severity::Warning`].
    pub fn warning(rule: Rule, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, rule, message)
    }

    /// [`Diagnostic::new`] with [`Severity::Info`].
    pub fn info(rule: Rule, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, rule, message)
    }

    /// The finding at `at`.
    pub fn at(mut self, at: Location) -> Self {
        self.at = Some(at);
        self
    }

    /// The finding with the value the rule expects.
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    /// The finding with the value found in the input.
    pub fn found(mut self, found: impl Into<String>) -> Self {
        self.found = Some(found.into());
        self
    }

    /// The finding with a hint (printed on its own `提示:` line).
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// `文件: 工作表!C7: 错误[rule]: 说明（应为 …，实为 …）` and a `提示:` line, or the same in
/// English (`file: sheet!C7: error[rule]: message (expected …, found …)` and `hint:`), in the
/// language of [`crate::msg::lang`].
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(at) = &self.at {
            write!(f, "{at}: ")?;
        }
        write!(
            f,
            "{}[{}]: {}",
            self.severity.word(),
            self.rule,
            self.message
        )?;
        match (&self.expected, &self.found) {
            (Some(e), Some(x)) => f.write_str(&msg::diag::expected_found(e, x))?,
            (Some(e), None) => f.write_str(&msg::diag::expected_only(e))?,
            (None, Some(x)) => f.write_str(&msg::diag::found_only(x))?,
            (None, None) => {}
        }
        if let Some(h) = &self.hint {
            f.write_str(&msg::diag::hint_line(h))?;
        }
        Ok(())
    }
}

/// A value together with the warnings met while producing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnosed<T> {
    /// What was produced (forms read, a document converted), even when there are errors.
    pub value: T,
    /// Everything met on the way, in the order met.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Diagnosed<T> {
    /// `value` with its diagnostics.
    pub fn new(value: T, diagnostics: Vec<Diagnostic>) -> Self {
        Diagnosed { value, diagnostics }
    }

    /// Whether any diagnostic is an [`Severity::Error`].
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// The error underneath an [`Error`] (an I/O, CSV, JSON, TOML, calamine, rust_xlsxwriter or PDF
/// error), kept as its [`source`](std::error::Error::source) for callers and logs. The
/// [`Error`]'s own text already says it in the user's language, so printing the chain repeats it.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Errors that stop reading or writing a whole file. Cell-level problems are [`Diagnostic`]s.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input cannot be opened or parsed as a workbook.
    #[error("{path}: {message}{}", hint_suffix(.hint))]
    Unreadable {
        /// The input, as given.
        path: String,
        /// Why, in the current language.
        message: String,
        /// What to do, when there is something to do (save as .xlsx, remove the password).
        hint: Option<String>,
        /// The error this one was made from, if any (see [`Error::because`]).
        #[source]
        source: Option<Cause>,
    },
    /// A problem at a place in an input.
    #[error("{at}: {message}{}", hint_suffix(.hint))]
    At {
        /// The place in the input; boxed, as the largest part: every `Result` carries the
        /// error's size.
        at: Box<Location>,
        /// Why, in the current language.
        message: String,
        /// What to do, when there is something to do.
        hint: Option<String>,
        /// The error this one was made from, if any (see [`Error::because`]).
        #[source]
        source: Option<Cause>,
    },
    /// Writing an output failed (`path` is empty when the output was bytes in memory).
    #[error("{}{message}", path_prefix(.path))]
    Write {
        /// The output, as given; empty for bytes made in memory ([`Error::for_name`] names it).
        path: String,
        /// Why, in the current language.
        message: String,
        /// The error this one was made from, if any (see [`Error::because`]).
        #[source]
        source: Option<Cause>,
    },
}

fn path_prefix(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    }
}

fn hint_suffix(hint: &Option<String>) -> String {
    hint.as_ref().map(msg::diag::hint_line).unwrap_or_default()
}

impl Error {
    /// [`Error::Unreadable`] without a hint.
    pub fn unreadable(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Unreadable {
            path: path.into(),
            message: message.into(),
            hint: None,
            source: None,
        }
    }

    /// A problem at a place in an input, with a hint.
    pub fn at(at: Location, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::At {
            at: Box::new(at),
            message: message.into(),
            hint: Some(hint.into()),
            source: None,
        }
    }

    /// Writing `path` failed (`""`: bytes made in memory, named later by [`Error::for_name`]).
    pub fn write(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Write {
            path: path.into(),
            message: message.into(),
            source: None,
        }
    }

    /// The same error, keeping `cause` as its [`source`](std::error::Error::source): the
    /// message says it to the user, the source keeps it for the program (its kind, its
    /// `io::ErrorKind`).
    pub fn because(self, cause: impl Into<Cause>) -> Self {
        let source = Some(cause.into());
        match self {
            Error::Unreadable {
                path,
                message,
                hint,
                ..
            } => Error::Unreadable {
                path,
                message,
                hint,
                source,
            },
            Error::At {
                at, message, hint, ..
            } => Error::At {
                at,
                message,
                hint,
                source,
            },
            Error::Write { path, message, .. } => Error::Write {
                path,
                message,
                source,
            },
        }
    }

    /// A write error of bytes made in memory, now naming the output `name`.
    pub fn for_name(self, name: &str) -> Self {
        match self {
            Error::Write {
                path,
                message,
                source,
            } if path.is_empty() => Error::Write {
                path: name.to_string(),
                message,
                source,
            },
            other => other,
        }
    }

    /// [`Error::for_name`] with a path.
    #[cfg(not(target_family = "wasm"))]
    pub fn for_file(self, path: &std::path::Path) -> Self {
        self.for_name(&path.display().to_string())
    }

    /// The error with `hint` ([`Error::Unreadable`] and [`Error::At`]; a write error has none).
    pub fn with_hint(self, hint: impl Into<String>) -> Self {
        match self {
            Error::Unreadable {
                path,
                message,
                source,
                ..
            } => Error::Unreadable {
                path,
                message,
                hint: Some(hint.into()),
                source,
            },
            Error::At {
                at,
                message,
                source,
                ..
            } => Error::At {
                at,
                message,
                hint: Some(hint.into()),
                source,
            },
            other => other,
        }
    }
}

/// A result whose error is this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

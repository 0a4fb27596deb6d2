//! The command line: one file per subcommand under `cli/`, help text on the arguments.
//!
//! Exit codes are fixed: 0 success, 1 findings that count as errors (`check`), 2 unreadable
//! input or bad usage.

pub mod check;
pub mod convert;
pub mod diff;
pub mod score;
pub mod template;

use crate::diag::{Diagnostic, Severity};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// jixiao (绩效): read, check, score and write 绩效目标申报表 and 绩效自评表 workbooks.
#[derive(Parser, Debug)]
#[command(name = "jixiao", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages: zh (default) or en; also JIXIAO_LANG=en.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<crate::msg::Lang>,
}

fn parse_lang(s: &str) -> Result<crate::msg::Lang, String> {
    crate::msg::Lang::from_code(s).ok_or_else(|| crate::msg::cli::unknown_lang(s))
}

/// The language asked for before the command line is parsed (clap writes `--help` while it
/// parses, so the language must be known first): `--lang X` or `--lang=X` among `args`, else
/// the `JIXIAO_LANG` value given, else Chinese. An unknown value is left for clap to refuse.
pub fn requested_lang<I, S>(args: I, env: Option<&str>) -> crate::msg::Lang
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut args = args
        .into_iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned());
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        }
        let value = if a == "--lang" {
            args.next()
        } else {
            a.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(lang) = value.as_deref().and_then(crate::msg::Lang::from_code) {
            return lang;
        }
    }
    env.and_then(crate::msg::Lang::from_code)
        .unwrap_or_default()
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Convert workbooks and JSON models into JSON, official workbooks or flat tables.
    Convert(convert::ConvertArgs),
    /// List, form by form, the fields and indicator cells that differ between OLD and NEW.
    Diff(diff::DiffArgs),
    /// Check forms against the consistency and scoring rules; exit 1 on errors.
    Check(check::CheckArgs),
    /// Fill in the computable figures of self-evaluations (rates, scores, total, grade).
    Score(score::ScoreArgs),
    /// Write new forms to fill in: 申报表 for an office's projects or last year's, 自评表 from 申报表.
    Template(template::TemplateArgs),
}

/// Runs a parsed command line.
///
/// # Errors
/// Any error that should end the run with exit code 2; it is printed with its causes.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    crate::grid::Limits::from_vars(|k| std::env::var(k).ok()).install();
    match cli.command {
        Command::Convert(args) => convert::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Check(args) => check::run(args),
        Command::Score(args) => score::run(args),
        Command::Template(args) => template::run(args),
    }
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

/// Reads the inputs and reports on stderr what could not be read and what the readers warn
/// about (only errors with `quiet`).
pub fn read_reporting(paths: &[PathBuf], quiet: bool, jobs: Jobs) -> crate::read::Inputs {
    let inputs = crate::read::read_inputs_jobs(paths, jobs.count());
    for e in &inputs.errors {
        eprintln!("jixiao: {e}");
    }
    print_diagnostics(&inputs.diagnostics, shown(quiet));
    inputs
}

/// `--jobs N`: how many workbooks are read at once.
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct Jobs {
    /// Read this many input files at once (default: one per core). The output is the same
    /// for any number.
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
}

impl Jobs {
    /// The number asked for, or the cores this process may use.
    pub fn count(self) -> usize {
        self.jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1)
    }
}

/// The least severe diagnostic to print: warnings, or only errors with `--quiet`.
pub fn shown(quiet: bool) -> Severity {
    if quiet {
        Severity::Error
    } else {
        Severity::Warning
    }
}

/// Saves what a job wrote, each file atomically, and says so unless `quiet`. Refuses first to
/// overwrite any input.
///
/// # Errors
/// When a file would replace an input, or cannot be saved.
pub fn save(output: &crate::write::Output, inputs: &[String], quiet: bool) -> anyhow::Result<()> {
    for f in &output.files {
        refuse_overwriting_input(Path::new(&f.name), inputs)?;
    }
    if let Some(dir) = output
        .files
        .first()
        .and_then(|f| Path::new(&f.name).parent())
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| crate::diag::Error::Write {
            path: dir.display().to_string(),
            message: crate::msg::cli::cannot_create_directory(e),
        })?;
    }
    for f in &output.files {
        crate::write::bytes_atomically(Path::new(&f.name), &f.bytes)?;
        if !quiet {
            eprintln!("{}", crate::msg::cli::wrote(&f.name));
        }
    }
    Ok(())
}

/// Prints diagnostics to stderr, one block each.
pub fn print_diagnostics(diagnostics: &[Diagnostic], min: Severity) {
    for d in diagnostics.iter().filter(|d| d.severity <= min) {
        eprintln!("{d}");
    }
}

/// Refuses an output that is one of the inputs: jixiao never overwrites what it reads.
///
/// # Errors
/// When `output` names the same file as one of `inputs`.
pub fn refuse_overwriting_input(output: &Path, inputs: &[String]) -> anyhow::Result<()> {
    let Ok(out) = output.canonicalize() else {
        return Ok(());
    };
    for input in inputs {
        if Path::new(input).canonicalize().is_ok_and(|i| i == out) {
            anyhow::bail!(
                "{}{}",
                crate::msg::cli::refuse_overwrite(output.display()),
                crate::msg::diag::hint_line(crate::msg::cli::refuse_overwrite_hint(
                    suggest_other_name(output).display()
                ))
            );
        }
    }
    Ok(())
}

fn suggest_other_name(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| format!(".{}", s.to_string_lossy()))
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.jixiao{ext}"))
}

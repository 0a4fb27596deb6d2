//! The command line: one file per subcommand under `cli/`, help text on the arguments.
//!
//! Exit codes are fixed: 0 success, 1 findings that count as errors (`check`), 2 unreadable
//! input or bad usage.

pub mod batch;
pub mod check;
pub mod convert;
pub mod diff;
pub mod score;
pub mod template;

use crate::diag::{Diagnostic, Severity};
use crate::msg;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// jixiao (绩效): read, check, score and write 绩效目标申报表 and 绩效自评表 workbooks.
#[derive(Parser, Debug)]
#[command(name = "jixiao", version, about, long_about = None)]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages: zh (default) or en; also JIXIAO_LANG=en.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<crate::msg::Lang>,
}

fn parse_lang(s: &str) -> Result<crate::msg::Lang, String> {
    crate::msg::Lang::from_code(s).ok_or_else(|| crate::msg::cli::unknown_lang(s))
}

/// The command line with its help in the language of [`crate::msg::lang`]: the about line of
/// the program and of each command, every argument's help (from [`crate::msg::help`], an
/// example each), and clap's headings. Parse with it, then `Cli::from_arg_matches`.
pub fn localized_command() -> clap::Command {
    use crate::msg::help;
    use clap::CommandFactory;
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        help::usage_heading()
    );
    let cmd = Cli::command()
        .about(help::about())
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(help::version_flag()),
        )
        .subcommand_help_heading(help::commands_heading());
    let mut cmd =
        localize(cmd, "jixiao", &template).subcommand_value_name(msg::args::command_placeholder());
    cmd.build();
    localize_usage(cmd)
}

/// Writes clap's usage line of a command and its subcommands with the catalogue's `[OPTIONS]`
/// (clap has no setting for it): `jixiao check [选项] <输入>...`.
fn localize_usage(mut cmd: clap::Command) -> clap::Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", &msg::args::options_placeholder());
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    cmd = cmd.override_usage(usage);
    for sub in subcommands {
        cmd = cmd.mut_subcommand(&sub, localize_usage);
    }
    cmd
}

/// An argument's value placeholder in the user's words (`<输出>` for `<OUTPUT>`).
fn localize_value(a: clap::Arg) -> clap::Arg {
    let names: Option<Vec<String>> = a.get_value_names().map(|names| {
        names
            .iter()
            .map(|n| msg::args::value_name(n).unwrap_or_else(|| n.to_string()))
            .collect()
    });
    match names {
        Some(names) => a.value_names(names),
        None => a,
    }
}

/// Puts the catalogue's help on a command's arguments, its own help flag and headings, and
/// does the same for its subcommands.
fn localize(cmd: clap::Command, name: &str, template: &str) -> clap::Command {
    use crate::msg::help;
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    let mut cmd = cmd
        .help_template(template.to_string())
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(help::help_flag())
                .display_order(999),
        );
    for (order, (id, positional)) in args.into_iter().enumerate() {
        let text = crate::msg::entry(&help::arg_id(name, &id)).map(|e| e.text());
        let heading = if positional {
            help::arguments_heading()
        } else {
            help::options_heading()
        };
        // The catalogue's text names the values itself (in the user's words, without the
        // variants' developer notes), so clap's list of them is left out.
        cmd = cmd.mut_arg(&id, |a| {
            // In the order written (clap sorts the arguments under a heading by name), the
            // options every command shares (--lang) last.
            let order = if a.is_global_set() { 900 } else { order };
            let a = localize_value(a.help_heading(heading).display_order(order));
            match text {
                Some(t) if a.get_action().takes_values() => {
                    let default: Vec<String> = a
                        .get_default_values()
                        .iter()
                        .map(|v| v.to_string_lossy().into_owned())
                        .collect();
                    let t = if default.is_empty() {
                        t.to_string()
                    } else {
                        format!("{t}{}", msg::args::default_value(default.join(",")))
                    };
                    a.help(t)
                        .hide_possible_values(true)
                        .hide_default_value(true)
                }
                Some(t) => a.help(t),
                None => a,
            }
        });
    }
    let options = help::options_heading();
    cmd = cmd.mut_arg("help", |a| a.help_heading(options));
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subcommands {
        let about = crate::msg::entry(&format!("help.{sub}")).map(|e| e.text());
        cmd = cmd.mut_subcommand(&sub, |s| {
            let s = match about {
                Some(t) => s.about(t),
                None => s,
            };
            localize(s, &sub, template)
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use crate::msg::{Lang, with_lang};

    /// Every argument of every command has its help in the catalogue, in both languages, with
    /// an example; so has every command.
    #[test]
    fn every_argument_has_help_with_an_example_in_both_languages() {
        fn walk(cmd: &clap::Command, name: &str, seen: &mut usize) {
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                let key = crate::msg::help::arg_id(name, id);
                let e = crate::msg::entry(&key).unwrap_or_else(|| panic!("no {key}"));
                assert!(e.zh.contains("例："), "{key}: {}", e.zh);
                assert!(e.en.contains("E.g."), "{key}: {}", e.en);
                *seen += 1;
            }
            for s in cmd.get_subcommands() {
                let key = format!("help.{}", s.get_name());
                assert!(crate::msg::entry(&key).is_some(), "no {key}");
                walk(s, s.get_name(), seen);
            }
        }
        let mut seen = 0;
        walk(&super::localized_command(), "jixiao", &mut seen);
        assert!(seen > 30, "{seen}");
    }

    /// Every value placeholder of every command has its words in the catalogue, so that a new
    /// option cannot bring an English `<PLACEHOLDER>` back into the Chinese help.
    #[test]
    fn every_value_placeholder_is_in_the_catalogue() {
        use clap::CommandFactory;
        fn walk(cmd: &clap::Command, missing: &mut Vec<String>) {
            for a in cmd
                .get_arguments()
                .filter(|a| a.get_action().takes_values())
            {
                for n in a.get_value_names().unwrap_or_default() {
                    if crate::msg::args::value_name(n).is_none() {
                        missing.push(format!("{} {}: <{n}>", cmd.get_name(), a.get_id()));
                    }
                }
            }
            cmd.get_subcommands().for_each(|s| walk(s, missing));
        }
        let mut missing = Vec::new();
        walk(&super::Cli::command(), &mut missing);
        assert!(missing.is_empty(), "{missing:?}");
        let zh = with_lang(Lang::Zh, || crate::msg::args::value_name("OUTPUT"));
        assert_eq!(zh.as_deref(), Some("输出"));
    }

    /// clap's own errors in the language asked for: what was wrong, a hint where clap has one,
    /// the usage line, and where to read more.
    #[test]
    fn usage_errors_read_in_the_language_asked_for() {
        let error = |lang, args: &[&str]| {
            with_lang(lang, || {
                let e = super::parse(std::iter::once("jixiao").chain(args.iter().copied()))
                    .expect_err("a usage error");
                super::usage_error(&e).expect("not help")
            })
        };
        assert_eq!(
            error(Lang::Zh, &["check", "--stict", "a.xlsx"]),
            "错误：无法识别的参数「--stict」\n  提示: 是否想用 --strict？\n\n用法: jixiao check [选项] <输入>...\n\n更多信息请加 --help 查看"
        );
        assert_eq!(
            error(Lang::Zh, &["check", "--bogus", "a.xlsx"]),
            "错误：无法识别的参数「--bogus」\n  提示: 若「--bogus」是要给出的值（如以 - 开头的文件名），请写成 -- --bogus\n\n用法: jixiao check [选项] <输入>...\n\n更多信息请加 --help 查看"
        );
        assert_eq!(
            error(Lang::Zh, &["convert", "a.xlsx", "-o"]),
            "错误：--output <输出> 后面缺少值\n\n更多信息请加 --help 查看"
        );
        assert_eq!(
            error(Lang::Zh, &["check", "--format", "xml", "a.xlsx"]),
            "错误：--format <格式> 的值「xml」无效\n  提示: 可选值：human, json\n\n更多信息请加 --help 查看"
        );
        assert_eq!(
            error(Lang::Zh, &["check", "-j", "abc", "a.xlsx"]),
            "错误：--jobs <个数> 的值「abc」无效：不是整数\n\n更多信息请加 --help 查看"
        );
        assert_eq!(
            error(Lang::Zh, &["chek"]),
            "错误：没有「chek」这个命令\n  提示: 是否想用 check？\n\n用法: jixiao [选项] <命令>\n\n更多信息请加 --help 查看"
        );
        assert_eq!(
            error(Lang::Zh, &["convert"]),
            "错误：缺少必需的参数：--output <输出>, <输入>...\n\n用法: jixiao convert [选项] --output <输出> <输入>...\n\n更多信息请加 --help 查看"
        );
        assert_eq!(
            error(Lang::En, &["check", "--bogus", "a.xlsx"]),
            "error: unexpected argument '--bogus' found\n  hint: to pass '--bogus' as a value, use '-- --bogus'\n\nUsage: jixiao check [OPTIONS] <INPUTS>...\n\nFor more information, try '--help'."
        );
        assert_eq!(
            error(Lang::En, &["check", "--format", "xml", "a.xlsx"]),
            "error: invalid value 'xml' for '--format <FORMAT>'\n  hint: possible values: human, json\n\nFor more information, try '--help'."
        );
        // --help and --version are not errors to reword: clap prints them, localized.
        let help = with_lang(Lang::Zh, || {
            super::parse(["jixiao", "check", "-h"]).unwrap_err()
        });
        assert!(super::usage_error(&help).is_none());
    }

    #[test]
    fn help_reads_in_the_language_asked_for() {
        let help = |lang| {
            with_lang(lang, || {
                super::localized_command()
                    .find_subcommand_mut("check")
                    .unwrap()
                    .render_help()
                    .to_string()
            })
        };
        let zh = help(Lang::Zh);
        assert!(zh.starts_with("按填报规则和计分规则检查表格"), "{zh}");
        assert!(
            zh.contains("\n用法: ") && zh.contains("\n参数:\n") && zh.contains("\n选项:\n"),
            "{zh}"
        );
        assert!(zh.contains("  -q, --quiet "), "{zh}");
        assert!(
            zh.contains("只显示错误（加 --strict 时也显示警告），不显示提醒和汇总行。例：-q"),
            "{zh}"
        );
        assert!(!zh.contains("SRC-") && !zh.contains("seed"), "{zh}");
        let en = help(Lang::En);
        assert!(en.contains("\nUsage: "), "{en}");
        assert!(
            en.contains("count warnings as errors for the exit code. E.g. --strict"),
            "{en}"
        );
    }
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

/// Parses the command line with [`localized_command`].
///
/// # Errors
/// clap's error: show it with [`usage_error`] (help and version requests are errors too).
pub fn parse<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::FromArgMatches;
    let matches = localized_command().try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// What to print for a clap error, in the catalogue's language, and on which stream: `None`
/// for `--help` and `--version`, which clap prints itself (already localized).
pub fn usage_error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use msg::args;
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut hints = Vec::new();
    let message = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => {
            match text(ContextKind::SuggestedArg) {
                Some(s) => hints.push(args::did_you_mean(s)),
                None if arg.starts_with('-') => hints.push(args::dash_value_tip(&arg)),
                None => {}
            }
            args::unknown_argument(&arg)
        }
        ErrorKind::InvalidSubcommand => {
            if let Some(s) = text(ContextKind::SuggestedSubcommand) {
                hints.push(args::did_you_mean(s));
            }
            args::unknown_command(text(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue if value.is_empty() => args::missing_value(&arg),
        ErrorKind::InvalidValue => {
            if let Some(s) = text(ContextKind::SuggestedValue) {
                hints.push(args::did_you_mean(s));
            }
            if let Some(v) = text(ContextKind::ValidValue) {
                hints.push(args::possible_values(v));
            }
            args::invalid_value(&value, &arg)
        }
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e);
            let reason = match source {
                Some(s) if s.is::<std::num::ParseIntError>() => args::not_a_number(),
                Some(s) => s.to_string(),
                None => String::new(),
            };
            args::invalid_value_because(&value, &arg, reason)
        }
        ErrorKind::MissingRequiredArgument => args::missing_required(&arg),
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg).unwrap_or_default();
            if prior.is_empty() || prior == arg {
                args::given_twice(&arg)
            } else {
                args::conflict(&arg, prior)
            }
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            args::wrong_number_of_values(&arg)
        }
        ErrorKind::MissingSubcommand => {
            args::missing_command(text(ContextKind::ValidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidUtf8 => args::not_utf8(),
        _ => args::other(e.kind().as_str().unwrap_or_default()),
    };
    let mut out = args::error_line(message);
    for h in hints {
        out.push_str(&msg::diag::hint_line(h));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        // clap titles it `Usage:` itself.
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        out.push_str(&format!("\n\n{}: {usage}", msg::help::usage_heading()));
    }
    out.push_str("\n\n");
    out.push_str(&args::more_info());
    Some(out)
}

/// The five subcommands, one file each under `cli/`.
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

/// An error of [`run`] as printed: each context, then the first jixiao [`crate::diag::Error`],
/// whose text already says its cause in the user's language; the causes under it (an
/// `io::Error`'s English words) are kept for programs, not printed again.
pub fn error_text(err: &anyhow::Error) -> String {
    let mut parts = Vec::new();
    for cause in err.chain() {
        parts.push(cause.to_string());
        if cause.is::<crate::diag::Error>() {
            break;
        }
    }
    parts.join(": ")
}

/// Exit code of a run that did its job (for `check`: no finding that counts as an error).
pub const EXIT_OK: u8 = 0;
/// Exit code of `check` with errors (or warnings, with `--strict`), and of `diff` with differences.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code of an unreadable input, a bad command line, or an output not written.
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

/// Saves what a job wrote, each file atomically (flat CSV tables as one directory), and says
/// so unless `quiet`. Refuses first to overwrite any input, or to write into a directory the
/// inputs came from (the next run would read the output back as input).
///
/// # Errors
/// When a file would replace an input or land in an input directory, or cannot be saved.
pub fn save(output: &crate::write::Output, inputs: &[String], quiet: bool) -> anyhow::Result<()> {
    for f in &output.files {
        refuse_overwriting_input(Path::new(&f.name), inputs)?;
        refuse_input_directory(Path::new(&f.name), inputs)?;
    }
    if let Some(dir) = &output.directory {
        let files: Vec<(String, Vec<u8>)> = output
            .files
            .iter()
            .map(|f| {
                let name = Path::new(&f.name)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, f.bytes.clone())
            })
            .collect();
        crate::write::directory_atomically(
            Path::new(dir),
            &files,
            &crate::layout::flat::TABLE_FILES,
        )?;
        if !quiet {
            for f in &output.files {
                eprintln!("{}", crate::msg::cli::wrote(&f.name));
            }
        }
        return Ok(());
    }
    if let Some(dir) = output
        .files
        .first()
        .and_then(|f| Path::new(&f.name).parent())
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| {
            let message = crate::msg::cli::cannot_create_directory(crate::msg::io(&e));
            crate::diag::Error::write(dir.display().to_string(), message).because(e)
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

/// From now on SIGINT, SIGTERM and SIGHUP remove the temporary files being written
/// ([`crate::write::remove_temporaries`]) and end the program with 128 + the signal. Call it
/// first thing, before any other thread starts (they inherit the blocked signals).
#[cfg(unix)]
pub fn remove_temporaries_on_signal() {
    // SAFETY: plain libc calls on a local signal set; the set is copied into the thread.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::sigaddset(&mut set, sig);
        }
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return;
        }
        std::thread::spawn(move || {
            let mut sig: libc::c_int = 0;
            if libc::sigwait(&set, &mut sig) == 0 {
                crate::write::remove_temporaries();
                std::process::exit(128 + sig);
            }
        });
    }
}

/// Elsewhere the default handling stays.
#[cfg(not(unix))]
pub fn remove_temporaries_on_signal() {}

/// Writes what `convert` or `score` made: names each file whose forms were left out, prints
/// the refusal when nothing can be written, and never writes over or into an input (`given`
/// are the paths on the command line, directories among them). `Ok(false)`: nothing written.
///
/// # Errors
/// See [`save`].
pub fn save_converted(
    done: &crate::jobs::Converted,
    read: &[String],
    given: &[PathBuf],
    quiet: bool,
) -> anyhow::Result<bool> {
    for (file, n) in &done.rejected {
        eprintln!(
            "{}{}",
            msg::cli::program_prefix(),
            msg::cli::file_rejected(file, n)
        );
    }
    let output = match &done.output {
        Ok(output) => output,
        Err(refusal) => {
            eprintln!("{}{refusal}", msg::cli::program_prefix());
            return Ok(false);
        }
    };
    let read_paths: Vec<String> = read
        .iter()
        .cloned()
        .chain(given.iter().map(|p| p.display().to_string()))
        .collect();
    save(output, &read_paths, quiet)?;
    Ok(true)
}

/// Refuses an output inside (or equal to) a directory given as input.
///
/// # Errors
/// When `output` lies in one of the input directories.
pub fn refuse_input_directory(output: &Path, inputs: &[String]) -> anyhow::Result<()> {
    // The output may not exist yet: resolve the nearest existing ancestor.
    let mut probe = output.to_path_buf();
    let out = loop {
        if let Ok(c) = probe.canonicalize() {
            break c.join(output.strip_prefix(&probe).unwrap_or(Path::new("")));
        }
        if !probe.pop() || probe.as_os_str().is_empty() {
            match std::env::current_dir() {
                Ok(cwd) => break cwd.join(output),
                Err(_) => return Ok(()),
            }
        }
    };
    // Only directories can hold the output: the files of a batch (thousands) are not resolved.
    for input in inputs.iter().filter(|i| Path::new(i).is_dir()) {
        let Ok(dir) = Path::new(input).canonicalize() else {
            continue;
        };
        if out.starts_with(&dir) {
            let other = dir.parent().unwrap_or(Path::new(".")).join(format!(
                "{}-out",
                dir.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ));
            anyhow::bail!(
                "{}{}",
                msg::cli::output_in_input_directory(output.display(), input),
                msg::diag::hint_line(msg::cli::output_in_input_directory_hint(other.display()))
            );
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
    let is_output = same_file_as(&out);
    for input in inputs {
        if is_output(Path::new(input)) {
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

/// Whether a path is the existing file `file` (canonical), links followed: on Unix by device
/// and inode, one `stat` a path (a batch asks it of every input; resolving every component of
/// each path cost ten system calls an input), elsewhere by canonical path.
fn same_file_as(file: &Path) -> impl Fn(&Path) -> bool + '_ {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let id = |p: &Path| p.metadata().ok().map(|m| (m.dev(), m.ino()));
        let file_id = id(file);
        move |p: &Path| file_id.is_some() && id(p) == file_id
    }
    #[cfg(not(unix))]
    {
        move |p: &Path| p.canonicalize().is_ok_and(|c| c == file)
    }
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

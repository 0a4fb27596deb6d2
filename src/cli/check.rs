//! `jixiao check INPUT...`: every finding of every rule on every form, human-readable or JSON.
//!
//! Exit codes: 0 no errors, 1 errors (warnings too with `--strict`), 2 an input could not be
//! read (this wins over 1: the findings are incomplete).

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE};
use crate::check::Options;
use crate::diag::Severity;
use crate::jobs;

use crate::score::{QualBands, QuantFormula, Rounding, ScoringOptions};
use clap::{Args, ValueEnum};
use rust_decimal::Decimal;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `jixiao check`: its arguments (help text from the catalogue, [`crate::msg::help`]).
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Workbooks (.xlsx .xlsm .xls .ods), JSON models, or directories of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output: `human` (one finding per line, rustc style) or `json` (for machines).
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Count warnings as errors for the exit code.
    #[arg(long)]
    pub strict: bool,
    /// Print only errors (and warnings with --strict); infos and the summary are dropped.
    #[arg(short, long)]
    pub quiet: bool,
    /// `--jobs`: how many inputs to read at once.
    #[command(flatten)]
    pub jobs: super::Jobs,
    /// Also list infos: remarks that are not problems, such as a 指标值 written `100%` as the
    /// 2023 official forms print it (read as =100%). Hidden by default, counted in the summary.
    #[arg(long)]
    pub show_info: bool,
    /// Also write a workbook to send back: a copy of every form with each finding's cell
    /// filled (errors red, warnings yellow) and noted, after a first sheet 问题清单 listing them all.
    #[arg(long, value_name = "REPORT.xlsx")]
    pub report: Option<PathBuf>,
    /// `--rounding`, `--quant-formula`, `--qual-bands`, `--execution-weight`.
    #[command(flatten)]
    pub scoring: ScoringArgs,
}

/// The scoring policy where sources disagree (DOMAIN §6); shared by `check` and `score`.
#[derive(Args, Debug, Clone)]
pub struct ScoringArgs {
    /// How computed rates and scores are brought to 2 decimals: truncate (Shanghai 市级) or
    /// half-up (普陀 district, the MoF 一体化 system).
    #[arg(long, value_enum, default_value_t = Rounding::Truncate)]
    pub rounding: Rounding,
    /// Formulas for quantitative indicators below target: mof (正向 B/A×w, 反向 linear to 0 at 2×target) or provincial (w×B/A, w×A/B).
    #[arg(long, value_enum, default_value_t = QuantFormula::Mof)]
    pub quant_formula: QuantFormula,
    /// Score bands of qualitative indicators: 80-60 (national) or 80-50 (Hubei and others).
    #[arg(long, value_enum, default_value_t = QualBands::B80_60)]
    pub qual_bands: QualBands,
    /// 分值 of budget execution when the form prints none, and the weight expected when it does.
    #[arg(long, default_value = "10", value_name = "POINTS")]
    pub execution_weight: Decimal,
}

impl ScoringArgs {
    /// The options as the library takes them.
    pub fn options(&self) -> ScoringOptions {
        ScoringOptions {
            rounding: self.rounding,
            quant_formula: self.quant_formula,
            qual_bands: self.qual_bands,
            execution_weight: self.execution_weight,
        }
    }
}

/// `check --format`: how findings are printed.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// One finding per line, rustc style, then a summary.
    Human,
    /// The [`crate::jobs::CheckReport`] as JSON, for programs.
    Json,
}

/// Runs `jixiao check`: prints the findings and returns [`super::EXIT_FINDINGS`] when some
/// count as errors.
///
/// # Errors
/// When `--report` would overwrite an input or cannot be written, or stdout cannot be
/// written; the run then ends with exit code 2.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let opts = Options {
        scoring: args.scoring.options(),
    };
    let human = args.format == ReportFormat::Human;
    let min = if !args.quiet {
        Severity::Info
    } else if args.strict {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut stdout = std::io::stdout().lock();
    let mut report = jobs::CheckReport::default();
    let mut files = 0;
    if let Some(path) = &args.report {
        // The reviewer's workbook copies every form: the batch is held whole.
        let inputs = crate::read::read_inputs_jobs(&args.inputs, args.jobs.count());
        report.add(&inputs, &opts);
        files = inputs.files.len();
        let inputs_shown: Vec<String> = args
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        super::refuse_overwriting_input(path, &inputs_shown)?;
        crate::write::bytes_atomically(path, &report.to_xlsx(&inputs)?)?;
        if !args.show_info {
            report.hide_infos();
        }
        if human {
            for e in &report.unreadable {
                eprintln!("jixiao: {e}");
            }
            for d in report.findings.iter().filter(|d| d.severity <= min) {
                writeln!(stdout, "{d}")?;
            }
        }
    } else {
        // One input at a time: its findings are printed (human) before the next is read.
        let plan = crate::read::stream::Plan::of(&args.inputs);
        report.findings.extend(plan.skipped.iter().cloned());
        report.counts += crate::check::Counts::of(&plan.skipped);
        let mut progress = super::batch::Progress::new(plan.len(), args.quiet || !human);
        plan.read_each(args.jobs.count(), |item| -> anyhow::Result<()> {
            let mut one = crate::read::Inputs::default();
            one.add_item(item);
            files += one.files.len();
            let start = report.findings.len();
            report.add(&one, &opts);
            if !args.show_info {
                let kept: Vec<_> = report
                    .findings
                    .drain(start..)
                    .filter(|d| d.severity != Severity::Info)
                    .collect();
                report.findings.extend(kept);
                report.infos_hidden = true;
            }
            if human {
                progress.say(|| -> std::io::Result<()> {
                    for e in &one.errors {
                        eprintln!("jixiao: {e}");
                    }
                    for d in report.findings.iter().filter(|d| d.severity <= min) {
                        writeln!(stdout, "{d}")?;
                    }
                    Ok(())
                })?;
                // Printed: only the counts are kept.
                report.findings.clear();
            }
            progress.inc();
            Ok(())
        })?;
        progress.finish();
        if human {
            // An empty batch: the notes on what was skipped.
            for d in report.findings.drain(..).filter(|d| d.severity <= min) {
                writeln!(stdout, "{d}")?;
            }
        }
    }
    let counts = report.counts;
    match args.format {
        ReportFormat::Json => {
            stdout.write_all(report.to_json().as_bytes())?;
        }
        ReportFormat::Human => {
            if report.unreadable.is_empty() && report.forms == 0 {
                eprintln!(
                    "{}{}",
                    crate::msg::cli::program_prefix(),
                    crate::msg::review::no_form_read()
                );
            }
            if !args.quiet {
                write!(
                    stdout,
                    "{}",
                    crate::msg::cli::check_summary(
                        report.forms,
                        files,
                        counts.errors,
                        counts.warnings,
                        counts.infos
                    )
                )?;
                if counts.infos > 0 && report.infos_hidden {
                    write!(stdout, "{}", crate::msg::review::infos_hidden())?;
                }
                if !report.unreadable.is_empty() {
                    let count = report.unreadable.len();
                    write!(stdout, "{}", crate::msg::review::unreadable_files(count))?;
                }
                if report.blank_forms > 0 {
                    write!(
                        stdout,
                        "{}",
                        crate::msg::review::blank_forms(report.blank_forms)
                    )?;
                }
                writeln!(stdout)?;
            }
        }
    }
    let failing = counts.errors + if args.strict { counts.warnings } else { 0 };
    // No form at all (an empty folder, a sheet with only a title) is never a clean check.
    let code = if !report.unreadable.is_empty() || report.forms == 0 {
        EXIT_UNREADABLE
    } else if failing > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    Ok(ExitCode::from(code))
}

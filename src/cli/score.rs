//! `jixiao score INPUT... -o OUTPUT`: fills in what can be computed in the self-evaluations —
//! 执行率, 预算执行得分, quantitative indicator scores, 总分, 评分等级 — and writes the forms out.
//!
//! What the user typed is kept unless `--overwrite`; `--explain` prints, per figure, the formula
//! and numbers that gave it. Declarations pass through unchanged.

use super::check::ScoringArgs;
use super::{EXIT_OK, EXIT_UNREADABLE, print_diagnostics};
use crate::formats::OutputFormat;
use crate::jobs;
use crate::msg::cli as msg;
use crate::score::Action;
use anyhow::bail;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// `jixiao score`: its arguments (help text from the catalogue, [`crate::msg::help`]).
#[derive(Args, Debug)]
pub struct ScoreArgs {
    /// Workbooks (.xlsx .xlsm .xls .ods), JSON models, or directories of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file; its extension chooses the format (.json, .xlsx).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Replace figures the form already holds when the computed value differs.
    #[arg(long)]
    pub overwrite: bool,
    /// Print, per figure, the formula and the numbers that gave it.
    #[arg(long)]
    pub explain: bool,
    /// Print only errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// `--jobs`: how many inputs to read at once.
    #[command(flatten)]
    pub jobs: super::Jobs,
    /// `--rounding`, `--quant-formula`, `--qual-bands`, `--execution-weight`.
    #[command(flatten)]
    pub scoring: ScoringArgs,
}

/// Runs `jixiao score`: fills the computable figures of every 自评表 and writes the forms
/// to the output (its extension chooses the format); with `--explain`, prints each figure's
/// formula.
///
/// # Errors
/// An output extension that names no format, an output that would overwrite an input, or a
/// write that failed; the run then ends with exit code 2.
pub fn run(args: ScoreArgs) -> anyhow::Result<ExitCode> {
    let name = args.output.display().to_string();
    let to = match OutputFormat::from_file_name(&name) {
        Some(f) => f,
        None => bail!(
            "{}{}",
            msg::unknown_output_format(&name),
            crate::msg::diag::hint_line(msg::json_or_xlsx_hint())
        ),
    };
    let inputs = super::read_reporting(&args.inputs, args.quiet, args.jobs);
    let opts = args.scoring.options();
    // Sheets that hold no form (a 汇总) are written again beside the forms (issue 15).
    let kept: Vec<crate::grid::Grid> = if to == OutputFormat::Xlsx {
        inputs
            .files
            .iter()
            .filter_map(|f| {
                Some(crate::read::sheets_without_forms(
                    &std::fs::read(f).ok()?,
                    f,
                ))
            })
            .flatten()
            .collect()
    } else {
        Vec::new()
    };
    let (done, scored) = jobs::score_keeping(&inputs, &kept, &opts, args.overwrite, to, &name)?;
    for s in &scored {
        if args.explain {
            println!(
                "{}",
                match &s.at {
                    Some(at) => crate::msg::score::heading_at(&s.project, at),
                    None => crate::msg::score::heading(&s.project),
                }
            );
            for e in &s.explanations {
                println!("  {e}");
            }
        }
        if !args.quiet {
            // A 总分 or 评分等级 left blank says why (issue 15).
            for e in s.explanations.iter().filter(|e| e.leaves_total_blank()) {
                eprintln!("jixiao: {}: {}{}", s.project, e.subject, e.formula);
            }
            for e in s.explanations.iter().filter(|e| e.action == Action::Kept) {
                eprintln!(
                    "jixiao: {}",
                    msg::kept_figure(
                        &s.project,
                        &e.subject,
                        e.printed.as_deref().unwrap_or(""),
                        e.value.as_deref().unwrap_or("")
                    )
                );
            }
        }
    }
    print_diagnostics(&done.diagnostics, super::shown(args.quiet));
    if !super::save_converted(&done, &inputs.files, &args.inputs, args.quiet)? {
        return Ok(ExitCode::from(EXIT_UNREADABLE));
    }
    let code = if inputs.errors.is_empty() && done.rejected.is_empty() {
        EXIT_OK
    } else {
        EXIT_UNREADABLE
    };
    Ok(ExitCode::from(code))
}

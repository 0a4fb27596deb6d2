//! `jixiao score INPUT... -o OUTPUT`: fills in what can be computed in the self-evaluations —
//! 执行率, 预算执行得分, quantitative indicator scores, 总分, 评分等级 — and writes the forms out.
//!
//! What the user typed is kept unless `--overwrite`; `--explain` prints, per figure, the formula
//! and numbers that gave it. Declarations pass through unchanged.

use super::check::ScoringArgs;
use super::{EXIT_OK, EXIT_UNREADABLE, print_diagnostics, refuse_overwriting_input};
use crate::diag::Severity;
use crate::model::{Document, Form};
use crate::msg::cli as msg;
use crate::score::{self, Action};
use anyhow::bail;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    #[command(flatten)]
    pub scoring: ScoringArgs,
}

/// Writes the scored document, in the format the output's extension names: the one place
/// that knows the output formats.
fn write_output(doc: &Document, path: &Path, min: Severity) -> anyhow::Result<()> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "json" => Ok(crate::write::json::write(doc, path)?),
        "xlsx" => {
            let written = crate::write::write_xlsx(doc, path)?;
            print_diagnostics(&written.diagnostics, min);
            Ok(())
        }
        _ => bail!(
            "{}{}",
            msg::unknown_output_format(path.display()),
            crate::msg::diag::hint_line(msg::json_or_xlsx_hint())
        ),
    }
}

pub fn run(args: ScoreArgs) -> anyhow::Result<ExitCode> {
    let mut inputs = super::read_reporting(&args.inputs, args.quiet);
    if inputs.document.forms.is_empty() {
        eprintln!("jixiao: {}", msg::nothing_written_no_form());
        return Ok(ExitCode::from(EXIT_UNREADABLE));
    }
    refuse_overwriting_input(&args.output, &inputs.files)?;
    let opts = args.scoring.options();
    for form in &mut inputs.document.forms {
        let Form::SelfEvaluation(se) = form else {
            continue;
        };
        let explanations = score::fill(se, &opts, args.overwrite);
        if args.explain {
            println!("{}:", se.project_name);
            for e in &explanations {
                println!("  {e}");
            }
        }
        if !args.quiet {
            for e in explanations.iter().filter(|e| e.action == Action::Kept) {
                eprintln!(
                    "jixiao: {}",
                    msg::kept_figure(
                        &se.project_name,
                        &e.subject,
                        e.printed.as_deref().unwrap_or(""),
                        e.value.as_deref().unwrap_or("")
                    )
                );
            }
        }
    }
    write_output(&inputs.document, &args.output, super::shown(args.quiet))?;
    if !args.quiet {
        eprintln!("{}", msg::wrote(args.output.display()));
    }
    let code = if inputs.errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_UNREADABLE
    };
    Ok(ExitCode::from(code))
}

//! `jixiao diff OLD NEW`: what changed between two workbooks, JSON models or flat tables, form by
//! form — so a reviewer sees what a correction round did.

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, print_diagnostics};
use crate::diag::Severity;
use crate::jobs;
use crate::read::{Inputs, read_inputs};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// `jixiao diff OLD NEW`: its arguments.
#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The forms before: a workbook, JSON model, flat-table workbook or CSV directory.
    pub old: PathBuf,
    /// The forms after, in any of the same formats.
    pub new: PathBuf,
}

/// Prints the differences to stdout; exit 0 when the forms are the same, 1 when they differ, 2
/// when a side cannot be read without errors (the policy of [`jobs::diff`]).
///
/// # Errors
/// None as yet: a side that cannot be read is exit code 2, not an error; the `Result` is the
/// shape of every subcommand's `run`.
pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let old = read_side(&args.old);
    let new = read_side(&args.new);
    let Ok(diffs) = jobs::diff(&old, &new) else {
        return Ok(ExitCode::from(EXIT_UNREADABLE));
    };
    for d in &diffs {
        println!("{d}");
    }
    if diffs.is_empty() {
        eprintln!(
            "{}",
            crate::msg::cli::no_differences(new.document.forms.len())
        );
        Ok(ExitCode::from(EXIT_OK))
    } else {
        let changes: usize = diffs.iter().map(|d| d.changes.len().max(1)).sum();
        eprintln!("{}", crate::msg::cli::differences(changes, diffs.len()));
        Ok(ExitCode::from(EXIT_FINDINGS))
    }
}

/// One side's forms, with what could not be read printed.
fn read_side(path: &PathBuf) -> Inputs {
    let inputs = read_inputs(std::slice::from_ref(path));
    for e in &inputs.errors {
        eprintln!("jixiao: {e}");
    }
    print_diagnostics(&inputs.diagnostics, Severity::Error);
    inputs
}

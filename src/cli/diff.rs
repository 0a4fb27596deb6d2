//! `jixiao diff OLD NEW`: what changed between two workbooks, JSON models or flat tables, form by
//! form — so a reviewer sees what a correction round did.

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, print_diagnostics};
use crate::diag::Severity;
use crate::diff::diff;
use crate::model::Document;
use crate::read::read_inputs;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The forms before: a workbook, JSON model, flat-table workbook or CSV directory.
    pub old: PathBuf,
    /// The forms after, in any of the same formats.
    pub new: PathBuf,
}

/// Prints the differences to stdout; exit 0 when the forms are the same, 1 when they differ, 2
/// when a side cannot be read.
pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let (Some(old), Some(new)) = (read_side(&args.old), read_side(&args.new)) else {
        return Ok(ExitCode::from(EXIT_UNREADABLE));
    };
    let diffs = diff(&old, &new);
    for d in &diffs {
        println!("{d}");
    }
    if diffs.is_empty() {
        eprintln!("{}", crate::msg::cli::no_differences(new.forms.len()));
        Ok(ExitCode::from(EXIT_OK))
    } else {
        let changes: usize = diffs.iter().map(|d| d.changes.len().max(1)).sum();
        eprintln!("{}", crate::msg::cli::differences(changes, diffs.len()));
        Ok(ExitCode::from(EXIT_FINDINGS))
    }
}

/// One side's forms, or `None` (after printing why) when it cannot be read without errors:
/// a diff against half-read forms would list changes that are not there.
fn read_side(path: &PathBuf) -> Option<Document> {
    let inputs = read_inputs(std::slice::from_ref(path));
    for e in &inputs.errors {
        eprintln!("jixiao: {e}");
    }
    print_diagnostics(&inputs.diagnostics, Severity::Error);
    let failed = !inputs.errors.is_empty()
        || inputs
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
    (!failed).then_some(inputs.document)
}

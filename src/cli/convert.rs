//! `jixiao convert INPUT... -o OUTPUT`: workbooks, JSON models and directories in; JSON,
//! official workbooks or flat tables out, chosen by `--to` or the output's extension.

use super::{EXIT_OK, EXIT_UNREADABLE, print_diagnostics, refuse_overwriting_input};
use crate::diag::Severity;
use crate::migrate::{Scope as MigrateScope, Taxonomy, migrate_document};
use crate::model::Document;
use crate::msg::cli as msg;
use crate::write;
use anyhow::bail;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ConvertArgs {
    /// Workbooks (.xlsx .xlsm .xls .ods), JSON models, or directories of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file (.json, .xlsx) or, with --to csv, a directory.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Output format; by default taken from the output's extension.
    #[arg(long, value_enum)]
    pub to: Option<OutputFormat>,
    /// Treat reader warnings (such as unmapped cells) as errors: write nothing and exit 2.
    #[arg(long)]
    pub strict: bool,
    /// Print only errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Convert the forms to this indicator set: 2020 目标表 become 申报表, and the rows of 申报表
    /// and 自评表 move between the older and the current national sets. Without it, workbooks
    /// (.xlsx) get their 目标表 and 申报表 in the current set and their 自评表 as read; JSON and
    /// CSV keep every form as read.
    #[arg(long, value_enum)]
    pub taxonomy: Option<TaxonomyArg>,
}

/// `--taxonomy`: the indicator set to convert to.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxonomyArg {
    /// 财预〔2021〕101号: 成本指标 is a 一级 (Shanghai 申报表 from 2024).
    Current,
    /// 财预〔2015〕88号: 成本指标 under 产出指标.
    Old,
}

impl From<TaxonomyArg> for Taxonomy {
    fn from(t: TaxonomyArg) -> Self {
        match t {
            TaxonomyArg::Current => Taxonomy::Current,
            TaxonomyArg::Old => Taxonomy::Old,
        }
    }
}

/// What `convert` writes.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// The model as JSON.
    Json,
    /// Official 申报表 / 自评表 workbook, one form per sheet.
    Xlsx,
    /// Flat tables as CSV files in a directory.
    Csv,
    /// Flat tables as the sheets of one workbook, to correct many forms in Excel or WPS.
    XlsxFlat,
}

impl OutputFormat {
    fn from_extension(path: &Path) -> Option<OutputFormat> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(OutputFormat::Json),
            "xlsx" => Some(OutputFormat::Xlsx),
            _ => None,
        }
    }
}

pub fn run(args: ConvertArgs) -> anyhow::Result<ExitCode> {
    let format = match args
        .to
        .or_else(|| OutputFormat::from_extension(&args.output))
    {
        Some(f) => f,
        None => bail!(
            "{}{}",
            msg::unknown_output_format(args.output.display()),
            crate::msg::diag::hint_line(msg::convert_format_hint())
        ),
    };
    let mut inputs = super::read_reporting(&args.inputs, args.quiet);
    let min = super::shown(args.quiet);
    if !args.quiet {
        summarise(&inputs.document);
    }
    let taxonomy = match args.taxonomy {
        Some(t) => Some((Taxonomy::from(t), MigrateScope::All)),
        None => (format == OutputFormat::Xlsx)
            .then_some((Taxonomy::Current, MigrateScope::Declarations)),
    };
    if let Some((taxonomy, scope)) = taxonomy {
        let migrated = migrate_document(&inputs.document, taxonomy, scope);
        print_diagnostics(&migrated.diagnostics, min);
        inputs.document = migrated.value;
        inputs.diagnostics.extend(migrated.diagnostics);
    }
    let errors = inputs
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = inputs
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    if errors > 0 || (args.strict && warnings > 0) {
        eprintln!(
            "jixiao: {}",
            if args.strict {
                msg::nothing_written_strict(errors, warnings)
            } else {
                msg::nothing_written_errors(errors)
            }
        );
        return Ok(ExitCode::from(EXIT_UNREADABLE));
    }
    if inputs.document.forms.is_empty() {
        eprintln!("jixiao: {}", msg::nothing_written_no_form());
        return Ok(ExitCode::from(EXIT_UNREADABLE));
    }
    let targets = match format {
        OutputFormat::Csv => write::flat::csv_paths(&inputs.document, &args.output),
        _ => vec![args.output.clone()],
    };
    for t in &targets {
        refuse_overwriting_input(t, &inputs.files)?;
    }
    let written = match format {
        OutputFormat::Json => {
            write::json::write(&inputs.document, &args.output)?;
            vec![args.output.clone()]
        }
        OutputFormat::Csv => {
            print_diagnostics(&write::flat::not_carried(&inputs.document), min);
            write::flat::write_csv_dir(&inputs.document, &args.output)?
        }
        OutputFormat::XlsxFlat => {
            print_diagnostics(&write::flat::not_carried(&inputs.document), min);
            write::flat::write_xlsx(&inputs.document, &args.output)?;
            vec![args.output.clone()]
        }
        OutputFormat::Xlsx => {
            let outcome = write::write_xlsx(&inputs.document, &args.output)?;
            print_diagnostics(&outcome.diagnostics, min);
            vec![args.output.clone()]
        }
    };
    if !args.quiet {
        for w in &written {
            eprintln!("{}", msg::wrote(w.display()));
        }
    }
    let code = if inputs.errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_UNREADABLE
    };
    Ok(ExitCode::from(code))
}

/// One line per form: kind, project, and how many of its cells were mapped.
fn summarise(doc: &Document) {
    for form in &doc.forms {
        let Some(src) = form.source() else { continue };
        if src.cells_read == 0 {
            // Read from flat tables or JSON: the source is where the form first came from.
            eprintln!(
                "{}",
                msg::read_from(
                    form.kind_label(),
                    form.project_name(),
                    &src.file,
                    &src.sheet
                )
            );
            continue;
        }
        let mapped = src.cells_read as usize - src.unmapped.len();
        eprintln!(
            "{}",
            msg::read_mapped(
                form.kind_label(),
                form.project_name(),
                &src.file,
                &src.sheet,
                mapped,
                src.cells_read
            )
        );
    }
}

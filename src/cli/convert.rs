//! `jixiao convert INPUT... -o OUTPUT`: workbooks, JSON models and directories in; JSON,
//! official workbooks or flat tables out, chosen by `--to` or the output's extension. The
//! policy is [`crate::jobs::convert`]'s; this file does files, printing and exit codes.

use super::batch::{Progress, Tally, Target};
use super::{EXIT_OK, EXIT_UNREADABLE, print_diagnostics};
use crate::formats::OutputFormat;
use crate::jobs::{Conversion, ConvertOptions};
use crate::model::Document;
use crate::msg::cli as msg;
use crate::read::Inputs;
use crate::read::stream::Plan;
use crate::taxonomy::TaxonomySet;
use crate::write::LayoutChoice;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `jixiao convert`: its arguments (help text from the catalogue, [`crate::msg::help`]).
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
    /// Also print one line per form read (kind, project, cells mapped), and the informational
    /// notes (such as the layout `--layout source` chose).
    #[arg(short, long)]
    pub verbose: bool,
    /// `--jobs`: how many inputs to read at once.
    #[command(flatten)]
    pub jobs: super::Jobs,
    /// Convert the forms to this indicator set: 2020 目标表 become 申报表, and the rows of 申报表
    /// and 自评表 move between the older and the current national sets; every moved row is
    /// reported. Without it every form keeps the set it was read with; only a 2020 目标表 written
    /// to a workbook (.xlsx) becomes a 申报表 on the current set.
    #[arg(long, value_enum)]
    pub taxonomy: Option<TaxonomySet>,
    /// Office profile (a built-in name such as xining, or a TOML file as in templates/offices/):
    /// fills a blank 主管部门, and 项目类别 where the profile gives one, and says so (a converted
    /// 2020 目标表 has neither).
    #[arg(long)]
    pub profile: Option<PathBuf>,
    /// Layout of a written workbook (.xlsx): `official`, the Shanghai 8-column forms (default),
    /// or `source`, each form in the layout it was read from, with its own labels (6- or
    /// 9-column forms, 宝山 labels, the 2020 目标表), to give corrections back to the office.
    #[arg(long, value_enum)]
    pub layout: Option<LayoutArg>,
}

/// `--layout`: the layout of written workbooks.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutArg {
    /// The official Shanghai 8-column 申报表 and 自评表.
    Official,
    /// Each form in the layout it was read from.
    Source,
}

impl From<LayoutArg> for LayoutChoice {
    fn from(l: LayoutArg) -> Self {
        match l {
            LayoutArg::Official => LayoutChoice::Official,
            LayoutArg::Source => LayoutChoice::Source,
        }
    }
}

/// Runs `jixiao convert`: reads every input, then writes the output atomically (one file, a
/// CSV directory, or one file per input when the output is a folder), or nothing when the
/// forms are refused.
///
/// # Errors
/// A format that cannot be told, a profile that cannot be read, an output that would
/// overwrite an input, or a write that failed; the run then ends with exit code 2.
pub fn run(args: ConvertArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let name = args.output.display().to_string();
    let per_input = is_folder_of_outputs(&args.output, args.to);
    let to = match per_input {
        true => args.to.unwrap_or(OutputFormat::Xlsx),
        false => OutputFormat::choose(args.to, &name)?,
    };
    let profile = match &args.profile {
        Some(p) => Some(super::template::load_profile(p)?),
        None => None,
    };
    let plan = Plan::of(&args.inputs);
    // Nothing is read before every output is known not to overwrite or land among the inputs.
    let read: Vec<String> = plan
        .files()
        .chain(&args.inputs)
        .map(|p| p.display().to_string())
        .collect();
    let outputs = match per_input {
        true => outputs_per_input(&plan, &args.output, to)?,
        false => vec![args.output.clone()],
    };
    for out in &outputs {
        super::refuse_input_directory(out, &read)?;
        super::refuse_overwriting_input(out, &read)?;
    }
    let min = match args.verbose && !args.quiet {
        true => crate::diag::Severity::Info,
        false => super::shown(args.quiet),
    };
    print_diagnostics(&plan.skipped, min);
    let opts = ConvertOptions {
        to,
        taxonomy: args.taxonomy,
        strict: args.strict,
        layout: args.layout.map(LayoutChoice::from).unwrap_or_default(),
    };
    let conversion = || Conversion::new(opts, profile.as_ref());
    let mut tally = Tally::default();
    tally.diagnostics(&plan.skipped);
    let mut progress = Progress::new(plan.len(), args.quiet);
    let mut single = match per_input {
        true => None,
        false => Some(Target::new(&args.output, to, conversion())?),
    };
    let mut outputs = outputs.into_iter();
    let mut failed = false;
    plan.read_each(args.jobs.count(), |item| -> anyhow::Result<()> {
        let mut one = Inputs::default();
        one.add_item(item);
        tally.read(&one);
        progress.say(|| {
            for e in &one.errors {
                eprintln!("{}{e}", msg::program_prefix());
            }
            print_diagnostics(&one.diagnostics, min);
            if args.verbose && !args.quiet {
                summarise(&one.document);
            }
        });
        failed |= !one.errors.is_empty();
        let added = match &mut single {
            Some(target) => target.add(one)?,
            None if one.files.is_empty() => Vec::new(),
            // Unreadable: said above; no output.
            None if !one.errors.is_empty() => {
                outputs.next();
                Vec::new()
            }
            None => {
                // One output per input, written before the next is read.
                let out = outputs.next().unwrap_or_default();
                let mut target = Target::new(&out, to, conversion())?;
                let mut added = target.add(one)?;
                let (ok, more) = finish(target, &args, &progress)?;
                added.extend(more);
                failed |= !ok;
                added
            }
        };
        tally.diagnostics(&added);
        progress.say(|| print_diagnostics(&added, min));
        progress.inc();
        Ok(())
    })?;
    progress.finish();
    if let Some(target) = single {
        let (ok, more) = finish(target, &args, &progress)?;
        tally.diagnostics(&more);
        print_diagnostics(&more, min);
        if !ok {
            return Ok(ExitCode::from(EXIT_UNREADABLE));
        }
    }
    if !args.quiet {
        eprintln!("{}", tally.line(started));
    }
    Ok(ExitCode::from(if failed {
        EXIT_UNREADABLE
    } else {
        EXIT_OK
    }))
}

/// Ends one output: names each input whose forms were left out, then keeps the output and
/// says so, or says why nothing was written. `Ok(false)`: something was left out.
fn finish(
    target: Target,
    args: &ConvertArgs,
    progress: &Progress,
) -> anyhow::Result<(bool, Vec<crate::diag::Diagnostic>)> {
    let rejected = target.rejected().to_vec();
    progress.say(|| {
        for (file, n) in &rejected {
            eprintln!("{}{}", msg::program_prefix(), msg::file_rejected(file, n));
        }
    });
    let done = target.finish()?;
    progress.say(|| match &done.written {
        Ok(files) if !args.quiet => {
            for f in files {
                eprintln!("{}", msg::wrote(f));
            }
        }
        Ok(_) => {}
        Err(refusal) => eprintln!("{}{refusal}", msg::program_prefix()),
    });
    Ok((
        done.written.is_ok() && rejected.is_empty(),
        done.diagnostics,
    ))
}

/// Whether `-o` names a folder to write one output per input into: it ends in `/` (or `\`), or
/// is a folder already, and the format is not the flat CSV tables (whose output is a folder
/// of tables).
fn is_folder_of_outputs(output: &Path, to: Option<OutputFormat>) -> bool {
    let shown = output.as_os_str().to_string_lossy();
    to != Some(OutputFormat::Csv)
        && (shown.ends_with('/') || shown.ends_with('\\') || output.is_dir())
}

/// `DIR/<input's base name>.<format's extension>` for every input of the plan, in order;
/// refused when two inputs would share one output.
fn outputs_per_input(plan: &Plan, dir: &Path, to: OutputFormat) -> anyhow::Result<Vec<PathBuf>> {
    let ext = match to {
        OutputFormat::Json => "json",
        _ => "xlsx",
    };
    let mut seen: std::collections::HashMap<PathBuf, &Path> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for file in plan.files() {
        let stem = file.file_stem().unwrap_or(file.as_os_str());
        let mut name = stem.to_os_string();
        name.push(".");
        name.push(ext);
        let path = dir.join(name);
        // Case differs only: one file on Windows and macOS.
        let key = PathBuf::from(path.display().to_string().to_lowercase());
        if let Some(first) = seen.insert(key, file) {
            anyhow::bail!(
                "{}{}",
                msg::same_output_name(first.display(), file.display(), path.display()),
                crate::msg::diag::hint_line(msg::same_output_name_hint())
            );
        }
        out.push(path);
    }
    Ok(out)
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

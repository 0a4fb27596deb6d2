//! `jixiao convert INPUT... -o OUTPUT`: workbooks, JSON models and directories in; JSON,
//! official workbooks or flat tables out, chosen by `--to` or the output's extension. The
//! policy is [`crate::jobs::convert`]'s; this file does files, printing and exit codes.

use super::{EXIT_OK, EXIT_UNREADABLE, print_diagnostics};
use crate::diag::Severity;
use crate::formats::OutputFormat;
use crate::jobs::{self, ConvertOptions};
use crate::migrate::Taxonomy;
use crate::model::Document;
use crate::msg::cli as msg;
use crate::write::LayoutChoice;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
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
    /// Also print one line per form read (kind, project, cells mapped).
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub jobs: super::Jobs,
    /// Convert the forms to this indicator set: 2020 目标表 become 申报表, and the rows of 申报表
    /// and 自评表 move between the older and the current national sets; every moved row is
    /// reported. Without it every form keeps the set it was read with; only a 2020 目标表 written
    /// to a workbook (.xlsx) becomes a 申报表 on the current set.
    #[arg(long, value_enum)]
    pub taxonomy: Option<TaxonomyArg>,
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

pub fn run(args: ConvertArgs) -> anyhow::Result<ExitCode> {
    let name = args.output.display().to_string();
    let to = OutputFormat::choose(args.to, &name)?;
    let started = std::time::Instant::now();
    let mut inputs = super::read_reporting(&args.inputs, args.quiet, args.jobs);
    let profile = match &args.profile {
        Some(p) => Some(super::template::load_profile(p)?),
        None => None,
    };
    let min = super::shown(args.quiet);
    if args.verbose && !args.quiet {
        summarise(&inputs.document);
    }
    let opts = ConvertOptions {
        to,
        taxonomy: args.taxonomy.map(Taxonomy::from),
        strict: args.strict,
        layout: args.layout.map(LayoutChoice::from).unwrap_or_default(),
    };
    let mut done = jobs::convert(&inputs, &opts, &name)?;
    if let Some(profile) = &profile {
        // The profile fills what the converted forms left blank, then they are written again.
        let mut document = done.document.clone();
        let filled = crate::profile::fill_blanks(&mut document, profile);
        if !filled.is_empty() {
            inputs.document = document;
            let opts = ConvertOptions {
                taxonomy: None,
                ..opts
            };
            let again = jobs::convert(&inputs, &opts, &name)?;
            done.diagnostics.extend(filled);
            done.document = again.document;
            done.output = again.output;
        }
    }
    print_diagnostics(&done.diagnostics, min);
    if !super::save_converted(&done, &inputs.files, &args.inputs, args.quiet)? {
        return Ok(ExitCode::from(EXIT_UNREADABLE));
    }
    if !args.quiet {
        let all = || inputs.diagnostics.iter().chain(&done.diagnostics);
        let count = |s: Severity| all().filter(|d| d.severity == s).count();
        let (read, mapped) = inputs
            .document
            .forms
            .iter()
            .filter_map(|f| f.source())
            .fold((0usize, 0usize), |(r, m), s| {
                let read = s.cells_read as usize;
                (r + read, m + read.saturating_sub(s.unmapped.len()))
            });
        let mapped = if read == 0 {
            "—".to_string()
        } else {
            format!("{:.1}%", mapped as f64 * 100.0 / read as f64)
        };
        eprintln!(
            "{}",
            msg::convert_summary(
                inputs.files.len(),
                inputs.document.forms.len(),
                mapped,
                count(Severity::Error) + inputs.errors.len(),
                count(Severity::Warning),
                format!("{:.1}", started.elapsed().as_secs_f64()),
            )
        );
    }
    let code = if inputs.errors.is_empty() && done.rejected.is_empty() {
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

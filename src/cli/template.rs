//! `jixiao template`: new forms to type into — blank 申报表 for an office's project list, last
//! year's 申报表 carried into a new year, or 自评表 made from 申报表 — in one workbook whose
//! first sheet 汇总 lists the projects with their amounts and a total.
//!
//! ```sh
//! jixiao template --profile templates/offices/xinjiang.toml --year 2026 \
//!     --projects samples/projects/xinjiang-2026.csv -o 2026-申报表.xlsx
//! jixiao template --from 2025-申报表.xlsx --clear amounts -o 2026-申报表.xlsx
//! jixiao template --kind self-evaluation --from 2026-申报表.xlsx -o 2026-自评表.xlsx
//! ```

use super::{EXIT_OK, EXIT_UNREADABLE, print_diagnostics, shown};
use crate::diag::{Diagnostic, Severity};
use crate::formats::OutputFormat;
use crate::generate::YEARS;
use crate::generate::{Keep, Weights};
use crate::jobs::{self, TemplateSource};
use crate::msg::cli as msg;
use crate::profile::{BUILT_IN, LayoutVariant, Profile};
use crate::read::read_inputs;
use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// `jixiao template`: its arguments (help text from the catalogue, [`crate::msg::help`]).
#[derive(Args, Debug)]
pub struct TemplateArgs {
    /// The office profile: a built-in one by name (xinjiang, xizang, baoshan, xining; see
    /// --list-profiles) or a TOML file like templates/offices/*.toml (主管部门, 实施单位, layout,
    /// indicator set and defaults).
    #[arg(long, value_name = "NAME|FILE")]
    pub profile: Option<PathBuf>,
    /// The 申报表 layout: official, baoshan or declaration-88 (the national 88号 form, 中期 and
    /// 年度 side by side); default: the profile's, else each form's own (with --from).
    #[arg(long, value_name = "LAYOUT", value_parser = parse_layout)]
    pub layout: Option<LayoutVariant>,
    /// List the built-in office profiles and exit.
    #[arg(long, exclusive = true)]
    pub list_profiles: bool,
    /// The year of the new forms, four digits (2000–2100). With --from, default: each form's
    /// year + 1 (申报表) or its year (自评表).
    #[arg(long, value_parser = parse_year)]
    pub year: Option<i32>,
    /// Project list: CSV or xlsx with columns 项目名称, 项目性质, 项目类别, 年度资金申请总额 and
    /// optionally the other columns of the flat declarations table.
    #[arg(long, conflicts_with = "from")]
    pub projects: Option<PathBuf>,
    /// Forms to start from: last year's 申报表 (workbook, JSON or flat tables), or the 申报表
    /// to make 自评表 from.
    #[arg(long)]
    pub from: Option<PathBuf>,
    /// What to make.
    #[arg(long, value_enum, default_value_t = Kind::Declaration)]
    pub kind: Kind,
    /// With --from: what not to carry into the new year (repeatable, or comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub clear: Vec<Clear>,
    /// 自评表 weights, e.g. 产出=40,成本=10,效益=30,满意度=10,预算执行=10 (default: 产出 50 with
    /// 成本, 效益 30, 满意度 10, 预算执行 10). Within a group the points go to its rows as real
    /// forms give them: whole points, the points left over one each on the last rows (50 over 6
    /// rows: 8, 8, 8, 8, 9, 9); half points only when a group has fewer points than rows.
    #[arg(long)]
    pub weights: Option<String>,
    /// Output: .xlsx (official forms after a 汇总 sheet) or .json (the model).
    #[arg(short, long, required_unless_present = "list_profiles")]
    pub output: Option<PathBuf>,
    /// Print only errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `template --kind`: which form to make.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 财政项目支出绩效目标申报表
    Declaration,
    /// 财政项目支出绩效自评表, from --from 申报表
    SelfEvaluation,
}

/// `template --clear`: what of last year's 申报表 not to carry into the new year.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clear {
    /// 项目资金: all amounts.
    Amounts,
    /// 指标值 of every indicator (the 三级 names stay).
    Targets,
    /// 项目总目标 and 年度总体目标.
    Goals,
}

/// `--year`: a four-digit year in range, or clap's usage error with our message.
fn parse_year(text: &str) -> Result<i32, String> {
    let year: i32 = text
        .trim()
        .parse()
        .map_err(|_| crate::msg::review::bad_year(text, YEARS.start(), YEARS.end()))?;
    crate::generate::check_year(year)
}

/// `--layout`: a layout name as in an office profile.
fn parse_layout(text: &str) -> Result<LayoutVariant, String> {
    LayoutVariant::from_name(text).ok_or_else(|| msg::unknown_layout(text))
}

/// `--profile`: a file when one is there, else a built-in profile by name.
pub(super) fn load_profile(p: &std::path::Path) -> anyhow::Result<Profile> {
    if p.is_file() {
        return Ok(Profile::read(p)?);
    }
    Ok(Profile::built_in(&p.to_string_lossy())?)
}

/// Runs `jixiao template`: lists the built-in profiles, or makes new forms from a project
/// list or from `--from` forms and writes them to the output.
///
/// # Errors
/// A profile, project list or `--from` input that cannot be read, a missing `--year` or
/// `--profile`, bad `--weights`, or a write that failed; the run then ends with exit code 2.
pub fn run(args: TemplateArgs) -> anyhow::Result<ExitCode> {
    if args.list_profiles {
        let mut out = std::io::stdout().lock();
        for (name, text) in BUILT_IN {
            writeln!(out, "{name:<10} {}", Profile::describe_built_in(text))?;
        }
        return Ok(ExitCode::from(EXIT_OK));
    }
    let Some(output) = args.output.clone() else {
        unreachable!("clap requires --output unless --list-profiles");
    };
    let mut profile = match &args.profile {
        Some(p) => Some(load_profile(p)?),
        None => None,
    };
    if let (Some(p), Some(layout)) = (&mut profile, args.layout) {
        p.layout = layout;
    }
    let weights = match &args.weights {
        Some(spec) => Weights::parse(spec).map_err(|e| anyhow::anyhow!(msg::weights_option(e)))?,
        None => Weights::standard(),
    };
    let mut inputs: Vec<String> = Vec::new();
    let list_bytes;
    let from_forms;
    let source = match (args.kind, &args.projects, &args.from) {
        (Kind::Declaration, Some(list), None) => {
            if profile.is_none() {
                bail!(msg::projects_need_profile());
            }
            let Some(year) = args.year else {
                bail!(msg::projects_need_year());
            };
            inputs.push(list.display().to_string());
            list_bytes = std::fs::read(list).map_err(|e| {
                crate::diag::Error::unreadable(
                    list.display().to_string(),
                    crate::msg::read::cannot_open(crate::msg::io(&e)),
                )
                .because(e)
            })?;
            TemplateSource::Projects {
                name: &inputs[0],
                bytes: &list_bytes,
                year,
            }
        }
        (kind, None, Some(from)) => {
            inputs.push(from.display().to_string());
            let read = read_inputs(std::slice::from_ref(from));
            for e in &read.errors {
                eprintln!("jixiao: {e}");
            }
            if !read.errors.is_empty() {
                return Ok(ExitCode::from(EXIT_UNREADABLE));
            }
            if read.has_errors() {
                return failed(&read.diagnostics);
            }
            print_diagnostics(&read.diagnostics, shown(args.quiet));
            from_forms = read.document.forms;
            match kind {
                Kind::Declaration => TemplateSource::CarryForward {
                    forms: &from_forms,
                    year: args.year,
                    keep: Keep {
                        amounts: !args.clear.contains(&Clear::Amounts),
                        targets: !args.clear.contains(&Clear::Targets),
                        goals: !args.clear.contains(&Clear::Goals),
                    },
                },
                Kind::SelfEvaluation => TemplateSource::SelfEvaluations {
                    forms: &from_forms,
                    weights: &weights,
                    year: args.year,
                },
            }
        }
        (Kind::Declaration, None, None) => bail!(
            "{}{}",
            msg::nothing_to_start_from(),
            crate::msg::diag::hint_line(msg::nothing_to_start_from_hint())
        ),
        (Kind::SelfEvaluation, _, None) => {
            bail!(msg::self_evaluation_needs_from())
        }
        (_, Some(_), Some(_)) => unreachable!("clap refuses --projects with --from"),
    };
    let made = jobs::template(&source, profile.as_ref())?;
    if made.has_errors() {
        return failed(&made.diagnostics);
    }
    let min = shown(args.quiet);
    print_diagnostics(&made.diagnostics, min);
    let mut doc = made.value;
    // `--layout` without a profile applies here; `--layout official` also to forms that came
    // in a layout of their own (a profile's official layout leaves them theirs).
    if let Some(layout) = args.layout {
        for form in &mut doc.forms {
            let crate::model::Form::Declaration(d) = form else {
                continue;
            };
            if profile.is_none() {
                crate::generate::in_layout(d, layout, crate::taxonomy::TaxonomySet::default());
            }
            if layout == LayoutVariant::Official {
                d.source = None;
            }
        }
    }
    if doc.forms.is_empty() {
        eprintln!("jixiao: {}", msg::nothing_written_nothing_to_make());
        return Ok(ExitCode::from(EXIT_UNREADABLE));
    }
    let name = output.display().to_string();
    let to = OutputFormat::from_file_name(&name).unwrap_or(OutputFormat::Xlsx);
    let output = jobs::template_output(&doc, profile.as_ref(), to, &name)
        .with_context(|| msg::writing(&name))?;
    print_diagnostics(&output.diagnostics, min);
    super::save(&output, &inputs, true)?;
    if !args.quiet {
        eprintln!("{}", msg::wrote_forms(&name, doc.forms.len()));
    }
    Ok(ExitCode::from(EXIT_OK))
}

fn failed(diags: &[Diagnostic]) -> anyhow::Result<ExitCode> {
    print_diagnostics(diags, Severity::Warning);
    eprintln!("jixiao: {}", msg::nothing_written_input_errors());
    Ok(ExitCode::from(EXIT_UNREADABLE))
}

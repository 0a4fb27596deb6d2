//! The five jobs — convert, check, score, template, diff — as plain functions over inputs held
//! in memory, returning values and diagnostics. The command line (`cli/`) and the web page call
//! these and only add files, printing and exit codes, so both follow the same policies:
//!
//! - **After reader errors** ([`refusal`]): an input that cannot be read at all is left out and
//!   the rest goes on (the caller reports it, the command line exits 2); a reader *error* inside
//!   a form (or, with `strict`, a warning) means nothing is written, by `convert` and `score`
//!   alike, since the output would carry a wrong value silently.
//! - **Conversion** ([`convert`]): an official workbook gets its 2020 目标表 and 申报表 in the
//!   current indicator set and its 自评表 as read; JSON and flat tables keep every form as read;
//!   an explicit taxonomy moves every form.
//! - **Findings** ([`check`]): every finding names a place; one a rule cannot pin to a cell
//!   names the form's sheet, or for a JSON form without a source its file and `forms[i]`.

use crate::check::{self as rules, Counts};
use crate::diag::{Diagnostic, Error, Result, Severity};
use crate::diff::FormDiff;
use crate::formats::OutputFormat;
use crate::generate::{self, Keep, Weights};
use crate::migrate::{Forms as MigrateForms, migrate_document};
use crate::model::{Document, Form};
use crate::msg::cli as msg;
use crate::profile::Profile;
use crate::read::{Input, Inputs};
use crate::score::{self as scoring, Explanation, ScoringOptions};
use crate::taxonomy::TaxonomySet;
use crate::write::{self, LayoutChoice, Output};
use serde::Serialize;
use std::fmt;

/// Why `convert` or `score` wrote nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Reader errors (and warnings, when strict) in the forms.
    Errors {
        /// How many reader errors the forms have.
        errors: usize,
        /// How many reader warnings.
        warnings: usize,
        /// Whether warnings counted as errors (`--strict`).
        strict: bool,
    },
    /// No form was read.
    NoForm,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Refusal::Errors {
                errors,
                warnings,
                strict,
            } => f.write_str(&if strict {
                msg::nothing_written_strict(errors, warnings)
            } else {
                msg::nothing_written_errors(errors)
            }),
            Refusal::NoForm => f.write_str(&msg::nothing_written_no_form()),
        }
    }
}

/// Whether the forms read may be written: not when a diagnostic is an error (or, with
/// `strict`, a warning), nor when there is no form. Shared by [`convert`] and [`score`].
pub fn refusal(document: &Document, diagnostics: &[Diagnostic], strict: bool) -> Option<Refusal> {
    refusal_of(Counts::of(diagnostics), document.forms.len(), strict)
}

fn refusal_of(counts: Counts, forms: usize, strict: bool) -> Option<Refusal> {
    if counts.errors > 0 || (strict && counts.warnings > 0) {
        return Some(Refusal::Errors {
            errors: counts.errors,
            warnings: counts.warnings,
            strict,
        });
    }
    (forms == 0).then_some(Refusal::NoForm)
}

/// How to convert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConvertOptions {
    /// The format to write.
    pub to: OutputFormat,
    /// The indicator set to move every form to; `None` for the default of the format (see
    /// [`conversion_taxonomy`]).
    pub taxonomy: Option<TaxonomySet>,
    /// Reader warnings count as errors: nothing is written.
    pub strict: bool,
    /// The layout of written workbooks: official, or each form's own (`--layout source`).
    pub layout: LayoutChoice,
}

impl ConvertOptions {
    /// The defaults for an output format.
    pub fn to(to: OutputFormat) -> Self {
        ConvertOptions {
            to,
            taxonomy: None,
            strict: false,
            layout: LayoutChoice::Official,
        }
    }
}

/// The migration a conversion applies: the taxonomy asked for, on every form; else for an
/// official workbook the 2020 目标表 only, which becomes a 申报表 on the current set (the other
/// forms keep the indicator set they were read with, issue 11); else none. A workbook in each
/// form's own layout (`--layout source`) keeps the 2020 目标表 as it is.
pub fn conversion_taxonomy(
    to: OutputFormat,
    taxonomy: Option<TaxonomySet>,
    layout: LayoutChoice,
) -> Option<(TaxonomySet, MigrateForms)> {
    match taxonomy {
        Some(t) => Some((t, MigrateForms::All)),
        None => (to == OutputFormat::Xlsx && layout == LayoutChoice::Official)
            .then_some((TaxonomySet::Current, MigrateForms::Legacy)),
    }
}

/// What [`convert`] and [`score`] made.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    /// The forms as written (migrated, scored).
    pub document: Document,
    /// What the job added to the readers' diagnostics: migration and writer warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// The files, or why nothing was written.
    pub output: std::result::Result<Output, Refusal>,
    /// The inputs whose forms were left out because reading them met errors, with how many
    /// (the other inputs are written all the same).
    pub rejected: Vec<(String, usize)>,
}

/// A conversion fed a batch a piece at a time: [`Conversion::add`] takes what was read of one
/// input (or of many) and returns its forms as they are to be written, and the diagnostics the
/// job adds; [`Conversion::refusal`] says at the end whether the output may be kept. [`convert`]
/// is one call of it over a whole batch; the command line calls it input by input and writes
/// each input's forms before it reads the next, so a batch of any size is held one workbook at
/// a time.
#[derive(Debug, Clone)]
pub struct Conversion<'a> {
    opts: ConvertOptions,
    profile: Option<&'a Profile>,
    /// The diagnostics that decide the refusal: the readers' (but the errors of the inputs
    /// left out) and the job's.
    counts: Counts,
    forms: usize,
    /// The inputs whose forms were left out because reading them met errors, with how many.
    pub rejected: Vec<(String, usize)>,
}

/// What [`Conversion::add`] gives back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Step {
    /// The forms to write (migrated; blanks filled from the profile).
    pub forms: Vec<Form>,
    /// What the job added to the readers' diagnostics: migration, and the profile's fills.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Conversion<'a> {
    /// A conversion; `profile` fills what the forms leave blank (主管部门, 项目类别), after any
    /// migration, and says so.
    pub fn new(opts: ConvertOptions, profile: Option<&'a Profile>) -> Self {
        Conversion {
            opts,
            profile,
            counts: Counts::default(),
            forms: 0,
            rejected: Vec::new(),
        }
    }

    /// Takes what was read: the forms of inputs without reader errors are migrated
    /// ([`conversion_taxonomy`]) and filled from the profile; the others are left out and
    /// named in [`Conversion::rejected`].
    pub fn add(&mut self, inputs: Inputs) -> Step {
        self.add_read(inputs.into_without_files_with_errors())
    }

    /// [`Conversion::add`] of what [`Inputs::without_files_with_errors`] kept.
    fn add_read(
        &mut self,
        (document, read_diagnostics, rejected): (Document, Vec<Diagnostic>, Vec<(String, usize)>),
    ) -> Step {
        self.counts += Counts::of(&read_diagnostics);
        self.rejected.extend(rejected);
        let mut document = document;
        let mut diagnostics = Vec::new();
        if let Some((taxonomy, scope)) =
            conversion_taxonomy(self.opts.to, self.opts.taxonomy, self.opts.layout)
        {
            let migrated = migrate_document(&document, taxonomy, scope);
            document = migrated.value;
            diagnostics.extend(migrated.diagnostics);
        }
        if let Some(profile) = self.profile {
            diagnostics.extend(crate::profile::fill_blanks(&mut document, profile));
        }
        self.counts += Counts::of(&diagnostics);
        self.forms += document.forms.len();
        Step {
            forms: document.forms,
            diagnostics,
        }
    }

    /// The layout of written workbooks.
    pub fn layout(&self) -> LayoutChoice {
        self.opts.layout
    }

    /// Why the output may not be kept, if it may not: reader errors (or with `strict`,
    /// warnings), or no form at all.
    pub fn refusal(&self) -> Option<Refusal> {
        refusal_of(self.counts, self.forms, self.opts.strict)
    }
}

/// Converts what was read into `opts.to`; `name` is the output's name (a directory for CSV):
/// one [`Conversion`] of the whole batch, written by [`write::to_bytes`].
///
/// ```
/// use jixiao::formats::OutputFormat;
/// use jixiao::jobs::{ConvertOptions, convert};
/// use jixiao::read::{Input, read_all};
/// let name = "../shared/fixtures/xizang-2024-declarations.xlsx";
/// let inputs = read_all(&[Input::file(name, std::fs::read(name).unwrap())]);
/// let done = convert(&inputs, &ConvertOptions::to(OutputFormat::Xlsx), "out.xlsx").unwrap();
/// let out = done.output.unwrap();
/// assert_eq!(done.document.forms.len(), 7);
/// assert!(out.files[0].bytes.starts_with(b"PK"));
/// ```
///
/// # Errors
/// [`Error::Write`] when the forms do not fit the format.
pub fn convert(inputs: &Inputs, opts: &ConvertOptions, name: &str) -> Result<Converted> {
    let mut conversion = Conversion::new(*opts, None);
    let step = conversion.add_read(inputs.without_files_with_errors());
    let document = Document::new(step.forms);
    let mut diagnostics = step.diagnostics;
    let rejected = conversion.rejected.clone();
    if let Some(r) = conversion.refusal() {
        return Ok(Converted {
            document,
            diagnostics,
            output: Err(r),
            rejected,
        });
    }
    let output = write::to_bytes_in(&document, opts.to, name, opts.layout)?;
    diagnostics.extend(output.diagnostics.iter().cloned());
    Ok(Converted {
        document,
        diagnostics,
        output: Ok(output),
        rejected,
    })
}

/// The findings of `check`, as `jixiao check --format json` prints them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// The version of this report's JSON shape ([`crate::model::SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// How many forms were checked.
    pub forms: usize,
    /// Findings by severity, reader diagnostics included.
    pub counts: Counts,
    /// The inputs that could not be read, one message each.
    pub unreadable: Vec<String>,
    /// How many forms are blank (`form.blank`): reported as blank, never as clean.
    pub blank_forms: usize,
    /// Whether infos were left out of `findings` ([`CheckReport::hide_infos`]); `counts` still
    /// counts them.
    pub infos_hidden: bool,
    /// The readers' diagnostics, then every rule's findings, form by form.
    pub findings: Vec<Diagnostic>,
}

impl CheckReport {
    /// Leaves the infos out of `findings`: remarks that are not problems, such as a 指标值
    /// written `100%` as the 2023 official forms print it. They stay counted.
    pub fn hide_infos(&mut self) {
        self.findings.retain(|d| d.severity != Severity::Info);
        self.infos_hidden = true;
    }

    /// The reviewer's workbook of these findings ([`write::report::report_xlsx`]): a copy of
    /// every form of `inputs` with each finding's cell filled and noted, after the list.
    ///
    /// # Errors
    /// As [`write::report::report_xlsx`].
    pub fn to_xlsx(&self, inputs: &Inputs) -> Result<Vec<u8>> {
        let origins: Vec<_> = (0..inputs.document.forms.len())
            .map(|i| inputs.origin(i))
            .collect();
        write::report::report_xlsx(&inputs.document, &origins, &self.findings)
    }

    /// The report as pretty JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| unreachable!("the report always serialises: {e}"));
        s.push('\n');
        s
    }
}

/// Checks every form read against every rule; a finding without a cell gets the form's place
/// ([`Inputs::origin`]): [`CheckReport::add`] of the whole batch.
///
/// ```
/// use jixiao::read::{Input, read_all};
/// let name = "../shared/fixtures/xinjiang-2023-self-evaluations.xlsx";
/// let inputs = read_all(&[Input::file(name, std::fs::read(name).unwrap())]);
/// let report = jixiao::jobs::check(&inputs, &jixiao::check::Options::default());
/// assert_eq!(report.forms, inputs.document.forms.len());
/// assert!(report.findings.iter().all(|d| d.at.is_some()));
/// ```
pub fn check(inputs: &Inputs, opts: &rules::Options) -> CheckReport {
    let mut report = CheckReport::default();
    report.add(inputs, opts);
    report
}

impl Default for CheckReport {
    fn default() -> Self {
        CheckReport {
            schema_version: crate::model::SCHEMA_VERSION,
            forms: 0,
            counts: Counts::default(),
            unreadable: Vec::new(),
            blank_forms: 0,
            infos_hidden: false,
            findings: Vec::new(),
        }
    }
}

impl CheckReport {
    /// Adds what was read (one input of a streamed batch, or a whole batch): the readers'
    /// diagnostics, then every rule's findings, form by form, after the findings so far.
    pub fn add(&mut self, inputs: &Inputs, opts: &rules::Options) {
        let start = self.findings.len();
        self.findings.extend(inputs.diagnostics.iter().cloned());
        for (i, form) in inputs.document.forms.iter().enumerate() {
            let mut found = rules::check(form, opts);
            for d in found.iter_mut().filter(|d| d.at.is_none()) {
                d.at = Some(inputs.origin(i));
            }
            self.findings.extend(found);
        }
        let new = &self.findings[start..];
        self.forms += inputs.document.forms.len();
        self.counts += Counts::of(new);
        self.blank_forms += new
            .iter()
            .filter(|d| d.rule == rules::FORM_BLANK.id)
            .count();
        self.unreadable
            .extend(inputs.errors.iter().map(ToString::to_string));
    }
}

/// The figures `score` computed for one 自评表.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    /// The form's index in the document.
    pub form: usize,
    /// 项目名称 of the 自评表.
    pub project: String,
    /// The file and sheet the form was read from, when it was read from a workbook.
    pub at: Option<crate::diag::Location>,
    /// Each figure computed (执行率, 得分, 总分, 评分等级) with its formula and inputs, or why it
    /// was left blank (DOMAIN §2).
    pub explanations: Vec<Explanation>,
}

/// Fills in what can be computed in every 自评表 (see [`scoring::fill`]); 申报表 pass
/// through. Returns, per 自评表, the figures with their formulas.
pub fn score_document(
    document: &mut Document,
    opts: &ScoringOptions,
    overwrite: bool,
) -> Vec<Scored> {
    let mut out = Vec::new();
    for (i, form) in document.forms.iter_mut().enumerate() {
        if let Form::SelfEvaluation(se) = form {
            out.push(Scored {
                form: i,
                project: se.project_name.clone(),
                at: se.source.as_ref().map(|s| crate::diag::Location {
                    sheet: Some(s.sheet.clone()),
                    ..crate::diag::Location::file(&s.file)
                }),
                explanations: scoring::fill(se, opts, overwrite),
            });
        }
    }
    out
}

/// Scores what was read and writes it in `to` (see [`convert`] for `name`); the forms of an
/// input with reader errors are left out, as with [`convert`].
///
/// ```
/// use jixiao::formats::OutputFormat;
/// use jixiao::read::{Input, read_all};
/// let name = "../shared/fixtures/blank-self-evaluation.xlsx";
/// let inputs = read_all(&[Input::file(name, std::fs::read(name).unwrap())]);
/// let opts = jixiao::score::ScoringOptions::default();
/// let (done, scored) = jixiao::jobs::score(&inputs, &opts, false, OutputFormat::Json, "s.json").unwrap();
/// assert_eq!(scored.len(), 1);
/// assert!(done.output.is_ok());
/// ```
///
/// # Errors
/// [`Error::Write`] when the forms do not fit the format.
pub fn score(
    inputs: &Inputs,
    opts: &ScoringOptions,
    overwrite: bool,
    to: OutputFormat,
    name: &str,
) -> Result<(Converted, Vec<Scored>)> {
    score_keeping(inputs, &[], opts, overwrite, to, name)
}

/// [`score`], writing `kept` — the inputs' sheets that hold no form, such as a 汇总
/// ([`crate::read::sheets_without_forms`]) — again beside the forms in an xlsx output, their
/// formulas pointing where the forms' fields now stand. Sheets of an input left out for its
/// reader errors are left out too.
///
/// # Errors
/// As [`score`].
pub fn score_keeping(
    inputs: &Inputs,
    kept: &[crate::grid::Grid],
    opts: &ScoringOptions,
    overwrite: bool,
    to: OutputFormat,
    name: &str,
) -> Result<(Converted, Vec<Scored>)> {
    let (mut document, read_diagnostics, rejected) = inputs.without_files_with_errors();
    let kept: Vec<crate::grid::Grid> = kept
        .iter()
        .filter(|g| !rejected.iter().any(|(file, _)| *file == g.file))
        .cloned()
        .collect();
    let scored = score_document(&mut document, opts, overwrite);
    if let Some(r) = refusal(&document, &read_diagnostics, false) {
        let done = Converted {
            document,
            diagnostics: Vec::new(),
            output: Err(r),
            rejected,
        };
        return Ok((done, scored));
    }
    // A 总分 or 评分等级 left blank says why at its cell (issue 15).
    let notes: Vec<write::FieldNote> = scored
        .iter()
        .flat_map(|s| {
            s.explanations
                .iter()
                .filter(|e| e.leaves_total_blank())
                .map(|e| write::FieldNote {
                    form: s.form,
                    path: e.path.clone(),
                    text: e.formula.clone(),
                })
        })
        .collect();
    let extras = write::Extras {
        notes: &notes,
        kept: &kept,
    };
    let output = write::to_bytes_with(&document, to, name, extras)?;
    let done = Converted {
        document,
        diagnostics: output.diagnostics.clone(),
        output: Ok(output),
        rejected,
    };
    Ok((done, scored))
}

/// What a new set of forms starts from.
#[derive(Debug, Clone)]
pub enum TemplateSource<'a> {
    /// A project list (CSV or workbook bytes, with its name), for `year`: blank 申报表.
    Projects {
        /// The list's name, as it names the input in messages (its extension tells CSV from
        /// workbook).
        name: &'a str,
        /// The list's content.
        bytes: &'a [u8],
        /// The budget year of the new 申报表.
        year: i32,
    },
    /// Last year's 申报表 carried into a new year (default: each form's year + 1).
    CarryForward {
        /// Last year's forms (only the 申报表 are carried).
        forms: &'a [Form],
        /// The year to carry them into; `None` for each form's year + 1.
        year: Option<i32>,
        /// What of last year's content to keep.
        keep: Keep,
    },
    /// 自评表 made from 申报表, for `year` (default: the 申报表's).
    SelfEvaluations {
        /// The 申报表 to make 自评表 from (other forms are passed over).
        forms: &'a [Form],
        /// How the 100 points are split among the 一级 and 预算执行 (DOMAIN §2.1).
        weights: &'a Weights,
        /// The evaluated year; `None` for each 申报表's own.
        year: Option<i32>,
    },
}

/// New forms to fill in; reader errors in a project list make no forms (the diagnostics say
/// why).
///
/// ```
/// use jixiao::jobs::{TemplateSource, template};
/// let profile = jixiao::profile::Profile::from_toml(
///     &std::fs::read_to_string("templates/offices/xinjiang.toml").unwrap(),
///     "xinjiang.toml",
/// )
/// .unwrap();
/// let name = "samples/projects/xinjiang-2026.csv";
/// let bytes = std::fs::read(name).unwrap();
/// let source = TemplateSource::Projects { name, bytes: &bytes, year: 2026 };
/// let made = template(&source, Some(&profile)).unwrap();
/// assert!(!made.value.forms.is_empty());
/// let (xlsx, _) = jixiao::write::xlsx_with_summary_bytes(
///     &made.value,
///     &jixiao::jobs::summary_title(&made.value, Some(&profile)),
/// )
/// .unwrap();
/// assert!(xlsx.starts_with(b"PK"));
/// ```
///
/// # Errors
/// [`Error::Unreadable`] when the project list cannot be read, a project list comes without a
/// profile, or the year is not a four-digit year in [`generate::YEARS`].
pub fn template(
    source: &TemplateSource,
    profile: Option<&Profile>,
) -> Result<crate::diag::Diagnosed<Document>> {
    use crate::diag::Diagnosed;
    let year = match source {
        TemplateSource::Projects { year, .. } => Some(*year),
        TemplateSource::CarryForward { year, .. }
        | TemplateSource::SelfEvaluations { year, .. } => *year,
    };
    if let Some(year) = year {
        generate::check_year(year).map_err(|e| Error::unreadable("--year", e))?;
    }
    let (forms, diagnostics): (Vec<Form>, Vec<Diagnostic>) = match source {
        TemplateSource::Projects { name, bytes, year } => {
            let Some(profile) = profile else {
                return Err(Error::unreadable(*name, msg::projects_need_profile()));
            };
            let read = crate::read::flat::read_project_list_bytes(bytes, name)?;
            let mut diags = read.diagnostics;
            if diags.iter().any(|d| d.severity == Severity::Error) {
                return Ok(Diagnosed::new(Document::default(), diags));
            }
            let made = generate::declarations_from_list(profile, *year, read.value, name);
            diags.extend(made.diagnostics);
            (
                made.value.into_iter().map(Form::Declaration).collect(),
                diags,
            )
        }
        TemplateSource::CarryForward { forms, year, keep } => {
            let made = generate::carry_forward(forms, *year, *keep, profile);
            (
                made.value.into_iter().map(Form::Declaration).collect(),
                made.diagnostics,
            )
        }
        TemplateSource::SelfEvaluations {
            forms,
            weights,
            year,
        } => {
            let made = generate::self_evaluations_from(forms, weights);
            let mut out: Vec<Form> = made.value.into_iter().map(Form::SelfEvaluation).collect();
            if let Some(year) = year {
                for f in &mut out {
                    if let Form::SelfEvaluation(s) = f {
                        s.year = Some(*year);
                    }
                }
            }
            (out, made.diagnostics)
        }
    };
    Ok(Diagnosed::new(Document::new(forms), diagnostics))
}

/// `上海市人民政府驻新疆办事处2026年度项目绩效目标汇总表` (seed 000's heading), or the 自评
/// equivalent: the title of a template workbook's 汇总 sheet.
pub fn summary_title(doc: &Document, profile: Option<&Profile>) -> String {
    let first = doc.forms.first();
    let unit = profile
        .map(|p| p.implementing_unit.clone())
        .or_else(|| {
            first.map(|f| match f {
                Form::Declaration(d) => d.implementing_unit.clone(),
                Form::SelfEvaluation(s) => s.implementing_unit.clone(),
                Form::Legacy2020(l) => l.applicant.clone(),
            })
        })
        .unwrap_or_default();
    let year = first
        .and_then(Form::year)
        .map(|y| format!("{y}年度"))
        .unwrap_or_default();
    let what = match first {
        Some(Form::SelfEvaluation(_)) => "项目支出绩效自评汇总表",
        _ => "项目绩效目标汇总表",
    };
    format!("{unit}{year}{what}")
}

/// A template's output: an official workbook after a 汇总 sheet, or any other format as
/// [`write::to_bytes`] writes it.
///
/// # Errors
/// [`Error::Write`] when the forms do not fit the format.
pub fn template_output(
    doc: &Document,
    profile: Option<&Profile>,
    to: OutputFormat,
    name: &str,
) -> Result<Output> {
    if to != OutputFormat::Xlsx {
        return write::to_bytes(doc, to, name);
    }
    let (bytes, written) = write::xlsx_with_summary_bytes(doc, &summary_title(doc, profile))
        .map_err(|e| e.for_name(name))?;
    Ok(Output {
        files: vec![write::OutputFile {
            name: name.to_string(),
            bytes,
        }],
        diagnostics: written.diagnostics,
        directory: None,
    })
}

/// Why one side of a diff was not compared.
#[derive(Debug)]
pub enum DiffSide {
    /// The old (first) side.
    Old,
    /// The new (second) side.
    New,
}

/// What changed between two versions, form by form. A side that could not be read without
/// errors is not compared (a diff against half-read forms would list changes that are not
/// there): the error names the side.
///
/// ```
/// use jixiao::read::{Input, read_all};
/// let name = "../shared/fixtures/xizang-2024-declarations.xlsx";
/// let input = Input::file(name, std::fs::read(name).unwrap());
/// let old = read_all(std::slice::from_ref(&input));
/// let new = read_all(&[input]);
/// assert!(jixiao::jobs::diff(&old, &new).unwrap().is_empty());
/// ```
///
/// # Errors
/// The side that had unreadable inputs or reader errors.
pub fn diff(old: &Inputs, new: &Inputs) -> std::result::Result<Vec<FormDiff>, DiffSide> {
    let failed = |i: &Inputs| !i.errors.is_empty() || i.has_errors();
    if failed(old) {
        return Err(DiffSide::Old);
    }
    if failed(new) {
        return Err(DiffSide::New);
    }
    Ok(crate::diff::diff(&old.document, &new.document))
}

/// Reads one input into a batch: [`crate::read::read_all`] of one.
pub fn read_one(input: &Input) -> Inputs {
    crate::read::read_all(std::slice::from_ref(input))
}

//! jixiao (绩效): read, check, score and write the fiscal project performance forms of Chinese
//! government budget units — 财政项目支出绩效目标申报表, 项目支出绩效自评表 and the 2020 目标表.
//!
//! ```text
//! xlsx/xls/ods ─calamine→ grid::Grid ─read::<kind>→ model::Form ─check→ Vec<diag::Diagnostic>
//! model::Document ─write::<format>→ xlsx | json | csv
//! ```
//!
//! The model ([`model`]) knows no file format; [`grid`] is the only module that calls calamine,
//! [`write`](mod@write) the only one that calls rust_xlsxwriter. The 中文 glossary is in [`model`].
//!
//! `DOMAIN §N` in comments and in the check rules points at section N of `docs/domain.md`, the
//! project's account of the forms: layouts, scoring and rounding, indicator sets, notation
//! (`tests/it/domain_refs.rs` checks that every one names a section that is there).
//!
//! # The front door: bytes in, bytes out
//!
//! Every reader takes bytes and a file name (the name tells formats apart with the content and
//! names the place in every message); every writer returns bytes. The `&Path` functions are
//! thin wrappers that exist only where there is a file system. [`formats`] is the one list of
//! input and output formats; [`jobs`] holds the five jobs with the policies the command line
//! and the web page share. Without the default `cli` feature the crate needs no clap or anyhow
//! and builds for `wasm32-unknown-unknown`.
//!
//! | job | read | do | write |
//! |---|---|---|---|
//! | convert | [`read::read_all`] | [`jobs::convert`] | [`write::to_bytes`] |
//! | check | [`read::read_all`] | [`jobs::check`] | [`jobs::CheckReport::to_json`] |
//! | score | [`read::read_all`] | [`jobs::score`] | [`write::to_bytes`] |
//! | template | [`profile::Profile::from_toml`] | [`jobs::template`] | [`jobs::template_output`] |
//! | diff | [`read::read_all`] ×2 | [`jobs::diff`] | `Display` of [`diff::FormDiff`] |
//!
//! The shortest tour: read the four 申报表 of a shipped sample (an office's 6-column layout),
//! write them as the official 8-column workbook, and read that back: the same projects and
//! amounts.
//!
//! ```
//! use jixiao::formats::OutputFormat;
//! use jixiao::model::{Document, Form};
//!
//! let name = "samples/xinjiang-2026-declarations.6col.xlsx";
//! let read = jixiao::read::read_bytes(&std::fs::read(name)?, name)?;
//! assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
//! let doc = Document::new(read.value);
//! let out = jixiao::write::to_bytes(&doc, OutputFormat::Xlsx, "official.xlsx")?;
//! let back = jixiao::read::read_bytes(&out.files[0].bytes, "official.xlsx")?;
//!
//! // 项目名称 and 年度资金申请总额 (元) of each form.
//! let summary = |forms: &[Form]| -> Vec<String> {
//!     let total = |f: &Form| match f {
//!         Form::Declaration(d) => d.funds.annual_total,
//!         _ => None,
//!     };
//!     forms.iter().map(|f| format!("{} {:?}", f.project_name(), total(f))).collect()
//! };
//! assert_eq!(summary(&doc.forms).len(), 4);
//! assert_eq!(summary(&doc.forms)[0], "机关服务费 Some(140000.00)");
//! assert_eq!(summary(&back.value), summary(&doc.forms));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Convert the seven 驻西藏 申报表 into an official workbook and JSON:
//!
//! ```
//! use jixiao::formats::OutputFormat;
//! use jixiao::jobs::{ConvertOptions, convert};
//! use jixiao::read::{Input, read_all};
//!
//! let name = "../shared/fixtures/xizang-2024-declarations.xlsx";
//! let inputs = read_all(&[Input::file(name, std::fs::read(name)?)]);
//! assert!(inputs.errors.is_empty());
//! let json = convert(&inputs, &ConvertOptions::to(OutputFormat::Json), "xizang.json")?;
//! let files = json.output.expect("no reader error").files;
//! let back = jixiao::read::read_bytes(&files[0].bytes, "xizang.json")?;
//! assert_eq!(back.value.len(), 7);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Check a 自评表 workbook and count what the rules found:
//!
//! ```
//! use jixiao::read::{Input, read_all};
//!
//! let name = "samples/xinjiang-2023-self-evaluations.xlsx";
//! let inputs = read_all(&[Input::file(name, std::fs::read(name)?)]);
//! let report = jixiao::jobs::check(&inputs, &jixiao::check::Options::default());
//! assert_eq!(report.counts.errors, 0);
//! assert!(report.to_json().contains("\"schema_version\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Score a blank 自评表 (nothing to compute, nothing invented) and write the scored workbook:
//!
//! ```
//! use jixiao::formats::OutputFormat;
//! use jixiao::read::{Input, read_all};
//!
//! let name = "samples/xinjiang-2023-self-evaluations.xlsx";
//! let inputs = read_all(&[Input::file(name, std::fs::read(name)?)]);
//! let opts = jixiao::score::ScoringOptions::default();
//! let (done, scored) = jixiao::jobs::score(&inputs, &opts, false, OutputFormat::Xlsx, "s.xlsx")?;
//! assert_eq!(scored.len(), inputs.document.forms.len());
//! assert!(done.output.expect("no reader error").files[0].bytes.starts_with(b"PK"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Blank 申报表 for an office's project list, in one workbook after a 汇总 sheet:
//!
//! ```
//! use jixiao::formats::OutputFormat;
//! use jixiao::jobs::{TemplateSource, template, template_output};
//! use jixiao::profile::Profile;
//!
//! let profile = Profile::from_toml(
//!     &std::fs::read_to_string("templates/offices/xinjiang.toml")?,
//!     "xinjiang.toml",
//! )?;
//! let name = "samples/projects/xinjiang-2026.csv";
//! let bytes = std::fs::read(name)?;
//! let made = template(&TemplateSource::Projects { name, bytes: &bytes, year: 2026 }, Some(&profile))?;
//! assert!(made.value.forms.len() > 1);
//! let out = template_output(&made.value, Some(&profile), OutputFormat::Xlsx, "2026.xlsx")?;
//! assert!(out.files[0].bytes.starts_with(b"PK"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! What changed between the workbook and its 6-column copy (nothing: the same forms):
//!
//! ```
//! use jixiao::read::{Input, read_all};
//!
//! let a = "../shared/fixtures/xizang-2024-declarations.xlsx";
//! let b = "../shared/fixtures/other-layouts/xizang-2024-declarations.6col.xlsx";
//! let old = read_all(&[Input::file(a, std::fs::read(a)?)]);
//! let new = read_all(&[Input::file(b, std::fs::read(b)?)]);
//! let diffs = jixiao::jobs::diff(&old, &new).expect("both sides read");
//! assert!(diffs.is_empty(), "{diffs:?}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// Every public item is documented, and every public function that returns a `Result` says
// when it fails (`# Errors`), as rust_xlsxwriter does (issue 14).
#![deny(missing_docs)]
#![warn(clippy::missing_errors_doc)]

pub mod a1;
pub mod blank;
pub mod check;
#[cfg(feature = "cli")]
pub mod cli;
pub mod diag;
pub mod diff;
pub mod formats;
pub mod generate;
pub mod grid;
pub mod jobs;
pub mod layout;
pub mod migrate;
pub mod model;
pub mod msg;
pub mod pdf;
pub mod profile;
pub mod read;
pub mod score;
pub mod taxonomy;
pub mod write;

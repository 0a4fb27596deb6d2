//! jixiao (绩效): read, check, score and write the fiscal project performance forms of Chinese
//! government budget units — 财政项目支出绩效目标申报表, 项目支出绩效自评表 and the 2020 目标表.
//!
//! ```text
//! xlsx/xls/ods ─calamine→ grid::Grid ─read::<kind>→ model::Form ─check→ Vec<diag::Diagnostic>
//! model::Document ─write::<format>→ xlsx | json | csv
//! ```
//!
//! The model ([`model`]) knows no file format; [`grid`] is the only module that calls calamine,
//! [`write`] the only one that calls rust_xlsxwriter. The 中文 glossary is in [`model`].
//!
//! `DOMAIN §N` in comments and in the check rules points at section N of `docs/domain.md`, the
//! project's account of the forms: layouts, scoring and rounding, indicator sets, notation.

pub mod blank;
pub mod check;
pub mod cli;
pub mod diag;
pub mod diff;
pub mod generate;
pub mod grid;
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

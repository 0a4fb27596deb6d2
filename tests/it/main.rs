//! The one integration-test binary (one link of the crate, not one per file).

mod bytes;
mod check;
mod cli;
mod common;
mod declaration_88;
mod derived_layout;
mod diff;
mod domain_refs;
mod errors;
mod flat;
mod formats;
mod frictions;
mod hostile;
mod jobs;
mod keep_read;
#[cfg(unix)]
mod kill;
mod legacy;
mod narrative;
mod national;
mod office;
mod pdf;
mod read_fixtures;
mod real_forms;
mod report;
mod template;
mod tolerance;
mod write_xlsx;

//! The one integration-test binary (one link of the crate, not one per file).

mod cli;
mod common;
mod read_fixtures;
mod write_xlsx;

//! The one integration-test binary (one link of the crate, not one per file).

mod check;
mod cli;
mod common;
mod read_fixtures;

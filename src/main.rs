use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = jixiao::cli::Cli::parse();
    match jixiao::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("jixiao: {err:#}");
            ExitCode::from(2)
        }
    }
}

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // The language is chosen here, once: the library never reads the environment.
    let env = std::env::var("JIXIAO_LANG").ok();
    jixiao::msg::set_lang(jixiao::cli::requested_lang(
        std::env::args_os(),
        env.as_deref(),
    ));
    let cli = jixiao::cli::Cli::parse();
    match jixiao::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("jixiao: {err:#}");
            ExitCode::from(2)
        }
    }
}

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `jixiao check … | head`: when the reader of our output goes away, stop quietly as other
    // command-line tools do, instead of a panic on the failed print (Rust ignores SIGPIPE).
    #[cfg(unix)]
    // SAFETY: restores the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Before any thread starts: Ctrl-C or a kill removes the temporary files being written.
    jixiao::cli::remove_temporaries_on_signal();
    // The language is chosen here, once: the library never reads the environment.
    let env = std::env::var("JIXIAO_LANG").ok();
    jixiao::msg::set_lang(jixiao::cli::requested_lang(
        std::env::args_os(),
        env.as_deref(),
    ));
    let cli = match jixiao::cli::parse(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => match jixiao::cli::usage_error(&e) {
            Some(text) => {
                eprintln!("{text}");
                return ExitCode::from(2);
            }
            // --help and --version, printed by clap in the language asked for.
            None => e.exit(),
        },
    };
    match jixiao::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("jixiao: {}", jixiao::cli::error_text(&err));
            ExitCode::from(2)
        }
    }
}

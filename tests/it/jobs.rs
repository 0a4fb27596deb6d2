//! `--jobs N`: reading on several threads gives the same output, byte for byte, and the same
//! messages in the same order as one thread.

use crate::common::{fixture, jixiao, temp_dir};

#[test]
fn any_number_of_jobs_writes_the_same_bytes_and_messages() {
    let dir = temp_dir("jobs");
    let inputs: Vec<String> = [
        "baoshan-2024-declarations.xlsx",
        "xinjiang-2023-self-evaluations.xlsx",
        "xining-2020-legacy.xlsx",
        "xinjiang-2026-declarations.xlsx",
        "xizang-2024-declarations.xlsx",
    ]
    .iter()
    .map(|f| fixture(f).display().to_string())
    .collect();
    let run = |jobs: &str, out: &str| {
        let out = dir.join(out).display().to_string();
        let mut args: Vec<&str> = vec!["convert", "--jobs", jobs];
        args.extend(inputs.iter().map(String::as_str));
        args.extend(["-o", &out]);
        let (code, _, stderr) = jixiao(&args);
        assert_eq!(code, 0, "{stderr}");
        // All but the closing line, which tells the time taken.
        let messages: Vec<String> = stderr
            .replace(&out, "OUT")
            .lines()
            .filter(|l| !l.contains("of cells mapped,"))
            .map(String::from)
            .collect();
        (std::fs::read(&out).unwrap(), messages)
    };
    let (one, one_messages) = run("1", "one.json");
    let (three, three_messages) = run("3", "three.json");
    assert!(
        one.len() > 10_000,
        "the five fixtures read into a real document"
    );
    assert!(one == three, "--jobs 3 wrote other bytes than --jobs 1");
    assert!(!one_messages.is_empty(), "the fixtures' notes are printed");
    assert_eq!(one_messages, three_messages);
    let _ = std::fs::remove_dir_all(&dir);
}

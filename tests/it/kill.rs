//! A run stopped by SIGINT or SIGTERM while it writes its output (issue 10): the temporary it
//! was filling is removed, nothing half-written is left, and the output of an earlier run stays
//! as it was. `convert` runs as a child process; the signal is sent as soon as the temporary
//! appears beside the output (watched for, never a fixed wait), so no assertion depends on time.

use crate::common::{fixture, jixiao_in, temp_dir};
use std::path::Path;
use std::process::{Command, Stdio};

/// How one stopped run ended.
enum Stopped {
    /// The run ended before the signal came: try again.
    Missed,
    /// Stopped with the exit code; `old_kept` tells whether the earlier output is unchanged.
    Signalled { code: Option<i32>, old_kept: bool },
}

/// The files of `path` (one file, or a directory's files) by name, with their bytes.
fn contents(path: &Path) -> Vec<(String, Vec<u8>)> {
    if path.is_dir() {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    } else {
        vec![(String::new(), std::fs::read(path).unwrap())]
    }
}

/// Runs `jixiao ARGS`, whose output is `out` in `dir`, and sends `signal` the moment a
/// temporary of `out` (`.out.PID-N.tmp`) appears in `dir`.
fn stop_while_writing(dir: &Path, args: &[&str], out: &str, signal: i32) -> Stopped {
    let before = contents(&dir.join(out));
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let prefix = format!(".{out}.");
    let is_temporary = |name: &str| name.starts_with(&prefix) && name.ends_with(".tmp");
    let mut sent = false;
    while child.try_wait().unwrap().is_none() {
        let seen = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .any(|e| is_temporary(&e.file_name().to_string_lossy()));
        if seen {
            // SAFETY: a plain kill(2) of our own child, still running (not yet waited for).
            assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
            sent = true;
            break;
        }
    }
    let status = child.wait().unwrap();
    if !sent {
        assert_eq!(status.code(), Some(0), "the run failed by itself");
        return Stopped::Missed;
    }
    let left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        left.is_empty(),
        "left behind after signal {signal}: {left:?}"
    );
    if status.code() == Some(0) {
        // It had ended before the signal came.
        return Stopped::Missed;
    }
    Stopped::Signalled {
        code: status.code(),
        old_kept: contents(&dir.join(out)) == before,
    }
}

#[test]
fn a_signal_while_writing_leaves_no_temporary_and_the_old_output() {
    let dir = temp_dir("kill");
    // A batch of three JSON models of 40 forms each: quick to read, a large workbook to write.
    let read = jixiao::read::read_workbook(&fixture("xinjiang-2026-declarations.xlsx")).unwrap();
    let forms: Vec<_> = std::iter::repeat_n(read.value, 10).flatten().collect();
    let json = jixiao::write::json::to_string(&jixiao::model::Document::new(forms));
    let mut batch = Vec::new();
    for k in 0..3 {
        let path = dir.join(format!("batch-{k}.json"));
        std::fs::write(&path, &json).unwrap();
        batch.push(path.to_str().unwrap().to_string());
    }
    for (out, to) in [("forms.xlsx", None), ("tables", Some("csv"))] {
        let target = dir.join(out);
        let target = target.to_str().unwrap();
        let mut args: Vec<&str> = vec!["convert", "-q"];
        args.extend(to.iter().flat_map(|t| ["--to", *t]));
        // The earlier output: the first model alone.
        let mut first = args.clone();
        first.extend([batch[0].as_str(), "-o", target]);
        let (code, _, err) = jixiao_in(None, &first);
        assert_eq!(code, 0, "{err}");
        args.extend(batch.iter().map(String::as_str));
        args.extend(["-o", target]);
        for signal in [libc::SIGINT, libc::SIGTERM] {
            // The signal may land after the last step (the output in place, complete) or the
            // run may end before the temporary is seen: then run again, a bounded number of times.
            let stopped_mid_write =
                (0..20).any(|_| match stop_while_writing(&dir, &args, out, signal) {
                    Stopped::Missed => false,
                    Stopped::Signalled { code, old_kept } => {
                        assert_eq!(
                            code,
                            Some(128 + signal),
                            "{out}: exit code after signal {signal}"
                        );
                        if !old_kept {
                            // Replaced, then it is the whole new output.
                            let forms = jixiao::read::read_path(Path::new(target)).unwrap().value;
                            assert_eq!(forms.len(), 120, "{out}");
                        }
                        old_kept
                    }
                });
            assert!(
                stopped_mid_write,
                "{out}: signal {signal} never arrived while writing"
            );
        }
    }
}

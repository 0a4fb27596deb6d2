//! What a batch needs on the command line: a progress bar, the closing tally, and an output
//! written while the batch is read ([`Target`]).

use crate::diag::{Diagnostic, Severity};
use crate::formats::OutputFormat;
use crate::jobs::{Conversion, Refusal};
use crate::read::Inputs;
use crate::write::stream::FormStream;
use crate::write::{PendingDir, PendingFile};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A progress bar on stderr, shown only on a terminal, and only once the work has taken about
/// a second (a short run prints nothing more than it did).
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: bool,
}

impl Progress {
    /// A bar for `len` inputs; none when `quiet` or stderr is no terminal.
    pub fn new(len: usize, quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template(&crate::msg::cli::progress_template()) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: false,
        }
    }

    /// One more input done.
    pub fn inc(&mut self) {
        let Some(bar) = &self.bar else { return };
        if !self.shown && self.started.elapsed() > Duration::from_secs(1) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        bar.inc(1);
    }

    /// Prints above the bar (the bar is drawn again after).
    pub fn say<T>(&self, print: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(print),
            _ => print(),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The closing line's figures, added up input by input.
#[derive(Debug, Default)]
pub struct Tally {
    /// Input files read.
    pub files: usize,
    /// Forms found in them.
    pub forms: usize,
    cells: usize,
    mapped: usize,
    /// Errors: unreadable files and error diagnostics.
    pub errors: usize,
    /// Warning diagnostics.
    pub warnings: usize,
}

impl Tally {
    /// Counts what one input gave: its forms and cells, its unreadable files and diagnostics.
    pub fn read(&mut self, inputs: &Inputs) {
        self.files += inputs.files.len();
        self.forms += inputs.document.forms.len();
        for s in inputs.document.forms.iter().filter_map(|f| f.source()) {
            let read = s.cells_read as usize;
            self.cells += read;
            self.mapped += read.saturating_sub(s.unmapped.len());
        }
        self.errors += inputs.errors.len();
        self.diagnostics(&inputs.diagnostics);
    }

    /// Counts diagnostics the job added.
    pub fn diagnostics(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => {}
            }
        }
    }

    /// `共读取 N 个文件中的 M 张表，单元格对应 99.9%，…`
    pub fn line(&self, started: Instant) -> String {
        let mapped = if self.cells == 0 {
            "—".to_string()
        } else {
            format!("{:.1}%", self.mapped as f64 * 100.0 / self.cells as f64)
        };
        crate::msg::cli::convert_summary(
            self.files,
            self.forms,
            mapped,
            self.errors,
            self.warnings,
            format!("{:.1}", started.elapsed().as_secs_f64()),
        )
    }
}

/// An output file being written: through a 256 KiB buffer (a batch's JSON is tens of
/// megabytes, and each write is a system call), and on Linux with its pages sent to the disk
/// every few megabytes, so that the flush that ends the output waits for the last of them,
/// not for the whole batch.
struct Out {
    file: File,
    written: u64,
    sent: u64,
}

impl Out {
    fn buffered(file: File) -> BufWriter<Out> {
        BufWriter::with_capacity(
            256 << 10,
            Out {
                file,
                written: 0,
                sent: 0,
            },
        )
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.sent >= 8 << 20 {
            #[cfg(target_os = "linux")]
            {
                use std::os::fd::AsRawFd as _;
                // SAFETY: asks the kernel to start writing a range of our own open file; no
                // memory is passed. A failure only leaves the work to the final flush.
                unsafe {
                    libc::sync_file_range(
                        self.file.as_raw_fd(),
                        self.sent as libc::off64_t,
                        (self.written - self.sent) as libc::off64_t,
                        libc::SYNC_FILE_RANGE_WRITE,
                    );
                }
            }
            self.sent = self.written;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

type Opener = Box<dyn FnMut(&str) -> std::io::Result<BufWriter<Out>>>;

/// One output being written while the batch is read: a [`Conversion`] whose forms go straight
/// into a [`FormStream`] on a temporary file (or, for CSV, a temporary directory) that takes
/// the output's place only when the conversion may be kept.
pub struct Target<'a> {
    name: PathBuf,
    conversion: Conversion<'a>,
    stream: FormStream<BufWriter<Out>, Opener>,
    pending: Pending,
}

enum Pending {
    File(PendingFile),
    Dir(PendingDir),
}

impl<'a> Target<'a> {
    /// Starts writing `path` in `conversion`'s format.
    ///
    /// # Errors
    /// When the temporary file or directory cannot be made.
    pub fn new(path: &Path, to: OutputFormat, conversion: Conversion<'a>) -> anyhow::Result<Self> {
        let (pending, open): (Pending, Opener) = if to == OutputFormat::Csv {
            let dir = PendingDir::new(path, &crate::layout::flat::TABLE_FILES)?;
            let tmp = dir.tmp().to_path_buf();
            let open = move |table: &str| {
                crate::write::create_temporary(&tmp.join(table)).map(Out::buffered)
            };
            (Pending::Dir(dir), Box::new(open))
        } else {
            let file = PendingFile::new(path)?;
            let tmp = file.tmp().to_path_buf();
            let open = move |_: &str| crate::write::create_temporary(&tmp).map(Out::buffered);
            (Pending::File(file), Box::new(open))
        };
        let name = path.display().to_string();
        let layout = conversion.layout();
        Ok(Target {
            name: path.to_path_buf(),
            conversion,
            stream: FormStream::new(to, &name, open)?.in_layout(layout),
            pending,
        })
    }

    /// Converts and writes what one input gave; returns the diagnostics the job and the writer
    /// added.
    ///
    /// # Errors
    /// When the output cannot be written.
    pub fn add(&mut self, inputs: Inputs) -> anyhow::Result<Vec<Diagnostic>> {
        let step = self.conversion.add(inputs);
        let mut diagnostics = step.diagnostics;
        diagnostics.extend(self.stream.write(&step.forms)?);
        Ok(diagnostics)
    }

    /// The inputs whose forms were left out, with their error counts.
    pub fn rejected(&self) -> &[(String, usize)] {
        &self.conversion.rejected
    }

    /// Puts the output in place, or (refused) removes it; returns the files written, or why
    /// not, and the writer's last diagnostics.
    ///
    /// # Errors
    /// When the output cannot be written or put in place.
    pub fn finish(self) -> anyhow::Result<Outcome> {
        if let Some(refusal) = self.conversion.refusal() {
            return Ok(Outcome {
                written: Err(refusal),
                diagnostics: Vec::new(),
            });
        }
        let finished = self.stream.finish()?;
        let mut written = Vec::new();
        for (file, out) in finished.files {
            let f = out.into_inner().map_err(|e| e.into_error())?;
            match &self.pending {
                // Each table is flushed here; a file is flushed by its commit.
                Pending::Dir(_) => {
                    f.file.sync_all()?;
                    written.push(self.name.join(&file).display().to_string());
                }
                Pending::File(_) => written.push(file),
            }
        }
        match self.pending {
            Pending::File(p) => p.commit()?,
            Pending::Dir(p) => p.commit()?,
        }
        Ok(Outcome {
            written: Ok(written),
            diagnostics: finished.diagnostics,
        })
    }
}

/// What [`Target::finish`] did.
pub struct Outcome {
    /// The files written, or why nothing was.
    pub written: std::result::Result<Vec<String>, Refusal>,
    /// The workbook writer's warnings.
    pub diagnostics: Vec<Diagnostic>,
}

//! A batch of input paths read one input at a time, in order, on several threads: what lets
//! `convert` and `check` hold one workbook (per thread) rather than the whole batch.
//!
//! [`Plan::of`] expands the paths first (so the caller knows every file before anything is
//! read: to refuse an output that would overwrite one, to size a progress bar); then
//! [`Plan::read_each`] reads them and hands each result to the caller in input order. Threads
//! read ahead at most a few inputs past the one the caller waits for (a bounded reorder
//! window), so memory stays flat however long the batch, and the output is the same for any
//! number of threads.

use super::{Input, expand_inputs_noting, read_input};
use crate::diag::{Diagnosed, Diagnostic, Error, Result};
use crate::model::Form;
use crate::msg::review as msg;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// One item of a batch, as [`Plan::read_each`] hands it over.
#[derive(Debug)]
pub enum Item {
    /// A file (or a directory of flat tables) and what reading it gave.
    Read {
        /// The input's name as given.
        name: String,
        /// Its forms with their diagnostics, or why it could not be read at all.
        read: Result<Diagnosed<Vec<Form>>>,
    },
    /// A path given that holds no input file at all (an empty folder): said so rather than
    /// checking nothing.
    Empty(Error),
}

/// The files a batch of paths holds, in order, before any is read.
#[derive(Debug, Default)]
pub struct Plan {
    /// Each file to read, or a given path that holds none.
    work: Vec<std::result::Result<PathBuf, PathBuf>>,
    /// What the directories held and jixiao does not read ([`expand_inputs_noting`]).
    pub skipped: Vec<Diagnostic>,
}

impl Plan {
    /// Expands directories into the files jixiao reads (see [`expand_inputs_noting`]).
    pub fn of(paths: &[PathBuf]) -> Plan {
        let mut plan = Plan::default();
        for path in paths {
            let (files, notes) = expand_inputs_noting(std::slice::from_ref(path));
            plan.skipped.extend(notes);
            if files.is_empty() {
                plan.work.push(Err(path.clone()));
            }
            plan.work.extend(files.into_iter().map(Ok));
        }
        plan
    }

    /// The files to read, in order.
    pub fn files(&self) -> impl Iterator<Item = &PathBuf> {
        self.work.iter().filter_map(|w| w.as_ref().ok())
    }

    /// How many items [`Plan::read_each`] hands over.
    pub fn len(&self) -> usize {
        self.work.len()
    }

    /// Whether there is nothing to read.
    pub fn is_empty(&self) -> bool {
        self.work.is_empty()
    }

    /// Reads every file on `jobs` threads and calls `each` with each result, in input order, on
    /// the calling thread. At most `2 × jobs` inputs are held at once. An error from `each`
    /// stops the reading and is returned.
    ///
    /// # Errors
    /// The first error `each` returns.
    pub fn read_each<E>(
        &self,
        jobs: usize,
        mut each: impl FnMut(Item) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let read = |i: usize| match &self.work[i] {
            Ok(file) => Item::Read {
                name: file.display().to_string(),
                read: Input::load(file).and_then(|input| read_input(&input)),
            },
            Err(path) => Item::Empty(
                Error::unreadable(path.display().to_string(), msg::no_input_file())
                    .with_hint(msg::no_input_file_hint()),
            ),
        };
        let jobs = jobs.clamp(1, self.work.len().max(1));
        if jobs == 1 {
            return (0..self.work.len()).try_for_each(|i| each(read(i)));
        }
        let window = 2 * jobs;
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        // The index the caller waits for; a thread may start input i only once i < due + window.
        let due = Mutex::new(0usize);
        let moved = Condvar::new();
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::scope(|s| {
            for _ in 0..jobs {
                let sender = sender.clone();
                let (next, stop, due, moved, read) = (&next, &stop, &due, &moved, &read);
                s.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= self.work.len() {
                            break;
                        }
                        let mut d = due.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *d + window && !stop.load(Ordering::Relaxed) {
                            d = moved.wait(d).unwrap_or_else(|e| e.into_inner());
                        }
                        drop(d);
                        if stop.load(Ordering::Relaxed) || sender.send((i, read(i))).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            let mut waiting = std::collections::BTreeMap::new();
            let mut done = 0;
            let mut result = Ok(());
            'receive: for (i, item) in &receiver {
                waiting.insert(i, item);
                while let Some(item) = waiting.remove(&done) {
                    result = each(item);
                    done += 1;
                    // Under the lock, so that no thread misses the change between its test and
                    // its wait.
                    let mut d = due.lock().unwrap_or_else(|e| e.into_inner());
                    *d = done;
                    if result.is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                    drop(d);
                    moved.notify_all();
                    if result.is_err() {
                        break 'receive;
                    }
                }
            }
            // Unblocks any thread still sending; they then see `stop` or run out of work.
            drop(receiver);
            result
        })
    }
}

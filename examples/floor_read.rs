//! The import floor for `scripts/bench.sh`: a bare calamine program that reads every sheet's
//! cells and merged ranges of every workbook given (files or directories) and does nothing else.
//! jixiao's reading is measured against it.
//!
//! `cargo run --release --example floor_read -- DIR...`

use calamine::{Reader, Xlsx};
use std::path::PathBuf;

fn main() {
    let mut files: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        let p = PathBuf::from(arg);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .expect("readable directory")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|e| e.extension().is_some_and(|x| x == "xlsx"))
                .collect();
            v.sort();
            files.extend(v);
        } else {
            files.push(p);
        }
    }
    let (mut sheets, mut cells, mut merges) = (0usize, 0usize, 0usize);
    for f in &files {
        let mut wb: Xlsx<_> = calamine::open_workbook(f).expect("a workbook");
        for name in wb.sheet_names() {
            let range = wb.worksheet_range(&name).expect("a sheet");
            cells += range.used_cells().count();
            merges += wb.merge_cells_by_sheet_name(&name).expect("merges").len();
            sheets += 1;
        }
    }
    println!(
        "{} files, {sheets} sheets, {cells} cells, {merges} merged ranges",
        files.len()
    );
}

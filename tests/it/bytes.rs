//! Issue 8, the front door: every reader from bytes and every writer to bytes gives what the
//! path functions and the command line give, on every shared fixture.

use crate::common::{FIXTURES, fixture, jixiao, temp_dir};
use jixiao::formats::OutputFormat;
use jixiao::jobs::{self, ConvertOptions};
use jixiao::model::Document;
use jixiao::read::{Input, read_all, read_bytes, read_inputs};
use std::path::PathBuf;

fn shown(name: &str) -> (PathBuf, String) {
    let path = fixture(name);
    let shown = path.display().to_string();
    (path, shown)
}

#[test]
fn reading_bytes_equals_reading_the_file() {
    for name in FIXTURES {
        let (path, shown) = shown(name);
        let from_file = jixiao::read::read_workbook(&path).unwrap();
        let from_bytes = read_bytes(&std::fs::read(&path).unwrap(), &shown).unwrap();
        assert!(!from_bytes.value.is_empty(), "{name}");
        assert_eq!(from_bytes, from_file, "{name}");
    }
}

#[test]
fn writing_bytes_equals_writing_the_file() {
    let dir = temp_dir("bytes-writers");
    for name in FIXTURES {
        let (path, shown) = shown(name);
        let doc = Document::new(
            read_bytes(&std::fs::read(&path).unwrap(), &shown)
                .unwrap()
                .value,
        );
        let xlsx = dir.join("forms.xlsx");
        match jixiao::write::write_xlsx(&doc, &xlsx) {
            Ok(_) => {
                let (bytes, _) = jixiao::write::xlsx_bytes(&doc).unwrap();
                assert_eq!(bytes, std::fs::read(&xlsx).unwrap(), "{name}: xlsx");
            }
            // Only 2020 forms: nothing to write either way.
            Err(e) => assert!(jixiao::write::xlsx_bytes(&doc).is_err(), "{name}: {e}"),
        }
        let flat = dir.join("flat.xlsx");
        jixiao::write::flat::write_xlsx(&doc, &flat).unwrap();
        assert_eq!(
            jixiao::write::flat::xlsx_bytes(&doc).unwrap(),
            std::fs::read(&flat).unwrap(),
            "{name}: flat xlsx"
        );
        let csv = dir.join("csv");
        let written = jixiao::write::flat::write_csv_dir(&doc, &csv).unwrap();
        let files = jixiao::write::flat::csv_files(&doc);
        assert_eq!(files.len(), written.len(), "{name}");
        for ((file, bytes), path) in files.iter().zip(&written) {
            assert!(path.ends_with(file), "{name}: {file}");
            assert_eq!(bytes, &std::fs::read(path).unwrap(), "{name}: {file}");
        }
        // The tables read back from memory as from the directory.
        let tables: Vec<(String, Vec<u8>)> = files.clone();
        let set = csv.display().to_string();
        assert_eq!(
            jixiao::read::flat::read_tables(&set, &tables).unwrap(),
            jixiao::read::flat::read_dir(&csv).unwrap(),
            "{name}: tables"
        );
        std::fs::remove_dir_all(&csv).unwrap();
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn convert_in_memory_gives_the_bytes_the_command_line_writes() {
    let dir = temp_dir("bytes-convert");
    for name in ["xizang-2024-declarations.xlsx", "xining-2020-legacy.xlsx"] {
        let (path, shown) = shown(name);
        let inputs = read_all(&[Input::file(&shown, std::fs::read(&path).unwrap())]);
        for (to, file) in [
            (OutputFormat::Xlsx, "out.xlsx"),
            (OutputFormat::Json, "out.json"),
            (OutputFormat::XlsxFlat, "flat.xlsx"),
        ] {
            let out = dir.join(file);
            let (code, _, err) = jixiao(&[
                "convert",
                &shown,
                "-o",
                out.to_str().unwrap(),
                "--to",
                to.name(),
            ]);
            assert_eq!(code, 0, "{name} {err}");
            let done = jobs::convert(&inputs, &ConvertOptions::to(to), file).unwrap();
            let files = done.output.unwrap().files;
            assert_eq!(files.len(), 1);
            assert_eq!(
                files[0].bytes,
                std::fs::read(&out).unwrap(),
                "{name} → {}",
                to.name()
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_in_memory_prints_what_the_command_line_prints() {
    for name in [
        "xinjiang-2023-self-evaluations.xlsx",
        "xizang-2024-declarations.xlsx",
        "xining-2020-legacy.xlsx",
    ] {
        let (path, shown) = shown(name);
        let (_, stdout, _) = crate::common::jixiao_in(None, &["check", "--format", "json", &shown]);
        let inputs = read_all(&[Input::file(&shown, std::fs::read(&path).unwrap())]);
        let mut report = jobs::check(&inputs, &Default::default());
        // The command line lists infos only with --show-info.
        report.hide_infos();
        assert_eq!(report.to_json(), stdout, "{name}");
        assert_eq!(read_inputs(&[path]).document, inputs.document, "{name}");
    }
}

#[test]
fn convert_and_score_write_nothing_after_reader_errors() {
    // A flat table whose amount is no number: a reader error at its cell.
    let table = "\u{feff}项目名称,年度资金申请总额\r\n机关服务费,十四万\r\n";
    let inputs = read_all(&[Input::Tables {
        name: "bad".into(),
        tables: vec![
            ("declarations.csv".into(), table.as_bytes().to_vec()),
            ("indicators.csv".into(), "序号\r\n".as_bytes().to_vec()),
        ],
    }]);
    assert!(inputs.has_errors(), "{:#?}", inputs.diagnostics);
    let done = jobs::convert(&inputs, &ConvertOptions::to(OutputFormat::Json), "o.json").unwrap();
    let refused = done.output.unwrap_err();
    assert!(
        refused.to_string().starts_with("未写出任何文件："),
        "{refused}"
    );
    let opts = Default::default();
    let (scored, _) = jobs::score(&inputs, &opts, false, OutputFormat::Json, "o.json").unwrap();
    assert_eq!(scored.output.unwrap_err(), refused);
}

#[test]
fn a_csv_table_alone_is_told_by_its_name() {
    let err = read_bytes(b"\xef\xbb\xbfa,b\r\n", "x/indicators.csv").unwrap_err();
    assert!(err.to_string().contains("没有存放表单的平表"), "{err}");
}

//! Errors that stop a whole file (issue 14): their text in both languages, and the error they
//! were made from kept as `source()`, so that a program can tell a missing file from a damaged
//! one without reading Chinese.

use crate::common;
use jixiao::diag::Error;
use jixiao::msg::{Lang, with_lang};
use std::error::Error as _;

/// The error's text in Chinese and in English, made in each language.
fn both(make: impl Fn() -> Error) -> (String, String, Error) {
    let zh = with_lang(Lang::Zh, || make().to_string());
    let en = with_lang(Lang::En, || make().to_string());
    (zh, en, make())
}

#[test]
fn issue_14_a_missing_workbook_keeps_the_io_error() {
    let dir = common::temp_dir("missing");
    let path = dir.join("缺.xlsx");
    let (zh, en, e) = both(|| jixiao::grid::open(&path).unwrap_err());
    let shown = path.display();
    // The system's words said in the user's language; the io::Error stays the source.
    assert_eq!(zh, format!("{shown}: 无法打开：找不到该文件或文件夹"));
    assert_eq!(
        en,
        format!("{shown}: cannot open: no such file or directory")
    );
    let io = e.source().unwrap().downcast_ref::<std::io::Error>();
    assert_eq!(io.unwrap().kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn issue_14_a_damaged_workbook_keeps_calamines_error() {
    // A zip with no workbook in it: xlsx by its signature, refused by calamine.
    let bytes = std::fs::read(common::fixture("xinjiang-2026-declarations.xlsx")).unwrap();
    let cut = &bytes[..bytes.len() / 2];
    let (zh, en, e) = both(|| jixiao::grid::open_bytes(cut, "半.xlsx").unwrap_err());
    assert!(zh.starts_with("半.xlsx: 无法读取工作簿："), "{zh}");
    assert!(
        zh.ends_with("\n  提示: 用 Excel、WPS 或 LibreOffice 打开并另存为 .xlsx 后再试"),
        "{zh}"
    );
    assert!(
        en.starts_with("半.xlsx: cannot read the workbook: "),
        "{en}"
    );
    let source = e.source().expect("calamine's error is kept");
    assert!(source.is::<calamine::XlsxError>(), "{source:?}");
    // The message quotes it, in calamine's words.
    assert!(
        zh.contains(
            &source
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        )
    );
}

#[test]
fn issue_14_a_broken_json_model_keeps_serde_jsons_error() {
    let (zh, en, e) =
        both(|| jixiao::read::read_json_bytes(b"{\"forms\": [", "m.json").unwrap_err());
    assert_eq!(
        zh,
        "m.json: 不是 jixiao 的 JSON 模型：EOF while parsing a list at line 1 column 11"
    );
    assert_eq!(
        en,
        "m.json: not a jixiao JSON model: EOF while parsing a list at line 1 column 11"
    );
    let json = e.source().unwrap().downcast_ref::<serde_json::Error>();
    assert!(json.unwrap().is_eof());
}

#[test]
fn issue_14_a_failed_write_keeps_the_io_error() {
    let dir = common::temp_dir("write-error");
    // The output's directory is a file: it cannot be made.
    std::fs::write(dir.join("表"), "").unwrap();
    let out = dir.join("表").join("out.xlsx");
    let (zh, en, e) = both(|| jixiao::write::bytes_atomically(&out, b"x").unwrap_err());
    let shown = out.display();
    assert_eq!(
        zh,
        format!("{shown}: 无法创建文件夹：已有同名的文件或文件夹")
    );
    assert_eq!(
        en,
        format!(
            "{shown}: cannot create the directory: a file or directory of that name already exists"
        )
    );
    assert!(matches!(e, Error::Write { .. }));
    let io = e.source().unwrap().downcast_ref::<std::io::Error>();
    assert_eq!(io.unwrap().kind(), std::io::ErrorKind::AlreadyExists);
}

#[test]
fn issue_14_the_command_line_prints_the_cause_once() {
    let dir = common::temp_dir("cause-once");
    // A profile that is not UTF-8 text: reading it fails with an io::Error.
    let missing = dir.join("配置.toml");
    std::fs::write(&missing, b"\xff\xfe name").unwrap();
    let (code, _, err) = common::jixiao_in(
        None,
        &[
            "convert",
            common::fixture("xinjiang-2026-declarations.xlsx")
                .to_str()
                .unwrap(),
            "--profile",
            missing.to_str().unwrap(),
            "-o",
            dir.join("o.json").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err.trim_end(),
        format!(
            "jixiao: {}: 无法读取：内容无法识别（不是 UTF-8 文本，或已损坏）",
            missing.display()
        )
    );
}

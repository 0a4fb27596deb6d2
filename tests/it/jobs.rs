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

/// The command line streams a batch (one input at a time, written as it goes); what it writes
/// is what the library's byte-level `jobs::convert` makes of the whole batch, JSON and CSV.
#[test]
fn the_streamed_batch_writes_what_the_whole_batch_gives() {
    use jixiao::formats::OutputFormat;
    use jixiao::jobs::{ConvertOptions, convert};
    let dir = temp_dir("jobs-stream");
    let files: Vec<String> = [
        "xinjiang-2023-self-evaluations.xlsx",
        "xining-2020-legacy.xlsx",
        "xizang-2024-declarations.xlsx",
        "other-layouts/xinjiang-2026-declarations.6col.xlsx",
    ]
    .iter()
    .map(|f| fixture(f).display().to_string())
    .collect();
    let inputs: Vec<_> = files
        .iter()
        .map(|f| jixiao::read::Input::file(f.as_str(), std::fs::read(f).unwrap()))
        .collect();
    let batch = jixiao::read::read_all(&inputs);
    for (to, out) in [
        (OutputFormat::Json, "all.json"),
        (OutputFormat::Csv, "flat"),
    ] {
        let out = dir.join(out).display().to_string();
        let mut args = vec!["convert", "--jobs", "2", "--to", to.name(), "-o", &out];
        args.extend(files.iter().map(String::as_str));
        let (code, _, stderr) = jixiao(&args);
        assert_eq!(code, 0, "{stderr}");
        let whole = convert(&batch, &ConvertOptions::to(to), &out).unwrap();
        let files = whole.output.unwrap().files;
        assert!(files.len() >= 3 || to == OutputFormat::Json);
        for f in files {
            let written = std::fs::read(&f.name).unwrap();
            assert!(written.len() > 1000, "{}", f.name);
            assert!(
                written == f.bytes,
                "{}: other bytes than jobs::convert",
                f.name
            );
        }
    }
}

/// `-o DIR/` writes one output per input workbook, named after it, each what converting that
/// input alone gives; two inputs of one name, or an output onto an input, are refused before
/// anything is written.
#[test]
fn a_folder_output_gets_one_file_per_input() {
    let dir = temp_dir("jobs-per-input");
    let names = [
        "xinjiang-2023-self-evaluations.xlsx",
        "xizang-2024-declarations.xlsx",
    ];
    let files: Vec<String> = names
        .iter()
        .map(|f| fixture(f).display().to_string())
        .collect();
    let out = format!("{}/", dir.join("out").display());
    let mut args = vec!["convert", "-o", &out];
    args.extend(files.iter().map(String::as_str));
    let (code, _, stderr) = jixiao(&args);
    assert_eq!(code, 0, "{stderr}");
    for (name, file) in names.iter().zip(&files) {
        let written = dir.join("out").join(name);
        let forms = jixiao::read::read_workbook(&written).unwrap().value;
        let alone = jixiao::read::read_workbook(std::path::Path::new(file))
            .unwrap()
            .value;
        assert_eq!(forms.len(), alone.len(), "{name}");
        assert_eq!(forms[0].project_name(), alone[0].project_name());
    }
    let mut json_args = vec!["convert", "--to", "json", "-o", &out];
    json_args.extend(files.iter().map(String::as_str));
    let (code, _, stderr) = jixiao(&json_args);
    assert_eq!(code, 0, "{stderr}");
    let json = dir.join("out/xizang-2024-declarations.json");
    let doc = jixiao::read::read_json(&json).unwrap();
    assert_eq!(doc.forms.len(), 7);
    assert_eq!(std::fs::read_dir(dir.join("out")).unwrap().count(), 4);

    // The same base name twice: refused, nothing written.
    let other = dir.join("again");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(&files[1], other.join(names[1])).unwrap();
    let again = other.display().to_string();
    let fresh = format!("{}/", dir.join("fresh").display());
    let (code, _, stderr) = jixiao(&["convert", &files[1], &again, "-o", &fresh]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("would both be written to"), "{stderr}");
    assert!(!dir.join("fresh").exists());
    // Onto the input itself: refused.
    let (code, _, stderr) = jixiao(&["convert", &again, "-o", &format!("{again}/")]);
    assert_eq!(code, 2, "{stderr}");
    assert!(std::fs::read_dir(&other).unwrap().count() == 1);
}

/// A batch's one official workbook says where each form came from: a first sheet 汇总 lists
/// every form with its file and sheet (and links to it), and each sheet's name starts with the
/// form's 序号 there, so the same project of two offices is not `机关服务费 (2)`. One file's
/// forms are written as before, without the list.
#[test]
fn a_batch_workbook_lists_where_each_form_came_from() {
    use calamine::{Reader, open_workbook_auto};
    let dir = temp_dir("jobs-batch-xlsx");
    let files: Vec<String> = [
        "xinjiang-2026-declarations.xlsx",
        "other-layouts/xinjiang-2026-declarations.6col.xlsx",
    ]
    .iter()
    .map(|f| fixture(f).display().to_string())
    .collect();
    let out = dir.join("all.xlsx").display().to_string();
    let (code, _, stderr) = jixiao(&["convert", &files[0], &files[1], "-o", &out]);
    assert_eq!(code, 0, "{stderr}");
    let mut book = open_workbook_auto(&out).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "汇总");
    assert_eq!(names[1], "1 机关服务费");
    // The same project from the second file: its own 序号, not a ` (2)`.
    assert_eq!(names[5], "5 机关服务费");
    assert_eq!(names.len(), 9);
    let summary = book.worksheet_range("汇总").unwrap();
    let text = |r: u32, c: u32| summary.get_value((r, c)).map(|v| v.to_string()).unwrap();
    assert_eq!(text(0, 0), "项目绩效目标汇总表（2 个文件，8 张表）");
    assert_eq!(text(1, 2), "来源");
    assert_eq!(text(2, 1), "机关服务费");
    assert_eq!(text(2, 2), "xinjiang-2026-declarations.xlsx · 机关服务费");
    assert_eq!(
        text(6, 2),
        "xinjiang-2026-declarations.6col.xlsx · 机关服务费"
    );
    // Read back, the forms are those written (the list is no form).
    let forms = jixiao::read::read_workbook(std::path::Path::new(&out))
        .unwrap()
        .value;
    assert_eq!(forms.len(), 8);

    let one = dir.join("one.xlsx").display().to_string();
    let (code, _, stderr) = jixiao(&["convert", &files[0], "-o", &one]);
    assert_eq!(code, 0, "{stderr}");
    let book = open_workbook_auto(&one).unwrap();
    assert_eq!(book.sheet_names()[0], "机关服务费");
}

//! `jixiao diff`: a correction list. A fixture and a corrected copy of it give exactly the
//! corrections made, named by the form's labels and indicators, with amounts as `#,##0.00`,
//! removed rows located in OLD and added rows in NEW.

use crate::common::{fixture, jixiao, jixiao_in, read, temp_dir};
use jixiao::model::Document;

#[test]
fn issue_5_one_edited_cell_of_a_flat_table_is_the_one_difference() {
    let original = fixture("xinjiang-2026-declarations.xlsx");
    let dir = temp_dir("diff-one-cell");
    jixiao::write::flat::write_csv_dir(
        &Document::new(read("xinjiang-2026-declarations.xlsx")),
        &dir,
    )
    .unwrap();
    let path = dir.join("indicators.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(",工作人员满意度,≥90.00(%),"));
    std::fs::write(
        &path,
        text.replacen(
            ",工作人员满意度,≥90.00(%),",
            ",工作人员满意度,≥95.00(%),",
            1,
        ),
    )
    .unwrap();

    // The flat tables record no cells: the change points at the workbook's, on either side.
    let at = format!("{}: 机关服务费!G21:H21", original.display());
    let (code, out, err) = jixiao(&["diff", original.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        format!(
            "申报表 2026 机关服务费\n  指标值 of indicator 9 \"工作人员满意度\": ≥90.00(%) → ≥95.00(%)  (at {at})\n"
        )
    );
    assert_eq!(err, "1 difference(s) in 1 form(s)\n");
    let (code, out, _) = jixiao(&["diff", dir.to_str().unwrap(), original.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "申报表 2026 机关服务费\n  指标值 of indicator 9 \"工作人员满意度\": ≥95.00(%) → ≥90.00(%)  (at {at})\n"
        )
    );
}

/// A clerk's correction round on the 机关服务费 form: an amount raised, a blank row deleted, a
/// row added, two 指标值 corrected. The corrected copy is a workbook again, so every change
/// is located: the deleted row in the OLD file, the rest in the NEW one.
#[test]
fn diff_of_a_fixture_and_its_corrected_copy_reads_like_a_correction_list() {
    let original = fixture("xinjiang-2026-declarations.xlsx");
    let dir = temp_dir("diff-corrected");
    let flat = dir.join("flat");
    let (code, _, err) = jixiao(&[
        "convert",
        original.to_str().unwrap(),
        "--to",
        "csv",
        "-o",
        flat.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(code, 0, "{err}");
    let edit = |file: &str, f: &dyn Fn(String) -> String| {
        let path = flat.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let edited = f(text.clone());
        assert_ne!(edited, text, "{file}");
        std::fs::write(&path, edited).unwrap();
    };
    edit("declarations.csv", &|t| {
        t.replacen(",140000.00,140000.00,", ",150000.00,150000.00,", 1)
    });
    edit("indicators.csv", &|t| {
        let mut lines: Vec<String> = t
            .lines()
            .filter(|l| !l.contains(",车队服务提供率,"))
            .map(|l| {
                l.replace(
                    "公务用车需求满足率,'=100.00(次)",
                    "公务用车需求满足率,'=100.00(%)",
                )
                .replace("工作人员满意度,≥90.00(%)", "工作人员满意度,≥95.00(%)")
            })
            .collect();
        let days = lines
            .iter()
            .position(|l| l.contains(",服务保障天数,"))
            .unwrap();
        let added = lines[days].replace(",服务保障天数,≥300.00(天)", ",出车次数,≥1200(次)");
        lines.insert(days + 1, added);
        lines.join("\n") + "\n"
    });
    let corrected = dir.join("修改稿.xlsx");
    let (code, _, err) = jixiao(&[
        "convert",
        flat.to_str().unwrap(),
        "-o",
        corrected.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(code, 0, "{err}");

    let (old, new) = (original.display(), corrected.display());
    let (code, out, err) = jixiao_in(
        None,
        &[
            "diff",
            original.to_str().unwrap(),
            corrected.to_str().unwrap(),
        ],
    );
    assert_eq!((code, err.as_str()), (1, "1 张表共有 6 处差异\n"), "{out}");
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "申报表 2026 机关服务费".to_string(),
            format!("  年度资金申请总额：140,000.00 → 150,000.00  位置：{new}: 机关服务费!H6"),
            format!("  其中：当年财政拨款：140,000.00 → 150,000.00  位置：{new}: 机关服务费!H7"),
            format!(
                "  删除第 2 行指标「车队服务提供率」（产出指标 / 数量指标），指标值 (空)  位置：{old}: 机关服务费!A14:H14"
            ),
            format!(
                "  新增第 3 行指标「出车次数」（产出指标 / 数量指标），指标值 ≥1200(次)  位置：{new}: 机关服务费!A15:H15"
            ),
            format!(
                "  第 8 行指标「公务用车需求满足率」的指标值：=100.00(次) → =100.00(%)  位置：{new}: 机关服务费!G20:H20"
            ),
            format!(
                "  第 9 行指标「工作人员满意度」的指标值：≥90.00(%) → ≥95.00(%)  位置：{new}: 机关服务费!G21:H21"
            ),
        ]
    );
    let (_, out, err) = jixiao(&[
        "diff",
        original.to_str().unwrap(),
        corrected.to_str().unwrap(),
    ]);
    assert_eq!(err, "6 difference(s) in 1 form(s)\n");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[1],
        format!("  年度资金申请总额: 140,000.00 → 150,000.00  (at {new}: 机关服务费!H6)")
    );
    assert_eq!(
        lines[3],
        format!(
            "  removed indicator 2 \"车队服务提供率\" (产出指标 / 数量指标), 指标值 (blank)  (at {old}: 机关服务费!A14:H14)"
        )
    );
    assert_eq!(
        lines[5],
        format!(
            "  指标值 of indicator 8 \"公务用车需求满足率\": =100.00(次) → =100.00(%)  (at {new}: 机关服务费!G20:H20)"
        )
    );
}

#[test]
fn diff_of_a_workbook_and_its_flat_tables_is_empty() {
    let original = fixture("xinjiang-2023-self-evaluations.xlsx");
    let dir = temp_dir("diff-none");
    let (code, _, err) = jixiao(&[
        "convert",
        original.to_str().unwrap(),
        "--to",
        "csv",
        "-o",
        dir.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = jixiao(&["diff", original.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "", "no differences in 5 form(s)\n")
    );
}

#[test]
fn diff_of_an_unreadable_side_exits_2() {
    let dir = temp_dir("diff-unreadable");
    let bad = dir.join("bad.xlsx");
    std::fs::write(&bad, "not a workbook").unwrap();
    let original = fixture("xinjiang-2026-declarations.xlsx");
    let (code, out, err) = jixiao(&["diff", original.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
}

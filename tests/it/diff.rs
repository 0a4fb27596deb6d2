//! `jixiao diff`: a correction made in a flat table shows up as exactly that change.

use crate::common::{fixture, jixiao, read, temp_dir};
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

    let (code, out, err) = jixiao(&["diff", original.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        "申报表 2026 机关服务费\n  indicators[8].target 指标值: ≥90.00(%) → ≥95.00(%)\n"
    );
    assert_eq!(err, "1 difference(s) in 1 form(s)\n");

    // The other way round, the NEW side is the workbook, and the change points at its cell.
    let (code, out, _) = jixiao(&["diff", dir.to_str().unwrap(), original.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "申报表 2026 机关服务费\n  indicators[8].target 指标值: ≥95.00(%) → ≥90.00(%)  (at {}: 机关服务费!G21:H21)\n",
            original.display()
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

//! The national 88号 申报表 (DOMAIN §1a) in its own layout, `declaration-88` (issue 11): the
//! real two-sided forms written with `--layout source` come back unchanged, their 中期 side in
//! the 中期 cells, and a form in the layout is written back cell for cell.

use crate::common::{jixiao, temp_dir};
use crate::real_forms::{all, build_xlsx};
use crate::write_xlsx::exact;
use jixiao::grid::Grid;
use jixiao::model::{Declaration, Document, Form, LayoutId};
use jixiao::write::LayoutChoice;

/// The forms as read before the reader kept a form's own grid (`Source::derived`): what
/// `--layout source` then writes in the nearest described layout.
fn without_own_grid(mut forms: Vec<Form>) -> Vec<Form> {
    for f in &mut forms {
        if let Some(s) = f.source_mut() {
            s.derived = None;
        }
    }
    forms
}

fn declaration(forms: &[Form]) -> &Declaration {
    match forms {
        [Form::Declaration(d)] => d,
        other => panic!("expected one 申报表, read {}", other.len()),
    }
}

/// Issue 11: every real form with a 中期 side (7 of the 15 transcriptions) survives xlsx →
/// JSON → xlsx (`--layout source`) → JSON unchanged. None is printed in a described layout, so
/// without its own grid (see tests/it/derived_layout.rs for the forms with theirs) each goes
/// into the nearest one by what it holds, said by `write.nearest-layout`: the 88号
/// layout for the six with 中期 cells to fill or none of the Shanghai fields, the official one
/// for 兵团六团, a Shanghai frame whose only 中期 value is 项目期 (under 备注 there). In the 88号
/// layout every 中期 value is read back from the cell the layout gives it.
#[test]
fn issue_11_real_88_forms_round_trip_in_the_nearest_layout() {
    let dir = temp_dir("real-88");
    let mut layouts = Vec::new();
    for t in all() {
        let path = dir.join(format!("{}.xlsx", t.name));
        build_xlsx(&t, &path);
        let read = jixiao::read::read_workbook(&path).unwrap();
        if declaration_medium(&read.value).is_none() {
            continue;
        }
        let json1 = jixiao::write::json::to_string(&Document::new(without_own_grid(read.value)));
        let from_json: Document = serde_json::from_str(&json1).unwrap();
        let (bytes, written) =
            jixiao::write::xlsx_bytes_in(&from_json, LayoutChoice::Source).unwrap();
        let rules: Vec<&str> = written
            .diagnostics
            .iter()
            .map(|d| d.rule.as_str())
            .collect();
        assert_eq!(rules, ["write.nearest-layout"], "{}", t.name);
        let out = dir.join(format!("{}.source.xlsx", t.name));
        std::fs::write(&out, &bytes).unwrap();
        let again = jixiao::read::read_workbook(&out).unwrap();
        assert!(!again.has_errors(), "{}: {:#?}", t.name, again.diagnostics);
        let d = declaration(&again.value);
        let layout = d
            .source
            .as_ref()
            .and_then(|s| s.layout.as_ref())
            .unwrap()
            .id;
        assert!(written.diagnostics[0].message.contains(layout.name()));
        layouts.push((t.name.clone(), layout));
        let plain = |forms: &[Form]| {
            let forms = crate::common::without_source(forms);
            jixiao::write::json::to_string(&Document::new(forms))
        };
        let first: Document = serde_json::from_str(&json1).unwrap();
        assert_eq!(plain(&first.forms), plain(&again.value), "{}", t.name);

        if layout == LayoutId::Declaration88 {
            let source = d.source.as_ref().unwrap();
            let medium = d.medium_term.as_ref().unwrap();
            // Where the 88号 layout puts each 中期 value (DOMAIN §1a).
            let cells = [
                ("medium_term.period", !medium.period.is_empty(), "F6:H6"),
                ("medium_term.total", medium.total.is_some(), "D7"),
                ("medium_term.fiscal", medium.fiscal.is_some(), "D8"),
                ("medium_term.other", medium.other.is_some(), "D9"),
                ("medium_term.goal", !medium.goal.is_empty(), "B11:E11"),
            ];
            for (path, held, at) in cells {
                if held {
                    assert_eq!(source.cell(path), Some(at), "{}: {path}", t.name);
                }
            }
            // The 中期 indicators in C (二级), D (三级) and E (指标值), from row 13 on.
            for (i, ind) in medium.indicators.iter().enumerate() {
                let at = |field: &str| source.cell(&format!("medium_term.indicators[{i}].{field}"));
                if !ind.name.is_empty() {
                    assert!(at("name").is_some_and(|c| c.starts_with('D')), "{}", t.name);
                }
                if !ind.target.raw.is_empty() {
                    assert!(
                        at("target").is_some_and(|c| c.starts_with('E')),
                        "{}",
                        t.name
                    );
                }
            }
        }
    }
    let names: Vec<(&str, &str)> = layouts
        .iter()
        .map(|(n, l)| (n.as_str(), l.name()))
        .collect();
    assert_eq!(
        names,
        [
            ("anhui-huaibei-culture-2025", "declaration-88"),
            ("anhui-jinan-sports-2025-league", "declaration-88"),
            ("anhui-jinan-sports-2025-tennis", "declaration-88"),
            ("anhui-luan-agri-2024", "declaration-88"),
            ("guangdong-dongguan-transport-2019", "declaration-88"),
            ("hubei-qingshan-edu-2020-infrastructure", "declaration-88"),
            ("xinjiang-bingtuan-6th-regiment-2021", "declaration-8"),
        ]
    );
}

/// Issue 11: in the default official layout (declaration-8) an 88号 form's 中期 side goes under
/// 备注, and every value of it reads back into its field: xlsx (88号) → official xlsx → JSON
/// keeps the 中期 side of each of the 7 real forms with one (六安's 中期资金总额 39.96 and 东莞's
/// 6 中期 indicators among them), and nothing of it is left as a note.
#[test]
fn issue_11_real_88_forms_keep_their_medium_side_in_the_official_layout() {
    let dir = temp_dir("real-88-official");
    let mut kept = 0;
    for t in all() {
        let path = dir.join(format!("{}.xlsx", t.name));
        build_xlsx(&t, &path);
        let first = jixiao::read::read_workbook(&path).unwrap().value;
        let Some(medium) = declaration_medium(&first) else {
            continue;
        };
        let (bytes, _) =
            jixiao::write::xlsx_bytes_in(&Document::new(first.clone()), LayoutChoice::Official)
                .unwrap();
        let out = dir.join(format!("{}.official.xlsx", t.name));
        std::fs::write(&out, &bytes).unwrap();
        let again = jixiao::read::read_workbook(&out).unwrap();
        assert!(!again.has_errors(), "{}: {:#?}", t.name, again.diagnostics);
        let back = declaration(&again.value);
        assert_eq!(
            back.source.as_ref().unwrap().layout.as_ref().unwrap().id,
            LayoutId::Declaration8
        );
        // The 中期 side whole (amounts by value: the official layout prints two decimals), and
        // the 年度 side's indicators and notes untouched by it.
        assert_eq!(back.medium_term.as_ref(), Some(medium), "{}", t.name);
        let d = declaration(&first);
        assert_eq!(back.indicators, d.indicators, "{}", t.name);
        assert_eq!(back.notes, d.notes, "{}", t.name);
        assert_eq!(back.funds, d.funds, "{}", t.name);
        match t.name.as_str() {
            "anhui-luan-agri-2024" => {
                assert_eq!(medium.total, Some("39.96".parse().unwrap()));
            }
            "guangdong-dongguan-transport-2019" => {
                assert_eq!(medium.indicators.len(), 6);
                assert_eq!(medium.total, Some("284500.00".parse().unwrap()));
            }
            _ => {}
        }
        kept += 1;
    }
    assert_eq!(kept, 7);
}

/// Issue 11: 东莞's 年度目标 is long (61 characters, 57 of them Chinese: 123 width units at
/// 宋体 10), and neither layout gives it more than 47 units of width: in its own grid
/// (`--layout source`) and in the official layout the rows that hold it are as tall as 3 lines
/// at least (13.5 points a line), so the text stays inside its cell in a render.
#[test]
fn issue_11_dongguan_annual_goal_has_the_height_its_lines_need() {
    let dir = temp_dir("real-88-heights");
    let path = built("guangdong-dongguan-transport-2019", &dir);
    let forms = jixiao::read::read_workbook(&path).unwrap().value;
    assert_eq!(declaration(&forms).annual_goal.chars().count(), 61);
    for choice in [LayoutChoice::Source, LayoutChoice::Official] {
        let doc = Document::new(forms.clone());
        let (bytes, _) = jixiao::write::xlsx_bytes_in(&doc, choice).unwrap();
        let out = dir.join("heights.xlsx");
        std::fs::write(&out, &bytes).unwrap();
        let back = jixiao::read::read_workbook(&out).unwrap().value;
        let at = &declaration(&back).source.as_ref().unwrap().cells["annual_goal"];
        let area = jixiao::a1::parse_area(at).unwrap();
        let heights = crate::common::row_heights(&out);
        let height: f64 = (area.first.0..=area.last.0)
            .map(|r| heights.get(&(r + 1)).copied().unwrap_or(15.0))
            .sum();
        assert!(height >= 3.0 * 13.5, "{choice:?}: {at} {height}");
    }
}

fn declaration_medium(forms: &[Form]) -> Option<&jixiao::model::MediumTerm> {
    match forms {
        [Form::Declaration(d)] => d.medium_term.as_ref(),
        _ => None,
    }
}

/// The transcription `name` (tests/real) built into a workbook in `dir`.
fn built(name: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let t = all().into_iter().find(|t| t.name == name).unwrap();
    let path = dir.join(format!("{name}.xlsx"));
    build_xlsx(&t, &path);
    path
}

/// The transcription `name` built into a workbook in `dir`, read, and written with
/// `--layout source` without its own grid: in the nearest described layout.
fn in_source_layout(name: &str, dir: &std::path::Path) -> Vec<u8> {
    let path = built(name, dir);
    let forms = without_own_grid(jixiao::read::read_workbook(&path).unwrap().value);
    let (bytes, _) =
        jixiao::write::xlsx_bytes_in(&Document::new(forms), LayoutChoice::Source).unwrap();
    bytes
}

/// The cells of the 六安 and 东莞 forms written in the 88号 layout, as their pages print them.
#[test]
fn issue_11_real_88_forms_put_their_medium_side_in_its_cells() {
    let dir = temp_dir("real-88-cells");
    let grid = |name: &str| -> Grid {
        let bytes = in_source_layout(name, &dir);
        jixiao::grid::open_xlsx_bytes(&bytes, name)
            .unwrap()
            .remove(0)
    };
    let luan = grid("anhui-luan-agri-2024");
    let text = |g: &Grid, a1: &str| g.text(jixiao::a1::parse_area(a1).unwrap().first);
    for (at, value) in [
        ("A1", "项目支出绩效目标申报表"),
        ("F6", "3年"),
        ("B7", "中期资金总额"),
        ("D7", "39.96"),
        ("D8", "39.96"),
        ("D9", "0.00"),
        ("G7", "21.22"),
        ("B10", "中期目标（2024年—2026年）"),
        ("F10", "年度目标"),
        ("E12", "指标值"),
        ("H12", "指标值"),
    ] {
        assert_eq!(text(&luan, at), value, "六安 {at}");
    }
    assert!(text(&luan, "B11").starts_with("通过项目实施,承担全市农技推广体系建设。"));
    // 东莞: six 中期 rows beside five 年度 rows under one 一级 column.
    let dongguan = grid("guangdong-dongguan-transport-2019");
    for (at, value) in [
        ("D7", "284500.00"),
        ("G7", "919.00"),
        ("B13", "预期产出指标"),
        ("C13", "数量指标(或建筑规模指标)"),
        ("D13", "镇街补助款完成结算项目数"),
        ("E13", "3"),
        ("C15", "时效指标(工期指标)"),
        ("F15", "时效指标(工期指标、形象进度指标)"),
        ("B17", "效果指标"),
        ("C18", "可持续影响指标"),
        ("D18", "实现建设总目标控制程度"),
        ("F18", ""),
        ("G18", ""),
    ] {
        assert_eq!(text(&dongguan, at), value, "东莞 {at}");
    }
    let merged: Vec<String> = dongguan.merges().iter().map(|a| a.to_string()).collect();
    assert!(merged.contains(&"B13:B16".to_string()), "{merged:?}");
    assert!(merged.contains(&"B17:B18".to_string()), "{merged:?}");
}

/// A form in the 88号 layout, read back and written again with `--layout source`, has the same
/// text in every cell and the same merges: the description that writes it also recognises it.
#[test]
fn issue_11_declaration_88_written_back_cell_for_cell() {
    let dir = temp_dir("real-88-again");
    for name in [
        "anhui-luan-agri-2024",
        "guangdong-dongguan-transport-2019",
        "hubei-qingshan-edu-2020-infrastructure",
    ] {
        let once = in_source_layout(name, &dir);
        let read = jixiao::read::read_bytes(&once, "once.xlsx").unwrap();
        let d = declaration(&read.value);
        let printed = d.source.as_ref().and_then(|s| s.layout.as_ref()).unwrap();
        assert_eq!(printed.id, LayoutId::Declaration88, "{name}");
        let (twice, written) =
            jixiao::write::xlsx_bytes_in(&Document::new(read.value), LayoutChoice::Source).unwrap();
        assert!(
            written.diagnostics.is_empty(),
            "{name}: {:#?}",
            written.diagnostics
        );
        let grids = |b: &[u8]| exact(&jixiao::grid::open_xlsx_bytes(b, name).unwrap());
        assert_eq!(grids(&once), grids(&twice), "{name}");
    }
}

/// `template --layout declaration-88` and an office profile with `layout = "declaration-88"`
/// both make 申报表 in the 88号 layout, a blank 中期 side included, that read back as such.
#[test]
fn issue_11_template_in_the_88_layout() {
    let dir = temp_dir("template-88");
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let projects = repo.join("samples/projects/xinjiang-2026.csv");
    let profile = dir.join("office.toml");
    std::fs::write(
        &profile,
        "department = \"六安市农业农村局\"\nimplementing_unit = \"六安市农业农村局\"\nlayout = \"declaration-88\"\n",
    )
    .unwrap();
    let by_option = dir.join("by-option.xlsx");
    let by_profile = dir.join("by-profile.xlsx");
    let runs = [
        vec!["--profile", "xinjiang", "--layout", "declaration-88"],
        vec!["--profile", profile.to_str().unwrap()],
    ];
    for (args, out) in runs.iter().zip([&by_option, &by_profile]) {
        let mut all_args = vec!["template", "--year", "2026", "--projects"];
        all_args.push(projects.to_str().unwrap());
        all_args.extend(args.iter().copied());
        all_args.extend(["-o", out.to_str().unwrap()]);
        let (code, _, err) = jixiao(&all_args);
        assert_eq!(code, 0, "{err}");
        let read = jixiao::read::read_workbook(out).unwrap();
        let forms: Vec<&Declaration> = read
            .value
            .iter()
            .filter_map(|f| match f {
                Form::Declaration(d) => Some(d),
                _ => None,
            })
            .collect();
        assert_eq!(forms.len(), 4, "{err}");
        let categories: Vec<&str> = forms.iter().map(|d| d.project_category.as_str()).collect();
        // 项目类别 and the dates have no cell in the 88号 form: they come back from 备注.
        assert_eq!(
            categories,
            ["其他运转类", "其他运转类", "特定目标类", "特定目标类"]
        );
        for d in forms {
            let layout = d.source.as_ref().and_then(|s| s.layout.as_ref()).unwrap();
            assert_eq!(layout.id, LayoutId::Declaration88);
            assert_eq!(d.medium_term, Some(Default::default()));
            assert_eq!(
                (d.planned_start.as_str(), d.planned_end.as_str()),
                ("2026-01-01", "2026-12-31")
            );
            assert!(d.notes.is_empty(), "{:?}", d.notes);
        }
    }
    // Without a profile: last year's 六安 form, carried into 2025 in the 88号 layout, keeps its
    // 中期 side; `--layout official` gives the Shanghai form (the 中期 side under 备注).
    let luan = built("anhui-luan-agri-2024", &dir);
    for (layout, id) in [
        ("declaration-88", Some(LayoutId::Declaration88)),
        ("official", None),
    ] {
        let out = dir.join(format!("luan-{layout}.xlsx"));
        let (code, _, err) = jixiao(&[
            "template",
            "--from",
            luan.to_str().unwrap(),
            "--layout",
            layout,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        let read = jixiao::read::read_workbook(&out).unwrap();
        let d = declaration(&read.value);
        assert_eq!(d.year, Some(2025));
        let printed = d
            .source
            .as_ref()
            .and_then(|s| s.layout.as_ref())
            .map(|l| l.id);
        assert_eq!(printed, id.or(Some(LayoutId::Declaration8)), "{layout}");
        let medium = d.medium_term.as_ref().unwrap();
        assert_eq!(medium.period, "3年", "{layout}");
        // In both layouts the 中期 side reads back whole (under 备注 in the official one).
        let total = medium.total.map(|t| t.to_string());
        assert_eq!(total.as_deref(), Some("39.96"), "{layout}");
        assert!(!medium.goal.is_empty(), "{layout}");
    }
    let (code, _, err) = jixiao(&[
        "template",
        "--profile",
        "xinjiang",
        "--layout",
        "declaration-99",
        "--year",
        "2026",
        "--projects",
        projects.to_str().unwrap(),
        "-o",
        dir.join("x.xlsx").to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no layout \"declaration-99\""), "{err}");
}

/// `convert --layout source -v` says which layout a form printed in none, and without its own
/// grid (JSON written before the reader kept one), was written in, at the form, in Chinese by
/// default; without `-v` the note is not printed.
#[test]
fn issue_11_convert_says_which_layout_it_chose() {
    let dir = temp_dir("real-88-cli");
    let read = jixiao::read::read_workbook(&built("anhui-luan-agri-2024", &dir)).unwrap();
    let input = dir.join("luan.json");
    let json = jixiao::write::json::to_string(&Document::new(without_own_grid(read.value)));
    std::fs::write(&input, json).unwrap();
    let out = dir.join("out.xlsx");
    let args = |v: bool| {
        let mut a = vec!["convert", input.to_str().unwrap(), "--layout", "source"];
        a.extend(["-o", out.to_str().unwrap()]);
        if v {
            a.push("-v");
        }
        a
    };
    let (code, _, err) = crate::common::jixiao_in(None, &args(true));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("anhui-luan-agri-2024!A1:H11: 提醒[write.nearest-layout]: 第 1 张表（保障运转类-六安市农业技术推广工作经费）的原表格式不在已知版式中，按最接近的版式 declaration-88 写出；版式中没有位置的 0 项写在备注中"),
        "{err}"
    );
    let (_, _, err) = jixiao(&args(false));
    assert!(!err.contains("nearest-layout"), "{err}");
}

/// The two sides need not have the same 一级 in the same order: a 一级 only one side has gets
/// rows of its own, the other side's cells left empty, and both sides read back as written
/// (taken from the 东莞 form, its 年度 side given a 满意度 row the 中期 side lacks, and its 中期
/// side a 效果指标 row the 年度 side lacks).
#[test]
fn issue_11_88_sides_with_different_level1_read_back_as_written() {
    let dir = temp_dir("88-uneven");
    let path = built("guangdong-dongguan-transport-2019", &dir);
    let mut forms = jixiao::read::read_workbook(&path).unwrap().value;
    let Form::Declaration(d) = &mut forms[0] else {
        panic!()
    };
    let medium = d.medium_term.as_mut().unwrap();
    // 中期: 预期产出指标 ×4, 效果指标 ×2; 年度: 预期产出指标 ×4, 满意度指标 ×1 (效果 dropped).
    d.indicators.retain(|i| i.level1 != "效果指标");
    let mut satisfaction = d.indicators[0].clone();
    satisfaction.level1 = "满意度指标".into();
    satisfaction.level2 = "服务对象满意度指标".into();
    satisfaction.name = "镇街满意度".into();
    d.indicators.push(satisfaction);
    assert_eq!(medium.indicators.len(), 6);
    let doc = Document::new(forms.clone());
    let (bytes, _) = jixiao::write::xlsx_bytes_in(&doc, LayoutChoice::Source).unwrap();
    let again = jixiao::read::read_bytes(&bytes, "uneven.xlsx").unwrap();
    assert!(!again.has_errors(), "{:#?}", again.diagnostics);
    let (Form::Declaration(a), Form::Declaration(b)) = (&forms[0], &again.value[0]) else {
        panic!()
    };
    assert_eq!(b.indicators, a.indicators);
    assert_eq!(b.medium_term, a.medium_term);
    // The rows: 4 paired 产出, then 效果 (中期 only, 2 rows), then 满意度 (年度 only).
    let g = jixiao::grid::open_xlsx_bytes(&bytes, "uneven")
        .unwrap()
        .remove(0);
    let text = |a1: &str| g.text(jixiao::a1::parse_area(a1).unwrap().first);
    assert_eq!(
        [text("B17"), text("C17"), text("F17")],
        ["效果指标", "社会、经济、生态效益 指标", ""]
    );
    assert_eq!(
        [text("B19"), text("C19"), text("F19"), text("G19")],
        ["满意度指标", "", "服务对象满意度指标", "镇街满意度"]
    );
}

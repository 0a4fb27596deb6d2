use super::*;
use crate::a1::parse_area;

#[test]
fn every_position_in_the_layout_parses() {
    let fields = declaration::HEADER
        .iter()
        .chain(declaration::FUND_FIELDS)
        .chain(declaration::GOAL_FIELDS)
        .chain(self_eval::HEADER)
        .chain(self_eval::GOAL_FIELDS);
    for f in fields {
        assert!(parse_area(f.label_at).is_some(), "{}", f.label_at);
        assert!(parse_area(f.value_at).is_some(), "{}", f.value_at);
    }
    for a1 in [
        declaration::PROJECT_NAME_WITHOUT_NATURE_AT,
        declaration::FUNDS_AT,
        declaration::GOALS_AT,
        self_eval::FUNDS_AT,
        self_eval::GOALS_AT,
    ] {
        assert!(parse_area(a1).is_some(), "{a1}");
    }
}

#[test]
fn captions_and_unit_labels() {
    assert_eq!(year_caption(Some(2026)), "（2026年度）");
    assert_eq!(year_caption(None), "（    年度）");
    assert_eq!(funds_label(MoneyUnit::Yuan), declaration::FUNDS.text);
    assert_eq!(funds_label(MoneyUnit::WanYuan), self_eval::FUNDS.text);
}

#[test]
fn labels_match_after_normalising_whitespace_colons_and_brackets() {
    assert!(declaration::FUNDS.matches("项目资金\n（元）"));
    assert!(declaration::FUNDS.matches("项目资金 (元)"));
    assert!(declaration::PROJECT_TOTAL.matches("项目资金总额:"));
    assert!(declaration::ANNUAL_FISCAL.matches("其中: 当年财政拨款"));
    assert!(declaration::OVERALL_GOAL.matches("项目总目标 (2024年-2024年)"));
    assert!(declaration::ANNUAL_GOAL.matches("年度总目标"));
    assert!(declaration::TARGET.matches("年度(/项目)指标值"));
    assert!(self_eval::FUND_COLUMNS[0].matches("年初预算\n数"));
    assert!(self_eval::FUND_COLUMNS[4].matches("执行率(%)"));
    assert!(self_eval::FUND_COLUMNS[3].matches("分数"));
    assert!(!declaration::PROJECT_TOTAL.matches("项目资金"));
    assert!(!declaration::OTHER.matches("其他资金来源说明"));
}

#[test]
fn issue_11_footers_are_no_indicators() {
    for t in [
        "注: 1.“其他资金”是指与财政拨款共同用于同一项目的单位自有资金",
        "注：各地请根据实际情况",
        "填报人：",
        "联系电话",
        "单位负责人:",
        "项目负责人:",
        "评价结论",
    ] {
        assert!(is_footer(t), "{t}");
    }
    for t in [
        "注册人数",
        "注重实效",
        "服务对象满意度",
        "填报及时率",
        "备注",
    ] {
        assert!(!is_footer(t), "{t}");
    }
}

#[test]
fn knows_the_placeholders_of_blank_forms() {
    for p in ["指标1:", "指标2：", " 指标 10 ", "……", "...", "⋯⋯"] {
        assert!(is_placeholder(p), "{p}");
    }
    for t in ["指标", "指标1:公务用车保障率", "公务用车保障率", "", "-"] {
        assert!(!is_placeholder(t), "{t}");
    }
}

#[test]
fn splits_label_value_pairs_inside_one_cell() {
    use legacy_2020::*;
    let labels = [PROJECT_NAME, PROJECT_CATEGORY, AMOUNTS[0].1, AMOUNTS[1].1];
    let pairs = split_pairs(
        "项目名称：合作交流工作业务费    项目类别：经常性专项业务费",
        &labels,
    );
    let got: Vec<(usize, &str, &str)> = pairs
        .iter()
        .map(|p| (p.label, p.written.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (0, "项目名称", "合作交流工作业务费"),
            (1, "项目类别", "经常性专项业务费")
        ]
    );
    let pairs = split_pairs(
        "项目 总预算 (元):500,000\n项目当年预算（元）： 500,000",
        &labels,
    );
    assert_eq!(pairs.len(), 2);
    assert_eq!(
        (pairs[0].written.as_str(), pairs[0].value.as_str()),
        ("项目 总预算 (元)", "500,000")
    );
    assert_eq!((pairs[1].label, pairs[1].value.as_str()), (3, "500,000"));
    // A label with nothing after it, and a value that merely mentions a label.
    assert_eq!(split_pairs("项目名称：", &labels)[0].value, "");
    assert_eq!(split_pairs("该项目名称：x", &labels), []);
    assert_eq!(split_pairs("项目名称：甲项目类别：乙", &labels).len(), 1);
}

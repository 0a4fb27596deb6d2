use super::*;
use crate::a1::parse_area;

#[test]
fn every_position_in_the_layout_parses() {
    fn at<I>(fields: &[Field<I>]) -> impl Iterator<Item = &'static str> + '_ {
        fields.iter().flat_map(|f| [f.label_at, f.value_at])
    }
    let places = at(declaration::HEADER)
        .chain(at(declaration::FUND_FIELDS))
        .chain(at(declaration::GOAL_FIELDS))
        .chain(at(self_eval::HEADER))
        .chain(at(self_eval::GOAL_FIELDS));
    for a1 in places {
        assert!(parse_area(a1).is_some(), "{a1}");
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

#[test]
fn every_field_has_one_place_in_its_layout() {
    use crate::model::field::*;
    fn ids<I: Copy>(fields: &[Field<I>]) -> Vec<I> {
        fields.iter().map(|f| f.id).collect()
    }
    let mut decl = ids(declaration::HEADER);
    decl.extend(ids(declaration::GOAL_FIELDS));
    decl.extend(declaration::NARRATIVE.iter().map(|f| f.0));
    assert_eq!(decl, DeclarationText::ALL);
    assert_eq!(ids(declaration::FUND_FIELDS), DeclarationAmount::ALL);
    let mut eval = ids(self_eval::HEADER);
    eval.extend(ids(self_eval::GOAL_FIELDS));
    // 评分等级 is a row of its own under the table, not a labelled field.
    eval.push(SelfEvaluationText::Grade);
    assert_eq!(eval, SelfEvaluationText::ALL);
    let legacy: Vec<_> = legacy_2020::HEADER
        .iter()
        .chain(legacy_2020::NARRATIVE)
        .map(|f| f.0)
        .collect();
    assert_eq!(legacy, Legacy2020Text::ALL);
    let amounts: Vec<_> = legacy_2020::AMOUNTS.iter().map(|f| f.0).collect();
    assert_eq!(amounts, Legacy2020Amount::ALL);
    assert_eq!(
        DeclarationAmount::from_path("funds.annual_carryover"),
        Some(DeclarationAmount::AnnualCarryover)
    );
    assert_eq!(DeclarationText::from_path("funds.annual_carryover"), None);
}

#[test]
fn flat_columns_fill_the_typed_fields() {
    use crate::model::field::*;
    let paths = |columns: Vec<Option<&'static str>>| -> Vec<&'static str> {
        columns.into_iter().flatten().collect()
    };
    let decl = paths(flat::DECLARATION_COLUMNS.iter().map(|c| c.path).collect());
    let typed: Vec<&str> = std::iter::once("year")
        .chain(DeclarationText::ALL[..7].iter().map(|f| f.path()))
        .chain(DeclarationAmount::ALL.iter().map(|f| f.path()))
        .chain(DeclarationText::ALL[7..].iter().map(|f| f.path()))
        .collect();
    assert_eq!(decl, typed);
    let legacy = paths(flat::LEGACY_2020_COLUMNS.iter().map(|c| c.path).collect());
    let typed: Vec<&str> = std::iter::once("year")
        .chain(Legacy2020Text::ALL.iter().map(|f| f.path()))
        .chain(Legacy2020Amount::ALL.iter().map(|f| f.path()))
        .collect();
    assert_eq!(legacy, typed);
    assert_eq!(
        flat::form_column_path("上年结转资金"),
        Some(Some("funds.annual_carryover"))
    );
    assert_eq!(flat::form_column_path("资金单位"), Some(None));
    assert_eq!(flat::form_column_path("年度资金总额.全年预算数"), None);
}

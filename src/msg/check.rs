//! The findings of `check` (see [`crate::msg::rules`] for their ids). The form's labels are the
//! nouns in both languages; an indicator is named by its row and its 三级 name, as the clerk sees
//! it: 第 6 行指标「公务用车需求满足率」.

use super::messages;

messages! {
    /// An indicator, by its row among the indicators (1-based) and its 三级 name.
    indicator("check.indicator", row, name) {
        zh: "第 {row} 行指标「{name}」",
        en: "indicator {row} \"{name}\"",
    }
    /// A value as the user typed it.
    quoted("check.quoted", value) {
        zh: "「{value}」",
        en: "\"{value}\"",
    }
    /// An amount or figure that is blank, in a sum.
    blank("check.blank") {
        zh: "(空)",
        en: "(blank)",
    }
    form_blank("check.form-blank") {
        zh: "空白表：尚未填写，未作检查",
        en: "blank form: not filled in, nothing checked",
    }
    field_blank("check.field-blank", field) {
        zh: "{field}未填写",
        en: "{field} is blank",
    }
    no_indicators("check.no-indicators") {
        zh: "表中没有三级指标",
        en: "the form has no 三级指标",
    }
    annual_total_sum("check.annual-total-sum") {
        zh: "年度资金申请总额不等于当年财政拨款 + 上年结转资金 + 其他资金",
        en: "年度资金申请总额 is not 当年财政拨款 + 上年结转资金 + 其他资金",
    }
    project_total_sum("check.project-total-sum") {
        zh: "项目资金总额不等于财政资金 + 其他资金",
        en: "项目资金总额 is not 财政资金 + 其他资金",
    }
    annual_exceeds_project("check.annual-exceeds-project") {
        zh: "年度资金申请总额超过项目资金总额",
        en: "年度资金申请总额 exceeds 项目资金总额",
    }
    at_most("check.at-most", amount) {
        zh: "不超过 {amount}",
        en: "at most {amount}",
    }
    one_year_total_differs("check.one-year-total-differs") {
        zh: "一年期项目，但项目资金总额与年度资金申请总额不同",
        en: "one-year project, but 项目资金总额 differs from 年度资金申请总额",
    }
    multi_year_hint("check.multi-year-hint") {
        zh: "多年期项目请将项目性质填为阶段性项目，起止日期填整个实施期",
        en: "for a multi-year project set 项目性质 to 阶段性项目 and the dates to its whole span",
    }
    not_a_date("check.not-a-date", field) {
        zh: "{field}不是日期",
        en: "{field} is not a date",
    }
    date_pattern("check.date-pattern") {
        zh: "年-月-日，如 2026-01-01",
        en: "YYYY-MM-DD, e.g. 2026-01-01",
    }
    end_before_start("check.end-before-start") {
        zh: "计划完成日期早于计划开始日期",
        en: "计划完成日期 is before 计划开始日期",
    }
    on_or_after("check.on-or-after", date) {
        zh: "不早于 {date}",
        en: "on or after {date}",
    }
    date_outside_year("check.date-outside-year", field, year) {
        zh: "{field}不在本表年度（{year} 年）内",
        en: "{field} is outside the form's year {year}",
    }
    date_in_year("check.date-in-year", year) {
        zh: "{year} 年内的日期",
        en: "a date in {year}",
    }
    date_year_hint("check.date-year-hint") {
        zh: "多年期项目应为阶段性项目；否则请用本表年度内的日期",
        en: "a multi-year project is a 阶段性项目; otherwise use the form's year",
    }
    cost_control("check.cost-control", indicator, target) {
        zh: "{indicator}的成本控制额「{target}」与年度资金申请总额不一致",
        en: "成本控制额 \"{target}\" of {indicator} differs from 年度资金申请总额",
    }
    cost_control_hint("check.cost-control-hint") {
        zh: "成本控制额一般等于年度资金申请总额，请核对两处金额",
        en: "the cost ceiling usually is the annual request; check both amounts",
    }
    no_target("check.no-target", indicator) {
        zh: "{indicator}没有指标值",
        en: "{indicator} has no 指标值",
    }
    no_target_hint("check.no-target-hint") {
        zh: "填写指标值，如 ≥90.00(%) 或一句简短的定性描述",
        en: "state the target, e.g. ≥90.00(%) or a short qualitative text",
    }
    target_without_name("check.target-without-name", row, target) {
        zh: "第 {row} 行指标值「{target}」没有三级指标",
        en: "指标值 \"{target}\" of indicator {row} has no 三级指标",
    }
    taxonomy_pair("check.taxonomy-pair", level1, level2) {
        zh: "「{level1}/{level2}」不是现行或旧版指标体系中的一级/二级指标组合",
        en: "{level1}/{level2} is not an indicator pair of the current or the old set",
    }
    belongs_under("check.belongs-under", level2, level1) {
        zh: "{level2}应归在{level1}之下",
        en: "{level2} belongs under {level1}",
    }
    use_one_of("check.use-one-of", level1, choices) {
        zh: "{level1}之下请用：{choices}",
        en: "under {level1} use one of {choices}",
    }
    taxonomy_mixed("check.taxonomy-mixed", old, current) {
        zh: "本表混用了旧版指标体系（{old}）和现行体系（{current}）",
        en: "the form mixes the old set ({old}) and the current set ({current})",
    }
    in_current_set("check.in-current-set", old, current) {
        zh: "现行体系中 {old} 对应 {current}",
        en: "in the current set {old} is {current}",
    }
    level1_missing("check.level1-missing", level1) {
        zh: "表中没有{level1}",
        en: "no {level1} in the form",
    }
    level1_missing_hint("check.level1-missing-hint", level1) {
        zh: "在{level1}下至少填写一项三级指标",
        en: "add at least one 三级指标 under {level1}",
    }
    unit_missing("check.unit-missing", indicator) {
        zh: "{indicator}的定量指标值没有计量单位",
        en: "定量 指标值 of {indicator} has no unit",
    }
    unit_missing_hint("check.unit-missing-hint") {
        zh: "在数字后的括号里写单位，如 ≥90.00(%) 或 =0.00(次)",
        en: "write the unit in brackets after the number, e.g. ≥90.00(%) or =0.00(次)",
    }
    unit_unknown("check.unit-unknown", indicator, unit) {
        zh: "{indicator}的指标值单位「{unit}」不是常见单位",
        en: "unknown unit \"{unit}\" in the 指标值 of {indicator}",
    }
    unit_unknown_hint("check.unit-unknown-hint") {
        zh: "请用常见单位，如 %、次、天、个、人、万元",
        en: "use a unit such as %, 次, 天, 个, 人, 万元",
    }
    rate_unit("check.rate-unit", indicator, unit) {
        zh: "{indicator}是比率，指标值单位却是「{unit}」",
        en: "{indicator} is a rate but its 指标值 is in \"{unit}\"",
    }
    percentage("check.percentage") {
        zh: "百分比，如 =100.00(%)",
        en: "a percentage, e.g. =100.00(%)",
    }
    no_comparator("check.no-comparator", indicator, number) {
        zh: "{indicator}的定量指标值没有写 ≥ ≤ = > <，按 ={number} 读取",
        en: "定量 指标值 of {indicator} without ≥ ≤ = > <; read as ={number}",
    }
    no_comparator_hint("check.no-comparator-hint", example) {
        zh: "写明比较方向，如 {example}",
        en: "state the direction, e.g. {example}",
    }
    legacy_pair("check.legacy-pair", level1, level2) {
        zh: "「{level1}/{level2}」不是 2020 目标表的一级/二级目标组合",
        en: "{level1}/{level2} is not a pair of the 2020 目标表",
    }
    too_large("check.too-large", what) {
        zh: "数值过大，无法计算{what}",
        en: "figures too large to compute {what}",
    }
    too_large_hint("check.too-large-hint") {
        zh: "检查该单元格的数字与单位（元/万元）是否填错",
        en: "check the number in this cell and its unit (元/万元)",
    }
    total_of("check.total-of", column) {
        zh: "{column}合计",
        en: "{column} total",
    }
    rate_of("check.rate-of", row) {
        zh: "{row}执行率",
        en: "{row} 执行率",
    }
    funds_not_number("check.funds-not-number", column) {
        zh: "年度资金总额的{column}不是数字",
        en: "年度资金总额 {column} is not a number",
    }
    no_weight("check.no-weight", indicator) {
        zh: "{indicator}没有分值",
        en: "{indicator} has no 分值",
    }
    funds_sum("check.funds-sum", column) {
        zh: "{column}：年度资金总额不等于各项资金之和",
        en: "{column}: 年度资金总额 is not the sum of its parts",
    }
    execution_rate("check.execution-rate", row) {
        zh: "{row}执行率不等于全年执行数 / 全年预算数",
        en: "{row} 执行率 is not 全年执行数 / 全年预算数",
    }
    execution_rate_formula("check.execution-rate-formula", executed, budget, rate, rounding) {
        zh: "{executed} / {budget} × 100 = {rate}（{rounding}）",
        en: "{executed} / {budget} × 100 = {rate} ({rounding})",
    }
    rounding_hint("check.rounding-hint", rounding, flag) {
        zh: "表中数字是{rounding}所得：请加 --rounding {flag}",
        en: "the form's figure is {rounding}: run with --rounding {flag}",
    }
    execution_weight("check.execution-weight") {
        zh: "预算执行率分值与规定不符",
        en: "unexpected 预算执行率 分值",
    }
    execution_weight_hint("check.execution-weight-hint", weight) {
        zh: "如本地规定预算执行率分值为 {weight}，请加 --execution-weight {weight}",
        en: "if this system weights budget execution {weight}, run with --execution-weight {weight}",
    }
    execution_score("check.execution-score") {
        zh: "预算执行得分不等于分值 × 执行率",
        en: "预算执行得分 is not 分值 × 执行率",
    }
    execution_score_formula("check.execution-score-formula", weight, rate, score, rounding) {
        zh: "{weight} × {rate}% = {score}（{rounding}，最高 {weight}）",
        en: "{weight} × {rate}% = {score} ({rounding}, capped at {weight})",
    }
    score_cap("check.score-cap", indicator) {
        zh: "{indicator}的得分超出 0 至分值的范围",
        en: "得分 of {indicator} is outside 0..分值",
    }
    score_range("check.score-range", weight) {
        zh: "0 ≤ 得分 ≤ {weight}",
        en: "0 ≤ 得分 ≤ {weight}",
    }
    actual_unit("check.actual-unit", indicator) {
        zh: "{indicator}的实际完成值与指标值单位不同",
        en: "实际完成值 of {indicator} is not in the target's unit",
    }
    value_in("check.value-in", unit) {
        zh: "以「{unit}」计的值",
        en: "a value in {unit}",
    }
    quantitative_score("check.quantitative-score", indicator, actual) {
        zh: "{indicator}的得分与实际完成值「{actual}」不符",
        en: "得分 of {indicator} does not follow from 实际完成值 \"{actual}\"",
    }
    quantitative_score_hint("check.quantitative-score-hint") {
        zh: "各地计分方法不同：见 --quant-formula 和 --rounding",
        en: "other systems score differently: see --quant-formula and --rounding",
    }
    qualitative_band("check.qualitative-band", indicator, actual) {
        zh: "{indicator}的得分不在实际完成值「{actual}」对应的档次内",
        en: "得分 of {indicator} is outside the band of \"{actual}\"",
    }
    band_range("check.band-range", range, band) {
        zh: "{band}：{range}",
        en: "{range} for {band}",
    }
    qualitative_band_hint("check.qualitative-band-hint") {
        zh: "得分或实际完成值的表述有误；按 80/50 分档请加 --qual-bands 80-50",
        en: "either the score or the 实际完成值 wording is off; bands 80/50 with --qual-bands 80-50",
    }
    deviation_reason("check.deviation-reason", indicator) {
        zh: "{indicator}未得满分，但没有填写偏差原因",
        en: "{indicator} scored below full marks without a 偏差原因",
    }
    score_of_weight("check.score-of-weight", score, weight) {
        zh: "得分 {score}，分值 {weight}",
        en: "得分 {score} of 分值 {weight}",
    }
    deviation_reason_hint("check.deviation-reason-hint") {
        zh: "说明未达到目标的原因和改进措施",
        en: "explain the shortfall and the measures taken",
    }
    weight_sum("check.weight-sum") {
        zh: "各指标分值合计不对",
        en: "the indicator 分值 do not add up",
    }
    total_weight("check.total-weight") {
        zh: "总分行的分值不是 100",
        en: "总分 分值 is not 100",
    }
    total_score("check.total-score") {
        zh: "总分不等于各指标得分之和 + 预算执行得分",
        en: "总分 is not Σ 得分 + 预算执行得分",
    }
    grade("check.grade") {
        zh: "评分等级与总分不符",
        en: "评分等级 does not match 总分",
    }
    grade_expected("check.grade-expected", grade, total, range) {
        zh: "{grade}（总分 {total}，{range}）",
        en: "{grade} (总分 {total} {range})",
    }
    unparsed_target("check.unparsed-target", indicator) {
        zh: "{indicator}的指标值像定量指标，却读不出数字和单位，按定性处理",
        en: "the 指标值 of {indicator} looks quantitative but has no readable number and unit; taken as qualitative",
    }
    unparsed_target_hint("check.unparsed-target-hint") {
        zh: "定量指标值写作 比较符+数字+(单位)，如 ≥300.00(天) 或 =100.00(%)",
        en: "write a quantitative 指标值 as comparator + number + (unit), e.g. ≥300.00(天) or =100.00(%)",
    }
}

//! `score` and the scoring words other messages quote.

use super::messages;

messages! {
    truncated("score.truncated") {
        zh: "截位",
        en: "truncated",
    }
    rounded_half_up("score.rounded-half-up") {
        zh: "四舍五入",
        en: "rounded half-up",
    }
    /// A figure of a row or an indicator: 年度资金总额的执行率, 第 3 行指标「差错率」的得分.
    of("score.of", owner, field) {
        zh: "{owner}的{field}",
        en: "{field} of {owner}",
    }
    /// One line of `--explain`: the figure, then how it was computed.
    explain_line("score.explain-line", subject, formula) {
        zh: "{subject}：{formula}",
        en: "{subject}: {formula}",
    }
    /// The line above a form's explanations.
    heading("score.heading", project) {
        zh: "{project}：",
        en: "{project}:",
    }
    /// The line above a form's explanations, with the file and sheet it was read from.
    heading_at("score.heading-at", project, at) {
        zh: "{project}（{at}）：",
        en: "{project} ({at}):",
    }
    rate_zero_budget("score.rate-zero-budget") {
        zh: "全年预算数为 0，执行率记为 0.00",
        en: "全年预算数 is 0, so 执行率 is 0.00",
    }
    /// How a quantitative indicator is scored: its direction and 指标值.
    quant_head("score.quant-head", direction, target) {
        zh: "{direction}指标（指标值 {target}）",
        en: "{direction} ({target})",
    }
    quant_full("score.quant-full", head, condition, score) {
        zh: "{head}：实际完成值 {condition}，得满分 {score}",
        en: "{head}: 实际完成值 {condition}, full marks {score}",
    }
    quant_zero("score.quant-zero", head, condition) {
        zh: "{head}：实际完成值 {condition}，得 0 分",
        en: "{head}: 实际完成值 {condition}, 0 points",
    }
    quant_computed("score.quant-computed", head, expr, score, rounding) {
        zh: "{head}：{expr} = {score}（{rounding}）",
        en: "{head}: {expr} = {score} ({rounding})",
    }
    qualitative("score.qualitative", actual, band, range) {
        zh: "定性指标，实际完成值「{actual}」属{band}档：请在 {range} 内评分",
        en: "qualitative: 实际完成值 \"{actual}\" is {band}: a judgement within {range}",
    }
    no_actual("score.no-actual") {
        zh: "实际完成值未填，未计分",
        en: "no 实际完成值: not scored",
    }
    no_weight("score.no-weight") {
        zh: "分值未填，未计分",
        en: "no 分值: not scored",
    }
    too_large("score.too-large") {
        zh: "数值过大，无法计算",
        en: "the figures are too large to compute",
    }
    total_formula("score.total-formula", sum, execution, total) {
        zh: "各指标得分合计 {sum} + 预算执行得分 {execution} = {total}",
        en: "Σ 得分 {sum} + 预算执行得分 {execution} = {total}",
    }
    filled("score.filled") {
        zh: "；已填入",
        en: " [filled]",
    }
    overwritten("score.overwritten", printed) {
        zh: "；已替换表中原有的 {printed}",
        en: " [overwrote {printed}]",
    }
    confirmed("score.confirmed") {
        zh: "；与表中一致",
        en: " [matches the form]",
    }
    kept("score.kept", printed) {
        zh: "；表中为 {printed}，已保留（加 --overwrite 可替换）",
        en: " [form has {printed}, kept; --overwrite replaces it]",
    }
}

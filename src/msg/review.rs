//! The reviewer's round (issue 15): what `check` says when there is nothing to check, and the
//! words of the reviewer's workbook (`check --report`).

use super::messages;

messages! {
    /// What to do with a blank form.
    blank_form_hint("review.blank-form-hint") {
        zh: "填写后再检查；要生成空白表请用 jixiao template",
        en: "fill it in, then check it; jixiao template makes blank forms",
    }
    /// A sheet with a form's title and nothing of the form under it.
    title_only("review.title-only") {
        zh: "只有表名，表中没有任何栏目：不是一张可以检查的表",
        en: "only the form's title, none of its fields: not a form that can be checked",
    }
    /// What to do with a title-only sheet.
    title_only_hint("review.title-only-hint") {
        zh: "请把整张表（项目名称、项目资金、绩效指标等）填在表名下方",
        en: "put the whole form (项目名称, 项目资金, 绩效指标, …) under its title",
    }
    /// A folder given as input holds no file jixiao reads.
    no_input_file("review.no-input-file") {
        zh: "文件夹中没有可读的表格文件",
        en: "no workbook or JSON model in this folder",
    }
    /// What jixiao reads.
    no_input_file_hint("review.no-input-file-hint") {
        zh: "jixiao 读取 .xlsx .xlsm .xls .ods 工作簿、JSON 模型，或 convert --to csv 写出的扁平表文件夹",
        en: "jixiao reads .xlsx .xlsm .xls .ods workbooks, JSON models, or a folder of flat tables from convert --to csv",
    }
    /// Nothing was read from any input.
    no_form_read("review.no-form-read") {
        zh: "没有读到任何绩效表",
        en: "no form was read",
    }
    /// The summary's note that infos were counted but not listed.
    infos_hidden("review.infos-hidden") {
        zh: "（提醒未列出：--show-info 可列出）",
        en: " (infos hidden: --show-info lists them)",
    }
    /// The summary's note on blank forms.
    blank_forms("review.blank-forms", count) {
        zh: "；空白表 {count} 张，未作检查",
        en: "; {count} blank form(s), not checked",
    }
    /// Inputs that could not be read at all (each said above, with why): not a clean check.
    unreadable_files("review.unreadable-files", count) {
        zh: "；{count} 个文件无法读取（原因见上）",
        en: "; {count} file(s) could not be read (see above)",
    }
    /// Title of the reviewer's workbook's first sheet.
    report_title("review.report-title") {
        zh: "绩效表审核问题清单",
        en: "Performance forms: findings of the review",
    }
    /// Under the title: the counts and how to use the workbook.
    report_summary("review.report-summary", total, errors, warnings, infos, link) {
        zh: "共 {total} 条：错误 {errors} 条，警告 {warnings} 条，提醒 {infos} 条。点击“{link}”一列跳到表中标出的单元格；单元格批注写明规则与说明。",
        en: "{total} finding(s): {errors} error(s), {warnings} warning(s), {infos} info(s). Click the \"{link}\" column to go to the marked cell; each cell's note gives the rule and the finding.",
    }
    /// The legend's label.
    report_legend("review.report-legend") {
        zh: "颜色说明：",
        en: "Colours:",
    }
    /// The column heads of the list: 文件, 工作表, 单元格, 规则, 严重程度, 说明, the link.
    report_headers("review.report-headers") {
        zh: "文件|工作表|单元格|规则|严重程度|说明|在本工作簿中",
        en: "File|Sheet|Cell|Rule|Severity|Finding|In this workbook",
    }
    /// The link column of a finding whose form has no copy (a 2020 目标表).
    report_not_copied("review.report-not-copied") {
        zh: "（此表未复制）",
        en: "(form not copied)",
    }
    /// A note's line naming the rule: `错误（规则 decl.required：申报表必填项已填写）`.
    report_rule("review.report-rule", severity, id, summary) {
        zh: "{severity}（规则 {id}：{summary}）",
        en: "{severity} (rule {id}: {summary})",
    }
    /// A note's line naming the finding's cell in the office's own file.
    report_original_at("review.report-original-at", place) {
        zh: "原表位置：{place}",
        en: "In the original: {place}",
    }
    /// A note's line with the hint.
    report_hint("review.report-hint", hint) {
        zh: "建议：{hint}",
        en: "Hint: {hint}",
    }
    /// `--profile` names no file and no built-in profile.
    unknown_profile("review.unknown-profile", names) {
        zh: "没有名为该名称的内置配置：可选 {names}，或给出 .toml 文件的路径",
        en: "no built-in profile of that name: choose {names}, or give the path of a .toml file",
    }
    /// How to see the built-in profiles.
    unknown_profile_hint("review.unknown-profile-hint") {
        zh: "jixiao template --list-profiles 列出内置配置",
        en: "jixiao template --list-profiles lists them",
    }
    /// The year of a form is not a four-digit year in range.
    bad_year("review.bad-year", year, min, max) {
        zh: "年度应为 {min}–{max} 之间的四位数年份，如 2026；实为 {year}",
        en: "the year must be a four-digit year from {min} to {max}, e.g. 2026; found {year}",
    }
    /// A WPS `.et` file the .xls reader cannot open.
    wps_et("review.wps-et", cause) {
        zh: "WPS 表格文件（.et）无法读取：{cause}",
        en: "cannot read this WPS 表格 file (.et): {cause}",
    }
    /// How to make a `.et` readable.
    wps_et_hint("review.wps-et-hint") {
        zh: "在 WPS 中打开，文件 → 另存为 → Excel 工作簿（*.xlsx），再用 jixiao 读取",
        en: "open it in WPS, 文件 → 另存为 → Excel 工作簿 (*.xlsx), and give jixiao the .xlsx",
    }
    /// `score`: an indicator's 实际完成值 and 指标值 are numbers in different units.
    units_differ("review.units-differ", actual, actual_unit, target, target_unit, weight) {
        zh: "实际完成值「{actual}」（{actual_unit}）与指标值「{target}」（{target_unit}）单位不同，无法计算：请在 [0, {weight}] 内评分",
        en: "实际完成值 \"{actual}\" ({actual_unit}) and 指标值 \"{target}\" ({target_unit}) are in different units: not computed, a judgement within [0, {weight}]",
    }
    /// `score`: a number was achieved but the 指标值 is blank.
    no_target("review.no-target", actual, weight) {
        zh: "指标值为空，实际完成值「{actual}」无从比较：请在 [0, {weight}] 内评分",
        en: "no 指标值 to compare 实际完成值 \"{actual}\" with: a judgement within [0, {weight}]",
    }
    /// `score`: a number was achieved against a qualitative 指标值.
    target_not_a_number("review.target-not-a-number", target, actual, weight) {
        zh: "指标值「{target}」不是数值，实际完成值「{actual}」无法按公式计分：请在 [0, {weight}] 内评分",
        en: "指标值 \"{target}\" is not a number, so 实际完成值 \"{actual}\" cannot be scored by formula: a judgement within [0, {weight}]",
    }
    /// `score`: the 实际完成值 is neither a number nor a 达成 word.
    actual_not_a_number("review.actual-not-a-number", actual, weight) {
        zh: "实际完成值「{actual}」既不是数值也不是“达成/基本达成/部分达成/未达成”：请在 [0, {weight}] 内评分",
        en: "实际完成值 \"{actual}\" is neither a number nor 达成/基本达成/部分达成/未达成: a judgement within [0, {weight}]",
    }
    /// `score`: why an indicator has no 得分 yet, after its name (`第 6 行指标「…」的指标值为空`).
    unscored_judgement("review.unscored-judgement") {
        zh: "为定性指标，需人工评分",
        en: "is qualitative: score it by judgement",
    }
    unscored_no_actual("review.unscored-no-actual") {
        zh: "的实际完成值为空",
        en: "has no 实际完成值",
    }
    unscored_no_target("review.unscored-no-target") {
        zh: "的指标值为空",
        en: "has no 指标值",
    }
    unscored_units("review.unscored-units") {
        zh: "的实际完成值与指标值单位不同",
        en: "has its 实际完成值 in another unit than its 指标值",
    }
    unscored_target_text("review.unscored-target-text") {
        zh: "的指标值不是数值，需人工评分",
        en: "has a 指标值 that is not a number: score it by judgement",
    }
    unscored_actual_text("review.unscored-actual-text") {
        zh: "的实际完成值不是数值",
        en: "has a 实际完成值 that is not a number",
    }
    unscored_no_weight("review.unscored-no-weight") {
        zh: "没有分值",
        en: "has no 分值",
    }
    unscored_too_large("review.unscored-too-large") {
        zh: "的数值过大，无法计算",
        en: "has figures too large to compute with",
    }
    unscored_blank("review.unscored-blank") {
        zh: "尚无得分",
        en: "has no 得分 yet",
    }
    /// `score`: 总分 or 评分等级 left blank, and why: printed, and noted at the cell.
    not_computed("review.not-computed", reasons) {
        zh: "未计算：{reasons}",
        en: "not computed: {reasons}",
    }
    /// `score`: 总分 waits for the budget execution score.
    total_missing_execution("review.total-missing-execution") {
        zh: "预算执行率得分为空（需要全年预算数和全年执行数）",
        en: "no 预算执行率 得分 (it needs 全年预算数 and 全年执行数)",
    }
    /// `score`: no indicator to add up.
    total_no_indicators("review.total-no-indicators") {
        zh: "表中没有绩效指标",
        en: "the form has no indicator",
    }
    /// `score`: 评分等级 waits for 总分.
    grade_needs_total("review.grade-needs-total") {
        zh: "总分为空",
        en: "总分 is blank",
    }
}

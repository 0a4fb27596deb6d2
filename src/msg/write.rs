//! Writing and making forms: what a writer could not carry, what `template` left out or could
//! not fill, and saving files.

use super::messages;

messages! {
    /// A form, by its kind and project, as the head of a message about it.
    form("write.form", kind, project) {
        zh: "{kind}「{project}」",
        en: "{kind} \"{project}\"",
    }
    too_large_for_yuan("write.too-large-for-yuan", form) {
        zh: "{form}：金额过大，无法换算为元，平表中该金额留空",
        en: "{form}: an amount is too large to convert into 元; the flat table leaves it blank",
    }
    too_large_for_yuan_hint("write.too-large-for-yuan-hint") {
        zh: "检查金额与单位（元/万元）是否填错",
        en: "check the amounts and their unit (元/万元)",
    }
    not_carried("write.not-carried", form, notes, reviewed) {
        zh: "{form}：平表中没有列可放其 {notes} 条备注，以及 {reviewed} 个指标原来的一级/二级或复核提示",
        en: "{form}: the flat tables have no column for its {notes} 备注 and the original 一级/二级 or review note of {reviewed} indicator(s)",
    }
    not_carried_hint("write.not-carried-hint") {
        zh: "请同时写出 JSON 模型（-o forms.json）以保留这些内容",
        en: "write the JSON model too (-o forms.json) to keep them",
    }
    cannot_save("write.cannot-save", error) {
        zh: "无法保存：{error}",
        en: "cannot save: {error}",
    }
    nothing_to_write("write.nothing-to-write") {
        zh: "没有可写出的表：文件中没有申报表或自评表",
        en: "nothing to write: the document holds no 申报表 or 自评表",
    }
    legacy_not_written("write.legacy-not-written", number, project) {
        zh: "第 {number} 张表（{project}）是 2020 年目标表，正式表样中没有它：未写出",
        en: "form {number} ({project}) is a 2020 目标表, which the official layout has no place for; it was not written",
    }
    nearest_layout("write.nearest-layout", number, project, layout, under_notes) {
        zh: "第 {number} 张表（{project}）的原表格式不在已知版式中，按最接近的版式 {layout} 写出；版式中没有位置的 {under_notes} 项写在备注中",
        en: "form {number} ({project}) is printed in no layout jixiao knows; written in the nearest, {layout}; {under_notes} value(s) it has no cell for are under 备注",
    }
    legacy_not_written_hint("write.legacy-not-written-hint") {
        zh: "加 --layout source 按原样写出目标表，或写成 JSON（-o out.json）保留它",
        en: "add --layout source to write it as a 目标表, or write it as JSON (-o out.json) to keep it",
    }
    not_a_file_name("write.not-a-file-name") {
        zh: "不是文件名",
        en: "not a file name",
    }
    not_a_directory_name("write.not-a-directory-name") {
        zh: "不是文件夹名",
        en: "not a directory name",
    }
    cannot_create_directory("write.cannot-create-directory", error) {
        zh: "无法创建文件夹：{error}",
        en: "cannot create the directory: {error}",
    }
    cannot_flush("write.cannot-flush", file, error) {
        zh: "无法写入 {file}：{error}",
        en: "cannot flush {file}: {error}",
    }
    cannot_keep_mode("write.cannot-keep-mode", error) {
        zh: "无法保留文件权限：{error}",
        en: "cannot keep the file's permissions: {error}",
    }
    cannot_replace("write.cannot-replace", error) {
        zh: "无法替换原文件：{error}",
        en: "cannot replace the file: {error}",
    }
    cannot_list("write.cannot-list", error) {
        zh: "无法列出文件夹内容：{error}",
        en: "cannot list: {error}",
    }
    cannot_create("write.cannot-create", file, error) {
        zh: "无法创建 {file}：{error}",
        en: "cannot create {file}: {error}",
    }
    cannot_write("write.cannot-write", file, error) {
        zh: "无法写入 {file}：{error}",
        en: "cannot write {file}: {error}",
    }
    cannot_move_old("write.cannot-move-old", error) {
        zh: "无法移开旧文件夹：{error}",
        en: "cannot move the old directory: {error}",
    }
    cannot_put_new("write.cannot-put-new", error) {
        zh: "无法放入新文件夹：{error}",
        en: "cannot put the new directory in place: {error}",
    }
    cannot_build_workbook("write.cannot-build-workbook", error) {
        zh: "无法生成工作簿：{error}",
        en: "cannot build the workbook: {error}",
    }
    no_nature_field("template.no-nature-field", project, nature) {
        zh: "「{project}」：本单位表样没有项目性质栏，「{nature}」未写入",
        en: "\"{project}\": the office's layout has no 项目性质; \"{nature}\" is not printed",
    }
    date_kept("template.date-kept", project, date) {
        zh: "「{project}」：「{date}」不是日期，按原样保留",
        en: "\"{project}\": \"{date}\" is not a date; kept as it was",
    }
    left_out("template.left-out", form, why) {
        zh: "{form}未生成：{why}",
        en: "{form} left out: {why}",
    }
    only_declarations_carried("template.only-declarations-carried") {
        zh: "只有申报表和 2020 年目标表能带入新年度",
        en: "only 申报表 and 2020 目标表 are carried into a new year",
    }
    self_evaluations_from_declarations("template.self-evaluations-from-declarations") {
        zh: "自评表只能由申报表生成",
        en: "self-evaluations are made from 申报表",
    }
    no_weight_for("template.no-weight-for", project, level1) {
        zh: "「{project}」：一级指标「{level1}」没有分值，其分值留空",
        en: "\"{project}\": no weight for 一级 \"{level1}\"; its 分值 is left blank",
    }
    group_shared("template.group-shared", project, group, points) {
        zh: "「{project}」：{group} 下没有指标，其 {points} 分由其他指标组分享",
        en: "\"{project}\": no indicator under {group}; its {points} points are shared by the other groups",
    }
    weight_not_pair("template.weight-not-pair", part) {
        zh: "「{part}」：应写作 名称=分值，如 产出=50",
        en: "\"{part}\": expected NAME=WEIGHT, e.g. 产出=50",
    }
    weight_not_number("template.weight-not-number", part, value) {
        zh: "「{part}」：「{value}」不是数字",
        en: "\"{part}\": \"{value}\" is not a number",
    }
    weight_negative("template.weight-negative", part) {
        zh: "「{part}」：分值不能为负",
        en: "\"{part}\": a weight cannot be negative",
    }
    weight_too_large("template.weight-too-large", part) {
        zh: "「{part}」：分值最多为 100",
        en: "\"{part}\": a weight is at most 100",
    }
    weight_twice("template.weight-twice", name) {
        zh: "{name} 给出了两次",
        en: "{name} is given twice",
    }
    weight_unknown("template.weight-unknown", name) {
        zh: "「{name}」不是分值名称（产出、成本、效益、满意度、预算执行）",
        en: "\"{name}\" is not a weight name (产出, 成本, 效益, 满意度, 预算执行)",
    }
    weight_no_execution("template.weight-no-execution") {
        zh: "缺少预算执行（如 预算执行=10）",
        en: "预算执行 is missing (e.g. 预算执行=10)",
    }
    weight_total("template.weight-total", total) {
        zh: "各项分值合计为 {total}，不是 100",
        en: "the weights add up to {total}, not 100",
    }
    placeholder_name("read.placeholder-name", text) {
        zh: "空白表中的占位三级指标「{text}」：按空白读取",
        en: "placeholder 三级 \"{text}\" from the blank form; read as blank",
    }
    in_sheet("write.in-sheet", sheet, error) {
        zh: "工作表「{sheet}」：{error}",
        en: "sheet {sheet}: {error}",
    }
    column_out_of_range("write.column-out-of-range", sheet) {
        zh: "工作表「{sheet}」：列号超出范围",
        en: "sheet {sheet}: column out of range",
    }
    foreign_file("write.foreign-file", name) {
        zh: "目录中有 jixiao 没有写过的文件 {name}，不写入此目录",
        en: "the directory holds {name}, which jixiao did not write: nothing is written into it",
    }
}

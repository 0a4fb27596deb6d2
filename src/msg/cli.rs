//! The command line's own lines: what it read and wrote, summaries, refusals, and the headings
//! of `--help`.

use super::messages;

messages! {
    /// Prefix of a line that ends the run or reports an unreadable input.
    program_prefix("cli.prefix") {
        zh: "jixiao: ",
        en: "jixiao: ",
    }
    /// `--lang` was given a language we do not have.
    unknown_lang("cli.unknown-lang", value) {
        zh: "不支持的语言「{value}」：可选 zh（中文）或 en（英文）",
        en: "unknown language \"{value}\": choose zh (Chinese) or en (English)",
    }
    /// `check`'s closing line.
    check_summary("cli.check-summary", forms, files, errors, warnings, infos) {
        zh: "共检查 {files} 个文件中的 {forms} 张表：错误 {errors} 个，警告 {warnings} 个，提醒 {infos} 个",
        en: "checked {forms} form(s) in {files} file(s): {errors} error(s), {warnings} warning(s), {infos} info(s)",
    }
    /// `convert`'s closing line: the batch in one line.
    convert_summary("cli.convert-summary", files, forms, mapped, errors, warnings, seconds) {
        zh: "共读取 {files} 个文件中的 {forms} 张表，单元格对应 {mapped}，错误 {errors} 个，警告 {warnings} 个，用时 {seconds} 秒",
        en: "read {forms} form(s) from {files} file(s), {mapped} of cells mapped, {errors} error(s), {warnings} warning(s), {seconds} s",
    }
    /// The progress bar of a long batch, in indicatif's template language: `{{pos}}` inputs
    /// done of `{{len}}`.
    progress_template("cli.progress") {
        zh: "{{bar:30}} {{pos}}/{{len}} 个文件，已用 {{elapsed}}，约剩 {{eta}}",
        en: "{{bar:30}} {{pos}}/{{len}} files, {{elapsed}} elapsed, about {{eta}} left",
    }
    /// `-o DIR/` writes one output per input, named after it: two inputs of one name collide.
    same_output_name("cli.same-output-name", first, second, output) {
        zh: "{first} 和 {second} 会写到同一个输出 {output}，未转换任何文件",
        en: "{first} and {second} would both be written to {output}: nothing was converted",
    }
    same_output_name_hint("cli.same-output-name-hint") {
        zh: "把同名的工作簿分两次转换到不同的输出目录，或给其中一个改名",
        en: "convert the workbooks of the same name into two output folders, or rename one",
    }
    /// A file whose reading met errors: its forms are left out, the others are written.
    file_rejected("cli.file-rejected", file, errors) {
        zh: "{file}: 读取时有 {errors} 个错误，此文件的表单未写出（其他文件照常写出）",
        en: "{file}: {errors} error(s) while reading: its forms were not written (the other files were)",
    }
    refuse_overwrite("cli.refuse-overwrite", path) {
        zh: "{path}: 这是输入文件之一，不会覆盖它",
        en: "{path}: refusing to overwrite an input file",
    }
    refuse_overwrite_hint("cli.refuse-overwrite-hint", other) {
        zh: "请换一个输出文件名，如 {other}",
        en: "choose another output name, e.g. {other}",
    }
    unknown_output_format("cli.unknown-output-format", path) {
        zh: "{path}: 无法从文件名看出输出格式",
        en: "{path}: cannot tell the output format from the name",
    }
    convert_format_hint("cli.convert-format-hint") {
        zh: "文件名请以 .json 或 .xlsx 结尾，或加 --to json|xlsx|csv|xlsx-flat",
        en: "use a .json or .xlsx name, or --to json|xlsx|csv|xlsx-flat",
    }
    json_or_xlsx_hint("cli.json-or-xlsx-hint") {
        zh: "文件名请以 .json 或 .xlsx 结尾",
        en: "use a .json or .xlsx name",
    }
    nothing_written_errors("cli.nothing-written-errors", errors) {
        zh: "未写出任何文件：有 {errors} 个错误",
        en: "nothing written: {errors} error(s)",
    }
    nothing_written_strict("cli.nothing-written-strict", errors, warnings) {
        zh: "未写出任何文件：有 {errors} 个错误、{warnings} 个警告（--strict）",
        en: "nothing written: {errors} error(s), {warnings} warning(s) (--strict)",
    }
    nothing_written_no_form("cli.nothing-written-no-form") {
        zh: "未写出任何文件：没有读到任何表",
        en: "nothing written: no form was read",
    }
    nothing_written_nothing_to_make("cli.nothing-written-nothing-to-make") {
        zh: "未写出任何文件：没有要生成的表",
        en: "nothing written: no form to make",
    }
    nothing_written_input_errors("cli.nothing-written-input-errors") {
        zh: "未写出任何文件：输入有错误",
        en: "nothing written: the input has errors",
    }
    wrote("cli.wrote", path) {
        zh: "已写出 {path}",
        en: "wrote {path}",
    }
    wrote_forms("cli.wrote-forms", path, forms) {
        zh: "已写出 {path}（{forms} 张表）",
        en: "wrote {path} ({forms} form(s))",
    }
    writing("cli.writing", path) {
        zh: "写入 {path} 时出错",
        en: "writing {path}",
    }
    read_from("cli.read-from", kind, name, file, sheet) {
        zh: "已读取{kind}「{name}」（原表 {file}: {sheet}）",
        en: "read {kind} \"{name}\" (from {file}: {sheet})",
    }
    read_mapped("cli.read-mapped", kind, name, file, sheet, mapped, cells) {
        zh: "已读取{kind}「{name}」：{file}: {sheet}（{cells} 个有内容的单元格读入 {mapped} 个）",
        en: "read {kind} \"{name}\" from {file}: {sheet} ({mapped} of {cells} cells mapped)",
    }
    no_differences("cli.no-differences", forms) {
        zh: "{forms} 张表没有差异",
        en: "no differences in {forms} form(s)",
    }
    differences("cli.differences", changes, forms) {
        zh: "{forms} 张表共有 {changes} 处差异",
        en: "{changes} difference(s) in {forms} form(s)",
    }
    kept_figure("cli.kept-figure", project, subject, printed, computed) {
        zh: "{project}: 保留表中的{subject} {printed}（计算值为 {computed}）；加 --overwrite 可替换",
        en: "{project}: kept {subject} {printed} (computed {computed}); --overwrite replaces it",
    }
    projects_need_profile("cli.projects-need-profile") {
        zh: "项目清单需要单位配置文件（--profile）：它提供主管部门、实施单位和表样",
        en: "a project list needs an office profile (--profile): it fills 主管部门, 实施单位 and the layout",
    }
    projects_need_year("cli.projects-need-year") {
        zh: "--projects 需要同时给出 --year：新申报表的年度",
        en: "--projects needs --year: the year of the new 申报表",
    }
    nothing_to_start_from("cli.nothing-to-start-from") {
        zh: "没有据以生成的内容",
        en: "nothing to start from",
    }
    nothing_to_start_from_hint("cli.nothing-to-start-from-hint") {
        zh: "请给出 --projects 项目清单（同时给 --profile 和 --year），或 --from 上年申报表.xlsx",
        en: "give --projects LIST (with --profile and --year) or --from LAST-YEAR.xlsx",
    }
    self_evaluation_needs_from("cli.self-evaluation-needs-from") {
        zh: "--kind self-evaluation 需要同时给出 --from：据以自评的申报表",
        en: "--kind self-evaluation needs --from: the 申报表 to evaluate",
    }
    cannot_tell_format("cli.cannot-tell-format") {
        zh: "无法从文件名看出输出格式",
        en: "cannot tell the output format from the name",
    }
    cannot_create_directory("cli.cannot-create-directory", error) {
        zh: "无法创建目录：{error}",
        en: "cannot create the directory: {error}",
    }
    unknown_layout("cli.unknown-layout", name) {
        zh: "没有「{name}」这种版式：可选 official、baoshan、declaration-88",
        en: "no layout \"{name}\": choose official, baoshan or declaration-88",
    }
    weights_option("cli.weights-option", error) {
        zh: "--weights: {error}",
        en: "--weights: {error}",
    }
    output_in_input_directory("cli.output-in-input-directory", output, input) {
        zh: "{output}: 输出位于输入目录 {input} 之中：jixiao 不向输入目录写入（下次运行会把输出当作输入读回）",
        en: "{output}: the output lies in the input directory {input}: jixiao does not write into an input directory (the next run would read the output back as input)",
    }
    output_in_input_directory_hint("cli.output-in-input-directory-hint", other) {
        zh: "把输出写到输入目录之外，例如 -o {other}",
        en: "write the output outside the input directory, e.g. -o {other}",
    }
}

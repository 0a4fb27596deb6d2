//! The flat tables (`convert --to csv`, `--to xlsx-flat`) and project lists read back: missing
//! tables, columns that are unknown, twice or missing, and cells that are not what their column
//! holds. The place (file, sheet!cell or line and column) is the diagnostic's location.

use super::messages;

messages! {
    cannot_read("flat.cannot-read", error) {
        zh: "无法读取：{error}",
        en: "cannot read: {error}",
    }
    no_form_table("flat.no-form-table") {
        zh: "没有存放表单的平表（declarations.csv、self_evaluations.csv 或 legacy_2020.csv）",
        en: "no flat table of forms (declarations.csv, self_evaluations.csv or legacy_2020.csv)",
    }
    no_form_table_hint("flat.no-form-table-hint") {
        zh: "请把 jixiao convert --to csv 写出的各个表一起给出",
        en: "give the tables `jixiao convert --to csv` wrote, together",
    }
    no_indicators_csv("flat.no-indicators-csv") {
        zh: "平表中缺少 indicators.csv",
        en: "flat tables without indicators.csv",
    }
    no_indicators_csv_hint("flat.no-indicators-csv-hint") {
        zh: "请把 jixiao convert --to csv 写出的 indicators.csv 与其他表放在一起",
        en: "keep the indicators.csv that `jixiao convert --to csv` wrote beside the other tables",
    }
    not_csv("flat.not-csv", error) {
        zh: "不是 CSV 表格：{error}",
        en: "not a CSV table: {error}",
    }
    not_csv_hint("flat.not-csv-hint") {
        zh: "请把表格另存为“CSV UTF-8（逗号分隔）”",
        en: "save the table as CSV UTF-8 (逗号分隔)",
    }
    no_indicators_sheet("flat.no-indicators-sheet") {
        zh: "平表工作簿中缺少 indicators 工作表",
        en: "flat workbook without an indicators sheet",
    }
    no_indicators_sheet_hint("flat.no-indicators-sheet-hint") {
        zh: "请保留 jixiao convert --to xlsx-flat 写出的 indicators 工作表",
        en: "keep the indicators sheet that `jixiao convert --to xlsx-flat` wrote",
    }
    unnamed_column("flat.unnamed-column") {
        zh: "没有列名的一列中填有内容",
        en: "values in a column without a name",
    }
    unnamed_column_hint("flat.unnamed-column-hint") {
        zh: "给这一列填上 jixiao 写出的列名之一，或删除这一列",
        en: "give the column one of the names jixiao wrote, or delete it",
    }
    unknown_column("flat.unknown-column", name, table) {
        zh: "{table} 表中没有「{name}」这一列",
        en: "unknown column \"{name}\" in the {table} table",
    }
    unknown_column_hint("flat.unknown-column-hint") {
        zh: "请改回原来的列名，或删除这一列：jixiao 不知道该把其中的值放到哪里",
        en: "rename it back, or delete the column: jixiao would not know where to put its values",
    }
    duplicate_column("flat.duplicate-column", name) {
        zh: "「{name}」列出现了两次",
        en: "column \"{name}\" appears twice",
    }
    missing_column("flat.missing-column", name, table) {
        zh: "{table} 表缺少「{name}」列",
        en: "the {table} table has no column \"{name}\"",
    }
    missing_column_hint("flat.missing-column-hint") {
        zh: "请把这一列加回来（可以留空）",
        en: "add the column back (it may be left blank)",
    }
    right_of_last_column("flat.right-of-last-column") {
        zh: "最后一列右边还有内容",
        en: "a value right of the last column",
    }
    /// A cell's problem, after the column it is in.
    in_column("flat.in-column", name, message) {
        zh: "「{name}」列：{message}",
        en: "column {name}: {message}",
    }
    not_a_number("flat.not-a-number") {
        zh: "应为数字",
        en: "expected a number",
    }
    not_a_number_hint("flat.not-a-number-hint") {
        zh: "请填数字（可带小数）、短横线 -，或留空",
        en: "type a number (digits, optional decimals), a dash, or leave it blank",
    }
    dash_for_amount("flat.dash-for-amount") {
        zh: "金额处是短横线",
        en: "a dash where an amount belongs",
    }
    dash_for_amount_hint("flat.dash-for-amount-hint") {
        zh: "请填金额，或留空",
        en: "type the amount, or leave the cell blank",
    }
    not_a_year("flat.not-a-year") {
        zh: "应为年份，如 2026",
        en: "expected a year such as 2026",
    }
    duplicate_form("flat.duplicate-form") {
        zh: "另有一行的来源文件、工作表和项目名称与此行相同，两者的指标无法区分",
        en: "another row has the same 来源文件, 工作表 and 项目名称, so their indicators cannot be told apart",
    }
    duplicate_form_hint("flat.duplicate-form-hint") {
        zh: "请给每个项目不同的项目名称，或把工作表区分开",
        en: "give each project its own 项目名称, or set 工作表 apart",
    }
    not_a_money_unit("flat.not-a-money-unit") {
        zh: "应为 元 或 万元",
        en: "expected 元 or 万元",
    }
    not_a_kind("flat.not-a-kind") {
        zh: "应为 申报表、自评表 或 目标表",
        en: "expected 申报表, 自评表 or 目标表",
    }
    unmatched_indicator("flat.unmatched-indicator", kind, table, name) {
        zh: "{table} 表中没有项目名称为「{name}」（来源文件和工作表也相同）的{kind}",
        en: "no {kind} in the {table} table has 项目名称 \"{name}\" (with this 来源文件 and 工作表)",
    }
    unmatched_indicator_hint("flat.unmatched-indicator-hint") {
        zh: "请在两个表中把名称改成一致，或删除这一指标行",
        en: "correct the name in both tables alike, or delete the indicator row",
    }
    not_an_order("flat.not-an-order") {
        zh: "应为此行在本表中的序号",
        en: "expected the row's number in its form",
    }
    not_an_order_hint("flat.not-an-order-hint") {
        zh: "请把每张表的指标依次编号 1、2、3……",
        en: "number the indicators of each form 1, 2, 3 …",
    }
    not_on_form("flat.not-on-form", kind, name) {
        zh: "{kind}没有{name}",
        en: "a {kind} has no {name}",
    }
    not_on_form_hint("flat.not-on-form-hint") {
        zh: "请清空这个单元格：只有自评表的行才有这一项",
        en: "clear the cell; only 自评表 rows carry it",
    }
    no_sheet("flat.no-sheet") {
        zh: "工作簿中没有工作表",
        en: "the workbook has no sheet",
    }
}

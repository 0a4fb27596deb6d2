//! Opening files: what is not a workbook, what is damaged or protected, what exceeds a limit,
//! and what a workbook holds that the model does not (comments, hidden sheets, formulas
//! without a value).

use super::messages;

messages! {
    over_limit("workbook.over-limit", what, found, limit) {
        zh: "{what}超出限制（{found}，上限 {limit}）：不读取此文件",
        en: "{what} over the limit ({found}, at most {limit}): the file is not read",
    }
    over_limit_hint("workbook.over-limit-hint", var) {
        zh: "多半是误操作留下的远处单元格、整列合并或损坏的文件；确需读取时设置环境变量 {var}=更大的值",
        en: "most often a stray far-away cell, a whole-column merge or a damaged file; to read it anyway set {var}=a larger value",
    }
    limit_file_bytes("workbook.limit-file-bytes") {
        zh: "文件大小（字节）",
        en: "file size (bytes)",
    }
    limit_part_bytes("workbook.limit-part-bytes") {
        zh: "压缩包内部件解压后的大小（字节）",
        en: "unzipped size of a part (bytes)",
    }
    limit_text_chars("workbook.limit-text-chars") {
        zh: "单元格文字长度（字符）",
        en: "text length of a cell (characters)",
    }
    limit_sheet_box("workbook.limit-sheet-box", corner) {
        zh: "工作表范围（A1:{corner}，行×列）",
        en: "sheet area (A1:{corner}, rows × columns)",
    }
    limit_declared_box("workbook.limit-declared-box", corner) {
        zh: "工作表声明或使用的范围（A1:{corner}，行×列）",
        en: "area the sheet declares or uses (A1:{corner}, rows × columns)",
    }
    limit_merged_cells("workbook.limit-merged-cells") {
        zh: "合并单元格覆盖的单元格数",
        en: "cells covered by a merge",
    }
    limit_merged_box("workbook.limit-merged-box") {
        zh: "工作表范围（含合并单元格，行×列）",
        en: "sheet area with its merges (rows × columns)",
    }
    not_a_regular_file("workbook.not-a-regular-file") {
        zh: "不是普通文件（目录、管道或设备），未读取",
        en: "not a regular file (a directory, pipe or device): not read",
    }
    parser_panicked("workbook.parser-panicked", panic) {
        zh: "工作簿已损坏，解析器无法读取（calamine: {panic}）",
        en: "the workbook is damaged: the parser cannot read it (calamine: {panic})",
    }
    save_again_hint("workbook.save-again-hint") {
        zh: "用 Excel、WPS 或 LibreOffice 打开并另存为 .xlsx 后再试",
        en: "open it in Excel, WPS or LibreOffice, save it as .xlsx and try again",
    }
    damaged("workbook.damaged", why) {
        zh: "工作簿已损坏：{why}",
        en: "the workbook is damaged: {why}",
    }
    cannot_read_workbook("workbook.cannot-read", error) {
        zh: "无法读取工作簿：{error}",
        en: "cannot read the workbook: {error}",
    }
    comments("workbook.comments", count, cells) {
        zh: "工作簿含 {count} 条批注（{cells}），批注不读入模型",
        en: "the workbook has {count} comment(s) ({cells}); comments are not read into the model",
    }
    comments_hint("workbook.comments-hint") {
        zh: "批注中的内容如需保留，请写入表单的单元格",
        en: "to keep what a comment says, write it into a cell of the form",
    }
    uncached_formula("workbook.uncached-formula", formula) {
        zh: "公式 ={formula} 没有保存计算结果，单元格没有可读的值",
        en: "the formula ={formula} was saved without its result: the cell has no value to read",
    }
    uncached_formula_hint("workbook.uncached-formula-hint") {
        zh: "在 Excel 或 WPS 中打开此文件并保存一次，让公式算出结果",
        en: "open the file in Excel or WPS and save it once, so that the formula is computed",
    }
    error_value("workbook.error-value", value) {
        zh: "单元格是错误值 {value}，没有可读的值",
        en: "the cell holds the error value {value}: no value to read",
    }
    error_value_hint("workbook.error-value-hint") {
        zh: "在 Excel 或 WPS 中修正该单元格的公式后保存",
        en: "correct the cell's formula in Excel or WPS and save",
    }
    hidden_sheet("workbook.hidden-sheet") {
        zh: "隐藏的工作表：其中的表单照常读取",
        en: "hidden sheet: its forms are read like any other",
    }
    hidden_sheet_hint("workbook.hidden-sheet-hint") {
        zh: "如不应读取，请删除该工作表或将其移出此文件",
        en: "if it should not be read, delete the sheet or move it out of this file",
    }
    not_a_workbook("workbook.not-a-workbook", format) {
        zh: "{format}不是工作簿",
        en: "{format} is not a workbook",
    }
    spreadsheet_ml("workbook.spreadsheet-ml") {
        zh: "这是 Excel 2003 XML 表格（SpreadsheetML），不是可读取的工作簿",
        en: "this is an Excel 2003 XML spreadsheet (SpreadsheetML), not a workbook calamine can read",
    }
    html("workbook.html") {
        zh: "这是以表格文件名保存的网页（HTML），不是工作簿",
        en: "this is a web page (HTML) saved with a spreadsheet name, not a workbook",
    }
    save_as_xlsx_hint("workbook.save-as-xlsx-hint") {
        zh: "用 Excel、WPS 或 LibreOffice 打开并另存为 .xlsx",
        en: "open it in Excel, WPS or LibreOffice and save it as .xlsx",
    }
    empty_file("workbook.empty-file") {
        zh: "文件是空的",
        en: "the file is empty",
    }
    not_a_spreadsheet("workbook.not-a-spreadsheet") {
        zh: "不是表格文件（应为 .xlsx、.xlsm、.xls、.ods 或 .pdf）",
        en: "not a spreadsheet (expected .xlsx, .xlsm, .xls, .ods or .pdf)",
    }
    password("workbook.password") {
        zh: "工作簿设有密码保护",
        en: "the workbook is password-protected",
    }
    password_hint("workbook.password-hint") {
        zh: "在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿）后再试",
        en: "remove the password in Excel or WPS (文件 → 信息 → 保护工作簿) and try again",
    }
}

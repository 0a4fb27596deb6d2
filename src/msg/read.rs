//! What the readers say about their inputs: files that cannot be opened, cells that are not
//! what their label asks for, text files in an encoding that cannot be told.

use super::messages;

messages! {
    cannot_open("read.cannot-open", error) {
        zh: "无法打开：{error}",
        en: "cannot open: {error}",
    }
    /// An amount printed with its own unit (`854万`) is too large to convert into the form's unit.
    amount_too_large("read.amount-too-large", text) {
        zh: "金额「{text}」过大，无法换算为本表的金额单位",
        en: "the amount \"{text}\" is too large to convert into the form's money unit",
    }
    /// A line of a text file, as a place.
    line("read.line", line) {
        zh: "第 {line} 行",
        en: "line {line}",
    }
    unknown_encoding("read.unknown-encoding") {
        zh: "无法确定文本编码：既不是 UTF-8，按 GBK/GB18030 或 UTF-16 读出的第一行也不是本表的列名",
        en: "cannot tell the text encoding: not UTF-8, and read as GBK/GB18030 or UTF-16 its first line holds none of the table's column names",
    }
    unknown_encoding_hint("read.unknown-encoding-hint") {
        zh: "在 Excel 或 WPS 中“另存为”，保存类型选“CSV UTF-8（逗号分隔）”",
        en: "in Excel or WPS use Save As with the type \"CSV UTF-8 (Comma delimited)\"",
    }
    flat_formula("read.flat-formula", formula) {
        zh: "单元格是公式「{formula}」：平表只收录入的文字和数字",
        en: "the cell holds the formula \"{formula}\": flat tables take typed text and numbers only",
    }
    flat_formula_hint("read.flat-formula-hint") {
        zh: "把公式改成它要表示的值；以 = 开头的文字（如 =100.00(%)）请在前面加英文单引号 '",
        en: "replace the formula by the value it stands for; text starting with = (such as =100.00(%)) takes an apostrophe ' in front",
    }
    flat_error_value("read.flat-error-value", value) {
        zh: "单元格是错误值「{value}」：原来的内容已被办公软件当作公式计算而丢失",
        en: "the cell holds the error value \"{value}\": an office program took its text for a formula and lost it",
    }
    flat_error_value_hint("read.flat-error-value-hint") {
        zh: "重新填入原来的值；以 = 开头的文字请在前面加英文单引号 '，或用 jixiao 重新导出平表",
        en: "type the value again, with an apostrophe ' in front of text starting with =, or export the flat tables again with jixiao",
    }
    /// An .ods part whose element is never closed (cut off, or its end tag swallowed).
    xml_unclosed("read.xml-unclosed", part, line, column, element) {
        zh: "工作簿已损坏：{part} 第 {line} 行第 {column} 列开始的 <{element}> 到文件末尾也没有结束（内容被截断或改坏）",
        en: "the workbook is damaged: <{element}>, opened in {part} at line {line}, column {column}, is never closed (the content was cut off or altered)",
    }
    xml_mismatched("read.xml-mismatched", part, line, column, expected, found) {
        zh: "工作簿已损坏：{part} 第 {line} 行第 {column} 列的结束标记 </{found}> 与开始标记 <{expected}> 不配对",
        en: "the workbook is damaged: the end tag </{found}> in {part} at line {line}, column {column} does not close <{expected}>",
    }
    xml_unmatched("read.xml-unmatched", part, line, column, found) {
        zh: "工作簿已损坏：{part} 第 {line} 行第 {column} 列的结束标记 </{found}> 没有对应的开始标记",
        en: "the workbook is damaged: the end tag </{found}> in {part} at line {line}, column {column} closes nothing",
    }
    xml_syntax("read.xml-syntax", part, line, column, error) {
        zh: "工作簿已损坏：{part} 第 {line} 行第 {column} 列不是有效的 XML（{error}）",
        en: "the workbook is damaged: {part} is not valid XML at line {line}, column {column} ({error})",
    }
    xml_too_deep("read.xml-too-deep", part, line, column, limit) {
        zh: "工作簿已损坏：{part} 第 {line} 行第 {column} 列处元素嵌套超过 {limit} 层",
        en: "the workbook is damaged: elements in {part} nest deeper than {limit} levels at line {line}, column {column}",
    }
    xml_damaged_hint("read.xml-damaged-hint") {
        zh: "用 LibreOffice 或 WPS 打开此文件，另存为 .ods 或 .xlsx 后再试；打不开时请向报送单位要一份完好的文件",
        en: "open the file in LibreOffice or WPS and save it again as .ods or .xlsx; if it does not open, ask the sender for an intact copy",
    }
    /// A row of the indicator table that holds a note (DOMAIN §1g).
    note_in_table("read.note-in-table", text) {
        zh: "指标表中的「{text}」不是指标：按备注读入，不计为指标",
        en: "\"{text}\" in the indicator table is no indicator: read as a note, not counted as an indicator",
    }
    note_in_table_hint("read.note-in-table-hint") {
        zh: "备注请写在表格下方；如确是指标，请把指标名称填在三级指标栏、指标值填在指标值栏",
        en: "write notes below the table; if it is an indicator, put its name under 三级指标 and its value under 指标值",
    }
}

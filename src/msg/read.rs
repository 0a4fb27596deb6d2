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
    no_form_found("read.no-form-found") {
        zh: "所有工作表中都没有找到绩效表",
        en: "no performance form found in any sheet",
    }
    no_form_found_hint("read.no-form-found-hint") {
        zh: "jixiao 按表名查找表单，如 财政项目支出绩效目标申报表 或 财政项目支出绩效自评表",
        en: "jixiao looks for a title such as 财政项目支出绩效目标申报表 or 财政项目支出绩效自评表",
    }
    json_not_utf8("read.json-not-utf8", error) {
        zh: "不是 jixiao 的 JSON 模型：不是 UTF-8 文本：{error}",
        en: "not a jixiao JSON model: not UTF-8: {error}",
    }
    not_json_model("read.not-json-model", error) {
        zh: "不是 jixiao 的 JSON 模型：{error}",
        en: "not a jixiao JSON model: {error}",
    }
    newer_schema("read.newer-schema", found, known) {
        zh: "schema_version {found} 比本版 jixiao 能读的（{known}）更新",
        en: "schema_version {found} is newer than this jixiao understands ({known})",
    }
    newer_schema_hint("read.newer-schema-hint") {
        zh: "请升级 jixiao",
        en: "upgrade jixiao",
    }
    empty_directory("read.empty-directory") {
        zh: "文件夹中没有工作簿、JSON 模型或平表",
        en: "a directory with no workbook, JSON model or flat tables in it",
    }
    not_a_regular_file("read.not-a-regular-file") {
        zh: "不是普通文件（管道、设备等），未读取",
        en: "not a regular file (a pipe, device, …): not read",
    }
    file_too_large("read.file-too-large", size, limit) {
        zh: "文件大小 {size} 字节超出上限 {limit}：未读取",
        en: "the file's {size} bytes exceed the limit of {limit}: not read",
    }
    file_too_large_hint("read.file-too-large-hint") {
        zh: "确需读取时设置环境变量 JIXIAO_MAX_FILE_BYTES=更大的值",
        en: "to read it anyway set JIXIAO_MAX_FILE_BYTES=a larger value",
    }
    skipped_unreachable("read.skipped-unreachable") {
        zh: "无法访问（断开的链接？），已跳过",
        en: "cannot be reached (a broken link?): skipped",
    }
    skipped_not_regular("read.skipped-not-regular") {
        zh: "不是普通文件（管道、设备等），已跳过",
        en: "not a regular file (a pipe, device, …): skipped",
    }
    skipped_unsupported("read.skipped-unsupported") {
        zh: "不是 jixiao 能读的文件类型，已跳过",
        en: "not a kind of file jixiao reads: skipped",
    }
    loose_csv_hint("read.loose-csv-hint") {
        zh: "单独的 CSV 不是表单；平表请与 indicators.csv 等一起放在一个目录中",
        en: "a CSV file on its own is no form; keep flat tables together with indicators.csv in one folder",
    }
    readable_kinds_hint("read.readable-kinds-hint") {
        zh: "jixiao 读取 .xlsx .xlsm .xls .ods 工作簿、JSON 模型和平表目录",
        en: "jixiao reads .xlsx .xlsm .xls .ods workbooks, JSON models and folders of flat tables",
    }
    no_title_on_sheet("read.no-title-on-sheet", filled) {
        zh: "工作表中没有找到表单标题，其中 {filled} 个非空单元格未读取",
        en: "no form title on this sheet: its {filled} non-empty cell(s) were not read",
    }
    no_title_on_sheet_hint("read.no-title-on-sheet-hint") {
        zh: "表单以标题开头，如 财政项目支出绩效目标申报表 或 财政项目支出绩效自评表",
        en: "a form starts with its title, such as 财政项目支出绩效目标申报表 or 财政项目支出绩效自评表",
    }
    above_first_form("read.above-first-form", text) {
        zh: "第一张表上方的单元格，不属于任何表：「{text}」",
        en: "cell above the first form, not part of any form: \"{text}\"",
    }
    impossible_date("read.impossible-date") {
        zh: "日期不存在",
        en: "no such date",
    }
    impossible_date_hint("read.impossible-date-hint") {
        zh: "检查月份和日期，如 2 月只有 28 或 29 天",
        en: "check the month and day: February has 28 or 29 days",
    }
    not_a_date("read.not-a-date") {
        zh: "不是日期，按原样保留",
        en: "not a date; kept as printed",
    }
    not_a_date_hint("read.not-a-date-hint") {
        zh: "日期请写作 2026-01-01",
        en: "write dates as 2026-01-01",
    }
    expected_number("read.expected-number") {
        zh: "应为数字",
        en: "expected a number",
    }
    expected_number_hint("read.expected-number-hint") {
        zh: "金额请填数字（可带小数），或留空",
        en: "type the amount as a number (digits, optional decimals), or leave it blank",
    }
    no_money_unit("read.no-money-unit", assumed) {
        zh: "项目资金的标签中没有写明元或万元：金额按{assumed}读取",
        en: "no 元/万元 in the 项目资金 label; amounts read as {assumed}",
    }
    no_money_unit_hint("read.no-money-unit-hint", assumed) {
        zh: "请在标签中写明单位，如 项目资金（{assumed}）",
        en: "write the unit in the label, e.g. 项目资金（{assumed}）",
    }
    dash_amount("read.dash-amount") {
        zh: "金额处是短横线，按空白读取",
        en: "a dash stands where an amount belongs; read as blank",
    }
    unmapped_cell("read.unmapped-cell", text) {
        zh: "单元格未读入模型：「{text}」",
        en: "cell not mapped into the model: \"{text}\"",
    }
    unmapped_cell_hint("read.unmapped-cell-hint") {
        zh: "该单元格在表单之内，但不属于任何栏目；请检查它是否错位",
        en: "the cell lies inside a form but matches no field; check it was not shifted out of place",
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

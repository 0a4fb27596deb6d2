//! What the PDF reader says when it refuses a PDF: scanned, no ruled table, undecodable text,
//! damaged, encrypted, or past a limit. It refuses rather than guess (no wrong character, no
//! table invented from text positions).

use super::messages;

messages! {
    not_pdf("pdf.not-pdf") {
        zh: "不是 PDF 文件（开头没有 %PDF-）",
        en: "not a PDF file (no %PDF- at its start)",
    }
    too_large("pdf.too-large", size_mb, limit_mb) {
        zh: "PDF 文件过大（{size_mb} MB），超过上限 {limit_mb} MB",
        en: "the PDF is too large ({size_mb} MB; the limit is {limit_mb} MB)",
    }
    too_many_pages("pdf.too-many-pages", pages, limit) {
        zh: "PDF 有 {pages} 页，超过上限 {limit} 页",
        en: "the PDF has {pages} pages; the limit is {limit}",
    }
    too_many_pages_hint("pdf.too-many-pages-hint") {
        zh: "把含表格的页另存为单独的 PDF 再读",
        en: "save the pages with the forms as a PDF of their own and read that",
    }
    too_many_edges("pdf.too-many-edges", page, edges, limit) {
        zh: "第{page}页：线条过多（{edges} 条，上限 {limit}），不像是一张表格",
        en: "page {page}: too many lines ({edges}; the limit is {limit}) for a table",
    }
    too_many_chars("pdf.too-many-chars", page, chars, limit) {
        zh: "第{page}页：文字过多（{chars} 个字符，上限 {limit}）",
        en: "page {page}: too much text ({chars} characters; the limit is {limit})",
    }
    limit("pdf.limit", error) {
        zh: "PDF 超出读取上限：{error}",
        en: "the PDF is past a reading limit: {error}",
    }
    damaged("pdf.damaged", error) {
        zh: "无法解析 PDF：{error}",
        en: "cannot parse the PDF: {error}",
    }
    page_unreadable("pdf.page-unreadable", page, error) {
        zh: "第{page}页无法读取：{error}",
        en: "page {page} cannot be read: {error}",
    }
    damaged_hint("pdf.damaged-hint") {
        zh: "文件可能已损坏；用 PDF 阅读器打开后另存为 PDF，再试",
        en: "the file may be damaged; open it in a PDF viewer, save it as PDF again and retry",
    }
    crashed("pdf.crashed") {
        zh: "PDF 解析器内部出错，无法读取此文件",
        en: "the PDF parser failed inside; this file cannot be read",
    }
    encrypted("pdf.encrypted") {
        zh: "PDF 有密码保护",
        en: "the PDF is password-protected",
    }
    encrypted_hint("pdf.encrypted-hint") {
        zh: "去掉密码后另存为 PDF，再试",
        en: "remove the password, save the PDF again and retry",
    }
    /// No page has text, and pages have images: a scan.
    scanned("pdf.scanned") {
        zh: "图片扫描件，没有文字层",
        en: "a scanned image: the PDF has no text layer",
    }
    /// Some pages have text, these have only images.
    scanned_pages("pdf.scanned-pages", pages) {
        zh: "{pages}是图片扫描件，没有文字层",
        en: "{pages}: scanned images without a text layer",
    }
    scanned_hint("pdf.scanned-hint") {
        zh: "先用 OCR 软件识别出文字层，或向发布单位索取 Excel/WPS 原件",
        en: "give the PDF a text layer with OCR software first, or ask the publisher for the Excel/WPS original",
    }
    /// `第3页` in a list of pages.
    page("pdf.page", page) {
        zh: "第{page}页",
        en: "page {page}",
    }
    no_text("pdf.no-text") {
        zh: "PDF 中没有文字",
        en: "the PDF holds no text",
    }
    no_ruled_table("pdf.no-ruled-table") {
        zh: "PDF 中没有带框线的表格；jixiao 只读带框线的表格，不按文字位置猜测表格",
        en: "the PDF has no ruled table; jixiao reads ruled tables only and does not guess tables from text positions",
    }
    no_ruled_table_hint("pdf.no-ruled-table-hint") {
        zh: "用原件（Excel/WPS），或打印时保留表格框线的 PDF",
        en: "use the original workbook (Excel/WPS), or a PDF printed with the table's borders",
    }
    font_without_unicode("pdf.font-without-unicode", page, font, encoding) {
        zh: "第{page}页：字体 {font} 使用预定义编码 {encoding} 且没有 ToUnicode 映射，文字无法可靠解码",
        en: "page {page}: font {font} uses the predefined encoding {encoding} without a ToUnicode map; its text cannot be decoded reliably",
    }
    undecodable("pdf.undecodable", page, font, code) {
        zh: "第{page}页：有无法解码的文字（字体 {font} 的字符 {code}）",
        en: "page {page}: text that cannot be decoded (character {code} of font {font})",
    }
    undecodable_hint("pdf.undecodable-hint") {
        zh: "此 PDF 的字体没有给出文字的 Unicode 编码；用 PDF 阅读器重新“打印为 PDF”，或向发布单位索取 Excel 原件",
        en: "the PDF's fonts do not say which characters they draw; print it to PDF again from a viewer, or ask the publisher for the Excel original",
    }
}

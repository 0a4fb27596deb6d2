//! The format registry: every format jixiao reads and writes, its names and extensions, and
//! how an input's format is told — in one place, as pandoc keeps its Readers and Writers lists.
//!
//! Inputs are told by their first bytes (a workbook renamed `.xls` is still read), then by their
//! extension; [`InputFormat::from_name`] is the override. Outputs are chosen by name (`--to`) or
//! by the output's extension ([`OutputFormat::from_file_name`]).

use crate::diag::{Error, Result};

/// What jixiao reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel binary workbook (`.xlsb`).
    Xlsb,
    /// Excel 97–2003 workbook (`.xls`); also WPS 表格's own `.et`, which is the same OLE2
    /// workbook where WPS saved it so (else [`crate::read::read_bytes`] says to save as xlsx).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
    /// The jixiao JSON model (`convert -o x.json`).
    Json,
    /// One flat table as CSV (`declarations.csv`, `indicators.csv`, …); tables are read as a set.
    Csv,
    /// A PDF whose forms are ruled tables, as published ([`crate::pdf`]).
    Pdf,
}

impl InputFormat {
    /// Every input format, in the order the registry lists them.
    pub const ALL: [InputFormat; 7] = [
        InputFormat::Xlsx,
        InputFormat::Xlsb,
        InputFormat::Xls,
        InputFormat::Ods,
        InputFormat::Json,
        InputFormat::Csv,
        InputFormat::Pdf,
    ];

    /// The short name, as `--from` would take it.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Xlsx => "xlsx",
            InputFormat::Xlsb => "xlsb",
            InputFormat::Xls => "xls",
            InputFormat::Ods => "ods",
            InputFormat::Json => "json",
            InputFormat::Csv => "csv",
            InputFormat::Pdf => "pdf",
        }
    }

    /// The file extensions of the format, lower-case, without the dot.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            InputFormat::Xlsx => &["xlsx", "xlsm"],
            InputFormat::Xlsb => &["xlsb"],
            InputFormat::Xls => &["xls", "et"],
            InputFormat::Ods => &["ods"],
            InputFormat::Json => &["json"],
            InputFormat::Csv => &["csv"],
            InputFormat::Pdf => &["pdf"],
        }
    }

    /// What a person calls it.
    pub fn describe(self) -> &'static str {
        match self {
            InputFormat::Xlsx => "Excel 工作簿 (.xlsx)",
            InputFormat::Xlsb => "Excel 二进制工作簿 (.xlsb)",
            InputFormat::Xls => "Excel 97–2003 工作簿 (.xls)",
            InputFormat::Ods => "OpenDocument 表格 (.ods)",
            InputFormat::Json => "jixiao JSON 模型 (.json)",
            InputFormat::Csv => "平表 CSV (.csv)",
            InputFormat::Pdf => "PDF（带框线的表格）(.pdf)",
        }
    }

    /// Whether the format is a workbook calamine opens.
    pub fn is_workbook(self) -> bool {
        matches!(
            self,
            InputFormat::Xlsx | InputFormat::Xlsb | InputFormat::Xls | InputFormat::Ods
        )
    }

    /// The format named `name` (`xlsx`, `ods`, …), the override for detection.
    pub fn from_name(name: &str) -> Option<InputFormat> {
        let name = name.trim().to_ascii_lowercase();
        InputFormat::ALL
            .into_iter()
            .find(|f| f.name() == name || f.extensions().contains(&name.as_str()))
    }

    /// The format a file name's extension announces.
    pub fn from_file_name(file_name: &str) -> Option<InputFormat> {
        let ext = extension(file_name)?;
        InputFormat::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }

    /// Whether a file of this name in a folder is an input: a workbook or a JSON model, and not
    /// an Office lock file (`~$…`). Loose CSV files are not (a folder of flat tables is read as
    /// one input; a project list is no form).
    pub fn is_input_name(file_name: &str) -> bool {
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        !base.starts_with("~$")
            && InputFormat::from_file_name(base).is_some_and(|f| f != InputFormat::Csv)
    }

    /// Tells the format of `bytes` from its content first, then from `file_name`'s extension,
    /// with a useful error for the look-alikes government downloads often are (HTML or
    /// SpreadsheetML saved as `.xls`).
    ///
    /// # Errors
    /// [`Error::Unreadable`] naming `file_name` when the bytes are no format jixiao reads.
    pub fn detect(file_name: &str, bytes: &[u8]) -> Result<InputFormat> {
        let by_name = InputFormat::from_file_name(file_name);
        if bytes.starts_with(b"PK\x03\x04") {
            let head = &bytes[..bytes.len().min(512)];
            let mime = b"application/vnd.oasis.opendocument.spreadsheet";
            if head.windows(mime.len()).any(|w| w == mime) {
                return Ok(InputFormat::Ods);
            }
            return Ok(if by_name == Some(InputFormat::Xlsb) {
                InputFormat::Xlsb
            } else {
                InputFormat::Xlsx
            });
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // An encrypted xlsx is an OLE file holding an `EncryptedPackage` stream; its name
            // stands UTF-16 in the directory.
            let name: Vec<u8> = "EncryptedPackage"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect();
            if bytes.windows(name.len()).any(|w| w == name) {
                return Err(password_protected(file_name));
            }
            return Ok(InputFormat::Xls);
        }
        if crate::pdf::is_pdf(bytes) {
            return Ok(InputFormat::Pdf);
        }
        if let Some(f @ (InputFormat::Json | InputFormat::Csv)) = by_name {
            return Ok(f);
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
        let text = head.trim_start_matches('\u{feff}').trim_start();
        if text.starts_with('{') {
            return Ok(InputFormat::Json);
        }
        if text.starts_with("<?xml")
            && text.contains("urn:schemas-microsoft-com:office:spreadsheet")
            || text.contains("<workbook")
        {
            return Err(
                Error::unreadable(file_name, crate::msg::workbook::spreadsheet_ml())
                    .with_hint(crate::msg::workbook::save_as_xlsx_hint()),
            );
        }
        if text.starts_with('<') {
            return Err(Error::unreadable(file_name, crate::msg::workbook::html())
                .with_hint(crate::msg::workbook::save_as_xlsx_hint()));
        }
        if bytes.is_empty() {
            return Err(Error::unreadable(
                file_name,
                crate::msg::workbook::empty_file(),
            ));
        }
        Err(Error::unreadable(
            file_name,
            crate::msg::workbook::not_a_spreadsheet(),
        ))
    }
}

/// The error for a password-protected workbook.
pub(crate) fn password_protected(file_name: &str) -> Error {
    Error::unreadable(file_name, crate::msg::workbook::password())
        .with_hint(crate::msg::workbook::password_hint())
}

/// What jixiao writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum OutputFormat {
    /// The model as JSON.
    Json,
    /// Official 申报表 / 自评表 workbook, one form per sheet.
    Xlsx,
    /// Flat tables as CSV files in a directory.
    Csv,
    /// Flat tables as the sheets of one workbook, to correct many forms in Excel or WPS.
    XlsxFlat,
}

impl OutputFormat {
    /// Every output format.
    pub const ALL: [OutputFormat; 4] = [
        OutputFormat::Json,
        OutputFormat::Xlsx,
        OutputFormat::Csv,
        OutputFormat::XlsxFlat,
    ];

    /// The name `--to` takes.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Xlsx => "xlsx",
            OutputFormat::Csv => "csv",
            OutputFormat::XlsxFlat => "xlsx-flat",
        }
    }

    /// What a person calls it.
    pub fn describe(self) -> &'static str {
        match self {
            OutputFormat::Json => "JSON 模型",
            OutputFormat::Xlsx => "正式表格工作簿（每张表一个工作表）",
            OutputFormat::Csv => "平表 CSV（一个文件夹）",
            OutputFormat::XlsxFlat => "平表工作簿（批量修改用）",
        }
    }

    /// The format named `name` (`json`, `xlsx`, `csv`, `xlsx-flat`).
    pub fn from_name(name: &str) -> Option<OutputFormat> {
        let name = name.trim().to_ascii_lowercase();
        OutputFormat::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format an output's extension announces: `.json` or `.xlsx` (flat tables are asked
    /// for by name, since their extensions say nothing new).
    pub fn from_file_name(file_name: &str) -> Option<OutputFormat> {
        match extension(file_name)?.as_str() {
            "json" => Some(OutputFormat::Json),
            "xlsx" => Some(OutputFormat::Xlsx),
            _ => None,
        }
    }

    /// `--to` when given, else the format of `file_name`'s extension.
    ///
    /// # Errors
    /// [`Error::Write`] naming the file, with the names to choose from, when neither says.
    pub fn choose(to: Option<OutputFormat>, file_name: &str) -> Result<OutputFormat> {
        to.or_else(|| OutputFormat::from_file_name(file_name))
            .ok_or_else(|| {
                let message = format!(
                    "{}{}",
                    crate::msg::cli::cannot_tell_format(),
                    crate::msg::diag::hint_line(crate::msg::cli::convert_format_hint())
                );
                Error::write(file_name, message)
            })
    }
}

/// The lower-case extension of a file name, without the dot.
fn extension(file_name: &str) -> Option<String> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let (stem, ext) = base.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_formats_by_content_then_name() {
        assert_eq!(
            InputFormat::detect("a.xls", b"PK\x03\x04rest").unwrap(),
            InputFormat::Xlsx
        );
        assert_eq!(
            InputFormat::detect("a.xlsb", b"PK\x03\x04rest").unwrap(),
            InputFormat::Xlsb
        );
        assert_eq!(
            InputFormat::detect("a.txt", b"\xef\xbb\xbf {\"schema_version\": 1}").unwrap(),
            InputFormat::Json
        );
        assert_eq!(
            InputFormat::detect("indicators.csv", "序号,一级指标".as_bytes()).unwrap(),
            InputFormat::Csv
        );
        let html = InputFormat::detect("a.xls", b"<html><table>").unwrap_err();
        assert!(
            html.to_string()
                .contains("这是以表格文件名保存的网页（HTML）"),
            "{html}"
        );
        let empty = InputFormat::detect("a.xlsx", b"").unwrap_err();
        assert_eq!(empty.to_string(), "a.xlsx: 文件是空的");
        let empty = crate::msg::with_lang(crate::msg::Lang::En, || {
            InputFormat::detect("a.xlsx", b"").unwrap_err().to_string()
        });
        assert_eq!(empty, "a.xlsx: the file is empty");
    }

    #[test]
    fn names_and_extensions_map_both_ways() {
        for f in InputFormat::ALL {
            assert_eq!(InputFormat::from_name(f.name()), Some(f));
        }
        for f in OutputFormat::ALL {
            assert_eq!(OutputFormat::from_name(f.name()), Some(f));
        }
        assert_eq!(
            InputFormat::from_file_name("dir/表.XLSM"),
            Some(InputFormat::Xlsx)
        );
        assert!(!InputFormat::is_input_name("~$表.xlsx"));
        assert!(!InputFormat::is_input_name(".xlsx"));
        assert_eq!(
            OutputFormat::from_file_name("out.JSON"),
            Some(OutputFormat::Json)
        );
        assert_eq!(OutputFormat::from_file_name("out.csv"), None);
        assert_eq!(
            OutputFormat::choose(Some(OutputFormat::Csv), "out").unwrap(),
            OutputFormat::Csv
        );
        assert!(OutputFormat::choose(None, "out.txt").is_err());
    }
}

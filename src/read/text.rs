//! Text tables as Excel and WPS save them: the encoding and the separator of a CSV file.
//!
//! Excel and WPS on Chinese Windows save "CSV (逗号分隔)" in GBK, "CSV UTF-8" with a byte-order
//! mark, and "Unicode 文本" in UTF-16 little-endian with a mark, separated by tabs. The encoding
//! is decided, never guessed:
//!
//! 1. a byte-order mark names it (UTF-8, UTF-16LE, UTF-16BE);
//! 2. bytes that are valid UTF-8 are UTF-8 (plain ASCII reads the same in every candidate);
//! 3. otherwise each remaining candidate — GB18030 (a superset of GBK and GB2312), and UTF-16
//!    without a mark when the bytes hold NULs — is tried strictly (no replacement characters),
//!    and is kept only when its first line holds a column name of the table. Exactly one must
//!    remain; none or two is a located error.
//!
//! The separator is a tab when the first line has tabs and no commas (or the file is UTF-16),
//! else a comma.

use crate::diag::{Error, Location, Result};
use crate::msg;
use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// A text table decoded: its text (without a byte-order mark), the encoding's name and the
/// separator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub separator: u8,
}

/// Decodes the bytes of a CSV or tab-separated text table. `is_header` tells whether a first
/// line is a header of the table (it holds a known column name); it decides between encodings
/// that all decode the bytes.
///
/// # Errors
/// [`Error::At`] at the file's first line when no encoding, or more than one, reads the bytes
/// into a known header.
pub fn decode(bytes: &[u8], shown: &str, is_header: impl Fn(&str) -> bool) -> Result<Decoded> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok(decoded(text.into_owned(), enc));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(decoded(text.to_string(), UTF_8));
    }
    let candidates: &[&'static Encoding] = if bytes.contains(&0) {
        &[UTF_16LE, UTF_16BE]
    } else {
        &[GB18030]
    };
    let fits: Vec<(String, &'static Encoding)> = candidates
        .iter()
        .filter_map(|enc| {
            let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
            let first = text.lines().next().unwrap_or("");
            is_header(first).then(|| (text.into_owned(), *enc))
        })
        .collect();
    match <[_; 1]>::try_from(fits) {
        Ok([(text, enc)]) => Ok(decoded(text, enc)),
        Err(_) => Err(Error::at(
            Location {
                file: shown.to_string(),
                sheet: None,
                cell: Some(msg::read::line(1)),
            },
            msg::read::unknown_encoding(),
            msg::read::unknown_encoding_hint(),
        )),
    }
}

fn decoded(text: String, enc: &'static Encoding) -> Decoded {
    let first = text.lines().next().unwrap_or("");
    let utf16 = enc == UTF_16LE || enc == UTF_16BE;
    let separator = if utf16 || (first.contains('\t') && !first.contains(',')) {
        b'\t'
    } else {
        b','
    };
    Decoded {
        text,
        encoding: enc.name(),
        separator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(line: &str) -> bool {
        line.contains("项目名称")
    }

    const TABLE: &str = "项目名称,年度资金申请总额\r\n机关服务费,140000.00\r\n";

    #[test]
    fn utf8_with_and_without_a_mark() {
        let with = [b"\xef\xbb\xbf".as_slice(), TABLE.as_bytes()].concat();
        for bytes in [with.as_slice(), TABLE.as_bytes()] {
            let d = decode(bytes, "t.csv", header).unwrap();
            assert_eq!(
                (d.text.as_str(), d.encoding, d.separator),
                (TABLE, "UTF-8", b',')
            );
        }
    }

    #[test]
    fn gbk_as_excel_saves_it() {
        let (bytes, _, bad) = encoding_rs::GBK.encode(TABLE);
        assert!(!bad);
        let d = decode(&bytes, "t.csv", header).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TABLE, "gb18030"));
    }

    #[test]
    fn unicode_text_is_utf16_with_tabs() {
        let tabbed = TABLE.replace(',', "\t");
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in tabbed.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        for bytes in [&le, &be] {
            let d = decode(bytes, "t.txt", header).unwrap();
            assert_eq!((d.text.as_str(), d.separator), (tabbed.as_str(), b'\t'));
        }
        // Without the mark, only the byte order whose first line is a header fits.
        let d = decode(&le[2..], "t.txt", header).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (tabbed.as_str(), "UTF-16LE"));
    }

    #[test]
    fn an_encoding_that_cannot_be_told_is_a_located_error() {
        // Big5 (Traditional Chinese) bytes decode as GB18030 too, but into no known header.
        let (bytes, _, _) = encoding_rs::BIG5.encode("項目名稱,年度資金申請總額\r\n");
        let e = msg::with_lang(msg::Lang::Zh, || {
            decode(&bytes, "t.csv", header).unwrap_err().to_string()
        });
        assert_eq!(
            e,
            "t.csv: 第 1 行: 无法确定文本编码：既不是 UTF-8，按 GBK/GB18030 或 UTF-16 读出的第一行也不是本表的列名\n  提示: 在 Excel 或 WPS 中“另存为”，保存类型选“CSV UTF-8（逗号分隔）”"
        );
    }
}

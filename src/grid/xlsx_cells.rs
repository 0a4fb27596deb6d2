//! An xlsx workbook's cells and merged areas read by jixiao itself, in one unzip and one pass
//! over each part, with the values calamine would give (issue 12).
//!
//! calamine unzips and parses a sheet's XML for its cells, and again for its merged areas, and
//! parses the parts of the workbook jixiao never asks for (fonts, fills, borders, the theme);
//! reading the few parts the forms need ourselves took reading an xlsx workbook to well under
//! half of what calamine spends on it. The reading here is narrow on purpose: the workbook is
//! read only where every part is written the way Excel, WPS and the usual libraries write it
//! (no namespace prefixes on the elements read, no comments or CDATA, no formulas, no escapes
//! calamine would expand further, every cell with its reference). Anything else answers `None`
//! and the caller reads the workbook with calamine, which then also says what is wrong with a
//! damaged one. Tests (`grid::open`) hold the two readings equal on every real workbook of the
//! fixtures and on one with every kind of value.

use super::NumberShape;
use super::xlsx_parts::{Search, attr, attr_unescaped, cell, dimensions, listed_sheets, unescape};
use crate::a1::Pos;
use calamine::{Data, Dimensions, ExcelDateTime, ExcelDateTimeType};
use memchr::memmem;
use std::io::Read as _;

/// One worksheet as calamine's cell reader and merge search give it.
pub(super) struct Sheet {
    pub name: String,
    /// The workbook hides it (`hidden` or `veryHidden`).
    pub hidden: bool,
    /// The non-empty cells in the order the sheet stores them, each with its number format.
    pub cells: Vec<(Pos, Data, NumberShape)>,
    pub merges: Vec<Dimensions>,
}

/// Every worksheet of an xlsx workbook, or `None` where this reading is not sure to give what
/// calamine gives (see the module documentation).
pub(super) fn read(bytes: &[u8]) -> Option<Vec<Sheet>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut buf = Vec::new();
    let (listed, is_1904) = listed_sheets(&mut zip)?;
    let mut sheets: Vec<(String, String, bool)> = Vec::new();
    for sheet in listed {
        if sheet.kind != "worksheet" {
            return None; // a chart or dialog sheet: calamine lists it
        }
        if sheets.iter().any(|(n, ..)| *n == sheet.name) {
            return None; // calamine would read the first sheet of the name twice
        }
        // calamine refuses a state it does not know.
        sheets.push((sheet.name, sheet.path, sheet.hidden?));
    }
    let strings = match optional_part(&mut zip, "xl/sharedStrings.xml", &mut buf)? {
        Some(xml) => shared_strings(&xml)?,
        None => Vec::new(),
    };
    let styles = match optional_part(&mut zip, "xl/styles.xml", &mut buf)? {
        Some(xml) => styles(&xml)?,
        None => Vec::new(),
    };
    let book = Book {
        strings: &strings,
        styles: &styles,
        is_1904,
    };
    sheets
        .into_iter()
        .map(|(name, path, hidden)| {
            let mut file = zip.by_name(&path).ok()?;
            buf.reserve(usize::try_from(file.size()).ok()?);
            file.read_to_end(&mut buf).ok()?;
            let (cells, merges) = worksheet(&buf, &book)?;
            buf.clear();
            Some(Sheet {
                name,
                hidden,
                cells,
                merges,
            })
        })
        .collect()
}

/// The unzipped part at `path`, read into `buf`'s allocation.
fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    path: &str,
    buf: &mut Vec<u8>,
) -> Option<Vec<u8>> {
    buf.clear();
    let mut file = zip.by_name(path).ok()?;
    // Bounded: check_zip has held every part's declared size to the limits, and the reader
    // stops at it.
    buf.reserve(usize::try_from(file.size()).ok()?);
    file.read_to_end(buf).ok()?;
    Some(std::mem::take(buf))
}

/// [`part`], or `Some(None)` when the archive has no part by that name in any spelling
/// (calamine finds parts whatever their case: a part spelled otherwise is left to it).
fn optional_part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    path: &str,
    buf: &mut Vec<u8>,
) -> Option<Option<Vec<u8>>> {
    if zip.index_for_name(path).is_some() {
        return part(zip, path, buf).map(Some);
    }
    let elsewhere = (zip.file_names()).any(|n| n.map_or(true, |n| n.eq_ignore_ascii_case(path)));
    (!elsewhere).then_some(None)
}

/// What every sheet's values are read with.
struct Book<'a> {
    strings: &'a [String],
    /// By style index (`s="3"`): whether the format shows a date or a duration, and its shape.
    styles: &'a [(Kind, NumberShape)],
    is_1904: bool,
}

/// What calamine makes of a number by its format.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Number,
    DateTime,
    TimeDelta,
}

/// One token of an XML part.
#[derive(Debug, PartialEq)]
enum Token<'x> {
    /// `<name …>` or `<name …/>`: its name and the whole tag.
    Start {
        name: &'x [u8],
        tag: &'x [u8],
        empty: bool,
    },
    End(&'x [u8]),
    Text(&'x [u8]),
    /// A start or end tag with a namespace prefix (`<x14:slicerStyles …/>` in an `extLst`): its
    /// local name. calamine matches elements by local name, so a reader must refuse one whose
    /// local name it reads, and may pass over any other.
    Prefixed(&'x [u8]),
}

/// The tokens of `xml` from `at` on; an `Err(())` token where the XML holds something this
/// reading leaves to calamine: a comment, CDATA, a declaration or processing instruction past
/// the first, an element name it cannot read, an unclosed tag.
struct Tokens<'x> {
    xml: &'x [u8],
    at: usize,
}

impl<'x> Iterator for Tokens<'x> {
    type Item = Result<Token<'x>, ()>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.xml.get(self.at..)?;
        if rest.is_empty() {
            return None;
        }
        if rest[0] != b'<' {
            let len = memchr::memchr(b'<', rest).unwrap_or(rest.len());
            self.at += len;
            return Some(Ok(Token::Text(&rest[..len])));
        }
        // The tag ends at the first `>` outside quotes (tags are short: a plain loop).
        let mut end = None;
        let mut quote = 0u8;
        for (i, &b) in rest.iter().enumerate().skip(1) {
            if quote != 0 {
                if b == quote {
                    quote = 0;
                }
            } else if b == b'>' {
                end = Some(i);
                break;
            } else if b == b'"' || b == b'\'' {
                quote = b;
            }
        }
        let Some(end) = end else {
            return Some(Err(()));
        };
        self.at += end + 1;
        let tag = &rest[..=end];
        let inner = &tag[1..end];
        let (closing, inner) = match inner.strip_prefix(b"/") {
            Some(inner) => (true, inner),
            None => (false, inner),
        };
        let name_len = inner
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(inner.len());
        let name = &inner[..name_len];
        let plain = |n: &[u8]| {
            !n.is_empty()
                && n.iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        };
        if !plain(name) {
            return Some(match name.iter().position(|&b| b == b':') {
                Some(i) if plain(&name[..i]) && plain(&name[i + 1..]) => {
                    Ok(Token::Prefixed(&name[i + 1..]))
                }
                _ => Err(()),
            });
        }
        Some(Ok(if closing {
            Token::End(name)
        } else {
            Token::Start {
                name,
                tag,
                empty: inner.ends_with(b"/"),
            }
        }))
    }
}

/// The tokens of `xml` from byte `at`, after checking that the part holds no comment or CDATA
/// (which could hide or fake an element) and no processing instruction past its declaration.
fn tokens(xml: &[u8], at: usize) -> Option<Tokens<'_>> {
    if memmem::find(xml, b"<!").is_some() || memmem::find(&xml[1.min(xml.len())..], b"<?").is_some()
    {
        return None;
    }
    let declaration = match xml.strip_prefix(b"<?") {
        Some(rest) => memmem::find(rest, b"?>")? + 4,
        None => 0,
    };
    Some(Tokens {
        xml,
        at: at.max(declaration),
    })
}

/// The text of a run of XML character data, entities replaced; `None` where calamine would
/// change it further (line ends it normalises, `_xHHHH_` escapes it expands).
fn text(raw: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    if raw.contains(&b'\r') {
        return None;
    }
    let s = if raw.contains(&b'&') {
        std::borrow::Cow::Owned(unescape(raw)?)
    } else {
        std::borrow::Cow::Borrowed(std::str::from_utf8(raw).ok()?)
    };
    (!s.contains("_x")).then_some(s)
}

/// The text of a shared string (`<si>`) or an inline one (`<is>`) from the tokens after its
/// start tag to its end tag `end`: the texts of its runs, phonetic guides (`rPh`) left out, each
/// trimmed of ASCII whitespace unless it keeps its spaces (calamine's `read_string`).
fn rich_text(tokens: &mut Tokens, end: &[u8]) -> Option<String> {
    let mut out = String::new();
    let mut phonetic = false;
    loop {
        match tokens.next()?.ok()? {
            Token::End(name) if name == end => return Some(out),
            Token::Prefixed(_) => return None,
            Token::End(b"rPh") => phonetic = false,
            Token::Start {
                name: b"rPh",
                empty,
                ..
            } => phonetic = !empty,
            Token::Start {
                name: b"t",
                tag,
                empty,
            } => {
                // Between `<t>` and `</t>` there is one run of text, or none.
                let value = match empty {
                    true => std::borrow::Cow::Borrowed(""),
                    false => match tokens.next()?.ok()? {
                        Token::Text(raw) => {
                            if tokens.next()?.ok()? != Token::End(b"t") {
                                return None;
                            }
                            text(raw)?
                        }
                        Token::End(b"t") => std::borrow::Cow::Borrowed(""),
                        _ => return None,
                    },
                };
                if phonetic {
                    continue;
                }
                if tag.len() > 3 && attr(tag, b"xml:space") == Some("preserve") {
                    out.push_str(&value);
                } else {
                    out.push_str(value.trim_matches([' ', '\t', '\r', '\n']));
                }
            }
            _ => {}
        }
    }
}

/// The shared strings table, in order.
fn shared_strings(xml: &[u8]) -> Option<Vec<String>> {
    let mut tokens = tokens(xml, 0)?;
    let mut out = Vec::new();
    while let Some(token) = tokens.next() {
        match token.ok()? {
            Token::Start {
                name: b"si",
                empty: true,
                ..
            } => out.push(String::new()),
            Token::Start { name: b"si", .. } => {
                // The usual string, one plain run: `<si><t>…</t></si>` (trimmed, as no
                // `xml:space` keeps its spaces).
                let rest = &xml[tokens.at..];
                if let Some(body) = rest.strip_prefix(b"<t>")
                    && let Some(lt) = memchr::memchr(b'<', body)
                    && body[lt..].starts_with(b"</t></si>")
                {
                    tokens.at += 3 + lt + 9;
                    let value = text(&body[..lt])?;
                    out.push(value.trim_matches([' ', '\t', '\r', '\n']).to_string());
                } else {
                    out.push(rich_text(&mut tokens, b"si")?);
                }
            }
            Token::End(b"sst") => return Some(out),
            Token::Prefixed(b"si" | b"sst") => return None,
            _ => {}
        }
    }
    None
}

/// The number format of each cell style (`cellXfs`), as calamine reads it: custom formats
/// (`numFmts`) by id first, then the built-in ones.
fn styles(xml: &[u8]) -> Option<Vec<(Kind, NumberShape)>> {
    let tokens = tokens(xml, 0)?;
    let mut custom: Vec<(&str, String)> = Vec::new();
    let mut out = Vec::new();
    // Inside `numFmts`, inside `cellXfs`.
    let (mut in_formats, mut in_xfs) = (false, false);
    for token in tokens {
        match token.ok()? {
            Token::Start { name, empty, .. } if name == b"numFmts" => in_formats = !empty,
            Token::End(b"numFmts") => in_formats = false,
            Token::Start { name, empty, .. } if name == b"cellXfs" => in_xfs = !empty,
            Token::End(b"cellXfs") => in_xfs = false,
            Token::Start {
                name: b"numFmt",
                tag,
                ..
            } if in_formats => {
                if let (Some(id), Some(_)) = (attr(tag, b"numFmtId"), attr_raw(tag, b"formatCode"))
                {
                    let code = attr_unescaped(tag, b"formatCode")?;
                    custom.retain(|(i, _)| *i != id);
                    custom.push((id, code));
                }
            }
            Token::Start {
                name: b"xf", tag, ..
            } if in_xfs => {
                let Some(id) = attr_raw(tag, b"numFmtId") else {
                    out.push((Kind::Number, NumberShape::default()));
                    continue;
                };
                if id.is_empty() || !id.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                let id = std::str::from_utf8(id).ok()?;
                let code = custom
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map(|(_, c)| c.as_str());
                let kind = match code {
                    Some(code) => custom_kind(code),
                    None => builtin_kind(id),
                };
                let shape = match id.parse::<u32>() {
                    Ok(n) => NumberShape::from_format_code(
                        code.or_else(|| builtin_code(n)).unwrap_or("General"),
                    ),
                    Err(_) => NumberShape::default(),
                };
                out.push((kind, shape));
            }
            Token::End(b"styleSheet") => return Some(out),
            Token::Prefixed(b"numFmts" | b"numFmt" | b"cellXfs" | b"xf" | b"styleSheet") => {
                return None;
            }
            _ => {}
        }
    }
    None
}

/// The raw value of attribute `key`, entities and all.
fn attr_raw<'x>(tag: &'x [u8], key: &[u8]) -> Option<&'x [u8]> {
    super::xlsx_parts::attrs(tag)
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// One worksheet's cells and merged areas.
#[allow(clippy::type_complexity)]
fn worksheet(xml: &[u8], book: &Book) -> Option<(Vec<(Pos, Data, NumberShape)>, Vec<Dimensions>)> {
    let start = memmem::find(xml, b"<sheetData")?;
    // calamine checks the declared dimension before the cells.
    if let Some(at) = memmem::find(&xml[..start], b"<dimension") {
        let tag_end = at + memchr::memchr(b'>', &xml[at..start])?;
        dimensions(attr(&xml[at..=tag_end], b"ref")?)?;
    }
    let mut tokens = tokens(xml, start)?;
    match tokens.next()?.ok()? {
        Token::Start {
            name: b"sheetData",
            empty: true,
            ..
        } => return Some((Vec::new(), merges(&xml[tokens.at..])?)),
        Token::Start {
            name: b"sheetData", ..
        } => {}
        _ => return None,
    }
    let mut cells = Vec::new();
    loop {
        // A cell's tag (most of a sheet's tags) is walked once, for its end and its attributes.
        let rest = &xml[tokens.at..];
        if rest.starts_with(b"<c")
            && rest
                .get(2)
                .is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            let (len, empty, [r, s, typ]) = cell_tag(rest)?;
            tokens.at += len;
            let pos = cell(r?)?;
            if empty {
                continue;
            }
            let style = match s {
                None => None,
                Some(s) => Some(number(s)?),
            };
            let value = cell_value(&mut tokens, style, typ, book)?;
            if value != Data::Empty {
                let shape = book
                    .styles
                    .get(style.unwrap_or(0))
                    .map_or(NumberShape::default(), |s| s.1);
                cells.push((pos, value, shape));
            }
            continue;
        }
        match tokens.next()?.ok()? {
            Token::End(b"sheetData") => break,
            Token::Start {
                name: b"row", tag, ..
            } => {
                // calamine reads a row's number (and refuses a bad one) even where every cell
                // has its own reference.
                if let Some(r) = attr_raw(tag, b"r")
                    && (r.is_empty()
                        || !r.iter().all(u8::is_ascii_digit)
                        || r.iter().all(|&b| b == b'0'))
                {
                    return None;
                }
            }
            Token::End(b"row") | Token::Text(_) => {}
            _ => return None,
        }
    }
    Some((cells, merges(&xml[tokens.at..])?))
}

/// The length of the cell start tag that `tag` begins with (`<c r="A1" s="3" t="s">`),
/// whether it is empty (`/>`), and the raw values of its attributes `r`, `s` and `t`, by one
/// plain walk over its bytes; `None` unless every attribute is `name="value"` (or
/// single-quoted), each once.
#[allow(clippy::type_complexity)]
fn cell_tag(tag: &[u8]) -> Option<(usize, bool, [Option<&[u8]>; 3])> {
    let mut found = [None; 3];
    let mut i = 2; // after `<c`
    loop {
        while tag.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        match tag[i] {
            b'>' => return Some((i + 1, false, found)),
            b'/' => return (tag.get(i + 1) == Some(&b'>')).then_some((i + 2, true, found)),
            _ => {}
        }
        let key_start = i;
        while !matches!(tag.get(i)?, b'=' | b'/' | b'>') && !tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let key = &tag[key_start..i];
        while tag.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        if tag[i] != b'=' {
            return None;
        }
        i += 1;
        while tag.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        let quote = tag[i];
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let value_start = i + 1;
        let len = tag[value_start..].iter().position(|&b| b == quote)?;
        i = value_start + len + 1;
        let slot = match key {
            b"r" => 0,
            b"s" => 1,
            b"t" => 2,
            _ => continue,
        };
        if found[slot]
            .replace(&tag[value_start..value_start + len])
            .is_some()
        {
            return None;
        }
    }
}

/// Decimal digits (at most nine) as a number.
fn number(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0usize, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0'))
    })
}

/// The merged areas in what follows the cells.
fn merges(tail: &[u8]) -> Option<Vec<Dimensions>> {
    let mut search = Search::default();
    search.feed(tail);
    search.finish().merges
}

/// The value of a cell from the tokens after its start tag to its end tag, as calamine's
/// `read_value` gives it (the last of its `v` and `is` elements counts).
fn cell_value(
    tokens: &mut Tokens,
    style: Option<usize>,
    typ: Option<&[u8]>,
    book: &Book,
) -> Option<Data> {
    // The usual cell: one value, then the cell's end.
    let rest = &tokens.xml[tokens.at..];
    if let Some(body) = rest.strip_prefix(b"<v>")
        && let Some(lt) = body.iter().position(|&b| b == b'<')
        && body[lt..].starts_with(b"</v></c>")
    {
        tokens.at += 3 + lt + 8;
        return v_value(&body[..lt], style, typ, book);
    }
    let mut value = Data::Empty;
    loop {
        match tokens.next()?.ok()? {
            Token::End(b"c") => return Some(value),
            Token::Text(_) => {}
            Token::Start {
                name: b"is", empty, ..
            } => {
                value = if empty {
                    Data::String(String::new())
                } else {
                    Data::String(rich_text(tokens, b"is")?)
                };
            }
            Token::Start {
                name: b"v",
                empty: false,
                ..
            } => {
                let raw = match tokens.next()?.ok()? {
                    Token::Text(raw) => {
                        if tokens.next()?.ok()? != Token::End(b"v") {
                            return None;
                        }
                        raw
                    }
                    Token::End(b"v") => b"",
                    _ => return None,
                };
                value = v_value(raw, style, typ, book)?;
            }
            _ => return None, // a formula, `<v/>`, or an element calamine refuses
        }
    }
}

/// A `<v>` value by the cell's type (calamine's `read_v`); `None` for anything but the plain
/// forms Excel writes.
fn v_value(raw: &[u8], style: Option<usize>, typ: Option<&[u8]>, book: &Book) -> Option<Data> {
    Some(match typ {
        Some(b"inlineStr" | b"is") => Data::Empty,
        Some(b"s") if raw.is_empty() => Data::Empty,
        Some(b"s") => Data::String(book.strings.get(number(raw)?)?.clone()),
        Some(b"b") => match raw {
            b"" => Data::Empty,
            b"0" => Data::Bool(false),
            b"1" => Data::Bool(true),
            _ => return None,
        },
        Some(b"e") => Data::Error(std::str::from_utf8(raw).ok()?.parse().ok()?),
        Some(b"str") if !raw.is_empty() => Data::String(text(raw)?.into_owned()),
        Some(b"d") if !raw.is_empty() => Data::DateTimeIso(text(raw)?.into_owned()),
        None | Some(b"n") if raw.is_empty() => Data::Empty,
        None | Some(b"n") if plain_number(raw) => {
            let n: f64 = std::str::from_utf8(raw).ok()?.parse().ok()?;
            let kind = match style {
                None => Kind::Number,
                Some(i) => book.styles.get(i).map_or(Kind::Number, |s| s.0),
            };
            match kind {
                Kind::Number => Data::Float(n),
                Kind::DateTime => Data::DateTime(ExcelDateTime::new(
                    n,
                    ExcelDateTimeType::DateTime,
                    book.is_1904,
                )),
                Kind::TimeDelta => Data::DateTime(ExcelDateTime::new(
                    n,
                    ExcelDateTimeType::TimeDelta,
                    book.is_1904,
                )),
            }
        }
        _ => return None,
    })
}

/// `-12`, `3.5`, `1.2E-5`: a number as Excel stores it, which every float parser reads alike.
fn plain_number(v: &[u8]) -> bool {
    let v = v.strip_prefix(b"-").unwrap_or(v);
    let (mantissa, exponent) = match v.iter().position(|b| matches!(b, b'e' | b'E')) {
        Some(i) => (&v[..i], Some(&v[i + 1..])),
        None => (v, None),
    };
    let digits = |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_digit);
    let mantissa_ok = match mantissa.iter().position(|&b| b == b'.') {
        Some(i) => digits(&mantissa[..i]) && digits(&mantissa[i + 1..]),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        digits(
            e.strip_prefix(b"-")
                .or_else(|| e.strip_prefix(b"+"))
                .unwrap_or(e),
        )
    });
    mantissa_ok && exponent_ok
}

// The three functions below are calamine's (src/formats.rs, MIT licence), which it keeps
// private: whether a format shows dates, and the built-in format codes.

/// Whether a custom number format shows a date or time (calamine's
/// `detect_custom_number_format`).
fn custom_kind(format: &str) -> Kind {
    let mut escaped = false;
    let mut is_quote = false;
    let mut brackets = 0u8;
    let mut prev = ' ';
    let mut hms = false;
    let mut ap = false;
    for s in format.chars() {
        match (s, escaped, is_quote, ap, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => is_quote = false,
            (_, _, true, _, _) => (),
            ('"', _, _, _, _) => is_quote = true,
            (';', ..) => return Kind::Number,
            ('[', ..) => brackets += 1,
            (']', .., 1) if hms => return Kind::TimeDelta,
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => ap = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => return Kind::DateTime,
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => {
                return Kind::DateTime;
            }
            _ => {
                if !(hms && s.eq_ignore_ascii_case(&prev)) {
                    hms = prev == '[' && matches!(s, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        prev = s;
    }
    Kind::Number
}

/// Whether a built-in number format shows a date or time (calamine's `builtin_format_by_id`).
fn builtin_kind(id: &str) -> Kind {
    match id {
        "14" | "15" | "16" | "17" | "18" | "19" | "20" | "21" | "22" | "45" | "47" | "27"
        | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "50" | "51" | "52"
        | "53" | "54" | "55" | "56" | "57" | "58" => Kind::DateTime,
        "46" => Kind::TimeDelta,
        _ => Kind::Number,
    }
}

/// The code of a built-in number format (calamine's `builtin_format_code_by_id`).
fn builtin_code(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 => "# ?/?",
        13 => "# ??/??",
        14 => "mm-dd-yy",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "m/d/yy h:mm",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        41 => "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)",
        42 => "_($* #,##0_);_($* (#,##0);_($* \"-\"_);_(@_)",
        43 => "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)",
        44 => "_($* #,##0.00_);_($* (#,##0.00);_($* \"-\"??_);_(@_)",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mmss.0",
        48 => "##0.0E+0",
        49 => "@",
        _ => return None,
    })
}

//! What jixiao reads from an xlsx archive itself, beside calamine: where each worksheet's XML
//! is, and, from one unzip of it searched for two markers, its merged areas and whether it
//! holds any formula. (A workbook written the usual way is read without calamine altogether,
//! by [`super::xlsx_cells`], which uses the helpers here; this is for the others.)
//!
//! calamine gives merged areas only by parsing the whole sheet's XML a second time, which cost
//! as much as reading the cells (issue 12). Merges stand in `<mergeCell ref="A1:H1"/>` elements
//! after the cells, so a search for that one name finds them. Wherever the search could read
//! something differently from an XML parser (a comment or CDATA section, an entity in a
//! reference, two `mergeCells` blocks, a workbook whose sheets are not where its relationships
//! say), it answers `None` and the caller asks calamine.

use calamine::Dimensions;
use memchr::memmem::{self, Finder};
use std::io::Read as _;
use std::sync::LazyLock;

/// An xlsx archive's worksheet parts, found once per workbook.
pub(super) struct XlsxParts<'a> {
    zip: zip::ZipArchive<std::io::Cursor<&'a [u8]>>,
    /// `(sheet name, part path)` in workbook order.
    sheets: Vec<(String, String)>,
    /// The unzipped XML of the sheet being scanned (reused from sheet to sheet).
    xml: Vec<u8>,
}

/// A sheet as the workbook part lists it.
pub(super) struct Listed {
    pub name: String,
    /// The path of its part in the archive.
    pub path: String,
    /// The kind its relationship names: `worksheet`, `chartsheet` ….
    pub kind: String,
    /// Its `state`: hidden (`hidden`, `veryHidden`) or not; `None` for any other value.
    pub hidden: Option<bool>,
}

/// The sheets of an xlsx archive, in the workbook's order, and whether its dates count from
/// 1904; `None` unless the workbook part stands in the usual place (`xl/workbook.xml`) and
/// every sheet's relationship is found.
pub(super) fn listed_sheets(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
) -> Option<(Vec<Listed>, bool)> {
    let mut text = |path: &str| -> Option<Vec<u8>> {
        let mut v = Vec::new();
        zip.by_name(path).ok()?.read_to_end(&mut v).ok()?;
        Some(v)
    };
    // The workbook part where the package says it is: only the usual place is followed.
    let root = text("_rels/.rels")?;
    let office = elements(&root, b"Relationship")?
        .into_iter()
        .find(|e| attr(e, b"Type").is_some_and(|t| t.ends_with("/relationships/officeDocument")))?;
    if !matches!(
        attr(office, b"Target")?,
        "xl/workbook.xml" | "/xl/workbook.xml"
    ) {
        return None;
    }
    let rels = text("xl/_rels/workbook.xml.rels")?;
    let rels = elements(&rels, b"Relationship")?;
    let workbook = text("xl/workbook.xml")?;
    let is_1904 = elements(&workbook, b"workbookPr")?
        .iter()
        .filter_map(|e| attr(e, b"date1904"))
        .next_back()
        .is_some_and(|v| v == "1" || v == "true");
    let mut sheets = Vec::new();
    for e in elements(&workbook, b"sheet")? {
        let id = attr_local(e, b"id")?;
        let rel = rels.iter().find(|r| attr(r, b"Id") == Some(id))?;
        let target = attr(rel, b"Target")?;
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let hidden = match attrs(e).find(|(k, _)| *k == b"state").map(|(_, v)| v) {
            None | Some(b"visible") => Some(false),
            Some(b"hidden" | b"veryHidden") => Some(true),
            Some(_) => None,
        };
        sheets.push(Listed {
            name: attr_unescaped(e, b"name")?,
            path,
            kind: attr(rel, b"Type")?.rsplit('/').next()?.to_string(),
            hidden,
        });
    }
    Some((sheets, is_1904))
}

/// What one sheet's XML holds besides its cells.
#[derive(Debug, PartialEq)]
pub(super) struct SheetScan {
    /// The merged areas, as calamine's `merge_cells_by_sheet_name` gives them; `None` where the
    /// search cannot be sure (see the module documentation).
    pub merges: Option<Vec<Dimensions>>,
    /// Whether any formula element (`<f>`, `<f …>`, prefixed `<x:f>`) may stand in the sheet.
    pub formulas: bool,
}

impl<'a> XlsxParts<'a> {
    /// The worksheet parts of `bytes`, when the workbook names exactly the sheets `names` (the
    /// ones calamine found), in that order, at parts that exist.
    pub fn new(bytes: &'a [u8], names: &[String]) -> Option<Self> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
        let (listed, _) = listed_sheets(&mut zip)?;
        let mut sheets = Vec::new();
        for sheet in listed {
            zip.index_for_name(&sheet.path)?;
            sheets.push((sheet.name, sheet.path));
        }
        let same = sheets.len() == names.len() && sheets.iter().zip(names).all(|(s, n)| s.0 == *n);
        same.then_some(XlsxParts {
            zip,
            sheets,
            xml: Vec::new(),
        })
    }

    /// Unzips the XML of sheet `name` once and searches it as it streams by; `None` when it
    /// cannot be read (calamine then reads it and says what is wrong).
    pub fn scan(&mut self, name: &str) -> Option<SheetScan> {
        let (_, path) = self.sheets.iter().find(|(n, _)| n == name)?;
        // Bounded: the archive's reader stops at the size the archive declares for the part,
        // and check_zip has held that size to the limits.
        let mut part = self.zip.by_name(path).ok()?;
        let mut search = Search::default();
        // One buffer for the workbook, zeroed once: `buf[..filled]` is what waits to be searched.
        let buf = &mut self.xml;
        buf.resize(CHUNK + MAX_CARRY, 0);
        let mut filled = 0;
        loop {
            let n = part.read(&mut buf[filled..]).ok()?;
            if n == 0 {
                search.feed(&buf[..filled]);
                break;
            }
            filled += n;
            // Every element searched for starts at a `<` and ends before the next one: what
            // follows the last `<` waits for the next read.
            let whole = memchr::memrchr(b'<', &buf[..filled]).unwrap_or(filled);
            search.feed(&buf[..whole]);
            buf.copy_within(whole..filled, 0);
            filled -= whole;
            if filled > MAX_CARRY {
                // One tag or text longer than any merge element: give up searching, surely.
                search.unsure();
                filled = 0;
            }
        }
        Some(search.finish())
    }
}

/// How much of a sheet's XML is unzipped at a time, at least.
const CHUNK: usize = 32 << 10;
/// The most kept back between reads: from the last `<` read on.
const MAX_CARRY: usize = 64 << 10;

/// The search of one sheet's XML, fed a run of whole elements at a time.
pub(super) struct Search {
    merges: Option<Vec<Dimensions>>,
    block: Block,
    formulas: bool,
}

impl Default for Search {
    fn default() -> Self {
        Search {
            merges: Some(Vec::new()),
            block: Block::Before,
            formulas: false,
        }
    }
}

impl Search {
    pub(super) fn feed(&mut self, xml: &[u8]) {
        self.formulas = self.formulas || has_formula(xml);
        if let Some(found) = &mut self.merges
            && !merges(xml, &mut self.block, found)
        {
            self.merges = None;
        }
    }

    /// What was not searched may hold anything.
    fn unsure(&mut self) {
        self.merges = None;
        self.formulas = true;
    }

    pub(super) fn finish(self) -> SheetScan {
        SheetScan {
            merges: self.merges.filter(|_| self.block != Block::Inside),
            formulas: self.formulas,
        }
    }
}

/// Whether `xml` may hold a formula element: `f` after `<` or a prefix's `:`, then `>`, `/` or
/// whitespace. A false alarm only costs calamine's formula pass.
fn has_formula(xml: &[u8]) -> bool {
    [&*FORMULA, &*PREFIXED_FORMULA].iter().any(|finder| {
        finder.find_iter(xml).any(|i| {
            xml.get(i + 2)
                .is_some_and(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'))
        })
    })
}

/// The searchers, built once: building one costs more than searching a small sheet.
static FORMULA: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"<f"));
static PREFIXED_FORMULA: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b":f"));
static MERGE_CELL: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"mergeCell"));
static DECLARATION: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"<!"));

/// Adds to `found` the `ref` of every `mergeCell` of the sheet's `mergeCells` block in `xml`
/// (whole elements), in order; `false` where the search cannot be sure.
fn merges(xml: &[u8], block: &mut Block, found: &mut Vec<Dimensions>) -> bool {
    if DECLARATION.find(xml).is_some() {
        return false; // a comment or CDATA could hide or fake an element
    }
    for at in MERGE_CELL.find_iter(xml) {
        let Some(tag) = tag_at(xml, at) else {
            continue;
        };
        let plural = xml.get(at + 9) == Some(&b's');
        let name_end = at + 9 + usize::from(plural);
        if !xml
            .get(name_end)
            .is_some_and(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'))
        {
            continue; // a longer name, such as `mergeCellsX`
        }
        let Some(end) = memchr::memchr(b'>', &xml[name_end..]).map(|i| name_end + i) else {
            return false;
        };
        let element = &xml[tag.start..=end];
        match (plural, tag.closing, *block) {
            (true, false, Block::Before) => {
                *block = if element.ends_with(b"/>") {
                    Block::After
                } else {
                    Block::Inside
                };
            }
            (true, true, Block::Inside) => *block = Block::After,
            (true, _, _) => return false, // a second block, or a stray end tag
            (false, false, Block::Inside) => {
                if attrs(element).any(|(k, _)| k == b"ref") {
                    match attr(element, b"ref").and_then(dimensions) {
                        Some(d) => found.push(d),
                        None => return false,
                    }
                }
            }
            (false, _, _) => {} // calamine reads no mergeCell outside the block
        }
    }
    true
}

#[derive(Clone, Copy, PartialEq)]
enum Block {
    Before,
    Inside,
    After,
}

/// A tag whose element name (after an optional prefix) starts at `at`.
struct Tag {
    /// Where its `<` is.
    start: usize,
    /// `</name`.
    closing: bool,
}

/// The tag around a name starting at `at`, if `at` is the start of an element name: right
/// after `<` or `</`, or after `prefix:` that follows one of them.
fn tag_at(xml: &[u8], at: usize) -> Option<Tag> {
    let mut i = at.checked_sub(1)?;
    if xml[i] == b':' {
        while i > 0
            && (xml[i - 1].is_ascii_alphanumeric() || matches!(xml[i - 1], b'_' | b'-' | b'.'))
        {
            i -= 1;
        }
        i = i.checked_sub(1)?;
    }
    match xml[i] {
        b'<' => Some(Tag {
            start: i,
            closing: false,
        }),
        b'/' if i > 0 && xml[i - 1] == b'<' => Some(Tag {
            start: i - 1,
            closing: true,
        }),
        _ => None,
    }
}

/// Every start tag named `name` (any prefix) in a small XML part: `<name …>` as its bytes;
/// `None` for a part with a comment, CDATA or DOCTYPE.
pub(super) fn elements<'x>(xml: &'x [u8], name: &[u8]) -> Option<Vec<&'x [u8]>> {
    if memmem::find(xml, b"<!").is_some() {
        return None;
    }
    let mut out = Vec::new();
    for at in memmem::find_iter(xml, name) {
        let Some(tag) = tag_at(xml, at) else {
            continue;
        };
        let after = at + name.len();
        if tag.closing
            || !xml
                .get(after)
                .is_some_and(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'))
        {
            continue;
        }
        let end = after + memchr::memchr(b'>', &xml[after..])?;
        out.push(&xml[tag.start..=end]);
    }
    Some(out)
}

/// The value of attribute `key` (exactly, prefix included) of a start tag, as written; `None`
/// also when it holds an entity (calamine takes such values raw, as no reader here would).
pub(super) fn attr<'x>(tag: &'x [u8], key: &[u8]) -> Option<&'x str> {
    let (_, v) = attrs(tag).find(|(k, _)| *k == key)?;
    std::str::from_utf8(v).ok().filter(|v| !v.contains('&'))
}

/// The value of the attribute whose local name is `key` (`r:id` for `id`), as written.
pub(super) fn attr_local<'x>(tag: &'x [u8], key: &[u8]) -> Option<&'x str> {
    let (_, v) = attrs(tag).find(|(k, _)| k.rsplit(|&b| b == b':').next() == Some(key))?;
    std::str::from_utf8(v).ok().filter(|v| !v.contains('&'))
}

/// The value of attribute `key`, with the five XML entities and character references replaced.
pub(super) fn attr_unescaped(tag: &[u8], key: &[u8]) -> Option<String> {
    let (_, v) = attrs(tag).find(|(k, _)| *k == key)?;
    unescape(v)
}

/// `(name, raw value)` of each attribute of a start tag `<name a="1" b='2'>`.
pub(super) fn attrs(tag: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let body = tag
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .map_or(&tag[..0], |i| &tag[i..]);
    let mut rest = body;
    std::iter::from_fn(move || {
        let eq = memchr::memchr(b'=', rest)?;
        let key = rest[..eq].trim_ascii();
        let after = rest[eq + 1..].trim_ascii_start();
        let quote = *after.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let len = memchr::memchr(quote, &after[1..])?;
        let value = &after[1..1 + len];
        rest = &after[len + 2..];
        Some((key, value))
    })
}

/// An attribute value with the five XML entities and character references replaced.
pub(super) fn unescape(raw: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(raw).ok()?;
    if !s.contains('&') {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';')? + i;
        let entity = &rest[i + 1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = match entity.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => entity.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// `A1:H1` (or `A1`) as calamine reads a merge reference; `None` for anything else, which
/// calamine then reads (or refuses) itself.
pub(super) fn dimensions(r: &str) -> Option<Dimensions> {
    let (first, last) = match r.split_once(':') {
        Some((a, b)) => (cell(a.as_bytes())?, cell(b.as_bytes())?),
        None => (cell(r.as_bytes())?, cell(r.as_bytes())?),
    };
    Some(Dimensions {
        start: first,
        end: last,
    })
}

/// `C7` → `(6, 2)`: one to three letters, then a row number of at most seven digits.
pub(super) fn cell(a1: &[u8]) -> Option<(u32, u32)> {
    let letters = a1.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let digits = &a1[letters..];
    if !(1..=3).contains(&letters) || !(1..=7).contains(&digits.len()) {
        return None;
    }
    let col = a1[..letters].iter().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = digits.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })?;
    Some((row.checked_sub(1)?, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Reader;

    /// On every sheet of the real forms, the search finds the merges calamine's parser finds.
    #[test]
    fn merges_found_by_search_are_calamines() {
        let mut sheets = 0;
        let mut merged = 0;
        for file in [
            "baoshan-2024-declarations.xlsx",
            "blank-declaration.xlsx",
            "blank-self-evaluation.xlsx",
            "xining-2020-legacy.xlsx",
            "xinjiang-2023-self-evaluations.xlsx",
            "xinjiang-2026-declarations.xlsx",
            "xizang-2024-declarations.xlsx",
            "other-layouts/xizang-2024-declarations.6col.xlsx",
        ] {
            let bytes = std::fs::read(format!("../shared/fixtures/{file}")).unwrap();
            let mut wb = calamine::Xlsx::new(std::io::Cursor::new(&bytes[..])).unwrap();
            let names = wb.sheet_names();
            let mut parts = XlsxParts::new(&bytes, &names).expect(file);
            for name in &names {
                let scan = parts.scan(name).unwrap();
                let expected = wb.merge_cells_by_sheet_name(name).unwrap();
                assert_eq!(scan.merges.as_ref(), Some(&expected), "{file} {name}");
                merged += expected.len();
                sheets += 1;
            }
        }
        assert!(
            sheets > 10 && merged > 100,
            "{sheets} sheets, {merged} merges"
        );
    }

    #[test]
    fn merges_the_search_cannot_be_sure_of_go_to_calamine() {
        let m = |tail: &str| {
            let mut search = Search::default();
            search.feed(format!("<worksheet><sheetData/>{tail}</worksheet>").as_bytes());
            search.finish().merges
        };
        let d = |a: (u32, u32), b: (u32, u32)| Dimensions { start: a, end: b };
        assert_eq!(
            m(
                r#"<mergeCells count="2"><mergeCell ref="A1:H1"/><x:mergeCell ref='b2'/></mergeCells>"#
            ),
            Some(vec![d((0, 0), (0, 7)), d((1, 1), (1, 1))])
        );
        assert_eq!(m("<mergeCells/>"), Some(vec![]));
        assert_eq!(m(""), Some(vec![]));
        // Outside the block calamine reads none.
        assert_eq!(m(r#"<mergeCell ref="A1:B1"/>"#), Some(vec![]));
        for unsure in [
            r#"<mergeCells><!-- <mergeCell ref="A1:B1"/> --></mergeCells>"#,
            r#"<mergeCells><mergeCell ref="A1:B1"/>"#,
            r#"<mergeCells></mergeCells><mergeCells></mergeCells>"#,
            r#"<mergeCells><mergeCell ref="A1:B1:C1"/></mergeCells>"#,
            r#"<mergeCells><mergeCell ref="A0:B1"/></mergeCells>"#,
            r#"<mergeCells><mergeCell ref="AAAA1:B1"/></mergeCells>"#,
            r#"<mergeCells><mergeCell ref="A&#49;:B1"/></mergeCells>"#,
        ] {
            assert_eq!(m(unsure), None, "{unsure}");
        }
    }

    #[test]
    fn formulas_are_noticed_with_or_without_a_prefix() {
        assert!(has_formula(b"<c r=\"A1\"><f>SUM(B1:B2)</f><v>3</v></c>"));
        assert!(has_formula(
            b"<x:c r=\"A1\"><x:f t=\"shared\" si=\"0\"/></x:c>"
        ));
        assert!(!has_formula(b"<c r=\"A1\" t=\"s\"><v>3</v></c><font/>"));
    }
}

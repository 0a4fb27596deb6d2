//! PDF → [`Grid`]s: the ruled tables of a printed form, rebuilt as cells and merged areas so the
//! workbook readers read them unchanged.
//!
//! ```text
//! bytes ─pdfplumber→ characters + ruled tables per page ─stack, cut at titles→ one Grid per form
//! ```
//!
//! - Each ruled table's cell boxes give the rows, the columns and the merged areas; a cell's text
//!   is rebuilt from its characters, with the lines a narrow column wrapped joined again (a line
//!   that ended before the cell's edge, with room for the next word, was a real line break).
//! - Text outside the tables (the title, `（2026年度）`) becomes rows of its own, placed in the
//!   column its left edge stands in.
//! - The pages are stacked and cut at every form title, so a form split across pages is one grid
//!   (a header row the printer repeated at the top of the next page is dropped, as are page
//!   numbers); a grid's sheet name is its page, `第3页` or `第3–4页`, and its cells are named in
//!   A1 notation counted from the title row, as in the workbook the form was printed from.
//! - Kangxi-radical lookalikes (`⽬` U+2F6C) become the ideograph they look like (`目`); nothing
//!   else is normalised (NFKC would turn the forms' full-width `（）：` into ASCII).
//!
//! Refused with a clear error, never read as garbage: a scanned PDF (images, no text layer),
//! a PDF with no ruled table (reading forms by text position alone is not supported), text a font
//! gives no Unicode for, an encrypted PDF, and inputs past the limits below. pdfplumber is run
//! under `catch_unwind`: a panic inside it is an error for this file, not a crash.

mod lookalikes;

use crate::a1::Area;
use crate::diag::{Error, Result};
use crate::grid::{Cell, Grid};
use crate::msg::pdf as msg;
use pdfplumber::{
    Edge, ExplicitLines, ExtractOptions, Orientation, Pdf, PdfErrorKind, Strategy, TableSettings,
};
use std::collections::BTreeSet;

/// The largest PDF read, in bytes.
pub const MAX_BYTES: usize = 64 << 20;
/// The most pages read.
pub const MAX_PAGES: usize = 500;
/// The most drawn lines and rectangles on one page: table finding is quadratic in them.
pub const MAX_EDGES_PER_PAGE: usize = 20_000;
/// The most characters on one page.
pub const MAX_CHARS_PER_PAGE: usize = 100_000;

/// Whether `bytes` is a PDF: `%PDF-` within the first KiB, where readers look for it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Reads every form-shaped table of a PDF into grids, one per form (see the module doc).
/// `name` is the file name as the user gave it, used in the grids and in messages.
///
/// # Errors
/// [`Error::Unreadable`] for a damaged or encrypted PDF, a scanned one (no text layer), one with
/// no ruled table, text that cannot be decoded, or a file past [`MAX_BYTES`], [`MAX_PAGES`],
/// [`MAX_EDGES_PER_PAGE`] or [`MAX_CHARS_PER_PAGE`].
pub fn grids_from_pdf(bytes: &[u8], name: &str) -> Result<Vec<Grid>> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::unreadable(
            name,
            msg::too_large(bytes.len() >> 20, MAX_BYTES >> 20),
        ));
    }
    if !is_pdf(bytes) {
        return Err(Error::unreadable(name, msg::not_pdf()));
    }
    let pages = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(bytes, name)))
        .map_err(|_| {
        Error::unreadable(name, msg::crashed()).with_hint(msg::damaged_hint())
    })??;
    Ok(assemble(name, pages))
}

// ---------------------------------------------------------------------------------------------
// Stage 1: pages → text lines and tables, in page coordinates.

/// One piece of text on a line outside the tables.
#[derive(Debug, Clone)]
struct Segment {
    x0: f64,
    text: String,
}

/// A ruled table: its cells' boxes and texts.
#[derive(Debug, Clone)]
struct Table {
    cells: Vec<PCell>,
}

#[derive(Debug, Clone)]
struct PCell {
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    text: String,
    /// No rule closes the cell's top: at the top of a page, it continues the cell above it on
    /// the previous page (a merged cell or a row the page break cut).
    open_top: bool,
    /// No rule closes the cell's bottom: the page break cut it.
    open_bottom: bool,
}

#[derive(Debug, Clone)]
enum Item {
    Line(Vec<Segment>),
    Table(Table),
}

#[derive(Debug, Clone)]
struct Page {
    /// 1-based.
    number: u32,
    /// Items top to bottom; each with its top edge, for ordering.
    items: Vec<Item>,
}

/// A character as placed: folded text and box.
#[derive(Debug, Clone)]
struct Glyph {
    text: String,
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    size: f64,
}

impl Glyph {
    fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    fn cy(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
}

fn extract(bytes: &[u8], name: &str) -> Result<Vec<Page>> {
    let options = ExtractOptions {
        max_input_bytes: Some(MAX_BYTES),
        max_pages: Some(MAX_PAGES),
        max_stream_bytes: 32 << 20,
        max_objects_per_page: 200_000,
        max_total_objects: Some(2_000_000),
        max_total_image_bytes: Some(256 << 20),
        // Some printers draw a glyph twice, a hair apart, to fake bold.
        dedupe: Some(Default::default()),
        ..ExtractOptions::default()
    };
    let pdf = Pdf::open_bytes(bytes, Some(options)).map_err(|e| open_error(name, e))?;
    let count = pdf.page_count();
    if count > MAX_PAGES {
        return Err(
            Error::unreadable(name, msg::too_many_pages(count, MAX_PAGES))
                .with_hint(msg::too_many_pages_hint()),
        );
    }
    let undecodable_fonts = fonts_without_unicode(bytes);
    let mut pages = Vec::new();
    let mut scanned = Vec::new();
    let mut any_text = false;
    let mut any_table = false;
    for i in 0..count {
        let number = i as u32 + 1;
        let page = pdf
            .page(i)
            .map_err(|e| Error::unreadable(name, msg::page_unreadable(number, &e)).because(e))?;
        let edges = page.lines().len() + page.rects().len() + page.curves().len();
        if edges > MAX_EDGES_PER_PAGE {
            return Err(Error::unreadable(
                name,
                msg::too_many_edges(number, edges, MAX_EDGES_PER_PAGE),
            ));
        }
        if page.chars().len() > MAX_CHARS_PER_PAGE {
            return Err(Error::unreadable(
                name,
                msg::too_many_chars(number, page.chars().len(), MAX_CHARS_PER_PAGE),
            ));
        }
        let mut glyphs = Vec::with_capacity(page.chars().len());
        for ch in page.chars() {
            // pdfplumber names such a font `unknown` at times: with one in the file, an
            // unnamed font is taken for it.
            if let Some((font, encoding)) = undecodable_fonts
                .iter()
                .find(|(base, _)| font_matches(&ch.fontname, base) || ch.fontname == "unknown")
            {
                return Err(Error::unreadable(
                    name,
                    msg::font_without_unicode(number, font, encoding),
                )
                .with_hint(msg::undecodable_hint()));
            }
            let text = fold(&ch.text);
            if let Some(bad) = text.chars().find(|&c| is_undecodable(c)) {
                return Err(Error::unreadable(
                    name,
                    msg::undecodable(number, &ch.fontname, format!("U+{:04X}", bad as u32)),
                )
                .with_hint(msg::undecodable_hint()));
            }
            // Spaces are kept: they are text (`不少于 20 次`), narrower than any gap rule.
            let text = if text.trim().is_empty() {
                " ".to_string()
            } else {
                text
            };
            glyphs.push(Glyph {
                text,
                x0: ch.bbox.x0,
                x1: ch.bbox.x1,
                top: ch.bbox.top,
                bottom: ch.bbox.bottom,
                size: ch.size.max(1.0),
            });
        }
        if glyphs.iter().all(|g| g.text == " ") {
            if !page.images().is_empty() {
                scanned.push(number);
            }
            continue;
        }
        any_text = true;
        // A row split by a page break has no rule where the page cuts it: close it there.
        let edges = page.edges();
        let (open_top, open_bottom) = open_ends(&edges);
        let settings = TableSettings {
            strategy: Strategy::Lattice,
            explicit_lines: (open_top.is_some() || open_bottom.is_some()).then(|| ExplicitLines {
                horizontal_lines: open_top.into_iter().chain(open_bottom).collect(),
                vertical_lines: Vec::new(),
            }),
            ..TableSettings::default()
        };
        let tables: Vec<Table> = page
            .find_tables(&settings)
            .into_iter()
            .filter(|t| t.cells.len() >= 2)
            .map(|t| Table {
                cells: t
                    .cells
                    .iter()
                    .map(|c| PCell {
                        x0: c.bbox.x0,
                        x1: c.bbox.x1,
                        top: c.bbox.top,
                        bottom: c.bbox.bottom,
                        text: String::new(),
                        open_top: !ruled(&edges, c.bbox.top, c.bbox.x0, c.bbox.x1, 0.9),
                        open_bottom: !ruled(&edges, c.bbox.bottom, c.bbox.x0, c.bbox.x1, 0.9),
                    })
                    .collect(),
            })
            .collect();
        any_table |= !tables.is_empty();
        pages.push(layout_page(number, page.height(), glyphs, tables));
    }
    if !scanned.is_empty() {
        let message = if any_text {
            let list: Vec<String> = scanned.iter().map(msg::page).collect();
            msg::scanned_pages(list.join("、"))
        } else {
            msg::scanned()
        };
        return Err(Error::unreadable(name, message).with_hint(msg::scanned_hint()));
    }
    if !any_text {
        return Err(Error::unreadable(name, msg::no_text()));
    }
    if !any_table {
        return Err(
            Error::unreadable(name, msg::no_ruled_table()).with_hint(msg::no_ruled_table_hint())
        );
    }
    Ok(pages)
}

/// Whether horizontal rules at `y` cover at least `share` of `x0..x1`.
fn ruled(edges: &[Edge], y: f64, x0: f64, x1: f64, share: f64) -> bool {
    let covered: f64 = edges
        .iter()
        .filter(|e| e.orientation == Orientation::Horizontal && (e.top - y).abs() <= SNAP)
        .map(|e| (e.x1.min(x1) - e.x0.max(x0)).max(0.0))
        .sum();
    covered >= (x1 - x0) * share
}

/// Where the page's ruling runs off unclosed, in part or in whole: the top of the highest
/// vertical rule and the bottom of the lowest, when no horizontal rule spans the table there.
fn open_ends(edges: &[Edge]) -> (Option<f64>, Option<f64>) {
    let vertical: Vec<&Edge> = edges
        .iter()
        .filter(|e| e.orientation == Orientation::Vertical && e.bottom - e.top >= SNAP)
        .collect();
    let left = vertical.iter().map(|e| e.x0).min_by(f64::total_cmp);
    let right = vertical.iter().map(|e| e.x0).max_by(f64::total_cmp);
    let (Some(left), Some(right)) = (left, right) else {
        return (None, None);
    };
    let top = vertical.iter().map(|e| e.top).min_by(f64::total_cmp);
    let bottom = vertical.iter().map(|e| e.bottom).max_by(f64::total_cmp);
    let open = |y: &f64| !ruled(edges, *y, left, right, 0.99);
    (top.filter(open), bottom.filter(open))
}

fn open_error(name: &str, e: pdfplumber::PdfError) -> Error {
    let error = match e.kind() {
        PdfErrorKind::PasswordRequired | PdfErrorKind::InvalidPassword => {
            Error::unreadable(name, msg::encrypted()).with_hint(msg::encrypted_hint())
        }
        PdfErrorKind::ResourceLimit => Error::unreadable(name, msg::limit(&e)),
        _ => Error::unreadable(name, msg::damaged(&e)).with_hint(msg::damaged_hint()),
    };
    error.because(e)
}

/// Kangxi radicals and CJK radical supplements that some fonts' ToUnicode maps give for the
/// ideographs they look like; see the `lookalikes` module.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            if ('\u{2E80}'..='\u{2FDF}').contains(&c) {
                lookalikes::LOOKALIKES
                    .binary_search_by_key(&c, |&(r, _)| r)
                    .map(|i| lookalikes::LOOKALIKES[i].1)
                    .unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// A character no text of a form holds, which a font without a usable Unicode map produces:
/// the replacement character, C0/C1 controls, and the private use area.
fn is_undecodable(c: char) -> bool {
    c == '\u{FFFD}'
        || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// `ABCDEF+STSong-Light` is the subset of `STSong-Light`.
fn font_matches(used: &str, base: &str) -> bool {
    used == base || used.split_once('+').is_some_and(|(_, b)| b == base)
}

/// Fonts whose predefined CMap pdfplumber decodes wrongly and that carry no ToUnicode map to
/// correct it: `(BaseFont, Encoding)`. The Unicode-keyed CMaps (`UniGB-UCS2-H`, …) are read as
/// GBK by pdfplumber 0.4.1, which gives other, real-looking characters: refused, not guessed.
fn fonts_without_unicode(bytes: &[u8]) -> Vec<(String, String)> {
    let Ok(doc) = lopdf::Document::load_mem(bytes) else {
        return Vec::new();
    };
    let mut found = BTreeSet::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let is_type0 = dict
            .get(b"Subtype")
            .and_then(|s| s.as_name())
            .is_ok_and(|n| n == b"Type0");
        if !is_type0 || dict.has(b"ToUnicode") {
            continue;
        }
        let Ok(encoding) = dict.get(b"Encoding").and_then(|e| e.as_name()) else {
            continue;
        };
        let encoding = String::from_utf8_lossy(encoding).into_owned();
        let unicode_keyed = encoding.starts_with("Uni")
            && (encoding.contains("-UCS2-") || encoding.contains("-UTF16-"));
        if unicode_keyed {
            let base = dict
                .get(b"BaseFont")
                .and_then(|b| b.as_name())
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default();
            found.insert((base, encoding));
        }
    }
    found.into_iter().collect()
}

/// Places the glyphs of one page: those inside a table's cells become the cells' texts, the
/// others lines of text; items ordered top to bottom.
fn layout_page(number: u32, height: f64, glyphs: Vec<Glyph>, mut tables: Vec<Table>) -> Page {
    let mut outside = Vec::new();
    let mut in_cell: Vec<Vec<Vec<Glyph>>> = tables
        .iter()
        .map(|t| vec![Vec::new(); t.cells.len()])
        .collect();
    'glyph: for g in glyphs {
        let (x, y) = (g.cx(), g.cy());
        for (ti, t) in tables.iter().enumerate() {
            for (ci, c) in t.cells.iter().enumerate() {
                if x >= c.x0 && x <= c.x1 && y >= c.top && y <= c.bottom {
                    in_cell[ti][ci].push(g);
                    continue 'glyph;
                }
            }
        }
        outside.push(g);
    }
    for (t, glyphs) in tables.iter_mut().zip(in_cell) {
        for (c, g) in t.cells.iter_mut().zip(glyphs) {
            c.text = cell_text(g, c.x1 - c.x0);
        }
    }
    let mut placed: Vec<(f64, Item)> = Vec::new();
    for line in lines(outside) {
        let top = line.iter().map(|g| g.top).fold(f64::MAX, f64::min);
        let bottom = line.iter().map(|g| g.bottom).fold(f64::MIN, f64::max);
        let segments = segments(&line);
        if segments.is_empty() {
            continue;
        }
        let text: String = segments.iter().map(|s| s.text.as_str()).collect();
        // Page furniture: a page number at the top or bottom edge of the page.
        let at_edge = bottom < height * 0.1 || top > height * 0.9;
        if at_edge && is_page_number(&text) {
            continue;
        }
        placed.push((top, Item::Line(segments)));
    }
    for t in tables {
        let top = t.cells.iter().map(|c| c.top).fold(f64::MAX, f64::min);
        placed.push((top, Item::Table(t)));
    }
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    Page {
        number,
        items: placed.into_iter().map(|(_, i)| i).collect(),
    }
}

/// `3`, `- 3 -`, `第3页`, `第 3 页 共 10 页`, `3/10`, `Page 3 of 10`.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '–' | '—' | '－'));
    let digits_only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits_only(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits_only(a) && digits_only(b);
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        return rest.split("of").all(digits_only);
    }
    if let Some(rest) = t.strip_prefix('第') {
        let rest = rest.trim_end_matches('页');
        return match rest.split_once("页共") {
            Some((a, b)) => digits_only(a) && digits_only(b),
            None => digits_only(rest),
        };
    }
    false
}

/// Groups glyphs into lines, top to bottom, each left to right: a glyph joins a line when its
/// middle lies within the line's height.
fn lines(mut glyphs: Vec<Glyph>) -> Vec<Vec<Glyph>> {
    glyphs.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<(f64, f64, Vec<Glyph>)> = Vec::new();
    for g in glyphs {
        let y = g.cy();
        match lines
            .iter_mut()
            .rev()
            .take(3)
            .find(|(top, bottom, _)| y >= *top && y <= *bottom)
        {
            Some(line) => {
                line.0 = line.0.min(g.top);
                line.1 = line.1.max(g.bottom);
                line.2.push(g);
            }
            None => lines.push((g.top, g.bottom, vec![g])),
        }
    }
    lines
        .into_iter()
        .map(|(_, _, mut l)| {
            l.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            l
        })
        .collect()
}

/// The text of one line: a space where the gap between two glyphs is wider than a third of
/// the font size (where the PDF drew no space glyph of its own).
fn line_text(line: &[Glyph]) -> String {
    let mut text = String::new();
    let mut prev: Option<&Glyph> = None;
    for g in line {
        if let Some(p) = prev
            && g.x0 - p.x1 > p.size.min(g.size) * 0.3
            && !text.ends_with(' ')
            && g.text != " "
        {
            text.push(' ');
        }
        if !(g.text == " " && text.ends_with(' ')) {
            text.push_str(&g.text);
        }
        prev = Some(g);
    }
    text
}

/// A line outside the tables cut where the gap is wider than two characters: the pieces that
/// stood in different cells of the workbook (`项目责任人(签字):` … `单位(盖章):`).
fn segments(line: &[Glyph]) -> Vec<Segment> {
    let mut out: Vec<(f64, Vec<Glyph>)> = Vec::new();
    for g in line {
        match out.last_mut() {
            Some((_, run)) if g.x0 - run.last().map_or(g.x0, |p| p.x1) <= g.size * 2.0 => {
                run.push(g.clone())
            }
            _ => out.push((g.x0, vec![g.clone()])),
        }
    }
    out.into_iter()
        .map(|(x0, run)| Segment {
            x0,
            text: line_text(&run).trim().to_string(),
        })
        .filter(|s| !s.text.is_empty())
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// A cell's text from its glyphs. Lines the printer wrapped are joined again: a line is a real
/// break only when the next line's first glyph would have fitted after it. Lines of Latin
/// text wrapped at a space get that space back.
fn cell_text(glyphs: Vec<Glyph>, width: f64) -> String {
    let lines = lines(glyphs);
    let mut text = String::new();
    let mut prev: Option<&Vec<Glyph>> = None;
    for line in &lines {
        let this = line_text(line);
        let this = this.trim_start();
        if let Some(p) = prev {
            let inked = |g: &&Glyph| g.text != " ";
            let used = p.iter().rev().find(inked).map_or(0.0, |g| g.x1)
                - p.iter().find(inked).map_or(0.0, |g| g.x0);
            let next = line.iter().find(inked).map_or(0.0, |g| g.x1 - g.x0);
            let size = p.first().map_or(10.0, |g| g.size);
            // The printer keeps a margin on both sides: about a fifth of the font size each.
            let fits = used + next + size * 0.5 < width;
            if fits {
                text.truncate(text.trim_end().len());
                text.push('\n');
            } else {
                let last = text.chars().last();
                let first = this.chars().next();
                let latin = |c: Option<char>| c.is_some_and(|c| !is_cjk(c) && c.is_alphanumeric());
                if latin(last) && latin(first) && !text.ends_with(' ') {
                    text.push(' ');
                }
            }
        }
        text.push_str(this);
        prev = Some(line);
    }
    text.trim().to_string()
}

// ---------------------------------------------------------------------------------------------
// Stage 2: pages → grids, one per form.

/// Where an item came from.
struct Placed<'a> {
    page: u32,
    item: &'a Item,
    /// The item is the first on its page.
    first_on_page: bool,
}

fn item_texts(item: &Item) -> Vec<&str> {
    match item {
        Item::Line(segments) => segments.iter().map(|s| s.text.as_str()).collect(),
        Item::Table(t) => {
            let top = t.cells.iter().map(|c| c.top).fold(f64::MAX, f64::min);
            t.cells
                .iter()
                .filter(|c| (c.top - top).abs() < 1.0)
                .map(|c| c.text.as_str())
                .collect()
        }
    }
}

fn is_title(item: &Item) -> bool {
    item_texts(item)
        .iter()
        .any(|t| crate::read::FormKind::of_title(t).is_some())
}

/// Cuts tables at a row holding a title, so that two forms in one ruled table are two forms.
fn split_at_titles(page: &Page) -> Vec<Item> {
    let mut out = Vec::new();
    for item in &page.items {
        let Item::Table(t) = item else {
            out.push(item.clone());
            continue;
        };
        let mut cuts: Vec<f64> = t
            .cells
            .iter()
            .filter(|c| crate::read::FormKind::of_title(&c.text).is_some())
            .map(|c| c.top)
            .collect();
        cuts.sort_by(f64::total_cmp);
        cuts.dedup_by(|a, b| (*a - *b).abs() < 1.0);
        // Each part holds the cells whose top lies between two cuts.
        let mut parts: Vec<Vec<PCell>> = vec![Vec::new(); cuts.len() + 1];
        for c in &t.cells {
            let k = cuts.iter().filter(|&&cut| c.top >= cut - 1.0).count();
            parts[k].push(c.clone());
        }
        out.extend(
            parts
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(|cells| Item::Table(Table { cells })),
        );
    }
    out
}

/// Sorted boundaries, those closer than `tol` made one.
fn cluster(mut xs: Vec<f64>, tol: f64) -> Vec<f64> {
    xs.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in xs {
        match out.last() {
            Some(&last) if x - last <= tol => {}
            _ => out.push(x),
        }
    }
    out
}

fn index_of(bounds: &[f64], x: f64) -> usize {
    bounds
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
        .map_or(0, |(i, _)| i)
}

/// Snap tolerance for cell edges, in points: pdfplumber's own.
const SNAP: f64 = 3.0;

fn assemble(name: &str, pages: Vec<Page>) -> Vec<Grid> {
    let mut placed: Vec<(u32, Item, bool)> = Vec::new();
    for page in &pages {
        for (i, item) in split_at_titles(page).into_iter().enumerate() {
            placed.push((page.number, item, i == 0));
        }
    }
    let placed: Vec<Placed> = placed
        .iter()
        .map(|(page, item, first)| Placed {
            page: *page,
            item,
            first_on_page: *first,
        })
        .collect();
    let mut starts: Vec<usize> = placed
        .iter()
        .enumerate()
        .filter(|(_, p)| is_title(p.item))
        .map(|(i, _)| i)
        .collect();
    // What stands before the first title goes with the first form (the reader reports it).
    if starts.first() != Some(&0) {
        if starts.is_empty() {
            starts.push(0);
        } else {
            starts[0] = 0;
        }
    }
    let mut grids = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(placed.len());
        grids.push(grid_of(name, &placed[start..end]));
    }
    grids
}

/// One form's items as one grid.
fn grid_of(name: &str, items: &[Placed]) -> Grid {
    let first_page = items.first().map_or(1, |p| p.page);
    let last_page = items.last().map_or(1, |p| p.page);
    let sheet = if first_page == last_page {
        format!("第{first_page}页")
    } else {
        format!("第{first_page}–{last_page}页")
    };
    let xs = cluster(
        items
            .iter()
            .filter_map(|p| match p.item {
                Item::Table(t) => Some(t.cells.iter().flat_map(|c| [c.x0, c.x1])),
                _ => None,
            })
            .flatten()
            .collect(),
        SNAP,
    );
    let col_of = |x: f64| -> u32 {
        // The column whose span holds x (text lines), the first when left of every table.
        xs.iter()
            .take(xs.len().saturating_sub(1))
            .rposition(|&b| b <= x + SNAP)
            .unwrap_or(0) as u32
    };
    // Cells as placed, before they go into the grid: a split row may still grow.
    let mut out: Vec<(Area, String)> = Vec::new();
    let mut row: u32 = 0;
    let mut seen_rows: Vec<Vec<String>> = Vec::new();
    // The last grid row of the previous item, when it was a table, and its page.
    let mut table_above: Option<(u32, u32)> = None;
    for p in items {
        match p.item {
            Item::Line(segments) => {
                let mut last_col: Option<u32> = None;
                for s in segments {
                    let mut col = col_of(s.x0);
                    if let Some(l) = last_col
                        && col <= l
                    {
                        // Two pieces in one column: keep them apart in the next one.
                        col = l + 1;
                    }
                    out.push((Area::cell((row, col)), s.text.clone()));
                    last_col = Some(col);
                }
                row += 1;
                table_above = None;
            }
            Item::Table(t) => {
                let ys = cluster(
                    t.cells.iter().flat_map(|c| [c.top, c.bottom]).collect(),
                    SNAP,
                );
                // At the top of a page, cells with no rule above continue the cells above them
                // on the previous page; when all of the first row does, it is a row the page
                // break cut, and it is that row.
                let first_row: Vec<&PCell> = t
                    .cells
                    .iter()
                    .filter(|c| (c.top - ys[0]).abs() <= SNAP)
                    .collect();
                let above = table_above.filter(|&(_, page)| p.first_on_page && page < p.page);
                let continues = above.is_some() && first_row.iter().any(|c| c.open_top);
                let split_row = continues && first_row.iter().all(|c| c.open_top);
                let mut skip_first = false;
                if !continues && p.first_on_page && p.page != first_page {
                    // A header the printer repeated on the next page is no second header.
                    let first = texts_of_row(t, ys[0]);
                    skip_first = first.iter().filter(|s| !s.is_empty()).count() >= 2
                        && seen_rows.contains(&first);
                }
                // A strip of empty cells the page break left below the last full row is no
                // row of the form.
                let last = ys.len().saturating_sub(2);
                let strip: Vec<&PCell> = t
                    .cells
                    .iter()
                    .filter(|c| index_of(&ys, c.top) == last)
                    .collect();
                let drop_strip = last > 0
                    && !strip.is_empty()
                    && strip.iter().all(|c| c.open_bottom && c.text.is_empty());
                // Rows where no cell starts (a merged cell reaching past the others at the page
                // break) are no rows: each row index maps to the last row a cell starts on.
                let mut starts = vec![false; ys.len()];
                for c in &t.cells {
                    let r0 = index_of(&ys, c.top);
                    if !((skip_first && r0 == 0) || (drop_strip && r0 == last)) {
                        starts[r0] = true;
                    }
                }
                let mut kept = Vec::with_capacity(ys.len());
                let mut n: u32 = 0;
                for &s in &starts {
                    n += u32::from(s);
                    kept.push(n.saturating_sub(1));
                }
                let base = match above {
                    Some((last, _)) if split_row => last,
                    _ => row,
                };
                let mut height = 0;
                for c in &t.cells {
                    let top = index_of(&ys, c.top);
                    if (skip_first && top == 0) || (drop_strip && top == last) {
                        continue;
                    }
                    let bottom = index_of(&ys, c.bottom).max(top + 1) - 1;
                    let (r0, r1) = (base + kept[top], base + kept[bottom].max(kept[top]));
                    let c0 = index_of(&xs, c.x0) as u32;
                    let c1 = (index_of(&xs, c.x1) as u32).max(c0 + 1) - 1;
                    height = height.max(r1 + 1 - base);
                    if let Some((last, _)) = above
                        && continues
                        && c.open_top
                        && (c.top - ys[0]).abs() <= SNAP
                    {
                        let upper = out
                            .iter_mut()
                            .find(|(a, _)| a.last.0 == last && a.first.1 == c0 && a.last.1 == c1);
                        if let Some((area, text)) = upper {
                            area.last.0 = r1;
                            *text = join_split(text, &c.text);
                            continue;
                        }
                    }
                    out.push((Area::new((r0, c0), (r1, c1)), c.text.clone()));
                }
                for y in ys.iter().take(ys.len().saturating_sub(1)) {
                    seen_rows.push(texts_of_row(t, *y));
                }
                row = base + height;
                table_above = (height > 0).then(|| (row - 1, p.page));
            }
        }
    }
    let mut grid = Grid::new(name, sheet);
    for (area, text) in out {
        grid.set(area.first, Cell::Text(text));
        grid.merge(area);
    }
    grid
}

/// The two parts of a cell's text the page break split: Latin words keep their space.
fn join_split(upper: &str, lower: &str) -> String {
    if upper.is_empty() || lower.is_empty() {
        return format!("{upper}{lower}");
    }
    let latin = |c: Option<char>| c.is_some_and(|c| !is_cjk(c) && c.is_alphanumeric());
    if latin(upper.chars().last()) && latin(lower.chars().next()) {
        format!("{upper} {lower}")
    } else {
        format!("{upper}{lower}")
    }
}

/// The texts of the cells starting at `top`, left to right.
fn texts_of_row(t: &Table, top: f64) -> Vec<String> {
    let mut cells: Vec<&PCell> = t
        .cells
        .iter()
        .filter(|c| (c.top - top).abs() <= SNAP)
        .collect();
    cells.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    cells.iter().map(|c| c.text.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_radical_lookalikes_and_nothing_else() {
        assert_eq!(fold("项⽬名称"), "项目名称");
        assert_eq!(fold("⺟"), "母");
        // Full-width punctuation stays full-width (NFKC would make it ASCII).
        assert_eq!(fold("项目资金（元）：≥90%"), "项目资金（元）：≥90%");
    }

    #[test]
    fn tells_page_numbers() {
        for t in [
            "3",
            "- 3 -",
            "第3页",
            "第 3 页 共 10 页",
            "3/10",
            "Page 3 of 10",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["（2026年度）", "财政项目支出绩效目标申报表", "3.5", ""] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    fn glyphs(text: &str, x0: f64, top: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x0: x0 + 10.0 * i as f64,
                x1: x0 + 10.0 * (i + 1) as f64,
                top,
                bottom: top + 10.0,
                size: 10.0,
            })
            .collect()
    }

    #[test]
    fn joins_wrapped_lines_and_keeps_real_breaks() {
        // A 60 pt cell: 5 glyphs and margins fill it; the 6th wrapped.
        let mut g = glyphs("项目绩效目", 2.0, 0.0);
        g.extend(glyphs("标", 2.0, 12.0));
        assert_eq!(cell_text(g, 60.0), "项目绩效目标");
        // A short first line with room left: a real break.
        let mut g = glyphs("甲", 2.0, 0.0);
        g.extend(glyphs("乙", 2.0, 12.0));
        assert_eq!(cell_text(g, 60.0), "甲\n乙");
    }

    #[test]
    fn refuses_what_is_not_a_pdf() {
        let e = grids_from_pdf(b"PK\x03\x04", "x.pdf").unwrap_err();
        assert_eq!(e.to_string(), "x.pdf: 不是 PDF 文件（开头没有 %PDF-）");
        let e = grids_from_pdf(b"%PDF-1.4\n garbage", "x.pdf").unwrap_err();
        assert!(e.to_string().starts_with("x.pdf: 无法解析 PDF："), "{e}");
    }

    /// A one-page PDF: a ruled box of two cells, each holding `code` (hex) drawn in a Type0
    /// STSong-Light font with the predefined CMap `encoding` and no ToUnicode map.
    fn predefined_cmap_pdf(encoding: &str, code: &str) -> Vec<u8> {
        let content = format!(
            "0 0 0 RG 1 w 10 10 m 190 10 l S 10 60 m 190 60 l S 10 10 m 10 60 l S \
             100 10 m 100 60 l S 190 10 m 190 60 l S \
             BT /F1 12 Tf 20 30 Td <{code}> Tj ET BT /F1 12 Tf 110 30 Td <{code}> Tj ET"
        );
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] \
             /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>"
                .to_string(),
            format!(
                "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{encoding} \
                 /DescendantFonts [5 0 R] >>"
            ),
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> >>"
                .to_string(),
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            ),
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
        }
        let xref = pdf.len();
        pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for off in offsets {
            pdf.extend(format!("{off:010} 00000 n \n").bytes());
        }
        pdf.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .bytes(),
        );
        pdf
    }

    #[test]
    fn gbk_euc_h_decodes_and_unicode_keyed_cmaps_without_tounicode_are_refused() {
        // 目 is C4BF in GBK and 76EE in UCS-2.
        let grids = grids_from_pdf(&predefined_cmap_pdf("GBK-EUC-H", "C4BF"), "gbk.pdf").unwrap();
        assert_eq!(grids[0].text((0, 0)), "目");
        assert_eq!(grids[0].text((0, 1)), "目");
        let e = grids_from_pdf(&predefined_cmap_pdf("UniGB-UCS2-H", "76EE"), "ucs2.pdf")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(
                "ucs2.pdf: 第1页：字体 STSong-Light 使用预定义编码 UniGB-UCS2-H 且没有 ToUnicode 映射"
            ),
            "{e}"
        );
    }

    #[test]
    fn a_damaged_or_truncated_pdf_is_an_error_not_a_panic() {
        let good = predefined_cmap_pdf("GBK-EUC-H", "C4BF");
        for cut in [20, good.len() / 2, good.len() - 30] {
            let r = grids_from_pdf(&good[..cut], "cut.pdf");
            if let Err(e) = r {
                assert!(e.to_string().starts_with("cut.pdf: "), "{e}");
            }
        }
        let mut garbage = b"%PDF-1.7\n".to_vec();
        garbage.extend((0..5000u32).map(|i| (i.wrapping_mul(2654435761) >> 24) as u8));
        assert!(grids_from_pdf(&garbage, "g.pdf").is_err());
    }
}

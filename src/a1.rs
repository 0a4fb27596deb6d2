//! Cell coordinates: [`Pos`], [`Area`] and A1 names (`C7`, `C7:D8`).
//!
//! Coordinates are `(row, col)`, 0-based and absolute; A1 notation appears only through
//! [`cell_name`], [`parse_area`] and [`Area`]'s `Display`. No file format is known here, so
//! layouts, readers and writers name cells without depending on the workbook adapter.

use std::fmt;

/// A cell position, `(row, col)`, 0-based.
pub type Pos = (u32, u32);

/// `C7` for `(6, 2)`.
pub fn cell_name(pos: Pos) -> String {
    CellName::new(pos).as_str().to_string()
}

/// `A`, …, `Z`, `AA`, … for 0, …
pub fn column_name(col: u32) -> String {
    let name = CellName::new((0, col));
    name.as_str()[..name.letters].to_string()
}

/// A cell's A1 name, written on the stack: every field read records where it came from, so
/// names are made by the ten thousand.
struct CellName {
    /// Right-aligned: `buf[start..]` is the name.
    buf: [u8; 20],
    start: usize,
    /// How many of the name's bytes are column letters.
    letters: usize,
}

impl CellName {
    fn new((row, col): Pos) -> Self {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        // At most 10 digits (u32::MAX + 1) and 7 letters: within the 20 bytes.
        let mut n = u64::from(row) + 1;
        while n > 0 {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        let digits = i;
        let mut n = u64::from(col) + 1;
        while n > 0 {
            i -= 1;
            buf[i] = b'A' + ((n - 1) % 26) as u8;
            n = (n - 1) / 26;
        }
        CellName {
            buf,
            start: i,
            letters: digits - i,
        }
    }

    /// Appends the name, ASCII letters and digits, to `s`.
    fn push_to(&self, s: &mut String) {
        s.extend(self.buf[self.start..].iter().map(|&b| char::from(b)));
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[self.start..]).expect("ASCII")
    }
}

/// A rectangle of cells, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Area {
    /// The top-left cell.
    pub first: Pos,
    /// The bottom-right cell.
    pub last: Pos,
}

impl Area {
    /// The rectangle from `first` (top left) to `last` (bottom right).
    pub fn new(first: Pos, last: Pos) -> Self {
        Area { first, last }
    }

    /// The one cell at `pos`.
    pub fn cell(pos: Pos) -> Self {
        Area::new(pos, pos)
    }

    /// Whether `(row, col)` lies in the rectangle.
    pub fn contains(&self, (r, c): Pos) -> bool {
        (self.first.0..=self.last.0).contains(&r) && (self.first.1..=self.last.1).contains(&c)
    }

    /// Whether the rectangle is a single cell.
    pub fn is_single(&self) -> bool {
        self.first == self.last
    }

    /// The A1 name (`C7`, `C7:D8`), as `to_string` gives it, written without the formatting
    /// machinery into one allocation: every field a form reader takes records its area so.
    pub fn name(&self) -> String {
        let mut s = String::with_capacity(16);
        CellName::new(self.first).push_to(&mut s);
        if !self.is_single() {
            s.push(':');
            CellName::new(self.last).push_to(&mut s);
        }
        s
    }
}

impl fmt::Display for Area {
    /// One write of the whole name: `to_string` then allocates once, at the right size (every
    /// field read records its area so).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = CellName::new(self.first);
        if self.is_single() {
            return f.write_str(first.as_str());
        }
        let last = CellName::new(self.last);
        let mut buf = [0u8; 41];
        let (a, b) = (first.as_str().as_bytes(), last.as_str().as_bytes());
        buf[..a.len()].copy_from_slice(a);
        buf[a.len()] = b':';
        buf[a.len() + 1..a.len() + 1 + b.len()].copy_from_slice(b);
        let name = &buf[..a.len() + 1 + b.len()];
        f.write_str(std::str::from_utf8(name).expect("ASCII"))
    }
}

/// Parses A1 notation (`C7`, `C7:D8`) into an [`Area`].
///
/// The layout describes positions as text so that they read like the DOMAIN tables; writers
/// turn them into coordinates here. `None` when the text is not a cell or a range.
pub fn parse_area(a1: &str) -> Option<Area> {
    let (first, last) = match a1.split_once(':') {
        Some((a, b)) => (parse_cell(a)?, parse_cell(b)?),
        None => {
            let p = parse_cell(a1)?;
            (p, p)
        }
    };
    (first.0 <= last.0 && first.1 <= last.1).then(|| Area::new(first, last))
}

fn parse_cell(a1: &str) -> Option<Pos> {
    let split = a1.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = a1.split_at(split);
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let col = letters.bytes().try_fold(0u32, |n, b| {
        n.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1)
    })?;
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells() {
        assert_eq!(cell_name((6, 2)), "C7");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(Area::new((0, 0), (0, 7)).to_string(), "A1:H1");
        assert_eq!(column_name(16_383), "XFD");
        assert_eq!(cell_name((1_048_575, 16_383)), "XFD1048576");
        assert_eq!(cell_name((u32::MAX, u32::MAX)), "MWLQKWV4294967296");
        assert_eq!(Area::new((9, 26), (99, 701)).to_string(), "AA10:ZZ100");
        for area in [
            Area::cell((6, 2)),
            Area::new((9, 26), (99, 701)),
            Area::new((0, 0), (u32::MAX, u32::MAX)),
        ] {
            assert_eq!(area.name(), area.to_string());
        }
    }

    #[test]
    fn parses_a1_cells_and_ranges() {
        assert_eq!(parse_area("C7:D8"), Some(Area::new((6, 2), (7, 3))));
        assert_eq!(parse_area("E3"), Some(Area::cell((2, 4))));
        assert_eq!(parse_area("AA10"), Some(Area::cell((9, 26))));
        assert_eq!(parse_area("D8:C7"), None);
        assert_eq!(parse_area("7C"), None);
        assert_eq!(parse_area("C0"), None);
        assert_eq!(parse_area(""), None);
    }
}

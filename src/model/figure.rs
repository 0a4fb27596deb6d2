//! [`Figure`]: a number cell of the 自评表 funds grid that may be blank or a printed dash.

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A figure as printed: blank, a dash (`-`, as under 分值/得分 of the sub-rows), another
/// not-applicable mark (`/`, `——`, `无`: kept as printed) or a number.
///
/// In JSON: `null`, `"-"`, the mark (`"/"`), or the decimal as a string with the decimals it
/// was printed with (`"14.00"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Figure {
    /// An empty cell.
    #[default]
    Blank,
    /// `-`: the dash the forms print where a figure does not apply.
    Dash,
    /// A not-applicable mark other than `-`, as printed.
    Mark(Mark),
    /// A number, with the decimals it was printed with (`14.00` stays `14.00`).
    Number(Decimal),
}

/// 不适用 — the marks forms print where a figure does not apply, besides `-` ([`Figure::Dash`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// `/` (四川 一体化 自评表, under 权重/得分 of the sub-rows)
    Slash,
    /// `—`
    EmDash,
    /// `——`
    DoubleEmDash,
    /// `--`
    DoubleHyphen,
    /// `－` (full-width hyphen)
    FullWidthHyphen,
    /// `无`
    None,
}

impl Mark {
    const ALL: [Mark; 6] = [
        Mark::Slash,
        Mark::EmDash,
        Mark::DoubleEmDash,
        Mark::DoubleHyphen,
        Mark::FullWidthHyphen,
        Mark::None,
    ];

    /// The mark as printed.
    pub fn text(self) -> &'static str {
        match self {
            Mark::Slash => "/",
            Mark::EmDash => "—",
            Mark::DoubleEmDash => "——",
            Mark::DoubleHyphen => "--",
            Mark::FullWidthHyphen => "－",
            Mark::None => "无",
        }
    }

    /// The mark a cell's text is (`／` is read as `/`).
    pub fn parse(text: &str) -> Option<Mark> {
        let t = text.trim();
        let t = if t == "／" { "/" } else { t };
        Mark::ALL.into_iter().find(|m| m.text() == t)
    }
}

impl Figure {
    /// The number, or `None` for a blank, a dash or a mark.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Figure::Number(d) => Some(*d),
            _ => None,
        }
    }

    /// Whether the cell was empty.
    pub fn is_blank(&self) -> bool {
        matches!(self, Figure::Blank)
    }

    /// A figure that is no number: `-` or another not-applicable mark.
    pub fn is_mark(&self) -> bool {
        matches!(self, Figure::Dash | Figure::Mark(_))
    }

    /// Blank, `-` or a mark from the printed text; `None` when it is none of these.
    pub fn from_mark_text(text: &str) -> Option<Figure> {
        match text.trim() {
            "" => Some(Figure::Blank),
            "-" => Some(Figure::Dash),
            t => Mark::parse(t).map(Figure::Mark),
        }
    }
}

impl From<Decimal> for Figure {
    fn from(d: Decimal) -> Self {
        Figure::Number(d)
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Figure::Blank => Ok(()),
            Figure::Dash => f.write_str("-"),
            Figure::Mark(m) => f.write_str(m.text()),
            Figure::Number(d) => write!(f, "{d}"),
        }
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Figure::Blank => s.serialize_none(),
            Figure::Dash => s.serialize_str("-"),
            Figure::Mark(m) => s.serialize_str(m.text()),
            Figure::Number(d) => s.serialize_str(&d.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FigureVisitor)
    }
}

struct FigureVisitor;

impl<'de> Visitor<'de> for FigureVisitor {
    type Value = Figure;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("null, \"-\" or a decimal number")
    }

    fn visit_unit<E>(self) -> Result<Figure, E> {
        Ok(Figure::Blank)
    }

    fn visit_none<E>(self) -> Result<Figure, E> {
        Ok(Figure::Blank)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Figure, D::Error> {
        d.deserialize_any(FigureVisitor)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Figure, E> {
        let v = v.trim();
        match Figure::from_mark_text(v) {
            Some(f) => Ok(f),
            None => v.parse::<Decimal>().map(Figure::Number).map_err(|_| {
                E::custom(format!(
                    "expected a decimal number, \"-\" or a mark such as \"/\", found {v:?}"
                ))
            }),
        }
    }

    fn visit_i64<E>(self, v: i64) -> Result<Figure, E> {
        Ok(Figure::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Figure, E> {
        Ok(Figure::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Figure, E> {
        // JSON numbers typed by hand: go through the shortest decimal text, never binary digits.
        v.to_string()
            .parse::<Decimal>()
            .map(Figure::Number)
            .map_err(|_| E::custom(format!("{v} is not a representable decimal")))
    }
}

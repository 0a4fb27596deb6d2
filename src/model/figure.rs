//! [`Figure`]: a number cell of the 自评表 funds grid that may be blank or a printed dash.

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A figure as printed: blank, a dash (`-`, as under 分值/得分 of the sub-rows) or a number.
///
/// In JSON: `null`, `"-"`, or the decimal as a string with the decimals it was printed with
/// (`"14.00"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Figure {
    #[default]
    Blank,
    Dash,
    Number(Decimal),
}

impl Figure {
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Figure::Number(d) => Some(*d),
            _ => None,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Figure::Blank)
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
            Figure::Number(d) => write!(f, "{d}"),
        }
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Figure::Blank => s.serialize_none(),
            Figure::Dash => s.serialize_str("-"),
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
        match v {
            "" => Ok(Figure::Blank),
            "-" | "—" | "－" => Ok(Figure::Dash),
            _ => v
                .parse::<Decimal>()
                .map(Figure::Number)
                .map_err(|_| E::custom(format!("expected a decimal number or \"-\", found {v:?}"))),
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

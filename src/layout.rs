//! The official layouts, described once: the labels every reader anchors on (with the variants
//! seen in real forms) and the cells the writers put them in (DOMAIN §1c, §1e).
//!
//! Readers never use the positions; they find labels anywhere and take the neighbouring value.
//! Writers use the positions of the official Shanghai 8-column forms (A–H).

use crate::model::MoneyUnit;

mod label;

use label::label;
pub use label::{
    FOOTER_LABELS, Keys, Label, Pair, PairKeys, is_footer, is_footer_key, is_note_key,
    is_placeholder, label_bases, normalize_label, normalized_label, split_pairs, split_pairs_keyed,
};

/// The year caption under the title: `（2026年度）`, or `（    年度）` on a blank form.
pub fn year_caption(year: Option<i32>) -> String {
    match year {
        Some(y) => format!("（{y}年度）"),
        None => "（    年度）".to_string(),
    }
}

/// The funds block label with its unit: `项目资金（元）`, `项目资金（万元）`.
pub fn funds_label(unit: MoneyUnit) -> String {
    format!("项目资金（{}）", unit.label())
}

/// A field of a form: its name in the model, its label, and where the official form prints
/// label and value (A1 ranges).
#[derive(Debug, Clone, Copy)]
pub struct Field<I> {
    /// Which field of the form ([`crate::model::field`]).
    pub id: I,
    /// The label the form prints, with the variants readers accept.
    pub label: Label,
    /// Where the official form prints the label (`A3:B3`).
    pub label_at: &'static str,
    /// Where the official form prints the value (`C3:D3`).
    pub value_at: &'static str,
}

pub(crate) mod declaration;
pub(crate) mod derived;
pub mod flat;
pub(crate) mod legacy_2020;
pub(crate) mod self_eval;
pub(crate) mod sheets;

#[cfg(test)]
mod tests;

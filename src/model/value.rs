//! 指标值 notation (DOMAIN §4) and money units.
//!
//! A value keeps the text exactly as printed (`raw`); where it parses as
//! `OP? NUMBER UNIT?` it also carries comparator, number (with the decimals as written) and unit,
//! and is 定量 (quantitative); anything else is 定性 (qualitative).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Units that are accepted without parentheses (`≥60个`, `985米`, `≥98%`). Inside parentheses any
/// text is taken as the unit, and the checks judge whether it is a sensible one.
pub const KNOWN_UNITS: &[&str] = &[
    "%",
    "‰",
    "天",
    "次",
    "万元",
    "元",
    "亿元",
    "个",
    "人",
    "篇",
    "批",
    "年",
    "平方米",
    "份",
    "组",
    "辆",
    "米",
    "工作日",
    "M",
    "项",
    "件",
    "家",
    "户",
    "人次",
    "台",
    "套",
    "场",
    "期",
    "小时",
    "月",
    "公里",
    "千米",
    "亩",
    "吨",
    "分",
    "分钟",
    "周",
    "名",
    "所",
    "座",
    "处",
    "条",
    "本",
    "册",
    "张",
    "万",
    "百分比",
    "GB",
    "TB",
    "km",
    "m",
    "m²",
    "㎡",
    "公顷",
    "立方米",
    "间",
    "部",
    "门",
    "课时",
    "学时",
    "日",
    "季度",
    "轮",
    "期次",
    "起",
    "例",
    "株",
    "棵",
    "只",
    "头",
    "块",
    "段",
];

/// 指标性质 of a quantitative target: the comparator in front of the number.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparator {
    /// `≥` (also read from `>=`, `≧`, `＞＝`): at least; 正向.
    #[serde(rename = "≥")]
    Ge,
    /// `≤` (also `<=`, `≦`, `＜＝`): at most; 反向.
    #[serde(rename = "≤")]
    Le,
    /// `=` (also `＝`): exactly.
    #[serde(rename = "=")]
    Eq,
    /// `>` (also `＞`): more than; 正向.
    #[serde(rename = ">")]
    Gt,
    /// `<` (also `＜`): less than; 反向.
    #[serde(rename = "<")]
    Lt,
}

impl Comparator {
    /// The symbol the official forms print (`≥`, `≤`, `=`, `>`, `<`): what the writers use,
    /// whatever variant the input had.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Le => "≤",
            Comparator::Eq => "=",
            Comparator::Gt => ">",
            Comparator::Lt => "<",
        }
    }

    /// 正向 (≥ > =) or 反向 (≤ <), DOMAIN §4 / SRC-FASP-SX.
    pub fn is_reverse(self) -> bool {
        matches!(self, Comparator::Le | Comparator::Lt)
    }

    /// Reads the comparator at the start of `s`, returning it and the rest.
    fn split_prefix(s: &str) -> Option<(Comparator, &str)> {
        const OPS: &[(&str, Comparator)] = &[
            (">=", Comparator::Ge),
            ("<=", Comparator::Le),
            ("≥", Comparator::Ge),
            ("≧", Comparator::Ge),
            ("≤", Comparator::Le),
            ("≦", Comparator::Le),
            ("＞＝", Comparator::Ge),
            ("＜＝", Comparator::Le),
            ("=", Comparator::Eq),
            ("＝", Comparator::Eq),
            (">", Comparator::Gt),
            ("＞", Comparator::Gt),
            ("<", Comparator::Lt),
            ("＜", Comparator::Lt),
        ];
        OPS.iter()
            .find_map(|(text, op)| s.strip_prefix(text).map(|rest| (*op, rest)))
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// 定量 / 定性.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// 定量: a number, with an optional comparator and unit ([`Quantity`]).
    #[serde(rename = "定量")]
    Quantitative,
    /// 定性: text such as `支撑作用明显`, scored by grade (DOMAIN §2.4).
    #[serde(rename = "定性")]
    Qualitative,
}

/// The parsed part of a quantitative 指标值: `≥300.00(天)` is `Ge`, `300.00`, `天`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The comparator in front of the number; `None` when none is printed (`100%`).
    pub op: Option<Comparator>,
    /// The number with the decimals as written (`100` and `100.00` stay apart in JSON).
    pub number: Decimal,
    /// The unit after the number, without its brackets (`天`, `%`, `万元`); `None` when none is
    /// printed.
    pub unit: Option<String>,
}

impl Quantity {
    /// Parses `OP? NUMBER UNIT?` (DOMAIN §4), tolerating inner spaces. `None` for qualitative text.
    pub fn parse(text: &str) -> Option<Quantity> {
        let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let (op, rest) = match Comparator::split_prefix(&s) {
            Some((op, rest)) => (Some(op), rest),
            None => (None, s.as_str()),
        };
        let digits_end = number_prefix_len(rest);
        if digits_end == 0 {
            return None;
        }
        let number = Decimal::from_str(&rest[..digits_end]).ok()?;
        let tail = &rest[digits_end..];
        let unit = if tail.is_empty() {
            None
        } else if let Some(inner) = strip_brackets(tail) {
            if inner.is_empty() {
                None
            } else {
                Some(inner.to_string())
            }
        } else if KNOWN_UNITS.contains(&tail) {
            Some(tail.to_string())
        } else {
            return None;
        };
        Some(Quantity { op, number, unit })
    }

    /// The canonical Shanghai notation: `≥300.00(天)`.
    pub fn to_text(&self) -> String {
        let op = self.op.map(Comparator::symbol).unwrap_or("");
        match &self.unit {
            Some(u) => format!("{op}{}({u})", self.number),
            None => format!("{op}{}", self.number),
        }
    }
}

/// Length in bytes of the leading `digits(.digits)?` of `s`.
fn number_prefix_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == 0 {
        return 0;
    }
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    i
}

fn strip_brackets(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('(').or_else(|| s.strip_prefix('（'))?;
    inner.strip_suffix(')').or_else(|| inner.strip_suffix('）'))
}

/// 指标值 / 年度指标值 / 实际完成值: the printed text and, when it parses, its quantity.
///
/// JSON: `{"raw": "≤14.00(万元)", "kind": "定量", "op": "≤", "number": "14.00", "unit": "万元"}`;
/// `{"raw": "支撑作用明显", "kind": "定性"}`; `{"raw": ""}` for a blank cell. When reading JSON,
/// a missing quantity is parsed from `raw`, and an edited quantity wins over `raw` when written.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(from = "ValueRepr", into = "ValueRepr")]
pub struct IndicatorValue {
    /// The cell's text as printed, trimmed at the ends; empty for a blank cell.
    pub raw: String,
    /// The quantity `raw` parses to (DOMAIN §4); `None` for a 定性 or blank value.
    pub quantity: Option<Quantity>,
}

impl IndicatorValue {
    /// The JSON key of [`IndicatorValue::raw`]: a value object has it (`diff` tells a value from
    /// a plain object by it).
    pub const RAW_KEY: &'static str = "raw";

    /// A value from its printed text, with the quantity parsed from it ([`Quantity::parse`]).
    pub fn new(raw: impl Into<String>) -> Self {
        let raw = raw.into();
        let quantity = Quantity::parse(&raw);
        IndicatorValue { raw, quantity }
    }

    /// Whether the cell was blank: no text and no quantity.
    pub fn is_blank(&self) -> bool {
        self.raw.trim().is_empty() && self.quantity.is_none()
    }

    /// Text that starts like a 定量 value but is broken: a comparator without a number
    /// (`≥abc(%)`), or a number whose unit bracket is not closed (`≥300.00(天`). A number with
    /// a bare unit the parser does not know (`≥20万亩`) is not broken.
    pub fn looks_quantitative(&self) -> bool {
        if self.quantity.is_some() {
            return false;
        }
        let s: String = self.raw.chars().filter(|c| !c.is_whitespace()).collect();
        let (has_op, rest) = match Comparator::split_prefix(&s) {
            Some((_, rest)) => (true, rest),
            None => (false, s.as_str()),
        };
        let n = number_prefix_len(rest);
        if n == 0 {
            return has_op && !rest.is_empty();
        }
        let tail = &rest[n..];
        let opens = tail.matches(['(', '（']).count();
        let closes = tail.matches([')', '）']).count();
        opens != closes
    }

    /// 定量 when a quantity parsed, 定性 for other text, `None` for a blank value.
    pub fn kind(&self) -> Option<ValueKind> {
        if self.quantity.is_some() {
            Some(ValueKind::Quantitative)
        } else if self.raw.trim().is_empty() {
            None
        } else {
            Some(ValueKind::Qualitative)
        }
    }

    /// The text to print: `raw`, unless the quantity was edited away from it.
    pub fn to_text(&self) -> String {
        match &self.quantity {
            Some(q) if Quantity::parse(&self.raw).as_ref() != Some(q) => q.to_text(),
            _ => self.raw.clone(),
        }
    }
}

impl fmt::Display for IndicatorValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

#[derive(Serialize, Deserialize)]
struct ValueRepr {
    #[serde(default)]
    raw: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<ValueKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    op: Option<Comparator>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    number: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
}

impl From<ValueRepr> for IndicatorValue {
    fn from(r: ValueRepr) -> Self {
        let quantity = match r.number {
            Some(number) => Some(Quantity {
                op: r.op,
                number,
                unit: r.unit,
            }),
            None => Quantity::parse(&r.raw),
        };
        IndicatorValue {
            raw: r.raw,
            quantity,
        }
    }
}

impl From<IndicatorValue> for ValueRepr {
    fn from(v: IndicatorValue) -> Self {
        let kind = v.kind();
        let (op, number, unit) = match v.quantity {
            Some(q) => (q.op, Some(q.number), q.unit),
            None => (None, None, None),
        };
        ValueRepr {
            raw: v.raw,
            kind,
            op,
            number,
            unit,
        }
    }
}

/// The money unit stated in a form's label (`项目资金（元）`, `项目资金（万元）`).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MoneyUnit {
    /// 元: the unit of the Shanghai 申报表 and the 2020 目标表, and of a form made in code.
    #[default]
    #[serde(rename = "元")]
    Yuan,
    /// 万元 (10 000 元): the unit of the 市级 自评表 and of the national forms.
    #[serde(rename = "万元")]
    WanYuan,
}

impl MoneyUnit {
    /// The unit as printed in labels: `元` or `万元`.
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::WanYuan => "万元",
        }
    }

    /// Reads the unit out of a label such as `项目资金（万元）`.
    pub fn from_label(label: &str) -> Option<MoneyUnit> {
        if label.contains("万元") {
            Some(MoneyUnit::WanYuan)
        } else if label.contains('元') {
            Some(MoneyUnit::Yuan)
        } else {
            None
        }
    }
}

impl fmt::Display for MoneyUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Option<(Option<&'static str>, String, Option<String>)> {
        Quantity::parse(text).map(|q| (q.op.map(Comparator::symbol), q.number.to_string(), q.unit))
    }

    #[test]
    fn parses_the_shanghai_notation_and_its_deviations() {
        assert_eq!(
            q("≤14.00(万元)"),
            Some((Some("≤"), "14.00".into(), Some("万元".into())))
        );
        assert_eq!(
            q("=100(%)"),
            Some((Some("="), "100".into(), Some("%".into())))
        );
        assert_eq!(
            q("≥ 55.00 (人)"),
            Some((Some("≥"), "55.00".into(), Some("人".into())))
        );
        assert_eq!(q(">=90%"), Some((Some("≥"), "90".into(), Some("%".into()))));
        assert_eq!(q("985米"), Some((None, "985".into(), Some("米".into()))));
        assert_eq!(
            q("≤7工作日"),
            Some((Some("≤"), "7".into(), Some("工作日".into())))
        );
        assert_eq!(q("0次"), Some((None, "0".into(), Some("次".into()))));
        assert_eq!(q("100"), Some((None, "100".into(), None)));
        assert_eq!(
            q("＞50.00（万元）"),
            Some((Some(">"), "50.00".into(), Some("万元".into())))
        );
        assert_eq!(
            q("=100.00(次)"),
            Some((Some("="), "100.00".into(), Some("次".into())))
        );
    }

    #[test]
    fn leaves_qualitative_text_alone() {
        for text in [
            "保障支持作用强",
            "100%及时",
            "零差错率",
            "及时",
            "",
            "≥",
            "第1名以内",
        ] {
            assert_eq!(q(text), None, "{text}");
        }
    }

    #[test]
    fn writes_raw_unless_the_quantity_was_edited() {
        let mut v = IndicatorValue::new("≥ 55.00 (人)");
        assert_eq!(v.to_text(), "≥ 55.00 (人)");
        v.quantity.as_mut().unwrap().number = "60.00".parse().unwrap();
        assert_eq!(v.to_text(), "≥60.00(人)");
    }

    #[test]
    fn json_keeps_raw_and_parts() {
        let v = IndicatorValue::new("≤14.00(万元)");
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(
            json,
            r#"{"raw":"≤14.00(万元)","kind":"定量","op":"≤","number":"14.00","unit":"万元"}"#
        );
        let back: IndicatorValue = serde_json::from_str(&json).unwrap();
        assert_eq!(back, v);
        let bare: IndicatorValue = serde_json::from_str(r#"{"raw":"≥90(%)"}"#).unwrap();
        assert_eq!(bare, IndicatorValue::new("≥90(%)"));
    }
}

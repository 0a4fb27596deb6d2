use super::*;
use crate::diag::{Diagnostic, Location, Severity};
use std::collections::BTreeSet;

/// The `{name}` placeholders of a text (`{{` escapes skipped; `{x:?}` counts as `x`).
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text.replace("{{", "").replace("}}", "");
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        let name = rest[i + 1..i + j]
            .split(':')
            .next()
            .unwrap_or("")
            .to_string();
        out.insert(name);
        rest = rest[i + j + 1..].to_string();
    }
    out
}

#[test]
fn every_message_has_a_unique_id_and_the_same_placeholders_in_both_languages() {
    let mut ids = BTreeSet::new();
    for e in CATALOGUE.iter().flat_map(|a| a.iter()) {
        assert!(ids.insert(e.id), "message id {} used twice", e.id);
        assert_eq!(placeholders(e.zh), placeholders(e.en), "{}", e.id);
        assert!(!e.zh.is_empty() && !e.en.is_empty(), "{}", e.id);
    }
    assert_eq!(entry("diag.error").map(|e| e.zh), Some("错误"));
}

#[test]
fn every_rule_id_is_unique_and_summarised_in_both_languages() {
    let mut ids = BTreeSet::new();
    for r in rules::ALL.iter().flat_map(|g| g.iter()) {
        assert!(ids.insert(r.id), "rule id {} declared twice", r.id);
        assert!(!r.zh.is_empty() && !r.en.is_empty(), "{}", r.id);
    }
    assert_eq!(
        rules::rule("decl.annual-total-sum").map(|r| r.severity),
        Some(Severity::Error)
    );
}

#[test]
fn languages_are_read_from_their_codes() {
    for (code, lang) in [
        ("zh", Lang::Zh),
        ("zh_CN.UTF-8", Lang::Zh),
        ("中文", Lang::Zh),
        ("en", Lang::En),
        ("EN-us", Lang::En),
        ("English", Lang::En),
    ] {
        assert_eq!(Lang::from_code(code), Some(lang), "{code}");
    }
    assert_eq!(Lang::from_code("fr"), None);
}

#[cfg(feature = "cli")]
#[test]
fn the_command_line_asks_for_its_language_before_parsing() {
    use crate::cli::requested_lang;
    assert_eq!(requested_lang(["jixiao", "check", "x"], None), Lang::Zh);
    assert_eq!(
        requested_lang(["jixiao", "--lang", "en", "check"], None),
        Lang::En
    );
    assert_eq!(
        requested_lang(["jixiao", "check", "--lang=en"], None),
        Lang::En
    );
    assert_eq!(requested_lang(["jixiao", "check"], Some("en")), Lang::En);
    // The flag wins over the environment; `--` ends the options.
    assert_eq!(
        requested_lang(["jixiao", "--lang", "zh"], Some("en")),
        Lang::Zh
    );
    assert_eq!(
        requested_lang(["jixiao", "--", "--lang", "en"], None),
        Lang::Zh
    );
}

#[test]
fn a_diagnostic_reads_in_both_languages() {
    let d = Diagnostic::of(
        rules::DECL_ANNUAL_TOTAL_SUM,
        "年度资金申请总额不等于当年财政拨款 + 上年结转资金 + 其他资金",
    )
    .at(Location::cell("a.xlsx", "机关服务费", "C8"))
    .expected("100.00")
    .found("90.00")
    .hint("改正金额");
    assert_eq!(
        with_lang(Lang::Zh, || d.to_string()),
        "a.xlsx: 机关服务费!C8: 错误[decl.annual-total-sum]: 年度资金申请总额不等于当年财政拨款 + 上年结转资金 + 其他资金（应为 100.00，实为 90.00）\n  提示: 改正金额"
    );
    assert_eq!(
        with_lang(Lang::En, || d.to_string()),
        "a.xlsx: 机关服务费!C8: error[decl.annual-total-sum]: 年度资金申请总额不等于当年财政拨款 + 上年结转资金 + 其他资金 (expected 100.00, found 90.00)\n  hint: 改正金额"
    );
    let w = Diagnostic::of(rules::READ_UNMAPPED_CELL, "m");
    assert_eq!(
        with_lang(Lang::Zh, || w.to_string()),
        "警告[read.unmapped-cell]: m"
    );
    let i = Diagnostic::of(rules::INDICATOR_NO_COMPARATOR, "m");
    assert_eq!(
        with_lang(Lang::En, || i.to_string()),
        "info[indicator.no-comparator]: m"
    );
}

#[test]
fn amounts_read_as_the_forms_print_them() {
    let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
    assert_eq!(amount(d("1234567.8")), "1,234,567.80");
    assert_eq!(amount(d("140000")), "140,000.00");
    assert_eq!(amount(d("-999.5")), "-999.50");
    assert_eq!(amount(d("28.882")), "28.882");
    assert_eq!(amount(d("0")), "0.00");
    assert_eq!(amount(d("100")), "100.00");
}

#[test]
fn a_rejected_file_is_named_in_both_languages() {
    assert_eq!(
        with_lang(Lang::Zh, || cli::file_rejected("坏.xlsx", 2)),
        "坏.xlsx: 读取时有 2 个错误，此文件的表单未写出（其他文件照常写出）"
    );
    assert_eq!(
        with_lang(Lang::En, || cli::file_rejected("bad.xlsx", 2)),
        "bad.xlsx: 2 error(s) while reading: its forms were not written (the other files were)"
    );
}

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

/// Every diagnostic id the sources and tests name is registered in [`rules`] (issue 14). Findings
/// are made from a [`crate::diag::Rule`], so the compiler keeps the readers and checks to the
/// registry; this catches the ids spelled as text: tests pinning a finding's id, filters on
/// `d.rule`, the page's crate. Message ids (`src/msg.rs`, `src/msg/*.rs`) share the prefixes and
/// are skipped.
#[test]
fn every_diagnostic_id_in_the_sources_is_registered() {
    let registered: BTreeSet<&str> = rules::ALL
        .iter()
        .flat_map(|g| g.iter().map(|r| r.id))
        .collect();
    let prefixes: BTreeSet<&str> = registered
        .iter()
        .filter_map(|id| id.split_once('.').map(|(p, _)| p))
        .collect();
    // `flat.xlsx`, `self.json`: file names, not ids.
    const EXTENSIONS: &[&str] = &[
        "xlsx", "xls", "xlsm", "ods", "json", "csv", "toml", "rs", "pdf",
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![root.join("src"), root.join("tests"), root.join("web")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("target") && !path.ends_with("node_modules") {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                files.push(path);
            }
        }
    }
    let messages = [root.join("src/msg"), root.join("src/msg.rs")];
    let (mut unregistered, mut seen) = (Vec::new(), BTreeSet::new());
    for file in files
        .iter()
        .filter(|f| !messages.iter().any(|m| f.starts_with(m)))
    {
        let text = std::fs::read_to_string(file).expect("source");
        for literal in text.split('"').skip(1).step_by(2) {
            let Some((prefix, rest)) = literal.split_once('.') else {
                continue;
            };
            let looks_like_id = prefixes.contains(prefix)
                && !EXTENSIONS.contains(&rest)
                && !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if looks_like_id {
                seen.insert(literal.to_string());
                if !registered.contains(literal) {
                    unregistered.push(format!("{}: {literal}", file.display()));
                }
            }
        }
    }
    // The scan does find the ids the tests pin.
    assert!(
        seen.contains("decl.annual-total-sum") && seen.len() > 30,
        "{seen:?}"
    );
    assert_eq!(unregistered, Vec::<String>::new());
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

/// The arguments of a call starting at `text` (just after its opening parenthesis, or after
/// `message:`), up to the matching closing parenthesis (or the field's end), strings skipped.
fn call_arguments(text: &str, field: bool) -> &str {
    let (mut depth, mut in_string, mut escaped) = (1, false, false);
    for (i, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[..i];
                }
            }
            ',' if field && depth == 1 => return &text[..i],
            _ => {}
        }
    }
    text
}

/// The string literals of `args` that are not the argument of a catalogue call (`msg::…(`),
/// with the text they hold.
fn bare_literals(args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = args;
    while let Some(start) = rest.find('"') {
        let before = rest[..start].trim_end();
        let after = &rest[start + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else { break };
        let literal = &after[..end];
        let in_catalogue_call = before.ends_with('(')
            && before
                .trim_end_matches('(')
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .is_some_and(|path| path.contains("msg::"));
        if !in_catalogue_call {
            out.push(literal.to_string());
        }
        rest = &after[end + 1..];
    }
    out
}

/// Whether a literal holds words a user would read: two or more Latin letters in a row or a
/// Chinese character, outside `{placeholders}`; ids (`flat.unknown-column`), options
/// (`--year`) and model paths (`indicators[{i}].name`) are not words.
fn holds_words(literal: &str) -> bool {
    let mut text = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let id_like = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.[]".contains(c))
            && (t.contains('.') || t.contains('-') || t.contains('['))
    };
    // The program's name before a line is no word to translate.
    let text = text.trim().trim_start_matches("jixiao:");
    if id_like(text.trim()) {
        return false;
    }
    let latin_word = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 2);
    let chinese = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    latin_word || chinese
}

/// Every user-facing message goes through the catalogue: outside `src/msg/` no string literal
/// holding words is handed straight to a diagnostic, an error, a hint, a write failure or a
/// printed line. Pragmatic: it reads the arguments of the usual sinks; the form's own labels
/// (`src/layout/`) and tests are not messages.
#[test]
fn user_facing_text_goes_through_the_catalogue() {
    const SINKS: &[(&str, bool)] = &[
        ("Diagnostic::error(", false),
        ("Diagnostic::warning(", false),
        ("Diagnostic::info(", false),
        ("Diagnostic::new(", false),
        ("Diagnostic::of(", false),
        ("unreadable(", false),
        (".hint(", false),
        (".with_hint(", false),
        (".expected(", false),
        (".found(", false),
        ("bail!(", false),
        ("anyhow!(", false),
        ("eprintln!(", false),
        ("println!(", false),
        ("fail(", false),
        ("Err(format!(", false),
        ("message: ", true),
    ];
    // Literals that name no message: model data kept in the JSON whatever the language (the
    // review notes of migrate.rs), flag values, and clap's own invariants.
    const NOT_MESSAGES: &[&str] = &[
        "{level1}/{level2}: not in the 2020 set; kept as printed",
        "Option::is_none",
        "write-skipped-form",
        "百分比",
        "half-up",
        "truncate",
        "clap refuses --projects with --from",
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "msg.rs" || rel.starts_with("msg") || rel.starts_with("layout") {
                continue;
            }
            if path.is_dir() {
                if !rel.ends_with("tests") {
                    dirs.push(path);
                }
            } else if rel.ends_with(".rs") && !rel.ends_with("tests.rs") {
                files.push((rel, path));
            }
        }
    }
    assert!(files.len() > 40, "{}", files.len());
    let mut bare = Vec::new();
    for (rel, path) in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        let code: String = code
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("//") {
                    ""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        for (sink, field) in SINKS {
            for (at, _) in code.match_indices(sink) {
                let args = call_arguments(&code[at + sink.len()..], *field);
                for literal in bare_literals(args) {
                    if holds_words(&literal) && !NOT_MESSAGES.contains(&literal.as_str()) {
                        let line = code[..at].matches('\n').count() + 1;
                        bare.push(format!("src/{rel}:{line}: {sink} \"{literal}\""));
                    }
                }
            }
        }
    }
    bare.sort();
    bare.dedup();
    assert!(
        bare.is_empty(),
        "{} message(s) bypass the catalogue (src/msg/):\n{}",
        bare.len(),
        bare.join("\n")
    );
}

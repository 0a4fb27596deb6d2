//! `DOMAIN §N` in the code and the `domain` of every rule point at a section of
//! `docs/domain.md` that exists (issue 14): a heading (`## 2.`, `### 1c.`, `### 2.1`), a
//! numbered rule (`- **5.7**`) or a row of the §6 table (`| 6.3 |`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every section number `docs/domain.md` defines.
fn sections(domain: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in domain.lines() {
        let number = if let Some(h) = line.strip_prefix('#') {
            // `## 1. The layouts`, `### 1a. …`, `### 2.1 Weights …`
            h.trim_start_matches('#').split_whitespace().next()
        } else if let Some(item) = line.strip_prefix("- **") {
            // `- **5.7** A 成本指标 …`
            item.split("**").next()
        } else if let Some(row) = line.strip_prefix("| ") {
            // `| 6.3 | 反向 formula | …` (not the row numbers of the layout tables: `| 6 |`)
            row.split(" |").next().filter(|n| n.contains('.'))
        } else {
            None
        };
        if let Some(n) = number.map(|n| n.trim_end_matches('.'))
            && n.starts_with(|c: char| c.is_ascii_digit())
            && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        {
            out.insert(n.to_string());
        }
    }
    out
}

/// The section numbers a citation lists: `§2.3, §6.3` → `2.3`, `6.3`; `§3.4.` → `3.4`.
fn cited(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = list;
    while let Some(i) = rest.find('§') {
        let after = &rest[i + '§'.len_utf8()..];
        let n: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
            .collect();
        // `§N` in prose about the notation itself is no citation.
        if n.starts_with(|c: char| c.is_ascii_digit()) {
            out.push(n.trim_end_matches('.').to_string());
        }
        rest = &after[n.len()..];
        // A list goes on only through `, §…` (`DOMAIN §2.3, §6.3`).
        if !rest.starts_with(", §") {
            break;
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_domain_citation_resolves_to_a_section() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let known = sections(&std::fs::read_to_string(root.join("docs/domain.md")).unwrap());
    // The document's own outline, so that a parser that finds nothing cannot pass.
    for n in ["1", "1a", "1g", "2.5", "3.4", "5.8", "6", "6.6"] {
        assert!(
            known.contains(n),
            "§{n} not found in docs/domain.md: {known:?}"
        );
    }

    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut citations = 0;
    let mut broken = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (i, line) in text.lines().enumerate() {
            for (at, _) in line.match_indices("DOMAIN §") {
                for n in cited(&line[at..]) {
                    citations += 1;
                    if !known.contains(&n) {
                        let shown = file.strip_prefix(root).unwrap().display();
                        broken.push(format!("{shown}:{}: §{n}", i + 1));
                    }
                }
            }
        }
    }
    for rule in jixiao::msg::rules::ALL.iter().flat_map(|g| g.iter()) {
        for n in cited(rule.domain) {
            citations += 1;
            if !known.contains(&n) {
                broken.push(format!("rule {}: §{n}", rule.id));
            }
        }
    }
    assert!(citations > 100, "only {citations} citations found");
    assert!(
        broken.is_empty(),
        "citations of missing sections:\n{}",
        broken.join("\n")
    );
}

#[test]
fn citation_lists_are_read_whole() {
    assert_eq!(cited("(DOMAIN §2.3, §6.3)."), ["2.3", "6.3"]);
    assert_eq!(cited("DOMAIN §3.4. Next"), ["3.4"]);
    assert_eq!(cited("DOMAIN §4 / SRC-FASP-SX, §9"), ["4"]);
    assert_eq!(cited("§1c, §1e"), ["1c", "1e"]);
    assert!(cited("`DOMAIN §N` in comments").is_empty());
}

//! The label-matching engine every reader uses: [`normalize_label`], [`Label::matches`],
//! [`split_pairs`] and the footer lines that end a form.

/// Full-width colon, brackets, slash and comma as their half-width forms (labels only).
fn unify(c: char) -> char {
    match c {
        '：' => ':',
        '（' => '(',
        '）' => ')',
        '／' => '/',
        '，' => ',',
        _ => c,
    }
}

/// Compares labels, never values: drops all whitespace and line breaks, unifies full- and
/// half-width colons and brackets, and drops a trailing colon (`项目资金总额:`).
pub fn normalize_label(text: &str) -> String {
    normalized_label(text).into_owned()
}

/// [`normalize_label`] without a copy when the text is already its own key (no whitespace, no
/// full-width punctuation, no tag, no trailing colon), as most cells' texts are.
pub fn normalized_label(text: &str) -> std::borrow::Cow<'_, str> {
    // Runs of text that stay as they are are copied whole: most characters do. Nothing is
    // allocated until a character changes, and only the characters that may change are decoded
    // (see [`MAY_CHANGE`]): Chinese text is skipped byte by byte.
    let bytes = text.as_bytes();
    let mut s = String::new();
    let mut run = 0;
    let mut tag = false;
    let mut i = 0;
    while let Some(skip) = bytes[i..].iter().position(|&b| MAY_CHANGE[usize::from(b)]) {
        let at = i + skip;
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        i = at + c.len_utf8();
        let same = unify(c);
        tag |= c == '<';
        if c.is_whitespace() || same != c {
            if run == 0 {
                s.reserve(text.len());
            }
            s.push_str(&text[run..at]);
            if !c.is_whitespace() {
                s.push(same);
            }
            run = i;
        }
    }
    if run == 0 && !tag && !text.ends_with(':') {
        return std::borrow::Cow::Borrowed(text);
    }
    s.push_str(&text[run..]);
    // `<` is neither dropped nor made by the loop: `tag` says whether `s` has one.
    if tag {
        for tag in ["<p>", "</p>", "<br>", "<br/>"] {
            s = s.replace(tag, "");
        }
    }
    while s.ends_with(':') {
        s.pop();
    }
    std::borrow::Cow::Owned(s)
}

/// The bytes that may start a character [`normalized_label`] changes or looks at: ASCII
/// whitespace and `<`, and the lead bytes of every other whitespace character (U+0085, U+00A0:
/// `C2`; U+1680: `E1`; U+2000–U+205F: `E2`; U+3000: `E3`) and of the full-width forms
/// [`unify`] makes half-width (U+FF08–U+FF1A: `EF`). A lead byte is never inside a character.
static MAY_CHANGE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(
            b,
            0x09..=0x0D | 0x20 | 0x3C | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF
        );
        b += 1;
    }
    t
};

/// Whether a 三级 cell holds only a placeholder of a blank form: `指标1:`, `指标2：`, `……`
/// (the Anhui edition of the national 自评表, DOMAIN §1b), left in where a 二级 has fewer
/// indicators than the form has rows.
pub fn is_placeholder(text: &str) -> bool {
    let t = normalized_label(text);
    match t.strip_prefix("指标") {
        Some(n) => !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()),
        None => !t.is_empty() && t.chars().all(|c| matches!(c, '…' | '⋯' | '.' | '。')),
    }
}

/// Labels of the lines printed under a form: signatures, dates, contacts (issue 11). A row that
/// starts with one of them, or with a note (`注：…`, `注:1.…`), ends the indicator table; the
/// readers keep such rows as notes, never as indicators.
pub const FOOTER_LABELS: &[&str] = &[
    "填报人",
    "填表人",
    "联系人",
    "联系电话",
    "填报日期",
    "填表日期",
    "单位负责人",
    "项目负责人",
    "财务负责人",
    "审核人",
    "单位盖章",
    "盖章",
    "单位（盖章）",
    "评价结论",
    "存在问题",
    "改进措施",
];

/// Whether a cell's text is a footer line: a note (`注：…`, `注:1.…`, `备注：…` is not one: 备注 is
/// a section of its own) or one of [`FOOTER_LABELS`], alone or followed by a colon.
pub fn is_footer(text: &str) -> bool {
    is_footer_key(&normalized_label(text))
}

/// [`is_footer`] of a text already normalised by [`normalize_label`].
pub fn is_footer_key(t: &str) -> bool {
    if let Some(rest) = t.strip_prefix('注') {
        return rest.is_empty() || rest.starts_with([':', '1', '(', '①', '一', '：']);
    }
    // The labels as keys, made once: every row of every indicator table asks.
    static KEYS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        FOOTER_LABELS
            .iter()
            .map(|l| label_chars(l).collect())
            .collect()
    });
    KEYS.iter().any(|k| {
        t.strip_prefix(k.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))
    })
}

/// Whether a text already normalised by [`normalize_label`] begins like a note typed into a
/// table: `注`, `说明` or `备注`, alone or followed by a colon, a number or a bracket
/// (`注：…`, `说明1.…`, `备注(…)`), but not a name that merely starts so (`说明书印制数量`).
pub fn is_note_key(t: &str) -> bool {
    ["注", "说明", "备注"].iter().any(|p| {
        t.strip_prefix(p).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with([':', '(', '①', '一'])
                || rest.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// A label and the variants that mean the same, all written as printed in some form.
#[derive(Debug, Clone, Copy)]
pub struct Label {
    /// The official text, as the writers print it.
    pub text: &'static str,
    /// Other texts seen for the same label.
    pub variants: &'static [&'static str],
}

/// A label written in this module as [`normalize_label`] would make it, without allocating
/// (labels hold no tags): whitespace dropped, punctuation unified, no trailing colon.
fn label_chars(label: &str) -> impl Iterator<Item = char> + '_ {
    label
        .trim_end_matches(|c: char| c.is_whitespace() || c == ':' || c == '：')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(unify)
}

impl Label {
    /// Whether a cell's text is this label: equal after [`normalize_label`], or equal but for a
    /// trailing parenthetical that ends the text (`项目资金（元）`, `执行率(%)`, `项目总目标 (2024年-2024年)`).
    pub fn matches(&self, cell_text: &str) -> bool {
        self.matches_key(&normalized_label(cell_text))
    }

    /// [`Label::matches`] for a text already normalised by [`normalize_label`] (the grid keeps
    /// that of every cell: [`crate::grid::Grid::label_key`]).
    pub fn matches_key(&self, key: &str) -> bool {
        self.keys().iter().any(|k| {
            key.strip_prefix(&**k).is_some_and(|rest| {
                rest.is_empty() || (rest.starts_with('(') && rest.ends_with(')'))
            })
        })
    }

    /// The official text and each variant as [`normalize_label`] makes it: what a cell's label
    /// key equals when the cell is this label (before a trailing parenthetical, see
    /// [`label_bases`]). Made once per label and thread: every label comparison asks.
    pub fn keys(&self) -> Keys {
        use std::cell::RefCell;
        use std::collections::HashMap;
        // Labels are static data: the addresses and lengths of their texts name them.
        type Id = (usize, usize, usize, usize);
        thread_local! {
            static KEYS: RefCell<HashMap<Id, Keys, crate::grid::FxBuild>> = RefCell::default();
        }
        let id = (
            self.text.as_ptr() as usize,
            self.text.len(),
            self.variants.as_ptr() as usize,
            self.variants.len(),
        );
        KEYS.with_borrow_mut(|keys| {
            keys.entry(id)
                .or_insert_with(|| {
                    std::iter::once(self.text)
                        .chain(self.variants.iter().copied())
                        .map(|l| label_chars(l).collect::<String>().into_boxed_str())
                        .collect()
                })
                .clone()
        })
    }
}

/// [`Label::keys`]: shared, made once.
pub type Keys = std::rc::Rc<[Box<str>]>;

/// The texts a cell's label key is this label's key by ([`Label::matches_key`]): the key itself,
/// and, when it ends in `)`, the key before each `(` (`项目资金(元)` → also `项目资金`).
pub fn label_bases(key: &str) -> impl Iterator<Item = &str> {
    let cuts = key
        .ends_with(')')
        .then(|| key.match_indices('(').map(|(i, _)| i).filter(|&i| i > 0))
        .into_iter()
        .flatten();
    std::iter::once(key).chain(cuts.map(|i| &key[..i]))
}

/// One `label：value` pair found inside a cell's text by [`split_pairs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// Index of the label in the list given to [`split_pairs`].
    pub label: usize,
    /// The label as written, with its parenthetical (`项目总预算（元）`), without the colon.
    pub written: String,
    /// The text after the colon up to the next pair, trimmed.
    pub value: String,
}

/// Splits a cell holding `label：value` pairs (`项目名称：合作交流工作业务费    项目类别：经常性专项业务费`)
/// on the labels it knows. Labels may carry inner spaces or line breaks, a parenthetical
/// (`（元）`) and a full- or half-width colon; the colon is required. The first pair must start
/// the cell, and every later one must follow whitespace, so that a value's own text is never
/// split. Returns no pairs when the cell does not start with a label and a colon.
pub fn split_pairs(text: &str, labels: &[Label]) -> Vec<Pair> {
    // Every pair has a colon: most cells have none, and need no further look.
    if !text.contains([':', '：']) {
        return Vec::new();
    }
    split_pairs_keyed(text, &PairKeys::new(labels))
}

/// The [`Label::keys`] of a list of labels by their first character, for [`split_pairs_keyed`]:
/// at each place a label may start, only the keys that start with the character there are
/// tried (a form kind has some 240 keys).
#[derive(Debug)]
pub struct PairKeys(Vec<(char, usize, Box<str>)>);

impl PairKeys {
    /// The keys of `labels`, each with its label's index.
    pub fn new(labels: &[Label]) -> Self {
        let mut keys: Vec<(char, usize, Box<str>)> = labels
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.keys().to_vec().into_iter().map(move |k| (i, k)))
            .filter_map(|(i, k)| Some((k.chars().next()?, i, k)))
            .collect();
        // Stable: within a character the keys keep the labels' order, which breaks ties.
        keys.sort_by_key(|k| k.0);
        PairKeys(keys)
    }

    /// [`PairKeys::new`] of a static list, made once per list and thread (every form read
    /// splits its cells on its kind's labels).
    pub fn of(labels: &'static [Label]) -> std::rc::Rc<PairKeys> {
        use std::cell::RefCell;
        use std::collections::HashMap;
        type Shared = std::rc::Rc<PairKeys>;
        thread_local! {
            static MADE: RefCell<HashMap<(usize, usize), Shared, crate::grid::FxBuild>> =
                RefCell::default();
        }
        // The lists are static data: the address and length of one name it.
        let id = (labels.as_ptr() as usize, labels.len());
        MADE.with_borrow_mut(|made| {
            made.entry(id)
                .or_insert_with(|| std::rc::Rc::new(PairKeys::new(labels)))
                .clone()
        })
    }

    /// `(label index, key)` of the keys that start with `c`, in the labels' order.
    fn starting_with(&self, c: char) -> impl Iterator<Item = (usize, &str)> {
        let from = self.0.partition_point(|k| k.0 < c);
        let to = self.0.partition_point(|k| k.0 <= c);
        self.0[from..to].iter().map(|(_, i, k)| (*i, &**k))
    }
}

/// [`split_pairs`] on keys made once, for a reader that splits many cells on the same labels.
pub fn split_pairs_keyed(text: &str, keys: &PairKeys) -> Vec<Pair> {
    if !text.contains([':', '：']) {
        return Vec::new();
    }
    // The cell without whitespace, punctuation unified, each char with its byte offset in `text`.
    let norm: Vec<(char, usize, bool)> = {
        let mut out = Vec::new();
        let mut after_space = true;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                after_space = true;
                continue;
            }
            out.push((unify(c), i, after_space));
            after_space = false;
        }
        out
    };
    // The longest label key (then bracketed words) and a colon at `p`: (label index, key
    // length, end in norm just after the colon).
    let label_at = |p: usize| {
        keys.starting_with(norm[p].0)
            .filter_map(|(i, k)| {
                let mut end = p;
                for c in k.chars() {
                    if norm.get(end).map(|x| x.0) != Some(c) {
                        return None;
                    }
                    end += 1;
                }
                let len = end - p;
                let mut q = end;
                if norm.get(q).is_some_and(|x| x.0 == '(') {
                    q = end + norm[end..].iter().position(|x| x.0 == ')')? + 1;
                }
                (norm.get(q).is_some_and(|x| x.0 == ':')).then_some((i, len, q + 1))
            })
            .max_by_key(|&(_, len, _)| len)
    };
    // (start in norm, end in norm just after the colon, label index). The cell must start
    // with a label: nothing else is searched for when it does not.
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut p = 0;
    while p < norm.len() {
        if !norm[p].2 {
            p += 1;
            continue;
        }
        match label_at(p) {
            Some((i, _, end)) => {
                found.push((p, end, i));
                p = end;
            }
            None if p == 0 => return Vec::new(),
            None => p += 1,
        }
    }
    if found.first().is_none_or(|f| f.0 != 0) {
        return Vec::new();
    }
    let byte = |n: usize| norm.get(n).map(|x| x.1).unwrap_or(text.len());
    found
        .iter()
        .enumerate()
        .map(|(k, &(start, end, label))| {
            let stop = found.get(k + 1).map(|f| byte(f.0)).unwrap_or(text.len());
            let colon = byte(end - 1);
            Pair {
                label,
                written: text[byte(start)..colon].trim().to_string(),
                value: text[byte(end).min(stop)..stop].trim().to_string(),
            }
        })
        .collect()
}

pub(super) const fn label(text: &'static str) -> Label {
    Label {
        text,
        variants: &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run-copying [`normalize_label`] gives what a char-by-char filter gives.
    #[test]
    fn normalize_label_is_the_char_filter() {
        let by_char = |t: &str| -> String {
            let mut s: String = t
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(unify)
                .collect();
            if s.contains('<') {
                for tag in ["<p>", "</p>", "<br>", "<br/>"] {
                    s = s.replace(tag, "");
                }
            }
            while s.ends_with(':') {
                s.pop();
            }
            s
        };
        for t in [
            "",
            " ",
            "项目资金（万元）",
            "  项目 名称\n：",
            "\u{3000}年度\u{a0}资金总额：：",
            "指标值／单位，说明",
            "<p>项目名称</p>:",
            "a\u{2028}b\u{205f}c（d）",
            "：",
            "项目名称",
            "<br>",
            "a:",
        ] {
            assert_eq!(normalize_label(t), by_char(t), "{t:?}");
            // A text that is already its own key is lent, not copied.
            let lent = matches!(normalized_label(t), std::borrow::Cow::Borrowed(_));
            assert_eq!(lent, by_char(t) == t, "{t:?}");
        }
        assert_eq!(normalize_label(" 项目资金（ 万元 ）："), "项目资金(万元)");
        // Every character, alone and inside Chinese text: the bytes skipped undecoded
        // (`MAY_CHANGE`) start no character the filter changes.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            for t in [format!("{c}"), format!("项{c}目a{c}")] {
                assert_eq!(normalize_label(&t), by_char(&t), "U+{:04X}", c as u32);
            }
        }
    }
}

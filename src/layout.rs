//! The official layouts, described once: the labels every reader anchors on (with the variants
//! seen in real forms) and the cells the writers put them in (DOMAIN §1c, §1e).
//!
//! Readers never use the positions; they find labels anywhere and take the neighbouring value.
//! Writers use the positions of the official Shanghai 8-column forms (A–H).

use crate::model::MoneyUnit;

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
    let mut s: String = text
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
}

/// Whether a 三级 cell holds only a placeholder of a blank form: `指标1:`, `指标2：`, `……`
/// (the Anhui edition of the national 自评表, DOMAIN §1b), left in where a 二级 has fewer
/// indicators than the form has rows.
pub fn is_placeholder(text: &str) -> bool {
    let t = normalize_label(text);
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
    is_footer_key(&normalize_label(text))
}

/// [`is_footer`] of a text already normalised by [`normalize_label`].
pub fn is_footer_key(t: &str) -> bool {
    if let Some(rest) = t.strip_prefix('注') {
        return rest.is_empty() || rest.starts_with([':', '1', '(', '①', '一', '：']);
    }
    FOOTER_LABELS.iter().any(|l| {
        let mut rest = t.chars();
        label_chars(l).all(|c| rest.next() == Some(c))
            && (rest.as_str().is_empty() || rest.as_str().starts_with(':'))
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
        self.matches_key(&normalize_label(cell_text))
    }

    /// [`Label::matches`] for a text already normalised by [`normalize_label`] (the grid keeps
    /// that of every cell: [`crate::grid::Grid::label_key`]).
    pub fn matches_key(&self, key: &str) -> bool {
        std::iter::once(self.text)
            .chain(self.variants.iter().copied())
            .any(|l| {
                let mut rest = key.chars();
                let same = label_chars(l).all(|c| rest.next() == Some(c));
                let rest = rest.as_str();
                same && (rest.is_empty() || (rest.starts_with('(') && rest.ends_with(')')))
            })
    }
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
    // (start in norm, end in norm just after the colon, label index)
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut p = 0;
    while p < norm.len() {
        if !norm[p].2 {
            p += 1;
            continue;
        }
        let best = labels
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                std::iter::once(l.text)
                    .chain(l.variants.iter().copied())
                    .map(move |t| (i, t))
            })
            .filter_map(|(i, l)| {
                let mut end = p;
                for c in label_chars(l) {
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
            .max_by_key(|&(_, len, _)| len);
        match best {
            Some((i, _, end)) => {
                found.push((p, end, i));
                p = end;
            }
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

const fn label(text: &'static str) -> Label {
    Label {
        text,
        variants: &[],
    }
}

/// Where every form prints its title and year caption.
pub const TITLE_AT: &str = "A1:H1";
pub const YEAR_AT: &str = "A2:H2";

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

/// A field of a form: its path in the model, its label, and where the official form prints
/// label and value (A1 ranges).
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub path: &'static str,
    pub label: Label,
    pub label_at: &'static str,
    pub value_at: &'static str,
}

/// 财政项目支出绩效目标申报表 (DOMAIN §1c).
pub mod declaration {
    use super::{Field, Label, label};

    pub const TITLE: Label = Label {
        text: "财政项目支出绩效目标申报表",
        variants: &["项目支出绩效目标申报表"],
    };
    pub const COLUMNS: u16 = 8;
    pub const PROJECT_NAME: Label = Label {
        text: "项目名称",
        variants: &["项目支出名称"],
    };
    pub const PROJECT_NATURE: Label = Label {
        text: "项目性质",
        variants: &["项目属性"],
    };
    pub const PROJECT_CATEGORY: Label = label("项目类别");
    pub const DEPARTMENT: Label = Label {
        text: "主管部门",
        // 主管部门及编码 (湖北), 项目主管部门, 预算部门 (一体化 目标表), 预算单位 (东莞 批复表).
        variants: &[
            "主管部门及代码",
            "主管部门及编码",
            "项目主管部门",
            "预算部门",
            "预算单位",
        ],
    };
    pub const IMPLEMENTING_UNIT: Label = Label {
        text: "实施单位",
        variants: &["项目实施单位", "项目执行单位", "执行单位"],
    };
    pub const PLANNED_START: Label = label("计划开始日期");
    pub const PLANNED_END: Label = label("计划完成日期");
    pub const FUNDS: Label = Label {
        text: "项目资金（元）",
        // 88号: `项目资金 (万元)`; the unit is read from the parenthetical. Provincial copies:
        // `资金情况（万元）`, `项目资金申请（万元）`.
        variants: &["项目资金", "资金情况", "项目资金申请"],
    };
    /// `资金总额` beside `当年资金总额` (湖北) is the whole project's.
    pub const PROJECT_TOTAL: Label = Label {
        text: "项目资金总额",
        variants: &["资金总额"],
    };
    pub const PROJECT_FISCAL: Label = Label {
        text: "其中：财政资金",
        variants: &["财政资金"],
    };
    pub const OTHER: Label = Label {
        text: "其他资金",
        variants: &["当年其他资金"],
    };
    pub const ANNUAL_TOTAL: Label = Label {
        text: "年度资金申请总额",
        // 东莞: `本年度申请市财政预算资金（万元）`.
        variants: &["年度资金总额", "当年资金总额", "本年度申请市财政预算资金"],
    };
    /// On the 年度 side; the 88号 form prints `其中:财政拨款` on its 中期 side too (the side
    /// decides, as for [`OTHER`]).
    pub const ANNUAL_FISCAL: Label = Label {
        text: "其中：当年财政拨款",
        // `其中：上级资金` (湖北: transfers from the level above, the form's 财政拨款).
        variants: &[
            "当年财政拨款",
            "其中：本年财政拨款",
            "其中：财政拨款",
            "其中：上级资金",
        ],
    };
    pub const ANNUAL_CARRYOVER: Label = Label {
        text: "上年结转资金",
        variants: &["上年结转"],
    };
    pub const GOALS: Label = Label {
        text: "项目绩效目标",
        variants: &["总体目标"],
    };
    pub const OVERALL_GOAL: Label = Label {
        text: "项目总目标",
        variants: &["项目总体目标", "实施期绩效目标", "长期目标"],
    };
    pub const ANNUAL_GOAL: Label = Label {
        text: "年度总体目标",
        // `年度` alone: 淮北 2025 prints only the first line of its `年度\n目标` label.
        variants: &[
            "年度总目标",
            "年度目标",
            "本年度绩效目标",
            "本年度目标",
            "年度绩效目标",
            "年度",
        ],
    };
    pub const INDICATORS: Label = Label {
        text: "绩效指标",
        // `绩` alone: 淮北 2025 (first line of 绩/效/指/标); `绩效项目指标表` (湖北) heads the table.
        variants: &["绩", "绩效项目指标表"],
    };
    pub const LEVEL1: Label = Label {
        text: "一级指标",
        variants: &["一级"],
    };
    pub const LEVEL2: Label = label("二级指标");
    pub const LEVEL3: Label = Label {
        text: "三级指标",
        variants: &["指标内容", "指标名称"],
    };
    pub const TARGET: Label = Label {
        text: "年度（/项目）指标值",
        variants: &[
            "年度指标值",
            "指标值",
            "年度(/项目)指标值",
            "年度（项目）指标值",
            "指标值及单位",
            "计划指标值",
            "年度指标值及单位",
        ],
    };

    /// The national 88号 form (DOMAIN §1a), read by the same reader: its 年度 side fills the
    /// fields above, these labels its 中期 side and what else it prints. `项目期` stands where
    /// the Shanghai form has its dates; `中期目标(2024年—2026年)` carries the years.
    pub const PROJECT_PERIOD: Label = label("项目期");
    pub const MEDIUM_TOTAL: Label = Label {
        text: "中期资金总额",
        // 东莞: `中期市财政预算（万元）`.
        variants: &["中期市财政预算"],
    };
    pub const MEDIUM_GOAL: Label = Label {
        text: "中期目标",
        variants: &["中期滚动目标"],
    };
    /// The signature line under the 88号 title: `项目责任人(签字):` and `单位(盖章):`, blank or
    /// filled in (a filled one becomes a note).
    pub const SIGNATURES: [Label; 2] = [
        Label {
            text: "项目责任人（签字）",
            variants: &["项目责任人"],
        },
        label("单位（盖章）"),
    ];
    /// Header labels whose value the model has no field for, kept as 备注 notes with the label
    /// as printed: `项目来源` and `项目期` (安徽), `项目起止时间` (湖北), the contact lines, the
    /// system's report number.
    pub const HEADER_NOTES: &[Label] = &[
        label("项目来源"),
        label("项目起止时间"),
        label("项目负责人"),
        label("项目负责人及电话"),
        label("项目负责人及联系电话"),
        label("联系电话"),
        label("填报单位"),
        label("报表编号"),
    ];

    /// Header fields: label → value to its right. Rows 3–5 of the official form.
    pub const HEADER: &[Field] = &[
        Field {
            path: "project_name",
            label: PROJECT_NAME,
            label_at: "A3:B3",
            value_at: "C3:D3",
        },
        Field {
            path: "project_nature",
            label: PROJECT_NATURE,
            label_at: "E3",
            value_at: "F3",
        },
        Field {
            path: "project_category",
            label: PROJECT_CATEGORY,
            label_at: "G3",
            value_at: "H3",
        },
        Field {
            path: "department",
            label: DEPARTMENT,
            label_at: "A4:B4",
            value_at: "C4:D4",
        },
        Field {
            path: "implementing_unit",
            label: IMPLEMENTING_UNIT,
            label_at: "E4",
            value_at: "F4:H4",
        },
        Field {
            path: "planned_start",
            label: PLANNED_START,
            label_at: "A5:B5",
            value_at: "C5:D5",
        },
        Field {
            path: "planned_end",
            label: PLANNED_END,
            label_at: "E5",
            value_at: "F5:H5",
        },
    ];
    /// Where 项目名称's value goes when the form has no 项目性质 (the 宝山 layout).
    pub const PROJECT_NAME_WITHOUT_NATURE_AT: &str = "C3:F3";

    /// 项目资金 block, rows 6–9: the whole-project side (label C:D, amount E) and the annual side
    /// (label F:G, amount H). `OTHER` appears on both sides; the side decides the field.
    pub const FUNDS_AT: &str = "A6:B9";
    pub const FUND_FIELDS: &[Field] = &[
        Field {
            path: "funds.project_total",
            label: PROJECT_TOTAL,
            label_at: "C6:D6",
            value_at: "E6",
        },
        Field {
            path: "funds.project_fiscal",
            label: PROJECT_FISCAL,
            label_at: "C7:D8",
            value_at: "E7:E8",
        },
        Field {
            path: "funds.project_other",
            label: OTHER,
            label_at: "C9:D9",
            value_at: "E9",
        },
        Field {
            path: "funds.annual_total",
            label: ANNUAL_TOTAL,
            label_at: "F6:G6",
            value_at: "H6",
        },
        Field {
            path: "funds.annual_fiscal",
            label: ANNUAL_FISCAL,
            label_at: "F7:G7",
            value_at: "H7",
        },
        Field {
            path: "funds.annual_carryover",
            label: ANNUAL_CARRYOVER,
            label_at: "F8:G8",
            value_at: "H8",
        },
        Field {
            path: "funds.annual_other",
            label: OTHER,
            label_at: "F9:G9",
            value_at: "H9",
        },
    ];

    /// 项目绩效目标, rows 10–11: label row, then the text below it.
    pub const GOALS_AT: &str = "A10:A11";
    pub const GOAL_FIELDS: &[Field] = &[
        Field {
            path: "overall_goal",
            label: OVERALL_GOAL,
            label_at: "B10:E10",
            value_at: "B11:E11",
        },
        Field {
            path: "annual_goal",
            label: ANNUAL_GOAL,
            label_at: "F10:H10",
            value_at: "F11:H11",
        },
    ];

    /// Indicator table: header on row 12, one row per 三级 from row 13; `绩效指标` in column A
    /// spans header and rows. Columns: 一级 B, 二级 C, 三级 D:F, 指标值 G:H (0-based first, last).
    pub const TABLE_HEADER_ROW: u32 = 11;
    pub const LEVEL1_COLS: (u16, u16) = (1, 1);
    pub const LEVEL2_COLS: (u16, u16) = (2, 2);
    pub const NAME_COLS: (u16, u16) = (3, 5);
    pub const TARGET_COLS: (u16, u16) = (6, 7);

    /// `绩效指标` spans column A from the header row to the last indicator row.
    pub const INDICATORS_COL: u16 = 0;

    /// 备注: after the indicator table, a heading row over A:H, then one row per note — its
    /// label in A:B, its text in C:H. Printed only when the form has notes (a converted 2020
    /// 目标表's narrative sections and prior-year amounts).
    pub const NOTES: Label = label("备注");
    pub const NOTES_COLS: (u16, u16) = (0, 7);
    pub const NOTE_LABEL_COLS: (u16, u16) = (0, 1);
    pub const NOTE_TEXT_COLS: (u16, u16) = (2, 7);

    /// Column widths of the official form, in Excel character units.
    pub const COLUMN_WIDTHS: [f64; 8] = [7.0, 9.0, 14.0, 12.0, 15.0, 13.0, 10.0, 15.0];
}

/// 财政项目支出绩效自评表 (DOMAIN §1e).
pub mod self_eval {
    use super::{Field, Label, label};

    pub const TITLE: Label = Label {
        text: "财政项目支出绩效自评表",
        variants: &["项目支出绩效自评表"],
    };
    pub const COLUMNS: u16 = 8;
    pub const PROJECT_NAME: Label = Label {
        text: "项目名称",
        variants: &["项目支出名称"],
    };
    pub const DEPARTMENT: Label = Label {
        text: "主管部门",
        variants: &[
            "主管部门及代码",
            "主管部门及编码",
            "项目主管部门",
            "预算部门",
        ],
    };
    pub const IMPLEMENTING_UNIT: Label = Label {
        text: "实施单位",
        variants: &["项目实施单位", "项目执行单位"],
    };
    pub const FUNDS: Label = Label {
        text: "项目资金（万元）",
        // 四川 一体化: `预算执行情况(10分)`, with the unit in `年度预算数(万元)`.
        variants: &["项目资金", "资金情况", "预算执行情况"],
    };
    /// Header labels kept as notes (see [`super::declaration::HEADER_NOTES`]).
    pub const HEADER_NOTES: &[Label] = &[
        label("报表编号"),
        Label {
            text: "项目实施内容及过程概述",
            variants: &["2.项目实施内容及过程概述"],
        },
    ];
    /// Headings that announce a block (四川: `项目基本情况`, `1.项目年度目标完成情况`, and
    /// `年度预算数(万元)` over the funds row heads); read as labels, no field.
    pub const HEADINGS: &[Label] = &[
        label("项目基本情况"),
        Label {
            text: "项目年度目标完成情况",
            variants: &["1.项目年度目标完成情况"],
        },
        label("年度预算数"),
    ];

    pub const HEADER: &[Field] = &[
        Field {
            path: "project_name",
            label: PROJECT_NAME,
            label_at: "A3",
            value_at: "B3:H3",
        },
        Field {
            path: "department",
            label: DEPARTMENT,
            label_at: "A4",
            value_at: "B4:D4",
        },
        Field {
            path: "implementing_unit",
            label: IMPLEMENTING_UNIT,
            label_at: "E4",
            value_at: "F4:H4",
        },
    ];

    /// Funds grid: `FUNDS` label A5:A9, column heads C5:H5, row heads B6:B9, figures C6:H9.
    pub const FUNDS_AT: &str = "A5:A9";
    pub const FUNDS_HEADER_ROW: u32 = 4;
    pub const FUNDS_FIRST_COL: u16 = 2;
    pub const FUNDS_ROW_LABEL_COL: u16 = 1;
    /// Column heads in form order, matching [`crate::model::FundsRow::columns`].
    pub const FUND_COLUMNS: [Label; 6] = [
        Label {
            text: "年初预算数",
            variants: &["年初预算"],
        },
        Label {
            text: "全年预算数",
            variants: &["调整后预算数"],
        },
        Label {
            text: "全年执行数",
            variants: &["预算执行数"],
        },
        // The money block says 分数 (seed 001); the indicator table below says 分值.
        Label {
            text: "分数",
            variants: &["分值", "权重"],
        },
        Label {
            text: "执行率(%)",
            variants: &["执行率", "预算执行率"],
        },
        label("得分"),
    ];
    /// Row heads in form order, matching [`crate::model::SelfEvaluationFunds::rows`].
    pub const FUND_ROWS: [Label; 4] = [
        Label {
            text: "年度资金总额",
            variants: &["总额"],
        },
        Label {
            text: "其中：当年财政拨款",
            variants: &[
                "当年财政拨款",
                "其中：本年财政拨款",
                "本年财政拨款",
                "其中：财政资金",
            ],
        },
        label("上年结转资金"),
        label("其他资金"),
    ];

    pub const GOALS: Label = label("年度总体目标");
    pub const GOALS_AT: &str = "A10:A11";
    pub const GOAL_FIELDS: &[Field] = &[
        Field {
            path: "expected_goal",
            label: Label {
                text: "预期目标",
                variants: &["项目年度目标", "年度目标"],
            },
            label_at: "B10:E10",
            value_at: "B11:E11",
        },
        Field {
            path: "actual_result",
            label: Label {
                text: "实际完成情况",
                variants: &["年度目标完成情况", "全年实际完成情况"],
            },
            label_at: "F10:H10",
            value_at: "F11:H11",
        },
    ];

    /// Indicator table: header row 12, then one row per 三级 (columns A–H below).
    pub const TABLE_HEADER_ROW: u32 = 11;
    pub const TABLE_COLUMNS: [Label; 8] = [
        label("一级指标"),
        label("二级指标"),
        label("三级指标"),
        Label {
            text: "年度指标值",
            variants: &["指标值", "年度（/项目）指标值", "年度(/项目)指标值"],
        },
        Label {
            text: "实际完成值",
            variants: &["完成值", "全年实际值"],
        },
        Label {
            text: "分值",
            variants: &["分数", "权重"],
        },
        label("得分"),
        Label {
            text: "偏差原因分析及改进措施",
            variants: &[
                "偏差原因分析及改进措施(未完成原因及改进措施)",
                "未完成原因分析",
                "未完成原因及改进措施",
            ],
        },
    ];
    pub const INDICATORS: Label = label("绩效指标");
    /// The table's columns, 0-based, in the order of [`TABLE_COLUMNS`].
    pub const LEVEL1_COL: u16 = 0;
    pub const LEVEL2_COL: u16 = 1;
    pub const NAME_COL: u16 = 2;
    pub const TARGET_COL: u16 = 3;
    pub const ACTUAL_COL: u16 = 4;
    pub const WEIGHT_COL: u16 = 5;
    pub const SCORE_COL: u16 = 6;
    pub const REASON_COL: u16 = 7;

    /// After the table: `总分` A:E | 分值 F | 得分 G | H, then `评分等级` A:E | F:H.
    pub const TOTAL: Label = Label {
        text: "总分",
        variants: &["合计"],
    };
    pub const GRADE: Label = label("评分等级");
    /// Columns of the two closing rows: label A:E, then 分值 F | 得分 G | H (the table's
    /// columns) on the 总分 row and the grade F:H on the 评分等级 row (0-based first, last).
    pub const SUMMARY_LABEL_COLS: (u16, u16) = (0, 4);
    pub const GRADE_COLS: (u16, u16) = (5, 7);

    /// H is two characters wider than the fixture's 16 so `偏差原因分析及改进措施` fits on one
    /// line in the wider CJK fonts that stand in for 宋体 (LibreOffice on Linux).
    pub const COLUMN_WIDTHS: [f64; 8] = [10.0, 14.0, 22.0, 14.0, 14.0, 8.0, 9.0, 18.0];
}

/// 财政项目支出绩效目标表, the Shanghai 2020 form (DOMAIN §1d): `label：value` pairs (one or two
/// in a cell, or label and value in neighbouring cells), narrative sections as a label row and a
/// text row, the prior-year amounts, then the 一级目标 … 指标目标值 table.
pub mod legacy_2020 {
    use super::{Label, label, normalize_label};

    pub const TITLE: Label = Label {
        text: "财政项目支出绩效目标表",
        variants: &["项目支出绩效目标表"],
    };
    pub const COLUMNS: u16 = 4;
    pub const APPLICANT: Label = Label {
        text: "申报单位名称",
        variants: &["申报单位"],
    };
    pub const PROJECT_NAME: Label = label("项目名称");
    pub const PROJECT_CATEGORY: Label = label("项目类别");
    pub const PLANNED_START: Label = label("计划开始日期");
    pub const PLANNED_END: Label = label("计划完成日期");
    pub const GOVERNMENT_PURCHASE: Label = label("是否含有政府购买服务");
    pub const PERFORMANCE_TYPE: Label = label("绩效类型");

    /// Header fields: `(path, label)`, in form order.
    pub const HEADER: &[(&str, Label)] = &[
        ("applicant", APPLICANT),
        ("project_name", PROJECT_NAME),
        ("project_category", PROJECT_CATEGORY),
        ("planned_start", PLANNED_START),
        ("planned_end", PLANNED_END),
        ("government_purchase", GOVERNMENT_PURCHASE),
        ("performance_type", PERFORMANCE_TYPE),
    ];

    /// The six narrative sections: `(path, label)`; each label row is followed by its text.
    pub const NARRATIVE: &[(&str, Label)] = &[
        ("overview", label("项目概况")),
        ("basis", label("立项依据")),
        ("necessity", label("项目设立的必要性")),
        (
            "measures",
            Label {
                text: "保证项目实施的制度、措施",
                variants: &["保证项目实施的制度,措施", "保证项目实施的制度和措施"],
            },
        ),
        ("plan", label("项目实施计划")),
        ("goals", label("总目标及阶段性目标")),
    ];

    /// `本项目上年度市级财政资金使用情况`, the heading of the amounts.
    pub const PRIOR_YEAR: Label = label("本项目上年度市级财政资金使用情况");
    /// The four amounts: `(path, label)`; the unit is in the label (`项目总预算（元）`).
    pub const AMOUNTS: &[(&str, Label)] = &[
        ("total_budget", label("项目总预算")),
        ("current_budget", label("项目当年预算")),
        ("prior_budget", label("同名项目上年预算额")),
        ("prior_executed", label("同名项目上年预算执行数")),
    ];

    /// `2020年绩效目标`, the heading of the indicator table.
    pub const TARGETS: Label = label("绩效目标");
    pub const LEVEL1: Label = label("一级目标");
    pub const LEVEL2: Label = label("二级目标");
    pub const LEVEL3: Label = label("三级目标");
    pub const TARGET: Label = Label {
        text: "指标目标值",
        variants: &["目标值", "指标值"],
    };

    /// Whether `text` is the table heading, `2020年绩效目标` (any year) or `绩效目标`.
    pub fn is_targets_heading(text: &str) -> bool {
        let t = normalize_label(text);
        let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
        let rest = if rest.len() < t.len() {
            rest.strip_prefix('年').unwrap_or(rest)
        } else {
            rest
        };
        TARGETS.matches(rest)
    }

    /// Column widths of the form, in Excel character units.
    pub const COLUMN_WIDTHS: [f64; 4] = [16.0, 16.0, 26.0, 36.0];
}

/// The flat tables (`convert --to csv`, `--to xlsx-flat`): file or sheet names and columns, in
/// order. Readers of flat tables use the same lists.
pub mod flat {
    pub const DECLARATIONS: &str = "declarations";
    pub const SELF_EVALUATIONS: &str = "self_evaluations";
    pub const INDICATORS: &str = "indicators";
    pub const LEGACY_2020: &str = "legacy_2020";

    pub const DECLARATION_COLUMNS: &[&str] = &[
        "来源文件",
        "工作表",
        "年度",
        "项目名称",
        "项目性质",
        "项目类别",
        "主管部门",
        "实施单位",
        "计划开始日期",
        "计划完成日期",
        "项目资金总额",
        "财政资金",
        "其他资金",
        "年度资金申请总额",
        "当年财政拨款",
        "上年结转资金",
        "年度其他资金",
        "项目总目标",
        "年度总体目标",
    ];
    pub const LEGACY_2020_COLUMNS: &[&str] = &[
        "来源文件",
        "工作表",
        "年度",
        "申报单位名称",
        "项目名称",
        "项目类别",
        "计划开始日期",
        "计划完成日期",
        "是否含有政府购买服务",
        "绩效类型",
        "项目概况",
        "立项依据",
        "项目设立的必要性",
        "保证项目实施的制度、措施",
        "项目实施计划",
        "总目标及阶段性目标",
        "项目总预算",
        "项目当年预算",
        "同名项目上年预算额",
        "同名项目上年预算执行数",
    ];
    /// Row names of the 自评表 funds grid, in [`crate::model::SelfEvaluationFunds::rows`] order.
    pub const FUND_ROWS: [&str; 4] = ["年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"];
    /// Column names, in [`crate::model::FundsRow::columns`] order.
    pub const FUND_COLUMNS: [&str; 6] = [
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ];
    pub const SELF_EVALUATION_LEAD: &[&str] = &[
        "来源文件",
        "工作表",
        "年度",
        "项目名称",
        "主管部门",
        "实施单位",
        "资金单位",
    ];
    pub const SELF_EVALUATION_TAIL: &[&str] = &["预期目标", "实际完成情况", "总分", "评分等级"];
    pub const INDICATOR_COLUMNS: &[&str] = &[
        "来源文件",
        "工作表",
        "表种",
        "项目名称",
        "序号",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ];

    /// How a CSV cell keeps its text through Excel, WPS and LibreOffice: a value starting with
    /// `=`, `+`, `-` or `@` would be taken for a formula or a number (`=100.00(%)` becomes
    /// `Err:509`, `+5` becomes `5`), so the CSV writer puts an apostrophe `'` before it — and
    /// before a value that starts with an apostrophe itself, so that the mark is reversible.
    /// Office programs keep `'=100.00(%)` as text (LibreOffice and Excel show the apostrophe;
    /// either way the cell reads back exactly), and [`unprotect`] takes the mark off.
    /// A lone `-` or `+` (a dash for "none") stays as it is: no office program changes it.
    pub fn protect(text: &str) -> std::borrow::Cow<'_, str> {
        if text.starts_with(['=', '+', '-', '@', '\'']) && !matches!(text, "-" | "+") {
            format!("'{text}").into()
        } else {
            text.into()
        }
    }

    /// The text of a CSV cell that [`protect`] may have marked: one leading apostrophe before
    /// `=`, `+`, `-`, `@` or `'` is taken off; any other text is kept as it is.
    pub fn unprotect(text: &str) -> &str {
        match text.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\'']) => rest,
            _ => text,
        }
    }

    /// Whether a cell's text is an error value a spreadsheet wrote in place of a formula's
    /// result (`#VALUE!`, `#DIV/0!`, LibreOffice's `Err:509`): a value that was lost.
    pub fn is_error_value(text: &str) -> bool {
        const EXCEL: &[&str] = &[
            "#NULL!",
            "#DIV/0!",
            "#VALUE!",
            "#REF!",
            "#NAME?",
            "#NUM!",
            "#N/A",
            "#SPILL!",
            "#CALC!",
            "#FIELD!",
            "#BLOCKED!",
            "#GETTING_DATA",
            "#CONNECT!",
            "#BUSY!",
            "#UNKNOWN!",
            "#NAME!",
        ];
        let t = text.trim();
        EXCEL.iter().any(|e| t.eq_ignore_ascii_case(e))
            || t.strip_prefix("Err:")
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    }

    /// Whether the first line of a text table holds a column name of any flat table (how the
    /// encoding of a CSV file is told when it is not UTF-8).
    pub fn is_header_line(line: &str) -> bool {
        [DECLARATION_COLUMNS, INDICATOR_COLUMNS, SELF_EVALUATION_LEAD]
            .iter()
            .flat_map(|c| c.iter())
            .any(|c| line.contains(c))
    }

    /// The model's field names of the indicator columns from 一级指标 on
    /// (`INDICATOR_COLUMNS[5..]`, and [`super::self_eval::TABLE_COLUMNS`] in the same order).
    pub const INDICATOR_FIELDS: [&str; 8] = [
        "level1",
        "level2",
        "name",
        "target",
        "actual",
        "weight",
        "score",
        "deviation_reason",
    ];

    /// The printed label of an indicator field (`target` → `指标值`).
    pub fn indicator_label(field: &str) -> Option<&'static str> {
        let i = INDICATOR_FIELDS.iter().position(|f| *f == field)?;
        INDICATOR_COLUMNS
            .get(INDICATOR_COLUMNS.len() - INDICATOR_FIELDS.len() + i)
            .copied()
    }

    /// All columns of `self_evaluations`: the lead, `R.C` for each funds cell, the tail.
    pub fn self_evaluation_columns() -> Vec<String> {
        let grid = FUND_ROWS
            .iter()
            .flat_map(|r| FUND_COLUMNS.iter().map(move |c| format!("{r}.{c}")));
        SELF_EVALUATION_LEAD
            .iter()
            .map(|s| s.to_string())
            .chain(grid)
            .chain(SELF_EVALUATION_TAIL.iter().map(|s| s.to_string()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::a1::parse_area;

    #[test]
    fn every_position_in_the_layout_parses() {
        let fields = declaration::HEADER
            .iter()
            .chain(declaration::FUND_FIELDS)
            .chain(declaration::GOAL_FIELDS)
            .chain(self_eval::HEADER)
            .chain(self_eval::GOAL_FIELDS);
        for f in fields {
            assert!(parse_area(f.label_at).is_some(), "{}", f.label_at);
            assert!(parse_area(f.value_at).is_some(), "{}", f.value_at);
        }
        for a1 in [
            TITLE_AT,
            YEAR_AT,
            declaration::PROJECT_NAME_WITHOUT_NATURE_AT,
            declaration::FUNDS_AT,
            declaration::GOALS_AT,
            self_eval::FUNDS_AT,
            self_eval::GOALS_AT,
        ] {
            assert!(parse_area(a1).is_some(), "{a1}");
        }
    }

    #[test]
    fn captions_and_unit_labels() {
        assert_eq!(year_caption(Some(2026)), "（2026年度）");
        assert_eq!(year_caption(None), "（    年度）");
        assert_eq!(funds_label(MoneyUnit::Yuan), declaration::FUNDS.text);
        assert_eq!(funds_label(MoneyUnit::WanYuan), self_eval::FUNDS.text);
    }

    #[test]
    fn labels_match_after_normalising_whitespace_colons_and_brackets() {
        assert!(declaration::FUNDS.matches("项目资金\n（元）"));
        assert!(declaration::FUNDS.matches("项目资金 (元)"));
        assert!(declaration::PROJECT_TOTAL.matches("项目资金总额:"));
        assert!(declaration::ANNUAL_FISCAL.matches("其中: 当年财政拨款"));
        assert!(declaration::OVERALL_GOAL.matches("项目总目标 (2024年-2024年)"));
        assert!(declaration::ANNUAL_GOAL.matches("年度总目标"));
        assert!(declaration::TARGET.matches("年度(/项目)指标值"));
        assert!(self_eval::FUND_COLUMNS[0].matches("年初预算\n数"));
        assert!(self_eval::FUND_COLUMNS[4].matches("执行率(%)"));
        assert!(self_eval::FUND_COLUMNS[3].matches("分数"));
        assert!(!declaration::PROJECT_TOTAL.matches("项目资金"));
        assert!(!declaration::OTHER.matches("其他资金来源说明"));
    }

    #[test]
    fn issue_11_footers_are_no_indicators() {
        for t in [
            "注: 1.“其他资金”是指与财政拨款共同用于同一项目的单位自有资金",
            "注：各地请根据实际情况",
            "填报人：",
            "联系电话",
            "单位负责人:",
            "项目负责人:",
            "评价结论",
        ] {
            assert!(is_footer(t), "{t}");
        }
        for t in [
            "注册人数",
            "注重实效",
            "服务对象满意度",
            "填报及时率",
            "备注",
        ] {
            assert!(!is_footer(t), "{t}");
        }
    }

    #[test]
    fn knows_the_placeholders_of_blank_forms() {
        for p in ["指标1:", "指标2：", " 指标 10 ", "……", "...", "⋯⋯"] {
            assert!(is_placeholder(p), "{p}");
        }
        for t in ["指标", "指标1:公务用车保障率", "公务用车保障率", "", "-"] {
            assert!(!is_placeholder(t), "{t}");
        }
    }

    #[test]
    fn splits_label_value_pairs_inside_one_cell() {
        use legacy_2020::*;
        let labels = [PROJECT_NAME, PROJECT_CATEGORY, AMOUNTS[0].1, AMOUNTS[1].1];
        let pairs = split_pairs(
            "项目名称：合作交流工作业务费    项目类别：经常性专项业务费",
            &labels,
        );
        let got: Vec<(usize, &str, &str)> = pairs
            .iter()
            .map(|p| (p.label, p.written.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (0, "项目名称", "合作交流工作业务费"),
                (1, "项目类别", "经常性专项业务费")
            ]
        );
        let pairs = split_pairs(
            "项目 总预算 (元):500,000\n项目当年预算（元）： 500,000",
            &labels,
        );
        assert_eq!(pairs.len(), 2);
        assert_eq!(
            (pairs[0].written.as_str(), pairs[0].value.as_str()),
            ("项目 总预算 (元)", "500,000")
        );
        assert_eq!((pairs[1].label, pairs[1].value.as_str()), (3, "500,000"));
        // A label with nothing after it, and a value that merely mentions a label.
        assert_eq!(split_pairs("项目名称：", &labels)[0].value, "");
        assert_eq!(split_pairs("该项目名称：x", &labels), []);
        assert_eq!(split_pairs("项目名称：甲项目类别：乙", &labels).len(), 1);
    }
}

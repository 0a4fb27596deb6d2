//! The one registry of diagnostic ids: every rule a [`Diagnostic`](crate::diag::Diagnostic) can
//! carry, with its severity, the section of `docs/domain.md` it follows and a summary in both
//! languages. An id is stable: it names one kind of finding forever (users filter and search by
//! it), so never rename or reuse one; add a new one here before using it.
//!
//! The `check` rules are [`CHECK_RULES`] (re-exported as `check::RULES`); the readers', the
//! flat tables', the converter's and the template maker's follow. [`ALL`] lists every group and a
//! test keeps the ids unique.

use crate::diag::{Rule, Severity};

/// Declares rules: a `const` per rule and a slice of the group.
macro_rules! rules {
    ($group:ident: $($name:ident = $id:literal, $sev:ident, $dom:literal, $zh:literal, $en:literal;)*) => {
        $(
            #[doc = concat!("`", $id, "` (", stringify!($sev), ", ", $dom, "): ", $zh)]
            pub const $name: Rule = Rule { id: $id, severity: Severity::$sev, domain: $dom, zh: $zh, en: $en };
        )*
        /// Every rule of the group, in the order written.
        pub const $group: &[Rule] = &[$($name),*];
    };
}

rules! { CHECK_RULES:
    FORM_BLANK = "form.blank", Warning, "—", "空白表：尚未填写，不作其他检查", "a blank template: reported as blank, nothing else is checked";
    DECL_REQUIRED = "decl.required", Error, "§1c", "申报表必填项已填写", "required 申报表 fields are filled";
    DECL_ANNUAL_TOTAL_SUM = "decl.annual-total-sum", Error, "§5.1", "年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金", "年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金";
    DECL_PROJECT_TOTAL_SUM = "decl.project-total-sum", Error, "§5.2", "项目资金总额 = 财政资金 + 其他资金", "项目资金总额 = 财政资金 + 其他资金";
    DECL_ANNUAL_EXCEEDS_PROJECT = "decl.annual-exceeds-project", Error, "§5.3", "年度资金申请总额 ≤ 项目资金总额", "年度资金申请总额 ≤ 项目资金总额";
    DECL_PROJECT_TOTAL_ONE_YEAR = "decl.project-total-one-year", Warning, "§5.3", "一年期项目：项目资金总额 = 年度资金申请总额", "one-year project: 项目资金总额 = 年度资金申请总额";
    DECL_DATE_FORMAT = "decl.date-format", Error, "§5.8", "计划开始/完成日期是日期", "计划开始/完成日期 are dates";
    DECL_DATE_ORDER = "decl.date-order", Error, "§5.8", "计划开始日期 ≤ 计划完成日期", "计划开始日期 ≤ 计划完成日期";
    DECL_DATE_YEAR = "decl.date-year", Warning, "§5.8", "一年期项目：起止日期在本年度内", "one-year project: dates inside the form's year";
    DECL_COST_CONTROL = "decl.cost-control", Warning, "§5.7", "成本控制指标值 = 年度资金申请总额（软性）", "成本控制额 target = 年度资金申请总额 (soft)";
    INDICATOR_REQUIRED = "indicator.required", Error, "§1c, §1e", "三级指标有指标值", "a 三级 has its 指标值";
    INDICATOR_TAXONOMY = "indicator.taxonomy", Error, "§3.1, §3.2", "（一级, 二级）属于现行或旧版指标体系", "(一级, 二级) is a pair of the current or the old set";
    INDICATOR_TAXONOMY_MIXED = "indicator.taxonomy-mixed", Warning, "§3, §6.6", "一张表不混用新旧指标体系", "one form does not mix the old and the current set";
    INDICATOR_LEVEL1_MISSING = "indicator.level1-missing", Warning, "§2.1, §3", "产出、效益、满意度指标各有一项", "产出/效益/满意度 each present";
    INDICATOR_UNIT_MISSING = "indicator.unit-missing", Warning, "§4", "定量指标值有计量单位", "a 定量 指标值 has a unit";
    INDICATOR_UNIT_UNKNOWN = "indicator.unit-unknown", Warning, "§4", "计量单位是常见单位", "the unit is a known one";
    INDICATOR_RATE_UNIT = "indicator.rate-unit", Warning, "§4", "比率类指标以 % 计", "a rate is in %";
    INDICATOR_NO_COMPARATOR = "indicator.no-comparator", Info, "§4", "定量指标值写明 ≥ ≤ = > <", "a 定量 指标值 states its comparator";
    INDICATOR_UNPARSED_TARGET = "indicator.unparsed-target", Warning, "§4", "像定量的指标值可以读出数字和单位", "a 指标值 that looks 定量 parses";
    SELF_REQUIRED = "self.required", Error, "§1e", "自评表必填项已填写", "required 自评表 fields are filled";
    SELF_FUNDS_SUM = "self.funds-sum", Warning, "§5.4", "各列资金相加一致", "funds columns add up";
    SELF_EXECUTION_RATE = "self.execution-rate", Error, "§2.2", "执行率 = 全年执行数 / 全年预算数", "执行率 = 全年执行数 / 全年预算数";
    SELF_EXECUTION_WEIGHT = "self.execution-weight", Warning, "§2.1", "预算执行率分值为规定分值", "预算执行率 分值 is the expected weight";
    SELF_EXECUTION_SCORE = "self.execution-score", Error, "§2.2", "预算执行得分 = 分值 × 执行率，不超过分值", "预算执行得分 = 分值 × 执行率, capped";
    SELF_SCORE_CAP = "self.score-cap", Error, "§2.3, §2.4", "得分 ≤ 分值", "得分 ≤ 分值";
    SELF_QUANTITATIVE_SCORE = "self.quantitative-score", Error, "§2.3", "定量指标得分按正向/反向/等于计算", "定量 得分 follows 正向/反向/等于";
    SELF_ACTUAL_UNIT = "self.actual-unit", Warning, "§4", "实际完成值与指标值单位一致", "实际完成值 in the target's unit";
    SELF_QUALITATIVE_BAND = "self.qualitative-band", Error, "§2.4", "定性指标得分在所评档次内", "定性 得分 in its band";
    SELF_DEVIATION_REASON = "self.deviation-reason", Error, "§1b, §2.3", "未得满分的指标填写偏差原因", "偏差原因 below full marks";
    SELF_WEIGHT_SUM = "self.weight-sum", Error, "§2.1, §5.6", "指标分值合计 = 100 − 预算执行分值", "Σ 分值 = 100 − execution weight";
    SELF_TOTAL_WEIGHT = "self.total-weight", Error, "§2.1", "总分行分值 = 100", "总分 分值 = 100";
    SELF_TOTAL_SCORE = "self.total-score", Error, "§2.1, §5.6", "总分 = 各指标得分 + 预算执行得分", "总分 = Σ 得分 + 预算执行得分";
    SELF_GRADE = "self.grade", Error, "§2.5", "评分等级与总分相符", "评分等级 matches 总分";
    LEGACY_TAXONOMY = "legacy.taxonomy", Error, "§3.3", "（一级目标, 二级目标）属于 2020 指标体系", "(一级目标, 二级目标) of the 2020 set";
    NUMBER_TOO_LARGE = "number.too-large", Error, "—", "参与计算的数字不超出可计算范围", "figures fit a decimal when computed with";
}

rules! { READ_RULES:
    READ_OUTSIDE_FORM = "read.outside-form", Info, "—", "表格以外的单元格，不属于任何表", "a cell outside every form";
    READ_DATE = "read.date", Warning, "§5.8", "日期无法识别，按原样保留", "a date that is not a date, kept as printed";
    READ_PLACEHOLDER = "read.placeholder", Info, "—", "空白表中的示例文字，按空白读取", "placeholder text of the blank form, read as blank";
    READ_NOT_A_NUMBER = "read.not-a-number", Error, "—", "金额或分数处不是数字", "a number cell holds no number";
    READ_MONEY_UNIT = "read.money-unit", Warning, "—", "金额单位无法确定", "the money unit is unclear";
    READ_DASH_AMOUNT = "read.dash-amount", Warning, "—", "金额写作“-”，按空白读取", "an amount written as a dash, read as blank";
    READ_TITLE_ONLY = "read.title-only", Warning, "—", "只有表名的表：不是可以检查的表", "a form that is only its title";
    READ_UNMAPPED_CELL = "read.unmapped-cell", Warning, "—", "单元格内容没有读入任何栏目", "a cell not mapped into the form";
    READ_ERROR_VALUE = "read.error-value", Warning, "—", "单元格是错误值（#DIV/0! 等），没有可读的值", "a cell holds an error value such as #DIV/0!";
    READ_UNCACHED_FORMULA = "read.uncached-formula", Warning, "—", "公式没有保存计算结果", "a formula saved without its result";
    READ_HIDDEN_SHEET = "read.hidden-sheet", Warning, "—", "隐藏的工作表照常读取", "a hidden sheet, read all the same";
    READ_COMMENTS = "read.comments", Warning, "—", "批注不读入模型", "comments are not read into the model";
    READ_IMPOSSIBLE_DATE = "read.impossible-date", Error, "§5.8", "日期不存在（如 2 月 30 日）", "a date that does not exist";
    READ_SKIPPED = "read.skipped", Warning, "—", "目录中不能读取的文件已跳过", "a file in a directory that is not read";
    READ_NOTE_IN_TABLE = "read.note-in-table", Warning, "§1g", "指标表中的备注文字按备注读入，不计为指标", "a note typed in the indicator table is read as a note, not an indicator";
    READ_NO_FORM_ON_SHEET = "read.no-form-on-sheet", Warning, "—", "工作表中没有表单，其内容未读取", "a sheet without a form, not read";
}

rules! { FLAT_RULES:
    FLAT_MISSING_TABLE = "flat.missing-table", Error, "—", "平表缺少工作表", "a flat table is missing";
    FLAT_UNKNOWN_COLUMN = "flat.unknown-column", Error, "—", "平表中有未知的列", "an unknown column in a flat table";
    FLAT_DUPLICATE_COLUMN = "flat.duplicate-column", Error, "—", "平表中同一列出现两次", "a column appears twice";
    FLAT_MISSING_COLUMN = "flat.missing-column", Error, "—", "平表缺少必需的列", "a required column is missing";
    FLAT_NOT_A_NUMBER = "flat.not-a-number", Error, "—", "数字列中不是数字", "a number column holds no number";
    FLAT_YEAR = "flat.year", Error, "—", "年度不是年份", "the year is not a year";
    FLAT_DUPLICATE_FORM = "flat.duplicate-form", Error, "—", "同一张表出现两次", "the same form appears twice";
    FLAT_MONEY_UNIT = "flat.money-unit", Error, "—", "金额单位无法识别", "the money unit is unknown";
    FLAT_KIND = "flat.kind", Error, "—", "表类型无法识别", "the kind of form is unknown";
    FLAT_UNMATCHED_INDICATOR = "flat.unmatched-indicator", Error, "—", "指标行找不到所属的表", "an indicator row without its form";
    FLAT_ORDER = "flat.order", Error, "—", "指标序号无效", "an indicator order that is not valid";
    FLAT_NOT_ON_FORM = "flat.not-on-form", Error, "—", "该栏目在此版式的表中没有位置", "a field the form's layout has no place for";
    FLAT_NO_NAME = "flat.no-name", Error, "—", "缺少项目名称", "a row without a project name";
    FLAT_FORMULA = "flat.formula", Error, "—", "平表中的公式或错误值", "a formula or an error value in a flat table";
    FLAT_NOT_CARRIED = "flat.not-carried", Warning, "—", "平表无法携带的内容", "what the flat tables cannot carry";
}

rules! { CONVERT_RULES:
    MIGRATE_UNKNOWN_LEVEL = "migrate.unknown-level", Warning, "§3.3", "2020 指标体系中没有的一级/二级，按原样保留", "a 2020 level pair not in the set, kept as printed";
    PROFILE_FILLED = "profile.filled", Info, "§5", "空白栏目按单位配置填写", "a blank field filled from the office profile";
    MIGRATE_MOVED = "migrate.moved", Info, "§3.4", "指标行按所选指标体系移动", "an indicator row moved to the chosen set";
    MIGRATE_REVIEW = "migrate.review", Warning, "§3", "指标换到新体系，需人工复核", "an indicator moved between sets, to review";
    MIGRATE_NO_DEPARTMENT = "migrate.no-department", Info, "§3.3", "2020 目标表没有主管部门，留空", "the 2020 form has no 主管部门, left blank";
    WRITE_SKIPPED_FORM = "write-skipped-form", Warning, "—", "该表无法写入此格式", "a form this format cannot hold";
    WRITE_NEAREST_LAYOUT = "write.nearest-layout", Info, "§1", "原表格式不在已知版式中，按最接近的版式写出", "a form printed in no known layout, written in the nearest one";
}

rules! { TEMPLATE_RULES:
    TEMPLATE_NO_NATURE_FIELD = "template.no-nature-field", Warning, "—", "单位版式没有项目性质栏", "the office's layout has no 项目性质";
    TEMPLATE_DATE = "template.date", Warning, "—", "日期无法识别，按原样保留", "a date that is not a date, kept as it was";
    TEMPLATE_LEFT_OUT = "template.left-out", Warning, "—", "该表未生成", "a form left out";
    TEMPLATE_WEIGHT = "template.weight", Warning, "§2.1", "分值无法分配", "a weight that cannot be given";
}

/// Every group of rules.
pub const ALL: &[&[Rule]] = &[
    CHECK_RULES,
    READ_RULES,
    FLAT_RULES,
    CONVERT_RULES,
    TEMPLATE_RULES,
];

/// Looks a rule up by its id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    ALL.iter().flat_map(|g| g.iter()).find(|r| r.id == id)
}

//! 财政项目支出绩效目标申报表 (DOMAIN §1c).

use super::{Field, Label, label};
use crate::model::field::{DeclarationAmount, DeclarationText};

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
/// The 中期 side under 备注, where a layout without 中期 cells prints it (the official one, see
/// `crate::write::declaration`): `中期资金总额（万元）` (above), these two amounts with their unit,
/// `中期目标（2024年—2026年）` (above), then a table of the 中期 indicators headed `中期指标`,
/// with the columns of the indicator table over it.
pub const MEDIUM_FISCAL: Label = label("中期财政拨款");
pub const MEDIUM_OTHER: Label = label("中期其他资金");
pub const MEDIUM_INDICATORS: Label = label("中期指标");

/// The 88号 form's own words where it says otherwise than the Shanghai form (DOMAIN §1a): the
/// `declaration-88` layout prints these; the readers accept both.
pub const TITLE_88: Label = Label {
    text: "项目支出绩效目标申报表",
    variants: &["财政项目支出绩效目标申报表"],
};
pub const DEPARTMENT_88: Label = Label {
    text: "主管部门及代码",
    variants: &[
        "主管部门",
        "主管部门及编码",
        "项目主管部门",
        "预算部门",
        "预算单位",
    ],
};
pub const NATURE_88: Label = Label {
    text: "项目属性",
    variants: &["项目性质"],
};
pub const ANNUAL_TOTAL_88: Label = Label {
    text: "年度资金总额",
    variants: &["年度资金申请总额", "当年资金总额"],
};
/// `其中：财政拨款`, on both sides of the 88号 funds block.
pub const FISCAL_88: Label = Label {
    text: "其中：财政拨款",
    variants: &["其中：当年财政拨款", "当年财政拨款", "其中：本年财政拨款"],
};
pub const GOALS_88: Label = Label {
    text: "总体目标",
    variants: &["项目绩效目标"],
};
pub const ANNUAL_GOAL_88: Label = Label {
    text: "年度目标",
    variants: &["年度总体目标", "年度总目标", "本年度绩效目标"],
};
pub const TARGET_88: Label = Label {
    text: "指标值",
    variants: &["年度（/项目）指标值", "年度指标值", "指标值及单位"],
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

/// 申报单位名称 (the district 申报表, the 2020 目标表).
pub const APPLICANT: Label = Label {
    text: "申报单位名称",
    variants: &["申报单位"],
};
/// The narrative blocks the district 申报表 prints between 项目资金 and 项目绩效目标, each label
/// beside its text, and the 2020 目标表 as a label row over its text.
pub const OVERVIEW: Label = label("项目概况");
pub const BASIS: Label = label("立项依据");
pub const NECESSITY: Label = label("项目设立的必要性");
pub const MEASURES: Label = Label {
    text: "保证项目实施的制度、措施",
    variants: &["保证项目实施的制度,措施", "保证项目实施的制度和措施"],
};
pub const PLAN: Label = label("项目实施计划");

/// Fields that no layout of [`super::sheets`] gives a place of its own: 申报单位名称 and the
/// narrative blocks, each read by its label with the value on its right. The official form has
/// no rows for them: they are printed in the 备注 block under the table (label | text), as the
/// district form prints them (label | text), and read back from there by their labels.
pub const NARRATIVE: &[(DeclarationText, Label)] = &[
    (DeclarationText::Applicant, APPLICANT),
    (DeclarationText::Overview, OVERVIEW),
    (DeclarationText::Basis, BASIS),
    (DeclarationText::Necessity, NECESSITY),
    (DeclarationText::Measures, MEASURES),
    (DeclarationText::Plan, PLAN),
];

/// Header fields: label → value to its right. Rows 3–5 of the official form.
pub const HEADER: &[Field<DeclarationText>] = &[
    Field {
        id: DeclarationText::ProjectName,
        label: PROJECT_NAME,
        label_at: "A3:B3",
        value_at: "C3:D3",
    },
    Field {
        id: DeclarationText::ProjectNature,
        label: PROJECT_NATURE,
        label_at: "E3",
        value_at: "F3",
    },
    Field {
        id: DeclarationText::ProjectCategory,
        label: PROJECT_CATEGORY,
        label_at: "G3",
        value_at: "H3",
    },
    Field {
        id: DeclarationText::Department,
        label: DEPARTMENT,
        label_at: "A4:B4",
        value_at: "C4:D4",
    },
    Field {
        id: DeclarationText::ImplementingUnit,
        label: IMPLEMENTING_UNIT,
        label_at: "E4",
        value_at: "F4:H4",
    },
    Field {
        id: DeclarationText::PlannedStart,
        label: PLANNED_START,
        label_at: "A5:B5",
        value_at: "C5:D5",
    },
    Field {
        id: DeclarationText::PlannedEnd,
        label: PLANNED_END,
        label_at: "E5",
        value_at: "F5:H5",
    },
];
/// The printed label of a text field (`计划开始日期`).
pub fn text_label(id: DeclarationText) -> &'static str {
    let narrative = NARRATIVE.iter().find(|f| f.0 == id).map(|f| f.1.text);
    HEADER
        .iter()
        .chain(GOAL_FIELDS)
        .find(|f| f.id == id)
        .map(|f| f.label.text)
        .or(narrative)
        .unwrap_or("")
}

/// Where 项目名称's value goes when the form has no 项目性质 (the 宝山 layout).
pub const PROJECT_NAME_WITHOUT_NATURE_AT: &str = "C3:F3";

/// 项目资金 block, rows 6–9: the whole-project side (label C:D, amount E) and the annual side
/// (label F:G, amount H). `OTHER` appears on both sides; the side decides the field.
pub const FUNDS_AT: &str = "A6:B9";
pub const FUND_FIELDS: &[Field<DeclarationAmount>] = &[
    Field {
        id: DeclarationAmount::ProjectTotal,
        label: PROJECT_TOTAL,
        label_at: "C6:D6",
        value_at: "E6",
    },
    Field {
        id: DeclarationAmount::ProjectFiscal,
        label: PROJECT_FISCAL,
        label_at: "C7:D8",
        value_at: "E7:E8",
    },
    Field {
        id: DeclarationAmount::ProjectOther,
        label: OTHER,
        label_at: "C9:D9",
        value_at: "E9",
    },
    Field {
        id: DeclarationAmount::AnnualTotal,
        label: ANNUAL_TOTAL,
        label_at: "F6:G6",
        value_at: "H6",
    },
    Field {
        id: DeclarationAmount::AnnualFiscal,
        label: ANNUAL_FISCAL,
        label_at: "F7:G7",
        value_at: "H7",
    },
    Field {
        id: DeclarationAmount::AnnualCarryover,
        label: ANNUAL_CARRYOVER,
        label_at: "F8:G8",
        value_at: "H8",
    },
    Field {
        id: DeclarationAmount::AnnualOther,
        label: OTHER,
        label_at: "F9:G9",
        value_at: "H9",
    },
];

/// 项目绩效目标, rows 10–11: label row, then the text below it.
pub const GOALS_AT: &str = "A10:A11";
pub const GOAL_FIELDS: &[Field<DeclarationText>] = &[
    Field {
        id: DeclarationText::OverallGoal,
        label: OVERALL_GOAL,
        label_at: "B10:E10",
        value_at: "B11:E11",
    },
    Field {
        id: DeclarationText::AnnualGoal,
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
/// label in A:C, its text in D:H. Printed only when the form has notes (a converted 2020
/// 目标表's narrative sections and prior-year amounts). A:C (29 units for text) gives the
/// longest labels jixiao prints there room on one line (`同名项目上年预算执行数（元）`,
/// `保证项目实施的制度、措施`), which A:B (15) would wrap mid-word (issue 11).
pub const NOTES: Label = label("备注");
pub const NOTES_COLS: (u16, u16) = (0, 7);
pub const NOTE_LABEL_COLS: (u16, u16) = (0, 2);
pub const NOTE_TEXT_COLS: (u16, u16) = (3, 7);

/// Column widths of the official form, in Excel character units.
pub const COLUMN_WIDTHS: [f64; 8] = [7.0, 9.0, 14.0, 12.0, 15.0, 13.0, 10.0, 15.0];

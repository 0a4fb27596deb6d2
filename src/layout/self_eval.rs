//! 财政项目支出绩效自评表 (DOMAIN §1e).

use super::{Field, Label, label};
use crate::model::field::SelfEvaluationText;

pub const TITLE: Label = Label {
    text: "财政项目支出绩效自评表",
    variants: &["项目支出绩效自评表"],
};
pub const COLUMNS: u16 = 8;
// The header labels both forms print, with the variants real forms of either taught us.
pub use super::declaration::{DEPARTMENT, IMPLEMENTING_UNIT, PROJECT_NAME};
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

pub const HEADER: &[Field<SelfEvaluationText>] = &[
    Field {
        id: SelfEvaluationText::ProjectName,
        label: PROJECT_NAME,
        label_at: "A3",
        value_at: "B3:H3",
    },
    Field {
        id: SelfEvaluationText::Department,
        label: DEPARTMENT,
        label_at: "A4",
        value_at: "B4:D4",
    },
    Field {
        id: SelfEvaluationText::ImplementingUnit,
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
pub const GOAL_FIELDS: &[Field<SelfEvaluationText>] = &[
    Field {
        id: SelfEvaluationText::ExpectedGoal,
        label: Label {
            text: "预期目标",
            variants: &["项目年度目标", "年度目标"],
        },
        label_at: "B10:E10",
        value_at: "B11:E11",
    },
    Field {
        id: SelfEvaluationText::ActualResult,
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

//! Three forms of the shared 8-column fixtures, built by hand, with every non-empty cell and
//! merged range of the fixture sheet (generated from the fixtures with openpyxl: numbers show
//! the decimals of their number format).

use crate::model::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal literal")
}

fn fig(text: &str) -> Figure {
    match text {
        "" => Figure::Blank,
        "-" => Figure::Dash,
        n => Figure::Number(dec(n)),
    }
}

/// 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施.
fn evaluated(cells: [&str; 8]) -> EvaluatedIndicator {
    EvaluatedIndicator {
        level1: cells[0].into(),
        level2: cells[1].into(),
        name: cells[2].into(),
        target: IndicatorValue::new(cells[3]),
        actual: IndicatorValue::new(cells[4]),
        weight: fig(cells[5]),
        score: fig(cells[6]),
        deviation_reason: cells[7].into(),
        ..EvaluatedIndicator::default()
    }
}

pub fn xinjiang_2026_vehicle_services() -> Declaration {
    Declaration {
        year: Some(2026),
        project_name: "机关服务费".into(),
        project_category: "其他运转类".into(),
        department: "上海市人民政府合作交流办公室".into(),
        implementing_unit: "上海市人民政府驻新疆办事处".into(),
        planned_start: "2026-01-01".into(),
        planned_end: "2026-12-31".into(),
        overall_goal: "".into(),
        annual_goal: "通过设立机关服务费项目, 保障了办事处日常公务活动和对口支援工作的车辆服务人力资源, 确保各类合作交流和对口支援工作得以顺利开展, 为有效履行上海市委、市政府赋予驻外办事处的工作职责提供必要保障。".into(),
        project_nature: Some("经常性专项业务费".into()),
        funds: DeclarationFunds {
            unit: MoneyUnit::Yuan,
            project_total: None,
            project_fiscal: None,
            project_other: None,
            annual_total: Some(dec("140000.00")),
            annual_fiscal: Some(dec("140000.00")),
            annual_carryover: Some(dec("0.00")),
            annual_other: Some(dec("0.00")),
        },
        indicators: vec![
            Indicator::new("成本指标", "经济成本指标", "车队服务成本控制额", "≤14.00(万元)"),
            Indicator::new("产出指标", "数量指标", "车队服务提供率", ""),
            Indicator::new("产出指标", "数量指标", "服务保障天数", "≥300.00(天)"),
            Indicator::new("产出指标", "质量指标", "安全出车率", "=100.00(%)"),
            Indicator::new("产出指标", "质量指标", "车辆维护达标率", "=100.00(%)"),
            Indicator::new("产出指标", "时效指标", "公务用车准点率", "=100.00(%)"),
            Indicator::new("效益指标", "社会效益指标", "安全行车重大事故发生数", "=0.00(次)"),
            Indicator::new("效益指标", "社会效益指标", "公务用车需求满足率", "=100.00(次)"),
            Indicator::new("满意度指标", "服务对象满意度指标", "工作人员满意度", "≥90.00(%)"),
        ],
        ..Declaration::default()
    }
}

/// `xinjiang-2026-declarations.xlsx`, sheet `机关服务费`: every non-empty cell, then the merged ranges.
pub const XINJIANG_2026_VEHICLE_SERVICES_CELLS: &str = "\
A1=财政项目支出绩效目标申报表
A2=（2026年度）
A3=项目名称
C3=机关服务费
E3=项目性质
F3=经常性专项业务费
G3=项目类别
H3=其他运转类
A4=主管部门
C4=上海市人民政府合作交流办公室
E4=实施单位
F4=上海市人民政府驻新疆办事处
A5=计划开始日期
C5=2026-01-01
E5=计划完成日期
F5=2026-12-31
A6=项目资金（元）
C6=项目资金总额
F6=年度资金申请总额
H6=140000.00
C7=其中：财政资金
F7=其中：当年财政拨款
H7=140000.00
F8=上年结转资金
H8=0.00
C9=其他资金
F9=其他资金
H9=0.00
A10=项目
绩效
目标
B10=项目总目标
F10=年度总体目标
F11=通过设立机关服务费项目, 保障了办事处日常公务活动和对口支援工作的车辆服务人力资源, 确保各类合作交流和对口支援工作得以顺利开展, 为有效履行上海市委、市政府赋予驻外办事处的工作职责提供必要保障。
A12=绩效
指标
B12=一级指标
C12=二级指标
D12=三级指标
G12=年度（/项目）指标值
B13=成本指标
C13=经济成本指标
D13=车队服务成本控制额
G13=≤14.00(万元)
B14=产出指标
C14=数量指标
D14=车队服务提供率
D15=服务保障天数
G15=≥300.00(天)
C16=质量指标
D16=安全出车率
G16==100.00(%)
D17=车辆维护达标率
G17==100.00(%)
C18=时效指标
D18=公务用车准点率
G18==100.00(%)
B19=效益指标
C19=社会效益指标
D19=安全行车重大事故发生数
G19==0.00(次)
D20=公务用车需求满足率
G20==100.00(次)
B21=满意度指标
C21=服务对象满意度指标
D21=工作人员满意度
G21=≥90.00(%)
";
pub const XINJIANG_2026_VEHICLE_SERVICES_MERGES: &str = "A10:A11 A12:A21 A1:H1 A2:H2 A3:B3 A4:B4 A5:B5 A6:B9 B10:E10 B11:E11 B14:B18 B19:B20 C14:C15 C16:C17 C19:C20 C3:D3 C4:D4 C5:D5 C6:D6 C7:D8 C9:D9 D12:F12 D13:F13 D14:F14 D15:F15 D16:F16 D17:F17 D18:F18 D19:F19 D20:F20 D21:F21 E7:E8 F10:H10 F11:H11 F4:H4 F5:H5 F6:G6 F7:G7 F8:G8 F9:G9 G12:H12 G13:H13 G14:H14 G15:H15 G16:H16 G17:H17 G18:H18 G19:H19 G20:H20 G21:H21";

pub fn baoshan_2024_travel_abroad() -> Declaration {
    Declaration {
        year: Some(2024),
        project_name: "因公出国经费".into(),
        project_category: "特定目标类".into(),
        department: "上海市宝山区人民政府办公室".into(),
        implementing_unit: "上海市宝山区人民政府办公室".into(),
        planned_start: "2024-01-01".into(),
        planned_end: "2024-12-31".into(),
        overall_goal:
            "保障全区机关事业单位(各委办局、街镇园区等)出国、交流、业务洽谈、培训及比赛等需要。"
                .into(),
        annual_goal:
            "保障全区机关事业单位(各委办局、街镇园区等)出国、交流、业务洽谈、培训及比赛等需要。"
                .into(),
        project_nature: None,
        funds: DeclarationFunds {
            unit: MoneyUnit::Yuan,
            project_total: Some(dec("9900000.00")),
            project_fiscal: Some(dec("9900000.00")),
            project_other: None,
            annual_total: Some(dec("9900000.00")),
            annual_fiscal: Some(dec("9900000.00")),
            annual_carryover: None,
            annual_other: None,
        },
        indicators: vec![
            Indicator::new("产出指标", "数量指标", "因公出国次数", "≥50.00(次)"),
            Indicator::new("产出指标", "数量指标", "因公出国完成率", "≥80.00(%)"),
            Indicator::new("产出指标", "质量指标", "", ""),
            Indicator::new("产出指标", "时效指标", "", ""),
            Indicator::new("产出指标", "成本指标", "", ""),
            Indicator::new("效益指标", "经济效益指标", "促进外资项目落地宝山", "完成"),
            Indicator::new("效益指标", "社会效益指标", "", ""),
            Indicator::new("效益指标", "生态效益指标", "", ""),
            Indicator::new("效益指标", "可持续影响指标", "", ""),
            Indicator::new(
                "满意度指标",
                "服务对象满意度指标",
                "全方位宣传宝山,让世界了解宝山",
                "完成",
            ),
        ],
        ..Declaration::default()
    }
}

/// `baoshan-2024-declarations.xlsx`, sheet `因公出国经费`: every non-empty cell, then the merged ranges.
pub const BAOSHAN_2024_TRAVEL_ABROAD_CELLS: &str = "\
A1=财政项目支出绩效目标申报表
A2=（2024年度）
A3=项目名称
C3=因公出国经费
G3=项目类别
H3=特定目标类
A4=主管部门
C4=上海市宝山区人民政府办公室
E4=实施单位
F4=上海市宝山区人民政府办公室
A5=计划开始日期
C5=2024-01-01
E5=计划完成日期
F5=2024-12-31
A6=项目资金（元）
C6=项目资金总额
E6=9900000.00
F6=年度资金申请总额
H6=9900000.00
C7=其中：财政资金
E7=9900000.00
F7=其中：当年财政拨款
H7=9900000.00
F8=上年结转资金
C9=其他资金
F9=其他资金
A10=项目
绩效
目标
B10=项目总目标
F10=年度总体目标
B11=保障全区机关事业单位(各委办局、街镇园区等)出国、交流、业务洽谈、培训及比赛等需要。
F11=保障全区机关事业单位(各委办局、街镇园区等)出国、交流、业务洽谈、培训及比赛等需要。
A12=绩效
指标
B12=一级指标
C12=二级指标
D12=三级指标
G12=年度（/项目）指标值
B13=产出指标
C13=数量指标
D13=因公出国次数
G13=≥50.00(次)
D14=因公出国完成率
G14=≥80.00(%)
C15=质量指标
C16=时效指标
C17=成本指标
B18=效益指标
C18=经济效益指标
D18=促进外资项目落地宝山
G18=完成
C19=社会效益指标
C20=生态效益指标
C21=可持续影响指标
B22=满意度指标
C22=服务对象满意度指标
D22=全方位宣传宝山,让世界了解宝山
G22=完成
";
pub const BAOSHAN_2024_TRAVEL_ABROAD_MERGES: &str = "A10:A11 A12:A22 A1:H1 A2:H2 A3:B3 A4:B4 A5:B5 A6:B9 B10:E10 B11:E11 B13:B17 B18:B21 C13:C14 C3:F3 C4:D4 C5:D5 C6:D6 C7:D8 C9:D9 D12:F12 D13:F13 D14:F14 D15:F15 D16:F16 D17:F17 D18:F18 D19:F19 D20:F20 D21:F21 D22:F22 E7:E8 F10:H10 F11:H11 F4:H4 F5:H5 F6:G6 F7:G7 F8:G8 F9:G9 G12:H12 G13:H13 G14:H14 G15:H15 G16:H16 G17:H17 G18:H18 G19:H19 G20:H20 G21:H21 G22:H22";

pub fn xinjiang_2023_vehicle_services() -> SelfEvaluation {
    let row = |figures: [&str; 6]| FundsRow {
        initial_budget: fig(figures[0]),
        annual_budget: fig(figures[1]),
        executed: fig(figures[2]),
        weight: fig(figures[3]),
        rate: fig(figures[4]),
        score: fig(figures[5]),
    };
    SelfEvaluation {
        year: Some(2023),
        project_name: "机关服务费".into(),
        department: "上海市人民政府合作交流办公室".into(),
        implementing_unit: "上海市人民政府驻新疆办事处".into(),
        expected_goal: "通过设立机关服务费项目，保障了办事处日常公务活动和对口支援工作的车辆服务人力资源，确保各类合作交流和对口支援工作得以顺利开展，为有效履行上海市委、市政府赋予驻外办事处的工作职责提供必要保障。".into(),
        actual_result: "全年安排了具备资质、业务素养较高的驾驶员为本单位公务车提供驾驶服务，有力，保障了公务活动的车辆服务，为有效履行上海市委、市政府赋予驻外办的工作职责提供必要保障。".into(),
        grade: "优".into(),
        funds: SelfEvaluationFunds {
            unit: MoneyUnit::WanYuan,
            total: row(["14.00", "14.00", "12.51", "10.00", "89.35", "8.93"]),
            fiscal: row(["14.00", "14.00", "12.51", "-", "89.35", "-"]),
            carryover: row(["0.00", "0.00", "0.00", "-", "0.00", "-"]),
            other: row(["0.00", "0.00", "0.00", "-", "0.00", "-"]),
            extra_rows: Vec::new(),
        },
        indicators: vec![
            evaluated(["产出指标", "数量指标", "公务用车保障率", "100%", "达成指标", "10.00", "10.00", ""]),
            evaluated(["产出指标", "质量指标", "公务车事故次数", "0次", "达成指标", "10.00", "10.00", ""]),
            evaluated(["产出指标", "时效指标", "任务完成及时率", "100%", "达成指标", "10.00", "10.00", ""]),
            evaluated(["产出指标", "成本指标", "成本控制", "成本控制在预算内", "达成指标", "10.00", "10.00", ""]),
            evaluated(["产出指标", "成本指标", "费用标准", "符合标准", "达成指标", "10.00", "10.00", ""]),
            evaluated(["效益指标", "经济效益指标", "两地经济合作往来促进作用", "促进作用明显", "达成指标", "10.00", "10.00", ""]),
            evaluated(["效益指标", "社会效益指标", "对单位职能工作的支撑作用", "支撑作用明显", "达成指标", "10.00", "10.00", ""]),
            evaluated(["效益指标", "可持续影响指标", "人员配置情况", "管理人员落实，人员配置合理", "达成指标", "5.00", "5.00", ""]),
            evaluated(["效益指标", "可持续影响指标", "长效机制建立情况", "长效机制健全", "达成指标", "5.00", "5.00", ""]),
            evaluated(["满意度指标", "服务对象满意度指标", "服务对象满意度", "100", "达成指标", "10.00", "10.00", ""]),
        ],
        total_weight: fig("100"),
        total_score: fig("98.93"),
        ..SelfEvaluation::default()
    }
}

/// `xinjiang-2023-self-evaluations.xlsx`, sheet `机关服务费`: every non-empty cell, then the merged ranges.
pub const XINJIANG_2023_VEHICLE_SERVICES_CELLS: &str = "\
A1=财政项目支出绩效自评表
A2=（2023年度）
A3=项目名称
B3=机关服务费
A4=主管部门
B4=上海市人民政府合作交流办公室
E4=实施单位
F4=上海市人民政府驻新疆办事处
A5=项目资金
（万元）
C5=年初预算数
D5=全年预算数
E5=全年执行数
F5=分数
G5=执行率
(%)
H5=得分
B6=年度资金总额
C6=14.00
D6=14.00
E6=12.51
F6=10.00
G6=89.35
H6=8.93
B7=其中：当年财政拨款
C7=14.00
D7=14.00
E7=12.51
F7=-
G7=89.35
H7=-
B8=上年结转资金
C8=0.00
D8=0.00
E8=0.00
F8=-
G8=0.00
H8=-
B9=其他资金
C9=0.00
D9=0.00
E9=0.00
F9=-
G9=0.00
H9=-
A10=年度
总体
目标
B10=预期目标
F10=实际完成情况
B11=通过设立机关服务费项目，保障了办事处日常公务活动和对口支援工作的车辆服务人力资源，确保各类合作交流和对口支援工作得以顺利开展，为有效履行上海市委、市政府赋予驻外办事处的工作职责提供必要保障。
F11=全年安排了具备资质、业务素养较高的驾驶员为本单位公务车提供驾驶服务，有力，保障了公务活动的车辆服务，为有效履行上海市委、市政府赋予驻外办的工作职责提供必要保障。
A12=一级指标
B12=二级指标
C12=三级指标
D12=年度指标值
E12=实际完成值
F12=分值
G12=得分
H12=偏差原因分析及改进措施
A13=产出指标
B13=数量指标
C13=公务用车保障率
D13=100%
E13=达成指标
F13=10.00
G13=10.00
B14=质量指标
C14=公务车事故次数
D14=0次
E14=达成指标
F14=10.00
G14=10.00
B15=时效指标
C15=任务完成及时率
D15=100%
E15=达成指标
F15=10.00
G15=10.00
B16=成本指标
C16=成本控制
D16=成本控制在预算内
E16=达成指标
F16=10.00
G16=10.00
C17=费用标准
D17=符合标准
E17=达成指标
F17=10.00
G17=10.00
A18=效益指标
B18=经济效益指标
C18=两地经济合作往来促进作用
D18=促进作用明显
E18=达成指标
F18=10.00
G18=10.00
B19=社会效益指标
C19=对单位职能工作的支撑作用
D19=支撑作用明显
E19=达成指标
F19=10.00
G19=10.00
B20=可持续影响指标
C20=人员配置情况
D20=管理人员落实，人员配置合理
E20=达成指标
F20=5.00
G20=5.00
C21=长效机制建立情况
D21=长效机制健全
E21=达成指标
F21=5.00
G21=5.00
A22=满意度指标
B22=服务对象满意度指标
C22=服务对象满意度
D22=100
E22=达成指标
F22=10.00
G22=10.00
A23=总分
F23=100
G23=98.93
A24=评分等级
F24=优
";
pub const XINJIANG_2023_VEHICLE_SERVICES_MERGES: &str = "A10:A11 A13:A17 A18:A21 A1:H1 A23:E23 A24:E24 A2:H2 A5:A9 B10:E10 B11:E11 B16:B17 B20:B21 B3:H3 B4:D4 F10:H10 F11:H11 F24:H24 F4:H4";

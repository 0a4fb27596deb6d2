//! `--help`: the program's, each command's and each argument's help, with an example each.
//! Ids are `help.<command>.<argument id>` (`help.about`, `help.check`, `help.check.inputs`);
//! `cli::localized_command` (the `cli` feature) puts them on clap's command, and a test there
//! keeps every argument covered.

use super::messages;

messages! {
    about("help.about") {
        zh: "jixiao（绩效）：读取、检查、计分、生成财政项目支出绩效目标申报表和绩效自评表",
        en: "jixiao (绩效): read, check, score and write 绩效目标申报表 and 绩效自评表 workbooks",
    }
    usage_heading("help.usage") {
        zh: "用法",
        en: "Usage",
    }
    commands_heading("help.commands") {
        zh: "命令",
        en: "Commands",
    }
    arguments_heading("help.arguments") {
        zh: "参数",
        en: "Arguments",
    }
    options_heading("help.options") {
        zh: "选项",
        en: "Options",
    }
    help_flag("help.help") {
        zh: "显示帮助",
        en: "Print help",
    }
    version_flag("help.version") {
        zh: "显示版本",
        en: "Print version",
    }
    help_command("help.help-command") {
        zh: "显示本帮助或某个命令的帮助，如 jixiao help check",
        en: "Print this message or the help of a command, e.g. jixiao help check",
    }
    lang("help.lang") {
        zh: "提示语言：zh（中文，默认）或 en（英文）；也可设环境变量 JIXIAO_LANG=en。例：--lang en",
        en: "language of messages: zh (Chinese, the default) or en; also JIXIAO_LANG=en. E.g. --lang en",
    }
    convert("help.convert") {
        zh: "转换表格：工作簿、JSON 和平表互转，如 jixiao convert 申报表.xlsx -o 平表.xlsx --to xlsx-flat",
        en: "convert workbooks, JSON models and flat tables, e.g. jixiao convert 申报表.xlsx -o flat.xlsx --to xlsx-flat",
    }
    diff("help.diff") {
        zh: "逐表列出新旧两版的差异（改正清单），如 jixiao diff 初稿.xlsx 修改稿.xlsx",
        en: "list, form by form, what differs between OLD and NEW, e.g. jixiao diff draft.xlsx corrected.xlsx",
    }
    check("help.check") {
        zh: "按填报规则和计分规则检查表格，有错误时退出码为 1，如 jixiao check 申报表.xlsx",
        en: "check forms against the consistency and scoring rules; exit 1 on errors, e.g. jixiao check 申报表.xlsx",
    }
    score("help.score") {
        zh: "计算自评表中可计算的数字（执行率、得分、总分、等级），如 jixiao score 自评表.xlsx -o 已计分.xlsx",
        en: "fill in the computable figures of self-evaluations (rates, scores, total, grade), e.g. jixiao score 自评表.xlsx -o scored.xlsx",
    }
    template("help.template") {
        zh: "生成待填的新表：按项目清单或上年申报表生成申报表，按申报表生成自评表，如 jixiao template --kind self-evaluation --from 2026年申报表.xlsx -o 2026年自评表.xlsx",
        en: "write new forms to fill in: 申报表 from a project list or last year's, 自评表 from 申报表, e.g. jixiao template --kind self-evaluation --from 2026-申报表.xlsx -o 2026-自评表.xlsx",
    }
    inputs("help.inputs") {
        zh: "输入：工作簿（.xlsx .xlsm .xls .ods）、JSON 模型、平表，或含这些文件的文件夹。例：申报表.xlsx 自评表/",
        en: "workbooks (.xlsx .xlsm .xls .ods), JSON models, flat tables, or folders of them. E.g. 申报表.xlsx self-evaluations/",
    }
    convert_output("help.convert.output") {
        zh: "输出文件（.json、.xlsx），--to csv 时为文件夹；以 / 结尾的文件夹（如 out/）则每个输入各写一个同名的输出（默认 .xlsx，--to json 为 .json）。例：-o 平表.xlsx",
        en: "output file (.json, .xlsx) or, with --to csv, a folder; a folder ending in / (such as out/) gets one output per input, of the same base name (.xlsx, or .json with --to json). E.g. -o flat.xlsx",
    }
    convert_to("help.convert.to") {
        zh: "输出格式，默认按输出文件的扩展名：json、xlsx（正式表样）、csv（平表文件夹）、xlsx-flat（平表工作簿，便于批量修改）。例：--to xlsx-flat",
        en: "output format, by default from the output's extension: json, xlsx (official forms), csv (flat tables in a folder), xlsx-flat (flat tables in one workbook). E.g. --to xlsx-flat",
    }
    convert_strict("help.convert.strict") {
        zh: "把读取时的警告（如未读入的单元格）当作错误：不写任何文件，退出码 2。例：--strict",
        en: "treat reader warnings (such as unmapped cells) as errors: write nothing and exit 2. E.g. --strict",
    }
    jobs("help.jobs") {
        zh: "同时读取的工作簿数，默认为处理器核数。例：-j 2",
        en: "how many workbooks are read at once; default: every core. E.g. -j 2",
    }
    quiet("help.quiet") {
        zh: "只显示错误。例：-q",
        en: "print only errors. E.g. -q",
    }
    convert_taxonomy("help.convert.taxonomy") {
        zh: "把指标换到此指标体系：current（财预〔2021〕101号，现行）或 old（财预〔2015〕88号）；2020 目标表转为申报表。不加时，输出 .xlsx 的目标表和申报表用现行体系，其余照原样。例：--taxonomy current",
        en: "convert the forms to this indicator set: current (财预〔2021〕101号) or old (财预〔2015〕88号); 2020 目标表 become 申报表. Without it, .xlsx output gets 目标表 and 申报表 in the current set, the rest as read. E.g. --taxonomy current",
    }
    convert_profile("help.convert.profile") {
        zh: "单位配置（内置名称如 xining，或 TOML 文件，见 templates/offices/）：填入空着的主管部门，配置给出项目类别时也填入，并逐项说明（2020 目标表转成的申报表两项都没有）。例：--profile xining",
        en: "office profile (a built-in name such as xining, or a TOML file as in templates/offices/): fills a blank 主管部门, and 项目类别 where the profile gives one, and says so (a converted 2020 目标表 has neither). E.g. --profile xining",
    }
    convert_layout("help.convert.layout") {
        zh: "输出 .xlsx 的版式：official（上海市 8 列正式表样，默认）或 source（每张表按读入时的版式写回：6 列、9 列、宝山的标签、2020 目标表），把改好的表按单位自己的版式交回。例：--layout source",
        en: "layout of .xlsx output: official (the Shanghai 8-column forms, default) or source (each form in the layout it was read from: 6 or 9 columns, 宝山's labels, the 2020 目标表), to give corrections back in the office's own layout. E.g. --layout source",
    }
    convert_verbose("help.convert.verbose") {
        zh: "另外逐张列出读到的表（类别、项目名称、对应上的单元格数），并显示提示信息（如 --layout source 选用的版式）。例：-v",
        en: "also print one line per form read (kind, project, cells mapped), and the informational notes (such as the layout --layout source chose). E.g. -v",
    }
    check_format("help.check.format") {
        zh: "结果格式：human（每条问题一行）或 json（供程序读取）。例：--format json",
        en: "output: human (one finding per line) or json (for programs). E.g. --format json",
    }
    check_strict("help.check.strict") {
        zh: "有警告也按错误计退出码。例：--strict",
        en: "count warnings as errors for the exit code. E.g. --strict",
    }
    check_quiet("help.check.quiet") {
        zh: "只显示错误（加 --strict 时也显示警告），不显示提醒和汇总行。例：-q",
        en: "print only errors (and warnings with --strict); infos and the summary are dropped. E.g. -q",
    }
    check_show_info("help.check.show-info") {
        zh: "也列出提醒：不算问题的说明，如写作 100% 的指标值（按 =100% 读取）。默认不列出，只计入汇总。例：--show-info",
        en: "also list infos: remarks that are not problems, such as a 指标值 written 100% (read as =100%). Hidden by default, counted in the summary. E.g. --show-info",
    }
    check_report("help.check.report") {
        zh: "另写一个退回用的工作簿：每张表一份，问题单元格标色（错误红、警告黄）并加批注，第一页「问题清单」列出全部问题。例：--report 问题清单.xlsx",
        en: "also write a workbook to send back: every form with each finding's cell filled (errors red, warnings yellow) and noted, after a first sheet 问题清单 listing them all. E.g. --report findings.xlsx",
    }
    rounding("help.rounding") {
        zh: "执行率和得分保留两位小数的方法：truncate（截位，上海市级）或 half-up（四舍五入，普陀区、财政部一体化系统）。例：--rounding half-up",
        en: "how computed rates and scores are brought to 2 decimals: truncate (Shanghai 市级) or half-up (普陀, the MoF 一体化 system). E.g. --rounding half-up",
    }
    quant_formula("help.quant-formula") {
        zh: "定量指标未达标时的计分公式：mof（财政部：正向 B/A×分值，反向至 2 倍指标值时为 0）或 provincial（省级：分值×B/A，分值×A/B）。例：--quant-formula provincial",
        en: "formulas for quantitative indicators below target: mof (正向 B/A×w, 反向 linear to 0 at 2×target) or provincial (w×B/A, w×A/B). E.g. --quant-formula provincial",
    }
    qual_bands("help.qual-bands") {
        zh: "定性指标的分档：80-60（全国）或 80-50（湖北等地）。例：--qual-bands 80-50",
        en: "score bands of qualitative indicators: 80-60 (national) or 80-50 (Hubei and others). E.g. --qual-bands 80-50",
    }
    execution_weight("help.execution-weight") {
        zh: "预算执行率的分值：表中未印时按此计算，印了时按此核对。例：--execution-weight 20",
        en: "分值 of budget execution when the form prints none, and the weight expected when it does. E.g. --execution-weight 20",
    }
    diff_old("help.diff.old") {
        zh: "修改前的表：工作簿、JSON 模型、平表工作簿或平表文件夹。例：初稿.xlsx",
        en: "the forms before: a workbook, JSON model, flat workbook or flat-table folder. E.g. draft.xlsx",
    }
    diff_new("help.diff.new") {
        zh: "修改后的表，格式同上。例：修改稿.xlsx",
        en: "the forms after, in any of the same formats. E.g. corrected.xlsx",
    }
    score_output("help.score.output") {
        zh: "输出文件，按扩展名定格式（.json、.xlsx）。例：-o 已计分.xlsx",
        en: "output file; its extension chooses the format (.json, .xlsx). E.g. -o scored.xlsx",
    }
    score_overwrite("help.score.overwrite") {
        zh: "表中已有的数字与计算结果不同时，用计算结果替换。例：--overwrite",
        en: "replace figures the form already holds when the computed value differs. E.g. --overwrite",
    }
    score_explain("help.score.explain") {
        zh: "逐项列出计算公式和所用数字。例：--explain",
        en: "print, per figure, the formula and the numbers that gave it. E.g. --explain",
    }
    template_profile("help.template.profile") {
        zh: "单位配置：内置配置的名称（xinjiang、xizang、baoshan、xining，见 --list-profiles）或 TOML 文件（如 templates/offices/*.toml），提供主管部门、实施单位、表样、指标体系和默认值。例：--profile xinjiang",
        en: "the office profile: a built-in one by name (xinjiang, xizang, baoshan, xining; see --list-profiles) or a TOML file like templates/offices/*.toml (主管部门, 实施单位, layout, indicator set and defaults). E.g. --profile xinjiang",
    }
    template_layout("help.template.layout") {
        zh: "申报表版式：official（上海市正式表样）、baoshan（宝山区）或 declaration-88（财预〔2015〕88号全国表样，中期与年度并列）；默认用单位配置的版式，用 --from 时为各表原来的版式。例：--layout declaration-88",
        en: "the 申报表 layout: official, baoshan or declaration-88 (the national form of 财预〔2015〕88号, 中期 and 年度 side by side); default: the profile's, else each form's own (with --from). E.g. --layout declaration-88",
    }
    template_list_profiles("help.template.list-profiles") {
        zh: "列出内置的单位配置后退出。例：jixiao template --list-profiles",
        en: "list the built-in office profiles and exit. E.g. jixiao template --list-profiles",
    }
    template_year("help.template.year") {
        zh: "新表的年度，四位数（2000–2100）。用 --from 时默认为原表年度加 1（申报表）或原表年度（自评表）。例：--year 2026",
        en: "the year of the new forms, four digits (2000–2100). With --from, default: each form's year + 1 (申报表) or its year (自评表). E.g. --year 2026",
    }
    template_projects("help.template.projects") {
        zh: "项目清单：CSV 或 xlsx，列为项目名称、项目性质、项目类别、年度资金申请总额，可加平表申报表的其他列。例：--projects 2026年项目.csv",
        en: "project list: CSV or xlsx with columns 项目名称, 项目性质, 项目类别, 年度资金申请总额 and optionally the other columns of the flat declarations table. E.g. --projects projects-2026.csv",
    }
    template_from("help.template.from") {
        zh: "据以生成的表：上年申报表（工作簿、JSON 或平表），或据以生成自评表的申报表。例：--from 2025年申报表.xlsx",
        en: "forms to start from: last year's 申报表 (workbook, JSON or flat tables), or the 申报表 to make 自评表 from. E.g. --from 2025-申报表.xlsx",
    }
    template_kind("help.template.kind") {
        zh: "生成什么：declaration（申报表）或 self-evaluation（自评表，需 --from 申报表）。例：--kind self-evaluation",
        en: "what to make: declaration (申报表) or self-evaluation (自评表, needs --from 申报表). E.g. --kind self-evaluation",
    }
    template_clear("help.template.clear") {
        zh: "用 --from 时不带入新年度的内容：amounts（金额）、targets（指标值）、goals（目标），可重复或用逗号分隔。例：--clear amounts,targets",
        en: "with --from: what not to carry into the new year: amounts, targets, goals (repeatable, or comma-separated). E.g. --clear amounts,targets",
    }
    template_weights("help.template.weights") {
        zh: "自评表分值（默认：产出 50 含成本、效益 30、满意度 10、预算执行 10）；组内分值按实际表格的分法分到各行：整数分，余下的分从最后几行起各加 1（50 分 6 行：8、8、8、8、9、9），组内分值少于行数时才用半分。例：--weights 产出=40,成本=10,效益=30,满意度=10,预算执行=10",
        en: "自评表 weights (default: 产出 50 with 成本, 效益 30, 满意度 10, 预算执行 10). Within a group the points go to its rows as real forms give them: whole points, the points left over one each on the last rows (50 over 6 rows: 8, 8, 8, 8, 9, 9); half points only when a group has fewer points than rows. E.g. --weights 产出=40,成本=10,效益=30,满意度=10,预算执行=10",
    }
    template_output("help.template.output") {
        zh: "输出：.xlsx（首页为汇总表，其后每个项目一页正式表样）或 .json（模型）。例：-o 2026年申报表.xlsx",
        en: "output: .xlsx (official forms after a 汇总 sheet) or .json (the model). E.g. -o 2026-申报表.xlsx",
    }
}

/// The help id of an argument of a command: arguments every command shares have one text
/// (`help.inputs`, `help.quiet`, the scoring options), the others are per command.
pub fn arg_id(command: &str, arg: &str) -> String {
    match arg {
        "inputs" | "jobs" | "quiet" | "rounding" | "quant_formula" | "qual_bands"
        | "execution_weight" | "lang"
            if !(command == "check" && arg == "quiet") =>
        {
            format!("help.{}", arg.replace('_', "-"))
        }
        _ => format!("help.{command}.{}", arg.replace('_', "-")),
    }
}

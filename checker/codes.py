"""The catalogue of finding codes: stable identifiers, Chinese titles and how to fix each.

Codes never change meaning and are never reused. The site's finding-codes page is generated from
this table, and tests/quality/codes_test.py requires a test that pins each code's exact line and column.

Ranges: PC0xx file and YAML level, PC1xx schema, PC2xx identity and references, PC3xx dates and
values, PC4xx who may report what, PC5xx plan edits found by `plancheck diff`, PC6xx spreadsheets read
by `plancheck import-xlsx` (their position is the sheet's cell: line = row, column = column).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from checker.evaluate.vocabulary import ReportedStatus, reported_label
from checker.findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    title: str
    severity: Severity
    fix: str


_E = Severity.ERROR
_W = Severity.WARNING
_REPORTED = "、".join(reported_label(status) for status in ReportedStatus)

CODES: dict[str, Code] = {
    code.code: code
    for code in (
        Code("PC001", "文件无法读取", _E, "确认文件存在、有读取权限，并且不是目录或损坏的链接。"),
        Code("PC002", "文件过大", _E, "单个文件不得超过大小上限。请按单位或日期拆分为多个文件。"),
        Code("PC003", "不是有效的 UTF-8 编码", _E, "用编辑器以“UTF-8（无 BOM）”编码重新保存文件。WPS、记事本另存为时请选择 UTF-8。"),
        Code("PC004", "文件是 UTF-16 或 UTF-32 编码", _E, "用编辑器以“UTF-8（无 BOM）”编码重新保存文件。"),
        Code("PC005", "文件开头有字节顺序标记（BOM）", _E, "以“UTF-8（无 BOM）”重新保存文件；VS Code 右下角可切换编码。"),
        Code("PC006", "含有不可见的控制字符", _E, "删除该位置的控制字符（常见于从 Word、PDF 复制的文字）；可在 VS Code 中开启“显示控制字符”查看。"),
        Code("PC007", "用制表符（Tab）缩进", _E, "YAML 只能用空格缩进。把行首的 Tab 换成空格（每级两个空格）。"),
        Code("PC008", "单行过长", _E, "单行不得超过长度上限。过长的文字请精简，或确认不是误粘贴了整篇文档。"),
        Code("PC009", "YAML 语法错误", _E, "检查该行及上一行：冒号后要有空格，缩进要对齐，引号要成对，列表项以“- ”开头。"),
        Code("PC010", "文件为空", _E, "文件中没有任何内容。请填写内容，或删除此文件。"),
        Code("PC011", "一个文件中有多个文档", _E, "每个文件只能有一个 YAML 文档。删除“---”分隔线，或拆分为多个文件。"),
        Code("PC012", "键名重复", _E, "同一层级中同一个键只能出现一次，否则前面的值会被静默覆盖。删除或合并重复的键。"),
        Code("PC013", "可能被误读为真假值的写法", _E, "YAML 1.1 会把 yes、no、on、off、y、n 读作真假值。若本意是文字，请加引号，如 \"no\"；若本意是真假值，请写 true 或 false。"),
        Code("PC014", "可能被误读的数字写法", _E, "以 0 开头的数字（0755）、带冒号的数字（1:30）和带下划线的数字（1_000）在不同 YAML 版本中含义不同。若本意是文字请加引号；若本意是数字请去掉前导零、冒号或下划线。"),
        Code("PC015", "使用了锚点或别名", _E, "不允许使用 & 锚点和 * 别名（可被用来构造“别名炸弹”）。请把内容直接写出。"),
        Code("PC016", "使用了显式类型标签", _E, "不允许使用 !! 或 ! 开头的类型标签。删除标签，直接写值。"),
        Code("PC017", "嵌套层级过深", _E, "数据的嵌套层级超过上限，请检查是否误粘贴或缩进错乱。"),
        Code("PC018", "键名不是简单文字", _E, "键名必须是简单文字，不能是列表或映射。"),
        Code("PC019", "含有方向控制字符", _E, "删除该位置的从右到左覆盖等方向控制字符；这类字符会让显示内容与实际内容不一致。"),
        Code("PC020", "缺少编辑器提示行", _W, "在文件第一行加上 # yaml-language-server: $schema=... 指向对应的 schemas/ 文件，编辑器即可自动补全和提示。"),
        Code("PC021", "文件位置无法判断类型", _E, "把文件放在 policy/ 下的 organizations/、plans/ 或 progress/<单位ID>/ 文件夹中。"),
        Code("PC022", "文件不是 YAML", _W, "该文件的扩展名不是 .yaml 或 .yml，不会被读取。若是进展报送，请改名为 .yaml。"),
        Code("PC023", "数值超出范围", _E, "数字太大（如 1e400，或超过 16 位的整数），无法准确计算。请填写实际数值；若本意是文字（如编号），请加引号。"),
        Code("PC024", "符号链接", _E, "policy 目录中只能有普通文件和文件夹，符号链接一律不读取（无论指向目录内外）。删除链接，把需要的内容作为普通文件提交。"),
        Code("PC025", "特殊文件", _E, "命名管道、套接字和设备文件不会被打开。删除它；policy 目录中只能有普通文件和文件夹。"),
        Code("PC026", "循环的符号链接", _E, "该链接直接或间接指向自身，无法读取。删除链接；policy 目录中只能有普通文件和文件夹。"),
        Code("PC027", "含有非标准的换行字符", _E, "删除该位置的行分隔符（U+2028）、段分隔符（U+2029）或单独的回车符（CR），常见于从网页或 Word 复制的文字；换行只用普通换行符。VS Code 会提示“不常见的行终止符”，可一键删除。"),
        Code("PC029", "名称不是有效的 UTF-8", _E, "把文件或文件夹改用 UTF-8 编码的名称（建议只用小写字母、数字和连字符）；其他编码的名称无法显示和比较，不会被读取。"),
        Code("PC101", "缺少必填字段", _E, "补充所缺的字段。字段含义见对应 schemas/ 文件中的说明，编辑器会提示。"),
        Code("PC102", "未知字段", _E, "删除该字段或更正拼写（常见原因是拼写错误）。允许的字段见 schemas/ 中的说明。"),
        Code("PC103", "类型不对", _E, "按要求的类型填写：文字、数字、列表或映射。数字不要加引号，列表用“- ”或 [a, b]。"),
        Code("PC104", "取值不在允许范围内", _E, "从列出的可选值中选择一个，注意大小写与拼写。"),
        Code("PC105", "格式不对", _E, "按要求的格式填写，如 ID 只能用小写字母、数字和连字符（hd-ecology），文字中不能有控制字符。"),
        Code("PC106", "日期无效", _E, "日期写作 YYYY-MM-DD，且须是真实存在的日期（没有 2023-02-30）。"),
        Code("PC107", "数值超出范围", _E, "检查数值：数量不能为负，百分比不能超过 100，比例在 0 到 1 之间。"),
        Code("PC108", "条目数量或重复不符合要求", _E, "检查列表：不能为空、不能有重复项，或补足所需的条目数。"),
        Code("PC109", "不符合结构要求", _E, "按提示补充或删除字段，使条目符合所选类型的要求。"),
        Code("PC110", "字段尚未填写", _E, "在冒号后填写内容。用 plancheck new-report 生成的报送文件中，没有进展要报的任务请整条删除（从“- task:”所在行到下一条之前）。"),
        Code("PC201", "ID 重复", _E, "每个 ID 必须唯一。为其中一个改用新的 ID（已发布的 ID 不要改动）。"),
        Code("PC202", "未知单位", _E, "单位须以 policy/organizations/ 名录中的 ID 引用。检查拼写，或先在名录中登记该单位。"),
        Code("PC203", "未知任务", _E, "任务写作“规划ID/任务ID”，检查拼写，可在网站任务页或规划文件中查到正确的 ID。"),
        Code("PC204", "未知阶段节点", _E, "节点 ID 须是该任务 milestones 中的 ID。"),
        Code("PC205", "未知指标", _E, "指标写作“规划ID/指标ID”，检查拼写，可在网站指标页或规划文件中查到正确的 ID。"),
        Code("PC206", "未知规划或地市", _E, "检查规划 ID 或地市 ID 的拼写；地市须在 organizations/ 名录中登记。"),
        Code("PC207", "未知量化目标", _E, "量化目标 ID 须是该任务 quantities 或其分项中的 ID。"),
        Code("PC208", "修订记录循环取代", _E, "修订之间的 supersedes 关系不能成环，检查并删除其中一条。"),
        Code("PC209", "单位简称有歧义", _E, "同一地市内一个简称只能对应一个单位。删除其中一处，或改用更完整的写法。"),
        Code("PC210", "上级任务形成循环", _E, "任务的 parent 关系不能成环。"),
        Code("PC211", "未知分项统计表", _E, "检查 table 字段中的表 ID。"),
        Code("PC212", "rows_of 所指的上级任务或附件不存在", _E, "rows_of 写作“规划ID/任务ID”（该任务下的分解任务和项目）或“规划ID/attachment-附件序号”（该附件的各行），如 hd-air-2023/attachment-1。检查拼写和附件序号。"),
        Code("PC213", "筛选条件没有匹配任何行", _E, "where 中的取值须与规划中该行的字段逐字一致（如 industry: 钢铁）。检查取值，或删去该筛选条件；若原文所述事项确实不在这些行中，请不要关联。"),
        Code("PC214", "同一条进展中任务重复", _E, "tasks 列表中每个任务只写一次，删除重复的一项。"),
        Code("PC215", "多选一组只有一项", _E, "either_or 用于“达到A或B”这类互为替代的目标：同一任务中至少两条量化目标写同一个组名。检查组名拼写；若原文并非多选一，请删去 either_or。"),
        Code("PC220", "原文文件找不到", _E, "source.text 写的是与报送文件放在同一文件夹的原文 .txt 文件名：确认该文件已一起提交，文件名（含大小写）与 source.text 完全一致。"),
        Code("PC221", "原文文件不在 policy 目录中", _E, "原文 .txt 文件须放在 policy 目录内，通常与报送文件放在同一文件夹，source.text 只写文件名；不能写绝对路径、“..”，也不能是指向别处的链接。"),
        Code("PC222", "原文文件无法读取", _E, "原文须是 UTF-8 编码的纯文本文件（.txt），大小不超过上限。从 PDF 或 Word 另存为文本时选择“UTF-8”编码。"),
        Code("PC223", "原文核对未做完", _W, "摘录不符的条数已达上限，或原文与摘录太多：先按已报出的 PC340 改正（常见原因是 source.text 指向了别的材料），再重新检查。"),
        Code("PC301", "阶段节点晚于截止日期", _E, "阶段节点日期不能晚于任务截止日期，检查日期是否录错。"),
        Code("PC302", "报送日期在未来", _E, "报送日期不能晚于今天。检查年份、月份是否写错。（按过去某日检查时，晚于那一天的报送只是尚未知道，不算错误。）"),
        Code("PC303", "分项之和与本行合计不符", _E, "核对原文：各栏数值之和应等于本行合计。若原文本身不一致，请在 discrepancies 中记录。"),
        Code("PC304", "各行之和与合计行不符", _E, "核对原文：各行之和应等于合计行。若原文本身不一致，请在 discrepancies 中记录。"),
        Code("PC305", "已完成数大于总数", _E, "已完成数量（done）不能大于总数量（total）。"),
        Code("PC306", "起始日期晚于截止日期", _E, "检查起止日期是否写反。"),
        Code("PC307", "力争值比确保值更容易", _E, "力争值应比确保值更高（不少于类）或更低（不高于类）。"),
        Code("PC308", "分项配额大于总量", _E, "分项配额不能超过所属的总量，检查数值。"),
        Code("PC309", "基期晚于目标年", _E, "基期年份应早于目标年份。"),
        Code("PC310", "观测期晚于报送日期", _E, "不能报送尚未结束的年份的全年数据；部分时段请填写 through_month。"),
        Code("PC311", "修订日期早于规划印发日期", _E, "修订文件的日期应晚于规划印发日期，检查日期。"),
        Code("PC312", "时限文字与日期不符", _E, "schedule.text 是原文时限表述，deadline 是换算后的日期，二者须一致，如“2023年12月底”对应 2023-12-31。"),
        Code("PC313", "完成日期晚于报送日期", _E, "完成日期不能晚于报送日期；写到月或年的，该月或该年不能在报送日期之后开始。"),
        Code("PC314", "报告为已完成但数量未完成", _W, "状态为 done 时，done 应等于 total、percent 应为 100；否则请把状态改为 in_progress。"),
        Code("PC315", "预计完成日期早于报送日期", _W, "预计完成日期已过：若已完成，请报送 done；若仍未完成，请更新预计完成日期。"),
        Code("PC316", "规划期起止有误", _E, "规划期起始日期应早于截止日期。"),
        Code("PC340", "摘录与原文不符", _E, "quote 须从原文逐字照抄（空格和换行不计）。按提示找到第一个不同的字，对照原文改正；需要说明的内容写在 note 中，不要写进 quote。若原文本身有错字，照抄原文。"),
        Code("PC401", "报送单位与所在文件夹不一致", _E, "进展文件须放在 progress/<报送单位ID>/ 中：把文件移到报送单位的文件夹，或把 reporter 改为所在文件夹的单位 ID。"),
        Code("PC402", "无权报送该任务或指标", _E, "单位只能报送本单位（或所在单位组）牵头、配合、负责的任务，以及本单位牵头的任务下的分解任务和项目；督办单位可报送所督办规划的全部内容；指标只能由督办单位、发文单位和该规划中任务的牵头单位报送。分局等下属单位不能代上级单位报送。请检查 reporter 和任务或指标 ID 是否写错；确属本单位职责的，请在规划中补登本单位，或在单位名录中登记 oversees 并注明依据。"),
        Code("PC501", "截止日期修改缺少修订记录", _E, "规划原文不能直接改。若有文件调整了时限，请保留原日期，在该规划的 amendments 中新增一条修订记录：document 写明文号和日期，changes 写 item（任务 ID）、field: deadline、新的 deadline 和原文表述 text。若只是改正录入错误，也须以修订记录说明。"),
        Code("PC502", "任务目标修改缺少修订记录", _E, "请保留原目标文字，在 amendments 中新增修订记录（文号、日期），changes 写 item、field: target 和新的原文 text。"),
        Code("PC503", "牵头单位修改缺少修订记录", _E, "请保留原牵头单位，在 amendments 中新增修订记录（文号、日期），changes 写 item、field: lead 和新的 units。"),
        Code("PC504", "任务或指标被删除", _E, "规划中的任务和指标不能删除，请恢复。若有文件撤销了任务，请保留任务，在 amendments 中新增 field: cancel 的修订记录（文号、日期），网站会显示为“已撤销”。"),
        Code("PC505", "指标目标修改缺少修订记录", _E, "请保留原目标值，在 amendments 中新增修订记录（文号、日期），changes 写 item（指标 ID）、field: indicator_target、新的 value 和原文 text。"),
        Code("PC506", "修订记录被删除或改动", _E, "已有的修订记录是调整的凭据，不能删除或改写，请恢复原样。若原记录录错，请新增一条修订记录，用 supersedes 写明它取代的旧记录 ID。"),
        Code("PC507", "规划被删除", _E, "规划文件不能删除，请恢复。规划到期后仍保留，网站按规划期显示其状态。"),
        Code("PC508", "规划期修改缺少修订记录", _E, "规划期决定“原文未注明时限”的任务何时到期，不能直接改。若有文件调整了规划期，请在 amendments 中新增修订记录（文号、日期、理由），changes 写 item（规划 ID）、field: period；若只是改正录入错误，也须以修订记录说明。"),
        Code("PC509", "时限类型或起始日期修改缺少修订记录", _E, "时限类型（schedule.kind）、起始日期（start）和报送周期决定任务何时到期、何时亮灯，不能直接改。请在 amendments 中新增修订记录（文号、日期），changes 写 item（任务 ID）、field: schedule。"),
        Code("PC510", "阶段节点修改缺少修订记录", _E, "阶段节点的日期、比例和数值决定节点何时逾期，不能直接改、增或删。请在 amendments 中新增修订记录（文号、日期），changes 写 item（任务 ID）、field: milestones。"),
        Code("PC511", "量化目标修改缺少修订记录", _E, "量化目标（比较方向、确保值、力争值、单位、分项配额）是任务的考核标准，不能直接改、增或删。请在 amendments 中新增修订记录（文号、日期），changes 写 item（任务 ID）、field: quantities。"),
        Code("PC512", "指标基期、方向或单位修改缺少修订记录", _E, "指标的基期值、达标方向和计量单位决定是否达标，不能直接改。请在 amendments 中新增修订记录（文号、日期），changes 写 item（指标 ID）和 field: indicator_baseline、indicator_direction 或 indicator_unit。"),
        Code("PC513", "单位名录中的权限变更须经审核", _W, "单位名录中的 oversees（督办规划）、members（单位组成员）和 team（审核团队）决定谁可以报送什么。这类修改须单独提交一个拉取请求，由单位名录的负责团队（settings.yaml 中的 registry_team，经 CODEOWNERS 指定）审核批准后合并；不要在同一拉取请求中报送依赖它的进展。"),
        Code("PC514", "进展依赖同一变更中的权限变更", _E, "把单位名录的修改拆成单独的拉取请求，经单位名录负责团队审核合并后，再提交这条进展。若这条进展本不依赖新权限，请检查 reporter 和任务 ID 是否写错。"),
        Code("PC515", "任务单位或上级任务修改缺少修订记录", _E, "配合单位、责任单位和上级任务（parent）决定谁可以报送该任务，上级任务还决定状态如何汇总，不能直接改。请保留原值，在 amendments 中新增修订记录（文号、日期），changes 写 item（任务 ID）、field: cooperating 或 responsible 和新的 units；修改 parent 时写 field: parent，在原处修改并以修订记录说明。"),
        Code("PC516", "发文单位或全文统一责任主体修改缺少修订记录", _E, "发文单位（document.issuer）可报送规划的指标，全文统一责任主体（default_responsible）可报送未单独列出责任单位的任务，不能直接改。若确需更正，请在原处修改，并在 amendments 中新增修订记录（文号、日期），changes 写 item（规划 ID）、field: issuer 或 default_responsible。"),
        Code("PC517", "状态判定或审核设置的修改须经审核", _W, "settings.yaml 中的临期天数、报送周期、约数容差决定任务和指标显示什么状态，registry_team 决定谁审核权限变更。这类修改须单独提交，说明理由，由单位名录负责团队审核批准后合并。"),
        Code("PC601", "Excel 文件过大", _E, "台账文件不得超过 10 MB。请只保留“任务台账”一张表，删除图片和多余的工作表后另存。"),
        Code("PC602", "不是可读取的 Excel 工作簿", _E, "请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx），不要设置打开密码；旧版 .xls 须另存为 .xlsx。"),
        Code("PC603", "解压后过大", _E, "工作簿解压后的内容超过上限，或部件过多（疑似压缩炸弹）。请从网站重新下载本单位的台账填写。"),
        Code("PC604", "含有 DOCTYPE 或实体声明", _E, "表格软件不会写入这类声明，文件可能被篡改。请从网站重新下载本单位的台账填写。"),
        Code("PC605", "找不到工作表", _E, "进展须填在“任务台账”工作表中；不要改工作表的名称。也可用 --sheet 指定工作表。"),
        Code("PC606", "找不到表头或缺少列", _E, "表头行须含“任务ID”和黄色的填写列（本次进展、已完成数、总数、完成或预计完成日期、原文摘录、备注），请勿删改表头；必要时从网站重新下载台账。"),
        Code("PC607", "单元格含有公式", _E, "填写列和依据材料只能填写数值或文字。请把公式改为数值（复制后“选择性粘贴→数值”）。"),
        Code("PC608", "含有外部链接", _E, "工作簿引用了其他文件的数据。请把引用的单元格改为数值（复制后“选择性粘贴→数值”），并在“数据→编辑链接”中断开链接。"),
        Code("PC609", "进展状态不在下拉列表中", _E, f"“本次进展”只能从下拉列表中选择：{_REPORTED}。"),
        Code("PC610", "行数过多", _E, "工作表的行数超过上限。请只保留本单位的任务行，删除表格下方的其他内容。"),
        Code("PC611", "没有填写任何进展", _E, "在黄色的填写列中至少为一项任务填写本次进展和原文摘录；没有进展的任务留空。"),
        Code("PC612", "填写了进展但缺少任务ID", _E, "任务ID列（表格最右侧）不能删改；请从网站重新下载台账，把填写的内容复制到对应任务的行中。"),
        Code("PC613", "同一任务填写了多行", _E, "每项任务只填写一行；把多行的进展合并为一行，删除其余行中填写的内容。"),
    )
}


def visible(text: str) -> str:
    """Text safe to print on one line: control, format (bidi, zero-width) and separator characters as <U+XXXX>.

    Messages quote the user's data. A right-to-left override quoted raw would reorder the rest of
    the terminal line, and a newline would break the file:line:column format.
    """
    return "".join(
        f"<U+{ord(char):04X}>" if unicodedata.category(char) in _INVISIBLE else char for char in text
    )


_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def one_line(text: str) -> str:
    """Data shown inside a line of output: whitespace runs (line breaks too) as one space, then visible.

    Titles may be multi-line YAML text, and names and IDs come from a pull request: none of it may
    start a new line (a CI log reads a line starting with `::` as a workflow command).
    """
    return visible(" ".join(text.split()))


def finding(code: str, message: str, file: str, line: int, column: int, *, hint: str | None = None) -> Finding:
    """Build a finding with the catalogue's severity and, unless given, its fix as the hint."""
    entry = CODES[code]
    return Finding(
        code=code,
        severity=entry.severity,
        message=visible(message),
        file=file,
        line=max(line, 1),
        column=max(column, 1),
        hint=entry.fix if hint is None else hint,
    )

"""The argument parser: every command's options, with Chinese help and usage errors (exit status 2).

`--format` offers the keys of the reporter registries (checker/report), so they are imported here;
nothing else of the checker is, which keeps `--help` fast.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import NoReturn

from checker.errors import PlancheckError
from checker.evaluate.vocabulary import FailOn
from checker.report.check import CHECK_REPORTERS
from checker.report.diff_report import DIFF_REPORTERS
from checker.report.findings import FINDINGS_REPORTERS

_ARGPARSE_IN_CHINESE = (
    ("unrecognized arguments", "无法识别的参数"),
    ("the following arguments are required", "缺少必需的参数"),
    ("invalid choice", "无效的选项"),
    ("expected one argument", "缺少参数值"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese error messages and exit status 2 for usage errors."""

    def error(self, message: str) -> NoReturn:
        for english, chinese in _ARGPARSE_IN_CHINESE:
            message = message.replace(english, chinese)
        raise PlancheckError(f"用法错误：{message}\n{self.format_usage().strip()}")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效日期，须写作 YYYY-MM-DD") from None


def build_parser(default_format: str) -> argparse.ArgumentParser:
    parser = _Parser(prog="plancheck", description="规划任务、进展与指标的检查工具。")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = commands.add_parser("validate", help="检查数据文件，指出每个问题所在的文件、行和列")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="文件或文件夹（默认 policy/）")
    validate.add_argument("--format", choices=tuple(FINDINGS_REPORTERS), default=default_format,
                          help="输出格式（在 GitHub Actions 中默认 github）")
    validate.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD",
                          help="检查日期（默认今天）。不影响校验：晚于此日的报送不算错误，只有晚于今天的才算")

    check = commands.add_parser("check", help="计算截至某日全部任务、节点与指标的状态")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="policy 目录或其中的文件（默认 policy/）")
    check.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD", help="检查日期（默认今天）")
    check.add_argument("--format", choices=tuple(CHECK_REPORTERS), default=default_format,
                       help="输出格式（在 GitHub Actions 中默认 github）")
    check.add_argument("--fail-on", choices=[f.value for f in FailOn], default=FailOn.OVERDUE.value,
                       help="出现何种状态时以退出码 1 结束：overdue 逾期；due-soon 临期或滞后；never 从不"
                            "（默认 overdue）")
    check.add_argument("--plan", action="append", default=[], metavar="ID", help="只看某个规划（可重复）")
    check.add_argument("--unit", default=None, metavar="ID",
                       help="只看点名某单位的任务（牵头、配合、责任单位或项目清单）")
    check.add_argument("--with-default", action="store_true",
                       help="与 --unit 同用：也列出只因规划统一规定（如“各县（市、区）人民政府”）而与该单位相关的任务")

    diff = commands.add_parser("diff", help="与某个 git 版本相比：状态变化、进展条目与规划修改")
    diff.add_argument("base", metavar="BASE_REF", help="用于对比的 git 版本，如 origin/main")
    diff.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="policy 目录（默认 policy/）")
    diff.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD", help="检查日期（默认今天）")
    diff.add_argument("--format", choices=tuple(DIFF_REPORTERS), default=default_format,
                      help="输出格式：markdown 适合拉取请求评论（在 GitHub Actions 中默认 github）")

    owners = commands.add_parser("codeowners", help="根据单位名录生成 .github/CODEOWNERS（进展文件夹由本单位团队审核）")
    owners.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="policy 目录（默认 policy/）")
    owners.add_argument("--output", type=Path, default=None, metavar="FILE",
                        help="输出文件（默认 policy 目录旁的 .github/CODEOWNERS）")
    owners.add_argument("--check", action="store_true", help="只检查现有文件是否最新，过期时以退出码 1 结束")

    report = commands.add_parser("new-report", help="在本单位文件夹中生成进展报送文件，列出尚未完成的任务，供填写")
    report.add_argument("--unit", required=True, metavar="ID", help="报送单位 ID，如 hd-ecology")
    report.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD", help="报送日期（默认今天）")
    report.add_argument("--plan", action="append", default=[], metavar="ID",
                        help="只列出某个规划的任务（可重复；已结束的规划也照常列出）")
    report.add_argument("--task", nargs="+", action="extend", default=[], metavar="ID",
                        help="只列出这些任务或指标（规划ID/任务ID，可写多个）")
    report.add_argument("--match", action="append", default=[], metavar="文字",
                        help="只列出标题中含有这段文字的任务和指标（可重复）")
    report.add_argument("--all", action="store_true", help="列出本单位可报送的全部未完成任务和指标")
    report.add_argument("--update", action="store_true", help="文件已存在时，在其中补充尚未列出的任务（原有内容不变）")
    report.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="policy 目录（默认 policy/）")

    imported = commands.add_parser("import-xlsx", help="把填写好的单位台账（Excel）转为进展报送文件并检查")
    imported.add_argument("file", type=Path, metavar="FILE", help="填写好的台账 .xlsx 文件")
    imported.add_argument("--unit", required=True, metavar="ID", help="报送单位 ID，如 hd-ecology")
    imported.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD", help="报送日期")
    imported.add_argument("--output", type=Path, default=None, metavar="PATH",
                          help="输出文件（默认 policy/progress/<单位ID>/<日期>-report.yaml；已存在时不覆盖）")
    imported.add_argument("--sheet", default="任务台账", metavar="NAME", help="填写所在的工作表（默认“任务台账”）")
    imported.add_argument("--policy", type=Path, action="append", default=[], dest="paths", metavar="PATH",
                          help="policy 目录（默认 policy/）")

    site = commands.add_parser("site", help="写出网站的 Markdown 源文件与资源（不依赖 MkDocs）")
    site.add_argument("output", type=Path, metavar="OUT_DIR", help="输出文件夹")
    site.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="policy 目录（默认 policy/）")
    site.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD", help="检查日期（默认今天）")
    site.add_argument("--docs", type=Path, default=None, metavar="DIR",
                      help="手写页面与资源所在的文件夹（默认 policy 目录旁的 docs/）")
    for command in (validate, check, diff, owners, report, imported, site):
        command.add_argument("--no-cache", action="store_true",
                             help="不使用解析缓存（缓存按文件内容区分，不会给出过时结果）")
        command.add_argument("--cache-dir", type=Path, default=None, metavar="DIR",
                             help="解析缓存的文件夹（默认在用户缓存目录 ~/.cache/plancheck/ 中，"
                                  "不在项目文件夹内）；须为新的、空的或 plancheck 自己的缓存文件夹")
    return parser

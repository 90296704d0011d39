"""The fill-in form page (form.md → form.html): a unit fills in its progress and downloads the YAML.

Static: the page carries the registry's units, the status vocabulary, the repository link (when
policy/settings.yaml names one) and the validation rules derived from the schema
(checker/site/form_rules.py) as one JSON block; docs/assets/form.js does the rest in the browser
and loads a unit's open tasks (checker/site/form_data.py) only when the unit is chosen, so the
page stays light whatever the size of the plans. Nothing is sent anywhere.
"""

from __future__ import annotations

import json
from typing import Any

from checker.evaluate.vocabulary import ReportedStatus, reported_label
from checker.model.records import Model
from checker.site.form_data import UNIT_SCRIPTS, form_units
from checker.site.form_rules import form_rules
from checker.site.markup import esc, relative

FORM = "form.md"
GUIDE_LINK = "guide/submit.md#form"


def form_link(page: str, unit: str) -> str:
    """A unit page's link to the form with the unit chosen (raw HTML: MkDocs checks no query links)."""
    href = relative(page, FORM) + "?unit=" + unit
    return f'<a class="pc-form-link" href="{esc(href)}">在线填写本单位进展报送 →</a>'


def form_config(model: Model) -> dict[str, Any]:
    """Everything form.js needs besides a unit's tasks."""
    settings = model.settings
    repository = ({"url": settings.repository_url, "branch": settings.repository_branch}
                  if settings.repository_url else None)
    return {
        "units": [[unit["id"], unit["name"]] for unit in form_units(model)],
        "statuses": [[state.value, reported_label(state)] for state in ReportedStatus],
        "rules": form_rules(),
        "repository": repository,
        "unitScripts": UNIT_SCRIPTS + "/",
    }


def _field(name: str, label: str, kind: str = "text", hint: str = "", wide: bool = False) -> str:
    control = (f'<textarea name="{name}" rows="2"></textarea>' if kind == "textarea"
               else f'<input name="{name}" type="{kind}" autocomplete="off">')
    hint_html = f'<small class="pc-hint">{esc(hint)}</small>' if hint else ""
    css = "pc-field pc-wide" if wide else "pc-field"
    return (f'<label class="{css}" data-field="{name}"><span class="pc-label">{esc(label)}</span>'
            f'{control}{hint_html}<span class="pc-error" role="alert"></span></label>')


def form_page(model: Model) -> str:
    """The page's Markdown: a short how-to, then the form as one raw HTML block."""
    config = json.dumps(form_config(model), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    header = "".join([
        _field("date", "报送日期", hint="必填，写作 2025-12-22"),
        _field("title", "报送标题", hint="选填，如“12月工作进展”"),
        _field("source.title", "材料标题", hint="必填，所依据的简报、通报等的标题", wide=True),
        _field("source.date", "材料日期", hint="必填，简报等的印发日期"),
        _field("source.number", "文号或期号", hint="选填，如“第9期”"),
        _field("section", "栏目", hint="选填，摘录所在栏目，如“【工作动态】”，写入每条进展"),
        _field("source.url", "公开发布地址", "url", "选填，以 https:// 开头", wide=True),
    ])
    html = "".join([
        '<link rel="stylesheet" href="assets/form.css">',
        '<form id="pc-form" class="pc-form" novalidate autocomplete="off">',
        '<fieldset><legend>第一步：选择报送单位</legend>',
        '<label class="pc-field pc-wide" data-field="reporter"><span class="pc-label">报送单位</span>',
        '<select name="reporter" id="pc-unit"><option value="">请选择本单位……</option></select>',
        '<span class="pc-error" role="alert"></span></label></fieldset>',
        f'<fieldset><legend>第二步：填写材料信息</legend><div class="pc-grid">{header}</div></fieldset>',
        '<fieldset><legend>第三步：填写任务进展</legend>',
        '<p id="pc-items-note" class="pc-note">选择单位后，这里列出本单位目前尚未完成的任务，逾期的在前。</p>',
        '<input id="pc-filter" type="search" placeholder="按任务编号或文字筛选" hidden>',
        '<div id="pc-items"></div><div id="pc-indicators"></div></fieldset>',
        '<fieldset><legend>第四步：检查并下载</legend>',
        '<button type="button" id="pc-make" class="md-button md-button--primary">检查并生成报送文件</button>',
        '<p id="pc-summary" class="pc-summary" role="status"></p>',
        '<div id="pc-result" hidden><textarea id="pc-yaml" readonly rows="12"></textarea>',
        '<p class="pc-actions"><a id="pc-download" class="md-button" href="#">下载</a>',
        '<button type="button" id="pc-copy" class="md-button">复制</button>',
        '<a id="pc-repository" class="md-button" hidden target="_blank" rel="noopener">在仓库中新建此文件</a></p>',
        '</div></fieldset></form>',
        f'<script type="application/json" id="pc-form-config">{config}</script>',
        '<script src="assets/form.js"></script>',
    ])
    return "\n".join([
        "---", "title: 报送进展", "---", "",
        "# 报送进展", "",
        "在本页填写本单位的任务进展，生成进展报送文件（YAML），下载或复制后提交。"
        "填写的内容只在您的浏览器中处理，不会发送到任何地方。"
        f"每一步的说明见[报送指南]({GUIDE_LINK})。", "",
        html, "",
    ])

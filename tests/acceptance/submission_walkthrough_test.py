"""The submission guide's walkthrough, tried as a new user would: only what the guide says, against real data.

Section 十三 of docs/guide/submit.md goes from `plancheck new-report` to a pull request for the
October 2025 bulletin. These tests run its commands as written (in a copy of the bundled data
without the encoded bulletin, committed to a git repository with an `origin/main`), compare the
outputs it quotes, and then fill a skeleton with every item of the bulletin using only the fields
the guide documents: the result passes and gives the same statuses as the encoded bulletin.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker import yamledit
from tests.support import POLICY, REPOSITORY, copy_tree, run_cli

GUIDE = REPOSITORY / "docs" / "guide" / "submit.md"
BULLETIN = REPOSITORY / "policy" / "progress" / "hd-ecology" / "2025-10-23-bulletin.yaml"
REPORT = "policy/progress/hd-ecology/2025-10-23-report.yaml"
ON = "2025-10-23"


def _walkthrough() -> str:
    return GUIDE.read_text(encoding="utf-8").split("{#walkthrough}", 1)[1]


def _blocks(text: str) -> list[str]:
    """Indented code blocks, dedented, in order (the walkthrough's blocks have no blank lines)."""
    blocks, current = [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("    "):
            current.append(line[4:])
        elif current:
            blocks.append("\n".join(current) + "\n")
            current = []
    return blocks


def _command(prefix: str) -> list[str]:
    """The guide's command line that starts with `.venv/bin/plancheck <prefix>`, as arguments."""
    line = next(b.strip() for b in _blocks(_walkthrough()) if b.startswith(f".venv/bin/plancheck {prefix}"))
    return shlex.split(line)[1:]


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled data without the encoded bulletin, committed, with origin/main pointing at it."""
    copy_tree(tmp_path, POLICY)
    (tmp_path / BULLETIN.relative_to(REPOSITORY)).unlink()
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"],
                    ["update-ref", "refs/remotes/origin/main", "HEAD"]):
        subprocess.run(["git", *command], cwd=tmp_path, env=env, check=True, capture_output=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_walkthrough_commands_print_what_the_guide_shows(repository: Path) -> None:
    """Each command of the submission guide's walkthrough prints, on the bundled data, what the guide shows."""
    new_report = _command("new-report")
    code, stdout, stderr = run_cli(*new_report)
    assert (code, stderr) == (0, "")
    shown = _blocks(_walkthrough())[1]
    assert stdout.splitlines()[0] == shown.strip()

    # An entry neither filled nor deleted: the guide's PC110 line is what validate prints.
    validate = _command("validate")
    code, stdout, _ = run_cli(*validate)
    assert code == 2
    pc110 = next(b.strip() for b in _blocks(_walkthrough()) if "PC110" in b)
    assert pc110 in stdout.splitlines()

    example = next(b for b in _blocks(_walkthrough()) if b.startswith("# yaml-language-server:"))
    assert example.splitlines()[1] == f"# 文件：{REPORT}"
    (repository / REPORT).write_text(example, encoding="utf-8")
    code, stdout, _ = run_cli(*validate)
    assert code == 0
    assert stdout == next(b for b in _blocks(_walkthrough()) if b.startswith("全部通过"))

    diff = _command("diff")
    code, stdout, _ = run_cli(*diff)
    assert code == 0
    summary = next(b.strip() for b in _blocks(_walkthrough()) if b.startswith("本次变更"))
    assert stdout.splitlines()[2] == summary


def _documented_fields() -> set[str]:
    """Field names the guide's tables and sections explain (`name` in backticks)."""
    return set(re.findall(r"`([a-z_]+)`", GUIDE.read_text(encoding="utf-8")))


def _fill(skeleton: Any, key: str, subject: str, items: list[dict[str, Any]]) -> None:
    """Do what the guide says in an editor: fill an entry per item, copying it when a subject has several."""
    entries = skeleton[key]
    for item in items:
        if subject not in item:  # one entry for several tasks (guide, section 四): written by hand, at the end
            entries.append(copy.deepcopy(item))
            continue
        positions = [i for i, entry in enumerate(entries) if entry.get(subject) == item[subject]]
        assert positions, f"the skeleton offers no entry for {item[subject]}"
        blank = next((i for i in positions if entries[i].get("quote") is None), None)
        if blank is None:  # "把这一条复制一份"
            blank = positions[-1] + 1
            entries.insert(blank, copy.deepcopy(entries[positions[0]]))
        entry = entries[blank]
        for field in list(entry):
            if field != subject:
                del entry[field]
        for field, value in item.items():
            entry[field] = value


def test_every_bulletin_item_can_be_reported_with_the_skeleton(repository: Path) -> None:
    """All 32 updates and 4 observations of the bulletin, through new-report --task and the guide's rules."""
    bulletin = yaml.safe_load(BULLETIN.read_text(encoding="utf-8"))
    used = {field for item in bulletin["updates"] + bulletin["observations"] for field in item}
    used |= {field for item in bulletin["observations"] for field in item["period"]}
    assert used <= _documented_fields(), used - _documented_fields()

    named = dict.fromkeys([item["task"] for item in bulletin["updates"] if "task" in item]
                          + [item["indicator"] for item in bulletin["observations"]])
    code, stdout, _ = run_cli("new-report", "--unit", "hd-ecology", "--date", ON, "--task", *named)
    assert code == 0
    assert stdout.startswith(f"已写入 {REPORT}：列出 {len(named)} 条待填写的任务和指标。\n")
    path = repository / REPORT
    skeleton = yamledit.load(path.read_text(encoding="utf-8"))
    skeleton["source"]["title"] = bulletin["source"]["title"]
    _fill(skeleton, "updates", "task", bulletin["updates"])
    _fill(skeleton, "observations", "indicator", bulletin["observations"])
    for key in ("updates", "observations"):  # "简报没有讲到的任务和指标：整条删除"
        for index in reversed(range(len(skeleton[key]))):
            if skeleton[key][index].get("quote") is None:
                del skeleton[key][index]
    path.write_text(yamledit.dump(skeleton), encoding="utf-8")

    code, stdout, _ = run_cli("validate", REPORT, "--as-of", ON)
    assert (code, stdout) == (0, "全部通过：检查了 1 个文件，未发现问题。\n")
    ours = _statuses(repository / "policy")
    shutil.copy(BULLETIN, path)
    assert ours == _statuses(repository / "policy")


def _statuses(policy: Path) -> dict[str, Any]:
    code, stdout, _ = run_cli("check", str(policy), "--as-of", ON, "--format", "json")
    assert code in (0, 1)
    report = json.loads(stdout)
    tasks = {task["id"]: (task["status"], task["share"]) for task in report["tasks"]}
    indicators = {item["id"]: item["status"] for item in report["indicators"]}
    return {"tasks": tasks, "indicators": indicators}


def test_a_skeleton_for_the_day_fits_the_task_at_hand(repository: Path) -> None:
    """Issue 16's trial on 2025-12-22: at most 120 items by default, an untouched one validates to at most 40 lines.

    Three tasks the bulletin speaks about can be listed alone with --task.
    """
    report = "policy/progress/hd-ecology/2025-12-22-report.yaml"
    code, stdout, _ = run_cli("new-report", "--unit", "hd-ecology", "--date", "2025-12-22")
    assert code == 0
    skeleton = yaml.safe_load((repository / report).read_text(encoding="utf-8"))
    listed = len(skeleton["updates"]) + len(skeleton["observations"])
    assert listed <= 120
    assert stdout.startswith(f"已写入 {report}：列出 {listed} 条待填写的任务和指标。\n另有 ")
    assert not any(entry["task"].startswith("hd-air-2023/") for entry in skeleton["updates"])  # the 2023 plan ended
    assert {entry["period"]["year"] for entry in skeleton["observations"]} == {2024}
    code, stdout, _ = run_cli("validate", report, "--as-of", "2025-12-22")
    assert code == 2
    assert len(stdout.splitlines()) <= 40
    (repository / report).unlink()

    three = ["hd-eco-14th/s4-2-1", "hd-eco-14th/box2-3", "hd-eco-14th/s9-3-5"]
    code, stdout, _ = run_cli("new-report", "--unit", "hd-ecology", "--date", "2025-12-22", "--task", *three)
    assert code == 0
    skeleton = yaml.safe_load((repository / report).read_text(encoding="utf-8"))
    assert sorted(entry["task"] for entry in skeleton["updates"]) == sorted(three)
    assert "observations" not in skeleton


def test_the_guides_example_checked_against_its_source_text(repository: Path) -> None:
    """Section 八: with `source.text` naming the bulletin's text beside it, every quote is checked verbatim.

    The bulletin itself is not in the repository; its stand-in is the example's own quotes broken
    into lines and spaced the way PDF extraction does. Changing one character of the text makes
    validate point at that character of the quote.
    """
    example = next(b for b in _blocks(_walkthrough()) if b.startswith("# yaml-language-server:"))
    example = example.replace("  date: 2025-10-23\n", "  date: 2025-10-23\n  text: 2025-10-23-report.txt\n", 1)
    (repository / REPORT).write_text(example, encoding="utf-8")
    quotes = [entry["quote"] for key in ("updates", "observations") for entry in yaml.safe_load(example)[key]]
    text = "\n".join(" ".join(quote[i:i + 17] for i in range(0, len(quote), 17)) for quote in quotes)
    source = repository / REPORT.replace(".yaml", ".txt")
    source.write_text(text + "\n", encoding="utf-8")
    code, stdout, _ = run_cli("validate", REPORT, "--as-of", ON)
    assert (code, stdout) == (0, "全部通过：检查了 1 个文件，未发现问题。\n")
    source.write_text(text.replace("已完成3台", "已完成4台") + "\n", encoding="utf-8")
    code, stdout, _ = run_cli("validate", REPORT, "--as-of", ON)
    assert code == 2
    line = next(number for number, text in enumerate(example.splitlines(), 1) if "已完成3台" in text)
    column = example.splitlines()[line - 1].index("3台") + 1
    assert stdout.startswith(f"{REPORT}:{line}:{column}: PC340 错误 quote 与原文“2025-10-23-report.txt”不符：")

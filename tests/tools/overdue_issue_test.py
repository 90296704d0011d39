"""The daily tracking issue, against a fake `gh` that keeps its issues in a JSON file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPOSITORY

FAKE_GH = r'''#!{python}
import json, sys
from pathlib import Path
state = Path({state!r})
issues = json.loads(state.read_text()) if state.exists() else []
args = sys.argv[1:]
with open({log!r}, "a") as log:
    log.write(" ".join(args[:2]) + "\n")
def option(name):
    return args[args.index(name) + 1]
if args[:2] == ["issue", "list"]:
    print(json.dumps([{{"number": i["number"], "body": i["body"]}} for i in issues if i["state"] == "open"][:1]))
elif args[:2] == ["issue", "create"]:
    issues.append({{"number": len(issues) + 1, "body": option("--body"), "state": "open"}})
elif args[:2] == ["issue", "edit"]:
    next(i for i in issues if i["number"] == int(args[2]))["body"] = option("--body")
elif args[:2] == ["issue", "close"]:
    next(i for i in issues if i["number"] == int(args[2]))["state"] = "closed"
state.write_text(json.dumps(issues))
'''


@pytest.fixture
def fake_gh(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    bin_dir, state, log = tmp_path / "bin", tmp_path / "issues.json", tmp_path / "calls.log"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable, state=str(state), log=str(log)), encoding="utf-8")
    gh.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    return env, state, log


def _run(env: dict[str, str], as_of: str) -> str:
    command = [sys.executable, str(REPOSITORY / "tools" / "overdue_issue.py"), "--as-of", as_of,
               "--policy", str(REPOSITORY / "policy")]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=REPOSITORY).stdout.strip()


def test_opens_once_updates_when_it_changes_and_closes_when_nothing_is_overdue(
    fake_gh: tuple[dict[str, str], Path, Path],
) -> None:
    """The daily job opens one issue, leaves it alone while nothing changes, edits it when the list changes,
    closes it when nothing is overdue, and then does nothing."""
    env, state, log = fake_gh
    assert _run(env, "2023-11-16").startswith("opened an issue for")
    (issue,) = json.loads(state.read_text())
    assert "hd-air-2023/a1-01" in issue["body"] and "截至 2023-11-16" in issue["body"]
    assert "⊘ 逾期未报送" in issue["body"]  # the furnaces due 2023-11-15 were never reported by then
    assert _run(env, "2023-11-16") == "#1 already up to date"  # idempotent: no second issue, no edit
    assert _run(env, "2023-11-17").startswith("updated #1")
    assert len(json.loads(state.read_text())) == 1
    assert _run(env, "2023-01-02") == "closed #1"  # before any deadline: nothing overdue
    assert json.loads(state.read_text())[0]["state"] == "closed"
    assert _run(env, "2023-01-02") == "nothing overdue, no open issue"
    assert "issue edit" in log.read_text() and log.read_text().count("issue create") == 1

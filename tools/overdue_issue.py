"""Keep one GitHub issue in step with what is overdue: open or update it while anything is, close it when nothing is.

    .venv/bin/python tools/overdue_issue.py [--as-of YYYY-MM-DD] [--policy policy]

Run by .github/workflows/daily.yml with GH_TOKEN and GH_REPO set; uses the `gh` CLI. Idempotent:
the issue is found by its label, so running twice changes nothing the second time (the body is only
edited when it differs). The body is `plancheck check --format markdown`, overdue tasks grouped by
lead unit, each marked 逾期未完成 (reported unfinished: escalate) or 逾期未报送 (never reported:
chase the report). Both keep the issue open.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

LABEL = "plancheck-overdue"
TITLE = "逾期任务跟踪（plancheck 每日检查）"


def gh(*args: str) -> str:
    return subprocess.run(["gh", *args], check=True, capture_output=True, text=True).stdout


def plancheck(*args: str) -> str:
    command = [str(Path(sys.executable).parent / "plancheck"), *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):
        sys.exit(f"plancheck failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def open_issue() -> tuple[int, str] | None:
    listed = gh("issue", "list", "--label", LABEL, "--state", "open", "--json", "number,body", "--limit", "1")
    found = json.loads(listed)
    return (found[0]["number"], found[0]["body"]) if found else None


def sync(as_of: date, policy: str) -> str:
    """What it did, in one line."""
    common = [policy, "--as-of", as_of.isoformat(), "--fail-on", "never"]
    summary = json.loads(plancheck("check", *common, "--format", "json"))["summary"]
    unreported = summary["overdue_unreported"]
    overdue = summary["overdue"] + unreported
    existing = open_issue()
    if overdue == 0:
        if existing is None:
            return "nothing overdue, no open issue"
        gh("issue", "close", str(existing[0]), "--comment", f"截至 {as_of}，已无逾期任务，自动关闭。")
        return f"closed #{existing[0]}"
    body = plancheck("check", *common, "--format", "markdown")
    if existing is None:
        description = "plancheck 每日检查发现的逾期任务"
        gh("label", "create", LABEL, "--color", "c62828", "--description", description, "--force")
        gh("issue", "create", "--title", TITLE, "--label", LABEL, "--body", body)
        return f"opened an issue for {overdue} overdue tasks ({unreported} never reported)"
    if existing[1].strip() == body.strip():
        return f"#{existing[0]} already up to date"
    gh("issue", "edit", str(existing[0]), "--body", body)
    return f"updated #{existing[0]}: {overdue} overdue tasks ({unreported} never reported)"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", type=date.fromisoformat, default=date.today())
    parser.add_argument("--policy", default="policy")
    args = parser.parse_args(argv)
    print(sync(args.as_of, args.policy))


if __name__ == "__main__":
    main()

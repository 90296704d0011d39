"""The maintainer tool for plans uses the product's comparison: it lists each field not found verbatim."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support import REPOSITORY

TOOL = REPOSITORY / "tools" / "check_verbatim.py"


def test_fields_not_in_the_source_are_listed_with_what_was_found(tmp_path: Path) -> None:
    """A target that departs from the source is listed with the longest part found; notes are not checked."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("title: 示例 方案\nnote: 录入说明\ntasks:\n  - target: 全部完成治理\n", encoding="utf-8")
    source = tmp_path / "source.txt"
    source.write_text("示例\n方案\n全部完成\u3000整治\n", encoding="utf-8")
    result = subprocess.run([sys.executable, TOOL, plan, source], capture_output=True, text=True, check=False,
                            cwd=REPOSITORY)
    assert result.returncode == 1
    assert result.stdout == ("tasks[0].target: not in source\n  text:  全部完成治理\n  found: 全部完成…\n\n"
                             "1 field(s) not found verbatim\n")

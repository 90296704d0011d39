"""The tree from `plancheck site` built by Zensical, Material's successor, which reads mkdocs.yml but
not MkDocs hooks. Uses PLANCHECK_ZENSICAL or a `zensical` on PATH; otherwise installs it with pip
into a throwaway venv, and skips when that fails (offline, or no wheel for this machine). What
works and what is missing there is in docs/dev/site.md."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPOSITORY, run_cli


def _zensical(scratch: Path) -> str:
    found = os.environ.get("PLANCHECK_ZENSICAL") or shutil.which("zensical")
    if found:
        return found
    venv = scratch / "zensical-venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=120)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "zensical"], check=True, capture_output=True,
                       timeout=600)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"zensical could not be installed in a throwaway venv: {error}")
    return str(venv / "bin" / "zensical")


def test_zensical_builds_every_page_of_the_tree(tmp_path: Path) -> None:
    """Same pages as the MkDocs build, our search files and scripts included, from mkdocs.yml minus the hook."""
    zensical = _zensical(tmp_path)
    project = tmp_path / "project"
    code, _, stderr = run_cli("site", str(project / "docs"), str(REPOSITORY / "policy"), "--as-of", "2025-10-23")
    assert code == 0, stderr
    config = (REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^hooks:\n(?:  .*\n)+", "", config, flags=re.M)
    # Zensical's own search is on by default and loads its whole index with every page; ours stays.
    config = config.replace("plugins:\n", "plugins:\n  - search:\n      enabled: false\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run([zensical, "build"], cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    markdown = sorted(path.relative_to(project / "docs").with_suffix(".html")
                      for path in (project / "docs").rglob("*.md"))
    assert [path for path in markdown if not (site / path).is_file()] == []
    task = (site / "tasks" / "hd-air-2023" / "a1-01.html").read_text(encoding="utf-8")
    assert "<title>a1-01 " in task and "assets/plancheck.js" in task
    assert (site / "search" / "docs.js").is_file()
    assert "md-search" not in (site / "index.html").read_text(encoding="utf-8")

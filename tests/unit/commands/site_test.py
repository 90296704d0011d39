"""plancheck site OUT_DIR: the Markdown tree and assets, written without MkDocs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support import REPOSITORY, copy_base, run_cli

CONFIG = "site_name: x\nexclude_docs: |\n  dev/\n  notes.md\nplugins:\n  - offline:\n      enabled: !ENV [X, false]\n"


def _docs(top: Path) -> Path:
    docs = top / "docs"
    (docs / "dev").mkdir(parents=True)
    (docs / "dev" / "internal.md").write_text("# 内部\n", encoding="utf-8")
    (docs / "notes.md").write_text("# 笔记\n", encoding="utf-8")
    (docs / "guide.md").write_text("# 报送指南\n\n手写页面的正文\n", encoding="utf-8")
    (docs / "assets").mkdir()
    (docs / "assets" / "site.css").write_text("body{}\n", encoding="utf-8")
    (top / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return docs


def test_the_tree_has_generated_and_hand_written_pages_and_the_search_index(tmp_path: Path) -> None:
    """Generated pages, downloads and search files land beside the copied docs; excluded docs stay out."""
    policy = copy_base(tmp_path)
    docs = _docs(policy.parent)
    out = tmp_path / "out"
    code, stdout, stderr = run_cli("site", str(out), str(policy), "--as-of", "2023-11-20", "--docs", str(docs))
    assert code == 0, stderr
    assert "写出网站源文件" in stdout
    assert (out / "index.md").is_file() and (out / "downloads" / "check.json").is_file()
    assert (out / "guide.md").is_file() and (out / "assets" / "site.css").is_file()
    assert not (out / "dev").exists() and not (out / "notes.md").exists()
    assert next((out / "tasks").rglob("*.md"))
    index = (out / "search" / "docs.js").read_text(encoding="utf-8")
    assert '"guide.html","报送指南"' in index and "notes.html" not in index


def test_invalid_data_writes_nothing_and_exits_2(tmp_path: Path) -> None:
    """The findings are printed, as for validate."""
    policy = copy_base(tmp_path)
    plan = policy / "plans" / "demo-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("lead: [city-ecology]", "lead: [nobody]", 1),
                    encoding="utf-8")
    code, stdout, _ = run_cli("site", str(tmp_path / "out"), str(policy), "--as-of", "2023-11-20")
    assert code == 2 and "PC2" in stdout
    assert not (tmp_path / "out").exists()


def test_a_report_after_a_past_as_of_date_is_valid(tmp_path: Path) -> None:
    """As in `mkdocs build`: reports are validated against today; one after a past --as-of date is not yet known."""
    policy = copy_base(tmp_path)  # holds a report dated 2023-05-10
    code, stdout, _ = run_cli("site", str(tmp_path / "out"), str(policy), "--as-of", "2023-01-01")
    assert code == 0, stdout
    assert "PC302" not in stdout


def test_mkdocs_is_not_imported(tmp_path: Path) -> None:
    """The generator stands on its own: another engine can take the tree."""
    argv = ["site", str(tmp_path / "out"), str(REPOSITORY / "policy"), "--as-of", "2025-10-23"]
    script = ("import sys\nfrom checker.cli import main\n"
              f"code = main({argv!r})\n"
              "assert code == 0, code\nassert not [m for m in sys.modules if m.split('.')[0] == 'mkdocs'], 'mkdocs'\n")
    subprocess.run([sys.executable, "-c", script], cwd=REPOSITORY, check=True, capture_output=True)
    assert (tmp_path / "out" / "search" / "docs.js").is_file()

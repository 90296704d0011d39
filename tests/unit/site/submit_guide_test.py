"""docs/guide/submit.md keeps working: its example files validate against the bundled data, its links resolve.

The guide is what county and department staff copy from. These tests fail when a schema, a task ID
or a finding code changes without the guide being updated.
"""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import markdown
import pytest

from checker.codes import CODES
from tests.support import POLICY, REPOSITORY, copy_tree, run_validate

GUIDE = REPOSITORY / "docs" / "guide" / "submit.md"
AS_OF = "2025-11-30"
_SNIPPET_HEADER = """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
reporter: hd-ecology
date: 2025-11-20
source: {title: 示例, date: 2025-11-20}
updates:
"""


def _code_blocks() -> list[str]:
    """The guide's code blocks as MkDocs renders them (the site's Markdown has no fenced-code extension)."""
    rendered = markdown.markdown(GUIDE.read_text(encoding="utf-8"), extensions=["admonition", "attr_list", "tables"])
    return [html.unescape(block) for block in re.findall(r"<pre><code>(.*?)</code></pre>", rendered, re.DOTALL)]


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    """A private copy of the bundled policy tree and its schemas."""
    return copy_tree(tmp_path, POLICY)


def test_complete_examples_validate_without_findings(policy: Path) -> None:
    """Each complete example, saved where its second line says, passes `plancheck validate`."""
    examples = [block for block in _code_blocks() if block.startswith("# yaml-language-server:")]
    assert len(examples) == 3  # progress, observations, and the walkthrough's filled skeleton
    written = []
    for example in examples:
        match = re.match(r"# 文件：policy/(\S+\.yaml)", example.splitlines()[1])
        assert match, example.splitlines()[1]
        path = policy / match[1]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(example, encoding="utf-8")
        written.append(path)
    code, report, _ = run_validate(policy, AS_OF)
    mine = [f for f in report["findings"] if any(f["file"].endswith(p.name) for p in written)]
    assert mine == []
    assert code == 0


def test_update_snippets_validate_inside_a_report(policy: Path) -> None:
    """The milestone and quantities snippets use IDs that exist in the bundled plans."""
    snippets = [block for block in _code_blocks() if block.startswith("- task:")]
    assert len(snippets) == 2
    body = "".join(textwrap.indent(snippet, "  ") for snippet in snippets)
    path = policy / "progress" / "hd-ecology" / "2025-11-20-snippets.yaml"
    path.write_text(_SNIPPET_HEADER + body, encoding="utf-8")
    _, report, _ = run_validate(policy, AS_OF)
    assert [f for f in report["findings"] if f["file"].endswith(path.name)] == []


def test_links_point_at_the_codes_page_and_real_codes() -> None:
    """Links to ../codes.md (generated at build time) name catalogued codes only."""
    text = GUIDE.read_text(encoding="utf-8")
    assert "](../codes.md)" in text
    anchors = re.findall(r"\]\(\.\./codes\.md#([a-z0-9]+)\)", text)
    assert anchors and {anchor.upper() for anchor in anchors} <= set(CODES)
    assert not re.search(r"\]\(https?://", text)  # no external links
    assert not re.search(r"^\s*<[a-zA-Z]", text, re.MULTILINE)  # no raw HTML

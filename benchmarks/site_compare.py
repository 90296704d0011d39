"""The site build against a plain MkDocs build of the same page count and navigation.

Ours: `mkdocs build --strict` of this repository's mkdocs.yml and docs/ on a synthetic tree.
Plain: our mkdocs.yml without its hook (the same theme, features, stylesheets, scripts, Markdown
extensions and navigation, each navigation entry a short page), so without our pages' content,
downloads or search index, and as many short Markdown pages in all as our site has pages (issue 18:
"plain MkDocs of the same page count"). The theme renders the navigation and the asset links into
every page, so a yardstick without them would charge the theme's own per-page work to us. Until
issue 18's second round the yardstick had one page per task and a one-entry navigation;
`plain_project(..., nav=False)` builds that one, and docs/dev/benchmarks.md gives both ratios.
Both run in copies under the scratch folder, so nothing is written into the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.child import Measurement, Run, run_once
from benchmarks.generate import generate
from benchmarks.site import size

REPOSITORY = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"
AS_OF = "2023-10-01"

PLAIN_CONFIG = """\
site_name: 生态环境规划任务进展
docs_dir: docs
use_directory_urls: false
strict: true
not_in_nav: |
  /tasks/
theme:
  name: material
  language: zh
  font: false
  features: [navigation.top, content.tooltips]
  palette: {primary: teal}
plugins:
  - offline:
      enabled: false
markdown_extensions: [admonition, attr_list, tables, {toc: {permalink: false}}]
"""


@dataclass(frozen=True)
class SiteResult:
    tasks: int
    ours: Measurement
    plain: Measurement
    total_bytes: int
    task_pages: int
    task_page_bytes: int
    plain_total_bytes: int

    @property
    def bytes_per_task_page(self) -> float:
        return self.task_page_bytes / max(self.task_pages, 1)

    @property
    def bytes_per_task(self) -> float:
        """The whole site divided by the number of tasks: flat when the size grows linearly."""
        return self.total_bytes / self.tasks


def our_project(scratch: Path) -> Path:
    """A copy of mkdocs.yml and docs/ whose hook path leads to this repository's checker/."""
    project = scratch / "project"
    if not project.exists():
        shutil.copytree(REPOSITORY / "docs", project / "docs")
        shutil.copy2(REPOSITORY / "mkdocs.yml", project / "mkdocs.yml")
        (project / "checker").symlink_to(REPOSITORY / "checker", target_is_directory=True)
    return project


def our_navigation() -> list[str]:
    """The page paths of our mkdocs.yml's navigation, in order."""
    config = (REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:\n"):]
    return re.findall(r":\s+(\S+\.md)\s*$", nav, re.M)


def plain_config() -> str:
    """Our mkdocs.yml without its hook: the same theme, features, assets, navigation and page rules."""
    config = (REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8")
    without, hooks = re.subn(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.M)
    if hooks != 1:
        raise RuntimeError("mkdocs.yml has no hooks: section to leave out")
    return without


def plain_project(folder: Path, pages: int, *, nav: bool = True) -> Path:
    """A plain MkDocs project of `pages` short Markdown pages, with our configuration unless nav=False.

    With our configuration (plain_config, docs/assets copied), the pages of its navigation count
    towards `pages`; the rest are task-like pages outside it. nav=False is the old yardstick.
    """
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "docs" / "tasks").mkdir(parents=True)
    entries = our_navigation() if nav else ["index.md"]
    if nav:
        shutil.copytree(REPOSITORY / "docs" / "assets", folder / "docs" / "assets")
        (folder / "mkdocs.yml").write_text(plain_config(), encoding="utf-8")
    else:
        (folder / "mkdocs.yml").write_text(PLAIN_CONFIG + "nav:\n  - 第1页: index.md\n", encoding="utf-8")
    for path in entries:
        (folder / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / path).write_text("# 任务\n\n每项任务一页。\n", encoding="utf-8")
    tasks = max(pages - len(entries), 0) if nav else pages
    for index in range(tasks):
        page = (f"# t{index:05d} 推进第{index + 1}项重点行业深度治理\n\n"
                f"牵头单位：合成市第{index % 30}局。状态：推进中。\n")
        (folder / "docs" / "tasks" / f"t{index:05d}.md").write_text(page, encoding="utf-8")
    return folder


def page_count(site: Path) -> int:
    """The pages of a built site: its HTML files but the 404 page."""
    return sum(1 for path in site.rglob("*.html") if path.name != "404.html")


def _build(project: Path, destination: Path, policy: Path | None, timeout: float | None) -> Run:
    env = {**os.environ, "PLANCHECK_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    if policy is not None:
        env["PLANCHECK_POLICY"] = str(policy)
    return run_once([str(MKDOCS), "build", "--strict", "-q", "-d", str(destination)], project, env=env,
                    timeout=timeout)


def measure_site(tasks: int, scratch: Path, repeat: int, timeout: float | None = None,
                 progress: Callable[[str], None] = lambda _: None) -> SiteResult:
    """Build both sites repeat times, alternately; sizes are those of the last build."""
    policy = generate(scratch / f"site-tree-{tasks}", tasks, plans=max(1, tasks // 1000))
    ours_project = our_project(scratch)
    ours_site, plain_site = scratch / f"site-{tasks}", scratch / f"plain-site-{tasks}"
    ours_runs: list[Run] = []
    plain_runs: list[Run] = []
    plain: Path | None = None
    for round_ in range(repeat):
        ours_runs.append(_build(ours_project, ours_site, policy, timeout))
        if plain is None:  # as many pages as our site turned out to have
            plain = plain_project(scratch / f"plain-{tasks}", page_count(ours_site))
        plain_runs.append(_build(plain, plain_site, None, timeout))
        progress(f"site {tasks} round {round_ + 1}/{repeat}: ours {ours_runs[-1].seconds:.1f} s, "
                 f"plain {plain_runs[-1].seconds:.1f} s")
    _, total = size(ours_site)
    task_pages, task_bytes = size(ours_site / "tasks", "*.html")
    _, plain_total = size(plain_site)
    return SiteResult(tasks, Measurement.of(ours_runs), Measurement.of(plain_runs), total, task_pages, task_bytes,
                      plain_total)

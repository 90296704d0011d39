"""Reading the source text a report names: inside the tree, a regular UTF-8 file, or a finding at source.text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import copy_base, findings_in, run_validate

REPORT = "progress/city-ecology/2023-05-10-report.yaml"


def naming(tmp_path: Path, name: str) -> Path:
    """The base tree whose report names `name` as its source text (source.text at 7:9)."""
    policy = copy_base(tmp_path)
    report = policy / REPORT
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("  date: 2023-05-10\n", f"  date: 2023-05-10\n  text: {name}\n"), encoding="utf-8")
    return policy


def only_finding(policy: Path) -> tuple[str, str]:
    code, result, _ = run_validate(policy)
    assert code == 2
    (pinned,) = findings_in(result, REPORT)
    (message,) = [item["message"] for item in result["findings"] if item["file"].endswith(REPORT)]
    return pinned, message


def test_a_missing_text_file(tmp_path: Path) -> None:
    """PC220 at source.text, naming the file as written and where it was looked for."""
    policy = naming(tmp_path, "bulletin.txt")
    pinned, message = only_finding(policy)
    assert pinned == "PC220 7:9"
    assert message.startswith("找不到原文文件“bulletin.txt”（")


@pytest.mark.parametrize("name", ["../../organizations/x.txt", "/etc/hostname.txt"])
def test_a_path_leaving_the_folder_is_refused_before_anything_is_read(tmp_path: Path, name: str) -> None:
    """`..` and absolute paths are PC221 whatever they point to."""
    assert only_finding(naming(tmp_path, name))[0] == "PC221 7:9"


def test_a_symlink_out_of_the_tree_is_refused(tmp_path: Path) -> None:
    """A link inside the folder to a file outside the policy tree is PC221; the file is not read."""
    outside = tmp_path / "secret.txt"
    outside.write_text("机密\n", encoding="utf-8")
    policy = naming(tmp_path, "link.txt")
    (policy / "progress" / "city-ecology" / "link.txt").symlink_to(outside)
    assert only_finding(policy) == ("PC221 7:9", "原文文件“link.txt”指向 policy 目录之外。")


def test_gbk_text_is_refused_with_advice(tmp_path: Path) -> None:
    """A GBK text is PC222 with the byte offset and the advice to save as UTF-8."""
    policy = naming(tmp_path, "gbk.txt")
    (policy / "progress" / "city-ecology" / "gbk.txt").write_bytes("已完成24项".encode("gbk"))
    pinned, message = only_finding(policy)
    assert pinned == "PC222 7:9"
    assert message == "原文文件“gbk.txt”第 0 字节不是有效的 UTF-8，可能是 GBK 编码，请另存为 UTF-8。"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_not_opened(tmp_path: Path) -> None:
    """Opening a FIFO for reading would block until a writer comes: it is refused from its file status."""
    policy = naming(tmp_path, "pipe.txt")
    os.mkfifo(policy / "progress" / "city-ecology" / "pipe.txt")
    assert only_finding(policy) == ("PC222 7:9", "原文文件“pipe.txt”不是普通文件。")


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    """Notepad's UTF-8 byte-order mark is not part of the wording: the quotes still match."""
    policy = naming(tmp_path, "bom.txt")
    text = "已完成24项，其余6项正在推进。2022年PM2.5浓度50微克/立方米。"
    (policy / "progress" / "city-ecology" / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    code, result, _ = run_validate(policy)
    assert (code, result["findings"]) == (0, [])

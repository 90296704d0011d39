"""The tokenizer shared by index and query: bigrams for Chinese, whole tokens for IDs and numbers."""

from __future__ import annotations

import pytest

from checker.site.search.segment import normalize, tokens, whole


@pytest.mark.parametrize(("text", "expected"), [
    ("生态环境局", ["生态", "态环", "环境", "境局"]),
    ("魏县", ["魏县"]),
    ("县", ["县"]),
    ("a2-11", ["a2-11", "a2", "11"]),
    ("VOCs治理", ["vocs", "vocs治", "治理"]),
    ("创A", ["创", "a", "创a"]),
    ("国6b", ["国", "6b", "国6b"]),
    ("ＰＭ2.5", ["pm2.5", "pm2", "5"]),
])
def test_tokens(text: str, expected: list[str]) -> None:
    """Each rule of the module docstring, one string each."""
    assert tokens(text) == expected


def test_a_document_number_is_one_token_besides_its_pieces() -> None:
    """The whole number comes first, so a query for it matches it exactly; the pieces still match parts."""
    found = tokens("印发邯气领办〔2023〕5号文件")
    assert found[0] == "印发邯气领办〔2023〕5号"
    assert tokens("邯气领办〔2023〕5号")[0] == "邯气领办〔2023〕5号"
    assert {"邯气", "2023", "5号"} <= set(found)


def test_separators_split_and_leave_nothing() -> None:
    """Punctuation and spaces are never tokens."""
    assert tokens("、，。 ：；（）“”") == []
    assert tokens("钢铁，焦化") == ["钢铁", "焦化"]


def test_whole_is_normalised_without_spaces() -> None:
    """Aliases like 魏 县 (a space from the PDF) match the query 魏县."""
    assert whole("魏 县") == whole("魏县") == "=魏县"
    assert normalize("ＡＢ１") == "ab1"

"""Verbatim comparison: whitespace from PDF extraction is ignored, every other character must match."""

from __future__ import annotations

from checker.verbatim import Difference, Squeezed, first_difference, longest_found_prefix, squeeze, verbatim_fields

SOURCE = Squeezed.of("武安市分局持续推进钢铁企业一氧化\n碳专项整治。"
                     "目前 6 台烧结机\u3000已完成3台，剩余3台正在推进中。")


def test_whitespace_and_ideographic_spaces_are_ignored_on_both_sides() -> None:
    """Line breaks, spaces, tabs and U+3000 count on neither side; an empty quote has nothing to compare."""
    assert squeeze(" 一 氧\n化\u3000碳\t") == "一氧化碳"
    assert first_difference("一氧化碳专项整治。", SOURCE) is None
    assert first_difference("目前6台烧结机 已完成 3台", SOURCE) is None
    assert first_difference("   ", SOURCE) is None  # nothing to compare


def test_the_first_differing_character_and_what_the_source_has_there() -> None:
    """“已经完成” against “已完成”: the 10th character of the quote (spaces count) is “经”; the source has “完”."""
    quote = "目前6台 烧结机已经完成3台"
    difference = first_difference(quote, SOURCE)
    assert difference == Difference(quote_offset=9, matched="目前6台烧结机已", source_offset=34)
    assert quote[difference.quote_offset] == "经"
    assert "武安市分局持续推进钢铁企业一氧化\n碳专项整治。目前 6 台烧结机\u3000已完成"[34] == "完"


def test_a_quote_running_past_the_end_or_not_found_at_all() -> None:
    """Past the end of the source there is no source character;
    a quote whose first character is absent matches nothing.
    """
    ending = first_difference("正在推进中。下一步", SOURCE)
    assert ending is not None and (ending.matched, ending.source_offset) == ("正在推进中。", None)
    absent = first_difference("  邯郸", SOURCE)
    assert absent == Difference(quote_offset=2, matched="", source_offset=None)


def test_longest_found_prefix_and_the_fields_of_a_plan() -> None:
    """The maintainer tool's pieces: the longest prefix found,
    and which fields of a plan are verbatim (notes are ours).
    """
    assert longest_found_prefix("abcx", "zabcd") == "abc"
    plan = {"title": "方案", "note": "我们的话", "tasks": [{"target": "目标", "id": "x"}],
            "document": {"number": "〔2023〕5号", "title": "通知"}}
    assert list(verbatim_fields(plan)) == [
        ("title", "方案"), ("tasks[0].target", "目标"), ("document.number", "〔2023〕5号"), ("document.title", "通知")]

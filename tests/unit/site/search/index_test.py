"""The index files: a document list and term shards that the browser engine reads."""

from __future__ import annotations

import json

from checker.site.search.index import WHOLE_WEIGHT, build_index, fnv1a
from checker.site.search.segment import whole


def _load(files: dict[str, bytes]) -> tuple[dict[str, object], dict[str, list[int]]]:
    docs = json.loads(files["search/docs.js"].decode()[len("pcSearch.docs("):-3])
    terms: dict[str, list[int]] = {}
    for path, data in files.items():
        if path.startswith("search/shard-"):
            number, shard = json.loads(data.decode()[len("pcSearch.shard("):-3])
            assert all(fnv1a(term) % docs["shards"] == number for term in shard)
            terms.update(shard)
    return docs, terms


def test_pages_titles_and_aliases_are_indexed_with_their_weights() -> None:
    """Titles weigh more than text; a unit's alias is a whole term of its page, which ranks it first."""
    pages = {"units/a.md": "# 邯郸市生态环境局\n\n正文\n", "tasks/p/t1.md": "# t1 任务\n\n生态环境局牵头\n"}
    docs, terms = _load(build_index(pages, {"units/a.md": ["市生态环境局"]}))
    assert docs["docs"] == [["tasks/p/t1.html", "t1 任务"], ["units/a.html", "邯郸市生态环境局"]]
    assert terms[whole("市生态环境局")] == [1, WHOLE_WEIGHT]
    assert terms["生态"] == [0, 1, 1, 10 + 10]  # task body once; unit title and alias
    assert terms["t1"] == [0, 10]


def test_postings_are_gaps_between_document_numbers() -> None:
    """Document numbers are stored as gaps to keep shards small."""
    pages = {f"tasks/p/t{n}.md": "# 钢铁\n" for n in range(3)}
    _, terms = _load(build_index(pages, {}))
    assert terms["钢铁"] == [0, 10, 1, 10, 1, 10]


def test_the_number_of_shards_grows_with_the_index() -> None:
    """A bigger site gets more shards, so a query still loads a few small files."""
    small = build_index({"a.md": "# 甲\n"}, {})
    pages = {f"tasks/t{n}.md": f"# 任务{n}\n\n" + "".join(chr(0x4E00 + (n * 7 + k) % 5000) for k in range(400))
             for n in range(300)}
    large = build_index(pages, {})
    assert sum(path.startswith("search/shard-") for path in small) == 1
    assert sum(path.startswith("search/shard-") for path in large) > 4

"""The search index as static files: a document list and term shards, each a small script.

Scripts, not JSON: a `<script>` tag loads from file:// and from the offline zip, where fetch() is
refused. Nothing here is loaded until the reader opens search (docs/assets/plancheck.js).

- `search/docs.js` calls `pcSearch.docs({"shards": N, "docs": [[url, title], ...]})`.
- `search/shard-K.js` calls `pcSearch.shard(K, {term: [doc gap, weight, doc gap, weight, ...]})`;
  a term lives in shard fnv1a(term) mod N, so a query loads only the shards of its own tokens.

Weights: title 10, heading 3, body 1 per occurrence. A page's title and its aliases (for a unit:
its names with and without the 市/县 prefix) are also whole terms (segment.whole), which is how
the page titled exactly as the query ranks first.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from checker.site.search.segment import tokens, whole
from checker.site.search.text import page_text

TITLE_WEIGHT = 10
HEADING_WEIGHT = 3
BODY_WEIGHT = 1
WHOLE_WEIGHT = 100
# Uncompressed bytes per shard: about 12 KB compressed, so a first query of a dozen tokens stays
# well under the 1 MB compressed budget at 5,000 tasks (docs/dev/benchmarks.md).
SHARD_TARGET = 48_000
FOLDER = "search"


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over code points; engine.js computes the same."""
    value = 0x811C9DC5
    for character in term:
        value = ((value ^ ord(character)) * 0x01000193) & 0xFFFFFFFF
    return value


def html_path(markdown_path: str) -> str:
    return markdown_path[: -len(".md")] + ".html"


def _add(postings: dict[str, dict[int, int]], document: int, terms: Iterable[str], weight: int) -> None:
    for term, count in Counter(terms).items():
        posting = postings[term]
        posting[document] = posting.get(document, 0) + weight * count


def _script(call: str, payload: object) -> bytes:
    return f"pcSearch.{call}({json.dumps(payload, ensure_ascii=False, separators=(',', ':'))});\n".encode()


def build_index(pages: Mapping[str, str], aliases: Mapping[str, Sequence[str]]) -> dict[str, bytes]:
    """{site path: file content} for every search file. pages: docs path → Markdown."""
    documents: list[list[str]] = []
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    for number, (path, markdown) in enumerate(sorted(pages.items())):
        text = page_text(markdown)
        documents.append([html_path(path), text.title])
        _add(postings, number, tokens(text.title), TITLE_WEIGHT)
        _add(postings, number, [token for heading in text.headings for token in tokens(heading)], HEADING_WEIGHT)
        _add(postings, number, tokens(text.body), BODY_WEIGHT)
        names = [text.title, *aliases.get(path, ())]
        _add(postings, number, {whole(name) for name in names if name.strip()}, WHOLE_WEIGHT)
        _add(postings, number, [token for alias in aliases.get(path, ()) for token in tokens(alias)], TITLE_WEIGHT)
    size = sum(len(term.encode()) + 8 * len(posting) for term, posting in postings.items())
    count = max(1, -(-size // SHARD_TARGET))
    shards: list[dict[str, list[int]]] = [{} for _ in range(count)]
    for term in sorted(postings):
        encoded, previous = [], 0
        for document, weight in sorted(postings[term].items()):
            encoded += [document - previous, weight]
            previous = document
        shards[fnv1a(term) % count][term] = encoded
    files = {f"{FOLDER}/docs.js": _script("docs", {"shards": count, "docs": documents})}
    for number, shard in enumerate(shards):
        files[f"{FOLDER}/shard-{number}.js"] = _script("shard", [number, shard])
    return files

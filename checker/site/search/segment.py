"""One segmentation for the search index and the reader's query.

docs/assets/search/engine.js holds the same rules in JavaScript; tests/browser/search_parity_test.py
runs both on the same strings. Change one, change the other.

A Chinese reader types names, abbreviations, IDs and document numbers without spaces, in any
length. No dictionary can hold them all, so the rules do not need one:

- text is NFKC-normalised (full-width digits and letters become ASCII) and lower-cased;
- a run of CJK characters gives its character bigrams, or the character itself when it stands
  alone (魏县 → 魏县; 生态环境局 → 生态 态环 环境 境局);
- a run of ASCII letters and digits joined by - . _ is one token (a2-11, pm2.5, vocs), and when
  joined its parts are tokens too (a2, 11);
- an ASCII run touching CJK gives a compound with the neighbouring character on each side
  (创a, vocs治, 国6b), so mixed terms match as written;
- a document number (邯气领办〔2023〕5号) is also one whole token.

Both sides produce the same tokens, so a query matches wherever its text occurs.
"""

from __future__ import annotations

import re
import unicodedata

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_DOCUMENT_NUMBER = re.compile(f"[{CJK}]+[〔\\[(]\\d{{4}}[〕\\])]\\d+号")
_PIECE = re.compile(f"[{CJK}]+|[a-z0-9]+(?:[-._][a-z0-9]+)*")
_JOINER = re.compile(r"[-._]")
_CJK_CHARACTER = re.compile(f"[{CJK}]")
_BIGRAM = re.compile(f"(?=([{CJK}]{{2}}))")  # overlapping: every pair of neighbours


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _is_cjk(character: str) -> bool:
    return _CJK_CHARACTER.match(character) is not None


def tokens(text: str) -> list[str]:
    """The tokens of text, in order of appearance, repeats kept (they count as term frequency)."""
    text = normalize(text)
    found = [match.group() for match in _DOCUMENT_NUMBER.finditer(text)]
    for match in _PIECE.finditer(text):
        piece = match.group()
        if piece[0] > "z":  # a CJK run: _PIECE's ASCII runs hold only a-z and 0-9
            found += [piece] if len(piece) == 1 else _BIGRAM.findall(piece)
            continue
        found.append(piece)
        if _JOINER.search(piece):
            found += [part for part in _JOINER.split(piece) if part]
        start, end = match.start(), match.end()
        if start > 0 and _is_cjk(text[start - 1]):
            found.append(text[start - 1] + piece)
        if end < len(text) and _is_cjk(text[end]):
            found.append(piece + text[end])
    return found


def whole(text: str) -> str:
    """The key under which a page title or alias is matched as a whole: normalised, no spaces."""
    return "=" + "".join(normalize(text).split())

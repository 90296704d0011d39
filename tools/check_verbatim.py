"""Check that every verbatim field of an encoded plan or report occurs in its source text.

Maintainer tool for encoding a new document; the source documents are not part of the
repository, so the tests do not run it on them. The comparison is the product's own
(checker/verbatim.py): `plancheck validate` applies it to the quotes of every progress report
that names its source text (`source.text`).

    .venv/bin/python tools/check_verbatim.py policy/plans/hd-air-2023.yaml path/to/source.txt

Whitespace is ignored on both sides: PDF extraction inserts line breaks and spaces that are not
part of the wording. Every other character must match exactly. Exit status 1 lists the fields
that do not occur, with the longest prefix that does, to show where the copy diverges.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from checker.verbatim import Squeezed, first_difference, verbatim_fields


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    document = yaml.safe_load(Path(argv[0]).read_text(encoding="utf-8"))
    source = Squeezed.of(Path(argv[1]).read_text(encoding="utf-8"))
    missing = 0
    for path, text in verbatim_fields(document):
        difference = first_difference(text, source)
        if difference is not None:
            missing += 1
            print(f"{path}: not in source\n  text:  {text}\n  found: {difference.matched}…\n")
    print(f"{missing} field(s) not found verbatim")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""ruamel.yaml's safe loader must use its C extension (pure Python is about 7x slower)."""

from __future__ import annotations

import ruamel.yaml


def test_safe_loader_uses_the_c_parser() -> None:
    """Since 0.19.1 the C extension is optional and missing it silently falls back to Python."""
    # ruamel.yaml.main imports CParser from the C extension without re-exporting it; the test needs
    # exactly the name main.py chooses its parser by.
    from ruamel.yaml.main import CParser  # type: ignore[attr-defined]

    assert CParser is not None, "install ruamel.yaml.clib"
    assert ruamel.yaml.YAML(typ="safe").Parser is CParser


def test_pyyaml_has_libyaml() -> None:
    """The loader and the benchmark floor both rely on PyYAML's libyaml binding."""
    import yaml

    assert yaml.__with_libyaml__

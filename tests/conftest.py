"""Shared fixtures: where the repository and its bundled data live."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

# The built site and a real browser, shared by tests/unit/site and tests/browser.
pytest_plugins = ["tests.built_site"]

REPOSITORY = Path(__file__).resolve().parent.parent
POLICY = REPOSITORY / "policy"


class _PlainLoader(yaml.SafeLoader):
    """Safe loader that keeps dates as strings, as the schemas expect."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.fixture(scope="session")
def load_policy() -> Callable[[str], Any]:
    """Load a file of the bundled policy/ tree by its path relative to policy/."""

    def load(relative_path: str) -> Any:
        return yaml.load((POLICY / relative_path).read_text(encoding="utf-8"), Loader=_PlainLoader)

    return load


@pytest.fixture(autouse=True, scope="session")
def _private_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """plancheck processes the tests start keep their parse cache in a temporary folder, not in ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache-home")))
        yield

"""Fixtures for pack tests (the helpers themselves are in packhelp.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from packhelp import write_rule

from doclint.core.rule import Rule


@pytest.fixture
def make_rule(tmp_path: Path) -> Callable[[str], type[Rule]]:
    """Build a one-rule pack from the rule's own keys and load it."""
    counter = iter(range(1000))

    def make(body: str) -> type[Rule]:
        return write_rule(tmp_path, body, f"pack{next(counter)}.yaml")

    return make

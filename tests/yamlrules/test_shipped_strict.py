"""Shipped packs load lazily and without positions at run time; here they get the full check."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.yamlrules import builtin_pack_paths
from doclint.yamlrules.loader import PackReader


@pytest.mark.parametrize("path", builtin_pack_paths(), ids=lambda p: p.name)
def test_shipped_pack_passes_the_strict_loader(path: Path) -> None:
    name, _, specs = PackReader(path, trusted=False).read()
    assert name and specs
    for spec in specs:
        for pattern in spec.patterns:
            assert not pattern.compiled.fullmatch(""), f"{spec.code}: {pattern.source}"


@pytest.mark.parametrize("path", builtin_pack_paths(), ids=lambda p: p.name)
def test_fast_and_strict_loading_give_the_same_rules(path: Path) -> None:
    strict = PackReader(path, trusted=False).read()[2]
    fast = PackReader(path, trusted=True).read()[2]
    assert [(s.code, s.name, s.type, s.message, s.scope, s.fix) for s in strict] == [
        (s.code, s.name, s.type, s.message, s.scope, s.fix) for s in fast]

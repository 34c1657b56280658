"""The hooks doclint calls. Built-in rules, readers and formats use these same hooks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("doclint")
hookimpl = pluggy.HookimplMarker("doclint")


class DoclintSpec:
    @hookspec
    def doclint_rules(self) -> Sequence[type]:
        """Return the rule classes (Rule or ArchiveRule subclasses) this plugin contributes."""

    @hookspec
    def doclint_rule_packs(self) -> Sequence[Path]:
        """Return paths of YAML rule packs this plugin ships."""

    @hookspec
    def doclint_formatters(self) -> Mapping[str, type]:
        """Return output formatter classes keyed by their ``--format`` name."""

    @hookspec
    def doclint_readers(self) -> Mapping[str, Any]:
        """Return reader callables keyed by file suffix (``".docx"``).

        A reader takes ``(path: str, data: bytes, encoding: str | None)`` and returns a
        Document, or raises ``doclint.core.errors.ReadError``.
        """

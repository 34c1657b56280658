"""Built-in rules. Each family is a package exposing ``RULES``; all register through the hook."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from doclint.plugins.hookspecs import hookimpl

FAMILIES = (
    "doclint.rules.years",
    "doclint.rules.numbers",
    "doclint.rules.structure",
    "doclint.rules.templates",
    "doclint.rules.style",
    "doclint.rules.archive",
)


@hookimpl
def doclint_rules() -> Sequence[type]:
    rules: list[type] = []
    for name in FAMILIES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        rules.extend(module.RULES)
    return rules

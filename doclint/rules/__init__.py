"""Built-in rules. Each family is a package exposing ``RULES``; all register through the hook.

A family package imports none of its rule modules until ``RULES`` or a rule class is asked for
(:func:`family`): the engine imports a rule's module only when a document needs the rule (see
``doclint.rules.manifest``), and a rule module imported alone does not bring in its family.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from doclint.plugins.hookspecs import hookimpl

LOG = logging.getLogger(__name__)

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
            rules.extend(module.RULES)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                LOG.error("rule family %s cannot be loaded: %s", name, exc)
        except Exception as exc:
            LOG.error("rule family %s cannot be loaded: %s: %s", name, type(exc).__name__, exc)
    return rules


def family(package: str, members: Sequence[str]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of a family package: ``RULES`` (the classes of ``members``,
    ``"module:Class"`` in that order) and each class by name, imported on first use."""
    where = dict(reversed(member.split(":")) for member in members)

    def load(name: str) -> type:
        module = importlib.import_module(f"{package}.{where[name]}")
        return getattr(module, name)  # type: ignore[no-any-return]

    def __getattr__(name: str) -> Any:
        if name == "RULES":
            value: Any = [load(member.split(":")[1]) for member in members]
        elif name in where:
            value = load(name)
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__

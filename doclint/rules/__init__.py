"""Built-in rules. Each family is a package exposing ``RULES``; all register through the hook."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence

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

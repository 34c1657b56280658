"""The manifest of the built-in rules: every rule's metadata without importing its module.

Importing every rule module costs a one-file check more than anything else at start-up (class
and dataclass creation, the extractors each family imports). The manifest lists, for every
built-in rule, what :class:`doclint.core.catalogue.RuleEntry` holds: code, name, category,
severity, maturity, default, masking, options, the anchors of its default instance, and its
module and class. It is built by importing the rules once and kept in the build cache
(:mod:`doclint.core.buildcache`) under the size and modification time of every Python file of
the package and the content of every data file the rules read, so an edited rule or data file
builds it again; a family that fails to import is never kept (the next run tries again and
logs the error as before).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

from doclint.core.buildcache import load_or_build
from doclint.core.catalogue import RuleEntry

PACKAGE = Path(__file__).resolve().parents[1]
# Folders whose data files (YAML, tables, word lists) rule classes may be built from.
DATA_FOLDERS = (PACKAGE / "rules", PACKAGE / "data")


def builtin_entries() -> list[RuleEntry] | None:
    """The built-in rules as entries, or None when a family cannot be imported (the caller
    then lists the rules by the hook, which reports the broken family)."""
    try:
        described = load_or_build("rule-manifest", data_files(), build, code=("doclint",))
    except Exception:
        return None
    return [RuleEntry.described(data) for data in described]


def build() -> list[dict[str, Any]]:
    """Describe every built-in rule, importing each family (an error propagates)."""
    from doclint.rules import FAMILIES

    return [RuleEntry.of(rule).describe()
            for family in FAMILIES for rule in importlib.import_module(family).RULES]


def data_files() -> list[str]:
    """Every file besides Python sources under the rule folders, in a fixed order."""
    found = []
    for top in DATA_FOLDERS:
        for directory, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            found += [os.path.join(directory, name) for name in sorted(filenames)
                      if not name.endswith((".py", ".pyc"))]
    return found

"""Named patterns defined once for the whole project (``doclint/data/patterns.yaml``).

A concept several rules need (the news agencies a dateline names) is listed in one place: the
rule modules read it with :func:`shared_pattern`, and a YAML pack writes ``{{agency}}`` inside a
pattern, which :func:`expand` replaces when the pack is loaded, before the pattern is compiled
and its prefilter derived. An unknown name is a :class:`UnknownPattern` that the pack loader
reports at the pattern's line and column.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import regex

from doclint.core.datafiles import package_file
from doclint.core.errors import DoclintError
from doclint.core.lazyregex import lazy_regex

# {{name}}: lower-case words joined by "_" (any other text between braces is left alone).
_REFERENCE = lazy_regex(r"\{\{([a-z][a-z0-9_]*)\}\}")


class UnknownPattern(DoclintError):
    """A ``{{name}}`` that names no shared pattern."""


def data_file() -> Path:
    """Where the shared patterns are defined (a dependency of every pack built from them)."""
    return Path(str(package_file("doclint", "data", "patterns.yaml")))


def shared_pattern(name: str) -> str:
    """The regular expression fragment named ``name``, as a non-capturing group."""
    patterns = _patterns()
    if name not in patterns:
        raise UnknownPattern(f"unknown shared pattern {{{{{name}}}}} "
                             f"(known: {', '.join(sorted(patterns))})")
    return patterns[name]


def expand(source: str) -> str:
    """``source`` with each ``{{name}}`` replaced by its shared pattern."""
    if "{{" not in source:
        return source
    return _REFERENCE.sub(lambda m: shared_pattern(m.group(1)), source)


def names() -> list[str]:
    return sorted(_patterns())


@functools.cache
def _patterns() -> dict[str, str]:
    from doclint.core import fastyaml

    entries: dict[str, Any] = fastyaml.load_file(data_file())
    resolved: dict[str, str] = {}

    def resolve(name: str, seen: tuple[str, ...]) -> str:
        if name in resolved:
            return resolved[name]
        if name in seen or name not in entries:
            chain = " -> ".join((*seen, name))
            raise UnknownPattern(f"{data_file()}: shared pattern {{{{{name}}}}} is "
                                 f"{'defined in a cycle' if name in seen else 'not defined'}"
                                 f" ({chain})")
        entry = entries[name]
        if "words" in entry:
            words = sorted(entry["words"], key=len, reverse=True)  # stable: ties keep their order
            body = "|".join(regex.escape(word, special_only=True) for word in words)
        else:
            body = _REFERENCE.sub(lambda m: resolve(m.group(1), (*seen, name)), entry["pattern"])
        resolved[name] = f"(?:{body})"
        return resolved[name]

    for name in entries:
        resolve(name, ())
    return resolved

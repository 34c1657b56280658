"""Read a pack with ruamel.yaml's round-trip loader, keeping every key's line and column.

The round-trip loader builds plain data only: it never calls constructors named by tags
(``!!python/object`` stays an inert tagged value), and :meth:`Source.check_plain` rejects
every tagged node so no tag reaches the compiler.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from doclint.core.errors import YAML_VALUE_ERRORS, ConfigError, yaml_value_problem


@dataclass(frozen=True)
class Source:
    """A pack file being read: raises ConfigError pointing at ``file:line:col``."""

    path: str

    def fail(self, message: str, node: Any = None, key: Any = None, index: int | None = None,
             value: bool = False) -> NoReturn:
        line, column = position(node, key, index, value)
        raise ConfigError(message, self.path, line, column)

    def where(self, node: Any = None, key: Any = None, index: int | None = None,
              value: bool = False) -> str:
        line, column = position(node, key, index, value)
        return f"{self.path}:{line}:{column}" if line else self.path

    def check_plain(self, node: Any, parent: Any = None, key: Any = None,
                    index: int | None = None) -> None:
        """Reject tagged values anywhere in ``node`` (only plain YAML data is allowed)."""
        tag = getattr(node, "tag", None)
        if tag is not None and getattr(tag, "value", tag) is not None:
            self.fail(f"YAML tags are not allowed in a pack ({getattr(tag, 'value', tag)})",
                      parent, key, index, value=key is not None)
        if isinstance(node, Mapping):
            for k, v in node.items():
                self.check_plain(v, node, k)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                self.check_plain(item, node, index=i)


def position(node: Any, key: Any = None, index: int | None = None,
             value: bool = False) -> tuple[int | None, int | None]:
    """1-based line and column of ``node[key]`` (its key, or its value) or ``node[index]``."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        if key is not None:
            line, col = lc.value(key) if value else lc.key(key)
        elif index is not None:
            line, col = lc.item(index)
        else:
            line, col = lc.line, lc.col
    except (KeyError, IndexError, TypeError):
        line, col = lc.line, lc.col
    return line + 1, col + 1


def read_yaml(path: Path, shown: str | None = None, fast: bool = False) -> Any:
    """Load ``path`` as round-trip YAML; YAML syntax errors become ConfigError with a position.

    ``shown`` is the name errors give for the file (the path as the user wrote it). ``fast``
    reads plain data with libyaml instead, without positions: for the shipped packs, which the
    tests validate, so that start-up does not pay for ruamel's pure-Python parser.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read rule pack: {exc}", shown or str(path)) from None
    if fast:
        from doclint.core import fastyaml

        return fastyaml.safe_load(text)
    from ruamel.yaml import YAML  # only here: importing it costs start-up 20 ms
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(f"invalid YAML: {exc.problem or exc.context}", shown or str(path),
                          mark.line + 1 if mark else None,
                          mark.column + 1 if mark else None) from None
    except YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", shown or str(path)) from None
    except YAML_VALUE_ERRORS as exc:
        raise ConfigError(yaml_value_problem(exc), shown or str(path)) from None

"""Declarative YAML rule packs: load a pack into ordinary Rule classes; ship the built-in packs.

``load_pack(path)`` validates a pack (a ConfigError at ``pack.yaml:LINE:COL`` for any mistake)
and returns one Rule subclass per rule. The packs in the repository's ``rules/`` folder
(``doclint/_packs`` in a wheel) are registered through the ``doclint_rule_packs`` hook, so
they are on by default like any built-in rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from doclint.core.datafiles import package_file
from doclint.core.rule import Rule
from doclint.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from doclint.yamlrules.spec import RuleSpec

PACK_SUFFIXES = (".yaml", ".yml")


def load_pack(path: str | Path) -> list[type[Rule]]:
    """The rule classes of the pack at ``path``.

    Cached per resolved file while it is unchanged, so a pack named both by the built-in hook
    and by a config yields the same classes (the registry accepts the same class twice).
    """
    from doclint.core.buildcache import load_or_build
    from doclint.core.errors import ConfigError
    from doclint.yamlrules import shared
    from doclint.yamlrules.build import rule_class

    resolved = Path(path).expanduser().resolve()
    try:
        stat = resolved.stat()
    except OSError as exc:
        raise ConfigError(f"cannot read rule pack: {exc.strerror or exc}", str(path)) from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(resolved)
    if cached is None or cached[0] != stamp:
        trusted = resolved.parent in {p.parent.resolve() for p in builtin_pack_paths()}

        def read() -> list[RuleSpec]:
            from doclint.yamlrules.loader import PackReader

            return PackReader(resolved, shown=str(path), trusted=trusted).read()[2]

        # A shipped pack is validated by the tests: its specs are built once, then loaded
        # from the build cache (a user's pack is read every time, with positions for errors).
        specs = (load_or_build(f"pack-{resolved.stem}", [resolved, shared.data_file()], read,
                               code=("doclint.yamlrules", "doclint.core"), context=str(path))
                 if trusted else read())
        cached = (stamp, tuple(rule_class(spec) for spec in specs))
        _CACHE[resolved] = cached
    return list(cached[1])


_CACHE: dict[Path, tuple[tuple[int, int], tuple[type[Rule], ...]]] = {}


def builtin_pack_paths() -> list[Path]:
    """The packs shipped with doclint: ``doclint/_packs`` when installed, else ``<repo>/rules``."""
    folder: Path | None = None
    try:
        packaged = package_file("doclint", "_packs")
        if packaged.is_dir():
            folder = Path(str(packaged))
    except (ModuleNotFoundError, NotADirectoryError, TypeError):
        folder = None
    if folder is None:
        checkout = Path(__file__).resolve().parents[2] / "rules"
        folder = checkout if checkout.is_dir() else None
    if folder is None:
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in PACK_SUFFIXES and p.is_file())


@hookimpl
def doclint_rule_packs() -> Sequence[Path]:
    return builtin_pack_paths()

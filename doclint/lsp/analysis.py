"""Linting an editor buffer the way `doclint check` lints the file, without pygls.

The language server (``doclint.lsp.server``) only translates: everything that decides what is
reported lives here and in the modules `doclint check` uses.

- The config is the one `doclint check PATH` would use: the nearest config file at or above
  the document (``find_config``), else the defaults.
- The buffer is linted by ``Engine.lint_bytes``, the path the CLI takes for each file, then
  filtered by a ``Suppressor`` built as `doclint check` builds it (comments, every ignore file
  from the document's folder up to the config's, and the config's ``baseline:``).
- Positions are converted from code points to the client's position encoding by
  ``doclint.lsp.positions``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doclint.core.config import Config, find_config, load_config
from doclint.core.diagnostic import Diagnostic, FileResult, Fix
from doclint.core.errors import DoclintError
from doclint.lsp.positions import UTF16, PositionMap

LOG = logging.getLogger(__name__)

SUFFIXES = {".txt": ".txt", ".md": ".md", ".markdown": ".md"}
LANGUAGES = {"plaintext": ".txt", "markdown": ".md"}

# Fix applicability, as ruff has it: ``safe`` fixes may be applied unasked (`doclint check
# --fix`, the editor's preferred quick fix), ``unsafe`` ones only when a person picks them,
# and ``suggestion`` ones are shown, never applied (figures are never auto-fixed).
SAFE, UNSAFE, SUGGESTION = "safe", "unsafe", "suggestion"
EDITOR_APPLIES = (SAFE, UNSAFE)


def applicability(fix: Fix) -> str:
    """``safe``, ``unsafe`` or ``suggestion``.

    Today ``Fix`` has ``safe: bool``; a ``Fix.applicability`` field, when it exists, wins
    (``"suggestion-only"`` and ``"display-only"`` read as ``suggestion``).
    """
    value = getattr(fix, "applicability", None)
    if value is not None:
        name = str(getattr(value, "value", value)).lower()
        if name.startswith(SAFE):
            return SAFE
        if name.startswith(UNSAFE):
            return UNSAFE
        return SUGGESTION
    return SAFE if fix.safe else UNSAFE


def kind_of(path: str, language_id: str | None = None) -> str | None:
    """The reader suffix a document is linted as (``.txt`` or ``.md``), None when doclint
    does not lint it in an editor (``.docx`` is binary; other files are not documents)."""
    suffix = SUFFIXES.get(Path(path).suffix.lower())
    if suffix is None and not Path(path).suffix:
        suffix = LANGUAGES.get(language_id or "")
    return suffix


@dataclass
class Setup:
    """The config and engine for the documents under one config file (or none)."""

    config: Config
    engine: Any  # doclint.runner.engine.Engine

    @property
    def stop(self) -> Path | None:
        return Path(self.config.path).parent if self.config.path else None


@dataclass
class Analysis:
    """One buffer, linted: what is shown, and what is needed to act on it."""

    path: str
    text: str
    version: int | None
    positions: PositionMap
    shift: int = 0  # the buffer's BOM, which doclint's readers drop from offsets
    kind: str | None = None  # ".txt" or ".md": how it is read; None: not linted
    uri: str = ""  # set by the server
    setup: Setup | None = None
    result: FileResult | None = None  # after suppressions
    raw: FileResult | None = None  # before them (what `doclint ignore` looks at)
    errors: list[str] = field(default_factory=list)  # config, ignore-file or read errors
    skipped: str | None = None  # why nothing was checked (excluded, too large, not a document)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.result.diagnostics if self.result is not None else ()

    @property
    def lang(self) -> str:
        return self.setup.config.lang if self.setup is not None else "zh"

    def lsp_position(self, offset: int) -> tuple[int, int]:
        """A code-point offset of doclint's document as a (line, character) of the buffer."""
        return self.positions.position(offset + self.shift)

    def lsp_range(self, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]]:
        return self.lsp_position(start), self.lsp_position(end)

    def offset(self, line: int, character: int) -> int:
        """A buffer position as an offset of doclint's document."""
        return max(0, self.positions.offset(line, character) - self.shift)


class Workspace:
    """Configs and engines, cached per config file and rebuilt when it changes."""

    def __init__(self, config_path: str | None = None) -> None:
        self.config_path = config_path  # `doclint lsp --config FILE`: used for every document
        self._setups: dict[tuple[str | None, int], Setup] = {}

    def setup_for(self, path: str) -> Setup:
        """The config `doclint check PATH` would read, and an engine for it; ConfigError or
        DoclintError when it is wrong (the editor shows it on the document)."""
        from doclint.runner.engine import Engine

        if self.config_path:
            found: Path | None = Path(self.config_path)
        else:
            start = Path(path).parent if os.path.isabs(path) else Path.cwd()
            while not start.exists() and start != start.parent:  # a new file's folder
                start = start.parent
            found = find_config(start)
        key = (str(found.resolve()) if found else None, _mtime(found))
        if key not in self._setups:
            config = load_config(found) if found else Config()
            self._setups = {k: v for k, v in self._setups.items() if k[0] != key[0]}
            self._setups[key] = Setup(config, Engine(config))
        return self._setups[key]

    def analyse(self, path: str, text: str, version: int | None = None,
                language_id: str | None = None, encoding: str = UTF16) -> Analysis:
        """Lint ``text``, the buffer of the document at ``path``, as `doclint check` would."""
        shift = 1 if text.startswith("\ufeff") else 0
        analysis = Analysis(path, text, version, PositionMap(text, encoding), shift)
        kind = analysis.kind = kind_of(path, language_id)
        if kind is None:
            analysis.skipped = "not a .txt or .md document"
            return analysis
        try:
            setup = analysis.setup = self.setup_for(path)
        except DoclintError as exc:  # ConfigError included: file:line:col of the mistake
            analysis.errors.append(str(exc))
            return analysis
        config = setup.config
        from doclint.runner.discovery import excluded

        if excluded(Path(path), config.exclude):
            analysis.skipped = "excluded by the config"
            return analysis
        data = text[shift:].encode("utf-8", "replace")
        from doclint.runner.windows import MB, whole_limit

        # NOTE: the buffer is checked whole, so max-size's default (64 MB, meant for files
        # checked in windows) is capped at 10 MB here, as for .docx files.
        limit = whole_limit(config, None)
        if limit is not None and len(data) > limit:
            analysis.skipped = f"larger than max-size ({limit / MB:g} MB)"
            return analysis
        # The reader is picked by suffix: a document without one is read as its language.
        lint_path = path if Path(path).suffix else path + kind
        raw, _facts = setup.engine.lint_bytes(lint_path, data, "utf-8")
        if lint_path != path:
            raw = _renamed(raw, path)
        analysis.raw = raw
        if raw.error:
            analysis.errors.append(raw.error)
            analysis.result = raw
            return analysis
        analysis.errors.extend(raw.crashes)
        analysis.result = self.suppressor(setup, analysis.errors.append).result(raw)
        return analysis

    @staticmethod
    def suppressor(setup: Setup, say: Callable[[str], None]) -> Any:
        """A Suppressor as `doclint check` builds it, afresh each time: the ignore files and
        the baseline may have changed. A baseline that cannot be read is said, and skipped."""
        from doclint.runner.suppressions import Baseline, Suppressor

        baseline = None
        if setup.config.baseline:
            try:
                baseline = Baseline.load(Path(setup.config.baseline))
            except DoclintError as exc:
                say(str(exc))
        return Suppressor(setup.engine, stop=setup.stop, baseline=baseline,
                          say=lambda line: say(line.removeprefix("doclint: error: ")))


def _mtime(path: Path | None) -> int:
    try:
        return path.stat().st_mtime_ns if path is not None else 0
    except OSError:
        return 0


def _renamed(result: FileResult, path: str) -> FileResult:
    """``result`` of a buffer linted under another name (a suffix added), named ``path``."""
    import dataclasses

    old = result.info.path

    def rename(diag: Diagnostic) -> Diagnostic:
        related = tuple(dataclasses.replace(r, path=path) if r.path == old else r
                        for r in diag.related)
        return dataclasses.replace(diag, path=path, related=related)

    info = dataclasses.replace(result.info, path=path)
    return dataclasses.replace(result, info=info,
                               diagnostics=tuple(map(rename, result.diagnostics)))


def ignore_finding(analysis: Analysis, diag: Diagnostic, reason: str
                   ) -> tuple[Path, int, dict[str, str | None]] | None:
    """Record ``diag`` in the ignore file, as `doclint ignore` does; None when something
    already hides it. Returns the ignore file, the entry's number and the entry."""
    from doclint.runner.suppressions import record_ignore

    if analysis.setup is None or analysis.raw is None:
        raise DoclintError("the document has not been checked")
    return record_ignore(analysis.setup.engine, analysis.raw, diag, reason, analysis.setup.stop)


def disable_comment(diag: Diagnostic) -> str:
    return f"<!-- doclint-disable-next-line {diag.code} -->"


__all__ = ["Analysis", "Workspace", "applicability", "ignore_finding"]

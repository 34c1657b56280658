"""The engine: plugins + registry + config, and linting one input into a FileResult."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pluggy

from doclint.core.budget import RuleClock, RuleTimeout
from doclint.core.config import Config
from doclint.core.diagnostic import Diagnostic, FileInfo, FileResult
from doclint.core.document import Document
from doclint.core.errors import ConfigError, DoclintError, ReadError
from doclint.core.linter import ActiveRule, lint_document
from doclint.core.registry import RuleRegistry
from doclint.core.rule import ArchiveRule, Rule, RuleMeta
from doclint.plugins.manager import get_plugin_manager
from doclint.runner import collector
from doclint.runner.files import read_regular

LOG = logging.getLogger(__name__)


def collect_rules(pm: pluggy.PluginManager, packs: Iterable[str] = ()) -> RuleRegistry:
    """Every rule from every plugin (built-ins included) and from the named YAML packs."""
    registry = RuleRegistry()
    for impl in pm.hook.doclint_rules.get_hookimpls():
        try:
            rules = impl.function()
        except Exception as exc:
            LOG.warning("plugin %s failed to list its rules: %s", impl.plugin_name, exc)
            continue
        for rule in rules or ():
            if not impl.plugin_name.startswith("doclint.") and rule.origin == "builtin":
                rule.origin = impl.plugin_name
            registry.add(rule)
    pack_paths = [Path(p) for group in pm.hook.doclint_rule_packs() for p in group or ()]
    pack_paths += [Path(p) for p in packs]
    if pack_paths:
        from doclint.yamlrules import load_pack

        for pack in pack_paths:
            for rule in load_pack(pack):
                registry.add(rule)
    return registry


class Engine:
    """Everything needed to lint files with one configuration; built once per process."""

    def __init__(self, config: Config, pm: pluggy.PluginManager | None = None, *,
                 defer_rules: bool = False) -> None:
        """With ``defer_rules``, the rules are imported and the config checked against them
        on first use of ``registry`` (a run served from the cache may never need them)."""
        self.config = config
        self.pm = pm or get_plugin_manager()
        self._registry: RuleRegistry | None = None
        self.readers: dict[str, Any] = {}
        # pluggy calls the latest registration first: reversed, plugins override built-ins.
        for group in reversed(self.pm.hook.doclint_readers()):
            self.readers.update(group or {})
        if not defer_rules:
            self.registry  # noqa: B018  (builds and validates now)
        self._instances: dict[str, RuleMeta] = {}
        self._selection: dict[tuple[str, ...], tuple[list[ActiveRule], list[ArchiveRule]]] = {}
        self._maskers: dict[tuple[str, ...], list[Rule]] = {}

    @property
    def registry(self) -> RuleRegistry:
        """Every rule, built (and the config validated against it) on first use."""
        if self._registry is None:
            registry = collect_rules(self.pm, self.config.rule_packs)
            self._registry = registry
            try:
                self._validate()
            except BaseException:
                self._registry = None
                raise
            collector.engine_built()
        return self._registry

    def _validate(self) -> None:
        config, registry = self.config, self.registry
        groups = [("select", config.select or []), ("ignore", config.ignore),
                  ("extend-select", config.extend_select)]
        groups += [(f"per-file-ignores.{k}", v) for k, v in config.per_file_ignores.items()]
        groups += [("severity", list(config.severity))]
        for key, selectors in groups:
            for number, selector in enumerate(selectors):
                if not registry.is_selector(selector):
                    where = config.where(*key.split("."), str(number))
                    if key == "severity":
                        where = config.where("severity", selector)
                    raise ConfigError(f'unknown rule code, prefix or category "{selector}" in {key}',
                                      **where)
        for number, path in enumerate(config.era_markers):
            where = config.where("era_markers", str(number))
            try:
                from doclint.rules.years.markers import MarkerError, user_markers
            except ImportError:
                break
            try:
                user_markers(path)
            except MarkerError as exc:
                raise ConfigError(str(exc), **where) from None
        for code, options in config.rules.items():
            rule = registry.get(code)
            if rule is None:
                raise ConfigError(f'unknown rule "{code}" in rules', **config.where("rules", code))
            for name, value in options.items():
                if name not in rule.options:
                    known = ", ".join(sorted(rule.options)) or "none"
                    raise ConfigError(f'unknown option "{name}" for {rule.code} (known: {known})',
                                      **config.where("rules", code, name))
                try:
                    rule.options[name].validate(name, value)
                except ValueError as exc:
                    raise ConfigError(str(exc), **config.where("rules", code, name)) from None

    def instance(self, rule: type[RuleMeta]) -> RuleMeta:
        if rule.code not in self._instances:
            options = self.config.rules.get(rule.code) or self.config.rules.get(rule.name) or {}
            self._instances[rule.code] = rule(**options)
        return self._instances[rule.code]

    def severity_of(self, rule: type[RuleMeta]) -> Any:
        from doclint.core.registry import specificity

        best, level = -1, rule.severity
        for selector, severity in self.config.severity.items():
            score = specificity(selector, rule)
            if score > best:
                best, level = score, severity
        return level

    def rules_for(self, path: str) -> tuple[list[ActiveRule], list[ArchiveRule]]:
        ignores = tuple(self.config.ignores_for(path))
        if ignores not in self._selection:
            chosen = self.registry.select(self.config.select, ignores, self.config.extend_select,
                                          preview=self.config.preview)
            doc_rules = [ActiveRule(self.instance(r), self.severity_of(r))  # type: ignore[arg-type]
                         for r in chosen if issubclass(r, Rule)]
            archive = [self.instance(r) for r in chosen if issubclass(r, ArchiveRule)]
            self._selection[ignores] = (doc_rules, archive)  # type: ignore[assignment]
            # Text that a masking rule removes is masked whether or not the rule reports it.
            self._maskers[ignores] = [self.instance(r) for r in self.registry  # type: ignore[misc]
                                      if issubclass(r, Rule) and r.masks and r not in chosen]
        return self._selection[ignores]

    def maskers_for(self, path: str) -> list[Rule]:
        """Masking rules not selected for ``path`` that still mark text removed as a whole."""
        self.rules_for(path)
        return self._maskers[tuple(self.config.ignores_for(path))]

    def read(self, path: str, data: bytes, encoding: str | None = None) -> Document:
        reader = self.readers.get(Path(path).suffix.lower()) or self.readers[".txt"]
        doc: Document = reader(path, data, encoding)
        settings = {"year": self.config.year_for(path), "era_markers": self.config.era_markers}
        doc.settings = {**settings, **doc.settings}
        return doc

    def lint_bytes(self, path: str, data: bytes, encoding: str | None = None,
                   digest: str | None = None) -> tuple[FileResult, dict[str, Any]]:
        """Lint one input; return its result and its archive-rule facts (code -> fact).

        ``digest`` is the SHA-256 of ``data`` when the caller has it already.
        """
        digest = digest or hashlib.sha256(data).hexdigest()
        try:
            doc = self.read(path, data, encoding)
        except ReadError as exc:
            return FileResult(FileInfo(path, sha256=digest), error=str(exc)), {}
        except Exception as exc:
            LOG.debug("reader crashed on %s", path, exc_info=True)
            return FileResult(FileInfo(path, sha256=digest),
                              error=f"reader crashed: {type(exc).__name__}: {exc}"), {}
        info = FileInfo(path, doc.encoding, digest, len(doc.source), _newline_name(doc.newline))
        doc_rules, archive_rules = self.rules_for(path)
        budget = self.config.rule_timeout
        diagnostics, crashes = lint_document(doc, doc_rules, self.maskers_for(path), budget)
        lines = source_lines(doc, diagnostics)
        facts: dict[str, Any] = {}
        with RuleClock(budget) as clock:
            for rule in archive_rules:
                try:
                    try:
                        clock.start(rule.code)
                        facts[rule.code] = rule.collect(doc)
                    finally:
                        clock.stop()
                except RuleTimeout as exc:
                    LOG.debug("rule %s stopped on %s", rule.code, path, exc_info=True)
                    crashes.append(str(exc))
                except Exception as exc:
                    LOG.debug("rule %s crashed on %s", rule.code, path, exc_info=True)
                    crashes.append(f"rule {rule.code} crashed: {type(exc).__name__}: {exc}")
        doc.release()  # nothing refers to the document any more: free it now (see release)
        return FileResult(info, tuple(diagnostics), crashes=tuple(crashes),
                          directives=doc.directives, lines=lines), facts

    def lint_file(self, path: str, encoding: str | None = None) -> tuple[FileResult, dict[str, Any]]:
        try:
            data = read_regular(path, self.config.max_bytes)
        except OSError as exc:
            return FileResult(FileInfo(path), error=f"cannot read: {exc.strerror or exc}"), {}
        return self.lint_bytes(path, data, encoding)


def source_lines(doc: Document, diagnostics: Iterable[Diagnostic]) -> dict[int, str]:
    """The text of every line a diagnostic or its related spans start on."""
    wanted: set[int] = set()
    for diag in diagnostics:
        wanted.add(diag.start.line)
        wanted.update(r.start.line for r in diag.related if r.path == diag.path)
    if not wanted:
        return {}
    spans = {n: (start, end) for n, start, end in doc.index.line_spans() if n in wanted}
    return {n: doc.source[spans[n][0] : spans[n][1]] for n in sorted(wanted)}


def _newline_name(newline: str) -> str:
    return {"\n": "lf", "\r\n": "crlf", "\r": "cr"}.get(newline, "lf")


def engine_error(exc: Exception) -> DoclintError:
    return exc if isinstance(exc, DoclintError) else DoclintError(str(exc))

"""The engine: plugins + registry + config, and linting one input into a FileResult."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pluggy

from doclint.core.anchors import scan_for
from doclint.core.budget import RuleClock, RuleTimeout
from doclint.core.catalogue import RuleEntry
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
BUILTIN_RULES = "doclint.rules"  # the plugin of the built-in rules


def collect_rules(pm: pluggy.PluginManager, packs: Iterable[str] = (), *,
                  entries: bool = False) -> RuleRegistry:
    """Every rule from every plugin (built-ins included) and from the named YAML packs.

    With ``entries``, a registry of :class:`RuleEntry`: the built-in rules from their
    manifest, nothing imported; every other rule around its class.
    """
    registry = RuleRegistry()
    wrapped: dict[type[RuleMeta], RuleEntry] = {}  # a class listed twice is one entry

    def listed(rule: type[RuleMeta]) -> Any:
        if not entries:
            return rule
        if rule not in wrapped:
            wrapped[rule] = RuleEntry.of(rule)
        return wrapped[rule]

    for impl in pm.hook.doclint_rules.get_hookimpls():
        if entries and impl.plugin_name == BUILTIN_RULES:
            from doclint.rules.manifest import builtin_entries

            described = builtin_entries()
            if described is not None:
                for entry in described:
                    registry.add(entry)  # type: ignore[arg-type]
                continue
        try:
            rules = impl.function()
        except Exception as exc:
            LOG.warning("plugin %s failed to list its rules: %s", impl.plugin_name, exc)
            continue
        for rule in rules or ():
            if not impl.plugin_name.startswith("doclint.") and rule.origin == "builtin":
                rule.origin = impl.plugin_name
            registry.add(listed(rule))
    pack_paths = [Path(p) for group in pm.hook.doclint_rule_packs() for p in group or ()]
    pack_paths += [Path(p) for p in packs]
    if pack_paths:
        from doclint.yamlrules import load_pack

        for pack in pack_paths:
            for rule in load_pack(pack):
                registry.add(listed(rule))
    return registry


class Engine:
    """Everything needed to lint files with one configuration; built once per process.

    Rules are known first by their entries (:attr:`catalogue`): selection and the check of
    the configuration need no rule's code, and a built-in rule's module is imported when a
    document first needs the rule (it has no anchors or one of them occurs in the document)
    or when :attr:`registry` is asked for.
    """

    def __init__(self, config: Config, pm: pluggy.PluginManager | None = None, *,
                 defer_rules: bool = False) -> None:
        """With ``defer_rules``, the rules are listed and the config checked against them
        on first use of ``catalogue`` (a run served from the cache may never need them)."""
        self.config = config
        self.pm = pm or get_plugin_manager()
        self._catalogue: RuleRegistry | None = None
        self._registry: RuleRegistry | None = None
        self.readers: dict[str, Any] = {}
        # pluggy calls the latest registration first: reversed, plugins override built-ins.
        for group in reversed(self.pm.hook.doclint_readers()):
            self.readers.update(group or {})
        if not defer_rules:
            self.catalogue  # noqa: B018  (lists the rules and validates the config now)
        self._instances: dict[str, RuleMeta] = {}
        self._selection: dict[tuple[str, ...], Selection] = {}
        self._active: dict[tuple[str, ...], tuple[list[ActiveRule], list[ArchiveRule]]] = {}

    @property
    def catalogue(self) -> RuleRegistry:
        """Every rule as a :class:`RuleEntry`, built (and the config validated against it) on
        first use; the built-in rules' modules are not imported."""
        if self._catalogue is None:
            catalogue = collect_rules(self.pm, self.config.rule_packs, entries=True)
            self._validate(catalogue)
            self._catalogue = catalogue
            collector.engine_built()
        return self._catalogue

    @property
    def registry(self) -> RuleRegistry:
        """Every rule class, every rule module imported (for listing and documenting rules)."""
        if self._registry is None:
            entries = list(self.catalogue)
            self._registry = RuleRegistry(entry.load() for entry in entries)  # type: ignore[attr-defined]
            collector.engine_built()
        return self._registry

    def _validate(self, registry: RuleRegistry) -> None:
        config = self.config
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

    def instance(self, rule: type[RuleMeta] | RuleEntry) -> RuleMeta:
        """The rule's instance with its configured options (its module imported if need be)."""
        if rule.code not in self._instances:
            rule_class = rule.load() if isinstance(rule, RuleEntry) else rule
            self._instances[rule.code] = rule_class(**self._options(rule))
        return self._instances[rule.code]

    def _options(self, rule: type[RuleMeta] | RuleEntry) -> dict[str, Any]:
        return self.config.rules.get(rule.code) or self.config.rules.get(rule.name) or {}

    def severity_of(self, rule: type[RuleMeta] | RuleEntry) -> Any:
        from doclint.core.registry import specificity

        best, level = -1, rule.severity
        for selector, severity in self.config.severity.items():
            score = specificity(selector, rule)  # type: ignore[arg-type]
            if score > best:
                best, level = score, severity
        return level

    def selection(self, path: str) -> Selection:
        """The entries of the rules selected for ``path``, and of the masking rules."""
        ignores = tuple(self.config.ignores_for(path))
        if ignores not in self._selection:
            catalogue = self.catalogue
            chosen = catalogue.select(self.config.select, ignores, self.config.extend_select,
                                      preview=self.config.preview)
            self._selection[ignores] = Selection(
                [(e, self.severity_of(e)) for e in chosen  # type: ignore[attr-defined]
                 if e.kind == "document"],
                [e for e in chosen if e.kind == "archive"],  # type: ignore[attr-defined]
                # Text that a masking rule removes is masked whether or not the rule reports it.
                [e for e in catalogue if e.masks and e.kind == "document"  # type: ignore[attr-defined]
                 and e not in chosen],
            )
        return self._selection[ignores]

    def rules_for(self, path: str) -> tuple[list[ActiveRule], list[ArchiveRule]]:
        """Every rule selected for ``path``, instantiated (each rule module imported)."""
        ignores = tuple(self.config.ignores_for(path))
        if ignores not in self._active:
            chosen = self.selection(path)
            self._active[ignores] = (
                [ActiveRule(self.instance(e), severity)  # type: ignore[arg-type]
                 for e, severity in chosen.documents],
                [self.instance(e) for e in chosen.archive],  # type: ignore[misc]
            )
        return self._active[ignores]

    def maskers_for(self, path: str) -> list[Rule]:
        """Masking rules not selected for ``path`` that still mark text removed as a whole."""
        return [self.instance(e) for e in self.selection(path).maskers]  # type: ignore[misc]

    def rules_running_on(self, path: str, text: str) -> tuple[list[ActiveRule], list[Rule]]:
        """The selected document rules and the masking rules that run on ``text``: those
        without anchors or with one occurring in it (see :mod:`doclint.core.anchors`); only
        these are imported. ``lint_document`` would run the same ones from ``rules_for``."""
        chosen = self.selection(path)
        gate = chosen.gate
        if gate is None:
            # NOTE: built once per selection, not per document: the rules' anchors (an
            # entry's, or its instance's, which are the same once it is imported) and the scan
            # for them do not change between documents.
            todo = [*chosen.documents, *((e, None) for e in chosen.maskers)]
            gate = chosen.gate = Gate(todo, [self._anchors(entry) for entry, _ in todo])
        rules: list[ActiveRule] = []
        maskers: list[Rule] = []
        made = gate.made
        for index, run in enumerate(gate.scan.admitted(text, gate.anchors) if gate.scan
                                    else gate.always):
            if not run:
                continue
            rule = made[index]
            if rule is None:
                entry, severity = gate.todo[index]
                instance = self.instance(entry)
                rule = made[index] = instance if severity is None \
                    else ActiveRule(instance, severity)  # type: ignore[arg-type]
            if isinstance(rule, ActiveRule):
                rules.append(rule)
            else:
                maskers.append(rule)  # type: ignore[arg-type]
        return rules, maskers

    def _anchors(self, entry: RuleEntry) -> tuple[str, ...]:
        """The anchors of the rule's instance: from its entry while the rule is not imported
        and has the default options, else from the instance itself."""
        if entry.anchors is None or entry.loaded or self._options(entry):
            return self.instance(entry).anchors
        return entry.anchors


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
        doc_rules, maskers = self.rules_running_on(path, doc.text)
        archive_rules = [self.instance(e) for e in self.selection(path).archive]
        budget = self.config.rule_timeout
        diagnostics, crashes = lint_document(doc, doc_rules, maskers, budget, gated=False)
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


class Selection:
    """The entries of the rules selected for a path: document rules with their severity,
    archive rules, and the masking rules that run unselected."""

    __slots__ = ("archive", "documents", "gate", "maskers")

    def __init__(self, documents: list[tuple[RuleEntry, Any]], archive: list[RuleEntry],
                 maskers: list[RuleEntry]) -> None:
        self.documents, self.archive, self.maskers = documents, archive, maskers
        self.gate: Gate | None = None  # made by Engine.rules_running_on on first use


class Gate:
    """The document and masking rules of a selection with their anchors and the one scan that
    finds them (:mod:`doclint.core.anchors`), and each rule's instance (an ``ActiveRule`` for a
    selected rule, the bare rule for a masking one) once a document has run it."""

    __slots__ = ("always", "anchors", "made", "scan", "todo")

    def __init__(self, todo: list[tuple[RuleEntry, Any]],
                 anchors: list[tuple[str, ...]]) -> None:
        self.todo, self.anchors = todo, anchors
        every = frozenset(a for each in anchors for a in each)
        self.scan = scan_for(every) if every else None
        self.always = [True] * len(todo)
        self.made: list[Any] = [None] * len(todo)


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

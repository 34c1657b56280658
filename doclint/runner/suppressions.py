"""Hiding findings that are right as written: comments, ignore files and the baseline.

Everything here runs in the main process on results as they come back from the workers or
the cache, in input order, so the cache holds what the rules found and an edit to an ignore
file or the baseline needs no re-check (and output stays the same whatever ``--jobs``):

1. Markdown suppression comments (``<!-- doclint-disable-next-line Y102 -->`` …), found by
   the reader and carried in ``FileResult.directives``; their codes are checked here.
2. ``.doclint-ignore.yaml`` entries: a path glob, a code, the matched text with a little
   context, and a reason; every ignore file from the document's folder up to the config
   root applies.
3. The baseline (``--baseline FILE``): counted fingerprints of known findings per file.

Steps 2 and 3 match findings by ``doclint.core.suppress.anchor``, the one fingerprint.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doclint.core.config import match_path
from doclint.core.diagnostic import Diagnostic, FileResult
from doclint.core.errors import YAML_VALUE_ERRORS, ConfigError, DoclintError, yaml_value_problem
from doclint.core.registry import RuleRegistry
from doclint.core.suppress import Anchor, Directive, DirectiveUse, anchor, apply_directives
from doclint.runner.archives import SEPARATOR, split_member

IGNORE_NAME = ".doclint-ignore.yaml"
ENTRY_KEYS = ("path", "code", "text", "context", "reason")
BASELINE_VERSION = 1


def locate(path: str) -> tuple[Path, str]:
    """The file a reported path stands for, resolved, and what follows it: ``!member`` for
    an archive member, ``""`` otherwise (standard input stands in the working directory)."""
    member = split_member(path)
    if member is not None:
        return Path(member[0]).resolve(), SEPARATOR + member[1]
    return Path(path).resolve(), ""


def relative(path: str, folder: Path) -> str:
    real, member = locate(path)
    return Path(os.path.relpath(real, folder)).as_posix() + member


# -- ignore files -----------------------------------------------------------------------


@dataclass
class IgnoreEntry:
    path: str
    code: str
    text: str
    context: str | None
    reason: str
    line: int
    column: int
    used: int = 0
    seen: bool = False  # a checked document matched the glob with the rule on


@dataclass
class IgnoreFile:
    path: Path
    entries: list[IgnoreEntry] = field(default_factory=list)
    errors: list[ConfigError] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.path.parent

    @classmethod
    def load(cls, path: Path, registry: RuleRegistry) -> IgnoreFile:
        """Read and check one ignore file; a bad entry is an error and hides nothing."""
        from ruamel.yaml import YAML
        from ruamel.yaml.error import MarkedYAMLError, YAMLError

        found = cls(path)
        where = _shown(path)
        try:
            data = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
        except MarkedYAMLError as exc:
            mark = exc.problem_mark
            found.errors.append(ConfigError(f"invalid YAML: {exc.problem}", where,
                                            mark.line + 1 if mark else None,
                                            mark.column + 1 if mark else None))
            return found
        except (OSError, UnicodeDecodeError, YAMLError) as exc:
            found.errors.append(ConfigError(f"cannot read ignore file: {exc}", where))
            return found
        except YAML_VALUE_ERRORS as exc:
            found.errors.append(ConfigError(yaml_value_problem(exc), where))
            return found
        if data is None:
            return found
        if not isinstance(data, Mapping):
            found.errors.append(ConfigError('an ignore file is a mapping with an "ignore" list',
                                            where, 1, 1))
            return found
        for key in data:
            if key != "ignore":
                line, col = data.lc.key(key)
                found.errors.append(ConfigError(f'unknown key "{key}" (known keys: ignore)',
                                                where, line + 1, col + 1))
        items = data.get("ignore") or []
        if not isinstance(items, list):
            line, col = data.lc.key("ignore")
            found.errors.append(ConfigError('"ignore" must be a list of entries', where,
                                            line + 1, col + 1))
            return found
        for number, item in enumerate(items):
            line, col = items.lc.item(number)
            entry = _entry(item, registry, where, line + 1, col + 1, found.errors)
            if entry is not None:
                found.entries.append(entry)
        return found


def _entry(item: Any, registry: RuleRegistry, where: str, line: int, col: int,
           errors: list[ConfigError]) -> IgnoreEntry | None:
    if not isinstance(item, Mapping):
        errors.append(ConfigError("an ignore entry is a mapping of " + ", ".join(ENTRY_KEYS),
                                  where, line, col))
        return None

    def at(key: str, value: bool = False) -> tuple[int, int]:
        kline, kcol = item.lc.value(key) if value else item.lc.key(key)
        return kline + 1, kcol + 1

    ok = True
    for key in item:
        if key not in ENTRY_KEYS:
            errors.append(ConfigError(f'unknown key "{key}" in ignore entry (known: '
                                      + ", ".join(ENTRY_KEYS) + ")", where, *at(str(key))))
            ok = False
    for key in ("path", "code", "text", "reason"):
        if key not in item:
            errors.append(ConfigError(f'ignore entry needs "{key}"', where, line, col))
            ok = False
        elif not isinstance(item[key], str) or (key != "text" and not item[key].strip()):
            errors.append(ConfigError(f'"{key}" of an ignore entry must be a non-empty string',
                                      where, *at(key, value=True)))
            ok = False
    if "context" in item and not isinstance(item["context"], str):
        errors.append(ConfigError('"context" of an ignore entry must be a string', where,
                                  *at("context", value=True)))
        ok = False
    if not ok:
        return None
    rule = registry.get(str(item["code"]))
    if rule is None:
        errors.append(ConfigError(_unknown(registry, str(item["code"]), "ignore entry"), where,
                                  *at("code", value=True)))
        return None
    return IgnoreEntry(str(item["path"]), rule.code, str(item["text"]),
                       str(item["context"]) if item.get("context") else None,
                       str(item["reason"]), line, col)


def _unknown(registry: RuleRegistry, code: str, place: str) -> str:
    """Why ``code`` names no rule; a prefix or category is not precise enough here."""
    if registry.is_selector(code):
        return f'"{code}" in {place} is a prefix or category, not a rule code or name'
    return f'unknown rule code "{code}" in {place}'


def ignore_chain(start: Path, stop: Path | None) -> list[Path]:
    """Folders from ``start`` up to ``stop`` (inclusive) when ``start`` is under it, else up
    to the file-system root: where ignore files apply to a document in ``start``."""
    chain = []
    for folder in (start, *start.parents):
        chain.append(folder)
        if stop is not None and folder == stop:
            break
    return chain


# -- the baseline -----------------------------------------------------------------------


class Baseline:
    """Known findings per file: fingerprint -> count. Paths are relative to the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = path.resolve().parent
        self.counts: dict[str, Counter[str]] = {}
        self.records: dict[str, dict[str, dict[str, Any]]] = {}

    @classmethod
    def load(cls, path: Path, missing_ok: bool = False) -> Baseline:
        baseline = cls(path)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            if missing_ok:
                return baseline
            raise DoclintError(f"{path}: no such baseline file (write it with "
                               "--update-baseline)") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise DoclintError(f"{path}: not a doclint baseline: {exc}") from None
        if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION:
            raise DoclintError(f"{path}: not a doclint baseline (version "
                               f"{BASELINE_VERSION} expected)")
        for record in document.get("findings", []):
            try:
                rel, key, count = record["path"], record["fingerprint"], int(record["count"])
            except (KeyError, TypeError, ValueError):
                raise DoclintError(f"{path}: a finding lacks path, fingerprint or "
                                   "count") from None
            baseline.counts.setdefault(rel, Counter())[key] += count
            baseline.records.setdefault(rel, {})[key] = dict(record)
        return baseline

    def key_path(self, path: str) -> str:
        return path if path.startswith("<") else relative(path, self.folder)

    def take(self, rel: str, key: str) -> bool:
        """Hide one finding with this fingerprint if the baseline still has one."""
        counts = self.counts.get(rel)
        if not counts or counts[key] <= 0:
            return False
        counts[key] -= 1
        return True

    def write(self, found: Mapping[str, list[Anchor]], checked: Iterable[str]) -> int:
        """Replace the entries of the checked files with ``found``; keep the others while
        their file exists. Returns the number of findings written."""
        checked = set(checked)
        records: list[dict[str, Any]] = []
        for rel, by_key in self.records.items():
            if rel in checked or not self._exists(rel):
                continue
            records.extend(by_key.values())
        for rel, anchors in found.items():
            counted = Counter(a.key() for a in anchors)
            first = {a.key(): a for a in reversed(anchors)}
            for key, count in counted.items():
                a = first[key]
                records.append({"path": rel, "code": a.code, "text": a.text,
                                "context": a.context, "fingerprint": key, "count": count})
        records.sort(key=lambda r: (r["path"], r["code"], r["fingerprint"]))
        lines = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in records)
        text = (f'{{"version": {BASELINE_VERSION},\n "findings": [\n{lines}\n]}}\n' if records
                else f'{{"version": {BASELINE_VERSION},\n "findings": []}}\n')
        _write(self.path, text)
        return sum(int(r["count"]) for r in records)

    def _exists(self, rel: str) -> bool:
        if rel.startswith("<"):
            return True
        head = rel.split(SEPARATOR, 1)[0] if SEPARATOR in rel else rel
        return (self.folder / head).exists()


# -- the filter -------------------------------------------------------------------------


@dataclass
class _Unused:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class Suppressor:
    """Filters each result (and the archive rules' diagnostics) in input order.

    ``say`` prints one line on standard error (an error in a comment or an ignore file).
    """

    @property
    def registry(self) -> RuleRegistry:
        return self.engine.registry  # type: ignore[no-any-return]

    def __init__(self, engine: Any, *, stop: Path | None = None,
                 baseline: Baseline | None = None, update_baseline: bool = False,
                 report_unused: bool = False,
                 say: Callable[[str], None] = lambda line: None) -> None:
        self.engine = engine
        self.stop = stop.resolve() if stop is not None else None
        self.baseline = baseline
        self.update_baseline = update_baseline
        self.report_unused = report_unused
        self.say = say
        self.errors = 0
        self.suppressed = 0
        self.baselined = 0
        self._files: dict[Path, IgnoreFile | None] = {}
        self._chains: dict[Path, list[IgnoreFile]] = {}
        self._folders: dict[str, Path] = {}  # a file's folder as written -> resolved
        self._directives: dict[str, tuple[list[Directive], DirectiveUse]] = {}
        self._found: dict[str, list[Anchor]] = {}
        self._checked: list[str] = []

    # ignore files, found once per folder
    def _ignore_files(self, path: str) -> list[IgnoreFile]:
        folder = self._folder(path)
        if folder not in self._chains:
            chain = []
            for directory in ignore_chain(folder, self.stop if self._under(folder) else None):
                loaded = self._load(directory / IGNORE_NAME)
                if loaded is not None:
                    chain.append(loaded)
            self._chains[folder] = chain
        return self._chains[folder]

    def _folder(self, path: str) -> Path:
        """``locate(path)[0].parent``, with one resolution per folder, not one per file (each
        costs a system call per part of the path): a file that is no symlink lies in its
        folder as resolved."""
        member = split_member(path)
        file = member[0] if member is not None else path
        if os.path.basename(file) in ("", ".", "..") or os.path.islink(file):
            return locate(path)[0].parent
        lexical = os.path.dirname(file)
        folder = self._folders.get(lexical)
        if folder is None:
            folder = self._folders[lexical] = Path(lexical or ".").resolve()
        return folder

    def _under(self, folder: Path) -> bool:
        return self.stop is not None and (folder == self.stop or self.stop in folder.parents)

    def _load(self, path: Path) -> IgnoreFile | None:
        if path not in self._files:
            loaded = IgnoreFile.load(path, self.registry) if path.is_file() else None
            if loaded is not None:
                for error in loaded.errors:
                    self._error(error)
            self._files[path] = loaded
        return self._files[path]

    def _error(self, error: ConfigError) -> None:
        self.errors += 1
        self.say(f"doclint: error: {error}")

    def _active_codes(self, path: str) -> set[str]:
        doc_rules, archive_rules = self.engine.rules_for(path)
        return {a.rule.code for a in doc_rules} | {r.code for r in archive_rules}

    def _resolve(self, result: FileResult) -> list[Directive]:
        """The document's directives with canonical codes; unknown codes are errors."""
        resolved = []
        for directive in result.directives:
            where = (result.path, directive.start.line, directive.start.column)
            if directive.error is not None:
                self._error(ConfigError(directive.error, *where))
                resolved.append(directive)
                continue
            codes, error = [], None
            for code in directive.codes:
                rule = self.registry.get(code)
                if rule is None:
                    error = _unknown(self.registry, code, f"doclint-{directive.kind} comment")
                    self._error(ConfigError(error, *where))
                else:
                    codes.append(rule.code)
            resolved.append(directive.with_codes(tuple(codes), error))
        return resolved

    def result(self, result: FileResult) -> FileResult:
        """``result`` without what is suppressed, ignored or in the baseline."""
        if result.error is not None:
            return result
        directives = self._resolve(result) if result.directives else []
        if directives:
            use = DirectiveUse({})
            self._directives[result.path] = (directives, use)
        files = self._ignore_files(result.path)
        if self.report_unused and files:
            self._see(result.path, files)
        kept = self._filter(result.path, list(result.diagnostics), result.lines, files)
        if self.baseline is not None:
            self._checked.append(self.baseline.key_path(result.path))
        if len(kept) == len(result.diagnostics):
            return result
        return dataclasses.replace(result, diagnostics=tuple(kept))

    def archive(self, diagnostics: list[Diagnostic],
                lines: Mapping[str, Mapping[int, str]]) -> list[Diagnostic]:
        """The archive rules' diagnostics, filtered the same way."""
        kept: list[Diagnostic] = []
        for diag in diagnostics:
            kept += self._filter(diag.path, [diag], lines.get(diag.path, {}),
                                 self._ignore_files(diag.path))
        return kept

    def _filter(self, path: str, diagnostics: list[Diagnostic], lines: Mapping[int, str],
                files: list[IgnoreFile]) -> list[Diagnostic]:
        if path in self._directives:
            directives, use = self._directives[path]
            diagnostics, hidden = apply_directives(diagnostics, directives, use)
            self.suppressed += hidden
        if not files and self.baseline is None:
            return diagnostics
        kept = []
        rel = self.baseline.key_path(path) if self.baseline is not None else ""
        for diag in diagnostics:
            found = anchor(diag, lines)
            if files and self._ignored(path, found, files):
                self.suppressed += 1
            elif self.baseline is not None and self.update_baseline:
                self._found.setdefault(rel, []).append(found)
                self.baselined += 1
            elif self.baseline is not None and self.baseline.take(rel, found.key()):
                self.baselined += 1
            else:
                kept.append(diag)
        return kept

    def _ignored(self, path: str, found: Anchor, files: list[IgnoreFile]) -> bool:
        for ignore in files:
            rel = None
            for entry in ignore.entries:
                if entry.code != found.code:
                    continue
                rel = rel if rel is not None else relative(path, ignore.folder)
                if match_path(rel, entry.path) and found.matches(entry.code, entry.text,
                                                                 entry.context):
                    entry.used += 1
                    return True
        return False

    def _see(self, path: str, files: list[IgnoreFile]) -> None:
        active = None
        for ignore in files:
            rel = relative(path, ignore.folder)
            for entry in ignore.entries:
                if entry.seen or not match_path(rel, entry.path):
                    continue
                active = active if active is not None else self._active_codes(path)
                entry.seen = entry.code in active

    def unused(self) -> list[str]:
        """Comments and ignore entries that hid nothing, one line each, in input order, then
        per checked file the baseline's findings that no longer occur.

        Only suppressions of rules that ran count: a comment for a rule that is not
        selected, or an entry for files this run did not check, is not judged.
        """
        notes: list[_Unused] = []
        for path, (directives, use) in self._directives.items():
            active = self._active_codes(path)
            for directive, code in use.unused(directives):
                if code in active:
                    notes.append(_Unused(path, directive.start.line, directive.start.column,
                                         f"unused suppression: {code} in {directive.text} "
                                         "hides nothing"))
        for ignore in self._files.values():
            if ignore is None:
                continue
            for entry in ignore.entries:
                if entry.seen and not entry.used:
                    notes.append(_Unused(_shown(ignore.path), entry.line, entry.column,
                                         f"unused ignore entry: {entry.code} "
                                         f"“{entry.text}” in {entry.path} matches nothing"))
        lines = [str(n) for n in notes]
        if self.baseline is not None and not self.update_baseline:
            for rel in dict.fromkeys(self._checked):
                left = sum(n for n in self.baseline.counts.get(rel, Counter()).values() if n > 0)
                if left:
                    lines.append(f"{_shown(self.baseline.path.resolve())}: {rel}: {left} known "
                                 f"finding{'s' if left > 1 else ''} no longer found "
                                 "(--update-baseline drops them)")
        return lines

    def write_baseline(self) -> int:
        assert self.baseline is not None
        return self.baseline.write(self._found, self._checked)


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is below it."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


# -- writing ignore entries (`doclint ignore`) ------------------------------------------


def ignore_file_for(path: str, stop: Path | None) -> Path:
    """Where a new entry for ``path`` goes: the nearest ignore file at or above it (up to
    the config root), else a new one in the config root, else beside the document."""
    folder = locate(path)[0].parent
    stop = stop.resolve() if stop is not None else None
    under = stop is not None and (folder == stop or stop in folder.parents)
    for directory in ignore_chain(folder, stop if under else None):
        if (directory / IGNORE_NAME).is_file():
            return directory / IGNORE_NAME
    return (stop if under else folder) / IGNORE_NAME  # type: ignore[operator]


def record_ignore(engine: Any, result: FileResult, diag: Diagnostic, reason: str,
                  stop: Path | None) -> tuple[Path, int, dict[str, str | None]] | None:
    """Record ``diag`` of ``result`` (as linted, before suppressions) as right as written:
    an entry in the nearest ignore file (``ignore_file_for``) with its text, the line
    around it and ``reason``. Returns the file, the entry's number and the entry, or None when a
    comment or an ignore entry already hides it. `doclint ignore` and the language
    server's "ignore this finding" both come here.
    """
    import glob

    if not reason.strip():
        raise DoclintError("an ignore entry needs a reason")
    single = dataclasses.replace(result, diagnostics=(diag,))
    if not Suppressor(engine, stop=stop).result(single).diagnostics:
        return None
    found = anchor(diag, result.lines)
    target = ignore_file_for(result.path, stop)
    entry: dict[str, str | None] = {
        "path": glob.escape(relative(result.path, target.parent)), "code": diag.code,
        "text": found.text, "context": found.context if found.context != found.text else None,
        "reason": reason.strip()}
    return target, add_ignore_entry(target, entry), entry


HEADER = ("doclint ignore file: findings that are right as written (see `doclint ignore`).\n"
          "Each entry: path (a glob, relative to this file), code, the matched text, the\n"
          "line around it (context), and why it is right.\n")


def add_ignore_entry(target: Path, entry: Mapping[str, str | None]) -> int:
    """Append ``entry`` to the ignore file ``target`` (created if need be), keeping its
    comments, order and indentation; return the entry's number (1-based)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.util import load_yaml_guess_indent

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    data: Any = None
    if target.is_file():
        text = target.read_text(encoding="utf-8")
        data, indent, block_seq_indent = load_yaml_guess_indent(text)
        indent = indent or 2
        offset = block_seq_indent if block_seq_indent is not None else 2  # None: no block list
        yaml.indent(mapping=indent, sequence=max(indent, offset + 2), offset=offset)
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
    if data is None:
        data = CommentedMap()
        if not target.is_file():
            data.yaml_set_start_comment(HEADER)
    if not isinstance(data, Mapping):
        raise DoclintError(f"{target}: an ignore file is a mapping with an \"ignore\" list")
    items = data.get("ignore")
    if items is None:
        items = data["ignore"] = CommentedSeq()
    if not isinstance(items, list):
        raise DoclintError(f'{target}: "ignore" must be a list of entries')
    if isinstance(items, CommentedSeq) and items.fa.flow_style():
        items.fa.set_block_style()  # `ignore: []` grows into a list of one entry a line
    items.append(CommentedMap((k, v) for k, v in entry.items() if v is not None))
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    _write(target, buffer.getvalue())
    return len(items)


def _write(target: Path, text: str) -> None:
    """Write ``text`` atomically (a temporary file renamed into place); one-line errors."""
    from doclint.yamlrules.config_edit import write_atomically

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, text)
    except OSError as exc:
        raise DoclintError(f"cannot write {target}: {exc.strerror or exc}") from None

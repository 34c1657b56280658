"""One `doclint check` run: inputs, engine, formatter, fixes, and the exit code."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import io
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doclint.core import timing
from doclint.core.config import DEFAULT_INCLUDE, Config
from doclint.core.diagnostic import Diagnostic, FileResult
from doclint.core.document import Document
from doclint.core.encoding import encode
from doclint.core.errors import DoclintError
from doclint.core.fixes import (
    MAX_ROUNDS,
    ChangedOnDisk,
    FixRun,
    fix_text,
    write_atomically,
    write_bytes_atomically,
)
from doclint.report.base import Summary
from doclint.runner import windows as windowing
from doclint.runner.archives import split_member
from doclint.runner.batch import RunPlan, run_batch
from doclint.runner.cache import ENV_DIR as CACHE_ENV
from doclint.runner.cache import default_dir as default_cache_dir
from doclint.runner.cache import fingerprint, open_cache
from doclint.runner.cache import has_index as cache_has_index
from doclint.runner.dask_exec import INSTALL_HINT as DASK_HINT
from doclint.runner.dask_exec import available as dask_available
from doclint.runner.discovery import is_glob
from doclint.runner.engine import Engine
from doclint.runner.files import TooLarge, read_bounded, read_regular, too_large
from doclint.runner.inputs import Inputs
from doclint.runner.progress import Progress
from doclint.runner.suppressions import Baseline, Suppressor
from doclint.runner.worker import Outcome

if TYPE_CHECKING:
    from doclint.report.timing import RunTimes

EXIT_CLEAN, EXIT_DIAGNOSTICS, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckOptions:
    fmt: str = "text"
    output: str | None = None
    color: str = "auto"
    statistics: bool = False
    stdin_filename: str | None = None
    encoding: str | None = None
    fix: bool = False
    diff: bool = False  # print what --fix would change, write nothing
    unsafe_fixes: bool = False  # --fix and --diff also apply unsafe fixes
    show_source: bool = True
    files_from: str | None = None
    progress: bool | None = None  # None: when stderr is a terminal
    cache: bool = True
    cache_dir: str | None = None  # None: the config's cache-dir, else the user cache folder
    executor: str = "local"
    scheduler: str | None = None
    baseline: str | None = None  # hide the findings this baseline file knows
    update_baseline: bool = False  # write the findings to it instead
    report_unused_suppressions: bool = False
    timing: bool = False  # print each rule's time on standard error


def run_check(config: Config, paths: list[str], options: CheckOptions) -> int:
    # NOTE: with the cache on, the rules are imported only when a document is not served
    # from the cache (or a report needs them): see _plan.
    engine = Engine(config, defer_rules=options.cache and paths != ["-"])
    suppressor = _suppressor(engine, config, options, lambda line: say(line))
    formatters: dict[str, type] = {}
    for group in reversed(engine.pm.hook.doclint_formatters()):  # plugins override built-ins
        formatters.update(group or {})
    if options.fmt not in formatters:
        raise DoclintError(f'unknown format "{options.fmt}" (known: {", ".join(sorted(formatters))})')
    plan = None
    if paths != ["-"]:
        plan = _plan(engine, config, options, lambda line: print(line, file=sys.stderr))
    from doclint.cli.main import open_output

    stream = open_output(options.output)
    color = options.color == "always" or (
        options.color == "auto" and options.output is None and stream.isatty())
    formatter = formatters[options.fmt](
        stream, registry=_Rules(engine), lang=config.lang, color=color,
        options={"statistics": options.statistics, "show_source": options.show_source,
                 "unsafe_fixes": options.unsafe_fixes})
    summary = Summary()
    progress: Progress | None = None
    times: RunTimes | None = None
    if options.timing:
        from doclint.report.timing import RunTimes

        times = RunTimes()
        timing.start_timing()  # standard input, checked here (workers: see WorkSpec.timing)

    def say(line: str) -> None:
        if progress is not None:
            progress.echo(line)
        else:
            print(line, file=sys.stderr)

    # Standard input is never rewritten: --diff shows its fixes, --fix leaves it alone.
    fixing = options.diff or (options.fix and paths != ["-"])
    fixer = Fixer(engine, options, say, roots=paths) if fixing else None
    stdin_data: list[bytes] = []

    def on_result(result: FileResult) -> None:
        if fixer is not None and fixer.wants(result):
            # The report shows what remains, not what was fixed.
            result = fixer.fix(result, stdin_data[0] if stdin_data else None)
        if options.diff:
            return  # --diff prints the diff, not a report
        if progress is not None and stream.isatty():  # the report shares the terminal
            progress.clear()
        summary.add(result)
        if result.error:
            say(f"doclint: {result.path}: {result.error}")
        for crash in result.crashes:
            say(f"doclint: {result.path}: {crash}")
        for note in result.notes:
            say(f"doclint: {result.path}: {note}")
        formatter.handle(result)

    started = time.perf_counter()
    formatter.start()
    try:
        if "-" in paths and options.files_from:
            raise DoclintError("'-' (a document on standard input) and --files-from exclude "
                               "each other")
        if paths == ["-"]:
            try:
                data = read_bounded(sys.stdin.buffer, config.max_bytes)
            except TooLarge as exc:
                raise DoclintError(f"{options.stdin_filename or '<stdin>'}: {exc}") from None
            stdin_data.append(data)
            name = options.stdin_filename or "<stdin>"
            reader = engine.readers.get(windowing.suffix(name)) or engine.readers[".txt"]
            limit = windowing.whole_limit(config, reader)
            checking = time.monotonic()
            if windowing.windowed(reader, len(data), windowing.line_breaks(data)):
                result, _ = windowing.lint_windows(engine, name, lambda: io.BytesIO(data),
                                                   options.encoding)
            elif limit is not None and len(data) > limit:
                raise DoclintError(f"{name}: {too_large(len(data), limit)}")
            else:
                result, _ = engine.lint_bytes(name, data, options.encoding)
            if times is not None:
                times.add(timing.take(since=checking), len(data))
            result = suppressor.result(result)
            on_result(result)
        else:
            inputs = Inputs(paths, _include(config, engine), config.exclude, options.files_from,
                            skip=[options.output] if options.output else [],
                            max_bytes=config.max_bytes)
            assert plan is not None
            progress = _progress(options, inputs)
            if progress is not None:
                progress.start()
            try:
                batch = run_batch(engine, inputs.tasks(), plan, on_result,
                                  on_outcome=_outcome_watchers(progress, times),
                                  refine=suppressor.result)
            finally:
                if progress is not None:
                    progress.close()
            if times is not None:
                times.archive_seconds = batch.archive_seconds
            batch.archive = suppressor.archive(batch.archive, batch.archive_lines)
            if batch.archive and not options.diff:  # --diff prints the diff only
                summary.count(batch.archive)
                formatter.archive(batch.archive, batch.archive_lines)
        summary.seconds = time.perf_counter() - started
        summary.suppressed, summary.baselined = suppressor.suppressed, suppressor.baselined
        if fixer is not None and options.fix:
            summary.fixed = fixer.applied
        if options.diff:
            assert fixer is not None
            stream.write(fixer.diffs.getvalue())
        else:
            formatter.finish(summary)
    finally:
        if stream is not sys.stdout:
            stream.close()
    if options.diff:
        assert fixer is not None
        would = fixer.applied
        print(f"doclint: would fix {would} issue{'s' if would != 1 else ''} "
              f"({fixer.not_applied} fixable not applied)" if fixer.not_applied else
              f"doclint: would fix {would} issue{'s' if would != 1 else ''}", file=sys.stderr)
    hidden = suppressor.suppressed + suppressor.baselined
    if hidden and options.fmt not in ("text", "json"):  # those two say it in their summary
        print(f"doclint: {hidden} finding{'s' if hidden != 1 else ''} hidden "
              f"({suppressor.suppressed} suppressed, {suppressor.baselined} by the baseline)",
              file=sys.stderr)
    if times is not None:
        maskers = {entry.code for entry in engine.selection(".").maskers}
        print("\n".join(times.table(config.lang, maskers=maskers)), file=sys.stderr)
    unused = suppressor.unused() if options.report_unused_suppressions else []
    for note in unused:
        print(note, file=sys.stderr)
    if options.update_baseline and suppressor.baseline is not None:
        written = suppressor.write_baseline()
        print(f"doclint: wrote {written} finding{'s' if written != 1 else ''} to the baseline "
              f"{options.baseline}", file=sys.stderr)
    if summary.unreadable or summary.crashed or suppressor.errors:
        return EXIT_ERROR
    if options.diff:  # as in ruff, exit 1 when there is a diff
        return EXIT_DIAGNOSTICS if fixer is not None and fixer.changed else EXIT_CLEAN
    if unused:
        return EXIT_DIAGNOSTICS
    return EXIT_DIAGNOSTICS if summary.at_or_above(config.fail_on) else EXIT_CLEAN


def _suppressor(engine: Engine, config: Config, options: CheckOptions,
                say: Callable[[str], None]) -> Suppressor:
    """Comments, ignore files (up to the config's folder) and the baseline, if any."""
    baseline = None
    chosen = options.baseline or config.baseline  # the command line wins over the config
    if options.update_baseline and not chosen:
        raise DoclintError("--update-baseline needs --baseline FILE (or baseline: in the config)")
    if chosen:
        options.baseline = os.path.relpath(chosen) if os.path.isabs(chosen) else chosen
        baseline = Baseline.load(Path(chosen), missing_ok=options.update_baseline)
    stop = Path(config.path).parent if config.path else None
    return Suppressor(engine, stop=stop, baseline=baseline,
                      update_baseline=options.update_baseline,
                      report_unused=options.report_unused_suppressions, say=say)


def _progress(options: CheckOptions, inputs: Inputs) -> Progress | None:
    show = sys.stderr.isatty() if options.progress is None else options.progress
    if not show:
        return None
    return Progress(sys.stderr, live=sys.stderr.isatty(),
                    totals=inputs.sizes if inputs.countable else None)


def _outcome_watchers(progress: Progress | None, times: RunTimes | None
                      ) -> Callable[[Outcome], None] | None:
    """What sees each outcome as it comes: the progress bar, the ``--timing`` sums."""
    if times is None:
        return progress.advance if progress is not None else None

    def watch(outcome: Outcome) -> None:
        if progress is not None:
            progress.advance(outcome)
        times.add(outcome.times, outcome.size, outcome.cached)

    return watch


def _plan(engine: Engine, config: Config, options: CheckOptions,
          say: Callable[[str], None]) -> RunPlan:
    """Workers, executor and cache for this run; a missing optional piece is said and skipped."""
    executor = options.executor
    if executor == "dask" and not options.scheduler and not dask_available():
        say(f"doclint: dask.distributed is not installed ({DASK_HINT}); "
            "running on local processes")
        executor = "local"
    plan = RunPlan(config.jobs, executor, options.scheduler, options.encoding,
                   timing=options.timing)
    if options.cache or executor == "dask":
        plan.fingerprint = fingerprint(engine, options.encoding)
    if options.cache:
        chosen = options.cache_dir or config.cache_dir
        folder = Path(chosen) if chosen else default_cache_dir()
        try:
            open_cache(folder, plan.fingerprint)  # type: ignore[arg-type]
        except OSError as exc:
            if chosen or os.environ.get(CACHE_ENV):  # the default folder fails quietly
                say(f"doclint: cache off: cannot use {folder}: {exc.strerror or exc}")
        else:
            plan.cache_dir = str(folder.resolve())
    if plan.cache_dir is None or not cache_has_index(plan.cache_dir, plan.fingerprint):
        # Nothing can be served from the cache: list the rules and check the config against
        # them now, before any output. An index under this fingerprint means a run with the
        # same doclint, plugins, packs and config got that far already.
        engine.catalogue  # noqa: B018
    return plan


class _Rules:
    """The engine's registry, built when a formatter first looks a rule up."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine.registry, name)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._engine.registry)

    def __len__(self) -> int:
        return len(self._engine.registry)

    def __contains__(self, item: object) -> bool:
        return item in self._engine.registry


def _include(config: Config, engine: Engine) -> list[str]:
    """The configured globs; left at the default, also every suffix a plugin reader handles."""
    if config.include != DEFAULT_INCLUDE:
        return config.include
    extra = [f"*{suffix}" for suffix in engine.readers if f"*{suffix}" not in DEFAULT_INCLUDE]
    return [*config.include, *extra]


def _round_trips(text: str, codec: str, data: bytes) -> bool:
    """Rewriting is safe only when the unchanged text encodes back to the very same bytes."""
    try:
        return encode(text, codec, data) == data
    except (UnicodeError, LookupError):
        return False


class Fixer:
    """``--fix`` and ``--diff``: fix each document until stable, then report what remains."""

    def __init__(self, engine: Engine, options: CheckOptions,
                 say: Callable[[str], None], roots: Sequence[str] = ()) -> None:
        self.engine = engine
        self.roots = [_tree_root(raw) for raw in roots if raw != "-"]
        self.options = options
        self.say = say
        self.applied = 0  # fixes applied (or, with --diff, that would be)
        self.not_applied = 0  # applicable fixes left out: rolled back, .docx, archive members
        self.changed = 0  # documents changed (or, with --diff, that would be)
        self.diffs = io.StringIO()

    def wants(self, result: FileResult) -> bool:
        return result.error is None and any(
            d.fix is not None and d.fix.applies(self.options.unsafe_fixes)
            for d in result.diagnostics)

    def fix(self, result: FileResult, data: bytes | None = None) -> FileResult:
        """Fix one document; return its result after fixing (what remains).

        ``data``: the document's bytes when it is not a file (standard input, --diff only).
        """
        path = result.path
        count = sum(d.fix is not None and d.fix.applies(self.options.unsafe_fixes)
                    for d in result.diagnostics)
        if data is None and split_member(path) is not None:
            return self._skip(result, count, "archive members are read-only")
        target = path
        if data is None:
            target, refused = self._target(path)
            if refused:
                return self._skip(result, count, refused)
            try:
                data = read_regular(target, self.engine.config.max_bytes)
            except OSError as exc:
                return self._skip(result, count, f"cannot read: {exc.strerror or exc}")
            if self._windowed(path, data):
                return self._skip(result, count, "checked in windows (too large to check "
                                  "whole), its fixes are not applied; apply them with an editor")
            checked = result.info.sha256
            if checked is not None and hashlib.sha256(data).hexdigest() != checked:
                return self._skip(result, count, "it changed on disk after it was checked; "
                                                 "not overwritten (check it again)")
        elif self._windowed(path, data):  # standard input with --diff
            return self._skip(result, count, "checked in windows (too large to check whole), "
                              "its fixes are not shown")
        if path.lower().endswith(".docx"):
            return self._fix_docx(result, data, count, target)
        doc = self.engine.read(path, data, self.options.encoding)
        if not _round_trips(doc.source, doc.encoding, data):
            return self._skip(result, count, f"its bytes do not survive decoding as "
                                             f"{doc.encoding}")
        latest: list[FileResult] = []

        def lint(text: str) -> list[Diagnostic]:
            found, _facts = self.engine.lint_bytes(path, encode(text, doc.encoding, data),
                                                   doc.encoding)
            latest.append(found)
            return list(found.diagnostics)

        raw = lint(doc.source)
        kept = set(map(_identity, result.diagnostics))  # not suppressed, not in the baseline
        run = fix_text(doc.source, lint, unsafe=self.options.unsafe_fixes, first=raw,
                       keep=lambda d: _identity(d) in kept)
        self._rolled_back(path, run)
        if not run.stable:
            self.say(f"doclint: {path}: still fixable after {run.rounds} rounds; stopped")
        if run.text == doc.source:  # nothing applied; rolled-back fixes now read as suggestions
            return dataclasses.replace(result, diagnostics=tuple(run.diagnostics))
        self.applied += run.applied
        self.changed += 1
        if self.options.diff:
            self.diffs.writelines(difflib.unified_diff(
                _ended(doc.source.splitlines(keepends=True)), _ended(run.text.splitlines(keepends=True)),
                fromfile=path, tofile=path))
            return result
        refused = self._write(target, lambda: write_atomically(target, run.text, doc.encoding,
                                                               data, expected=data))
        if refused:
            self.applied -= run.applied
            self.changed -= 1
            return self._skip(result, count, refused)
        self.say(f"doclint: {path}: applied {run.applied} fix{'es' if run.applied != 1 else ''}")
        final = latest[-1] if latest else result
        for extra in final.crashes:
            self.say(f"doclint: {path}: {extra}")
        return dataclasses.replace(final, diagnostics=tuple(run.diagnostics),
                                   lines=source_lines_of(final, run.diagnostics))

    def _fix_docx(self, result: FileResult, data: bytes, count: int,
                  target: str) -> FileResult:
        """Fix a Word document only inside single runs (see doclint.readers.docx_fix)."""
        from doclint.core.linter import lint_document
        from doclint.readers.docx_fix import DocxRuns
        from doclint.runner.engine import source_lines

        path = result.path
        doc = self.engine.read(path, data, None)
        rules, _archive = self.engine.rules_for(path)
        maskers = self.engine.maskers_for(path)

        def document(text: str) -> Document:
            fixed = Document(path=path, source=text, encoding=doc.encoding,
                             metadata=doc.metadata)
            fixed.settings = doc.settings
            return fixed

        def lint(text: str) -> list[Diagnostic]:
            return lint_document(document(text), rules, maskers)[0]

        shown = set(map(_identity, result.diagnostics))
        text, current, applied, remaining = doc.source, data, 0, None
        for _round in range(MAX_ROUNDS):
            try:
                runs = DocxRuns(current)
            except Exception as exc:
                return self._skip(result, count, f"cannot map it to runs ({type(exc).__name__})")
            if runs.text != text:
                return self._skip(result, count, "its text does not map to its runs")
            run = fix_text(text, lint, unsafe=self.options.unsafe_fixes, max_rounds=1,
                           keep=lambda d, shown=shown: _identity(d) in shown,
                           allow=lambda _text, fix, runs=runs: runs.allows(fix))
            self._rolled_back(path, run)
            remaining = run.diagnostics
            if not run.edits:
                break
            runs.apply(run.edits[0])
            saved = runs.save()
            if self.engine.read(path, saved, None).source != run.text:
                self.say(f"doclint: {path}: not fixed further: the rewritten document did not "
                         "read back as the fixed text")
                remaining = lint(text)
                remaining = [d for d in remaining if _identity(d) in shown]
                break
            text, current, applied = run.text, saved, applied + run.applied
            shown = set(map(_identity, run.diagnostics))
        left = sum(d.fix is not None and d.fix.applies(self.options.unsafe_fixes)
                   for d in remaining or ())
        if left:
            self._skip(result, left, "in a .docx a fix is applied only inside one run, so that "
                                     "no formatting is lost")
        if current == data:
            return dataclasses.replace(result, diagnostics=tuple(remaining or result.diagnostics))
        self.applied += applied
        self.changed += 1
        if self.options.diff:
            self.diffs.writelines(difflib.unified_diff(
                _ended(doc.source.splitlines(keepends=True)),
                _ended(text.splitlines(keepends=True)), fromfile=path, tofile=path))
            return result
        refused = self._write(target, lambda: write_bytes_atomically(target, current,
                                                                     expected=data))
        if refused:
            self.applied -= applied
            self.changed -= 1
            return self._skip(result, count, refused)
        self.say(f"doclint: {path}: applied {applied} fix{'es' if applied != 1 else ''}")
        diagnostics = tuple(remaining or ())
        return dataclasses.replace(result, diagnostics=diagnostics,
                                   lines=source_lines(document(text), diagnostics))

    def _target(self, path: str) -> tuple[str, str | None]:
        """Where to write ``path``'s fixes (the file a symlink names, so that the link stays a
        link), or why not: ``--fix`` follows no symlink out of the checked tree.

        The checked tree is the command-line folder (or a glob's fixed folder) the path was
        found under; a file named on its own, or listed by ``--files-from``, stands in its
        own folder.
        """
        real = os.path.realpath(path)
        if real == os.path.abspath(path):
            return path, None
        lexical = os.path.abspath(path)
        roots = [root for root in self.roots if _inside(lexical, root)]
        roots = roots or [os.path.dirname(lexical)]
        if any(_inside(real, os.path.realpath(root)) for root in roots):
            return real, None
        return path, f"it is, or lies behind, a symlink to {real}, outside the checked tree"

    def _windowed(self, path: str, data: bytes) -> bool:
        """Whether the document was checked in windows (too large to fix whole)."""
        reader = self.engine.readers.get(windowing.suffix(path)) or self.engine.readers[".txt"]
        return windowing.windowed(reader, len(data), windowing.line_breaks(data))

    def _write(self, target: str, write: Callable[[], None]) -> str | None:
        """Run ``write``; the one-line reason it wrote nothing, if so."""
        try:
            write()
        except ChangedOnDisk:
            return "it changed on disk while it was being fixed; not overwritten"
        except OSError as exc:
            return f"cannot write: {exc.strerror or exc}"
        return None

    def _rolled_back(self, path: str, run: FixRun) -> None:
        for back in run.rolled_back:
            diag, added = back.diagnostic, back.added
            self.say(f"doclint: {path}:{diag.start.line}:{diag.start.column}: {diag.code} fix "
                     f"not applied: it would add {added.code} ({added.message.get('en')})")
        self.not_applied += len(run.rolled_back)

    def _skip(self, result: FileResult, count: int, why: str) -> FileResult:
        self.not_applied += count
        self.say(f"doclint: {result.path}: {count} fix{'es' if count != 1 else ''} not "
                 f"applied: {why}")
        return result


def _tree_root(raw: str) -> str:
    """The folder a command-line path checks (absolute): itself, a glob's fixed part, or the
    folder a file stands in."""
    if is_glob(raw):
        fixed: list[str] = []
        for part in raw.replace(os.sep, "/").split("/"):
            if any(c in part for c in "*?["):
                break
            fixed.append(part)
        raw = "/".join(fixed) or "."
        if raw == "":
            raw = "/"
    elif not os.path.isdir(raw):
        raw = os.path.dirname(raw) or "."
    return os.path.abspath(raw)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _identity(diag: Diagnostic) -> tuple[str, int, int]:
    return (diag.code, diag.span.start, diag.span.end)


def _ended(lines: list[str]) -> list[str]:
    """difflib needs every line to end with a newline to print one line per line."""
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def source_lines_of(result: FileResult, diagnostics: list[Diagnostic]) -> dict[int, str]:
    wanted = {d.start.line for d in diagnostics}
    wanted.update(r.start.line for d in diagnostics for r in d.related if r.path == d.path)
    return {n: text for n, text in result.lines.items() if n in wanted}

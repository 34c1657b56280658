"""One `doclint check` run: inputs, engine, formatter, fixes, and the exit code."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doclint.core.config import DEFAULT_INCLUDE, Config
from doclint.core.diagnostic import FileResult
from doclint.core.encoding import encode
from doclint.core.errors import DoclintError
from doclint.core.fixes import apply_fixes, write_atomically
from doclint.report.base import Summary
from doclint.runner.archives import split_member
from doclint.runner.batch import RunPlan, run_batch
from doclint.runner.cache import ENV_DIR as CACHE_ENV
from doclint.runner.cache import default_dir as default_cache_dir
from doclint.runner.cache import fingerprint, open_cache
from doclint.runner.cache import has_index as cache_has_index
from doclint.runner.dask_exec import INSTALL_HINT as DASK_HINT
from doclint.runner.dask_exec import available as dask_available
from doclint.runner.engine import Engine
from doclint.runner.files import TooLarge, read_bounded
from doclint.runner.inputs import Inputs
from doclint.runner.progress import Progress
from doclint.runner.suppressions import Baseline, Suppressor

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
        options={"statistics": options.statistics, "show_source": options.show_source})
    summary = Summary()
    progress: Progress | None = None

    def say(line: str) -> None:
        if progress is not None:
            progress.echo(line)
        else:
            print(line, file=sys.stderr)

    def on_result(result: FileResult) -> None:
        if progress is not None and stream.isatty():  # the report shares the terminal
            progress.clear()
        summary.add(result)
        if result.error:
            say(f"doclint: {result.path}: {result.error}")
        for crash in result.crashes:
            say(f"doclint: {result.path}: {crash}")
        formatter.handle(result)

    started = time.perf_counter()
    formatter.start()
    results: list[FileResult] = []
    try:
        if "-" in paths and options.files_from:
            raise DoclintError("'-' (a document on standard input) and --files-from exclude "
                               "each other")
        if paths == ["-"]:
            try:
                data = read_bounded(sys.stdin.buffer, config.max_bytes)
            except TooLarge as exc:
                raise DoclintError(f"{options.stdin_filename or '<stdin>'}: {exc}") from None
            result, _ = engine.lint_bytes(options.stdin_filename or "<stdin>", data, options.encoding)
            result = suppressor.result(result)
            on_result(result)
            results = [result]
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
                                  on_outcome=progress.advance if progress else None,
                                  keep=_has_safe_fix if options.fix else None,
                                  refine=suppressor.result)
            finally:
                if progress is not None:
                    progress.close()
            results = batch.files
            batch.archive = suppressor.archive(batch.archive, batch.archive_lines)
            if batch.archive:
                summary.count(batch.archive)
                formatter.archive(batch.archive, batch.archive_lines)
        summary.seconds = time.perf_counter() - started
        summary.suppressed, summary.baselined = suppressor.suppressed, suppressor.baselined
        formatter.finish(summary)
    finally:
        if stream is not sys.stdout:
            stream.close()
    if options.fix and paths != ["-"]:
        _apply_fixes(engine, results, options.encoding)
    hidden = suppressor.suppressed + suppressor.baselined
    if hidden and options.fmt not in ("text", "json"):  # those two say it in their summary
        print(f"doclint: {hidden} finding{'s' if hidden != 1 else ''} hidden "
              f"({suppressor.suppressed} suppressed, {suppressor.baselined} by the baseline)",
              file=sys.stderr)
    unused = suppressor.unused() if options.report_unused_suppressions else []
    for note in unused:
        print(note, file=sys.stderr)
    if options.update_baseline and suppressor.baseline is not None:
        written = suppressor.write_baseline()
        print(f"doclint: wrote {written} finding{'s' if written != 1 else ''} to the baseline "
              f"{options.baseline}", file=sys.stderr)
    if summary.unreadable or summary.crashed or suppressor.errors:
        return EXIT_ERROR
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


def _has_safe_fix(result: FileResult) -> bool:
    return any(d.fix is not None and d.fix.safe for d in result.diagnostics)


def _plan(engine: Engine, config: Config, options: CheckOptions,
          say: Callable[[str], None]) -> RunPlan:
    """Workers, executor and cache for this run; a missing optional piece is said and skipped."""
    executor = options.executor
    if executor == "dask" and not options.scheduler and not dask_available():
        say(f"doclint: dask.distributed is not installed ({DASK_HINT}); "
            "running on local processes")
        executor = "local"
    plan = RunPlan(config.jobs, executor, options.scheduler, options.encoding)
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
        # Nothing can be served from the cache: import the rules and check the config against
        # them now, before any output. An index under this fingerprint means a run with the
        # same doclint, plugins, packs and config got that far already.
        engine.registry  # noqa: B018
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


def _apply_fixes(engine: Engine, results: list[FileResult], encoding: str | None) -> None:
    for result in results:
        fixes = [d.fix for d in result.diagnostics if d.fix is not None and d.fix.safe]
        if not fixes or result.path.lower().endswith(".docx"):
            continue
        if split_member(result.path) is not None:
            print(f"doclint: {result.path}: not fixed: archive members are read-only",
                  file=sys.stderr)
            continue
        with open(result.path, "rb") as handle:
            data = handle.read()
        doc = engine.read(result.path, data, encoding)
        if not _round_trips(doc.source, doc.encoding, data):
            print(f"doclint: {result.path}: not fixed: its bytes do not survive decoding as "
                  f"{doc.encoding}", file=sys.stderr)
            continue
        text, count = apply_fixes(doc.source, fixes)
        if count and text != doc.source:
            write_atomically(result.path, text, doc.encoding, data)
            print(f"doclint: {result.path}: applied {count} fix{'es' if count > 1 else ''}",
                  file=sys.stderr)



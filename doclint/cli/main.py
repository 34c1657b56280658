"""The command line: parse options, build the engine, run, report, and pick the exit code."""

from __future__ import annotations

import atexit
import logging
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from doclint import __version__
from doclint.core.config import Config, find_config, load_config
from doclint.core.diagnostic import Severity
from doclint.core.errors import DoclintError

EXIT_CLEAN, EXIT_DIAGNOSTICS, EXIT_ERROR = 0, 1, 2
LOG = logging.getLogger("doclint")


def _selectors(values: Sequence[str]) -> list[str]:
    return [s.strip() for v in values for s in v.split(",") if s.strip()]


def _load_config(config_path: str | None, paths: Sequence[str]) -> Config:
    if config_path:
        return load_config(Path(config_path))
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    found = find_config(start if start.exists() else Path.cwd())
    return load_config(found) if found else Config()


class DoclintGroup(click.Group):
    """Turns every DoclintError into one line and exit 2; never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DoclintError as exc:
            click.echo(f"doclint: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # The reader went away (`doclint check … | head`): stop quietly, as grep does.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(EXIT_DIAGNOSTICS)
        except KeyboardInterrupt:
            click.echo("doclint: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:
            if os.environ.get("DOCLINT_DEBUG"):
                raise
            click.echo(f"doclint: internal error: {type(exc).__name__}: {exc} "
                       "(set DOCLINT_DEBUG=1 for a traceback)", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=DoclintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="doclint")
@click.option("-v", "--verbose", is_flag=True, help="Log plugin loading and crashes.")
def cli(verbose: bool) -> None:
    """doclint: a data-quality linter for Chinese government documents."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="doclint: %(levelname)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True,
              help="text, json, jsonl, sarif, github, or a plugin's format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--select", multiple=True, help="Only these codes, prefixes or categories (comma-separated).")
@click.option("--ignore", multiple=True, help="Also disable these selectors.")
@click.option("--extend-select", multiple=True, help="Enable these in addition.")
@click.option("--preview/--no-preview", default=None,
              help="Also run preview rules: not yet measured precise enough to be on by default.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file to use.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Message language (default zh).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True)
@click.option("--statistics", is_flag=True, help="Count diagnostics per rule.")
@click.option("--timing", is_flag=True,
              help="Print the time each rule took, slowest first, on standard error.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when diagnostics are found.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Lowest severity that makes the exit code 1 (default info).")
@click.option("--stdin-filename", help="Path to report for text read from '-'.")
@click.option("--jobs", "-j", help="Worker processes: a number or auto (default auto).")
@click.option("--year", type=int, help="The year the documents speak from.")
@click.option("--encoding", help="Force an input encoding instead of detecting it.")
@click.option("--include", multiple=True, help="Globs of files to take inside directories.")
@click.option("--exclude", multiple=True, help="Globs of files or directories to skip.")
@click.option("--fix", is_flag=True,
              help="Apply safe fixes in place (atomically), then report what remains.")
@click.option("--diff", is_flag=True,
              help="Print the fixes --fix would apply as a unified diff; write nothing "
                   "(exit 1 when there is a diff).")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix or --diff, also apply unsafe fixes (suggestions never are).")
@click.option("--no-source", is_flag=True, help="Text format: no source snippets.")
@click.option("--files-from", type=click.Path(dir_okay=False, allow_dash=True),
              help="Also check the paths listed in FILE, one a line ('-': standard input).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="Result cache folder (default: the config's cache-dir, else "
                   "$DOCLINT_CACHE_DIR, else ~/.cache/doclint).")
@click.option("--max-size", type=click.FloatRange(min=0), metavar="MB",
              help="Skip documents larger than this, with a reason (default 64; 0: no limit). "
                   "Files over 1.5 MB are checked in windows, in bounded memory.")
@click.option("--rule-timeout", type=click.FloatRange(min=0), metavar="SECONDS",
              help="Stop a rule that runs longer than this on one document and report it "
                   "(default 60; 0: no limit).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default=None,
              help="local processes (default) or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler to use (implies --executor dask); none: a LocalCluster.")
@click.option("--baseline", "baseline", type=click.Path(dir_okay=False),
              help="Hide the findings recorded in this baseline file (counted, by text and "
                   "context, not line numbers).")
@click.option("--update-baseline", is_flag=True,
              help="Write every current finding to the --baseline file instead of reporting it.")
@click.option("--report-unused-suppressions", is_flag=True,
              help="List suppression comments and ignore-file entries that hide nothing "
                   "(on standard error; exit 1 when there are any).")
def check(paths: tuple[str, ...], fmt: str, output: str | None, select: tuple[str, ...],
          ignore: tuple[str, ...], extend_select: tuple[str, ...], preview: bool | None,
          config_path: str | None,
          lang: str | None, color: str, statistics: bool, timing: bool, exit_zero: bool,
          fail_on: str | None,
          stdin_filename: str | None, jobs: str | None, year: int | None, encoding: str | None,
          include: tuple[str, ...], exclude: tuple[str, ...], fix: bool, diff: bool,
          unsafe_fixes: bool, no_source: bool,
          files_from: str | None, progress: bool | None, no_cache: bool, cache_dir: str | None,
          max_size: float | None, rule_timeout: float | None, executor: str | None, scheduler: str | None,
          baseline: str | None, update_baseline: bool, report_unused_suppressions: bool) -> None:
    """Check files, directories, globs, archives (.zip, .tar.gz) or '-' (standard input)."""
    from doclint.runner.session import CheckOptions, run_check

    if executor == "local" and scheduler:
        raise click.BadParameter("--scheduler needs --executor dask", param_hint="--scheduler")
    if fix and diff:
        raise click.BadParameter("--fix writes the fixes, --diff only shows them: pick one",
                                 param_hint="--diff")
    paths = paths or (() if files_from else (".",))
    config = _load_config(config_path, paths)
    if select:
        config.select = _selectors(select)
    config.ignore += _selectors(ignore)
    config.extend_select += _selectors(extend_select)
    if preview is not None:
        config.preview = preview
    if include:
        config.include = list(include)
    config.exclude += list(exclude)
    if lang:
        config.lang = lang
    if fail_on:
        config.fail_on = Severity.parse(fail_on)
    if year is not None:
        config.year = year
    if max_size is not None:
        config.max_size = max_size
    if rule_timeout is not None:
        config.rule_timeout = rule_timeout
    if jobs is not None:
        if jobs != "auto" and not (jobs.isdigit() and int(jobs) > 0):
            raise click.BadParameter("must be a positive number or auto", param_hint="--jobs")
        config.jobs = jobs if jobs == "auto" else int(jobs)
    options = CheckOptions(fmt=fmt, output=output, color=color, statistics=statistics,
                           stdin_filename=stdin_filename, encoding=encoding, fix=fix,
                           diff=diff, unsafe_fixes=unsafe_fixes,
                           show_source=not no_source, files_from=files_from, progress=progress,
                           cache=not no_cache, cache_dir=cache_dir,
                           executor=executor or ("dask" if scheduler else "local"),
                           scheduler=scheduler, baseline=baseline,
                           update_baseline=update_baseline,
                           report_unused_suppressions=report_unused_suppressions,
                           timing=timing)
    code = run_check(config, list(paths), options)
    sys.exit(EXIT_CLEAN if exit_zero and code == EXIT_DIAGNOSTICS else code)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
def list_rules(fmt: str, config_path: str | None, lang: str | None) -> None:
    """List every rule: code, fixable, severity, category, maturity, precision, summary."""
    from doclint.docs import rule_record
    from doclint.runner.engine import Engine

    config = _load_config(config_path, [])
    engine = Engine(config)
    lang = lang or config.lang
    records = [rule_record(rule, lang) for rule in engine.registry]
    if fmt == "json":
        import json

        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for rec in records:
        fix = "*" if rec["fixable"] else " "
        measured = rec["precision"]
        share = f"{measured['precision']:.0%}" if measured else "-"
        click.echo(f"{rec['code']:<6} {fix} {rec['severity']:<8} {rec['category']:<21} "
                   f"{rec['maturity']:<8} {share:>5} {rec['summary']}")


@cli.command("rule")
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
def show_rule(code: str, config_path: str | None, lang: str | None) -> None:
    """Print one rule's documentation, generated from the rule itself."""
    from doclint.docs import render_rule
    from doclint.runner.engine import Engine

    config = _load_config(config_path, [])
    engine = Engine(config)
    rule = engine.registry.get(code)
    if rule is None:
        raise DoclintError(f'unknown rule "{code}" (see `doclint rules`)')
    click.echo(render_rule(rule, lang or config.lang), nl=False)


@cli.command("config")
@click.argument("path", required=False, type=click.Path())
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def show_config(path: str | None, config_path: str | None) -> None:
    """Print the effective configuration (after validating it)."""
    import yaml

    from doclint.runner.engine import Engine

    config = _load_config(config_path, [path] if path else [])
    Engine(config)  # validates codes, categories and options
    click.echo(yaml.safe_dump(config.as_dict(), allow_unicode=True, sort_keys=False), nl=False)


# Command groups that live in their own modules register themselves here.
for _module in ("doclint.cli.packs", "doclint.cli.archive", "doclint.cli.ignore",
                "doclint.cli.lsp"):
    try:
        __import__(_module)
    except ModuleNotFoundError as _exc:
        if _exc.name != _module:
            raise
    else:
        sys.modules[_module].register(cli)


def main(argv: Sequence[str] | None = None) -> None:
    from doclint.runner.collector import own_process

    own_process()  # this process runs doclint alone (see doclint.runner.collector)
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="doclint")
    except SystemExit as exc:
        exit_now(exc.code)
        raise


def exit_now(code: object) -> None:
    """End the process without tearing the interpreter down, when that is safe.

    Freeing every object of a run one by one (rule modules, data tables, compiled patterns)
    costs a one-file check about 30 ms, a tenth of its time. Exit handlers still run and the
    streams are flushed first. Returns (the caller then exits the usual way) when the code is
    not a number, another thread is still running, or a stream cannot be flushed.
    """
    if code is not None and not isinstance(code, int):
        return
    if any(t is not threading.main_thread() and not t.daemon and t.is_alive()
           for t in threading.enumerate()):
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code or 0)


def open_output(output: str | None) -> TextIO:
    if output is None:
        return sys.stdout
    try:
        return open(output, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise DoclintError(f"cannot write {output}: {exc.strerror}") from None


def elapsed(start: float) -> float:
    return time.perf_counter() - start

"""``doclint ignore PATH:LINE[:COL] CODE --reason …``: record a finding as right as written."""

from __future__ import annotations

import os
from pathlib import Path

import click

from doclint.core.errors import DoclintError
from doclint.core.lazyregex import lazy_re

_LOCATION = lazy_re(r"^(?P<path>.+?):(?P<line>\d+)(?::(?P<column>\d+))?$")


def register(cli: click.Group) -> None:
    @cli.command("ignore")
    @click.argument("location")
    @click.argument("code")
    @click.option("--reason", required=True, help="Why the finding is right as written.")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False))
    @click.option("--encoding", help="Force the document's encoding.")
    def ignore(location: str, code: str, reason: str, config_path: str | None,
               encoding: str | None) -> None:
        """Add an entry for the CODE finding at PATH:LINE[:COL] to .doclint-ignore.yaml.

        The entry keeps the finding's text and the line around it, not its line number, so
        it still holds when lines move. The nearest ignore file at or above the document (up
        to the config's folder) gets it; a new one is made in the config's folder, else
        beside the document. Comments in the file are kept.
        """
        from doclint.cli.main import _load_config
        from doclint.runner.archives import MemberReader
        from doclint.runner.engine import Engine
        from doclint.runner.suppressions import record_ignore

        match = _LOCATION.match(location)
        if not match:
            raise click.BadParameter("expected PATH:LINE or PATH:LINE:COL",
                                     param_hint="LOCATION")
        path, line = match["path"], int(match["line"])
        column = int(match["column"]) if match["column"] else None
        if reason.strip() == "":
            raise click.BadParameter("give the reason the finding is right", param_hint="--reason")
        config = _load_config(config_path, [path])
        engine = Engine(config)
        rule = engine.registry.get(code)
        if rule is None:
            raise DoclintError(f'unknown rule code "{code}" (see `doclint rules`)')
        # NOTE: nothing is selected yet, so naming the rule still turns it on (even a
        # preview rule), the way `--select CODE` does.
        config.extend_select = [*config.extend_select, rule.code]
        try:
            with MemberReader() as reader:
                data = reader.read_bytes(path)
        except OSError as exc:
            raise DoclintError(f"{path}: cannot read: {exc.strerror or exc}") from None
        result, _ = engine.lint_bytes(path, data, encoding)
        if result.error:
            raise DoclintError(f"{path}: {result.error}")
        here = [d for d in result.diagnostics if d.code == rule.code and d.start.line == line]
        if column is not None:
            exact = [d for d in here if d.start.column == column]
            here = exact or [d for d in here if d.start.column <= column
                             and (d.end.line > line or column < d.end.column)]
        where = f"{path}:{line}" + (f":{column}" if column is not None else "")
        if not here:
            on_line = sorted({f"{d.code}@{d.start.column}" for d in result.diagnostics
                              if d.start.line == line})
            also = f" (on this line: {', '.join(on_line)})" if on_line else ""
            raise DoclintError(f"{where}: no {rule.code} finding here{also}")
        if len(here) > 1:
            columns = ", ".join(str(d.start.column) for d in here)
            raise DoclintError(f"{where}: {len(here)} {rule.code} findings on this line "
                               f"(columns {columns}): give PATH:LINE:COL")
        diag = here[0]
        stop = Path(config.path).parent if config.path else None
        recorded = record_ignore(engine, result, diag, reason, stop)
        if recorded is None:
            click.echo(f"doclint: {where}: {rule.code} is already suppressed", err=True)
            return
        target, number, entry = recorded
        shown = os.path.relpath(target) if not os.path.relpath(target).startswith("..") \
            else str(target)
        click.echo(f"doclint: {shown}: entry {number} ignores {rule.code} “{entry['text']}” "
                   f"in {entry['path']}", err=True)

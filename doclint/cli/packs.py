"""Commands for rule packs and config files: test-rules, new-rule, init, enable, disable."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from doclint.core.errors import ConfigError, DoclintError

EXIT_CLEAN, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
CONFIG_NAME = ".doclint.yaml"


def register(cli: click.Group) -> None:
    for command in (test_rules, new_rule, init, enable, disable):
        cli.add_command(command)


def _pack_files(paths: tuple[str, ...]) -> list[Path]:
    from doclint.yamlrules import PACK_SUFFIXES, builtin_pack_paths

    if not paths:
        return builtin_pack_paths()
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in PACK_SUFFIXES))
        else:
            found.append(path)
    return found


@click.command("test-rules")
@click.argument("packs", nargs=-1, type=click.Path())
@click.option("-q", "--quiet", is_flag=True, help="Print failures and the total only.")
def test_rules(packs: tuple[str, ...], quiet: bool) -> None:
    """Run every rule's examples in PACKS (files or folders; default: the built-in packs).

    A bad example must fire, a good one must not, and a fixed text must be what the fix makes.
    Exit 1 when an example fails, 2 when a pack cannot be loaded.
    """
    from doclint.yamlrules.selftest import test_pack

    files = _pack_files(packs)
    if not files:
        raise DoclintError("no rule packs to test")
    broken = failed = rules = examples = 0
    for path in files:
        try:
            result = test_pack(path)
        except ConfigError as exc:
            click.echo(f"{exc}", err=True)
            broken += 1
            continue
        rules += result.rules
        examples += result.examples
        for failure in result.failures:
            click.echo(f"{path}: FAIL {failure}")
        failed += len(result.failures)
        if not quiet:
            state = "ok" if result.ok else f"{len(result.failures)} failed"
            click.echo(f"{path}: {result.rules} rules, {result.examples} examples, {state}")
    click.echo(f"{len(files)} packs, {rules} rules, {examples} examples: "
               f"{failed} failed, {broken} packs not loaded")
    sys.exit(EXIT_ERROR if broken else EXIT_FAILED if failed else EXIT_CLEAN)


@click.command("new-rule")
@click.option("--type", "kind", default="substitution", show_default=True,
              type=click.Choice(["existence", "substitution", "occurrence", "repetition",
                                 "consistency", "conditional", "pairing", "all"]),
              help="The rule type of the template (all: one rule of each type).")
@click.option("--code", default="AB001", show_default=True, help="The rule's code.")
@click.option("--pack", "pack_name", default="my-rules", show_default=True,
              help="The pack's name.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the pack here instead of printing it.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def new_rule(kind: str, code: str, pack_name: str, output: str | None, force: bool) -> None:
    """Print (or write) a commented template pack to start a rule from."""
    from doclint.core.rule import CODE_PATTERN
    from doclint.yamlrules.loader import PACK_NAME
    from doclint.yamlrules.templates import pack_template

    if not CODE_PATTERN.match(code):
        raise click.BadParameter("one or two capital letters and three digits", param_hint="--code")
    if not PACK_NAME.match(pack_name):
        raise click.BadParameter("lower-case words joined by '-'", param_hint="--pack")
    file = Path(output).name if output else f"{pack_name}.yaml"
    text = pack_template(kind, code, pack_name, file)
    if output is None:
        click.echo(text, nl=False)
        return
    target = Path(output)
    if target.exists() and not force:
        raise DoclintError(f"{output} exists (use --force to overwrite, or copy the rule from "
                           "`doclint new-rule` into its rules: list)")
    target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output}; check it with: doclint test-rules {output}")


@click.command("init")
@click.argument("path", default=CONFIG_NAME, type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def init(path: str, force: bool) -> None:
    """Write a commented starter config (default: .doclint.yaml here)."""
    from doclint.yamlrules.config_edit import starter_config, write_atomically

    target = Path(path)
    if target.exists() and not force:
        raise DoclintError(f"{path} exists (use --force to overwrite; "
                           "`doclint enable`/`disable` edit it in place)")
    write_atomically(target, starter_config())
    click.echo(f"wrote {path}")


def _config_to_edit(config_path: str | None) -> Path:
    from doclint.core.config import find_config

    if config_path:
        return Path(config_path)
    found = find_config(Path.cwd())
    if found is None:
        raise DoclintError("no config file found here or above (create one with `doclint init`)")
    return found


def _edit(selectors: tuple[str, ...], config_path: str | None, enable: bool) -> None:
    from doclint.core.config import load_config
    from doclint.plugins.manager import get_plugin_manager
    from doclint.runner.engine import collect_rules
    from doclint.yamlrules.config_edit import edit_selectors

    path = _config_to_edit(config_path)
    config = load_config(path)
    registry = collect_rules(get_plugin_manager(), config.rule_packs)
    for selector in selectors:
        if not registry.is_selector(selector):
            raise DoclintError(f'unknown rule code, prefix or category "{selector}" '
                               "(see `doclint rules`)")
    for selector in selectors:
        changes = edit_selectors(path, selector, enable)
        state = "enabled" if enable else "disabled"
        detail = "; ".join(changes) if changes else "already so"
        click.echo(f"{path}: {state} {selector} ({detail})")


@click.command("enable")
@click.argument("selectors", nargs=-1, required=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="The config file to edit (default: the one found from here).")
def enable(selectors: tuple[str, ...], config_path: str | None) -> None:
    """Enable rules: drop them from `ignore`, add them to `extend-select` (comments are kept)."""
    _edit(selectors, config_path, enable=True)


@click.command("disable")
@click.argument("selectors", nargs=-1, required=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="The config file to edit (default: the one found from here).")
def disable(selectors: tuple[str, ...], config_path: str | None) -> None:
    """Disable rules: drop them from `extend-select`, add them to `ignore` (comments are kept)."""
    _edit(selectors, config_path, enable=False)

"""``doclint cache``: where the result cache is, what it holds, and clearing it."""

from __future__ import annotations

from pathlib import Path

import click

from doclint.core.errors import DoclintError


def _folder(cache_dir: str | None, config_path: str | None) -> Path:
    from doclint.cli.main import _load_config
    from doclint.runner.cache import default_dir

    if cache_dir:
        return Path(cache_dir)
    config = _load_config(config_path, [])
    return Path(config.cache_dir) if config.cache_dir else default_dir()


def register(cli: click.Group) -> None:
    @cli.group("cache")
    def cache() -> None:
        """The result cache of `doclint check` (see --no-cache, --cache-dir)."""

    options = [click.option("--cache-dir", type=click.Path(file_okay=False)),
               click.option("--config", "config_path", type=click.Path(dir_okay=False))]

    def with_options(func):
        for option in reversed(options):
            func = option(func)
        return func

    @cache.command("dir")
    @with_options
    def show_dir(cache_dir: str | None, config_path: str | None) -> None:
        """Print the cache folder."""
        click.echo(str(_folder(cache_dir, config_path)))

    @cache.command("info")
    @with_options
    def info(cache_dir: str | None, config_path: str | None) -> None:
        """Entries and size per rule set and configuration seen."""
        from doclint.runner.cache import usage

        folder = _folder(cache_dir, config_path)
        rows = usage(folder)
        click.echo(f"{folder}: {len(rows)} rule set/config fingerprint(s)")
        for name, count, size in rows:
            click.echo(f"  {name}  {count:>9,} entries  {size / 1e6:>9.1f} MB")

    @cache.command("clear")
    @with_options
    def clear(cache_dir: str | None, config_path: str | None) -> None:
        """Delete every cached result."""
        import shutil

        from doclint.runner.cache import FORMAT

        folder = _folder(cache_dir, config_path)
        if not folder.exists():
            click.echo(f"{folder}: no cache")
            return
        if not (folder / "CACHEDIR.TAG").is_file():
            raise DoclintError(f"{folder} is not a doclint cache (no CACHEDIR.TAG): not deleted")
        for old in folder.glob("v*"):
            if old.is_dir() and old.name[1:].isdigit() and int(old.name[1:]) <= FORMAT:
                shutil.rmtree(old)
        click.echo(f"{folder}: cleared")

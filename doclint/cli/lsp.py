"""``doclint lsp``: the language server on standard input and output (needs ``doclint[lsp]``)."""

from __future__ import annotations

import click

from doclint.core.errors import DoclintError

INSTALL_HINT = "pip install 'doclint[lsp]'"


def register(cli: click.Group) -> None:
    @cli.command("lsp")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False),
                  help="Use this config for every document (default: the nearest one above "
                       "each document, as `doclint check` finds it).")
    @click.option("--stdio", is_flag=True, hidden=True,
                  help="Accepted for clients that pass it; standard I/O is the only transport.")
    def lsp(config_path: str | None, stdio: bool) -> None:
        """Run the language server (LSP over standard input and output).

        Diagnostics for .txt and .md buffers as `doclint check` reports them, quick fixes,
        "ignore this finding" (.doclint-ignore.yaml), Markdown disable comments, and the
        rule's documentation on hover. See docs/editors.md.
        """
        try:
            from doclint.lsp.server import serve
        except ModuleNotFoundError as exc:
            if exc.name not in ("pygls", "lsprotocol") and not str(exc.name).startswith(
                    ("pygls.", "lsprotocol.")):
                raise
            raise DoclintError(f"doclint lsp needs pygls: {INSTALL_HINT}") from None
        serve(config_path)

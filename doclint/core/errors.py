"""Exceptions that end a command with a one-line message and exit code 2."""

from __future__ import annotations


class DoclintError(Exception):
    """A user-facing error: printed as one line, never as a traceback."""


class ConfigError(DoclintError):
    """A mistake in a configuration file, located by file, line and column when known."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        self.path, self.line, self.column, self.detail = path, line, column, message
        where = path or ""
        if path and line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}" if where else message)


class ReadError(DoclintError):
    """An input that cannot be read or decoded."""

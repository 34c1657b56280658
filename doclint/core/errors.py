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


# What ruamel.yaml raises beyond its own errors for well-formed but odd YAML, found by fuzzing:
# a mapping used as a key (TypeError), an impossible date or a bad !!int (ValueError), deep
# nesting (RecursionError). Each is a broken file, reported like a syntax error.
YAML_VALUE_ERRORS = (ValueError, TypeError, RecursionError)


def yaml_value_problem(exc: BaseException) -> str:
    """The one-line reason for one of ``YAML_VALUE_ERRORS``."""
    if isinstance(exc, RecursionError):
        return "invalid YAML: nested too deeply"
    return f"invalid YAML: {exc}"


class ReadError(DoclintError):
    """An input that cannot be read or decoded."""

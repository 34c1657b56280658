"""Output formats, registered through the ``doclint_formatters`` hook like any plugin's."""

from __future__ import annotations

from collections.abc import Mapping

from doclint.plugins.hookspecs import hookimpl


@hookimpl
def doclint_formatters() -> Mapping[str, type]:
    from doclint.report.github import GithubFormatter
    from doclint.report.html import HtmlFormatter
    from doclint.report.json import JsonFormatter, JsonLinesFormatter
    from doclint.report.sarif import SarifFormatter
    from doclint.report.text import TextFormatter

    return {"text": TextFormatter, "json": JsonFormatter, "jsonl": JsonLinesFormatter,
            "sarif": SarifFormatter, "github": GithubFormatter, "html": HtmlFormatter}

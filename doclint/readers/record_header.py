"""A record header: the fields an archive writes above a document's text, closed by a rule line.

Archives and scrapers often store each page as ``标题: …``, ``发布时间: …``, ``原文链接: …`` lines,
then a separator (``==== 正文 ====``, ``----------``), then the text. The header is the
plain-text cousin of Markdown's front matter: the archive's metadata, not the document, so its
``key: value`` colons, links and cut-off folder names are not checked. A header needs at least
three ``key: value`` lines among its lines and the separator within the first lines of the
file; a title underlined with ``=====`` or a 公文's own ``发文机关：`` lines without a separator
are not one.
"""

from __future__ import annotations

from doclint.core.lazyregex import lazy_regex

_MAX_LINES = 30  # lines a header may hold before its separator
_MIN_FIELDS = 3
_FIELD = lazy_regex(r"[ \t]*(?P<key>[\p{Han}A-Za-z][\p{Han}A-Za-z0-9_ \-]{0,11}?)[ \t]*[:：][ \t]*(?P<value>.*?)[ \t]*")
# A rule line: a run of one mark, maybe with a word in the middle (==== 正文 ====).
_SEPARATOR = lazy_regex(
    r"[ \t]*(?P<mark>[=\-*#~_])(?P=mark){4,}[ \t]*(?:[^\r\n=\-*#~_]{1,12}[ \t]*(?P=mark){5,})?[ \t]*")


def record_header(source: str) -> tuple[int, dict[str, str]] | None:
    """Where the record header at the start of ``source`` ends (after its separator's line
    break) and its fields, or None when the file has none."""
    fields: dict[str, str] = {}
    position = 0
    for _ in range(_MAX_LINES + 1):
        end = source.find("\n", position)
        if end < 0:
            return None
        line = source[position:end].rstrip("\r")
        if _SEPARATOR.fullmatch(line):
            return (end + 1, fields) if len(fields) >= _MIN_FIELDS else None
        found = _FIELD.fullmatch(line)
        if found is not None and found.group("key").strip() not in fields:
            fields[found.group("key").strip()] = found.group("value")
        position = end + 1
    return None

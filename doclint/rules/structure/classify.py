"""Classify one line of a file: teaser, compilation marker, heading, salutation, dateline, body
or label. Titles, bylines and addressees are told apart later, from the line's place in a head."""

from __future__ import annotations

from doclint.core.memo import per_document
from doclint.rules.structure import lines, numerals
from doclint.rules.structure.model import Kind, Level

_HEADING_START = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９第") | frozenset(
    chr(c) for c in range(0x2460, 0x2474))
_SUMMARY_MIN = 8  # a teaser shorter than this says too little to compare
_SHORT_LINE = 100
_ELLIPSES = ("...", "…", "。。。", "···", ". . .")
_DAMAGED_REACH = 200  # lines searched for the sibling that tells a damaged numeral's number

Classified = tuple[Kind, "lines.Marker | None", "lines.ArticleMarker | None"]

# The characters a line opens with where it may be more than prose or a label: a heading's or a
# compilation's marker, a salutation, a dateline, a Markdown heading's ``#`` or a scraper's
# ``<U+00A0>`` before the content (``lines.content_start``). Most lines open otherwise.
_MARKED_START = _HEADING_START | lines.SALUTATION_START | lines.DATELINE_START | frozenset("篇#")
_PLAIN_BODY: Classified = (Kind.BODY, None, None)
_PLAIN_LABEL: Classified = (Kind.LABEL, None, None)


def classify(texts: list[str], index: int) -> Classified:
    """What line ``index`` of ``texts`` is, with its heading or compilation marker if any."""
    text = texts[index]
    if text[0] not in _MARKED_START and not text.startswith("<U+") \
            and not text.endswith(_ELLIPSES):
        # prose or a label, told as ``_classify_content`` tells them (a C-fast test first)
        if lines.has_punctuation(text) and (len(text) > _SHORT_LINE or not lines.is_chrome(text)):
            return _PLAIN_BODY
        return _PLAIN_LABEL
    if text[0] in "（(":  # (where a damaged numeral may stand: few lines)
        text = _read_damaged(texts, index)
    if text.endswith(_ELLIPSES) and _repeats_following(texts, index):
        return Kind.SUMMARY, None, None
    skip = lines.content_start(text)
    if skip:
        if skip == len(text):
            return Kind.LABEL, None, None
        kind, marker, article = _classify_content(text[skip:])
        if marker is not None:
            marker = lines.shifted(marker, skip)
        if article is not None:
            article = lines.ArticleMarker(article.number, article.end + skip,
                                          article.title_start + skip, skip)
        return kind, marker, article
    classified = _classify_content(text)
    if text[0] == "第" and classified[0] in (Kind.BODY, Kind.LABEL) \
            and _between_articles(texts, index):
        return Kind.HEADING, lines.glued_article_marker(text), None
    return classified


_ARTICLE_REACH = 12  # lines searched either way for the article next to a glued one


def _between_articles(texts: list[str], index: int) -> bool:
    """Line ``index`` opens with 第N条 glued to its text (第九条免费教科书…) and the article
    line nearest before or after it is 第N-1条 or 第N+1条: the text of a law whose scrape lost
    the space after each article's number, not a sentence opening on a reference (第五条规定…)."""
    number = lines.glued_article(texts[index])
    if not number:
        return False
    for step, neighbour in ((-1, number - 1), (1, number + 1)):
        at = index + step
        while 0 <= at < len(texts) and abs(at - index) <= _ARTICLE_REACH:
            found = lines.article_number(texts[at].lstrip(" \t\u3000"))
            if found is not None:
                if found == neighbour:
                    return True
                break
            at += step
    return False


@per_document
def _classify_content(text: str) -> Classified:
    first = text[0]
    if first in _HEADING_START:
        if first == "第":
            article, compilation = lines.article_marker(text)
            if article is not None:
                if compilation:
                    return Kind.TITLE, None, article
                part = lines.Marker(Level.PART, article.number, 0, article.title_start,
                                    article.end, len(text), False)
                return Kind.HEADING, part, None
        marker = lines.heading_marker(text)
        if marker is not None:
            return Kind.HEADING, marker, None
    elif first == "篇":
        article, _ = lines.article_marker(text)
        if article is not None:
            return Kind.TITLE, None, article
    if len(text) > _SHORT_LINE:  # too long for a salutation, a dateline or web chrome
        return (Kind.BODY if lines.has_punctuation(text) else Kind.LABEL), None, None
    if lines.is_salutation(text):
        return Kind.SALUTATION, None, None
    if lines.is_dateline(text):
        return Kind.DATELINE, None, None
    if lines.has_punctuation(text) and not lines.is_chrome(text):
        return Kind.BODY, None, None
    return Kind.LABEL, None, None


def _read_damaged(texts: list[str], index: int) -> str:
    """Line ``index``, its heading numeral read where a scan damaged it (``(—)…``, ``(~)…``) and
    its siblings tell which number it was: the next readable one counts back to it, the one
    before (or the start of its parent) counts up to the same number. ``(—)…`` before ``(二)…``
    is （一）; ``(-)…`` and ``(~)…`` before ``（三）…`` are （一） and （二）. Unconfirmed (``(—)``
    between a heading ``一、`` and ``（三）``: was it （一） or （二）?), the line stays as it is."""
    text = texts[index]
    at = numerals.damaged_numeral(text)
    if at is None:
        return text
    after = _sibling_number(texts[index + 1 : index + 1 + _DAMAGED_REACH])
    before = _sibling_number(texts[max(0, index - _DAMAGED_REACH) : index][::-1],
                             start=index <= _DAMAGED_REACH)
    if after is None or before is None:
        return text
    (next_number, later), (previous, earlier) = after, before
    number = next_number - later - 1
    if number == previous + earlier + 1 and 1 <= number <= 9:
        return numerals.restored(text, at, number)
    return text


def _sibling_number(texts: list[str], start: bool = False) -> tuple[int, int] | None:
    """The number of the first readable （N） heading of ``texts`` (0 for a heading of a higher
    level: the list starts under it) and how many damaged numerals stand before it; when there is
    none, None, or 0 if ``texts`` run back to the ``start`` of the file."""
    damaged = 0
    for text in texts:
        if numerals.damaged_numeral(text) is not None:
            damaged += 1
            continue
        marker = lines.heading_marker(text) if text[:1] in _HEADING_START else None
        if marker is not None and marker.level <= Level.TWO:
            return (marker.number if marker.level is Level.TWO else 0), damaged
    return (0, damaged) if start else None


def _teaser_key(text: str) -> str:
    """A line for comparing a teaser with its text: no white space, and no ``?`` (a character
    the scrape lost, a non-breaking space, kept in one copy and not the other)."""
    return lines.key(text).replace("?", "")


def _repeats_following(texts: list[str], index: int) -> bool:
    """A teaser: the line without its ``...`` is how the text after it begins."""
    teaser = _teaser_key(lines.ELLIPSIS_END.sub("", texts[index]))
    if len(teaser) < _SUMMARY_MIN:
        return False
    following: list[str] = []
    size = 0
    for text in texts[index + 1 :]:
        following.append(_teaser_key(text))
        size += len(following[-1])
        if size > len(teaser) + 40:
            break
    after = "".join(following)
    where = after.find(teaser[:_SUMMARY_MIN], 0, len(teaser) // 2 + _SUMMARY_MIN + 20)
    if where < 0:
        return False
    same = 0
    for a, b in zip(teaser, after[where:], strict=False):
        if a != b:
            break
        same += 1
    return same >= 0.8 * len(teaser)

"""Classify one line of a file: teaser, compilation marker, heading, salutation, dateline, body
or label. Titles, bylines and addressees are told apart later, from the line's place in a head."""

from __future__ import annotations

from doclint.rules.structure import lines
from doclint.rules.structure.model import Kind, Level

_HEADING_START = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９第") | frozenset(
    chr(c) for c in range(0x2460, 0x2474))
_SUMMARY_MIN = 8  # a teaser shorter than this says too little to compare
_SHORT_LINE = 100
_ELLIPSES = ("...", "…", "。。。", "···", ". . .")

Classified = tuple[Kind, "lines.Marker | None", "lines.ArticleMarker | None"]


def classify(texts: list[str], index: int) -> Classified:
    """What line ``index`` of ``texts`` is, with its heading or compilation marker if any."""
    text = texts[index]
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
    return _classify_content(text)


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


def _repeats_following(texts: list[str], index: int) -> bool:
    """A teaser: the line without its ``...`` is how the text after it begins."""
    teaser = lines.key(lines.ELLIPSIS_END.sub("", texts[index]))
    if len(teaser) < _SUMMARY_MIN:
        return False
    following: list[str] = []
    size = 0
    for text in texts[index + 1 :]:
        following.append(lines.key(text))
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

"""The dated items inside one part of a file: news reports and speeches under their own datelines.

A page of collected news or speeches is one part for the compilation model (no ``第N篇``, no
second salutation), but each item was written on its own day:

* a report opens with its dateline: ``新华社北京3月8日电（记者…）``, ``本报北京3月8日讯`` (at a
  paragraph's start, or after the indent that follows a title run into the same line);
* or closes with it: ``……。（新华社北京3月8日电）``, often followed by the newspaper's page
  ``《人民日报》（2015年03月09日01版）``, which still belongs to it;
* a speech stands under its title and dateline: ``……的贺词　　（2015年5月25日）　　值此……``.

An item starts at such a dateline (a speech's at its title just before), or right after a
closing one. A start before which the item has no sentence yet is still that item's head (a
report's dateline above the speech it carries); undated text above the first item (a photo
caption, a teaser, page chrome) belongs to it unless it is a body of its own. A part without a
second start is one item.
"""

from __future__ import annotations

import regex

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import lines
from doclint.rules.structure.news import AGENCY as _AGENCY
from doclint.rules.structure.news import NEWS_DATE as _NEWS_DATE
from doclint.rules.years.paragraphs import ParagraphSpans, plain

# A report opening with its dateline: at a paragraph's start, after a tag, after the indent of
# a paragraph run into the line before it (a title without a full stop), or right after the
# last sentence of the item before it on a page that lost its breaks.
_OPENING = lazy_regex(
    rf"(?:(?<=^[ \t\u3000\u00a0]*)|(?<=[ \t\u3000\u00a0]{{2}})|(?<=>)|(?<=[。！？!?][”’」』]?))"
    rf"(?:【|\[)?{_AGENCY}{_NEWS_DATE}",
    regex.M | regex.W)
# A report closing with it, alone in its paragraph or ending it.
_CLOSING = lazy_regex(rf"[（(]{_AGENCY}{_NEWS_DATE}[）)]\s*$")
# The newspaper page a report was printed on: 《人民日报》（2015年07月20日01版）.
PUBLICATION = lazy_regex(
    r"^《[^》]{1,12}》\s*[（(]\s*(?P<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"\s*(?:第?\s*\d{1,2}\s*版)?\s*[）)]$")
# What a paragraph needs to open, close or date an item: the month of its date (the datelines
# and the page above all hold one) or the dash of a head dateline without a date
# (``——在…上``); or a tag (``plain`` may leave nothing of the paragraph).
_MAY_MARK = "月—－<-"
_SENTENCE_END = regex.compile(r"[。！!？?；;]")
_TITLE_HAN = 40
_BODY_CHARS, _BODY_SENTENCES = 300, 3


def split_items(doc: Document, part: Span) -> list[Span]:
    """The spans of the dated items of ``part`` (the whole part when it holds one)."""
    text = doc.text
    paragraphs = doc.facts(ParagraphSpans).between(part.start, part.end)
    starts: list[int] = []
    previous: Span | None = None
    closed = False  # the previous paragraph closed an item
    dated_head = False  # the text before the first start has a dateline of its own
    following = 0  # the paragraph after the last one read
    for marked in doc.facts(ParagraphSpans).holding(_MAY_MARK, text, part.start, part.end):
        if marked > following:  # plain text before it: it follows an item
            if closed:
                starts.append(paragraphs[following].start)
                closed = False
            previous = paragraphs[marked - 1]
        following = marked + 1
        paragraph = paragraphs[marked]
        content = plain(text[paragraph.start:paragraph.end])
        if not content:
            continue
        if closed and not PUBLICATION.match(content):
            starts.append(paragraph.start)
            closed = False
        opening = _OPENING.search(text, paragraph.start, paragraph.end)
        if opening is not None:
            starts.append(opening.start())
        elif lines.is_head_dateline(content) and previous is not None \
                and _title_like(plain(text[previous.start:previous.end])):
            starts.append(previous.start)
        elif not starts and lines.is_head_dateline(content):
            dated_head = True
        if _CLOSING.search(content) or PUBLICATION.match(content):
            closed = True
            dated_head = dated_head or not starts
        previous = paragraph
    if closed and following < len(paragraphs):
        starts.append(paragraphs[following].start)  # plain text after the last item's close
    starts = sorted(set(starts))
    bounds = [part.start]
    last = part.start  # where the item being read started (its dateline, not a caption above)
    for number, start in enumerate(starts):
        if number == 0 and not dated_head and not _has_body(text, part.start, start):
            last = start  # a caption, a teaser or page chrome above the first item
        elif _SENTENCE_END.search(text, last, start):  # the item before has a body
            bounds.append(start)
            last = start
    # …and one after which nothing but a date or a note follows is the last item's tail.
    while len(bounds) > 1 and not _SENTENCE_END.search(text, bounds[-1], part.end):
        bounds.pop()
    if len(bounds) == 1:
        return [part]
    return [Span(a, b) for a, b in zip(bounds, [*bounds[1:], part.end], strict=True)]


def _has_body(text: str, start: int, end: int) -> bool:
    """Undated text before the first item is an item of its own only with a body of its own."""
    return end - start >= _BODY_CHARS and len(_SENTENCE_END.findall(text, start, end)) >= _BODY_SENTENCES


def _title_like(content: str) -> bool:
    han = sum(1 for char in content if "\u4e00" <= char <= "\u9fff")
    return 0 < han <= _TITLE_HAN and not _SENTENCE_END.search(content)



def publication(doc: Document, item: Span) -> tuple[int, Span, str] | None:
    """The year of the newspaper page closing ``item`` (``《人民日报》（2015年07月20日01版）``)."""
    text = doc.text
    for paragraph in doc.facts(ParagraphSpans).between(item.start, item.end)[-3:][::-1]:
        content = plain(text[paragraph.start:paragraph.end])
        match = PUBLICATION.match(content)
        if match:
            where = text.find(match.group("year"), paragraph.start, paragraph.end)
            span = Span(where, where + 4) if where != -1 else paragraph
            return int(match.group("year")), span, content
    return None

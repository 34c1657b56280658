"""Build the structure model: classify lines, split the file into articles, read each article's
head, walk its headings into sequences of siblings, and place enumerations on their blocks."""

from __future__ import annotations

import bisect
from typing import NamedTuple

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.core.text import Paragraph, Paragraphs
from doclint.rules.structure import enumerations, lines
from doclint.rules.structure.classify import classify
from doclint.rules.structure.endings import ends_sentence, restated
from doclint.rules.structure.model import (
    Announcement,
    Article,
    Block,
    Enumeration,
    Heading,
    Kind,
    Level,
    Opening,
    Structure,
)
from doclint.rules.structure.outline import Outline

_SPLIT_BODY = 300  # body characters after which a salutation opens a new article
_HEAD_TITLES = 3   # title lines a dateline takes into its article
_SENTENCE_MARK = lazy_regex(r"[。！？!?；;]")
_CONTENTS_MIN = 3  # headings in a row that make a table of contents
_ENTRY_END = frozenset("。；;：:，,")  # list items end so; entries of a table of contents do not
_CONTENT = (Kind.BODY, Kind.HEADING, Kind.SALUTATION)


class _Range(NamedTuple):
    start: int
    end: int
    opening: Opening
    marker: int | None  # the 第N篇 line that heads the range


def build(doc: Document) -> Structure:
    paragraphs = doc.facts(Paragraphs).items
    texts = [p.text for p in paragraphs]
    kinds: list[Kind] = []
    markers: list[lines.Marker | None] = []
    ordinals: dict[int, lines.ArticleMarker] = {}
    for index in range(len(texts)):
        kind, marker, ordinal = classify(texts, index)
        kinds.append(kind)
        markers.append(marker)
        if ordinal is not None:
            ordinals[index] = ordinal
    contents = [text[lines.content_start(text):] for text in texts]
    ranges = _split(contents, kinds, markers, ordinals)
    articles = [_head(number, found, contents, kinds, ordinals, paragraphs)
                for number, found in enumerate(ranges)]
    walk = Outline()
    headings: dict[int, Heading] = {}
    heading = Kind.HEADING
    numbered = [i for i, (kind, marker) in enumerate(zip(kinds, markers, strict=True))
                if marker is not None and kind is heading]
    contents_ends = _contents_ends(contents, markers, numbered)
    for article in articles:
        walk.reset(article.start)
        # Only a heading reads the walk: after the article's last one, a reset changes nothing.
        before_end = bisect.bisect_left(numbered, article.end)
        last = numbered[before_end - 1] if before_end else -1
        for index in range(article.start, last + 1):
            marker = markers[index]
            if marker is not None and kinds[index] is heading:
                headings[index] = walk.add(index, marker, paragraphs[index])
                if index in contents_ends:
                    walk.reset(index + 1)  # the body numbers its headings afresh after contents
            elif lines.opens_attachment(contents[index]) or lines.opens_news_item(contents[index]):
                walk.reset(index)  # an attachment or a news item numbers its headings afresh
    owner = [0] * len(paragraphs)
    for article in articles:
        owner[article.start : article.end] = [article.index] * (article.end - article.start)
    blocks = [Block(i, p, kinds[i], owner[i], headings.get(i), ends_sentence(p.text))
              for i, p in enumerate(paragraphs)]
    structure = Structure(blocks, articles, sequences=walk.sequences())
    _find_enumerations(structure, doc.text)
    return structure


def _contents_ends(texts: list[str], markers: list[lines.Marker | None],
                   numbered: list[int]) -> set[int]:
    """The last headings of tables of contents: headings in a row with nothing between them and
    no sentence end (``## 第一章 总则`` … ``## 第八章 附则``), at least one of which the body
    repeats. A run that goes on into the body ends where the numbering restarts."""
    last_seen: dict[tuple[object, int, str], int] = {}
    for index in numbered:
        last_seen[_entry_key(texts[index], markers[index])] = index
    ends: set[int] = set()
    if len(last_seen) < _CONTENTS_MIN:
        return ends  # fewer distinct headings than a table of contents lists
    # Runs of entries (headings on lines of their own, without a stop) on consecutive lines;
    # any other line ends a run, and a run is judged at the line that ends it (one running to
    # the file's end is not).
    run: list[tuple[int, lines.Marker]] = []
    for index in numbered:
        marker = markers[index]
        if marker.inline or texts[index][-1] in _ENTRY_END:
            continue  # (ends the run before it, if any, as every other line does)
        if run and run[-1][0] == index - 1:
            run.append((index, marker))
            continue
        if run:
            _judge(run, texts, last_seen, ends)
        run = [(index, marker)]
    if run and run[-1][0] + 1 < len(texts):
        _judge(run, texts, last_seen, ends)
    return ends


def _judge(run: list[tuple[int, lines.Marker]], texts: list[str],
           last_seen: dict[tuple[object, int, str], int], ends: set[int]) -> None:
    """Add the last entry of a run of headings to ``ends`` when it is a table of contents."""
    if len(run) < _CONTENTS_MIN:  # too short for contents, whatever its numbering
        return
    contents = _contents(run)
    if _is_contents(contents) and any(
            last_seen[_entry_key(texts[i], m)] > contents[-1][0] for i, m in contents):
        ends.add(contents[-1][0])


def _entry_key(text: str, marker: lines.Marker) -> tuple[object, int, str]:
    return marker.level, marker.number, lines.compact(text[marker.end : marker.title_end])


def _is_contents(entries: list[tuple[int, lines.Marker]]) -> bool:
    """At least three entries at the level of the first, none shallower than it."""
    if len(entries) < _CONTENTS_MIN:
        return False
    top = entries[0][1].level
    return all(m.level >= top for _, m in entries) \
        and sum(1 for _, m in entries if m.level == top) >= _CONTENTS_MIN


def _contents(run: list[tuple[int, lines.Marker]]) -> list[tuple[int, lines.Marker]]:
    """The entries of a run of headings before its numbering restarts."""
    last: dict[object, int] = {}
    for position, (_, marker) in enumerate(run):
        if marker.number <= last.get(marker.level, 0):
            return run[:position]
        last[marker.level] = marker.number
    return run


def _split(texts: list[str], kinds: list[Kind], markers: list[lines.Marker | None],
           ordinals: dict[int, lines.ArticleMarker]) -> list[_Range]:
    """Article ranges, by the readings real compilations support:

    - a ``第N篇：…`` line starts an article, unless nothing but a teaser line, page chrome or
      another marker line came before it in the current one (the teaser of a template site
      repeats the heading; it is not an article of its own);
    - an opening salutation (``同志们：``) starts one in an article that already had its own
      salutation, a heading or some body text, and takes the title lines just above it; but a
      bare salutation after which the headings number on from the article's own (``（一）``,
      ``各位代表：``, ``（二）``) is the speaker turning to the audience within one speech;
    - a title line over a dateline in brackets (``（一九六二年二月六日）``) starts one after
      another article's body, as selected works string their pieces together.
    """
    starts: list[tuple[int, Opening]] = [(0, Opening.FIRST)]
    greeted = False  # the current article has had its salutation, a heading or enough body
    content = False  # the current article has had a salutation, a heading or body text
    body = 0
    numbered: dict[Level, int] = {}  # the current article's last heading number per level
    salutation, dateline, heading, prose = Kind.SALUTATION, Kind.DATELINE, Kind.HEADING, Kind.BODY
    for index, kind in enumerate(kinds):
        if index in ordinals:
            if content:
                starts.append((index, Opening.MARKER))
            greeted, content, body = False, False, 0
            numbered = {}
        elif kind is salutation:
            start = index
            while start - 1 > starts[-1][0] and kinds[start - 1] in (Kind.LABEL, Kind.DATELINE):
                start -= 1
            dated = any(kinds[i] is Kind.DATELINE for i in range(start, index))
            if (greeted or body >= _SPLIT_BODY) and lines.opens_article(texts[index], dated) \
                    and not (start == index and _numbers_on(kinds, markers, index, numbered)):
                starts.append((start, Opening.SALUTATION))
                body = 0
                numbered = {}
            greeted = content = True
        elif kind is dateline:
            start = _titled_head(texts, kinds, index, starts[-1][0]) if body else index
            if start < index and _body_follows(kinds, index):
                starts.append((start, Opening.DATELINE))
                greeted, content, body = False, False, 0
        elif kind is heading:
            greeted = content = True
            marker = markers[index]
            if marker is not None and not marker.inline:
                numbered[marker.level] = marker.number
        elif kind is prose:
            body += len(texts[index])
            content = True
    ranges: list[_Range] = []
    for number, (start, opening) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(kinds)
        if end > start:
            marker = next((i for i in range(start, end) if i in ordinals), None)
            if marker is not None and any(kinds[i] in _CONTENT for i in range(start, marker)):
                marker = None
            ranges.append(_Range(start, end, opening, marker))
    return ranges or [_Range(0, 0, Opening.FIRST, None)]


def _numbers_on(kinds: list[Kind], markers: list[lines.Marker | None], salutation: int,
                numbered: dict[Level, int]) -> bool:
    """The first heading after the salutation goes on from the article's own numbering at its
    level (``（二）`` after ``（一）``): the same speech, not a new one that starts at one."""
    for index in range(salutation + 1, len(kinds)):
        if kinds[index] is Kind.SALUTATION:
            return False
        marker = markers[index]
        if kinds[index] is Kind.HEADING and marker is not None and not marker.inline:
            return marker.number > 1 and numbered.get(marker.level) == marker.number - 1
    return False


def _titled_head(texts: list[str], kinds: list[Kind], dateline: int, floor: int) -> int:
    """Where the title lines over a bracketed dateline begin (``dateline`` when there are
    none): a dateline under a title after a body opens a new piece of selected works."""
    if not lines.is_head_dateline(texts[dateline]):
        return dateline
    start = dateline
    while start - 1 > floor and dateline - start < _HEAD_TITLES \
            and _title_like(texts[start - 1], kinds[start - 1]):
        start -= 1
    if start == dateline:
        return dateline
    while start - 1 > floor and kinds[start - 1] is Kind.LABEL and lines.is_chrome(texts[start - 1]):
        start -= 1  # a page's chrome above its title goes with the page
    return start


def _title_repeated(texts: list[str], index: int, end: int, titles: list[int],
                    teaser: str) -> int:
    """How many lines from ``index`` on, joined, say the first title again: the page's headline
    printed over its text, broken into display lines (``某部原副部长李某某`` ⏎ ``严重违纪被开除
    党籍``). Under a ``teaser`` the page cut short (``某部原副部长李某某严...``), the lines begin
    with what it kept and stop before the text's first sentence. 0 when they do not."""
    if titles:
        title, whole = lines.key(texts[titles[0]]), True
    elif teaser:
        title, whole = lines.key(lines.ELLIPSIS_END.sub("", teaser)), False
    else:
        return 0
    said = ""
    for line in range(index, min(end, index + _HEAD_TITLES)):
        if _SENTENCE_MARK.search(texts[line]):
            return 0
        said += lines.key(texts[line])
        if whole and not title.startswith(said):
            return 0
        if said == title or (not whole and len(said) > len(title) and said.startswith(title)
                             and line > index):
            return line - index + 1
    return 0


def _title_like(text: str, kind: Kind) -> bool:
    return (kind in (Kind.LABEL, Kind.TITLE) and lines.looks_like_title(text)) \
        or (kind is Kind.BODY and lines.could_be_title(text))


def _body_follows(kinds: list[Kind], dateline: int) -> bool:
    """Prose, a heading or a salutation follows within a few lines (a signature's date at the
    end of a document opens nothing)."""
    return any(k in _CONTENT for k in kinds[dateline + 1 : dateline + 1 + _HEAD_TITLES + 1])


def _head(number: int, found: _Range, texts: list[str], kinds: list[Kind],
          ordinals: dict[int, lines.ArticleMarker], paragraphs: list[Paragraph]) -> Article:
    """Read an article's head: title lines, byline, dateline and salutation, up to the body."""
    start, end = found.start, found.end
    titles: list[int] = []
    salutation: int | None = None
    dated = False
    index = start
    while index < end:
        kind, text = kinds[index], texts[index]
        if kind is Kind.SALUTATION:
            salutation = index
            index += 1
            break
        if kind is Kind.BODY and lines.is_addressee(text) and index + 1 < end:
            kinds[index] = Kind.SALUTATION
            salutation = index
            index += 1
            break
        if kind is Kind.BODY and not dated and index + 1 < end \
                and kinds[index + 1] is Kind.DATELINE and lines.could_be_title(text) \
                and lines.is_head_dateline(texts[index + 1]):
            kinds[index] = kind = Kind.TITLE  # a title with a comma: 排除干扰，继续前进
        if kind is Kind.BODY and index == 0 and index + 1 < end \
                and paragraphs[1].line > paragraphs[0].line + 1 and lines.could_be_headline(text) \
                and restated(text, texts[1]):
            kinds[index] = kind = Kind.TITLE  # a headline with a comma over a blank line
        if kind in (Kind.BODY, Kind.HEADING):
            teaser = texts[start] if kinds[start] is Kind.SUMMARY else ""
            repeated = _title_repeated(texts, index, end, titles, teaser)
            if not repeated:
                break
            for line in range(index, index + repeated):
                kinds[line] = Kind.TITLE
            titles.extend(range(index, index + repeated))
            index += repeated
            continue
        if kind is Kind.TITLE:
            titles.append(index)
        elif kind is Kind.DATELINE:
            dated = True
        elif kind is Kind.LABEL and not lines.is_chrome(text) \
                and not lines.is_document_number(text):
            if titles and lines.looks_like_byline(text, dated):
                kinds[index] = Kind.BYLINE
            elif lines.looks_like_title(text):
                kinds[index] = Kind.TITLE
                titles.append(index)
        index += 1
    ordinal = ordinals.get(found.marker) if found.marker is not None else None
    ordinal_span = None
    if ordinal is not None and found.marker is not None:
        base = paragraphs[found.marker].span.start
        ordinal_span = Span(base + ordinal.start, base + ordinal.end)
    return Article(number, start, end, ordinal.number if ordinal else None, ordinal_span,
                   tuple(titles), salutation, index, found.marker, found.opening)


def _find_enumerations(structure: Structure, text: str) -> None:
    """Enumeration items and announcements of the prose blocks (the text is scanned once)."""
    blocks = structure.blocks
    starts = [b.span.start for b in blocks]

    def prose_block(span: Span) -> Block | None:
        index = bisect.bisect_right(starts, span.start) - 1
        if index < 0:
            return None
        block = blocks[index]
        return block if block.is_prose and span.end <= block.span.end else None

    places = enumerations.candidates(text)  # one scan for the three kinds
    for style, number, span in enumerations.items(text, places.items):
        block = prose_block(span)
        if block is not None:
            lead = span.start == block.span.start and block.kind is Kind.BODY
            structure.enumerations.append(Enumeration(style, number, span, block.index, lead))
    found: list[Announcement] = []
    for count, span in enumerations.spoken_counts(text, places.spoken):
        block = prose_block(span)
        if block is not None:
            found.append(Announcement(count, span, block.index))
    spoken = {a.span.end for a in found}
    for count, span in enumerations.closing_counts(text, places.closing):
        block = prose_block(span)
        if block is not None and not any(span.start < end <= span.end for end in spoken):
            found.append(Announcement(count, span, block.index, closing=True))
    for block in blocks:
        text = block.text
        if (text[0] == "“" or "”" in text[-3:]) and block.is_prose:  # cheap test first
            found.extend(enumerations.quoted_count(text, block.span.start, block.index))
    structure.announcements.extend(sorted(found, key=lambda a: a.span.start))

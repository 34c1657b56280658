"""Build the structure model: classify lines, split the file into articles, read each article's
head, walk its headings into sequences of siblings, and place enumerations on their blocks."""

from __future__ import annotations

import bisect

from doclint.core.document import Document, Span
from doclint.core.text import Paragraph, Paragraphs
from doclint.rules.structure import enumerations, lines
from doclint.rules.structure.classify import classify
from doclint.rules.structure.model import (
    Announcement,
    Article,
    Block,
    Enumeration,
    Heading,
    Kind,
    Structure,
)
from doclint.rules.structure.outline import Outline

_SPLIT_BODY = 300  # body characters after which a salutation opens a new article


def build(doc: Document) -> Structure:
    paragraphs = doc.facts(Paragraphs).items
    texts = [p.text for p in paragraphs]
    kinds: list[Kind] = []
    markers: list[lines.Marker | None] = []
    ordinals: dict[int, lines.ArticleMarker] = {}
    for index in range(len(texts)):
        kind, marker, article = classify(texts, index)
        kinds.append(kind)
        markers.append(marker)
        if article is not None:
            ordinals[index] = article
    contents = [text[lines.content_start(text):] for text in texts]
    ranges = _split(contents, kinds, ordinals)
    articles = [_head(number, start, end, contents, kinds, ordinals, paragraphs)
                for number, (start, end) in enumerate(ranges)]
    walk = Outline()
    headings: dict[int, Heading] = {}
    for article in articles:
        walk.reset()
        for index in range(article.start, article.end):
            marker = markers[index]
            if marker is not None and kinds[index] is Kind.HEADING:
                headings[index] = walk.add(index, marker, paragraphs[index])
    owner = [0] * len(paragraphs)
    for article in articles:
        owner[article.start : article.end] = [article.index] * (article.end - article.start)
    blocks = [Block(i, p, kinds[i], owner[i], headings.get(i)) for i, p in enumerate(paragraphs)]
    structure = Structure(blocks, articles, sequences=walk.sequences())
    _find_enumerations(structure, doc.text)
    return structure


def _split(texts: list[str], kinds: list[Kind],
           ordinals: dict[int, lines.ArticleMarker]) -> list[tuple[int, int]]:
    """Article ranges: a compilation marker starts one, and so does an opening salutation in an
    article that already had its own salutation, a heading or some body text. The salutation
    takes the title lines just above it into its article.
    """
    starts = [0]
    greeted = False  # the current article has had its salutation, a heading or enough body
    body = 0
    for index, kind in enumerate(kinds):
        if index in ordinals:
            if index > starts[-1]:
                starts.append(index)
            greeted, body = False, 0
        elif kind is Kind.SALUTATION:
            start = index
            while start - 1 > starts[-1] and kinds[start - 1] in (Kind.LABEL, Kind.DATELINE):
                start -= 1
            dated = any(kinds[i] is Kind.DATELINE for i in range(start, index))
            if (greeted or body >= _SPLIT_BODY) and lines.opens_article(texts[index], dated):
                starts.append(start)
                body = 0
            greeted = True
        elif kind is Kind.HEADING:
            greeted = True
        elif kind is Kind.BODY:
            body += len(texts[index])
    ends = [*starts[1:], len(kinds)]
    return [(s, e) for s, e in zip(starts, ends, strict=True) if e > s] or [(0, 0)]


def _head(number: int, start: int, end: int, texts: list[str], kinds: list[Kind],
          ordinals: dict[int, lines.ArticleMarker], paragraphs: list[Paragraph]) -> Article:
    """Read an article's head: title lines, byline, dateline and salutation, up to the body."""
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
        if kind in (Kind.BODY, Kind.HEADING):
            break
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
    ordinal = ordinals.get(start)
    ordinal_span = None
    if ordinal is not None:
        base = paragraphs[start].span.start
        ordinal_span = Span(base + ordinal.start, base + ordinal.end)
    return Article(number, start, end, ordinal.number if ordinal else None, ordinal_span,
                   tuple(titles), salutation, index)


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

    for style, number, span in enumerations.items(text):
        block = prose_block(span)
        if block is not None:
            lead = span.start == block.span.start and block.kind is Kind.BODY
            structure.enumerations.append(Enumeration(style, number, span, block.index, lead))
    found: list[Announcement] = []
    for count, span in enumerations.spoken_counts(text):
        block = prose_block(span)
        if block is not None:
            found.append(Announcement(count, span, block.index))
    for block in blocks:
        text = block.text
        if (text[0] == "“" or "”" in text[-3:]) and block.is_prose:  # cheap test first
            found.extend(enumerations.quoted_count(text, block.span.start, block.index))
    structure.announcements.extend(sorted(found, key=lambda a: a.span.start))

"""Whether wording with a generic noun names an event marker's event.

Some events share their noun with others: ``奥运会`` is every Games, ``冬奥会`` every Winter Games,
``世博会`` every Expo. ``为世界各国办好奥运会``, said about any Games, is not the Beijing 2008 task.
A marker that lists ``names`` (北京, 2008年, 第29届) counts such wording as its own only when

* a name stands in the wording's clause (``北京将举办举世瞩目的奥运会``);
* the title of its document names the event (the document is about it); or
* its document names the event elsewhere and no other event sharing the noun (``rivals``:
  巴黎奥运会, 北京冬奥会): a speech that wrote ``北京冬奥会`` once may later say ``冬奥会``.
"""

from __future__ import annotations

from doclint.core.document import Document, Span
from doclint.rules.structure.compilation import Compilation
from doclint.rules.years.framing import clause_around
from doclint.rules.years.markers import EraMarker


class EventNames:
    """Per document: which parts name which events, worked out when first asked."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._parts = doc.facts(Compilation)
        self._known: dict[tuple[str, int], bool] = {}

    @classmethod
    def from_document(cls, doc: Document) -> EventNames:
        return cls(doc)

    def named(self, marker: EraMarker, sentence: Span, span: Span) -> bool:
        """Whether the wording at ``span`` (in ``sentence``) is about ``marker``'s event."""
        if marker.names is None:
            return True
        text = self._doc.text
        clause = clause_around(text, sentence, span)
        if marker.names.search(text, clause.start, clause.end):
            return True
        part = self._parts.part_at(span.start)
        key = (marker.id, part.index)
        if key not in self._known:
            self._known[key] = self._part_is_about(marker, part.span, [t.text for t in part.titles])
        return self._known[key]

    def _part_is_about(self, marker: EraMarker, part: Span, titles: list[str]) -> bool:
        text = self._doc.text
        if any(pattern.search(title) for title in titles for pattern in marker.patterns):
            return True
        if not any(pattern.search(text, part.start, part.end) for pattern in marker.patterns):
            return False
        return marker.rivals is None or not marker.rivals.search(text, part.start, part.end)

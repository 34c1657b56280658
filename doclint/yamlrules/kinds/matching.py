"""Rule types that report each match: existence, substitution, repetition."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core.candidates import Candidates
from doclint.core.diagnostic import Finding
from doclint.core.document import Document
from doclint.yamlrules.kinds.base import Hit, PackRule, span_of, without_overlaps
from doclint.yamlrules.params import REPEAT_GROUP
from doclint.yamlrules.patterns import UserPattern

# A wrong form counts as a document's house style only when it is used at least this often:
# one slip in a short text is a slip, not a style.
HOUSE_STYLE_MIN = 2


class ExistenceRule(PackRule):
    """Any match of any token is a finding."""

    abstract = True

    def find(self, doc: Document) -> Iterator[Finding]:
        hits: list[Hit] = []
        for pattern in self.spec.params["tokens"]:
            hits.extend(self.hits(doc, pattern))
        style = self.spec.params["house_style"]
        if style is not None and len(hits) >= HOUSE_STYLE_MIN \
                and is_house_style(len(hits), count(style, doc)):
            return
        for hit in without_overlaps(hits):
            yield self.report(span_of(hit), match=hit[1].group())


class SubstitutionRule(PackRule):
    """A match of a ``swap`` key is replaced by its value (``\\1`` refers to the key's groups)."""

    abstract = True

    def find(self, doc: Document) -> Iterator[Finding]:
        hits: list[Hit] = []
        replacements: dict[int, str] = {}
        by_form: dict[str, list[Hit]] = {}
        style = self.spec.params["house_style"]
        heads = style if isinstance(style, tuple) else None
        for number, (pattern, right, is_template) in enumerate(self.spec.params["swap"]):
            found = by_form.setdefault(heads[number] if heads else "", [])
            for hit in self.hits(doc, pattern):
                replacement = hit[1].expand(right) if is_template else right
                if replacement != hit[1].group():
                    found.append(hit)
                    replacements[id(hit[1])] = replacement
        for form, found in by_form.items():
            # NOTE: the right form is counted only where the wrong one may be a style: fewer
            # than HOUSE_STYLE_MIN uses never are, and most forms have none.
            right_uses = (None if len(found) < HOUSE_STYLE_MIN else
                          doc.text.count(form) if heads else
                          count(style, doc) if style is not None else None)
            if right_uses is None or not is_house_style(len(found), right_uses):
                hits.extend(found)
            elif form:  # a wrong form holding the right one (“走在前"): a mix, never a style
                hits.extend(hit for hit in found if form in hit[1].group())
        for hit in without_overlaps(hits):
            span, wrong = span_of(hit), hit[1].group()
            right = replacements[id(hit[1])]
            yield self.report(span, match=wrong, replacement=right,
                              fix=self.fix_for(span, right, wrong))


def is_house_style(wrong: int, right: int) -> bool:
    """Whether a wrong form used ``wrong`` times beside ``right`` uses of the right form is
    the document's own consistent way of writing it (at least twice, and not the minority)."""
    return wrong >= HOUSE_STYLE_MIN and wrong >= right


def count(pattern: UserPattern, doc: Document) -> int:
    """The matches of ``pattern`` in the whole document."""
    return sum(1 for _ in pattern.finditer(doc.text, doc.facts(Candidates)))


class RepetitionRule(PackRule):
    """The same token twice or more in a row; the whole run is one finding."""

    abstract = True

    def find(self, doc: Document) -> Iterator[Finding]:
        for hit in self.hits(doc, self.spec.params["tokens"]):
            match = hit[1]
            token = match.group(REPEAT_GROUP)
            span = span_of(hit)
            yield self.report(span, match=match.group(), token=token,
                              count=len(match.group()) // max(len(token), 1),
                              fix=self.fix_for(span, token, match.group()))

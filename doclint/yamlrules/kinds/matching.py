"""Rule types that report each match: existence, substitution, repetition."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core.diagnostic import Finding
from doclint.core.document import Document
from doclint.yamlrules.kinds.base import Hit, PackRule, span_of, without_overlaps
from doclint.yamlrules.params import REPEAT_GROUP


class ExistenceRule(PackRule):
    """Any match of any token is a finding."""

    abstract = True

    def check(self, doc: Document) -> Iterator[Finding]:
        hits: list[Hit] = []
        for pattern in self.spec.params["tokens"]:
            hits.extend(self.hits(doc, pattern))
        for hit in without_overlaps(hits):
            yield self.report(span_of(hit), match=hit[1].group())


class SubstitutionRule(PackRule):
    """A match of a ``swap`` key is replaced by its value (``\\1`` refers to the key's groups)."""

    abstract = True

    def check(self, doc: Document) -> Iterator[Finding]:
        hits: list[Hit] = []
        replacements: dict[int, str] = {}
        for pattern, right, is_template in self.spec.params["swap"]:
            for hit in self.hits(doc, pattern):
                replacement = hit[1].expand(right) if is_template else right
                if replacement != hit[1].group():
                    hits.append(hit)
                    replacements[id(hit[1])] = replacement
        for hit in without_overlaps(hits):
            span, wrong = span_of(hit), hit[1].group()
            right = replacements[id(hit[1])]
            yield self.report(span, match=wrong, replacement=right,
                              fix=self.fix_for(span, right, wrong))


class RepetitionRule(PackRule):
    """The same token twice or more in a row; the whole run is one finding."""

    abstract = True

    def check(self, doc: Document) -> Iterator[Finding]:
        for hit in self.hits(doc, self.spec.params["tokens"]):
            match = hit[1]
            token = match.group(REPEAT_GROUP)
            span = span_of(hit)
            yield self.report(span, match=match.group(), token=token,
                              count=len(match.group()) // max(len(token), 1),
                              fix=self.fix_for(span, token, match.group()))

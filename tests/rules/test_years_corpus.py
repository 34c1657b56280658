"""False-alarm guard: the Y family on the real documents of ../shared/corpus/real.

Every finding there was read by hand (see the family's report); this test pins the count so
a change that adds false alarms fails. Skipped when the shared corpus is absent.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from doclint.core import Document
from doclint.core.linter import ActiveRule, lint_document
from doclint.rules.years import RULES
from doclint.rules.years.docyear import DocumentYears

# Judged correct after reading: a scraped 1990 report that writes its years both ways (Y502 x2),
# a full-width hyphen in “２００９－２０１１年” in six copies of the 2010 report (Y503, grouped
# into one finding).
ALLOWED = Counter({"Y502": 2, "Y503": 1})


@pytest.fixture
def corpus(shared: Path) -> Path:
    folder = shared / "corpus" / "real"
    if not folder.is_dir():
        pytest.skip("no real corpus")
    return folder


def test_findings_on_real_documents(corpus: Path) -> None:
    rules = [ActiveRule(rule(), rule.severity) for rule in RULES]
    found: Counter[str] = Counter()
    for path in sorted(corpus.glob("*.txt")):
        doc = Document(path=str(path), source=path.read_text(encoding="utf-8"),
                       settings={"year": None, "era_markers": []})
        diagnostics, crashes = lint_document(doc, rules)
        assert not crashes, (path.name, crashes)
        found.update(d.code for d in diagnostics)
    assert found == ALLOWED


def _inferred(corpus: Path, *, with_name: bool) -> tuple[int, int, int]:
    rows = list(csv.DictReader((corpus / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    right = wrong = 0
    for row in rows:
        path = corpus / row["file"]
        doc = Document(path=str(path) if with_name else "<stdin>",
                       source=path.read_text(encoding="utf-8"), settings={"year": None})
        source = doc.facts(DocumentYears).parts[0].year
        if source is None:
            continue
        year = int(row["year_if_known"])
        if source.allows(year, year):  # an exact year, or a range (a floor) that holds it
            right += 1
        else:
            wrong += 1
    return right, wrong, len(rows)


def test_document_year_matches_the_manifest(corpus: Path) -> None:
    right, wrong, total = _inferred(corpus, with_name=True)
    assert (right, wrong) == (total, 0)


def test_document_year_from_the_text_alone(corpus: Path) -> None:
    # Without the file name the text gives a year it names for itself, or a range from the
    # latest year it treats as lived; a speech that names only later, planned years is wrong.
    right, wrong, total = _inferred(corpus, with_name=False)
    assert right >= total - 5 and wrong <= 3

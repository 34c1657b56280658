"""Family A: checks across the documents of an archive (archive scope, map-reduce shaped).

Each rule's ``collect`` keeps a few bytes per document (a digest, a MinHash signature, paragraph
hashes, the title, a year count) where the document is read; ``combine`` judges them together
in path order, with tables and LSH buckets rather than comparisons of every pair. Facts
depend on the text alone (never on the path), so cached facts stay valid. Checking a single
document costs only the collects: every combine needs two documents to find anything, and
datasketch is imported only then.

- A101 exact copies; A102 near copies (MinHash/LSH, datasketch; off by default);
  A103 a paragraph reused across many documents; A104 one title on different texts;
  A105 an archive whose documents all write one year (anonymised).
"""

from __future__ import annotations

from doclint.rules.archive.duplicate_title import DuplicateTitleAcrossFiles
from doclint.rules.archive.exact_duplicate import DuplicateDocument
from doclint.rules.archive.near_duplicate import NearDuplicateDocument
from doclint.rules.archive.reused_paragraph import ReusedParagraph
from doclint.rules.archive.uniform_year import UniformArchiveYear

RULES: list[type] = [
    DuplicateDocument,
    NearDuplicateDocument,
    ReusedParagraph,
    DuplicateTitleAcrossFiles,
    UniformArchiveYear,
]

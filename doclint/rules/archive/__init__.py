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

from doclint.rules import family

# RULES and each rule class by name, its module imported on first use (module:Class).
__getattr__ = family(__name__, (
    "exact_duplicate:DuplicateDocument",
    "near_duplicate:NearDuplicateDocument",
    "reused_paragraph:ReusedParagraph",
    "duplicate_title:DuplicateTitleAcrossFiles",
    "uniform_year:UniformArchiveYear",
))

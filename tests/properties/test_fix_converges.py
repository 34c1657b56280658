"""Property test: ``--fix`` converges. A second run changes nothing.

Random documents (plain text and Markdown) are built from fragments with fixable defects,
written in UTF-8, GBK or GB18030 with LF or CRLF line endings. They are fixed as ``doclint check --fix`` fixes them
(``Fixer``: re-lint, roll back, loop until stable), with and without ``--unsafe-fixes``. The
encoding and the line endings must survive, and fixing the result again must change nothing.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from doclint.core.config import Config  # noqa: E402
from doclint.runner.engine import Engine  # noqa: E402
from doclint.runner.session import CheckOptions, Fixer  # noqa: E402

# Every fragment encodes in GBK, so one document can be written in all three encodings.
FRAGMENTS = [
    "经研究", "现将有关事项通知如下", ",", ".", ":", ";", "?", "，", "。", "；", "、等", "等",
    "(", ")", "（", "）", '"', "“", "”", "「", "」", "。。", "，，", "...", "……", "--",
    "2021-2025年", "国发[2024]1号", "增长12.5%", "增长12.5％", "占比３．６", "１２３", "08年",
    "20 48亿元", "增长 52%", "13.7 %", "1、", "一．", "（一）、", "GDp", "cpi", "&nbsp;", "<p>",
    "</p>", "在全县工作会议上的讲话", "同志们：", "全面推进 乡村振兴", "\n", "\n\n", "　　",
    # Markdown: code is never checked (so never fixed), and a suppressed finding is not fixed.
    "```\n", "`a,b`", "# ", "<!-- doclint-disable-next-line BD004 -->\n",
]
LINES = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=24).map("".join)
SETTINGS = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


@functools.cache
def engine() -> Engine:
    return Engine(Config())


def fix_file(path: Path, unsafe: bool) -> int:
    """Fix ``path`` as ``doclint check --fix`` would; return the number of fixes applied."""
    fixer = Fixer(engine(), CheckOptions(fix=True, unsafe_fixes=unsafe), lambda line: None)
    result, _facts = engine().lint_file(str(path))
    if fixer.wants(result):
        fixer.fix(result)
    return fixer.applied


@SETTINGS
@given(text=LINES, codec=st.sampled_from(["utf-8", "gbk", "gb18030"]),
       newline=st.sampled_from(["\n", "\r\n"]), unsafe=st.booleans(),
       suffix=st.sampled_from([".txt", ".md"]))
def test_fix_converges(tmp_path: Path, text: str, codec: str, newline: str,
                       unsafe: bool, suffix: str) -> None:
    text = text.replace("\n", newline)
    path = tmp_path / f"doc-{codec}{suffix}"
    path.write_bytes(text.encode(codec))
    fix_file(path, unsafe)
    once = path.read_bytes()
    fixed = once.decode(codec)  # still in the same encoding
    if "\r\n" in text:
        assert "\n" not in fixed.replace("\r\n", "")  # no bare LF introduced
    else:
        assert "\r" not in fixed
    assert fix_file(path, unsafe) == 0
    assert path.read_bytes() == once  # a second run changes nothing


def test_fix_converges_on_a_known_document(tmp_path: Path) -> None:
    """One document in full: the fixes applied, the encoding (GBK, CRLF) kept."""
    path = tmp_path / "notice.txt"
    path.write_bytes("经研究,现将有关事项通知如下:\r\n一．总体要求。。\r\n".encode("gbk"))
    assert fix_file(path, unsafe=False) == 4
    assert path.read_bytes() == "经研究，现将有关事项通知如下：\r\n一、总体要求。\r\n".encode("gbk")
    assert fix_file(path, unsafe=False) == 0


RUNS = st.lists(st.lists(st.sampled_from([f for f in FRAGMENTS if "\n" not in f]),
                         min_size=1, max_size=4).map("".join), min_size=1, max_size=5)


@settings(max_examples=15, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(RUNS, min_size=1, max_size=4), unsafe=st.booleans())
def test_fix_converges_on_docx(tmp_path: Path, paragraphs: list[list[str]],
                               unsafe: bool) -> None:
    """Word documents: runs keep their formatting (every other run bold), a second run is idle."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for number, text in enumerate(runs):
            paragraph.add_run(text).bold = number % 2 == 1
    path = tmp_path / "doc.docx"
    document.save(str(path))
    fix_file(path, unsafe)
    once = path.read_bytes()
    shape = [[bool(r.bold) for r in p.runs] for p in docx.Document(str(path)).paragraphs]
    assert shape == [[n % 2 == 1 for n in range(len(runs))] for runs in paragraphs]
    assert fix_file(path, unsafe) == 0
    assert path.read_bytes() == once

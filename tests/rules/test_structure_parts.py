"""The one compilation model: where a file's documents start, and that the years, templates and
structure rules all read the same parts."""

from __future__ import annotations

import itertools

import pytest

from doclint.core import Document
from doclint.rules.structure.compilation import Compilation
from doclint.rules.structure.lines import is_issuer_line
from doclint.rules.structure.model import Opening
from doclint.rules.templates.parts import DocumentParts
from doclint.rules.years.docyear import DocumentYears, split_parts


def _doc(text: str) -> Document:
    return Document(path="<case>", source=text, settings={"year": None})


def _starts(text: str) -> list[tuple[int, str]]:
    doc = _doc(text)
    return [(doc.position(p.span.start).line, p.opening.value)
            for p in doc.facts(Compilation).parts]


# 第一篇 with a teaser line, a speech that lost its 第二篇 heading, and 第三篇 with its dateline.
COMPILATION = (
    " 第一篇：在县委全会上的讲话 同志们：这次全会的主要任务是...\n"
    "第一篇：在县委全会上的讲话\n同志们：\n这次全会的主要任务是，总结工作，部署任务。\n"
    " 同志们：\n刚才，县长对全年工作作了部署，我完全同意。\n"
    "第三篇：县委书记王立军在全县政法工作会议上的讲话\n在全县政法工作会议上的讲话\n王 立 军\n"
    "（2019年4月24日）\n同志们：\n2019年，全县政法工作稳中有进。\n"
)


def test_teaser_second_salutation_and_markers() -> None:
    assert _starts(COMPILATION) == [(1, "first"), (5, "salutation"), (7, "marker")]
    doc = _doc(COMPILATION)
    first, second, third = doc.facts(Compilation).parts
    assert (first.ordinal, second.ordinal, third.ordinal) == (1, None, 3)
    assert [t.text for t in first.titles] == ["在县委全会上的讲话"]  # the teaser is no title
    assert second.titles == ()
    assert [t.text for t in third.titles] == ["县委书记王立军在全县政法工作会议上的讲话",
                                              "在全县政法工作会议上的讲话"]
    assert third.title is not None and third.title.text.startswith("县委书记")
    assert COMPILATION[third.body_start:].startswith("2019年，全县")
    assert COMPILATION[first.body_start:].startswith("这次全会")


def test_lookups_by_offset() -> None:
    doc = _doc(COMPILATION)
    parts = doc.facts(Compilation)
    assert parts.is_compilation
    here = COMPILATION.index("刚才")
    assert parts.part_at(here).index == 1 and parts.index_at(0) == 0
    assert parts.same_part(here, COMPILATION.index("我完全同意"))
    assert not parts.same_part(here, COMPILATION.index("稳中有进"))
    spans = parts.spans()
    assert spans[0].start == 0 and spans[-1].end == len(COMPILATION)
    assert all(a.end == b.start for a, b in itertools.pairwise(spans))


# Selected works: each piece is a title over its date in brackets; a note closes each piece.
SELECTED_WORKS = (
    "重要的是做好经常工作\n（一九六一年十二月二十七日）\n"
    "这几年，经常的细致的工作忽略了，要把经常工作建立起来。\n"
    "（这是在一次会议上的讲话要点。）\n"
    "排除干扰，继续前进\n（一九六二年二月六日）?\n"
    "同志们：\n这次会议，是一次意义十分重大的会议。\n"
)


def test_selected_works_pieces_under_their_datelines() -> None:
    assert _starts(SELECTED_WORKS) == [(1, "first"), (5, "dateline")]
    doc = _doc(SELECTED_WORKS)
    second = doc.facts(Compilation).parts[1]
    assert [t.text for t in second.titles] == ["排除干扰，继续前进"]  # a title with a comma
    assert [p.year.year for p in doc.facts(DocumentYears).parts if p.year] == [1961, 1962]


def test_datelines_that_open_nothing() -> None:
    # a signature's bare date at the end, and a dated note under a paragraph of an excerpt
    notice = ("关于做好防汛工作的通知\n各市人民政府：\n现就做好防汛工作通知如下。\n"
              "河北省人民政府办公厅\n2024年6月15日\n")
    excerpts = ("谈话要点\n（一九八○年四月）\n一\n革命是要搞阶级斗争，但不只是搞阶级斗争\n"
                "（一九八○年四月一日同中央负责同志的谈话）\n二\n中国是一个大国，要起更多的作用。\n")
    assert _starts(notice) == [(1, "first")]
    assert _starts(excerpts) == [(1, "first")]


def test_a_dateline_after_a_title_without_a_body_before_opens_nothing() -> None:
    text = "在全县工作会议上的讲话\n（2024年3月5日）\n同志们：\n今天开会。\n"
    assert _starts(text) == [(1, "first")]


def test_every_family_reads_the_same_parts() -> None:
    doc = _doc(COMPILATION)
    compiled = doc.facts(Compilation).spans()
    assert split_parts(doc) == compiled
    assert [p.span for p in doc.facts(DocumentParts).items] == compiled
    assert [p.span for p in doc.facts(DocumentYears).parts] == compiled


def test_template_titles_leave_out_titles_with_commas() -> None:
    doc = _doc(SELECTED_WORKS)
    titles = [[t.text for t in p.titles] for p in doc.facts(DocumentParts).items]
    assert titles == [["重要的是做好经常工作"], []]


def test_openings_are_named() -> None:
    assert {o.value for o in Opening} == {"first", "marker", "salutation", "dateline"}


@pytest.mark.parametrize(("line", "issuer"), [
    ("某某县人民政府办公室", True),
    ("某某局、某某局", True),
    ("中共某某县委 某某县人民政府", True),
    ("市委、市政府", True),
    # a headline whose first item names a post, not a body: a sentence, not joint issuers
    ("某市原市委常委、副市长某某被开除党籍和公职", False),
    ("关于做好春耕生产工作的通知", False),
])
def test_an_issuer_line_names_bodies_only(line: str, issuer: bool) -> None:
    assert is_issuer_line(line) is issuer

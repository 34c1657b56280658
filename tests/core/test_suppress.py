"""Suppression comments (parsed by the Markdown reader) and the anchor fingerprint."""

from __future__ import annotations

from doclint.core.diagnostic import Category, Diagnostic, Message, Severity
from doclint.core.document import LineIndex, Position, Span
from doclint.core.suppress import (
    Anchor,
    DirectiveUse,
    anchor,
    apply_directives,
    parse_directives,
)
from doclint.readers.markdown import read_markdown


def directives(text: str) -> list:
    return [d for _, _, d in parse_directives(text, LineIndex(text))]


def diag(code: str, line: int, column: int, end_column: int | None = None) -> Diagnostic:
    end = Position(line, end_column or column + 2)
    return Diagnostic("a.md", code, "x.y", Category.OTHER, Severity.WARNING,
                      Message("甲", "a"), Span(0, 2), Position(line, column), end)


def test_comment_forms_codes_and_positions() -> None:
    text = ("通知如下。<!-- doclint-disable-line P101 -->\n"
            "<!-- doclint-disable-next-line Y102, T201 -->\n"
            "<!--doclint-disable  N301,P101 -- 引用原文 -->\n"
            "<!-- doclint-enable N301 -->\n"
            "<!-- doclint-enable -->\n"
            "<!-- doclint-disable-file P101 -->\n")
    found = directives(text)
    assert [(d.kind, d.codes, d.start, d.end, d.error) for d in found] == [
        ("disable-line", ("P101",), (1, 6), (1, 40), None),
        ("disable-next-line", ("Y102", "T201"), (2, 1), (2, 46), None),
        ("disable", ("N301", "P101"), (3, 1), (3, 43), None),
        ("enable", ("N301",), (4, 1), (4, 29), None),
        ("enable", (), (5, 1), (5, 24), None),
        ("disable-file", ("P101",), (6, 1), (6, 35), None),
    ]


def test_a_bare_disable_and_an_unknown_kind_are_refused() -> None:
    bare, bare_file, typo, bare_enable = directives(
        "<!-- doclint-disable -->\n<!-- doclint-disable-file -->\n"
        "<!-- doclint-disabel P101 -->\n<!-- doclint-enable -->\n")
    assert bare.error == ("doclint-disable must name the rule codes it hides, e.g. "
                          "<!-- doclint-disable Y102 -->; disabling every rule is not supported")
    assert bare_file.error is not None and bare_file.error.startswith("doclint-disable-file must")
    assert typo.error is not None and typo.error.startswith(
        'unknown suppression comment "doclint-disabel"')
    assert bare_enable.error is None


def test_the_reader_keeps_comments_in_code_as_text_and_blanks_the_others() -> None:
    source = ("<!-- doclint-disable-next-line P101 -->\n请XX单位报送。\n\n"
              "```\n<!-- doclint-disable P101 -->\n```\n")
    doc = read_markdown("a.md", source.encode())
    assert [(d.kind, d.start.line) for d in doc.directives] == [("disable-next-line", 1)]
    assert doc.text.splitlines()[0].strip() == ""
    assert len(doc.text) == len(doc.source)


def test_next_line_ranges_enable_and_file() -> None:
    found = directives("<!-- doclint-disable-next-line P101 -->\n"  # 1
                       "甲\n"                                          # 2
                       "乙\n"                                          # 3
                       "<!-- doclint-disable P101 N301 -->\n"          # 4
                       "丙\n"                                          # 5
                       "<!-- doclint-enable N301 -->\n"                # 6
                       "丁\n"                                          # 7
                       "<!-- doclint-enable -->\n"                     # 8
                       "戊\n"                                          # 9
                       "<!-- doclint-disable-file T601 -->\n")         # 10
    diagnostics = [diag("P101", 2, 1), diag("P101", 3, 1), diag("P101", 5, 1),
                   diag("N301", 5, 1), diag("P101", 7, 1), diag("N301", 7, 1),
                   diag("P101", 9, 1), diag("T601", 1, 1)]
    use = DirectiveUse({})
    kept, hidden = apply_directives(diagnostics, found, use)
    assert [(d.code, d.start.line) for d in kept] == [("P101", 3), ("N301", 7), ("P101", 9)]
    assert hidden == 5
    assert use.hits == {(0, "P101"): 1, (1, "P101"): 2, (1, "N301"): 1, (4, "T601"): 1}
    assert list(use.unused(found)) == []


def test_unused_codes_are_listed_per_code() -> None:
    found = directives("<!-- doclint-disable-next-line P101, N301 -->\n请XX单位报送。\n")
    use = DirectiveUse({})
    apply_directives([diag("P101", 2, 2)], found, use)
    assert [(d.kind, code) for d, code in use.unused(found)] == [("disable-next-line", "N301")]


def test_the_anchor_ignores_line_numbers_and_keeps_context() -> None:
    first = diag("P101", 3, 6, 8)
    moved = diag("P101", 9, 6, 8)
    line = "会议要求，XX部门抓好落实。"
    a, b = anchor(first, {3: line}), anchor(moved, {9: line})
    assert a == Anchor("P101", "XX", line, 5)
    assert a.key() == b.key()
    assert a.context == "会议要求，XX部门抓好落实。"
    assert anchor(first, {3: "会议要求，XX单位抓好落实。"}).key() != a.key()
    assert anchor(diag("N301", 3, 6, 8), {3: line}).key() != a.key()


def test_an_entry_matches_with_any_length_of_context() -> None:
    line = "由2024年的7473万元增加到2024年的9722万元"
    second = Anchor("Y102", "2024年", line, line.rindex("2024年"))
    assert second.matches("Y102", "2024年", "增加到2024年的")
    assert second.matches("Y102", "2024年", None)
    assert not second.matches("Y102", "2024年", "由2024年的")
    assert not second.matches("Y101", "2024年", None)
    first = Anchor("Y102", "2024年", line, 1)
    assert first.matches("Y102", "2024年", "由2024年的")


def test_crlf_documents_place_comments_and_next_lines_alike() -> None:
    source = "# 通知\r\n\r\n<!-- doclint-disable-next-line P101 -->\r\n请XX单位报送。\r\n"
    doc = read_markdown("a.md", source.encode())
    [directive] = doc.directives
    assert (directive.start, directive.end) == ((3, 1), (3, 40))
    kept, hidden = apply_directives([diag("P101", 4, 2)], doc.directives)
    assert (kept, hidden) == ([], 1)

"""Large documents are checked in windows (issue 14, item 2): spans stay exact, the rules that
need the whole document are skipped with one note, and nothing is read whole.

The window is shrunk to a few hundred characters here, so that small generated documents
cross many window boundaries; the memory itself is measured by benchmarks/hostile_bench.py.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from runhelp import Doclint

from doclint.readers.plain import read_plain
from doclint.runner import windows

LOCAL = "BD008,BD009"  # line- and paragraph-scoped pack rules (pairs of quotes and brackets)
CHECK = ["check", "--no-cache", "--jobs", "1", "--format", "json", "--select", LOCAL]


def document(newline: str = "\n", lines: int = 400) -> str:
    """Body lines with an unpaired bracket or quote every 97th line, blank lines between
    some paragraphs: fewer findings per rule than the pack's grouping threshold (5) would
    merge, in any window or in the whole."""
    out = []
    for number in range(lines):
        if number % 97 == 5 and number % 2:
            out.append(f"第{number}条（关于加强管理的意见。")
        elif number % 97 == 5:
            out.append(f"第{number}条关于“加强管理的意见。")
        elif number % 11 == 0:
            out.append("")
        else:
            out.append(f"　　第{number}行正文，全县完成地区生产总值35.6亿元。")
    return newline.join(out) + newline


@pytest.fixture
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(windows, "WINDOW_BYTES", 2048)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 300)


def located(run_json: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"], d["offset"],
             d["end_offset"], json.dumps(d["fix"], sort_keys=True),
             json.dumps(d["related"], sort_keys=True)) for d in run_json["diagnostics"]]


@pytest.mark.parametrize(("newline", "encoding"), [("\n", "utf-8"), ("\r\n", "gbk"),
                                                   ("\r", "utf-8-sig")])
def test_windows_report_the_spans_of_a_whole_check(here: Path, doclint: Doclint,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   newline: str, encoding: str) -> None:
    (here / "big.txt").write_bytes(document(newline).encode(encoding))
    whole = doclint(*CHECK, "big.txt")
    assert whole.err == ""
    monkeypatch.setattr(windows, "WINDOW_BYTES", 2048)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 300)
    split = doclint(*CHECK, "big.txt")
    expected = located(whole.json())
    assert len(expected) == 5
    assert located(split.json()) == expected
    assert split.json()["files"] == whole.json()["files"]  # encoding, hash, chars, newline
    assert split.code == whole.code == 1
    assert split.err == ""  # both rules are local: nothing skipped, nothing to say


def test_the_first_finding_is_where_the_text_says(here: Path, doclint: Doclint,
                                                  small_windows: None) -> None:
    text = document()
    (here / "big.txt").write_text(text, encoding="utf-8")
    diags = doclint(*CHECK, "big.txt").json()["diagnostics"]
    first = diags[0]
    assert (first["code"], first["line"], first["column"]) == ("BD009", 6, 4)
    assert text[first["offset"]:first["end_offset"]] == "（"
    lines = text.splitlines()
    for diag in diags:  # every span, by offset and by line and column, is the same character
        assert text[diag["offset"]] == lines[diag["line"] - 1][diag["column"] - 1]


def test_the_text_report_shows_whole_lines_as_snippets(here: Path, doclint: Doclint,
                                                       small_windows: None) -> None:
    (here / "big.txt").write_text(document(), encoding="utf-8")
    out = doclint("check", "--no-cache", "--jobs", "1", "--select", LOCAL, "big.txt").out
    assert "第5条（关于加强管理的意见。" in out.splitlines()[1]


@pytest.mark.parametrize(("size", "lines", "whole"), [
    (5 * windows.MB, 20_000, True),  # a prose compilation of 5 MB
    (2 * windows.MB, 120_000, False),  # 2 MB of short lines costs more than 6 MB of prose
    (7 * windows.MB, 0, False),  # too large whatever its lines
])
def test_the_cost_of_a_document_counts_its_lines(size: int, lines: int, whole: bool) -> None:
    assert windows.windowed(read_plain, size, lines) is not whole


def test_rules_that_need_the_whole_document_are_skipped_with_one_note(
        here: Path, doclint: Doclint, small_windows: None) -> None:
    (here / "big.txt").write_text(document(), encoding="utf-8")
    (here / "small.txt").write_text(document(lines=10), encoding="utf-8")
    run = doclint("check", "--no-cache", "--jobs", "1", "--format", "json",
                  "--select", f"{LOCAL},BD004,T", "big.txt", "small.txt")
    notes = [line for line in run.err_lines if "note:" in line]
    assert len(notes) == 1
    assert notes[0].startswith(f"doclint: big.txt: note: {len(document()):,} characters in "
                               "401 lines, too large to check whole, checked in ")
    assert "rules that need the whole document were skipped for size (BD004, T" in notes[0]
    assert {d["path"] for d in run.json()["diagnostics"] if d["code"] == "BD004"} <= {
        "small.txt"}
    assert run.code == 1  # a note is not an error


def test_a_single_long_line_is_cut_after_a_sentence_mark(here: Path, doclint: Doclint,
                                                         small_windows: None) -> None:
    sentence = "全县完成地区生产总值35.6亿元，同比增长6.5%。"
    text = sentence * 40 + "关于“加强管理的意见。" + sentence * 40 + "\n"
    (here / "line.txt").write_text(text, encoding="utf-8")
    diags = doclint(*CHECK, "line.txt").json()["diagnostics"]
    start = text.index("“")
    assert [(d["code"], d["line"], d["column"], d["offset"]) for d in diags] == [
        ("BD009", 1, start + 1, start)]


def test_windows_split_text_at_line_breaks_and_never_inside_crlf() -> None:
    text = "一二三。\r\n" * 100
    parts = list(windows.windows(io.BytesIO(text.encode("gbk")), "gbk", size=37))
    assert "".join(parts) == text
    assert all(part.endswith("\r\n") for part in parts)
    assert max(map(len, parts)) <= 37


def test_markdown_windows_end_outside_code_fences() -> None:
    block = "正文。\n\n```\n代码一\n代码二\n```\n\n"
    parts = list(windows.windows(io.BytesIO((block * 50).encode()), "utf-8", markdown=True,
                                 size=40))
    assert "".join(parts) == block * 50
    assert all(part.count("```") % 2 == 0 for part in parts)


def test_a_file_that_grows_while_it_is_read_in_windows_is_refused() -> None:
    data = ("正文。\n" * 1000).encode()
    with pytest.raises(OSError, match="larger than the size limit"):
        list(windows.windows(io.BytesIO(data), "utf-8", size=100, limit=len(data) - 1))


def test_an_undecodable_large_file_is_refused_with_a_reason(here: Path, doclint: Doclint,
                                                            small_windows: None) -> None:
    data = document().encode("gbk")  # GBK with a byte no encoding tried accepts
    (here / "bad.txt").write_bytes(data[:3000] + b"\x80\x80" + data[3000:])
    run = doclint(*CHECK, "bad.txt")
    assert run.err_lines == [
        "doclint: bad.txt: cannot decode as utf-8 or gb18030 (a document this large is "
        "checked in windows and its encoding must be one of these; force one with --encoding)"]
    assert run.code == 2


def test_fix_leaves_a_windowed_document_alone(here: Path, doclint: Doclint,
                                              small_windows: None) -> None:
    data = document().replace("条（", "条(").encode("utf-8")
    (here / "big.txt").write_bytes(data)
    run = doclint("check", "--no-cache", "--jobs", "1", "--fix", "big.txt")
    assert (here / "big.txt").read_bytes() == data
    skipped = [line for line in run.err_lines if "not applied" in line]
    assert all("checked in windows (larger than 0.00195312 MB), its fixes are not applied" in line
               for line in skipped)


def test_standard_input_is_checked_in_windows_too(here: Path, doclint: Doclint,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    text = document()
    (here / "big.txt").write_text(text, encoding="utf-8")
    whole = located(doclint(*CHECK, "big.txt").json())
    monkeypatch.setattr(windows, "WINDOW_BYTES", 2048)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 300)
    run = doclint(*CHECK, "--stdin-filename", "big.txt", "-", input=text.encode())
    assert located(run.json()) == whole


def test_documents_read_whole_keep_the_old_limit_unless_max_size_is_set() -> None:
    from doclint.core.config import Config
    from doclint.readers.docx import read_docx
    from doclint.readers.plain import read_plain

    config = Config()
    assert windows.whole_limit(config, read_plain) == 64 * windows.MB
    assert windows.whole_limit(config, read_docx) == 10 * windows.MB
    config.max_size = 100
    assert windows.whole_limit(config, read_docx) == 100 * windows.MB
    config.max_size = 0
    assert windows.whole_limit(config, read_docx) is None


def test_markdown_windows_never_start_with_a_front_matter_delimiter() -> None:
    text = "正文一行。\n---\n正文二行。\n" * 60
    parts = list(windows.windows(io.BytesIO(text.encode()), "utf-8", markdown=True, size=50))
    assert "".join(parts) == text
    assert not any(part.startswith("---") for part in parts[1:])


def test_a_large_file_of_mixed_encodings_is_refused_as_a_small_one_is(
        here: Path, doclint: Doclint, small_windows: None) -> None:
    body = document()
    data = body.encode("utf-8") + body.encode("gbk")
    (here / "mixed.txt").write_bytes(data)
    run = doclint(*CHECK, "mixed.txt")
    assert run.err_lines == [
        "doclint: mixed.txt: mixed encodings: line 2 is UTF-8 but line 402 is not "
        "(GB18030?); convert the file to one encoding, or force one with --encoding"]
    assert run.code == 2


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_large_utf16_file_without_a_bom_is_read_in_windows(
        here: Path, doclint: Doclint, monkeypatch: pytest.MonkeyPatch, codec: str) -> None:
    (here / "big.txt").write_bytes(document().encode(codec))
    whole = doclint(*CHECK, "big.txt").json()
    monkeypatch.setattr(windows, "WINDOW_BYTES", 2048)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 300)
    split = doclint(*CHECK, "big.txt").json()
    assert located(split) == located(whole)
    assert split["files"][0]["encoding"] == codec == whole["files"][0]["encoding"]


@pytest.mark.parametrize("block", [7, 100, 1 << 20])
def test_scan_finds_mixed_lines_whatever_the_blocks(monkeypatch: pytest.MonkeyPatch,
                                                    block: int) -> None:
    from doclint.core.encoding import decode
    from doclint.core.errors import ReadError

    monkeypatch.setattr(windows, "_BLOCK", block)
    body = document(lines=60)
    for data in (body.encode() + body.encode("gbk"), body.encode("gbk") + body.encode()):
        with pytest.raises(ReadError) as whole:
            decode(data)
        with pytest.raises(ReadError) as streamed:
            windows.scan(io.BytesIO(data), None)
        assert str(streamed.value) == str(whole.value)
    for data, codec in ((body.encode(), "utf-8"), (body.encode("gbk"), "gb18030")):
        assert windows.scan(io.BytesIO(data), None)[1] == codec


def test_short_lines_make_smaller_windows() -> None:
    """A line costs memory like 48 bytes of text: a window of short lines holds fewer
    characters, a window of prose the full size."""
    short = "短行。\n" * 100_000
    parts = list(windows.windows(io.BytesIO(short.encode()), "utf-8", size=64_000))
    assert "".join(parts) == short
    assert max(map(len, parts)) < 16_000
    prose = ("这是一个很长的段落，" * 40 + "\n\n") * 400
    parts = list(windows.windows(io.BytesIO(prose.encode()), "utf-8", size=64_000))
    assert "".join(parts) == prose
    assert max(map(len, parts)) > 50_000

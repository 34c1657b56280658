"""Start-up: what a one-file check imports and keeps between runs (no timing here)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from doclint.core import regexstore, segmenter


def test_checking_a_small_document_does_not_import_rjieba(tmp_path: Path) -> None:
    """The word segmenter's dictionary takes a fifth of a second to build: a short document
    with a year, a percentage and a heading is settled without it."""
    doc = tmp_path / "one.txt"
    doc.write_text("2024年工作总结\n\n一、总体情况\n今年经济增长5%，比上年提高0.3个百分点。\n",
                   encoding="utf-8")
    code = textwrap.dedent("""
        import json, sys
        from doclint.cli.main import cli
        try:
            cli.main(args=["check", sys.argv[1], "--no-cache"], prog_name="doclint")
        except SystemExit:
            pass
        print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in
                                ("rjieba", "tarfile", "difflib", "html"))))
    """)
    done = subprocess.run([sys.executable, "-c", code, str(doc)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.splitlines()[-1])
    assert "rjieba" not in loaded
    assert "tarfile" not in loaded


def test_available_does_not_import_the_segmenter() -> None:
    code = "import sys; from doclint.core import segmenter; " \
           "print(segmenter.available(), 'rjieba' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["True", "False"]


# Standard-library patterns in the regex store

_RE_PATTERNS = [
    (r"(?m)^[ \t\u3000]*(?P<head>[一二三四五六七八九十]+)、", 0),
    (r"(?<=[。！？])(?:今年|明年)(?P<k0>)|(?<=第)[一二三](?P<k1>)", 0),
    (r"[\u4e00-\u9fff]{2,}?(?=年)", re.IGNORECASE),
    (r"(\d+)\.\1", re.M | re.S),
]


@pytest.fixture
def fresh_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexstore.TABLE, "stored", None)
    monkeypatch.setattr(regexstore.TABLE, "added", {})


@pytest.mark.parametrize(("source", "flags"), _RE_PATTERNS)
def test_stored_re_pattern_equals_a_compiled_one(fresh_store: None,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  source: str, flags: int) -> None:
    first = regexstore.compiled_re(source, flags)
    assert first == re.compile(source, flags)  # re compares the generated code
    regexstore.save()
    monkeypatch.setattr(regexstore.TABLE, "stored", None)

    def no_compiling(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(re, "compile", no_compiling)
    loaded = regexstore.compiled_re(source, flags)
    monkeypatch.undo()
    assert loaded == re.compile(source, flags)
    assert (loaded.groups, loaded.groupindex, loaded.flags) == (first.groups, first.groupindex,
                                                                first.flags)
    text = "一、今年。明年第二3.3年份"
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in first.finditer(text)]


def test_re_and_regex_patterns_of_the_same_text_are_kept_apart(fresh_store: None) -> None:
    assert isinstance(regexstore.compiled_re("年+"), re.Pattern)
    assert not isinstance(regexstore.compiled("年+"), re.Pattern)
    assert isinstance(regexstore.compiled_re("年+"), re.Pattern)


# Segmenter answers kept between runs


@pytest.fixture
def fresh_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segmenter._table(), "stored", None)
    monkeypatch.setattr(segmenter._table(), "added", {})


def test_stored_segmenter_answers_equal_rjiebas(fresh_segments: None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import rjieba

    text = "全面贯彻新发展理念，着力推动高质量发展"
    asked = (segmenter.words(text), segmenter.search_cuts(text), segmenter.tagged(text))
    assert asked[0] == rjieba.tokenize(text, mode="default", hmm=False)
    assert asked[2] == rjieba.tag(text)
    segmenter.save()
    monkeypatch.setattr(segmenter._table(), "stored", None)
    monkeypatch.setattr(segmenter, "_rjieba", lambda: None)  # answered from the store alone
    assert (segmenter.words(text), segmenter.search_cuts(text), segmenter.tagged(text)) == asked
    assert segmenter.first_word(text) == "全面"
    assert segmenter.last_tagged(text) == tuple(asked[2][-1])


def test_corrupt_segment_store_asks_rjieba_again(fresh_segments: None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    text = "应急管理部门"
    expected = segmenter.search_cuts(text)
    segmenter.save()
    stored = segmenter._path()
    stored.write_bytes(stored.read_bytes()[:-5])
    monkeypatch.setattr(segmenter._table(), "stored", None)
    assert segmenter.search_cuts(text) == expected

"""JSON, JSON Lines and GitHub output: exactly the documented fields."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py

DIAGNOSTIC_KEYS = {"path", "code", "name", "category", "severity", "message", "line", "column",
                   "end_line", "end_column", "offset", "end_offset", "related", "fix", "origin"}
RELATED_KEYS = {"path", "line", "column", "end_line", "end_column", "message"}
FIX_KEYS = {"title", "applicability", "safe", "edits"}
EDIT_KEYS = {"offset", "end_offset", "replacement"}
FILE_KEYS = {"path", "encoding", "sha256", "chars", "newline"}
SUMMARY_KEYS = {"files", "unreadable", "diagnostics", "by_severity", "by_category", "by_code",
                "fixable", "unsafe_fixable", "suggestions"}

SPEECH = ("在全县安全生产工作会议上的讲话\r\n在全县安全生产工作会议上的讲话\r\n"
          "增长6.5%，占比32.1％，其余为61.4%。\r\n刚才，XX书记作了重要讲话。\r\n")


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "speech.txt").write_bytes(SPEECH.encode("gb18030"))
    (tmp_path / "clean.md").write_text("# 标题\n\n正文。\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    return tmp_path


def test_json_has_exactly_the_documented_fields(inputs: Path, doclint: Doclint) -> None:
    run = doclint("check", "--format", "json", ".")
    assert run.code == 2
    report = json.loads(run.out)
    assert set(report) == {"version", "diagnostics", "files", "summary"}
    assert report["version"] == 1
    for diag in report["diagnostics"]:
        assert set(diag) == DIAGNOSTIC_KEYS
        assert all(set(r) == RELATED_KEYS for r in diag["related"])
        if diag["fix"] is not None:
            assert set(diag["fix"]) == FIX_KEYS
            assert all(set(e) == EDIT_KEYS for e in diag["fix"]["edits"])
    assert [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"], d["severity"])
            for d in report["diagnostics"]] == [
        ("T601", 2, 1, 2, 16, "warning"), ("N301", 3, 14, 3, 15, "warning"),
        ("P101", 4, 4, 4, 6, "error")]
    t601, n301, _ = report["diagnostics"]
    assert (t601["path"], t601["category"], t601["name"]) == (
        "speech.txt", "duplicate-text", "structure.duplicate-line")
    assert [(r["path"], r["line"], r["column"], r["end_line"], r["end_column"])
            for r in t601["related"]] == [("speech.txt", 1, 1, 1, 16)]
    text = SPEECH
    assert text[n301["offset"] : n301["end_offset"]] == "％"
    assert n301["fix"]["safe"] is True
    assert n301["fix"]["applicability"] == "safe"
    assert n301["fix"]["edits"] == [{"offset": n301["offset"], "end_offset": n301["end_offset"],
                                     "replacement": "%"}]


def test_json_files_and_summary(inputs: Path, doclint: Doclint) -> None:
    report = json.loads(doclint("check", "--format", "json", ".").out)
    files = {f["path"]: f for f in report["files"]}
    assert list(files) == ["clean.md", "image.txt", "speech.txt"]
    assert set(files["clean.md"]) == FILE_KEYS
    assert set(files["image.txt"]) == FILE_KEYS | {"error"}
    speech = files["speech.txt"]
    assert speech == {"path": "speech.txt", "encoding": "gb18030",
                      "sha256": hashlib.sha256(SPEECH.encode("gb18030")).hexdigest(),
                      "chars": len(SPEECH), "newline": "crlf"}
    assert files["image.txt"]["encoding"] is None
    assert files["image.txt"]["sha256"] == hashlib.sha256(b"\x89PNG\x00\x00").hexdigest()
    assert set(report["summary"]) == SUMMARY_KEYS
    assert report["summary"] == {
        "files": 3, "unreadable": 1, "diagnostics": 3,
        "by_severity": {"error": 1, "warning": 2},
        "by_category": {"duplicate-text": 1, "mixed-width": 1, "placeholder": 1},
        "by_code": {"N301": 1, "P101": 1, "T601": 1}, "fixable": 2, "unsafe_fixable": 0,
        "suggestions": 0,
    }


def test_json_messages_follow_lang(inputs: Path, doclint: Doclint) -> None:
    zh = json.loads(doclint("check", "--format", "json", "speech.txt").out)["diagnostics"]
    en = json.loads(doclint("check", "--format", "json", "--lang", "en", "speech.txt").out)
    assert len(zh) == len(en["diagnostics"]) == 3
    for one, other in zip(zh, en["diagnostics"], strict=True):
        assert one["message"] != other["message"]
        for related in other["related"]:
            assert not any("\u4e00" <= c <= "\u9fff" for c in related["message"])


def test_jsonl_is_one_diagnostic_per_line(inputs: Path, doclint: Doclint) -> None:
    whole = json.loads(doclint("check", "--format", "json", ".").out)["diagnostics"]
    run = doclint("check", "--format", "jsonl", ".")
    assert run.code == 2
    lines = run.out.splitlines()
    assert [json.loads(line) for line in lines] == whole
    assert all("\n" not in line for line in lines)


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    odd = tmp_path / "a,b:c%.txt"
    odd.write_text("刚才，XX书记作了重要讲话。\n增长6.5%，占比32.1％，其余为61.4%。\n",
                   encoding="utf-8")
    run = doclint("check", "--format", "github", odd.name)
    assert run.code == 1
    lines = run.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=a%2Cb%3Ac%25.txt,line=1,col=4,endLine=1,endColumn=6,"
                               "title=P101 [placeholder]::P101 ")
    assert lines[1].startswith("::warning file=a%2Cb%3Ac%25.txt,line=2,col=14,endLine=2,"
                               "endColumn=15,title=N301 [mixed-width]::N301 ")


def test_github_info_is_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doclint.yaml").write_text("select: [P101]\nseverity: {P: info}\n",
                                           encoding="utf-8")
    (tmp_path / "a.txt").write_text("刚才，XX书记。\n", encoding="utf-8")
    run = doclint("check", "--format", "github", "a.txt", select=False)
    assert run.out.startswith("::notice file=a.txt,line=1,col=4,")

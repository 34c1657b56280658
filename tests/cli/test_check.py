"""`doclint check`: inputs, options, formats, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from doclint.testing import default_registry

BAD = "刚才，XX书记作了重要讲话。\n"             # P101 (error) at 1:4-1:6
WARN = "增长6.5%，占比32.1％，其余为61.4%。\n"  # N301 (warning) at 1:14-1:15
CLEAN = "坚持稳中求进工作总基调。\n"

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def paths_in(report: str) -> list[str]:
    return [d["path"] for d in json.loads(report)["diagnostics"]]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "docs" / "a.txt", BAD)
    write(tmp_path / "docs" / "sub" / "b.md", BAD)
    write(tmp_path / "docs" / "skip" / "c.txt", BAD)
    write(tmp_path / "docs" / "d.csv", BAD)
    write(tmp_path / "docs" / ".git" / "e.txt", BAD)
    write(tmp_path / "docs" / "clean.txt", CLEAN)
    return tmp_path


def test_directories_are_walked_sorted_with_default_includes(tree: Path, doclint: Doclint) -> None:
    run = doclint("check", "--format", "json", "docs")
    assert run.code == 1
    assert paths_in(run.out) == ["docs/a.txt", "docs/skip/c.txt", "docs/sub/b.md"]
    files = [f["path"] for f in json.loads(run.out)["files"]]
    assert files == ["docs/a.txt", "docs/clean.txt", "docs/skip/c.txt", "docs/sub/b.md"]


def test_include_and_exclude_globs(tree: Path, doclint: Doclint) -> None:
    run = doclint("check", "--format", "json", "--exclude", "skip", "docs")
    assert paths_in(run.out) == ["docs/a.txt", "docs/sub/b.md"]
    run = doclint("check", "--format", "json", "--include", "*.md", "docs")
    assert paths_in(run.out) == ["docs/sub/b.md"]
    run = doclint("check", "--format", "json", "--exclude", "docs/sub/*", "--exclude", "a.txt",
                  "docs")
    assert paths_in(run.out) == ["docs/skip/c.txt"]


def test_include_globs_match_suffixes_in_any_case(tree: Path, doclint: Doclint) -> None:
    write(tree / "docs" / "upper" / "REPORT.TXT", BAD)
    write(tree / "docs" / "upper" / "Notes.Md", BAD)
    run = doclint("check", "--format", "json", "docs/upper")
    assert paths_in(run.out) == ["docs/upper/Notes.Md", "docs/upper/REPORT.TXT"]


def test_a_named_file_is_checked_whatever_its_suffix(tree: Path, doclint: Doclint) -> None:
    run = doclint("check", "--format", "json", "docs/d.csv", "docs/a.txt")
    assert paths_in(run.out) == ["docs/d.csv", "docs/a.txt"]


def test_missing_path_is_one_line_and_exit_2(tree: Path, doclint: Doclint) -> None:
    run = doclint("check", "nowhere.txt")
    assert run.code == 2
    assert run.err_lines == ["doclint: error: nowhere.txt: no such file or directory"]


def test_stdin_with_filename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    run = doclint("check", "-", "--stdin-filename", "speech.txt", input=BAD.encode("gb18030"))
    assert run.code == 1
    assert run.out.startswith("speech.txt:1:4: P101 [placeholder] ")
    run = doclint("check", "--format", "json", "-", input=CLEAN.encode())
    assert run.code == 0
    assert json.loads(run.out)["files"][0]["path"] == "<stdin>"


def test_stdin_filename_meets_per_file_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "doclint.yaml", "select: [P101]\nper-file-ignores:\n  'drafts/*': [P101]\n")
    run = doclint("check", "-", "--stdin-filename", "drafts/x.txt", input=BAD, select=False)
    assert run.code == 0
    run = doclint("check", "-", "--stdin-filename", "final/x.txt", input=BAD, select=False)
    assert run.code == 1


@pytest.fixture
def two_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "bad.txt", BAD)
    write(tmp_path / "warn.txt", WARN)
    return tmp_path


def message_of(line: str, prefix: str) -> str:
    assert line.startswith(prefix), line
    return line[len(prefix):]


def test_text_format(two_files: Path, doclint: Doclint) -> None:
    run = doclint("check", "bad.txt", "warn.txt")
    assert run.code == 1
    assert run.err == ""
    lines = run.out.splitlines()
    assert "XX" in message_of(lines[0], "bad.txt:1:4: P101 [placeholder] ")
    assert lines[1:3] == ["    1 | 刚才，XX书记作了重要讲话。", "      |       ^^"]
    assert message_of(lines[3], "warn.txt:1:14: N301 [mixed-width] ").endswith(" [*]")
    assert lines[4:] == [
        "    1 | 增长6.5%，占比32.1％，其余为61.4%。",
        "      |                   ^^",
        "",
        "共检查 2 个文件，发现 2 个问题（其中 1 个可用 --fix 修复）。",
    ]


def test_lang_en_and_no_source(two_files: Path, doclint: Doclint) -> None:
    zh = doclint("check", "--no-source", "bad.txt", "warn.txt").out.splitlines()
    en = doclint("check", "--lang", "en", "--no-source", "bad.txt", "warn.txt").out.splitlines()
    assert len(en) == 4
    assert en[0].startswith("bad.txt:1:4: P101 [placeholder] ")
    assert en[1].startswith("warn.txt:1:14: N301 [mixed-width] ")
    for line_zh, line_en in zip(zh[:2], en[:2], strict=True):
        assert line_zh != line_en
        assert not any("\u4e00" <= c <= "\u9fff" for c in line_en)
    assert en[2:] == ["", "Found 2 diagnostics in 2 files (1 fixable with --fix)."]


def test_color(two_files: Path, doclint: Doclint) -> None:
    never = doclint("check", "--color", "never", "bad.txt")
    assert "\033[" not in never.out
    always = doclint("check", "--color", "always", "bad.txt")
    assert always.out.startswith("\033[1mbad.txt:1:4:\033[0m \033[1;31mP101\033[0m [placeholder]")
    assert "\033[1;31m^^\033[0m" in always.out
    # auto: not a terminal, so no color
    assert "\033[" not in doclint("check", "bad.txt").out


def test_statistics(two_files: Path, doclint: Doclint) -> None:
    write(two_files / "more.txt", BAD + BAD.replace("XX", "某某"))
    run = doclint("check", "--statistics", "--no-source", "--lang", "en", ".")
    summary = {code: default_registry().get(code).summary.get("en") for code in ("P101", "N301")}
    assert run.out.splitlines()[-4:] == [
        f"     3  P101   [placeholder] {summary['P101']}",
        f"     1  N301   [mixed-width] {summary['N301']}",
        "",
        "Found 4 diagnostics in 3 files (1 fixable with --fix).",
    ]


def test_output_file(two_files: Path, doclint: Doclint) -> None:
    run = doclint("check", "--format", "json", "--output", "out/report.json", "bad.txt")
    assert run.code == 2  # the folder does not exist
    assert run.err_lines[-1].startswith("doclint: error: cannot write out/report.json")
    run = doclint("check", "--format", "json", "--output", "report.json", "bad.txt")
    assert (run.code, run.out) == (1, "")
    assert paths_in((two_files / "report.json").read_text(encoding="utf-8")) == ["bad.txt"]


def test_the_report_file_is_not_checked(two_files: Path, doclint: Doclint) -> None:
    run = doclint("check", "--output", "report.txt", ".")
    report = (two_files / "report.txt").read_text(encoding="utf-8")
    assert run.code == 1
    assert "report.txt:" not in report
    assert report.splitlines()[-1] == "共检查 2 个文件，发现 2 个问题（其中 1 个可用 --fix 修复）。"
    again = doclint("check", "--output", "./report.txt", ".")
    assert again.code == 1
    assert (two_files / "report.txt").read_text(encoding="utf-8") == report


def test_select_and_ignore(two_files: Path, doclint: Doclint) -> None:
    assert paths_in(doclint("check", "--format", "json", "--select", "N", ".").out) == ["warn.txt"]
    assert paths_in(doclint("check", "--format", "json", "--select", "placeholder,mixed-width",
                            "--ignore", "mixed-width", ".").out) == ["bad.txt"]
    assert paths_in(doclint("check", "--format", "json", "--preview", "--select",
                            "placeholder,mixed-width", "--ignore", "mixed-width", ".").out) == [
        "bad.txt"]
    # The most specific selector wins: a code beats a category.
    assert paths_in(doclint("check", "--format", "json", "--select", "P101,N301", "--ignore",
                            "mixed-width", ".").out) == ["bad.txt", "warn.txt"]
    assert paths_in(doclint("check", "--format", "json", "--preview", "--select", "placeholder",
                            "--extend-select", "N3", ".").out) == ["bad.txt", "warn.txt"]
    run = doclint("check", "--select", "Q9", ".")
    assert run.code == 2
    assert run.err_lines == ['doclint: error: unknown rule code, prefix or category "Q9" in select']


def test_exit_codes(two_files: Path, doclint: Doclint) -> None:
    write(two_files / "clean.txt", CLEAN)
    assert doclint("check", "clean.txt").code == 0
    assert doclint("check", "bad.txt").code == 1
    assert doclint("check", "--exit-zero", "bad.txt").code == 0
    assert doclint("check", "--fail-on", "error", "warn.txt").code == 0
    assert doclint("check", "--fail-on", "warning", "warn.txt").code == 1
    assert doclint("check", "--fail-on", "error", "bad.txt").code == 1
    assert doclint("check", "--fail-on", "fatal", "bad.txt").code == 2
    assert doclint("check", "--format", "xml", "bad.txt").code == 2
    assert doclint("check", "--jobs", "0", "bad.txt").code == 2


def test_unknown_format_is_one_line(two_files: Path, doclint: Doclint) -> None:
    run = doclint("check", "--format", "xml", "bad.txt")
    assert run.err_lines == [
        'doclint: error: unknown format "xml" (known: github, html, json, jsonl, sarif, text)']


def test_jobs_1_and_2_give_identical_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    for number in range(12):
        write(tmp_path / f"d{number:02}.txt", [BAD, WARN, CLEAN][number % 3] * (number + 1))
    write(tmp_path / "d99.txt", "\x00binary")
    for fmt in ("text", "json", "jsonl", "sarif", "github"):
        serial = doclint("check", "--jobs", "1", "--format", fmt, ".")
        parallel = doclint("check", "--jobs", "2", "--format", fmt, ".")
        assert serial.out == parallel.out, fmt
        assert serial.err == parallel.err, fmt
        assert serial.code == parallel.code == 2
    assert len(json.loads(serial.out if fmt == "json" else doclint(
        "check", "--format", "json", ".").out)["files"]) == 13


def test_nothing_is_written_without_fix(two_files: Path, doclint: Doclint) -> None:
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in two_files.iterdir()}
    for fmt in ("text", "json", "jsonl", "sarif", "github"):
        doclint("check", "--format", fmt, ".")
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in two_files.iterdir()}
    assert after == before

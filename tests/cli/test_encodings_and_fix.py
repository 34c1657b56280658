"""Encodings end to end: GBK archives, GB18030 beyond GBK, BOMs, binary input, and --fix."""

from __future__ import annotations

import codecs
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

BAD = "刚才，XX书记作了重要讲话。"
PERCENT = "增长6.5%，占比32.1％，其余为61.4%。"
PERCENT_FIXED = "增长6.5%，占比32.1%，其余为61.4%。"
DUPLICATE = "在全县安全生产工作会议上的讲话"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py


def test_gbk_archives_through_the_cli(shared: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, doclint: Doclint) -> None:
    folder = tmp_path / "encodings"
    folder.mkdir()
    for path in sorted((shared / "corpus" / "encodings").glob("*.gbk.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    monkeypatch.chdir(tmp_path)
    run = doclint("check", "--format", "json", "--exit-zero", "encodings")
    assert (run.code, run.err) == (0, "")
    files = json.loads(run.out)["files"]
    assert len(files) == 3
    for entry in files:
        text = (tmp_path / entry["path"]).read_bytes().decode("gbk")
        assert (entry["encoding"], entry["chars"]) == ("gb18030", len(text))


def test_gb18030_beyond_gbk_lands_on_the_right_character(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    text = f"第一行。\n𠀀䶮😀{BAD}\n"
    (tmp_path / "gb.txt").write_bytes(text.encode("gb18030"))
    run = doclint("check", "--format", "json", "gb.txt")
    report = json.loads(run.out)
    assert report["files"][0]["encoding"] == "gb18030"
    [diag] = report["diagnostics"]
    assert (diag["line"], diag["column"], diag["end_line"], diag["end_column"]) == (2, 7, 2, 9)
    assert text[diag["offset"] : diag["end_offset"]] == "XX"
    # Each of 𠀀 䶮 😀 and 刚 才 ， is two cells wide: the carets start 12 cells in.
    assert doclint("check", "gb.txt").out.splitlines()[1:3] == [
        f"    2 | 𠀀䶮😀{BAD}",
        "      | " + " " * 12 + "^^",
    ]


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [(codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
     (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16")],
)
def test_bom_files_report_columns_without_the_bom(
        bom: bytes, codec: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bom.txt").write_bytes(bom + f"{BAD}\r\n".encode(codec))
    report = json.loads(doclint("check", "--format", "json", "bom.txt").out)
    assert report["files"][0]["encoding"] == name
    assert report["files"][0]["chars"] == len(BAD) + 2
    assert [(d["line"], d["column"], d["end_column"]) for d in report["diagnostics"]] == [(1, 4, 6)]


def test_binary_file_among_good_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(PNG)
    (tmp_path / "c.txt").write_bytes((PERCENT + "\n").encode("gb18030"))
    (tmp_path / "d.md").write_text("结尾。\n", encoding="utf-8")
    for jobs in ("1", "2"):
        run = doclint("check", "--jobs", jobs, "--format", "json", ".")
        assert run.code == 2
        assert run.err_lines == ["doclint: b.txt: binary file (contains NUL bytes)"]
        report = json.loads(run.out)
        assert [d["path"] for d in report["diagnostics"]] == ["a.txt", "c.txt"]
        assert [f["path"] for f in report["files"]] == ["a.txt", "b.txt", "c.txt", "d.md"]
        assert report["files"][1]["error"] == "binary file (contains NUL bytes)"
        assert report["summary"]["unreadable"] == 1
    text = doclint("check", "--no-source", ".")
    assert text.code == 2
    assert text.out.splitlines()[-1] == (
        "共检查 4 个文件，发现 2 个问题（其中 1 个可用 --fix 修复）；1 个文件无法读取。")
    # --exit-zero does not hide an unreadable input
    assert doclint("check", "--exit-zero", ".").code == 2


def test_binary_without_nul_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_bytes(bytes(range(1, 32)) * 20 + b"\xff\xfe\x80")
    run = doclint("check", "x.txt")
    assert run.code == 2
    assert run.err_lines == ["doclint: x.txt: binary file (not text in any supported encoding)"]


@pytest.mark.parametrize(
    ("prefix", "codec"),
    [(b"", "gb18030"), (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
     (codecs.BOM_UTF16_BE, "utf-16-be"), (b"", "utf-8")],
)
def test_fix_keeps_encoding_bom_and_crlf(prefix: bytes, codec: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    before = f"𠀀开头\r\n{PERCENT}\r\n{DUPLICATE}\r\n{DUPLICATE}\r\n结尾\r\n"
    after = f"𠀀开头\r\n{PERCENT_FIXED}\r\n{DUPLICATE}\r\n结尾\r\n"
    target = tmp_path / "doc.txt"
    target.write_bytes(prefix + before.encode(codec))
    target.chmod(0o604)
    run = doclint("check", "--fix", "doc.txt")
    # What remains is reported (nothing here), then the count of fixes applied.
    assert run.code == 0
    assert run.out.splitlines()[-1] == "修复了 2 个问题。"
    assert run.err_lines == ["doclint: doc.txt: applied 2 fixes"]
    assert target.read_bytes() == prefix + after.encode(codec)
    assert target.stat().st_mode & 0o777 == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt"]
    again = doclint("check", "--fix", "doc.txt")
    assert (again.code, again.err) == (0, "")


def test_fix_leaves_unfixable_files_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "doc.txt"
    target.write_bytes(f"{BAD}\r\n".encode("gb18030"))
    stamp = target.stat().st_mtime_ns
    run = doclint("check", "--fix", "doc.txt")
    assert (run.code, run.err) == (1, "")
    assert target.stat().st_mtime_ns == stamp


def test_fix_on_markdown_keeps_front_matter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "doc.md"
    target.write_text(f"---\ntitle: 报告\n---\n```\n6％\n```\n{PERCENT}\n", encoding="utf-8")
    doclint("check", "--fix", "doc.md")
    assert target.read_text(encoding="utf-8") == (
        f"---\ntitle: 报告\n---\n```\n6％\n```\n{PERCENT_FIXED}\n")


def test_fix_refuses_a_file_that_does_not_round_trip(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    data = (f"{PERCENT}\n" * 40).encode()[:-2]  # cut inside the last "。"
    target = tmp_path / "cut.txt"
    target.write_bytes(data)
    run = doclint("check", "--fix", "--no-source", "cut.txt")
    assert run.code == 1
    assert run.err_lines == [
        "doclint: cut.txt: 2 fixes not applied: its bytes do not survive decoding as utf-8"]
    assert target.read_bytes() == data

"""Inputs: globs, --files-from, zip and tar archives, broken archives."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from runhelp import Doclint, documents, write_tar, write_zip

from doclint.runner.archives import MemberReader, split_member
from doclint.runner.inputs import Inputs

BAD = "今年是XX年，各项工作要抓紧。\n".encode()


def paths_of(run_out: str) -> list[str]:
    return [line.split(":", 1)[0] for line in run_out.splitlines() if ": P101 " in line]


def test_a_glob_argument_walks_sorted_and_takes_any_suffix(docs: Path, doclint: Doclint) -> None:
    (docs / "2020" / "notes.log").write_bytes(BAD)
    run = doclint("check", "--select", "P101", "--no-source", "docs/**/e*.txt", "docs/*/*.log")
    assert paths_of(run.out) == ["docs/2019/economy-copy.txt", "docs/2019/economy.txt",
                                 "docs/2020/notes.log"]
    run = doclint("check", "--format", "json", "docs/**/*.txt")
    assert [f["path"] for f in run.json()["files"]] == [
        "docs/2019/agriculture.txt", "docs/2019/economy-copy.txt", "docs/2019/economy.txt",
        "docs/2020/economy.txt", "docs/2020/education-gbk.txt", "docs/2020/industry.txt"]


def test_a_glob_that_matches_nothing_is_one_line_and_exit_2(docs: Path, doclint: Doclint) -> None:
    run = doclint("check", "--select", "P101", "docs/2019/economy.txt", "docs/**/*.pdf")
    assert run.code == 2
    assert run.err_lines == ["doclint: docs/**/*.pdf: no file matches this pattern"]
    assert paths_of(run.out) == ["docs/2019/economy.txt"]


def test_a_missing_argument_still_stops_before_any_output(docs: Path, doclint: Doclint) -> None:
    run = doclint("check", "docs", "nowhere.txt")
    assert (run.code, run.out) == (2, "")
    assert run.err_lines == ["doclint: error: nowhere.txt: no such file or directory"]


def test_files_from_a_file_and_from_stdin(docs: Path, doclint: Doclint) -> None:
    listing = "docs/2019/economy.txt\n\ndocs/2020\r\nmissing.txt\n"
    Path("list.txt").write_text(listing, encoding="utf-8")
    for run in (doclint("check", "--format", "json", "--files-from", "list.txt"),
                doclint("check", "--format", "json", "--files-from", "-", input=listing)):
        assert run.code == 2
        assert [f["path"] for f in run.json()["files"]] == [
            "docs/2019/economy.txt", "docs/2020/economy.txt", "docs/2020/education-gbk.txt",
            "docs/2020/industry.txt", "missing.txt"]
        assert run.err_lines == ["doclint: missing.txt: no such file or directory"]
    both = doclint("check", "--files-from", "list.txt", "docs/2019/agriculture.txt",
                   "--format", "json")
    assert both.json()["files"][0]["path"] == "docs/2019/agriculture.txt"
    assert doclint("check", "--files-from", "nope.txt").err_lines == [
        "doclint: error: nope.txt: no such file (--files-from)"]
    assert doclint("check", "-", "--files-from", "list.txt").code == 2


@pytest.mark.parametrize("suffix", [".zip", ".tar.gz", ".tgz", ".tar"])
def test_archives_are_read_member_by_member(suffix: str, docs: Path, doclint: Doclint) -> None:
    members = documents(docs)
    members.append(("2020/image.png", b"\x89PNG\r\n\x1a\n"))  # not a document: not included
    archive = Path("docs" + suffix)
    (write_zip if suffix == ".zip" else write_tar)(archive, members)
    from_archive = doclint("check", "--preview", "--format", "json", str(archive)).json()
    from_folder = doclint("check", "--preview", "--format", "json", "docs").json()
    prefix = f"docs{suffix}!"
    assert [f["path"] for f in from_archive["files"]] == [
        prefix + name for name, _ in members if not name.endswith(".png")]
    strip = {**{d["path"]: d["path"].replace(prefix, "docs/") for d in
                from_archive["diagnostics"]}}
    renamed = [{**d, "path": strip[d["path"]],
                "related": [{**r, "path": r["path"].replace(prefix, "docs/")}
                            for r in d["related"]],
                "message": d["message"].replace(prefix, "docs/")}
               for d in from_archive["diagnostics"]]
    assert renamed == from_folder["diagnostics"]
    assert any(d["code"] == "P101" for d in renamed)
    assert from_archive["summary"] == from_folder["summary"]


def test_members_follow_include_and_exclude(docs: Path, doclint: Doclint) -> None:
    members = [*documents(docs), ("__MACOSX/2019/._economy.txt", b"\x00\x05\x16\x07junk"),
               ("2019/._economy.txt", b"\x00\x05\x16\x07junk")]
    write_zip(Path("docs.zip"), members)
    run = doclint("check", "--format", "json", "--exclude", "2019/*", "--include", "*.txt",
                  "docs.zip")
    assert [f["path"] for f in run.json()["files"]] == [
        "docs.zip!2020/economy.txt", "docs.zip!2020/education-gbk.txt",
        "docs.zip!2020/industry.txt"]
    run = doclint("check", "--format", "json", "--exclude", "docs.zip!2020/e*", "docs.zip")
    assert "docs.zip!2020/economy.txt" not in [f["path"] for f in run.json()["files"]]


def test_an_archive_inside_a_folder_is_opened_only_when_included(docs: Path,
                                                                 doclint: Doclint) -> None:
    write_zip(docs / "extra.zip", [("a.txt", BAD)])
    paths = [f["path"] for f in doclint("check", "--format", "json", "docs").json()["files"]]
    assert not any(p.startswith("docs/extra.zip") for p in paths)
    run = doclint("check", "--format", "json", "--include", "*.txt", "--include", "*.zip", "docs")
    assert "docs/extra.zip!a.txt" in [f["path"] for f in run.json()["files"]]


def test_gbk_member_names_without_the_utf8_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    # zipfile always flags non-ASCII names as UTF-8; write an ASCII name of the same length
    # and patch in the GBK bytes, as Chinese Windows archivers store them.
    gbk = "讲话.txt".encode("gbk")
    write_zip(Path("cn.zip"), [("x" * (len(gbk) - 4) + ".txt", BAD)])
    data = Path("cn.zip").read_bytes().replace(b"x" * (len(gbk) - 4) + b".txt", gbk)
    Path("cn.zip").write_bytes(data)
    run = doclint("check", "--select", "P101", "--no-source", "cn.zip")
    assert run.out.startswith("cn.zip!讲话.txt:1:4: P101 ")
    with MemberReader() as reader:
        assert reader.read_bytes("cn.zip!讲话.txt") == BAD


def test_a_corrupt_archive_is_one_line_and_the_batch_goes_on(docs: Path,
                                                             doclint: Doclint) -> None:
    members = documents(docs)
    good = write_zip(Path("good.zip"), members)
    Path("bad.zip").write_bytes(good.read_bytes()[:200])
    tgz = write_tar(Path("cut.tar.gz"), members)
    Path("cut.tar.gz").write_bytes(tgz.read_bytes()[:300])
    Path("plain.tar.gz").write_bytes(b"this is not gzip at all")
    run = doclint("check", "--format", "json", "bad.zip", "cut.tar.gz", "plain.tar.gz",
                  "docs/2019/economy.txt")
    assert run.code == 2
    assert run.err_lines == ["doclint: bad.zip: corrupt archive: File is not a zip file",
                             "doclint: cut.tar.gz: corrupt archive: unexpected end of data",
                             "doclint: plain.tar.gz: corrupt archive: not a gzip file"]
    files = run.json()["files"]
    assert files[-1]["path"] == "docs/2019/economy.txt" and "error" not in files[-1]
    assert run.json()["summary"]["unreadable"] == 3


def test_a_corrupt_member_is_one_line_and_the_other_members_go_on(
        docs: Path, doclint: Doclint) -> None:
    write_zip(Path("docs.zip"), [("a.txt", BAD), ("b.txt", BAD * 50), ("c.txt", BAD)])
    data = bytearray(Path("docs.zip").read_bytes())
    with zipfile.ZipFile("docs.zip") as zf:
        info = zf.getinfo("b.txt")
    start = info.header_offset + 30 + len(info.filename)
    data[start + 5] ^= 0xFF  # flip a byte of b.txt's compressed data
    Path("docs.zip").write_bytes(bytes(data))
    run = doclint("check", "--select", "P101", "--no-source", "docs.zip")
    assert run.code == 2
    assert len(run.err_lines) == 1
    assert run.err_lines[0].startswith("doclint: docs.zip!b.txt: corrupt archive member: ")
    assert paths_of(run.out) == ["docs.zip!a.txt", "docs.zip!c.txt"]


def test_split_member_prefers_a_real_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_zip(Path("a.zip"), [("x!y.txt", BAD)])
    assert split_member("a.zip!x!y.txt") == ("a.zip", "x!y.txt")
    assert split_member("b.zip!x.txt") is None  # no such archive
    Path("a.zip!real.txt").write_bytes(BAD)
    assert split_member("a.zip!real.txt") is None


def test_tar_members_are_reread_in_any_order(tmp_path: Path) -> None:
    members = [(f"d/{n}.txt", f"第{n}篇\n".encode()) for n in range(5)]
    archive = str(write_tar(tmp_path / "t.tar.gz", members))
    with MemberReader() as reader:
        for n in (3, 4, 1, 1, 0):
            assert reader.read_bytes(f"{archive}!d/{n}.txt") == f"第{n}篇\n".encode()
        with pytest.raises(FileNotFoundError):
            reader.read_bytes(f"{archive}!d/9.txt")


def test_sizes_walk_the_same_inputs_without_reading(docs: Path) -> None:
    write_zip(Path("docs.zip"), documents(docs))
    inputs = Inputs(["docs", "docs.zip"], ["*.txt"], [])
    tasks = list(inputs.tasks())
    sizes = list(inputs.sizes())
    assert len(sizes) == len(tasks) == 12
    assert sum(sizes) == sum(len(Path(t.path).read_bytes()) if t.data is None else len(t.data)
                             for t in tasks)


def test_fix_leaves_archive_members_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    # A full-width number among half-width ones: an unsafe fix exists.
    fixable = "全年增长１２．５%，达到1250亿元。\n".encode()
    write_zip(Path("a.zip"), [("a.txt", fixable)])
    Path("b.txt").write_bytes(fixable)
    before = Path("a.zip").read_bytes()
    run = doclint("check", "--fix", "--unsafe-fixes", "--select", "N302", "a.zip", "b.txt")
    assert Path("a.zip").read_bytes() == before
    assert "doclint: a.zip!a.txt: 1 fix not applied: archive members are read-only" in run.err_lines
    assert Path("b.txt").read_bytes() != fixable

"""Hostile inputs (issue 14), generated here: each gets one clear line or the right
diagnostics, the batch finishes, the exit code is right, and nothing is written.

The special files, the size limit and dying workers have their own modules
(test_special_files.py, test_size_limit.py, test_worker_death.py).
"""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from runhelp import Doclint, write_tar, write_zip

from doclint import Category, Document, Finding, Message, Rule, hookimpl
from doclint.plugins.manager import get_plugin_manager
from doclint.runner.archives import NESTED
from tests.yamlrules.test_timeout import SLOW_PACK

DEFECT = "全县生产总值同比增长35；工业增加值增长8%。\n"
N201 = ["check", "--no-cache", "--select", "N201", "--format", "json"]
LOCAL_DEFECT = "全县森林覆盖率达到112.5%。\n"  # N108, a rule that runs in windows too
N108 = ["check", "--no-cache", "--select", "N108", "--format", "json"]


def found(run_json: dict, code: str = "N201") -> list[tuple[str, int, int]]:
    return [(d["path"], d["line"], d["column"]) for d in run_json["diagnostics"]
            if d["code"] == code]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes: what a run must leave as it was."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


# --- unreadable and vanishing files -------------------------------------------------------


def test_an_unreadable_file_is_reported_and_the_batch_goes_on(here: Path, doclint: Doclint
                                                             ) -> None:
    (here / "a.txt").write_text(DEFECT, encoding="utf-8")
    (here / "b.txt").write_text(DEFECT, encoding="utf-8")
    (here / "a.txt").chmod(0)
    try:
        if os.access(here / "a.txt", os.R_OK):
            pytest.skip("running as root: a mode-000 file is readable anyway")
        run = doclint(*N201, "--jobs", "2", ".")
    finally:
        (here / "a.txt").chmod(0o644)
    assert run.code == 2
    assert run.err_lines == ["doclint: a.txt: cannot read: Permission denied"]
    assert found(run.json()) == [("b.txt", 1, 11)]


def test_a_read_refused_by_the_system_is_reported(here: Path, doclint: Doclint,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # The same fault injected, so that it is tested as root too.
    (here / "a.txt").write_text(DEFECT, encoding="utf-8")
    (here / "b.txt").write_text(DEFECT, encoding="utf-8")
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if os.fspath(path).endswith("a.txt"):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    run = doclint(*N201, "--jobs", "1", ".")
    assert run.code == 2
    assert run.err_lines == ["doclint: a.txt: cannot read: Permission denied"]
    assert found(run.json()) == [("b.txt", 1, 11)]


class Meddles(Rule):
    """测试用：检查 a.txt 时删除 b.txt，并让 c.txt 变长。"""

    code, name, category = "XH001", "test.meddles", Category.OTHER
    summary = Message("测试", "test")

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.path.endswith("a.txt"):
            Path(doc.path).with_name("b.txt").unlink()
            with Path(doc.path).with_name("c.txt").open("a", encoding="utf-8") as grows:
                grows.write(DEFECT * 3)
        yield from ()


class MeddlingPlugin:
    @hookimpl
    def doclint_rules(self) -> list[type]:
        return [Meddles]


def test_a_file_that_disappears_or_grows_during_the_run(here: Path, doclint: Doclint) -> None:
    get_plugin_manager().register(MeddlingPlugin())
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (here / name).write_text(DEFECT, encoding="utf-8")
    run = doclint(*N201, "--extend-select", "XH001", "--jobs", "1", ".")
    assert run.code == 2
    assert run.err_lines == ["doclint: b.txt: cannot read: No such file or directory"]
    assert found(run.json()) == [("a.txt", 1, 11), ("c.txt", 1, 11), ("c.txt", 2, 11),
                                 ("c.txt", 3, 11), ("c.txt", 4, 11), ("d.txt", 1, 11)]


def test_a_file_that_grows_past_the_size_limit_during_the_run(here: Path, doclint: Doclint
                                                              ) -> None:
    get_plugin_manager().register(MeddlingPlugin())
    for name in ("a.txt", "b.txt", "c.txt"):
        (here / name).write_text(DEFECT, encoding="utf-8")
    limit = str(128 / 2**20)  # a.txt (62 bytes) fits, c.txt grown to four lines does not
    run = doclint(*N201, "--extend-select", "XH001", "--jobs", "1", "--max-size", limit, ".")
    assert run.code == 2
    assert run.err_lines == [
        "doclint: b.txt: cannot read: No such file or directory",
        "doclint: c.txt: cannot read: larger than the size limit (0.0 MB > 0.00012207 MB), "
        "skipped; raise it with --max-size or max-size in the config"]
    assert found(run.json()) == [("a.txt", 1, 11)]


# --- encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(here: Path, doclint: Doclint, codec: str) -> None:
    (here / "a.txt").write_bytes(("标题\n" + DEFECT).encode(codec))
    (here / "b.txt").write_bytes(DEFECT.strip().encode(codec))  # one line: NULs from 35 and %
    # 一 (U+4E00) and the ideographic space (U+3000) put their NULs on the other side
    (here / "c.txt").write_bytes(("　　第一部分\n" + DEFECT).encode(codec))
    run = doclint(*N201, "--jobs", "1", ".")
    assert (run.code, run.err) == (1, "")
    assert found(run.json()) == [("a.txt", 2, 11), ("b.txt", 1, 11), ("c.txt", 2, 11)]
    assert [f["encoding"] for f in run.json()["files"]] == [codec, codec, codec]


def test_odd_bytes_with_nuls_are_still_binary(here: Path, doclint: Doclint) -> None:
    (here / "a.txt").write_bytes(DEFECT.encode("utf-16-le") + b"\x00")
    run = doclint(*N201, "--jobs", "1", ".")
    assert (run.code, run.err_lines) == (2, ["doclint: a.txt: binary file (contains NUL bytes)"])


@pytest.mark.parametrize("first, then, utf8_line, other_line", [
    ("utf-8", "gbk", 1, 3), ("gbk", "utf-8", 3, 1)])
def test_mixed_encodings_in_one_file_are_named(here: Path, doclint: Doclint, first: str,
                                               then: str, utf8_line: int, other_line: int) -> None:
    (here / "a.txt").write_bytes((DEFECT * 2).encode(first) + (DEFECT * 2).encode(then))
    (here / "b.txt").write_text(DEFECT, encoding="utf-8")
    run = doclint(*N201, "--jobs", "1", ".")
    assert run.code == 2
    assert run.err_lines == [
        f"doclint: a.txt: mixed encodings: line {utf8_line} is UTF-8 but line {other_line} is "
        "not (GB18030?); convert the file to one encoding, or force one with --encoding"]
    assert found(run.json()) == [("b.txt", 1, 11)]


def test_gbk_with_a_short_utf8_like_line_is_still_gbk(here: Path, doclint: Doclint) -> None:
    # A line of ASCII and one CJK character that happens to be valid UTF-8 is no evidence.
    (here / "a.txt").write_bytes(DEFECT.encode("gbk") + "号码：A1\n".encode() + DEFECT.encode("gbk"))
    run = doclint(*N201, "--jobs", "1", ".")
    assert run.err == ""
    assert found(run.json()) == [("a.txt", 1, 11), ("a.txt", 3, 11)]


# --- archives -----------------------------------------------------------------------------

TRAVERSAL = ["../evil.txt", "/abs/evil.txt", "ok/../../evil2.txt", "good.txt"]


def test_archive_members_with_dotdot_and_absolute_paths_are_read_in_memory_only(
        here: Path, doclint: Doclint) -> None:
    write_zip(here / "a.zip", [(name, DEFECT.encode()) for name in TRAVERSAL])
    tar = write_tar(here / "b.tar.gz", [(name, DEFECT.encode()) for name in TRAVERSAL])
    with tarfile.open(here / "links.tar", "w") as tf:  # links are never followed
        for kind, name in ((tarfile.SYMTYPE, "link.txt"), (tarfile.LNKTYPE, "hard.txt")):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, "/etc/passwd"
            tf.addfile(info)
        info = tarfile.TarInfo("../../good.txt")
        info.size = len(DEFECT.encode())
        tf.addfile(info, io.BytesIO(DEFECT.encode()))
    before = tree(here.parent)
    run = doclint(*N201, "--jobs", "1", "a.zip", tar.name, "links.tar")
    assert (run.code, run.err) == (1, "")
    assert [path for path, _, _ in found(run.json())] == [
        *(f"a.zip!{name}" for name in TRAVERSAL), *(f"b.tar.gz!{name}" for name in TRAVERSAL),
        "links.tar!../../good.txt"]
    assert doclint(*N201, "--jobs", "1", "--fix", "a.zip", tar.name, "links.tar").code == 1
    assert tree(here.parent) == before  # nothing written, inside the folder or beside it


def nested_zip(depth: int) -> bytes:
    data, name = DEFECT.encode(), "doc.txt"
    for level in range(depth):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            zf.writestr(name, data)
        data, name = buffer.getvalue(), f"level{level}.zip"
    return data


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_deeply_nested_archives_are_named_not_opened(here: Path, doclint: Doclint,
                                                     jobs: str) -> None:
    (here / "deep.zip").write_bytes(nested_zip(40))
    write_zip(here / "mixed.zip", [("a.txt", DEFECT.encode()), ("inner.tar.gz", nested_zip(3)),
                                   ("inner.zip", nested_zip(2)), ("b.txt", DEFECT.encode())])
    write_tar(here / "outer.tar", [("x/inner.zip", nested_zip(5)), ("x/c.txt", DEFECT.encode())])
    run = doclint(*N201, "--jobs", jobs, "deep.zip", "mixed.zip", "outer.tar")
    assert run.code == 2
    assert run.err_lines == [f"doclint: {path}: {NESTED}" for path in (
        "deep.zip!level38.zip", "mixed.zip!inner.tar.gz", "mixed.zip!inner.zip",
        "outer.tar!x/inner.zip")]
    assert found(run.json()) == [("mixed.zip!a.txt", 1, 11), ("mixed.zip!b.txt", 1, 11),
                                 ("outer.tar!x/c.txt", 1, 11)]


def test_an_excluded_nested_archive_is_not_named(here: Path, doclint: Doclint) -> None:
    write_zip(here / "a.zip", [("a.txt", DEFECT.encode()), ("old/inner.zip", nested_zip(2))])
    run = doclint(*N201, "--jobs", "1", "--exclude", "old/*", "a.zip")
    assert (run.code, run.err) == (1, "")


# --- Markdown with 10^5 fences or front-matter delimiters ---------------------------------


@pytest.mark.parametrize("body, expected", [
    # 10^5 fenced blocks: the code is not checked, the prose between them is.
    ("```\n增长35；\n```\n\n" * 50_000 + LOCAL_DEFECT, [("a.md", 200_001, 10)]),
    # 10^5 fences in a row: they pair up, and what follows is prose again ...
    ("```\n" * 100_000 + LOCAL_DEFECT, [("a.md", 100_001, 10)]),
    # ... unless one is left open: then everything after it is code.
    ("```\n" * 99_999 + LOCAL_DEFECT, []),
    # 10^5 front-matter delimiters: the first two close the front matter.
    ("---\n" * 100_000 + LOCAL_DEFECT, [("a.md", 100_001, 10)]),
    # a front matter, then 10^5 thematic breaks
    ("---\ntitle: x\n---\n" + "---\n\n" * 100_000 + LOCAL_DEFECT, [("a.md", 200_004, 10)]),
])
def test_markdown_with_a_hundred_thousand_delimiters(here: Path, doclint: Doclint, body: str,
                                                     expected: list) -> None:
    (here / "a.md").write_text(body, encoding="utf-8")
    run = doclint(*N108, "--jobs", "1", "a.md")
    # 10^5 lines cost more than a whole check may: checked in windows (by the rules whose
    # scope is local, N108 here), with a note
    assert all(": note: " in line for line in run.err_lines)
    assert found(run.json(), "N108") == expected


# --- a pack pattern that backtracks (the pack of tests/yamlrules/test_timeout.py) ------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_backtracking_pack_pattern_is_stopped_per_file(here: Path, doclint: Doclint,
                                                        jobs: str) -> None:
    (here / "slow.yaml").write_text(SLOW_PACK, encoding="utf-8")
    (here / ".doclint.yaml").write_text("rule_packs: [slow.yaml]\n", encoding="utf-8")
    for number in range(4):
        backtracks = "a" * 5000 + "!\n" if number in (1, 2) else ""
        (here / f"{number}.txt").write_text(backtracks + DEFECT, encoding="utf-8")
    run = doclint("check", "--no-cache", "--select", "N201,SL001", "--format", "json",
                  "--jobs", jobs, ".")
    assert run.code == 2
    where = here / "slow.yaml"
    assert run.err_lines == [
        f"doclint: {n}.txt: rule SL001 crashed: PatternTimeout: pattern '(a+)+$' ({where}:10:14) "
        "took longer than 0.1 s; the rule was stopped for this file" for n in (1, 2)]
    assert found(run.json()) == [("0.txt", 1, 11), ("1.txt", 2, 11), ("2.txt", 2, 11),
                                 ("3.txt", 1, 11)]


# --- deeply nested quotation marks (the pairing rule type of BD008 and BD009) -------------

NESTED_QUOTES = "“" * 30_000 + "”" * 30_000 + "\n"
PAIRING = ("BD008", "BD009")


def test_thirty_thousand_nested_quotes_stay_within_a_small_rule_budget(here: Path,
                                                                       doclint: Doclint) -> None:
    """Pairing them cost time quadratic in the depth: about 15 s per rule for this line (and
    3.6 GB). Under a budget of 5 s a rule that still did would be stopped and named on stderr;
    the linear pairing takes well under a second."""
    (here / "nested.txt").write_text(NESTED_QUOTES + DEFECT, encoding="utf-8")
    run = doclint("check", "--no-cache", "--jobs", "1", "--format", "json", "--rule-timeout",
                  "5", "--select", ",".join((*PAIRING, "N201")), "nested.txt")
    assert run.err == ""
    assert found(run.json()) == [("nested.txt", 2, 11)]
    assert run.code == 1


def test_nested_quotes_take_memory_linear_in_their_depth() -> None:
    """Counted in bytes allocated, not seconds: each closing mark copied every problem found
    inside it (0.4 GB for 10,000 levels, 1.6 GB for 20,000); now each problem moves into the
    longer list only, a few times at most."""
    import tracemalloc

    from doclint.testing import default_registry

    text = "“" * 20_000 + "”" * 20_000 + "\n"
    for code in PAIRING:
        rule = default_registry().get(code)()
        doc = Document(path="nested.txt", source=text, settings={"year": None, "era_markers": []})
        tracemalloc.start()
        try:
            list(rule.check(doc))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 64 * 1024 * 1024, (code, peak)

"""`doclint check --baseline FILE [--update-baseline]`: known findings hidden, new ones not."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py: --jobs 1, P101,N301,T601

NOTICE = "关于做好年度统计工作的通知\n会议要求，XX部门抓好落实。\n今年增长6.5%，占比32.1％。\n"
# Two findings with the same text and the same context: one fingerprint, counted twice.
TWICE = ("关于报送材料的通知\n请XX单位于月底前报送材料，逾期不候。\n"
         "请XX单位于月底前报送材料，务必按时。\n")
CLEAN = "坚持稳中求进工作总基调。\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(run: Any) -> list[tuple[str, str, int, int]]:
    return [(d["path"], d["code"], d["line"], d["column"])
            for d in json.loads(run.out)["diagnostics"]]


def hidden(run: Any) -> dict[str, int] | None:
    return json.loads(run.out)["summary"].get("hidden")


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "docs" / "notice.txt", NOTICE)
    write(tmp_path / "docs" / "sub" / "twice.txt", TWICE)
    write(tmp_path / "docs" / "clean.md", CLEAN)
    return tmp_path / "docs"


def test_update_then_check_hides_everything_known(docs: Path, doclint: Doclint) -> None:
    before = doclint("check", "--format", "json", "docs")
    assert found(before) == [("docs/notice.txt", "P101", 2, 6),
                             ("docs/notice.txt", "N301", 3, 16),
                             ("docs/sub/twice.txt", "P101", 2, 2),
                             ("docs/sub/twice.txt", "P101", 3, 2)]
    update = doclint("check", "--baseline", "baseline.json", "--update-baseline", "--no-source",
                     "docs")
    assert update.code == 0
    assert update.out == "共检查 3 个文件，发现 0 个问题；另有 4 个由基线隐藏。\n"
    assert update.err == "doclint: wrote 4 findings to the baseline baseline.json\n"
    records = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert records["version"] == 1
    assert [(r["path"], r["code"], r["text"], r["context"], r["count"])
            for r in records["findings"]] == [
        ("docs/notice.txt", "N301", "％", ".5%，占比32.1％。", 1),  # ten characters before
        ("docs/notice.txt", "P101", "XX", "会议要求，XX部门抓好落实。", 1),
        ("docs/sub/twice.txt", "P101", "XX", "请XX单位于月底前报送材料", 2),
    ]
    check = doclint("check", "--format", "json", "--baseline", "baseline.json", "docs")
    assert (check.code, found(check), hidden(check)) == (0, [], {"suppressed": 0,
                                                                 "baselined": 4})


def test_inserting_a_paragraph_on_top_keeps_findings_hidden(docs: Path, doclint: Doclint) -> None:
    doclint("check", "--baseline", "baseline.json", "--update-baseline", "docs")
    notice = docs / "notice.txt"
    notice.write_text("各区县人民政府，市政府各部门：\n\n现将有关事项通知如下。\n\n"
                      + NOTICE, encoding="utf-8")
    run = doclint("check", "--format", "json", "--baseline", "baseline.json", "docs")
    assert (run.code, found(run), hidden(run)) == (0, [], {"suppressed": 0, "baselined": 4})
    # A new defect is still reported, with its own position.
    notice.write_text(notice.read_text(encoding="utf-8") + "请XX处室配合做好统计。\n",
                      encoding="utf-8")
    run = doclint("check", "--format", "json", "--baseline", "baseline.json", "docs")
    assert (run.code, found(run)) == (1, [("docs/notice.txt", "P101", 8, 2)])


def test_duplicates_are_counted(docs: Path, doclint: Doclint) -> None:
    doclint("check", "--baseline", "baseline.json", "--update-baseline", "docs")
    twice = docs / "sub" / "twice.txt"
    twice.write_text(TWICE + "请XX单位于月底前报送材料，不得延误。\n", encoding="utf-8")
    run = doclint("check", "--format", "json", "--baseline", "baseline.json", "docs")
    assert found(run) == [("docs/sub/twice.txt", "P101", 4, 2)]  # two hidden, the third shown
    twice.write_text(TWICE.replace("请XX单位于月底前报送材料，务必按时。\n", ""), encoding="utf-8")
    run = doclint("check", "--format", "json", "--baseline", "baseline.json", "docs")
    assert (found(run), hidden(run)) == ([], {"suppressed": 0, "baselined": 3})


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_same_result_whatever_the_jobs_and_the_cache(docs: Path, doclint: Doclint,
                                                      jobs: str) -> None:
    cache = ["--cache-dir", str(docs.parent / "cache")]
    doclint("check", "--jobs", jobs, *cache, "--baseline", "b.json", "--update-baseline", "docs")
    write(docs / "new.txt", "请XX处室配合做好统计。\n")
    runs = [doclint("check", "--jobs", jobs, *cache, "--format", "json", "--baseline", "b.json",
                    "docs") for _ in range(2)]  # the second is served from the cache
    for run in runs:
        assert found(run) == [("docs/new.txt", "P101", 1, 2)]
        assert hidden(run) == {"suppressed": 0, "baselined": 4}
    # Without the baseline, the cached results still hold every finding.
    plain = doclint("check", "--jobs", jobs, *cache, "--format", "json", "docs")
    assert len(found(plain)) == 5


def test_paths_are_relative_to_the_baseline(docs: Path, doclint: Doclint,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    doclint("check", "--baseline", "baseline.json", "--update-baseline", "docs")
    monkeypatch.chdir(docs)
    run = doclint("check", "--format", "json", "--baseline", "../baseline.json", ".")
    assert (run.code, found(run)) == (0, [])


def test_update_keeps_files_not_checked_and_drops_deleted_ones(docs: Path,
                                                               doclint: Doclint) -> None:
    doclint("check", "--baseline", "baseline.json", "--update-baseline", "docs")
    (docs / "notice.txt").write_text(CLEAN, encoding="utf-8")
    doclint("check", "--baseline", "baseline.json", "--update-baseline", "docs/notice.txt")
    paths = [r["path"] for r in json.loads(Path("baseline.json").read_text())["findings"]]
    assert paths == ["docs/sub/twice.txt"]
    (docs / "sub" / "twice.txt").unlink()
    doclint("check", "--baseline", "baseline.json", "--update-baseline", "docs/clean.md")
    assert json.loads(Path("baseline.json").read_text())["findings"] == []


def test_archive_members_and_standard_input(docs: Path, doclint: Doclint) -> None:
    with zipfile.ZipFile("docs.zip", "w") as zf:
        zf.writestr("notice.txt", NOTICE.encode())
    doclint("check", "--baseline", "baseline.json", "--update-baseline", "docs.zip", "docs")
    paths = {r["path"] for r in json.loads(Path("baseline.json").read_text())["findings"]}
    assert paths == {"docs.zip!notice.txt", "docs/notice.txt", "docs/sub/twice.txt"}
    with zipfile.ZipFile("docs.zip", "w") as zf:
        zf.writestr("notice.txt", ("附件：\n" + NOTICE).encode())
    run = doclint("check", "--format", "json", "--baseline", "baseline.json", "docs.zip")
    assert (run.code, found(run)) == (0, [])
    stdin = doclint("check", "--format", "json", "--baseline", "baseline.json",
                    "--stdin-filename", "docs/notice.txt", "-",
                    input=("附件：\n" + NOTICE + "请XX处室配合。\n").encode())
    assert found(stdin) == [("docs/notice.txt", "P101", 5, 2)]


def test_baseline_mistakes(docs: Path, doclint: Doclint) -> None:
    run = doclint("check", "--baseline", "missing.json", "docs")
    assert (run.code, run.err) == (2, "doclint: error: missing.json: no such baseline file "
                                      "(write it with --update-baseline)\n")
    run = doclint("check", "--update-baseline", "docs")
    assert (run.code, run.err) == (2, "doclint: error: --update-baseline needs --baseline FILE "
                                      "(or baseline: in the config)\n")
    write(Path("bad.json"), "[1, 2]")
    run = doclint("check", "--baseline", "bad.json", "docs")
    assert (run.code, run.err) == (2, "doclint: error: bad.json: not a doclint baseline "
                                      "(version 1 expected)\n")


def test_fixed_findings_left_in_the_baseline_are_reported(docs: Path, doclint: Doclint) -> None:
    doclint("check", "--baseline", "baseline.json", "--update-baseline", "docs")
    (docs / "sub" / "twice.txt").write_text(TWICE.replace("XX", "市统计局", 1), encoding="utf-8")
    run = doclint("check", "--format", "json", "--baseline", "baseline.json", "docs")
    assert (run.code, run.err) == (0, "")
    run = doclint("check", "--format", "json", "--baseline", "baseline.json",
                  "--report-unused-suppressions", "docs")
    assert (run.code, run.err_lines) == (1, [
        "baseline.json: docs/sub/twice.txt: 1 known finding no longer found "
        "(--update-baseline drops them)"])


def test_docx_findings_in_the_baseline_and_the_ignore_file(docs: Path, doclint: Doclint) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in ("关于做好年度统计工作的通知", "会议要求，XX部门抓好落实。", "请XX单位月底前报送。"):
        document.add_paragraph(paragraph)
    document.save("docs/report.docx")
    data = Path("docs/report.docx").read_bytes()
    run = doclint("ignore", "docs/report.docx:3:2", "P101", "--reason", "单位待定")
    assert run.code == 0, run.err
    assert Path("docs/report.docx").read_bytes() == data  # the document is never touched
    run = doclint("check", "--format", "json", "docs/report.docx")
    assert found(run) == [("docs/report.docx", "P101", 2, 6)]
    doclint("check", "--baseline", "b.json", "--update-baseline", "docs/report.docx")
    document.paragraphs[0].insert_paragraph_before("各区县人民政府：")
    document.save("docs/report.docx")
    run = doclint("check", "--format", "json", "--baseline", "b.json", "docs/report.docx")
    assert (run.code, found(run), hidden(run)) == (0, [], {"suppressed": 1, "baselined": 1})


def test_the_config_names_the_baseline(docs: Path, doclint: Doclint,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    write(docs / ".doclint.yaml", "select: [P101, N301]\nbaseline: known.json\n")
    run = doclint("check", "--update-baseline", "docs")
    assert run.err == "doclint: wrote 4 findings to the baseline docs/known.json\n"
    assert (docs / "known.json").is_file()
    write(docs / "new.txt", "请XX处室配合做好统计。\n")
    monkeypatch.chdir(docs / "sub")  # the path in the config is relative to the config
    run = doclint("check", "--format", "json", "..")
    assert found(run) == [("../new.txt", "P101", 1, 2)]


@pytest.mark.parametrize("fmt", ["jsonl", "sarif", "github"])
def test_other_formats_say_how_many_were_hidden(docs: Path, doclint: Doclint, fmt: str) -> None:
    doclint("check", "--baseline", "baseline.json", "--update-baseline", "docs")
    run = doclint("check", "--format", fmt, "--baseline", "baseline.json", "docs")
    assert (run.code, run.err) == (0, "doclint: 4 findings hidden (0 suppressed, 4 by the "
                                      "baseline)\n")

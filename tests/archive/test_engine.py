"""The archive rules through the real command: positions, one file, workers, other files' spans."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from archivehelp import made_up, run
from click.testing import CliRunner

from doclint.cli.main import cli

SPEECH = "在全县经济工作会议上的讲话\n同志们：\n" + made_up(1, 400)
NOTICE = "本文由范文网整理，更多优质范文请访问本站，转载请注明出处并保留原文链接，谢谢合作。\n"


def check(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--exit-zero", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "speech.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(("\r\n" + SPEECH.replace("\n", "\r\n")).encode("gb18030"))
    (tmp_path / "c.txt").write_text("2019年工作要点\n" + made_up(2, 400), encoding="utf-8")
    return tmp_path


def test_a_copy_is_reported_with_its_position(archive: Path) -> None:
    report = check("--select", "A", "--jobs", "1", ".")
    assert [(d["path"], d["code"], d["line"], d["column"], d["end_line"], d["end_column"])
            for d in report["diagnostics"]] == [("b.txt", "A101", 2, 1, 2, 14)]
    assert report["diagnostics"][0]["related"][0]["path"] == "a/speech.txt"
    assert report["summary"]["by_category"] == {"duplicate-text": 1}


def test_a_related_span_in_another_file_is_positioned_in_that_file(archive: Path) -> None:
    (archive / "a" / "speech.txt").write_text("\n\n\n" + SPEECH, encoding="utf-8")
    related = check("--select", "A101", "--jobs", "1", ".")["diagnostics"][0]["related"][0]
    assert (related["line"], related["column"], related["end_line"], related["end_column"]) == (
        4, 1, 4, 14)


def test_worker_processes_give_the_same_report(archive: Path) -> None:
    for n in range(4):
        (archive / f"d{n}.txt").write_text(made_up(n, 300) + NOTICE, encoding="utf-8")
    serial = check("--select", "A", "--jobs", "1", ".")
    parallel = check("--select", "A", "--jobs", "2", ".")
    assert serial["diagnostics"] == parallel["diagnostics"]
    assert {d["code"] for d in serial["diagnostics"]} == {"A101", "A103"}


def test_one_file_pays_for_no_archive_library(tmp_path: Path) -> None:
    """`doclint check one.txt` neither imports datasketch nor reports archive findings."""
    path = tmp_path / "one.txt"
    path.write_text(SPEECH * 3, encoding="utf-8")
    code = (
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "from doclint.cli.main import cli\n"
        "r = CliRunner().invoke(cli, ['check', '--select', 'A', '--format', 'jsonl',\n"
        f"                            '--jobs', '1', {str(path)!r}])\n"
        "loaded = ['datasketch' in sys.modules, 'jinja2' in sys.modules]\n"
        "print(json.dumps([r.exit_code, r.stdout, *loaded]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    exit_code, out, datasketch, jinja2 = json.loads(done.stdout.splitlines()[-1])
    assert (exit_code, out, datasketch, jinja2) == (0, "", False, False)


def test_boilerplate_a_rule_reports_whole_is_not_counted_again(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    licence = ("本作品是中华人民共和国的法律、法规、国家机关的决议、决定、命令和其他具有立法、行政、司法性质的"
               "文件，及其官方正式译文，属于\n公有领域\n。\nPublic domain\nfalse\n")
    monkeypatch.chdir(tmp_path)
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text(f"同志们：\n{made_up(n + 10, 400)}\n{licence}", encoding="utf-8")
    codes = [d["code"] for d in check("--select", "A103,P205", "--jobs", "1", ".")["diagnostics"]]
    assert codes == ["P205"] * 4  # the licence block is reported once per file, by P205 alone
    assert [d["code"] for d in check("--select", "A103", "--jobs", "1", ".")["diagnostics"]] == []
    # the rule alone, with no document rules run before it, counts the block's paragraphs
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("*.txt"))}
    assert run("A103", docs) != []

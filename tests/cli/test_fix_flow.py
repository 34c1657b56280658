"""--fix, --diff and --unsafe-fixes: what is applied, what is shown, what remains."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Doclint

# BD004 (safe), BD011 (unsafe: drops a mark), Y501 (suggestion: a year is never guessed).
TEXT = "经研究,现将有关事项通知如下。\n发展教育、医疗、等民生事业，截至08年8月稳步推进。\n"
SAFE_FIXED = "经研究，现将有关事项通知如下。\n发展教育、医疗、等民生事业，截至08年8月稳步推进。\n"
UNSAFE_FIXED = "经研究，现将有关事项通知如下。\n发展教育、医疗等民生事业，截至08年8月稳步推进。\n"
SELECT = "--select=BD004,BD011,Y501"


@pytest.fixture
def doc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "notice.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_labels_in_text_output(doc: Path, doclint: Doclint) -> None:
    run = doclint("check", SELECT, "--no-source", "--lang", "en", "notice.txt")
    assert run.out.splitlines() == [
        "notice.txt:1:4: BD004 [mixed-width] Use the full-width “，” in Chinese text, "
        "not the half-width “,”. [*]",
        "notice.txt:2:8: BD011 [punctuation] No enumeration comma before 等 closing a list; "
        "write “等”, not “、等”. [unsafe fix]",
        "notice.txt:2:17: Y501 [number-format] Write the year in full: “08年” should be "
        "“2008年”. [suggestion]",
        "",
        "Found 3 diagnostics in 1 file (1 fixable with --fix) (1 hidden fix can be enabled "
        "with --unsafe-fixes).",
    ]


def test_unsafe_fixes_mark_unsafe_fixes_applicable(doc: Path, doclint: Doclint) -> None:
    run = doclint("check", SELECT, "--no-source", "--unsafe-fixes", "notice.txt")
    assert run.out.splitlines()[1].endswith("[*]")
    assert run.out.splitlines()[2].endswith("[修改建议]")
    assert run.out.splitlines()[-1] == (
        "共检查 1 个文件，发现 3 个问题（其中 2 个可用 --fix --unsafe-fixes 修复）。")


def test_diff_prints_the_safe_fixes_and_writes_nothing(doc: Path, doclint: Doclint) -> None:
    run = doclint("check", SELECT, "--diff", "notice.txt")
    assert run.code == 1
    assert run.out.splitlines() == [
        "--- notice.txt", "+++ notice.txt", "@@ -1,2 +1,2 @@",
        "-经研究,现将有关事项通知如下。", "+经研究，现将有关事项通知如下。",
        " 发展教育、医疗、等民生事业，截至08年8月稳步推进。",
    ]
    assert run.err_lines == ["doclint: would fix 1 issue"]
    assert doc.read_text(encoding="utf-8") == TEXT


def test_diff_with_unsafe_fixes(doc: Path, doclint: Doclint) -> None:
    run = doclint("check", SELECT, "--diff", "--unsafe-fixes", "notice.txt")
    assert "-发展教育、医疗、等民生事业，截至08年8月稳步推进。" in run.out.splitlines()
    assert "+发展教育、医疗等民生事业，截至08年8月稳步推进。" in run.out.splitlines()
    assert run.err_lines == ["doclint: would fix 2 issues"]
    assert doc.read_text(encoding="utf-8") == TEXT


def test_diff_exits_0_when_nothing_would_change(doc: Path, doclint: Doclint) -> None:
    run = doclint("check", "--select=Y501", "--diff", "notice.txt")
    assert (run.code, run.out, run.err_lines) == (0, "", ["doclint: would fix 0 issues"])


def test_fix_reports_what_remains_and_the_count(doc: Path, doclint: Doclint) -> None:
    run = doclint("check", SELECT, "--fix", "--no-source", "--lang", "en", "notice.txt")
    assert doc.read_text(encoding="utf-8") == SAFE_FIXED
    assert run.code == 1
    assert [line.split(" [")[0] for line in run.out.splitlines()[:2]] == [
        "notice.txt:2:8: BD011", "notice.txt:2:17: Y501"]
    assert run.out.splitlines()[-1] == "Fixed 1 issue."
    assert run.err_lines == ["doclint: notice.txt: applied 1 fix"]
    again = doclint("check", SELECT, "--fix", "--no-source", "notice.txt")
    assert again.out.splitlines()[-1] == "修复了 0 个问题。"
    assert doc.read_text(encoding="utf-8") == SAFE_FIXED


def test_unsafe_fixes_are_applied_only_when_asked(doc: Path, doclint: Doclint) -> None:
    run = doclint("check", SELECT, "--fix", "--unsafe-fixes", "--no-source", "notice.txt")
    assert doc.read_text(encoding="utf-8") == UNSAFE_FIXED  # the year is left alone
    assert run.out.splitlines()[0].startswith("notice.txt:2:16: Y501 ")  # after the “、”
    assert run.out.splitlines()[-1] == "修复了 2 个问题。"


def test_fix_and_diff_exclude_each_other(doc: Path, doclint: Doclint) -> None:
    run = doclint("check", "--fix", "--diff", "notice.txt")
    assert run.code == 2
    assert "pick one" in run.err


def test_diff_of_standard_input(doclint: Doclint) -> None:
    run = doclint("check", SELECT, "--diff", "--stdin-filename", "in.txt", "-",
                  input=TEXT.encode("gbk"))
    assert run.code == 1
    assert run.out.splitlines()[:5] == [
        "--- in.txt", "+++ in.txt", "@@ -1,2 +1,2 @@",
        "-经研究,现将有关事项通知如下。", "+经研究，现将有关事项通知如下。"]


def test_fix_never_rewrites_standard_input(doclint: Doclint) -> None:
    run = doclint("check", SELECT, "--fix", "--no-source", "-", input=TEXT)
    assert run.out.splitlines()[0].startswith("<stdin>:1:4: BD004 ")  # reported, not fixed


def test_a_fix_that_would_add_a_diagnostic_is_rolled_back(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         doclint: Doclint) -> None:
    # “,” -> “，” would make “，，”, which BD002 reports: the BD004 fix is not applied.
    monkeypatch.chdir(tmp_path)
    Path("r.txt").write_text("经研究,，现将有关事项通知如下。\n", encoding="utf-8")
    run = doclint("check", "--select=BD002,BD004", "--fix", "--no-source", "r.txt")
    assert Path("r.txt").read_text(encoding="utf-8") == "经研究,，现将有关事项通知如下。\n"
    assert run.err_lines == ["doclint: r.txt:1:4: BD004 fix not applied: it would add BD002 "
                             "(“，” is used 2 times in a row; keep one.)"]
    assert run.out.splitlines() == [
        "r.txt:1:4: BD004 [mixed-width] 中文文本中应使用全角“，”，不用半角“,”。 [修改建议]",
        "", "共检查 1 个文件，发现 1 个问题。", "修复了 0 个问题。"]


def test_diff_prints_no_report_not_even_archive_findings(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):  # two identical files: A101 reports them
        Path(name).write_text("经研究,现将有关事项通知如下。\n一、加强组织领导，各乡镇要高度重视安全"
                              "生产工作，切实落实属地管理责任。\n二、强化隐患排查，全面开展安全生产"
                              "大检查，确保不留死角。\n", encoding="utf-8")
    assert "A101" in doclint("check", "--select=BD004,A101", "--no-cache", ".").out
    run = doclint("check", "--select=BD004,A101", "--no-cache", "--diff", ".")
    assert [line for line in run.out.splitlines() if line.startswith(("---", "+++"))] == [
        "--- a.txt", "+++ a.txt", "--- b.txt", "+++ b.txt"]
    assert "A101" not in run.out


def test_suppressed_findings_are_not_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           doclint: Doclint) -> None:
    monkeypatch.chdir(tmp_path)
    text = ("<!-- doclint-disable-next-line BD004 -- 引用原文 -->\n经研究,现将有关事项通知如下。\n"
            "特此通知。。\n")
    Path("a.md").write_text(text, encoding="utf-8")
    run = doclint("check", "--select=BD002,BD004", "--fix", "--no-source", "a.md")
    assert Path("a.md").read_text(encoding="utf-8") == text.replace("通知。。", "通知。")
    assert run.out.splitlines() == ["共检查 1 个文件，发现 0 个问题；另有 1 个已抑制。",
                                    "修复了 1 个问题。"]


def test_a_line_break_a_fix_inserts_follows_the_document(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        doclint: Doclint) -> None:
    # P204 turns “<p>” into a line break: in a CRLF file, a CRLF.
    monkeypatch.chdir(tmp_path)
    Path("p.txt").write_bytes("各位代表：\r\n经研究<p>现将有关事项通知如下。\r\n".encode("gbk"))
    doclint("check", "--select=P204", "--fix", "p.txt")
    assert Path("p.txt").read_bytes() == (
        "各位代表：\r\n经研究\r\n现将有关事项通知如下。\r\n".encode("gbk"))

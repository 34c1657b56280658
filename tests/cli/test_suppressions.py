"""Suppression comments, the ignore file, `doclint ignore` and unused suppressions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py: --jobs 1, P101,N301,T601

NOTICE = """\
# 关于报送年度材料的通知

<!-- doclint-disable-next-line P101 -->
请XX单位于月底前报送材料。

请XX处室配合做好统计工作。

<!-- doclint-disable P101, N301 -->
由XX科负责汇总，增长6.5%，占比32.1％。
<!-- doclint-enable P101 -->
由XX组负责复核。
<!-- doclint-enable -->
请XX街道抓好落实，增长3.5%。
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(run: Any) -> list[tuple[str, str, int, int, int, int]]:
    return [(d["path"], d["code"], d["line"], d["column"], d["end_line"], d["end_column"])
            for d in json.loads(run.out)["diagnostics"]]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".doclint.yaml", "select: [P101, N301, T601]\n")
    return tmp_path


def test_markdown_comment_forms(here: Path, doclint: Doclint) -> None:
    write(here / "notice.md", NOTICE)
    run = doclint("check", "--format", "json", "notice.md")
    assert run.code == 1, run.err
    assert found(run) == [("notice.md", "P101", 6, 2, 6, 4), ("notice.md", "P101", 11, 2, 11, 4),
                          ("notice.md", "P101", 13, 2, 13, 4)]
    assert json.loads(run.out)["summary"]["hidden"] == {"suppressed": 3, "baselined": 0}
    text = doclint("check", "--no-source", "notice.md").out
    assert text.endswith("共检查 1 个文件，发现 3 个问题；另有 3 个已抑制。\n")


def test_disable_file_and_disable_line(here: Path, doclint: Doclint) -> None:
    write(here / "a.md", "请XX单位报送。<!-- doclint-disable-line P101 -->\n\n"
                         "请XX处室配合。\n\n请XX处室配合。\n\n"
                         "<!-- doclint-disable-file T601 -->\n")
    run = doclint("check", "--format", "json", "a.md")
    assert found(run) == [("a.md", "P101", 3, 2, 3, 4), ("a.md", "P101", 5, 2, 5, 4)]


def test_a_bare_disable_is_refused_and_hides_nothing(here: Path, doclint: Doclint) -> None:
    write(here / "a.md", "# 通知\n\n<!-- doclint-disable -->\n请XX单位报送。\n")
    run = doclint("check", "--format", "json", "a.md")
    assert run.code == 2
    assert run.err_lines == [
        "doclint: error: a.md:3:1: doclint-disable must name the rule codes it hides, e.g. "
        "<!-- doclint-disable Y102 -->; disabling every rule is not supported"]
    assert found(run) == [("a.md", "P101", 4, 2, 4, 4)]


def test_unknown_codes_in_comments(here: Path, doclint: Doclint) -> None:
    write(here / "a.md", "# 通知\n\n  <!-- doclint-disable-next-line P101, Q999 -->\n"
                         "请XX单位报送。\n")
    run = doclint("check", "--format", "json", "a.md")
    assert run.code == 2
    assert run.err_lines == [
        'doclint: error: a.md:3:3: unknown rule code "Q999" in doclint-disable-next-line comment']
    assert found(run) == [("a.md", "P101", 4, 2, 4, 4)]  # a broken comment hides nothing


def test_a_prefix_is_not_a_rule(here: Path, doclint: Doclint) -> None:
    write(here / "a.md", "<!-- doclint-disable-next-line P1 -->\n请XX单位报送。\n")
    run = doclint("check", "--format", "json", "a.md")
    assert (run.code, run.err_lines) == (2, [
        'doclint: error: a.md:1:1: "P1" in doclint-disable-next-line comment is a prefix or '
        "category, not a rule code or name"])


def test_a_rule_name_works_like_its_code(here: Path, doclint: Doclint) -> None:
    write(here / "a.md", "<!-- doclint-disable-next-line template.placeholder -->\n请XX单位报送。\n")
    run = doclint("check", "--format", "json", "a.md")
    assert (run.code, found(run)) == (0, [])


def test_comments_in_plain_text_are_just_text(here: Path, doclint: Doclint) -> None:
    write(here / "a.txt", "<!-- doclint-disable-next-line P101 -->\n请XX单位报送。\n")
    assert found(doclint("check", "--format", "json", "a.txt")) == [("a.txt", "P101", 2, 2, 2, 4)]


IGNORE = """\
# 经核实无误的例外
ignore:
  - path: docs/report.txt   # 引用原文
    code: P101
    text: XX
    context: 会议要求，XX部门抓好
    reason: 引用的是原件，原样保留
"""
REPORT = "关于做好年度统计工作的通知\n会议要求，XX部门抓好落实。\n请XX单位月底前报送。\n"


def test_ignore_file_entries_survive_lines_inserted_above(here: Path, doclint: Doclint) -> None:
    write(here / ".doclint-ignore.yaml", IGNORE)
    report = write(here / "docs" / "report.txt", REPORT)
    run = doclint("check", "--format", "json", "docs")
    assert found(run) == [("docs/report.txt", "P101", 3, 2, 3, 4)]
    report.write_text("各区县人民政府：\n\n" + REPORT, encoding="utf-8")
    run = doclint("check", "--format", "json", "docs")
    assert found(run) == [("docs/report.txt", "P101", 5, 2, 5, 4)]
    assert json.loads(run.out)["summary"]["hidden"] == {"suppressed": 1, "baselined": 0}
    # The context is part of the match: the same text elsewhere is still reported.
    report.write_text(REPORT.replace("XX部门", "XX科室"), encoding="utf-8")
    assert len(found(doclint("check", "--format", "json", "docs"))) == 2


def test_ignore_files_nearer_the_document_apply_too(here: Path, doclint: Doclint) -> None:
    write(here / "docs" / ".doclint-ignore.yaml",
          "ignore:\n- {path: '*.txt', code: P101, text: XX, context: 请XX单位, reason: 样例}\n")
    write(here / ".doclint-ignore.yaml", IGNORE)
    write(here / "docs" / "report.txt", REPORT)
    run = doclint("check", "--format", "json", "docs")
    assert (run.code, found(run)) == (0, [])


def test_unknown_code_in_the_ignore_file(here: Path, doclint: Doclint) -> None:
    write(here / ".doclint-ignore.yaml", IGNORE.replace("code: P101", "code: Q999"))
    write(here / "docs" / "report.txt", REPORT)
    run = doclint("check", "--format", "json", "docs")
    assert run.code == 2
    assert run.err_lines == [
        'doclint: error: .doclint-ignore.yaml:4:11: unknown rule code "Q999" in ignore entry']
    assert len(found(run)) == 2


def test_ignore_file_mistakes_point_at_the_key(here: Path, doclint: Doclint) -> None:
    write(here / ".doclint-ignore.yaml", IGNORE.replace("reason:", "reasn:"))
    write(here / "docs" / "report.txt", REPORT)
    run = doclint("check", "--format", "json", "docs")
    assert run.code == 2
    assert run.err_lines == [
        'doclint: error: .doclint-ignore.yaml:7:5: unknown key "reasn" in ignore entry '
        '(known: path, code, text, context, reason)',
        'doclint: error: .doclint-ignore.yaml:3:5: ignore entry needs "reason"']


def test_doclint_ignore_writes_an_entry_and_keeps_comments(here: Path, doclint: Doclint) -> None:
    write(here / ".doclint-ignore.yaml", IGNORE)
    write(here / "docs" / "report.txt", REPORT)
    run = doclint("ignore", "docs/report.txt:3:2", "P101", "--reason", "单位名称待定稿后填写")
    assert run.code == 0, run.err
    assert run.err == ("doclint: .doclint-ignore.yaml: entry 2 ignores P101 “XX” in "
                       "docs/report.txt\n")
    assert (here / ".doclint-ignore.yaml").read_text(encoding="utf-8") == IGNORE + """\
  - path: docs/report.txt
    code: P101
    text: XX
    context: 请XX单位月底前报送。
    reason: 单位名称待定稿后填写
"""
    run = doclint("check", "--format", "json", "docs")
    assert (run.code, found(run)) == (0, [])
    again = doclint("ignore", "docs/report.txt:3", "P101", "--reason", "再来一次")
    assert (again.code, again.err) == (
        0, "doclint: docs/report.txt:3: P101 is already suppressed\n")


def test_doclint_ignore_creates_the_file_in_the_config_root(here: Path, doclint: Doclint) -> None:
    write(here / "docs" / "sub" / "report.txt", REPORT)
    run = doclint("ignore", "docs/sub/report.txt:2:6", "template.placeholder", "--reason", "原文")
    assert run.code == 0, run.err
    written = (here / ".doclint-ignore.yaml").read_text(encoding="utf-8")
    assert written.startswith("# doclint ignore file:")
    assert "- path: docs/sub/report.txt\n    code: P101\n    text: XX\n" in written
    assert found(doclint("check", "--format", "json", "docs")) == [
        ("docs/sub/report.txt", "P101", 3, 2, 3, 4)]


def test_doclint_ignore_says_what_is_wrong(here: Path, doclint: Doclint) -> None:
    write(here / "docs" / "report.txt", REPORT)
    run = doclint("ignore", "docs/report.txt:2:3", "P101", "--reason", "x")
    assert (run.code, run.err) == (
        2, "doclint: error: docs/report.txt:2:3: no P101 finding here (on this line: P101@6)\n")
    run = doclint("ignore", "docs/report.txt:2", "Q999", "--reason", "x")
    assert (run.code, run.err) == (2, 'doclint: error: unknown rule code "Q999" '
                                      "(see `doclint rules`)\n")
    assert doclint("ignore", "docs/report.txt", "P101", "--reason", "x").code == 2
    assert not (here / ".doclint-ignore.yaml").exists()


def test_unused_suppressions_are_reported(here: Path, doclint: Doclint) -> None:
    write(here / ".doclint-ignore.yaml", IGNORE + """\
  - path: docs/*.txt
    code: N301
    text: ％
    reason: 已改正
  - path: other/*.txt
    code: P101
    text: XX
    reason: 这次没有检查 other/
""")
    write(here / "docs" / "report.txt", REPORT)
    write(here / "docs" / "notice.md", "<!-- doclint-disable-next-line P101, N301 -->\n"
                                       "请XX单位报送。\n\n<!-- doclint-disable T601 -->\n"
                                       "<!-- doclint-disable-next-line Y102 -->\n无误。\n")
    plain = doclint("check", "--format", "json", "docs")
    assert plain.err == ""
    run = doclint("check", "--format", "json", "--report-unused-suppressions", "docs")
    assert run.code == 1
    assert found(run) == [("docs/report.txt", "P101", 3, 2, 3, 4)]
    assert run.err_lines == [
        "docs/notice.md:1:1: unused suppression: N301 in "
        "<!-- doclint-disable-next-line P101, N301 --> hides nothing",
        "docs/notice.md:4:1: unused suppression: T601 in <!-- doclint-disable T601 --> "
        "hides nothing",
        ".doclint-ignore.yaml:8:5: unused ignore entry: N301 “％” in docs/*.txt matches nothing",
    ]  # Y102 did not run, other/ was not checked: neither is judged
    clean = doclint("check", "--format", "json", "--report-unused-suppressions",
                    "docs/report.txt")
    assert clean.err_lines == [
        ".doclint-ignore.yaml:8:5: unused ignore entry: N301 “％” in docs/*.txt matches nothing"]


def test_suppression_is_applied_after_the_cache(here: Path, doclint: Doclint) -> None:
    write(here / "docs" / "report.txt", REPORT)
    cache = ["--cache-dir", str(here / "cache")]
    assert len(found(doclint("check", "--format", "json", *cache, "docs"))) == 2
    write(here / ".doclint-ignore.yaml", IGNORE)
    cached = doclint("check", "--format", "json", *cache, "docs")
    assert found(cached) == [("docs/report.txt", "P101", 3, 2, 3, 4)]
    (here / ".doclint-ignore.yaml").unlink()
    assert len(found(doclint("check", "--format", "json", *cache, "docs"))) == 2


def test_standard_input_uses_the_ignore_file_of_its_name(here: Path, doclint: Doclint) -> None:
    write(here / ".doclint-ignore.yaml", IGNORE)
    run = doclint("check", "--format", "json", "--stdin-filename", "docs/report.txt", "-",
                  input=REPORT.encode())
    assert found(run) == [("docs/report.txt", "P101", 3, 2, 3, 4)]


def test_fix_leaves_suppressed_findings_alone(here: Path, doclint: Doclint) -> None:
    text = "# 通知\n\n<!-- doclint-disable-next-line N301 -->\n增长6.5%，占比32.1％，其余61.4%。\n"
    write(here / "a.md", text)
    run = doclint("check", "--fix", "a.md")
    assert run.code == 0
    assert (here / "a.md").read_text(encoding="utf-8") == text


def test_doclint_ignore_on_an_archive_member_and_an_odd_name(here: Path, doclint: Doclint) -> None:
    import zipfile

    with zipfile.ZipFile(here / "收文[2023].zip", "w") as zf:
        zf.writestr("通知/第1号.txt", REPORT.encode())
    run = doclint("ignore", "收文[2023].zip!通知/第1号.txt:3:2", "P101", "--reason", "原件如此")
    assert run.code == 0, run.err
    assert "- path: 收文[[]2023].zip!通知/第1号.txt\n" in (
        here / ".doclint-ignore.yaml").read_text(encoding="utf-8")
    run = doclint("check", "--format", "json", "收文[2023].zip")
    assert found(run) == [("收文[2023].zip!通知/第1号.txt", "P101", 2, 6, 2, 8)]


@pytest.mark.parametrize(("before", "after"), [
    ("ignore: []  # 待补充\n", "ignore:     # 待补充\n  - path: docs/report.txt\n"),
    ("# 说明\nignore:\n- {path: x.txt, code: P101, text: XX, reason: 旧}  # 旧条目\n",
     "# 说明\nignore:\n- {path: x.txt, code: P101, text: XX, reason: 旧}  # 旧条目\n"
     "- path: docs/report.txt\n"),
    ("", "ignore:\n  - path: docs/report.txt\n"),
])
def test_doclint_ignore_grows_any_ignore_file(here: Path, doclint: Doclint, before: str,
                                              after: str) -> None:
    write(here / ".doclint-ignore.yaml", before)
    write(here / "docs" / "report.txt", REPORT)
    run = doclint("ignore", "docs/report.txt:3", "P101", "--reason", "待定")
    assert run.code == 0, run.err
    assert (here / ".doclint-ignore.yaml").read_text(encoding="utf-8").startswith(after)
    assert found(doclint("check", "--format", "json", "docs")) == [
        ("docs/report.txt", "P101", 2, 6, 2, 8)]

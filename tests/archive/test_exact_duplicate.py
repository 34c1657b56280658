"""A101: files with the same text, blind to white space, line endings and a BOM."""

from __future__ import annotations

from archivehelp import positioned, run

SPEECH = ("在全县经济工作会议上的讲话\n"
          "同志们：今天召开全县经济工作会议，主要任务是总结工作、部署任务。\n")
# The same speech saved on Windows with a BOM, a blank line and re-indented.
SAVED_AGAIN = ("\ufeff在全县经济工作会议上的讲话\r\n\r\n  同志们：今天召开　全县经济工作会议，"
               "主要任务是总结工作、部署任务。\r\n")


def test_a_copy_differing_only_in_layout_points_at_the_original() -> None:
    found = positioned("A101", {"b/copy.txt": SAVED_AGAIN, "a/speech.txt": SPEECH})
    assert found == [{
        "path": "b/copy.txt", "at": (1, 2, 1, 15),
        "message": "本文件与 a/speech.txt 内容完全相同（忽略空白、换行符和 BOM 的差异）；"
                   "这组相同的文件共2份。",
        "en": "This file has the same text as a/speech.txt (ignoring white space, line endings "
              "and BOM); 2 files share this text.",
        "related": [("a/speech.txt", (1, 1, 1, 14), "内容相同的原件（路径排序最前的一份）")]}]


def test_every_further_copy_points_at_the_first() -> None:
    docs = {"c.txt": SPEECH, "a.txt": SPEECH, "b.txt": SAVED_AGAIN, "d.txt": "别的内容"}
    found = run("A101", docs)
    assert [(path, [r.path for r in f.related]) for path, f in found] == [
        ("b.txt", ["a.txt"]), ("c.txt", ["a.txt"])]
    assert all("共3份" in f.message.zh for _, f in found)


def test_one_character_changed_is_not_a_copy() -> None:
    other = SPEECH.replace("部署任务", "部署工作")
    assert run("A101", {"a.txt": SPEECH, "b.txt": other}) == []


def test_tiny_files_are_not_compared() -> None:
    assert run("A101", {"a.txt": "目录\n", "b.txt": "目录\r\n", "c.txt": "", "d.txt": "  \n"}) == []


def test_the_same_path_given_twice_is_one_file() -> None:
    rule_input = {"a.txt": SPEECH}
    assert run("A101", rule_input) == []


def test_input_order_does_not_change_the_findings() -> None:
    docs = {f"{n}.txt": SPEECH if n % 3 else SAVED_AGAIN for n in range(9)}
    forward = positioned("A101", docs)
    backward = positioned("A101", dict(reversed(list(docs.items()))))
    assert forward == backward and len(forward) == 8

"""A104: one title on different texts; generic titles, exact copies and untitled files are quiet."""

from __future__ import annotations

from archivehelp import made_up, positioned, run

from doclint.core import Document
from doclint.rules.archive.titles import DocumentTitle


def test_one_title_on_two_different_texts() -> None:
    docs = {"2020/讲话.txt": "2019年全县经济工作会议讲话\n" + made_up(2, 300),
            "2019/讲话.txt": "2019年全县经济工作会议讲话\n" + made_up(1, 300)}
    assert positioned("A104", docs) == [{
        "path": "2020/讲话.txt", "at": (1, 1, 1, 16),
        "message": "本文件的标题“2019年全县经济工作会议讲话”与 2019/讲话.txt 相同，但正文不同："
                   "没有相同的段落，是两篇不同的文档共用一个标题。",
        "en": "This file's title “2019年全县经济工作会议讲话” is also the title of 2019/讲话.txt, "
              "but the texts differ: no paragraph is shared: two different documents with one "
              "title.",
        "related": [("2019/讲话.txt", (1, 1, 1, 16), "同名文件，约0%的段落相同")]}]


def test_two_versions_of_one_document() -> None:
    body = made_up(1, 600)
    revised = body.replace(body[:60], made_up(3, 60).rstrip("\n"), 1)
    found = run("A104", {"a.txt": "关于加强安全生产工作的通知\n" + body,
                         "b.txt": "关于加强安全生产工作的通知\n" + revised})
    assert len(found) == 1
    assert "疑为同一文档的不同版本" in found[0][1].message.zh


def test_generic_titles_are_compared_only_when_asked() -> None:
    docs = {"2014.txt": "政 府 工 作 报 告\n" + made_up(1, 200),
            "2019.txt": "政府工作报告（摘要）\n" + made_up(2, 200)}
    assert run("A104", docs) == []
    docs["2019.txt"] = "政府工作报告\n" + made_up(2, 200)
    assert [path for path, _ in run("A104", docs, generic=True)] == ["2019.txt"]


def test_exact_copies_and_untitled_files_are_left_to_others() -> None:
    text = "2019年全县经济工作会议讲话\n" + made_up(1, 300)
    assert run("A104", {"a.txt": text, "b.txt": text.replace("\n", "\r\n")}) == []
    untitled = "同志们：\n" + made_up(1, 300)
    assert run("A104", {"a.txt": untitled, "b.txt": "同志们：\n" + made_up(2, 300)}) == []


def test_a_multi_line_title_below_web_chrome() -> None:
    scraped = ("下载\n打印\n当前位置：首页>>政策文件\n国务院办公厅\n\n关于加强某某工作的\n通知\n"
               "国办发〔2020〕1号\n各省、自治区、直辖市人民政府：\n" + made_up(1, 200))
    clean = "国务院办公厅关于加强某某工作的通知\n" + made_up(2, 200)
    found = positioned("A104", {"a.txt": clean, "b.txt": scraped})
    assert [(f["path"], f["at"]) for f in found] == [("b.txt", (4, 1, 7, 3))]


def test_title_extraction() -> None:
    def title(text: str) -> str | None:
        found = Document.from_text(text).facts(DocumentTitle).title
        return None if found is None else found.text

    assert title("2005年政府工作报告\n——2005年3月5日在第十届全国人民代表大会第三次会议上\n") == \
        "2005年政府工作报告"
    scraped = "【字体：大 中 小】\n来源：新华网\n2024年全县工作要点\n一、总体要求\n"
    assert title(scraped) == "2024年全县工作要点"
    assert title("同志们：\n今天召开会议。\n") is None
    assert title("新华社北京12月31日电 新年前夕，国家主席发表新年贺词。\n") is None


def test_a_section_heading_on_the_first_line_is_not_a_title() -> None:
    docs = {"a.txt": "一、起草背景\n" + made_up(1, 300), "b.txt": "一、起草背景\n" + made_up(2, 300),
            "c.txt": "第一章　总　　则\n" + made_up(3, 300), "d.txt": "第一章 总则\n" + made_up(4, 300)}
    assert run("A104", docs) == []
    assert Document.from_text("（一）开工情况\n" + made_up(1, 100)).facts(DocumentTitle).title is None


def test_an_issuer_and_a_genre_is_a_generic_title() -> None:
    docs = {"a.txt": "中华人民共和国国务院令\n" + made_up(1, 300),
            "b.txt": "中华人民共和国国务院令\n" + made_up(2, 300),
            "c.txt": "河北省人民政府令\n" + made_up(3, 300),
            "d.txt": "河北省人民政府令\n" + made_up(4, 300)}
    assert run("A104", docs) == []
    subject = {"a.txt": "河北省人民政府关于加强安全生产工作的通知\n" + made_up(1, 300),
               "b.txt": "河北省人民政府关于加强安全生产工作的通知\n" + made_up(2, 300)}
    assert [path for path, _ in run("A104", subject)] == ["b.txt"]

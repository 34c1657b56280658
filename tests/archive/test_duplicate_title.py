"""A104: one title on different texts; generic titles, copies, column titles, other days' news,
failed pages and untitled files are quiet."""

from __future__ import annotations

import random
from array import array

import pytest
from archivehelp import made_up, positioned, run

from doclint.core import Document
from doclint.rules.archive.duplicate_title import TitleFact, _shared
from doclint.rules.archive.titles import DocumentTitle


def test_one_title_on_two_different_texts() -> None:
    docs = {"2020/讲话.txt": "2019年全县经济工作会议讲话\n" + made_up(2, 300),
            "2019/讲话.txt": "2019年全县经济工作会议讲话\n" + made_up(1, 300)}
    assert positioned("A104", docs) == [{
        "path": "2020/讲话.txt", "at": (1, 1, 1, 16),
        "message": "本文件的标题“2019年全县经济工作会议讲话”与 2019/讲话.txt 相同，但正文不同："
                   "没有相同的文字，是两篇不同的文档共用一个标题。",
        "en": "This file's title “2019年全县经济工作会议讲话” is also the title of 2019/讲话.txt, "
              "but the texts differ: no text is shared: two different documents with one "
              "title.",
        "related": [("2019/讲话.txt", (1, 1, 1, 16), "同名文件，约0%的文字相同")]}]


def test_versions_of_one_document_are_left_to_the_duplicate_rules() -> None:
    body = made_up(1, 600)
    revised = body.replace(body[:60], made_up(3, 60).rstrip("\n"), 1)
    flattened = "新华社北京3月1日电 " + "　　".join(body.splitlines()) + "\n【责任编辑：某某】\n"
    digest = "".join(line for number, line in enumerate(body.splitlines(True)) if number % 3)
    for other in (revised, flattened, digest):
        assert run("A104", {"a.txt": "关于加强安全生产工作的通知\n" + body,
                            "b.txt": "关于加强安全生产工作的通知\n" + other}) == []


def test_same_day_different_bodies_with_the_count_of_all_files() -> None:
    title = "全县召开安全生产工作会议\n2025-03-01\n"
    docs = {f"{n}.txt": title + made_up(n, 300) for n in range(1, 5)}
    found = positioned("A104", docs)
    assert [(f["path"], f["at"]) for f in found] == [(f"{n}.txt", (1, 1, 1, 13))
                                                     for n in (2, 3, 4)]
    assert all(f["message"].endswith("；共有4个文件用这个标题。") for f in found)
    assert found[0]["message"] == (
        "本文件的标题“全县召开安全生产工作会议”与 1.txt 相同，但正文不同：没有相同的文字，"
        "是两篇不同的文档共用一个标题；共有4个文件用这个标题。")
    two = {"1.txt": docs["1.txt"], "2.txt": docs["2.txt"]}
    assert positioned("A104", two)[0]["message"].endswith("共用一个标题。")


def test_column_and_series_titles_recur_by_design() -> None:
    column = {f"11-0{n}.txt": f"国内联播快讯\n2025-11-0{n}\n" + made_up(n, 300) for n in (1, 2)}
    assert run("A104", column) == []
    undated = {f"{n}.txt": "【学习贯彻全会精神】宣讲团在各地宣讲全会精神\n" + made_up(n, 300)
               for n in (1, 2)}
    assert run("A104", undated) == []
    weekly = {f"{n}.txt": "一周要闻回顾\n" + made_up(n, 300) for n in (1, 2)}
    assert run("A104", weekly) == []
    # A headline written on three or more different days is a series, even on the same day.
    days = ["2025-11-01", "2025-11-08", "2025-11-15", "2025-11-15"]
    series = {f"{n}.txt": f"国务院召开常务会议\n{day}\n" + made_up(n, 300)
              for n, day in enumerate(days)}
    assert run("A104", series) == []


def test_other_days_news_under_one_headline_is_quiet() -> None:
    docs = {"a.txt": "各地推进秋冬季农业生产\n2025-11-01\n" + made_up(1, 300),
            "b.txt": "各地推进秋冬季农业生产\n2025年11月9日\n" + made_up(2, 300)}
    assert run("A104", docs) == []
    docs["b.txt"] = "各地推进秋冬季农业生产\n2025年11月1日\n" + made_up(2, 300)
    assert [path for path, _ in run("A104", docs)] == ["b.txt"]


def test_a_failed_page_has_no_body_to_compare() -> None:
    failed = ("各地推进秋冬季农业生产\n2025-11-01\n首页\n|\n简\n|\n繁\n登录\n个人中心\n"
              "function goSearch(event) { var s = '搜索'; window.open(url); }\n"
              "主办单位：某某网站运行中心\n")
    docs = {"a.txt": "各地推进秋冬季农业生产\n2025-11-01\n" + made_up(1, 300), "b.txt": failed}
    assert run("A104", docs) == []


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


def test_a_site_name_stamped_on_pages_of_many_days_is_reported() -> None:
    days = ["2025-11-01", "2025-11-08", "2025-11-15"]
    docs = {f"{n}.txt": f"某某县人民政府门户网站\n{day}\n" + made_up(n, 300)
            for n, day in enumerate(days)}
    found = positioned("A104", docs)
    assert [(f["path"], f["at"]) for f in found] == [("1.txt", (1, 1, 1, 12)),
                                                     ("2.txt", (1, 1, 1, 12))]
    assert all(f["message"].endswith("；共有3个文件用这个标题。") for f in found)


def test_a_data_vendors_credit_above_the_text_is_no_title() -> None:
    def title(text: str) -> str | None:
        found = Document.from_text(text).facts(DocumentTitle).title
        return None if found is None else found.text

    assert title("微信公众号“某某 数据网”\n2020年市政府工作报告\n各位代表：\n") == "2020年市政府工作报告"
    assert title("数据由“某 某 数 据”整理\n各位代表：\n") is None
    docs = {"a.txt": "关注公众号“某某数据网”\n各位代表：\n" + made_up(1, 300),
            "b.txt": "关注公众号“某某数据网”\n各位代表：\n" + made_up(2, 300)}
    assert run("A104", docs) == []


def test_members_proposals_share_a_subject_and_its_title() -> None:
    title = "关于推动都市圈职业教育高质量发展的建议\n"
    docs = {f"2022-{n:04d}.txt": title + made_up(n, 300) for n in (134, 268)}
    assert run("A104", docs) == []
    # the same two texts under a notice's title are two documents one title cannot tell apart
    notices = {path: text.replace("的建议\n", "的通知\n", 1) for path, text in docs.items()}
    assert [f["path"] for f in positioned("A104", notices)] == ["2022-0268.txt"]


def _fact(values: list[int]) -> TitleFact:
    return TitleFact("标题", "标题", (0, 2), b"", array("I", values).tobytes(), None)


def _shared_by_filtering(first: TitleFact, second: TitleFact) -> float:
    """The former definition of the share: each sketch filtered value by value."""
    left, right = array("I", first.sketch), array("I", second.sketch)
    ceiling = min(left[-1], right[-1])
    kept = {v for v in left if v <= ceiling}, {v for v in right if v <= ceiling}
    return len(kept[0] & kept[1]) / min(len(kept[0]), len(kept[1]))


@pytest.mark.parametrize(("first", "second", "share"), [
    ([1, 5, 9], [1, 5, 9], 1.0),
    ([1, 5, 9, 20], [1, 6, 9], 2 / 3),   # compared below 9, the smaller maximum: 1 and 9 of 3
    ([2, 4], [1, 3, 5, 7], 0.0),
    ([100, 200], [5, 7], 0.0),           # every value above the other's: none shared (crashed)
])
def test_the_share_of_two_sketches(first: list[int], second: list[int], share: float) -> None:
    assert _shared(_fact(first), _fact(second)) == pytest.approx(share)


@pytest.mark.parametrize("seed", range(20))
def test_the_share_is_the_filtered_sets_share(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        top = rng.choice([30, 1000, 2**32 - 1])
        first, second = (sorted(rng.sample(range(top), rng.randint(1, 25))) for _ in "ab")
        if first[0] > second[-1] or second[0] > first[-1]:
            continue  # no value of one below the other's maximum: see the case above
        assert _shared(_fact(first), _fact(second)) == _shared_by_filtering(
            _fact(first), _fact(second))

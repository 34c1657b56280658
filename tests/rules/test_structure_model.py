"""The structure model shared by family T: articles, heads, headings, enumerations and
announcements."""

from __future__ import annotations

from doclint.core.document import Document
from doclint.rules.structure.model import Kind, Level, Structure, Style


def _model(text: str) -> Structure:
    return Document.from_text(text).facts(Structure)


def _kinds(structure: Structure) -> list[str]:
    return [b.kind.value for b in structure.blocks]


def test_compilation_splits_on_markers_and_on_a_second_salutation() -> None:
    structure = _model(
        "第一篇：在全县经济工作会议上的讲话\n同志们：\n今天开会，部署工作。\n要抓好项目，抓好投资，抓好落实\n"
        "同志们：\n刚才县长讲得很好，我完全同意。\n"
        "第三篇：在全县消防工作会议上的讲话\n在全县消防工作会议上的讲话\n王 立 军\n"
        "（2024年3月12日）\n同志们：\n要抓消防。"
    )
    articles = structure.articles
    assert [(a.start, a.end, a.ordinal) for a in articles] == [(0, 4, 1), (4, 6, None), (6, 12, 3)]
    assert structure.title_text(articles[0]) == "在全县经济工作会议上的讲话"
    assert structure.title_of(articles[1]) is None
    third = articles[2]
    assert [structure.blocks[i].line for i in third.titles] == [7, 8]
    assert structure.title_text(third) == "在全县消防工作会议上的讲话"
    assert _kinds(structure)[6:12] == ["title", "title", "byline", "dateline", "salutation", "body"]
    assert third.salutation == 10 and third.body_start == 11


def test_salutation_with_title_lines_above_takes_them_into_the_new_article() -> None:
    structure = _model(
        "同志们：\n今天的会议很重要，大家要认真领会，抓好落实。\n在全县教育工作会议上的讲话\n同志们：\n教育是民生之基。"
    )
    assert [(a.start, a.end) for a in structure.articles] == [(0, 2), (2, 5)]
    assert structure.title_text(structure.articles[1]) == "在全县教育工作会议上的讲话"


def test_mid_speech_salutations_do_not_split() -> None:
    text = ("各位代表：\n现在作报告。\n一、回顾\n成绩显著，来之不易。\n结束语\n各位代表！\n"
            "让我们团结奋斗！\n同志们！\n我们一定要胜利！")
    assert len(_model(text).articles) == 1


def test_a_bare_salutation_between_numbered_sections_does_not_split() -> None:
    body = "这一年，全省经济稳中有进，城乡居民收入持续增加，各项社会事业全面发展。" * 6
    one_speech = (f"各位代表：\n{body}\n（一）过去一年的工作\n{body}\n各位代表：\n{body}\n"
                  f"（二）今年的主要任务\n{body}\n")
    assert len(_model(one_speech).articles) == 1
    # the next speech of a compilation numbers its headings from one again
    two_speeches = one_speech.replace("（二）今年的主要任务", "（一）今年的主要任务")
    assert [a.start for a in _model(two_speeches).articles] == [0, 4]
    # a title above the salutation opens a new speech whatever its numbering
    titled = one_speech.replace(f"{body}\n各位代表：", f"{body}\n在全市经济工作会议上的讲话\n各位代表：")
    assert [a.start for a in _model(titled).articles] == [0, 4]


def test_page_copies_split_under_their_dateline() -> None:
    page = ("<U+00A0>1990年政府工作报告\n——1990年3月20日在第七届全国人民代表大会第三次会议上\n"
            "<U+00A0><U+00A0> 国务院总理 李鹏\n各位代表！\n"
            "现在，我代表国务院作政府工作报告，请予审议。\n")
    structure = _model(page + "【E-mail推荐】\n" + page)
    # the chrome line between the copies goes with the next page
    assert [(a.start, a.end) for a in structure.articles] == [(0, 5), (5, 11)]
    first = structure.articles[0]
    assert _kinds(structure)[:4] == ["title", "dateline", "byline", "salutation"]
    assert structure.title_text(first) == "1990年政府工作报告"


def test_official_document_head() -> None:
    structure = _model(
        "国务院关于加强安全生产工作的通知\n国发〔2024〕5号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "现将有关事项通知如下。\n一、总体要求\n（一）指导思想。坚持安全第一。\n（二）工作目标。事故总量下降。"
    )
    article = structure.articles[0]
    assert _kinds(structure)[:4] == ["title", "label", "salutation", "body"]
    assert structure.title_text(article) == "国务院关于加强安全生产工作的通知"
    levels = [(b.heading.level, b.heading.number, b.heading.inline)
              for b in structure.headings(article) if b.heading is not None]
    assert levels == [(Level.ONE, 1, False), (Level.TWO, 1, True), (Level.TWO, 2, True)]


def test_heading_levels_parents_and_sequences() -> None:
    structure = _model(
        "一、主要任务\n（一）扩大投资\n1. 抓项目\n（1）早开工\n①开工仪式\n要早谋划。\n2．抓资金\n"
        "（二）促进消费\n要稳就业。\n二、保障措施\n要加强领导。\n"
        "第一章　总则\n第一条　为了规范管理，制定本办法。"
    )
    blocks = structure.blocks
    headings = [(b.heading.level, b.heading.number, b.heading.parent) for b in blocks if b.heading]
    assert headings == [
        (Level.ONE, 1, -1), (Level.TWO, 1, 0), (Level.THREE, 1, 1), (Level.FOUR, 1, 2),
        (Level.FIVE, 1, 3), (Level.THREE, 2, 1), (Level.TWO, 2, 0), (Level.ONE, 2, -1),
        (Level.CHAPTER, 1, -1), (Level.CLAUSE, 1, 11),
    ]
    runs = [(s.level, [blocks[m].heading.number for m in s.members]) for s in structure.sequences]
    assert (Level.ONE, [1, 2]) in runs and (Level.THREE, [1, 2]) in runs


def test_heading_markers_exclude_numbers_that_are_not_headings() -> None:
    structure = _model("一、二季度增长较快。\n1.5亿元项目已开工。\n"
                       "第五条规定的事项依法办理。\n5．12纪念活动有序开展。")
    assert all(b.heading is None for b in structure.blocks)


def test_enumerations_and_their_lead_position() -> None:
    structure = _model("主要是：一是基础薄弱，二是动力不足。\n三是人才短缺。\n"
                       "第一，坚持党的领导。首先，要统一思想。")
    items = [(e.style, e.number, e.lead) for e in structure.enumerations]
    assert items == [(Style.SHI, 1, False), (Style.SHI, 2, False), (Style.SHI, 3, True),
                     (Style.DI, 1, True), (Style.SHOUXIAN, 1, False)]


def test_announcements() -> None:
    structure = _model(
        "下面，我讲四个问题。\n重点抓好以下十方面工作。\n要力求做到“四个提升”：\n要树牢“四个意识”，做到“两个维护”。\n"
        "我们要突出“三个着力”，守住“两条底线”。\n“三个着力”。一是着力稳增长。"
    )
    found = [(a.count, structure.blocks[a.block].line) for a in structure.announcements]
    assert found == [(4, 1), (10, 2), (4, 3), (3, 6)]


def test_plan_parts_are_headings_not_articles() -> None:
    structure = _model("第一篇　开启新征程\n第一章　发展环境\n当前形势复杂。\n"
                       "第二篇　坚持创新驱动\n第二章　强化科技力量\n要强化科技。")
    assert len(structure.articles) == 1
    assert [b.heading.level for b in structure.blocks if b.heading] == [
        Level.PART, Level.CHAPTER, Level.PART, Level.CHAPTER]


def test_teaser_line_is_a_summary_and_starts_no_article() -> None:
    structure = _model("第一篇：在县委全会上的讲话 同志们：这次全会的主要任务是...\n"
                       "第一篇：在县委全会上的讲话\n同志们：\n这次全会的主要任务是，总结工作。")
    assert structure.blocks[0].kind is Kind.SUMMARY
    [article] = structure.articles  # the teaser belongs to the article it announces
    assert (article.start, article.ordinal, article.marker) == (0, 1, 1)
    assert structure.title_text(article) == "在县委全会上的讲话"


def test_speech_without_line_breaks() -> None:
    structure = _model("同志们：今天召开全县经济工作会议，一是总结，二是部署。下面我讲两点意见。")
    assert len(structure.articles) == 1 and structure.blocks[0].kind is Kind.BODY
    assert [e.number for e in structure.enumerations] == [1, 2]


def test_announcement_scans_find_what_a_full_scan_finds() -> None:
    """``spoken_counts`` and ``closing_counts`` confirm candidates found with the standard
    library's re: the matches must be those of the pattern's own ``finditer``, overlapping
    candidates, counts inside longer numbers and counts after a blocked character included."""
    from doclint.rules.structure import enumerations

    text = ("下面，我讲四个问题。着力解决了三个方面问题。讲两点：一是抓落实。二十三个项目。"
            "第三个方面。以下五方面工作：\n一、加强领导\n抓好三项工作。\n一是…\n"
            "主要把握了以下三点：（一）…下午两点。\n第一，…提出两点建议，供参考。\n1.…")
    for pattern, candidate in ((enumerations._ANNOUNCE, enumerations._ANNOUNCE_CANDIDATE),
                               (enumerations._CLOSING, enumerations._CLOSING_CANDIDATE)):
        found = [m.span() for m in enumerations._confirmed(pattern, candidate, text)]
        assert found == [m.span() for m in pattern.finditer(text)]
        assert found


def test_one_scan_finds_the_places_of_the_three_scans() -> None:
    """``candidates`` scans once for items, spoken counts and closing counts: the places of the
    counts are those of their own scans, the items' include theirs (and some inside another
    item's, which ``items`` passes over), and what each finds from them is the same."""
    from doclint.rules.structure import enumerations

    text = ("下面，我讲四个问题。一是抓落实，二是强基础，三点，十一是……二十三个项目。第三个方面。"
            "以下五方面工作：\n一、加强领导\n抓好三项工作。\n一是…\n其次，要说两点：第一，…首先，"
            "主要把握了以下三点：（一）…下午两点。\n第一，…提出两点建议，供参考。\n1.…统一是")
    places = enumerations.candidates(text)
    assert places.spoken == [m.start() for m in enumerations._ANNOUNCE_CANDIDATE.finditer(text)]
    assert places.closing == [m.start() for m in enumerations._CLOSING_CANDIDATE.finditer(text)]
    own_items = [m.start() for m in enumerations._ITEM_CANDIDATE.finditer(text)]
    assert set(own_items) < set(places.items)
    assert list(enumerations.items(text, places.items)) == list(enumerations.items(text))
    assert list(enumerations.spoken_counts(text, places.spoken)) \
        == list(enumerations.spoken_counts(text))
    assert list(enumerations.closing_counts(text, places.closing)) \
        == list(enumerations.closing_counts(text))
    assert places.spoken and places.closing and len(list(enumerations.items(text))) >= 5

"""Which year a document speaks from, and where that year came from."""

from __future__ import annotations

import json
from pathlib import Path

from doclint.core import Document
from doclint.core.document import Span
from doclint.rules.years.docyear import DocumentYears
from doclint.rules.years.items import split_items


def _year(text: str, path: str = "<case>", **kwargs):
    settings = {"year": None, **kwargs.pop("settings", {})}
    doc = Document(path=path, source=text, settings=settings, **kwargs)
    return doc.facts(DocumentYears).parts[0].year


def test_config_wins() -> None:
    source = _year("（2024年4月24日）\n正文。", settings={"year": 2019})
    assert (source.year, source.source) == (2019, "config")


def test_front_matter() -> None:
    assert _year("正文。", metadata={"date": "2021-03-05"}).source == "front-matter"
    assert _year("正文。", metadata={"year": 2018}).year == 2018


def test_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text("正文。", encoding="utf-8")
    (tmp_path / "speech.txt.meta.json").write_text(json.dumps({"year": 2016}), encoding="utf-8")
    source = _year("正文。", path=str(path))
    assert (source.year, source.source, source.detail) == (2016, "sidecar", "speech.txt.meta.json")


def test_datelines() -> None:
    assert _year("在全县工作会议上的讲话\n（2024年4月24日）\n同志们：").source == "dateline"
    assert _year("政府工作报告\n——2014年2月19日在区人民代表大会上\n各位代表：").year == 2014
    assert _year("通知正文。\n国务院办公厅\n二〇一八年十二月二十九日\n").year == 2018
    assert _year("某某的致辞（2022年10月16日）各位来宾").year == 2022


def test_document_number_and_title() -> None:
    assert _year("关于印发方案的通知\n国办发〔2018〕128号\n各省：").source == "document-number"
    source = _year("2019年政府工作报告\n各位代表：")
    assert (source.year, source.source) == (2019, "title")
    # A numbered heading is not a title; a review of 2024 speaks from 2025.
    source = _year("各位代表：\n一、2024年工作回顾\n过去一年……")
    assert (source.year, source.source) == (2025, "text")


def test_file_name() -> None:
    source = _year("正文。", path="/data/2019年政府工作报告.txt")
    assert (source.year, source.source) == (2019, "file-name")
    assert _year("正文。", path="/data/gwr-national-2015.txt").year == 2015
    assert _year("正文。", path="/data/000_8b5335c45f1d25d8.txt") is None


def test_text_prefers_the_year_after_the_one_reviewed() -> None:
    text = "2004年，国内生产总值增长9.5%。2004年粮食增产。今年要做好2005年工作。到2010年翻一番。"
    assert _year(text).year == 2005


def test_no_year() -> None:
    assert _year("同志们：要抓好安全生产。") is None


def test_compilation_gets_a_year_per_part() -> None:
    text = ("第一篇：在县委工作会议上的讲话\n同志们：\n2006年全县经济平稳增长，2006年财政增收。\n"
            "第二篇：在全县政法工作会议上的讲话\n（2008年4月24日）\n同志们：\n要维护稳定。\n")
    doc = Document(path="<case>", source=text, settings={"year": None})
    parts = doc.facts(DocumentYears).parts
    assert [(p.year.year, p.year.source) for p in parts] == [(2006, "text-floor"),
                                                             (2008, "dateline")]


def test_page_date_in_the_title_line() -> None:
    source = _year("# 《新闻联播》 (20251020)\n\n1953年，伴随着抗美援朝的烽火，学院在哈尔滨成立。")
    assert (source.year, source.source, source.exact) == (2025, "page-date", True)


def test_law_header_gives_the_latest_amendment_as_a_floor() -> None:
    text = ("# 某市排水条例\n\n2007年10月26日 某市人民代表大会常务委员会第四次会议通过\n\n"
            "2020年12月29日 某市人民代表大会常务委员会第三十四次会议修订\n\n<!-- INFO END -->\n\n"
            "第一条 为了规范排水管理，制定本条例。")
    source = _year(text)
    assert (source.year, source.source, source.low, source.high) == (2020, "revision", 2020, None)


def test_signature_date_glued_to_the_last_sentence() -> None:
    source = _year("经调查，该小区于2009年入住。感谢您对我们工作的支持、理解与监督！2019年2月21日")
    assert (source.year, source.source) == (2019, "dateline")


def test_own_number_after_the_title_but_not_a_cited_one() -> None:
    source = _year("关于印发行动计划的通知　　冀政办发〔2016〕28号各市人民政府：现印发给你们。")
    assert (source.year, source.source) == (2016, "document-number")
    source = _year("依据：《关于做好征兵工作的通知》参动〔2013〕69号、军动〔2020〕48号。")
    assert source is None or source.source != "document-number"


def test_one_historical_mention_gives_only_a_floor() -> None:
    source = _year("1953年，伴随着抗美援朝的烽火，学院在哈尔滨成立。“十四五”收官在即。")
    assert (source.low, source.high) == (1953, None)


def test_a_year_the_text_keeps_returning_to_bounds_it() -> None:
    text = "2023年，全市经济回升。2023年财政增收。2023年民生改善。2023年社会稳定。"
    source = _year(text)
    assert (source.low, source.high, source.source) == (2023, 2024, "text-floor")


def test_this_years_anniversary_dates_the_text() -> None:
    source = _year("2012年以来，全国累计增加310种新专业。今年是中华人民共和国成立75周年。")
    assert (source.year, source.source, source.exact) == (2024, "text", True)


def test_publication_notes_and_editors_notes_do_not_date_the_text() -> None:
    text = ("出处：文选第一卷;;;;人民出版社2006年8月第1版　　一九九四年，对于我国改革开放是非常关键的一年。"
            "注释　　〔1〕见《文选》第2卷，人民出版社1994年版。〔2〕一九九八年九月，他指出。")
    source = _year(text)
    assert source.low == 1994


def test_targets_and_plans_are_no_floor() -> None:
    text = "2019年，全县完成投资80亿元。到2025年力争突破150亿元，2026至2027年，力争再翻一番。"
    assert _year(text).low == 2019


def test_years_framed_as_still_to_come_are_no_floor() -> None:
    text = ("2023年，全国经济回升向好，2023年就业总体稳定。中方将担任2026年东道主。"
            "预计可以达到五年计划原定2027年的生产水平。新年前夕，2024年即将到来。"
            "下面报告2025年国民经济计划草案。比五年计划中规定的2026年的水平只差一成。"
            "毕业推迟到2026年寒假。2027年发展经济的主要任务是稳增长。"
            "发表了二〇二四年新年贺词。")
    assert _year(text).low == 2023


def _parts(text: str):
    doc = Document(path="<case>", source=text, settings={"year": None})
    return [(p.year.year, p.year.source) if p.year else None
            for p in doc.facts(DocumentYears).parts]


def test_news_items_of_one_page_get_their_own_years() -> None:
    text = ("在博鳌亚洲论坛年会上的主旨演讲\n（2015年3月28日）\n尊敬的各位来宾：我们要以史为鉴。共同维护和平。\n"
            "新华社北京3月8日电 今年是中华人民共和国成立70周年。代表们表示要以优异成绩迎接国庆。\n")
    assert _parts(text) == [(2015, "dateline"), (2019, "text")]


def test_a_closing_dateline_ends_an_item_with_its_newspaper_page() -> None:
    text = ("代表们表示，要以优异成绩迎接国庆。（新华社北京3月8日电）\n《人民日报》（2019年03月09日01版）\n"
            "国家主席在人民大会堂会见外宾。双方就合作交换了意见。（新华社北京9月2日电）\n《人民日报》（2015年09月03日01版）\n")
    assert _parts(text) == [(2019, "publication"), (2015, "publication")]


def test_a_caption_above_the_report_and_a_dateline_above_its_title_are_one_item() -> None:
    text = ("3月5日，大会在人民大会堂开幕。总理作政府工作报告。新华社记者摄\n新华社北京3月16日电\n"
            "政府工作报告\n——2015年3月5日在第十二届全国人民代表大会第三次会议上\n各位代表：\n现在，我代表国务院报告工作。\n")
    doc = Document(path="<case>", source=text, settings={"year": None})
    whole = Span(0, len(text))
    assert split_items(doc, whole) == [whole]


def test_a_signature_date_at_the_end_is_no_new_item() -> None:
    text = "在全县工作会议上的讲话\n同志们：\n要抓好安全生产。要守住底线。\n（2024年4月24日）\n"
    assert _parts(text) == [(2024, "dateline")]


def test_undated_parts_borrow_only_when_the_dated_parts_agree() -> None:
    same = ("第一篇：在县委工作会议上的讲话\n（2006年1月10日）\n同志们：\n全县经济平稳增长。\n"
            "第二篇：在全县经济工作会议上的讲话\n同志们：\n要抓好项目建设。\n"
            "第三篇：在全县政法工作会议上的讲话\n（2006年4月24日）\n同志们：\n要维护稳定。\n")
    assert [p[0] if p else None for p in _parts(same)] == [2006, 2006, 2006]
    mixed = same.replace("（2006年4月24日）", "（2019年4月24日）")
    assert [p[0] if p else None for p in _parts(mixed)] == [2006, None, 2019]
    # A floor (not earlier than 2006) alone proves nothing about the other parts.
    floor = same.replace("（2006年1月10日）\n同志们：\n全县经济平稳增长。", "同志们：\n1998年建成的电站仍在发电。")
    assert [p[0] if p else None for p in _parts(floor)] == [1998, None, 2006]


def test_a_signature_inside_a_flattened_page_bounds_the_year() -> None:
    notice = ("各市人民政府：《关于加快发展的若干措施》已经省政府同意，现印发给你们。　　某省人民政府办公厅"
              "　　2016年5月9日　　关于加快发展的若干措施　　一、总体要求。")
    source = _year(notice)
    assert (source.year, source.source, source.high) == (2016, "dateline", 2016)
    reply = "网友您好！您反映的问题已转有关部门办理。感谢您的监督！2019年3月2日网友：你好！来信已收悉。"
    assert (_year(reply).year, _year(reply).high) == (2019, 2019)
    public = "请认真贯彻执行。某省财政厅2012年7月1日(此件主动公开)更多信息请关注官方网站"
    assert _year(public).high == 2012


def test_more_signatures_of_flattened_pages_and_replies() -> None:
    # Several issuers, the last a body whose name ends in 会, 院 or 部.
    joint = ("请结合实际认真贯彻落实。某部某局最高人民法院全国总工会2021年7月16日（此件主动公开）"
             "更多信息请关注官方微信")
    assert (_year(joint).year, _year(joint).high) == (2021, 2021)
    # An order signed by a governor or premier with no body before the title.
    order = ("《某省社会保险基金监督办法》已经2018年4月2日省政府第9次常务会议通过，现予公布，自2018年7月1日"
             "起施行。省长某某某2018年5月21日某省社会保险基金监督办法第一章　总则")
    assert (_year(order).year, _year(order).high) == (2018, 2018)
    # A reply that signs and greets the next reader by name, or as 尊敬的/亲爱的网友.
    named = "您反映的情况已转交县人社局办复。2018年12月28日小王：您好！您所反映的问题已收悉。"
    assert (_year(named).year, _year(named).high) == (2018, 2018)
    dear = "感谢您对我们工作的关注，谢谢！2016年4月5日亲爱的网友：您反映的问题已转至县医院核实。"
    assert (_year(dear).year, _year(dear).high) == (2016, 2016)
    # A reply closing with a date in figures after its last sentence.
    figures = "您好！您的留言收悉。经核查，该公司已整改到位，规范自身价格行为。 2019/1/3"
    assert (_year(figures).year, _year(figures).high) == (2019, 2019)
    dashes = "您好！来信收悉。该片石场的开采行为属合法企业的正常开采行为。2015-11-25"
    assert (_year(dashes).year, _year(dashes).high) == (2015, 2015)


def test_dates_in_figures_or_greetings_inside_a_narrative_are_no_signature() -> None:
    inside = "您好！2019/1/3，我局对该公司进行了检查。目前整改已经完成，2021年全部验收。"
    source = _year(inside)
    assert source is None or source.high is None
    told = "2016年4月5日，县医院召开院务会，亲爱的同事们一起研究了该问题。2018年完成改建。"
    source = _year(told)
    assert source is None or source.high is None or source.high != 2016


def test_a_date_that_opens_a_sentence_is_no_signature() -> None:
    narrative = "项目进展顺利。2016年5月9日，市政府召开专题会议，研究部署下一步工作。2018年底全部完工。"
    source = _year(narrative)
    assert source is None or source.high is None or source.high != 2016
    differ = "感谢您的监督！2016年5月9日您好！来信收悉。感谢您的支持！2019年3月2日网友：您好！"
    source = _year(differ)
    assert source is None or source.source != "dateline"


def test_a_resolution_adopted_once_is_the_text_of_that_day() -> None:
    resolution = ("# 某省人民代表大会常务委员会关于加快建设生态强省的决议\n\n"
                  "2016年3月29日 某省第十二届人民代表大会常务委员会第二十二次会议通过\n\n"
                  "<!-- INFO END -->\n\n会议认为，建设生态强省意义重大。\n")
    assert (_year(resolution).year, _year(resolution).high) == (2016, 2016)
    law = resolution.replace("关于加快建设生态强省的决议", "生态环境保护条例")
    assert (_year(law).year, _year(law).high) == (2016, None)  # may have been amended since
    amending = resolution.replace("关于加快建设生态强省的决议", "关于修改《某省生态环境保护条例》的决定")
    assert _year(amending).high is None


def test_a_closing_signature_with_a_no_break_space_bounds_the_year() -> None:
    reply = "网友您好！您反映的问题已转有关部门办理。感谢您对我们工作的支持！特此回复。2018年7月18日 \u00a0"
    assert (_year(reply).year, _year(reply).high) == (2018, 2018)


def test_a_reply_signed_before_the_next_message() -> None:
    reply = "网友：您好！问题已处理。特此回复。2019年7月16日您的留言已收悉！我们已转相关部门处理。"
    assert (_year(reply).year, _year(reply).high) == (2019, 2019)


def test_the_issue_date_under_a_preamble_on_a_flattened_page() -> None:
    notice = ("各市人民政府，省政府各部门：现将《2024年重点工作安排》印发给你们，请认真贯彻执行。"
              "某省人民政府办公厅2024年2月1日为深入贯彻落实省委部署，制定本安排。")
    assert (_year(notice).year, _year(notice).high) == (2024, 2024)
    order = ("国务院令第七百号　　《关于修改〈某某条例〉的决定》已经2024年5月11日国务院常务会议通过，"
             "现予公布，自公布之日起施行。　　总理　某某　2024年5月26日国务院关于修改《某某条例》的决定")
    assert (_year(order).year, _year(order).high) == (2024, 2024)


def test_a_date_after_a_preamble_that_opens_a_sentence_is_no_issue_date() -> None:
    for after in ("2016年5月9日，市政府召开专题会议。", "市政府2016年5月9日召开专题会议。",
                  "省政府办公厅2016年5月9日印发的《通知》要求加快进度。"):
        notice = "现将《实施方案》印发给你们，请认真贯彻执行。" + after + "2019年以来，项目进展顺利。"
        source = _year(notice)
        assert source is None or source.high != 2016


def test_an_anchor_past_the_year_the_text_keeps_returning_to_is_no_year() -> None:
    about = "2019年全市新建学校12所，2019年新增学位3000个，2019年完成投资5亿元，2019年招聘教师200名。"
    far = _year(about + "今年是“十五五”开局之年。")
    assert far.high == 2020  # the floor the text keeps returning to, not the anchor's 2026
    near = _year(about.replace("2019", "2020") + "今年是“十四五”开局之年。")
    assert (near.year, near.high) == (2021, 2021)


def test_a_word_holding_xian_opens_no_preamble() -> None:
    text = ("各地要及时发现问题并向社会发布。省政府办公厅　2016年5月9日　关于加快发展的若干措施"
            "　2019年以来，项目进展顺利。")
    source = _year(text)
    assert source is None or source.high != 2016


def test_a_cited_works_date_in_running_text_is_no_dateline() -> None:
    text = ("某某文选第一卷主要篇目介绍\n新华社北京11月16日电　现将主要篇目介绍如下。　　"
            "《在全市法治工作会议上的讲话》（2012年12月4日）文中指出：要坚持依法办事。"
            "　　《推进法治建设》（2014年2月17日）这是讲话的一部分。\n")
    source = _year(text)
    assert (source.year, source.source, source.high) == (2014, "text-floor", None)


def test_the_pages_own_date_under_the_title_is_preferred_over_cited_works() -> None:
    for line, shown in (("2025-11-16", "2025-11-16"), ("2025/11/16 10:20", "2025/11/16 10:20")):
        text = (f"某某文选第一卷主要篇目介绍\n{line}\n新华社北京11月16日电　现将主要篇目介绍如下。　　"
                "《在全市法治工作会议上的讲话》（2012年12月4日）文中指出：要坚持依法办事。\n")
        source = _year(text)
        assert (source.year, source.source, source.detail, source.exact) == (2025, "page-date", shown, True)
    source = _year("某某文选第一卷主要篇目介绍\n2025年11月16日\n《在全市法治工作会议上的讲话》（2012年12月4日）文中指出：要依法办事。\n")
    assert (source.year, source.source) == (2025, "dateline")


def test_a_list_of_dated_works_has_no_single_dateline() -> None:
    source = _year("某某文选目录\n在全市法治工作会议上的讲话（2012年12月4日）\n推进法治建设（2014年2月17日）\n"
                   "坚持依法办事（2020年11月16日）\n")
    assert (source.source, source.high) == ("text-floor", None)  # a lower bound only


def test_the_documents_own_dated_heading_still_dates_it() -> None:
    assert _year("《在全县政法工作会议上的讲话》（2024年4月24日）同志们：要维护稳定。").year == 2024
    assert _year("在全县政法工作会议上的讲话（2024年4月24日）同志们：要维护稳定。").source == "dateline"
    # Selected works: the heading over its own dateline line, even under a page date.
    source = _year("在中央工作会议上的讲话\n2025-11-16\n（一九七八年十二月十三日）\n同志们：要解放思想。\n")
    assert (source.year, source.source) == (1978, "dateline")


def test_a_signature_before_a_quoted_user_id_or_an_attachment() -> None:
    quoted = ("网友您好！该路段已纳入改造计划。感谢您的关注！2018年10月19日“UU0012345”您的留言已经收到！"
              "我们已转交区交通局办理。")
    assert (_year(quoted).year, _year(quoted).high) == (2018, 2018)
    spaced = "请予理解。某县城市管理局2014年2月28日 “山间客”网友：您好！您反映的问题已收悉。"
    assert (_year(spaced).year, _year(spaced).high) == (2014, 2014)
    attached = "如有疑问，可拨打服务电话咨询。2018年7月26日附：《某县公共租赁住房管理办法》（节选）第三条"
    assert (_year(attached).year, _year(attached).high) == (2018, 2018)


def test_yuanyue_is_january_in_a_signature() -> None:
    reply = "该企业已停产整改，我局将持续跟踪督办。　　某县环境保护局　　2017年元月6日"
    assert (_year(reply).year, _year(reply).high) == (2017, 2017)


def test_a_date_after_a_closed_sentence_of_a_flattened_reply_is_no_law_header() -> None:
    reply = ("网友：你好。关于你咨询的搬迁问题，回复如下：根据《某省易地扶贫搬迁实施意见》，搬迁对象是建档立卡贫困户。"
             "结合本县实际，2016年3月8日县委办公室、县政府办公室印发了实施方案。感谢你的关心。2018年12月10日")
    source = _year(reply)
    assert (source.year, source.source, source.high) == (2018, "dateline", 2018)
    # A header's own note keeps its full stops inside its brackets.
    law = ("某省河道管理条例（2009年5月27日某省人民代表大会常务委员会第十次会议通过。"
           "根据2019年3月28日某省人民代表大会常务委员会第八次会议决定修正）第一条 为了加强河道管理，制定本条例。")
    source = _year(law)
    assert (source.year, source.source, source.high) == (2019, "revision", None)


def test_a_replys_dates_for_handling_the_message_it_answers() -> None:
    forwarded = ("网友：您好，您的留言收悉，已于2017年5月23日转市城管局。该路段人行道将纳入提质改造统一考虑。"
                 "谢谢您对我们工作的关心、理解和支持！")
    source = _year(forwarded)
    assert (source.source, source.low, source.high) == ("text", 2017, 2017)
    assert source.span is not None and forwarded[source.span.start:source.span.end] \
        == "留言收悉，已于2017年5月23日转"
    asked = "您于2019年3月18日在问政平台的留言已收悉，现答复如下：该小区于2008年交付使用，目前正在整改。"
    assert (_year(asked).low, _year(asked).high) == (2019, 2019)
    received = "我局于2018年11月30日接到网民反映，随即派员到现场核查。经查，该店已于2015年停业。"
    assert (_year(received).low, _year(received).high) == (2018, 2019)  # a late-autumn message


def test_a_message_recalled_from_before_dates_no_reply() -> None:
    again = "您曾于2016年4月2日来信反映此事，我局已作答复。该项目于2019年完成验收。"
    source = _year(again)
    assert source is None or source.high is None
    later = "您于2016年4月2日在平台留言反映的问题，经协调，该路段已于2019年5月开工，2019年10月完成改造。"
    source = _year(later)
    assert source is None or source.source != "text"  # the text lives past the handling year


def test_the_year_of_a_meeting_the_country_will_host_is_no_floor() -> None:
    speech = ("2014年，亚洲经济保持较快增长。作为2016年二十国集团领导人峰会主办国，中国愿意为世界经济增长"
              "作出更大贡献。")
    assert _year(speech).low == 2014


def test_a_long_flattened_reply_on_one_line_is_signed_at_its_end() -> None:
    body = "经核查，该户家庭收入情况已按程序重新认定，镇村两级将继续跟踪帮扶。" * 100
    reply = "网友：你好！您在2019年1月17日反映的问题已收悉，现答复如下：" + body + "\u00a02019年2月13日"
    assert len(reply) > 3000 and "\n" not in reply
    source = _year(reply)
    assert (source.source, source.year, source.high) == ("dateline", 2019, 2019)


def test_patterns_opening_on_a_date_are_tried_where_a_date_can_start() -> None:
    from doclint.rules.years.docyear import _INLINE_SIGNED, _ISSUER_DATE, _dated_matches

    texts = [
        "……感谢您的监督！2019年2月21日您好！",  # a reply signed inside a flattened page
        "河北省人民政府办公厅　　2020年9月7日　　关于……",
        "办公厅 2019 年 12 月 3 日\n",  # spaced: the 月 ten characters after the date's start
        "……谢谢！二〇一九年十二月三日尊敬的网友",
        "厅2019年元月2日　　下一篇",
        "委１９９９年０１月０２日来源：本站",
        "厅2019年1月2日2020年3月4日　　后文",  # two dates side by side
        "2019年1月2日，全县……",  # a date opening a sentence: no signature
        "办公厅2019年1月",  # no day
        "",
    ]
    for text in texts:
        for pattern in (_INLINE_SIGNED, _ISSUER_DATE):
            for start, end in ((0, len(text)), (3, len(text)), (0, max(0, len(text) - 4))):
                expected = [m.span() for m in pattern.finditer(text, start, end)]
                assert [m.span() for m in _dated_matches(pattern, text, start, end)] == expected
    assert [m.group("date") for m in _dated_matches(_INLINE_SIGNED, texts[0], 0, len(texts[0]))] \
        == ["2019年2月21日"]
    assert [m.group("date") for m in _dated_matches(_ISSUER_DATE, texts[6], 0, len(texts[6]))] \
        == ["2019年1月2日"]
    assert not list(_dated_matches(_INLINE_SIGNED, texts[7], 0, len(texts[7])))

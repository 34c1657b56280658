"""T501 in a flattened text: its wide gaps are the lost paragraph breaks, except inside a sentence."""

from __future__ import annotations

from doclint.core.document import Document
from doclint.rules.structure.layout import Layout
from doclint.testing import lint_text, spans

PARAGRAPHS = (
    "同志们：这次会议的主要任务是，总结去年的工作，部署今年的任务。",
    "一、去年工作回顾",
    "过去一年，全县上下坚持稳中求进，经济运行总体平稳，产业结构持续优化，"
    "群众生活不断改善，社会大局和谐稳定。全县地区生产总值稳步增长，财政收入保持增长，"
    "城乡居民收入持续提高，重点项目建设顺利推进。",
    "二、今年的主要任务",
    "今年是关键之年，各级党委和政府要切实增强责任感和紧迫感，坚持以人民为中心的发展思想，"
    "扎实推进各项工作。要加快推进产业转型，培育新的增长点，推动农业增效、农民增收，"
    "持续改善生态环境，加强民生保障，兜牢基本民生底线。",
    "三、加强组织领导",
    "各级各部门要把思想和行动统一到县委、县政府的决策部署上来，主要领导亲自抓，"
    "分管领导具体抓，层层压实责任，确保各项任务落到实处。要加强督促检查，"
    "对工作不力的严肃问责，对成绩突出的表扬激励，形成比学赶超的良好氛围。",
    "同志们，新的一年任务艰巨，使命光荣。让我们团结一心，真抓实干，为完成全年目标任务而努力奋斗！",
)
FLATTENED = "\u3000\u3000" + "\u3000\u3000".join(PARAGRAPHS * 2)


def test_the_sample_text_is_flattened() -> None:
    doc = Document(path="<t>", source=FLATTENED, metadata={}, settings={"year": None})
    assert doc.facts(Layout).flattened is not None


def test_paragraph_breaks_of_a_flattened_text_are_quiet() -> None:
    assert lint_text("T501", FLATTENED) == []


def test_a_wide_gap_inside_a_sentence_of_a_flattened_text_is_found() -> None:
    broken = FLATTENED.replace("各级党委和政府要切实", "各级党委和政\u3000\u3000府要切实", 1)
    column = broken.index("\u3000\u3000府") + 1
    assert spans(lint_text("T501", broken)) == [(1, column, 1, column + 2)]


def test_a_wide_gap_after_a_run_in_heading_of_a_flattened_text_is_quiet() -> None:
    run_in = FLATTENED.replace("稳定。全县", "稳定。四、经济运行\u3000\u3000全县", 1)
    assert lint_text("T501", run_in) == []


# A page flattened onto one line under a record header: the page prints its title (the header's
# 标题) in display lines, whose breaks became spaces.
_PAGE = ("标题: 某区管理局关于在公共场所设置提示牌及提示标识的通知\n来源: 某区管理局\n发布时间: 2020-09-11\n"
         "==========\n"
         "某区管理局关于在 公共场所设置提示牌 及提示标识的通知 各处室、各村委会：为做好防控工作，"
         "现将有关事项通知如下。一、设置范围 办事大厅、卫生院等公共场所。（一）设置要求 提示牌应醒目、规范。"
         "请各单位认真落实。 某区管理局 2020年9月11日\n")


def _t501(doc: Document) -> list[tuple[int, int, int, int]]:
    from doclint.core.linter import ActiveRule, lint_document
    from doclint.rules.style.spacing import SpaceInChineseText

    diagnostics, _ = lint_document(doc, [ActiveRule(SpaceInChineseText(), SpaceInChineseText.severity)])
    return [(d.start.line, d.start.column, d.end.line, d.end.column) for d in diagnostics]


def test_breaks_of_the_metadata_title_and_numbered_headings_are_lost_breaks() -> None:
    from doclint.readers.plain import read_plain

    assert _t501(read_plain("page.txt", _PAGE.encode("utf-8"))) == []


def test_without_the_title_in_metadata_the_title_breaks_are_reported() -> None:
    body = _PAGE.split("==========\n")[1]
    found = _t501(Document.from_text(body))
    assert (1, 9, 1, 10) in found and (1, 19, 1, 20) in found


def test_a_padded_name_in_a_list_of_names_before_the_next_field() -> None:
    assert spans(lint_text("T501", "　　提 案 人：林某某、陈 苏主办单位：区社会事业局委员反馈：满意\n")) == []
    assert spans(lint_text("T501", "　　会议要求，各单位要把陈 苏两村的经验推广开来，抓好落实。\n")) == [(1, 14, 1, 15)]


# A flattened page writes its lost paragraph breaks one way (here 　　, its paragraph indents).
def test_a_wide_gap_that_splits_a_dictionary_word_is_found() -> None:
    # 保质期 is written nowhere else in the text: the dictionary knows the word.
    broken = FLATTENED + "\u3000\u3000各门店要加强管理。门店应当对超过保质\u3000\u3000期的食品登记造册，按规定处理。"
    column = broken.index("\u3000\u3000期") + 1
    assert spans(lint_text("T501", broken)) == [(1, column, 1, column + 2)]


def test_a_spaced_out_heading_word_is_no_split_word() -> None:
    padded = FLATTENED.replace("三、加强组织领导", "第一章\u3000总\u3000\u3000则", 1)
    assert lint_text("T501", padded) == []


_SHOP = "\u3000\u3000门店要加强管理。门店应当对超过期限{gap}的食品登记造册，按规定处理。"


def test_two_ascii_spaces_on_a_page_indented_with_ideographic_spaces_are_found() -> None:
    # 期限 and 的 run together nowhere else: only the form of the gap gives it away.
    broken = FLATTENED + _SHOP.format(gap="  ")
    column = broken.index("  的食品") + 1
    assert spans(lint_text("T501", broken)) == [(1, column, 1, column + 2)]


def test_a_wide_gap_written_as_the_page_indents_is_still_a_lost_break() -> None:
    assert lint_text("T501", FLATTENED + _SHOP.format(gap="\u3000\u3000")) == []


def test_two_ascii_spaces_after_a_run_in_heading_are_still_quiet() -> None:
    run_in = FLATTENED.replace("稳定。全县", "稳定。四、经济运行  全县", 1)
    assert lint_text("T501", run_in) == []


# A page whose line breaks became single spaces: a space is a lost break unless it splits a word.
_SPACED = ("关于开展专项检查的通知 各区县： 为进一步规范管理，现将有关事项通知如下。 一、检查范围 "
           "全市各类生产经营单位。 二、检查内容 安全生产责任制落实情况。 三、工作要求 各单位要高度重视，"
           "认真组织开展自查，发现问题及时整改。 四、时间安排 2024年5月底前完成自查，6月底前完成抽查。 "
           "五、其他事项 检查中发现的重大隐患，要立即报告并督促整改到位，整改情况书面报送。 "
           "联系人 张某 联系电话 12345678 "
           "某市应急管理局 2024年4月1日")


def test_a_single_space_splitting_a_dictionary_word_on_a_spaced_page_is_found() -> None:
    assert lint_text("T501", _SPACED) == []
    broken = _SPACED.replace("认真组织开展", "认真组 织开展", 1)
    column = broken.index(" 织开展") + 1
    assert spans(lint_text("T501", broken)) == [(1, column, 1, column + 1)]


def test_padded_labels_of_a_table_run_into_one_line_are_quiet() -> None:
    table = _SPACED.replace("联系人 张某", "序 号产品名称批 号生产企业名称检验结果", 1)
    assert lint_text("T501", table) == []

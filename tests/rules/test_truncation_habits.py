"""How a document's habit of closing its paragraphs is read (T301, T401): contact lines, labels
and numbered items that go without a stop; laws whose articles run on after 第N条."""

from doclint.core import Document
from doclint.rules.structure import lines
from doclint.rules.structure.endings import LineEndings, closes_a_text
from doclint.rules.structure.model import Kind, Level, Structure
from doclint.rules.structure.truncated_paragraph import _glued_heading

_NOTICE = ("各市教育局：\n现将有关事项通知如下。\n"
           "（一）明确范围。本次评选面向全省中小学校，各地要严格按照条件推荐。\n"
           "（二）严格标准。推荐对象应当师德高尚，业绩突出，群众公认。\n"
           "（三）规范程序。各地要按照公开、公平、公正的原则组织评选。\n"
           "（四）加强宣传。各地要及时总结推广先进经验，营造良好氛围。\n"
           "（五）按时报送。各市要于10月底前将推荐材料报送省厅，逾期不予受理。\n"
           "请各市认真组织，确保评选工作顺利开展。\n"
           "联系人：省教育厅人事处李明，0311-12345678\n"
           "省教育厅办公室王红，0311-87654321\n")


def test_contact_details_need_no_stop() -> None:
    assert closes_a_text("联系人：省教育厅人事处李明，0311-12345678")
    assert closes_a_text("省教育厅办公室王红，13912345678")
    assert closes_a_text("电子邮箱：jyt_rsc@163.com")
    assert not closes_a_text("请各市于月底前将推荐材料报送省厅，逾期不予受理")
    assert not closes_a_text("全省共有学校12345678")  # a figure, not a number to dial


def test_page_references_and_related_titles_need_no_stop() -> None:
    assert closes_a_text("――第9、28、70页")
    assert closes_a_text("关于支持产业高质量发展的若干政策解读")
    assert not closes_a_text("关于支持产业高质量发展，各地要认真解读")
    assert not closes_a_text("要认真学习关于产业发展的政策解读")


def test_numbered_headings_glued_after_a_sentence() -> None:
    assert _glued_heading("……保障出口货物享惠。 3. 各方形成合力做好协定工作")
    assert _glued_heading("……设置效能比指标。\u00a0（二）构建现代的仓储和储备体系")
    assert not _glued_heading("……全年完成投资。12.5亿元用于基础设施")
    assert not _glued_heading("……全年完成投资。3. 各地要加快，确保")


def test_contact_lines_and_items_do_not_hide_the_habit() -> None:
    endings = Document.from_text(_NOTICE).facts(LineEndings)
    assert 0 in endings.closed
    assert 0 not in endings.loose
    loose = _NOTICE.replace("。\n请各市", "\n请各市").replace("组织评选。", "组织评选") \
        .replace("良好氛围。", "良好氛围").replace("群众公认。", "群众公认")
    assert 0 not in Document.from_text(loose).facts(LineEndings).closed


def test_glued_articles_are_told_by_their_neighbours() -> None:
    assert lines.glued_article("第九条免费教科书按照目录选用。") == 9
    assert lines.glued_article("第九条 免费教科书按照目录选用。") is None
    assert lines.article_number("第十条 本办法自印发之日起施行。") == 10
    law = ("第八条各地要做好教科书的征订工作。\n第九条免费教科书按照目录选用。\n"
           "第十条本办法自印发之日起施行。\n")
    blocks = Document.from_text(law).facts(Structure).blocks
    assert [b.kind for b in blocks] == [Kind.HEADING] * 3
    assert [b.heading.number for b in blocks if b.heading] == [8, 9, 10]
    assert all(b.heading.level is Level.CLAUSE and b.heading.inline for b in blocks if b.heading)
    reference = "各单位要认真执行本办法。\n第五条规定的期限届满后，应当重新申报。\n"
    blocks = Document.from_text(reference).facts(Structure).blocks
    assert blocks[1].kind is Kind.BODY and blocks[1].heading is None


def test_contact_and_note_lines() -> None:
    assert lines.is_contact_line("联系人：省教育厅人事处李明，0311-12345678")
    assert lines.is_contact_line("联系人及电话：省教育厅职成处某某")
    assert lines.is_contact_line("省骨干教师评选工作办公室联系人：")
    assert not lines.is_contact_line("电话会议要求各地认真落实")
    assert not lines.is_contact_line("联系群众，服务群众")
    assert lines.is_note_line("注：※1空气质量目标按调整后的评价方法测算")
    assert lines.is_note_line("注1：数据截至年底")
    assert not lines.is_note_line("注重实效，不搞形式主义")

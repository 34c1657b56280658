"""T301: a paragraph that stops mid-sentence before a new document, a heading, a new paragraph or
the end."""

from __future__ import annotations

import collections
from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Related,
    Rule,
    Severity,
    segmenter,
)
from doclint.core.document import Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import enumerations, lines
from doclint.rules.structure.endings import (
    CLOSING_START,
    LIST_MARKS,
    CutLines,
    LineEndings,
    Openers,
    closes_a_text,
    cut_mid_sentence,
    dangles_alone,
    headline_over,
    is_prose,
    last_clause_start,
    needs_no_stop,
    open_ended,
    plain_prose,
    punctuated_runs,
    short_rest,
    split_across,
    stops_inside_a_word,
    tail,
    unclosed,
)
from doclint.rules.structure.layout import Layout
from doclint.rules.structure.model import Block, Enumeration, Kind, Level, Structure, Style
from doclint.rules.structure.standfirst import Standfirst

_NUMBERED = lazy_regex(r"^[一二三四五六七八九十]{1,3}[ \t\u3000]+\S")
_SENTENCE_END = lazy_regex(r"[。！？!?；;]")
_SENTENCE_ENDS = frozenset("。！？!?；;")
_COMMAS = lazy_regex(r"[，,]")
_CLAUSE_AFTER_NUMBER = lazy_regex(r"[，,：:]\p{Han}{2,}")  # 第四，采用各种方
_TITLE_LENGTH = 25
# The words a line opens with, up to its first comma (五年来，……): parallel lead lines share them.
_LEAD_WORDS = lazy_regex(r"^[\s\u3000]*(\p{Han}{2,6})[，,]")
_PARALLEL_LEADS = 3
# An indent inside a line after a Chinese character: a paragraph break that lost its full stop.
_INDENT = lazy_regex(r"(?<=\p{Han})(?:\u3000{2,}|[ \u00a0]{2,}|[ \u00a0]*\u3000[ \u3000\u00a0]+)(?=\S)")
# The piece before it is a cut sentence when its last clause follows a comma…
_CUT_CLAUSE = lazy_regex(r"[，,][^，,、]*\p{Han}$")
_BRACKETED = lazy_regex(r"[（(《〈][^（()）《》〈〉]*[）)》〉]")  # commas in brackets are no clause
# …unless the piece is a run-in heading (一、××，×× / （一）××，××) that goes without a stop.
_RUN_IN_HEAD = lazy_regex(
    r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.]"
    r"|第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，、]"
    r"|[A-Za-zＡ-Ｚ][.．、])"
)
_NEXT = {
    "article": Message("下一篇文档的开头", "the start of the next document"),
    "heading": Message("一个标题", "a heading"),
    "end": Message("文件结尾", "the end of the file"),
    "signature": Message("文末的落款", "the signature that ends the text"),
    "note": Message("文末的题注", "the editor's note that ends the text"),
    "contact": Message("文末的联系方式", "the contact details that close the text"),
    "headline": Message("一个标题", "a heading"),
    "link": Message("一条消息末尾的原文链接", "the source link that ends a news item"),
    "title": Message("下一条消息的标题", "the headline of the next news item"),
    "paragraph": Message("另起的一段（句子被截断，或被空行断成了两段）",
                         "a new paragraph (the sentence was cut, or split in two by a blank line)"),
}


class TruncatedParagraph(Rule):
    """段落没有句末标点就中断，后面紧接着另一篇文档、一个标题、另起的一段、文末落款或文件结尾。

    抓取合集时，前一篇讲话常在半句（甚至半个词）处被截断，直接接上下一篇的“同志们：”；
    复制、转换时也会把一段话截掉后半句。只检查有分句标点、至少 10 个汉字、停在汉字上的正文
    段落（其余各段都以句末标点结尾的文档里，有逗号、停在词的中间的短段落也查：“日前，经中共中”；
    网页把链接文字单独成行造成的断行，如“贯彻落实《⏎……法⏎》，”，不算不带标点结尾的段落）。
    分词把末尾两个字各自切开（“政府|性|基”）时，本文档别处这几个字后面每次都接同一个字
    （两次以上“政府性基金”），说明停在了词的中间。段末最后一句（或最后一处空格之后）是日期（只有年份的须是落款那样的短行，“……共同为实现2025年”不算）、落款单位（带代词、介词、“的”“是”“要”的分句碰巧停在
    “处”“会”“政府”上，如“这是我们县政府”，不是落款）、“联系人：××”一类标签、
    列举或表格项、页码、“特此通知”、公文版记的印发行（“××办公室2021年3月26日印发”）、未收录附件的附件标题
    （“附件2参会回执”）时，是文档的落款，不是截断；丢了冒号的引语（“作如下答复”
    “抓好以下几个方面的工作”“现将有关情况答复”）引出后文，也不是截断；以句号、问号、叹号、分号、
    冒号、省略号、后引号、后括号、数字或字母结尾的段落和以“——”“●”开头的列举项不报。
    多数段落都不带句末标点的文档（清单、诗词、去掉了句号的 PDF 转换稿）不报。图表标题（“图1……结构图”
    “表2-1……”）、压成一行一格的表格里的单元格（前面紧挨着一排不带标点的短单元格：“备注”“示例”……）、
    带两级以上编号的小节标题（“3.1　……（……，……）设计”）、按固定宽度折行的段落中间的一行、
    句号之后粘在段末的标题（“……起草。　第一章　总体要求”，缺的是换行），都不是截断；新闻稿合集
    中一条条消息的标题（同一篇里有三行以上这样接在句子后面、下面是正文的标题行）停在哪个字上都不报。新闻图片的说明以摄影署名结尾
    （“……了解情况。 张三 摄”“……李四/摄”），不是截断；专题报道、评论里不带序号也不带句号、单独成段的
    小标题（同一篇两行以上，都不停在要接续的词上，末一分句不少于四个字、不含数字：“锲而不舍、持之以恒，
    把……一抓到底”）不报。报刊评论标题（和日期行）之下、正文之前单独成行的提要（见 T401）不报。文件首行带逗号、隔着空行、下面的正文复述其字词的，是新闻标题（“某省原副省长、党组成员，某某严重违纪被开除党籍”），不报；页面在正文前把标题分成几行再印一遍（连起来就是标题，或以被截短的首行标题开头）的，这几行是标题，不报。简历的条目（以任职年月或起止年月开头、空一格后写职务：“2007.05 某市委书记，市人大常委会主任”“2018.05-至今 某县委常委、副县长”，包括连写在一行里的）不带句末标点，是列表项，不报。Markdown 标题
    （“## 评论员文章：……，……——论……重要讲话”）是标题，带不带逗号都不带句末标点，不报。
    一句话完整、只丢了句号的段落（“……融合发展”“本条例自……起施行”）一般不是截断：段末须停在词的
    中间（分词后末尾是单独一个字，如“听取职”“实施情”，或与下一段的头一个字连成一个词），停在
    要接续的词上（“应当”“关于”“加快”），停在没有闭合的书名号、引号里，或停在本文档别处
    从不带标点结尾的词上；停在完整的词上、但句子缺了主干时也算：介词和它的宾语之后没有动词
    （“……通过改革把它”“……对设备性能”），单独的“是”（“但这种质量是”），“的”后面单独一个字
    （“……危险的物”，本文档别处“的物”后带标点的除外），只有条件、让步分句（“只要我们……”
    “无论是……”，以“的话”“时”结尾的除外）。各项都以标点结尾的一组编号条目（法规的“第N条”，以分号结尾的
    “（一）……；”列举）中，一项停在汉字上，哪怕很短、没有逗号，也是截断（删除、废止的条目除外；
    其他层级的编号须紧接着下一项）；这样的一项紧接着下一项时，停在完整的词上也报。
    没有逗号的一行（如“……修正的《××条例管”）接在结束了的句子之后、自身停在词的中间时，也是截断；
    以“第一，”“一是”开头的条目停在词的中间（而非完整的分句）时，也报，哪怕只有 6 个汉字；
    但同一篇中有两行以上同一体例的序号句都不加句号、各自单独成行时（“第一，必须……⏎正文……⏎
    第二，必须……”），它们是小标题，不报；同一组编号标题（“一、……，……”）有两行以上不加句号的，
    以及三行以上以同样的词语开头、都不加句号的正文行（“五年来，……”），也是小标题；
    编号条目、“——”列举项里含有句子（有逗号或较长、或其中已有句号）的，按正文检查。
    但一篇文档（合集里的一篇）的正文段落（至少 6 段有分句标点的自然段或“第N条”）除这一段外
    都以句末标点结尾时，这一段停在汉字上就是截断，哪怕停在完整的词上（“……不得在风景区⏎第十一条”）；
    编号标题（“（一）……，……取得新突破”）不算正文段落。这样的法规里，一条“第N条 ……”停在完整的词上
    （施行条款“本条例自……起施行”除外，条文很短、停在“委”“局”一类字上也不当作落款），或一行
    没有逗号、写着“应当”“不得”“可以”“有权”“必须”的文字（“……应当加强对可能影响”）接在句子
    之后，或一行接在条文的句子之后、下面还有本条的一段文字（其后又是下一条），也是截断；这样的文档里，已经含有句子的“三是……。……”条目，和逗号之后写着这些词的短行
    （“……经费投入，应当根据就业”），停在完整的词上、后面另起一段时也报。一组都以标点结尾的编号条目的最后一项
    停在词的中间、后面是文件结尾时，也报。段落后面单独一个“?”再接缩进的，“?”是转换时无法解码
    的字符，看它后面的内容。
    一组各自开段的“一是……。”“第一，……。”条目（至少三项，其余各项都以句末标点结尾）中，一项停在汉字上、
    下一行紧接着就是下一项时（“九是……。⏎十是奋力推进经济⏎十一是……。”），哪怕停在完整的词上，也是截断。
    逐行成段（不空行、不缩进）、其余各段都以句末标点结尾的文档里，一行停在词的中间（分词后末尾单独
    一个字，前面是完整的词，如“……礼兵沿红地毯两”），下一行既没有把这个词补全、也不是这句话的后半截，
    而是以一个完整的词开头、自成一段的话（“李克强表示，……。”）时，这一行后半截丢了，是截断，
    在此报告（T401 不再报）。
    一段一行、其余各段都以句末标点结尾的新闻稿（新闻联播文字稿一类）里，一行正文停在句中，下一行以新闻
    段落惯用的开头另起一段（消息来源“央视网消息（新闻联播）：”，说话人“习近平指出，”“美国特工处当天说，”，
    时间地点“2018年8月，”“上午9时30分许，”“在安徽合肥的……园区，”“受利好政策影响，”），或下一行是下一条
    消息的标题（不带标点、下面的正文复述它的字词，或同一篇有三行以上这样的标题），这一行后半截丢了，是
    截断（T401 不再报），停在完整的词上也报；没有逗号、停在词的中间的一行（“会议应出席代”）接在句子之后、
    下一段照此开头又不复述它时，以及消息来源之后停在词的中间的第一句（“央视网消息（新闻联播）：国家主席
    习近平同新西兰总”），也是截断。以消息来源开头的一行是正文，不是标题下的提要；复述在下一段里的标题行
    不算“不加句号”的文体。
    Markdown 格式的新闻稿里，隔着空行接在段落后面的原文链接（“*[原文](http://…)*”，一条消息的结尾）、
    单独一行的粗体标题（“**……**”，下一条消息）和“## ……”标题，都说明这一段到此为止（段末须停在
    词的中间：只丢了句号的完整句子“……累计接种疫苗94515.0万剂次”不报）。
    逐行成段、不空行也不缩进的报告里，下一行以称呼（“各位代表！”）、列举项（“五是”“——”）
    或本文档常用来开段的主题句（“加快……。”“着力……。”）开头时，也算另起一段。
    下一段开头是转换时无法解码的“?”再接空格（“? （这是……）”）时，看它后面的内容。
    法规里，一行文字接在某条的句子之后、紧挨着下一条（“第N条”），以介词开头（“对涉嫌……”）、写着
    “应当”“不得”一类词，或停在词的中间时，是该条下一段被截断（节标题“水土流失预防”是名词短语，不报）；
    写着“应当”的这一行停在“处”“局”一类字上也不当作落款；“流行：指……”这样的定义是句子，不是标签。
    没有逗号但含有问句、叹句的段落（“……什么目的呢？总的目的是……”）按正文检查。单独一行的“三”
    是标题（接在含有句子的段落之后；讲话标题后面的“一”不算）。一组以标点结尾的编号条目中，一项停在
    词的中间（“（十四）办理上级人”，停在“上”“中”一类方位词上的除外），后面接着正文时，也报。
    逐行成段、每段都以主题句开头的报告（“加快……。”“推进……。”）里，单独一行不带任何标点、却像主题句
    那样开头的文字（“扎实推进生态”），是丢了主题句后半截和整段正文的一段，停在完整的词上也报；
    同一篇里有两行以上这样的文字时，它们是小标题，不报。
    文选、文集里文末的题注（“（这是……同志会见……时谈话的要点。）”“（原载……）”）之前的一段，
    以及通知正文之后的联系方式（“联系人：……”“……办公室联系人：”）、注释（“注：……”）之前的一段，
    和文件结尾之前一样看待。文末的最后一段不是小标题。只有日期的落款（“……⏎⏎2014年11月26日”）
    也是落款。看文档是否“其余各段都以句末标点结尾”时，编号条目后面的正文（“（一）明确范围。本次……。”）
    也算正文段落，而以电话号码、电子邮箱、标签、日期、页码（“——第2、254页”）、粘在句后的编号标题
    （“……享惠。 3. 各方……”）等本不需要标点的内容结尾的行不计入。页面在正文之后列出的相关文件标题
    （“……有效期3年。关于……若干政策解读”）不是截断。
    转载时丢了“第N条”后空格的法规（“第九条免费教科书……”），前后相邻的条文序号连续时，这些行仍是条文。
    编号标题停在要接续的单字上或没有闭合的书名号里（“（二）体育运动学校《道德”），是被截断的标题；
    紧接在编号标题下面、不带逗号、停在词的中间的一行（“二、……情况⏎全省校舍建设资⏎……”“一、出台背景⏎
    为贯彻落实党中央、国务院关⏎二、……”），是被截断的正文，不是小标题。逐行成段、其余各段都以句末标点结尾的
    文档里，最后一个分句只剩逗号后的一个字（“……加大宣传，积”）、下一行没有把它补全而自成一段时，也是截断；
    下一行像通知的段落那样以要办事的单位开头（“各地要……”“各市教育局要……”）时同样，上一行停在要接续的字上
    （“……的”）的除外。
    公文正文的最后一段停在词的中间，后面只剩落款（发文机关、日期，可带“（本文有删减）”一类编者注）时，
    也是截断，和停在文件结尾一样报告。
    下一行紧接着仍是正文时，属于断行（T401），不在此报告；隔着空行或首行缩进另起一段时在此报告，
    但下一段的头一个字把停在半截的词补全时（“追究刑⏎⏎事责任”），或下一段补上了本段没有闭合的
    书名号、括号（“《关于……基层⏎　　治理工作的实施意见》”），或本段停在要带宾语的词上、下一段以
    一个光秃秃的名词短语开头（“……互助、和谐的⏎　　新型民族关系。”“……认真听取⏎　　社会各界对规划草案提出的意见。”），或下一段以三到六个字、不带逗号
    的一句开头（“……只管一个⏎　　工厂情况不同。”，代词开头的句子和本文档惯用的主题句除外），
    也是断行，由 T401 报告。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T301"
    name = "structure.truncated-paragraph"
    category = Category.TRUNCATION
    severity = Severity.ERROR
    summary = Message("段落在句中中断。", "A paragraph stops mid-sentence.")
    message = Message("段落在“{tail}”处中断，没有句末标点，后面是{next_zh}。",
                      "The paragraph stops at “{tail}” without closing punctuation, "
                      "before {next_en}.")
    examples = Examples(
        bad=("同志们：\n要持续改善农村人居环境，推进厕所革命，进\n同志们：\n下面我讲两点意见。",
             "要坚持稳中求进，着力扩大有效投资，加快\n二、主要任务\n要抓好项目建设。",
             "今年要扩大有效投资。一方面要抓好重大项目，另一方面要\n\n要持续优化营商环境。"),
        good=("要坚持稳中求进，着力扩大有效投资。\n二、主要任务\n要抓好项目建设。",
              "今年要重点抓好以下工作：\n一、扩大投资\n要抓好项目建设。",
              "感谢您对我们工作的支持与监督！　　县住房和城乡建设局　　2018年6月15日"),
    )
    basis = "抓取截断（domain-rules §6.3）"

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.facts(Layout).line_structure_lost:
            return  # an unpunctuated or hard-wrapped file: T402/T403 say so once
        structure = doc.facts(Structure)
        blocks = structure.blocks
        endings = doc.facts(LineEndings)  # T401 reads it for every document too
        # The document's runs and series are read only about a line that does not end its
        # sentence: worked out at the first such line (a document may have none).
        prepared = False
        for block in blocks:
            indented = "\u3000\u3000" in block.text or "  " in block.text
            if block.ends_sentence and not indented:
                continue  # most lines: nothing cut at their end nor inside them
            if lines.is_markdown_heading(block.text):
                continue  # a heading (## 标题) goes without a stop, punctuated or not
            if indented:
                yield from self._inside(block, doc.text)
            if block.ends_sentence:
                continue
            if not prepared:
                items = {e.block for e in structure.enumerations if e.lead}
                subheadings = _unstopped_lead_ins(structure) | _unnumbered_subheads(blocks)
                punctuated = punctuated_runs(structure)
                stopped = _stopped_items(structure)
                series = _title_series(blocks)
                lead = doc.facts(Standfirst).blocks  # a paper's display lines under its title
                prepared = True
            titled = _cut_title(block)  # a heading's title cut: no sub-heading
            if (block.index in subheadings and not titled) or block.index in lead \
                    or lines.ends_with_photo_credit(block.text) \
                    or _LIST_TAIL.search(block.text, _last_sentence_end(block.text)) \
                    or _glued_heading(block.text) or _section_title(block.text) \
                    or _among_cells(block, blocks) or _wrapped(block, blocks):
                continue
            # An item of a run whose items all end their sentences (第N条 of a law, （一）…；
            # of a list) is text, however short: stopping on a character, it was cut.
            following = _next_block(blocks, block)
            enumerated = _cut_enumerated(block, following, stopped)
            item = enumerated or _cut_item(block, punctuated, blocks, doc.text)
            closed = block.article in endings.closed
            law_line = closed and _inside_an_article(block, blocks, following)
            between = closed and _between_articles(block, blocks, following)
            cut = doc.facts(CutLines).blocks  # the next line opens a paragraph of its own
            if (not item and not titled and (not _stops_mid_sentence(block, closed)
                              or not (is_prose(block) or _holds_sentence(block) or _run_in(block)
                                      or between or block.index in cut
                                      or (closed and _cut_short(block))
                                      or _cut_line(block, blocks, following, closed,
                                                   series)))) \
                    or _continues(blocks, block):
                continue
            # a whole sentence that lost only its full stop is no cut, unless the document ends
            # every other paragraph of its text with punctuation
            if block.index not in cut \
                    and not stops_inside_a_word(block.text, doc.text,
                                                following.text if following is not None else "") \
                    and not (item and (enumerated or _before_next_item(block, following))) \
                    and not (block.article in series and block.article in endings.closed_few
                             and plain_prose(block)) \
                    and not (closed and (plain_prose(block) or _clause(block, item)
                                         or _normative_line(block) or law_line or between)):
                continue
            if block.article in endings.loose:
                continue
            openers = doc.facts(Openers)
            what = _what_follows(endings, blocks, block, following, openers, items, cut,
                                 block.article in series)
            if what == "paragraph" and following is not None \
                    and (split_across(block, following)
                         or (short_rest(block, following) and not openers.opens_topic(following))):
                continue  # the next paragraph finishes the word or the sentence: T401's
            if what in ("link", "headline") and not stops_inside_a_word(block.text, doc.text):
                continue  # an item whose last sentence only lost its stop (…94515.0万剂次)
            if what is None or (what == "paragraph" and not item and not law_line and not between
                                and not _reads_as_paragraph(block, items, closed,
                                                            block.index in cut)):
                continue
            start = block.span.start + last_clause_start(block.text)
            if start == block.span.end:
                start = block.span.end - 1
            related: tuple[Related, ...] = ()
            if following is not None:
                related = (Related(following.span, _NEXT[what]),)
            yield self.report(Span(start, block.span.end), tail=block.text[-6:],
                              next_zh=_NEXT[what].zh, next_en=_NEXT[what].en, related=related)

    def _inside(self, block: Block, document: str) -> Iterator[Finding]:
        """A page flattened into one line keeps its paragraph breaks as indents (``……。　　下一段``);
        a paragraph cut mid-sentence leaves an indent after a clause without its end."""
        text = block.text
        for gap in _INDENT.finditer(text):
            before = text[: gap.start()]
            start = _piece_start(before)
            piece = before[start:].lstrip(" \t\u3000\u00a0")
            opens = not start or before[start - 1] not in _SENTENCE_ENDS \
                or len(piece) < len(before) - start  # the piece opens a paragraph
            plain = _BRACKETED.sub("", piece)
            if not _CUT_CLAUSE.search(plain) or _RUN_IN_HEAD.match(piece) \
                    or closes_a_text(tail(piece)) or not lines.has_han(piece, 10) \
                    or not stops_inside_a_word(piece, document, text[gap.end():]):
                continue
            # A piece that opens a paragraph (after an indent) may be a title or a table's
            # cell (一个问题：解放思想，繁荣理论): only a long run of clauses is a cut sentence.
            if opens and (len(_COMMAS.findall(plain)) < 2 or len(plain) < _TITLE_LENGTH):
                continue
            start = block.span.start + len(before) - len(piece) + last_clause_start(piece)
            end = block.span.start + gap.start()
            note = _NEXT["paragraph"]
            following = Span(end + len(gap.group()), block.span.end)
            yield self.report(Span(start, end), tail=before[-6:], next_zh=note.zh,
                              next_en=note.en, related=(Related(following, note),))


# What a one-line record ends with after its last sentence when its tail is a list, not prose:
# its attachments (附件：1.…2.…, 附：…明细表 and the table's cells) or a member list
# (…联席会议成员名单 召集人：某某 职务 …).
_LIST_TAIL = lazy_regex(r"附(?:件|表)?[0-9０-９一二三四五六七八九十]*[：:]|名单")


def _last_sentence_end(text: str) -> int:
    last = _LAST_SENTENCE_END.search(text)
    return last.end() if last is not None else 0


_LAST_SENTENCE_END = lazy_regex(r"(?r)[。！？!?；;]")  # searched from the text's end


# A heading glued onto the end of a paragraph (……起草。　第一章　总体要求, ……享惠。 3. 各方…): the lost line break
# is the defect, the paragraph itself ends with its stop.
_GLUED_HEADING = lazy_regex(
    r"[。！？!?；;][ \t\u3000\u00a0]*(?:第[一二三四五六七八九十百]+[章节编部分]|[一二三四五六七八九十]{1,3}、"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[.．、](?![0-9０-９]))[^，,。；;：:！？!?]{0,24}$"
)
# A numbered section heading of a report or a guide (3.1　多阅片者……设计, 2.4.1 ……).
_SECTION_NUMBER = lazy_regex(r"^[\s\u3000]*[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2}){1,3}(?![0-9０-９])[ \t\u3000]*\p{Han}")
_CELL_HAN = 12    # a table's cell: a short line without punctuation
_PARAGRAPH_HAN = 30  # a paragraph of text, closing its sentence: no table's cell
_CELLS_IN_A_ROW = 3
_CELL_REACH = 8


def _glued_heading(text: str) -> bool:
    return _GLUED_HEADING.search(text.rstrip(" \t\u3000\u00a0")) is not None


def _section_title(text: str) -> bool:
    """A line numbered 3.1 or 2.4.1 whose words outside brackets hold no clause: a heading."""
    return _SECTION_NUMBER.match(text) is not None \
        and not _COMMAS.search(_BRACKETED.sub("", text)) and not _SENTENCE_END.search(text)


def _among_cells(block: Block, blocks: list[Block]) -> bool:
    """The paragraph is a cell of a table flattened to lines: a row of short cells without
    punctuation (经济性和可推广性⏎备注⏎示例⏎人机协同作业) stands just before it, with no
    heading and no paragraph of text closing its sentence between (a list of names over a
    notice's paragraphs is no table of them)."""
    run = 0
    body, label = Kind.BODY, Kind.LABEL
    for other in reversed(blocks[max(0, block.index - _CELL_REACH) : block.index]):
        if other.article != block.article or (other.heading is not None and not other.heading.inline) \
                or (other.kind is body and lines.has_han(other.text, _PARAGRAPH_HAN)
                    and other.ends_sentence):
            return False  # a heading or a paragraph of text between: the cells are another part
        short_cell = other.kind is label and not lines.has_han(other.text, _CELL_HAN + 1) \
            and not lines.has_punctuation(other.text)
        run = run + 1 if short_cell else 0
        if run >= _CELLS_IN_A_ROW:
            return True
    return False


_WIDTH_SLACK = 2


def _wrapped(block: Block, blocks: list[Block]) -> bool:
    """The line is one of a paragraph wrapped at a fixed width, the lines before it on the
    lines just before, of its width, neither ending a sentence (…对 A 基础共⏎性标准和…推进⏎
    智能制造。): a wrap, not a paragraph's end."""
    if block.index < 2:
        return False
    width = len(block.text)
    for back in (1, 2):
        other = blocks[block.index - back]
        if other.line != block.line - back or other.ends_sentence \
                or abs(len(other.text) - width) > _WIDTH_SLACK:
            return False
    return True


_DEBRIS = frozenset(("?", "？"))


def _next_block(blocks: list[Block], block: Block) -> Block | None:
    """The block after ``block``; a lone "?" before an indent on its line is a character the
    converter could not decode (``?　　（这是…）``), not the start of what follows."""
    at = block.index + 1
    if at < len(blocks) and blocks[at].text in _DEBRIS and at + 1 < len(blocks) \
            and blocks[at + 1].line == blocks[at].line:
        at += 1
    return blocks[at] if at < len(blocks) else None


_CUT_ITEM_HAN = 4  # an item of a punctuated run cut inside a word: as short as 办理上级人
_EMPTY_ITEM = lazy_regex(r"(?:删除|删去|废止|略|空|保留)$")


def _cut_item(block: Block, punctuated: frozenset[int], blocks: list[Block],
              document: str = "") -> bool:
    """An item of a punctuated run (see ``punctuated_runs``) that stops on a Chinese character
    after some text of its own. A heading run in (``（三）强化保障`` before its paragraph) is
    only an item when the next item follows at once (or it ends the file), or when it stops
    inside a word (``（十四）办理上级人``, ``三、建强…思政课教``), which no title does; 第N条 is
    text by itself."""
    heading = block.heading
    if heading is None or heading.sequence not in punctuated \
            or not lines.is_han_char(block.text[-1]):
        return False
    rest = block.text[heading.title_span.start - block.span.start :]
    # an article's text is no signature (第三十二条 …组成人员在常务委 stops on 委 by chance)
    if not rest or _EMPTY_ITEM.search(rest) \
            or closes_a_text(tail(rest), signature=heading.level is not Level.CLAUSE):
        return False
    if heading.level is Level.CLAUSE:
        return True
    following = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
    return following is None or (following.heading is not None
                                 and following.heading.sequence == heading.sequence) \
        or (lines.has_han(rest, _CUT_ITEM_HAN) and not _ends_on_place(rest)
            and stops_inside_a_word(rest, "", following.text if following is not None else ""))


_STOPPED_ITEMS = 3  # items of a run, each ending its sentence, that show how its items end


def _stopped_items(structure: Structure) -> dict[int, Enumeration]:
    """The paragraph-opening items (``一是…``, ``第一，…``) of runs in which at least three
    items open paragraphs and all but one of them end their sentences: block index → item."""
    blocks = structure.blocks
    runs: collections.defaultdict[tuple[int, Style], list[Enumeration]] = collections.defaultdict(list)
    for item in structure.enumerations:
        if item.lead and item.number:
            runs[blocks[item.block].article, item.style].append(item)
    found: dict[int, Enumeration] = {}
    for members in runs.values():
        if len(members) >= _STOPPED_ITEMS \
                and sum(not blocks[m.block].ends_sentence for m in members) <= 1:
            found.update((m.block, m) for m in members)
    return found


def _cut_enumerated(block: Block, following: Block | None,
                    stopped: dict[int, Enumeration]) -> bool:
    """A line opening with the next number of a run whose items all end their sentences, right
    before the item after it (``九是…。⏎十是奋力推进经济⏎十一是…。``), stopping on a character:
    cut, however short, even on a whole word. (A line without a comma holds no item of the
    model's: its number is read here.)"""
    if following is None or following.index not in stopped \
            or block.index == 0 or not lines.is_han_char(block.text[-1]) \
            or needs_no_stop(block.text):
        return False
    after = stopped[following.index]
    before = stopped.get(block.index - 1)
    if before is None or before.style is not after.style or before.number + 2 != after.number:
        return False
    own = next(enumerations.items(block.text), None)
    return own is not None and own[2].start == 0 and own[0] is after.style \
        and own[1] == after.number - 1


def _ends_on_place(text: str) -> bool:
    """The text ends on a localizer (…聚焦在主业务上, …工作中): a whole phrase, though one
    character long."""
    return segmenter.available() and segmenter.last_tagged(text[-_CUT_LINE_HAN * 2:])[1] == "f"


def _cut_line(block: Block, blocks: list[Block], following: Block | None,
              closed: bool = False, series: frozenset[int] = frozenset()) -> bool:
    """A line without clause punctuation (read as a label) between paragraphs of text, or right
    under a numbered heading, that stops inside a word by itself (…主管部, …的, 《…条例管,
    …国务院关): a paragraph cut before its first comma, not a title or a caption, which stand
    before text, not after a sentence's end, and stop on a whole word. Where the
    document ends all its paragraphs of text with punctuation, a line that states a duty
    (…应当加强对可能影响) is a sentence too, stopping on any word."""
    if block.kind is not Kind.LABEL or block.index == 0 or not lines.has_han(block.text, _CUT_LINE_HAN) \
            or lines.is_chrome(block.text) or lines.is_caption(block.text):
        return False
    previous = blocks[block.index - 1]
    running = previous.kind is Kind.BODY or (previous.heading is not None and previous.heading.inline)
    inside = stops_inside_a_word(block.text, "", following.text if following is not None else "") \
        and block.article not in series
    if previous.heading is not None and not previous.heading.inline:
        return inside  # under a numbered heading (一、出台背景⏎为贯彻落实党中央、国务院关⏎二、…)
    return running and previous.ends_sentence \
        and ((closed and (_normative_line(block) or _inside_an_article(block, blocks, following)))
             or inside)


_SERIES_TITLES = 3  # title lines of one shape in an article that make them a series


def _title_series(blocks: list[Block]) -> frozenset[int]:
    """The articles holding several title lines, each after a sentence's end and over a
    paragraph of text: the headlines of the items of a news transcript (…的一步。⏎
    北京市购车摇号明年指标净减9万⏎刚刚发布的…). A line of theirs stopping on a word is one more
    headline, not a paragraph cut before its first comma."""
    counts: collections.Counter[int] = collections.Counter()
    label, body = Kind.LABEL, Kind.BODY
    for previous, block, after in zip(blocks, blocks[1:], blocks[2:], strict=False):
        if block.kind is label and after.kind is body and previous.ends_sentence \
                and previous.article == block.article == after.article:
            counts[block.article] += 1
    return frozenset(article for article, count in counts.items() if count >= _SERIES_TITLES)


_SERIES_TITLE = lazy_regex(r"^[^，,。；;！？!?]{6,40}(?<=[\p{Han}”’》」）)%％])$")


def _series_title(block: Block, after: Block | None) -> bool:
    """In a transcript of news items (``_title_series``), a line read as a label, without a
    clause's punctuation, over a paragraph of text: the next item's headline, restated or not."""
    return block.kind is Kind.LABEL and _SERIES_TITLE.match(block.text) is not None \
        and after is not None and after.kind is Kind.BODY and after.line == block.line + 1 \
        and after.ends_sentence


_ARTICLE_REACH = 12  # blocks looked at either way for the articles around a line


def _inside_an_article(block: Block, blocks: list[Block], following: Block | None) -> bool:
    """A line between a sentence of a law's article (…。) and a paragraph of text, with an
    article (第N条) before it and another after that paragraph: the line is the article's text,
    not a title, which stands before an article (发言和表决⏎第三十二条), nor an attachment's
    heading after the last article, nor an item of a list after its colon."""
    if block.kind is not Kind.LABEL or block.index == 0 or following is None \
            or following.kind is not Kind.BODY or not blocks[block.index - 1].text.endswith("。") \
            or not lines.has_han(block.text, _CUT_LINE_HAN):
        return False

    def article_at(index: int) -> bool | None:
        heading = blocks[index].heading
        if heading is None or blocks[index].article != block.article:
            return None
        return heading.level is Level.CLAUSE

    before = next((found for at in range(block.index - 1, max(-1, block.index - _ARTICLE_REACH), -1)
                   if (found := article_at(at)) is not None), False)
    after = next((found for at in range(following.index + 1,
                                        min(len(blocks), following.index + _ARTICLE_REACH))
                  if (found := article_at(at)) is not None), False)
    return before and after


# A duty, a permission or a right stated: a sentence's predicate, not a title's words.
_NORMATIVE = lazy_regex(r"应当|不得|可以|有权|必须")


def _normative_line(block: Block) -> bool:
    """A line of text without clause punctuation that states a duty (…应当加强对可能影响)."""
    return block.kind is Kind.LABEL and lines.has_han(block.text, _CUT_LINE_HAN) \
        and _NORMATIVE.search(block.text) is not None


# An article putting the law in force: whole without its full stop (本条例自…起施行).
_IN_FORCE = lazy_regex(r"(?:施行|实施|生效)$")


def _cut_title(block: Block) -> bool:
    """A numbered heading whose title stops where no title does: on a word of one character
    that needs what follows (…的, …和; not …取向) or inside a title or a quotation it opened
    (（二）体育运动学校《道德). (A title's last characters recur in its text, in the same words:
    they tell no word cut.)"""
    heading = block.heading
    if heading is None or heading.inline or heading.level is Level.CLAUSE:
        return False
    title = block.text[heading.title_span.start - block.span.start :]
    return lines.has_han(title, _TITLE_CUT_HAN) and lines.is_han_char(title[-1]) \
        and (dangles_alone(title) or unclosed(title))


_TITLE_CUT_HAN = 3


def _clause(block: Block, item: bool) -> bool:
    """An article of a law (第N条 …) that is an item of its punctuated run, not the one that
    puts the law in force (it is whole, only its full stop lost)."""
    return item and block.heading is not None and block.heading.level is Level.CLAUSE \
        and _IN_FORCE.search(block.text) is None


_RUN_IN = lazy_regex(r"^(?:第[一二三四五六七八九十]{1,3}|[一二三四五六七八九十]{1,3}是)[，,]\p{Han}")
_RUN_IN_HAN = 6
_CUT_LINE_HAN = 6  # a cut line of text: as short as a run-in item


def _run_in(block: Block) -> bool:
    """A short paragraph opening with a run-in number (第四，采用各种方): text, however short."""
    return block.kind is Kind.BODY and bool(_RUN_IN.match(block.text)) \
        and lines.has_han(block.text, _RUN_IN_HAN)


def _before_next_item(block: Block, following: Block | None) -> bool:
    """The next block is the next item of the same run: an item stopping on a character there
    was cut, even on a word that could end a sentence (…的污染环境防治⏎（四）…)."""
    return following is not None and following.heading is not None \
        and block.heading is not None and following.heading.sequence == block.heading.sequence


def _piece_start(before: str) -> int:
    """Where the text before an indent starts its sentence: after the last sentence end or the
    last indent."""
    found = 0
    for pattern in (_SENTENCE_END, _INDENT):
        for found_match in pattern.finditer(before, found):
            found = max(found, found_match.end())
    return found


# A definition (流行：指…, 本条例所称…是指…): a sentence, not a label and its value.
_DEFINITION = lazy_regex(r"^\p{Han}{2,12}[：:](?:是指|系指|指|是)\p{Han}")


def _stops_mid_sentence(block: Block, closed: bool) -> bool:
    """The paragraph stops inside a sentence (``cut_mid_sentence``). Where the article ends all
    its text with punctuation, a line stating a duty (…应当协助同级劳动行政部门处) is not a
    signature ending on 处, and a definition (流行：指一个地区…) is not a label with its value."""
    text = block.text
    if cut_mid_sentence(text):
        return True
    if not closed or not lines.is_han_char(text[-1]):
        return False
    piece = tail(text)
    if _DEFINITION.match(piece):
        return lines.has_han(piece, 10)
    return _normative_line(block) and not closes_a_text(piece, signature=False)


_ENDS_INSIDE = lazy_regex(r"[？！?!]\p{Han}")


_SHORT_CUT_HAN = 4


def _cut_short(block: Block) -> bool:
    """A paragraph of a document that closes all its others, cut a clause or two into its first
    sentence (``日前，经中共中``): too short for prose by its length, but it has a comma and
    stops inside a word."""
    return block.kind is Kind.BODY and block.heading is None \
        and _COMMAS.search(block.text) is not None and lines.has_han(block.text, _SHORT_CUT_HAN) \
        and not lines.is_chrome(block.text) and stops_inside_a_word(block.text)


def _holds_sentence(block: Block) -> bool:
    """A body paragraph without commas that is running text all the same: it holds a question
    or an exclamation (…什么目的呢？总的目的是…), or it is a definition (流行：指…)."""
    return block.kind is Kind.BODY and lines.has_han(block.text, 10) \
        and (_ENDS_INSIDE.search(block.text) is not None or _DEFINITION.match(block.text) is not None) \
        and not lines.is_chrome(block.text)


def _between_articles(block: Block, blocks: list[Block], following: Block | None) -> bool:
    """A line of text after the sentence of a law's article and right before the next article
    (…工作人员进行。⏎对涉嫌服用国家管制⏎第九十五条): the article's next paragraph, cut before its
    first comma. A section's title stands there too (水土流失预防, 保障和促进措施⏎第N条), but it
    names a subject: the line must open with a preposition (对…, 由…), state a duty (…应当…), or
    stop inside a word (…部门处, …法定代表)."""
    if block.kind is not Kind.LABEL or block.index == 0 or following is None \
            or following.heading is None or following.heading.level is not Level.CLAUSE \
            or not lines.has_han(block.text, _CUT_LINE_HAN) or lines.is_chrome(block.text):
        return False
    previous = blocks[block.index - 1]
    running = previous.kind is Kind.BODY or (previous.heading is not None and previous.heading.inline)
    if not running or previous.article != block.article or not previous.ends_sentence:
        return False
    return _normative_line(block) or _opens_with_preposition(block.text) \
        or stops_inside_a_word(block.text, "", following.text)


_TITLE_PREPOSITIONS = frozenset(("关于",))  # 关于…的规定: a title's opening


def _opens_with_preposition(text: str) -> bool:
    if not segmenter.available():
        return False
    word, tag = segmenter.tagged(text[:_CUT_LINE_HAN * 2])[0]
    return tag == "p" and word not in _TITLE_PREPOSITIONS


def _continues(blocks: list[Block], block: Block) -> bool:
    """The line is the second half of one broken after a comma (a heading's or a sentence's):
    the break is the defect, not an ending (T401)."""
    return block.index > 0 and dangles_alone(blocks[block.index - 1].text)


def _unstopped_lead_ins(structure: Structure) -> set[int]:
    """Lines that go without a stop where their article has several of one kind so: the
    document's sub-headings, each over its paragraph, not paragraphs cut one after another —
    two or more lines opening with an ordinal of one style (``第一，……`` ``第二，……``) or
    numbered headings of one run (``一、牢固树立……，坚持……`` ``二、……``), three or more lines
    of text opening with the same words (``五年来，……形势是很好的`` ``五年来，……取得了……``)."""
    blocks = structure.blocks
    groups: collections.defaultdict[tuple[int, object], list[int]] = collections.defaultdict(list)
    for e in structure.enumerations:
        if e.lead and not blocks[e.block].ends_sentence:
            groups[blocks[e.block].article, e.style].append(e.block)
    for sequence in structure.sequences:
        for member in sequence.members:
            if not blocks[member].heading.inline and not blocks[member].ends_sentence:
                groups[blocks[member].article, sequence].append(member)
    found = {index for members in groups.values() if len(members) >= 2 for index in members}
    leads: collections.defaultdict[tuple[int, str], list[int]] = collections.defaultdict(list)
    body = Kind.BODY
    for block in blocks:
        # NOTE: the pattern last: most lines are body text that ends its sentence.
        if block.kind is not body or block.ends_sentence:
            continue
        opening = _LEAD_WORDS.match(block.text)
        if opening:
            leads[block.article, opening.group(1)].append(block.index)
    found.update(index for members in leads.values() if len(members) >= _PARALLEL_LEADS
                 for index in members)
    return found


_SUBHEAD_MAX = 64
_SUBHEAD_MIN_HAN = 6
_SUBHEAD_LAST_CLAUSE = 4  # a heading's last clause says something (…，剔除 is a verb cut off)
_FIGURE = lazy_regex(r"[0-9０-９]")  # a line of figures is a report's text, not its heading


def _unnumbered_subheads(blocks: list[Block]) -> set[int]:
    """A feature's or a commentary's bold sub-headings, set as paragraphs of their own without
    a number or a stop (``锲而不舍、持之以恒，把……一抓到底``): two or more short lines of one
    article with no sentence end in them, none stopping on a word that needs what follows. The
    word tests of a sentence misread a heading's grammar (``把……一抓到底`` has no verb they
    know, ``露头就打`` ends on one character), so a cut paragraph is told from these by standing
    alone, by a last clause of a word or two (``……37.15亿元，剔除``) or by its figures. A
    sub-heading stands over a paragraph of its text: the last line of a text is none."""
    found: collections.defaultdict[int, list[int]] = collections.defaultdict(list)
    body = Kind.BODY
    for block in blocks:
        if block.kind is not body or block.ends_sentence:
            continue  # (a line ending a sentence does not end on a Chinese character)
        text = block.text.strip(" \t\u3000\u00a0")
        if len(text) > _SUBHEAD_MAX:
            continue  # most paragraphs, told first
        after = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
        if after is None or after.article != block.article or after.kind is not body:
            continue  # a sub-heading stands over its paragraph, not at the end of a text
        if lines.is_markdown_heading(text) \
                or _SENTENCE_END.search(text) or not lines.has_han(text, _SUBHEAD_MIN_HAN) \
                or not lines.is_han_char(text[-1]) or open_ended(text) \
                or _FIGURE.search(text) or len(text) - last_clause_start(text) < _SUBHEAD_LAST_CLAUSE:
            continue
        found[block.article].append(block.index)
    return {index for members in found.values() if len(members) >= 2 for index in members}


def _reads_as_paragraph(block: Block, items: set[int], closed: bool = False,
                        cut: bool = False) -> bool:
    """Before a new paragraph, only a paragraph can be cut: not a run-in heading that opens
    with its number (``第一，…`` ``四　…`` ``一是…``) and goes without a full stop by house style,
    and not a short title line without any sentence end (``坚持党的路线，改进工作方法``). Where
    the article ends all its text with punctuation, an item already holding a sentence
    (``三是…问题。现在看，…必然会阻碍``) is a paragraph, and so is a short line stating a duty
    (``……经费投入，应当根据就业``), and so is a short line of text before a paragraph that
    opens as news does (``CutLines``: …在社会保障方面，这十年，我国社会⏎这十年，基本养老…)."""
    if closed and block.index in items and _SENTENCE_END.search(block.text):
        return True
    if block.index in items or _NUMBERED.match(block.text):
        # a run-in heading ends on a whole word; one stopping inside a word was cut
        return _CLAUSE_AFTER_NUMBER.search(block.text) is not None and stops_inside_a_word(block.text)
    if block.heading is not None and block.heading.level is Level.CLAUSE:
        return True  # 第N条's text is the clause itself
    # a short line may be a title without its stop, unless it stops inside a word
    return cut or len(block.text) > _TITLE_LENGTH or bool(_SENTENCE_END.search(block.text)) \
        or _normative_line(block) or (closed and _NORMATIVE.search(block.text) is not None) \
        or stops_inside_a_word(block.text)


def _in_speech(blocks: list[Block], block: Block) -> bool:
    """The block stands after its article's salutation: in the speech, not in its head (a photo
    caption before 各位代表： is no cut paragraph)."""
    for earlier in reversed(blocks[: block.index]):
        if earlier.article != block.article:
            return False
        if earlier.kind is Kind.SALUTATION:
            return True
    return False


def _what_follows(endings: LineEndings, blocks: list[Block], block: Block,
                  following: Block | None, openers: Openers, items: set[int],
                  cut: frozenset[int] = frozenset(), series: bool = False) -> str | None:
    if following is None:
        return "end"
    if following.article != block.article:
        return "article"
    if following.heading is not None:
        return "heading"
    if (block.kind is Kind.BODY or block.heading is not None) and _signs_off(blocks, following):
        return "signature"
    if block.kind is Kind.BODY and _SOURCE_NOTE.match(following.text):
        return "note"
    if block.kind in (Kind.BODY, Kind.LABEL) or block.heading is not None:
        if lines.is_contact_line(following.text):
            return "contact"  # 联系人：…: the notice's text ended with the paragraph before
        if lines.is_note_line(following.text):
            return "note"  # 注：…: a note under the text
    if _BARE_NUMBER.match(following.text) and _SENTENCE_END.search(block.text):
        return "heading"  # a paragraph of sentences before 三 (a title before 一 is none)
    if (following.kind is Kind.SALUTATION and _in_speech(blocks, block)) \
            or following.index in items \
            or (following.kind is Kind.BODY and following.text[0] in LIST_MARKS):
        return "paragraph"  # 各位代表！ opens a new part of the speech, 五是… or —— a new item
    after = blocks[following.index + 1] if following.index + 1 < len(blocks) else None
    if block.kind is Kind.BODY and following.line == block.line + 1 \
            and (headline_over(following, after)
                 or (series and _series_title(following, after))):
        return "title"  # a news transcript's next item, its headline over its paragraph
    new_paragraph = following.line > block.line + 1 or endings.opens_paragraph(following) \
        or openers.opens_topic(following) or block.index in cut
    if new_paragraph and following.kind is Kind.BODY and _opening(following) not in CLOSING_START:
        return "paragraph"
    if following.line > block.line + 1 and block.kind is Kind.BODY and _item_break(following):
        # a Markdown transcript's item ends with its source link, its next item opens with a
        # bold headline or a ``##`` heading: lines set apart that no sentence runs on into
        return "link" if _MARKDOWN_LINK_LINE.match(following.text) else "headline"
    return None


_SIGN_OFF_LINES = 3  # an issuer's name, a date, a second issuer (an editor's note aside)


def _signs_off(blocks: list[Block], following: Block) -> bool:
    """The next line is the issuer's name or the date, and nothing but the sign-off follows it
    (国务院办公厅⏎一九九六年三月五日): the text ended with the paragraph before it."""
    rest = [b for b in blocks[following.index:] if not _EDITORIAL_NOTE.match(b.text)]
    opens = (following.kind is Kind.LABEL and _names_issuer(following.text)) \
        or following.kind is Kind.DATELINE  # a sign-off of its date alone (…⏎⏎2014年11月26日)
    return opens and len(rest) <= _SIGN_OFF_LINES \
        and all(b.article == following.article and closes_a_text(b.text.strip()) for b in rest)


# A collection's note after a text, saying where it comes from (（这是…同志会见…时谈话的要点。）,
# （原载…）): the text ended before it.
_SOURCE_NOTE = lazy_regex(r"^[ \t\u3000]*[（(](?:这是|原载|选自|摘自|本文是)[^（()）]{4,}[）)][ \t\u3000]*$")
_EDITORIAL_NOTE = lazy_regex(r"^[ \t\u3000]*[（(][^（()）]{2,20}[）)][ \t\u3000]*$")  # （本文有删减）


def _names_issuer(text: str) -> bool:
    piece = text.strip()
    return closes_a_text(piece) and not closes_a_text(piece, signature=False)


# A section's number on a line of its own (三): a heading, after a paragraph that holds sentences
# (a speech's title stands before its 一).
_BARE_NUMBER = lazy_regex(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}[ \t\u3000]*$")
# A line that is only a Markdown link (``*[原文](http://…)*``) or only bold text
# (``**瑞典发生疑似恐袭事件 多人受伤**``).
_MARKDOWN_LINK_LINE = lazy_regex(r"^[*_]{0,2}\[[^\[\]\n]{1,40}\]\((?:https?:)?//[^()\s]+\)[*_]{0,2}[ \t]*$")
_MARKDOWN_BOLD_LINE = lazy_regex(r"^\*\*[^*\n]{2,60}\*\*[ \t]*$")
_UNDECODED = lazy_regex(r"^[?？][ \t\u3000]+(?=\S)")


def _item_break(block: Block) -> bool:
    """A Markdown news transcript's line between items: a source link, a bold headline, a
    ``##`` heading."""
    return _MARKDOWN_LINK_LINE.match(block.text) is not None \
        or _MARKDOWN_BOLD_LINE.match(block.text) is not None or lines.is_markdown_heading(block.text)


def _opening(block: Block) -> str:
    """The character a paragraph opens with; a "?" before spaces is a character the converter
    could not decode (``? （这是…的讲话。）``), not a question mark closing the line before."""
    debris = _UNDECODED.match(block.text)
    return block.text[debris.end()] if debris else block.text[0]

"""Y202: an era marker mentioned before it could have existed (“十四五” in a 2015 text)."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule, Severity
from doclint.rules.years.context import year_reference
from doclint.rules.years.docyear import YearSource
from doclint.rules.years.era_check import beyond_named, earliest_for, too_early
from doclint.rules.years.eras import PIN, EraYears, MarkerHit


class MarkerBeforeItsTime(Rule):
    """文中出现了在文档年份时尚不存在的时代标志。

    五年规划、普法规划、党代会和全会、专项教育活动、“新质生产力”“中国式现代化”之类的
    提法、机构名称都有最早可能出现的年份（例如“十四五”最早在2016年前后开始研究，“国家
    市场监督管理总局”2018年组建）。
    文档年份早于这个年份，说明文档年份有误或文本是后来改写的。当前和回顾性的提法都算：
    2015年的文本不可能回顾“十四五”。筹划和预告（“第七个五年计划也有了设想”“2022年召开
    党的二十大时”“到二〇二〇年全面建成小康社会”）可以提前若干年（按标志的种类：计划2年，
    “十一五”以后的规划1年，即最早在上一个规划开始的前一年；党代会5年，目标10年，活动2年；新提法和新机构不能提前；但说党代会或全会“即将召开”“召开前夕”最早在其前一年）。但编制、起草、谋划
    “十一五”以后的规划（含其征求意见稿、送审稿）最早在其开始前3年，“即将开启”“将进入”前2年，“明年…进入”
    前1年；把这类规划当作已在实施来写（“做好‘十五五’期间全民阅读工作”“‘十五五’时期，对…
    继续发放…”：既非筹划展望，附近也没有提到相邻的上一个或下一个规划，以免误读长期规划分阶段的写法）、
    在回顾中提到（“五年来…是‘十四五’时期的5.3倍”）或在其本句中写成已做的事（“落实了…‘十五五’规划
    提出的任务”）同样最早在其开始前3年。“将…纳入”“将…列入”中的“将”是“把”，不是筹划。
    说规划已经发话（“‘十五五’规划和2035年远景目标纲要提出”，不是“为…规划提出建议”）或句子以规划时期开头、
    把其中的事写成已做的（“‘十五五’期间，我省已经…形成了…”），与当作已在实施同样计（不论附近是否提到别的规划）；
    规划（纲要）的草案、征求意见稿即使没有书名号也按编制计。句子或分句以规划的开局之年、收官之年开头并叙述其事
    （“‘十四五’开局之年，中央实行…，三季粮食捷报频传”，不含筹划和号召）须在那一年之后；说规划目标任务已经完成
    （“‘十三五’规划主要目标任务胜利完成”，不含“提前完成”“即将完成”“确保…完成”“完成情况”）和作为变化的基数（“从‘十三五’时期的48%提高到55%”“比‘十三五’末增长”，不含“比‘十四五’初”）最早在其最后一年的前一年。
    “‘十五五’以来”“党的二十一大报告提出”“党的二十一大精神”“‘十五五’开局良好”（不是作为目标，如“确保…开局良好”）、讲规划时期的成就（“‘十五五’时期发展成就”“‘十五五’期间…成效显著”，不含“取得更大成就”之类的目标）须在其开始之后；已印发的规划文件（《…“十五五”
    规划》，草案除外）最早在开始前一年。只按有上限的文档年份判断（日期行、发文字号、页面
    日期等；仅凭正文时，须正文反复以该年为当年，或正文把某个时代标志当作当前事项，如“全面
    贯彻党的十九大精神”说明不晚于2023年，或正文写某年是工作的某个阶段并要求当年行动，如“2018年是…
    的最后一年，请…务必…”，或正文数出某事件至今的年数，如“改革开放十七年来”，或正文说明今年是哪一年，如“今年（2021年）”“今年年初印发的《…》（国办发〔2021〕1号）”，或答复写明办理所答留言的日期，如“您的留言收悉，已于2017年5月23日转…”（当年，10月以后的日期也可能是次年），或正文的指导思想止于某一理论，如“以…科学发展观为指导”说明不晚于2018年）；同一文档年份下的多处只报一次，其余列为相关位置。
    没有这类上限时（只有正文下限，或没有年份），若正文把某个标志当作当前工作（不是筹划、展望或回顾；
    规划须写成已在实施）或说今年是它的某一年，而它最早可能出现的年份比正文以任何方式提到的最晚年份
    （须有同年或前两年的另一处年份相伴）和正文中其他时代标志都晚3年以上，且正文当作当前事项的其他标志在它最早可能出现之前都已过时效（当作当前的“党的二十大精神”可以说到2027年，同年也可以贯彻“党的二十一大精神”），也报告（不含法规条文；当作手头工作的规划，如“紧紧围绕‘十四五’规划目标抓好当前工作”，与正文年份相比按其开始前一年计）。标志及其年份见
    `doclint/rules/years/data/era_markers.yaml`，可在配置 `era_markers` 中追加。
    """

    code = "Y202"
    name = "era.marker-before-its-time"
    category = Category.ANACHRONISM
    severity = Severity.ERROR
    summary = Message("时代标志早于其可能出现的年份。", "An era marker appears before it could exist.")
    message = Message(
        "“{wording}”：{label}最早在{earliest}年才可能出现，而{reference_zh}更早{more_zh}。",
        "“{wording}”: {label} cannot appear before {earliest}, but {reference_en} is earlier"
        "{more_en}.",
    )
    examples = Examples(
        bad=("二〇一五年一月十日\n要认真实施“十四五”规划。",),
        good=("二〇二〇年一月十日\n要认真编制“十四五”规划。", "要认真编制“十四五”规划。",
              "一九七九年十一月二十六日\n我国正在制订第六个五年计划，第七个五年计划也有了个设想。"),
    )
    beyond_message = Message(
        "“{wording}”把{label}当作当前工作，但它最早在{earliest}年才可能出现，而正文提到的年份最晚为"
        "{named}年，也没有更晚的时代标志：文档年份不明时，这样写说明标志早于文本的年代。",
        "“{wording}” treats {label} as current work, but it cannot appear before {earliest}, while "
        "the latest year the text names is {named} and no other marker is later: the marker is "
        "too early for the text.",
    )
    beyond_pin_message = Message(
        "“{wording}”说今年不早于{earliest}年，而正文提到的年份最晚为{named}年，也没有更晚的时代标志："
        "文档年份不明时，这样写说明{label}早于文本的年代。",
        "“{wording}” puts the present in {earliest} or later, while the latest year the text names "
        "is {named} and no other marker is later: {label} is too early for the text.",
    )
    basis = "时代标志（domain-rules §4，era-markers earliest_mention）"
    group_after = 20

    def check(self, doc: Document) -> Iterator[Finding]:
        years = doc.facts(EraYears)
        by_source: dict[int, tuple[YearSource, list[tuple[MarkerHit, int]]]] = {}
        for hit in too_early(doc):
            source = years.at(hit.span.start)
            earliest = earliest_for(hit)
            assert source is not None and earliest is not None
            by_source.setdefault(id(source), (source, []))[1].append((hit, earliest))
        for source, found in by_source.values():
            yield self._report(doc, source, found)
        beyond = beyond_named(doc)
        if beyond:
            first = beyond[0]
            others = [Related(b.hit.span, Message(f"又一处远晚于正文年份的时代标志：{b.hit.marker.label}",
                                                  f"another marker far beyond the text's years: "
                                                  f"{b.hit.marker.label}")) for b in beyond[1:]]
            template = self.beyond_pin_message if first.hit.how == PIN else self.beyond_message
            yield self.report(first.hit.span, template,
                              wording=doc.slice(first.hit.span), label=first.hit.marker.label,
                              earliest=first.earliest, named=first.named,
                              related=(Related(first.named_span,
                                               Message("正文提到的最晚年份", "the latest year the text names")),
                                       *others))

    def _report(self, doc: Document, source: YearSource,
                found: list[tuple[MarkerHit, int]]) -> Finding:
        """One finding per document year: many markers too early for it say the year is wrong."""
        hit, earliest = found[0]
        reference, related = year_reference(source)
        others = [Related(h.span, Message(f"又一处早于文档年份的时代标志：{h.marker.label}",
                                          f"another marker too early: {h.marker.label}"))
                  for h, _ in found[1:]]
        more_zh = more_en = ""
        if others:
            more_zh = f"；另有{len(others)}处时代标志同样早于文档年份，文档年份可能有误"
            more_en = f"; {len(others)} more markers are too early as well: the year may be wrong"
        return self.report(hit.span, wording=doc.slice(hit.span), label=hit.marker.label,
                           earliest=earliest, reference_zh=reference.zh,
                           reference_en=reference.en, more_zh=more_zh, more_en=more_en,
                           related=(*related, *others))


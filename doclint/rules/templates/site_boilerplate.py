"""P203: the template site's own words (范文, 精选, 小编, 更多相关文章, 本文由…整理)."""

from __future__ import annotations

import regex

from doclint.core import Category, Example, Examples, Message, Severity
from doclint.core.lazyregex import lazy_regex
from doclint.rules.templates.boilerplate import LINE, SPACE, BoilerplateRule, Pattern
from doclint.rules.templates.scan import AtLineStarts

_S = SPACE
# "党课讲稿范文（一）": the genre stays, the site's label goes.
_GENRE = r"(?<=稿|讲话|致辞|主持词|心得体会|总结|计划|报告|材料|发言|方案)"
# The clauses a site adds after its note ("，仅供参考", "，如有侵权请联系删除"): each names the
# site's business; one that does not is the document's own sentence, glued on.
_SITE_CUE = (
    r"(?:参考|学习|帮助|欢迎|阅读|下载|收藏|分享|转载|侵权|删除|版权|作者|联系|本站|本网|喜欢|免费|"
    r"投稿|原创)"
)
_CLAUSE = r"[^，,。！；\r\n]"
_SITE_TAIL = (
    rf"(?:{_S}*[，,]{_S}*{_CLAUSE}{{0,12}}{_SITE_CUE}"
    rf"(?:{_CLAUSE}{{0,4}}(?=[，,。！；\r\n]|$)|))*{_S}*[。！]?"
)
_URL = r"(?:https?://|www\.)[A-Za-z0-9./_\-]+"

# A data vendor's or an account's credit, stamped on the text it sells (often letter-spaced so
# that filters miss it: "马 克 数 据 网"). The name is quoted, spaced out, a web address, or
# says what it is (数据网, 团队); a plain "来源：某某日报" is a reprint note and stays.
_LETTER = r"[\p{Han}A-Za-z0-9]"
_QUOTED = r"(?:[“\"【「]" + _S + r"*" + _LETTER + r"(?:" + _S + r"?" + _LETTER + r"){1,15}" + _S + r"*[”\"】」])"
_SPACED = _LETTER + r"(?:" + _S + _LETTER + r"){3,15}(?<=网|队|据)"
_VENDOR = r"(?:\p{Han}{0,10}(?:数据网|数据团队|团队|工作室))"
_DOMAIN = r"(?:(?:https?://)?(?:www\.)?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:cn|com|net|org)/?)"
_VENDOR_NAME = rf"(?:{_QUOTED}|{_DOMAIN}|{_SPACED}|{_VENDOR})"
_FROM = rf"来{_S}?(?:自|源)"
_CREDIT = (
    rf"(?:(?:关注|欢迎关注|扫码关注)?{_S}*(?:微信)?公众号{_S}*[：:]?{_S}*{_QUOTED}"
    rf"|(?:该|本)?(?:数据|资料|文档|内容){_S}*由{_S}*{_VENDOR_NAME}{_S}*(?:整理|收集|提供|制作)"
    rf"|[（(]{_S}*{_FROM}{_S}*[：:]?{_S}*{_VENDOR_NAME}{_S}*[）)]"
    rf"|{_FROM}{_S}*[：:]?{_S}*(?:百度(?:搜索)?{_S}*)?{_VENDOR_NAME}"
    rf"|[（(]?更多(?:数据|资料){_S}*[：:，,]{_S}*(?:(?:详见|请见|搜索|访问){_S}*)?{_VENDOR_NAME}"
    rf"{_S}*[）)]?"
    rf"|(?:详见)?官网{_S}*[：:]{_S}*{_DOMAIN}"
    rf"|搜索{_S}*{_QUOTED}"
    rf"|[（(]{_S}*{_DOMAIN}{_S}*[）)]|{_DOMAIN}"
    rf"|{_SPACED}(?<=网)"
    rf")"
)
_VENDOR_CREDIT = Message("数据商署名", "data vendor's credit")
_CREDIT_LINE = lazy_regex(rf"{_CREDIT}(?:{_S}*{_CREDIT})*")


# Only whole lines of credits are reported: a line holding a "。" is not one (no credit holds it).
# Every credit holds one of the keys: 公众号, 由, 来自/来源, 更多, 官网, a spaced-out name
# ending in 网, 搜索, or a domain's .cn/.com/.net/.org.
_CREDIT_KEYS = "号由来源多网搜cmgt"
_CREDIT_ON_ITS_LINE = AtLineStarts(
    lazy_regex(rf"(?:[^\S\n]|\ufeff)*\K{_CREDIT}(?:{_S}*{_CREDIT})*"), absent="。",
    keys=_CREDIT_KEYS,
)


def is_credit_line(text: str) -> bool:
    """Whether ``text`` (one line) is nothing but a data vendor's or an account's credit (a
    title finder skips it like web chrome)."""
    return _CREDIT_LINE.fullmatch(text.strip(" \t\u3000\u00a0\ufeff")) is not None

_PATTERNS = (
    # "微信公众号“某某数据网”", "数据由“某 某 数 据”整理", "（来自 某某数据网）", "更多数据：搜索
    # “某某数据网”来源：www.…": a line of the seller's credits (the next paragraph stays).
    Pattern(
        _CREDIT_ON_ITS_LINE,
        _VENDOR_CREDIT,
        _CREDIT_KEYS,
        whole_line=True,
        message=Message(
            "数据商或整理者的署名水印：“{text}”，不是文档的内容。",
            "A data vendor's or compiler's credit stamped on the text: “{text}” is not part "
            "of the document.",
        ),
    ),
    # The same credit glued after the last sentence: "……作出新的更大贡献！ 来自：www.…".
    Pattern(
        lazy_regex(rf"(?<=[。！？!?]{_S}*){_FROM}{_S}*[：:]{_S}*{_DOMAIN}(?={_S}*$)", regex.M),
        _VENDOR_CREDIT,
        "来",
        inline=True,
        message=Message(
            "数据商或整理者的署名水印：“{text}”，不是文档的内容。",
            "A data vendor's or compiler's credit stamped on the text: “{text}” is not part "
            "of the document.",
        ),
    ),
    # "下面是小编为大家整理的……，供大家参考。" — the whole sentence is the site's.
    *(
        Pattern(
            lazy_regex(
                rf"{lead}(?:是|由|为){LINE}{{0,40}}?(?:小编|本站|为大家|为您){LINE}{{0,60}}?"
                rf"(?:整理|推荐|带来|收集|分享){LINE}{{0,80}}?(?:[。！]|(?=[\r\n])|$)"
            ),
            Message("范文网站导语", "template-site lead-in"),
            "编站您",
        )
        for lead in ("下面", "以下")
    ),
    Pattern(
        lazy_regex(
            rf"本文由{_CLAUSE}{{1,30}}?(?:整理|编辑|收集|发布|投稿|提供|原创|上传|转载)+"
            rf"(?:{_CLAUSE}{{0,4}}(?=[，,。！；\r\n]|$))?{_SITE_TAIL}"
        ),
        Message("整理者署名", "compiler credit"),
        "由",
    ),
    Pattern(
        lazy_regex(
            rf"本文(?:来源于|来源|来自|转载自|转自){_S}*[：:]?{_S}*{_CLAUSE}{{1,20}}?"
            rf"(?=[，,。！；\s]|$){_SITE_TAIL}"
        ),
        Message("来源声明", "source notice"),
        "源自",
    ),
    Pattern(
        lazy_regex(
            rf"更多(?:相关|关于|精彩){LINE}{{0,30}}?(?:文章|内容|范文|资料|推荐|阅读|请关注|敬请关注)"
            rf"(?:{LINE}{{0,20}}?{_URL}|{LINE}{{0,40}}?(?:[。！]|(?=[\r\n])|$))"
        ),
        Message("更多相关文章链接", "'more articles' link"),
        "更",
    ),
    Pattern(
        lazy_regex(r"精选(?:范文|推荐)|精选\s*\d*\s*篇\s*[）)】]|精选\s*】"),
        Message("范文网站栏目名", "template-site label"),
        "精",
        bracketed=True,
    ),
    Pattern(
        lazy_regex(
            rf"范文(?:大全|网|频道|精选|参考|模板|推荐)|{_GENRE}范文(?:[（(【][一二三四五六七八九十\d]+[）)】]|[一二三四五六七八九十\d]+)?"
        ),
        Message("范文网站栏目名", "template-site label"),
        "范",
    ),
    Pattern(
        regex.compile(rf"篇[一二三四五六七八九十\d]+{_S}*[：:]"),
        Message("范文编号", "sample number"),
        "篇",
        whole_line=False,
    ),
    Pattern(
        lazy_regex(
            rf"(?:版权|免责)?声明{_S}*[：:]{LINE}{{0,80}}?(?:侵权|转载|本站|本网|网站|来源于网络|"
            rf"不代表本){LINE}*"
        ),
        Message("网站声明", "site disclaimer"),
        "声",
    ),
    Pattern(
        lazy_regex(rf"转载请(?:注明|保留){LINE}{{0,40}}?(?:[。！]|(?=[\r\n])|$)"),
        Message("转载说明", "reposting notice"),
        "载",
    ),
    # "（未完，全文共903字）", "（未完待续）": a bracketed notice, not "未完成的" in a sentence.
    Pattern(
        lazy_regex(
            r"(?<=[（(])未完(?:待续)?(?:[，,]?\s*全文共\s*\d+\s*字[^（()）\r\n]{0,20})?\s*[）)]"
        ),
        Message("截断提示", "truncation notice"),
        "未",
        bracketed=True,
    ),
    Pattern(
        regex.compile(r"全文共\s*\d+\s*字[，,]?\s*当前显示\s*\d+\s*字"),
        Message("截断提示", "truncation notice"),
        "显",
    ),
    Pattern(
        lazy_regex(rf"第{_S}*\d+{_S}*页{_S}*共{_S}*\d+{_S}*页"),
        Message("文档网站页脚", "document-site footer"),
        "页",
    ),
    Pattern(
        regex.compile(r"优质文档你我共享"), Message("文档网站页脚", "document-site footer"), "享"
    ),
    Pattern(
        lazy_regex(r"仅供(?:大家|学习)参考|仅供参考[，,。！!]?欢迎(?:阅读|下载)"),
        Message("文档网站页脚", "document-site footer"),
        "供",
    ),
    Pattern(
        regex.compile(rf"请在{LINE}{{1,10}}?上搜索"),
        Message("文档网站页脚", "document-site footer"),
        "搜",
    ),
    Pattern(
        regex.compile(rf"由会员分享{LINE}*"), Message("文档网站页脚", "document-site footer"), "享"
    ),
    # "版权归原作者所有，如有侵权请联系删除", "版权所有：某某网　未经授权禁止转载".
    Pattern(
        lazy_regex(
            rf"版权归{_CLAUSE}{{0,8}}?(?:原作者|本站|本网|原创者|原著者)(?:所有)?{_SITE_TAIL}"
        ),
        Message("版权声明", "copyright notice"),
        "版",
    ),
    Pattern(
        lazy_regex(rf"如有侵权{_S}*[，,]?{_S}*请{_CLAUSE}{{0,10}}?删除{_SITE_TAIL}"),
        Message("版权声明", "copyright notice"),
        "侵",
    ),
    Pattern(
        lazy_regex(
            rf"版权所有{_S}*(?:[：:©]|\([cC]\)){_S}*(?:(?!未经)[^\s，。；：:]){{1,20}}?"
            rf"(?:(?:{_S}|[，,])*(?:未经(?:授权|许可|同意|本站|本网)[^。，,\r\n]{{0,8}}?"
            rf"(?:禁止|不得|严禁)(?:转载|复制|镜像|使用)|侵权必究|翻版必究|保留所有权利)"
            rf"|(?=[\s，。；：:]|$))"
        ),
        Message("版权声明", "copyright notice"),
        "版",
    ),
    # "某某网为您整理，免费下载": the site's name, when it stands before, is part of it.
    Pattern(
        lazy_regex(
            rf"(?:为您|为大家)(?:整理|精选|推荐|收集|提供|带来)[了的]?{_CLAUSE}{{0,10}}?[，,]?{_S}*"
            rf"(?:免费下载|欢迎下载|欢迎阅读|欢迎收藏){_SITE_TAIL}"
        ),
        Message("范文网站导语", "template-site lead-in"),
        "您家",
        site_before=True,
    ),
)


class TemplateSiteBoilerplate(BoilerplateRule):
    """正文中混入了范文网站的栏目名、导语、声明和页脚。

    范文网站在文章前后加上自己的文字：“下面是小编为大家整理的……供大家参考”、“（精选3篇）”、
    “演讲稿范文”、“本文由……整理”、“更多相关文章……”、“版权声明：……”、“转载请注明出处”、
    “（未完，全文共903字）”、“第 1 页 共 3 页”，以及版权和来源声明：“本文来源于××网，版权归原作者
    所有，如有侵权请联系删除”、“版权所有：××网　未经授权禁止转载”、“××网为您整理，免费下载”、
    “更多精彩内容请访问www.…”。这些不是文档内容，在段落中间也报告；紧接在后的正文不算在内
    （一条声明只连带“仅供参考”“欢迎下载”这类网站用语的分句）。正常公文中的“精选”“参考”
    （如“精选优质项目”“参考有关标准”）、条文中的“对于版权所有，……”“版权所有者”不报。
    出售文档的数据商也在文中盖上自己的署名：单独成行的“微信公众号“××数据网””、
    “数据由“× × 数 据”整理”、“（来自 ××数据网）”、“来源：百度“××数据网””、
    “更多数据：搜索“××”来源：www.…”，或接在末句之后的“来自：www.…”（名字常被空格拆开，
    以躲过过滤）。这一行只由这类署名组成时报告为数据商署名；标题和缩进规则跳过它。
    “来源：××日报”“来源：省大数据局”这类出处行、句中的“开通政务微信公众号”不报。
    修复删除这些文字。
    """

    code = "P203"
    fix_is_safe = False  # heuristic: may cut words from a title line
    name = "boilerplate.template-site"
    category = Category.INJECTED_BOILERPLATE
    severity = Severity.WARNING
    summary = Message("正文中混入了范文网站的文字。", "Template-site boilerplate is in the text.")
    message = Message(
        "范文网站文字（{what_zh}）：“{text}”。", "Template-site boilerplate ({what_en}): “{text}”."
    )
    fixable = True
    patterns = _PATTERNS
    literal_gates = True
    merge_adjacent = True
    examples = Examples(
        bad=(
            Example("下面是小编为大家整理的讲话稿，供大家参考。\n同志们：", fixed="同志们："),
            Example(
                "在全县经济工作会议上的讲话（精选3篇）\n同志们：",
                fixed="在全县经济工作会议上的讲话\n同志们：",
            ),
            Example(
                "要加强领导。本文来源于某某网，版权归原作者所有，如有侵权请联系删除。各地要抓好落实。",
                fixed="要加强领导。各地要抓好落实。",
                note="a source and copyright notice inside a paragraph",
            ),
            Example(
                "让我们团结奋斗！\n关注公众号“某 某 数 据 网”\n",
                fixed="让我们团结奋斗！\n",
                note="a data vendor's credit line",
            ),
        ),
        good=(
            "开通政务微信公众号“某某发布”，及时回应群众关切。",
            "精选优质项目入库，参考先进地区经验。",
            "本文件由县政府办公室负责解释。",
            "依法保护版权所有者的合法权益。",
        ),
    )
    basis = "范文网站残留（domain-rules §6.2–6.4）"

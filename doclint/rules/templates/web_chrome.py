"""P202: web-page chrome scraped with the text (font-size switchers, toolbars, breadcrumbs)."""

from __future__ import annotations

from dataclasses import replace

import regex

from doclint.core import Category, Document, Example, Examples, Message, Severity
from doclint.core.lazyregex import lazy_regex
from doclint.rules.templates.boilerplate import LINE, NEWLINE, SPACE, BoilerplateRule, Pattern
from doclint.rules.templates.link_lists import (
    NavigationFinder,
    find_excerpt,
    find_header,
    find_link_lists,
)
from doclint.rules.templates.scan import AtLineStarts

_S = SPACE
_TOOL = (
    r"(?:下载|打印本页|打印|全屏|收藏本页|收藏|分享到|分享|关闭窗口|关闭|返回顶部|纠错|复制链接|"
    r"字号|加大|减小|还原|默认|放大|缩小|推荐|大|中|小)"
)
_SEPARATOR = r"(?:>>|>|»|›|＞)"
# 当前位置, 您的位置, 您现在的位置, 所在位置. NOTE: written with 位置 outside the alternation:
# `regex` then skips to it; it tries an alternation of whole words at every character.
_WHERE = r"(?:当前|您的|您现在的|所在)位置"
_CRUMBS_MAX = 120  # a breadcrumb line longer than this is a page flattened onto one line
_CRUMB = r"[^\s>»›＞<。，；：:]{1,12}"
# What follows a label when the chrome was glued to the sentence after it: a value up to a
# space or a mark, or else a short name (the end is then a guess: see ``exact``).
_VALUE = r"(?:[^\s，。；：:、]{1,16}(?=[\s，。；、]|$)|\p{Han}{2,4})"
_NAME = r"(?:[^\s，。；：:、]{1,6}(?=[\s，。；、]|$)|\p{Han}{2,3})"
_CRUMB_LAST = r"(?:[^\s，。；：:、]{1,6}(?=[\s，。；、]|$)|\p{Han}{2,4})"
# The sites a news item is taken from: a newspaper, an agency, a website or an account (a
# template site is often named with a number: 文秘114).
_MEDIUM = (
    r"[^\s（）()，。；：:、\r\n]{0,16}?(?:网|报|社|台|新闻|客户端|网站|频道|公众号|微信|微博|杂志|"
    r"周刊|在线|电视|广播|资料站|文库|(?<=\p{Han})[0-9]{2,4})"
)
_METADATA = r"(?:作者|编辑|责任编辑|发布时间|发布日期|浏览次数|点击数|阅读数|字号)"
_SHARE_TARGET = r"(?:微信朋友圈|朋友圈|微信|新浪微博|腾讯微博|微博|QQ空间|QQ好友|QQ|人人网|豆瓣|更多)"
_PATTERNS = (
    # The article's header (时间：… 作者：… 来源：… 阅读：, its counters and the site's excerpt)
    # and the page's link lists (相关文章, 本栏最新, 阅读排行, 标签云, 上一篇：, 分享到： with the
    # lines under them; runs of dated titles): first, so that they claim their lines whole.
    Pattern(find_header, Message("文章页眉", "article header"), "时期"),
    Pattern(find_excerpt, Message("网站截取的摘要", "the site's cut-off excerpt"), "要介读"),
    Pattern(
        find_link_lists,
        Message("链接列表", "link lists"),
        "相栏排门新热荐伸猜往链签享篇条-/.",
        exact=False,  # a list's last title is a guess
    ),
    # 【字体：大 中 小】, 【字号：加大 还原 减小】 — sometimes one word per line.
    Pattern(
        lazy_regex(
            r"【\s*字[体号]\s*[：:](?:\s|大|中|小|加大|减小|还原|默认|放大|缩小|标准){1,30}】"
        ),
        Message("字号切换栏", "font-size switcher"),
        "【",
    ),
    Pattern(
        lazy_regex(
            r"【\s*(?:E-?mail推荐|打印本页|打印|关闭窗口|关闭|收藏本页|我要纠错|纠错|返回顶部)\s*】"
        ),
        Message("网页按钮", "page button"),
        "【",
    ),
    Pattern(
        lazy_regex(r"\[\s*(?:打印本页|打印|关闭窗口|关闭|收藏本页|返回顶部)\s*\]"),
        Message("网页按钮", "page button"),
        "[",
    ),
    # A toolbar: two or more tool words alone on their line(s), one per line or side by side.
    # One pattern per first word: a pattern led by a literal is scanned far faster.
    *(
        Pattern(
            lazy_regex(rf"{first}(?:(?:{_S}+|{_S}*{NEWLINE}{_S}*){_TOOL})+"),
            Message("网页工具栏", "page toolbar"),
            first[-1],
            whole_line=True,
        )
        for first in ("下载", "打印", "全屏", "收藏", "分享")
    ),
    # The breadcrumb, sometimes one crumb per line: 您的位置: / 首页 / > / 要闻.
    Pattern(
        lazy_regex(
            rf"{_WHERE}{_S}*[：:]{LINE}{{0,{_CRUMBS_MAX}}}"
            rf"(?:{NEWLINE}{_S}*首页{_S}*(?={NEWLINE}{_S}*{_SEPARATOR}))?"
            rf"(?:{NEWLINE}{_S}*{_SEPARATOR}{_S}*(?:{NEWLINE}{_S}*)?{_CRUMB}{_S}*(?=\r|\n|$))*"
        ),
        Message("网页导航路径", "breadcrumb"),
        "位",
        whole_line=True,
    ),
    # A share button's label alone on its line: 分享: (its icons were images).
    Pattern(
        AtLineStarts(lazy_regex(rf"(?m)^{_S}*分享(?:到)?{_S}*[：:]{_S}*$"), keys="享"),
        Message("网页导航", "page navigation"),
        "享",
        whole_line=True,
    ),
    Pattern(
        lazy_regex(rf"首页{_S}*(?:>>|>|»|›|＞){LINE}*"),
        Message("网页导航路径", "breadcrumb"),
        "页",
        whole_line=True,
    ),
    # The heading with the bulleted link titles under it ("·" alone on a line or before its title).
    Pattern(
        lazy_regex(
            rf"相关(?:报道|链接|新闻|阅读|文章|推荐){_S}*[：:]?"
            rf"(?:(?:{_S}*{NEWLINE})+{_S}*[·•▪■◆](?:{_S}*{NEWLINE})?{_S}*[^\s·•▪■◆]{LINE}{{0,60}})*"
        ),
        Message("相关链接", "related links"),
        "报链闻阅荐",
        whole_line=True,
    ),
    # A news site's footer: 【纠错】 【责任编辑:某某】 新闻链接 … 阅读下一篇：
    Pattern(
        regex.compile(rf"责任编辑{_S}*[：:]{_S}*[^】\r\n]{{1,20}}】"),
        Message("责任编辑署名", "editor credit"),
        "辑",
        bracketed=True,
    ),
    Pattern(
        lazy_regex(rf"(?m)(?<=】{_S}*)新闻链接{LINE}*?(?={_S}*(?:阅读[上下]一篇|$))"),
        Message("相关链接", "related links"),
        "链",
    ),
    Pattern(
        lazy_regex(rf"阅读[上下]一篇{_S}*[：:]?"),
        Message("网页导航", "page navigation"),
        "篇",
    ),
    Pattern(
        lazy_regex(rf"[》>]{{2}}{_S}*点击{LINE}{{1,16}}?[《<]{{2}}"),
        Message("网页导航", "page navigation"),
        "击",
    ),
    Pattern(
        regex.compile(r"责任编辑\s*[：:][^）)\r\n]{0,20}\s*[）)]"),
        Message("责任编辑署名", "editor credit"),
        "辑",
        bracketed=True,
    ),
    Pattern(
        regex.compile(rf"责任编辑{_S}*[：:]{LINE}{{0,20}}"),
        Message("责任编辑署名", "editor credit"),
        "辑",
        whole_line=True,
    ),
    # The credit glued after a button or a sentence: "【我要纠错】责任编辑：某某".
    Pattern(
        lazy_regex(
            rf"(?m)(?<=^{_S}*|[\s】。！？”])责任编辑{_S}*[：:]{_S}*"
            rf"[\p{{Han}}·]{{2,6}}(?:[、，,]{_S}*[\p{{Han}}·]{{2,6}})*(?={_S}|$)"
        ),
        Message("责任编辑署名", "editor credit"),
        "辑",
    ),
    *(
        Pattern(
            lazy_regex(rf"{word}{_S}*[：:]?{LINE}{{0,40}}"),
            Message("网页导航", "page navigation"),
            key,
            whole_line=True,
        )
        for word, key in (("分享到", "享"), ("扫一扫", "扫"), ("上一篇", "篇"), ("下一篇", "篇"))
    ),
    # The same chrome glued into a paragraph: a breadcrumb with its separators, share and
    # scan buttons, the neighbouring articles' links, a source note with its metadata.
    Pattern(
        lazy_regex(
            rf"当前位置{_S}*[：:]{_S}*{_CRUMB}"
            rf"(?:{_S}*{_SEPARATOR}{_S}*(?={_CRUMB}{_S}*{_SEPARATOR}){_CRUMB})*"
            rf"{_S}*{_SEPARATOR}{_S}*{_CRUMB_LAST}"
        ),
        Message("网页导航路径", "breadcrumb"),
        "位",
        exact=False,
    ),
    # …or a page flattened onto one line, its head run together: the crumbs without separators,
    # the page's title, its time and its share buttons (当前位置： 首页政务公开最新文件 某某关于…的
    # 通知 时间：2021-05-17 11:03 微信 微博 QQ空间).
    Pattern(
        lazy_regex(
            rf"{_WHERE}{_S}*[：:]{_S}*首页[^\s，。；：:]{{0,40}}"
            rf"(?:{_S}+[^\r\n]{{1,{_CRUMBS_MAX}}}?{_S}+(?:时间|发布时间|日期){_S}*[：:]{_S}*"
            rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:{_S}+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
            rf"(?:{_S}+{_SHARE_TARGET})*)?{_S}*"  # the space after it stands for a line break
        ),
        Message("网页导航路径", "breadcrumb"),
        "位",
    ),
    Pattern(
        lazy_regex(rf"分享到{_S}*[：:]{_S}*{_SHARE_TARGET}(?:(?:{_S}+|[、，,]){_SHARE_TARGET})*"),
        Message("网页导航", "page navigation"),
        "享",
    ),
    Pattern(
        lazy_regex(rf"扫一扫{_S}*在手机上?(?:打开|阅读|浏览)(?:当前页|本页|此页|本文)?"),
        Message("网页导航", "page navigation"),
        "扫",
    ),
    Pattern(
        lazy_regex(rf"[上下]一篇{_S}*[：:]{_S}*{_VALUE}"),
        Message("网页导航", "page navigation"),
        "篇",
        exact=False,
    ),
    Pattern(
        lazy_regex(rf"(?<=[（(]{_S}*)(?:稿件|文章|信息|新闻)?来源{_S}*[：:]{_S}*{_MEDIUM}{_S}*[）)]"),
        Message("来源说明", "source note"),
        "源",
        bracketed=True,
        inline=True,
    ),
    *(
        Pattern(
            lazy_regex(
                rf"{first}{_S}*[：:]{_S}*[^\s，。；：:]{{1,20}}{_S}+{then}{_S}*[：:]{_S}*{_NAME}"
            ),
            Message("来源说明", "source note"),
            key,
            inline=True,
            exact=False,
        )
        for first, then, key in (("来源", _METADATA, "源"), ("作者", "来源", "作"))
    ),
    # The gov.cn page header: site name, URL, date and source on one line.
    Pattern(
        lazy_regex(rf"门户网站{_S}*www\.[a-z0-9.]+{LINE}{{0,60}}来源{_S}*[：:]{LINE}{{0,20}}"),
        Message("网站页眉", "site header"),
        "户",
        whole_line=True,
        from_line_start=True,
    ),
    *(
        Pattern(
            lazy_regex(rf"{label}{_S}*[：:]{_S}*(?:https?://|www\.){LINE}*"),
            Message("原文链接", "source link"),
            label[-1],
            whole_line=True,
        )
        for label in ("本文地址", "原文链接", "原文地址")
    ),
    Pattern(
        regex.compile(rf"【法宝引证码】{LINE}{{0,40}}"),
        Message("数据库引证码", "database citation code"),
        "【",
        whole_line=True,
    ),
)


class WebChrome(BoilerplateRule):
    """正文中混入了网页界面文字：字号切换栏、打印/收藏工具栏、导航路径、“相关报道”等。

    抓取网页时把页面上的按钮和导航一起抓了下来，例如 `【字体：大 中 小】`、
    `下载 打印 全屏 收藏`（常常一词一行）、`当前位置：首页>>…`（“您的位置:”后一行一级的导航路径同样）、单独成行的“分享:”、`相关报道：`（连同其下的链接标题）、`（责任编辑：…）`、
    新闻网站的页脚“【纠错】 【责任编辑:某某】 新闻链接 … 阅读下一篇：”（常接在末段之后、同一行）、
    “【我要纠错】责任编辑：某某”、专题链接“》》点击图片进入专题《《”，gov.cn 的页眉“中央政府门户网站 www.gov.cn 日期 来源：…”、法律数据库的“【法宝引证码】”和
    “原文链接：”。整页抓取时页面的链接列表也在文中：“相关文章”“本栏最新”“本栏推荐”“阅读排行”
    “标签云”“标签：”“分享到：”“上一篇：”等栏目名及其下一行一条的短标题（常各带日期“01-24”），
    没有栏目名、但三条以上各带日期的标题也算；文章的页眉“时间：… 作者：… 来源：… 阅读：”连同
    其下的计数和网站截取的“内容摘要：”（正文开头的截断副本）同样报告。这些列表里是别的文章的标题
    （别的地方、别的年份），不是文档的内容：整块报告一处，其他规则不再读其中的文字。
    抓取时也会把这些文字拼进段落中间：带分隔符的导航路径“当前位置：首页 > …”、整页压成一行时的页首（不带分隔符的导航路径、页面标题、时间和分享按钮：“当前位置： 首页政务公开最新文件 ……的通知 时间：2021-03-02 09:30 微信 微博 QQ空间”，只报这一段，其后的正文照常检查）、
    “分享到：微信 微博”、“扫一扫在手机打开当前页”、“上一篇：…”、段落中的“（来源：××日报）”和
    “来源：××网　作者：××”，在段落中同样报告；紧接正文、没有标点隔开时，其结尾是推断的，修复不标为
    安全。“来源：××日报”这类单独成行的出处行是正常的转载说明，不报；“（数据来源：统计局）”一类
    数据出处、“经费来源：”一类条文标签也不报。相连的几处（页首的工具栏
    紧接字号切换栏）是同一块页面文字，合报一处，范围从第一处到最后一处。修复删除这些文字
    （独占一行时删除整行）。
    """

    code = "P202"
    name = "boilerplate.web-chrome"
    category = Category.INJECTED_BOILERPLATE
    severity = Severity.WARNING
    summary = Message("正文中混入了网页界面文字。", "Web-page chrome was scraped into the text.")
    message = Message(
        "网页界面文字（{what_zh}）：“{text}”。", "Web-page chrome ({what_en}): “{text}”."
    )
    fixable = True
    patterns = _PATTERNS
    literal_gates = True
    merge_adjacent = True
    # A page scraped with its chrome at the top, the foot and between copies is one defect.
    group_after = 3
    examples = Examples(
        bad=(
            Example(
                "2024年政府工作报告\n【字体：大 中 小】\n各位代表：",
                fixed="2024年政府工作报告\n各位代表：",
            ),
            Example("下载\n打印\n收藏\n各位代表：", fixed="各位代表："),
            Example(
                "全年新增就业1.2万人。（来源：县日报）下一步要稳就业。",
                fixed="全年新增就业1.2万人。下一步要稳就业。",
                note="a source note inside a paragraph",
            ),
            Example(
                "让我们团结奋斗！\n相关文章\n01-24\n甲县2022年政府工作报告\n01-24\n乙县2021年政府工作报告",
                fixed="让我们团结奋斗！",
                note="a page's link list, each title under its date",
            ),
        ),
        good=(
            "来源：人民日报\n各位代表：",
            "要加大投入，打印、复印设备统一采购。",
            "推动大中小企业融通发展。",
            "全年粮食产量创新高（数据来源：县统计局）。",
        ),
    )
    basis = "抓取残留（domain-rules §6.2）"

    def active_patterns(self, doc: Document) -> tuple[Pattern, ...]:
        """The patterns, the page's navigation blocks read from ``doc.facts(PageNavigation)``
        (computed once, when a pattern's key occurs, and shared with the rules that read it)."""
        return tuple(replace(p, regex=p.regex.for_document(doc))
                     if isinstance(p.regex, NavigationFinder) else p for p in self.patterns)

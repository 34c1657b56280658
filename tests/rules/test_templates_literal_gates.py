"""P202 and P203 skip a pattern unless the strings its syntax requires occur (the literal
gates of ``BoilerplateRule``): the findings are the ones the patterns give ungated."""

from __future__ import annotations

import pytest

from doclint.core.document import Document
from doclint.rules.templates.boilerplate import BoilerplateRule
from doclint.rules.templates.markup import MarkupResidue
from doclint.rules.templates.site_boilerplate import TemplateSiteBoilerplate
from doclint.rules.templates.web_chrome import WebChrome

RULES = (WebChrome, TemplateSiteBoilerplate)

TEXTS = (
    # found: a source note in a paragraph, a breadcrumb, a share bar, a lead-in, a credit line
    "全年新增就业1.2万人。（来源：县日报）下一步要稳就业。",
    "当前位置：首页 > 新闻中心 > 通知公告\n各位代表：",
    "分享到：微信 微博 QQ空间\n正文。",
    "县里召开会议。来源：某某网　作者：张三，会议指出。",
    "下面是小编为大家整理的讲话稿，供大家参考。\n同志们：",
    "微信公众号：“某某数据网”\n正文。",
    "更多相关文章请关注本站。\n正文。",
    # not found: the keys occur (工作, 资源, 位于, 共享), the required strings do not
    "加强工作作风建设，做好资源配置，项目位于城区，推进数据共享。",
    "来源广泛的资金，作为支撑。",
)


def _doc(text: str) -> Document:
    return Document(path="<case>", source=text, settings={"year": None, "era_markers": []})


def _found(rule: BoilerplateRule, text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    doc = _doc(text)
    return [(p.what.en, [(s.start, s.end) for s in spans]) for p, spans in rule._matches(doc, [])]


@pytest.mark.parametrize("rule_class", RULES)
@pytest.mark.parametrize("text", TEXTS)
def test_gated_patterns_find_what_the_patterns_find(rule_class: type[BoilerplateRule], text: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    rule = rule_class()
    gated = _found(rule, text)
    monkeypatch.setattr(rule_class, "_prefilters", classmethod(lambda cls: {}))
    assert gated == _found(rule, text)


def test_the_gates_decide_on_the_required_strings() -> None:
    prefilters = WebChrome._prefilters()
    source_then_author = next(p for p in WebChrome.patterns
                              if str(getattr(p.regex, "pattern", "")).startswith("作者"))
    gate = prefilters[source_then_author.regex]
    assert gate.admits("作者：张三　来源：县日报")
    assert not gate.admits("加强工作作风建设，资金来源广泛")  # 作 and 来源, no 作者


def test_p204_is_not_gated() -> None:
    assert MarkupResidue._prefilters() == {}  # its keys (<, &) are rare alone


def test_a_pattern_wrapped_to_run_at_line_starts_is_gated_by_its_own_strings() -> None:
    prefilters = WebChrome._prefilters()
    share_label = next(p for p in WebChrome.patterns
                       if "分享" in str(getattr(getattr(p.regex, "pattern", None), "pattern", "")))
    assert not prefilters[share_label.regex].admits("推进数据共享：")
    assert prefilters[share_label.regex].admits("分享：")

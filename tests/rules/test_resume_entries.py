"""A résumé (简历) in a notice: entries that open on when a post was held and go without stops.
They are list items, not cut paragraphs (T301), stray spaces (T501), same-year contradictions
(Y102) or lines of a hard-wrapped file (T403)."""

import pytest

from doclint.core import Document
from doclint.rules.structure import endings, lines
from doclint.rules.structure.layout import Layout


@pytest.mark.parametrize(("entry", "date"), [
    ("2007.05 某省委常委，某市委书记", "2007.05"),
    ("　　1974.03—1978.12 某县下乡知青", "1974.03—1978.12"),
    ("2018.05-至今\u00a0\u00a0某旗旗委常委、副旗长", "2018.05-至今"),
    ("2002－2002年 某区委书记", "2002－2002年"),
    ("2017－ 某部部长", "2017－"),
    ("1998年9月—2002年7月 在某大学学习", "1998年9月—2002年7月"),
])
def test_the_date_of_an_entry(entry: str, date: str) -> None:
    start = len(entry) - len(entry.lstrip())
    assert entry[start:lines.resume_date_at(entry, start)] == date


@pytest.mark.parametrize("line", [
    "2019年 全县完成地区生产总值120亿元",  # a bare year: a stray space more often than an entry
    "2019年3月，县委召开全会",
    "2024年3月5日 在县委全会上的讲话",
])
def test_no_entry(line: str) -> None:
    assert lines.resume_date_at(line, 0) is None


def test_a_paragraph_ending_on_an_entry_is_a_list_item() -> None:
    run_on = ("张某，男，1962年5月生。1984.07-1990.03\u00a0某县农业局干部1990.03-至今\u00a0"
              "某区政府副区长、党组成员")
    assert lines.ends_on_resume_entry(run_on)
    assert not endings.cut_mid_sentence(run_on)
    assert not endings.cut_mid_sentence("　　2003.05 某市委常委，某区委书记、区人大常委会主任")
    assert endings.cut_mid_sentence("　　2019年3月，县委召开全会，要求各乡镇加快推进农村人居环境整治，抓紧补")


def _resume(entries: int) -> str:
    posts = ["某县农业局副局长、党组成员，某县扶贫办主任", "某乡党委副书记、乡长，某县委委员",
             "某市发展改革委副主任、党组成员，市物价局局长"]
    rows = [f"　　{1980 + i}.0{1 + i % 9}—{1981 + i}.0{1 + i % 9} {posts[i % 3]}"
            for i in range(entries)]
    return "　　张某，男，汉族，1958年5月生，某省某县人，大学学历。\n" + "\n".join(rows) + "\n"


def test_a_long_resume_is_no_hard_wrapped_file() -> None:
    assert Document.from_text(_resume(26)).facts(Layout).hard_wrapped is None

"""N306: a per-mille sign a conversion garbled into ``％。`` or ``%o``."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Example,
    Examples,
    Finding,
    Maturity,
    Message,
    Rule,
)
from doclint.core.diagnostic import UNSAFE
from doclint.rules.numbers.permille import garbled_permille


class GarbledPermille(Rule):
    """千分号“‰”在转换中被写成了“％。”或“%o”：“人口自然增长率控制在7.2％。以内”。

    出生率、死亡率、自然增长率用千分号。PDF 或扫描件转换常把“‰”写成百分号加句号或加字母
    o。百分号后的句号后面分句还在接着说（“以内”“左右”、逗号、顿号、分号，或句子本身的
    句号），这个句号就不是句末标点，而是千分号的一部分：数值的单位错了，读者读到的是百分之
    7.2。比率在句末（“自然增长率0.6%。城镇化率……”）时是百分数，不报。修复改为“‰”，需人工
    确认。同一文件多处时报一次，其余作为相关位置。
    """

    code = "N306"
    name = "number.garbled-permille"
    category = Category.NUMBER_FORMAT
    maturity = Maturity.PREVIEW
    # One conversion garbles every ‰ of a file the same way: one finding, the rest related.
    group_after = 3
    anchors = ("率",)
    summary = Message("千分号“‰”被写成了“％。”或“%o”。",
                      "A per-mille sign “‰” garbled into “％。” or “%o”.")
    message = Message(
        "千分号写成了“{sign}”：出生率、死亡率、自然增长率用千分号，应为“‰”。",
        "The per-mille sign is garbled into “{sign}”: birth, death and natural growth rates "
        "take “‰”.",
    )
    fixable = True
    examples = Examples(
        bad=(Example("城镇登记失业率控制在4.5%以内，人口自然增长率控制在7.2％。以内。",
                     fixed="城镇登记失业率控制在4.5%以内，人口自然增长率控制在7.2‰以内。"),
             Example("人口自然增长率6.5％。。单位生产总值能耗下降2.6%。",
                     fixed="人口自然增长率6.5‰。单位生产总值能耗下降2.6%。")),
        good=(
            "人口自然增长率控制在7.2‰以内。",
            "人口自然增长率0.6%。城镇化率达到52%。",
            "全年增长6.5%。。",
        ),
    )
    basis = "GB/T 3101 千分号；出生率、死亡率、自然增长率以‰表示"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for span in garbled_permille(text):
            sign = text[span.start : span.end]
            yield self.report(span, sign=sign,
                              fix=self.replace(span, "‰", Message("改为“‰”", "Use “‰”"),
                                               UNSAFE))

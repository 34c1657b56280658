"""The ``--timing`` report: the rule times of a whole run, added up and printed as a table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping

from doclint.core.timing import DOCUMENT
from doclint.report.text import display_width

SHOWN = 15  # rules listed by name; the rest are summed on one line
_LABEL = 30  # terminal cells of the label column


class RunTimes:
    """The times of a whole run, added up from each document's (see :func:`doclint.core.timing.take`)."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.documents = 0  # documents checked and timed
        self.size = 0  # their bytes
        self.cached = 0  # documents served from the cache: not checked, not timed
        self.archive_seconds = 0.0  # the rules across documents, in the main process

    def add(self, times: Mapping[str, float] | None, size: int, cached: bool = False) -> None:
        if cached:
            self.cached += 1
        elif times:
            self.seconds.update(times)
            self.documents += 1
            self.size += size

    def table(self, lang: str = "zh", shown: int = SHOWN,
              maskers: Collection[str] = ()) -> list[str]:
        """The report: the slowest ``shown`` rules by name, the rest summed, then the time
        outside the rules and across documents; shares are of the documents' checking time.
        ``maskers``: the codes of rules not selected that run to mask text for the others
        (marked ``*``)."""
        zh = lang == "zh"
        if not self.documents:
            return [(f"doclint：没有文件计时：{self.cached} 个取自缓存（计时请加 --no-cache）。") if zh
                    else (f"doclint: no document was timed: {self.cached} came from the cache "
                          "(time them with --no-cache).")]
        total = self.seconds.get(DOCUMENT, 0.0)
        rules = sorted(((s, c) for c, s in self.seconds.items() if c != DOCUMENT),
                       key=lambda pair: (-pair[0], pair[1]))
        in_rules = sum(s for s, _ in rules)
        mb = self.size / 1e6
        lines = [
            (f"doclint：各规则用时（检查了 {self.documents} 个文件，{mb:.2f} MB；"
             f"{self.cached} 个取自缓存，未计时）：") if zh else
            (f"doclint: time per rule over {self.documents} document"
             f"{'s' if self.documents != 1 else ''} checked ({mb:.2f} MB; {self.cached} from "
             "the cache, not timed):"),
            f"  {_pad('规则' if zh else 'rule')}{_left('秒' if zh else 'seconds', 9)}"
            f"{_left('占比' if zh else 'share', 8)}{'MB/s':>10}",
        ]

        def row(label: str, seconds: float, speed: bool = True) -> str:
            share = f"{100 * seconds / total:.1f}%" if total > 0 else "-"
            rate = f"{mb / seconds:.1f}" if speed and seconds > 0 else "-"
            return f"  {_pad(label)}{seconds:>9.3f}{share:>8}{rate:>10}"

        lines += [row(f"{code} *" if code in maskers else code, seconds)
                  for seconds, code in rules[:shown]]
        rest = rules[shown:]
        if rest:
            lines.append(row(f"其余 {len(rest)} 条规则" if zh else f"{len(rest)} more rules",
                             sum(s for s, _ in rest), speed=False))
        lines.append(row("规则合计" if zh else "all rules", in_rules))
        lines.append(row("规则以外" if zh else "outside the rules", max(total - in_rules, 0.0),
                         speed=False))
        lines.append(f"  {_pad('跨文件规则（主进程）' if zh else 'archive rules (main process)')}"
                     f"{self.archive_seconds:>9.3f}")
        lines.append(
            "  规则以外：读取、解码、文档模型、锚点扫描、排序。多条规则共用的中间结果只算一次，"
            "计入最先用到它的规则。" if zh else
            "  Outside the rules: reading, decoding, the document model, the anchor scan, "
            "sorting. A fact rules share is built once and charged to the first rule that "
            "asks for it.")
        if any(code in maskers for _, code in rules[:shown]):
            lines.append("  * 未选用：只为所选规则遮蔽网页框架、套话等文字而运行。" if zh else
                         "  * Not selected: runs only to mask text (page chrome, boilerplate) "
                         "for the selected rules.")
        return lines


def _pad(label: str) -> str:
    """``label`` and spaces up to the label column's width (wide characters take two cells)."""
    return label + " " * max(_LABEL - display_width(label), 1)


def _left(heading: str, cells: int) -> str:
    """``heading`` right-aligned in ``cells`` terminal cells."""
    return " " * max(cells - display_width(heading), 0) + heading

"""A102: two files of the archive hold nearly the same text (MinHash + LSH)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, NamedTuple

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Option,
    Related,
    Severity,
    Span,
)
from doclint.rules.archive import minhash
from doclint.rules.archive.base import FamilyRule, in_path_order, percent, warn_once
from doclint.rules.archive.fingerprint import TextDigest

_MAX_RELATED = 3
# A document this similar to an earlier one is represented by it: it is reported but not
# indexed, so a thousand copies of one template are each compared with the first, not with
# each other. Candidates checked per document are capped as well.
_REPRESENTED = 0.95
_MAX_CANDIDATES = 200


class Sketch(NamedTuple):
    """What A102 keeps of a document: its MinHash, and enough to skip exact copies."""

    signature: bytes  # num_perm uint32 values
    shingles: int  # distinct shingles the signature was computed from
    digest: bytes  # TextDigest.digest: exact copies are A101's
    anchor: tuple[int, int]


class NearDuplicateDocument(FamilyRule):
    """档案中有两个文件的正文几乎相同（MinHash 估计的相似度不低于阈值）。

    同一篇讲话或报告常以不同版本多次收录：不同网站的转载、去掉了页眉页脚的整理稿、改了
    几个字的修订稿。本规则把每篇的汉字（跳过标点、空白和换行）切成 `shingle` 字的片段，
    用 datasketch 的 MinHash（128 个置换）估计两篇片段集合的 Jaccard 相似度，用 LSH 分桶
    只比较可能相似的文件，不做两两比较。为节省计算，只取哈希值落在固定 1/`sampling` 区间的
    片段（各篇取的是同一批片段，估计仍无偏）。相似度不低于 `threshold` 的两篇中，路径排序
    靠后的一篇报告一次，列出与它相似的文件及估计相似度；完全相同的文件由 A101 报告，这里
    跳过。与更早的某篇相似度达 95% 的文件只报告、不再作为比较对象，所以一千份同一模板的
    文件各自只和第一份比较。汉字少于 `min_han` 的短文不比较（片段太少，估计不稳）。

    需要可选依赖 datasketch（`pip install 'doclint[archive]'`）；没有安装时提示一次并跳过。
    默认关闭（datasketch 导入约需一秒，每篇还要计算签名）：用 `--extend-select A102` 开启。
    """

    code = "A102"
    name = "archive.near-duplicate"
    category = Category.DUPLICATE_TEXT
    severity = Severity.WARNING
    default_enabled = False
    summary = Message("档案中的文件与另一文件内容近似重复。",
                      "A file of the archive nearly duplicates another file.")
    message = Message(
        "本文件与 {other} 近似重复：{size}字汉字片段集合的估计相似度为{similarity}"
        "（MinHash，阈值{threshold}）{more_zh}。",
        "This file nearly duplicates {other}: the estimated Jaccard similarity of their "
        "{size}-character Han shingles is {similarity} (MinHash, threshold {threshold}){more_en}.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "threshold": Option(float, 0.8, "相似度阈值（0–1） / similarity threshold (0–1)"),
        "shingle": Option(int, 5, "片段的汉字数 / Han characters per shingle"),
        "min_han": Option(int, 200, "最少汉字数 / fewest Han characters for a file to be compared"),
        "sampling": Option(int, 8, "只取 1/n 的片段 / keep one shingle in n (1 keeps all)"),
    }
    examples = Examples(
        bad=("=== 网站甲/2021年政府工作报告.txt ===\n"
             "过去一年，全县地区生产总值增长百分之六，一般公共预算收入增长百分之八，城乡居民收入稳步"
             "提高。我们坚持稳中求进工作总基调，统筹疫情防控和经济社会发展，全力以赴抓项目、促投资、"
             "稳就业、保民生，各项事业取得新的进展。\n"
             "=== 网站乙/政府工作报告全文.txt ===\n"
             "来源：某某网\n"
             "过去一年，全县地区生产总值增长百分之六，一般公共预算收入增长百分之八，城乡居民收入稳步"
             "提高。我们坚持稳中求进工作总基调，统筹疫情防控和经济社会发展，全力以赴抓项目、促投资、"
             "稳就业、保民生，各项事业取得了新的进展。\n",),
        good=("=== 2021年政府工作报告.txt ===\n"
              "过去一年，全县地区生产总值增长百分之六，一般公共预算收入增长百分之八，城乡居民收入稳步"
              "提高。我们坚持稳中求进工作总基调，统筹疫情防控和经济社会发展，全力以赴抓项目、促投资、"
              "稳就业、保民生，各项事业取得新的进展。\n"
              "=== 2022年政府工作报告.txt ===\n"
              "这一年，我们迎难而上，粮食生产再获丰收，新建高标准农田五万亩，农村人居环境整治三年"
              "行动圆满收官。城市更新项目全面启动，老旧小区改造惠及两万户居民，新增城镇就业四千人，"
              "教育、医疗、养老等民生短板加快补齐。\n",),
    )
    basis = "档案去重：同一文本的不同版本被重复收录（issue 7；Broder 1997 MinHash）"
    # The examples are far shorter than real documents: compare them whole.
    example_options: ClassVar[Mapping[str, Any]] = {"min_han": 20, "sampling": 1}

    def collect(self, doc: Document) -> Sketch | None:
        if not minhash.available():
            return None  # combine says so, once, in the main process
        computed = minhash.signature(doc.text, self.config["shingle"], 128,
                                     self.config["sampling"], self.config["min_han"])
        if computed is None:
            return None
        digest = doc.facts(TextDigest)
        return Sketch(*computed, digest.digest,
                      (digest.anchor.start, digest.anchor.end))

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        items = list(facts)
        if len(items) > 1 and not minhash.available():
            warn_once(self.code, "%s skipped: datasketch is not installed "
                                 "(pip install 'doclint[archive]')", self.code)
            return
        documents = _distinct_texts(in_path_order(items))
        if len(documents) < 2:
            return
        index = minhash.lsh_index(self.config["threshold"], 128)
        for number, (path, sketch) in enumerate(documents):
            signature = minhash.minhash(sketch.signature)
            earlier = sorted(index.query(signature))[:_MAX_CANDIDATES]
            partners = self._partners(documents, sketch, earlier)
            if not partners or partners[0][0] < _REPRESENTED:
                index.insert(number, signature)
            if partners:
                yield path, self._finding(documents, sketch, partners)

    def _partners(self, documents: list[tuple[str, Sketch]], sketch: Sketch,
                  candidates: list[int]) -> list[tuple[float, int]]:
        """(similarity, index) of the earlier documents at or above the threshold, most
        similar first."""
        found = []
        for other in candidates:
            value = minhash.similarity(sketch.signature, documents[other][1].signature)
            if value >= self.config["threshold"]:
                found.append((value, other))
        return sorted(found, key=lambda item: (-item[0], item[1]))

    def _finding(self, documents: list[tuple[str, Sketch]], sketch: Sketch,
                 partners: list[tuple[float, int]]) -> Finding:
        related = []
        for value, other in partners[:_MAX_RELATED]:
            path, fact = documents[other]
            note = Message(f"近似重复的文件（估计相似度{percent(value)}）",
                           f"a nearly identical file (estimated similarity {percent(value)})")
            related.append(Related(Span(*fact.anchor), note, path=path))
        best, other = partners[0]
        more = len(partners) - 1
        return self.report(
            Span(*sketch.anchor), other=documents[other][0], size=self.config["shingle"],
            similarity=percent(best), threshold=percent(self.config["threshold"]),
            more_zh=f"；另有{more}个近似的文件" if more else "",
            more_en=f"; {more} more similar file{'s' if more > 1 else ''}" if more else "",
            related=related)


def _distinct_texts(documents: list[tuple[str, Sketch]]) -> list[tuple[str, Sketch]]:
    """The documents without exact copies of an earlier one (A101 reports those)."""
    seen: set[bytes] = set()
    kept = []
    for path, sketch in documents:
        if sketch.digest not in seen:
            seen.add(sketch.digest)
            kept.append((path, sketch))
    return kept

"""Check a large document in windows, so that memory stays bounded whatever its size.

Checking a document whole costs memory in proportion to its length, and much more per line
than per byte (600,000 short lines took about 1 GB). A plain-text or Markdown document whose
cost, its bytes plus ``LINE_COST`` per line, exceeds ``WINDOW_BYTES`` is therefore never held
whole: it is read twice as a stream,

1. to hash it (the cache key) and find its encoding: a byte-order mark, else strict UTF-8,
   else GB18030 (a forced ``--encoding`` wins);
2. to decode it incrementally and cut the text into windows of about ``WINDOW_CHARS``
   characters, at a paragraph break or else a line break when there is one (else after a
   sentence mark, else anywhere but inside a CRLF: a line longer than a window is the one
   case where a line-scoped rule sees it in parts). In Markdown a cut is moved back before
   a code fence the window would leave open, and before a ``---`` line (which would read as
   front matter at the start of the next window).

Each window is read by the document's own reader and checked as a document of its own by the
rules whose ``scope`` is local (``line``, ``sentence``, ``paragraph``, ``heading``); their
diagnostics are shifted back to the whole document's offsets, lines and columns, so spans
stay exact. A local pack rule that checks only documents its ``requires`` pattern matches (a
公文 and nothing else) runs on every window without that condition; its findings are kept
back and reported only if the pattern matched in some window, as it would in the whole.
Rules that need the whole document (``scope = "document"``, the default, and archive rules)
are skipped for it, and the result carries one note saying so. Snippets are
kept only for lines a window holds whole. A rule groups its findings (``group_after``) per
window, not per document.

Memory: checked whole, a document takes about 75 MB plus 14–45 bytes per byte (prose: 3 MB
of corpus/real 118 MB, 5 MB 146 MB) and 1.6 KB per line (1.4 MB of short lines 206 MB); the
cost limit keeps a whole check under about 250 MB, so a prose compilation of up to about 5 MB
is still checked whole by every rule. A window is smaller than that, and only one window, one
read block and the findings are held at a time.
"""

from __future__ import annotations

import codecs
import copy
import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from doclint.core.config import DEFAULT_MAX_SIZE_MB
from doclint.core.diagnostic import Diagnostic, Edit, FileInfo, FileResult, Fix, RelatedLocation
from doclint.core.document import Position, Span
from doclint.core.encoding import _BOMS, _utf16_without_bom
from doclint.core.errors import ReadError
from doclint.core.lazyregex import lazy_re
from doclint.core.linter import ActiveRule, lint_document
from doclint.runner.files import TooLarge

MB = 1024 * 1024
WINDOW_BYTES = 6 * MB  # documents costing more are checked in windows (whole: ≤ ~250 MB)
LINE_COST = 48  # a line costs as much memory as this many bytes of text
WINDOW_CHARS = 512 * 1024  # characters per window (about 1.5 MB of Chinese in UTF-8)
WHOLE_MB = 10  # default limit for documents a reader holds whole (.docx, plugin readers)
LOCAL_SCOPES = frozenset({"line", "sentence", "paragraph", "heading"})
_BLOCK = MB  # bytes read at a time
_MIN_SPAN = 4096  # characters: below this, a window's overhead outweighs what its lines cost
_READERS = ("doclint.readers.plain", "doclint.readers.markdown")
_FENCE = lazy_re(r"^[ \t]{0,3}(?:`{3,}|~{3,})", re.MULTILINE)
_SENTENCE_END = "。！？；\n\r"


def gated(rule: Any) -> tuple[Any, Any] | None:
    """For a pack rule that checks only documents where its ``requires`` pattern matches: the
    rule without that condition, and the pattern. None for any other rule."""
    spec: Any = getattr(rule, "spec", None)
    requires = getattr(spec, "requires", None)
    if requires is None:
        return None
    ungated = copy.copy(rule)
    ungated.spec = dataclasses.replace(spec, requires=None)
    return ungated, requires


def whole_limit(config: Any, reader: Callable[..., Any]) -> int | None:
    """The size limit of a document ``reader`` reads: ``max-size`` for plain text and
    Markdown, checked in windows above WINDOW_BYTES. A reader that must hold a document whole
    (``.docx``, a plugin's) gets at most WHOLE_MB unless ``max-size`` was set to something
    other than its default: memory grows with such a document's size."""
    limit = config.max_bytes
    if getattr(reader, "__module__", "") in _READERS or config.max_size != DEFAULT_MAX_SIZE_MB:
        return limit  # type: ignore[no-any-return]
    return WHOLE_MB * MB if limit is None else min(limit, WHOLE_MB * MB)


def windowed(reader: Callable[..., Any], size: int, lines: int = 0) -> bool:
    """Whether a document of ``size`` bytes and ``lines`` line breaks read by ``reader`` is
    checked in windows (from a size alone: whether it is certainly checked in windows)."""
    return (size + LINE_COST * lines > WINDOW_BYTES
            and getattr(reader, "__module__", "") in _READERS)


def line_breaks(data: bytes) -> int:
    """Line breaks in ``data`` as the cost estimate counts them (LF, or CR in CR-only text)."""
    return data.count(b"\n") or data.count(b"\r")


def scan(stream: BinaryIO, forced: str | None) -> tuple[str, str]:
    """One pass over ``stream``: its SHA-256 and its encoding (``ReadError`` if none fits)."""
    digest = hashlib.sha256()
    head = stream.read(_BLOCK)
    candidates: list[str]
    if forced:
        candidates = [forced]
    else:
        bom = next((name for mark, name in _BOMS if head.startswith(mark)), None)
        if bom is None and b"\x00" in head:
            utf16 = _utf16_without_bom(head[: len(head) // 2 * 2])
            if utf16 is None:
                raise ReadError("binary file (contains NUL bytes)")
            bom = utf16[1]
        candidates = [bom] if bom else ["utf-8", "gb18030"]
    try:
        decoders = {name: codecs.getincrementaldecoder(name)() for name in candidates}
    except LookupError as exc:
        raise ReadError(f"cannot decode as {forced}: {exc}") from None
    block = head
    lines = _Lines() if candidates == ["utf-8", "gb18030"] else None
    while True:
        digest.update(block)
        final = not block
        for name in list(decoders):
            try:
                text = decoders[name].decode(block, final)
            except UnicodeDecodeError:
                del decoders[name]
            else:
                if name == "utf-8" and lines is not None:
                    lines.utf8_text(text, block)
        if lines is not None and "utf-8" not in decoders:
            mixed = lines.other_bytes(block, final)
            extra = 0
            while not mixed and not decoders and not final and extra < MB:
                # Nothing decodes any more: read on to the end of the line in hand, to judge it.
                block = stream.read(_BLOCK)
                final, extra = not block, extra + len(block)
                mixed = lines.other_bytes(block, final or b"\n" in block)
            if mixed:
                raise ReadError(mixed)
        if not decoders:
            tried = " or ".join(candidates)
            raise ReadError(f"cannot decode as {tried} (a document this large is checked in "
                            "windows and its encoding must be one of these; force one with "
                            "--encoding)")
        if final:
            break
        block = stream.read(_BLOCK)
    return digest.hexdigest(), next(iter(decoders))


_CJK3 = lazy_re(r"^[^\n]*?[\u4e00-\u9fff][^\n]*?[\u4e00-\u9fff][^\n]*?[\u4e00-\u9fff]",
                   re.MULTILINE)


def _trimmed(line: bytes, keep: int = 64 * 1024) -> bytes:
    """The last ``keep`` bytes of a line (a line may be 200 MB long), from a UTF-8 character
    start: enough to judge its encoding."""
    if len(line) <= keep:
        return line
    start = len(line) - keep
    while start < len(line) and 0x80 <= line[start] <= 0xBF:
        start += 1
    return line[start:]


class _Lines:
    """The mixed-encodings check of ``doclint.core.encoding``, fed block by block: a file
    whose lines are partly UTF-8 (one with three or more Chinese characters) and partly not is
    refused rather than read as GB18030, half of it mojibake.

    While the file decodes as UTF-8 only line breaks are counted and the first UTF-8 line
    looked for (in C); once it does not, each line is tried (GBK after UTF-8, or the reverse).
    """

    def __init__(self) -> None:
        self.number = 0  # lines before the bytes not yet looked at
        self.carry = b""
        self.utf8 = self.other = 0

    def utf8_text(self, text: str, block: bytes) -> None:
        data = self.carry + block  # the line the next block continues, in bytes
        self.carry = _trimmed(data[data.rfind(b"\n") + 1 :])
        if not self.utf8 and not text.isascii():
            found = _CJK3.search(text)
            if found:
                self.utf8 = self.number + text.count("\n", 0, found.start()) + 1
        self.number += text.count("\n")

    def other_bytes(self, block: bytes, final: bool) -> str | None:
        data = self.carry + block
        parts = data.split(b"\n")
        self.carry = b"" if final else _trimmed(parts.pop())
        for line in parts:
            self.number += 1
            if line.isascii():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                self.other = self.other or self.number
            else:
                if not self.utf8 and sum("\u4e00" <= c <= "\u9fff" for c in text) >= 3:
                    self.utf8 = self.number
            if self.utf8 and self.other:
                return (f"mixed encodings: line {self.utf8} is UTF-8 but line {self.other} is "
                        "not (GB18030?); convert the file to one encoding, or force one with "
                        "--encoding")
        return None


def windows(stream: BinaryIO, encoding: str, markdown: bool = False,
            size: int | None = None, digest: Any = None, limit: int | None = None
            ) -> Iterator[str]:
    """The decoded text of ``stream`` in consecutive windows of about ``size`` characters.

    ``digest`` (a hashlib object) is fed every byte read; more than ``limit`` bytes raise
    ``TooLarge`` (a file that grows while it is read).
    """
    size = size or WINDOW_CHARS
    decoder = codecs.getincrementaldecoder(encoding)()
    carry = ""
    first = True
    total = 0
    while True:
        block = stream.read(_BLOCK)
        final = not block
        total += len(block)
        if limit is not None and total > limit:
            raise TooLarge(None, limit)
        if digest is not None:
            digest.update(block)
        carry += decoder.decode(block, final)
        if first and carry.startswith("\ufeff"):  # the readers drop a BOM character
            carry = carry[1:]
        first = first and not carry
        while carry:
            span = _span(carry, size)
            if len(carry) <= span and not final:
                break  # read on to fill the window
            cut = len(carry) if len(carry) <= span else _cut(carry, span, markdown)
            yield carry[:cut]
            carry = carry[cut:]
        if final:
            return


def _span(text: str, size: int) -> int:
    """How many characters of ``text`` make a window of ``size``: fewer when its lines are
    short, since a line costs memory like ``LINE_COST`` bytes (a third as many characters)."""
    examined = min(len(text), size)
    lines = text.count("\n", 0, examined) or text.count("\r", 0, examined)
    cost = examined + LINE_COST // 3 * lines  # of the text examined
    return max(min(size, _MIN_SPAN), size // 16, size * examined // max(cost, 1))


def _cut(text: str, size: int, markdown: bool) -> int:
    """Where to end a window of ``text``: after a blank line in the second half of ``size``,
    else after its last line break within ``size``, else after a sentence mark in its last
    quarter, else at ``size`` (never inside a CRLF)."""
    cut = max(text.rfind("\n", 0, size), text.rfind("\r", 0, size)) + 1
    blank = max(text.rfind("\n\n", size // 2, size), text.rfind("\n\r\n", size // 2, size))
    if blank >= 0:  # a paragraph break: no paragraph is cut in two
        cut = blank + 1
    if cut and markdown:
        fences = [m.start() for m in _FENCE.finditer(text, 0, cut)]
        if len(fences) % 2 and fences[-1] > 0:  # the window would end inside a fence
            cut = fences[-1]
        while cut > 1 and text.startswith("---", cut):  # would read as front matter
            cut = max(text.rfind("\n", 0, cut - 1), text.rfind("\r", 0, cut - 1)) + 1
    if not cut:
        cut = max(text.rfind(mark, size * 3 // 4, size) for mark in _SENTENCE_END) + 1
        cut = cut or size
    if text[cut - 1] == "\r" and cut < len(text) and text[cut] == "\n":
        cut += 1
    return cut


@dataclasses.dataclass
class _Place:
    """Where a window starts in the whole document."""

    offset: int = 0
    line: int = 1
    column: int = 1  # > 1 when the window starts inside a line

    def position(self, inner: Position) -> Position:
        if inner.line == 1:
            return Position(self.line, self.column + inner.column - 1)
        return Position(self.line + inner.line - 1, inner.column)

    def advance(self, text: str) -> None:
        self.offset += len(text)
        breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
        if breaks:
            last = max(text.rfind("\n"), text.rfind("\r")) + 1
            self.line += breaks
            self.column = len(text) - last + 1
        else:
            self.column += len(text)


def lint_windows(engine: Any, path: str, open_stream: Callable[[], BinaryIO],
                 encoding: str | None, scanned: tuple[str, str] | None = None,
                 limit: int | None = None) -> tuple[FileResult, dict[str, Any]]:
    """Check the document ``open_stream()`` reads in windows (see the module docstring).

    ``scanned``: what :func:`scan` found (digest, encoding), when the caller has it; else the
    stream is opened once more to find it. ``limit``: the size limit in bytes.
    """
    reader = engine.readers.get(suffix(path)) or engine.readers[".txt"]
    markdown = reader.__module__.endswith("markdown")
    if scanned is None:
        with open_stream() as stream:
            try:
                scanned = scan(stream, encoding)
            except ReadError as exc:
                return FileResult(FileInfo(path), error=str(exc)), {}
    digest, used = scanned
    again = hashlib.sha256()
    doc_rules, archive_rules = engine.rules_for(path)
    local = []
    gates: dict[str, Any] = {}  # code -> the requires pattern of a gated rule
    for active in doc_rules:
        if active.rule.scope not in LOCAL_SCOPES:
            continue
        gate = gated(active.rule)
        if gate is not None:
            gates[active.rule.code] = gate[1]
            active = ActiveRule(gate[0], active.severity)
        local.append(active)
    opened: set[str] = set()  # gated rules whose pattern matched in a window
    held: list[Diagnostic] = []  # their findings, until then
    maskers = [m for m in engine.maskers_for(path) if m.scope in LOCAL_SCOPES]
    skipped = [a.rule.code for a in doc_rules if a.rule.scope not in LOCAL_SCOPES]
    skipped += [r.code for r in archive_rules]
    budget = engine.config.rule_timeout
    settings = {"year": engine.config.year_for(path), "era_markers": engine.config.era_markers}
    place = _Place()
    diagnostics: list[Diagnostic] = []
    crashes: list[str] = []
    directives: list[Any] = []
    lines: dict[int, str] = {}
    newlines: dict[str, int] = {}
    count = 0
    with open_stream() as stream:
        for text in windows(stream, used, markdown, digest=again, limit=limit):
            count += 1
            try:
                doc = reader(path, text.encode("utf-8", "surrogatepass"), "utf-8")
            except ReadError as exc:
                return FileResult(FileInfo(path, used, digest), error=str(exc)), {}
            doc.encoding = used
            doc.settings = {**settings, **doc.settings}
            found, failed = lint_document(doc, local, maskers, budget)
            for code in gates.keys() - opened:
                try:
                    if gates[code].found_in(doc.text):
                        opened.add(code)
                except Exception as exc:  # a pattern timeout: as the rule's crash
                    failed.append(f"rule {code} crashed: {type(exc).__name__}: {exc}")
            crashes.extend(c for c in failed if c not in crashes)
            for diag in found:
                (held if diag.code in gates else diagnostics).append(_shifted(diag, doc, place))
            directives.extend(dataclasses.replace(
                d, start=place.position(d.start), end=place.position(d.end))
                for d in doc.directives)
            whole = _LazyLines(doc, text, place)
            for diag in found:
                for inner in {diag.start.line, *(r.start.line for r in diag.related)}:
                    if inner in whole:
                        lines[place.line + inner - 1] = whole[inner]
            for brk in ("\r\n", "\n", "\r"):
                newlines[brk] = newlines.get(brk, 0) + text.count(brk) - (
                    text.count("\r\n") if brk != "\r\n" else 0)
            place.advance(text)
            doc.release()  # free the window's facts now (see Document.release)
    if again.hexdigest() != digest:
        return FileResult(FileInfo(path, used, digest),
                          error="changed while it was read; check it again"), {}
    diagnostics.extend(d for d in held if d.code in opened)
    diagnostics.sort(key=Diagnostic.sort_key)
    newline = max(newlines, key=lambda k: newlines[k]) if any(newlines.values()) else "\n"
    info = FileInfo(path, used, digest, place.offset,
                    {"\n": "lf", "\r\n": "crlf", "\r": "cr"}[newline])
    notes: tuple[str, ...] = ()
    if skipped:
        windows_word = "window" if count == 1 else "windows"
        rules_word = ("rule that needs the whole document was" if len(skipped) == 1
                      else "rules that need the whole document were")
        notes = (f"note: {place.offset:,} characters in {sum(newlines.values()) + 1:,} lines, "
                 f"too large to check whole, checked in {count} {windows_word}; "
                 f"{len(skipped)} {rules_word} skipped for size "
                 f"({', '.join(sorted(skipped)[:8])}{', …' if len(skipped) > 8 else ''})",)
    return FileResult(info, tuple(diagnostics), crashes=tuple(crashes),
                      directives=tuple(directives), lines=lines, notes=notes), {}


def suffix(path: str) -> str:
    """The lower-case suffix of a path or archive member name (``a.zip!b.TXT`` -> ``.txt``)."""
    name = path.rsplit("/", 1)[-1].rsplit("!", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


class _LazyLines(dict):  # type: ignore[type-arg]
    """Line number -> source text, for lines the window holds whole."""

    def __init__(self, doc: Any, text: str, place: _Place) -> None:
        super().__init__()
        self._doc, self._text = doc, text
        self._first_partial = place.column > 1
        self._last_partial = not text.endswith(("\n", "\r"))
        self._count = len(doc.index)

    def __contains__(self, number: object) -> bool:
        if not isinstance(number, int) or not 1 <= number <= self._count:
            return False
        if number == 1 and self._first_partial:
            return False
        return not (number == self._count and self._last_partial)

    def __getitem__(self, number: int) -> str:
        line = self._doc.index.lines[number - 1]
        return str(self._doc.source[line.span.start : line.span.end])


def _shifted(diag: Diagnostic, doc: Any, place: _Place) -> Diagnostic:
    """``diag`` of a window, moved to where the window stands in the whole document."""
    offset = place.offset
    fix = diag.fix
    if fix is not None:
        fix = Fix(tuple(Edit(e.span.shift(offset), e.replacement) for e in fix.edits),
                  fix.title, fix.applicability)
    related = tuple(RelatedLocation(r.path, r.span.shift(offset) if r.path == diag.path
                                    else r.span,
                                    place.position(r.start) if r.path == diag.path else r.start,
                                    place.position(r.end) if r.path == diag.path else r.end,
                                    r.note) for r in diag.related)
    return dataclasses.replace(diag, span=Span(diag.span.start + offset, diag.span.end + offset),
                               start=place.position(diag.start), end=place.position(diag.end),
                               related=related, fix=fix)

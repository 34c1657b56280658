"""Apply fixes to a text, and write a file back atomically in its own encoding."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from doclint.core.diagnostic import Applicability, Diagnostic, Edit, Fix
from doclint.core.encoding import encode
from doclint.core.lazyregex import lazy_re


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix whose edits do not overlap an earlier applied fix; return text and count."""
    chosen = choose_fixes(fixes)
    return apply_edits(text, [e for fix in chosen for e in fix.edits]), len(chosen)


def choose_fixes(fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes, in order, each one whose edits overlap an earlier chosen fix left out."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in fixes:
        if any(_overlaps(e.span.start, e.span.end, taken) for e in fix.edits):
            continue
        chosen.append(fix)
        taken.extend((e.span.start, e.span.end) for e in fix.edits)
    return chosen


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied."""
    parts: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: e.span.start):
        parts.append(text[position : edit.span.start])
        parts.append(edit.replacement)
        position = edit.span.end
    parts.append(text[position:])
    return "".join(parts)


def disjoint_edits(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    """The edits in text order, each one overlapping an earlier kept edit dropped."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: e.span.start):
        if kept and edit.span.start < kept[-1].span.end:
            continue
        kept.append(edit)
    return tuple(kept)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any((start < t_end and t_start < end) or start == end == t_start for t_start, t_end in taken)


class ChangedOnDisk(OSError):
    """The file is no longer the bytes the fix was computed from: it is left as it is."""


def write_atomically(path: str, text: str, encoding: str, original: bytes = b"",
                     expected: bytes | None = None) -> None:
    """Replace ``path`` with ``text`` encoded as ``encoding``, via a temp file and rename.

    ``original`` is the file's old content: its BOM, if any, is kept. ``expected``: see
    :func:`write_bytes_atomically`.
    """
    write_bytes_atomically(path, encode(text, encoding, original), expected)


def write_bytes_atomically(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` via a temp file and rename, keeping its permissions.

    The temporary file is written in full and flushed to disk before the rename, so that a
    process killed at any moment (or a machine that loses power) leaves the old file or the
    new one, never a mix. ``expected``: the bytes the new content was computed from; when
    the file no longer holds them at the last moment before the rename (an editor saved it
    meanwhile), nothing is replaced and :class:`ChangedOnDisk` is raised.
    """
    target = Path(path)
    import tempfile  # NOTE: imported here: only a fix writes a file
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".doclint", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            _fill(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, target.stat().st_mode & 0o7777)
        if expected is not None and not _holds(target, expected):
            raise ChangedOnDisk(f"{path} changed on disk while it was being fixed")
        _commit(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _fill(handle: BinaryIO, data: bytes) -> None:
    """Write ``data`` to the temporary file (a seam the kill -9 test blocks in)."""
    handle.write(data)


def _commit(temp: str, target: Path) -> None:
    """Rename the complete temporary file over ``target`` (a seam for the kill -9 test)."""
    os.replace(temp, target)


def _holds(target: Path, expected: bytes) -> bool:
    """Whether ``target`` is a regular file holding exactly ``expected``."""
    try:
        descriptor = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                             | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return False
        return handle.read(len(expected) + 1) == expected


# Figures: runs of digits (half- or full-width, with decimal points and separators between
# them) and of Chinese numerals. A fix that changes one is at most a suggestion.
_NUMERAL = "0-9０-９〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟"
_FIGURE = lazy_re(rf"[{_NUMERAL}]+(?:[.．。,，][{_NUMERAL}]+)*")
# Width alone does not change a figure: ２０２４ and 2024 are the same year.
_FOLD = str.maketrans("０１２３４５６７８９．", "0123456789.")
_CONTEXT = 24  # characters of context either side of an edit, to see whole figures


_WIDE = lazy_re("[０-９．]")


def figures(text: str) -> list[str]:
    """The figures in ``text``, width-folded, in order."""
    found = _FIGURE.findall(text)
    if _WIDE.search(text) is None:
        return found  # nothing to fold (almost always): no translate per figure
    return [figure.translate(_FOLD) for figure in found]


def changes_figures(text: str, edits: Iterable[Edit]) -> bool:
    """Whether applying ``edits`` to ``text`` alters, merges, splits or adds a figure.

    Deleting whole figures (a repeated line, a pasted caption) does not count: what is left
    must be the same figures, in order, as some of the old ones.
    """
    for edit in edits:
        start, end = edit.span
        lo, hi = max(0, start - _CONTEXT), end + _CONTEXT
        left, right = text[lo:start], text[end:hi]
        after = figures(left + edit.replacement + right)
        if end - start > _LONG_EDIT and _kept_by_the_ends(text, lo, start, end, hi, after):
            continue
        before = figures(left + text[start:end] + right)
        if before != after and not _subsequence(after, before):
            return True
    return False


# An edit over more characters than this (a page copy, a block of boilerplate) is first judged
# by the figures at its two ends (``_kept_by_the_ends``), not by all the figures it removes.
_LONG_EDIT = 4 * _CONTEXT
# A character that is neither part of a figure nor a separator inside one: no figure holds it.
_BREAKER = lazy_re(rf"[^{_NUMERAL}.．。,，]")


def _kept_by_the_ends(text: str, lo: int, start: int, end: int, hi: int, after: list[str]) -> bool:
    """True when the figures left after an edit of ``text[start:end]`` (``after``, read in
    ``text[lo:hi]`` edited) are certainly some of the old ones, in order, as the whole text of
    the edit would show: a sufficient test that reads only the ends of the edit.

    No figure holds a breaker, and the figures of a text are those of the texts on either side
    of a breaker (the pattern looks neither behind nor beyond a breaker). With ``a`` the first
    breaker of the edited text and ``b`` its last, the old figures are those of
    ``text[lo:a]``, then of ``text[a + 1:b]``, then of ``text[b + 1:hi]``: when the new figures
    are some of the first ones followed by some of the last ones, they are some of the old ones
    in order. When not (the edit merges or splits a figure at its edge), the caller reads all."""
    first = _BREAKER.search(text, start, end)
    if first is None:
        return False
    a = first.start()
    b = end - 1
    stop = max(a, end - 1 - _CONTEXT)  # a last breaker further back: read it all, as before
    while b > stop and not _BREAKER.match(text, b):
        b -= 1
    if b <= a or not _BREAKER.match(text, b):
        return False
    head = iter(figures(text[lo:a]))
    remaining = [figure for figure in after if not any(item == figure for item in head)]
    # NOTE: ``head`` is consumed as the greedy match of a subsequence test does: the figures
    # of ``after`` not found in it, in order, must be found in the tail.
    return _subsequence(remaining, figures(text[b + 1 : hi]))


def _subsequence(small: list[str], big: list[str]) -> bool:
    items = iter(big)
    return all(any(item == wanted for item in items) for wanted in small)


def guard_figures(text: str, fix: Fix) -> Fix:
    """``fix``, demoted to a suggestion when it would change a figure of ``text``."""
    if fix.applicability is Applicability.SUGGESTION or not changes_figures(text, fix.edits):
        return fix
    return fix.with_applicability(Applicability.SUGGESTION)


_BARE_LF = lazy_re(r"(?<!\r)\n")


def native_newlines(fix: Fix, newline: str) -> Fix:
    """``fix`` with the line breaks it inserts written as the document writes them."""
    if newline == "\n" or not any("\n" in e.replacement for e in fix.edits):
        return fix
    edits = tuple(Edit(e.span, _BARE_LF.sub(newline, e.replacement)) for e in fix.edits)
    return Fix(edits, fix.title, fix.applicability)


def applicable(fixes: Iterable[Fix | None], unsafe: bool = False) -> list[Fix]:
    """The fixes ``--fix`` applies: safe ones, and unsafe ones too when ``unsafe``."""
    return [fix for fix in fixes if fix is not None and fix.applies(unsafe)]


# --- Fixing until stable (ruff's loop, with sqlfluff's guard) -------------------------------

MAX_ROUNDS = 10  # rounds of fixing one document (ruff and sqlfluff stop at 100 and 10)
MAX_LINTS = 40  # re-lints one document may cost, rolled-back attempts included


@dataclass
class RolledBack:
    """A fix that was not applied because the text it made had a new diagnostic."""

    diagnostic: Diagnostic  # whose fix was dropped (positions in the final text)
    added: Diagnostic  # the new diagnostic the fix would have caused (positions in its text)


@dataclass
class FixRun:
    """What :func:`fix_text` did: the final text, its diagnostics, what was applied."""

    text: str
    diagnostics: list[Diagnostic]  # of the final text, hidden ones (``keep`` false) left out
    applied: int = 0
    rounds: int = 0
    rolled_back: list[RolledBack] = field(default_factory=list)
    stable: bool = True  # False: stopped by MAX_ROUNDS or MAX_LINTS with fixes left
    edits: list[list[Edit]] = field(default_factory=list)  # per round, in that round's text


def fix_text(text: str, lint: Callable[[str], Sequence[Diagnostic]], *, unsafe: bool = False,
             keep: Callable[[Diagnostic], bool] = lambda d: True,
             first: Sequence[Diagnostic] | None = None,
             allow: Callable[[str, Fix], bool] | None = None,
             max_rounds: int = MAX_ROUNDS) -> FixRun:
    """Apply the applicable fixes of ``lint(text)`` round after round until none is left.

    - ``lint`` returns the diagnostics of a text (spans into that text).
    - ``keep`` says which diagnostics of ``text`` are shown (not suppressed): only their fixes
      are applied. Later rounds carry that status over to the diagnostics they match.
    - ``first``: ``lint(text)``, when the caller already has it.
    - ``allow(text, fix)``: whether a fix can be applied at all (a ``.docx`` run); fixes it
      refuses are left as they are.

    After each round the new text is linted again. A diagnostic that matches none of the
    previous round's (same code, overlapping or on the same line once the edits are mapped
    back, or on a related span of a grouped one) is new: the fixes whose edits touch it (else
    its line, else all of the round's) are rolled back and the round is retried without them.
    Rolled-back fixes get one more try after later rounds have changed the text, so that a
    second run has nothing to do; those still rolled back at the end are listed in
    ``rolled_back`` and their fixes read as suggestions in ``diagnostics``. Overlapping fixes
    wait for the next round. Stops when no fix is left, after ``max_rounds`` rounds or
    MAX_LINTS lints (``stable`` is then False).
    """
    diagnostics = list(lint(text) if first is None else first)
    lints = 1 if first is None else 0
    shown = [keep(d) for d in diagnostics]
    run = FixRun(text, [])
    rejected: dict[tuple[object, ...], Diagnostic] = {}  # fix -> the diagnostic it would add
    retried = False  # rejected fixes get one more try after the text has changed
    current = text
    while True:
        candidates = [d for d, visible in zip(diagnostics, shown, strict=True)
                      if visible and d.fix is not None and d.fix.applies(unsafe)
                      and (allow is None or allow(current, d.fix))]
        fresh = [d for d in candidates if _fix_key(current, d) not in rejected]
        if not fresh and rejected and not retried and run.rounds:
            # Fixes rolled back early may be harmless now that other fixes are in: try them
            # again, once, so that a second run has nothing left to do.
            retried, fresh = True, candidates
            rejected.clear()
        candidates = fresh
        if not candidates:
            break
        if run.rounds >= max_rounds or lints >= MAX_LINTS:
            run.stable = False
            break
        by_fix = {id(d.fix): d for d in candidates}
        chosen = choose_fixes(d.fix for d in candidates)  # type: ignore[misc]
        edits = sorted((e for f in chosen for e in f.edits), key=lambda e: e.span.start)
        new_text = apply_edits(current, edits)
        if new_text == current:
            break
        new_diagnostics = list(lint(new_text))
        lints += 1
        matched = _match(current, diagnostics, new_diagnostics, edits)
        added = [n for n, old in zip(new_diagnostics, matched, strict=True) if old is None]
        if added:
            for new in added:
                for fix in _culprits(current, new, edits, chosen):
                    rejected.setdefault(_fix_key(current, by_fix[id(fix)]), new)
            continue
        run.applied += len(chosen)
        run.rounds += 1
        retried = False
        run.edits.append(edits)
        shown = [old is not None and shown[old] for old in matched]
        diagnostics, current = new_diagnostics, new_text
    run.text = current
    # A rolled-back fix is reported as what it now is, a suggestion, at its place in the
    # final text.
    run.diagnostics = []
    for diag, visible in zip(diagnostics, shown, strict=True):
        if not visible:
            continue
        key = _fix_key(current, diag) if diag.fix is not None else None
        if key in rejected and diag.fix is not None and diag.fix.applies(unsafe):
            run.rolled_back.append(RolledBack(diag, rejected[key]))
            diag = dataclasses.replace(
                diag, fix=diag.fix.with_applicability(Applicability.SUGGESTION))
        run.diagnostics.append(diag)
    return run


def _fix_key(text: str, diag: Diagnostic) -> tuple[object, ...]:
    """A fix by what it does, not where: rejected fixes stay rejected in later rounds."""
    fix = diag.fix
    assert fix is not None
    return (diag.code, tuple((text[e.span.start : e.span.end], e.replacement) for e in fix.edits))


def _to_old(offset: int, edits: Sequence[Edit]) -> int:
    """Map an offset of the edited text back to the text before ``edits`` (sorted)."""
    shift = 0
    for edit in edits:
        start = edit.span.start + shift
        end = start + len(edit.replacement)
        if offset < start:
            break
        if offset <= end:
            return edit.span.start if offset < end else edit.span.end
        shift += len(edit.replacement) - (edit.span.end - edit.span.start)
    return offset - shift


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    low = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    highs = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    return low, min(highs) if highs else len(text)


def _match(old_text: str, old: Sequence[Diagnostic], new: Sequence[Diagnostic],
           edits: Sequence[Edit]) -> list[int | None]:
    """For each new diagnostic, the index of the old one it continues, or None (it is new)."""
    free: dict[str, list[int]] = {}
    for index, diag in enumerate(old):
        free.setdefault(diag.code, []).append(index)
    result: list[int | None] = []
    for diag in new:
        start, end = _to_old(diag.span.start, edits), _to_old(diag.span.end, edits)
        end = max(start, end)
        low, high = _line_bounds(old_text, start, end)
        best = None
        for index in free.get(diag.code, ()):
            span = old[index].span
            if span.start <= end and start <= span.end:  # overlaps or touches
                best = index
                break
            if best is None and low <= span.start <= high:  # on the same line
                best = index
        if best is None:
            # A grouped finding split up (or regrouped): its places were related spans.
            best = next((index for index, old_diag in enumerate(old)
                         if old_diag.code == diag.code
                         and any(r.path == old_diag.path and r.span.start <= end
                                 and start <= r.span.end for r in old_diag.related)), None)
            result.append(best)
            continue
        free[diag.code].remove(best)
        result.append(best)
    return result


def _culprits(old_text: str, new: Diagnostic, edits: Sequence[Edit],
              chosen: Sequence[Fix]) -> list[Fix]:
    """The fixes whose edits touch a new diagnostic's span, else its lines, else all of them."""
    start, end = _to_old(new.span.start, edits), _to_old(new.span.end, edits)
    end = max(start, end)
    line_start, line_end = _line_bounds(old_text, start, end)
    for low, high in ((start, end), (line_start, line_end)):
        near = [fix for fix in chosen
                if any(e.span.start <= high and low <= e.span.end for e in fix.edits)]
        if near:
            return near
    return list(chosen)

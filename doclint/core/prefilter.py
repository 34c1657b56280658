"""What a pattern's syntax tree says about every match, so texts that cannot match are skipped.

Two sound facts, both derived with the standard library's parser (`regex`-only syntax such as
``\\p{Han}`` is read as a broad class first, so nothing is wrongly ruled out):

* ``prefixes``: a few literal strings (up to three characters) one of which every match
  begins with; zero-width assertions are skipped. A text holding none of them has no match,
  and where they are rare only their positions need to be tried.
* ``required``: groups of literal strings, each group with at least one member in or right
  next to every match (literal runs of the pattern and of its positive lookarounds). A text
  missing a whole group has no match.

And one fact of shape: ``one_line``, no match (its lookarounds included) reaches over a line
break, so a match holding a required string lies in that string's line.

``line_keys`` states a weaker shape for patterns the rule modules run over a whole document
(see :mod:`doclint.core.candidates`): no match and no lookahead reaches over a line break
(lookbehinds may: they read the text before a search's start as they would in the whole
text), and the keys, one of which every match holds in its own line.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from doclint.core import buildcache
from doclint.core.lazyregex import lazy_re

try:  # the standard library's own regular-expression parser
    from re import _parser as _sre_parse  # type: ignore[attr-defined]  # Python 3.11+
except ImportError:  # Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

MAX_PREFIXES = 64
_MAX_CLASS = 16  # a character class becomes a requirement only when this small
_MAX_RANGE = 512
_MAX_REQUIRED = 3  # the most selective requirements are enough
_MAX_RUN = 8

# Syntax only `regex` knows, replaced by a broad class (\w) so `re` can parse the rest.
_REGEX_ONLY = lazy_re(r"\\\\|\\[pP]\{[^}]*\}|\\[pP][A-Za-z]|\\[XmM]")
# Syntax `re` would misread as literals: nested sets / POSIX classes, fuzzy matching, versions.
_NO_PREFILTER = lazy_re(r"\[\[|\{[^}]*[<=]|\(\?[^)]*V|\\L<")

Prefixes = set[tuple[str, bool]]  # (text, open): open = the whole item matched exactly text


@dataclass(frozen=True)
class Prefilter:
    prefixes: frozenset[str] | None = None  # None: a match may begin with anything
    required: tuple[frozenset[str], ...] = ()
    anchored: bool = False  # begins with ^ or \A: in one line, only at its start
    one_line: bool = False  # no match, lookarounds included, reaches over a line break

    @functools.cached_property
    def heads(self) -> frozenset[str] | None:
        """The first characters of the prefixes (one-character searches are the fast ones).
        Kept once made: ``admits`` asks for them on every text it tests."""
        return None if self.prefixes is None else frozenset(p[0] for p in self.prefixes)

    def admits(self, text: str) -> bool:
        """False only when ``text`` certainly holds no match (a few substring tests)."""
        # NOTE: plain loops, not any() over a generator: this is asked of every scope unit a
        # pack pattern may run on, and building a generator costs more than most tests.
        for group in self.required:
            for member in group:
                # A one-character search is fast: rule a member out by its first character.
                if member[0] in text and member in text:
                    break
            else:
                return False
        heads = self.heads
        if heads is None:
            return True
        for head in heads:
            if head in text:
                return True
        return False

    def admits_known(self, occurs: Mapping[str, bool]) -> bool:
        """``admits`` of a text where ``occurs`` tells whether a string occurs in it (a
        document's ``Candidates.occurs``, which looks for each string once)."""
        for group in self.required:
            for member in group:
                if occurs[member]:
                    break
            else:
                return False
        heads = self.heads
        if heads is None:
            return True
        for head in heads:
            if occurs[head]:
                return True
        return False


# Syntax that ties the branches of an alternation together: numbered or named back
# references, conditionals, and global inline flags (which `regex` applies to the whole).
_NOT_SPLITTABLE = lazy_re(r"\\[1-9]|\\g<|\(\?P=|\(\?\(|\(\?[a-zA-Z-]+\)|\\L<")


def top_level_branches(pattern: str) -> list[str] | None:
    """The alternatives of a pattern that is one top-level alternation ``a|b|c``, each a
    pattern of its own that matches where the whole would (None when it is not one, or when
    its branches depend on each other). For existence tests only: the order of matches is
    the whole pattern's business."""
    if _NOT_SPLITTABLE.search(pattern) or _NO_PREFILTER.search(pattern):
        return None
    branches: list[str] = []
    depth, start, i, n = 0, 0, 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches if len(branches) > 1 and all(branches) else None


def _class_end(pattern: str, i: int) -> int:
    """The index after the character class that opens at ``i``."""
    i += 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def analyse(pattern: str) -> Prefilter:
    """The prefilter of ``pattern``, kept between runs (``_KEPT``): the rule modules analyse
    a few hundred patterns on their first document (the era markers' pins, the templates'
    boilerplate), 20–40 ms a one-file check would otherwise pay every time."""
    kept = _KEPT.get(pattern)
    if kept is not None:
        return Prefilter(*kept)
    found = _analysed(pattern)
    _KEPT.add(pattern, (found.prefixes, found.required, found.anchored, found.one_line))
    return found


def _analysed(pattern: str) -> Prefilter:
    tree = _parse(pattern)
    if tree is None:
        return Prefilter()
    items = list(tree)
    anchored = bool(items) and str(items[0][0]) == "AT" and str(items[0][1]) in (
        "AT_BEGINNING", "AT_BEGINNING_STRING")
    one_line = not _REGEX_ONLY.search(pattern) and not _INLINE_FLAGS.search(pattern) \
        and not _crosses_lines(items)
    return Prefilter(_prefixes(tree), _most_selective(_required(items)), anchored, one_line)


# Inline flags may make . match a line break or change what a line break is.
_INLINE_FLAGS = lazy_re(r"\(\?[a-zA-Z^-]+[:)]")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _crosses_lines(items: list[Any]) -> bool:
    """Whether the sequence may match or look at a line break; True when unsure.

    ``^`` and ``$`` (multi-line) look at line breaks only from inside the line; ``.`` does not
    match one (no DOTALL). Syntax only `regex` knows is ruled out by the caller, before the
    standard library's parser reads it as a broad class.
    """
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            if arg == 10:
                return True
        elif name == "IN":
            if _class_has_newline(arg):
                return True
        elif name == "AT":
            if str(arg) not in ("AT_BEGINNING", "AT_END"):
                return True
        elif name in _REPEATS:
            if _crosses_lines(list(arg[2])):
                return True
        elif name == "SUBPATTERN":
            if arg[1] or arg[2] or _crosses_lines(list(arg[3])):
                return True
        elif name in ("ASSERT", "ASSERT_NOT"):
            if _crosses_lines(list(arg[1])):
                return True
        elif name == "BRANCH":
            if any(_crosses_lines(list(branch)) for branch in arg[1]):
                return True
        elif name != "ANY":  # NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ATOMIC_GROUP, ...
            return True
    return False


def _class_has_newline(items: list[Any]) -> bool:
    """Whether a character class admits a line break; True when unsure."""
    negated = False
    found = False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            found = found or arg == 10
        elif name == "RANGE":
            found = found or arg[0] <= 10 <= arg[1]
        elif name == "CATEGORY":
            category = str(arg)
            if category in ("CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD",
                            "CATEGORY_LINEBREAK"):
                found = True
            elif category not in ("CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_NOT_SPACE",
                                  "CATEGORY_NOT_LINEBREAK"):
                return True
        else:
            return True
    return found != negated


def _parse(pattern: str) -> Any:
    if _NO_PREFILTER.search(pattern):
        return None
    parsable = _REGEX_ONLY.sub(lambda m: m[0] if m[0] == "\\\\" else r"\w", pattern)
    try:
        tree = _sre_parse.parse(parsable)
    except (re.error, RecursionError, OverflowError, AssertionError):
        return None
    return None if tree.state.flags & re.IGNORECASE else tree


def _prefixes(tree: Any) -> frozenset[str] | None:
    for length in (3, 2, 1):
        found = _sequence(list(tree), length)
        if found is None or any(not text for text, _open in found):
            return None
        if len(found) <= MAX_PREFIXES:
            texts = {text for text, _open in found}
            return frozenset(p for p in texts
                             if not any(q != p and p.startswith(q) for q in texts))
    return None


def _sequence(items: list[Any], k: int) -> Prefixes | None:
    current: Prefixes = {("", True)}
    for op, arg in items:
        choices = _item(str(op), arg, k)
        following: Prefixes = set()
        for text, is_open in current:
            if not is_open or len(text) >= k or choices is None:
                following.add((text, False))
                continue
            for piece, piece_open in choices:
                joined = (text + piece)[:k]
                following.add((joined, piece_open and len(joined) < k))
        if len(following) > MAX_PREFIXES * 4:
            return None
        current = following
    return current


def _item(op: str, arg: Any, k: int) -> Prefixes | None:
    if op == "LITERAL":
        return {(chr(arg), True)}
    if op == "IN":
        chars = _class_chars(arg)
        return None if chars is None else {(c, True) for c in chars}
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return {("", True)}
    if op == "BRANCH":
        found: Prefixes = set()
        for branch in arg[1]:
            result = _sequence(list(branch), k)
            if result is None:
                return None
            found |= result
        return found
    if op == "SUBPATTERN":
        _group, add_flags, _del_flags, sub = arg
        return None if add_flags & re.IGNORECASE else _sequence(list(sub), k)
    if op == "ATOMIC_GROUP":
        return _sequence(list(arg), k)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, sub = arg
        if low == 0:
            once = _sequence(list(sub), k)
            return None if once is None else {("", True)} | {(t, False) for t, _o in once}
        repeated = _sequence(list(sub) * min(low, k), k)
        if repeated is None:
            return None
        return repeated if high == low else {(t, False) for t, _o in repeated}
    return None  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS ...


def _required(items: list[Any], lookbehinds: bool = True) -> list[frozenset[str]]:
    """Groups of strings, one member of each inside every match of the sequence (or of its
    positive lookarounds; of its lookaheads only, without ``lookbehinds``)."""
    found: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            run += chr(arg)
            continue
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1 \
                and _literal(list(arg[2])) is not None:
            pass  # extends the current literal run below
        elif run:
            found.append(frozenset({run}))
            run = ""
        if name == "IN":
            chars = _class_chars(arg)
            if chars and len(chars) <= _MAX_CLASS:
                found.append(frozenset(chars))
        elif name == "SUBPATTERN" and not arg[1] & re.IGNORECASE:
            found.extend(_required(list(arg[3]), lookbehinds))
        elif name == "ATOMIC_GROUP":
            found.extend(_required(list(arg), lookbehinds))
        elif name == "ASSERT" and (lookbehinds or arg[0] > 0):
            # a positive lookaround's text is in the searched text too
            found.extend(_required(list(arg[1]), lookbehinds))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            low, high, sub = arg
            piece = _literal(list(sub))
            if piece is None:
                found.extend(_required(list(sub), lookbehinds))
                continue
            run = (run + piece * low)[:_MAX_RUN]  # 。{3,} needs "。。。"
            if high != low:
                found.append(frozenset({run}))
                run = ""
            continue
        elif name == "BRANCH":
            either = _either(arg[1], lookbehinds)
            if either:
                found.append(either)
    if run:
        found.append(frozenset({run}))
    return found


def _literal(items: list[Any]) -> str | None:
    """The text of a sequence made only of literal characters (None otherwise)."""
    if not items or any(str(op) != "LITERAL" for op, _arg in items):
        return None
    return "".join(chr(arg) for _op, arg in items)


def _either(branches: list[Any], lookbehinds: bool = True) -> frozenset[str] | None:
    """One requirement for an alternation: the best requirement of each branch, joined.

    A branch's own prefixes are a requirement too, often a better one: ``[上中下]午`` needs
    one of 上午 中午 下午, which is rarer than 午 alone.
    """
    joined: set[str] = set()
    for branch in branches:
        options = list(_most_selective(_required(list(branch), lookbehinds), 1))
        found = _sequence(list(branch), 3)
        if found is not None and all(text for text, _open in found):
            options.append(frozenset(text for text, _open in found))
        options = [o for o in options if len(o) <= _MAX_CLASS]
        if not options:
            return None
        joined |= max(options, key=lambda g: (min(map(len, g)), -len(g)))
    return frozenset(joined) if len(joined) <= _MAX_CLASS else None


def _most_selective(groups: list[frozenset[str]],
                    limit: int = _MAX_REQUIRED) -> tuple[frozenset[str], ...]:
    """The groups worth testing, cheapest first.

    A member containing another member adds nothing (the shorter one is found first). A
    search for one character is fast and one for a longer string is not, so groups of
    single characters are tested first and long groups of long strings are not tested.
    """
    lean = {frozenset(s for s in g if not any(t != s and t in s for t in g)) for g in groups}
    useful = [g for g in lean if len(g) <= 8 or all(len(s) == 1 for s in g)]
    ranked = sorted(useful, key=lambda g: (-min(map(len, g)), len(g), sorted(g)))[:limit]
    return tuple(sorted(ranked, key=lambda g: (max(map(len, g)) > 1, len(g), sorted(g))))


def _class_chars(items: list[Any]) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(arg))
        elif name == "RANGE" and arg[1] - arg[0] <= _MAX_RANGE:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:  # NEGATE, CATEGORY, wide RANGE
            return None
    return chars


# Unicode properties none of whose characters is a line break: read as \w (one character,
# never "\n") when the shape of a pattern is judged; their complements (\P{…}, [^\p{…}]) then
# read as classes that hold a line break, as they do.
_LINE_FREE_PROPERTIES = frozenset({
    "Han", "Hani", "L", "Lu", "Ll", "Lt", "Lm", "Lo", "N", "Nd", "Nl", "No", "P", "Pc", "Pd",
    "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Latin", "Latn", "Greek",
    "Cyrillic", "Hiragana", "Katakana"})
_PROPERTY = lazy_re(r"\\\\|\\([pP])(?:\{([^}]*)\}|([A-Za-z]))")
_SHAPE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE
# Flags of `regex` that change what is matched beyond the standard library's reading:
# VERSION1 (nested sets; also the standard library's ASCII bit), REVERSE, WORD (other line
# breaks), FULLCASE, BESTMATCH, ENHANCEMATCH, POSIX.
_FOREIGN_FLAGS = 0x100 | 0x400 | 0x800 | 0x4000 | 0x1000 | 0x8000 | 0x10000


def line_keys(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...] | None:
    """Groups of keys of a pattern whose matches each lie inside one line, or None.

    Not None only when it is certain that (a) every match is non-empty and holds no line break,
    (b) no lookahead reads a line break (so nothing after the match's line matters), and ``$``
    means a line's end (multi-line), and (c) every match holds a member of each group, in
    itself or in its lookaheads, so in its own line. Then a search of only the lines that hold
    a member of one group, each from its start (lookbehinds still read the text before it),
    finds what a search of the whole text finds. Lookbehinds may read anything: a search that
    starts inside a text still lets them read what precedes.

    None as well for a pattern that opens with a literal character (after its lookarounds):
    the engine skips to that character by itself, as fast as a search for the keys would.
    """
    if flags & _FOREIGN_FLAGS or _NO_PREFILTER.search(pattern):
        return None
    unknown = False

    def read(match: re.Match[str]) -> str:
        nonlocal unknown
        if match[0] == "\\\\":
            return match[0]
        name = match[2] if match[2] is not None else match[3]
        if name not in _LINE_FREE_PROPERTIES:
            unknown = True
        return r"\w" if match[1] == "p" else r"\W"

    parsable = _PROPERTY.sub(read, pattern)
    # what is left of regex-only syntax (\X, \m, \M) is not judged
    if unknown or any(m[0] != "\\\\" for m in _REGEX_ONLY.finditer(parsable)):
        return None
    try:
        tree = _sre_parse.parse(parsable, flags & _SHAPE_FLAGS)
    except (re.error, RecursionError, OverflowError, AssertionError):
        return None
    state = tree.state.flags
    if state & (re.IGNORECASE | re.DOTALL) or tree.getwidth()[0] < 1:
        return None
    items = list(tree)
    if _opens_with_literal(items) or not _line_bound(items, bool(state & re.MULTILINE)):
        return None
    return _most_selective(_required(items, lookbehinds=False)) or None


def _opens_with_literal(items: list[Any]) -> bool:
    for op, _arg in items:
        name = str(op)
        if name not in ("ASSERT", "ASSERT_NOT"):
            return name == "LITERAL"
    return False


def _line_bound(items: list[Any], multiline: bool) -> bool:
    """Whether the sequence neither matches nor looks ahead at a line break; False when
    unsure. Lookbehinds are not judged (see ``line_keys``)."""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            if arg == 10:
                return False
        elif name == "NOT_LITERAL":
            if arg != 10:
                return False
        elif name == "IN":
            if _class_has_newline(arg):
                return False
        elif name == "AT":
            where = str(arg)
            if where == "AT_END" and not multiline:
                return False
            if where not in ("AT_BEGINNING", "AT_BEGINNING_STRING", "AT_END", "AT_BOUNDARY",
                             "AT_NON_BOUNDARY"):
                return False
        elif name in _REPEATS:
            if not _line_bound(list(arg[2]), multiline):
                return False
        elif name == "SUBPATTERN":
            if arg[1] or arg[2] or not _line_bound(list(arg[3]), multiline):
                return False
        elif name == "ATOMIC_GROUP":
            if not _line_bound(list(arg), multiline):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if arg[0] > 0 and not _line_bound(list(arg[1]), multiline):
                return False
        elif name == "BRANCH":
            if not all(_line_bound(list(branch), multiline) for branch in arg[1]):
                return False
        elif name != "ANY":  # GROUPREF, GROUPREF_EXISTS, ...
            return False
    return True


def _kept_header() -> bytes:
    """The answers hold for this module's code and Python's parser: both are in the header."""
    code = os.stat(__file__)
    return buildcache.FORMAT + (f"prefilters {_KEPT_FORMAT} python {sys.version} "
                                f"code {code.st_size} {code.st_mtime_ns}\n").encode()


def _kept_path() -> Any:
    return buildcache.folder() / "prefilters.pickle"


_KEPT_FORMAT = 1
_KEPT = buildcache.KeptTable(_kept_path, _kept_header, 5000)

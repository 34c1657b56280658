"""Bytes to text: BOMs first, then UTF-16 without a BOM, strict UTF-8, GB18030, charset-normalizer.

A file whose lines are partly UTF-8 and partly GB18030 (two exports pasted together) is refused
with a message naming a line of each: read as either encoding, half of it would be mojibake.
"""

from __future__ import annotations

import codecs

from doclint.core.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The codec that writes what follows each BOM, so a rewrite keeps the BOM and byte order.
_BARE = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF32_LE: "utf-32-le",
         codecs.BOM_UTF32_BE: "utf-32-be", codecs.BOM_UTF16_LE: "utf-16-le",
         codecs.BOM_UTF16_BE: "utf-16-be"}
_CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ReadError for binary or undecodable input.

    GB18030 is tried before any guess because it is a superset of GBK and GB2312, the
    encodings real government archives use, and because guessing on short Chinese text is
    unreliable. It is only accepted when the result looks like text.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReadError(f"cannot decode as {encoding}: {exc}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                break
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise ReadError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _nearly_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    if _looks_binary(data):
        raise ReadError("binary file (not text in any supported encoding)")
    mixed = _mixed_lines(data)
    if mixed is not None:
        raise ReadError(mixed)
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # heavy import, only for odd files

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("cannot detect the text encoding")
    return str(best), best.encoding


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (cut mid-character, a stray byte), with U+FFFD for them.

    Read as GB18030 or guessed, such a file would turn into mojibake from end to end. GBK read
    as UTF-8 gives more errors than valid non-ASCII characters; damaged UTF-8 gives a handful
    among thousands.
    """
    text = data.decode("utf-8", errors="replace")
    errors = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text if non_ascii - errors >= 100 * errors else None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text that lost its BOM (``(text, "utf-16-le")`` or ``-be``), else None.

    Both byte orders are tried; a reading must decode strictly and hold no control characters.
    Of two such readings, the one with more line breaks wins (read the wrong way round, a
    newline becomes U+0A00), then the side most NULs fall on: ASCII puts its NUL after the
    character in little-endian. Not a test of NUL parity alone: 一 (U+4E00) and the ideographic
    space (U+3000) put NULs on the other side.
    """
    if len(data) % 2:
        return None
    sample = data[:65536]
    odd_nuls = sample[1::2].count(0) - sample[0::2].count(0)
    readings = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        head = text[:32768]
        if any(ord(c) in _CONTROL_BYTES for c in head):
            continue
        parity = odd_nuls if codec == "utf-16-le" else -odd_nuls
        readings.append((head.count("\n"), parity, codec, text))
    if not readings:
        return None
    _lines, _parity, codec, text = max(readings)
    return text, codec


def _mixed_lines(data: bytes) -> str | None:
    """The reason a file is refused when some lines are UTF-8 and others GB18030, else None.

    A line counts as UTF-8 only with three or more Chinese characters: GBK bytes almost never
    make such a line by chance.
    """
    utf8 = other = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            other = other or number
        else:
            if not utf8 and sum("\u4e00" <= c <= "\u9fff" for c in text) >= 3:
                utf8 = number
        if utf8 and other:
            return (f"mixed encodings: line {utf8} is UTF-8 but line {other} is not "
                    "(GB18030?); convert the file to one encoding, or force one with --encoding")
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > max(2, len(sample) // 100)


def encode(text: str, encoding: str, original: bytes = b"") -> bytes:
    """``text`` in ``encoding``; a BOM-marked original keeps its BOM and its byte order.

    ``"utf-16"`` alone would write the machine's byte order, turning a big-endian file
    little-endian.
    """
    if encoding in ("utf-8-sig", "utf-16", "utf-32"):
        for bom, _ in _BOMS:
            if original.startswith(bom):
                return bom + text.encode(_BARE[bom])
    return text.encode(encoding)

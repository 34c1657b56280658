"""Bytes to text: GBK/GB18030 archives, BOMs, UTF-16, binary input, and re-encoding."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

import pytest

from doclint.core.encoding import decode, encode
from doclint.core.errors import ReadError
from doclint.readers.plain import read_plain

# Characters GBK cannot encode but GB18030 can (four-byte sequences): an Extension B
# ideograph, an Extension A ideograph, and an emoji.
OUTSIDE_GBK = "𠀀䶮😀"


def gbk_corpus(shared: Path) -> list[tuple[Path, Path]]:
    folder = shared / "corpus" / "encodings"
    with open(folder / "MANIFEST.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(folder / row["file"], shared / "corpus" / "real" / row["utf8_counterpart"])
            for row in rows]


def test_gbk_archives_read_as_gb18030_and_equal_their_utf8_copies(shared: Path) -> None:
    pairs = gbk_corpus(shared)
    assert len(pairs) == 5
    for gbk, utf8 in pairs:
        data = gbk.read_bytes()
        doc = read_plain(str(gbk), data)
        assert doc.encoding == "gb18030", gbk.name
        expected = utf8.read_text(encoding="utf-8-sig")
        # Line endings are kept as read; the copies may differ only in CRLF vs LF.
        assert doc.source.replace("\r\n", "\n") == expected.replace("\r\n", "\n"), gbk.name
        assert doc.source == data.decode("gbk")


def test_gbk_archive_keeps_its_crlf_lines(shared: Path) -> None:
    gbk = shared / "corpus" / "encodings" / "dereks-gwr-county-hailar-2014.gbk.txt"
    doc = read_plain(str(gbk), gbk.read_bytes())
    assert doc.source.count("\r\n") == 122
    assert {line.newline for line in doc.lines()} <= {"\r\n", ""}


def test_gb18030_characters_outside_gbk() -> None:
    text = f"{OUTSIDE_GBK}刚才，同志们。\n第二行"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    data = text.encode("gb18030")
    assert decode(data) == (text, "gb18030")
    doc = read_plain("x.txt", data)
    assert doc.position(doc.source.index("刚")).column == 4


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ],
)
def test_boms_are_detected_and_stripped(bom: bytes, codec: str, name: str) -> None:
    text = "增长6.5%，\r\n第二行"
    doc = read_plain("x.txt", bom + text.encode(codec))
    assert (doc.source, doc.encoding) == (text, name)
    assert doc.position(doc.source.index("增")).column == 1


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
     (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_BE, "utf-32-be")],
)
def test_encode_keeps_the_original_bom_and_byte_order(bom: bytes, codec: str) -> None:
    original = bom + "旧".encode(codec)
    text, name = decode(original)
    assert text == "旧"
    assert encode("新", name, original) == bom + "新".encode(codec)


def test_encode_without_bom() -> None:
    assert encode("新", "gb18030") == "新".encode("gb18030")
    assert encode("新", "utf-8", b"plain") == "新".encode()


def test_plain_utf8_and_ascii() -> None:
    assert decode("中文".encode()) == ("中文", "utf-8")
    assert decode(b"plain ascii") == ("plain ascii", "utf-8")


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def test_binary_input_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="binary file"):
        decode(PNG)
    with pytest.raises(ReadError, match="binary file"):
        decode(bytes(range(1, 32)) * 8 + b"\xff\xfe\xfd")


def test_forced_encoding() -> None:
    assert decode("中".encode("gbk"), "gbk") == ("中", "gbk")
    with pytest.raises(ReadError, match="cannot decode as utf-8"):
        decode("中".encode("gbk"), "utf-8")


REPORT = "政府工作报告，增长6.5%。" * 40


def test_utf8_cut_mid_character_stays_utf8() -> None:
    data = REPORT.encode()[:-1]  # a scraped file cut inside its last character
    text, name = decode(data)
    assert name == "utf-8"
    assert text == REPORT[:-1] + "\ufffd"


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = REPORT.encode()
    text, name = decode(data[:30] + b"\xff" + data[30:])
    assert name == "utf-8"
    assert text.count("\ufffd") == 1
    assert text.replace("\ufffd", "") == REPORT


@pytest.mark.parametrize("text", ["abc 中 def", "Report 2019 年 GDP", "中华人民共和国国务院"])
def test_short_or_mostly_ascii_gbk_is_still_gb18030(text: str) -> None:
    assert decode(text.encode("gbk")) == (text, "gb18030")

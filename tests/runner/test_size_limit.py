"""Documents over the size limit are skipped with a reason before they are read whole."""

from __future__ import annotations

import io
import tarfile
import zipfile

import pytest

from doclint.runner.files import MB, TooLarge, read_bounded, read_regular

DEFECT = "全县生产总值同比增长35；工业增加值增长8%。\n"
FILLER = "　　各乡镇要抓好春季农业生产。\n"


def big_text(megabytes: float) -> str:
    return FILLER * int(megabytes * MB / len(FILLER.encode()) + 1)


def test_read_regular_refuses_a_file_over_the_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(TooLarge, match=r"larger than the size limit \(0\.0 MB > 0\.000976562 MB\)"):
        read_regular(path, limit=1024)
    assert read_regular(path, limit=2048) == b"x" * 2048


def test_read_bounded_stops_one_byte_past_the_limit():
    # A stream whose header understated its size (a bomb) is never read past the limit.
    stream = io.BytesIO(b"y" * 5000)
    with pytest.raises(TooLarge, match=r"larger than the size limit \(0\.00390625 MB\)"):
        read_bounded(stream, 4096)
    assert stream.tell() == 4097


def test_a_big_file_is_skipped_and_the_batch_goes_on(doclint, tmp_path):
    (tmp_path / "big.txt").write_text(big_text(1.2), encoding="utf-8")
    (tmp_path / "small.txt").write_text(DEFECT, encoding="utf-8")
    result = doclint("check", str(tmp_path), "--no-cache", "--max-size", "1", "--format", "json")
    assert result.err_lines[0].endswith(
        "big.txt: cannot read: larger than the size limit (1.2 MB > 1 MB), skipped; "
        "raise it with --max-size or max-size in the config")
    assert '"code": "N201"' in result.out
    assert result.code == 2


def test_max_size_from_the_config_and_zero_turns_it_off(doclint, tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_text(big_text(1.2), encoding="utf-8")
    (tmp_path / "doclint.yaml").write_text("max-size: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "larger than the size limit" in doclint("check", "big.txt", "--no-cache").err
    unlimited = doclint("check", "big.txt", "--no-cache", "--max-size", "0")
    assert unlimited.err == ""
    assert "T601" in unlimited.out  # read and checked: its lines repeat


def test_max_size_must_be_a_size(doclint, tmp_path, monkeypatch):
    (tmp_path / "doclint.yaml").write_text("max-size: -3\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(DEFECT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = doclint("check", "a.txt", "--no-cache")
    assert result.code == 2
    assert 'doclint.yaml:1:1: "max-size" must be a size in MB (0: no limit)' in result.err


def test_a_zip_bomb_member_is_skipped_without_being_decompressed(doclint, tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("huge.txt", "甲" * (2 * MB))
        zf.writestr("ok.txt", DEFECT)
    assert archive.stat().st_size < 100_000
    result = doclint("check", str(archive), "--no-cache", "--max-size", "1", "--format", "json")
    assert "bomb.zip!huge.txt: larger than the size limit (6.0 MB > 1 MB), skipped" in result.err
    assert '"code": "N201"' in result.out


def test_a_big_tar_member_is_skipped_and_the_stream_goes_on(doclint, tmp_path):
    archive = tmp_path / "docs.tar.gz"
    with tarfile.open(archive, "w:gz") as tf:
        for name, text in (("huge.txt", big_text(1.5)), ("ok.txt", DEFECT)):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    result = doclint("check", str(archive), "--no-cache", "--max-size", "1", "--format", "json")
    assert "docs.tar.gz!huge.txt: larger than the size limit (1.5 MB > 1 MB), skipped" in result.err
    assert '"code": "N201"' in result.out


def test_standard_input_over_the_limit_is_a_one_line_error(doclint):
    result = doclint("check", "-", "--no-cache", "--max-size", "1", input=big_text(1.2))
    assert result.code == 2
    assert result.err_lines == ["doclint: error: <stdin>: larger than the size limit (1 MB), "
                                "skipped; raise it with --max-size or max-size in the config"]

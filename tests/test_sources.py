"""Reading raw files: encodings detected, bad input refused with the file's name, manifest checked."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from gongfu import paths
from gongfu.errors import GongfuError
from gongfu.sources import append_manifest, decode_bytes, read_manifest, verify_manifest

SAMPLE = "去年南湖区农村居民人均可支配收入为38856元，城乡居民收入比1.5:1。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf_8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf_8_sig"),
        (SAMPLE.encode("utf-16"), "utf_16"),
        ((SAMPLE * 3).encode("gb18030"), "gb18030"),
    ],
)
def test_decode_detects_encoding_and_recovers_the_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "x.txt")
    assert SAMPLE in decoded.text
    assert decoded.encoding == encoding or (decoded.encoding in {"gbk", "gb2312"} and encoding == "gb18030")


def test_gbk_file_is_decoded_not_mangled() -> None:
    text = "临江街道已集聚规上工业企业106家，培育本土上市企业5家。" * 4
    assert decode_bytes(text.encode("gbk"), "gbk.txt").text == text


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x00"])
def test_empty_file_is_refused_by_name(data: bytes) -> None:
    with pytest.raises(GongfuError, match=r"empty\.txt: .*empty"):
        decode_bytes(data, "empty.txt")


def test_binary_junk_is_refused_by_name() -> None:
    junk = bytes(range(256)) * 20 + b"\x89PNG\r\n\x1a\n" + bytes([0, 1, 2, 3]) * 50
    with pytest.raises(GongfuError, match=r"junk\.bin: .*(binary|not readable)"):
        decode_bytes(junk, "junk.bin")


def test_crlf_becomes_lf() -> None:
    assert decode_bytes("第一段\r\n第二段\r\n".encode(), "crlf.txt").text == "第一段\n第二段\n"


def test_real_manifest_matches_the_raw_files() -> None:
    rows = verify_manifest(paths.RAW_DIR)
    assert [r["doc_id"] for r in rows] == sorted(p.stem for p in paths.RAW_DIR.glob("*.txt"))
    assert all(r["file"] == r["doc_id"] + ".txt" for r in rows)


def test_changed_raw_file_is_refused_by_name(raw_copy: Path) -> None:
    target = raw_copy / "002_f635a0d975b8c0ba.txt"
    target.write_bytes(target.read_bytes() + b"x")
    with pytest.raises(GongfuError, match=r"002_f635a0d975b8c0ba\.txt: sha256 .* differs"):
        verify_manifest(raw_copy)


def test_missing_raw_file_is_refused_by_name(raw_copy: Path) -> None:
    (raw_copy / "004_117541a7c7ed6a5d.txt").unlink()
    with pytest.raises(GongfuError, match=r"004_117541a7c7ed6a5d\.txt: listed in MANIFEST.csv but missing"):
        verify_manifest(raw_copy)


def test_missing_raw_directory_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(GongfuError, match=r"raw data folder not found.*git checkout"):
        verify_manifest(tmp_path / "nowhere")


def test_unlisted_file_is_refused_until_added(raw_copy: Path) -> None:
    new = raw_copy / "005_new.txt"
    new.write_text("婺城区新增就业7889人。", encoding="utf-8")
    with pytest.raises(GongfuError, match=r"005_new\.txt: not in MANIFEST.csv"):
        verify_manifest(raw_copy)

    added = append_manifest(raw_copy)

    assert [r["doc_id"] for r in added] == ["005_new"]
    assert len(verify_manifest(raw_copy)) == 6
    assert read_manifest(raw_copy)[-1]["bytes"] == str(len(new.read_bytes()))


def test_adding_an_unreadable_file_is_refused(raw_copy: Path) -> None:
    (raw_copy / "006_empty.txt").write_bytes(b"")
    with pytest.raises(GongfuError, match=r"006_empty\.txt: the file is empty"):
        append_manifest(raw_copy)
    assert len(read_manifest(raw_copy)) == 5

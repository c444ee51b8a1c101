"""Reading raw files: encodings detected, bad input refused with the file's name, manifest checked."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

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


def test_empty_file_is_refused_by_name() -> None:
    with pytest.raises(GongfuError, match=r"^empty\.txt: the file is empty\."):
        decode_bytes(b"", "empty.txt")


@pytest.mark.parametrize("data", [b"   \n\n", b"\t\r\n", b"\x00\x00", "\u3000\u3000\n".encode(),
                                  " \n".encode("utf-16")])
def test_whitespace_only_file_is_not_called_empty(data: bytes) -> None:
    with pytest.raises(GongfuError, match=r"^blank\.txt: the file contains only whitespace\."):
        decode_bytes(data, "blank.txt")


@pytest.mark.parametrize(
    ("utf8_part", "other_part", "lines", "what"),
    [
        ("临江街道已集聚规上工业企业106家。\n", "南湖区生产总值增长13.9%。\n".encode("gbk"), "2", "GB18030/GBK"),
        ("婺城区\n新增就业7889人。\n", "闻堰街道".encode("gbk") + b"\n" + "上半年".encode("gbk"), "3, 4", "GB18030"),
        ("南湖区农村居民人均可支配收入38856元。\n", b"\xff\xfe\xff\n", "2", "no encoding explains"),
    ],
)
def test_part_utf8_part_other_encoding_is_called_mixed_not_binary(utf8_part: str, other_part: bytes,
                                                                 lines: str, what: str) -> None:
    with pytest.raises(GongfuError) as info:
        decode_bytes(utf8_part.encode("utf-8") + other_part, "mixed.txt")

    message = str(info.value)
    assert message.startswith("mixed.txt: mixed encodings: some lines are UTF-8 but line(s) ")
    assert f"line(s) {lines} are not" in message and what in message
    assert "binary" not in message


@given(st.lists(st.text(alphabet="临江街道企业收入增长亿元万人。", min_size=4, max_size=30), min_size=1, max_size=4),
       st.text(alphabet="南湖区生产总值同比", min_size=2, max_size=30))
def test_any_utf8_chinese_followed_by_a_gbk_line_is_refused_as_mixed(utf8_lines: list[str], gbk_line: str) -> None:
    gbk = gbk_line.encode("gbk")
    try:  # a short GBK run can be valid UTF-8 by chance (值值 reads as two Hebrew letters): that is not mixed
        gbk.decode("utf-8")
        assume(False)
    except UnicodeDecodeError:
        pass
    data = "\n".join(utf8_lines).encode("utf-8") + b"\n" + gbk_line.encode("gbk")
    with pytest.raises(GongfuError, match=r"mixed encodings"):
        decode_bytes(data, "mixed.txt")


def test_a_whole_gbk_file_is_not_mixed() -> None:
    text = "临江街道已集聚规上工业企业106家。\n培育本土上市企业5家。\n"
    assert decode_bytes(text.encode("gbk") * 3, "gbk.txt").text == text * 3


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


def _manifest(raw: Path) -> Path:
    return raw / "MANIFEST.csv"


def test_manifest_with_a_utf8_bom_reads_the_same_rows(raw_copy: Path) -> None:
    plain = read_manifest(raw_copy)
    _manifest(raw_copy).write_bytes(codecs.BOM_UTF8 + _manifest(raw_copy).read_bytes())

    assert read_manifest(raw_copy) == plain
    assert len(verify_manifest(raw_copy)) == 5


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "big5"])
def test_manifest_in_another_encoding_is_refused_by_name(raw_copy: Path, encoding: str) -> None:
    text = _manifest(raw_copy).read_text(encoding="utf-8")
    _manifest(raw_copy).write_bytes(text.encode(encoding, errors="replace"))

    with pytest.raises(GongfuError, match=r"MANIFEST\.csv: not UTF-8 \(line \d+ .*Save it as UTF-8"):
        read_manifest(raw_copy)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("005_new,005_new.txt\n", "line 7 has 2 field(s) where the header has 13"),
        ("005_new,005_new.txt," + "0" * 64 + ",9,a,b,c,d,e,f,g,h,i,j\n", "line 7 has 14 field(s)"),
        (",005_new.txt," + "0" * 64 + ",9,,,,,,,,,\n", "line 7 has an empty doc_id"),
        ("000_b634d781fc564449,x.txt," + "0" * 64 + ",9,,,,,,,,,\n", "appears twice (lines 2 and 7)"),
    ],
)
def test_bad_manifest_row_is_refused_with_its_line(raw_copy: Path, row: str, problem: str) -> None:
    with _manifest(raw_copy).open("a", encoding="utf-8") as fh:
        fh.write(row)

    with pytest.raises(GongfuError, match=r"MANIFEST\.csv: ") as info:
        read_manifest(raw_copy)
    assert problem in str(info.value)


def _rewrite_hash(raw: Path, doc: str, new: str) -> str:
    rows = read_manifest(raw)
    old = next(r["sha256"] for r in rows if r["doc_id"] == doc)
    path = _manifest(raw)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return old


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (str.upper, r"sha256 of 003_5c6707e2467e516d\.txt is in upper case \(the file matches it\)\. Write it "
                    r"in lower case: [0-9a-f]{64}$"),
        (lambda h: h[:12], r"is cut short \(12 of 64 characters; the file matches what is there\)\. Write the "
                           r"whole hash: [0-9a-f]{64}$"),
        (lambda h: h[:-1] + "z", r"is not a sha256 \(64 hex digits\): '[0-9a-f]{63}z'\. If the file is the "
                                 r"original, write its hash"),
    ],
)
def test_malformed_hash_is_told_from_a_changed_file(raw_copy: Path, damage, message: str) -> None:
    original = read_manifest(raw_copy)[3]["sha256"]
    _rewrite_hash(raw_copy, "003_5c6707e2467e516d", damage(original))

    with pytest.raises(GongfuError, match=message) as info:
        verify_manifest(raw_copy)
    assert "differs" not in str(info.value) and original in str(info.value)


@pytest.mark.parametrize("entry", ["notes.pdf", "scan.docx", "folder.txt"])
def test_a_non_text_entry_in_the_raw_folder_is_refused_not_skipped(raw_copy: Path, entry: str) -> None:
    if entry.endswith(".txt"):
        (raw_copy / entry).mkdir()
    else:
        (raw_copy / entry).write_bytes(b"%PDF-1.4")

    with pytest.raises(GongfuError, match=rf"raw/{entry}: not a text file\. .*save the article as \.txt"):
        verify_manifest(raw_copy)


@pytest.mark.parametrize("name", ["005_new.TXT", "005_new.text", "005_new.html", "005_new.Htm"])
def test_texts_with_any_text_extension_must_be_recorded(raw_copy: Path, name: str) -> None:
    (raw_copy / name).write_text("婺城区新增就业7889人。", encoding="utf-8")
    with pytest.raises(GongfuError, match=rf"{name}: not in MANIFEST\.csv"):
        verify_manifest(raw_copy)

    assert [r["file"] for r in append_manifest(raw_copy)] == [name]
    assert len(verify_manifest(raw_copy)) == 6


def test_adding_to_a_missing_raw_folder_says_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(GongfuError, match=r"nowhere/: raw data folder not found\. Create it \(mkdir -p "):
        append_manifest(tmp_path / "nowhere")


def test_adding_after_a_last_row_without_a_line_end_keeps_both_rows(raw_copy: Path) -> None:
    path = _manifest(raw_copy)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    (raw_copy / "005_new.txt").write_text("婺城区新增就业7889人。", encoding="utf-8")

    append_manifest(raw_copy)

    assert [r["doc_id"] for r in verify_manifest(raw_copy)][-2:] == ["004_117541a7c7ed6a5d", "005_new"]


def test_adding_to_a_bom_manifest_keeps_it_readable(raw_copy: Path) -> None:
    path = _manifest(raw_copy)
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    (raw_copy / "005_new.txt").write_text("婺城区新增就业7889人。", encoding="utf-8")

    append_manifest(raw_copy)

    assert len(verify_manifest(raw_copy)) == 6

"""Decoding bytes to text: encodings, newlines, and what is not text."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov_report import DecodeError, InputError, OpenGovReportError, decode
from opengov_report.source import (
    MAX_INPUT_SIZE,
    check_size,
    input_error,
    read_bytes,
    read_limited,
    read_source,
    refuse_file_name,
    size_limit,
    too_large,
)

SAMPLE = "周村区人民政府2020年政府信息公开工作年度报告\r\n一、总体情况\n\t12\r（一）予以公开"


def test_utf8_plain_and_with_bom() -> None:
    data = SAMPLE.encode("utf-8")
    assert decode(data) == SAMPLE
    assert decode(b"\xef\xbb\xbf" + data) == SAMPLE  # the BOM is not text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    assert decode(bom + SAMPLE.encode(codec)) == SAMPLE


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_gb_family(codec: str) -> None:
    text = "政府信息公开工作年度报告\n一、总体情况\n"
    assert decode(text.encode(codec)) == text


def test_gb18030_four_byte_characters() -> None:
    text = "𠀀年度报告€"  # outside GBK: four-byte GB18030 sequences
    assert decode(text.encode("gb18030")) == text


def test_newlines_are_kept_as_they_are() -> None:
    text = "a\r\nb\rc\nd"
    assert decode(text.encode("utf-8")) == text
    assert decode(text.encode("gb18030")) == text


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00def",
        b"%PDF-1.7\n...",
        b"PK\x03\x04\x14\x00",
        b"\x89PNG\r\n\x1a\n",
        b"\x80\x80\x80\xff\xff",  # valid in neither UTF-8 nor GB18030
        bytes(range(1, 9)) * 40,  # control characters
    ],
)
def test_not_text_raises_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode(data)


def test_decode_error_is_a_library_error() -> None:
    assert issubclass(DecodeError, OpenGovReportError)
    with pytest.raises(OpenGovReportError):
        decode(b"\x00")


def test_decode_rejects_non_bytes() -> None:
    with pytest.raises(InputError):
        decode("text")  # type: ignore[arg-type]


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc"))))
def test_utf8_round_trip(text: str) -> None:
    assert decode(text.encode("utf-8")) == text


_TEXTS = st.text(max_size=60)


@given(
    st.one_of(
        st.binary(max_size=200),
        _TEXTS.map(lambda t: t.encode("utf-8")),
        _TEXTS.map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        _TEXTS.map(lambda t: t.encode("gb18030")),
        _TEXTS.map(lambda t: t.encode("utf-16")),
    )
)
def test_any_bytes_decode_to_their_text_or_raise_decode_error(data: bytes) -> None:
    """What decode returns is what the docstring's order of encodings gives, unchanged (no BOM,
    newlines as they are); anything else raises DecodeError (counted over all examples: the
    encoded texts decode)."""
    try:
        text = decode(data)
    except DecodeError:
        return
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        assert text == data.decode("utf-16")
        return
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        expected = body.decode("utf-8")
    except UnicodeDecodeError:
        expected = body.decode("gb18030")
    assert text == expected
    assert "\x00" not in text


def test_read_source_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)
    with pytest.raises(InputError):
        read_source(12)  # type: ignore[arg-type]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    with pytest.raises(DecodeError, match=r"bad\.txt"):
        read_source(bad)


def test_the_control_character_threshold() -> None:
    """More than 8 control characters and more than 1 % of the text: binary, not text."""
    with pytest.raises(DecodeError, match="control characters"):
        decode(b"\x01" * 9 + b"a" * 791)  # 9 in 800: 1.1 %
    assert decode(b"\x01" * 9 + b"a" * 891) == "\x01" * 9 + "a" * 891  # 9 in 900: exactly 1 %
    assert decode(b"\x01" * 8 + b"a" * 10) == "\x01" * 8 + "a" * 10  # 8: never enough


def test_the_control_characters_are_counted_in_the_first_65536_characters() -> None:
    head = "\x01" * 655 + "a" * (65536 - 655)  # 655 in 65,536: just under 1 %
    assert decode((head + "\x01").encode("ascii")) == head + "\x01"  # the 656th is past the sample


def test_decode_errors_say_what_the_input_is() -> None:
    with pytest.raises(
        DecodeError, match=r"^the input contains NUL bytes: it is binary, not text$"
    ):
        decode(b"ab\x00cd")
    with pytest.raises(DecodeError, match=r"^the input is mostly control characters"):
        decode(b"\x01" * 20)
    with pytest.raises(
        DecodeError, match=r"^the input is not valid GB18030: the first bad byte is at byte \d+ "
    ):
        decode(b"\x81\x20" * 4)
    with pytest.raises(InputError, match=r"^decode\(\) expects bytes, not str$"):
        decode("text")  # type: ignore[arg-type]


def test_binary_inputs_are_named() -> None:
    with pytest.raises(DecodeError, match=r"^the input is a PDF file, not text$"):
        decode(b"%PDF-1.7 ...")
    with pytest.raises(DecodeError, match=r"^the input is a PNG image, not text$"):
        decode(b"\x89PNG\r\n")
    # UTF-16 text may hold NUL characters: the decoded text is checked too
    with pytest.raises(
        DecodeError, match=r"^the decoded text contains NUL characters: it is binary, not text$"
    ):
        decode(b"\xff\xfe" + "a\x00b".encode("utf-16-le"))


# What decode says about bad bytes: where they are (byte offset in the input, BOM included;
# line and byte of the line, both counted from 1), the bytes, and what is read with "replace"


def test_a_bad_byte_is_placed_by_its_offset_line_and_column() -> None:
    # "\n" is byte 0, "a" byte 1, "b" byte 2: the 0xFF is byte 3, the third byte of line 2
    with pytest.raises(
        DecodeError,
        match=r"^the input is not valid UTF-8: the first bad byte is at byte 3 "
        r"\(line 2, byte 3 of the line\): ff: ",
    ):
        decode(b"\nab\xffcd", encoding="utf-8")


def test_a_bad_byte_after_a_bom_is_counted_from_the_start_of_the_file() -> None:
    # BOM (bytes 0-2), "ab\n" (3-5), "cd" (6-7): the 0xFF is byte 8, the third of line 2
    where = r"is at byte 8 \(line 2, byte 3 of the line\): ff: "
    data = b"\xef\xbb\xbfab\ncd\xffef"
    with pytest.raises(
        DecodeError, match=r"^the input is not valid UTF-8: the first bad byte " + where
    ):
        decode(data)
    with pytest.raises(
        DecodeError, match=r"^the input is not valid UTF-8: the first bad byte " + where
    ):
        decode(data, encoding="utf-8")


def test_a_bad_sequence_of_two_bytes_is_shown_whole() -> None:
    # E4 B8 starts a three-byte UTF-8 character that "a" does not continue: two bytes are bad
    with pytest.raises(DecodeError, match=r"is at byte 5 \(line 1, byte 6 of the line\): e4 b8: "):
        decode(b"\xef\xbb\xbfab\xe4\xb8a")


def test_errors_replace_puts_u_fffd_for_bad_bytes_in_every_encoding() -> None:
    """U+FFFD for each bad sequence, whichever way the encoding was found."""
    bom8, le_bom = b"\xef\xbb\xbf", b"\xff\xfe"
    assert decode(b"ab\xff", encoding="utf-8", errors="replace") == "ab\ufffd"
    assert decode(bom8 + b"ab\xff", encoding="utf-8", errors="replace") == "ab\ufffd"
    assert decode(bom8 + b"ab\xff", errors="replace") == "ab\ufffd"
    # UTF-16 with a BOM, an odd byte at the end: a truncated code unit
    assert decode(le_bom + "ab".encode("utf-16-le") + b"c", errors="replace") == "ab\ufffd"
    # GB18030: 0xFF is the lead byte of no character
    assert decode("政府".encode("gb18030") + b"\xff", errors="replace") == "政府\ufffd"
    # UTF-16 without a BOM: a high surrogate followed by no low one
    text = "政府信息公开 annual report "
    data = text.encode("utf-16-le") + b"\x00\xd8" + "ab".encode("utf-16-le")
    assert decode(data, errors="replace") == text + "\ufffdab"


def test_errors_must_be_strict_or_replace() -> None:
    with pytest.raises(InputError, match=r"^errors must be one of strict, replace, not 'ignore'$"):
        decode(b"abc", errors="ignore")  # type: ignore[arg-type]


def test_a_named_encoding_reads_every_byte_and_utf8_drops_its_bom() -> None:
    # latin-1 maps each byte to the code point of its value: EF BB BF is "ï»¿", not a BOM
    assert decode(b"\xef\xbb\xbfabc", encoding="latin-1") == "\xef\xbb\xbfabc"
    assert decode(b"\xef\xbb\xbfabc", encoding="utf-8") == "abc"
    assert decode(b"\xef\xbb\xbfabc", encoding="UTF8") == "abc"


def test_mostly_utf8_means_twenty_valid_non_ascii_characters_per_bad_sequence() -> None:
    """A text with a few bad bytes among at least 20 valid non-ASCII characters per bad
    sequence is UTF-8 (ASCII does not count: GB18030 text is ASCII there too); with fewer it is
    read as GB18030."""
    ascii_part = b"report 2020, lines 1-40; " * 4
    twenty = "政府信息公开工作年度报告总体情况主动公开".encode()
    assert len(twenty.decode()) == 20
    data = ascii_part + twenty + b"\xff"
    assert decode(data, errors="replace") == data.decode("utf-8", errors="replace")
    with pytest.raises(DecodeError, match=r"^the input is UTF-8 but for 1 bad byte sequence; "):
        decode(data)
    nineteen = ascii_part + twenty[3:] + b"\xff"  # one character fewer
    assert decode(nineteen, errors="replace") == nineteen.decode("gb18030", errors="replace")


def test_the_count_of_bad_sequences_says_one_or_many() -> None:
    text = "政府信息公开工作年度报告总体情况主动公开政府信息公开工作年度报告总体情况主动公开"
    data = text.encode()
    with pytest.raises(DecodeError, match=r"^the input is UTF-8 but for 2 bad byte sequences; "):
        decode(data + b"\xff" + data + b"\xfe")
    # a U+FFFD written in the text (EF BF BD, valid UTF-8) is no bad sequence
    with pytest.raises(DecodeError, match=r"^the input is UTF-8 but for 1 bad byte sequence; "):
        decode(data + "\ufffd".encode() + b"\xff")


def test_utf16_without_bom_needs_nine_tenths_of_plausible_characters() -> None:
    """The byte order whose first 65,536 bytes read as at least 90 % plausible characters (the
    characters of a Chinese report) is taken; "Ѐ" (U+0400) is not one of them."""
    exactly = "a b c d e" + "\u0400"  # 9 of 10
    assert decode(exactly.encode("utf-16-le")) == exactly
    with pytest.raises(DecodeError, match="NUL bytes"):
        decode(("a b c d e" + "\u0400\u0400").encode("utf-16-le"))  # 9 of 11
    # the first 32,768 characters: 29,492 plausible, 90.0024 %; the rest is not looked at
    sample = " " * 29_492 + "\u0400" * 3_276
    assert len(sample.encode("utf-16-le")) == 65_536
    text = sample + "\u0400" * 100
    assert decode(text.encode("utf-16-le")) == text


# From a path, bytes or a str to text; the size limit


def test_read_source_takes_text_bytes_or_a_path(tmp_path: Path) -> None:
    assert read_source("一、总体情况") == ("一、总体情况", None)
    assert read_source(b"\xe4\xb8\x80") == ("一", None)
    path = tmp_path / "r.txt"
    path.write_bytes("一、总体情况".encode("gb18030"))
    assert read_source(path) == ("一、总体情况", str(path))
    with pytest.raises(InputError, match=r"^expected text \(str\), bytes or a path, not int$"):
        read_source(12)  # type: ignore[arg-type]


def test_a_str_naming_a_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text("一、总体情况", encoding="utf-8")
    message = r"^'report\.txt' is the name of a file, but a str is taken as a report's text: "
    with pytest.raises(InputError, match=message):
        refuse_file_name("report.txt")
    with pytest.raises(InputError, match=message):
        read_source("report.txt")
    refuse_file_name("other.txt")  # no such file: text


def test_a_str_with_a_line_break_or_blank_is_never_a_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Such names are possible on POSIX file systems, but a report's text has line breaks."""
    monkeypatch.chdir(tmp_path)
    for name in ("a\nb", "a\rb", " "):
        (tmp_path / name).write_text("x", encoding="utf-8")
        refuse_file_name(name)
        assert read_source(name) == (name, None)


def test_input_error_names_the_file_and_the_cause() -> None:
    assert str(input_error("f.txt", IsADirectoryError(21, "Is a directory"))) == (
        "f.txt: is a directory"
    )
    assert str(input_error("f.txt", FileNotFoundError(2, "No such file"))) == "f.txt: no such file"
    assert str(input_error("f.txt", PermissionError(13, "Permission denied"))) == (
        "f.txt: Permission denied"
    )
    assert str(input_error("f.txt", OSError("device gone"))) == "f.txt: device gone"


def test_read_bytes_reads_up_to_its_limit_and_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"x" * 11)
    assert read_bytes(path, max_size=11) == b"x" * 11  # at the limit: read
    assert read_bytes(path, max_size=0) == b"x" * 11  # 0: no limit
    with pytest.raises(InputError, match=f"^{re.escape(str(path))}: 0.0 MB, over the limit of "):
        read_bytes(path, max_size=10)
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match=f"^{re.escape(str(missing))}: no such file$"):
        read_bytes(missing)


class _Stat:
    """What ``os.fstat`` says of a file that has grown since: a smaller size."""

    def __init__(self, size: int) -> None:
        self.st_size = size


def test_a_file_that_grows_while_read_is_read_to_its_end_or_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fstat", lambda fd: _Stat(5))
    path = tmp_path / "r.txt"
    path.write_bytes(b"0123456789" * 2)  # 20 bytes where 5 were announced
    assert read_bytes(path, max_size=100) == b"0123456789" * 2
    path.write_bytes(b"y" * 200)
    with pytest.raises(InputError) as info:
        read_bytes(path, max_size=100)
    assert str(info.value) == (
        f"{path}: more than 0.0001 MB, over the limit of 0.0001 MB per input "
        "(raise it with --max-size MB, or max_size= in the API)"
    )


class _Trickle(io.BytesIO):
    """A stream that gives one byte a read, as a pipe may."""

    def read(self, size: int | None = -1, /) -> bytes:
        return super().read(1 if size is None or size < 0 else min(size, 1))


def test_read_limited_reads_one_byte_past_the_limit_whatever_the_reads_give() -> None:
    assert read_limited(_Trickle(b"y" * 100), 10) == b"y" * 11
    assert read_limited(_Trickle(b"y" * 5), 10) == b"y" * 5


def test_the_size_limit_in_force() -> None:
    assert size_limit(None) == MAX_INPUT_SIZE == 50_000_000
    assert size_limit(1) == 1
    assert size_limit(0) is None
    assert size_limit(-3) is None
    check_size("a.txt", 10, 10)  # at the limit
    check_size("a.txt", 10**9, 0)  # no limit
    with pytest.raises(InputError, match=r"^a\.txt: 0\.0 MB, over the limit of 1e-05 MB"):
        check_size("a.txt", 11, 10)


def test_too_large_says_the_size_and_the_limit_in_megabytes() -> None:
    hint = "(raise it with --max-size MB, or max_size= in the API)"
    # 1,150,001 bytes are 1.150001 MB: 1.2 to one decimal
    assert str(too_large("a.txt", 1_150_001, 1_000_000)) == (
        f"a.txt: 1.2 MB, over the limit of 1 MB per input {hint}"
    )
    assert str(too_large("a.txt", 1_150_001, 1_000_000, more=True)) == (
        f"a.txt: more than 1 MB, over the limit of 1 MB per input {hint}"
    )

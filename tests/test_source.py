"""Decoding bytes to text: encodings, newlines, and what is not text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov_report import DecodeError, InputError, OpenGovReportError, decode
from opengov_report.source import read_source

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

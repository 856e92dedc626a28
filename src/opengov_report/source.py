"""From bytes to text: encoding detection and decoding.

Detected: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when its NUL bytes
tell it), and GB18030 (a superset of GBK and GB2312, common for Chinese government files); any
other codec when named (``encoding=``).  Decoding is deterministic and strict by default: the
same bytes always give the same text, line endings are kept as they are, and bytes that are not
text raise :class:`~opengov_report.errors.DecodeError` naming the byte offset, line and column
of the first bad sequence.  ``errors="replace"`` puts U+FFFD in place of bad bytes instead.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import BinaryIO, Literal

from .errors import DecodeError, InputError

__all__ = [
    "ERRORS",
    "MAX_INPUT_SIZE",
    "Errors",
    "check_size",
    "decode",
    "input_error",
    "read_bytes",
    "read_limited",
    "read_source",
    "refuse_file_name",
    "size_limit",
    "too_large",
]

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

#: magic numbers of common binary formats, with the name we report
_BINARY_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx file?)"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 file (a .doc or .xls file?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    # not binary, but markup that is not the report's text: sites publish .doc attachments
    # saved as RTF (Word, WPS), whose control words would be read as the report
    (b"{\\rtf", "an RTF document (a .doc or .rtf file? save it as .docx first)"),
)

# C0 controls other than tab, LF, VT, FF, CR; and DEL.  A few are tolerated (scraped text
# sometimes carries one), many mean the input is not text.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


#: what to do with bytes that are not valid in the encoding: raise, or put U+FFFD in their place
Errors = Literal["strict", "replace"]
ERRORS: tuple[Errors, ...] = ("strict", "replace")

#: a text is "mostly UTF-8" when it has at least this many valid non-ASCII characters per bad
#: byte sequence (a GB18030 text read as UTF-8 has about one bad sequence per character)
_MOSTLY = 20


def decode(data: bytes, *, encoding: str | None = None, errors: Errors = "strict") -> str:
    """Decode a report's bytes to text.

    Without ``encoding``, tries in order: a UTF-8 BOM, a UTF-16 BOM, UTF-16 without a BOM (NUL
    bytes in every other position), UTF-8, GB18030.  The BOM is not part of the returned text;
    newlines are kept as they are.  A text that is UTF-8 but for a few bad byte sequences is
    not read as GB18030 (which would garble it): it raises, naming the byte offset, line and
    column of the first bad sequence.  ``encoding`` (any codec name Python knows: ``gbk``,
    ``big5``, ``utf-16-le`` …) skips the detection.

    ``errors="replace"`` reads bytes that are not valid in the encoding (the detected one, or
    UTF-8 when the text is mostly UTF-8) as U+FFFD instead of raising; the replacements stay in
    the text, where rule I101 reports them.

    Raises :class:`DecodeError` for input that is not text: NUL bytes (outside UTF-16), a known
    binary format, bytes valid in no supported encoding (with ``errors="strict"``), or text
    made mostly of control characters; :class:`InputError` for an unknown ``encoding`` or
    ``errors``.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"decode() expects bytes, not {type(data).__name__}")
    if errors not in ERRORS:
        raise InputError(f"errors must be one of {', '.join(ERRORS)}, not {errors!r}")
    data = bytes(data)
    if encoding is not None:
        text = _with_encoding(data, encoding, errors)
    elif data.startswith(_UTF8_BOM):
        text = _strict(data[len(_UTF8_BOM) :], "utf-8", errors, offset=len(_UTF8_BOM))
    elif data.startswith(_UTF16_BOMS):
        text = _strict(data, "utf-16", errors)
    else:
        for magic, name in _BINARY_MAGIC:
            if data.startswith(magic):
                raise DecodeError(f"the input is {name}, not text")
        if b"\x00" in data:
            text = _utf16_without_bom(data, errors)
        else:
            text = _utf8_or_gb18030(data, errors)
    _reject_binary_looking(text)
    return text


def _with_encoding(data: bytes, encoding: str, errors: Errors) -> str:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if codec.startswith("utf-8") and data.startswith(_UTF8_BOM):
        return _strict(data[len(_UTF8_BOM) :], "utf-8", errors, offset=len(_UTF8_BOM))
    return _strict(data, codec, errors)


def _utf8_or_gb18030(data: bytes, errors: Errors) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(replaced) - len(replaced.encode("ascii", "ignore")) - bad
    if non_ascii >= _MOSTLY * bad:  # UTF-8 with a few bad bytes, not another encoding
        if errors == "replace":
            return replaced
        raise DecodeError(
            f"the input is UTF-8 but for {bad} bad byte sequence{'s' if bad > 1 else ''}; "
            f"the first {_where(data, first)}" + _HINT
        ) from None
    return _strict(data, "gb18030", errors)


#: how to read a text that is not valid in its encoding anyway
_HINT = (
    " (read it with errors='replace' / --errors replace to put U+FFFD in their place, "
    "or name the encoding with encoding= / --encoding)"
)


def _where(data: bytes, exc: UnicodeDecodeError, offset: int = 0) -> str:
    """Where a decoding error is, in words: byte offset, line and column (from 1), the bad
    bytes (at most four), why."""
    start = exc.start + offset
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    bad = data[start : max(exc.end + offset, start + 1)][:4].hex(" ")
    return f"is at byte {start} (line {line}, byte {column} of the line): {bad}: {exc.reason}"


def _utf16_without_bom(data: bytes, errors: Errors) -> str:
    """UTF-16 without a BOM, told by its NUL bytes (every ASCII character and line break has
    one), in the byte order whose text looks like text (at least 90 % of the characters read
    from its first 65,536 bytes :func:`_plausible` ones); else the input is binary."""
    if len(data) % 2 == 0:
        sample = data[:65536]
        best = max(
            ("utf-16-le", "utf-16-be"),
            key=lambda codec: _plausible(sample.decode(codec, errors="replace")),
        )
        if _plausible(sample.decode(best, errors="replace")) >= 0.9:
            return _strict(data, best, errors)
    raise DecodeError("the input contains NUL bytes: it is binary, not text")


def _plausible(text: str) -> float:
    """The share of ``text`` made of characters a Chinese report is written in: printable
    ASCII, white space, CJK ideographs and punctuation, full-width forms."""
    if not text:
        return 0.0
    good = len(_PLAUSIBLE_RE.findall(text))
    return good / len(text)


_PLAUSIBLE_RE = re.compile(
    "[\t\n\r\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]"
)


def _strict(data: bytes, encoding: str, errors: Errors, *, offset: int = 0) -> str:
    try:
        return data.decode(encoding, errors=errors)
    except UnicodeDecodeError as exc:
        full = data if not offset else _UTF8_BOM + data
        raise DecodeError(
            f"the input is not valid {encoding.upper()}: the first bad byte "
            f"{_where(full, exc, offset)}" + _HINT
        ) from None


def _reject_binary_looking(text: str) -> None:
    if "\x00" in text:
        raise DecodeError("the decoded text contains NUL characters: it is binary, not text")
    if not text:
        return
    sample = text[:65536]
    controls = len(_CONTROL_RE.findall(sample))
    if controls > 8 and controls * 100 > len(sample):
        raise DecodeError("the input is mostly control characters: it is binary, not text")


#: a str longer than this, or with a line break, is never taken for a file name
_NAME_MAX = 4096


def refuse_file_name(text: str) -> None:
    """Raise :class:`InputError` when ``text``, a str handed over as a report's text, is the
    name of an existing file: ``parse("report.txt")`` would otherwise parse the eleven
    characters ``report.txt`` and return an empty report, silently.  A str is always text;
    a file is read when its path is passed as a :class:`pathlib.Path`."""
    if len(text) > _NAME_MAX or "\n" in text or "\r" in text or not text.strip():
        return
    try:
        is_file = os.path.isfile(text)
    except (OSError, ValueError):  # a name the file system cannot take
        return
    if is_file:
        raise InputError(
            f"{text!r} is the name of a file, but a str is taken as a report's text: "
            f"pass a path to read the file (opengov_report.parse(Path({text!r})))"
        )


def read_source(source: str | bytes | os.PathLike[str]) -> tuple[str, str | None]:
    """Turn what a user hands us into text: ``(text, path or None)``.

    ``str`` is taken as the text itself (one that names an existing file is refused, see
    :func:`refuse_file_name`); ``bytes`` are decoded; a path-like object is read and decoded.
    Raises :class:`InputError` when a file cannot be read and :class:`DecodeError` when its
    bytes are not text.
    """
    if isinstance(source, str):
        refuse_file_name(source)
        return source, None
    if isinstance(source, (bytes, bytearray, memoryview)):
        return decode(bytes(source)), None
    if isinstance(source, os.PathLike):
        path = Path(source)
        data = read_bytes(path)
        try:
            return decode(data), str(path)
        except DecodeError as exc:
            raise DecodeError(f"{path}: {exc}") from None
    raise InputError(f"expected text (str), bytes or a path, not {type(source).__name__}")


def input_error(name: str, exc: OSError) -> InputError:
    """The :class:`InputError` for a file ``name`` that could not be read (a folder, a missing
    file, a permission …), naming it."""
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{name}: is a directory")
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{name}: no such file")
    return InputError(f"{name}: {exc.strerror or exc}")


def read_bytes(path: Path, *, max_size: int | None = None) -> bytes:
    """A file's bytes; :class:`InputError` (naming the file) when it cannot be read or is larger
    than ``max_size`` bytes (default :data:`MAX_INPUT_SIZE`; ``0`` or a negative number: no
    limit).  The limit is checked before reading and while reading (a file may grow)."""
    limit = size_limit(max_size)
    try:
        with path.open("rb") as handle:
            if limit is not None:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:
                    raise too_large(str(path), size, limit)
                # its size and one byte more, to see that it grew (read(limit + 1) would first
                # allocate the whole limit, whatever the file's size)
                data = handle.read(size + 1)
                if len(data) > size:  # it grew: the rest, up to the limit
                    data += read_limited(handle, limit - len(data))
                if len(data) > limit:
                    raise too_large(str(path), len(data), limit, more=True)
                return data
            return handle.read()
    except OSError as exc:
        raise input_error(str(path), exc) from None


def read_limited(stream: BinaryIO, limit: int | None) -> bytes:
    """All of ``stream``, or no more than its first ``limit + 1`` bytes (enough to see that it
    is longer than ``limit``), read in chunks of 1 MB: ``read(limit + 1)`` would first allocate
    that much for any input, however short."""
    if limit is None:
        return stream.read()
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0 and (chunk := stream.read(min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


#: the largest input (a file, a zip member, standard input, bytes handed to ``parse``) read by
#: default: 50 MB, far above any real report (the largest PDFs are a few MB), low enough that
#: one file cannot exhaust memory (a file takes at most about 15 times its size, see
#: docs/performance.md)
MAX_INPUT_SIZE = 50_000_000


def size_limit(max_size: int | None) -> int | None:
    """The limit in force for ``max_size``: the default for None, none for 0 or less."""
    if max_size is None:
        return MAX_INPUT_SIZE
    return max_size if max_size > 0 else None


def check_size(name: str, size: int, max_size: int | None) -> None:
    """Raise :class:`InputError` when ``size`` bytes are more than ``max_size`` allows."""
    limit = size_limit(max_size)
    if limit is not None and size > limit:
        raise too_large(name, size, limit)


def too_large(name: str, size: int, limit: int, *, more: bool = False) -> InputError:
    """The :class:`InputError` for an input of ``size`` bytes over the ``limit``."""
    amount = f"more than {limit / 1e6:g} MB" if more else f"{size / 1e6:.1f} MB"
    return InputError(
        f"{name}: {amount}, over the limit of {limit / 1e6:g} MB per input "
        "(raise it with --max-size MB, or max_size= in the API)"
    )

"""From bytes to text: encoding detection and decoding.

Supported: UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030 (a superset of GBK and
GB2312, common for Chinese government files).  Decoding is deterministic and strict: the same
bytes always give the same text, line endings are kept as they are, and bytes that are not text
raise :class:`~opengov_report.errors.DecodeError`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import DecodeError, InputError

__all__ = ["decode", "input_error", "read_bytes", "read_source", "refuse_file_name"]

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
)

# C0 controls other than tab, LF, VT, FF, CR; and DEL.  A few are tolerated (scraped text
# sometimes carries one), many mean the input is not text.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Decode a report's bytes to text.

    Tries, in order: a UTF-8 BOM, a UTF-16 BOM, strict UTF-8, strict GB18030.  The BOM is not
    part of the returned text; newlines are kept as they are.

    Raises :class:`DecodeError` for input that is not text: NUL bytes (outside UTF-16), a known
    binary format, bytes valid in no supported encoding, or text made mostly of control
    characters.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"decode() expects bytes, not {type(data).__name__}")
    data = bytes(data)
    if data.startswith(_UTF8_BOM):
        text = _strict(data[len(_UTF8_BOM) :], "utf-8")
    elif data.startswith(_UTF16_BOMS):
        text = _strict(data, "utf-16")
    else:
        for magic, name in _BINARY_MAGIC:
            if data.startswith(magic):
                raise DecodeError(f"the input is {name}, not text")
        if b"\x00" in data:
            raise DecodeError("the input contains NUL bytes: it is binary, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _strict(data, "gb18030")
    _reject_binary_looking(text)
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"the input is not valid {encoding.upper()} (byte {exc.start}: {exc.reason})"
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


def read_bytes(path: Path) -> bytes:
    """A file's bytes; :class:`InputError` (naming the file) when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise input_error(str(path), exc) from None

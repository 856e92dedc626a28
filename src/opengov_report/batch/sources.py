"""What a batch reads: files, folders (recursive, with a glob) and zip archives, as
:class:`Source` descriptors listed lazily and in a deterministic order.

Listing reads no report: a folder is walked name by name (sorted), a zip archive's member names
come from its central directory.  Reading is separate (:func:`read_source_bytes`), so a listing
can be counted, shipped to other processes or machines, and read where it is processed.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path

import attrs

from ..errors import InputError
from ..source import check_size, input_error, read_bytes, size_limit, too_large

__all__ = ["MEMBER_SEPARATOR", "OnSkip", "Source", "iter_sources", "read_source_bytes"]

#: between an archive's path and a member's name in a source's name: ``a.zip!2020/b.txt``
MEMBER_SEPARATOR = "!"

_ZIP_SUFFIX = ".zip"


@attrs.frozen(slots=True)
class Source:
    """One report to read: a file (``path``), a member of a zip archive (``path`` and
    ``member``) or bytes already in hand (``data``, e.g. standard input).

    ``name`` is what results are labelled with: the path as given (or found in a folder),
    ``archive.zip!member.txt`` for a zip member.  ``error`` is set when the input could not even
    be listed (a missing path, a broken archive): processing it gives a failed result.
    """

    name: str
    path: str | None = None
    member: str | None = None
    data: bytes | None = attrs.field(default=None, repr=False)
    error: str | None = None


#: called with ``(name, reason)`` for each input that is listed but not read: a file whose name
#: does not match the glob, a zip archive inside an archive, a folder with no report file, a
#: symbolic link to a folder (not followed)
OnSkip = Callable[[str, str], None]


def _ignore(name: str, reason: str) -> None:
    """The default :data:`OnSkip`: nothing."""


#: the report files a folder or an archive contributes: texts and the published formats
DEFAULT_GLOB = "*.txt,*.text,*.htm,*.html,*.docx,*.pdf"


def matches(name: str, glob: str) -> bool:
    """Whether a file name matches ``glob``: one pattern, or several separated by commas
    (``*.txt,*.html``); case is ignored, as file systems of the reports' publishers do."""
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, p.strip().lower()) for p in glob.split(","))


def _is_zip(path: Path) -> bool:
    return path.suffix.lower() == _ZIP_SUFFIX


def iter_sources(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glob: str = DEFAULT_GLOB,
    on_skip: OnSkip = _ignore,
) -> Iterator[Source]:
    """List the reports named by ``paths``, lazily, in input order.

    A file is one source, whatever its name (a ``.zip`` file is an archive, see below).  A folder
    is walked recursively in sorted order (not into symbolic links to folders); the files whose
    *name* matches ``glob`` (see :func:`matches`) are sources, and ``.zip`` archives found in it
    are expanded too.
    An archive gives one source per member whose name matches ``glob`` (folders inside the
    archive included), in the archive's order.
    A path that does not exist or an archive that cannot be opened gives one source with
    ``error`` set, and the listing goes on.

    Nothing is passed over silently: ``on_skip(name, reason)`` is called for every entry of a
    folder or an archive that is not read (its name does not match ``glob``; a zip archive
    inside an archive; a symbolic link to a folder) and for every folder or archive given in
    ``paths`` that contributes no source at all.
    """
    for given in paths:
        path = Path(given)
        name = os.fspath(given)
        if path.is_dir():
            if not (yield from _counted(_walk(path, glob, on_skip))):
                on_skip(name, f"no file matching {glob} in this folder")
        elif _is_zip(path):
            if not (yield from _counted(_members(path, name, glob, on_skip))):
                on_skip(name, f"no member matching {glob} in this archive")
        elif path.exists():
            yield Source(name=name, path=name)
        else:
            yield Source(name=name, path=name, error=f"{name}: {_missing(path)}")


def _counted(sources: Iterator[Source]) -> Generator[Source, None, int]:
    """Yield the sources; return how many there were."""
    count = 0
    for source in sources:
        count += 1
        yield source
    return count


def _missing(path: Path) -> str:
    """Why a path that does not exist cannot be read: missing, or a link that leads nowhere."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links"
        if path.is_symlink():
            return f"a symbolic link to {os.readlink(path)}, which does not exist"
    return "no such file or folder"


def _walk(folder: Path, glob: str, on_skip: OnSkip) -> Iterator[Source]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Source(name=str(folder), path=str(folder), error=f"{folder}: {exc.strerror or exc}")
        return
    for entry in entries:
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):  # as os.walk: no loops through links
            yield from _walk(path, glob, on_skip)
        elif entry.is_symlink() and entry.is_dir():
            on_skip(str(path), "a symbolic link to a folder (not followed)")
        elif entry.name.lower().endswith(_ZIP_SUFFIX):
            yield from _members(path, str(path), glob, on_skip)
        elif matches(entry.name, glob):
            yield Source(name=str(path), path=str(path))
        else:
            on_skip(str(path), f"not a report file (--glob {glob})")


def _members(archive: Path, name: str, glob: str, on_skip: OnSkip) -> Iterator[Source]:
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield Source(name=name, path=name, error=f"{name}: cannot open the zip archive: {reason}")
        return
    for info in infos:
        if info.is_dir():
            continue
        base = info.filename.rsplit("/", 1)[-1]
        member = f"{name}{MEMBER_SEPARATOR}{info.filename}"
        if base.lower().endswith(_ZIP_SUFFIX):
            on_skip(member, "a zip archive inside an archive is not read")
        elif matches(base, glob):
            yield Source(name=member, path=name, member=info.filename)
        else:
            on_skip(member, f"not a report file (--glob {glob})")


#: a zip member that expands more than this many times over its compressed size, and to more
#: than :data:`_RATIO_FLOOR` bytes, is refused as a zip bomb (text compresses 3 to 10 times)
MAX_COMPRESSION_RATIO = 200
_RATIO_FLOOR = 1_000_000
_CHUNK = 1 << 20


def read_source_bytes(
    source: Source, archive: zipfile.ZipFile | None = None, *, max_size: int | None = None
) -> bytes:
    """The bytes of ``source``.

    ``archive`` may be the source's zip archive already open (a batch keeps the current one
    open while it reads its members); otherwise it is opened for this one member.  Raises
    :class:`~opengov_report.InputError` when the source cannot be read, or is larger than
    ``max_size`` bytes (default :data:`~opengov_report.source.MAX_INPUT_SIZE`, 50 MB; 0: no
    limit).  A zip member is read in chunks and given up as soon as it passes the limit (its
    stated size may lie), and refused before reading when it would expand more than
    :data:`MAX_COMPRESSION_RATIO` times.
    """
    if source.error is not None:
        raise InputError(source.error)
    if source.data is not None:
        check_size(source.name, len(source.data), max_size)
        return source.data
    if source.path is None:
        raise InputError(f"{source.name}: nothing to read")
    try:
        if source.member is None:
            return read_bytes(Path(source.path), max_size=max_size)
        if archive is not None:
            return _read_member(archive, source, max_size)
        with zipfile.ZipFile(source.path) as zf:
            return _read_member(zf, source, max_size)
    except OSError as exc:
        raise input_error(source.name, exc) from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        KeyError,
        EOFError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression
        raise InputError(f"{source.name}: cannot read the archive member: {exc}") from None


def _read_member(archive: zipfile.ZipFile, source: Source, max_size: int | None) -> bytes:
    assert source.member is not None
    info = archive.getinfo(source.member)
    check_size(source.name, info.file_size, max_size)
    if info.file_size > _RATIO_FLOOR and info.file_size > MAX_COMPRESSION_RATIO * max(
        info.compress_size, 1
    ):
        raise InputError(
            f"{source.name}: the archive member would expand {info.file_size / 1e6:.1f} MB "
            f"from {info.compress_size / 1e6:.3f} MB (more than {MAX_COMPRESSION_RATIO} "
            "times): refused as a zip bomb"
        )
    limit = size_limit(max_size)
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if limit is not None and size > limit:
                raise too_large(source.name, size, limit, more=True)
            chunks.append(chunk)
    return b"".join(chunks)

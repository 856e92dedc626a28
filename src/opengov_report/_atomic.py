"""Writing an output file atomically: all of it or nothing, and never a half-written file.

The content is written to a temporary file beside the target (same folder, so the rename is
atomic on one file system) and renamed over the target only when the writer returns ``True``.
When the writer raises (an error, ``KeyboardInterrupt``) or returns ``False`` (nothing worth
writing, e.g. no input could be read), the temporary file is removed and the target is left
exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["replace_atomically", "temporary_beside"]


def temporary_beside(target: Path) -> Path:
    """A new, empty file in ``target``'s folder, hidden and named after it
    (``.NAME.XXXXXXXX.tmp``); raises :class:`OSError` when the folder cannot be written."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    return Path(name)


def replace_atomically(target: str | os.PathLike[str], write: Callable[[Path], bool]) -> bool:
    """Call ``write`` with a temporary path beside ``target``; rename it over ``target`` when
    ``write`` returns ``True``.  Returns whether ``target`` was replaced.

    The temporary file exists (empty) when ``write`` is called; ``write`` may replace it.
    Whatever happens, no temporary file is left behind.  The new file has the permissions a
    newly created file gets (the umask's), not the temporary file's 0600.
    """
    path = Path(target)
    tmp = temporary_beside(path)
    try:
        if not write(tmp):
            return False
        _set_default_mode(tmp)
        os.replace(tmp, path)
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _set_default_mode(path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        path.chmod(0o666 & ~umask)

"""The exception hierarchy: every error the library raises derives from one base class.

Third-party exceptions (``UnicodeDecodeError``, ``lark.LarkError``, ``IndexError`` ...) never
reach a caller: they are caught at the boundary and re-raised as one of these.
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "InputError",
    "MissingExtraError",
    "OpenGovReportError",
    "ParseError",
    "SerializationError",
]


class OpenGovReportError(Exception):
    """Base class of every exception raised by :mod:`opengov_report`."""


class DecodeError(OpenGovReportError):
    """The input bytes are not text in any supported encoding (or contain NUL bytes)."""


class InputError(OpenGovReportError):
    """The input cannot be read: a missing file, a directory, an unsupported type."""


class ParseError(OpenGovReportError):
    """The layout grammar failed on text it should have accepted (a bug: please report it)."""


class SerializationError(OpenGovReportError):
    """Data that cannot be read back as a report (not JSON, a wrong shape, an unknown format
    version) or a report that cannot be written in the asked format."""


class MissingExtraError(OpenGovReportError, ImportError):
    """An optional feature needs a package that is not installed: ``extra`` names the extra
    to install (``pip install 'opengov-report[pdf]'``), ``module`` the missing package."""

    def __init__(self, what: str, extra: str, module: str) -> None:
        super().__init__(
            f"{what} needs the '{extra}' extra ({module} is not installed): "
            f"pip install 'opengov-report[{extra}]'"
        )
        self.extra = extra
        self.module = module

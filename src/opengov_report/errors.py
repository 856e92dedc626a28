"""The exception hierarchy: every error the library raises derives from one base class.

Third-party exceptions (``UnicodeDecodeError``, ``lark.LarkError``, ``IndexError`` ...) never
reach a caller: they are caught at the boundary and re-raised as one of these.
"""

from __future__ import annotations

__all__ = ["DecodeError", "InputError", "MissingExtraError", "OpenGovReportError", "ParseError"]


class OpenGovReportError(Exception):
    """Base class of every exception raised by :mod:`opengov_report`."""


class DecodeError(OpenGovReportError):
    """The input bytes are not text in any supported encoding (or contain NUL bytes)."""


class InputError(OpenGovReportError):
    """The input cannot be read: a missing file, a directory, an unsupported type."""


class ParseError(OpenGovReportError):
    """The layout grammar failed on text it should have accepted (a bug: please report it)."""


class MissingExtraError(OpenGovReportError, ImportError):
    """A feature needs an optional extra that is not installed; the message names the extra
    (``pip install 'opengov-report[dask]'``)."""

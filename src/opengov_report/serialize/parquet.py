"""Tidy rows as Parquet (the ``parquet`` extra: pyarrow, imported only when used).

Column types: ``year`` int16, ``line``/``col`` int32, ``recovered`` bool, ``value``
decimal128(38, 8) (exact: counts and amounts alike; null for blank, 无, dash and unreadable
cells; ``kind`` tells them apart), every other column a string.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from .._atomic import replace_atomically
from ..errors import SerializationError
from ..model.report import AnnualReport
from ._extras import require
from .tidy import COLUMNS, TidyRow, rows_of

__all__ = ["VALUE_PRECISION", "VALUE_SCALE", "tidy_table", "write_parquet"]

#: the decimal type of the ``value`` column: 38 digits, 8 after the point
VALUE_PRECISION = 38
VALUE_SCALE = 8


def _pa() -> Any:
    return require("pyarrow", "parquet", "Parquet export")


def _schema(pa: Any) -> Any:
    types = {
        "year": pa.int16(),
        "value": pa.decimal128(VALUE_PRECISION, VALUE_SCALE),
        "line": pa.int32(),
        "col": pa.int32(),
        "recovered": pa.bool_(),
    }
    return pa.schema([pa.field(name, types.get(name, pa.string())) for name in COLUMNS])


def tidy_table(reports: Iterable[AnnualReport | Iterable[TidyRow]]) -> Any:
    """The tidy rows of ``reports`` (reports or rows) as a ``pyarrow.Table``.

    Raises :class:`~opengov_report.SerializationError` for a number that does not fit the
    ``value`` column exactly (never rounds).
    """
    pa = _pa()
    columns: list[list[Any]] = [[] for _ in COLUMNS]
    value_index = COLUMNS.index("value")
    for row in rows_of(reports):
        for i, v in enumerate(row.as_tuple()):
            columns[i].append(Decimal(v) if i == value_index and v is not None else v)
    schema = _schema(pa)
    try:
        arrays = [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)]
    except (pa.ArrowInvalid, OverflowError) as exc:
        raise SerializationError(
            f"a value does not fit decimal({VALUE_PRECISION}, {VALUE_SCALE}) exactly: {exc}"
        ) from None
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(
    reports: Iterable[AnnualReport | Iterable[TidyRow]],
    out: str | os.PathLike[str] | BinaryIO,
) -> int:
    """Write the tidy rows of ``reports`` to a Parquet file (a path or a binary file);
    returns the number of rows.

    A path is replaced atomically: the file is written beside it under a temporary name and
    renamed when complete, so an error or an interrupt leaves the previous file as it was."""
    table = tidy_table(reports)
    pq = require("pyarrow.parquet", "parquet", "Parquet export")
    if isinstance(out, (str, os.PathLike)):

        def write(tmp: Path) -> bool:
            pq.write_table(table, str(tmp))
            return True

        replace_atomically(out, write)
    else:
        pq.write_table(table, out)
    return int(table.num_rows)

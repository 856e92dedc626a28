"""Serialization and export: report JSON and its schema, tidy rows (CSV, JSON lines), Parquet
and a DuckDB corpus database (the last two behind the ``parquet`` and ``duckdb`` extras)."""

from __future__ import annotations

from ._converter import (
    FORMAT_VERSION,
    converter,
    findings_from_json,
    findings_to_json,
    from_data,
    from_json,
    to_data,
    to_json,
)
from .schema import json_schema
from .tidy import TidyRow, tidy_rows, write_csv, write_jsonl

__all__ = [
    "FORMAT_VERSION",
    "TidyRow",
    "converter",
    "findings_from_json",
    "findings_to_json",
    "from_data",
    "from_json",
    "json_schema",
    "tidy_rows",
    "to_data",
    "to_json",
    "write_csv",
    "write_jsonl",
]

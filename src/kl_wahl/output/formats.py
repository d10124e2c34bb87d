"""Rows first, formats second: one dataset type and one pure renderer per machine format.

Every listing command and every export builds a `Dataset` once; JSON, CSV and TSV come from the
functions here, so the formats cannot drift apart. Cells hold JSON-native values (str, int, float,
bool, None, or a list of str).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Literal

from ..base.record import Record

Cell = str | int | float | bool | None | list[str]
Kind = Literal["text", "int", "percent", "bool", "list", "date"]
Dialect = Literal["unix", "rfc4180", "excel-de", "tsv"]
"""unix: ',' and LF (pipelines); rfc4180: ',' and CRLF; excel-de: ';', CRLF, UTF-8 BOM, decimal
comma, German headers, booleans as 1/0; tsv: tabs and LF, no quoting"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


class Column(Record):
    key: str
    """snake_case name used as JSON key and CSV header; documented in docs/output-formats.md"""
    header: str
    """message key of the human table header, or the header itself where it is data (a name)"""
    kind: Kind = "text"
    human: bool = True
    """shown in the human table (machine formats always carry every column)"""
    machine: bool = True
    """carried by JSON/CSV/TSV (False for human-only helper columns)"""
    detail: str | None = None
    """key of another column shown dimmed under this one in wide tables (saves a column)"""
    short: str | None = None
    """message key of a shorter header for wide tables (records keep the full header)"""
    localized: bool = False
    """a text in the user's language: exports carry it in both (`key_en`, `key_de`)"""
    volatile: bool = False
    """depends on "now" (relative time, past/upcoming): listings show it, exports leave it out"""


class Dataset(Record):
    name: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Cell], ...]

    @property
    def machine_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.machine)

    def records(self) -> list[dict[str, Cell]]:
        return [{c.key: row.get(c.key) for c in self.machine_columns} for row in self.rows]


def to_json(
    data: Dataset | Sequence[dict[str, Cell]] | dict[str, object], ascii_only: bool = False
) -> str:
    payload = data.records() if isinstance(data, Dataset) else data
    import json

    return json.dumps(payload, ensure_ascii=ascii_only, indent=2) + "\n"


def neutralize(text: str) -> str:
    """OWASP CSV injection defence: a text cell that a spreadsheet would run gets a leading '."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_cell(value: Cell, dialect: Dialect, safe: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        if dialect == "excel-de":  # arrives as a number in German spreadsheets
            return "1" if value else "0"
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = repr(value) if isinstance(value, float) else str(value)
        return text.replace(".", ",") if dialect == "excel-de" else text
    text = "; ".join(value) if isinstance(value, list) else value
    if dialect == "tsv":  # TSV has no quoting: tabs and line breaks become spaces
        text = " ".join(text.replace("\t", " ").splitlines())
    return neutralize(text) if safe else text


def to_csv(data: Dataset, dialect: Dialect = "unix", safe: bool = True) -> str:
    """CSV text in `dialect` (see `Dialect`); the excel-de BOM is added by `encode_csv`."""
    buffer = io.StringIO()
    if dialect == "tsv":
        for line in _table(data, dialect, safe):
            buffer.write("\t".join(line) + "\n")
        return buffer.getvalue()
    import csv

    writer = csv.writer(
        buffer,
        delimiter=";" if dialect == "excel-de" else ",",
        lineterminator="\n" if dialect == "unix" else "\r\n",
        quoting=csv.QUOTE_MINIMAL,
    )
    writer.writerows(_table(data, dialect, safe))
    return buffer.getvalue()


def _table(data: Dataset, dialect: Dialect, safe: bool) -> list[list[str]]:
    columns = data.machine_columns
    header = german_headers(columns) if dialect == "excel-de" else [c.key for c in columns]
    body = [[_csv_cell(row.get(c.key), dialect, safe) for c in columns] for row in data.rows]
    return [header, *body]


def encode_csv(text: str, dialect: Dialect) -> bytes:
    """Bytes for a file: UTF-8, with a BOM for excel-de so that Excel detects the encoding."""
    prefix = "\ufeff" if dialect == "excel-de" else ""
    return (prefix + text).encode("utf-8")


def german_headers(columns: Sequence[Column]) -> list[str]:
    """Column names for German spreadsheets: the table's German headers, with the language of
    a bilingual text column, unique (a repeated name gets its key)."""
    from ..i18n.catalog import MESSAGES, t

    names = []
    for c in columns:
        suffix = c.key.rpartition("_")[2]
        label = t("de", c.header) if c.header in MESSAGES else c.header
        if suffix in ("en", "de") and c.localized:
            label = f"{label} ({suffix})"
        names.append(label)
    return [
        name if names.count(name) == 1 else f"{name} ({c.key})"
        for name, c in zip(names, columns, strict=True)
    ]


def bilingual(en: Dataset, de: Dataset) -> Dataset:
    """One dataset that is the same in any language and on any day: every localized column twice
    (`key_en`, `key_de`), volatile columns left out. `en` and `de` are the same rows built in
    each language."""
    columns: list[Column] = []
    for c in en.machine_columns:
        if c.volatile:
            continue
        if c.localized:
            columns += [c._replace(key=f"{c.key}_en"), c._replace(key=f"{c.key}_de")]
        else:
            columns.append(c)
    rows = []
    for row_en, row_de in zip(en.rows, de.rows, strict=True):
        row = {c.key: row_en.get(c.key) for c in en.machine_columns if not c.localized}
        for c in en.machine_columns:
            if c.localized:
                row[f"{c.key}_en"] = row_en.get(c.key)
                row[f"{c.key}_de"] = row_de.get(c.key)
        rows.append(row)
    return Dataset(en.name, tuple(columns), tuple(rows))

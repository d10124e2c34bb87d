"""Reader for the result files of AKDB's 2026 portal (Bavaria, `wahlen.osrz-akdb.de`): pure.

`…Gesamtergebnis.csv` has named columns (`Gemeinde;Gemeindename;Gebietsnummer;Gebietsart;…;
Wahlberechtigte gesamt (A);…;Waehler gesamt (B);…;Stimmen ungueltige (C);Stimmen gueltige (D);
D1;D2;D4;…`), a trailing `;`, one `GEMEINDE` row for the whole municipality and a row per
`STIMMBEZIRK` (polling station) or `BRIEFWAHLBEZIRK` (postal). The file has no date and no title
(both are in the presentation's address); the GEMEINDE row becomes the snapshot's `total`, which
the importer checks the district sums against, as `import --total` does. `…Stimmen.csv` beside it
names each column's group (`Gruppenschlüssel`): `groups` reads that. Same shape as `opendata`:
text in, snapshot out, `FormatError` for anything else.
"""

from __future__ import annotations

import csv
import re

from ..base.textrules import clean_text
from ..core.problems import Msg
from .model import District, Snapshot
from .opendata import MAX_DISTRICTS, FormatError, checked_header, checks, where_of, whole_number

SIGNATURE = ("Gemeinde", "Gemeindename", "Gebietsnummer", "Gebietsart")
COLUMNS = {
    "eligible": "Wahlberechtigte gesamt (A)",
    "voters": "Waehler gesamt (B)",
    "invalid": "Stimmen ungueltige (C)",
    "valid": "Stimmen gueltige (D)",
}
KINDS = {"STIMMBEZIRK": "polling", "BRIEFWAHLBEZIRK": "postal"}
_VOTE = re.compile(r"^D(\d+)$")


def detect(text: str) -> bool:
    """Whether `text` is an AKDB Gesamtergebnis file (by its first columns)."""
    first = text.removeprefix("\ufeff").split("\n", 1)[0]
    return tuple(c.strip() for c in first.split(";")[:4]) == SIGNATURE


def _rows(text: str) -> list[list[str]]:
    lines = [clean_text(line) for line in text.removeprefix("\ufeff").splitlines()]
    if len(lines) > MAX_DISTRICTS + 2:
        raise FormatError("csv_rows", n=f"{MAX_DISTRICTS:,}")
    try:
        rows = list(csv.reader(lines, delimiter=";"))
    except csv.Error as exc:
        raise FormatError("csv_unreadable", detail=str(exc)) from None
    return [row[:-1] if row and row[-1] == "" else row for row in rows]  # the trailing ';'


def read(text: str, day: str = "", title: str = "") -> Snapshot:
    """The snapshot of a Gesamtergebnis file; `day` (ISO) and `title` come from the caller (the
    presentation's address), since the file has neither."""
    rows = _rows(text)
    if not rows:
        raise FormatError("csv_empty")
    header = checked_header(rows[0])
    missing = [c for c in (*SIGNATURE, "Gebietsname", *COLUMNS.values()) if c not in header]
    positions = [int(m[1]) for h in header if (m := _VOTE.match(h))]
    if missing or not positions:
        need = missing + ([] if positions else ["D1…Dn"])
        raise FormatError("akdb_missing", columns=", ".join(need))
    col = {name: i for i, name in enumerate(header)}
    districts: list[District] = []
    warnings: list[Msg] = []
    total: District | None = None
    ags = ""
    seen: set[str] = set()
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise FormatError("akdb_fields", line=line_no, n=len(row), header=len(header))
        cell = {name: row[i].strip() for name, i in col.items()}
        kind = cell["Gebietsart"]
        row_ags = cell["Gemeinde"]
        if ags and row_ags != ags:
            raise FormatError("akdb_several", line=line_no, ags=ags, other=row_ags)
        ags = row_ags
        number = cell.get("Bezirksnummer") or cell["Gebietsnummer"]
        where = where_of(number, cell["Gebietsname"])

        def num(name: str, where: Msg = where, cell: dict[str, str] = cell) -> int | None:
            return whole_number(cell.get(name, ""), where, name)

        figures = {key: num(column) for key, column in COLUMNS.items()}
        outstanding = cell.get("Ausbleibend", "N").upper() == "J"
        district = District(
            number=number,
            name=cell["Gebietsname"],
            kind="postal" if KINDS.get(kind) == "postal" else "polling",
            expected=1,
            received=0 if outstanding else 1,
            eligible=figures["eligible"],
            voters=figures["voters"],
            invalid=figures["invalid"],
            valid=None if outstanding else figures["valid"],
            votes=()
            if outstanding
            else tuple((p, v) for p in positions if (v := num(f"D{p}")) is not None),
        )
        if kind == "GEMEINDE":
            total = district
            continue
        if kind not in KINDS:
            raise FormatError("akdb_kind", line=line_no, kind=kind)
        if number in seen:
            raise FormatError("csv_twice", where=where)
        seen.add(number)
        warnings.extend(checks(district, where))
        districts.append(district)
    return Snapshot(
        day,
        title,
        ags,
        tuple(positions),
        tuple(districts),
        tuple(warnings),
        None,
        total,
        file_format="AKDB 2026 portal",
    )


def groups(text: str) -> list[str]:
    """The group (Gruppenschlüssel) of each vote column, in column order, from `…Stimmen.csv`:
    the first data row's `Gruppenschlüssel;Stimmen` pairs."""
    rows = _rows(text)
    if len(rows) < 2:
        return []
    header, first = rows[0], rows[1]
    return [
        clean_text(first[i]).strip()
        for i, h in enumerate(header)
        if h.strip() == "Gruppenschlüssel" and i < len(first)
    ]

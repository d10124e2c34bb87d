"""Reader for the votemanager / OK.VOTE "Open Data" CSV (one row per district): pure, no I/O.

Columns are found by header name, never by position (installations order them differently).
Empty means "not reported yet", never zero. Names of candidates are not in the file: `D3` is
ballot position 3, mapped to a candidate by the caller. What the file cannot be (a two-vote
Bundestag file, a referendum, a council-list file, an HTML error page, not this format at all) is
refused with one sentence; failed plausibility checks come back as warnings that name the
district and the column. See docs/results-import.md.
"""

from __future__ import annotations

import csv
import re

from ..base.textrules import clean_text
from ..core.problems import Msg, msg
from .model import District, Kind, Snapshot

MAX_BYTES = 5_000_000
"""a district file of the largest German city is about 100 kB; anything far larger is not one"""
MAX_COLUMNS = 500
"""a file with every party of a council election has about 100; far more is not a district file"""
MAX_DISTRICTS = 20_000
"""Berlin has about 2,300 polling-station districts"""
MAX_DIGITS = 9
"""no district has a billion voters; longer numbers are damage (and int() of thousands of digits
is slow)"""
REQUIRED = ("datum", "wahl", "gebiet-nr", "gebiet-name", "max-schnellmeldungen")
_VOTE = re.compile(r"^D(\d+)$")
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")


class FormatError(Exception):
    """The text is not a district file this reader can take: a catalog message says why."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.msg = msg(key, **values)
        super().__init__(str(self.msg))


def where_of(number: str, name: str) -> Msg:
    """'district 111 (0111 Rathaus)', or by name where the file gives no number."""
    return (
        msg("where_numbered", number=number, name=name) if number else msg("where_named", name=name)
    )


def read(text: str) -> Snapshot:
    """Parse and check a whole file; raises FormatError, never anything else, for bad input."""
    if len(text) > MAX_BYTES:
        raise FormatError("csv_too_big", n=MAX_BYTES // 1_000_000)
    text = text.removeprefix("\ufeff")
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype", "<html", "<?xml", "<")):
        raise FormatError("csv_html")
    # control characters never reach a terminal, a file or a message (the TOML reader's rule)
    lines = [clean_text(line) for line in text.splitlines()]
    if not lines or not lines[0].strip():
        raise FormatError("csv_empty")
    if len(lines) > MAX_DISTRICTS + 2:
        raise FormatError("csv_rows", n=f"{MAX_DISTRICTS:,}")
    delimiter = _delimiter(lines[0])
    try:
        rows = list(csv.reader(lines, delimiter=delimiter))
    except csv.Error as exc:  # a field over the csv module's limit, a NUL byte …
        raise FormatError("csv_unreadable", detail=str(exc)) from None
    header = checked_header(rows[0])
    _refuse_other_kinds(header)
    missing = [c for c in REQUIRED if c not in header]
    positions = [int(m[1]) for h in header if (m := _VOTE.match(h))]
    if not missing and "D" in header and not positions:
        raise FormatError("csv_precount")
    if missing or "D" not in header or not positions:
        need = missing + (["D"] if "D" not in header else []) + ([] if positions else ["D1…Dn"])
        raise FormatError("csv_missing", columns=", ".join(need))
    col = {name: i for i, name in enumerate(header)}
    districts: list[District] = []
    warnings: list[Msg] = []
    register: int | None = None
    seen: set[str] = set()
    day = title = ags = ""
    row_keys: list[str] = []
    """each district's own AGS: a Landkreis presentation's finest level is one row per
    municipality, each with its own AGS and no gebiet-nr (the AGS is then the number)"""
    by_municipality = False
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise FormatError("csv_fields", line=line_no, n=len(row), header=len(header))
        cell = {name: row[i].strip() for name, i in col.items()}
        if cell["gebiet-name"].lower() == "stimmberechtigte":  # OK.VOTE: only A, for the area
            a = cell.get("A", "")
            register = int(a) if a.isascii() and a.isdigit() and len(a) <= MAX_DIGITS else None
            continue
        day = day or _iso_date(cell["datum"], line_no)
        title = title or cell["wahl"]
        row_ags = cell.get("ags", "").zfill(8) if cell.get("ags") else ""
        if not ags:
            ags = row_ags  # zfill: a spreadsheet drops the leading zero of 06414000
        elif row_ags and row_ags != ags:
            if cell["gebiet-nr"] or any(d.number for d in districts):
                raise FormatError("csv_mixed_ags", line=line_no, ags=ags, other=row_ags)
            by_municipality = True
        if by_municipality and cell["gebiet-nr"]:
            raise FormatError("csv_number_in_ags_file", line=line_no)
        row_keys.append(row_ags)
        number = cell["gebiet-nr"]
        where = where_of(number, cell["gebiet-name"])
        key = number or cell["gebiet-name"]  # some files leave gebiet-nr empty: the name decides
        if key in seen:
            raise FormatError("csv_twice", where=where)
        seen.add(key)

        def num(name: str, where: Msg = where, cell: dict[str, str] = cell) -> int | None:
            return whole_number(cell.get(name, ""), where, name)

        votes = tuple((p, v) for p in positions if (v := num(f"D{p}")) is not None)
        eligible, voters = num("A"), num("B")
        expected, received = num("max-schnellmeldungen") or 0, num("anz-schnellmeldungen") or 0
        district = District(
            number=number,
            name=cell["gebiet-name"],
            kind=_kind(cell["gebiet-name"], eligible, voters),
            expected=expected,
            received=received,
            eligible=eligible,
            voters=voters,
            invalid=num("C"),
            valid=num("D"),
            votes=votes,
        )
        warnings.extend(checks(district, where))
        districts.append(district)
    if by_municipality:  # the AGS names the municipality: it is the number a later file keeps
        if len(set(row_keys)) != len(row_keys):
            raise FormatError("csv_ags_twice")
        districts = [d._replace(number=key) for d, key in zip(districts, row_keys, strict=True)]
        ags = ""
    aggregates = [d for d in districts if d.expected > 1]
    if aggregates and not by_municipality:  # by municipality is that level's own form
        most = max(d.expected for d in aggregates)
        warnings.append(msg("csv_aggregates", n=len(aggregates), of=len(districts), most=most))
    return Snapshot(day, title, ags, tuple(positions), tuple(districts), tuple(warnings), register)


def _delimiter(header: str) -> str:
    if ";" in header:
        return ";"
    if "," in header and "gebiet-nr" in header:
        return ","  # saved again by a spreadsheet: unambiguous when the header names match
    raise FormatError("csv_no_header")


def _refuse_other_kinds(header: list[str]) -> None:
    if "E1" in header and "E2" in header and not any(_VOTE.match(h) for h in header):
        raise FormatError("csv_yes_no")
    if "E" in header or "F" in header or any(re.match(r"^F\d+$", h) for h in header):
        raise FormatError("csv_two_votes")
    if any(re.match(r"^C\d\d$", h) for h in header):
        raise FormatError("csv_referendum")
    if any(re.match(r"^D\d+_", h) for h in header):
        raise FormatError("csv_council")


def _iso_date(text: str, line_no: int) -> str:
    match = _DATE.match(text)
    if not match:
        raise FormatError("csv_date_form", line=line_no, text=text)
    day, month, year = int(match[1]), int(match[2]), match[3]
    full = int(year) if len(year) == 4 else 2000 + int(year)  # '23' from a spreadsheet
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise FormatError("csv_date", line=line_no, text=text)
    return f"{full:04d}-{month:02d}-{day:02d}"


def _kind(name: str, eligible: int | None, voters: int | None) -> Kind:
    """Postal-vote districts are named so, or have no eligible voters of their own."""
    if "brief" in name.lower():
        return "postal"
    if eligible == 0 and voters:
        return "postal"
    return "polling"


def checked_header(row: list[str]) -> list[str]:
    """The header's column names, refused when there are too many or one appears twice (the
    same votes would count twice)."""
    header = [h.strip() for h in row]
    if len(header) > MAX_COLUMNS:
        raise FormatError("csv_columns", n=f"{len(header):,}", most=MAX_COLUMNS)
    doubled = sorted({h for h in header if h and header.count(h) > 1})
    if doubled:
        raise FormatError("csv_doubled", columns=", ".join(doubled))
    return header


def whole_number(value: str, where: Msg, column: str) -> int | None:
    """A cell as a count: None when empty (not reported yet, never 0), else ASCII digits only
    and at most `MAX_DIGITS` of them; anything else is a FormatError naming district and column."""
    if value == "":
        return None
    if not (value.isascii() and value.isdigit()):
        raise FormatError("csv_not_number", where=where, column=column, value=value)
    if len(value) > MAX_DIGITS:
        raise FormatError("csv_digits", where=where, column=column, n=len(value))
    return int(value)


def checks(d: District, where: Msg) -> list[Msg]:
    """The plausibility checks of one district (shared by every reader), as warnings."""
    out = []
    if d.received > d.expected:
        out.append(msg("check_reports", where=where, received=d.received, expected=d.expected))
    if d.voters is not None and d.invalid is not None and d.valid is not None:
        cast = d.invalid + d.valid
        if cast != d.voters:
            out.append(msg("check_cast", where=where, cast=cast, voters=d.voters))
    if d.valid is not None and d.votes and sum(v for _, v in d.votes) != d.valid:
        total = sum(v for _, v in d.votes)
        out.append(msg("check_votes", where=where, total=total, valid=d.valid))
    if d.kind == "polling" and d.eligible and d.voters is not None and d.voters > d.eligible:
        out.append(msg("check_voters", where=where, voters=d.voters, eligible=d.eligible))
    return out

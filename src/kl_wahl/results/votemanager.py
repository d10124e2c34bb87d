"""votemanager presentations: from the address in the browser to the district file and the names.

On election night a journalist has the address of the municipality's result presentation, not
the address of a CSV file, and not the candidates' ballot positions. A presentation lives under
`<root>/<folder>/<AGS>/` (the folder is usually the date) in one of two schema versions:

- v26 (2023 on): `daten/api/termin.json`; `daten/opendata/open_data.json` with the CSVs beside it
- v22 (until 2022): `api/praesentation/{termin,open_data}.json`; the CSVs under `praesentation/`

`open_data.json` lists one CSV per election and level (`csvs[]`) and says per election which
columns it has (`dateifelder[]`: a person election has `D1`, a council election `D1_1`…) and
which list each `Dn` belongs to (`parteien[]`, the list, not the person). The names come from
the presentation's own result data: `termin.json` gives each election's id and whole area,
`wahl_<id>/ergebnis_<area>_0.json` its rows in ballot order, "Name, Party" and a colour.

Pure: the caller passes `get` (address → bytes, None for "not there"), so every request is the
caller's, and every address is checked to stay on the host the user gave. See
docs/results-import.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from ..base.exitcodes import USAGE
from ..base.record import Record
from ..base.translit import TRANSLIT
from ..core.problems import UserError

Get = Callable[[str], "bytes | None"]

_AGS = re.compile(r"^\d{8,9}$")
LAYOUTS = (  # (schema, api folder, open_data.json, folder the CSV addresses are relative to)
    ("v26", "daten/api/", "daten/opendata/open_data.json", "daten/opendata/"),
    ("v22", "api/praesentation/", "api/praesentation/open_data.json", "praesentation/"),
)
DISTRICT_LEVELS = ("wahlbezirk", "stimmbezirk", "gemeinden", "ortsteil", "ortschaft", "bereich")
"""the finest level first: polling-station districts; a Landkreis presentation's finest level
is its municipalities; Ortsteil files may leave the postal districts out, so they come later"""
TOTAL_LEVELS = ("stadt", "gemeinde", "kreis", "landkreis", "samtgemeinde", "region")
"""a level named only by the authority's kind is its one total row (v26: "Stadt")"""


class Entry(Record):
    """One election of the presentation's date, with the files it offers."""

    name: str
    """`csvs[].wahl`, e.g. 'Bürgermeisterwahl', 'Landratsstichwahl'"""
    title: str
    """the presentation's title ('Stichwahl des Landrats - Landkreis Hildesheim'), else name"""
    districts: str
    """address of the finest level's CSV"""
    level: str
    total: str | None
    """address of the one-row total CSV, where there is one"""
    person: bool | None
    """a vote between persons (D1…, E1), a list vote (D1_1…), or None when unsaid"""
    parties: tuple[tuple[int, str], ...]
    """(ballot position, list) from `parteien[]`"""
    wahl_id: int | None = None
    area: str | None = None
    """the whole area's link id (`ebene_1_id_10`): where the names and colours are"""

    @property
    def runoff(self) -> bool:
        return "stichwahl" in f"{self.name} {self.title}".casefold()


class Row(Record):
    """A candidate as the presentation shows it, in ballot order."""

    name: str
    party: str | None
    """the short label ('SPD'), else the long one"""
    long_party: str | None
    color: str | None


class Found(Record):
    presentation: str
    """the presentation's root address"""
    schema: str
    entry: Entry
    result: str | None
    """address of the election's result data (names, colours), where termin.json links it"""
    rows: tuple[Row, ...]
    """() before the presentation has any (pre-count) or where its result file is missing"""


def with_rows(found: Found, get: Get) -> Found:
    """`found` with the rows its result data has now (watch asks again until there are some:
    before the count a presentation may show no candidates yet)."""
    raw = get(found.result) if found.result else None
    return found._replace(rows=rows(_optional_json(raw))) if raw else found


def _optional_json(raw: bytes | None) -> object:
    """JSON that only adds names or titles: unreadable, it adds nothing (the district file and
    its checks decide the import, not a damaged page of the presentation)."""
    try:
        return json.loads(raw.decode("utf-8-sig")) if raw else None
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def layouts(address: str) -> tuple[str, list[tuple[str, str, str, str]]] | None:
    """(root, layouts to try, the likelier first) for an address under `…/<folder>/<AGS>/`; None
    for anything else (a CSV file's address is imported as it is)."""
    parts = urlsplit(address)
    path = parts.path
    if path.casefold().endswith(".csv"):
        return None
    segments = path.split("/")
    at = [i for i, seg in enumerate(segments) if _AGS.match(seg) and i >= 2]
    if not at:
        return None
    i = at[-1]
    root = f"{parts.scheme}://{parts.netloc}{'/'.join(segments[: i + 1])}/"
    rest = "/".join(segments[i + 1 :])
    old_first = "praesentation" in rest and not rest.startswith("daten/")
    order = list(reversed(LAYOUTS)) if old_first else list(LAYOUTS)
    return root, order


def _json(raw: bytes, address: str) -> object:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise UserError("vm_bad_json", source=address) from None


def _dicts(value: object) -> list[dict[str, object]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _str(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _fold(text: str) -> str:
    """'Stichwahl des Landrats' and 'Stichwahl-des-Landrats' compare equal (file names drop
    umlauts and spaces)."""
    folded = "".join(TRANSLIT.get(c, c) for c in text.casefold())
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def entries(open_data: object, csv_base: str, termin: object | None) -> list[Entry]:
    """The elections of `open_data.json` with their finest and total files, titled and linked
    by `termin.json` where it names them."""
    if not isinstance(open_data, dict):
        return []
    fields = {_str(d.get("name")): d for d in _dicts(open_data.get("dateifelder"))}
    items = _dicts(termin.get("wahleintraege")) if isinstance(termin, dict) else []
    files: dict[str, list[tuple[str, str]]] = {}
    for item in _dicts(open_data.get("csvs")):
        name, level, url = _str(item.get("wahl")), _str(item.get("ebene")), _str(item.get("url"))
        if name and url:
            files.setdefault(name, []).append((level, urljoin(csv_base, url)))
    out = []
    for name, levels in files.items():
        finest = _finest(levels)
        if finest is None:
            continue
        total = next((u for lv, u in levels if _is_total(lv)), None)
        stem = _fold(urlsplit(finest[1]).path.rsplit("/", 1)[-1])
        linked = _link(items, name, stem)
        title = linked[0] if linked else name
        described = fields.get(name) or fields.get(title.split(" - ")[0].strip())
        out.append(
            Entry(
                name=name,
                title=title,
                districts=finest[1],
                level=finest[0],
                total=total,
                person=_person(described),
                parties=_parties(described),
                wahl_id=linked[1] if linked else None,
                area=linked[2] if linked else None,
            )
        )
    return out


def _on_host(address: str, stay_on: str) -> str:
    given, target = urlsplit(stay_on), urlsplit(address)
    if (target.scheme, target.netloc) != (given.scheme, given.netloc):
        raise UserError("vm_off_host", source=stay_on, address=address)
    return address


def _finest(levels: list[tuple[str, str]]) -> tuple[str, str] | None:
    for word in DISTRICT_LEVELS:
        for level, url in levels:
            folded = level.casefold()
            if word in folded and "brief" not in folded and not _is_total(level):
                return level, url
    return None


def _is_total(level: str) -> bool:
    folded = level.casefold()
    return "ergebnis" in folded or folded in TOTAL_LEVELS


def _link(items: list[dict[str, object]], name: str, stem: str) -> tuple[str, int, str] | None:
    """(title, election id, area link) of the termin entry for `name`: the title before " - "
    is the name, or, where the two differ ('Landratsstichwahl' / 'Stichwahl des Landrats'), the
    CSV's file name carries the title."""
    found = []
    for item in items:
        wahl, area = item.get("wahl"), item.get("gebiet_link")
        if not isinstance(wahl, dict) or not isinstance(area, dict):
            continue
        title, number, link = _str(wahl.get("titel")), wahl.get("id"), _str(area.get("id"))
        if not title or not isinstance(number, int) or not link:
            continue
        head = title.split(" - ")[0].strip()
        if head == name or (_fold(head) and f"-{_fold(head)}-" in f"-{stem}-"):
            found.append((title, number, link))
    return found[0] if len(found) == 1 else None


def _person(described: dict[str, object] | None) -> bool | None:
    if described is None:
        return None
    names = {_str(f.get("feld")) for f in _dicts(described.get("felder"))}
    if any(re.match(r"^D\d+_", n) for n in names):
        return False
    return True if {"D1", "E1"} & names else None


def _parties(described: dict[str, object] | None) -> tuple[tuple[int, str], ...]:
    if described is None:
        return ()
    out = []
    for item in _dicts(described.get("parteien")):
        column, name = _str(item.get("feld")), _str(item.get("wert"))
        if (m := re.match(r"^D(\d+)$", column)) and name:
            out.append((int(m[1]), name))
    return tuple(out)


def choose(found: list[Entry], pick: str | None, runoff: bool | None, shown: str) -> Entry:
    """The one person election to import: council and other list votes are left out, --pick
    TEXT keeps the elections whose name contains it, and a round that must be a runoff (or
    must not) keeps those. Several left: a usage error that lists them."""
    everyone = [e for e in found if e.person is not False]
    people = everyone
    if pick:
        people = [e for e in people if pick.casefold() in f"{e.name} {e.title}".casefold()]
    if runoff is not None and len(people) > 1:
        people = [e for e in people if e.runoff == runoff] or people
    if len(people) == 1:
        return people[0]
    listed = "; ".join(e.title for e in (people or everyone)) or "–"
    key = "vm_choose" if people else "vm_no_match" if pick else "vm_none"
    raise UserError(key, source=shown, elections=listed, pick=pick or "", exit_code=USAGE)


def rows(result: object) -> tuple[Row, ...]:
    """The candidates of an `ergebnis_…json` in ballot order; () before there are any."""
    if not isinstance(result, dict):
        return ()
    component = result.get("Komponente")
    table = component.get("tabelle") if isinstance(component, dict) else None
    out = []
    for line in _dicts(table.get("zeilen") if isinstance(table, dict) else None):
        label = line.get("label")
        if not isinstance(label, dict):
            continue
        long, short = _str(label.get("labelLang")), _str(label.get("labelKurz"))
        name, _, long_party = long.partition(", ")
        short_party = short.partition(", ")[2]
        color = _str(line.get("color"))
        if name:
            out.append(
                Row(
                    name=name,
                    party=short_party or long_party or None,
                    long_party=long_party or None,
                    color=color if re.match(r"^#[0-9a-fA-F]{6}$", color) else None,
                )
            )
    return tuple(out)


def named(found: Found, positions: tuple[int, ...]) -> dict[int, Row]:
    """Ballot position → the presentation's row. In order where the file has as many columns
    as the presentation rows and every list agrees with `parteien[]`; otherwise by list, only
    where exactly one row has it; positions matched neither way stay unnamed."""
    lists = dict(found.entry.parties)
    candidates = found.rows
    if len(candidates) == len(positions):
        pairs = dict(zip(positions, candidates, strict=True))
        if all(p not in lists or row.long_party in (None, lists[p]) for p, row in pairs.items()):
            return pairs
    out = {}
    for p in positions:
        hits = [row for row in candidates if p in lists and row.long_party == lists[p]]
        if len(hits) == 1:
            out[p] = hits[0]
    return out


def resolve(address: str, pick: str | None, runoff: bool | None, get: Get) -> Found:
    """The election to import from a presentation's address; UserError saying why not."""
    placed = layouts(address)
    if placed is None:
        raise UserError("vm_not_presentation", source=address)
    root, order = placed
    for schema, api, open_data_path, csv_folder in order:
        raw = get(root + open_data_path)
        if raw is None:
            continue
        open_data = _json(raw, root + open_data_path)
        termin_raw = get(root + api + "termin.json")
        termin = _optional_json(termin_raw)
        entry = choose(entries(open_data, root + csv_folder, termin), pick, runoff, root)
        for file in (entry.districts, entry.total):  # only the host the user gave is asked
            if file is not None:
                _on_host(file, address)
        result = None
        if entry.wahl_id is not None and entry.area:
            result = f"{root}{api}wahl_{entry.wahl_id}/ergebnis_{entry.area}_0.json"
        found = Found(presentation=root, schema=schema, entry=entry, result=result, rows=())
        return with_rows(found, get)
    raise UserError("vm_no_open_data", source=root)

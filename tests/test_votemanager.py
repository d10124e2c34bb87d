"""From a votemanager presentation's address to a watched election (issue: discovery).

The installation copies are real (levino/wahlergebnisse, see fixtures/README.md): Landkreis
Hildesheim 2021 (schema v22, Landrat election and runoff, by municipality) and Bad Salzdetfurth
2026 (schema v26, before the count), served as the real servers serve them: files only, no
directory listings, on 127.0.0.1.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kl_wahl.results import votemanager

from .conftest import FIXTURES, Tree, run, run_installed

VM = FIXTURES / "votemanager"
HILDESHEIM = "20210912/03254000/"
SALZDETFURTH = "20260913/03254005/"
FIRST = "praesentation/Open-Data-03254000-Landratswahl-Gemeinde.csv"
RUNOFF = "praesentation/Open-Data-03254000-Stichwahl-des-Landrats-Gemeinde.csv"
NAMES = ["Bernd Lynack", "Evelin Wißmann", "Ekkehard Domning", "Thomas Seidler", "Stefan Henke"]

ServeTree = Callable[[Path], Tree]


def _rows(election: str, number: int) -> list[dict[str, object]]:
    """The round's rows of `results --format json` (one per candidate)."""
    data = json.loads(run("-e", election, "results", "--format", "json").out)
    return [row for row in data if row["round"] == number]


def test_the_presentation_address_gives_names_parties_colours_and_exact_totals(
    serve_tree: ServeTree, isolated: Path
) -> None:
    tree = serve_tree(VM)
    result = run("import", tree.url + HILDESHEIM, "-e", "lr-hi")
    assert result.code == 0, result.err
    assert "votemanager presentation (v22): Landratswahl - Landkreis Hildesheim" in result.err
    assert "names, parties and colours of 5 candidates from the presentation" in result.err
    assert "9 of 9 figures agree with the municipality's total file" in result.err
    listing = run("-e", "lr-hi", "candidates", "--format", "csv", "--sort", "ballot")
    rows = list(csv.DictReader(io.StringIO(listing.out)))
    assert [r["name"] for r in rows] == NAMES
    assert [r["party"] for r in rows] == ["SPD", "CDU", "GRÜNE", "FDP", "PIRATEN"]
    first = _rows("lr-hi", 1)
    # the Landkreis's own figures (its Kreis-Ergebnis file and the presentation's page)
    assert {(r["eligible"], r["voters"], r["invalid"], r["valid"]) for r in first} == {
        (225_804, 133_132, 2_542, 130_590)
    }
    votes = {r["name"]: r["votes"] for r in first}
    assert votes == dict(zip(NAMES, [53_934, 42_745, 18_881, 9_108, 5_922], strict=True))
    assert run("-e", "lr-hi", "results", "--svg", str(isolated / "lr.svg")).code == 0
    chart = (isolated / "lr.svg").read_text(encoding="utf-8")
    assert 'fill="#d60029"' in chart  # SPD red stands out from white: the presentation's colour
    assert 'fill="#fbee31"' not in chart  # FDP yellow does not: the outcome colour instead
    # every request went to the presentation's host, to the files the schema names, no other
    assert all(not p.startswith("/http") for p in tree.asked)
    assert set(tree.asked) >= {
        "/20210912/03254000/api/praesentation/open_data.json",
        "/20210912/03254000/api/praesentation/termin.json",
        "/20210912/03254000/api/praesentation/wahl_28/ergebnis_ebene_1_id_10_0.json",
        "/20210912/03254000/" + FIRST,
        "/20210912/03254000/praesentation/Open-Data-03254000-Landratswahl-Kreis.csv",
    }


def test_a_new_user_imports_from_another_directory(
    serve_tree: ServeTree, isolated: Path, tmp_path: Path
) -> None:
    tree = serve_tree(VM)
    done = run_installed("import", tree.url + HILDESHEIM + "index.html", "-e", "lr", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    shown = run_installed("-e", "lr", "results", cwd=tmp_path)
    assert "Bernd Lynack" in shown.stdout and "53,934" in shown.stdout
    assert "votemanager presentation" in shown.stdout  # where the figures came from


def test_the_runoff_goes_to_the_first_round_candidates_by_name(
    serve_tree: ServeTree, isolated: Path
) -> None:
    tree = serve_tree(VM)
    assert run("import", tree.url + HILDESHEIM, "-e", "lr").code == 0
    # the runoff's result data as the presentation serves it once the runoff is counted (the
    # stored copy has none): its rows in ballot order, Wißmann listed first to prove that
    # names decide, not positions
    page = {
        "Komponente": {
            "tabelle": {
                "zeilen": [
                    {
                        "color": "#000000",
                        "label": {
                            "labelKurz": "Wißmann, CDU",
                            "labelLang": "Evelin Wißmann, Christlich Demokratische Union "
                            "Deutschlands in Niedersachsen",
                        },
                    },
                    {
                        "color": "#d60029",
                        "label": {
                            "labelKurz": "Lynack, SPD",
                            "labelLang": "Bernd Lynack, Sozialdemokratische Partei Deutschlands",
                        },
                    },
                ]
            }
        }
    }
    path = HILDESHEIM + "api/praesentation/wahl_35/ergebnis_ebene_1_id_10_0.json"
    tree.files[path] = json.dumps(page).encode()
    result = run("import", tree.url + HILDESHEIM, "-e", "lr", "--round", "2")
    assert result.code == 0, result.err
    assert "Stichwahl des Landrats - Landkreis Hildesheim" in result.err
    votes = {r["name"]: r["votes"] for r in _rows("lr", 2)}
    # in order the rows (Wißmann first) and the file's lists (D1 SPD) disagree: each column
    # goes to the row of its own list, and from there by name to the first round's candidate
    assert votes == {"Bernd Lynack": 86_375, "Evelin Wißmann": 51_769}


def test_several_person_elections_are_listed_and_picked(
    serve_tree: ServeTree, isolated: Path
) -> None:
    tree = serve_tree(VM)
    asked = run("import", tree.url + SALZDETFURTH, "-e", "bm")
    assert asked.code == 2
    assert "Bürgermeisterwahl - Stadt Bad Salzdetfurth; Landratswahl - Stadt" in asked.err
    assert "Kreistagswahl" not in asked.err  # a council vote is not offered
    german = run("--lang", "de", "import", tree.url + SALZDETFURTH, "-e", "bm")
    assert "enthält mehrere Personenwahlen" in german.err and "--pick TEXT" in german.err
    none = run("import", tree.url + SALZDETFURTH, "-e", "bm", "--pick", "Kreistag")
    assert none.code == 2 and "no person election" in none.err
    assert "Ortsratswahl" not in none.err  # only what could be picked is listed
    csv_file = run("import", str(VM / HILDESHEIM / FIRST), "-e", "bm", "--pick", "Landrat")
    assert csv_file.code == 2 and "--pick chooses an election of a votemanager" in csv_file.err


def test_a_v26_presentation_before_the_count_says_so_and_writes_nothing(
    serve_tree: ServeTree, isolated: Path
) -> None:
    tree = serve_tree(VM)
    result = run(
        "import", tree.url + SALZDETFURTH + "daten/api/termin.json", "-e", "bm", "--pick", "bürger"
    )
    assert result.code == 1
    assert (
        "votemanager presentation (v26): Bürgermeisterwahl - Stadt Bad Salzdetfurth" in result.err
    )
    assert "no candidate columns (D1…Dn) yet: a file published before the count" in result.err
    assert "/20260913/03254005/daten/opendata/open_data.json" in tree.asked
    assert not any("api/praesentation" in p for p in tree.asked)  # the address said v26
    assert run("-e", "bm", "results").code != 0  # no election was created


def test_a_presentation_pointing_elsewhere_is_not_followed(
    serve_tree: ServeTree, isolated: Path
) -> None:
    tree = serve_tree(VM)
    listing = json.loads((VM / HILDESHEIM / "api/praesentation/open_data.json").read_text("utf-8"))
    for item in listing["csvs"]:
        item["url"] = "http://198.51.100.7/" + item["url"]  # TEST-NET-2: never reached
    tree.files[HILDESHEIM + "api/praesentation/open_data.json"] = json.dumps(listing).encode()
    result = run("import", tree.url + HILDESHEIM, "-e", "lr")
    assert result.code == 1
    assert "points to http://198.51.100.7/" in result.err and "not fetched" in result.err
    assert not any("Open-Data" in p for p in tree.asked)


def test_no_presentation_at_the_address(serve_tree: ServeTree, isolated: Path) -> None:
    tree = serve_tree(VM)
    result = run("import", tree.url + "20210912/03254999/", "-e", "x")
    assert result.code == 1
    assert (
        "no open_data.json under" in result.err and "give the district CSV's address" in result.err
    )


def test_watch_follows_the_presentation_until_every_municipality_is_in(
    serve_tree: ServeTree, isolated: Path
) -> None:
    tree = serve_tree(VM)
    real = (VM / HILDESHEIM / FIRST).read_text(encoding="utf-8").splitlines(keepends=True)
    partial = [real[0]]
    for number, line in enumerate(real[1:]):
        cells = line.rstrip("\n").split(";")
        if number % 2:  # every other municipality not yet in: no quick reports, empty figures
            cells = cells[:6] + ["0"] + [""] * (len(cells) - 7)
        partial.append(";".join(cells) + "\n")
    tree.files[HILDESHEIM + FIRST] = "".join(partial).encode()
    address = tree.url + HILDESHEIM
    early = run("watch", address, "-e", "lr", "--once", "--interval", "0.01")
    assert early.code == 3, early.err  # partial
    assert "Districts 9/18" in early.out
    del tree.files[HILDESHEIM + FIRST]
    late = run("watch", address, "-e", "lr", "--interval", "0.01", "--format", "json")
    assert late.code == 0, late.err
    last = json.loads(late.out.strip().splitlines()[-1])
    assert last["counted"] == last["expected"] == 18
    assert {row["name"] for row in _rows("lr", 1)} == set(NAMES)


@pytest.mark.parametrize(
    ("address", "root", "first"),
    [
        ("https://h.example/20210912/03254000/", "https://h.example/20210912/03254000/", "v26"),
        (
            "https://h.example/wahlen/20210912/03254000/praesentation/index.html",
            "https://h.example/wahlen/20210912/03254000/",
            "v22",
        ),
        (
            "https://h.example/Wahl-2026-09-13/032414001/daten/api/termin.json",
            "https://h.example/Wahl-2026-09-13/032414001/",
            "v26",
        ),
    ],
)
def test_the_root_and_schema_are_read_from_the_address(address: str, root: str, first: str) -> None:
    placed = votemanager.layouts(address)
    assert placed is not None
    assert placed[0] == root and placed[1][0][0] == first


def test_a_csv_address_or_one_without_an_ags_is_no_presentation() -> None:
    assert votemanager.layouts("https://h.example/20210912/03254000/praesentation/x.csv") is None
    assert votemanager.layouts("https://h.example/wahlen/ergebnis.html") is None


def test_names_go_by_list_where_the_columns_have_gaps() -> None:
    """A file with positions 1, 2 and 5 (only those standing in this area) and a page with
    three rows: in order they would agree by count, so the lists decide where they disagree."""
    entry = votemanager.Entry(
        name="Bürgermeisterwahl",
        title="Bürgermeisterwahl",
        districts="",
        level="Wahlbezirk",
        total=None,
        person=True,
        parties=((1, "A-Partei"), (2, "B-Partei"), (5, "E-Liste")),
    )

    def row(name: str, party: str) -> votemanager.Row:
        return votemanager.Row(name=name, party=party, long_party=party, color=None)

    found = votemanager.Found(
        presentation="",
        schema="v26",
        entry=entry,
        result=None,
        rows=(row("Eva", "E-Liste"), row("Anna", "A-Partei"), row("Bert", "B-Partei")),
    )
    named = votemanager.named(found, (1, 2, 5))
    assert {p: r.name for p, r in named.items()} == {1: "Anna", 2: "Bert", 5: "Eva"}
    assert votemanager.named(found._replace(rows=found.rows[:2]), (1, 2, 5)).keys() == {1, 5}


def test_a_damaged_presentation_page_costs_the_names_not_the_import(
    serve_tree: ServeTree, isolated: Path
) -> None:
    """termin.json and the result page only add titles and names: damaged or missing, the
    district file still imports (by ballot position, said so); a damaged open_data.json, which
    says where the files are, stops the import with one line."""
    tree = serve_tree(VM)
    tree.files[HILDESHEIM + "api/praesentation/termin.json"] = b'{"wahleintraege": ['
    result = run("import", tree.url + HILDESHEIM, "-e", "lr")
    assert result.code == 0, result.err
    assert "names no candidates" in result.err
    assert "9 of 9 figures agree" in result.err
    tree.files[HILDESHEIM + "api/praesentation/open_data.json"] = b"\xff<html>"
    broken = run("import", tree.url + HILDESHEIM, "-e", "lr2")
    assert broken.code == 1
    assert "open_data.json is not the JSON of a votemanager presentation" in broken.err
    assert "Traceback" not in broken.err

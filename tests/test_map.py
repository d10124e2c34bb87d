"""District maps: real districts (Vaterstetten 2026, AKDB) on real geometry (their GeoJSON),
every district drawn and named, offline, in `results --svg` and `watch --svg`."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from .conftest import FIXTURES, Script, Serve, run

RESULTS = FIXTURES / "results"
TOTAL = RESULTS / "vaterstetten-2026-buergermeister-gesamtergebnis.csv"
GROUPS = RESULTS / "vaterstetten-2026-buergermeister-stimmen.csv"
AREAS = RESULTS / "vaterstetten-2026-stimmbezirke.geojson"
SVG = "{http://www.w3.org/2000/svg}"


def _imported(tmp_path: Path, text: str | None = None) -> None:
    """The real mayoral file at its presentation-like path (the date and kind are read there)."""
    folder = tmp_path / "ob-p" / "175132" / "2" / "20260308" / "buergermeister_gemeinde"
    folder.mkdir(parents=True)
    (folder / "gesamtergebnis.csv").write_text(text or TOTAL.read_text("utf-8"), "utf-8")
    shutil.copy(GROUPS, folder / "stimmen.csv")
    result = run("import", str(folder / "gesamtergebnis.csv"), "-e", "vst")
    assert result.code == 0, result.err


def _paths(svg: Path) -> list[ET.Element]:
    return list(ET.parse(svg).getroot().iter(f"{SVG}path"))


def test_every_district_is_drawn_named_and_coloured_by_its_leader(
    tmp_path: Path, isolated: Path
) -> None:
    _imported(tmp_path)
    out = tmp_path / "map.svg"
    result = run("-e", "vst", "results", "--svg", str(out), "--geometry", str(AREAS))
    assert result.code == 0, result.err
    assert "warning" not in result.err  # 25 areas, 25 polling districts: all matched
    paths = _paths(out)
    tips = [p.findtext(f"{SVG}title") or "" for p in paths]
    assert len(paths) == 25
    assert {tip.split(" · ")[0] for tip in tips} == {f"Stimmbezirk {n}" for n in range(1, 26)}
    assert all("counted" in tip and "leading:" in tip for tip in tips)
    assert {p.get("fill") for p in paths} <= {"#0072b2", "#e69f00"}  # Okabe–Ito, two leaders
    text = out.read_text(encoding="utf-8")
    for n in range(31, 51):  # the 20 postal districts have no area: listed beside the map
        assert f"Stimmbezirk {n}: " in text
    assert "Postal districts (no area)" in text
    # self-contained: nothing is loaded from anywhere
    assert "href" not in text and "<script" not in text and "url(" not in text
    assert all(len(p.get("d", "")) < 4_000 for p in paths)  # simplified
    assert out.stat().st_size < 60_000


def test_one_candidates_share_in_shades(tmp_path: Path, isolated: Path) -> None:
    _imported(tmp_path)
    out = tmp_path / "share.svg"
    args = ["--svg", str(out), "--geometry", str(AREAS), "--candidate", "Wahlvorschlag 1"]
    assert run("-e", "vst", "results", *args).code == 0
    fills = {p.get("fill") for p in _paths(out)}
    assert fills <= {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"}
    assert len(fills) >= 3
    assert "Share of Wahlvorschlag 1 per district" in out.read_text(encoding="utf-8")
    german = tmp_path / "anteil.svg"
    args = ["--svg", str(german), "--geometry", str(AREAS), "--candidate", "Wahlvorschlag 1"]
    assert run("--lang", "de", "-e", "vst", "results", *args).code == 0
    assert "Anteil von Wahlvorschlag 1 je Stimmbezirk" in german.read_text(encoding="utf-8")


def test_districts_without_areas_and_areas_without_districts_are_named(
    tmp_path: Path, isolated: Path
) -> None:
    _imported(tmp_path)
    doc = json.loads(AREAS.read_text(encoding="utf-8"))
    fifth = next(f for f in doc["features"] if f["properties"]["name"] == "Stimmbezirk 05")
    fifth["properties"]["name"] = "Wald"
    bent = tmp_path / "bent.geojson"
    bent.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "map.svg"
    result = run("-e", "vst", "results", "--svg", str(out), "--geometry", str(bent))
    assert result.code == 0
    assert "no area in" in result.err and "for 1 districts: Stimmbezirk 5" in result.err
    assert "1 areas of" in result.err and "match no district: Wald" in result.err
    assert len(_paths(out)) == 24


def test_a_partial_count_shows_what_is_not_counted(tmp_path: Path, isolated: Path) -> None:
    """The real file with districts 1–10 outstanding, as the portal marks them (Ausbleibend J,
    no figures)."""
    lines = []
    for line in TOTAL.read_text(encoding="utf-8").splitlines(keepends=True):
        cells = line.rstrip("\r\n").split(";")
        if len(cells) > 13 and cells[3] == "STIMMBEZIRK" and 1 <= int(cells[5]) <= 10:
            cells = [*cells[:8], "J", *cells[9:13], *[""] * (len(cells) - 14), ""]
        lines.append(";".join(cells) + "\r\n")
    _imported(tmp_path, "".join(lines))
    out = tmp_path / "map.svg"
    assert run("-e", "vst", "results", "--svg", str(out), "--geometry", str(AREAS)).code == 0
    grey = [p for p in _paths(out) if p.get("fill") == "#e6e6e6"]
    assert len(grey) == 10
    assert all((p.findtext(f"{SVG}title") or "").endswith("not counted yet") for p in grey)
    assert "35 of 45 districts counted" in out.read_text(encoding="utf-8")


def test_bad_geometry_is_one_line(tmp_path: Path, isolated: Path) -> None:
    _imported(tmp_path)
    out = tmp_path / "map.svg"
    broken = tmp_path / "broken.geojson"
    broken.write_text("{", encoding="utf-8")
    result = run("-e", "vst", "results", "--svg", str(out), "--geometry", str(broken))
    assert result.code == 1 and "not JSON text" in result.err and not out.exists()
    wrong = tmp_path / "wrong.geojson"
    wrong.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": "X"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [[[500, 48], [1, 2], [3, 4]]],
                        },
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    result = run("-e", "vst", "results", "--svg", str(out), "--geometry", str(wrong))
    assert result.code == 1 and "in area X a position is not longitude, latitude" in result.err
    alone = run("-e", "vst", "results", "--geometry", str(AREAS))
    assert alone.code == 2 and "give --svg FILE too" in alone.err
    shade = run("-e", "vst", "results", "--svg", str(out), "--candidate", "Wahlvorschlag 1")
    assert shade.code == 2 and "give --geometry AREAS.geojson too" in shade.err
    url = "http://127.0.0.1:9/Open-Data.csv"  # refused before anything is fetched
    live = run("watch", url, "-e", "vst", "--svg", str(out), "--candidate", "x")
    assert live.code == 2 and "give --geometry AREAS.geojson too" in live.err


def test_watch_rewrites_the_map_after_every_change(
    serve: Serve, tmp_path: Path, isolated: Path
) -> None:
    three, eight = RESULTS / "synthetic-3-of-8.csv", RESULTS / "synthetic-8-of-8.csv"
    url = serve(Script([("ok", three.read_bytes()), ("ok", eight.read_bytes())]))
    out = tmp_path / "live.svg"
    out.write_text("mine", encoding="utf-8")
    names = ["--map", "D1=Anna Alt", "--map", "D2=Bert Bunt"]
    refused = run("watch", url, "-e", "w", *names, "--svg", str(out), "--interval", "0.01")
    assert refused.code == 1 and "already exists" in refused.err
    assert out.read_text(encoding="utf-8") == "mine"  # nothing lost
    done = run("watch", url, "-e", "w", *names, "--svg", str(out), "--force", "--interval", "0.01")
    assert done.code == 0, done.err
    chart = out.read_text(encoding="utf-8")
    assert "8 of 8 districts counted" in chart and "Anna Alt" in chart
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind


def test_areas_match_by_name_then_number_and_keep_their_holes() -> None:
    from kl_wahl.core.model import District
    from kl_wahl.output.geometry import areas, match, norm, project

    square = [[11.0, 48.0], [11.1, 48.0], [11.1, 48.1], [11.0, 48.1], [11.0, 48.0]]
    hole = [[11.04, 48.04], [11.04, 48.06], [11.06, 48.06], [11.06, 48.04], [11.04, 48.04]]
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Stimmbezirk 01"},
                "geometry": {"type": "Polygon", "coordinates": [square, hole]},
            },
            {
                "type": "Feature",
                "properties": {"name": "Bezirk Nord 7"},
                "geometry": {"type": "Polygon", "coordinates": [square]},
            },
        ],
    }
    found = areas(doc)
    assert norm("Stimmbezirk 01") == norm("stimmbezirk  1") == "stimmbezirk 1"

    def district(number: str, name: str) -> District:
        return District(number, name, "polling", 1, 1, 10, 5, 0, 5, ((1, 5),))

    taken, spare = match(found, (district("0001", "Stimmbezirk 1"), district("0007", "Nord")))
    assert taken["0001"].label == "Stimmbezirk 01"  # by name, "01" read as 1
    assert taken["0007"].label == "Bezirk Nord 7"  # by the number its name ends with
    assert spare == []
    paths, used = project(found, 100, 100)
    assert paths[0].count("M") == 2 and used <= 100  # outer ring and hole, drawn evenodd

"""`kl-wahl watch URL`: poll an official result file on election night until every district is in."""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from ..base.exitcodes import FAILURE, OK, PARTIAL, USAGE
from ..results.poll import DEFAULT_INTERVAL
from .options import (
    GeometryOption,
    MapOption,
    PickOption,
    RoundOption,
    ShadeOption,
    StrictOption,
    TitleOption,
)
from .state import State, state_of

if TYPE_CHECKING:
    from ..base.language import Lang
    from ..core.model import Election
    from ..results.importer import Outcome, Request
    from ..results.store import Imported
    from ..results.votemanager import Found


def watch_cmd(
    ctx: typer.Context,
    url: Annotated[
        str,
        typer.Argument(
            metavar="URL",
            help="The Open Data district file (http/https), or a votemanager presentation's "
            "address (…/<date>/<AGS>/…).",
        ),
    ],
    interval: Annotated[
        float,
        typer.Option(
            "--interval",
            metavar="SECONDS",
            help="Seconds between requests (default 60; at least 10 for a server that is not "
            "this machine). A longer Cache-Control max-age from the server wins.",
        ),
    ] = DEFAULT_INTERVAL,
    once: Annotated[
        bool, typer.Option("--once", help="Poll once: exit 0 when complete, 3 when partial.")
    ] = False,
    fmt: Annotated[
        Literal["text", "json"],
        typer.Option("--format", "-f", help="text, or json: one JSON object per change (NDJSON)."),
    ] = "text",
    round_: RoundOption = None,
    maps: MapOption = None,
    pick: PickOption = None,
    title: TitleOption = None,
    strict: StrictOption = False,
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg",
            metavar="FILE",
            help="Rewrite this SVG file after every change (atomically): the chart, or with "
            "--geometry the district map; for a newsroom page that shows the file.",
            dir_okay=False,
        ),
    ] = None,
    geometry: GeometryOption = None,
    candidate: ShadeOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --svg file if it exists at the start.")
    ] = False,
) -> None:
    """Follow the count live: import every changed version of URL until all districts are in.

    Polls with conditional requests (ETag / If-Modified-Since), archives every file it fetched,
    and keeps the last good figures when a request or a file fails (it backs off and retries).
    In a terminal the view updates in place; piped, it prints one line per change. Other
    commands (`results`, `export`, the prompt) read the latest complete import meanwhile.
    Exit codes: 0 all districts counted, 3 partial (--once), 1 nothing could be imported,
    130 stopped with Ctrl-C.

    Examples:

    \b
      kl-wahl watch https://wahlen.example.de/Open-Data-Wahlbezirk.csv -e ob-2031
      kl-wahl watch URL -e wi-2025 --map "D1=Gert-Uwe Mende" --map "D2=Thomas Hoppe"
      kl-wahl watch URL -e ob-2031 --format json | jq .counted
      kl-wahl watch https://votemanager.example.de/20260913/03254005/ -e bm-2026 --pick Bürger
      kl-wahl watch URL -e ob-2031 --svg live.svg --geometry stimmbezirke.geojson
    """
    import math

    from ..core.problems import UserError
    from ..results.fetch import check_url
    from ..results.poll import MAX_INTERVAL, MIN_REMOTE_INTERVAL, is_loopback
    from .import_cmd import discover, request

    state = state_of(ctx)
    if not url.startswith(("http://", "https://")):
        raise UserError("watch_needs_url", exit_code=USAGE)
    check_url(url)
    lowest = 0.01 if is_loopback(url) else MIN_REMOTE_INTERVAL
    if not math.isfinite(interval) or not lowest <= interval <= MAX_INTERVAL:  # nan fails too
        raise UserError(
            "watch_interval", minimum=MIN_REMOTE_INTERVAL, maximum=MAX_INTERVAL, exit_code=USAGE
        )
    req = request(state, round_, maps, title, strict)
    drawer = _Drawer(state, svg, geometry, candidate, force) if svg is not None else None
    if drawer is None and (geometry is not None or candidate is not None):
        raise UserError("map_needs_svg", exit_code=USAGE)
    url, found = discover(state, url, pick, req)
    live = fmt == "text" and state.rich
    view = _LiveView(state) if live else None
    try:
        code = _loop(state, req, url, interval, once, fmt, view, found, drawer)
    finally:
        if view is not None:
            view.stop()
    raise typer.Exit(code)


def _loop(
    state: State,
    req: Request,
    url: str,
    interval: float,
    once: bool,
    fmt: str,
    view: _LiveView | None,
    found: Found | None = None,
    drawer: _Drawer | None = None,
) -> int:
    import random

    from ..core.problems import UserError
    from ..results import fetch, importer, store
    from ..results.importer import MAX_BYTES
    from ..results.poll import MAX_SERVER_WAIT, next_delay
    from .import_cmd import dress, get_or_none, same_mapping

    # as the last run left them, unless --map now says something else
    same = same_mapping(state, req, url)
    etag, last_modified = store.validators(req.election_id, url) if same else (None, None)
    known = store.latest_of(req.election_id, url) if etag or last_modified else None
    failures = 0
    said: dict[str, Any] | None = None
    election: Election | None = None
    last: Outcome | None = None
    while True:
        max_age = retry_after = None
        try:
            response = fetch.get(url, fetch.TIMEOUT, MAX_BYTES, etag, last_modified)
            max_age = response.max_age
            if response.status == 304 and last is None and known is not None:
                last = _stored(state, known)  # unchanged since the last run: that state stands
                election = last.election
                req = req._replace(round=last.round)
                said = _changed(state, last, fmt, view, said)
                if drawer is not None:
                    drawer.draw(last)
            elif response.status != 304:
                snap = importer.read(response.body, url, req.strict)
                if found is not None:  # names once the presentation has them
                    if not found.rows and election is None:
                        from ..results.votemanager import with_rows

                        found = with_rows(found, get_or_none)
                    snap, req = dress(state, found, snap, req)
                if last is None or snap != last.snapshot:
                    fetched = datetime.now(timezone.utc).replace(microsecond=0)
                    modified = fetch.http_date(response.last_modified)
                    done = importer.apply(
                        state.catalog,
                        election,
                        req,
                        snap,
                        response.body,
                        url,
                        fetched,
                        modified,
                        (response.etag, response.last_modified),
                    )
                    for note in done.notes:
                        state.say(note)
                    election = done.election
                    req = req._replace(round=done.round)  # later files: the same round, or held
                    changed = last is None or done.path is not None
                    last = done
                    if changed:
                        said = _changed(state, last, fmt, view, said)
                        if drawer is not None:
                            drawer.draw(last)
                etag, last_modified = response.etag, response.last_modified
            failures = 0
        except UserError as exc:
            failures += 1
            retry_after = exc.retry_after if isinstance(exc, fetch.FetchError) else None

            message = f"kl-wahl: {exc.text(state.lang)}"
            if view is not None:
                view.error(message)
            else:
                held = isinstance(exc, importer.Held)  # it says what it kept itself
                print(message + ("" if held else _keeping(state, last)), file=sys.stderr)
            if exc.exit_code == USAGE and last is None:
                raise  # nothing imported yet: a wrong --map or --round will not mend itself
        if last is not None and last.snapshot.complete:
            return OK
        if once:
            return FAILURE if last is None else PARTIAL
        delay = next_delay(interval, failures, max_age, retry_after, random.random)
        asked = max(max_age or 0.0, retry_after or 0.0)
        if asked > MAX_SERVER_WAIT and view is None:
            from ..i18n.catalog import t

            print(t(state.lang, "watch_capped", asked=int(asked), wait=int(delay)), file=sys.stderr)
        if view is not None:
            view.waiting(delay)
        time.sleep(delay)


def _stored(state: State, known: Imported) -> Outcome:
    """The outcome of an earlier run's import, as if it had just been made."""
    from ..core.problems import UserError
    from ..results.importer import Outcome

    election = state.catalog.get(known.doc["election"])
    if election is None:
        raise UserError("unknown_election", id=known.doc["election"], known="")
    return Outcome(election, known.doc["round"], known.snapshot(), known.candidates, None)


def _keeping(state: State, last: Outcome | None) -> str:
    from ..i18n.catalog import t

    if last is None:
        return ""
    snap = last.snapshot
    return " " + t(state.lang, "watch_keeping", counted=snap.counted, expected=len(snap.districts))


def summary(state: State, done: Outcome) -> dict[str, Any]:
    """What the file says now, as the JSON line, the text line and the live view show it: the
    same join and standings as every other view, applied to this snapshot alone."""
    from ..core.model import Count
    from ..core.race import runoff_race
    from ..core.standings import standings
    from ..output.districts import split
    from ..results.join import with_count

    snap = done.snapshot
    election = done.election
    rnd = next(r for r in election.rounds if r.number == done.round)
    count = Count(
        districts=snap.districts,
        candidates=tuple(sorted(done.mapping.items())),
        source="IMPORT",
        at=datetime.now(timezone.utc),
        warnings=snap.warnings,
        register=snap.register,
    )
    joined = with_count(rnd._replace(results=(), preliminary=None, status=None), count)
    rows = standings(election, joined) if count.counted else []
    race = runoff_race(election, joined)
    from ..core.projection import for_round
    from ..output.jsondoc import projection_data
    from ..results.join import join

    projection = projection_data(for_round(join(election), joined))
    postal = split(count)
    complete = count.complete
    pair = None
    elected = None
    if complete and rows:
        if rows[0].outcome == "elected":
            elected = rows[0].candidate.id
        elif len(rows) >= 2 and rows[1].outcome == "runoff":
            pair = [rows[0].candidate.id, rows[1].candidate.id]
    return {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "election": election.id,
        "round": done.round,
        "counted": count.counted,
        "expected": count.expected,
        "complete": complete,
        "missing_polling": count.missing("polling"),
        "missing_postal": count.missing("postal"),
        "status": joined.status,
        "turnout": joined.turnout.value if joined.turnout else None,
        "candidates": [
            {
                "id": st.candidate.id,
                "name": st.candidate.name,
                "votes": st.votes,
                "share": round(st.share, 2),
                "postal": postal.get(st.candidate.id, (0, None))[1],
            }
            for st in rows
        ],
        "leader": rows[0].candidate.id if rows else None,
        "margin_first_second": rows[0].margin_to_next if rows else None,
        "margin_second_third": rows[1].margin_to_next if len(rows) > 1 else None,
        "runoff_pair": pair,
        "elected": elected,
        "warnings": [w.text(state.lang) for w in snap.warnings],
        "corrected": list(done.corrected),
        "race": None
        if race is None
        else {
            "second": race.second.candidate.id,
            "third": race.third.candidate.id,
            "gap": race.gap,
            "outstanding": race.outstanding,
            "open": race.open,
            "majority": race.majority,
        },
        "projection": projection,
    }


def _changed(
    state: State,
    done: Outcome,
    fmt: str,
    view: _LiveView | None,
    previous: dict[str, Any] | None,
) -> dict[str, Any]:
    """Say what the file says now, and what changed since `previous`; the data said."""
    data = summary(state, done)
    data["change"] = change(previous, data)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    elif view is not None:
        view.show(data)
    else:
        sys.stdout.write(_line(state, data) + "\n")
    sys.stdout.flush()
    return data


def change(previous: dict[str, Any] | None, data: dict[str, Any]) -> dict[str, Any] | None:
    """Districts newly counted and the leader's change in points since the last change."""
    if previous is None:
        return None
    before = {c["id"]: c["share"] for c in previous["candidates"]}
    points = {
        c["id"]: round(c["share"] - before[c["id"]], 2)
        for c in data["candidates"]
        if c["id"] in before
    }
    return {"districts": data["counted"] - previous["counted"], "points": points}


def format_points(value: float, lang: Lang) -> str:
    text = f"{value:+.1f}"
    return text.replace(".", ",") if lang == "de" else text


def _line(state: State, data: dict[str, Any]) -> str:
    from ..i18n.catalog import format_percent, t

    lang = state.lang
    shares = " · ".join(
        f"{c['name']} {format_percent(c['share'], lang)}" for c in data["candidates"]
    )
    counted = t(lang, "districts_short", counted=data["counted"], expected=data["expected"])
    text = f"{data['time'][11:19]}  {counted}  {shares}"
    if data["turnout"] is not None:
        text += f"  {t(lang, 'turnout')} {format_percent(data['turnout'], lang)}"
    for line in night_lines(data, lang):
        text += f"  {line}"
    return text


def night_lines(data: dict[str, Any], lang: Lang) -> list[str]:
    """What is outstanding, what is decided, what failed its checks: for the text line and the
    live view alike."""
    from ..i18n.catalog import format_int, t

    names = {c["id"]: c["name"] for c in data["candidates"]}
    lines = []
    moved = data.get("change")
    if moved and data["leader"] in moved["points"]:
        lines.append(
            t(
                lang,
                "watch_change",
                n=f"{moved['districts']:+d}",
                name=names[data["leader"]],
                points=format_points(moved["points"][data["leader"]], lang),
            )
        )
    if data["counted"] and not data["complete"]:
        missing = t(
            lang,
            "count_outstanding",
            polling=data["missing_polling"],
            postal=data["missing_postal"],
        )
        lines.append(f"{t(lang, 'outstanding')}: {missing}")
    race = data.get("race")
    if race:
        from ..output.render import race_sentence

        second, third = names[race["second"]], names[race["third"]]
        lines.append(
            race_sentence(second, race["gap"], third, race["outstanding"], race["open"], lang)
        )
    elif data["margin_second_third"] is not None and len(names) >= 3:
        lines.append(t(lang, "watch_cutoff", n=format_int(data["margin_second_third"], lang)))
    if data.get("projection"):
        from ..output.render import projection_text

        label = t(lang, "projection_label")
        lines += [f"{label}: {line}" for line in projection_text(data["projection"], names, lang)]
    if data["runoff_pair"]:
        pair = " – ".join(names[i] for i in data["runoff_pair"])
        lines.append(t(lang, "watch_runoff", pair=pair))
    if data["elected"]:
        lines.append(t(lang, "watch_elected", name=names[data["elected"]]))
    lines += [t(lang, "count_warning", text=w) for w in data["warnings"]]
    return lines


class _Drawer:
    """The --svg file, rewritten atomically after every change: refused at the start if it
    exists (unless --force), then kl-wahl's own to replace; the areas are read once."""

    def __init__(
        self, state: State, svg: Path, geometry: Path | None, candidate: str | None, force: bool
    ) -> None:
        from ..core.problems import UserError
        from .drawing import Drawing

        self.drawing = Drawing(svg, geometry, candidate)
        if svg.exists() and not force:
            raise UserError("file_exists", path=svg)
        self.state, self.svg = state, svg

    def draw(self, done: Outcome) -> None:
        from ..results.join import join
        from ..store.fileio import write_atomic

        text = self.drawing.text(self.state, join(done.election), done.round)
        write_atomic(self.svg, text.encode("utf-8"), force=True)


class _LiveView:
    """The in-place terminal view (Rich Live): redrawn on a change, an error, or a new wait."""

    def __init__(self, state: State) -> None:
        from rich.live import Live

        self.state = state
        self.data: dict[str, Any] | None = None
        self.note = ""
        self.live = Live(console=state.console, auto_refresh=False, transient=False)
        self.live.start()

    def show(self, data: dict[str, Any]) -> None:
        self.data = data
        self.note = ""
        self._draw()

    def error(self, message: str) -> None:
        self.note = message
        self._draw()

    def waiting(self, delay: float) -> None:
        from ..i18n.catalog import t

        when = time.strftime("%H:%M:%S", time.localtime(time.time() + delay))
        self.note = (self.note + "\n" if self.note else "") + t(
            self.state.lang, "watch_next", at=when
        )
        self._draw()
        self.note = self.note.split("\n")[0] if "\n" in self.note else ""

    def _draw(self) -> None:
        from rich.text import Text

        from ..i18n.catalog import format_percent, t
        from ..output.render import bar

        lang = self.state.lang
        text = Text()
        if self.data is not None:
            d = self.data
            text.append(
                t(lang, "districts_short", counted=d["counted"], expected=d["expected"]) + "\n",
                style="bold",
            )
            width = max((len(c["name"]) for c in d["candidates"]), default=0)
            for c in d["candidates"]:
                text.append(f"{c['name'].ljust(width)}  {format_percent(c['share'], lang):>8}  ")
                text.append(bar(c["share"], 30) + "\n", style="cyan")
            for line in night_lines(d, lang):
                text.append(line + "\n")
            if d["turnout"] is not None:
                text.append(
                    f"{t(lang, 'turnout')}: {format_percent(d['turnout'], lang)} ({t(lang, 'derived')})\n"
                )
            text.append(t(lang, "watch_changed", at=d["time"][11:19]) + "\n", style="dim")
        if self.note:
            text.append(self.note, style="dim")
        self.live.update(text, refresh=True)

    def stop(self) -> None:
        self.live.stop()

"""A district map of a round's imported count: one self-contained SVG file.

Each district drawn in its leader's colour, or, for one candidate, in shades of one colour by
share; not yet counted districts light grey. A legend, the title, date, status and source lines
of the chart, a `<title>` tooltip per district (name, counted or not, leader, shares), and the
postal districts (which have no area) listed beside the map with their figures. Colours are the
Okabe–Ito palette (distinguishable with the common colour-vision deficiencies) and ColorBrewer's
sequential blues; text is escaped, never interpreted. Pure: data in, text out.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..base.language import Lang
from ..core.model import Count, Election, Round
from ..core.standings import standings
from ..i18n.catalog import format_date, format_percent, t
from .chart import _text
from .geometry import Area, match, project

WIDTH = 920
MAP = 560
LEGEND_X = 612
LEADERS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000")
"""Okabe–Ito, in the order of the round's standings"""
SHADES = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
"""ColorBrewer Blues, five classes"""
NOT_COUNTED = "#e6e6e6"


def district_map(
    election: Election,
    rnd: Round,
    count: Count,
    found: list[Area],
    lang: Lang,
    candidate: str | None = None,
) -> tuple[str, list[str], list[str]]:
    """(SVG text, polling districts without an area, areas without a district)."""
    names = {c.id: c.name for c in election.candidates}
    order = [st.candidate.id for st in standings(election, rnd)] or [c for _, c in count.candidates]
    colour_of = {cid: LEADERS[i % len(LEADERS)] for i, cid in enumerate(order)}
    taken, spare = match(found, count.districts)
    index = {id(a): i for i, a in enumerate(found)}
    paths, used = project(found, MAP, MAP)
    shares = {d.number: _shares(d.votes, d.valid, count) for d in count.districts if d.counted}
    bins = _bins([s.get(candidate, 0.0) for s in shares.values()]) if candidate else []
    parts: list[str] = []
    y = 44
    parts.append(_text(24, y, election.title.get(lang), size=22, weight="bold"))
    y += 28
    heading = f"{rnd.label.get(lang)} – {format_date(rnd.day, lang)}"
    parts.append(_text(24, y, heading, size=16, weight="bold"))
    status = t(lang, rnd.status) if rnd.status else ""
    counted = t(lang, "districts_counted", counted=count.counted, expected=count.expected)
    y += 20
    parts.append(_text(24, y, " · ".join(p for p in (counted, status) if p), size=12, fill="#555"))
    if candidate:
        y += 18
        parts.append(_text(24, y, t(lang, "map_share_of", name=names.get(candidate, candidate))))
    top = y + 16
    edge = "#7f7f7f" if candidate else "#ffffff"  # the palest shade needs an edge on white
    missing: list[str] = []
    for d in count.districts:
        area = taken.get(d.number)
        if area is None:
            if d.kind == "polling":
                missing.append(d.name)
            continue
        mine = shares.get(d.number)
        if mine is None:
            fill = NOT_COUNTED
        elif candidate:
            fill = _shade(mine.get(candidate, 0.0), bins)
        else:
            leader = _leader(mine)
            fill = colour_of.get(leader, NOT_COUNTED) if leader else NOT_COUNTED
        tip = _tooltip(d.name, mine, names, lang)
        parts.append(
            f'<path transform="translate(24,{top:.1f})" d={quoteattr(paths[index[id(area)]])} '
            f'fill="{fill}" fill-rule="evenodd" stroke="{edge}" stroke-width="0.8"><title>{escape(tip)}</title></path>'
        )
    # legend
    ly = top + 8
    if candidate:
        parts.append(_text(LEGEND_X, ly, t(lang, "map_share_legend"), weight="bold"))
        for (low, high), shade in zip(bins, SHADES, strict=False):
            ly += 22
            parts.append(_swatch(LEGEND_X, ly, shade))
            label = f"{format_percent(low, lang, 0)} – {format_percent(high, lang, 0)}"
            parts.append(_text(LEGEND_X + 24, ly, label))
    else:
        parts.append(_text(LEGEND_X, ly, t(lang, "map_leader_legend"), weight="bold"))
        leading = {_leader(s) for s in shares.values()}
        for cid in order:
            if cid in leading:
                ly += 22
                parts.append(_swatch(LEGEND_X, ly, colour_of[cid]))
                parts.append(_text(LEGEND_X + 24, ly, names.get(cid, cid)))
    if count.counted < count.expected:
        ly += 22
        parts.append(_swatch(LEGEND_X, ly, NOT_COUNTED))
        parts.append(_text(LEGEND_X + 24, ly, t(lang, "map_not_counted")))
    postal = [d for d in count.districts if d.number not in taken and d.kind == "postal"]
    if postal:
        ly += 34
        parts.append(_text(LEGEND_X, ly, t(lang, "map_postal"), weight="bold"))
        for d in postal:
            ly += 18
            mine = shares.get(d.number)
            if candidate:
                value = format_percent(mine.get(candidate, 0.0), lang, 1) if mine else "–"
            elif mine and (leader := _leader(mine)):
                value = f"{names.get(leader, leader)} {format_percent(mine[leader], lang, 1)}"
            else:
                value = t(lang, "map_not_counted")
            parts.append(_text(LEGEND_X, ly, f"{d.name}: {value}", size=11))
    bottom = max(top + used, float(ly)) + 30
    sources = ", ".join(rnd.results_sources) or count.source
    source = election.source(count.source)
    line = f"{t(lang, 'sources')}: {sources}" + (f" · {source.url}" if source else "")
    parts.append(_text(24, bottom, line, size=11, fill="#555"))
    parts.append(_text(24, bottom + 22, "kl-wahl", size=10, fill="#888"))
    height = bottom + 38
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f"aria-label={quoteattr(election.title.get(lang))}>\n"
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n' + "\n".join(parts) + "\n</svg>\n"
    )
    return svg, missing, spare


def _shares(
    votes: tuple[tuple[int, int], ...], valid: int | None, count: Count
) -> dict[str, float]:
    ids = dict(count.candidates)
    if not valid:
        return {}
    return {ids[p]: 100 * v / valid for p, v in votes if p in ids}


def _leader(shares: dict[str, float]) -> str | None:
    return max(shares, key=lambda cid: shares[cid]) if shares else None


def _bins(values: list[float]) -> list[tuple[float, float]]:
    """Five classes of equal width between the lowest and the highest share, whole percents."""
    if not values:
        return []
    low, high = int(min(values)), int(max(values)) + 1
    step = max(1, -(-(high - low) // len(SHADES)))
    return [(low + i * step, low + (i + 1) * step) for i in range(len(SHADES))]


def _shade(value: float, bins: list[tuple[float, float]]) -> str:
    for (low, high), shade in zip(bins, SHADES, strict=False):
        if low <= value < high:
            return shade
    return SHADES[-1]


def _swatch(x: float, y: float, fill: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y - 12:.1f}" width="16" height="14" fill="{fill}" stroke="#999"/>'
    )


def _tooltip(name: str, mine: dict[str, float] | None, names: dict[str, str], lang: Lang) -> str:
    if mine is None:
        return f"{name} · {t(lang, 'map_not_counted')}"
    ranked = sorted(mine.items(), key=lambda item: -item[1])
    leader = names.get(ranked[0][0], ranked[0][0]) if ranked else "–"
    listed = ", ".join(f"{names.get(c, c)} {format_percent(s, lang, 1)}" for c, s in ranked)
    return f"{name} · {t(lang, 'map_counted')} · {t(lang, 'map_leader', name=leader)} · {listed}"

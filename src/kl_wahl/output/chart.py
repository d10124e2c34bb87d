"""A publishable results chart: one SVG file, self-contained, in the selected language.

Bars per candidate with share and votes, the round's title, date and status, and a source line.
No fonts, scripts, styles or images are loaded from anywhere (a generic font family, plain SVG
elements), so the file opens offline and can be published as it is. Pure: data in, text out.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..base.language import Lang
from ..core.model import Election, Round
from ..core.standings import standings
from ..i18n.catalog import format_date, format_int, format_percent, t

WIDTH = 920
ROW = 34
BAR_X = 300
BAR_MAX = 400
COLOURS = {"elected": "#1f6f8b", "runoff": "#1f6f8b", "eliminated": "#9aa5ab", "lost": "#9aa5ab"}
"""open (a partial count) gets the neutral grey too: nothing is decided"""


def contrast(colour: str, against: str = "#ffffff") -> float:
    """WCAG contrast ratio of two '#rrggbb' colours (1 to 21); a bar needs 3 to stand out from
    the white page (WCAG 1.4.11), so a presentation's yellow falls back to the outcome colour."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(colour), luminance(against)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def results_svg(election: Election, rounds: list[Round], lang: Lang) -> str:
    """The chart of `rounds` (those with results); text is escaped, never interpreted."""
    parts: list[str] = []
    y = 44
    parts.append(_text(24, y, election.title.get(lang), size=22, weight="bold"))
    y += 16
    for rnd in rounds:
        rows = standings(election, rnd)
        if not rows:
            continue
        y += 30
        status = t(lang, rnd.status) if rnd.status else ""
        heading = f"{rnd.label.get(lang)} – {format_date(rnd.day, lang)}"
        parts.append(_text(24, y, heading, size=16, weight="bold"))
        if status:
            parts.append(_text(WIDTH - 24, y, f"{t(lang, 'status')}: {status}", anchor="end"))
        if rnd.tally is not None:
            y += 20
            counted = t(
                lang, "districts_counted", counted=rnd.tally.counted, expected=rnd.tally.expected
            )
            parts.append(_text(24, y, f"{counted} · {status}", size=12, fill="#555"))
        for st in rows:
            y += ROW
            length = max(1.0, BAR_MAX * st.share / 100)
            own = st.candidate.color
            colour = own if own and contrast(own) >= 3 else COLOURS.get(st.outcome, "#9aa5ab")
            parts.append(_text(24, y, st.candidate.name, weight="bold"))
            if st.candidate.party:
                party = st.candidate.party.get(lang)
                parts.append(_text(24, y + 14, party, size=11, fill="#555"))
            parts.append(
                f'<rect x="{BAR_X}" y="{y - 14}" width="{length:.1f}" height="20" '
                f'fill="{colour}" data-share="{st.share:.2f}"/>'
            )
            derived = f" ({t(lang, 'derived')})" if st.share_derived else ""
            label = format_percent(st.share, lang) + derived
            if st.votes is not None:
                label += f" · {format_int(st.votes, lang)} {t(lang, 'votes_word')}"
            parts.append(_text(BAR_X + length + 8, y + 1, label))
        sources = ", ".join(rnd.results_sources)
        y += 30
        line = f"{t(lang, 'sources')}: {sources}" if sources else ""
        if rnd.results_page:
            line += f" · {rnd.results_page}"
        if line:
            parts.append(_text(24, y, line, size=11, fill="#555"))
    y += 28
    parts.append(_text(24, y, "kl-wahl", size=10, fill="#888"))
    height = y + 16
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" '
        f"aria-label={quoteattr(election.title.get(lang))}>\n"
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n{body}\n</svg>\n'
    )


def _text(
    x: float,
    y: float,
    text: str,
    size: int = 13,
    weight: str = "normal",
    fill: str = "#111",
    anchor: str = "start",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="sans-serif" font-size="{size}" '
        f'font-weight="{weight}" fill="{fill}" text-anchor="{anchor}">{escape(text)}</text>'
    )

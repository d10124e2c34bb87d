"""What a shell prompt shows: the rules, as pure functions of the voting days and "now".

Standard library only and no `typing` at run time: the prompt fast path (`kl_wahl.fast`) imports
this module on every prompt, and the full CLI and the shell snippets (`output/shell.py`) follow the same
rules, so all three print the same line. Tests compare them at many moments.
"""

from __future__ import annotations

from .record import Record

TYPE_CHECKING = False  # `typing` alone costs more than this whole module
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .language import Lang

PLACEHOLDERS = (
    "label",
    "days",
    "hours",
    "minutes",
    "total_minutes",
    "date",
    "next_year",
    "counted",
    "expected",
    "leader",
)
"""Template placeholders; `minutes` is the remainder after `hours`, `total_minutes` the total;
`next_year` the year by which the next election must be held (derived; empty when unknown);
`counted`, `expected` and `leader` (surname) come from the latest round's imported count (empty
without one)."""
COUNT_PLACEHOLDERS = ("counted", "expected", "leader")
"""values that change during a count: the shell snippets, baked once, cannot show them"""
DEFAULT_FORMAT = "{label} {days}d"
DEFAULT_TODAY = {"en": "{label} today", "de": "{label} heute"}


class Target(Record):
    """A voting day as the prompt sees it; `day` is the local calendar day number (epoch days)."""

    label_en: str
    label_de: str
    opens: int
    closes: int
    day: int
    iso_date: str


class Templates(Record):
    upcoming: str
    today: str
    past: str


def split_template(template: str) -> list[tuple[bool, str]]:
    """'{label} {days}d' -> [(True, 'label'), (False, ' '), (True, 'days'), (False, 'd')].

    Braces that do not name a placeholder stay literal text. The one parser of templates: the
    fill below and the shell snippets both use it, so a label that itself contains '{date}' is
    never expanded a second time anywhere.
    """
    out: list[tuple[bool, str]] = []
    text = ""
    rest = template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        name, closed, after = tail.partition("}")
        if closed and name in PLACEHOLDERS:
            if head or text:
                out.append((False, text + head))
                text = ""
            out.append((True, name))
            rest = after
        else:
            text += head + "{"
            rest = tail
    if text or rest:
        out.append((False, text + rest))
    return out


def unknown_placeholders(template: str) -> list[str]:
    """Names in braces that are not placeholders, so a typo is refused instead of printed."""
    found = []
    rest = template
    while "{" in rest:
        rest = rest.split("{", 1)[1]
        if "}" not in rest:
            break
        name, rest = rest.split("}", 1)
        if name not in PLACEHOLDERS:
            found.append(name)
    return found


def templates_for(lang: Lang, fmt: str | None, past_fmt: str | None) -> Templates:
    """A user template serves upcoming and today alike; the default says 'today' on the day."""
    if fmt is not None:
        return Templates(fmt, fmt, past_fmt or "")
    return Templates(DEFAULT_FORMAT, DEFAULT_TODAY[lang], past_fmt or "")


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace placeholders in one pass (no str.format: data can never reach a format spec)."""
    return "".join(values[text] if is_var else text for is_var, text in split_template(template))


def offset_at(epoch: int, offsets: Sequence[tuple[int, int]]) -> int:
    """UTC offset in seconds at `epoch`, from (start epoch, offset) pairs sorted by start."""
    current = offsets[0][1]
    for start, offset in offsets:
        if start > epoch:
            break
        current = offset
    return current


def local_day(epoch: int, offsets: Sequence[tuple[int, int]]) -> int:
    return (epoch + offset_at(epoch, offsets)) // 86400


def bake(template: str, name: str, value: str) -> str:
    """`template` with one placeholder replaced by a constant (digits, so it cannot form a
    placeholder itself), for the shell snippets, which know the value when they are made."""
    return "".join(
        value if is_var and text == name else ("{" + text + "}" if is_var else text)
        for is_var, text in split_template(template)
    )


def prompt_values(
    target: Target, now: int, today: int, past: bool, lang: Lang, extra: Mapping[str, str]
) -> dict[str, str]:
    """Placeholder values: whole numbers, never negative in a past template; `extra` gives
    next_year and the count's (empty where absent)."""
    days = abs(today - target.day) if past else target.day - today
    ahead = max(0, target.opens - now)
    return {
        **{name: extra.get(name, "") for name in ("next_year", *COUNT_PLACEHOLDERS)},
        "label": target.label_de if lang == "de" else target.label_en,
        "days": str(days),
        "hours": str(ahead // 3600),
        "minutes": str(ahead % 3600 // 60),
        "total_minutes": str(ahead // 60),
        "date": target.iso_date,
    }


def prompt_line(
    targets: Sequence[Target],
    now: int,
    offsets: Sequence[tuple[int, int]],
    templates: Templates,
    lang: Lang,
    extra: Mapping[str, str] | None = None,
) -> str:
    """What the prompt shows at `now`: the next voting day whose polls have not closed, or else
    the past template (empty by default) for the last one."""
    if not targets:
        return ""
    upcoming = next((t for t in targets if t.closes > now), None)
    target = upcoming or targets[-1]
    today = local_day(now, offsets)
    if upcoming is None:
        template = templates.past
    elif target.day == today:
        template = templates.today
    else:
        template = templates.upcoming
    values = prompt_values(target, now, today, upcoming is None, lang, extra or {})
    return fill(template, values)


def choose_default(entries: Sequence[tuple[str, Sequence[tuple[int, int]]]], now: int) -> str:
    """The election whose next voting day closes first; if none is ahead, the most recent one.

    `entries` are (election id, [(opens, closes), ...]) in catalog order.
    """
    ahead = [
        (min(c for _, c in days if c > now), eid)
        for eid, days in entries
        if any(c > now for _, c in days)
    ]
    if ahead:
        return min(ahead)[1]
    dated = [(max(c for _, c in days), eid) for eid, days in entries if days]
    if dated:
        return max(dated)[1]
    return entries[0][0]


def parse_now(value: str) -> int | None:
    """`KL_WAHL_NOW` (epoch seconds, digits only) as an int; None for anything else."""
    return int(value) if value.isdigit() and value.isascii() else None

"""Shell completion values (`kl-wahl --install-completion`): election ids, candidates, events.

Completion runs in a separate process per <TAB>, so it reads the data quietly and never fails.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store.registry import Catalog


def _catalog() -> Catalog | None:
    try:
        from ..store.registry import discover

        return discover()
    except Exception:  # completion must never print a traceback into the user's command line
        return None


def election_ids(incomplete: str) -> list[str]:
    catalog = _catalog()
    return [e.id for e in catalog.elections if e.id.startswith(incomplete)] if catalog else []


def candidate_ids(incomplete: str) -> list[str]:
    catalog = _catalog()
    if not catalog:
        return []
    ids = {c.id for e in catalog.elections for c in e.candidates}
    return sorted(i for i in ids if i.startswith(incomplete.lower()))


def event_ids(incomplete: str) -> list[str]:
    catalog = _catalog()
    if not catalog:
        return []
    from ..core.timeline import timeline

    ids = {ev.id for e in catalog.elections for ev in timeline(e)}
    return sorted(i for i in ids if i.startswith(incomplete))

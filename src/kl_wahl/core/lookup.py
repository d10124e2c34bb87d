"""Finding a candidate by any part of the name: case, accents and German transliteration ignored.

"kurwitz", "Kuerwitz" and "KÜRWITZ" all find Thomas Kürwitz; spelling variants seen in sources
(e.g. "Welsch-Schied") are data, stored with the candidate, and match as well.
"""

from __future__ import annotations

import unicodedata

from .model import Candidate

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def forms(text: str) -> set[str]:
    """Both spellings a German name can be typed in: 'kürwitz' -> {'kurwitz', 'kuerwitz'}."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return {_strip_accents(folded), _strip_accents(folded.translate(_GERMAN))}


def _names(candidate: Candidate) -> list[str]:
    return [candidate.name, *candidate.variants, candidate.id]


def find(candidates: tuple[Candidate, ...], query: str) -> list[Candidate]:
    return [c for c in candidates if matches(_names(c), query)]


def matches(names: list[str], query: str) -> bool:
    """Whether any of `names` contains `query`, ignoring case, accents and ü/ue."""
    wanted = {q for q in forms(query.strip()) if q}
    haystack = set().union(*(forms(n) for n in names))
    return any(q in h for q in wanted for h in haystack)


def closest(candidates: tuple[Candidate, ...], query: str, n: int = 3) -> list[str]:
    """Names that look like `query` (whole names or single name parts), best first."""
    import difflib

    keyed: dict[str, str] = {}
    for candidate in candidates:
        for name in _names(candidate):
            for part in [name, *name.replace("-", " ").split()]:
                for form in forms(part):
                    keyed.setdefault(form, candidate.name)
    target = min(forms(query.strip()), key=len)
    matches = difflib.get_close_matches(target, list(keyed), n=10, cutoff=0.5)
    out: list[str] = []
    for match in matches:
        if keyed[match] not in out:
            out.append(keyed[match])
    return out[:n]

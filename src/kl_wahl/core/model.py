"""The election model: immutable, typed, and free of I/O.

Everything the tool shows comes from these objects, which `store/load.py` builds from TOML. Keeping the
model immutable means a loaded election can be shared by every renderer and exporter without anyone
changing a figure behind another's back. They are `Record`s (`base/record.py`: typing.NamedTuple to the
type checker, a tuple class built without code generation at run time) rather than frozen
dataclasses: on Python 3.10/3.11 each frozen dataclass compiles six methods at import, which
cost every command about 12 ms. Copies with changes use `._replace`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ..base.record import Record
from .problems import Msg

Lang = Literal["en", "de"]
LANGS: tuple[Lang, ...] = ("en", "de")


class Localized(Record):
    """A text in English and German; a data file may give one string for both."""

    en: str
    de: str

    def get(self, lang: Lang) -> str:
        return self.de if lang == "de" else self.en


class Source(Record):
    id: str
    url: str
    publisher: str
    title: str | None = None
    published: date | None = None
    note: str | None = None


class Figure(Record):
    """A number with the sources behind it; `derived` marks values computed from other figures."""

    value: int | float
    sources: tuple[str, ...]
    derived: bool = False
    note: Localized | None = None
    preliminary: bool = False
    """an election-night figure standing in a round whose votes are official"""


class Fact(Record):
    """A sourced sentence, such as a profile fact or a note on a round."""

    text: Localized
    sources: tuple[str, ...]
    derived: bool = False
    known_from: datetime | None = None
    """the moment from which the fact held or was known (e.g. an outcome); hidden before it"""


class Dated(Record):
    """A sourced moment, such as the admission of the candidates or the official result."""

    at: datetime
    sources: tuple[str, ...]
    derived: bool = False


class Window(Record):
    """A span known only to the month, e.g. when the next election must take place."""

    start: tuple[int, int]
    """(year, month)"""
    end: tuple[int, int]
    sources: tuple[str, ...]
    derived: bool = False
    note: Localized | None = None


class PastResult(Record):
    name: str
    share: float
    votes: int | None = None
    elected: bool = False
    party: str | None = None


class PastElection(Record):
    """An earlier election, for context and comparison (not a part of this election's model)."""

    day: date
    label: Localized
    results: tuple[PastResult, ...]
    sources: tuple[str, ...]
    turnout: float | None = None
    eligible: int | None = None
    status: Status | None = None
    """preliminary where only the election-night result is sourced"""


class Candidate(Record):
    id: str
    name: str
    party: Localized | None
    """None where no source names a party (e.g. a result file that gives only names)"""
    sources: tuple[str, ...]
    variants: tuple[str, ...] = ()
    age: Figure | None = None
    facts: tuple[Fact, ...] = ()
    ballot_position: int | None = None
    color: str | None = None
    """'#d60029': the colour the result presentation gives the candidate (`import` takes it
    from votemanager's result data); the chart uses it where it stands out from white"""


class Result(Record):
    candidate: str
    votes: int
    share: float | None = None
    """The share in percent as published; None when only the votes are sourced."""


class Preliminary(Record):
    """Election-night shares, kept beside the official result and always labelled preliminary."""

    shares: tuple[tuple[str, float], ...]
    sources: tuple[str, ...]


Outcome = Literal["elected", "runoff", "eliminated", "lost", "open"]
"""open: the count is still partial, nothing is decided yet"""
RoundKind = Literal["main", "runoff"]
Status = Literal["counting", "partial", "preliminary", "official"]
"""counting: the polls have closed, no complete result is known yet; partial: an imported count
with districts still missing"""
DistrictKind = Literal["polling", "postal"]


class District(Record):
    """One area of an official result file (a polling-station or a postal district)."""

    number: str
    """the area number as published (a string: '0111' and '111' are different districts)"""
    name: str
    kind: DistrictKind
    expected: int
    """quick reports expected (max-schnellmeldungen)"""
    received: int
    eligible: int | None
    voters: int | None
    invalid: int | None
    valid: int | None
    votes: tuple[tuple[int, int], ...]
    """(ballot position, votes); empty until the district has figures"""

    @property
    def counted(self) -> bool:
        """Reported with figures: an empty row (or anz = max without numbers) is not counted."""
        return self.received >= self.expected and self.valid is not None

    @property
    def keys(self) -> tuple[str, ...]:
        """How the district is found in another file or round: by number, else by name."""
        return tuple(k for k in (self.number, self.name.casefold().strip()) if k)


class Count(Record):
    """An imported district count joined into a round (`results/join.py`): what the official
    result file said at one moment, and how complete it was."""

    districts: tuple[District, ...]
    candidates: tuple[tuple[int, str], ...]
    """(ballot position, candidate id) of the file's vote columns"""
    source: str
    """the id of the import's entry in `Election.sources`"""
    at: datetime
    """the snapshot's time: the server's Last-Modified where it sent one, else the fetch time"""
    warnings: tuple[Msg, ...] = ()
    """failed plausibility checks of the import, as catalog messages"""
    register: int | None = None
    """eligible voters of the whole area from the file's register row, where it has one"""
    stands: bool = False
    """True where the round has sourced figures of its own: they stand, the count is compared"""

    @property
    def counted(self) -> int:
        return sum(1 for d in self.districts if d.counted)

    @property
    def expected(self) -> int:
        return len(self.districts)

    @property
    def complete(self) -> bool:
        return bool(self.districts) and self.counted == self.expected

    def missing(self, kind: DistrictKind) -> int:
        """Districts of `kind` not yet counted."""
        return sum(1 for d in self.districts if d.kind == kind and not d.counted)


class Round(Record):
    number: int
    kind: RoundKind
    label: Localized
    polls_open: datetime
    polls_close: datetime
    sources: tuple[str, ...]
    status: Status | None = None
    eligible: Figure | None = None
    voters: Figure | None = None
    valid: Figure | None = None
    invalid: Figure | None = None
    turnout: Figure | None = None
    results: tuple[Result, ...] = ()
    results_sources: tuple[str, ...] = ()
    preliminary: Preliminary | None = None
    short_label: Localized | None = None
    notes: tuple[Fact, ...] = ()
    results_page: str | None = None
    """the municipality's own results page for this round"""
    official_from: Dated | None = None
    """when the official result was determined; before it the round shows what was published on
    election night (preliminary shares) and says so"""
    preliminary_from: Dated | None = None
    """when the complete election-night result was known (the earliest source that has it);
    between the polls closing and then the round is being counted and shows no figures"""
    tally: Count | None = None
    """the imported district count, where one is stored (joined in by `results/join.py`)"""

    @property
    def day(self) -> date:
        return self.polls_open.date()


Precision = Literal["datetime", "date", "month", "unknown"]


class When(Record):
    """When an event happens, as precisely as the sources say and no more.

    `start` is set for precision "datetime" (aware) and "date" (midnight local, aware);
    "month" keeps only `year`/`month`; "unknown" may carry `before`, a date it preceded.
    """

    precision: Precision
    start: datetime | None = None
    end: datetime | None = None
    year: int | None = None
    month: int | None = None
    before: date | None = None


class Event(Record):
    id: str
    title: Localized
    when: When
    sources: tuple[str, ...]
    kind: str = "event"
    place: str | None = None
    participants: tuple[str, ...] = ()
    date_derived: bool = False
    note: Localized | None = None
    round: int | None = None
    known_from: datetime | None = None
    """hidden before this moment (e.g. an appointment that no one could know of earlier)"""
    neutral_title: Localized | None = None
    neutral_until: datetime | None = None
    """before this moment the neutral title is shown, so a what-if never reveals an outcome"""


class Person(Record):
    name: str
    party: str | None
    sources: tuple[str, ...]
    facts: tuple[Fact, ...] = ()
    variants: tuple[str, ...] = ()
    """other spellings that find this person (`candidate weichel`)"""


class Term(Record):
    start: date
    end: date | None
    years: int | None
    sources: tuple[str, ...]
    end_derived: bool = False


class Election(Record):
    id: str
    title: Localized
    short_label: Localized
    office: Localized
    municipality: str
    timezone: str
    sources: tuple[Source, ...]
    candidates: tuple[Candidate, ...]
    rounds: tuple[Round, ...] = ()
    events: tuple[Event, ...] = ()
    notes: tuple[Fact, ...] = ()
    outgoing: Person | None = None
    term: Term | None = None
    origin: str = "bundled"
    path: str = ""
    overrides_bundled: bool = False
    candidates_admitted: Dated | None = None
    """when the candidates were admitted; before it no candidate is shown"""
    next_election: Window | None = None
    past_elections: tuple[PastElection, ...] = ()

    def candidate(self, candidate_id: str) -> Candidate | None:
        return next((c for c in self.candidates if c.id == candidate_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def voting_label(self, rnd: Round) -> Localized:
        """The short name of a voting day ("OB-Stichwahl"), else the election's ("OB-Wahl")."""
        return rnd.short_label or self.short_label

"""The bundled 2023 data: valid, complete, and equal to the fact sheet's figures."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kl_wahl.core.model import Election
from kl_wahl.core.standings import standings, winner
from kl_wahl.store.load import load_file
from kl_wahl.store.paths import bundled_dir

from .conftest import REPO, SEVEN_CANDIDATES

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="module")
def ob2023() -> Election:
    result = load_file(bundled_dir() / "ob-2023.toml")
    assert result.problems == ()
    assert result.election is not None
    return result.election


def test_installed_data_is_the_repository_data() -> None:
    """The wheel ships the same files as data/ (no stale copy)."""
    repo_files = {p.name: p.read_bytes() for p in (REPO / "data").glob("*.toml")}
    shipped = {p.name: p.read_bytes() for p in bundled_dir().glob("*.toml")}
    assert shipped == repo_files


def test_seven_candidates_with_correct_names(ob2023: Election) -> None:
    names = [c.name for c in ob2023.candidates]
    assert tuple(names) == SEVEN_CANDIDATES
    parties = {c.id: c.party.de for c in ob2023.candidates}
    assert parties["kimmel"] == "SPD"
    assert parties["pfeiffer"] == "CDU"
    assert parties["wiesemann"] == "Bündnis 90/Die Grünen"
    assert parties["rocholl"] == "dieBasis"
    kuerwitz = ob2023.candidate("kuerwitz")
    assert kuerwitz is not None and "FDP and Freie Wähler" in kuerwitz.party.en


def test_no_ballot_order_is_invented(ob2023: Election) -> None:
    assert all(c.ballot_position is None for c in ob2023.candidates)


def test_ages_follow_the_conflict_notes(ob2023: Election) -> None:
    ages = {c.id: c.age.value if c.age else None for c in ob2023.candidates}
    assert ages == {
        "kimmel": 54,
        "pfeiffer": None,  # uncertain: left out
        "kuerwitz": 57,
        "wiesemann": None,  # unknown on election day
        "welsh-schied": None,
        "rocholl": 55,
        "karanikas": 51,
    }


def test_spelling_variants_are_data(ob2023: Election) -> None:
    welsh = ob2023.candidate("welsh-schied")
    assert welsh is not None
    assert "Katharina Welsch-Schied" in welsh.variants


def test_first_round_official_figures(ob2023: Election) -> None:
    rnd = ob2023.rounds[0]
    assert rnd.kind == "main"
    assert rnd.polls_open == datetime(2023, 2, 12, 8, 0, tzinfo=BERLIN)
    assert rnd.polls_close == datetime(2023, 2, 12, 18, 0, tzinfo=BERLIN)
    assert rnd.status == "official"
    votes = {r.candidate: r.votes for r in rnd.results}
    assert votes == {
        "kimmel": 9299,
        "pfeiffer": 5038,
        "kuerwitz": 5008,
        "wiesemann": 4814,
        "welsh-schied": 615,
        "rocholl": 361,
        "karanikas": 320,
    }
    assert rnd.eligible and rnd.eligible.value == 72924 and not rnd.eligible.derived
    assert rnd.voters and rnd.voters.value == 25649 and not rnd.voters.derived
    assert rnd.valid and rnd.valid.value == 25455 and rnd.valid.derived
    assert rnd.invalid and rnd.invalid.value == 194 and rnd.invalid.derived
    assert rnd.turnout and rnd.turnout.value == 35.17
    shares = [round(st.share, 2) for st in standings(ob2023, rnd)]
    assert shares == [36.53, 19.79, 19.67, 18.91, 2.42, 1.42, 1.26]
    assert all(st.share_derived for st in standings(ob2023, rnd))
    assert rnd.preliminary is not None
    assert dict(rnd.preliminary.shares)["kimmel"] == 36.50


def test_runoff_figures(ob2023: Election) -> None:
    rnd = ob2023.rounds[1]
    assert rnd.kind == "runoff"
    assert rnd.day.isoformat() == "2023-02-26"
    assert rnd.status == "preliminary"
    assert {r.candidate: (r.votes, r.share) for r in rnd.results} == {
        "kimmel": (12289, 62.26),
        "pfeiffer": (7450, 37.74),
    }
    assert rnd.eligible and rnd.eligible.value == 73232
    assert rnd.voters and rnd.voters.value == 20132
    assert rnd.turnout and rnd.turnout.value == 27.49
    assert rnd.valid and (rnd.valid.value, rnd.valid.derived) == (19739, True)
    assert rnd.invalid and (rnd.invalid.value, rnd.invalid.derived) == (393, True)


def test_outcome(ob2023: Election) -> None:
    first = standings(ob2023, ob2023.rounds[0])
    assert [st.outcome for st in first[:3]] == ["runoff", "runoff", "eliminated"]
    assert first[1].votes - first[2].votes == 30  # Pfeiffer ahead of Kürwitz
    won = winner(ob2023)
    assert won is not None and won[0].candidate.name == "Beate Kimmel"


def test_outgoing_mayor_is_klaus_not_claus(ob2023: Election) -> None:
    assert ob2023.outgoing is not None
    assert ob2023.outgoing.name == "Dr. Klaus Weichel"
    raw = (bundled_dir() / "ob-2023.toml").read_text(encoding="utf-8")
    assert "Claus" not in raw


def test_term_and_office_dates(ob2023: Election) -> None:
    assert ob2023.term is not None
    assert ob2023.term.start.isoformat() == "2023-09-01"
    assert ob2023.term.end is not None and ob2023.term.end.isoformat() == "2031-08-31"
    assert ob2023.term.end_derived
    events = {e.id: e for e in ob2023.events}
    assert events["start-of-office"].when.start is not None
    assert events["start-of-office"].when.start.date().isoformat() == "2023-09-01"
    assert events["handover"].date_derived
    assert events["appointment"].date_derived
    interviews = events["herzlich-digital-interviews"]
    assert interviews.when.precision == "unknown"  # no date found: none invented
    assert len(interviews.participants) == 6 and "welsh-schied" not in interviews.participants
    podium = events["podium-rheinpfalz"]
    assert podium.when.start == datetime(2023, 1, 18, 18, 30, tzinfo=BERLIN)
    assert "welsh-schied" not in podium.participants


def test_every_fact_is_sourced(ob2023: Election) -> None:
    for c in ob2023.candidates:
        assert c.sources
        assert all(f.sources for f in c.facts)
    for rnd in ob2023.rounds:
        assert rnd.sources and rnd.results_sources
    assert all(ev.sources for ev in ob2023.events)
    assert all(s.url.startswith(("https://", "http://")) for s in ob2023.sources)


def test_no_next_election_date_is_presented(ob2023: Election) -> None:
    """The fact sheet: no date for the next election is set; never present one as scheduled."""
    assert [r.day.year for r in ob2023.rounds] == [2023, 2023]
    assert all(Path(p).name == "ob-2023.toml" for p in map(str, bundled_dir().glob("*.toml")))


def test_record_classes_behave_like_named_tuples() -> None:
    """The model's light tuple classes (record.py) keep the NamedTuple behaviour we rely on."""
    import pickle

    from kl_wahl.core.model import Figure, Localized

    fig = Figure(value=3, sources=("S1",))
    assert fig == Figure(3, ("S1",), False, None) and fig.derived is False
    assert fig._replace(derived=True).derived is True and fig.derived is False
    assert pickle.loads(pickle.dumps(fig)) == fig
    assert Localized("a", "b").get("de") == "b"
    assert fig._asdict() == {
        "value": 3,
        "sources": ("S1",),
        "derived": False,
        "note": None,
        "preliminary": False,
    }
    with pytest.raises(ValueError):
        fig._replace(nope=1)
    with pytest.raises(TypeError):
        Figure(1)  # a required field is missing
    with pytest.raises(AttributeError):
        fig.value = 4  # type: ignore[misc]

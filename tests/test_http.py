"""HTTP that stays where the user pointed and never hangs: redirects only on the same host, a
deadline for the whole request, server waits capped, header numbers read defensively, and an
unchanged source costs one conditional request and no bytes on disk. Loopback servers only."""

from __future__ import annotations

from pathlib import Path

import pytest

from kl_wahl.results import fetch
from kl_wahl.results.poll import MAX_SERVER_WAIT, next_delay

from .conftest import FIXTURES, Script, Serve, run

COMPLETE = (FIXTURES / "results" / "synthetic-8-of-8.csv").read_bytes()
NAMES = ["--map", "D1=Gert-Uwe Mende", "--map", "D2=Thomas Hoppe"]


def _import(url: str) -> tuple[int, str]:
    result = run("import", url, "-e", "wi", *NAMES)
    return result.code, result.err


def test_a_redirect_on_the_same_host_is_followed(serve: Serve) -> None:
    script = Script([("ok", COMPLETE)])
    target = serve(script)
    hop = serve(Script([("redirect", target.encode())]))
    assert hop.split(":")[1] == target.split(":")[1]  # both 127.0.0.1, other ports
    code, err = _import(hop)
    assert (
        code == 1 and f"redirected to {target}, another site: not followed" in err
    )  # port differs
    same = Script([("redirect", b"/other.csv"), ("ok", COMPLETE)])
    url = serve(same)
    code, err = _import(url)
    assert code == 0, err
    assert same.served == ["redirect", "ok"]


@pytest.mark.parametrize("target", ["http://127.0.0.2:{port}/x.csv", "ftp://127.0.0.1/x.csv"])
def test_redirects_off_the_host_are_refused_and_named(serve: Serve, target: str) -> None:
    other = serve(Script([("ok", COMPLETE)]), "127.0.0.2")
    location = target.format(port=other.rsplit(":", 1)[1].split("/")[0])
    code, err = _import(serve(Script([("redirect", location.encode())])))
    assert code == 1 and f"redirected to {location}, another site: not followed" in err
    assert err.count("\n") == 1


def test_a_trickling_server_meets_the_deadline(
    serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch, "DEADLINE", 1)
    code, err = _import(serve(Script([("trickle", COMPLETE)])))
    assert code == 1 and "the whole file took longer than 1 s" in err


def test_header_numbers_are_read_defensively() -> None:
    assert fetch.seconds("²") is None and fetch.seconds("1" * 31) is None
    assert fetch.seconds("max-age=60, public", "max-age=") == 60
    assert fetch.http_date("not a date") is None
    assert next_delay(60, 0, 86400, None, lambda: 0.5) == MAX_SERVER_WAIT
    assert next_delay(60, 1, None, 1e30, lambda: 0.5) == MAX_SERVER_WAIT


@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "-5", "100000"])
def test_bad_intervals_are_refused(value: str) -> None:
    result = run("watch", "http://127.0.0.1:9/x.csv", "-e", "x", "--interval", value)
    assert result.code == 2 and "--interval" in result.err


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:port/x.csv"])
def test_a_malformed_address_is_one_line(url: str) -> None:
    for args in (["import", url, "-e", "x"], ["watch", url, "-e", "x", "--once"]):
        result = run(*args)
        assert result.code == 2 and "is not a usable address" in result.err


def test_an_unchanged_source_costs_one_conditional_request(serve: Serve, isolated: Path) -> None:
    script = Script([("etag", COMPLETE)])
    url = serve(script)
    assert _import(url)[0] == 0
    folder = isolated / "data" / "kl-wahl" / "results" / "wi"
    before = sorted(p.name for p in (folder / "archive").iterdir())
    code, err = _import(url)
    assert code == 0 and "unchanged since the last import; nothing written" in err
    assert script.conditional == [False, True]  # the second request asked If-None-Match
    assert sorted(p.name for p in (folder / "archive").iterdir()) == before
    once = run("watch", url, "-e", "wi", "--once", "--format", "json")
    assert once.code == 0 and '"counted": 8' in once.out  # the stored state, from a 304
    assert script.conditional == [False, True, True]


def test_a_new_map_for_the_same_source_asks_unconditionally(serve: Serve) -> None:
    script = Script([("etag", COMPLETE)])
    url = serve(script)
    assert _import(url)[0] == 0
    swapped = run(
        "import", url, "-e", "wi", "--map", "D1=thomas-hoppe", "--map", "D2=gert-uwe-mende"
    )
    assert swapped.code == 0 and "unchanged" not in swapped.err
    assert script.conditional == [False, False]  # a 304 would have kept the old mapping

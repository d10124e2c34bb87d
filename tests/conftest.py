"""Shared test setup: every test runs with its own XDG directories and a neutral environment.

Nothing here reads today's date: commands that depend on "now" get `--at`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kl_wahl.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SEVEN_CANDIDATES = (
    "Beate Kimmel",
    "Anja Pfeiffer",
    "Thomas Kürwitz",
    "Tobias Wiesemann",
    "Katharina Welsh-Schied",
    "Rainer Rocholl",
    "Evangelos Karanikas",
)
LOCALE_VARS = ("LANG", "LC_ALL", "LC_MESSAGES", "KL_WAHL_LANG", "NO_COLOR", "FORCE_COLOR", "TERM")


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Private XDG data/config/cache directories, English, no colour settings, width 100."""
    home = tmp_path / "home"
    for sub in ("data", "config", "cache"):
        (home / sub).mkdir(parents=True)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    for name in LOCALE_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    yield home


@pytest.fixture
def user_elections(isolated: Path) -> Path:
    path = isolated / "data" / "kl-wahl" / "elections"
    path.mkdir(parents=True)
    return path


@pytest.fixture
def config_file(isolated: Path) -> Path:
    path = isolated / "config" / "kl-wahl" / "config.toml"
    path.parent.mkdir(parents=True)
    return path


class Run:
    """CliRunner result with stdout and stderr kept apart."""

    def __init__(self, args: list[str], env: dict[str, str] | None = None) -> None:
        result = CliRunner().invoke(app, args, env=env)
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception


def run(*args: str, env: dict[str, str] | None = None) -> Run:
    return Run(list(args), env)


def tool(name: str) -> str | None:
    """A command from the test environment's own bin directory, else from PATH."""
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else shutil.which(name)


def entry_point() -> str:
    """The installed `kl-wahl` script of the environment running the tests."""
    found = tool("kl-wahl")
    assert found, "kl-wahl is not installed in this environment (pip install '.[test]')"
    return found


def run_installed(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [entry_point(), *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=60,
        check=False,
    )


class Script:
    """The server's answers, one per request; the last one repeats."""

    def __init__(
        self, steps: list[tuple[str, bytes]] | list[tuple[str, bytes, dict[str, str]]]
    ) -> None:
        self.steps = steps
        self.served: list[str] = []
        self.conditional: list[bool] = []

    def next(self) -> tuple[str, bytes, dict[str, str]]:
        step = self.steps[min(len(self.served), len(self.steps) - 1)]
        self.served.append(step[0])
        return (step[0], step[1], step[2] if len(step) > 2 else {})  # type: ignore[misc]


def _handler(script: Script) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            script.conditional.append("If-None-Match" in self.headers)
            kind, body, headers = script.next()
            if kind == "drop":
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if kind == "500":
                self.send_error(500)
                return
            if kind == "304":
                self.send_response(304)
                self.end_headers()
                return
            if kind == "redirect":  # body: the Location
                self.send_response(302)
                self.send_header("Location", body.decode())
                self.end_headers()
                return
            if kind == "etag" and self.headers.get("If-None-Match") == '"stable"':
                self.send_response(304)
                self.end_headers()
                return
            if kind == "trickle":  # a byte every 0.2 s, at most 40 (8 s), for the deadline
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):
                    for byte in body[:40]:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(0.2)
                return
            self.send_response(200)
            self.send_header("ETag", '"stable"' if kind == "etag" else f'"{len(script.served)}"')
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body[: len(body) // 2] if kind == "truncated" else body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


Serve = Callable[..., str]
"""serve(script, host="127.0.0.1") -> the URL of a scripted server on that loopback address"""


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Start a scripted HTTP server on 127.0.0.1 (stopped after the test); returns its URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(script: Script, host: str = "127.0.0.1") -> str:
        server = ThreadingHTTPServer((host, 0), _handler(script))
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return f"http://{host}:{server.server_address[1]}/Open-Data.csv"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class Tree:
    """A votemanager installation on loopback: files of a folder as the server has them (no
    directory listings: 403, like the real ones), `files` replacing or adding some (a count in
    progress); `asked` records every path requested."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, bytes] = {}
        self.asked: list[str] = []
        self.url = ""


@pytest.fixture
def serve_tree() -> Iterator[Callable[[Path], Tree]]:
    servers: list[ThreadingHTTPServer] = []

    def start(root: Path) -> Tree:
        tree = Tree(root)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                from urllib.parse import unquote, urlsplit

                path = unquote(urlsplit(self.path).path)
                tree.asked.append(path)
                relative = path.lstrip("/")
                target = (tree.root / relative).resolve()
                if relative in tree.files:
                    body = tree.files[relative]
                elif target.is_file() and tree.root.resolve() in target.parents:
                    body = target.read_bytes()
                else:
                    self.send_error(403 if target.is_dir() else 404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        tree.url = f"http://127.0.0.1:{server.server_address[1]}/"
        return tree

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()

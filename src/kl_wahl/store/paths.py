"""Where kl-wahl finds bundled data and keeps user files, config and its prompt cache."""

from __future__ import annotations

import os
from pathlib import Path

from ..base.xdg import APP, app_dir

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # kl_wahl/


def bundled_dir(package_dir: Path = PACKAGE_DIR) -> Path:
    """The election files shipped with kl-wahl.

    A wheel carries them inside the package (`kl_wahl/data`, copied from the repository's `data/`).
    An editable install (`pip install -e .`) runs the code from `src/kl_wahl`, where there is no
    copy: then the repository's own `data/` is used, so edits to it show at once.
    """
    inside = package_dir / "data"
    if inside.is_dir():
        return inside
    checkout = package_dir.parent.parent / "data"
    return checkout if checkout.is_dir() else inside


def _user_dir(kind: str) -> Path:
    """platformdirs' answer; on Linux and BSD computed from the XDG variables directly (`xdg`),
    which is what platformdirs does there too, without the cost of importing it on every run."""
    found = app_dir(kind, os.environ)
    if found is None:
        import platformdirs

        find = {
            "data": platformdirs.user_data_dir,
            "config": platformdirs.user_config_dir,
            "cache": platformdirs.user_cache_dir,
        }[kind]
        return Path(find(APP, appauthor=False))
    return Path(found)


def user_data_dir() -> Path:
    return _user_dir("data")


def user_elections_dir() -> Path:
    return user_data_dir() / "elections"


def config_path() -> Path:
    return _user_dir("config") / "config.toml"


def cache_dir() -> Path:
    return _user_dir("cache")


def results_dir() -> Path:
    """Imported official results, one directory per election (`results.store`)."""
    return user_data_dir() / "results"

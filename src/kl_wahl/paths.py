"""Where kl-wahl finds bundled data and keeps user files, config and its prompt cache."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "kl-wahl"


PACKAGE_DIR = Path(__file__).resolve().parent


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


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def user_elections_dir() -> Path:
    return user_data_dir() / "elections"


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml"


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))

"""Where kl-wahl finds bundled data and keeps user files, config and its prompt cache."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "kl-wahl"


def bundled_dir() -> Path:
    """The election files shipped inside the package (copied from the repo's `data/`)."""
    return Path(__file__).resolve().parent / "data"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def user_elections_dir() -> Path:
    return user_data_dir() / "elections"


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml"


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))

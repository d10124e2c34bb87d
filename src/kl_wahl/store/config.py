"""The optional user config file: default election, language and prompt templates.

A broken config must never stop the tool, so problems come back as warnings next to defaults.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..base.language import as_lang
from ..base.promptline import unknown_placeholders
from ..base.record import Record
from ..base.snapfile import read_regular
from ..base.textrules import ID_PATTERN, clean_text

KEYS = ("election", "lang", "prompt_format", "prompt_past_format")
MAX_BYTES = 1_000_000
"""a config is a few lines; a larger file is not read"""


class Config(Record):
    election: str | None = None
    lang: str | None = None
    prompt_format: str | None = None
    prompt_past_format: str | None = None


def load_config(path: Path) -> tuple[Config, list[str]]:
    """Read the config; returns defaults and one warning line per problem instead of failing."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Config(), []
    except OSError as exc:
        return Config(), [f"{path}: cannot read config ({exc.strerror or exc}); using defaults"]
    raw = read_regular(str(path), MAX_BYTES)
    if raw is None:
        reason = "larger than 1 MB" if size > MAX_BYTES else "not a regular file"
        return Config(), [f"{path}: cannot read config ({reason}); using defaults"]
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Config(), [f"{path}: config is not valid UTF-8; using defaults"]
    except tomllib.TOMLDecodeError as exc:
        return Config(), [f"{path}: config is not valid TOML ({exc}); using defaults"]
    except (ValueError, OverflowError, RecursionError) as exc:  # 100,000 deep, 5,000 digits
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return Config(), [f"{path}: config cannot be read ({reason}); using defaults"]
    warnings: list[str] = []
    values: dict[str, str] = {}
    for key, value in doc.items():
        if key not in KEYS:
            warnings.append(
                f"{path}: unknown config key '{key}' is ignored (known: {', '.join(KEYS)})"
            )
        elif not isinstance(value, str):
            warnings.append(f"{path}: {key}: expected a string; ignored")
        else:
            values[key] = clean_text(value)
    if "lang" in values and as_lang(values["lang"]) is None:
        warnings.append(f"{path}: lang: expected 'en' or 'de', got '{values.pop('lang')}'; ignored")
    if "election" in values and not ID_PATTERN.match(values["election"]):
        warnings.append(
            f"{path}: election: '{values.pop('election')}' is not an election id; ignored"
        )
    for key in ("prompt_format", "prompt_past_format"):
        unknown = unknown_placeholders(values.get(key, ""))
        if unknown:
            del values[key]
            warnings.append(f"{path}: {key}: unknown placeholder {{{unknown[0]}}}; ignored")
    return Config(**values), warnings

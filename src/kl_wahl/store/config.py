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
from ..core.problems import Msg, msg

KEYS = ("election", "lang", "prompt_format", "prompt_past_format")
MAX_BYTES = 1_000_000
"""a config is a few lines; a larger file is not read"""


class Config(Record):
    election: str | None = None
    lang: str | None = None
    prompt_format: str | None = None
    prompt_past_format: str | None = None


def load_config(path: Path) -> tuple[Config, list[Msg]]:
    """Read the config; returns defaults and one warning per problem instead of failing."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Config(), []
    except OSError as exc:
        return Config(), [msg("config_unreadable", path=path, reason=exc.strerror or str(exc))]
    raw = read_regular(str(path), MAX_BYTES)
    if raw is None:
        reason = msg("larger_than_mb", n=1) if size > MAX_BYTES else msg("not_regular")
        return Config(), [msg("config_unreadable", path=path, reason=reason)]
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Config(), [msg("config_not_utf8", path=path)]
    except tomllib.TOMLDecodeError as exc:
        return Config(), [msg("config_not_toml", path=path, reason=str(exc))]
    except (ValueError, OverflowError, RecursionError) as exc:  # 100,000 deep, 5,000 digits
        why = msg("toml_deep") if isinstance(exc, RecursionError) else str(exc)
        return Config(), [msg("config_unreadable", path=path, reason=why)]
    warnings: list[Msg] = []
    values: dict[str, str] = {}
    for key, value in doc.items():
        if key not in KEYS:
            warnings.append(msg("config_unknown_key", path=path, key=key, known=", ".join(KEYS)))
        elif not isinstance(value, str):
            warnings.append(msg("config_not_string", path=path, key=key))
        else:
            values[key] = clean_text(value)
    if "lang" in values and as_lang(values["lang"]) is None:
        warnings.append(msg("config_bad_lang", path=path, value=values.pop("lang")))
    if "election" in values and not ID_PATTERN.match(values["election"]):
        warnings.append(msg("config_bad_election", path=path, value=values.pop("election")))
    for key in ("prompt_format", "prompt_past_format"):
        unknown = unknown_placeholders(values.get(key, ""))
        if unknown:
            del values[key]
            warnings.append(msg("config_placeholder", path=path, key=key, name=unknown[0]))
    return Config(**values), warnings

"""Which language to speak: --lang, then KL_WAHL_LANG, then the config file, then the locale.

Standard library only: the prompt fast path imports this too. The locale is read from the
environment variables alone; `locale.setlocale` would be process-global and depend on which
locales happen to be installed.
"""

from __future__ import annotations

from .environ import ENV_LANG, LOCALE_ENV

TYPE_CHECKING = False  # typing costs milliseconds that the prompt fast path does not have
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Literal

    Lang = Literal["en", "de"]
else:
    Lang = str


def as_lang(value: str | None) -> Lang | None:
    """'de', 'DE', 'de_DE.UTF-8' -> 'de'; 'en…' -> 'en'; anything else -> None."""
    if not value:
        return None
    head = value.strip().lower()[:2]
    if head == "de":
        return "de"
    if head == "en":
        return "en"
    return None


def resolve_language(flag: str | None, env: Mapping[str, str], config_lang: str | None) -> Lang:
    for explicit in (flag, env.get(ENV_LANG), config_lang):
        lang = as_lang(explicit)
        if lang:
            return lang
    for name in LOCALE_ENV:
        value = env.get(name)
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"

"""Every environment variable kl-wahl reads, named once (standard library only: the prompt
fast path imports this). The option a variable stands in for names it in its `--help`."""

ENV_LANG = "KL_WAHL_LANG"
"""the language, as --lang (en or de)"""
ENV_NOW = "KL_WAHL_NOW"
"""'now' for the prompt and for tests of the installed command, as --at"""
LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")
"""the locale, POSIX precedence: the first that is set and non-empty decides the language"""
XDG_ENV = {"data": "XDG_DATA_HOME", "config": "XDG_CONFIG_HOME", "cache": "XDG_CACHE_HOME"}
"""where user elections, imports, the config and the caches live (Linux and BSD)"""
HOME_ENV = ("HOME", "APPDATA", "LOCALAPPDATA")
"""the home and application folders the XDG defaults and platformdirs start from"""
COLUMNS = "COLUMNS"
"""the terminal width for tables and the prompt, where the terminal does not say"""
NO_COLOR = "NO_COLOR"
"""no colour on a terminal, as --no-color (Rich reads it too)"""
FORCE_COLOR = "FORCE_COLOR"
"""colour and in-place views even when stdout is not a terminal (Rich reads it too)"""

LANGUAGE_ENV = (ENV_LANG, *LOCALE_ENV)
"""every variable that can change the language kl-wahl speaks"""
LOCATING_ENV = (HOME_ENV[0], XDG_ENV["data"], XDG_ENV["config"], *HOME_ENV[1:])
"""every variable that can move kl-wahl's files"""

"""Problems found in data files, phrased so that a person can find and fix them."""

from __future__ import annotations

from typing import Literal

from ..base.exitcodes import FAILURE
from ..base.language import Lang
from ..base.record import Record

Severity = Literal["error", "warning"]


class Msg(Record):
    """A message of the catalog and its values, said in a language only when shown: the pure
    modules (readers, checks, the result-file readers, the config) return these, never English
    sentences. A value may itself be a Msg; other values are data and are never translated."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: Lang) -> str:
        from ..i18n.catalog import t

        return t(lang, self.key, **{k: said(v, lang) for k, v in self.values})

    def __str__(self) -> str:
        return self.text("en")


class Number(Record):
    """A decimal number in a message: '36.50' in English, '36,50' in German."""

    value: float
    digits: int

    def text(self, lang: Lang) -> str:
        shown = f"{self.value:.{self.digits}f}"
        return shown.replace(".", ",") if lang == "de" else shown


def msg(key: str, /, **values: object) -> Msg:
    return Msg(key, tuple(values.items()))


def dump(m: Msg) -> dict[str, object]:
    """A message as JSON (the store keeps the warnings of an import so)."""

    def value(v: object) -> object:
        if isinstance(v, Msg):
            return {"msg": dump(v)}
        if isinstance(v, Number):
            return {"number": [v.value, v.digits]}
        return v if isinstance(v, (str, int, float)) or v is None else str(v)

    return {"key": m.key, "values": {k: value(v) for k, v in m.values}}


def undump(data: object) -> Msg:
    """A message from `dump`'s JSON; anything else (a 0.2.0 store's English line) verbatim."""
    if not isinstance(data, dict) or not isinstance(data.get("key"), str):
        return msg("verbatim", text=str(data))

    def value(v: object) -> object:
        if isinstance(v, dict) and "msg" in v:
            return undump(v["msg"])
        if isinstance(v, dict) and isinstance(v.get("number"), list) and len(v["number"]) == 2:
            return Number(float(v["number"][0]), int(v["number"][1]))
        return v

    values = data.get("values")
    pairs = values.items() if isinstance(values, dict) else ()
    return Msg(data["key"], tuple((str(k), value(v)) for k, v in pairs))


def said(value: object, lang: Lang) -> object:
    """A value as shown in `lang`: messages are said, data stays as it is."""
    return value.text(lang) if isinstance(value, (Msg, Number, Problem)) else value


class Problem(Record):
    """One finding: where (file, then TOML line/column or key path) and what is wrong."""

    file: str
    message: Msg
    key: str = ""
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"

    def text(self, lang: Lang) -> str:
        """The problem in `lang`: only the message is translated; the file name, the position
        and the key path are data and stay as they are."""
        from ..i18n.catalog import t

        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = t(lang, "warning_prefix") if self.severity == "warning" else ""
        key = f"{self.key}: " if self.key else ""
        return f"{where}: {prefix}{key}{self.message.text(lang)}"

    def __str__(self) -> str:
        return self.text("en")


class UserError(Exception):
    """A failure caused by input or environment: shown as one message on stderr, no traceback.

    It names a message of `i18n.MESSAGES` and its values, so the CLI can say it in the user's
    language wherever it was raised; `message` is the English text (for logs and tests).
    """

    def __init__(
        self,
        key: str,
        *,
        exit_code: int = FAILURE,
        details: tuple[str | Msg, ...] = (),
        **values: object,
    ) -> None:
        self.key = key
        self.values = values
        self.exit_code = exit_code
        self.details = details
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.text("en")

    def text(self, lang: Lang) -> str:
        """The message in `lang`. Values are data and stay as they are — a file name is never
        translated — except messages (a Msg, a Problem), which are said in `lang`."""
        from ..i18n.catalog import t

        return t(lang, self.key, **{k: said(v, lang) for k, v in self.values.items()})

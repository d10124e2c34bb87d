"""Problems found in data files, phrased so that a person can find and fix them."""

from __future__ import annotations

from typing import Literal

from ..base.exitcodes import FAILURE
from ..base.language import Lang
from ..base.record import Record

Severity = Literal["error", "warning"]


class Problem(Record):
    """One finding: where (file, then TOML line/column or key path) and what is wrong."""

    file: str
    message: str
    key: str = ""
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"

    def text(self, lang: Lang) -> str:
        """The problem in `lang`: only the message is translated; the file name, the position
        and the key path are data and stay as they are."""
        from ..i18n.german import say

        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = say("warning: ", lang) if self.severity == "warning" else ""
        key = f"{self.key}: " if self.key else ""
        return f"{where}: {prefix}{key}{say(self.message, lang)}"

    def __str__(self) -> str:
        return self.text("en")


class UserError(Exception):
    """A failure caused by input or environment: shown as one message on stderr, no traceback.

    It names a message of `i18n.MESSAGES` and its values, so the CLI can say it in the user's
    language wherever it was raised; `message` is the English text (for logs and tests).
    """

    def __init__(
        self, key: str, *, exit_code: int = FAILURE, details: tuple[str, ...] = (), **values: object
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
        translated — except a Problem (its message is) and the `reason` a pure module phrased
        in English."""
        from ..i18n.catalog import t
        from ..i18n.german import say

        values = {
            k: v.text(lang)
            if isinstance(v, Problem)
            else say(v, lang)
            if k == "reason" and isinstance(v, str)
            else v
            for k, v in self.values.items()
        }
        return t(lang, self.key, **values)

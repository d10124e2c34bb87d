"""Problems found in data files, phrased so that a person can find and fix them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding: where (file, then TOML line/column or key path) and what is wrong."""

    file: str
    message: str
    key: str = ""
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = "warning: " if self.severity == "warning" else ""
        key = f"{self.key}: " if self.key else ""
        return f"{where}: {prefix}{key}{self.message}"


class UserError(Exception):
    """A failure caused by input or environment: shown as one message on stderr, no traceback."""

    def __init__(self, message: str, exit_code: int = 1, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.details = details

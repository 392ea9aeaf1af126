"""Reading typed fields from parsed TOML: every problem is recorded with its file and line
instead of stopping at the first, so an editor sees all of them at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partnerships.workflow.locate import TomlLocator
from partnerships.workflow.model import (
    LOCALES,
    Text,
)

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a workflow folder, located as precisely as we can."""

    file: Path
    message: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}: {self.message}"
        if self.key:
            return f"{self.file}: {self.key}: {self.message}"
        return f"{self.file}: {self.message}"


class FieldReader:
    """Reads strings, numbers, booleans, texts in every language and lists of tables from
    parsed TOML, recording a problem for each one that is missing, unknown or of the wrong
    kind."""

    def __init__(self, file: Path, text: str) -> None:
        self.file = file
        self.folder = file.parent
        self.locator = TomlLocator(text)
        self.problems: list[Problem] = []

    # -- reporting -------------------------------------------------------------------

    def problem(
        self, key: str, message: str, value: str | None = None, line: int | None = None
    ) -> None:
        """Record a problem at the line of its key (or value) so the editor lands on it."""
        if line is None:
            line = self.locator.line_for(key, value)
        self.problems.append(Problem(self.file, message, line=line, key=key or None))

    # -- primitive readers -----------------------------------------------------------

    def fields(
        self, data: Any, key: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """Report missing and unknown fields; a typo like 'titel' should not pass silently."""
        if not isinstance(data, dict):
            self.problem(key, f"{key} should be a table")
            return {}
        for name in required:
            if name not in data:
                where = f"in {key}" if key else "at the top of the file"
                self.problem(join(key, name), f"missing required field '{name}' {where}")
        for name in data:
            if name not in required and name not in optional:
                allowed = ", ".join(required + optional)
                self.problem(join(key, name), f"unknown field '{name}' (allowed here: {allowed})")
        return data

    def string(self, data: dict[str, Any], key: str, name: str, default: str | None = None) -> str:
        """Read a required or defaulted text field that must not be blank."""
        value = data.get(name, default)
        if value is None:
            return ""  # reported as missing by fields()
        if not isinstance(value, str) or not value.strip():
            self.problem(join(key, name), f"'{name}' should be a non-empty text")
            return ""
        return value.strip()

    def integer(
        self,
        data: dict[str, Any],
        key: str,
        name: str,
        minimum: int = 1,
        default: int | None = None,
    ) -> int:
        """Read a whole number such as a page, version or duration."""
        value = data.get(name, default)
        if value is None:
            return 0
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.problem(
                join(key, name), f"'{name}' should be a whole number of at least {minimum}"
            )
            return 0
        return value

    def boolean(
        self, data: dict[str, Any], key: str, name: str, default: bool | None = None
    ) -> bool:
        """Read a true/false flag such as assignable or uncertain."""
        value = data.get(name, default)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(join(key, name), f"'{name}' should be true or false")
            return False
        return value

    def text(self, data: dict[str, Any], key: str, name: str) -> Text:
        """Read a { nl, en } pair; both languages are required, Dutch first."""
        path = join(key, name)
        value = data.get(name)
        if value is None:
            return Text("", "")  # reported as missing by fields()
        if not isinstance(value, dict):
            self.problem(
                path,
                f'\'{name}\' should have a Dutch and an English text: {{ nl = "...", en = "..." }}',
            )
            return Text("", "")
        for extra in sorted(set(value) - set(LOCALES)):
            self.problem(
                join(path, extra), f"unknown language '{extra}' in '{name}' (use nl and en)"
            )
        texts = {}
        for locale in LOCALES:
            item = value.get(locale)
            if not isinstance(item, str) or not item.strip():
                language = "Dutch" if locale == "nl" else "English"
                self.problem(
                    join(path, locale),
                    f"missing translation: the {language} ({locale}) text of '{name}' is empty",
                )
                texts[locale] = ""
            else:
                texts[locale] = item.strip()
        return Text(**texts)

    def table_list(
        self, data: dict[str, Any], key: str, name: str, required: bool = True
    ) -> list[tuple[str, dict[str, Any]]]:
        """Read an array of tables with the key path of each element."""
        value = data.get(name)
        path = join(key, name)
        if value is None:
            return []
        if not isinstance(value, list) or (required and not value):
            self.problem(path, f"'{name}' should be a non-empty list of tables ([[{path}]])")
            return []
        return [(f"{path}[{i}]", item) for i, item in enumerate(value)]

    def unique(self, items: list[tuple[str, str]], what: str) -> None:
        """Report each code seen before, pointing at the line of the repeat."""
        seen: dict[str, int] = {}
        for key, code in items:
            if not code:
                continue
            seen[code] = seen.get(code, 0) + 1
            if seen[code] > 1:
                line = self.locator.line_for(key, code)
                self.problem(
                    key, f"duplicate {what} '{code}': each {what} must be declared once", line=line
                )


def join(key: str, name: str) -> str:
    """The dotted key path of a field inside the table at `key`."""
    return f"{key}.{name}" if key else name

"""Find the line of a key path in TOML text, so problems point an editor at the right line.

tomllib keeps no positions, so this reads the table headers itself. It understands the
plain TOML the workflow files use (bare keys, ``[table]`` and ``[[array]]`` headers), which
is all it needs: when it cannot tell, it answers None and the key path still says where.
"""

from __future__ import annotations

import re

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]")
_INDEX = re.compile(r"\[\d+\]$")


class TomlLocator:
    """Maps key paths such as ``steps[2].substeps[0].checks`` to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        # (first line, key path of the table that starts there), in file order.
        self.headers: list[tuple[int, str]] = [(1, "")]
        self._index_headers()

    def _index_headers(self) -> None:
        latest: dict[str, str] = {}  # dotted header name -> path of its newest element
        counts: dict[str, int] = {}
        for number, line in enumerate(self.lines, start=1):
            if match := _ARRAY_HEADER.match(line):
                parts = match.group(1).split(".")
                parent = self._resolve(parts[:-1], latest)
                array = f"{parent}.{parts[-1]}" if parent else parts[-1]
                index = counts.get(array, 0)
                counts[array] = index + 1
                name = match.group(1)
                for stale in [k for k in latest if k.startswith(name + ".")]:
                    del latest[stale]
                latest[name] = f"{array}[{index}]"
                self.headers.append((number, latest[name]))
            elif match := _TABLE_HEADER.match(line):
                self.headers.append((number, self._resolve(match.group(1).split("."), latest)))

    @staticmethod
    def _resolve(parts: list[str], latest: dict[str, str]) -> str:
        path = ""
        for i, part in enumerate(parts):
            dotted = ".".join(parts[: i + 1])
            path = latest.get(dotted) or (f"{path}.{part}" if path else part)
        return path

    def line_for(self, key_path: str, value: str | None = None) -> int | None:
        """Line of a key (or of a value inside it), else of its table header, else None."""
        best: tuple[int, int, str] | None = None  # (header index, line, path)
        for i, (line, path) in enumerate(self.headers):
            contains = path == key_path or key_path.startswith(path + ".") or not path
            if contains and (best is None or len(path) >= len(best[2])):
                best = (i, line, path)
        if best is None:
            return None
        index, start, table = best
        end = self.headers[index + 1][0] if index + 1 < len(self.headers) else len(self.lines) + 1
        rest = key_path[len(table) :].lstrip(".")
        key = _INDEX.sub("", rest.split(".")[0]) if rest else ""
        body = range(start, end)
        key_line = None
        if key:
            pattern = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
            key_line = next((n for n in body if pattern.match(self.lines[n - 1])), None)
        if value is not None:
            needle = f'"{value}"'
            after = key_line or start
            found = next((n for n in range(after, end) if needle in self.lines[n - 1]), None)
            if found is not None:
                return found
        if key_line is not None:
            return key_line
        return start if table else None

"""One rule for small numbers in everything that leaves the working group.

Figures shown to the board, to a supplier, through the API, on the public page or in an
export must not let anyone work out how many people (1 to 4) are in some group, because a
handful of people can be recognised. `suppress(table)` is that rule, and every figure that
leaves the group goes through it:

- primary suppression: a count from 1 to threshold-1 is shown as "<5"; 0 is shown (it
  reveals nobody);
- secondary suppression: when the cells of a table add up to a total that is shown, the
  hidden cells must not be derivable by subtraction. The next-smallest cells are hidden
  too (shown as "x") until no hidden cell has one possible value and the hidden cells
  together hold at least `threshold` people; if hiding every cell is not enough, the total
  is hidden as well (`Table.total_hidden`) and the caller must hide that total wherever
  else it appears;
- job units follow their people: a figure that stems from fewer than `threshold` people
  (banenafspraak jobs of three placements tell their hours) is hidden with them. Pass the
  number of people behind each figure as the cells and hide the figures whose keys come
  back in `Table.hidden` (see `hidden_with`).

How to use it for a new figure: put the people counts of one table (its rows, and the total
they add up to, if that total is shown anywhere) into `suppress({row: count}, total)`, show
`table.cells[row]` and `table.total` instead of the raw counts, and for a figure that is not
a count (hours, jobs, euros) pass the people it stems from and hide it when its key is in
`table.hidden`. A figure of one group on its own is `suppress({"x": n}).cells["x"]`.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

THRESHOLD = 5
# Shown for a cell hidden to protect another (it is not small itself); documented in the
# notes beside every suppressed table.
HIDDEN = "x"


def small_marker(threshold: int = THRESHOLD) -> str:
    return f"<{threshold}"


@dataclass(frozen=True)
class Table:
    """A table as it may be shown: cells and total are counts or markers."""

    cells: dict
    total: int | str | None
    hidden: frozenset  # keys of every hidden cell (small or protecting another)
    total_hidden: bool

    def shown(self, key):
        return self.cells[key]


def _range(key, hidden: set, values: Mapping, small: set, total: int, threshold: int):
    """What a reader can tell about a hidden cell from the markers and the total."""

    def low(k):
        return 1 if k in small else threshold

    def high(k):
        return threshold - 1 if k in small else None  # None: no upper bound

    rest = total - sum(v for k, v in values.items() if k not in hidden)
    others = [k for k in hidden if k != key]
    others_high = [high(k) for k in others]
    lowest = low(key)
    if None not in others_high:
        lowest = max(lowest, rest - sum(others_high))
    highest = rest - sum(low(k) for k in others)
    if high(key) is not None:
        highest = min(highest, high(key))
    return lowest, highest


def _leaks(hidden: set, values: Mapping, small: set, total: int, threshold: int) -> bool:
    if not hidden:
        return False
    if sum(values[k] for k in hidden) < threshold:
        return True  # "these groups together hold 3 people"
    return any(
        lowest == highest
        for lowest, highest in (_range(k, hidden, values, small, total, threshold) for k in hidden)
    )


def suppress(
    cells: Mapping[Hashable, int], total: int | None = None, *, threshold: int = THRESHOLD
) -> Table:
    """The table as it may leave the working group: small cells and their protectors hidden.

    `cells` are counts of people per row; `total` is what they add up to when that total
    is shown too (None when it is not shown, so nothing can be subtracted).
    """
    values = dict(cells)
    marker = small_marker(threshold)
    if any(v < 0 for v in values.values()):
        raise ValueError("a count cannot be negative")
    if total is not None and 0 < total < threshold:
        hidden = {k for k, v in values.items() if v > 0}
        return Table(
            {k: (marker if k in hidden else v) for k, v in values.items()},
            marker,
            frozenset(hidden),
            True,
        )
    small = {k for k, v in values.items() if 0 < v < threshold}
    hidden = set(small)
    total_hidden = False
    if total is not None:
        while _leaks(hidden, values, small, total, threshold):
            visible = sorted(
                (k for k, v in values.items() if v > 0 and k not in hidden),
                key=lambda k: (values[k], str(k)),
            )
            if not visible:
                total_hidden = True
                break
            hidden.add(visible[0])
    shown = {k: (marker if k in small else HIDDEN if k in hidden else v) for k, v in values.items()}
    shown_total = total if not total_hidden else HIDDEN
    return Table(shown, shown_total, frozenset(hidden), total_hidden)


def count(n: int, *, threshold: int = THRESHOLD) -> int | str:
    """One count on its own, as it may be shown."""
    return suppress({0: n}, threshold=threshold).cells[0]


def hidden_with(value, people: int, *, threshold: int = THRESHOLD):
    """A figure that is not a count (jobs, hours) shown only when it stems from enough people."""
    return HIDDEN if 0 < people < threshold else value

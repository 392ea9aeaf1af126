"""Page arithmetic shared by the long lists (My tasks, the pilot overview, the board view)."""

from __future__ import annotations

from dataclasses import dataclass


class Paged:
    """Where one page lies among all rows; subclasses provide total, number, per_page, shown."""

    total: int
    number: int
    per_page: int

    @property
    def shown(self) -> int:
        raise NotImplementedError

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)

    @property
    def first(self) -> int:
        """Position of the first row on this page, counting from 1."""
        return (self.number - 1) * self.per_page + 1 if self.shown else 0

    @property
    def last(self) -> int:
        return self.first + self.shown - 1 if self.shown else 0

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


@dataclass(frozen=True)
class Page(Paged):
    """One page of rows, and where it lies among all of them."""

    rows: list
    total: int
    number: int
    per_page: int

    @property
    def shown(self) -> int:
        return len(self.rows)


def page_count(total: int, per_page: int) -> int:
    """Pages needed for `total` rows; an empty list still has its one (empty) page."""
    return max(1, -(-total // per_page))


def page_within(number: int, total: int, per_page: int) -> int:
    """The page to show for a requested number: a page past the end shows the last page."""
    return min(max(1, number), page_count(total, per_page))


def page_number(value) -> int:
    """A page number from the query string; anything else is page 1."""
    text = str(value or "").strip()
    # ASCII digits only: "²" and "٣" are digits to str.isdigit() but not to int().
    if not (text.isascii() and text.isdigit() and 0 < len(text) < 7):
        return 1
    return max(1, int(text))

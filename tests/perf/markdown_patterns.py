"""The CommonMark spec's pathological inputs (its test/pathological_tests.py, plus the cases
markdown-it and cmark-gfm added later), each stretched to a given length.

Shared by the test that renders them at every field's maximum length and by `make bench`,
which reports the worst render time as a ratio to an ordinary text of the same length; both
time a render with `render_seconds`.
"""

from __future__ import annotations

import gc
import time

from partnerships.text import _rendered

# Longest Markdown field of each kind (the forms' Length(max=...)).
FIELD_LIMITS = {
    "card": 2_000,
    "comment": 2_000,
    "description": 5_000,
    "decision": 10_000,
    "minutes": 20_000,
}


def _repeat(unit: str, length: int, head: str = "", tail: str = "") -> str:
    body = length - len(head) - len(tail)
    return (head + unit * (body // len(unit) + 1))[: length - len(tail)] + tail


def _nested(open_: str, close: str, middle: str, length: int) -> str:
    count = max(1, (length - len(middle)) // (len(open_) + len(close)))
    return open_ * count + middle + close * count


def _nested_lists(length: int) -> str:
    lines, size, depth = [], 0, 0
    while True:
        line = "  " * depth + "* a\n"
        if size + len(line) > length:
            break
        lines.append(line)
        size += len(line)
        depth += 1
    return "".join(lines)


def _backticks(length: int) -> str:
    parts, size, run = [], 0, 1
    while size + run + 1 <= length:
        parts.append("e" + "`" * run)
        size += run + 1
        run += 1
    return "".join(parts)


# name -> function(length) -> text of at most `length` characters.
PATTERNS = {
    "nested strong emphasis": lambda n: _nested("*a **a ", " a** a*", "b", n),
    "emphasis closers without openers": lambda n: _repeat("a_ ", n),
    "emphasis openers without closers": lambda n: _repeat("_a ", n),
    "link closers without openers": lambda n: _repeat("a]", n),
    "link openers without closers": lambda n: _repeat("[a", n),
    "unclosed [ only": lambda n: "[" * n,
    "mismatched openers and closers": lambda n: _repeat("*a_ ", n),
    "openers and closers multiple of 3": lambda n: _repeat("c* ", n, head="a**b"),
    "link openers and emphasis closers": lambda n: _repeat("[ a_", n),
    "pattern [ (](": lambda n: _repeat("[ (](", n),
    "nested brackets": lambda n: _nested("[", "]", "a", n),
    "nested parentheses in link": lambda n: _nested("[a](" + "(", ")", "b", n),
    "nested block quotes": lambda n: _repeat("> ", n - 1) + "a",
    "deeply nested lists": _nested_lists,
    "backtick runs of growing length": _backticks,
    "unclosed links A": lambda n: _repeat("[a](<b", n),
    "unclosed links B": lambda n: _repeat("[a](b", n),
    "unclosed HTML comments": lambda n: _repeat("<!--", n, head="</"),
    "a*** runs": lambda n: _repeat("a***", n),
    "a_ _ runs": lambda n: _repeat("a_ _", n),
    "many link references": lambda n: _repeat("[a]: u\n", n),
    "reference definition with escapes": lambda n: "[" + "\\" * (n - 6) + "\n]: u",
    "autolink openers": lambda n: _repeat("<a", n),
    "entities": lambda n: _repeat("&#x", n),
    "emphasis with underscores and stars": lambda n: _repeat("*_", n),
    "hard breaks": lambda n: _repeat("a  \n", n),
    "NUL bytes": lambda n: _repeat("a\x00", n),
}


# GitHub's table extension, which texts here used before (not part of CommonMark): linear, but
# every two characters of "|\n" become a table row, so the output is 15 times the input.
EXTENSION_PATTERNS = {
    "table with many pipes": lambda n: _repeat("|", n // 2) + "\n" + _repeat("|-", n // 2 - 1),
    "many table rows": lambda n: "a|b\n-|-\n" + _repeat("|\n", n - 8),
}


def ordinary_text(length: int) -> str:
    """What people really type: paragraphs with a little emphasis, a list and a link."""
    block = (
        "De werkgroep spreekt af dat de leverancier **drie plekken** aanbiedt.\n"
        "- een *werkplek* in de groenvoorziening\n"
        "- begeleiding door een [jobcoach](https://example.org/jobcoach)\n\n"
        "Volgende keer bespreken we de voortgang met het team.\n\n"
    )
    return _repeat(block, length)


def render_seconds(source: str, rounds: int = 5) -> float:
    """CPU seconds for one render without the cache, best of `rounds` (each at least 20 ms of
    repeated renders), so that other work on the machine does not count.

    As timeit does, the garbage collector runs before each round and not during it: a full
    collection costs with everything the process holds, not with the text, and one landing
    in a round of a 100 ms render moved the ratio from 7x to 10x between two runs."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            runs, started = 0, time.process_time()
            while True:
                _rendered.cache_clear()
                _rendered(source)
                runs += 1
                spent = time.process_time() - started
                if spent >= 0.02:
                    break
        finally:
            gc.enable()
        best = min(best, spent / runs)
    return best

"""Rendered fragments kept per data stamp: a part of a page that looks the same on every
visit until its data changes is rendered once per worker process.

The key names the fragment and everything its HTML depends on, and always a stamp that
the database keeps and every change bumps (a brainstorm's revision, or the change stamps of
changes.py). A change anywhere is
a new stamp, so every worker renders anew at once; entries of old stamps are never asked
for again and age out, the least recently used first, once the kept HTML passes
MAX_CHARACTERS. Nothing another worker needs lives only here (see ARCHITECTURE.md).

Templates use it as a call block; the fragment is autoescaped like any other output:

    {% call rendered_once(("brainstorm cards", brainstorm.id, brainstorm.revision, ...)) %}
      ...
    {% endcall %}

Views use it for a whole page's content, under a key from changes.key (None: render now):

    body = fragments.rendered_once(changes.key(org_id, "board view", number), render_body)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import Flask, current_app
from markupsafe import Markup

# A board of 500 cards is some 170,000 characters over its places, a kept page 10,000 to
# 60,000: this keeps a few hundred pages per worker process.
MAX_CHARACTERS = 16_000_000


class Kept:
    """Rendered HTML by key, least recently used out first once MAX_CHARACTERS is passed;
    thread-safe (gunicorn's threaded workers share the process)."""

    def __init__(self) -> None:
        self._html: OrderedDict[Hashable, Markup] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key) -> Markup | None:
        with self._lock:
            html = self._html.get(key)
            if html is not None:
                self._html.move_to_end(key)
            return html

    def put(self, key, html: Markup) -> None:
        with self._lock:
            if key not in self._html:
                self._html[key] = html
                self._size += len(html)
            while self._size > MAX_CHARACTERS and self._html:
                _, old = self._html.popitem(last=False)
                self._size -= len(old)

    def clear(self) -> None:
        with self._lock:
            self._html.clear()
            self._size = 0


def _kept(app: Flask) -> Kept:
    """The application's own (test apps of one process never share entries)."""
    return app.extensions.setdefault("partnerships.fragments", Kept())


def rendered_once(key: tuple | None, caller: Callable[[], str]) -> Markup:
    """The call block's HTML for this key, rendered now or kept from an earlier request;
    rendered now and not kept when the key is None (changes.key: this request can't)."""
    if key is None:
        return Markup(caller())  # noqa: S704 - the block's own output, already autoescaped
    kept = _kept(current_app)
    html = kept.get(key)
    if html is None:
        html = Markup(caller())  # noqa: S704 - the block's own output, already autoescaped
        kept.put(key, html)
    return html


def forget_all(app: Flask) -> None:
    """Drop every kept fragment of the app (tests that empty the database, whose ids and
    stamps then start again)."""
    _kept(app).clear()


def init_app(app: Flask) -> None:
    app.jinja_env.globals["rendered_once"] = rendered_once

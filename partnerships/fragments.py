"""Rendered fragments kept per data stamp: a part of a page that looks the same on every
visit until its data changes is rendered once per worker process.

The key names the fragment and everything its HTML depends on, and always a stamp that
the database keeps and every change bumps (a brainstorm's revision). A change anywhere is
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

from flask import Flask
from markupsafe import Markup

# A board of 500 cards is some 170,000 characters over its places; this keeps about a
# hundred such boards (people see their own "you" and "change" links, so one per person).
MAX_CHARACTERS = 16_000_000

_kept: OrderedDict[Hashable, Markup] = OrderedDict()
_size = 0
_lock = threading.Lock()  # gunicorn's threaded workers share the process


def rendered_once(key: tuple | None, caller: Callable[[], str]) -> Markup:
    """The call block's HTML for this key, rendered now or kept from an earlier request;
    rendered now and not kept when the key is None (changes.key: this request can't)."""
    global _size
    if key is None:
        return Markup(caller())  # noqa: S704 - the block's own output, already autoescaped
    with _lock:
        html = _kept.get(key)
        if html is not None:
            _kept.move_to_end(key)
            return html
    html = Markup(caller())  # noqa: S704 - the block's own output, already autoescaped
    with _lock:
        if key not in _kept:
            _kept[key] = html
            _size += len(html)
        while _size > MAX_CHARACTERS and _kept:
            _, old = _kept.popitem(last=False)
            _size -= len(old)
    return html


def forget_all() -> None:
    """Drop every kept fragment (tests that change data behind the stamps' back)."""
    global _size
    with _lock:
        _kept.clear()
        _size = 0


def init_app(app: Flask) -> None:
    app.jinja_env.globals["rendered_once"] = rendered_once

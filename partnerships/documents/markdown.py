"""User Markdown for documents: CommonMark through markdown-it-py, then the allowlist.

A list typed right under a sentence becomes a list (CommonMark), raw HTML in the source is
shown as text, and the result is cleaned with the same allowlist as the pages, so the
document model (model.py) only ever meets the tags it knows.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from ..text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def tokens(source: str):
    """The token stream of a text, for whoever needs the structure itself."""
    return _parser.parse(source or "")


@lru_cache(maxsize=512)
def _html(source: str) -> str:
    rendered = _parser.renderer.render(tokens(source), _parser.options, {})
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )


def to_html(source: str | None) -> Markup:
    """Safe HTML for a document template."""
    if not source:
        return Markup("")
    return Markup(_html(str(source)))  # noqa: S704 (cleaned by nh3 above)

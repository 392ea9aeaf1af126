"""User Markdown for documents: CommonMark through markdown-it-py, then the allowlist.

A list typed right under a sentence becomes a list (CommonMark), raw HTML in the source is
shown as text, and the result is cleaned with the same allowlist as the pages, so the
document model (model.py) only ever meets the tags it knows. A heading typed in the text
sits below the document's heading it appears under, so the outline a screen reader or
Word's navigation pane shows keeps the document's own order.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from ..text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

# The pages' allowlist, and the two deeper headings a typed heading may become here (_demote).
TAGS = ALLOWED_TAGS | {"h5", "h6"}
_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def tokens(source: str):
    """The token stream of a text, for whoever needs the structure itself."""
    return _parser.parse(source or "")


def _demote(stream, under: int):
    """The text's highest heading becomes h`under + 1` and the others follow it (h6 at most),
    so "## Vervolg" typed under an h4 is an h5: no level skipped, none above the document's."""
    headings = [t for t in stream if t.type in ("heading_open", "heading_close")]
    if headings:
        shift = under + 1 - min(int(t.tag[1]) for t in headings)
        for token in headings:
            token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"
    return stream


@lru_cache(maxsize=512)
def _html(source: str, under: int) -> str:
    stream = _demote(tokens(source), under)
    rendered = _parser.renderer.render(stream, _parser.options, {})
    return nh3.clean(
        rendered,
        tags=TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )


def to_html(source: str | None, under: int = 2) -> Markup:
    """Safe HTML for a document template, its headings below the template's h`under`."""
    if not source:
        return Markup("")
    return Markup(_html(str(source), under))  # noqa: S704 (cleaned by nh3 above)

"""User Markdown rendered to HTML and then cleaned with an allowlist.

The parser is markdown-it-py with the CommonMark rules: its time grows linearly with the
text, also for the spec's pathological inputs (thousands of unclosed `[` or `*`), so one
comment cannot keep a worker busy for seconds. CommonMark also starts a list right under a
sentence, as people type it.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "hr",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}


_local = threading.local()


def _converter() -> MarkdownIt:
    """One parser per thread: building one (compiling its rules) costs more than using it.

    Raw HTML in the source is escaped (`html: False`); tables are the one extension to
    CommonMark that texts here used before. `maxNesting` bounds how deep brackets, lists
    and quotes nest: the work per character of a run of `[` grows with it, and nobody
    writes ten levels deep."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        options = {"html": False, "maxNesting": 10}
        converter = MarkdownIt("commonmark", options).enable("table")
        _local.converter = converter
    return converter


def render_markdown(source: str | None) -> Markup:
    """Markdown to safe HTML: raw HTML in the source is escaped, then the result is cleaned."""
    if not source:
        return Markup("")
    return _rendered(str(source))


# The same goals, notes and minutes are shown on page after page; a text is converted and
# cleaned once (a pure function of the text) instead of on every view.
@lru_cache(maxsize=2048)
def _rendered(source: str) -> Markup:
    html = _converter().render(source).rstrip("\n")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)  # noqa: S704 (cleaned by nh3 above)


def init_app(app) -> None:
    """Make the renderer a template filter."""
    app.jinja_env.filters["markdown"] = render_markdown

"""User Markdown rendered to HTML and then cleaned with an allowlist.

The parser is markdown-it-py with the CommonMark rules: its time grows linearly with the
text, also for the spec's pathological inputs (thousands of unclosed `[` or `*`), so one
comment cannot keep a worker busy for seconds. CommonMark also starts a list right under a
sentence, as people type it.
"""

from __future__ import annotations

import threading
from functools import lru_cache, partial

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

# How deep markup may nest. Inside a paragraph every `[` of a run is tried as a link label
# that many levels deep before it counts as text, so the work per character of `[[[[...`
# grows with the inline limit: 6 is deeper than anyone nests emphasis and links (a link in
# italics in bold is 3) and makes that run a third cheaper than 10. Blocks (a list in a list
# in a quote) keep the limit they had, so no text loses items of a nested list.
BLOCK_NESTING = 10
INLINE_NESTING = 6


def _parser(nesting: int) -> MarkdownIt:
    """Raw HTML in the source is escaped (`html: False`); tables are the one extension to
    CommonMark that texts here used before."""
    return MarkdownIt("commonmark", {"html": False, "maxNesting": nesting}).enable("table")


def _converter() -> MarkdownIt:
    """One parser per thread: building one (compiling its rules) costs more than using it.

    Its step that parses the text of each block is replaced by the same step run with the
    inline limit (markdown-it reads the limit from the parser it is given)."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _parser(BLOCK_NESTING)
        converter.core.ruler.at("inline", partial(_parse_inline, _parser(INLINE_NESTING)))
        _local.converter = converter
    return converter


def _parse_inline(inline: MarkdownIt, state) -> None:
    """markdown-it's core "inline" rule, with another parser's options."""
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            inline.inline.parse(token.content, inline, state.env, token.children)


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

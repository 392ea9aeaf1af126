"""User Markdown: what people type renders as they expect, script never survives, and no
text can make rendering slow (the CommonMark spec's pathological inputs)."""

from __future__ import annotations

import pytest

from partnerships.text import render_markdown
from tests.perf.markdown_patterns import (
    EXTENSION_PATTERNS,
    FIELD_LIMITS,
    PATTERNS,
    ordinary_text,
    render_seconds,
)


def html(source: str) -> str:
    return str(render_markdown(source)).strip()


# Texts as they exist today, with the HTML the old renderer gave them; CommonMark agrees.
SAME_AS_BEFORE = [
    ("Een zin.\n\nNog een alinea.", "<p>Een zin.</p>\n<p>Nog een alinea.</p>"),
    ("Twee regels\nin een alinea", "<p>Twee regels\nin een alinea</p>"),
    (
        "*schuin* en **vet** en _ook schuin_",
        "<p><em>schuin</em> en <strong>vet</strong> en <em>ook schuin</em></p>",
    ),
    (
        "Zie [de handreiking](https://example.org/h).",
        '<p>Zie <a href="https://example.org/h" rel="noopener noreferrer nofollow">de '
        "handreiking</a>.</p>",
    ),
    ("- melk\n- brood", "<ul>\n<li>melk</li>\n<li>brood</li>\n</ul>"),
    ("1. een\n2. twee", "<ol>\n<li>een</li>\n<li>twee</li>\n</ol>"),
    ("## Kop\n\nTekst", "<h2>Kop</h2>\n<p>Tekst</p>"),
    ("### Kleinere kop", "<h3>Kleinere kop</h3>"),
    ("> Citaat", "<blockquote>\n<p>Citaat</p>\n</blockquote>"),
    ("`code`", "<p><code>code</code></p>"),
    ("regel  \nnieuwe regel", "<p>regel<br>\nnieuwe regel</p>"),
    ("---", "<hr>"),
]


@pytest.mark.parametrize(("source", "expected"), SAME_AS_BEFORE)
def test_existing_texts_render_as_before(source, expected):
    assert html(source) == expected


def test_a_list_typed_right_under_a_sentence_is_a_list():
    assert html("We hebben nodig:\n- een werkplek\n- een jobcoach") == (
        "<p>We hebben nodig:</p>\n<ul>\n<li>een werkplek</li>\n<li>een jobcoach</li>\n</ul>"
    )


def test_a_table_still_renders_as_a_table():
    assert "<td>2</td>" in html("| a | b |\n|---|---|\n| 1 | 2 |")


def test_raw_html_and_script_links_are_harmless():
    assert html("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert "href" not in html("[klik](javascript:alert(1))")
    assert "<img" not in html("![x](https://example.org/x.png)")
    assert html('<img src=x onerror="alert(1)">').startswith("<p>&lt;img")


def test_a_level_one_heading_keeps_its_text_without_the_tag():
    # Pages have their own <h1>; a user's "# title" may not add a second one.
    assert html("# Titel") == "Titel"


def test_markup_nests_as_deep_as_people_write_it():
    # A link in italics in bold, in a quote in a list: the usual depths render in full.
    assert html("**vet *schuin [link](https://example.org/l)* vet**") == (
        '<p><strong>vet <em>schuin <a href="https://example.org/l" rel="noopener noreferrer '
        'nofollow">link</a></em> vet</strong></p>'
    )
    nested = html("- een\n  - twee\n    - drie\n      > vier")
    assert nested.count("<li>") == 3 and "<blockquote>\n<p>vier</p>" in nested


def test_a_link_label_inside_six_brackets_stays_text():
    # Every '[' of a run is tried as a link label as many levels deep as inline markup may
    # nest, so that limit sets the work per character of '[[[[...' (the slowest
    # pathological text); beyond six levels the brackets stay as typed.
    assert html("[" * 5 + "a" + "]" * 5 + "(https://example.org/)").startswith("<p><a href=")
    deep = "[" * 7 + "a" + "]" * 7 + "(https://example.org/)"
    assert html(deep) == f"<p>{deep}</p>"


# Cards and comments share a maximum; each length is measured once. Render times are CPU time,
# best of two, so other processes on a busy machine do not count.
LENGTHS = {length: field for field, length in sorted(FIELD_LIMITS.items())}


@pytest.mark.parametrize("field", sorted(LENGTHS.values()))
def test_pathological_markdown_at_the_fields_maximum_renders_in_bounded_time(field):
    # Python-Markdown took 2,000x an ordinary text for 4,000 unclosed '['; a linear parser
    # stays within a small multiple (make bench reports the figures). The margin is wide so
    # that a busy machine does not fail this, while quadratic growth still does.
    length = FIELD_LIMITS[field]
    normal = render_seconds(ordinary_text(length), rounds=2)
    slow = {}
    # Tables (not CommonMark) turn every "|\n" into a row: linear, but the output is 15 times
    # the input, hence their wider margin.
    for patterns, margin in ((PATTERNS, 60), (EXTENSION_PATTERNS, 200)):
        for name, make in patterns.items():
            source = make(length)
            assert len(source) <= length, name
            ratio = render_seconds(source, rounds=2) / normal
            if ratio > margin:
                slow[name] = round(ratio)
    assert slow == {}, f"{field}: renders far slower than an ordinary text"

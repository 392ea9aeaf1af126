"""One way to make a document: its template rendered once, then PDF, Word or ODF from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from flask import abort, current_app, render_template, request
from flask_babel import gettext as _
from markupsafe import Markup

from ..i18n import _date, force_locale, locale_code
from . import downloads, model, odf, pdf, word

FORMATS = ("pdf", "docx", "odt")


@dataclass(frozen=True)
class Meta:
    """What every document states about itself, in the header, footer and file properties."""

    title: str  # metadata title and the first heading
    organisation: str  # author, and the header's left side
    pilot_title: str  # the header's right side and the file name's subject
    kind: str  # the file name's first word, in the user's language ("actieplan")
    day: date  # the document's date: footer and file name
    lang: str = "nl"
    created: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))

    @property
    def page_label(self) -> str:
        """ "pagina %(page)s van %(pages)s" as a CSS content value with live counters."""
        text = _("page %(page)s of %(pages)s", page="\0page\0", pages="\0pages\0")
        parts = []
        for index, piece in enumerate(text.split("\0")):
            if index % 2:
                parts.append(f"counter({piece})")
            elif piece:
                parts.append(css_string(piece))
        return Markup(" ".join(parts))  # noqa: S704 (each text part escaped by css_string)

    @property
    def date_label(self) -> str:
        return _date(self.day)

    def file_name(self, ext: str) -> str:
        return downloads.file_name(self.kind, subject=self.pilot_title, day=self.day, ext=ext)


def css_string(text: str) -> Markup:
    """A quoted CSS string that no title can break out of (not even with </style>)."""
    escaped = "".join(
        f"\\{ord(ch):x} " if ch in '"\\<>&\n\r' or ord(ch) < 32 else ch for ch in str(text)
    )
    return Markup(f'"{escaped}"')  # noqa: S704 (every special character escaped above)


def requested_language() -> str:
    """The user's language, or the one asked for with ?lang=nl|en."""
    asked = request.args.get("lang")
    return asked if asked in current_app.config["LANGUAGES"] else locale_code()


def render_html(template: str, meta: Meta, context: dict) -> str:
    return render_template(template, meta=meta, **context)


def stylesheet(meta: Meta) -> str:
    """The print stylesheet, with this document's header and footer texts."""
    return render_template("documents/print.css", meta=meta, css_string=css_string)


def convert(html: str, meta: Meta, fmt: str) -> bytes:
    if fmt == "pdf":
        return pdf.render(html, stylesheet(meta))
    blocks = model.from_html(html)
    if fmt == "docx":
        return word.build(blocks, meta)
    return odf.build(blocks, meta)


Make = Callable[[], tuple[str, Meta, dict]]


def respond(fmt: str, make: Make, formats: tuple[str, ...] = FORMATS):
    """The document as a download in the asked format and language.

    `make` gathers the page's data and is called in the document's language, so labels,
    dates and the file name all follow it.
    """
    if fmt not in formats:
        abort(404)
    with force_locale(requested_language()):
        template, meta, context = make()
        html = render_html(template, meta, context)
        try:
            body = convert(html, meta, fmt)
        except pdf.PdfUnavailable:
            return render_template("documents/unavailable.html", meta=meta), 503
        name = meta.file_name(fmt)
    return downloads.attachment(body, name)

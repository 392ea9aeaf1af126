"""HTML to PDF through WeasyPrint, which needs Debian's Pango (libpango-1.0-0, libpangoft2).

Without Pango the import fails; the app then says which export is unavailable instead of
answering a server error, and Word and ODF keep working.
"""

from __future__ import annotations

from functools import cache


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the Pango library it loads is not installed on this server."""


@cache
def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the shared library is missing
        return error
    return weasyprint


def available() -> bool:
    """Whether this server can make PDFs (checked once per process)."""
    return not isinstance(_weasyprint(), Exception)


def render(html: str, stylesheet: str) -> bytes:
    """A tagged PDF/UA-1 file: headings, lists and tables navigable by a screen reader.

    The stylesheet comes beside the HTML rather than inside it, so that no template holds
    inline style (which the pages' Content-Security-Policy forbids; see
    tests/quality/test_csrf_and_headers.py).
    """
    weasyprint = _weasyprint()
    if isinstance(weasyprint, Exception):
        raise PdfUnavailable(str(weasyprint))
    document = weasyprint.HTML(string=html)
    return document.write_pdf(
        stylesheets=[weasyprint.CSS(string=stylesheet)], pdf_variant="pdf/ua-1", pdf_tags=True
    )

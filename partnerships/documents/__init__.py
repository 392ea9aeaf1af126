"""Documents that leave the application: PDF, Word, ODF and spreadsheets.

Each document is one Jinja template (semantic HTML plus the print stylesheet) rendered from
the data its page shows. The PDF is that HTML through WeasyPrint; Word and ODF are written
from one document model read from the same HTML (`model.py`), so a heading, a list or a bold
word becomes a real Word or ODF style in both. Every download goes out through
`downloads.attachment`, which names the file in the user's language and encodes the name
for any title.
"""

from __future__ import annotations


def init_app(app) -> None:
    """Template helpers for the document templates and the download links on pages."""
    from . import markdown, pdf

    app.jinja_env.filters["document_markdown"] = markdown.to_html
    app.jinja_env.globals["pdf_available"] = pdf.available

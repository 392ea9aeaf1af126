"""Every download goes out here: one way to name a file and to put that name in a header.

A title like "Groen in Łódź" cannot go into a Latin-1 header as it is; RFC 6266 gives the
UTF-8 name in `filename*` and an ASCII fallback in `filename` for old clients.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from urllib.parse import quote

from flask import Response

from .. import clock

MIMETYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}


def slug(text: str, limit: int = 60) -> str:
    """Lower-case words joined by hyphens; letters keep their accents (ASCII comes later)."""
    words = re.findall(r"\w+", (text or "").casefold())
    return "-".join(words)[:limit].strip("-")


def file_name(kind: str, *, subject: str = "", day: date | None = None, ext: str) -> str:
    """`actieplan-proeftuin-schoonmaak-en-groen-2026-12-04.pdf`: what, of what, when."""
    parts = [slug(kind), slug(subject), (day or clock.today()).isoformat()]
    return "-".join(p for p in parts if p) + f".{ext}"


# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
    }
)


def ascii_fallback(name: str) -> str:
    """The name without accents or other non-ASCII letters, for clients without RFC 6266."""
    plain = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    plain = plain.encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip("-")
    return plain or "download"


def content_disposition(name: str) -> str:
    """`attachment` with both the ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987)."""
    return f"attachment; filename=\"{ascii_fallback(name)}\"; filename*=UTF-8''{quote(name)}"


def attachment(body: bytes | str, name: str, mimetype: str | None = None) -> Response:
    """A download: the type from the extension unless given, never cached, never sniffed."""
    extension = name.rsplit(".", 1)[-1]
    # content_type, not mimetype: Werkzeug would add a second "; charset=utf-8".
    response = Response(body, content_type=mimetype or MIMETYPES[extension])
    response.headers["Content-Disposition"] = content_disposition(name)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response

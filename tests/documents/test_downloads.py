"""Every download's name: in the user's language, safe for any title (RFC 6266)."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

from partnerships import clock
from partnerships.documents import downloads, pdf


def test_a_title_outside_latin_1_downloads_with_both_names(make, login_as):
    coordinator = make.user()
    pilot = make.pilot(coordinator=coordinator, title="Groen in Łódź")
    client = login_as(coordinator)
    response = client.get(f"/pilots/{pilot.id}/action-plan.docx")
    assert response.status_code == 200
    header = response.headers["Content-Disposition"]
    header.encode("latin-1")  # what a WSGI server must be able to send
    today = clock.today().isoformat()
    assert f'filename="actieplan-groen-in-lodz-{today}.docx"' in header
    utf8 = header.split("filename*=UTF-8''", 1)[1]
    assert unquote(utf8) == f"actieplan-groen-in-łódź-{today}.docx"


def test_file_names_drop_what_a_file_system_would_refuse():
    name = downloads.file_name(
        "actieplan", subject='A/B: "C" <d>\\e', day=date(2026, 12, 4), ext="pdf"
    )
    assert name == "actieplan-a-b-c-d-e-2026-12-04.pdf"
    assert downloads.ascii_fallback("verslag-café-straße.pdf") == "verslag-cafe-strasse.pdf"


def test_without_pango_the_pdf_is_refused_with_a_message_and_word_still_works(
    make, login_as, monkeypatch
):
    monkeypatch.setattr(pdf, "_weasyprint", lambda: OSError("cannot load library 'libpango-1.0-0'"))
    coordinator = make.user()
    pilot = make.pilot(coordinator=coordinator, title="Proeftuin groen")
    client = login_as(coordinator)
    response = client.get(f"/pilots/{pilot.id}/action-plan.pdf")
    assert response.status_code == 503
    assert "PDF niet beschikbaar" in response.text and "libpango-1.0-0" in response.text
    page = client.get(f"/pilots/{pilot.id}/action-plan")
    assert "PDF niet beschikbaar op deze server" in page.text
    assert f"/pilots/{pilot.id}/action-plan.pdf" not in page.text
    assert client.get(f"/pilots/{pilot.id}/action-plan.docx").status_code == 200


def test_a_title_cannot_break_out_of_the_page_header_css():
    from partnerships.documents.page import css_string

    quoted = str(css_string('Groen "&" </style> \\ nieuw\nregel'))
    inner = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert not any(ch in inner for ch in '"<>&\n') and "\\\\" not in inner.replace("\\5c ", "")
    assert inner.startswith("Groen \\22 \\26 \\22  \\3c /style\\3e ")


def test_without_pango_the_minutes_and_the_brainstorm_say_their_pdf_is_unavailable(
    app, login_as, monkeypatch
):
    """Where a page offers a PDF on its own line, it says so instead of leaving it out."""
    from sqlalchemy import select

    from partnerships import demo
    from partnerships.accounts.models import User
    from partnerships.brainstorms.models import Brainstorm
    from partnerships.extensions import db
    from partnerships.meetings.models import Meeting

    monkeypatch.setattr(pdf, "_weasyprint", lambda: OSError("cannot load library 'libpango-1.0-0'"))
    demo.seed()
    db.session.commit()
    coordinator = db.session.scalar(select(User).where(User.email == demo.WORKING_GROUP[0][0]))
    client = login_as(coordinator)
    meeting = db.session.scalar(select(Meeting).order_by(Meeting.starts_at))
    page = client.get(f"/pilots/{meeting.pilot_id}/meetings/{meeting.id}").text
    assert "Verslag als PDF: niet beschikbaar op deze server" in page
    assert "Verslag als Word (.docx)" in page
    brainstorm = db.session.scalar(select(Brainstorm))
    page = client.get(f"/pilots/{brainstorm.pilot_id}/brainstorms/{brainstorm.id}").text
    assert "Samenvatting als PDF: niet beschikbaar op deze server" in page

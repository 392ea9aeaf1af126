"""Closing a brainstorm and turning its cards into work; exports; the completion check."""

from __future__ import annotations

import io
import zipfile

from sqlalchemy import select

from partnerships.actions.models import Action
from partnerships.brainstorms import outcomes, services
from partnerships.brainstorms.checks import brainstorm_held
from partnerships.brainstorms.models import Brainstorm, CardOutcome, ShortlistEntry
from partnerships.extensions import db
from partnerships.jobs.models import PotentialJob
from partnerships.meetings.models import Decision


def _closed_with_cards(brainstorm, cast, texts=("Leerwerkplek schoonmaak", "Schoon & Co eerst")):
    cards = [
        services.add_card(brainstorm, cast.contact_a, place="potential", text=t) for t in texts
    ]
    services.close(brainstorm, cast.coordinator)
    db.session.commit()
    return cards


def test_closing_freezes_the_board_but_keeps_it_readable(cast, brainstorm_a, login_as, url):
    services.add_card(brainstorm_a, cast.contact_a, place="what", text="Blijft zichtbaar")
    db.session.commit()
    client = login_as(cast.coordinator)
    response = client.post(url(brainstorm_a, "/close"))
    assert response.status_code == 303 and response.headers["Location"].endswith("/work")
    page = login_as(cast.contact_a).get(url(brainstorm_a)).text
    assert "Blijft zichtbaar" in page
    assert 'name="text"' not in page and "hx-trigger" not in page


def test_only_the_facilitator_closes(cast, brainstorm_a, login_as, url):
    assert login_as(cast.contact_a).post(url(brainstorm_a, "/close")).status_code == 403
    assert login_as(cast.member).post(url(brainstorm_a, "/close")).status_code == 403


def test_closing_turns_two_cards_into_an_action_and_a_shortlist_entry(
    cast, brainstorm_a, login_as, url
):
    first, second = _closed_with_cards(brainstorm_a, cast)
    client = login_as(cast.coordinator)
    assert client.get(url(brainstorm_a, "/work")).status_code == 200
    response = client.post(
        url(brainstorm_a, f"/cards/{first.id}/to/action"),
        data={
            "title": "Leerwerkplek uitwerken",
            "role": "hr_expert",
            "description": first.text,
            "deadline": "2026-03-01",
        },
    )
    assert response.status_code == 303
    response = client.post(
        url(brainstorm_a, "/work/shortlist"),
        data={
            "rank": "1",
            "organisation_id": str(cast.supplier_a.id),
            "supplier_name": "",
            "reason": "Groot contract met verloop",
            "card_id": str(second.id),
        },
    )
    assert response.status_code == 303
    action = db.session.scalar(select(Action))
    assert (action.source, action.source_id, action.role) == ("brainstorm", first.id, "hr_expert")
    entry = db.session.scalar(select(ShortlistEntry))
    assert (entry.rank, entry.supplier_name, entry.card_id) == (1, "Schoon & Co", second.id)
    kinds = sorted(o.kind for o in db.session.scalars(select(CardOutcome)))
    assert kinds == ["action", "shortlist"]


def test_a_card_becomes_a_decision(cast, brainstorm_a, login_as, url):
    card, _ = _closed_with_cards(brainstorm_a, cast)
    response = login_as(cast.coordinator).post(
        url(brainstorm_a, f"/cards/{card.id}/to/decision"),
        data={
            "title": "Kies Schoon & Co",
            "kind": "supplier_choice",
            "decided_by": "working_group",
            "decided_on": "2026-02-01",
            "text": "",
        },
    )
    assert response.status_code == 303
    decision = db.session.scalar(select(Decision))
    assert (decision.source, decision.kind) == ("brainstorm", "supplier_choice")


def test_cards_of_an_open_brainstorm_cannot_become_work_yet(cast, brainstorm_a, login_as, url):
    card = services.add_card(brainstorm_a, cast.contact_a, place="what", text="Te vroeg")
    db.session.commit()
    response = login_as(cast.coordinator).post(
        url(brainstorm_a, f"/cards/{card.id}/to/action"),
        data={"title": "Te vroeg", "role": "hr_expert"},
    )
    assert response.status_code == 422
    assert db.session.scalar(select(Action)) is None


def test_the_shortlist_holds_three_ranked_suppliers(cast, brainstorm_a, login_as, url):
    _closed_with_cards(brainstorm_a, cast)
    client = login_as(cast.coordinator)

    def add(rank, name):
        return client.post(
            url(brainstorm_a, "/work/shortlist"),
            data={
                "rank": str(rank),
                "organisation_id": "0",
                "supplier_name": name,
                "reason": "Arbeidsintensief",
                "card_id": "0",
            },
        )

    assert add(1, "Cateraar").status_code == 303
    clash = add(1, "Beveiliger")
    assert clash.status_code == 422 and "Plek 1 is al bezet" in clash.text
    assert add(2, "Beveiliger").status_code == 303
    assert add(3, "Glazenwasser").status_code == 303
    assert add(3, "Vierde").status_code == 422
    assert len(db.session.scalars(select(ShortlistEntry)).all()) == 3


def test_closing_turns_a_card_into_a_potential_job_for_a_supplier(
    cast, brainstorm_a, login_as, url
):
    card, _ = _closed_with_cards(brainstorm_a, cast)
    client = login_as(cast.coordinator)
    work = client.get(url(brainstorm_a, "/work")).text
    assert f"/cards/{card.id}/to/potential_job" in work
    form = client.get(url(brainstorm_a, f"/cards/{card.id}/to/potential_job"))
    assert form.status_code == 200
    assert "Schoon &amp; Co" in form.text and "Groen Dichtbij" in form.text  # both suppliers
    response = client.post(
        url(brainstorm_a, f"/cards/{card.id}/to/potential_job"),
        data={
            "title": "Leerwerkplek",
            "tasks": "Schoonmaken, afval scheiden",
            "suppliers": [str(cast.supplier_a.id)],
        },
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/work#card-{card.id}")
    job = db.session.scalar(select(PotentialJob))
    assert (job.pilot_id, job.title, job.tasks, job.source, job.status) == (
        cast.pilot.id,
        "Leerwerkplek",
        "Schoonmaken, afval scheiden",
        "brainstorm",
        "idea",
    )
    assert [s.name for s in job.suppliers] == ["Schoon & Co"]
    assert job.created_by_id == cast.coordinator.id
    outcome = db.session.scalar(select(CardOutcome))
    assert (outcome.card_id, outcome.kind, outcome.target_id) == (card.id, "potential_job", job.id)
    # The talk-to-work page links to the job; the jobs list shows where it came from.
    work = client.get(url(brainstorm_a, "/work")).text
    assert f"/potential-jobs/{job.id}" in work
    listed = client.get(f"/pilots/{cast.pilot.id}/potential-jobs").text
    assert "Leerwerkplek" in listed


def test_a_potential_job_needs_tasks_and_an_open_brainstorm_refuses(
    cast, brainstorm_a, login_as, url
):
    card = services.add_card(brainstorm_a, cast.contact_a, place="potential", text="Te vroeg")
    db.session.commit()
    client = login_as(cast.coordinator)
    early = client.post(
        url(brainstorm_a, f"/cards/{card.id}/to/potential_job"),
        data={"title": "Te vroeg", "tasks": "Iets"},
    )
    assert early.status_code == 422
    services.close(brainstorm_a, cast.coordinator)
    db.session.commit()
    empty = client.post(
        url(brainstorm_a, f"/cards/{card.id}/to/potential_job"), data={"title": "Zonder taken"}
    )
    assert empty.status_code == 422
    assert db.session.scalar(select(PotentialJob)) is None
    assert db.session.scalar(select(CardOutcome)) is None
    supplier = login_as(cast.contact_a).post(
        url(brainstorm_a, f"/cards/{card.id}/to/potential_job"),
        data={"title": "Stiekem", "tasks": "Iets"},
    )
    assert supplier.status_code == 403


def test_brainstorm_held_needs_a_closed_brainstorm_with_cards(cast, brainstorm_a):
    assert brainstorm_held(cast.pilot, None).status == "missing"
    services.close(brainstorm_a, cast.coordinator)
    db.session.commit()
    assert brainstorm_held(cast.pilot, None).status == "missing"  # closed but empty
    other = services.start_brainstorm(cast.pilot, cast.coordinator, title="Tweede")
    services.add_card(other, cast.coordinator, place="what", text="Idee")
    assert brainstorm_held(cast.pilot, None).status == "missing"  # cards but still open
    services.close(other, cast.coordinator)
    db.session.commit()
    assert brainstorm_held(cast.pilot, None).status == "done"


def test_exports_show_the_shortlist_to_the_working_group_only(cast, brainstorm_a, login_as, url):
    _, second = _closed_with_cards(brainstorm_a, cast)
    from partnerships.brainstorms import outcomes

    outcomes.add_to_shortlist(
        brainstorm_a,
        cast.coordinator,
        rank=1,
        supplier_name="Cateraar",
        reason="Geheime afweging",
        card=second,
    )
    db.session.commit()
    inside = login_as(cast.coordinator).get(url(brainstorm_a, "/export.md"))
    assert inside.status_code == 200
    assert inside.headers["Content-Disposition"].startswith("attachment;")
    assert "Leerwerkplek schoonmaak" in inside.text and "Geheime afweging" in inside.text
    outside = login_as(cast.contact_a)
    for suffix in ("/export.md", "/summary"):
        response = outside.get(url(brainstorm_a, suffix))
        assert response.status_code == 200
        assert "Leerwerkplek schoonmaak" in response.text
        assert "Geheime afweging" not in response.text and "Cateraar" not in response.text
    docx = outside.get(url(brainstorm_a, "/summary.docx"))
    assert docx.status_code == 200
    xml = zipfile.ZipFile(io.BytesIO(docx.data)).read("word/document.xml").decode()
    assert "Leerwerkplek schoonmaak" in xml and "Geheime afweging" not in xml
    assert login_as(cast.contact_a).get(url(brainstorm_a, "/work")).status_code == 403


def test_markdown_export_is_plain_text_served_safely(cast, brainstorm_a, login_as, url):
    services.add_card(brainstorm_a, cast.contact_a, place="what", text="Schoon & Co <b>nu</b>")
    db.session.commit()
    response = login_as(cast.coordinator).get(url(brainstorm_a, "/export.md"))
    assert "Schoon & Co <b>nu</b>" in response.text and "&amp;" not in response.text
    # Plain text that no browser will render as a page.
    assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_demo_has_a_closed_and_an_open_brainstorm(cast, make):
    from partnerships.brainstorms import demo

    people = {
        email: make.member(cast.pilot, make.user(cast.buyer, email=email))
        for email in (demo.COORDINATOR, demo.CONTRACT, demo.INKOOP)
    }
    demo.seed(pilot=cast.pilot, people=people, suppliers=[cast.supplier_a, cast.supplier_b])
    db.session.commit()
    brainstorms = db.session.scalars(select(Brainstorm).order_by(Brainstorm.id)).all()
    closed, live = brainstorms
    assert not closed.is_open and closed.is_open is False and live.is_open
    from partnerships.brainstorms.board import visible_cards
    from partnerships.brainstorms.outcomes import shortlist

    assert len(visible_cards(closed)) == 12
    assert [e.rank for e in shortlist(closed)] == [1, 2, 3]
    assert [s.organisation.name for s in live.shares] == ["Schoon & Co"]
    # The demo's brainstorm is about an existing contract: it ticks 2Ba, not 2Aa.
    assert brainstorm_held(closed.pilot, "2Ba").status == "done"
    assert brainstorm_held(closed.pilot, "2Aa").status == "missing"


def test_readers_of_the_work_page_get_no_buttons_that_answer_403(cast, brainstorm_a, login_as, url):
    card, _ = _closed_with_cards(brainstorm_a, cast)
    outcomes.add_to_shortlist(
        brainstorm_a, cast.coordinator, rank=1, supplier_name="Cateraar", reason="Kans", card=card
    )
    db.session.commit()
    convert = url(brainstorm_a, f"/cards/{card.id}/to/action")
    for reader in (cast.board, cast.member):
        client = login_as(reader)
        page = client.get(url(brainstorm_a, "/work")).text
        assert "Cateraar" in page
        assert convert not in page and "/work/shortlist" not in page
        assert client.get(convert).status_code == 403
    page = login_as(cast.coordinator).get(url(brainstorm_a, "/work")).text
    assert convert in page and "/work/shortlist" in page

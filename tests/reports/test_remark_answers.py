"""The coordinator answers a board remark on the note page, and the board finds the answer on
its first page ("Voor jou") until it says it has seen it (issue 15, point 1: remarks
answered)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from partnerships.audit import AuditEvent
from partnerships.extensions import db
from partnerships.reports import remarks, services
from partnerships.reports.models import NoteRemark
from tests.pilots.page_items import parse

ANSWER = "Goede vraag: in het volgende kwartaal tellen we ook de duurzame banen apart."


def _published_note(scene, label="Kwartaal 1 2026", start=date(2026, 1, 1)):
    note = services.create_note(
        scene.pilot,
        scene.coordinator,
        period_label=label,
        period_start=start,
        period_end=date(start.year, start.month + 2, 28),
        body="Goede start.",
    )
    services.publish_note(note, scene.coordinator)
    db.session.commit()
    return note


def _note_url(scene, note):
    return f"/pilots/{scene.pilot.id}/notes/{note.id}"


def _remark_by_board(web, scene, note, text="Hoeveel banen zijn duurzaam?"):
    """The board member writes a remark through the note page's form."""
    response = web(scene.board).submit(_note_url(scene, note), body=text)
    assert response.status_int in (302, 303), response.text
    return db.session.scalars(select(NoteRemark).where(NoteRemark.body == text)).one()


def _remark(scene, note, text="Hoeveel banen zijn duurzaam?"):
    """A remark made directly, for tests that post with the plain test client (CSRF off)."""
    remark = services.add_remark(note, scene.board, text)
    db.session.commit()
    return remark


def _answer_field(remark) -> str:
    return f"remark-{remark.id}-answer"


@pytest.fixture
def second_board(scene, make):
    user = make.member(scene.pilot, make.user(scene.org, name="Directeur Ali Yilmaz"), role="board")
    db.session.commit()
    return user


def test_coordinator_answers_a_remark_through_the_note_page_and_it_is_read(scene, web):
    note = _published_note(scene)
    remark = _remark_by_board(web, scene, note)
    coordinator = web(scene.coordinator)
    page = coordinator.get(_note_url(scene, note))
    # The answer form sits with the remark, labelled by whose remark it answers.
    assert f'for="{_answer_field(remark)}"' in page.text
    assert "Je antwoord aan Wethouder Karin Mulder" in page.text
    response = coordinator.submit(_note_url(scene, note), **{_answer_field(remark): ANSWER})
    assert response.status_int in (302, 303)
    db.session.refresh(remark)
    assert remark.answer == ANSWER
    assert remark.answered_by_id == scene.coordinator.id
    assert remark.answered_at is not None
    # Answering is reading: the remark leaves the coordinator's unread count.
    assert remark.read_at is not None
    assert services.unread_remarks(scene.pilot) == 0
    shown = coordinator.get(_note_url(scene, note)).text
    assert ANSWER in shown and "Antwoord van Sanne de Vries" in shown
    # Answered once: no second answer form for this remark.
    assert _answer_field(remark) not in shown
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.event == "remark.answered")
    ).one()
    assert event.actor_id == scene.coordinator.id and event.pilot_id == scene.pilot.id
    log = coordinator.get(f"/pilots/{scene.pilot.id}/audit").text
    assert "Opmerking van het bestuur beantwoord" in log


def test_the_backup_coordinator_answers_too(scene, web, make):
    backup = make.member(scene.pilot, make.user(scene.org), role="coordinator_backup")
    note = _published_note(scene)
    remark = _remark_by_board(web, scene, note)
    response = web(backup).submit(_note_url(scene, note), **{_answer_field(remark): ANSWER})
    assert response.status_int in (302, 303)
    db.session.refresh(remark)
    assert remark.answered_by_id == backup.id


def test_the_notes_list_links_an_unread_remark_to_its_answer_form(scene, web):
    note = _published_note(scene)
    remark = _remark_by_board(web, scene, note)
    listing = parse(web(scene.coordinator).get(f"/pilots/{scene.pilot.id}/notes").text)
    links = [(" ".join(text.split()), href) for text, href, _ in listing.section("main").links]
    target = f"{_note_url(scene, note)}#{_answer_field(remark)}"
    assert ("Beantwoorden (Kwartaal 1 2026)", target) in links


def test_board_sees_the_answer_on_voor_jou_and_clears_it_when_seen(scene, web, second_board):
    note = _published_note(scene)
    remark = _remark_by_board(web, scene, note)
    web(scene.coordinator).submit(_note_url(scene, note), **{_answer_field(remark): ANSWER})

    author = web(scene.board)
    items = parse(author.get("/for-you").text).items("for-you-remarks")
    link = f"{_note_url(scene, note)}#remark-{remark.id}"
    assert items == [("Antwoord op je opmerking bij Kwartaal 1 2026", link)]
    # The other board member of the pilot reads remarks too, and is told of the answer.
    other = web(second_board)
    assert parse(other.get("/for-you").text).items("for-you-remarks") == [
        ("Antwoord op de opmerking van Wethouder Karin Mulder bij Kwartaal 1 2026", link)
    ]

    # The link opens the note with the remark and its answer, and a button to clear it.
    page = author.get(link.split("#")[0])
    assert page.status_int == 200
    assert f'id="remark-{remark.id}"' in page.text and ANSWER in page.text
    [seen] = [f for f in page.forms.values() if f.action.endswith(f"/remarks/{remark.id}/seen")]
    response = author.fill(seen)
    assert response.status_int in (302, 303)
    assert "for-you-remarks" not in parse(author.get("/for-you").text).ids
    after = author.get(link.split("#")[0]).text
    assert f"/remarks/{remark.id}/seen" not in after  # no button once seen
    # Seen by one board member is not seen by the other.
    assert parse(other.get("/for-you").text).items("for-you-remarks") == [
        ("Antwoord op de opmerking van Wethouder Karin Mulder bij Kwartaal 1 2026", link)
    ]


def test_an_unanswered_remark_is_not_on_voor_jou(scene, web):
    note = _published_note(scene)
    remark = _remark_by_board(web, scene, note)
    coordinator = web(scene.coordinator)
    # Only read, not answered: nothing for the board to look at yet.
    page = coordinator.get(f"/pilots/{scene.pilot.id}/notes")
    form = next(f for f in page.forms.values() if f.action.endswith(f"/remarks/{remark.id}/read"))
    coordinator.fill(form)
    assert "for-you-remarks" not in parse(web(scene.board).get("/for-you").text).ids


def test_outsiders_cannot_answer_nor_see_answers(scene, make, login_as):
    note = _published_note(scene)
    remark = _remark(scene, note)
    # A board member of another pilot of the same organisation.
    other_pilot = make.pilot(scene.org, scene.coordinator, title="Andere proeftuin")
    other_board = make.member(other_pilot, make.user(scene.org), role="board")
    answer_url = f"{_note_url(scene, note)}/remarks/{remark.id}/answer"
    seen_url = f"{_note_url(scene, note)}/remarks/{remark.id}/seen"
    for user in (scene.board, scene.member, scene.supplier, other_board, scene.stranger):
        visitor = login_as(user)
        response = visitor.post(answer_url, data={_answer_field(remark): ANSWER}, hand_built=True)
        assert response.status_code == 403, user.name
    db.session.refresh(remark)
    assert remark.answer is None and remark.read_at is None

    remarks.answer_remark(remark, scene.coordinator, ANSWER)
    db.session.commit()
    for user in (scene.member, scene.supplier, other_board, scene.stranger, scene.coordinator):
        visitor = login_as(user)
        assert visitor.post(seen_url, hand_built=True).status_code == 403, user.name
        # Nobody outside the board is told of the answer on their first page.
        assert "for-you-remarks" not in parse(visitor.get("/for-you").data).ids
    # Suppliers never see remarks at all, nor the note they are on.
    supplier = login_as(scene.supplier)
    assert supplier.get(_note_url(scene, note)).status_code == 403
    # An id from another pilot's URL is not found there.
    wrong = f"/pilots/{other_pilot.id}/notes/{note.id}/remarks/{remark.id}/answer"
    coordinator = login_as(scene.coordinator)
    assert coordinator.post(wrong, data={"x": "y"}, hand_built=True).status_code == 404


@pytest.mark.parametrize(
    "text, message",
    [
        ("   ", "Dit veld is vereist"),
        ("x" * 4001, "4000"),
        ("Bel mevrouw op 06-12345678 over haar contract.", "telefoonnummer"),
    ],
)
def test_a_bad_answer_is_refused_with_a_message_and_the_text_kept(scene, web, text, message):
    note = _published_note(scene)
    remark = _remark_by_board(web, scene, note)
    response = web(scene.coordinator).submit(
        _note_url(scene, note), **{_answer_field(remark): text}
    )
    assert response.status_int == 422
    assert message in response.text
    assert 'role="alert"' in response.text
    if text.strip():
        assert text in response.text  # what was typed is still in the box
    db.session.refresh(remark)
    assert remark.answer is None and remark.answered_at is None and remark.read_at is None


def test_a_remark_answered_meanwhile_is_not_answered_twice(scene, web, make):
    backup = make.member(scene.pilot, make.user(scene.org), role="coordinator_backup")
    note = _published_note(scene)
    remark = _remark_by_board(web, scene, note)
    late = web(backup)
    page = late.get(_note_url(scene, note))
    form = late.form(page, _answer_field(remark))
    web(scene.coordinator).submit(_note_url(scene, note), **{_answer_field(remark): ANSWER})
    response = late.fill(form, **{_answer_field(remark): "Mijn eigen antwoord"})
    assert response.status_int == 409
    assert "al beantwoord" in response.text and "Mijn eigen antwoord" in response.text
    db.session.refresh(remark)
    assert remark.answer == ANSWER and remark.answered_by_id == scene.coordinator.id


def test_htmx_answer_gives_back_the_remarks_section(scene, login_as):
    note = _published_note(scene)
    remark = _remark(scene, note)
    client = login_as(scene.coordinator)
    client.get(_note_url(scene, note))
    response = client.post(
        f"{_note_url(scene, note)}/remarks/{remark.id}/answer",
        data={_answer_field(remark): ANSWER},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="remarks"')
    assert ANSWER in response.text and "Antwoord verstuurd" in response.text


def test_an_old_answer_to_someone_elses_remark_is_not_news_but_ones_own_still_is(
    scene, second_board, login_as
):
    """A member who joins the board is not met by last year's answers to other people's
    remarks; an answer to their own remark waits for them however long they are away."""
    from datetime import UTC, datetime, timedelta

    note = _published_note(scene)
    remark = _remark(scene, note)
    remarks.answer_remark(remark, scene.coordinator, ANSWER)
    # Answered 31 days ago: one day past the month that others are told of it.
    remark.answered_at = datetime.now(UTC) - timedelta(days=31)
    db.session.commit()
    assert "for-you-remarks" not in parse(login_as(second_board).get("/for-you").data).ids
    own = parse(login_as(scene.board).get("/for-you").data).items("for-you-remarks")
    assert own == [
        (
            "Antwoord op je opmerking bij Kwartaal 1 2026",
            f"{_note_url(scene, note)}#remark-{remark.id}",
        )
    ]

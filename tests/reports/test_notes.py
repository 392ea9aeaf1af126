"""Progress notes: the coordinator writes and publishes, the board reads, acknowledges and
remarks; figures are frozen at publication."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from partnerships import clock
from partnerships.actions.services import create_action
from partnerships.extensions import db
from partnerships.reports.models import NoteStatus, ProgressNote

NOTE = {
    "period_label": "Kwartaal 1 2026",
    "period_start": "2026-01-01",
    "period_end": "2026-03-31",
    "body": "Goede start met **twee** opdrachtnemers.",
}


def _draft(client, pilot, **changes):
    response = client.post(f"/pilots/{pilot.id}/notes/new", data={**NOTE, **changes})
    assert response.status_code == 303, response.text
    return db.session.scalars(select(ProgressNote).order_by(ProgressNote.id.desc())).first()


def _publish(client, pilot, note):
    return client.post(f"/pilots/{pilot.id}/notes/{note.id}/publish")


def test_new_note_form_suggests_the_current_quarter(scene, login_as):
    client = login_as(scene.coordinator)
    page = client.get(f"/pilots/{scene.pilot.id}/notes/new")
    assert page.status_code == 200
    today = clock.today()
    assert f"Kwartaal {(today.month + 2) // 3} {today.year}" in page.text


def test_coordinator_publishes_and_figures_are_frozen(scene, login_as, jobs_figures):
    pilot = scene.pilot
    done = create_action(
        pilot, scene.coordinator, title="Werkgroep samenstellen", role="coordinator"
    )
    done.status = "done"
    create_action(
        pilot,
        scene.coordinator,
        title="Gesprek met Schoon & Co",
        role="hr_expert",
        deadline=clock.today() - timedelta(days=3),
    )
    create_action(
        pilot,
        scene.coordinator,
        title="Later",
        role="hr_expert",
        deadline=clock.today() + timedelta(days=30),
    )
    client = login_as(scene.coordinator)
    note = _draft(client, pilot)
    assert note.status == NoteStatus.DRAFT and note.figures is None

    response = _publish(client, pilot, note)
    assert response.status_code == 303
    db.session.refresh(note)
    assert note.status == NoteStatus.PUBLISHED
    assert note.published_by_id == scene.coordinator.id
    frozen = note.figures
    # Figures as at the end of the period (31 March): one action done, none overdue yet.
    assert frozen["actions_done"] == 1 and frozen["actions_overdue"] == 0
    assert frozen["people"] == 7 and frozen["banen"] == "3.25" and frozen["durable"] == 2
    assert frozen["step"]["code"] == "1"
    assert jobs_figures["calls"][-1] == (pilot.id, date(2026, 3, 31))

    # Later changes do not rewrite what the board was told.
    jobs_figures["people"] = 12
    create_action(pilot, scene.coordinator, title="Nog een", role="hr_expert").status = "done"
    db.session.commit()
    page = client.get(f"/pilots/{pilot.id}/notes/{note.id}")
    db.session.refresh(note)
    assert note.figures["people"] == 7 and note.figures["actions_done"] == 1
    assert "<strong>twee</strong>" in page.text


def test_overdue_counts_open_actions_past_their_deadline(scene, app):
    from partnerships.reports.figures import action_counts

    pilot = scene.pilot
    create_action(pilot, None, title="a", role="hr_expert", deadline=date(2026, 2, 1))
    late_done = create_action(pilot, None, title="b", role="hr_expert", deadline=date(2026, 2, 1))
    late_done.status = "done"
    create_action(pilot, None, title="c", role="hr_expert", deadline=date(2026, 5, 1))
    create_action(pilot, None, title="d", role="hr_expert")
    dropped = create_action(pilot, None, title="e", role="hr_expert", deadline=date(2026, 1, 1))
    dropped.status = "dropped"
    db.session.flush()
    assert action_counts(pilot, date(2026, 3, 31)) == {"actions_done": 1, "actions_overdue": 1}
    assert action_counts(pilot, date(2026, 6, 1)) == {"actions_done": 1, "actions_overdue": 2}


def test_second_note_for_the_same_period_is_refused_and_the_draft_kept(scene, login_as):
    client = login_as(scene.coordinator)
    first = _draft(client, scene.pilot)
    assert _publish(client, scene.pilot, first).status_code == 303
    second = _draft(client, scene.pilot, body="Tweede versie van hetzelfde kwartaal")
    response = _publish(client, scene.pilot, second)
    assert response.status_code == 409
    assert (
        "Kwartaal 1 2026" in response.text
        and "is al een voortgangsnotitie gepubliceerd" in response.text
    )
    db.session.refresh(second)
    assert second.status == NoteStatus.DRAFT
    assert second.body == "Tweede versie van hetzelfde kwartaal"
    # A different period publishes fine.
    client.post(
        f"/pilots/{scene.pilot.id}/notes/{second.id}/edit",
        data={
            **NOTE,
            "period_label": "Kwartaal 2 2026",
            "period_start": "2026-04-01",
            "period_end": "2026-06-30",
            "body": second.body,
            "version": second.version,
        },
    )
    assert _publish(client, scene.pilot, second).status_code == 303


def test_script_in_a_note_is_rendered_inert(scene, login_as):
    client = login_as(scene.coordinator)
    note = _draft(
        client, scene.pilot, body="Hallo <script>alert(1)</script> [x](javascript:alert(2))"
    )
    page = client.get(f"/pilots/{scene.pilot.id}/notes/{note.id}")
    assert "<script>alert(1)" not in page.text
    # CommonMark does not make a javascript: address a link; it stays visible as plain text.
    assert 'href="javascript' not in page.text
    assert "[x](javascript:alert(2))" in page.text
    assert "&lt;script&gt;" in page.text


def test_period_that_ends_before_it_starts_is_refused(scene, login_as):
    client = login_as(scene.coordinator)
    response = client.post(
        f"/pilots/{scene.pilot.id}/notes/new", data={**NOTE, "period_end": "2025-12-01"}
    )
    assert response.status_code == 422
    assert "kan niet eindigen voordat" in response.text
    assert db.session.scalar(select(ProgressNote)) is None


def test_stale_edit_of_a_draft_is_refused(scene, login_as):
    client = login_as(scene.coordinator)
    note = _draft(client, scene.pilot)
    data = {**NOTE, "version": note.version, "body": "eerste"}
    assert (
        client.post(f"/pilots/{scene.pilot.id}/notes/{note.id}/edit", data=data).status_code == 303
    )
    stale = client.post(
        f"/pilots/{scene.pilot.id}/notes/{note.id}/edit", data={**data, "body": "oud"}
    )
    assert stale.status_code == 409
    db.session.refresh(note)
    assert note.body == "eerste"


def test_board_sees_published_notes_but_not_drafts(scene, login_as):
    client = login_as(scene.coordinator)
    draft = _draft(client, scene.pilot, period_label="Eerste opzet")
    published = _draft(
        client,
        scene.pilot,
        period_start="2025-10-01",
        period_end="2025-12-31",
        period_label="Kwartaal 4 2025",
    )
    _publish(client, scene.pilot, published)
    board = login_as(scene.board)
    listing = board.get(f"/pilots/{scene.pilot.id}/notes")
    assert listing.status_code == 200
    assert "Kwartaal 4 2025" in listing.text and "Eerste opzet" not in listing.text
    assert board.get(f"/pilots/{scene.pilot.id}/notes/{published.id}").status_code == 200
    assert board.get(f"/pilots/{scene.pilot.id}/notes/{draft.id}").status_code == 403


def test_suppliers_and_strangers_see_no_notes(scene, login_as):
    client = login_as(scene.coordinator)
    note = _draft(client, scene.pilot)
    _publish(client, scene.pilot, note)
    for user in (scene.supplier, scene.stranger):
        client = login_as(user)
        assert client.get(f"/pilots/{scene.pilot.id}/notes").status_code == 403
        assert client.get(f"/pilots/{scene.pilot.id}/notes/{note.id}").status_code == 403


def test_board_acknowledges_and_remarks_and_coordinator_sees_it(scene, login_as):
    client = login_as(scene.coordinator)
    note = _draft(client, scene.pilot)
    _publish(client, scene.pilot, note)

    board = login_as(scene.board)
    url = f"/pilots/{scene.pilot.id}/notes/{note.id}"
    assert board.post(url + "/acknowledge").status_code == 303
    assert board.post(url + "/acknowledge").status_code == 303  # twice changes nothing
    assert (
        board.post(url + "/remarks", data={"body": "Graag meer over duurzaamheid."}).status_code
        == 303
    )
    assert board.post(url + "/remarks", data={"body": " "}).status_code == 422
    db.session.refresh(note)
    assert len(note.acknowledgements) == 1 and len(note.remarks) == 1

    client = login_as(scene.coordinator)
    listing = client.get(f"/pilots/{scene.pilot.id}/notes")
    assert "1 nieuwe opmerking" in listing.text
    assert "Graag meer over duurzaamheid." in listing.text
    remark = note.remarks[0]
    assert client.post(f"/pilots/{scene.pilot.id}/remarks/{remark.id}/read").status_code == 303
    assert "nieuwe opmerking" not in client.get(f"/pilots/{scene.pilot.id}/notes").text


def test_htmx_remark_answers_with_the_updated_section(scene, login_as):
    client = login_as(scene.coordinator)
    note = _draft(client, scene.pilot)
    _publish(client, scene.pilot, note)
    board = login_as(scene.board)
    response = board.post(
        f"/pilots/{scene.pilot.id}/notes/{note.id}/remarks",
        data={"body": "Mooi werk"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="remarks"')
    assert "Mooi werk" in response.text


def test_board_member_edits_nothing_else(scene, login_as):
    client = login_as(scene.coordinator)
    draft = _draft(client, scene.pilot)
    published = _draft(client, scene.pilot, period_start="2025-10-01", period_end="2025-12-31")
    _publish(client, scene.pilot, published)
    board = login_as(scene.board)
    base = f"/pilots/{scene.pilot.id}/notes"
    assert board.get(base + "/new").status_code == 403
    assert board.post(base + "/new", data=NOTE).status_code == 403
    assert board.post(f"{base}/{published.id}/edit", data=NOTE).status_code == 403
    assert board.post(f"{base}/{draft.id}/publish").status_code == 403
    remark_id = None
    board.post(f"{base}/{published.id}/remarks", data={"body": "x"})
    db.session.refresh(published)
    remark_id = published.remarks[0].id
    assert board.post(f"/pilots/{scene.pilot.id}/remarks/{remark_id}/read").status_code == 403
    # Working-group members may not acknowledge on the board's behalf.
    member = login_as(scene.member)
    assert member.post(f"{base}/{published.id}/acknowledge").status_code == 403


def test_published_note_cannot_be_edited(scene, login_as):
    client = login_as(scene.coordinator)
    note = _draft(client, scene.pilot)
    _publish(client, scene.pilot, note)
    assert client.get(f"/pilots/{scene.pilot.id}/notes/{note.id}/edit").status_code == 403
    assert _publish(client, scene.pilot, note).status_code == 403

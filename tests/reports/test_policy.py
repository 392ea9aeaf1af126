"""The policy framework (5a): a first draft from the pilot's data, versions, downloads,
5b (SR specialist), 5c (board decision) and the policy:drafted check."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from sqlalchemy import select

from partnerships.extensions import db
from partnerships.meetings.models import Decision
from partnerships.reports.checks import policy_drafted
from partnerships.reports.models import POLICY_SECTIONS, PolicyDraft


def _start(scene, login_as):
    scene.pilot.goals_text = "Zes banenafspraakbanen in schoonmaak en groen."
    scene.pilot.target_group_text = "Mensen uit het doelgroepregister."
    scene.pilot.monitoring_frequency = "quarter"
    db.session.commit()
    client = login_as(scene.coordinator)
    assert client.post(f"/pilots/{scene.pilot.id}/policy/start").status_code == 303
    return client, db.session.scalar(select(PolicyDraft))


def test_first_draft_is_filled_from_the_pilot(scene, login_as, jobs_figures):
    _, draft = _start(scene, login_as)
    first = draft.current
    assert first.number == 1 and first.author_id == scene.coordinator.id
    assert "Zes banenafspraakbanen in schoonmaak en groen." in first.goal
    assert "4 banenafspraakbanen" in first.goal  # goal_jobs of the pilot
    assert first.target_groups == "Mensen uit het doelgroepregister."
    assert "elk kwartaal" in first.monitoring
    assert "Sanne de Vries" in first.roles and "Projectcoördinator" in first.roles
    assert "Tot nu toe geplaatste mensen: 7" in first.realisation
    # Nothing of the suppliers' people ends up in the roles.
    assert "Ruud Hendriks" not in first.roles


def test_lessons_of_the_evaluation_flow_into_the_application(scene, login_as):
    from partnerships.reports import evaluation

    ev = evaluation.create_evaluation(scene.pilot, scene.coordinator, title="E")
    evaluation.add_lesson(ev, scene.coordinator, theme="tender", text="Marktconsultatie eerder")
    db.session.commit()
    _, draft = _start(scene, login_as)
    assert "- Marktconsultatie eerder" in draft.current.application


def test_each_save_is_a_new_version_and_old_ones_stay_readable(scene, login_as):
    client, draft = _start(scene, login_as)
    data = {name: f"Tekst voor {name}" for name in POLICY_SECTIONS}
    response = client.post(
        f"/pilots/{scene.pilot.id}/policy/edit", data={**data, "version": draft.version}
    )
    assert response.status_code == 303
    db.session.refresh(draft)
    assert [v.number for v in draft.versions] == [1, 2]
    assert draft.current.goal == "Tekst voor goal"
    old = client.get(f"/pilots/{scene.pilot.id}/policy/versions/1")
    assert old.status_code == 200 and "Zes banenafspraakbanen" in old.text
    assert client.get(f"/pilots/{scene.pilot.id}/policy/versions/9").status_code == 404
    # A stale copy is refused and adds nothing.
    stale = client.post(f"/pilots/{scene.pilot.id}/policy/edit", data={**data, "version": 1})
    assert stale.status_code == 409
    db.session.refresh(draft)
    assert len(draft.versions) == 2


def test_policy_downloads_as_docx_and_prints(scene, login_as):
    client, draft = _start(scene, login_as)
    response = client.get(f"/pilots/{scene.pilot.id}/policy.docx")
    assert response.status_code == 200
    assert "wordprocessingml" in response.headers["Content-Type"]
    document = Document(BytesIO(response.data))
    texts = [p.text for p in document.paragraphs]
    for heading in (
        "Doel",
        "Doelgroepen",
        "Toepassing",
        "Realisatie",
        "Monitoring",
        "Rolverdeling",
        "Beoogde resultaten",
    ):
        assert heading in texts
    assert "Zes banenafspraakbanen in schoonmaak en groen." in texts
    assert document.core_properties.title.startswith("Beleidskader social return")
    old = client.get(f"/pilots/{scene.pilot.id}/policy.docx?version=1")
    assert old.status_code == 200
    printable = client.get(f"/pilots/{scene.pilot.id}/policy/print")
    assert printable.status_code == 200 and "Beleidskader social return" in printable.text


def test_specialist_is_a_member_or_a_named_colleague(scene, login_as):
    client, draft = _start(scene, login_as)
    url = f"/pilots/{scene.pilot.id}/policy/specialist"
    assert client.post(url, data={"user_id": scene.member.id}).status_code == 303
    db.session.refresh(draft)
    assert draft.specialist_user_id == scene.member.id
    assert client.post(url, data={"user_id": 0, "name": "Petra Jansen (inkoop)"}).status_code == 303
    db.session.refresh(draft)
    assert draft.specialist_user_id is None and draft.specialist_name == "Petra Jansen (inkoop)"
    assert client.post(url, data={"user_id": 0, "name": ""}).status_code == 422
    # A supplier contact cannot be chosen: they are not in the list.
    assert client.post(url, data={"user_id": scene.supplier.id}).status_code == 422


def test_adoption_goes_into_the_decision_register_and_waits_for_the_board(scene, login_as):
    client, draft = _start(scene, login_as)
    response = client.post(
        f"/pilots/{scene.pilot.id}/policy/adoption",
        data={
            "title": "Beleidskader social return vaststellen",
            "status": "proposed",
            "decided_on": "2026-12-10",
        },
    )
    assert response.status_code == 303
    decision = db.session.scalar(select(Decision))
    assert decision.kind == "policy_adoption" and decision.status == "proposed"
    assert decision.decided_by == "board" and decision.step_code == "5c"
    db.session.refresh(draft)
    assert draft.decision_id == decision.id
    board_view = login_as(scene.board).get("/board")
    assert "Beleidskader social return vaststellen" in board_view.text


def test_an_existing_decision_can_be_linked(scene, login_as):
    from datetime import date

    from partnerships.meetings.services import record_decision

    client, draft = _start(scene, login_as)
    decision = record_decision(
        scene.pilot,
        scene.coordinator,
        kind="policy_adoption",
        title="Vastgesteld in B&W",
        decided_by="board",
        decided_on=date(2026, 11, 3),
    )
    db.session.commit()
    url = f"/pilots/{scene.pilot.id}/policy/decision"
    assert client.post(url, data={"decision_id": decision.id}).status_code == 303
    db.session.refresh(draft)
    assert draft.decision_id == decision.id
    assert client.post(url, data={"decision_id": 99999}).status_code == 422


def test_policy_drafted_check_needs_text_in_every_section(scene, login_as):
    assert policy_drafted(scene.pilot, None).status == "missing"
    client, draft = _start(scene, login_as)
    # The prefill leaves nothing empty here, but an emptied section is missing again.
    assert policy_drafted(scene.pilot, None).status == "done"
    data = {name: "tekst" for name in POLICY_SECTIONS} | {"results": "", "version": draft.version}
    client.post(f"/pilots/{scene.pilot.id}/policy/edit", data=data)
    result = policy_drafted(scene.pilot, None)
    assert result.status == "missing" and "1 van de zeven" in str(result.message)


def test_board_reads_the_policy_but_changes_nothing(scene, login_as):
    _start(scene, login_as)
    board = login_as(scene.board)
    base = f"/pilots/{scene.pilot.id}/policy"
    assert board.get(base).status_code == 200
    assert board.get(base + ".docx").status_code == 200
    assert board.get(base + "/edit").status_code == 403
    assert board.post(base + "/edit", data={"goal": "x", "version": 2}).status_code == 403
    assert board.post(base + "/specialist", data={"name": "x"}).status_code == 403
    assert (
        board.post(
            base + "/adoption", data={"title": "x", "status": "taken", "decided_on": "2026-01-01"}
        ).status_code
        == 403
    )
    assert board.post(base + "/start").status_code == 403


def test_suppliers_and_strangers_cannot_open_the_policy(scene, login_as):
    _start(scene, login_as)
    for user in (scene.supplier, scene.stranger):
        client = login_as(user)
        assert client.get(f"/pilots/{scene.pilot.id}/policy").status_code == 403
        assert client.get(f"/pilots/{scene.pilot.id}/policy.docx").status_code == 403

"""Evaluation (4b): impact from the figures, findings, suppliers' own parts, lessons that
the whole organisation can browse, and the evaluation:done check."""

from __future__ import annotations

from sqlalchemy import select

from partnerships.extensions import db
from partnerships.reports import evaluation as services
from partnerships.reports.checks import evaluation_done
from partnerships.reports.models import Evaluation, Lesson, SupplierContribution


def _start(client, pilot, title="Evaluatie 2026"):
    response = client.post(
        f"/pilots/{pilot.id}/evaluation", data={"title": title, "contract_id": 0}
    )
    assert response.status_code == 303, response.text
    return db.session.scalars(select(Evaluation).order_by(Evaluation.id.desc())).first()


def test_impact_is_filled_from_the_figures(scene, login_as, jobs_figures):
    jobs_figures.update(people=6, banen="4.50", durable=3)
    client = login_as(scene.member)
    evaluation = _start(client, scene.pilot)
    page = client.get(f"/pilots/{scene.pilot.id}/evaluations/{evaluation.id}")
    assert page.status_code == 200
    assert "4,50" in page.text  # the working group sees exact figures


def test_working_group_records_findings_and_lessons(scene, login_as):
    client = login_as(scene.member)
    evaluation = _start(client, scene.pilot)
    url = f"/pilots/{scene.pilot.id}/evaluations/{evaluation.id}"
    response = client.post(
        url,
        data={
            "went_well": "Korte lijnen met de opdrachtnemer",
            "to_improve": "Eerder de doelgroep betrekken",
            "version": evaluation.version,
        },
    )
    assert response.status_code == 303
    assert (
        client.post(
            url + "/lessons", data={"theme": "tender", "text": "Vraag SR als gunningscriterium"}
        ).status_code
        == 303
    )
    assert (
        client.post(
            url + "/lessons", data={"theme": "monitoring", "text": "Kwartaalrapportage volstaat"}
        ).status_code
        == 303
    )
    assert client.post(url + "/lessons", data={"theme": "tender", "text": ""}).status_code == 422
    db.session.refresh(evaluation)
    assert evaluation.went_well == "Korte lijnen met de opdrachtnemer"
    assert [lesson.theme for lesson in evaluation.lessons] == ["tender", "monitoring"]
    lesson = evaluation.lessons[1]
    assert client.post(f"/pilots/{scene.pilot.id}/lessons/{lesson.id}/delete").status_code == 303
    db.session.refresh(evaluation)
    assert len(evaluation.lessons) == 1


def test_suppliers_contribute_their_own_part_and_never_see_another(scene, login_as):
    client = login_as(scene.coordinator)
    evaluation = _start(client, scene.pilot)
    url = f"/pilots/{scene.pilot.id}/evaluations/{evaluation.id}/contribution"

    supplier = login_as(scene.supplier)
    assert supplier.get(url).status_code == 200
    assert (
        supplier.post(url, data={"ideas": "Stapelbanen in de schoonmaak", "version": 0}).status_code
        == 303
    )
    other = login_as(scene.other_supplier)
    page = other.get(url)
    assert "Stapelbanen in de schoonmaak" not in page.text
    assert (
        other.post(
            url, data={"ideas": "Groenonderhoud met leerwerkplekken", "version": 0}
        ).status_code
        == 303
    )

    rows = db.session.scalars(select(SupplierContribution)).all()
    assert {r.supplier_organisation_id for r in rows} == {
        scene.supplier_org.id,
        scene.other_supplier_org.id,
    }
    # The supplier edits its own row again; a stale copy is refused.
    mine = next(r for r in rows if r.supplier_organisation_id == scene.supplier_org.id)
    supplier = login_as(scene.supplier)
    assert (
        supplier.post(url, data={"ideas": "Bijgewerkt", "version": mine.version}).status_code == 303
    )
    assert supplier.post(url, data={"ideas": "Oud", "version": 1}).status_code == 409
    # Suppliers do not see the working group's evaluation itself.
    assert supplier.get(f"/pilots/{scene.pilot.id}/evaluations/{evaluation.id}").status_code == 403
    assert (
        supplier.get(
            f"/pilots/{scene.pilot.id}/evaluations/{evaluation.id}/evaluation.docx"
        ).status_code
        == 403
    )

    page = login_as(scene.member).get(f"/pilots/{scene.pilot.id}/evaluations/{evaluation.id}")
    assert "Bijgewerkt" in page.text and "Groenonderhoud met leerwerkplekken" in page.text


def test_marking_done_freezes_impact_and_completes_the_check(scene, login_as, jobs_figures):
    evaluation = services.create_evaluation(scene.pilot, scene.coordinator, title="Evaluatie")
    db.session.commit()
    assert evaluation_done(scene.pilot, None).status == "missing"
    client = login_as(scene.coordinator)
    url = f"/pilots/{scene.pilot.id}/evaluations/{evaluation.id}"
    assert client.post(url + "/done").status_code == 303
    db.session.refresh(evaluation)
    assert evaluation.is_done and evaluation.figures["people"] == 7
    assert evaluation_done(scene.pilot, None).status == "done"
    # Closed: no more edits, also not by suppliers.
    assert (
        client.post(url, data={"went_well": "x", "version": evaluation.version}).status_code == 403
    )
    supplier = login_as(scene.supplier)
    assert (
        supplier.post(url + "/contribution", data={"ideas": "laat", "version": 0}).status_code
        == 403
    )
    # Only the coordinator closes or reopens.
    assert login_as(scene.member).post(url + "/done").status_code == 403


def test_evaluation_downloads_as_a_word_document(scene, login_as):
    from io import BytesIO

    from docx import Document

    evaluation = services.create_evaluation(scene.pilot, scene.coordinator, title="Evaluatie 2026")
    evaluation.went_well = "- Korte lijnen\n- Goede **jobcoach**"
    services.add_lesson(evaluation, scene.coordinator, theme="tender", text="Eerder beginnen")
    db.session.commit()
    response = login_as(scene.member).get(
        f"/pilots/{scene.pilot.id}/evaluations/{evaluation.id}/evaluation.docx"
    )
    assert response.status_code == 200
    document = Document(BytesIO(response.data))
    texts = [p.text for p in document.paragraphs]
    assert "Evaluatie 2026" in texts
    assert "Wat ging goed" in texts
    assert "Korte lijnen" in texts and "Goede jobcoach" in texts
    assert "Aanbesteding en gunning: Eerder beginnen" in texts


def test_lessons_page_spans_the_organisations_pilots_with_a_theme_filter(scene, make, login_as):
    first = services.create_evaluation(scene.pilot, scene.coordinator, title="A")
    services.add_lesson(first, scene.coordinator, theme="tender", text="Les over aanbesteden")
    second_pilot = make.pilot(org=scene.org, title="Proeftuin groen")
    second = services.create_evaluation(second_pilot, scene.coordinator, title="B")
    services.add_lesson(second, scene.coordinator, theme="monitoring", text="Les over monitoren")
    foreign = make.pilot(title="Proeftuin elders")
    services.add_lesson(
        services.create_evaluation(foreign, scene.coordinator, title="C"),
        scene.coordinator,
        theme="tender",
        text="Les van een ander",
    )
    db.session.commit()

    client = login_as(scene.member)  # member of the first pilot only: still learns from both
    page = client.get("/lessons")
    assert page.status_code == 200
    assert "Les over aanbesteden" in page.text and "Les over monitoren" in page.text
    assert "Les van een ander" not in page.text
    filtered = client.get("/lessons?theme=monitoring")
    assert "Les over monitoren" in filtered.text and "Les over aanbesteden" not in filtered.text
    assert client.get("/lessons?theme=nonsense").status_code == 200
    assert len(db.session.scalars(select(Lesson)).all()) == 3


def test_lessons_page_is_closed_to_board_suppliers_and_strangers(scene, login_as):
    for user in (scene.board, scene.supplier, scene.stranger):
        assert login_as(user).get("/lessons").status_code == 403


def test_board_and_strangers_cannot_open_or_change_evaluations(scene, login_as):
    evaluation = services.create_evaluation(scene.pilot, scene.coordinator, title="E")
    db.session.commit()
    url = f"/pilots/{scene.pilot.id}/evaluations/{evaluation.id}"
    board = login_as(scene.board)
    assert board.get(url).status_code == 403
    assert board.post(url, data={"went_well": "x", "version": 1}).status_code == 403
    assert board.post(url + "/lessons", data={"theme": "tender", "text": "x"}).status_code == 403
    assert (
        board.post(f"/pilots/{scene.pilot.id}/evaluation", data={"title": "x"}).status_code == 403
    )
    stranger = login_as(scene.stranger)
    assert stranger.get(f"/pilots/{scene.pilot.id}/evaluation").status_code == 403
    assert stranger.get(url).status_code == 403


def test_evaluation_of_one_contract(scene, login_as):
    from partnerships.contracts.models import Contract, contract_pilot

    contract = Contract(organisation_id=scene.org.id, title="Schoonmaak stadhuis")
    db.session.add(contract)
    db.session.flush()
    db.session.execute(
        contract_pilot.insert().values(contract_id=contract.id, pilot_id=scene.pilot.id)
    )
    db.session.commit()
    client = login_as(scene.coordinator)
    assert (
        "Contract: Schoonmaak stadhuis" in client.get(f"/pilots/{scene.pilot.id}/evaluation").text
    )
    response = client.post(
        f"/pilots/{scene.pilot.id}/evaluation",
        data={"title": "Evaluatie schoonmaak", "contract_id": contract.id},
    )
    assert response.status_code == 303
    evaluation = db.session.scalar(select(Evaluation))
    assert evaluation.contract_id == contract.id

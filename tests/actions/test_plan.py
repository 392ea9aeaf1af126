"""The 1d action plan: assembled from the pilot's data, printable and downloadable."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from sqlalchemy import select

from partnerships.actions.models import ExternalOrganisation
from partnerships.actions.services import create_action
from partnerships.extensions import db
from partnerships.pilots.models import Membership


def fill_plan(crew):
    pilot = crew.pilot
    pilot.goals_text = "Zes banen in de schoonmaak binnen twee jaar."
    membership = db.session.scalar(select(Membership).where(Membership.user_id == crew.hr1.id))
    membership.task_description = "Brengt de doelgroep in beeld"
    from partnerships.meetings.services import record_decision

    record_decision(
        pilot,
        crew.coordinator,
        kind="principebesluit",
        title="College stemt in met verkenning",
        decided_by="board",
        decided_on=date(2026, 2, 3),
    )
    create_action(
        pilot,
        crew.coordinator,
        title="Contracten inventariseren",
        role="hr_expert",
        step_code="2Ba",
        assignee=crew.hr1,
        deadline=date(2026, 3, 1),
    )
    create_action(
        pilot, crew.coordinator, title="Kick-off plannen", role="coordinator_backup", step_code="1b"
    )
    dropped = create_action(pilot, crew.coordinator, title="Vervallen actie", role="hr_expert")
    dropped.status = "dropped"
    db.session.commit()


def test_plan_page_holds_goal_decision_members_actions_and_partners(crew, login_as):
    fill_plan(crew)
    client = login_as(crew.coordinator)
    client.post(
        f"/pilots/{crew.pilot.id}/action-plan/organisations",
        data={"name": "UWV", "involvement": "Doelgroepregister"},
    )
    client.post(
        f"/pilots/{crew.pilot.id}/action-plan/agreements",
        data={"meeting_agreements": "Elke **twee weken** overleg", "version": "0"},
    )
    page = client.get(f"/pilots/{crew.pilot.id}/action-plan")
    assert page.status_code == 200
    for text in (
        "Zes banen in de schoonmaak",
        "College stemt in met verkenning",
        "Hanna HR",
        "Brengt de doelgroep in beeld",
        "Contracten inventariseren",
        "Kick-off plannen",
        "UWV",
        "<strong>twee weken</strong>",
        "Ahmed Backup",
    ):
        assert text in page.text, text
    assert "Vervallen actie" not in page.text
    # Step 1 comes before step 2B in the plan.
    assert page.text.index("Kick-off plannen") < page.text.index("Contracten inventariseren")


def test_docx_download_contains_goal_member_and_action(crew, login_as):
    fill_plan(crew)
    response = login_as(crew.hr1).get(f"/pilots/{crew.pilot.id}/action-plan.docx")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert "attachment" in response.headers["Content-Disposition"]
    document = Document(io.BytesIO(response.data))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Zes banen in de schoonmaak" in text
    assert "College stemt in met verkenning" in text
    assert "Hanna HR" in cells and "Brengt de doelgroep in beeld" in cells
    assert "Contracten inventariseren" in cells and "1 maart 2026" in cells
    assert "Actieplan" in text  # Dutch by default


def test_docx_in_english_on_request(crew, login_as):
    fill_plan(crew)
    response = login_as(crew.coordinator).get(f"/pilots/{crew.pilot.id}/action-plan.docx?lang=en")
    document = Document(io.BytesIO(response.data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Action plan" in text and "Meeting agreements" in text
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "1 March 2026" in cells
    bad = login_as(crew.coordinator).get(f"/pilots/{crew.pilot.id}/action-plan.docx?lang=xx")
    assert bad.status_code == 200


def test_external_organisations_are_added_once_and_removed(crew, login_as):
    client = login_as(crew.coordinator)
    url = f"/pilots/{crew.pilot.id}/action-plan/organisations"
    assert client.post(url, data={"name": "Werkgeversservicepunt"}).status_code == 303
    assert client.post(url, data={"name": "werkgeversservicepunt"}).status_code == 422
    assert client.post(url, data={"name": ""}).status_code == 422
    row = db.session.scalar(select(ExternalOrganisation))
    assert client.post(f"{url}/{row.id}/remove").status_code == 303
    assert db.session.scalar(select(ExternalOrganisation)) is None


def test_stale_meeting_agreements_are_refused(crew, login_as):
    client = login_as(crew.coordinator)
    url = f"/pilots/{crew.pilot.id}/action-plan/agreements"
    assert client.post(url, data={"meeting_agreements": "A", "version": "0"}).status_code == 303
    assert client.post(url, data={"meeting_agreements": "B", "version": "1"}).status_code == 303
    assert client.post(url, data={"meeting_agreements": "C", "version": "1"}).status_code == 409


def test_plan_access(crew, login_as):
    url = f"/pilots/{crew.pilot.id}/action-plan"
    assert login_as(crew.board).get(url).status_code == 200
    assert login_as(crew.board).post(f"{url}/organisations", data={"name": "X"}).status_code == 403
    assert login_as(crew.hr1).post(f"{url}/organisations", data={"name": "X"}).status_code == 403
    assert login_as(crew.contact).get(url).status_code == 403
    assert login_as(crew.contact).get(url + ".docx").status_code == 403
    assert login_as(crew.outsider).get(url).status_code == 403

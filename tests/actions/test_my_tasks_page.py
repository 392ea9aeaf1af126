"""My tasks as a page: every row links to its action and carries a status form that works
without JavaScript, and titles are shown as text, never as markup."""

from __future__ import annotations

import re
from datetime import timedelta

from partnerships import clock
from partnerships.actions.models import Action
from partnerships.actions.services import create_action
from partnerships.extensions import db


def test_each_row_links_its_action_and_changes_its_status(crew, make, login_as):
    other = make.pilot(coordinator=crew.coordinator, title="Pilot groen")
    make.member(other, crew.hr1, role="hr_expert")
    late = create_action(
        other,
        crew.coordinator,
        title="Te laat",
        role="hr_expert",
        deadline=clock.today() - timedelta(days=2),
    )
    mine = create_action(crew.pilot, crew.coordinator, title="Later", role="hr_expert")
    db.session.commit()
    client = login_as(crew.hr1)
    page = client.get("/tasks").text

    row = re.search(rf'<tr id="task-{late.id}">.*?</tr>', page, re.S).group(0)
    assert f'href="/pilots/{other.id}/actions/{late.id}"' in row
    assert f'action="/pilots/{other.id}/actions/{late.id}/status"' in row
    assert "Pilot groen" in row and "te laat" in row  # the overdue badge
    assert f'name="version" value="{late.version}"' in row
    assert '<option value="open" selected>Open</option>' in row
    assert 'class="visually-hidden">Status van Te laat</label>' in row
    assert "Bijwerken<span" in row

    row = re.search(rf'<tr id="task-{mine.id}">.*?</tr>', page, re.S).group(0)
    assert "geen deadline" in row and "te laat" not in row
    form = re.search(r'<form method="post" action="([^"]+)"', row).group(1)
    assert form == f"/pilots/{crew.pilot.id}/actions/{mine.id}/status"
    response = client.post(
        form, data={"status": "busy", "version": mine.version, "next": "/tasks", "reason": ""}
    )
    assert response.status_code == 303
    assert db.session.get(Action, mine.id).status == "busy"


def test_titles_with_markup_are_shown_as_text(crew, make, login_as):
    pilot = make.pilot(coordinator=crew.coordinator, title="<i>Pilot</i> & co")
    make.member(pilot, crew.hr1, role="hr_expert")
    create_action(pilot, crew.coordinator, title='<img src=x onerror="alert(1)">', role="hr_expert")
    db.session.commit()
    page = login_as(crew.hr1).get("/tasks").text
    assert "<img" not in page and "<i>Pilot" not in page
    # In the link, the status label and the button's hidden text.
    assert page.count("&lt;img src=x onerror=&#34;alert(1)&#34;&gt;") == 3
    assert "&lt;i&gt;Pilot&lt;/i&gt; &amp; co" in page

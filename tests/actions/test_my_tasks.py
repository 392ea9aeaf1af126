"""My tasks: everything for me across pilots, overdue first, then this week, then the rest."""

from __future__ import annotations

from datetime import timedelta

from partnerships import clock
from partnerships.actions.queries import my_tasks, task_page
from partnerships.actions.services import create_action
from partnerships.extensions import db
from tests.statements import sql_statements
from tests.supplier_actions import supplier_action


def days(n):
    return clock.today() + timedelta(days=n)


def test_order_is_overdue_then_this_week_then_the_rest(crew, make, login_as):
    second_pilot = make.pilot(coordinator=crew.coordinator, title="Pilot groen")
    make.member(second_pilot, crew.hr1, role="hr_expert")
    c, p, p2 = crew.coordinator, crew.pilot, second_pilot
    create_action(p, c, title="Later-zonder", role="hr_expert", assignee=crew.hr1)
    create_action(p, c, title="Week-3", role="hr_expert", deadline=days(3))
    create_action(p2, c, title="Te-laat-1", role="hr_expert", assignee=crew.hr1, deadline=days(-1))
    create_action(p, c, title="Later-30", role="hr_expert", assignee=crew.hr1, deadline=days(30))
    create_action(p2, c, title="Te-laat-10", role="hr_expert", deadline=days(-10))
    create_action(p, c, title="Week-0", role="hr_expert", assignee=crew.hr1, deadline=days(0))
    # Not mine: someone else's, another role, finished or dropped.
    create_action(p, c, title="Van-Henk", role="hr_expert", assignee=crew.hr2, deadline=days(-3))
    create_action(p, c, title="Andere-rol", role="coordinator_backup", deadline=days(-3))
    done = create_action(p, c, title="Klaar", role="hr_expert", deadline=days(-3))
    done.status = "done"
    db.session.commit()

    titles = [a.title for a in my_tasks(crew.hr1, clock.today())]
    assert titles == ["Te-laat-10", "Te-laat-1", "Week-0", "Week-3", "Later-30", "Later-zonder"]

    page = login_as(crew.hr1).get("/tasks")
    assert page.status_code == 200
    positions = [page.text.index(t) for t in titles]
    assert positions == sorted(positions)
    assert "Van-Henk" not in page.text and "Andere-rol" not in page.text
    assert "Pilot groen" in page.text


def test_supplier_contacts_see_no_internal_tasks(crew):
    c = crew.coordinator
    supplier_action(crew.pilot, c, "Gedeeld")
    supplier_action(crew.pilot, c, "Eigen", crew.contact)
    db.session.commit()
    # Neither has a deadline, so they keep the order they were made in.
    assert [a.title for a in my_tasks(crew.contact, clock.today())] == ["Gedeeld", "Eigen"]
    assert [a.title for a in my_tasks(crew.other_contact, clock.today())] == ["Gedeeld"]


def count_queries(app, fn):
    with sql_statements() as statements:
        fn()
    return len(statements)


def test_my_tasks_page_costs_the_same_queries_for_3_or_30_tasks(crew, make, login_as, app):
    client = login_as(crew.hr1)

    def add(start, n):
        for i in range(start, start + n):
            pilot = make.pilot(coordinator=crew.coordinator, title=f"P{i}")
            make.member(pilot, crew.hr1, role="hr_expert")
            create_action(
                pilot, crew.coordinator, title=f"T{i}", role="hr_expert", deadline=days(i - 2)
            )
        db.session.commit()

    add(0, 3)
    few = count_queries(app, lambda: client.get("/tasks"))
    add(3, 27)
    many = count_queries(app, lambda: client.get("/tasks"))
    assert many == few
    assert "T29" in client.get("/tasks").text


def test_pilot_action_list_costs_the_same_queries_for_more_rows(crew, login_as, app):
    client = login_as(crew.coordinator)
    url = f"/pilots/{crew.pilot.id}/actions"

    def add(n):
        for i in range(n):
            create_action(
                crew.pilot,
                crew.coordinator,
                title=f"A{i}",
                role="hr_expert",
                assignee=crew.hr1 if i % 2 else None,
                deadline=days(i),
            )
        db.session.commit()

    add(2)
    few = count_queries(app, lambda: client.get(url))
    add(20)
    many = count_queries(app, lambda: client.get(url))
    assert many == few


def test_a_long_task_list_is_paged_fifty_at_a_time_most_urgent_first(crew, login_as):
    # 10 overdue, 5 due this week, 45 later: 60 tasks, so two pages.
    c, p = crew.coordinator, crew.pilot
    for i in range(10):
        create_action(p, c, title=f"Laat-{i:02}", role="hr_expert", deadline=days(-20 + i))
    for i in range(5):
        create_action(p, c, title=f"Week-{i:02}", role="hr_expert", deadline=days(i))
    for i in range(45):
        create_action(p, c, title=f"Later-{i:02}", role="hr_expert", deadline=days(10 + i))
    db.session.commit()
    client = login_as(crew.hr1)

    first = client.get("/tasks")
    assert first.status_code == 200
    assert first.text.count('<tr id="task-') == 50
    # Headings count the whole group, not just this page.
    assert "(10)" in first.text and "(5)" in first.text and "(45)" in first.text
    assert "Laat-00" in first.text and "Later-34" in first.text and "Later-35" not in first.text
    assert "/tasks?page=2" in first.text and "?page=0" not in first.text

    second = client.get("/tasks?page=2")
    assert second.text.count('<tr id="task-') == 10
    assert "Later-35" in second.text and "Later-44" in second.text and "Laat-00" not in second.text
    assert "/tasks?page=3" not in second.text
    # After a status change the person comes back to the page they were on.
    assert 'name="next" value="/tasks?page=2"' in second.text


def test_a_page_number_that_makes_no_sense_shows_a_real_page(crew, login_as):
    for i in range(3):
        create_action(crew.pilot, crew.coordinator, title=f"T{i}", role="hr_expert")
    db.session.commit()
    client = login_as(crew.hr1)
    for page in ("abc", "-1", "0", "999", "1e9", "99999999999999999999"):
        response = client.get(f"/tasks?page={page}")
        assert response.status_code == 200, page
        assert response.text.count('<tr id="task-') == 3, page


def test_task_page_counts_every_group_in_sql(crew):
    c, p = crew.coordinator, crew.pilot
    for n in (-3, -1, 0, 7, 8, None):
        create_action(
            p, c, title=f"D{n}", role="hr_expert", deadline=None if n is None else days(n)
        )
    db.session.commit()
    page = task_page(crew.hr1, clock.today(), 1, per_page=4)
    assert page.counts == {"overdue": 2, "soon": 2, "later": 2}
    assert (page.total, page.pages, page.first, page.last) == (6, 2, 1, 4)
    assert [a.title for a in page.items] == ["D-3", "D-1", "D0", "D7"]
    last = task_page(crew.hr1, clock.today(), 2, per_page=4)
    assert [a.title for a in last.items] == ["D8", "DNone"]
    assert (last.has_previous, last.has_next, last.first, last.last) == (True, False, 5, 6)


def test_the_inline_status_button_says_update_in_dutch(app, make, login_as):
    pilot = make.pilot()
    member = make.member(pilot, role="hr_expert")
    from partnerships.actions.services import create_action

    create_action(pilot, None, title="Knop", role="hr_expert", assignee=member)
    html = login_as(member).get("/tasks").get_data(as_text=True)
    assert ">Bijwerken<span" in html
    assert "built-in method" not in html

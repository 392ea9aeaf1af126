"""Findings of the review for reports: list pages cost the same number of queries however
long they get, and impossible period dates get a message."""

from __future__ import annotations

from datetime import date, timedelta

from partnerships.extensions import db
from partnerships.reports import services
from tests.statements import sql_statements


def _queries(client, url) -> int:
    client.get(url)  # warm up: sessions, caches
    db.session.expire_all()
    with sql_statements() as statements:
        assert client.get(url).status_code == 200
    return len(statements)


def _notes(scene, how_many, offset=0):
    for n in range(offset, offset + how_many):
        start = date(2020, 1, 1) + timedelta(days=40 * n)
        note = services.create_note(
            scene.pilot,
            scene.coordinator,
            period_label=f"Periode {n}",
            period_start=start,
            period_end=start + timedelta(days=30),
            body="Voortgang",
        )
        services.publish_note(note, scene.coordinator)
        services.add_remark(note, scene.board, "Graag meer uitleg")
        services.acknowledge(note, scene.board)
    db.session.commit()


def test_the_notes_page_does_not_query_per_note(scene, login_as, jobs_figures):
    _notes(scene, 2)
    url = f"/pilots/{scene.pilot.id}/notes"
    few = {who: _queries(login_as(who), url) for who in (scene.coordinator, scene.board)}
    _notes(scene, 10, offset=2)
    many = {who: _queries(login_as(who), url) for who in (scene.coordinator, scene.board)}
    assert many == few
    html = login_as(scene.coordinator).get(url).get_data(as_text=True)
    assert html.count("Graag meer uitleg") == 12  # every unread remark is listed


def test_the_board_view_does_not_query_per_pilot(scene, make, login_as, jobs_figures):
    def more_pilots(n):
        for _ in range(n):
            pilot = make.pilot(scene.org, scene.coordinator)
            make.member(pilot, scene.board, role="board")
        db.session.commit()

    more_pilots(1)
    client = login_as(scene.board)
    few = _queries(client, "/board")
    few_export = _queries(client, "/board/export.csv")
    more_pilots(6)
    assert _queries(client, "/board") == few
    assert _queries(client, "/board/export.csv") == few_export


def test_a_period_in_year_one_or_9999_is_refused(scene, login_as):
    client = login_as(scene.coordinator)
    for start, end in (("0001-01-01", "0001-03-31"), ("9999-10-01", "9999-12-31")):
        response = client.post(
            f"/pilots/{scene.pilot.id}/notes/new",
            data={
                "period_label": "Ver weg",
                "period_start": start,
                "period_end": end,
                "body": "Tekst",
            },
        )
        assert response.status_code == 422
        assert "2000 en 2100" in response.get_data(as_text=True)

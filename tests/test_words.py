"""Labels that say what they mean (issue: misleading labels and Dutch nits)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from partnerships import clock
from partnerships.extensions import db
from tests.contracts.conftest import add_contract


def test_a_report_period_in_the_audit_trail_reads_as_words(app):
    from partnerships.team.audit_labels import readable_details

    with app.test_request_context():
        submitted = readable_details("report.submitted", "2026-01-01..2026-03-31 v1", {})
        returned = readable_details("report.returned", "2026-01-01 v2 Uren ontbreken", {})
    assert submitted == "periode 1 januari 2026 tot en met 31 maart 2026, versie 1"
    assert returned == "periode vanaf 1 januari 2026, versie 2: Uren ontbreken"
    assert ".." not in submitted


def test_a_contract_with_27_days_left_says_27_days(make, app):
    from partnerships.contracts.hints import remaining_term

    pilot = make.pilot()
    today = date(2026, 12, 6)
    contract = add_contract(pilot, "Schoonmaak", [], end_date=today + timedelta(days=26))
    with app.test_request_context():
        hint = remaining_term(contract, today)
    assert "27 dagen" in hint.explanation and "0 maanden" not in hint.explanation


def test_a_placement_past_its_end_date_is_not_shown_as_active(make, login_as):
    from tests.contracts.conftest import add_placement

    pilot = make.pilot()
    supplier = make.org(kind="supplier")
    contract = add_contract(pilot, "Schoonmaak", [supplier])
    add_placement(
        pilot,
        contract,
        supplier,
        start_date=date(2025, 1, 1),
        end_date=clock.today() - timedelta(days=3),
        hours_per_week=Decimal("20"),
    )
    html = (
        login_as(pilot.memberships[0].user)
        .get(f"/pilots/{pilot.id}/placements")
        .get_data(as_text=True)
    )
    assert "uitkomst nog niet vastgelegd" in html
    row = html.split("<tbody>")[1]
    assert ">Actief<" not in row


def test_a_number_out_of_range_is_asked_for_in_plain_dutch(make, login_as):
    pilot = make.pilot()
    client = login_as(pilot.memberships[0].user)
    response = client.post(
        "/pilots/new",
        data={
            "title": "X",
            "purchasing_category": "cleaning",
            "start_date": "2026-01-01",
            "goal_jobs": "4",
            "goal_people": "999999",
        },
    )
    html = response.get_data(as_text=True)
    assert "Vul een getal in tussen 0 en 100000." in html and "Nummer moet" not in html
    db.session.rollback()


def test_dutch_uses_one_word_for_each_concept():
    # The guide speaks of a "top 3" of suppliers, an "opdrachtwaarde" and, for the BI tools,
    # an "API-sleutel": the interface says the same, never a second word beside it.
    from pathlib import Path

    from babel.messages.pofile import read_po

    import partnerships

    root = Path(partnerships.__file__).parent
    texts = []
    for path in root.glob("**/translations/nl/LC_MESSAGES/messages.po"):
        with path.open("rb") as po:
            texts += [m.string for m in read_po(po) if m.id and isinstance(m.string, str)]
    words = " ".join(texts).lower()
    for chosen, other in (("top 3", "shortlist"), ("opdrachtwaarde", "projectsom")):
        assert chosen in words and other not in words, other
    assert "api-sleutel" in words and "api-token" not in words

"""The live board: an unchanged board answers 304 after one cheap query, a changed board
sends its cards out of band, and the SQL access check agrees with the rules table."""

from __future__ import annotations

import re

import pytest

from partnerships import access
from partnerships.brainstorms import services
from partnerships.brainstorms.poll import poll_row
from partnerships.extensions import db
from tests.statements import sql_statements


def test_unchanged_board_answers_304_with_its_etag(cast, brainstorm_a, login_as, url):
    client = login_as(cast.contact_a)
    response = client.get(url(brainstorm_a, f"/poll?since={brainstorm_a.revision}"))
    assert response.status_code == 304
    assert response.data == b""
    assert response.headers["ETag"].startswith('W/"b')


def test_if_none_match_is_honoured(cast, brainstorm_a, login_as, url):
    client = login_as(cast.contact_a)
    first = client.get(url(brainstorm_a, "/poll"))
    assert first.status_code == 200
    etag = first.headers["ETag"]
    again = client.get(url(brainstorm_a, "/poll"), headers={"If-None-Match": etag})
    assert again.status_code == 304
    services.add_card(brainstorm_a, cast.coordinator, place="what", text="Nieuw")
    db.session.commit()
    changed = client.get(url(brainstorm_a, "/poll"), headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_an_unchanged_poll_costs_two_queries(cast, brainstorm_a, login_as, url):
    """One to load the logged-in user (Flask-Login), one for revision and access together."""
    client = login_as(cast.contact_a)
    revision = brainstorm_a.revision
    db.session.expunge_all()  # as in production: a request starts with an empty session
    with sql_statements() as statements:
        response = client.get(url(brainstorm_a, f"/poll?since={revision}"))
    assert response.status_code == 304
    assert len(statements) == 2, statements
    assert "user_account" in statements[0]
    assert "revision" in statements[1] and "brainstorm_share" in statements[1]


def test_an_unchanged_poll_of_a_large_board_still_costs_two_queries(
    cast, brainstorm_a, login_as, url
):
    for n in range(200):
        services.add_card(brainstorm_a, cast.coordinator, place="potential", text=f"Kaart {n}")
    db.session.commit()
    client = login_as(cast.coordinator)
    revision = brainstorm_a.revision
    db.session.expunge_all()
    with sql_statements() as statements:
        response = client.get(url(brainstorm_a, f"/poll?since={revision}"))
    assert response.status_code == 304 and len(statements) == 2


def test_a_new_card_reaches_the_other_participant_out_of_band(cast, brainstorm_a, login_as, url):
    seen = brainstorm_a.revision
    services.add_card(brainstorm_a, cast.contact_a, place="potential", text="Stapelbaan")
    db.session.commit()
    response = login_as(cast.coordinator).get(url(brainstorm_a, f"/poll?since={seen}"))
    assert response.status_code == 200
    assert 'id="cards-potential" class="card-list bs-cards" hx-swap-oob="true"' in response.text
    assert "Stapelbaan" in response.text
    since = re.search(r'id="board-since" name="since" value="(\d+)"', response.text)
    assert int(since.group(1)) == seen + 1


def test_every_change_bumps_the_revision(cast, brainstorm_a):
    revisions = [brainstorm_a.revision]

    def changed():
        db.session.commit()
        db.session.refresh(brainstorm_a)
        revisions.append(brainstorm_a.revision)

    card = services.add_card(brainstorm_a, cast.contact_a, place="what", text="Een")
    changed()
    services.edit_card(card, cast.contact_a, version=card.version, text="Twee")
    changed()
    services.set_pinned(card, cast.coordinator, version=card.version, pinned=True)
    changed()
    services.move_card(card, cast.coordinator, version=card.version, place="how")
    changed()
    services.withdraw_card(card, cast.contact_a, version=card.version)
    changed()
    services.close(brainstorm_a, cast.coordinator)
    changed()
    assert revisions == sorted(set(revisions)) and len(revisions) == 7


def test_closing_stops_the_poll_on_open_boards(cast, brainstorm_a, login_as, url):
    seen = brainstorm_a.revision
    services.close(brainstorm_a, cast.coordinator)
    db.session.commit()
    response = login_as(cast.contact_a).get(url(brainstorm_a, f"/poll?since={seen}"))
    assert response.status_code == 200
    assert '<div id="board-poll" hx-swap-oob="true">' in response.text


def test_poll_of_a_brainstorm_under_another_pilot_is_missing(cast, brainstorm_a, login_as, make):
    other = make.pilot(cast.buyer, cast.coordinator)
    db.session.commit()
    client = login_as(cast.coordinator)
    assert client.get(f"/pilots/{other.id}/brainstorms/{brainstorm_a.id}/poll").status_code == 404


@pytest.mark.parametrize(
    "who, expected",
    [
        ("coordinator", True),
        ("member", True),
        ("board", True),
        ("contact_a", True),
        ("contact_b", False),
        ("stranger", False),
        ("org_admin", True),
        ("buyer_colleague", False),
    ],
)
def test_the_poll_check_agrees_with_the_rules_table(cast, brainstorm_a, make, who, expected):
    if who == "org_admin":
        user = make.user(cast.buyer, org_role="admin")
    elif who == "buyer_colleague":
        user = make.user(cast.buyer)  # same organisation, not in the pilot
    else:
        user = getattr(cast, who)
    db.session.commit()
    _, may_view = poll_row(cast.pilot.id, brainstorm_a.id, user)
    assert bool(may_view) is expected
    access.forget_standing()
    assert access.can(user, "brainstorm.view", brainstorm_a) is expected

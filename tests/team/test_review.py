"""Findings of the security review for the working group: suppliers are not offered tabs
that would answer "no access" (the working group lists every supplier's contacts)."""

from __future__ import annotations


def test_suppliers_are_not_offered_the_working_group_and_raci_tabs(make, login_as):
    pilot = make.pilot()
    contact = make.member(pilot, make.user(make.org(kind="supplier")), role="supplier")
    board = make.member(pilot, make.user(pilot.organisation), role="board")
    html = login_as(contact).get(f"/pilots/{pilot.id}").get_data(as_text=True)
    assert f"/pilots/{pilot.id}/working-group" not in html
    assert f"/pilots/{pilot.id}/raci" not in html
    assert login_as(contact).get(f"/pilots/{pilot.id}/working-group").status_code == 403
    html = login_as(board).get(f"/pilots/{pilot.id}").get_data(as_text=True)
    assert f"/pilots/{pilot.id}/working-group" in html
    # "Who does what" is a page under the working group's place.
    html = login_as(board).get(f"/pilots/{pilot.id}/working-group").get_data(as_text=True)
    assert f"/pilots/{pilot.id}/raci" in html


def test_a_huge_membership_id_is_not_found(make, login_as):
    pilot = make.pilot()
    client = login_as(pilot.memberships[0].user)
    url = f"/pilots/{pilot.id}/working-group/99999999999999999999/remove"
    assert client.post(url).status_code == 404

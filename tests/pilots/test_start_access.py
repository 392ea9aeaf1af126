"""Who may start a pilot: people who run pilots, not board-only members or the site admin."""

from partnerships.accounts.models import OrgRole


def test_a_board_only_member_cannot_start_a_pilot(make, login_as):
    pilot = make.pilot()
    board = make.member(pilot, role="board")
    client = login_as(board)
    assert "/pilots/new" not in client.get("/pilots").get_data(as_text=True)
    assert client.get("/pilots/new").status_code in (403, 404)


def test_a_working_group_member_and_a_new_colleague_can_start_one(make, login_as):
    pilot = make.pilot()
    member = make.member(pilot, role="hr_expert")
    newcomer = make.user(pilot.organisation)
    for user in (member, newcomer):
        client = login_as(user)
        assert client.get("/pilots/new").status_code == 200


def test_the_org_admin_can_start_one_even_on_a_board(make, login_as):
    pilot = make.pilot()
    admin = make.user(pilot.organisation, org_role=OrgRole.ADMIN)
    make.member(pilot, user=admin, role="board")
    assert login_as(admin).get("/pilots/new").status_code == 200


def test_the_site_admin_cannot_start_one(make, login_as):
    admin = make.user(make.org(), is_site_admin=True)
    assert login_as(admin).get("/pilots/new").status_code in (403, 404)

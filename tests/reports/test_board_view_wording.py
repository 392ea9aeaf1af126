"""An org admin who is not on the board sees all pilots, worded so, without read status."""

from partnerships.accounts.models import OrgRole


def test_an_org_admin_off_the_board_gets_their_own_wording(make, login_as):
    pilot = make.pilot()
    admin = make.user(pilot.organisation, org_role=OrgRole.ADMIN)
    page = login_as(admin).get("/board").get_data(as_text=True)
    assert "All pilots of your organisation" in page or "Alle proeftuinen van je" in page
    assert "on the board" not in page and "bestuurder bent" not in page
    assert "Not yet read by you" not in page and "Nog niet door jou gelezen" not in page

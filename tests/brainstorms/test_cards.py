"""Cards on a shared board: who adds, edits, moves, merges and pins, and bad input."""

from __future__ import annotations

from sqlalchemy import select

from partnerships.brainstorms import services
from partnerships.brainstorms.models import Brainstorm, BrainstormShare, Card
from partnerships.extensions import db


def _card(brainstorm, author, text="Natuurlijk verloop benutten", place="potential"):
    card = services.add_card(brainstorm, author, place=place, text=text)
    db.session.commit()
    return card


def test_coordinator_starts_a_brainstorm_shared_with_one_supplier(cast, web):
    response = web(cast.coordinator).submit(
        f"/pilots/{cast.pilot.id}/brainstorms/new",
        title="Schoonmaak stadhuis",
        description="Schoonmaak door Schoon & Co",
        kind="existing_without_sr",
        nature="service",
        labour_component="42 schoonmakers",
        suppliers=[cast.supplier_a.id],
    )
    assert response.status_int == 303
    brainstorm = db.session.scalar(select(Brainstorm))
    assert brainstorm.facilitator_id == cast.coordinator.id
    assert brainstorm.step_code == "2Ba"
    assert brainstorm.shared_org_ids == {cast.supplier_a.id}


def test_a_brainstorm_without_title_or_with_an_unknown_kind_is_refused(cast, login_as):
    client = login_as(cast.coordinator)
    response = client.post(
        f"/pilots/{cast.pilot.id}/brainstorms/new",
        data={"title": "", "kind": "made_up", "nature": ""},
    )
    assert response.status_code == 422
    assert db.session.scalar(select(Brainstorm)) is None


def test_supplier_contact_cannot_start_a_brainstorm(cast, login_as):
    client = login_as(cast.contact_a)
    assert client.get(f"/pilots/{cast.pilot.id}/brainstorms/new").status_code == 403


def test_participants_add_cards_showing_their_organisation(cast, brainstorm_a, login_as, url):
    client = login_as(cast.contact_a)
    response = client.post(
        url(brainstorm_a, "/cards"), data={"place": "in_view", "text": "42 schoonmakers in dienst"}
    )
    assert response.status_code == 303
    page = login_as(cast.coordinator).get(url(brainstorm_a)).text
    assert "42 schoonmakers in dienst" in page
    assert "Schoon &amp; Co" in page


def test_an_empty_card_is_refused_with_a_message(cast, brainstorm_a, login_as, url):
    response = login_as(cast.coordinator).post(
        url(brainstorm_a, "/cards"), data={"place": "what", "text": "   "}
    )
    assert response.status_code == 422
    assert "Schrijf iets op het kaartje." in response.text
    assert db.session.scalar(select(Card)) is None


def test_a_card_of_5000_characters_is_refused_and_the_text_kept(cast, brainstorm_a, login_as, url):
    text = "x" * 4990 + " einde"
    response = login_as(cast.coordinator).post(
        url(brainstorm_a, "/cards"), data={"place": "what", "text": text}
    )
    assert response.status_code == 422
    assert "maximaal 2.000 tekens" in response.text
    assert text in response.text  # nothing typed is lost
    assert db.session.scalar(select(Card)) is None


def test_a_card_of_exactly_2000_characters_is_fine(cast, brainstorm_a, login_as, url):
    response = login_as(cast.coordinator).post(
        url(brainstorm_a, "/cards"), data={"place": "what", "text": "y" * 2000}
    )
    assert response.status_code == 303


def test_a_card_on_an_unknown_place_is_refused(cast, brainstorm_a, login_as, url):
    response = login_as(cast.coordinator).post(
        url(brainstorm_a, "/cards"), data={"place": "nowhere", "text": "Hallo"}
    )
    assert response.status_code == 422


def test_html_and_script_in_a_card_are_shown_as_text(cast, brainstorm_a, login_as, url):
    client = login_as(cast.contact_a)
    client.post(
        url(brainstorm_a, "/cards"),
        data={
            "place": "what",
            "text": "<script>alert(1)</script> **vet** <img src=x onerror=alert(2)>",
        },
    )
    page = client.get(url(brainstorm_a)).text
    assert "<script>alert(1)" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<strong>vet</strong>" in page


def test_a_card_sent_to_a_closed_brainstorm_is_refused_and_the_text_shown(
    cast, brainstorm_a, login_as, url
):
    services.close(brainstorm_a, cast.coordinator)
    db.session.commit()
    response = login_as(cast.contact_a).post(
        url(brainstorm_a, "/cards"), data={"place": "what", "text": "Te laat idee"}
    )
    assert response.status_code == 409
    assert "gesloten" in response.text
    assert "Te laat idee" in response.text
    assert db.session.scalar(select(Card)) is None


def test_supplier_b_cannot_post_to_a_brainstorm_of_supplier_a(cast, brainstorm_a, login_as, url):
    response = login_as(cast.contact_b).post(
        url(brainstorm_a, "/cards"), data={"place": "what", "text": "Stiekem"}
    )
    assert response.status_code == 403
    assert db.session.scalar(select(Card)) is None


def test_board_member_reads_but_cannot_add(cast, brainstorm_a, login_as, url):
    client = login_as(cast.board)
    assert client.get(url(brainstorm_a)).status_code == 200
    assert (
        client.post(url(brainstorm_a, "/cards"), data={"place": "what", "text": "Idee"}).status_code
        == 403
    )


def test_anonymous_cards_hide_the_organisation_only_when_allowed(cast, brainstorm_a, login_as, url):
    client = login_as(cast.contact_a)
    # The page offers no "anonymous" box here; a hand-made request that sends one anyway
    # is not made anonymous.
    client.post(
        url(brainstorm_a, "/cards"),
        data={"place": "who", "text": "Niet anoniem", "anonymous": "y"},
        hand_built=True,
    )
    assert db.session.scalar(select(Card)).anonymous is False  # the brainstorm does not allow it
    brainstorm_a.allow_anonymous = True
    db.session.commit()
    client.post(
        url(brainstorm_a, "/cards"), data={"place": "how", "text": "Wel anoniem", "anonymous": "y"}
    )
    card = db.session.scalar(select(Card).where(Card.text == "Wel anoniem"))
    assert card.anonymous is True
    page = login_as(cast.coordinator).get(url(brainstorm_a)).text
    item = page[page.index(f'id="card-{card.id}"') :]
    item = item[: item.index("</li>")]
    assert "Anoniem" in item and "Schoon" not in item


def test_supplier_edits_own_card_but_not_someone_elses(cast, brainstorm_a, login_as, url):
    own = _card(brainstorm_a, cast.contact_a)
    theirs = _card(brainstorm_a, cast.coordinator, text="Van de gemeente")
    client = login_as(cast.contact_a)
    response = client.post(
        url(brainstorm_a, f"/cards/{own.id}"), data={"text": "Aangepast", "version": own.version}
    )
    assert response.status_code == 303
    assert (
        client.post(
            url(brainstorm_a, f"/cards/{theirs.id}"),
            data={"text": "Overschreven", "version": theirs.version},
        ).status_code
        == 403
    )
    db.session.expire_all()
    assert db.session.get(Card, own.id).text == "Aangepast"
    assert db.session.get(Card, theirs.id).text == "Van de gemeente"


def test_a_stale_edit_is_refused_and_both_texts_survive(cast, brainstorm_a, login_as, url):
    card = _card(brainstorm_a, cast.contact_a, text="Origineel")
    loaded_version = card.version
    services.edit_card(card, cast.coordinator, version=loaded_version, text="Door Sanne")
    db.session.commit()
    response = login_as(cast.contact_a).post(
        url(brainstorm_a, f"/cards/{card.id}"),
        data={"text": "Door Ruud", "version": loaded_version},
    )
    assert response.status_code == 409
    assert "Door Sanne" in response.text  # the other person's change is shown
    assert "Door Ruud" in response.text  # and what this person typed is kept
    db.session.expire_all()
    assert db.session.get(Card, card.id).text == "Door Sanne"


def test_facilitator_moves_pins_and_merges_any_card(cast, brainstorm_a, login_as, url):
    a = _card(brainstorm_a, cast.contact_a, text="Leerwerkplek", place="potential")
    b = _card(brainstorm_a, cast.member, text="BBL niveau 1", place="what")
    client = login_as(cast.coordinator)
    assert (
        client.post(
            url(brainstorm_a, f"/cards/{b.id}"),
            data={
                "text": "BBL niveau 1",
                "place": "potential",
                "version": b.version,
            },
        ).status_code
        == 303
    )
    assert (
        client.post(
            url(brainstorm_a, f"/cards/{a.id}/pin"), data={"version": a.version, "pinned": "1"}
        ).status_code
        == 303
    )
    db.session.expire_all()
    a, b = db.session.get(Card, a.id), db.session.get(Card, b.id)
    assert b.place == "potential" and a.pinned
    assert (
        client.post(
            url(brainstorm_a, f"/cards/{a.id}/merge"),
            data={"version": a.version, "source_id": b.id},
        ).status_code
        == 303
    )
    db.session.expire_all()
    a, b = db.session.get(Card, a.id), db.session.get(Card, b.id)
    assert a.text == "Leerwerkplek\n\nBBL niveau 1"
    assert b.merged_into_id == a.id
    page = client.get(url(brainstorm_a)).text
    assert f'id="card-{b.id}"' not in page and f'id="card-{a.id}"' in page


def test_participants_cannot_pin_or_merge(cast, brainstorm_a, login_as, url):
    own = _card(brainstorm_a, cast.contact_a)
    other = _card(brainstorm_a, cast.contact_a, text="Tweede")
    client = login_as(cast.contact_a)
    assert (
        client.post(
            url(brainstorm_a, f"/cards/{own.id}/pin"), data={"version": own.version, "pinned": "1"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            url(brainstorm_a, f"/cards/{own.id}/merge"),
            data={"version": own.version, "source_id": other.id},
        ).status_code
        == 403
    )


def test_withdrawn_card_leaves_the_board_but_stays_recorded(cast, brainstorm_a, login_as, url):
    card = _card(brainstorm_a, cast.contact_a, text="Toch niet")
    client = login_as(cast.contact_a)
    assert (
        client.post(
            url(brainstorm_a, f"/cards/{card.id}/withdraw"), data={"version": card.version}
        ).status_code
        == 303
    )
    assert "Toch niet" not in client.get(url(brainstorm_a)).text
    db.session.expire_all()
    assert db.session.get(Card, card.id).withdrawn is True


def test_supplier_b_never_reaches_supplier_a_brainstorm(cast, brainstorm_a, login_as, url):
    card = _card(brainstorm_a, cast.contact_a, text="Geheim van A")
    client = login_as(cast.contact_b)
    listing = client.get(f"/pilots/{cast.pilot.id}/brainstorms")
    assert listing.status_code == 200 and "Schoonmaak stadhuis" not in listing.text
    for suffix in ("", "/poll", f"/cards/{card.id}", "/summary", "/export.md", "/summary.docx"):
        assert client.get(url(brainstorm_a, suffix)).status_code == 403, suffix
    assert login_as(cast.stranger).get(url(brainstorm_a)).status_code == 403


def test_card_ids_do_not_reach_across_brainstorms(cast, brainstorm_a, login_as, url):
    card = _card(brainstorm_a, cast.contact_a)
    other = services.start_brainstorm(
        cast.pilot, cast.coordinator, title="Intern", supplier_org_ids=[cast.supplier_b.id]
    )
    db.session.commit()
    assert login_as(cast.contact_b).get(url(other, f"/cards/{card.id}")).status_code == 404


def test_sharing_with_all_suppliers_lets_both_in(cast, brainstorm_a, login_as, url):
    db.session.add(
        BrainstormShare(brainstorm_id=brainstorm_a.id, organisation_id=cast.supplier_b.id)
    )
    db.session.commit()
    assert login_as(cast.contact_b).get(url(brainstorm_a)).status_code == 200

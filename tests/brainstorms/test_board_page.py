"""The board page: the same few queries however many cards, change links only where the
reader may change a card, and every name shown as text."""

from __future__ import annotations

import re

from sqlalchemy import event

from partnerships.brainstorms import services
from partnerships.extensions import db
from tests.statements import sql_statements


def _count_queries(fn) -> int:
    with sql_statements() as statements:
        fn()
    return len(statements)


def _cards(brainstorm, authors, n, start=0):
    for i in range(start, start + n):
        services.add_card(brainstorm, authors[i % len(authors)], place="what", text=f"Idee {i}")
    db.session.commit()


def test_the_board_costs_the_same_queries_for_3_or_30_cards(cast, brainstorm_a, login_as, url):
    authors = [cast.coordinator, cast.contact_a, cast.member]
    client = login_as(cast.coordinator)
    _cards(brainstorm_a, authors, 3)
    few = _count_queries(lambda: client.get(url(brainstorm_a)))
    _cards(brainstorm_a, authors, 27, start=3)
    many = _count_queries(lambda: client.get(url(brainstorm_a)))
    assert many == few
    page = client.get(url(brainstorm_a)).text
    assert page.count('<li class="card" id="card-') == 30


def test_a_contact_may_change_only_their_own_cards(cast, brainstorm_a, login_as, url):
    own = services.add_card(brainstorm_a, cast.contact_a, place="what", text="Van Ruud")
    theirs = services.add_card(brainstorm_a, cast.coordinator, place="what", text="Van Sanne")
    db.session.commit()
    page = login_as(cast.contact_a).get(url(brainstorm_a)).text
    own_item = re.search(rf'<li class="card" id="card-{own.id}">.*?</li>', page).group(0)
    their_item = re.search(rf'<li class="card" id="card-{theirs.id}">.*?</li>', page).group(0)
    assert f'href="{url(brainstorm_a, f"/cards/{own.id}")}"' in own_item
    assert "(jij)" in own_item and "kaartje 1 bij" in own_item
    assert "<a " not in their_item and "(jij)" not in their_item
    # The coordinator runs the brainstorm and may change both.
    page = login_as(cast.coordinator).get(url(brainstorm_a)).text
    assert page.count(">Wijzigen<") == 2


def test_a_closed_board_offers_no_change_links(cast, brainstorm_a, login_as, url):
    services.add_card(brainstorm_a, cast.coordinator, place="what", text="Laatste idee")
    services.close(brainstorm_a, cast.coordinator)
    db.session.commit()
    page = login_as(cast.coordinator).get(url(brainstorm_a)).text
    assert "Laatste idee" in page and ">Wijzigen<" not in page


def test_names_with_markup_are_shown_as_text(cast, brainstorm_a, login_as, url):
    cast.supplier_a.name = '<b onclick="x()">Schoon</b> & Co'
    db.session.commit()
    services.add_card(brainstorm_a, cast.contact_a, place="what", text="Idee")
    db.session.commit()
    page = login_as(cast.coordinator).get(url(brainstorm_a)).text
    assert "<b onclick" not in page
    # Once as the card's author, once among those the brainstorm is shared with.
    assert page.count("&lt;b onclick=&#34;x()&#34;&gt;Schoon&lt;/b&gt; &amp; Co") == 2


def test_an_unchanged_board_is_rendered_once_per_person(
    cast, brainstorm_a, login_as, url, monkeypatch
):
    """The cards' HTML is kept per revision of the board: a second visit neither reads nor
    renders a card again, a new card renders the board anew, and each person gets their own
    links."""
    from partnerships.brainstorms import board

    _cards(brainstorm_a, [cast.coordinator, cast.contact_a], 4)  # 2 each, alternating
    rendered = []
    real = board.card_markdown
    monkeypatch.setattr(board, "card_markdown", lambda text: rendered.append(text) or real(text))
    coordinator = login_as(cast.coordinator)
    first = coordinator.get(url(brainstorm_a)).text
    assert len(rendered) == 4 and first.count(">Wijzigen<") == 4
    cards_read = []

    def card_reads(conn, cursor, statement, *args):
        if "FROM brainstorm_card" in statement:
            cards_read.append(statement)

    event.listen(db.engine, "before_cursor_execute", card_reads)
    try:
        again = coordinator.get(url(brainstorm_a)).text
    finally:
        event.remove(db.engine, "before_cursor_execute", card_reads)
    assert len(rendered) == 4 and cards_read == []  # neither rendered nor read again
    assert again.count('<li class="card" id="card-') == 4 and "Idee 3" in again

    services.add_card(brainstorm_a, cast.contact_a, place="what", text="Nog een idee")
    db.session.commit()
    page = coordinator.get(url(brainstorm_a)).text
    assert len(rendered) == 4 + 5
    assert "Nog een idee" in page and page.count(">Wijzigen<") == 5

    # The contact sees the same cards, with "you" and a change link on their own three.
    page = login_as(cast.contact_a).get(url(brainstorm_a)).text
    assert page.count('<li class="card" id="card-') == 5
    assert page.count("(jij)") == 3 and page.count(">Wijzigen<") == 3

"""The coordinator publishes a progress note; the board member, logged in separately, sees
it with its figures and leaves a remark, which the coordinator then sees and answers; the
board member finds the answer on Voor jou and marks it seen. The evaluation
and policy framework fill from the pilot's data; the public results page shows only
aggregates and stops working when revoked. Every page passes axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from partnerships import clock
from partnerships.extensions import db
from tests.browser.fixtures import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def story(make):
    buyer = make.org("Gemeente Voorbeeldstad")
    coordinator = make.user(buyer, email="coordinator@voorbeeldstad.example", name="Sanne de Vries")
    pilot = make.pilot(buyer, coordinator, title="Proeftuin schoonmaak en groen")
    pilot.goals_text = "Zes banenafspraakbanen in schoonmaak en groen."
    board = make.member(
        pilot,
        make.user(buyer, email="bestuur@voorbeeldstad.example", name="Wethouder Karin Mulder"),
        role="board",
    )
    db.session.commit()
    return dict(pilot=pilot, coordinator=coordinator, board=board)


def test_note_to_the_board_and_back_then_results_shared_and_revoked(
    page, browser, live_server, axe_check, story
):
    pilot_id = story["pilot"].id
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, axe_check, story["coordinator"].email)

    # The coordinator writes and publishes a note; the figures come with it.
    page.goto(f"/pilots/{pilot_id}/notes")
    axe_check(page)
    page.get_by_role("link", name="Voortgangsnotitie schrijven").click()
    axe_check(page)
    page.get_by_label("Voortgang in je eigen woorden").fill(
        "De werkgroep staat. **Twee** opdrachtnemers doen mee."
    )
    page.get_by_role("button", name="Concept opslaan").click()
    expect(page.get_by_role("heading", name="Kerncijfers")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Publiceren voor het bestuur").click()
    expect(page.get_by_text("Notitie gepubliceerd.")).to_be_visible()
    axe_check(page)
    note_url = page.url

    # The board member, in a separate context, reads it with its figures and remarks.
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    try:
        board = context.new_page()
        board.axe_checked = set()
        log_in(board, axe_check, story["board"].email)
        board.goto("/board")
        axe_check(board)
        expect(board.get_by_text("Nog niet door jou gelezen")).to_be_visible()
        today = clock.today()
        board.get_by_role("link", name=f"Kwartaal {(today.month + 2) // 3} {today.year}").click()
        expect(board.get_by_role("table", name="Kerncijfers")).to_contain_text(
            "Waar de proeftuin staat in de methode"
        )
        expect(board.locator(".prose strong")).to_have_text("Twee")
        axe_check(board)
        board.get_by_role("button", name="Markeren als gelezen").click()
        expect(board.get_by_text("Je hebt deze notitie als gelezen gemarkeerd.")).to_be_visible()
        board.get_by_label("Je opmerking voor de coördinator").fill(
            "Graag in de volgende notitie meer over duurzaamheid."
        )
        board.get_by_role("button", name="Opmerking versturen").click()
        expect(board.locator("#remarks blockquote")).to_have_text(
            "Graag in de volgende notitie meer over duurzaamheid."
        )
        axe_check(board)
        assert board.url == note_url
    finally:
        context.close()

    # The coordinator sees the remark, with a badge.
    page.goto(f"/pilots/{pilot_id}/notes")
    expect(page.get_by_text("1 nieuwe opmerking")).to_be_visible()
    expect(page.locator(".remark")).to_have_text(
        "Graag in de volgende notitie meer over duurzaamheid."
    )
    axe_check(page)

    # The coordinator answers it where the remark is shown: the note page, its own box.
    page.get_by_role("link", name="Beantwoorden").click()
    axe_check(page)
    answer = page.get_by_label("Je antwoord aan Wethouder Karin Mulder")
    answer.fill("Komt eraan: we tellen de duurzame banen vanaf nu apart.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Antwoord verstuurd.")).to_be_visible()
    expect(page.locator(".remark-answer blockquote")).to_have_text(
        "Komt eraan: we tellen de duurzame banen vanaf nu apart."
    )
    axe_check(page)
    page.goto(f"/pilots/{pilot_id}/notes")
    axe_check(page)
    expect(page.get_by_text("nieuwe opmerking")).to_have_count(0)

    # The board member finds the answer on Voor jou, opens it and says it is seen.
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    try:
        board = context.new_page()
        board.axe_checked = set()
        log_in(board, axe_check, story["board"].email)
        board.goto("/for-you")
        axe_check(board)
        period = f"Kwartaal {(clock.today().month + 2) // 3} {clock.today().year}"
        item = board.get_by_role("link", name=f"Antwoord op je opmerking bij {period}")
        item.click()
        axe_check(board)
        expect(board.locator(".remark-answer blockquote")).to_have_text(
            "Komt eraan: we tellen de duurzame banen vanaf nu apart."
        )
        for width in (1366, 320):
            board.set_viewport_size({"width": width, "height": 800})
            assert board.evaluate("document.documentElement.scrollWidth") <= width
        board.get_by_role("button", name="Ik heb dit antwoord gezien").click()
        expect(board.get_by_role("button", name="Ik heb dit antwoord gezien")).to_have_count(0)
        axe_check(board)
        board.goto("/for-you")
        axe_check(board)
        expect(
            board.get_by_role("link", name=f"Antwoord op je opmerking bij {period}")
        ).to_have_count(0)
    finally:
        context.close()

    # Evaluation and policy fill from the pilot's data.
    page.goto(f"/pilots/{pilot_id}/evaluation")
    axe_check(page)
    page.get_by_role("button", name="Starten").click()
    expect(page.get_by_role("heading", name="Impact")).to_be_visible()
    axe_check(page)
    page.goto(f"/pilots/{pilot_id}/policy")
    axe_check(page)
    page.get_by_role(
        "button", name="Een eerste concept schrijven uit de gegevens van de proeftuin"
    ).click()
    expect(page.locator("#section-goal + .prose")).to_contain_text("Zes banenafspraakbanen")
    axe_check(page)
    page.get_by_role("link", name="Wijzigen", exact=True).click()
    axe_check(page)
    page.goto(f"/pilots/{pilot_id}/policy")
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Word (.docx)").click()
    assert download.value.suggested_filename.endswith(".docx")

    # The public results page: switched on, opened without login, then revoked.
    page.goto(f"/pilots/{pilot_id}/results")
    axe_check(page)
    page.get_by_label("Het verhaal van de proeftuin").fill("We begonnen bij de schoonmaak.")
    page.get_by_role("button", name="Verhaal opslaan").click()
    axe_check(page)
    page.get_by_role("button", name="Resultatenpagina publiceren").click()
    axe_check(page)
    public_url = page.get_by_label("Link om te delen").input_value()

    visitor_context = browser.new_context(locale="nl-NL")
    try:
        visitor = visitor_context.new_page()
        visitor.goto(public_url)
        axe_check(visitor)
        expect(visitor.locator("h1")).to_have_text("Proeftuin schoonmaak en groen")
        expect(visitor.get_by_text("We begonnen bij de schoonmaak.")).to_be_visible()
        body = visitor.locator("main").inner_text()
        assert "Sanne de Vries" not in body and "Karin Mulder" not in body

        page.get_by_role("button", name="Offline halen").click()
        expect(page.get_by_text("De resultatenpagina is offline")).to_be_visible()
        axe_check(page)
        response = visitor.goto(public_url)
        assert response.status == 410
        expect(visitor.locator("h1")).to_have_text("Deze pagina is niet meer beschikbaar")
        axe_check(visitor)
        visitor.goto(live_server + "/accessibility")
        axe_check(visitor)
    finally:
        visitor_context.close()

"""The accessibility statement: public, in the Dutch government's format, in NL and EN."""

from __future__ import annotations


def test_statement_is_public_and_dutch_by_default(client):
    page = client.get("/accessibility")
    assert page.status_code == 200
    for text in (
        "Toegankelijkheidsverklaring",
        "Voldoet gedeeltelijk",
        "axe-core",
        "Toetsenbordtests",
        "Bekende beperkingen",
        "Feedback en contact",
        "Nationale ombudsman",
        "21 november 2026",
    ):
        assert text in page.text


def test_statement_in_english(client):
    client.post("/language", data={"locale": "en"})
    page = client.get("/accessibility")
    assert "Accessibility statement" in page.text and "Partially compliant" in page.text


def test_footer_links_to_the_statement(client):
    assert 'href="/accessibility"' in client.get("/login").text


def test_organisation_and_contact_come_from_configuration(client, app):
    app.config["ACCESSIBILITY_ORGANISATION"] = "Gemeente Voorbeeldstad"
    app.config["ACCESSIBILITY_CONTACT"] = "toegankelijkheid@voorbeeldstad.example"
    page = client.get("/accessibility")
    assert "Gemeente Voorbeeldstad" in page.text
    assert 'href="mailto:toegankelijkheid@voorbeeldstad.example"' in page.text

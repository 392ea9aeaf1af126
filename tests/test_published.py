"""The promises a public body checks: security.txt from the configuration, and publiccode.yml
with the keys the Standard for Public Code's schema (0.4) requires."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from partnerships import ROOT


def test_security_txt_states_the_configured_contact_and_expiry(app, client):
    app.config["SECURITY_CONTACT"] = "mailto:security@voorbeeldstad.example"
    app.config["SECURITY_TXT_EXPIRES"] = "2027-06-30T23:00:00Z"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    lines = response.text.splitlines()
    assert "Contact: mailto:security@voorbeeldstad.example" in lines
    assert "Expires: 2027-06-30T23:00:00Z" in lines
    assert "Canonical: http://localhost/.well-known/security.txt" in lines
    assert "Preferred-Languages: nl, en" in lines


def test_security_txt_takes_several_contacts(app, client):
    app.config["SECURITY_CONTACT"] = ["mailto:a@example.org", "https://example.org/report"]
    app.config["SECURITY_TXT_EXPIRES"] = "2027-01-01T00:00:00Z"
    lines = client.get("/.well-known/security.txt").text.splitlines()
    assert [line for line in lines if line.startswith("Contact:")] == [
        "Contact: mailto:a@example.org",
        "Contact: https://example.org/report",
    ]


def test_without_a_contact_there_is_no_security_txt(client):
    assert client.get("/.well-known/security.txt").status_code == 404


@pytest.fixture(scope="module")
def publiccode():
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_publiccode_has_the_required_keys(publiccode):
    for key in (
        "publiccodeYmlVersion",
        "name",
        "url",
        "platforms",
        "categories",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
    ):
        assert key in publiccode, key
    assert publiccode["publiccodeYmlVersion"] == "0.4"
    assert publiccode["developmentStatus"] in {
        "concept",
        "development",
        "beta",
        "stable",
        "obsolete",
    }
    assert publiccode["softwareType"] in {
        "standalone/mobile",
        "standalone/iot",
        "standalone/desktop",
        "standalone/web",
        "standalone/backend",
        "standalone/other",
        "addon",
        "library",
        "configurationFiles",
    }
    assert publiccode["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    # Contacts are required for internal and community maintenance, each with a name.
    contacts = publiccode["maintenance"]["contacts"]
    assert contacts and all(isinstance(c.get("name"), str) and c["name"] for c in contacts)
    assert publiccode["localisation"]["localisationReady"] is True
    assert publiccode["localisation"]["availableLanguages"] == ["nl", "en"]
    assert publiccode["platforms"] == ["web"]
    for dependency in publiccode.get("dependsOn", {}).get("open", []):
        assert dependency["name"]  # the one key a dependency must have


# The schema's controlled vocabulary for `categories` (publiccode.yml 0.4, categories-list),
# the part that could describe this product; a word outside the vocabulary is refused.
CATEGORIES = {
    "collaboration",
    "data-analytics",
    "data-visualization",
    "document-management",
    "procurement",
    "project-collaboration",
    "project-management",
    "task-management",
    "workflow-management",
}


def test_publiccode_categories_come_from_the_schemas_vocabulary(publiccode):
    assert publiccode["categories"]
    assert set(publiccode["categories"]) <= CATEGORIES


def test_publiccode_does_not_pretend_to_an_address(publiccode):
    # Until the code is published, the repository address is a placeholder on the reserved
    # example.org domain and the file says so; a published address must be https.
    parts = urlsplit(publiccode["url"])
    assert parts.scheme == "https" and parts.hostname
    if parts.hostname == "example.org":
        text = (ROOT / "publiccode.yml").read_text(encoding="utf-8")
        assert "NOT YET PUBLISHED" in text
        assert "publiccode.yml" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_publiccode_describes_the_product_in_both_languages(publiccode):
    assert set(publiccode["description"]) == {"nl", "en"}
    for language in ("nl", "en"):
        text = publiccode["description"][language]
        assert len(text["shortDescription"]) <= 150
        assert 150 <= len(text["longDescription"]) <= 10000
        assert text["features"]


def test_publiccode_license_is_the_projects(publiccode):
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^license = "([^"]+)"', pyproject, re.M)[1] == publiccode["legal"]["license"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", publiccode["releaseDate"])

"""A supplier reports in Excel: downloads the template, fills in hours for three placements
with one mistake, sees the mistake on its row, corrects it, and the report waits for the
buyer's acceptance. Every page passes axe."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.fixtures import log_in
from tests.browser.test_jobs import story  # noqa: F401  (the same small world)

pytestmark = pytest.mark.browser


def test_supplier_reports_in_excel_fixes_a_row_and_the_report_awaits_acceptance(
    page,
    axe_check,
    story,  # noqa: F811
    tmp_path,
):
    pilot_id, contract_id = story["pilot"].id, story["contract"].id
    log_in(page, axe_check, story["contact"].email)
    page.goto(f"/pilots/{pilot_id}/contracts/{contract_id}")
    axe_check(page)
    page.get_by_role("link", name="Rapportage indienen voor 1 januari 2026").click()
    axe_check(page)
    page.get_by_role("link", name="Liever in Excel rapporteren").click()
    expect(
        page.get_by_role("heading", name="Rapporteren in Excel: Schoonmaak stadhuis")
    ).to_be_visible()
    axe_check(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download het sjabloon").click()
    path = tmp_path / "rapportage.xlsx"
    download.value.save_as(path)
    book = load_workbook(path)
    sheet = book["Rapportage"]
    assert [sheet[f"B{row}"].value for row in (2, 3, 4)] == ["P1", "P3", "P2"]
    sheet["I2"], sheet["I3"], sheet["I4"] = 331.5, "260 uur", 97.5  # row 3 is not a number
    book.save(path)

    page.get_by_label("Ingevuld Excel-bestand (.xlsx)").set_input_files(path)
    page.get_by_role("button", name="Uploaden en indienen").click()
    problems = page.get_by_role("table", name="Problemen in het bestand")
    expect(problems).to_contain_text("regel 3, kolom I (Betaalde uren in de periode)")
    expect(problems).to_contain_text("Vul een getal in, zoals 12,5.")
    expect(problems.get_by_role("row")).to_have_count(2)  # the heading and the one problem
    axe_check(page)

    sheet["I3"] = 260
    book.save(path)
    page.get_by_label("Ingevuld Excel-bestand (.xlsx)").set_input_files(path)
    page.get_by_role("button", name="Uploaden en indienen").click()
    expect(page.get_by_text("Ingediend, wacht op goedkeuring").first).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, axe_check, story["coordinator"].email)
    page.goto(f"/pilots/{pilot_id}/reports")
    axe_check(page)
    page.get_by_role("link", name="Schoonmaak stadhuis").first.click()
    expect(page.get_by_role("button", name="Rapportage goedkeuren")).to_be_visible()
    expect(page.get_by_text("331,5").first).to_be_visible()
    axe_check(page)

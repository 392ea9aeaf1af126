"""Every document of the demo pilot, in Dutch and English, opened the way its reader would:
the PDF with pypdf, the Word file with python-docx, the ODF file with odfpy."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.shared import Mm
from odf import dc, teletype
from odf import meta as odfmeta
from odf import text as odftext
from odf.opendocument import load as load_odt
from pypdf import PdfReader

DOCUMENTS = (
    "action_plan",
    "minutes",
    "progress_note",
    "board_pack",
    "evaluation",
    "policy",
    "brainstorm",
    "results",
)
WORD_DOCUMENTS = tuple(d for d in DOCUMENTS if d != "board_pack")
LANGS = ("nl", "en")
# What each document's title (metadata and first heading) starts with.
TITLES = {
    ("action_plan", "nl"): "Actieplan: Proeftuin schoonmaak en groen",
    ("action_plan", "en"): "Action plan: Proeftuin schoonmaak en groen",
    ("minutes", "nl"): "Verslag: ",
    ("minutes", "en"): "Minutes: ",
    ("progress_note", "nl"): "Voortgangsnotitie: ",
    ("progress_note", "en"): "Progress note: ",
    ("board_pack", "nl"): "Bestuurspakket: Proeftuin schoonmaak en groen",
    ("board_pack", "en"): "Board pack: Proeftuin schoonmaak en groen",
    ("policy", "nl"): "Beleidskader social return: Proeftuin schoonmaak en groen",
    ("policy", "en"): "Policy framework social return: Proeftuin schoonmaak en groen",
    ("brainstorm", "nl"): "Brainstorm: ",
    ("brainstorm", "en"): "Brainstorm: ",
    ("results", "nl"): "Resultaten: Proeftuin schoonmaak en groen",
    ("results", "en"): "Results: Proeftuin schoonmaak en groen",
}
FILE_WORDS = {
    ("action_plan", "nl"): "actieplan",
    ("action_plan", "en"): "action-plan",
    ("minutes", "nl"): "verslag",
    ("minutes", "en"): "minutes",
    ("progress_note", "nl"): "voortgangsnotitie",
    ("progress_note", "en"): "progress-note",
    ("board_pack", "nl"): "bestuurspakket",
    ("board_pack", "en"): "board-pack",
    ("evaluation", "nl"): "evaluatie",
    ("evaluation", "en"): "evaluation",
    ("policy", "nl"): "beleidskader",
    ("policy", "en"): "policy-framework",
    ("brainstorm", "nl"): "brainstorm",
    ("brainstorm", "en"): "brainstorm",
    ("results", "nl"): "resultaten",
    ("results", "en"): "results",
}
A4 = (595.28, 841.89)  # points
PAGE_FOOTER = {"nl": re.compile(r"pagina 1 van (\d+)"), "en": re.compile(r"page 1 of (\d+)")}
MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}


def document_date(name, lang, today):
    """The date in the footer: the meeting's for the minutes (the demo kick-off), else today."""
    day = (20, 1, 2026) if name == "minutes" else (today.day, today.month, today.year)
    return f"{day[0]} {MONTHS[lang].split()[day[1] - 1]} {day[2]}"


@pytest.fixture(scope="module")
def pdfs(rendered):
    return {
        (d, lang): PdfReader(io.BytesIO(rendered[(d, lang, "pdf")].data))
        for d in DOCUMENTS
        for lang in LANGS
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_pdf_is_an_a4_document_with_header_footer_and_metadata(rendered, pdfs, name, lang):
    response = rendered[(name, lang, "pdf")]
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    reader = pdfs[(name, lang)]
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1))
    first = reader.pages[0].extract_text()
    assert rendered.organisation in first
    assert rendered.pilot_title in first
    total = PAGE_FOOTER[lang].search(first)
    assert total, f"no page footer on page 1 of {name}/{lang}: {first[-200:]!r}"
    assert int(total.group(1)) == len(reader.pages)
    footer = first[total.start() :]
    assert document_date(name, lang, rendered.today) in footer, footer
    meta = reader.metadata
    assert meta.title.startswith(TITLES.get((name, lang), "")) and meta.title
    assert meta.author == rendered.organisation
    assert meta.creation_date.date() == rendered.today
    assert reader.trailer["/Root"]["/Lang"] == lang
    # Tagged (PDF/UA): headings, lists and tables are structure a screen reader can follow.
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_the_public_results_fit_on_one_page(pdfs):
    assert [len(pdfs[("results", lang)].pages) for lang in LANGS] == [1, 1]


def test_the_figures_carry_their_source_and_counting_rule_as_a_footnote(pdfs):
    for name in ("progress_note", "board_pack", "evaluation", "results"):
        text = " ".join(page.extract_text() for page in pdfs[(name, "nl")].pages)
        assert "Bron: de plaatsingen en monitoringsrapportages" in text, name
        assert "25,5 betaalde uren per week" in text, name
    board = " ".join(page.extract_text() for page in pdfs[("board_pack", "nl")].pages)
    assert '"<5"' in board  # the board's copy says what it hides
    # The demo's 2.57 jobs stem from fewer than 5 people, so the board reads an "x" for
    # them, and the footnote says what that "x" means.
    assert "Banenafspraakbanen (van 25,5 uur per week) x" in board
    assert '"x" staat voor een cijfer dat is weggelaten' in board


def test_the_board_pack_holds_the_note_the_decisions_and_the_figures(pdfs):
    text = " ".join(page.extract_text() for page in pdfs[("board_pack", "en")].pages)
    for part in ("Progress note: ", "Decisions since the previous note", "Figures today"):
        assert part in text
    assert "Werkgroep ingesteld" in text  # the demo's decision of 20 January


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", WORD_DOCUMENTS)
def test_every_word_file_is_a4_with_header_footer_and_real_styles(rendered, name, lang):
    response = rendered[(name, lang, "docx")]
    assert response.status_code == 200
    document = Document(io.BytesIO(response.data))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    header = " ".join(p.text for p in section.header.paragraphs)
    assert rendered.organisation in header and rendered.pilot_title in header
    footer_xml = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml
    footer = " ".join(p.text for p in section.footer.paragraphs)
    assert ("pagina" if lang == "nl" else "page") in footer
    assert footer.endswith(document_date(name, lang, rendered.today)), footer
    props = document.core_properties
    assert props.author == rendered.organisation and props.last_modified_by == rendered.organisation
    assert props.language == lang and props.created.date() == rendered.today
    assert props.title.startswith(TITLES.get((name, lang), ""))
    for paragraph in document.paragraphs:
        assert "**" not in paragraph.text, paragraph.text
        assert not paragraph.text.startswith(("- ", "* ")), paragraph.text
    assert document.paragraphs[0].style.name == "Heading 1"


def _paragraphs(rendered, name, lang="nl"):
    return Document(io.BytesIO(rendered[(name, lang, "docx")].data)).paragraphs


def test_typed_markdown_becomes_word_lists_bold_links_and_headings(rendered):
    """The minutes, the plan's agreements and the policy text were typed as Markdown."""
    for name in ("minutes", "action_plan", "policy"):
        paragraphs = _paragraphs(rendered, name)
        by_text = {p.text: p for p in paragraphs}
        bold = by_text["Ambassadeursrol voor de wethouder"]
        assert bold.style.name == "List Bullet", name
        assert [r.text for r in bold.runs if r.bold] == ["Ambassadeursrol"]
        assert by_text["We spraken dit af:"].style.name == "Normal"
        assert by_text["eerst de contracten"].style.name == "List Number"
        assert by_text["Vervolg"].style.name.startswith("Heading")
        link = by_text["elke maand een voortgangsbericht"]
        assert "https://example.org/voortgang" in [
            r.target_ref for r in link.part.rels.values() if r.is_external
        ]


def _level(paragraph) -> int:
    return int(paragraph.style.name.removeprefix("Heading "))


def test_a_heading_typed_in_a_text_sits_below_the_heading_it_is_written_under(rendered):
    """A "## Vervolg" typed in the kick-off's minutes belongs to that agenda item, not beside
    "Agenda en verslag": the outline in Word's navigation pane keeps the document's order."""
    for name, above in (("minutes", "Verslag"), ("action_plan", "Overlegafspraken")):
        headings = [p for p in _paragraphs(rendered, name) if p.style.name.startswith("Heading")]
        texts = [p.text for p in headings]
        typed = texts.index("Vervolg")
        parent = max(i for i, text in enumerate(texts[:typed]) if text == above)
        assert _level(headings[typed]) == _level(headings[parent]) + 1, (name, texts)
    document = load_odt(io.BytesIO(rendered[("minutes", "nl", "odt")].data))
    levels = {
        teletype.extractText(h): int(h.getAttribute("outlinelevel"))
        for h in document.getElementsByType(odftext.H)
    }
    assert levels["Vervolg"] == levels["Verslag"] + 1 == levels["Agenda en verslag"] + 3


def test_the_brainstorm_top_3_is_numbered_once(rendered):
    paragraphs = _paragraphs(rendered, "brainstorm")
    numbered = [p for p in paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 3
    assert not any(re.match(r"\s*\d+[.)]", p.text) for p in numbered)
    # Its numbering starts at 1 of its own, whatever numbered list came before.
    num_ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(num_ids) == 1


def test_minutes_name_the_organisation_and_every_action_with_owner_and_deadline(rendered):
    text = "\n".join(p.text for p in _paragraphs(rendered, "minutes"))
    assert (
        rendered.organisation
        in Document(io.BytesIO(rendered[("minutes", "nl", "docx")].data)).tables[0].cell(0, 1).text
    )
    action = "Concept doelen en doelgroep opstellen"
    assert f"{action} (eigenaar: Sanne de Vries, deadline 10 februari 2026)" in text
    tables = Document(io.BytesIO(rendered[("minutes", "nl", "docx")].data)).tables
    actions = next(t for t in tables if t.rows[0].cells[0].text == "Actie")
    assert [c.text for c in actions.rows[1].cells] == [
        "Concept doelen en doelgroep opstellen",
        "Sanne de Vries",
        "10 februari 2026",
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", WORD_DOCUMENTS)
def test_every_odf_file_opens_with_metadata_headings_and_page_fields(rendered, name, lang):
    response = rendered[(name, lang, "odt")]
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/vnd.oasis.opendocument.text"
    document = load_odt(io.BytesIO(response.data))
    meta = {
        "title": teletype.extractText(document.meta.getElementsByType(dc.Title)[0]),
        "creator": teletype.extractText(document.meta.getElementsByType(odfmeta.InitialCreator)[0]),
        "language": teletype.extractText(document.meta.getElementsByType(dc.Language)[0]),
        "created": teletype.extractText(document.meta.getElementsByType(odfmeta.CreationDate)[0]),
    }
    assert meta["title"].startswith(TITLES.get((name, lang), ""))
    assert meta["creator"] == rendered.organisation and meta["language"] == lang
    assert meta["created"].startswith(str(rendered.today))
    headings = document.getElementsByType(odftext.H)
    assert headings and headings[0].getAttribute("outlinelevel") == "1"
    styles = zipfile.ZipFile(io.BytesIO(response.data)).read("styles.xml").decode()
    assert 'fo:page-width="21cm"' in styles and 'fo:page-height="29.7cm"' in styles
    assert "<text:page-number" in styles and "<text:page-count" in styles
    assert rendered.organisation in styles  # the header
    assert document_date(name, lang, rendered.today) in styles  # the footer
    for paragraph in document.getElementsByType(odftext.P):
        text = teletype.extractText(paragraph)
        assert "**" not in text and not text.startswith("- "), text


def test_typed_markdown_becomes_odf_lists(rendered):
    document = load_odt(io.BytesIO(rendered[("minutes", "nl", "odt")].data))
    items = [teletype.extractText(i) for i in document.getElementsByType(odftext.ListItem)]
    assert "Ambassadeursrol voor de wethouder" in items and "eerst de contracten" in items


@pytest.mark.parametrize("name", DOCUMENTS)
def test_file_names_are_in_the_users_language_with_the_pilot_and_the_date(rendered, name):
    # The minutes carry the meeting's date (the demo kick-off); the others are made today.
    day = "2026-01-20" if name == "minutes" else rendered.today.isoformat()
    for lang in LANGS:
        word = FILE_WORDS[(name, lang)]
        expected = f"{word}-proeftuin-schoonmaak-en-groen-{day}.pdf"
        disposition = rendered[(name, lang, "pdf")].headers["Content-Disposition"]
        assert disposition == f"attachment; filename=\"{expected}\"; filename*=UTF-8''{expected}"


def test_the_figures_say_where_the_pilot_is_in_the_method_not_a_step_reached(rendered):
    # "Bereikte stap: Stap 1" beside seven people placed read as if the jobs were not there
    # yet; the documents say what the pages say.
    document = Document(io.BytesIO(rendered[("progress_note", "nl", "docx")].data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Waar de proeftuin staat in de methode" in cells
    assert "Bereikte stap" not in cells

"""The document model as Word (.docx): A4, header and footer, real heading and list styles."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from flask_babel import gettext as _

from .model import Heading, ListBlock, Paragraph, Run, Table

GREY = RGBColor(0x55, 0x55, 0x55)
LINK = RGBColor(0x1F, 0x4E, 0x99)
FONT = "Arial"
# Paragraph kinds with a style of their own in Word's default template; the others are
# Normal paragraphs in a smaller or grey font (see _Writer.paragraph).
STYLES = {"quote": "Quote"}


def build(blocks: list, meta) -> bytes:
    document = Document()
    _page_setup(document, meta)
    _properties(document, meta)
    writer = _Writer(document)
    for block in blocks:
        writer.block(block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page_setup(document, meta) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10.5)
    for name in (*(f"Heading {level}" for level in range(1, 7)), "Title"):
        document.styles[name].font.name = FONT
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    right = section.page_width - section.left_margin - section.right_margin

    header = section.header.paragraphs[0]
    header.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
    _small(header.add_run(f"{meta.organisation}\t{meta.pilot_title}"))

    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
    # "pagina 2 van 5": the words around the two fields come from the translated label.
    label = _("page %(page)s of %(pages)s", page="\0PAGE\0", pages="\0NUMPAGES\0")
    for index, piece in enumerate(label.split("\0")):
        if index % 2:
            _field(footer, piece)
        elif piece:
            _small(footer.add_run(piece))
    _small(footer.add_run(f"\t{meta.date_label}"))


def _small(run) -> None:
    run.font.size, run.font.color.rgb = Pt(8.5), GREY


def _field(paragraph, instruction: str) -> None:
    """A PAGE or NUMPAGES field that Word fills in on every page."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = paragraph.add_run("1")
    _small(run)
    field.append(run._r)
    paragraph._p.append(field)


def _properties(document, meta) -> None:
    props = document.core_properties
    props.title = meta.title
    props.subject = meta.pilot_title
    props.author = props.last_modified_by = meta.organisation
    props.language = meta.lang
    props.created = props.modified = meta.created
    props.revision = 1
    props.comments = props.keywords = props.category = ""


class _Writer:
    def __init__(self, document):
        self.document = document

    def block(self, block, level: int = 0) -> None:
        if isinstance(block, Heading):
            # Heading 1-4, never "Title": Word's navigation pane lists only heading styles.
            self.runs(self.document.add_heading(level=block.level), block.runs)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, ListBlock):
            self.list(block, level)
        elif isinstance(block, Table):
            self.table(block)

    def paragraph(self, block: Paragraph, style: str | None = None):
        paragraph = self.document.add_paragraph(style=style or STYLES.get(block.style))
        self.runs(paragraph, block.runs)
        if block.style in ("meta", "note", "footnote", "code"):
            for run in paragraph.runs:
                run.font.size = Pt({"meta": 10, "note": 9, "footnote": 8, "code": 9.5}[block.style])
                if block.style != "code":
                    run.font.color.rgb = GREY
        if block.style == "footnote":
            paragraph.paragraph_format.space_after = Pt(2)
        return paragraph

    def list(self, block: ListBlock, level: int) -> None:
        kind = "List Number" if block.ordered else "List Bullet"
        style = kind if level == 0 else f"{kind} {min(level + 1, 3)}"
        num_id = self._restart(style) if block.ordered else None
        for item in block.items:
            first, *rest = item
            if isinstance(first, Paragraph):
                paragraph = self.paragraph(first, style=style)
                if num_id is not None:
                    _number(paragraph, num_id)
            else:
                rest = item
            for inner in rest:
                if isinstance(inner, Paragraph):
                    p = self.paragraph(inner, style="List Continue" if level == 0 else None)
                    p.paragraph_format.left_indent = Mm(6.35 * (level + 1))
                else:
                    self.block(inner, level + 1)

    def _restart(self, style: str) -> int | None:
        """A fresh numbering for each numbered list, so the next list starts at 1 again."""
        numbering = self.document.part.numbering_part.numbering_definitions._numbering
        p_pr = self.document.styles[style].element.pPr
        if p_pr is None or p_pr.numPr is None or p_pr.numPr.numId is None:
            return None
        style_num = p_pr.numPr.numId.val
        abstract = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == style_num)
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def table(self, block: Table) -> None:
        if block.caption:
            self.runs(self.document.add_paragraph(style="Caption"), block.caption)
        width = max((len(r) for r in block.rows), default=0)
        if not width:
            return
        table = self.document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for index, cells in enumerate(block.rows):
            row = table.add_row()
            if index < block.header_rows:
                # Repeated on every page, and read as the header by screen readers.
                row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            for target, cell in zip(row.cells, cells, strict=False):
                paragraph = target.paragraphs[0]
                self.runs(paragraph, cell.runs, bold=cell.header)
                if cell.numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def runs(self, paragraph, runs: list[Run], bold: bool = False) -> None:
        for item in runs:
            if item.text == "\n":
                paragraph.add_run().add_break()
                continue
            if item.href:
                self._link(paragraph, item)
                continue
            run = paragraph.add_run(item.text)
            run.bold = item.bold or bold or None
            run.italic = item.italic or None
            if item.code:
                run.font.name = "Courier New"
            if item.superscript:
                run.font.superscript = True

    def _link(self, paragraph, item: Run) -> None:
        r_id = paragraph.part.relate_to(item.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), r_id)
        run = paragraph.add_run(item.text)
        run.bold = item.bold or None
        run.font.underline = True
        run.font.color.rgb = LINK
        link.append(run._r)
        paragraph._p.append(link)


def _number(paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id

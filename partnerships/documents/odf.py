"""The document model as OpenDocument text (.odt), the open standard the Dutch government
lists for editable documents: A4, header and footer with page fields, outline headings."""

from __future__ import annotations

import io

from flask_babel import gettext as _
from odf import dc, teletype
from odf import meta as odfmeta
from odf.opendocument import OpenDocumentText
from odf.style import (
    Footer,
    Header,
    ListLevelProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TabStop,
    TabStops,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import (
    A,
    H,
    LineBreak,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListLevelStyleNumber,
    ListStyle,
    P,
    PageCount,
    PageNumber,
    Span,
)
from odf.text import Tab as TabElement

from . import model

FONT = "Liberation Sans"


def build(blocks: list, meta) -> bytes:
    document = OpenDocumentText()
    styles = _Styles(document)
    _properties(document, meta)
    _page(document, styles, meta)
    writer = _Writer(document, styles)
    for block in blocks:
        writer.block(block, document.text)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _properties(document, meta) -> None:
    stamp = meta.created.replace(tzinfo=None).isoformat()
    document.meta.addElement(dc.Title(text=meta.title))
    document.meta.addElement(dc.Subject(text=meta.pilot_title))
    document.meta.addElement(dc.Creator(text=meta.organisation))
    document.meta.addElement(odfmeta.InitialCreator(text=meta.organisation))
    document.meta.addElement(odfmeta.CreationDate(text=stamp))
    document.meta.addElement(dc.Date(text=stamp))
    document.meta.addElement(dc.Language(text=meta.lang))


class _Styles:
    """Named paragraph styles (so LibreOffice shows "Heading 1", not a look-alike)."""

    def __init__(self, document):
        self.document = document
        add = document.styles.addElement
        standard = Style(name="Standard", family="paragraph")
        standard.addElement(TextProperties(fontfamily=FONT, fontsize="10.5pt"))
        add(standard)
        self.body = self._paragraph("Text_20_body", "Text body", "10.5pt", after="0.2cm")
        self.meta = self._paragraph("Subtitle", "Subtitle", "10pt", color="#555555")
        self.note = self._paragraph("Note", "Note", "9pt", color="#555555")
        self.footnote = self._paragraph("Footnote", "Footnote", "8pt", color="#555555")
        self.quote = self._paragraph("Quotations", "Quotations", "10.5pt", indent="1cm")
        self.code = self._paragraph("Preformatted_20_Text", "Preformatted Text", "9.5pt")
        self.small = self._paragraph("Header", "Header", "8.5pt", color="#555555", tab=True)
        self.table_text = self._paragraph("Table_20_Contents", "Table Contents", "10pt")
        self.headings = {
            level: self._paragraph(
                f"Heading_20_{level}",
                f"Heading {level}",
                {1: "17pt", 2: "13.5pt", 3: "11.5pt"}.get(level, "10.5pt"),
                bold=True,
                outline=level,
                before="0.35cm",
                after="0.15cm",
            )
            for level in range(1, 7)
        }
        auto = document.automaticstyles.addElement
        self.bold = Style(name="Strong", family="text")
        self.bold.addElement(TextProperties(fontweight="bold"))
        self.italic = Style(name="Emphasis", family="text")
        self.italic.addElement(TextProperties(fontstyle="italic"))
        self.sup = Style(name="Sup", family="text")
        self.sup.addElement(TextProperties(textposition="super 58%"))
        self.mono = Style(name="Mono", family="text")
        self.mono.addElement(TextProperties(fontfamily="Liberation Mono"))
        self.cell = Style(name="Cell", family="table-cell")
        self.cell.addElement(TableCellProperties(border="0.5pt solid #888888", padding="0.08cm"))
        for style in (self.bold, self.italic, self.sup, self.mono, self.cell):
            auto(style)
        self.bullets = ListStyle(name="List_20_Bullet", displayname="List Bullet")
        self.numbers = ListStyle(name="Numbering_20_123", displayname="Numbering 123")
        for level in (1, 2, 3):
            props = dict(spacebefore=f"{0.6 * (level - 1):.1f}cm", minlabelwidth="0.6cm")
            bullet = ListLevelStyleBullet(level=level, bulletchar="•")
            bullet.addElement(ListLevelProperties(**props))
            self.bullets.addElement(bullet)
            number = ListLevelStyleNumber(level=level, numsuffix=".", numformat="1")
            number.addElement(ListLevelProperties(**props))
            self.numbers.addElement(number)
        add(self.bullets)
        add(self.numbers)

    def _paragraph(
        self,
        name,
        display,
        size,
        *,
        bold=False,
        color=None,
        outline=None,
        before=None,
        after=None,
        indent=None,
        tab=False,
    ):
        style = Style(
            name=name, displayname=display, family="paragraph", parentstylename="Standard"
        )
        if outline:
            style.setAttribute("defaultoutlinelevel", str(outline))
        text = {"fontsize": size, "fontfamily": FONT}
        if bold:
            text["fontweight"] = "bold"
        if color:
            text["color"] = color
        style.addElement(TextProperties(**text))
        paragraph = {}
        if before:
            paragraph["margintop"] = before
        if after:
            paragraph["marginbottom"] = after
        if indent:
            paragraph["marginleft"] = indent
        properties = ParagraphProperties(**paragraph)
        if tab:
            stops = TabStops()
            stops.addElement(TabStop(position="16.6cm", type="right"))
            properties.addElement(stops)
        style.addElement(properties)
        self.document.styles.addElement(style)
        return style


def _page(document, styles, meta) -> None:
    layout = PageLayout(name="A4")
    layout.addElement(
        PageLayoutProperties(
            pagewidth="21cm",
            pageheight="29.7cm",
            printorientation="portrait",
            margintop="1.4cm",
            marginbottom="1.4cm",
            marginleft="2.2cm",
            marginright="2.2cm",
        )
    )
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header, footer = Header(), Footer()
    top = P(stylename=styles.small)
    teletype.addTextToElement(top, meta.organisation)
    top.addElement(TabElement())
    teletype.addTextToElement(top, meta.pilot_title)
    header.addElement(top)
    bottom = P(stylename=styles.small)
    label = _("page %(page)s of %(pages)s", page="\0page\0", pages="\0pages\0")
    for index, piece in enumerate(label.split("\0")):
        if index % 2:
            bottom.addElement(
                PageNumber(selectpage="current", text="1")
                if piece == "page"
                else PageCount(text="1")
            )
        elif piece:
            teletype.addTextToElement(bottom, piece)
    bottom.addElement(TabElement())
    teletype.addTextToElement(bottom, meta.date_label)
    footer.addElement(bottom)
    master.addElement(header)
    master.addElement(footer)
    document.masterstyles.addElement(master)


class _Writer:
    def __init__(self, document, styles: _Styles):
        self.document, self.styles = document, styles
        self.tables = 0

    def block(self, block, parent, level: int = 0) -> None:
        if isinstance(block, model.Heading):
            heading = H(outlinelevel=block.level, stylename=self.styles.headings[block.level])
            self.runs(heading, block.runs)
            parent.addElement(heading)
        elif isinstance(block, model.Paragraph):
            parent.addElement(self.paragraph(block))
        elif isinstance(block, model.ListBlock):
            parent.addElement(self.list(block, level))
        elif isinstance(block, model.Table):
            self.table(block, parent)

    def paragraph(self, block: model.Paragraph, style=None):
        styles = self.styles
        chosen = style or {
            "meta": styles.meta,
            "note": styles.note,
            "footnote": styles.footnote,
            "quote": styles.quote,
            "code": styles.code,
        }.get(block.style, styles.body)
        paragraph = P(stylename=chosen)
        self.runs(paragraph, block.runs)
        return paragraph

    def list(self, block: model.ListBlock, level: int):
        # Each text:list starts its own numbering: a second list never continues the first.
        element = List(stylename=self.styles.numbers if block.ordered else self.styles.bullets)
        for item in block.items:
            entry = ListItem()
            for inner in item:
                if isinstance(inner, model.ListBlock):
                    entry.addElement(self.list(inner, level + 1))
                elif isinstance(inner, model.Paragraph):
                    entry.addElement(self.paragraph(inner))
                else:
                    self.block(inner, entry, level + 1)
            element.addElement(entry)
        return element

    def table(self, block: model.Table, parent) -> None:
        if block.caption:
            caption = P(stylename=self.styles.note)
            self.runs(caption, block.caption)
            parent.addElement(caption)
        width = max((len(r) for r in block.rows), default=0)
        if not width:
            return
        self.tables += 1
        table = Table(name=f"Table{self.tables}")
        table.addElement(TableColumn(numbercolumnsrepeated=width))
        head = TableHeaderRows() if block.header_rows else None
        if head is not None:
            table.addElement(head)
        for index, cells in enumerate(block.rows):
            row = TableRow()
            for cell in cells:
                target = TableCell(valuetype="string", stylename=self.styles.cell)
                text = P(stylename=self.styles.table_text)
                self.runs(text, cell.runs, bold=cell.header)
                target.addElement(text)
                row.addElement(target)
            (head if head is not None and index < block.header_rows else table).addElement(row)
        parent.addElement(table)

    def runs(self, element, runs: list[model.Run], bold: bool = False) -> None:
        for item in runs:
            if item.text == "\n":
                element.addElement(LineBreak())
                continue
            style = None
            if item.superscript:
                style = self.styles.sup
            elif item.bold or bold:
                style = self.styles.bold
            elif item.italic:
                style = self.styles.italic
            elif item.code:
                style = self.styles.mono
            target = Span(stylename=style) if style is not None else None
            holder = A(href=item.href, type="simple") if item.href else None
            inner = target if target is not None else holder
            if inner is None:
                teletype.addTextToElement(element, item.text)
                continue
            teletype.addTextToElement(inner, item.text)
            if target is not None and holder is not None:
                holder.addElement(target)
                element.addElement(holder)
            else:
                element.addElement(inner)

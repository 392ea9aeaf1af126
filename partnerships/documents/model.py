"""The document model: the blocks of a document template's HTML, for Word and ODF.

The PDF is made from the HTML itself; Word and ODF are written from this model of the same
HTML, so all three show the same headings, lists, tables and emphasis. The templates use a
small vocabulary (h1-h6, p, ul/ol/li, table, blockquote, pre, strong/em/a/code, br), and
Markdown from users reaches here already rendered and cleaned (markdown.py), so the model
never sees `**` or a typed "- ": those became <strong> and <li> before.
Elements marked `data-document="pdf"` (the chart) are left to the PDF; `.footnote` spans
become numbered notes under their block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}
SKIPPED = {"script", "style", "head", "svg", "nav", "form", "button", "template"}
CONTAINERS = {"body", "div", "section", "article", "main", "figure", "header", "footer", "dl"}
INLINE = {"strong", "b", "em", "i", "a", "code", "span", "small", "abbr", "time", "sup", "sub"}


@dataclass
class Run:
    """A piece of text with one set of marks; "\n" alone is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    superscript: bool = False


@dataclass
class Heading:
    level: int
    runs: list[Run]


@dataclass
class Paragraph:
    """style: body, meta (under the title), note (small print), footnote, quote, code."""

    runs: list[Run]
    style: str = "body"


@dataclass
class ListBlock:
    ordered: bool
    items: list[list] = field(default_factory=list)


@dataclass
class Cell:
    runs: list[Run]
    header: bool = False
    numeric: bool = False


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)
    header_rows: int = 0
    caption: list[Run] = field(default_factory=list)


@dataclass
class Node:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class _TreeBuilder(HTMLParser):
    """A forgiving element tree of our own, well-formed, HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_tree(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _find(node: Node, tag: str) -> Node | None:
    for child in node.children:
        if isinstance(child, Node):
            if child.tag == tag:
                return child
            found = _find(child, tag)
            if found is not None:
                return found
    return None


def _skipped(node: Node) -> bool:
    return (
        node.tag in SKIPPED
        or node.attrs.get("data-document") == "pdf"
        or "visually-hidden" in node.classes
        or node.attrs.get("hidden") is not None
    )


class _Walker:
    def __init__(self):
        self.notes: list[list[Run]] = []  # footnotes, numbered once per document
        self.printed = 0  # how many of them are already placed under their block

    # -- inline ----------------------------------------------------------------------------

    def runs(self, node: Node, marks: dict | None = None) -> list[Run]:
        marks = dict(marks or {})
        result: list[Run] = []
        for child in node.children:
            if isinstance(child, str):
                text = " ".join(child.split())
                if child[:1].isspace():
                    text = " " + text
                if child[-1:].isspace() and text.strip():
                    text += " "
                if text:
                    result.append(Run(text, **marks))
                continue
            if _skipped(child):
                continue
            if child.tag == "br":
                result.append(Run("\n"))
            elif "footnote" in child.classes:
                self.notes.append(_trim(self.runs(child)))
                result.append(Run(str(len(self.notes)), superscript=True))
            else:
                inner = dict(marks)
                if child.tag in ("strong", "b", "th"):
                    inner["bold"] = True
                elif child.tag in ("em", "i"):
                    inner["italic"] = True
                elif child.tag == "code":
                    inner["code"] = True
                elif child.tag == "a" and child.attrs.get("href"):
                    inner["href"] = child.attrs["href"]
                result.extend(self.runs(child, inner))
        return result

    # -- blocks ----------------------------------------------------------------------------

    def blocks(self, node: Node) -> list:
        out: list = []
        pending: list[Run] = []

        def flush():
            runs = _trim(pending)
            if runs:
                out.append(Paragraph(runs))
            pending.clear()

        for child in node.children:
            if isinstance(child, str) or (child.tag in INLINE or child.tag == "br"):
                if isinstance(child, str):
                    holder = Node("span", {}, [child])
                elif _skipped(child):
                    continue
                else:
                    holder = Node("span", {}, [child])
                pending.extend(self.runs(holder))
                continue
            if _skipped(child):
                continue
            flush()
            out.extend(self.block(child))
            out.extend(self.take_notes())
        flush()
        out.extend(self.take_notes())
        return out

    def take_notes(self) -> list:
        """The footnotes called since the last block, as small paragraphs under it."""
        start, self.printed = self.printed, len(self.notes)
        return [
            Paragraph([Run(f"{index + 1} ", superscript=True), *self.notes[index]], "footnote")
            for index in range(start, len(self.notes))
        ]

    def block(self, node: Node) -> list:
        tag = node.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return [Heading(int(tag[1]), _trim(self.runs(node)))]
        if tag == "p":
            runs = _trim(self.runs(node))
            style = next((s for s in ("meta", "note", "footnote") if s in node.classes), "body")
            return [Paragraph(runs, style)] if runs else []
        if tag in ("ul", "ol"):
            block = ListBlock(ordered=tag == "ol")
            for item in node.children:
                if isinstance(item, Node) and item.tag == "li" and not _skipped(item):
                    block.items.append(self.blocks(item) or [Paragraph([Run("")])])
            return [block] if block.items else []
        if tag == "table":
            return [self.table(node)]
        if tag == "blockquote":
            return [
                Paragraph(b.runs, "quote") if isinstance(b, Paragraph) else b
                for b in self.blocks(node)
            ]
        if tag == "pre":
            return [Paragraph([Run(_text(node), code=True)], "code")]
        if tag in ("dt", "dd", "li", "caption", "figcaption"):
            runs = _trim(self.runs(node))
            return [Paragraph(runs, "note" if tag == "figcaption" else "body")] if runs else []
        if tag == "hr":
            return []
        return self.blocks(node)

    def table(self, node: Node) -> Table:
        table = Table()
        for part in node.children:
            if not isinstance(part, Node) or _skipped(part):
                continue
            if part.tag == "caption":
                table.caption = _trim(self.runs(part))
            rows = [part] if part.tag == "tr" else [r for r in part.children if _is(r, "tr")]
            for row in rows:
                cells = [
                    Cell(
                        _trim(self.runs(c)),
                        header=c.tag == "th",
                        numeric="num" in c.classes,
                    )
                    for c in row.children
                    if isinstance(c, Node) and c.tag in ("th", "td")
                ]
                table.rows.append(cells)
                if part.tag == "thead":
                    table.header_rows += 1
        return table


def _is(node, tag: str) -> bool:
    return isinstance(node, Node) and node.tag == tag


def _text(node: Node) -> str:
    return "".join(c if isinstance(c, str) else _text(c) for c in node.children)


def _trim(runs: list[Run]) -> list[Run]:
    """Whitespace at the edges of a paragraph is layout, not content."""
    runs = [r for r in runs if r.text]
    while runs and not runs[0].text.strip() and runs[0].text != "\n":
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        runs[0].text = runs[0].text.lstrip(" ")
        runs[-1].text = runs[-1].text.rstrip(" ")
    return runs


def from_html(html: str) -> list:
    """The blocks of the document's <body>."""
    tree = parse_tree(html)
    body = _find(tree, "body") or tree
    return _Walker().blocks(body)


def plain(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)

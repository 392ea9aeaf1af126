"""Read the lists of a page the way a person scans them: per section id, each item's link,
its text and its classes (the standard library's parser; no extra dependency)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Entry:
    """A list item: its classes, its whole text, and its first link (text and address)."""

    classes: list[str]
    text: str = ""
    link_text: str = ""
    href: str | None = None


@dataclass
class Section:
    id: str
    entries: list[Entry] = field(default_factory=list)
    text: str = ""
    links: list[tuple[str, str, list[str]]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sections: dict[str, Section] = {}
        self.ids: set[str] = set()
        self.stack: list[tuple[str, Section | None]] = []  # (tag, section opened by it)
        self.open: list[Section] = []
        self.entry: Entry | None = None
        self.in_link = False
        self.link: list | None = None
        self.all_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        opened = None
        if attrs.get("id"):
            self.ids.add(attrs["id"])
            opened = Section(attrs["id"])
            self.sections[attrs["id"]] = opened
            self.open.append(opened)
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.append((tag, opened))
        elif opened:
            self.open.remove(opened)
        if tag == "li":
            self.entry = Entry((attrs.get("class") or "").split())
            for section in self.open:
                section.entries.append(self.entry)
        if tag == "a" and attrs.get("href") is not None:
            self.link = ["", attrs["href"], (attrs.get("class") or "").split()]
            if self.entry is not None and self.entry.href is None:
                self.entry.href = attrs["href"]
                self.in_link = True

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, opened = self.stack.pop()
            if opened is not None:
                self.open.remove(opened)
            if open_tag == tag:
                break
        if tag == "a":
            if self.link is not None:
                for section in self.open:
                    section.links.append((self.link[0].strip(), self.link[1], self.link[2]))
            self.link = None
            self.in_link = False
        if tag == "li":
            self.entry = None

    def handle_data(self, data):
        self.all_text.append(data)
        for section in self.open:
            section.text += data
        if self.entry is not None:
            self.entry.text += data
            if self.in_link:
                self.entry.link_text += data
        if self.link is not None:
            self.link[0] += data


@dataclass
class Page:
    sections: dict[str, Section]
    ids: set[str]
    text: str

    def section(self, id_: str) -> Section:
        assert id_ in self.sections, f"no element with id {id_!r} on the page"
        return self.sections[id_]

    def items(self, id_: str) -> list[tuple[str, str]]:
        """(link text, address) of each list item in the section."""
        return [(" ".join(e.link_text.split()), e.href) for e in self.section(id_).entries]


def parse(html: str | bytes) -> Page:
    parser = _Parser()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    return Page(parser.sections, parser.ids, " ".join("".join(parser.all_text).split()))

"""Word documents (.docx) of the policy framework and an evaluation, for the formal route.

Boards and councils work with documents; the text goes in as structured headings, lists
and paragraphs so screen readers and Word's navigation pane can follow it.
"""

from __future__ import annotations

import io
import re

from docx import Document
from flask_babel import gettext as _

from ..i18n import _date, locale_code

_BULLET = re.compile(r"^\s*[-*+]\s+")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+")
_HEADING = re.compile(r"^(#{1,6})\s+")
_INLINE = re.compile(r"(\*\*|__)(.+?)\1")


def _add_markdown(doc, source: str) -> None:
    """Headings, bullet and numbered lists, bold and paragraphs: what users type here."""
    paragraph_lines: list[str] = []

    def flush() -> None:
        if paragraph_lines:
            _add_runs(doc.add_paragraph(), " ".join(paragraph_lines))
            paragraph_lines.clear()

    for line in (source or "").splitlines():
        if not line.strip():
            flush()
        elif heading := _HEADING.match(line):
            flush()
            doc.add_heading(line[heading.end() :].strip(), level=min(len(heading.group(1)) + 1, 4))
        elif bullet := _BULLET.match(line):
            flush()
            _add_runs(doc.add_paragraph(style="List Bullet"), line[bullet.end() :])
        elif numbered := _NUMBERED.match(line):
            flush()
            _add_runs(doc.add_paragraph(style="List Number"), line[numbered.end() :])
        else:
            paragraph_lines.append(line.strip())
    flush()


def _add_runs(paragraph, text: str) -> None:
    """Plain text with **bold** parts; other Markdown marks are left as typed."""
    position = 0
    for match in _INLINE.finditer(text):
        paragraph.add_run(text[position : match.start()])
        paragraph.add_run(match.group(2)).bold = True
        position = match.end()
    paragraph.add_run(text[position:])


def _save(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def policy_docx(pilot, draft, version, titles: dict[str, str]) -> bytes:
    """The policy framework, one heading per section, with where it comes from."""
    doc = Document()
    doc.core_properties.title = _("Policy framework social return: %(title)s", title=pilot.title)
    doc.core_properties.language = locale_code()
    doc.add_heading(_("Policy framework social return"), level=0)
    doc.add_paragraph(pilot.organisation.name)
    doc.add_paragraph(
        _(
            'Based on the pilot "%(title)s". Version %(n)s of %(date)s.',
            title=pilot.title,
            n=version.number,
            date=_date(version.created_at),
        )
    )
    for name, heading in titles.items():
        doc.add_heading(heading, level=1)
        text = getattr(version, name) or ""
        if text.strip():
            _add_markdown(doc, text)
        else:
            doc.add_paragraph(_("(not filled in yet)"))
    doc.add_heading(_("Social return specialist (5b)"), level=1)
    specialist = draft.specialist.name if draft.specialist else draft.specialist_name
    doc.add_paragraph(specialist or _("(not named yet)"))
    doc.add_heading(_("Board decision (5c)"), level=1)
    decision = draft.decision
    doc.add_paragraph(
        f"{decision.title} ({_date(decision.decided_on)})" if decision else _("(none yet)")
    )
    return _save(doc)


def evaluation_docx(
    pilot, evaluation, figure_lines: list[str], contributions: list, theme_labels: dict[str, str]
) -> bytes:
    """The 4b evaluation: impact, findings, suppliers' ideas and lessons."""
    doc = Document()
    doc.core_properties.title = evaluation.title
    doc.add_heading(evaluation.title, level=0)
    doc.add_paragraph(f"{pilot.organisation.name} · {pilot.title}")
    doc.add_heading(_("Impact"), level=1)
    for line in figure_lines:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(_("What went well"), level=1)
    _add_markdown(doc, evaluation.went_well or _("(not filled in yet)"))
    doc.add_heading(_("What to improve in how social return is asked and carried out"), level=1)
    _add_markdown(doc, evaluation.to_improve or _("(not filled in yet)"))
    doc.add_heading(_("Suppliers' ideas for social innovation"), level=1)
    if not contributions:
        doc.add_paragraph(_("(no contributions yet)"))
    for contribution in contributions:
        doc.add_heading(contribution.supplier_organisation.name, level=2)
        _add_markdown(doc, contribution.ideas)
    doc.add_heading(_("Lessons for the next tender"), level=1)
    if not evaluation.lessons:
        doc.add_paragraph(_("(no lessons yet)"))
    for lesson in evaluation.lessons:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{theme_labels.get(lesson.theme, lesson.theme)}: ").bold = True
        paragraph.add_run(lesson.text)
    return _save(doc)

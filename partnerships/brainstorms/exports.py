"""The result of a brainstorm as a printable summary, a Markdown file and a document.

Suppliers get the board only: the shortlist ranks suppliers and the outcomes are the
buyer's internal work, so both appear only for the working group and the board.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, clock
from ..documents import downloads, page
from ..i18n import _date, locale_code
from . import bp, outcomes
from .board import cards_by_place
from .loaders import load_brainstorm, place_labels
from .services import board_format
from .views import BASE

EXPORT = f"{BASE}/<int:brainstorm_id>"


@dataclass
class Summary:
    """Everything an export shows, already filtered for who asks."""

    title: str
    status: str
    header: list[tuple[str, str]]
    places: list[tuple[str, list]]
    internal: bool
    shortlist: list = field(default_factory=list)
    outcomes: dict = field(default_factory=dict)
    outcome_labels: dict = field(default_factory=dict)


def build_summary(pilot, brainstorm, internal: bool) -> Summary:
    """Header fields of the format, the cards per place and, internally, what came of them."""
    fmt = board_format(pilot)
    locale = locale_code()
    labels = {e.key: e.label.get(locale) for e in fmt.fields}
    kinds = {e.key: e.label.get(locale) for e in fmt.kinds}
    natures = {e.key: e.label.get(locale) for e in fmt.natures}
    kind = kinds.get(brainstorm.kind or "", "")
    if brainstorm.kind_other:
        kind = f"{kind}: {brainstorm.kind_other}" if kind else brainstorm.kind_other
    header = [
        (labels.get("title", _("Title")), brainstorm.title),
        (labels.get("description", _("Description")), brainstorm.description),
        (labels.get("kind", _("Kind")), kind),
        (labels.get("nature", _("Nature")), natures.get(brainstorm.nature or "", "")),
        (labels.get("labour_component", _("Labour component")), brainstorm.labour_component),
    ]
    place_names = place_labels(pilot)
    board = cards_by_place(brainstorm, place_names)
    places = [(place_names.get(key, key), cards) for key, cards in board.items()]
    status = (
        _("open")
        if brainstorm.is_open
        else _("closed on %(date)s", date=_date(brainstorm.closed_at))
    )
    summary = Summary(brainstorm.title, status, header, places, internal)
    if internal:
        summary.shortlist = outcomes.shortlist(brainstorm)
        summary.outcomes = outcomes.outcomes_by_card(brainstorm)
        summary.outcome_labels = {
            "action": _("action"),
            "decision": _("decision"),
            "potential_job": _("potential job"),
            "shortlist": _("shortlist"),
        }
    return summary


def _load(pilot_id, brainstorm_id):
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id)
    internal = access.can(current_user, "brainstorm.view_internal", brainstorm)
    return pilot, brainstorm, build_summary(pilot, brainstorm, internal)


def _filename(pilot, extension: str) -> str:
    return downloads.file_name(_("brainstorm"), subject=pilot.title, ext=extension)


@bp.route(f"{EXPORT}/summary")
@login_required
def summary(pilot_id, brainstorm_id):
    """A printable summary of a brainstorm: its cards, votes and shortlist."""
    pilot, brainstorm, data = _load(pilot_id, brainstorm_id)
    return render_template(
        "brainstorms/summary.html", pilot=pilot, brainstorm=brainstorm, summary=data
    )


@bp.route(f"{EXPORT}/export.md")
@login_required
def export_markdown(pilot_id, brainstorm_id):
    """The brainstorm's summary as a Markdown download."""
    pilot, brainstorm, data = _load(pilot_id, brainstorm_id)
    return downloads.attachment(markdown_text(pilot, data), _filename(pilot, "md"))


@bp.route(f"{EXPORT}/summary.<doc_format>")
@login_required
def summary_document(pilot_id, brainstorm_id, doc_format):
    """The summary as PDF, Word or ODF, filtered for who asks like the page."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id)
    internal = access.can(current_user, "brainstorm.view_internal", brainstorm)

    def make():
        meta = page.Meta(
            title=_("Brainstorm: %(title)s", title=brainstorm.title),
            organisation=pilot.organisation.name,
            pilot_title=pilot.title,
            kind=_("brainstorm"),
            day=clock.today(),
            lang=locale_code(),
        )
        context = dict(pilot=pilot, summary=build_summary(pilot, brainstorm, internal))
        return "documents/brainstorm.html", meta, context

    return page.respond(doc_format, make)


def _md(text: str) -> str:
    """User text inside a Markdown list item, later lines indented.

    Not HTML-escaped: the export is plain text, downloaded as text/markdown with nosniff, so
    "Schoon & Co" stays readable; whoever renders it as HTML must sanitise it there.
    """
    text = text or ""
    return "\n  ".join(text.splitlines()) or "–"


def markdown_text(pilot, data: Summary) -> str:
    """The summary as Markdown, for pasting into minutes or a wiki."""
    lines = [f"# {_md(data.title)}", "", f"{_md(pilot.title)} · {data.status}", ""]
    lines += [f"- **{label}**: {_md(value)}" for label, value in data.header]
    for label, cards in data.places:
        lines += ["", f"## {label}", ""]
        if not cards:
            lines.append(_("No cards."))
        for card in cards:
            line = f"- {_md(card.text)} _({_md(card.author_label)})_"
            for outcome in data.outcomes.get(card.id, []):
                line += f" → **{data.outcome_labels[outcome.kind]}**: {_md(outcome.title)}"
            lines.append(line)
    if data.internal:
        lines += ["", f"## {_('Top 3 suppliers')}", ""]
        if not data.shortlist:
            lines.append(_("No suppliers on the shortlist."))
        lines += [f"{e.rank}. **{_md(e.supplier_name)}**: {_md(e.reason)}" for e in data.shortlist]
    return "\n".join(lines) + "\n"

"""The board's view across its pilots, and the export it takes to its meetings."""

from __future__ import annotations

import csv
import io

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, changes, clock, fragments, htmx
from ..documents import downloads
from ..i18n import _date, _number, locale_code
from ..paging import page_number
from . import bp, services


@bp.app_template_global()
def sits_on_board(user) -> bool:
    """Whether the navigation offers the board view: board members and buyer admins only."""
    return user.is_authenticated and access.can(user, "board.overview", user.organisation)


def _overview():
    """The rows of the board view, every page; suppliers have no board view at all."""
    access.require("board.page", current_user.organisation)
    return services.board_overview(current_user, today=clock.today())


@bp.route("/board")
@login_required
def board():
    """The board's overview of the organisation's pilots."""
    access.require("board.page", current_user.organisation)
    number = page_number(request.args.get("page"))
    kept = changes.key(current_user.organisation_id, "board view", number)
    body = fragments.rendered_once(kept, lambda: _board(number))
    return htmx.render("reports/board.html", body=body)


def _board(number: int) -> str:
    page = services.board_page(current_user, today=clock.today(), number=number)
    return render_template("reports/_board.html", rows=page.rows, board=page)


def _cell(value) -> str:
    """A CSV cell that a spreadsheet cannot mistake for a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def step_label(figures: dict) -> str:
    step = figures["step"]
    if step["code"] is None:
        return _("All steps done")
    return f"{step['code']}. {step['title'].get(locale_code()) or step['title'].get('nl')}"


def _figure(value, digits: int = 0) -> str:
    if value is None:
        return _("not yet available")
    return _number(value, digits)


@bp.route("/board/export.csv")
@login_required
def board_export():
    """The board's overview as a CSV download."""
    rows = _overview()
    buffer = io.StringIO()
    # Semicolons and a byte-order mark: what Dutch spreadsheet settings open correctly.
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            _("Pilot"),
            _("Where the pilot is in the method"),
            _("Actions done"),
            _("Actions overdue"),
            _("People placed"),
            _("Banenafspraak jobs"),
            _("Durable jobs"),
            _("Goal (jobs)"),
            _("Latest progress note"),
            _("Decisions awaiting the board"),
        ]
    )
    for row in rows:
        figures = row["figures"]
        note = row["note"]
        writer.writerow(
            [
                _cell(v)
                for v in (
                    row["pilot"].title,
                    step_label(figures),
                    figures["actions_done"],
                    figures["actions_overdue"],
                    _figure(figures["people"]),
                    _figure(figures["banen"], 2),
                    _figure(figures["durable"]),
                    _figure(figures["goal_jobs"], 2),
                    f"{note.period_label} ({_date(note.published_at, 'short')})" if note else "",
                    len(row["decisions"]),
                )
            ]
        )
    name = downloads.file_name(
        _("board overview"), subject=current_user.organisation.name, ext="csv"
    )
    return downloads.attachment("\ufeff" + buffer.getvalue(), name)

"""A pilot's key figures in one place: the step reached, actions, and the jobs figures.

Progress notes freeze these at publication, evaluations at completion; the board view, the
policy draft and the public results page show them live. Counts of people are suppressed
for small groups (1-4) wherever someone outside the working group sees them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select

from .. import clock, suppression
from ..extensions import db


def key_figures(
    pilot,
    *,
    as_of: date | None = None,
    statuses: dict | None = None,
    counts: dict | None = None,
    jobs: dict | None = None,
    suppress: bool = False,
) -> dict:
    """Every key figure as plain JSON-friendly values (banen as a decimal string).

    Lists of pilots pass `statuses`, `counts` and `jobs` read for all of them at once;
    suppress=True gives the jobs figures as they leave the working group (suppression.py),
    the same as the jobs dashboard, the exports and the API show them.
    """
    as_of = as_of or clock.today()
    return {
        "as_of": as_of.isoformat(),
        "step": step_reached(pilot, statuses),
        **(counts if counts is not None else action_counts(pilot, as_of)),
        **(jobs if jobs is not None else job_figures(pilot, as_of, suppress=suppress)),
        "goal_jobs": str(pilot.goal_jobs) if pilot.goal_jobs is not None else None,
        "goal_people": pilot.goal_people,
    }


def step_reached(pilot, statuses: dict | None = None) -> dict:
    """The first unfinished step on the pilot's route, titled in both languages.

    Both languages are kept so a frozen note reads right whichever language the reader uses.
    """
    from .. import workflows_registry
    from ..pilots import progress

    workflow = workflows_registry.for_pilot(pilot)
    if statuses is None:
        statuses = progress.statuses_for([pilot.id])[pilot.id]
    views = {loc: progress.compute(workflow, pilot.route, statuses, loc) for loc in ("nl", "en")}
    current = {loc: view.current_step for loc, view in views.items()}
    return {
        "code": current["nl"].code if current["nl"] else None,
        "title": {loc: step.title if step else "" for loc, step in current.items()},
        "done": views["nl"].done,
        "total": views["nl"].total,
    }


def action_counts(pilot, as_of: date) -> dict:
    """Actions done, and actions still open or busy after their deadline."""
    from ..actions.models import Action, ActionStatus

    done = db.session.scalar(
        select(func.count(Action.id)).where(
            Action.pilot_id == pilot.id, Action.status == ActionStatus.DONE
        )
    )
    overdue = db.session.scalar(
        select(func.count(Action.id)).where(
            Action.pilot_id == pilot.id,
            Action.status.in_([ActionStatus.OPEN, ActionStatus.BUSY]),
            Action.deadline.is_not(None),
            Action.deadline < as_of,
        )
    )
    return {"actions_done": done or 0, "actions_overdue": overdue or 0}


def action_counts_for(pilot_ids, as_of: date) -> dict[int, dict]:
    """action_counts for many pilots in one query: {pilot_id: {...}}."""
    from sqlalchemy import case

    from ..actions.models import Action, ActionStatus

    ids = list(pilot_ids)
    result = {pid: {"actions_done": 0, "actions_overdue": 0} for pid in ids}
    if not ids:
        return result
    overdue = (
        Action.status.in_([ActionStatus.OPEN, ActionStatus.BUSY])
        & Action.deadline.is_not(None)
        & (Action.deadline < as_of)
    )
    rows = db.session.execute(
        select(
            Action.pilot_id,
            func.sum(case((Action.status == ActionStatus.DONE, 1), else_=0)),
            func.sum(case((overdue, 1), else_=0)),
        )
        .where(Action.pilot_id.in_(ids))
        .group_by(Action.pilot_id)
    )
    for pilot_id, done, late in rows:
        result[pilot_id] = {"actions_done": int(done or 0), "actions_overdue": int(late or 0)}
    return result


def job_figures(pilot, as_of: date, *, suppress: bool = False) -> dict:
    """People placed, banenafspraak jobs and durable jobs from the jobs domain."""
    from ..figures.services import pilot_figures  # looked up per call: tests stand in for it

    if as_of < pilot.start_date:
        return _not_started()
    return _job_values(pilot_figures(pilot, as_of=as_of, suppress=suppress))


def job_figures_for(pilots, as_of: date, *, suppress: bool = False) -> dict[int, dict]:
    """job_figures for many pilots, {pilot id: ...}, from one batch of the jobs queries."""
    from ..figures.services import headline_figures

    started = [pilot for pilot in pilots if as_of >= pilot.start_date]
    raw = headline_figures(started, as_of=as_of, suppress=suppress)
    return {
        pilot.id: _job_values(raw[pilot.id]) if pilot.id in raw else _not_started()
        for pilot in pilots
    }


def _not_started() -> dict:
    # Nothing counts for a pilot before it began (and the jobs domain expects as_of on or
    # after the start).
    return {"people": 0, "banen": "0.00", "durable": 0}


def _job_values(raw: dict) -> dict:
    banen = raw.get("banen")
    values = {
        "people": _whole(raw.get("people")),
        "banen": str(banen) if banen is not None else None,
        "durable": _whole(raw.get("durable")),
    }
    if "banen_people" in raw:
        values["banen_people"] = raw["banen_people"]
    return values


def _whole(value) -> int | str | None:
    """A count, or the marker suppression.py put in its place."""
    return value if value is None or isinstance(value, str) else int(value)


def for_display(figures: dict | None, *, suppress: bool) -> dict | None:
    """Figures ready for a template: banen as a Decimal, small counts hidden when asked."""
    if figures is None:
        return None
    shown = dict(figures)
    if isinstance(shown.get("as_of"), str):
        shown["as_of"] = date.fromisoformat(shown["as_of"])
    shown["banen"] = _decimal(shown.get("banen"))
    shown["goal_jobs"] = _decimal(shown.get("goal_jobs"))
    if suppress and isinstance(shown.get("people"), int):
        # Figures frozen before they were suppressed (a note or evaluation): the same rule
        # as live figures, over what was kept. Live figures come suppressed already.
        people = shown["people"]
        if isinstance(shown.get("durable"), int):
            durable = suppression.suppress(
                {"durable": shown["durable"], "rest": people - shown["durable"]}, people
            )
            shown["durable"] = durable.cells["durable"]
        if shown.get("banen") is not None:
            shown["banen"] = suppression.hidden_with(
                shown["banen"], shown.get("banen_people", people)
            )
        shown["people"] = suppression.count(people)
    return shown


def _decimal(value):
    if value is None or isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return value

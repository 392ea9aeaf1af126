"""Pilot overview, starting a pilot and the pilot's home page."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access
from ..extensions import db
from . import bp, services
from .forms import PilotForm


@bp.route("/pilots")
@login_required
def index():
    pilots = services.pilots_of(current_user)
    return render_template("pilots/index.html", pilots=pilots,
                           can_create=access.can(current_user, "pilot.create"))


@bp.route("/pilots/new", methods=["GET", "POST"])
@login_required
def new():
    access.require("pilot.create")
    form = PilotForm()
    if form.validate_on_submit():
        pilot = services.start_pilot(
            current_user.organisation, current_user, title=form.title.data,
            purchasing_category=form.purchasing_category.data, start_date=form.start_date.data,
            goal_jobs=form.goal_jobs.data, goal_people=form.goal_people.data,
        )
        db.session.commit()
        flash(_("Pilot started. You are its coordinator."), "success")
        return redirect(url_for("pilots.show", pilot_id=pilot.id), code=303)
    return render_template("pilots/new.html", form=form), 422 if form.is_submitted() else 200


@bp.route("/pilots/<int:pilot_id>")
@login_required
def show(pilot_id):
    pilot = access.load_pilot(pilot_id)
    return render_template("pilots/show.html", pilot=pilot)

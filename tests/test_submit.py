"""The one shape of a view that saves a form (htmx.submit): saved and redirected, or the
page again with 422 and the reason next to the field it is about."""

from __future__ import annotations

import pytest
from flask import flash, get_flashed_messages
from wtforms import StringField
from wtforms.validators import InputRequired

from partnerships import htmx
from partnerships.forms import Form


class TitleForm(Form):
    title = StringField("Title", validators=[InputRequired()])


class Refused(ValueError):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


@pytest.fixture(autouse=True)
def _no_csrf(app, monkeypatch):
    """These posts are built by hand, not from a page: the CSRF check is not what is tested."""
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)


def _post(app, data, save, **options):
    """Run submit in a POST request, as a view would; return (answer, form, flashed)."""
    with app.test_request_context("/things", method="POST", data=data):
        form = TitleForm()
        answer = htmx.submit(
            form,
            lambda: save(form),
            again=lambda: ("the page again", 200),
            done=lambda made: f"/things/{made}",
            said=lambda made: f"Saved {made}.",
            **options,
        )
        return answer, form, get_flashed_messages(with_categories=True)


def test_a_valid_form_is_saved_told_and_redirected(app):
    answer, form, flashed = _post(app, {"title": "Plan"}, lambda form: 7)
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/things/7"
    assert flashed == [("success", "Saved 7.")]


def test_an_invalid_form_is_shown_again_with_422_and_nothing_saved(app):
    saved = []
    answer, form, flashed = _post(app, {"title": ""}, saved.append)
    assert (answer.status_code, answer.get_data(as_text=True)) == (422, "the page again")
    assert saved == [] and flashed == []
    assert form.title.errors


def test_a_refusal_is_shown_at_the_field_it_names(app):
    def save(form):
        raise Refused("Too long for a title.", "title")

    answer, form, flashed = _post(app, {"title": "Plan"}, save, refused=Refused)
    assert answer.status_code == 422
    assert form.title.errors == ["Too long for a title."]
    assert flashed == []


def test_a_refusal_without_a_field_goes_to_blame_or_above_the_form(app):
    def save(form):
        raise Refused("Not now.")

    _, form, _ = _post(app, {"title": "Plan"}, save, refused=Refused, blame="title")
    assert form.title.errors == ["Not now."]
    _, form, _ = _post(app, {"title": "Plan"}, save, refused=Refused)
    assert form.form_errors == ["Not now."]


def test_an_error_that_is_not_a_refusal_is_not_swallowed(app):
    def save(form):
        raise KeyError("a bug")

    with pytest.raises(KeyError):
        _post(app, {"title": "Plan"}, save, refused=Refused)


def test_an_htmx_post_is_redirected_with_hx_redirect(app):
    with app.test_request_context(
        "/things", method="POST", data={"title": "Plan"}, headers={"HX-Request": "true"}
    ):
        answer = htmx.submit(
            TitleForm(), lambda: 3, again=lambda: "page", done="/things", said="Saved."
        )
    assert (answer.status_code, answer.headers["HX-Redirect"]) == (204, "/things")


def test_a_get_of_a_page_that_takes_the_form_shows_it_unsaved(app):
    saved = []
    with app.test_request_context("/things"):
        answer = htmx.submit(
            TitleForm(), lambda: saved.append(1), again=lambda: "the page", done="/things"
        )
    assert answer == "the page" and saved == []


def test_a_form_htmx_sends_from_its_fragment_is_answered_in_place(app):
    """With `swap`, the saved htmx request gets the fragment with its confirmation; a plain
    POST of the same form is still told by flash and redirected."""

    def send(headers):
        with app.test_request_context(
            "/things", method="POST", data={"title": "Plan"}, headers=headers
        ):
            answer = htmx.submit(
                TitleForm(),
                lambda: 5,
                again=lambda: "page",
                done="/things",
                said="Saved.",
                swap=lambda made: f"fragment: saved {made}",
            )
            return answer, get_flashed_messages(with_categories=True)

    assert send({"HX-Request": "true"}) == ("fragment: saved 5", [])
    plain, flashed = send({})
    assert (plain.status_code, plain.headers["Location"]) == (303, "/things")
    assert flashed == [("success", "Saved.")]


def test_said_may_flash_several_messages_itself(app):
    def said(made):
        flash("Saved.", "success")
        flash("But one check does not hold yet.", "warning")

    with app.test_request_context("/things", method="POST", data={"title": "Plan"}):
        answer = htmx.submit(TitleForm(), lambda: 7, again=lambda: "page", done="/x", said=said)
        flashed = get_flashed_messages(with_categories=True)
    assert answer.status_code == 303
    assert flashed == [("success", "Saved."), ("warning", "But one check does not hold yet.")]

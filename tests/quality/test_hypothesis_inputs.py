"""Hypothesis on every form and every query parameter: no input gives a server error.

Issue 14: a NUL byte, a date in year 9999 or a number like 1e-999999 answered 500 on one
engine or the other. Here every POST form the world's pages render (for the working group,
the site administrator and a supplier contact, plus the login form) and every query
parameter the code reads (`as_of`, page numbers, filters, sort and status values) get
100 examples each: free text with NUL bytes and other control characters, long Unicode,
dates from year 1 to 9999 and numbers far outside any range. The suite runs on SQLite and
on PostgreSQL, so this does too. One app, one world and one client serve every example.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from partnerships.extensions import db
from tests.quality.forms import forms_in
from tests.quality.harness import act_as, app_rules, url_for_rule
from tests.quality.hostile import SKIP_ACTIONS
from tests.quality.world import restore

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", 100))
ROOT = Path(__file__).resolve().parents[2]

CONTROL = st.characters(max_codepoint=0x1F) | st.sampled_from(["\x7f", "\x00"])


def _long(pieces, low=100, high=400):
    """A long text made by repeating a short one: as hostile as a random one of that length
    (and long Unicode), but cheap to generate, which keeps 100 examples a form affordable."""
    return st.builds(lambda piece, times: (piece * times)[:6000], pieces, st.integers(low, high))


HOSTILE_TEXT = st.one_of(
    st.text(max_size=60),  # any code point but surrogates, NUL and controls included
    st.text(alphabet=CONTROL, min_size=1, max_size=10),
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=20), CONTROL, st.text(max_size=20)),
    _long(st.text(min_size=1, max_size=20)),  # long Unicode
    _long(st.text(alphabet="[*_`>#-| \n", min_size=1, max_size=6)),  # Markdown's worst
)
DATES = st.one_of(
    st.dates().map(lambda d: f"{d.year:04}-{d.month:02}-{d.day:02}"),
    st.sampled_from(["9999-12-31", "0001-01-01", "2026-02-30", "2026-13-01", "2026-1-1"]),
)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["0.001", "1e-999999", "1e999999", "-0", "NaN", "12,5", "1.000,25", "٣"]),
)
VALUES = st.one_of(HOSTILE_TEXT, DATES, NUMBERS)

RUN = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,  # the same examples on every run, so CI cannot flicker
    phases=(Phase.explicit, Phase.generate),  # report the failing input as found, unshrunk
    suppress_health_check=list(HealthCheck),
)

FORM_ACTORS = ("coordinator", "site_admin", "supplier_same_pilot")
SKIPPED_KINDS = {"submit", "button", "reset", "file", "image"}


def _forms(app, world):
    """[(actor, form)]: one form per kind (same address pattern and fields), from every GET
    page of the world as each actor sees it, and the login form as an anonymous visitor."""
    client = app.test_client()
    found, seen = [], set()
    pages = [("anonymous", "/login")]
    for actor in FORM_ACTORS:
        pages += [(actor, url_for_rule(app, rule, world)) for rule in app_rules(app, {"GET"})]
    for actor, page in pages:
        act_as(client, world.user(actor) if actor != "anonymous" else None)
        response = client.get(page)
        if response.status_code != 200 or "text/html" not in response.content_type:
            continue
        for form in forms_in(response.text, page):
            names = tuple(sorted({f.name for f in form.fields if f.kind not in SKIPPED_KINDS}))
            key = (re.sub(r"\d+", "N", form.action), names)
            if names and key not in seen and not SKIP_ACTIONS.search(form.action):
                seen.add(key)
                found.append((actor, form))
    return found


def _cause(caplog) -> str:
    """The last line of the exception the app logged, to say what went wrong."""
    for record in reversed(caplog.records):
        if record.exc_text:
            if os.environ.get("HYPOTHESIS_FORM"):  # debugging one form: the whole traceback
                print(record.exc_text)
            return record.exc_text.strip().splitlines()[-1][:300]
    return "?"


def _post_everything(client, world, actor, form, errors, caplog):
    names = sorted({f.name for f in form.fields if f.kind not in SKIPPED_KINDS} - {"csrf_token"})

    @RUN
    @given(st.fixed_dictionaries({name: VALUES for name in names}))
    def drive(values):
        act_as(client, world.user(actor) if actor != "anonymous" else None)
        # Hostile values in every field, choices included: not what the page offers.
        response = client.post(form.action, data=form.data(**values), hand_built=True)
        if response.status_code >= 500:
            errors.append(f"POST {form.action} as {actor}: {_cause(caplog)} {values!r:.300}")

    drive()


def test_every_form_survives_hostile_values(app, world, caplog):
    forms = _forms(app, world)
    kinds = {re.sub(r"\d+", "N", form.action) for _actor, form in forms}
    # The forms the issue names are among them.
    for expected in (
        ()
        if os.environ.get("HYPOTHESIS_FORM")
        else (
            "/login",
            "/pilots/N/placements/new",
            "/pilots/N/potential-jobs/new",
            "/pilots/N/contracts/N/reports/N-N-N",
            "/pilots/N/brainstorms/new",
        )
    ):
        assert expected in kinds, f"{expected} was not found on any page"
    client = app.test_client()
    errors: list[str] = []
    only = os.environ.get("HYPOTHESIS_FORM")  # a regex, to drive one form while debugging
    for actor, form in forms:
        if only and not re.search(only, form.action):
            continue
        started = time.perf_counter()
        _post_everything(client, world, actor, form, errors, caplog)
        restore(world)
        print(f"{time.perf_counter() - started:6.2f}s {form.action}")
    assert errors == [], f"{len(errors)} server errors, e.g. {errors[:5]}"


# --- query parameters ---

WHATS = st.sampled_from(["placements", "monitoring", "figures"])
STATUS_VALUES = st.sampled_from(["", "open", "busy", "done", "active", "completed", "stopped"])


def _choice_or_hostile(*real):
    return st.one_of(st.sampled_from(list(real)), VALUES)


# endpoint -> (actor, {parameter: strategy}, extra URL values). Every parameter the code
# reads with request.args is here (test_every_query_parameter_is_covered checks that).
QUERY = {
    "jobs.dashboard": (
        "coordinator",
        {"as_of": DATES | VALUES, "audience": _choice_or_hostile("board")},
        {},
    ),
    "jobs.supplier_view": ("supplier_same_pilot", {"as_of": DATES | VALUES}, {}),
    "jobs.organisation_dashboard": ("coordinator", {"as_of": DATES | VALUES}, {}),
    "jobs.export": (
        "coordinator",
        {"as_of": DATES, "audience": _choice_or_hostile("board")},
        {"what": "figures", "fmt": "csv"},
    ),
    "jobs.organisation_export": (
        "coordinator",
        {"as_of": DATES, "audience": VALUES},
        {"what": "figures", "fmt": "xlsx"},
    ),
    "jobs.api.pilot_figures": ("api", {"as_of": DATES | VALUES}, {}),
    "jobs.api.organisation_figures": ("api", {"as_of": DATES | VALUES}, {}),
    "jobs.placements": ("coordinator", {"page": NUMBERS | VALUES}, {}),
    "actions.index": (
        "coordinator",
        {
            "step": _choice_or_hostile("1a", "2b"),
            "role": _choice_or_hostile("coordinator", "hr_expert"),
            "person": NUMBERS | VALUES,
            "status": STATUS_VALUES | VALUES,
        },
        {},
    ),
    "actions.my_tasks": ("coordinator", {"page": NUMBERS | VALUES}, {}),
    "actions.plan_document": (
        "coordinator",
        {"lang": _choice_or_hostile("nl", "en")},
        {"doc_format": "docx"},
    ),
    "pilots.index": (
        "coordinator",
        {"status": STATUS_VALUES | VALUES, "page": NUMBERS | VALUES},
        {},
    ),
    "team.audit": ("coordinator", {"page": NUMBERS | VALUES}, {}),
    "meetings.new": (
        "coordinator",
        {"kind": _choice_or_hostile("working_group", "supplier"), "supplier": NUMBERS | VALUES},
        {},
    ),
    "brainstorms.poll": ("coordinator", {"since": NUMBERS | VALUES}, {}),
    "reports.lessons": ("coordinator", {"theme": VALUES}, {}),
    "reports.policy_print": ("coordinator", {"version": NUMBERS | VALUES}, {}),
    "reports.policy_document": (
        "coordinator",
        {"version": NUMBERS | VALUES, "lang": _choice_or_hostile("nl", "en")},
        {"doc_format": "odt"},
    ),
    "reports.board": ("board", {"page": NUMBERS | VALUES}, {}),
    "socialreturn.pilot": ("coordinator", {"as_of": DATES | VALUES}, {}),
    "socialreturn.contract": ("coordinator", {"as_of": DATES | VALUES}, {}),
    "socialreturn.organisation": ("coordinator", {"as_of": DATES | VALUES}, {}),
    "socialreturn.pilot_export": (
        "coordinator",
        {"as_of": DATES | VALUES, "audience": _choice_or_hostile("board")},
        {"fmt": "csv"},
    ),
    "socialreturn.organisation_export": (
        "coordinator",
        {"as_of": DATES | VALUES, "audience": _choice_or_hostile("board")},
        {"fmt": "csv"},
    ),
    # The own scheme form starts from the regional example when asked.
    "socialreturn.own_scheme": ("org_admin", {"start": _choice_or_hostile("example")}, {}),
    # A sub-step code (and a kind of decision) carried over from the page the link was on.
    "actions.new": ("coordinator", {"step": _choice_or_hostile("1a", "2Ba")}, {}),
    "brainstorms.new": ("coordinator", {"step": _choice_or_hostile("2Ab")}, {}),
    "meetings.decisions": (
        "coordinator",
        {"step": _choice_or_hostile("1a"), "kind": _choice_or_hostile("principle")},
        {},
    ),
    "team.working_group": ("coordinator", {"role": _choice_or_hostile("hr_expert")}, {}),
    "accounts.login": ("anonymous", {"next": VALUES}, {}),
    # What an identity provider sends back when it refused; shown to the person, cut short.
    "accounts.sso_callback": ("anonymous", {"error": VALUES}, {}),
}


def _api_headers(world) -> dict:
    from partnerships.jobs.models import ApiToken

    secret = secrets.token_urlsafe(24)
    pilot = world.pilot
    db.session.add(
        ApiToken(
            organisation_id=pilot.organisation_id,
            name="Hypothesis",
            token_hash=ApiToken.hash(secret),
            prefix=secret[:8],
        )
    )
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def _get_everything(client, path, headers, person, params, errors, caplog):
    @RUN
    @given(st.fixed_dictionaries(params))
    def drive(query):
        act_as(client, person)
        response = client.get(path, query_string=query, headers=headers)
        if response.status_code >= 500:
            errors.append(f"GET {path} as {person}: {_cause(caplog)} {query!r:.300}")

    drive()


def test_every_query_parameter_survives_hostile_values(app, world, caplog):
    app.config["API_RATE_LIMIT"] = 10**6
    rules = {rule.endpoint: rule for rule in app_rules(app, {"GET"})}
    client = app.test_client()
    api_headers = _api_headers(world)
    errors: list[str] = []
    for endpoint, (actor, params, extra) in QUERY.items():
        rule = rules[endpoint]
        path = app.url_map.bind("localhost").build(
            endpoint, {**world.url_params_for(rule), **extra}
        )
        headers = api_headers if actor == "api" else {}
        person = None if actor in ("api", "anonymous") else world.user(actor)
        _get_everything(client, path, headers, person, params, errors, caplog)
    assert errors == [], f"{len(errors)} server errors, e.g. {errors[:5]}"


def test_every_query_parameter_is_covered():
    """A parameter read anywhere in the code must be driven above."""
    read = set()
    for path in (ROOT / "partnerships").rglob("*.py"):
        read |= set(re.findall(r'request\.args\.get\(\s*"(\w+)"', path.read_text()))
    queries = (ROOT / "partnerships/actions/queries.py").read_text()
    read |= set(re.findall(r'args\.get\(\s*"(\w+)"', queries))
    driven = {name for _actor, params, _extra in QUERY.values() for name in params}
    assert read - driven == set(), "query parameters without a Hypothesis test"

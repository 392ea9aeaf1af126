"""Two people press "save" on the same row at the same moment, against real server processes.

The test of test_no_lost_data saves one after the other, so the version check in Python
sees the first save. Here two HTTP clients load the same edit form from a gunicorn with
four workers, wait at a barrier and post at once: the slower one must be refused with 409
and get its own text back in the form, never a silent overwrite. Every kind of versioned
form of the world (one per endpoint the forms post to) is raced ROUNDS times.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.error import HTTPError
from urllib.parse import urlencode, urlsplit
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest

from partnerships.extensions import db
from tests.conftest import PASSWORD
from tests.quality.forms import Form, forms_in
from tests.quality.harness import act_as, versioned_forms
from tests.quality.live import Browser, start_gunicorn, stop

ROUNDS = 50
STALE_WORDS = ("Iemand anders", "Someone else")
# The versioned forms the world shows its coordinator (written down, so that a form that
# stops being found fails here instead of silently racing less).
EXPECTED_KINDS = {
    "actions.edit",
    "actions.plan_agreements",
    "actions.status",
    "brainstorms.edit",
    "contracts.contract_edit",
    "placements.placement_edit",
    "contracts.potential_job_edit",
    "meetings.edit",
    "meetings.edit_item",
    "pilots.settings",
    "pilots.substep_status",
    "reports.evaluation_show",
    "reports.policy_edit",
    "reports.results",
    "team.duty",
    "team.task_description",
}


@dataclass
class Kind:
    """One versioned form to race: where it is shown and which text field both change."""

    endpoint: str
    page: str
    index: int  # position among the page's POST forms
    text: str  # name of the text field both people type in


@dataclass
class Tally:
    rounds: int = 0
    lost: list[str] = field(default_factory=list)  # not exactly one of the two saves accepted
    bad_losers: list[str] = field(default_factory=list)  # refused, but not 409 + own text
    overwritten: list[str] = field(default_factory=list)  # refused text shows on the page
    seconds: float = 0.0


def _endpoint(app, path: str) -> str:
    adapter = app.url_map.bind("localhost")
    try:
        return adapter.match(urlsplit(path).path, method="POST")[0]
    except Exception:  # noqa: BLE001 - a form posting elsewhere is not a kind of ours
        return ""


def versioned_kinds(app, world, client) -> list[Kind]:
    """The first form per POST endpoint, on any GET page of the world, that carries the
    version of an existing row (a version of 0 or none: a form that creates)."""
    kinds: dict[str, Kind] = {}
    for page, index, form in versioned_forms(app, world, client):
        endpoint = _endpoint(app, form.action)
        if endpoint and endpoint not in kinds:
            kinds[endpoint] = Kind(endpoint, page, index, form.text_fields[0].name)
    return list(kinds.values())


class Client(Browser):
    """A logged-in browser whose saves do not follow the redirect (the page after a save is
    not part of the race and would only slow it down)."""

    def __init__(self, base: str, email: str):
        super().__init__(base)
        self.login(email, PASSWORD)
        jar = next(h for h in self.opener.handlers if isinstance(h, HTTPCookieProcessor))
        self.saving = build_opener(jar, _NoRedirect())

    def save(self, path: str, data: dict):
        request = Request(self.base + path, data=urlencode(data, doseq=True).encode())
        try:
            response = self.saving.open(request, timeout=60)
        except HTTPError as error:
            response = error
        with response:
            return response.status, response.read().decode("utf-8", "replace")


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _load(client: Client, kind: Kind) -> tuple[Form, str]:
    status, html, _ = client.request(kind.page)
    assert status == 200, f"{kind.page}: {status}"
    return forms_in(html, kind.page)[kind.index], html


def _field(form: Form, name: str) -> str:
    return next(f.value for f in form.fields if f.name == name)


def _gives_text_back(html: str, kind: Kind, text: str) -> bool:
    """A 409 with the explanation and a form that holds what this person typed."""
    return any(word in html for word in STALE_WORDS) and any(
        f.name == kind.text and f.value == text
        for form in forms_in(html, kind.page)
        for f in form.fields
    )


def race(kind: Kind, base: str, email: str, rounds: int) -> Tally:
    """`rounds` simultaneous saves of one form by two clients; see the module docstring.

    Both clients load the form and post the same loaded fields, each with its own CSRF
    token. The refused one gets the form back with its text and the row's new version,
    which is what the next round posts (so a round costs two requests); every tenth round
    and the last, the page is loaded again to see which text the row holds."""
    tally = Tally()
    clients = (Client(base, email), Client(base, email))
    tokens = [_field(_load(client, kind)[0], "csrf_token") for client in clients]
    barrier = threading.Barrier(2)
    answers: list = [None, None]
    started = time.monotonic()
    form, _ = _load(clients[0], kind)
    for number in range(rounds):
        texts = tuple(f"{who} {number} {kind.endpoint}" for who in ("Eerste", "Tweede"))
        sent = [
            form.data(**{kind.text: text, "csrf_token": tokens[who]})
            for who, text in enumerate(texts)
        ]

        def _save(who: int, data=sent, out=answers, action=form.action) -> None:
            barrier.wait(timeout=30)
            out[who] = clients[who].save(action, data[who])

        threads = [threading.Thread(target=_save, args=(who,)) for who in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=90)
        tally.rounds += 1
        saved = [who for who in (0, 1) if answers[who][0] < 400]
        refused = [who for who in (0, 1) if who not in saved]
        if len(saved) != 1:
            statuses = [answer[0] for answer in answers]
            tally.lost.append(f"round {number}: {len(saved)} saves accepted {statuses}")
        for who in refused:
            status, html = answers[who]
            if status != 409 or not _gives_text_back(html, kind, texts[who]):
                tally.bad_losers.append(f"round {number}: {status}")
        given_back = [
            f
            for f in (forms_in(answers[refused[0]][1], kind.page) if len(refused) == 1 else [])
            if f.action == form.action
        ]
        if number % 10 == 9 or number == rounds - 1 or not given_back:
            form, after = _load(clients[0], kind)
            shown = [who for who in (0, 1) if texts[who] in after]
            if any(who in refused for who in shown) or (len(saved) == 2 and len(shown) == 1):
                tally.overwritten.append(f"round {number}: the page shows {shown}, saved {saved}")
        else:
            form = given_back[0]
    tally.seconds = time.monotonic() - started
    return tally


@pytest.fixture
def live_world(app, world, tmp_path):
    """The world, committed, served by gunicorn with four workers on the test database."""
    db.session.commit()
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115 (closed below)
    server, base = start_gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], workers=4, log=log)
    try:
        yield base
    finally:
        stop(server)
        log.close()


def test_simultaneous_saves_of_one_row_lose_nothing(app, world, live_world):
    """Coordinator on a laptop and on a phone, 50 simultaneous saves per kind of form:
    0 lost updates, and every refused save is a 409 that gives its text back in the form."""
    client = app.test_client()
    act_as(client, world.user("coordinator"))
    kinds = versioned_kinds(app, world, client)
    missing = EXPECTED_KINDS - {kind.endpoint for kind in kinds}
    assert not missing, f"versioned forms not found in the world: {sorted(missing)}"
    db.session.rollback()
    email = world.user("coordinator").email
    # Kinds of one domain may share a row (an agenda item's text and its minutes): they race
    # one after the other; the domains race side by side, so four workers stay busy.
    domains: dict[str, list[Kind]] = {}
    for kind in kinds:
        domains.setdefault(kind.endpoint.split(".")[0], []).append(kind)

    def _race_domain(domain: list[Kind]) -> dict[str, Tally]:
        return {kind.endpoint: race(kind, live_world, email, ROUNDS) for kind in domain}

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = {
            k: t for part in pool.map(_race_domain, domains.values()) for k, t in part.items()
        }
    print(f"{len(kinds)} kinds, {ROUNDS} rounds each, in {time.monotonic() - started:.1f} s")
    report = "\n".join(
        f"{name}: {t.rounds} rounds in {t.seconds:.1f} s, lost {len(t.lost)}, "
        f"bad losers {len(t.bad_losers)}, overwritten {len(t.overwritten)} "
        f"{(t.lost + t.bad_losers + t.overwritten)[:2]}"
        for name, t in results.items()
    )
    print(report)
    assert all(not t.lost and not t.bad_losers and not t.overwritten for t in results.values()), (
        report
    )


def test_a_form_sent_twice_at_the_same_moment_creates_one_row(app, make, tmp_path):
    """A double click on "add action": both copies reach two server processes at once."""
    from sqlalchemy import func, select

    from partnerships.actions.models import Action

    pilot = make.pilot()
    email = pilot.memberships[0].user.email
    db.session.commit()
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115 (closed below)
    server, base = start_gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], workers=4, log=log)
    rounds, answers = 10, []
    try:
        client = Client(base, email)
        page = f"/pilots/{pilot.id}/actions"
        for number in range(rounds):
            _, html, _ = client.request(page)
            form = next(f for f in forms_in(html, page) if f.has("once") and f.has("title"))
            data = form.data(title=f"Dubbel verstuurd {number}")
            barrier = threading.Barrier(2)

            def _send(data=data, action=form.action, barrier=barrier) -> None:
                barrier.wait(timeout=30)
                answers.append(client.save(action, data)[0])

            threads = [threading.Thread(target=_send) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=90)
    finally:
        stop(server)
        log.close()
    db.session.rollback()
    count = db.session.scalar(
        select(func.count()).select_from(Action).where(Action.pilot_id == pilot.id)
    )
    assert answers == [303] * (2 * rounds)  # both copies are answered with the next page
    assert count == rounds  # one action per form, not two

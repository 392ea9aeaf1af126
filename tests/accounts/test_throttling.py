"""Throttling that holds under concurrency, and password links that reveal nothing.

The race test sends parallel wrong passwords from threads to the live server (a real HTTP
server with CSRF on, on the same database), on whichever engine the suite runs on.
"""

from __future__ import annotations

import threading

from sqlalchemy import event, func, select

from partnerships.accounts.models import LoginAttempt
from partnerships.extensions import db
from tests.quality.forms import form_with, forms_in
from tests.quality.live import Browser

PARALLEL = 8
LIMIT = 5  # LOGIN_MAX_FAILURES, the default


def test_parallel_wrong_passwords_are_not_all_evaluated(make, live_server):
    email = make.user().email
    db.session.commit()
    # Each browser first loads the login page (for its CSRF token), then all send at once.
    forms = []
    for _ in range(PARALLEL):
        browser = Browser(live_server)
        _, html, _ = browser.request("/login")
        forms.append((browser, form_with(forms_in(html, "/login"), "email", "password")))
    start = threading.Barrier(PARALLEL)
    codes: list[int] = []

    def attempt(browser, form):
        start.wait()
        status, _, _ = browser.request(form.action, form.data(email=email, password="wrong guess"))
        codes.append(status)

    threads = [threading.Thread(target=attempt, args=pair) for pair in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(codes) == PARALLEL
    # At most LIMIT attempts were judged (401); the other 8 - 5 = 3 or more were refused
    # unjudged (429), and every attempt was counted.
    assert codes.count(401) <= LIMIT
    assert codes.count(429) >= PARALLEL - LIMIT
    assert codes.count(401) + codes.count(429) == PARALLEL
    db.session.expire_all()
    counted = db.session.scalar(
        select(func.count(LoginAttempt.id)).where(LoginAttempt.email == email)
    )
    assert counted == PARALLEL


class StatementLog:
    """The SQL statements the app runs while active."""

    def __init__(self):
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, *args):
        self.statements.append(statement.split()[0])


def _forgotten(client, email, address="192.0.2.10"):
    """Ask for a link without closing the response, i.e. as the server has answered but not
    yet finished; returns the response and the statements run until then."""
    log = StatementLog()
    event.listen(db.engine, "before_cursor_execute", log)
    try:
        response = client.post(
            "/password/forgotten",
            data={"email": email},
            environ_base={"REMOTE_ADDR": address},
            buffered=False,
        )
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    return response, log.statements


def test_known_and_unknown_addresses_cost_the_same_until_the_answer_is_out(make, client, smtp):
    user = make.user()
    db.session.commit()
    known, known_work = _forgotten(client, user.email)
    unknown, unknown_work = _forgotten(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 303
    # The same statements before the answer, whether or not the account exists ...
    assert known_work == unknown_work
    # ... and no mail yet: it goes out once the server has sent the answer.
    assert smtp.messages == []
    known.close()
    unknown.close()
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["To"] == user.email


def test_one_address_may_ask_for_five_links_in_the_window(make, client, smtp):
    user = make.user()
    db.session.commit()

    def ask(address):
        return client.post(
            "/password/forgotten",
            data={"email": f"someone{len(smtp.messages)}@example.org"},
            environ_base={"REMOTE_ADDR": address},
        )

    assert [ask("192.0.2.20").status_code for _ in range(5)] == [303] * 5
    refused = ask("192.0.2.20")
    assert refused.status_code == 429
    assert "Je hebt te veel links aangevraagd" in refused.text
    assert ask("192.0.2.21").status_code == 303
    assert user.email  # the account itself was never asked for


def test_one_account_gets_at_most_three_mails_in_the_window(make, client, smtp):
    user = make.user()
    db.session.commit()
    for n in range(5):
        response = client.post(
            "/password/forgotten",
            data={"email": user.email},
            environ_base={"REMOTE_ADDR": f"192.0.2.{30 + n}"},
        )
        assert response.status_code == 303  # the same answer every time
    assert len(smtp.messages) == 3

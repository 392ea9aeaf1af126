"""Pages kept per change stamp, against real server processes: every gunicorn worker keeps
its own rendered board view, and a title saved through one worker must show on the very
next page from any of them, also while pages are being read at the same moment."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from partnerships.extensions import db
from tests.conftest import PASSWORD
from tests.quality.live import Browser, start_gunicorn, stop

SAVES = 5
READERS = 3


@pytest.fixture
def served(app, make, tmp_path):
    org = make.org(name="Gemeente Voorbeeldstad")
    coordinator = make.user(org, name="Sanne de Vries")
    pilot = make.pilot(org, coordinator=coordinator, title="Titel 0")
    board = make.member(pilot, make.user(org, name="Karin Mulder"), role="board")
    db.session.commit()
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115 (closed below)
    server, base = start_gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], workers=4, log=log)
    try:
        yield base, pilot.id, coordinator.email, board.email
    finally:
        stop(server)
        log.close()


def _title_on_board(browser: Browser) -> int:
    status, html, _ = browser.request("/board")
    assert status == 200
    found = set(re.findall(r"Titel (\d+)", html))  # the heading and the figures' caption
    assert len(found) == 1, found
    return int(found.pop())


def test_a_saved_title_shows_on_every_workers_kept_board_view(served):
    base, pilot_id, coordinator_email, board_email = served
    coordinator = Browser(base)
    coordinator.login(coordinator_email, PASSWORD)
    readers = [Browser(base) for _ in range(READERS)]
    for reader in readers:
        reader.login(board_email, PASSWORD)
        for _ in range(8):  # every worker renders and keeps the page
            assert _title_on_board(reader) == 0

    saved_at: list[float] = [0.0]  # when save i had been answered
    seen: list[tuple[float, int]] = []  # (moment a read began, the title it showed)
    done = threading.Event()

    def read(reader: Browser) -> None:
        while not done.is_set():
            began = time.monotonic()
            seen.append((began, _title_on_board(reader)))

    with ThreadPoolExecutor(READERS) as pool:
        reading = [pool.submit(read, reader) for reader in readers]
        try:
            for number in range(1, SAVES + 1):
                status, _, _ = coordinator.submit(
                    f"/pilots/{pilot_id}/settings", {"title": f"Titel {number}"}
                )
                assert status == 200 and coordinator.last_url.endswith(f"/pilots/{pilot_id}")
                saved_at.append(time.monotonic())
                time.sleep(0.3)
        finally:
            done.set()
        for future in reading:
            future.result()

    stale = [
        (title, number)
        for began, title in seen
        for number in range(1, SAVES + 1)
        if began > saved_at[number] and title < number
    ]
    assert not stale, f"a kept page older than a save it began after: {stale[:5]}"
    assert len(seen) > 4 * READERS, "the readers hardly read while the title was saved"
    assert max(title for _, title in seen) == SAVES

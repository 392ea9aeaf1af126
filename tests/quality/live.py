"""A real gunicorn on loopback and a cookie-keeping HTTP client (standard library only)."""

from __future__ import annotations

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from partnerships import ROOT
from tests.quality.forms import form_with, forms_in


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(
    database_url: str,
    *,
    workers: int = 1,
    config: str | None = None,
    env: dict | None = None,
    log=None,
) -> tuple[subprocess.Popen, str]:
    """Start gunicorn from this venv against the database; returns (process, base URL)."""
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [
        str(gunicorn),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--pythonpath",
        str(ROOT),
        "--chdir",
        str(ROOT),
    ]
    if config:
        command += ["-c", config]
    command.append("partnerships:create_app()")
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "quality-live-secret",
        "PARTNERSHIPS_SESSION_COOKIE_SECURE": "false",
        "PARTNERSHIPS_REMEMBER_COOKIE_SECURE": "false",
        **(env or {}),
    }
    process = subprocess.Popen(
        command, env=environment, stdout=log or subprocess.DEVNULL, stderr=log or subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90  # workers boot slowly on a busy 2-core machine
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            urllib.request.urlopen(base + "/login", timeout=10).close()
            return process, base
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.2)
    stop(process)
    raise RuntimeError("gunicorn did not answer within 90 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Browser:
    """Keeps cookies, follows redirects, knows how to log in and submit a page's form."""

    def __init__(self, base: str):
        self.base = base
        self.last_url = ""
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(
        self, path: str, data: dict | None = None, headers: dict | None = None, timeout: float = 30
    ):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            response = self.opener.open(req, timeout=timeout)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            self.last_url = response.geturl()
            return response.status, response.read().decode("utf-8", "replace"), response.headers

    def submit(self, page: str, overrides: dict):
        """Load the page and submit its form that has the overridden fields."""
        status, html, _ = self.request(page)
        form = form_with(forms_in(html, page), *overrides)
        return self.request(form.action, form.data(**overrides))

    def login(self, email: str, password: str) -> None:
        status, _, _ = self.submit("/login", {"email": email, "password": password})
        if status != 200 or urllib.parse.urlsplit(self.last_url).path == "/login":
            raise AssertionError(f"could not log in as {email} ({status})")

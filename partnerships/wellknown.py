"""`/.well-known/security.txt` (RFC 9116): where to report a vulnerability, until when the
statement holds. Written from the configuration, so each installation states its own."""

from __future__ import annotations

from flask import Flask, abort, current_app, request


def security_txt():
    config = current_app.config
    contacts = config.get("SECURITY_CONTACT")
    expires = config.get("SECURITY_TXT_EXPIRES")
    if not contacts or not expires:
        abort(404)  # no promise without someone to receive the report and a date
    if isinstance(contacts, str):
        contacts = [contacts]
    lines = [f"Contact: {contact}" for contact in contacts]
    lines.append(f"Expires: {expires}")
    lines.append(f"Preferred-Languages: {config.get('SECURITY_TXT_LANGUAGES', 'nl, en')}")
    lines.append(f"Canonical: {request.url_root.rstrip('/')}/.well-known/security.txt")
    if config.get("SECURITY_POLICY"):
        lines.append(f"Policy: {config['SECURITY_POLICY']}")
    body = "\n".join(lines) + "\n"
    return body, 200, {"Content-Type": "text/plain; charset=utf-8"}


def init_app(app: Flask) -> None:
    app.add_url_rule("/.well-known/security.txt", "security_txt", security_txt)

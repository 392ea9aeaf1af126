"""E-mail over SMTP; without a server configured (development) the message is logged."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from flask import current_app


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def send(to: str, subject: str, body: str, *, calendar: tuple[str, bytes] | None = None) -> bool:
    """Send a plain-text message; returns False when it was only logged (no server set up,
    or the server refused or did not answer: a mail problem must not lose the user's work).

    `calendar` is (METHOD, iCalendar bytes): sent as the text/calendar alternative that
    Outlook and other mail programs show with accept and decline buttons.
    """
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    # Header values on one line: a title typed with a line break (a brainstorm's, in an
    # invitation) would otherwise make the message invalid and the invitation fail.
    message["To"] = _one_line(to)
    message["Subject"] = _one_line(subject)
    message.set_content(body)
    if calendar is not None:
        method, ics = calendar
        message.add_alternative(ics.decode("utf-8"), subtype="calendar", params={"method": method})
    if not config.get("MAIL_SERVER"):
        if current_app.debug or config.get("DEVELOPMENT"):
            current_app.logger.warning("No MAIL_SERVER set; mail to %s:\n%s\n%s", to, subject, body)
        else:
            # A log is read by more people than the addressee: no live reset or invitation
            # link goes there. The person who invited sees the link on screen instead.
            current_app.logger.warning("No MAIL_SERVER set; mail to %s not sent: %s", to, subject)
        return False
    smtp_class = smtplib.SMTP_SSL if config.get("MAIL_USE_SSL") else smtplib.SMTP
    try:
        with smtp_class(config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=10) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        current_app.logger.exception("Could not send mail to %s: %s", to, subject)
        return False
    return True

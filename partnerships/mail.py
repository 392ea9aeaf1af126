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
    return send_many([(to, subject, body, calendar)])[0]


def send_many(messages) -> list[bool]:
    """Send (to, subject, body, calendar) messages over one connection; a result per message.

    A refused address fails only its own message. A server that cannot be reached fails the
    rest without trying them: each attempt would wait for the same timeout, and a request
    that mails ten people must not wait ten times for a server that is down.
    """
    if not messages:
        return []  # nothing to say: no connection to open
    config = current_app.config
    built = [_message(to, subject, body, calendar) for to, subject, body, calendar in messages]
    if not config.get("MAIL_SERVER"):
        for message, (_to, _subject, body, _calendar) in zip(built, messages, strict=True):
            _log_unsent(message, body)
        return [False] * len(built)
    results: list[bool] = []
    smtp_class = smtplib.SMTP_SSL if config.get("MAIL_USE_SSL") else smtplib.SMTP
    try:
        timeout = float(config.get("MAIL_TIMEOUT", 10))
        with smtp_class(config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=timeout) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            for message in built:
                try:
                    smtp.send_message(message)
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as error:
                    _log_failed(message, error)
                    results.append(False)
                else:
                    results.append(True)
    except (OSError, smtplib.SMTPException) as error:
        for message in built[len(results) :]:
            _log_failed(message, error)
        results += [False] * (len(built) - len(results))
    return results


def _message(to: str, subject: str, body: str, calendar) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    # Header values on one line: a title typed with a line break (a brainstorm's, in an
    # invitation) would otherwise make the message invalid and the invitation fail.
    message["To"] = _one_line(to)
    message["Subject"] = _one_line(subject)
    message.set_content(body)
    if calendar is not None:
        method, ics = calendar
        message.add_alternative(ics.decode("utf-8"), subtype="calendar", params={"method": method})
    return message


def _log_unsent(message: EmailMessage, body: str) -> None:
    to, subject = message["To"], message["Subject"]
    if current_app.debug or current_app.config.get("DEVELOPMENT"):
        current_app.logger.warning("No MAIL_SERVER set; mail to %s:\n%s\n%s", to, subject, body)
    else:
        # A log is read by more people than the addressee: no live reset or invitation
        # link goes there. The person who invited sees the link on screen instead.
        current_app.logger.warning("No MAIL_SERVER set; mail to %s not sent: %s", to, subject)


def _log_failed(message: EmailMessage, error: Exception) -> None:
    current_app.logger.error(
        "Could not send mail to %s: %s (%s)", message["To"], message["Subject"], error
    )

"""Two-factor sign-in with TOTP (RFC 6238) and single-use recovery codes.

Who must use it is decided in accounts/rules.py; this module keeps the secrets and checks
codes. A code works once (the last time step used is stored), and wrong codes count as
failed logins, so they are throttled with the password.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from datetime import UTC, datetime

import pyotp
import segno
from flask import current_app
from sqlalchemy import delete, func, select

from ..database import utcnow
from ..extensions import db
from . import crypto
from .models import User
from .signin_models import RecoveryCode

RECOVERY_CODES = 10
# Codes from the step before and after the current one are accepted: phone clocks drift.
WINDOW = 1


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret)


def begin(user: User) -> str:
    """A fresh secret for enrolment, kept (encrypted) but not in force until confirmed."""
    secret = pyotp.random_base32()
    user.totp_secret = crypto.encrypt(secret)
    user.totp_enabled_at = None
    user.totp_last_step = None
    return secret


def pending_secret(user: User) -> str | None:
    """The secret being enrolled (or in force); None if there is none or the key is gone."""
    return crypto.decrypt(user.totp_secret) if user.totp_secret else None


def provisioning_uri(user: User, secret: str) -> str:
    issuer = current_app.config.get("TWO_FACTOR_ISSUER", "Partnerships")
    return _totp(secret).provisioning_uri(name=user.email, issuer_name=issuer)


def qr_svg(uri: str) -> str:
    """The QR code as inline SVG: no script, no image request, scales with the page."""
    return segno.make(uri, error="m").svg_inline(scale=5, border=2, omitsize=True)


def _matching_step(secret: str, code: str) -> int | None:
    code = "".join(code.split())
    if not code.isdigit() or len(code) != 6:
        return None
    totp = _totp(secret)
    now = time.time()
    for offset in range(-WINDOW, WINDOW + 1):
        moment = now + offset * totp.interval
        if hmac.compare_digest(totp.at(moment), code):
            return totp.timecode(datetime.fromtimestamp(moment, UTC))
    return None


def check_code(user: User, code: str) -> bool:
    """True for a current code not used before; remembers it so it cannot be used again."""
    secret = pending_secret(user)
    if not secret:
        return False
    step = _matching_step(secret, code or "")
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        return False
    user.totp_last_step = step
    return True


def confirm(user: User, code: str) -> list[str] | None:
    """Put the enrolled secret in force if the code fits; returns new recovery codes."""
    if not check_code(user, code):
        return None
    user.totp_enabled_at = utcnow()
    return new_recovery_codes(user)


def disable(user: User) -> None:
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))


def _normalise(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


def _hash(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


def new_recovery_codes(user: User) -> list[str]:
    """Ten new codes (80 random bits each), replacing any earlier ones; only hashes stay."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = base64.b32encode(secrets.token_bytes(10)).decode().lower()
        codes.append("-".join(raw[i : i + 4] for i in range(0, 16, 4)))
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(c)) for c in codes)
    db.session.flush()
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """True once for each unused code of this user; a used code is refused after."""
    if len(_normalise(code)) != 16:
        return False
    row = db.session.scalar(
        select(RecoveryCode).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _hash(code),
            RecoveryCode.used_at.is_(None),
        )
    )
    if row is None:
        return False
    row.used_at = utcnow()
    return True


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(
        select(func.count(RecoveryCode.id)).where(
            RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
        )
    )


def verify(user: User, code: str) -> bool:
    """A sign-in's second step: a TOTP code or, failing that, a recovery code."""
    return check_code(user, code) or use_recovery_code(user, code)

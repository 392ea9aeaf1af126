"""Secrets the application must read back (TOTP seeds, providers' client secrets), stored
encrypted with a key that lives in the instance folder, not in the database: a copy of the
database alone does not give them away."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app

KEY_FILE = "encryption_key"


def _key() -> bytes:
    """The instance's key: ENCRYPTION_KEY from the configuration, or generated once into
    instance/encryption_key (mode 0600). Back it up with the database."""
    configured = current_app.config.get("ENCRYPTION_KEY")
    if configured:
        return configured.encode() if isinstance(configured, str) else configured
    cache = current_app.extensions.setdefault("partnerships_encryption", {})
    if "key" not in cache:
        path = Path(current_app.instance_path) / KEY_FILE
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another worker wrote it first
                pass
            else:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(Fernet.generate_key())
        cache["key"] = path.read_bytes().strip()
    return cache["key"]


def encrypt(plain: str) -> str:
    return Fernet(_key()).encrypt(plain.encode()).decode()


def decrypt(token: str) -> str | None:
    """The plain text, or None when the key no longer fits (a lost or replaced key file)."""
    try:
        return Fernet(_key()).decrypt(token.encode()).decode()
    except (InvalidToken, ValueError):
        return None

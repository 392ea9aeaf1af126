"""Secrets the application reads back (providers' client secrets, TOTP seeds) are encrypted
with a key from the instance folder: a copy of the database alone does not give them away."""

from __future__ import annotations

import stat

import pytest
from cryptography.fernet import Fernet

from partnerships.accounts import crypto


@pytest.fixture
def instance_key(app, tmp_path, monkeypatch):
    """The app as installed without ENCRYPTION_KEY: the key lives in its instance folder."""
    monkeypatch.setitem(app.config, "ENCRYPTION_KEY", None)
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    app.extensions.pop("partnerships_encryption", None)
    yield tmp_path / crypto.KEY_FILE
    app.extensions.pop("partnerships_encryption", None)


def test_the_first_secret_creates_a_key_file_only_the_owner_can_read(app, instance_key):
    assert not instance_key.exists()
    stored = crypto.encrypt("client-secret-of-the-municipality")
    assert instance_key.exists()
    assert stat.S_IMODE(instance_key.stat().st_mode) == 0o600
    assert "client-secret-of-the-municipality" not in stored
    # The key in the file opens it, as another worker or a restart would read it.
    key = instance_key.read_bytes().strip()
    assert Fernet(key).decrypt(stored.encode()) == b"client-secret-of-the-municipality"


def test_a_restart_reads_the_same_key(app, instance_key):
    stored = crypto.encrypt("s3cret")
    app.extensions.pop("partnerships_encryption")  # a new process
    assert crypto.decrypt(stored) == "s3cret"


def test_without_the_key_file_the_database_copy_says_nothing(app, instance_key):
    stored = crypto.encrypt("s3cret")
    instance_key.unlink()  # the database restored elsewhere, without its key
    app.extensions.pop("partnerships_encryption")
    assert crypto.decrypt(stored) is None

"""The command line: create-user, demo (idempotent) and backup."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from partnerships import demo
from partnerships.accounts.models import Organisation, User
from partnerships.extensions import db


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_create_user_makes_an_active_account_that_can_log_in(make, runner, client):
    org = make.org(name="Gemeente Testdorp")
    db.session.commit()
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "Anna@Testdorp.example",
            "--name",
            "Anna",
            "--organisation",
            "Gemeente Testdorp",
            "--admin",
            "--password",
            "een goed wachtwoord",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Created anna@testdorp.example in Gemeente Testdorp." in result.output
    user = User.by_email("anna@testdorp.example")
    assert user.is_org_admin and not user.is_site_admin and user.organisation_id == org.id
    login = client.post(
        "/login", data={"email": "anna@testdorp.example", "password": "een goed wachtwoord"}
    )
    assert login.status_code == 302


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--organisation", "Bestaat Niet"], "No organisation named"),
        (["--password", "kort"], "at least 10 characters"),
        (["--email", "taken@example.org"], "exists already"),
    ],
)
def test_create_user_refuses_bad_input(make, runner, args, message):
    make.org(name="Gemeente Testdorp")
    make.user(email="taken@example.org")
    db.session.commit()
    base = {
        "--email": "new@example.org",
        "--name": "Nieuw",
        "--organisation": "Gemeente Testdorp",
        "--password": "een goed wachtwoord",
    }
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    result = runner.invoke(args=["create-user", *[x for pair in base.items() for x in pair]])
    assert result.exit_code != 0
    assert message in result.output


def test_demo_loads_once_and_prints_the_logins(runner):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert "Demo data loaded." in first.output
    assert demo.PASSWORD in first.output
    assert "coordinator@voorbeeldstad.example" in first.output
    counts = (_count(User), _count(Organisation))
    # Eight working-group members, two supplier contacts and the site admin.
    assert counts[0] == len(demo.WORKING_GROUP) + len(demo.SUPPLIERS) + 1 == 11
    second = runner.invoke(args=["demo"])
    assert second.exit_code == 0, second.output
    assert "Demo data was already there." in second.output
    assert "coordinator@voorbeeldstad.example" in second.output
    assert (_count(User), _count(Organisation)) == counts


def test_the_demo_login_works(runner, client):
    runner.invoke(args=["demo"])
    response = client.post(
        "/login", data={"email": "coordinator@voorbeeldstad.example", "password": demo.PASSWORD}
    )
    assert response.status_code == 302


def test_backup_writes_a_consistent_copy_with_the_same_rows(app, make, runner, tmp_path):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the SQLite online backup; on PostgreSQL the command points to pg_dump")
    org = make.org()
    for _ in range(3):
        make.user(org)
    db.session.commit()
    target = tmp_path / "backup.sqlite"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert f"Backup written to {target}." in result.output
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        emails = sorted(row[0] for row in copy.execute("SELECT email FROM user_account"))
    finally:
        copy.close()
    assert emails == sorted(db.session.scalars(select(User.email)).all())
    assert len(emails) == 3


def test_backup_never_overwrites(app, runner, tmp_path):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the SQLite online backup; on PostgreSQL the command points to pg_dump")
    target = tmp_path / "exists.sqlite"
    target.write_text("keep me")
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code != 0
    assert target.read_text() == "keep me"


def test_backup_on_postgresql_explains_pg_dump_without_the_password(app, runner, tmp_path):
    app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://app:s3cret@db.example/pships"
    result = runner.invoke(args=["backup", str(tmp_path / "b.dump")])
    assert result.exit_code != 0
    assert "pg_dump" in result.output and "pg_restore" in result.output
    assert "s3cret" not in result.output
    assert not (tmp_path / "b.dump").exists()

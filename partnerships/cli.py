"""Command-line tasks: flask demo | create-user | workflows check | backup | restore |
send-reminders."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click
from flask import Flask, current_app
from sqlalchemy.engine import make_url

from .extensions import db
from .files import private_file


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--organisation", "org_name", required=True, help="Name of an existing organisation.")
@click.option("--admin/--member", default=False, help="Administrator of the organisation.")
@click.option("--site-admin", is_flag=True, help="May manage all organisations.")
@click.password_option()
def create_user(email, name, org_name, admin, site_admin, password):
    """Create an active user in an existing organisation."""
    from sqlalchemy import select

    from .accounts.models import Organisation, OrgRole, User, normalise_email

    org = db.session.scalar(select(Organisation).where(Organisation.name == org_name))
    if org is None:
        raise click.ClickException(f"No organisation named {org_name!r}.")
    if User.by_email(email):
        raise click.ClickException(f"A user with e-mail {email} exists already.")
    if len(password) < 10:
        raise click.ClickException("Use a password of at least 10 characters.")
    user = User(
        email=normalise_email(email),
        name=name,
        organisation=org,
        org_role=OrgRole.ADMIN if admin else OrgRole.MEMBER,
        is_site_admin=site_admin,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {user.email} in {org.name}.")


@click.command("demo")
def demo_command():
    """Load the fictional demo organisation and pilot (safe to run twice)."""
    from . import demo

    created = demo.seed()
    db.session.commit()
    click.echo("Demo data loaded." if created else "Demo data was already there.")
    click.echo(demo.logins_text())


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def backup_command(path):
    """Write a consistent copy of the database to PATH (SQLite; PostgreSQL: use pg_dump)."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite":
        raise click.ClickException(
            "For PostgreSQL use its own tools, for example:\n"
            f"  pg_dump --format=custom --file={path} '{url.set(drivername='postgresql')}'\n"
            "and restore with pg_restore into an empty database."
        )
    target = Path(path)
    if target.exists():
        raise click.ClickException(f"{path} exists; choose a new file name.")
    private_file(target)  # a copy of everything: readable by the app's own user only
    # The online backup API copies a consistent snapshot while the app keeps running.
    source = sqlite3.connect(url.database)
    destination = sqlite3.connect(str(target))
    with destination:
        source.backup(destination)
    destination.close()
    source.close()
    click.echo(f"Backup written to {path}.")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def restore_command(path):
    """Copy a backup made by `flask backup` into this app's database, which must be empty."""
    from sqlalchemy import func, inspect, select

    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite" or not url.database:
        raise click.ClickException(
            "For PostgreSQL restore a pg_dump file with its own tools, into an empty database:\n"
            f"  pg_restore --no-owner --dbname='{url.set(drivername='postgresql')}' {path}"
        )
    present = set(inspect(db.engine).get_table_names())
    filled = [
        t.name
        for t in db.metadata.sorted_tables
        if t.name in present and db.session.scalar(select(func.count()).select_from(t))
    ]
    db.session.remove()
    if filled:
        raise click.ClickException(
            f"The database is not empty ({', '.join(filled[:5])} ...); restore only into an "
            "empty database, so that nothing is overwritten."
        )
    source = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise click.ClickException(f"{path} is not a sound SQLite backup.")
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{path} is not a SQLite backup: {error}") from None
    db.engine.dispose()  # no pooled connection may hold the old file while it is replaced
    destination = sqlite3.connect(url.database)
    with destination:
        source.backup(destination)
    destination.close()
    source.close()
    click.echo(f"Restored {path}.")


def init_app(app: Flask) -> None:
    """Register the commands on the app's CLI."""
    from .accounts.cli import commands as account_commands
    from .actions.cli import commands as action_commands
    from .text import init_app as init_text
    from .workflow.cli import workflows_cli

    init_text(app)
    for command in (create_user, demo_command, backup_command, restore_command, workflows_cli):
        app.cli.add_command(command)
    for command in (*account_commands, *action_commands):
        app.cli.add_command(command)

"""The methods the app serves, loaded and validated once at start."""

from __future__ import annotations

from flask import Flask, current_app

from .workflow.loader import load_all


def init_app(app: Flask) -> None:
    """Load every workflow under WORKFLOWS_DIR; a broken one stops the app with its problems."""
    app.extensions["workflows"] = load_all(app.config["WORKFLOWS_DIR"])


def get(key: str, version: int):
    """The exact workflow version a pilot started with."""
    return current_app.extensions["workflows"].get(key, version)


def newest(key: str):
    """The newest version of a workflow, used when a pilot starts."""
    return current_app.extensions["workflows"].newest(key)


def for_pilot(pilot):
    """The method as it was when this pilot started."""
    return get(pilot.workflow_key, pilot.workflow_version)


DEFAULT_KEY = "partnerships-voor-meer-banen"

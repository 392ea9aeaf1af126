"""No module of the application is longer than a person reads in one go (issue 16).

Migrations are exempt: each is one revision, written once and never edited.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "partnerships"
MAX_LINES = 400


def test_no_module_in_the_package_is_over_400_lines():
    long = {
        path.relative_to(PACKAGE).as_posix(): lines
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.relative_to(PACKAGE).parts
        and (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_job_pages_live_in_packages_named_after_what_they_are_about():
    """contracts/, placements/, monitoring/, figures/ and api/, not one jobs/ for all."""
    for name in ("contracts", "placements", "monitoring", "figures", "api"):
        assert (PACKAGE / name / "__init__.py").is_file(), name
        assert (PACKAGE / name / "views.py").is_file(), name
    assert not (PACKAGE / "jobs").exists()

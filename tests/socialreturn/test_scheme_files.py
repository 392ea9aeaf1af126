"""`flask workflows check` validates the valuation schemes: a bad file fails with its line."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from partnerships.workflow.cli import workflows_cli

ROOT = Path(__file__).resolve().parents[2]

GOOD_RATE = """
[[rates]]
code = "benefit"
effort = "placement"
amount = 50000
target_groups = ["participatiewet"]
from = 2025-01-01
"""

HEADER = """key = "broken"
version = 1
title = "Broken"
source = "test"
published = 2025-01-01
"""


def _check(valuation_dir: Path):
    app = Flask(__name__)
    app.config["WORKFLOWS_DIR"] = str(ROOT / "workflows")
    app.cli.add_command(workflows_cli)
    return app.test_cli_runner().invoke(
        args=["workflows", "check", "--valuation", str(valuation_dir)]
    )


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_shipped_schemes_pass():
    result = _check(ROOT / "valuation")
    assert result.exit_code == 0, result.output
    assert "OK: valuation cdio-2025@1 (5 rates)" in result.output
    assert "OK: valuation regional-bouwblokken@1" in result.output


def test_unknown_group_negative_value_and_overlap_fail_with_file_and_line(tmp_path):
    text = (
        HEADER
        + GOOD_RATE
        + """
[[rates]]
code = "typo"
effort = "placement"
amount = 20000
target_groups = ["studnet"]
from = 2025-01-01

[[rates]]
code = "community"
effort = "community"
amount = -175
from = 2025-01-01

[[rates]]
code = "benefit-2026"
effort = "placement"
amount = 55000
target_groups = ["participatiewet", "ww"]
from = 2025-06-01
"""
    )
    file = tmp_path / "broken.toml"
    file.write_text(text)
    result = _check(tmp_path)
    assert result.exit_code == 1
    errors = result.stderr
    assert f"{file}:{_line(text, 'studnet')}: rates[1].target_groups: unknown target group" in (
        errors
    )
    assert f"{file}:{_line(text, '-175')}: rates[2].amount: cannot be negative" in errors
    overlap_line = _line(text, "from = 2025-06-01")
    assert f"{file}:{overlap_line}: rates[3].from: rate 'benefit-2026' overlaps" in errors
    assert "3 problem(s) found." in errors


def test_consecutive_periods_do_not_overlap(tmp_path):
    text = HEADER + GOOD_RATE.replace("from = 2025-01-01", "from = 2025-01-01\nuntil = 2025-12-31")
    text += GOOD_RATE.replace("2025-01-01", "2026-01-01").replace('"benefit"', '"benefit-26"')
    (tmp_path / "ok.toml").write_text(text)
    result = _check(tmp_path)
    assert result.exit_code == 0, result.output

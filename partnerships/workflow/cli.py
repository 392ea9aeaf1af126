"""``flask workflows check``: validate method folders before they reach a pilot."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from partnerships.workflow.loader import collect

workflows_cli = AppGroup("workflows", help="Inspect the step-by-step methods (workflows).")


@workflows_cli.command("check")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--valuation",
    "valuation_dir",
    type=click.Path(path_type=Path),
    help="Folder of social return valuation schemes (default: VALUATION_DIR).",
)
def check_command(path: Path | None, valuation_dir: Path | None) -> None:
    """Validate a workflow folder, or a folder of them (default: WORKFLOWS_DIR), and the
    social return valuation schemes (default: VALUATION_DIR)."""
    from partnerships.socialreturn.schemes import collect as collect_schemes

    root = path if path is not None else Path(current_app.config["WORKFLOWS_DIR"])
    workflows, problems = collect(root)
    from partnerships.config import Defaults

    schemes_dir = valuation_dir or Path(
        current_app.config.get("VALUATION_DIR", Defaults.VALUATION_DIR)
    )
    schemes, scheme_problems = collect_schemes(schemes_dir)
    problems = problems + scheme_problems
    for problem in problems:
        click.echo(str(problem), err=True)
    for workflow in workflows:
        click.echo(f"OK: {workflow.key} v{workflow.version} ({len(workflow.substeps)} sub-steps)")
    for scheme in schemes:
        click.echo(f"OK: valuation {scheme.ref} ({len(scheme.rates)} rates)")
    if problems:
        click.echo(f"{len(problems)} problem(s) found.", err=True)
        raise SystemExit(1)

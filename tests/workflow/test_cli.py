"""`flask workflows check` prints OK per method or each problem, and exits 1 on problems."""

import shutil
from pathlib import Path

from flask import Flask

from partnerships.workflow.cli import workflows_cli

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"


def _runner(workflows_dir: Path):
    app = Flask(__name__)
    app.config["WORKFLOWS_DIR"] = str(workflows_dir)
    app.cli.add_command(workflows_cli)
    return app.test_cli_runner()


def test_check_without_path_uses_workflows_dir():
    result = _runner(ROOT / "workflows").invoke(args=["workflows", "check"])
    assert result.exit_code == 0, result.output
    assert "OK: partnerships-voor-meer-banen v1 (20 sub-steps)" in result.output


def test_check_with_path_reports_every_problem_and_fails(tmp_path):
    for name in ("valid_small", "broken_unknown_role", "broken_check_param"):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    result = _runner(ROOT / "workflows").invoke(args=["workflows", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "OK: small-method v1 (3 sub-steps)" in result.stdout
    role_file = tmp_path / "broken_unknown_role" / "workflow.toml"
    line = role_file.read_text().splitlines().index('role = "leader"') + 1
    assert f"{role_file}:{line}: duty refers to unknown role 'leader'" in result.stderr
    assert "actions:min=abc" in result.stderr

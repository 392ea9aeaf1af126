"""Load workflow folders (workflow.toml + guidance Markdown) into frozen, validated data.

Every problem found is collected, with file, line and key path, so a content editor can
fix a whole file in one go instead of one error per run.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from partnerships.workflow.locate import TomlLocator
from partnerships.workflow.model import Workflow
from partnerships.workflow.reader import Problem, WorkflowReader

__all__ = [
    "Problem",
    "WorkflowError",
    "Workflows",
    "collect",
    "find_workflow_files",
    "load_all",
    "load_workflow",
]

WORKFLOW_FILE = "workflow.toml"
_TOML_POSITION = re.compile(r"at line (\d+), column (\d+)")


class WorkflowError(Exception):
    """A workflow that may not be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class Workflows(dict[tuple[str, int], Workflow]):
    """Loaded workflows by (key, version), since pilots keep the version they started with."""

    def get(self, key: Any, version: Any = None) -> Any:  # type: ignore[override]
        """Both ``get((key, version))`` and ``get(key, version)`` find one exact version."""
        if isinstance(key, tuple):
            return super().get(key, version)
        return super().get((key, version))

    def newest(self, key: str) -> Workflow:
        """The highest version of a workflow key, for new pilots."""
        versions = [v for (k, v) in self if k == key]
        if not versions:
            raise KeyError(f"no workflow with key {key!r}")
        return self[(key, max(versions))]


def load_workflow(path: str | Path) -> Workflow:
    """Load one workflow folder (or its workflow.toml), raising WorkflowError on any problem."""
    workflow, problems = _load(Path(path))
    if problems or workflow is None:
        raise WorkflowError(problems)
    return workflow


def load_all(root_dir: str | Path) -> Workflows:
    """Load every workflow under a folder, raising one WorkflowError listing all problems."""
    workflows, problems = collect(Path(root_dir))
    if problems:
        raise WorkflowError(problems)
    result = Workflows()
    for workflow in workflows:
        result[(workflow.key, workflow.version)] = workflow
    return result


def find_workflow_files(root: Path) -> list[Path]:
    """All workflow.toml files in a workflow folder or in a folder of workflow folders."""
    if root.is_file():
        return [root]
    found = [
        p
        for p in root.rglob(WORKFLOW_FILE)
        if not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    return sorted(found)


def collect(root: Path) -> tuple[list[Workflow], list[Problem]]:
    """Load what loads under root and gather every problem, for load_all and the CLI."""
    files = find_workflow_files(root)
    if not files:
        return [], [Problem(root, f"no {WORKFLOW_FILE} found here")]
    workflows: list[Workflow] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, int], Path] = {}
    for file in files:
        workflow, found = _load(file)
        problems.extend(found)
        if workflow is None or found:
            continue
        ident = (workflow.key, workflow.version)
        if ident in seen:
            message = f"{workflow.key} v{workflow.version} is also defined in {seen[ident]}"
            problems.append(
                Problem(
                    file,
                    message,
                    line=TomlLocator(file.read_text()).line_for("version"),
                    key="version",
                )
            )
            continue
        seen[ident] = file
        workflows.append(workflow)
    return workflows, problems


def _load(path: Path) -> tuple[Workflow | None, list[Problem]]:
    file = path if path.name == WORKFLOW_FILE or path.is_file() else path / WORKFLOW_FILE
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        return None, [Problem(file, f"cannot read the file: {exc.strerror or exc}")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_POSITION.search(str(exc))
        line = int(where.group(1)) if where else None
        message = f"TOML syntax error: {exc}"
        return None, [Problem(file, message, line=line)]
    reader = WorkflowReader(file, text)
    workflow = reader.workflow(data)
    return workflow, reader.problems

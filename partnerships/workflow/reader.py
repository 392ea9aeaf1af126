"""Turn parsed workflow TOML into model objects, recording every problem instead of stopping."""

from __future__ import annotations

from typing import Any

from partnerships.workflow.checks import CheckSyntaxError, parse_check, validate_param
from partnerships.workflow.fields import KEY_PATTERN, FieldReader, Problem, join
from partnerships.workflow.model import (
    LOCALES,
    AgendaItem,
    AgendaTemplate,
    BrainstormEntry,
    BrainstormFormat,
    CheckRef,
    Duty,
    Role,
    Route,
    Step,
    SubStep,
    Text,
    Workflow,
)

__all__ = ["Problem", "WorkflowReader"]


class WorkflowReader(FieldReader):
    """Builds a Workflow from parsed TOML while recording problems instead of stopping."""

    # -- the workflow ------------------------------------------------------------------

    def workflow(self, data: dict[str, Any]) -> Workflow | None:
        """Read the whole file, cross-checking codes once every part is known."""
        self.fields(
            data,
            "",
            ("key", "version", "title", "roles", "steps"),
            ("source", "routes", "route_choice_after", "duties", "agenda_templates", "brainstorm"),
        )
        key = self.string(data, "", "key")
        if key and not KEY_PATTERN.match(key):
            self.problem(
                "key", f"key '{key}' should use lowercase letters, digits, '-' and '_' only"
            )
        version = self.integer(data, "", "version")
        title = self.text(data, "", "title")
        source = self.string(data, "", "source", default="-")
        roles = [self.role(k, d) for k, d in self.table_list(data, "", "roles")]
        self.unique([(f"roles[{i}].code", r.code) for i, r in enumerate(roles)], "role code")
        role_codes = [r.code for r in roles if r.code]
        templates = [
            self.agenda_template(k, d, role_codes)
            for k, d in self.table_list(data, "", "agenda_templates", required=False)
        ]
        self.unique(
            [(f"agenda_templates[{i}].key", t.key) for i, t in enumerate(templates)],
            "agenda template key",
        )
        template_keys = [t.key for t in templates if t.key]
        steps = [
            self.step(k, d, role_codes, template_keys)
            for k, d in self.table_list(data, "", "steps")
        ]
        self.unique([(f"steps[{i}].code", s.code) for i, s in enumerate(steps)], "step code")
        self.unique(
            [
                (f"steps[{i}].substeps[{j}].code", sub.code)
                for i, s in enumerate(steps)
                for j, sub in enumerate(s.substeps)
            ],
            "sub-step code",
        )
        step_codes = {s.code for s in steps}
        all_codes = step_codes | {sub.code for s in steps for sub in s.substeps}
        for i, template in enumerate(templates):
            if template.step and template.step not in all_codes:
                self.problem(
                    f"agenda_templates[{i}].step",
                    f"agenda template '{template.key}' refers to unknown step '{template.step}'",
                    template.step,
                )
        routes = [
            self.route(k, d, step_codes)
            for k, d in self.table_list(data, "", "routes", required=False)
        ]
        self.unique([(f"routes[{i}].code", r.code) for i, r in enumerate(routes)], "route code")
        choice = data.get("route_choice_after")
        if choice is not None and choice not in step_codes:
            self.problem(
                "route_choice_after",
                f"route_choice_after refers to unknown step '{choice}'",
                str(choice),
            )
        duties = [
            self.duty(k, d, role_codes, step_codes)
            for k, d in self.table_list(data, "", "duties", required=False)
        ]
        self.unique(
            [(f"duties[{i}].role", f"{d.step}/{d.role}") for i, d in enumerate(duties)],
            "duty (step/role)",
        )
        brainstorm = self.brainstorm(data["brainstorm"]) if "brainstorm" in data else None
        if self.problems:
            return None
        return Workflow(
            key=key,
            version=version,
            title=title,
            roles=tuple(roles),
            steps=tuple(steps),
            routes=tuple(routes),
            route_choice_after=choice,
            duties=tuple(duties),
            agenda_templates=tuple(templates),
            brainstorm=brainstorm,
            source="" if source == "-" else source,
            path=self.folder,
        )

    def role(self, key: str, data: Any) -> Role:
        """Read one role of the RACI annex."""
        data = self.fields(data, key, ("code", "name", "description", "assignable", "internal"))
        code = self.string(data, key, "code")
        return Role(
            code=code,
            name=self.text(data, key, "name"),
            description=self.text(data, key, "description"),
            assignable=self.boolean(data, key, "assignable"),
            internal=self.boolean(data, key, "internal"),
        )

    def step(self, key: str, data: Any, roles: list[str], templates: list[str]) -> Step:
        """Read one step with its sub-steps."""
        data = self.fields(data, key, ("code", "title", "outcome", "page", "substeps"))
        code = self.string(data, key, "code")
        substeps = tuple(
            self.substep(k, d, code, roles, templates)
            for k, d in self.table_list(data, key, "substeps")
        )
        return Step(
            code=code,
            title=self.text(data, key, "title"),
            outcome=self.text(data, key, "outcome"),
            page=self.integer(data, key, "page"),
            substeps=substeps,
        )

    def substep(
        self, key: str, data: Any, step: str, roles: list[str], templates: list[str]
    ) -> SubStep:
        """Read one sub-step, its checks and both guidance files."""
        data = self.fields(data, key, ("code", "title", "outcome", "page"), ("guidance", "checks"))
        code = self.string(data, key, "code")
        guidance_file = self.string(data, key, "guidance", default=f"{code}.md")
        return SubStep(
            code=code,
            step=step,
            title=self.text(data, key, "title"),
            outcome=self.text(data, key, "outcome"),
            page=self.integer(data, key, "page"),
            guidance_file=guidance_file,
            guidance=self.guidance(join(key, "guidance"), guidance_file) if code else Text("", ""),
            checks=self.checks(key, data.get("checks", []), roles, templates),
        )

    def guidance(self, key: str, name: str) -> Text:
        """Read the Markdown guidance per locale now, so requests never touch the disk."""
        texts = {}
        for locale in LOCALES:
            base = (self.folder / "guidance" / locale).resolve()
            path = (base / name).resolve()
            texts[locale] = ""
            if not path.is_relative_to(base):
                self.problem(
                    key, f"guidance file '{name}' must stay inside guidance/{locale}/", name
                )
            elif not path.is_file():
                rel = path.relative_to(self.folder.resolve())
                self.problem(key, f"missing guidance file {rel}", name)
            else:
                content = path.read_text(encoding="utf-8").strip()
                if not content:
                    shown = self.folder / "guidance" / locale / name
                    message = "missing translation: guidance file is empty"
                    self.problems.append(Problem(shown, message, line=1, key=key))
                texts[locale] = content
        return Text(**texts)

    def checks(
        self, key: str, raw: Any, roles: list[str], templates: list[str]
    ) -> tuple[CheckRef, ...]:
        """Parse and validate the completion checks of a sub-step."""
        path = join(key, "checks")
        if not isinstance(raw, list):
            self.problem(path, "'checks' should be a list of check names, e.g. [\"actions:min=3\"]")
            return ()
        refs = []
        for i, item in enumerate(raw):
            item_key = f"{path}[{i}]"
            if not isinstance(item, str):
                self.problem(item_key, 'a check should be written as a text, e.g. "actions:min=3"')
                continue
            try:
                ref = parse_check(item)
            except CheckSyntaxError as exc:
                self.problem(item_key, str(exc), item)
                continue
            message = validate_param(ref, roles, templates)
            if message:
                self.problem(item_key, message, item)
                continue
            refs.append(ref)
        return tuple(refs)

    def route(self, key: str, data: Any, steps: set[str]) -> Route:
        """Read a route and make sure each step it lists exists."""
        data = self.fields(data, key, ("code", "name", "steps"))
        code = self.string(data, key, "code")
        listed = data.get("steps", [])
        if (
            not isinstance(listed, list)
            or not listed
            or not all(isinstance(s, str) for s in listed)
        ):
            self.problem(join(key, "steps"), "'steps' should be a non-empty list of step codes")
            listed = []
        for i, step in enumerate(listed):
            if step not in steps:
                self.problem(
                    f"{key}.steps[{i}]", f"route '{code}' points to unknown step '{step}'", step
                )
        return Route(code=code, name=self.text(data, key, "name"), steps=tuple(listed))

    def duty(self, key: str, data: Any, roles: list[str], steps: set[str]) -> Duty:
        """Read one RACI cell; an uncertain one must say where it comes from."""
        data = self.fields(data, key, ("step", "role", "text"), ("uncertain", "source"))
        step = self.string(data, key, "step")
        role = self.string(data, key, "role")
        if step and step not in steps:
            self.problem(join(key, "step"), f"duty refers to unknown step '{step}'", step)
        if role and role not in roles:
            self.problem(
                join(key, "role"),
                f"duty refers to unknown role '{role}'; roles: {', '.join(roles)}",
                role,
            )
        uncertain = self.boolean(data, key, "uncertain", default=False)
        source = data.get("source", "")
        if uncertain and not (isinstance(source, str) and source.strip()):
            self.problem(
                join(key, "source"),
                "an uncertain duty needs a 'source' saying where it comes from",
            )
        elif "source" in data:
            source = self.string(data, key, "source")
        return Duty(
            step=step,
            role=role,
            text=self.text(data, key, "text"),
            uncertain=uncertain,
            source=source,
        )

    def agenda_template(self, key: str, data: Any, roles: list[str]) -> AgendaTemplate:
        """Read an agenda template and the roles it invites by default."""
        data = self.fields(
            data, key, ("key", "name", "step", "duration_minutes", "items"), ("roles",)
        )
        items = []
        for item_key, item in self.table_list(data, key, "items"):
            item = self.fields(item, item_key, ("title",), ("detail",))
            detail = self.text(item, item_key, "detail") if "detail" in item else None
            items.append(AgendaItem(title=self.text(item, item_key, "title"), detail=detail))
        invited = data.get("roles", [])
        if not isinstance(invited, list):
            self.problem(join(key, "roles"), "'roles' should be a list of role codes")
            invited = []
        for i, role in enumerate(invited):
            if role not in roles:
                self.problem(
                    f"{key}.roles[{i}]", f"agenda template invites unknown role '{role}'", str(role)
                )
        return AgendaTemplate(
            key=self.string(data, key, "key"),
            name=self.text(data, key, "name"),
            step=self.string(data, key, "step"),
            duration_minutes=self.integer(data, key, "duration_minutes"),
            items=tuple(items),
            roles=tuple(str(r) for r in invited),
        )

    def brainstorm(self, data: Any) -> BrainstormFormat:
        """Read the brainstorm format (Bijlage III) of the method."""
        key = "brainstorm"
        groups = ("fields", "kinds", "natures", "prompts", "columns")
        data = self.fields(data, key, ("page", *groups))
        built: dict[str, tuple[BrainstormEntry, ...]] = {}
        for group in groups:
            entries = []
            for entry_key, entry in self.table_list(data, key, group):
                entry = self.fields(entry, entry_key, ("key", "label", "help"))
                entries.append(
                    BrainstormEntry(
                        key=self.string(entry, entry_key, "key"),
                        label=self.text(entry, entry_key, "label"),
                        help=self.text(entry, entry_key, "help"),
                    )
                )
            self.unique(
                [(f"{key}.{group}[{i}].key", e.key) for i, e in enumerate(entries)],
                f"brainstorm {group[:-1]} key",
            )
            built[group] = tuple(entries)
        return BrainstormFormat(page=self.integer(data, key, "page"), **built)

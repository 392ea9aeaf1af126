"""One realistic world for the quality harnesses: every kind of actor and a row of every
pilot-owned model, built through the domains' own services where they exist.

Domains land at different times, so each service recipe is tried on its own (inside a
savepoint) and any table still empty afterwards gets one generic row whose foreign keys point
into the world (rows.py). `url_params_for(rule)` turns a URL rule into real ids of that world;
snapshot.py puts the database back to it after a request changed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from partnerships import clock
from partnerships.extensions import db
from tests.quality.rows import fabricate_missing, first_rows

# Importers read these here; they live in snapshot.py.
from tests.quality.snapshot import empty_database, restore, row_counts, take_snapshot

__all__ = [
    "ACTORS",
    "UnknownUrlVariable",
    "World",
    "build",
    "empty_database",
    "restore",
    "row_counts",
]


# Every kind of user the access matrix walks, in the column order of its table.
ACTORS = (
    "anonymous",
    "site_admin",
    "org_admin",
    "coordinator",
    "member",
    "board",
    "supplier_same_pilot",
    "supplier_other",
    "other_org_user",
    # People of the same buyer who belong to its other pilot only: a role in one pilot must
    # not open another (issue 13, finding 3).
    "member_other_pilot",
    "board_other_pilot",
)

# URL variable -> table, where the name does not simply say `<table>_id`.
ALIASES = {
    "item_id": "agenda_item",
    "card_id": "brainstorm_card",
    "org_id": "organisation",
    "organisation_id": "organisation",
    "supplier_id": "organisation",
    "user_id": "user_account",
    "person_id": "user_account",
    "duty_id": "duty_override",
    "step_id": "step_state",
    "comment_id": "action_comment",
    "participant_id": "meeting_participant",
    "guest_id": "meeting_guest",
    "delivery_id": "invitation_delivery",
    "outcome_id": "brainstorm_card_outcome",
    "entry_id": "brainstorm_shortlist_entry",
    "shortlist_id": "brainstorm_shortlist_entry",
    "report_id": "monitoring_report",
    "note_id": "progress_note",
    "event_id": "audit_event",
    "job_id": "potential_job",
    "token_id": "api_token",
    "remark_id": "note_remark",
}


class UnknownUrlVariable(LookupError):
    """A route takes a variable the world cannot fill; map it in ALIASES or build its row."""


@dataclass
class World:
    """Ids of everything the harness needs; rows are read fresh, so a restore keeps it valid."""

    org_ids: dict[str, int]
    user_ids: dict[str, int]  # actor name -> user id (anonymous absent)
    pilot_id: int
    other_pilot_id: int
    rows: dict[str, int] = field(default_factory=dict)  # table -> id of the world's row
    tokens: dict[str, str] = field(default_factory=dict)
    api_tokens: dict[int, str] = field(default_factory=dict)  # organisation id -> bearer token
    notes: list[str] = field(default_factory=list)  # recipes that failed, for diagnosis
    snapshot: dict[str, list] = field(default_factory=dict, repr=False)
    step_code: str = "1a"

    def user(self, actor: str):
        from partnerships.accounts.models import User

        user_id = self.user_ids.get(actor)
        return db.session.get(User, user_id) if user_id else None

    def organisation_of(self, actor: str) -> int | None:
        user = self.user(actor)
        return user.organisation_id if user is not None else None

    @property
    def pilot(self):
        from partnerships.pilots.models import Pilot

        return db.session.get(Pilot, self.pilot_id)

    def _period(self) -> str:
        """The first period the world's contract can be reported on."""
        from partnerships.contracts.models import Contract
        from partnerships.monitoring import services as monitoring

        contract = db.session.get(Contract, self.rows["contract"])
        return monitoring.report_periods(self.pilot, contract, clock.today())[0][0].isoformat()

    def url_params_for(self, rule) -> dict:
        """Real values for every variable of a URL rule; UnknownUrlVariable otherwise."""
        return {name: self.value_for(name, rule) for name in rule.arguments}

    def value_for(self, name: str, rule):
        endpoint = rule.endpoint
        if name == "period":
            # Only a world with a contract has report periods (the empty pilot has none).
            if "contract" not in self.rows:
                raise UnknownUrlVariable(f"{endpoint}: no contract, so no period")
            return self._period()
        fixed = {
            "pilot_id": self.pilot_id,
            "org_id": self.org_ids["A"],
            "organisation_id": self.org_ids["A"],
            "supplier_id": self.org_ids["S1"],
            "user_id": self.user_ids["member"],
            "code": self.step_code,
            "step_code": self.step_code,
            "role": "procurement_expert",
            "kind": "action",  # brainstorm card -> action
            "what": "placements",  # exports: placements / monitoring / figures
            "fmt": "csv",
            # Word: the fastest document to make, so the matrix stays quick; every format
            # passes the same access check (tests/documents prove all three).
            "doc_format": "docx",
            "number": self.rows.get("policy_version_number", 1),
        }
        if name in ("step_code", "role") and "duty_override" in self.rows:
            table = db.metadata.tables["duty_override"]
            return db.session.scalar(
                select(table.c[name]).where(table.c.id == self.rows["duty_override"])
            )
        if name in fixed:
            return fixed[name]
        if name in ("token", "secret"):
            purpose = (
                "results"
                if "result" in endpoint
                else ("invite" if "invit" in endpoint else "reset")
            )
            return self.tokens.get(purpose, "no-such-token")
        if name.endswith("_id"):
            table = ALIASES.get(name, name[: -len("_id")])
            if table in self.rows:
                return self.rows[table]
        raise UnknownUrlVariable(
            f"{endpoint} ({rule.rule}): the quality world has no value for <{name}>; "
            "add it to ALIASES or World.value_for in tests/quality/world.py"
        )


# --- building ---


def build(make, *, full: bool = True) -> World:
    """Create the world and commit it; `make` is the factories fixture of tests/conftest.py.

    The buyer, its working group and the two suppliers are the demo's (same e-mail
    addresses), so each domain's own demo story can be told in it; `full=False` leaves
    the pilot empty (for the empty-state pages).
    """
    from partnerships import demo
    from partnerships.accounts.models import OrgRole, TokenPurpose
    from partnerships.accounts.services import issue_token

    orgs = {"A": make.org(demo.BUYER, kind="buyer")}
    people = {
        email: make.user(orgs["A"], email=email, name=name)
        for email, name, _roles, _admin in demo.WORKING_GROUP
    }
    coordinator = people[demo.WORKING_GROUP[0][0]]
    pilot = make.pilot(org=orgs["A"], coordinator=coordinator, title=demo.PILOT_TITLE)
    for email, _name, roles, _admin in demo.WORKING_GROUP:
        for role in roles:
            if not (email == coordinator.email and role == "coordinator"):
                make.member(pilot, people[email], role=role)
    suppliers, contacts = [], []
    for name, social, basis, email, contact in demo.SUPPLIERS:
        org = make.org(
            name, kind="supplier", is_social_enterprise=social, social_enterprise_basis=basis
        )
        contacts.append(make.user(org, email=email, name=contact))
        make.member(pilot, contacts[-1], role="supplier")
        suppliers.append(org)
    orgs["S1"], orgs["S2"] = suppliers
    orgs["B"] = make.org("Provincie Elders", kind="buyer", buyer_type="provincie")
    orgs["platform"] = make.org("Partnerships beheer", kind="buyer", buyer_type="other")
    users = {
        "site_admin": make.user(
            orgs["platform"], email=demo.SITE_ADMIN[0], name=demo.SITE_ADMIN[1], is_site_admin=True
        ),
        "org_admin": make.user(
            orgs["A"],
            email="admin@voorbeeldstad.example",
            name="Olga Admin",
            org_role=OrgRole.ADMIN,
        ),
        "coordinator": coordinator,
        "member": people["inkoop@voorbeeldstad.example"],
        "board": people["bestuur@voorbeeldstad.example"],
        "supplier_same_pilot": contacts[0],
        "supplier_other": contacts[1],
        "other_org_user": make.user(
            orgs["B"], email="eva@elders.example", name="Eva Elders", org_role=OrgRole.ADMIN
        ),
    }
    invitee = make.user(orgs["A"], name="Ivo Uitgenodigd", is_active_account=False)
    # Another buyer's pilot, so that "nobody sees another organisation's pilots" has a target.
    other_pilot = make.pilot(
        org=orgs["B"], coordinator=users["other_org_user"], title="Pilot groenonderhoud"
    )
    # Two pilots in each buyer organisation, and people of A who belong to its second only.
    second = make.pilot(org=orgs["A"], title="Pilot catering")
    users["member_other_pilot"] = make.member(
        second,
        make.user(orgs["A"], email="catering@voorbeeldstad.example", name="Cas Catering"),
        role="procurement_expert",
    )
    users["board_other_pilot"] = make.member(
        second,
        make.user(orgs["A"], email="wethouder@voorbeeldstad.example", name="Wil Wethouder"),
        role="board",
    )
    make.pilot(org=orgs["B"], title="Pilot schoonmaak Elders")
    world = World(
        org_ids={k: v.id for k, v in orgs.items()},
        user_ids={k: v.id for k, v in users.items()},
        pilot_id=pilot.id,
        other_pilot_id=other_pilot.id,
    )
    world.tokens["reset"] = issue_token(users["member"], TokenPurpose.RESET)
    world.api_tokens = {orgs[k].id: _api_token(orgs[k], users["site_admin"]) for k in ("A", "B")}
    world.tokens["invite"] = issue_token(invitee, TokenPurpose.INVITE, users["org_admin"])
    db.session.flush()

    if full:
        from flask import current_app

        from .recipes import RECIPES

        # Some stories render text or links, which needs a request (for the locale).
        with current_app.test_request_context():
            _tell_demo_stories(world, pilot, people, suppliers)
            for recipe in RECIPES:
                _attempt(world, recipe.__name__, lambda r=recipe: r(world))
            db.session.flush()
            fabricate_missing(world)
    db.session.commit()
    world.rows = first_rows(world)
    world.snapshot = take_snapshot()
    return world


def _api_token(organisation, creator) -> str:
    """A bearer token of the organisation for the API rows of the matrix."""
    import secrets

    from partnerships.api.models import ApiToken

    secret = "pvmb_" + secrets.token_urlsafe(32)
    db.session.add(
        ApiToken(
            organisation_id=organisation.id,
            name="Matrix",
            token_hash=ApiToken.hash(secret),
            prefix=secret[:12],
            created_by_id=creator.id,
        )
    )
    return secret


def _attempt(world: World, name: str, step) -> None:
    """Run one part of the story; a part that breaks fails the tests, naming itself."""
    try:
        with db.session.begin_nested():
            step()
            db.session.flush()
    except Exception as error:
        raise AssertionError(f"building the world failed at {name}: {error}") from error


def _tell_demo_stories(world: World, pilot, people, suppliers) -> None:
    import importlib

    # Every domain with a demo story; accounts has none (the people come from the world).
    for domain in ("pilots", "team", "actions", "meetings", "brainstorms", "monitoring", "reports"):
        module = importlib.import_module(f"partnerships.{domain}.demo")
        _attempt(
            world,
            f"{domain}.demo",
            lambda m=module: m.seed(pilot=pilot, people=people, suppliers=suppliers),
        )

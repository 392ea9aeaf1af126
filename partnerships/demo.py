"""The fictional demo: a municipality, its working group, two suppliers and one pilot."""

from __future__ import annotations

import importlib
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from . import DOMAINS
from .accounts.models import Organisation, OrganisationKind, OrgRole, User
from .extensions import db
from .pilots.models import Membership, Pilot

PASSWORD = "demo-wachtwoord"  # noqa: S105 (the published demo password)
BUYER = "Gemeente Voorbeeldstad"
PILOT_TITLE = "Proeftuin schoonmaak en groen"

# (e-mail, name, roles in the pilot, organisation admin?)
WORKING_GROUP = [
    ("coordinator@voorbeeldstad.example", "Sanne de Vries", ["coordinator", "hr_expert"], True),
    ("backup@voorbeeldstad.example", "Ahmed El Amrani", ["coordinator_backup"], False),
    ("sr@voorbeeldstad.example", "Petra Jansen", ["sr_coordinator"], False),
    ("inkoop@voorbeeldstad.example", "Mark Bakker", ["procurement_expert"], False),
    ("contract@voorbeeldstad.example", "Linda Visser", ["contract_manager"], False),
    ("categorie@voorbeeldstad.example", "Joost Smit", ["category_manager"], False),
    ("opdrachtgever@voorbeeldstad.example", "Fatima Ouali", ["internal_client"], False),
    ("bestuur@voorbeeldstad.example", "Wethouder Karin Mulder", ["board"], False),
]
SUPPLIERS = [
    ("Schoon & Co Facilitair", False, None, "schoon@schoonco.example", "Ruud Hendriks"),
    (
        "Groen Dichtbij",
        True,
        "Aanbestedingswet art. 2.82: meer dan 30% van het personeel uit de doelgroepen",
        "groen@groendichtbij.example",
        "Esther Kok",
    ),
]
SITE_ADMIN = ("admin@partnerships.example", "Beheerder Partnerships")


def _user(email, name, org, admin=False, site_admin=False) -> User:
    user = User.by_email(email)
    if user is None:
        user = User(
            email=email,
            name=name,
            organisation=org,
            org_role=OrgRole.ADMIN if admin else OrgRole.MEMBER,
            is_site_admin=site_admin,
            locale=None,
        )
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.flush()
    return user


def _organisation(name, kind, **fields) -> Organisation:
    org = db.session.scalar(select(Organisation).where(Organisation.name == name))
    if org is None:
        org = Organisation(name=name, kind=kind, **fields)
        db.session.add(org)
        db.session.flush()
    return org


def seed() -> bool:
    """Create the demo once; returns False when it already exists."""
    if db.session.scalar(select(Pilot).where(Pilot.title == PILOT_TITLE)) is not None:
        return False
    from .pilots.services import start_pilot

    buyer = _organisation(BUYER, OrganisationKind.BUYER, buyer_type="gemeente")
    people = {email: _user(email, name, buyer, admin) for email, name, _, admin in WORKING_GROUP}
    _user(
        *SITE_ADMIN,
        org=_organisation("Partnerships beheer", OrganisationKind.BUYER, buyer_type="other"),
        site_admin=True,
    )
    coordinator = people[WORKING_GROUP[0][0]]
    pilot = start_pilot(
        buyer,
        coordinator,
        title=PILOT_TITLE,
        purchasing_category="cleaning",
        start_date=date(2026, 1, 12),
        goal_jobs=Decimal("6"),
        goal_people=8,
    )
    pilot.goals_text = (
        "Binnen de looptijd van de schoonmaak- en groencontracten zes banenafspraakbanen "
        "(25,5 uur per week) realiseren, waarvan minstens de helft duurzaam."
    )
    pilot.target_group_text = (
        "Mensen uit het doelgroepregister van de banenafspraak, te beginnen met jongeren uit "
        "het praktijk- en voortgezet speciaal onderwijs."
    )
    for email, _, roles, _ in WORKING_GROUP:
        for role in roles:
            if not (email == coordinator.email and role == "coordinator"):
                db.session.add(Membership(pilot_id=pilot.id, user_id=people[email].id, role=role))
    suppliers = []
    for name, social, basis, email, contact in SUPPLIERS:
        org = _organisation(
            name,
            OrganisationKind.SUPPLIER,
            is_social_enterprise=social,
            social_enterprise_basis=basis,
        )
        user = _user(email, contact, org)
        db.session.add(
            Membership(
                pilot_id=pilot.id, user_id=user.id, role="supplier", supplier_organisation_id=org.id
            )
        )
        suppliers.append(org)
    db.session.flush()
    # Each domain adds its part of the story, if it has one (accounts' people are above).
    for domain in DOMAINS:
        try:
            module = importlib.import_module(f"partnerships.{domain}.demo")
        except ModuleNotFoundError:
            continue
        module.seed(pilot=pilot, people=people, suppliers=suppliers)
        db.session.flush()
    return True


def _role_names() -> dict[str, str]:
    """Dutch role names from the method, so the printed logins read like the app."""
    from flask import has_app_context

    from . import workflows_registry

    if not has_app_context():
        return {}
    try:
        workflow = workflows_registry.newest(workflows_registry.DEFAULT_KEY)
    except (KeyError, LookupError):
        return {}
    return {role.code: role.name.get("nl") for role in workflow.roles}


def logins_text() -> str:
    """The demo logins, as printed by `flask demo` and `make run`."""
    names = _role_names()
    lines = [f"Demo logins (password for all: {PASSWORD}):"]
    for email, name, roles, _ in WORKING_GROUP:
        lines.append(f"  {email:40} {name} ({', '.join(names.get(r, r) for r in roles)})")
    supplier = names.get("supplier", "opdrachtnemer")
    for name, _, _, email, contact in SUPPLIERS:
        lines.append(f"  {email:40} {contact} ({supplier}: {name})")
    lines.append(f"  {SITE_ADMIN[0]:40} {SITE_ADMIN[1]} (sitebeheerder)")
    # Administrators must use two-factor sign-in (TWO_FACTOR_FOR_ADMINS), in the demo too:
    # say so, so that the QR code on the first sign-in is expected, not a surprise.
    lines.append(
        f"  {WORKING_GROUP[0][0]} is also the organisation's admin: it and the site admin first "
        "set up two-factor sign-in (scan the code with any authenticator app)."
    )
    return "\n".join(lines)

"""Obligation and realised social return per contract, and their sums per pilot, supplier
and organisation, loaded in a fixed number of queries and valued by valuation.py.

The banenafspraak jobs are shown beside the value, counted the way figures/services.py counts
them: the two are different measures and both stay.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from ..contracts import services as contract_services
from ..contracts.hints import sr_threshold, sr_value_threshold
from ..contracts.models import Contract, contract_pilot
from ..extensions import db
from ..figures import counting
from ..figures.services import facts_by_pilot, frequency_of
from ..figures.settings import settings_for
from ..pilots.models import Pilot
from ..placements.models import Placement
from . import policy, valuation
from .models import Contribution
from .schemes import Scheme


@dataclass
class ContractValue:
    """One contract (as far as the viewer may see it): what is owed and what was realised."""

    contract: Contract
    scheme: Scheme | None
    obligation: Decimal | None
    by_kind: dict[str, Decimal]
    people: set = field(default_factory=set)  # person keys
    people_in_trajectory: int = 0
    banen: Decimal = Decimal("0.00")

    @property
    def realised(self) -> Decimal:
        return sum(self.by_kind.values(), Decimal("0.00"))

    @property
    def percent_met(self) -> Decimal | None:
        return valuation.percent_met(self.realised, self.obligation)


@dataclass
class Summary:
    """Contracts and their sums; obligations add up only where they are known."""

    contracts: list[ContractValue]

    @property
    def obligation(self) -> Decimal | None:
        known = [c.obligation for c in self.contracts if c.obligation is not None]
        return sum(known, Decimal("0.00")) if known else None

    @property
    def by_kind(self) -> dict[str, Decimal]:
        total = dict.fromkeys(valuation.KINDS, Decimal("0.00"))
        for c in self.contracts:
            for kind, value in c.by_kind.items():
                total[kind] += value
        return total

    @property
    def realised(self) -> Decimal:
        return sum(self.by_kind.values(), Decimal("0.00"))

    @property
    def realised_with_obligation(self) -> Decimal:
        """Realised on contracts with a known obligation: what the percentage is taken of."""
        return sum(
            (c.realised for c in self.contracts if c.obligation is not None), Decimal("0.00")
        )

    @property
    def percent_met(self) -> Decimal | None:
        return valuation.percent_met(self.realised_with_obligation, self.obligation)

    @property
    def people(self) -> int:
        return len(set().union(*(c.people for c in self.contracts)))

    @property
    def people_in_trajectory(self) -> int:
        return sum(c.people_in_trajectory for c in self.contracts)

    @property
    def banen(self) -> Decimal:
        return sum((c.banen for c in self.contracts), Decimal("0.00"))


def _stint(row, facts) -> valuation.Stint:
    return valuation.Stint(
        person=facts.person,
        target_group=row.target_group,
        kind=row.kind,
        hours_per_week=Decimal(row.hours_per_week),
        start=row.start_date,
        end=row.end_date,
        employed_until=facts.employed_until,
    )


def _purchase(entry) -> valuation.Purchase:
    return valuation.Purchase(entry.occurred_on, entry.amount, entry.certificate or "")


def _community(entry) -> valuation.Community:
    return valuation.Community(entry.occurred_on, entry.hours)


def _trajectory(entry) -> valuation.Trajectory:
    return valuation.Trajectory(entry.occurred_on, entry.people or 0, entry.target_group)


def entry_value(entry: Contribution, scheme: Scheme | None) -> Decimal | None:
    """What one recorded purchase, project or trajectory earns under the contract's scheme,
    so a coordinator can check each line against the total; None when nothing values it."""
    if scheme is None:
        return None
    if entry.kind == "purchase" and entry.amount is not None:
        value = valuation.purchase_value(_purchase(entry), scheme)
    elif entry.kind == "community" and entry.hours is not None:
        value = valuation.community_value(_community(entry), scheme)
    elif entry.kind == "trajectory":
        value = valuation.trajectory_value(_trajectory(entry), scheme)
    else:
        return None
    return counting.round_half_up(value)


def summarise(pilots, contracts, *, as_of: date, supplier_ids=None) -> Summary:
    """Value these contracts over the given pilots' rows, up to as_of.

    ``supplier_ids`` limits the rows to those suppliers (a supplier sees only its own).
    Queries: placements and paid hours (two), contributions (one), lasting needs (one).
    """
    pilot_ids = [p.id for p in pilots]
    frequency = {p.id: frequency_of(p) for p in pilots}
    contract_ids = {c.id for c in contracts}
    facts = facts_by_pilot(pilot_ids) if pilot_ids else {}
    lasting = dict(
        db.session.execute(
            select(Placement.id, Placement.lasting_support_need).where(
                Placement.pilot_id.in_(pilot_ids or [-1])
            )
        ).all()
    )
    contributions = db.session.scalars(
        select(Contribution).where(
            Contribution.pilot_id.in_(pilot_ids or [-1]),
            Contribution.contract_id.in_(contract_ids or [-1]),
        )
    ).all()
    stints, banen_facts = defaultdict(list), defaultdict(lambda: defaultdict(list))
    for pilot_id, pairs in facts.items():
        for row, fact in pairs:
            if row.contract_id not in contract_ids:
                continue
            if supplier_ids is not None and row.supplier_organisation_id not in supplier_ids:
                continue
            stint = _stint(row, fact)
            if lasting.get(row.id):
                stint = replace(stint, lasting_support_need=True)
            stints[row.contract_id].append(stint)
            if fact.target_group in counting.COUNTED_GROUPS:
                banen_facts[row.contract_id][pilot_id].append(fact)
    extras = defaultdict(list)
    for entry in contributions:
        if supplier_ids is None or entry.supplier_organisation_id in supplier_ids:
            extras[entry.contract_id].append(entry)
    result = []
    for contract in contracts:
        result.append(
            _value(
                contract,
                stints[contract.id],
                extras[contract.id],
                banen_facts[contract.id],
                frequency,
                as_of,
            )
        )
    return Summary(result)


def _value(contract, stints, extras, banen_facts, frequency, as_of) -> ContractValue:
    scheme = policy.scheme_for_contract(contract)
    owed = valuation.obligation(
        contract.sr_basis, contract.sr_percentage, contract.contract_value, contract.wage_sum
    )
    start = min(
        [contract.start_date or as_of] + [s.start for s in stints] + [e.occurred_on for e in extras]
    )
    end = min(as_of, contract.end_date) if contract.end_date else as_of
    banen = Decimal("0.00")
    for pilot_id, pilot_facts in banen_facts.items():
        period_start = counting.period_bounds(as_of, frequency[pilot_id])[0]
        banen += counting.banen_count(pilot_facts, period_start, as_of)
    if scheme is None:
        done = valuation.Realisation(dict.fromkeys(valuation.KINDS, Decimal("0.00")), 0, 0)
    else:
        done = valuation.realisation(
            scheme,
            start,
            end,
            stints=stints,
            purchases=[
                _purchase(e) for e in extras if e.kind == "purchase" and e.amount is not None
            ],
            community=[
                _community(e) for e in extras if e.kind == "community" and e.hours is not None
            ],
            trajectories=[_trajectory(e) for e in extras if e.kind == "trajectory"],
        )
    return ContractValue(
        contract=contract,
        scheme=scheme,
        obligation=owed,
        by_kind=done.by_kind,
        people={s.person for s in stints if s.start <= end},
        people_in_trajectory=sum(
            e.people or 0 for e in extras if e.kind == "trajectory" and e.occurred_on <= end
        ),
        banen=banen,
    )


def pilot_contracts(pilot, supplier_ids=None) -> list[Contract]:
    """The pilot's contracts (of these suppliers only, if given), by title, as the jobs
    pages list them."""
    return sorted(
        contract_services.pilot_contracts(pilot, supplier_ids), key=lambda c: (c.title, c.id)
    )


def for_pilot(pilot, *, as_of: date, supplier_ids=None) -> Summary:
    return summarise(
        [pilot], pilot_contracts(pilot, supplier_ids), as_of=as_of, supplier_ids=supplier_ids
    )


def per_supplier(pilot, *, as_of: date) -> dict[int, Summary]:
    """Each supplier's own part of the pilot's contracts: what it realised, whom it placed."""
    contracts = pilot_contracts(pilot)
    supplier_ids = sorted({s for c in contracts for s in c.supplier_ids})
    return {
        supplier_id: summarise(
            [pilot],
            [c for c in contracts if supplier_id in c.supplier_ids],
            as_of=as_of,
            supplier_ids={supplier_id},
        )
        for supplier_id in supplier_ids
    }


def per_pilot(pilots, *, as_of: date) -> dict[int, Summary]:
    """Each pilot's own contracts; a contract two pilots share counts in both."""
    return {pilot.id: for_pilot(pilot, as_of=as_of) for pilot in pilots}


def pilots_of(organisation_id: int) -> list[Pilot]:
    return db.session.scalars(
        select(Pilot).where(Pilot.organisation_id == organisation_id).order_by(Pilot.id)
    ).all()


def for_organisation(organisation_id: int, *, as_of: date, pilots=None) -> Summary:
    """Every contract of the organisation (or of these of its pilots), each once."""
    query = select(Contract).where(Contract.organisation_id == organisation_id)
    if pilots is None:
        pilots = pilots_of(organisation_id)
    else:
        query = query.where(
            Contract.id.in_(
                select(contract_pilot.c.contract_id).where(
                    contract_pilot.c.pilot_id.in_([p.id for p in pilots] or [-1])
                )
            )
        )
    contracts = db.session.scalars(query.order_by(Contract.title, Contract.id)).all()
    return summarise(pilots, contracts, as_of=as_of)


@dataclass(frozen=True)
class TenderShare:
    """The Rijk indicator: of the contracts within the threshold, how many asked for SR."""

    within: int
    asked: int

    @property
    def percent(self) -> Decimal | None:
        if not self.within:
            return None
        return (Decimal(self.asked) * 100 / self.within).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )


def _within(contract, settings) -> bool:
    """Within the threshold the organisation applies: its own on the contract value for
    this kind of purchase where it set one, else the one on the wage sum."""
    own = sr_value_threshold(contract, settings)
    hint = own if own is not None else sr_threshold(contract, settings)
    return hint.applies is True


def tender_share(organisation_id: int) -> TenderShare:
    """Share of the organisation's contracts and tenders within the social return threshold
    (per its own settings) where social return was asked."""
    settings = settings_for(organisation_id)
    contracts = db.session.scalars(
        select(Contract).where(Contract.organisation_id == organisation_id)
    ).all()
    within = [c for c in contracts if _within(c, settings)]
    return TenderShare(len(within), sum(1 for c in within if c.sr_basis != "none"))

"""The vocabularies of social return with their labels in the user's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

CONTRIBUTION_KINDS = {
    "purchase": _l("Purchase from a social enterprise or PSO company"),
    "community": _l("Hours on a community project"),
    "trajectory": _l("People who started a trajectory"),
}
CERTIFICATES = {
    "social_enterprise_nl": _l("Member of Social Enterprise NL"),
    "buy_social": _l("On the Buy Social platform"),
    "code_sociale_ondernemingen": _l("Registered under the Code Sociale Ondernemingen"),
    "pso_30": _l("PSO trede 30+"),
    "pso_1": _l("PSO trede 1"),
    "pso_2": _l("PSO trede 2"),
    "pso_3": _l("PSO trede 3"),
}
KIND_LABELS = {
    "placement": _l("Placements"),
    "trajectory": _l("Trajectories"),
    "purchase": _l("Purchases from social enterprises"),
    "community": _l("Community projects"),
}
# The kinds of effort of an own scheme's element, each with the unit its value is in.
EFFORT_LABELS = {
    "placement": _l("Work: EUR per person per year"),
    "trajectory": _l("Trajectory started: EUR per person"),
    "purchase_social_enterprise": _l("Purchase from a social enterprise: % of the invoice"),
    "purchase_pso": _l("Purchase from a PSO-certified company: % of the invoice"),
    "purchase": _l("Purchase from either: % of the invoice"),
    "community": _l("Community project: EUR per hour"),
}

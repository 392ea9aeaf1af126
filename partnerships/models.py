"""Imports every domain's models so that the metadata (and Alembic) sees all tables."""

import importlib

from . import DOMAINS
from .audit import AuditEvent  # noqa: F401
from .changes import ChangeStamp  # noqa: F401
from .once import FormSubmission  # noqa: F401

for _domain in DOMAINS:
    try:
        importlib.import_module(f"partnerships.{_domain}.models")
    except ModuleNotFoundError as error:
        if error.name != f"partnerships.{_domain}.models":
            raise

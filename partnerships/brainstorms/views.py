"""Routes of this domain."""
from . import bp  # noqa: F401

"""Stage 3, read and validate: data/*.yml with the line of every value (loader), checked against the
models (validate) and across records (checks), into one `Site` (load), or one located line per
problem (problems). Also what editors get beside it: review ages (freshness) and JSON Schemas
(schema)."""
from .load import load_site
from .problems import DataError, Problem

__all__ = ["DataError", "Problem", "load_site"]

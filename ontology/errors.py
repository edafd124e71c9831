"""One exception hierarchy for newskg. Messages say what happened, the usual cause and the fix."""

from __future__ import annotations

__all__ = ["NewsKGError", "InputError", "PipelineError", "StoreError", "QueryError"]


class NewsKGError(Exception):
    """Base of every error newskg raises on purpose; the CLI turns it into a one-line message."""


class InputError(NewsKGError):
    """An input file or text cannot be read or parsed (names the file and the reason)."""


class PipelineError(NewsKGError):
    """The extraction pipeline cannot be built or run (missing data file, bad config)."""


class StoreError(NewsKGError):
    """The triple store cannot be opened, written or reached."""


class QueryError(NewsKGError):
    """A SPARQL query is malformed, refused (e.g. an UPDATE on a read-only path) or timed out."""

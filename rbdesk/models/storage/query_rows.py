"""A select's rows as plain tuples or dicts, typed as what they are.

peewee's bundled types say ``query.tuples()`` and ``query.dicts()`` return the query unchanged, a
``ModelSelect[M]`` whose rows are ``M`` instances; at run time they are tuples and dicts. Reading
rows through these two functions keeps that one correction in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from peewee import ModelSelect


def as_tuples(query: ModelSelect[Any]) -> Iterable[tuple[Any, ...]]:
    """``query.tuples()``: one tuple per row, the selected columns in order."""
    return cast("Iterable[tuple[Any, ...]]", query.tuples())


def as_dicts(query: ModelSelect[Any]) -> Iterable[dict[str, Any]]:
    """``query.dicts()``: one dict per row, keyed by field name."""
    return cast("Iterable[dict[str, Any]]", query.dicts())

"""Values computed from the events, cached per process until the data changes.

A value is kept in ``CACHES["aggregates"]`` under the database's change stamp
(``ChangeStamp``: bumped by triggers on every write to events, their actor links,
mentions and articles, in the writing transaction). The stamp is read before the
value is computed, so rows committed in between can only make an entry newer than its
key, never older. Without a stamp row (a flushed database) nothing is cached.

Cache only what those tables decide (counts, bins, ids), not names of actors or places:
their tables bump no stamp.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import caches

from .models import ChangeStamp


def cached[T](name: str, compute: Callable[[], T], *parts, using: str | None = None) -> T:
    """``compute()``, or its value from the last call with the same ``name`` and
    ``parts`` (anything with a stable ``repr``) on unchanged data."""
    stamp = ChangeStamp.current(using)
    if stamp is None:
        return compute()
    digest = hashlib.sha256(repr((name, using, stamp, parts)).encode()).hexdigest()
    key = f"stamped:{name}:{digest}"
    cache = caches["aggregates"]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value)
    return value

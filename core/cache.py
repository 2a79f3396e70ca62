"""Cached pages and fragments that never outlive the data they show.

Deleting cache entries one by one on a change needs to know every key a change touches
(each filter combination of the product list, each language, each trace page of a
producer...), and Django's cache cannot list keys. Instead every cached entry's key
carries a *generation* number, one per concern, kept in the cache itself; a change bumps
the number, and from the next request on every key is new, so the old entries are never
read again and simply expire.

Concerns. "catalogue" is what lists show (home, product lists and search, facets, place,
producer and showroom pages) and, conservatively, anything with no narrower concern; every
public page depends on it. Each product also has its own concerns (catalogue/caching.py):
its page (by slug) and its trace page (by trace code), which depend on "catalogue" *and*
them. An edit of what only the product's own page shows (its description, the certificate's
number, the exact stock while some is left) bumps only that product's concerns, so lists and
the home page stay cached; see catalogue/caching.py for which fields are which.

"counts" is the counts of the whole catalogue on sale (the home page's and the unfiltered
list's facets, by district, village, craft, stars and group): at 100,000 products they are
the cost of a cold page (docs/performance.md), and most edits (a price, a name, a photo)
move none of them. A product's save bumps it when it appears, disappears or moves between
counts (published, withdrawn, certificate dates, stars, group, craft, producer); any save
of a villages row or a producer bumps it (names and places of what is counted).

What bumps the "catalogue" generation:
- any save or delete of a villages, catalogue or showrooms row, admin edits and imports
  included (each of those apps calls bump_when_saved() on its models in its ready()),
  except a product edit that changes only what its own page shows, and lots and production
  steps, which only their product's own pages show (catalogue/caching.py);
- writes that bypass save() call bump_on_commit() themselves: stock changes in
  orders/services.py (queryset update() with F(), through catalogue.caching.stock_moved(),
  which bumps "catalogue" only when a product runs out or comes back), bench/seed.py after its bulk inserts,
  catalogue/search.py after rewriting search texts.
  Any other bulk_create() or update() of those models must do the same;
- the date: certificate status (valid, expiring, expired) changes at local midnight with
  no write at all, so every key also carries today's local date.

With REDIS_URL every worker and machine shares the numbers, so an edit shows on the
next request everywhere. Local memory is per process: a bump reaches only the worker
that made the change, so entries there live only CACHE_SECONDS (short by default, see
settings) and other workers catch up within that time.
"""

import functools
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

CATALOGUE = "catalogue"
# What the counts of the whole catalogue on sale show (the home page's and the bare list's:
# per district, village, craft, star level and group, and their names): a narrower concern
# than "catalogue", bumped by the changes that move a count or rename what is counted, so
# that an edit of a price or a name leaves them cached (catalogue/caching.py).
COUNTS = "counts"


def _key(concern):
    return f"ocop:generation:{concern}"


def generation(concern=CATALOGUE):
    """The current generation of `concern`, started on first use."""
    number = cache.get(_key(concern))
    if number is None:
        # Start from the clock, not 1: if the cache lost only this key (eviction), the
        # entries stored under the old number must not become readable again.
        cache.add(_key(concern), time.time_ns() // 1000, timeout=None)
        number = cache.get(_key(concern))
    return number


def _generations(concerns, start=True):
    """The generations of several concerns, in one cache read when they all exist; with
    start=False, None for one that has none yet instead of starting it."""
    found = cache.get_many([_key(concern) for concern in concerns])
    if not start:
        return [found.get(_key(concern)) for concern in concerns]
    return [found.get(_key(concern)) or generation(concern) for concern in concerns]


def bump(*concerns):
    """Make every entry cached under any of `concerns` unreadable from now on."""
    for concern in concerns or (CATALOGUE,):
        try:
            cache.incr(_key(concern))
        except ValueError:  # no number yet (or evicted): start one
            generation(concern)


def bump_on_commit(*concerns):
    """bump() now, and again once the current transaction commits.

    Now: the writer's own next read (and a test, whose transaction never commits) must
    miss. After the commit: another request may have read the old rows between the first
    bump and the commit, and cached them under the new number.
    """
    concerns = concerns or (CATALOGUE,)
    bump(*concerns)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(functools.partial(bump, *concerns), robust=True)


def _as_tuple(concern):
    return (concern,) if isinstance(concern, str) else tuple(concern)


def version(concern=CATALOGUE):
    """The string to put in a key (or a {% cache %} tag) for data of `concern` (one name
    or several): their generations and today's local date."""
    numbers = _generations(_as_tuple(concern))
    return "-".join(map(str, [*numbers, timezone.localdate().isoformat()]))


class Generations(NamedTuple):
    """The generations of some concerns as read at one moment, without starting any.

    For concerns named after what a visitor typed (a trace code from a label): a junk or
    unknown code must not leave a generation behind (they never expire), so a reader
    starts a missing one only once it has built something worth keeping.
    """

    concerns: tuple
    numbers: tuple  # None for a concern with no generation yet
    day: str

    def version(self):
        """version() as read, or None if a concern has no generation yet."""
        if None in self.numbers:
            return None
        return "-".join(map(str, [*self.numbers, self.day]))

    def start_missing(self):
        """Start the missing generations; the version to store what was built under, or
        None if another request started one first (a bump may have come in between:
        store nothing, the next request will)."""
        numbers = list(self.numbers)
        for index, concern in enumerate(self.concerns):
            if numbers[index] is None:
                numbers[index] = time.time_ns() // 1000
                if not cache.add(_key(concern), numbers[index], timeout=None):
                    return None
        return "-".join(map(str, [*numbers, self.day]))


def read_generations(concern=CATALOGUE):
    """The generations of `concern` (one name or several), in one cache read."""
    concerns = _as_tuple(concern)
    numbers = tuple(_generations(concerns, start=False))
    return Generations(concerns, numbers, timezone.localdate().isoformat())


def key(name, *parts, concern=CATALOGUE):
    """A cache key for `name` and its `parts` (language, code...) under `concern`."""
    return _entry_key(name, version(concern), parts)


def get_or_set(name, parts, build, concern=CATALOGUE):
    """The cached value of build() for `name` and `parts`, built once per generation.

    A concern with no generation yet (first use, or evicted) is started only when build()
    gives something other than None: an unknown trace code leaves nothing in the cache.
    """
    generations = read_generations(concern)
    current = generations.version()
    if current is not None:
        return cache.get_or_set(_entry_key(name, current, parts), build, settings.CACHE_SECONDS)
    value = build()
    if value is not None:
        started = generations.start_missing()
        if started is not None:
            cache.set(_entry_key(name, started, parts), value, settings.CACHE_SECONDS)
    return value


def _entry_key(name, version_string, parts):
    return ":".join(["ocop", name, version_string, *map(str, parts)])


def fragment_context(concern=CATALOGUE):
    """What a template's {% cache cache_seconds NAME cache_version ... %} tag needs."""
    return {"cache_version": version(concern), "cache_seconds": settings.CACHE_SECONDS}


def _bump_catalogue(sender, **kwargs):
    bump_on_commit(CATALOGUE)


def _bump_catalogue_and_counts(sender, **kwargs):
    bump_on_commit(CATALOGUE, COUNTS)


def bump_when_saved(*models, counted=False):
    """Bump the catalogue generation (and with counted=True the counts', for models whose
    rows name or place what the counts count) after every save or delete of these models.

    Each app whose rows show on public pages connects its own models in its ready(): this
    module knows no app, and a model that shows on no page (the scan log, change history)
    is simply left out. A model whose edits concern fewer pages (a product's description
    shows on its own page only) connects its own receivers instead, see catalogue/caching.py.
    """
    receiver = _bump_catalogue_and_counts if counted else _bump_catalogue
    for model in models:
        uid = f"core.cache.{model._meta.label_lower}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(receiver, sender=model, dispatch_uid=uid + ".delete")
    bump_when_relations_change(*models, counted=counted)


def bump_when_relations_change(*models, counted=False):
    """Bump the catalogue generation (and the counts') when a many-to-many relation of
    these models changes (adding a craft to a village sends no save of the village)."""
    receiver = _bump_catalogue_and_counts if counted else _bump_catalogue
    for model in models:
        uid = f"core.cache.{model._meta.label_lower}"
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(receiver, sender=field.remote_field.through, dispatch_uid=f"{uid}.{field.name}")

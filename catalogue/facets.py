"""The product list's facets: each filter's options with how many products each would show.

A facet counts under every active filter except its own, so a shopper who picked 5 stars
still sees how many 4-star products there are and can widen the choice.
"""

import hashlib

from django.db.models import Count, Q
from django.utils.translation import get_language

from core import cache as ocop_cache

from . import querystrings
from .certificates import OcopGroup, Stars

# values() with plain field names: modeltranslation's queryset mishandles
# values(alias=F(...)) and would group by every column. (slug, Vietnamese name, English name)
PLACE_FIELDS = {
    "district": ("producer__district__slug", "producer__district__name", "producer__district__name"),
    "village": ("producer__village__slug", "producer__village__name", "producer__village__name"),
    "craft": ("craft__slug", "craft__name_vi", "craft__name_en"),
}

# Options listed at most per facet, the busiest first; chosen ones are always listed. Hanoi
# has about 1,350 craft villages: listing each made the bare list's page 260 KB of links
# (1,022 villages at 100,000 products), too long to scan on a phone and the main cost of
# serving it. A shopper narrows by district first, which leaves its few villages.
MOST_OPTIONS = {"village": 15}


def facets(filterset, queryset):
    """Each option with how many products it would show under the *other* filters.

    Four queries however many products: one GROUP BY each for district, village and
    craft, one conditional aggregate for stars and groups together.
    """
    counts = _star_and_group_counts(filterset, queryset)
    shown = [
        _facet(
            filterset,
            "stars",
            [(str(value), label, counts[f"stars_{value}"]) for value, label in reversed(Stars.choices)],
            keep_empty=True,
        )
    ]
    english = (get_language() or "vi").startswith("en")
    for name, (key, label_vi, label_en) in PLACE_FIELDS.items():
        rows = (
            filterset.narrowed(queryset, without=(name,))
            .filter(**{f"{key}__isnull": False})
            .values(*dict.fromkeys((key, label_vi, label_en)))
            .order_by()
            .annotate(count=Count("pk"))
        )
        options = [
            (row[key], (row[label_en] if english and row[label_en] else row[label_vi]), row["count"]) for row in rows
        ]
        options.sort(key=lambda option: (-option[2], option[1]))
        shown.append(_facet(filterset, name, options, most=MOST_OPTIONS.get(name)))
    shown.append(
        _facet(filterset, "group", [(value, label, counts[f"group_{value}"]) for value, label in OcopGroup.choices])
    )
    return shown


def cached_facets(filterset, queryset):
    """facets(), cached per language and filter state until the catalogue changes.

    The facet counts are four GROUP BY queries over every matching product, the most
    expensive part of the page at 100,000 products, and the same few states (the bare
    list, one district, one craft) are asked for again and again. The key carries the
    generation of what they show (facets_concern()), so an edit or a sale shows in the
    counts at once.
    """
    state = querystrings.query_string(filterset.values)
    return ocop_cache.get_or_set(
        "facets",
        [get_language() or "vi", hashlib.sha256(state.encode()).hexdigest()[:32]],
        lambda: facets(filterset, queryset),
        concern=facets_concern(filterset.values),
    )


# Filters under which a product's price, name or stock moves a count: facets with one of
# them follow every catalogue change; the others only core.cache.COUNTS.
MOVED_BY_ANY_EDIT = {"q", "price_min", "price_max", "in_stock"}


def facets_concern(values):
    """Which generation the facets of this filter state follow.

    Counts by district, village, craft, stars, group and certificate status move only when
    a product appears, disappears or moves between them (core.cache.COUNTS), not when a
    price or a name is edited: so such an edit does not make the bare list, or a list
    filtered by place and stars, count up to 89,000 products again. Under a price range, a
    search or "in stock" those edits move counts: such facets follow every catalogue change.
    """
    if any(name in MOVED_BY_ANY_EDIT for name, _ in querystrings.params(values)):
        return ocop_cache.CATALOGUE
    return ocop_cache.COUNTS


def listed_count(shown):
    """How many products the list itself shows, read off the stars facet of facets().

    Each star level is counted under every other filter (groups included), so the levels
    the shopper chose (all of them when none) add up to the list's own count: the page
    needs no COUNT query of its own, and the cached facets make it free when warm.
    """
    stars = next(facet for facet in shown if facet["name"] == "stars")
    chosen = [option for option in stars["options"] if option["selected"]]
    return sum(option["count"] for option in chosen or stars["options"])


def _star_and_group_counts(filterset, queryset):
    """{"stars_5": n, …, "group_food": n, …} in one aggregate: each star level counted
    under the chosen groups and each group under the chosen star levels."""
    selected_stars = filterset.values.get("stars", [])
    selected_groups = filterset.values.get("group", [])
    stars_q = Q(stars__in=selected_stars) if selected_stars else Q()
    group_q = Q(group__in=selected_groups) if selected_groups else Q()
    return (
        filterset.narrowed(queryset, without=("stars", "group"))
        .order_by()
        .aggregate(
            **{f"stars_{value}": Count("pk", filter=Q(stars=value) & group_q) for value in Stars.values},
            **{f"group_{value}": Count("pk", filter=Q(group=value) & stars_q) for value in OcopGroup.values},
        )
    )


def _facet(filterset, name, options, keep_empty=False, most=None):
    """One facet: its options (value, label, count) as dicts with the link that selects
    or unselects each; options without products are left out unless selected, and beyond
    the first `most` only the selected ones are listed (`more` says how many were not)."""
    values = filterset.values
    selected = values.get(name, [])
    shown = []
    more = 0
    for key, label, count in options:
        is_selected = key in selected
        if not (count or is_selected or keep_empty):
            continue
        if most is not None and not is_selected and len(shown) >= most:
            more += 1
            continue
        pair = (name, key)
        url = querystrings.link(values, remove=[pair]) if is_selected else querystrings.link(values, add=[pair])
        shown.append(
            {
                "value": key,
                "label": str(label),
                "count": count,
                "selected": is_selected,
                "url": url,
            }
        )
    # A selected option with no product under the other filters still needs its chip.
    for key in selected:
        if not any(option["value"] == key for option in shown):
            shown.append(
                {
                    "value": key,
                    "label": str(filterset.label_for(name, key)),
                    "count": 0,
                    "selected": True,
                    "url": querystrings.link(values, remove=[(name, key)]),
                }
            )
    # Plain strings, not lazy translations: facets are cached (see cached_facets).
    return {"name": name, "label": str(filterset.filters[name].label), "options": shown, "more": more}

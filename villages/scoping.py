"""THE district scope: which districts' rows a user may touch.

City administrators (superusers, or users with the `villages.manage_all_districts`
permission) touch every district. A district officer touches the districts they are
assigned through `District.officers`; a user with none touches nothing.

Each model that belongs to a district says how to reach it, as a class attribute on the
model: `district_path = "producer__district"` on Product, `"district"` on Producer,
Village and Showroom, `"pk"` on District itself (a district is its own district). This
module reads that attribute and never names a model of a higher app, so villages stays
unaware of them. It is the one place that decides scope, for every caller: the admin
(`admin_scope.py` builds its pages on it), import and export (`catalogue/resources.py`),
the officers' dashboard (`backoffice/dashboard.py`) and any later API. It imports no admin
module.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.models.constants import LOOKUP_SEP

MANAGE_ALL_PERMISSION = "villages.manage_all_districts"


def is_city_admin(user):
    return user.is_active and (user.is_superuser or user.has_perm(MANAGE_ALL_PERMISSION))


def officer_districts(user):
    """The ids of the districts a user may touch, or None for 'all of them'.

    Read once per user object (a request's user lives as long as the request), since a
    page asks for every list, filter, form field and inline."""
    if is_city_admin(user):
        return None
    cached = getattr(user, "_officer_district_ids", None)
    if cached is None:
        # An anonymous user has no districts (and no relation to ask).
        cached = list(user.officer_districts.values_list("pk", flat=True)) if user.is_authenticated else []
        user._officer_district_ids = cached
    return cached


def district_path(model):
    """The lookup from `model` to its district as the model declares it, or None for a
    model that belongs to no district of its own (crafts; images, scoped by their parent)."""
    return getattr(model, "district_path", None)


def _path(model, path=None):
    path = path or district_path(model)
    if path is None:
        raise ImproperlyConfigured(
            f"{model.__name__} has no district_path: say how its rows reach a district (villages/scoping.py)."
        )
    return path


def _steps(model, path):
    """The fields along `path`, from `model` to the district."""
    fields = []
    for name in path.split(LOOKUP_SEP):
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        fields.append(field)
        model = field.related_model
    return fields


def _spans_many(model, path):
    """Whether a row can reach several districts along `path` (an order, through its parts)."""
    return any(field.one_to_many or field.many_to_many for field in _steps(model, path))


def in_districts(queryset, districts, path=None):
    """`queryset` narrowed to the rows of `districts` (ids or District rows), along the
    model's `district_path` unless `path` is given."""
    path = _path(queryset.model, path)
    queryset = queryset.filter(**{f"{path}{LOOKUP_SEP}in": districts})
    # Through a one-to-many step a row matches once per related row in the districts.
    return queryset.distinct() if _spans_many(queryset.model, path) else queryset


def scope_queryset(queryset, user, path=None):
    """The rows of `queryset` that `user` may touch: all for a city administrator, their
    districts' rows for an officer, none for anyone else."""
    path = _path(queryset.model, path)  # a model without a path is refused for everyone
    districts = officer_districts(user)
    if districts is None:
        return queryset
    return in_districts(queryset, districts, path)


def outside_scope(queryset, user, path=None):
    """The rows of `queryset` that `user` may not touch (none for a city administrator)."""
    path = _path(queryset.model, path)
    districts = officer_districts(user)
    if districts is None:
        return queryset.none()
    return queryset.exclude(**{f"{path}{LOOKUP_SEP}in": districts})


def districts_of(obj):
    """The ids of the districts `obj` belongs to: one for most rows, each of its parts'
    for an order, none for a row not (yet) attached to a district."""
    model = type(obj)
    path = _path(model)
    steps = _steps(model, path)
    if _spans_many(model, path):
        if obj.pk is None:
            return set()
        return set(model._default_manager.filter(pk=obj.pk).values_list(path, flat=True)) - {None}
    # Follow the attributes, so an unsaved row (an import's) is placed too.
    for field in steps[:-1]:
        if getattr(obj, field.attname) is None:  # not attached yet (or a nullable link)
            return set()
        obj = getattr(obj, field.name)
    last = steps[-1]
    district_id = obj.pk if last.primary_key else getattr(obj, last.attname)
    return set() if district_id is None else {district_id}


def may_touch_district(user, district):
    """Whether `user` may touch the rows of `district` (a District or its id)."""
    districts = officer_districts(user)
    return districts is None or getattr(district, "pk", district) in districts


def may_touch(user, obj):
    """Whether `user` may touch `obj`: it belongs to one of their districts (for an order
    spanning districts, one of its parts does), or they are a city administrator."""
    districts = officer_districts(user)
    return districts is None or not districts_of(obj).isdisjoint(districts)

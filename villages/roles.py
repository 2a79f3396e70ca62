"""The district officer role: the one definition of what an officer may do in the admin.

An officer keeps their districts' listings and orders current; which districts is the
`District.officers` relation, and what that lets them touch is decided in `scoping.py` (the
admin, imports and the dashboard all ask it). This module says which model permissions
the role's group holds. It is used by the data migration that
creates the group, by the `post_migrate` sync (permissions of apps migrated after
`villages` exist only then), by `manage.py officer`, by `load_demo` and by the tests.

It works on any app registry (the live one or a migration's historical one), so the
migration can use it without importing models.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

OFFICERS_GROUP = "District officers"

# Listings and orders of their districts: the full set of model permissions.
MANAGED_MODELS = [
    ("villages", "village"),
    ("villages", "villageimage"),
    ("catalogue", "producer"),
    ("catalogue", "product"),
    ("catalogue", "productimage"),
    # Producers' sign-ins to the producer area: officers invite and deactivate them.
    ("catalogue", "produceraccount"),
    ("catalogue", "lot"),
    ("catalogue", "productionstep"),
    # A decision is shared by the districts whose products it lists; an officer attaches
    # only their own products (catalogue/admin.py: DecisionAdmin).
    ("catalogue", "decision"),
    ("catalogue", "certification"),
    ("showrooms", "showroom"),
    ("showrooms", "showroomstock"),
    ("visits", "route"),
    ("visits", "routestop"),
    ("visits", "event"),
    ("orders", "order"),
    ("orders", "producerorder"),
    ("orders", "orderline"),
    ("orders", "payeeaccount"),
    ("orders", "deliveryrule"),
    ("orders", "deliveryterms"),
    # Buyers write reviews; officers publish, hide and reply for the producer (no add in the admin).
    ("orders", "review"),
]

OFFICER_PERMISSIONS = sorted(
    {(app, f"{action}_{model}") for app, model in MANAGED_MODELS for action in ("add", "change", "delete", "view")}
    | {
        # Districts and crafts are reference data: officers look them up (the product,
        # producer and village forms' autocompletes) but never change them.
        ("villages", "view_district"),
        ("villages", "view_craft"),
        ("villages", "view_commune"),
        # Scans are evidence written by the trace page; officers read them only.
        ("catalogue", "view_scan"),
    }
)
ROLE_APPS = {app for app, _codename in OFFICER_PERMISSIONS}


def role_permissions(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """The role's Permission rows that exist in the database so far."""
    Permission = apps.get_model("auth", "Permission")
    wanted = set(OFFICER_PERMISSIONS)
    candidates = (
        Permission.objects.using(using)
        .filter(content_type__app_label__in=ROLE_APPS, codename__in={codename for _app, codename in wanted})
        .select_related("content_type")
    )
    return [p for p in candidates if (p.content_type.app_label, p.codename) in wanted]


def officers_group(apps=global_apps, using=DEFAULT_DB_ALIAS, exactly=False):
    """The role's group, created with every role permission that exists, and given the ones
    it lacks. Permissions a city administrator added to the group by hand are kept, unless
    `exactly` (the migration that introduced the role: it replaced what load_demo set)."""
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.using(using).get_or_create(name=OFFICERS_GROUP)
    if exactly:
        group.permissions.set(role_permissions(apps, using))
    else:
        group.permissions.add(*role_permissions(apps, using))
    return group


def sync_role_after_migrate(sender, app_config=None, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """post_migrate receiver: on a fresh database the permissions of catalogue, showrooms and
    orders are created after villages' migrations ran, so the group is completed here."""
    if app_config is None or app_config.label not in ROLE_APPS:
        return
    try:
        apps.get_model("auth", "Group")
    except LookupError:  # auth not migrated (yet) in this database
        return
    officers_group(apps, using)


def grant(user, districts):
    """Make `user` an officer of `districts` (in addition to any they already have)."""
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.add(officers_group())
    user.officer_districts.add(*districts)


def revoke(user, districts):
    """Take `districts` from `user`; with none left they are an officer no more (and lose
    admin access unless they are a city administrator or hold another role)."""
    user.officer_districts.remove(*districts)
    if user.officer_districts.exists():
        return
    user.groups.remove(*user.groups.filter(name=OFFICERS_GROUP))
    if not user.is_superuser and not user.groups.exists() and not user.user_permissions.exists():
        user.is_staff = False
        user.save(update_fields=["is_staff"])

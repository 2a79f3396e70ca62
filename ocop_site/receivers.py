"""Signal receivers that keep cached pages fresh (wired in OcopSiteConfig.ready()).

A side effect only: every save or delete of a row a shopper or tourist can see bumps the
catalogue's cache generation (ocop_site/cache.py). Admin edits, imports that save row by
row and shell sessions all go through here; writes that bypass save() (queryset update(),
bulk_create) call ocop_site.cache.bump() themselves.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import cache

# Every model of these apps shows on public pages, except the scan log, which grows on
# every trace page view and shows on none of them.
PUBLIC_APPS = ("villages", "catalogue", "showrooms")
NOT_SHOWN = {"catalogue.scan"}


def bump_catalogue(sender, **kwargs):
    cache.bump_on_commit(cache.CATALOGUE)


def public_models():
    for label in PUBLIC_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.label_lower not in NOT_SHOWN:
                yield model


def connect():
    for model in public_models():
        uid = f"ocop_site.cache.{model._meta.label_lower}"
        post_save.connect(bump_catalogue, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(bump_catalogue, sender=model, dispatch_uid=uid + ".delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(bump_catalogue, sender=field.remote_field.through, dispatch_uid=f"{uid}.{field.name}")

"""People who sign in to the admin: district officers and city administrators."""

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from tests.factories.villages import district
from villages import roles
from villages.models import District


class OfficerFactory(DjangoModelFactory):
    """A district officer exactly as `manage.py officer grant` makes one (villages/roles.py):
    `districts=` slugs or District rows, Phú Xuyên by default."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = "officer.px"
    password = "pw-officer-123"

    @classmethod
    def _create(cls, model_class, username, password, **fields):
        return model_class.objects.create_user(username, password=password, **fields)

    @factory.post_generation
    def districts(self, create, districts, **kwargs):
        if create:
            chosen = ("phu-xuyen",) if districts is None else districts
            roles.grant(self, [d if isinstance(d, District) else district(d) for d in chosen])


class CityAdminFactory(DjangoModelFactory):
    """A city administrator: a superuser, who sees every district."""

    class Meta:
        model = get_user_model()

    username = "city"
    email = "c@example.com"
    password = "pw"

    @classmethod
    def _create(cls, model_class, username, email, password, **fields):
        return model_class.objects.create_superuser(username, email, password, **fields)


class ProducerUserFactory(DjangoModelFactory):
    """A user who signs in to the producer area for `producer=` (a new one by default),
    through an active ProducerAccount, with the password `pw-producer-123`."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"producer{n}@example.com")
    email = factory.SelfAttribute("username")
    password = "pw-producer-123"

    @classmethod
    def _create(cls, model_class, username, password, **fields):
        return model_class.objects.create_user(username, password=password, **fields)

    @factory.post_generation
    def producer(self, create, producer, **kwargs):
        if create:
            from catalogue.models import ProducerAccount
            from tests.factories.catalogue import ProducerFactory

            ProducerAccount.objects.create(user=self, producer=producer or ProducerFactory())

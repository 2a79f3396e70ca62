"""Every admin page a city administrator opens answers 200."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    call_command("load_demo", "--no-images", verbosity=0)
    client.force_login(factories.CityAdminFactory(username="root", email="root@example.com"))
    return client


def test_every_admin_list_add_and_change_page_answers_200(superuser_client):
    failures = []
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        urls = [reverse("admin:%s_%s_changelist" % info)]
        if model_admin.has_add_permission(_request(superuser_client)):
            urls.append(reverse("admin:%s_%s_add" % info))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls.append(reverse("admin:%s_%s_change" % info, args=[first.pk]))
        for url in urls:
            status = superuser_client.get(url).status_code
            if status != 200:
                failures.append((url, status))
    assert failures == []


def _request(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username="root")
    return request


def test_admin_shows_the_derived_certificate_status_read_only(superuser_client):
    from catalogue.models import Product

    expired = Product.objects.certificate_expired().first()
    page = superuser_client.get(reverse("admin:catalogue_product_change", args=[expired.pk]))
    body = page.content.decode()
    assert "cert-expired" in body
    assert 'name="certificate_status' not in body


def test_admin_filters_products_by_certificate_status(superuser_client):
    from catalogue.models import Product

    url = reverse("admin:catalogue_product_changelist") + "?certificate=withdrawn"
    body = superuser_client.get(url).content.decode()
    withdrawn = Product.objects.certificate_withdrawn().first()
    current = Product.objects.certificate_current().first()
    assert withdrawn.name in body
    assert f">{current.name}<" not in body

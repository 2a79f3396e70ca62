"""load_demo on a real deployment: it never changes what exists, and it stays out of a
database holding real data (`make run` runs it on every start)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from catalogue.models import Product
from tests import factories
from villages.models import Village

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", "--no-images", *args, stdout=out)
    return out.getvalue()


def test_a_restart_keeps_a_changed_password_an_officers_edit_and_their_districts(client):
    load_demo()
    User = get_user_model()
    admin = User.objects.get(username="admin")
    admin.set_password("a-real-secret-2026")
    admin.save()
    product = Product.objects.filter(producer__district__slug="phu-xuyen").order_by("pk").first()
    product.price = 9_800_000
    product.name_en = "Renamed by the officer"
    product.save()
    lot = product.lots.first()
    if lot is not None:
        lot.steps.all().delete()
    village = Village.objects.get(slug="bat-trang")
    village.crafts.clear()
    officer = User.objects.get(username="officer.gialam")
    officer.officer_districts.clear()
    officer.is_active = False
    officer.save()

    load_demo()  # what `make run` does on the next start

    product.refresh_from_db()
    assert (product.price, product.name_en) == (9_800_000, "Renamed by the officer")
    if lot is not None:
        assert not lot.steps.exists()
    assert not village.crafts.exists()
    officer.refresh_from_db()
    assert not officer.is_active and not officer.officer_districts.exists()

    def sign_in(password):
        client.logout()
        response = client.post("/admin/login/?next=/admin/", {"username": "admin", "password": password})
        return response.status_code == 302

    assert not sign_in("ocop-admin-demo")
    assert sign_in("a-real-secret-2026")
    # `make run` no longer prints a password that does not open anything.
    printed = load_demo("--print-logins")
    assert "admin " not in printed and "officer.phuxuyen" in printed


def test_load_demo_refuses_a_database_holding_real_records():
    factories.VillageFactory(name="Làng thật")
    with pytest.raises(CommandError, match="holds data that load_demo did not make.*villages.*DEMO=0 make run"):
        load_demo()
    assert not Product.objects.exists()
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.parametrize("username", ["city.admin", "admin"])
def test_load_demo_refuses_a_database_with_real_accounts(username):
    # Even one named like a demo login: a real `admin` made with createsuperuser.
    get_user_model().objects.create_superuser(username, password="a-real-secret-2026")
    with pytest.raises(CommandError, match="user accounts"):
        load_demo()
    assert get_user_model().objects.get(username=username).check_password("a-real-secret-2026")


def test_make_runs_mode_skips_a_real_database_without_failing_and_force_overrides():
    factories.VillageFactory(name="Làng thật")
    output = load_demo("--if-empty-or-demo")
    assert "not loaded" in output
    assert not Product.objects.exists()
    load_demo("--force")
    assert Product.objects.exists()


def test_a_restart_survives_an_officer_renaming_a_demo_product_in_vietnamese():
    """The demo finds a product's kind from its plan, not from its (editable) name."""
    load_demo()
    product = Product.objects.order_by("pk").first()
    product.name_vi = "Tên do cán bộ đặt lại"
    product.save()

    load_demo()  # what `make run` does on the next start

    product.refresh_from_db()
    assert product.name_vi == "Tên do cán bộ đặt lại"

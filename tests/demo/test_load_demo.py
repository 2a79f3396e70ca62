"""Reference data (districts, crafts) and the demo catalogue."""

import pytest
from django.core.management import call_command
from django.db.models import Count

from catalogue.models import Lot, OcopGroup, Producer, Product, ProductImage
from orders.banks import bin_for_name
from orders.models import PayeeAccount
from showrooms.models import Showroom, ShowroomStock
from tests.language import english_page
from villages.models import Craft, District, Village

pytestmark = pytest.mark.django_db


def test_hanoi_has_its_thirty_pre_reform_districts():
    kinds = dict(District.objects.values_list("kind").annotate(n=Count("id")))
    assert kinds == {"urban": 12, "rural": 17, "town": 1}
    phu_xuyen = District.objects.get(slug="phu-xuyen")
    assert (phu_xuyen.name, phu_xuyen.code, phu_xuyen.province.name) == ("Phú Xuyên", "280", "Hà Nội")
    assert District.objects.get(slug="son-tay").kind == "town"


def test_crafts_have_vietnamese_and_english_names():
    lacquer = Craft.objects.get(slug="lacquer")
    assert (lacquer.name_vi, lacquer.name_en) == ("Sơn mài", "Lacquer")
    assert Craft.objects.filter(name_en="").count() == 0


def demo_counts():
    return {
        model.__name__: model.objects.count()
        for model in [Village, Producer, Product, ProductImage, Lot, Showroom, ShowroomStock]
    }


def test_load_demo_builds_a_realistic_catalogue_and_is_safe_to_run_twice():
    call_command("load_demo", verbosity=0)
    first = demo_counts()
    call_command("load_demo", verbosity=0)
    assert demo_counts() == first

    assert first["Product"] >= 150
    assert first["Showroom"] >= 10
    assert set(Product.objects.values_list("stars", flat=True)) == {3, 4, 5}
    assert set(Product.objects.values_list("group", flat=True)) == set(OcopGroup.values)
    assert Product.objects.exclude(craft=None).values("craft").distinct().count() >= 12
    assert Product.objects.filter(images__isnull=True).count() == 0
    assert Village.objects.get(slug="bat-trang").district.slug == "gia-lam"
    assert Village.objects.get(slug="chuyen-my").district.slug == "phu-xuyen"
    # It marks itself as demo data.
    assert not Village.objects.filter(is_demo=False).exists()
    assert not Producer.objects.filter(is_demo=False).exists()
    # Certificates in every state, so the badges can be seen.
    assert Product.objects.certificate_expired().exists()
    assert Product.objects.certificate_expiring().exists()
    assert Product.objects.certificate_withdrawn().exists()
    # Some producers take bank transfers and some do not, so checkout shows both cases.
    paid_by_transfer = Producer.objects.filter(payee_account__isnull=False).count()
    assert 0 < paid_by_transfer < Producer.objects.count()
    # Their banks have real BINs, so the demo's VietQR codes open in banking apps.
    assert not PayeeAccount.objects.filter(bank_bin="").exists()
    assert {bin_for_name(account.bank_name) for account in PayeeAccount.objects.all()} == set(
        PayeeAccount.objects.values_list("bank_bin", flat=True)
    )
    withdrawn = Product.objects.certificate_withdrawn().first()
    assert withdrawn.certificate_withdrawn_reason_vi and withdrawn.certificate_withdrawn_reason_en


def test_demo_logins_work_and_officers_have_their_districts(client):
    call_command("load_demo", "--no-images", verbosity=0)

    # Through the real login form: django-axes watches it.
    def sign_in(username, password):
        client.logout()
        response = client.post("/admin/login/?next=/admin/", {"username": username, "password": password})
        return response.status_code == 302 and response["Location"] == "/admin/"

    assert sign_in("admin", "ocop-admin-demo")
    assert client.get("/admin/").status_code == 200
    assert sign_in("officer.phuxuyen", "ocop-phuxuyen-demo")
    assert sign_in("officer.gialam", "ocop-gialam-demo")
    assert not sign_in("officer.gialam", "wrong-password")
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.get(username="officer.phuxuyen")
    assert not officer.is_superuser
    assert list(officer.officer_districts.values_list("slug", flat=True)) == ["phu-xuyen"]
    gialam = get_user_model().objects.get(username="officer.gialam")
    assert list(gialam.officer_districts.values_list("slug", flat=True)) == ["gia-lam"]
    # The admin greets an officer by name ("Chào mừng bạn, Hằng"), as it would a real one.
    client.cookies["django_language"] = "vi"
    assert sign_in("officer.gialam", "ocop-gialam-demo")
    greeting = client.get("/admin/").content.decode()
    assert f"<strong>{gialam.first_name}</strong>" in greeting and gialam.get_full_name()
    assert not any(word in gialam.get_full_name() for word in ("District", "officer", "Producer"))


def test_demo_banner_shows_while_demo_data_is_loaded(client):
    assert "Demo data" not in english_page(client, "/en/")
    call_command("load_demo", "--no-images", verbosity=0)
    assert "Demo data" in english_page(client, "/en/")


def test_generate_catalogue_adds_plausible_searchable_products():
    call_command("generate_catalogue", products=120, batch_size=50, no_progress=True, verbosity=0)
    generated = Product.objects.filter(slug__startswith="gen-")
    assert generated.count() == 120
    assert Lot.objects.filter(product__in=generated).count() == 120
    assert not generated.filter(search_text="").exists()
    assert not generated.filter(certificate_valid_until=None).exists()
    # Running it again adds more rather than clashing with the first run.
    call_command("generate_catalogue", products=30, no_progress=True, verbosity=0)
    assert Product.objects.filter(slug__startswith="gen-").count() == 150

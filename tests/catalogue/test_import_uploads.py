"""Uploaded import files: kept where every worker and instance can read them, named by a
token (never a server path), removed after the import, after a failed preview, and when
a preview is left unconfirmed; 10,000 rows preview and import in one go."""

import datetime
import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from catalogue.import_admin import PENDING_HOURS, PendingImportStorage
from catalogue.models import Product
from tests import factories
from tests.import_files import confirm, preview, product_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pending_files():
    storage = PendingImportStorage()
    return storage.list_pending()


def test_the_confirm_form_holds_a_token_not_a_server_path(importing_officer):
    response = preview(importing_officer, product_csv([{"slug": "hop-1"}]))
    body = response.content.decode()
    token = response.context["confirm_form"].initial["import_file_name"]
    assert "/tmp" not in body and "/" not in token and "\\" not in token
    assert re.fullmatch(r"[A-Za-z0-9:_-]+", token)
    assert len(pending_files()) == 1  # kept for the confirmation, in shared storage


def test_nothing_is_left_behind_after_the_import_is_confirmed(importing_officer):
    response = preview(importing_officer, product_csv([{"slug": "hop-1"}, {"slug": "hop-2"}]))
    assert confirm(importing_officer, response).status_code == 302
    assert Product.objects.filter(slug__startswith="hop-").count() == 2
    assert pending_files() == []


def test_a_preview_with_errors_leaves_no_file(importing_officer):
    response = preview(importing_officer, product_csv([{"slug": "hop-1", "stars": "9"}]))
    assert response.context.get("confirm_form") is None
    assert pending_files() == []


def test_previews_never_confirmed_are_removed_when_they_are_old(importing_officer, settings):
    storage = PendingImportStorage()
    storage.save(b"slug\nold\n")
    old = storage.name
    preview(importing_officer, product_csv([{"slug": "hop-1"}]))
    assert old in pending_files()  # a colleague may still confirm a fresh one
    later = datetime.timedelta(hours=PENDING_HOURS, minutes=1)
    PendingImportStorage.remove_stale(now=lambda: datetime.datetime.now(datetime.timezone.utc) + later)
    assert pending_files() == []


@pytest.mark.parametrize(
    "tampered",
    ["/etc/passwd", "../../ocop_site/settings.py", "0123456789abcdef0123456789abcdef", "", "x" * 400],
)
def test_a_tampered_confirmation_is_refused_without_reading_any_file(importing_officer, tampered):
    response = preview(importing_officer, product_csv([{"slug": "hop-1"}]))
    data = dict(response.context["confirm_form"].initial, import_file_name=tampered)
    answer = importing_officer.post(reverse("admin:catalogue_product_process_import"), data)
    assert answer.status_code in (200, 400)
    assert "upload the file again" in answer.content.decode()
    assert not Product.objects.filter(slug="hop-1").exists()


def test_another_users_preview_cannot_be_confirmed(importing_officer, client):
    response = preview(importing_officer, product_csv([{"slug": "hop-1"}]))
    data = response.context["confirm_form"].initial
    colleague = factories.OfficerFactory(username="officer.px2", districts=["phu-xuyen"])
    importing_officer.force_login(colleague)
    answer = importing_officer.post(reverse("admin:catalogue_product_process_import"), data)
    assert "upload the file again" in answer.content.decode()
    assert not Product.objects.filter(slug="hop-1").exists()


def test_the_pending_file_is_stored_where_every_instance_reads_it(importing_officer, settings):
    """Not /tmp of one machine: the storage every instance shares (media, or S3)."""
    preview(importing_officer, product_csv([{"slug": "hop-1"}]))
    (name,) = pending_files()
    path = PendingImportStorage(name=name).storage_path()
    assert str(settings.MEDIA_ROOT) in path or not path.startswith("/tmp/tmp")


@pytest.mark.skipif(not os.environ.get("OCOP_SLOW_TESTS"), reason="minutes long: set OCOP_SLOW_TESTS=1")
def test_ten_thousand_rows_are_checked_and_imported_in_steps(importing_officer):
    """The real size, with the real step (bench/imports.py times it: docs/performance.md)."""
    rows = [{"slug": f"hop-{i}", "price": str(100_000 + i)} for i in range(10_000)]
    pages, checked = run_steps(importing_officer, preview(importing_officer, product_csv(rows)), confirm_import=False)
    assert "10000 new" in checked.content.decode().replace(",", "").replace(".", "")
    job = re.search(r'name="job" value="([^"]+)"', checked.content.decode()).group(1)
    pages, done = run_steps(
        importing_officer, importing_officer.post(checked.request["PATH_INFO"], {"job": job, "confirm": "1"})
    )
    assert done.url.endswith("/admin/catalogue/product/")
    assert Product.objects.filter(slug__startswith="hop-").count() == 10_000
    assert Product.objects.get(slug="hop-9999").price == 109_999
    assert pending_files() == []


def run_steps(client, response, confirm_import=True, limit=100):
    """Follow a long file's step pages as the browser does (each page submits the next)."""
    pages = []
    for _ in range(limit):
        assert response.status_code == 302, response.status_code
        url = response.url
        if "/import/steps/" not in url:
            return pages, response
        page = client.get(url)
        pages.append(page)
        body = page.content.decode()
        job = re.search(r'name="job" value="([^"]+)"', body)
        if job is None:
            return pages, page
        data = {"job": job.group(1)}
        if 'name="confirm"' in body:
            if not confirm_import:
                return pages, page
            data["confirm"] = "1"
        response = client.post(url.split("?")[0], data)
    raise AssertionError("the steps never ended")


def test_a_long_file_is_checked_then_imported_in_steps(importing_officer, monkeypatch):
    from catalogue.admin import ProductAdmin

    monkeypatch.setattr(ProductAdmin, "chunk_rows", 40)
    rows = [{"slug": f"hop-{i}", "price": str(100_000 + i)} for i in range(100)]
    pages, checked = run_steps(importing_officer, preview(importing_officer, product_csv(rows)), confirm_import=False)
    assert "40 of 100 rows checked" in pages[1].content.decode()
    assert "100 new" in checked.content.decode()
    assert not Product.objects.filter(slug__startswith="hop-").exists()  # checked, not saved
    assert "/tmp" not in checked.content.decode()
    pages, done = run_steps(
        importing_officer,
        importing_officer.post(
            checked.request["PATH_INFO"],
            {"job": re.search(r'name="job" value="([^"]+)"', checked.content.decode()).group(1), "confirm": "1"},
        ),
    )
    assert done.url.endswith("/admin/catalogue/product/")
    assert Product.objects.filter(slug__startswith="hop-").count() == 100
    assert Product.objects.get(slug="hop-99").price == 100_099
    assert pending_files() == []


def test_a_long_file_with_errors_lists_them_all_and_saves_nothing(importing_officer, monkeypatch):
    from catalogue.admin import ProductAdmin

    monkeypatch.setattr(ProductAdmin, "chunk_rows", 40)
    rows = [{"slug": f"hop-{i}"} for i in range(100)]
    rows[5]["stars"] = "9"
    rows[77]["certificate_date"] = "03-01-26"
    rows[90]["slug"] = "hop-3"  # twice in the file
    pages, last = run_steps(importing_officer, preview(importing_officer, product_csv(rows)))
    body = last.content.decode()
    for number in (6, 78, 91):
        assert f'data-row="{number}"' in body
    assert "“03-01-26”" in body and "row 4 of this file" in body
    assert not Product.objects.filter(slug__startswith="hop-").exists()
    assert pending_files() == []


def test_the_steps_of_a_long_file_belong_to_the_officer_who_uploaded_it(importing_officer, monkeypatch):
    from catalogue.admin import ProductAdmin

    monkeypatch.setattr(ProductAdmin, "chunk_rows", 40)
    response = preview(importing_officer, product_csv([{"slug": f"hop-{i}"} for i in range(100)]))
    steps_url = response.url
    job = parse_qs(urlsplit(steps_url).query)["job"][0]
    assert importing_officer.post(steps_url.split("?")[0], {"job": job}).url == steps_url  # the owner moves on
    importing_officer.force_login(factories.OfficerFactory(username="officer.px2", districts=["phu-xuyen"]))
    answer = importing_officer.post(steps_url.split("?")[0], {"job": job})
    assert answer.status_code == 302 and answer.url.endswith("/import/")
    assert not Product.objects.filter(slug__startswith="hop-").exists()


@pytest.fixture
def analysed(monkeypatch):
    """The models the import asked core.db.analyze() about, in order."""
    calls = []
    monkeypatch.setattr("catalogue.import_admin.analyze", lambda *models: calls.append(models))
    return calls


def test_a_confirmed_import_ends_with_analyze_and_a_cache_bump(importing_officer, analysed):
    from core import cache as ocop_cache

    response = preview(importing_officer, product_csv([{"slug": "hop-1"}]))
    assert analysed == []  # a preview writes nothing
    before = ocop_cache.generation()
    confirm(importing_officer, response)
    assert analysed == [(Product,)]
    assert ocop_cache.generation() != before


def test_a_long_import_ends_with_analyze_once_all_steps_are_saved(importing_officer, monkeypatch, analysed):
    from catalogue.admin import ProductAdmin

    monkeypatch.setattr(ProductAdmin, "chunk_rows", 40)
    rows = [{"slug": f"hop-{i}"} for i in range(100)]
    pages, checked = run_steps(importing_officer, preview(importing_officer, product_csv(rows)), confirm_import=False)
    assert analysed == []  # checking writes nothing
    job = re.search(r'name="job" value="([^"]+)"', checked.content.decode()).group(1)
    run_steps(importing_officer, importing_officer.post(checked.request["PATH_INFO"], {"job": job, "confirm": "1"}))
    assert analysed == [(Product,)]

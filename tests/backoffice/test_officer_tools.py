"""A district officer's day: import a CSV, fix a row, upload photos, see what expires,
with every change recorded and throttled sign-ins."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from catalogue.models import Product, ProductImage, Scan
from core.images import clean_uploaded_image
from tests import factories
from tests.import_files import preview, product_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(officer, english_officer_client):
    """conftest's officer, signed in on `client` with the admin in English."""
    return officer


@pytest.fixture
def places():
    own_producer = factories.ProducerFactory(
        name="Sơn mài Sơn Hà",
        slug="son-mai-son-ha",
        village=factories.VillageFactory(name="Sơn Hà", district_slug="phu-xuyen"),
    )
    other_producer = factories.ProducerFactory(
        name="Gốm Bát Tràng",
        slug="gom-bat-trang",
        village=factories.VillageFactory(name="Bát Tràng", district_slug="gia-lam"),
    )
    return own_producer, other_producer


# --- history ---------------------------------------------------------------------------------


def village_form_data(village, **changes):
    data = {
        "name": village.name,
        "slug": village.slug,
        "district": village.district_id,
        "commune_note": village.commune_note,
        "crafts": [c.pk for c in village.crafts.all()],
        "description_vi": village.description_vi or "",
        "description_en": "",
        "opening_times_vi": "",
        "opening_times_en": "",
        "directions_vi": "",
        "directions_en": "",
        "latitude": village.latitude,
        "longitude": village.longitude,
        "recognised_year": "",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_every_change_is_recorded_with_who_which_fields_and_can_be_restored(client, officer, places):
    village = places[0].village
    village.commune_note = "Xã Thử"
    village.save()
    url = reverse("admin:villages_village_change", args=[village.pk])
    response = client.post(url, village_form_data(village, commune_note="Xã Phú Xuyên"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    village.refresh_from_db()
    assert village.commune_note == "Xã Phú Xuyên"

    latest = village.history.latest()
    assert latest.history_user == officer
    history_page = client.get(reverse("admin:villages_village_history", args=[village.pk])).content.decode()
    assert "officer.px" in history_page
    assert "Xã Thử" in history_page and "Xã Phú Xuyên" in history_page  # old → new

    # Restore the first version from its history page.
    first = village.history.earliest()
    revert_url = reverse("admin:villages_village_simple_history", args=[village.pk, first.history_id])
    assert client.get(revert_url).status_code == 200
    client.post(revert_url, village_form_data(village, commune_note="Xã Thử"))
    village.refresh_from_db()
    assert village.commune_note == "Xã Thử"


def test_history_of_another_districts_record_is_hidden(client, officer, places):
    other = places[1].village
    version = other.history.earliest()
    assert client.get(reverse("admin:villages_village_history", args=[other.pk])).status_code == 404
    revert_url = reverse("admin:villages_village_simple_history", args=[other.pk, version.history_id])
    assert client.get(revert_url).status_code == 404


# --- import and export -----------------------------------------------------------------------


def test_import_preview_shows_row_errors_in_words_and_writes_nothing(client, officer, places):
    csv_text = product_csv(
        [
            {"slug": "hop-1"},
            {"slug": "hop-2", "stars": "6"},
            {"slug": "hop-3", "producer": "gom-bat-trang"},
            {"slug": "hop-4", "gtin": "8934567890123"},
        ]
    )
    response = preview(client, csv_text)
    body = response.content.decode()
    assert response.status_code == 200
    assert "OCOP stars are 3, 4 or 5" in body or "is not a valid choice" in body
    assert "in your districts" in body  # the Gia Lâm producer does not resolve for this officer
    assert "check digit" in body
    assert "confirm" not in response.context or response.context.get("confirm_form") is None
    assert not Product.objects.filter(slug__startswith="hop-").exists()


def test_valid_import_is_confirmed_after_the_preview_and_writes_every_row(client, officer, places):
    csv_text = product_csv([{"slug": "hop-1"}, {"slug": "hop-2", "gtin": "8934567890120"}])
    confirm_form = preview(client, csv_text).context["confirm_form"]
    assert not Product.objects.filter(slug__startswith="hop-").exists()  # the preview was a dry run
    response = client.post(reverse("admin:catalogue_product_process_import"), confirm_form.initial)
    assert response.status_code == 302
    imported = Product.objects.filter(slug__startswith="hop-").order_by("slug")
    assert [p.slug for p in imported] == ["hop-1", "hop-2"]
    assert imported[1].gtin == "08934567890120"
    assert imported[0].certificate_valid_until == datetime.date(2029, 3, 1)  # 36 months, derived
    assert imported[0].trace_code  # made automatically
    assert imported[0].history.latest().history_user == officer


def test_import_cannot_update_another_districts_product(client, officer, places):
    factories.PublishedProductFactory(name="Bình gốm", producer=places[1], slug="binh-gom-gl")
    response = preview(client, product_csv([{"slug": "binh-gom-gl"}]))
    assert "outside your districts" in response.content.decode()
    assert Product.objects.get(slug="binh-gom-gl").producer == places[1]


def test_export_contains_only_the_officers_districts(client, officer, places):
    factories.PublishedProductFactory(name="Hộp sơn mài xuất", producer=places[0])
    factories.PublishedProductFactory(name="Bình gốm Gia Lâm", producer=places[1])
    url = reverse("admin:catalogue_product_export")
    form = client.get(url).context["form"]
    csv_format = next(value for value, label in form.fields["format"].choices if str(label).lower() == "csv")
    data = {"format": csv_format, "resource": "0"}
    data.update({name: "on" for name, field in form.fields.items() if field.__class__.__name__ == "BooleanField"})
    response = client.post(url, data)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8-sig")
    assert "Hộp sơn mài xuất" in text
    assert "Bình gốm Gia Lâm" not in text


# --- uploads -----------------------------------------------------------------------------------


def image_bytes(fmt="JPEG", size=(64, 48), exif_orientation=None):
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))
    buffer = io.BytesIO()
    kwargs = {}
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation  # Orientation
        exif[0x8825] = {2: (21.0, 0.0, 0.0)}  # a GPS block, which must not survive
        kwargs["exif"] = exif
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def test_upload_is_re_encoded_without_exif_and_turned_upright():
    raw = image_bytes(exif_orientation=6)  # "rotate 90° clockwise to display"
    cleaned = clean_uploaded_image(SimpleUploadedFile("photo.JPG", raw, content_type="image/jpeg"))
    with Image.open(cleaned) as result:
        assert result.size == (48, 64)  # orientation applied: now portrait
        assert not result.getexif()
    assert cleaned.name == "photo.jpg"


@pytest.mark.parametrize(
    "name, payload, message",
    [
        ("notes.jpg", b"not an image at all", "not an image we can read"),
        ("anim.gif", image_bytes("GIF"), "upload a JPEG, PNG or WebP"),
        ("huge.png", image_bytes("PNG", size=(8000, 5001)), "at most 40 are accepted"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(name, payload, message):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            clean_uploaded_image(SimpleUploadedFile(name, payload))
        assert message in " ".join(error.value.messages)


def test_files_over_ten_megabytes_are_refused():
    from django.core.exceptions import ValidationError

    big = SimpleUploadedFile("big.jpg", b"\xff" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError):
        clean_uploaded_image(big)


def test_officer_uploads_a_photo_through_the_admin_and_a_bad_file_saves_nothing(client, officer, places):
    product = factories.PublishedProductFactory(name="Khay sơn mài", producer=places[0])
    url = reverse("admin:catalogue_product_change", args=[product.pk])
    form = client.get(url).context["adminform"].form
    base = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    base.update(
        {
            "name_vi": product.name_vi,
            "unit_vi": product.unit_vi,
            "slug": product.slug,
            "producer": product.producer_id,
            "craft": product.craft_id,
            "certificate_date": product.certificate_date.isoformat(),
            "certificate_valid_until": product.certificate_valid_until.isoformat(),
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "1000",
            "lots-TOTAL_FORMS": "0",
            "lots-INITIAL_FORMS": "0",
            "lots-MIN_NUM_FORMS": "0",
            "lots-MAX_NUM_FORMS": "1000",
            "images-0-alt_text_vi": "Khay sơn mài đỏ",
            "images-0-position": "0",
        }
    )
    base = {k: ("" if v is None else v) for k, v in base.items()}
    bad = dict(base, **{"images-0-image": SimpleUploadedFile("x.jpg", b"nope", content_type="image/jpeg")})
    response = client.post(url, bad)
    assert response.status_code == 200  # the form comes back
    assert "not an image we can read" in response.content.decode()
    assert not ProductImage.objects.filter(product=product).exists()

    good = dict(
        base,
        **{
            "images-0-image": SimpleUploadedFile("khay.jpg", image_bytes(exif_orientation=6), content_type="image/jpeg")
        },
    )
    response = client.post(url, good)
    assert response.status_code == 302
    saved = ProductImage.objects.get(product=product)
    with Image.open(saved.image.path) as stored:
        assert not stored.getexif()
    assert (saved.width, saved.height) == (48, 64)


# --- dashboard and sign-in -------------------------------------------------------------------


def test_dashboard_lists_what_needs_attention_in_the_officers_districts_only(client, officer, places):
    today = timezone.localdate()
    factories.PublishedProductFactory(
        name="Nón sắp hết hạn",
        producer=places[0],
        certificate_date=today - datetime.timedelta(days=1000),
        certificate_valid_until=today + datetime.timedelta(days=20),
    )
    factories.ExpiredProductFactory(name="Quạt hết hạn vẫn đăng", producer=places[0])
    factories.ExpiredProductFactory(name="Gốm hết hạn Gia Lâm", producer=places[1])
    body = client.get(reverse("admin:index")).content.decode()
    assert "Certificates expiring within 90 days" in body
    assert "Nón sắp hết hạn" in body
    assert "Quạt hết hạn vẫn đăng" in body
    assert "Gốm hết hạn Gia Lâm" not in body
    assert "Products without images" in body


def test_dashboard_names_the_producer_of_products_with_the_same_name(client, officer, places):
    """A village's producers often sell products of one name ("Bộ bát đĩa men gio"): the
    most scanned and the reviews waiting say whose each is."""
    second = factories.ProducerFactory(name="Sơn mài Hạ Thái", village=places[0].village)
    for producer, scans in ((places[0], 3), (second, 2)):
        product = factories.PublishedProductFactory(name="Khay sơn mài", producer=producer)
        for _ in range(scans):
            Scan.objects.create(product=product, scanned_at=timezone.now(), language="vi", source="qr")
        factories.review(product, status="pending")
    client.cookies["django_language"] = "en"
    body = client.get(reverse("admin:index")).content.decode()
    assert "Sơn mài Sơn Hà · 3 scans" in body and "Sơn mài Hạ Thái · 2 scans" in body
    assert body.count("Sơn mài Sơn Hà · ") == 2 and body.count("Sơn mài Hạ Thái · ") == 2  # a review each


def test_admin_speaks_the_language_chosen(client, officer):
    client.cookies["django_language"] = "vi"
    assert "Chứng nhận sắp hết hạn" in client.get(reverse("admin:index")).content.decode()
    client.cookies["django_language"] = "en"
    assert "Certificates expiring" in client.get(reverse("admin:index")).content.decode()


def test_repeated_wrong_passwords_lock_the_account_out(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    get_user_model().objects.create_user("officer.lock", password="right-password-123", is_staff=True)
    for _ in range(settings.SIGNIN_FAILURES_PER_USERNAME):
        client.post("/admin/login/", {"username": "officer.lock", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "officer.lock", "password": "right-password-123"})
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()

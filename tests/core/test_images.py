"""Uploaded photos: sizes and shapes that would hang a page are refused in words, and the
stored file carries pixels only (no comment, EXIF, XMP, IPTC, ICC or text chunk)."""

import io
import struct

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageCms, PngImagePlugin

from catalogue.models import ProductImage
from core.images import clean_uploaded_image
from tests import factories

pytestmark = pytest.mark.django_db

SECRETS = (b"21.0285", b"105.8542", b"<script>", b"Nguyen Van A")
GPS_COMMENT = b"GPS 21.0285N 105.8542E <script>alert(1)</script> Nguyen Van A"


def upload(payload, name="photo.jpg"):
    return SimpleUploadedFile(name, payload, content_type="image/jpeg")


def picture(size=(800, 600), mode="RGB"):
    image = Image.new(mode, size, (200, 30, 30) if mode == "RGB" else 0)
    if mode == "RGB":
        image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))
    return image


def encoded(image, fmt="JPEG", **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def refusal(payload, name="photo.jpg"):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            clean_uploaded_image(upload(payload, name))
        return " ".join(error.value.messages)


# --- shapes and sizes --------------------------------------------------------------------


def test_the_reported_20000_by_2_image_is_refused_with_a_message_in_words():
    message = refusal(encoded(picture((20000, 2))))
    assert "20000 × 2" in message
    assert "at most 4 times" in message


@pytest.mark.parametrize("size", [(2000, 10), (10, 2000), (4001, 1000), (900, 3000 * 4)])
def test_extreme_aspect_ratios_are_refused(size):
    assert "at most 4 times" in refusal(encoded(picture(size, mode="L"), "PNG"), "strip.png")


def test_a_side_longer_than_the_limit_is_refused_even_within_40_megapixels():
    # 12,000 × 3,000 is 36 megapixels and 4:1, but one side is too long.
    message = refusal(encoded(picture((12000, 3000), mode="1"), "PNG"), "panorama.png")
    assert "at most 10,000 pixels" in message


def test_a_4_to_1_panorama_within_the_limits_is_accepted():
    cleaned = clean_uploaded_image(upload(encoded(picture((4000, 1000)))))
    with Image.open(cleaned) as result:
        assert result.size == (4000, 1000)


def test_the_refusal_is_in_vietnamese_for_vietnamese_officers():
    with translation.override("vi"):
        with pytest.raises(ValidationError) as error:
            clean_uploaded_image(upload(encoded(picture((20000, 2)))))
    message = " ".join(error.value.messages)
    assert "20000 × 2" in message and "4 lần" in message


# --- metadata ------------------------------------------------------------------------------


def jpeg_segments(data):
    """(marker, payload) of every segment before the first scan, then the markers after it."""
    assert data[:2] == b"\xff\xd8"
    segments, i = [], 2
    while i < len(data):
        assert data[i] == 0xFF, f"not a marker at {i}"
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        segments.append((marker, data[i + 4 : i + 2 + length]))
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        i += 2 + length
    return segments


def png_chunks(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, i = [], 8
    while i < len(data):
        length = struct.unpack(">I", data[i : i + 4])[0]
        chunks.append(data[i + 4 : i + 8].decode("latin-1"))
        i += 12 + length
    return chunks


def webp_chunks(data):
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    chunks, i = [], 12
    while i < len(data):
        fourcc, length = data[i : i + 4].decode("latin-1"), struct.unpack("<I", data[i + 4 : i + 8])[0]
        chunks.append(fourcc)
        i += 8 + length + (length & 1)
    return chunks


def assert_clean_jpeg(data):
    segments = jpeg_segments(data)
    markers = [marker for marker, _ in segments]
    assert 0xFE not in markers, "a COM (comment) segment survived"
    app = [(marker, payload[:5]) for marker, payload in segments if 0xE0 <= marker <= 0xEF]
    # Only the JFIF header (version and pixel density, nothing about the photo) may stay.
    assert app in ([], [(0xE0, b"JFIF\x00")]), app
    for secret in SECRETS:
        assert secret not in data


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def exif_with_gps():
    exif = Image.Exif()
    exif[0x010E] = "Nguyen Van A"  # ImageDescription
    exif[0x8825] = {2: (21.0, 1.0, 2.0), 4: (105.0, 85.0, 42.0)}  # GPS
    return exif


def app_segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with_every_metadata_block():
    data = encoded(
        picture(),
        exif=exif_with_gps(),
        comment=GPS_COMMENT,
        icc_profile=srgb_profile(),
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">GPS 21.0285 105.8542</x:xmpmeta>',
    )
    # Photoshop IPTC (APP13) and a vendor block (APP15) after the start-of-image marker.
    extra = app_segment(0xED, b"Photoshop 3.0\x008BIM\x04\x04\x00\x00Nguyen Van A") + app_segment(0xEF, b"21.0285")
    return data[:2] + extra + data[2:]


def test_jpeg_comment_exif_xmp_iptc_and_icc_blocks_are_all_gone_from_the_cleaned_file():
    raw = jpeg_with_every_metadata_block()
    assert GPS_COMMENT in raw and 0xFE in [m for m, _ in jpeg_segments(raw)]  # the test file has them
    cleaned = clean_uploaded_image(upload(raw)).read()
    assert_clean_jpeg(cleaned)
    with Image.open(io.BytesIO(cleaned)) as result:
        # Converted to sRGB, then untagged: browsers read untagged photos as sRGB.
        assert "icc_profile" not in result.info
        assert result.getpixel((600, 300)) == pytest.approx((200, 30, 30), abs=6)


def test_png_text_exif_and_icc_chunks_are_all_gone_from_the_cleaned_file():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", GPS_COMMENT.decode())
    info.add_text("Location", "21.0285 105.8542", zip=True)  # zTXt
    info.add_itxt("Author", "Nguyen Van A")
    raw = encoded(picture(), "PNG", pnginfo=info, exif=exif_with_gps(), icc_profile=srgb_profile())
    assert {"tEXt", "zTXt", "iTXt", "eXIf", "iCCP"} <= set(png_chunks(raw))
    cleaned = clean_uploaded_image(upload(raw, "photo.png")).read()
    assert set(png_chunks(cleaned)) <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}
    for secret in SECRETS:
        assert secret not in cleaned


def test_png_transparency_is_kept():
    image = Image.new("RGBA", (200, 150), (0, 0, 0, 0))
    image.paste((10, 200, 10, 255), (0, 0, 100, 150))
    cleaned = clean_uploaded_image(upload(encoded(image, "PNG"), "cut-out.png"))
    with Image.open(cleaned) as result:
        assert result.convert("RGBA").getpixel((150, 10))[3] == 0


def test_webp_exif_xmp_and_icc_chunks_are_all_gone_from_the_cleaned_file():
    raw = encoded(
        picture(),
        "WEBP",
        exif=exif_with_gps(),
        icc_profile=srgb_profile(),
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">GPS 21.0285 105.8542</x:xmpmeta>',
    )
    assert {"EXIF", "XMP ", "ICCP"} <= set(webp_chunks(raw))
    cleaned = clean_uploaded_image(upload(raw, "photo.webp")).read()
    assert set(webp_chunks(cleaned)) <= {"VP8 ", "VP8L", "VP8X", "ALPH"}
    for secret in SECRETS:
        assert secret not in cleaned


def test_a_phone_multi_picture_jpeg_is_accepted_as_a_plain_jpeg():
    """Many phones save MPO (a JPEG with a second picture inside); Pillow calls it MPO."""
    raw = encoded(picture(), "MPO", save_all=True, append_images=[picture((400, 300))])
    with Image.open(io.BytesIO(raw)) as probe:
        assert probe.format == "MPO"
    cleaned = clean_uploaded_image(upload(raw)).read()
    assert_clean_jpeg(cleaned)
    assert b"MPF\x00" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as result:
        assert result.format == "JPEG" and result.size == (800, 600)


# --- through the admin ---------------------------------------------------------------------


def change_form_data(client, url):
    """What the admin change form would post back unchanged (main form and inline management forms)."""
    context = client.get(url).context
    form = context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, (list, tuple)) else ("on" if value is True else value)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        data[f"{formset.prefix}-TOTAL_FORMS"] = formset.initial_form_count()
    return data


@pytest.fixture
def admin_client_en(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(get_user_model().objects.create_superuser("media-admin", password="pw-media-123"))
    return client


def post_photo(client, product, payload, name="photo.jpg"):
    url = reverse("admin:catalogue_product_change", args=[product.pk])
    data = change_form_data(client, url)
    data.update(
        {
            "images-TOTAL_FORMS": 1,
            "images-0-image": SimpleUploadedFile(name, payload, content_type="image/jpeg"),
            "images-0-alt_text_vi": "Khay sơn mài",
            "images-0-position": 0,
        }
    )
    return client.post(url, data)


def test_admin_refuses_the_20000_by_2_image_in_words_and_saves_nothing(admin_client_en):
    product = factories.PublishedProductFactory(name="Khay sơn mài")
    response = post_photo(admin_client_en, product, encoded(picture((20000, 2))))
    assert response.status_code == 200
    body = response.content.decode()
    assert "20000 × 2" in body and "at most 4 times" in body
    assert not ProductImage.objects.filter(product=product).exists()


def test_admin_upload_stores_a_clean_file_and_its_thumbnails(admin_client_en):
    from core.thumbnails import PHOTO_SIZES, thumbnail_name

    product = factories.PublishedProductFactory(name="Khay sơn mài")
    response = post_photo(admin_client_en, product, jpeg_with_every_metadata_block())
    assert response.status_code == 302
    saved = ProductImage.objects.get(product=product)
    with saved.image.open("rb") as stored:
        assert_clean_jpeg(stored.read())
    for size in PHOTO_SIZES:
        for fmt in size.formats:
            name = thumbnail_name(saved.image.name, size, fmt)
            assert default_storage.exists(name), name
            if fmt == "jpeg":
                with default_storage.open(name) as thumbnail:
                    assert_clean_jpeg(thumbnail.read())


def test_a_photo_saved_with_its_translated_alt_text_stores_its_size(db):
    """Width and height are stored with the row: a row without them makes Django open the
    file to measure it every time the row is loaded (every card of every list). Saved as
    load_demo saves its pictures (alt text per language, file saved through the field)."""
    from django.core.files.base import ContentFile

    product = factories.PublishedProductFactory()
    photo = ProductImage(product=product, alt_text_vi="Ảnh bình gốm", alt_text_en="Photo of a vase", position=0)
    photo.image.save("binh.jpg", ContentFile(encoded(picture((640, 480)))), save=True)
    assert ProductImage.objects.filter(pk=photo.pk).values_list("width", "height").get() == (640, 480)


def test_a_photo_whose_file_is_missing_leaves_its_pages_working(client, db):
    """A database restored without its media, or a file removed by hand: the product's
    pages still answer (with the placeholder), they do not fail with a server error."""
    photo = factories.ProductImageFactory()
    ProductImage.objects.filter(pk=photo.pk).update(width=None, height=None)
    default_storage.delete(photo.image.name)
    product = photo.product
    for url in (product.get_absolute_url(), reverse("catalogue:product_list"), product.get_trace_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert product.name in response.content.decode()

"""Small factories for tests: each makes a valid row with sensible defaults, named by state.

Districts and crafts come from the data migrations, so tests use the real Hanoi rows.
"""

import datetime
import io
import itertools
import uuid

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from catalogue.models import CertificateLevel, Lot, Producer, Product, ProductImage, ProductionStep
from orders import services
from showrooms.models import Showroom, ShowroomStock
from villages import roles
from villages.models import Craft, District, Village

_sequence = itertools.count(1)

# The local date the `today` fixture (conftest.py) freezes time at.
FROZEN_TODAY = datetime.date(2026, 6, 1)


def district(slug="phu-xuyen"):
    return District.objects.get(slug=slug)


def craft(slug="ceramics"):
    return Craft.objects.get(slug=slug)


def make_village(name=None, district_slug="gia-lam", crafts=("ceramics",), **fields):
    n = next(_sequence)
    name = name or f"Làng thử {n}"
    village = Village.objects.create(
        name=name,
        slug=fields.pop("slug", f"village-{n}"),
        district=district(district_slug),
        current_commune=fields.pop("current_commune", "Xã Thử"),
        latitude=fields.pop("latitude", 20.97),
        longitude=fields.pop("longitude", 105.91),
        **fields,
    )
    village.crafts.set([craft(slug) for slug in crafts])
    return village


def make_producer(name=None, village=None, district_slug=None, **fields):
    n = next(_sequence)
    if village is None and district_slug is None:
        village = make_village()
    district_obj = village.district if village else district(district_slug)
    return Producer.objects.create(
        name=name or f"Cơ sở thử {n}",
        slug=fields.pop("slug", f"producer-{n}"),
        kind=fields.pop("kind", Producer.Kind.HOUSEHOLD),
        village=village,
        district=district_obj,
        phone=fields.pop("phone", "0912 345 678"),
        **fields,
    )


def make_product(name="Bình gốm men lam", producer=None, craft_slug="ceramics", **fields):
    n = next(_sequence)
    producer = producer or make_producer()
    decision_date = fields.pop("certificate_date", timezone.localdate() - datetime.timedelta(days=100))
    values = {
        # Explicit _vi columns: the active language must not decide where a name lands.
        "name_vi": name,
        "slug": f"product-{n}",
        "producer": producer,
        "craft": craft(craft_slug) if craft_slug else None,
        "group": "handicrafts",
        "product_set": "handicrafts-decor",
        "stars": 4,
        "certificate_number": f"{n}/QĐ-UBND",
        "certificate_issuer": "UBND thành phố Hà Nội",
        "certificate_level": CertificateLevel.PROVINCE,
        "certificate_date": decision_date,
        "price": 350_000,
        "unit_vi": "chiếc",
        "stock_quantity": 10,
        "is_published": True,
    }
    values.update(fields)
    return Product.objects.create(**values)


def make_expired_product(**fields):
    today = timezone.localdate()
    return make_product(
        certificate_date=today - datetime.timedelta(days=1200),
        certificate_valid_until=today - datetime.timedelta(days=1),
        **fields,
    )


def make_withdrawn_product(**fields):
    return make_product(certificate_withdrawn=True, certificate_withdrawn_reason="Thu hồi", **fields)


def make_lot(product=None, code="L2601-01", steps=2, **fields):
    product = product or make_product()
    lot = Lot.objects.create(
        product=product,
        code=code,
        produced_on=fields.pop("produced_on", datetime.date(2026, 1, 10)),
        quantity=fields.pop("quantity", 50),
        **fields,
    )
    for position in range(steps):
        ProductionStep.objects.create(
            lot=lot, name_vi=f"Công đoạn {position + 1}", done_on=datetime.date(2026, 1, 1 + position), position=position
        )
    return lot


def make_showroom(name=None, district_slug="gia-lam", products=(), **fields):
    n = next(_sequence)
    showroom = Showroom.objects.create(
        name=name or f"Điểm OCOP thử {n}",
        slug=fields.pop("slug", f"showroom-{n}"),
        kind=fields.pop("kind", Showroom.Kind.SHOWROOM),
        district=district(district_slug),
        address=fields.pop("address", "Số 1, Hà Nội"),
        latitude=fields.pop("latitude", 20.98),
        longitude=fields.pop("longitude", 105.92),
        **fields,
    )
    for product in products:
        ShowroomStock.objects.create(showroom=showroom, product=product)
    return showroom


def make_officer(username="officer.px", district_slugs=("phu-xuyen",), password="pw-officer-123"):
    """A district officer exactly as `manage.py officer grant` makes one (villages/roles.py)."""
    user = get_user_model().objects.create_user(username, password=password)
    roles.grant(user, [district(slug) for slug in district_slugs])
    return user


def jpeg(color=(30, 80, 160), size=(640, 480)):
    """An uploaded JPEG photo of one colour."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def add_photo(product, position=0):
    return ProductImage.objects.create(
        product=product, image=jpeg(), alt_text=f"Ảnh {product.name}", position=position
    )


def place_order(*products_and_quantities, fulfilment="delivery", showroom=None, **fields):
    """An order placed through the service, as checkout does: (product, quantity) pairs."""
    values = {
        "token": uuid.uuid4(),
        "items": {product.pk: quantity for product, quantity in products_and_quantities},
        "name": "Trần Văn Minh",
        "phone": "+84986123456",
        "fulfilment": fulfilment,
        "address": "5 Lý Thái Tổ" if fulfilment == "delivery" else "",
        "showroom": showroom,
        "payment": "cash",
    }
    values.update(fields)
    return services.place_order(**values).order

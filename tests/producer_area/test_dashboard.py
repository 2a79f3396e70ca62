"""The dashboard: scans of the producer's products in the last 30 days (buffered scans
written first) and the upcoming events they take part in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Scan
from tests import factories
from tests.language import en_reverse, vi_reverse

pytestmark = pytest.mark.django_db


def scan(product, days_ago=1):
    return Scan.objects.create(
        product=product, scanned_at=timezone.now() - datetime.timedelta(days=days_ago), language="vi", source="qr"
    )


def test_the_dashboard_counts_recent_scans_of_own_products_and_lists_their_events(producer_client, area):
    own, other = area["own"], area["other"]
    for _ in range(3):
        scan(own["product"])
    scan(own["product"], days_ago=40)  # too old
    scan(other["product"])  # another producer's
    mine = factories.EventFactory(title="Hội chợ gốm Phú Xuyên")
    mine.producers.set([own["producer"]])
    theirs = factories.EventFactory(title="Hội chợ Gia Lâm")
    theirs.producers.set([other["producer"]])
    page = producer_client.get(reverse("producer_area:dashboard")).content.decode()
    assert f'{own["product"].name}</span> <strong class="num">3</strong>' in page
    assert other["product"].name not in page
    assert mine.title in page and theirs.title not in page


def test_the_english_dashboard_names_the_scanned_products_in_english(producer_client, area):
    product = area["own"]["product"]
    type(product).objects.filter(pk=product.pk).update(name_vi="Cốc gốm men nâu", name_en="Brown-glaze mug")
    scan(product)
    page = producer_client.get(en_reverse("producer_area:dashboard")).content.decode()
    assert 'Brown-glaze mug</span> <strong class="num">1</strong>' in page and "Cốc gốm men nâu" not in page
    page = producer_client.get(vi_reverse("producer_area:dashboard")).content.decode()
    assert 'Cốc gốm men nâu</span> <strong class="num">1</strong>' in page


def test_one_new_order_is_said_in_the_singular(producer_client, area):
    """The fixture gives the producer one new order."""
    page = producer_client.get(en_reverse("producer_area:dashboard")).content.decode()
    assert "<strong>1</strong> new order to confirm" in page and "1</strong> new orders" not in page
    factories.OrderFactory(lines=[(area["own"]["product"], 1)], phone="+84912000444")
    page = producer_client.get(en_reverse("producer_area:dashboard")).content.decode()
    assert "<strong>2</strong> new orders to confirm" in page

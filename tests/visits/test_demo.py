"""The demo's routes and events: realistic, valid, and dated so that some are always upcoming."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.language import english_page, vietnamese_page
from visits.models import Event, Route

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", "--no-images", verbosity=0)


def test_the_demo_has_upcoming_and_past_events_of_every_kind(demo):
    events = Event.objects.all()
    for event in events:
        event.full_clean()
        assert event.is_demo
    assert set(events.values_list("kind", flat=True)) == set(Event.Kind.values)
    assert Event.objects.upcoming().count() >= 3 and Event.objects.past().count() >= 2
    live = Event.objects.get(slug="livestream-kham-trai-chuyen-my")
    assert live.platform == "Facebook" and live.district.slug == "phu-xuyen"
    assert Event.objects.get(slug="ngay-hoi-gom-bat-trang").village.name == "Bát Tràng"
    fair = Event.objects.get(slug="hoi-cho-ocop-ha-noi")
    assert "91 Trần Hưng Đạo" in fair.address and fair.products.exists()


def test_the_demo_routes_visit_phu_xuyen_and_bat_trang_with_van_phuc(demo, client):
    phu_xuyen = Route.objects.get(slug="mot-ngay-o-lang-nghe-phu-xuyen")
    assert [stop.name for stop in phu_xuyen.stops.all()][1:3] == ["Chuyên Mỹ", "Xuân La"]
    both = Route.objects.get(slug="bat-trang-va-van-phuc-trong-mot-ngay")
    names = [stop.name for stop in both.stops.all()]
    assert names[0] == "Bát Tràng" and "Vạn Phúc" in names
    assert all(km is None or km < 25 for _stop, km, _minutes in both.legs())
    body = vietnamese_page(client, both.get_absolute_url())
    assert "Bát Tràng và Vạn Phúc trong một ngày" in body and "(ước tính)" in body
    assert "Bát Tràng and Vạn Phúc in one day" in english_page(client, "/en" + both.get_absolute_url())


def test_a_second_load_changes_no_event(demo):
    before = list(Event.objects.order_by("slug").values_list("slug", "starts_at"))
    call_command("load_demo", "--no-images", verbosity=0)
    assert list(Event.objects.order_by("slug").values_list("slug", "starts_at")) == before
    assert timezone.is_aware(before[0][1])

"""Places with real coordinates for the route and event tests."""

from decimal import Decimal

import pytest

from tests import factories


@pytest.fixture
def bat_trang(db):
    return factories.VillageFactory(
        name="Bát Tràng",
        slug="bat-trang",
        district_slug="gia-lam",
        latitude=Decimal("20.976600"),
        longitude=Decimal("105.914200"),
        opening_hours_osm="Mo-Su 08:00-17:30",
    )


@pytest.fixture
def van_phuc(db):
    return factories.VillageFactory(
        name="Vạn Phúc",
        slug="van-phuc",
        district_slug="ha-dong",
        crafts=["silk-weaving"],
        latitude=Decimal("20.980700"),
        longitude=Decimal("105.775300"),
        opening_times="Cả tuần, sáng đến chiều",
    )


@pytest.fixture
def showroom(db, bat_trang):
    return factories.ShowroomFactory(
        name="Điểm OCOP Bát Tràng",
        slug="diem-ocop-bat-trang",
        village=bat_trang,
        district_slug="gia-lam",
        latitude=Decimal("20.975000"),
        longitude=Decimal("105.912000"),
        opening_hours_osm="Tu-Su 08:00-17:00; Mo off",
    )


@pytest.fixture
def route(bat_trang, van_phuc, showroom):
    """Bát Tràng, its showroom, then Vạn Phúc, with notes."""
    route = factories.RouteFactory(
        title_vi="Bát Tràng và Vạn Phúc trong một ngày",
        title_en="Bát Tràng and Vạn Phúc in one day",
        slug="bat-trang-van-phuc",
        district_slug="gia-lam",
        stops=[bat_trang, showroom, van_phuc],
    )
    route.stops.filter(position=1).update(note_vi="Xem nặn gốm", note_en="Watch potters at the wheel")
    return route

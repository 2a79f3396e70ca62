"""visits/here.py: the routes and events of a page's subject read in one UNION query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from visits.here import visits_here

pytestmark = pytest.mark.django_db


def test_routes_and_events_come_from_one_query_with_every_column_in_its_place(route, bat_trang):
    event = factories.EventFactory(title_vi="Lễ hội gốm", village=bat_trang, address="", slug="le-hoi")
    with CaptureQueriesContext(connection) as queries:
        routes, events = visits_here(bat_trang)
    assert len(queries) == 1
    sql = queries[0]["sql"]
    parts = sql.split(" UNION ALL ")
    assert len(parts) == 2
    # Both halves list the columns in the same order (column_0, column_1, …).
    for part in parts:
        names = [name for name in part.split('"') if name.startswith("column_")]
        assert names == [f"column_{n}" for n in range(12)]
    (found_route,) = routes
    assert (found_route.slug, found_route.title, found_route.district_name) == (
        "bat-trang-van-phuc",
        "Bát Tràng và Vạn Phúc trong một ngày",
        "Gia Lâm",
    )
    (found_event,) = events
    assert (found_event.slug, found_event.title, found_event.place_name) == ("le-hoi", "Lễ hội gốm", "Bát Tràng")
    assert found_event.starts_at == event.starts_at and found_event.ends_at == event.ends_at

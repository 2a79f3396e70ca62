"""Test data named by state: factory_boy factories, one module per app.

Each factory makes a valid row with sensible defaults; the class name (or a trait) says the
state: `PublishedProductFactory`, `DraftProductFactory`, `ExpiredProductFactory`,
`PublishedProductFactory(withdrawn=True)`, `OfficerFactory(districts=["gia-lam"])`.
Districts and crafts come from the data migrations, so factories look up the real Hanoi rows
by slug (`district_slug=`, `craft_slug=`) instead of making new ones.

    from tests import factories
    product = factories.PublishedProductFactory(name="Bình gốm", stars=5)
"""

import datetime

from tests.factories.accounts import CityAdminFactory, OfficerFactory, ProducerUserFactory
from tests.factories.catalogue import (
    CertificationFactory,
    DecisionFactory,
    DraftProductFactory,
    ExpiredProductFactory,
    LotFactory,
    ProducerFactory,
    ProductImageFactory,
    ProductionStepFactory,
    PublishedProductFactory,
    WithdrawnProductFactory,
    make_scans,
)
from tests.factories.images import jpeg
from tests.factories.orders import OrderFactory, completed_order, review
from tests.factories.showrooms import ShowroomFactory, StockFactory
from tests.factories.villages import VillageFactory, VillageImageFactory, commune, craft, district
from tests.factories.visits import EventFactory, RouteFactory, StopFactory, hanoi

# The local date the `today` fixture (conftest.py) freezes time at.
FROZEN_TODAY = datetime.date(2026, 6, 1)

__all__ = [
    "FROZEN_TODAY",
    "completed_order",
    "review",
    "CertificationFactory",
    "CityAdminFactory",
    "ProducerUserFactory",
    "DecisionFactory",
    "DraftProductFactory",
    "EventFactory",
    "ExpiredProductFactory",
    "LotFactory",
    "OfficerFactory",
    "OrderFactory",
    "ProducerFactory",
    "ProductImageFactory",
    "ProductionStepFactory",
    "PublishedProductFactory",
    "RouteFactory",
    "ShowroomFactory",
    "StockFactory",
    "StopFactory",
    "VillageFactory",
    "VillageImageFactory",
    "commune",
    "WithdrawnProductFactory",
    "craft",
    "district",
    "hanoi",
    "jpeg",
    "make_scans",
]

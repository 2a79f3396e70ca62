"""Every factory in tests/factories/ makes a row its model accepts, in the state its name says."""

import pytest

from catalogue.certificates import CertificateStatus
from tests import factories

pytestmark = pytest.mark.django_db

ROW_FACTORIES = [
    factories.VillageFactory,
    factories.ProducerFactory,
    factories.PublishedProductFactory,
    factories.DraftProductFactory,
    factories.ExpiredProductFactory,
    factories.WithdrawnProductFactory,
    factories.ProductImageFactory,
    factories.LotFactory,
    factories.ProductionStepFactory,
    factories.ShowroomFactory,
    factories.StockFactory,
    factories.RouteFactory,
    factories.StopFactory,
    factories.EventFactory,
]


@pytest.mark.parametrize("factory", ROW_FACTORIES, ids=lambda f: f.__name__)
def test_factory_rows_pass_model_validation(factory):
    factory().full_clean()


def test_product_states_are_what_the_names_say(today):
    assert factories.PublishedProductFactory().certificate_status_on(today.date) == CertificateStatus.VALID
    assert not factories.DraftProductFactory().is_published
    assert factories.ExpiredProductFactory().certificate_status_on(today.date) == CertificateStatus.EXPIRED
    assert factories.WithdrawnProductFactory().certificate_status_on(today.date) == CertificateStatus.WITHDRAWN
    assert factories.PublishedProductFactory(out_of_stock=True).stock_quantity == 0
    candidate = factories.PublishedProductFactory(potential_five=True)
    candidate.full_clean()
    assert candidate.potential_five_star and candidate.stars == 4


def test_people_hold_the_roles_their_names_say():
    officer = factories.OfficerFactory(districts=["phu-xuyen", "gia-lam"])
    assert officer.is_staff and not officer.is_superuser
    assert sorted(officer.officer_districts.values_list("slug", flat=True)) == ["gia-lam", "phu-xuyen"]
    assert officer.check_password("pw-officer-123")
    assert factories.CityAdminFactory().is_superuser


def test_orders_are_placed_through_the_service_and_split_per_producer():
    one, other = factories.PublishedProductFactory(), factories.PublishedProductFactory()
    order = factories.OrderFactory(lines=[(one, 2), (other, 1)])
    assert order.parts.count() == 2
    assert order.total == 3 * 350_000
    pickup = factories.OrderFactory(
        lines=[(one, 1)], fulfilment="pickup", showroom=factories.ShowroomFactory(products=[one])
    )
    assert pickup.address == "" and pickup.showroom is not None

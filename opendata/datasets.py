"""What opendata publishes: one Dataset per kind of record, read by the API's viewsets, the
bulk files and the /open-data/ page alike, so a record is the same everywhere.

Adding a kind of record: a serializer in serializers.py, a named queryset method in the owning app, a Dataset
below (in DATASETS to get files too), and a three-line viewset in views.py registered
in urls.py's VIEWSETS. The schema, the files, datapackage.json and the page follow.
"""

from dataclasses import dataclass
from typing import Callable

from django.utils.translation import gettext_lazy as _

from catalogue.caching import RECORDS, REGISTER
from catalogue.models import Certification, Decision, Producer, Product
from core.cache import CATALOGUE
from showrooms.models import Showroom
from villages.models import Commune, Craft, District, Village

from . import filters, serializers

# The cache generations (core/cache.py) of what every dataset shows: "catalogue" (any save of
# a place, craft, producer, showroom, image...) and RECORDS (any save of a product, even of a
# field no list shows, such as its GTIN). The API's cached answers and the files follow them.
CONCERNS = (CATALOGUE, RECORDS, REGISTER)


@dataclass(frozen=True)
class Dataset:
    name: str  # the URL segment and the files' names: /api/v1/<name>/, <name>.csv
    title: str
    description: str
    serializer: type
    # The rows, in a stable order (id): pages and files never skip or repeat a row.
    queryset: Callable
    filterset: type = filters.NoFilters
    lookup_field: str = "slug"


PRODUCTS = Dataset(
    name="products",
    title=_("Products"),
    description=_(
        "Published OCOP products with their stars, group, certificate status and end date, price, "
        "producer and place. Products whose certificate expired or was withdrawn are included, with "
        "that status."
    ),
    serializer=serializers.ProductSerializer,
    queryset=lambda: Product.objects.published().for_api().order_by("pk"),
    filterset=filters.ProductFilter,
)
PRODUCERS = Dataset(
    name="producers",
    title=_("Producers"),
    description=_(
        "Households, cooperatives and enterprises with at least one published product: name, kind, "
        "address and business contacts."
    ),
    serializer=serializers.ProducerSerializer,
    queryset=lambda: Producer.objects.with_published_products().for_api().order_by("pk"),
    filterset=filters.ProducerFilter,
)
VILLAGES = Dataset(
    name="villages",
    title=_("Craft villages"),
    description=_("Craft villages with their crafts, district, current commune and map point."),
    serializer=serializers.VillageSerializer,
    queryset=lambda: Village.objects.for_listing().order_by("pk"),
    filterset=filters.VillageFilter,
)
SHOWROOMS = Dataset(
    name="showrooms",
    title=_("Showrooms"),
    description=_("Open OCOP showrooms and sales points: address, phone, opening hours and map point."),
    serializer=serializers.ShowroomSerializer,
    queryset=lambda: Showroom.objects.active().for_listing().order_by("pk"),
    filterset=filters.ShowroomFilter,
)

DECISIONS = Dataset(
    name="decisions",
    title=_("OCOP decisions"),
    description=_(
        "The decisions that certified published products: number, date, issuing body and level, "
        "the validity of their certificates, and the scan of the signed decision where there is one."
    ),
    serializer=serializers.DecisionSerializer,
    queryset=lambda: Decision.objects.public().order_by("pk"),
    filterset=filters.DecisionFilter,
)
CERTIFICATIONS = Dataset(
    name="certifications",
    title=_("Certificates"),
    description=_(
        "Each published product's certificates, past and current: the decision, stars, "
        "assessment or re-assessment, validity, status today, and withdrawals with their date and reason."
    ),
    serializer=serializers.CertificationSerializer,
    queryset=lambda: Certification.objects.public().for_api().order_by("pk"),
    filterset=filters.CertificationFilter,
    lookup_field="pk",
)

# Small lists of the values the filters take.
CRAFTS = Dataset(
    name="crafts",
    title=_("Crafts"),
    description=_("Crafts, in Vietnamese and English."),
    serializer=serializers.CraftSerializer,
    queryset=lambda: Craft.objects.order_by("slug"),
)
DISTRICTS = Dataset(
    name="districts",
    title=_("Districts"),
    description=_("Hanoi's districts as they were before July 2025, which OCOP records still name."),
    serializer=serializers.DistrictSerializer,
    queryset=lambda: District.objects.order_by("code"),
)
COMMUNES = Dataset(
    name="communes",
    title=_("Communes and wards"),
    description=_("Hanoi's communes and wards since the 1 July 2025 reform, with their official codes."),
    serializer=serializers.CommuneSerializer,
    queryset=lambda: Commune.objects.order_by("code"),
)

# The datasets with bulk files, in the order the page lists them.
DATASETS = [PRODUCTS, PRODUCERS, VILLAGES, SHOWROOMS, DECISIONS, CERTIFICATIONS]
LOOKUPS = [CRAFTS, DISTRICTS, COMMUNES]
BY_NAME = {dataset.name: dataset for dataset in DATASETS}

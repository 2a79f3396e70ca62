"""The OCOP certificate: what it rates (group, product set, stars), who issues it, and the
rules of its status (valid, expiring, expired, withdrawn) in Python and as query filters.

catalogue.models imports these names and still offers them, so `from catalogue.models
import Stars` and the like keep working.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CERTIFICATE_VALIDITY_MONTHS = 36
EXPIRING_WITHIN_DAYS = 90


class OcopGroup(models.TextChoices):
    """The six product groups of Decision 148/QĐ-TTg (2023)."""

    FOOD = "food", _("Food")
    BEVERAGES = "beverages", _("Beverages")
    HERBS = "herbs", _("Herbs and herbal products")
    HANDICRAFTS = "handicrafts", _("Handicrafts")
    ORNAMENTAL = "ornamental", _("Ornamental plants and animals")
    TOURISM = "tourism", _("Community tourism services and tourist sites")


class ProductSet(models.TextChoices):
    """The 26 product sets of Decision 148/QĐ-TTg (2023), numbered as the decision numbers them.

    The value's prefix names its group (see GROUP_OF_SET); `number` is the set's number in the
    decision. Source: secondary summaries of the decision (legal-news sites and other OCOP
    projects' seed data), not its own text; see ../shared/domain.md and docs/decisions.md.
    """

    FOOD_FRESH_PRODUCE = "food-fresh-produce", _("Fresh vegetables, tubers, fruit and nuts")
    FOOD_FRESH_ANIMAL = "food-fresh-animal", _("Fresh meat, seafood, eggs and milk")
    FOOD_GRAINS = "food-grains", _("Rice, cereals and pre-processed grains")
    FOOD_HONEY_RAW = "food-honey-raw", _("Honey, other syrups and raw farm foods")
    FOOD_CONVENIENCE = "food-convenience", _("Convenience food")
    FOOD_CEREAL_PRODUCTS = "food-cereal-products", _("Processed rice and cereal products")
    FOOD_PRODUCE_PRODUCTS = "food-produce-products", _("Processed vegetables, tubers, fruit and nuts")
    FOOD_ANIMAL_PRODUCTS = "food-animal-products", _("Processed meat, seafood, eggs, milk and honey")
    FOOD_SAUCES = "food-sauces", _("Soy sauce, fish sauce and liquid seasonings")
    FOOD_SPICES = "food-spices", _("Other spices and seasonings")
    FOOD_TEA = "food-tea", _("Fresh and processed tea")
    FOOD_HERBAL_TEA = "food-herbal-tea", _("Teas from other plants")
    FOOD_COFFEE_COCOA = "food-coffee-cocoa", _("Coffee and cocoa")
    BEVERAGES_SPIRITS = "beverages-spirits", _("White spirit")
    BEVERAGES_OTHER_ALCOHOL = "beverages-other-alcohol", _("Other alcoholic drinks")
    BEVERAGES_WATER = "beverages-water", _("Mineral and bottled water")
    BEVERAGES_SOFT = "beverages-soft", _("Non-alcoholic drinks")
    HERBS_MEDICINE = "herbs-medicine", _("Supplements, herbal and traditional medicines")
    HERBS_COSMETICS = "herbs-cosmetics", _("Herbal cosmetics")
    HERBS_OILS = "herbs-oils", _("Essential oils and other herbal products")
    HANDICRAFTS_DECOR = "handicrafts-decor", _("Household and decorative handicrafts")
    HANDICRAFTS_FABRIC = "handicrafts-fabric", _("Fabric and garments")
    ORNAMENTAL_FLOWERS = "ornamental-flowers", _("Flowers")
    ORNAMENTAL_PLANTS = "ornamental-plants", _("Ornamental plants")
    ORNAMENTAL_ANIMALS = "ornamental-animals", _("Ornamental animals")
    TOURISM_SERVICES = "tourism-services", _("Community and eco-tourism services, tourist sites")

    @property
    def group(self):
        return OcopGroup(self.value.split("-", 1)[0])

    @property
    def number(self):
        """1–26, the set's number in Decision 148 (the order of the members above)."""
        return list(ProductSet).index(self) + 1

    @property
    def numbered_label(self):
        return f"{self.number}. {self.label}"


GROUP_OF_SET = {product_set.value: product_set.group.value for product_set in ProductSet}


class Stars(models.IntegerChoices):
    """Only 3, 4 and 5 stars are OCOP-certified."""

    THREE = 3, _("3 stars")
    FOUR = 4, _("4 stars")
    FIVE = 5, _("5 stars")


class CertificateLevel(models.TextChoices):
    DISTRICT = "district", _("District People's Committee")
    PROVINCE = "province", _("Province / City People's Committee")
    NATIONAL = "national", _("National (Ministry)")


class CertificationKind(models.TextChoices):
    ASSESSMENT = "assessment", _("Assessment")
    REASSESSMENT = "reassessment", _("Re-assessment")


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Expiring soon")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @property
    def is_current(self):
        """Valid or expiring: the product may carry the OCOP mark and be sold as OCOP."""
        return self in (CertificateStatus.VALID, CertificateStatus.EXPIRING)


def certificate_valid_until(decision_date):
    """A certificate is valid for 36 months from its decision date."""
    return decision_date + relativedelta(months=CERTIFICATE_VALIDITY_MONTHS)


def certificate_status_of(valid_until, withdrawn, today):
    """The status of one certificate on `today`; certificate_status_conditions() is the
    same rule as query filters."""
    if withdrawn:
        return CertificateStatus.WITHDRAWN
    if today > valid_until:
        return CertificateStatus.EXPIRED
    if (valid_until - today).days <= EXPIRING_WITHIN_DAYS:
        return CertificateStatus.EXPIRING
    return CertificateStatus.VALID


def certified_on(today=None, prefix=""):
    """The condition "published, with a certificate in force on `today`" as a Q object.

    The one definition of what may be shown and sold as OCOP: ProductQuerySet.on_sale()
    filters by it, and counts reached through a relation (a district's or a craft's
    products on the home page) pass the relation as `prefix`, e.g. "products__".
    `today` is the local (Hanoi) date: a certificate valid until 12 March is in force
    all of 12 March, local time.
    """
    today = today or timezone.localdate()
    return Q(**{f"{prefix}is_published": True}) & certificate_in_force(today, prefix)


# The part of certified_on() that does not depend on the date: the condition of the
# list's partial indexes (catalogue/models.py). A query filtering by certified_on() implies
# it, so PostgreSQL and SQLite use those indexes for it.
ON_SALE_ROWS = Q(is_published=True, certificate_withdrawn=False)


def certificate_in_force(today, prefix="", withdrawn="certificate_withdrawn", valid_until="certificate_valid_until"):
    """Valid or expiring on `today`: not withdrawn and not past its end date."""
    return Q(**{f"{prefix}{withdrawn}": False, f"{prefix}{valid_until}__gte": today})


def certificate_status_conditions(today=None, withdrawn="certificate_withdrawn", valid_until="certificate_valid_until"):
    """CertificateStatus -> Q: the rules of certificate_status_of() as filters, for the
    status queryset methods and for counting every status in one aggregate.

    The field names default to the product's copy of its current certificate; the
    certification history passes its own ("withdrawn", "valid_until").
    """
    today = today or timezone.localdate()
    in_force = certificate_in_force(today, withdrawn=withdrawn, valid_until=valid_until)
    expiring = in_force & Q(**{f"{valid_until}__lte": today + datetime.timedelta(days=EXPIRING_WITHIN_DAYS)})
    return {
        CertificateStatus.VALID: in_force & ~expiring,
        CertificateStatus.EXPIRING: expiring,
        CertificateStatus.EXPIRED: Q(**{withdrawn: False, f"{valid_until}__lt": today}),
        CertificateStatus.WITHDRAWN: Q(**{withdrawn: True}),
    }

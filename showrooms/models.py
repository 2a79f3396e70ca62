"""OCOP showrooms and sales points ("OCOP venues") and what they stock."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalogue.models import Product
from core.models import DemoFlagModel, GeoPointModel, TimeStampedModel
from core.opening_hours import opening_hours_field
from villages.models import Commune, District, Village


class ShowroomQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_listing(self):
        return self.select_related("district", "village", "commune")


class Showroom(DemoFlagModel, GeoPointModel, TimeStampedModel):
    class Kind(models.TextChoices):
        SHOWROOM = "showroom", _("OCOP showroom")
        VILLAGE_POINT = "village_point", _("craft-village sales point")
        DESIGN_CENTRE = "design_centre", _("design centre")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="showrooms", verbose_name=_("district")
    )
    village = models.ForeignKey(
        Village,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="showrooms",
        verbose_name=_("craft village"),
    )
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="showrooms",
        verbose_name=_("current commune or ward"),
        help_text=_("Since the July 2025 reform; empty when not known."),
    )
    address = models.CharField(_("address"), max_length=300)
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("In words, for visitors; shown when the hours below are empty, e.g. “call ahead”."),
    )
    # What pages, the map ("open now") and visit routes read: core/opening_hours.py.
    opening_hours_osm = opening_hours_field()
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("open"), default=True)
    products = models.ManyToManyField(
        Product,
        through="ShowroomStock",
        related_name="showrooms",
        blank=True,
        verbose_name=_("products stocked"),
    )

    objects = ShowroomQuerySet.as_manager()

    district_path = "district"  # villages/scoping.py

    class Meta(GeoPointModel.Meta):
        ordering = ["name"]
        verbose_name = _("showroom")
        verbose_name_plural = _("showrooms")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("showrooms:showroom_detail", kwargs={"slug": self.slug})


class ShowroomStock(models.Model):
    """A product on a showroom's shelves."""

    showroom = models.ForeignKey(Showroom, on_delete=models.CASCADE, related_name="stock", verbose_name=_("showroom"))
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="showroom_stock", verbose_name=_("product")
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    # A stock row belongs to the district of the product on the shelf, not the showroom's:
    # in their showroom, an officer edits the rows of their own districts' products and
    # sees the others read-only (showrooms/admin.py; villages/scoping.py).
    district_path = "product__producer__district"

    class Meta:
        ordering = ["showroom", "product"]
        verbose_name = _("showroom stock")
        verbose_name_plural = _("showroom stock")
        constraints = [
            models.UniqueConstraint(fields=["showroom", "product"], name="showroom_stock_once_per_product"),
        ]

    def __str__(self):
        return f"{self.product} @ {self.showroom}"


def nearest_first(showrooms, origin):
    """The showrooms, nearest to `origin` (a located village, or None) first, each with
    `distance_km` set; those without a point, or all of them without an origin, last by name."""
    showrooms = list(showrooms)
    for showroom in showrooms:
        showroom.distance_km = origin.distance_km(showroom) if origin else None
    return sorted(showrooms, key=lambda s: (s.distance_km is None, s.distance_km or 0, s.name))

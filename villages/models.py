"""Places and crafts: provinces, the districts shoppers browse by, crafts and craft villages."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext_lazy as _

from core.models import DemoFlagModel, GeoPointModel, OrderedImageModel, TimeStampedModel
from core.opening_hours import opening_hours_field


class Province(models.Model):
    """Top administrative level. Hanoi first; other provinces can follow with their districts."""

    code = models.CharField(_("official code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class DistrictQuerySet(models.QuerySet):
    def with_province(self):
        return self.select_related("province")


class District(models.Model):
    """A district as it was before the July 2025 reform.

    The district level was abolished on 1 July 2025, but OCOP records, craft villages and
    shoppers still name the old districts, so the catalogue keeps browsing by them.
    """

    class Kind(models.TextChoices):
        URBAN = "urban", _("urban district (quận)")
        RURAL = "rural", _("rural district (huyện)")
        TOWN = "town", _("town (thị xã)")

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="districts", verbose_name=_("province")
    )
    code = models.CharField(_("official code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="officer_districts",
        verbose_name=_("district officers"),
        help_text=_("Staff who keep this district's listings current."),
    )

    objects = DistrictQuerySet.as_manager()

    # The lookup from a row to its district, read by villages/scoping.py: a district is its
    # own district.
    district_path = "pk"

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        permissions = [
            ("manage_all_districts", _("Can manage every district (city administrator)")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{3}$"), name="district_code_three_digits"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("places:district_detail", kwargs={"slug": self.slug})

    @property
    def kind_and_name(self):
        """The district as a sentence names it: "Gia Lâm district" / "huyện Gia Lâm"."""
        if self.kind == self.Kind.URBAN:
            return pgettext("urban district", "%(name)s district") % {"name": self.name}
        if self.kind == self.Kind.TOWN:
            return pgettext("town", "%(name)s town") % {"name": self.name}
        return pgettext("rural district", "%(name)s district") % {"name": self.name}


class CommuneQuerySet(models.QuerySet):
    def matching(self, value):
        """The commune a link or an import names by its code ("00577") or its slug
        ("xa-bat-trang"); none for anything else."""
        value = (value or "").strip()
        if value.isdigit():
            return self.filter(code=value.zfill(5))
        return self.filter(slug=value)


class Commune(models.Model):
    """A commune (xã) or ward (phường) as it is since the 1 July 2025 reform.

    Hanoi's 126 units, loaded from villages/data/hanoi_communes_2025.csv by a migration. They
    sit directly under the province; the old districts are not their parents (old to new is
    many-to-many), so each village, producer and showroom stores its unit explicitly.
    """

    class Kind(models.TextChoices):
        COMMUNE = "xa", _("commune (xã)")
        WARD = "phuong", _("ward (phường)")

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("province")
    )
    code = models.CharField(_("official code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100, help_text=_("As officially written, e.g. 'Xã Bát Tràng'."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune or ward")
        verbose_name_plural = _("communes and wards")
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{5}$"), name="commune_code_five_digits"),
        ]

    def __str__(self):
        return self.name

    @property
    def place_name(self):
        """The name without its kind: "Bát Tràng" for "Xã Bát Tràng"."""
        first, _, rest = self.name.partition(" ")
        return rest if first.lower() in ("xã", "phường") and rest else self.name

    def in_sentence(self, language=None):
        """The unit as running text says it: "xã Bát Tràng" (Vietnamese writes the kind in
        lower case mid-sentence), "Bát Tràng commune" or "Hà Đông ward" in English."""
        language = (language or get_language() or "vi").split("-")[0]
        if language == "en":
            return f"{self.place_name} {'ward' if self.kind == self.Kind.WARD else 'commune'}"
        return f"{'phường' if self.kind == self.Kind.WARD else 'xã'} {self.place_name}"

    @property
    def name_in_sentence(self):
        return self.in_sentence()


class Craft(models.Model):
    """A craft (nghề): ceramics, lacquer, lotus silk... Name translated via modeltranslation."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("craft")
        verbose_name_plural = _("crafts")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("places:craft_detail", kwargs={"slug": self.slug})


class VillageQuerySet(models.QuerySet):
    def for_listing(self):
        """Everything a village card shows, in a fixed number of queries."""
        return self.select_related("district", "commune").prefetch_related("crafts")


class Village(DemoFlagModel, GeoPointModel, TimeStampedModel):
    """A craft village (làng nghề)."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="villages", verbose_name=_("district")
    )
    commune = models.ForeignKey(
        "Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="villages",
        verbose_name=_("current commune or ward"),
        help_text=_(
            "The commune or ward this village belongs to since the July 2025 reform. "
            "Stored as officially named, not derived from the district; empty when not known."
        ),
    )
    commune_note = models.CharField(
        _("commune as written before"),
        max_length=150,
        blank=True,
        help_text=_(
            "The commune or ward as it was typed before the official list was loaded; kept for "
            "the record, and to fill in the commune above where it was not recognised."
        ),
    )
    crafts = models.ManyToManyField(Craft, related_name="villages", verbose_name=_("crafts"))
    is_recognised = models.BooleanField(
        _("recognised traditional craft village"),
        default=False,
        help_text=_("Recognised by the City People's Committee as a (traditional) craft village."),
    )
    recognised_year = models.PositiveSmallIntegerField(_("year recognised"), null=True, blank=True)
    description = models.TextField(_("story"), blank=True)
    opening_times = models.TextField(_("opening times"), blank=True)
    # What pages, the map ("open now") and visit routes read: core/opening_hours.py.
    opening_hours_osm = opening_hours_field()
    directions = models.TextField(_("how to get there"), blank=True)

    objects = VillageQuerySet.as_manager()

    district_path = "district"  # villages/scoping.py

    class Meta(GeoPointModel.Meta):
        ordering = ["name"]
        verbose_name = _("craft village")
        verbose_name_plural = _("craft villages")
        constraints = GeoPointModel.Meta.constraints + [
            models.CheckConstraint(
                condition=Q(recognised_year__isnull=True)
                | Q(is_recognised=True, recognised_year__gte=1900, recognised_year__lte=2100),
                name="village_recognised_year_only_when_recognised",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("places:village_detail", kwargs={"slug": self.slug})


class VillageImage(OrderedImageModel):
    """A photo of a craft village: its workshops, streets, people at work."""

    village = models.ForeignKey(
        Village, on_delete=models.CASCADE, related_name="images", verbose_name=_("craft village")
    )

    class Meta(OrderedImageModel.Meta):
        verbose_name = _("village image")
        verbose_name_plural = _("village images")

    def upload_folder(self):
        return f"villages/{self.village_id}"

"""Producers (the OCOP "chủ thể"), their certified products, images, lots and production steps."""

import contextlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.models import DemoFlagModel, OrderedImageModel, TimeStampedModel
from core.text import fold
from villages.models import Commune, Craft, District, Village

from . import search

# The certificate's choices and status rules live in certificates.py.
from .certificates import (
    GROUP_OF_SET,
    ON_SALE_ROWS,
    CertificateLevel,
    CertificationKind,
    OcopGroup,
    ProductSet,
    Stars,
    certificate_status_of,
    certificate_valid_until,
    certified_on,
)
from .codes import (
    LOT_CODE_PATTERN,
    TRACE_CODE_PATTERN,
    new_trace_code,
    normalise_gtin,
    normalise_trace_code,
    validate_gtin,
)
from .issuers import english_issuer
from .querysets import (
    CertificationQuerySet,
    DecisionQuerySet,
    LotQuerySet,
    ProducerQuerySet,
    ProductQuerySet,
    ScanQuerySet,
)
from .signals import scan_log_read
from .validators import validate_decision_scan


class Producer(DemoFlagModel, TimeStampedModel):
    """The OCOP "chủ thể": the household, cooperative or enterprise that owns the products."""

    class Kind(models.TextChoices):
        HOUSEHOLD = "household", _("household business")
        COOPERATIVE = "cooperative", _("cooperative")
        ENTERPRISE = "enterprise", _("enterprise")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="producers",
        verbose_name=_("craft village"),
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="producers", verbose_name=_("district")
    )
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="producers",
        verbose_name=_("current commune or ward"),
        help_text=_("Since the July 2025 reform; empty when not known."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)
    zalo_url = models.URLField(_("Zalo"), blank=True, help_text=_("A zalo.me link, e.g. https://zalo.me/0912345678"))
    description = models.TextField(_("description"), blank=True)

    objects = ProducerQuerySet.as_manager()

    district_path = "district"  # villages/scoping.py

    class Meta:
        ordering = ["name"]
        verbose_name = _("producer")
        verbose_name_plural = _("producers")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalogue:producer_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.village_id and self.district_id and self.village.district_id != self.district_id:
            raise ValidationError({"village": _("This village is in another district than the producer.")})


class ProducerAccountQuerySet(models.QuerySet):
    def active(self):
        """Accounts that may sign in to the producer area: the link and the user both active."""
        return self.filter(is_active=True, user__is_active=True)


class ProducerAccount(TimeStampedModel):
    """A user who signs in to the producer area (/producer/) for one producer.

    A user belongs to at most one producer (the one-to-one); a producer may have several
    accounts (the owner, a family member who packs orders). Officers invite and deactivate
    them in the admin; which rows the user then reaches is decided in `producer_scope.py`.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="producer_account",
        verbose_name=_("user"),
    )
    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="accounts", verbose_name=_("producer")
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to stop this account signing in to the producer area.")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )

    objects = ProducerAccountQuerySet.as_manager()

    district_path = "producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["producer__name", "user__email"]
        verbose_name = _("producer account")
        verbose_name_plural = _("producer accounts")

    def __str__(self):
        return f"{self.user.email or self.user.get_username()} · {self.producer}"


class FieldCheckConstraint(models.CheckConstraint):
    """A check constraint whose message full_clean() puts on `violation_error_field`, the
    field an officer has to change, rather than above the whole form.

    The database constraint is CheckConstraint's own (they compare equal), so migrations
    see no change.
    """

    def __init__(self, *args, violation_error_field, **kwargs):
        super().__init__(*args, **kwargs)
        self.violation_error_field = violation_error_field

    def validate(self, *args, **kwargs):
        try:
            super().validate(*args, **kwargs)
        except ValidationError as error:
            raise ValidationError({self.violation_error_field: error}) from None

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs["violation_error_field"] = self.violation_error_field
        return path, args, kwargs


class Product(TimeStampedModel):
    """An OCOP-certified product and a copy of its current certificate.

    The certificate's record is its history (`Certification` rows, each under a `Decision`);
    the product carries a copy of the current one (stars, decision, validity, withdrawal)
    because every list, count, index, badge and export asks about that one, and reads it
    off the product row. The copy and the history are kept in step in one place each way:
    typing a certificate on the product (the admin's product form, an import row) records it
    in the history (`record_certificate()`), and any change to the history copies its current
    certificate back (`Certification.save()` → `adopt_current_certificate()`). Its status is
    derived from the dates (valid, expiring within 90 days, expired) unless it was withdrawn.
    """

    producer = models.ForeignKey(
        Producer, on_delete=models.PROTECT, related_name="products", verbose_name=_("producer")
    )
    craft = models.ForeignKey(
        Craft,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("craft"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    group = models.CharField(_("OCOP group"), max_length=20, choices=OcopGroup.choices)
    product_set = models.CharField(_("product set"), max_length=30, choices=ProductSet.choices)
    stars = models.PositiveSmallIntegerField(_("OCOP stars"), choices=Stars.choices)
    potential_five_star = models.BooleanField(
        _("potential 5-star"),
        default=False,
        help_text=_("Rated 4 stars by the city and sent up for national 5-star assessment."),
    )

    certificate_number = models.CharField(_("decision number"), max_length=50, help_text=_("e.g. 1032/QĐ-UBND"))
    certificate_issuer = models.CharField(_("issuing body"), max_length=200, help_text=_("e.g. UBND thành phố Hà Nội"))
    certificate_level = models.CharField(_("issuing level"), max_length=20, choices=CertificateLevel.choices)
    certificate_date = models.DateField(_("decision date"))
    certificate_valid_until = models.DateField(
        _("valid until"),
        blank=True,
        help_text=_("Leave empty for the standard 36 months from the decision date."),
    )
    certificate_withdrawn = models.BooleanField(
        _("certificate withdrawn"),
        default=False,
        help_text=_("Set when the issuing body revokes the certificate."),
    )
    certificate_withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)

    price = models.PositiveIntegerField(_("price (VND)"))
    unit = models.CharField(_("unit"), max_length=50, help_text=_("e.g. piece, set, 500 g box"))
    stock_quantity = models.PositiveIntegerField(_("in stock"), default=0)
    gtin = models.CharField(
        _("GTIN"),
        max_length=14,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_gtin],
        help_text=_("Barcode number (8, 12, 13 or 14 digits); stored as 14 digits."),
    )
    trace_code = models.CharField(
        _("trace code"),
        max_length=12,
        unique=True,
        blank=True,
        help_text=_("Short code in the product's QR link (/t/<code>); made automatically."),
    )
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    # Buyers' published reviews (orders.Review), counted here so that a card shows them
    # without a query: kept current by orders/reviews.py, in the moderation's transaction.
    review_count = models.PositiveIntegerField(_("published reviews"), default=0, editable=False)
    review_average = models.DecimalField(
        _("average review stars"), max_digits=3, decimal_places=2, null=True, blank=True, editable=False
    )

    # Folded (lower-case, no diacritics) copies for accent-insensitive search, kept current
    # by catalogue/search.py. PostgreSQL indexes them with trigrams (see migrations).
    search_name = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")

    objects = ProductQuerySet.as_manager()

    district_path = "producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["-stars", "name"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        constraints = [
            models.CheckConstraint(
                condition=Q(stars__in=Stars.values),
                name="product_stars_3_4_or_5",
                violation_error_message=_("OCOP stars are 3, 4 or 5."),
            ),
            FieldCheckConstraint(
                condition=Q(potential_five_star=False) | Q(stars=Stars.FOUR),
                name="product_potential_five_star_is_four_star",
                violation_error_message=_("Only a 4-star product can be a potential 5-star."),
                violation_error_field="potential_five_star",
            ),
            FieldCheckConstraint(
                condition=Q(
                    *(Q(group=group, product_set=product_set) for product_set, group in GROUP_OF_SET.items()),
                    _connector=Q.OR,
                ),
                name="product_set_belongs_to_group",
                violation_error_message=_("This product set belongs to another OCOP group."),
                violation_error_field="product_set",
            ),
            models.CheckConstraint(
                condition=Q(certificate_valid_until__gte=F("certificate_date")),
                name="product_certificate_valid_after_decision",
                violation_error_message=_("A certificate cannot expire before its decision date."),
            ),
            models.CheckConstraint(
                condition=Q(gtin__isnull=True) | Q(gtin__regex=r"^[0-9]{14}$"),
                name="product_gtin_14_digits",
            ),
            models.CheckConstraint(
                condition=Q(trace_code__regex=TRACE_CODE_PATTERN),
                name="product_trace_code_format",
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "stars"], name="product_published_stars"),
            models.Index(fields=["is_published", "price"], name="product_published_price"),
            models.Index(fields=["is_published", "-created_at"], name="product_published_newest"),
            models.Index(fields=["certificate_valid_until"], name="product_cert_valid_until"),
            # "Related products" of the same craft, best first (related_cards(); see
            # docs/performance.md: 44 ms → 0.1 ms at 100,000 products).
            models.Index(
                fields=["craft", "-stars", "name_vi"],
                condition=Q(is_published=True),
                name="product_published_craft_best",
            ),
            # The product list, one index per sort order (catalogue/filters.py), over the
            # rows it shows: published, certificate not withdrawn. The end date's test
            # (valid until today or later) cannot be part of an index condition, since
            # "today" moves; it is checked on the rows the index walks, and 97% pass.
            # EXPLAIN at 100,000 products: docs/performance.md ("Indexes").
            models.Index(
                fields=["-stars", "-potential_five_star", "name_vi", "id"],
                condition=ON_SALE_ROWS,
                name="product_list_stars_vi",
            ),
            models.Index(
                fields=["-stars", "-potential_five_star", "name_en", "id"],
                condition=ON_SALE_ROWS,
                name="product_list_stars_en",
            ),
            models.Index(fields=["price", "id"], condition=ON_SALE_ROWS, name="product_list_price"),
            models.Index(fields=["-price", "id"], condition=ON_SALE_ROWS, name="product_list_price_desc"),
            models.Index(fields=["created_at", "id"], condition=ON_SALE_ROWS, name="product_list_newest"),
            # The home page's featured products (pages/views.py).
            models.Index(
                fields=["-stars", "-potential_five_star", "-updated_at"],
                condition=ON_SALE_ROWS,
                name="product_featured",
            ),
            # Counts over every product on sale (the list's count, the home page's figures)
            # read this index alone, never the table (PostgreSQL's index-only scan; the
            # INCLUDE columns are left out on SQLite).
            models.Index(
                fields=["certificate_valid_until"],
                include=["id", "stars", "producer", "craft", "group"],
                condition=ON_SALE_ROWS,
                name="product_on_sale_counts",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalogue:product_detail", kwargs={"slug": self.slug})

    # --- traceability (issue 4) -------------------------------------------------------
    def get_trace_url(self):
        """The trace page a scan lands on (a path; the QR code holds qr_url)."""
        return reverse("trace:product", kwargs={"code": self.trace_code})

    @property
    def gs1_path(self):
        """The GS1 Digital Link path /01/<GTIN-14>, or "" without a GTIN."""
        return f"/01/{self.gtin}" if self.gtin else ""

    @property
    def qr_url(self):
        """What the product's QR code encodes: GS1 Digital Link with a GTIN, else /t/<code>.

        Absolute on SITE_URL, never on the request's host: printed labels outlive any
        one request, staging server or admin session.
        """
        return settings.SITE_URL + (self.gs1_path or self.get_trace_url())

    def get_qr_image_url(self, image_format="svg"):
        return reverse("trace:product_qr", kwargs={"code": self.trace_code, "image_format": image_format})

    # --- certificate --------------------------------------------------------------
    def certificate_status_on(self, today):
        return certificate_status_of(self.certificate_valid_until, self.certificate_withdrawn, today)

    @property
    def certificate_status(self):
        return self.certificate_status_on(timezone.localdate())

    # certified_on() for apps that reach products by relation, not by import.
    on_sale_condition = staticmethod(certified_on)

    @property
    def is_on_sale(self):
        """Published with a certificate in force today (the rule of certified_on()): may be
        offered in lists and carts (templates: no star badge or cart otherwise)."""
        return self.is_published and self.certificate_status.is_current

    # --- the certification history ------------------------------------------------------
    # The certificate fields copied from the current Certification (see the class docstring).
    CERTIFICATE_FIELDS = (
        "stars",
        "certificate_number",
        "certificate_issuer_vi",
        "certificate_issuer_en",
        "certificate_level",
        "certificate_date",
        "certificate_valid_until",
        "certificate_withdrawn",
        "certificate_withdrawn_reason_vi",
        "certificate_withdrawn_reason_en",
    )

    @classmethod
    def from_db(cls, db, field_names, values):
        product = super().from_db(db, field_names, values)
        product._certificate_as_loaded = product._certificate_values()
        return product

    def _certificate_values(self):
        # From __dict__: a field left out of the query (.only(), .defer()) is not loaded
        # just to be compared, and reads as unchanged.
        return tuple(self.__dict__.get(name) for name in self.CERTIFICATE_FIELDS)

    def _certificate_typed(self):
        """True when the certificate fields differ from what the history last gave them."""
        return self._certificate_values() != getattr(self, "_certificate_as_loaded", None)

    def record_certificate(self):
        """Record the certificate typed on the product in its history: the decision is found
        or created (number, date and issuer), and this product's certification under it is
        created (an assessment, or a re-assessment if the product had one) or updated."""
        decision, _created = Decision.objects.get_or_create(
            number=self.certificate_number,
            decided_on=self.certificate_date,
            issuer_vi=self.certificate_issuer_vi or self.certificate_issuer,
            defaults={
                "issuer_en": self.certificate_issuer_en or "",
                "level": self.certificate_level,
            },
        )
        certification = self.certifications.filter(decision=decision).first() or Certification(
            product=self,
            decision=decision,
            kind=(CertificationKind.REASSESSMENT if self.certifications.exists() else CertificationKind.ASSESSMENT),
        )
        certification.product = self  # the same object: adopting the current certificate updates it
        certification.stars = self.stars
        certification.valid_until = self.certificate_valid_until
        if self.certificate_withdrawn and not certification.withdrawn:
            # Today, or the decision's date if an officer records a withdrawal under a
            # decision dated ahead (a withdrawal cannot precede its decision).
            certification.withdrawn_on = max(timezone.localdate(), self.certificate_date)
        elif not self.certificate_withdrawn:
            certification.withdrawn_on = None
        certification.withdrawn = self.certificate_withdrawn
        certification.withdrawn_reason_vi = self.certificate_withdrawn_reason_vi or self.certificate_withdrawn_reason
        certification.withdrawn_reason_en = self.certificate_withdrawn_reason_en or ""
        certification.full_clean(exclude=["product"], validate_unique=False, validate_constraints=True)
        certification.save()

    @cached_property
    def certification_history(self):
        """The certifications with their decisions, oldest first (one query, when shown)."""
        return list(self.certifications.select_related("decision").order_by("valid_from", "id"))

    @property
    def has_certification_history(self):
        """More than one certification (`certification_count` from with_certification_count(),
        else counted)."""
        count = getattr(self, "certification_count", None)
        return (count if count is not None else self.certifications.count()) > 1

    def current_certification(self, certifications=None):
        """The certificate in force: the latest (by decision date) not withdrawn, or, when
        every one was withdrawn, the latest. `certifications` may be a prefetched list."""
        rows = sorted(
            self.certifications.select_related("decision") if certifications is None else certifications,
            key=lambda row: (row.valid_from, row.pk or 0),
            reverse=True,
        )
        standing = [row for row in rows if not row.withdrawn]
        return (standing or rows or [None])[0]

    def adopt_current_certificate(self):
        """Copy the current certification onto the product (the only writer of the copy)."""
        current = self.current_certification()
        if current is None:
            return
        decision = current.decision
        copied = {
            "stars": current.stars,
            "certificate_number": decision.number,
            "certificate_issuer_vi": decision.issuer_vi,
            "certificate_issuer_en": decision.issuer_en,
            "certificate_level": decision.level,
            "certificate_date": decision.decided_on,
            "certificate_valid_until": current.valid_until,
            "certificate_withdrawn": current.withdrawn,
            "certificate_withdrawn_reason_vi": current.withdrawn_reason_vi,
            "certificate_withdrawn_reason_en": current.withdrawn_reason_en,
        }
        if self.potential_five_star and current.stars != Stars.FOUR:
            copied["potential_five_star"] = False
        changed = [name for name, value in copied.items() if getattr(self, name) != value]
        for name in changed:
            setattr(self, name, copied[name])
        self._certificate_as_loaded = self._certificate_values()
        if changed:
            self.save(update_fields=[*copied, "certificate_issuer", "certificate_withdrawn_reason", "updated_at"])

    # --- saving ---------------------------------------------------------------------
    def fill_defaults(self):
        """The one place where values left empty are derived and typed codes take the form
        they are stored in: 36 months of validity, a fresh trace code, no GTIN or its 14 digits.

        save() calls it, and so does clean(), so that full_clean() (admin forms, imports)
        checks uniqueness and constraints on the values that will be stored. Bulk loaders
        that give every row its trace code call it without a query per row.
        """
        if self.certificate_date and not self.certificate_valid_until:
            self.certificate_valid_until = certificate_valid_until(self.certificate_date)
        self.trace_code = normalise_trace_code(self.trace_code) or self.unused_trace_code()
        if not self.gtin:
            self.gtin = None  # NULL, not "": products without a GTIN must not clash (unique)
        else:
            # A GTIN that is not one stays as typed: validate_gtin explains it on the field.
            with contextlib.suppress(ValidationError):
                self.gtin = normalise_gtin(self.gtin)

    def clean(self):
        super().clean()
        # The rules are the Meta.constraints, which full_clean() checks after this.
        self.fill_defaults()

    def save(self, *args, **kwargs):
        self.fill_defaults()
        search.build_search_fields(self)
        typed = self._certificate_typed() and bool(self.certificate_number and self.certificate_date)
        # The product and its history are saved together or not at all.
        with transaction.atomic() if typed else contextlib.nullcontext():
            super().save(*args, **kwargs)
            if typed:
                self.record_certificate()
        self._certificate_as_loaded = self._certificate_values()

    @classmethod
    def unused_trace_code(cls):
        # 32^7 codes: a clash is rare, but a label printed twice would be worse than a query.
        while True:
            code = new_trace_code()
            if not cls.objects.filter(trace_code=code).exists():
                return code

    @property
    def main_image(self):
        images = list(self.images.all())
        return images[0] if images else None


class ProductImage(OrderedImageModel):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images", verbose_name=_("product"))

    class Meta(OrderedImageModel.Meta):
        verbose_name = _("product image")
        verbose_name_plural = _("product images")

    def upload_folder(self):
        return f"products/{self.product_id}"


class Lot(TimeStampedModel):
    """A production batch (lô) of a product, with its own QR code and production steps."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="lots", verbose_name=_("product"))
    code = models.CharField(
        _("lot code"),
        max_length=20,
        help_text=_("Letters, digits, '.', '-' or '_', at most 20 (GS1 batch/lot)."),
    )
    produced_on = models.DateField(_("produced on"))
    best_before = models.DateField(_("best before"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), default=0)
    materials = models.TextField(_("materials and origin"), blank=True)

    objects = LotQuerySet.as_manager()

    district_path = "product__producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["-produced_on", "code"]
        verbose_name = _("lot")
        verbose_name_plural = _("lots")
        constraints = [
            models.UniqueConstraint(fields=["product", "code"], name="lot_code_unique_per_product"),
            models.CheckConstraint(condition=Q(code__regex=LOT_CODE_PATTERN), name="lot_code_format"),
            models.CheckConstraint(
                condition=Q(best_before__isnull=True) | Q(best_before__gte=F("produced_on")),
                name="lot_best_before_after_production",
                violation_error_message=_("Best before cannot be earlier than the production date."),
            ),
        ]

    def __str__(self):
        return f"{self.product} · {self.code}"

    def get_absolute_url(self):
        return reverse("catalogue:product_detail", kwargs={"slug": self.product.slug}) + f"#lot-{self.code}"

    def get_trace_url(self):
        return reverse("trace:lot", kwargs={"code": self.product.trace_code, "lot_code": self.code})

    @property
    def qr_url(self):
        """/01/<GTIN-14>/10/<lot> when the product has a GTIN, else /t/<code>/<lot>."""
        if self.product.gtin:
            return f"{settings.SITE_URL}{self.product.gs1_path}/10/{self.code}"
        return settings.SITE_URL + self.get_trace_url()

    def get_qr_image_url(self, image_format="svg"):
        return reverse(
            "trace:lot_qr",
            kwargs={"code": self.product.trace_code, "lot_code": self.code, "image_format": image_format},
        )


class ProductionStep(TimeStampedModel):
    # Timestamped so that editing a step refreshes the lot's cached trace page (its ETag).
    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, related_name="steps", verbose_name=_("lot"))
    name = models.CharField(_("step"), max_length=200)
    done_on = models.DateField(_("date"))
    notes = models.TextField(_("notes"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["done_on", "position", "id"]
        verbose_name = _("production step")
        verbose_name_plural = _("production steps")

    def __str__(self):
        return self.name


# --- Certificates as records (issue 14) --------------------------------------------------


class Decision(TimeStampedModel):
    """An OCOP decision (quyết định): one issuing body's act, with a number and a date,
    certifying a list of products, each with its stars. Certificates are valid 36 months
    from the decision date unless the decision states otherwise (`valid_until`)."""

    number = models.CharField(_("decision number"), max_length=50, help_text=_("e.g. 1032/QĐ-UBND"))
    decided_on = models.DateField(_("decision date"))
    issuer = models.CharField(_("issuing body"), max_length=200, help_text=_("e.g. UBND thành phố Hà Nội"))
    level = models.CharField(_("issuing level"), max_length=20, choices=CertificateLevel.choices)
    valid_until = models.DateField(
        _("certificates valid until"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the standard 36 months from the decision date."),
    )
    scan = models.FileField(
        _("scan of the decision"),
        upload_to="decisions/%Y/",
        blank=True,
        validators=[validate_decision_scan],
        help_text=_("The signed decision as a PDF, JPEG, PNG or WebP file, at most 10 MB."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, editable=False)
    # The folded number ("1032/qd-ubnd"), so that "1032 qd ubnd" or "QĐ-UBND" typed without
    # its diacritics finds it (core.text.fold).
    search_number = models.CharField(max_length=50, editable=False, default="", db_index=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "number"]
        verbose_name = _("OCOP decision")
        verbose_name_plural = _("OCOP decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["number", "decided_on", "issuer_vi"],
                name="decision_number_date_issuer_unique",
                violation_error_message=_("This decision is already recorded."),
            ),
            FieldCheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=F("decided_on")),
                name="decision_valid_after_decided",
                violation_error_message=_("Certificates cannot end before the decision that grants them."),
                violation_error_field="valid_until",
            ),
        ]

    def __str__(self):
        return f"{self.number} ({self.decided_on:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("certificates:decision", kwargs={"slug": self.slug})

    @property
    def default_valid_until(self):
        return self.valid_until or certificate_valid_until(self.decided_on)

    @property
    def issuer_in_english(self):
        """The English name as entered, else a standard issuer's from the glossary
        (catalogue/issuers.py); '' for a body it does not know (no guess)."""
        return self.issuer_en or english_issuer(self.issuer_vi or self.issuer)

    def save(self, *args, **kwargs):
        self.search_number = fold(self.number)[:50]
        if not self.slug:
            self.slug = self.unused_slug()
        super().save(*args, **kwargs)

    def unused_slug(self, taken=None):
        """ "1032-qd-ubnd-2024-05-02", with -2, -3… if taken (`taken`: a set of slugs known
        to be used, for bulk loaders; otherwise the database is asked)."""
        base = slugify(f"{fold(self.number).replace('/', ' ')} {self.decided_on:%Y-%m-%d}")[:100] or "decision"
        slug, suffix = base, 2
        while slug in taken if taken is not None else Decision.objects.filter(slug=slug).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug


class Certification(TimeStampedModel):
    """One assessment of a product under a decision: its stars and validity, and, if it
    happened, its withdrawal (date and reason). A product's certifications are its history;
    the current one is copied onto the product (Product.adopt_current_certificate())."""

    Kind = CertificationKind

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="certifications", verbose_name=_("product")
    )
    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="certifications", verbose_name=_("decision")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=CertificationKind.choices, default=CertificationKind.ASSESSMENT
    )
    stars = models.PositiveSmallIntegerField(_("OCOP stars"), choices=Stars.choices)
    # The decision's date, copied so the database can check the validity against it.
    valid_from = models.DateField(_("valid from"), editable=False)
    valid_until = models.DateField(
        _("valid until"),
        blank=True,
        help_text=_("Leave empty for the decision's validity (36 months unless it says otherwise)."),
    )
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    withdrawn_on = models.DateField(
        _("withdrawn on"), null=True, blank=True, help_text=_("Empty for withdrawals recorded before dates were kept.")
    )
    withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)

    objects = CertificationQuerySet.as_manager()

    district_path = "product__producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["-valid_from", "-id"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "decision"],
                name="certification_once_per_decision",
                violation_error_message=_("This product is already listed in this decision."),
            ),
            models.CheckConstraint(
                condition=Q(stars__in=Stars.values),
                name="certification_stars_3_4_or_5",
                violation_error_message=_("OCOP stars are 3, 4 or 5."),
            ),
            FieldCheckConstraint(
                condition=Q(valid_until__gt=F("valid_from")),
                name="certification_valid_after_decision",
                violation_error_message=_("A certificate cannot expire before its decision date."),
                violation_error_field="valid_until",
            ),
            FieldCheckConstraint(
                condition=Q(withdrawn=True) | Q(withdrawn_on__isnull=True, withdrawn_reason=""),
                name="certification_withdrawal_details_only_if_withdrawn",
                violation_error_message=_("A withdrawal date or reason needs the certificate to be withdrawn."),
                violation_error_field="withdrawn",
            ),
            FieldCheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("valid_from")),
                name="certification_withdrawn_after_decision",
                violation_error_message=_("A certificate cannot be withdrawn before its decision date."),
                violation_error_field="withdrawn_on",
            ),
        ]
        indexes = [
            models.Index(fields=["valid_until"], name="certification_valid_until"),
        ]

    def __str__(self):
        return f"{self.product} · {self.stars}★ · {self.decision}"

    def get_absolute_url(self):
        return self.decision.get_absolute_url() + f"#product-{self.product_id}"

    def status_on(self, today):
        return certificate_status_of(self.valid_until, self.withdrawn, today)

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    def fill_defaults(self):
        if self.decision_id:
            self.valid_from = self.decision.decided_on
            if not self.valid_until:
                self.valid_until = self.decision.default_valid_until

    @classmethod
    def from_db(cls, db, field_names, values):
        certification = super().from_db(db, field_names, values)
        certification._was_withdrawn = certification.__dict__.get("withdrawn")
        return certification

    def clean(self):
        super().clean()
        self.fill_defaults()
        # A withdrawal recorded now is dated today unless the officer gives its date; one
        # recorded before dates were kept (the data migration) stays undated.
        if self.withdrawn and not self.withdrawn_on and not getattr(self, "_was_withdrawn", False):
            self.withdrawn_on = timezone.localdate()

    def save(self, *args, **kwargs):
        self.fill_defaults()
        super().save(*args, **kwargs)
        self.product.adopt_current_certificate()

    def delete(self, *args, **kwargs):
        product = self.product
        result = super().delete(*args, **kwargs)
        product.adopt_current_certificate()
        return result

    @classmethod
    def record_in_bulk(cls, products):
        """Record the copied certificate of products written with bulk_create() (which calls
        no save()): their decisions, found or made, and one certification each, in a few
        queries. For bulk loaders (generate_catalogue); everything else saves products."""
        products = [product for product in products if product.pk and product.certificate_number]

        def decision_key(product):
            issuer = product.certificate_issuer_vi or product.certificate_issuer
            return (product.certificate_number, product.certificate_date, issuer)

        wanted = {decision_key(product): product for product in products}
        decisions = {
            (d.number, d.decided_on, d.issuer_vi): d
            for d in Decision.objects.filter(number__in={number for number, _date, _issuer in wanted})
        }
        taken = set(Decision.objects.values_list("slug", flat=True))
        new_decisions = []
        for (number, date, issuer), product in wanted.items():
            if (number, date, issuer) in decisions:
                continue
            decision = Decision(
                number=number,
                decided_on=date,
                issuer=issuer,
                issuer_vi=issuer,
                level=product.certificate_level,
                search_number=fold(number)[:50],
            )
            decision.slug = decision.unused_slug(taken)
            taken.add(decision.slug)
            decisions[(number, date, issuer)] = decision
            new_decisions.append(decision)
        Decision.objects.bulk_create(new_decisions, batch_size=2000)
        if any(decision.pk is None for decision in new_decisions):  # backends that return no ids
            by_slug = dict(Decision.objects.filter(slug__in=[d.slug for d in new_decisions]).values_list("slug", "pk"))
            for decision in new_decisions:
                decision.pk = by_slug[decision.slug]
        cls.objects.bulk_create(
            [
                cls(
                    product=product,
                    decision=decisions[decision_key(product)],
                    stars=product.stars,
                    valid_from=product.certificate_date,
                    valid_until=product.certificate_valid_until,
                    withdrawn=product.certificate_withdrawn,
                    withdrawn_reason_vi=(product.certificate_withdrawn_reason_vi or "")
                    if product.certificate_withdrawn
                    else "",
                )
                for product in products
            ],
            batch_size=2000,
        )


# --- Scan counts (issue 4) ---------------------------------------------------------------


class ScanSource(models.TextChoices):
    # A camera or scanner app opens the link with no Referer; a click from a web page
    # (ours or another site) sends one. Typed or bookmarked links also count as "qr".
    QR = "qr", _("QR scan")
    LINK = "link", _("link from a page")


class Scan(models.Model):
    """One view of a trace page by a person (bots and link previews are not recorded).

    Deliberately anonymous: no IP address, user agent, cookie or session, only what the
    district offices need to see which products tourists check and when.
    """

    Source = ScanSource

    product = models.ForeignKey(
        Product,
        on_delete=models.CASCADE,
        related_name="scans",
        verbose_name=_("product"),
        db_index=False,  # the (product, scanned_at) index below serves product lookups
    )
    lot = models.ForeignKey(
        Lot, on_delete=models.CASCADE, null=True, blank=True, related_name="scans", verbose_name=_("lot")
    )
    scanned_at = models.DateTimeField(_("scanned at"), default=timezone.now)
    language = models.CharField(_("language"), max_length=8)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)

    objects = ScanQuerySet.as_manager()

    district_path = "product__producer__district"  # villages/scoping.py

    class Meta:
        ordering = ["-scanned_at"]
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        indexes = [
            models.Index(fields=["product", "scanned_at"], name="scan_product_time"),
            models.Index(fields=["scanned_at"], name="scan_time"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(source__in=ScanSource.values), name="scan_source_known"),
        ]

    def __str__(self):
        return f"{self.product_id} @ {self.scanned_at:%Y-%m-%d %H:%M}"

    @classmethod
    def write_buffered(cls):
        """Call before counting scans: trace pages buffer them (traceability.scans), and
        the receiver of this signal writes what is waiting, so counts are up to date."""
        scan_log_read.send(sender=cls)

"""CSV and Excel import/export of producers and products (django-import-export).

The admin's import is a two-step flow: upload → preview (a dry run in a rolled-back
transaction, showing every row's errors in words) → confirm. The confirmed import runs in
one transaction and is refused as a whole if any row is invalid (a file longer than the
admin's chunk_rows is checked, then saved, in steps: catalogue/import_admin.py). Rows are validated with
the model's own full_clean(); the model's check constraints are enforced by the database
when the row is saved (in the preview too), and a violation becomes that row's error with
the constraint's own message.

An officer's import is scoped: the producer, village and district columns only resolve to
records in the officer's districts, and an existing row of another district cannot be
updated. The columns are documented in docs/import/README.md, with template files beside it.

Speed (10,000 rows must preview and import within one request, docs/performance.md): the
related records, the existing rows and the out-of-district slugs are each read once per
file (before_import), not once per row.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from import_export import fields, instance_loaders, resources, widgets

from villages.communes import Matcher
from villages.models import Commune, Craft, District, Village
from villages.scoping import scope_queryset

from .codes import new_trace_code
from .import_widgets import DayMonthYearDateWidget, EmptyIsNoneCharWidget, WholeNumberWidget
from .models import Producer, Product

IN_QUERY_SIZE = 900  # SQLite allows 999 parameters per query in older builds


def scoped_for(queryset, user):
    """The rows an import or export by `user` reaches: their districts' (villages/scoping.py).
    Without a user (a resource used from a shell or a command) nothing is narrowed."""
    return queryset if user is None else scope_queryset(queryset, user)


def in_batches(values, size=IN_QUERY_SIZE):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


class CachedForeignKeyWidget(widgets.ForeignKeyWidget):
    """Looks a related row up by slug among the rows read once for the whole file."""

    def __init__(self, model, field="slug", select_related=(), **kwargs):
        self.select_related = select_related
        self.found = None
        super().__init__(model, field=field, **kwargs)

    def preload(self, values):
        values = {str(value).strip() for value in values if value is not None and str(value).strip()}
        queryset = self.get_queryset(None, None).select_related(*self.select_related)
        self.found = {}
        for batch in in_batches(values):
            for obj in queryset.filter(**{f"{self.field}__in": batch}):
                self.found[getattr(obj, self.field)] = obj

    def not_found(self, value):
        return ValueError(_("No %(model)s “%(value)s”.") % {"model": self.model._meta.verbose_name, "value": value})

    def clean(self, value, row=None, **kwargs):
        if value is None or not str(value).strip():
            return None
        if self.found is None:  # used outside an import (e.g. by hand in a shell)
            try:
                return super().clean(value, row=row, **kwargs)
            except self.model.DoesNotExist:
                raise self.not_found(value) from None
        try:
            return self.found[str(value).strip()]
        except KeyError:
            raise self.not_found(value) from None


class CommuneWidget(CachedForeignKeyWidget):
    """The current commune or ward by its official code ("00577") or its name, with or
    without diacritics and kind ("Xã Bát Tràng", "bat trang"); exported as its code.

    Communes are reference data, not a district's: every officer may name any of them."""

    def __init__(self, **kwargs):
        self.matcher = None
        super().__init__(Commune, field="code", **kwargs)

    def preload(self, values):
        self.matcher = Matcher(Commune.objects.all())
        self.found = {}

    def not_found(self, value):
        return ValueError(
            _(
                "No commune or ward “%(value)s” in the official list: write its 5-digit code or its name, e.g. “Xã Bát Tràng”."
            )
            % {"value": value}
        )

    def clean(self, value, row=None, **kwargs):
        if value is None or not str(value).strip():
            return None
        if self.matcher is None:  # used outside an import
            self.preload(())
        found = self.matcher.find(str(value).strip()[:150])
        if found is None:
            raise self.not_found(value)
        return found


class ScopedForeignKeyWidget(CachedForeignKeyWidget):
    """Looks a related row up by slug, among the rows of the importing officer's districts."""

    def __init__(self, model, field="slug", **kwargs):
        self.user = None
        super().__init__(model, field=field, **kwargs)

    def get_queryset(self, value, row, *args, **kwargs):
        return scoped_for(self.model.objects.all(), self.user)

    def not_found(self, value):
        return ValueError(
            _("No %(model)s “%(value)s” in your districts.") % {"model": self.model._meta.verbose_name, "value": value}
        )


class ScopedResource(resources.ModelResource):
    """A resource that knows who imports, and refuses rows outside their districts."""

    # Every date column reads day/month/year or ISO, and nothing else; whole numbers are
    # digits only (import_widgets.py).
    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "DateField": DayMonthYearDateWidget,
        **{
            name: WholeNumberWidget
            for name in (
                "IntegerField",
                "PositiveIntegerField",
                "PositiveSmallIntegerField",
                "SmallIntegerField",
                "BigIntegerField",
                "PositiveBigIntegerField",
            )
        },
    }

    class Meta:
        # Inherited by every resource below (import-export merges a parent's Meta): rows are
        # validated by full_clean(), an unchanged row is reported as skipped, a file is one
        # transaction, and related rows are looked up once per import.
        import_id_fields = ("slug",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        instance_loader_class = instance_loaders.CachedInstanceLoader

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if isinstance(f, (models.CharField, models.TextField)) and f.null:
            return EmptyIsNoneCharWidget
        return super().widget_from_django_field(f, default)

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.foreign_slugs = set()
        for field in self.fields.values():
            if isinstance(field.widget, ScopedForeignKeyWidget):
                field.widget.user = user

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # An empty cell reads back as NULL (EmptyIsNoneCharWidget), while an empty text may
        # be stored as "" (admin forms, the demo): keep what is stored, so an unchanged
        # export is not reported as an update and a saved row keeps its empty string.
        if original is not None:
            for field in self.get_import_fields():
                if isinstance(field.widget, EmptyIsNoneCharWidget) and field.attribute:
                    if (
                        getattr(instance, field.attribute, None) is None
                        and getattr(original, field.attribute, None) == ""
                    ):
                        setattr(instance, field.attribute, "")
        return super().skip_row(instance, original, row, import_validation_errors=import_validation_errors)

    def get_queryset(self):
        return scoped_for(super().get_queryset(), self.user)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        headers = dataset.headers or []
        for field in self.get_import_fields():
            if isinstance(field.widget, CachedForeignKeyWidget) and field.column_name in headers:
                field.widget.preload(dataset[field.column_name])
        # Slugs that exist, but not in the officer's districts: such rows never update them.
        slugs = {str(s).strip() for s in dataset["slug"] if s} if "slug" in headers else set()
        model = self._meta.model
        in_scope, anywhere = set(), set()
        for batch in in_batches(slugs):
            in_scope.update(self.get_queryset().filter(slug__in=batch).values_list("slug", flat=True))
            anywhere.update(model.objects.filter(slug__in=batch).values_list("slug", flat=True))
        self.foreign_slugs = anywhere - in_scope

    def before_import_row(self, row, **kwargs):
        slug = str(row.get("slug") or "").strip()
        if slug in self.foreign_slugs:
            raise ValidationError(
                _("The slug “%(slug)s” is already used by a record outside your districts.") % {"slug": slug}
            )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        # Related rows a widget just read from the database need no existence query each.
        resolved = {
            field.attribute
            for field in self.get_import_fields()
            if isinstance(field.widget, CachedForeignKeyWidget) and getattr(instance, field.attribute, None) is not None
        }
        try:
            # Check constraints are left to the database (save_instance): asking it once
            # per constraint and row was most of an import's time.
            instance.full_clean(
                exclude=set(errors) | resolved, validate_unique=validate_unique, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        try:
            with transaction.atomic():  # a savepoint, so the import goes on after a refusal
                super().save_instance(instance, is_create, row, **kwargs)
        except IntegrityError as error:
            for constraint in self._meta.model._meta.constraints:
                if constraint.name in str(error):
                    raise ValidationError(constraint.get_violation_error_message()) from error
            raise


class ProducerResource(ScopedResource):
    district = fields.Field(
        attribute="district",
        column_name="district",
        widget=ScopedForeignKeyWidget(District, "slug"),
    )
    village = fields.Field(
        attribute="village",
        column_name="village",
        widget=ScopedForeignKeyWidget(Village, "slug"),
    )
    commune = fields.Field(attribute="commune", column_name="commune", widget=CommuneWidget())

    class Meta:
        model = Producer
        fields = (
            "slug",
            "name",
            "kind",
            "district",
            "village",
            "commune",
            "address",
            "phone",
            "email",
            "website",
            "facebook_url",
            "tiktok_url",
            "zalo_url",
            "description_vi",
            "description_en",
        )
        export_order = fields


class ProductResource(ScopedResource):
    producer = fields.Field(
        attribute="producer",
        column_name="producer",
        widget=ScopedForeignKeyWidget(Producer, "slug", select_related=("district", "village")),
    )
    craft = fields.Field(attribute="craft", column_name="craft", widget=CachedForeignKeyWidget(Craft, "slug"))
    # The issuer has a Vietnamese and an English column (modeltranslation); the column
    # `certificate_issuer` keeps its name and holds the Vietnamese one, as before.
    certificate_issuer = fields.Field(attribute="certificate_issuer_vi", column_name="certificate_issuer")

    class Meta:
        model = Product
        fields = (
            "slug",
            "name_vi",
            "name_en",
            "producer",
            "craft",
            "group",
            "product_set",
            "stars",
            "potential_five_star",
            "certificate_number",
            "certificate_issuer",
            "certificate_issuer_en",
            "certificate_level",
            "certificate_date",
            "certificate_valid_until",
            "certificate_withdrawn",
            "price",
            "unit_vi",
            "unit_en",
            "stock_quantity",
            "gtin",
            "description_vi",
            "description_en",
            "is_published",
            "trace_code",
        )
        export_order = fields

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if not instance.trace_code:
            # Drawn here without Product.unused_trace_code()'s query per row; the unique
            # check of full_clean() still refuses the rare clash.
            instance.trace_code = new_trace_code()
        super().validate_instance(instance, import_validation_errors, validate_unique)

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        # Empty cells mean "derive it": 36 months of validity, a fresh trace code, no GTIN.
        for column in ("certificate_valid_until", "trace_code", "gtin"):
            if column in row and (row[column] is None or str(row[column]).strip() == ""):
                row[column] = None

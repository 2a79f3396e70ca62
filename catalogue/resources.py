"""CSV and Excel import/export of producers and products (django-import-export).

The admin's import is a two-step flow: upload → preview (a dry run in a rolled-back
transaction, showing every row's errors in words) → confirm. The confirmed import runs in
one transaction and is refused as a whole if any row is invalid. Rows are validated with
the model's own full_clean(), so the database constraints and validators apply.

An officer's import is scoped: the producer, village and district columns only resolve to
records in the officer's districts, and an existing row of another district cannot be
updated. The columns are documented in docs/import/README.md, with template files beside it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from villages.admin_scope import officer_districts
from villages.models import Craft, District, Village

from .models import Producer, Product


class ScopedForeignKeyWidget(widgets.ForeignKeyWidget):
    """Looks a related row up by slug, among the rows of the importing officer's districts."""

    def __init__(self, model, field="slug", district_lookup="district", **kwargs):
        self.district_lookup = district_lookup
        self.user = None
        super().__init__(model, field=field, **kwargs)

    def get_queryset(self, value, row, *args, **kwargs):
        queryset = self.model.objects.all()
        districts = officer_districts(self.user) if self.user is not None else None
        if districts is None:
            return queryset
        if self.district_lookup == "":
            return queryset.filter(pk__in=districts)
        return queryset.filter(**{f"{self.district_lookup}__in": districts})

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row=row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("No %(model)s “%(value)s” in your districts.")
                % {"model": self.model._meta.verbose_name, "value": value}
            ) from None


class ScopedResource(resources.ModelResource):
    """A resource that knows who imports, and refuses rows outside their districts."""

    district_lookup = "district"

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field.widget, ScopedForeignKeyWidget):
                field.widget.user = user

    def get_queryset(self):
        queryset = super().get_queryset()
        districts = officer_districts(self.user) if self.user is not None else None
        if districts is None:
            return queryset
        return queryset.filter(**{f"{self.district_lookup}__in": districts})

    def before_import_row(self, row, **kwargs):
        slug = (row.get("slug") or "").strip()
        model = self._meta.model
        if slug and not self.get_queryset().filter(slug=slug).exists() and model.objects.filter(slug=slug).exists():
            # Exists, but not in the officer's districts: never update it.
            raise ValidationError(
                _("The slug “%(slug)s” is already used by a record outside your districts.") % {"slug": slug}
            )


class ProducerResource(ScopedResource):
    district = fields.Field(
        attribute="district", column_name="district",
        widget=ScopedForeignKeyWidget(District, "slug", district_lookup=""),
    )
    village = fields.Field(
        attribute="village", column_name="village",
        widget=ScopedForeignKeyWidget(Village, "slug", district_lookup="district"),
    )

    class Meta:
        model = Producer
        import_id_fields = ("slug",)
        fields = (
            "slug", "name", "kind", "district", "village", "address", "phone", "email",
            "website", "facebook_url", "tiktok_url", "zalo_url", "description_vi", "description_en",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True


class ProductResource(ScopedResource):
    district_lookup = "producer__district"

    producer = fields.Field(
        attribute="producer", column_name="producer",
        widget=ScopedForeignKeyWidget(Producer, "slug", district_lookup="district"),
    )
    craft = fields.Field(attribute="craft", column_name="craft", widget=widgets.ForeignKeyWidget(Craft, "slug"))

    class Meta:
        model = Product
        import_id_fields = ("slug",)
        fields = (
            "slug", "name_vi", "name_en", "producer", "craft", "group", "product_set", "stars",
            "potential_five_star", "certificate_number", "certificate_issuer", "certificate_level",
            "certificate_date", "certificate_valid_until", "certificate_withdrawn", "price",
            "unit_vi", "unit_en", "stock_quantity", "gtin", "description_vi", "description_en",
            "is_published", "trace_code",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        # Empty cells mean "derive it": 36 months of validity, a fresh trace code, no GTIN.
        for column in ("certificate_valid_until", "trace_code", "gtin"):
            if column in row and (row[column] is None or str(row[column]).strip() == ""):
                row[column] = None

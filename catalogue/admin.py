from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from .models import CertificateStatus, Lot, Producer, Product, ProductImage, ProductionStep


class CertificateStatusFilter(admin.SimpleListFilter):
    title = _("certificate status")
    parameter_name = "certificate"

    def lookups(self, request, model_admin):
        return CertificateStatus.choices

    def queryset(self, request, queryset):
        value = self.value()
        if value == CertificateStatus.WITHDRAWN:
            return queryset.certificate_withdrawn()
        if value == CertificateStatus.EXPIRED:
            return queryset.certificate_expired()
        if value == CertificateStatus.EXPIRING:
            return queryset.certificate_expiring()
        if value == CertificateStatus.VALID:
            return queryset.certificate_current().exclude(
                pk__in=queryset.certificate_expiring().values("pk")
            )
        return queryset


class ProductImageInline(TranslationTabularInline):
    model = ProductImage
    extra = 1
    fields = ["image", "alt_text", "position"]


class LotInline(admin.TabularInline):
    model = Lot
    extra = 0
    fields = ["code", "produced_on", "best_before", "quantity"]
    show_change_link = True


@admin.register(Producer)
class ProducerAdmin(TranslationAdmin):
    list_display = ["name", "kind", "district", "village", "phone", "is_demo"]
    list_filter = ["kind", "district"]
    search_fields = ["name", "slug", "phone", "email", "village__name"]
    list_select_related = ["district", "village"]
    autocomplete_fields = ["district", "village"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["is_demo", "created_at", "updated_at"]


@admin.register(Product)
class ProductAdmin(TranslationAdmin):
    list_display = [
        "name",
        "producer",
        "stars",
        "group",
        "price",
        "stock_quantity",
        "certificate_status_badge",
        "certificate_valid_until",
        "is_published",
    ]
    list_filter = ["is_published", "stars", "group", CertificateStatusFilter, "craft", "producer__district"]
    list_editable = ["is_published"]
    search_fields = ["name_vi", "name_en", "trace_code", "gtin", "certificate_number", "producer__name"]
    list_select_related = ["producer"]
    autocomplete_fields = ["producer", "craft"]
    prepopulated_fields = {"slug": ["name_vi"]}
    readonly_fields = ["certificate_status_badge", "trace_code_link", "created_at", "updated_at"]
    inlines = [ProductImageInline, LotInline]
    date_hierarchy = "certificate_date"
    fieldsets = [
        (None, {"fields": ["name", "slug", "producer", "craft", "description", "is_published"]}),
        (_("OCOP rating"), {"fields": ["group", "product_set", "stars", "potential_five_star"]}),
        (
            _("Certificate"),
            {
                "fields": [
                    "certificate_number",
                    "certificate_issuer",
                    "certificate_level",
                    "certificate_date",
                    "certificate_valid_until",
                    "certificate_status_badge",
                    "certificate_withdrawn",
                    "certificate_withdrawn_reason",
                ]
            },
        ),
        (_("Sale"), {"fields": ["price", "unit", "stock_quantity"]}),
        (_("Codes"), {"fields": ["gtin", "trace_code_link"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("certificate status"))
    def certificate_status_badge(self, product):
        if not product.pk or not product.certificate_valid_until:
            return "—"
        status = product.certificate_status
        return format_html('<span class="cert-status cert-{}">{}</span>', status.value, status.label)

    @admin.display(description=_("trace code"))
    def trace_code_link(self, product):
        return product.trace_code or _("made when saved")


class ProductionStepInline(TranslationTabularInline):
    model = ProductionStep
    extra = 1
    fields = ["done_on", "name", "notes", "position"]


@admin.register(Lot)
class LotAdmin(TranslationAdmin):
    list_display = ["code", "product", "produced_on", "best_before", "quantity"]
    list_filter = ["produced_on", "product__producer__district"]
    search_fields = ["code", "product__name_vi", "product__trace_code"]
    list_select_related = ["product"]
    autocomplete_fields = ["product"]
    inlines = [ProductionStepInline]
    date_hierarchy = "produced_on"

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core.formats import day, vnd
from villages.admin_scope import DistrictScopedAdmin, DistrictScopedInline, OtherDistrictsRowsInline
from villages.admin_search import FoldedSearchAdmin
from villages.scoping import officer_districts, outside_scope

from .certificates import CertificateStatus
from .import_admin import OfficerImportExportMixin  # CSV/Excel import and export
from .labels import Label
from .models import Certification, Decision, Lot, Producer, Product, ProductImage, ProductionStep, Scan
from .resources import ProducerResource, ProductResource

# An A4 sheet of 3 × 7 labels of 70 × 42.3 mm, the common edge-to-edge label stock.
LABELS_PER_SHEET = 21
MAX_COPIES = 50


def local_site_warning():
    """A warning, before anyone prints, that the QR codes point at this machine or a
    private network (SITE_URL); empty when they point at a public address."""
    return render_to_string(
        "admin/catalogue/local_site_warning.html",
        {"is_local": settings.SITE_URL_IS_LOCAL, "site_url": settings.SITE_URL},
    )


def label_sheet_response(request, labels, title):
    """The print page for an admin action: A4 sheets of labels, N copies of each.

    The page re-posts the same action with another number of copies, so an officer can
    fill a whole sheet with one lot's labels.
    """
    try:
        copies = min(max(int(request.POST.get("copies", 1)), 1), MAX_COPIES)
    except ValueError:
        copies = 1
    labels = [label for label in labels for _copy in range(copies)]
    sheets = [labels[start : start + LABELS_PER_SHEET] for start in range(0, len(labels), LABELS_PER_SHEET)]
    return TemplateResponse(
        request,
        "admin/catalogue/labels.html",
        {
            "title": title,
            "sheets": sheets,
            "copies": copies,
            "action": request.POST.get("action", ""),
            "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
            "checkbox_name": ACTION_CHECKBOX_NAME,
            "local_site_warning": local_site_warning(),
        },
    )


def label_svg_response(label, filename):
    svg = render_to_string("admin/catalogue/label.svg", {"label": label, "standalone": True})
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def qr_panel(obj, label_url):
    """QR preview and downloads for a saved product or lot, on its admin page."""
    if not obj.pk:
        return _("Saved products get a QR code.")
    svg_url = obj.get_qr_image_url("svg")
    return format_html(
        '{warning}<a href="{trace}" target="_blank" rel="noopener"><img src="{svg}" width="132" height="132" alt=""></a>'
        "<br><code>{encoded}</code><br>"
        '<a href="{svg}?download=1">{svg_label}</a> · <a href="{png}?download=1">{png_label}</a> · '
        '<a href="{label}">{label_label}</a> · <a href="{trace}" target="_blank" rel="noopener">{trace_label}</a>',
        warning=local_site_warning(),
        trace=obj.get_trace_url(),
        svg=svg_url,
        png=obj.get_qr_image_url("png"),
        encoded=obj.qr_url,
        label=label_url,
        svg_label=_("QR as SVG"),
        png_label=_("QR as PNG"),
        label_label=_("label (SVG)"),
        trace_label=_("trace page"),
    )


class LabelAdminMixin:
    """QR labels for products and lots: a single-label SVG download per record, a
    "print labels" action giving an A4 sheet, and the QR panel on the change page.

    Subclasses say how to load records for labels and make one label of a record.
    """

    label_select_related = []
    label_ordering = []
    label_sheet_title = ""
    actions = ["print_labels"]

    def label_for(self, obj):
        raise NotImplementedError

    def label_filename(self, obj):
        raise NotImplementedError

    def label_url_name(self):
        return f"{self.opts.app_label}_{self.opts.model_name}_label"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/label.svg",
                self.admin_site.admin_view(self.label_svg),
                name=self.label_url_name(),
            ),
        ] + super().get_urls()

    def label_svg(self, request, object_id):
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        # Through get_queryset (in get_object), so an officer's district scope applies to
        # downloads too.
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self.outside_districts(request)
        return label_svg_response(self.label_for(obj), self.label_filename(obj))

    @admin.action(description=_("Print QR labels (A4 sheet)"))
    def print_labels(self, request, queryset):
        records = queryset.select_related(*self.label_select_related).order_by(*self.label_ordering)
        return label_sheet_response(request, [self.label_for(obj) for obj in records], self.label_sheet_title)

    @admin.display(description=_("QR code"))
    def qr_code(self, obj):
        if not obj.pk:
            return qr_panel(obj, "")
        return qr_panel(obj, reverse(f"admin:{self.label_url_name()}", args=[obj.pk]))


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
            return queryset.certificate_current().exclude(pk__in=queryset.certificate_expiring().values("pk"))
        return queryset


class ProductImageInline(DistrictScopedInline, TranslationTabularInline):
    model = ProductImage
    extra = 1
    fields = ["image", "alt_text", "position"]


class LotInline(DistrictScopedInline, admin.TabularInline):
    model = Lot
    extra = 0
    fields = ["code", "produced_on", "best_before", "quantity"]
    show_change_link = True


@admin.register(Producer)
class ProducerAdmin(
    FoldedSearchAdmin, OfficerImportExportMixin, DistrictScopedAdmin, SimpleHistoryAdmin, TranslationAdmin
):
    resource_classes = [ProducerResource]
    list_display = ["name", "kind", "district", "village", "phone", "is_demo"]
    list_filter = ["kind", "district", ("commune", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "slug", "phone", "email", "village__name", "commune__name"]
    list_select_related = ["district", "village"]
    autocomplete_fields = ["district", "village", "commune"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["is_demo", "producer_accounts", "created_at", "updated_at"]

    @admin.display(description=_("producer area accounts"))
    def producer_accounts(self, producer):
        """Who signs in to the producer area for this producer, and the invitation button
        (the accounts' admin is registered by producer_area, which sends the link)."""
        if not producer.pk:
            return "—"
        accounts = format_html_join(
            "",
            "<li>{} {}</li>",
            (
                (account.user.email, "" if account.is_active and account.user.is_active else _("(deactivated)"))
                for account in producer.accounts.select_related("user")
            ),
        )
        try:
            invite = reverse("admin:catalogue_produceraccount_add") + f"?producer={producer.pk}"
        except NoReverseMatch:  # the producer area is not installed
            return format_html("<ul>{}</ul>", accounts)
        return format_html(
            '<ul>{}</ul><a class="button" href="{}">{}</a>', accounts, invite, _("Invite a producer account")
        )


@admin.register(Product)
class ProductAdmin(
    FoldedSearchAdmin,
    LabelAdminMixin,
    OfficerImportExportMixin,
    DistrictScopedAdmin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    resource_classes = [ProductResource]
    # Seven columns fit beside the filters on a 1280 px screen: the OCOP group is a filter
    # only, and the certificate's status and end date share a column.
    list_display = [
        "name",
        "producer",
        "stars",
        "price_vnd",
        "stock_quantity",
        "certificate_column",
        "is_published",
    ]
    list_filter = ["is_published", "stars", "group", CertificateStatusFilter, "craft", "producer__district"]
    list_editable = ["is_published"]
    # search_text: the product's names, producer, village, craft and district, folded (the
    # shop's search); codes beside it.
    search_fields = ["search_text", "trace_code", "gtin", "certificate_number"]
    folded_columns = ["search_text"]
    list_select_related = ["producer"]
    autocomplete_fields = ["producer", "craft"]
    prepopulated_fields = {"slug": ["name_vi"]}
    readonly_fields = [
        "certificate_status_badge",
        "certification_history_table",
        "trace_code_link",
        "qr_code",
        "scans_by_day",
        "created_at",
        "updated_at",
    ]
    inlines = [ProductImageInline, LotInline]
    date_hierarchy = "certificate_date"
    fieldsets = [
        (None, {"fields": ["name", "slug", "producer", "craft", "description", "is_published"]}),
        (_("OCOP rating"), {"fields": ["group", "product_set", "stars", "potential_five_star"]}),
        (
            _("Current certificate"),
            {
                "description": _(
                    "A new decision number here records a re-assessment; the earlier certificate "
                    "stays in the history below. A decision listing many products is easier to "
                    "record once, under OCOP decisions."
                ),
                "fields": [
                    "certificate_number",
                    "certificate_issuer",
                    "certificate_level",
                    "certificate_date",
                    "certificate_valid_until",
                    "certificate_status_badge",
                    "certificate_withdrawn",
                    "certificate_withdrawn_reason",
                    "certification_history_table",
                ],
            },
        ),
        (_("Sale"), {"fields": ["price", "unit", "stock_quantity"]}),
        (_("Codes"), {"fields": ["gtin", "trace_code_link", "qr_code"]}),
        (_("Scans"), {"fields": ["scans_by_day"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    # QR labels (LabelAdminMixin)
    label_select_related = ["producer__district"]
    label_ordering = ["name"]
    label_sheet_title = _("OCOP product labels")

    def label_for(self, product):
        return Label.for_product(product)

    def label_filename(self, product):
        return f"ocop-label-{product.trace_code}.svg"

    @admin.display(description=_("scans in the last 30 days"))
    def scans_by_day(self, product):
        if not product.pk:
            return "—"
        Scan.write_buffered()
        days = list(product.scans.since(30).daily_counts())
        if not days:
            return _("No scans in the last 30 days.")
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            ((day["day"].strftime("%Y-%m-%d"), day["total"], day["from_qr"]) for day in days),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>"
            '<p><a href="{}?product={}">{}</a></p>',
            _("day"),
            _("scans"),
            _("from a QR code"),
            rows,
            reverse("admin:catalogue_scan_changelist"),
            product.pk,
            _("All scans of this product"),
        )

    @admin.display(description=_("certification history"))
    def certification_history_table(self, product):
        """Each assessment under its decision, oldest first, linking to where an officer
        withdraws or corrects it (the certification's own admin page)."""
        if not product.pk:
            return _("Recorded when the product is saved.")
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}★</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    reverse("admin:catalogue_certification_change", args=[row.pk]),
                    row.decision,
                    row.get_kind_display(),
                    row.stars,
                    day(row.valid_until),
                    row.status.label,
                )
                for row in Certification.objects.history_of(product)
            ),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("decision"),
            _("kind"),
            _("stars"),
            _("valid until"),
            _("status"),
            rows,
        )

    @admin.display(description=Product._meta.get_field("price").verbose_name, ordering="price")
    def price_vnd(self, product):
        return vnd(product.price)

    @admin.display(description=_("Certificate"), ordering="certificate_valid_until")
    def certificate_column(self, product):
        if not product.certificate_valid_until:
            return "—"
        until = _("valid until %(date)s") % {"date": day(product.certificate_valid_until)}
        return format_html("{}<br><small>{}</small>", self.certificate_status_badge(product), until)

    @admin.display(description=_("certificate status"))
    def certificate_status_badge(self, product):
        if not product.pk or not product.certificate_valid_until:
            return "—"
        status = product.certificate_status
        return format_html('<span class="cert-status cert-{}">{}</span>', status.value, status.label)

    @admin.display(description=_("trace code"))
    def trace_code_link(self, product):
        if not product.trace_code:
            return _("made when saved")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', product.get_trace_url(), product.trace_code
        )


class DecisionCertificationInline(DistrictScopedInline, TranslationTabularInline):
    # An officer attaches their own districts' products: the product choices (autocomplete
    # included) come from the scoped product admin, and the rows offered for editing are
    # those of their products (Certification.district_path). The others are listed read-only.
    model = Certification
    extra = 3
    fields = ["product", "kind", "stars", "valid_until", "withdrawn", "withdrawn_on", "withdrawn_reason"]
    autocomplete_fields = ["product"]
    verbose_name = _("certified product")
    verbose_name_plural = _("certified products")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("product")


class OtherDistrictsCertificationInline(OtherDistrictsRowsInline):
    model = Certification
    fields = ["product", "stars", "valid_until", "withdrawn"]
    readonly_fields = fields
    verbose_name = _("product from another district")
    verbose_name_plural = _("products from other districts")


@admin.register(Decision)
class DecisionAdmin(FoldedSearchAdmin, SimpleHistoryAdmin, TranslationAdmin):
    """OCOP decisions: recorded once, with each certified product attached. A decision is
    not a district's: every officer may look it up and attach their products, and may change
    or delete it only while it lists no product outside their districts."""

    list_display = ["number", "decided_on", "issuer", "level", "products_certified"]
    list_filter = ["level", "decided_on"]
    search_fields = ["search_number", "issuer_vi", "issuer_en"]
    folded_columns = ["search_number"]
    date_hierarchy = "decided_on"
    readonly_fields = ["slug", "created_at", "updated_at"]
    fields = ["number", "decided_on", "issuer", "level", "valid_until", "scan", "slug", "created_at", "updated_at"]
    inlines = [DecisionCertificationInline, OtherDistrictsCertificationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(description=_("products"), ordering="products_certified")
    def products_certified(self, decision):
        return decision.products_certified

    def _lists_other_districts(self, request, decision):
        if decision is None or officer_districts(request.user) is None:
            return False
        return outside_scope(decision.certifications.all(), request.user).exists()

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._lists_other_districts(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # The header (number, date, body) is shared: an officer may not rewrite it under
        # another district's products; attaching their own products stays possible.
        fields = list(super().get_readonly_fields(request, obj))
        if self._lists_other_districts(request, obj):
            fields += ["number", "decided_on", "issuer_vi", "issuer_en", "level", "valid_until", "scan"]
        return fields

    def save_formset(self, request, form, formset, change):
        # Certification.save() copies each product's current certificate onto it.
        super().save_formset(request, form, formset, change)
        if form.has_changed() and change:
            # A changed header (date, validity) reaches products already attached.
            for certification in form.instance.certifications.select_related("product"):
                certification.save()


@admin.register(Certification)
class CertificationAdmin(FoldedSearchAdmin, DistrictScopedAdmin, SimpleHistoryAdmin, TranslationAdmin):
    """One product's assessment under a decision: where an officer records its withdrawal
    (date and reason) or corrects its stars or validity. Scoped by the product's district."""

    list_display = ["product", "decision", "kind", "stars", "valid_until", "status_label"]
    list_filter = ["kind", "stars", "withdrawn", "product__producer__district"]
    search_fields = ["product__search_text", "decision__search_number"]
    folded_columns = search_fields
    list_select_related = ["product", "decision"]
    autocomplete_fields = ["product", "decision"]
    fields = [
        "product",
        "decision",
        "kind",
        "stars",
        "valid_from",
        "valid_until",
        "withdrawn",
        "withdrawn_on",
        "withdrawn_reason",
    ]
    readonly_fields = ["valid_from"]

    def get_readonly_fields(self, request, obj=None):
        # Moving an assessment to another product or decision would rewrite two histories:
        # record a new one instead.
        return [*super().get_readonly_fields(request, obj), *(["product", "decision"] if obj else [])]

    @admin.display(description=_("status"))
    def status_label(self, certification):
        return certification.status.label


class ProductionStepInline(DistrictScopedInline, TranslationTabularInline):
    model = ProductionStep
    extra = 1
    fields = ["done_on", "name", "notes", "position"]


@admin.register(Lot)
class LotAdmin(FoldedSearchAdmin, LabelAdminMixin, DistrictScopedAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "product", "produced_on", "best_before", "quantity"]
    list_filter = ["produced_on", "product__producer__district"]
    search_fields = ["code", "product__search_text", "product__trace_code"]
    folded_columns = ["product__search_text"]
    list_select_related = ["product"]
    autocomplete_fields = ["product"]
    inlines = [ProductionStepInline]
    date_hierarchy = "produced_on"
    readonly_fields = ["qr_code"]

    # QR labels (LabelAdminMixin)
    label_select_related = ["product__producer__district"]
    label_ordering = ["product__name", "code"]
    label_sheet_title = _("OCOP lot labels")

    def label_for(self, lot):
        return Label.for_product(lot.product, lot)

    def label_filename(self, lot):
        return f"ocop-label-{lot.product.trace_code}-{lot.code}.svg"


@admin.register(Scan)
class ScanAdmin(FoldedSearchAdmin, DistrictScopedAdmin):
    """Scan counts per product and day; the filters narrow what is counted.

    Scans are written by the trace page only, so the admin is read-only. An officer sees
    the scans of their districts' products.
    """

    change_list_template = "admin/catalogue/scan/change_list.html"
    list_display = ["scanned_at", "product", "lot", "language", "source"]
    list_filter = ["source", "language", "product__producer__district"]
    search_fields = ["product__search_text", "product__trace_code"]
    folded_columns = ["product__search_text"]
    date_hierarchy = "scanned_at"
    # Only the day table is shown: the per-row list would be long and says nothing more.
    DAY_ROWS = 500

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Scans are evidence of what tourists checked: nobody deletes them here, not even
        # a city administrator (no delete page, no "delete selected" action).
        return False

    def changelist_view(self, request, extra_context=None):
        Scan.write_buffered()
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            response.context_data["daily_counts"] = list(changelist.queryset.daily_counts()[: self.DAY_ROWS])
        return response

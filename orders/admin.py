"""Orders in the admin: read-only records, statuses moved by actions.

Statuses change only through services.change_status (the actions below), never by editing
the field: cancelling must put the stock back, in the same transaction.
"""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ocop_site.templatetags.ocop import vnd
from villages.admin_scope import DistrictScopedAdmin, DistrictScopedInline

from . import services
from .models import Order, OrderLine, PayeeAccount, ProducerOrder, Status


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ProducerOrderInline(DistrictScopedInline, ReadOnlyInline):
    # An officer sees only their producers' parts of an order that spans districts.
    model = ProducerOrder
    fields = ["producer", "status", "subtotal_vnd", "payee_account_number"]
    readonly_fields = fields
    show_change_link = True

    @admin.display(description=_("subtotal"))
    def subtotal_vnd(self, part):
        return vnd(part.subtotal)


class OrderLineInline(ReadOnlyInline):
    model = OrderLine
    fields = ["product", "product_name", "unit", "unit_price_vnd", "quantity", "line_total_vnd"]
    readonly_fields = fields

    @admin.display(description=_("unit price"))
    def unit_price_vnd(self, line):
        return vnd(line.unit_price)

    @admin.display(description=_("line total"))
    def line_total_vnd(self, line):
        return vnd(line.line_total)


class ReadOnlyAdmin(DistrictScopedAdmin):
    """Orders come from the checkout only; officers move statuses, they do not edit orders."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields] + list(self.readonly_fields)


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    district_lookup = "parts__producer__district"
    list_display = ["code", "created_at", "name", "phone", "fulfilment", "payment", "total_vnd", "statuses"]
    list_filter = ["parts__status", "fulfilment", "payment", "created_at", "parts__producer__district"]
    search_fields = ["code", "phone", "name", "email", "parts__producer__name"]
    date_hierarchy = "created_at"
    list_select_related = ["showroom"]
    readonly_fields = ["total_vnd"]
    inlines = [ProducerOrderInline]
    fieldsets = [
        (None, {"fields": ["code", "created_at", "total_vnd", "payment", "language"]}),
        (_("Shopper"), {"fields": ["name", "phone", "email", "note"]}),
        (_("Fulfilment"), {"fields": ["fulfilment", "address", "showroom"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("parts")

    @admin.display(description=_("total"), ordering="total")
    def total_vnd(self, order):
        return vnd(order.total)

    @admin.display(description=_("status per producer"))
    def statuses(self, order):
        return ", ".join(part.get_status_display() for part in order.parts.all())


def _status_action(status, label):
    def action(modeladmin, request, queryset):
        moved, refused = 0, []
        for part in queryset.select_related("order", "producer"):
            try:
                services.change_status(part=part, status=status)
            except services.StatusChangeRefused as error:
                refused.append(str(error))
            else:
                moved += 1
        if moved:
            modeladmin.message_user(
                request,
                ngettext("%(n)d part is now “%(status)s”.", "%(n)d parts are now “%(status)s”.", moved)
                % {"n": moved, "status": Status(status).label},
                messages.SUCCESS,
            )
        for message in refused:
            modeladmin.message_user(request, message, messages.WARNING)

    action.__name__ = f"mark_{status}"
    return admin.action(description=label)(action)


@admin.register(ProducerOrder)
class ProducerOrderAdmin(ReadOnlyAdmin):
    district_lookup = "producer__district"
    list_display = ["order_code", "created_at", "producer", "status", "fulfilment", "payment", "subtotal_vnd", "shopper"]
    list_filter = ["status", "order__fulfilment", "order__payment", "producer__district", "created_at"]
    search_fields = ["order__code", "order__phone", "order__name", "producer__name"]
    date_hierarchy = "created_at"
    list_select_related = ["order", "producer"]
    readonly_fields = ["order_link", "subtotal_vnd", "shopper", "delivery", "next_statuses_text"]
    inlines = [OrderLineInline]
    fieldsets = [
        (None, {"fields": ["order_link", "producer", "status", "next_statuses_text", "subtotal_vnd", "created_at", "updated_at"]}),
        (_("Shopper"), {"fields": ["shopper", "delivery"]}),
        (_("Bank transfer payee"), {"fields": ["payee_bank_name", "payee_account_number", "payee_account_name"]}),
    ]
    actions = [
        _status_action(Status.CONFIRMED, _("Mark selected parts confirmed")),
        _status_action(Status.SHIPPED, _("Mark selected parts shipped")),
        _status_action(Status.READY, _("Mark selected parts ready for pickup")),
        _status_action(Status.COMPLETED, _("Mark selected parts completed")),
        _status_action(Status.CANCELLED, _("Cancel selected parts (puts the stock back)")),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).for_admin()

    @admin.display(description=_("order"), ordering="order__code")
    def order_code(self, part):
        return part.order.code

    @admin.display(description=_("order"))
    def order_link(self, part):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:orders_order_change", args=[part.order_id]), part.order.code
        )

    @admin.display(description=_("fulfilment"), ordering="order__fulfilment")
    def fulfilment(self, part):
        return part.order.get_fulfilment_display()

    @admin.display(description=_("payment"), ordering="order__payment")
    def payment(self, part):
        return part.order.get_payment_display()

    @admin.display(description=_("subtotal"), ordering="subtotal")
    def subtotal_vnd(self, part):
        return vnd(part.subtotal)

    @admin.display(description=_("shopper"))
    def shopper(self, part):
        return f"{part.order.name} · {part.order.phone_display}"

    @admin.display(description=_("delivery or pickup"))
    def delivery(self, part):
        order = part.order
        if order.is_pickup:
            return f"{order.get_fulfilment_display()}: {order.showroom}"
        return f"{order.get_fulfilment_display()}: {order.address}"

    @admin.display(description=_("possible next statuses"))
    def next_statuses_text(self, part):
        return ", ".join(str(status.label) for status in part.next_statuses()) or "—"


@admin.register(PayeeAccount)
class PayeeAccountAdmin(DistrictScopedAdmin):
    district_lookup = "producer__district"
    list_display = ["producer", "bank_name", "account_number", "account_name"]
    search_fields = ["producer__name", "account_number", "account_name"]
    autocomplete_fields = ["producer"]
    list_select_related = ["producer"]

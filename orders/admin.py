"""Orders in the admin: read-only records, statuses moved by actions and buttons.

Statuses change only through services.change_status (the list actions, and the buttons on
a part's page), never by editing the field: cancelling must put the stock back, in the
same transaction.

An order spanning districts is listed for each district's officer, but its amounts,
statuses, filters and producer search use only the parts in their districts
(`visible_parts`).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Prefetch, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.formats import time_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from core.formats import day, vnd
from villages.admin_scope import DistrictScopedAdmin, DistrictScopedInline
from villages.models import District
from villages.scoping import scope_queryset

from . import reviews, services
from .models import (
    DeliveryRule,
    DeliveryTerms,
    Fulfilment,
    Order,
    OrderLine,
    PayeeAccount,
    Payment,
    ProducerOrder,
    Review,
    ReviewStatus,
    Status,
)


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
    fields = ["producer", "status", "subtotal_vnd", "delivery_fee_vnd", "payee_account_number"]
    readonly_fields = fields
    show_change_link = True

    @admin.display(description=_("subtotal"))
    def subtotal_vnd(self, part):
        return vnd(part.subtotal)

    def get_queryset(self, request):
        # The fee column asks whether the order is a pickup: its order in the same query.
        return super().get_queryset(request).select_related("order")

    @admin.display(description=_("delivery fee"))
    def delivery_fee_vnd(self, part):
        return delivery_fee_text(part)


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


# Short words for list columns: the choices' full labels ("Cash on delivery (or at the
# showroom on pickup)") would take a column each.
SHORT_FULFILMENT = {Fulfilment.DELIVERY: _("Delivery"), Fulfilment.PICKUP: _("Pickup")}
SHORT_PAYMENT = {Payment.CASH: _("Cash"), Payment.BANK_TRANSFER: _("Bank transfer")}

# The status control on a part's page: one button per next status.
STATUS_BUTTONS = {
    Status.CONFIRMED: _("Mark confirmed"),
    Status.SHIPPED: _("Mark shipped"),
    Status.READY: _("Mark ready for pickup"),
    Status.COMPLETED: _("Mark completed"),
    Status.CANCELLED: _("Cancel this part (puts the stock back)"),
}


@admin.display(description=_("created"), ordering="created_at")
def created(obj):
    """Date over time: the long date format ("00:32 Ngày 03 tháng 12 năm 2026") alone
    would take a fifth of the list's width."""
    moment = localtime(obj.created_at)
    return format_html('{}<br><span class="quiet">{}</span>', day(moment), time_format(moment, "TIME_FORMAT"))


def delivery_fee_text(part):
    if part.order.is_pickup:
        return "—"
    if part.delivery_fee is None:
        return _("to be agreed by phone")
    return vnd(part.delivery_fee)


def shopper_lines(order):
    return format_html('{}<br><span class="quiet">{}</span>', order.name, order.phone_display)


def visible_parts(request):
    """The parts of orders this user may see: an officer sees only their districts' producers.

    An order spanning districts is listed for each district's officer, but everything shown
    or filtered about it (amounts, statuses, producers) comes from these parts only.
    """
    return scope_queryset(ProducerOrder.objects.all(), request.user)


class VisiblePartsFilter(admin.SimpleListFilter):
    """Filter orders by a property of their visible parts.

    A plain `parts__…` filter joins parts again, outside the officer's scope: filtering by
    another district (or by the status of another district's part) would list an order
    that merely spans into it. The parameter names stay Django's own, so links keep working.
    """

    part_lookup = None

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if not self.is_valid(value):
            return queryset.none()
        return queryset.filter(pk__in=visible_parts(request).filter(**{self.part_lookup: value}).values("order"))

    def is_valid(self, value):
        return True


class PartStatusFilter(VisiblePartsFilter):
    title = _("status")
    parameter_name = "parts__status__exact"
    part_lookup = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def is_valid(self, value):
        return value in Status.values


class PartDistrictFilter(VisiblePartsFilter):
    title = _("district")
    parameter_name = "parts__producer__district__id__exact"
    part_lookup = "producer__district_id"

    def lookups(self, request, model_admin):
        districts = scope_queryset(District.objects.order_by("name"), request.user)
        return [(str(district.pk), district.name) for district in districts]

    def is_valid(self, value):
        return value.isascii() and value.isdigit() and len(value) <= 12


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    # The shopper's name and phone share a column, so every column fits a 1280 px screen.
    list_display = ["code", created, "shopper", "fulfilment_short", "payment_short", "total_vnd", "statuses"]
    list_filter = [PartStatusFilter, "fulfilment", "payment", "created_at", PartDistrictFilter]
    # Producers are searched among the visible parts only: see get_search_results.
    search_fields = ["code", "phone", "name", "email"]
    date_hierarchy = "created_at"
    list_select_related = ["showroom"]
    readonly_fields = ["total_vnd"]
    inlines = [ProducerOrderInline]
    fieldsets = [
        (None, {"fields": ["code", "created_at", "total_vnd", "payment", "language"]}),
        (_("Shopper"), {"fields": ["name", "phone", "email", "note"]}),
        (_("Fulfilment"), {"fields": ["fulfilment", "address", "showroom"]}),
    ]

    class Media:
        css = {"all": ["orders/admin.css"]}

    def get_queryset(self, request):
        parts = visible_parts(request)
        # The total of the parts this user may see: the whole total for a city
        # administrator, an officer's own parts' total for an order spanning districts.
        visible_total = (
            parts.filter(order=OuterRef("pk"))
            .order_by()
            .values("order")
            .annotate(amount=Sum("subtotal"))
            .values("amount")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(visible_total=Subquery(visible_total))
            .prefetch_related(Prefetch("parts", queryset=parts.order_by("producer__name"), to_attr="visible_parts"))
        )

    def lookup_allowed(self, lookup, value, request=None):
        # Django checks relational parameters against list_filter's entries by name; our
        # filters keep Django's own parameter names (links and bookmarks keep working).
        if lookup in (PartStatusFilter.parameter_name, PartDistrictFilter.parameter_name):
            return True
        return super().lookup_allowed(lookup, value, request)

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            by_producer = visible_parts(request).filter(producer__name__icontains=term).values("order")
            results = results | queryset.filter(pk__in=by_producer)
        return results, may_have_duplicates

    @admin.display(description=_("shopper"), ordering="name")
    def shopper(self, order):
        return shopper_lines(order)

    @admin.display(description=_("fulfilment"), ordering="fulfilment")
    def fulfilment_short(self, order):
        return SHORT_FULFILMENT.get(order.fulfilment, order.fulfilment)

    @admin.display(description=_("payment"), ordering="payment")
    def payment_short(self, order):
        return SHORT_PAYMENT.get(order.payment, order.payment)

    @admin.display(description=_("total"), ordering="visible_total")
    def total_vnd(self, order):
        return vnd(order.visible_total or 0)

    @admin.display(description=_("status per producer"))
    def statuses(self, order):
        return ", ".join(part.get_status_display() for part in order.visible_parts)


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


class TransferReceivedFilter(admin.SimpleListFilter):
    """Bank-transfer parts by whether the money arrived: what an officer checks the
    bank statement against."""

    title = _("bank transfer")
    parameter_name = "transfer"

    def lookups(self, request, model_admin):
        return [("awaited", _("awaited")), ("received", _("received"))]

    def queryset(self, request, queryset):
        if self.value() == "awaited":
            return queryset.transfer_to_check()
        if self.value() == "received":
            return queryset.transfer_received()
        return queryset


@admin.register(ProducerOrder)
class ProducerOrderAdmin(ReadOnlyAdmin):
    list_display = [
        "order_code",
        created,
        "producer",
        "status",
        "fulfilment",
        "payment",
        "total_vnd",
        "shopper",
    ]
    list_filter = [
        "status",
        "order__fulfilment",
        "order__payment",
        TransferReceivedFilter,
        "producer__district",
        "created_at",
    ]
    search_fields = ["order__code", "order__phone", "order__name", "producer__name"]
    date_hierarchy = "created_at"
    list_select_related = ["order", "producer"]
    readonly_fields = [
        "order_link",
        "subtotal_vnd",
        "delivery_fee_vnd",
        "total_vnd",
        "delivery_days_text",
        "shopper",
        "delivery",
        "next_statuses_text",
        "transfer_reference",
    ]
    inlines = [OrderLineInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "order_link",
                    "producer",
                    "status",
                    "next_statuses_text",
                    "subtotal_vnd",
                    "delivery_fee_vnd",
                    "total_vnd",
                    "delivery_days_text",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
        (_("Shopper"), {"fields": ["shopper", "delivery"]}),
        (
            _("Bank transfer payee"),
            {
                "fields": [
                    "payee_bank_name",
                    "payee_bank_bin",
                    "payee_account_number",
                    "payee_account_name",
                    "transfer_reference",
                    "paid_at",
                    "paid_recorded_by",
                ]
            },
        ),
    ]
    actions = [
        _status_action(Status.CONFIRMED, _("Mark selected parts confirmed")),
        _status_action(Status.SHIPPED, _("Mark selected parts shipped")),
        _status_action(Status.READY, _("Mark selected parts ready for pickup")),
        _status_action(Status.COMPLETED, _("Mark selected parts completed")),
        _status_action(Status.CANCELLED, _("Cancel selected parts (puts the stock back)")),
        "mark_transfer_received",
    ]

    class Media:
        css = {"all": ["orders/admin.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .for_admin()
            .select_related("order__delivery_district", "order__delivery_commune")
        )

    @admin.display(description=_("delivery fee"))
    def delivery_fee_vnd(self, part):
        return delivery_fee_text(part)

    @admin.display(description=_("delivery time"))
    def delivery_days_text(self, part):
        return part.delivery_days_text or "—"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The status buttons post the change form with `_status`. get_object is scoped to
        # the officer's districts: a part outside them (or none) goes to the usual change
        # view, which answers for a record outside their districts before reading the form.
        if request.method == "POST" and "_status" in request.POST:
            part = self.get_object(request, unquote(object_id))
            if part is not None:
                return self._change_status(request, part, request.POST["_status"])
        for button, record in (("_transfer_received", True), ("_transfer_not_received", False)):
            if request.method == "POST" and button in request.POST:
                part = self.get_object(request, unquote(object_id))
                if part is not None:
                    return self._record_transfer(request, part, received=record)
        return super().change_view(request, object_id, form_url, extra_context)

    def _record_transfer(self, request, part, received):
        if not self.has_change_permission(request, part):
            raise PermissionDenied
        try:
            if received:
                services.record_transfer_received(part=part, user=request.user)
                done = _("Transfer received for %(part)s: the shopper sees it on their order page.")
            else:
                services.undo_transfer_received(part=part)
                done = _(
                    "The transfer for %(part)s is no longer recorded as received: the shopper's order page "
                    "asks for the payment again."
                )
        except services.StatusChangeRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
        else:
            self.message_user(request, done % {"part": part}, messages.SUCCESS)
        return HttpResponseRedirect(request.path)

    @admin.action(description=_("Mark the bank transfer received for the selected parts"))
    def mark_transfer_received(self, request, queryset):
        recorded, refused = 0, []
        for part in queryset.select_related("order", "producer"):
            try:
                services.record_transfer_received(part=part, user=request.user)
            except services.StatusChangeRefused as error:
                refused.append(str(error))
            else:
                recorded += 1
        if recorded:
            self.message_user(
                request,
                ngettext(
                    "Transfer received recorded for %(n)d part.",
                    "Transfer received recorded for %(n)d parts.",
                    recorded,
                )
                % {"n": recorded},
                messages.SUCCESS,
            )
        for message in refused:
            self.message_user(request, message, messages.WARNING)

    def _change_status(self, request, part, status):
        if not self.has_change_permission(request, part):
            raise PermissionDenied
        if status not in Status.values:
            self.message_user(request, _("Unknown status: nothing was changed."), messages.ERROR)
        else:
            try:
                services.change_status(part=part, status=status)
            except services.StatusChangeRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("%(part)s is now “%(status)s”.") % {"part": part, "status": Status(status).label},
                    messages.SUCCESS,
                )
        return HttpResponseRedirect(request.path)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_change_permission(request, obj):
            context["status_buttons"] = [(status.value, STATUS_BUTTONS[status]) for status in obj.next_statuses()]
            context["transfer_button"] = obj.payee is not None and obj.paid_at is None
            context["transfer_undo_button"] = obj.paid_at is not None
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("transfer received"), ordering="paid_at")
    def transfer_received(self, part):
        if part.paid_at:
            return day(localtime(part.paid_at))
        # As the "awaited" filter: a cancelled part's money is not awaited.
        return _("awaited") if part.transfer_to_check else "—"

    @admin.display(description=_("transfer description"))
    def transfer_reference(self, part):
        return part.transfer_reference if part.payee else "—"

    @admin.display(description=pgettext_lazy("shop order", "order"), ordering="order__code")
    def order_code(self, part):
        return part.order.code

    @admin.display(description=pgettext_lazy("shop order", "order"))
    def order_link(self, part):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:orders_order_change", args=[part.order_id]), part.order.code
        )

    @admin.display(description=_("fulfilment"), ordering="order__fulfilment")
    def fulfilment(self, part):
        return SHORT_FULFILMENT.get(part.order.fulfilment, part.order.fulfilment)

    @admin.display(description=_("payment"), ordering="order__payment")
    def payment(self, part):
        """The way of paying, and for a bank transfer whether it was received (one column:
        the list must fit a 1280 px screen)."""
        way = SHORT_PAYMENT.get(part.order.payment, part.order.payment)
        if not part.payee:
            return way
        return format_html("{}<br><small>{}</small>", way, self.transfer_received(part))

    @admin.display(description=_("subtotal"), ordering="subtotal")
    def subtotal_vnd(self, part):
        return vnd(part.subtotal)

    # The part with its delivery fee: what the shopper pays, and what a VietQR code asked for.
    @admin.display(description=_("total"), ordering=F("subtotal") + Coalesce("delivery_fee", 0))
    def total_vnd(self, part):
        return vnd(part.total)

    @admin.display(description=_("shopper"))
    def shopper(self, part):
        return shopper_lines(part.order)

    @admin.display(description=_("delivery or pickup"))
    def delivery(self, part):
        order = part.order
        if order.is_pickup:
            return f"{order.get_fulfilment_display()}: {order.showroom}"
        place = f" ({order.delivery_place})" if order.delivery_place else ""
        return f"{order.get_fulfilment_display()}: {order.address}{place}"

    @admin.display(description=_("possible next statuses"))
    def next_statuses_text(self, part):
        return ", ".join(str(status.label) for status in part.next_statuses()) or "—"


@admin.register(PayeeAccount)
class PayeeAccountAdmin(DistrictScopedAdmin):
    list_display = ["producer", "bank_name", "bank_bin", "account_number", "account_name"]
    list_filter = [("bank_bin", admin.EmptyFieldListFilter)]
    search_fields = ["producer__name", "account_number", "account_name"]
    autocomplete_fields = ["producer"]
    list_select_related = ["producer"]


@admin.register(DeliveryTerms)
class DeliveryTermsAdmin(DistrictScopedAdmin):
    list_display = ["producer", "days_min", "days_max"]
    search_fields = ["producer__name"]
    autocomplete_fields = ["producer"]
    list_select_related = ["producer"]


@admin.register(DeliveryRule)
class DeliveryRuleAdmin(DistrictScopedAdmin):
    """A producer's fees by place. Overlapping rules are refused by the model's
    constraints, with their message, before anything is saved."""

    list_display = ["producer", "place", "fee_vnd", "free_above_vnd"]
    list_filter = ["producer__district"]
    search_fields = ["producer__name", "district__name", "commune__name"]
    autocomplete_fields = ["producer"]
    list_select_related = ["producer", "district", "commune"]
    fields = ["producer", "commune", "district", "fee", "free_above"]

    def _scope_choices(self, field, db_field, request):
        # The producer is the officer's; the place delivered to may be any district.
        if db_field.name == "district":
            return field
        return super()._scope_choices(field, db_field, request)

    @admin.display(description=_("delivers to"), ordering="commune__name")
    def place(self, rule):
        return rule.place_label

    @admin.display(description=_("delivery fee"), ordering="fee")
    def fee_vnd(self, rule):
        return vnd(rule.fee)

    @admin.display(description=_("free from"), ordering="free_above")
    def free_above_vnd(self, rule):
        return vnd(rule.free_above) if rule.free_above else "—"


class ReviewAdminForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["status", "moderation_reason", "reply"]

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if {"status", "moderation_reason"} & set(self.changed_data) and status == ReviewStatus.PENDING:
            self.add_error("status", _("A review is either published or hidden."))
        if status == ReviewStatus.HIDDEN and not (cleaned.get("moderation_reason") or "").strip():
            self.add_error("moderation_reason", _("Say why the review is hidden."))
        return cleaned


@admin.register(Review)
class ReviewAdmin(DistrictScopedAdmin):
    """Buyers' reviews: officers of the product's district publish or hide them (hiding with
    a reason) and may type the producer's one reply for a producer without an account. Every
    change goes through orders/reviews.py, which keeps the product's figures current."""

    form = ReviewAdminForm
    # The words in the list: an officer publishes a batch without opening each review.
    # The producer too: several producers of a village sell products of the same name.
    list_display = ["product", "producer", "stars", "excerpt", "display_name", "status", "created_at", "has_reply"]
    list_filter = ["status", "stars", "product__producer__district", "created_at"]
    search_fields = ["product__name", "product__producer__name", "display_name", "text", "part__order__code"]
    list_select_related = ["product__producer", "part__order"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "order_link",
        "product",
        "stars",
        "display_name",
        "text",
        "photo_preview",
        "created_at",
        "moderated_by",
        "moderated_at",
        "replied_at",
    ]
    fieldsets = [
        (None, {"fields": ["order_link", "product", "stars", "display_name", "text", "photo_preview", "created_at"]}),
        (_("Moderation"), {"fields": ["status", "moderation_reason", "moderated_by", "moderated_at"]}),
        (_("Producer's reply"), {"fields": ["reply", "replied_at"]}),
    ]
    actions = ["publish_selected"]

    def has_add_permission(self, request):
        return False  # reviews come from buyers' order pages only

    @admin.display(description=_("producer"), ordering="product__producer__name")
    def producer(self, review):
        return review.product.producer.name

    def get_queryset(self, request):
        return super().get_queryset(request).for_admin()

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.reply_locked:
            fields.append("reply")  # a reply is given once
        return fields

    @admin.display(description=_("review"))
    def excerpt(self, review):
        return Truncator(review.text).chars(90)

    @admin.display(boolean=True, description=_("replied"))
    def has_reply(self, review):
        return review.has_reply

    @admin.display(description=_("photo"))
    def photo_preview(self, review):
        """The small picture made on save, linking to the full photo (never the full photo
        drawn small: it can be 10 MB)."""
        if not review.photo:
            return "—"
        thumb = review.photo_thumbnail
        if thumb is None:
            return format_html('<a href="{}">{}</a>', review.photo.url, _("See the buyer's photo"))
        return format_html(
            '<a href="{}"><img src="{}" width="{}" height="{}" alt="{}" loading="lazy"></a>',
            review.photo.url,
            thumb.jpeg_url,
            thumb.width,
            thumb.height,
            _("Photo from the buyer"),
        )

    @admin.display(description=pgettext_lazy("shop order", "order"))
    def order_link(self, review):
        url = reverse("admin:orders_producerorder_change", args=[review.part_id])
        return format_html('<a href="{}">{}</a>', url, review.part.order.code)

    def save_model(self, request, obj, form, change):
        # Through the services, never the form's own save: the product's figures and the
        # cached pages follow a moderation, and a reply is written once.
        if {"status", "moderation_reason"} & set(form.changed_data):
            reviews.moderate(review=obj, status=obj.status, user=request.user, reason=obj.moderation_reason)
        if "reply" in form.changed_data and obj.reply:
            reviews.reply(review=obj, text=obj.reply)

    def save_related(self, request, form, formsets, change):
        pass  # nothing related is edited here

    @admin.action(description=_("Publish selected reviews"), permissions=["change"])
    def publish_selected(self, request, queryset):
        count = 0
        for review in queryset:
            reviews.moderate(review=review, status=ReviewStatus.PUBLISHED, user=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d review published.", "%(count)d reviews published.", count) % {"count": count},
            messages.SUCCESS,
        )

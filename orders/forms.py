from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import Value, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.text import vietnamese_sort_key
from villages.models import Commune, District

from . import pickup
from .cart import MAX_QUANTITY, pickup_showrooms
from .models import Fulfilment, Order, Payment, Review, normalise_order_code, payee_details_for
from .phone import normalise_mobile


def producers_without_payee(lines):
    """Names of the cart's producers with no account to take a bank transfer into
    (neither their own PayeeAccount nor the collective one in settings)."""
    producers = list({line.product.producer_id: line.product.producer for line in lines}.values())
    prefetch_related_objects(producers, "payee_account")  # one query, misses cached too
    return sorted(producer.name for producer in producers if payee_details_for(producer) is None)


def place_choices():
    """Hanoi's communes and wards (since 2025) and its old districts as select choices, in
    one query, in Vietnamese alphabetical order (Dương before Đại; the database's collation
    does not know it, so Python sorts the 156 names)."""
    communes = Commune.objects.annotate(level=Value("commune")).values_list("level", "pk", "name").order_by()
    districts = District.objects.annotate(level=Value("district")).values_list("level", "pk", "name").order_by()
    places = {"commune": [], "district": []}
    for level, pk, name in sorted(communes.union(districts, all=True), key=lambda row: vietnamese_sort_key(row[2])):
        places[level].append((pk, name))
    return places["commune"], places["district"]


class QuantityForm(forms.Form):
    """Adding to the cart (quantity ≥ 1) or changing a line (0 removes it)."""

    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=0,
        max_value=MAX_QUANTITY,
        error_messages={
            "required": _("Enter a quantity."),
            "invalid": _("Enter a quantity as a whole number."),
            "max_value": _("At most %(limit_value)s at a time."),
            "min_value": _("The quantity cannot be negative."),
        },
    )


# The fields of each way to receive an order, with what they hold when the other way is
# chosen. The checkout shows only the chosen way's fields (orders.css).
FULFILMENT_FIELDS = {
    Fulfilment.DELIVERY: {"address": "", "delivery_commune": None, "delivery_district": None},
    Fulfilment.PICKUP: {"showroom": None},
}


class ShowroomChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, showroom):
        return f"{showroom.name} — {showroom.address}"


class CheckoutForm(forms.ModelForm):
    """Who is buying, where it goes and how it is paid; validated against the cart's contents."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    # The total the shopper saw: a price changed since then stops the order instead of
    # charging more than the page said.
    expected_total = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    # Each producer's delivery fee as shown (orders/delivery.py Quote.signature): a rule
    # changed since, or an address changed without recalculating, asks again.
    expected_delivery = forms.CharField(widget=forms.HiddenInput, required=False, max_length=4000)
    # Declared here: people type spaces, dots and brackets, so the raw text is longer
    # than the stored E.164 form.
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        help_text=_("The producers call this number to confirm. E.g. 0912 345 678"),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    showroom = ShowroomChoiceField(
        label=_("Pickup showroom"),
        queryset=None,
        required=False,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("This showroom does not stock every item in your cart: choose another one or delivery.")
        },
    )

    class Meta:
        model = Order
        fields = [
            "name",
            "phone",
            "email",
            "fulfilment",
            "delivery_commune",
            "delivery_district",
            "address",
            "showroom",
            "payment",
            "note",
        ]
        labels = {
            "delivery_commune": _("Ward or commune (since July 2025)"),
            "delivery_district": _("Or the district (before July 2025)"),
            "name": _("Your name"),
            "email": _("Email (optional)"),
            "fulfilment": _("How do you want to receive it?"),
            "address": _("Delivery address"),
            "payment": _("Payment"),
            "note": _("Note for the producers (optional)"),
        }
        help_texts = {
            "email": _("We send the order details here."),
            "address": _("House number, street, ward or commune, district."),
            "delivery_commune": _("Choose it to see the delivery fee for your address."),
            "delivery_district": _("If you know your address by its old district."),
        }
        widgets = {
            "fulfilment": forms.RadioSelect,
            "payment": forms.RadioSelect,
            "address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "note": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, cart_lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.cart_lines = cart_lines
        self.fields["showroom"].queryset = pickup_showrooms(line.product.pk for line in cart_lines)
        # TextFields have no length in the database; a shopper's note need not be a book.
        self.fields["note"].validators.append(MaxLengthValidator(1000))
        self.fields["address"].validators.append(MaxLengthValidator(500))
        self.fields["fulfilment"].choices = Fulfilment.choices
        # Hanoi's communes and old districts: the places producers set fees for. Outside
        # Hanoi, leave both empty and the producers' "everywhere" fee applies.
        communes, districts = place_choices()
        self.fields["delivery_commune"].choices = [("", _("— choose, or outside Hanoi —")), *communes]
        self.fields["delivery_district"].choices = [("", _("— choose —")), *districts]
        # Bank transfer is offered only when every producer in the cart can be paid that way:
        # offering it and refusing it after submit wastes the shopper's time.
        self.without_payee = producers_without_payee(cart_lines)
        payment = self.fields["payment"]
        if self.without_payee:
            payment.choices = [(Payment.CASH.value, Payment.CASH.label)]
            # Only a forged or stale form gets here: say why, not "select a valid choice".
            payment.error_messages["invalid_choice"] = _(
                "%(producers)s cannot take bank transfers yet: choose cash on delivery."
            ) % {"producers": ", ".join(self.without_payee)}
            if self.initial.get("payment") == Payment.BANK_TRANSFER:
                self.initial["payment"] = Payment.CASH
        else:
            payment.choices = Payment.choices

    @cached_property
    def pickup_coverage(self):
        """What each showroom has of the cart, when none stocks all of it (else None)."""
        if not self.cart_lines or self.fields["showroom"].queryset.exists():
            return None
        return pickup.coverage(self.cart_lines)

    def clean_phone(self):
        return normalise_mobile(self.cleaned_data["phone"])

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Enter your name."))
        return name

    def clean(self):
        cleaned = super().clean()
        fulfilment = cleaned.get("fulfilment")
        # The other way's fields are hidden but still posted: an address typed before
        # choosing pickup, or a showroom checked and then left for delivery, must neither
        # stop the order with an error the shopper cannot see nor be stored with it.
        for way, blanks in FULFILMENT_FIELDS.items():
            if fulfilment is not None and way != fulfilment:
                for name, blank in blanks.items():
                    self.errors.pop(name, None)
                    cleaned[name] = blank
        if fulfilment == Fulfilment.DELIVERY and not (cleaned.get("address") or "").strip():
            self.add_error("address", _("Enter the address to deliver to, or choose pickup at a showroom."))
        if fulfilment == Fulfilment.PICKUP and not cleaned.get("showroom"):
            if self.pickup_coverage is None:
                self.add_error("showroom", _("Choose the showroom where you will pick up your order."))
            else:
                self.add_error("fulfilment", _("No showroom stocks every item in your cart: choose delivery."))
                for line in self.pickup_coverage.unstocked:
                    self.add_error("fulfilment", _("No showroom stocks “%(name)s”.") % {"name": line.product.name})
                if self.pickup_coverage.options:
                    self.add_error("fulfilment", _("Or pick up part of your order: see the showrooms below."))
        return cleaned

    def _post_clean(self):
        # The order row is made by services.place_order, not by this form: skip the
        # model validation that would ask for the code, token and total.
        pass


class LookupForm(forms.Form):
    code = forms.CharField(label=_("Order code"), max_length=20, help_text=_("8 letters and digits, e.g. K7M2QX9A"))
    phone = forms.CharField(label=_("Mobile phone used for the order"), max_length=30)

    def clean_code(self):
        code = normalise_order_code(self.cleaned_data["code"])
        if len(code) != 8:
            raise ValidationError(_("An order code has 8 letters and digits."))
        return code

    def clean_phone(self):
        return normalise_mobile(self.cleaned_data["phone"])


class ReviewForm(forms.ModelForm):
    """A buyer's review of one product of a completed part (orders/reviews.py saves it)."""

    stars = forms.TypedChoiceField(
        label=_("Stars"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        error_messages={"invalid_choice": _("Give 1 to 5 stars."), "required": _("Give 1 to 5 stars.")},
    )

    class Meta:
        model = Review
        fields = ["stars", "text", "display_name", "photo"]
        labels = {"text": _("Your review"), "display_name": _("Signed as"), "photo": _("Photo (optional)")}
        help_texts = {"display_name": _("Your first name as it will appear; change it if you like.")}
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}

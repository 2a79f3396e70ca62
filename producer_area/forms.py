"""The producer area's forms: what a producer may change, and nothing an officer decides
(stars, certificate, group and product set, publishing stay in the admin)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from catalogue.models import ProducerAccount, Product, ProductImage
from orders.models import Status


class ProductForm(forms.ModelForm):
    # The fields a producer keeps current; `save()` writes only these (views.product_edit).
    FIELDS = ["price", "stock_quantity", "description_vi", "description_en"]

    class Meta:
        model = Product
        fields = ["price", "stock_quantity", "description_vi", "description_en"]
        error_messages = {
            "price": {"min_value": _("The price cannot be negative."), "invalid": _("Enter the price in whole đồng.")},
            "stock_quantity": {
                "min_value": _("The stock cannot be negative."),
                "invalid": _("Enter the stock as a whole number."),
            },
        }
        widgets = {
            "price": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "step": 1}),
            "stock_quantity": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "step": 1}),
            "description_vi": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {
            "description_vi": _("Description (Vietnamese)"),
            "description_en": _("Description (English)"),
        }


class PhotoForm(forms.ModelForm):
    class Meta:
        model = ProductImage
        fields = ["image", "alt_text_vi"]
        labels = {"alt_text_vi": _("What the photo shows")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alt_text_vi"].required = True


class StatusForm(forms.Form):
    """A move of one part: to one of its `next_statuses()`, with a reason when cancelling."""

    status = forms.ChoiceField(choices=Status.choices)
    reason = forms.CharField(max_length=300, required=False, label=_("Reason for cancelling (the shopper sees it)"))

    def __init__(self, *args, part, **kwargs):
        super().__init__(*args, **kwargs)
        self.part = part

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status and not self.part.can_move_to(status):
            raise forms.ValidationError(
                _("This order cannot go from “%(current)s” to “%(new)s”.")
                % {"current": self.part.get_status_display(), "new": Status(status).label}
            )
        if status == Status.CANCELLED and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why you cancel: the shopper reads it on their order page."))
        return data


class ReplyForm(forms.Form):
    """The producer's reply to a review. An empty one is refused by `orders.reviews.reply()`
    (with its own message), so the field itself only bounds the length. The template draws
    the field itself: a list page holds one form per review, each with its own id."""

    MAX_LENGTH = 2000  # as Review.reply

    reply = forms.CharField(
        required=False,
        max_length=MAX_LENGTH,
        error_messages={"max_length": _("A reply is at most %(limit_value)d characters.")},
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class InvitationForm(forms.ModelForm):
    """The admin's "Invite a producer account": a producer of the officer's districts (the
    choices are scoped by the admin) and the email the one-time link goes to."""

    email = forms.EmailField(label=_("email"), help_text=_("The link to set a password is sent here."))

    class Meta:
        model = ProducerAccount
        fields = ["producer", "email"]

    def clean_email(self):
        email = get_user_model().objects.normalize_email(self.cleaned_data["email"]).lower()
        users = get_user_model().objects
        if users.filter(email__iexact=email).exists() or users.filter(username__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email

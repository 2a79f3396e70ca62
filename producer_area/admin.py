"""Officers invite producers of their districts to the producer area, and deactivate them.

The accounts' admin is registered here, in the top layer, because inviting sends a link to
a page of this app; the Producer admin (catalogue) links to its add form.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from catalogue.models import ProducerAccount
from villages.admin_scope import DistrictScopedAdmin

from . import invitations
from .forms import InvitationForm


@admin.register(ProducerAccount)
class ProducerAccountAdmin(DistrictScopedAdmin):
    list_display = ["email", "producer", "is_active", "password_set", "created_at"]
    list_filter = ["is_active", "producer__district"]
    list_editable = ["is_active"]
    list_select_related = ["user", "producer"]
    search_fields = ["user__email", "producer__name"]
    actions = ["send_again"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = InvitationForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        return ["producer", "email"] if obj is None else ["email", "producer", "is_active", "invited_by", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["email", "producer", "invited_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        invitations.invite(account=obj, email=form.cleaned_data["email"], invited_by=request.user)
        messages.info(request, _("The invitation was emailed to %(email)s.") % {"email": obj.user.email})

    @admin.display(description=_("email"), ordering="user__email")
    def email(self, account):
        return account.user.email

    @admin.display(description=_("password set"), boolean=True)
    def password_set(self, account):
        return account.user.has_usable_password()

    @admin.action(description=_("Send the invitation again (accounts without a password)"))
    def send_again(self, request, queryset):
        sent = 0
        for account in queryset.select_related("user", "producer"):
            if account.is_active and not account.user.has_usable_password():
                invitations.send_invitation(account)
                sent += 1
        self.message_user(
            request, ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", sent) % {"count": sent}
        )

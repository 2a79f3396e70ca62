"""Inviting a producer account: a user with no usable password, linked to its producer, and
an email (Vietnamese, then English) with a one-time link to set a password.

The link is Django's password-reset token (`default_token_generator`): it is made from
the user's password hash and last sign-in, so it stops working once the password is set
(a second use is refused) and after PASSWORD_RESET_TIMEOUT (3 days by default). An
officer sends a fresh link from the admin ("Send the invitation again").
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from villages import scoping

INVITATION_LANGUAGES = ("vi", "en")


def invite(*, account, email, invited_by):
    """Create the user of the unsaved `account` (its producer set), save both, and email
    the link once the transaction commits. Only for producers in `invited_by`'s districts."""
    if not scoping.may_touch(invited_by, account.producer):
        raise PermissionDenied("This producer is outside your districts.")
    with transaction.atomic():
        # create_user() without a password stores an unusable one: nobody can sign in
        # until the link is used.
        account.user = get_user_model().objects.create_user(username=email, email=email)
        account.invited_by = invited_by
        account.save()
    transaction.on_commit(lambda: send_invitation(account), robust=True)
    return account


def invitation_link(user, language):
    with translation.override(language):
        path = reverse(
            "producer_area:set_password",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    return settings.SITE_URL + path


def send_invitation(account):
    """The email in both languages: a cooperative's member may read either."""
    parts, subjects = [], []
    for language in INVITATION_LANGUAGES:
        with translation.override(language):
            subjects.append(_("Your account for %(producer)s on OCOP Hà Nội") % {"producer": account.producer.name})
            parts.append(
                render_to_string(
                    "producer_area/email/invitation.txt",
                    {
                        "account": account,
                        "producer": account.producer,
                        "link": invitation_link(account.user, language),
                        "sign_in": settings.SITE_URL + reverse("producer_area:login"),
                    },
                )
            )
    message = EmailMessage(subject=" / ".join(subjects), body="\n\n----------\n\n".join(parts), to=[account.user.email])
    return message.send()

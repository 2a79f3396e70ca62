"""Signing in, the invitation link (set a password once) and the officers' invitations."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from catalogue.models import ProducerAccount
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_producer_signs_in_with_email_and_password_and_out_again(client, area):
    page = client.get(reverse("producer_area:login"))
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    response = client.post(
        reverse("producer_area:login"), {"username": "ba.lan@example.com", "password": "pw-producer-123"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("producer_area:dashboard")
    dashboard = client.get(reverse("producer_area:dashboard"))
    assert dashboard.status_code == 200 and area["own"]["producer"].name in dashboard.content.decode()
    client.post(reverse("producer_area:logout"))
    assert client.get(reverse("producer_area:dashboard")).status_code == 302


def test_a_wrong_password_is_refused(client, area):
    response = client.post(reverse("producer_area:login"), {"username": "ba.lan@example.com", "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_english_area_is_under_en(client, area):
    assert reverse("producer_area:login") == "/producer/sign-in/"
    assert client.get("/en/producer/sign-in/").status_code == 200


def invite(client, producer, email="moi@example.com"):
    return client.post(reverse("admin:catalogue_produceraccount_add"), {"producer": producer.pk, "email": email})


def link_in(message):
    return urlsplit(re.search(r"https?://\S+/producer/welcome/\S+/", message.body).group(0)).path


def test_an_officer_invites_a_producer_of_their_district_and_the_link_sets_a_password_once(
    officer_client, client, area, django_capture_on_commit_callbacks
):
    producer = area["own"]["producer"]
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(officer_client, producer)
    assert response.status_code == 302
    account = ProducerAccount.objects.get(user__email="moi@example.com")
    assert account.producer == producer and not account.user.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["moi@example.com"]
    assert "Đặt mật khẩu" in message.body and "Set your password" in message.body  # Vietnamese and English
    link = link_in(message)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "Gom-men-lam-2026", "new_password2": "Gom-men-lam-2026"}
    )
    assert done.status_code == 302
    account.user.refresh_from_db()
    assert account.user.check_password("Gom-men-lam-2026")
    # The second use of the same link is refused.
    again = client.get(link, follow=True)
    assert 'name="new_password1"' not in again.content.decode()
    # And the producer signs in.
    signed = client.post(
        reverse("producer_area:login"), {"username": "moi@example.com", "password": "Gom-men-lam-2026"}
    )
    assert signed.status_code == 302


def test_an_officer_cannot_invite_a_producer_of_another_district(officer_client, area):
    response = invite(officer_client, area["other"]["producer"])
    assert response.status_code == 200  # the form again, with the choice refused
    assert not ProducerAccount.objects.filter(user__email="moi@example.com").exists()
    assert not get_user_model().objects.filter(email="moi@example.com").exists()
    assert not mail.outbox


def test_an_email_already_used_is_refused(officer_client, area):
    response = invite(officer_client, area["own"]["producer"], email="ba.lan@example.com")
    assert response.status_code == 200
    assert ProducerAccount.objects.count() == 1


def test_an_officer_deactivates_an_account_and_its_user_sees_nothing(officer_client, client, area):
    account = area["user"].producer_account
    page = officer_client.get(reverse("admin:catalogue_produceraccount_change", args=[account.pk]))
    assert page.status_code == 200
    officer_client.post(reverse("admin:catalogue_produceraccount_change", args=[account.pk]), {"is_active": ""})
    account.refresh_from_db()
    assert not account.is_active
    client.force_login(area["user"])
    assert client.get(reverse("producer_area:orders")).status_code == 403


def test_the_officer_sees_only_their_districts_accounts(officer_client, area):
    factories.ProducerUserFactory(username="khac@example.com", producer=area["other"]["producer"])
    page = officer_client.get(reverse("admin:catalogue_produceraccount_changelist")).content.decode()
    assert "ba.lan@example.com" in page and "khac@example.com" not in page
    other = ProducerAccount.objects.get(user__email="khac@example.com")
    response = officer_client.get(reverse("admin:catalogue_produceraccount_change", args=[other.pk]))
    assert response.status_code in (302, 403, 404)


def test_the_producer_admin_page_offers_the_invitation(officer_client, area):
    producer = area["own"]["producer"]
    page = officer_client.get(reverse("admin:catalogue_producer_change", args=[producer.pk])).content.decode()
    assert f"{reverse('admin:catalogue_produceraccount_add')}?producer={producer.pk}" in page
    assert "ba.lan@example.com" in page


def test_repeated_wrong_passwords_lock_the_sign_in_out(client, area, settings):
    url = reverse("producer_area:login")
    for _ in range(settings.SIGNIN_FAILURES_PER_USERNAME):
        client.post(url, {"username": "ba.lan@example.com", "password": "wrong"})
    locked = client.post(url, {"username": "ba.lan@example.com", "password": "pw-producer-123"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_deactivated_accounts_invitation_link_sets_nothing(client, area):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = area["user"]
    user.set_unusable_password()
    user.save()
    user.producer_account.is_active = False
    user.producer_account.save()
    link = reverse(
        "producer_area:set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    page = client.get(link, follow=True).content.decode()
    assert 'name="new_password1"' not in page


def test_the_demo_producer_login_opens_the_producer_area(client):
    from demo import loaders

    villages = loaders.load_villages()
    loaders.load_producers(villages)
    loaders.load_logins()
    username, password, _role, _slug = loaders.DEMO_PRODUCER_LOGIN
    assert client.post(reverse("producer_area:login"), {"username": username, "password": password}).status_code == 302
    dashboard = client.get(reverse("producer_area:dashboard"))
    assert dashboard.status_code == 200 and "Gốm Quang Vinh" in dashboard.content.decode()
    assert (username, password, _role) in loaders.logins_still_demo()
    assert loaders.real_data_found() == ""

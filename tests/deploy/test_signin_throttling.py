"""Sign-in throttling: a username tried from one address, and an address trying many usernames."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
OFFICE = "198.51.100.10"


def sign_in(client, username, password, address):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def staff_user():
    """A staff member who signs in with a password (the role does not matter here)."""
    return get_user_model().objects.create_user("officer.lan", password="right-password-123", is_staff=True)


def test_one_address_guessing_across_many_usernames_is_locked_out(client, staff_user, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # One guess per username never reaches the per-username limit...
    statuses = [sign_in(client, f"user{n}", "guess", ATTACKER).status_code for n in range(20)]
    assert statuses[0] == 200
    # ...but twenty usernames from one address lock the address, for every username.
    response = sign_in(client, "officer.lan", "right-password-123", ATTACKER)
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert 429 in statuses
    # Someone elsewhere is not affected.
    response = sign_in(client, "officer.lan", "right-password-123", OFFICE)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_few_mistakes_across_usernames_from_an_office_do_not_lock_it(client, staff_user):
    for n in range(6):
        assert sign_in(client, f"colleague{n}", "typo", OFFICE).status_code == 200
    assert sign_in(client, "officer.lan", "right-password-123", OFFICE).status_code == 302


def test_five_wrong_passwords_for_one_username_still_lock_that_username_from_that_address(client, staff_user, settings):
    for _ in range(settings.SIGNIN_FAILURES_PER_USERNAME):
        sign_in(client, "officer.lan", "wrong", ATTACKER)
    assert sign_in(client, "officer.lan", "right-password-123", ATTACKER).status_code == 429
    # Another username from the same address is still let in (the address is under its limit).
    get_user_model().objects.create_user("officer.minh", password="right-password-456", is_staff=True)
    assert sign_in(client, "officer.minh", "right-password-456", ATTACKER).status_code == 302
    # Their valid password does not clear the other username's failures from that address.
    client.logout()
    assert sign_in(client, "officer.lan", "right-password-123", ATTACKER).status_code == 429


def test_a_valid_password_does_not_reset_an_addresss_failures_across_usernames(client, staff_user):
    get_user_model().objects.create_user("insider", password="insider-password-789", is_staff=True)
    for n in range(19):
        sign_in(client, f"user{n}", "guess", ATTACKER)
    assert sign_in(client, "insider", "insider-password-789", ATTACKER).status_code == 302
    client.logout()
    assert sign_in(client, "user19", "guess", ATTACKER).status_code == 429

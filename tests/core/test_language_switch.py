"""The language switch works whatever language the browser asks for.

An English phone lands on a Vietnamese page (unprefixed URLs are never redirected) and
presses "English"; a Vietnamese browser opens a shared /en/ link and presses "Tiếng Việt".
Each must land on the same page in the chosen language, and stay there.
"""

import pytest

from tests.language import assert_language

pytestmark = pytest.mark.django_db

CASES = [
    # (path, chosen language, browser's language, where the switch must lead)
    ("/", "en", "en", "/en/"),
    ("/", "en", "vi", "/en/"),
    ("/en/", "vi", "vi", "/"),
    ("/en/", "vi", "en", "/"),
    ("/products/?q=bat+trang&sort=price", "en", "en-GB,en;q=0.9", "/en/products/?q=bat+trang&sort=price"),
    ("/en/cart/", "vi", "vi-VN,vi;q=0.9", "/cart/"),
    ("/en/cart/", "vi", "fr-FR", "/cart/"),
]


@pytest.mark.parametrize("path, language, accept_language, destination", CASES)
def test_switch_leads_to_the_same_page_in_the_chosen_language(client, path, language, accept_language, destination):
    response = client.post("/i18n/setlang/", {"language": language, "next": path}, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == destination
    landed = client.get(destination, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert landed.status_code == 200
    assert_language(landed, language)  # and it stays there, whatever the browser asks for


def test_switch_keeps_working_once_the_cookie_is_set(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"}, HTTP_ACCEPT_LANGUAGE="en")
    back = client.post("/i18n/setlang/", {"language": "vi", "next": "/en/"}, HTTP_ACCEPT_LANGUAGE="en")
    assert back["Location"] == "/"
    again = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, HTTP_ACCEPT_LANGUAGE="en")
    assert again["Location"] == "/en/"


def test_switch_refuses_an_off_site_next(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] in ("/", "/en/")


@pytest.mark.parametrize("path, language, accept_language, destination", CASES)
def test_the_switchers_link_leads_to_the_same_page_in_the_chosen_language(
    client, path, language, accept_language, destination
):
    """The switcher on the page is a plain GET link (pages carry no form token)."""
    response = client.get("/i18n/setlang/", {"language": language, "next": path}, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == destination
    assert response.cookies["django_language"].value == language
    landed = client.get(destination, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert landed.status_code == 200
    assert_language(landed, language)


def test_the_link_refuses_an_off_site_next_and_an_unknown_language(client):
    assert client.get("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})["Location"] == "/en/"
    unknown = client.get("/i18n/setlang/", {"language": "xx", "next": "/products/"})
    assert unknown["Location"] == "/products/" and "django_language" not in unknown.cookies

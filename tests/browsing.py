"""Reading the site as a visitor would: shared by the page tests."""


def page_text(client, url, **headers):
    """The HTML of a page that must answer 200."""
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()

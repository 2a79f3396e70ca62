"""Share links for a page: Zalo, Facebook, Messenger, copy link and the phone's share sheet.

Plain links to each network's own share page, carrying the page's canonical URL in its
language (absolute, on SITE_URL, never the request's host or query string): no network's
script, button or tracker is loaded. `core/static/js/share.js` adds the phone's share sheet
(Web Share API) and "Copy link" where the browser has them. Why these URLs:
docs/decisions.md, "Sharing".
"""

from urllib.parse import quote, urlencode

from django import template
from django.conf import settings

from .seo import absolute

register = template.Library()

# Zalo documents only its JS share button (sp.zalo.me/plugins/sdk.js, tied to an Official
# Account); this is the page that button opens, which takes the URL alone.
ZALO_SHARE = "https://sp.zalo.me/share_inline"
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php"
# Messenger's app on a phone; nothing answers it on a desktop (hidden there by CSS).
MESSENGER_APP_SHARE = "fb-messenger://share/"
MESSENGER_DIALOG = "https://www.facebook.com/dialog/send"


def share_urls(url):
    """The networks' share links for an absolute URL."""
    links = {
        "zalo": f"{ZALO_SHARE}?{urlencode({'url': url}, quote_via=quote)}",
        "facebook": f"{FACEBOOK_SHARE}?{urlencode({'u': url}, quote_via=quote)}",
        "messenger": f"{MESSENGER_APP_SHARE}?{urlencode({'link': url}, quote_via=quote)}",
        "messenger_dialog": "",
    }
    if settings.FACEBOOK_APP_ID:
        query = {"app_id": settings.FACEBOOK_APP_ID, "link": url, "redirect_uri": url}
        links["messenger_dialog"] = f"{MESSENGER_DIALOG}?{urlencode(query, quote_via=quote)}"
    return links


@register.inclusion_tag("partials/share.html")
def share_links(path, title):
    """{% share_links object.get_absolute_url title %}: the share bar of a page."""
    url = absolute(path)
    return {"share_url": url, "share_title": title, "links": share_urls(url)}

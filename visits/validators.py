"""Livestream links: only the platforms OCOP producers sell on live (Facebook, TikTok, Zalo)."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Registrable domains of each platform; any subdomain of them is accepted (www., m., vt.).
LIVESTREAM_HOSTS = {
    "facebook.com": "Facebook",
    "fb.watch": "Facebook",
    "tiktok.com": "TikTok",
    "zalo.me": "Zalo",
}


def livestream_platform(url):
    """The platform's name for a livestream URL, or '' if it is none of ours."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme != "https":
        return ""
    host = (parts.hostname or "").lower().rstrip(".")
    for domain, name in LIVESTREAM_HOSTS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return ""


def validate_livestream_url(url):
    if not livestream_platform(url):
        raise ValidationError(
            _(
                "Give an https link to a livestream on Facebook, TikTok or Zalo (facebook.com, fb.watch, tiktok.com, zalo.me)."
            ),
            code="livestream_host",
        )

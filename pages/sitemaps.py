"""sitemap.xml: every public page in both languages, with hreflang alternates.

Locations use settings.SITE_URL rather than the request's host, so the sitemap names the
public domain even when fetched through a proxy or on 127.0.0.1.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from catalogue.certificates import certified_on
from catalogue.models import Decision, Producer, Product
from showrooms.models import Showroom
from villages.models import Craft, District, Village


class SiteSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 5000  # 2 languages x 5,000 stays under the protocol's 50,000 URLs a file

    def get_urls(self, page=1, site=None, protocol=None):
        public = urlsplit(settings.SITE_URL)
        return self._urls(page, public.scheme or "https", public.netloc)


class StaticPagesSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return [
            "home",
            "catalogue:product_list",
            "places:village_list",
            "places:district_list",
            "showrooms:showroom_list",
            "places:map",
            "certificates:register",
            "stats",
            "opendata:page",
        ]

    def location(self, item):
        return reverse(item)


class ProductSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        # Certified products only: an expired or withdrawn one keeps its page for those
        # who hold its link or label, but is not offered to search engines as OCOP.
        return Product.objects.on_sale().order_by("pk").only("slug", "updated_at")

    def lastmod(self, product):
        return product.updated_at


class ProducerSitemap(SiteSitemap):
    def items(self):
        return (
            Producer.objects.filter(certified_on(prefix="products__"))
            .distinct()
            .order_by("pk")
            .only("slug", "updated_at")
        )

    def lastmod(self, producer):
        return producer.updated_at


class VillageSitemap(SiteSitemap):
    def items(self):
        return Village.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, village):
        return village.updated_at


class DistrictSitemap(SiteSitemap):
    def items(self):
        return District.objects.order_by("pk").only("slug")


class CraftSitemap(SiteSitemap):
    def items(self):
        return Craft.objects.order_by("pk").only("slug")


class ShowroomSitemap(SiteSitemap):
    def items(self):
        return Showroom.objects.active().order_by("pk").only("slug", "updated_at")

    def lastmod(self, showroom):
        return showroom.updated_at


class DecisionSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        # Decisions the register shows a row of: with at least one published product.
        return (
            Decision.objects.filter(certifications__product__is_published=True)
            .distinct()
            .order_by("pk")
            .only("slug", "updated_at")
        )

    def lastmod(self, decision):
        return decision.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "products": ProductSitemap,
    "producers": ProducerSitemap,
    "villages": VillageSitemap,
    "districts": DistrictSitemap,
    "crafts": CraftSitemap,
    "showrooms": ShowroomSitemap,
    "decisions": DecisionSitemap,
}

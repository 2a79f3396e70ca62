from django.conf import settings
from django.core.cache import cache


def demo_data_loaded():
    """Whether the catalogue holds demo rows (cached: asked on every page)."""
    from catalogue.models import Producer

    return cache.get_or_set(
        "ocop:demo-data-loaded",
        lambda: Producer.objects.filter(is_demo=True).exists(),
        timeout=300,
    )


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "COUNTERFEIT_REPORT_CONTACT": settings.COUNTERFEIT_REPORT_CONTACT,
        "DEMO_DATA": demo_data_loaded(),
    }

from django.core.cache import cache

from catalogue.models import Producer


def demo_data_loaded():
    """Whether the catalogue holds demo rows (cached: asked on every page)."""
    return cache.get_or_set(
        "ocop:demo-data-loaded",
        lambda: Producer.objects.filter(is_demo=True).exists(),
        timeout=300,
    )


def demo_banner(request):
    """`DEMO_DATA`: base templates then say that the producers and products are illustrative."""
    return {"DEMO_DATA": demo_data_loaded()}

from django.conf import settings


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "COUNTERFEIT_REPORT_CONTACT": settings.COUNTERFEIT_REPORT_CONTACT,
        # Maps (core/templates/partials/map_assets.html): Leaflet only when npm installed it.
        "MAP_LEAFLET": settings.LEAFLET_AVAILABLE,
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
    }

from django.conf import settings


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "COUNTERFEIT_REPORT_CONTACT": settings.COUNTERFEIT_REPORT_CONTACT,
    }

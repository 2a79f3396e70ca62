from django import template

from backoffice.dashboard import panels_for

register = template.Library()


@register.inclusion_tag("admin/partials/dashboard.html", takes_context=True)
def officer_dashboard(context):
    request = context["request"]
    return {"panels": panels_for(request.user), "request": request}

def visits_parts(request):
    """Product, producer and showroom pages (catalogue, showrooms) show the routes and
    events that concern them through this template name: those apps sit below visits and
    know nothing of it (docs/architecture.md, "Layers"). The template is included with
    `subject=` the page's product, producer or showroom."""
    return {"visits_template": "visits/partials/visits_here.html"}

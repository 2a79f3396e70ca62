def where_to_buy(request):
    """The product page (catalogue) shows the showrooms stocking the product through this
    template name: catalogue knows nothing of showrooms, which sits above it."""
    return {"where_to_buy_template": "showrooms/partials/where_to_buy.html"}

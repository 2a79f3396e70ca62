def product_qr(request):
    """The product page (catalogue) shows the product's QR code panel through this template
    name: catalogue knows nothing of traceability, which sits above it."""
    return {"product_qr_template": "trace/partials/product_qr.html"}

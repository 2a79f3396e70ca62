"""Product import files as an officer would prepare them (tests and bench/imports.py)."""

import csv
import io

PRODUCT_COLUMNS = [
    "slug",
    "name_vi",
    "name_en",
    "producer",
    "craft",
    "group",
    "product_set",
    "stars",
    "potential_five_star",
    "certificate_number",
    "certificate_issuer",
    "certificate_level",
    "certificate_date",
    "certificate_valid_until",
    "certificate_withdrawn",
    "price",
    "unit_vi",
    "unit_en",
    "stock_quantity",
    "gtin",
    "description_vi",
    "description_en",
    "is_published",
    "trace_code",
]


def product_row(**values):
    slug = values.get("slug", "hop-son-mai")
    row = {
        "slug": slug,
        "name_vi": f"Hộp sơn mài {slug}",
        "name_en": f"Lacquer box {slug}",
        "producer": "son-mai-son-ha",
        "craft": "lacquer",
        "group": "handicrafts",
        "product_set": "handicrafts-decor",
        "stars": "4",
        "potential_five_star": "0",
        "certificate_number": "12/QĐ-UBND",
        "certificate_issuer": "UBND thành phố Hà Nội",
        "certificate_level": "province",
        "certificate_date": "2026-03-01",
        "certificate_valid_until": "",
        "certificate_withdrawn": "0",
        "price": "550000",
        "unit_vi": "chiếc",
        "unit_en": "piece",
        "stock_quantity": "12",
        "gtin": "",
        "description_vi": "Mô tả",
        "description_en": "Description",
        "is_published": "1",
        "trace_code": "",
    }
    row.update(values)
    return row


def product_csv(rows):
    """CSV text (UTF-8, as Excel's "CSV UTF-8" saves it) of product rows (dicts)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=PRODUCT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for values in rows:
        writer.writerow(product_row(**values))
    return out.getvalue()


def format_index(form, title):
    """The value of the import/export form's format choice whose label is `title`."""
    return next(value for value, label in form.fields["format"].choices if str(label).lower() == title)


def preview(client, content, title="csv", model="product", name=None):
    """Upload a file on the admin's import page: the response is the preview."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    url = reverse(f"admin:catalogue_{model}_import")
    form = client.get(url).context["form"]
    if isinstance(content, str):
        content = content.encode("utf-8")
    upload = SimpleUploadedFile(name or f"{model}s.{title}", content)
    return client.post(url, {"import_file": upload, "format": format_index(form, title), "resource": "0"})


def confirm(client, preview_response, model="product"):
    from django.urls import reverse

    form = preview_response.context["confirm_form"]
    return client.post(reverse(f"admin:catalogue_{model}_process_import"), form.initial)


def export(client, title="csv", model="product"):
    """The bytes of the admin's export of the (scoped) list, every column selected."""
    from django.urls import reverse

    url = reverse(f"admin:catalogue_{model}_export")
    form = client.get(url).context["form"]
    data = {"format": format_index(form, title), "resource": "0"}
    data.update({name: "on" for name, field in form.fields.items() if field.__class__.__name__ == "BooleanField"})
    response = client.post(url, data)
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content

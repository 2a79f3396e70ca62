"""Each product's certificate, kept until now on the product row, becomes a record: its
decision (found or created by number, date and issuer) and the product's certification under
it, with nothing lost: stars, issuing level, the English name of the issuer, validity, and a
withdrawal with its reason in both languages. A withdrawal's date was never recorded, so it is
left empty (the register says "date not recorded") rather than guessed."""

from django.db import migrations
from django.utils.text import slugify

from core.text import fold


def unused_slug(number, decided_on, taken):
    base = slugify(f"{fold(number).replace('/', ' ')} {decided_on:%Y-%m-%d}")[:100] or "decision"
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    taken.add(slug)
    return slug


def certificates_into_history(apps, schema_editor):
    Product = apps.get_model("catalogue", "Product")
    Decision = apps.get_model("catalogue", "Decision")
    Certification = apps.get_model("catalogue", "Certification")

    decisions = {}
    taken = set(Decision.objects.values_list("slug", flat=True))
    for decision in Decision.objects.all():
        decisions[(decision.number, decision.decided_on, decision.issuer_vi)] = decision

    batch = []
    products = Product.objects.order_by("pk").iterator(chunk_size=2000)
    for product in products:
        issuer_vi = product.certificate_issuer_vi or product.certificate_issuer
        key = (product.certificate_number, product.certificate_date, issuer_vi)
        decision = decisions.get(key)
        if decision is None:
            decision = Decision.objects.create(
                number=product.certificate_number,
                decided_on=product.certificate_date,
                issuer=issuer_vi,
                issuer_vi=issuer_vi,
                issuer_en=product.certificate_issuer_en or "",
                level=product.certificate_level,
                slug=unused_slug(product.certificate_number, product.certificate_date, taken),
                search_number=fold(product.certificate_number)[:50],
                created_at=product.created_at,
                updated_at=product.updated_at,
            )
            decisions[key] = decision
        batch.append(
            Certification(
                product_id=product.pk,
                decision_id=decision.pk,
                kind="assessment",
                stars=product.stars,
                valid_from=product.certificate_date,
                valid_until=product.certificate_valid_until,
                withdrawn=product.certificate_withdrawn,
                withdrawn_on=None,
                withdrawn_reason=(product.certificate_withdrawn_reason_vi or product.certificate_withdrawn_reason or "")
                if product.certificate_withdrawn
                else "",
                withdrawn_reason_vi=(product.certificate_withdrawn_reason_vi or product.certificate_withdrawn_reason or "")
                if product.certificate_withdrawn
                else "",
                withdrawn_reason_en=(product.certificate_withdrawn_reason_en or "") if product.certificate_withdrawn else "",
                created_at=product.created_at,
                updated_at=product.updated_at,
            )
        )
        if len(batch) >= 2000:
            Certification.objects.bulk_create(batch)
            batch = []
    Certification.objects.bulk_create(batch)


def history_back_onto_products(apps, schema_editor):
    # The product rows still hold their certificate (the copy of the current one): going
    # back only drops the records.
    apps.get_model("catalogue", "Certification").objects.all().delete()
    apps.get_model("catalogue", "Decision").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0009_certification_history")]

    operations = [migrations.RunPython(certificates_into_history, history_back_onto_products)]

"""Reviews record the language they were written in (the page marks the words with it).

Reviews written before were written on the order's page, so the order's language is the best
record of theirs.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def from_the_order(apps, schema_editor):
    Review = apps.get_model("orders", "Review")
    Order = apps.get_model("orders", "Order")
    order_language = Order.objects.filter(parts__reviews=OuterRef("pk")).values("language")[:1]
    Review.objects.update(language=Subquery(order_language))


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0007_review_photos_out_of_sight"),
    ]

    operations = [
        migrations.AddField(
            model_name="review",
            name="language",
            field=models.CharField(default="vi", max_length=8, verbose_name="language"),
        ),
        migrations.RunPython(from_the_order, migrations.RunPython.noop),
    ]

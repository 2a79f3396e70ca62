"""Fill the machine-readable opening hours from today's free text where it is simple
("8:00–18:00 hằng ngày" → "Mo-Su 08:00-18:00"); the free text is kept as it is, and a
text that is not simple leaves the new field empty for an officer to fill in."""

from django.db import migrations

from core.opening_hours_text import osm_from_text


def fill(apps, schema_editor):
    Showroom = apps.get_model("showrooms", "Showroom")
    for row in Showroom.objects.filter(opening_hours_osm="").only("pk", "opening_hours", "opening_hours_vi"):
        text = row.opening_hours_vi or row.opening_hours
        spec = osm_from_text(text)
        if spec:
            Showroom.objects.filter(pk=row.pk).update(opening_hours_osm=spec)


class Migration(migrations.Migration):
    dependencies = [
        ("showrooms", "0004_opening_hours_machine_readable"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]

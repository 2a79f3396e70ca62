"""Fill the machine-readable opening hours from today's free text where it is simple
("8:00–18:00 hằng ngày" → "Mo-Su 08:00-18:00"); the free text is kept as it is, and a
text that is not simple leaves the new field empty for an officer to fill in."""

from django.db import migrations

from core.opening_hours_text import osm_from_text


def fill(apps, schema_editor):
    Village = apps.get_model("villages", "Village")
    for row in Village.objects.filter(opening_hours_osm="").only("pk", "opening_times", "opening_times_vi"):
        text = row.opening_times_vi or row.opening_times
        spec = osm_from_text(text)
        if spec:
            Village.objects.filter(pk=row.pk).update(opening_hours_osm=spec)


class Migration(migrations.Migration):
    dependencies = [
        ("villages", "0008_opening_hours_machine_readable"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
